//! Spreadsheet files (xlsx, xlsm, xlsb, xls, ods) through calamine.

use super::cell::{Cell, Merge, RowBatch};
use super::inflate_ahead::AheadArchive;
use super::texts::TextNumbers;
use super::{ReadError, SheetEvent, Sink, BATCH_ROWS};
use crate::config::Limits;
use calamine::{
    open_workbook_from_rs, Data, DataRef, Dimensions, Ods, OdsError, Reader, Xls, XlsError, Xlsb,
    XlsbError, Xlsx, XlsxError,
};
use chrono::NaiveDate;
use std::io::{Cursor, Read, Seek};

/// Streams every sheet of a workbook held in memory, in workbook order.
///
/// xlsx and xlsm go through calamine's streaming cell reader, so a sheet is never held whole;
/// calamine has no such reader for xls, xlsb and ods, whose sheets are read whole, then sent in batches.
pub fn stream_workbook(
    bytes: &[u8],
    extension: &str,
    limits: &Limits,
    sink: &mut Sink,
) -> Result<(), ReadError> {
    let mut cells_left = limits.max_cells;
    if extension == "xls" {
        let wb: Xls<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(xls_error)?;
        return stream_ranges(
            wb,
            |wb, name| merges(wb.merge_cells_by_sheet_name(name).unwrap_or_default()),
            xls_error,
            &mut cells_left,
            sink,
        );
    }
    // The zip-based formats: their large parts inflate on helper threads of this scope.
    std::thread::scope(|scope| {
        let archive = AheadArchive::new(bytes, scope);
        match extension {
            "xlsx" | "xlsm" => {
                let wb: Xlsx<_> = open_workbook_from_rs(archive).map_err(xlsx_error)?;
                stream_xlsx(wb, &mut cells_left, sink)
            }
            "xlsb" => {
                let wb: Xlsb<_> = open_workbook_from_rs(archive).map_err(xlsb_error)?;
                stream_ranges(wb, |_, _| Vec::new(), xlsb_error, &mut cells_left, sink)
            }
            "ods" => {
                let wb: Ods<_> = open_workbook_from_rs(archive).map_err(ods_error)?;
                stream_ranges(wb, |_, _| Vec::new(), ods_error, &mut cells_left, sink)
            }
            other => Err(ReadError::Unsupported(other.to_string())),
        }
    })
}

/// The merged ranges of an xlsx sheet, read on request (a second pass over the sheet's XML).
pub fn xlsx_merges(path: &std::path::Path, sheet: &str) -> Vec<Merge> {
    let Ok(mut wb) = calamine::open_workbook::<Xlsx<_>, _>(path) else {
        return Vec::new();
    };
    merges(wb.merge_cells_by_sheet_name(sheet).unwrap_or_default())
}

/// Merged ranges in spreadsheet row numbers (calamine gives 0-based rows).
fn merges(dims: Vec<Dimensions>) -> Vec<Merge> {
    dims.into_iter()
        .map(|d| Merge {
            first_row: d.start.0 + 1,
            first_col: d.start.1 as usize,
            last_row: d.end.0 + 1,
            last_col: d.end.1 as usize,
        })
        .collect()
}

/// Gathers cells into rows and rows into batches, numbering rows as the spreadsheet shows them.
struct RowAssembler<'s, 'a> {
    sink: &'s mut Sink<'a>,
    /// Shared texts met since the last batch, sent just before it.
    fresh_texts: Vec<String>,
    /// The rows not sent yet; the last one is being filled.
    batch: RowBatch,
    /// The number of the row being filled.
    current: Option<u32>,
    stopped: bool,
    /// Cells the run may still hold (`limits.max_cells`), counting the empty ones a row is padded with.
    cells_left: &'s mut u64,
    too_large: bool,
}

impl<'s, 'a> RowAssembler<'s, 'a> {
    fn new(sink: &'s mut Sink<'a>, cells_left: &'s mut u64) -> Self {
        RowAssembler {
            sink,
            fresh_texts: Vec::new(),
            batch: RowBatch::with_capacity(BATCH_ROWS, 0),
            current: None,
            stopped: false,
            cells_left,
            too_large: false,
        }
    }

    /// Adds a cell at (1-based row, 0-based column); rows arrive in order.
    fn cell(&mut self, number: u32, column: usize, cell: Cell) {
        if self.current != Some(number) {
            // Blank rows between two used rows are rows too (counted as blank). Each costs a cell
            // of the budget: a sheet with a cell at row 4,000,000,000 is too large, not a loop
            // over billions of empty rows.
            let gap_from = match self.current {
                Some(previous) if previous < number => previous + 1,
                _ => number,
            };
            match self.cells_left.checked_sub(u64::from(number - gap_from)) {
                Some(left) => *self.cells_left = left,
                None => {
                    self.too_large = true;
                    self.stopped = true;
                    return;
                }
            }
            for row in gap_from..=number {
                self.start_row(row);
            }
            self.current = Some(number);
        }
        let added = (column + 1).saturating_sub(self.batch.last_width()) as u64;
        match self.cells_left.checked_sub(added) {
            Some(left) => *self.cells_left = left,
            None => {
                self.too_large = true;
                self.stopped = true;
                return;
            }
        }
        self.batch.set(column, cell);
    }

    /// Starts a row, sending the rows before it when they make a full batch.
    fn start_row(&mut self, number: u32) {
        if self.batch.len() >= BATCH_ROWS {
            self.send_batch();
        }
        self.batch.start_row(number);
    }

