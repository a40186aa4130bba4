//! `tuixin check` end to end: one JSON object per input line whatever the bytes, a megabyte line
//! answered with its findings capped, bad usage exits 2 with a one-line message.
#![cfg(not(target_arch = "wasm32"))] // spawns the CLI: native only

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tuixin"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tuixin");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn one_json_object_per_line_for_any_bytes() {
    let mut input = Vec::new();
    input.extend_from_slice("zhangsan＠qq.con\r\n".as_bytes());
    input.extend_from_slice(b"bad \xff\xfe bytes@qq.com\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice("a@qq.com；b@163.com".as_bytes()); // no final newline
    let (code, out, _) = run(&["check", "--json", "--lang", "en"], &input);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["fixed"], "zhangsan@qq.com");
    assert!(lines[1]["findings"].as_array().is_some_and(|f| f.iter().any(|f| f["rule"] == "invalid-utf8")));
    assert_eq!(lines[2]["recipients"].as_array().map(Vec::len), Some(0));
    assert_eq!(lines[3]["fixed"], "a@qq.com;b@163.com");
}

#[test]
fn a_megabyte_line_is_answered_with_caps() {
    let mut input = "zhangsan@qq.con,".repeat(1 << 16).into_bytes();
    input.push(b'\n');
    let (code, out, _) = run(&["check", "--json"], &input);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(v["recipients"].as_array().map(Vec::len), Some(tuixin::recipients::field::MAX_RECIPIENTS));
    assert!(v["findings"].as_array().is_some_and(|f| f.iter().any(|f| f["rule"] == "field-truncated")));
}

#[test]
fn readable_report_and_bad_usage() {
    let (code, out, _) = run(&["check", "--lang", "zh", "--from", "me@corp.example"], "lisi@136.com\n".as_bytes());
    assert_eq!(code, 0);
    assert!(out.contains("126.com") && out.contains("163.com"), "{out}");
    let (code, _, err) = run(&["check", "--lang", "fr"], b"");
    assert_eq!(code, 2);
    assert!(err.lines().next().is_some_and(|l| l.starts_with("tuixin:")), "{err}");
    let (code, _, _) = run(&["check", "stray"], b"");
    assert_eq!(code, 2);
}
