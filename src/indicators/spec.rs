//! The indicator format of SPEC 5, as written in `bilan.toml` and in the built-in catalog.
//!
//! These are the raw, serialisable shapes; `catalog.rs` checks them and compiles
//! them into the typed catalog the engine evaluates.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::lang::Labels;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatioSpec {
    pub numerator: String,
    pub denominator: String,
    #[serde(default = "one")]
    pub factor: f64,
}

fn one() -> f64 {
    1.0
}

fn is_zero(n: &i32) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One `[[indicators]]` entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSpec {
    pub id: String,
    pub label: Labels,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<String>,
    /// Field -> allowed values; `filled` and `positive` take field names.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub filter: BTreeMap<String, Vec<toml::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<RatioSpec>,
    pub unit: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub year_offset: i32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub hidden: bool,
    /// `up` (the default: more is better) or `down` (less is better, SPEC 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    pub name: String,
    pub indicator: String,
}

/// One `[[tables]]` entry: a breakdown table whose columns are indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    pub id: String,
    pub dimension: String,
    pub columns: Vec<ColumnSpec>,
}

/// The indicators and tables of a catalog file (the built-in one or the dump).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogSpec {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<TableSpec>,
}

/// The catalog embedded in the binary.
pub const BUILTIN_TOML: &str = include_str!("catalog.toml");

pub fn builtin() -> CatalogSpec {
    // The embedded catalog is parsed by a unit test; a failure here is a build defect, not user input.
    toml::from_str(BUILTIN_TOML).expect("the built-in catalog is valid TOML")
}

impl CatalogSpec {
    /// The user's indicators and tables replace built-in ones with the same id and are appended otherwise.
    pub fn merged_with(mut self, user: &CatalogSpec) -> CatalogSpec {
        for spec in &user.indicators {
            match self.indicators.iter_mut().find(|i| i.id == spec.id) {
                Some(existing) => *existing = spec.clone(),
                None => self.indicators.push(spec.clone()),
            }
        }
        for spec in &user.tables {
            match self.tables.iter_mut().find(|t| t.id == spec.id) {
                Some(existing) => *existing = spec.clone(),
                None => self.tables.push(spec.clone()),
            }
        }
        self
    }

    /// TOML in the layout of `catalog.toml`: one `[[indicators]]` block each, inline tables.
    pub fn to_toml(&self) -> String {
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let list = |values: &[toml::Value]| {
            format!(
                "[{}]",
                values
                    .iter()
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let mut out = String::new();
        for i in &self.indicators {
            out.push_str("[[indicators]]\n");
            out.push_str(&format!("id = {}\n", q(&i.id)));
            let ar = i
                .label
                .ar
                .as_ref()
                .map(|ar| format!(", ar = {}", q(ar)))
                .unwrap_or_default();
            out.push_str(&format!(
                "label = {{ fr = {}, en = {}{ar} }}\n",
                q(&i.label.fr),
                q(&i.label.en)
            ));
            if let Some(dataset) = &i.dataset {
                out.push_str(&format!("dataset = {}\n", q(dataset)));
            }
            if !i.filter.is_empty() {
                let parts: Vec<String> = i
                    .filter
                    .iter()
                    .map(|(k, v)| format!("{k} = {}", list(v)))
                    .collect();
                out.push_str(&format!("filter = {{ {} }}\n", parts.join(", ")));
            }
            if i.year_offset != 0 {
                out.push_str(&format!("year_offset = {}\n", i.year_offset));
            }
            if let Some(measure) = &i.measure {
                out.push_str(&format!("measure = {}\n", q(measure)));
            }
            if let Some(r) = &i.ratio {
                out.push_str(&format!(
                    "ratio = {{ numerator = {}, denominator = {}, factor = {} }}\n",
                    q(&r.numerator),
                    q(&r.denominator),
                    toml::Value::Float(r.factor)
                ));
            }
            out.push_str(&format!("unit = {}\n", q(&i.unit)));
            if !i.breakdowns.is_empty() {
                let dims: Vec<toml::Value> = i
                    .breakdowns
                    .iter()
                    .map(|b| toml::Value::String(b.clone()))
                    .collect();
                out.push_str(&format!("breakdowns = {}\n", list(&dims)));
            }
            if i.hidden {
                out.push_str("hidden = true\n");
            }
            out.push('\n');
        }
        for t in &self.tables {
            out.push_str("[[tables]]\n");
            out.push_str(&format!("id = {}\n", q(&t.id)));
            out.push_str(&format!("dimension = {}\n", q(&t.dimension)));
            out.push_str("columns = [\n");
            for c in &t.columns {
                out.push_str(&format!(
                    "  {{ name = {}, indicator = {} }},\n",
                    q(&c.name),
                    q(&c.indicator)
                ));
            }
            out.push_str("]\n\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_catalog_survives_its_own_dump() {
        let catalog = builtin();
        let again: CatalogSpec =
            toml::from_str(&catalog.to_toml()).expect("the dump is valid TOML");
        assert_eq!(again, catalog);
    }
}
