//! One run, three languages (`--lang fr,en,ar`, SPEC 6): the words change, the machine interface
//! (file names, CSV headers, keys, codes, numbers, manifest fields) does not.

mod common;

use bilan::words::{ids, sentence};
use common::{bilan, read_csv, repo_root, tree};
use std::path::Path;

/// The sample in French (`OUT/2024/`), English (`OUT/2024/en/`) and Arabic (`OUT/2024/ar/`).
fn sample_in_three_languages() -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("a temporary folder");
    let out_dir = out.path().to_str().expect("utf-8");
    let run = bilan(
        &repo_root(),
        &[
            "report",
            "--out",
            out_dir,
            "--lang",
            "fr,en,ar",
            "--formats",
            "csv,html,md,xlsx",
            "--quiet",
        ],
    );
    run.expect_code(0);
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

#[test]
fn each_language_has_its_folder_and_the_same_files() {
    let out = sample_in_three_languages();
    let year = out.path().join("2024");
    let files = |dir: &Path| -> Vec<String> {
        tree(dir)
            .into_iter()
            .filter(|p| p.components().count() == 1)
            .map(|p| p.display().to_string())
            .collect()
    };
    let french = files(&year);
    assert!(french.contains(&"report.xlsx".to_string()), "{french:?}");
    assert_eq!(files(&year.join("en")), french);
    assert_eq!(files(&year.join("ar")), french);
    // The same computation: every CSV has the same header, keys and numbers; only labels and
    // messages change.
    for name in french.iter().filter(|f| f.ends_with(".csv")) {
        let (fr_header, fr_rows) = read_csv(&year.join(name));
        for lang in ["en", "ar"] {
            let (header, rows) = read_csv(&year.join(lang).join(name));
            assert_eq!(header, fr_header, "{lang}/{name}");
            assert_eq!(rows.len(), fr_rows.len(), "{lang}/{name}");
            for (row, fr_row) in rows.iter().zip(&fr_rows) {
                for ((column, value), fr_value) in header.iter().zip(row).zip(fr_row) {
                    if column != "label" && column != "message" {
                        assert_eq!(value, fr_value, "{lang}/{name} {column}");
                    }
                }
            }
        }
    }
    // The manifest: the same fields and inputs, its language named.
    let manifest = |dir: &Path| -> serde_json::Value {
        serde_json::from_str(&read(&dir.join("manifest.json"))).expect("JSON")
    };
    let (fr, ar) = (manifest(&year), manifest(&year.join("ar")));
    assert_eq!(fr["language"], "fr");
    assert_eq!(ar["language"], "ar");
    assert_eq!(fr["inputs"], ar["inputs"]);
    assert_eq!(fr["issues"], ar["issues"]);
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v.as_object().expect("an object").keys().cloned().collect()
    };
    assert_eq!(keys(&fr), keys(&ar));
}

/// The catalogue's French words that English writes otherwise (labels without arguments).
fn french_only_words() -> Vec<String> {
    ids("fr")
        .into_iter()
        .filter(|id| {
            [
                "report-",
                "column-",
                "chart-",
                "status-",
                "month-",
                "table-",
                "severity-",
            ]
            .iter()
            .any(|p| id.starts_with(p))
        })
        .filter_map(|id| {
            let fr = sentence("fr", &id, Vec::new())?;
            let en = sentence("en", &id, Vec::new())?;
            // Short words (« Type », « Total ») are shared or too common to tell: phrases only.
            (fr != en && fr.chars().count() >= 8 && !fr.contains('{')).then_some(fr)
        })
        .collect()
}

#[test]
fn the_english_report_holds_no_french_word_of_the_catalogue() {
    let out = sample_in_three_languages();
    let english = out.path().join("2024/en");
    // A catalogue word the sample's data holds as well (a header « Dont femmes », quoted in the
    // issues' messages) is the data's, not the report's.
    let data = read(&english.join("data-issues.csv"));
    let words: Vec<String> = french_only_words()
        .into_iter()
        .filter(|w| !data.contains(w.as_str()))
        .collect();
    assert!(words.len() > 40, "{words:?}");
    for file in [
        "report.md",
        "report.html",
        "activities_by_type.csv",
        "indicators.csv",
    ] {
        let text = read(&english.join(file));
        for word in &words {
            assert!(!text.contains(word.as_str()), "{file}: « {word} »");
        }
    }
    let md = read(&english.join("report.md"));
    for expected in [
        "# Action plan yearly review 2024",
        "## Key indicators",
        "| Execution rate | 83.4% | 85% |",
        "January",
        "✔ met",
    ] {
        assert!(md.contains(expected), "{expected}\n{md}");
    }
}

