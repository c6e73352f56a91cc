//! The report's content, once, as blocks that the HTML and Markdown renderers both read.

use super::format::{
    display_change, display_count, display_date, display_optional, display_points,
};
use super::labels::{self, column_title, table_title};
use crate::datasets::categories::Kind;
use crate::datasets::SheetReport;
use crate::indicators::{Results, Status, Table, Unit, ValueKind};
use crate::issue::{Issue, Severity};
use crate::lang::Lang;
use crate::read::ReadFile;
use crate::words;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextTable {
    pub headers: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
    /// A class per row (the status of a key figure, for its colour); empty: none.
    pub row_classes: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(u8, String),
    /// A section of the review: a level-2 heading that starts a new page when printed.
    Section(String),
    Paragraph(String),
    Table(TextTable),
    /// A drawn chart: its id (file `charts/ID.svg|png`), title and inline SVG.
    Chart {
        id: String,
        title: String,
        svg: String,
    },
}

/// What a chart became: drawn (with its SVG) or skipped with the reason.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartOutcome {
    Drawn {
        id: String,
        title: String,
        svg: String,
    },
    Skipped {
        id: String,
        title: String,
        reason: String,
    },
}

pub struct Inputs<'a> {
    /// The date the report shows: from `SOURCE_DATE_EPOCH`, or none (byte-identical reruns).
    pub generated_on: Option<chrono::NaiveDate>,
    pub files: &'a [ReadFile],
    pub sheets: &'a [SheetReport],
    pub issues: &'a [Issue],
    /// Puts the issues into the report's words.
    pub speaker: super::messages::Speaker<'a>,
}

/// The catalogue's word `id` in `lang`.
pub fn t(lang: Lang, id: &str) -> String {
    words::get(lang, id)
}

/// Title of the report.
pub fn title(results: &Results, lang: Lang) -> String {
    words::get_with(
        lang,
        "report-title",
        vec![("year", results.year.to_string().into())],
    )
}

pub fn build(
    results: &Results,
    charts: &[ChartOutcome],
    inputs: &Inputs,
    lang: Lang,
) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(1, title(results, lang))];
    if let Some(day) = inputs.generated_on {
        blocks.push(Block::Paragraph(words::get_with(
            lang,
            "report-prepared",
            vec![("date", display_date(day, lang).into())],
        )));
    }
    // Page 1: the year in sentences, then each key figure with its status.
    blocks.push(Block::Heading(2, t(lang, "report-summary")));
    // Issues by file: the summary names the file with most, the data-quality section lists them.
    let by_file = super::summary::issues_by_file(inputs);
    for sentence in super::summary::sentences(results, inputs, &by_file, lang) {
        blocks.push(Block::Paragraph(sentence));
    }
    headline(&mut blocks, results, lang);
    blocks.push(Block::Section(t(lang, "report-charts")));
    for chart in charts {
        match chart {
            ChartOutcome::Drawn { id, title, svg } => blocks.push(Block::Chart {
                id: id.clone(),
                title: title.clone(),
                svg: svg.clone(),
            }),
            ChartOutcome::Skipped { title, reason, .. } => {
                blocks.push(Block::Heading(3, title.clone()));
                blocks.push(Block::Paragraph(reason.clone()));
            }
        }
    }
    analysis(&mut blocks, results, lang);
    next_year(&mut blocks, results, lang);
    data_quality(&mut blocks, inputs, by_file, lang);
    // Annexes: every table, next year's list, the files read.
    blocks.push(Block::Section(t(lang, "report-annexes")));
    blocks.push(Block::Heading(3, t(lang, "report-annex-tables")));
    for table in &results.tables {
        blocks.push(Block::Heading(4, table_title(&table.id, results, lang)));
        // The trend has a column per indicator: years as columns fit a printed page.
        let text = if table.id == "trend" {
            transposed(table, results, lang)
        } else {
            text_table(table, results, lang)
        };
        blocks.push(Block::Table(text));
        if table.id == "activities_by_month" {
            without_month(&mut blocks, results, lang);
        }
    }
    next_year_list(&mut blocks, results, lang);
    inputs_table(&mut blocks, inputs, lang);
    blocks
}

