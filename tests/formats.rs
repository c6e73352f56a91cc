//! Every spreadsheet format, from files saved by LibreOffice (`tests/fixtures/make.sh`)
//! and workbooks built here: the same register must give the same figures and issues.

mod common;

use common::{
    bilan, column_pairs, indicator_values, json_issues, located, read_csv, repo_root, value_of,
};
use std::io::{Read, Write};
use std::path::Path;

/// The issues of `tests/fixtures/source/registre.xlsx`, worked out from how it was written
/// (`examples/make_fixtures.rs`): (severity, code, row, column).
const EXPECTED_ISSUES: [(&str, &str, &str, &str); 6] = [
    ("warning", "cell-error", "9", "E"),
    ("error", "invalid-date", "10", "B"),
    ("error", "unknown-category", "11", "D"),
    ("warning", "negative-value", "12", "E"),
    ("warning", "not-an-integer", "13", "E"),
    ("info", "total-row", "14", ""),
];

fn check_register(file: &Path) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().to_str().expect("utf-8");
    let run = bilan(
        &repo_root(),
        &[
            "report",
            file.to_str().expect("utf-8"),
            "--out",
            out,
            "--formats",
            "csv",
            "--quiet",
        ],
    );
    // Two rows are rejected: data errors, report written.
    run.expect_code(1);
    let out = dir.path().join("2024");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    let found = located(&issues);
    assert_eq!(found, EXPECTED_ISSUES, "{}", file.display());
    assert!(issues.iter().all(|r| r[3] == "Suivi"), "{}", file.display());

    let values = indicator_values(&out);
    let v = |id| value_of(&values, id);
    let name = file.display();
    // Kept: A1, A2, A3, A4 (hidden row), A5, A8, A9; rejected: A6, A7.
    assert_eq!(v("activities_scheduled"), "7", "{name}");
    assert_eq!(v("activities_realised"), "6", "{name}");
    assert_eq!(v("execution_rate"), "85.7", "{name}");
    assert_eq!(v("engagement_rate"), "100", "{name}"); // A3 "en préparation" is in progress
                                                       // 30 + 25 + 8; the error, negative and decimal counts are emptied.
    assert_eq!(v("activity_participants"), "63", "{name}");
    // Both filled: (12 + 10 + 3) / (30 + 25 + 8); read from the two-row header "Participants / Dont femmes".
    assert_eq!(v("activity_women_share"), "39.7", "{name}");
    // Budgets planned 10 000 + 12 500,50 + 5 000 MAD, nothing spent.
    assert_eq!(v("budget_execution_rate"), "0", "{name}");

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).expect("manifest"))
            .expect("JSON");
    let sheet = &manifest["inputs"][0]["sheets"][0];
    assert_eq!(sheet["header_row"], 3, "{name}");
    assert_eq!(sheet["rows_read"], 10, "{name}");
    assert_eq!(sheet["kept"], 7, "{name}");
    assert_eq!(sheet["rejected"], 2, "{name}");
    assert_eq!(sheet["skipped_total"], 1, "{name}");
}

#[test]
fn the_register_built_in_code_as_xlsx() {
    check_register(&repo_root().join("tests/fixtures/source/registre.xlsx"));
}

#[test]
fn the_register_saved_by_libreoffice_as_xlsx() {
    check_register(&repo_root().join("tests/fixtures/libreoffice/registre.xlsx"));
}

#[test]
fn the_register_saved_by_libreoffice_as_xlsm() {
    check_register(&repo_root().join("tests/fixtures/libreoffice/registre.xlsm"));
}

#[test]
fn the_register_saved_by_libreoffice_as_ods() {
    check_register(&repo_root().join("tests/fixtures/libreoffice/registre.ods"));
}

#[test]
fn the_register_saved_by_libreoffice_as_xls() {
    check_register(&repo_root().join("tests/fixtures/libreoffice/registre.xls"));
}

#[test]
fn the_register_saved_by_gnumeric_as_xlsx() {
    check_register(&repo_root().join("tests/fixtures/gnumeric/registre.xlsx"));
}

/// Gnumeric pretty-prints content.xml: whitespace text between the cells.
#[test]
fn the_register_saved_by_gnumeric_as_ods() {
    check_register(&repo_root().join("tests/fixtures/gnumeric/registre.ods"));
}

