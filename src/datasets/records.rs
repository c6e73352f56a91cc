//! Typed rows of each dataset, as kept after validation.

use chrono::NaiveDate;
use std::collections::HashSet;
use std::sync::Arc;

/// Where a kept row came from: the sheet's index in the run and the spreadsheet row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Source {
    pub sheet: usize,
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

/// Text fields are shared (`Arc<str>`, interned per file): a million registrations repeat a few
/// thousand sessions, programmes and people, and each row then costs no string allocation.
#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    pub source: Source,
    pub session_id: Arc<str>,
    pub program: Arc<str>,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub hours: f64,
    pub organisation: Arc<str>,
    pub participant_id: Arc<str>,
    /// `F` or `M` (or a code of the config).
    pub gender: Option<Arc<str>>,
    pub category: Option<Arc<str>>,
    pub attended: bool,
    pub modality: Option<Arc<str>>,
    pub satisfaction: Option<f64>,
}

/// One copy of each distinct text of a file.
#[derive(Debug, Default)]
pub struct Interner {
    strings: HashSet<Arc<str>>,
}

impl Interner {
    pub fn intern(&mut self, text: &str) -> Arc<str> {
        if let Some(existing) = self.strings.get(text) {
            return existing.clone();
        }
        let shared: Arc<str> = Arc::from(text);
        self.strings.insert(shared.clone());
        shared
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
