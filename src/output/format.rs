//! Number formatting: machine-stable for CSV, localised for the report.

use crate::indicators::ValueKind;
use crate::lang::{Lang, ALL};
use crate::words;
use std::sync::OnceLock;

/// A language's decimal and thousands marks, from the catalogue (`number-decimal-mark`,
/// `number-group-mark`), looked up once per language.
struct Marks {
    decimal: String,
    group: String,
}

fn marks(lang: Lang) -> &'static Marks {
    static MARKS: [OnceLock<Marks>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = ALL.iter().position(|l| *l == lang).unwrap_or(0);
    MARKS[slot].get_or_init(|| Marks {
        decimal: words::get(lang, "number-decimal-mark"),
        group: words::get(lang, "number-group-mark"),
    })
}

/// A plain number (`1234.5`, from [`plain_number`]) with the language's decimal mark, no
/// grouping: for numbers inside messages.
pub fn with_decimal_mark(plain: &str, lang: Lang) -> String {
    plain.replace('.', &marks(lang).decimal)
}

/// Decimal places a kind of value is rounded to (SPEC 6).
fn decimals(kind: ValueKind) -> usize {
    match kind {
        ValueKind::Count => 0,
        ValueKind::Rate => 1,
        ValueKind::Decimal => 2,
    }
}

/// `value` rounded to `places` decimals, trailing zeros dropped, `.` as decimal mark, never `-0`.
pub fn plain_number(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" {
        "0".to_string()
    } else {
        text
    }
}

/// A CSV number: counts as integers, rates with at most 1 decimal, others at most 2.
pub fn csv_number(value: f64, kind: ValueKind) -> String {
    plain_number(value, decimals(kind))
}

/// A count for people: `4 429` in French and Arabic, `4,429` in English.
pub fn display_count(n: usize, lang: Lang) -> String {
    display_number(n as f64, ValueKind::Count, lang)
}

/// A number for people: `1 234,5` in French and Arabic (no-break space), `1,234.5` in English.
pub fn display_number(value: f64, kind: ValueKind, lang: Lang) -> String {
    let plain = plain_number(value, decimals(kind));
    let (negative, digits) = match plain.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, plain.as_str()),
    };
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let Marks { decimal, group } = marks(lang);
    let mut grouped = String::new();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(c);
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(frac) = frac_part {
        out.push_str(decimal);
        out.push_str(frac);
    }
    out
}

/// A percentage for people: `83,3 %` in French, `83.3%` in English.
pub fn display_percent(value: f64, lang: Lang) -> String {
    let number = display_number(value, ValueKind::Rate, lang);
    words::get_with(lang, "number-percent", vec![("number", number.into())])
}

/// An optional value for people, `–` when there is none.
pub fn display_optional(value: Option<f64>, kind: ValueKind, lang: Lang) -> String {
    match value {
        None => "–".to_string(),
        Some(v) if kind == ValueKind::Rate => display_percent(v, lang),
        Some(v) => display_number(v, kind, lang),
    }
}

/// A date for people: `31/12/2024` in French and Arabic, `2024-12-31` in English.
pub fn display_date(date: chrono::NaiveDate, lang: Lang) -> String {
    words::get_with(
        lang,
        "date",
        vec![
            ("day", date.format("%d").to_string().into()),
            ("month", date.format("%m").to_string().into()),
            ("year", date.format("%Y").to_string().into()),
        ],
    )
}

/// A signed change in percent, `+12,5 %`.
pub fn display_change(value: Option<f64>, lang: Lang) -> String {
    match value {
        None => "–".to_string(),
        Some(v) => {
            // A change that rounds to zero gets no sign; a fall a true minus sign (U+2212).
            let text = display_percent(v.abs(), lang);
            if plain_number(v, 1) == "0" {
                text
            } else if v > 0.0 {
                format!("+{text}")
            } else {
                format!("\u{2212}{text}")
            }
        }
    }
}

/// The change of a rate in percentage points, as public performance reports give it
/// (`−3,4 pts`), not as a percentage of a percentage.
pub fn display_points(value: Option<f64>, previous: Option<f64>, lang: Lang) -> String {
    let (Some(value), Some(previous)) = (value, previous) else {
        return "–".to_string();
    };
    // From the figures as printed (one decimal), so that the column adds up with what it shows.
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let points = round(round(value) - round(previous));
    let number = display_number(points.abs(), ValueKind::Rate, lang);
    // Singular up to one point (`-0,2 pt`), in French as in English.
    let plural = if points.abs() <= 1.0 { 1 } else { 2 };
    // A true minus sign (U+2212), as typeset figures use, not a hyphen.
    let sign = if points > 0.0 {
        "+"
    } else if points < 0.0 {
        "\u{2212}"
    } else {
        ""
    };
    let text = words::get_with(
        lang,
        "number-points",
        vec![("number", number.into()), ("points", plural.into())],
    );
    format!("{sign}{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_changes_by_points() {
        assert_eq!(
            display_points(Some(83.4), Some(83.6), Lang::Fr),
            "\u{2212}0,2\u{a0}pt"
        );
        assert_eq!(
            display_points(Some(86.4), Some(89.8), Lang::Fr),
            "\u{2212}3,4\u{a0}pts"
        );
        assert_eq!(
            display_points(Some(50.0), Some(40.0), Lang::En),
            "+10\u{a0}pts"
        );
        assert_eq!(display_points(Some(50.0), None, Lang::En), "–");
    }

    #[test]
    fn csv_numbers_are_rounded_and_trimmed() {
        assert_eq!(csv_number(12.0, ValueKind::Count), "12");
        assert_eq!(csv_number(83.3333, ValueKind::Rate), "83.3");
        assert_eq!(csv_number(80.0, ValueKind::Rate), "80");
        assert_eq!(csv_number(2.456, ValueKind::Decimal), "2.46");
        assert_eq!(csv_number(2.5, ValueKind::Decimal), "2.5");
        assert_eq!(csv_number(-0.001, ValueKind::Decimal), "0");
    }

    #[test]
    fn french_and_english_display() {
        assert_eq!(
            display_number(1234.5, ValueKind::Decimal, Lang::Fr),
            "1\u{a0}234,5"
        );
        assert_eq!(
            display_number(1234.5, ValueKind::Decimal, Lang::En),
            "1,234.5"
        );
        assert_eq!(
            display_number(1234567.0, ValueKind::Count, Lang::En),
            "1,234,567"
        );
        assert_eq!(display_number(123.0, ValueKind::Count, Lang::Fr), "123");
        assert_eq!(display_percent(83.33, Lang::Fr), "83,3\u{a0}%");
        assert_eq!(display_percent(83.33, Lang::En), "83.3%");
        assert_eq!(
            display_number(-1234.0, ValueKind::Count, Lang::En),
            "-1,234"
        );
    }

    #[test]
    fn changes_carry_a_sign_unless_they_round_to_zero() {
        assert_eq!(display_change(Some(0.2), Lang::En), "+0.2%");
        assert_eq!(display_change(Some(0.04), Lang::En), "0%");
        assert_eq!(display_change(Some(-3.75), Lang::Fr), "\u{2212}3,8\u{a0}%");
        assert_eq!(display_change(None, Lang::Fr), "–");
    }
}
