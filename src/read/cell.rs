//! The cell values every reader produces, whatever the file format.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One cell as read from a workbook or a CSV field, before any dataset typing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Empty,
    /// Text as written (CSV fields are always text). A boxed `str`, not a `String`: a cell
    /// then takes 24 bytes instead of 32, and a million rows travel in batches of cells.
    Text(Box<str>),
    Number(f64),
    Bool(bool),
    /// A date cell; any time part is dropped because every field is a day.
    Date(#[serde(with = "day_number")] NaiveDate),
    /// An Excel error value such as `#N/A`, kept to be reported as `cell-error`.
    Error(Box<str>),
    /// A text the file stores once for every cell that shows it (an xlsx shared string): its
    /// number among the file's texts, sent by `SheetEvent::Texts` before the first row that uses
    /// it. Never blank and never an error value, so blankness is known without the texts; read
    /// its value through [`Cell::resolve`].
    Shared(u32),
}

/// Error values as Excel and LibreOffice show them; a text cell holding one (a CSV export,
/// an ODS file) is an error cell, not text.
const ERROR_LITERALS: &[&str] = &[
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
];

impl Cell {
    /// A text cell, or an error cell when the text is an error value (`#N/A`, `#DIV/0!`, `Err:502`…).
    pub fn from_text(text: &str) -> Cell {
        let trimmed = text.trim();
        let lo_error = trimmed
            .strip_prefix("Err:")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if ERROR_LITERALS.contains(&trimmed) || lo_error {
            Cell::Error(trimmed.into())
        } else if trimmed.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text.into())
        }
    }

    /// True for empty cells and cells holding only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell a [`Cell::Shared`] stands for, given the file's texts; any other cell is itself.
    pub fn resolve<'c>(&'c self, texts: &'c [Cell]) -> &'c Cell {
        match self {
            Cell::Shared(index) => texts.get(*index as usize).unwrap_or(&Cell::Empty),
            other => other,
        }
    }

    /// The text of a cell without copying text cells.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(t) => std::borrow::Cow::Borrowed(t),
            other => std::borrow::Cow::Owned(other.display()),
        }
    }

    /// The value as the user would read it, for issue messages and header matching.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.to_string(),
            Cell::Number(n) => format_number(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::Error(e) => e.to_string(),
            // Resolved before display by the dataset stage; shown as a reference if one slips through.
            Cell::Shared(index) => format!("[text {index}]"),
        }
    }
}

/// Numbers as a spreadsheet shows them by default: integers without a decimal part.
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A row with the number the user sees in the spreadsheet (or the CSV line).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: u32,
    /// Index 0 is column A.
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }

    /// The row with its shared texts replaced by their values.
    pub fn resolved(mut self, texts: &[Cell]) -> Row {
        for cell in &mut self.cells {
            if let Cell::Shared(_) = cell {
                *cell = cell.resolve(texts).clone();
            }
        }
        self
    }

    pub fn get(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

/// A row of a [`RowBatch`], borrowed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowRef<'a> {
    pub number: u32,
    /// Index 0 is column A.
    pub cells: &'a [Cell],
}

impl<'a> RowRef<'a> {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }

    pub fn get(&self, column: usize) -> &'a Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }

    pub fn to_row(self) -> Row {
        Row {
            number: self.number,
            cells: self.cells.to_vec(),
        }
    }
}

impl Row {
    pub fn as_ref(&self) -> RowRef<'_> {
        RowRef {
            number: self.number,
            cells: &self.cells,
        }
    }
}

/// Rows sent together, their cells in one buffer: a batch costs a few allocations rather than
/// one per row (per-row vectors cost a tenth of the reading time of a million-row sheet).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(try_from = "BatchOnTheWire", into = "BatchOnTheWire")]
pub struct RowBatch {
    cells: Vec<Cell>,
    /// Per row: its number and where its cells start in `cells` (they end where the next row's start).
    rows: Vec<(u32, usize)>,
}

/// A [`RowBatch`] as it crosses a process boundary: checked when it comes back, so that a
/// message that does not describe rows is an error, never rows cut wrong.
#[derive(Serialize, Deserialize)]
struct BatchOnTheWire {
    cells: Vec<Cell>,
    rows: Vec<(u32, usize)>,
}

impl From<RowBatch> for BatchOnTheWire {
    fn from(batch: RowBatch) -> Self {
        BatchOnTheWire {
            cells: batch.cells,
            rows: batch.rows,
        }
    }
}

impl TryFrom<BatchOnTheWire> for RowBatch {
    type Error = &'static str;

    fn try_from(wire: BatchOnTheWire) -> Result<Self, Self::Error> {
        let mut previous = 0;
        for &(_, start) in &wire.rows {
            if start < previous || start > wire.cells.len() {
                return Err("a row of the batch starts outside its cells");
            }
            previous = start;
        }
        if wire.rows.is_empty() && !wire.cells.is_empty() {
            return Err("the batch has cells but no row");
        }
        Ok(RowBatch {
            cells: wire.cells,
            rows: wire.rows,
        })
    }
}

/// A date as its day number (days from 1 January of year 1), for the child process protocol.
mod day_number {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i32(date.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(deserializer)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| serde::de::Error::custom("a day number out of the calendar"))
    }
}

