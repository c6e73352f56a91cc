//! The words catalogue: every message, in French, English and Arabic, from the Project Fluent
//! files of `src/locales/<lang>/*.ftl`, embedded in the binary at compile time.
//!
//! Words are chosen at the output edge only: the stages hand over message ids and arguments
//! (`issue::Message`), and the outputs ask this catalogue for the sentence in the
//! language of the run. A message missing from a language is an error, never a silent fallback
//! to another language (`tests/words.rs` checks that every id exists in every language).

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{langid, LanguageIdentifier};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./src/locales",
        fallback_language: "fr",
        // Unicode isolation marks around arguments would end up in CSV cells and terminals.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages of the catalogue.
pub const LANGUAGES: [&str; 3] = ["fr", "en", "ar"];

fn language(code: &str) -> LanguageIdentifier {
    match code {
        "en" => langid!("en"),
        "ar" => langid!("ar"),
        _ => langid!("fr"),
    }
}

/// The sentence `id` in the language `code` (`fr`, `en`, `ar`) with these arguments; `None`
/// when the language lacks the message or an argument it needs.
pub fn sentence(
    code: &str,
    id: &str,
    args: Vec<(&'static str, FluentValue<'_>)>,
) -> Option<String> {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .into_iter()
        .map(|(name, value)| (Cow::Borrowed(name), value))
        .collect();
    let args = (!args.is_empty()).then_some(&args);
    LOCALES
        .lookup_single_language(&language(code), id, args)
        .ok()
}

/// The ids of every message of the catalogue in the language `code`, from its files.
pub fn ids(code: &str) -> Vec<String> {
    let Some(dir) = LOCALE_FILES.iter().find(|(c, _)| *c == code) else {
        return Vec::new();
    };
    dir.1
        .iter()
        .flat_map(|text| text.lines())
        .filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            let id = id.trim_end();
            (!id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            .then(|| id.to_string())
        })
        .collect()
}

/// The catalogue's files, for [`ids`] (the loader keeps no list of its messages).
const LOCALE_FILES: [(&str, &[&str]); 3] = [
    (
        "fr",
        &[
            include_str!("locales/fr/issues.ftl"),
            include_str!("locales/fr/run.ftl"),
        ],
    ),
    (
        "en",
        &[
            include_str!("locales/en/issues.ftl"),
            include_str!("locales/en/run.ftl"),
        ],
    ),
    (
        "ar",
        &[
            include_str!("locales/ar/issues.ftl"),
            include_str!("locales/ar/run.ftl"),
        ],
    ),
];
