//! Which charts a report has and where their numbers come from (the tables of SPEC 4).

use super::charts::BarChart;
use super::document::t;
use crate::indicators::{Results, Table, ValueKind};
use crate::Lang;

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

fn labels(table: &Table) -> Vec<String> {
    table.rows.iter().map(|r| r.label.clone()).collect()
}

fn plan(chart: BarChart, lang: Lang) -> Planned {
    if chart.has_data() {
        Planned::Draw(chart)
    } else {
        Planned::Skip {
            reason: t(
                lang,
                "Graphique non tracé : aucune donnée pour cette année.",
                "Chart not drawn: no data for this year.",
            ),
            id: chart.id,
            title: chart.title,
        }
    }
}

pub fn charts(results: &Results, lang: Lang) -> Vec<Planned> {
    let year = results.year;
    let mut planned = Vec::new();
    let scheduled_vs_realised = |table: &Table, id: &str, title: String| BarChart {
        id: id.into(),
        title,
        value_axis: t(lang, "Nombre d'activités", "Number of activities"),
        categories: labels(table),
        series: vec![
            (
                t(lang, "Programmées", "Scheduled"),
                column(table, "scheduled"),
            ),
            (t(lang, "Réalisées", "Done"), column(table, "realised")),
        ],
        kind: ValueKind::Count,
    };
    if let Some(table) = results.table("activities_by_type") {
        let title = match lang {
            Lang::Fr => format!("Activités programmées et réalisées par type ({year})"),
            Lang::En => format!("Scheduled and completed activities by type ({year})"),
        };
        planned.push(plan(
            scheduled_vs_realised(table, "activities_by_type", title),
            lang,
        ));
    }
    if let Some(table) = results.table("activities_by_quarter") {
        let title = match lang {
            Lang::Fr => format!("Activités par trimestre ({year})"),
            Lang::En => format!("Activities by quarter ({year})"),
        };
        planned.push(plan(
            scheduled_vs_realised(table, "activities_by_quarter", title),
            lang,
        ));
    }
    if let Some(table) = results.table("activities_by_month") {
        planned.push(plan(
            BarChart {
                id: "activities_by_month".into(),
                title: match lang {
                    Lang::Fr => format!("Activités réalisées par mois, {year} et {}", year - 1),
                    Lang::En => format!("Activities done by month, {year} and {}", year - 1),
                },
                value_axis: t(lang, "Activités réalisées", "Activities done"),
                categories: labels(table),
                series: vec![
                    (year.to_string(), column(table, "realised")),
                    (
                        (year - 1).to_string(),
                        column(table, "realised_previous_year"),
                    ),
                ],
                kind: ValueKind::Count,
            },
            lang,
        ));
    }
    if let Some(table) = results.table("training_by_program") {
        planned.push(plan(
            BarChart {
                id: "training_hours_by_program".into(),
                title: match lang {
                    Lang::Fr => format!("Heures-personnes de formation par programme ({year})"),
                    Lang::En => format!("Training person-hours by programme ({year})"),
                },
                value_axis: t(lang, "Heures-personnes", "Person-hours"),
                categories: labels(table),
                series: vec![(
                    t(lang, "Heures-personnes", "Person-hours"),
                    column(table, "person_hours"),
                )],
                kind: ValueKind::Decimal,
            },
            lang,
        ));
    }
    planned
}