#[test]
fn the_register_saved_by_gnumeric_as_xls() {
    check_register(&repo_root().join("tests/fixtures/gnumeric/registre.xls"));
}

/// Excel 5.0/95 (BIFF7), still met in old archives.
#[test]
fn the_register_saved_by_gnumeric_as_excel_95() {
    check_register(&repo_root().join("tests/fixtures/gnumeric/registre-excel95.xls"));
}

/// Rewrites an xlsx so that its dates count from 1904 (Excel for Mac's old date system).
fn switch_to_1904(path: &Path) {
    let bytes = std::fs::read(path).expect("the workbook");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("an entry");
        let name = entry.name().expect("an entry name").to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("entry bytes");
        if name == "xl/workbook.xml" {
            let text = String::from_utf8(content).expect("XML");
            assert!(text.contains("<workbookPr"), "{text}");
            content = text
                .replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start entry");
        out.write_all(&content).expect("write entry");
    }
    std::fs::write(path, out.finish().expect("a zip").into_inner()).expect("write the workbook");
}

#[test]
fn dates_in_the_1904_system_are_read_as_the_user_sees_them() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("mac.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let sheet = workbook.add_worksheet();
    for (c, h) in ["Date", "Type", "Statut"].iter().enumerate() {
        sheet.write(0, c as u16, *h).expect("write");
    }
    // In the 1904 system, 15 March 2024 is serial 43904 (45366 - 1462).
    sheet
        .write_number_with_format(1, 0, 43904.0, &date)
        .expect("write");
    sheet.write(1, 1, "Atelier").expect("write");
    sheet.write(1, 2, "Réalisé").expect("write");
    workbook.save(&path).expect("save");
    switch_to_1904(&path);
    let out = dir.path().join("out");
    bilan(
        dir.path(),
        &["report", "mac.xlsx", "--out", "out", "--formats", "csv"],
    )
    .expect_code(0);
    let (_, months) = read_csv(&out.join("2024/activities_by_month.csv"));
    let march = months.iter().find(|r| r[0] == "3").expect("March");
    assert_eq!(march[2], "1", "{months:?}");
}

#[test]
fn a_csv_export_with_error_values_reports_them_as_cell_errors() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("a.csv"), "Date;Type;Statut;Participants\n#N/A;Atelier;Réalisé;3\n01/02/2024;Atelier;Réalisé;#VALUE!\n")
        .expect("write");
    let run = bilan(dir.path(), &["check", "a.csv", "--format", "json"]);
    run.expect_code(1);
    let issues: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let found: Vec<(String, String, String)> = issues
        .as_array()
        .expect("an array")
        .iter()
        .map(|i| {
            (
                i["severity"].to_string(),
                i["code"].to_string(),
                i["column"].to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("\"error\"".into(), "\"cell-error\"".into(), "\"A\"".into()),
            (
                "\"warning\"".into(),
                "\"cell-error\"".into(),
                "\"D\"".into()
            )
        ]
    );
}

#[test]
fn a_french_excel_csv_export_in_windows_1252() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // What Excel writes for "CSV (séparateur: point-virgule)": sep line, Windows-1252, CRLF, decimal commas.
    let text = "sep=;\r\nDate de début;Type d'activité;Statut;Budget prévu;Budget réalisé\r\n\
                12/03/2024;Séminaire;Réalisé;1 500,50;1 200,25\r\n\
                13/03/2024;Journée d'étude;Réalisée;\"2 000,00\";\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    std::fs::write(dir.path().join("export.csv"), &bytes).expect("write");
    bilan(dir.path(), &["report", "export.csv", "--formats", "csv"]).expect_code(0);
    let values = indicator_values(&dir.path().join("reports/2024"));
    assert_eq!(value_of(&values, "activities_realised"), "2");
    // 1200.25 / (1500.50 + 2000.00)
    assert_eq!(value_of(&values, "budget_execution_rate"), "34.3");
    let (_, types) = read_csv(&dir.path().join("reports/2024/activities_by_type.csv"));
    assert_eq!(
        types
            .iter()
            .find(|r| r[0] == "seminaire")
            .map(|r| r[2].as_str()),
        Some("1")
    );
}

