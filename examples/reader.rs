//! bilan's reading stage alone (mapping, checksum, calamine, shared-text numbering, row batches),
//! its rows dropped as they come: the step between the floor (`examples/floor.rs`) and a whole
//! `bilan report`, for `bench/run.sh`.
//!
//! `cargo run --release --features fuzzing --example reader -- FILE` prints the rows read and the time.

use std::time::Instant;

// The allocator of the `bilan` binary, so that the figure is that of its reading stage.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    bilan::without_huge_pages();
    let path = std::env::args().nth(1).ok_or("usage: reader FILE")?;
    let start = Instant::now();
    let rows = bilan::fuzzing::count_rows(path.as_ref())?;
    eprintln!("{rows} rows, {:.3} s", start.elapsed().as_secs_f64());
    Ok(())
}
