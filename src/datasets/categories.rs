//! The built-in categories of SPEC section 3: codes, labels and aliases.

use super::normalize::normalize_key;

/// A category code with its labels and the extra words people write for it.
#[derive(Debug, Clone, Copy)]
pub struct Category {
    pub code: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
    pub aliases: &'static [&'static str],
}

impl Category {
    pub fn label(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Fr => self.fr,
            crate::Lang::En => self.en,
        }
    }
}

const fn cat(
    code: &'static str,
    fr: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
) -> Category {
    Category {
        code,
        fr,
        en,
        aliases,
    }
}

/// In the order of SPEC 3.1, which is also the order of every table keyed by type.
pub const ACTIVITY_TYPES: &[Category] = &[
    cat(
        "reunion",
        "Réunion",
        "Meeting",
        &["réunion de travail", "meeting"],
    ),
    cat("atelier", "Atelier", "Workshop", &["workshop"]),
    cat(
        "journee_etude",
        "Journée d'étude",
        "Study day",
        &["journée d'études", "study day"],
    ),
    cat("forum", "Forum", "Forum", &[]),
    cat(
        "colloque",
        "Colloque",
        "Symposium",
        &["colloque scientifique", "symposium", "conférence"],
    ),
    cat("seminaire", "Séminaire", "Seminar", &["seminar"]),
    cat(
        "programme_conjoint",
        "Programme conjoint",
        "Joint programme",
        &["joint programme"],
    ),
    cat(
        "appui_technique",
        "Appui technique",
        "Technical support",
        &["soutien technique", "technical support"],
    ),
    cat(
        "formation",
        "Formation",
        "Training",
        &["formation continue", "training"],
    ),
    cat(
        "echange",
        "Échange d'informations",
        "Information exchange",
        &["échange d'expertise", "échange d'expériences", "exchange"],
    ),
    cat("autre", "Autre", "Other", &[]),
];

pub const STATUSES: &[Category] = &[
    cat(
        "realise",
        "Réalisé",
        "Done",
        &["réalisée", "fait", "achevé", "terminé", "done", "completed"],
    ),
    cat(
        "en_cours",
        "En cours",
        "In progress",
        &["in progress", "en préparation"],
    ),
    cat(
        "prevu",
        "Prévu",
        "Planned",
        &["planifié", "programmé", "à venir", "planned"],
    ),
    cat("reporte", "Reporté", "Postponed", &["décalé", "postponed"]),
    cat("annule", "Annulé", "Cancelled", &["cancelled", "canceled"]),
];

pub const GENDERS: &[Category] = &[
    cat("F", "Femmes", "Women", &["femme", "féminin", "female", "w"]),
    cat("M", "Hommes", "Men", &["h", "homme", "masculin", "male"]),
];

pub const MODALITIES: &[Category] = &[
    cat("presentiel", "Présentiel", "In person", &["in person"]),
    cat("distance", "À distance", "Remote", &["remote"]),
    cat("hybride", "Hybride", "Hybrid", &["hybrid"]),
];

/// The label of a missing dimension value in every breakdown table.
pub const UNSPECIFIED: Category = cat("unspecified", "Non renseigné", "Not specified", &[]);

/// Finds the category a written value stands for: its code, either label or an alias.
pub fn lookup(categories: &'static [Category], value: &str) -> Option<&'static Category> {
    let key = normalize_key(value);
    if key.is_empty() {
        return None;
    }
    categories.iter().find(|c| {
        normalize_key(c.code) == key
            || normalize_key(c.fr) == key
            || normalize_key(c.en) == key
            || c.aliases.iter().any(|a| normalize_key(a) == key)
    })
}

pub fn by_code(categories: &'static [Category], code: &str) -> Option<&'static Category> {
    categories.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_match_by_label_alias_and_code() {
        assert_eq!(lookup(STATUSES, "Réalisée").unwrap().code, "realise");
        assert_eq!(lookup(STATUSES, "REALISE").unwrap().code, "realise");
        assert_eq!(lookup(STATUSES, "en_cours").unwrap().code, "en_cours");
        assert_eq!(lookup(STATUSES, "A venir").unwrap().code, "prevu");
        assert_eq!(lookup(STATUSES, "Canceled").unwrap().code, "annule");
        assert!(lookup(STATUSES, "peut-être").is_none());
    }

    #[test]
    fn types_match_by_alias() {
        assert_eq!(
            lookup(ACTIVITY_TYPES, "Journée d'études").unwrap().code,
            "journee_etude"
        );
        assert_eq!(
            lookup(ACTIVITY_TYPES, "Conférence").unwrap().code,
            "colloque"
        );
        assert_eq!(
            lookup(ACTIVITY_TYPES, "Échange d’expériences")
                .unwrap()
                .code,
            "echange"
        );
        assert!(lookup(ACTIVITY_TYPES, "Webinaire").is_none());
    }

    #[test]
    fn genders_match_french_and_english() {
        assert_eq!(lookup(GENDERS, "Féminin").unwrap().code, "F");
        assert_eq!(lookup(GENDERS, "h").unwrap().code, "M");
        assert_eq!(lookup(GENDERS, "W").unwrap().code, "F");
    }
}
