//! Times the dataset stage alone (header search, typing, rules within the file) on one file
//! whose events are read once and kept in memory, several times (`BENCH_RUNS`, 7 by default);
//! prints the fastest and median runs. In a run the typing overlaps the reading on another
//! thread, so `BILAN_TIMINGS` cannot tell the two apart.
//! `cargo run --release --features fuzzing --example typing_bench -- FILE`
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    bilan::without_huge_pages();
    let path = std::env::args().nth(1).ok_or("usage: typing_bench FILE")?;
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let (mut times, kept) = bilan::fuzzing::time_typing(path.as_ref(), runs)?;
    times.sort_by(f64::total_cmp);
    println!(
        "typing: {kept} rows kept; fastest {:.3} s, median {:.3} s over {runs} runs",
        times[0],
        times[runs / 2]
    );
    Ok(())
}
