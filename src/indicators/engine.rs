//! Evaluates catalog indicators with Polars: every base indicator becomes one masked
//! aggregate, all of a frame's indicators run in one pass, ratios are then taken from
//! the parts at the same level (a table row, its total, a year).

use super::aggregate::{grouped, ratio, total, Agg};
use super::catalog::{Catalog, Dimension, Kind, Measure, Rule};
use super::frames::Frames;
use crate::datasets::normalize_key;
use crate::datasets::Dataset;
use polars::prelude::*;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// Values indexed like `catalog.indicators` (`None` for indicators not asked for).
pub type Values = Vec<Option<f64>>;

/// One pass over a frame: the indicators it computes, their aggregates, the years it reads.
type Pass = (Vec<usize>, Vec<Agg>, BTreeSet<i32>);

pub struct Engine<'a> {
    pub catalog: &'a Catalog,
    pub frames: &'a Frames,
    /// Base values of every indicator, by year: the headline, each table's total row and the
    /// trend ask for the same figures, which are computed once, in one pass per frame.
    totals: RefCell<BTreeMap<i32, Values>>,
    /// Grouped base values already computed: a table and a chart may break the same figures down
    /// the same way.
    groups: RefCell<Vec<GroupedPass>>,
}

/// A grouped evaluation: what it computed, from which frames over which years, and the results.
struct GroupedPass {
    dimension: Dimension,
    year: i32,
    computed: BTreeSet<usize>,
    years: BTreeMap<Source, BTreeSet<i32>>,
    base: BTreeMap<Option<String>, Values>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Activities,
    ActivityPartners,
    Training,
}

impl<'a> Engine<'a> {
    pub fn new(catalog: &'a Catalog, frames: &'a Frames) -> Self {
        Engine {
            catalog,
            frames,
            totals: RefCell::default(),
            groups: RefCell::default(),
        }
    }

    fn frame(&self, source: Source) -> &DataFrame {
        match source {
            Source::Activities => &self.frames.activities,
            Source::ActivityPartners => &self.frames.activity_partners,
            Source::Training => &self.frames.training,
        }
    }

    /// The wanted indicators and every indicator their ratios need.
    fn closure(&self, wanted: &[usize]) -> BTreeSet<usize> {
        let mut needed = BTreeSet::new();
        let mut stack: Vec<usize> = wanted.to_vec();
        while let Some(i) = stack.pop() {
            if needed.insert(i) {
                if let Kind::Ratio {
                    numerator,
                    denominator,
                    ..
                } = self.catalog.indicators[i].kind
                {
                    stack.push(numerator);
                    stack.push(denominator);
                }
            }
        }
        needed
    }

    /// Base indicators grouped by the frame they read, with their aggregate expressions.
    fn plan(
        &self,
        year: i32,
        wanted: &[usize],
        dimension: Option<Dimension>,
    ) -> PolarsResult<BTreeMap<Source, Pass>> {
        let mut plan: BTreeMap<Source, Pass> = BTreeMap::new();
        let mut masked: Vec<(Source, usize, i32, Option<Expr>, &Measure)> = Vec::new();
        for i in self.closure(wanted) {
            let Kind::Base {
                dataset,
                rules,
                measure,
                year_offset,
            } = &self.catalog.indicators[i].kind
            else {
                continue;
            };
            let touches_partner = matches!(measure, Measure::Distinct(f) if f == "partner")
                || rules
                    .iter()
                    .any(|r| matches!(r, Rule::Texts { field, .. } if field == "partner"));
            let source = match dataset {
                Dataset::Training => Source::Training,
                _ if dimension == Some(Dimension::Partner) || touches_partner => {
                    Source::ActivityPartners
                }
                _ => Source::Activities,
            };
            let target_year = year + year_offset;
            let mut rules_mask: Option<Expr> = None;
            for rule in rules {
                let expr = self.rule_expr(source, rule)?;
                rules_mask = Some(match rules_mask {
                    Some(mask) => mask.and(expr),
                    None => expr,
                });
            }
            let entry = plan.entry(source).or_default();
            entry.0.push(i);
            entry.2.insert(target_year);
            masked.push((source, i, target_year, rules_mask, measure));
        }
        // A pass reads the rows of its years only (`rows_of`): with one year, asking each row's
        // year again is needless, and an aggregate without a mask skips filtering each group's
        // rows (most of the indicators' time on a million registrations).
        for (source, i, target_year, rules_mask, measure) in masked {
            // Every source in `masked` got its pass in the loop above.
            let Some(entry) = plan.get_mut(&source) else {
                continue;
            };
            let mask = if entry.2.len() == 1 {
                rules_mask
            } else {
                let in_year = col("year").eq(lit(target_year));
                Some(match rules_mask {
                    Some(rules) => in_year.and(rules),
                    None => in_year,
                })
            };
            entry
                .1
                .push((format!("i{i}"), measure_expr(source, measure, mask)));
        }
        Ok(plan)
    }

