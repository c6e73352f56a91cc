//! Issues put into words: the catalogue's sentence for each [`Message`], in the run's language,
//! with category labels and numbers as that language writes them. The only place issue words
//! are chosen (the stages hand over ids and arguments).

use super::format::{plain_number, with_decimal_mark};
use super::labels;
use crate::datasets::categories::{Categories, Kind};
use crate::issue::{Arg, Issue, Message};
use crate::lang::Lang;
use fluent_templates::fluent_bundle::FluentValue;

/// Puts issues into the words of one language.
#[derive(Clone, Copy)]
pub struct Speaker<'a> {
    lang: Lang,
    categories: &'a Categories,
}

impl<'a> Speaker<'a> {
    pub fn new(lang: Lang, categories: &'a Categories) -> Self {
        Speaker { lang, categories }
    }

    /// The language the speaker speaks.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The issue's message, its cell's value and header included.
    pub fn issue(&self, issue: &Issue) -> String {
        self.message(&issue.message, Some(issue))
    }

    /// A message, with the value and header of `issue` when it has one.
    pub fn message(&self, message: &Message, issue: Option<&Issue>) -> String {
        let mut args: Vec<(&'static str, FluentValue)> = Vec::with_capacity(message.args.len() + 6);
        if let Some(issue) = issue {
            args.push(("value", FluentValue::from(&*issue.value)));
            args.push(("header", FluentValue::from(&*issue.header)));
        }
        for (name, arg) in message.args.iter() {
            args.push((name, self.value(arg)));
        }
        if message.id == "unknown-category" {
            self.known_values(message, &mut args);
        }
        let code = self.lang.code();
        crate::words::sentence(code, message.id, args)
            // The catalogue test (tests/words.rs) makes this unreachable; never a panic on data.
            .unwrap_or_else(|| message.id.to_string())
    }

    /// The parser's own words about an issue, for `inspect` only.
    pub fn detail(issue: &Issue) -> Option<&str> {
        fn find(message: &Message) -> Option<&str> {
            match message.arg("detail") {
                Some(Arg::Text(text)) => Some(text),
                _ => match message.arg("cause") {
                    Some(Arg::Message(cause)) => find(cause),
                    _ => None,
                },
            }
        }
        find(&issue.message)
    }

    fn value(&self, arg: &Arg) -> FluentValue<'static> {
        match arg {
            Arg::Text(text) => FluentValue::from(text.to_string()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Num(n) => FluentValue::from(self.number(*n)),
            Arg::Key(key) => FluentValue::from(*key),
            Arg::Category(kind, code) => FluentValue::from(self.label(kind, code)),
            Arg::Message(inner) => FluentValue::from(self.message(inner, None)),
        }
    }

    /// A number as the language writes it (a decimal comma in French and Arabic).
    fn number(&self, n: f64) -> String {
        with_decimal_mark(&plain_number(n, 2), self.lang)
    }

    fn label(&self, kind: &str, code: &str) -> String {
        match Kind::from_config_name(kind) {
            Some(kind) => labels::category_code(self.lang, self.categories, kind, code),
            None => code.to_string(),
        }
    }

    /// For `unknown-category`: the known values of its kind and the `bilan.toml` example entry.
    fn known_values(&self, message: &Message, args: &mut Vec<(&'static str, FluentValue)>) {
        let Some(Arg::Key(kind)) = message.arg("kind") else {
            return;
        };
        let Some(kind) = Kind::from_config_name(kind) else {
            return;
        };
        let known = self.categories.list(kind);
        let names: Vec<String> = known
            .iter()
            .map(|c| labels::category(self.lang, kind, c))
            .collect();
        args.push(("known", FluentValue::from(names.join(", "))));
        if let Some(last) = known.last() {
            args.push(("code", FluentValue::from(last.code.clone())));
            args.push(("fr", FluentValue::from(last.fr.clone())));
            args.push(("en", FluentValue::from(last.en.clone())));
        }
    }
}
