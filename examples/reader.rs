//! bilan's reading stage alone (`bilan::read::read_file`: mapping, checksum, calamine, shared-text
//! numbering, row batches), its rows dropped as they come: the step between the floor
//! (`examples/floor.rs`) and a whole `bilan report`, for `bench/run.sh`.
//!
//! `cargo run --release --example reader -- FILE` prints the rows read and the time.

use std::time::Instant;

// The allocator of the `bilan` binary, so that the figure is that of its reading stage.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    bilan::memory::without_huge_pages();
    let path = std::env::args().nth(1).ok_or("usage: reader FILE")?;
    let input = bilan::read::InputFile {
        display: path.clone(),
        path: path.into(),
    };
    let start = Instant::now();
    let mut rows = 0;
    let file = bilan::read::read_file(&input, &Default::default(), None, &mut |event| {
        if let bilan::read::SheetEvent::Rows(batch) = event {
            rows += batch.len();
        }
        true
    });
    if let Some(issue) = file.error {
        return Err(issue.message.into());
    }
    eprintln!("{rows} rows, {:.3} s", start.elapsed().as_secs_f64());
    Ok(())
}
