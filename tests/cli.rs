//! The command line: exit codes, bad files next to good ones, languages, years, `check` formats.

mod common;

use common::{bilan, indicator_values, json_issues, read_csv, repo_root, value_of};
use std::path::Path;

const ACTIVITIES_CSV: &str =
    "\u{feff}Date de début;Type d'activité;Intitulé;Statut;Nombre de participants\r\n\
12/03/2024;Atelier;Atelier IA;Réalisé;40\r\n\
15/04/2024;Réunion;Réunion de coordination;Annulé;\r\n\
02/05/2024;Forum;Forum national;Réalisé;1 250\r\n";

fn write(dir: &Path, name: &str, content: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("a folder");
    }
    std::fs::write(path, content).expect("a writable temporary folder");
}

#[test]
fn a_text_file_named_xlsx_is_an_error_and_the_other_files_are_still_read() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("a data folder");
    write(&data, "activites.csv", ACTIVITIES_CSV.as_bytes());
    write(&data, "faux.xlsx", b"ceci n'est pas un classeur");
    let run = bilan(dir.path(), &["report", "--formats", "csv"]);
    run.expect_code(1);
    assert!(run.stderr.contains("1 erreur,"), "{}", run.description);
    let out = dir.path().join("reports/2024");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    let unreadable: Vec<&Vec<String>> = issues
        .iter()
        .filter(|r| r[1] == "unreadable-file")
        .collect();
    assert_eq!(unreadable.len(), 1, "{issues:?}");
    assert_eq!(unreadable[0][0], "error");
    assert_eq!(unreadable[0][2], "data/faux.xlsx");
    let values = indicator_values(&out);
    assert_eq!(value_of(&values, "activities_scheduled"), "3");
    assert_eq!(value_of(&values, "activities_realised"), "2");
    assert_eq!(value_of(&values, "activity_participants"), "1290");
    assert_eq!(value_of(&values, "execution_rate"), "66.7");
}

#[test]
fn a_missing_required_column_names_the_sheet_and_the_field() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // No status column: the rows cannot be counted.
    write(
        dir.path(),
        "suivi.csv",
        b"Date;Type;Intitule\n12/03/2024;Atelier;IA\n",
    );
    write(dir.path(), "ok.csv", ACTIVITIES_CSV.as_bytes());
    let run = bilan(dir.path(), &["check", "suivi.csv", "ok.csv"]);
    run.expect_code(1);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("missing-column"))
        .unwrap_or_else(|| panic!("no missing-column issue\n{}", run.description));
    assert!(line.starts_with("suivi.csv:1"), "{line}");
    assert!(line.contains("« status »"), "{line}");
}

#[test]
fn check_prints_github_annotations_with_file_and_line() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let content = "Date;Type;Statut\n12/03/2024;Atelier;Réalisé\n31/02/2024;Atelier;Réalisé\n";
    write(dir.path(), "a.csv", content.as_bytes());
    let run = bilan(dir.path(), &["check", "a.csv", "--format", "github"]);
    run.expect_code(1);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("::error file=a.csv,line=3,title=invalid-date")),
        "{}",
        run.description
    );
}

#[test]
fn check_json_lists_every_issue_with_its_location() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let content = "Date;Type;Statut;Dont femmes;Participants\n12/03/2024;Webinaire;Réalisé;12;10\n";
    write(dir.path(), "a.csv", content.as_bytes());
    let run = bilan(dir.path(), &["check", "a.csv", "--format", "json"]);
    run.expect_code(0);
    let issues: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    let issues = issues.as_array().expect("an array");
    let codes: Vec<(&str, &str, &str)> = issues
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap_or(""),
                i["column"].as_str().unwrap_or(""),
                i["severity"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            ("unknown-category", "B", "warning"),
            ("inconsistent-row", "D", "warning")
        ]
    );
    assert_eq!(issues[0]["row"], 2);
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let run = bilan(&repo_root(), &["report", "--no-such-flag"]);
    run.expect_code(2);
}

#[test]
fn no_input_at_all_is_fatal_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let run = bilan(dir.path(), &["report"]);
    run.expect_code(2);
    assert!(!dir.path().join("reports").exists(), "{}", run.description);
}

#[test]
fn english_report_keeps_codes_and_numbers_but_translates_labels() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "a.csv", ACTIVITIES_CSV.as_bytes());
    bilan(
        dir.path(),
        &["report", "a.csv", "--lang", "en", "--formats", "csv,md"],
    )
    .expect_code(0);
    let out = dir.path().join("reports/2024");
    let (header, rows) = read_csv(&out.join("activities_by_type.csv"));
    assert_eq!(header[..3], ["type", "label", "scheduled"]);
    assert_eq!(rows[1][..3], ["atelier", "Workshop", "1"]);
    let md = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(md.contains("| Activity participants | 1,290 |"), "{md}");
    assert!(md.contains("| Execution rate | 66.7% |"), "{md}");
}

