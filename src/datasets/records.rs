//! Typed rows of each dataset, as kept after validation.

use super::values::Precision;
use chrono::NaiveDate;

/// Where a kept row came from: the sheet's index in the run and the spreadsheet row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Source {
    /// Index of the sheet among the run's (`u32`: a million records keep this small).
    pub sheet: u32,
    pub row: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub source: Source,
    pub id: Option<String>,
    pub date: NaiveDate,
    /// A date written as a month or a quarter is the first day of it (SPEC 2).
    pub date_precision: Precision,
    pub end_date: Option<NaiveDate>,
    /// A built-in type code, or the value as written for an unknown type.
    pub activity_type: String,
    pub title: Option<String>,
    pub axis: Option<String>,
    pub project: Option<String>,
    pub partners: Vec<String>,
    /// A status code of SPEC 3.1 (or of the config).
    pub status: String,
    pub participants: Option<i64>,
    pub women: Option<i64>,
    pub budget_planned: Option<f64>,
    pub budget_spent: Option<f64>,
    pub location: Option<String>,
}

/// One registration as typed from a row, before it joins the [`Registrations`] columns.
///
/// Text fields are codes into the run's [`StringTable`]: a million registrations repeat a few
/// thousand sessions, programmes and people, so a row costs no string and the columns handed to
/// Polars are plain integers.
#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    pub source: Source,
    pub session_id: u32,
    pub program: u32,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub hours: f64,
    pub organisation: u32,
    pub participant_id: u32,
    /// The code of `F` or `M` (or of a category of the config).
    pub gender: Option<u32>,
    pub category: Option<u32>,
    pub attended: bool,
    pub modality: Option<u32>,
    pub satisfaction: Option<f64>,
}

/// The kept registrations, column by column. Each row is typed straight into these columns,
/// which become the Polars training frame without a copy: a million registrations held as
/// records, then copied into columns, would cost a second pass and twice the memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Registrations {
    pub source: Vec<Source>,
    pub session_id: Vec<u32>,
    pub program: Vec<u32>,
    pub start_date: Vec<NaiveDate>,
    pub end_date: Vec<Option<NaiveDate>>,
    pub hours: Vec<f64>,
    pub organisation: Vec<u32>,
    pub participant_id: Vec<u32>,
    pub gender: Optional<u32>,
    pub category: Optional<u32>,
    pub attended: Vec<bool>,
    pub modality: Optional<u32>,
    pub satisfaction: Optional<f64>,
}

/// A column of optional values held as the values themselves, a marker standing for "none":
/// an `Option<u32>` takes 8 bytes, this 4; a million registrations' columns take 20 MB less,
/// which the typing thread no longer writes to fresh pages, and the values go to Polars as they
/// are, with a validity mask (`indicators::frames`).
#[derive(Debug, Clone, Default)]
pub struct Optional<T: Marker> {
    values: Vec<T>,
}

/// A value that never occurs, standing for "none".
pub trait Marker: Copy {
    const NONE: Self;
    fn is_none(self) -> bool;
}

/// A string-table code: a run would need 2^32 - 1 distinct texts to reach it.
impl Marker for u32 {
    const NONE: u32 = u32::MAX;
    fn is_none(self) -> bool {
        self == u32::NONE
    }
}

/// A satisfaction score: parsed numbers are never NaN.
impl Marker for f64 {
    const NONE: f64 = f64::NAN;
    fn is_none(self) -> bool {
        self.is_nan()
    }
}

impl<T: Marker> Optional<T> {
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn reserve(&mut self, additional: usize) {
        self.values.reserve(additional);
    }

    pub fn push(&mut self, value: Option<T>) {
        self.values.push(value.unwrap_or(T::NONE));
    }

    pub fn get(&self, i: usize) -> Option<T> {
        self.values.get(i).copied().filter(|v| !v.is_none())
    }

    pub fn append(&mut self, other: &mut Optional<T>) {
        self.values.append(&mut other.values);
    }

    /// The values that are not none, to change in place.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.values.iter_mut().filter(|v| !v.is_none())
    }

    /// The values, the marker where there is none.
    pub fn values(&self) -> &[T] {
        &self.values
    }

    pub fn into_values(self) -> Vec<T> {
        self.values
    }
}

