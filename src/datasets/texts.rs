//! What each shared text of a file became when a field read it.
//!
//! The reader sends each distinct text of a file once and its cells as numbers (`Cell::Shared`:
//! xlsx shared strings, CSV fields). A million registrations then clean, look up, intern or parse
//! each distinct text once instead of once per cell.

use super::categories::Kind;

/// Per shared text, per way of reading it: unset, read as nothing (or as an error, which the
/// caller reports again on each row), or the value: a string-table code for texts and
/// categories, else the value's bits (a date's day number, a number's `f64` bits, a boolean).
///
/// One array per way of reading, not one entry per text: a million rows look up a few hundred
/// thousand distinct participants, and an array of their text codes alone stays in cache where
/// an entry of every reading per text (64 bytes) did not (a cache miss per row). Codes take 4
/// bytes, not 8: the participants' array then takes 1 MB, about what a core's L2 cache holds.
#[derive(Debug, Default)]
pub struct TextMemo {
    codes: [Vec<u32>; CODE_SLOTS],
    values: [Vec<u64>; VALUE_SLOTS],
    /// The values read by meaning already reported in this file, by field.
    reported: std::collections::HashSet<(&'static str, String)>,
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

const CODE_SLOTS: usize = 5;
const VALUE_SLOTS: usize = 4;
/// Not read yet, read as nothing: neither is the bit pattern of a number that parsing yields
/// (both are NaNs with a payload).
const VALUE_MARKERS: [u64; 2] = [u64::MAX, u64::MAX - 1];
/// Not read yet, read as nothing: neither is a string-table code (a run would need 2^32 - 2
/// distinct texts).
const CODE_MARKERS: [u32; 2] = [u32::MAX, u32::MAX - 1];

/// Where a reading's results are kept.
enum Slot {
    Code(usize),
    Value(usize),
}

impl Reading {
    fn slot(self) -> Slot {
        match self {
            Reading::Text => Slot::Code(0),
            Reading::Category(Kind::ActivityType) => Slot::Code(1),
            Reading::Category(Kind::Status) => Slot::Code(2),
            Reading::Category(Kind::Gender) => Slot::Code(3),
            Reading::Category(Kind::Modality) => Slot::Code(4),
            Reading::Date => Slot::Value(0),
            Reading::Number => Slot::Value(1),
            Reading::Bool => Slot::Value(2),
            Reading::TotalLabel => Slot::Value(3),
        }
    }
}

/// What `text` reads as in `slots`, computed by `read` the first time only; `[unset, nothing]`
/// mark a text not read yet and one read as nothing.
fn remembered<T: Copy + PartialEq>(
    slots: &mut Vec<T>,
    text: u32,
    [unset, nothing]: [T; 2],
    read: impl FnOnce() -> Option<T>,
) -> Option<T> {
    let index = text as usize;
    if slots.len() <= index {
        slots.resize(index + 1, unset);
    }
    let slot = &mut slots[index];
    if *slot == unset {
        *slot = read()
            .filter(|v| *v != unset && *v != nothing)
            .unwrap_or(nothing);
    }
    (*slot != nothing).then_some(*slot)
}

impl TextMemo {
    /// True the first time `value` of `field` is seen read by meaning in this file.
    pub fn first_meaning(&mut self, field: &'static str, value: &str) -> bool {
        self.reported.insert((field, value.to_string()))
    }

    /// The code shared text `text` reads as (`reading` is a text or category reading),
    /// computed by `read` the first time only.
    pub fn get_or(
        &mut self,
        text: u32,
        reading: Reading,
        read: impl FnOnce() -> Option<u32>,
    ) -> Option<u32> {
        match reading.slot() {
            Slot::Code(slot) => remembered(&mut self.codes[slot], text, CODE_MARKERS, read),
            // A value reading holds bits; a code fits in them.
            Slot::Value(slot) => remembered(&mut self.values[slot], text, VALUE_MARKERS, || {
                read().map(u64::from)
            })
            .and_then(|bits| u32::try_from(bits).ok()),
        }
    }

    /// Reads, ahead of the rows, what the batch's shared texts were read as, so that the
    /// cache misses of a million rows' participants overlap instead of stalling each row.
    pub fn warm(&self, cells: &[crate::read::Cell], reading: Reading) {
        let Slot::Code(slot) = reading.slot() else {
            return;
        };
        let codes = &self.codes[slot];
        let mut sum = 0u32;
        for cell in cells {
            if let crate::read::Cell::Shared(text) = cell {
                sum = sum.wrapping_add(codes.get(*text as usize).copied().unwrap_or(0));
            }
        }
        std::hint::black_box(sum);
    }

    /// The value bits shared text `text` reads as (`reading` is a value reading), computed by
    /// `read` the first time only.
    pub fn bits_or(
        &mut self,
        text: u32,
        reading: Reading,
        read: impl FnOnce() -> Option<u64>,
    ) -> Option<u64> {
        match reading.slot() {
            Slot::Value(slot) => remembered(&mut self.values[slot], text, VALUE_MARKERS, read),
            // A code reading holds codes: bits that are not one are nothing.
            Slot::Code(slot) => remembered(&mut self.codes[slot], text, CODE_MARKERS, || {
                read().and_then(|bits| u32::try_from(bits).ok())
            })
            .map(u64::from),
        }
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

    #[test]
    fn values_are_kept_apart_from_codes() {
        let mut memo = TextMemo::default();
        let half = 0.5f64.to_bits();
        assert_eq!(memo.bits_or(7, Reading::Number, || Some(half)), Some(half));
        assert_eq!(memo.bits_or(7, Reading::Number, || None), Some(half));
        assert_eq!(memo.bits_or(7, Reading::Date, || None), None);
        assert_eq!(memo.bits_or(7, Reading::Date, || Some(1)), None);
        // The text reading of the same text is its own, and a code at the top of the range
        // (below the two markers) is kept.
        assert_eq!(
            memo.get_or(7, Reading::Text, || Some(u32::MAX - 2)),
            Some(u32::MAX - 2)
        );
        assert_eq!(
            memo.get_or(7, Reading::Text, || Some(1)),
            Some(u32::MAX - 2)
        );
    }
}
