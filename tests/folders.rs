//! Paths and folders as people hand them over (SPEC 1, 2): wrong paths, folders holding copies,
//! earlier reports, links and pipes, and inputs that hold nothing to report.

mod common;

use common::{bilan, folder_with, indicator_values, json_issues, value_of};
use std::path::Path;

const ACTIVITIES: &str = "Date;Type;Statut;Participants\n\
    12/03/2024;Atelier;Réalisé;40\n\
    15/04/2024;Réunion;Annulé;\n\
    02/05/2024;Forum;Réalisé;25\n";

/// (code, file, severity) of each issue `bilan check --format json` prints.
fn issues_of(dir: &Path, args: &[&str]) -> (i32, Vec<(String, String, String)>) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = bilan(dir, &all);
    let issues = json_issues(&run.stdout, |f| (f("code"), f("file"), f("severity")));
    (run.code, issues)
}

/// A path that does not exist is a usage error, before anything is read or written.
#[test]
fn a_wrong_path_fails_fast_and_writes_nothing() {
    let dir = folder_with(&[("activites.csv", ACTIVITIES)]);
    for args in [
        &["report", "nope.xlsx", "--year", "2024"][..],
        &["report", "activites.csv", "manquant/"],
        &["check", "nope.csv"],
    ] {
        let run = bilan(dir.path(), args);
        run.expect_code(2);
        assert!(
            run.stderr.contains("ce fichier ou dossier n'existe pas"),
            "{}",
            run.description
        );
        assert!(!run.stderr.contains("os error"), "{}", run.description);
        assert!(!dir.path().join("reports").exists(), "{}", run.description);
    }
}

/// Inputs where no sheet is recognised, or a year that holds nothing, are `no-data` errors
/// (exit 1) and write no report of zeros.
#[test]
fn nothing_to_report_is_not_success() {
    let dir = folder_with(&[
        ("notes.csv", "Remarque;Auteur\nÀ revoir;K. A.\n"),
        ("activites.csv", ACTIVITIES),
    ]);
    let (code, issues) = issues_of(dir.path(), &["notes.csv"]);
    assert_eq!(code, 1);
    assert!(
        issues.iter().any(|i| i.0 == "no-data" && i.2 == "error"),
        "{issues:?}"
    );
    let run = bilan(dir.path(), &["report", "activites.csv", "--year", "2030"]);
    run.expect_code(1);
    assert!(run.stderr.contains("2030"), "{}", run.description);
    assert!(!dir.path().join("reports").exists(), "{}", run.description);
    let (code, issues) = issues_of(dir.path(), &["activites.csv", "--year", "2030"]);
    assert_eq!(code, 1);
    assert_eq!(
        issues.iter().filter(|i| i.0 == "no-data").count(),
        1,
        "{issues:?}"
    );
    bilan(dir.path(), &["report", "activites.csv", "--year", "2024"]).expect_code(0);
}

/// A copy of a file is read once, with one `duplicate-file` warning naming the first.
#[test]
fn a_copy_is_read_once() {
    let dir = folder_with(&[
        ("plan_action.csv", ACTIVITIES),
        ("Copie de plan_action.csv", ACTIVITIES),
        ("plan_action (1).csv", ACTIVITIES),
    ]);
    let (code, issues) = issues_of(dir.path(), &["."]);
    assert_eq!(code, 0, "{issues:?}");
    assert_eq!(
        issues,
        [
            (
                "duplicate-file".into(),
                "plan_action (1).csv".into(),
                "warning".into()
            ),
            (
                "duplicate-file".into(),
                "plan_action.csv".into(),
                "warning".into()
            ),
        ],
    );
    bilan(dir.path(), &["report", ".", "--formats", "csv"]).expect_code(0);
    let values = indicator_values(&dir.path().join("reports/2024"));
    assert_eq!(value_of(&values, "activities_scheduled"), "3");
}

