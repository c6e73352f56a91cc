//! Types the rows of one sheet as they stream in: buffers the top of the sheet until its
//! header is found, then turns each row into a record (or an issue) without keeping it.

use super::builders;
use super::header::{self, find_header, header_at, Header, HeaderSearch, HEADER_SEARCH_ROWS};
use super::row_reader::RowReader;
use super::{column_maps, Dataset, FilePart, Options, SheetOverride, SheetReport, Source};
use crate::issue::{Arg, Code, Issue, Location, Message, Severity};
use crate::read::{Cell, InputFile, Merge, RowRef, Sheet};
use std::sync::Arc;

enum State {
    /// Rows above and around the header, kept until the header can be decided.
    Searching { top: Sheet, non_blank: usize },
    /// Every further row is typed into a record (the header is in `SheetParser::header`).
    Reading,
    /// The header lacks required columns: rows are counted as rejected.
    Rejecting,
    /// Not a dataset: rows are not read.
    Skipping,
}

pub struct SheetParser<'a> {
    options: &'a Options,
    forced: Option<&'a SheetOverride>,
    path: &'a std::path::Path,
    /// False for xlsx sheets until their merged ranges are read (only when the header needs them).
    merges_known: bool,
    /// Index of this sheet within its file's part.
    sheet_index: usize,
    name: String,
    state: State,
    report: SheetReport,
    header: Option<Header>,
    rows_hint: Option<u32>,
    /// The reader could not read the sheet to its end (`SheetEvent::Failed`).
    failed: bool,
    /// The file and sheet names every issue of the sheet shares.
    shared_file: Arc<str>,
    shared_sheet: Arc<str>,
}

/// Rows reserved at most for a sheet whose header is found: a spreadsheet's maximum (the hint
/// comes from the file, so it only sizes buffers, within this bound).
const MAX_RESERVED_ROWS: usize = 1 << 20;

impl<'a> SheetParser<'a> {
    pub fn new(
        options: &'a Options,
        file_index: usize,
        input: &'a InputFile,
        sheet_index: usize,
        name: String,
        merges: Option<Vec<Merge>>,
        rows_hint: Option<u32>,
    ) -> Self {
        let forced = options
            .sheets
            .iter()
            .find(|o| o.applies_to(&input.path, &name));
        let shared_sheet = Arc::from(name.as_str());
        SheetParser {
            options,
            forced,
            path: &input.path,
            merges_known: merges.is_some(),
            sheet_index,
            report: SheetReport {
                file_index,
                name: name.clone(),
                ..SheetReport::default()
            },
            state: State::Searching {
                top: Sheet {
                    name: name.clone(),
                    rows: Vec::new(),
                    merges: merges.unwrap_or_default(),
                },
                non_blank: 0,
            },
            name,
            header: None,
            rows_hint,
            failed: false,
            shared_file: Arc::from(input.display.as_str()),
            shared_sheet,
        }
    }

    fn location(&self, row: Option<u32>) -> Location {
        Location {
            file: self.shared_file.clone(),
            sheet: self.shared_sheet.clone(),
            row,
            column: None,
        }
    }

    /// Takes the next row; `texts` are the file's shared texts its cells may point at.
    pub fn push(&mut self, row: RowRef, texts: &[Cell], part: &mut FilePart) {
        match &mut self.state {
            State::Searching { top, non_blank } => {
                if !row.is_blank() {
                    *non_blank += 1;
                }
                let number = row.number;
                // The header search reads these rows as text: they are kept with their texts.
                top.rows.push(row.to_row().resolved(texts));
                // The header is among the first 30 non-empty rows, plus the row below it for a two-row header.
                let enough = match self.forced.and_then(|o| o.header_row) {
                    Some(header_row) => number > header_row,
                    None => *non_blank > HEADER_SEARCH_ROWS,
                };
                if enough {
                    self.decide(part);
                }
            }
            State::Reading => {
                if let Some(header) = &self.header {
                    let context = RowContext {
                        options: self.options,
                        file: &self.shared_file,
                        sheet: &self.shared_sheet,
                        sheet_index: self.sheet_index,
                        texts,
                    };
                    read_row(row, header, &context, &mut self.report, part);
                }
            }
            State::Rejecting => {
                self.report.rows_read += 1;
                if row.is_blank() {
                    self.report.skipped_blank += 1;
                } else {
                    self.report.rejected += 1;
                }
            }
            State::Skipping => {}
        }
    }

