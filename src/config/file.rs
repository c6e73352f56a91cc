//! The `bilan.toml` format of SPEC 5, as serde reads it: unknown keys and wrong types
//! are refused by the TOML parser with its own line, column and caret.

use crate::config::{CsvStyle, Format};
use crate::datasets::DateOrder;
use crate::indicators::{IndicatorSpec, TableSpec};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub year: Option<i32>,
    /// `fr`, `en`, `ar`, or several (`"fr,ar"`).
    pub lang: Option<String>,
    pub out: Option<String>,
    pub data: Option<Vec<String>>,
    pub formats: Option<Vec<Format>>,
    pub csv_style: Option<CsvStyle>,
    pub date_order: Option<DateOrder>,
    /// dataset -> field -> extra header aliases
    #[serde(default)]
    pub aliases: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    /// kind (activity_type, status, gender, modality) -> code -> labels and aliases
    #[serde(default)]
    pub categories: BTreeMap<String, BTreeMap<String, CategorySpec>>,
    #[serde(default)]
    pub sheets: Vec<SheetSpec>,
    #[serde(default)]
    pub indicators: Vec<IndicatorSpec>,
    #[serde(default)]
    pub tables: Vec<TableSpec>,
    #[serde(default)]
    pub limits: LimitsSpec,
    #[serde(default)]
    pub status: StatusSpec,
}

/// `[status]`: the achievement (in %) from which an indicator is `met`, and `close`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusSpec {
    pub met: Option<f64>,
    pub close: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySpec {
    pub fr: String,
    pub en: String,
    #[serde(default)]
    pub ar: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetSpec {
    pub file: String,
    /// Empty or absent for a CSV file.
    #[serde(default)]
    pub sheet: String,
    pub dataset: String,
    pub header_row: Option<u32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsSpec {
    pub max_cells: Option<u64>,
    pub max_inflated_bytes: Option<u64>,
}

pub fn parse(text: &str) -> Result<ConfigFile, toml::de::Error> {
    toml::from_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_of_the_spec_parses() {
        let text = r#"
year = 2024
lang = "fr"
out = "reports"
data = ["data"]
formats = ["csv", "svg", "png", "html", "md"]
csv_style = "standard"
date_order = "dmy"

[aliases.activities]
type = ["Nature de l'action"]

[categories.activity_type.webinaire]
fr = "Webinaire"
en = "Webinar"
aliases = ["webinar", "web-séminaire"]

[[sheets]]
file = "data/suivi 2024.xlsx"
sheet = "Feuil1"
dataset = "activities"
header_row = 4

[[indicators]]
id = "workshops_realised"
label = { fr = "Ateliers réalisés", en = "Workshops held" }
dataset = "activities"
filter = { type = ["atelier"], status = ["realise"] }
measure = "count"
unit = "count"
breakdowns = ["quarter", "partner"]

[[indicators]]
id = "workshop_share"
label = { fr = "Part des ateliers réalisés", en = "Share of workshops" }
ratio = { numerator = "workshops_realised", denominator = "activities_realised", factor = 100 }
unit = "%"

[limits]
max_cells = 50_000_000
max_inflated_bytes = 2_000_000_000
"#;
        let config = parse(text).expect("the SPEC example is valid");
        assert_eq!(config.year, Some(2024));
        assert_eq!(config.indicators.len(), 2);
        assert_eq!(config.sheets[0].header_row, Some(4));
        assert_eq!(
            config.categories["activity_type"]["webinaire"]
                .aliases
                .len(),
            2
        );
    }

    #[test]
    fn an_unknown_key_names_the_key_line_and_column() {
        let err = parse("year = 2024\nlangue = \"fr\"\n")
            .expect_err("unknown key")
            .to_string();
        assert!(err.contains("line 2, column 1"), "{err}");
        assert!(err.contains("langue"), "{err}");
    }

    #[test]
    fn a_wrong_type_names_the_line() {
        let err = parse("year = \"deux mille\"\n")
            .expect_err("wrong type")
            .to_string();
        assert!(err.contains("line 1"), "{err}");
    }

    #[test]
    fn an_unknown_key_inside_an_indicator_is_refused() {
        let text = "[[indicators]]\nid = \"x\"\nlabel = { fr = \"X\", en = \"X\" }\nunit = \"count\"\ndataset = \"activities\"\nmesure = \"count\"\n";
        let err = parse(text).expect_err("unknown key").to_string();
        assert!(err.contains("line 6") && err.contains("mesure"), "{err}");
    }
}
