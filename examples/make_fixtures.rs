//! Writes `tests/fixtures/source/registre.xlsx`, the hand-filled register that the
//! format fixtures are made from: `tests/fixtures/make.sh` has LibreOffice save it
//! as xlsx, xlsm, ods and xls. Expected results are worked out in `tests/formats.rs`.

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, XlsxError};

fn main() -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let bold = Format::new().set_bold();
    let d = |y: u16, m: u8, day: u8| ExcelDateTime::from_ymd(y, m, day);
    let sheet = workbook.add_worksheet();
    sheet.set_name("Suivi")?;
    sheet.merge_range(
        0,
        0,
        0,
        5,
        "Département des études — suivi du plan d'action 2024",
        &bold,
    )?;
    // A two-row header: single headers merged over rows 3-4, "Participants" over "Total" and "Dont femmes".
    for (col, title) in [
        (0, "N°"),
        (1, "Date de début"),
        (2, "Type d'activité"),
        (3, "Statut"),
        (6, "Budget prévu"),
        (7, "Commentaire"),
    ] {
        sheet.merge_range(2, col, 3, col, title, &bold)?;
    }
    sheet.merge_range(2, 4, 2, 5, "Participants", &bold)?;
    sheet.write_with_format(3, 4, "Total", &bold)?;
    sheet.write_with_format(3, 5, "Dont femmes", &bold)?;

    // Row 5: typed as cells.
    sheet.write(4, 0, "A1")?;
    sheet.write_date_with_format(4, 1, d(2024, 1, 15)?, &date)?;
    sheet.write(4, 2, "Atelier")?;
    sheet.write(4, 3, "Réalisé")?;
    sheet.write(4, 4, 30)?;
    sheet.write(4, 5, 12)?;
    sheet.write(4, 6, 10000)?;
    // Row 6: typed as text, French style.
    for (col, value) in [
        "A2",
        "05/02/2024",
        "journée d'études",
        "REALISE",
        "25",
        "10",
        "12 500,50",
    ]
    .iter()
    .enumerate()
    {
        sheet.write(5, col as u16, *value)?;
    }
    // Row 7: a month-name date, an alias of a type and of a status, a currency mark.
    for (col, value) in [
        (0, "A3"),
        (1, "1er avril 2024"),
        (2, "Conférence"),
        (3, "en préparation"),
        (6, "5 000 MAD"),
    ] {
        sheet.write(6, col, value)?;
    }
    // Row 8: hidden, read like the others.
    sheet.write(7, 0, "A4")?;
    sheet.write_date_with_format(7, 1, d(2024, 6, 10)?, &date)?;
    sheet.write(7, 2, "Réunion")?;
    sheet.write(7, 3, "Réalisé")?;
    sheet.write(7, 4, 8)?;
    sheet.write(7, 5, 3)?;
    sheet.set_row_hidden(7)?;
    // Row 9: an error value in an optional field (cell-error, the field is emptied).
    sheet.write(8, 0, "A5")?;
    sheet.write_date_with_format(8, 1, d(2024, 7, 1)?, &date)?;
    sheet.write(8, 2, "Forum")?;
    sheet.write(8, 3, "Réalisé")?;
    sheet.write_formula(8, 4, Formula::new("=1/0").set_result("#DIV/0!"))?;
    sheet.write(8, 5, 5)?;
    // Row 10: a date that does not exist (invalid-date, row rejected).
    for (col, value) in [(0, "A6"), (1, "31/02/2024"), (2, "Atelier"), (3, "Réalisé")] {
        sheet.write(9, col, value)?;
    }
    // Row 11: a status outside the list (unknown-category, row rejected).
    sheet.write(10, 0, "A7")?;
    sheet.write_date_with_format(10, 1, d(2024, 9, 9)?, &date)?;
    sheet.write(10, 2, "Atelier")?;
    sheet.write(10, 3, "Peut-être")?;
    // Row 12: a negative count (negative-value, emptied).
    sheet.write(11, 0, "A8")?;
    sheet.write_date_with_format(11, 1, d(2024, 10, 10)?, &date)?;
    sheet.write(11, 2, "Séminaire")?;
    sheet.write(11, 3, "Réalisé")?;
    sheet.write(11, 4, -4)?;
    // Row 13: a count with decimals (not-an-integer, emptied).
    sheet.write(12, 0, "A9")?;
    sheet.write_date_with_format(12, 1, d(2024, 11, 11)?, &date)?;
    sheet.write(12, 2, "Séminaire")?;
    sheet.write(12, 3, "Réalisé")?;
    sheet.write(12, 4, 12.5)?;
    // Row 14: the total people add.
    sheet.write_with_format(13, 0, "Total", &bold)?;
    sheet.write(13, 4, 63)?;
    // A hidden extra column with comments: not a field, ignored.
    sheet.write(4, 7, "bilan positif")?;
    sheet.set_column_hidden(7)?;
    std::fs::create_dir_all("tests/fixtures/source").map_err(XlsxError::IoError)?;
    workbook.save("tests/fixtures/source/registre.xlsx")
}
