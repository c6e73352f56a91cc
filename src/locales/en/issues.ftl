# Messages of the problems found in the data (data-issues.csv, check, the report).
# Always available: $value (the cell's value), $header (its column's header).

## Files that cannot be read

read-empty = the file is empty
read-corrupt = the file is damaged or truncated (its structure cannot be read); ask for a fresh copy or open and save it again in a spreadsheet program
read-old-excel = this is an Excel { $version } workbook, a format older than Excel 97 that bilan cannot read: open it in Excel or LibreOffice and save it as .xlsx
read-other-format = this is not a .{ $extension } workbook but { $found ->
        [html] a web page (HTML)
        [pdf] a PDF document
        [xml2003] an Excel 2003 XML spreadsheet
        [xml] an XML file
        [text] a text file (CSV?)
        [word] a Word document
        [powerpoint] a PowerPoint presentation
        [zip] a zip archive
       *[other] a file of another kind
    }: save it as .xlsx (or .csv) from the program that made it
read-codepage = the workbook's texts use a character set (code page { $page }) that bilan cannot decode: save it as .xlsx
read-no-sheet = the workbook holds no sheet
read-unclosed-quote = a quote opened at line { $line } is never closed
read-invalid-utf8 = the file starts with a UTF-8 byte order mark but holds invalid UTF-8 at line { $line }, field { $field }
read-io = the file cannot be opened: { $reason }
read-timed-out = reading this file took more than { $seconds } s and was stopped
read-reader-failed = reading this file failed unexpectedly (the reader stopped); please report it
read-fast-path = a fast path of the reader does not hold for this workbook
read-unsupported = the format `.{ $extension }` is not supported
read-encrypted = the workbook is password-protected or encrypted: open it with its password and save it without one
too-large-cells = more than { $max } cells (limits.max_cells)
too-large-inflated = the workbook inflates to more than { $max } bytes (limits.max_inflated_bytes)
too-large-parts = the workbook holds { $count } parts (limit { $max })
too-large-ratio = the part { $part } inflates { $ratio } times (a zip bomb?)
too-large = the file is too large to read: { $limit }

## Sheets

sheet-not-a-worksheet = { $kind ->
        [chart] A chart sheet
        [macro] A macro sheet
       *[dialog] A dialog sheet
    } holds no rows to read: skipped
sheet-unreadable = this sheet cannot be read past the rows already read: { $cause }; the file's other sheets are read
sheet-no-header-forced = bilan.toml names this sheet as `{ $dataset }` but no header row of that dataset was found
sheet-unrecognized = no row among the first 30 names the required columns of a dataset; the sheet is skipped
sheet-unrecognized-closest = no row among the first 30 names the required columns of a dataset (closest: `{ $dataset }` at row { $row }, which has no column for { $missing }); the sheet is skipped
sheet-value-lists = the sheet looks like lists of values ({ $columns }), not a `{ $dataset }` register: it has no column of dates or numbers and names each value once; the sheet is skipped
missing-column = the sheet looks like the `{ $dataset }` dataset but has no column for the required field `{ $field }`; its rows are rejected
duplicate-column = a second column names the field `{ $field }`; only the first one is read
header-by-meaning = no header names `{ $field }` as written; « { $header } » is read as it, by meaning: check it (to confirm it, add [aliases.{ $dataset }] { $field } = ["{ $header }"] to bilan.toml)
header-ambiguous = { $names } could each mean `{ $field }`: none is read as it; name the right one in bilan.toml, e.g. [aliases.{ $dataset }] { $field } = ["{ $first }"]

## Cells and rows

cell-error = the cell holds the error value { $value }
missing-value = the required column « { $header } » is empty
invalid-date = « { $value } » is not a date
invalid-date-serial = { $value } is not a date serial number
invalid-number = « { $value } » is not a number
invalid-boolean = « { $value } » is not yes/no
negative-value = « { $header } » cannot be negative
not-an-integer = « { $header } » must be a whole number
women-above-participants = { $women } women out of { $participants } participants; « { $header } » is emptied
end-before-start = the end date is before the start date; it is emptied
unknown-activity-type = « { $value } » is not a known activity type; it is kept as its own category
hours-not-positive = « { $header } » must be above 0, not { $value }
satisfaction-out-of-range = satisfaction must be between 1 and 5, not { $value }; it is emptied
unknown-indicator = « { $value } » names no indicator of the catalog
unknown-category = « { $value } » is not a known value of « { $header } » (known: { $known }); to read it as one of them, add it to that value's aliases in bilan.toml, e.g. [categories.{ $kind }.{ $code }] fr = "{ $fr }", en = "{ $en }", aliases = ["{ $value }"]
category-by-meaning = « { $value } » is read as « { $label } » (`{ $code }`) by meaning; reported once for this file
total-row = a total row is not data; it is skipped
duplicate-id = this id was already used this year at row { $row }; only the first row counts
duplicate-registration = this participant is already registered to this session at row { $row }; only the first row counts
conflicting-hours = the hours differ from those of the session's first row (row { $row }); each row keeps its own

## Files and the run

no-data-unrecognized = no sheet of the { $files ->
        [one] file
       *[other] { $files } files
    } read was recognised as a dataset (activities, training or targets): nothing to report; check the paths, or name the sheets in bilan.toml
no-data-year = the inputs hold no activity, registration or target of { $year }: nothing to report for that year
duplicate-file = this file is a copy of { $first } (same bytes): it is not read again
overlapping-files = this file shares { $shared } of { $of } { $what ->
        [ids] activity ids
       *[registrations] registrations
    } ({ $share } %) with { $first }: two versions of one workbook? Only the first rows count; remove the older file
left-out = { $why ->
        [not-a-file] not a regular file (a pipe, socket or device): skipped
        [broken-link] a symbolic link that leads nowhere: skipped
        [folder-link] a symbolic link to a folder: not followed (give the folder itself to read it)
        [loop] a folder met again inside itself: not read twice
        [earlier-report] a report written by bilan (it holds its manifest.json): its files are outputs, not inputs; skipped
       *[run-output] the run's own output folder: skipped
    }
