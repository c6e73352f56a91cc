//! `manifest.json`: what was read and written, so a reader can see that nothing was lost.

use crate::datasets::SheetReport;
use crate::issue::Issue;
use crate::read::ReadFile;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct Manifest {
    pub tool: &'static str,
    pub version: &'static str,
    pub year: i32,
    pub language: &'static str,
    pub inputs: Vec<InputEntry>,
    pub outputs: Vec<OutputEntry>,
    pub issues: IssueCounts,
}

#[derive(Debug, Serialize)]
pub struct InputEntry {
    pub path: String,
    pub sha256: String,
    /// The file-level error that stopped reading, if any.
    pub error: Option<String>,
    pub sheets: Vec<SheetReport>,
}

#[derive(Debug, Serialize)]
pub struct OutputEntry {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

#[derive(Debug, Serialize)]
pub struct IssueCounts {
    pub by_severity: BTreeMap<&'static str, usize>,
    pub by_code: BTreeMap<&'static str, usize>,
}

pub fn inputs(
    files: &[ReadFile],
    sheets: &[SheetReport],
    speaker: super::messages::Speaker,
) -> Vec<InputEntry> {
    files
        .iter()
        .enumerate()
        .map(|(index, file)| InputEntry {
            path: file.input.display.clone(),
            sha256: file.sha256.hex().to_string(),
            error: file.error.as_ref().map(|e| speaker.issue(e)),
            sheets: sheets
                .iter()
                .filter(|s| s.file_index == index)
                .cloned()
                .collect(),
        })
        .collect()
}

pub fn issue_counts(issues: &[Issue]) -> IssueCounts {
    let mut by_severity = BTreeMap::new();
    let mut by_code = BTreeMap::new();
    for severity in ["error", "warning", "info"] {
        by_severity.insert(severity, 0);
    }
    for issue in issues {
        *by_severity.entry(issue.severity.as_str()).or_default() += 1;
        *by_code.entry(issue.code.as_str()).or_default() += 1;
    }
    IssueCounts {
        by_severity,
        by_code,
    }
}
