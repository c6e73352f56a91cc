//! Format `register` (SPEC 6): the consolidated kept rows of each dataset, the table analysts
//! pivot. `activities.csv`, `training.csv`, `targets.csv`: one column per field of SPEC 3
//! (categories as their code, then their label in the run's language), then the row's source.
//! Participant identifiers stay out unless `--with-identifiers`.
//!
//! The registrations go into the Polars frames when the indicators are computed, so the register
//! is written before, into a staging folder beside the report, and moved into it with the rest.

use super::csv::{write_csv, CsvCell};
use super::{io_error, OutputError};
use crate::datasets::categories::{Categories, Kind};
use crate::datasets::{Datasets, Source};
use crate::indicators::ValueKind;
use crate::lang::Lang;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::path::{Path, PathBuf};

/// The register written ahead, waiting to join its report.
pub struct Staged {
    pub dir: PathBuf,
    pub files: Vec<&'static str>,
    /// With `xlsx`: the report's workbook, begun with the register's sheets (written to
    /// temporary files as the rows come), for the first language's report.xlsx to finish.
    pub book: std::sync::Mutex<Option<RegisterBook>>,
}

/// A workbook and its register sheets, to be put after the review's own sheets.
pub struct RegisterBook {
    pub workbook: Workbook,
    pub sheets: Vec<Worksheet>,
}

/// Data rows per sheet: Excel's 1,048,576 rows, less the header.
const SHEET_ROWS: u32 = 1_048_575;

/// What the register needs to know of the run.
pub struct RegisterOptions<'a> {
    pub lang: Lang,
    pub categories: &'a Categories,
    pub csv_style: super::CsvStyle,
    pub with_identifiers: bool,
    /// Also as sheets of report.xlsx (format `xlsx` asked).
    pub sheets: bool,
}

/// Writes the three CSV files into `OUT/.register-PID/`.
pub fn stage(
    datasets: &Datasets,
    out: &Path,
    options: &RegisterOptions,
) -> Result<Staged, OutputError> {
    let dir = out.join(format!(".register-{}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(io_error(&dir))?;
    }
    std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let mut w = super::Writer {
        dir: &dir,
        written: Vec::new(),
    };
    let style = options.csv_style;
    let outcome = w
        .write_with("activities.csv", |out| {
            activities(datasets, options, |h: &[&str], r: &mut Rows<'_, '_>| {
                write_csv(out, h, csv_rows(r), style)
            })
        })
        .and_then(|_| {
            w.write_with("training.csv", |out| {
                training(datasets, options, |h: &[&str], r: &mut Rows<'_, '_>| {
                    write_csv(out, h, csv_rows(r), style)
                })
            })
        })
        .and_then(|_| {
            w.write_with("targets.csv", |out| {
                targets(datasets, options, |h: &[&str], r: &mut Rows<'_, '_>| {
                    write_csv(out, h, csv_rows(r), style)
                })
            })
        });
    let outcome = outcome.and_then(|_| {
        if options.sheets {
            register_book(datasets, options, SHEET_ROWS).map(Some)
        } else {
            Ok(None)
        }
    });
    let book = match outcome {
        Ok(book) => book,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e);
        }
    };
    Ok(Staged {
        dir,
        files: vec!["activities.csv", "training.csv", "targets.csv"],
        book: std::sync::Mutex::new(book),
    })
}

/// The register as typed sheets (constant memory: each row goes to a temporary file as it
/// comes), named after the datasets in the run's language; past `max_rows` rows a dataset
/// continues on « NAME (2) ».
fn register_book(
    datasets: &Datasets,
    options: &RegisterOptions,
    max_rows: u32,
) -> Result<RegisterBook, OutputError> {
    let mut workbook = Workbook::new();
    let mut sheets = Vec::new();
    let name = |dataset: &str| crate::words::get(options.lang, &format!("dataset-{dataset}"));
    let mut add = |book: &mut Workbook, dataset: &str, h: &[&str], r: &mut Rows<'_, '_>| {
        sheets.extend(typed_sheets(book, &name(dataset), h, r, max_rows)?);
        Ok::<(), XlsxError>(())
    };
    activities(datasets, options, |h: &[&str], r: &mut Rows<'_, '_>| {
        add(&mut workbook, "activities", h, r)
    })?;
    training(datasets, options, |h: &[&str], r: &mut Rows<'_, '_>| {
        add(&mut workbook, "training", h, r)
    })?;
    targets(datasets, options, |h: &[&str], r: &mut Rows<'_, '_>| {
        add(&mut workbook, "targets", h, r)
    })?;
    Ok(RegisterBook { workbook, sheets })
}

