//! Writes the shipped sample inputs in `data/` (deterministic: same bytes on every run).
//!
//! `cargo run --example generate_sample` rewrites:
//! - `data/plan_action_2023_2024.xlsx`: sheets "Activités", "Formations", "Cibles" and a "Notes" sheet;
//! - `data/programme_2025.csv`: next year's planned activities, as a French Excel CSV export.
//!
//! The content imitates a council's register (types, partners, programmes, staff) and carries a
//! few deliberate warnings (duplicate id, women above participants, unknown type, total row,
//! duplicate registration, satisfaction out of range, conflicting hours, end before start)
//! so that the report's data-quality section has content. It holds no error.

use chrono::{Datelike, Duration, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

const TYPES: &[(&str, u64)] = &[
    ("Réunion", 30),
    ("Atelier", 22),
    ("Journée d'étude", 10),
    ("Forum", 4),
    ("Colloque", 4),
    ("Séminaire", 8),
    ("Programme conjoint", 5),
    ("Appui technique", 7),
    ("Formation", 5),
    ("Échange d'informations", 6),
    ("Autre", 3),
];

const AXES: &[&str] = &[
    "Axe 1 : Équité et égalité des chances",
    "Axe 2 : Qualité de l'école et des apprentissages",
    "Axe 3 : Gouvernance et pilotage du système",
    "Axe 4 : Recherche scientifique et innovation",
    "Axe 5 : Transformation numérique de l'éducation",
];

const PARTNERS: &[&str] = &[
    "Ministère de la Transition numérique et de la Réforme de l'administration",
    "Ministère de l'Éducation nationale, du Préscolaire et des Sports",
    "Ministère de l'Enseignement supérieur, de la Recherche scientifique et de l'Innovation",
    "Agence de développement du digital",
    "UNESCO",
    "UNICEF",
    "Banque mondiale",
    "Union européenne",
    "Académies régionales d'éducation et de formation",
    "Université Mohammed V de Rabat",
    "Observatoire national du développement humain",
    "Conseil économique, social et environnemental",
];

const PROJECTS: &[&str] = &[
    "Évaluation du préscolaire",
    "Programme national d'évaluation des acquis (PNEA)",
    "Atlas territorial de l'abandon scolaire",
    "Rapport annuel sur l'état de l'école",
    "Stratégie numérique du Conseil",
];

const TOPICS: &[&str] = &[
    "l'intelligence artificielle dans l'éducation",
    "l'évaluation des acquis des élèves",
    "la gouvernance territoriale de l'école",
    "l'inclusion des enfants en situation de handicap",
    "la formation des enseignants",
    "le préscolaire",
    "l'abandon scolaire en milieu rural",
    "la transformation digitale de l'administration",
    "l'enseignement supérieur et l'employabilité",
    "la recherche scientifique nationale",
    "les langues d'enseignement",
    "l'orientation scolaire et professionnelle",
];

const LOCATIONS: &[&str] = &[
    "Rabat",
    "Rabat",
    "Rabat",
    "Casablanca",
    "Marrakech",
    "Fès",
    "Tanger",
    "Agadir",
    "Oujda",
    "En ligne",
];

const PROGRAMS: &[(&str, &[i64])] = &[
    ("Intelligence artificielle dans l'éducation", &[12, 18, 24]),
    ("Transformation digitale de l'administration", &[12, 16]),
    ("Évaluation des politiques publiques", &[18, 24, 30]),
    ("Gestion de projets", &[12, 14]),
    ("Analyse de données et statistique", &[15, 21]),
    ("Communication institutionnelle", &[6, 9]),
    ("Anglais professionnel", &[20, 30]),
    ("Cybersécurité et protection des données", &[6, 12]),
];

const ORGANISATIONS: &[&str] = &[
    "Instance nationale d'évaluation",
    "Pôle Études et Recherches",
    "Secrétariat général",
    "Pôle Administratif et Financier",
    "Commissions permanentes",
    "Cellule Communication",
];

const CATEGORIES: &[&str] = &[
    "Cadre supérieur",
    "Cadre",
    "Chercheur",
    "Technicien",
    "Agent administratif",
];
const MODALITIES: &[(&str, u64)] = &[("Présentiel", 60), ("À distance", 25), ("Hybride", 15)];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid calendar date")
}

