//! Runtime settings, from the command line and `bilan.toml`, checked once.

use crate::datasets::values::DateOrder;
use crate::Lang;
use std::path::PathBuf;

/// The output files a run can write (SPEC 6 `--formats`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Svg,
    Png,
    Html,
    Md,
}

pub const ALL_FORMATS: [Format; 5] = [
    Format::Csv,
    Format::Svg,
    Format::Png,
    Format::Html,
    Format::Md,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum CsvStyle {
    #[default]
    Standard,
    ExcelFr,
}

/// What `report` and `check` run with.
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: Vec<PathBuf>,
    pub year: Option<i32>,
    pub out: PathBuf,
    pub lang: Lang,
    pub formats: Vec<Format>,
    pub csv_style: CsvStyle,
    pub date_order: DateOrder,
    pub quiet: bool,
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
        }
    }
}

impl Config {
    pub fn wants(&self, format: Format) -> bool {
        self.formats.contains(&format)
    }
}