    /// Whether `field` of `source` holds string-table codes instead of text.
    fn coded(&self, source: Source, field: &str) -> bool {
        source == Source::Training && super::frames::CODED.contains(&field)
    }

    fn rule_expr(&self, source: Source, rule: &Rule) -> PolarsResult<Expr> {
        let any_of = |field: &str, values: Vec<Expr>| {
            values
                .into_iter()
                .map(|v| col(field).eq(v))
                .reduce(|a, b| a.or(b))
                .unwrap_or_else(|| lit(false))
        };
        Ok(match rule {
            Rule::Codes { field, codes } if self.coded(source, field) => {
                // A code absent from the data matches no row.
                let found = codes
                    .iter()
                    .filter_map(|c| self.frames.strings.find(c))
                    .map(lit)
                    .collect();
                any_of(field, found)
            }
            Rule::Codes { field, codes } => {
                any_of(field, codes.iter().map(|c| lit(c.as_str())).collect())
            }
            Rule::Texts { field, keys } if self.coded(source, field) => {
                let strings = self.frames.strings.values();
                let found = (0..strings.len() as u32)
                    .filter(|c| keys.contains(&normalize_key(&strings[*c as usize])))
                    .map(lit)
                    .collect();
                any_of(field, found)
            }
            Rule::Bools { field, values } => {
                any_of(field, values.iter().map(|b| lit(*b)).collect())
            }
            Rule::Numbers { field, values } => {
                any_of(field, values.iter().map(|n| lit(*n)).collect())
            }
            Rule::Texts { field, keys } => {
                // Texts match by normalised value: find the values as written that normalise to a key.
                let column = self.frame(source).column(field)?.str()?.clone();
                let written: BTreeSet<&str> = column
                    .iter()
                    .flatten()
                    .filter(|v| keys.contains(&normalize_key(v)))
                    .collect();
                any_of(field, written.into_iter().map(lit).collect())
            }
            Rule::Filled(fields) => fields
                .iter()
                .map(|f| col(f.as_str()).is_not_null())
                .reduce(|a, b| a.and(b))
                .unwrap_or_else(|| lit(true)),
            Rule::Positive(fields) => fields
                .iter()
                .map(|f| col(f.as_str()).gt(lit(0.0)))
                .reduce(|a, b| a.and(b))
                .unwrap_or_else(|| lit(true)),
        })
    }

    /// Rows of a frame in the years the plan reads, so that a table lists the categories of those years only.
    fn rows_of(&self, source: Source, years: &BTreeSet<i32>) -> LazyFrame {
        let in_years = years
            .iter()
            .map(|y| col("year").eq(lit(*y)))
            .reduce(|a, b| a.or(b))
            .unwrap_or_else(|| lit(false));
        self.frame(source).clone().lazy().filter(in_years)
    }

    /// Fills every ratio from its parts, at the level the parts were computed.
    pub fn finish(&self, base: Values) -> Values {
        let mut values = base;
        let mut done = vec![false; values.len()];
        for i in 0..values.len() {
            self.resolve(i, &mut values, &mut done, 0);
        }
        values
    }

    fn resolve(
        &self,
        i: usize,
        values: &mut Values,
        done: &mut [bool],
        depth: usize,
    ) -> Option<f64> {
        if done[i] || depth > values.len() {
            return values[i];
        }
        if let Kind::Ratio {
            numerator,
            denominator,
            factor,
        } = self.catalog.indicators[i].kind
        {
            let a = self.resolve(numerator, values, done, depth + 1);
            let b = self.resolve(denominator, values, done, depth + 1);
            values[i] = ratio(a, b, factor);
        }
        done[i] = true;
        values[i]
    }

    /// Every indicator of the catalog over year `year` (counts with no row are 0).
    ///
    /// Computed once per year, in one pass per frame: the headline, the tables' total rows and
    /// the trend then read the same figures back.
    pub fn total(&self, year: i32) -> PolarsResult<Values> {
        if let Some(base) = self.totals.borrow().get(&year) {
            return Ok(self.finish(base.clone()));
        }
        let every: Vec<usize> = (0..self.catalog.indicators.len()).collect();
        let mut base: Values = vec![None; self.catalog.indicators.len()];
        for (source, (indices, aggs, years)) in self.plan(year, &every, None)? {
            let values = total(self.rows_of(source, &years), &aggs)?;
            for (i, v) in indices.into_iter().zip(values) {
                base[i] = if self.is_additive(i) {
                    Some(v.unwrap_or(0.0))
                } else {
                    v
                };
            }
        }
        self.totals.borrow_mut().insert(year, base.clone());
        Ok(self.finish(base))
    }

