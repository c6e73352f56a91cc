//! Hand-filled workbooks built here with rust_xlsxwriter, with indicators worked out by hand.

mod common;

use common::{bilan, indicator_values, located, read_csv, value_of};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use sha2::Digest;
use std::path::Path;

/// session, programme, date, hours, organisation, participant, gender, present
type Registration<'a> = (
    &'a str,
    &'a str,
    (u16, u8, u8),
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
);

/// A department's register as people fill it: a title, a blank row, headers in other words
/// than the template's, dates as cells and as text, French numbers as text, a blank row,
/// an unknown type, an invalid date and a total row.
fn messy_workbook(path: &Path) {
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let d = |y: u16, m: u8, day: u8| ExcelDateTime::from_ymd(y, m, day).expect("a valid date");
    let sheet = workbook.add_worksheet();
    sheet.set_name("Suivi 2024").expect("a sheet name");
    sheet
        .write(0, 0, "Plan d'action 2024 — Département des études")
        .expect("write");
    let headers = [
        "N°",
        "DATE_DEBUT",
        "Nature",
        "Objet",
        "Partenaire",
        "État",
        "Effectif",
        "Femmes",
        "Budget prévu",
        "Dépenses",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write(2, c as u16, *h).expect("write");
    }
    // Row 4 (index 3): everything as cells.
    sheet.write(3, 0, "A1").expect("write");
    sheet
        .write_date_with_format(3, 1, d(2024, 1, 15), &date)
        .expect("write");
    sheet.write(3, 2, "Atelier").expect("write");
    sheet.write(3, 3, "IA à l'école").expect("write");
    sheet
        .write(3, 4, "Ministère de la Transition numérique; UNESCO")
        .expect("write");
    sheet.write(3, 5, "Réalisée").expect("write");
    sheet.write(3, 6, 30).expect("write");
    sheet.write(3, 7, 12).expect("write");
    sheet.write(3, 8, 10000).expect("write");
    sheet.write(3, 9, 9000).expect("write");
    // Row 5: typed as text, French style.
    for (c, v) in [
        "A2",
        "05/02/2024",
        "journée d'études",
        "Évaluation",
        "UNESCO",
        "REALISE",
        "25",
        "10",
        "12 500,50",
        "10 000",
    ]
    .iter()
    .enumerate()
    {
        sheet.write(4, c as u16, *v).expect("write");
    }
    // Row 6: a month name date, a type alias, a status alias, a currency mark.
    for (c, v) in [
        "A3",
        "1er avril 2024",
        "Conférence",
        "",
        "",
        "en préparation",
        "",
        "",
        "5 000 MAD",
        "",
    ]
    .iter()
    .enumerate()
    {
        if !v.is_empty() {
            sheet.write(5, c as u16, *v).expect("write");
        }
    }
    // Row 7 is blank. Row 8: a type outside the list (warning, kept as its own category).
    sheet.write(7, 0, "A4").expect("write");
    sheet
        .write_date_with_format(7, 1, d(2024, 6, 10), &date)
        .expect("write");
    sheet.write(7, 2, "Webinaire").expect("write");
    sheet.write(7, 5, "Programmé").expect("write");
    // Row 9: ISO text date, cancelled.
    for (c, v) in [(0, "A5"), (1, "2024-07-01"), (2, "Réunion"), (5, "Annulé")] {
        sheet.write(8, c, v).expect("write");
    }
    // Row 10: the year before.
    sheet.write(9, 0, "A6").expect("write");
    sheet
        .write_date_with_format(9, 1, d(2023, 11, 10), &date)
        .expect("write");
    sheet.write(9, 2, "Atelier").expect("write");
    sheet.write(9, 5, "Réalisé").expect("write");
    sheet.write(9, 6, 40).expect("write");
    sheet.write(9, 7, 20).expect("write");
    // Row 11: a date that does not exist: rejected with an error.
    for (c, v) in [(0, "A7"), (1, "31/13/2024"), (2, "Atelier"), (5, "Réalisé")] {
        sheet.write(10, c, v).expect("write");
    }
    // Row 12: the total people add at the bottom.
    sheet.write(11, 0, "TOTAL").expect("write");
    sheet.write(11, 6, 95).expect("write");

    let training = workbook.add_worksheet();
    training.set_name("Formations").expect("a sheet name");
    let headers = [
        "Session",
        "Thème",
        "Date",
        "Heures",
        "Structure",
        "Nom et prénom",
        "Genre",
        "Présent",
    ];
    for (c, h) in headers.iter().enumerate() {
        training.write(0, c as u16, *h).expect("write");
    }
    let rows: [Registration; 5] = [
        (
            "S1",
            "IA",
            (2024, 3, 1),
            "12,5",
            "Pôle A",
            "Amina B.",
            "Femme",
            "oui",
        ),
        (
            "S1",
            "IA",
            (2024, 3, 1),
            "12,5",
            "Pôle A",
            "Karim C.",
            "H",
            "non",
        ),
        (
            "S1",
            "IA",
            (2024, 3, 1),
            "12,5",
            "Pôle B",
            "Salma D.",
            "F",
            "x",
        ),
        (
            "S2",
            "Données",
            (2024, 5, 2),
            "6",
            "Pôle A",
            "Amina B.",
            "féminin",
            "oui",
        ),
        (
            "S2",
            "Données",
            (2024, 5, 2),
            "6",
            "Pôle B",
            "Youssef E.",
            "masculin",
            "",
        ),
    ];
    for (i, (session, program, (y, m, day), hours, org, person, gender, present)) in
        rows.iter().enumerate()
    {
        let r = i as u32 + 1;
        training.write(r, 0, *session).expect("write");
        training.write(r, 1, *program).expect("write");
        training
            .write_date_with_format(r, 2, d(*y, *m, *day), &date)
            .expect("write");
        training.write(r, 3, *hours).expect("write");
        training.write(r, 4, *org).expect("write");
        training.write(r, 5, *person).expect("write");
        training.write(r, 6, *gender).expect("write");
        if !present.is_empty() {
            training.write(r, 7, *present).expect("write");
        }
    }
    workbook.save(path).expect("the workbook is saved");
}

