//! The `bilan` binary: the command line into a request (`cli.rs`), one call into the library,
//! the outcome into an exit code.

mod cli;
mod progress;

/// mimalloc: rows are allocated on the reader thread and freed on the typing thread, which
/// glibc's allocator serialises on a lock; mimalloc frees across threads without one.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use bilan::issue::{Code, Issues, Message, Severity};
use clap::Parser;
use cli::Request;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// SPEC 1: 0 success, 1 data errors found (output still written), 2 usage or fatal error.
const DATA_ERRORS: u8 = 1;
const FATAL: u8 = 2;

fn main() -> ExitCode {
    bilan::without_huge_pages();
    // Where a run's time goes (docs/performance.md): each stage's duration on stderr.
    if std::env::var_os("BILAN_TIMINGS").is_some() {
        bilan::timings::report_to(Box::new(|stage, elapsed| {
            eprintln!("bilan: {stage}: {:.3} s", elapsed.as_secs_f64());
        }));
    }
    let cli = cli::Cli::parse();
    // Until bilan.toml is read, errors are in the language of --lang (French by default).
    let mut lang = cli.lang().unwrap_or_default();
    let outcome = cli
        .into_request()
        .map_err(bilan::AppError::from)
        .and_then(|request| {
            lang = request.lang().unwrap_or(lang);
            run(request)
        });
    match outcome {
        Ok(code) => code,
        Err(e) => {
            let error = Message::new("fatal").with("message", e.message());
            eprintln!("bilan: {}", bilan::say_in(lang, &error));
            ExitCode::from(FATAL)
        }
    }
}

fn run(request: Request) -> Result<ExitCode, bilan::AppError> {
    match request {
        Request::Report(config) => {
            for missing in config.missing_arabic_labels() {
                let warning = Message::new("warning").with("message", missing);
                eprintln!("bilan: {}", bilan::say(&config, &warning));
            }
            // Progress only for people: a terminal on stderr and no --quiet (SPEC 1).
            let show = !config.quiet && std::io::stderr().is_terminal();
            let bars = progress::Bars::new(show, &config);
            let summary = bilan::report(&config, &|event| bars.show(event))?;
            bars.finish();
            let issues = &summary.issues;
            let Some(out_dir) = &summary.out_dir else {
                // Nothing to report: the `no-data` issue says why, and nothing was written.
                for issue in issues.iter().filter(|i| i.code == Code::NoData) {
                    let error = Message::new("fatal").with("message", issue.message.clone());
                    eprintln!("bilan: {}", bilan::say(&config, &error));
                }
                let nothing = Message::new("run-nothing-written");
                eprintln!("bilan: {}", bilan::say(&config, &nothing));
                return Ok(exit_code(true));
            };
            if !config.quiet {
                let summary = Message::new("issues-summary")
                    .with("errors", issues.count(Severity::Error))
                    .with("warnings", issues.count(Severity::Warning))
                    .with("infos", issues.count(Severity::Info));
                let wrote = Message::new("run-wrote")
                    .with("dir", out_dir.display().to_string())
                    .with("summary", summary);
                eprintln!("bilan: {}", bilan::say(&config, &wrote));
            }
            if issues.has_errors() {
                let errors = Message::new("run-has-errors");
                eprintln!("bilan: {}", bilan::say(&config, &errors));
            }
            Ok(exit_code(issues.has_errors()))
        }
        Request::Check(config, format) => {
            let issues: Issues = bilan::check(&config)?;
            print_stdout(&bilan::render_issues(&config, issues.as_slice(), format));
            Ok(exit_code(issues.has_errors()))
        }
        Request::Inspect {
            config,
            file,
            sheet,
        } => {
            let (text, has_errors) = bilan::inspect(&config, &file, sheet.as_deref())?;
            print_stdout(&text);
            Ok(exit_code(has_errors))
        }
        Request::Indicators { config, dump } => {
            print_stdout(&bilan::describe_catalog(&config, dump)?);
            Ok(ExitCode::SUCCESS)
        }
        Request::Init(dir, lang) => {
            for path in bilan::init(&dir, lang)? {
                let wrote = Message::new("init-wrote").with("path", path.display().to_string());
                eprintln!("bilan: {}", bilan::say_in(lang, &wrote));
            }
            Ok(ExitCode::SUCCESS)
        }
        Request::ReadIsolated {
            path,
            extension,
            limits,
        } => {
            // A broken pipe means the parent stopped listening: nothing more to do.
            let _ = bilan::serve_isolated(&path, &extension, &limits);
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn exit_code(data_errors: bool) -> ExitCode {
    if data_errors {
        ExitCode::from(DATA_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints to stdout; a closed pipe (`bilan check | head`) ends quietly.
fn print_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}
