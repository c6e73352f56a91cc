//! What the reader's fast paths assume of calamine and zip beyond their documented APIs, in one
//! place. calamine and zip are pinned in `Cargo.toml` to the minor versions these checks passed
//! on; after an upgrade, `cargo test` says whether the assumptions still hold.
//!
//! Each fast path is also checked while it runs: a workbook it fails to read is read again the
//! plain way (`workbook::stream_workbook`), so a broken assumption costs time, never a figure.
//! And `plain_and_fast_paths_read_every_fixture_alike` below reads every workbook fixture both
//! ways and compares the cells.
//!
//! **A1 — shared strings stay in place** (`texts.rs`, `TextNumbers::shared_string`): calamine's
//! streaming xlsx reader hands each shared-string cell as a `&str` borrowed from the workbook's
//! table of shared strings, one allocation per entry, for as long as the reader lives; so the
//! text's address identifies the entry without reading the text.
//! - compile time: [`shared_strings_outlive_each_cell`] stops compiling if the text is borrowed
//!   from the reader call rather than from the workbook;
//! - run time: each address is remembered with its text's length, and a hit with another length
//!   makes the workbook be read the plain way;
//! - test: `a1_equal_shared_strings_share_an_address`.
//!
//! **A2 — a sheet's XML can be cut between two rows** (`split_sheet.rs`): calamine's xlsx cell
//! reader stops at `</sheetData>` without reading the rest of the part (the zip reader checks a
//! part's CRC-32 only when it is read to its very end, and the cut parts no longer match theirs);
//! it takes each row's number from its `r` attribute; it accepts a part whose opening is followed
//! directly by a row from the middle of the sheet.
//! - run time: any error of a split sheet makes the workbook be read the plain way;
//! - tests: `workbook::split_tests` (`split_sheets_read_as_whole_ones`,
//!   `office_suites_files_read_the_same_split`, on files saved by Excel, LibreOffice, Gnumeric
//!   and rust_xlsxwriter) and the differential below.
//!
//! **A3 — a zip archive can be rewritten in memory** (`inflate_ahead.rs`): the zip reader finds
//! the central directory by reading the end of the archive backwards; it reads a *stored* part
//! as the `compressed_size` bytes after its local header, through `Read + Seek`; it checks the
//! CRC-32 of a part read to its end.
//! - run time: a part whose bytes do not match its CRC-32 is an error, and the workbook is read
//!   the plain way;
//! - tests: `inflate_ahead::tests` (`every_part_reads_as_in_the_original_archive`,
//!   `corrupt_deflated_data_is_an_error_not_wrong_bytes`, …) and the differential below.

use calamine::{DataRef, XlsxCellReader};
use std::io::{Read, Seek};

