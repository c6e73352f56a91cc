//! Spreadsheet files (xlsx, xlsm, xlsb, xls, ods) through calamine.

use super::cell::{Cell, Merge, RowBatch};
use super::inflate_ahead::{AheadArchive, SplitLog, SplitRole};
use super::rewrite;
use super::texts::TextNumbers;
use super::{Cause, ReadError, SheetEvent, SheetKind, Sink, BATCH_ROWS};
use crate::read::Limits;
use calamine::{
    open_workbook_from_rs, Data, DataRef, Dimensions, Ods, OdsError, Reader, SheetType,
    SheetVisible, Xls, XlsError, Xlsb, XlsbError, Xlsx, XlsxCellReader, XlsxError,
};
use chrono::NaiveDate;
use std::io::{Cursor, Read, Seek};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::Scope;

/// xlsx sheets whose XML is at least this large are parsed in two halves at once
/// (`split_sheet`): about 75,000 rows of twelve columns. Below, a second reader (another copy of
/// the workbook's shared strings and styles) costs more than it saves.
pub const SPLIT_FROM_BYTES: u64 = 32 << 20;
/// Cells of the second half held while the first is parsed: counted in cells, not rows, so that
/// wide sheets are held to the same memory. Memory for speed: a larger queue lets the second
/// half run further ahead, at the price of the peak memory that SPEC 7 bounds to 512 MiB; 3 Mi
/// cells keeps the million-row benchmark well under it (docs/performance.md).
const TAIL_QUEUE_CELLS: usize = 3 << 20;

/// Streams every sheet of a workbook held in memory, in workbook order.
///
/// xlsx and xlsm go through calamine's streaming cell reader, so a sheet is never held whole;
/// calamine has no such reader for xls, xlsb and ods, whose sheets are read whole, then sent in batches.
///
/// The fast paths are taken first (`FastPaths`). Each rests on behaviour of calamine or zip that
/// their APIs do not promise (`assumptions.rs`): a workbook they fail to read is read again the
/// plain way, after a `Restart`, and the plain outcome stands. A fast path can cost a file a
/// second reading, never a wrong figure.
pub fn stream_workbook(
    bytes: &[u8],
    extension: &str,
    limits: &Limits,
    fast_paths: FastPaths,
    sink: &mut Sink,
) -> Result<(), ReadError> {
    let fast = stream_workbook_with(bytes, extension, limits, sink, fast_paths);
    let plain = match fast {
        Err(ReadError::Unreadable { .. })
            if extension != "xls" && fast_paths != FastPaths::NONE =>
        {
            if !sink(SheetEvent::Restart) {
                return Ok(());
            }
            stream_workbook_with(bytes, extension, limits, sink, FastPaths::NONE)
        }
        other => other,
    };
    // Valid dialects calamine refuses whole: read again once rewritten (`rewrite`).
    let Err(ReadError::Unreadable { .. }) = plain else {
        return plain;
    };
    let (rewritten, macro_sheets) = match extension {
        "ods" => match rewrite::ods_without_layout_whitespace(bytes) {
            Some(rewritten) => (rewritten, Vec::new()),
            None => return plain,
        },
        "xlsx" | "xlsm" => match rewrite::xlsx_without_macro_sheets(bytes) {
            Some(found) => found,
            None => return plain,
        },
        _ => return plain,
    };
    if !sink(SheetEvent::Restart) {
        return Ok(());
    }
    for name in macro_sheets {
        let kind = SheetKind::Macro;
        if !sink(SheetEvent::Skipped { name, kind }) {
            return Ok(());
        }
    }
    stream_workbook_with(&rewritten, extension, limits, sink, FastPaths::NONE)
}

/// The ways of reading a zip-based workbook faster than calamine alone (docs/architecture.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FastPaths {
    /// Large deflated parts inflated ahead on helper threads (`inflate_ahead`). Splitting needs it.
    pub inflate_ahead: bool,
    /// xlsx sheets of at least this many bytes of XML are parsed in two halves (`split_sheet`);
    /// `u64::MAX`: none.
    pub split_from_bytes: u64,
    /// Cells of the second half held while the first is parsed.
    pub queue_cells: usize,
    /// xlsx shared strings numbered by the address calamine holds them at (`texts`); otherwise
    /// each shared-string cell is copied like an inline string.
    pub shared_by_address: bool,
}

