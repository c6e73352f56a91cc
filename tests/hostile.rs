//! Hostile and broken files: each is built here, small on disk, and the run must end with the
//! file reported (never a panic, abort or hang), the other files read, and memory bounded
//! (every run here has 1 GiB of address space at most, through `prlimit`).

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Command;

const OK_CSV: &str = "Date;Type;Statut\n12/03/2024;Atelier;Réalisé\n";

/// Runs bilan with its address space capped, returns (exit code, stdout, stderr).
fn bounded(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new("prlimit")
        .arg("--as=1073741824")
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_bilan"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("prlimit (util-linux) runs bilan");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `bilan check FILE ok.csv --format json` under the memory cap: the issues as (file, code).
fn check_with_ok_file(dir: &Path, file: &str) -> Vec<(String, String, String)> {
    std::fs::write(dir.join("ok.csv"), OK_CSV).expect("write");
    let (code, stdout, stderr) = bounded(dir, &["check", file, "ok.csv", "--format", "json"]);
    assert_eq!(code, 1, "exit code\n{stdout}\n{stderr}");
    common::json_issues(&stdout, |f| (f("file"), f("code"), f("message")))
}

fn zip_file(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("an entry");
        out.write_all(content).expect("entry bytes");
    }
    out.finish().expect("a zip").into_inner()
}

#[test]
fn a_zip_bomb_is_too_large() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // 64 MB of zeros deflate to about 64 KB: a ratio no workbook part has.
    let zeros = vec![0u8; 64 * 1024 * 1024];
    let bytes = zip_file(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/worksheets/sheet1.xml", &zeros),
    ]);
    assert!(
        bytes.len() < 1024 * 1024,
        "the bomb is small on disk ({} bytes)",
        bytes.len()
    );
    std::fs::write(dir.path().join("bombe.xlsx"), bytes).expect("write");
    let issues = check_with_ok_file(dir.path(), "bombe.xlsx");
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(
        (issues[0].0.as_str(), issues[0].1.as_str()),
        ("bombe.xlsx", "too-large")
    );
    assert!(issues[0].2.contains("se décompresse"), "{issues:?}");
}

#[test]
fn the_inflated_size_limit_comes_from_the_config() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(
        common::repo_root().join("tests/fixtures/source/registre.xlsx"),
        dir.path().join("r.xlsx"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("bilan.toml"),
        "[limits]\nmax_inflated_bytes = 1000\n",
    )
    .expect("write");
    let issues = check_with_ok_file(dir.path(), "r.xlsx");
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].1, "too-large");
    assert!(
        issues[0].2.contains("limits.max_inflated_bytes"),
        "{issues:?}"
    );
}

#[test]
fn the_cell_limit_comes_from_the_config() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let big: String = (0..200)
        .map(|i| format!("0{}/03/2024;Atelier;Réalisé\n", i % 9 + 1))
        .collect();
    std::fs::write(
        dir.path().join("big.csv"),
        format!("Date;Type;Statut\n{big}"),
    )
    .expect("write");
    std::fs::write(dir.path().join("bilan.toml"), "[limits]\nmax_cells = 100\n").expect("write");
    let issues = check_with_ok_file(dir.path(), "big.csv");
    assert!(
        issues.iter().any(|i| i.0 == "big.csv"
            && i.1 == "too-large"
            && i.2.contains("plus de 100 cellules")),
        "{issues:?}"
    );
}

#[test]
fn ods_rows_repeated_a_million_times_are_too_large() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Feuille1">
<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
    let bytes = zip_file(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
    ]);
    std::fs::write(dir.path().join("repete.ods"), bytes).expect("write");
    let issues = check_with_ok_file(dir.path(), "repete.ods");
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(
        (issues[0].0.as_str(), issues[0].1.as_str()),
        ("repete.ods", "too-large")
    );
}

#[test]
fn a_sheet_declaring_xfd1048576_with_two_cells_is_read_sparsely() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write(0, 0, "coin").expect("write");
    sheet.write(1_048_575, 16_383, "autre coin").expect("write");
    workbook.save(dir.path().join("vaste.xlsx")).expect("save");
    std::fs::write(dir.path().join("ok.csv"), OK_CSV).expect("write");
    let (code, stdout, stderr) = bounded(
        dir.path(),
        &["check", "vaste.xlsx", "ok.csv", "--format", "json"],
    );
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.contains("unrecognized-sheet"), "{stdout}");
}

