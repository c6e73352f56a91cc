//! `bilan inspect FILE`: how bilan reads one file, sheet by sheet, in the reader's words.
//! Headers, fields, datasets and the `bilan.toml` lines it suggests stay as written.

use super::messages::Speaker;
use crate::datasets::SheetReport;
use crate::issue::Issue;
use crate::lang::Lang;
use crate::read::ReadFile;
use crate::words;
use fluent_templates::fluent_bundle::FluentValue;

/// How many issues a sheet shows before pointing to `bilan check`.
const FIRST_ISSUES: usize = 10;

pub fn render(
    file: &ReadFile,
    sheets: &[&SheetReport],
    issues: &[Issue],
    speaker: Speaker,
) -> String {
    let lang = speaker.lang();
    let say = |id: &str, args: Vec<(&'static str, FluentValue)>| words::get_with(lang, id, args);
    let mut out = format!("{}\n", file.input.display);
    if !file.sha256.hex().is_empty() {
        out.push_str(&format!("  sha256 {}\n", file.sha256.hex()));
    }
    if let Some(error) = &file.error {
        let text = say(
            "inspect-unreadable",
            vec![
                ("code", error.code.as_str().into()),
                ("message", speaker.issue(error).into()),
            ],
        );
        out.push_str(&format!("  {text}\n"));
        detail(&mut out, error, lang);
        return out;
    }
    for sheet in sheets {
        let mut name = if sheet.name.is_empty() {
            "(CSV)".to_string()
        } else {
            say("inspect-sheet", vec![("name", sheet.name.as_str().into())])
        };
        if sheet.hidden {
            name = say("inspect-hidden", vec![("sheet", name.into())]);
        }
        let line = match (sheet.kind, sheet.dataset, sheet.header_row) {
            (Some(kind), ..) => say(
                "inspect-not-a-worksheet",
                vec![("sheet", name.into()), ("kind", kind.key().into())],
            ),
            (None, Some(dataset), Some(row)) => say(
                "inspect-dataset",
                vec![
                    ("sheet", name.into()),
                    ("dataset", dataset.name().into()),
                    ("row", row.into()),
                ],
            ),
            _ => say("inspect-no-dataset", vec![("sheet", name.into())]),
        };
        out.push_str(&format!("\n{line}\n"));
        columns(&mut out, sheet, lang);
        if sheet.dataset.is_some() {
            let count = |n: usize| FluentValue::from(n);
            let rows = say(
                "inspect-rows",
                vec![
                    ("read", count(sheet.rows_read)),
                    ("kept", count(sheet.kept)),
                    ("rejected", count(sheet.rejected)),
                    ("skipped", count(sheet.skipped)),
                    ("blank", count(sheet.skipped_blank)),
                    ("total", count(sheet.skipped_total)),
                    ("duplicate", count(sheet.skipped_duplicate)),
                ],
            );
            out.push_str(&format!("  {rows}\n"));
        }
        let sheet_issues: Vec<&Issue> = issues
            .iter()
            .filter(|i| *i.location.sheet == *sheet.name)
            .collect();
        completion(&mut out, sheet, &sheet_issues, lang);
        if !sheet_issues.is_empty() {
            let count = say("inspect-issues", vec![("count", sheet_issues.len().into())]);
            out.push_str(&format!("  {count}\n"));
            for issue in sheet_issues.iter().take(FIRST_ISSUES) {
                let place = match issue.location.row {
                    Some(row) => format!("{}{row}", issue.location.column_letter()),
                    None => "-".to_string(),
                };
                out.push_str(&format!(
                    "    {place:>6}  {} {}: {}\n",
                    super::document::severity_label(issue.severity, lang),
                    issue.code,
                    speaker.issue(issue)
                ));
                detail(&mut out, issue, lang);
            }
            if sheet_issues.len() > FIRST_ISSUES {
                let more = say(
                    "inspect-more",
                    vec![
                        ("count", (sheet_issues.len() - FIRST_ISSUES).into()),
                        ("file", file.input.display.as_str().into()),
                    ],
                );
                out.push_str(&format!("    {more}\n"));
            }
        }
    }
    out
}

/// The sheet's columns: header, then the field it is read as (or why none).
fn columns(out: &mut String, sheet: &SheetReport, lang: Lang) {
    let width = sheet
        .columns
        .iter()
        .map(|c| c.header.chars().count())
        .max()
        .unwrap_or(0);
    for column in &sheet.columns {
        let padding = " ".repeat(width - column.header.chars().count());
        let reading = match (column.field, column.kind, column.year) {
            (Some(field), Some(kind), _) => words::get_with(
                lang,
                if column.by_meaning {
                    "inspect-field-by-meaning"
                } else {
                    "inspect-field"
                },
                vec![
                    ("field", field.into()),
                    (
                        "kind",
                        words::get(lang, &format!("field-kind-{}", kind.key())).into(),
                    ),
                ],
            ),
            (_, _, Some(year)) => words::get_with(
                lang,
                "inspect-target-column",
                vec![("year", year.to_string().into())],
            ),
            _ => words::get(lang, "inspect-ignored"),
        };
        out.push_str(&format!(
            "  {:>3}  {}{padding}  -> {reading}\n",
            column.column, column.header
        ));
    }
}

/// For a sheet that names some but not all required columns of a dataset: the `bilan.toml`
/// lines that would complete the mapping, each missing field with the headers that matched no
/// field as candidates.
fn completion(out: &mut String, sheet: &SheetReport, issues: &[&Issue], lang: Lang) {
    let Some(dataset) = sheet.dataset else {
        return;
    };
    let missing: Vec<&str> = issues
        .iter()
        .filter(|i| i.code == crate::issue::Code::MissingColumn)
        .map(|i| &*i.header)
        .collect();
    if missing.is_empty() {
        return;
    }
    let candidates: Vec<&str> = sheet
        .columns
        .iter()
        .filter(|c| c.field.is_none())
        .map(|c| c.header.as_str())
        .collect();
    out.push_str(&format!("  {}\n", words::get(lang, "inspect-completion")));
    out.push_str(&format!("    [aliases.{}]\n", dataset.name()));
    for field in missing {
        match candidates.first() {
            Some(first) => {
                let others = if candidates.len() > 1 {
                    let names: Vec<String> =
                        candidates[1..].iter().map(|c| toml_string(c)).collect();
                    let text = words::get_with(
                        lang,
                        "inspect-or-one-of",
                        vec![("names", names.join(", ").into())],
                    );
                    format!("   # {text}")
                } else {
                    String::new()
                };
                out.push_str(&format!("    {field} = [{}]{others}\n", toml_string(first)));
            }
            None => {
                let text = words::get_with(
                    lang,
                    "inspect-no-column-left",
                    vec![("field", field.into())],
                );
                out.push_str(&format!("    # {text}\n"));
            }
        }
    }
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The parser's own words about a problem, which only `inspect` shows (SPEC 2).
fn detail(out: &mut String, issue: &Issue, lang: Lang) {
    if let Some(detail) = Speaker::detail(issue) {
        let text = words::get_with(lang, "inspect-reader-said", vec![("detail", detail.into())]);
        out.push_str(&format!("            {text}\n"));
    }
}
