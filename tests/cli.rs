//! The CLI contract (DESIGN.md): one JSON object per input line or message, exit 0 when it ran,
//! exit 2 with a one-line error on bad usage, unreadable files reported and skipped.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tuixin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tuixin"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tuixin");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).expect("write stdin");
    drop(input);
    child.wait_with_output().expect("wait")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tuixin-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn bad_usage_exits_2_with_one_line() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["check", "--lang", "fr"][..],
        &["check", "--nope"][..],
        &["explain", "--lang"][..],
        &["check", "extra-arg"][..],
    ] {
        let out = tuixin(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().next().unwrap_or("");
        assert!(first.starts_with("tuixin: "), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn help_and_version_exit_0() {
    assert_eq!(tuixin(&["--help"], b"").status.code(), Some(0));
    let v = tuixin(&["--version"], b"");
    assert_eq!(v.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("tuixin "));
}

#[test]
fn check_prints_one_object_per_line_even_for_odd_bytes() {
    let input = b"a@qq.com\n\nzhangsan\xff\xfe@163.com\r\n\x00\xe4\xb8\nlast-without-newline";
    let out = tuixin(&["check", "--json"], input);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 5);
    for l in &lines {
        for key in ["input", "recipients", "findings", "fixed"] {
            assert!(l.get(key).is_some(), "missing {key} in {l}");
        }
    }
    assert_eq!(lines[0]["input"], "a@qq.com");
    assert_eq!(lines[1]["recipients"].as_array().map(Vec::len), Some(0));
    assert_eq!(lines[4]["input"], "last-without-newline");
}

#[test]
fn check_options_are_accepted() {
    let out = tuixin(&["check", "--json", "--lang=en", "--from", "me@163.com"], b"a@qq.com\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_lines(&out).len(), 1);
    let readable = tuixin(&["check", "--lang", "en"], b"a@qq.com\n");
    assert_eq!(readable.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&readable.stdout).contains("a@qq.com"));
}

#[test]
fn explain_reads_files_mboxes_and_directories_and_survives_unreadable_ones() {
    let dir = tempdir("walk");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.eml"), b"From: someone@example.org\r\nSubject: hello\r\n\r\nJust mail.\r\n").unwrap();
    std::fs::write(
        dir.join("sub/box.mbox"),
        b"From MAILER-DAEMON Thu Dec  3 02:00:00 2026\nSubject: one\n\nbody\n\nFrom MAILER-DAEMON Thu Dec  3 02:01:00 2026\nSubject: two\n\nbody\n",
    )
    .unwrap();
    let missing = dir.join("missing.eml");
    let d = dir.to_string_lossy().to_string();
    let m = missing.to_string_lossy().to_string();
    let out = tuixin(&["explain", "--json", &m, &d], b"");
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.eml"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let sources: Vec<String> =
        json_lines(&out).iter().map(|o| o["source"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(sources, [format!("{d}/a.eml"), format!("{d}/sub/box.mbox#1"), format!("{d}/sub/box.mbox#2")]);
    for o in json_lines(&out) {
        for key in ["source", "is_bounce", "kind", "generated_by", "suspicious", "recipients"] {
            assert!(o.get(key).is_some(), "missing {key} in {o}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_reads_stdin_without_paths() {
    let out = tuixin(&["explain", "--json"], b"550 User not found: nobody@163.com");
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["source"], "-");
    let readable = tuixin(&["explain", "--lang", "en"], b"hello");
    assert_eq!(readable.status.code(), Some(0));
    assert!(!readable.stdout.is_empty());
}
