//! Stage 3, indicators: typed datasets to headline figures and breakdown tables.
//!
//! Takes [`Datasets`] and a [`Catalog`]; gives [`Results`] for one reporting year: headline rows,
//! breakdown tables, next year's programme. Entry points: [`Catalog::load`], [`compute`].
//!
//! The catalog (`catalog.toml`, merged with the user's `bilan.toml`) says what to
//! compute; the engine compiles it to Polars lazy expressions, one pass per frame.

mod aggregate;
mod catalog;
mod engine;
mod frames;
mod listing;
mod spec;
mod table;
mod tables;

pub use catalog::{indicator_names, Catalog, CatalogError, Unit};
pub use listing::{dump, entries, table_entries, Condition, Definition};
pub use spec::{CatalogSpec, IndicatorSpec, TableSpec};
pub use table::{Table, TableRow, ValueKind};

use crate::datasets::categories::Categories;
use crate::datasets::{Activity, Datasets};
use chrono::{Datelike, NaiveDate};
use engine::Engine;

#[derive(Debug, thiserror::Error)]
pub enum IndicatorError {
    #[error("aggregation failed: {0}")]
    Polars(#[from] polars::error::PolarsError),
    #[error("the data holds no realised activity and no attended training, so there is no year to report; pass --year")]
    NoYear,
}

/// Where an indicator stands against its target (SPEC 6 `status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Met,
    Close,
    Behind,
    /// No target, or no value to compare with it.
    None,
}

impl Status {
    /// The code of `indicators.csv`, the same in every language.
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Close => "close",
            Status::Behind => "behind",
            Status::None => "none",
        }
    }

    fn of(achievement_pct: Option<f64>, thresholds: Thresholds) -> Status {
        match achievement_pct {
            None => Status::None,
            // Compared on the figure as printed (one decimal), so that 99.96 % reads as met.
            Some(a) if (a * 10.0).round() / 10.0 >= thresholds.met => Status::Met,
            Some(a) if (a * 10.0).round() / 10.0 >= thresholds.close => Status::Close,
            Some(_) => Status::Behind,
        }
    }
}

/// The achievement (in %) from which an indicator is `met`, and `close` (`[status]` of
/// bilan.toml; SPEC 6 defaults 100 and 90).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub met: f64,
    pub close: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            met: 100.0,
            close: 90.0,
        }
    }
}

/// One line of `indicators.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineRow {
    pub id: String,
    /// The indicator's labels; the output picks one.
    pub label: crate::lang::Labels,
    pub unit: Unit,
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub achievement_pct: Option<f64>,
    pub previous_year: Option<f64>,
    pub change_pct: Option<f64>,
    pub status: Status,
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
    /// The catalog's tables, the user breakdowns, then `trend`.
    pub tables: Vec<Table>,
    /// Tables computed for charts only (not written as CSV): `trainees_by_organisation_gender`.
    pub chart_tables: Vec<Table>,
    pub next_year: Vec<PlannedActivity>,
    pub categories: Categories,
    /// Activities of the year dated by their quarter alone, which the by-month tables leave out
    /// (SPEC 2), and of the previous year.
    pub without_month: (usize, usize),
}

impl Results {
    /// A headline indicator by its id.
    pub fn indicator(&self, id: &str) -> Option<&HeadlineRow> {
        self.headline.iter().find(|h| h.id == id)
    }

    /// A written table or a chart-only one.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables
            .iter()
            .chain(&self.chart_tables)
            .find(|t| t.id == id)
    }
}

