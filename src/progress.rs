//! Progress on a terminal (SPEC 1): a line per file being read, with its rows and time, then
//! the stage the run is in. Nothing is drawn when stderr is not a terminal or with `--quiet`.

use bilan::issue::Message;
use bilan::{Progress, Stage};
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

pub struct Bars {
    multi: MultiProgress,
    stage: ProgressBar,
    files: Mutex<HashMap<usize, ProgressBar>>,
    file_style: ProgressStyle,
    words: HashMap<Stage, String>,
    /// "rows" in the run's language.
    rows: String,
}

impl Bars {
    pub fn new(show: bool, config: &bilan::Config) -> Bars {
        let target = if show {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let multi = MultiProgress::with_draw_target(target);
        let spinner = ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let stage = multi.add(ProgressBar::new_spinner().with_style(spinner));
        stage.enable_steady_tick(Duration::from_millis(120));
        let file_style =
            ProgressStyle::with_template("  {spinner} {msg} — {pos} {prefix} [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let words = [
            (Stage::Reading, "stage-reading"),
            (Stage::Indicators, "stage-indicators"),
            (Stage::Writing, "stage-writing"),
        ]
        .into_iter()
        .map(|(stage, id)| (stage, bilan::say(config, &Message::new(id))))
        .collect();
        let rows = bilan::say(config, &Message::new("progress-rows"));
        Bars {
            rows,
            multi,
            stage,
            files: Mutex::new(HashMap::new()),
            file_style,
            words,
        }
    }

    pub fn show(&self, event: Progress) {
        let Ok(mut files) = self.files.lock() else {
            return;
        };
        match event {
            Progress::Stage(stage) => {
                let words = self.words.get(&stage).cloned().unwrap_or_default();
                self.stage.set_message(words);
            }
            Progress::FileStarted { index, name, .. } => {
                let bar = self
                    .multi
                    .add(ProgressBar::new_spinner().with_style(self.file_style.clone()));
                bar.set_message(name);
                bar.set_prefix(self.rows.clone());
                bar.enable_steady_tick(Duration::from_millis(120));
                files.insert(index, bar);
            }
            Progress::FileRows { index, rows } => {
                if let Some(bar) = files.get(&index) {
                    bar.set_position(rows);
                }
            }
            Progress::FileDone { index } => {
                if let Some(bar) = files.remove(&index) {
                    bar.finish_and_clear();
                    self.multi.remove(&bar);
                }
            }
        }
    }

    pub fn finish(&self) {
        self.stage.finish_and_clear();
    }
}