impl<T: Marker + PartialEq> PartialEq for Optional<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && (0..self.len()).all(|i| self.get(i) == other.get(i))
    }
}

impl Registrations {
    pub fn len(&self) -> usize {
        self.source.len()
    }

    pub fn is_empty(&self) -> bool {
        self.source.is_empty()
    }

    pub fn reserve(&mut self, additional: usize) {
        self.source.reserve(additional);
        self.session_id.reserve(additional);
        self.program.reserve(additional);
        self.start_date.reserve(additional);
        self.end_date.reserve(additional);
        self.hours.reserve(additional);
        self.organisation.reserve(additional);
        self.participant_id.reserve(additional);
        self.gender.reserve(additional);
        self.category.reserve(additional);
        self.attended.reserve(additional);
        self.modality.reserve(additional);
        self.satisfaction.reserve(additional);
    }

    pub fn push(&mut self, r: Registration) {
        self.source.push(r.source);
        self.session_id.push(r.session_id);
        self.program.push(r.program);
        self.start_date.push(r.start_date);
        self.end_date.push(r.end_date);
        self.hours.push(r.hours);
        self.organisation.push(r.organisation);
        self.participant_id.push(r.participant_id);
        self.gender.push(r.gender);
        self.category.push(r.category);
        self.attended.push(r.attended);
        self.modality.push(r.modality);
        self.satisfaction.push(r.satisfaction);
    }

    /// Row `i` as a record (`None` past the end).
    pub fn get(&self, i: usize) -> Option<Registration> {
        Some(Registration {
            source: *self.source.get(i)?,
            session_id: self.session_id[i],
            program: self.program[i],
            start_date: self.start_date[i],
            end_date: self.end_date[i],
            hours: self.hours[i],
            organisation: self.organisation[i],
            participant_id: self.participant_id[i],
            gender: self.gender.get(i),
            category: self.category.get(i),
            attended: self.attended[i],
            modality: self.modality.get(i),
            satisfaction: self.satisfaction.get(i),
        })
    }

    pub fn iter(&self) -> impl Iterator<Item = Registration> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Keeps the rows whose flag is true (rows past the flags are kept).
    pub fn retain(&mut self, keep: &[bool]) {
        let old = std::mem::take(self);
        self.reserve(old.len());
        for (i, r) in old.iter().enumerate() {
            if keep.get(i).copied().unwrap_or(true) {
                self.push(r);
            }
        }
    }

    pub fn append(&mut self, other: &mut Registrations) {
        self.source.append(&mut other.source);
        self.session_id.append(&mut other.session_id);
        self.program.append(&mut other.program);
        self.start_date.append(&mut other.start_date);
        self.end_date.append(&mut other.end_date);
        self.hours.append(&mut other.hours);
        self.organisation.append(&mut other.organisation);
        self.participant_id.append(&mut other.participant_id);
        self.gender.append(&mut other.gender);
        self.category.append(&mut other.category);
        self.attended.append(&mut other.attended);
        self.modality.append(&mut other.modality);
        self.satisfaction.append(&mut other.satisfaction);
    }

    /// Renumbers the texts (`code`) and moves the sheets by `sheet_offset`, for a file put
    /// together with the files before it.
    pub fn renumber(&mut self, code: impl Fn(u32) -> u32, sheet_offset: u32) {
        for source in &mut self.source {
            source.sheet += sheet_offset;
        }
        for column in [
            &mut self.session_id,
            &mut self.program,
            &mut self.organisation,
            &mut self.participant_id,
        ] {
            column.iter_mut().for_each(|c| *c = code(*c));
        }
        for column in [&mut self.gender, &mut self.category, &mut self.modality] {
            column.values_mut().for_each(|c| *c = code(*c));
        }
    }
}

/// One copy of each distinct text, numbered in order of first appearance.
#[derive(Debug, Default, Clone)]
pub struct StringTable {
    values: Vec<Box<str>>,
    /// The codes, with 32 bits of their text's hash, hashed by their text: each text is held
    /// once, in `values` (a map keyed by the text held a second copy; a million registrations
    /// intern some 200,000 participants). Growing the table rehashes its entries from the bits
    /// kept, not from their texts, which are scattered in memory (a cache miss each).
    index: hashbrown::HashTable<(u32, u32)>,
    /// foldhash, not SipHash: the texts are the run's own, and a million rows look them up
    /// several times each on the typing thread (the critical path of a large workbook).
    hasher: foldhash::fast::RandomState,
}

