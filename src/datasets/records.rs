//! Typed rows of each dataset, as kept after validation.

use chrono::NaiveDate;
use std::collections::HashMap;

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

/// One copy of each distinct text, numbered in order of first appearance.
#[derive(Debug, Default, Clone)]
pub struct StringTable {
    values: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
}

impl StringTable {
    pub fn intern(&mut self, text: &str) -> u32 {
        if let Some(code) = self.index.get(text) {
            return *code;
        }
        let code = self.values.len() as u32;
        self.values.push(text.into());
        self.index.insert(text.into(), code);
        code
    }

    pub fn find(&self, text: &str) -> Option<u32> {
        self.index.get(text).copied()
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
