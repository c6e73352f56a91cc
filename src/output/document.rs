//! The report's content, once, as blocks that the HTML and Markdown renderers both read.

use super::format::{display_change, display_number, display_optional, display_points};
use crate::datasets::SheetReport;
use crate::indicators::{Results, Status, Table, Unit, ValueKind};
use crate::issue::{Issue, Severity};
use crate::lang::Lang;
use crate::read::ReadFile;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct TextTable {
    pub headers: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(u8, String),
    Paragraph(String),
    Table(TextTable),
    /// A drawn chart: its id (file `charts/ID.svg|png`), title and inline SVG.
    Chart {
        id: String,
        title: String,
        svg: String,
    },
}

/// What a chart became: drawn (with its SVG) or skipped with the reason.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartOutcome {
    Drawn {
        id: String,
        title: String,
        svg: String,
    },
    Skipped {
        id: String,
        title: String,
        reason: String,
    },
}

pub struct Inputs<'a> {
    /// The date the report shows: from `SOURCE_DATE_EPOCH`, or none (byte-identical reruns).
    pub generated_on: Option<chrono::NaiveDate>,
    pub files: &'a [ReadFile],
    pub sheets: &'a [SheetReport],
    pub issues: &'a [Issue],
    /// Puts the issues into the report's words.
    pub speaker: super::messages::Speaker<'a>,
}

pub fn t(lang: Lang, fr: &str, en: &str) -> String {
    lang.pick(fr, en).to_string()
}

/// Title of the report.
pub fn title(results: &Results, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Bilan annuel du plan d'action {}", results.year),
        Lang::En => format!("Action plan yearly review {}", results.year),
    }
}

pub fn build(
    results: &Results,
    charts: &[ChartOutcome],
    inputs: &Inputs,
    lang: Lang,
) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(1, title(results, lang))];
    if let Some(day) = inputs.generated_on {
        blocks.push(Block::Paragraph(match lang {
            Lang::Fr => format!("Établi le {}.", day.format("%d/%m/%Y")),
            Lang::En => format!("Prepared on {}.", day.format("%Y-%m-%d")),
        }));
    }
    headline(&mut blocks, results, lang);
    blocks.push(Block::Heading(2, t(lang, "Graphiques", "Charts")));
    for chart in charts {
        match chart {
            ChartOutcome::Drawn { id, title, svg } => blocks.push(Block::Chart {
                id: id.clone(),
                title: title.clone(),
                svg: svg.clone(),
            }),
            ChartOutcome::Skipped { title, reason, .. } => {
                blocks.push(Block::Heading(3, title.clone()));
                blocks.push(Block::Paragraph(reason.clone()));
            }
        }
    }
    blocks.push(Block::Heading(
        2,
        t(lang, "Tableaux détaillés", "Detailed tables"),
    ));
    for table in &results.tables {
        blocks.push(Block::Heading(3, table_title(&table.id, results, lang)));
        // The trend has a column per indicator: years as columns fit a printed page.
        let text = if table.id == "trend" {
            transposed(table, results, lang)
        } else {
            text_table(table, results, lang)
        };
        blocks.push(Block::Table(text));
        if table.id == "activities_by_month" {
            without_month(&mut blocks, results, lang);
        }
    }
    next_year(&mut blocks, results, lang);
    data_quality(&mut blocks, inputs, lang);
    blocks
}

fn headline(blocks: &mut Vec<Block>, results: &Results, lang: Lang) {
    blocks.push(Block::Heading(
        2,
        t(lang, "Indicateurs clés", "Key indicators"),
    ));
    let mut rows = Vec::new();
    for row in &results.headline {
        let kind = row.unit.value_kind();
        rows.push(vec![
            row.label.clone(),
            display_optional(row.value, kind, lang),
            display_optional(row.target, kind, lang),
            display_optional(row.achievement_pct, ValueKind::Rate, lang),
            display_optional(row.previous_year, kind, lang),
            // A rate's change in percentage points; other figures' in percent (as in the CSV).
            if row.unit == Unit::Percent {
                display_points(row.value, row.previous_year, lang)
            } else {
                display_change(row.change_pct, lang)
            },
            status_words(row.status, lang),
        ]);
    }
    blocks.push(Block::Table(TextTable {
        headers: headline_titles(results, lang),
        numeric: vec![false, true, true, true, true, true, false],
        rows,
        total: None,
    }));
    if !results.has_previous_year {
        blocks.push(Block::Paragraph(match lang {
            Lang::Fr => format!(
                "Les données ne contiennent pas l'année {} : pas de comparaison.",
                results.year - 1
            ),
            Lang::En => format!(
                "The data holds no {} figures: no comparison.",
                results.year - 1
            ),
        }));
    }
}