fn headline(blocks: &mut Vec<Block>, results: &Results, lang: Lang) {
    blocks.push(Block::Heading(2, t(lang, "report-key-indicators")));
    let mut rows = Vec::new();
    let mut row_classes = Vec::new();
    for row in &results.headline {
        let kind = row.unit.value_kind();
        rows.push(vec![
            labels::indicator(lang, row).to_string(),
            display_optional(row.value, kind, lang),
            display_optional(row.target, kind, lang),
            display_optional(row.achievement_pct, ValueKind::Rate, lang),
            display_optional(row.previous_year, kind, lang),
            // A rate's change in percentage points; other figures' in percent (as in the CSV).
            if row.unit == Unit::Percent {
                display_points(row.value, row.previous_year, lang)
            } else {
                display_change(row.change_pct, lang)
            },
            status_words(row.status, lang),
        ]);
        row_classes.push(row.status.code());
    }
    blocks.push(Block::Table(TextTable {
        headers: headline_titles(results, lang),
        numeric: vec![false, true, true, true, true, true, false],
        rows,
        total: None,
        row_classes,
    }));
    if !results.has_previous_year {
        blocks.push(Block::Paragraph(words::get_with(
            lang,
            "report-no-previous-year",
            vec![("year", (results.year - 1).to_string().into())],
        )));
    }
}

/// Execution by strategic axis and training by organisation: whom the figures concern.
fn analysis(blocks: &mut Vec<Block>, results: &Results, lang: Lang) {
    let parts = [
        ("activities_by_axis", "report-analysis-axes"),
        ("training_by_organisation", "report-analysis-organisations"),
    ];
    if !parts.iter().any(|(id, _)| results.table(id).is_some()) {
        return;
    }
    blocks.push(Block::Section(t(lang, "report-analysis")));
    for (id, intro) in parts {
        if let Some(table) = results.table(id) {
            blocks.push(Block::Heading(3, table_title(id, results, lang)));
            blocks.push(Block::Paragraph(t(lang, intro)));
            blocks.push(Block::Table(text_table(table, results, lang)));
        }
    }
}

/// The columns of the issue list (report and workbook).
pub fn issue_titles(lang: Lang) -> Vec<String> {
    vec![
        t(lang, "column-severity"),
        t(lang, "column-code"),
        t(lang, "column-file"),
        t(lang, "column-sheet"),
        t(lang, "column-row"),
        t(lang, "column-column"),
        t(lang, "column-message"),
    ]
}

/// The columns of the key indicators (report and workbook).
pub fn headline_titles(results: &Results, lang: Lang) -> Vec<String> {
    vec![
        t(lang, "column-indicator"),
        results.year.to_string(),
        t(lang, "column-target"),
        t(lang, "column-achievement"),
        (results.year - 1).to_string(),
        t(lang, "column-change"),
        t(lang, "column-status"),
    ]
}

/// A status as a symbol and a word, readable in black and white (SPEC 6).
pub fn status_words(status: Status, lang: Lang) -> String {
    t(lang, &format!("status-{}", status.code()))
}

fn text_table(table: &Table, results: &Results, lang: Lang) -> TextTable {
    let mut headers = vec![column_title(table.key, results, lang)];
    headers.extend(
        table
            .columns
            .iter()
            .map(|(c, _)| column_title(c, results, lang)),
    );
    let mut numeric = vec![false];
    numeric.extend(table.columns.iter().map(|_| true));
    let format_values = |values: &[Option<f64>]| -> Vec<String> {
        table
            .columns
            .iter()
            .zip(values)
            .map(|((_, kind), v)| display_optional(*v, *kind, lang))
            .collect()
    };
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![labels::row(lang, table, row, &results.categories)];
            cells.extend(format_values(&row.values));
            cells
        })
        .collect();
    let total = table.total.as_ref().map(|values| {
        let mut cells = vec![t(lang, "report-total")];
        cells.extend(format_values(values));
        cells
    });
    TextTable {
        headers,
        numeric,
        rows,
        total,
        ..Default::default()
    }
}

/// One row per column of `table`, one column per row (the trend: indicators down, years across).
fn transposed(table: &Table, results: &Results, lang: Lang) -> TextTable {
    let mut headers = vec![t(lang, "column-indicator")];
    headers.extend(labels::rows(lang, table, &results.categories));
    let rows = table
        .columns
        .iter()
        .enumerate()
        .map(|(c, (name, kind))| {
            let mut cells = vec![column_title(name, results, lang)];
            cells.extend(
                table
                    .rows
                    .iter()
                    .map(|r| display_optional(r.values[c], *kind, lang)),
            );
            cells
        })
        .collect();
    let mut numeric = vec![false];
    numeric.extend(table.rows.iter().map(|_| true));
    TextTable {
        headers,
        numeric,
        rows,
        total: None,
        ..Default::default()
    }
}

