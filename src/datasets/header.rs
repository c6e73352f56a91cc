//! Finding the header row of a sheet and the dataset it belongs to.

use super::schema::{match_header, Dataset, FieldAliases};
use crate::read::Sheet;

/// How many non-empty rows from the top may sit above the header (titles, logos, notes).
pub const HEADER_SEARCH_ROWS: usize = 30;

/// The header row found in a sheet and which column holds each field.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub dataset: Dataset,
    /// Index in `sheet.rows` of the header row.
    pub row_index: usize,
    /// Spreadsheet row number of the header.
    pub row_number: u32,
    /// For each field of the dataset (same order as `Dataset::fields`), its column and header text.
    pub columns: Vec<Option<(usize, String)>>,
    /// Columns naming a field already mapped to an earlier column: (column, header, field).
    pub duplicates: Vec<(usize, String, &'static str)>,
}

impl Header {
    pub fn column_of(&self, field: usize) -> Option<usize> {
        self.columns[field].as_ref().map(|(c, _)| *c)
    }

    pub fn missing_required(&self) -> Vec<&'static str> {
        self.dataset
            .fields()
            .iter()
            .zip(&self.columns)
            .filter(|(f, c)| f.required && c.is_none())
            .map(|(f, _)| f.name)
            .collect()
    }
}

/// What the header search concluded for a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum HeaderSearch {
    /// Every required field has a column.
    Found(Header),
    /// A row names most required fields of a dataset but not all: report what is missing.
    Incomplete(Header),
    NotFound,
}

/// The first row among the first 30 non-empty ones that names every required field of a dataset.
pub fn find_header(sheet: &Sheet, aliases: &FieldAliases, only: Option<Dataset>) -> HeaderSearch {
    let candidates = sheet
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(HEADER_SEARCH_ROWS);
    let mut best_partial: Option<(usize, Header)> = None;
    for (index, row) in candidates {
        let mut complete: Option<(usize, Header)> = None;
        for dataset in Dataset::ALL
            .into_iter()
            .filter(|d| only.is_none_or(|o| o == *d))
        {
            let header = map_row(dataset, index, row, aliases);
            let matched = header.columns.iter().filter(|c| c.is_some()).count();
            let required = dataset.fields().iter().filter(|f| f.required).count();
            let missing = header.missing_required().len();
            if missing == 0 {
                if complete.as_ref().is_none_or(|(m, _)| matched > *m) {
                    complete = Some((matched, header));
                }
            } else if required - missing >= 2 && (required - missing) * 2 >= required {
                let score = required - missing;
                if best_partial.as_ref().is_none_or(|(s, _)| score > *s) {
                    best_partial = Some((score, header));
                }
            }
        }
        if let Some((_, header)) = complete {
            return HeaderSearch::Found(header);
        }
    }
    match best_partial {
        Some((_, header)) => HeaderSearch::Incomplete(header),
        None => HeaderSearch::NotFound,
    }
}

/// The header at a given spreadsheet row, for a sheet whose dataset and header row the config names.
pub fn header_at(
    sheet: &Sheet,
    dataset: Dataset,
    row_number: u32,
    aliases: &FieldAliases,
) -> HeaderSearch {
    let Some((index, row)) = sheet
        .rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.number == row_number)
    else {
        return HeaderSearch::NotFound;
    };
    let header = map_row(dataset, index, row, aliases);
    if header.missing_required().is_empty() {
        HeaderSearch::Found(header)
    } else {
        HeaderSearch::Incomplete(header)
    }
}

fn map_row(
    dataset: Dataset,
    row_index: usize,
    row: &crate::read::Row,
    aliases: &FieldAliases,
) -> Header {
    let mut columns: Vec<Option<(usize, String)>> = vec![None; dataset.fields().len()];
    let mut duplicates = Vec::new();
    for (column, cell) in row.cells.iter().enumerate() {
        let text = cell.display();
        let Some(field) = match_header(dataset, &text, aliases) else {
            continue;
        };
        if columns[field].is_some() {
            duplicates.push((column, text, dataset.fields()[field].name));
        } else {
            columns[field] = Some((column, text));
        }
    }
    Header {
        dataset,
        row_index,
        row_number: row.number,
        columns,
        duplicates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{Cell, Row};

    fn row(number: u32, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(c.to_string())
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn header_is_found_below_title_rows() {
        let sheet = Sheet {
            name: "Activités".into(),
            rows: vec![
                row(1, &["Plan d'action 2024"]),
                row(2, &[]),
                row(3, &["Note : saisir une ligne par activité"]),
                row(
                    4,
                    &[
                        "N°",
                        "Date de début",
                        "Type d'activité",
                        "Intitulé",
                        "Statut",
                    ],
                ),
                row(5, &["A1", "12/03/2024", "Atelier", "IA", "Réalisé"]),
            ],
        };
        let HeaderSearch::Found(header) = find_header(&sheet, &FieldAliases::default(), None)
        else {
            panic!("no header")
        };
        assert_eq!(header.dataset, Dataset::Activities);
        assert_eq!(header.row_number, 4);
        assert_eq!(header.column_of(1), Some(1));
    }

    #[test]
    fn a_missing_required_column_is_incomplete() {
        let sheet = Sheet {
            name: "S".into(),
            rows: vec![row(1, &["Date", "Type", "Intitulé"])],
        };
        let HeaderSearch::Incomplete(header) = find_header(&sheet, &FieldAliases::default(), None)
        else {
            panic!("expected incomplete")
        };
        assert_eq!(header.missing_required(), vec!["status"]);
    }

    #[test]
    fn unrelated_sheet_is_not_found() {
        let sheet = Sheet {
            name: "Notes".into(),
            rows: vec![row(1, &["Remarques", "Auteur"])],
        };
        assert_eq!(
            find_header(&sheet, &FieldAliases::default(), None),
            HeaderSearch::NotFound
        );
    }
}
