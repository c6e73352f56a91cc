# The review's words: HTML and Markdown report, charts, report.xlsx, CSV labels.

## Numbers and dates (bilan writes the digits; the catalogue gives the marks)
number-decimal-mark = .
number-group-mark = ,
number-percent = { $number }%
number-points = { $points ->
        [one] { $number }{ "\u00A0" }pt
       *[other] { $number }{ "\u00A0" }pts
    }
date = { $year }-{ $month }-{ $day }

## Report
report-title = Action plan yearly review { $year }
report-prepared = Prepared on { $date }.
report-key-indicators = Key indicators
report-charts = Charts
report-tables = Detailed tables
report-no-previous-year = The data holds no { $year } figures: no comparison.
report-without-month = { $count ->
        [one] 1 activity of { $year } is dated by its quarter alone
       *[other] { $count } activities of { $year } are dated by their quarter alone
    }
report-without-month-end = { $parts }: they count in the total and in their quarter, not in the months of this table.
report-list-separator = { "; " }
report-next-year = { $year } programme
report-next-year-empty = The data holds no activity scheduled in { $year }.
report-data-quality = Data quality
report-no-issue = No issue found in the data.
report-first-issues = The first { $shown } issues (data-issues.csv has them all):
report-inputs = Inputs
report-total = Total
report-table-by = { $indicator } by { $dimension }

## Status of an indicator (readable in black and white)
status-met = ✔ met
status-close = ≈ close
status-behind = ✘ behind
status-none = – no target

## Severity of an issue
severity-error = error
severity-warning = warning
severity-info = info

## Column titles
column-indicator = Indicator
column-code = Code
column-target = Target
column-achievement = Achievement
column-change = Change
column-status = Status
column-severity = Severity
column-file = File
column-sheet = Sheet
column-row = Row
column-column = Column
column-header = Header
column-message = Message
column-example = Example (first case)
column-link = Link
column-count = Count
column-dataset = Dataset
column-rows-kept = Rows kept
column-rejected = Rejected
column-skipped = Skipped
column-date = Date
column-title = Title
column-partners = Partners
column-type = Type
column-quarter = Quarter
column-month = Month
column-axis = Axis
column-partner = Partner
column-program = Programme
column-organisation = Organisation
column-gender = Gender
column-modality = Modality
column-year = Year
column-project = Project
column-location = Location
column-category = Category
column-value = Value
column-scheduled = Scheduled
column-realised = Done
column-in_progress = In progress
column-planned = Planned
column-postponed = Postponed
column-cancelled = Cancelled
column-execution_rate = Execution rate
column-participants = Participants
column-women = Women
column-realised_previous_year = Done the year before
column-sessions = Sessions
column-registrations = Registrations
column-trainees = Trainees
column-person_hours = Person-hours
column-attendance_rate = Attendance rate
column-average_satisfaction = Average satisfaction
column-trainee_women_share = Women share
column-hours_per_trainee = Hours per trainee
column-women_trainees = Women trainees
column-men_trainees = Men trainees
column-trainees_with_gender = Trainees of known gender

## Tables
table-activities_by_type = Activities by type
table-activities_by_quarter = Activities by quarter
table-activities_by_month = Activities by month
table-activities_by_axis = Activities by strategic axis
table-activities_by_partner = Activities by partner
table-training_by_program = Training by programme
table-training_by_organisation = Training by organisation
table-training_by_gender = Training by gender
table-training_by_modality = Training by modality
table-next_year_by_type = Next year's activities by type
table-trend = Trend over the years

## Calendar
quarter = Q{ $quarter }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
unspecified = Not specified

## Charts
chart-titled = { $title } ({ $year })
chart-activities-by-type = Scheduled and completed activities by type
chart-activities-by-quarter = Activities by quarter
chart-activities-by-month = Activities done by month, { $year } and { $previous }
chart-execution-by-axis = Execution rate by strategic axis
chart-hours-by-program = Training person-hours by programme
chart-trainees-by-gender = Trainees by organisation and gender
chart-targets = Achievement of targets
chart-trend = Scheduled and completed activities by year
chart-axis-activities = Number of activities
chart-axis-activities-done = Activities done
chart-axis-execution-rate = Execution rate (%)
chart-axis-person-hours = Person-hours
chart-axis-trainees = Trainees
chart-axis-achievement = Achievement of the target (%)
chart-series-scheduled = Scheduled
chart-series-done = Done
chart-series-execution-rate = Execution rate
chart-series-person-hours = Person-hours
chart-series-women = Women
chart-series-men = Men
chart-series-achievement = Achievement
chart-target = Target { $value }
chart-no-data = Chart not drawn: no data for this year.
chart-no-gender = Chart not drawn: the catalog no longer defines the trainees-by-gender indicators.
chart-no-target = Chart not drawn: no target is set for this year.

