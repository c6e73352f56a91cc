//! Workbooks as other programs write them (issue: every workbook people really send): sheets
//! that are not worksheets, office suites' dialects, damaged sheets, copies of one workbook.

mod common;

use common::{bilan, indicator_values, read_csv, value_of, write_texts, Run};
use rust_xlsxwriter::{Chart, ChartType, Workbook};
use std::path::{Path, PathBuf};

/// Rows of text, as `data-issues.csv` holds them.
type Rows = Vec<Vec<String>>;

/// `bilan report .` in `dir` (CSV only): the report folder, the issues, and of each issue the
/// columns of `data-issues.csv` asked for (0 severity, 1 code, 2 file, 3 sheet…). The issues are
/// compared before the exit code, so that a failure shows them.
fn report_issues(dir: &Path, columns: &[usize]) -> (Run, PathBuf, Rows, Rows) {
    let run = bilan(dir, &["report", ".", "--formats", "csv"]);
    let out = dir.join("reports/2024");
    let (_, issues) = read_csv(&out.join("data-issues.csv"));
    let picked = issues
        .iter()
        .map(|i| columns.iter().map(|&c| i[c].clone()).collect())
        .collect();
    (run, out, issues, picked)
}

/// Three activities of 2024 (two realised) on a sheet `Activités`, then a chart sheet drawn from
/// it, then two registrations on a sheet `Formations`.
fn workbook_with_a_chart_sheet(path: &Path) {
    let mut workbook = Workbook::new();
    let activities = workbook.add_worksheet();
    activities.set_name("Activités").expect("name");
    write_texts(activities, 0, &["Date", "Type", "Statut", "Participants"]);
    write_texts(activities, 1, &["12/03/2024", "Atelier", "Réalisé", ""]);
    write_texts(activities, 2, &["14/05/2024", "Forum", "Réalisé", ""]);
    write_texts(activities, 3, &["20/06/2024", "Réunion", "Prévu", ""]);
    for (row, n) in [(1u32, 20.0), (2, 35.0), (3, 0.0)] {
        activities.write_number(row, 3, n).expect("write");
    }
    let mut chart = Chart::new(ChartType::Column);
    chart.add_series().set_values("'Activités'!$D$2:$D$4");
    let chart_sheet = workbook.add_chartsheet();
    chart_sheet.set_name("Graphique").expect("name");
    chart_sheet.insert_chart(0, 0, &chart).expect("chart");
    let training = workbook.add_worksheet();
    training.set_name("Formations").expect("name");
    write_texts(
        training,
        0,
        &[
            "Session",
            "Programme",
            "Organisme",
            "Matricule",
            "Date de début",
            "Heures",
            "Présent",
        ],
    );
    write_texts(
        training,
        1,
        &["S1", "Excel", "DRH", "A1", "10/04/2024", "6", "oui"],
    );
    write_texts(
        training,
        2,
        &["S1", "Excel", "DRH", "A2", "10/04/2024", "6", "oui"],
    );
    workbook.save(path).expect("save");
}

/// A chart sheet costs nothing but an `info`: both worksheets around it are read.
#[test]
fn a_chart_sheet_does_not_cost_the_workbook() {
    let dir = tempfile::tempdir().expect("dir");
    workbook_with_a_chart_sheet(&dir.path().join("plan.xlsx"));
    let (run, out, issues, found) = report_issues(dir.path(), &[0, 1, 3]);
    assert_eq!(
        found,
        [["info", "not-a-worksheet", "Graphique"]],
        "{issues:?}"
    );
    run.expect_code(0);
    let values = indicator_values(&out);
    assert_eq!(value_of(&values, "activities_scheduled"), "3");
    assert_eq!(value_of(&values, "activities_realised"), "2");
    assert_eq!(value_of(&values, "training_person_hours"), "12");
}

/// The same workbook with the zip part `name` replaced by `content`.
fn with_part(path: &Path, name: &str, content: &[u8]) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).expect("read");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).expect("part");
        let part_name = part.name().expect("a part name").to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).expect("inflate");
        out.start_file(part_name.as_str(), zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(if part_name == name { content } else { &data })
            .expect("write");
    }
    let written = out.finish().expect("finish").into_inner();
    std::fs::write(path, written).expect("write");
}

/// A worksheet whose XML is broken costs that sheet (an `unreadable-sheet` error at the sheet),
/// not the worksheet after it; the parser's words stay out of the message and show in `inspect`.
#[test]
fn a_broken_worksheet_costs_that_sheet_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.xlsx");
    workbook_with_a_chart_sheet(&path);
    with_part(
        &path,
        "xl/worksheets/sheet1.xml",
        b"<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Date</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"n\"><v>oops</v",
    );
    let (run, out, issues, found) = report_issues(dir.path(), &[1, 3]);
    assert_eq!(
        found,
        [
            ["unreadable-sheet", "Activités"],
            ["not-a-worksheet", "Graphique"]
        ],
        "{issues:?}"
    );
    run.expect_code(1);
    let message = &issues[0][8];
    assert!(message.contains("endommagé"), "{message}");
    for internal in ["Xml", "Expecting", "Eof", "error:"] {
        assert!(!message.contains(internal), "{message}");
    }
    let values = indicator_values(&out);
    assert_eq!(value_of(&values, "training_person_hours"), "12");
    let inspect = bilan(dir.path(), &["inspect", "plan.xlsx", "--lang", "en"]);
    assert!(
        inspect.stdout.contains("the reader said:"),
        "{}",
        inspect.stdout
    );
    assert!(
        inspect.stdout.contains("a chart sheet, skipped"),
        "{}",
        inspect.stdout
    );
}

