//! The categories of SPEC section 3 (activity types, statuses, genders, modalities):
//! codes, labels and aliases, built in and extended by `[categories.*]` in `bilan.toml`.

use super::normalize::normalize_key;
use crate::lang::Lang;
use std::collections::HashMap;

/// A category code with its labels and the extra words people write for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub code: String,
    pub fr: String,
    pub en: String,
    pub aliases: Vec<String>,
}

impl Category {
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en)
    }

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

const STATUSES: &[Builtin] = &[
    (
        "realise",
        "Réalisé",
        "Done",
        &["réalisée", "fait", "achevé", "terminé", "done", "completed"],
    ),
    (
        "en_cours",
        "En cours",
        "In progress",
        &["in progress", "en préparation"],
    ),
    (
        "prevu",
        "Prévu",
        "Planned",
        &["planifié", "programmé", "à venir", "planned"],
    ),
    ("reporte", "Reporté", "Postponed", &["décalé", "postponed"]),
    ("annule", "Annulé", "Cancelled", &["cancelled", "canceled"]),
];

const GENDERS: &[Builtin] = &[
    ("F", "Femmes", "Women", &["femme", "féminin", "female", "w"]),
    ("M", "Hommes", "Men", &["h", "homme", "masculin", "male"]),
];

const MODALITIES: &[Builtin] = &[
    ("presentiel", "Présentiel", "In person", &["in person"]),
    ("distance", "À distance", "Remote", &["remote"]),
    ("hybride", "Hybride", "Hybrid", &["hybrid"]),
];

pub const UNSPECIFIED_CODE: &str = "unspecified";

/// The label of a missing dimension value in every breakdown table.
pub fn unspecified_label(lang: Lang) -> &'static str {
    lang.pick("Non renseigné", "Not specified")
}

fn owned(list: &[Builtin]) -> Vec<Category> {
    list.iter()
        .map(|(code, fr, en, aliases)| Category {
            code: code.to_string(),
            fr: fr.to_string(),
            en: en.to_string(),
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
}

impl Default for Categories {
    fn default() -> Self {
        let mut categories = Categories {
            activity_types: owned(ACTIVITY_TYPES),
            statuses: owned(STATUSES),
            genders: owned(GENDERS),
            modalities: owned(MODALITIES),
            index: Default::default(),
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
                existing.aliases.extend(category.aliases);
            }
            None => list.push(category),
        }
        self.reindex();
    }

    fn reindex(&mut self) {
        for kind in KINDS {
            let mut index = HashMap::new();
            for (position, category) in self.list(kind).iter().enumerate() {
                let names = [&category.code, &category.fr, &category.en]
                    .into_iter()
                    .chain(&category.aliases);
                for name in names {
                    // The first category to claim a name keeps it, as a linear search would.
                    index.entry(normalize_key(name)).or_insert(position);
                }
            }
            self.index[slot(kind)] = index;
        }
    }

    /// The category a written value stands for, by code, label or alias.
    pub fn find(&self, kind: Kind, value: &str) -> Option<&Category> {
        let position = *self.index[slot(kind)].get(&normalize_key(value))?;
        self.list(kind).get(position)
    }
}

/// Finds the category a written value stands for: its code, either label or an alias.
pub fn lookup<'a>(categories: &'a [Category], value: &str) -> Option<&'a Category> {
    let key = normalize_key(value);
    if key.is_empty() {
        return None;
    }
    categories.iter().find(|c| c.matches(&key))
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
