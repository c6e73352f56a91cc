//! The catalog in use: the built-in indicators and tables, merged with the user's,
//! checked and compiled into typed definitions the engine evaluates.

use super::spec::{CatalogSpec, IndicatorSpec, TableSpec};
use super::table::ValueKind;
use crate::datasets::categories::{self, Categories};
use crate::datasets::Dataset;
use crate::issue::{Arg, Message};

/// A catalog `bilan.toml` cannot be used: what is wrong, as a catalogue message (`catalog-*`).
#[derive(Debug, PartialEq)]
pub struct CatalogError(pub Message);

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "indicator catalog: {}", self.0.id)
    }
}

impl std::error::Error for CatalogError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Unit {
    Count,
    Percent,
    Hours,
    Mad,
    Score,
}

impl Unit {
    pub fn parse(text: &str) -> Option<Unit> {
        match text {
            "count" => Some(Unit::Count),
            "%" => Some(Unit::Percent),
            "hours" => Some(Unit::Hours),
            "MAD" => Some(Unit::Mad),
            "score" => Some(Unit::Score),
            _ => None,
        }
    }

    /// The unit as written in `indicators.csv` and the config.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "%",
            Unit::Hours => "hours",
            Unit::Mad => "MAD",
            Unit::Score => "score",
        }
    }

    pub fn value_kind(self) -> ValueKind {
        match self {
            Unit::Count => ValueKind::Count,
            Unit::Percent => ValueKind::Rate,
            _ => ValueKind::Decimal,
        }
    }
}

/// How a field of a dataset is filtered and measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A category code (type, status, gender, modality).
    Code(categories::Kind),
    Boolean,
    Text,
    Number,
}

/// The fields an indicator may filter on or measure (frame columns of the same name).
pub fn field_kind(dataset: Dataset, field: &str) -> Option<FieldKind> {
    use categories::Kind as C;
    use FieldKind::*;
    let kind = match (dataset, field) {
        (Dataset::Activities, "type") => Code(C::ActivityType),
        (Dataset::Activities, "status") => Code(C::Status),
        (Dataset::Activities, "id" | "title" | "axis" | "project" | "partner" | "location") => Text,
        (Dataset::Activities, "participants" | "women" | "budget_planned" | "budget_spent") => {
            Number
        }
        (Dataset::Training, "gender") => Code(C::Gender),
        (Dataset::Training, "modality") => Code(C::Modality),
        (Dataset::Training, "attended") => Boolean,
        (
            Dataset::Training,
            "session_id" | "program" | "organisation" | "participant_id" | "category",
        ) => Text,
        (Dataset::Training, "hours" | "satisfaction") => Number,
        _ => return None,
    };
    Some(kind)
}

/// A breakdown dimension (SPEC 5), named like its key column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Type,
    Status,
    Quarter,
    Month,
    Axis,
    Project,
    Partner,
    Location,
    Program,
    Organisation,
    Gender,
    Category,
    Modality,
}

