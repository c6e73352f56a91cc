//! One function per dataset: a data row to a typed record, with the row-level rules of SPEC 3.

use super::categories::{Categories, Kind};
use super::normalize::normalize_key;
use super::records::{Activity, Registration, Source, StringTable, Target};
use super::row_reader::RowReader;
use super::schema::fields::{activities, targets, training};
use super::schema::FieldId;
use super::texts::{Reading, TextMemo};
use crate::issue::{Code, Message, Severity};
use crate::read::Cell;

/// An indicator the targets sheet may name, by id or label.
#[derive(Debug, Clone)]
pub struct IndicatorName {
    pub id: String,
    pub fr: String,
    pub en: String,
}

pub fn activity(r: &mut RowReader, source: Source, categories: &Categories) -> Option<Activity> {
    let id = r.text(activities::ID);
    let dated = r.activity_date(activities::DATE);
    let date = dated.map(|(date, _)| date);
    // A range in the date cell (« du 12 au 14 mai 2026 ») gives the end when its column is empty.
    let end_date = r
        .date(activities::END_DATE)
        .or_else(|| r.range_end(activities::DATE));
    let activity_type = activity_type(r, categories);
    let title = r.text(activities::TITLE);
    let axis = r.text(activities::AXIS);
    let project = r.text(activities::PROJECT);
    let partners = r.text_list(activities::PARTNER);
    let status = r.category(activities::STATUS, categories, Kind::Status);
    let participants = r.count(activities::PARTICIPANTS);
    let mut women = r.count(activities::WOMEN);
    let budget_planned = r.non_negative(activities::BUDGET_PLANNED);
    let budget_spent = r.non_negative(activities::BUDGET_SPENT);
    let location = r.text(activities::LOCATION);
    if r.rejected {
        return None;
    }
    let (date, activity_type, status) = (date?, activity_type?, status?);
    if let (Some(w), Some(p)) = (women, participants) {
        if w > p {
            r.report(
                activities::WOMEN,
                Code::InconsistentRow,
                Message::new("women-above-participants")
                    .with("women", w)
                    .with("participants", p),
            );
            women = None;
        }
    }
    let end_date = end_not_before(r, activities::END_DATE, end_date, date);
    Some(Activity {
        source,
        date_precision: dated.map_or_else(Default::default, |(_, precision)| precision),
        id,
        date,
        end_date,
        activity_type,
        title,
        axis,
        project,
        partners,
        status,
        participants,
        women,
        budget_planned,
        budget_spent,
        location,
    })
}

/// A known type gives its code; any other value is kept as its own category with a warning.
fn activity_type(r: &mut RowReader, categories: &Categories) -> Option<String> {
    let cell = r.raw(activities::TYPE)?;
    let display = cell.display();
    let text = super::normalize::clean_text(&display).into_owned();
    if let Some((category, by_meaning)) = categories.find_how(Kind::ActivityType, &text) {
        if by_meaning {
            r.report_meaning(activities::TYPE, cell, category, Kind::ActivityType);
        }
        return Some(category.code.clone());
    }
    r.report_with(
        activities::TYPE,
        Code::UnknownCategory,
        Severity::Warning,
        Message::new("unknown-activity-type"),
    );
    Some(text)
}

