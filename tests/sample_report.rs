//! The shipped sample: its committed report is reproduced byte for byte, and its
//! indicators equal a count made here, independently of bilan's pipeline.

mod common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::{bilan, indicator_values, read_csv, repo_root, tree, value_of};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn committed_sample_report_is_reproduced_byte_for_byte() {
    // Beside reports/, at the same depth: report.xlsx links to the inputs relative to its folder.
    let out = tempfile::tempdir_in(repo_root()).expect("a temporary folder");
    let out_arg = out.path().to_str().expect("a UTF-8 path");
    bilan(&repo_root(), &["report", "--out", out_arg, "--quiet"]).expect_code(0);
    let committed = repo_root().join("reports/2024");
    let fresh = out.path().join("2024");
    let committed_files = tree(&committed);
    assert_eq!(
        committed_files,
        tree(&fresh),
        "the report's file list changed"
    );
    for file in committed_files {
        let a = std::fs::read(committed.join(&file)).expect("committed file");
        let b = std::fs::read(fresh.join(&file)).expect("fresh file");
        assert!(a == b, "{} differs from the committed report; regenerate with `cargo run --release -- report` if the change is intended", file.display());
    }
}

/// One activity row as this test reads it, straight from calamine.
struct Act {
    year: i32,
    id: String,
    status: String,
    partners: Vec<String>,
    participants: Option<f64>,
    women: Option<f64>,
    planned: Option<f64>,
    spent: Option<f64>,
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

fn year(cell: &Data) -> i32 {
    match cell {
        Data::DateTime(dt) => i32::from(dt.to_ymd_hms_milli().0),
        other => panic!("expected a date cell, found {other:?}"),
    }
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.trim().to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn close(actual: &str, expected: f64, places: i32) {
    let actual: f64 = actual
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {actual:?} (expected {expected})"));
    let tolerance = 0.5 * 10f64.powi(-places) + 1e-9;
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} is not {expected} rounded to {places} decimals"
    );
}

