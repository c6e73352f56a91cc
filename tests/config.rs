//! `bilan.toml` and the declarative catalog: user indicators, the dump round trip,
//! aliases, categories, sheet overrides, config errors, `init`.

mod common;

use common::{bilan, indicator_values, read_csv, repo_root, tree, value_of};
use std::path::Path;

fn write(dir: &Path, name: &str, content: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("a folder");
    }
    std::fs::write(path, content).expect("a writable temporary folder");
}

/// Four activities in 2024 (three done, two of them workshops), one workshop in 2023.
const ACTIVITIES: &str = "Date;Nature de l'action;Statut;Participants;Partenaires\n\
10/01/2024;Atelier;Réalisé;20;\"Ministère de la Transition numérique;UNESCO\"\n\
15/02/2024;Atelier;Prévu;;\n\
20/05/2024;Réunion;Réalisé;10;UNESCO\n\
03/07/2024;Atelier;Réalisé;30;\n\
12/11/2023;Atelier;Réalisé;5;\n";

const USER_INDICATORS: &str = r#"
[aliases.activities]
type = ["Nature de l'action"]

[[indicators]]
id = "workshops_realised"
label = { fr = "Ateliers réalisés", en = "Workshops held" }
dataset = "activities"
filter = { type = ["atelier"], status = ["realise"] }
measure = "count"
unit = "count"
breakdowns = ["quarter", "partner"]

[[indicators]]
id = "workshop_share"
label = { fr = "Part des ateliers réalisés", en = "Share of workshops" }
ratio = { numerator = "workshops_realised", denominator = "activities_realised", factor = 100 }
unit = "%"
"#;

#[test]
fn a_user_indicator_with_breakdowns_appears_in_every_output() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "data/activites.csv", ACTIVITIES);
    write(dir.path(), "bilan.toml", USER_INDICATORS);
    bilan(dir.path(), &["report"]).expect_code(0);
    let out = dir.path().join("reports/2024");

    let (_, rows) = read_csv(&out.join("indicators.csv"));
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids[17..],
        ["workshops_realised", "workshop_share"],
        "user indicators come after the 17 built-ins"
    );
    let workshops = &rows[17];
    // value, target, achievement, previous year (one workshop in 2023), change
    assert_eq!(
        workshops[1..],
        [
            "Ateliers réalisés",
            "count",
            "2",
            "",
            "",
            "1",
            "100",
            "none"
        ]
    );
    let values = indicator_values(&out);
    assert_eq!(value_of(&values, "workshop_share"), "66.7"); // 2 of the 3 realised activities

    let (header, quarters) = read_csv(&out.join("workshops_realised_by_quarter.csv"));
    assert_eq!(header, ["quarter", "label", "value"]);
    let by_quarter: Vec<(&str, &str)> = quarters
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        by_quarter,
        [("Q1", "1"), ("Q2", "0"), ("Q3", "1"), ("Q4", "0")]
    );

    let (_, partners) = read_csv(&out.join("workshops_realised_by_partner.csv"));
    let by_partner: Vec<(&str, &str)> = partners
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        by_partner,
        [
            ("Ministère de la Transition numérique", "1"),
            ("UNESCO", "1"),
            ("unspecified", "1")
        ]
    );

    let (_, trend) = read_csv(&out.join("trend.csv"));
    assert_eq!(trend.len(), 2, "2023 and 2024");

    let md = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(md.contains("| Ateliers réalisés | 2 |"), "{md}");
    assert!(md.contains("#### Ateliers réalisés par trimestre"), "{md}");
    let html = std::fs::read_to_string(out.join("report.html")).expect("report.html");
    assert!(html.contains("<h4>Ateliers réalisés par partenaire</h4>"));
}

#[test]
fn the_dump_used_as_config_gives_the_same_report() {
    let data = repo_root().join("data");
    let data = data.to_str().expect("utf-8");
    let plain = tempfile::tempdir().expect("a temporary folder");
    bilan(plain.path(), &["report", data, "--quiet"]).expect_code(0);

    let dumped = tempfile::tempdir().expect("a temporary folder");
    let dump = bilan(dumped.path(), &["indicators", "--dump"]);
    dump.expect_code(0);
    write(
        dumped.path(),
        "bilan.toml",
        &format!("data = [{data:?}]\n\n{}", dump.stdout),
    );
    bilan(dumped.path(), &["report", "--quiet"]).expect_code(0);

    let a = plain.path().join("reports/2024");
    let b = dumped.path().join("reports/2024");
    assert_eq!(tree(&a), tree(&b));
    for file in tree(&a) {
        assert!(
            std::fs::read(a.join(&file)).ok() == std::fs::read(b.join(&file)).ok(),
            "{} differs",
            file.display()
        );
    }
}

