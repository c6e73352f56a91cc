//! Stage 1, reading: input files to sheets of raw cells. Knows nothing about datasets.

pub mod cell;
pub mod csv;
pub mod discover;
pub mod workbook;

pub use cell::{Cell, Merge, Row, Sheet};
pub use discover::{discover, InputFile};

use crate::issue::{Code, Issue, Location, Severity};
use sha2::{Digest, Sha256};

/// Why a whole file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("the format `.{0}` is not supported")]
    Unsupported(String),
    #[error("the workbook is password-protected or encrypted")]
    Encrypted,
}

impl ReadError {
    fn code(&self) -> Code {
        match self {
            ReadError::Unreadable(_) => Code::UnreadableFile,
            ReadError::Unsupported(_) => Code::UnsupportedFormat,
            ReadError::Encrypted => Code::EncryptedFile,
        }
    }
}

/// A file after reading: its checksum and sheets, or the issue that stopped it.
#[derive(Debug, Clone)]
pub struct ReadFile {
    pub input: InputFile,
    /// Hex SHA-256 of the bytes read; empty when the file could not be opened.
    pub sha256: String,
    pub sheets: Vec<Sheet>,
    pub error: Option<Issue>,
}

/// Reads one input file; a failure becomes an error issue, never a panic.
pub fn read_file(input: &InputFile) -> ReadFile {
    let mut result = ReadFile {
        input: input.clone(),
        sha256: String::new(),
        sheets: Vec::new(),
        error: None,
    };
    let location = Location {
        file: input.display.clone(),
        ..Location::default()
    };
    let bytes = match std::fs::read(&input.path) {
        Ok(bytes) => bytes,
        Err(e) => {
            result.error = Some(Issue::new(
                Severity::Error,
                Code::UnreadableFile,
                location,
                format!("cannot read the file: {e}"),
            ));
            return result;
        }
    };
    result.sha256 = hex_sha256(&bytes);
    let extension = discover::extension(&input.path);
    if let Some(problem) = sniff(&bytes, &extension) {
        result.error = Some(Issue::new(
            Severity::Error,
            problem.code(),
            location,
            problem.to_string(),
        ));
        return result;
    }
    let sheets = if discover::TEXT_EXTENSIONS.contains(&extension.as_str()) {
        csv::read_csv(&bytes).map(|sheet| vec![sheet])
    } else {
        workbook::read_workbook(bytes, &extension)
    };
    match sheets {
        Ok(sheets) => result.sheets = sheets,
        Err(e) => {
            result.error = Some(Issue::new(
                Severity::Error,
                e.code(),
                location,
                e.to_string(),
            ));
        }
    }
    result
}

/// OLE compound files start with these bytes: .xls workbooks, and password-protected .xlsx.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Problems visible from the first bytes, with a message people can act on.
fn sniff(bytes: &[u8], extension: &str) -> Option<ReadError> {
    if bytes.is_empty() {
        return Some(ReadError::Unreadable("the file is empty".into()));
    }
    let zip_based = matches!(extension, "xlsx" | "xlsm" | "xlsb" | "ods");
    if zip_based && bytes.starts_with(&CFB_MAGIC) {
        // Office saves a password-protected workbook as an encrypted package inside an OLE file.
        return Some(ReadError::Encrypted);
    }
    if zip_based && !bytes.starts_with(b"PK") {
        return Some(ReadError::Unreadable(format!(
            "this is not a .{extension} workbook (it is not a zip archive); a CSV or text file renamed?"
        )));
    }
    None
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
