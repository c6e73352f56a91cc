//! The categories of SPEC section 3 (activity types, statuses, genders, modalities):
//! codes, labels and aliases, built in and extended by `[categories.*]` in `bilan.toml`.

use super::normalize::{normalize_key, without_agreement};
use std::collections::HashMap;

/// A category code with its names and the extra words people write for it.
///
/// The names of a built-in category are the French and English words bilan recognises in a
/// cell; the words it writes are the catalogue's (`category-KIND-CODE` of
/// `src/locales/*/categories.ftl`), chosen at the output edge. A category of `bilan.toml`
/// is written with its own labels (`ar` optional: French without it).
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub code: String,
    pub fr: String,
    pub en: String,
    pub ar: Option<String>,
    pub aliases: Vec<String>,
    /// Built in, not given or relabelled by `bilan.toml`: its labels are the catalogue's.
    pub builtin: bool,
}

impl Category {
    fn matches(&self, key: &str) -> bool {
        normalize_key(&self.code) == key
            || normalize_key(&self.fr) == key
            || normalize_key(&self.en) == key
            || self.aliases.iter().any(|a| normalize_key(a) == key)
    }
}

type Builtin = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

/// In the order of SPEC 3.1, which is also the order of every table keyed by type.
const ACTIVITY_TYPES: &[Builtin] = &[
    (
        "reunion",
        "Réunion",
        "Meeting",
        &["réunion de travail", "meeting"],
    ),
    ("atelier", "Atelier", "Workshop", &["workshop"]),
    (
        "journee_etude",
        "Journée d'étude",
        "Study day",
        &["journée d'études", "study day"],
    ),
    ("forum", "Forum", "Forum", &[]),
    (
        "colloque",
        "Colloque",
        "Symposium",
        &["colloque scientifique", "symposium", "conférence"],
    ),
    ("seminaire", "Séminaire", "Seminar", &["seminar"]),
    (
        "programme_conjoint",
        "Programme conjoint",
        "Joint programme",
        &["joint programme"],
    ),
    (
        "appui_technique",
        "Appui technique",
        "Technical support",
        &["soutien technique", "technical support"],
    ),
    (
        "formation",
        "Formation",
        "Training",
        &["formation continue", "training"],
    ),
    (
        "echange",
        "Échange d'informations",
        "Information exchange",
        &["échange d'expertise", "échange d'expériences", "exchange"],
    ),
    ("autre", "Autre", "Other", &[]),
];

/// Aliases are written in the masculine singular: the feminine and plural forms people type
/// (« Réalisée », « Annulées ») match them by meaning (`meaning_key`).
const STATUSES: &[Builtin] = &[
    (
        "realise",
        "Réalisé",
        "Done",
        &[
            "réalisée",
            "fait",
            "achevé",
            "terminé",
            "clôturé",
            "exécuté",
            "tenu",
            "done",
            "completed",
        ],
    ),
    (
        "en_cours",
        "En cours",
        "In progress",
        &["in progress", "en préparation", "en cours de réalisation"],
    ),
    (
        "prevu",
        "Prévu",
        "Planned",
        &["planifié", "programmé", "à venir", "à réaliser", "planned"],
    ),
    (
        "reporte",
        "Reporté",
        "Postponed",
        &["décalé", "différé", "ajourné", "postponed"],
    ),
    (
        "annule",
        "Annulé",
        "Cancelled",
        &["cancelled", "canceled", "abandonné"],
    ),
];

const GENDERS: &[Builtin] = &[
    ("F", "Femmes", "Women", &["femme", "féminin", "female", "w"]),
    ("M", "Hommes", "Men", &["h", "homme", "masculin", "male"]),
];

const MODALITIES: &[Builtin] = &[
    (
        "presentiel",
        "Présentiel",
        "In person",
        &["in person", "sur site", "sur place", "face à face"],
    ),
    (
        "distance",
        "À distance",
        "Remote",
        &[
            "remote",
            "distanciel",
            "en ligne",
            "online",
            "visioconférence",
            "e-learning",
        ],
    ),
    (
        "hybride",
        "Hybride",
        "Hybrid",
        &["hybrid", "mixte", "blended"],
    ),
];

