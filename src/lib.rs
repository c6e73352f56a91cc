//! `bilan`: the yearly action-plan review of an education council, from its departments' workbooks.
//!
//! The pipeline runs one way, one folder per stage:
//! [`read`] (files to raw cells) -> [`datasets`] (typed, validated rows) ->
//! [`indicators`] (Polars aggregation) -> [`output`] (CSV, charts, report, manifest).
//! [`app`] wires the stages for each command; `main.rs` only maps the result to an exit code.

pub mod app;
pub mod config;
pub mod datasets;
pub mod indicators;
pub mod init;
pub mod issue;
pub mod memory;
pub mod output;
pub mod read;
pub mod timings;

/// The language of labels, numbers and the report.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    serde::Deserialize,
    serde::Serialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Picks the text of this language.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}
