//! Stage 3, indicators: the typed datasets to headline figures and breakdown tables (Polars, lazy).

pub mod aggregate;
pub mod catalog;
pub mod frames;
pub mod headline;
pub mod table;
pub mod tables;

pub use catalog::{IndicatorDef, Unit, HEADLINE};
pub use table::{Table, TableRow, ValueKind};

use crate::datasets::{Activity, Datasets};
use crate::Lang;
use chrono::{Datelike, NaiveDate};

#[derive(Debug, thiserror::Error)]
pub enum IndicatorError {
    #[error("aggregation failed: {0}")]
    Polars(#[from] polars::error::PolarsError),
    #[error("the data holds no realised activity and no attended training, so there is no year to report; pass --year")]
    NoYear,
}

/// One line of `indicators.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineRow {
    pub def: IndicatorDef,
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub achievement_pct: Option<f64>,
    pub previous_year: Option<f64>,
    pub change_pct: Option<f64>,
}

/// An activity of the year after the reporting year, for the report's programme list.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedActivity {
    pub date: NaiveDate,
    pub activity_type: String,
    pub title: Option<String>,
    pub axis: Option<String>,
    pub partners: Vec<String>,
}

/// Everything the output stage needs, computed for one reporting year.
#[derive(Debug, Clone)]
pub struct Results {
    pub year: i32,
    /// Whether the data holds the previous year (SPEC 4: otherwise no previous values).
    pub has_previous_year: bool,
    pub headline: Vec<HeadlineRow>,
    /// The breakdown tables in SPEC 4 order, `trend` last.
    pub tables: Vec<Table>,
    pub next_year: Vec<PlannedActivity>,
}

impl Results {
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }
}

pub fn compute(
    datasets: &Datasets,
    year: Option<i32>,
    lang: Lang,
) -> Result<Results, IndicatorError> {
    let frames = frames::build(&datasets.activities, &datasets.registrations)?;
    let sums = headline::sums(&frames)?;
    let year = match year {
        Some(year) => year,
        None => sums.default_year().ok_or(IndicatorError::NoYear)?,
    };
    let has_previous_year = sums.holds(year - 1);
    let values = sums.values(year);
    let previous = has_previous_year.then(|| sums.values(year - 1));
    let headline = HEADLINE
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let value = values[i];
            let target = datasets
                .targets
                .iter()
                .find(|t| t.year == year && t.indicator == def.id)
                .map(|t| t.target);
            let previous_year = previous.as_ref().and_then(|p| p[i]);
            HeadlineRow {
                def: *def,
                value,
                target,
                achievement_pct: aggregate::ratio(value, target, 100.0),
                previous_year,
                change_pct: match (value, previous_year) {
                    (Some(v), Some(p)) => aggregate::ratio(Some(v - p), Some(p), 100.0),
                    _ => None,
                },
            }
        })
        .collect();
    let mut tables = tables::breakdowns(&frames, year, lang)?;
    tables.push(tables::trend(&sums));
    Ok(Results {
        year,
        has_previous_year,
        headline,
        tables,
        next_year: planned_activities(&datasets.activities, year + 1),
    })
}

fn planned_activities(activities: &[Activity], year: i32) -> Vec<PlannedActivity> {
    let mut list: Vec<(&Activity, PlannedActivity)> = activities
        .iter()
        .filter(|a| a.date.year() == year)
        .map(|a| {
            (
                a,
                PlannedActivity {
                    date: a.date,
                    activity_type: a.activity_type.clone(),
                    title: a.title.clone(),
                    axis: a.axis.clone(),
                    partners: a.partners.clone(),
                },
            )
        })
        .collect();
    list.sort_by_key(|(a, _)| (a.date, a.source));
    list.into_iter().map(|(_, p)| p).collect()
}
