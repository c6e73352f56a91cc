//! What each shared text of a file became when a field read it.
//!
//! The reader sends each distinct text of a file once and its cells as numbers (`Cell::Shared`:
//! xlsx shared strings, CSV fields). A million registrations then clean, look up, intern or parse
//! each distinct text once instead of once per cell.

use super::categories::Kind;

/// Per shared text, per way of reading it: unset, read as nothing (or as an error, which the
/// caller reports again on each row), or the value's bits (a string-table code, a date's day
/// number, a number's `f64` bits, a boolean).
///
/// One array per way of reading, not one entry per text: a million rows look up a few hundred
/// thousand distinct participants, and an array of their text codes alone stays in cache where
/// an entry of every reading per text (64 bytes) did not (a cache miss per row).
#[derive(Debug, Default)]
pub struct TextMemo {
    slots: [Vec<u64>; SLOTS],
}

/// How a field reads a text.
#[derive(Debug, Clone, Copy)]
pub enum Reading {
    /// Cleaned and interned.
    Text,
    /// A value of a closed list, interned by its category code.
    Category(Kind),
    Date,
    Number,
    Bool,
    /// Whether the text, first in its row, makes the row a total row (1) or not (0).
    TotalLabel,
}

const SLOTS: usize = 9;
/// Neither is the bit pattern of a number that parsing yields (both are NaNs with a payload).
const UNSET: u64 = u64::MAX;
const NOTHING: u64 = u64::MAX - 1;

impl Reading {
    fn slot(self) -> usize {
        match self {
            Reading::Text => 0,
            Reading::Category(Kind::ActivityType) => 1,
            Reading::Category(Kind::Status) => 2,
            Reading::Category(Kind::Gender) => 3,
            Reading::Category(Kind::Modality) => 4,
            Reading::Date => 5,
            Reading::Number => 6,
            Reading::Bool => 7,
            Reading::TotalLabel => 8,
        }
    }
}

impl TextMemo {
    /// The code shared text `text` reads as, computed by `read` the first time only.
    pub fn get_or(
        &mut self,
        text: u32,
        reading: Reading,
        read: impl FnOnce() -> Option<u32>,
    ) -> Option<u32> {
        self.bits_or(text, reading, || read().map(u64::from))
            .map(|bits| bits as u32)
    }

    /// Reads, ahead of the rows, what the batch's shared texts were read as, so that the
    /// cache misses of a million rows' participants overlap instead of stalling each row.
    pub fn warm(&self, cells: &[crate::read::Cell], reading: Reading) {
        let slots = &self.slots[reading.slot()];
        let mut sum = 0u64;
        for cell in cells {
            if let crate::read::Cell::Shared(text) = cell {
                sum = sum.wrapping_add(slots.get(*text as usize).copied().unwrap_or(0));
            }
        }
        std::hint::black_box(sum);
    }

    /// The value bits shared text `text` reads as, computed by `read` the first time only.
    pub fn bits_or(
        &mut self,
        text: u32,
        reading: Reading,
        read: impl FnOnce() -> Option<u64>,
    ) -> Option<u64> {
        let index = text as usize;
        let slots = &mut self.slots[reading.slot()];
        if slots.len() <= index {
            slots.resize(index + 1, UNSET);
        }
        let slot = &mut slots[index];
        if *slot == UNSET {
            *slot = read()
                .filter(|bits| *bits != UNSET && *bits != NOTHING)
                .unwrap_or(NOTHING);
        }
        (*slot != NOTHING).then_some(*slot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_read_once_per_reading() {
        let mut memo = TextMemo::default();
        let mut calls = 0;
        for _ in 0..3 {
            let code = memo.get_or(7, Reading::Text, || {
                calls += 1;
                Some(42)
            });
            assert_eq!(code, Some(42));
        }
        assert_eq!(calls, 1);
        // Another reading of the same text is computed on its own, and "nothing" is remembered too.
        assert_eq!(
            memo.get_or(7, Reading::Category(Kind::Gender), || None),
            None
        );
        assert_eq!(
            memo.get_or(7, Reading::Category(Kind::Gender), || Some(1)),
            None
        );
        assert_eq!(memo.get_or(0, Reading::Text, || Some(3)), Some(3));
    }
}