    /// Finds the header among the buffered rows and types the rows below it.
    fn search(&self, top: &Sheet) -> HeaderSearch {
        match self.forced {
            Some(SheetOverride {
                dataset,
                header_row: Some(row),
                ..
            }) => header_at(top, *dataset, *row, &self.options.aliases),
            Some(o) => find_header(top, &self.options.aliases, Some(o.dataset)),
            None => find_header(top, &self.options.aliases, None),
        }
    }

    fn decide(&mut self, part: &mut FilePart) {
        let State::Searching { mut top, .. } = std::mem::replace(&mut self.state, State::Skipping)
        else {
            return;
        };
        let mut search = self.search(&top);
        // Merged cells only fill blank cells: a header without gaps reads the same with or without them.
        let header_has_gaps = match &search {
            HeaderSearch::Found(h) | HeaderSearch::Incomplete(h) => has_gaps(&top, h),
            HeaderSearch::NotFound => false,
        };
        if !self.merges_known && header_has_gaps {
            top.merges = crate::read::xlsx_merges(self.path, &self.name);
            self.merges_known = true;
            search = self.search(&top);
        }
        match search {
            // A sheet that could not be read (`unreadable-sheet`) is not said unrecognised too.
            HeaderSearch::NotFound if self.failed && self.forced.is_none() => {}
            HeaderSearch::NotFound => {
                let issue = match self.forced {
                    // The config says what this sheet is: not finding its header is an error.
                    Some(o) => Issue::new(
                        Severity::Error,
                        Code::NoHeader,
                        self.location(o.header_row),
                        Message::new("sheet-no-header-forced")
                            .with("dataset", Arg::Key(o.dataset.name())),
                    ),
                    None => {
                        let message = match header::closest(&top, &self.options.aliases) {
                            Some((dataset, row, missing)) => {
                                let missing: Vec<String> =
                                    missing.iter().map(|f| format!("`{f}`")).collect();
                                Message::new("sheet-unrecognized-closest")
                                    .with("dataset", Arg::Key(dataset.name()))
                                    .with("row", row)
                                    .with("missing", missing.join(", "))
                            }
                            None => Message::new("sheet-unrecognized"),
                        };
                        Issue::new(
                            Severity::Info,
                            Code::UnrecognizedSheet,
                            self.location(None),
                            message,
                        )
                    }
                };
                part.issues.push(issue);
            }
            HeaderSearch::Incomplete(header)
                if self.forced.is_none()
                    && header.ambiguous.is_empty()
                    && looks_like_value_lists(&self.name, &top, &header) =>
            {
                part.issues.push(Issue::new(
                    Severity::Info,
                    Code::UnrecognizedSheet,
                    self.location(Some(header.row_number)),
                    Message::new("sheet-value-lists")
                        .with(
                            "columns",
                            header
                                .columns
                                .iter()
                                .flatten()
                                .map(|(_, shown)| &**shown)
                                .collect::<Vec<_>>()
                                .join(", "),
                        )
                        .with("dataset", Arg::Key(header.dataset.name())),
                ));
            }
            HeaderSearch::Incomplete(header) => {
                self.header_notes(&header, part);
                for missing in header.missing_required() {
                    part.issues.push(
                        Issue::new(
                            Severity::Error,
                            Code::MissingColumn,
                            self.location(Some(header.row_number)),
                            Message::new("missing-column")
                                .with("dataset", Arg::Key(header.dataset.name()))
                                .with("field", Arg::Key(missing)),
                        )
                        .with_header(missing),
                    );
                }
                self.report.dataset = Some(header.dataset);
                self.report.header_row = Some(header.row_number);
                self.report.columns = column_maps(&top, &header);
                self.state = State::Rejecting;
                // The buffered rows hold their texts already (no shared text left to resolve).
                for row in top.rows.iter().skip(header.data_start()) {
                    self.push(row.as_ref(), &[], part);
                }
            }
            HeaderSearch::Found(header) => {
                self.header_notes(&header, part);
                for (column, text, field) in &header.duplicates {
                    part.issues.push(
                        Issue::new(
                            Severity::Warning,
                            Code::DuplicateColumn,
                            Location {
                                column: Some(*column as u32),
                                ..self.location(Some(header.row_number))
                            },
                            Message::new("duplicate-column").with("field", Arg::Key(field)),
                        )
                        .with_header(text.clone()),
                    );
                }
                self.report.dataset = Some(header.dataset);
                self.report.header_row = Some(header.row_number);
                self.report.columns = column_maps(&top, &header);
                let start = header.data_start();
                // A million registrations grow their vectors and tables by copying otherwise.
                if let (Dataset::Training, Some(rows)) = (header.dataset, self.rows_hint) {
                    let rows = (rows as usize).min(MAX_RESERVED_ROWS);
                    part.registrations.reserve(rows);
                    part.registration_keys.reserve(rows);
                }
                self.header = Some(header);
                self.state = State::Reading;
                for row in top.rows.iter().skip(start) {
                    self.push(row.as_ref(), &[], part);
                }
            }
        }
    }