/// The table's hash of a text from the 32 bits kept: spread over 64 bits, since hashbrown
/// reads its top bits (a multiplication by an odd constant keeps the low bits' spread too).
fn spread(bits: u32) -> u64 {
    u64::from(bits).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl StringTable {
    /// The 32 bits of `text`'s hash the table keeps.
    fn bits(&self, text: &str) -> u32 {
        use std::hash::BuildHasher;
        // The low half of the hash (truncation intended).
        self.hasher.hash_one(text) as u32
    }

    pub fn intern(&mut self, text: &str) -> u32 {
        let bits = self.bits(text);
        let values = &self.values;
        let found = self.index.find(spread(bits), |&(c, b)| {
            b == bits && &*values[c as usize] == text
        });
        if let Some((code, _)) = found {
            return *code;
        }
        let code = self.values.len() as u32;
        self.values.push(text.into());
        self.index
            .insert_unique(spread(bits), (code, bits), |&(_, b)| spread(b));
        code
    }

    pub fn find(&self, text: &str) -> Option<u32> {
        let bits = self.bits(text);
        self.index
            .find(spread(bits), |&(c, b)| {
                b == bits && &*self.values[c as usize] == text
            })
            .map(|(code, _)| *code)
    }

    pub fn get(&self, code: u32) -> &str {
        self.values.get(code as usize).map_or("", |s| s)
    }

    pub fn values(&self) -> &[Box<str>] {
        &self.values
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub source: Source,
    pub year: i32,
    /// Indicator id, resolved from an id or a label.
    pub indicator: String,
    pub target: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registration(row: u32, participant: u32, gender: Option<u32>) -> Registration {
        Registration {
            source: Source { sheet: 0, row },
            session_id: 0,
            program: 1,
            start_date: NaiveDate::from_ymd_opt(2024, 3, 1).expect("a date"),
            end_date: None,
            hours: 6.0,
            organisation: 2,
            participant_id: participant,
            gender,
            category: None,
            attended: true,
            modality: None,
            satisfaction: Some(4.0),
        }
    }

    #[test]
    fn texts_keep_their_codes_as_the_table_grows() {
        // Enough texts for the index to grow many times (each growth rehashes from the kept bits).
        let mut table = StringTable::default();
        let texts: Vec<String> = (0..50_000).map(|i| format!("P{i:06}")).collect();
        for (i, text) in texts.iter().enumerate() {
            assert_eq!(table.intern(text), i as u32);
        }
        for (i, text) in texts.iter().enumerate().step_by(7) {
            assert_eq!(table.intern(text), i as u32);
            assert_eq!(table.find(text), Some(i as u32));
            assert_eq!(table.get(i as u32), text);
        }
        assert_eq!(table.find("P050000"), None);
        assert_eq!(table.values().len(), texts.len());
    }

    #[test]
    fn columns_keep_rows_whole_through_renumbering_and_retain() {
        let mut columns = Registrations::default();
        columns.push(registration(2, 3, Some(4)));
        columns.push(registration(3, 5, None));
        columns.push(registration(4, 6, Some(4)));
        // Codes of this file shift by 10 in the run's table; its sheets come after 2 others.
        columns.renumber(|c| c + 10, 2);
        columns.retain(&[true, false, true]);
        assert_eq!(columns.len(), 2);
        let first = columns.get(0).expect("a row");
        assert_eq!(first.source, Source { sheet: 2, row: 2 });
        assert_eq!(
            (
                first.session_id,
                first.program,
                first.organisation,
                first.participant_id
            ),
            (10, 11, 12, 13)
        );
        assert_eq!((first.gender, first.category), (Some(14), None));
        let second = columns.get(1).expect("a row");
        assert_eq!((second.source.row, second.participant_id), (4, 16));
        assert!(columns.get(2).is_none());

        let mut more = Registrations::default();
        more.push(registration(9, 1, None));
        columns.append(&mut more);
        assert_eq!(columns.len(), 3);
        assert!(more.is_empty());
        assert_eq!(columns.get(2), Some(registration(9, 1, None)));
    }
}
