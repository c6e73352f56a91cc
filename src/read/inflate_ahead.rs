//! Large workbook parts inflated on another core while calamine parses them.
//!
//! calamine inflates a part on the thread that parses its XML: on SPEC 7's million-row sheet
//! (421 MB of XML deflated to 44 MB) inflating is about a quarter of the reading. bilan hands
//! calamine the same archive in which each large deflated part is declared *stored*, its bytes
//! inflated ahead, chunk by chunk, by a helper thread: the parsing thread only copies them. The zip
//! reader still checks each part's CRC-32 against the directory, so a part inflated wrong is an
//! error, never wrong data.
//!
//! Anything unusual about an archive (zip64, bytes before the archive, parts that overlap, offsets
//! that disagree) leaves it as it is: calamine then reads the original bytes.
//!
//! The helper threads also rewrite the large sheets that `split_sheet` parses in two halves: a
//! part can be handed over cut (`SplitRole::Head`) or from its cut on (`SplitRole::Tail`).

use super::split_sheet::{Role, Splitter};
use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::Scope;

/// Smaller parts are not worth a thread.
const AHEAD_FROM_BYTES: u64 = 1 << 20;
/// Inflated bytes handed over at a time, and how many chunks the helper may run ahead (2 MiB).
const CHUNK_BYTES: usize = 1 << 18;
const CHUNKS_AHEAD: usize = 8;

const LOCAL_HEADER: &[u8; 4] = b"PK\x03\x04";
const CENTRAL_HEADER: &[u8; 4] = b"PK\x01\x02";
const END_RECORD: &[u8; 4] = b"PK\x05\x06";
const ZIP64_LOCATOR: &[u8; 4] = b"PK\x06\x07";
/// Zero bytes put before the central directory. The zip reader finds the directory by reading the
/// archive's end backwards in 1 KiB windows; without them a window could reach the end of the last
/// part, whose bytes only exist once the whole part is inflated (and a damaged part no one reads
/// would make the archive fail to open).
const FILLER_BYTES: u64 = 8192;
/// General-purpose flag: sizes and CRC follow the data instead of preceding it.
const DATA_DESCRIPTOR_FLAG: u16 = 0x0008;

/// An archive read as `Read + Seek`, its large deflated parts inflated by helper threads of `scope`.
pub struct AheadArchive<'scope, 'env> {
    scope: &'scope Scope<'scope, 'env>,
    /// Consecutive pieces of the archive as calamine sees it, in order.
    pieces: Vec<Piece<'env>>,
    len: u64,
    position: u64,
}

struct Piece<'env> {
    start: u64,
    content: Content<'env>,
}

enum Content<'env> {
    Original(&'env [u8]),
    /// A local header or the central directory, with the parts' method, sizes and offsets changed.
    Patched(Vec<u8>),
    Inflated(Inflated<'env>),
    Zeros(u64),
}

/// A deflated part's data, as the stored bytes it inflates to.
struct Inflated<'env> {
    /// What each (re)start of the part hands its helper thread.
    source: Helper<'env>,
    stream: Option<Stream>,
}

/// How a reader takes part in splitting large sheets between two threads (`split_sheet`).
#[derive(Clone)]
pub enum SplitRole {
    /// Reads every part of at least `from_bytes` up to its cut, and says in `log` which ones.
    Head { from_bytes: u64, log: Arc<SplitLog> },
    /// Reads the part whose local header is at `part` from its cut on.
    Tail { part: usize },
}

/// What the head reader did with the large parts it read.
#[derive(Default)]
pub struct SplitLog {
    /// The last large part whose reading started.
    started: Mutex<Option<usize>>,
    /// The parts cut (the tail reader holds the rest).
    cut: Mutex<Vec<usize>>,
}

impl SplitLog {
    /// The large part started since the last call, if any.
    pub fn take_started(&self) -> Option<usize> {
        self.started.lock().map(|mut s| s.take()).unwrap_or(None)
    }

    pub fn was_cut(&self, part: usize) -> bool {
        self.cut.lock().is_ok_and(|cut| cut.contains(&part))
    }

    fn record_start(&self, part: usize) {
        if let Ok(mut started) = self.started.lock() {
            *started = Some(part);
        }
    }

