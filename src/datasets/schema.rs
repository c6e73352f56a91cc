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
    /// The key of the type a column is parsed as, for the words catalogue (`field-kind-*`).
    pub fn key(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::TextList => "text-list",
            Kind::Date => "date",
            Kind::Integer => "integer",
            Kind::Number => "number",
            Kind::ActivityType => "activity-type",
            Kind::Status => "status",
            Kind::Gender => "gender",
            Kind::Modality => "modality",
            Kind::Boolean => "boolean",
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
        &["date de début", "date", "date début", "start date", "du"],
    ),
    field(
        "end_date",
        false,
        Kind::Date,
        &["date de fin", "date fin", "end date", "au"],
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
        &["date de début", "date", "date début", "start date", "du"],
    ),
    field(
        "end_date",
        false,
        Kind::Date,
        &["date de fin", "date fin", "end date", "au"],
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

/// How a header cell was matched to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matched {
    /// One of the field's aliases, as written (after normalisation).
    Alias,
    /// By meaning (`vocabulary.toml`): abbreviations, filler words, synonyms.
    Meaning,
}

/// The field of `dataset` a header cell names, if any, and how.
///
/// A header that matches no alias as written is tried again without a trailing
/// parenthesised unit ("Budget prévu (MAD)" is "budget prévu"); "Durée (h)" matches as written.
/// Failing that, the header is read by meaning (`vocabulary.toml`): « Nbre de participants »
/// is `participants`, « Code activité » `id`.
pub fn match_header(
    dataset: Dataset,
    header: &str,
    extra: &FieldAliases,
) -> Option<(usize, Matched)> {
    let exact = |text: &str| {
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
    let without_unit = || {
        let trimmed = header.trim_end();
        let open = trimmed.strip_suffix(')').and_then(|t| t.rfind('('))?;
        Some(&trimmed[..open])
    };
    if let Some(field) = exact(header).or_else(|| exact(without_unit()?)) {
        return Some((field, Matched::Alias));
    }
    let by_meaning = |text: &str| {
        let meaning = vocabulary::header_meaning(dataset, &normalize_key(text));
        if meaning.is_empty() {
            return None;
        }
        vocabulary::field_of(dataset, &meaning).or_else(|| {
            dataset.fields().iter().position(|f| {
                extra
                    .get(dataset, f.name)
                    .iter()
                    .any(|a| vocabulary::header_meaning(dataset, &normalize_key(a)) == meaning)
            })
        })
    };
    let field = by_meaning(header).or_else(|| by_meaning(without_unit()?))?;
    Some((field, Matched::Meaning))
}

/// The vocabulary of `vocabulary.toml`, read once.
mod vocabulary {
    use super::super::normalize::{normalize_key, without_agreement};
    use super::Dataset;
    use std::collections::HashMap;
    use std::sync::OnceLock;

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        abbreviations: HashMap<String, String>,
        filler: Filler,
        context: HashMap<String, Vec<String>>,
        activities: HashMap<String, Vec<String>>,
        training: HashMap<String, Vec<String>>,
        targets: HashMap<String, Vec<String>>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Filler {
        words: Vec<String>,
    }

    pub(super) struct Vocabulary {
        abbreviations: HashMap<String, String>,
        filler: Vec<String>,
        /// Per dataset (in `Dataset::ALL` order): the words naming it, and each phrase's
        /// meaning with its field.
        context: [Vec<String>; 3],
        phrases: [Vec<(String, usize)>; 3],
    }

    const TEXT: &str = include_str!("vocabulary.toml");
    #[cfg(test)]
    pub(super) const TEXT_FOR_TESTS: &str = TEXT;

    fn slot(dataset: Dataset) -> usize {
        Dataset::ALL
            .iter()
            .position(|d| *d == dataset)
            .unwrap_or_default()
    }

    /// The vocabulary; the file is part of the program, and a test reads it.
    pub(super) fn get() -> &'static Vocabulary {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(|| parse(TEXT).unwrap_or_else(|e| panic!("vocabulary.toml: {e}")))
    }

    pub(super) fn parse(text: &str) -> Result<Vocabulary, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut vocabulary = Vocabulary {
            abbreviations: file.abbreviations,
            filler: file.filler.words,
            context: Default::default(),
            phrases: Default::default(),
        };
        for dataset in Dataset::ALL {
            vocabulary.context[slot(dataset)] = file
                .context
                .get(dataset.name())
                .cloned()
                .unwrap_or_default();
        }
        for (dataset, fields) in [
            (Dataset::Activities, &file.activities),
            (Dataset::Training, &file.training),
            (Dataset::Targets, &file.targets),
        ] {
            let mut phrases = Vec::new();
            // Aliases of the schema first, in field order, then the vocabulary's phrases.
            for (index, field) in dataset.fields().iter().enumerate() {
                for alias in field.aliases {
                    let meaning = meaning_with(&vocabulary, dataset, &normalize_key(alias));
                    phrases.push((meaning, index));
                }
            }
            let mut names: Vec<&String> = fields.keys().collect();
            names.sort();
            for name in names {
                let index = dataset
                    .fields()
                    .iter()
                    .position(|f| f.name == name.as_str())
                    .ok_or_else(|| format!("[{}] {name}: not a field", dataset.name()))?;
                for phrase in &fields[name] {
                    let meaning = meaning_with(&vocabulary, dataset, &normalize_key(phrase));
                    phrases.push((meaning, index));
                }
            }
            phrases.retain(|(meaning, _)| !meaning.is_empty());
            vocabulary.phrases[slot(dataset)] = phrases;
        }
        Ok(vocabulary)
    }

    fn meaning_with(vocabulary: &Vocabulary, dataset: Dataset, key: &str) -> String {
        let words: Vec<&str> = key
            .split(' ')
            .map(|w| vocabulary.abbreviations.get(w).map_or(w, String::as_str))
            .filter(|w| !w.is_empty() && !vocabulary.filler.iter().any(|f| f == w))
            .collect();
        let context = &vocabulary.context[slot(dataset)];
        let is_context = |w: &&str| context.iter().any(|c| c == w);
        let words: Vec<&str> = if words.iter().all(is_context) {
            words
        } else {
            words.into_iter().filter(|w| !is_context(w)).collect()
        };
        let stems: Vec<String> = words.into_iter().map(without_agreement).collect();
        stems.join(" ")
    }

    /// A normalised header's meaning in `dataset`: abbreviations written out, filler words and
    /// (when other words remain) the words naming the dataset dropped, agreement removed.
    pub(super) fn header_meaning(dataset: Dataset, key: &str) -> String {
        meaning_with(get(), dataset, key)
    }

    /// The field whose alias or phrase has this meaning (the first, in field order).
    pub(super) fn field_of(dataset: Dataset, meaning: &str) -> Option<usize> {
        get().phrases[slot(dataset)]
            .iter()
            .find(|(m, _)| m == meaning)
            .map(|(_, field)| *field)
    }
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
        match_header(dataset, header, &FieldAliases::default())
            .map(|(i, _)| dataset.fields()[i].name)
    }

    #[test]
    fn the_vocabulary_reads_and_names_only_fields() {
        vocabulary::parse(vocabulary::TEXT_FOR_TESTS).expect("vocabulary.toml");
        let wrong = vocabulary::TEXT_FOR_TESTS.replace("hours = [", "heures = [");
        assert!(vocabulary::parse(&wrong).is_err());
    }

    /// The headers of the issue « Headers and values as people write them », which a careful
    /// person maps without hesitation.
    #[test]
    fn headers_as_people_write_them_match_by_meaning() {
        let cases = [
            (Dataset::Activities, "Code activité", "id"),
            (Dataset::Activities, "Nature de l'activité", "type"),
            (Dataset::Activities, "Date de l'activité", "date"),
            (Dataset::Activities, "Axe du plan", "axis"),
            (Dataset::Activities, "État d'avancement", "status"),
            (Dataset::Activities, "Nbre de participants", "participants"),
            (Dataset::Activities, "Nb. participants", "participants"),
            (Dataset::Activities, "Dont F", "women"),
            (Dataset::Activities, "Budget alloué (DH)", "budget_planned"),
            (Dataset::Activities, "Budget consommé", "budget_spent"),
            (Dataset::Activities, "Réf.", "id"),
            (Dataset::Training, "Intitulé de la formation", "program"),
            (Dataset::Training, "Du", "start_date"),
            (Dataset::Training, "Au", "end_date"),
            (Dataset::Training, "Nbre d'heures", "hours"),
            (Dataset::Training, "Structure bénéficiaire", "organisation"),
            (Dataset::Training, "N° matricule", "participant_id"),
            (Dataset::Training, "Mode de formation", "modality"),
            (Dataset::Training, "Note de satisfaction", "satisfaction"),
            (Dataset::Training, "Formation", "program"),
        ];
        for (dataset, header, field) in cases {
            assert_eq!(name(dataset, header), Some(field), "{header}");
        }
    }

    /// Headers of notes, lists and other columns mean no field.
    #[test]
    fn headers_that_name_no_field_stay_unmatched() {
        for header in [
            "Observations",
            "Commentaire",
            "Remarques",
            "Consignes de saisie",
            "de",
            "(DH)",
            "Total",
        ] {
            for dataset in Dataset::ALL {
                assert_eq!(
                    name(dataset, header),
                    None,
                    "{header} in {}",
                    dataset.name()
                );
            }
        }
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
