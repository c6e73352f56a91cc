//! Differential fuzzing of the two-halves reading of large xlsx sheets
//! (`bilan::read::split_sheet`): every sheet read in two halves must give the rows and the
//! outcome of reading it whole.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // calamine's panics on crafted files are part of the compared outcome, not findings.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let limits = bilan::config::Limits {
        max_cells: 200_000,
        max_inflated_bytes: 20_000_000,
    };
    bilan::read::workbook::split_differential(data, &limits);
});