    fn record_cut(&self, part: usize) {
        if let Ok(mut cut) = self.cut.lock() {
            if !cut.contains(&part) {
                cut.push(part);
            }
        }
    }
}

/// A helper thread's output being consumed.
struct Stream {
    chunks: Receiver<io::Result<Vec<u8>>>,
    /// Consumed chunks go back to the helper, which would otherwise fault in fresh memory.
    spent: SyncSender<Vec<u8>>,
    chunk: Vec<u8>,
    used: usize,
    /// The offset in the part of `chunk[used]`.
    at: u64,
}

/// Where a large deflated part sits in the original archive.
struct Part {
    header: usize,
    data: usize,
    deflated: usize,
    len: u64,
    crc: u32,
    central: usize,
}

impl Part {
    /// How many bytes longer the part is inflated (negative when deflating made it longer).
    fn growth(&self) -> i64 {
        self.len as i64 - self.deflated as i64
    }
}

/// The archive's layout, when bilan knows how to rewrite it.
struct Layout {
    parts: Vec<Part>,
    /// (local header, central header) of every entry.
    entries: Vec<(usize, usize)>,
    directory: usize,
    end_record: usize,
}

impl<'scope, 'env> AheadArchive<'scope, 'env> {
    pub fn new(bytes: &'env [u8], scope: &'scope Scope<'scope, 'env>) -> Self {
        Self::inflating_from(bytes, scope, AHEAD_FROM_BYTES)
    }

    /// An archive whose large sheet parts are read by halves (`split_sheet`).
    pub fn split(bytes: &'env [u8], scope: &'scope Scope<'scope, 'env>, role: SplitRole) -> Self {
        // The parts to split are inflated ahead whatever their size.
        let from_bytes = match &role {
            SplitRole::Head { from_bytes, .. } => AHEAD_FROM_BYTES.min(*from_bytes),
            SplitRole::Tail { .. } => AHEAD_FROM_BYTES,
        };
        Self::build(bytes, scope, from_bytes, Some(role))
    }

    /// Inflates ahead every deflated part of at least `from_bytes` (the fuzz target uses 0).
    pub fn inflating_from(
        bytes: &'env [u8],
        scope: &'scope Scope<'scope, 'env>,
        from_bytes: u64,
    ) -> Self {
        Self::build(bytes, scope, from_bytes, None)
    }

    fn build(
        bytes: &'env [u8],
        scope: &'scope Scope<'scope, 'env>,
        from_bytes: u64,
        split: Option<SplitRole>,
    ) -> Self {
        let tail_part = match &split {
            Some(SplitRole::Tail { part }) => Some(*part),
            _ => None,
        };
        let pieces = layout(bytes, from_bytes, tail_part)
            .map(|layout| rewrite(bytes, &layout, split.as_ref()))
            .unwrap_or_else(|| vec![Content::Original(bytes)]);
        let mut start = 0;
        let pieces: Vec<Piece> = pieces
            .into_iter()
            .filter(|content| content.len() > 0)
            .map(|content| {
                let piece = Piece { start, content };
                start += piece.content.len();
                piece
            })
            .collect();
        AheadArchive {
            scope,
            pieces,
            len: start,
            position: 0,
        }
    }

    /// Whether some part is inflated ahead (for tests).
    #[cfg(test)]
    pub fn inflates_ahead(&self) -> bool {
        self.pieces
            .iter()
            .any(|piece| matches!(piece.content, Content::Inflated(_)))
    }
}

impl Content<'_> {
    fn len(&self) -> u64 {
        match self {
            Content::Original(bytes) => bytes.len() as u64,
            Content::Patched(bytes) => bytes.len() as u64,
            Content::Inflated(part) => part.source.len,
            Content::Zeros(len) => *len,
        }
    }
}

