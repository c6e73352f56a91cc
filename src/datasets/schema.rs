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

    pub const fn fields(self) -> &'static [Field] {
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

/// A field of a dataset by its index, found from its name when bilan is compiled (see
/// [`fields`]): the typing reads every field of a million rows, and finding each by name cost a
/// fifth of the typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldId {
    pub dataset: Dataset,
    pub index: usize,
}

impl FieldId {
    /// The field `name` of `dataset`; an unknown name fails to compile where used as a constant.
    pub const fn of(dataset: Dataset, name: &str) -> FieldId {
        let fields = dataset.fields();
        let mut index = 0;
        while index < fields.len() {
            if same_name(fields[index].name, name) {
                return FieldId { dataset, index };
            }
            index += 1;
        }
        panic!("no field of that name in the dataset")
    }

    pub fn field(self) -> &'static Field {
        &self.dataset.fields()[self.index]
    }

    pub fn name(self) -> &'static str {
        self.field().name
    }
}

const fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Every field of the three datasets as a [`FieldId`] constant, named after the field.
pub mod fields {
    use super::{Dataset, FieldId};

    macro_rules! ids {
        ($dataset:expr; $($constant:ident = $name:literal),* $(,)?) => {
            $(pub const $constant: FieldId = FieldId::of($dataset, $name);)*
        };
    }

    pub mod activities {
        use super::*;
        ids!(Dataset::Activities; ID = "id", DATE = "date", END_DATE = "end_date", TYPE = "type", TITLE = "title", AXIS = "axis", PROJECT = "project", PARTNER = "partner", STATUS = "status", PARTICIPANTS = "participants", WOMEN = "women", BUDGET_PLANNED = "budget_planned", BUDGET_SPENT = "budget_spent", LOCATION = "location");
    }

    pub mod training {
        use super::*;
        ids!(Dataset::Training; SESSION_ID = "session_id", PROGRAM = "program", START_DATE = "start_date", END_DATE = "end_date", HOURS = "hours", ORGANISATION = "organisation", PARTICIPANT_ID = "participant_id", GENDER = "gender", CATEGORY = "category", ATTENDED = "attended", MODALITY = "modality", SATISFACTION = "satisfaction");
    }

    pub mod targets {
        use super::*;
        ids!(Dataset::Targets; YEAR = "year", INDICATOR = "indicator", TARGET = "target");
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

    #[test]
    fn field_ids_name_their_own_field() {
        for dataset in Dataset::ALL {
            for (index, field) in dataset.fields().iter().enumerate() {
                assert_eq!(FieldId::of(dataset, field.name), FieldId { dataset, index });
            }
        }
        assert_eq!(fields::training::PARTICIPANT_ID.name(), "participant_id");
        assert_eq!(fields::activities::END_DATE.name(), "end_date");
        assert_eq!(fields::training::END_DATE.index, 3);
        assert_eq!(fields::targets::TARGET.field().kind, Kind::Number);
    }

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
