//! `bilan inspect FILE`: how bilan reads one file, sheet by sheet.

use super::messages::Speaker;
use crate::datasets::SheetReport;
use crate::issue::Issue;
use crate::read::ReadFile;

/// How many issues a sheet shows before pointing to `bilan check`.
const FIRST_ISSUES: usize = 10;

pub fn render(
    file: &ReadFile,
    sheets: &[&SheetReport],
    issues: &[Issue],
    speaker: Speaker,
) -> String {
    let mut out = format!("{}\n", file.input.display);
    if !file.sha256.hex().is_empty() {
        out.push_str(&format!("  sha256 {}\n", file.sha256.hex()));
    }
    if let Some(error) = &file.error {
        out.push_str(&format!(
            "  cannot be read [{}]: {}\n",
            error.code,
            speaker.issue(error)
        ));
        detail(&mut out, error);
        return out;
    }
    for sheet in sheets {
        let name = if sheet.name.is_empty() {
            "(CSV)".to_string()
        } else {
            format!("sheet « {} »", sheet.name)
        };
        let hidden = if sheet.hidden { " (hidden, read)" } else { "" };
        match (sheet.kind, sheet.dataset, sheet.header_row) {
            (Some(kind), ..) => out.push_str(&format!("\n{name}: {}, skipped\n", kind.describe())),
            (None, Some(dataset), Some(row)) => out.push_str(&format!(
                "\n{name}{hidden}: dataset `{}`, header on row {row}\n",
                dataset.name()
            )),
            _ => out.push_str(&format!("\n{name}{hidden}: not recognised as a dataset\n")),
        }
        if !sheet.columns.is_empty() {
            let width = sheet
                .columns
                .iter()
                .map(|c| c.header.chars().count())
                .max()
                .unwrap_or(0);
            for column in &sheet.columns {
                let padding = " ".repeat(width - column.header.chars().count());
                match (column.field, column.kind) {
                    (Some(field), Some(kind)) => out.push_str(&format!(
                        "  {:>3}  {}{padding}  -> {field} ({}){}\n",
                        column.column,
                        column.header,
                        kind.describe(),
                        if column.by_meaning {
                            ", read by meaning: check it"
                        } else {
                            ""
                        }
                    )),
                    _ => match column.year {
                        Some(year) => out.push_str(&format!(
                            "  {:>3}  {}{padding}  -> target of {year} (number)\n",
                            column.column, column.header
                        )),
                        None => out.push_str(&format!(
                            "  {:>3}  {}{padding}  -> (not a field: ignored)\n",
                            column.column, column.header
                        )),
                    },
                }
            }
        }
        if sheet.dataset.is_some() {
            out.push_str(&format!(
                "  rows below the header: {} = {} kept + {} rejected + {} skipped ({} blank, {} total, {} duplicate)\n",
                sheet.rows_read, sheet.kept, sheet.rejected, sheet.skipped, sheet.skipped_blank, sheet.skipped_total, sheet.skipped_duplicate
            ));
        }
        let sheet_issues: Vec<&Issue> = issues
            .iter()
            .filter(|i| *i.location.sheet == *sheet.name)
            .collect();
        completion(&mut out, sheet, &sheet_issues);
        if !sheet_issues.is_empty() {
            out.push_str(&format!("  issues: {}\n", sheet_issues.len()));
            for issue in sheet_issues.iter().take(FIRST_ISSUES) {
                let place = match issue.location.row {
                    Some(row) => format!("{}{row}", issue.location.column_letter()),
                    None => "-".to_string(),
                };
                out.push_str(&format!(
                    "    {place:>6}  {} {}: {}\n",
                    issue.severity.as_str(),
                    issue.code,
                    speaker.issue(issue)
                ));
                detail(&mut out, issue);
            }
            if sheet_issues.len() > FIRST_ISSUES {
                out.push_str(&format!(
                    "    … {} more (bilan check {})\n",
                    sheet_issues.len() - FIRST_ISSUES,
                    file.input.display
                ));
            }
        }
    }
    out
}

/// For a sheet that names some but not all required columns of a dataset: the `bilan.toml`
/// lines that would complete the mapping, each missing field with the headers that matched no
/// field as candidates.
fn completion(out: &mut String, sheet: &SheetReport, issues: &[&Issue]) {
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
    out.push_str("  to complete the mapping, bilan.toml could say:\n");
    out.push_str(&format!("    [aliases.{}]\n", dataset.name()));
    for field in missing {
        match candidates.first() {
            Some(first) => out.push_str(&format!(
                "    {field} = [{}]{}\n",
                toml_string(first),
                if candidates.len() > 1 {
                    format!(
                        "   # or one of: {}",
                        candidates[1..]
                            .iter()
                            .map(|c| toml_string(c))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                } else {
                    String::new()
                }
            )),
            None => out.push_str(&format!(
                "    # no column left for `{field}`: add one to the sheet\n"
            )),
        }
    }
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The parser's own words about a problem, which only `inspect` shows (SPEC 2).
fn detail(out: &mut String, issue: &Issue) {
    if let Some(detail) = Speaker::detail(issue) {
        out.push_str(&format!("            (the reader said: {detail})\n"));
    }
}