/// Rows formatted far below the data are not rows (SPEC 2), and a hidden sheet is read (and
/// `inspect` says it is hidden).
#[test]
fn styled_empty_rows_are_not_rows_and_hidden_sheets_are_read() {
    let dir = tempfile::tempdir().expect("dir");
    let mut workbook = Workbook::new();
    let visible = workbook.add_worksheet();
    visible.set_name("Notes").expect("name");
    write_texts(visible, 0, &["Plan d'action 2024"]);
    let sheet = workbook.add_worksheet();
    sheet.set_name("Activités").expect("name");
    write_texts(sheet, 0, &["Date", "Type", "Statut"]);
    write_texts(sheet, 1, &["12/03/2024", "Atelier", "Réalisé"]);
    write_texts(sheet, 3, &["14/05/2024", "Forum", "Prévu"]);
    let yellow = rust_xlsxwriter::Format::new().set_background_color("#FFFF00");
    for row in 4..30_000 {
        for column in 0..3 {
            sheet.write_blank(row, column, &yellow).expect("blank");
        }
    }
    sheet.set_hidden(true);
    workbook.save(dir.path().join("plan.xlsx")).expect("save");
    let inspect = bilan(dir.path(), &["inspect", "plan.xlsx", "--lang", "en"]);
    assert!(
        inspect
            .stdout
            .contains("sheet « Activités » (hidden, read): dataset `activities`"),
        "{}",
        inspect.stdout
    );
    assert!(
        inspect
            .stdout
            .contains("rows below the header: 3 = 2 kept + 0 rejected + 1 skipped (1 blank"),
        "{}",
        inspect.stdout
    );
}

/// A workbook is read as what its bytes hold, whatever its extension: an xlsx saved as `.xls`
/// gives the figures of the xlsx; a web page saved as `.xls` is named as such.
#[test]
fn a_workbook_is_read_as_what_it_holds() {
    let dir = tempfile::tempdir().expect("dir");
    workbook_with_a_chart_sheet(&dir.path().join("plan.xls"));
    std::fs::write(
        dir.path().join("export.xls"),
        "<html><body><table><tr><td>Date</td></tr></table></body></html>",
    )
    .expect("write");
    let (run, out, issues, found) = report_issues(dir.path(), &[1, 2]);
    assert_eq!(
        found,
        [
            ["unreadable-file", "export.xls"],
            ["not-a-worksheet", "plan.xls"]
        ],
        "{issues:?}"
    );
    run.expect_code(1);
    assert!(issues[0][8].contains("une page web (HTML)"), "{issues:?}");
    let values = indicator_values(&out);
    assert_eq!(value_of(&values, "activities_realised"), "2");
}

/// The text of a zip part.
fn part_text(path: &Path, name: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).expect("open");
    let mut archive = zip::ZipArchive::new(file).expect("zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("part")
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

/// An xlsm listing an Excel 4 macro sheet (a type calamine 0.38 refuses the workbook for): the
/// macro sheet is skipped with an info, the worksheets are read.
#[test]
fn an_excel_4_macro_sheet_does_not_cost_the_workbook() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.xlsm");
    let mut workbook = Workbook::new();
    let macros = workbook.add_worksheet();
    macros.set_name("Macro1").expect("name");
    write_texts(macros, 0, &["=RETURN()"]);
    let activities = workbook.add_worksheet();
    activities.set_name("Activités").expect("name");
    write_texts(activities, 0, &["Date", "Type", "Statut"]);
    write_texts(activities, 1, &["12/03/2024", "Atelier", "Réalisé"]);
    workbook.save(&path).expect("save");
    let rels = part_text(&path, "xl/_rels/workbook.xml.rels");
    let worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"";
    assert!(rels.contains(worksheet), "{rels}");
    let rels = rels.replace(
        worksheet,
        "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet\" Target=\"worksheets/sheet1.xml\"",
    );
    with_part(&path, "xl/_rels/workbook.xml.rels", rels.as_bytes());
    let (run, out, issues, found) = report_issues(dir.path(), &[1, 3]);
    assert_eq!(found, [["not-a-worksheet", "Macro1"]], "{issues:?}");
    run.expect_code(0);
    assert_eq!(
        value_of(&indicator_values(&out), "activities_realised"),
        "1"
    );
}

/// Files that are not readable workbooks get a sentence that names the cause and what to do,
/// never a parser's words: a web page saved as `.xls`, a password-protected workbook.
#[test]
fn unreadable_files_say_why_in_words_people_understand() {
    let fixtures = common::repo_root().join("tests/fixtures");
    for (file, code, words) in [
        (
            "gnumeric/page-web.xls",
            "unreadable-file",
            "une page web (HTML)",
        ),
        (
            "msoffcrypto/registre-protege.xlsx",
            "encrypted-file",
            "mot de passe",
        ),
    ] {
        let path = fixtures.join(file);
        let run = bilan(
            &fixtures,
            &["check", path.to_str().expect("utf-8"), "--format", "json"],
        );
        run.expect_code(1);
        let issues = common::json_issues(&run.stdout, |f| (f("code"), f("message")));
        assert_eq!(issues[0].0, code, "{file}: {issues:?}");
        assert!(issues[0].1.contains(words), "{file}: {issues:?}");
    }
}
