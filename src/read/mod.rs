//! Stage 1, reading: input files to sheets of raw cells. Knows nothing about datasets.
//!
//! Takes paths and [`Options`] (limits against hostile files, the child process for fragile
//! formats); gives, file by file, a stream of [`SheetEvent`]s (sheets, rows of [`Cell`]s, shared
//! texts) and a [`ReadFile`] (checksum, or the issue that stopped the file). Entry points:
//! [`discover`], [`read_file`] and [`spawn_reader`] (the same on a thread of its own).

mod assumptions;
mod bytes;
mod cell;
mod checksum;
mod csv;
mod discover;
mod inflate_ahead;
mod isolated;
mod limits;
mod rewrite;
mod sniff;
mod split_sheet;
mod texts;
mod workbook;

#[cfg(test)]
pub use cell::Row;
pub use cell::{Cell, Merge, RowBatch, RowRef, Sheet};
pub use checksum::{earlier_copies, hex_sha256, Checksum};
pub use discover::{discover, InputFile, LeftOut, MissingPath, Why};
pub use isolated::serve as serve_isolated;
pub use isolated::Isolation;
pub use limits::Limits;
pub(crate) use texts::{same_bytes, TextNumbers};
pub use workbook::{xlsx_merges, FastPaths};
#[cfg(feature = "fuzzing")]
pub use {inflate_ahead::fuzz_differential as inflate_differential, workbook::split_differential};

use crate::issue::{Code, Issue, Location, Message, Severity};

/// How the reading stage reads: its limits against hostile files and, for the formats whose parser
/// may abort, the child process to read them in.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: Limits,
    /// Read .xls and .xlsb in a child process of this program (`None`: in this process).
    pub isolation: Option<Isolation>,
    /// All on, but for the benchmark that measures what each buys (`bench/fast_paths.sh`).
    pub fast_paths: FastPaths,
}

/// Why a file, or one sheet of it, could not be read: a cause people can act on (its words are
/// in the catalogue, [`ReadError::message`]). The parser's own words, when there are any, are
/// kept apart in [`ReadError::detail`] for `bilan inspect`.
#[derive(Debug, Clone, PartialEq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum ReadError {
    #[error("unreadable: {cause:?} {detail}")]
    Unreadable { cause: Cause, detail: String },
    #[error("unsupported format .{0}")]
    Unsupported(String),
    #[error("encrypted")]
    Encrypted,
    #[error("too large: {0:?}")]
    TooLarge(Limit),
}

/// What made a file unreadable.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Cause {
    Empty,
    /// Damaged or truncated: its structure cannot be read.
    Corrupt,
    /// An Excel 2.x–4.0 workbook (the version).
    OldExcel(String),
    /// Another format under a spreadsheet extension: `found` is `html`, `pdf`, `xml2003`, `xml`,
    /// `text`, `word`, `powerpoint`, `zip` or `other`.
    OtherFormat {
        extension: String,
        found: String,
    },
    Codepage(u16),
    NoSheet,
    UnclosedQuote(u32),
    InvalidUtf8 {
        line: usize,
        field: usize,
    },
    /// The system's words.
    Io(String),
    TimedOut(u64),
    ReaderFailed,
    /// A fast path of the reader does not hold for this workbook: it is read again the plain way
    /// (`workbook::stream_workbook`), so this never reaches a user.
    FastPath,
}

/// Which limit of `[limits]` (SPEC 5) a file passes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Limit {
    Cells { max: u64 },
    Inflated { max: u64 },
    Parts { count: usize, max: usize },
    Ratio { part: String, ratio: u64 },
}

impl ReadError {
    /// An unreadable file for this cause, without a parser's words.
    pub fn because(cause: Cause) -> ReadError {
        ReadError::Unreadable {
            cause,
            detail: String::new(),
        }
    }

    /// The parser's own words, for `inspect` only (empty when there are none).
    pub fn detail(&self) -> &str {
        match self {
            ReadError::Unreadable { detail, .. } => detail,
            _ => "",
        }
    }

    fn code(&self) -> Code {
        match self {
            ReadError::Unreadable { .. } => Code::UnreadableFile,
            ReadError::Unsupported(_) => Code::UnsupportedFormat,
            ReadError::Encrypted => Code::EncryptedFile,
            ReadError::TooLarge(_) => Code::TooLarge,
        }
    }

