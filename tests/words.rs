//! The words catalogue (src/locales): every message in every language, no silent fallback.

mod common;

use bilan::words::{ids, sentence, LANGUAGES};
use fluent_templates::fluent_bundle::FluentValue;

/// Every message of the French catalogue (the reference) exists in every language, and no
/// language has a message the others lack.
#[test]
fn every_message_exists_in_every_language() {
    let french = ids("fr");
    assert!(french.len() > 50, "{french:?}");
    for lang in LANGUAGES {
        let mut theirs = ids(lang);
        let mut ours = french.clone();
        theirs.sort();
        ours.sort();
        assert_eq!(theirs, ours, "{lang}");
    }
}

/// Every message formats in every language with the arguments it names (a message that needs
/// an argument nobody gives fails here, not in front of a user).
#[test]
fn every_message_formats_in_every_language() {
    let names = [
        "value",
        "header",
        "version",
        "extension",
        "found",
        "page",
        "line",
        "field",
        "reason",
        "seconds",
        "max",
        "count",
        "part",
        "ratio",
        "limit",
        "kind",
        "cause",
        "dataset",
        "row",
        "missing",
        "columns",
        "names",
        "first",
        "women",
        "participants",
        "hours",
        "satisfaction",
        "known",
        "code",
        "fr",
        "en",
        "label",
        "files",
        "year",
        "shared",
        "of",
        "what",
        "share",
        "why",
        "errors",
        "warnings",
        "infos",
        "dir",
        "summary",
        "done",
        // report, charts, workbook (report.ftl)
        "number",
        "points",
        "day",
        "month",
        "date",
        "parts",
        "shown",
        "indicator",
        "dimension",
        "quarter",
        "title",
        "previous",
        // commands (commands.ftl)
        "message",
        "sheet",
        "read",
        "kept",
        "rejected",
        "skipped",
        "blank",
        "total",
        "duplicate",
        "file",
        "detail",
        "fields",
        "values",
        "definition",
        "conditions",
        "id",
        "dimensions",
        "path",
        "paths",
        "available",
        "problem",
        "key",
        "column",
        "close",
        "met",
        "name",
        // the summary (report.ftl, summary-*)
        "case",
        "files_text",
        "rows",
        "activities",
        "registrations",
        "targets",
        "organisations",
        "organisations_text",
        "realised",
        "scheduled",
        "rate",
        "target",
        "change",
        "behind",
        "list",
        "achievement",
        "low",
        "low_axis",
        "high",
        "high_axis",
        "sessions",
        "sessions_text",
        "trainees",
        "attendance",
        "count_text",
        "types",
        "rejected_text",
        "file_count_text",
    ];
    for lang in LANGUAGES {
        for id in ids(lang) {
            let args = names
                .iter()
                .map(|n| {
                    let number = [
                        "files",
                        "errors",
                        "warnings",
                        "infos",
                        "done",
                        "count",
                        "points",
                        "shown",
                        "organisations",
                        "sessions",
                        "met",
                        "close",
                        "behind",
                        "rejected",
                    ]
                    .contains(n);
                    (
                        *n,
                        if number {
                            FluentValue::from(2)
                        } else {
                            FluentValue::from("x")
                        },
                    )
                })
                .collect();
            let text = sentence(lang, &id, args);
            assert!(
                text.as_deref().is_some_and(|t| !t.is_empty()),
                "{lang} {id}"
            );
        }
    }
}

/// Arabic messages are Arabic; English ones hold no French word of the French catalogue.
#[test]
fn each_language_speaks_its_own_words() {
    let text = |lang: &str, id: &str| sentence(lang, id, Vec::new()).unwrap_or_default();
    assert!(text("ar", "read-empty")
        .chars()
        .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
    assert_eq!(text("en", "read-empty"), "the file is empty");
    assert_eq!(text("fr", "read-empty"), "le fichier est vide");
}

/// Every message the code names (`Message::new("…")`) is in the catalogue.
#[test]
fn every_message_the_code_names_is_in_the_catalogue() {
    let known = ids("fr");
    let mut files = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    let mut named = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(
                std::fs::read_dir(&path)
                    .expect("dir")
                    .map(|e| e.expect("entry").path()),
            );
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source");
            for part in text.split("Message::new(\"").skip(1) {
                let id = part.split('"').next().unwrap_or_default().to_string();
                named.push((path.display().to_string(), id));
            }
        }
    }
    assert!(named.len() > 30, "{named:?}");
    for (file, id) in named {
        assert!(
            known.contains(&id),
            "{file}: `{id}` is not in src/locales/fr"
        );
    }
}

/// Plurals follow each language's rules (Arabic has six forms).
#[test]
fn counts_take_the_plural_of_their_language() {
    let summary = |lang: &str, n: i64| {
        let args = vec![
            ("errors", FluentValue::from(n)),
            ("warnings", FluentValue::from(1)),
            ("infos", FluentValue::from(0)),
        ];
        sentence(lang, "issues-summary", args).unwrap_or_default()
    };
    assert_eq!(summary("fr", 1), "1 erreur, 1 avertissement, 0 information");
    assert_eq!(
        summary("fr", 2),
        "2 erreurs, 1 avertissement, 0 information"
    );
    assert_eq!(summary("en", 2), "2 errors, 1 warning, 0 infos");
    assert!(summary("ar", 2).starts_with("خطآن"), "{}", summary("ar", 2));
    assert!(
        summary("ar", 5).starts_with("5 أخطاء"),
        "{}",
        summary("ar", 5)
    );
    assert!(
        summary("ar", 11).starts_with("11 خطأً"),
        "{}",
        summary("ar", 11)
    );
}

/// The sample's issues in French and English: the same codes, places, headers and values (the
/// machine interface), messages in each language.
#[test]
fn only_the_words_change_with_the_language() {
    let root = common::repo_root();
    let issues = |lang: &str| {
        let run = common::bilan(
            &root,
            &["check", "data", "--format", "json", "--lang", lang],
        );
        run.expect_code(0);
        common::json_issues(&run.stdout, |f| {
            (
                [
                    f("severity"),
                    f("code"),
                    f("file"),
                    f("sheet"),
                    f("row"),
                    f("column"),
                    f("header"),
                    f("value"),
                ],
                f("message"),
            )
        })
    };
    let (french, english) = (issues("fr"), issues("en"));
    assert_eq!(french.len(), english.len());
    assert!(french.len() >= 10, "{french:?}");
    for ((fr_place, fr), (en_place, en)) in french.iter().zip(&english) {
        assert_eq!(fr_place, en_place);
        assert_ne!(fr, en);
        for french_word in ["ligne", "est ", "’", " ; ", "donnée"] {
            assert!(!en.contains(french_word), "{en}");
        }
    }
}
