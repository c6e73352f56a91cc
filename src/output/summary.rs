//! The review's first page in sentences (SPEC 6): each sentence is a template of the words
//! catalogue (`summary-*`) filled with figures of the run. A sentence whose figures are missing
//! is left out rather than written with a gap: no sentence states what the figures do not show.

use super::document::Inputs;
use super::format::{
    display_change, display_count, display_number, display_optional, display_points,
};
use super::labels;
use crate::datasets::categories::{Kind, UNSPECIFIED_CODE};
use crate::datasets::Dataset;
use crate::indicators::{HeadlineRow, Results, Status, ValueKind};
use crate::issue::Severity;
use crate::lang::Lang;
use crate::words;
use fluent_templates::fluent_bundle::FluentValue;
use std::collections::BTreeMap;

/// How many indicators, types or files a sentence names at most.
const NAMED: usize = 3;

type Args = Vec<(&'static str, FluentValue<'static>)>;

/// The summary's sentences, in reading order; `by_file`: [`issues_by_file`].
pub fn sentences(
    results: &Results,
    inputs: &Inputs,
    by_file: &[(String, [usize; 3])],
    lang: Lang,
) -> Vec<String> {
    let say = |id: &str, args: Args| words::get_with(lang, id, args);
    let count = |n: usize| display_count(n, lang);
    let mut out = vec![sources(results, inputs, lang)];
    if let Some(text) = execution(results, lang) {
        out.push(text);
    }
    out.extend(statuses(results, lang));
    if let Some(text) = axes(results, lang) {
        out.push(text);
    }
    out.extend(training(results, lang));
    // Next year's programme in one sentence.
    let next = results.year + 1;
    if results.next_year.is_empty() {
        out.push(say(
            "summary-next-year-empty",
            vec![("year", next.to_string().into())],
        ));
    } else {
        let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
        for activity in &results.next_year {
            *by_type.entry(&activity.activity_type).or_default() += 1;
        }
        let mut types: Vec<(&str, usize)> = by_type.into_iter().collect();
        // Most frequent first; ties in code order (the map's), so the sentence never moves.
        types.sort_by_key(|t| std::cmp::Reverse(t.1));
        let items: Vec<String> = types
            .iter()
            .take(NAMED)
            .map(|(code, n)| {
                say(
                    "summary-next-year-item",
                    vec![
                        (
                            "label",
                            labels::category_code(
                                lang,
                                &results.categories,
                                Kind::ActivityType,
                                code,
                            )
                            .into(),
                        ),
                        ("count_text", count(*n).into()),
                    ],
                )
            })
            .collect();
        let target = results
            .indicator("next_year_scheduled")
            .and_then(|r| r.target);
        out.push(say(
            "summary-next-year",
            vec![
                (
                    "case",
                    if target.is_some() { "target" } else { "plain" }.into(),
                ),
                ("year", next.to_string().into()),
                ("count_text", count(results.next_year.len()).into()),
                (
                    "target",
                    display_optional(target, ValueKind::Count, lang).into(),
                ),
                ("types", list(&items, lang).into()),
            ],
        ));
    }
    out.push(quality(inputs, by_file, lang));
    out
}

fn list(items: &[String], lang: Lang) -> String {
    items.join(&words::get(lang, "report-list-separator"))
}

fn sources(results: &Results, inputs: &Inputs, lang: Lang) -> String {
    let count = |n: usize| display_count(n, lang);
    let kept = |dataset: Dataset| -> usize {
        inputs
            .sheets
            .iter()
            .filter(|s| s.dataset == Some(dataset))
            .map(|s| s.kept)
            .sum()
    };
    let (activities, registrations, targets) = (
        kept(Dataset::Activities),
        kept(Dataset::Training),
        kept(Dataset::Targets),
    );
    let organisations = results
        .table("training_by_organisation")
        .map_or(0, |t| t.rows.len());
    words::get_with(
        lang,
        "summary-sources",
        vec![
            ("year", results.year.to_string().into()),
            ("files", inputs.files.len().into()),
            ("files_text", count(inputs.files.len()).into()),
            ("rows", count(activities + registrations + targets).into()),
            ("activities", count(activities).into()),
            ("registrations", count(registrations).into()),
            ("targets", count(targets).into()),
            ("organisations", organisations.into()),
            ("organisations_text", count(organisations).into()),
        ],
    )
}