/// The columns of the issue list (report and workbook).
pub fn issue_titles(lang: Lang) -> Vec<String> {
    vec![
        t(lang, "Gravité", "Severity"),
        t(lang, "Code", "Code"),
        t(lang, "Fichier", "File"),
        t(lang, "Feuille", "Sheet"),
        t(lang, "Ligne", "Row"),
        t(lang, "Colonne", "Column"),
        t(lang, "Message", "Message"),
    ]
}

/// The columns of the key indicators (report and workbook).
pub fn headline_titles(results: &Results, lang: Lang) -> Vec<String> {
    vec![
        t(lang, "Indicateur", "Indicator"),
        results.year.to_string(),
        t(lang, "Cible", "Target"),
        t(lang, "Atteinte", "Achievement"),
        (results.year - 1).to_string(),
        t(lang, "Évolution", "Change"),
        t(lang, "Statut", "Status"),
    ]
}

/// A status as a symbol and a word, readable in black and white (SPEC 6).
pub fn status_words(status: Status, lang: Lang) -> String {
    match status {
        Status::Met => t(lang, "✔ atteint", "✔ met"),
        Status::Close => t(lang, "≈ proche", "≈ close"),
        Status::Behind => t(lang, "✘ en retard", "✘ behind"),
        Status::None => t(lang, "– sans cible", "– no target"),
    }
}

pub fn table_title(id: &str, results: &Results, lang: Lang) -> String {
    // A user indicator's breakdown: "INDICATOR_by_DIMENSION".
    if let Some(row) = results.headline.iter().find(|h| {
        id.strip_prefix(h.id.as_str())
            .is_some_and(|rest| rest.starts_with("_by_"))
    }) {
        let dimension = &id[row.id.len() + 4..];
        return format!(
            "{} {} {}",
            row.label,
            t(lang, "par", "by"),
            column_title(dimension, results, lang).to_lowercase()
        );
    }
    let (fr, en) = match id {
        "activities_by_type" => ("Activités par type", "Activities by type"),
        "activities_by_quarter" => ("Activités par trimestre", "Activities by quarter"),
        "activities_by_month" => ("Activités réalisées par mois", "Activities by month"),
        "activities_by_axis" => (
            "Activités par axe stratégique",
            "Activities by strategic axis",
        ),
        "activities_by_partner" => ("Activités par partenaire", "Activities by partner"),
        "training_by_program" => ("Formation par programme", "Training by programme"),
        "training_by_organisation" => ("Formation par organisme", "Training by organisation"),
        "training_by_gender" => ("Formation par sexe", "Training by gender"),
        "training_by_modality" => ("Formation par modalité", "Training by modality"),
        "next_year_by_type" => (
            "Activités programmées l'année suivante, par type",
            "Next year's activities by type",
        ),
        "trend" => ("Évolution pluriannuelle", "Trend over the years"),
        other => return other.to_string(),
    };
    t(lang, fr, en)
}

/// Column headings of the tables, in the report language (the CSV keeps the codes).
pub fn column_title(column: &str, results: &Results, lang: Lang) -> String {
    if let Some(row) = results.headline.iter().find(|h| h.id == column) {
        return row.label.clone();
    }
    let (fr, en) = match column {
        "type" => ("Type", "Type"),
        "quarter" => ("Trimestre", "Quarter"),
        "month" => ("Mois", "Month"),
        "axis" => ("Axe", "Axis"),
        "partner" => ("Partenaire", "Partner"),
        "program" => ("Programme", "Programme"),
        "organisation" => ("Organisme", "Organisation"),
        "gender" => ("Sexe", "Gender"),
        "modality" => ("Modalité", "Modality"),
        "year" => ("Année", "Year"),
        "scheduled" => ("Programmées", "Scheduled"),
        "realised" => ("Réalisées", "Done"),
        "in_progress" => ("En cours", "In progress"),
        "planned" => ("Prévues", "Planned"),
        "postponed" => ("Reportées", "Postponed"),
        "cancelled" => ("Annulées", "Cancelled"),
        "execution_rate" => ("Taux de réalisation", "Execution rate"),
        "participants" => ("Participants", "Participants"),
        "women" => ("Dont femmes", "Women"),
        "realised_previous_year" => ("Réalisées l'année précédente", "Done the year before"),
        "sessions" => ("Sessions", "Sessions"),
        "registrations" => ("Inscriptions", "Registrations"),
        "trainees" => ("Bénéficiaires", "Trainees"),
        "person_hours" => ("Heures-personnes", "Person-hours"),
        "attendance_rate" => ("Taux de présence", "Attendance rate"),
        "average_satisfaction" => ("Satisfaction moyenne", "Average satisfaction"),
        "trainee_women_share" => ("Part des femmes", "Women share"),
        "hours_per_trainee" => ("Heures par bénéficiaire", "Hours per trainee"),
        "value" => ("Valeur", "Value"),
        "status" => ("Statut", "Status"),
        "project" => ("Projet", "Project"),
        "location" => ("Lieu", "Location"),
        "category" => ("Catégorie", "Category"),
        other => return other.to_string(),
    };
    t(lang, fr, en)
}