/// A dataset's rows as sheets of `max_rows` rows at most under the header: text as text (never
/// a formula), dates as dates, numbers as numbers, yes/no as booleans.
fn typed_sheets(
    workbook: &mut Workbook,
    name: &str,
    header: &[&str],
    rows: &mut Rows<'_, '_>,
    max_rows: u32,
) -> Result<Vec<Worksheet>, XlsxError> {
    let bold = Format::new().set_bold();
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let start = |workbook: &mut Workbook, part: usize| -> Result<Worksheet, XlsxError> {
        let mut sheet = workbook.new_worksheet_with_constant_memory()?;
        let title = if part == 1 {
            name.to_string()
        } else {
            format!("{name} ({part})")
        };
        sheet.set_name(title.chars().take(31).collect::<String>())?;
        for (c, title) in header.iter().enumerate() {
            sheet.set_column_width(c as u16, 14)?;
            sheet.write_string_with_format(0, c as u16, *title, &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(sheet)
    };
    let finish = |sheet: &mut Worksheet, last: u32| -> Result<(), XlsxError> {
        sheet.autofilter(0, 0, last, header.len().saturating_sub(1) as u16)?;
        Ok(())
    };
    let mut sheets = Vec::new();
    let mut sheet = start(workbook, 1)?;
    let mut r = 0_u32;
    for row in rows {
        if r == max_rows {
            finish(&mut sheet, r)?;
            sheets.push(sheet);
            sheet = start(workbook, sheets.len() + 1)?;
            r = 0;
        }
        r += 1;
        for (c, value) in row.into_iter().enumerate() {
            let c = c as u16;
            match value {
                Value::Text(text) if !text.is_empty() => {
                    sheet.write_string(r, c, text.as_ref())?;
                }
                Value::Text(_) | Value::Date(None) | Value::Number(None, _) => {}
                Value::Date(Some(d)) => {
                    use chrono::Datelike;
                    let date =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    sheet.write_datetime_with_format(r, c, date, &day)?;
                }
                Value::Number(Some(v), _) => {
                    sheet.write_number(r, c, v)?;
                }
                Value::Bool(yes) => {
                    sheet.write_boolean(r, c, yes)?;
                }
            }
        }
    }
    finish(&mut sheet, r)?;
    sheets.push(sheet);
    Ok(sheets)
}

/// A register cell, typed: text, a date, a number or a yes/no. The CSV writes it as text
/// (dates `YYYY-MM-DD`), report.xlsx as a typed cell.
enum Value<'a> {
    Text(std::borrow::Cow<'a, str>),
    Date(Option<chrono::NaiveDate>),
    Number(Option<f64>, ValueKind),
    Bool(bool),
}

impl<'a> Value<'a> {
    fn text(text: impl Into<std::borrow::Cow<'a, str>>) -> Self {
        Value::Text(text.into())
    }

    fn csv(self) -> CsvCell<'a> {
        match self {
            Value::Text(text) => CsvCell::Text(text),
            Value::Date(date) => CsvCell::text(
                date.map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
            ),
            Value::Number(value, kind) => CsvCell::Number(value, kind),
            Value::Bool(yes) => CsvCell::text(if yes { "true" } else { "false" }),
        }
    }
}

fn text(value: Option<&str>) -> Value<'_> {
    Value::Text(value.unwrap_or_default().into())
}

fn date(value: Option<chrono::NaiveDate>) -> Value<'static> {
    Value::Date(value)
}

fn csv_rows<'a, 'r>(rows: &'r mut Rows<'r, 'a>) -> impl Iterator<Item = Vec<CsvCell<'a>>> + 'r {
    rows.map(|row| row.into_iter().map(Value::csv).collect())
}

/// The labels of a kind's categories in the register's language, looked up once per file.
struct KindLabels(Vec<(String, String)>);

impl KindLabels {
    fn new(categories: &Categories, kind: Kind, lang: Lang) -> Self {
        KindLabels(
            categories
                .list(kind)
                .iter()
                .map(|c| (c.code.clone(), super::labels::category(lang, kind, c)))
                .collect(),
        )
    }

    /// The label of `code`; a value no category holds is written as it is.
    fn cell<'a>(&'a self, code: &'a str) -> Value<'a> {
        let found = self.0.iter().find(|(c, _)| c == code);
        Value::Text(found.map_or(code, |(_, label)| label.as_str()).into())
    }
}

/// The row's source: file, sheet, row.
fn source<'a>(datasets: &'a Datasets, source: &Source) -> [Value<'a>; 3] {
    let (file, sheet) = datasets.source_names(source);
    [
        Value::Text(file.into()),
        Value::Text(sheet.into()),
        Value::Number(Some(f64::from(source.row)), ValueKind::Count),
    ]
}

/// Where a dataset's header and rows go: a CSV file or sheets of report.xlsx.
trait Sink<E>: FnOnce(&[&str], &mut Rows<'_, '_>) -> Result<(), E> {}
impl<E, F> Sink<E> for F where F: FnOnce(&[&str], &mut Rows<'_, '_>) -> Result<(), E> {}

/// A dataset's rows, each a vector of typed cells.
type Rows<'r, 'a> = dyn Iterator<Item = Vec<Value<'a>>> + 'r;

const SOURCE: [&str; 3] = ["source_file", "source_sheet", "source_row"];

