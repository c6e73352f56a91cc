//! The words catalogue: every message, in French, English and Arabic, from the Project Fluent
//! files of `src/locales/<lang>/*.ftl`, embedded in the binary at compile time.
//!
//! Words are chosen at the output edge only: the stages hand over message ids and arguments
//! (`issue::Message`), and the outputs ask this catalogue for the sentence in the
//! language of the run. A message missing from a language is an error, never a silent fallback
//! to another language (`tests/words.rs` checks that every id exists in every language).

use crate::lang::Lang;
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

/// The label `id` in `lang`, for the outputs. The catalogue test (`tests/words.rs`) checks that
/// every id the code names exists in every language; a missing one shows its id, never a panic.
pub fn get(lang: Lang, id: &str) -> String {
    get_with(lang, id, Vec::new())
}

/// The message `id` in `lang` with these arguments (see [`get`]).
pub fn get_with(lang: Lang, id: &str, args: Vec<(&'static str, FluentValue<'_>)>) -> String {
    sentence(lang.code(), id, args).unwrap_or_else(|| id.to_string())
}

/// Whether the catalogue has the message `id` (for ids built from data: a user's column).
pub fn has(lang: Lang, id: &str) -> bool {
    LOCALES
        .lookup_single_language::<&str>(&language(lang.code()), id, None)
        .is_ok()
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
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
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
            include_str!("locales/fr/report.ftl"),
            include_str!("locales/fr/categories.ftl"),
            include_str!("locales/fr/commands.ftl"),
        ],
    ),
    (
        "en",
        &[
            include_str!("locales/en/issues.ftl"),
            include_str!("locales/en/run.ftl"),
            include_str!("locales/en/report.ftl"),
            include_str!("locales/en/categories.ftl"),
            include_str!("locales/en/commands.ftl"),
        ],
    ),
    (
        "ar",
        &[
            include_str!("locales/ar/issues.ftl"),
            include_str!("locales/ar/run.ftl"),
            include_str!("locales/ar/report.ftl"),
            include_str!("locales/ar/categories.ftl"),
            include_str!("locales/ar/commands.ftl"),
        ],
    ),
];