#[test]
fn a_hand_filled_workbook_gives_the_hand_computed_indicators() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    messy_workbook(&dir.path().join("suivi.xlsx"));
    let run = bilan(dir.path(), &["report", "suivi.xlsx", "--formats", "csv"]);
    // The invalid date rejects a row: data errors, output still written.
    run.expect_code(1);
    let out = dir.path().join("reports/2024");
    let values = indicator_values(&out);
    let v = |id| value_of(&values, id);
    // A1..A5 fall in 2024 (A6 is 2023, A7 is rejected).
    assert_eq!(v("activities_scheduled"), "5");
    assert_eq!(v("activities_realised"), "2");
    assert_eq!(v("execution_rate"), "40");
    assert_eq!(v("engagement_rate"), "60"); // A1, A2 done + A3 in preparation
    assert_eq!(v("activity_participants"), "55"); // 30 + 25
    assert_eq!(v("activity_women_share"), "40"); // (12 + 10) / 55
    assert_eq!(v("partners_engaged"), "2"); // the ministry and UNESCO
    assert_eq!(v("budget_execution_rate"), "69.1"); // (9000 + 10000) / (10000 + 12500.5 + 5000)
    assert_eq!(v("training_registrations"), "5");
    assert_eq!(v("training_sessions"), "2");
    assert_eq!(v("trainees"), "2"); // Amina twice, Salma
    assert_eq!(v("training_person_hours"), "31"); // 12.5 + 12.5 + 6
    assert_eq!(v("attendance_rate"), "60"); // 3 of 5; an empty "Présent" cell is absent
    assert_eq!(v("trainee_women_share"), "100");
    assert_eq!(v("hours_per_trainee"), "15.5");
    assert_eq!(v("average_satisfaction"), "");
    assert_eq!(v("next_year_scheduled"), "0");

    let (header, rows) = read_csv(&out.join("indicators.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let scheduled = rows
        .iter()
        .find(|r| r[0] == "activities_scheduled")
        .expect("a row");
    assert_eq!(scheduled[col("previous_year")], "1");
    assert_eq!(scheduled[col("change_pct")], "400");

    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    let found = located(&issues);
    assert_eq!(
        found,
        vec![
            ("warning", "unknown-category", "8", "C"),
            ("error", "invalid-date", "11", "B"),
            ("info", "total-row", "12", ""),
        ]
    );
    assert!(issues
        .iter()
        .all(|r| r[2] == "suivi.xlsx" && r[3] == "Suivi 2024" || r[3] == "Formations"));

    let (_, types) = read_csv(&out.join("activities_by_type.csv"));
    let scheduled_of = |key: &str| {
        types
            .iter()
            .find(|r| r[0] == key)
            .map(|r| r[2].clone())
            .unwrap_or_default()
    };
    assert_eq!(scheduled_of("colloque"), "1"); // "Conférence"
    assert_eq!(scheduled_of("journee_etude"), "1");
    assert_eq!(scheduled_of("Webinaire"), "1");
}

#[test]
fn the_manifest_accounts_for_every_row() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    messy_workbook(&dir.path().join("suivi.xlsx"));
    bilan(dir.path(), &["report", "suivi.xlsx", "--formats", "csv"]).expect_code(1);
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("reports/2024/manifest.json")).expect("manifest"),
    )
    .expect("JSON");
    let sheet = &manifest["inputs"][0]["sheets"][0];
    assert_eq!(sheet["name"], "Suivi 2024");
    assert_eq!(sheet["dataset"], "activities");
    assert_eq!(sheet["header_row"], 3);
    // Rows 4..=12: 6 kept, 1 rejected (invalid date), 1 blank, 1 total.
    assert_eq!(sheet["rows_read"], 9);
    assert_eq!(sheet["kept"], 6);
    assert_eq!(sheet["rejected"], 1);
    assert_eq!(sheet["skipped_blank"], 1);
    assert_eq!(sheet["skipped_total"], 1);
    assert_eq!(manifest["issues"]["by_severity"]["error"], 1);
    // The input's checksum (taken on a thread of its own after parsing) is that of its bytes.
    let bytes = std::fs::read(dir.path().join("suivi.xlsx")).expect("input");
    let digest: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(manifest["inputs"][0]["sha256"], digest.as_str());
    let outputs = manifest["outputs"].as_array().expect("outputs");
    assert!(outputs
        .iter()
        .any(|o| o["path"] == "indicators.csv" && o["sha256"].as_str().map(str::len) == Some(64)));
}

