//! Delimited text files: encoding and delimiter detection (here), records (`records`), their
//! fields numbered into row batches (`numbering`).

mod marks;
mod numbering;
mod records;

use super::cell::RowBatch;
use super::texts::{has_lone_cr, TextNumbers};
use super::Limits;
use super::{Cause, ReadError, SheetEvent, Sink, BATCH_ROWS};
use numbering::PendingRecords;
use records::Records;
use std::borrow::Cow;

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// How many non-blank lines the delimiter is found from.
const DELIMITER_LINES: usize = 30;

/// Streams a CSV/TSV/TXT file as one sheet whose cells are all text.
///
/// A file without byte order mark is read as UTF-8 without checking it all first: each
/// distinct field is checked when first met (a million rows hold a few hundred thousand), and the
/// structure around fields is ASCII, so the file is UTF-8 exactly when every field is. A field
/// that is not sends `SheetEvent::Restart` and the file is read again as Windows-1252, as if it
/// had been checked first.
pub fn stream_csv(bytes: &[u8], limits: &Limits, sink: &mut Sink) -> Result<(), ReadError> {
    if let Some(head) = unchecked_utf8(bytes) {
        match stream_text(bytes, head, false, limits, sink) {
            Err(Stop::Reread) => {
                if !sink(SheetEvent::Restart) {
                    return Ok(());
                }
            }
            Err(Stop::Read(e)) => return Err(e),
            Ok(()) => return Ok(()),
        }
    }
    let decoded = decode(bytes)?;
    // CR-only line ends (old Mac exports) become LF so that lines count like the others;
    // CRLF and LF need no copy.
    let normalized: Cow<str> = if has_lone_cr(decoded.as_bytes()) {
        Cow::Owned(decoded.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        decoded
    };
    match stream_text(normalized.as_bytes(), &normalized, true, limits, sink) {
        Err(Stop::Read(e)) => Err(e),
        // Every field of a decoded text is UTF-8, and its line ends are LF or CRLF.
        Err(Stop::Reread) | Ok(()) => Ok(()),
    }
}

/// Why streaming a text stopped early.
enum Stop {
    Read(ReadError),
    /// A text read as UTF-8 unchecked must be read again decoded: a field is not UTF-8, or a
    /// CR not followed by LF (which a decoded text has made LF) was met.
    Reread,
}

/// The file's first lines, when the file may be read as UTF-8 unchecked: no byte order mark,
/// and first lines (what the `sep=` line and the delimiter are found from) that are UTF-8 and
/// hold no CR-only line end. (A lone CR further on is found while reading: scanning the whole
/// file for one first cost a million-row register a tenth of its reading time.)
fn unchecked_utf8(bytes: &[u8]) -> Option<&str> {
    if [&[0xEF, 0xBB, 0xBF][..], &[0xFF, 0xFE], &[0xFE, 0xFF]]
        .iter()
        .any(|bom| bytes.starts_with(bom))
    {
        return None;
    }
    // The first line, then as many non-blank lines as `detect_delimiter` reads, and one more.
    let mut end = 0;
    let mut non_blank = 0;
    for line_end in memchr::memchr_iter(b'\n', bytes).chain([bytes.len()]) {
        let line = std::str::from_utf8(&bytes[end..line_end]).ok()?;
        end = (line_end + 1).min(bytes.len());
        if !line.trim().is_empty() {
            non_blank += 1;
        }
        if non_blank > DELIMITER_LINES + 1 {
            break;
        }
    }
    // Lines of UTF-8 and their ASCII line ends are UTF-8.
    let head = std::str::from_utf8(&bytes[..end]).ok()?;
    // `end` follows a LF or is the end of the file: a CR before it is lone or not as in the file.
    (!has_lone_cr(&bytes[..end])).then_some(head)
}

/// Streams the records of `bytes`, whose beginning is `head` (the whole text when `checked`:
/// then every field is UTF-8; else each distinct field is checked when first met).
fn stream_text(
    bytes: &[u8],
    head: &str,
    checked: bool,
    limits: &Limits,
    sink: &mut Sink,
) -> Result<(), Stop> {
    let mut cells_left = limits.max_cells;
    let (rest, skipped_lines, forced) = strip_sep_line(head);
    let text = &bytes[head.len() - rest.len()..];
    let delimiter = forced.unwrap_or_else(|| detect_delimiter(rest));
    let mut reader = Records::new(text, delimiter);
    if !sink(SheetEvent::Begin {
        name: String::new(),
        merges: Some(Vec::new()),
        rows_hint: Some(estimate_rows(text)),
        hidden: false,
    }) {
        return Ok(());
    }
    let mut batch = RowBatch::with_capacity(BATCH_ROWS, 0);
    // Fields repeat (sessions, dates, genders): each distinct text is sent once.
    let mut texts = TextNumbers::default();
    let mut fresh = Vec::new();
    let mut send = |batch: RowBatch, fresh: &mut Vec<String>| {
        (fresh.is_empty() || sink(SheetEvent::Texts(std::mem::take(fresh))))
            && sink(SheetEvent::Rows(batch))
    };
    let mut pending = PendingRecords::default();
    let mut next_line = 1 + skipped_lines;
    let mut last_span = 0;
    let mut outcome = Ok(());
    loop {
        let record = pending.next_record();
        let read = reader.read(record);
        // (A decoded text's line ends were all made LF or CRLF: none is lone.)
        if !checked && reader.met_lone_cr() {
            return Err(Stop::Reread);
        }
        match read {
            None => break,
            Some(ended) => {
                // Line breaks inside quoted fields: the record spans more lines (all its fields'
                // bytes are contiguous, counted in one pass). A line split as it is has none.
                let span = if record.is_split_line() {
                    1
                } else {
                    1 + memchr::memchr_iter(b'\n', record.as_slice()).count() as u32
                };
                let width = record.len();
                let line = ended.first_line(span) + skipped_lines;
                // Blank lines csv-core skipped become blank rows, so that they are counted
                // (after the records before them).
                if next_line < line {
                    pending.number_into(&mut batch, &mut texts, &mut fresh)?;
                }
                while next_line < line {
                    batch.start_row(next_line);
                    next_line += 1;
                }
                next_line = line + span;
                last_span = span;
                cells_left = match cells_left.checked_sub(width as u64) {
                    Some(left) => left,
                    None => {
                        // The file's encoding and line ends are those of all of it, including
                        // what is not read.
                        if !checked && (std::str::from_utf8(bytes).is_err() || has_lone_cr(bytes)) {
                            return Err(Stop::Reread);
                        }
                        outcome = Err(ReadError::TooLarge(super::Limit::Cells {
                            max: limits.max_cells,
                        }));
                        break;
                    }
                };
                pending.keep(line);
                if pending.is_full() {
                    pending.number_into(&mut batch, &mut texts, &mut fresh)?;
                }
                if batch.len() >= BATCH_ROWS {
                    let next = RowBatch::with_capacity(BATCH_ROWS, batch.cell_count());
                    if !send(std::mem::replace(&mut batch, next), &mut fresh) {
                        return Ok(());
                    }
                }
            }
        }
    }
    pending.number_into(&mut batch, &mut texts, &mut fresh)?;
    // csv-core takes an unclosed quote to run to the end of the file: say so instead.
    // (A stray `"` inside an unquoted field is legal: only a last record that swallowed lines counts.)
    if outcome.is_ok() && last_span > 1 && memchr::memchr_iter(b'"', text).count() % 2 == 1 {
        let start = batch.last_number().unwrap_or(next_line);
        outcome = Err(ReadError::because(Cause::UnclosedQuote(start)));
        batch.pop_row();
    }
    if !batch.is_empty() && !send(batch, &mut fresh) {
        return Ok(());
    }
    sink(SheetEvent::End);
    outcome.map_err(Stop::Read)
}

/// Lines in the file, estimated from the length of its first lines, with a tenth more: running
/// short by one row would double the buffers sized by it.
fn estimate_rows(text: &[u8]) -> u32 {
    let sample = &text[..text.len().min(64 * 1024)];
    let lines = sample.iter().filter(|&&b| b == b'\n').count().max(1);
    let estimate = text.len() as f64 / sample.len().max(1) as f64 * lines as f64 * 1.1;
    estimate.min(u32::MAX as f64) as u32
}

/// The whole file as one sheet (tests).
#[cfg(test)]
pub fn read_csv(bytes: &[u8]) -> Result<super::Sheet, ReadError> {
    use super::{Cell, Sheet};
    let mut sheet = Sheet::default();
    let mut texts = Vec::new();
    stream_csv(bytes, &Limits::default(), &mut |event| {
        match event {
            SheetEvent::Texts(fresh) => {
                texts.extend(fresh.into_iter().map(|t| Cell::Text(t.into())))
            }
            SheetEvent::Rows(rows) => {
                sheet
                    .rows
                    .extend(rows.iter().map(|r| r.to_row().resolved(&texts)));
            }
            SheetEvent::Restart => {
                sheet = Sheet::default();
                texts.clear();
            }
            _ => {}
        }
        true
    })?;
    Ok(sheet)
}

/// UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; valid UTF-8 is not copied.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ReadError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest).map(Cow::Borrowed).map_err(|e| {
            let (line, field) = place_of(&rest[..e.valid_up_to()]);
            ReadError::because(Cause::InvalidUtf8 { line, field })
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        let (text, _) = encoding_rs::UTF_16LE.decode_with_bom_removal(&bytes[2..]);
        return Ok(Cow::Owned(text.into_owned()));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _) = encoding_rs::UTF_16BE.decode_with_bom_removal(&bytes[2..]);
        return Ok(Cow::Owned(text.into_owned()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(Cow::Owned(text.into_owned()))
        }
    }
}

