//! The three datasets of SPEC section 3: their fields, types and header aliases.

use super::normalize::normalize_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dataset {
    Activities,
    Training,
    Targets,
}

impl Dataset {
    pub const ALL: [Dataset; 3] = [Dataset::Activities, Dataset::Training, Dataset::Targets];

    pub fn name(self) -> &'static str {
        match self {
            Dataset::Activities => "activities",
            Dataset::Training => "training",
            Dataset::Targets => "targets",
        }
    }

    pub fn fields(self) -> &'static [Field] {
        match self {
            Dataset::Activities => ACTIVITY_FIELDS,
            Dataset::Training => TRAINING_FIELDS,
            Dataset::Targets => TARGET_FIELDS,
        }
    }
}

/// How a field's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Several values split on `;` or line breaks.
    TextList,
    Date,
    Integer,
    Number,
    ActivityType,
    Status,
    Gender,
    Modality,
    Boolean,
}

impl Kind {
    /// How `bilan inspect` names the type a column is parsed as.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::TextList => "text list (split on ; or line breaks)",
            Kind::Date => "date",
            Kind::Integer => "integer",
            Kind::Number => "number",
            Kind::ActivityType => "activity type",
            Kind::Status => "status",
            Kind::Gender => "gender (F/M)",
            Kind::Modality => "modality",
            Kind::Boolean => "yes/no",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub required: bool,
    pub kind: Kind,
    /// The first alias is the French header `init` writes.
    pub aliases: &'static [&'static str],
}

const fn field(
    name: &'static str,
    required: bool,
    kind: Kind,
    aliases: &'static [&'static str],
) -> Field {
    Field {
        name,
        required,
        kind,
        aliases,
    }
}

pub const ACTIVITY_FIELDS: &[Field] = &[
    field(
        "id",
        false,
        Kind::Text,
        &["référence", "id", "code", "ref", "n°", "numéro"],
    ),
    field(
        "date",
        true,
        Kind::Date,
        &["date de début", "date", "date début", "start date"],
    ),
    field(
        "end_date",
        false,
        Kind::Date,
        &["date de fin", "date fin", "end date"],
    ),
    field(
        "type",
        true,
        Kind::ActivityType,
        &["type d'activité", "type", "nature", "catégorie"],
    ),
    field(
        "title",
        false,
        Kind::Text,
        &["intitulé", "titre", "objet", "activité", "title"],
    ),
    field(
        "axis",
        false,
        Kind::Text,
        &["axe stratégique", "axe", "axis"],
    ),
    field("project", false, Kind::Text, &["projet", "project"]),
    field(
        "partner",
        false,
        Kind::TextList,
        &["partenaires", "partenaire", "partner"],
    ),
    field(
        "status",
        true,
        Kind::Status,
        &["statut", "état", "situation", "status"],
    ),
    field(
        "participants",
        false,
        Kind::Integer,
        &[
            "nombre de participants",
            "participants",
            "nb participants",
            "effectif",
        ],
    ),
    field(
        "women",
        false,
        Kind::Integer,
        &["dont femmes", "femmes", "nb femmes", "women"],
    ),
    field(
        "budget_planned",
        false,
        Kind::Number,
        &["budget prévu", "budget prévisionnel", "budget planned"],
    ),
    field(
        "budget_spent",
        false,
        Kind::Number,
        &[
            "budget réalisé",
            "budget consommé",
            "dépenses",
            "budget spent",
        ],
    ),
    field(
        "location",
        false,
        Kind::Text,
        &["lieu", "ville", "location"],
    ),
];

