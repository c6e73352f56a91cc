//! One issue type shared by every stage: the data problems a run found.
//!
//! Stages never print; they push issues into a [`Issues`] collection that the
//! caller reports (CSV, report, `check`) and turns into the exit code.

use serde::Serialize;
use std::fmt;
use std::sync::Arc;

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
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// Path as given on the command line (relative to the current folder when under it); shared
    /// by the issues of a file.
    pub file: Arc<str>,
    /// Empty for CSV files and for issues of a whole file.
    pub sheet: Arc<str>,
    /// 1-based spreadsheet row (physical line for CSV); `None` for file-level issues.
    pub row: Option<u32>,
    /// 0-based column; `None` when the issue is about a whole row or file.
    pub column: Option<u32>,
}

impl Location {
    /// The location of a whole file.
    pub fn file(file: &str) -> Location {
        Location {
            file: file.into(),
            ..Location::default()
        }
    }

    /// The column's letters (A, B, … AA), empty without a column.
    pub fn column_letter(&self) -> String {
        self.column
            .map(|c| column_letter(c as usize))
            .unwrap_or_default()
    }
}

/// A message of the words catalogue (`src/locales/*/bilan.ftl`): its id and arguments, put into
/// words only when written, in the language asked (SPEC 1: the stages compute codes, numbers and
/// issue parameters). The issue's `value` and `header` are arguments of every message too
/// (`$value`, `$header`), so they are not held twice.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Box<[(&'static str, Arg)]>,
}

/// An argument of a [`Message`].
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(Box<str>),
    Int(i64),
    Num(f64),
    /// A word the catalogue selects on (a field, a dataset, a kind of sheet): kept as is.
    Key(&'static str),
    /// A category, by its kind and code: its label is chosen when written.
    Category(&'static str, Box<str>),
    /// A message within the message (the cause of an unreadable sheet).
    Message(Box<Message>),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Box::new([]),
        }
    }

    /// The message with one more argument.
    pub fn with(self, name: &'static str, arg: impl Into<Arg>) -> Message {
        let mut args = self.args.into_vec();
        args.push((name, arg.into()));
        Message {
            id: self.id,
            args: args.into_boxed_slice(),
        }
    }

    /// The value of an argument, if the message has it.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.into())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text.into_boxed_str())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Int(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Int(n.into())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Int(n as i64)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg::Num(n)
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

/// A problem found in the data, located; its words are chosen when it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub severity: Severity,
    pub code: Code,
    pub location: Location,
    /// Shared by the issues of a column.
    pub header: Arc<str>,
    pub value: Box<str>,
    pub message: Message,
}

/// The empty text every issue without a header shares (a million issues, one allocation).
pub fn no_text() -> Arc<str> {
    static EMPTY: std::sync::OnceLock<Arc<str>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Arc::from("")).clone()
}

impl Issue {
    pub fn new(severity: Severity, code: Code, location: Location, message: Message) -> Self {
        Issue {
            severity,
            code,
            location,
            header: no_text(),
            value: "".into(),
            message,
        }
    }

    pub fn with_header(mut self, header: impl Into<Arc<str>>) -> Self {
        self.header = header.into();
        self
    }

    pub fn with_value(mut self, value: impl Into<Box<str>>) -> Self {
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

    /// Adds `more` after the issues so far; a first batch is moved, not copied.
    pub fn append(&mut self, mut more: Vec<Issue>) {
        if self.items.is_empty() {
            more.append(&mut self.items);
            self.items = more;
        } else {
            self.items.append(&mut more);
        }
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

/// Why the system refused a file operation, as a catalogue message (`io-*`): the common causes
/// in the reader's words, any other with the system's own words as its detail.
pub fn io_problem(e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    let id = match e.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission",
        ErrorKind::AlreadyExists => "io-exists",
        ErrorKind::StorageFull => "io-full",
        ErrorKind::IsADirectory => "io-is-a-folder",
        ErrorKind::NotADirectory => "io-not-a-folder",
        _ => "io-other",
    };
    let text = e.to_string();
    let detail = match text.find(" (os error") {
        Some(end) => text[..end].to_string(),
        None => text,
    };
    Message::new(id).with("detail", detail)
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
