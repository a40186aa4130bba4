//! House rules that a reviewer would otherwise have to remember: every source file says what it is
//! for, no file names a path of the machine it was written on, no committed file is big.

use std::path::{Path, PathBuf};

const SKIP_DIRS: &[&str] = &[".git", "target", "node_modules", "dist", "pkg", "corpus", "artifacts"];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_symlink() {
            continue;
        }
        if ft.is_dir() {
            if !SKIP_DIRS.contains(&name.as_str()) {
                files(&p, out);
            }
        } else {
            out.push(p);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn project_files() -> Vec<PathBuf> {
    let mut v = Vec::new();
    files(&root(), &mut v);
    v.sort();
    v
}

#[test]
fn every_rust_source_file_has_a_module_doc() {
    let mut missing = Vec::new();
    for p in project_files() {
        let rel = p.strip_prefix(root()).unwrap_or(&p).to_string_lossy().to_string();
        if !(rel.starts_with("src/") || rel.starts_with("tests/")) || !rel.ends_with(".rs") {
            continue;
        }
        if rel.starts_with("tests/fixtures/") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if !first.starts_with("//!") {
            missing.push(rel);
        }
    }
    assert!(missing.is_empty(), "files without a //! module doc: {missing:?}");
}

#[test]
fn no_file_names_a_path_of_this_machine() {
    // Assembled so that this file does not match itself.
    let needles = [["/", "work", "/"].concat(), ["/", "root", "/"].concat(), ["/", "home", "/"].concat()];
    let mut found = Vec::new();
    for p in project_files() {
        // Mail fixtures may quote server paths (a pipe to a user's .forward file): they are data, not ours.
        if p.strip_prefix(root()).is_ok_and(|r| r.starts_with("tests/fixtures")) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&p) else { continue };
        for n in &needles {
            if text.contains(n.as_str()) {
                found.push(format!("{} contains {n}", p.strip_prefix(root()).unwrap_or(&p).display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn no_big_files() {
    let big: Vec<String> = project_files()
        .into_iter()
        .filter(|p| std::fs::metadata(p).map(|m| m.len() > 1024 * 1024).unwrap_or(false))
        .map(|p| p.display().to_string())
        .collect();
    assert!(big.is_empty(), "files over 1 MiB belong out of the repository (generate them): {big:?}");
}
