//! Typed records to Polars data frames: the only place rows cross into Polars.

use crate::datasets::{Activity, Registration};
use chrono::Datelike;
use polars::prelude::*;

/// One frame per table the aggregations read.
pub struct Frames {
    /// One row per kept activity.
    pub activities: DataFrame,
    /// One row per (activity, partner); activities without a partner have a null partner.
    pub activity_partners: DataFrame,
    /// One row per kept registration.
    pub training: DataFrame,
}

fn quarter_key(month: u32) -> String {
    format!("Q{}", (month - 1) / 3 + 1)
}

pub fn build(activities: &[Activity], registrations: &[Registration]) -> PolarsResult<Frames> {
    let activities_df = DataFrame::new_infer_height(vec![
        Column::new(
            "year".into(),
            activities
                .iter()
                .map(|a| a.date.year())
                .collect::<Vec<i32>>(),
        ),
        Column::new(
            "quarter".into(),
            activities
                .iter()
                .map(|a| quarter_key(a.date.month()))
                .collect::<Vec<String>>(),
        ),
        Column::new(
            "month".into(),
            activities
                .iter()
                .map(|a| a.date.month().to_string())
                .collect::<Vec<String>>(),
        ),
        Column::new(
            "type".into(),
            activities
                .iter()
                .map(|a| a.activity_type.as_str())
                .collect::<Vec<&str>>(),
        ),
        Column::new(
            "status".into(),
            activities.iter().map(|a| a.status).collect::<Vec<&str>>(),
        ),
        Column::new(
            "axis".into(),
            activities
                .iter()
                .map(|a| a.axis.as_deref())
                .collect::<Vec<Option<&str>>>(),
        ),
        Column::new(
            "participants".into(),
            activities
                .iter()
                .map(|a| a.participants)
                .collect::<Vec<Option<i64>>>(),
        ),
        Column::new(
            "women".into(),
            activities
                .iter()
                .map(|a| a.women)
                .collect::<Vec<Option<i64>>>(),
        ),
        Column::new(
            "budget_planned".into(),
            activities
                .iter()
                .map(|a| a.budget_planned)
                .collect::<Vec<Option<f64>>>(),
        ),
        Column::new(
            "budget_spent".into(),
            activities
                .iter()
                .map(|a| a.budget_spent)
                .collect::<Vec<Option<f64>>>(),
        ),
    ])?;

    let mut years = Vec::new();
    let mut statuses = Vec::new();
    let mut participants = Vec::new();
    let mut partners: Vec<Option<&str>> = Vec::new();
    for a in activities {
        let names: Vec<Option<&str>> = if a.partners.is_empty() {
            vec![None]
        } else {
            a.partners.iter().map(|p| Some(p.as_str())).collect()
        };
        for name in names {
            years.push(a.date.year());
            statuses.push(a.status);
            participants.push(a.participants);
            partners.push(name);
        }
    }
    let partners_df = DataFrame::new_infer_height(vec![
        Column::new("year".into(), years),
        Column::new("status".into(), statuses),
        Column::new("participants".into(), participants),
        Column::new("partner".into(), partners),
    ])?;

    let r = registrations;
    let training_df = DataFrame::new_infer_height(vec![
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
            r.iter()
                .map(|x| x.session_id.as_str())
                .collect::<Vec<&str>>(),
        ),
        Column::new(
            "program".into(),
            r.iter().map(|x| x.program.as_str()).collect::<Vec<&str>>(),
        ),
        Column::new(
            "hours".into(),
            r.iter().map(|x| x.hours).collect::<Vec<f64>>(),
        ),
        Column::new(
            "organisation".into(),
            r.iter()
                .map(|x| x.organisation.as_str())
                .collect::<Vec<&str>>(),
        ),
        Column::new(
            "participant_id".into(),
            r.iter()
                .map(|x| x.participant_id.as_str())
                .collect::<Vec<&str>>(),
        ),
        Column::new(
            "gender".into(),
            r.iter().map(|x| x.gender).collect::<Vec<Option<&str>>>(),
        ),
        Column::new(
            "attended".into(),
            r.iter().map(|x| x.attended).collect::<Vec<bool>>(),
        ),
        Column::new(
            "modality".into(),
            r.iter().map(|x| x.modality).collect::<Vec<Option<&str>>>(),
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
    })
}
