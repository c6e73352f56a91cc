//! Parsing rules for cell values (SPEC 2): dates, numbers, booleans.
//!
//! Each parser takes a [`Cell`] and returns the typed value or a [`ValueError`]
//! that the row builder turns into a located issue.

use super::normalize::normalize_key;
use crate::issue::{Code, Message};
use crate::read::Cell;
use chrono::{Datelike, Duration, NaiveDate};

/// How ambiguous numeric dates are read (`date_order` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    #[default]
    Dmy,
    Mdy,
}

/// Why a cell could not be read as the field's type.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueError {
    pub code: Code,
    /// The catalogue's message (the cell's value is the issue's).
    pub message: Message,
}

impl ValueError {
    fn new(code: Code, id: &'static str) -> Self {
        ValueError {
            code,
            message: Message::new(id),
        }
    }
}

/// A number read from a cell; `percent` when it was written with a trailing `%`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub percent: bool,
}

pub fn parse_date(cell: &Cell, order: DateOrder) -> Result<NaiveDate, ValueError> {
    match cell {
        Cell::Date(d) => Ok(*d),
        Cell::Number(n) => excel_serial_to_date(*n)
            .ok_or_else(|| ValueError::new(Code::InvalidDate, "invalid-date-serial")),
        Cell::Text(t) => parse_date_text(t, order)
            .ok_or_else(|| ValueError::new(Code::InvalidDate, "invalid-date")),
        _ => Err(ValueError::new(Code::InvalidDate, "invalid-date")),
    }
}

/// Excel serial day numbers of the 1900 system (serial 60 is Excel's phantom 29 February 1900).
pub fn excel_serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Serials from 61 on are offset by the phantom leap day; 1..=59 count from 1899-12-31.
    let epoch = if days >= 61 {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    } else if days == 60 {
        return None;
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    };
    epoch.checked_add_signed(Duration::days(days))
}

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janv", 1),
    ("fevr", 2),
    ("juil", 7),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("fev", 2),
    ("mar", 3),
    ("apr", 4),
    ("avr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The text forms of SPEC 2: `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, `d/m/yy`,
/// `yyyy-mm-dd` (time ignored), month names (`12 mars 2024`, `1er avril 2024`, `March 12, 2024`),
/// French Excel's display `12-mars-24`; a range (`du 12 au 14 mai 2026`,
/// `12/05/2026 - 14/05/2026`) gives its start ([`parse_date_range_text`] gives both ends).
pub fn parse_date_text(text: &str, order: DateOrder) -> Option<NaiveDate> {
    parse_single_date_text(text, order)
        .or_else(|| parse_date_range_text(text, order).map(|(start, _)| start))
}

/// How precisely a date is known: plans are often dated by month or by quarter (SPEC 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Precision {
    #[default]
    Day,
    /// The date is the first day of its month.
    Month,
    /// The date is the first day of its quarter: it has no month.
    Quarter,
}

