//! The `bilan` binary: the command line into a request (`cli.rs`), one call into the library,
//! the outcome into an exit code.

mod cli;

/// mimalloc: rows are allocated on the reader thread and freed on the typing thread, which
/// glibc's allocator serialises on a lock; mimalloc frees across threads without one.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use bilan::issue::{Code, Issues, Severity};
use bilan::lang::Lang;
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
    let outcome = cli::Cli::parse()
        .into_request()
        .map_err(bilan::AppError::from)
        .and_then(run);
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bilan: error: {e}");
            ExitCode::from(FATAL)
        }
    }
}

fn run(request: Request) -> Result<ExitCode, bilan::AppError> {
    match request {
        Request::Report(config) => {
            // Progress only for people: a terminal on stderr and no --quiet (SPEC 1).
            let show = !config.quiet && std::io::stderr().is_terminal();
            let mut progress = |stage| {
                if show {
                    eprintln!("bilan: {}", stage_words(stage, config.lang));
                }
            };
            let summary = bilan::report(&config, &mut progress)?;
            let issues = &summary.issues;
            let Some(out_dir) = &summary.out_dir else {
                // Nothing to report: the `no-data` issue says why, and nothing was written.
                for issue in issues.iter().filter(|i| i.code == Code::NoData) {
                    eprintln!("bilan: error: {}", bilan::issue_message(&config, issue));
                }
                eprintln!("bilan: no file was written");
                return Ok(exit_code(true));
            };
            if !config.quiet {
                eprintln!(
                    "bilan: wrote {} ({} error(s), {} warning(s), {} info(s) in the data)",
                    out_dir.display(),
                    issues.count(Severity::Error),
                    issues.count(Severity::Warning),
                    issues.count(Severity::Info),
                );
            }
            if issues.has_errors() {
                eprintln!("bilan: the data has errors; the report was written without the rejected rows (see data-issues.csv)");
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
        Request::Init(dir) => {
            for path in bilan::init(&dir)? {
                eprintln!("bilan: wrote {}", path.display());
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

fn stage_words(stage: bilan::Stage, lang: Lang) -> &'static str {
    match (stage, lang) {
        (bilan::Stage::Reading, Lang::Fr) => "lecture des fichiers…",
        (bilan::Stage::Reading, Lang::En) => "reading the files…",
        (bilan::Stage::Indicators, Lang::Fr) => "calcul des indicateurs…",
        (bilan::Stage::Indicators, Lang::En) => "computing the indicators…",
        (bilan::Stage::Writing, Lang::Fr) => "écriture du rapport…",
        (bilan::Stage::Writing, Lang::En) => "writing the report…",
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
