//! Large deterministic inputs for the benchmark of SPEC 7 (`bench/run.sh`).
//!
//! `cargo run --release --example generate_large -- [N] [DIR]` writes into DIR (default
//! `target/bench-data/N`):
//! - `shared/plan.xlsx`: a "Formations" sheet of N registrations (the 12 columns of SPEC 3.2,
//!   real date cells), text as Excel's shared strings, plus small "Activités" and "Cibles" sheets;
//! - `inline/plan.xlsx`: the same workbook with text as inline strings;
//! - `csv/formations.csv`, `csv/activites.csv`, `csv/cibles.csv`: the same rows as CSV.
//!
//! Default N: 1,000,000.

use chrono::{Datelike, Duration, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::io::Write;
use std::path::{Path, PathBuf};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

const PROGRAMS: &[&str] = &[
    "Intelligence artificielle dans l'éducation",
    "Transformation digitale de l'administration",
    "Évaluation des politiques publiques",
    "Gestion de projets",
    "Analyse de données et statistique",
    "Communication institutionnelle",
    "Anglais professionnel",
    "Cybersécurité et protection des données",
];
const ORGANISATIONS: &[&str] = &[
    "Académie régionale de Rabat-Salé-Kénitra",
    "Académie régionale de Casablanca-Settat",
    "Académie régionale de Fès-Meknès",
    "Académie régionale de Marrakech-Safi",
    "Académie régionale de l'Oriental",
    "Académie régionale de Souss-Massa",
    "Direction centrale",
    "Instance nationale d'évaluation",
];
const CATEGORIES: &[&str] = &[
    "Enseignant",
    "Inspecteur",
    "Directeur d'établissement",
    "Cadre administratif",
    "Conseiller d'orientation",
];
const MODALITIES: &[&str] = &["Présentiel", "À distance", "Hybride"];

/// One registration, as the 12 cells of a row.
struct Registration {
    session: String,
    program: &'static str,
    start: NaiveDate,
    end: NaiveDate,
    hours: f64,
    organisation: &'static str,
    participant: String,
    gender: &'static str,
    category: &'static str,
    attended: &'static str,
    modality: &'static str,
    satisfaction: Option<f64>,
}

fn registrations(n: usize) -> impl Iterator<Item = Registration> {
    let mut rng = Rng(7);
    let base = NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    (0..n).map(move |i| {
        // Sessions of 25 registrations; 200,000 staff.
        let session = i / 25;
        let program = PROGRAMS[session % PROGRAMS.len()];
        let start = base + Duration::days((session % 340) as i64);
        let hours = [6.0, 12.0, 18.0, 24.0][session % 4];
        let attended = rng.below(100) < 88;
        Registration {
            session: format!("S{session:06}"),
            program,
            start,
            end: start + Duration::days((hours / 6.0) as i64 - 1),
            hours,
            organisation: ORGANISATIONS[rng.below(ORGANISATIONS.len() as u64) as usize],
            participant: format!("P{:06}", rng.below(200_000)),
            gender: if rng.below(2) == 0 { "F" } else { "M" },
            category: CATEGORIES[rng.below(CATEGORIES.len() as u64) as usize],
            attended: if attended { "Oui" } else { "Non" },
            modality: MODALITIES[session % MODALITIES.len()],
            satisfaction: (attended && rng.below(10) < 8).then(|| 1.0 + rng.below(5) as f64),
        }
    })
}

/// The 12 columns of SPEC 3.2 under the French headers that `bilan init` writes.
fn training_headers() -> Vec<String> {
    bilan::french_headers(bilan::Dataset::Training)
}

fn excel_date(d: NaiveDate) -> ExcelDateTime {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
        .expect("a date in Excel's range")
}

fn write_training(sheet: &mut Worksheet, n: usize) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet.set_name("Formations")?;
    for (c, h) in training_headers().iter().enumerate() {
        sheet.write(0, c as u16, h)?;
    }
    for (i, r) in registrations(n).enumerate() {
        let row = i as u32 + 1;
        sheet.write(row, 0, &r.session)?;
        sheet.write(row, 1, r.program)?;
        sheet.write_date_with_format(row, 2, excel_date(r.start), &date)?;
        sheet.write_date_with_format(row, 3, excel_date(r.end), &date)?;
        sheet.write(row, 4, r.hours)?;
        sheet.write(row, 5, r.organisation)?;
        sheet.write(row, 6, &r.participant)?;
        sheet.write(row, 7, r.gender)?;
        sheet.write(row, 8, r.category)?;
        sheet.write(row, 9, r.attended)?;
        sheet.write(row, 10, r.modality)?;
        if let Some(s) = r.satisfaction {
            sheet.write(row, 11, s)?;
        }
    }
    Ok(())
}

