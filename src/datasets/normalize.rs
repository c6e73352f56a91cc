//! Normalisation shared by header matching and category lookup.

use std::borrow::Cow;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Case folded, accents removed, punctuation/apostrophes/underscores as spaces,
/// runs of spaces collapsed, trimmed: "Date de début", "DATE_DEBUT" and "date  de debut" meet.
pub fn normalize_key(text: &str) -> String {
    if text.is_ascii() {
        return normalize_ascii(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// A normalised word without the marks of French gender and number, so that the forms of one
/// word compare equal: « réalisées », « réalisée » and « réalisé » all read `realis`,
/// « présentielle » reads `presentiel`, « participants » `participant`. A word of three letters
/// or fewer is kept as it is.
pub fn without_agreement(word: &str) -> String {
    if word.len() <= 3 {
        return word.to_string();
    }
    let mut stem = word;
    if let Some(singular) = stem.strip_suffix(['s', 'x']) {
        stem = singular;
    }
    if let Some(masculine) = stem.strip_suffix("elle") {
        return format!("{masculine}el");
    }
    while stem.len() > 3 {
        match stem.strip_suffix('e') {
            Some(shorter) => stem = shorter,
            None => break,
        }
    }
    stem.to_string()
}

/// The same for ASCII text, without Unicode decomposition (most cells: codes, numbers, ids).
fn normalize_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(b.to_ascii_lowercase() as char);
        } else {
            pending_space = true;
        }
    }
    out
}

/// Text cells: trimmed, inner runs of white space collapsed to one space. A text already clean
/// is borrowed, not copied (interning a million rows' distinct texts copied each one twice).
pub fn clean_text(text: &str) -> Cow<'_, str> {
    let mut previous_space = true;
    let tidy = text.chars().all(|c| {
        let space = c.is_whitespace();
        let ok = !(space && (previous_space || c != ' '));
        previous_space = space;
        ok
    }) && !previous_space;
    if tidy {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_variants_meet() {
        assert_eq!(normalize_key("Date de début"), "date de debut");
        assert_eq!(normalize_key("DATE_DEBUT"), "date debut");
        assert_eq!(normalize_key("  date  de debut "), "date de debut");
        assert_eq!(normalize_key("Type d'activité"), "type d activite");
        assert_eq!(normalize_key("Type d’activité"), "type d activite");
        assert_eq!(normalize_key("Durée (h)"), "duree h");
        assert_eq!(normalize_key("N°"), "n");
        assert_eq!(
            normalize_key("Échange d'informations"),
            "echange d informations"
        );
    }

    #[test]
    fn text_cells_are_collapsed() {
        assert_eq!(
            clean_text("  Atelier   régional\u{a0} IA "),
            "Atelier régional IA"
        );
        assert_eq!(clean_text("Atelier régional"), "Atelier régional");
        // A clean text is not copied; one to tidy is.
        assert!(matches!(clean_text("Atelier régional"), Cow::Borrowed(_)));
        assert!(matches!(clean_text("Atelier  régional"), Cow::Owned(_)));
        assert_eq!(clean_text("Atelier\tIA"), "Atelier IA");
        assert_eq!(clean_text("IA "), "IA");
        assert_eq!(clean_text(""), "");
    }

    #[test]
    fn ascii_and_unicode_paths_agree() {
        for text in [
            "DATE_DEBUT",
            "  Nb  participants ",
            "N°",
            "Durée (h)",
            "code-session",
            "A1",
        ] {
            let mut slow = String::new();
            let mut pending = false;
            for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
                if c.is_alphanumeric() {
                    if pending && !slow.is_empty() {
                        slow.push(' ');
                    }
                    pending = false;
                    slow.extend(c.to_lowercase());
                } else {
                    pending = true;
                }
            }
            assert_eq!(normalize_key(text), slow, "{text}");
        }
    }
}