/// A working day of `year` (1..=365), skipping the summer break.
fn work_day(rng: &mut Rng, year: i32) -> NaiveDate {
    loop {
        let day = date(year, 1, 1) + Duration::days(rng.range(6, 350));
        let weekday = day.weekday().num_days_from_monday();
        if weekday < 5 && !(day.month() == 8 && rng.chance(80)) {
            return day;
        }
    }
}

fn excel_date(d: NaiveDate) -> ExcelDateTime {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
        .expect("date in Excel's range")
}

#[derive(Clone)]
struct Activity {
    id: String,
    date: NaiveDate,
    end: Option<NaiveDate>,
    kind: String,
    title: String,
    axis: &'static str,
    project: Option<&'static str>,
    partners: Vec<&'static str>,
    status: &'static str,
    participants: Option<i64>,
    women: Option<i64>,
    budget_planned: Option<i64>,
    budget_spent: Option<i64>,
    location: &'static str,
}

fn title_for(kind: &str, topic: &str) -> String {
    match kind {
        "Réunion" => format!("Réunion de coordination sur {topic}"),
        "Atelier" => format!("Atelier de réflexion sur {topic}"),
        "Journée d'étude" => format!("Journée d'étude : {topic}"),
        "Forum" => format!("Forum national sur {topic}"),
        "Colloque" => format!("Colloque international sur {topic}"),
        "Séminaire" => format!("Séminaire sur {topic}"),
        "Programme conjoint" => format!("Programme conjoint sur {topic}"),
        "Appui technique" => format!("Appui technique pour {topic}"),
        "Formation" => format!("Session de formation sur {topic}"),
        "Échange d'informations" => format!("Échange d'expériences sur {topic}"),
        _ => format!("Activité diverse : {topic}"),
    }
}

fn activities(rng: &mut Rng, year: i32, count: usize, reference_day: NaiveDate) -> Vec<Activity> {
    let mut list: Vec<Activity> = (0..count)
        .map(|_| {
            let kind = (*rng.weighted(TYPES)).to_string();
            let day = work_day(rng, year);
            let long = matches!(
                kind.as_str(),
                "Forum" | "Colloque" | "Programme conjoint" | "Appui technique"
            );
            let end = if long {
                Some(day + Duration::days(rng.range(1, 3)))
            } else {
                None
            };
            let past = day < reference_day;
            let status = if past {
                *rng.weighted(&[
                    ("Réalisé", 84),
                    ("Reporté", 7),
                    ("Annulé", 5),
                    ("En cours", 4),
                ])
            } else {
                *rng.weighted(&[("Prévu", 70), ("En cours", 25), ("Reporté", 5)])
            };
            let partner_count = *rng.weighted(&[(0, 30), (1, 45), (2, 20), (3, 5)]);
            let mut partners = Vec::new();
            while partners.len() < partner_count {
                let p = rng.pick(PARTNERS);
                if !partners.contains(&p) {
                    partners.push(p);
                }
            }
            let done = status == "Réalisé";
            let participants = if done {
                Some(rng.range(8, if long { 320 } else { 90 }))
            } else {
                None
            };
            let women =
                participants.and_then(|p| (!rng.chance(8)).then(|| p * rng.range(30, 58) / 100));
            let budget_planned = (!matches!(kind.as_str(), "Réunion" | "Échange d'informations")
                && rng.chance(85))
            .then(|| rng.range(2, 80) * 5_000);
            let budget_spent = match (budget_planned, status) {
                (Some(b), "Réalisé") => Some(b * rng.range(65, 108) / 100),
                (Some(b), "En cours") => Some(b * rng.range(10, 50) / 100),
                _ => None,
            };
            Activity {
                id: String::new(),
                date: day,
                end,
                title: title_for(&kind, rng.pick(TOPICS)),
                kind,
                axis: rng.pick(AXES),
                project: rng.chance(40).then(|| rng.pick(PROJECTS)),
                partners,
                status,
                participants,
                women,
                budget_planned,
                budget_spent,
                location: rng.pick(LOCATIONS),
            }
        })
        .collect();
    list.sort_by_key(|a| a.date);
    for (i, a) in list.iter_mut().enumerate() {
        a.id = format!("PA{}-{:03}", year % 100, i + 1);
    }
    list
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color("#DCE6F1")
        .set_text_wrap()
}