/// A1 at compile time: the text of a shared-string cell lives as long as the reader (`'a`),
/// not just until the next cell. Never called.
#[allow(dead_code)]
fn shared_strings_outlive_each_cell<'a, RS: Read + Seek>(
    reader: &mut XlsxCellReader<'a, RS>,
) -> Option<&'a str> {
    let cell = reader.next_cell().ok()??;
    match cell.get_value() {
        DataRef::SharedString(text) => Some(*text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::workbook::{recorded, stream_workbook, stream_workbook_with, FastPaths};
    use crate::read::Limits;
    use calamine::{open_workbook_from_rs, Xlsx};
    use std::io::Cursor;
    use std::path::{Path, PathBuf};

    #[test]
    fn a1_equal_shared_strings_share_an_address() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (row, text) in ["Atelier", "Forum", "Atelier", "Forum", "Atelier"]
            .iter()
            .enumerate()
        {
            sheet.write_string(row as u32, 0, *text).expect("write");
        }
        let bytes = book.save_to_buffer().expect("save");
        let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("open");
        let mut reader = wb.worksheet_cells_reader("Sheet1").expect("a sheet");
        let mut seen = Vec::new();
        while let Some(cell) = reader.next_cell().expect("a cell") {
            if let DataRef::SharedString(text) = cell.get_value() {
                seen.push((text.to_string(), text.as_ptr() as usize));
            }
        }
        assert_eq!(seen.len(), 5, "every cell is a shared string");
        for (text, address) in &seen {
            for (other, other_address) in &seen {
                assert_eq!(text == other, address == other_address, "{text} / {other}");
            }
        }
    }

    fn workbook_fixtures() -> Vec<PathBuf> {
        fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| {
                    ["xlsx", "xlsm", "xlsb", "ods"].contains(&&*e.to_string_lossy())
                }) {
                    found.push(path);
                }
            }
        }
        let mut found = Vec::new();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        walk(&root.join("tests/fixtures"), &mut found);
        walk(&root.join("data"), &mut found);
        found.sort();
        found
    }

    /// Workbooks written here: shared strings and inline strings (rust_xlsxwriter's constant
    /// memory mode), a sheet large enough (over 1 MB of XML) to be inflated ahead by default,
    /// dates, numbers, booleans, blank rows and a merged header.
    fn written_workbooks() -> Vec<(String, Vec<u8>)> {
        let mut written = Vec::new();
        for constant_memory in [false, true] {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet: &mut rust_xlsxwriter::Worksheet = if constant_memory {
                book.add_worksheet_with_constant_memory().expect("a sheet")
            } else {
                book.add_worksheet()
            };
            let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
            sheet
                .merge_range(0, 0, 0, 3, "Registre", &rust_xlsxwriter::Format::new())
                .expect("merge");
            for row in 2..20_000u32 {
                if row % 97 == 0 {
                    continue;
                }
                let day = rust_xlsxwriter::ExcelDateTime::from_ymd(
                    2024,
                    1 + (row % 12) as u8,
                    1 + (row % 28) as u8,
                )
                .expect("a date");
                sheet
                    .write_string(row, 0, format!("S{}", row / 25))
                    .expect("write");
                sheet
                    .write_string(row, 1, ["Atelier", "Forum", "Réunion"][row as usize % 3])
                    .expect("write");
                sheet
                    .write_datetime_with_format(row, 2, &day, &date)
                    .expect("write");
                sheet
                    .write_number(row, 3, f64::from(row % 7) + 0.5)
                    .expect("write");
                sheet.write_boolean(row, 4, row % 2 == 0).expect("write");
            }
            let name = if constant_memory {
                "inline strings"
            } else {
                "shared strings"
            };
            written.push((name.to_string(), book.save_to_buffer().expect("save")));
        }
        written
    }

    /// Fails with the first event that differs, not the whole reading.
    fn assert_same(read: &(Vec<String>, String), plain: &(Vec<String>, String), what: &str) {
        let first = read.0.iter().zip(&plain.0).position(|(a, b)| a != b);
        assert!(
            read == plain,
            "{what}: {} events ({}) where the plain path has {} ({}); first difference at {first:?}: {:?} / {:?}",
            read.0.len(),
            read.1,
            plain.0.len(),
            plain.1,
            first.map(|i| &read.0[i]),
            first.map(|i| &plain.0[i]),
        );
    }

    /// The fast paths (every sheet split, every part inflated ahead, shared strings by address)
    /// and the plain path read every workbook fixture to the same cells; where the fast paths fail
    /// on a file the plain path reads, the reader's fallback gives the plain cells.
    #[test]
    fn plain_and_fast_paths_read_every_fixture_alike() {
        let every = FastPaths {
            inflate_ahead: true,
            split_from_bytes: 0,
            queue_cells: 20_000,
            shared_by_address: true,
        };
        let limits = Limits::default();
        let mut inputs: Vec<(String, Vec<u8>, String)> = workbook_fixtures()
            .into_iter()
            .map(|path| {
                let extension = path.extension().unwrap_or_default();
                let extension = extension.to_string_lossy().to_string();
                let bytes = std::fs::read(&path).expect("a fixture");
                (path.display().to_string(), bytes, extension)
            })
            .collect();
        inputs.extend(
            written_workbooks()
                .into_iter()
                .map(|(name, bytes)| (name, bytes, "xlsx".to_string())),
        );
        let mut compared = 0;
        for (path, bytes, extension) in &inputs {
            let read = |fast: FastPaths| {
                recorded(|sink| stream_workbook_with(bytes, extension, &limits, sink, fast))
            };
            let plain = read(FastPaths::NONE);
            if plain.1 != "read" {
                continue;
            }
            compared += 1;
            let fast = read(every);
            if fast.1 == "read" {
                assert_same(&fast, &plain, path);
            } else {
                // Only a damaged archive may fail one way only (A2: the cut parts are not read
                // to their end, where the zip reader checks their CRC-32).
                assert!(
                    path.contains("hostile"),
                    "{path}: the fast paths fail ({}) where the plain path reads",
                    fast.1
                );
            }
            let with_fallback = recorded(|sink| {
                stream_workbook(bytes, extension, &limits, FastPaths::default(), sink)
            });
            assert_same(&with_fallback, &plain, path);
        }
        assert!(compared >= 8, "only {compared} workbooks read");
    }
}
