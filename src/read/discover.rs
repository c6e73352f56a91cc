//! Which files a run reads: the paths given, folders walked recursively, in path order.

use std::path::{Path, PathBuf};

/// The extensions bilan reads; anything else in a folder is not an input.
pub const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];
pub const TEXT_EXTENSIONS: &[&str] = &["csv", "tsv", "txt"];

/// A file found in the inputs, with the path to show the user.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    pub path: PathBuf,
    /// Relative to the current folder when under it, with `/` separators.
    pub display: String,
}

/// What [`discover`] found: the files to read, and what it left out on purpose.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<InputFile>,
    /// Paths skipped for a reason the user should hear of (an `info` issue each).
    pub left_out: Vec<LeftOut>,
}

/// A path [`discover`] did not read, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    /// As shown to the user.
    pub display: String,
    pub why: Why,
}

/// Why a path was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// A FIFO, socket or device: reading one could wait forever.
    NotAFile,
    /// A symbolic link to nothing.
    BrokenLink,
    /// A symbolic link to a folder: not followed.
    FolderLink,
    /// A folder met again while being walked (a mount inside itself).
    LinkLoop,
    /// A folder holding a `manifest.json` written by bilan: an earlier report.
    EarlierReport,
    /// The run's own output folder.
    RunOutput,
}

/// A path given on the command line or in `bilan.toml` that cannot be read (SPEC 1: a usage
/// error, checked before any reading).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {}", reason.id)]
pub struct MissingPath {
    pub path: String,
    /// Why (`io-not-found`…, see [`crate::issue::io_problem`]).
    pub reason: crate::issue::Message,
}

/// Lists the input files under `paths`, sorted by path so that "first" means the same on every
/// machine; `out` is the run's output folder, never read.
///
/// Folders are walked recursively (SPEC 1): hidden and lock files and what a `.bilanignore`
/// names are skipped; symbolic links to files are read, links to folders are not followed; only
/// regular files are read; bilan's own reports are left out.
pub fn discover(paths: &[PathBuf], out: Option<&Path>) -> Result<Found, MissingPath> {
    let cwd = std::env::current_dir().ok();
    let shown = |path: &Path| display_path(path, cwd.as_deref());
    let mut walk = Walk {
        out: out.and_then(|o| std::fs::canonicalize(o).ok()),
        files: Vec::new(),
        left_out: Vec::new(),
        ancestors: Vec::new(),
        ignores: Vec::new(),
    };
    for path in paths {
        let missing = |e: std::io::Error| MissingPath {
            path: path.display().to_string(),
            reason: crate::issue::io_problem(&e),
        };
        let metadata = std::fs::metadata(path).map_err(missing)?;
        if metadata.is_dir() {
            std::fs::read_dir(path).map_err(missing)?;
            walk.folder(path);
        } else if metadata.is_file() {
            std::fs::File::open(path).map_err(missing)?;
            walk.files.push(path.clone());
        } else {
            walk.leave_out(path, Why::NotAFile);
        }
    }
    let mut files = walk.files;
    files.sort();
    files.dedup();
    Ok(Found {
        files: files
            .into_iter()
            .map(|path| InputFile {
                display: shown(&path),
                path,
            })
            .collect(),
        left_out: walk
            .left_out
            .into_iter()
            .map(|(path, why)| LeftOut {
                display: shown(&path),
                why,
            })
            .collect(),
    })
}

/// A walk through the input folders.
struct Walk {
    /// The run's output folder, resolved.
    out: Option<PathBuf>,
    files: Vec<PathBuf>,
    left_out: Vec<(PathBuf, Why)>,
    /// The folders being walked, resolved: a link to one of them is a loop.
    ancestors: Vec<PathBuf>,
    ignores: Vec<Ignore>,
}

impl Walk {
    fn leave_out(&mut self, path: &Path, why: Why) {
        self.left_out.push((path.to_path_buf(), why));
    }

