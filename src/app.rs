//! The commands, wired stage by stage: read -> datasets -> indicators -> output.
//!
//! Each command takes the checked [`Config`] and asks it for the options of each stage; the stages
//! never see the `Config` itself.

use crate::config::{Config, ConfigError};
use crate::datasets::{self, Datasets};
use crate::indicators::{self, Catalog, CatalogError, IndicatorError};
use crate::issue::{Arg, Code, Issue, Issues, Location, Message, Severity};
use crate::output::{self, OutputError, RunRecord};
use crate::read::{self, ReadFile};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Indicators(#[from] IndicatorError),
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error("no input file found in {0}")]
    NoInput(String),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Init(#[from] crate::init::InitError),
    #[error("the file has no sheet « {name} »; its sheets are: {available}")]
    NoSheet { name: String, available: String },
    #[error("cannot read {0}")]
    MissingPath(#[from] read::MissingPath),
}

impl AppError {
    /// What went wrong, as a catalogue message (`error-*`), for the binary to put into words.
    pub fn message(&self) -> Message {
        match self {
            AppError::Indicators(IndicatorError::Polars(e)) => {
                Message::new("error-aggregation").with("detail", e.to_string())
            }
            AppError::Indicators(IndicatorError::NoYear) => Message::new("error-no-year"),
            AppError::Output(e) => e.message(),
            AppError::NoInput(paths) => {
                Message::new("error-no-input").with("paths", paths.as_str())
            }
            AppError::Config(e) => e.message(),
            AppError::Catalog(e) => Message::new("error-catalog").with("problem", e.0.clone()),
            AppError::Init(e) => e.message(),
            AppError::NoSheet { name, available } => Message::new("error-no-sheet")
                .with("name", name.as_str())
                .with("available", available.as_str()),
            AppError::MissingPath(e) => Message::new("error-missing-path")
                .with("path", e.path.as_str())
                .with("reason", e.reason.clone()),
        }
    }
}

/// The files of a run, the datasets typed from them and the catalog they are read against.
pub(crate) struct Loaded {
    pub(crate) files: Vec<ReadFile>,
    pub(crate) datasets: Datasets,
    pub(crate) catalog: Catalog,
}

/// Reads every input (in parallel, results kept in path order) and builds the datasets.
pub(crate) fn load(config: &Config, progress: ProgressSink) -> Result<Loaded, AppError> {
    let catalog = catalog(config)?;
    let found = read::discover(&config.inputs, Some(&config.out))?;
    if found.files.is_empty() && found.left_out.is_empty() {
        let shown: Vec<String> = config
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(AppError::NoInput(shown.join(", ")));
    }
    let mut notes: Vec<Issue> = found.left_out.iter().map(left_out_issue).collect();
    // A copy of a file already read is not read again (SPEC 2).
    let copies = read::earlier_copies(&found.files);
    let mut inputs = Vec::new();
    for (input, copy_of) in found.files.iter().zip(&copies) {
        match copy_of {
            Some(first) => notes.push(Issue::new(
                Severity::Warning,
                Code::DuplicateFile,
                Location::file(&input.display),
                Message::new("duplicate-file").with("first", found.files[*first].display.as_str()),
            )),
            None => inputs.push(input.clone()),
        }
    }
    let options = config.dataset_options(&catalog);
    // Files in parallel; within a file, reading (unzip, XML) runs on its own thread while
    // this one types the rows. Results are put back in path order.
    let read: Vec<(ReadFile, datasets::FilePart)> = inputs
        .par_iter()
        .enumerate()
        .map(|(index, input)| {
            let bytes = std::fs::metadata(&input.path).map_or(0, |m| m.len());
            progress(Progress::FileStarted {
                index,
                name: input.display.clone(),
                bytes,
            });
            let (events, reader) = read::spawn_reader(input.clone(), options.read.clone());
            let clock = crate::timings::Clock::start();
            // Time spent waiting for the reader's events, which says which thread holds the other up.
            let mut waiting = std::time::Duration::ZERO;
            let mut rows = 0u64;
            let timed = std::iter::from_fn(|| {
                let asked = std::time::Instant::now();
                let event = events.recv().ok();
                waiting += asked.elapsed();
                if let Some(read::SheetEvent::Rows(batch)) = &event {
                    rows += batch.len() as u64;
                    progress(Progress::FileRows { index, rows });
                }
                event
            });
            let part = datasets::parse_file(&options, index, input, timed);
            progress(Progress::FileDone { index });
            clock.report(&format!(
                "typing of {} (waiting for the reader: {:.3} s)",
                input.display,
                waiting.as_secs_f64()
            ));
            let file = reader.join().unwrap_or_else(|_| ReadFile::panicked(input));
            (file, part)
        })
        .collect();
    let (files, parts): (Vec<ReadFile>, Vec<datasets::FilePart>) = read.into_iter().unzip();
    let clock = crate::timings::Clock::start();
    let mut datasets = datasets::assemble(&files, parts, notes);
    clock.report("  files put together, rules across rows");
    if datasets.sheets.iter().all(|s| s.dataset.is_none()) {
        datasets.issues.push(no_data(
            Message::new("no-data-unrecognized").with("files", files.len()),
        ));
    }
    Ok(Loaded {
        files,
        datasets,
        catalog,
    })
}

/// The `no-data` error of a run (SPEC 1): it has no location.
fn no_data(message: Message) -> Issue {
    Issue::new(Severity::Error, Code::NoData, Location::default(), message)
}

/// Whether the run found nothing to report (its `no-data` error).
fn found_no_data(issues: &Issues) -> bool {
    issues.iter().any(|i| i.code == Code::NoData)
}

/// The `info` issue for a path the walk left out on purpose.
fn left_out_issue(left: &read::LeftOut) -> Issue {
    let why = match left.why {
        read::Why::NotAFile => "not-a-file",
        read::Why::BrokenLink => "broken-link",
        read::Why::FolderLink => "folder-link",
        read::Why::LinkLoop => "loop",
        read::Why::EarlierReport => "earlier-report",
        read::Why::RunOutput => "run-output",
    };
    Issue::new(
        Severity::Info,
        Code::UnsupportedFormat,
        Location::file(&left.display),
        Message::new("left-out").with("why", Arg::Key(why)),
    )
}

/// The built-in catalog merged with the config's indicators and tables, checked.
fn catalog(config: &Config) -> Result<Catalog, AppError> {
    Ok(Catalog::load(&config.catalog, &config.categories)?)
}

/// `bilan check`: reads and validates every input, writes nothing; the issues found.
pub fn check(config: &Config) -> Result<Issues, AppError> {
    let mut loaded = load(config, &|_| {})?;
    if let Some(year) = config.year {
        if !found_no_data(&loaded.datasets.issues) && !loaded.datasets.holds_year(year) {
            loaded.datasets.issues.push(no_data_in(year));
        }
    }
    Ok(loaded.datasets.issues)
}

fn no_data_in(year: i32) -> Issue {
    no_data(Message::new("no-data-year").with("year", i64::from(year)))
}

/// `bilan inspect`: one file read as a run would, with its sheets' mapping and issues.
/// Returns the text to print and whether the file has data errors (exit code 1).
pub fn inspect(
    config: &Config,
    file: &Path,
    sheet: Option<&str>,
) -> Result<(String, bool), AppError> {
    let catalog = catalog(config)?;
    let inputs = read::discover(&[file.to_path_buf()], None)?.files;
    let Some(input) = inputs.first() else {
        return Err(AppError::NoInput(file.display().to_string()));
    };
    let options = config.dataset_options(&catalog);
    let (files, datasets) = datasets::build(std::slice::from_ref(input), &options);
    let read = &files[0];
    let wanted = |name: &str| {
        sheet.is_none_or(|s| datasets::normalize_key(s) == datasets::normalize_key(name))
    };
    let sheets: Vec<&datasets::SheetReport> =
        datasets.sheets.iter().filter(|s| wanted(&s.name)).collect();
    if let (Some(name), true) = (sheet, sheets.is_empty() && read.error.is_none()) {
        let names: Vec<&str> = datasets.sheets.iter().map(|s| s.name.as_str()).collect();
        return Err(AppError::NoSheet {
            name: name.to_string(),
            available: names.join(", "),
        });
    }
    let speaker = output::Speaker::new(config.lang, &config.categories);
    let text = output::inspect(read, &sheets, datasets.issues.as_slice(), speaker);
    Ok((text, datasets.issues.has_errors()))
}

/// The issues of `check` in `format`, in the words of the run's language.
pub fn render_issues(
    config: &Config,
    issues: &[crate::issue::Issue],
    format: output::IssueFormat,
) -> String {
    output::render_issues(
        issues,
        format,
        output::Speaker::new(config.lang, &config.categories),
    )
}

/// A message of the catalogue in the words of the run's language (what the binary says).
pub fn say(config: &Config, message: &crate::issue::Message) -> String {
    output::Speaker::new(config.lang, &config.categories).message(message, None)
}

/// A message of the catalogue in `lang`, for what is said before a configuration is read (a
/// fatal error of the command line or of bilan.toml).
pub fn say_in(lang: crate::lang::Lang, message: &crate::issue::Message) -> String {
    let categories = crate::datasets::categories::Categories::default();
    output::Speaker::new(lang, &categories).message(message, None)
}

/// One issue's message in the words of the run's language.
pub fn issue_message(config: &Config, issue: &crate::issue::Issue) -> String {
    output::Speaker::new(config.lang, &config.categories).issue(issue)
}

/// `bilan indicators`: the catalog in use, described for people or (`dump`) as `bilan.toml` TOML.
pub fn describe_catalog(config: &Config, dump: bool) -> Result<String, AppError> {
    let catalog = catalog(config)?;
    Ok(if dump {
        indicators::dump(&catalog)
    } else {
        output::describe_catalog(&catalog, config.lang)
    })
}

/// `bilan init`: a commented `bilan.toml` and the template workbook in `dir`; the files written.
pub fn init(dir: &Path, lang: crate::lang::Lang) -> Result<Vec<PathBuf>, AppError> {
    Ok(crate::init::write(dir, lang)?)
}

/// What `report` did.
pub struct ReportSummary {
    /// `OUT/YEAR/`; `None` when there was nothing to report (a `no-data` issue says why) and
    /// nothing was written.
    pub out_dir: Option<PathBuf>,
    /// Every issue found in the data (also in `data-issues.csv`).
    pub issues: Issues,
}

/// The stages of `report`, announced to the caller (who may show progress).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    Reading,
    Indicators,
    Writing,
}

