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

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // An unreadable folder is reported by trying to read it as a file.
        found.push(dir.to_path_buf());
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for entry in entries {
        let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if is_skipped_name(name) {
            continue;
        }
        if entry.is_dir() {
            walk(&entry, found);
        } else if is_input_extension(&entry) {
            found.push(entry);
        }
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
    fn lock_and_hidden_files_are_skipped() {
        assert!(is_skipped_name("~$plan.xlsx"));
        assert!(is_skipped_name(".~lock.plan.xlsx#"));
        assert!(is_skipped_name(".hidden.csv"));
        assert!(!is_skipped_name("plan.xlsx"));
    }
}
