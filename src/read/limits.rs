//! Checks made before a parser allocates: what a file declares must fit the `[limits]` of the
//! config (SPEC 5), or the file is a `too-large` error and the run goes on with the others.

use super::{Limit, ReadError};
use std::io::{Cursor, Read};

/// Limits against hostile files (SPEC 5 `[limits]`); checked before a parser allocates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_cells: u64,
    pub max_inflated_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_cells: 50_000_000,
            max_inflated_bytes: 2_000_000_000,
        }
    }
}

/// An entry this much larger than its compressed size is a zip bomb, not a workbook
/// (real sheets compress 5 to 50 times; the check applies from 10 MB up).
const MAX_RATIO: u64 = 1_000;
const RATIO_FROM_BYTES: u64 = 10_000_000;
/// More entries than any workbook has.
const MAX_ENTRIES: usize = 100_000;

fn too_large(limit: Limit) -> ReadError {
    ReadError::TooLarge(limit)
}

/// The zip directory of an xlsx/xlsm/xlsb/ods: declared sizes, inflate ratios, entry count.
///
/// The zip reader then refuses any entry that inflates past its declared size, so the declared
/// total bounds the memory calamine can be made to use.
pub fn check_zip(bytes: &[u8], limits: &Limits) -> Result<(), ReadError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Not a readable zip: calamine says why, as an unreadable file.
        return Ok(());
    };
    if archive.len() > MAX_ENTRIES {
        return Err(too_large(Limit::Parts {
            count: archive.len(),
            max: MAX_ENTRIES,
        }));
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(index) else {
            continue;
        };
        let (size, compressed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        if total > limits.max_inflated_bytes {
            return Err(too_large(Limit::Inflated {
                max: limits.max_inflated_bytes,
            }));
        }
        if size > RATIO_FROM_BYTES && size / compressed.max(1) > MAX_RATIO {
            return Err(too_large(Limit::Ratio {
                part: entry.name().unwrap_or_default().to_string(),
                ratio: size / compressed.max(1),
            }));
        }
    }
    Ok(())
}

/// ODS rows and cells can be repeated by a count: the cells with a value that the repeats
/// expand to must fit `limits.max_cells` (empty repeated areas, which LibreOffice writes for
/// every sheet, cost nothing).
pub fn check_ods_repeats(bytes: &[u8], limits: &Limits) -> Result<(), ReadError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    // check_zip has bounded the inflated size already.
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(
        content.take(limits.max_inflated_bytes),
    ));
    let mut buffer = Vec::new();
    let mut row_repeat: u64 = 1;
    let mut cells: u64 = 0;
    loop {
        let event = match reader.read_event_into(&mut buffer) {
            Ok(event) => event,
            // A broken XML file is calamine's to report.
            Err(_) => return Ok(()),
        };
        match event {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.local_name().into_inner() {
                    "table-row" => row_repeat = attribute(&e, "number-rows-repeated").unwrap_or(1),
                    "table-cell" | "covered-table-cell" => {
                        let has_value = e
                            .attributes()
                            .flatten()
                            .any(|a| a.key.local_name().into_inner() == "value-type");
                        if has_value {
                            let repeat = attribute(&e, "number-columns-repeated").unwrap_or(1);
                            cells = cells.saturating_add(row_repeat.saturating_mul(repeat));
                            if cells > limits.max_cells {
                                return Err(too_large(Limit::Cells {
                                    max: limits.max_cells,
                                }));
                            }
                        }
                    }
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => return Ok(()),
            _ => {}
        }
        buffer.clear();
    }
}

fn attribute(element: &quick_xml::events::BytesStart, name: &str) -> Option<u64> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == name)
        .and_then(|a| a.value.parse().ok())
}