#[test]
fn truncated_and_corrupt_workbooks_are_unreadable_not_fatal() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sample =
        std::fs::read(common::repo_root().join("tests/fixtures/libreoffice/registre.xlsx"))
            .expect("fixture");
    std::fs::write(dir.path().join("coupe.xlsx"), &sample[..sample.len() / 2]).expect("write");
    let xls = std::fs::read(common::repo_root().join("tests/fixtures/libreoffice/registre.xls"))
        .expect("fixture");
    let mut broken = xls.clone();
    for byte in broken.iter_mut().skip(512).step_by(7) {
        *byte = byte.wrapping_mul(31).wrapping_add(7);
    }
    std::fs::write(dir.path().join("abime.xls"), broken).expect("write");
    std::fs::write(dir.path().join("ok.csv"), OK_CSV).expect("write");
    let (code, stdout, stderr) = bounded(
        dir.path(),
        &[
            "check",
            "abime.xls",
            "coupe.xlsx",
            "ok.csv",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    let issues: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let files: Vec<&str> = issues
        .as_array()
        .expect("an array")
        .iter()
        .filter(|i| i["code"] == "unreadable-file")
        .map(|i| i["file"].as_str().unwrap_or(""))
        .collect();
    assert!(files.contains(&"coupe.xlsx"), "{stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn invalid_utf8_and_unclosed_quotes_in_csv_are_located() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("bom.csv"),
        b"\xEF\xBB\xBFDate;Type;Statut\n12/03/2024;Atelier\xff;R\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("quote.csv"),
        "Date;Type;Statut\n12/03/2024;\"Atelier;Réalisé\n13/03/2024;Forum;Réalisé\n",
    )
    .expect("write");
    let issues = check_with_ok_file(dir.path(), "bom.csv");
    assert!(
        issues.iter().any(|i| i.0 == "bom.csv"
            && i.1 == "unreadable-file"
            && i.2.contains("ligne 2, champ 2")),
        "{issues:?}"
    );
    let issues = check_with_ok_file(dir.path(), "quote.csv");
    assert!(
        issues.iter().any(|i| i.0 == "quote.csv"
            && i.1 == "unreadable-file"
            && i.2.contains("ouvert à la ligne 2 n’est jamais fermé")),
        "{issues:?}"
    );
}

#[test]
fn markup_and_formulas_from_the_data_are_neutralised_in_every_output() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = "Date;Type;Statut;Axe;Partenaires\n12/03/2024;<script>alert(1)</script>;Réalisé;=HYPERLINK(\"http://x\");@SUM(A1)\n";
    std::fs::write(dir.path().join("a.csv"), text).expect("write");
    let (code, stdout, stderr) = bounded(dir.path(), &["report", "a.csv"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let out = dir.path().join("reports/2024");
    let html = std::fs::read_to_string(out.join("report.html")).expect("html");
    assert!(!html.contains("<script>"), "raw markup in the report");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let md = std::fs::read_to_string(out.join("report.md")).expect("md");
    assert!(!md.contains("<script>"));
    let axis = std::fs::read_to_string(out.join("activities_by_axis.csv")).expect("csv");
    assert!(axis.contains("'=HYPERLINK"), "{axis}");
    let partners = std::fs::read_to_string(out.join("activities_by_partner.csv")).expect("csv");
    assert!(partners.contains("'@SUM(A1)"), "{partners}");
    for file in common::tree(&out) {
        if file.extension().is_some_and(|e| e == "svg") {
            let svg = std::fs::read_to_string(out.join(&file)).expect("svg");
            assert!(!svg.contains("<script>"), "{}", file.display());
        }
    }
}

#[test]
fn participant_identifiers_appear_only_in_data_issues() {
    let out = tempfile::tempdir().expect("a temporary folder");
    let run = common::bilan(
        &common::repo_root(),
        &[
            "report",
            "--out",
            out.path().to_str().expect("utf-8"),
            "--quiet",
        ],
    );
    run.expect_code(0);
    let dir = out.path().join("2024");
    // M11554 is the participant registered twice in the sample (a warning names it).
    let mut holders = Vec::new();
    for file in common::tree(&dir) {
        let bytes = std::fs::read(dir.join(&file)).expect("an output");
        if bytes.windows(6).any(|w| w == b"M11554") {
            holders.push(file.display().to_string());
        }
    }
    assert_eq!(holders, ["data-issues.csv"]);
}

/// The isolated reader (a child process) aborts, as calamine does on some crafted .xls files:
/// the file is reported, the others read. The child here is a script that aborts at once,
/// given to the library as the program to read .xls files with.
#[test]
fn an_xls_reader_that_aborts_costs_the_file_not_the_run() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(
        common::repo_root().join("tests/fixtures/libreoffice/registre.xls"),
        dir.path().join("r.xls"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("ok.csv"), OK_CSV).expect("write");
    let child = dir.path().join("aborting-reader");
    std::fs::write(&child, "#!/bin/sh\nkill -ABRT $$\n").expect("write");
    std::fs::set_permissions(&child, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut config = bilan::Config::default();
    config.inputs = vec![dir.path().join("r.xls"), dir.path().join("ok.csv")];
    config.out = dir.path().join("reports");
    config.formats = vec![bilan::config::Format::Csv];
    config.isolation = Some(bilan::config::Isolation {
        program: child,
        max_memory_bytes: 1 << 30,
    });
    let summary = bilan::report(&config, &|_| {}).expect("the run ends");
    let unreadable: Vec<_> = summary
        .issues
        .iter()
        .filter(|i| i.code == bilan::issue::Code::UnreadableFile)
        .map(|i| i.location.file.clone())
        .collect();
    assert_eq!(unreadable.len(), 1, "{:?}", summary.issues.as_slice());
    assert!(unreadable[0].ends_with("r.xls"), "{unreadable:?}");
    let values = common::indicator_values(summary.out_dir.as_deref().expect("a report"));
    assert_eq!(common::value_of(&values, "activities_scheduled"), "1");
}

/// Found by `fuzz/` (read_xls, 2026-11-28): calamine 0.38 panics on this file's OLE structure
/// (cfb.rs:320, slice index out of range). bilan reports the file and reads the others.
#[test]
fn fuzz_regression_an_xls_that_panics_calamine_is_unreadable() {
    for fixture in ["cfb-slice-panic.xls", "cfb-slice-panic-2.xls"] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::copy(
            common::repo_root()
                .join("tests/fixtures/hostile")
                .join(fixture),
            dir.path().join("crash.xls"),
        )
        .expect("copy");
        let issues = check_with_ok_file(dir.path(), "crash.xls");
        assert_eq!(issues.len(), 1, "{fixture}: {issues:?}");
        assert_eq!(
            (issues[0].0.as_str(), issues[0].1.as_str()),
            ("crash.xls", "unreadable-file"),
            "{fixture}"
        );
    }
}

/// Found by `fuzz/` (read_xls, 2026-11-28): calamine 0.38 reserves a vector sized by the file
/// (xls.rs:667, about 2.9 PB here), which aborts the process whatever the caller does. Read in
/// bilan's isolated child process, it costs the file only.
#[test]
fn fuzz_regression_an_xls_whose_parser_aborts_costs_only_the_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(
        common::repo_root().join("tests/fixtures/hostile/xls-huge-allocation.xls"),
        dir.path().join("abort.xls"),
    )
    .expect("copy");
    let issues = check_with_ok_file(dir.path(), "abort.xls");
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(
        (issues[0].0.as_str(), issues[0].1.as_str()),
        ("abort.xls", "unreadable-file")
    );
}

/// A sheet whose second cell sits 50 million rows below the first: the empty rows between count
/// against `max_cells`, so the file is too large instead of a long loop over blank rows.
#[test]
fn a_cell_far_below_the_others_is_too_large_not_a_long_loop() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write(0, 0, "haut").expect("write");
    sheet.write(1, 0, "bas").expect("write");
    let saved = workbook.save_to_buffer().expect("a workbook");
    // Move the second row to row 50,000,000, past what rust_xlsxwriter (or Excel) writes.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(saved)).expect("a zip");
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("an entry");
        let name = entry.name().expect("an entry name").to_string();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).expect("entry bytes");
        if name == "xl/worksheets/sheet1.xml" {
            let text = String::from_utf8(content).expect("XML");
            assert!(
                text.contains(r#"<row r="2""#) && text.contains(r#"r="A2""#),
                "{text}"
            );
            content = text
                .replace(r#"<row r="2""#, r#"<row r="50000000""#)
                .replace(r#"r="A2""#, r#"r="A50000000""#)
                .into_bytes();
        }
        entries.push((name, content));
    }
    let entries: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(name, content)| (name.as_str(), content.as_slice()))
        .collect();
    std::fs::write(dir.path().join("loin.xlsx"), zip_file(&entries)).expect("write");
    std::fs::write(
        dir.path().join("bilan.toml"),
        "[limits]\nmax_cells = 1000\n",
    )
    .expect("write");
    let issues = check_with_ok_file(dir.path(), "loin.xlsx");
    assert!(
        issues
            .iter()
            .any(|i| i.0 == "loin.xlsx" && i.1 == "too-large"),
        "{issues:?}"
    );
}

