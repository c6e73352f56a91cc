//! `report.xlsx` (format `xlsx`, SPEC 6): the review as a workbook for the analysts who live in
//! Excel. The headline indicators with their status, one sheet per breakdown table with a native
//! chart bound to its cells, and the data issues with a link to each bad cell. Numbers are typed
//! cells with number formats, never text; text from the data is always written as a string, never
//! as a formula. The same bytes every run (fixed document dates).

use super::document::{headline_titles, issue_titles, severity_label, status_words, t};
use super::labels::{self, column_title, table_title};
use super::messages::Speaker;
use super::{OutputError, RunRecord};
use crate::indicators::{Results, Table, Unit, ValueKind};
use crate::issue::{Issue, Severity};
use crate::lang::Lang;
use rust_xlsxwriter::{
    Chart, ChartFormat, ChartSolidFill, ChartType, ConditionalFormatText,
    ConditionalFormatTextRule, DocProperties, ExcelDateTime, Format, FormatBorder, Url, Workbook,
    Worksheet, XlsxError,
};
use std::path::Path;

/// A4 in Excel's paper sizes.
const A4: u8 = 9;
/// Issues listed in the sheet (data-issues.csv has them all): Excel's rows, less the header.
const MAX_ISSUES: usize = 1_048_575;
/// Excel opens a sheet with at most 65,530 hyperlinks; the issues after them show their link as text.
const MAX_LINKS: usize = 65_530;

/// The workbook's bytes; `report_dir` is where it will lie (links to the inputs are relative to it).
pub fn render(
    results: &Results,
    run: &RunRecord,
    lang: Lang,
    speaker: Speaker,
    report_dir: &Path,
    generated_on: Option<chrono::NaiveDate>,
    register: Option<super::RegisterBook>,
) -> Result<Vec<u8>, OutputError> {
    let (mut workbook, register_sheets) = match register {
        Some(book) => (book.workbook, book.sheets),
        None => (Workbook::new(), Vec::new()),
    };
    // Fixed document dates: the same bytes every run (SOURCE_DATE_EPOCH's day when set).
    let created = match generated_on {
        Some(day) => ExcelDateTime::from_ymd(
            u16::try_from(chrono::Datelike::year(&day)).unwrap_or(2000),
            chrono::Datelike::month(&day) as u8,
            chrono::Datelike::day(&day) as u8,
        )?,
        None => ExcelDateTime::from_ymd(2000, 1, 1)?,
    };
    let properties = DocProperties::new()
        .set_title(super::document::title(results, lang))
        .set_creation_datetime(&created);
    workbook.set_properties(&properties);
    // Excel 365's own zip level: about 30 % faster to save than rust_xlsxwriter's default (6)
    // for a file about 5 % larger (rust_xlsxwriter's performance notes); it matters for a
    // problem sheet of 100,000 rows.
    workbook.set_zip_compression_level(3);
    let header = Format::new()
        .set_bold()
        .set_background_color("#DCE6F1")
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap();
    // Sheets in "low memory" mode: written row by row to temporary files, and assembled without
    // rust_xlsxwriter's thread per sheet (a thread per sheet fails under a capped address space).
    indicators_sheet(
        workbook.add_worksheet_with_low_memory()?,
        results,
        lang,
        &header,
    )?;
    // The breakdown tables, then the tables drawn only (trainees by organisation and gender),
    // so that each of the review's charts has its native twin bound to cells.
    // Names a table sheet must not take: the fixed sheets' and the register's.
    let mut taken = vec![t(lang, "workbook-indicators"), t(lang, "workbook-issues")];
    taken.extend(register_sheets.iter().map(|sheet| sheet.name()));
    for table in results.tables.iter().chain(&results.chart_tables) {
        table_sheet(&mut workbook, table, results, lang, &header, &mut taken)?;
    }
    issues_sheet(
        workbook.add_worksheet_with_low_memory()?,
        run.issues,
        lang,
        speaker,
        report_dir,
        &header,
    )?;
    // The register (format `register`) after the review's sheets.
    for sheet in register_sheets {
        workbook.push_worksheet(sheet);
    }
    // Arabic reads right to left: every sheet starts at its right edge.
    if lang.right_to_left() {
        for sheet in workbook.worksheets_mut() {
            sheet.set_right_to_left(true);
        }
    }
    Ok(workbook.save_to_buffer()?)
}

