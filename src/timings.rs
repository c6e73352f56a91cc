//! Stage durations, for `docs/performance.md`: where the time of a run goes. The stages time
//! themselves with a [`Clock`] and say nothing; the binary decides whether and where the
//! durations go (`BILAN_TIMINGS=1` prints them on stderr) by installing a reporter once.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Receives a stage's name and how long it took.
pub type Reporter = Box<dyn Fn(&str, Duration) + Send + Sync>;

static REPORTER: OnceLock<Reporter> = OnceLock::new();

/// Sends every duration the stages measure to `reporter` from now on (the first call wins).
pub fn report_to(reporter: Reporter) {
    let _ = REPORTER.set(reporter);
}

/// Whether anyone receives the durations (so that a stage measures only then).
pub(crate) fn enabled() -> bool {
    REPORTER.get().is_some()
}

/// Tells the reporter, if any.
pub(crate) fn report(stage: &str, elapsed: Duration) {
    if let Some(reporter) = REPORTER.get() {
        reporter(stage, elapsed);
    }
}

pub(crate) struct Clock {
    last: Instant,
}

impl Clock {
    pub(crate) fn start() -> Self {
        Clock {
            last: Instant::now(),
        }
    }

    /// Reports the time since the start or the previous lap, and starts the next lap.
    pub(crate) fn lap(&mut self, stage: &str) {
        self.report(stage);
        self.last = Instant::now();
    }

    pub(crate) fn report(&self, stage: &str) {
        report(stage, self.last.elapsed());
    }
}
