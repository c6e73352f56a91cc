//! A large sheet parsed in two halves, one per core.
//!
//! Parsing a sheet's XML is most of the reading and calamine does it on one thread. A large
//! sheet's part is therefore read twice at once, through two rewritten archives
//! (`inflate_ahead`): the *head* reader sees the part cut just before the first row that starts
//! past the middle of its XML, closed there (`</sheetData></worksheet>`); the *tail* reader sees
//! the part's opening (up to `<sheetData>`) followed directly by that row and the rest. Both cut
//! at the same place because both apply the same rule to the same bytes:
//!
//! - the part holds `<sheetData>` starting before its middle;
//! - the cut is the first `</row><row r="` starting at or after the middle (between those two
//!   tags, a row ends and a numbered row begins); a `</sheetData>` met first means no cut.
//!
//! Rows carry their number (`r`), so the tail's rows are numbered as in the whole sheet. When
//! there is no cut, the head reads the whole part and the tail reads no row.
//!
//! The rewritten parts no longer match their CRC-32, which the zip reader checks only when a
//! part is read to its very end; calamine stops at `</sheetData>`, before that end (tests in
//! `tests/workbooks.rs` run split sheets from several writers).

/// What a reader of a split part sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Everything before the cut, then the closing tags.
    Head,
    /// The opening of the part, then everything from the cut on.
    Tail,
}

const SHEET_DATA: &[u8] = b"<sheetData>";
const ROW_THEN_ROW: &[u8] = b"</row><row r=\"";
const SHEET_DATA_END: &[u8] = b"</sheetData>";
/// What the head reader reads after the cut.
pub const CLOSING: &[u8] = b"</sheetData></worksheet>";
/// A match can start this many bytes before the chunk it ends in.
const OVERLAP: usize = ROW_THEN_ROW.len() - 1;

/// What the rule decides about a part, found as its bytes stream by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decision {
    /// The cut, as an offset in the part.
    Cut(u64),
    NoCut,
}

/// Finds the end of `<sheetData>` and the cut in a part of `len` bytes fed chunk by chunk.
struct Scanner {
    middle: u64,
    /// The offset in the part of the next chunk.
    at: u64,
    /// The last bytes of the previous chunks (at most `OVERLAP`), for matches across chunks.
    carry: Vec<u8>,
    sheet_data_end: Option<u64>,
    decision: Option<Decision>,
}

impl Scanner {
    fn new(len: u64) -> Self {
        Scanner {
            middle: len / 2,
            at: 0,
            carry: Vec::new(),
            sheet_data_end: None,
            decision: None,
        }
    }

    /// Looks at the next chunk of the part.
    fn feed(&mut self, chunk: &[u8]) {
        let end = self.at + chunk.len() as u64;
        // A chunk that ends before the middle cannot hold the cut: it is searched only while
        // `<sheetData>` is still to be found.
        let searched =
            self.decision.is_none() && (self.sheet_data_end.is_none() || end >= self.middle);
        if searched {
            let start = self.at - self.carry.len() as u64;
            let mut window = Vec::with_capacity(self.carry.len() + chunk.len());
            window.extend_from_slice(&self.carry);
            window.extend_from_slice(chunk);
            self.search(&window, start, end);
        }
        keep_last(&mut self.carry, chunk);
        self.at = end;
    }

