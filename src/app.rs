//! The commands, wired stage by stage: read -> datasets -> indicators -> outputs.

use crate::config::Config;
use crate::config::ConfigError;
use crate::datasets::{self, Datasets};
use crate::indicators::{self, Catalog, CatalogError, IndicatorError, Results};
use crate::issue::{Issue, Severity};
use crate::output::{self, OutputError, RunRecord};
use crate::read::{self, ReadFile};
use rayon::prelude::*;
use std::path::PathBuf;

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
}

/// The files of a run, the datasets typed from them and the catalog they are read against.
pub struct Loaded {
    pub files: Vec<ReadFile>,
    pub datasets: Datasets,
    pub catalog: Catalog,
}

impl Loaded {
    pub fn issues(&self) -> &[Issue] {
        self.datasets.issues.as_slice()
    }

    /// SPEC 1: exit code 1 when a file could not be read or rows were rejected.
    pub fn has_data_errors(&self) -> bool {
        self.issues().iter().any(|i| i.severity == Severity::Error)
    }
}

/// Reads every input (in parallel, results kept in path order) and builds the datasets.
pub fn load(config: &Config) -> Result<Loaded, AppError> {
    let catalog = catalog(config)?;
    let inputs = read::discover(&config.inputs);
    if inputs.is_empty() {
        let shown: Vec<String> = config
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(AppError::NoInput(shown.join(", ")));
    }
    let options = dataset_options(config, &catalog);
    // Files in parallel; within a file, reading (unzip, XML) runs on its own thread while
    // this one types the rows. Results are put back in path order.
    let read: Vec<(ReadFile, datasets::FilePart)> = inputs
        .par_iter()
        .enumerate()
        .map(|(index, input)| {
            let (events, reader) =
                read::spawn_reader(input.clone(), config.limits, config.isolation.clone());
            let clock = crate::timings::Clock::start();
            // Time spent waiting for the reader's events, which says which thread holds the other up.
            let mut waiting = std::time::Duration::ZERO;
            let timed = std::iter::from_fn(|| {
                let asked = std::time::Instant::now();
                let event = events.recv().ok();
                waiting += asked.elapsed();
                event
            });
            let part = datasets::parse_file(&options, index, input, timed);
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
    let datasets = datasets::assemble(&files, parts);
    clock.report("  files put together, rules across rows");
    Ok(Loaded {
        files,
        datasets,
        catalog,
    })
}

pub fn dataset_options(config: &Config, catalog: &Catalog) -> datasets::Options {
    datasets::Options {
        date_order: config.date_order,
        indicator_names: indicators::catalog::indicator_names(catalog),
        categories: config.categories.clone(),
        aliases: config.aliases.clone(),
        sheets: config.sheets.clone(),
        limits: config.limits,
        isolation: config.isolation.clone(),
    }
}

/// The built-in catalog merged with the config's indicators and tables, checked.
pub fn catalog(config: &Config) -> Result<Catalog, AppError> {
    Ok(Catalog::load(&config.catalog, &config.categories)?)
}

/// `bilan inspect`: one file read as a run would, with its sheets' mapping and issues.
/// Returns the text to print and whether the file has data errors (exit code 1).
pub fn inspect(
    config: &Config,
    file: &std::path::Path,
    sheet: Option<&str>,
) -> Result<(String, bool), AppError> {
    let catalog = catalog(config)?;
    let inputs = read::discover(&[file.to_path_buf()]);
    let Some(input) = inputs.first() else {
        return Err(AppError::NoInput(file.display().to_string()));
    };
    let options = dataset_options(config, &catalog);
    let (files, datasets) = datasets::build(std::slice::from_ref(input), &options);
    let read = &files[0];
    let wanted = |name: &str| {
        sheet.is_none_or(|s| {
            crate::datasets::normalize::normalize_key(s)
                == crate::datasets::normalize::normalize_key(name)
        })
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
    let text = crate::output::inspect::render(read, &sheets, datasets.issues.as_slice());
    Ok((text, datasets.issues.has_errors()))
}

/// What `report` did.
pub struct ReportSummary {
    pub out_dir: PathBuf,
    pub results: Results,
    pub loaded: Loaded,
}

/// The stages of `report`, announced to the caller (who may show progress).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Indicators,
    Writing,
}

pub fn report(config: &Config, progress: &mut dyn FnMut(Stage)) -> Result<ReportSummary, AppError> {
    let mut clock = crate::timings::Clock::start();
    progress(Stage::Reading);
    let mut loaded = load(config)?;
    clock.lap("read and type");
    progress(Stage::Indicators);
    let results = indicators::compute(
        &mut loaded.datasets,
        &loaded.catalog,
        &config.categories,
        config.year,
        config.lang,
    )?;
    clock.lap("indicators");
    progress(Stage::Writing);
    let run = RunRecord {
        files: &loaded.files,
        sheets: &loaded.datasets.sheets,
        issues: loaded.issues(),
    };
    let out_dir = output::write_report(&results, &run, config)?;
    clock.lap("outputs");
    Ok(ReportSummary {
        out_dir,
        results,
        loaded,
    })
}
