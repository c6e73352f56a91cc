//! Reading a file in a child process: calamine can still abort the whole process on some crafted
//! .xls/.xlsb files (allocations sized by the file, which Rust cannot catch). The child is this
//! same binary (`bilan __read-isolated`), run with a capped address space when `prlimit` exists; it
//! streams the sheet events as JSON lines, and if it dies the file is reported, not the run.

use super::cell::{Cell, Merge, RowBatch};
use super::{read_bytes, ReadError, SheetEvent, Sink};
use crate::config::Limits;
use chrono::NaiveDate;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Formats read in a child process when isolation is on.
pub const ISOLATED_EXTENSIONS: [&str; 2] = ["xls", "xlsb"];

/// How to start the child: the bilan binary and the address space it may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Isolation {
    pub program: PathBuf,
    pub max_memory_bytes: u64,
}

fn cell_json(cell: &Cell) -> Value {
    match cell {
        Cell::Empty => Value::Null,
        Cell::Text(t) => json!({ "t": t }),
        Cell::Number(n) => json!({ "n": n }),
        Cell::Bool(b) => json!({ "b": b }),
        Cell::Date(d) => json!({ "d": d.format("%Y-%m-%d").to_string() }),
        Cell::Error(e) => json!({ "e": e }),
        Cell::Shared(i) => json!({ "s": i }),
    }
}

fn cell_from_json(value: &Value) -> Cell {
    let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
    if let Some(t) = text("t") {
        Cell::Text(t.into())
    } else if let Some(n) = value.get("n").and_then(Value::as_f64) {
        Cell::Number(n)
    } else if let Some(b) = value.get("b").and_then(Value::as_bool) {
        Cell::Bool(b)
    } else if let Some(d) = text("d").and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()) {
        Cell::Date(d)
    } else if let Some(e) = text("e") {
        Cell::Error(e.into())
    } else if let Some(i) = value.get("s").and_then(Value::as_u64) {
        u32::try_from(i).map_or(Cell::Empty, Cell::Shared)
    } else {
        Cell::Empty
    }
}

fn event_json(event: &SheetEvent) -> Value {
    match event {
        SheetEvent::Begin {
            name,
            merges,
            rows_hint,
        } => json!({
            "begin": name,
            "rows_hint": rows_hint,
            "merges": merges.as_ref().map(|m| m.iter().map(|m| [m.first_row as u64, m.first_col as u64, m.last_row as u64, m.last_col as u64]).collect::<Vec<_>>()),
        }),
        SheetEvent::Rows(rows) => json!({
            "rows": rows.iter().map(|r| json!([r.number, r.cells.iter().map(cell_json).collect::<Vec<_>>()])).collect::<Vec<_>>(),
        }),
        SheetEvent::Texts(texts) => json!({ "texts": texts }),
        SheetEvent::End => json!({ "end": true }),
        SheetEvent::Restart => json!({ "restart": true }),
    }
}

fn error_json(error: &ReadError) -> Value {
    let (kind, message) = match error {
        ReadError::Unreadable(m) => ("unreadable", m.clone()),
        ReadError::Unsupported(m) => ("unsupported", m.clone()),
        ReadError::Encrypted => ("encrypted", String::new()),
        ReadError::TooLarge(m) => ("too-large", m.clone()),
    };
    json!({ "kind": kind, "message": message })
}

fn error_from_json(value: &Value) -> ReadError {
    let message = value
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    match value.get("kind").and_then(Value::as_str) {
        Some("unsupported") => ReadError::Unsupported(message),
        Some("encrypted") => ReadError::Encrypted,
        Some("too-large") => ReadError::TooLarge(message),
        _ => ReadError::Unreadable(message),
    }
}