impl FastPaths {
    /// calamine alone: the plain path.
    pub const NONE: FastPaths = FastPaths {
        inflate_ahead: false,
        split_from_bytes: u64::MAX,
        queue_cells: TAIL_QUEUE_CELLS,
        shared_by_address: false,
    };
}

impl Default for FastPaths {
    fn default() -> Self {
        FastPaths {
            inflate_ahead: true,
            split_from_bytes: SPLIT_FROM_BYTES,
            queue_cells: TAIL_QUEUE_CELLS,
            shared_by_address: true,
        }
    }
}

/// [`stream_workbook`] through the fast paths asked for, without falling back.
pub fn stream_workbook_with(
    bytes: &[u8],
    extension: &str,
    limits: &Limits,
    sink: &mut Sink,
    fast: FastPaths,
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
    if !fast.inflate_ahead {
        let archive = Cursor::new(bytes);
        return match extension {
            "xlsx" | "xlsm" => {
                let wb: Xlsx<_> = open_workbook_from_rs(archive).map_err(xlsx_error)?;
                stream_xlsx(wb, &mut cells_left, sink, None, fast)
            }
            other => stream_whole_sheets(archive, other, &mut cells_left, sink, true),
        };
    }
    std::thread::scope(|scope| {
        if matches!(extension, "xlsx" | "xlsm") {
            let halves = Halves {
                scope,
                bytes,
                log: Arc::new(SplitLog::default()),
                limit: cells_left,
                fast,
            };
            let head = SplitRole::Head {
                from_bytes: fast.split_from_bytes,
                log: halves.log.clone(),
            };
            let archive = AheadArchive::split(bytes, scope, head);
            let wb: Xlsx<_> = open_workbook_from_rs(archive).map_err(xlsx_error)?;
            return stream_xlsx(wb, &mut cells_left, sink, Some(&halves), fast);
        }
        let archive = AheadArchive::new(bytes, scope);
        stream_whole_sheets(archive, extension, &mut cells_left, sink, false)
    })
}

/// xlsb (streamed cell by cell) and ods (read a sheet at a time: calamine has no streaming reader
/// for it). `plain`: no fast path is in use, so a sheet that fails costs that sheet alone.
fn stream_whole_sheets<RS: Read + Seek>(
    archive: RS,
    extension: &str,
    cells_left: &mut u64,
    sink: &mut Sink,
    plain: bool,
) -> Result<(), ReadError> {
    match extension {
        "xlsb" => {
            let wb: Xlsb<_> = open_workbook_from_rs(archive).map_err(xlsb_error)?;
            stream_xlsb(wb, cells_left, sink, plain)
        }
        "ods" => {
            let wb: Ods<_> = open_workbook_from_rs(archive).map_err(ods_error)?;
            stream_ranges(wb, |_, _| Vec::new(), ods_error, cells_left, sink)
        }
        other => Err(ReadError::Unsupported(other.to_string())),
    }
}

/// The sheets a workbook lists, in workbook order; a workbook that lists none is an error.
fn listed(sheets: &[calamine::Sheet]) -> Result<Vec<calamine::Sheet>, ReadError> {
    if sheets.is_empty() {
        return Err(ReadError::because(Cause::NoSheet));
    }
    Ok(sheets.to_vec())
}

/// What to do with a listed sheet.
enum Next {
    /// A worksheet: read it (its name, and whether the workbook hides it).
    Read(String, bool),
    /// Not a worksheet: its `Skipped` event was sent.
    Skipped,
    /// Nobody listens any more.
    Stop,
}

fn next(sheet: &calamine::Sheet, sink: &mut Sink) -> Next {
    let kind = match sheet.typ {
        SheetType::WorkSheet => {
            return Next::Read(sheet.name.clone(), sheet.visible != SheetVisible::Visible)
        }
        SheetType::ChartSheet => SheetKind::Chart,
        SheetType::MacroSheet | SheetType::Vba => SheetKind::Macro,
        SheetType::DialogSheet => SheetKind::Dialog,
    };
    let name = sheet.name.clone();
    match sink(SheetEvent::Skipped { name, kind }) {
        true => Next::Skipped,
        false => Next::Stop,
    }
}

