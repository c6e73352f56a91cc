//! One helper to run named aggregates over a lazy frame, grouped by a key or not.
//!
//! Every figure of bilan goes through here, so that a table's rows and its total
//! row are the same expressions evaluated at two levels (never a sum of rates).

use polars::prelude::*;
use std::collections::BTreeMap;

/// A named aggregate expression.
pub type Agg = (String, Expr);

/// Aggregates for the whole frame, one value per expression.
pub fn total(frame: LazyFrame, aggs: &[Agg]) -> PolarsResult<Vec<Option<f64>>> {
    if aggs.is_empty() {
        return Ok(Vec::new());
    }
    let exprs: Vec<Expr> = aggs
        .iter()
        .map(|(name, e)| e.clone().cast(DataType::Float64).alias(name.as_str()))
        .collect();
    let df = frame.select(exprs).collect()?;
    aggs.iter()
        .map(|(name, _)| Ok(df.column(name)?.f64()?.get(0)))
        .collect()
}

/// Aggregates per value of `key` (a null key is `None`).
pub fn grouped(
    frame: LazyFrame,
    key: &str,
    aggs: &[Agg],
) -> PolarsResult<BTreeMap<Option<String>, Vec<Option<f64>>>> {
    let mut exprs: Vec<Expr> = aggs
        .iter()
        .map(|(name, e)| e.clone().cast(DataType::Float64).alias(name.as_str()))
        .collect();
    if exprs.is_empty() {
        exprs.push(len().alias("_rows"));
    }
    let df = frame.group_by([col(key)]).agg(exprs).collect()?;
    // Keys as text whatever their type or physical layout (a single group may come back as a scalar).
    let keys = df.column(key)?.cast(&DataType::String)?;
    let keys = keys.str()?;
    let columns: Vec<&Float64Chunked> = aggs
        .iter()
        .map(|(name, _)| df.column(name)?.f64())
        .collect::<PolarsResult<_>>()?;
    let mut out = BTreeMap::new();
    for i in 0..df.height() {
        let key = keys.get(i).map(str::to_string);
        out.insert(key, columns.iter().map(|c| c.get(i)).collect());
    }
    Ok(out)
}

/// `a / b × factor`, empty when the denominator is zero or missing.
pub fn ratio(a: Option<f64>, b: Option<f64>, factor: f64) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b != 0.0 => Some(a / b * factor),
        _ => None,
    }
}