#[test]
fn the_arabic_report_is_arabic_and_right_to_left() {
    let out = sample_in_three_languages();
    let arabic = out.path().join("2024/ar");
    let html = read(&arabic.join("report.html"));
    assert!(
        html.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        &html[..300]
    );
    let md = read(&arabic.join("report.md"));
    // Every heading the report writes itself is in Arabic.
    for heading in md.lines().filter(|l| l.starts_with('#')) {
        assert!(heading.chars().any(is_arabic), "{heading}");
    }
    // Western digits with the French marks (docs/words.md): 17 196 participants, 83,4 %.
    assert!(md.contains("| 17\u{a0}196 |"), "{md}");
    assert!(md.contains("83,4\u{a0}%"), "{md}");
    // Labels of categories, months and indicators, and the issues' messages.
    let (_, types) = read_csv(&arabic.join("activities_by_type.csv"));
    assert_eq!(types[0][..2], ["reunion".to_string(), "اجتماع".to_string()]);
    let (_, months) = read_csv(&arabic.join("activities_by_month.csv"));
    assert_eq!(months[0][1], "يناير");
    let (header, issues) = read_csv(&arabic.join("data-issues.csv"));
    let message = header.iter().position(|h| h == "message").expect("message");
    assert!(issues.iter().all(|i| i[message].chars().any(is_arabic)));
    // report.xlsx: every sheet right to left, the French one left to right.
    let sheets_rtl = |path: &Path| -> Vec<bool> {
        let file = std::fs::File::open(path).expect("report.xlsx");
        let mut archive = zip::ZipArchive::new(file).expect("a zip archive");
        let names: Vec<String> = archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.to_string()))
            .filter(|n| n.starts_with("xl/worksheets/sheet"))
            .collect();
        names
            .iter()
            .map(|name| {
                let mut xml = String::new();
                std::io::Read::read_to_string(&mut archive.by_name(name).expect(name), &mut xml)
                    .expect("utf-8");
                xml.contains("rightToLeft=\"1\"")
            })
            .collect()
    };
    let arabic_sheets = sheets_rtl(&arabic.join("report.xlsx"));
    assert!(
        arabic_sheets.len() > 10 && arabic_sheets.iter().all(|r| *r),
        "{arabic_sheets:?}"
    );
    assert!(sheets_rtl(&out.path().join("2024/report.xlsx"))
        .iter()
        .all(|r| !*r));
}

#[test]
fn a_user_indicator_without_arabic_label_warns_and_shows_the_french_one() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir_all(dir.path().join("data")).expect("data/");
    std::fs::copy(
        repo_root().join("data/plan_action_2023_2024.xlsx"),
        dir.path().join("data/plan.xlsx"),
    )
    .expect("the sample");
    std::fs::write(
        dir.path().join("bilan.toml"),
        "[[indicators]]\nid = \"ateliers\"\nlabel = { fr = \"Ateliers réalisés\", en = \"Workshops held\" }\ndataset = \"activities\"\nfilter = { type = [\"atelier\"], status = [\"realise\"] }\nunit = \"count\"\n",
    )
    .expect("bilan.toml");
    let run = bilan(dir.path(), &["report", "--lang", "ar", "--formats", "csv"]);
    run.expect_code(0);
    assert!(
        run.stderr.contains("ateliers") && run.stderr.chars().any(is_arabic),
        "{}",
        run.description
    );
    let (_, rows) = read_csv(&dir.path().join("reports/2024/indicators.csv"));
    let row = rows
        .iter()
        .find(|r| r[0] == "ateliers")
        .expect("the user's indicator");
    assert_eq!(row[1], "Ateliers réalisés");
    let first = rows.first().expect("a row");
    assert!(first[1].chars().any(is_arabic), "{first:?}");
}

#[test]
fn fatal_errors_follow_the_language() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let french = bilan(dir.path(), &["report", "absent.xlsx"]);
    french.expect_code(2);
    assert!(
        french.stderr.contains(
            "bilan: erreur : impossible de lire absent.xlsx : ce fichier ou dossier n'existe pas"
        ),
        "{}",
        french.description
    );
    let english = bilan(dir.path(), &["report", "absent.xlsx", "--lang", "en"]);
    assert!(
        english
            .stderr
            .contains("bilan: error: cannot read absent.xlsx: no such file or folder"),
        "{}",
        english.description
    );
    let arabic = bilan(dir.path(), &["check", "absent.xlsx", "--lang", "ar"]);
    arabic.expect_code(2);
    assert!(
        arabic.stderr.chars().any(is_arabic),
        "{}",
        arabic.description
    );
}
