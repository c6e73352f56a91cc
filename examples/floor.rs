//! The floor of SPEC 7: calamine's streaming cell reader alone, decoding every cell of a sheet.
//!
//! `cargo run --release --example floor -- FILE.xlsx [SHEET]` prints the cells decoded and the time.

use calamine::{open_workbook, DataRef, Xlsx};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: floor FILE.xlsx [SHEET]")?;
    let sheet = args.next().unwrap_or_else(|| "Formations".to_string());
    let start = Instant::now();
    let mut workbook: Xlsx<_> = open_workbook(&path)?;
    let mut reader = workbook.worksheet_cells_reader(&sheet)?;
    let (mut cells, mut text_bytes, mut numbers) = (0u64, 0usize, 0f64);
    while let Some(cell) = reader.next_cell()? {
        cells += 1;
        // Touch every value so that nothing is optimised away.
        match cell.get_value() {
            DataRef::SharedString(s) => text_bytes += s.len(),
            DataRef::String(s) => text_bytes += s.len(),
            DataRef::Float(f) => numbers += f,
            DataRef::Int(i) => numbers += *i as f64,
            DataRef::DateTime(d) => numbers += d.as_f64(),
            _ => {}
        }
    }
    eprintln!(
        "{cells} cells, {text_bytes} text bytes, sum {numbers:.0}, {:.3} s",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