/// The activities the by-month table leaves out, dated by their quarter alone (SPEC 2).
fn without_month(blocks: &mut Vec<Block>, results: &Results, lang: Lang) {
    let (this_year, previous) = results.without_month;
    let count = |n: usize, year: i32| {
        words::get_with(
            lang,
            "report-without-month",
            vec![("count", n.into()), ("year", year.to_string().into())],
        )
    };
    let mut parts = Vec::new();
    if this_year > 0 {
        parts.push(count(this_year, results.year));
    }
    if previous > 0 && results.has_previous_year {
        parts.push(count(previous, results.year - 1));
    }
    if !parts.is_empty() {
        blocks.push(Block::Paragraph(words::get_with(
            lang,
            "report-without-month-end",
            vec![(
                "parts",
                parts.join(&t(lang, "report-list-separator")).into(),
            )],
        )));
    }
}

/// Next year's programme in the body: counts by type, quarter and axis (the list is an annex).
fn next_year(blocks: &mut Vec<Block>, results: &Results, lang: Lang) {
    let year = results.year + 1;
    let year_arg = || vec![("year", year.to_string().into())];
    blocks.push(Block::Section(words::get_with(
        lang,
        "report-next-year",
        year_arg(),
    )));
    if results.next_year.is_empty() {
        blocks.push(Block::Paragraph(words::get_with(
            lang,
            "report-next-year-empty",
            year_arg(),
        )));
        return;
    }
    blocks.push(Block::Paragraph(t(lang, "report-next-year-summary")));
    let count = |n: usize| display_count(n, lang);
    let counted = |rows: Vec<(String, usize)>, key: String| {
        let total: usize = rows.iter().map(|(_, n)| n).sum();
        TextTable {
            headers: vec![key, t(lang, "column-scheduled")],
            numeric: vec![false, true],
            rows: rows
                .into_iter()
                .map(|(label, n)| vec![label, count(n)])
                .collect(),
            total: Some(vec![t(lang, "report-total"), count(total)]),
            ..Default::default()
        }
    };
    // By type, in the order of the types' list; by quarter; by axis as written.
    let mut by_type: Vec<(String, usize)> = Vec::new();
    for category in results.categories.list(Kind::ActivityType) {
        let n = results
            .next_year
            .iter()
            .filter(|a| a.activity_type == category.code)
            .count();
        if n > 0 {
            by_type.push((
                labels::category_code(
                    lang,
                    &results.categories,
                    Kind::ActivityType,
                    &category.code,
                ),
                n,
            ));
        }
    }
    let listed: usize = by_type.iter().map(|(_, n)| n).sum();
    if listed < results.next_year.len() {
        by_type.push((t(lang, "unspecified"), results.next_year.len() - listed));
    }
    blocks.push(Block::Table(counted(by_type, t(lang, "column-type"))));
    let mut quarters = [0_usize; 4];
    for activity in &results.next_year {
        quarters[(chrono::Datelike::month(&activity.date) as usize - 1) / 3] += 1;
    }
    let by_quarter = quarters
        .iter()
        .enumerate()
        .map(|(q, n)| {
            (
                words::get_with(
                    lang,
                    "quarter",
                    vec![("quarter", (q + 1).to_string().into())],
                ),
                *n,
            )
        })
        .collect();
    blocks.push(Block::Table(counted(by_quarter, t(lang, "column-quarter"))));
    let mut by_axis: BTreeMap<String, usize> = BTreeMap::new();
    for activity in &results.next_year {
        let axis = activity
            .axis
            .clone()
            .unwrap_or_else(|| t(lang, "unspecified"));
        *by_axis.entry(axis).or_default() += 1;
    }
    blocks.push(Block::Table(counted(
        by_axis.into_iter().collect(),
        t(lang, "column-axis"),
    )));
}

/// Next year's activities one by one (an annex).
fn next_year_list(blocks: &mut Vec<Block>, results: &Results, lang: Lang) {
    if results.next_year.is_empty() {
        return;
    }
    blocks.push(Block::Heading(
        3,
        words::get_with(
            lang,
            "report-annex-next-year",
            vec![("year", (results.year + 1).to_string().into())],
        ),
    ));
    let rows = results
        .next_year
        .iter()
        .map(|a| {
            vec![
                display_date(a.date, lang),
                labels::category_code(
                    lang,
                    &results.categories,
                    Kind::ActivityType,
                    &a.activity_type,
                ),
                a.title.clone().unwrap_or_default(),
                a.axis.clone().unwrap_or_default(),
                a.partners.join("; "),
            ]
        })
        .collect();
    blocks.push(Block::Table(TextTable {
        headers: vec![
            t(lang, "column-date"),
            t(lang, "column-type"),
            t(lang, "column-title"),
            t(lang, "column-axis"),
            t(lang, "column-partners"),
        ],
        numeric: vec![false; 5],
        rows,
        total: None,
        ..Default::default()
    }));
}

/// How many issues the report lists one by one; the rest are in `data-issues.csv`.
const LISTED_ISSUES: usize = 50;