/// A register whose first lines are plain ASCII and whose first accent, in Windows-1252, comes
/// thousands of rows down: read as UTF-8 at first, then again from the start as Windows-1252,
/// each registration counted once.
#[test]
fn a_windows_1252_register_whose_first_accent_comes_late() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut text = String::from("Session;Programme;Date;Heures;Organisme;Matricule;Sexe\n");
    for i in 0..5000 {
        let organisation = if i >= 4990 { "Académie" } else { "Pole A" };
        text.push_str(&format!(
            "S{};IA;10/03/2024;6;{organisation};P{i};F\n",
            i / 20
        ));
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let first_bad_byte = match std::str::from_utf8(&bytes) {
        Err(e) => e.valid_up_to(),
        Ok(_) => panic!("the register must not be UTF-8"),
    };
    assert!(first_bad_byte > bytes.len() * 99 / 100);
    std::fs::write(dir.path().join("register.csv"), &bytes).expect("write");
    bilan(dir.path(), &["report", "register.csv", "--formats", "csv"]).expect_code(0);
    let out = dir.path().join("reports/2024");
    let values = indicator_values(&out);
    assert_eq!(value_of(&values, "training_registrations"), "5000");
    // Label and registrations.
    assert_eq!(
        column_pairs(&out.join("training_by_organisation.csv"), 1, 2),
        [
            ("Académie".into(), "10".into()),
            ("Pole A".into(), "4990".into())
        ]
    );
}

#[test]
fn row_and_column_issues_are_located() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = "Code session;Programme;Date;Durée (h);Organisme;Matricule;Présence;Durée\n\
                S1;IA;10/03/2024;12;Pôle A;P1;oui;\n\
                S1;IA;10/03/2024;0;Pôle A;P2;oui;\n\
                S1;;10/03/2024;12;Pôle A;P3;oui;\n\
                S1;IA;10/03/2024;12;Pôle A;P1;non;\n\
                S1;IA;10/03/2024;quinze;Pôle A;P4;peut-être;\n";
    std::fs::write(dir.path().join("f.csv"), text).expect("write");
    let run = bilan(dir.path(), &["check", "f.csv", "--format", "json"]);
    run.expect_code(1);
    let found = json_issues(&run.stdout, |f| {
        format!(
            "{} {} {}{}",
            f("severity"),
            f("code"),
            f("column"),
            f("row")
        )
    });
    assert_eq!(
        found,
        [
            "warning duplicate-column H1",
            "error out-of-range D3",
            "error missing-value B4",
            "warning duplicate-registration F5",
            "error invalid-number D6",
            "warning unknown-category G6",
        ],
        "{}",
        run.description
    );
}

#[test]
fn a_configured_sheet_without_its_header_is_a_no_header_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("a.csv"), "Remarques\nrien\n").expect("write");
    std::fs::write(
        dir.path().join("bilan.toml"),
        "[[sheets]]\nfile = \"a.csv\"\ndataset = \"activities\"\n",
    )
    .expect("write");
    let run = bilan(dir.path(), &["check", "a.csv", "--format", "github"]);
    run.expect_code(1);
    assert!(
        run.stdout
            .starts_with("::error file=a.csv,title=no-header::"),
        "{}",
        run.description
    );
}

/// Regression: each file numbers its texts; the run's table must renumber them, or the second
/// file's genders and programmes would read as the first file's.
#[test]
fn registrations_from_several_files_keep_their_texts() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let header = "Session;Programme;Date;Heures;Organisme;Matricule;Sexe\n";
    std::fs::write(
        dir.path().join("a.csv"),
        format!("{header}S1;IA;10/03/2024;12;Pôle A;P1;F\n"),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.csv"),
        format!(
            "{header}S2;Anglais;11/03/2024;6;Pôle B;P2;M\nS2;Anglais;11/03/2024;6;Pôle B;P3;F\n"
        ),
    )
    .expect("write");
    bilan(
        dir.path(),
        &["report", "a.csv", "b.csv", "--formats", "csv"],
    )
    .expect_code(0);
    let out = dir.path().join("reports/2024");
    let (_, genders) = read_csv(&out.join("training_by_gender.csv"));
    let by_gender: Vec<(&str, &str, &str)> = genders
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(
        by_gender,
        [("F", "2", "18"), ("M", "1", "6"), ("unspecified", "0", "0")]
    );
    // Programme and trainees.
    assert_eq!(
        column_pairs(&out.join("training_by_program.csv"), 0, 4),
        [("Anglais".into(), "2".into()), ("IA".into(), "1".into())]
    );
}

