//! The shape every breakdown table takes, whatever its dimension: what CSV, charts and report read.

/// How a column's numbers are written (SPEC 6: counts as integers, rates 1 decimal, others 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Count,
    Rate,
    Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The code or value that keys the row (`atelier`, `Q1`, `3`, an axis as written, `unspecified`).
    /// Its words are chosen by the output (the category's label, the month's name).
    pub key: String,
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// File name without `.csv` (SPEC 4 names).
    pub id: String,
    /// Name of the key column (`type`, `quarter`, …).
    pub key: &'static str,
    pub columns: Vec<(String, ValueKind)>,
    pub rows: Vec<TableRow>,
    /// The same figures over every row of the table, computed from the rows, not summed from rates.
    pub total: Option<Vec<Option<f64>>>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|(c, _)| *c == name)
    }
}
