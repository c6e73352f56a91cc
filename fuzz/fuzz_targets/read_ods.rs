//! Fuzzes bilan's reading of .ods bytes: limits, parser, rows and the dataset stage's typing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // bilan catches parser panics (calamine's, on crafted files) and reports the file; the
    // fuzzer's own hook would abort on them first, so it is replaced once. A panic bilan does not
    // catch still unwinds out of this closure, which libfuzzer-sys reports as a crash.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    bilan::fuzzing::read_then_type(data, "ods");
});