/// The child's side: read the file and write its events, then `{"done": …}`, on stdout.
pub fn serve(path: &Path, extension: &str, limits: &Limits) -> std::io::Result<()> {
    // Test seam: lets a test check that an aborting child costs the file, not the run.
    if std::env::var_os("BILAN_TEST_ABORT_ISOLATED_READER").is_some() {
        std::process::abort();
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = match super::bytes::load(path) {
        Ok(bytes) => read_bytes(&bytes, extension, limits, &mut |event| {
            writeln!(out, "{}", event_json(&event)).is_ok()
        }),
        Err(e) => Err(ReadError::Unreadable(e.to_string())),
    };
    let done = match &outcome {
        Ok(()) => Value::Null,
        Err(e) => error_json(e),
    };
    writeln!(out, "{}", json!({ "done": done }))?;
    out.flush()
}

/// A .xls holds at most 65,536 rows: minutes are more than any real one needs.
const MAX_READ_TIME: std::time::Duration = std::time::Duration::from_secs(300);

fn merges_from_json(value: &Value) -> Option<Vec<Merge>> {
    let list = value.get("merges")?.as_array()?;
    Some(
        list.iter()
            .filter_map(|m| {
                let n: Vec<u64> = m.as_array()?.iter().filter_map(Value::as_u64).collect();
                (n.len() == 4).then(|| Merge {
                    first_row: n[0] as u32,
                    first_col: n[1] as usize,
                    last_row: n[2] as u32,
                    last_col: n[3] as usize,
                })
            })
            .collect(),
    )
}

fn rows_from_json(rows: &[Value]) -> RowBatch {
    let mut batch = RowBatch::default();
    for r in rows {
        let Some(pair) = r.as_array() else { continue };
        let (Some(number), Some(cells)) = (
            pair.first().and_then(Value::as_u64),
            pair.get(1).and_then(Value::as_array),
        ) else {
            continue;
        };
        batch.push_row(number as u32, cells.iter().map(cell_from_json));
    }
    batch
}

/// The parent's side: run the child on `path` and forward its events to `sink`.
pub fn read(
    path: &Path,
    extension: &str,
    limits: &Limits,
    isolation: &Isolation,
    sink: &mut Sink,
) -> Result<(), ReadError> {
    let args = [
        "__read-isolated".to_string(),
        path.display().to_string(),
        extension.to_string(),
        limits.max_cells.to_string(),
        limits.max_inflated_bytes.to_string(),
    ];
    let prlimit = Path::new("/usr/bin/prlimit");
    let mut command = if prlimit.is_file() {
        let mut c = Command::new(prlimit);
        c.arg(format!("--as={}", isolation.max_memory_bytes))
            .arg("--")
            .arg(&isolation.program);
        c
    } else {
        Command::new(&isolation.program)
    };
    let mut child = command
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| ReadError::Unreadable(format!("cannot start the isolated reader: {e}")))?;
    let Some(stdout) = child.stdout.take() else {
        let _ = child.kill();
        return Err(ReadError::Unreadable(
            "the isolated reader has no output".into(),
        ));
    };
    // A watchdog owns the child: a reader that never finishes is killed, which ends its output.
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        let started = std::time::Instant::now();
        loop {
            match child.try_wait() {
                Ok(Some(_)) | Err(_) => return false,
                Ok(None) if started.elapsed() > MAX_READ_TIME || stopped.try_recv().is_ok() => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return started.elapsed() > MAX_READ_TIME;
                }
                Ok(None) => std::thread::sleep(std::time::Duration::from_millis(20)),
            }
        }
    });
    let mut outcome = None;
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        let Ok(value) = serde_json::from_str::<Value>(&line) else {
            break;
        };
        if let Some(done) = value.get("done") {
            outcome = Some(if done.is_null() {
                Ok(())
            } else {
                Err(error_from_json(done))
            });
            break;
        }
        let event = if let Some(name) = value.get("begin").and_then(Value::as_str) {
            SheetEvent::Begin {
                name: name.to_string(),
                merges: merges_from_json(&value),
                rows_hint: value
                    .get("rows_hint")
                    .and_then(Value::as_u64)
                    .and_then(|n| u32::try_from(n).ok()),
            }
        } else if let Some(rows) = value.get("rows").and_then(Value::as_array) {
            SheetEvent::Rows(rows_from_json(rows))
        } else if let Some(texts) = value.get("texts").and_then(Value::as_array) {
            SheetEvent::Texts(
                texts
                    .iter()
                    .map(|t| t.as_str().unwrap_or_default().to_string())
                    .collect(),
            )
        } else if value.get("restart").is_some() {
            SheetEvent::Restart
        } else {
            SheetEvent::End
        };
        if !sink(event) {
            // Nobody listens any more: stop the child.
            let _ = stop.send(());
            break;
        }
    }
    let timed_out = watchdog.join().unwrap_or(false);
    match outcome {
        Some(result) => result,
        None if timed_out => Err(ReadError::Unreadable(format!(
            "reading this file took more than {} s and was stopped",
            MAX_READ_TIME.as_secs()
        ))),
        None => Err(ReadError::Unreadable(
            "the reader stopped on this file before its end (a corrupt or crafted workbook?)"
                .into(),
        )),
    }
}