#[test]
fn an_unknown_config_key_is_a_fatal_error_naming_line_and_column() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "data/a.csv", ACTIVITIES);
    write(dir.path(), "bilan.toml", "lang = \"fr\"\nlangue = \"en\"\n");
    let run = bilan(dir.path(), &["report"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("bilan.toml")
            && run.stderr.contains("line 2, column 1")
            && run.stderr.contains("langue"),
        "{}",
        run.description
    );
    assert!(!dir.path().join("reports").exists());
}

#[test]
fn an_indicator_error_is_fatal_and_names_the_indicator() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "data/a.csv", ACTIVITIES);
    write(
        dir.path(),
        "bilan.toml",
        "[[indicators]]\nid = \"x\"\nlabel = { fr = \"X\", en = \"X\" }\ndataset = \"training\"\nmeasure = \"sum:participants\"\nunit = \"count\"\n",
    );
    let run = bilan(dir.path(), &["report"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains(
            "indicateur `x`, clé `measure` : `participants` n'est pas un champ de `training`"
        ),
        "{}",
        run.description
    );
}

/// The `status` column (SPEC 6): met from 100 %, close from 90 % (or the `[status]` thresholds),
/// behind below, none without a target; an indicator whose direction is down (fewer is better)
/// is achieved at or below its target.
#[test]
fn status_follows_the_targets_the_thresholds_and_the_direction() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(
        dir.path(),
        "data/activites.csv",
        "Date;Type;Statut\n10/01/2024;Atelier;Réalisé\n11/01/2024;Forum;Réalisé\n\
         12/01/2024;Atelier;Réalisé\n13/01/2024;Réunion;Annulé\n",
    );
    write(
        dir.path(),
        "data/cibles.csv",
        "Année;Indicateur;Cible\n2024;activities_realised;3\n2024;activities_scheduled;5\n\
         2024;cancellations;2\n",
    );
    let catalog = "[[indicators]]\nid = \"cancellations\"\nlabel = { fr = \"Annulations\", en = \"Cancellations\" }\n\
         dataset = \"activities\"\nfilter = { status = [\"annule\"] }\nmeasure = \"count\"\nunit = \"count\"\n\
         direction = \"down\"\n";
    let status_of = |toml: &str| {
        write(dir.path(), "bilan.toml", toml);
        bilan(dir.path(), &["report", "--formats", "csv"]).expect_code(0);
        let (header, rows) = read_csv(&dir.path().join("reports/2024/indicators.csv"));
        assert_eq!(header.last().map(String::as_str), Some("status"));
        let of = |id: &str| {
            let row = rows.iter().find(|r| r[0] == id).expect("the indicator");
            (row[5].clone(), row[8].clone())
        };
        [
            of("activities_realised"),
            of("activities_scheduled"),
            of("cancellations"),
            of("trainees"),
        ]
    };
    let none = || (String::new(), "none".to_string());
    assert_eq!(
        status_of(catalog),
        [
            ("100".into(), "met".into()),
            ("80".into(), "behind".into()),
            ("200".into(), "met".into()),
            none(),
        ]
    );
    let lenient = format!("{catalog}\n[status]\nmet = 95\nclose = 80\n");
    assert_eq!(status_of(&lenient)[1], ("80".into(), "close".into()));
}

/// An id that is not `[a-z][a-z0-9_]*` is a configuration error naming the entry: a
/// contributor's bilan.toml cannot make a CI job write outside the report's folder.
#[test]
fn an_id_cannot_write_outside_the_report() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "data/a.csv", ACTIVITIES);
    for id in ["../../pwned", "Ateliers", "a/b", "1st", ""] {
        write(
            dir.path(),
            "bilan.toml",
            &USER_INDICATORS.replace("\"workshops_realised\"\nlabel", &format!("\"{id}\"\nlabel")),
        );
        let run = bilan(dir.path(), &["report"]);
        run.expect_code(2);
        assert!(
            run.stderr.contains(&format!("`{id}` n'est pas permis")),
            "{}",
            run.description
        );
        assert!(!dir.path().join("reports").exists(), "{}", run.description);
        assert!(!dir
            .path()
            .parent()
            .expect("a parent")
            .join("pwned_by_quarter.csv")
            .exists());
    }
}

