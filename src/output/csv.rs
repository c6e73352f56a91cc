//! CSV exports (SPEC 6): standard or French-Excel style, guarded against formula injection.

use super::format::csv_number;
use super::CsvStyle;
use crate::indicators::ValueKind;
use std::borrow::Cow;

/// A CSV cell: text is guarded against formula injection, numbers are written as numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum CsvCell<'a> {
    /// Borrowed when the text already exists (a register of a million rows copies none).
    Text(Cow<'a, str>),
    Number(Option<f64>, ValueKind),
}

impl<'a> CsvCell<'a> {
    pub fn text(s: impl Into<Cow<'a, str>>) -> Self {
        CsvCell::Text(s.into())
    }
}

/// Text that a spreadsheet would run as a formula gets a leading `'`.
pub fn guard_formula(text: &str) -> String {
    if needs_guard(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn needs_guard(text: &str) -> bool {
    matches!(
        text.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// Serialises a header and rows in the given style.
pub fn to_csv(header: &[&str], rows: &[Vec<CsvCell>], style: CsvStyle) -> Vec<u8> {
    rows_to_csv(header, rows.iter().map(|row| row.as_slice()), style)
}

/// [`to_csv`] for rows made one at a time (a million issues are never held twice as cells).
pub fn rows_to_csv<'a, R>(header: &[&str], rows: R, style: CsvStyle) -> Vec<u8>
where
    R: IntoIterator,
    R::Item: std::borrow::Borrow<[CsvCell<'a>]>,
{
    let mut out = Vec::new();
    // Writing to a Vec<u8> cannot fail.
    let _ = write_csv(&mut out, header, rows, style);
    out
}

/// Writes the CSV of `rows` to `out` as they come (a million issues go to the file, not to a
/// buffer of the whole file).
pub fn write_csv<'a, W, R>(out: W, header: &[&str], rows: R, style: CsvStyle) -> std::io::Result<()>
where
    W: std::io::Write,
    R: IntoIterator,
    R::Item: std::borrow::Borrow<[CsvCell<'a>]>,
{
    use std::borrow::Borrow;
    let (delimiter, terminator, bom, comma) = match style {
        CsvStyle::Standard => (b',', csv::Terminator::Any(b'\n'), false, false),
        CsvStyle::ExcelFr => (b';', csv::Terminator::CRLF, true, true),
    };
    let mut out = out;
    if bom {
        out.write_all(&[0xEF, 0xBB, 0xBF])?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(terminator)
        .from_writer(out);
    writer.write_record(header)?;
    let mut number = String::new();
    for row in rows {
        for cell in row.borrow() {
            match cell {
                CsvCell::Text(t) if needs_guard(t) => writer.write_field(guard_formula(t))?,
                CsvCell::Text(t) => writer.write_field(&**t)?,
                CsvCell::Number(None, _) => writer.write_field("")?,
                CsvCell::Number(Some(v), kind) => {
                    number.clear();
                    number.push_str(&csv_number(*v, *kind));
                    if comma {
                        number = number.replace('.', ",");
                    }
                    writer.write_field(&number)?;
                }
            }
        }
        // Ends the record (the fields are written one by one, without a copy).
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_style_guards_formulas_but_not_numbers() {
        let rows = vec![vec![
            CsvCell::text("=HYPERLINK(1)"),
            CsvCell::Number(Some(-2.5), ValueKind::Decimal),
        ]];
        let text = String::from_utf8(to_csv(&["a", "b"], &rows, CsvStyle::Standard)).unwrap();
        assert_eq!(text, "a,b\n'=HYPERLINK(1),-2.5\n");
    }

    #[test]
    fn excel_fr_style_has_bom_semicolons_commas_and_crlf() {
        let rows = vec![vec![
            CsvCell::text("Atelier"),
            CsvCell::Number(Some(83.33), ValueKind::Rate),
            CsvCell::Number(None, ValueKind::Rate),
        ]];
        let bytes = to_csv(&["type", "rate", "x"], &rows, CsvStyle::ExcelFr);
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        assert_eq!(
            String::from_utf8(bytes[3..].to_vec()).unwrap(),
            "type;rate;x\r\nAtelier;83,3;\r\n"
        );
    }
}
