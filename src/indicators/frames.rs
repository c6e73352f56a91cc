//! Typed records to Polars data frames: the only place rows cross into Polars.

use crate::datasets::Precision;
use crate::datasets::{Activity, Registrations, StringTable};
use crate::datasets::{Marker, Optional};
use chrono::Datelike;
use polars::prelude::*;
use polars_arrow::bitmap::Bitmap;

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

/// Quarters are numbered 1 to 4 in the frames; tables show them as `Q1`…`Q4` (see
/// [`quarter_key`]): a million rows then hold a number each instead of a string.
fn quarter(month: u32) -> u32 {
    (month - 1) / 3 + 1
}

pub fn quarter_key(quarter: &str) -> String {
    format!("Q{quarter}")
}

pub fn build(
    activities: &[Activity],
    registrations: Registrations,
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
                .map(|x| quarter(x.date.month()))
                .collect::<Vec<u32>>(),
        ),
        Column::new(
            "month".into(),
            // A date known by its quarter has no month: the by-month tables leave it out.
            a.iter()
                .map(|x| (x.date_precision != Precision::Quarter).then(|| x.date.month()))
                .collect::<Vec<Option<u32>>>(),
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

    let training_df = training_frame(registrations)?;
    Ok(Frames {
        activities: activities_df,
        activity_partners: partners_df,
        training: training_df,
        strings,
    })
}

/// The training frame: the registrations' columns handed over as they are (no copy for the
/// plain ones), the calendar columns derived from the start dates.
fn training_frame(r: Registrations) -> PolarsResult<DataFrame> {
    let n = r.len();
    let mut year = Vec::with_capacity(n);
    let mut quarters = Vec::with_capacity(n);
    let mut month = Vec::with_capacity(n);
    for date in &r.start_date {
        year.push(date.year());
        quarters.push(quarter(date.month()));
        month.push(date.month());
    }
    DataFrame::new_infer_height(vec![
        Column::new("row".into(), (0..n as u32).collect::<Vec<u32>>()),
        Column::new("year".into(), year),
        Column::new("quarter".into(), quarters),
        Column::new("month".into(), month),
        Column::new("session_id".into(), r.session_id),
        Column::new("program".into(), r.program),
        Column::new("hours".into(), r.hours),
        Column::new("organisation".into(), r.organisation),
        Column::new("participant_id".into(), r.participant_id),
        optional::<UInt32Type>("gender", r.gender),
        optional::<UInt32Type>("category", r.category),
        Column::new("attended".into(), r.attended),
        optional::<UInt32Type>("modality", r.modality),
        optional::<Float64Type>("satisfaction", r.satisfaction),
    ])
}

/// An optional column handed over as it is, with a validity mask (the marker stays under the
/// nulls).
fn optional<T>(name: &str, column: Optional<T::Native>) -> Column
where
    T: PolarsNumericType,
    T::Native: Marker,
{
    let valid: Bitmap = column.values().iter().map(|v| !v.is_none()).collect();
    ChunkedArray::<T>::from_vec_validity(name.into(), column.into_values(), Some(valid))
        .into_column()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasets::Registration;
    use crate::datasets::Source;

    #[test]
    fn optional_columns_reach_polars_with_their_nulls() {
        let mut registrations = Registrations::default();
        for (row, gender, satisfaction) in
            [(2, Some(7), None), (3, None, Some(4.5)), (4, Some(9), None)]
        {
            registrations.push(Registration {
                source: Source { sheet: 0, row },
                session_id: 0,
                program: 1,
                start_date: chrono::NaiveDate::from_ymd_opt(2024, 5, 2).expect("a date"),
                end_date: None,
                hours: 3.0,
                organisation: 2,
                participant_id: row,
                gender,
                category: None,
                attended: true,
                modality: Some(5),
                satisfaction,
            });
        }
        let frame = training_frame(registrations).expect("a frame");
        let gender = frame.column("gender").expect("gender");
        let gender: Vec<Option<u32>> = gender.u32().expect("codes").iter().collect();
        assert_eq!(gender, [Some(7), None, Some(9)]);
        let category = frame.column("category").expect("category");
        assert_eq!(category.null_count(), 3);
        let satisfaction = frame.column("satisfaction").expect("satisfaction");
        let satisfaction: Vec<Option<f64>> = satisfaction.f64().expect("numbers").iter().collect();
        assert_eq!(satisfaction, [None, Some(4.5), None]);
        assert_eq!(
            frame
                .column("quarter")
                .expect("quarter")
                .u32()
                .expect("u32")
                .get(0),
            Some(2)
        );
    }
}
