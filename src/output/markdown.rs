//! `report.md`: the report's content for a repository viewer, charts as PNG links.

use super::document::{Block, TextTable};

/// Characters that would start markup or break a table cell are escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&"#".repeat(*level as usize));
                out.push(' ');
                out.push_str(&escape(text));
                out.push_str("\n\n");
            }
            Block::Section(text) => {
                out.push_str("## ");
                out.push_str(&escape(text));
                out.push_str("\n\n");
            }
            Block::Paragraph(text) => {
                out.push_str(&escape(text));
                out.push_str("\n\n");
            }
            Block::Table(table) => table_md(&mut out, table),
            Block::Chart { id, title, .. } => {
                out.push_str(&format!("![{}](charts/{id}.png)\n\n", escape(title)));
            }
        }
    }
    out
}

fn table_md(out: &mut String, table: &TextTable) {
    let line = |cells: &[String]| {
        format!(
            "| {} |\n",
            cells
                .iter()
                .map(|c| escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        )
    };
    out.push_str(&line(&table.headers));
    let rule: Vec<&str> = table
        .numeric
        .iter()
        .map(|n| if *n { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in &table.rows {
        out.push_str(&line(row));
    }
    if let Some(total) = &table.total {
        let bold: Vec<String> = total
            .iter()
            .map(|c| {
                if c.is_empty() {
                    String::new()
                } else {
                    format!("**{}**", escape(c))
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", bold.join(" | ")));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_and_markup_are_escaped() {
        assert_eq!(escape("a|b <i>"), "a\\|b \\<i\\>");
    }
}