/// A large sheet is inflated on a helper thread (`src/read/inflate_ahead.rs`): deflated data
/// damaged in its middle must make the sheet unreadable (SPEC 2: that sheet alone), as
/// calamine's own inflating does, neither a panic nor rows made of garbage.
#[test]
fn a_damaged_part_inflated_ahead_is_unreadable_not_fatal() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("grand.xlsx");
    common::large_register(&path, 20_000, usize::MAX);
    assert!(common::part_size(&path, "xl/worksheets/sheet1.xml") > 1 << 20);
    let (start, end) = {
        let file = std::fs::File::open(&path).expect("the workbook");
        let mut archive = zip::ZipArchive::new(file).expect("a zip archive");
        let part = archive
            .by_name("xl/worksheets/sheet1.xml")
            .expect("the sheet");
        let start = part.data_start().expect("known once opened") as usize;
        (start, start + part.compressed_size() as usize)
    };
    let mut bytes = std::fs::read(&path).expect("read");
    let middle = (start + end) / 2;
    for byte in &mut bytes[middle..middle + 256] {
        *byte ^= 0xA5;
    }
    std::fs::write(&path, bytes).expect("write");
    let issues = check_with_ok_file(dir.path(), "grand.xlsx");
    assert!(
        issues
            .iter()
            .any(|(file, code, _)| file == "grand.xlsx" && code == "unreadable-sheet"),
        "{issues:?}"
    );
}
