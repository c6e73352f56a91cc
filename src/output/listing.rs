//! `bilan indicators`: the catalog in use, in the reader's words. Ids, fields, datasets and
//! codes stay as `bilan.toml` spells them, since the listing helps to write one.

use crate::indicators::{Catalog, Condition, Definition};
use crate::lang::Lang;
use crate::words;
use fluent_templates::fluent_bundle::FluentValue;

/// One paragraph per indicator (id, label, unit, definition, breakdowns), then the tables.
pub fn describe(catalog: &Catalog, lang: Lang) -> String {
    let say = |id: &str, args: Vec<(&'static str, FluentValue)>| words::get_with(lang, id, args);
    let mut out = String::new();
    for entry in crate::indicators::entries(catalog) {
        let definition = match &entry.definition {
            Definition::Base {
                measure,
                field,
                dataset,
                year_offset,
                conditions,
            } => {
                let year = match year_offset {
                    0 => "Y".to_string(),
                    n if *n > 0 => format!("Y+{n}"),
                    n => format!("Y{n}"),
                };
                let text = say(
                    &format!("listing-{measure}"),
                    vec![
                        ("field", field.unwrap_or_default().into()),
                        ("dataset", (*dataset).into()),
                        ("year", year.into()),
                    ],
                );
                if conditions.is_empty() {
                    text
                } else {
                    let parts: Vec<String> = conditions
                        .iter()
                        .map(|c| match c {
                            Condition::OneOf { field, values } => say(
                                "listing-one-of",
                                vec![
                                    ("field", field.as_str().into()),
                                    ("values", values.join(", ").into()),
                                ],
                            ),
                            Condition::Filled(fields) => {
                                say("listing-filled", vec![("fields", fields.join(", ").into())])
                            }
                            Condition::Positive(fields) => say(
                                "listing-positive",
                                vec![("fields", fields.join(", ").into())],
                            ),
                        })
                        .collect();
                    say(
                        "listing-where",
                        vec![
                            ("definition", text.into()),
                            (
                                "conditions",
                                parts.join(&words::get(lang, "listing-and")).into(),
                            ),
                        ],
                    )
                }
            }
            Definition::Ratio {
                numerator,
                denominator,
                factor,
            } => format!("{numerator} / {denominator} × {factor}"),
        };
        let name = if entry.hidden {
            say("listing-building-block", vec![("id", entry.id.into())])
        } else {
            entry.id.to_string()
        };
        out.push_str(&format!(
            "{name}\n  {} [{}]\n  {definition}\n",
            entry.label.get(lang),
            entry.unit
        ));
        if !entry.breakdowns.is_empty() {
            out.push_str(&format!(
                "  {}\n",
                say(
                    "listing-breakdowns",
                    vec![("dimensions", entry.breakdowns.join(", ").into())]
                )
            ));
        }
    }
    out.push_str(&format!("\n{}\n", words::get(lang, "listing-tables")));
    for table in crate::indicators::table_entries(catalog) {
        out.push_str(&format!(
            "  {}\n",
            say(
                "listing-table",
                vec![
                    ("id", table.id.into()),
                    ("dimension", table.dimension.into()),
                    ("columns", table.columns.join(", ").into()),
                ],
            )
        ));
    }
    out
}