/// Line and field (1-based) at the end of `valid`, the text before a bad byte.
fn place_of(valid: &[u8]) -> (usize, usize) {
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    // The delimiter is guessed from the valid text; the field counts delimiters outside quotes.
    let text = String::from_utf8_lossy(valid);
    let delimiter = detect_delimiter(&text);
    let field = count_outside_quotes(&String::from_utf8_lossy(&valid[line_start..]), delimiter) + 1;
    (line, field)
}

/// Excel's `sep=;` first line names the delimiter; it is not data.
fn strip_sep_line(text: &str) -> (&str, u32, Option<u8>) {
    let first_end = text.find('\n').unwrap_or(text.len());
    let first = text[..first_end].trim();
    if let Some(sep) = first.strip_prefix("sep=") {
        if let [b] = sep.as_bytes() {
            let rest = &text[first_end..];
            let rest = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix('\n'))
                .or_else(|| rest.strip_prefix('\r'))
                .unwrap_or(rest);
            return (rest, 1, Some(*b));
        }
    }
    (text, 0, None)
}

/// The candidate that splits the first lines into the same number of fields most consistently.
pub fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(DELIMITER_LINES)
        .collect();
    let mut best = (b',', 0usize, 0usize);
    for &delimiter in &DELIMITERS {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| count_outside_quotes(l, delimiter))
            .collect();
        let Some(&most) = counts.iter().max() else {
            continue;
        };
        if most == 0 {
            continue;
        }
        // Lines (title lines apart) that agree on the widest field count.
        let agreeing = counts.iter().filter(|&&c| c == most).count();
        if (agreeing, most) > (best.1, best.2) {
            best = (delimiter, agreeing, most);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for &b in line.as_bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::numbering::PENDING_RECORDS;
    use super::*;
    use crate::read::{Cell, Sheet};

    fn texts(sheet: &Sheet) -> Vec<Vec<String>> {
        sheet
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::display).collect())
            .collect()
    }

    #[test]
    fn semicolon_file_with_sep_line_and_quoted_newline() {
        let sheet =
            read_csv(b"sep=;\r\nDate;Titre\r\n01/02/2024;\"Atelier; 1\nsuite\"\r\n").unwrap();
        assert_eq!(
            texts(&sheet),
            vec![
                vec!["Date", "Titre"],
                vec!["01/02/2024", "Atelier; 1\nsuite"]
            ]
        );
        assert_eq!(sheet.rows[0].number, 2);
        assert_eq!(sheet.rows[1].number, 3);
    }

    #[test]
    fn delimiter_is_detected_despite_a_title_line() {
        assert_eq!(detect_delimiter("Bilan 2024\na;b;c\n1;2,5;3\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(detect_delimiter("a|b\n1|2\n"), b'|');
        assert_eq!(detect_delimiter("a,b\n1,2\n"), b',');
    }

    #[test]
    fn windows_1252_is_the_fallback_encoding() {
        assert_eq!(decode(b"R\xe9alis\xe9").unwrap(), "Réalisé");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "é;b".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), "é;b");
    }

    #[test]
    fn bom_with_invalid_utf8_names_the_line_and_field() {
        let err = decode(b"\xEF\xBB\xBFa;b\nok;\xff\n").unwrap_err();
        assert_eq!(
            err,
            ReadError::because(Cause::InvalidUtf8 { line: 2, field: 2 })
        );
    }

    #[test]
    fn a_stray_quote_in_an_unquoted_field_is_text() {
        let sheet = read_csv(b"a;b\nEcran 24\";2\n").unwrap();
        assert_eq!(sheet.rows[1].cells[0], Cell::Text("Ecran 24\"".into()));
    }

    #[test]
    fn an_unclosed_quote_is_an_error_naming_its_line() {
        let err = read_csv(b"a;b\n1;2\n3;\"never closed\n4;5\n").unwrap_err();
        assert_eq!(err, ReadError::because(Cause::UnclosedQuote(3)));
    }

    #[test]
    fn rows_keep_their_physical_line_numbers() {
        let sheet = read_csv(b"a;b\r\n\r\n1;\"x\r\ny\"\r\n2;3\r\n").unwrap();
        let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![1, 2, 3, 5]);
        assert!(sheet.rows[1].is_blank());
    }

    #[test]
    fn rows_numbered_a_column_at_a_time_keep_their_order_lines_and_widths() {
        // Records are numbered in blocks of PENDING_RECORDS: blank lines just before and after
        // a block's end, rows of three widths and a text first met in a later block.
        let mut file = String::from("a;b;c\n");
        let mut expected: Vec<(u32, Vec<String>)> =
            vec![(1, vec!["a".into(), "b".into(), "c".into()])];
        let mut line = 2;
        for i in 0..PENDING_RECORDS * 2 + 10 {
            if i == PENDING_RECORDS - 2 || i == PENDING_RECORDS {
                file.push('\n');
                expected.push((line, Vec::new()));
                line += 1;
            }
            let cells: Vec<String> = match i % 3 {
                0 => vec![format!("p{}", i % 7)],
                1 => vec![format!("p{i}"), "F".into()],
                _ => vec![
                    "s".into(),
                    format!("p{}", i % 5),
                    format!("late{}", i / 300),
                ],
            };
            file.push_str(&cells.join(";"));
            file.push('\n');
            expected.push((line, cells));
            line += 1;
        }
        let sheet = read_csv(file.as_bytes()).unwrap();
        let got: Vec<(u32, Vec<String>)> = sheet
            .rows
            .iter()
            .map(|r| {
                (
                    r.number,
                    r.cells.iter().map(|c| c.text().into_owned()).collect(),
                )
            })
            .collect();
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(g, e);
        }
    }

    #[test]
    fn long_fields_many_fields_escaped_quotes_and_no_final_line_end() {
        // The record buffers start empty and grow (fields past 64 bytes, records past 16 fields).
        let long = "é".repeat(200);
        let many: Vec<String> = (0..40).map(|i| format!("f{i}")).collect();
        let file = format!("a;b\n{};\"dit \"\"oui\"\"\"\n{}", long, many.join(";"));
        let sheet = read_csv(file.as_bytes()).unwrap();
        let rows = texts(&sheet);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1], vec![long.as_str(), "dit \"oui\""]);
        assert_eq!(rows[2], many.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(sheet.rows[2].number, 3);
    }

    #[test]
    fn line_numbers_around_blank_lines_quoted_breaks_and_a_last_line_without_end() {
        for end in ["\r\n", "\n"] {
            let file = ["a;b", "", "\"x", "y\";1", "", "", "last;2"].join(end);
            let sheet = read_csv(file.as_bytes()).unwrap();
            let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
            assert_eq!(numbers, vec![1, 2, 3, 5, 6, 7], "{end:?}");
            assert_eq!(texts(&sheet)[5], vec!["last", "2"]);
        }
    }

    #[test]
    fn a_file_found_not_utf8_late_is_read_again_as_windows_1252() {
        // Early rows of ASCII and of bytes that are UTF-8 too (C3 A9 reads « Ã© » in Windows-1252),
        // then, thousands of rows on (several batches sent), a byte that is not UTF-8 (E9: « é »).
        let mut file = b"Nom;Ville\n".to_vec();
        let rows = BATCH_ROWS * 2 + 10;
        for i in 0..rows {
            let town: &[u8] = match i {
                0 => b"Rabat \xC3\xA9",
                i if i == rows - 1 => b"F\xE8s",
                _ => b"Rabat",
            };
            file.extend_from_slice(format!("P{i};").as_bytes());
            file.extend_from_slice(town);
            file.push(b'\n');
        }
        let mut restarts = 0;
        let mut begins = 0;
        stream_csv(&file, &Limits::default(), &mut |event| {
            match event {
                SheetEvent::Restart => restarts += 1,
                SheetEvent::Begin { .. } => begins += 1,
                _ => {}
            }
            true
        })
        .unwrap();
        assert_eq!((restarts, begins), (1, 2));
        let sheet = read_csv(&file).unwrap();
        let rows_read = texts(&sheet);
        assert_eq!(rows_read.len(), rows + 1);
        assert_eq!(rows_read[1], vec!["P0", "Rabat Ã©"]);
        assert_eq!(
            rows_read[rows],
            vec![format!("P{}", rows - 1), "Fès".into()]
        );
        assert_eq!(sheet.rows[rows].number, rows as u32 + 1);
        // A file of UTF-8 all through is read once.
        let utf8 = "Nom;Ville\nP0;Fès\n".repeat(3000);
        let mut restarts = 0;
        stream_csv(utf8.as_bytes(), &Limits::default(), &mut |event| {
            restarts += usize::from(event == SheetEvent::Restart);
            true
        })
        .unwrap();
        assert_eq!(restarts, 0);
    }

    /// Restarts while streaming `file`.
    fn restarts(file: &[u8]) -> usize {
        let mut restarts = 0;
        stream_csv(file, &Limits::default(), &mut |event| {
            restarts += usize::from(event == SheetEvent::Restart);
            true
        })
        .unwrap();
        restarts
    }

    #[test]
    fn a_lone_cr_met_late_reads_the_file_as_if_its_line_ends_were_lf() {
        // Past the first lines (which are checked before reading), a CR without LF: in a plain
        // field, as a line end, on a blank line, ending a quoted record, inside quotes, before a
        // delimiter after a quote, at the very end. Each file reads as its text with every
        // CRLF, then every CR, made LF, which is what a decoded file is read as.
        let head: String = (0..100)
            .map(|i| format!("P{i};\"Rabat\";{i}\r\n"))
            .collect();
        for tail in [
            "x\ry;1;2\r\n",
            "1;2\r3;4\r\n",
            "\n\r\r\n5;6\r\n",
            "\"q\";1\r2;3\r\n",
            "\"x\ry\";1\r\n",
            "\"q\"\r;1\n",
            "7;8\r\n9;10\r",
        ] {
            let file = format!("a;b;c\r\n{head}{tail}");
            let normalized = file.replace("\r\n", "\n").replace('\r', "\n");
            let rows = |text: &str| {
                let sheet = read_csv(text.as_bytes()).unwrap();
                let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
                (numbers, texts(&sheet))
            };
            assert_eq!(rows(&file), rows(&normalized), "{tail:?}");
            // Found while reading, except the last byte: a last line's CR is dropped either way.
            let expected = usize::from(!tail.ends_with("9;10\r"));
            assert_eq!(restarts(file.as_bytes()), expected, "{tail:?}");
        }
        // CRLF line ends and a CRLF inside quotes are read once.
        let crlf = format!("a;b;c\r\n{head}\"x\r\ny\";1;2\r\n");
        assert_eq!(restarts(crlf.as_bytes()), 0);
        assert_eq!(
            texts(&read_csv(crlf.as_bytes()).unwrap())[101],
            vec!["x\r\ny", "1", "2"]
        );
    }

    #[test]
    fn cr_only_line_ends_are_rows() {
        let sheet = read_csv(b"a;b\r1;2\r3;4\r").unwrap();
        assert_eq!(sheet.rows.len(), 3);
        assert_eq!(sheet.rows[2].number, 3);
    }
}
