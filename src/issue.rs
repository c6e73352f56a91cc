//! One issue type shared by every stage: the data problems a run found.
//!
//! Stages never print; they push issues into a [`Issues`] collection that the
//! caller reports (CSV, report, `check`) and turns into the exit code.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The stable issue codes of SPEC section 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    UnreadableFile,
    UnsupportedFormat,
    EncryptedFile,
    TooLarge,
    NoHeader,
    UnrecognizedSheet,
    MissingColumn,
    DuplicateColumn,
    MissingValue,
    InvalidDate,
    InvalidNumber,
    NotAnInteger,
    NegativeValue,
    OutOfRange,
    UnknownCategory,
    CellError,
    InconsistentRow,
    DuplicateId,
    DuplicateRegistration,
    ConflictingHours,
    TotalRow,
    NotAWorksheet,
    UnreadableSheet,
    NoData,
    DuplicateFile,
    OverlappingFiles,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnreadableFile => "unreadable-file",
            Code::UnsupportedFormat => "unsupported-format",
            Code::EncryptedFile => "encrypted-file",
            Code::TooLarge => "too-large",
            Code::NoHeader => "no-header",
            Code::UnrecognizedSheet => "unrecognized-sheet",
            Code::MissingColumn => "missing-column",
            Code::DuplicateColumn => "duplicate-column",
            Code::MissingValue => "missing-value",
            Code::InvalidDate => "invalid-date",
            Code::InvalidNumber => "invalid-number",
            Code::NotAnInteger => "not-an-integer",
            Code::NegativeValue => "negative-value",
            Code::OutOfRange => "out-of-range",
            Code::UnknownCategory => "unknown-category",
            Code::CellError => "cell-error",
            Code::InconsistentRow => "inconsistent-row",
            Code::DuplicateId => "duplicate-id",
            Code::DuplicateRegistration => "duplicate-registration",
            Code::ConflictingHours => "conflicting-hours",
            Code::TotalRow => "total-row",
            Code::NotAWorksheet => "not-a-worksheet",
            Code::UnreadableSheet => "unreadable-sheet",
            Code::NoData => "no-data",
            Code::DuplicateFile => "duplicate-file",
            Code::OverlappingFiles => "overlapping-files",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a problem is, as the user sees it in their spreadsheet.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// Path as given on the command line (relative to the current folder when under it).
    pub file: String,
    /// Empty for CSV files.
    pub sheet: String,
    /// 1-based spreadsheet row (physical line for CSV); `None` for file-level issues.
    pub row: Option<u32>,
    /// Column letter (A, B, … AA); empty when the issue is about a whole row or file.
    pub column: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    pub severity: Severity,
    pub code: Code,
    #[serde(flatten)]
    pub location: Location,
    pub header: String,
    pub value: String,
    pub message: String,
    /// A parser's own words about the problem, shown by `bilan inspect` only (SPEC 2).
    #[serde(skip)]
    pub detail: String,
}

impl Issue {
    pub fn new(
        severity: Severity,
        code: Code,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        Issue {
            severity,
            code,
            location,
            header: String::new(),
            value: String::new(),
            message: message.into(),
            detail: String::new(),
        }
    }

    pub fn with_header(mut self, header: impl Into<String>) -> Self {
        self.header = header.into();
        self
    }

    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = value.into();
        self
    }
}

/// Spreadsheet column letters for a 0-based column index (0 -> A, 26 -> AA).
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    // Only ASCII letters were pushed.
    String::from_utf8(letters).unwrap_or_default()
}

/// The issues of a run, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct Issues {
    items: Vec<Issue>,
}

impl Issues {
    pub fn push(&mut self, issue: Issue) {
        self.items.push(issue);
    }

    pub fn iter(&self) -> impl Iterator<Item = &Issue> {
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|i| i.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|i| i.severity == severity).count()
    }

    pub fn as_slice(&self) -> &[Issue] {
        &self.items
    }

    pub fn into_vec(self) -> Vec<Issue> {
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_spreadsheet_naming() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