pub fn registration(
    r: &mut RowReader,
    source: Source,
    categories: &Categories,
    strings: &mut StringTable,
) -> Option<Registration> {
    let session_id = r.coded_text(training::SESSION_ID, strings);
    let program = r.coded_text(training::PROGRAM, strings);
    let start_date = r.date(training::START_DATE);
    let end_date = r
        .date(training::END_DATE)
        .or_else(|| r.range_end(training::START_DATE));
    let hours = r.number(training::HOURS).map(|n| n.value);
    let organisation = r.coded_text(training::ORGANISATION, strings);
    let participant_id = r.coded_text(training::PARTICIPANT_ID, strings);
    let gender = r.coded_category(training::GENDER, categories, Kind::Gender, strings);
    let category = r.coded_text(training::CATEGORY, strings);
    // An empty cell in a present `attended` column means absent; no column means everyone attended.
    let attended_column = r.has_column(training::ATTENDED);
    let attended = r.boolean(training::ATTENDED).unwrap_or(!attended_column);
    let modality = r.coded_category(training::MODALITY, categories, Kind::Modality, strings);
    let mut satisfaction = r.number(training::SATISFACTION).map(|n| n.value);
    if let Some(h) = hours {
        if h <= 0.0 {
            r.report(
                training::HOURS,
                Code::OutOfRange,
                Message::new("hours-not-positive"),
            );
        }
    }
    if let Some(s) = satisfaction {
        if !(1.0..=5.0).contains(&s) {
            r.report(
                training::SATISFACTION,
                Code::OutOfRange,
                Message::new("satisfaction-out-of-range"),
            );
            satisfaction = None;
        }
    }
    if r.rejected {
        return None;
    }
    let start_date = start_date?;
    let end_date = end_not_before(r, training::END_DATE, end_date, start_date);
    Some(Registration {
        source,
        session_id: session_id?,
        program: program?,
        start_date,
        end_date,
        hours: hours?,
        organisation: organisation?,
        participant_id: participant_id?,
        gender,
        category,
        attended,
        modality,
        satisfaction,
    })
}

pub fn target(r: &mut RowReader, source: Source, names: &[IndicatorName]) -> Option<Target> {
    let year = r.integer(targets::YEAR);
    target_with(r, source, names, year)
}

/// A target of a matrix, whose year is its column's.
pub fn target_of_year(
    r: &mut RowReader,
    source: Source,
    names: &[IndicatorName],
    year: i32,
) -> Option<Target> {
    target_with(r, source, names, Some(i64::from(year)))
}

fn target_with(
    r: &mut RowReader,
    source: Source,
    names: &[IndicatorName],
    year: Option<i64>,
) -> Option<Target> {
    let indicator_text = r.text(targets::INDICATOR);
    let target = r.non_negative(targets::TARGET);
    let indicator = indicator_text.and_then(|text| {
        let key = normalize_key(&text);
        let found = names.iter().find(|n| {
            normalize_key(&n.id) == key
                || normalize_key(&n.fr) == key
                || normalize_key(&n.en) == key
        });
        if found.is_none() {
            r.report(
                targets::INDICATOR,
                Code::UnknownCategory,
                Message::new("unknown-indicator"),
            );
        }
        found.map(|n| n.id.clone())
    });
    if r.rejected {
        return None;
    }
    Some(Target {
        source,
        year: i32::try_from(year?).ok()?,
        indicator: indicator?,
        target: target?,
    })
}

/// SPEC 3: an end date before the start is a warning and is emptied.
fn end_not_before(
    r: &mut RowReader,
    field: FieldId,
    end: Option<chrono::NaiveDate>,
    start: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    let end = end?;
    if end < start {
        r.report(
            field,
            Code::InconsistentRow,
            Message::new("end-before-start"),
        );
        return None;
    }
    Some(end)
}

/// A row whose first non-empty cell is a total label is a subtotal people add by hand, not data.
/// A shared text is normalised once (`memo`): every row of a register asks about its first cell.
pub fn is_total_row(cells: &[Cell], texts: &[Cell], memo: &mut TextMemo) -> bool {
    let Some(first) = cells.iter().find(|c| !c.is_blank()) else {
        return false;
    };
    let is_total_label = || {
        let Cell::Text(text) = first.resolve(texts) else {
            return false;
        };
        matches!(
            normalize_key(text).as_str(),
            "total" | "totaux" | "total general" | "sous total" | "sous totaux" | "total generaux"
        )
    };
    match first {
        Cell::Shared(text) => memo
            .bits_or(*text, Reading::TotalLabel, || {
                Some(u64::from(is_total_label()))
            })
            .is_some_and(|bits| bits == 1),
        _ => is_total_label(),
    }
}
