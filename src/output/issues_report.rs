//! How `check` prints the issues: text for people, JSON for tools, GitHub annotations for CI.

use super::messages::Speaker;
use crate::issue::{Issue, Message, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueFormat {
    Text,
    Json,
    Github,
}

pub fn render(issues: &[Issue], format: IssueFormat, speaker: Speaker) -> String {
    match format {
        IssueFormat::Text => text(issues, speaker),
        IssueFormat::Json => {
            let records: Vec<Record> = issues.iter().map(|i| Record::of(i, speaker)).collect();
            let mut json =
                serde_json::to_string_pretty(&records).unwrap_or_else(|_| "[]".to_string());
            json.push('\n');
            json
        }
        IssueFormat::Github => github(issues, speaker),
    }
}

/// An issue as JSON gives it: the fields of `data-issues.csv` (SPEC 2), under the same names in
/// every language; only `message` is in the run's language.
#[derive(serde::Serialize)]
struct Record<'a> {
    severity: &'static str,
    code: &'static str,
    file: &'a str,
    sheet: &'a str,
    row: Option<u32>,
    column: String,
    header: &'a str,
    value: &'a str,
    message: String,
}

impl<'a> Record<'a> {
    fn of(issue: &'a Issue, speaker: Speaker) -> Self {
        Record {
            severity: issue.severity.as_str(),
            code: issue.code.as_str(),
            file: &issue.location.file,
            sheet: &issue.location.sheet,
            row: issue.location.row,
            column: issue.location.column_letter(),
            header: &issue.header,
            value: &issue.value,
            message: speaker.issue(issue),
        }
    }
}

fn place(issue: &Issue) -> String {
    let l = &issue.location;
    // An issue of the whole run (`no-data`) has no file.
    if l.file.is_empty() {
        return "bilan".to_string();
    }
    let mut out = l.file.to_string();
    if !l.sheet.is_empty() {
        out.push_str(&format!(" [{}]", l.sheet));
    }
    if let Some(row) = l.row {
        out.push_str(&format!(":{}{row}", l.column_letter()));
    }
    out
}

fn text(issues: &[Issue], speaker: Speaker) -> String {
    let mut out = String::new();
    for issue in issues {
        out.push_str(&format!(
            "{}: {}: {} [{}]",
            place(issue),
            issue.severity.as_str(),
            speaker.issue(issue),
            issue.code
        ));
        if !issue.value.is_empty() {
            out.push_str(&format!(" (value: {})", issue.value.replace('\n', " ")));
        }
        out.push('\n');
    }
    let errors = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    let warnings = issues
        .iter()
        .filter(|i| i.severity == Severity::Warning)
        .count();
    let infos = issues.len() - errors - warnings;
    let summary = Message::new("issues-summary")
        .with("errors", errors)
        .with("warnings", warnings)
        .with("infos", infos);
    out.push_str(&speaker.message(&summary, None));
    out.push('\n');
    out
}

/// Escaping of workflow-command properties and messages (GitHub Actions).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn github(issues: &[Issue], speaker: Speaker) -> String {
    let mut out = String::new();
    for issue in issues {
        let level = match issue.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if !issue.location.file.is_empty() {
            props.push(format!("file={}", escape_property(&issue.location.file)));
        }
        if let Some(row) = issue.location.row {
            props.push(format!("line={row}"));
        }
        let mut title = issue.code.as_str().to_string();
        if !issue.location.sheet.is_empty() {
            title = format!(
                "{title} ({} {}{})",
                issue.location.sheet,
                issue.location.column_letter(),
                issue
                    .location
                    .row
                    .map(|r| r.to_string())
                    .unwrap_or_default()
            );
        }
        props.push(format!("title={}", escape_property(&title)));
        out.push_str(&format!(
            "::{level} {}::{}\n",
            props.join(","),
            escape_data(&speaker.issue(issue))
        ));
    }
    out
}