    /// Ends the sheet: a short sheet is searched for its header now.
    /// What the analyst should confirm about a header: each header read by meaning (an `info`),
    /// and each field several headers could mean, left unmatched (a `warning` naming them and the
    /// `bilan.toml` line that settles it).
    fn header_notes(&self, header: &Header, part: &mut FilePart) {
        let dataset = header.dataset.name();
        let fields = header.dataset.fields();
        for &field in &header.by_meaning {
            let Some((column, text)) = &header.columns[field] else {
                continue;
            };
            part.issues.push(
                Issue::new(
                    Severity::Info,
                    Code::MissingColumn,
                    Location {
                        column: Some(*column as u32),
                        ..self.location(Some(header.row_number))
                    },
                    Message::new("header-by-meaning")
                        .with("field", Arg::Key(fields[field].name))
                        .with("dataset", Arg::Key(dataset)),
                )
                .with_header(text.clone()),
            );
        }
        for (field, candidates) in &header.ambiguous {
            let Some((first, _)) = candidates.first() else {
                continue;
            };
            let names: Vec<String> = candidates.iter().map(|(_, t)| format!("« {t} »")).collect();
            part.issues.push(
                Issue::new(
                    Severity::Warning,
                    Code::DuplicateColumn,
                    Location {
                        column: Some(*first as u32),
                        ..self.location(Some(header.row_number))
                    },
                    Message::new("header-ambiguous")
                        .with("names", names.join(", "))
                        .with("field", Arg::Key(field))
                        .with("dataset", Arg::Key(dataset))
                        .with("first", candidates[0].1.as_str()),
                )
                .with_header(
                    candidates
                        .iter()
                        .map(|(_, t)| t.as_str())
                        .collect::<Vec<_>>()
                        .join(" | "),
                ),
            );
        }
    }

    /// The sheet's name, as the workbook gives it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The reader could not read the sheet past the rows it sent.
    pub fn failed(&mut self) {
        self.failed = true;
    }

    /// The workbook hides this sheet.
    pub fn hidden(&mut self, hidden: bool) {
        self.report.hidden = hidden;
    }

    pub fn finish(mut self, part: &mut FilePart) {
        if matches!(self.state, State::Searching { .. }) {
            self.decide(part);
        }
        self.report.skipped = self.report.skipped_blank + self.report.skipped_total;
        part.sheets.push(self.report);
        part.headers
            .push((self.shared_file, self.shared_sheet, self.header));
    }
}

/// Whether the header rows (and the row below, for a two-row header) have blank cells between filled ones.
fn has_gaps(top: &Sheet, header: &Header) -> bool {
    let last = (header.row_index + 2).min(top.rows.len());
    top.rows[header.row_index..last].iter().any(|row| {
        let filled = row
            .cells
            .iter()
            .rposition(|c| !c.is_blank())
            .map_or(0, |p| p + 1);
        row.cells[..filled].iter().any(|c| c.is_blank())
    })
}

/// Where rows are typed: the run's options and the sheet they come from.
struct RowContext<'a> {
    options: &'a Options,
    file: &'a Arc<str>,
    sheet: &'a Arc<str>,
    sheet_index: usize,
    /// The file's shared texts.
    texts: &'a [Cell],
}