#[test]
fn configured_categories_and_settings_apply() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(
        dir.path(),
        "suivi/a.csv",
        "Date;Type;Statut\n10/01/2024;Web-séminaire;Réalisé\n11/01/2024;Atelier;Réalisé\n",
    );
    write(
        dir.path(),
        "bilan.toml",
        "lang = \"en\"\ndata = [\"suivi/*.csv\"]\nout = \"sortie\"\nformats = [\"csv\"]\n\n[categories.activity_type.webinaire]\nfr = \"Webinaire\"\nen = \"Webinar\"\naliases = [\"web-séminaire\"]\n",
    );
    bilan(dir.path(), &["report"]).expect_code(0);
    let out = dir.path().join("sortie/2024");
    assert!(!out.join("report.html").exists(), "formats = [\"csv\"]");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    assert!(issues.is_empty(), "{issues:?}");
    let (_, types) = read_csv(&out.join("activities_by_type.csv"));
    let last = types.last().expect("rows");
    assert_eq!(last[..3], ["webinaire", "Webinar", "1"]);
    assert_eq!(
        types.len(),
        12,
        "eleven built-in types and the configured one"
    );
}

#[test]
fn a_sheet_override_names_the_dataset_and_header_row() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Row 2 is a decoy that looks like a header; the real one is on row 3.
    write(
        dir.path(),
        "data/a.csv",
        "Suivi;;\nDate;Type;Statut\nDate de début;Nature;Situation\n10/01/2024;Atelier;Réalisé\n",
    );
    write(
        dir.path(),
        "bilan.toml",
        "[[sheets]]\nfile = \"data/a.csv\"\ndataset = \"activities\"\nheader_row = 3\n",
    );
    let run = bilan(dir.path(), &["check", "--format", "json"]);
    run.expect_code(0);
    let manifest_run = bilan(dir.path(), &["report", "--formats", "csv"]);
    manifest_run.expect_code(0);
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("reports/2024/manifest.json")).expect("manifest"),
    )
    .expect("JSON");
    assert_eq!(manifest["inputs"][0]["sheets"][0]["header_row"], 3);
    assert_eq!(manifest["inputs"][0]["sheets"][0]["kept"], 1);
}

#[test]
fn init_writes_a_config_and_a_template_that_read_back_without_issue() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let target = dir.path().join("plan");
    bilan(dir.path(), &["init", "plan"]).expect_code(0);
    assert!(target.join("bilan.toml").is_file());
    let template = target.join("modeles/plan_action.xlsx");
    assert!(template.is_file());
    // The commented config is valid, the template's three sheets are recognised and hold no issue.
    let listing = bilan(&target, &["indicators"]);
    listing.expect_code(0);
    let check = bilan(&target, &["check", "modeles", "--format", "json"]);
    check.expect_code(0);
    assert_eq!(check.stdout.trim(), "[]", "{}", check.description);
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&template).expect("a workbook");
    use calamine::Reader;
    assert_eq!(
        workbook.sheet_names(),
        ["Activités", "Formations", "Cibles"]
    );
    let range = workbook.worksheet_range("Formations").expect("a sheet");
    let headers: Vec<String> = range
        .rows()
        .next()
        .expect("a header row")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        headers[..5],
        [
            "Code session",
            "Programme de formation",
            "Date de début",
            "Date de fin",
            "Durée (h)"
        ]
    );
    // A second init does not overwrite.
    bilan(dir.path(), &["init", "plan"]).expect_code(2);
}

#[test]
fn init_writes_the_config_in_the_language_asked_with_the_same_settings() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // The settings a commented line shows: `# key = …` and `# [table]`, in the order written.
    let settings = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| line.strip_prefix("# "))
            .filter(|rest| {
                rest.starts_with('[')
                    || rest
                        .split_once(" = ")
                        .is_some_and(|(k, _)| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            })
            .map(|rest| rest.split(" = ").next().unwrap_or(rest).to_string())
            .collect()
    };
    let mut seen = Vec::new();
    for (lang, word) in [("fr", "réglages"), ("en", "settings"), ("ar", "إعدادات")] {
        bilan(dir.path(), &["init", lang, "--lang", lang]).expect_code(0);
        let text =
            std::fs::read_to_string(dir.path().join(lang).join("bilan.toml")).expect("bilan.toml");
        assert!(text.contains(word), "{lang}: {text}");
        // Every line is a comment or blank: the file is valid as it is.
        assert!(
            text.lines().all(|l| l.is_empty() || l.starts_with('#')),
            "{lang}"
        );
        seen.push(settings(&text));
    }
    assert!(seen[0].len() > 20, "{:?}", seen[0]);
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0], seen[2]);
}