impl Read for AheadArchive<'_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() || self.position >= self.len {
            return Ok(0);
        }
        // The first piece starts at 0, so the index is at least 1 before subtracting.
        let index = self.pieces.partition_point(|p| p.start <= self.position) - 1;
        let piece = &mut self.pieces[index];
        let offset = self.position - piece.start;
        let read = match &mut piece.content {
            Content::Original(bytes) => copy_from(bytes, offset, buf),
            Content::Patched(bytes) => copy_from(bytes, offset, buf),
            Content::Inflated(part) => part.read_at(offset, buf, self.scope)?,
            Content::Zeros(len) => {
                let n = buf.len().min((*len - offset) as usize);
                buf[..n].fill(0);
                n
            }
        };
        self.position += read as u64;
        Ok(read)
    }
}

impl Seek for AheadArchive<'_, '_> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(offset) => Some(offset),
            SeekFrom::End(delta) => self.len.checked_add_signed(delta),
            SeekFrom::Current(delta) => self.position.checked_add_signed(delta),
        };
        self.position = target.ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "seek before the archive's start",
            )
        })?;
        Ok(self.position)
    }
}

fn copy_from(bytes: &[u8], offset: u64, buf: &mut [u8]) -> usize {
    let rest = &bytes[offset as usize..];
    let n = rest.len().min(buf.len());
    buf[..n].copy_from_slice(&rest[..n]);
    n
}

impl<'env> Inflated<'env> {
    /// Reads from `offset` in the part. Reading on from where the last read stopped is the only
    /// fast path (the zip reader reads a part once, in order); reading further ahead skips
    /// inflated bytes, reading back inflates again from the start.
    fn read_at<'scope>(
        &mut self,
        offset: u64,
        buf: &mut [u8],
        scope: &'scope Scope<'scope, 'env>,
    ) -> io::Result<usize> {
        let stream = match &mut self.stream {
            Some(stream) if stream.at <= offset => stream,
            _ => {
                if let (Some(Role::Head), Some(log)) = (self.source.role, &self.source.log) {
                    log.record_start(self.source.header);
                }
                self.stream
                    .insert(Stream::start(scope, self.source.clone()))
            }
        };
        loop {
            if stream.used == stream.chunk.len() {
                if !stream.next_chunk()? {
                    return Ok(0);
                }
            } else if stream.at < offset {
                let skip = ((offset - stream.at) as usize).min(stream.chunk.len() - stream.used);
                stream.used += skip;
                stream.at += skip as u64;
            } else {
                break;
            }
        }
        let available = &stream.chunk[stream.used..];
        // Never past the declared size (the helper stops there too).
        let n = available
            .len()
            .min(buf.len())
            .min((self.source.len - offset) as usize);
        buf[..n].copy_from_slice(&available[..n]);
        stream.used += n;
        stream.at += n as u64;
        Ok(n)
    }
}

impl Stream {
    fn start<'scope, 'env>(scope: &'scope Scope<'scope, 'env>, helper: Helper<'env>) -> Stream {
        let (sender, chunks) = sync_channel(CHUNKS_AHEAD);
        let (spent, recycled) = sync_channel(CHUNKS_AHEAD + 2);
        scope.spawn(move || helper.inflate(&sender, &recycled));
        Stream {
            chunks,
            spent,
            chunk: Vec::new(),
            used: 0,
            at: 0,
        }
    }

    /// The next chunk; false once the data has ended.
    fn next_chunk(&mut self) -> io::Result<bool> {
        let spent = std::mem::take(&mut self.chunk);
        // A full return queue only means the helper has enough buffers.
        let _ = self.spent.try_send(spent);
        self.used = 0;
        match self.chunks.recv() {
            Ok(Ok(chunk)) => {
                self.chunk = chunk;
                Ok(true)
            }
            Ok(Err(e)) => Err(e),
            // Data that ends before the declared size ends the part there, as the zip reader
            // does when it inflates the part itself (the CRC-32 check then decides).
            Err(_) => Ok(false),
        }
    }
}

/// Whether the data goes on (it is read from, the part being complete).
fn has_more(decoder: &mut impl Read) -> bool {
    let mut probe = [0u8; 1];
    loop {
        match decoder.read(&mut probe) {
            Ok(n) => return n > 0,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            // Damaged data after the declared size is not the part's.
            Err(_) => return false,
        }
    }
}

/// What a helper thread inflates, and for whom.
#[derive(Clone)]
struct Helper<'env> {
    deflated: &'env [u8],
    len: u64,
    /// Where the part's local header is in the original archive: the part's identity.
    header: usize,
    /// Set when the part is one half of a split sheet (`split_sheet`).
    role: Option<Role>,
    log: Option<Arc<SplitLog>>,
}

