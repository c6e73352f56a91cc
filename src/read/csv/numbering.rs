//! The fields of a text's records numbered by their content, a column at a time, into row batches.

use super::records::Record;
use super::Stop;
use crate::read::RowBatch;
use crate::read::{same_bytes, TextNumbers};

/// Records read but not yet numbered: their fields are numbered a column at a time. A million
/// registrations hold some 200,000 distinct participants, and looking one up is a cache miss;
/// one column's lookups in a row overlap their misses, where a row's twelve lookups in turn
/// waited for each.
#[derive(Default)]
pub(super) struct PendingRecords {
    records: Vec<Record>,
    lines: Vec<u32>,
    /// The records kept, the first `kept` of `records` (the others are buffers to reuse).
    kept: usize,
    numbers: Vec<u32>,
}

/// Small enough for the records' bytes to stay in cache between reading and numbering them.
pub(super) const PENDING_RECORDS: usize = 256;

impl PendingRecords {
    /// The buffer the next record is read into (kept only by [`PendingRecords::keep`]).
    pub(super) fn next_record(&mut self) -> &mut Record {
        if self.records.len() == self.kept {
            self.records.push(Record::default());
        }
        &mut self.records[self.kept]
    }

    /// Keeps the record just read, which begins at `line`.
    pub(super) fn keep(&mut self, line: u32) {
        self.lines.push(line);
        self.kept += 1;
    }

    pub(super) fn is_full(&self) -> bool {
        self.kept >= PENDING_RECORDS
    }

    /// Numbers the kept records' fields, a column at a time, and adds them to `batch` as rows.
    pub(super) fn number_into(
        &mut self,
        batch: &mut RowBatch,
        texts: &mut TextNumbers,
        fresh: &mut Vec<String>,
    ) -> Result<(), Stop> {
        let records = &self.records[..self.kept];
        let width = records.iter().map(|r| r.len()).max().unwrap_or(0);
        // The numbers a column at a time, each column's together (cells are written by row).
        self.numbers.clear();
        for column in 0..width {
            // A session's rows repeat its code, programme, dates: the field of the row above,
            // still in cache, is compared before the table is looked up.
            let mut above: Option<(&[u8], u32)> = None;
            for record in records {
                let number = match record.get(column) {
                    Some(field) => match above {
                        Some((bytes, number)) if same_bytes(bytes, field) => number,
                        _ => {
                            let number = texts.number(field, fresh).ok_or(Stop::Reread)?;
                            above = Some((field, number));
                            number
                        }
                    },
                    None => 0,
                };
                self.numbers.push(number);
            }
        }
        let height = records.len();
        for (row, record) in records.iter().enumerate() {
            batch.push_row(
                self.lines[row],
                (0..record.len()).map(|column| texts.cell(self.numbers[column * height + row])),
            );
        }
        // The record read after them, if any, becomes the first one.
        if self.records.len() > self.kept {
            self.records.swap(0, self.kept);
        }
        self.lines.clear();
        self.kept = 0;
        Ok(())
    }
}