#[test]
fn each_measure_kind_and_filter_gives_the_hand_computed_value() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Five registrations in 2024; hours per row; "IA" written two ways.
    write(
        dir.path(),
        "data/formations.csv",
        "Session;Programme;Date;Heures;Organisme;Matricule;Sexe;Présence;Satisfaction\n\
         S1;Intelligence artificielle;10/03/2024;12;Pôle A;P1;F;oui;4\n\
         S1;Intelligence artificielle;10/03/2024;12;Pôle B;P2;M;non;\n\
         S2;INTELLIGENCE  ARTIFICIELLE;05/06/2024;6;Pôle A;P3;F;oui;5\n\
         S3;Anglais;09/09/2024;20;Pôle C;P1;F;oui;2\n\
         S3;Anglais;09/09/2024;20;Pôle C;P4;;oui;\n",
    );
    write(
        dir.path(),
        "data/cibles.csv",
        "Année;Indicateur;Cible\n2024;Attendance rate;75 %\n2024;ai_hours;30\n",
    );
    let indicator = |id: &str, body: &str, unit: &str| {
        format!("[[indicators]]\nid = \"{id}\"\nlabel = {{ fr = \"{id}\", en = \"{id}\" }}\n{body}\nunit = \"{unit}\"\n\n")
    };
    let config = [
        indicator("ai_hours", "dataset = \"training\"\nfilter = { program = [\"intelligence artificielle\"] }\nmeasure = \"sum:hours\"", "hours"),
        indicator("organisations", "dataset = \"training\"\nmeasure = \"distinct:organisation\"", "count"),
        indicator("mean_satisfaction", "dataset = \"training\"\nmeasure = \"mean:satisfaction\"", "score"),
        indicator("absences", "dataset = \"training\"\nfilter = { attended = [false] }\nmeasure = \"count\"", "count"),
        indicator("known_gender_rows", "dataset = \"training\"\nfilter = { filled = [\"gender\"], positive = [\"hours\"] }\nmeasure = \"count\"", "count"),
        indicator("long_rows", "dataset = \"training\"\nfilter = { hours = [20] }\nmeasure = \"count\"", "count"),
        indicator("hours_per_organisation", "ratio = { numerator = \"ai_hours\", denominator = \"organisations\", factor = 1 }", "hours"),
    ]
    .concat();
    write(dir.path(), "bilan.toml", &config);
    bilan(dir.path(), &["report", "--formats", "csv"]).expect_code(0);
    let out = dir.path().join("reports/2024");
    let values = indicator_values(&out);
    let v = |id| value_of(&values, id);
    assert_eq!(v("ai_hours"), "30"); // 12 + 12 + 6: both spellings, attended or not
    assert_eq!(v("organisations"), "3");
    assert_eq!(v("mean_satisfaction"), "3.67"); // (4 + 5 + 2) / 3
    assert_eq!(v("absences"), "1");
    assert_eq!(v("known_gender_rows"), "4");
    assert_eq!(v("long_rows"), "2");
    assert_eq!(v("hours_per_organisation"), "10");
    // Built-ins over the same rows: 4 of 5 attended; trainees P1, P3, P4; women P1, P3 of 2 known + P4 unknown.
    assert_eq!(v("attendance_rate"), "80");
    assert_eq!(v("trainees"), "3");
    assert_eq!(v("trainee_women_share"), "100");
    assert_eq!(v("training_person_hours"), "58"); // 12 + 6 + 20 + 20
    assert_eq!(v("hours_per_trainee"), "19.33");
    // Targets named by English label and by a user id; "75 %" is 75.
    let (header, rows) = read_csv(&out.join("indicators.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let row = |id: &str| rows.iter().find(|r| r[0] == id).expect("a row").clone();
    assert_eq!(row("attendance_rate")[col("target")], "75");
    assert_eq!(row("attendance_rate")[col("achievement_pct")], "106.7");
    assert_eq!(row("ai_hours")[col("target")], "30");
    assert_eq!(row("ai_hours")[col("achievement_pct")], "100");
}