/// Types one data row into a record, or counts it as skipped or rejected.
fn read_row(
    row: RowRef,
    header: &Header,
    context: &RowContext,
    report: &mut SheetReport,
    part: &mut FilePart,
) {
    let RowContext {
        options,
        file,
        sheet,
        sheet_index,
        texts,
    } = *context;
    report.rows_read += 1;
    if row.is_blank() {
        report.skipped_blank += 1;
        return;
    }
    if builders::is_total_row(row.cells, texts, &mut part.memo) {
        report.skipped_total += 1;
        part.issues.push(Issue::new(
            Severity::Info,
            Code::TotalRow,
            Location {
                file: file.clone(),
                sheet: sheet.clone(),
                row: Some(row.number),
                column: None,
            },
            Message::new("total-row"),
        ));
        return;
    }
    let source = Source {
        // A run has far fewer than 2^32 sheets (each costs at least a file or a sheet header).
        sheet: sheet_index as u32,
        row: row.number,
    };
    if !header.years.is_empty() {
        return read_matrix_row(row, header, context, source, report, part);
    }
    let mut reader = RowReader::new(
        row,
        &mut part.memo,
        texts,
        header,
        file,
        sheet,
        options.date_order,
    );
    let kept = match header.dataset {
        Dataset::Activities => builders::activity(&mut reader, source, &options.categories)
            .map(|a| part.activities.push(a)),
        Dataset::Training => {
            builders::registration(&mut reader, source, &options.categories, &mut part.strings)
                // Repeats within the file are found as rows come (the files are compared when put together).
                .map(|r| match part.registration_keys.check(&r, &part.strings) {
                    Some(repeat) => part.repeated_registrations.push(repeat),
                    None => part.registrations.push(r),
                })
        }
        Dataset::Targets => builders::target(&mut reader, source, &options.indicator_names)
            .map(|t| part.targets.push(t)),
    };
    if kept.is_some() {
        report.kept += 1;
    } else {
        report.rejected += 1;
    }
    part.issues.extend(reader.issues);
}

/// A row of a targets matrix: one target per year column that holds a value, each located at
/// its cell. The row is kept when it gives a target, rejected when a cell was wrong and none was
/// read, and kept too when it names an indicator without any target (an empty cell of a matrix
/// is no target, not a missing value).
fn read_matrix_row(
    row: RowRef,
    header: &Header,
    context: &RowContext,
    source: Source,
    report: &mut SheetReport,
    part: &mut FilePart,
) {
    let options = context.options;
    let target = Dataset::Targets
        .fields()
        .iter()
        .position(|f| f.name == "target")
        .unwrap_or_default();
    let mut kept = false;
    let mut rejected = false;
    let mut issues: Vec<Issue> = Vec::new();
    for &(column, year) in &header.years {
        let cell = row.cells.get(column).unwrap_or(&Cell::Empty);
        if cell.resolve(context.texts).is_blank() {
            continue;
        }
        let mut year_header = header.clone();
        year_header.columns[target] = Some((column, Arc::from(year.to_string())));
        let mut reader = RowReader::new(
            row,
            &mut part.memo,
            context.texts,
            &year_header,
            context.file,
            context.sheet,
            options.date_order,
        );
        match builders::target_of_year(&mut reader, source, &options.indicator_names, year) {
            Some(t) => {
                part.targets.push(t);
                kept = true;
            }
            None => rejected = true,
        }
        for issue in reader.issues {
            // An unknown indicator is said once for the row, not once per year.
            if !issues
                .iter()
                .any(|i| i.code == issue.code && i.location == issue.location)
            {
                issues.push(issue);
            }
        }
    }
    if kept || !rejected {
        report.kept += 1;
    } else {
        report.rejected += 1;
    }
    part.issues.extend(issues);
}

/// Whether a sheet that names some columns of a dataset but not all its required ones holds
/// the value lists of a template (the drop-down values of « Type d'activité », « Statut »,
/// « Modalité »…, often on a hidden « Listes » or « Paramètres » sheet) rather than data that
/// lost a column. Such a sheet has no column of dates, numbers or yes/no values, and names each
/// value once in each of its columns (a register repeats its statuses and types from row to
/// row), or is named for it (`liste`, `paramètre`, `référentiel`). A register that lost its date
/// column but holds numbers, or repeats a value, is still a register with a missing column.
fn looks_like_value_lists(name: &str, top: &Sheet, header: &Header) -> bool {
    use super::schema::Kind;
    let fields = header.dataset.fields();
    let mut columns = Vec::new();
    for (field, column) in header.columns.iter().enumerate() {
        let Some((column, _)) = column else { continue };
        match fields[field].kind {
            Kind::Date | Kind::Number | Kind::Integer | Kind::Boolean => return false,
            _ => columns.push(*column),
        }
    }
    let sheet_name = super::normalize_key(name);
    let named = ["liste", "parametre", "referentiel", "nomenclature"]
        .iter()
        .any(|word| sheet_name.contains(word));
    let rows = &top.rows[header.data_start().min(top.rows.len())..];
    let once_each = columns.iter().all(|&column| {
        let mut seen = std::collections::HashSet::new();
        rows.iter()
            .filter_map(|row| row.cells.get(column))
            .map(|cell| super::normalize_key(&cell.display()))
            .filter(|value| !value.is_empty())
            .all(|value| seen.insert(value))
    });
    named || once_each
}