/// A number's format in Excel, and the factor its value is written with (a rate of 83.4 % is
/// the fraction 0.834 under a percent format, so that Excel computes with it).
fn number_format(kind: ValueKind, unit: Option<Unit>) -> (Format, f64) {
    match (unit, kind) {
        (Some(Unit::Percent), _) | (_, ValueKind::Rate) => {
            (Format::new().set_num_format("0.0%"), 0.01)
        }
        (Some(Unit::Hours), _) => (Format::new().set_num_format("#,##0.0"), 1.0),
        (Some(Unit::Mad), _) => (Format::new().set_num_format("#,##0.00"), 1.0),
        (Some(Unit::Score), _) => (Format::new().set_num_format("0.00"), 1.0),
        (_, ValueKind::Count) => (Format::new().set_num_format("#,##0"), 1.0),
        (_, ValueKind::Decimal) => (Format::new().set_num_format("#,##0.0"), 1.0),
    }
}

fn number(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    value: Option<f64>,
    (format, factor): &(Format, f64),
) -> Result<(), XlsxError> {
    if let Some(value) = value.filter(|v| v.is_finite()) {
        sheet.write_number_with_format(row, column, value * factor, format)?;
    }
    Ok(())
}

/// The common set-up of a sheet: a frozen header row, a filter over the table, A4, the header
/// row repeated on every printed page.
fn set_up(
    sheet: &mut Worksheet,
    rows: u32,
    columns: u16,
    landscape: bool,
) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    if rows > 0 && columns > 0 {
        sheet.autofilter(0, 0, rows, columns - 1)?;
    }
    sheet.set_paper_size(A4);
    if landscape {
        sheet.set_landscape();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

fn indicators_sheet(
    sheet: &mut Worksheet,
    results: &Results,
    lang: Lang,
    header: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(t(lang, "workbook-indicators"))?;
    // The report's columns, with the indicator's code after its label (to look it up).
    let mut titles = headline_titles(results, lang);
    titles.insert(1, t(lang, "column-code"));
    for (column, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, title, header)?;
    }
    let rate = number_format(ValueKind::Rate, None);
    for (i, row) in results.headline.iter().enumerate() {
        let r = i as u32 + 1;
        let format = number_format(row.unit.value_kind(), Some(row.unit));
        sheet.write_string(r, 0, labels::indicator(lang, row))?;
        sheet.write_string(r, 1, &row.id)?;
        number(sheet, r, 2, row.value, &format)?;
        number(sheet, r, 3, row.target, &format)?;
        number(sheet, r, 4, row.achievement_pct, &rate)?;
        number(sheet, r, 5, row.previous_year, &format)?;
        number(sheet, r, 6, row.change_pct, &rate)?;
        sheet.write_string(r, 7, status_words(row.status, lang))?;
    }
    let last = results.headline.len() as u32;
    // The status by colour as well as by its symbol and word.
    // Light shades of the colour-blind palette, as in report.html: blue met, orange close,
    // vermillion behind.
    for (symbol, colour) in [("✔", "#D9ECF7"), ("≈", "#FDF0D2"), ("✘", "#F8DCCB")] {
        let rule = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(symbol.to_string()))
            .set_format(Format::new().set_background_color(colour));
        sheet.add_conditional_format(1, 7, last.max(1), 7, &rule)?;
    }
    sheet.set_column_width(0, 48)?;
    sheet.set_column_width(1, 26)?;
    for column in 2..7 {
        sheet.set_column_width(column, 12)?;
    }
    sheet.set_column_width(7, 16)?;
    set_up(sheet, last, titles.len() as u16, true)?;
    // The review's `targets` chart, native: each indicator's achievement (column E).
    let name = t(lang, "workbook-indicators");
    let mut chart = Chart::new(ChartType::Bar);
    let title = crate::words::get_with(
        lang,
        "chart-titled",
        vec![
            ("title", t(lang, "chart-targets").into()),
            ("year", results.year.to_string().into()),
        ],
    );
    chart.title().set_name(&title);
    chart
        .add_series()
        .set_name((name.as_str(), 0, 4))
        .set_categories((name.as_str(), 1, 0, last, 0))
        .set_values((name.as_str(), 1, 4, last, 4))
        .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color("#0072B2")));
    chart.legend().set_hidden();
    sheet.insert_chart(last + 2, 0, &chart)?;
    Ok(())
}