/// A sheet could not be read (past the rows already sent). Read plainly, that costs the sheet
/// alone: the failure is sent and the file goes on (`Ok(true)`; `Ok(false)`: nobody listens).
/// Through a fast path, it is the workbook's error, so that it is read again the plain way.
fn sheet_failed(error: ReadError, plain: bool, sink: &mut Sink) -> Result<bool, ReadError> {
    if !plain || matches!(error, ReadError::TooLarge(_)) {
        return Err(error);
    }
    Ok(sink(SheetEvent::Failed(error)) && sink(SheetEvent::End))
}

/// xlsb through calamine's streaming cell reader: a sheet is never held whole, so a sheet that
/// declares a huge area costs only the cells it holds.
fn stream_xlsb<RS: Read + Seek>(
    mut wb: Xlsb<RS>,
    cells_left: &mut u64,
    sink: &mut Sink,
    plain: bool,
) -> Result<(), ReadError> {
    let limit = *cells_left;
    for sheet in listed(wb.sheets_metadata())? {
        let (name, hidden) = match next(&sheet, sink) {
            Next::Read(name, hidden) => (name, hidden),
            Next::Skipped => continue,
            Next::Stop => return Ok(()),
        };
        let reader = wb.worksheet_cells_reader(&name);
        let rows_hint = reader.as_ref().ok().map(|r| {
            let d = r.dimensions();
            (d.end.0 + 1).saturating_sub(d.start.0)
        });
        if !sink(SheetEvent::Begin {
            name: name.clone(),
            merges: Some(Vec::new()),
            rows_hint,
            hidden,
        }) {
            return Ok(());
        }
        let mut reader = match reader {
            Ok(reader) => reader,
            Err(e) => match sheet_failed(xlsb_error(e), plain, sink)? {
                true => continue,
                false => return Ok(()),
            },
        };
        let mut rows = RowAssembler::new(sink, cells_left);
        let failure = loop {
            match reader.next_cell() {
                Ok(Some(cell)) => {
                    let (row, column) = cell.get_position();
                    rows.cell(row + 1, column as usize, convert_ref(cell.get_value()));
                    if rows.too_large {
                        return Err(too_large(limit));
                    }
                    if rows.stopped {
                        return Ok(());
                    }
                }
                Ok(None) => break None,
                Err(e) => break Some(xlsb_error(e)),
            }
        };
        if !rows.end(failure, plain)? {
            return Ok(());
        }
    }
    Ok(())
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

    /// Adds a cell at (1-based row, 0-based column); rows arrive in order. An empty cell (one
    /// that is only styled) makes no row: a sheet formatted down to row 1,048,576 ends at its
    /// last value (SPEC 2), and the blank rows between values are made when the next one comes.
    fn cell(&mut self, number: u32, column: usize, cell: Cell) {
        if matches!(cell, Cell::Empty) {
            return;
        }
        if self.current != Some(number) {
            // Blank rows between two used rows are rows too (counted as blank). Each costs a cell
            // of the budget: a sheet with a cell at row 4,000,000,000 is too large, not a loop
            // over billions of empty rows.
            let gap_from = match self.current {
                Some(previous) if previous < number => previous + 1,
                _ => number,
            };
            if !self.charge(u64::from(number - gap_from)) {
                return;
            }
            for row in gap_from..=number {
                self.start_row(row);
            }
            self.current = Some(number);
        }
        let added = (column + 1).saturating_sub(self.batch.last_width()) as u64;
        if self.charge(added) {
            self.batch.set(column, cell);
        }
    }

    /// Takes `cells` from the budget; false (and stopped, too large) when it cannot.
    fn charge(&mut self, cells: u64) -> bool {
        match self.cells_left.checked_sub(cells) {
            Some(left) => {
                *self.cells_left = left;
                true
            }
            None => {
                self.too_large = true;
                self.stopped = true;
                false
            }
        }
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

    /// Appends rows read elsewhere (the second half of a split sheet) after the rows so far, as
    /// if read here: blank rows between, the cell budget. The batch is passed on as it is.
    fn append(&mut self, batch: RowBatch) {
        let Some(first) = batch.first_number() else {
            return;
        };
        if self.current.is_some_and(|current| first <= current) {
            // Rows out of order at the cut (a malformed sheet): cell by cell, as read in one go.
            for (number, column, cell) in batch.into_cells() {
                self.cell(number, column, cell);
                if self.stopped {
                    return;
                }
            }
            return;
        }
        let gap_from = self.current.map_or(first, |current| current + 1);
        // What `cell` would have charged: the cells (padding included) and the blank rows.
        let cost = u64::from(first - gap_from) + (batch.cell_count() + batch.empty_rows()) as u64;
        if !self.charge(cost) {
            return;
        }
        for row in gap_from..first {
            self.start_row(row);
        }
        // This reader's rows and texts first, then the batch.
        self.send_batch();
        self.current = batch.last_number();
        if !self.stopped {
            self.stopped = !(self.sink)(SheetEvent::Rows(batch));
        }
    }

    /// Sends what is left and ends the sheet; false when the receiver has gone.
    fn finish(mut self) -> bool {
        self.send_batch();
        !self.stopped && (self.sink)(SheetEvent::End)
    }

    /// Ends the sheet, whose reading stopped at `failure` if any (see `sheet_failed`): the rows
    /// read before are sent first.
    fn end(mut self, failure: Option<ReadError>, plain: bool) -> Result<bool, ReadError> {
        let Some(error) = failure else {
            return Ok(self.finish());
        };
        self.send_batch();
        if self.stopped {
            return Ok(false);
        }
        sheet_failed(error, plain, self.sink)
    }
}

/// A fast path met a workbook it cannot read right (an assumption of `assumptions.rs` does not
/// hold): the workbook is read again the plain way.
fn assumption_broken() -> ReadError {
    ReadError::because(Cause::FastPath)
}

fn too_large(cells: u64) -> ReadError {
    ReadError::TooLarge(super::Limit::Cells { max: cells })
}

fn stream_xlsx<RS: Read + Seek>(
    mut wb: Xlsx<RS>,
    cells_left: &mut u64,
    sink: &mut Sink,
    halves: Option<&Halves>,
    fast: FastPaths,
) -> Result<(), ReadError> {
    let limit = *cells_left;
    let mut texts = TextNumbers::default();
    let plain = fast == FastPaths::NONE;
    for sheet in listed(wb.sheets_metadata())? {
        let (name, hidden) = match next(&sheet, sink) {
            Next::Read(name, hidden) => (name, hidden),
            Next::Skipped => continue,
            Next::Stop => return Ok(()),
        };
        // Forget any large part read before (shared strings): only this sheet's counts below.
        if let Some(halves) = halves {
            halves.log.take_started();
        }
        let reader = wb.worksheet_cells_reader(&name);
        let rows_hint = reader.as_ref().ok().map(|r| {
            let d = r.dimensions();
            (d.end.0 + 1).saturating_sub(d.start.0)
        });
        // A large sheet: its second half is parsed meanwhile on another thread.
        let tail = halves.and_then(|halves| {
            let part = halves.log.take_started()?;
            Some((halves, part, halves.spawn_tail(part, &name)))
        });
        // Merged ranges sit after the cells: reading them would parse the sheet twice.
        if !sink(SheetEvent::Begin {
            name: name.clone(),
            merges: None,
            rows_hint,
            hidden,
        }) {
            return Ok(());
        }
        let mut reader = match reader {
            Ok(reader) => reader,
            Err(e) => match sheet_failed(xlsx_error(e), plain, sink)? {
                true => continue,
                false => return Ok(()),
            },
        };
        let mut rows = RowAssembler::new(sink, cells_left);
        let mut read = read_cells(&mut reader, &mut texts, &mut rows, limit, fast)?;
        if let (Cells::Ended, Some((halves, part, events))) = (&read, tail) {
            if halves.log.was_cut(part) {
                #[cfg(test)]
                TAILS_FORWARDED.with(|count| count.set(count.get() + 1));
                read = forward_tail(events, &mut texts, &mut rows, limit)?;
            }
        }
        let failure = match read {
            Cells::Stopped => return Ok(()),
            Cells::Ended => None,
            Cells::Failed(e) => Some(e),
        };
        if !rows.end(failure, plain)? {
            return Ok(());
        }
    }
    Ok(())
}

/// How reading a sheet's cells ended (a sheet too large is an `Err`).
enum Cells {
    Ended,
    /// The receiver has gone.
    Stopped,
    /// calamine failed; the rows read before are still sent.
    Failed(ReadError),
}

fn read_cells<RS: Read + Seek>(
    reader: &mut XlsxCellReader<'_, RS>,
    texts: &mut TextNumbers,
    rows: &mut RowAssembler,
    limit: u64,
    fast: FastPaths,
) -> Result<Cells, ReadError> {
    loop {
        match reader.next_cell() {
            Ok(Some(cell)) => {
                let (row, column) = cell.get_position();
                let value = match cell.get_value() {
                    DataRef::SharedString(text) if fast.shared_by_address => {
                        match texts.shared_string(text, &mut rows.fresh_texts) {
                            Some(cell) => cell,
                            None => return Ok(Cells::Failed(assumption_broken())),
                        }
                    }
                    other => convert_ref(other),
                };
                rows.cell(row + 1, column as usize, value);
                if rows.too_large {
                    return Err(too_large(limit));
                }
                if rows.stopped {
                    return Ok(Cells::Stopped);
                }
            }
            Ok(None) => return Ok(Cells::Ended),
            Err(e) => return Ok(Cells::Failed(xlsx_error(e))),
        }
    }
}

/// What a thread reading the second half of a large sheet sends: its rows, then its error if any.
struct TailEvents {
    events: Receiver<Result<SheetEvent, ReadError>>,
    queue: Arc<TailQueue>,
}

/// How many cells the second half has queued, so that it waits when too many are.
struct TailQueue {
    state: Mutex<QueueState>,
    room: Condvar,
    capacity: usize,
}

#[derive(Default)]
struct QueueState {
    cells: usize,
    /// The receiver has gone: nothing will make room any more.
    closed: bool,
}

impl TailQueue {
    /// Waits for room for `cells` (a batch larger than the whole queue goes alone); false when
    /// nobody will receive them.
    fn reserve(&self, cells: usize) -> bool {
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        while !state.closed && state.cells > 0 && state.cells + cells > self.capacity {
            state = match self.room.wait(state) {
                Ok(state) => state,
                Err(_) => return false,
            };
        }
        state.cells += cells;
        !state.closed
    }

    fn release(&self, cells: usize) {
        self.update(|state| state.cells = state.cells.saturating_sub(cells));
    }

    fn update(&self, change: impl FnOnce(&mut QueueState)) {
        if let Ok(mut state) = self.state.lock() {
            change(&mut state);
        }
        self.room.notify_all();
    }
}

impl Drop for TailEvents {
    /// The second half's thread must not wait for room that will never come.
    fn drop(&mut self) {
        self.queue.update(|state| state.closed = true);
    }
}

/// What is needed to read the second half of a large sheet on another thread.
struct Halves<'scope, 'env> {
    scope: &'scope Scope<'scope, 'env>,
    bytes: &'env [u8],
    log: Arc<SplitLog>,
    limit: u64,
    fast: FastPaths,
}

impl Halves<'_, '_> {
    /// Reads, on a thread of its own, the sheet `name` from the cut of its part on (the part whose
    /// local header is at `part`); its rows wait in a bounded queue for the first half to end.
    fn spawn_tail(&self, part: usize, name: &str) -> TailEvents {
        let (sender, events) = channel();
        let queue = Arc::new(TailQueue {
            state: Mutex::default(),
            room: Condvar::new(),
            capacity: self.fast.queue_cells,
        });
        let (scope, bytes, limit, fast) = (self.scope, self.bytes, self.limit, self.fast);
        let name = name.to_string();
        let room = queue.clone();
        self.scope.spawn(move || {
            let clock = crate::timings::Clock::start();
            let archive = AheadArchive::split(bytes, scope, SplitRole::Tail { part });
            let mut send = |event: SheetEvent| {
                let cells = match &event {
                    SheetEvent::Rows(batch) => batch.cell_count(),
                    _ => 0,
                };
                room.reserve(cells) && sender.send(Ok(event)).is_ok()
            };
            if let Err(e) = read_tail(archive, &name, limit, fast, &mut send) {
                let _ = sender.send(Err(e));
            }
            clock.report(&format!("second half of sheet {name:?}"));
        });
        TailEvents { events, queue }
    }
}

/// The second half of a split sheet: the workbook opened again, the sheet's part starting at its cut.
fn read_tail<RS: Read + Seek>(
    archive: RS,
    name: &str,
    limit: u64,
    fast: FastPaths,
    sink: &mut Sink,
) -> Result<(), ReadError> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(archive).map_err(xlsx_error)?;
    let mut reader = wb.worksheet_cells_reader(name).map_err(xlsx_error)?;
    let mut texts = TextNumbers::default();
    let mut cells_left = limit;
    let mut rows = RowAssembler::new(sink, &mut cells_left);
    let read = read_cells(&mut reader, &mut texts, &mut rows, limit, fast)?;
    rows.finish();
    match read {
        Cells::Failed(e) => Err(e),
        Cells::Ended | Cells::Stopped => Ok(()),
    }
}

