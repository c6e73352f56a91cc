//! Helpers shared by the integration tests: run the real binary and explain failures.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub description: String,
}

impl Run {
    /// Panics with the command, its folder and both streams unless the exit code is `expected`.
    pub fn expect_code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code, expected,
            "unexpected exit code\n{}",
            self.description
        );
        self
    }
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn bilan(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_bilan"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the bilan binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let description = format!(
        "command: bilan {}\nfolder: {}\nexit: {:?}\n--- stdout\n{}\n--- stderr\n{}",
        args.join(" "),
        dir.display(),
        output.status.code(),
        stdout,
        stderr
    );
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout,
        stderr,
        description,
    }
}

/// Parses a standard-style CSV into a header and rows of strings.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader =
        csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

/// Two columns of a CSV output, by position, row by row.
pub fn column_pairs(path: &Path, first: usize, second: usize) -> Vec<(String, String)> {
    let (_, rows) = read_csv(path);
    rows.into_iter()
        .map(|r| (r[first].clone(), r[second].clone()))
        .collect()
}

/// The `value` column of `indicators.csv`, by indicator id.
pub fn indicator_values(dir: &Path) -> Vec<(String, String)> {
    let (header, rows) = read_csv(&dir.join("indicators.csv"));
    let value = header
        .iter()
        .position(|h| h == "value")
        .expect("a value column");
    rows.into_iter()
        .map(|r| (r[0].clone(), r[value].clone()))
        .collect()
}

pub fn value_of(values: &[(String, String)], id: &str) -> String {
    values
        .iter()
        .find(|(i, _)| i == id)
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

/// Every file under `dir`, relative, sorted.
pub fn tree(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a readable folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                out.push(path.strip_prefix(base).expect("under base").to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The issues `bilan check --format json` printed on `stdout`, each made a value by `line`, which
/// reads an issue's field by name (text as is, a number as digits, an absent field as nothing).
pub fn json_issues<T>(stdout: &str, line: impl Fn(&dyn Fn(&str) -> String) -> T) -> Vec<T> {
    let issues: serde_json::Value =
        serde_json::from_str(stdout).unwrap_or_else(|e| panic!("JSON on stdout: {e}\n{stdout}"));
    issues
        .as_array()
        .unwrap_or_else(|| panic!("an array of issues\n{stdout}"))
        .iter()
        .map(|issue| {
            let field = |key: &str| match &issue[key] {
                serde_json::Value::String(text) => text.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            line(&field)
        })
        .collect()
}

/// Rows of `data-issues.csv` as (severity, code, row, column).
pub fn located(issues: &[Vec<String>]) -> Vec<(&str, &str, &str, &str)> {
    issues
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[4].as_str(), r[5].as_str()))
        .collect()
}

/// A "Formations" sheet of `rows` registrations, large enough for its XML to pass a megabyte
/// (bilan inflates such parts on a helper thread): sessions S1.. of 1,000 registrations,
/// participants P0.., 3 hours each on 1 March 2024, gender F for every fourth participant (M
/// otherwise); the date of `bad_date_row` (0-based) is the text "pas de date".
pub fn large_register(path: &Path, rows: usize, bad_date_row: usize) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let day = ExcelDateTime::from_ymd(2024, 3, 1).expect("a valid date");
    let sheet = workbook.add_worksheet();
    sheet.set_name("Formations").expect("a sheet name");
    let headers = [
        "Session",
        "Thème",
        "Date",
        "Heures",
        "Structure",
        "Participant",
        "Genre",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write(0, c as u16, *h).expect("write");
    }
    for i in 0..rows {
        let r = i as u32 + 1;
        sheet
            .write(r, 0, format!("S{}", 1 + i / 1000))
            .expect("write");
        sheet.write(r, 1, "Analyse de données").expect("write");
        if i == bad_date_row {
            sheet.write(r, 2, "pas de date").expect("write");
        } else {
            sheet
                .write_date_with_format(r, 2, &day, &date)
                .expect("write");
        }
        sheet.write(r, 3, 3).expect("write");
        sheet.write(r, 4, "Pôle études").expect("write");
        sheet.write(r, 5, format!("P{i}")).expect("write");
        sheet
            .write(r, 6, if i % 4 == 0 { "F" } else { "M" })
            .expect("write");
    }
    workbook.save(path).expect("the workbook is saved");
}

/// The inflated size of the part `name` of a zip-based workbook.
pub fn part_size(path: &Path, name: &str) -> u64 {
    let file = std::fs::File::open(path).expect("the workbook");
    let mut archive = zip::ZipArchive::new(file).expect("a zip archive");
    let part = archive.by_name(name).expect("the part");
    part.size()
}

/// A temporary folder holding these text files (name, content).
pub fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, content) in files {
        std::fs::write(dir.path().join(name), content).expect("write");
    }
    dir
}

/// Writes the texts of `cells` on `row` of `sheet` from the first column; empty ones are left blank.
pub fn write_texts(sheet: &mut rust_xlsxwriter::Worksheet, row: u32, cells: &[&str]) {
    for (column, text) in cells.iter().enumerate() {
        if !text.is_empty() {
            sheet
                .write_string(row, column as u16, *text)
                .expect("write");
        }
    }
}

/// The sample of `data/` reported with `formats` into a temporary folder (its `2024/` inside).
pub fn sample_report(formats: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("a temporary folder");
    bilan(
        &repo_root(),
        &[
            "report",
            "--out",
            out.path().to_str().expect("utf-8"),
            "--formats",
            formats,
            "--quiet",
        ],
    )
    .expect_code(0);
    out
}
