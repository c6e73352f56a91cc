# What bilan says of a run on stderr, and the summary of `check`.

issues-summary = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] { $infos } info
       *[other] { $infos } infos
    }
run-wrote = wrote { $dir } ({ $summary } in the data)
run-has-errors = the data has errors; the report was written without the rejected rows (see data-issues.csv)
run-nothing-written = no file was written
stage-reading = reading the files…
stage-indicators = computing the indicators…
stage-writing = writing the report…
progress-rows = rows
