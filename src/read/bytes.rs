//! An input file's bytes, memory-mapped when the system allows it.
//!
//! Reading a 150 MB CSV or a 45 MB workbook into a fresh buffer costs the kernel a copy and the
//! zeroing of every page (a third of a second on the SPEC 7 benchmark); a read-only mapping of
//! the page cache costs neither. As for ripgrep, an input must not be truncated while bilan reads
//! it (the mapping would then fault).

use std::path::Path;

pub enum FileBytes {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Mapped(map) => map,
            FileBytes::Read(bytes) => bytes,
        }
    }
}

/// The bytes of `path`: mapped for regular non-empty files, read otherwise (pipes, empty files,
/// systems that refuse the mapping).
pub fn load(path: &Path) -> std::io::Result<FileBytes> {
    let file = std::fs::File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_file() && metadata.len() > 0 {
        // SAFETY: the mapping is read-only and private to this process; bilan never writes its
        // inputs. Another process truncating the file during the run is documented as unsupported.
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
            return Ok(FileBytes::Mapped(map));
        }
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut &file, &mut bytes)?;
    Ok(FileBytes::Read(bytes))
}
