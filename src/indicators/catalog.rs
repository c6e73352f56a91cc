//! The built-in headline indicators of SPEC section 4: ids, labels and units, in report order.
//!
//! Their definitions live in `headline.rs`; the declarative catalog of SPEC 5
//! (user indicators, `bilan indicators --dump`) is the next step and will
//! replace this list with the same ids.

use crate::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Unit {
    #[serde(rename = "count")]
    Count,
    #[serde(rename = "%")]
    Percent,
    #[serde(rename = "hours")]
    Hours,
    #[serde(rename = "MAD")]
    Mad,
    #[serde(rename = "score")]
    Score,
}

impl Unit {
    /// The unit as written in `indicators.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "%",
            Unit::Hours => "hours",
            Unit::Mad => "MAD",
            Unit::Score => "score",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndicatorDef {
    pub id: &'static str,
    pub unit: Unit,
    pub fr: &'static str,
    pub en: &'static str,
}

impl IndicatorDef {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.fr, self.en)
    }
}

const fn def(id: &'static str, unit: Unit, fr: &'static str, en: &'static str) -> IndicatorDef {
    IndicatorDef { id, unit, fr, en }
}

pub const HEADLINE: &[IndicatorDef] = &[
    def(
        "activities_scheduled",
        Unit::Count,
        "Activités programmées",
        "Scheduled activities",
    ),
    def(
        "activities_realised",
        Unit::Count,
        "Activités réalisées",
        "Activities carried out",
    ),
    def(
        "execution_rate",
        Unit::Percent,
        "Taux de réalisation",
        "Execution rate",
    ),
    def(
        "engagement_rate",
        Unit::Percent,
        "Taux d'engagement",
        "Engagement rate",
    ),
    def(
        "activity_participants",
        Unit::Count,
        "Participants aux activités",
        "Activity participants",
    ),
    def(
        "activity_women_share",
        Unit::Percent,
        "Part des femmes parmi les participants",
        "Women among participants",
    ),
    def(
        "partners_engaged",
        Unit::Count,
        "Partenaires mobilisés",
        "Partners engaged",
    ),
    def(
        "budget_execution_rate",
        Unit::Percent,
        "Taux d'exécution budgétaire",
        "Budget execution rate",
    ),
    def(
        "training_sessions",
        Unit::Count,
        "Sessions de formation tenues",
        "Training sessions held",
    ),
    def(
        "training_registrations",
        Unit::Count,
        "Inscriptions aux formations",
        "Training registrations",
    ),
    def("trainees", Unit::Count, "Bénéficiaires formés", "Trainees"),
    def(
        "training_person_hours",
        Unit::Hours,
        "Heures-personnes de formation",
        "Training person-hours",
    ),
    def(
        "attendance_rate",
        Unit::Percent,
        "Taux de présence",
        "Attendance rate",
    ),
    def(
        "trainee_women_share",
        Unit::Percent,
        "Part des femmes parmi les bénéficiaires",
        "Women among trainees",
    ),
    def(
        "hours_per_trainee",
        Unit::Hours,
        "Heures de formation par bénéficiaire",
        "Training hours per trainee",
    ),
    def(
        "average_satisfaction",
        Unit::Score,
        "Satisfaction moyenne (sur 5)",
        "Average satisfaction (out of 5)",
    ),
    def(
        "next_year_scheduled",
        Unit::Count,
        "Activités programmées l'année suivante",
        "Activities scheduled next year",
    ),
];

/// Ids and labels a targets row may use to name an indicator.
pub fn indicator_names() -> Vec<crate::datasets::IndicatorName> {
    HEADLINE
        .iter()
        .map(|d| crate::datasets::IndicatorName {
            id: d.id.to_string(),
            fr: d.fr.to_string(),
            en: d.en.to_string(),
        })
        .collect()
}
