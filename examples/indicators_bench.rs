//! Times the indicator stage alone, several times over the same loaded data (`BENCH_RUNS`, 7 by
//! default), and prints the fastest and median runs: the stage is short, so a single run on a
//! shared machine says little.
//! `cargo run --release --features fuzzing --example indicators_bench -- PATH...`

// The binary's allocator and memory settings, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    bilan::without_huge_pages();
    let mut config = bilan::Config::load(None)?;
    config.inputs = std::env::args().skip(1).map(Into::into).collect();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let mut times = bilan::fuzzing::time_indicators(&config, runs)?;
    times.sort_by(f64::total_cmp);
    println!(
        "indicators: fastest {:.3} s, median {:.3} s over {runs} runs",
        times[0],
        times[runs / 2]
    );
    Ok(())
}