/// Repeated registrations are found within a file as it is typed and across files when they are
/// put together: each later row is reported once, in reading order, and only the first one counts.
#[test]
fn repeated_registrations_are_found_within_and_across_files() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let header = "Code session;Programme;Date;Durée (h);Organisme;Matricule\n";
    std::fs::write(
        dir.path().join("a.csv"),
        format!("{header}S1;IA;10/03/2024;12;Pôle A;P1\nS1;IA;10/03/2024;12;Pôle A;P2\n"),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.csv"),
        format!(
            "{header}S1;IA;10/03/2024;12;Pôle B;P1\nS2;Data;11/03/2024;6;Pôle B;P3\n\
             S2;Data;11/03/2024;6;Pôle B;P3\nS1;IA;10/03/2024;12;Pôle B;P2\n"
        ),
    )
    .expect("write");
    let run = bilan(dir.path(), &["check", ".", "--format", "json"]);
    let found = json_issues(&run.stdout, |f| {
        let (file, code, column, row) = (f("file"), f("code"), f("column"), f("row"));
        format!("{file} {code} {column}{row} {}", f("message"))
    });
    let at = |row: u32| {
        format!("ce participant est déjà inscrit à cette session à la ligne {row} ; seule la première ligne compte")
    };
    assert_eq!(
        found,
        [
            // All of a.csv's registrations are in b.csv (SPEC 2: one warning for the pair).
            "b.csv overlapping-files  ce fichier partage 2 de ses 2 inscriptions (100 %) avec a.csv : deux versions d’un même classeur ? Seules les premières lignes comptent ; retirez le fichier le plus ancien".to_string(),
            format!("b.csv duplicate-registration F2 {}", at(2)),
            format!("b.csv duplicate-registration F4 {}", at(3)),
            format!("b.csv duplicate-registration F5 {}", at(3)),
        ],
        "{}",
        run.description
    );

    bilan(dir.path(), &["report", ".", "--formats", "csv"]).expect_code(0);
    let values = indicator_values(&dir.path().join("reports/2024"));
    // a.csv: S1 P1, S1 P2; b.csv: S2 P3 once.
    assert_eq!(value_of(&values, "training_registrations"), "3");
    assert_eq!(value_of(&values, "training_sessions"), "2");
    assert_eq!(value_of(&values, "training_person_hours"), "30");
}

/// A CSV field is parsed once per distinct text: a bad date, number or yes/no repeated on several
/// rows is still reported on each of them, and a good one still read on each.
#[test]
fn a_repeated_bad_value_is_reported_on_every_row() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = "Code session;Programme;Date;Durée (h);Organisme;Matricule;Présence\n\
                S1;IA;31/13/2024;12;Pôle A;P1;oui\n\
                S1;IA;10/03/2024;douze;Pôle A;P2;peut-être\n\
                S1;IA;31/13/2024;12;Pôle A;P3;oui\n\
                S1;IA;10/03/2024;douze;Pôle A;P4;peut-être\n\
                S1;IA;10/03/2024;12;Pôle A;P5;oui\n";
    std::fs::write(dir.path().join("f.csv"), text).expect("write");
    let run = bilan(dir.path(), &["check", "f.csv", "--format", "json"]);
    run.expect_code(1);
    let found = json_issues(&run.stdout, |f| {
        format!("{} {}{}", f("code"), f("column"), f("row"))
    });
    assert_eq!(
        found,
        [
            "invalid-date C2",
            "invalid-number D3",
            "unknown-category G3",
            "invalid-date C4",
            "invalid-number D5",
            "unknown-category G5",
        ],
        "{}",
        run.description
    );
    bilan(dir.path(), &["report", "f.csv", "--formats", "csv"]).expect_code(1);
    let values = indicator_values(&dir.path().join("reports/2024"));
    // Rows 2 and 4 (bad dates) and 3 and 5 (bad hours) are rejected: P5 alone is kept.
    assert_eq!(value_of(&values, "training_registrations"), "1");
    assert_eq!(value_of(&values, "training_person_hours"), "12");
}

