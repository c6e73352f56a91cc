//! A text's records: lines without a quote split on the delimiter (`marks`), the others read
//! by csv-core; each with the line it begins on.

use super::marks::Marks;

/// The records of a text: lines without a quote split on the delimiter, the others read by
/// csv-core straight from the text (the csv crate's reader copies the text into a buffer of its
/// own first: an eighth of the reading time of a million rows).
pub(super) struct Records<'t> {
    parser: csv_core::Reader,
    /// Where the delimiters, line ends and quotes are.
    marks: Marks<'t>,
    text: &'t [u8],
    /// Where the next record's bytes start (or the line end before it).
    at: usize,
    /// Line ends read so far.
    lines: u32,
    /// Whether a CR not followed by LF was met between fields (one inside a field is found when
    /// the field is numbered): such a text must be read again with its line ends made LF.
    lone_cr: bool,
}

impl<'t> Records<'t> {
    pub(super) fn new(text: &'t [u8], delimiter: u8) -> Self {
        let mut parser = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        // csv-core drops a byte order mark at the start of what it reads first, which may be the
        // middle of the text here: a call with no room for output reads nothing and clears that.
        let _ = parser.read_record(b"-", &mut [], &mut []);
        Records {
            parser,
            marks: Marks::new(text, delimiter),
            text,
            // A byte order mark at the start is not text (csv-core drops it too).
            at: if text.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            },
            lines: 0,
            lone_cr: false,
        }
    }

    /// Whether a CR not followed by LF ended a line or a record so far (see `lone_cr`).
    pub(super) fn met_lone_cr(&self) -> bool {
        self.lone_cr
    }

    /// Reads the next record into `record`; `None` at the end of the text.
    pub(super) fn read(&mut self, record: &mut Record) -> Option<RecordEnd> {
        self.split_plain_line(record)
            .or_else(|| self.parse_record(record))
    }

    /// A line without a quote, split on the delimiter: what csv-core makes of it, in a fifth of
    /// the time (it reads byte by byte; a line without quotes needs no state). Blank lines before
    /// it are skipped as csv-core skips them. `None` at the end of the text or when the next line
    /// holds a quote (csv-core then reads the record, which may span lines).
    fn split_plain_line(&mut self, record: &mut Record) -> Option<RecordEnd> {
        let text = self.text;
        // Blank lines between records: a CR there is part of a CRLF, or noted.
        while let Some(&byte @ (b'\n' | b'\r')) = text.get(self.at) {
            self.lines += u32::from(byte == b'\n');
            self.at += 1;
            self.lone_cr |= byte == b'\r' && text.get(self.at) != Some(&b'\n');
        }
        let rest = text.get(self.at..).filter(|rest| !rest.is_empty())?;
        // The delimiters up to the line end, unless a quote comes first.
        record.ends.clear();
        let mut line_end = None;
        self.marks.seek(self.at);
        while let Some(at) = self.marks.next_mark() {
            let at = at - self.at;
            match rest[at] {
                b'\n' => {
                    line_end = Some(at);
                    break;
                }
                b'"' => return None,
                _ => record.ends.push(at),
            }
        }
        let (line, ended) = match line_end {
            Some(end) => (&rest[..end], true),
            None => (rest, false),
        };
        let fields = line.strip_suffix(b"\r").unwrap_or(line);
        record.ends.push(fields.len());
        record.bytes.clear();
        record.bytes.extend_from_slice(fields);
        record.len = record.ends.len();
        record.delimited = true;
        self.at += line.len() + usize::from(ended);
        self.lines += u32::from(ended);
        Some(RecordEnd {
            lines_read: self.lines,
            by_line_feed: ended,
        })
    }

    /// The next record, read by csv-core. Between records its state is that of a record start
    /// whatever it read last, so it takes over after split lines as it is (reset, it would take a
    /// byte order mark at the start of the line for the file's and drop it).
    fn parse_record(&mut self, record: &mut Record) -> Option<RecordEnd> {
        use csv_core::ReadRecordResult::*;
        record.delimited = false;
        let lines_before = self.parser.line();
        let (mut written, mut fields) = (0, 0);
        loop {
            // Past the end the input is empty, which tells csv-core the text is over.
            let input = &self.text[self.at.min(self.text.len())..];
            let at_end = input.is_empty();
            let (result, read, wrote, ended) = self.parser.read_record(
                input,
                &mut record.bytes[written..],
                &mut record.ends[fields..],
            );
            self.at += read;
            written += wrote;
            fields += ended;
            match result {
                InputEmpty => continue,
                OutputFull => record.bytes.resize((record.bytes.len() * 2).max(64), 0),
                OutputEndsFull => record.ends.resize((record.ends.len() * 2).max(16), 0),
                Record => {
                    record.len = fields;
                    // csv-core ends a record at a CR outside quotes, LF or not.
                    self.lone_cr |= self.at > 0
                        && self.text.get(self.at - 1) == Some(&b'\r')
                        && self.text.get(self.at) != Some(&b'\n');
                    // csv-core counts the line ends it reads (a text of u32 lines fits).
                    self.lines += (self.parser.line() - lines_before) as u32;
                    return Some(RecordEnd {
                        lines_read: self.lines,
                        // A record the end of the text closed (no line end, or an open quote
                        // that ran to the end) did not end on a line end of its own.
                        by_line_feed: !at_end
                            && self.at > 0
                            && self.text.get(self.at - 1) == Some(&b'\n'),
                    });
                }
                End => return None,
            }
        }
    }
}