pub const UNSPECIFIED_CODE: &str = "unspecified";

fn owned(list: &[Builtin]) -> Vec<Category> {
    list.iter()
        .map(|(code, fr, en, aliases)| Category {
            code: code.to_string(),
            fr: fr.to_string(),
            en: en.to_string(),
            ar: None,
            builtin: true,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        })
        .collect()
}

/// Which list a `[categories.KIND.CODE]` entry extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    ActivityType,
    Status,
    Gender,
    Modality,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::ActivityType,
        Kind::Status,
        Kind::Gender,
        Kind::Modality,
    ];

    /// The name of `[categories.NAME]` in bilan.toml.
    pub fn config_name(self) -> &'static str {
        match self {
            Kind::ActivityType => "activity_type",
            Kind::Status => "status",
            Kind::Gender => "gender",
            Kind::Modality => "modality",
        }
    }

    pub fn from_config_name(name: &str) -> Option<Kind> {
        match name {
            "activity_type" => Some(Kind::ActivityType),
            "status" => Some(Kind::Status),
            "gender" => Some(Kind::Gender),
            "modality" => Some(Kind::Modality),
            _ => None,
        }
    }
}

/// Every category list a run uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Categories {
    pub activity_types: Vec<Category>,
    pub statuses: Vec<Category>,
    pub genders: Vec<Category>,
    pub modalities: Vec<Category>,
    /// Normalised code, labels and aliases -> position, per kind: a cell is looked up once, not per alias.
    index: [HashMap<String, usize>; 4],
    /// The same names by meaning (`meaning_key`) -> position, per kind.
    meanings: [HashMap<String, usize>; 4],
}

impl Default for Categories {
    fn default() -> Self {
        let mut categories = Categories {
            activity_types: owned(ACTIVITY_TYPES),
            statuses: owned(STATUSES),
            genders: owned(GENDERS),
            modalities: owned(MODALITIES),
            index: Default::default(),
            meanings: Default::default(),
        };
        categories.reindex();
        categories
    }
}

const KINDS: [Kind; 4] = [
    Kind::ActivityType,
    Kind::Status,
    Kind::Gender,
    Kind::Modality,
];

fn slot(kind: Kind) -> usize {
    match kind {
        Kind::ActivityType => 0,
        Kind::Status => 1,
        Kind::Gender => 2,
        Kind::Modality => 3,
    }
}

impl Categories {
    pub fn list(&self, kind: Kind) -> &[Category] {
        match kind {
            Kind::ActivityType => &self.activity_types,
            Kind::Status => &self.statuses,
            Kind::Gender => &self.genders,
            Kind::Modality => &self.modalities,
        }
    }

    /// Adds a category, or replaces the labels and extends the aliases of an existing code.
    pub fn add(&mut self, kind: Kind, category: Category) {
        let list = match kind {
            Kind::ActivityType => &mut self.activity_types,
            Kind::Status => &mut self.statuses,
            Kind::Gender => &mut self.genders,
            Kind::Modality => &mut self.modalities,
        };
        match list.iter_mut().find(|c| c.code == category.code) {
            Some(existing) => {
                existing.fr = category.fr;
                existing.en = category.en;
                existing.ar = category.ar;
                existing.builtin = false;
                existing.aliases.extend(category.aliases);
            }
            None => list.push(category),
        }
        self.reindex();
    }

    fn reindex(&mut self) {
        for kind in KINDS {
            let mut index = HashMap::new();
            let mut meanings = HashMap::new();
            for (position, category) in self.list(kind).iter().enumerate() {
                let names = [&category.code, &category.fr, &category.en]
                    .into_iter()
                    .chain(&category.aliases);
                for name in names {
                    // The first category to claim a name keeps it, as a linear search would.
                    let key = normalize_key(name);
                    meanings.entry(meaning_key(&key)).or_insert(position);
                    index.entry(key).or_insert(position);
                }
            }
            self.index[slot(kind)] = index;
            self.meanings[slot(kind)] = meanings;
        }
    }

