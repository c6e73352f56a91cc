//! Stage 4, outputs: CSV exports, charts, the HTML and Markdown report, the manifest (SPEC 6).
//!
//! Takes [`Results`], what the run read ([`RunRecord`]) and [`Options`] (folder, formats,
//! language, CSV style); writes `OUT/YEAR/` ([`write_report`]). Also renders the issues for
//! `check` ([`render_issues`]) and a file's reading for `inspect` ([`inspect`]).
//!
//! Everything is written into a temporary folder next to `OUT/YEAR` and renamed into
//! place at the end, so a failed run leaves the previous report as it was.

mod chart_specs;
mod charts;
mod csv;
mod document;
mod format;
mod html;
mod inspect;
mod issues_report;
mod labels;
mod listing;
mod manifest;
mod markdown;
mod messages;
mod register;
mod summary;
mod workbook;

use crate::datasets::SheetReport;
use crate::indicators::{Results, Table, ValueKind};
use crate::issue::{io_problem, Issue, Message};
use crate::lang::Lang;
use crate::read::{hex_sha256, ReadFile};
use csv::{to_csv, write_csv, CsvCell};
use document::{ChartOutcome, Inputs};
pub use inspect::render as inspect;
pub use issues_report::{render as render_issues, IssueFormat};
pub use listing::describe as describe_catalog;
pub use messages::Speaker;
pub use register::{stage as stage_register, RegisterBook, RegisterOptions, Staged};
use std::path::{Path, PathBuf};

/// The output files a run can write (SPEC 6 `--formats`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Svg,
    Png,
    Html,
    Md,
    /// `report.xlsx`: the review as a workbook (native charts, typed cells, links to bad cells).
    Xlsx,
    /// The consolidated kept rows (`activities.csv`, `training.csv`, `targets.csv`); on demand.
    Register,
}

