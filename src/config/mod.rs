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
use crate::issue::{io_problem, Message};
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
    /// Not TOML, or not bilan.toml's keys and types: the TOML reader's own words, which name
    /// the line and column and show the line with a caret.
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    /// A value bilan cannot use (`config-*` of the catalogue).
    #[error("{path}: {}", message.id)]
    Invalid { path: PathBuf, message: Message },
}

impl ConfigError {
    /// What is wrong, as a catalogue message (`error-config-*`).
    pub fn message(&self) -> Message {
        match self {
            ConfigError::Read { path, source } => Message::new("error-config-read")
                .with("path", path.display().to_string())
                .with("reason", io_problem(source)),
            ConfigError::Parse { path, message } => Message::new("error-config-parse")
                .with("path", path.display().to_string())
                .with("detail", message.as_str()),
            ConfigError::Invalid { path, message } => Message::new("error-config-invalid")
                .with("path", path.display().to_string())
                .with("problem", message.clone()),
        }
    }
}

/// What `report`, `check` and `indicators` run with.
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: Vec<PathBuf>,
    pub year: Option<i32>,
    pub out: PathBuf,
    /// The language of the messages, and of the report written into `OUT/YEAR/`.
    pub lang: Lang,
    /// The other languages of the report (`--lang fr,ar`), each written into `OUT/YEAR/LANG/`.
    pub other_langs: Vec<Lang>,
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
            other_langs: Vec::new(),
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
    /// The languages of a run: the first for the messages and `OUT/YEAR/`, the others each in
    /// `OUT/YEAR/LANG/`. An empty list changes nothing.
    pub fn set_langs(&mut self, langs: Vec<Lang>) {
        if let Some((first, others)) = langs.split_first() {
            self.lang = *first;
            self.other_langs = others.to_vec();
        }
    }

    /// The labels an Arabic report lacks (SPEC 5: it shows the French one, with a warning): the
    /// user's indicators and categories without `ar`. Empty when no language asked is Arabic.
    pub fn missing_arabic_labels(&self) -> Vec<Message> {
        if self.lang != Lang::Ar && !self.other_langs.contains(&Lang::Ar) {
            return Vec::new();
        }
        let mut missing: Vec<Message> = self
            .catalog
            .indicators
            .iter()
            .filter(|i| i.label.ar.is_none())
            .map(|i| Message::new("missing-arabic-label").with("id", i.id.as_str()))
            .collect();
        for kind in CategoryKind::ALL {
            for category in self.categories.list(kind) {
                if !category.builtin && category.ar.is_none() {
                    missing.push(
                        Message::new("missing-arabic-category")
                            .with("code", category.code.as_str())
                            .with("kind", kind.config_name()),
                    );
                }
            }
        }
        missing
    }

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
            other_langs: self.other_langs.clone(),
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
        let invalid = |message: Message| ConfigError::Invalid {
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
        if let Some(text) = f.lang {
            let langs = crate::lang::parse_list(&text)
                .ok_or_else(|| invalid(Message::new("config-lang").with("value", text.as_str())))?;
            config.set_langs(langs);
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
                invalid(
                    Message::new("config-aliases-dataset").with("dataset", dataset_name.as_str()),
                )
            })?;
            for (field, aliases) in fields {
                if !dataset.fields().iter().any(|x| x.name == field) {
                    return Err(invalid(
                        Message::new("config-aliases-field")
                            .with("dataset", dataset_name.as_str())
                            .with("field", field.as_str()),
                    ));
                }
                config.aliases.add(dataset, field, aliases.clone());
            }
        }
        for (kind_name, entries) in &f.categories {
            let kind = CategoryKind::from_config_name(kind_name).ok_or_else(|| {
                invalid(Message::new("config-categories-kind").with("kind", kind_name.as_str()))
            })?;
            for (code, spec) in entries {
                config.categories.add(
                    kind,
                    Category {
                        code: code.clone(),
                        fr: spec.fr.clone(),
                        en: spec.en.clone(),
                        ar: spec.ar.clone(),
                        aliases: spec.aliases.clone(),
                        builtin: false,
                    },
                );
            }
        }
        for (i, sheet) in f.sheets.iter().enumerate() {
            let dataset = dataset_named(&sheet.dataset).ok_or_else(|| {
                invalid(
                    Message::new("config-sheets-dataset")
                        .with("number", i + 1)
                        .with("dataset", sheet.dataset.as_str()),
                )
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
            return Err(invalid(
                Message::new("config-status")
                    .with("close", config.status.close)
                    .with("met", config.status.met),
            ));
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
fn expand_data(dir: &Path, entries: &[String]) -> Result<Vec<PathBuf>, Message> {
    let mut paths = Vec::new();
    for entry in entries {
        let joined = dir.join(entry);
        if entry.contains(['*', '?', '[']) {
            let pattern = joined.to_string_lossy().into_owned();
            let matches = glob::glob(&pattern).map_err(|e| {
                Message::new("config-data-glob")
                    .with("value", entry.as_str())
                    .with("detail", e.msg)
            })?;
            let mut found: Vec<PathBuf> = matches.filter_map(Result::ok).collect();
            found.sort();
            paths.extend(found);
        } else {
            paths.push(joined);
        }
    }
    Ok(paths)
}
