//! Rules that look across rows of a dataset (SPEC 3): duplicates and conflicting hours.
//!
//! Rows are compared in run order (files by path, sheets in workbook order, rows
//! top to bottom), so "the later row" is the same on every machine.

use super::records::{Activity, Registration, Registrations, Source, StringTable};
use chrono::Datelike;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// Maps keyed by string-table codes: the codes are numbered by bilan in order of first appearance,
/// so a fast hash is safe here (no key is chosen by the file).
type CodeMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A row found to repeat an earlier one, or to disagree with it.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossRowFinding {
    pub source: Source,
    pub first: Source,
    pub value: String,
}

/// Removes activities whose non-empty id was already seen in the same year; returns the later rows.
pub fn dedup_activities(activities: &mut Vec<Activity>) -> Vec<CrossRowFinding> {
    let mut findings = Vec::new();
    let keep: Vec<bool> = {
        let mut seen: HashMap<(i32, &str), Source> = HashMap::new();
        activities
            .iter()
            .map(|a| {
                let Some(id) = a.id.as_deref() else {
                    return true;
                };
                match seen.entry((a.date.year(), id)) {
                    Entry::Occupied(first) => {
                        findings.push(CrossRowFinding {
                            source: a.source,
                            first: *first.get(),
                            value: id.to_string(),
                        });
                        false
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(a.source);
                        true
                    }
                }
            })
            .collect()
    };
    retain_flagged(activities, &keep);
    findings
}

/// The registrations seen so far, by (session, participant): the first one counts.
#[derive(Debug, Default)]
pub struct RegistrationKeys {
    seen: CodeMap<(u32, u32), Source>,
}

impl RegistrationKeys {
    pub fn reserve(&mut self, additional: usize) {
        self.seen.reserve(additional);
    }

    /// The finding when `r` repeats an earlier registration; otherwise `r` is remembered as a first.
    pub fn check(&mut self, r: &Registration, strings: &StringTable) -> Option<CrossRowFinding> {
        match self.seen.entry((r.session_id, r.participant_id)) {
            Entry::Occupied(first) => Some(CrossRowFinding {
                source: r.source,
                first: *first.get(),
                value: strings.get(r.participant_id).to_string(),
            }),
            Entry::Vacant(slot) => {
                slot.insert(r.source);
                None
            }
        }
    }
}

/// Removes repeated (session, participant) registrations; returns the later rows.
pub fn dedup_registrations(
    registrations: &mut Registrations,
    strings: &StringTable,
) -> Vec<CrossRowFinding> {
    let mut findings = Vec::new();
    let keep: Vec<bool> = {
        let mut keys = RegistrationKeys::default();
        registrations
            .iter()
            .map(|r| match keys.check(&r, strings) {
                Some(finding) => {
                    findings.push(finding);
                    false
                }
                None => true,
            })
            .collect()
    };
    registrations.retain(&keep);
    findings
}

fn retain_flagged<T>(items: &mut Vec<T>, keep: &[bool]) {
    let mut flags = keep.iter();
    items.retain(|_| flags.next().copied().unwrap_or(true));
}

/// Rows of a session whose hours differ from the session's first row (each row keeps its own hours).
pub fn conflicting_hours(registrations: &Registrations) -> Vec<CrossRowFinding> {
    let mut first_hours: CodeMap<u32, (f64, Source)> = CodeMap::default();
    let mut findings = Vec::new();
    let rows = registrations
        .session_id
        .iter()
        .zip(&registrations.hours)
        .zip(&registrations.source);
    for ((&session, &hours), &source) in rows {
        match first_hours.entry(session) {
            Entry::Occupied(first) => {
                let (first_hours, first_source) = *first.get();
                if first_hours != hours {
                    findings.push(CrossRowFinding {
                        source,
                        first: first_source,
                        value: format!("{hours}"),
                    });
                }
            }
            Entry::Vacant(slot) => {
                slot.insert((hours, source));
            }
        }
    }
    findings
}