/// Passes the second half of a split sheet on after the first, as if read in one go: its texts
/// numbered after the first half's, its batches appended by the same assembler (blank rows
/// between the halves, the cell budget).
fn forward_tail(
    events: TailEvents,
    texts: &mut TextNumbers,
    rows: &mut RowAssembler,
    limit: u64,
) -> Result<Cells, ReadError> {
    let first = texts.numbered();
    for event in &events.events {
        match event {
            Ok(SheetEvent::Texts(fresh)) => {
                texts.numbered_elsewhere(fresh.len() as u32);
                rows.fresh_texts.extend(fresh);
            }
            Ok(SheetEvent::Rows(mut batch)) => {
                events.queue.release(batch.cell_count());
                batch.shift_shared(first);
                rows.append(batch);
                if rows.too_large {
                    return Err(too_large(limit));
                }
                if rows.stopped {
                    return Ok(Cells::Stopped);
                }
            }
            Ok(_) => {}
            Err(e) => return Ok(Cells::Failed(e)),
        }
    }
    Ok(Cells::Ended)
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
    for sheet in listed(workbook.sheets_metadata())? {
        let (name, hidden) = match next(&sheet, sink) {
            Next::Read(name, hidden) => (name, hidden),
            Next::Skipped => continue,
            Next::Stop => return Ok(()),
        };
        let range = workbook.worksheet_range(&name);
        let found = merges_of(&workbook, &name);
        if !sink(SheetEvent::Begin {
            name,
            merges: Some(found),
            rows_hint: range
                .as_ref()
                .ok()
                .and_then(|r| u32::try_from(r.height()).ok()),
            hidden,
        }) {
            return Ok(());
        }
        // Read whole-range formats are never read through a fast path: a sheet that fails costs
        // that sheet.
        let range = match range {
            Ok(range) => range,
            Err(e) => match sheet_failed(to_error(e), true, sink)? {
                true => continue,
                false => return Ok(()),
            },
        };
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

/// A parser's error as a cause people understand; the parser's words are kept for `inspect`.
fn damaged(detail: impl std::fmt::Display) -> ReadError {
    ReadError::Unreadable {
        cause: Cause::Corrupt,
        detail: detail.to_string(),
    }
}

fn xlsx_error(e: XlsxError) -> ReadError {
    match e {
        XlsxError::Password => ReadError::Encrypted,
        other => damaged(other),
    }
}

fn xlsb_error(e: XlsbError) -> ReadError {
    match e {
        XlsbError::Password => ReadError::Encrypted,
        other => damaged(other),
    }
}

fn xls_error(e: XlsError) -> ReadError {
    match e {
        XlsError::Password => ReadError::Encrypted,
        other => {
            // calamine does not export the type of its OLE errors: the code page is read back
            // from the only message that names one ("Codepage {hex} not found").
            let detail = other.to_string();
            let page = detail
                .split_once("Codepage ")
                .and_then(|(_, rest)| rest.strip_suffix(" not found"))
                .and_then(|hex| u16::from_str_radix(hex, 16).ok());
            match page {
                Some(page) => ReadError::Unreadable {
                    cause: Cause::Codepage(page),
                    detail,
                },
                None => damaged(detail),
            }
        }
    }
}

fn ods_error(e: OdsError) -> ReadError {
    match e {
        OdsError::Password => ReadError::Encrypted,
        OdsError::CellLimitExceeded { max, .. } => {
            ReadError::TooLarge(super::Limit::Cells { max: max as u64 })
        }
        other => damaged(other),
    }
}

#[cfg(any(test, feature = "fuzzing"))]
/// The rows of every sheet (texts resolved) and how reading ended, through the fast paths asked
/// for and without falling back; the zip limits are checked first, as a run does.
fn resolved_rows(
    bytes: &[u8],
    extension: &str,
    limits: &Limits,
    fast: FastPaths,
) -> (Vec<String>, String) {
    recorded(|sink| {
        super::limits::check_zip(bytes, limits)?;
        stream_workbook_with(bytes, extension, limits, sink, fast)
    })
}

/// Every event a reading sends, as text (texts resolved; a `Restart` forgets what came before),
/// and how the reading ended ("read", its error, or "calamine panicked").
#[cfg(any(test, feature = "fuzzing"))]
pub(super) fn recorded(
    read: impl FnOnce(&mut Sink) -> Result<(), ReadError>,
) -> (Vec<String>, String) {
    let mut texts: Vec<Cell> = Vec::new();
    let mut rows = Vec::new();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read(&mut |event| {
            match event {
                SheetEvent::Begin {
                    name, rows_hint, ..
                } => rows.push(format!("sheet {name:?} {rows_hint:?}")),
                SheetEvent::Texts(fresh) => {
                    texts.extend(fresh.into_iter().map(|t| Cell::Text(t.into())))
                }
                SheetEvent::Rows(batch) => {
                    for row in batch.iter() {
                        let row = row.to_row().resolved(&texts);
                        rows.push(format!("{} {:?}", row.number, row.cells));
                    }
                }
                SheetEvent::End => rows.push("end".into()),
                SheetEvent::Skipped { name, kind } => {
                    rows.push(format!("skipped {name:?} {kind:?}"))
                }
                SheetEvent::Failed(e) => rows.push(format!("failed {e:?}")),
                SheetEvent::Restart => {
                    rows.clear();
                    texts.clear();
                }
            }
            true
        })
    }));
    let outcome = match outcome {
        Ok(Ok(())) => "read".to_string(),
        Ok(Err(e)) => e.to_string(),
        Err(_) => "calamine panicked".to_string(),
    };
    (rows, outcome)
}