    fn send_batch(&mut self) {
        if !self.fresh_texts.is_empty() && !self.stopped {
            self.stopped = !(self.sink)(SheetEvent::Texts(std::mem::take(&mut self.fresh_texts)));
        }
        if !self.batch.is_empty() && !self.stopped {
            // The next batch is sized like this one: rows of a table have the same width.
            let next = RowBatch::with_capacity(BATCH_ROWS, self.batch.cell_count());
            let full = std::mem::replace(&mut self.batch, next);
            self.stopped = !(self.sink)(SheetEvent::Rows(full));
        }
    }

    /// Sends what is left and ends the sheet; false when the receiver has gone.
    fn finish(mut self) -> bool {
        self.send_batch();
        !self.stopped && (self.sink)(SheetEvent::End)
    }
}

fn too_large(cells: u64) -> ReadError {
    ReadError::TooLarge(format!("more than {cells} cells (limits.max_cells)"))
}

fn stream_xlsx<RS: Read + Seek>(
    mut wb: Xlsx<RS>,
    cells_left: &mut u64,
    sink: &mut Sink,
) -> Result<(), ReadError> {
    let limit = *cells_left;
    let mut texts = TextNumbers::default();
    for name in wb.sheet_names() {
        let reader = wb.worksheet_cells_reader(&name);
        let rows_hint = reader.as_ref().ok().map(|r| {
            let d = r.dimensions();
            (d.end.0 + 1).saturating_sub(d.start.0)
        });
        // Merged ranges sit after the cells: reading them would parse the sheet twice.
        if !sink(SheetEvent::Begin {
            name: name.clone(),
            merges: None,
            rows_hint,
        }) {
            return Ok(());
        }
        let mut reader = reader.map_err(xlsx_error)?;
        let mut rows = RowAssembler::new(sink, cells_left);
        let mut failure = None;
        loop {
            match reader.next_cell() {
                Ok(Some(cell)) => {
                    let (row, column) = cell.get_position();
                    let value = match cell.get_value() {
                        DataRef::SharedString(text) => {
                            texts.shared_string(text, &mut rows.fresh_texts)
                        }
                        other => convert_ref(other),
                    };
                    rows.cell(row + 1, column as usize, value);
                    if rows.too_large {
                        return Err(too_large(limit));
                    }
                    if rows.stopped {
                        return Ok(());
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    failure = Some(xlsx_error(e));
                    break;
                }
            }
        }
        if !rows.finish() {
            return Ok(());
        }
        if let Some(e) = failure {
            return Err(e);
        }
    }
    Ok(())
}

fn stream_ranges<RS, R, E>(
    mut workbook: R,
    merges_of: fn(&R, &str) -> Vec<Merge>,
    to_error: fn(E) -> ReadError,
    cells_left: &mut u64,
    sink: &mut Sink,
) -> Result<(), ReadError>
where
    RS: Read + Seek,
    R: Reader<RS, Error = E>,
{
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(to_error)?;
        let found = merges_of(&workbook, &name);
        if !sink(SheetEvent::Begin {
            name,
            merges: Some(found),
            rows_hint: u32::try_from(range.height()).ok(),
        }) {
            return Ok(());
        }
        let limit = *cells_left;
        let (height, width) = range.get_size();
        if (height as u64).saturating_mul(width as u64) > *cells_left {
            return Err(too_large(limit));
        }
        let mut rows = RowAssembler::new(sink, cells_left);
        if let Some((first_row, first_col)) = range.start() {
            for (i, cells) in range.rows().enumerate() {
                let number = first_row + i as u32 + 1;
                for (j, data) in cells.iter().enumerate() {
                    rows.cell(number, first_col as usize + j, convert(data));
                }
                if rows.too_large {
                    return Err(too_large(limit));
                }
                if rows.stopped {
                    return Ok(());
                }
            }
        }
        if !rows.finish() {
            return Ok(());
        }
    }
    Ok(())
}

fn convert_ref(data: &DataRef) -> Cell {
    match data {
        DataRef::Empty => Cell::Empty,
        DataRef::SharedString(s) => Cell::from_text(s),
        DataRef::String(s) => Cell::from_text(s),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => convert(&Data::DateTime(*dt)),
        DataRef::DateTimeIso(s) => convert(&Data::DateTimeIso(s.clone())),
        DataRef::DurationIso(s) => Cell::Text(s.as_str().into()),
        DataRef::Error(e) => Cell::Error(e.to_string().into()),
    }
}

fn convert(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::from_text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(y.into(), m.into(), d.into()) {
                Some(date) => Cell::Date(date),
                // Excel's 1900-02-29 does not exist; keep the serial so the field reports it.
                None => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => match s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        {
            Some(date) => Cell::Date(date),
            None => Cell::Text(s.as_str().into()),
        },
        Data::DurationIso(s) => Cell::Text(s.as_str().into()),
        Data::Error(e) => Cell::Error(e.to_string().into()),
    }
}

fn xlsx_error(e: XlsxError) -> ReadError {
    match e {
        XlsxError::Password => ReadError::Encrypted,
        other => ReadError::Unreadable(other.to_string()),
    }
}

fn xlsb_error(e: XlsbError) -> ReadError {
    match e {
        XlsbError::Password => ReadError::Encrypted,
        other => ReadError::Unreadable(other.to_string()),
    }
}

fn xls_error(e: XlsError) -> ReadError {
    match e {
        XlsError::Password => ReadError::Encrypted,
        other => ReadError::Unreadable(other.to_string()),
    }
}

fn ods_error(e: OdsError) -> ReadError {
    match e {
        OdsError::Password => ReadError::Encrypted,
        other => ReadError::Unreadable(other.to_string()),
    }
}