/// Computes the review; the registrations are moved into Polars and no longer held as rows.
pub fn compute(
    datasets: &mut Datasets,
    catalog: &Catalog,
    categories: &Categories,
    year: Option<i32>,
    thresholds: Thresholds,
) -> Result<Results, IndicatorError> {
    let timings = crate::timings::enabled();
    let started = std::time::Instant::now();
    let registrations = std::mem::take(&mut datasets.registrations);
    let strings = std::mem::take(&mut datasets.strings);
    // The registrations' columns become the training frame's.
    let frames = frames::build(&datasets.activities, registrations, strings)?;
    if timings {
        crate::timings::report("  frames", started.elapsed());
    }
    let engine = Engine::new(catalog, &frames);
    let year = match year {
        Some(year) => year,
        None => engine.default_year()?.ok_or(IndicatorError::NoYear)?,
    };
    let years = engine.years()?;
    let has_previous_year = years.contains(&(year - 1));
    let headline_ids: Vec<usize> = catalog.headline().map(|(i, _)| i).collect();
    let values = engine.total(year)?;
    let previous = if has_previous_year {
        Some(engine.total(year - 1)?)
    } else {
        None
    };
    let headline = headline_ids
        .iter()
        .map(|&i| {
            let indicator = &catalog.indicators[i];
            let value = values[i];
            let target = datasets
                .targets
                .iter()
                .find(|t| t.year == year && t.indicator == indicator.id)
                .map(|t| t.target);
            let previous_year = previous.as_ref().and_then(|p| p[i]);
            // SPEC 4: for an indicator where less is better, target / value.
            let achievement_pct = if indicator.down {
                aggregate::ratio(target, value, 100.0)
            } else {
                aggregate::ratio(value, target, 100.0)
            };
            HeadlineRow {
                id: indicator.id.clone(),
                label: indicator.label.clone(),
                unit: indicator.unit,
                value,
                target,
                achievement_pct,
                status: Status::of(achievement_pct, thresholds),
                previous_year,
                change_pct: match (value, previous_year) {
                    (Some(v), Some(p)) => aggregate::ratio(Some(v - p), Some(p), 100.0),
                    _ => None,
                },
            }
        })
        .collect();
    if timings {
        crate::timings::report("  headline", started.elapsed());
    }
    let chart_def = chart_table_def(&engine);
    let mut defs = tables::table_defs(catalog);
    defs.extend(chart_def.clone());
    tables::prefetch(&engine, year, &defs)?;
    let mut tables = tables::all_tables(&engine, year, categories)?;
    if timings {
        crate::timings::report("  tables", started.elapsed());
    }
    tables.push(tables::trend(&engine)?);
    let chart_tables = chart_def
        .map(|def| tables::build_table(&engine, &def, year, categories))
        .into_iter()
        .collect::<polars::prelude::PolarsResult<Vec<Table>>>()?;
    drop(engine);
    crate::memory::drop_in_background(frames);
    Ok(Results {
        year,
        has_previous_year,
        headline,
        tables,
        chart_tables,
        without_month: (
            without_month(&datasets.activities, year),
            without_month(&datasets.activities, year - 1),
        ),
        next_year: planned_activities(&datasets.activities, year + 1),
        categories: categories.clone(),
    })
}

/// Trainees per organisation and gender, for the stacked chart; built from catalog indicators
/// so that a user who redefines them sees the chart follow.
fn chart_table_def(engine: &Engine) -> Option<catalog::TableDef> {
    let ids = [
        "women_trainees",
        "men_trainees",
        "trainees_with_gender",
        "trainees",
    ];
    let columns: Option<Vec<(String, usize)>> = ids
        .iter()
        .map(|id| engine.catalog.index_of(id).map(|i| (id.to_string(), i)))
        .collect();
    Some(catalog::TableDef {
        id: "trainees_by_organisation_gender".into(),
        dimension: catalog::Dimension::Organisation,
        columns: columns?,
    })
}

fn planned_activities(activities: &[Activity], year: i32) -> Vec<PlannedActivity> {
    let mut list: Vec<&Activity> = activities
        .iter()
        .filter(|a| a.date.year() == year)
        .collect();
    list.sort_by_key(|a| (a.date, a.source));
    list.into_iter()
        .map(|a| PlannedActivity {
            date: a.date,
            activity_type: a.activity_type.clone(),
            title: a.title.clone(),
            axis: a.axis.clone(),
            partners: a.partners.clone(),
        })
        .collect()
}

/// Activities of `year` whose date is known by its quarter alone (no month).
fn without_month(activities: &[Activity], year: i32) -> usize {
    activities
        .iter()
        .filter(|a| {
            a.date.year() == year && a.date_precision == crate::datasets::Precision::Quarter
        })
        .count()
}
