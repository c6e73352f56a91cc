//! What each shared text of a file became when a field read it.
//!
//! An xlsx file stores each distinct text once and its cells point at it; the reader passes the
//! pointers on (`Cell::Shared`). A million registrations then clean, look up and intern the few
//! thousand texts of the file once each instead of a million times.

use super::categories::Kind;

/// Per shared text, per way of reading it: unset, read as nothing, or a string-table code.
#[derive(Debug, Default)]
pub struct TextMemo {
    slots: Vec<[u32; SLOTS]>,
}

/// How a field reads a text: as plain text, or as a value of a closed list.
#[derive(Debug, Clone, Copy)]
pub enum Reading {
    Text,
    Category(Kind),
}

const SLOTS: usize = 5;
const UNSET: u32 = u32::MAX;
const NOTHING: u32 = u32::MAX - 1;

impl Reading {
    fn slot(self) -> usize {
        match self {
            Reading::Text => 0,
            Reading::Category(Kind::ActivityType) => 1,
            Reading::Category(Kind::Status) => 2,
            Reading::Category(Kind::Gender) => 3,
            Reading::Category(Kind::Modality) => 4,
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
        let index = text as usize;
        if self.slots.len() <= index {
            self.slots.resize(index + 1, [UNSET; SLOTS]);
        }
        let slot = &mut self.slots[index][reading.slot()];
        if *slot == UNSET {
            // String-table codes stay far below the two sentinels (a table that large would
            // not fit in memory).
            *slot = read().unwrap_or(NOTHING);
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
