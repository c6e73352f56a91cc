//! `bilan init`: a commented `bilan.toml` and a template workbook (one sheet per dataset,
//! the French headers of SPEC 3) that `bilan` reads back without an issue.

use crate::datasets::categories::Categories;
use crate::datasets::{Dataset, Kind};
use crate::lang::Lang;
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Format, Workbook, XlsxError};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{0} already exists; bilan init does not overwrite files")]
    Exists(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the template workbook: {0}")]
    Workbook(#[from] XlsxError),
}

impl InitError {
    /// What went wrong, as a catalogue message (`error-*`).
    pub fn message(&self) -> crate::issue::Message {
        use crate::issue::{io_problem, Message};
        match self {
            InitError::Exists(path) => {
                Message::new("error-init-exists").with("path", path.display().to_string())
            }
            InitError::Io { path, source } => Message::new("error-write")
                .with("path", path.display().to_string())
                .with("reason", io_problem(source)),
            InitError::Workbook(e) => {
                Message::new("error-init-workbook").with("detail", e.to_string())
            }
        }
    }
}

/// The sheet names of the template, per dataset.
fn sheet_name(dataset: Dataset) -> &'static str {
    match dataset {
        Dataset::Activities => "Activités",
        Dataset::Training => "Formations",
        Dataset::Targets => "Cibles",
    }
}

/// The commented `bilan.toml` that `init` writes, in the language asked: files a translator
/// edits beside the words catalogue (`src/locales/LANG/bilan.toml`).
fn config_template(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => include_str!("locales/fr/bilan.toml"),
        Lang::En => include_str!("locales/en/bilan.toml"),
        Lang::Ar => include_str!("locales/ar/bilan.toml"),
    }
}

/// Writes `DIR/bilan.toml`, `DIR/modeles/plan_action.xlsx` and an empty `DIR/data/`; returns what it wrote.
pub fn write(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, InitError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Io { path, source }
    };
    let config = dir.join("bilan.toml");
    let template = dir.join("modeles").join("plan_action.xlsx");
    for path in [&config, &template] {
        if path.exists() {
            return Err(InitError::Exists(path.clone()));
        }
    }
    std::fs::create_dir_all(dir.join("modeles")).map_err(io(&dir.join("modeles")))?;
    std::fs::create_dir_all(dir.join("data")).map_err(io(&dir.join("data")))?;
    std::fs::write(&config, config_template(lang)).map_err(io(&config))?;
    let mut workbook = template_workbook()?;
    workbook.save(&template)?;
    Ok(vec![config, template, dir.join("data")])
}

/// The French headers of a dataset, as `init` writes them: each field's first alias, capitalised.
pub fn french_headers(dataset: Dataset) -> Vec<String> {
    dataset
        .fields()
        .iter()
        .map(|f| capitalised(f.aliases[0]))
        .collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn template_workbook() -> Result<Workbook, XlsxError> {
    let categories = Categories::default();
    let header = Format::new()
        .set_bold()
        .set_background_color("#DCE6F1")
        .set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let integer = Format::new().set_num_format("0");
    let decimal = Format::new().set_num_format("# ##0.00");
    let mut workbook = Workbook::new();
    for dataset in Dataset::ALL {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(dataset))?;
        for (c, field) in dataset.fields().iter().enumerate() {
            let c = c as u16;
            // The first alias of each field is its French header, capitalised for people.
            sheet.write_with_format(0, c, capitalised(field.aliases[0]), &header)?;
            sheet.set_column_width(c, 18)?;
            let labels: Vec<&str> = match field.kind {
                Kind::ActivityType => categories
                    .activity_types
                    .iter()
                    .map(|c| c.fr.as_str())
                    .collect(),
                Kind::Status => categories.statuses.iter().map(|c| c.fr.as_str()).collect(),
                Kind::Gender => vec!["F", "M"],
                Kind::Modality => categories
                    .modalities
                    .iter()
                    .map(|c| c.fr.as_str())
                    .collect(),
                Kind::Boolean => vec!["Oui", "Non"],
                _ => Vec::new(),
            };
            match field.kind {
                Kind::Date => {
                    sheet.set_column_format(c, &date)?;
                }
                Kind::Integer if dataset != Dataset::Targets => {
                    sheet.set_column_format(c, &integer)?;
                }
                Kind::Number => {
                    sheet.set_column_format(c, &decimal)?;
                }
                _ => {}
            }
            if !labels.is_empty() {
                // A warning, not a refusal: an unknown type is still kept as its own category.
                let validation = DataValidation::new()
                    .allow_list_strings(&labels)?
                    .set_error_style(DataValidationErrorStyle::Warning);
                sheet.add_data_validation(1, c, 5000, c, &validation)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    Ok(workbook)
}
