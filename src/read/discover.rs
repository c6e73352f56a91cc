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

/// Lists the input files under `paths`, sorted by path so that "first" means the same on every machine.
///
/// A path that does not exist is returned too, so that reading it reports `unreadable-file`.
pub fn discover(paths: &[PathBuf]) -> Vec<InputFile> {
    let cwd = std::env::current_dir().ok();
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found);
        } else {
            found.push(path.clone());
        }
    }
    found.sort();
    found.dedup();
    found
        .into_iter()
        .map(|path| InputFile {
            display: display_path(&path, cwd.as_deref()),
            path,
        })
        .collect()
}

/// The patterns of a `.bilanignore`, relative to the folder that holds it.
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

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    walk_with(dir, found, &mut Vec::new());
}

fn walk_with(dir: &Path, found: &mut Vec<PathBuf>, ignores: &mut Vec<Ignore>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // An unreadable folder is reported by trying to read it as a file.
        found.push(dir.to_path_buf());
        return;
    };
    let pushed = match Ignore::read(dir) {
        Some(ignore) => {
            ignores.push(ignore);
            true
        }
        None => false,
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for entry in entries {
        let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if is_skipped_name(name) || ignores.iter().any(|i| i.ignores(&entry)) {
            continue;
        }
        if entry.is_dir() {
            walk_with(&entry, found, ignores);
        } else if is_input_extension(&entry) {
            found.push(entry);
        }
    }
    if pushed {
        ignores.pop();
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
        let found: Vec<String> = discover(&[root.to_path_buf()])
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