    /// The wanted indicators per value of `dimension` (a `None` key is a missing value).
    pub fn grouped(
        &self,
        year: i32,
        wanted: &[usize],
        dimension: Dimension,
    ) -> PolarsResult<BTreeMap<Option<String>, Values>> {
        let n = self.catalog.indicators.len();
        let plan = self.plan(year, wanted, Some(dimension))?;
        let computed: BTreeSet<usize> = plan
            .values()
            .flat_map(|(indices, _, _)| indices.iter().copied())
            .collect();
        let years: BTreeMap<Source, BTreeSet<i32>> = plan
            .iter()
            .map(|(source, (_, _, years))| (*source, years.clone()))
            .collect();
        // The same figures from the same rows (same frames, same years, hence the same groups).
        let cached = self.groups.borrow().iter().find_map(|pass| {
            (pass.dimension == dimension
                && pass.year == year
                && pass.years == years
                && computed.is_subset(&pass.computed))
            .then(|| pass.base.clone())
        });
        if let Some(base) = cached {
            return Ok(base
                .into_iter()
                .map(|(key, row)| (key, self.finish(row)))
                .collect());
        }
        let mut base: BTreeMap<Option<String>, Values> = BTreeMap::new();
        for (source, (indices, aggs, years)) in &plan {
            for (key, values) in grouped(self.rows_of(*source, years), dimension.name(), aggs)? {
                // Coded columns group by code: give the rows their text back.
                let key = match key {
                    Some(code) if self.coded(*source, dimension.name()) => code
                        .parse::<u32>()
                        .ok()
                        .map(|c| self.frames.strings.get(c).to_string()),
                    Some(q) if dimension == Dimension::Quarter => {
                        Some(super::frames::quarter_key(&q))
                    }
                    other => other,
                };
                let row = base.entry(key).or_insert_with(|| vec![None; n]);
                for (i, v) in indices.iter().zip(values) {
                    row[*i] = v;
                }
            }
        }
        // A group without rows for some indicator still counts 0 for counts and sums.
        let additive: Vec<usize> = plan
            .values()
            .flat_map(|(indices, _, _)| indices.iter().copied())
            .filter(|i| self.is_additive(*i))
            .collect();
        for row in base.values_mut() {
            for i in &additive {
                row[*i] = Some(row[*i].unwrap_or(0.0));
            }
        }
        self.groups.borrow_mut().push(GroupedPass {
            dimension,
            year,
            computed,
            years,
            base: base.clone(),
        });
        Ok(base
            .into_iter()
            .map(|(key, row)| (key, self.finish(row)))
            .collect())
    }

    /// Counts, sums and distinct counts are 0 over no rows; a mean is empty.
    pub fn is_additive(&self, i: usize) -> bool {
        matches!(&self.catalog.indicators[i].kind, Kind::Base { measure, .. } if !matches!(measure, Measure::Mean(_)))
    }

    /// Years holding at least one activity or registration, ascending.
    pub fn years(&self) -> PolarsResult<Vec<i32>> {
        let mut years = BTreeSet::new();
        for frame in [&self.frames.activities, &self.frames.training] {
            years.extend(frame.column("year")?.i32()?.iter().flatten());
        }
        Ok(years.into_iter().collect())
    }

    /// SPEC 1: the latest year holding a realised activity or an attended registration.
    pub fn default_year(&self) -> PolarsResult<Option<i32>> {
        let latest = |frame: &DataFrame, mask: Expr| -> PolarsResult<Option<i32>> {
            let df = frame
                .clone()
                .lazy()
                .filter(mask)
                .select([col("year").max()])
                .collect()?;
            Ok(df.column("year")?.i32()?.get(0))
        };
        let a = latest(&self.frames.activities, col("status").eq(lit("realise")))?;
        let t = latest(&self.frames.training, col("attended"))?;
        Ok(a.max(t))
    }
}

/// The aggregate of `measure` over the rows of a group (or frame) that `mask` keeps (all without one).
fn measure_expr(source: Source, measure: &Measure, mask: Option<Expr>) -> Expr {
    let masked = |e: Expr| match &mask {
        Some(mask) => e.filter(mask.clone()),
        None => e,
    };
    match measure {
        Measure::Count if source == Source::ActivityPartners => masked(col("row")).n_unique(),
        Measure::Count => match &mask {
            Some(mask) => mask.clone().cast(DataType::Float64).sum(),
            None => len().cast(DataType::Float64),
        },
        Measure::Sum(field) => masked(col(field.as_str())).sum(),
        // Counted from a hashed `unique_stable`: `n_unique` sorts a whole frame and counts more
        // slowly per group (measured with examples/indicators_bench.rs).
        Measure::Distinct(field) => masked(col(field.as_str()))
            .drop_nulls()
            .unique_stable()
            .len(),
        Measure::Mean(field) => masked(col(field.as_str())).mean(),
    }
}