/// Activities held against scheduled, the execution rate against its target and last year.
fn execution(results: &Results, lang: Lang) -> Option<String> {
    let realised = results.indicator("activities_realised")?;
    let scheduled = results.indicator("activities_scheduled")?;
    let rate = results.indicator("execution_rate")?;
    let (realised_n, scheduled_n, rate_v) = (realised.value?, scheduled.value?, rate.value?);
    let has_previous = results.has_previous_year && rate.previous_year.is_some();
    let case = match (rate.target.is_some(), has_previous) {
        (true, true) => "both",
        (true, false) => "target",
        (false, true) => "change",
        (false, false) => "plain",
    };
    Some(words::get_with(
        lang,
        "summary-execution",
        vec![
            ("case", case.into()),
            (
                "realised",
                display_number(realised_n, ValueKind::Count, lang).into(),
            ),
            (
                "scheduled",
                display_number(scheduled_n, ValueKind::Count, lang).into(),
            ),
            (
                "rate",
                display_optional(Some(rate_v), ValueKind::Rate, lang).into(),
            ),
            (
                "target",
                display_optional(rate.target, ValueKind::Rate, lang).into(),
            ),
            (
                "points",
                display_points(rate.value, rate.previous_year, lang).into(),
            ),
            ("previous", (results.year - 1).to_string().into()),
            ("change", display_change(realised.change_pct, lang).into()),
        ],
    ))
}

/// How many indicators met their target, came close or fell behind, and the furthest behind.
fn statuses(results: &Results, lang: Lang) -> Vec<String> {
    let with_target: Vec<&HeadlineRow> = results
        .headline
        .iter()
        .filter(|r| r.status != Status::None)
        .collect();
    if with_target.is_empty() {
        return Vec::new();
    }
    let n = |status: Status| with_target.iter().filter(|r| r.status == status).count();
    let mut out = vec![words::get_with(
        lang,
        "summary-statuses",
        vec![
            ("total", with_target.len().into()),
            ("met", n(Status::Met).into()),
            ("close", n(Status::Close).into()),
            ("behind", n(Status::Behind).into()),
        ],
    )];
    let mut short: Vec<&HeadlineRow> = with_target
        .into_iter()
        .filter(|r| r.status != Status::Met)
        .collect();
    if short.is_empty() {
        out.push(words::get(lang, "summary-all-met"));
        return out;
    }
    // Lowest achievement first; ties keep the catalog's order (a stable sort).
    short.sort_by(|a, b| {
        let key = |r: &HeadlineRow| r.achievement_pct.unwrap_or(f64::INFINITY);
        key(a).total_cmp(&key(b))
    });
    let items: Vec<String> = short
        .iter()
        .take(NAMED)
        .map(|r| {
            words::get_with(
                lang,
                "summary-furthest-item",
                vec![
                    ("label", labels::indicator(lang, r).to_string().into()),
                    (
                        "achievement",
                        display_optional(r.achievement_pct, ValueKind::Rate, lang).into(),
                    ),
                ],
            )
        })
        .collect();
    out.push(words::get_with(
        lang,
        "summary-furthest",
        vec![("list", list(&items, lang).into())],
    ));
    out
}

/// The strongest and weakest strategic axes by execution rate (two axes at least).
fn axes(results: &Results, lang: Lang) -> Option<String> {
    let table = results.table("activities_by_axis")?;
    let column = table.column("execution_rate")?;
    let rated: Vec<(String, f64)> = table
        .rows
        .iter()
        .filter(|r| r.key != UNSPECIFIED_CODE)
        .filter_map(|r| {
            let rate = r.values.get(column).copied().flatten()?;
            Some((labels::row(lang, table, r, &results.categories), rate))
        })
        .collect();
    if rated.len() < 2 {
        return None;
    }
    // The first of equal rates, in the table's order.
    let low = rated
        .iter()
        .fold(&rated[0], |best, r| if r.1 < best.1 { r } else { best });
    let high = rated
        .iter()
        .fold(&rated[0], |best, r| if r.1 > best.1 { r } else { best });
    let rate = |v: f64| display_optional(Some(v), ValueKind::Rate, lang);
    Some(words::get_with(
        lang,
        "summary-axes",
        vec![
            ("low", rate(low.1).into()),
            ("low_axis", low.0.clone().into()),
            ("high", rate(high.1).into()),
            ("high_axis", high.0.clone().into()),
        ],
    ))
}

