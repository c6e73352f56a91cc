//! Typed rows of each dataset, as kept after validation.

use chrono::NaiveDate;

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

#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    pub source: Source,
    pub session_id: String,
    pub program: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub hours: f64,
    pub organisation: String,
    pub participant_id: String,
    /// `F` or `M` (or a code of the config).
    pub gender: Option<String>,
    pub category: Option<String>,
    pub attended: bool,
    pub modality: Option<String>,
    pub satisfaction: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub source: Source,
    pub year: i32,
    /// Indicator id, resolved from an id or a label.
    pub indicator: String,
    pub target: f64,
}