pub const ALL_FORMATS: [Format; 6] = [
    Format::Csv,
    Format::Svg,
    Format::Png,
    Format::Html,
    Format::Md,
    Format::Xlsx,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CsvStyle {
    #[default]
    Standard,
    ExcelFr,
}

/// What the output stage is told: where to write, which files, in which language and CSV style.
#[derive(Debug, Clone)]
pub struct Options {
    /// The report goes into `out/YEAR/`.
    pub out: PathBuf,
    /// The language of `OUT/YEAR/`.
    pub lang: Lang,
    /// Each also written, into `OUT/YEAR/LANG/`, from the same results.
    pub other_langs: Vec<Lang>,
    pub formats: Vec<Format>,
    pub csv_style: CsvStyle,
    /// The date a report shows (`SOURCE_DATE_EPOCH`); none otherwise.
    pub generated_on: Option<chrono::NaiveDate>,
    /// The category labels the issues' words name.
    pub categories: crate::datasets::categories::Categories,
}

impl Options {
    fn wants(&self, format: Format) -> bool {
        self.formats.contains(&format)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Chart(#[from] charts::ChartError),
    #[error("cannot write the manifest: {0}")]
    Json(#[from] serde_json::Error),
    #[error("refused to write `{0}`: every output stays inside the report's folder")]
    Outside(String),
    #[error("cannot build report.xlsx: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
}

impl OutputError {
    /// What went wrong, as a catalogue message (`error-*`).
    pub fn message(&self) -> Message {
        match self {
            OutputError::Io { path, source } => Message::new("error-write")
                .with("path", path.display().to_string())
                .with("reason", io_problem(source)),
            OutputError::Chart(e) => Message::new("error-chart")
                .with("id", e.id.as_str())
                .with("detail", e.message.as_str()),
            OutputError::Json(e) => Message::new("error-manifest").with("detail", e.to_string()),
            OutputError::Outside(path) => Message::new("error-outside").with("path", path.as_str()),
            OutputError::Workbook(e) => {
                Message::new("error-workbook").with("detail", e.to_string())
            }
        }
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What the run read, for the data-quality section and the manifest.
pub struct RunRecord<'a> {
    pub files: &'a [ReadFile],
    pub sheets: &'a [SheetReport],
    pub issues: &'a [Issue],
    /// The register, written ahead (format `register`), to move into the report.
    pub register: Option<&'a Staged>,
}

/// Writes `OUT/YEAR/` and returns its path.
pub fn write_report(
    results: &Results,
    run: &RunRecord,
    options: &Options,
) -> Result<PathBuf, OutputError> {
    let final_dir = options.out.join(results.year.to_string());
    std::fs::create_dir_all(&options.out).map_err(io_error(&options.out))?;
    let tmp_dir = options
        .out
        .join(format!(".{}.tmp-{}", results.year, std::process::id()));
    if tmp_dir.exists() {
        std::fs::remove_dir_all(&tmp_dir).map_err(io_error(&tmp_dir))?;
    }
    std::fs::create_dir_all(&tmp_dir).map_err(io_error(&tmp_dir))?;
    let mut written = write_all(results, run, options, &tmp_dir, &final_dir);
    // The other languages, each in its own folder with its own manifest (SPEC 6); the register
    // is data, not words: it stays in the first language's folder only.
    for lang in &options.other_langs {
        if written.is_err() {
            break;
        }
        let code = lang.code();
        let options = Options {
            lang: *lang,
            other_langs: Vec::new(),
            ..options.clone()
        };
        let run = RunRecord {
            register: None,
            ..*run
        };
        written = write_all(
            results,
            &run,
            &options,
            &tmp_dir.join(code),
            &final_dir.join(code),
        );
    }
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&tmp_dir);
        return Err(e);
    }
    swap_into_place(&tmp_dir, &final_dir)?;
    Ok(final_dir)
}

fn swap_into_place(tmp_dir: &Path, final_dir: &Path) -> Result<(), OutputError> {
    let old = final_dir.with_file_name(format!(
        ".{}.old-{}",
        final_dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("report"),
        std::process::id()
    ));
    if final_dir.exists() {
        std::fs::rename(final_dir, &old).map_err(io_error(final_dir))?;
    }
    if let Err(e) = std::fs::rename(tmp_dir, final_dir) {
        // Put the previous report back before failing.
        let _ = std::fs::rename(&old, final_dir);
        return Err(io_error(final_dir)(e));
    }
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(io_error(&old))?;
    }
    Ok(())
}

/// Writes each file and remembers its relative path for the manifest.
struct Writer<'a> {
    dir: &'a Path,
    written: Vec<String>,
}

impl Writer<'_> {
    fn write(&mut self, relative: &str, bytes: &[u8]) -> Result<(), OutputError> {
        self.write_with(relative, |out| out.write_all(bytes))
    }

    /// Writes a file through `fill`, which writes it piece by piece.
    fn write_with(
        &mut self,
        relative: &str,
        fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), OutputError> {
        // Ids are checked when the catalog is loaded; this is the last guard: nothing is ever
        // written outside the report's folder (SPEC 5).
        let inside = Path::new(relative)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !inside {
            return Err(OutputError::Outside(relative.to_string()));
        }
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        let file = std::fs::File::create(&path).map_err(io_error(&path))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        fill(&mut out)
            .and_then(|_| std::io::Write::flush(&mut out))
            .map_err(io_error(&path))?;
        self.written.push(relative.to_string());
        Ok(())
    }
}