/// An xlsx file stores each distinct text once (shared strings) and bilan types each text once:
/// the issues of a repeated bad value must still be reported on every row that holds it, and a
/// shared text that is blank or an error value must read as such.
#[test]
fn a_repeated_text_is_reported_on_every_row_that_holds_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let training = workbook.add_worksheet();
    training.set_name("Formations").expect("a sheet name");
    for (c, h) in [
        "Session",
        "Thème",
        "Date",
        "Heures",
        "Structure",
        "Participant",
        "Genre",
    ]
    .iter()
    .enumerate()
    {
        training.write(0, c as u16, *h).expect("write");
    }
    // session, participant, gender: "X" is no gender (three rows), "#N/A" an error value and
    // " " a blank text in the required participant column, " S1 " the session S1 once cleaned.
    let rows = [
        ("S1", "P1", "X"),
        (" S1 ", "P2", "F"),
        ("S1", "#N/A", "F"),
        ("S1", "P3", "X"),
        ("S1", " ", "M"),
        ("S1", "#N/A", "M"),
        ("S1", "P4", "X"),
    ];
    for (i, (session, person, gender)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        training.write(r, 0, *session).expect("write");
        training.write(r, 1, "IA").expect("write");
        let day = ExcelDateTime::from_ymd(2024, 3, 1).expect("a valid date");
        training
            .write_date_with_format(r, 2, day, &date)
            .expect("write");
        training.write(r, 3, 6).expect("write");
        training.write(r, 4, "Pôle A").expect("write");
        training.write(r, 5, *person).expect("write");
        training.write(r, 6, *gender).expect("write");
    }
    workbook
        .save(dir.path().join("repeats.xlsx"))
        .expect("the workbook is saved");

    bilan(dir.path(), &["report", "repeats.xlsx", "--formats", "csv"]).expect_code(1);
    let out = dir.path().join("reports/2024");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    let found = located(&issues);
    assert_eq!(
        found,
        vec![
            ("warning", "unknown-category", "2", "G"),
            ("error", "cell-error", "4", "F"),
            ("warning", "unknown-category", "5", "G"),
            ("error", "missing-value", "6", "F"),
            ("error", "cell-error", "7", "F"),
            ("warning", "unknown-category", "8", "G"),
        ]
    );
    let values = indicator_values(&out);
    let v = |id| value_of(&values, id);
    // Rows 4, 6 and 7 are rejected; P1..P4 are kept, all in session S1.
    assert_eq!(v("training_registrations"), "4");
    assert_eq!(v("training_sessions"), "1");
    assert_eq!(v("trainees"), "4");
    // Only P2 has a known gender (F): the women share counts the rows where gender is known.
    assert_eq!(v("trainee_women_share"), "100");
}