fn text_table(table: &Table, results: &Results, lang: Lang) -> TextTable {
    let mut headers = vec![column_title(table.key, results, lang)];
    headers.extend(
        table
            .columns
            .iter()
            .map(|(c, _)| column_title(c, results, lang)),
    );
    let mut numeric = vec![false];
    numeric.extend(table.columns.iter().map(|_| true));
    let format_values = |values: &[Option<f64>]| -> Vec<String> {
        table
            .columns
            .iter()
            .zip(values)
            .map(|((_, kind), v)| display_optional(*v, *kind, lang))
            .collect()
    };
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.label.clone()];
            cells.extend(format_values(&row.values));
            cells
        })
        .collect();
    let total = table.total.as_ref().map(|values| {
        let mut cells = vec![t(lang, "Total", "Total")];
        cells.extend(format_values(values));
        cells
    });
    TextTable {
        headers,
        numeric,
        rows,
        total,
    }
}

/// One row per column of `table`, one column per row (the trend: indicators down, years across).
fn transposed(table: &Table, results: &Results, lang: Lang) -> TextTable {
    let mut headers = vec![t(lang, "Indicateur", "Indicator")];
    headers.extend(table.rows.iter().map(|r| r.label.clone()));
    let rows = table
        .columns
        .iter()
        .enumerate()
        .map(|(c, (name, kind))| {
            let mut cells = vec![column_title(name, results, lang)];
            cells.extend(
                table
                    .rows
                    .iter()
                    .map(|r| display_optional(r.values[c], *kind, lang)),
            );
            cells
        })
        .collect();
    let mut numeric = vec![false];
    numeric.extend(table.rows.iter().map(|_| true));
    TextTable {
        headers,
        numeric,
        rows,
        total: None,
    }
}

/// The activities the by-month table leaves out, dated by their quarter alone (SPEC 2).
fn without_month(blocks: &mut Vec<Block>, results: &Results, lang: Lang) {
    let (this_year, previous) = results.without_month;
    let count = |n: usize, year: i32| match (lang, n) {
        (Lang::Fr, 1) => format!("1 activité de {year} est datée par son seul trimestre"),
        (Lang::Fr, n) => format!("{n} activités de {year} sont datées par leur seul trimestre"),
        (Lang::En, 1) => format!("1 activity of {year} is dated by its quarter alone"),
        (Lang::En, n) => format!("{n} activities of {year} are dated by their quarter alone"),
    };
    let mut parts = Vec::new();
    if this_year > 0 {
        parts.push(count(this_year, results.year));
    }
    if previous > 0 && results.has_previous_year {
        parts.push(count(previous, results.year - 1));
    }
    if !parts.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "{}{}",
            parts.join(t(lang, " ; ", "; ").as_str()),
            t(
                lang,
                " : elles comptent dans le total et dans leur trimestre, pas dans les mois de ce tableau.",
                ": they count in the total and in their quarter, not in the months of this table."
            )
        )));
    }
}

fn next_year(blocks: &mut Vec<Block>, results: &Results, lang: Lang) {
    let year = results.year + 1;
    blocks.push(Block::Heading(
        2,
        match lang {
            Lang::Fr => format!("Programme {year}"),
            Lang::En => format!("{year} programme"),
        },
    ));
    if results.next_year.is_empty() {
        blocks.push(Block::Paragraph(match lang {
            Lang::Fr => format!("Aucune activité n'est programmée en {year} dans les données."),
            Lang::En => format!("The data holds no activity scheduled in {year}."),
        }));
        return;
    }
    let rows = results
        .next_year
        .iter()
        .map(|a| {
            vec![
                match lang {
                    Lang::Fr => a.date.format("%d/%m/%Y").to_string(),
                    Lang::En => a.date.format("%Y-%m-%d").to_string(),
                },
                crate::indicators::type_label(&a.activity_type, &results.categories, lang),
                a.title.clone().unwrap_or_default(),
                a.axis.clone().unwrap_or_default(),
                a.partners.join("; "),
            ]
        })
        .collect();
    blocks.push(Block::Table(TextTable {
        headers: vec![
            t(lang, "Date", "Date"),
            t(lang, "Type", "Type"),
            t(lang, "Intitulé", "Title"),
            t(lang, "Axe", "Axis"),
            t(lang, "Partenaires", "Partners"),
        ],
        numeric: vec![false; 5],
        rows,
        total: None,
    }));
}

