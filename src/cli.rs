//! Command-line flags (clap) and their one conversion into what the library runs: a checked
//! [`Config`] per command ([`Cli::into_request`]). The library knows nothing of clap.

use bilan::config::{Config, ConfigError, CsvStyle, Format, Isolation, Limits};
use bilan::lang::Lang;
use bilan::IssueFormat;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "bilan",
    version,
    about = "Yearly action-plan review from the departments' workbooks",
    after_help = "Examples:
  bilan report                              review of data/ into reports/YEAR/ (French)
  bilan check data/ --format github         the data's problems as GitHub annotations (CI)
  bilan inspect data/plan_action.xlsx       how one workbook is read, sheet by sheet

Messages about the data follow --lang (fr by default), or `lang` in bilan.toml."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read the inputs and write the yearly review into OUT/YEAR/.
    #[command(after_help = "Examples:
  bilan report                                   data/ -> reports/<latest year>/
  bilan report data/2024 --year 2024 --lang en   an English review of 2024
  bilan report --formats csv,html --csv-style excel-fr --out /srv/bilan
  bilan report --formats csv,html,md,register    plus the consolidated rows to pivot")]
    Report(ReportArgs),
    /// Read and validate the inputs, print the data issues, write nothing.
    #[command(after_help = "Examples:
  bilan check                                    the problems of data/, for people
  bilan check data/ --format github              annotations for a GitHub Actions job
  bilan check plan.xlsx --format json --lang en  for tools, messages in English