/// Sessions, trainees and hours; then attendance, satisfaction and women's share.
fn training(results: &Results, lang: Lang) -> Vec<String> {
    let value = |id: &str| {
        results
            .indicator(id)
            .and_then(|r| r.value.map(|v| (v, r.unit)))
    };
    let show = |(v, unit): (f64, crate::indicators::Unit)| {
        display_optional(Some(v), unit.value_kind(), lang)
    };
    let mut out = Vec::new();
    // No session held: no training sentence (not « 0 sessions brought together 0 trainees »).
    if let (Some(sessions), Some(trainees), Some(hours)) = (
        value("training_sessions").filter(|(n, _)| *n > 0.0),
        value("trainees"),
        value("training_person_hours"),
    ) {
        out.push(words::get_with(
            lang,
            "summary-training",
            vec![
                ("sessions", (sessions.0 as i64).into()),
                ("sessions_text", show(sessions).into()),
                ("trainees", show(trainees).into()),
                ("hours", show(hours).into()),
            ],
        ));
    }
    if let (Some(attendance), Some(satisfaction), Some(women)) = (
        value("attendance_rate"),
        value("average_satisfaction"),
        value("trainee_women_share"),
    ) {
        out.push(words::get_with(
            lang,
            "summary-training-quality",
            vec![
                ("attendance", show(attendance).into()),
                ("satisfaction", show(satisfaction).into()),
                ("women", show(women).into()),
            ],
        ));
    }
    out
}

/// The data-quality verdict: counts by severity, rows set aside, the file with most issues.
fn quality(inputs: &Inputs, by_file: &[(String, [usize; 3])], lang: Lang) -> String {
    if inputs.issues.is_empty() {
        return words::get(lang, "summary-quality-none");
    }
    let count = |n: usize| display_count(n, lang);
    let n = |severity: Severity| {
        inputs
            .issues
            .iter()
            .filter(|i| i.severity == severity)
            .count()
    };
    let summary = words::get_with(
        lang,
        "issues-summary",
        vec![
            ("errors", n(Severity::Error).into()),
            ("warnings", n(Severity::Warning).into()),
            ("infos", n(Severity::Info).into()),
        ],
    );
    let rejected: usize = inputs.sheets.iter().map(|s| s.rejected).sum();
    // The file with the most issues; the first of equals in the run's order.
    let (file, most) = by_file
        .iter()
        .map(|(file, n)| (file, n.iter().sum::<usize>()))
        .fold(None, |best: Option<(&str, usize)>, (file, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((file.as_str(), n)),
        })
        .unwrap_or(("", 0));
    words::get_with(
        lang,
        "summary-quality",
        vec![
            ("summary", summary.into()),
            ("rejected", rejected.into()),
            ("rejected_text", count(rejected).into()),
            ("file", file.to_string().into()),
            ("file_count_text", count(most).into()),
        ],
    )
}

/// Issues per input file and severity (errors, warnings, infos), in the run's order of files;
/// issues without a file are left out.
pub fn issues_by_file(inputs: &Inputs) -> Vec<(String, [usize; 3])> {
    let mut counts: Vec<(String, [usize; 3])> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = Default::default();
    for issue in inputs.issues {
        let file = &*issue.location.file;
        if file.is_empty() {
            continue;
        }
        let slot = *index.entry(file).or_insert_with(|| {
            counts.push((file.to_string(), [0; 3]));
            counts.len() - 1
        });
        let severity = match issue.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        counts[slot].1[severity] += 1;
    }
    counts
}