/// How many issues the report lists one by one; the rest are in `data-issues.csv`.
const LISTED_ISSUES: usize = 50;

pub fn severity_label(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => t(lang, "erreur", "error"),
        Severity::Warning => t(lang, "avertissement", "warning"),
        Severity::Info => t(lang, "information", "info"),
    }
}

fn data_quality(blocks: &mut Vec<Block>, inputs: &Inputs, lang: Lang) {
    blocks.push(Block::Heading(
        2,
        t(lang, "Qualité des données", "Data quality"),
    ));
    let mut by_code: BTreeMap<(Severity, &str), usize> = BTreeMap::new();
    for issue in inputs.issues {
        *by_code
            .entry((issue.severity, issue.code.as_str()))
            .or_default() += 1;
    }
    if by_code.is_empty() {
        blocks.push(Block::Paragraph(t(
            lang,
            "Aucun problème relevé dans les données.",
            "No issue found in the data.",
        )));
    } else {
        blocks.push(Block::Table(TextTable {
            headers: vec![
                t(lang, "Gravité", "Severity"),
                t(lang, "Code", "Code"),
                t(lang, "Nombre", "Count"),
            ],
            numeric: vec![false, false, true],
            rows: by_code
                .iter()
                .map(|((severity, code), n)| {
                    vec![
                        severity_label(*severity, lang),
                        code.to_string(),
                        display_number(*n as f64, ValueKind::Count, lang),
                    ]
                })
                .collect(),
            total: None,
        }));
        let shown = inputs.issues.len().min(LISTED_ISSUES);
        blocks.push(Block::Paragraph(match lang {
            Lang::Fr => format!(
                "Les {shown} premiers problèmes (la liste complète est dans data-issues.csv) :"
            ),
            Lang::En => format!("The first {shown} issues (data-issues.csv has them all):"),
        }));
        // Values are left out: they may hold participant names, which only data-issues.csv may show.
        blocks.push(Block::Table(TextTable {
            headers: issue_titles(lang),
            numeric: vec![false, false, false, false, true, false, false],
            rows: inputs
                .issues
                .iter()
                .take(LISTED_ISSUES)
                .map(|i| {
                    vec![
                        severity_label(i.severity, lang),
                        i.code.as_str().to_string(),
                        i.location.file.to_string(),
                        i.location.sheet.to_string(),
                        i.location.row.map(|r| r.to_string()).unwrap_or_default(),
                        i.location.column_letter(),
                        inputs.speaker.issue(i),
                    ]
                })
                .collect(),
            total: None,
        }));
    }
    blocks.push(Block::Heading(3, t(lang, "Fichiers lus", "Inputs")));
    let mut rows = Vec::new();
    for (index, file) in inputs.files.iter().enumerate() {
        let sheets: Vec<&SheetReport> = inputs
            .sheets
            .iter()
            .filter(|s| s.file_index == index)
            .collect();
        if sheets.is_empty() {
            rows.push(vec![
                file.input.display.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                file.sha256.hex().to_string(),
            ]);
        }
        for sheet in sheets {
            rows.push(vec![
                file.input.display.clone(),
                sheet.name.clone(),
                sheet
                    .dataset
                    .map(|d| d.name().to_string())
                    .unwrap_or_default(),
                display_number(sheet.kept as f64, ValueKind::Count, lang),
                display_number(sheet.rejected as f64, ValueKind::Count, lang),
                display_number(sheet.skipped as f64, ValueKind::Count, lang),
                file.sha256.hex().to_string(),
            ]);
        }
    }
    blocks.push(Block::Table(TextTable {
        headers: vec![
            t(lang, "Fichier", "File"),
            t(lang, "Feuille", "Sheet"),
            t(lang, "Jeu de données", "Dataset"),
            t(lang, "Lignes retenues", "Rows kept"),
            t(lang, "Rejetées", "Rejected"),
            t(lang, "Ignorées", "Skipped"),
            "SHA-256".to_string(),
        ],
        numeric: vec![false, false, false, true, true, true, false],
        rows,
        total: None,
    }));
}
