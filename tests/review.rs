//! The review's summary (SPEC 6, page 1): every sentence checked against the CSV outputs of the
//! same run, whose figures the other tests check by hand.

mod common;

use common::{bilan, folder_with, read_csv};
use std::path::Path;

/// The summary's paragraphs of report.md, no-break spaces as spaces, Markdown escapes removed.
fn summary(md: &str, heading: &str, next: &str) -> Vec<String> {
    let start = md.find(heading).expect("a summary") + heading.len();
    let end = start + md[start..].find(next).expect("the next section");
    md[start..end]
        .split("\n\n")
        .map(|p| p.trim().replace('\u{a0}', " ").replace('\\', ""))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A number of the CSV written as the French review writes it (`1234.5` -> `1 234,5`).
fn fr(plain: &str) -> String {
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(*c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

#[test]
fn the_sample_summary_states_what_the_csv_files_show() {
    let out = common::sample_report("csv,md");
    let year = out.path().join("2024");
    let md = std::fs::read_to_string(year.join("report.md")).expect("report.md");
    let sentences = summary(&md, "## Synthèse", "## Indicateurs clés");

    let (header, rows) = read_csv(&year.join("indicators.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let get = |id: &str, name: &str| -> String {
        rows.iter().find(|r| r[0] == id).expect("an indicator")[col(name)].clone()
    };
    let number = |id: &str, name: &str| -> f64 { get(id, name).parse().expect("a number") };

    // Execution against target and last year: the rate's change in points, the count's in percent.
    let points = ((number("execution_rate", "value") - number("execution_rate", "previous_year"))
        * 10.0)
        .round()
        / 10.0;
    assert!(points < 0.0);
    let execution = format!(
        "{} activités réalisées sur {} programmées, soit un taux de réalisation de {} % pour une cible de {} % ; −{} pt par rapport à 2023 (activités réalisées : +{} %).",
        fr(&get("activities_realised", "value")),
        fr(&get("activities_scheduled", "value")),
        fr(&get("execution_rate", "value")),
        fr(&get("execution_rate", "target")),
        fr(&format!("{}", -points)),
        fr(&get("activities_realised", "change_pct")),
    );
    assert!(
        sentences.contains(&execution),
        "{execution}\n{sentences:#?}"
    );

    // Statuses, counted from the CSV's status column.
    let status = col("status");
    let n = |code: &str| rows.iter().filter(|r| r[status] == code).count();
    let statuses = format!(
        "Sur {} indicateurs dotés d'une cible, {} sont atteints, {} en sont proches et {} sont en retard.",
        rows.len() - n("none"),
        n("met"),
        n("close"),
        n("behind")
    );
    assert!(sentences.contains(&statuses), "{statuses}\n{sentences:#?}");

    // The three furthest from their target: lowest achievement among those not met.
    let mut short: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[status] == "close" || r[status] == "behind")
        .collect();
    short.sort_by(|a, b| {
        let v = |r: &Vec<String>| r[col("achievement_pct")].parse::<f64>().expect("a number");
        v(a).total_cmp(&v(b))
    });
    let furthest: Vec<String> = short
        .iter()
        .take(3)
        .map(|r| {
            format!(
                "{} ({} % de la cible)",
                r[1],
                fr(&r[col("achievement_pct")])
            )
        })
        .collect();
    let furthest = format!(
        "Les plus éloignés de leur cible : {}.",
        furthest.join(" ; ")
    );
    assert!(sentences.contains(&furthest), "{furthest}\n{sentences:#?}");

    // The weakest and strongest axes.
    let (_, axes) = read_csv(&year.join("activities_by_axis.csv"));
    let rate = |r: &Vec<String>| r[4].parse::<f64>().expect("a rate");
    let low = axes
        .iter()
        .min_by(|a, b| rate(a).total_cmp(&rate(b)))
        .expect("axes");
    let high = axes
        .iter()
        .max_by(|a, b| rate(a).total_cmp(&rate(b)))
        .expect("axes");
    let axes_sentence = format!(
        "Par axe stratégique, la réalisation va de {} % ({}) à {} % ({}).",
        fr(&low[4]),
        low[1],
        fr(&high[4]),
        high[1]
    );
    assert!(
        sentences.contains(&axes_sentence),
        "{axes_sentence}\n{sentences:#?}"
    );

    // Training.
    let training = format!(
        "{} sessions de formation ont réuni {} bénéficiaires pour {} heures-personnes de formation.",
        fr(&get("training_sessions", "value")),
        fr(&get("trainees", "value")),
        fr(&get("training_person_hours", "value")),
    );
    assert!(sentences.contains(&training), "{training}\n{sentences:#?}");

    // Next year: the count, its target, the three most frequent types.
    let (_, types) = read_csv(&year.join("next_year_by_type.csv"));
    let mut types: Vec<(String, usize)> = types
        .iter()
        .map(|r| (r[1].clone(), r[2].parse().expect("a count")))
        .collect();
    let total: usize = types.iter().map(|(_, n)| n).sum();
    types.sort_by_key(|t| std::cmp::Reverse(t.1));
    let top: Vec<String> = types
        .iter()
        .take(3)
        .map(|(label, n)| format!("{label} ({n})"))
        .collect();
    let next = format!(
        "Le programme 2025 compte {} activités pour une cible de {} ; les plus nombreuses : {}.",
        fr(&total.to_string()),
        fr(&get("next_year_scheduled", "target")),
        top.join(" ; ")
    );
    assert!(sentences.contains(&next), "{next}\n{sentences:#?}");

    // Data quality, counted from data-issues.csv.
    let (_, issues) = read_csv(&year.join("data-issues.csv"));
    let count = |severity: &str| issues.iter().filter(|r| r[0] == severity).count();
    assert_eq!(count("error"), 0);
    let quality = format!(
        "Qualité des données : 0 erreur, {} avertissements, {} informations ; 0 ligne écartée.",
        count("warning"),
        count("info")
    );
    assert!(
        sentences.iter().any(|s| s.starts_with(&quality)),
        "{quality}\n{sentences:#?}"
    );
}

#[test]
fn a_year_without_targets_or_previous_year_says_only_what_it_has() {
    // Three activities of 2024, two held; no target, no 2023, no training, nothing for 2025.
    let data = folder_with(&[(
        "activites.csv",
        "Référence;Date;Type d'activité;Intitulé;Statut\n\
         A1;10/01/2024;Atelier;Un;Réalisé\n\
         A2;12/02/2024;Réunion;Deux;Réalisé\n\
         A3;15/03/2024;Forum;Trois;Annulé\n",
    )]);
    let out = tempfile::tempdir().expect("a temporary folder");
    bilan(
        data.path(),
        &[
            "report",
            ".",
            "--out",
            out.path().to_str().expect("utf-8"),
            "--formats",
            "md",
            "--lang",
            "en",
            "--quiet",
        ],
    )
    .expect_code(0);
    let md = std::fs::read_to_string(out.path().join("2024/report.md")).expect("report.md");
    let sentences = summary(&md, "## Summary", "## Key indicators");
    assert!(
        sentences.contains(
            &"2 activities held out of 3 scheduled, an execution rate of 66.7%.".to_string()
        ),
        "{sentences:#?}"
    );
    assert!(
        sentences.contains(&"No activity is scheduled for 2025 in the data yet.".to_string()),
        "{sentences:#?}"
    );
    let text = sentences[1..].join("\n");
    for absent in ["a target", "training", "axis", "on 2023", "of target"] {
        assert!(!text.contains(absent), "{absent}: {text}");
    }
    // The PNGs report.md links are written even without the `png` format.
    for link in md.split("](").skip(1) {
        let target = link.split(')').next().expect("a link");
        assert!(
            Path::new(&out.path().join("2024").join(target)).is_file(),
            "report.md links {target}, which is not there"
        );
    }
}
