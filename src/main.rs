//! The `bilan` binary: parse the command line, call the library, turn the outcome into an exit code.

mod cli;

/// mimalloc: rows are allocated on the reader thread and freed on the typing thread, which
/// glibc's allocator serialises on a lock; mimalloc frees across threads without one.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use bilan::app;
use bilan::output::issues_report;
use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// SPEC 1: 0 success, 1 data errors found (output still written), 2 usage or fatal error.
const DATA_ERRORS: u8 = 1;
const FATAL: u8 = 2;

fn main() -> ExitCode {
    bilan::memory::without_huge_pages();
    let cli = cli::Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bilan: error: {e}");
            ExitCode::from(FATAL)
        }
    }
}

fn run(cli: cli::Cli) -> Result<ExitCode, app::AppError> {
    match cli.command {
        cli::Command::Report(args) => {
            let mut config = args.into_config()?;
            config.isolation = isolation();
            // Progress only for people: a terminal on stderr and no --quiet (SPEC 1).
            let show = !config.quiet && std::io::stderr().is_terminal();
            let mut progress = |stage: app::Stage| {
                if show {
                    let text = match (stage, config.lang) {
                        (app::Stage::Reading, bilan::Lang::Fr) => "lecture des fichiers…",
                        (app::Stage::Reading, bilan::Lang::En) => "reading the files…",
                        (app::Stage::Indicators, bilan::Lang::Fr) => "calcul des indicateurs…",
                        (app::Stage::Indicators, bilan::Lang::En) => "computing the indicators…",
                        (app::Stage::Writing, bilan::Lang::Fr) => "écriture du rapport…",
                        (app::Stage::Writing, bilan::Lang::En) => "writing the report…",
                    };
                    eprintln!("bilan: {text}");
                }
            };
            let summary = app::report(&config, &mut progress)?;
            let issues = &summary.loaded.datasets.issues;
            if !config.quiet {
                let count = |s| issues.count(s);
                eprintln!(
                    "bilan: wrote {} ({} error(s), {} warning(s), {} info(s) in the data)",
                    summary.out_dir.display(),
                    count(bilan::issue::Severity::Error),
                    count(bilan::issue::Severity::Warning),
                    count(bilan::issue::Severity::Info),
                );
            }
            if summary.loaded.has_data_errors() {
                eprintln!("bilan: the data has errors; the report was written without the rejected rows (see data-issues.csv)");
                return Ok(ExitCode::from(DATA_ERRORS));
            }
            Ok(ExitCode::SUCCESS)
        }
        cli::Command::Check(args) => {
            let (mut config, format) = args.into_config()?;
            config.isolation = isolation();
            let loaded = app::load(&config)?;
            print_stdout(&issues_report::render(loaded.issues(), format));
            Ok(if loaded.has_data_errors() {
                ExitCode::from(DATA_ERRORS)
            } else {
                ExitCode::SUCCESS
            })
        }
        cli::Command::Inspect(args) => {
            let mut config = bilan::config::Config::load(args.config.as_deref())?;
            config.isolation = isolation();
            let (text, has_errors) = app::inspect(&config, &args.file, args.sheet.as_deref())?;
            print_stdout(&text);
            Ok(if has_errors {
                ExitCode::from(DATA_ERRORS)
            } else {
                ExitCode::SUCCESS
            })
        }
        cli::Command::Indicators(args) => {
            let config = bilan::config::Config::load(args.config.as_deref())?;
            let catalog = app::catalog(&config)?;
            let text = if args.dump {
                bilan::indicators::listing::dump(&catalog)
            } else {
                bilan::indicators::listing::describe(&catalog, config.lang)
            };
            print_stdout(&text);
            Ok(ExitCode::SUCCESS)
        }
        cli::Command::ReadIsolated(args) => {
            let limits = bilan::config::Limits {
                max_cells: args.max_cells,
                max_inflated_bytes: args.max_inflated_bytes,
            };
            // A broken pipe means the parent stopped listening: nothing more to do.
            let _ = bilan::read::isolated::serve(&args.path, &args.extension, &limits);
            Ok(ExitCode::SUCCESS)
        }
        cli::Command::Init(args) => {
            let dir = args.dir.unwrap_or_else(|| std::path::PathBuf::from("."));
            for path in bilan::init::write(&dir)? {
                eprintln!("bilan: wrote {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// .xls and .xlsb are read by a child process of this binary, so that a parser abort on a crafted
/// file ends the child, not the run.
fn isolation() -> Option<bilan::read::isolated::Isolation> {
    let program = std::env::current_exe().ok()?;
    Some(bilan::read::isolated::Isolation {
        program,
        max_memory_bytes: 4 << 30,
    })
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
