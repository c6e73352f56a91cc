//! Command-line flags (clap) and their one conversion into the library's `Config`.

use bilan::config::{Config, ConfigError, CsvStyle, Format};
use bilan::output::issues_report::IssueFormat;
use bilan::Lang;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "bilan",
    version,
    about = "Yearly action-plan review from the departments' workbooks"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read the inputs and write the yearly review into OUT/YEAR/.
    Report(ReportArgs),
    /// Read and validate the inputs, print the data issues, write nothing.
    Check(CheckArgs),
    /// Show how one file is read: sheets, datasets, header rows, column mapping, counts, first issues.
    Inspect(InspectArgs),
    /// List the indicator catalog in use (built-in, merged with bilan.toml).
    Indicators(IndicatorsArgs),
    /// Write a commented bilan.toml and a template workbook for departments to fill in.
    Init(InitArgs),
    /// Internal: read one file for the parent bilan process (formats whose parser may abort).
    #[command(name = "__read-isolated", hide = true)]
    ReadIsolated(ReadIsolatedArgs),
}

#[derive(Debug, Args)]
pub struct ReadIsolatedArgs {
    pub path: PathBuf,
    pub extension: String,
    pub max_cells: u64,
    pub max_inflated_bytes: u64,
}

#[derive(Debug, Args)]
pub struct IndicatorsArgs {
    /// Configuration file (default: bilan.toml in the current folder, when it exists).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Print the catalog as TOML in the bilan.toml format.
    #[arg(long)]
    pub dump: bool,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    pub file: PathBuf,
    /// Only this sheet.
    #[arg(long)]
    pub sheet: Option<String>,
    /// Configuration file (default: bilan.toml in the current folder, when it exists).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to write into (created if needed). Default: the current folder.
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read (folders recursively). Default: data/
    pub paths: Vec<PathBuf>,
    /// Reporting year. Default: the latest year with a realised activity or an attended training.
    #[arg(long)]
    pub year: Option<i32>,
    /// Configuration file (default: bilan.toml in the current folder, when it exists).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output folder; the report goes into OUT/YEAR/.
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Comma-separated output formats.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub formats: Option<Vec<Format>>,
    #[arg(long, value_enum)]
    pub csv_style: Option<CsvStyle>,
    /// No progress or summary on stderr.
    #[arg(long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value = "text")]
    pub format: IssueFormat,
}

impl InputArgs {
    /// The config file's settings, then the command line's.
    fn load(self) -> Result<Config, ConfigError> {
        let mut config = Config::load(self.config.as_deref())?;
        self.apply(&mut config);
        Ok(config)
    }

    fn apply(self, config: &mut Config) {
        if !self.paths.is_empty() {
            config.inputs = self.paths;
        }
        if self.year.is_some() {
            config.year = self.year;
        }
    }
}

impl ReportArgs {
    pub fn into_config(self) -> Result<Config, ConfigError> {
        let mut config = self.input.load()?;
        if let Some(out) = self.out {
            config.out = out;
        }
        if let Some(lang) = self.lang {
            config.lang = lang;
        }
        if let Some(formats) = self.formats {
            config.formats = formats;
        }
        if let Some(style) = self.csv_style {
            config.csv_style = style;
        }
        config.quiet = self.quiet;
        Ok(config)
    }
}

impl CheckArgs {
    pub fn into_config(self) -> Result<(Config, IssueFormat), ConfigError> {
        Ok((self.input.load()?, self.format))
    }
}
