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
///
/// Kept per session: registers list a session's participants together, so the table of the
/// session being read stays in cache, where one table of a million (session, participant) keys
/// cost a cache miss per row.
#[derive(Debug, Default)]
pub struct RegistrationKeys {
    /// Index in `participants` of each session's table.
    sessions: CodeMap<u32, usize>,
    participants: Vec<CodeMap<u32, Source>>,
    /// The previous row's session and its index, found again without a lookup.
    last: Option<(u32, usize)>,
}

impl RegistrationKeys {
    pub fn reserve(&mut self, additional: usize) {
        // Sessions are far fewer than rows; a tenth is enough for most registers.
        self.sessions.reserve(additional / 10);
    }

    /// The finding when `r` repeats an earlier registration; otherwise `r` is remembered as a first.
    pub fn check(&mut self, r: &Registration, strings: &StringTable) -> Option<CrossRowFinding> {
        let index = match self.last {
            Some((session, index)) if session == r.session_id => index,
            _ => {
                let next = self.participants.len();
                let index = *self.sessions.entry(r.session_id).or_insert(next);
                if index == next {
                    // Sized like the session read before: growing a table 3, 7, 14, 28 entries
                    // rehashes it each time, for each of tens of thousands of sessions, and the
                    // sessions of a register tend to be alike (a session per person stays small).
                    let size = self
                        .last
                        .and_then(|(_, previous)| self.participants.get(previous))
                        .map_or(0, |table| table.len());
                    self.participants
                        .push(CodeMap::with_capacity_and_hasher(size, Default::default()));
                }
                self.last = Some((r.session_id, index));
                index
            }
        };
        match self.participants[index].entry(r.participant_id) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn registration(
        strings: &mut StringTable,
        row: u32,
        session: &str,
        person: &str,
    ) -> Registration {
        Registration {
            source: Source { sheet: 0, row },
            session_id: strings.intern(session),
            program: strings.intern("P"),
            start_date: NaiveDate::from_ymd_opt(2024, 1, 8).unwrap(),
            end_date: None,
            hours: 6.0,
            organisation: strings.intern("O"),
            participant_id: strings.intern(person),
            gender: None,
            category: None,
            attended: true,
            modality: None,
            satisfaction: None,
        }
    }

    #[test]
    fn a_registration_repeated_after_other_sessions_is_found_with_its_first_row() {
        let mut strings = StringTable::default();
        let rows = [
            (2, "S1", "P1"),
            (3, "S1", "P2"),
            (4, "S2", "P1"), // another session: not a repeat
            (5, "S1", "P1"), // back to S1 after S2: repeats row 2
            (6, "S2", "P1"), // repeats row 4
            (7, "S2", "P3"),
        ];
        let mut keys = RegistrationKeys::default();
        let repeats: Vec<(u32, u32, String)> = rows
            .iter()
            .filter_map(|&(row, session, person)| {
                let r = registration(&mut strings, row, session, person);
                keys.check(&r, &strings)
            })
            .map(|f| (f.source.row, f.first.row, f.value))
            .collect();
        assert_eq!(repeats, [(5, 2, "P1".into()), (6, 4, "P1".into())]);
    }
}