    /// What the user reads: a message of the catalogue, with the parser's words as `detail`.
    pub fn message(&self) -> Message {
        let message = match self {
            ReadError::Unreadable { cause, .. } => match cause {
                Cause::Empty => Message::new("read-empty"),
                Cause::Corrupt => Message::new("read-corrupt"),
                Cause::OldExcel(version) => {
                    Message::new("read-old-excel").with("version", version.as_str())
                }
                Cause::OtherFormat { extension, found } => Message::new("read-other-format")
                    .with("extension", extension.as_str())
                    .with("found", found.as_str()),
                Cause::Codepage(page) => Message::new("read-codepage").with("page", *page as u32),
                Cause::NoSheet => Message::new("read-no-sheet"),
                Cause::UnclosedQuote(line) => {
                    Message::new("read-unclosed-quote").with("line", *line)
                }
                Cause::InvalidUtf8 { line, field } => Message::new("read-invalid-utf8")
                    .with("line", *line)
                    .with("field", *field),
                Cause::Io(reason) => Message::new("read-io").with("reason", reason.as_str()),
                Cause::TimedOut(seconds) => {
                    Message::new("read-timed-out").with("seconds", *seconds as usize)
                }
                Cause::ReaderFailed => Message::new("read-reader-failed"),
                Cause::FastPath => Message::new("read-fast-path"),
            },
            ReadError::Unsupported(extension) => {
                Message::new("read-unsupported").with("extension", extension.as_str())
            }
            ReadError::Encrypted => Message::new("read-encrypted"),
            ReadError::TooLarge(limit) => {
                let limit = match limit {
                    Limit::Cells { max } => {
                        Message::new("too-large-cells").with("max", *max as usize)
                    }
                    Limit::Inflated { max } => {
                        Message::new("too-large-inflated").with("max", *max as usize)
                    }
                    Limit::Parts { count, max } => Message::new("too-large-parts")
                        .with("count", *count)
                        .with("max", *max),
                    Limit::Ratio { part, ratio } => Message::new("too-large-ratio")
                        .with("part", part.as_str())
                        .with("ratio", *ratio as usize),
                };
                Message::new("too-large").with("limit", limit)
            }
        };
        match self.detail() {
            "" => message,
            detail => message.with("detail", detail),
        }
    }

    /// The error issue for a whole file.
    fn issue(&self, location: Location) -> Issue {
        Issue::new(Severity::Error, self.code(), location, self.message())
    }
}

/// What a reader sends, sheet by sheet, as it decodes a file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum SheetEvent {
    /// A sheet starts (CSV files are one sheet with an empty name). `merges` is `None` for xlsx,
    /// where finding them means parsing the whole sheet a second time: ask `xlsx_merges` if needed.
    Begin {
        name: String,
        merges: Option<Vec<Merge>>,
        /// How many rows the file says the sheet has (an xlsx dimension, a range's height, a CSV
        /// estimate): a hint to size buffers, never trusted for anything else.
        rows_hint: Option<u32>,
        /// The workbook hides the sheet (hidden or very hidden): it is read all the same.
        hidden: bool,
    },
    /// A sheet that is not a worksheet (a chart, macro or dialog sheet): it holds no rows.
    Skipped { name: String, kind: SheetKind },
    /// The current sheet could not be read past the rows already sent; the file's other sheets
    /// still are. (An error that costs the whole file ends the reading instead.)
    Failed(ReadError),
    /// The next rows of the current sheet, in order, blank rows included.
    Rows(RowBatch),
    /// Texts the rows that follow point at with [`Cell::Shared`], numbered on from the texts
    /// already sent for this file (xlsx shared strings: each is sent once, not once per cell).
    Texts(Vec<String>),
    /// The current sheet is complete.
    End,
    /// Forget every event of this file so far: the reader starts over. (A text file read as
    /// UTF-8 without a check of the whole file first turned out not to be: it is read again as
    /// Windows-1252, see `csv::stream_csv`.)
    Restart,
}

/// The kinds of sheet a workbook may hold besides worksheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SheetKind {
    Chart,
    /// An Excel 4 macro sheet, or a VBA module listed among the sheets.
    Macro,
    Dialog,
}

impl SheetKind {
    /// The key the words catalogue selects on (`sheet-not-a-worksheet`).
    pub fn key(self) -> &'static str {
        match self {
            SheetKind::Chart => "chart",
            SheetKind::Macro => "macro",
            SheetKind::Dialog => "dialog",
        }
    }
}

/// Receives the events of a file; returns `false` to stop reading (nobody listens any more).
pub type Sink<'a> = dyn FnMut(SheetEvent) -> bool + 'a;

/// Rows are sent in batches of this many, so that reading and typing overlap without holding the sheet.
pub const BATCH_ROWS: usize = 2048;

/// A file after reading: its checksum, or the issue that stopped it.
#[derive(Debug, Clone)]
pub struct ReadFile {
    pub input: InputFile,
    /// SHA-256 of the bytes read; empty when the file could not be opened.
    pub sha256: Checksum,
    pub error: Option<Issue>,
}

impl ReadFile {
    /// A reader thread that panicked: a defect of bilan or of a library, reported on the file.
    pub fn panicked(input: &InputFile) -> ReadFile {
        ReadFile {
            input: input.clone(),
            sha256: Checksum::default(),
            error: Some(
                ReadError::because(Cause::ReaderFailed).issue(Location::file(&input.display)),
            ),
        }
    }
}