fn activities<E>(
    datasets: &Datasets,
    options: &RegisterOptions,
    sink: impl Sink<E>,
) -> Result<(), E> {
    let mut header = vec![
        "id",
        "date",
        "end_date",
        "type",
        "type_label",
        "title",
        "axis",
        "project",
        "partner",
        "status",
        "status_label",
        "participants",
        "women",
        "budget_planned",
        "budget_spent",
        "location",
    ];
    header.extend(SOURCE);
    let (lang, categories) = (options.lang, options.categories);
    let types = KindLabels::new(categories, Kind::ActivityType, lang);
    let statuses = KindLabels::new(categories, Kind::Status, lang);
    let mut rows = datasets.activities.iter().map(|a| {
        let mut row = vec![
            text(a.id.as_deref()),
            date(Some(a.date)),
            date(a.end_date),
            Value::text(&a.activity_type),
            types.cell(&a.activity_type),
            text(a.title.as_deref()),
            text(a.axis.as_deref()),
            text(a.project.as_deref()),
            Value::text(a.partners.join("; ")),
            Value::text(&a.status),
            statuses.cell(&a.status),
            Value::Number(a.participants.map(|n| n as f64), ValueKind::Count),
            Value::Number(a.women.map(|n| n as f64), ValueKind::Count),
            Value::Number(a.budget_planned, ValueKind::Decimal),
            Value::Number(a.budget_spent, ValueKind::Decimal),
            text(a.location.as_deref()),
        ];
        row.extend(source(datasets, &a.source));
        row
    });
    sink(&header, &mut rows)
}

fn training<E>(
    datasets: &Datasets,
    options: &RegisterOptions,
    sink: impl Sink<E>,
) -> Result<(), E> {
    let with_ids = options.with_identifiers;
    let mut header = vec![
        "session_id",
        "program",
        "start_date",
        "end_date",
        "hours",
        "organisation",
    ];
    if with_ids {
        header.push("participant_id");
    }
    header.extend([
        "gender",
        "gender_label",
        "category",
        "attended",
        "modality",
        "modality_label",
        "satisfaction",
    ]);
    header.extend(SOURCE);
    let (lang, categories) = (options.lang, options.categories);
    let genders = KindLabels::new(categories, Kind::Gender, lang);
    let modalities = KindLabels::new(categories, Kind::Modality, lang);
    let strings = &datasets.strings;
    let registrations = &datasets.registrations;
    let mut rows = (0..registrations.len())
        .filter_map(|i| registrations.get(i))
        .map(|r| {
            let code = |c: u32| Value::text(strings.get(c));
            let mut row = vec![
                code(r.session_id),
                code(r.program),
                date(Some(r.start_date)),
                date(r.end_date),
                Value::Number(Some(r.hours), ValueKind::Decimal),
                code(r.organisation),
            ];
            if with_ids {
                row.push(code(r.participant_id));
            }
            let gender = r.gender.map(|c| strings.get(c));
            let modality = r.modality.map(|c| strings.get(c));
            row.extend([
                text(gender),
                gender.map_or(Value::text(""), |g| genders.cell(g)),
                text(r.category.map(|c| strings.get(c))),
                Value::Bool(r.attended),
                text(modality),
                modality.map_or(Value::text(""), |m| modalities.cell(m)),
                Value::Number(r.satisfaction, ValueKind::Decimal),
            ]);
            row.extend(source(datasets, &r.source));
            row
        });
    sink(&header, &mut rows)
}

fn targets<E>(
    datasets: &Datasets,
    _options: &RegisterOptions,
    sink: impl Sink<E>,
) -> Result<(), E> {
    let mut header = vec!["year", "indicator", "target"];
    header.extend(SOURCE);
    let mut rows = datasets.targets.iter().map(|t| {
        let mut row = vec![
            Value::Number(Some(f64::from(t.year)), ValueKind::Count),
            Value::text(&t.indicator),
            Value::Number(Some(t.target), ValueKind::Decimal),
        ];
        row.extend(source(datasets, &t.source));
        row
    });
    sink(&header, &mut rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past the rows a sheet holds, a dataset goes on in « NAME (2) », header repeated.
    #[test]
    fn a_dataset_longer_than_a_sheet_continues_on_the_next() {
        let mut workbook = Workbook::new();
        let mut rows = (1..=5).map(|n| vec![Value::Number(Some(f64::from(n)), ValueKind::Count)]);
        let sheets =
            typed_sheets(&mut workbook, "Formation", &["n"], &mut rows, 2).expect("sheets");
        let names: Vec<String> = sheets.iter().map(|s| s.name()).collect();
        assert_eq!(names, ["Formation", "Formation (2)", "Formation (3)"]);
        for sheet in sheets {
            workbook.push_worksheet(sheet);
        }
        let bytes = workbook.save_to_buffer().expect("saved");
        use calamine::Reader;
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
        let column = |book: &mut calamine::Xlsx<_>, name: &str| -> Vec<String> {
            let range = book.worksheet_range(name).expect(name);
            range.rows().map(|r| r[0].to_string()).collect()
        };
        assert_eq!(column(&mut book, "Formation"), ["n", "1", "2"]);
        assert_eq!(column(&mut book, "Formation (2)"), ["n", "3", "4"]);
        assert_eq!(column(&mut book, "Formation (3)"), ["n", "5"]);
    }
}
