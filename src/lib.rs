//! `bilan`: the yearly action-plan review of an education council, from its departments' workbooks.
//!
//! The pipeline runs one way, one folder per stage, each importing only the stages before it:
//!
//! ```text
//!   files ──read──> sheets of raw cells ──datasets──> typed rows + issues
//!         ──indicators──> Results (codes and numbers) ──output──> OUT/YEAR/ (CSV, charts, report)
//! ```
//!
//! - `read`: discovers the input files and streams each one's sheets as events of raw cells (it
//!   knows nothing of datasets); the limits against hostile files belong here.
//! - `datasets`: recognises each sheet by its header row and types its rows (SPEC 2–3).
//! - `indicators`: the catalog compiled to Polars expressions (SPEC 4).
//! - `output`: the files of SPEC 6.
//!
//! [`config`] stands above them all: it builds each stage's options from `bilan.toml` and the
//! command line. The commands ([`report`], [`check`], [`inspect`], [`describe_catalog`],
//! [`init`]) wire the stages; the binary turns the command line into a [`Config`] and the outcome
//! into an exit code.

pub mod config;
pub mod issue;
pub mod lang;
pub mod timings;
pub mod words;

mod app;
mod datasets;
mod indicators;
mod init;
mod memory;
mod output;
mod read;

/// Entry points for the fuzz targets, the differential tests and the benchmarks: not part of the
/// tool's interface.
#[cfg(feature = "fuzzing")]
pub mod fuzzing;

pub use app::{
    check, describe_catalog, init, inspect, issue_message, render_issues, report, say, say_in,
    serve_isolated, AppError, Progress, ProgressSink, ReportSummary, Stage,
};
pub use config::Config;
pub use datasets::Dataset;
pub use init::french_headers;
pub use memory::without_huge_pages;
pub use output::IssueFormat;
