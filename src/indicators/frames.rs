//! Typed records to Polars data frames: the only place rows cross into Polars.

use crate::datasets::{Activity, Registration, StringTable};
use chrono::Datelike;
use polars::prelude::*;

/// One frame per table the engine reads.
pub struct Frames {
    /// One row per kept activity.
    pub activities: DataFrame,
    /// The activities repeated once per partner (`partner` null when there is none), with `row`
    /// naming the activity so that counts stay counts of activities.
    pub activity_partners: DataFrame,
    /// One row per kept registration; its text columns are codes of `strings` (see `CODED`).
    pub training: DataFrame,
    pub strings: StringTable,
}

/// Training columns held as `UInt32` codes of `Frames::strings` rather than as text: a million
/// rows then take 4 bytes a cell, and grouping or counting distinct values hashes integers.
pub const CODED: [&str; 7] = [
    "session_id",
    "program",
    "organisation",
    "participant_id",
    "gender",
    "category",
    "modality",
];

fn quarter_key(month: u32) -> String {
    format!("Q{}", (month - 1) / 3 + 1)
}

pub fn build(
    activities: &[Activity],
    registrations: &[Registration],
    strings: StringTable,
) -> PolarsResult<Frames> {
    let a = activities;
    let activities_df = DataFrame::new_infer_height(vec![
        Column::new("row".into(), (0..a.len() as u32).collect::<Vec<u32>>()),
        Column::new(
            "year".into(),
            a.iter().map(|x| x.date.year()).collect::<Vec<i32>>(),
        ),
        Column::new(
            "quarter".into(),
            a.iter()
                .map(|x| quarter_key(x.date.month()))
                .collect::<Vec<String>>(),
        ),
        Column::new(
            "month".into(),
            a.iter()
                .map(|x| x.date.month().to_string())
                .collect::<Vec<String>>(),
        ),
        Column::new(
            "id".into(),
            a.iter()
                .map(|x| x.id.as_deref())
                .collect::<Vec<Option<&str>>>(),
        ),
        Column::new(
            "type".into(),
            a.iter()
                .map(|x| x.activity_type.as_str())
                .collect::<Vec<&str>>(),
        ),
        Column::new(
            "title".into(),
            a.iter()
                .map(|x| x.title.as_deref())
                .collect::<Vec<Option<&str>>>(),
        ),
        Column::new(
            "axis".into(),
            a.iter()
                .map(|x| x.axis.as_deref())
                .collect::<Vec<Option<&str>>>(),
        ),
        Column::new(
            "project".into(),
            a.iter()
                .map(|x| x.project.as_deref())
                .collect::<Vec<Option<&str>>>(),
        ),
        Column::new(
            "status".into(),
            a.iter().map(|x| x.status.as_str()).collect::<Vec<&str>>(),
        ),
        Column::new(
            "participants".into(),
            a.iter()
                .map(|x| x.participants)
                .collect::<Vec<Option<i64>>>(),
        ),
        Column::new(
            "women".into(),
            a.iter().map(|x| x.women).collect::<Vec<Option<i64>>>(),
        ),
        Column::new(
            "budget_planned".into(),
            a.iter()
                .map(|x| x.budget_planned)
                .collect::<Vec<Option<f64>>>(),
        ),
        Column::new(
            "budget_spent".into(),
            a.iter()
                .map(|x| x.budget_spent)
                .collect::<Vec<Option<f64>>>(),
        ),
        Column::new(
            "location".into(),
            a.iter()
                .map(|x| x.location.as_deref())
                .collect::<Vec<Option<&str>>>(),
        ),
    ])?;

    let mut rows: Vec<IdxSize> = Vec::new();
    let mut partners: Vec<Option<&str>> = Vec::new();
    for (i, activity) in a.iter().enumerate() {
        if activity.partners.is_empty() {
            rows.push(i as IdxSize);
            partners.push(None);
        }
        for partner in &activity.partners {
            rows.push(i as IdxSize);
            partners.push(Some(partner));
        }
    }
    let mut partners_df = activities_df.take(&IdxCa::from_vec("row".into(), rows))?;
    partners_df.with_column(Column::new("partner".into(), partners))?;

    let r = registrations;
    let training_df = DataFrame::new_infer_height(vec![
        Column::new("row".into(), (0..r.len() as u32).collect::<Vec<u32>>()),
        Column::new(
            "year".into(),
            r.iter().map(|x| x.start_date.year()).collect::<Vec<i32>>(),
        ),
        Column::new(
            "quarter".into(),
            r.iter()
                .map(|x| quarter_key(x.start_date.month()))
                .collect::<Vec<String>>(),
        ),
        Column::new(
            "month".into(),
            r.iter()
                .map(|x| x.start_date.month().to_string())
                .collect::<Vec<String>>(),
        ),
        Column::new(
            "session_id".into(),
            r.iter().map(|x| x.session_id).collect::<Vec<u32>>(),
        ),
        Column::new(
            "program".into(),
            r.iter().map(|x| x.program).collect::<Vec<u32>>(),
        ),
        Column::new(
            "hours".into(),
            r.iter().map(|x| x.hours).collect::<Vec<f64>>(),
        ),
        Column::new(
            "organisation".into(),
            r.iter().map(|x| x.organisation).collect::<Vec<u32>>(),
        ),
        Column::new(
            "participant_id".into(),
            r.iter().map(|x| x.participant_id).collect::<Vec<u32>>(),
        ),
        Column::new(
            "gender".into(),
            r.iter().map(|x| x.gender).collect::<Vec<Option<u32>>>(),
        ),
        Column::new(
            "category".into(),
            r.iter().map(|x| x.category).collect::<Vec<Option<u32>>>(),
        ),
        Column::new(
            "attended".into(),
            r.iter().map(|x| x.attended).collect::<Vec<bool>>(),
        ),
        Column::new(
            "modality".into(),
            r.iter().map(|x| x.modality).collect::<Vec<Option<u32>>>(),
        ),
        Column::new(
            "satisfaction".into(),
            r.iter()
                .map(|x| x.satisfaction)
                .collect::<Vec<Option<f64>>>(),
        ),
    ])?;
    Ok(Frames {
        activities: activities_df,
        activity_partners: partners_df,
        training: training_df,
        strings,
    })
}
