//! Numbers the texts a file repeats, so that each is sent to the typing once (`SheetEvent::Texts`)
//! and its cells travel as `Cell::Shared` numbers instead of copies.
//!
//! A million registrations hold a few hundred thousand distinct texts (people, sessions) and a
//! handful of repeated ones (genders, modalities, dates written as text): copying each cell's text,
//! then cleaning and interning it, costs more than the parsing itself.

use super::cell::Cell;
use std::collections::HashMap;

/// Key -> (text number, text length).
type FastMap<K> = HashMap<K, (u32, u32), foldhash::fast::RandomState>;

/// A number with this bit set is an index of `Numbering::others`, not a text number.
const OTHER: u32 = 1 << 31;

/// The texts sent so far and the cells that are not texts (blank, error values).
#[derive(Default)]
struct Numbering {
    others: Vec<Cell>,
    sent: u32,
}

impl Numbering {
    /// The number of a text met for the first time (added to `fresh` when it is a text).
    fn number(&mut self, text: &str, fresh: &mut Vec<String>) -> u32 {
        match Cell::from_text(text) {
            Cell::Text(text) => {
                fresh.push(text.into());
                self.sent += 1;
                self.sent - 1
            }
            other => {
                self.others.push(other);
                OTHER | (self.others.len() - 1) as u32
            }
        }
    }

    #[inline]
    fn cell(&self, number: u32) -> Cell {
        if number & OTHER == 0 {
            Cell::Shared(number)
        } else {
            self.others[(number & !OTHER) as usize].clone()
        }
    }
}

/// The texts of one file, numbered in one sequence whichever way they are recognised.
#[derive(Default)]
pub struct TextNumbers {
    /// xlsx shared strings, keyed by where calamine holds them. calamine keeps each distinct
    /// string once for the whole workbook and hands out references to it: the address of its text
    /// (distinct for distinct non-empty strings; every empty one reads as an empty cell) identifies
    /// it without reading it. Small entries keep the table in cache: a million rows look it up
    /// ten million times.
    by_address: FastMap<usize>,
    /// CSV fields, keyed by their content. (xlsx inline strings are not: calamine hands them
    /// over as fresh copies, and hashing them cost the reader more than passing them on.)
    by_content: hashbrown::HashTable<(Key, u32)>,
    /// The CSV fields too long to be kept inside their entry, which points here.
    long_keys: Vec<Box<[u8]>>,
    hasher: foldhash::fast::RandomState,
    numbering: Numbering,
}

impl TextNumbers {
    /// How many texts have been numbered: the next text gets this number.
    pub fn numbered(&self) -> u32 {
        self.numbering.sent
    }

    /// Counts `count` texts numbered by another reader of the same file (the second half of a
    /// split sheet), sent after this one's.
    pub fn numbered_elsewhere(&mut self, count: u32) {
        self.numbering.sent += count;
    }

    /// The cell of an xlsx shared string; a text met for the first time is added to `fresh`.
    /// `None` when the address was met before with a text of another length: calamine no longer
    /// holds each shared string in place (`assumptions::shared_strings_are_borrowed`), and the
    /// workbook must be read the plain way.
    pub fn shared_string(&mut self, text: &str, fresh: &mut Vec<String>) -> Option<Cell> {
        let key = text.as_ptr() as usize;
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        let number = match self.by_address.get(&key) {
            Some(&(number, seen)) if seen == len => number,
            Some(_) => return None,
            None => {
                let number = self.numbering.number(text, fresh);
                self.by_address.insert(key, (number, len));
                number
            }
        };
        Some(self.numbering.cell(number))
    }

    /// The number of a text given by its bytes, which [`TextNumbers::cell`] turns into its cell;
    /// a text met for the first time is added to `fresh`. `None` when the bytes are not UTF-8 or
    /// hold a CR not followed by LF (checked once per distinct text): the file must then be
    /// read again, decoded and with its line ends made LF. A `u32` comes back in a register,
    /// where a cell (24 bytes) went through memory, read back before it was all written (a
    /// stall per field of a million rows).
    pub fn number(&mut self, field: &[u8], fresh: &mut Vec<String>) -> Option<u32> {
        use std::hash::BuildHasher;
        let hash = self.hasher.hash_one(field);
        let long_keys = &self.long_keys;
        let found = self
            .by_content
            .find(hash, |(key, _)| same_bytes(key.bytes(long_keys), field))
            .map(|(_, number)| *number);
        let number = match found {
            Some(number) => number,
            None => {
                if has_lone_cr(field) {
                    return None;
                }
                let number = self
                    .numbering
                    .number(std::str::from_utf8(field).ok()?, fresh);
                let key = Key::new(field, &mut self.long_keys);
                let (hasher, long_keys) = (&self.hasher, &self.long_keys);
                self.by_content
                    .insert_unique(hash, (key, number), |(key, _)| {
                        hasher.hash_one(key.bytes(long_keys))
                    });
                number
            }
        };
        Some(number)
    }

    /// The cell of a number [`TextNumbers::number`] gave.
    #[inline]
    pub fn cell(&self, number: u32) -> Cell {
        self.numbering.cell(number)
    }
}

