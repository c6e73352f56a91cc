//! Runtime settings: the built-in defaults, then `bilan.toml`, then the command line, checked
//! once into the `Config` the rest of the program trusts.
//!
//! `config` stands above the stages: it names their option types and builds each stage's own
//! options value (`read_options`, `dataset_options`, `output_options`); no stage imports it.

mod file;

use crate::datasets::categories::{Categories, Category, Kind as CategoryKind};
use crate::datasets::DateOrder;
use crate::datasets::{self, Dataset, FieldAliases, SheetOverride};
use crate::indicators::Catalog;
use crate::indicators::{self, CatalogSpec};
use crate::lang::Lang;
use crate::{output, read};
use std::path::{Path, PathBuf};

pub use crate::output::{CsvStyle, Format, ALL_FORMATS};
pub use crate::read::{Isolation, Limits};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// What `report`, `check` and `indicators` run with.
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: Vec<PathBuf>,
    pub year: Option<i32>,
    pub out: PathBuf,
    pub lang: Lang,
    pub formats: Vec<Format>,
    pub csv_style: CsvStyle,
    pub(crate) date_order: DateOrder,
    pub quiet: bool,
    /// Participant identifiers in the register (`--with-identifiers`, SPEC 6).
    pub with_identifiers: bool,
    /// The user's indicators and tables, merged over the built-in catalog.
    pub(crate) catalog: CatalogSpec,
    pub(crate) categories: Categories,
    /// `[status]` thresholds of the status column (SPEC 5, 6).
    pub(crate) status: indicators::Thresholds,
    pub(crate) aliases: FieldAliases,
    pub(crate) sheets: Vec<SheetOverride>,
    pub limits: Limits,
    /// The `bilan.toml` read, if any.
    pub source: Option<PathBuf>,
    /// The date a report shows, from `SOURCE_DATE_EPOCH` (reproducible builds); none otherwise.
    pub generated_on: Option<chrono::NaiveDate>,
    /// Set by the binary: read .xls/.xlsb in a child process of itself.
    pub isolation: Option<Isolation>,
    /// The reader's fast paths: all on, but for `bench/fast_paths.sh`.
    pub(crate) fast_paths: read::FastPaths,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            inputs: vec![PathBuf::from("data")],
            year: None,
            out: PathBuf::from("reports"),
            lang: Lang::Fr,
            formats: ALL_FORMATS.to_vec(),
            csv_style: CsvStyle::Standard,
            date_order: DateOrder::Dmy,
            quiet: false,
            with_identifiers: false,
            catalog: CatalogSpec::default(),
            categories: Categories::default(),
            aliases: FieldAliases::default(),
            sheets: Vec::new(),
            limits: Limits::default(),
            source: None,
            generated_on: source_date_epoch(),
            isolation: None,
            fast_paths: read::FastPaths::default(),
            status: indicators::Thresholds::default(),
        }
    }
}

impl Config {
    /// What the reading stage is told.
    pub(crate) fn read_options(&self) -> read::Options {
        read::Options {
            limits: self.limits,
            isolation: self.isolation.clone(),
            fast_paths: self.fast_paths,
        }
    }

    /// What the dataset stage is told; `catalog` names the indicators a target may refer to.
    pub(crate) fn dataset_options(&self, catalog: &Catalog) -> datasets::Options {
        datasets::Options {
            date_order: self.date_order,
            indicator_names: crate::indicators::indicator_names(catalog),
            categories: self.categories.clone(),
            aliases: self.aliases.clone(),
            sheets: self.sheets.clone(),
            read: self.read_options(),
        }
    }

    /// What the output stage is told.
    pub(crate) fn output_options(&self) -> output::Options {
        output::Options {
            out: self.out.clone(),
            lang: self.lang,
            formats: self.formats.clone(),
            csv_style: self.csv_style,
            generated_on: self.generated_on,
            categories: self.categories.clone(),
        }
    }