/// Runs `bilan report` on `common::large_register(rows, bad_date_row)` and checks the invalid
/// date's row and the indicators against values worked out by hand.
fn check_large_register(rows: usize, bad_date_row: usize, min_xml: u64, expected: &[(&str, &str)]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("registre.xlsx");
    common::large_register(&path, rows, bad_date_row);
    assert!(common::part_size(&path, "xl/worksheets/sheet1.xml") >= min_xml);

    bilan(dir.path(), &["report", "registre.xlsx", "--formats", "csv"]).expect_code(1);
    let out = dir.path().join("reports/2024");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    // Registration i sits on spreadsheet row i + 2 (row 1 holds the headers).
    let row = (bad_date_row + 2).to_string();
    assert_eq!(
        located(&issues),
        vec![("error", "invalid-date", row.as_str(), "C")]
    );
    let values = indicator_values(&out);
    for (id, value) in expected {
        assert_eq!(value_of(&values, id), *value, "{id}");
    }
}

/// A sheet whose XML passes a megabyte is inflated on a helper thread while calamine parses it
/// (`src/read/inflate_ahead.rs`): every row must arrive, in order, an issue deep in the sheet
/// at its row.
#[test]
fn a_sheet_inflated_ahead_gives_the_hand_computed_indicators() {
    // Registration 4,999 is rejected; participants 0, 4, 8, … 5,996 are women (1,500 of 5,999).
    check_large_register(
        6_000,
        4_999,
        1 << 20,
        &[
            ("training_registrations", "5999"),
            ("training_sessions", "6"),
            ("trainees", "5999"),
            ("training_person_hours", "17997"),
            ("trainee_women_share", "25"),
        ],
    );
}

/// A sheet whose XML passes 32 MiB is parsed in two halves on two threads
/// (`src/read/split_sheet.rs`): the figures and an issue in the second half must be those of
/// the whole sheet.
#[test]
fn a_sheet_parsed_in_two_halves_gives_the_hand_computed_indicators() {
    // Registration 120,001 (second half) is rejected; 37,500 women of 149,999.
    check_large_register(
        150_000,
        120_001,
        // The size from which src/read/workbook.rs parses a sheet in two halves (SPLIT_FROM_BYTES).
        32 << 20,
        &[
            ("training_registrations", "149999"),
            ("training_sessions", "150"),
            ("trainees", "149999"),
            ("training_person_hours", "449997"),
            ("trainee_women_share", "25"),
        ],
    );
}

