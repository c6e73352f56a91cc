//! The house rules of `src/` (docs/architecture.md): the stages import only the stages below them,
//! so that the data flows one way and no import loop can form.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module of the library and its floor: a module may import only modules on a
/// lower floor, and its own.
const FLOORS: &[(&str, u32)] = &[
    ("issue", 0),
    ("lang", 0),
    ("memory", 0),
    ("timings", 0),
    ("words", 1),
    ("read", 1),
    ("datasets", 2),
    ("indicators", 3),
    ("output", 4),
    ("init", 4),
    ("config", 5),
    ("app", 6),
    ("fuzzing", 7),
    ("lib", 8),
];

fn floor(module: &str) -> Option<u32> {
    FLOORS.iter().find(|(m, _)| *m == module).map(|(_, f)| *f)
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/read/csv/mod.rs` -> `read`).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src/");
    let first = relative.components().next().expect("a component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// The top-level modules a file names through `crate::…`.
fn imported(text: &str) -> BTreeSet<String> {
    let mut modules = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        // `bilan::crate::` cannot occur; skip `$crate::` of macros.
        if text[..at].ends_with('$') {
            continue;
        }
        let rest = &text[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            modules.insert(name);
        }
        // `use crate::{a, b}`: every name in the braces.
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for part in group.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    modules.insert(name);
                }
            }
        }
    }
    modules
}

#[test]
fn stages_import_only_the_stages_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut upward = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        // The binary (main.rs, cli.rs) uses the library through `bilan::`, never `crate::`.
        if module == "main" || module == "cli" || module == "progress" {
            continue;
        }
        let own = floor(&module)
            .unwrap_or_else(|| panic!("{}: a module without a floor in FLOORS", file.display()));
        let text = std::fs::read_to_string(file).expect("readable");
        for target in imported(&text) {
            if target == module {
                continue;
            }
            let Some(theirs) = floor(&target) else {
                panic!(
                    "{}: imports crate::{target}, which has no floor",
                    file.display()
                );
            };
            if theirs >= own {
                upward.push(format!(
                    "{} ({module}, floor {own}) imports crate::{target} (floor {theirs})",
                    file.strip_prefix(&src).unwrap_or(file).display()
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that run up or sideways:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_rule_sees_an_upward_import() {
    assert!(imported("use crate::config::Limits;").contains("config"));
    assert!(imported("use crate::{output, read};").contains("output"));
    assert!(imported("let x = crate::datasets::Options::default();").contains("datasets"));
    assert!(!imported("macro_rules! m { () => { $crate::x } }").contains("x"));
}