fn write_activities(sheet: &mut Worksheet, rows: &[Activity]) -> Result<(), XlsxError> {
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let money = Format::new().set_num_format("# ##0");
    sheet.set_name("Activités")?;
    sheet.write_with_format(
        0,
        0,
        "Conseil supérieur de l'éducation, de la formation et de la recherche scientifique",
        &Format::new().set_bold(),
    )?;
    sheet.write(
        1,
        0,
        "Suivi du plan d'action 2023-2024 — registre des activités (une ligne par activité)",
    )?;
    let headers = [
        "Référence",
        "Date de début",
        "Date de fin",
        "Type d'activité",
        "Intitulé",
        "Axe stratégique",
        "Projet",
        "Partenaires",
        "Statut",
        "Nombre de participants",
        "Dont femmes",
        "Budget prévu (MAD)",
        "Budget réalisé (MAD)",
        "Lieu",
    ];
    let header = header_format();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_with_format(3, c as u16, *h, &header)?;
    }
    let mut r = 4u32;
    let mut total_participants = 0;
    for a in rows {
        sheet.write(r, 0, &a.id)?;
        sheet.write_date_with_format(r, 1, excel_date(a.date), &date_format)?;
        if let Some(end) = a.end {
            sheet.write_date_with_format(r, 2, excel_date(end), &date_format)?;
        }
        sheet.write(r, 3, &a.kind)?;
        sheet.write(r, 4, &a.title)?;
        sheet.write(r, 5, a.axis)?;
        if let Some(p) = a.project {
            sheet.write(r, 6, p)?;
        }
        if !a.partners.is_empty() {
            sheet.write(r, 7, a.partners.join(" ; "))?;
        }
        sheet.write(r, 8, a.status)?;
        if let Some(p) = a.participants {
            sheet.write(r, 9, p as f64)?;
            total_participants += p;
        }
        if let Some(w) = a.women {
            sheet.write(r, 10, w as f64)?;
        }
        if let Some(b) = a.budget_planned {
            sheet.write_with_format(r, 11, b as f64, &money)?;
        }
        if let Some(b) = a.budget_spent {
            sheet.write_with_format(r, 12, b as f64, &money)?;
        }
        sheet.write(r, 13, a.location)?;
        r += 1;
    }
    sheet.write_with_format(r, 0, "Total", &Format::new().set_bold())?;
    sheet.write(r, 9, total_participants as f64)?;
    sheet.set_column_width(4, 60)?;
    sheet.set_column_width(5, 40)?;
    sheet.set_column_width(7, 50)?;
    Ok(())
}

/// The deliberate warnings of the activities register.
fn add_activity_warnings(list: &mut Vec<Activity>) {
    // A row pasted twice: same reference, same year (duplicate-id).
    let copy = list[40].clone();
    list.insert(41, copy);
    // More women than participants (inconsistent-row; women emptied).
    if let Some(a) = list.iter_mut().skip(60).find(|a| a.participants.is_some()) {
        a.women = a.participants.map(|p| p + 4);
    }
    // A type outside the list (unknown-category warning; kept as "Webinaire").
    for a in list.iter_mut().skip(100).step_by(57).take(3) {
        a.kind = "Webinaire".to_string();
    }
    // An end date typed before the start (inconsistent-row; end emptied).
    if let Some(a) = list.iter_mut().skip(150).find(|a| a.end.is_some()) {
        a.end = Some(a.date - Duration::days(2));
    }
}

#[derive(Clone)]
struct Registration {
    session: String,
    program: &'static str,
    start: NaiveDate,
    end: NaiveDate,
    hours: i64,
    organisation: &'static str,
    matricule: String,
    gender: &'static str,
    category: &'static str,
    attended: bool,
    modality: &'static str,
    satisfaction: Option<f64>,
}