    /// The category a written value stands for: by code, label or alias as written; else by
    /// meaning (the same words whatever their gender and number, « Annulées » for « Annulé »);
    /// else by its first words, the rest a complement (« Reportée à 2025 »).
    #[cfg(test)]
    pub fn find(&self, kind: Kind, value: &str) -> Option<&Category> {
        self.find_how(kind, value).map(|(category, _)| category)
    }

    /// [`Categories::find`], and whether the value was read by meaning rather than found as
    /// written.
    pub fn find_how(&self, kind: Kind, value: &str) -> Option<(&Category, bool)> {
        let key = normalize_key(value);
        if let Some(&position) = self.index[slot(kind)].get(&key) {
            return self.list(kind).get(position).map(|c| (c, false));
        }
        // By meaning, the whole value first, then fewer and fewer of its first words.
        let meanings = &self.meanings[slot(kind)];
        let words: Vec<&str> = key.split(' ').collect();
        let position = (1..=words.len())
            .rev()
            .map(|n| meaning_key(&words[..n].join(" ")))
            .filter(|meaning| !meaning.is_empty())
            .find_map(|meaning| meanings.get(&meaning))
            .copied()?;
        self.list(kind).get(position).map(|c| (c, true))
    }
}

/// Words that carry no meaning in a category value (« En ligne », « À distance »).
const FILLER_WORDS: [&str; 10] = ["a", "au", "d", "de", "des", "du", "en", "l", "la", "le"];

/// A normalised value's meaning: filler words dropped, and each word without the marks of
/// French gender and number (« réalisées », « réalisée » and « réalisé » all read `realis`;
/// « présentielle » reads `presentiel`). Applied to both the names and the value, so that only
/// the endings differ; a word of three letters or fewer is kept as it is.
fn meaning_key(key: &str) -> String {
    let words: Vec<String> = key
        .split(' ')
        .filter(|w| !w.is_empty() && !FILLER_WORDS.contains(w))
        .map(without_agreement)
        .collect();
    words.join(" ")
}

/// Finds the category a written value stands for: its code, either label or an alias, as
/// written or by meaning (a filter of `bilan.toml` may say « Réalisée »).
pub fn lookup<'a>(categories: &'a [Category], value: &str) -> Option<&'a Category> {
    let key = normalize_key(value);
    if key.is_empty() {
        return None;
    }
    categories.iter().find(|c| c.matches(&key)).or_else(|| {
        let meaning = meaning_key(&key);
        categories.iter().find(|c| {
            [&c.code, &c.fr, &c.en]
                .into_iter()
                .chain(&c.aliases)
                .any(|name| meaning_key(&normalize_key(name)) == meaning)
        })
    })
}

