//! Stage 2, datasets: recognise each sheet, type its rows, apply the rules of SPEC 3.
//!
//! Takes each file's [`SheetEvent`]s and [`Options`] (date order, categories, aliases, forced
//! sheets); gives [`Datasets`]: activities, registrations and targets as typed columns, the
//! issues, and a [`SheetReport`] per sheet. Entry points: [`parse_file`] per file (on the
//! typing thread), [`assemble`] for the rules across files, [`build`] for both at once.
//!
//! Every row below a header ends up kept, rejected (with an error issue) or skipped
//! (blank, total or duplicate row), and [`SheetReport`] counts each.

mod builders;
pub mod categories;
mod header;
mod normalize;
mod records;
mod row_reader;
mod schema;
mod sheet_parser;
mod texts;
mod validate;
mod values;

pub use builders::IndicatorName;
pub use normalize::normalize_key;
#[cfg(test)]
pub use records::Registration;
pub use records::{Activity, Marker, Optional, Registrations, Source, StringTable, Target};
pub use schema::{Dataset, FieldAliases, Kind};
pub use values::{DateOrder, Precision};

use crate::issue::{column_letter, Arg, Code, Issue, Issues, Location, Message, Severity};
use crate::read::{Cell, InputFile, ReadFile, Sheet, SheetEvent};
use header::Header;
use sheet_parser::SheetParser;
use std::sync::Arc;

/// What the dataset stage needs to know beyond the cells.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub date_order: DateOrder,
    /// Indicators a targets row may name, by id or label.
    pub indicator_names: Vec<IndicatorName>,
    pub categories: categories::Categories,
    pub aliases: FieldAliases,
    pub sheets: Vec<SheetOverride>,
    /// How `build` reads its files (the run's own readers are started by the app).
    pub read: crate::read::Options,
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
    pub(crate) fn applies_to(&self, file: &std::path::Path, sheet: &str) -> bool {
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
    /// The workbook hides the sheet (read all the same; `inspect` says so).
    #[serde(skip)]
    pub hidden: bool,
    /// Not a worksheet (a chart sheet…): skipped, nothing read.
    #[serde(skip)]
    pub kind: Option<crate::read::SheetKind>,
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
    /// The header was read by meaning (`vocabulary.toml`), not matched to an alias as written:
    /// `inspect` says so, for the analyst to confirm.
    pub by_meaning: bool,
    /// A year's column of a targets matrix (« Cible 2025 »): its cells are that year's targets.
    pub year: Option<i32>,
}

