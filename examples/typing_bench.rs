//! Times the dataset stage alone (header search, typing, rules within the file) on one file
//! whose events are read once and kept in memory, several times (`BENCH_RUNS`, 7 by default);
//! prints the fastest and median runs. In a run the typing overlaps the reading on another
//! thread, so `BILAN_TIMINGS` cannot tell the two apart.
//! `cargo run --release --example typing_bench -- FILE`
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    bilan::memory::without_huge_pages();
    let path = std::env::args().nth(1).ok_or("usage: typing_bench FILE")?;
    let config = bilan::config::Config::load(None)?;
    let catalog = bilan::app::catalog(&config)?;
    let options = bilan::app::dataset_options(&config, &catalog);
    let input = bilan::read::InputFile {
        path: path.clone().into(),
        display: path,
    };
    let mut events = Vec::new();
    let file = bilan::read::read_file(&input, &config.limits, None, &mut |event| {
        events.push(event);
        true
    });
    if let Some(error) = file.error {
        return Err(error.message.into());
    }
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let mut times = Vec::new();
    let mut kept = 0;
    for _ in 0..runs {
        let copy = events.clone();
        let start = std::time::Instant::now();
        let part = bilan::datasets::parse_file(&options, 0, &input, copy);
        times.push(start.elapsed().as_secs_f64());
        kept = part.sheets.iter().map(|s| s.kept).sum::<usize>();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "typing: {kept} rows kept; fastest {:.3} s, median {:.3} s over {runs} runs",
        times[0],
        times[runs / 2]
    );
    Ok(())
}