struct Staff {
    matricule: String,
    gender: &'static str,
    organisation: &'static str,
    category: &'static str,
}

fn staff(rng: &mut Rng) -> Vec<Staff> {
    (1..=420)
        .map(|i| Staff {
            matricule: format!("M{:05}", 10_000 + i * 7),
            gender: if rng.chance(47) { "F" } else { "M" },
            organisation: rng.pick(ORGANISATIONS),
            category: rng.pick(CATEGORIES),
        })
        .collect()
}

fn registrations(rng: &mut Rng, year: i32, sessions: usize, people: &[Staff]) -> Vec<Registration> {
    let mut out = Vec::new();
    for s in 0..sessions {
        let (program, durations) = rng.pick(PROGRAMS);
        let hours = rng.pick(durations);
        let start = work_day(rng, year);
        let end = start + Duration::days((hours / 6).max(1) - 1);
        let modality = *rng.weighted(MODALITIES);
        let code = format!("F{}-{:03}", year % 100, s + 1);
        let size = rng.range(12, 34) as usize;
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < size {
            let i = rng.below(people.len() as u64) as usize;
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        chosen.sort_unstable();
        for i in chosen {
            let p = &people[i];
            let attended = rng.chance(89);
            let satisfaction = (attended && rng.chance(80))
                .then(|| *rng.weighted(&[(3.0, 15), (4.0, 45), (5.0, 35), (2.0, 4), (1.0, 1)]));
            out.push(Registration {
                session: code.clone(),
                program,
                start,
                end,
                hours,
                organisation: p.organisation,
                matricule: p.matricule.clone(),
                gender: p.gender,
                category: p.category,
                attended,
                modality,
                satisfaction,
            });
        }
    }
    out.sort_by(|a, b| (a.start, &a.session).cmp(&(b.start, &b.session)));
    out
}

fn add_training_warnings(list: &mut Vec<Registration>) {
    // The same person registered twice to one session (duplicate-registration).
    let copy = list[300].clone();
    list.insert(301, copy);
    // A satisfaction typed out of the 1..5 scale (out-of-range; emptied).
    if let Some(r) = list.iter_mut().skip(900).find(|r| r.satisfaction.is_some()) {
        r.satisfaction = Some(6.0);
    }
    // One row of a session with other hours than the rest (conflicting-hours).
    list[1500].hours += 3;
}

fn write_training(sheet: &mut Worksheet, rows: &[Registration]) -> Result<(), XlsxError> {
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    sheet.set_name("Formations")?;
    // The French headers of SPEC 3.2, as `bilan init` writes them.
    let headers = bilan::french_headers(bilan::Dataset::Training);
    let header = header_format();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_with_format(0, c as u16, h, &header)?;
    }
    for (i, reg) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write(r, 0, &reg.session)?;
        sheet.write(r, 1, reg.program)?;
        sheet.write_date_with_format(r, 2, excel_date(reg.start), &date_format)?;
        sheet.write_date_with_format(r, 3, excel_date(reg.end), &date_format)?;
        sheet.write(r, 4, reg.hours as f64)?;
        sheet.write(r, 5, reg.organisation)?;
        sheet.write(r, 6, &reg.matricule)?;
        sheet.write(r, 7, reg.gender)?;
        sheet.write(r, 8, reg.category)?;
        sheet.write(r, 9, if reg.attended { "Oui" } else { "Non" })?;
        sheet.write(r, 10, reg.modality)?;
        if let Some(s) = reg.satisfaction {
            sheet.write(r, 11, s)?;
        }
    }
    sheet.set_column_width(1, 45)?;
    sheet.set_column_width(5, 32)?;
    Ok(())
}