/// Statuses, types and modalities typed freely, as people write them: feminine and plural
/// forms, synonyms, a complement after the value. Each is read for what it means; a value that
/// stays ambiguous (« Non réalisée »: cancelled or postponed?) is still an error on its row.
#[test]
fn values_typed_freely_are_read_by_meaning() {
    let dir = common::folder_with(&[
        (
            "activites.csv",
            "Date;Type;Statut;Participants\n\
         12/03/2024;Réunions;Réalisée;10\n\
         13/03/2024;Ateliers;Annulée;\n\
         14/03/2024;Atelier;Reportée à 2025;\n\
         15/03/2024;Forum;Prévue;\n\
         16/03/2024;Forums;Programmée;\n\
         17/03/2024;Séminaire;Clôturée;25\n\
         18/03/2024;Séminaires;En cours;\n\
         19/03/2024;Séminaire;Non réalisée;\n",
        ),
        (
            "formations.csv",
            "Session;Programme;Date;Durée (h);Organisme;Matricule;Modalité\n\
         S1;Excel;12/03/2024;6;Pôle A;M1;Présentielle\n\
         S1;Excel;12/03/2024;6;Pôle A;M2;En présentiel\n\
         S2;Word;13/03/2024;3;Pôle A;M3;En ligne\n\
         S3;Word;14/03/2024;3;Pôle B;M4;Mixte\n",
        ),
    ]);
    bilan(dir.path(), &["report", ".", "--formats", "csv"]).expect_code(1);
    let out = dir.path().join("reports/2024");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    // Only the ambiguous status is a problem, on its row (row 9: the header is row 1).
    let problems: Vec<_> = located(&issues)
        .into_iter()
        .filter(|i| i.0 != "info")
        .collect();
    assert_eq!(problems, vec![("error", "unknown-category", "9", "C")]);
    let ambiguous = issues.iter().find(|i| i[0] == "error").expect("the error");
    assert!(
        ambiguous[8].contains("connues : Réalisé, En cours, Prévu, Reporté, Annulé")
            && ambiguous[8].contains("[categories.status."),
        "{ambiguous:?}"
    );
    // Each value read by meaning is said once, where it is first met: « Séminaire » (row 7) is
    // a type as written, « Séminaires » (row 8) by meaning; « En ligne » and « Mixte » are
    // aliases as written.
    let infos: Vec<(&str, &str)> = issues
        .iter()
        .filter(|i| i[0] == "info")
        .map(|i| (i[4].as_str(), i[7].as_str()))
        .collect();
    assert_eq!(
        infos,
        [
            ("2", "Réunions"),
            ("3", "Ateliers"),
            ("3", "Annulée"),
            ("4", "Reportée à 2025"),
            ("5", "Prévue"),
            ("6", "Forums"),
            ("6", "Programmée"),
            ("7", "Clôturée"),
            ("8", "Séminaires"),
            ("2", "Présentielle"),
            ("3", "En présentiel"),
        ]
    );
    let values = indicator_values(&out);
    // Seven activities kept: two realised (Réalisée, Clôturée), one in progress.
    for (id, value) in [
        ("activities_scheduled", "7"),
        ("activities_realised", "2"),
        ("execution_rate", "28.6"),
        ("engagement_rate", "42.9"),
        ("activity_participants", "35"),
        ("training_registrations", "4"),
    ] {
        assert_eq!(value_of(&values, id), value, "{id}");
    }
    // Types by meaning: 1 meeting, 2 workshops, 2 forums, 2 seminars (no unknown type).
    let types = common::column_pairs(&out.join("activities_by_type.csv"), 0, 2);
    for (code, scheduled) in [
        ("reunion", "1"),
        ("atelier", "2"),
        ("forum", "2"),
        ("seminaire", "2"),
    ] {
        assert!(
            types.contains(&(code.to_string(), scheduled.to_string())),
            "{code}: {types:?}"
        );
    }
    let modalities = common::column_pairs(&out.join("training_by_modality.csv"), 0, 3);
    assert_eq!(
        modalities,
        [("presentiel", "2"), ("distance", "1"), ("hybride", "1")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .to_vec()
    );
}

/// The same records under the specification's headers (CSV) and under headers as departments
/// write them (a workbook with a title above, abbreviations, « de l'activité », units, a
/// Du / Au pair): the same figures, with no bilan.toml.
#[test]
fn headers_written_freely_give_the_figures_of_the_spec_headers() {
    let activities = [
        (
            "A-1",
            "12/03/2024",
            "Atelier",
            "Réalisé",
            "30",
            "12",
            "1000",
            "900",
        ),
        ("A-2", "20/04/2024", "Réunion", "Réalisé", "12", "5", "", ""),
        ("A-3", "02/05/2024", "Forum", "Annulé", "", "", "5000", ""),
        ("A-4", "10/06/2024", "Atelier", "En cours", "", "", "", ""),
    ];
    let registrations = [
        (
            "S1",
            "Excel",
            "04/03/2024",
            "05/03/2024",
            "12",
            "Pôle A",
            "M1",
            "Présentiel",
            "4",
        ),
        (
            "S1",
            "Excel",
            "04/03/2024",
            "05/03/2024",
            "12",
            "Pôle A",
            "M2",
            "Présentiel",
            "5",
        ),
        (
            "S2",
            "Word",
            "11/03/2024",
            "11/03/2024",
            "6",
            "Pôle B",
            "M3",
            "À distance",
            "",
        ),
    ];
    let spec = tempfile::tempdir().expect("a temporary folder");
    let mut csv = String::from(
        "Référence;Date de début;Type d'activité;Statut;Nombre de participants;Dont femmes;Budget prévu;Budget réalisé\n",
    );
    for a in &activities {
        csv += &format!(
            "{};{};{};{};{};{};{};{}\n",
            a.0, a.1, a.2, a.3, a.4, a.5, a.6, a.7
        );
    }
    std::fs::write(spec.path().join("activites.csv"), csv).expect("write");
    let mut csv = String::from(
        "Code session;Programme;Date de début;Date de fin;Durée (h);Organisme;Matricule;Modalité;Satisfaction\n",
    );
    for r in &registrations {
        csv += &format!(
            "{};{};{};{};{};{};{};{};{}\n",
            r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8
        );
    }
    std::fs::write(spec.path().join("formations.csv"), csv).expect("write");

    let free = tempfile::tempdir().expect("a temporary folder");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Suivi").expect("name");
    sheet
        .write_string(0, 0, "Suivi des activités 2024")
        .expect("write");
    let headers = [
        "Code activité",
        "Date de l'activité",
        "Nature de l'activité",
        "État d'avancement",
        "Nbre de participants",
        "Dont F",
        "Budget alloué (DH)",
        "Budget consommé (DH)",
    ];
    common::write_texts(sheet, 2, &headers);
    for (r, a) in activities.iter().enumerate() {
        common::write_texts(
            sheet,
            3 + r as u32,
            &[a.0, a.1, a.2, a.3, a.4, a.5, a.6, a.7],
        );
    }
    let sheet = book.add_worksheet().set_name("Formation").expect("name");
    let headers = [
        "N° session",
        "Intitulé de la formation",
        "Du",
        "Au",
        "Nbre d'heures",
        "Structure bénéficiaire",
        "N° matricule",
        "Mode de formation",
        "Note de satisfaction",
    ];
    common::write_texts(sheet, 0, &headers);
    for (r, g) in registrations.iter().enumerate() {
        let row = [g.0, g.1, g.2, g.3, g.4, g.5, g.6, g.7, g.8];
        common::write_texts(sheet, 1 + r as u32, &row);
    }
    book.save(free.path().join("suivi.xlsx")).expect("save");

    bilan(spec.path(), &["report", ".", "--formats", "csv"]).expect_code(0);
    bilan(free.path(), &["report", ".", "--formats", "csv"]).expect_code(0);
    for table in [
        "indicators.csv",
        "activities_by_type.csv",
        "training_by_program.csv",
        "training_by_organisation.csv",
        "training_by_modality.csv",
    ] {
        let read = |dir: &Path| std::fs::read_to_string(dir.join("reports/2024").join(table));
        assert_eq!(
            read(free.path()).expect("free"),
            read(spec.path()).expect("spec"),
            "{table}"
        );
    }
    let values = indicator_values(&free.path().join("reports/2024"));
    for (id, value) in [
        ("activities_scheduled", "4"),
        ("activities_realised", "2"),
        ("activity_participants", "42"),
        ("training_registrations", "3"),
        ("training_person_hours", "30"),
    ] {
        assert_eq!(value_of(&values, id), value, "{id}");
    }
    // Each header read by meaning is an info for the analyst to confirm, as `inspect` marks it.
    let inspect = bilan(free.path(), &["inspect", "suivi.xlsx", "--lang", "en"]);
    let marked = inspect.stdout.matches("read by meaning: check it").count();
    assert!(marked >= 10, "{}", inspect.stdout);
    let (_, issues) = read_csv(&free.path().join("reports/2024/data-issues.csv"));
    let headers: Vec<&Vec<String>> = issues.iter().filter(|i| i[1] == "missing-column").collect();
    assert_eq!(headers.len(), marked, "{issues:?}");
    assert!(
        headers
            .iter()
            .all(|i| i[0] == "info" && i[8].contains("par son sens") && !i[5].is_empty()),
        "{issues:?}"
    );
}

/// Two headers that could both mean one field, neither an alias as written: neither is read,
/// and a warning names both and the `bilan.toml` line that settles it — never a silent guess.
#[test]
fn a_header_that_could_mean_two_columns_is_not_guessed() {
    let dir = common::folder_with(&[(
        "activites.csv",
        "Date;Nbre de participants;Nombre des participants;Type;Statut
         12/03/2024;3;4;Atelier;Réalisé
",
    )]);
    bilan(dir.path(), &["report", ".", "--formats", "csv"]).expect_code(0);
    let out = dir.path().join("reports/2024");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    assert_eq!(issues.len(), 1, "{issues:?}");
    let issue = &issues[0];
    assert_eq!(
        (issue[0].as_str(), issue[1].as_str()),
        ("warning", "duplicate-column")
    );
    assert!(
        issue[8].contains("« Nbre de participants », « Nombre des participants »")
            && issue[8].contains("[aliases.activities] participants = [\"Nbre de participants\"]"),
        "{issue:?}"
    );
    assert_eq!(
        value_of(&indicator_values(&out), "activity_participants"),
        "0"
    );
}

/// A template's sheet of drop-down values (« Listes », hidden) is not data: an info, exit 0. A
/// register that lost its date column is still an error.
#[test]
fn a_sheet_of_value_lists_is_not_a_register_that_lost_a_column() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut book = Workbook::new();
    let data = book.add_worksheet().set_name("Activités").expect("name");
    common::write_texts(data, 0, &["Date", "Type", "Statut"]);
    common::write_texts(data, 1, &["12/03/2024", "Atelier", "Réalisé"]);
    common::write_texts(data, 2, &["13/03/2024", "Forum", "Prévu"]);
    let lists = book.add_worksheet().set_name("Listes").expect("name");
    lists.set_hidden(true);
    common::write_texts(lists, 0, &["Type d'activité", "Statut", "Modalité", "Sexe"]);
    let columns: [&[&str]; 4] = [
        &["Réunion", "Atelier", "Forum", "Séminaire"],
        &["Réalisé", "En cours", "Prévu", "Reporté", "Annulé"],
        &["Présentiel", "À distance", "Hybride"],
        &["F", "M"],
    ];
    for (c, values) in columns.iter().enumerate() {
        for (r, v) in values.iter().enumerate() {
            lists
                .write_string(1 + r as u32, c as u16, *v)
                .expect("write");
        }
    }
    book.save(dir.path().join("modele.xlsx")).expect("save");
    bilan(dir.path(), &["report", "modele.xlsx", "--formats", "csv"]).expect_code(0);
    let (_, issues) = read_csv(&dir.path().join("reports/2024/data-issues.csv"));
    let lists_issues: Vec<_> = issues.iter().filter(|i| i[3] == "Listes").collect();
    assert_eq!(lists_issues.len(), 1, "{issues:?}");
    assert_eq!(
        (lists_issues[0][0].as_str(), lists_issues[0][1].as_str()),
        ("info", "unrecognized-sheet")
    );
    let values = indicator_values(&dir.path().join("reports/2024"));
    assert_eq!(value_of(&values, "activities_scheduled"), "2");

    // The same register without its date column: statuses repeat, so it is data that lost a
    // column, an error.
    let dir = common::folder_with(&[
        ("suivi.csv", "Type;Statut\nAtelier;Réalisé\nForum;Réalisé\n"),
        ("ok.csv", "Date;Type;Statut\n12/03/2024;Atelier;Réalisé\n"),
    ]);
    bilan(dir.path(), &["report", ".", "--formats", "csv"]).expect_code(1);
    let (_, issues) = read_csv(&dir.path().join("reports/2024/data-issues.csv"));
    assert!(
        issues
            .iter()
            .any(|i| i[1] == "missing-column" && i[2] == "suivi.csv"),
        "{issues:?}"
    );
}