/// What a run tells its caller as it goes (the binary draws it on a terminal; no stage prints).
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    Stage(Stage),
    /// A file starts being read (its index among the run's files, its name and size).
    FileStarted {
        index: usize,
        name: String,
        bytes: u64,
    },
    /// Rows typed so far in that file.
    FileRows {
        index: usize,
        rows: u64,
    },
    FileDone {
        index: usize,
    },
}

/// Receives a run's [`Progress`]; files are read in parallel, so it is called from several threads.
pub type ProgressSink<'a> = &'a (dyn Fn(Progress) + Sync);

/// `bilan report`: the whole pipeline, `progress` told as each stage starts.
pub fn report(config: &Config, progress: ProgressSink) -> Result<ReportSummary, AppError> {
    let mut clock = crate::timings::Clock::start();
    progress(Progress::Stage(Stage::Reading));
    let mut loaded = load(config, progress)?;
    clock.lap("read and type");
    // Nothing recognised, or nothing in the year asked for: no report of zeros (SPEC 1).
    let nothing_recognised = found_no_data(&loaded.datasets.issues);
    let no_year = config
        .year
        .filter(|&year| !loaded.datasets.holds_year(year));
    if nothing_recognised || no_year.is_some() {
        if let Some(year) = no_year.filter(|_| !nothing_recognised) {
            loaded.datasets.issues.push(no_data_in(year));
        }
        return Ok(ReportSummary {
            out_dir: None,
            issues: loaded.datasets.issues,
        });
    }
    // The register is written before the registrations move into the indicators' frames.
    let register = if config.formats.contains(&output::Format::Register) {
        let options = output::RegisterOptions {
            lang: config.lang,
            categories: &config.categories,
            csv_style: config.csv_style,
            with_identifiers: config.with_identifiers,
            sheets: config.formats.contains(&output::Format::Xlsx),
        };
        Some(output::stage_register(
            &loaded.datasets,
            &config.out,
            &options,
        )?)
    } else {
        None
    };
    progress(Progress::Stage(Stage::Indicators));
    let results = indicators::compute(
        &mut loaded.datasets,
        &loaded.catalog,
        &config.categories,
        config.year,
        config.status,
    )?;
    clock.lap("indicators");
    progress(Progress::Stage(Stage::Writing));
    let run = RunRecord {
        files: &loaded.files,
        sheets: &loaded.datasets.sheets,
        issues: loaded.datasets.issues.as_slice(),
        register: register.as_ref(),
    };
    let written = output::write_report(&results, &run, &config.output_options());
    if let (Err(_), Some(staged)) = (&written, &register) {
        let _ = std::fs::remove_dir_all(&staged.dir);
    }
    let out_dir = written?;
    clock.lap("outputs");
    Ok(ReportSummary {
        out_dir: Some(out_dir),
        issues: loaded.datasets.issues,
    })
}

/// The child's side of reading a file in a child process (the binary's hidden `__read-isolated`
/// command): reads `path` and writes its events on stdout for the parent.
pub fn serve_isolated(path: &Path, extension: &str, limits: &read::Limits) -> std::io::Result<()> {
    read::serve_isolated(path, extension, limits)
}
