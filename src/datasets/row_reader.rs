//! Reads the typed fields of one data row, turning every bad cell into a located issue.
//!
//! A bad required field marks the row rejected (error); a bad optional field is
//! emptied and the row kept (warning), as SPEC section 2 says.

use super::categories::{self, Categories};
use super::header::Header;
use super::normalize::clean_text;
use super::records::StringTable;
use super::schema::FieldId;
use super::texts::{Reading, TextMemo};
use super::values::{self, DateOrder, Number, ValueError};
use crate::issue::{Arg, Code, Issue, Location, Message, Severity};
use crate::read::{Cell, RowRef};
use chrono::{Datelike, NaiveDate};
use std::sync::Arc;

/// How a parsed value is kept in the [`TextMemo`]: to its bits and back.
type Bits<T> = (fn(&T) -> u64, fn(u64) -> Option<T>);

pub struct RowReader<'a, 'm> {
    pub row: RowRef<'a>,
    /// What the file's shared texts read as: a text repeated in a million rows is parsed once.
    pub memo: &'m mut TextMemo,
    /// The file's shared texts, which the row's `Cell::Shared` cells point at.
    pub texts: &'a [Cell],
    pub header: &'a Header,
    pub file: &'a Arc<str>,
    pub sheet: &'a Arc<str>,
    pub date_order: DateOrder,
    pub issues: Vec<Issue>,
    pub rejected: bool,
}

impl<'a, 'm> RowReader<'a, 'm> {
    pub fn new(
        row: RowRef<'a>,
        memo: &'m mut TextMemo,
        texts: &'a [Cell],
        header: &'a Header,
        file: &'a Arc<str>,
        sheet: &'a Arc<str>,
        date_order: DateOrder,
    ) -> Self {
        RowReader {
            row,
            memo,
            texts,
            header,
            file,
            sheet,
            date_order,
            issues: Vec::new(),
            rejected: false,
        }
    }

    /// The index of `field` in the row's dataset (a field of another dataset is a bug of the builders).
    fn field_index(&self, field: FieldId) -> usize {
        debug_assert_eq!(field.dataset, self.header.dataset, "{}", field.name());
        field.index
    }

    pub fn has_column(&self, field: FieldId) -> bool {
        self.header.column_of(self.field_index(field)).is_some()
    }

    pub fn location(&self, column: Option<usize>) -> Location {
        Location {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: Some(self.row.number),
            column: column.map(|c| c as u32),
        }
    }

    /// Records an issue about field `name`: an error rejecting the row when required, else a warning.
    pub fn report(&mut self, field: FieldId, code: Code, message: Message) {
        let required = field.field().required;
        self.report_with(
            field,
            code,
            if required {
                Severity::Error
            } else {
                Severity::Warning
            },
            message,
        );
    }

    pub fn report_with(
        &mut self,
        field: FieldId,
        code: Code,
        severity: Severity,
        message: Message,
    ) {
        let index = self.field_index(field);
        let column = self.header.column_of(index);
        let header = self.header.columns[index]
            .as_ref()
            .map(|(_, h)| h.clone())
            .unwrap_or_default();
        let value = column
            .map(|c| self.row.get(c).resolve(self.texts).display())
            .unwrap_or_default();
        if severity == Severity::Error {
            self.rejected = true;
        }
        let issue = Issue::new(severity, code, self.location(column), message)
            .with_header(header)
            .with_value(value);
        self.issues.push(issue);
    }

