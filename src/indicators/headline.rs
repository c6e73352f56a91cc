//! The headline indicators of SPEC 4 for every year of the data, one Polars pass per dataset.

use super::aggregate::{attended, count_eq, grouped, ratio, realised, Agg};
use super::catalog::HEADLINE;
use super::frames::Frames;
use polars::prelude::*;
use std::collections::BTreeMap;

/// Raw sums per year from which every headline indicator is a count or a ratio.
fn activity_aggs() -> Vec<Agg> {
    let both = realised()
        .and(col("women").is_not_null())
        .and(col("participants").is_not_null());
    let budgeted = col("budget_planned").gt(lit(0.0));
    vec![
        ("scheduled", len()),
        ("realised", count_eq("status", "realise")),
        (
            "engaged",
            realised()
                .or(col("status").eq(lit("en_cours")))
                .cast(DataType::Float64)
                .sum(),
        ),
        ("participants", col("participants").filter(realised()).sum()),
        ("women_both", col("women").filter(both.clone()).sum()),
        ("participants_both", col("participants").filter(both).sum()),
        (
            "budget_spent",
            col("budget_spent").filter(budgeted.clone()).sum(),
        ),
        (
            "budget_planned",
            col("budget_planned").filter(budgeted).sum(),
        ),
    ]
}

fn partner_aggs() -> Vec<Agg> {
    vec![(
        "partners",
        col("partner").filter(realised()).drop_nulls().n_unique(),
    )]
}

/// Shared with the training tables so that a table row and the headline agree by construction.
pub fn training_aggs() -> Vec<Agg> {
    let women = attended().and(col("gender").eq(lit("F")));
    let known = attended().and(col("gender").is_not_null());
    vec![
        ("registrations", len()),
        ("attended", attended().cast(DataType::Float64).sum()),
        ("sessions", col("session_id").filter(attended()).n_unique()),
        (
            "trainees",
            col("participant_id").filter(attended()).n_unique(),
        ),
        ("person_hours", col("hours").filter(attended()).sum()),
        (
            "women_trainees",
            col("participant_id").filter(women).n_unique(),
        ),
        (
            "known_gender_trainees",
            col("participant_id").filter(known).n_unique(),
        ),
        (
            "satisfaction",
            col("satisfaction").filter(attended()).mean(),
        ),
    ]
}

/// The raw sums of one year, by aggregate name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct YearSums {
    values: BTreeMap<&'static str, Option<f64>>,
}

impl YearSums {
    fn get(&self, name: &str) -> Option<f64> {
        self.values.get(name).copied().flatten()
    }
    fn insert(&mut self, aggs: &[Agg], values: Vec<Option<f64>>) {
        for ((name, _), value) in aggs.iter().zip(values) {
            self.values.insert(name, value);
        }
    }
    /// A year "holds data" when any kept activity or registration falls in it.
    pub fn holds_data(&self) -> bool {
        self.get("scheduled").unwrap_or(0.0) > 0.0 || self.get("registrations").unwrap_or(0.0) > 0.0
    }
    /// A year can be the default reporting year when something was done in it.
    pub fn has_realisations(&self) -> bool {
        self.get("realised").unwrap_or(0.0) > 0.0 || self.get("attended").unwrap_or(0.0) > 0.0
    }
}

/// Raw sums for every year present in the data.
#[derive(Debug, Clone, Default)]
pub struct Sums {
    pub by_year: BTreeMap<i32, YearSums>,
}

pub fn sums(frames: &Frames) -> PolarsResult<Sums> {
    let mut by_year: BTreeMap<i32, YearSums> = BTreeMap::new();
    let sources = [
        (&frames.activities, activity_aggs()),
        (&frames.activity_partners, partner_aggs()),
        (&frames.training, training_aggs()),
    ];
    for (frame, aggs) in sources {
        for (key, values) in grouped(frame.clone().lazy(), "year", &aggs)? {
            if let Some(year) = key.as_deref().and_then(|k| k.parse::<i32>().ok()) {
                by_year.entry(year).or_default().insert(&aggs, values);
            }
        }
    }
    Ok(Sums { by_year })
}

impl Sums {
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.by_year
            .iter()
            .filter(|(_, s)| s.holds_data())
            .map(|(y, _)| *y)
    }

    pub fn holds(&self, year: i32) -> bool {
        self.by_year.get(&year).is_some_and(YearSums::holds_data)
    }

    /// SPEC 1: the latest year holding at least one realised activity or attended training.
    pub fn default_year(&self) -> Option<i32> {
        self.by_year
            .iter()
            .rev()
            .find(|(_, s)| s.has_realisations())
            .map(|(y, _)| *y)
    }

    /// The value of every headline indicator for `year`, in catalog order.
    pub fn values(&self, year: i32) -> Vec<Option<f64>> {
        let empty = YearSums::default();
        let s = self.by_year.get(&year).unwrap_or(&empty);
        let next = self.by_year.get(&(year + 1)).unwrap_or(&empty);
        let count = |name| Some(s.get(name).unwrap_or(0.0));
        let rate = |num, den| ratio(s.get(num), s.get(den), 100.0);
        // In the order of catalog::HEADLINE.
        let values = vec![
            count("scheduled"),                                   // activities_scheduled
            count("realised"),                                    // activities_realised
            rate("realised", "scheduled"),                        // execution_rate
            rate("engaged", "scheduled"),                         // engagement_rate
            count("participants"),                                // activity_participants
            rate("women_both", "participants_both"),              // activity_women_share
            count("partners"),                                    // partners_engaged
            rate("budget_spent", "budget_planned"),               // budget_execution_rate
            count("sessions"),                                    // training_sessions
            count("registrations"),                               // training_registrations
            count("trainees"),                                    // trainees
            count("person_hours"),                                // training_person_hours
            rate("attended", "registrations"),                    // attendance_rate
            rate("women_trainees", "known_gender_trainees"),      // trainee_women_share
            ratio(s.get("person_hours"), s.get("trainees"), 1.0), // hours_per_trainee
            s.get("satisfaction"),                                // average_satisfaction
            Some(next.get("scheduled").unwrap_or(0.0)),           // next_year_scheduled
        ];
        debug_assert_eq!(values.len(), HEADLINE.len());
        values
    }
}