    /// Applies the rule to `window`, which starts at offset `start` and ends at `end`.
    fn search(&mut self, window: &[u8], start: u64, end: u64) {
        let mut from = 0;
        if self.sheet_data_end.is_none() {
            match memchr::memmem::find(window, SHEET_DATA) {
                Some(i) if start + (i as u64) < self.middle => {
                    let found = start + (i + SHEET_DATA.len()) as u64;
                    self.sheet_data_end = Some(found);
                    from = i + SHEET_DATA.len();
                }
                Some(_) => {
                    self.decision = Some(Decision::NoCut);
                    return;
                }
                None => {
                    // Any `<sheetData>` starting before the middle lies wholly in what was seen.
                    if end >= self.middle + SHEET_DATA.len() as u64 {
                        self.decision = Some(Decision::NoCut);
                    }
                    return;
                }
            }
        }
        let middle = self.middle.saturating_sub(start) as usize;
        from = from.max(middle);
        if from >= window.len() {
            return;
        }
        for i in memchr::memmem::find_iter(&window[from..], b"</") {
            let rest = &window[from + i..];
            if rest.starts_with(ROW_THEN_ROW) {
                let cut = start + (from + i + b"</row>".len()) as u64;
                self.decision = Some(Decision::Cut(cut));
                return;
            }
            if rest.starts_with(SHEET_DATA_END) {
                self.decision = Some(Decision::NoCut);
                return;
            }
            // A match that may continue in the next chunk is looked at again with it.
            if rest.len() < ROW_THEN_ROW.len() {
                return;
            }
        }
    }
}

/// Keeps in `carry` the last `OVERLAP` bytes of `carry` followed by `chunk`.
fn keep_last(carry: &mut Vec<u8>, chunk: &[u8]) {
    if chunk.len() >= OVERLAP {
        carry.clear();
        carry.extend_from_slice(&chunk[chunk.len() - OVERLAP..]);
    } else {
        carry.extend_from_slice(chunk);
        let excess = carry.len().saturating_sub(OVERLAP);
        carry.drain(..excess);
    }
}

/// Rewrites a part's bytes, chunk by chunk, for one `Role`.
pub struct Splitter {
    role: Role,
    scanner: Scanner,
    /// Bytes not handed on yet: the head holds back the last bytes before the middle, where the
    /// cut may fall; the tail holds the bytes it skips until it knows the cut.
    held: Vec<u8>,
    /// The offset in the part of `held[0]`.
    held_at: u64,
    done: bool,
}

impl Splitter {
    pub fn new(role: Role, len: u64) -> Self {
        Splitter {
            role,
            scanner: Scanner::new(len),
            held: Vec::new(),
            held_at: 0,
            done: false,
        }
    }

    /// Where the head reader's part was cut, once known (the tail reader then reads the rest).
    pub fn cut(&self) -> Option<u64> {
        match (self.role, self.scanner.decision) {
            (Role::Head, Some(Decision::Cut(cut))) => Some(cut),
            _ => None,
        }
    }

    /// True once the rewritten part is complete: the helper may stop inflating.
    pub fn done(&self) -> bool {
        self.done
    }

    /// Takes the part's next chunk; appends what the reader must see to `out`.
    pub fn pass(&mut self, chunk: Vec<u8>, out: &mut Vec<Vec<u8>>) {
        if self.done {
            return;
        }
        let chunk_at = self.scanner.at;
        let decided_before = self.scanner.decision.is_some();
        let opening_seen = self.scanner.sheet_data_end.is_some();
        self.scanner.feed(&chunk);
        if decided_before {
            // The rest of the part goes through unchanged.
            out.push(chunk);
            return;
        }
        match self.role {
            Role::Head => self.pass_head(chunk, chunk_at, out),
            Role::Tail => self.pass_tail(chunk, chunk_at, opening_seen, out),
        }
    }

    fn pass_head(&mut self, chunk: Vec<u8>, chunk_at: u64, out: &mut Vec<Vec<u8>>) {
        if self.held.is_empty() {
            self.held_at = chunk_at;
        }
        let end = chunk_at + chunk.len() as u64;
        match self.scanner.decision {
            Some(Decision::Cut(cut)) => {
                // Nothing at or after `held_at` went on yet, and the cut is not before it.
                let mut bytes = std::mem::take(&mut self.held);
                bytes.extend_from_slice(&chunk);
                bytes.truncate((cut - self.held_at) as usize);
                bytes.extend_from_slice(CLOSING);
                out.push(bytes);
                self.done = true;
            }
            Some(Decision::NoCut) => {
                self.flush_held(out);
                out.push(chunk);
            }
            // Before the middle no cut can fall: the chunk goes on as it is.
            None if end < self.scanner.middle => {
                self.flush_held(out);
                out.push(chunk);
            }
            None => {
                // A cut can only fall after the bytes the scanner has ruled out: all but the
                // last few, which wait for the next chunk.
                let mut bytes = std::mem::take(&mut self.held);
                bytes.extend_from_slice(&chunk);
                let keep = bytes.len().min(OVERLAP);
                self.held = bytes.split_off(bytes.len() - keep);
                self.held_at = end - keep as u64;
                if !bytes.is_empty() {
                    out.push(bytes);
                }
            }
        }
    }