    /// The cell of a field, `None` when the column is absent or the cell blank (a missing required value is reported).
    fn cell(&mut self, field: FieldId) -> Option<&'a Cell> {
        self.field(field).map(|(cell, _)| cell)
    }

    /// The cell of a field as [`RowReader::cell`], with the number of its shared text if it is one.
    fn field(&mut self, field: FieldId) -> Option<(&'a Cell, Option<u32>)> {
        let index = self.field_index(field);
        let raw = self.header.column_of(index).map(|c| self.row.get(c));
        if let Some(Cell::Shared(text)) = raw {
            // A shared text is never blank nor an error value: no check to make.
            return Some((raw?.resolve(self.texts), Some(*text)));
        }
        let cell = raw.map(|c| c.resolve(self.texts));
        match cell {
            Some(cell) if !cell.is_blank() => {
                if let Cell::Error(_) = cell {
                    self.report(field, Code::CellError, Message::new("cell-error"));
                    return None;
                }
                Some((cell, None))
            }
            _ => {
                if field.field().required {
                    self.report(
                        field,
                        Code::MissingValue,
                        Message::new("missing-value").with("field", Arg::Key(field.name())),
                    );
                }
                None
            }
        }
    }

    /// A field parsed by `parse`; a shared text is parsed once (`reading` and the bit
    /// conversions say how its value is remembered), a bad one reported on every row.
    fn parsed<T>(
        &mut self,
        field: FieldId,
        reading: Reading,
        (to_bits, from_bits): Bits<T>,
        parse: impl Fn(&Cell) -> Result<T, ValueError>,
    ) -> Option<T> {
        let (cell, shared) = self.field(field)?;
        if let Some(text) = shared {
            let remembered = self
                .memo
                .bits_or(text, reading, || parse(cell).ok().map(|v| to_bits(&v)));
            if let Some(value) = remembered.and_then(from_bits) {
                return Some(value);
            }
        }
        match parse(cell) {
            Ok(value) => Some(value),
            Err(e) => {
                self.report(field, e.code, e.message);
                None
            }
        }
    }

    pub fn text(&mut self, field: FieldId) -> Option<String> {
        let cell = self.cell(field)?;
        let text = clean_text(&cell.text()).into_owned();
        (!text.is_empty()).then_some(text)
    }

    /// A text field as a code of the string table (a shared text is cleaned and interned once).
    pub fn coded_text(&mut self, field: FieldId, strings: &mut StringTable) -> Option<u32> {
        let (cell, shared) = self.field(field)?;
        let mut intern = || {
            let text = cell.text();
            let clean = clean_text(&text);
            (!clean.is_empty()).then(|| strings.intern(&clean))
        };
        match shared {
            Some(text) => self.memo.get_or(text, Reading::Text, intern),
            None => intern(),
        }
    }

    /// A value of a closed list as the string-table code of its category code; unknown values
    /// are reported as `unknown-category`.
    pub fn coded_category(
        &mut self,
        field: FieldId,
        categories: &Categories,
        kind: categories::Kind,
        strings: &mut StringTable,
    ) -> Option<u32> {
        let (cell, shared) = self.field(field)?;
        // Set when the value was looked up here (once per shared text) and read by meaning.
        let mut by_meaning = None;
        let mut find = || {
            categories
                .find_how(kind, &cell.text())
                .map(|(category, meaning)| {
                    if meaning {
                        by_meaning = Some(category);
                    }
                    strings.intern(&category.code)
                })
        };
        let code = match shared {
            Some(text) => self.memo.get_or(text, Reading::Category(kind), find),
            None => find(),
        };
        match (code, by_meaning) {
            (None, _) => self.report_unknown(field, kind),
            (Some(_), Some(category)) => self.report_meaning(field, cell, category, kind),
            _ => {}
        }
        code
    }

    /// Several values in one cell, split on `;` or line breaks before spaces are collapsed.
    pub fn text_list(&mut self, field: FieldId) -> Vec<String> {
        let Some(cell) = self.cell(field) else {
            return Vec::new();
        };
        let mut values: Vec<String> = Vec::new();
        for part in cell.display().split([';', '\n', '\r']) {
            let part = clean_text(part).into_owned();
            if !part.is_empty() && !values.contains(&part) {
                values.push(part);
            }
        }
        values
    }

    pub fn date(&mut self, field: FieldId) -> Option<NaiveDate> {
        let order = self.date_order;
        let bits: Bits<NaiveDate> = (
            |d| u64::from(d.num_days_from_ce() as u32),
            |bits| NaiveDate::from_num_days_from_ce_opt(bits as u32 as i32),
        );
        self.parsed(field, Reading::Date, bits, |c| values::parse_date(c, order))
    }

    /// An activity's date, which a plan may give as a month or a quarter (« mars 2026 »,
    /// « T2 2026 »), with its precision; other forms as [`RowReader::date`].
    pub fn activity_date(&mut self, field: FieldId) -> Option<(NaiveDate, values::Precision)> {
        let coarse = self
            .header
            .column_of(self.field_index(field))
            .and_then(|column| match self.row.get(column).resolve(self.texts) {
                Cell::Text(text) => values::parse_coarse_date_text(text),
                _ => None,
            });
        match coarse {
            Some(found) => Some(found),
            None => self.date(field).map(|date| (date, values::Precision::Day)),
        }
    }

    /// The end of a range of dates written in a date field's text cell (« du 12 au 14 mai 2026 »).
    /// Reads the cell again without reporting anything: `date` has said what was wrong with it.
    pub fn range_end(&mut self, field: FieldId) -> Option<NaiveDate> {
        let column = self.header.column_of(self.field_index(field))?;
        match self.row.get(column).resolve(self.texts) {
            // A range has spaces around its separator; a plain date (most cells) has none.
            Cell::Text(text) if text.trim().contains(' ') => {
                values::parse_date_range_text(text, self.date_order).map(|(_, end)| end)
            }
            _ => None,
        }
    }

    pub fn number(&mut self, field: FieldId) -> Option<Number> {
        let bits: Bits<Number> = (
            |n| n.value.to_bits(),
            |bits| {
                Some(Number {
                    value: f64::from_bits(bits),
                    percent: false,
                })
            },
        );
        self.parsed(field, Reading::Number, bits, values::parse_number)
    }

    /// A number that must be >= 0.
    pub fn non_negative(&mut self, field: FieldId) -> Option<f64> {
        let n = self.number(field)?;
        if n.value < 0.0 {
            self.report(
                field,
                Code::NegativeValue,
                Message::new("negative-value").with("field", Arg::Key(field.name())),
            );
            return None;
        }
        Some(n.value)
    }

    /// A whole number >= 0 (participants, women).
    pub fn count(&mut self, field: FieldId) -> Option<i64> {
        let n = self.non_negative(field)?;
        if n.fract() != 0.0 {
            self.report(
                field,
                Code::NotAnInteger,
                Message::new("not-an-integer").with("field", Arg::Key(field.name())),
            );
            return None;
        }
        Some(n as i64)
    }

    pub fn integer(&mut self, field: FieldId) -> Option<i64> {
        let n = self.number(field)?;
        if n.value.fract() != 0.0 {
            self.report(
                field,
                Code::NotAnInteger,
                Message::new("not-an-integer").with("field", Arg::Key(field.name())),
            );
            return None;
        }
        Some(n.value as i64)
    }

    pub fn boolean(&mut self, field: FieldId) -> Option<bool> {
        let bits: Bits<bool> = (|b| u64::from(*b), |bits| Some(bits == 1));
        self.parsed(field, Reading::Bool, bits, values::parse_bool)
    }

    /// A value of a closed list; unknown values are reported as `unknown-category`.
    pub fn category(
        &mut self,
        field: FieldId,
        categories: &Categories,
        kind: categories::Kind,
    ) -> Option<String> {
        let cell = self.cell(field)?;
        let found = categories.find_how(kind, &cell.text());
        match found {
            None => self.report_unknown(field, kind),
            Some((category, true)) => self.report_meaning(field, cell, category, kind),
            Some(_) => {}
        }
        found.map(|(category, _)| category.code.clone())
    }

    /// An unknown value: the message lists the known ones and the `bilan.toml` entry that would
    /// settle it, in the words of the output (`kind` names them).
    fn report_unknown(&mut self, field: FieldId, kind: categories::Kind) {
        self.report(
            field,
            Code::UnknownCategory,
            Message::new("unknown-category")
                .with("field", Arg::Key(field.name()))
                .with("kind", Arg::Key(kind.config_name())),
        );
    }

    /// A value read by meaning (« Annulée » for « Annulé »): one `info` per distinct value and
    /// field in a file, for the analyst to confirm.
    pub fn report_meaning(
        &mut self,
        field: FieldId,
        cell: &Cell,
        category: &categories::Category,
        kind: categories::Kind,
    ) {
        let value = clean_text(&cell.text()).into_owned();
        if !self.memo.first_meaning(field.name(), &value) {
            return;
        }
        let kind = kind.config_name();
        self.report_with(
            field,
            Code::UnknownCategory,
            Severity::Info,
            Message::new("category-by-meaning")
                .with("code", category.code.as_str())
                .with("label", Arg::Category(kind, category.code.as_str().into())),
        );
    }

    /// The raw cell of a field for rules that need it (unknown activity types).
    pub fn raw(&mut self, field: FieldId) -> Option<&'a Cell> {
        self.cell(field)
    }
}