fn table_sheet(
    workbook: &mut Workbook,
    table: &Table,
    results: &Results,
    lang: Lang,
    header: &Format,
    taken: &mut Vec<String>,
) -> Result<(), XlsxError> {
    let title = table_title(&table.id, results, lang);
    let name = sheet_name(&table.id, &title, lang, taken);
    let sheet = workbook.add_worksheet_with_low_memory()?;
    sheet.set_name(&name)?;
    let mut titles = vec![column_title(table.key, results, lang)];
    titles.extend(
        table
            .columns
            .iter()
            .map(|(c, _)| column_title(c, results, lang)),
    );
    for (column, text) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, text, header)?;
    }
    let formats: Vec<(Format, f64)> = table
        .columns
        .iter()
        .map(|(_, kind)| number_format(*kind, None))
        .collect();
    for (i, row) in table.rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, labels::row(lang, table, row, &results.categories))?;
        for (c, value) in row.values.iter().enumerate() {
            number(sheet, r, c as u16 + 1, *value, &formats[c])?;
        }
    }
    let rows = table.rows.len() as u32;
    // The total row holds bilan's figures (a rate is not the sum of rates), as values.
    if let Some(total) = &table.total {
        let bold = Format::new().set_bold().set_border_top(FormatBorder::Thin);
        sheet.write_string_with_format(rows + 1, 0, t(lang, "report-total"), &bold)?;
        for (c, value) in total.iter().enumerate() {
            if let Some(value) = value.filter(|v| v.is_finite()) {
                let (format, factor) = &formats[c];
                let format = format.clone().set_bold().set_border_top(FormatBorder::Thin);
                sheet.write_number_with_format(rows + 1, c as u16 + 1, value * factor, &format)?;
            }
        }
    }
    sheet.set_column_width(0, 40)?;
    for column in 1..titles.len() as u16 {
        sheet.set_column_width(column, 14)?;
    }
    set_up(sheet, rows, titles.len() as u16, titles.len() > 5)?;
    if rows == 0 || table.columns.is_empty() {
        return Ok(());
    }
    // A native chart bound to the cells: it follows the figures when an analyst edits them. It
    // draws what the review's chart of the table draws.
    let time = matches!(table.key, "quarter" | "month" | "year");
    let named =
        |names: &[&str]| -> Vec<usize> { names.iter().filter_map(|n| table.column(n)).collect() };
    let (mut plotted, stacked) = match table.id.as_str() {
        "activities_by_axis" => (named(&["execution_rate"]), false),
        "activities_by_month" => (named(&["realised", "realised_previous_year"]), false),
        "training_by_program" => (named(&["person_hours"]), false),
        "trainees_by_organisation_gender" => (named(&["women_trainees", "men_trainees"]), true),
        // The counts, or the first column when the table has none (a table of rates).
        _ => (
            (0..table.columns.len())
                .filter(|&c| table.columns[c].1 == ValueKind::Count)
                .take(2)
                .collect(),
            false,
        ),
    };
    if plotted.is_empty() {
        plotted.push(0);
    }
    let mut chart = Chart::new(match (time, stacked) {
        (true, _) => ChartType::Column,
        (false, true) => ChartType::BarStacked,
        (false, false) => ChartType::Bar,
    });
    chart.title().set_name(&title);
    // The colour-blind palette of the review's charts (Okabe–Ito), in series order.
    for (s, c) in plotted.into_iter().enumerate() {
        let column = c as u16 + 1;
        let colour = ["#0072B2", "#E69F00", "#009E73"][s % 3];
        chart
            .add_series()
            .set_name((name.as_str(), 0, column))
            .set_categories((name.as_str(), 1, 0, rows, 0))
            .set_values((name.as_str(), 1, column, rows, column))
            .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(colour)));
    }
    let sheet = workbook.worksheet_from_name(&name)?;
    sheet.insert_chart(1, titles.len() as u16 + 1, &chart)?;
    Ok(())
}

/// A table's sheet name in the reader's language: the catalogue's short name (`sheet-ID`), or
/// for a user's table its title; without the characters Excel refuses, 31 characters at most,
/// and unlike the names already `taken` (the register's sheets included).
fn sheet_name(id: &str, title: &str, lang: Lang, taken: &mut Vec<String>) -> String {
    let key = format!("sheet-{id}");
    let wanted = if crate::words::has(lang, &key) {
        t(lang, &key)
    } else {
        title.to_string()
    };
    let clean: String = wanted
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .collect();
    let clean = clean.trim_matches('\'').trim().to_string();
    let fit = |text: &str, room: usize| -> String { text.chars().take(room).collect() };
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    let mut name = fit(&clean, 31);
    let mut n = 2;
    while taken.iter().any(|t| same(t, &name)) {
        let suffix = format!(" ({n})");
        name = fit(&clean, 31 - suffix.chars().count()) + &suffix;
        n += 1;
    }
    taken.push(name.clone());
    name
}