/// Reads one input file, streaming its sheets to `sink`; a failure becomes an error issue, never a panic.
pub fn read_file(input: &InputFile, options: &Options, sink: &mut Sink) -> ReadFile {
    let limits = &options.limits;
    let mut result = ReadFile {
        input: input.clone(),
        sha256: Checksum::default(),
        error: None,
    };
    let location = Location::file(&input.display);
    let bytes = match bytes::load(&input.path) {
        Ok(bytes) => bytes,
        Err(e) => {
            result.error = Some(ReadError::because(Cause::Io(e.to_string())).issue(location));
            return result;
        }
    };
    let named = discover::extension(&input.path);
    let extension = match format_of(&bytes, &named) {
        Ok(extension) => extension,
        Err(problem) => {
            result.sha256 = Checksum::of(&bytes);
            result.error = Some(problem.issue(location));
            return result;
        }
    };
    let outcome = match &options.isolation {
        Some(isolation) if isolated::ISOLATED_EXTENSIONS.contains(&extension) => {
            isolated::read(&input.path, extension, limits, isolation, sink)
        }
        _ => read_bytes_with(&bytes, extension, limits, options.fast_paths, sink),
    };
    result.sha256 = Checksum::in_background(bytes);
    if let Err(e) = outcome {
        result.error = Some(e.issue(location));
    }
    result
}

/// Reads a file's bytes (the entry point the fuzz targets drive): limits first, then the parser.
pub fn read_bytes(
    bytes: &[u8],
    extension: &str,
    limits: &Limits,
    sink: &mut Sink,
) -> Result<(), ReadError> {
    let extension = format_of(bytes, extension)?;
    read_bytes_with(bytes, extension, limits, FastPaths::default(), sink)
}

/// The extension of the reader for these bytes: a text extension as it is, a workbook by what
/// its bytes hold (`sniff`).
fn format_of<'e>(bytes: &[u8], extension: &'e str) -> Result<&'e str, ReadError> {
    if discover::TEXT_EXTENSIONS.contains(&extension) {
        return Ok(extension);
    }
    sniff::workbook_format(bytes, extension).map(|format| format.extension())
}

/// [`read_bytes`] through the workbook fast paths given.
fn read_bytes_with(
    bytes: &[u8],
    extension: &str,
    limits: &Limits,
    fast_paths: FastPaths,
    sink: &mut Sink,
) -> Result<(), ReadError> {
    if discover::TEXT_EXTENSIONS.contains(&extension) {
        return csv::stream_csv(bytes, limits, sink);
    }
    if matches!(extension, "xlsx" | "xlsm" | "xlsb" | "ods") {
        limits::check_zip(bytes, limits)?;
    }
    if extension == "ods" {
        limits::check_ods_repeats(bytes, limits)?;
    }
    // calamine panics on some crafted files (e.g. a slice out of bounds in its OLE reader, found
    // by fuzzing): that is the file's problem, reported as such.
    let parse = std::panic::AssertUnwindSafe(|| {
        workbook::stream_workbook(bytes, extension, limits, fast_paths, sink)
    });
    std::panic::catch_unwind(parse).unwrap_or_else(|_| {
        Err(ReadError::Unreadable {
            cause: Cause::Corrupt,
            detail: "the parser panicked on this file".into(),
        })
    })
}

/// Reads a file on its own thread; the events arrive on the receiver as they are decoded.
pub fn spawn_reader(
    input: InputFile,
    options: Options,
) -> (
    std::sync::mpsc::Receiver<SheetEvent>,
    std::thread::JoinHandle<ReadFile>,
) {
    // A few batches in flight: the reader runs ahead of the typing without piling rows up.
    let (sender, receiver) = std::sync::mpsc::sync_channel(16);
    let handle = std::thread::spawn(move || {
        let clock = crate::timings::Clock::start();
        let mut waiting = std::time::Duration::ZERO;
        let file = read_file(&input, &options, &mut |event| {
            let sent = std::time::Instant::now();
            let open = sender.send(event).is_ok();
            waiting += sent.elapsed();
            open
        });
        clock.report(&format!(
            "reader of {} (waiting for the typing: {:.3} s)",
            input.display,
            waiting.as_secs_f64()
        ));
        file
    });
    (receiver, handle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `fuzz/` (read_xls): calamine 0.38 panics on these files' OLE structure. Read in
    /// the process (no child), the panic is caught and the file reported.
    #[test]
    fn fuzz_regression_the_in_process_reader_catches_parser_panics() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
        for fixture in ["cfb-slice-panic.xls", "cfb-slice-panic-2.xls"] {
            let bytes = std::fs::read(dir.join(fixture)).expect("fixture");
            let outcome = read_bytes(&bytes, "xls", &Limits::default(), &mut |_| true);
            assert!(outcome.is_err(), "{fixture}");
        }
    }
}
