//! Which charts a report has (SPEC 6) and where their numbers come from (the tables of SPEC 4).

use super::charts::{BarChart, Reference};
use super::document::t;
use super::format::display_percent;
use crate::indicators::{Results, Table, ValueKind};
use crate::lang::Lang;
use crate::words;

/// A chart to draw, or the reason it is not drawn.
pub enum Planned {
    Draw(BarChart),
    Skip {
        id: String,
        title: String,
        reason: String,
    },
}

fn column(table: &Table, name: &str) -> Vec<f64> {
    let Some(index) = table.column(name) else {
        return Vec::new();
    };
    table
        .rows
        .iter()
        .map(|r| r.values[index].unwrap_or(0.0))
        .collect()
}

fn labels(table: &Table, results: &Results, lang: Lang) -> Vec<String> {
    super::labels::rows(lang, table, &results.categories)
}

fn skip(id: &str, title: String, reason: String) -> Planned {
    Planned::Skip {
        id: id.to_string(),
        title,
        reason,
    }
}

fn no_data(lang: Lang) -> String {
    t(lang, "chart-no-data")
}

fn plan(chart: BarChart, lang: Lang) -> Planned {
    if chart.has_data() {
        Planned::Draw(chart)
    } else {
        skip(&chart.id, chart.title, no_data(lang))
    }
}

/// A chart's title followed by the year.
fn titled(lang: Lang, id: &str, year: i32) -> String {
    words::get_with(
        lang,
        "chart-titled",
        vec![
            ("title", t(lang, id).into()),
            ("year", year.to_string().into()),
        ],
    )
}

pub fn charts(results: &Results, lang: Lang) -> Vec<Planned> {
    let year = results.year;
    let mut planned = Vec::new();
    let activities_axis = t(lang, "chart-axis-activities");
    let scheduled_vs_realised = |table: &Table, id: &str, title: String| {
        BarChart::grouped(
            id,
            title,
            activities_axis.clone(),
            labels(table, results, lang),
            vec![
                (
                    t(lang, "chart-series-scheduled"),
                    column(table, "scheduled"),
                ),
                (t(lang, "chart-series-done"), column(table, "realised")),
            ],
            ValueKind::Count,
        )
    };
    if let Some(table) = results.table("activities_by_type") {
        let title = titled(lang, "chart-activities-by-type", year);
        planned.push(plan(
            scheduled_vs_realised(table, "activities_by_type", title).sorted(),
            lang,
        ));
    }
    if let Some(table) = results.table("activities_by_quarter") {
        let title = titled(lang, "chart-activities-by-quarter", year);
        planned.push(plan(
            scheduled_vs_realised(table, "activities_by_quarter", title).vertical(),
            lang,
        ));
    }
    if let Some(table) = results.table("activities_by_month") {
        let title = words::get_with(
            lang,
            "chart-activities-by-month",
            vec![
                ("year", year.to_string().into()),
                ("previous", (year - 1).to_string().into()),
            ],
        );
        let chart = BarChart::grouped(
            "activities_by_month",
            title,
            t(lang, "chart-axis-activities-done"),
            labels(table, results, lang),
            vec![
                (year.to_string(), column(table, "realised")),
                (
                    (year - 1).to_string(),
                    column(table, "realised_previous_year"),
                ),
            ],
            ValueKind::Count,
        )
        .vertical();
        planned.push(plan(chart, lang));
    }
    if let Some(table) = results.table("activities_by_axis") {
        let target = results.indicator("execution_rate").and_then(|h| h.target);
        let chart = BarChart::grouped(
            "execution_by_axis",
            titled(lang, "chart-execution-by-axis", year),
            t(lang, "chart-axis-execution-rate"),
            labels(table, results, lang),
            vec![(
                t(lang, "chart-series-execution-rate"),
                column(table, "execution_rate"),
            )],
            ValueKind::Rate,
        );
        let mut chart = chart.sorted();
        chart.reference = target.map(|value| Reference {
            value,
            label: words::get_with(
                lang,
                "chart-target",
                vec![("value", display_percent(value, lang).into())],
            ),
        });
        planned.push(plan(chart, lang));
    }
    if let Some(table) = results.table("training_by_program") {
        let chart = BarChart::grouped(
            "training_hours_by_program",
            titled(lang, "chart-hours-by-program", year),
            t(lang, "chart-axis-person-hours"),
            labels(table, results, lang),
            vec![(
                t(lang, "chart-series-person-hours"),
                column(table, "person_hours"),
            )],
            ValueKind::Decimal,
        )
        .sorted();
        planned.push(plan(chart, lang));
    }
    let gender_title = titled(lang, "chart-trainees-by-gender", year);
    match results.table("trainees_by_organisation_gender") {
        Some(table) => {
            let women = column(table, "women_trainees");
            let men = column(table, "men_trainees");
            let known = column(table, "trainees_with_gender");
            let all = column(table, "trainees");
            let unknown: Vec<f64> = all
                .iter()
                .zip(&known)
                .map(|(a, k)| (a - k).max(0.0))
                .collect();
            let mut chart = BarChart::grouped(
                "trainees_by_organisation_gender",
                gender_title,
                t(lang, "chart-axis-trainees"),
                labels(table, results, lang),
                vec![
                    (t(lang, "chart-series-women"), women),
                    (t(lang, "chart-series-men"), men),
                    (t(lang, "unspecified"), unknown),
                ],
                ValueKind::Count,
            );
            chart.stacked = true;
            planned.push(plan(chart.sorted(), lang));
        }
        None => planned.push(skip(
            "trainees_by_organisation_gender",
            gender_title,
            t(lang, "chart-no-gender"),
        )),
    }
    let with_target: Vec<&crate::indicators::HeadlineRow> = results
        .headline
        .iter()
        .filter(|h| h.achievement_pct.is_some())
        .collect();
    let targets_title = titled(lang, "chart-targets", year);
    if with_target.is_empty() {
        planned.push(skip("targets", targets_title, t(lang, "chart-no-target")));
    } else {
        let mut chart = BarChart::grouped(
            "targets",
            targets_title,
            t(lang, "chart-axis-achievement"),
            with_target
                .iter()
                .map(|h| super::labels::indicator(lang, h).to_string())
                .collect(),
            vec![(
                t(lang, "chart-series-achievement"),
                with_target
                    .iter()
                    .map(|h| h.achievement_pct.unwrap_or(0.0))
                    .collect(),
            )],
            ValueKind::Rate,
        )
        .sorted();
        chart.reference = Some(Reference {
            value: 100.0,
            label: display_percent(100.0, lang),
        });
        planned.push(plan(chart, lang));
    }
    if let Some(table) = results.table("trend") {
        let chart = BarChart::grouped(
            "trend",
            t(lang, "chart-trend"),
            activities_axis.clone(),
            labels(table, results, lang),
            vec![
                (
                    t(lang, "chart-series-scheduled"),
                    column(table, "activities_scheduled"),
                ),
                (
                    t(lang, "chart-series-done"),
                    column(table, "activities_realised"),
                ),
            ],
            ValueKind::Count,
        )
        .vertical();
        planned.push(plan(chart, lang));
    }
    planned
}
