//! Which charts a report has (SPEC 6) and where their numbers come from (the tables of SPEC 4).

use super::charts::{BarChart, Reference};
use super::document::t;
use super::format::display_percent;
use crate::indicators::{Results, Table, ValueKind};
use crate::lang::Lang;

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

fn skip(id: &str, title: String, reason: String) -> Planned {
    Planned::Skip {
        id: id.to_string(),
        title,
        reason,
    }
}

fn no_data(lang: Lang) -> String {
    t(
        lang,
        "Graphique non tracé : aucune donnée pour cette année.",
        "Chart not drawn: no data for this year.",
    )
}

fn plan(chart: BarChart, lang: Lang) -> Planned {
    if chart.has_data() {
        Planned::Draw(chart)
    } else {
        skip(&chart.id, chart.title, no_data(lang))
    }
}

fn titled(lang: Lang, fr: &str, en: &str, year: i32) -> String {
    format!("{} ({year})", lang.pick(fr, en))
}

pub fn charts(results: &Results, lang: Lang) -> Vec<Planned> {
    let year = results.year;
    let mut planned = Vec::new();
    let activities_axis = t(lang, "Nombre d'activités", "Number of activities");
    let scheduled_vs_realised = |table: &Table, id: &str, title: String| {
        BarChart::grouped(
            id,
            title,
            activities_axis.clone(),
            labels(table),
            vec![
                (
                    t(lang, "Programmées", "Scheduled"),
                    column(table, "scheduled"),
                ),
                (t(lang, "Réalisées", "Done"), column(table, "realised")),
            ],
            ValueKind::Count,
        )
    };
    if let Some(table) = results.table("activities_by_type") {
        let title = titled(
            lang,
            "Activités programmées et réalisées par type",
            "Scheduled and completed activities by type",
            year,
        );
        planned.push(plan(
            scheduled_vs_realised(table, "activities_by_type", title),
            lang,
        ));
    }
    if let Some(table) = results.table("activities_by_quarter") {
        let title = titled(
            lang,
            "Activités par trimestre",
            "Activities by quarter",
            year,
        );
        planned.push(plan(
            scheduled_vs_realised(table, "activities_by_quarter", title),
            lang,
        ));
    }
    if let Some(table) = results.table("activities_by_month") {
        let title = match lang {
            Lang::Fr => format!("Activités réalisées par mois, {year} et {}", year - 1),
            Lang::En => format!("Activities done by month, {year} and {}", year - 1),
        };
        let chart = BarChart::grouped(
            "activities_by_month",
            title,
            t(lang, "Activités réalisées", "Activities done"),
            labels(table),
            vec![
                (year.to_string(), column(table, "realised")),
                (
                    (year - 1).to_string(),
                    column(table, "realised_previous_year"),
                ),
            ],
            ValueKind::Count,
        );
        planned.push(plan(chart, lang));
    }
    if let Some(table) = results.table("activities_by_axis") {
        let target = results
            .headline
            .iter()
            .find(|h| h.id == "execution_rate")
            .and_then(|h| h.target);
        let mut chart = BarChart::grouped(
            "execution_by_axis",
            titled(
                lang,
                "Taux de réalisation par axe stratégique",
                "Execution rate by strategic axis",
                year,
            ),
            t(lang, "Taux de réalisation (%)", "Execution rate (%)"),
            labels(table),
            vec![(
                t(lang, "Taux de réalisation", "Execution rate"),
                column(table, "execution_rate"),
            )],
            ValueKind::Rate,
        );
        chart.reference = target.map(|value| Reference {
            value,
            label: format!(
                "{} {}",
                t(lang, "Cible", "Target"),
                display_percent(value, lang)
            ),
        });
        planned.push(plan(chart, lang));
    }
    if let Some(table) = results.table("training_by_program") {
        let chart = BarChart::grouped(
            "training_hours_by_program",
            titled(
                lang,
                "Heures-personnes de formation par programme",
                "Training person-hours by programme",
                year,
            ),
            t(lang, "Heures-personnes", "Person-hours"),
            labels(table),
            vec![(
                t(lang, "Heures-personnes", "Person-hours"),
                column(table, "person_hours"),
            )],
            ValueKind::Decimal,
        );
        planned.push(plan(chart, lang));
    }
    let gender_title = titled(
        lang,
        "Bénéficiaires formés par organisme et par sexe",
        "Trainees by organisation and gender",
        year,
    );
    match results.table("trainees_by_organisation_gender") {
        Some(table) => {
            let women = column(table, "women_trainees");
            let men = column(table, "men_trainees");
            let known = column(table, "trainees_with_gender");
            let all = column(table, "trainees");
            let unknown: Vec<f64> = all.iter().zip(&known).map(|(a, k)| (a - k).max(0.0)).collect();
            let mut chart = BarChart::grouped(
                "trainees_by_organisation_gender",
                gender_title,
                t(lang, "Bénéficiaires", "Trainees"),
                labels(table),
                vec![
                    (t(lang, "Femmes", "Women"), women),
                    (t(lang, "Hommes", "Men"), men),
                    (t(lang, "Non renseigné", "Not specified"), unknown),
                ],
                ValueKind::Count,
            );
            chart.stacked = true;
            planned.push(plan(chart, lang));
        }
        None => planned.push(skip(
            "trainees_by_organisation_gender",
            gender_title,
            t(
                lang,
                "Graphique non tracé : le catalogue ne définit plus les indicateurs de bénéficiaires par sexe.",
                "Chart not drawn: the catalog no longer defines the trainees-by-gender indicators.",
            ),
        )),
    }
    let with_target: Vec<&crate::indicators::HeadlineRow> = results
        .headline
        .iter()
        .filter(|h| h.achievement_pct.is_some())
        .collect();
    let targets_title = titled(lang, "Atteinte des cibles", "Achievement of targets", year);
    if with_target.is_empty() {
        planned.push(skip(
            "targets",
            targets_title,
            t(
                lang,
                "Graphique non tracé : aucune cible n'est fixée pour cette année.",
                "Chart not drawn: no target is set for this year.",
            ),
        ));
    } else {
        let mut chart = BarChart::grouped(
            "targets",
            targets_title,
            t(
                lang,
                "Atteinte de la cible (%)",
                "Achievement of the target (%)",
            ),
            with_target.iter().map(|h| h.label.clone()).collect(),
            vec![(
                t(lang, "Atteinte", "Achievement"),
                with_target
                    .iter()
                    .map(|h| h.achievement_pct.unwrap_or(0.0))
                    .collect(),
            )],
            ValueKind::Rate,
        );
        chart.reference = Some(Reference {
            value: 100.0,
            label: display_percent(100.0, lang),
        });
        planned.push(plan(chart, lang));
    }
    if let Some(table) = results.table("trend") {
        let chart = BarChart::grouped(
            "trend",
            t(
                lang,
                "Activités programmées et réalisées par année",
                "Scheduled and completed activities by year",
            ),
            activities_axis.clone(),
            labels(table),
            vec![
                (
                    t(lang, "Programmées", "Scheduled"),
                    column(table, "activities_scheduled"),
                ),
                (
                    t(lang, "Réalisées", "Done"),
                    column(table, "activities_realised"),
                ),
            ],
            ValueKind::Count,
        );
        planned.push(plan(chart, lang));
    }
    planned
}
