//! Format `register` (SPEC 6): the consolidated kept rows of each dataset, the table analysts
//! pivot. `activities.csv`, `training.csv`, `targets.csv`: one column per field of SPEC 3
//! (categories as their code, then their label in the run's language), then the row's source.
//! Participant identifiers stay out unless `--with-identifiers`.
//!
//! The registrations go into the Polars frames when the indicators are computed, so the register
//! is written before, into a staging folder beside the report, and moved into it with the rest.

use super::csv::{write_csv, CsvCell};
use super::{io_error, OutputError};
use crate::datasets::categories::{Categories, Kind};
use crate::datasets::{Datasets, Source};
use crate::indicators::ValueKind;
use crate::lang::Lang;
use std::path::{Path, PathBuf};

/// The register written ahead, waiting to join its report.
pub struct Staged {
    pub dir: PathBuf,
    pub files: Vec<&'static str>,
}

/// What the register needs to know of the run.
pub struct RegisterOptions<'a> {
    pub lang: Lang,
    pub categories: &'a Categories,
    pub csv_style: super::CsvStyle,
    pub with_identifiers: bool,
}

/// Writes the three CSV files into `OUT/.register-PID/`.
pub fn stage(
    datasets: &Datasets,
    out: &Path,
    options: &RegisterOptions,
) -> Result<Staged, OutputError> {
    let dir = out.join(format!(".register-{}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(io_error(&dir))?;
    }
    std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let mut w = super::Writer {
        dir: &dir,
        written: Vec::new(),
    };
    let outcome = w
        .write_with("activities.csv", |out| activities(out, datasets, options))
        .and_then(|_| w.write_with("training.csv", |out| training(out, datasets, options)))
        .and_then(|_| w.write_with("targets.csv", |out| targets(out, datasets, options)));
    if let Err(e) = outcome {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(e);
    }
    Ok(Staged {
        dir,
        files: vec!["activities.csv", "training.csv", "targets.csv"],
    })
}

fn text(value: Option<&str>) -> CsvCell<'_> {
    CsvCell::text(value.unwrap_or_default())
}

fn date(value: Option<chrono::NaiveDate>) -> CsvCell<'static> {
    CsvCell::text(
        value
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    )
}

/// The labels of a kind's categories in the register's language, looked up once per file.
struct KindLabels(Vec<(String, String)>);

impl KindLabels {
    fn new(categories: &Categories, kind: Kind, lang: Lang) -> Self {
        KindLabels(
            categories
                .list(kind)
                .iter()
                .map(|c| (c.code.clone(), super::labels::category(lang, kind, c)))
                .collect(),
        )
    }

    /// The label of `code`; a value no category holds is written as it is.
    fn cell<'a>(&'a self, code: &'a str) -> CsvCell<'a> {
        let found = self.0.iter().find(|(c, _)| c == code);
        CsvCell::text(found.map_or(code, |(_, label)| label.as_str()))
    }
}

/// The row's source: file, sheet, row.
fn source<'a>(datasets: &'a Datasets, source: &Source) -> [CsvCell<'a>; 3] {
    let (file, sheet) = datasets.source_names(source);
    [
        CsvCell::text(file),
        CsvCell::text(sheet),
        CsvCell::Number(Some(f64::from(source.row)), ValueKind::Count),
    ]
}

const SOURCE: [&str; 3] = ["source_file", "source_sheet", "source_row"];

fn activities(
    out: &mut dyn std::io::Write,
    datasets: &Datasets,
    options: &RegisterOptions,
) -> std::io::Result<()> {
    let mut header = vec![
        "id",
        "date",
        "end_date",
        "type",
        "type_label",
        "title",
        "axis",
        "project",
        "partner",
        "status",
        "status_label",
        "participants",
        "women",
        "budget_planned",
        "budget_spent",
        "location",
    ];
    header.extend(SOURCE);
    let (lang, categories) = (options.lang, options.categories);
    let types = KindLabels::new(categories, Kind::ActivityType, lang);
    let statuses = KindLabels::new(categories, Kind::Status, lang);
    let rows = datasets.activities.iter().map(|a| {
        let mut row = vec![
            text(a.id.as_deref()),
            date(Some(a.date)),
            date(a.end_date),
            CsvCell::text(&a.activity_type),
            types.cell(&a.activity_type),
            text(a.title.as_deref()),
            text(a.axis.as_deref()),
            text(a.project.as_deref()),
            CsvCell::text(a.partners.join("; ")),
            CsvCell::text(&a.status),
            statuses.cell(&a.status),
            CsvCell::Number(a.participants.map(|n| n as f64), ValueKind::Count),
            CsvCell::Number(a.women.map(|n| n as f64), ValueKind::Count),
            CsvCell::Number(a.budget_planned, ValueKind::Decimal),
            CsvCell::Number(a.budget_spent, ValueKind::Decimal),
            text(a.location.as_deref()),
        ];
        row.extend(source(datasets, &a.source));
        row
    });
    write_csv(out, &header, rows, options.csv_style)
}

fn training(
    out: &mut dyn std::io::Write,
    datasets: &Datasets,
    options: &RegisterOptions,
) -> std::io::Result<()> {
    let with_ids = options.with_identifiers;
    let mut header = vec![
        "session_id",
        "program",
        "start_date",
        "end_date",
        "hours",
        "organisation",
    ];
    if with_ids {
        header.push("participant_id");
    }
    header.extend([
        "gender",
        "gender_label",
        "category",
        "attended",
        "modality",
        "modality_label",
        "satisfaction",
    ]);
    header.extend(SOURCE);
    let (lang, categories) = (options.lang, options.categories);
    let genders = KindLabels::new(categories, Kind::Gender, lang);
    let modalities = KindLabels::new(categories, Kind::Modality, lang);
    let strings = &datasets.strings;
    let registrations = &datasets.registrations;
    let rows = (0..registrations.len())
        .filter_map(|i| registrations.get(i))
        .map(|r| {
            let code = |c: u32| CsvCell::text(strings.get(c));
            let mut row = vec![
                code(r.session_id),
                code(r.program),
                date(Some(r.start_date)),
                date(r.end_date),
                CsvCell::Number(Some(r.hours), ValueKind::Decimal),
                code(r.organisation),
            ];
            if with_ids {
                row.push(code(r.participant_id));
            }
            let gender = r.gender.map(|c| strings.get(c));
            let modality = r.modality.map(|c| strings.get(c));
            row.extend([
                text(gender),
                gender.map_or(CsvCell::text(""), |g| genders.cell(g)),
                text(r.category.map(|c| strings.get(c))),
                CsvCell::text(if r.attended { "true" } else { "false" }),
                text(modality),
                modality.map_or(CsvCell::text(""), |m| modalities.cell(m)),
                CsvCell::Number(r.satisfaction, ValueKind::Decimal),
            ]);
            row.extend(source(datasets, &r.source));
            row
        });
    write_csv(out, &header, rows, options.csv_style)
}

fn targets(
    out: &mut dyn std::io::Write,
    datasets: &Datasets,
    options: &RegisterOptions,
) -> std::io::Result<()> {
    let mut header = vec!["year", "indicator", "target"];
    header.extend(SOURCE);
    let rows = datasets.targets.iter().map(|t| {
        let mut row = vec![
            CsvCell::Number(Some(f64::from(t.year)), ValueKind::Count),
            CsvCell::text(&t.indicator),
            CsvCell::Number(Some(t.target), ValueKind::Decimal),
        ];
        row.extend(source(datasets, &t.source));
        row
    });
    write_csv(out, &header, rows, options.csv_style)
}