    fn flush_held(&mut self, out: &mut Vec<Vec<u8>>) {
        if !self.held.is_empty() {
            out.push(std::mem::take(&mut self.held));
        }
    }

    fn pass_tail(
        &mut self,
        chunk: Vec<u8>,
        chunk_at: u64,
        opening_seen: bool,
        out: &mut Vec<Vec<u8>>,
    ) {
        // The opening of the part, up to the end of `<sheetData>`, goes on as it is.
        let mut skipped_from = chunk_at;
        if !opening_seen {
            match self.scanner.sheet_data_end {
                Some(end) => {
                    out.push(chunk[..(end - chunk_at) as usize].to_vec());
                    skipped_from = end;
                    self.held.clear();
                    self.held_at = end;
                }
                None if self.scanner.decision.is_none() => {
                    out.push(chunk);
                    return;
                }
                None => {}
            }
        }
        match self.scanner.decision {
            Some(Decision::Cut(cut)) => {
                // The cut may lie among the skipped bytes kept from the chunks before.
                if cut < chunk_at {
                    out.push(self.held[(cut - self.held_at) as usize..].to_vec());
                    out.push(chunk);
                } else {
                    out.push(chunk[(cut - chunk_at) as usize..].to_vec());
                }
                self.held.clear();
            }
            Some(Decision::NoCut) => {
                // No second half: the tail reader reads no row.
                out.push(CLOSING.to_vec());
                self.done = true;
            }
            None => {
                // Skipped; the last bytes are kept in case the cut falls among them.
                let skipped = &chunk[(skipped_from - chunk_at) as usize..];
                let end = chunk_at + chunk.len() as u64;
                keep_last(&mut self.held, skipped);
                self.held_at = end - self.held.len() as u64;
            }
        }
    }