/// Every fast path, every sheet split, the second half's queue holding a few batches at most.
#[cfg(any(test, feature = "fuzzing"))]
const SPLITTING_EVERY_SHEET: FastPaths = FastPaths {
    inflate_ahead: true,
    split_from_bytes: 0,
    queue_cells: 20_000,
    shared_by_address: true,
};

#[cfg(any(test, feature = "fuzzing"))]
impl FastPaths {
    /// The same, no sheet split.
    const fn whole(self) -> FastPaths {
        FastPaths {
            split_from_bytes: u64::MAX,
            ..self
        }
    }
}

#[cfg(any(test, feature = "fuzzing"))]
/// Whether some part of the archive cannot be read to its end (damaged data, a wrong CRC-32).
fn has_damaged_part(bytes: &[u8], limits: &Limits) -> bool {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return true;
    };
    (0..archive.len()).any(|index| {
        let Ok(part) = archive.by_index(index) else {
            return true;
        };
        std::io::copy(
            &mut part.take(limits.max_inflated_bytes),
            &mut std::io::sink(),
        )
        .is_err()
    })
}

#[cfg(any(test, feature = "fuzzing"))]
/// The fuzz target `split_sheet` and the tests: an xlsx read with every sheet split in two
/// halves must give the rows (texts resolved) of reading it whole, and fail when that fails
/// (not necessarily after the same rows or with the same words: each half meets a damaged part
/// in its own way, and a file that fails is reported unreadable whatever its rows). A damaged
/// archive may also fail one way only: the zip reader checks a part's CRC-32 when a read reaches
/// the part's end, which depends on how the bytes were handed over. Panics on a difference.
pub fn split_differential(bytes: &[u8], limits: &Limits) {
    let whole = resolved_rows(bytes, "xlsx", limits, SPLITTING_EVERY_SHEET.whole());
    let split = resolved_rows(bytes, "xlsx", limits, SPLITTING_EVERY_SHEET);
    let both_fail = whole.1 != "read" && split.1 != "read";
    let one_fails = (whole.1 == "read") != (split.1 == "read");
    if one_fails && has_damaged_part(bytes, limits) {
        return;
    }
    if whole != split && !both_fail {
        let first = whole.0.iter().zip(&split.0).position(|(a, b)| a != b);
        panic!(
            "split reading differs: outcome {:?} / {:?}, {} / {} rows, first difference at {first:?}",
            whole.1,
            split.1,
            whole.0.len(),
            split.0.len()
        );
    }
}