pub(crate) fn column_maps(sheet: &Sheet, header: &Header) -> Vec<ColumnMap> {
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
                    header: text.to_string(),
                    field: Some(fields[field].name),
                    kind: Some(fields[field].kind),
                    by_meaning: header.by_meaning.contains(&field),
                    year: None,
                }),
                _ => {
                    let text = sheet.visible(header.row_index, col).display();
                    let year = header
                        .years
                        .iter()
                        .find(|(c, _)| *c == col)
                        .map(|(_, y)| *y);
                    (!text.trim().is_empty()).then(|| ColumnMap {
                        column: column_letter(col),
                        header: text,
                        field: None,
                        kind: None,
                        by_meaning: false,
                        year,
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
    pub registrations: Registrations,
    pub targets: Vec<Target>,
    pub sheets: Vec<SheetReport>,
    pub issues: Issues,
    /// The texts registrations refer to by code.
    pub strings: StringTable,
    /// Location of every sheet, by the index used in [`Source`].
    headers: Vec<(Arc<str>, Arc<str>, Option<Header>)>,
}

/// What one file gave: its sheets' records, accounting and issues, sheets numbered within the file.
#[derive(Debug, Default)]
pub struct FilePart {
    pub activities: Vec<Activity>,
    pub registrations: Registrations,
    pub targets: Vec<Target>,
    pub sheets: Vec<SheetReport>,
    pub issues: Vec<Issue>,
    headers: Vec<(Arc<str>, Arc<str>, Option<Header>)>,
    /// The file's texts; registrations hold codes into it.
    pub strings: StringTable,
    /// What the file's shared texts read as, by field kind.
    pub memo: texts::TextMemo,
    pub registration_keys: validate::RegistrationKeys,
    /// Registrations that repeat an earlier one of the file (not in `registrations`).
    pub repeated_registrations: Vec<validate::CrossRowFinding>,
}

/// Types a file's rows as its reader sends them (`read::SheetEvent`), one sheet at a time.
pub fn parse_file(
    options: &Options,
    file_index: usize,
    input: &InputFile,
    events: impl IntoIterator<Item = SheetEvent>,
) -> FilePart {
    let mut part = FilePart::default();
    let mut sheet: Option<SheetParser> = None;
    // The file's shared texts (`Cell::Shared` points into it), as the reader announces them.
    let mut texts: Vec<Cell> = Vec::new();
    for event in events {
        match event {
            SheetEvent::Texts(fresh) => {
                texts.extend(fresh.into_iter().map(|t| Cell::Text(t.into())))
            }
            SheetEvent::Begin {
                name,
                merges,
                rows_hint,
                hidden,
            } => {
                if let Some(previous) = sheet.take() {
                    previous.finish(&mut part);
                }
                let index = part.sheets.len();
                let mut parser =
                    SheetParser::new(options, file_index, input, index, name, merges, rows_hint);
                parser.hidden(hidden);
                sheet = Some(parser);
            }
            SheetEvent::Skipped { name, kind } => {
                if let Some(previous) = sheet.take() {
                    previous.finish(&mut part);
                }
                let (file, sheet): (Arc<str>, Arc<str>) =
                    (input.display.as_str().into(), name.as_str().into());
                part.issues.push(Issue::new(
                    Severity::Info,
                    Code::NotAWorksheet,
                    Location {
                        file: file.clone(),
                        sheet: sheet.clone(),
                        ..Location::default()
                    },
                    Message::new("sheet-not-a-worksheet").with("kind", Arg::Key(kind.key())),
                ));
                part.sheets.push(SheetReport {
                    file_index,
                    name: name.clone(),
                    kind: Some(kind),
                    ..SheetReport::default()
                });
                part.headers.push((file, sheet, None));
            }
            SheetEvent::Failed(error) => {
                if let Some(parser) = sheet.as_mut() {
                    parser.failed();
                    let issue = Issue::new(
                        Severity::Error,
                        Code::UnreadableSheet,
                        Location {
                            file: input.display.as_str().into(),
                            sheet: parser.name().into(),
                            ..Location::default()
                        },
                        Message::new("sheet-unreadable").with("cause", error.message()),
                    );
                    part.issues.push(issue);
                }
            }
            SheetEvent::Rows(rows) => {
                if let Some(parser) = sheet.as_mut() {
                    part.memo.warm(rows.cells(), texts::Reading::Text);
                    for row in rows.iter() {
                        parser.push(row, &texts, &mut part);
                    }
                }
            }
            SheetEvent::End => {
                if let Some(parser) = sheet.take() {
                    parser.finish(&mut part);
                }
            }
            SheetEvent::Restart => {
                part = FilePart::default();
                sheet = None;
                texts.clear();
            }
        }
    }
    // A reader that stopped mid-sheet (a broken file) still closes the sheet.
    if let Some(parser) = sheet.take() {
        parser.finish(&mut part);
    }
    part
}

/// Puts the files' parts together in path order and applies the rules across rows (duplicates);
/// `notes` are the run's issues about files found before reading (copies, paths left out).
pub fn assemble(files: &[ReadFile], parts: Vec<FilePart>, notes: Vec<Issue>) -> Datasets {
    let mut out = Datasets::default();
    for issue in notes {
        out.issues.push(issue);
    }
    let mut repeated_registrations = Vec::new();
    let mut files_with_registrations = 0;
    for (file, part) in files.iter().zip(parts) {
        let offset = out.sheets.len();
        let shift = |mut source: Source| {
            source.sheet += offset as u32;
            source
        };
        out.activities
            .extend(part.activities.into_iter().map(|mut a| {
                a.source = shift(a.source);
                a
            }));
        repeated_registrations.extend(part.repeated_registrations.into_iter().map(|mut f| {
            f.source = shift(f.source);
            f.first = shift(f.first);
            f
        }));
        if !part.registrations.is_empty() {
            files_with_registrations += 1;
        }
        // The file's text codes become codes of the run's table (the first file's table is the run's).
        let remap: Vec<u32> = if out.strings.values().is_empty() {
            out.strings = part.strings;
            (0..out.strings.values().len() as u32).collect()
        } else {
            part.strings
                .values()
                .iter()
                .map(|t| out.strings.intern(t))
                .collect()
        };
        let identity = remap.iter().enumerate().all(|(i, &c)| i as u32 == c);
        let code = |c: u32| remap.get(c as usize).copied().unwrap_or(c);
        let mut registrations = part.registrations;
        if offset != 0 || !identity {
            registrations.renumber(code, offset as u32);
        }
        // A million registrations usually come from one file: move them rather than copy.
        if out.registrations.is_empty() {
            out.registrations = registrations;
        } else {
            out.registrations.append(&mut registrations);
        }
        out.targets.extend(part.targets.into_iter().map(|mut t| {
            t.source = shift(t.source);
            t
        }));
        out.sheets.extend(part.sheets);
        out.headers.extend(part.headers);
        out.issues.append(part.issues);
        if let Some(issue) = &file.error {
            out.issues.push(issue.clone());
        }
    }
    let held = out.held_by_file();
    if files_with_registrations > 1 {
        let across_files = validate::dedup_registrations(&mut out.registrations, &out.strings);
        repeated_registrations.extend(across_files);
    }
    apply_cross_row_rules(&mut out, repeated_registrations, held);
    out.sort_issues();
    out
}

/// Puts `items` in `order` in place (position j takes the item at `order[j]`), cycle by cycle:
/// each item moves once, so a million issues are sorted without a copy. (Following chains of
/// earlier swaps instead was quadratic: 1.5 s for 100,000 issues found in two halves.)
fn arrange<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; order.len()];
    for start in 0..order.len() {
        let mut j = start;
        while !placed[j] {
            placed[j] = true;
            let from = order[j];
            if from == start {
                break;
            }
            items.swap(j, from);
            j = from;
        }
    }
}

