# What the commands say: bilan inspect, bilan indicators, bilan init, and the errors that stop a
# command (configuration, files, writing).

## bilan inspect
inspect-unreadable = cannot be read [{ $code }]: { $message }
inspect-sheet = sheet « { $name } »
inspect-hidden = { $sheet } (hidden, read)
inspect-not-a-worksheet = { $sheet }: { $kind ->
        [chart] a chart sheet
        [macro] a macro sheet
       *[dialog] a dialog sheet
    }, skipped
inspect-dataset = { $sheet }: dataset `{ $dataset }`, header on row { $row }
inspect-no-dataset = { $sheet }: not recognised as a dataset
inspect-field = { $field } ({ $kind })
inspect-field-by-meaning = { $field } ({ $kind }), read by meaning: check it
inspect-target-column = target of { $year } (number)
inspect-ignored = (not a field: ignored)
inspect-rows = rows below the header: { $read } = { $kept } kept + { $rejected } rejected + { $skipped } skipped ({ $blank } blank, { $total } total, { $duplicate } duplicate)
inspect-issues = issues: { $count }
inspect-more = … { $count } more (bilan check { $file })
inspect-completion = to complete the mapping, bilan.toml could say:
inspect-or-one-of = or one of: { $names }
inspect-no-column-left = no column left for `{ $field }`: add one to the sheet
inspect-reader-said = (the reader said: { $detail })

## Column types
field-kind-text = text
field-kind-text-list = text list (split on ; or line breaks)
field-kind-date = date
field-kind-integer = integer
field-kind-number = number
field-kind-activity-type = activity type
field-kind-status = status
field-kind-gender = gender (F/M)
field-kind-modality = modality
field-kind-boolean = yes/no

## bilan indicators
listing-count = count of { $dataset } in { $year }
listing-sum = sum of { $field } of { $dataset } in { $year }
listing-distinct = distinct { $field } of { $dataset } in { $year }
listing-mean = mean of { $field } of { $dataset } in { $year }
listing-where = { $definition } where { $conditions }
listing-and = { " and " }
listing-one-of = { $field } in [{ $values }]
listing-filled = { $fields } filled
listing-positive = { $fields } > 0
listing-building-block = { $id } (building block)
listing-breakdowns = breakdowns: { $dimensions }
listing-tables = tables:
listing-table = { $id } by { $dimension }: { $columns }

## bilan init
init-wrote = wrote { $path }

## Errors that stop a command
fatal = error: { $message }
warning = warning: { $message }
error-no-year = the data holds no realised activity and no attended training, so there is no year to report; pass --year
error-aggregation = aggregation failed: { $detail }
error-write = cannot write { $path }: { $reason }
error-chart = cannot draw the chart { $id }: { $detail }
error-manifest = cannot write the manifest: { $detail }
error-outside = refused to write `{ $path }`: every output stays inside the report's folder
error-workbook = cannot build report.xlsx: { $detail }
error-no-input = no input file found in { $paths }
error-no-sheet = the file has no sheet « { $name } »; its sheets are: { $available }
error-missing-path = cannot read { $path }: { $reason }
error-init-exists = { $path } already exists; bilan init does not overwrite files
error-init-workbook = cannot write the template workbook: { $detail }
error-config-read = cannot read { $path }: { $reason }
error-config-parse = { $path } is not a valid bilan.toml:
    { $detail }
error-config-invalid = { $path }: { $problem }
error-catalog = indicator catalog: { $problem }

## Why the system refused
io-not-found = no such file or folder
io-permission = permission denied
io-exists = the file already exists
io-full = the disk is full
io-is-a-folder = it is a folder
io-not-a-folder = a part of the path is not a folder
io-other = { $detail }

## bilan.toml
config-lang = lang: « { $value } » is not fr, en, ar or a list of them (fr,ar)
config-aliases-dataset = [aliases.{ $dataset }]: not a dataset (activities, training, targets)
config-aliases-field = [aliases.{ $dataset }] { $field }: not a field of `{ $dataset }`
config-categories-kind = [categories.{ $kind }]: not one of activity_type, status, gender, modality
config-sheets-dataset = [[sheets]] #{ $number }: dataset « { $dataset } » is not activities, training or targets
config-status = [status]: `close` ({ $close }) must be between 0 and `met` ({ $met })
config-data-glob = data: « { $value } » is not a valid glob ({ $detail })

## Indicator catalog
catalog-bad-id = the { $what } id `{ $id }` is not allowed: an id is a lower-case letter followed by lower-case letters, digits or `_` (it names an output file)
catalog-twice = the indicator id `{ $id }` is defined twice
catalog-indicator = indicator `{ $id }`: { $problem }
catalog-indicator-key = indicator `{ $id }`, key `{ $key }`: { $problem }
catalog-table = table `{ $id }`: { $problem }
catalog-not-a-dimension-of = `{ $dimension }` is not a dimension of `{ $dataset }`
catalog-ratio-loop = its ratio refers back to itself
catalog-bad-unit = « { $value } » is not one of count, %, hours, MAD, score
catalog-bad-dimension = « { $value } » is not a dimension
catalog-ratio-alone = a ratio takes no dataset, measure, filter or year_offset of its own
catalog-no-such-id = no indicator has the id `{ $id }`
catalog-column-no-such-id = column `{ $column }`: no indicator has the id `{ $id }`
catalog-bad-dataset = « { $value } » is not activities or training
catalog-dataset-and-ratio = an indicator has either a dataset or a ratio, not both
catalog-no-dataset = an indicator needs a dataset (with a measure) or a ratio
catalog-bad-direction = `direction` is `up` or `down`, not `{ $value }`
catalog-bad-measure = « { $value } » is not count, sum:FIELD, distinct:FIELD or mean:FIELD
catalog-not-a-field = `{ $field }` is not a field of `{ $dataset }`
catalog-not-a-number-field = `{ $field }` is not a number field
catalog-unknown-code = « { $value } » is not a known code of `{ $field }`
catalog-not-text = { $value } is not text
catalog-not-boolean = { $value } is not true or false
catalog-not-number = { $value } is not a number

## Missing labels
missing-arabic-label = the indicator `{ $id }` has no Arabic label (label.ar): the Arabic report shows the French one
missing-arabic-category = the category `{ $code }` of [categories.{ $kind }] has no Arabic label (ar): the Arabic report shows the French one