/// What csv-core had read when a record ended: the line ends so far (blank lines skipped before
/// the record and line breaks inside its quoted fields included), and whether the record's own
/// line end was one of them (a CRLF record ends at its CR: the LF is read with the next record).
pub(super) struct RecordEnd {
    lines_read: u32,
    by_line_feed: bool,
}

impl RecordEnd {
    /// The line the record begins on, for a record spanning `span` lines.
    pub(super) fn first_line(&self, span: u32) -> u32 {
        // Every line end counted here was read, so the count never goes below 0 (saturating all the same).
        (1 + self.lines_read)
            .saturating_sub(span - 1)
            .saturating_sub(u32::from(self.by_line_feed))
    }
}

/// One record's fields: their bytes one after the other (csv-core's output), or the line they
/// were split from, delimiters included (`delimited`), and where each field ends. The buffers
/// are kept from record to record; csv-core writes into them as they are (`bytes` and `ends`
/// are longer than the record).
#[derive(Default)]
pub(super) struct Record {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
    delimited: bool,
}

impl Record {
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Whether the record is a line split on its delimiters (no quote, no line break inside).
    pub(super) fn is_split_line(&self) -> bool {
        self.delimited
    }

    pub(super) fn get(&self, field: usize) -> Option<&[u8]> {
        if field >= self.len {
            return None;
        }
        let start = match field {
            0 => 0,
            _ => self.ends[field - 1] + usize::from(self.delimited),
        };
        Some(&self.bytes[start..self.ends[field]])
    }

    /// Every field's bytes together (with the delimiters between them for a split line).
    pub(super) fn as_slice(&self) -> &[u8] {
        let end = if self.len == 0 {
            0
        } else {
            self.ends[self.len - 1]
        };
        &self.bytes[..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record of `text` with its first line, lines split where they can be or all by csv-core.
    fn records_of(text: &[u8], split_lines: bool) -> Vec<(Vec<Vec<u8>>, u32)> {
        let mut records = Records::new(text, b';');
        let mut record = Record::default();
        let mut out = Vec::new();
        loop {
            let ended = if split_lines {
                records.read(&mut record)
            } else {
                records.parse_record(&mut record)
            };
            let Some(ended) = ended else {
                return out;
            };
            let fields: Vec<Vec<u8>> = (0..record.len())
                .map(|i| record.get(i).unwrap_or_default().to_vec())
                .collect();
            let span = 1 + memchr::memchr_iter(b'\n', record.as_slice()).count() as u32;
            out.push((fields, ended.first_line(span)));
        }
    }

    #[test]
    fn lines_split_without_csv_core_read_as_csv_core_reads_them() {
        // Texts of pieces drawn at random (a fixed sequence): plain and quoted fields, quotes in
        // the middle of fields, line breaks inside quotes, blank lines, CRLF and LF, no last line end.
        const PIECES: [&str; 14] = [
            "a",
            "bé",
            " ",
            ";",
            ";",
            "\n",
            "\r\n",
            "\n\n",
            "\"q;1\"",
            "\"x\"\"y\"",
            "\"l\nm\"",
            "s\"t",
            "\u{feff}d",
            "\r\n\r\n",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(1);
            assert_eq!(
                records_of(text.as_bytes(), true),
                records_of(text.as_bytes(), false),
                "{text:?}"
            );
        }
    }
}