/// A CSV field as the table keeps it: short ones (codes, dates, genders) inside the entry, so
/// that finding one reads one place in memory (a million rows look up some 200,000 distinct
/// participant codes: a key behind a pointer cost a second cache miss per row), in 12 bytes: an
/// entry then takes 16, and the table of a million-row register 8 MB, whose pages the
/// processor's address cache covers (at 32 bytes, its 16 MB missed it on most lookups).
/// The last byte is the length, or `LONG` for a field kept in `TextNumbers::long_keys`, whose
/// index the first four bytes then hold.
#[derive(Clone, Copy)]
struct Key([u8; 12]);

const INLINE_BYTES: usize = 11;
const LONG: u8 = u8::MAX;

impl Key {
    fn new(field: &[u8], long_keys: &mut Vec<Box<[u8]>>) -> Key {
        let mut key = [0; 12];
        if field.len() <= INLINE_BYTES {
            key[..field.len()].copy_from_slice(field);
            // At most INLINE_BYTES, which fits a u8.
            key[INLINE_BYTES] = field.len() as u8;
        } else {
            // A file has fewer than 2^32 distinct fields (they are numbered in a u32).
            key[..4].copy_from_slice(&(long_keys.len() as u32).to_le_bytes());
            key[INLINE_BYTES] = LONG;
            long_keys.push(field.into());
        }
        Key(key)
    }

    fn bytes<'a>(&'a self, long_keys: &'a [Box<[u8]>]) -> &'a [u8] {
        let len = self.0[INLINE_BYTES];
        if len != LONG {
            return &self.0[..usize::from(len)];
        }
        let index = u32::from_le_bytes([self.0[0], self.0[1], self.0[2], self.0[3]]);
        long_keys.get(index as usize).map_or(&[], |k| k)
    }
}

/// Byte equality, short fields (dates, codes, genders) compared inline: a CSV compares a field
/// with its table entry on every cell, and calling `memcmp` for ten bytes cost more than the bytes.
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.len() <= 16 {
        a.iter().zip(b).all(|(x, y)| x == y)
    } else {
        a == b
    }
}

/// A CR not followed by LF: an old Mac line end, or one left in a field.
pub(crate) fn has_lone_cr(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', bytes).any(|at| bytes.get(at + 1) != Some(&b'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    impl TextNumbers {
        fn text(&mut self, field: &[u8], fresh: &mut Vec<String>) -> Option<Cell> {
            let number = self.number(field, fresh)?;
            Some(self.cell(number))
        }
    }

    #[test]
    fn a_text_is_sent_once_and_blank_or_error_texts_are_not_texts() {
        let mut texts = TextNumbers::default();
        let mut fresh = Vec::new();
        let cells: Vec<Cell> = ["F", "M", "F", " ", "#N/A", "F", "#N/A", ""]
            .iter()
            .map(|t| texts.text(t.as_bytes(), &mut fresh).unwrap())
            .collect();
        assert_eq!(fresh, ["F", "M"]);
        assert_eq!(
            cells,
            [
                Cell::Shared(0),
                Cell::Shared(1),
                Cell::Shared(0),
                Cell::Empty,
                Cell::Error("#N/A".into()),
                Cell::Shared(0),
                Cell::Error("#N/A".into()),
                Cell::Empty,
            ]
        );
    }

    #[test]
    fn texts_of_the_same_length_are_told_apart_short_or_long() {
        let mut texts = TextNumbers::default();
        let mut fresh = Vec::new();
        let long_a = "Ministère de la Transition numérique A";
        let long_b = "Ministère de la Transition numérique B";
        // Around the length kept inside an entry (11 bytes): 11 and 12 bytes.
        let edge_a = "Pôle Rabat";
        let edge_b = "Pôle Rabat2";
        assert_eq!(
            (edge_a.len(), edge_b.len()),
            (INLINE_BYTES, INLINE_BYTES + 1)
        );
        let all = [
            "Pôle A", "Pôle B", long_a, long_b, "Pôle A", long_b, edge_a, edge_b, edge_a, edge_b,
        ];
        let cells: Vec<Cell> = all
            .iter()
            .map(|t| texts.text(t.as_bytes(), &mut fresh).unwrap())
            .collect();
        assert_eq!(fresh, ["Pôle A", "Pôle B", long_a, long_b, edge_a, edge_b]);
        assert_eq!(
            cells,
            [0, 1, 2, 3, 0, 3, 4, 5, 4, 5].map(Cell::Shared).to_vec()
        );
    }

    #[test]
    fn shared_strings_are_told_apart_by_address() {
        let strings = [String::from("S1"), String::from("S1"), String::from("S2")];
        let mut texts = TextNumbers::default();
        let mut fresh = Vec::new();
        let cells: Vec<Cell> = [0, 1, 0, 2]
            .iter()
            .map(|&i| texts.shared_string(&strings[i], &mut fresh).unwrap())
            .collect();
        // Two entries of the table with the same text are two texts (the typing cleans them alike).
        assert_eq!(fresh, ["S1", "S1", "S2"]);
        assert_eq!(
            cells,
            [
                Cell::Shared(0),
                Cell::Shared(1),
                Cell::Shared(0),
                Cell::Shared(2)
            ]
        );
    }
}
