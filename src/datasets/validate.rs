//! Rules that look across rows of a dataset (SPEC 3): duplicates and conflicting hours.
//!
//! Rows are compared in run order (files by path, sheets in workbook order, rows
//! top to bottom), so "the later row" is the same on every machine.

use super::records::{Activity, Registration, Source};
use chrono::Datelike;
use std::collections::{BTreeMap, HashSet};

/// A row found to repeat an earlier one, or to disagree with it.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossRowFinding {
    pub source: Source,
    pub first: Source,
    pub value: String,
}

/// Removes activities whose non-empty id was already seen in the same year; returns the later rows.
pub fn dedup_activities(activities: &mut Vec<Activity>) -> Vec<CrossRowFinding> {
    let mut seen: BTreeMap<(i32, String), Source> = BTreeMap::new();
    let mut findings = Vec::new();
    activities.retain(|a| {
        let Some(id) = &a.id else { return true };
        match seen.get(&(a.date.year(), id.clone())) {
            Some(first) => {
                findings.push(CrossRowFinding {
                    source: a.source,
                    first: *first,
                    value: id.clone(),
                });
                false
            }
            None => {
                seen.insert((a.date.year(), id.clone()), a.source);
                true
            }
        }
    });
    findings
}

/// Removes repeated (session, participant) registrations; returns the later rows.
pub fn dedup_registrations(registrations: &mut Vec<Registration>) -> Vec<CrossRowFinding> {
    let mut seen: BTreeMap<(String, String), Source> = BTreeMap::new();
    let mut findings = Vec::new();
    registrations.retain(|r| {
        let key = (r.session_id.clone(), r.participant_id.clone());
        match seen.get(&key) {
            Some(first) => {
                findings.push(CrossRowFinding {
                    source: r.source,
                    first: *first,
                    value: r.participant_id.clone(),
                });
                false
            }
            None => {
                seen.insert(key, r.source);
                true
            }
        }
    });
    findings
}

/// Rows of a session whose hours differ from the session's first row (each row keeps its own hours).
pub fn conflicting_hours(registrations: &[Registration]) -> Vec<CrossRowFinding> {
    let mut first_hours: BTreeMap<&str, (f64, Source)> = BTreeMap::new();
    let mut reported: HashSet<Source> = HashSet::new();
    let mut findings = Vec::new();
    for r in registrations {
        match first_hours.get(r.session_id.as_str()) {
            Some((hours, first)) if *hours != r.hours => {
                if reported.insert(r.source) {
                    findings.push(CrossRowFinding {
                        source: r.source,
                        first: *first,
                        value: format!("{}", r.hours),
                    });
                }
            }
            Some(_) => {}
            None => {
                first_hours.insert(&r.session_id, (r.hours, r.source));
            }
        }
    }
    findings
}
