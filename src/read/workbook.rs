//! Spreadsheet files (xlsx, xlsm, xlsb, xls, ods) through calamine.

use super::cell::{Cell, Merge, Row, Sheet};
use super::ReadError;
use calamine::{
    open_workbook_from_rs, Data, Dimensions, Ods, OdsError, Range, Reader, Xls, XlsError, Xlsb,
    XlsbError, Xlsx, XlsxError,
};
use chrono::NaiveDate;
use std::io::Cursor;

/// Reads every sheet of a workbook held in memory, in workbook order.
pub fn read_workbook(bytes: Vec<u8>, extension: &str) -> Result<Vec<Sheet>, ReadError> {
    let cursor = Cursor::new(bytes);
    match extension {
        "xlsx" | "xlsm" => {
            let mut wb: Xlsx<_> = open_workbook_from_rs(cursor).map_err(xlsx_error)?;
            let merges = |wb: &mut Xlsx<_>, name: &str| {
                wb.merge_cells_by_sheet_name(name).unwrap_or_default()
            };
            let names = wb.sheet_names();
            let found: Vec<Vec<Dimensions>> = names.iter().map(|n| merges(&mut wb, n)).collect();
            let mut sheets = read_sheets(wb, xlsx_error)?;
            attach_merges(&mut sheets, found);
            Ok(sheets)
        }
        "xlsb" => {
            let wb: Xlsb<_> = open_workbook_from_rs(cursor).map_err(xlsb_error)?;
            read_sheets(wb, xlsb_error)
        }
        "xls" => {
            let wb: Xls<_> = open_workbook_from_rs(cursor).map_err(xls_error)?;
            let found: Vec<Vec<Dimensions>> = wb
                .sheet_names()
                .iter()
                .map(|n| wb.merge_cells_by_sheet_name(n).unwrap_or_default())
                .collect();
            let mut sheets = read_sheets(wb, xls_error)?;
            attach_merges(&mut sheets, found);
            Ok(sheets)
        }
        "ods" => {
            let wb: Ods<_> = open_workbook_from_rs(cursor).map_err(ods_error)?;
            read_sheets(wb, ods_error)
        }
        other => Err(ReadError::Unsupported(other.to_string())),
    }
}

/// Merged ranges in spreadsheet row numbers (calamine gives 0-based rows).
fn attach_merges(sheets: &mut [Sheet], found: Vec<Vec<Dimensions>>) {
    for (sheet, dims) in sheets.iter_mut().zip(found) {
        sheet.merges = dims
            .into_iter()
            .map(|d| Merge {
                first_row: d.start.0 + 1,
                first_col: d.start.1 as usize,
                last_row: d.end.0 + 1,
                last_col: d.end.1 as usize,
            })
            .collect();
    }
}

fn read_sheets<R, E>(mut workbook: R, to_error: fn(E) -> ReadError) -> Result<Vec<Sheet>, ReadError>
where
    R: Reader<Cursor<Vec<u8>>, Error = E>,
{
    let names = workbook.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = workbook.worksheet_range(&name).map_err(to_error)?;
        sheets.push(Sheet {
            rows: range_rows(&range),
            name,
            merges: Vec::new(),
        });
    }
    Ok(sheets)
}

/// Rows of a range, numbered as the spreadsheet shows them, cells placed at their column index.
fn range_rows(range: &Range<Data>) -> Vec<Row> {
    let Some((first_row, first_col)) = range.start() else {
        return Vec::new();
    };
    let pad = first_col as usize;
    range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut row = Vec::with_capacity(pad + cells.len());
            row.resize(pad, Cell::Empty);
            row.extend(cells.iter().map(convert));
            Row {
                number: first_row + i as u32 + 1,
                cells: row,
            }
        })
        .collect()
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
            None => Cell::Text(s.clone()),
        },
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
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