#[test]
fn french_report_formats_numbers_the_french_way() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "a.csv", ACTIVITIES_CSV.as_bytes());
    bilan(dir.path(), &["report", "a.csv", "--formats", "md"]).expect_code(0);
    let md = std::fs::read_to_string(dir.path().join("reports/2024/report.md")).expect("report.md");
    assert!(
        md.contains("| Participants aux activités | 1\u{a0}290 |"),
        "{md}"
    );
    assert!(md.contains("| Taux de réalisation | 66,7\u{a0}% |"), "{md}");
}

#[test]
fn year_flag_picks_the_reporting_year_and_the_output_folder() {
    let out = tempfile::tempdir().expect("a temporary folder");
    bilan(
        &repo_root(),
        &[
            "report",
            "--year",
            "2023",
            "--out",
            out.path().to_str().expect("utf-8"),
            "--formats",
            "csv",
            "--quiet",
        ],
    )
    .expect_code(0);
    let values = indicator_values(&out.path().join("2023"));
    // 2023 has no 2022 to compare with: no previous-year value at all.
    let (header, rows) = read_csv(&out.path().join("2023/indicators.csv"));
    let previous = header
        .iter()
        .position(|h| h == "previous_year")
        .expect("previous_year");
    assert!(rows.iter().all(|r| r[previous].is_empty()));
    assert_eq!(
        value_of(&values, "next_year_scheduled"),
        value_of(&indicator_values_2024(), "activities_scheduled")
    );
}

fn indicator_values_2024() -> Vec<(String, String)> {
    indicator_values(&repo_root().join("reports/2024"))
}

#[test]
fn a_rerun_replaces_the_previous_report_without_leftovers() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "a.csv", ACTIVITIES_CSV.as_bytes());
    bilan(dir.path(), &["report", "a.csv"]).expect_code(0);
    write(dir.path(), "reports/2024/stale.txt", b"from an old run");
    bilan(dir.path(), &["report", "a.csv", "--formats", "csv"]).expect_code(0);
    let out = dir.path().join("reports/2024");
    assert!(!out.join("stale.txt").exists());
    assert!(!out.join("report.html").exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("reports"))
        .expect("reports")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("2024")]);
}

/// Regression: with a single category, Polars returned the group key in another layout and
/// every row of the table read 0.
#[test]
fn a_table_with_a_single_category_counts_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(
        dir.path(),
        "a.csv",
        "Date;Type;Statut\n15/03/2024;Atelier;Réalisé\n".as_bytes(),
    );
    bilan(dir.path(), &["report", "a.csv", "--formats", "csv"]).expect_code(0);
    let (_, types) = read_csv(&dir.path().join("reports/2024/activities_by_type.csv"));
    let atelier = types.iter().find(|r| r[0] == "atelier").expect("a row");
    assert_eq!(atelier[2..4], ["1", "1"]);
    let (_, quarters) = read_csv(&dir.path().join("reports/2024/activities_by_quarter.csv"));
    assert_eq!(quarters[0][2..5], ["1", "1", "100"]);
}

#[test]
fn unreadable_files_get_their_own_code_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "vide.xlsx", b"");
    write(dir.path(), "texte.xlsx", b"Date;Type;Statut\n");
    // An encrypted OOXML package is an OLE compound file holding a stream `EncryptedPackage`.
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    write(dir.path(), "protege.xlsx", &encrypted);
    write(dir.path(), "notes.docx", b"x");
    write(dir.path(), "ok.csv", ACTIVITIES_CSV.as_bytes());
    let run = bilan(
        dir.path(),
        &[
            "check",
            "vide.xlsx",
            "texte.xlsx",
            "protege.xlsx",
            "notes.docx",
            "ok.csv",
            "--format",
            "json",
        ],
    );
    run.expect_code(1);
    let found = json_issues(&run.stdout, |f| (f("file"), f("code")));
    let expected = [
        ("notes.docx", "unsupported-format"),
        ("protege.xlsx", "encrypted-file"),
        ("texte.xlsx", "unreadable-file"),
        ("vide.xlsx", "unreadable-file"),
    ];
    assert_eq!(
        found,
        expected.map(|(f, c)| (f.to_string(), c.to_string())),
        "{}",
        run.description
    );
}