impl Dimension {
    pub fn parse(name: &str) -> Option<Dimension> {
        use Dimension::*;
        Some(match name {
            "type" => Type,
            "status" => Status,
            "quarter" => Quarter,
            "month" => Month,
            "axis" => Axis,
            "project" => Project,
            "partner" => Partner,
            "location" => Location,
            "program" => Program,
            "organisation" => Organisation,
            "gender" => Gender,
            "category" => Category,
            "modality" => Modality,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        use Dimension::*;
        match self {
            Type => "type",
            Status => "status",
            Quarter => "quarter",
            Month => "month",
            Axis => "axis",
            Project => "project",
            Partner => "partner",
            Location => "location",
            Program => "program",
            Organisation => "organisation",
            Gender => "gender",
            Category => "category",
            Modality => "modality",
        }
    }

    pub fn applies_to(self, dataset: Dataset) -> bool {
        use Dimension::*;
        match dataset {
            Dataset::Activities => matches!(
                self,
                Type | Status | Quarter | Month | Axis | Project | Partner | Location
            ),
            Dataset::Training => matches!(
                self,
                Program | Organisation | Gender | Category | Modality | Quarter | Month
            ),
            Dataset::Targets => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    Count,
    Sum(String),
    Distinct(String),
    Mean(String),
}

/// One condition of a filter, already checked against the dataset.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// The field's code is one of these (enum fields).
    Codes {
        field: String,
        codes: Vec<String>,
    },
    /// The field's text, normalised, is one of these normalised values.
    Texts {
        field: String,
        keys: Vec<String>,
    },
    Bools {
        field: String,
        values: Vec<bool>,
    },
    /// The field equals one of these numbers.
    Numbers {
        field: String,
        values: Vec<f64>,
    },
    Filled(Vec<String>),
    Positive(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Base {
        dataset: Dataset,
        rules: Vec<Rule>,
        measure: Measure,
        year_offset: i32,
    },
    Ratio {
        numerator: usize,
        denominator: usize,
        factor: f64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub label: crate::lang::Labels,
    pub unit: Unit,
    pub hidden: bool,
    pub kind: Kind,
    pub breakdowns: Vec<Dimension>,
    /// Less is better (`direction = "down"`): achieved at or below the target.
    pub down: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableDef {
    pub id: String,
    pub dimension: Dimension,
    /// (column name, indicator index)
    pub columns: Vec<(String, usize)>,
}

/// The checked catalog; `spec` is what `bilan indicators --dump` prints.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub indicators: Vec<Indicator>,
    pub tables: Vec<TableDef>,
    pub spec: CatalogSpec,
}

impl Catalog {
    /// The built-in catalog merged with the user's indicators and tables.
    pub fn load(user: &CatalogSpec, categories: &Categories) -> Result<Catalog, CatalogError> {
        let spec = super::spec::builtin().merged_with(user);
        Catalog::compile(spec, categories)
    }

    pub fn compile(spec: CatalogSpec, categories: &Categories) -> Result<Catalog, CatalogError> {
        let ids: Vec<&str> = spec.indicators.iter().map(|i| i.id.as_str()).collect();
        // Ids name output files (`ID_by_DIMENSION.csv`): nothing but `[a-z][a-z0-9_]*`, so no
        // configuration can write outside the report's folder (SPEC 5).
        let tables = spec.tables.iter().map(|t| ("table", t.id.as_str()));
        for (what, id) in ids.iter().map(|id| ("indicator", *id)).chain(tables) {
            if !is_valid_id(id) {
                return Err(CatalogError(
                    Message::new("catalog-bad-id")
                        .with("what", Arg::Key(what))
                        .with("id", id),
                ));
            }
        }
        for (i, id) in ids.iter().enumerate() {
            if ids[..i].contains(id) {
                return Err(CatalogError(Message::new("catalog-twice").with("id", *id)));
            }
        }
        let mut indicators = Vec::with_capacity(spec.indicators.len());
        for raw in &spec.indicators {
            indicators.push(compile_indicator(raw, &ids, categories)?);
        }
        for (i, indicator) in indicators.iter().enumerate() {
            let in_indicator = |problem: Message| {
                CatalogError(
                    Message::new("catalog-indicator")
                        .with("id", indicator.id.as_str())
                        .with("problem", problem),
                )
            };
            let dataset = dataset_of(&indicators, i, 0).map_err(in_indicator)?;
            for dimension in &indicator.breakdowns {
                if !dimension.applies_to(dataset) {
                    return Err(in_indicator(
                        Message::new("catalog-not-a-dimension-of")
                            .with("dimension", Arg::Key(dimension.name()))
                            .with("dataset", Arg::Key(dataset.name())),
                    ));
                }
            }
        }
        let tables = spec
            .tables
            .iter()
            .map(|t| compile_table(t, &indicators))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Catalog {
            indicators,
            tables,
            spec,
        })
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.id == id)
    }

    /// The indicators of `indicators.csv`, in catalog order.
    pub fn headline(&self) -> impl Iterator<Item = (usize, &Indicator)> {
        self.indicators
            .iter()
            .enumerate()
            .filter(|(_, i)| !i.hidden)
    }
}

/// The dataset an indicator reads; a ratio's parts must read the same one to be broken down.
fn dataset_of(indicators: &[Indicator], index: usize, depth: usize) -> Result<Dataset, Message> {
    if depth > indicators.len() {
        return Err(Message::new("catalog-ratio-loop"));
    }
    match &indicators[index].kind {
        Kind::Base { dataset, .. } => Ok(*dataset),
        Kind::Ratio {
            numerator,
            denominator,
            ..
        } => {
            let a = dataset_of(indicators, *numerator, depth + 1)?;
            let b = dataset_of(indicators, *denominator, depth + 1)?;
            // A ratio across datasets is allowed; it is reported on the numerator's dataset.
            let _ = b;
            Ok(a)
        }
    }
}

fn compile_indicator(
    raw: &IndicatorSpec,
    ids: &[&str],
    categories: &Categories,
) -> Result<Indicator, CatalogError> {
    let fail = |key: &str, problem: Message| {
        CatalogError(
            Message::new("catalog-indicator-key")
                .with("id", raw.id.as_str())
                .with("key", key)
                .with("problem", problem),
        )
    };
    let unit = Unit::parse(&raw.unit).ok_or_else(|| {
        fail(
            "unit",
            Message::new("catalog-bad-unit").with("value", raw.unit.as_str()),
        )
    })?;
    let breakdowns = raw
        .breakdowns
        .iter()
        .map(|b| {
            Dimension::parse(b).ok_or_else(|| {
                fail(
                    "breakdowns",
                    Message::new("catalog-bad-dimension").with("value", b.as_str()),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let kind = match (&raw.ratio, &raw.dataset) {
        (Some(ratio), None) => {
            if raw.measure.is_some() || !raw.filter.is_empty() || raw.year_offset != 0 {
                return Err(fail("ratio", Message::new("catalog-ratio-alone")));
            }
            let find = |key: &str, id: &str| {
                ids.iter()
                    .position(|i| *i == id)
                    .ok_or_else(|| fail(key, Message::new("catalog-no-such-id").with("id", id)))
            };
            Kind::Ratio {
                numerator: find("ratio.numerator", &ratio.numerator)?,
                denominator: find("ratio.denominator", &ratio.denominator)?,
                factor: ratio.factor,
            }
        }
        (None, Some(dataset_name)) => {
            let dataset = match dataset_name.as_str() {
                "activities" => Dataset::Activities,
                "training" => Dataset::Training,
                other => {
                    return Err(fail(
                        "dataset",
                        Message::new("catalog-bad-dataset").with("value", other),
                    ))
                }
            };
            let measure_text = raw.measure.as_deref().unwrap_or("count");
            let measure = parse_measure(measure_text, dataset).map_err(|m| fail("measure", m))?;
            let mut rules = Vec::new();
            for (field, values) in &raw.filter {
                rules.push(
                    compile_rule(dataset, field, values, categories)
                        .map_err(|m| fail(&format!("filter.{field}"), m))?,
                );
            }
            Kind::Base {
                dataset,
                rules,
                measure,
                year_offset: raw.year_offset,
            }
        }
        (Some(_), Some(_)) => return Err(fail("ratio", Message::new("catalog-dataset-and-ratio"))),
        (None, None) => return Err(fail("dataset", Message::new("catalog-no-dataset"))),
    };
    let down = match raw.direction.as_deref() {
        None | Some("up") => false,
        Some("down") => true,
        Some(other) => {
            return Err(fail(
                "direction",
                Message::new("catalog-bad-direction").with("value", other),
            ))
        }
    };
    Ok(Indicator {
        id: raw.id.clone(),
        label: raw.label.clone(),
        unit,
        hidden: raw.hidden,
        kind,
        breakdowns,
        down,
    })
}

/// `` `FIELD` is not a field of `DATASET` ``.
fn not_a_field(field: &str, dataset: Dataset) -> Message {
    Message::new("catalog-not-a-field")
        .with("field", field)
        .with("dataset", Arg::Key(dataset.name()))
}

fn parse_measure(text: &str, dataset: Dataset) -> Result<Measure, Message> {
    if text == "count" {
        return Ok(Measure::Count);
    }
    let (kind, field) = text
        .split_once(':')
        .ok_or_else(|| Message::new("catalog-bad-measure").with("value", text))?;
    let field_kind = field_kind(dataset, field).ok_or_else(|| not_a_field(field, dataset))?;
    let numeric = field_kind == FieldKind::Number;
    match kind {
        "sum" if numeric => Ok(Measure::Sum(field.to_string())),
        "mean" if numeric => Ok(Measure::Mean(field.to_string())),
        "sum" | "mean" => Err(Message::new("catalog-not-a-number-field").with("field", field)),
        "distinct" => Ok(Measure::Distinct(field.to_string())),
        _ => Err(Message::new("catalog-bad-measure").with("value", text)),
    }
}

fn compile_rule(
    dataset: Dataset,
    field: &str,
    values: &[toml::Value],
    categories: &Categories,
) -> Result<Rule, Message> {
    let wrong = |id: &'static str, v: &toml::Value| Message::new(id).with("value", v.to_string());
    let strings = || -> Result<Vec<String>, Message> {
        values
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| wrong("catalog-not-text", v))
            })
            .collect()
    };
    if field == "filled" || field == "positive" {
        let fields = strings()?;
        for f in &fields {
            if field_kind(dataset, f).is_none() {
                return Err(not_a_field(f, dataset));
            }
        }
        return Ok(if field == "filled" {
            Rule::Filled(fields)
        } else {
            Rule::Positive(fields)
        });
    }
    let kind = field_kind(dataset, field).ok_or_else(|| not_a_field(field, dataset))?;
    match kind {
        FieldKind::Code(kind) => {
            let list = categories.list(kind);
            let codes = strings()?
                .iter()
                .map(|v| {
                    categories::by_code(list, v)
                        .or_else(|| categories::lookup(list, v))
                        .map(|c| c.code.clone())
                        .ok_or_else(|| {
                            Message::new("catalog-unknown-code")
                                .with("value", v.as_str())
                                .with("field", field)
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Rule::Codes {
                field: field.to_string(),
                codes,
            })
        }
        FieldKind::Boolean => {
            let values = values
                .iter()
                .map(|v| v.as_bool().ok_or_else(|| wrong("catalog-not-boolean", v)))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Rule::Bools {
                field: field.to_string(),
                values,
            })
        }
        FieldKind::Text => Ok(Rule::Texts {
            field: field.to_string(),
            keys: strings()?
                .iter()
                .map(|v| crate::datasets::normalize_key(v))
                .collect(),
        }),
        FieldKind::Number => {
            let values = values
                .iter()
                .map(|v| {
                    v.as_float()
                        .or_else(|| v.as_integer().map(|i| i as f64))
                        .ok_or_else(|| wrong("catalog-not-number", v))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Rule::Numbers {
                field: field.to_string(),
                values,
            })
        }
    }
}

fn compile_table(raw: &TableSpec, indicators: &[Indicator]) -> Result<TableDef, CatalogError> {
    let fail = |problem: Message| {
        CatalogError(
            Message::new("catalog-table")
                .with("id", raw.id.as_str())
                .with("problem", problem),
        )
    };
    let dimension = Dimension::parse(&raw.dimension).ok_or_else(|| {
        fail(Message::new("catalog-bad-dimension").with("value", raw.dimension.as_str()))
    })?;
    let mut columns = Vec::new();
    for column in &raw.columns {
        let index = indicators
            .iter()
            .position(|i| i.id == column.indicator)
            .ok_or_else(|| {
                fail(
                    Message::new("catalog-column-no-such-id")
                        .with("column", column.name.as_str())
                        .with("id", column.indicator.as_str()),
                )
            })?;
        let dataset = dataset_of(indicators, index, 0).map_err(fail)?;
        if !dimension.applies_to(dataset) {
            return Err(fail(
                Message::new("catalog-not-a-dimension-of")
                    .with("dimension", Arg::Key(dimension.name()))
                    .with("dataset", Arg::Key(dataset.name())),
            ));
        }
        columns.push((column.name.clone(), index));
    }
    Ok(TableDef {
        id: raw.id.clone(),
        dimension,
        columns,
    })
}

/// Ids and labels a targets row may use to name an indicator.
pub fn indicator_names(catalog: &Catalog) -> Vec<crate::datasets::IndicatorName> {
    catalog
        .indicators
        .iter()
        .map(|d| crate::datasets::IndicatorName {
            id: d.id.clone(),
            fr: d.label.fr.clone(),
            en: d.label.en.clone(),
        })
        .collect()
}

/// `[a-z][a-z0-9_]*` (SPEC 5).
fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(toml_text: &str) -> CatalogSpec {
        toml::from_str(toml_text).expect("valid TOML")
    }

    #[test]
    fn the_builtin_catalog_compiles_with_the_17_headline_indicators_in_spec_order() {
        let catalog =
            Catalog::load(&CatalogSpec::default(), &Categories::default()).expect("valid catalog");
        let ids: Vec<&str> = catalog.headline().map(|(_, i)| i.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "activities_scheduled",
                "activities_realised",
                "execution_rate",
                "engagement_rate",
                "activity_participants",
                "activity_women_share",
                "partners_engaged",
                "budget_execution_rate",
                "training_sessions",
                "training_registrations",
                "trainees",
                "training_person_hours",
                "attendance_rate",
                "trainee_women_share",
                "hours_per_trainee",
                "average_satisfaction",
                "next_year_scheduled",
            ]
        );
        assert_eq!(catalog.tables.len(), 10);
    }

    #[test]
    fn a_user_indicator_replaces_a_builtin_one_in_place_and_a_new_one_is_appended() {
        let spec = user(
            r#"
            [[indicators]]
            id = "activities_realised"
            label = { fr = "Activités tenues", en = "Activities held" }
            dataset = "activities"
            filter = { status = ["Réalisé"] }
            unit = "count"

            [[indicators]]
            id = "workshops_realised"
            label = { fr = "Ateliers réalisés", en = "Workshops held" }
            dataset = "activities"
            filter = { type = ["atelier"], status = ["realise"] }
            measure = "count"
            unit = "count"
            breakdowns = ["quarter", "partner"]
            "#,
        );
        let catalog = Catalog::load(&spec, &Categories::default()).expect("valid catalog");
        assert_eq!(catalog.indicators[1].label.fr, "Activités tenues");
        let last = catalog.headline().last().expect("indicators").1;
        assert_eq!(last.id, "workshops_realised");
        assert_eq!(
            last.breakdowns,
            vec![Dimension::Quarter, Dimension::Partner]
        );
    }

    #[test]
    fn errors_name_the_indicator_and_the_key() {
        let cases = [
            (
                r#"measure = "sum:title""#,
                [
                    "Text(\"measure\")",
                    "catalog-not-a-number-field",
                    "Text(\"title\")",
                ],
            ),
            (
                r#"measure = "median:participants""#,
                [
                    "Text(\"measure\")",
                    "catalog-bad-measure",
                    "median:participants",
                ],
            ),
            (
                r#"filter = { status = ["peut-être"] }"#,
                ["filter.status", "catalog-unknown-code", "peut-être"],
            ),
            (
                r#"filter = { colour = ["bleu"] }"#,
                ["filter.colour", "catalog-not-a-field", "colour"],
            ),
            (
                r#"breakdowns = ["program"]"#,
                [
                    "catalog-not-a-dimension-of",
                    "Key(\"program\")",
                    "Key(\"activities\")",
                ],
            ),
        ];
        for (line, expected) in cases {
            let spec = user(&format!(
                "[[indicators]]\nid = \"x\"\nlabel = {{ fr = \"X\", en = \"X\" }}\ndataset = \"activities\"\nunit = \"count\"\n{line}\n"
            ));
            // The message's id and arguments; tests/config.rs reads its words.
            let err = format!(
                "{:?}",
                Catalog::load(&spec, &Categories::default())
                    .expect_err(line)
                    .0
            );
            assert!(err.contains("Text(\"x\")"), "{line}: {err}");
            for part in expected {
                assert!(err.contains(part), "{line}: {part} not in {err}");
            }
        }
    }

    #[test]
    fn a_ratio_naming_an_unknown_indicator_is_refused() {
        let spec = user(
            r#"
            [[indicators]]
            id = "share"
            label = { fr = "Part", en = "Share" }
            ratio = { numerator = "nope", denominator = "activities_realised", factor = 100 }
            unit = "%"
            "#,
        );
        let err = format!(
            "{:?}",
            Catalog::load(&spec, &Categories::default())
                .expect_err("unknown id")
                .0
        );
        for part in ["ratio.numerator", "catalog-no-such-id", "Text(\"nope\")"] {
            assert!(err.contains(part), "{part} not in {err}");
        }
    }
}