/// `inspect` names the headers read by meaning, for the analyst to confirm; an alias as written
/// is not flagged.
#[test]
fn inspect_flags_the_headers_read_by_meaning() {
    let dir = common::folder_with(&[(
        "libre.csv",
        "Code activité;Date;Nature;État d'avancement;Nbre de participants;Observations\n\
         A1;12/03/2024;Atelier;Réalisée;12;ok\n",
    )]);
    let run = bilan(dir.path(), &["inspect", "libre.csv", "--lang", "en"]);
    run.expect_code(0);
    let line = |header: &str| {
        run.stdout
            .lines()
            .find(|l| l.contains(header))
            .unwrap_or_else(|| panic!("{header}: {}", run.stdout))
            .to_string()
    };
    for header in ["Code activité", "État d'avancement", "Nbre de participants"] {
        assert!(
            line(header).ends_with("read by meaning: check it"),
            "{}",
            line(header)
        );
    }
    for header in ["Date ", "Nature"] {
        assert!(!line(header).contains("by meaning"), "{}", line(header));
    }
    assert!(line("Observations").contains("not a field"));
}

/// An action plan's targets as a matrix (one row per indicator by its label, one column per
/// year, actual values beside them) are read as the targets dataset, each cell located.
#[test]
fn a_targets_matrix_gives_each_year_its_targets() {
    let dir = common::folder_with(&[(
        "activites.csv",
        "Date;Type;Statut\n12/03/2024;Atelier;Réalisé\n13/03/2024;Forum;Prévu\n",
    )]);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Objectifs").expect("name");
    sheet
        .write_string(0, 0, "Plan d'action — cibles")
        .expect("write");
    let rows: [[&str; 4]; 5] = [
        ["Indicateur", "Réalisé 2023", "Cible 2024", "2025"],
        ["Taux de réalisation", "83", "85 %", "90 %"],
        ["Activités réalisées", "180", "220", "240"],
        ["Bénéficiaires formés", "", "100", ""],
        ["Indicateur inconnu", "", "5", "6"],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                sheet
                    .write_string(2 + r as u32, c as u16, *v)
                    .expect("write");
            }
        }
    }
    book.save(dir.path().join("cibles.xlsx")).expect("save");
    bilan(dir.path(), &["report", ".", "--formats", "csv"]).expect_code(1);
    let out = dir.path().join("reports/2024");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    // The unknown indicator, once for its row (row 7), at its label's column.
    let errors: Vec<_> = located(&issues)
        .into_iter()
        .filter(|i| i.0 == "error")
        .collect();
    assert_eq!(errors, vec![("error", "unknown-category", "7", "A")]);
    let (header, rows) = read_csv(&out.join("indicators.csv"));
    let target_column = header.iter().position(|h| h == "target").expect("target");
    let target_of = |id: &str| {
        rows.iter()
            .find(|r| r[0] == id)
            .map(|r| r[target_column].clone())
            .unwrap_or_default()
    };
    assert_eq!(target_of("execution_rate"), "85");
    assert_eq!(target_of("activities_realised"), "220");
    assert_eq!(target_of("trainees"), "100");
    assert_eq!(target_of("activities_scheduled"), "");
    // `inspect` shows which column gives which year's targets, and that actual values are not.
    let inspect = bilan(dir.path(), &["inspect", "cibles.xlsx", "--lang", "en"]);
    for line in [
        "B  Réalisé 2023  -> (not a field: ignored)",
        "C  Cible 2024    -> target of 2024 (number)",
        "D  2025          -> target of 2025 (number)",
    ] {
        assert!(inspect.stdout.contains(line), "{line}\n{}", inspect.stdout);
    }
}

