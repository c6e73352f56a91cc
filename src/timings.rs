//! Stage durations on stderr when `BILAN_TIMINGS` is set: where the time of a run goes
//! (docs/performance.md). Off by default, so normal runs print nothing.

use std::time::{Duration, Instant};

pub fn enabled() -> bool {
    std::env::var_os("BILAN_TIMINGS").is_some()
}

pub struct Clock {
    enabled: bool,
    last: Instant,
}

impl Clock {
    pub fn start() -> Self {
        Clock {
            enabled: enabled(),
            last: Instant::now(),
        }
    }

    /// Prints the time since the start or the previous lap, and starts the next lap.
    pub fn lap(&mut self, stage: &str) {
        self.report(stage);
        self.last = Instant::now();
    }

    pub fn report(&self, stage: &str) {
        if self.enabled {
            eprintln!("bilan: {stage}: {:.3} s", self.elapsed().as_secs_f64());
        }
    }

    pub fn elapsed(&self) -> Duration {
        self.last.elapsed()
    }
}
