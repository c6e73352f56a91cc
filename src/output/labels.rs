//! The words of the things the stages only name by code: categories, table rows (categories,
//! quarters, months), indicators, tables and their columns. Chosen here, at the output edge,
//! from the catalogue (`src/locales/*/report.ftl`, `categories.ftl`) or the user's labels.

use crate::datasets::categories::{Categories, Category, Kind, UNSPECIFIED_CODE};
use crate::indicators::{HeadlineRow, Results, Table, TableRow};
use crate::lang::Lang;
use crate::words;

/// A category's label: the catalogue's for a built-in one, the user's for one of bilan.toml.
pub fn category(lang: Lang, kind: Kind, category: &Category) -> String {
    if category.builtin {
        words::get(
            lang,
            &format!("category-{}-{}", kind.config_name(), category.code),
        )
    } else {
        lang.pick(&category.fr, &category.en, category.ar.as_deref())
            .to_string()
    }
}

/// The label of a category code of `kind`; a value no category holds is shown as written.
pub fn category_code(lang: Lang, categories: &Categories, kind: Kind, code: &str) -> String {
    if code == UNSPECIFIED_CODE {
        return words::get(lang, "unspecified");
    }
    categories
        .list(kind)
        .iter()
        .find(|c| c.code == code)
        .map_or_else(|| code.to_string(), |c| category(lang, kind, c))
}

/// The category kind a table's key column holds, if any.
fn kind_of(key: &str) -> Option<Kind> {
    match key {
        "type" => Some(Kind::ActivityType),
        "status" => Some(Kind::Status),
        "gender" => Some(Kind::Gender),
        "modality" => Some(Kind::Modality),
        _ => None,
    }
}

/// The label of a table's row: a category, a quarter, a month, `unspecified`, or the key as
/// written (axes, partners, years).
pub fn row(lang: Lang, table: &Table, row: &TableRow, categories: &Categories) -> String {
    if row.key == UNSPECIFIED_CODE {
        return words::get(lang, "unspecified");
    }
    if let Some(kind) = kind_of(table.key) {
        return category_code(lang, categories, kind, &row.key);
    }
    match table.key {
        "quarter" => match row.key.strip_prefix('Q') {
            Some(n) => words::get_with(lang, "quarter", vec![("quarter", n.to_string().into())]),
            None => row.key.clone(),
        },
        "month" => words::get(lang, &format!("month-{}", row.key)),
        _ => row.key.clone(),
    }
}

/// The rows' labels of a table, in order.
pub fn rows(lang: Lang, table: &Table, categories: &Categories) -> Vec<String> {
    table
        .rows
        .iter()
        .map(|r| row(lang, table, r, categories))
        .collect()
}

/// An indicator's label.
pub fn indicator(lang: Lang, row: &HeadlineRow) -> &str {
    row.label.get(lang)
}

/// A table's title; a user indicator's breakdown (`INDICATOR_by_DIMENSION`) is named after it.
pub fn table_title(id: &str, results: &Results, lang: Lang) -> String {
    if let Some(row) = results.headline.iter().find(|h| {
        id.strip_prefix(h.id.as_str())
            .is_some_and(|rest| rest.starts_with("_by_"))
    }) {
        let dimension = &id[row.id.len() + 4..];
        return words::get_with(
            lang,
            "report-table-by",
            vec![
                ("indicator", indicator(lang, row).to_string().into()),
                (
                    "dimension",
                    column_title(dimension, results, lang).to_lowercase().into(),
                ),
            ],
        );
    }
    let key = format!("table-{id}");
    if words::has(lang, &key) {
        words::get(lang, &key)
    } else {
        id.to_string()
    }
}

/// A column's heading (the CSV keeps the codes): an indicator's label, or the catalogue's word.
pub fn column_title(column: &str, results: &Results, lang: Lang) -> String {
    if let Some(row) = results.indicator(column) {
        return indicator(lang, row).to_string();
    }
    let key = format!("column-{column}");
    if words::has(lang, &key) {
        words::get(lang, &key)
    } else {
        column.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ALL;

    /// Every built-in category has its label in every language of the catalogue, and every
    /// built-in indicator an Arabic label (no silent fallback on French for bilan's own words).
    #[test]
    fn every_builtin_label_exists_in_every_language() {
        let categories = Categories::default();
        for kind in Kind::ALL {
            for category in categories.list(kind) {
                let id = format!("category-{}-{}", kind.config_name(), category.code);
                for lang in ALL {
                    assert!(words::has(lang, &id), "{} {id}", lang.code());
                }
            }
        }
        let spec = crate::indicators::CatalogSpec::default();
        let catalog = crate::indicators::Catalog::load(&spec, &categories).expect("built in");
        for entry in crate::indicators::entries(&catalog) {
            assert!(entry.label.ar.is_some(), "{}", entry.id);
        }
    }

    #[test]
    fn rows_are_labelled_at_the_edge() {
        let categories = Categories::default();
        let table = |key: &'static str, row: &str| {
            let table = Table {
                id: "t".into(),
                key,
                columns: Vec::new(),
                rows: Vec::new(),
                total: None,
            };
            let row = TableRow {
                key: row.into(),
                values: Vec::new(),
            };
            [Lang::Fr, Lang::En, Lang::Ar].map(|lang| super::row(lang, &table, &row, &categories))
        };
        assert_eq!(table("quarter", "Q3"), ["T3", "Q3", "الفصل 3"]);
        assert_eq!(table("month", "8"), ["août", "August", "غشت"]);
        assert_eq!(table("type", "atelier"), ["Atelier", "Workshop", "ورشة"]);
        assert_eq!(table("type", "Webinaire"), ["Webinaire"; 3]);
        assert_eq!(
            table("axis", "unspecified"),
            ["Non renseigné", "Not specified", "غير محدد"]
        );
        assert_eq!(table("axis", "Gouvernance"), ["Gouvernance"; 3]);
    }
}