/// A register of 44 registrations (S1, participants P0..P43, 2 hours each) with a "Total" row
/// after the 40th and a "Sous-total" row at the end: past the 30 rows read to find the header,
/// where the typing remembers what each repeated text reads as.
fn register_with_total_rows() -> Vec<Vec<String>> {
    let mut rows = vec![[
        "Code session",
        "Programme",
        "Date",
        "Durée (h)",
        "Organisme",
        "Matricule",
    ]
    .map(String::from)
    .to_vec()];
    let registration = |i: usize| {
        ["S1", "IA", "10/03/2024", "2", "Pôle A", &format!("P{i}")]
            .map(String::from)
            .to_vec()
    };
    rows.extend((0..40).map(registration));
    rows.push(["Total", "", "", "80", "", ""].map(String::from).to_vec());
    rows.extend((40..44).map(registration));
    rows.push(
        ["Sous-total", "", "", "8", "", ""]
            .map(String::from)
            .to_vec(),
    );
    rows
}

fn check_total_rows(dir: &Path, file: &str) {
    let run = bilan(dir, &["check", file, "--format", "json"]);
    run.expect_code(0);
    let found = json_issues(&run.stdout, |f| format!("{} {}", f("code"), f("row")));
    // Lines: the header is line 1, the Total row line 42, the Sous-total row line 47.
    assert_eq!(
        found,
        ["total-row 42", "total-row 47"],
        "{}",
        run.description
    );
    bilan(dir, &["report", file, "--formats", "csv"]).expect_code(0);
    let values = indicator_values(&dir.join("reports/2024"));
    assert_eq!(value_of(&values, "training_registrations"), "44");
    assert_eq!(value_of(&values, "training_person_hours"), "88");
}

#[test]
fn total_rows_far_below_the_header_are_skipped_in_a_csv() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text: String = register_with_total_rows()
        .iter()
        .map(|row| row.join(";") + "\n")
        .collect();
    std::fs::write(dir.path().join("f.csv"), text).expect("write");
    check_total_rows(dir.path(), "f.csv");
}

#[test]
fn total_rows_far_below_the_header_are_skipped_in_a_workbook_of_shared_strings() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in register_with_total_rows().iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            // Texts as Excel's shared strings (rust_xlsxwriter's default); hours as numbers.
            match text.parse::<f64>() {
                Ok(number) => sheet.write(r as u32, c as u16, number),
                Err(_) if text.is_empty() => continue,
                Err(_) => sheet.write(r as u32, c as u16, text),
            }
            .expect("write");
        }
    }
    workbook.save(dir.path().join("f.xlsx")).expect("saved");
    check_total_rows(dir.path(), "f.xlsx");
}