    /// The part has ended: what the reader must still see.
    pub fn finish(&mut self, out: &mut Vec<Vec<u8>>) {
        if self.done {
            return;
        }
        self.done = true;
        match (self.role, self.scanner.decision) {
            // Undecided at the end: no cut.
            (Role::Head, None | Some(Decision::NoCut)) => self.flush_held(out),
            (Role::Tail, None) => out.push(CLOSING.to_vec()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: usize) -> Vec<u8> {
        let mut xml =
            String::from("<?xml version=\"1.0\"?><worksheet><dimension ref=\"A1\"/><sheetData>");
        for r in 1..=rows {
            xml.push_str(&format!(
                "<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>"
            ));
        }
        xml.push_str("</sheetData><pageMargins/></worksheet>");
        xml.into_bytes()
    }

    /// The part as `role` sees it when the bytes come in chunks of the given sizes (cycled).
    fn rewritten(part: &[u8], role: Role, sizes: &[usize]) -> Vec<u8> {
        let mut splitter = Splitter::new(role, part.len() as u64);
        let mut out = Vec::new();
        let mut at = 0;
        let mut size = sizes.iter().cycle();
        while at < part.len() && !splitter.done() {
            let n = (*size.next().expect("cycled")).min(part.len() - at);
            splitter.pass(part[at..at + n].to_vec(), &mut out);
            at += n;
        }
        splitter.finish(&mut out);
        out.concat()
    }

    #[test]
    fn head_and_tail_cut_at_the_first_row_past_the_middle_whatever_the_chunks() {
        let part = sheet(300);
        let middle = part.len() / 2;
        let cut = middle
            + memchr::memmem::find(&part[middle..], b"</row><row r=\"").expect("a row")
            + b"</row>".len();
        let opening = memchr::memmem::find(&part, b"<sheetData>").expect("sheetData") + 11;
        let mut head = part[..cut].to_vec();
        head.extend_from_slice(CLOSING);
        let mut tail = part[..opening].to_vec();
        tail.extend_from_slice(&part[cut..]);
        for sizes in [
            vec![1],
            vec![3, 7],
            vec![13],
            vec![14],
            vec![15, 2],
            vec![64],
            vec![1000],
            vec![middle],
            vec![middle - 5, 9],
            vec![cut - 2, 1, 1],
            vec![part.len()],
        ] {
            assert_halves(&part, &sizes, &head, &tail);
        }
    }

    /// The part read in chunks of `sizes` gives `head` and `tail`.
    fn assert_halves(part: &[u8], sizes: &[usize], head: &[u8], tail: &[u8]) {
        assert_eq!(
            rewritten(part, Role::Head, sizes),
            head,
            "head, chunks {sizes:?}"
        );
        assert_eq!(
            rewritten(part, Role::Tail, sizes),
            tail,
            "tail, chunks {sizes:?}"
        );
    }

    #[test]
    fn random_chunkings_agree() {
        let part = sheet(97);
        let expected_head = rewritten(&part, Role::Head, &[part.len()]);
        let expected_tail = rewritten(&part, Role::Tail, &[part.len()]);
        assert!(expected_head.len() < part.len());
        let mut state = 12345u64;
        for _ in 0..300 {
            let sizes: Vec<usize> = (0..8)
                .map(|_| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    1 + (state >> 33) as usize % 40
                })
                .collect();
            assert_halves(&part, &sizes, &expected_head, &expected_tail);
        }
    }

    #[test]
    fn without_a_row_past_the_middle_the_head_reads_everything_and_the_tail_nothing() {
        // One big row: nothing to cut at after the middle.
        let mut part = sheet(1);
        let v = memchr::memmem::find(&part, b"<v>").expect("a value") + 3;
        part.splice(v..v, std::iter::repeat_n(b'7', 500));
        let opening = memchr::memmem::find(&part, b"<sheetData>").expect("sheetData") + 11;
        let mut tail = part[..opening].to_vec();
        tail.extend_from_slice(CLOSING);
        for sizes in [vec![1], vec![5, 11], vec![100], vec![part.len()]] {
            assert_eq!(rewritten(&part, Role::Head, &sizes), part, "{sizes:?}");
            assert_eq!(rewritten(&part, Role::Tail, &sizes), tail, "{sizes:?}");
        }
        // No `<sheetData>` before the middle (not a worksheet): unchanged, and no rows for the tail.
        let other = format!("<sst>{}</sst>", "<si><t>x</t></si>".repeat(50)).into_bytes();
        for sizes in [vec![1], vec![7], vec![other.len()]] {
            assert_eq!(rewritten(&other, Role::Head, &sizes), other, "{sizes:?}");
            assert!(rewritten(&other, Role::Tail, &sizes).ends_with(CLOSING));
        }
    }

    #[test]
    fn rows_ending_before_the_middle_are_not_cut() {
        // The rows end early; what follows `</sheetData>` is long.
        let mut part = sheet(3);
        let end = memchr::memmem::find(&part, b"<pageMargins/>").expect("margins");
        let filler = b"<extLst>"
            .iter()
            .chain(&[b' '; 2000])
            .chain(b"</extLst>")
            .copied();
        part.splice(end..end, filler);
        let opening = memchr::memmem::find(&part, b"<sheetData>").expect("sheetData") + 11;
        let mut tail = part[..opening].to_vec();
        tail.extend_from_slice(CLOSING);
        for sizes in [vec![1], vec![13], vec![part.len()]] {
            assert_eq!(rewritten(&part, Role::Head, &sizes), part, "{sizes:?}");
            assert_eq!(rewritten(&part, Role::Tail, &sizes), tail, "{sizes:?}");
        }
    }
}
