//! `report.html`: one self-contained file (inline CSS and SVG, no network), printable on A4.

use super::document::{Block, TextTable};
use crate::lang::Lang;

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #1a1a1a; max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
h1 { color: #0b3d6b; border-bottom: 3px solid #0072B2; padding-bottom: .3em; }
h2 { color: #0b3d6b; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 1em 0; font-size: .9em; max-width: 100%; }
th, td { border: 1px solid #ccc; padding: .3em .6em; overflow-wrap: break-word; }
td.code { font-family: "DejaVu Sans Mono", monospace; font-size: .8em; word-break: break-all; min-width: 16em; }
th { background: #eef3f8; text-align: start; }
td.n, th.n { text-align: end; white-space: nowrap; }
tfoot td { font-weight: bold; background: #f6f6f6; }
figure { margin: 1em 0; }
figure svg { width: 100%; height: auto; direction: ltr; unicode-bidi: isolate; }
figcaption { font-size: .9em; color: #555; }
/* Status of a key figure: a symbol and a word, and a colour of the colour-blind palette. */
tr.status-met td:last-child { background: #d9ecf7; border-inline-start: 4px solid #0072B2; }
tr.status-close td:last-child { background: #fdf0d2; border-inline-start: 4px solid #E69F00; }
tr.status-behind td:last-child { background: #f8dccb; border-inline-start: 4px solid #D55E00; font-weight: bold; }
tr.status-none td:last-child { color: #555; }
@page { size: A4; margin: 14mm 14mm 16mm; }
@media print {
  body { max-width: none; margin: 0; font-size: 9pt; }
  h1 { margin-top: 0; }
  h2 { margin-top: 1em; }
  h2.section { break-before: page; page-break-before: always; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: .12em .35em; }
  h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
  figure { margin: .4em auto; text-align: center; }
  figure svg { width: auto; max-width: 100%; height: 118mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn render(title: &str, blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    // Arabic reads right to left: the page, its tables and their alignment follow (SPEC 6).
    let dir = if lang.right_to_left() {
        " dir=\"rtl\""
    } else {
        ""
    };
    out.push_str(&format!(
        "<html lang=\"{}\"{dir}>\n<head>\n<meta charset=\"utf-8\">\n",
        lang.code()
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    ));
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)))
            }
            Block::Section(text) => {
                out.push_str(&format!("<h2 class=\"section\">{}</h2>\n", escape(text)))
            }
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::Table(table) => table_html(&mut out, table),
            Block::Chart { id, title, svg } => {
                // The chart draws its own title; the figure carries it for screen readers.
                out.push_str(&format!(
                    "<figure id=\"chart-{}\" aria-label=\"{}\">\n{}\n</figure>\n",
                    escape(id),
                    escape(title),
                    strip_xml_declaration(svg)
                ));
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Inline SVG must not carry an XML declaration.
fn strip_xml_declaration(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(start) => &svg[start..],
        None => svg,
    }
}

fn table_html(out: &mut String, table: &TextTable) {
    let class = |i: usize| {
        if table.numeric.get(i).copied().unwrap_or(false) {
            " class=\"n\""
        } else {
            ""
        }
    };
    out.push_str("<table>\n<thead><tr>");
    for (i, h) in table.headers.iter().enumerate() {
        out.push_str(&format!("<th{}>{}</th>", class(i), escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (r, row) in table.rows.iter().enumerate() {
        match table.row_classes.get(r) {
            Some(class) => out.push_str(&format!("<tr class=\"status-{class}\">")),
            None => out.push_str("<tr>"),
        }
        for (i, cell) in row.iter().enumerate() {
            // A long token (a checksum) may break anywhere rather than widen the page.
            let class = if cell.len() > 32 && !cell.contains(' ') {
                " class=\"code\""
            } else {
                class(i)
            };
            out.push_str(&format!("<td{class}>{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n");
    if let Some(total) = &table.total {
        out.push_str("<tfoot><tr>");
        for (i, cell) in total.iter().enumerate() {
            out.push_str(&format!("<td{}>{}</td>", class(i), escape(cell)));
        }
        out.push_str("</tr></tfoot>\n");
    }
    out.push_str("</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_values_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
    }
}