impl Helper<'_> {
    /// Inflates the part in chunks until `len` bytes are out, the data ends, the reader hangs up
    /// (it dropped the archive or started the part again) or, for half a split sheet, its half
    /// is complete.
    fn inflate(self, chunks: &SyncSender<io::Result<Vec<u8>>>, recycled: &Receiver<Vec<u8>>) {
        let mut decoder = flate2::bufread::DeflateDecoder::new(self.deflated);
        let mut splitter = self.role.map(|role| Splitter::new(role, self.len));
        let mut out = Vec::new();
        let mut produced = 0u64;
        let mut failure = None;
        while produced < self.len && failure.is_none() {
            let mut chunk = recycled.try_recv().unwrap_or_default();
            // Never past the declared size: what the data holds beyond it is not the part's, and
            // must not turn into an error the reader would see.
            let wanted = (self.len - produced).min(CHUNK_BYTES as u64) as usize;
            chunk.resize(wanted, 0);
            let mut filled = 0;
            while filled < chunk.len() {
                match decoder.read(&mut chunk[filled..]) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        // The bytes before the damage go first: the zip reader, reading lazily,
                        // hands them over too, and a reader that stops before the damage (calamine
                        // stops at `</sheetData>`) never meets it.
                        failure = Some(e);
                        break;
                    }
                }
            }
            if filled == 0 && failure.is_none() {
                // The data ended early: so does the part.
                break;
            }
            chunk.truncate(filled);
            produced += filled as u64;
            if produced == self.len && failure.is_none() && has_more(&mut decoder) {
                // As the zip reader does, a part whose data goes on past its declared size is
                // an error; it takes the place of the last chunk.
                let _ = chunks.send(Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "a part of the workbook inflates past its declared size",
                )));
                return;
            }
            match &mut splitter {
                None => out.push(chunk),
                Some(splitter) => splitter.pass(chunk, &mut out),
            }
            if !self.hand_over(&mut out, splitter.as_ref(), chunks) {
                return;
            }
            if splitter.as_ref().is_some_and(Splitter::done) {
                return;
            }
        }
        if let Some(e) = failure {
            let _ = chunks.send(Err(e));
            return;
        }
        if let Some(splitter) = &mut splitter {
            splitter.finish(&mut out);
            self.hand_over(&mut out, Some(splitter), chunks);
        }
    }

    /// Sends the chunks in `out`; false when the reader has gone.
    fn hand_over(
        &self,
        out: &mut Vec<Vec<u8>>,
        splitter: Option<&Splitter>,
        chunks: &SyncSender<io::Result<Vec<u8>>>,
    ) -> bool {
        // The head's cut is on record before its reader can see the closing tags.
        if let (Some(splitter), Some(log)) = (splitter, &self.log) {
            if splitter.cut().is_some() {
                log.record_cut(self.header);
            }
        }
        for chunk in out.drain(..) {
            if !chunk.is_empty() && chunks.send(Ok(chunk)).is_err() {
                return false;
            }
        }
        true
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn put_u16(bytes: &mut [u8], at: usize, value: u16) {
    bytes[at..at + 2].copy_from_slice(&value.to_le_bytes());
}

fn put_u32(bytes: &mut [u8], at: usize, value: u32) {
    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
}

/// The large deflated parts (and the part at `also`, whatever its size) and the records to
/// rewrite, checked against the zip reader's view.
fn layout(bytes: &[u8], from_bytes: u64, also: Option<usize>) -> Option<Layout> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    if archive.offset() != 0 {
        return None;
    }
    let directory = usize::try_from(archive.central_directory_start()).ok()?;
    let end_record = find_end_record(bytes, directory)?;
    let mut parts = Vec::new();
    let mut entries = Vec::new();
    // Where each entry's local header and data lie: they must not overlap, or growing one part
    // would move bytes another entry reads.
    let mut spans = Vec::new();
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).ok()?;
        let header = usize::try_from(entry.header_start()).ok()?;
        let central = usize::try_from(entry.central_header_start()).ok()?;
        let plain_records = bytes.get(header..header + 4)? == LOCAL_HEADER
            && bytes.get(central..central + 4)? == CENTRAL_HEADER
            && (directory..end_record).contains(&central)
            && u32_at(bytes, central + 42)? as usize == header;
        if !plain_records {
            return None;
        }
        let names = u16_at(bytes, header + 26)? as usize + u16_at(bytes, header + 28)? as usize;
        let data = header + 30 + names;
        let deflated = usize::try_from(entry.compressed_size()).ok()?;
        spans.push((header, data.checked_add(deflated)?));
        entries.push((header, central));
        let worth_it = entry.compression() == zip::CompressionMethod::Deflated
            && !entry.encrypted()
            && (entry.size() >= from_bytes || also == Some(header))
            // Sizes in the 32-bit fields, not in a zip64 extra field.
            && u32_at(bytes, central + 20)? as u64 == entry.compressed_size()
            && u32_at(bytes, central + 24)? as u64 == entry.size();
        if worth_it {
            parts.push(Part {
                header,
                data,
                deflated,
                len: entry.size(),
                crc: entry.crc32(),
                central,
            });
        }
    }
    if parts.is_empty() {
        return None;
    }
    parts.sort_by_key(|part| part.header);
    spans.sort_unstable();
    let mut end = 0;
    for (header, data_end) in spans {
        if header < end {
            return None;
        }
        end = data_end;
    }
    // Offsets are 32-bit: the archive as rewritten must stay below 4 GiB.
    let growth: i64 = parts.iter().map(Part::growth).sum();
    if end > directory || bytes.len() as i64 + growth + FILLER_BYTES as i64 >= i64::from(u32::MAX) {
        return None;
    }
    Some(Layout {
        parts,
        entries,
        directory,
        end_record,
    })
}