/// Format `register` (SPEC 6): the kept rows of each dataset, categories as code and label,
/// each row with its source; participant identifiers only with `--with-identifiers`.
#[test]
fn the_register_holds_the_kept_rows_with_their_source() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("activites.csv"),
        "Date;Type;Statut;Participants\n12/03/2024;Atelier;Réalisé;30\n13/03/2024;Forum;Peut-être;\n\
         14/03/2024;Webinaire;Prévu;\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("formations.csv"),
        "Code session;Programme;Date;Durée (h);Organisme;Matricule;Sexe\n\
         S1;IA;10/03/2024;12;Pôle A;M-001;F\nS1;IA;10/03/2024;12;Pôle A;M-002;\n",
    )
    .expect("write");
    let register = |extra: &[&str]| {
        let mut args = vec!["report", ".", "--formats", "csv,register"];
        args.extend_from_slice(extra);
        bilan(dir.path(), &args).expect_code(1);
        let out = dir.path().join("reports/2024");
        (
            read_csv(&out.join("activities.csv")),
            read_csv(&out.join("training.csv")),
        )
    };
    let ((header, activities), (training_header, training)) = register(&[]);
    assert_eq!(
        header[..5],
        ["id", "date", "end_date", "type", "type_label"]
    );
    assert_eq!(
        header[header.len() - 3..],
        ["source_file", "source_sheet", "source_row"]
    );
    // The row with an unknown status is rejected: two kept rows, the unknown type as written.
    let picked: Vec<(&str, &str, &str, &str, &str)> = activities
        .iter()
        .map(|r| {
            (
                r[1].as_str(),
                r[3].as_str(),
                r[4].as_str(),
                r[9].as_str(),
                r[r.len() - 1].as_str(),
            )
        })
        .collect();
    assert_eq!(
        picked,
        [
            ("2024-03-12", "atelier", "Atelier", "realise", "2"),
            ("2024-03-14", "Webinaire", "Webinaire", "prevu", "4"),
        ]
    );
    assert!(!training_header.contains(&"participant_id".to_string()));
    assert_eq!(training.len(), 2);
    assert!(
        !std::fs::read_to_string(dir.path().join("reports/2024/training.csv"))
            .expect("training.csv")
            .contains("M-001")
    );
    let gender = training_header
        .iter()
        .position(|h| h == "gender_label")
        .expect("gender_label");
    assert_eq!(
        (training[0][gender].as_str(), training[1][gender].as_str()),
        ("Femmes", "")
    );
    let (_, (with_ids, rows)) = register(&["--with-identifiers"]);
    let id = with_ids
        .iter()
        .position(|h| h == "participant_id")
        .expect("participant_id");
    assert_eq!(
        (rows[0][id].as_str(), rows[1][id].as_str()),
        ("M-001", "M-002")
    );
    let manifest =
        std::fs::read_to_string(dir.path().join("reports/2024/manifest.json")).expect("manifest");
    assert!(manifest.contains("\"training.csv\""), "{manifest}");
}

/// `report.xlsx` (SPEC 6): typed numbers under number formats, text from the data as text (a
/// title starting with `=` is no formula), a native chart per table, and each issue linked to
/// its cell in the source workbook, relative to the report's folder.
#[test]
fn the_report_workbook_types_its_cells_and_links_the_bad_ones() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Suivi").expect("name");
    for (r, cells) in [
        ["Date", "Type", "Statut", "Intitulé", "Participants"],
        ["12/03/2024", "Atelier", "Réalisé", "=1+1", "30"],
        ["13/03/2024", "Forum", "Prévu", "Forum", "-4"],
    ]
    .iter()
    .enumerate()
    {
        common::write_texts(sheet, r as u32, cells);
    }
    std::fs::create_dir(dir.path().join("data")).expect("data");
    book.save(dir.path().join("data/suivi.xlsx")).expect("save");
    bilan(
        dir.path(),
        &[
            "report",
            "data",
            "--formats",
            "csv,xlsx",
            "--formats",
            "csv,xlsx,register",
        ],
    )
    .expect_code(0);
    let path = dir.path().join("reports/2024/report.xlsx");
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("report.xlsx");
    let indicators = workbook
        .worksheet_range("Indicateurs")
        .expect("Indicateurs");
    // Row 2: activities scheduled, 2, as a number; row 3: realised, 1.
    assert_eq!(indicators.get_value((1, 2)), Some(&Data::Float(2.0)));
    assert_eq!(indicators.get_value((2, 2)), Some(&Data::Float(1.0)));
    let by_type = workbook
        .worksheet_range("Activités par type")
        .expect("table sheet");
    let atelier = by_type
        .rows()
        .find(|row| row[0] == Data::String("Atelier".into()))
        .expect("the Atelier row");
    assert_eq!(atelier[1], Data::Float(1.0), "{atelier:?}");
    let issues = workbook.worksheet_range("Problèmes").expect("Problèmes");
    assert_eq!(
        issues.get_value((1, 1)),
        Some(&Data::String("negative-value".into()))
    );
    // With `register`, the kept rows follow as typed sheets: the date a date, the count a
    // number, the title written `=1+1` a string.
    let sheet_names = workbook.sheet_names();
    assert_eq!(
        sheet_names[sheet_names.len() - 4..],
        ["Problèmes", "Activités", "Formation", "Cibles"]
    );
    let register = workbook.worksheet_range("Activités").expect("Activités");
    let header: Vec<String> = register
        .rows()
        .next()
        .expect("a header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let first = register.rows().nth(1).expect("a row");
    assert!(
        matches!(first[column("date")], Data::DateTime(_)),
        "{:?}",
        first[column("date")]
    );
    // 12 March 2024 is Excel's day 45,363.
    let Data::DateTime(day) = &first[column("date")] else {
        panic!("a date cell")
    };
    assert_eq!(day.as_f64(), 45363.0);
    assert_eq!(first[column("participants")], Data::Float(30.0));
    assert_eq!(first[column("title")], Data::String("=1+1".into()));
    assert_eq!(first[column("source_row")], Data::Float(2.0));
    let (_, csv_rows) = read_csv(&dir.path().join("reports/2024/activities.csv"));
    assert_eq!(register.rows().count() - 1, csv_rows.len());
    // The parts: a chart per table sheet, the link to the bad cell, no formula from the data.
    let bytes = std::fs::read(&path).expect("bytes");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.to_string()))
        .collect();
    assert!(
        names
            .iter()
            .filter(|n| n.starts_with("xl/charts/chart"))
            .count()
            >= 5,
        "{names:?}"
    );
    let mut text = |name: &str| {
        let mut part = archive.by_name(name).expect(name);
        let mut text = String::new();
        part.read_to_string(&mut text).expect("utf-8");
        text
    };
    // The problem sheet's part: sheets are numbered in the workbook's order.
    let position = sheet_names
        .iter()
        .position(|n| n == "Problèmes")
        .expect("Problèmes");
    let last = format!("xl/worksheets/sheet{}.xml", position + 1);
    assert!(
        text(&last).contains("location=\"'Suivi'!E3\""),
        "{}",
        text(&last)
    );
    let rels = last.replace("worksheets/", "worksheets/_rels/") + ".rels";
    assert!(text(&rels).contains("Target=\"../../data/suivi.xlsx\""));
    let all_sheets: String = names
        .iter()
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(|n| text(n))
        .collect();
    assert!(!all_sheets.contains("<f>"), "no formula in the workbook");
}

