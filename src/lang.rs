//! The language of a run's words: chosen at the output edge (SPEC 6 `--lang`).

/// The language of labels, numbers and the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
    Ar,
}

/// Every language, in the order `--lang` lists them in its help.
pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// The language of a code (`fr`, `en`, `ar`), any case.
    pub fn from_code(code: &str) -> Option<Lang> {
        ALL.into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Whether the language is written right to left.
    pub fn right_to_left(self) -> bool {
        self == Lang::Ar
    }

    /// The label of this language among a user's labels (`label = { fr, en, ar }` of
    /// bilan.toml): Arabic falls back on French when the user gave none (SPEC 5, with a warning
    /// the configuration gives).
    pub fn pick<'a>(self, fr: &'a str, en: &'a str, ar: Option<&'a str>) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
            Lang::Ar => ar.unwrap_or(fr),
        }
    }
}

/// The languages of one run (`--lang fr,ar`): the first is written into `OUT/YEAR/`, each other
/// into `OUT/YEAR/LANG/` (SPEC 6).
pub fn parse_list(text: &str) -> Option<Vec<Lang>> {
    let mut langs = Vec::new();
    for part in text.split(',') {
        let lang = Lang::from_code(part)?;
        if !langs.contains(&lang) {
            langs.push(lang);
        }
    }
    (!langs.is_empty()).then_some(langs)
}

/// A user's labels (`label = { fr, en, ar }` of bilan.toml and of the built-in catalog): the
/// words of a thing bilan does not name itself.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub fr: String,
    pub en: String,
    /// Optional in bilan.toml: without it an Arabic report shows the French label (SPEC 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
}

impl Labels {
    /// The label in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en, self.ar.as_deref())
    }
}