/// Reads and types files one after the other on this thread (small runs, tests).
pub fn build(inputs: &[InputFile], options: &Options) -> (Vec<ReadFile>, Datasets) {
    let mut files = Vec::new();
    let mut parts = Vec::new();
    for (index, input) in inputs.iter().enumerate() {
        let mut events = Vec::new();
        let file = crate::read::read_file(input, &options.read, &mut |event| {
            events.push(event);
            true
        });
        parts.push(parse_file(options, index, input, events));
        files.push(file);
    }
    let datasets = assemble(&files, parts, Vec::new());
    (files, datasets)
}

/// `duplicate_registrations`: the repeated registrations, found as files were typed and put together.
/// `held`: what each file holds, by file index ([`Datasets::held_by_file`]).
fn apply_cross_row_rules(
    out: &mut Datasets,
    duplicate_registrations: Vec<validate::CrossRowFinding>,
    held: std::collections::BTreeMap<usize, (usize, usize)>,
) {
    let file_of = |sheets: &[SheetReport], source: &Source| {
        sheets
            .get(source.sheet as usize)
            .map_or(0, |s| s.file_index)
    };
    let duplicate_ids = validate::dedup_activities(&mut out.activities);
    let conflicting = validate::conflicting_hours(&out.registrations);
    // Pairs of files that repeat each other's rows: (earlier, later) -> (ids, registrations).
    let mut shared: std::collections::BTreeMap<(usize, usize), (usize, usize)> = Default::default();
    for (findings, activities) in [(&duplicate_ids, true), (&duplicate_registrations, false)] {
        for finding in findings {
            let (first, later) = (
                file_of(&out.sheets, &finding.first),
                file_of(&out.sheets, &finding.source),
            );
            if first != later {
                let count = shared.entry((first, later)).or_default();
                if activities {
                    count.0 += 1;
                } else {
                    count.1 += 1;
                }
            }
        }
    }
    for ((first, later), (ids, registrations)) in shared {
        out.overlapping_files(
            first,
            later,
            held.get(&first),
            held.get(&later),
            ids,
            registrations,
        );
    }
    for finding in duplicate_ids.iter().chain(&duplicate_registrations) {
        out.mark_duplicate(&finding.source);
    }
    let rules: [(&[validate::CrossRowFinding], &str, Code, &'static str); 3] = [
        (&duplicate_ids, "id", Code::DuplicateId, "duplicate-id"),
        (
            &duplicate_registrations,
            "participant_id",
            Code::DuplicateRegistration,
            "duplicate-registration",
        ),
        (
            &conflicting,
            "hours",
            Code::ConflictingHours,
            "conflicting-hours",
        ),
    ];
    for (findings, field, code, id) in rules {
        for finding in findings {
            let message = Message::new(id).with("row", finding.first.row);
            let issue = out.cross_row_issue(finding, field, code, message);
            out.issues.push(issue);
        }
    }
}

impl Datasets {
    /// What each file holds that another version of it would repeat, by file index: activities
    /// with an id, and registrations (each once within its file).
    fn held_by_file(&self) -> std::collections::BTreeMap<usize, (usize, usize)> {
        // Counted by sheet first (a million registrations: an increment each), then by file.
        let mut by_sheet = vec![(0, 0); self.sheets.len()];
        for activity in self.activities.iter().filter(|a| a.id.is_some()) {
            if let Some(count) = by_sheet.get_mut(activity.source.sheet as usize) {
                count.0 += 1;
            }
        }
        for source in &self.registrations.source {
            if let Some(count) = by_sheet.get_mut(source.sheet as usize) {
                count.1 += 1;
            }
        }
        let mut held: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
        for (sheet, (ids, registrations)) in self.sheets.iter().zip(by_sheet) {
            let count = held.entry(sheet.file_index).or_default();
            count.0 += ids;
            count.1 += registrations;
        }
        held
    }

    /// One `overlapping-files` warning when two files share most of their activity ids or
    /// registrations (SPEC 2): likely two versions of one workbook. "Most": more than half of
    /// what the smaller of the two holds.
    fn overlapping_files(
        &mut self,
        first: usize,
        later: usize,
        first_holds: Option<&(usize, usize)>,
        later_holds: Option<&(usize, usize)>,
        ids: usize,
        registrations: usize,
    ) {
        let (a, b) = (
            first_holds.copied().unwrap_or_default(),
            later_holds.copied().unwrap_or_default(),
        );
        let share = |shared: usize, x: usize, y: usize| {
            let smaller = x.min(y);
            (smaller > 0 && shared * 2 > smaller).then_some((shared, smaller))
        };
        let found = share(ids, a.0, b.0)
            .map(|s| (s, "ids"))
            .or_else(|| share(registrations, a.1, b.1).map(|s| (s, "registrations")));
        let Some(((shared, of), what)) = found else {
            return;
        };
        let name_of = |file: usize| {
            self.sheets
                .iter()
                .position(|s| s.file_index == file)
                .and_then(|i| self.headers.get(i))
                .map(|(name, _, _)| name.clone())
                .unwrap_or_else(|| "".into())
        };
        let (first_name, later_name) = (name_of(first), name_of(later));
        self.issues.push(Issue::new(
            Severity::Warning,
            Code::OverlappingFiles,
            Location {
                file: later_name,
                ..Location::default()
            },
            Message::new("overlapping-files")
                .with("shared", shared)
                .with("of", of)
                .with("what", Arg::Key(what))
                .with("share", (shared as f64 * 100.0 / of as f64).round())
                .with("first", &*first_name),
        ));
    }

    /// Issues in reading order (file, sheet, row), whichever rule found them.
    fn sort_issues(&mut self) {
        let position = |issue: &Issue, files: &[(Arc<str>, Arc<str>, Option<Header>)]| {
            let sheet = files.iter().position(|(file, sheet, _)| {
                (Arc::ptr_eq(file, &issue.location.file) || *file == issue.location.file)
                    && (Arc::ptr_eq(sheet, &issue.location.sheet) || *sheet == issue.location.sheet)
            });
            (sheet, issue.location.row.unwrap_or(0))
        };
        let mut items = std::mem::take(&mut self.issues).into_vec();
        let mut last_sheet = 0;
        let keys: Vec<(usize, usize, u32)> = items
            .iter()
            .map(|issue| {
                let (sheet, row) = position(issue, &self.headers);
                // File-level issues (no sheet) stay where they were found, after the sheets before them.
                let sheet = sheet.unwrap_or(last_sheet);
                last_sheet = sheet;
                (sheet, usize::from(issue.location.row.is_some()), row)
            })
            .collect();
        // Issues are mostly found in reading order: a million of them are sorted without a copy.
        if !keys.windows(2).all(|pair| pair[0] <= pair[1]) {
            let mut order: Vec<usize> = (0..items.len()).collect();
            order.sort_by_key(|&i| keys[i]);
            arrange(&mut items, &order);
        }
        self.issues.append(items);
    }

    /// The file and sheet a record comes from, as the user names them.
    pub fn source_names(&self, source: &Source) -> (&str, &str) {
        self.headers
            .get(source.sheet as usize)
            .map_or(("", ""), |(file, sheet, _)| (&**file, &**sheet))
    }

    /// Whether any activity, registration or target belongs to `year`.
    pub fn holds_year(&self, year: i32) -> bool {
        use chrono::Datelike;
        self.activities.iter().any(|a| a.date.year() == year)
            || self
                .registrations
                .start_date
                .iter()
                .any(|d| d.year() == year)
            || self.targets.iter().any(|t| t.year == year)
    }

    fn mark_duplicate(&mut self, source: &Source) {
        let report = &mut self.sheets[source.sheet as usize];
        report.kept -= 1;
        report.skipped_duplicate += 1;
        report.skipped += 1;
    }

    fn cross_row_issue(
        &self,
        finding: &validate::CrossRowFinding,
        field: &str,
        code: Code,
        message: Message,
    ) -> Issue {
        let (file, sheet, header) = &self.headers[finding.source.sheet as usize];
        let mut location = Location {
            file: file.clone(),
            sheet: sheet.clone(),
            row: Some(finding.source.row),
            column: None,
        };
        let mut header_text: Arc<str> = crate::issue::no_text();
        if let Some(header) = header {
            if let Some(index) = header.dataset.fields().iter().position(|f| f.name == field) {
                if let Some((column, text)) = &header.columns[index] {
                    location.column = Some(*column as u32);
                    header_text = text.clone();
                }
            }
        }
        Issue::new(Severity::Warning, code, location, message)
            .with_header(header_text)
            .with_value(finding.value.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::arrange;

    #[test]
    fn arrange_puts_each_item_at_its_place() {
        // Two halves found in the wrong order, a reversal, cycles of several lengths.
        let n = 10_usize;
        let halves: Vec<usize> = (n / 2..n).chain(0..n / 2).collect();
        let reversed: Vec<usize> = (0..n).rev().collect();
        let mixed = vec![3, 0, 1, 2, 5, 4, 6, 9, 7, 8];
        for order in [halves, reversed, mixed, (0..n).collect()] {
            let mut items: Vec<usize> = (0..n).map(|i| i * 10).collect();
            arrange(&mut items, &order);
            let expected: Vec<usize> = order.iter().map(|&i| i * 10).collect();
            assert_eq!(items, expected, "order {order:?}");
        }
    }
}