fn write_targets(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_name("Cibles")?;
    let header = header_format();
    for (c, h) in ["Année", "Indicateur", "Cible"].iter().enumerate() {
        sheet.write_with_format(0, c as u16, *h, &header)?;
    }
    // Indicators named by id, French label or English label, rates as numbers or "85 %".
    let rows: &[(i32, &str, &str)] = &[
        (2023, "activities_realised", "190"),
        (2023, "Taux de réalisation", "80 %"),
        (2023, "trainees", "330"),
        (2024, "Activités réalisées", "220"),
        (2024, "Taux de réalisation", "85 %"),
        (2024, "engagement_rate", "90"),
        (2024, "Participants aux activités", "10000"),
        (2024, "Part des femmes parmi les participants", "45 %"),
        (2024, "Partenaires mobilisés", "12"),
        (2024, "Budget execution rate", "90 %"),
        (2024, "Sessions de formation tenues", "100"),
        (2024, "Bénéficiaires formés", "380"),
        (2024, "training_person_hours", "40000"),
        (2024, "Taux de présence", "90 %"),
        (2024, "Part des femmes parmi les bénéficiaires", "50 %"),
        (2024, "Satisfaction moyenne (sur 5)", "4,2"),
        (2024, "Activités programmées l'année suivante", "150"),
    ];
    for (i, (year, indicator, target)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write(r, 0, *year as f64)?;
        sheet.write(r, 1, *indicator)?;
        match target.parse::<f64>() {
            Ok(n) => sheet.write(r, 2, n)?,
            Err(_) => sheet.write(r, 2, *target)?,
        };
    }
    sheet.set_column_width(1, 45)?;
    Ok(())
}

fn write_notes(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_name("Notes")?;
    sheet.write(0, 0, "Consignes de saisie")?;
    sheet.write(1, 0, "Une ligne par activité ; les dates au format jj/mm/aaaa ; le statut parmi Réalisé, En cours, Prévu, Reporté, Annulé.")?;
    Ok(())
}

fn programme_csv(rows: &[Activity]) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    let mut text = String::from("Référence;Date de début;Type d'activité;Intitulé;Axe stratégique;Partenaires;Statut;Budget prévu;Lieu\r\n");
    let quote = |s: &str| {
        if s.contains([';', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    for a in rows {
        let budget = a
            .budget_planned
            .map(|b| format!("{} {:03},00", b / 1000, b % 1000))
            .unwrap_or_default();
        text.push_str(
            &[
                quote(&a.id),
                a.date.format("%d/%m/%Y").to_string(),
                quote(&a.kind),
                quote(&a.title),
                quote(a.axis),
                quote(&a.partners.join("; ")),
                a.status.to_string(),
                budget,
                quote(a.location),
            ]
            .join(";"),
        );
        text.push_str("\r\n");
    }
    out.extend_from_slice(text.as_bytes());
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut rng = Rng(20_241_205);
    // The council's session of December 2024: what is before it happened or not, what is after is planned.
    let session_day = date(2024, 12, 5);
    let mut acts_2023 = activities(&mut rng, 2023, 225, session_day);
    let mut acts_2024 = activities(&mut rng, 2024, 265, session_day);
    add_activity_warnings(&mut acts_2024);
    let acts_2025: Vec<Activity> = activities(&mut rng, 2025, 130, session_day);
    let mut all = Vec::new();
    all.append(&mut acts_2023);
    all.append(&mut acts_2024);

    let people = staff(&mut rng);
    let mut regs = registrations(&mut rng, 2023, 85, &people);
    let mut regs_2024 = registrations(&mut rng, 2024, 105, &people);
    add_training_warnings(&mut regs_2024);
    regs.append(&mut regs_2024);

    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 12, 2)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_author("Pôle Études et Recherches"),
    );
    write_activities(workbook.add_worksheet(), &all)?;
    write_training(workbook.add_worksheet(), &regs)?;
    write_targets(workbook.add_worksheet())?;
    write_notes(workbook.add_worksheet())?;
    std::fs::create_dir_all("data")?;
    workbook.save("data/plan_action_2023_2024.xlsx")?;
    std::fs::write("data/programme_2025.csv", programme_csv(&acts_2025))?;
    eprintln!(
        "wrote data/plan_action_2023_2024.xlsx ({} activities, {} registrations) and data/programme_2025.csv ({} activities)",
        all.len(),
        regs.len(),
        acts_2025.len()
    );
    Ok(())
}