/// Draws the charts' PNGs on two threads: rasterising and compressing them is most of the time
/// of writing a report. Returns their paths in `dir`; the
/// first chart that fails, in chart order, is the error.
/// Rasterises the drawn charts' SVGs into `charts/ID.png`, two at a time; the paths written.
fn render_pngs(drawn: &[(&str, &str)], dir: &Path) -> Result<Vec<String>, OutputError> {
    let relative: Vec<String> = drawn
        .iter()
        .map(|(id, _)| format!("charts/{id}.png"))
        .collect();
    if !drawn.is_empty() {
        let charts_dir = dir.join("charts");
        std::fs::create_dir_all(&charts_dir).map_err(io_error(&charts_dir))?;
    }
    let render = |i: usize| (i, charts::rasterise(drawn[i].1, drawn[i].0));
    let mut rendered = std::thread::scope(|scope| {
        let odd = scope.spawn(|| (1..drawn.len()).step_by(2).map(render).collect::<Vec<_>>());
        let mut even: Vec<_> = (0..drawn.len()).step_by(2).map(render).collect();
        // A panic while drawing is a defect: it goes on as it would have on this thread.
        even.extend(odd.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        even
    });
    rendered.sort_by_key(|(i, _)| *i);
    for (i, result) in rendered {
        let path = dir.join(&relative[i]);
        std::fs::write(&path, result?).map_err(io_error(&path))?;
    }
    Ok(relative)
}

/// Writes the report in `options.lang` into `dir`, which becomes `report_dir` once in place.
fn write_all(
    results: &Results,
    run: &RunRecord,
    options: &Options,
    dir: &Path,
    report_dir: &Path,
) -> Result<(), OutputError> {
    let lang = options.lang;
    let mut w = Writer {
        dir,
        written: Vec::new(),
    };
    if let Some(staged) = run.register {
        for name in &staged.files {
            let (from, to) = (staged.dir.join(name), dir.join(name));
            std::fs::rename(&from, &to).map_err(io_error(&to))?;
            w.written.push(name.to_string());
        }
        let _ = std::fs::remove_dir(&staged.dir);
    }
    if options.wants(Format::Csv) {
        w.write("indicators.csv", &indicators_csv(results, options))?;
        for table in &results.tables {
            w.write(
                &format!("{}.csv", table.id),
                &table_csv(table, results, options),
            )?;
        }
    }
    w.write_with("data-issues.csv", |out| {
        write_issues_csv(out, run.issues, options)
    })?;

    let planned = chart_specs::charts(results, lang);
    let mut outcomes = Vec::new();
    for planned in planned {
        match planned {
            chart_specs::Planned::Draw(chart) => {
                let svg = charts::render_svg(&chart, lang)?;
                if options.wants(Format::Svg) {
                    w.write(&format!("charts/{}.svg", chart.id), svg.as_bytes())?;
                }
                outcomes.push(ChartOutcome::Drawn {
                    id: chart.id,
                    title: chart.title,
                    svg,
                });
            }
            chart_specs::Planned::Skip { id, title, reason } => {
                outcomes.push(ChartOutcome::Skipped { id, title, reason })
            }
        }
    }
    // report.md links the PNGs: it writes them even when `png` was not asked.
    if options.wants(Format::Png) || options.wants(Format::Md) {
        let drawn: Vec<(&str, &str)> = outcomes
            .iter()
            .filter_map(|o| match o {
                ChartOutcome::Drawn { id, svg, .. } => Some((id.as_str(), svg.as_str())),
                ChartOutcome::Skipped { .. } => None,
            })
            .collect();
        w.written.extend(render_pngs(&drawn, dir)?);
    }

    let speaker = Speaker::new(lang, &options.categories);
    let inputs = Inputs {
        generated_on: options.generated_on,
        files: run.files,
        sheets: run.sheets,
        issues: run.issues,
        speaker,
    };
    let blocks = document::build(results, &outcomes, &inputs, lang);
    let title = document::title(results, lang);
    if options.wants(Format::Html) {
        w.write(
            "report.html",
            html::render(&title, &blocks, lang).as_bytes(),
        )?;
    }
    if options.wants(Format::Md) {
        w.write("report.md", markdown::render(&blocks).as_bytes())?;
    }
    if options.wants(Format::Xlsx) {
        // The register's sheets, begun before the indicators, join the first language's workbook.
        let register = run
            .register
            .and_then(|staged| staged.book.lock().ok().and_then(|mut book| book.take()));
        let bytes = workbook::render(
            results,
            run,
            lang,
            speaker,
            report_dir,
            options.generated_on,
            register,
        )?;
        w.write("report.xlsx", &bytes)?;
    }

    let mut outputs = Vec::new();
    let mut paths = w.written.clone();
    paths.sort();
    for relative in paths {
        let path = dir.join(&relative);
        let bytes = std::fs::read(&path).map_err(io_error(&path))?;
        outputs.push(manifest::OutputEntry {
            path: relative,
            sha256: hex_sha256(&bytes),
            bytes: bytes.len() as u64,
        });
    }
    let manifest = manifest::Manifest {
        tool: "bilan",
        version: env!("CARGO_PKG_VERSION"),
        year: results.year,
        language: lang.code(),
        inputs: manifest::inputs(run.files, run.sheets, speaker),
        outputs,
        issues: manifest::issue_counts(run.issues),
    };
    let mut json = serde_json::to_vec_pretty(&manifest)?;
    json.push(b'\n');
    w.write("manifest.json", &json)?;
    Ok(())
}

fn indicators_csv(results: &Results, options: &Options) -> Vec<u8> {
    let header = [
        "indicator",
        "label",
        "unit",
        "value",
        "target",
        "achievement_pct",
        "previous_year",
        "change_pct",
        "status",
    ];
    let rows: Vec<Vec<CsvCell>> = results
        .headline
        .iter()
        .map(|row| {
            let kind = row.unit.value_kind();
            vec![
                CsvCell::text(&row.id),
                CsvCell::text(labels::indicator(options.lang, row)),
                CsvCell::text(row.unit.as_str()),
                CsvCell::Number(row.value, kind),
                CsvCell::Number(row.target, kind),
                CsvCell::Number(row.achievement_pct, ValueKind::Rate),
                CsvCell::Number(row.previous_year, kind),
                CsvCell::Number(row.change_pct, ValueKind::Rate),
                CsvCell::text(row.status.code()),
            ]
        })
        .collect();
    to_csv(&header, &rows, options.csv_style)
}

fn table_csv(table: &Table, results: &Results, options: &Options) -> Vec<u8> {
    let mut header = vec![table.key, "label"];
    header.extend(table.columns.iter().map(|(name, _)| name.as_str()));
    let rows: Vec<Vec<CsvCell>> = table
        .rows
        .iter()
        .map(|row| {
            let label = labels::row(options.lang, table, row, &results.categories);
            let mut cells = vec![CsvCell::text(&row.key), CsvCell::text(label)];
            cells.extend(
                table
                    .columns
                    .iter()
                    .zip(&row.values)
                    .map(|((_, kind), v)| CsvCell::Number(*v, *kind)),
            );
            cells
        })
        .collect();
    to_csv(&header, &rows, options.csv_style)
}

fn write_issues_csv(
    out: &mut dyn std::io::Write,
    issues: &[Issue],
    options: &Options,
) -> std::io::Result<()> {
    let header = [
        "severity", "code", "file", "sheet", "row", "column", "header", "value", "message",
    ];
    let speaker = Speaker::new(options.lang, &options.categories);
    let rows = issues.iter().map(|i| {
        vec![
            CsvCell::text(i.severity.as_str()),
            CsvCell::text(i.code.as_str()),
            CsvCell::text(&*i.location.file),
            CsvCell::text(&*i.location.sheet),
            CsvCell::Number(i.location.row.map(f64::from), ValueKind::Count),
            CsvCell::text(i.location.column_letter()),
            CsvCell::text(&*i.header),
            CsvCell::text(&*i.value),
            CsvCell::text(speaker.issue(i)),
        ]
    });
    write_csv(out, &header, rows, options.csv_style)
}