pub fn severity_label(severity: Severity, lang: Lang) -> String {
    t(lang, &format!("severity-{}", severity.as_str()))
}

fn data_quality(
    blocks: &mut Vec<Block>,
    inputs: &Inputs,
    by_file: Vec<(String, [usize; 3])>,
    lang: Lang,
) {
    blocks.push(Block::Section(t(lang, "report-data-quality")));
    let count = |n: usize| display_count(n, lang);
    // Per code: how many, and the first issue, whose message shows what the code means.
    let mut by_code: BTreeMap<(Severity, &str), (usize, &Issue)> = BTreeMap::new();
    for issue in inputs.issues {
        by_code
            .entry((issue.severity, issue.code.as_str()))
            .or_insert((0, issue))
            .0 += 1;
    }
    if by_code.is_empty() {
        blocks.push(Block::Paragraph(t(lang, "report-no-issue")));
        return;
    }
    // By file: whom to call; by code: what to fix.
    if !by_file.is_empty() {
        blocks.push(Block::Heading(3, t(lang, "report-issues-by-file")));
        let severities = [Severity::Error, Severity::Warning, Severity::Info];
        let mut headers = vec![t(lang, "column-file")];
        headers.extend(severities.iter().map(|s| severity_label(*s, lang)));
        let rows = by_file
            .into_iter()
            .map(|(file, n)| {
                let mut row = vec![file];
                row.extend(n.iter().map(|n| count(*n)));
                row
            })
            .collect();
        blocks.push(Block::Table(TextTable {
            headers,
            numeric: vec![false, true, true, true],
            rows,
            ..Default::default()
        }));
    }
    blocks.push(Block::Heading(3, t(lang, "report-issues-by-code")));
    blocks.push(Block::Table(TextTable {
        headers: vec![
            t(lang, "column-severity"),
            t(lang, "column-code"),
            t(lang, "column-count"),
            t(lang, "column-example"),
        ],
        numeric: vec![false, false, true, false],
        rows: by_code
            .iter()
            .map(|((severity, code), (n, first))| {
                vec![
                    severity_label(*severity, lang),
                    code.to_string(),
                    count(*n),
                    inputs.speaker.issue(first),
                ]
            })
            .collect(),
        ..Default::default()
    }));
    let shown = inputs.issues.len().min(LISTED_ISSUES);
    blocks.push(Block::Paragraph(words::get_with(
        lang,
        "report-first-issues",
        vec![("shown", shown.into())],
    )));
    // Values are left out: they may hold participant names, which only data-issues.csv may show.
    blocks.push(Block::Table(TextTable {
        headers: issue_titles(lang),
        numeric: vec![false, false, false, false, true, false, false],
        rows: inputs
            .issues
            .iter()
            .take(LISTED_ISSUES)
            .map(|i| {
                vec![
                    severity_label(i.severity, lang),
                    i.code.as_str().to_string(),
                    i.location.file.to_string(),
                    i.location.sheet.to_string(),
                    i.location.row.map(|r| r.to_string()).unwrap_or_default(),
                    i.location.column_letter(),
                    inputs.speaker.issue(i),
                ]
            })
            .collect(),
        ..Default::default()
    }));
}

/// The files read, each sheet's dataset and rows, and the checksums (an annex).
fn inputs_table(blocks: &mut Vec<Block>, inputs: &Inputs, lang: Lang) {
    blocks.push(Block::Heading(3, t(lang, "report-annex-inputs")));
    let mut rows = Vec::new();
    for (index, file) in inputs.files.iter().enumerate() {
        let sheets: Vec<&SheetReport> = inputs
            .sheets
            .iter()
            .filter(|s| s.file_index == index)
            .collect();
        if sheets.is_empty() {
            rows.push(vec![
                file.input.display.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                file.sha256.hex().to_string(),
            ]);
        }
        for sheet in sheets {
            rows.push(vec![
                file.input.display.clone(),
                sheet.name.clone(),
                sheet
                    .dataset
                    .map(|d| t(lang, &format!("dataset-{}", d.name())))
                    .unwrap_or_default(),
                display_count(sheet.kept, lang),
                display_count(sheet.rejected, lang),
                display_count(sheet.skipped, lang),
                file.sha256.hex().to_string(),
            ]);
        }
    }
    blocks.push(Block::Table(TextTable {
        headers: vec![
            t(lang, "column-file"),
            t(lang, "column-sheet"),
            t(lang, "column-dataset"),
            t(lang, "column-rows-kept"),
            t(lang, "column-rejected"),
            t(lang, "column-skipped"),
            "SHA-256".to_string(),
        ],
        numeric: vec![false, false, false, true, true, true, false],
        rows,
        total: None,
        ..Default::default()
    }));
}
