//! Finding the header row of a sheet and the dataset it belongs to.

use super::normalize::normalize_key;
use super::schema::{match_header, Dataset, FieldAliases, Matched};
use crate::read::Sheet;
use std::sync::Arc;

/// How many non-empty rows from the top may sit above the header (titles, logos, notes).
pub const HEADER_SEARCH_ROWS: usize = 30;

/// The header row found in a sheet and which column holds each field.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub dataset: Dataset,
    /// Index in `sheet.rows` of the (first) header row.
    pub row_index: usize,
    /// Spreadsheet row number of the (first) header row.
    pub row_number: u32,
    /// 1, or 2 for a header with a group row above ("Participants" over "Total" and "Dont femmes").
    pub height: usize,
    /// For each field of the dataset (same order as `Dataset::fields`), its column and header text.
    pub columns: Vec<Option<(usize, Arc<str>)>>,
    /// Columns naming a field already mapped to an earlier column: (column, header, field).
    pub duplicates: Vec<(usize, String, &'static str)>,
    /// The fields whose header was read by meaning rather than matched to an alias as written.
    pub by_meaning: Vec<usize>,
    /// Fields that several headers could mean, none matched as written: left unmatched, with the
    /// candidate headers (column, text), for a warning that names them.
    pub ambiguous: Vec<(&'static str, Vec<(usize, String)>)>,
    /// A targets matrix (one row per indicator, one column per year: « 2024 », « Cible 2025 »):
    /// each year's column and its year. Empty for every other header.
    pub years: Vec<(usize, i32)>,
}

impl Header {
    pub fn column_of(&self, field: usize) -> Option<usize> {
        self.columns[field].as_ref().map(|(c, _)| *c)
    }

    /// Index in `sheet.rows` of the first data row.
    pub fn data_start(&self) -> usize {
        self.row_index + self.height
    }

    pub fn missing_required(&self) -> Vec<&'static str> {
        // A matrix gives the year and the target of a cell by its column.
        let by_column = |name: &str| !self.years.is_empty() && (name == "year" || name == "target");
        self.dataset
            .fields()
            .iter()
            .zip(&self.columns)
            .filter(|(f, c)| f.required && c.is_none() && !by_column(f.name))
            .map(|(f, _)| f.name)
            .collect()
    }

    fn matched(&self) -> usize {
        self.columns.iter().filter(|c| c.is_some()).count()
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

/// A header cell: the text to show and the names to try, in order.
struct HeaderCell {
    shown: String,
    names: Vec<String>,
}

/// The header cells of row `index`, or of rows `index` and `index + 1` read as one two-row header.
fn header_cells(sheet: &Sheet, index: usize, two_rows: bool) -> Vec<HeaderCell> {
    let text = |row: usize, col: usize| sheet.visible(row, col).display().trim().to_string();
    let width = |row: usize| sheet.rows.get(row).map_or(0, |r| r.cells.len());
    if !two_rows {
        return (0..width(index))
            .map(|col| {
                let t = text(index, col);
                HeaderCell {
                    names: vec![t.clone()],
                    shown: t,
                }
            })
            .collect();
    }
    let lower_index = index + 1;
    let columns = width(index).max(width(lower_index));
    let mut cells = Vec::with_capacity(columns);
    let mut previous_upper = String::new();
    let mut previous_lower_filled = false;
    for col in 0..columns {
        let mut upper = if col < width(index) {
            text(index, col)
        } else {
            String::new()
        };
        let lower = if col < width(lower_index) {
            text(lower_index, col)
        } else {
            String::new()
        };
        // Without merge information (ods, csv), an empty group cell continues the group on its left.
        if upper.is_empty()
            && !lower.is_empty()
            && previous_lower_filled
            && !previous_upper.is_empty()
        {
            upper = previous_upper.clone();
        }
        let cell = match (upper.is_empty(), lower.is_empty()) {
            (false, false) if normalize_key(&lower) == "total" => HeaderCell {
                names: vec![upper.clone()],
                shown: format!("{upper} / {lower}"),
            },
            (false, false) => HeaderCell {
                names: vec![format!("{upper} {lower}"), lower.clone()],
                shown: format!("{upper} / {lower}"),
            },
            (false, true) => HeaderCell {
                names: vec![upper.clone()],
                shown: upper.clone(),
            },
            (true, _) => HeaderCell {
                names: vec![lower.clone()],
                shown: lower.clone(),
            },
        };
        previous_lower_filled = !lower.is_empty();
        previous_upper = upper;
        cells.push(cell);
    }
    cells
}

/// The first row among the first 30 non-empty ones that names every required field of a dataset.
///
/// When that row and the next read as one two-row header name more fields, the two rows are the header.
pub fn find_header(sheet: &Sheet, aliases: &FieldAliases, only: Option<Dataset>) -> HeaderSearch {
    let candidates = sheet
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(HEADER_SEARCH_ROWS);
    let mut best_partial: Option<(usize, Header)> = None;
    for (index, row) in candidates {
        let mut complete: Option<Header> = None;
        for dataset in Dataset::ALL
            .into_iter()
            .filter(|d| only.is_none_or(|o| o == *d))
        {
            let header = map_cells(
                dataset,
                index,
                row.number,
                1,
                &header_cells(sheet, index, false),
                aliases,
            );
            let required = dataset.fields().iter().filter(|f| f.required).count();
            let missing = header.missing_required().len();
            if missing == 0 {
                let header = prefer_two_rows(sheet, header, aliases);
                if complete
                    .as_ref()
                    .is_none_or(|c| header.matched() > c.matched())
                {
                    complete = Some(header);
                }
            } else if required - missing >= 2 && (required - missing) * 2 >= required {
                let score = required - missing;
                if best_partial.as_ref().is_none_or(|(s, _)| score > *s) {
                    best_partial = Some((score, header));
                }
            }
        }
        if let Some(header) = complete {
            return HeaderSearch::Found(header);
        }
        if only.is_none_or(|o| o == Dataset::Targets) {
            let cells = header_cells(sheet, index, false);
            if let Some(header) = targets_matrix(index, row.number, &cells, aliases) {
                return HeaderSearch::Found(header);
            }
        }
    }
    match best_partial {
        Some((_, header)) => HeaderSearch::Incomplete(header),
        None => HeaderSearch::NotFound,
    }
}

/// For a sheet where no header was found: the dataset one of its first rows comes closest to
/// (the most required fields named, at least one), with that row's number and the required
/// fields it lacks, for the `unrecognized-sheet` message.
pub fn closest(sheet: &Sheet, aliases: &FieldAliases) -> Option<(Dataset, u32, Vec<&'static str>)> {
    let mut best: Option<(usize, Header)> = None;
    for (index, row) in sheet
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(HEADER_SEARCH_ROWS)
    {
        let cells = header_cells(sheet, index, false);
        for dataset in Dataset::ALL {
            let header = map_cells(dataset, index, row.number, 1, &cells, aliases);
            let required = dataset.fields().iter().filter(|f| f.required).count();
            let named = required - header.missing_required().len();
            if named > 0 && best.as_ref().is_none_or(|(n, _)| named > *n) {
                best = Some((named, header));
            }
        }
    }
    best.map(|(_, header)| {
        let missing = header.missing_required();
        (header.dataset, header.row_number, missing)
    })
}

fn prefer_two_rows(sheet: &Sheet, single: Header, aliases: &FieldAliases) -> Header {
    if single.row_index + 1 >= sheet.rows.len() || sheet.rows[single.row_index + 1].is_blank() {
        return single;
    }
    let cells = header_cells(sheet, single.row_index, true);
    let double = map_cells(
        single.dataset,
        single.row_index,
        single.row_number,
        2,
        &cells,
        aliases,
    );
    if double.missing_required().is_empty() && double.matched() > single.matched() {
        double
    } else {
        single
    }
}

/// The header at a given spreadsheet row, for a sheet whose dataset and header row the config names.
pub fn header_at(
    sheet: &Sheet,
    dataset: Dataset,
    row_number: u32,
    aliases: &FieldAliases,
) -> HeaderSearch {
    let Some(index) = sheet.rows.iter().position(|r| r.number == row_number) else {
        return HeaderSearch::NotFound;
    };
    let single = map_cells(
        dataset,
        index,
        row_number,
        1,
        &header_cells(sheet, index, false),
        aliases,
    );
    let header = prefer_two_rows(sheet, single, aliases);
    if header.missing_required().is_empty() {
        HeaderSearch::Found(header)
    } else {
        HeaderSearch::Incomplete(header)
    }
}

fn map_cells(
    dataset: Dataset,
    row_index: usize,
    row_number: u32,
    height: usize,
    cells: &[HeaderCell],
    aliases: &FieldAliases,
) -> Header {
    let mut columns: Vec<Option<(usize, Arc<str>)>> = vec![None; dataset.fields().len()];
    let mut duplicates = Vec::new();
    let mut by_meaning = Vec::new();
    let matches: Vec<Option<(usize, Matched)>> = cells
        .iter()
        .map(|cell| {
            let found = |how: Matched| {
                cell.names.iter().find_map(|name| {
                    match_header(dataset, name, aliases).filter(|(_, matched)| *matched == how)
                })
            };
            found(Matched::Alias).or_else(|| found(Matched::Meaning))
        })
        .collect();
    // Aliases as written claim their fields first, whatever their column; a header read by
    // meaning takes a field no alias has claimed, and is left out otherwise.
    // A field no alias claims but two headers or more mean: no guess, the candidates are named.
    let mut ambiguous = Vec::new();
    for field in 0..columns.len() {
        let by_alias = matches.contains(&Some((field, Matched::Alias)));
        let candidates: Vec<(usize, String)> = cells
            .iter()
            .zip(&matches)
            .enumerate()
            .filter(|(_, (_, m))| **m == Some((field, Matched::Meaning)))
            .map(|(column, (cell, _))| (column, cell.shown.clone()))
            .collect();
        if !by_alias && candidates.len() > 1 {
            ambiguous.push((dataset.fields()[field].name, candidates));
        }
    }
    for how in [Matched::Alias, Matched::Meaning] {
        for (column, (cell, found)) in cells.iter().zip(&matches).enumerate() {
            let Some((field, matched)) = *found else {
                continue;
            };
            if matched != how {
                continue;
            }
            let field_name = dataset.fields()[field].name;
            if how == Matched::Meaning && ambiguous.iter().any(|(f, _)| *f == field_name) {
                continue;
            }
            if columns[field].is_none() {
                columns[field] = Some((column, Arc::from(cell.shown.as_str())));
                if how == Matched::Meaning {
                    by_meaning.push(field);
                }
            } else if how == Matched::Alias {
                duplicates.push((column, cell.shown.clone(), dataset.fields()[field].name));
            }
        }
    }
    Header {
        dataset,
        row_index,
        row_number,
        height,
        columns,
        duplicates,
        by_meaning,
        ambiguous,
        years: Vec::new(),
    }
}

/// Words a year's column of a targets matrix may carry besides the year (« Cible 2025 »).
/// A column of actual values (« Réalisé 2023 ») is not a target.
const TARGET_WORDS: [&str; 10] = [
    "cible",
    "cibles",
    "objectif",
    "objectifs",
    "valeur",
    "prevu",
    "prevue",
    "prevision",
    "previsionnel",
    "target",
];

/// A header row of an action plan's targets matrix: a column naming the indicator and at
/// least one column per year, headed by the year alone or with a word of `TARGET_WORDS`
/// (« 2024 », « Cible 2025 »), and no column of years (« Année »), which makes a plain list.
fn targets_matrix(
    row_index: usize,
    row_number: u32,
    cells: &[HeaderCell],
    aliases: &FieldAliases,
) -> Option<Header> {
    let mut header = map_cells(Dataset::Targets, row_index, row_number, 1, cells, aliases);
    let fields = Dataset::Targets.fields();
    let index_of = |name: &str| fields.iter().position(|f| f.name == name);
    let (year, indicator, target) = (
        index_of("year")?,
        index_of("indicator")?,
        index_of("target")?,
    );
    if header.columns[indicator].is_none() || header.columns[year].is_some() {
        return None;
    }
    let years: Vec<(usize, i32)> = cells
        .iter()
        .enumerate()
        .filter_map(|(column, cell)| {
            let key = super::normalize::normalize_key(&cell.shown);
            let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            let years: Vec<i32> = words
                .iter()
                .filter_map(|w| w.parse::<i32>().ok())
                .filter(|y| (1990..=2100).contains(y))
                .collect();
            let others_say_target = words
                .iter()
                .all(|w| w.parse::<i32>().is_ok() || TARGET_WORDS.contains(w));
            (years.len() == 1 && others_say_target).then(|| (column, years[0]))
        })
        .collect();
    if years.is_empty() {
        return None;
    }
    // The target column, if any was named, is one of the years'.
    header.columns[target] = None;
    header.years = years;
    Some(header)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Row;
    use crate::read::{Cell, Merge};

    fn row(number: u32, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text((*c).into())
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
            ..Sheet::default()
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
            ..Sheet::default()
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
            ..Sheet::default()
        };
        assert_eq!(
            find_header(&sheet, &FieldAliases::default(), None),
            HeaderSearch::NotFound
        );
    }

    fn field_columns(header: &Header) -> Vec<(&'static str, usize)> {
        header
            .dataset
            .fields()
            .iter()
            .zip(&header.columns)
            .filter_map(|(f, c)| c.as_ref().map(|(col, _)| (f.name, *col)))
            .collect()
    }

    /// Property: the order of the columns does not change which header feeds which field, for
    /// headers matched as written and by meaning, with a header that duplicates an alias by
    /// meaning (« Date de l'activité » beside « Date ») and an unrelated one.
    #[test]
    fn shuffling_columns_does_not_change_the_mapping() {
        let headers = [
            "Code activité",
            "Date de l'activité",
            "Date",
            "Nature de l'activité",
            "État d'avancement",
            "Nbre de participants",
            "Dont F",
            "Budget alloué (DH)",
            "Observations",
        ];
        let mapping = |order: &[usize]| {
            let cells: Vec<&str> = order.iter().map(|&i| headers[i]).collect();
            let sheet = Sheet {
                rows: vec![row(1, &cells), row(2, &["x"; 9])],
                ..Sheet::default()
            };
            let HeaderSearch::Found(header) = find_header(&sheet, &FieldAliases::default(), None)
            else {
                panic!("no header for {cells:?}");
            };
            let mut named: Vec<(&str, String)> = header
                .dataset
                .fields()
                .iter()
                .zip(&header.columns)
                .filter_map(|(f, c)| c.as_ref().map(|(_, shown)| (f.name, shown.to_string())))
                .collect();
            named.sort();
            named
        };
        let identity: Vec<usize> = (0..headers.len()).collect();
        let expected = mapping(&identity);
        assert!(
            expected.contains(&("date", "Date".to_string())),
            "{expected:?}"
        );
        // Deterministic permutations: rotations and reversals, and a pseudo-random shuffle.
        let mut seed = 7u64;
        for step in 0..40 {
            let mut order = identity.clone();
            order.rotate_left(step % headers.len());
            if step % 2 == 1 {
                order.reverse();
            }
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                if step >= 20 {
                    order.swap(i, (seed >> 33) as usize % (i + 1));
                }
            }
            assert_eq!(mapping(&order), expected, "{order:?}");
        }
    }

    #[test]
    fn a_two_row_header_with_a_merged_group_cell() {
        // "Participants" merged over D3:E3, "Date", "Type", "Statut" merged vertically over rows 3-4.
        let sheet = Sheet {
            name: "S".into(),
            rows: vec![
                row(3, &["Date", "Type", "Statut", "Participants", ""]),
                row(4, &["", "", "", "Total", "Dont femmes"]),
                row(5, &["12/03/2024", "Atelier", "Réalisé", "40", "12"]),
            ],
            merges: vec![
                Merge {
                    first_row: 3,
                    first_col: 3,
                    last_row: 3,
                    last_col: 4,
                },
                Merge {
                    first_row: 3,
                    first_col: 0,
                    last_row: 4,
                    last_col: 0,
                },
                Merge {
                    first_row: 3,
                    first_col: 1,
                    last_row: 4,
                    last_col: 1,
                },
                Merge {
                    first_row: 3,
                    first_col: 2,
                    last_row: 4,
                    last_col: 2,
                },
            ],
        };
        let HeaderSearch::Found(header) = find_header(&sheet, &FieldAliases::default(), None)
        else {
            panic!("no header")
        };
        assert_eq!(header.height, 2);
        assert_eq!(header.data_start(), 2);
        assert_eq!(
            field_columns(&header),
            vec![
                ("date", 0),
                ("type", 1),
                ("status", 2),
                ("participants", 3),
                ("women", 4)
            ]
        );
        assert_eq!(
            header.columns[10].as_ref().map(|(_, h)| &**h),
            Some("Participants / Dont femmes")
        );
    }

    #[test]
    fn a_two_row_header_without_merge_information_continues_the_group() {
        let sheet = Sheet {
            name: "S".into(),
            rows: vec![
                row(1, &["Date", "Type", "Statut", "Participants", ""]),
                row(2, &["", "", "", "Total", "Dont femmes"]),
                row(3, &["12/03/2024", "Atelier", "Réalisé", "40", "12"]),
            ],
            ..Sheet::default()
        };
        let HeaderSearch::Found(header) = find_header(&sheet, &FieldAliases::default(), None)
        else {
            panic!("no header")
        };
        assert_eq!(header.height, 2);
        assert_eq!(
            field_columns(&header)[3..],
            [("participants", 3), ("women", 4)]
        );
    }

    #[test]
    fn a_first_data_row_is_not_taken_for_a_second_header_row() {
        let sheet = Sheet {
            name: "S".into(),
            rows: vec![
                row(
                    1,
                    &["Date", "Type", "Statut", "Participants", "Dont femmes"],
                ),
                row(2, &["12/03/2024", "Atelier", "Réalisé", "40", "12"]),
            ],
            ..Sheet::default()
        };
        let HeaderSearch::Found(header) = find_header(&sheet, &FieldAliases::default(), None)
        else {
            panic!("no header")
        };
        assert_eq!(header.height, 1);
    }
}