pub const TRAINING_FIELDS: &[Field] = &[
    field(
        "session_id",
        true,
        Kind::Text,
        &["code session", "session", "id session", "réf session"],
    ),
    field(
        "program",
        true,
        Kind::Text,
        &[
            "programme de formation",
            "programme",
            "thème",
            "module",
            "formation",
        ],
    ),
    field(
        "start_date",
        true,
        Kind::Date,
        &["date de début", "date", "date début", "start date"],
    ),
    field(
        "end_date",
        false,
        Kind::Date,
        &["date de fin", "date fin", "end date"],
    ),
    field(
        "hours",
        true,
        Kind::Number,
        &[
            "durée (h)",
            "durée",
            "heures",
            "nombre d'heures",
            "volume horaire",
            "hours",
        ],
    ),
    field(
        "organisation",
        true,
        Kind::Text,
        &[
            "organisme",
            "institution",
            "entité",
            "structure",
            "organisation",
        ],
    ),
    field(
        "participant_id",
        true,
        Kind::Text,
        &[
            "matricule",
            "id participant",
            "participant",
            "nom et prénom",
        ],
    ),
    field("gender", false, Kind::Gender, &["sexe", "genre", "gender"]),
    field(
        "category",
        false,
        Kind::Text,
        &["catégorie", "grade", "fonction", "cadre"],
    ),
    field(
        "attended",
        false,
        Kind::Boolean,
        &["présence", "présent", "assiduité", "attended"],
    ),
    field(
        "modality",
        false,
        Kind::Modality,
        &["modalité", "mode", "modality"],
    ),
    field(
        "satisfaction",
        false,
        Kind::Number,
        &["satisfaction", "note d'évaluation", "évaluation"],
    ),
];

pub const TARGET_FIELDS: &[Field] = &[
    field("year", true, Kind::Integer, &["année", "exercice", "year"]),
    field("indicator", true, Kind::Text, &["indicateur", "indicator"]),
    field(
        "target",
        true,
        Kind::Number,
        &["cible", "objectif", "valeur cible", "target"],
    ),
];

/// Extra header aliases from `bilan.toml` (`[aliases.DATASET] FIELD = [...]`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldAliases {
    extra: std::collections::BTreeMap<(Dataset, String), Vec<String>>,
}

impl FieldAliases {
    pub fn add(&mut self, dataset: Dataset, field: &str, aliases: Vec<String>) {
        self.extra
            .entry((dataset, field.to_string()))
            .or_default()
            .extend(aliases);
    }

    fn get(&self, dataset: Dataset, field: &str) -> &[String] {
        self.extra
            .get(&(dataset, field.to_string()))
            .map_or(&[], Vec::as_slice)
    }
}

/// The field of `dataset` a header cell names, if any.
///
/// A header that matches no alias as written is tried again without a trailing
/// parenthesised unit ("Budget prévu (MAD)" is "budget prévu"); "Durée (h)" matches as written.
pub fn match_header(dataset: Dataset, header: &str, extra: &FieldAliases) -> Option<usize> {
    let find = |text: &str| {
        let key = normalize_key(text);
        if key.is_empty() {
            return None;
        }
        dataset.fields().iter().position(|f| {
            f.aliases.iter().any(|a| normalize_key(a) == key)
                || extra
                    .get(dataset, f.name)
                    .iter()
                    .any(|a| normalize_key(a) == key)
        })
    };
    find(header).or_else(|| {
        let trimmed = header.trim_end();
        let open = trimmed.strip_suffix(')').and_then(|t| t.rfind('('))?;
        find(&trimmed[..open])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(dataset: Dataset, header: &str) -> Option<&'static str> {
        match_header(dataset, header, &FieldAliases::default()).map(|i| dataset.fields()[i].name)
    }

    #[test]
    fn aliases_of_the_spec_match() {
        assert_eq!(name(Dataset::Activities, "DATE_DEBUT"), Some("date"));
        assert_eq!(name(Dataset::Activities, "Date de fin"), Some("end_date"));
        assert_eq!(name(Dataset::Activities, "N°"), Some("id"));
        assert_eq!(name(Dataset::Activities, "Type d’activité"), Some("type"));
        assert_eq!(name(Dataset::Training, "Durée (h)"), Some("hours"));
        assert_eq!(
            name(Dataset::Training, "Nom et prénom"),
            Some("participant_id")
        );
        assert_eq!(name(Dataset::Targets, "Valeur cible"), Some("target"));
        assert_eq!(name(Dataset::Activities, "Commentaire"), None);
        assert_eq!(
            name(Dataset::Activities, "Budget prévu (MAD)"),
            Some("budget_planned")
        );
        assert_eq!(
            name(Dataset::Activities, "Dépenses (DH)"),
            Some("budget_spent")
        );
    }
}
