//! `bilan indicators`: the catalog in use as data for people (`entries`, put into words by the
//! output) or as TOML (`dump`).

use super::catalog::{Catalog, Kind, Measure, Rule};
use crate::lang::Labels;

/// The catalog in the `bilan.toml` format; fed back as a config it changes nothing.
pub fn dump(catalog: &Catalog) -> String {
    let mut out = String::from(
        "# The indicator catalog in use, in the bilan.toml format (SPEC 5).\n\
         # Used as (part of) a bilan.toml it gives the same output as the catalog it was dumped from.\n\n",
    );
    out.push_str(&catalog.spec.to_toml());
    out
}

/// One indicator of the catalog, as `bilan indicators` lists it.
pub struct Entry<'a> {
    pub id: &'a str,
    pub label: &'a Labels,
    /// The unit as written in the config (`count`, `%`, `hours`…).
    pub unit: &'static str,
    /// A building block of ratios, not in `indicators.csv`.
    pub hidden: bool,
    pub definition: Definition<'a>,
    /// The dimensions of its breakdown tables.
    pub breakdowns: Vec<&'static str>,
}

/// What an indicator computes.
pub enum Definition<'a> {
    /// `measure` (`count`, `sum`, `distinct`, `mean`) of `field` over the rows of `dataset`
    /// in the year Y + `year_offset` that pass every condition.
    Base {
        measure: &'static str,
        field: Option<&'a str>,
        dataset: &'static str,
        year_offset: i32,
        conditions: Vec<Condition>,
    },
    Ratio {
        numerator: &'a str,
        denominator: &'a str,
        factor: f64,
    },
}

/// One condition of a filter.
pub enum Condition {
    /// The field is one of these values (codes, normalised texts, booleans, numbers).
    OneOf { field: String, values: Vec<String> },
    /// Every field has a value.
    Filled(Vec<String>),
    /// Every field is above zero.
    Positive(Vec<String>),
}

/// A table of the catalog: its id, dimension and columns.
pub struct TableEntry<'a> {
    pub id: &'a str,
    pub dimension: &'static str,
    pub columns: Vec<&'a str>,
}

fn condition(rule: &Rule) -> Condition {
    let one_of = |field: &String, values: Vec<String>| Condition::OneOf {
        field: field.clone(),
        values,
    };
    match rule {
        Rule::Codes { field, codes } => one_of(field, codes.clone()),
        Rule::Texts { field, keys } => one_of(field, keys.clone()),
        Rule::Bools { field, values } => {
            one_of(field, values.iter().map(bool::to_string).collect())
        }
        Rule::Numbers { field, values } => {
            one_of(field, values.iter().map(f64::to_string).collect())
        }
        Rule::Filled(fields) => Condition::Filled(fields.clone()),
        Rule::Positive(fields) => Condition::Positive(fields.clone()),
    }
}

/// Every indicator of the catalog, in order.
pub fn entries(catalog: &Catalog) -> Vec<Entry<'_>> {
    catalog
        .indicators
        .iter()
        .map(|indicator| {
            let definition = match &indicator.kind {
                Kind::Base {
                    dataset,
                    rules,
                    measure,
                    year_offset,
                } => {
                    let (measure, field) = match measure {
                        Measure::Count => ("count", None),
                        Measure::Sum(f) => ("sum", Some(f.as_str())),
                        Measure::Distinct(f) => ("distinct", Some(f.as_str())),
                        Measure::Mean(f) => ("mean", Some(f.as_str())),
                    };
                    Definition::Base {
                        measure,
                        field,
                        dataset: dataset.name(),
                        year_offset: *year_offset,
                        conditions: rules.iter().map(condition).collect(),
                    }
                }
                Kind::Ratio {
                    numerator,
                    denominator,
                    factor,
                } => Definition::Ratio {
                    numerator: &catalog.indicators[*numerator].id,
                    denominator: &catalog.indicators[*denominator].id,
                    factor: *factor,
                },
            };
            Entry {
                id: &indicator.id,
                label: &indicator.label,
                unit: indicator.unit.as_str(),
                hidden: indicator.hidden,
                definition,
                breakdowns: indicator.breakdowns.iter().map(|d| d.name()).collect(),
            }
        })
        .collect()
}

/// The catalog's tables, in order.
pub fn table_entries(catalog: &Catalog) -> Vec<TableEntry<'_>> {
    catalog
        .tables
        .iter()
        .map(|table| TableEntry {
            id: &table.id,
            dimension: table.dimension.name(),
            columns: table
                .columns
                .iter()
                .map(|(name, _)| name.as_str())
                .collect(),
        })
        .collect()
}
