//! The breakdown tables of SPEC 4, each one Polars group-by plus its total row.

use super::aggregate::{count_eq, grouped, in_year, ratio, realised, total, Agg};
use super::frames::Frames;
use super::headline::training_aggs;
use super::table::{Table, TableRow, ValueKind};
use crate::datasets::categories::{
    self, Category, ACTIVITY_TYPES, GENDERS, MODALITIES, UNSPECIFIED,
};
use crate::datasets::normalize::normalize_key;
use crate::Lang;
use polars::prelude::*;

use ValueKind::{Count, Decimal, Rate};

/// Raw aggregates of one group, by name.
struct Raw<'a> {
    names: &'a [Agg],
    values: &'a [Option<f64>],
}

impl Raw<'_> {
    fn get(&self, name: &str) -> Option<f64> {
        let i = self.names.iter().position(|(n, _)| *n == name)?;
        self.values.get(i).copied().flatten()
    }
    /// A count is 0, not empty, for a category without rows.
    fn count(&self, name: &str) -> Option<f64> {
        Some(self.get(name).unwrap_or(0.0))
    }
    fn rate(&self, num: &str, den: &str) -> Option<f64> {
        ratio(self.get(num), self.get(den), 100.0)
    }
}

/// Which keys a table lists, in which order.
enum Keys {
    /// These categories always, zeros included; then other keys that occur (alphabetically); `unspecified` last.
    Fixed(&'static [Category]),
    /// Quarters or months: always every one.
    Calendar(Vec<(String, String)>),
    /// Text values as written, alphabetically ignoring case and accents; `unspecified` last.
    Text,
}

struct Spec {
    id: &'static str,
    key: &'static str,
    frame: LazyFrame,
    /// Frame for the total row when it differs (partners: activities are counted once).
    total_frame: Option<LazyFrame>,
    aggs: Vec<Agg>,
    columns: Vec<(&'static str, ValueKind)>,
    derive: fn(&Raw) -> Vec<Option<f64>>,
    keys: Keys,
    /// Also list `unspecified` when nothing is missing (gender).
    always_unspecified: bool,
}

fn build(spec: Spec, lang: Lang) -> PolarsResult<Table> {
    let groups = grouped(spec.frame.clone(), spec.key, &spec.aggs)?;
    let total_values = total(spec.total_frame.unwrap_or(spec.frame), &spec.aggs)?;
    let derive = |values: &[Option<f64>]| {
        (spec.derive)(&Raw {
            names: &spec.aggs,
            values,
        })
    };
    let empty = vec![None; spec.aggs.len()];
    let mut rows: Vec<TableRow> = Vec::new();
    let push = |key: String, label: String, rows: &mut Vec<TableRow>| {
        let values = groups.get(&Some(key.clone())).unwrap_or(&empty);
        rows.push(TableRow {
            values: derive(values),
            key,
            label,
        });
    };
    match &spec.keys {
        Keys::Fixed(list) => {
            for category in list.iter() {
                push(
                    category.code.to_string(),
                    category.label(lang).to_string(),
                    &mut rows,
                );
            }
        }
        Keys::Calendar(list) => {
            for (key, label) in list {
                push(key.clone(), label.clone(), &mut rows);
            }
        }
        Keys::Text => {}
    }
    if !matches!(spec.keys, Keys::Calendar(_)) {
        let listed: Vec<String> = rows.iter().map(|r| r.key.clone()).collect();
        let mut others: Vec<&String> = groups
            .keys()
            .flatten()
            .filter(|k| !listed.contains(k))
            .collect();
        others.sort_by_key(|k| (normalize_key(k), (*k).clone()));
        for key in others {
            push(key.clone(), key.clone(), &mut rows);
        }
        if spec.always_unspecified || groups.contains_key(&None) {
            let values = groups.get(&None).unwrap_or(&empty);
            rows.push(TableRow {
                key: UNSPECIFIED.code.to_string(),
                label: UNSPECIFIED.label(lang).to_string(),
                values: derive(values),
            });
        }
    }
    Ok(Table {
        id: spec.id.to_string(),
        key: spec.key,
        columns: spec.columns,
        rows,
        total: Some(derive(&total_values)),
    })
}

pub fn quarters(lang: Lang) -> Vec<(String, String)> {
    (1..=4)
        .map(|q| (format!("Q{q}"), format!("{}{q}", lang.pick("T", "Q"))))
        .collect()
}

pub const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn months(lang: Lang) -> Vec<(String, String)> {
    (0..12)
        .map(|m| {
            (
                (m + 1).to_string(),
                lang.pick(MONTHS_FR[m], MONTHS_EN[m]).to_string(),
            )
        })
        .collect()
}

/// Every breakdown table of SPEC 4 except `trend`, for `year`.
pub fn breakdowns(frames: &Frames, year: i32, lang: Lang) -> PolarsResult<Vec<Table>> {
    let acts = in_year(&frames.activities, year);
    let training = in_year(&frames.training, year);
    let status_aggs = || -> Vec<Agg> {
        vec![
            ("scheduled", len()),
            ("realised", count_eq("status", "realise")),
            ("in_progress", count_eq("status", "en_cours")),
            ("planned", count_eq("status", "prevu")),
            ("postponed", count_eq("status", "reporte")),
            ("cancelled", count_eq("status", "annule")),
            ("participants", col("participants").filter(realised()).sum()),
            ("women", col("women").filter(realised()).sum()),
        ]
    };
    let specs = vec![
        Spec {
            id: "activities_by_type",
            key: "type",
            frame: acts.clone(),
            total_frame: None,
            aggs: status_aggs(),
            columns: vec![
                ("scheduled", Count),
                ("realised", Count),
                ("in_progress", Count),
                ("planned", Count),
                ("postponed", Count),
                ("cancelled", Count),
                ("execution_rate", Rate),
                ("participants", Count),
                ("women", Count),
            ],
            derive: |r| {
                vec![
                    r.count("scheduled"),
                    r.count("realised"),
                    r.count("in_progress"),
                    r.count("planned"),
                    r.count("postponed"),
                    r.count("cancelled"),
                    r.rate("realised", "scheduled"),
                    r.count("participants"),
                    r.count("women"),
                ]
            },
            keys: Keys::Fixed(ACTIVITY_TYPES),
            always_unspecified: false,
        },
        Spec {
            id: "activities_by_quarter",
            key: "quarter",
            frame: acts.clone(),
            total_frame: None,
            aggs: status_aggs(),
            columns: vec![
                ("scheduled", Count),
                ("realised", Count),
                ("execution_rate", Rate),
            ],
            derive: |r| {
                vec![
                    r.count("scheduled"),
                    r.count("realised"),
                    r.rate("realised", "scheduled"),
                ]
            },
            keys: Keys::Calendar(quarters(lang)),
            always_unspecified: false,
        },
        Spec {
            id: "activities_by_month",
            key: "month",
            frame: frames
                .activities
                .clone()
                .lazy()
                .filter(col("year").eq(lit(year)).or(col("year").eq(lit(year - 1)))),
            total_frame: None,
            aggs: vec![
                (
                    "scheduled",
                    col("year").eq(lit(year)).cast(DataType::Float64).sum(),
                ),
                (
                    "realised",
                    col("year")
                        .eq(lit(year))
                        .and(realised())
                        .cast(DataType::Float64)
                        .sum(),
                ),
                (
                    "realised_previous_year",
                    col("year")
                        .eq(lit(year - 1))
                        .and(realised())
                        .cast(DataType::Float64)
                        .sum(),
                ),
            ],
            columns: vec![
                ("scheduled", Count),
                ("realised", Count),
                ("realised_previous_year", Count),
            ],
            derive: |r| {
                vec![
                    r.count("scheduled"),
                    r.count("realised"),
                    r.count("realised_previous_year"),
                ]
            },
            keys: Keys::Calendar(months(lang)),
            always_unspecified: false,
        },
        Spec {
            id: "activities_by_axis",
            key: "axis",
            frame: acts.clone(),
            total_frame: None,
            aggs: status_aggs(),
            columns: vec![
                ("scheduled", Count),
                ("realised", Count),
                ("execution_rate", Rate),
                ("participants", Count),
            ],
            derive: |r| {
                vec![
                    r.count("scheduled"),
                    r.count("realised"),
                    r.rate("realised", "scheduled"),
                    r.count("participants"),
                ]
            },
            keys: Keys::Text,
            always_unspecified: false,
        },
        Spec {
            id: "activities_by_partner",
            key: "partner",
            frame: in_year(&frames.activity_partners, year),
            total_frame: Some(acts.clone()),
            aggs: vec![
                ("realised", count_eq("status", "realise")),
                ("participants", col("participants").filter(realised()).sum()),
            ],
            columns: vec![("realised", Count), ("participants", Count)],
            derive: |r| vec![r.count("realised"), r.count("participants")],
            keys: Keys::Text,
            always_unspecified: false,
        },
        Spec {
            id: "training_by_program",
            key: "program",
            frame: training.clone(),
            total_frame: None,
            aggs: training_aggs(),
            columns: vec![
                ("sessions", Count),
                ("registrations", Count),
                ("trainees", Count),
                ("person_hours", Decimal),
                ("attendance_rate", Rate),
                ("average_satisfaction", Decimal),
            ],
            derive: |r| {
                vec![
                    r.count("sessions"),
                    r.count("registrations"),
                    r.count("trainees"),
                    r.count("person_hours"),
                    r.rate("attended", "registrations"),
                    r.get("satisfaction"),
                ]
            },
            keys: Keys::Text,
            always_unspecified: false,
        },
        Spec {
            id: "training_by_organisation",
            key: "organisation",
            frame: training.clone(),
            total_frame: None,
            aggs: training_aggs(),
            columns: vec![
                ("registrations", Count),
                ("trainees", Count),
                ("person_hours", Decimal),
                ("trainee_women_share", Rate),
            ],
            derive: |r| {
                vec![
                    r.count("registrations"),
                    r.count("trainees"),
                    r.count("person_hours"),
                    r.rate("women_trainees", "known_gender_trainees"),
                ]
            },
            keys: Keys::Text,
            always_unspecified: false,
        },
        Spec {
            id: "training_by_gender",
            key: "gender",
            frame: training.clone(),
            total_frame: None,
            aggs: training_aggs(),
            columns: vec![
                ("trainees", Count),
                ("person_hours", Decimal),
                ("hours_per_trainee", Decimal),
            ],
            derive: |r| {
                vec![
                    r.count("trainees"),
                    r.count("person_hours"),
                    ratio(r.get("person_hours"), r.get("trainees"), 1.0),
                ]
            },
            keys: Keys::Fixed(GENDERS),
            always_unspecified: true,
        },
        Spec {
            id: "training_by_modality",
            key: "modality",
            frame: training,
            total_frame: None,
            aggs: training_aggs(),
            columns: vec![
                ("sessions", Count),
                ("trainees", Count),
                ("person_hours", Decimal),
            ],
            derive: |r| {
                vec![
                    r.count("sessions"),
                    r.count("trainees"),
                    r.count("person_hours"),
                ]
            },
            keys: Keys::Fixed(MODALITIES),
            always_unspecified: false,
        },
        Spec {
            id: "next_year_by_type",
            key: "type",
            frame: in_year(&frames.activities, year + 1),
            total_frame: None,
            aggs: vec![("scheduled", len())],
            columns: vec![("scheduled", Count)],
            derive: |r| vec![r.count("scheduled")],
            keys: Keys::Fixed(ACTIVITY_TYPES),
            always_unspecified: false,
        },
    ];
    specs.into_iter().map(|spec| build(spec, lang)).collect()
}

/// The `trend` table: every year holding data, the headline indicators as columns.
pub fn trend(sums: &super::headline::Sums) -> Table {
    let catalog = super::catalog::HEADLINE;
    let rows = sums
        .years()
        .map(|year| TableRow {
            key: year.to_string(),
            label: year.to_string(),
            values: sums.values(year),
        })
        .collect();
    Table {
        id: "trend".to_string(),
        key: "year",
        columns: catalog
            .iter()
            .map(|d| {
                let kind = match d.unit {
                    super::catalog::Unit::Count => Count,
                    super::catalog::Unit::Percent => Rate,
                    _ => Decimal,
                };
                (d.id, kind)
            })
            .collect(),
        rows,
        total: None,
    }
}

/// Label of a type code (built-in or as written) in `lang`.
pub fn type_label(code: &str, lang: Lang) -> String {
    categories::by_code(ACTIVITY_TYPES, code)
        .map_or_else(|| code.to_string(), |c| c.label(lang).to_string())
}
