//! Entry points for the fuzz targets (`fuzz/`), the differential checks and the benchmarks
//! (`examples/`), behind the `fuzzing` cargo feature: they reach inside the stages, so they are
//! not part of the tool's interface.

use crate::read::{self, InputFile, Limits, SheetEvent};
use std::path::Path;

/// Small limits, so that a fuzz run stays fast.
const FUZZ_LIMITS: Limits = Limits {
    max_cells: 200_000,
    max_inflated_bytes: 20_000_000,
};

fn input(path: &Path) -> InputFile {
    InputFile {
        path: path.to_path_buf(),
        display: path.display().to_string(),
    }
}

/// The `read_*` fuzz targets: bytes through the limits, the parser, then the header search and
/// typing of the dataset stage. Must never panic.
pub fn read_then_type(data: &[u8], extension: &str) {
    let mut events = Vec::new();
    let _ = read::read_bytes(data, extension, &FUZZ_LIMITS, &mut |event| {
        events.push(event);
        true
    });
    let options = crate::datasets::Options::default();
    let fuzz_file = input(Path::new(&format!("fuzz.{extension}")));
    let _ = crate::datasets::parse_file(&options, 0, &fuzz_file, events);
}

/// The `split_sheet` fuzz target: every sheet of an xlsx read in two halves must give the rows
/// of reading it whole. Panics on a difference.
pub fn split_differential(data: &[u8]) {
    read::split_differential(data, &FUZZ_LIMITS);
}

/// The `inflate_ahead` fuzz target: every part of a zip read through the archive whose parts
/// are inflated ahead must read as from the original. Panics on a difference.
pub fn inflate_differential(data: &[u8]) {
    read::inflate_differential(data);
}

/// `examples/reader.rs`: the reading stage alone on one file, its rows counted and dropped.
pub fn count_rows(path: &Path) -> Result<usize, String> {
    let mut rows = 0;
    let file = read::read_file(&input(path), &read::Options::default(), &mut |event| {
        if let SheetEvent::Rows(batch) = event {
            rows += batch.len();
        }
        true
    });
    match file.error {
        Some(issue) => Err(format!("{:?}", issue.message)),
        None => Ok(rows),
    }
}

/// `examples/typing_bench.rs`: the file's events read once, then typed `runs` times; the time of
/// each run in seconds and the rows kept.
pub fn time_typing(path: &Path, runs: usize) -> Result<(Vec<f64>, usize), crate::app::AppError> {
    let config = crate::config::Config::load(None)?;
    let catalog = crate::indicators::Catalog::load(&config.catalog, &config.categories)?;
    let options = config.dataset_options(&catalog);
    let file_input = input(path);
    let mut events = Vec::new();
    let file = read::read_file(&file_input, &options.read, &mut |event| {
        events.push(event);
        true
    });
    if let Some(error) = file.error {
        return Err(crate::app::AppError::NoInput(format!(
            "{:?}",
            error.message
        )));
    }
    let mut times = Vec::new();
    let mut kept = 0;
    for _ in 0..runs {
        let copy = events.clone();
        let start = std::time::Instant::now();
        let part = crate::datasets::parse_file(&options, 0, &file_input, copy);
        times.push(start.elapsed().as_secs_f64());
        kept = part.sheets.iter().map(|s| s.kept).sum::<usize>();
    }
    Ok((times, kept))
}

/// `examples/indicators_bench.rs`: the inputs of `config` loaded once, then the indicators
/// computed `runs` times; the time of each run in seconds.
pub fn time_indicators(
    config: &crate::config::Config,
    runs: usize,
) -> Result<Vec<f64>, crate::app::AppError> {
    let loaded = crate::app::load(config, &|_| {})?;
    let mut times = Vec::new();
    for _ in 0..runs {
        let mut datasets = loaded.datasets.clone();
        let start = std::time::Instant::now();
        crate::indicators::compute(
            &mut datasets,
            &loaded.catalog,
            &config.categories,
            config.year,
            config.status,
        )?;
        times.push(start.elapsed().as_secs_f64());
    }
    Ok(times)
}

/// `examples/fast_paths.rs`: `bilan report` with one of the reader's fast paths turned off
/// (`split`, `inflate` (which also turns splitting off), `address`, or `none` for all on).
pub fn report_without_fast_path(
    config: &mut crate::config::Config,
    off: &str,
) -> Result<std::path::PathBuf, String> {
    let mut fast = read::FastPaths::default();
    match off {
        "none" => {}
        "split" => fast.split_from_bytes = u64::MAX,
        "inflate" => {
            fast.inflate_ahead = false;
            fast.split_from_bytes = u64::MAX;
        }
        "address" => fast.shared_by_address = false,
        other => return Err(format!("no fast path named {other:?}")),
    }
    config.fast_paths = fast;
    let summary = crate::app::report(config, &|_| {}).map_err(|e| e.to_string())?;
    summary
        .out_dir
        .ok_or_else(|| "nothing to report (no-data)".to_string())
}
