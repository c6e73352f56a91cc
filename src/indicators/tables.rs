//! Breakdown tables: a catalog table (or a user indicator's breakdown) evaluated per
//! category, laid out in the order and with the labels of SPEC 4.

use super::catalog::{Catalog, Dimension, TableDef};
use super::engine::Engine;
use super::table::{Table, TableRow};
use crate::datasets::categories::{Categories, Category, UNSPECIFIED_CODE};
use crate::datasets::normalize_key;
use polars::prelude::PolarsResult;
use std::collections::BTreeMap;

/// Which keys a table lists, in which order.
enum Keys<'a> {
    /// These categories always, zeros included; then other keys that occur (alphabetically); `unspecified` last.
    Fixed(&'a [Category]),
    /// Quarters or months: always every one.
    Calendar(Vec<String>),
    /// Text values as written, alphabetically ignoring case and accents; `unspecified` last.
    Text,
}

fn keys_of(dimension: Dimension, categories: &Categories) -> Keys<'_> {
    match dimension {
        Dimension::Type => Keys::Fixed(&categories.activity_types),
        Dimension::Status => Keys::Fixed(&categories.statuses),
        Dimension::Gender => Keys::Fixed(&categories.genders),
        Dimension::Modality => Keys::Fixed(&categories.modalities),
        Dimension::Quarter => Keys::Calendar((1..=4).map(|q| format!("Q{q}")).collect()),
        Dimension::Month => Keys::Calendar((1..=12).map(|m| m.to_string()).collect()),
        _ => Keys::Text,
    }
}

/// Lays out per-category values: the rows of a table in SPEC 4 order.
fn layout(
    groups: &BTreeMap<Option<String>, Vec<Option<f64>>>,
    dimension: Dimension,
    categories: &Categories,
    empty: &[Option<f64>],
) -> Vec<(String, Vec<Option<f64>>)> {
    let mut rows: Vec<(String, Vec<Option<f64>>)> = Vec::new();
    let values_of = |key: Option<&str>| {
        groups
            .get(&key.map(str::to_string))
            .cloned()
            .unwrap_or_else(|| empty.to_vec())
    };
    let keys = keys_of(dimension, categories);
    match &keys {
        Keys::Fixed(list) => {
            for category in list.iter() {
                rows.push((category.code.clone(), values_of(Some(&category.code))));
            }
        }
        Keys::Calendar(list) => {
            for key in list {
                rows.push((key.clone(), values_of(Some(key))));
            }
        }
        Keys::Text => {}
    }
    if !matches!(keys, Keys::Calendar(_)) {
        let listed: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let mut others: Vec<&String> = groups
            .keys()
            .flatten()
            .filter(|k| !listed.contains(k))
            .collect();
        others.sort_by_key(|k| (normalize_key(k), (*k).clone()));
        for key in others {
            rows.push((key.clone(), values_of(Some(key))));
        }
        // Gender always shows its unspecified row (SPEC 4); other dimensions when a value is missing.
        if dimension == Dimension::Gender || groups.contains_key(&None) {
            rows.push((UNSPECIFIED_CODE.to_string(), values_of(None)));
        }
    }
    rows
}

/// Evaluates a catalog table for `year`.
pub fn build_table(
    engine: &Engine,
    def: &TableDef,
    year: i32,
    categories: &Categories,
) -> PolarsResult<Table> {
    let wanted: Vec<usize> = def.columns.iter().map(|(_, i)| *i).collect();
    let groups = engine.grouped(year, &wanted, def.dimension)?;
    let total = engine.total(year)?;
    let n = engine.catalog.indicators.len();
    // A category with no row: counts are 0, rates and means empty.
    let mut empty: Vec<Option<f64>> = vec![None; n];
    for i in &wanted {
        if engine.is_additive(*i) {
            empty[*i] = Some(0.0);
        }
    }
    let empty = engine.finish(empty);
    let pick = |values: &[Option<f64>]| wanted.iter().map(|i| values[*i]).collect::<Vec<_>>();
    let rows = layout(&groups, def.dimension, categories, &empty)
        .into_iter()
        .map(|(key, values)| TableRow {
            key,
            values: pick(&values),
        })
        .collect();
    Ok(Table {
        id: def.id.clone(),
        key: def.dimension.name(),
        columns: def
            .columns
            .iter()
            .map(|(name, i)| {
                (
                    name.clone(),
                    engine.catalog.indicators[*i].unit.value_kind(),
                )
            })
            .collect(),
        rows,
        total: Some(pick(&total)),
    })
}

/// The tables a catalog defines, then one `ID_by_DIMENSION` table per user breakdown.
pub fn all_tables(engine: &Engine, year: i32, categories: &Categories) -> PolarsResult<Vec<Table>> {
    table_defs(engine.catalog)
        .iter()
        .map(|def| build_table(engine, def, year, categories))
        .collect()
}

/// The tables a catalog defines, then one `ID_by_DIMENSION` table per user breakdown.
pub fn table_defs(catalog: &Catalog) -> Vec<TableDef> {
    let mut defs = catalog.tables.clone();
    for (index, indicator) in catalog.indicators.iter().enumerate() {
        for dimension in &indicator.breakdowns {
            defs.push(TableDef {
                id: format!("{}_by_{}", indicator.id, dimension.name()),
                dimension: *dimension,
                columns: vec![("value".to_string(), index)],
            });
        }
    }
    defs
}

/// Computes once, per breakdown dimension asked for by several tables, the union of their
/// indicators: each table then reads its columns back from the engine's cache (a table and a
/// chart of trainees per organisation would otherwise each scan the registrations).
pub fn prefetch(engine: &Engine, year: i32, defs: &[TableDef]) -> PolarsResult<()> {
    let mut by_dimension: Vec<(Dimension, usize, Vec<usize>)> = Vec::new();
    for def in defs {
        let wanted = def.columns.iter().map(|(_, i)| *i);
        match by_dimension
            .iter_mut()
            .find(|(d, _, _)| *d == def.dimension)
        {
            Some((_, tables, union)) => {
                *tables += 1;
                union.extend(wanted);
            }
            None => by_dimension.push((def.dimension, 1, wanted.collect())),
        }
    }
    for (dimension, tables, mut union) in by_dimension {
        if tables > 1 {
            union.sort_unstable();
            union.dedup();
            engine.grouped(year, &union, dimension)?;
        }
    }
    Ok(())
}

/// The `trend` table: every year holding data, the headline indicators as columns.
pub fn trend(engine: &Engine) -> PolarsResult<Table> {
    let catalog = engine.catalog;
    let headline: Vec<usize> = catalog.headline().map(|(i, _)| i).collect();
    let mut rows = Vec::new();
    for year in engine.years()? {
        let values = engine.total(year)?;
        rows.push(TableRow {
            key: year.to_string(),
            values: headline.iter().map(|i| values[*i]).collect(),
        });
    }
    Ok(Table {
        id: "trend".to_string(),
        key: "year",
        columns: headline
            .iter()
            .map(|i| {
                (
                    catalog.indicators[*i].id.clone(),
                    catalog.indicators[*i].unit.value_kind(),
                )
            })
            .collect(),
        rows,
        total: None,
    })
}