## Workbook report.xlsx
workbook-indicators = Indicators
workbook-issues = Issues
workbook-open = open

## Datasets
dataset-activities = Activities
dataset-training = Training
dataset-targets = Targets

## Summary (page 1): sentences written from the figures
report-summary = Summary
report-sections = Sections
summary-sources = This review covers { $year }. It rests on { $files ->
        [one] 1 file
       *[other] { $files_text } files
    } and { $rows } rows kept: { $activities } activities, { $registrations } training registrations and { $targets } targets{ $organisations ->
        [0] .
       *[other] , for { $organisations_text } organisations.
    }
summary-execution = { $case ->
        [both] { $realised } activities held out of { $scheduled } scheduled, an execution rate of { $rate } against a target of { $target }; { $points } on { $previous } (activities held: { $change }).
        [target] { $realised } activities held out of { $scheduled } scheduled, an execution rate of { $rate } against a target of { $target }.
        [change] { $realised } activities held out of { $scheduled } scheduled, an execution rate of { $rate }; { $points } on { $previous } (activities held: { $change }).
       *[plain] { $realised } activities held out of { $scheduled } scheduled, an execution rate of { $rate }.
    }
summary-statuses = Of { $total } indicators with a target, { $met } met theirs, { $close } came close and { $behind } fell behind.
summary-furthest = Furthest from their target: { $list }.
summary-furthest-item = { $label } ({ $achievement } of target)
summary-all-met = Every target was met.
summary-axes = By strategic axis, execution ranges from { $low } ({ $low_axis }) to { $high } ({ $high_axis }).
summary-training = { $sessions ->
        [one] 1 training session brought together
       *[other] { $sessions_text } training sessions brought together
    } { $trainees } trainees for { $hours } person-hours of training.
summary-training-quality = Attendance rate: { $attendance }; average satisfaction: { $satisfaction } out of 5; share of women among trainees: { $women }.
summary-next-year = { $case ->
        [target] The { $year } programme holds { $count_text } activities against a target of { $target }; the most frequent: { $types }.
       *[plain] The { $year } programme holds { $count_text } activities; the most frequent: { $types }.
    }
summary-next-year-item = { $label } ({ $count_text })
summary-next-year-empty = No activity is scheduled for { $year } in the data yet.
summary-quality-none = No problem was found in the data.
summary-quality = Data quality: { $summary }; { $rejected ->
        [one] { $rejected_text } row set aside
       *[other] { $rejected_text } rows set aside
    }. The file with the most problems is { $file } ({ $file_count_text }); details at the end of the review and in data-issues.csv.

## Body sections and annexes
report-analysis = By axis and by organisation
report-analysis-axes = Execution by strategic axis:
report-analysis-organisations = Training by organisation:
report-next-year-summary = By type, quarter and axis; the full list is in the annexes.
report-issues-by-file = Problems by file
report-issues-by-code = Problems by code
report-annexes = Annexes
report-annex-tables = Annex A – Detailed tables
report-annex-next-year = Annex B – Activities scheduled in { $year }
report-annex-inputs = Annex C – Files read

## Sheet names of report.xlsx (31 characters at most)
sheet-activities_by_type = Activities by type
sheet-activities_by_quarter = Activities by quarter
sheet-activities_by_month = Activities by month
sheet-activities_by_axis = Activities by axis
sheet-activities_by_partner = Activities by partner
sheet-training_by_program = Training by programme
sheet-training_by_organisation = Training by organisation
sheet-training_by_gender = Training by gender
sheet-training_by_modality = Training by modality
sheet-next_year_by_type = Next year by type
sheet-trend = Trend
sheet-trainees_by_organisation_gender = Trainees by gender