Exit code: 0 no error (warnings allowed), 1 data errors, 2 usage error.")]
    Check(CheckArgs),
    /// Show how one file is read: sheets, datasets, header rows, column mapping, counts, first issues.
    #[command(after_help = "Examples:
  bilan inspect data/plan_action.xlsx
  bilan inspect data/plan_action.xlsx --sheet Formations")]
    Inspect(InspectArgs),
    /// List the indicator catalog in use (built-in, merged with bilan.toml).
    #[command(after_help = "Examples:
  bilan indicators
  bilan indicators --dump > catalog.toml         a starting point for [[indicators]]")]
    Indicators(IndicatorsArgs),
    /// Write a commented bilan.toml and a template workbook for departments to fill in.
    #[command(after_help = "Examples:
  bilan init                                     in the current folder
  bilan init modeles/")]
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
    /// Language of the listing.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
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
    /// Language of the messages about the data.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to write into (created if needed). Default: the current folder.
    pub dir: Option<PathBuf>,
    /// Language of the messages.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
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
    /// Language of the report and the messages: fr, en or ar; several (fr,ar) write the first
    /// into OUT/YEAR/ and each other one into OUT/YEAR/LANG/.
    #[arg(long, value_parser = lang_list)]
    pub lang: Option<LangList>,
    /// Comma-separated output formats.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub formats: Option<Vec<FormatArg>>,
    #[arg(long, value_enum)]
    pub csv_style: Option<CsvStyleArg>,
    /// No progress or summary on stderr.
    #[arg(long)]
    pub quiet: bool,
    /// Keep participant identifiers (matricule, names) in the register (format `register`).
    #[arg(long)]
    pub with_identifiers: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value = "text")]
    pub format: IssueFormatArg,
    /// Language of the messages about the data.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// The library's option values as the command line spells them.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
    Ar,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
            LangArg::Ar => Lang::Ar,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Csv,
    Svg,
    Png,
    Html,
    Md,
    Xlsx,
    /// The consolidated rows of each dataset (activities.csv, training.csv, targets.csv).
    Register,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CsvStyleArg {
    Standard,
    ExcelFr,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum IssueFormatArg {
    Text,
    Json,
    Github,
}

/// What the binary runs: one library call per variant.
pub enum Request {
    Report(Config),
    Check(Config, IssueFormat),
    Inspect {
        config: Config,
        file: PathBuf,
        sheet: Option<String>,
    },
    Indicators {
        config: Config,
        dump: bool,
    },
    /// The folder, and the language of what is said about it.
    Init(PathBuf, Lang),
    ReadIsolated {
        path: PathBuf,
        extension: String,
        limits: Limits,
    },
}

impl Cli {
    /// The language asked with `--lang` (the first of a list), before bilan.toml is read.
    pub fn lang(&self) -> Option<Lang> {
        match &self.command {
            Command::Report(args) => args.lang.as_ref().and_then(|l| l.0.first().copied()),
            Command::Check(args) => args.lang.map(Lang::from),
            Command::Inspect(args) => args.lang.map(Lang::from),
            Command::Indicators(args) => args.lang.map(Lang::from),
            Command::Init(args) => args.lang.map(Lang::from),
            Command::ReadIsolated(_) => None,
        }
    }

    /// The one conversion of the command line: defaults, then `bilan.toml`, then the flags.
    pub fn into_request(self) -> Result<Request, ConfigError> {
        Ok(match self.command {
            Command::Report(args) => {
                let mut config = load(args.input.config.as_deref())?;
                args.input.apply(&mut config);
                if let Some(out) = args.out {
                    config.out = out;
                }
                if let Some(LangList(langs)) = args.lang {
                    config.set_langs(langs);
                }
                if let Some(formats) = args.formats {
                    config.formats = formats.into_iter().map(format).collect();
                }
                if let Some(style) = args.csv_style {
                    config.csv_style = match style {
                        CsvStyleArg::Standard => CsvStyle::Standard,
                        CsvStyleArg::ExcelFr => CsvStyle::ExcelFr,
                    };
                }
                config.quiet = args.quiet;
                config.with_identifiers = args.with_identifiers;
                Request::Report(config)
            }
            Command::Check(args) => {
                let mut config = load(args.input.config.as_deref())?;
                args.input.apply(&mut config);
                if let Some(lang) = args.lang {
                    config.lang = lang.into();
                }
                let format = match args.format {
                    IssueFormatArg::Text => IssueFormat::Text,
                    IssueFormatArg::Json => IssueFormat::Json,
                    IssueFormatArg::Github => IssueFormat::Github,
                };
                Request::Check(config, format)
            }
            Command::Inspect(args) => {
                let mut config = load(args.config.as_deref())?;
                if let Some(lang) = args.lang {
                    config.lang = lang.into();
                }
                Request::Inspect {
                    config,
                    file: args.file,
                    sheet: args.sheet,
                }
            }
            Command::Indicators(args) => {
                let mut config = load(args.config.as_deref())?;
                if let Some(lang) = args.lang {
                    config.lang = lang.into();
                }
                Request::Indicators {
                    config,
                    dump: args.dump,
                }
            }
            Command::Init(args) => Request::Init(
                args.dir.unwrap_or_else(|| PathBuf::from(".")),
                args.lang.map(Lang::from).unwrap_or_default(),
            ),
            Command::ReadIsolated(args) => Request::ReadIsolated {
                path: args.path,
                extension: args.extension,
                limits: Limits {
                    max_cells: args.max_cells,
                    max_inflated_bytes: args.max_inflated_bytes,
                },
            },
        })
    }
}

/// `--lang fr,ar`: one language or several, comma-separated.
#[derive(Debug, Clone)]
pub struct LangList(Vec<Lang>);

fn lang_list(text: &str) -> Result<LangList, String> {
    bilan::lang::parse_list(text)
        .map(LangList)
        .ok_or_else(|| "expected fr, en, ar or a list of them (fr,ar)".to_string())
}

impl Request {
    /// The language of the run's words, once bilan.toml is read.
    pub fn lang(&self) -> Option<Lang> {
        match self {
            Request::Report(config) | Request::Check(config, _) => Some(config.lang),
            Request::Inspect { config, .. } | Request::Indicators { config, .. } => {
                Some(config.lang)
            }
            Request::Init(_, lang) => Some(*lang),
            Request::ReadIsolated { .. } => None,
        }
    }
}

impl InputArgs {
    fn apply(self, config: &mut Config) {
        if !self.paths.is_empty() {
            config.inputs = self.paths;
        }
        if self.year.is_some() {
            config.year = self.year;
        }
    }
}

fn format(format: FormatArg) -> Format {
    match format {
        FormatArg::Csv => Format::Csv,
        FormatArg::Svg => Format::Svg,
        FormatArg::Png => Format::Png,
        FormatArg::Html => Format::Html,
        FormatArg::Md => Format::Md,
        FormatArg::Xlsx => Format::Xlsx,
        FormatArg::Register => Format::Register,
    }
}

/// The config file's settings over the defaults, reading .xls and .xlsb in a child process of
/// this binary, so that a parser abort on a crafted file ends the child, not the run.
fn load(config_file: Option<&std::path::Path>) -> Result<Config, ConfigError> {
    let mut config = Config::load(config_file)?;
    config.isolation = std::env::current_exe().ok().map(|program| Isolation {
        program,
        max_memory_bytes: 4 << 30,
    });
    Ok(config)
}