    /// Defaults, then `explicit` (`--config`) or `bilan.toml` in the current folder when it exists.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(path) => path.to_path_buf(),
            None => {
                let default = PathBuf::from("bilan.toml");
                if !default.is_file() {
                    return Ok(Config::default());
                }
                default
            }
        };
        let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        let parsed = file::parse(&text).map_err(|e| ConfigError::Parse {
            path: path.clone(),
            message: e.to_string(),
        })?;
        Config::from_file(&path, parsed)
    }

    fn from_file(path: &Path, f: file::ConfigFile) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        // Paths in the file are relative to the file's folder.
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut config = Config {
            source: Some(path.to_path_buf()),
            ..Config::default()
        };
        config.year = f.year;
        if let Some(lang) = f.lang {
            config.lang = lang;
        }
        if let Some(out) = f.out {
            config.out = dir.join(out);
        }
        if let Some(data) = f.data {
            config.inputs = expand_data(&dir, &data).map_err(invalid)?;
        }
        if let Some(formats) = f.formats {
            config.formats = formats;
        }
        if let Some(style) = f.csv_style {
            config.csv_style = style;
        }
        if let Some(order) = f.date_order {
            config.date_order = order;
        }
        for (dataset_name, fields) in &f.aliases {
            let dataset = dataset_named(dataset_name).ok_or_else(|| {
                invalid(format!(
                    "[aliases.{dataset_name}]: not a dataset (activities, training, targets)"
                ))
            })?;
            for (field, aliases) in fields {
                if !dataset.fields().iter().any(|x| x.name == field) {
                    return Err(invalid(format!(
                        "[aliases.{dataset_name}] {field}: not a field of `{dataset_name}`"
                    )));
                }
                config.aliases.add(dataset, field, aliases.clone());
            }
        }
        for (kind_name, entries) in &f.categories {
            let kind = CategoryKind::from_config_name(kind_name).ok_or_else(|| {
                invalid(format!(
                    "[categories.{kind_name}]: not one of activity_type, status, gender, modality"
                ))
            })?;
            for (code, spec) in entries {
                config.categories.add(
                    kind,
                    Category {
                        code: code.clone(),
                        fr: spec.fr.clone(),
                        en: spec.en.clone(),
                        aliases: spec.aliases.clone(),
                    },
                );
            }
        }
        for (i, sheet) in f.sheets.iter().enumerate() {
            let dataset = dataset_named(&sheet.dataset).ok_or_else(|| {
                invalid(format!(
                    "[[sheets]] #{}: dataset « {} » is not activities, training or targets",
                    i + 1,
                    sheet.dataset
                ))
            })?;
            config.sheets.push(SheetOverride {
                file: dir.join(&sheet.file),
                sheet: sheet.sheet.clone(),
                dataset,
                header_row: sheet.header_row,
            });
        }
        config.catalog = CatalogSpec {
            indicators: f.indicators,
            tables: f.tables,
        };
        if let Some(met) = f.status.met {
            config.status.met = met;
        }
        if let Some(close) = f.status.close {
            config.status.close = close;
        }
        if !(0.0 <= config.status.close && config.status.close <= config.status.met) {
            return Err(invalid(format!(
                "[status]: `close` ({}) must be between 0 and `met` ({})",
                config.status.close, config.status.met
            )));
        }
        if let Some(n) = f.limits.max_cells {
            config.limits.max_cells = n;
        }
        if let Some(n) = f.limits.max_inflated_bytes {
            config.limits.max_inflated_bytes = n;
        }
        Ok(config)
    }
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) as a day; ignored when absent or not a number.
fn source_date_epoch() -> Option<chrono::NaiveDate> {
    let seconds: i64 = std::env::var("SOURCE_DATE_EPOCH")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    chrono::DateTime::from_timestamp(seconds, 0).map(|t| t.date_naive())
}

fn dataset_named(name: &str) -> Option<Dataset> {
    Dataset::ALL.into_iter().find(|d| d.name() == name)
}

/// `data` entries: files, folders or glob patterns, relative to the config's folder.
fn expand_data(dir: &Path, entries: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut paths = Vec::new();
    for entry in entries {
        let joined = dir.join(entry);
        if entry.contains(['*', '?', '[']) {
            let pattern = joined.to_string_lossy().into_owned();
            let matches = glob::glob(&pattern)
                .map_err(|e| format!("data: « {entry} » is not a valid glob: {e}"))?;
            let mut found: Vec<PathBuf> = matches.filter_map(Result::ok).collect();
            found.sort();
            paths.extend(found);
        } else {
            paths.push(joined);
        }
    }
    Ok(paths)
}