#[test]
fn sample_indicators_match_an_independent_count() {
    let root = repo_root();
    let mut workbook: Xlsx<_> =
        open_workbook(root.join("data/plan_action_2023_2024.xlsx")).expect("the sample workbook");

    // Activities: header on row 4, data until the "Total" row.
    let range = workbook
        .worksheet_range("Activités")
        .expect("the Activités sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[3].iter().map(text).collect();
    let col = |name: &str| column_of(&header, name);
    let mut acts: Vec<Act> = Vec::new();
    let mut seen_ids = BTreeSet::new();
    for row in &rows[4..] {
        if text(&row[0]) == "Total" {
            break;
        }
        let act = Act {
            year: year(&row[col("Date de début")]),
            id: text(&row[col("Référence")]),
            status: text(&row[col("Statut")]),
            partners: text(&row[col("Partenaires")])
                .split(';')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
            participants: number(&row[col("Nombre de participants")]),
            women: number(&row[col("Dont femmes")]),
            planned: number(&row[col("Budget prévu (MAD)")]),
            spent: number(&row[col("Budget réalisé (MAD)")]),
        };
        // SPEC 3.1: a repeated id in the same year counts once.
        if seen_ids.insert((act.year, act.id.clone())) {
            acts.push(act);
        }
    }
    let y: Vec<&Act> = acts.iter().filter(|a| a.year == 2024).collect();
    let done: Vec<&&Act> = y.iter().filter(|a| a.status == "Réalisé").collect();
    let scheduled = y.len() as f64;
    let realised = done.len() as f64;
    let engaged = y
        .iter()
        .filter(|a| a.status == "Réalisé" || a.status == "En cours")
        .count() as f64;
    let participants: f64 = done.iter().filter_map(|a| a.participants).sum();
    let (mut women_both, mut participants_both) = (0.0, 0.0);
    for a in &done {
        if let (Some(w), Some(p)) = (a.women, a.participants) {
            // women above participants is emptied (SPEC 3.1)
            if w <= p {
                women_both += w;
                participants_both += p;
            }
        }
    }
    let partners: BTreeSet<&String> = done.iter().flat_map(|a| a.partners.iter()).collect();
    let budgeted: Vec<&&Act> = y
        .iter()
        .filter(|a| a.planned.unwrap_or(0.0) > 0.0)
        .collect();
    let budget_rate = budgeted.iter().map(|a| a.spent.unwrap_or(0.0)).sum::<f64>()
        / budgeted.iter().filter_map(|a| a.planned).sum::<f64>()
        * 100.0;

    // Next year's activities are the rows of the CSV export.
    let csv_text =
        std::fs::read_to_string(root.join("data/programme_2025.csv")).expect("the 2025 CSV");
    let next_year = csv_text
        .lines()
        .skip(1)
        .filter(|l| l.contains("/2025;"))
        .count() as f64;

    // Training registrations.
    let range = workbook
        .worksheet_range("Formations")
        .expect("the Formations sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(text).collect();
    let col = |name: &str| column_of(&header, name);
    let mut seen = BTreeSet::new();
    let mut registrations = 0.0;
    let mut attended_count = 0.0;
    let mut sessions = BTreeSet::new();
    let mut trainees = BTreeSet::new();
    let mut women = BTreeSet::new();
    let mut person_hours = 0.0;
    let mut satisfaction = Vec::new();
    let mut genders: BTreeMap<String, String> = BTreeMap::new();
    for row in &rows[1..] {
        if year(&row[col("Date de début")]) != 2024 {
            continue;
        }
        let session = text(&row[col("Code session")]);
        let person = text(&row[col("Matricule")]);
        if !seen.insert((session.clone(), person.clone())) {
            continue;
        }
        registrations += 1.0;
        if text(&row[col("Présence")]) != "Oui" {
            continue;
        }
        attended_count += 1.0;
        sessions.insert(session);
        trainees.insert(person.clone());
        person_hours += number(&row[col("Durée (h)")]).expect("hours");
        let gender = text(&row[col("Sexe")]);
        if gender == "F" {
            women.insert(person.clone());
        }
        genders.insert(person, gender);
        if let Some(s) = number(&row[col("Satisfaction")]).filter(|s| (1.0..=5.0).contains(s)) {
            satisfaction.push(s);
        }
    }

    let out = common::sample_report("csv");
    let values = indicator_values(&out.path().join("2024"));
    let v = |id| value_of(&values, id);
    close(&v("activities_scheduled"), scheduled, 0);
    close(&v("activities_realised"), realised, 0);
    close(&v("execution_rate"), realised / scheduled * 100.0, 1);
    close(&v("engagement_rate"), engaged / scheduled * 100.0, 1);
    close(&v("activity_participants"), participants, 0);
    close(
        &v("activity_women_share"),
        women_both / participants_both * 100.0,
        1,
    );
    close(&v("partners_engaged"), partners.len() as f64, 0);
    close(&v("budget_execution_rate"), budget_rate, 1);
    close(&v("training_sessions"), sessions.len() as f64, 0);
    close(&v("training_registrations"), registrations, 0);
    close(&v("trainees"), trainees.len() as f64, 0);
    close(&v("training_person_hours"), person_hours, 2);
    close(
        &v("attendance_rate"),
        attended_count / registrations * 100.0,
        1,
    );
    close(
        &v("trainee_women_share"),
        women.len() as f64 / genders.len() as f64 * 100.0,
        1,
    );
    close(
        &v("hours_per_trainee"),
        person_hours / trainees.len() as f64,
        2,
    );
    close(
        &v("average_satisfaction"),
        satisfaction.iter().sum::<f64>() / satisfaction.len() as f64,
        2,
    );
    close(&v("next_year_scheduled"), next_year, 0);
}

#[test]
fn breakdown_tables_add_up_to_headline_counts() {
    let out = common::sample_report("csv");
    let dir = out.path().join("2024");
    let values = indicator_values(&dir);
    let headline = |id| value_of(&values, id).parse::<f64>().expect("a number");
    let column_sum = |table: &str, column: &str| -> f64 {
        let (header, rows) = read_csv(&dir.join(format!("{table}.csv")));
        let i = header
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("{table} has no {column}"));
        rows.iter()
            .map(|r| r[i].parse::<f64>().unwrap_or(0.0))
            .sum()
    };
    for table in [
        "activities_by_type",
        "activities_by_quarter",
        "activities_by_month",
        "activities_by_axis",
    ] {
        assert_eq!(
            column_sum(table, "scheduled"),
            headline("activities_scheduled"),
            "{table}"
        );
        assert_eq!(
            column_sum(table, "realised"),
            headline("activities_realised"),
            "{table}"
        );
    }
    assert_eq!(
        column_sum("activities_by_type", "participants"),
        headline("activity_participants")
    );
    assert_eq!(
        column_sum("training_by_program", "registrations"),
        headline("training_registrations")
    );
    assert_eq!(
        column_sum("training_by_gender", "trainees"),
        headline("trainees")
    );
    assert!(
        (column_sum("training_by_program", "person_hours") - headline("training_person_hours"))
            .abs()
            < 0.01
    );
    assert_eq!(
        column_sum("training_by_program", "sessions"),
        headline("training_sessions")
    );
    assert_eq!(
        column_sum("next_year_by_type", "scheduled"),
        headline("next_year_scheduled")
    );
    // The type table lists the eleven built-in types first, then the unknown "Webinaire".
    let (_, rows) = read_csv(&dir.join("activities_by_type.csv"));
    let keys: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        keys[..11],
        [
            "reunion",
            "atelier",
            "journee_etude",
            "forum",
            "colloque",
            "seminaire",
            "programme_conjoint",
            "appui_technique",
            "formation",
            "echange",
            "autre"
        ]
    );
    assert_eq!(keys[11..], ["Webinaire"]);
}

/// The index of the header cell `name`.
fn column_of(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}
