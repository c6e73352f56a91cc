//! The cell values every reader produces, whatever the file format.

use chrono::NaiveDate;

/// One cell as read from a workbook or a CSV field, before any dataset typing.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    /// Text as written (CSV fields are always text).
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date cell; any time part is dropped because every field is a day.
    Date(NaiveDate),
    /// An Excel error value such as `#N/A`, kept to be reported as `cell-error`.
    Error(String),
}

impl Cell {
    /// True for empty cells and cells holding only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as the user would read it, for issue messages and header matching.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => format_number(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::Error(e) => e.clone(),
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

    pub fn get(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

/// One sheet of a workbook, or the single table of a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Empty for CSV files.
    pub name: String,
    /// Non-blank and blank rows alike, in order; blank ones are skipped later so that they are counted.
    pub rows: Vec<Row>,
}
