//! `bilan indicators`: the catalog in use, for people (`describe`) or as TOML (`dump`).

use super::catalog::{Catalog, Kind, Measure, Rule};
use crate::lang::Lang;

/// The catalog in the `bilan.toml` format; fed back as a config it changes nothing.
pub fn dump(catalog: &Catalog) -> String {
    let mut out = String::from(
        "# The indicator catalog in use, in the bilan.toml format (SPEC 5).\n\
         # Used as (part of) a bilan.toml it gives the same output as the catalog it was dumped from.\n\n",
    );
    out.push_str(&catalog.spec.to_toml());
    out
}

fn rule_text(rule: &Rule) -> String {
    match rule {
        Rule::Codes { field, codes } => format!("{field} in [{}]", codes.join(", ")),
        Rule::Texts { field, keys } => format!("{field} in [{}]", keys.join(", ")),
        Rule::Bools { field, values } => format!(
            "{field} in [{}]",
            values
                .iter()
                .map(bool::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Rule::Numbers { field, values } => format!(
            "{field} in [{}]",
            values
                .iter()
                .map(f64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Rule::Filled(fields) => format!("{} filled", fields.join(", ")),
        Rule::Positive(fields) => format!("{} > 0", fields.join(", ")),
    }
}

/// One line per indicator: id, unit, label and definition; building blocks marked.
pub fn describe(catalog: &Catalog, lang: Lang) -> String {
    let mut out = String::new();
    for indicator in &catalog.indicators {
        let definition = match &indicator.kind {
            Kind::Base {
                dataset,
                rules,
                measure,
                year_offset,
            } => {
                let measure = match measure {
                    Measure::Count => "count".to_string(),
                    Measure::Sum(f) => format!("sum of {f}"),
                    Measure::Distinct(f) => format!("distinct {f}"),
                    Measure::Mean(f) => format!("mean of {f}"),
                };
                let year = match year_offset {
                    0 => "Y".to_string(),
                    n if *n > 0 => format!("Y+{n}"),
                    n => format!("Y{n}"),
                };
                let mut text = format!("{measure} of {} in {year}", dataset.name());
                if !rules.is_empty() {
                    text.push_str(" where ");
                    text.push_str(
                        &rules
                            .iter()
                            .map(rule_text)
                            .collect::<Vec<_>>()
                            .join(" and "),
                    );
                }
                text
            }
            Kind::Ratio {
                numerator,
                denominator,
                factor,
            } => format!(
                "{} / {} × {factor}",
                catalog.indicators[*numerator].id, catalog.indicators[*denominator].id
            ),
        };
        let marker = if indicator.hidden {
            " (building block)"
        } else {
            ""
        };
        out.push_str(&format!(
            "{}{marker}\n  {} [{}]\n  {definition}\n",
            indicator.id,
            indicator.label(lang),
            indicator.unit.as_str()
        ));
        if !indicator.breakdowns.is_empty() {
            let dims: Vec<&str> = indicator.breakdowns.iter().map(|d| d.name()).collect();
            out.push_str(&format!("  breakdowns: {}\n", dims.join(", ")));
        }
    }
    out.push_str("\ntables:\n");
    for table in &catalog.tables {
        let columns: Vec<&str> = table
            .columns
            .iter()
            .map(|(name, _)| name.as_str())
            .collect();
        out.push_str(&format!(
            "  {} by {}: {}\n",
            table.id,
            table.dimension.name(),
            columns.join(", ")
        ));
    }
    out
}