/// An earlier report under the folder read, and the run's own output folder, are not inputs.
#[test]
fn bilan_never_reads_its_own_outputs() {
    let dir = folder_with(&[]);
    std::fs::create_dir(dir.path().join("data")).expect("folder");
    std::fs::write(dir.path().join("data/activites.csv"), ACTIVITIES).expect("write");
    bilan(dir.path(), &["report", "data", "--formats", "csv"]).expect_code(0);
    // An earlier report copied elsewhere, under another name.
    let copy = dir.path().join("archives/bilan-2024");
    std::fs::create_dir_all(&copy).expect("folder");
    for file in ["manifest.json", "indicators.csv", "activities_by_type.csv"] {
        std::fs::copy(dir.path().join("reports/2024").join(file), copy.join(file)).expect("copy");
    }
    let (code, issues) = issues_of(dir.path(), &["."]);
    assert_eq!(code, 0, "{issues:?}");
    let shown: Vec<(&str, &str)> = issues
        .iter()
        .map(|i| (i.0.as_str(), i.1.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("unsupported-format", "archives/bilan-2024"),
            ("unsupported-format", "reports")
        ],
        "{issues:?}"
    );
}

/// Links that loop and a named pipe neither hang the run nor stop it.
#[cfg(unix)]
#[test]
fn links_that_loop_and_pipes_do_not_hang() {
    let dir = folder_with(&[]);
    let data = dir.path().join("d");
    std::fs::create_dir(&data).expect("folder");
    std::fs::write(data.join("activites.csv"), ACTIVITIES).expect("write");
    std::os::unix::fs::symlink("..", data.join("up")).expect("link");
    std::os::unix::fs::symlink("../d", data.join("self")).expect("link");
    std::os::unix::fs::symlink("absent.csv", data.join("vide.csv")).expect("link");
    let fifo = data.join("x.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_bilan"))
        .args(["check", "d", "--format", "json"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("bilan runs");
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("bilan check is still running after 60 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("output");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let issues = json_issues(&stdout, |f| (f("code"), f("file"), f("message")));
    let files: Vec<&str> = issues.iter().map(|i| i.1.as_str()).collect();
    assert_eq!(
        files,
        ["d/self", "d/up", "d/vide.csv", "d/x.csv"],
        "{issues:?}"
    );
    assert_eq!(output.status.code(), Some(0), "{issues:?}");
}

/// Two versions of one register (most ids shared, not the same bytes) get one
/// `overlapping-files` warning naming both and the share, besides the `duplicate-id` warnings.
#[test]
fn two_versions_of_one_workbook_are_named() {
    let v1 = "Code;Date;Type;Statut\nA1;12/03/2024;Atelier;Prévu\nA2;15/04/2024;Forum;Prévu\nA3;02/05/2024;Réunion;Prévu\nA4;03/05/2024;Réunion;Prévu\n";
    let v2 = "Code;Date;Type;Statut\nA1;12/03/2024;Atelier;Réalisé\nA2;15/04/2024;Forum;Réalisé\nA3;02/05/2024;Réunion;Annulé\nA5;06/06/2024;Atelier;Réalisé\n";
    let other = "Code;Date;Type;Statut\nA4;10/10/2024;Atelier;Réalisé\nB1;11/10/2024;Atelier;Réalisé\nB2;12/10/2024;Atelier;Réalisé\n";
    let dir = folder_with(&[
        ("plan_v1.csv", v1),
        ("plan_v2.csv", v2),
        ("suivi.csv", other),
    ]);
    let run = bilan(dir.path(), &["check", ".", "--format", "json"]);
    let issues = json_issues(&run.stdout, |f| (f("code"), f("file"), f("message")));
    let overlapping: Vec<_> = issues
        .iter()
        .filter(|i| i.0 == "overlapping-files")
        .collect();
    assert_eq!(overlapping.len(), 1, "{issues:?}");
    assert_eq!(overlapping[0].1, "plan_v2.csv");
    assert!(
        overlapping[0]
            .2
            .contains("3 de ses 4 identifiants d’activité (75 %) avec plan_v1.csv"),
        "{issues:?}"
    );
    let duplicates = issues.iter().filter(|i| i.0 == "duplicate-id").count();
    assert_eq!(duplicates, 4, "{issues:?}");
}