pub fn by_code<'a>(categories: &'a [Category], code: &str) -> Option<&'a Category> {
    categories.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(list: &[Category], value: &str) -> Option<String> {
        lookup(list, value).map(|c| c.code.clone())
    }

    #[test]
    fn statuses_match_by_label_alias_and_code() {
        let c = Categories::default();
        assert_eq!(code(&c.statuses, "Réalisée").as_deref(), Some("realise"));
        assert_eq!(code(&c.statuses, "REALISE").as_deref(), Some("realise"));
        assert_eq!(code(&c.statuses, "en_cours").as_deref(), Some("en_cours"));
        assert_eq!(code(&c.statuses, "A venir").as_deref(), Some("prevu"));
        assert_eq!(code(&c.statuses, "Canceled").as_deref(), Some("annule"));
        assert_eq!(code(&c.statuses, "peut-être"), None);
    }

    fn found(c: &Categories, kind: Kind, value: &str) -> Option<String> {
        c.find(kind, value).map(|c| c.code.clone())
    }

    /// Values as people type them in a register (issue « Headers and values as people write
    /// them »): feminine and plural forms, synonyms, a complement after the value.
    #[test]
    fn values_match_by_meaning_whatever_their_gender_and_number() {
        let c = Categories::default();
        let cases = [
            (Kind::Status, "Réalisée", "realise"),
            (Kind::Status, "Réalisées", "realise"),
            (Kind::Status, "Annulée", "annule"),
            (Kind::Status, "Reportée", "reporte"),
            (Kind::Status, "Prévue", "prevu"),
            (Kind::Status, "Programmée", "prevu"),
            (Kind::Status, "Planifiée", "prevu"),
            (Kind::Status, "Achevée", "realise"),
            (Kind::Status, "Terminée", "realise"),
            (Kind::Status, "Clôturée", "realise"),
            (Kind::Status, "Décalée", "reporte"),
            (Kind::Status, "Reportée à 2025", "reporte"),
            (Kind::Status, "EN COURS", "en_cours"),
            (Kind::ActivityType, "Réunions", "reunion"),
            (Kind::ActivityType, "Ateliers", "atelier"),
            (Kind::ActivityType, "Journées d'études", "journee_etude"),
            (Kind::ActivityType, "Atelier régional", "atelier"),
            (Kind::Modality, "Présentielle", "presentiel"),
            (Kind::Modality, "En présentiel", "presentiel"),
            (Kind::Modality, "Sur site", "presentiel"),
            (Kind::Modality, "En ligne", "distance"),
            (Kind::Modality, "Distanciel", "distance"),
            (Kind::Modality, "Mixte", "hybride"),
            (Kind::Gender, "Femmes", "F"),
        ];
        for (kind, value, code) in cases {
            assert_eq!(found(&c, kind, value).as_deref(), Some(code), "{value}");
        }
    }

    /// What means something else, or nothing sure, stays unknown.
    #[test]
    fn values_that_mean_something_else_stay_unknown() {
        let c = Categories::default();
        for value in [
            "Non réalisée",
            "En attente",
            "Peut-être",
            "Webinaire",
            "en",
            "À",
        ] {
            let kinds = [Kind::Status, Kind::ActivityType, Kind::Modality];
            for kind in kinds {
                assert_eq!(found(&c, kind, value), None, "{value} as {kind:?}");
            }
        }
    }

    #[test]
    fn types_match_by_alias() {
        let c = Categories::default();
        assert_eq!(
            code(&c.activity_types, "Journée d'études").as_deref(),
            Some("journee_etude")
        );
        assert_eq!(
            code(&c.activity_types, "Conférence").as_deref(),
            Some("colloque")
        );
        assert_eq!(
            code(&c.activity_types, "Échange d’expériences").as_deref(),
            Some("echange")
        );
        assert_eq!(code(&c.activity_types, "Webinaire"), None);
    }

    #[test]
    fn genders_match_french_and_english() {
        let c = Categories::default();
        assert_eq!(code(&c.genders, "Féminin").as_deref(), Some("F"));
        assert_eq!(code(&c.genders, "h").as_deref(), Some("M"));
        assert_eq!(code(&c.genders, "W").as_deref(), Some("F"));
    }

    #[test]
    fn a_configured_category_is_recognised_by_its_aliases() {
        let mut c = Categories::default();
        c.add(
            Kind::ActivityType,
            Category {
                code: "webinaire".into(),
                fr: "Webinaire".into(),
                en: "Webinar".into(),
                ar: None,
                builtin: false,
                aliases: vec!["web-séminaire".into()],
            },
        );
        assert_eq!(
            code(&c.activity_types, "Web séminaire").as_deref(),
            Some("webinaire")
        );
        assert_eq!(
            c.activity_types.last().map(|t| t.code.as_str()),
            Some("webinaire")
        );
    }
}
