//! Golden tests of the bounce explainer: every `*.eml` / `*.txt` under `tests/fixtures/bounces/`
//! has a `*.json` beside it with the expected `tuixin explain --json` object (pretty-printed,
//! zh). Each fixture runs with LF and with CRLF line endings and must give the same report.
//! `UPDATE_GOLDEN=1 cargo test --test bounces` rewrites the goldens; a mismatch writes
//! `*.actual.json` beside the fixture (gitignored) and fails.
//!
//! The corpus test runs the whole dev corpus (`shared/corpus/sisimai-dev`) when it is present
//! next to the checkout and skips otherwise.

use std::fs;
use std::path::{Path, PathBuf};

use tuixin::bounce::{explain, BounceReport, ExplainOptions, Kind};
use tuixin::i18n::Lang;

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bounces");
    let mut out = Vec::new();
    walk(&root, &mut out);
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if matches!(p.extension().and_then(|x| x.to_str()), Some("eml" | "txt")) {
            out.push(p);
        }
    }
}

fn to_lf(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn to_crlf(lf: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(lf.len() + lf.len() / 20);
    for &c in lf {
        if c == b'\n' {
            out.push(b'\r');
        }
        out.push(c);
    }
    out
}

fn run(bytes: &[u8], name: &str) -> BounceReport {
    let mut r = explain(bytes, &ExplainOptions::default());
    r.source = name.to_string();
    r
}

#[test]
fn golden_fixtures() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let files = fixtures();
    assert!(files.len() >= 20, "expected the fixture set, found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let lf = to_lf(&fs::read(path).expect("fixture readable"));
        let report = run(&lf, &name);
        let json = serde_json::to_string_pretty(&report).expect("serialises") + "\n";
        let golden = path.with_extension(format!("{}.json", path.extension().and_then(|e| e.to_str()).unwrap_or("")));
        let actual =
            path.with_extension(format!("{}.actual.json", path.extension().and_then(|e| e.to_str()).unwrap_or("")));
        if update {
            fs::write(&golden, &json).expect("golden writable");
            let _ = fs::remove_file(&actual);
        } else {
            let want = fs::read_to_string(&golden).unwrap_or_default();
            if want != json {
                fs::write(&actual, &json).expect("actual writable");
                failures.push(format!("{} (see {})", path.display(), actual.display()));
                continue;
            }
            let _ = fs::remove_file(&actual);
        }
        let crlf = run(&to_crlf(&lf), &name);
        if crlf != report {
            failures.push(format!("{}: CRLF gives a different report", path.display()));
        }
        // English must be complete too.
        let en = explain(&lf, &ExplainOptions { lang: Lang::En, ..ExplainOptions::default() });
        for r in &en.recipients {
            if r.explanation.title.is_empty() {
                failures.push(format!("{}: empty English title", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "golden mismatches:\n{}", failures.join("\n"));
}

/// Expectations that must hold whatever the goldens say (a golden update cannot weaken them).
#[test]
fn fixture_invariants() {
    for path in fixtures() {
        let p = path.to_string_lossy().to_string();
        let r = run(&fs::read(&path).expect("readable"), "x");
        if p.contains("/not-bounce/") {
            assert!(!r.is_bounce, "{p} must not be a bounce");
            assert!(!r.suspicious, "{p} must not be suspicious");
        }
        if p.contains("/spoofed/") {
            assert!(r.suspicious, "{p} must be suspicious");
        }
        if p.contains("/netease/") || p.contains("/tencent/") || p.contains("/mta/") || p.contains("/reply/") {
            assert!(r.is_bounce, "{p} must be a bounce");
            assert!(!r.suspicious, "{p} must not be suspicious");
            assert!(!r.recipients.is_empty(), "{p} needs a recipient");
            for rec in &r.recipients {
                assert!(!rec.explanation.title.is_empty() && !rec.explanation.actions.is_empty(), "{p}");
            }
        }
        if p.contains("/reply/") {
            assert_eq!(r.kind, Kind::SmtpReply, "{p}");
        }
    }
}

fn corpus_root() -> Option<PathBuf> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/corpus/sisimai-dev", "../../shared/corpus/sisimai-dev"]
        .iter()
        .map(|r| base.join(r))
        .find(|p| p.join("truth.tsv").is_file())
}

#[test]
fn dev_corpus_detects_and_never_panics() {
    let Some(root) = corpus_root() else {
        eprintln!("skipped: no shared/corpus/sisimai-dev next to the checkout");
        return;
    };
    let truth = fs::read_to_string(root.join("truth.tsv")).expect("truth readable");
    let mut bounce_files = std::collections::BTreeMap::new();
    for line in truth.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() > 3 {
            let is_bounce = !matches!(cols[3], "feedback" | "vacation" | "delivered");
            let e = bounce_files.entry(cols[0].to_string()).or_insert(false);
            *e |= is_bounce;
        }
    }
    let (mut n, mut ok) = (0usize, 0usize);
    for (rel, is_bounce) in &bounce_files {
        let Ok(bytes) = fs::read(root.join(rel)) else { continue };
        if !is_bounce {
            continue;
        }
        n += 1;
        if run(&bytes, rel).is_bounce {
            ok += 1;
        }
    }
    assert!(n > 100, "corpus too small: {n}");
    assert!(ok * 100 >= n * 97, "detection {ok}/{n}");
}