/// A month or a quarter, as plans write them: `mars 2026`, `March 2026`, `03/2026`, `2026-03`,
/// `T2 2026`, `Q2 2026`, `2e trimestre 2026`, `1er trimestre 2026`; the first day of the period
/// and its precision. A full date is not a coarse one.
pub fn parse_coarse_date_text(text: &str) -> Option<(NaiveDate, Precision)> {
    let key = normalize_key(text);
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let year_of = |w: &str| {
        w.parse::<i32>()
            .ok()
            .filter(|y| w.len() == 4 && (1990..=2100).contains(y))
    };
    let first_of = |year: i32, month: u32| NaiveDate::from_ymd_opt(year, month, 1);
    match words.as_slice() {
        // 03/2026, 2026-03 (normalisation made the marks spaces)
        [a, b] if a.len() <= 2 && a.parse::<u32>().is_ok() => {
            let month: u32 = a.parse().ok()?;
            Some((first_of(year_of(b)?, month)?, Precision::Month))
        }
        [a, b] if year_of(a).is_some() && b.len() <= 2 => {
            let month: u32 = b.parse().ok()?;
            Some((first_of(year_of(a)?, month)?, Precision::Month))
        }
        // mars 2026, March 2026
        [name, y] if MONTHS.iter().any(|(m, _)| m == name) => {
            let month = MONTHS.iter().find(|(m, _)| m == name)?.1;
            Some((first_of(year_of(y)?, month)?, Precision::Month))
        }
        // T2 2026, Q2 2026
        [q, y] if q.len() == 2 && (q.starts_with('t') || q.starts_with('q')) => {
            let quarter: u32 = q[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
            Some((first_of(year_of(y)?, quarter * 3 - 2)?, Precision::Quarter))
        }
        // 2e trimestre 2026, 1er trimestre 2026, 2eme trimestre 2026
        [n, "trimestre", y] => {
            let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
            let quarter: u32 = digits.parse().ok().filter(|q| (1..=4).contains(q))?;
            Some((first_of(year_of(y)?, quarter * 3 - 2)?, Precision::Quarter))
        }
        _ => None,
    }
}

/// A range of dates written in one cell: `du 12 au 14 mai 2026`, `12 au 14 mai 2026`,
/// `12/05/2026 - 14/05/2026`, `du 28 février au 2 mars 2026`. The start borrows the month and
/// year it leaves out from the end.
pub fn parse_date_range_text(text: &str, order: DateOrder) -> Option<(NaiveDate, NaiveDate)> {
    let lower = text.trim().to_lowercase();
    let lower = lower
        .strip_prefix("du ")
        .or_else(|| lower.strip_prefix("from "))
        .unwrap_or(&lower);
    let (start, end) = [" au ", " – ", " - ", " to ", " à "]
        .iter()
        .find_map(|separator| lower.split_once(separator))?;
    let end_date = parse_single_date_text(end, order)?;
    let start_date = parse_single_date_text(start, order).or_else(|| {
        // « 12 » or « 28 février » before an end that has the month and year.
        let start = start.trim();
        let with_year = format!("{start} {}", end_date.year());
        parse_named_month_date(&with_year).or_else(|| {
            let day: u32 = start.trim_end_matches("er").parse().ok()?;
            NaiveDate::from_ymd_opt(end_date.year(), end_date.month(), day)
        })
    })?;
    (start_date <= end_date).then_some((start_date, end_date))
}

fn parse_single_date_text(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let text = text.trim();
    // A time part after the date ("2024-03-12 10:00", "2024-03-12T10:00:00") is ignored.
    let date_part = text
        .split(|c: char| c == 'T' || c.is_whitespace())
        .next()
        .unwrap_or("");
    if let Some(date) = parse_numeric_date(date_part, order) {
        return Some(date);
    }
    parse_named_month_date(text)
}

fn parse_numeric_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        return NaiveDate::from_ymd_opt(numbers[0] as i32, numbers[1], numbers[2]);
    }
    let year = match parts[2].len() {
        2 => 2000 + numbers[2] as i32,
        4 => numbers[2] as i32,
        _ => return None,
    };
    let (day, month) = match order {
        DateOrder::Dmy => (numbers[0], numbers[1]),
        DateOrder::Mdy => (numbers[1], numbers[0]),
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

fn parse_named_month_date(text: &str) -> Option<NaiveDate> {
    let key = normalize_key(text);
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for token in key.split(' ') {
        let token = token
            .strip_suffix("er")
            .filter(|t| t.bytes().all(|b| b.is_ascii_digit()) && !t.is_empty())
            .unwrap_or(token);
        if let Ok(n) = token.parse::<u32>() {
            if token.len() == 4 && year.is_none() {
                year = Some(n as i32);
            } else if token.len() <= 2 && day.is_none() {
                day = Some(n);
            } else if token.len() == 2 && month.is_some() && year.is_none() {
                // French Excel's display of a date: « 12-mars-24 ».
                year = Some(2000 + n as i32);
            } else {
                return None;
            }
        } else if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == token) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if !matches!(token, "le" | "the" | "of") {
            return None;
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

/// Numbers with a `,` or `.` decimal mark, space-like or unambiguous thousands separators,
/// an optional trailing `%` and currency marks (MAD, DH, DHS, dirhams).
pub fn parse_number(cell: &Cell) -> Result<Number, ValueError> {
    match cell {
        Cell::Number(n) => Ok(Number {
            value: *n,
            percent: false,
        }),
        Cell::Bool(b) => Ok(Number {
            value: f64::from(u8::from(*b)),
            percent: false,
        }),
        Cell::Text(t) => parse_number_text(t)
            .ok_or_else(|| ValueError::new(Code::InvalidNumber, "invalid-number")),
        _ => Err(ValueError::new(Code::InvalidNumber, "invalid-number")),
    }
}

pub fn parse_number_text(text: &str) -> Option<Number> {
    let mut s: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t'))
        .collect();
    let lower = s.to_lowercase();
    for mark in ["dirhams", "dhs", "mad", "dh"] {
        if let Some(stripped) = lower.strip_suffix(mark) {
            s.truncate(stripped.len());
            break;
        }
    }
    let percent = s.ends_with('%');
    if percent {
        s.pop();
    }
    let normalized = normalize_separators(&s)?;
    let value: f64 = normalized.parse().ok()?;
    value.is_finite().then_some(Number { value, percent })
}

/// Rewrites the marks so that `.` is the decimal point and nothing else separates digits.
fn normalize_separators(s: &str) -> Option<String> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let body = s.trim_start_matches(['-', '+']);
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let result = match (commas, dots) {
        (0, 0) | (0, 1) => s.to_string(),
        // A single comma is the French decimal mark.
        (1, 0) => s.replace(',', "."),
        // Several of the same mark can only be thousands: "1.234.567", "1,234,567".
        (_, 0) => thousands_only(s, ',')?,
        (0, _) => thousands_only(s, '.')?,
        _ => {
            // Both: the last one is the decimal mark.
            let last_comma = s.rfind(',')?;
            let last_dot = s.rfind('.')?;
            let (thousands, decimal) = if last_comma > last_dot {
                ('.', ',')
            } else {
                (',', '.')
            };
            if s.matches(decimal).count() != 1 {
                return None;
            }
            let (int_part, frac) = s.split_at(s.rfind(decimal)?);
            format!("{}.{}", thousands_only(int_part, thousands)?, &frac[1..])
        }
    };
    Some(result)
}

/// Groups after the first must have exactly three digits.
fn thousands_only(s: &str, mark: char) -> Option<String> {
    let mut groups = s.split(mark);
    let first = groups.next()?;
    let mut out = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

/// The spellings most registers use, recognised without normalising (no allocation).
fn common_bool(text: &str) -> Option<&'static str> {
    [
        "oui", "non", "yes", "no", "x", "o", "n", "1", "0", "vrai", "faux", "true", "false",
    ]
    .into_iter()
    .find(|w| w.eq_ignore_ascii_case(text))
}

/// `oui non o n yes no y vrai faux true false 1 0 x présent absent p a`, boolean cells, 1 and 0.
pub fn parse_bool(cell: &Cell) -> Result<bool, ValueError> {
    let invalid = || ValueError::new(Code::UnknownCategory, "invalid-boolean");
    match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 1.0 => Ok(true),
        Cell::Number(n) if *n == 0.0 => Ok(false),
        Cell::Text(t) => match common_bool(t.trim())
            .map_or_else(
                || std::borrow::Cow::Owned(normalize_key(t)),
                std::borrow::Cow::Borrowed,
            )
            .as_ref()
        {
            "oui" | "o" | "yes" | "y" | "vrai" | "true" | "1" | "x" | "present" | "presente"
            | "p" => Ok(true),
            "non" | "n" | "no" | "faux" | "false" | "0" | "absent" | "absente" | "a" => Ok(false),
            _ => Err(invalid()),
        },
        _ => Err(invalid()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numeric_date_forms() {
        let o = DateOrder::Dmy;
        assert_eq!(parse_date_text("12/03/2024", o), Some(d(2024, 3, 12)));
        assert_eq!(parse_date_text("12-03-2024", o), Some(d(2024, 3, 12)));
        assert_eq!(parse_date_text("12.03.2024", o), Some(d(2024, 3, 12)));
        assert_eq!(parse_date_text("5/3/24", o), Some(d(2024, 3, 5)));
        assert_eq!(parse_date_text("2024-03-12", o), Some(d(2024, 3, 12)));
        assert_eq!(
            parse_date_text("2024-03-12 14:30:00", o),
            Some(d(2024, 3, 12))
        );
        assert_eq!(
            parse_date_text("2024-03-12T14:30:00", o),
            Some(d(2024, 3, 12))
        );
        assert_eq!(
            parse_date_text("03/12/2024", DateOrder::Mdy),
            Some(d(2024, 3, 12))
        );
        assert_eq!(parse_date_text("31/02/2024", o), None);
        assert_eq!(parse_date_text("bientôt", o), None);
    }

    #[test]
    fn month_name_date_forms() {
        let o = DateOrder::Dmy;
        assert_eq!(parse_date_text("12 mars 2024", o), Some(d(2024, 3, 12)));
        assert_eq!(parse_date_text("1er avril 2024", o), Some(d(2024, 4, 1)));
        assert_eq!(parse_date_text("March 12, 2024", o), Some(d(2024, 3, 12)));
        assert_eq!(
            parse_date_text("15 Décembre 2023", o),
            Some(d(2023, 12, 15))
        );
        assert_eq!(parse_date_text("3 août 2024", o), Some(d(2024, 8, 3)));
    }

    #[test]
    fn french_excel_display_and_ranges() {
        let o = DateOrder::Dmy;
        assert_eq!(parse_date_text("12-mars-24", o), Some(d(2024, 3, 12)));
        assert_eq!(parse_date_text("1-janv.-26", o), Some(d(2026, 1, 1)));
        let range = |text| parse_date_range_text(text, o);
        assert_eq!(
            range("du 12 au 14 mai 2026"),
            Some((d(2026, 5, 12), d(2026, 5, 14)))
        );
        assert_eq!(
            range("12/05/2026 - 14/05/2026"),
            Some((d(2026, 5, 12), d(2026, 5, 14)))
        );
        assert_eq!(
            range("Du 28 février au 2 mars 2026"),
            Some((d(2026, 2, 28), d(2026, 3, 2)))
        );
        assert_eq!(
            parse_date_text("du 12 au 14 mai 2026", o),
            Some(d(2026, 5, 12))
        );
        // An end before the start is no range.
        assert_eq!(range("14/05/2026 - 12/05/2026"), None);
        assert_eq!(parse_date_text("du 12 au", o), None);
    }

    #[test]
    fn months_and_quarters_as_plans_write_them() {
        let coarse = parse_coarse_date_text;
        assert_eq!(coarse("mars 2026"), Some((d(2026, 3, 1), Precision::Month)));
        assert_eq!(
            coarse("March 2026"),
            Some((d(2026, 3, 1), Precision::Month))
        );
        assert_eq!(coarse("03/2026"), Some((d(2026, 3, 1), Precision::Month)));
        assert_eq!(coarse("2026-03"), Some((d(2026, 3, 1), Precision::Month)));
        assert_eq!(coarse("T2 2026"), Some((d(2026, 4, 1), Precision::Quarter)));
        assert_eq!(
            coarse("Q4 2026"),
            Some((d(2026, 10, 1), Precision::Quarter))
        );
        assert_eq!(
            coarse("2e trimestre 2026"),
            Some((d(2026, 4, 1), Precision::Quarter))
        );
        assert_eq!(
            coarse("1er trimestre 2026"),
            Some((d(2026, 1, 1), Precision::Quarter))
        );
        for not_coarse in [
            "12/03/2026",
            "12 mars 2026",
            "T5 2026",
            "13/2026",
            "mars",
            "2026",
        ] {
            assert_eq!(coarse(not_coarse), None, "{not_coarse}");
        }
    }

    #[test]
    fn excel_serials_in_the_1900_system() {
        assert_eq!(excel_serial_to_date(45363.0), Some(d(2024, 3, 12)));
        assert_eq!(excel_serial_to_date(1.0), Some(d(1900, 1, 1)));
        assert_eq!(excel_serial_to_date(61.0), Some(d(1900, 3, 1)));
        assert_eq!(excel_serial_to_date(-3.0), None);
    }

    fn num(t: &str) -> Option<f64> {
        parse_number_text(t).map(|n| n.value)
    }

    #[test]
    fn number_forms() {
        assert_eq!(num("12,5"), Some(12.5));
        assert_eq!(num("12.5"), Some(12.5));
        assert_eq!(num("1 234,5"), Some(1234.5));
        assert_eq!(num("1\u{a0}234,5"), Some(1234.5));
        assert_eq!(num("1\u{202f}234"), Some(1234.0));
        assert_eq!(num("1.234.567"), Some(1_234_567.0));
        assert_eq!(num("1.234,5"), Some(1234.5));
        assert_eq!(num("1,234.5"), Some(1234.5));
        assert_eq!(num("15 000 MAD"), Some(15000.0));
        assert_eq!(num("2 500,50 DH"), Some(2500.5));
        assert_eq!(num("-3"), Some(-3.0));
        assert_eq!(num("abc"), None);
        assert_eq!(num("1.2.3"), None);
        assert_eq!(num(""), None);
        let pct = parse_number_text("85 %").unwrap();
        assert_eq!((pct.value, pct.percent), (85.0, true));
    }

    #[test]
    fn boolean_forms() {
        for yes in ["Oui", "o", "YES", "x", "Présent", "vrai", "1"] {
            assert_eq!(parse_bool(&Cell::Text(yes.into())), Ok(true), "{yes}");
        }
        for no in ["non", "N", "absent", "Faux", "0", "a"] {
            assert_eq!(parse_bool(&Cell::Text(no.into())), Ok(false), "{no}");
        }
        assert_eq!(parse_bool(&Cell::Number(1.0)), Ok(true));
        assert!(parse_bool(&Cell::Text("peut-être".into())).is_err());
    }
}