#[cfg(test)]
thread_local! {
    /// Sheets whose second half was forwarded on this thread (tests check the split happened).
    static TAILS_FORWARDED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod split_tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    /// A workbook of a small sheet then two large ones: shared or inline texts, numbers, dates,
    /// an error value, blank rows around the middle and a cell far right.
    fn workbook(inline: bool) -> Vec<u8> {
        let mut workbook = Workbook::new();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let day = ExcelDateTime::from_ymd(2024, 3, 1).expect("a date");
        workbook
            .add_worksheet()
            .set_name("Notes")
            .and_then(|sheet| sheet.write(0, 0, "Registre 2024"))
            .expect("a sheet");
        for name in ["Formations", "Suivi"] {
            let sheet = if inline {
                workbook
                    .add_worksheet_with_constant_memory()
                    .expect("a sheet")
            } else {
                workbook.add_worksheet()
            };
            sheet.set_name(name).expect("a name");
            sheet.write(0, 0, "Session").expect("write");
            for i in 1..6000u32 {
                if (2990..3010).contains(&i) {
                    continue;
                }
                sheet.write(i, 0, format!("S{}", i / 100)).expect("write");
                sheet.write(i, 1, format!("P{i}")).expect("write");
                sheet.write(i, 2, f64::from(i) / 4.0).expect("write");
                sheet
                    .write_date_with_format(i, 3, &day, &date)
                    .expect("write");
                if i % 1000 == 7 {
                    sheet.write(i, 4, "#N/A").expect("write");
                    sheet.write(i, 30, "loin").expect("write");
                }
            }
        }
        workbook.save_to_buffer().expect("saved")
    }

    fn forwarded() -> usize {
        TAILS_FORWARDED.with(|count| count.get())
    }

    #[test]
    fn split_sheets_read_as_whole_ones() {
        for inline in [false, true] {
            let bytes = workbook(inline);
            let before = forwarded();
            let (rows, outcome) =
                resolved_rows(&bytes, "xlsx", &Limits::default(), SPLITTING_EVERY_SHEET);
            // Two large sheets, each cut once; the small one is not worth a thread.
            assert_eq!(forwarded() - before, 2, "inline: {inline}");
            assert_eq!(outcome, "read");
            assert_eq!(rows.iter().filter(|r| r.starts_with("sheet")).count(), 3);
            split_differential(&bytes, &Limits::default());
        }
    }

    #[test]
    fn the_cell_budget_counts_both_halves() {
        let bytes = workbook(false);
        // Each half fits, both together do not.
        let limits = Limits {
            max_cells: 40_000,
            ..Limits::default()
        };
        let (_, outcome) = resolved_rows(&bytes, "xlsx", &limits, SPLITTING_EVERY_SHEET);
        assert!(outcome.contains("Cells { max: 40000 }"), "{outcome}");
        split_differential(&bytes, &limits);
    }

    #[test]
    fn office_suites_files_read_the_same_split() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for fixture in [
            "tests/fixtures/libreoffice/registre.xlsx",
            "tests/fixtures/libreoffice/registre.xlsm",
            "tests/fixtures/source/registre.xlsx",
            // Found by fuzzing: a part that inflates past its declared size fails either way.
            "tests/fixtures/hostile/split-part-past-declared-size.xlsx",
            // Found by fuzzing: damaged data after a sheet's rows, which calamine never reads,
            // must not fail the sheet because it is inflated ahead.
            "tests/fixtures/hostile/split-damage-after-rows.xlsx",
            // Found by fuzzing: a sheet whose CRC-32 is wrong, read to its end one way only.
            "tests/fixtures/hostile/split-bad-crc.xlsx",
        ] {
            let bytes = std::fs::read(root.join(fixture)).expect("a fixture");
            split_differential(&bytes, &Limits::default());
        }
        // Damage after the rows is never read: both ways read the sheet.
        let bytes = std::fs::read(root.join("tests/fixtures/hostile/split-damage-after-rows.xlsx"))
            .expect("a fixture");
        let whole = resolved_rows(
            &bytes,
            "xlsx",
            &Limits::default(),
            SPLITTING_EVERY_SHEET.whole(),
        );
        assert_eq!(whole.1, "read");
        assert_eq!(
            resolved_rows(&bytes, "xlsx", &Limits::default(), SPLITTING_EVERY_SHEET),
            whole
        );
    }
}