const ACTIVITIES: [&str; 5] = [
    "Date de début",
    "Type d'activité",
    "Intitulé",
    "Statut",
    "Nombre de participants",
];

fn activity_rows() -> Vec<[String; 5]> {
    (0..300)
        .map(|i| {
            let day =
                NaiveDate::from_ymd_opt(2024, 1, 2).expect("a date") + Duration::days(i % 360);
            [
                day.format("%d/%m/%Y").to_string(),
                ["Atelier", "Réunion", "Séminaire", "Forum"][i as usize % 4].to_string(),
                format!("Activité {i}"),
                if i % 7 == 0 { "Reporté" } else { "Réalisé" }.to_string(),
                (10 + i % 90).to_string(),
            ]
        })
        .collect()
}

fn write_small_sheets(workbook: &mut Workbook) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name("Activités")?;
    for (c, h) in ACTIVITIES.iter().enumerate() {
        sheet.write(0, c as u16, *h)?;
    }
    for (i, row) in activity_rows().iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write(i as u32 + 1, c as u16, v)?;
        }
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name("Cibles")?;
    for (r, row) in [
        ["Année", "Indicateur", "Cible"],
        ["2024", "trainees", "150000"],
        ["2024", "Taux de présence", "90 %"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            sheet.write(r as u32, c as u16, *v)?;
        }
    }
    Ok(())
}

fn write_workbook(path: &Path, n: usize, inline: bool) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    // Low-memory mode keeps shared strings; constant-memory mode writes strings inline.
    let sheet = if inline {
        workbook.add_worksheet_with_constant_memory()?
    } else {
        workbook.add_worksheet_with_low_memory()?
    };
    write_training(sheet, n)?;
    write_small_sheets(&mut workbook)?;
    workbook.save(path)
}

fn csv_field(text: &str) -> String {
    if text.contains([';', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn write_csv(dir: &Path, n: usize) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join("formations.csv"))?);
    writeln!(out, "{}", training_headers().join(";"))?;
    for r in registrations(n) {
        let satisfaction = r.satisfaction.map(|s| s.to_string()).unwrap_or_default();
        writeln!(
            out,
            "{};{};{};{};{};{};{};{};{};{};{};{}",
            r.session,
            csv_field(r.program),
            r.start.format("%d/%m/%Y"),
            r.end.format("%d/%m/%Y"),
            r.hours,
            csv_field(r.organisation),
            r.participant,
            r.gender,
            csv_field(r.category),
            r.attended,
            r.modality,
            satisfaction
        )?;
    }
    out.flush()?;
    let mut activities = format!("{}\n", ACTIVITIES.join(";"));
    for row in activity_rows() {
        activities.push_str(
            &row.iter()
                .map(|v| csv_field(v))
                .collect::<Vec<_>>()
                .join(";"),
        );
        activities.push('\n');
    }
    std::fs::write(dir.join("activites.csv"), activities)?;
    std::fs::write(
        dir.join("cibles.csv"),
        "Année;Indicateur;Cible\n2024;trainees;150000\n2024;Taux de présence;90 %\n",
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .map(|a| a.replace('_', "").parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(format!("target/bench-data/{n}")));
    for sub in ["shared", "inline", "csv"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    write_workbook(&dir.join("shared/plan.xlsx"), n, false)?;
    write_workbook(&dir.join("inline/plan.xlsx"), n, true)?;
    write_csv(&dir.join("csv"), n)?;
    eprintln!("wrote {n} registrations in {}", dir.display());
    Ok(())
}