/// Dates as plans write them: French Excel's display and ranges in one cell are dates, not
/// `invalid-date` errors that reject the row.
#[test]
fn dates_written_as_ranges_or_as_excel_shows_them_are_read() {
    let dir = common::folder_with(&[(
        "activites.csv",
        "Date;Date de fin;Type;Statut\n\
         12-mars-24;;Atelier;Réalisé\n\
         du 12 au 14 mars 2024;;Forum;Réalisé\n\
         28/03/2024 - 29/03/2024;;Séminaire;Réalisé\n\
         du 12 au 14 mars 2024;13/03/2024;Atelier;Réalisé\n\
         02/04/2024;;Réunion;Prévu\n",
    )]);
    bilan(dir.path(), &["report", ".", "--formats", "csv"]).expect_code(0);
    let out = dir.path().join("reports/2024");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    assert!(issues.is_empty(), "{issues:?}");
    let values = indicator_values(&out);
    assert_eq!(value_of(&values, "activities_scheduled"), "5");
    assert_eq!(value_of(&values, "activities_realised"), "4");
    let months = common::column_pairs(&out.join("activities_by_month.csv"), 0, 2);
    assert_eq!(months[2], ("3".to_string(), "4".to_string()), "{months:?}");
}

/// Plans dated by month or quarter (SPEC 2): each counts in its year and quarter, in its month
/// when it has one; the by-month table leaves the others out and the report says how many.
#[test]
fn activities_dated_by_month_or_quarter_count_in_their_period() {
    let dir = common::folder_with(&[(
        "programme.csv",
        "Date;Type;Statut\n\
         mars 2024;Atelier;Réalisé\n\
         03/2024;Forum;Réalisé\n\
         T2 2024;Séminaire;Prévu\n\
         2e trimestre 2024;Atelier;Prévu\n\
         12/05/2024;Réunion;Réalisé\n",
    )]);
    bilan(dir.path(), &["report", ".", "--formats", "csv,md"]).expect_code(0);
    let out = dir.path().join("reports/2024");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    assert!(issues.is_empty(), "{issues:?}");
    let values = indicator_values(&out);
    assert_eq!(value_of(&values, "activities_scheduled"), "5");
    let quarters = common::column_pairs(&out.join("activities_by_quarter.csv"), 0, 2);
    assert_eq!(
        &quarters[..2],
        &[("Q1".into(), "2".into()), ("Q2".into(), "3".into())]
    );
    let months = common::column_pairs(&out.join("activities_by_month.csv"), 0, 2);
    let scheduled: Vec<&str> = months.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(
        scheduled,
        ["0", "0", "2", "0", "1", "0", "0", "0", "0", "0", "0", "0"]
    );
    let report = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(
        report.contains("2 activités de 2024 sont datées par leur seul trimestre"),
        "{report}"
    );
}

/// A sheet that misses a required column: `inspect` prints the bilan.toml lines that would
/// complete the mapping, and with them the sheet is read.
#[test]
fn inspect_suggests_the_aliases_that_complete_a_sheet() {
    let dir = common::folder_with(&[(
        "stage.csv",
        "Session;Sujet;Date;Durée (h);Organisme;Matricule;Observations\n\
         S1;Excel;12/03/2024;6;Pôle A;M1;ok\n",
    )]);
    let run = bilan(dir.path(), &["inspect", "stage.csv", "--lang", "en"]);
    run.expect_code(1);
    assert!(
        run.stdout.contains(
            "  to complete the mapping, bilan.toml could say:\n    [aliases.training]\n    program = [\"Sujet\"]   # or one of: \"Observations\"\n"
        ),
        "{}",
        run.stdout
    );
    std::fs::write(
        dir.path().join("bilan.toml"),
        "[aliases.training]\nprogram = [\"Sujet\"]\n",
    )
    .expect("write");
    bilan(dir.path(), &["check", "stage.csv"]).expect_code(0);
}