/// The end-of-central-directory record that points at `directory`; none for zip64 archives.
fn find_end_record(bytes: &[u8], directory: usize) -> Option<usize> {
    let last = bytes.len().checked_sub(22)?;
    let first = last.saturating_sub(u16::MAX as usize);
    let at = (first..=last).rev().find(|&at| {
        &bytes[at..at + 4] == END_RECORD && u32_at(bytes, at + 16) == Some(directory as u32)
    })?;
    let zip64 = at
        .checked_sub(20)
        .is_some_and(|locator| &bytes[locator..locator + 4] == ZIP64_LOCATOR);
    (!zip64 && at >= directory).then_some(at)
}

/// The archive as calamine will see it: each part's data inflated, its records saying "stored",
/// every offset after it moved by the bytes it grew.
fn rewrite<'env>(
    bytes: &'env [u8],
    layout: &Layout,
    split: Option<&SplitRole>,
) -> Vec<Content<'env>> {
    let moved = |offset: usize| -> u32 {
        let growth: i64 = layout
            .parts
            .iter()
            .filter(|part| part.header < offset)
            .map(Part::growth)
            .sum::<i64>()
            + if offset >= layout.directory {
                FILLER_BYTES as i64
            } else {
                0
            };
        // `layout` checked that the rewritten archive stays below 4 GiB; a part that shrinks
        // (data that inflates to less than it takes deflated) moves what follows back, never
        // before the part's own end.
        (offset as i64 + growth) as u32
    };
    let mut pieces = Vec::new();
    let mut from = 0;
    for part in &layout.parts {
        pieces.push(Content::Original(&bytes[from..part.header]));
        let mut header = bytes[part.header..part.data].to_vec();
        let flags = u16_at(&header, 6).unwrap_or(0) & !DATA_DESCRIPTOR_FLAG;
        put_u16(&mut header, 6, flags);
        put_u16(&mut header, 8, 0);
        put_u32(&mut header, 14, part.crc);
        put_u32(&mut header, 18, part.len as u32);
        put_u32(&mut header, 22, part.len as u32);
        pieces.push(Content::Patched(header));
        let (role, log) = match split {
            Some(SplitRole::Head { from_bytes, log }) if part.len >= *from_bytes => {
                (Some(Role::Head), Some(log.clone()))
            }
            Some(SplitRole::Tail { part: tail }) if *tail == part.header => {
                (Some(Role::Tail), None)
            }
            _ => (None, None),
        };
        pieces.push(Content::Inflated(Inflated {
            source: Helper {
                deflated: &bytes[part.data..part.data + part.deflated],
                len: part.len,
                header: part.header,
                role,
                log,
            },
            stream: None,
        }));
        from = part.data + part.deflated;
    }
    pieces.push(Content::Original(&bytes[from..layout.directory]));
    pieces.push(Content::Zeros(FILLER_BYTES));
    let mut tail = bytes[layout.directory..].to_vec();
    for &(header, central) in &layout.entries {
        put_u32(&mut tail, central - layout.directory + 42, moved(header));
    }
    for part in &layout.parts {
        let at = part.central - layout.directory;
        let flags = u16_at(&tail, at + 8).unwrap_or(0) & !DATA_DESCRIPTOR_FLAG;
        put_u16(&mut tail, at + 8, flags);
        put_u16(&mut tail, at + 10, 0);
        put_u32(&mut tail, at + 20, part.len as u32);
    }
    put_u32(
        &mut tail,
        layout.end_record - layout.directory + 16,
        moved(layout.directory),
    );
    pieces.push(Content::Patched(tail));
    pieces
}

