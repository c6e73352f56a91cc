//! `bilan report` with one of the reader's fast paths turned off, for `bench/fast_paths.sh`:
//! what each buys (docs/architecture.md).
//!
//! `cargo run --release --features fuzzing --example fast_paths -- OFF OUT FILE...` where OFF is
//! `none` (all on), `split`, `inflate` (splitting off too: it needs it) or `address`.

// The binary's allocator and memory settings, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    bilan::without_huge_pages();
    let mut args = std::env::args().skip(1);
    let usage = "usage: fast_paths none|split|inflate|address OUT FILE...";
    let off = args.next().ok_or(usage)?;
    let out = args.next().ok_or(usage)?;
    let mut config = bilan::Config::load(None)?;
    config.inputs = args.map(Into::into).collect();
    config.out = out.into();
    config.quiet = true;
    bilan::fuzzing::report_without_fast_path(&mut config, &off)?;
    Ok(())
}