fn issues_sheet(
    sheet: &mut Worksheet,
    issues: &[Issue],
    lang: Lang,
    speaker: Speaker,
    report_dir: &Path,
    header: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name(t(lang, "workbook-issues"))?;
    // The report's columns, with the header before the message and the link after it.
    let mut titles = issue_titles(lang);
    titles.insert(6, t(lang, "column-header"));
    titles.push(t(lang, "column-link"));
    for (column, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, title, header)?;
    }
    let open = t(lang, "workbook-open");
    // Values are left out: they may hold participant names, which only data-issues.csv shows.
    let mut links = 0;
    let mut folders = Folders::default();
    // The three severities' words, looked up once rather than once per issue.
    let words: Vec<(Severity, String)> = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .map(|s| (s, severity_label(s, lang)))
        .collect();
    let severity = |s: Severity| {
        words
            .iter()
            .find(|(w, _)| *w == s)
            .map_or("", |(_, text)| text.as_str())
    };
    for (i, issue) in issues.iter().take(MAX_ISSUES).enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, severity(issue.severity))?;
        sheet.write_string(r, 1, issue.code.as_str())?;
        sheet.write_string(r, 2, &*issue.location.file)?;
        sheet.write_string(r, 3, &*issue.location.sheet)?;
        if let Some(row) = issue.location.row {
            sheet.write_number(r, 4, f64::from(row))?;
        }
        sheet.write_string(r, 5, issue.location.column_letter())?;
        sheet.write_string(r, 6, &*issue.header)?;
        sheet.write_string(r, 7, speaker.issue(issue))?;
        if let Some(link) = link_to(issue, report_dir, &mut folders) {
            if links < MAX_LINKS {
                sheet.write_url_with_text(r, 8, Url::new(link), &open)?;
                links += 1;
            } else {
                // Past Excel's limit of links per sheet: the place, as text to paste.
                sheet.write_string(r, 8, link)?;
            }
        }
    }
    let rows = issues.len().min(MAX_ISSUES) as u32;
    for (column, width) in [10, 20, 30, 16, 7, 8, 20, 80, 8].into_iter().enumerate() {
        sheet.set_column_width(column as u16, width)?;
    }
    set_up(sheet, rows, titles.len() as u16, true)
}

/// The last input file's path relative to the report's folder: issues come file by file, so
/// the path is worked out once per file, not once per issue.
#[derive(Default)]
struct Folders {
    last: Option<(std::sync::Arc<str>, Option<String>)>,
}

impl Folders {
    fn relative(&mut self, file: &std::sync::Arc<str>, report_dir: &Path) -> Option<String> {
        match &self.last {
            Some((known, relative)) if known == file => relative.clone(),
            _ => {
                let relative = relative_path(Path::new(&**file), report_dir);
                self.last = Some((file.clone(), relative.clone()));
                relative
            }
        }
    }
}

/// A link that opens the source file at the bad cell (`file:///../../data/plan.xlsx#'Feuil1'!D12`),
/// relative to the report's folder; `None` for a file-level issue without a file.
fn link_to(issue: &Issue, report_dir: &Path, folders: &mut Folders) -> Option<String> {
    if issue.location.file.is_empty() {
        return None;
    }
    let relative = folders.relative(&issue.location.file, report_dir)?;
    let mut link = format!("file:///{relative}");
    if !issue.location.sheet.is_empty() {
        let cell = match issue.location.row {
            Some(row) => {
                let column = issue.location.column_letter();
                format!(
                    "{}{row}",
                    if column.is_empty() {
                        "A".into()
                    } else {
                        column
                    }
                )
            }
            None => "A1".to_string(),
        };
        link.push_str(&format!(
            "#'{}'!{cell}",
            issue.location.sheet.replace('\'', "''")
        ));
    }
    Some(link)
}

/// `target` (relative to the current folder, or absolute) as a path relative to `from`, with `/`.
/// Hand-written rather than a crate: two folders of one run, resolved against the current folder.
fn relative_path(target: &Path, from: &Path) -> Option<String> {
    let cwd = std::env::current_dir().ok()?;
    let absolute = |p: &Path| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            cwd.join(p)
        }
    };
    let (target, from) = (absolute(target), absolute(from));
    let target: Vec<_> = target.components().collect();
    let from: Vec<_> = from.components().collect();
    let common = target.iter().zip(&from).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(
        target[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Some(parts.join("/"))
}