#[cfg(any(test, feature = "fuzzing"))]
/// The fuzz target `inflate_ahead`: every part of `bytes` that the zip reader reads from the
/// original archive must read the same from the rewritten one, every deflated part inflated ahead.
/// Panics on a difference (a finding); never on malformed bytes.
pub fn fuzz_differential(bytes: &[u8]) {
    /// Bounds what a crafted part can make the fuzzer inflate.
    const READ_AT_MOST: u64 = 50_000_000;
    fn read_entry<R: Read + Seek>(
        archive: &mut zip::ZipArchive<R>,
        index: usize,
    ) -> Option<Vec<u8>> {
        let mut content = Vec::new();
        let entry = archive.by_index(index).ok()?;
        entry.take(READ_AT_MOST).read_to_end(&mut content).ok()?;
        Some(content)
    }
    let Ok(mut original) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return;
    };
    std::thread::scope(|scope| {
        let ahead = AheadArchive::inflating_from(bytes, scope, 0);
        let mut rewritten = zip::ZipArchive::new(ahead).expect("the rewritten archive opens");
        assert_eq!(rewritten.len(), original.len());
        for index in 0..original.len() {
            if let Some(expected) = read_entry(&mut original, index) {
                let read = read_entry(&mut rewritten, index);
                assert!(
                    read.as_ref() == Some(&expected),
                    "part {index} reads differently"
                );
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;

    /// Text that compresses like a sheet's XML, `rows` rows of it.
    fn sheet_xml(rows: usize) -> Vec<u8> {
        let mut xml = String::from("<sheetData>");
        for r in 1..=rows {
            xml.push_str(&format!(
                "<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>{}</v></c></row>",
                r % 97
            ));
        }
        xml.push_str("</sheetData>");
        xml.into_bytes()
    }

    /// An archive of a small deflated part, a large stored part and two large deflated parts.
    fn archive(big: &[u8]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        let parts: [(&str, &[u8], SimpleFileOptions); 4] = [
            ("small.xml", b"<small/>", deflated),
            ("big1.xml", big, deflated),
            ("stored.xml", &big[..AHEAD_FROM_BYTES as usize + 10], stored),
            ("big2.xml", &big[7..], deflated),
        ];
        for (name, content, options) in parts {
            writer.start_file(name, options).expect("an entry");
            writer.write_all(content).expect("written");
        }
        writer.finish().expect("finished").into_inner()
    }

    fn read_part(reader: impl Read + Seek, name: &str) -> zip::result::ZipResult<Vec<u8>> {
        let mut archive = zip::ZipArchive::new(reader)?;
        let mut part = archive.by_name(name)?;
        let mut content = Vec::new();
        part.read_to_end(&mut content)?;
        Ok(content)
    }

    #[test]
    fn every_part_reads_as_in_the_original_archive() {
        let big = sheet_xml(40_000);
        assert!(big.len() as u64 > 2 * AHEAD_FROM_BYTES);
        let bytes = archive(&big);
        std::thread::scope(|scope| {
            let ahead = AheadArchive::new(&bytes, scope);
            assert!(ahead.inflates_ahead());
            let mut zip = zip::ZipArchive::new(ahead).expect("the rewritten archive opens");
            let mut names: Vec<String> = zip
                .file_names()
                .map(|name| name.expect("a UTF-8 name").into_owned())
                .collect();
            names.sort();
            assert_eq!(names, ["big1.xml", "big2.xml", "small.xml", "stored.xml"]);
            for name in names {
                let mut content = Vec::new();
                zip.by_name(&name)
                    .expect("the part")
                    .read_to_end(&mut content)
                    .expect("its bytes");
                let expected = read_part(Cursor::new(&bytes), &name).expect("the original");
                assert_eq!(content, expected, "{name}");
            }
            // Read again, out of order: the parts restart from their beginning.
            for name in ["big2.xml", "big1.xml", "big2.xml"] {
                let mut content = Vec::new();
                zip.by_name(name)
                    .expect("the part")
                    .read_to_end(&mut content)
                    .expect("bytes");
                assert_eq!(
                    content,
                    read_part(Cursor::new(&bytes), name).expect("the original")
                );
            }
        });
    }

    #[test]
    fn a_part_left_half_read_then_read_again_is_whole() {
        let big = sheet_xml(40_000);
        let bytes = archive(&big);
        std::thread::scope(|scope| {
            let mut zip = zip::ZipArchive::new(AheadArchive::new(&bytes, scope)).expect("opens");
            let mut half = vec![0; big.len() / 2];
            zip.by_name("big1.xml")
                .expect("part")
                .read_exact(&mut half)
                .expect("half");
            assert_eq!(half, big[..half.len()]);
            let mut whole = Vec::new();
            zip.by_name("big1.xml")
                .expect("part")
                .read_to_end(&mut whole)
                .expect("all");
            assert_eq!(whole, big);
        });
    }

    #[test]
    fn the_fuzz_seeds_read_the_same_with_every_part_inflated_ahead() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for seed in [
            "fuzz/corpus/read_xlsx/seed-registre.xlsx",
            "fuzz/corpus/read_xlsx/seed-registre-lo.xlsx",
            "fuzz/corpus/read_ods/seed-registre.ods",
        ] {
            let bytes = std::fs::read(root.join(seed)).expect("a seed");
            std::thread::scope(|scope| {
                assert!(
                    AheadArchive::inflating_from(&bytes, scope, 0).inflates_ahead(),
                    "{seed}"
                );
            });
            fuzz_differential(&bytes);
        }
        fuzz_differential(&archive(&sheet_xml(40_000)));
    }

    #[test]
    fn an_archive_without_large_deflated_parts_is_left_as_it_is() {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        writer
            .start_file("small.xml", SimpleFileOptions::default())
            .expect("entry");
        writer.write_all(b"<small/>").expect("written");
        let bytes = writer.finish().expect("finished").into_inner();
        std::thread::scope(|scope| {
            let ahead = AheadArchive::new(&bytes, scope);
            assert!(!ahead.inflates_ahead());
            assert_eq!(read_part(ahead, "small.xml").expect("read"), b"<small/>");
        });
        // Not an archive at all: the bytes as they are, for calamine to refuse.
        std::thread::scope(|scope| {
            let mut ahead = AheadArchive::new(b"not a zip", scope);
            let mut content = Vec::new();
            ahead.read_to_end(&mut content).expect("read");
            assert_eq!(content, b"not a zip");
        });
    }

    /// Where the part `name`'s deflated data starts and ends in `bytes`, and its central header.
    fn records_of(bytes: &[u8], name: &str) -> (usize, usize, usize) {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("opens");
        let part = zip.by_name(name).expect("part");
        let start = part.data_start().expect("known once opened") as usize;
        let central = part.central_header_start() as usize;
        (start, start + part.compressed_size() as usize, central)
    }

    fn big1_data(bytes: &[u8]) -> (usize, usize) {
        let (start, end, _) = records_of(bytes, "big1.xml");
        (start, end)
    }

    /// The test archive with big1's declared inflated size off by `delta`.
    fn declaring_big1_size(big: &[u8], delta: i64) -> Vec<u8> {
        let mut bytes = archive(big);
        let (_, _, central) = records_of(&bytes, "big1.xml");
        put_u32(&mut bytes, central + 24, (big.len() as i64 + delta) as u32);
        bytes
    }

    #[test]
    fn corrupt_deflated_data_is_an_error_not_wrong_bytes() {
        let big = sheet_xml(40_000);
        let mut bytes = archive(&big);
        let (start, end) = big1_data(&bytes);
        for byte in &mut bytes[(start + end) / 2..(start + end) / 2 + 64] {
            *byte ^= 0x5A;
        }
        std::thread::scope(|scope| {
            let read = read_part(AheadArchive::new(&bytes, scope), "big1.xml");
            assert!(
                read.is_err(),
                "corrupt data read as {} bytes",
                read.map_or(0, |c| c.len())
            );
        });
    }

    #[test]
    fn deflated_data_zeroed_from_its_middle_is_an_error() {
        let big = sheet_xml(40_000);
        let mut bytes = archive(&big);
        let (start, end) = big1_data(&bytes);
        // Deflated data cut in the middle: the inflater stops early or fails.
        let cut = (start + end) / 2;
        bytes[cut..end].fill(0);
        std::thread::scope(|scope| {
            assert!(read_part(AheadArchive::new(&bytes, scope), "big1.xml").is_err());
        });
    }

    /// Found by fuzzing: the zip reader reads the archive's end backwards to find its directory,
    /// and must not have to inflate the last part to do so (nor fail when it is damaged).
    #[test]
    fn a_damaged_last_part_does_not_stop_the_others_from_reading() {
        let big = sheet_xml(40_000);
        let mut bytes = archive(&big);
        let (start, end, _) = records_of(&bytes, "big2.xml");
        bytes[end - 300..end].fill(0xFF);
        std::thread::scope(|scope| {
            let ahead = AheadArchive::new(&bytes, scope);
            let mut zip = zip::ZipArchive::new(ahead).expect("the archive opens");
            let mut content = Vec::new();
            zip.by_name("big1.xml")
                .expect("part")
                .read_to_end(&mut content)
                .expect("read");
            assert_eq!(content, big);
            let mut damaged = zip.by_name("big2.xml").expect("part");
            assert!(damaged.read_to_end(&mut content).is_err());
        });
        assert!(start < end);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let found =
            std::fs::read(root.join("tests/fixtures/hostile/inflate-ahead-damaged-last-part.zip"))
                .expect("the fuzzer's input");
        fuzz_differential(&found);
    }

    /// As the zip reader, a part whose data goes on past its declared size is an error.
    #[test]
    fn a_part_that_inflates_past_its_declared_size_is_an_error() {
        let big = sheet_xml(40_000);
        let bytes = declaring_big1_size(&big, -1000);
        assert!(read_part(Cursor::new(&bytes), "big1.xml").is_err());
        std::thread::scope(|scope| {
            let ahead = AheadArchive::new(&bytes, scope);
            assert!(ahead.inflates_ahead());
            let error = read_part(ahead, "big1.xml").expect_err("1000 bytes too many");
            assert!(
                error.to_string().contains("past its declared size"),
                "{error}"
            );
        });
    }

    /// Found by fuzzing: the zip reader ends a deflated part where its data ends, even before
    /// the declared size, and lets the CRC-32 decide; inflated ahead, the part must read the same.
    #[test]
    fn a_part_that_inflates_to_less_than_its_declared_size_reads_as_the_zip_reader_reads_it() {
        let big = sheet_xml(40_000);
        let bytes = declaring_big1_size(&big, 1000);
        let plain = read_part(Cursor::new(&bytes), "big1.xml").expect("read as the data says");
        assert_eq!(plain, big);
        std::thread::scope(|scope| {
            let ahead = AheadArchive::new(&bytes, scope);
            assert!(ahead.inflates_ahead());
            assert_eq!(read_part(ahead, "big1.xml").expect("read ahead"), big);
        });
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let found = std::fs::read(root.join("tests/fixtures/hostile/inflate-ahead-short-part.zip"))
            .expect("the fuzzer's input");
        fuzz_differential(&found);
    }
}
