//! Stage 2, datasets: recognise each sheet, type its rows, apply the rules of SPEC 3.
//!
//! Every row below a header ends up kept, rejected (with an error issue) or skipped
//! (blank, total or duplicate row), and [`SheetReport`] counts each.

pub mod builders;
pub mod categories;
pub mod header;
pub mod normalize;
pub mod records;
pub mod row_reader;
pub mod schema;
pub mod validate;
pub mod values;

pub use builders::IndicatorName;
pub use records::{Activity, Registration, Source, Target};
pub use schema::{Dataset, FieldAliases};

use crate::issue::{column_letter, Code, Issue, Issues, Location, Severity};
use crate::read::{ReadFile, Sheet};
use header::{find_header, header_at, Header, HeaderSearch};
use row_reader::RowReader;
use values::DateOrder;

/// What the dataset stage needs to know beyond the cells.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub date_order: DateOrder,
    /// Indicators a targets row may name, by id or label.
    pub indicator_names: Vec<IndicatorName>,
    pub categories: categories::Categories,
    pub aliases: FieldAliases,
    pub sheets: Vec<SheetOverride>,
}

/// A `[[sheets]]` entry of the config: how to read one sheet whatever its content.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetOverride {
    pub file: std::path::PathBuf,
    /// Empty for a CSV file.
    pub sheet: String,
    pub dataset: Dataset,
    pub header_row: Option<u32>,
}

impl SheetOverride {
    fn applies_to(&self, file: &std::path::Path, sheet: &str) -> bool {
        let same_file = match (
            std::fs::canonicalize(&self.file),
            std::fs::canonicalize(file),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => self.file == file,
        };
        same_file
            && (self.sheet == sheet
                || normalize::normalize_key(&self.sheet) == normalize::normalize_key(sheet))
    }
}

/// Per-sheet accounting for the manifest: kept + rejected + skipped = rows read.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct SheetReport {
    /// Index of the file in the run.
    #[serde(skip)]
    pub file_index: usize,
    pub name: String,
    pub dataset: Option<Dataset>,
    pub header_row: Option<u32>,
    /// Rows below the header.
    pub rows_read: usize,
    pub kept: usize,
    pub rejected: usize,
    pub skipped: usize,
    pub skipped_blank: usize,
    pub skipped_total: usize,
    pub skipped_duplicate: usize,
    /// Which column holds which field, for `bilan inspect` (not in the manifest).
    #[serde(skip)]
    pub columns: Vec<ColumnMap>,
}

/// One column of a recognised header.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMap {
    /// Column letter.
    pub column: String,
    pub header: String,
    /// The field it feeds, or `None` for an extra column that is ignored.
    pub field: Option<&'static str>,
    pub kind: Option<schema::Kind>,
}

fn column_maps(sheet: &Sheet, header: &Header) -> Vec<ColumnMap> {
    let fields = header.dataset.fields();
    let width = sheet.rows[header.row_index..header.data_start().min(sheet.rows.len())]
        .iter()
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(0);
    (0..width)
        .filter_map(|col| {
            let mapped = header
                .columns
                .iter()
                .enumerate()
                .find(|(_, c)| c.as_ref().is_some_and(|(c, _)| *c == col));
            match mapped {
                Some((field, Some((_, text)))) => Some(ColumnMap {
                    column: column_letter(col),
                    header: text.clone(),
                    field: Some(fields[field].name),
                    kind: Some(fields[field].kind),
                }),
                _ => {
                    let text = sheet.visible(header.row_index, col).display();
                    (!text.trim().is_empty()).then(|| ColumnMap {
                        column: column_letter(col),
                        header: text,
                        field: None,
                        kind: None,
                    })
                }
            }
        })
        .collect()
}

/// The typed datasets of a run, with the accounting and issues of the stage.
#[derive(Debug, Clone, Default)]
pub struct Datasets {
    pub activities: Vec<Activity>,
    pub registrations: Vec<Registration>,
    pub targets: Vec<Target>,
    pub sheets: Vec<SheetReport>,
    pub issues: Issues,
    /// Location of every sheet, by the index used in [`Source`].
    headers: Vec<(String, String, Option<Header>)>,
}

