//! Reading a file in a child process: calamine can still abort the whole process on some crafted
//! .xls/.xlsb files (allocations sized by the file, which Rust cannot catch). The child is this
//! same binary (`bilan __read-isolated`), run with a capped address space when `prlimit` exists; it
//! streams the sheet events as JSON lines (`Message`), and if it dies the file is reported, not the run.

use super::cell::Cell;
use super::{read_bytes, Cause, Limits, ReadError, SheetEvent, Sink};
use serde::{Deserialize, Serialize};
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

/// One line of the child's output: the events of the file as it reads them, then how reading
/// ended. The parent refuses any line that is not one of these (a file then costs an error,
/// never an empty cell).
#[derive(Debug, Serialize, Deserialize)]
enum Message {
    Event(SheetEvent),
    Done(Option<ReadError>),
}

/// Numbers JSON cannot write (NaN, infinities, which a crafted .xls can hold) travel as the error
/// value Excel shows for them.
fn without_nonfinite(mut event: SheetEvent) -> SheetEvent {
    if let SheetEvent::Rows(batch) = &mut event {
        for cell in batch.cells_mut() {
            if matches!(cell, Cell::Number(n) if !n.is_finite()) {
                *cell = Cell::Error("#NUM!".into());
            }
        }
    }
    event
}

fn write_message(out: &mut impl Write, message: &Message) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, message)?;
    out.write_all(b"\n")
}

/// The child's side: read the file and write its events, then `Done`, one JSON line each on stdout.
pub fn serve(path: &Path, extension: &str, limits: &Limits) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = match super::bytes::load(path) {
        Ok(bytes) => read_bytes(&bytes, extension, limits, &mut |event| {
            write_message(&mut out, &Message::Event(without_nonfinite(event))).is_ok()
        }),
        Err(e) => Err(ReadError::because(Cause::Io(e.to_string()))),
    };
    write_message(&mut out, &Message::Done(outcome.err()))?;
    out.flush()
}

/// A .xls holds at most 65,536 rows: minutes are more than any real one needs.
const MAX_READ_TIME: std::time::Duration = std::time::Duration::from_secs(300);

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
        .map_err(|e| ReadError::Unreadable {
            cause: Cause::ReaderFailed,
            detail: format!("cannot start the isolated reader: {e}"),
        })?;
    let Some(stdout) = child.stdout.take() else {
        let _ = child.kill();
        return Err(ReadError::Unreadable {
            cause: Cause::ReaderFailed,
            detail: "the isolated reader has no output".into(),
        });
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
        let event = match serde_json::from_str::<Message>(&line) {
            Ok(Message::Event(event)) => event,
            Ok(Message::Done(error)) => {
                outcome = Some(error.map_or(Ok(()), Err));
                break;
            }
            Err(_) => {
                let _ = stop.send(());
                outcome = Some(Err(ReadError::Unreadable {
                    cause: Cause::ReaderFailed,
                    detail: "the isolated reader sent a message bilan does not understand".into(),
                }));
                break;
            }
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
        None if timed_out => Err(ReadError::because(Cause::TimedOut(MAX_READ_TIME.as_secs()))),
        None => Err(ReadError::Unreadable {
            cause: Cause::Corrupt,
            detail: "the isolated reader stopped before the end of the file (a crash, or its memory limit)".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{Merge, RowBatch};
    use std::os::unix::fs::PermissionsExt;

    /// Runs `read` with a child that prints `output` whatever it is asked.
    fn read_from_child(output: &str) -> (Vec<SheetEvent>, Result<(), ReadError>) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("output"), output).expect("write");
        let child = dir.path().join("child");
        let script = format!("#!/bin/sh\ncat '{}'\n", dir.path().join("output").display());
        std::fs::write(&child, script).expect("write");
        std::fs::set_permissions(&child, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let isolation = Isolation {
            program: child,
            max_memory_bytes: 1 << 30,
        };
        let mut events = Vec::new();
        let outcome = read(
            Path::new("x.xls"),
            "xls",
            &Limits::default(),
            &isolation,
            &mut |event| {
                events.push(event);
                true
            },
        );
        (events, outcome)
    }

    fn line(message: &Message) -> String {
        let mut out = Vec::new();
        write_message(&mut out, message).expect("write");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn every_event_crosses_the_process_boundary_unchanged() {
        let mut batch = RowBatch::default();
        let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 12).expect("a date");
        batch.push_row(
            4,
            [
                Cell::Text("Atelier".into()),
                Cell::Number(1.5),
                Cell::Bool(true),
                Cell::Date(date),
                Cell::Error("#N/A".into()),
                Cell::Shared(7),
                Cell::Empty,
            ],
        );
        batch.push_row(6, []);
        let sent = vec![
            SheetEvent::Begin {
                name: "Feuil1".into(),
                merges: Some(vec![Merge {
                    first_row: 1,
                    first_col: 0,
                    last_row: 2,
                    last_col: 3,
                }]),
                rows_hint: Some(10),
                hidden: true,
            },
            SheetEvent::Texts(vec!["Réalisé".into()]),
            SheetEvent::Rows(batch),
            SheetEvent::Failed(ReadError::Unreadable {
                cause: super::super::Cause::Corrupt,
                detail: "Expecting a record".into(),
            }),
            SheetEvent::Skipped {
                name: "Graphique".into(),
                kind: super::super::SheetKind::Chart,
            },
            SheetEvent::End,
            SheetEvent::Restart,
        ];
        let mut output: String = sent
            .iter()
            .map(|e| line(&Message::Event(e.clone())))
            .collect();
        output.push_str(&line(&Message::Done(Some(ReadError::Encrypted))));
        let (received, outcome) = read_from_child(&output);
        assert_eq!(received, sent);
        assert!(matches!(outcome, Err(ReadError::Encrypted)), "{outcome:?}");
    }

    #[test]
    fn a_message_bilan_does_not_understand_is_an_error_not_an_empty_cell() {
        let begin = line(&Message::Event(SheetEvent::Begin {
            name: "Feuil1".into(),
            merges: None,
            rows_hint: None,
            hidden: false,
        }));
        for unknown in [
            "{\"Event\":{\"Rows\":{\"cells\":[{\"Colour\":3}],\"rows\":[[1,0]]}}}\n",
            // A row said to start past its batch's cells.
            "{\"Event\":{\"Rows\":{\"cells\":[],\"rows\":[[1,5]]}}}\n",
            "{\"Event\":{\"Rows\":{\"cells\":[{\"Date\":-999999999}],\"rows\":[[1,0]]}}}\n",
            "not json\n",
        ] {
            let (events, outcome) = read_from_child(&format!("{begin}{unknown}"));
            assert_eq!(events.len(), 1, "{unknown}");
            assert!(
                matches!(&outcome, Err(e @ ReadError::Unreadable { .. }) if e.detail().contains("does not understand")),
                "{unknown}: {outcome:?}"
            );
        }
    }

    #[test]
    fn numbers_json_cannot_write_travel_as_num_errors() {
        let mut batch = RowBatch::default();
        batch.push_row(1, [Cell::Number(f64::NAN), Cell::Number(f64::INFINITY)]);
        let SheetEvent::Rows(batch) = without_nonfinite(SheetEvent::Rows(batch)) else {
            panic!("rows stay rows");
        };
        assert_eq!(
            batch.cells(),
            [Cell::Error("#NUM!".into()), Cell::Error("#NUM!".into())]
        );
    }
}