/// Each chart of the review has a native twin in report.xlsx bound to the cells it draws: the
/// chart's series name is a header cell of the sheet its values come from.
#[test]
fn the_review_charts_have_native_twins_bound_to_cells() {
    use calamine::{open_workbook, Reader, Xlsx};
    let out = common::sample_report("xlsx");
    let path = out.path().join("2024/report.xlsx");
    let bytes = std::fs::read(&path).expect("report.xlsx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.to_string()))
        .filter(|n| n.starts_with("xl/charts/chart"))
        .collect();
    let mut workbook: Xlsx<_> = open_workbook(&path).expect("report.xlsx");
    // (sheet, the header its first series is named after, stacked)
    let mut series = Vec::new();
    for name in &names {
        let mut xml = String::new();
        archive
            .by_name(name)
            .expect(name)
            .read_to_string(&mut xml)
            .expect("utf-8");
        let reference = xml
            .split("<c:f>")
            .nth(1)
            .and_then(|r| r.split("</c:f>").next())
            .expect("a series name bound to a cell");
        let (sheet, cell) = reference.split_once('!').expect("sheet!cell");
        let sheet = sheet.trim_matches('\'').to_string();
        let column = cell
            .trim_start_matches('$')
            .split('$')
            .next()
            .expect("a column");
        let column = column
            .bytes()
            .fold(0, |n, b| n * 26 + (b - b'A') as usize + 1)
            - 1;
        let range = workbook.worksheet_range(&sheet).expect("the chart's sheet");
        let header = range
            .get_value((0, column as u32))
            .map(|v| v.to_string())
            .unwrap_or_default();
        series.push((sheet, header, xml.contains("<c:grouping val=\"stacked\"/>")));
    }
    for expected in [
        ("Indicateurs", "Atteinte", false),
        ("Activités par type", "Programmées", false),
        ("Activités par trimestre", "Programmées", false),
        ("Activités par mois", "Réalisées", false),
        ("Activités par axe", "Taux de réalisation", false),
        ("Formation par programme", "Heures-personnes", false),
        ("Bénéficiaires par sexe", "Bénéficiaires femmes", true),
        ("Évolution", "Activités programmées", false),
    ] {
        assert!(
            series
                .iter()
                .any(|(s, h, st)| (s.as_str(), h.as_str(), *st) == expected),
            "{expected:?} not in {series:#?}"
        );
    }
}

/// report.xlsx holds the figures of the CSV files (SPEC 6): every value of indicators.csv and of
/// each table's CSV is the number of the matching cell, rates as fractions under a percent format.
#[test]
fn every_figure_of_the_workbook_is_the_csv_figure() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let out = common::sample_report("csv,xlsx");
    let dir = out.path().join("2024");
    let mut workbook: Xlsx<_> = open_workbook(dir.join("report.xlsx")).expect("report.xlsx");
    // A CSV figure against a cell: the same number as rounded in the CSV (rates in percent).
    let same = |csv: &str, cell: Option<&Data>, rate: bool, what: &str| match (csv, cell) {
        ("", None | Some(Data::Empty)) => {}
        (text, Some(Data::Float(v))) => {
            let expected: f64 = text.parse().unwrap_or_else(|_| panic!("{what}: {text}"));
            // The CSV rounds rates to 1 decimal, other figures to 2.
            let (shown, half) = if rate {
                (v * 100.0, 0.0501)
            } else {
                (*v, 0.0051)
            };
            assert!(
                (shown - expected).abs() < half,
                "{what}: {text} against {v}"
            );
        }
        (text, cell) => panic!("{what}: {text:?} against {cell:?}"),
    };
    let mut checked = 0;
    let (header, rows) = read_csv(&dir.join("indicators.csv"));
    let sheet = workbook
        .worksheet_range("Indicateurs")
        .expect("Indicateurs");
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!(sheet.get_value((r, 1)), Some(&Data::String(row[0].clone())));
        let percent = row[2] == "%";
        // CSV column -> sheet column, and whether the figure is a rate.
        for (c, s, rate) in [
            (3, 2, percent),
            (4, 3, percent),
            (5, 4, true),
            (6, 5, percent),
            (7, 6, true),
        ] {
            same(
                &row[c],
                sheet.get_value((r, s)),
                rate,
                &format!("{} {}", row[0], header[c]),
            );
            checked += 1;
        }
    }
    let mut tables = 0;
    for entry in std::fs::read_dir(&dir).expect("the report") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if path.extension().is_none_or(|e| e != "csv")
            || ["indicators", "data-issues"].contains(&name.as_str())
        {
            continue;
        }
        tables += 1;
        let (header, rows) = read_csv(&path);
        // Each table's sheet is named in words (the catalogue's `sheet-ID`).
        let sheet_name = [
            ("activities_by_type", "Activités par type"),
            ("activities_by_quarter", "Activités par trimestre"),
            ("activities_by_month", "Activités par mois"),
            ("activities_by_axis", "Activités par axe"),
            ("activities_by_partner", "Activités par partenaire"),
            ("training_by_program", "Formation par programme"),
            ("training_by_organisation", "Formation par organisme"),
            ("training_by_gender", "Formation par sexe"),
            ("training_by_modality", "Formation par modalité"),
            ("next_year_by_type", "Programme suivant par type"),
            ("trend", "Évolution"),
        ]
        .iter()
        .find(|(id, _)| *id == name)
        .map(|(_, sheet)| *sheet)
        .unwrap_or_else(|| panic!("{name}: no sheet name"));
        let sheet = workbook
            .worksheet_range(sheet_name)
            .expect("a sheet per table");
        for (i, row) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            assert_eq!(
                sheet.get_value((r, 0)).map(|v| v.to_string()),
                Some(row[1].clone()),
                "{name} row {r}"
            );
            for c in 2..row.len() {
                let rate = header[c].ends_with("_rate") || header[c].ends_with("_share");
                same(
                    &row[c],
                    sheet.get_value((r, c as u32 - 1)),
                    rate,
                    &format!("{name} {} {}", row[1], header[c]),
                );
                checked += 1;
            }
        }
    }
    assert_eq!(tables, 11);
    assert!(checked > 300, "{checked}");
}