impl RowBatch {
    pub fn with_capacity(rows: usize, cells: usize) -> Self {
        RowBatch {
            cells: Vec::with_capacity(cells),
            rows: Vec::with_capacity(rows),
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The number of cells, all rows together.
    pub fn cell_count(&self) -> usize {
        self.cells.len()
    }

    /// Starts a row, empty until [`RowBatch::set`] fills it.
    pub fn start_row(&mut self, number: u32) {
        self.rows.push((number, self.cells.len()));
    }

    /// The width of the last row.
    pub fn last_width(&self) -> usize {
        self.rows
            .last()
            .map_or(0, |&(_, start)| self.cells.len() - start)
    }

    /// Puts a cell in the last row, padding the row with empty cells up to its column.
    pub fn set(&mut self, column: usize, cell: Cell) {
        let Some(&(_, start)) = self.rows.last() else {
            return;
        };
        let at = start + column;
        if at < self.cells.len() {
            self.cells[at] = cell;
        } else {
            self.cells.resize(at, Cell::Empty);
            self.cells.push(cell);
        }
    }

    pub fn push_row(&mut self, number: u32, cells: impl IntoIterator<Item = Cell>) {
        self.start_row(number);
        self.cells.extend(cells);
    }

    /// Drops the last row.
    pub fn pop_row(&mut self) {
        if let Some((_, start)) = self.rows.pop() {
            self.cells.truncate(start);
        }
    }

    pub fn first_number(&self) -> Option<u32> {
        self.rows.first().map(|&(number, _)| number)
    }

    /// Rows without a cell (blank rows between used ones).
    pub fn empty_rows(&self) -> usize {
        let ends = self
            .rows
            .iter()
            .skip(1)
            .map(|r| r.1)
            .chain([self.cells.len()]);
        self.rows
            .iter()
            .zip(ends)
            .filter(|(r, end)| r.1 == *end)
            .count()
    }

    /// Adds `offset` to the number of every shared text (texts numbered by another reader).
    pub fn shift_shared(&mut self, offset: u32) {
        for cell in &mut self.cells {
            if let Cell::Shared(number) = cell {
                *number += offset;
            }
        }
    }

    /// Every cell of every row, in order.
    pub fn cells(&self) -> &[Cell] {
        &self.cells
    }

    /// Every cell of every row, in order, to change in place.
    pub fn cells_mut(&mut self) -> &mut [Cell] {
        &mut self.cells
    }

    pub fn last_number(&self) -> Option<u32> {
        self.rows.last().map(|&(number, _)| number)
    }

    /// Every cell, by value, with its row number and column, in order (rows without cells are
    /// left out).
    pub fn into_cells(self) -> impl Iterator<Item = (u32, usize, Cell)> {
        let rows = self.rows;
        let mut row = 0;
        self.cells.into_iter().enumerate().map(move |(at, cell)| {
            while rows.get(row + 1).is_some_and(|&(_, start)| start <= at) {
                row += 1;
            }
            // A batch's first cell belongs to its first row: `rows` is not empty here.
            let (number, start) = rows[row];
            (number, at - start, cell)
        })
    }

    pub fn iter(&self) -> impl Iterator<Item = RowRef<'_>> + '_ {
        self.rows.iter().enumerate().map(|(i, &(number, start))| {
            let end = self.rows.get(i + 1).map_or(self.cells.len(), |r| r.1);
            RowRef {
                number,
                cells: &self.cells[start..end],
            }
        })
    }
}

/// A merged range of cells: rows are spreadsheet row numbers, columns 0-based, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merge {
    pub first_row: u32,
    pub first_col: usize,
    pub last_row: u32,
    pub last_col: usize,
}

impl Merge {
    pub fn contains(&self, row: u32, col: usize) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

/// One sheet of a workbook, or the single table of a CSV file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// Empty for CSV files.
    pub name: String,
    /// Non-blank and blank rows alike, in order; blank ones are skipped later so that they are counted.
    pub rows: Vec<Row>,
    /// Merged ranges, where the format tells them (xlsx, xlsm, xls).
    pub merges: Vec<Merge>,
}

impl Sheet {
    /// The cell as the user sees it: a cell inside a merged range shows the range's first cell.
    pub fn visible(&self, row_index: usize, col: usize) -> &Cell {
        let row = &self.rows[row_index];
        if let Some(merge) = self.merges.iter().find(|m| m.contains(row.number, col)) {
            if (merge.first_row, merge.first_col) != (row.number, col) {
                if let Some(top) = self.rows.iter().find(|r| r.number == merge.first_row) {
                    return top.get(merge.first_col);
                }
            }
        }
        row.get(col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_literals_in_text_are_error_cells() {
        assert_eq!(Cell::from_text("#N/A"), Cell::Error("#N/A".into()));
        assert_eq!(Cell::from_text(" #DIV/0! "), Cell::Error("#DIV/0!".into()));
        assert_eq!(Cell::from_text("Err:502"), Cell::Error("Err:502".into()));
        assert_eq!(
            Cell::from_text("#1 des ateliers"),
            Cell::Text("#1 des ateliers".into())
        );
        assert_eq!(Cell::from_text("   "), Cell::Empty);
    }
}
