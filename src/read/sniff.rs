//! What a file holds, from its first bytes and its zip directory, whatever its extension says.
//!
//! People rename files, and programs save one format under another's extension (a workbook saved
//! as `.xlsx` by a program that writes `.xls` bytes, a web page exported as `.xls`). A workbook
//! is read as what it is; anything else gets a message that names what it is and what to do.

use super::{Cause, ReadError};
use memchr::memmem;

/// The spreadsheet formats bilan reads, by their content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xlsb,
    Ods,
    Xls,
}

impl Format {
    /// The extension calamine's reader for this format goes by.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsb => "xlsb",
            Format::Ods => "ods",
            Format::Xls => "xls",
        }
    }

    fn of_extension(extension: &str) -> Option<Format> {
        match extension {
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "xlsb" => Some(Format::Xlsb),
            "ods" => Some(Format::Ods),
            "xls" => Some(Format::Xls),
            _ => None,
        }
    }
}

/// OLE compound files start with these bytes: .xls workbooks, and password-protected .xlsx.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The format to read a workbook file as (its extension's, unless its bytes say otherwise), or
/// why it cannot be read. Text extensions are not looked at here.
pub fn workbook_format(bytes: &[u8], extension: &str) -> Result<Format, ReadError> {
    let Some(named) = Format::of_extension(extension) else {
        return Err(ReadError::Unsupported(extension.to_string()));
    };
    if bytes.is_empty() {
        return Err(ReadError::because(Cause::Empty));
    }
    if bytes.starts_with(&CFB_MAGIC) {
        // Office saves a password-protected xlsx as an encrypted package inside an OLE file; an
        // OLE file without one is an .xls workbook (whatever it is called).
        return if memmem::find(bytes, &utf16("EncryptedPackage")).is_some() {
            Err(ReadError::Encrypted)
        } else {
            Ok(Format::Xls)
        };
    }
    if bytes.starts_with(b"PK") {
        return zip_format(bytes, named, extension);
    }
    Err(ReadError::because(other_format(bytes, extension)))
}

/// A zip archive: which workbook its parts make, by the names in its directory.
fn zip_format(bytes: &[u8], named: Format, extension: &str) -> Result<Format, ReadError> {
    // The names sit in the central directory, at the end: looked for there first.
    let tail = &bytes[bytes.len().saturating_sub(1 << 20)..];
    let in_tail = |name: &str| memmem::rfind(tail, name.as_bytes()).is_some();
    let markers = ["xl/workbook", "xl/_rels/", "content.xml", "word/", "ppt/"];
    let whole = if markers.iter().any(|m| in_tail(m)) {
        tail
    } else {
        bytes
    };
    let holds = |name: &str| memmem::find(whole, name.as_bytes()).is_some();
    let found = if holds("xl/workbook.bin") {
        Some(Format::Xlsb)
    } else if holds("xl/workbook.xml") || holds("xl/_rels/") {
        Some(Format::Xlsx)
    } else if holds("content.xml") && holds("mimetype") {
        Some(Format::Ods)
    } else {
        None
    };
    match found {
        // A zip that says nothing readable: the extension's reader says what is wrong with it.
        None if named != Format::Xls && !holds("word/document.xml") && !holds("ppt/") => Ok(named),
        None => Err(ReadError::because(Cause::OtherFormat {
            extension: extension.to_string(),
            found: if holds("word/document.xml") {
                "word".into()
            } else if holds("ppt/") {
                "powerpoint".into()
            } else {
                "zip".into()
            },
        })),
        Some(format) => Ok(format),
    }
}

/// What a file that is neither an OLE nor a zip file is, as the message says it.
fn other_format(bytes: &[u8], extension: &str) -> Cause {
    // Excel 2.x to 4.0 wrote a bare BIFF stream: a BOF record (0x0009, 0x0209 or 0x0409) first.
    if let [0x09, version @ (0x00 | 0x02 | 0x04), ..] = bytes {
        return Cause::OldExcel(
            match version {
                0x00 => "2.x",
                0x02 => "3.0",
                _ => "4.0",
            }
            .into(),
        );
    }
    let head = &bytes[..bytes.len().min(2048)];
    let text = String::from_utf8_lossy(head).to_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let found = if text.starts_with("%pdf") {
        "pdf"
    } else if text.contains("urn:schemas-microsoft-com:office:spreadsheet") {
        "xml2003"
    } else if text.starts_with("<!doctype html")
        || text.starts_with("<html")
        || text.contains("<table")
    {
        "html"
    } else if text.starts_with("<?xml") {
        "xml"
    } else if !head.contains(&0) {
        "text"
    } else {
        "other"
    };
    Cause::OtherFormat {
        extension: extension.to_string(),
        found: found.into(),
    }
}

/// A name as an OLE directory spells it (UTF-16, little-endian).
fn utf16(name: &str) -> Vec<u8> {
    name.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cause(bytes: &[u8], extension: &str) -> String {
        match workbook_format(bytes, extension) {
            Err(e) => format!("{e:?}"),
            Ok(format) => format!("{format:?}"),
        }
    }

    #[test]
    fn files_are_read_as_what_they_hold() {
        let mut ole = CFB_MAGIC.to_vec();
        ole.extend([0; 64]);
        assert_eq!(cause(&ole, "xlsx"), "Xls");
        let mut encrypted = ole.clone();
        encrypted.extend(utf16("EncryptedPackage"));
        assert_eq!(cause(&encrypted, "xlsx"), "Encrypted");
        assert_eq!(cause(b"PK\x03\x04 xl/workbook.xml", "xls"), "Xlsx");
        assert_eq!(cause(b"PK\x03\x04 mimetype content.xml", "xlsx"), "Ods");
        assert_eq!(cause(b"PK\x03\x04 xl/workbook.bin", "xlsx"), "Xlsb");
    }

    #[test]
    fn other_formats_are_named() {
        for (bytes, extension, words) in [
            (&b"<html><body><table>"[..], "xls", "html"),
            (b"%PDF-1.4", "xlsx", "pdf"),
            (b"Date;Type\n", "xlsx", "\"text\""),
            (b"\x09\x04\x06\x00", "xls", "OldExcel(\"4.0\")"),
            (b"\x09\x00\x04\x00", "xls", "OldExcel(\"2.x\")"),
            (b"PK\x03\x04 word/document.xml", "xlsx", "\"word\""),
            (b"", "ods", "Empty"),
        ] {
            let message = cause(bytes, extension);
            assert!(message.contains(words), "{message}");
        }
    }
}