#[test]
fn inspect_shows_the_mapping_the_counts_and_the_issues() {
    let file = repo_root().join("tests/fixtures/libreoffice/registre.ods");
    let run = bilan(&repo_root(), &["inspect", file.to_str().expect("utf-8")]);
    run.expect_code(1);
    let out = &run.stdout;
    // In French by default (`--lang en` for English: tests/workbooks.rs).
    assert!(
        out.contains("feuille « Suivi » : jeu de données `activities`, en-tête à la ligne 3"),
        "{out}"
    );
    assert!(
        out.contains("F  Participants / Dont femmes  -> women (entier)"),
        "{out}"
    );
    assert!(
        out.contains("H  Commentaire                 -> (pas un champ : ignorée)"),
        "{out}"
    );
    assert!(out.contains("lignes sous l'en-tête : 10 = 7 retenues + 2 rejetées + 1 ignorées (0 vides, 1 de total, 0 en double)"), "{out}");
    assert!(out.contains("B10  erreur invalid-date"), "{out}");
    let unknown = bilan(
        &repo_root(),
        &[
            "inspect",
            file.to_str().expect("utf-8"),
            "--sheet",
            "Feuil9",
        ],
    );
    unknown.expect_code(2);
    assert!(
        unknown.stderr.contains("ses feuilles sont : Suivi"),
        "{}",
        unknown.description
    );
}

#[test]
fn a_bilanignore_keeps_drafts_out_of_the_run() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "data/a.csv", ACTIVITIES_CSV.as_bytes());
    write(
        dir.path(),
        "data/brouillons/b.csv",
        ACTIVITIES_CSV.as_bytes(),
    );
    write(dir.path(), "data/.bilanignore", b"brouillons\n");
    bilan(dir.path(), &["report", "--formats", "csv"]).expect_code(0);
    let values = indicator_values(&dir.path().join("reports/2024"));
    assert_eq!(value_of(&values, "activities_scheduled"), "3");
}

#[test]
fn the_report_shows_a_date_only_from_source_date_epoch() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "a.csv", ACTIVITIES_CSV.as_bytes());
    bilan(dir.path(), &["report", "a.csv", "--formats", "md"]).expect_code(0);
    let md = std::fs::read_to_string(dir.path().join("reports/2024/report.md")).expect("report.md");
    assert!(!md.contains("Établi le"), "{md}");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bilan"))
        .args(["report", "a.csv", "--formats", "md"])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1733356800")
        .output()
        .expect("bilan runs");
    assert!(output.status.success());
    let md = std::fs::read_to_string(dir.path().join("reports/2024/report.md")).expect("report.md");
    assert!(md.contains("Établi le 05/12/2024."), "{md}");
}

#[test]
fn a_fatal_error_leaves_the_previous_report_as_it_was() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "a.csv", ACTIVITIES_CSV.as_bytes());
    bilan(dir.path(), &["report", "a.csv", "--formats", "csv"]).expect_code(0);
    let before = std::fs::read(dir.path().join("reports/2024/indicators.csv")).expect("indicators");
    write(dir.path(), "bilan.toml", b"formats = \"csv\"\n");
    bilan(dir.path(), &["report", "a.csv"]).expect_code(2);
    assert_eq!(
        std::fs::read(dir.path().join("reports/2024/indicators.csv")).expect("indicators"),
        before
    );
    let entries: Vec<_> = std::fs::read_dir(dir.path().join("reports"))
        .expect("reports")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(entries, [std::ffi::OsString::from("2024")]);
}

#[test]
fn excel_fr_csv_style_is_used_for_every_csv() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "a.csv", ACTIVITIES_CSV.as_bytes());
    bilan(
        dir.path(),
        &[
            "report",
            "a.csv",
            "--formats",
            "csv",
            "--csv-style",
            "excel-fr",
        ],
    )
    .expect_code(0);
    let bytes = std::fs::read(dir.path().join("reports/2024/indicators.csv")).expect("indicators");
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(
        text.starts_with("\u{feff}indicator;label;unit;value;"),
        "{text}"
    );
    assert!(
        text.contains("\r\nexecution_rate;Taux de réalisation;%;66,7;"),
        "{text}"
    );
}

#[test]
fn a_chart_without_data_is_not_drawn_and_the_report_says_why() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "a.csv", ACTIVITIES_CSV.as_bytes());
    bilan(dir.path(), &["report", "a.csv"]).expect_code(0);
    let out = dir.path().join("reports/2024");
    // No training and no target in these data.
    assert!(!out.join("charts/training_hours_by_program.png").exists());
    assert!(!out.join("charts/targets.svg").exists());
    assert!(out.join("charts/activities_by_type.png").exists());
    let md = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(md.contains("### Heures-personnes de formation par programme (2024)\n\nGraphique non tracé : aucune donnée pour cette année."), "{md}");
    assert!(
        md.contains("Graphique non tracé : aucune cible n'est fixée pour cette année."),
        "{md}"
    );
}