    fn folder(&mut self, dir: &Path) {
        let resolved = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if self.ancestors.contains(&resolved) {
            return self.leave_out(dir, Why::LinkLoop);
        }
        if self.out.as_ref() == Some(&resolved) {
            return self.leave_out(dir, Why::RunOutput);
        }
        if is_earlier_report(dir) {
            return self.leave_out(dir, Why::EarlierReport);
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            // An unreadable folder is reported by trying to read it as a file.
            self.files.push(dir.to_path_buf());
            return;
        };
        let pushed = match Ignore::read(dir) {
            Some(ignore) => {
                self.ignores.push(ignore);
                true
            }
            None => false,
        };
        self.ancestors.push(resolved);
        let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for entry in entries {
            let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if is_skipped_name(name) || self.ignores.iter().any(|i| i.ignores(&entry)) {
                continue;
            }
            // Through symbolic links: what the entry leads to. A link to a folder is not
            // followed (as ripgrep and fd do): it may lead anywhere, up to the disk's root.
            let link = std::fs::symlink_metadata(&entry).is_ok_and(|m| m.is_symlink());
            match std::fs::metadata(&entry) {
                Ok(m) if m.is_dir() && link => self.leave_out(&entry, Why::FolderLink),
                Ok(m) if m.is_dir() => self.folder(&entry),
                _ if !is_input_extension(&entry) => {}
                Ok(m) if m.is_file() => self.files.push(entry),
                Ok(_) => self.leave_out(&entry, Why::NotAFile),
                Err(_) => self.leave_out(&entry, Why::BrokenLink),
            }
        }
        self.ancestors.pop();
        if pushed {
            self.ignores.pop();
        }
    }
}

/// A folder holding the `manifest.json` of a bilan report.
fn is_earlier_report(dir: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(dir.join("manifest.json")) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(256).read_to_end(&mut head).is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&head);
    head.contains("\"tool\": \"bilan\"") || head.contains("\"tool\":\"bilan\"")
}

/// The patterns of a `.bilanignore`, relative to the folder that holds it. Hand-written rather
/// than the `ignore` crate's gitignore rules: SPEC 1 lets a `#` comment follow a pattern on its
/// line, which gitignore syntax would read as part of the pattern.
struct Ignore {
    base: PathBuf,
    patterns: Vec<glob::Pattern>,
}

impl Ignore {
    fn read(dir: &Path) -> Option<Ignore> {
        let text = std::fs::read_to_string(dir.join(".bilanignore")).ok()?;
        let patterns = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            // A pattern that is not a valid glob is taken literally.
            .filter_map(|l| {
                glob::Pattern::new(l)
                    .or_else(|_| glob::Pattern::new(&glob::Pattern::escape(l)))
                    .ok()
            })
            .collect();
        Some(Ignore {
            base: dir.to_path_buf(),
            patterns,
        })
    }

    fn ignores(&self, path: &Path) -> bool {
        let Ok(relative) = path.strip_prefix(&self.base) else {
            return false;
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        self.patterns
            .iter()
            .any(|p| p.matches(&relative) || p.matches(&format!("{relative}/")))
    }
}

/// Hidden files and the lock files office suites leave next to an open workbook.
pub fn is_skipped_name(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$")
}

fn is_input_extension(path: &Path) -> bool {
    let ext = extension(path);
    WORKBOOK_EXTENSIONS.contains(&ext.as_str()) || TEXT_EXTENSIONS.contains(&ext.as_str())
}

/// Lower-cased extension, empty when there is none.
pub fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

fn display_path(path: &Path, cwd: Option<&Path>) -> String {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else if let Some(cwd) = cwd {
        cwd.join(path)
    } else {
        path.to_path_buf()
    };
    let shown = match cwd.and_then(|c| absolute.strip_prefix(c).ok()) {
        Some(relative) => relative.to_path_buf(),
        None => path.to_path_buf(),
    };
    let text = shown.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilanignore_patterns_apply_below_their_folder() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        for file in [
            "a.csv",
            "brouillon.csv",
            "old/b.csv",
            "sub/c.xlsx",
            "sub/d.bak.csv",
            "sub/notes.docx",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
            std::fs::write(path, "x").expect("a file");
        }
        std::fs::write(root.join(".bilanignore"), "# drafts\nbrouillon.csv\nold\n")
            .expect("ignore file");
        std::fs::write(root.join("sub/.bilanignore"), "*.bak.csv  # backups\n")
            .expect("ignore file");
        let found: Vec<String> = discover(&[root.to_path_buf()], None)
            .expect("a folder")
            .files
            .iter()
            .map(|f| {
                f.path
                    .strip_prefix(root)
                    .expect("under root")
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(found, ["a.csv", "sub/c.xlsx"]);
    }

    #[test]
    fn lock_and_hidden_files_are_skipped() {
        assert!(is_skipped_name("~$plan.xlsx"));
        assert!(is_skipped_name(".~lock.plan.xlsx#"));
        assert!(is_skipped_name(".hidden.csv"));
        assert!(!is_skipped_name("plan.xlsx"));
    }
}