pub fn build(files: &[ReadFile], options: &Options) -> Datasets {
    let mut out = Datasets::default();
    for (file_index, file) in files.iter().enumerate() {
        if let Some(issue) = &file.error {
            out.issues.push(issue.clone());
            continue;
        }
        for sheet in &file.sheets {
            let forced = options
                .sheets
                .iter()
                .find(|o| o.applies_to(&file.input.path, &sheet.name));
            read_sheet(
                &mut out,
                file_index,
                &file.input.display,
                sheet,
                options,
                forced,
            );
        }
    }
    apply_cross_row_rules(&mut out);
    out.sort_issues();
    out
}

fn read_sheet(
    out: &mut Datasets,
    file_index: usize,
    file: &str,
    sheet: &Sheet,
    options: &Options,
    forced: Option<&SheetOverride>,
) {
    let sheet_index = out.sheets.len();
    let mut report = SheetReport {
        file_index,
        name: sheet.name.clone(),
        ..SheetReport::default()
    };
    let sheet_location = Location {
        file: file.to_string(),
        sheet: sheet.name.clone(),
        ..Location::default()
    };
    let search = match forced {
        Some(SheetOverride {
            dataset,
            header_row: Some(row),
            ..
        }) => header_at(sheet, *dataset, *row, &options.aliases),
        Some(o) => find_header(sheet, &options.aliases, Some(o.dataset)),
        None => find_header(sheet, &options.aliases, None),
    };
    let header = match search {
        HeaderSearch::NotFound => {
            let issue = match forced {
                // The config says what this sheet is: not finding its header is an error.
                Some(o) => Issue::new(
                    Severity::Error,
                    Code::NoHeader,
                    Location { row: o.header_row, ..sheet_location },
                    format!("bilan.toml names this sheet as `{}` but no header row of that dataset was found", o.dataset.name()),
                ),
                None => Issue::new(
                    Severity::Info,
                    Code::UnrecognizedSheet,
                    sheet_location,
                    "no row among the first 30 names the required columns of a dataset; the sheet is skipped",
                ),
            };
            out.issues.push(issue);
            out.sheets.push(report);
            out.headers
                .push((file.to_string(), sheet.name.clone(), None));
            return;
        }
        HeaderSearch::Incomplete(header) => {
            for missing in header.missing_required() {
                out.issues.push(Issue::new(
                    Severity::Error,
                    Code::MissingColumn,
                    Location { row: Some(header.row_number), ..sheet_location.clone() },
                    format!(
                        "the sheet looks like the `{}` dataset but has no column for the required field `{missing}`; its rows are rejected",
                        header.dataset.name()
                    ),
                ).with_header(missing));
            }
            report.dataset = Some(header.dataset);
            report.header_row = Some(header.row_number);
            report.columns = column_maps(sheet, &header);
            for row in &sheet.rows[header.data_start().min(sheet.rows.len())..] {
                report.rows_read += 1;
                if row.is_blank() {
                    report.skipped_blank += 1;
                } else {
                    report.rejected += 1;
                }
            }
            report.skipped = report.skipped_blank;
            out.sheets.push(report);
            out.headers
                .push((file.to_string(), sheet.name.clone(), None));
            return;
        }
        HeaderSearch::Found(header) => header,
    };
    for (column, text, field) in &header.duplicates {
        out.issues.push(
            Issue::new(
                Severity::Warning,
                Code::DuplicateColumn,
                Location {
                    row: Some(header.row_number),
                    column: column_letter(*column),
                    ..sheet_location.clone()
                },
                format!("a second column names the field `{field}`; only the first one is read"),
            )
            .with_header(text.clone()),
        );
    }
    report.dataset = Some(header.dataset);
    report.header_row = Some(header.row_number);
    report.columns = column_maps(sheet, &header);
    for row in &sheet.rows[header.data_start().min(sheet.rows.len())..] {
        report.rows_read += 1;
        if row.is_blank() {
            report.skipped_blank += 1;
            continue;
        }
        if builders::is_total_row(&row.cells) {
            report.skipped_total += 1;
            out.issues.push(Issue::new(
                Severity::Info,
                Code::TotalRow,
                Location {
                    row: Some(row.number),
                    ..sheet_location.clone()
                },
                "a total row is not data; it is skipped",
            ));
            continue;
        }
        let source = Source {
            sheet: sheet_index,
            row: row.number,
        };
        let mut reader = RowReader::new(row, &header, file, &sheet.name, options.date_order);
        let kept = match header.dataset {
            Dataset::Activities => builders::activity(&mut reader, source, &options.categories)
                .map(|a| out.activities.push(a)),
            Dataset::Training => builders::registration(&mut reader, source, &options.categories)
                .map(|r| out.registrations.push(r)),
            Dataset::Targets => builders::target(&mut reader, source, &options.indicator_names)
                .map(|t| out.targets.push(t)),
        };
        if kept.is_some() {
            report.kept += 1;
        } else {
            report.rejected += 1;
        }
        for issue in reader.issues {
            out.issues.push(issue);
        }
    }
    report.skipped = report.skipped_blank + report.skipped_total;
    out.sheets.push(report);
    out.headers
        .push((file.to_string(), sheet.name.clone(), Some(header)));
}

fn apply_cross_row_rules(out: &mut Datasets) {
    let duplicate_ids = validate::dedup_activities(&mut out.activities);
    let duplicate_registrations = validate::dedup_registrations(&mut out.registrations);
    let conflicting = validate::conflicting_hours(&out.registrations);
    for finding in duplicate_ids.iter().chain(&duplicate_registrations) {
        out.mark_duplicate(&finding.source);
    }
    let rules: [(&[validate::CrossRowFinding], &str, Code, &str); 3] = [
        (&duplicate_ids, "id", Code::DuplicateId, "this id was already used this year at row {row}; only the first row counts"),
        (
            &duplicate_registrations,
            "participant_id",
            Code::DuplicateRegistration,
            "this participant is already registered to this session at row {row}; only the first row counts",
        ),
        (
            &conflicting,
            "hours",
            Code::ConflictingHours,
            "the hours differ from those of the session's first row (row {row}); each row keeps its own",
        ),
    ];
    for (findings, field, code, message) in rules {
        for finding in findings {
            let message = message.replace("{row}", &finding.first.row.to_string());
            let issue = out.cross_row_issue(finding, field, code, message);
            out.issues.push(issue);
        }
    }
}

impl Datasets {
    /// Issues in reading order (file, sheet, row), whichever rule found them.
    fn sort_issues(&mut self) {
        let mut keyed: Vec<((usize, usize, u32), Issue)> = Vec::new();
        let position = |issue: &Issue, files: &[(String, String, Option<Header>)]| {
            let sheet = files.iter().position(|(file, sheet, _)| {
                *file == issue.location.file && *sheet == issue.location.sheet
            });
            (sheet, issue.location.row.unwrap_or(0))
        };
        let mut last_sheet = 0;
        for issue in self.issues.iter() {
            let (sheet, row) = position(issue, &self.headers);
            // File-level issues (no sheet) stay where they were found, after the sheets before them.
            let sheet = sheet.unwrap_or(last_sheet);
            last_sheet = sheet;
            keyed.push((
                (sheet, usize::from(issue.location.row.is_some()), row),
                issue.clone(),
            ));
        }
        keyed.sort_by_key(|(key, _)| *key);
        self.issues = Issues::default();
        for (_, issue) in keyed {
            self.issues.push(issue);
        }
    }

    fn mark_duplicate(&mut self, source: &Source) {
        let report = &mut self.sheets[source.sheet];
        report.kept -= 1;
        report.skipped_duplicate += 1;
        report.skipped += 1;
    }

    fn cross_row_issue(
        &self,
        finding: &validate::CrossRowFinding,
        field: &str,
        code: Code,
        message: String,
    ) -> Issue {
        let (file, sheet, header) = &self.headers[finding.source.sheet];
        let mut location = Location {
            file: file.clone(),
            sheet: sheet.clone(),
            row: Some(finding.source.row),
            column: String::new(),
        };
        let mut header_text = String::new();
        if let Some(header) = header {
            if let Some(index) = header.dataset.fields().iter().position(|f| f.name == field) {
                if let Some((column, text)) = &header.columns[index] {
                    location.column = column_letter(*column);
                    header_text = text.clone();
                }
            }
        }
        Issue::new(Severity::Warning, code, location, message)
            .with_header(header_text)
            .with_value(finding.value.clone())
    }
}
