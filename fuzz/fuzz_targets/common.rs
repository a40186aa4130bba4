//! Shared between the fuzz targets: options picked from the first input byte, and the contract
//! checks every report must pass (beyond "did not panic"). Each target uses only part of it.
#![allow(dead_code)] // included by #[path] into each target; not every target uses every function

use tuixin::bounce::{BounceReport, ExplainOptions};
use tuixin::i18n::Lang;
use tuixin::recipients::{CheckOptions, FieldReport};

/// Varies the options with the first byte so every option path is fuzzed too.
pub fn check_options(data: &[u8]) -> CheckOptions {
    let flags = data.first().copied().unwrap_or(0);
    let mut opts = CheckOptions::default();
    if flags & 1 != 0 {
        opts.lang = Lang::En;
    }
    if flags & 2 != 0 {
        opts.from = Some(if flags & 4 != 0 { "zhangsan@163.com" } else { "someone@qq.com" }.to_string());
    }
    if flags & 8 != 0 {
        opts.allowlist = vec!["@example.com".to_string(), "lisi@qq.con".to_string()];
    }
    opts
}

pub fn explain_options(data: &[u8]) -> ExplainOptions {
    let check = check_options(data);
    ExplainOptions { lang: check.lang, check }
}

/// A field report must describe the field it was given: offsets in chars, inside the field,
/// each `raw` exactly the text at its offsets, and it must serialise as the CLI prints it.
pub fn check_field_report(text: &str, report: &FieldReport) {
    let chars: Vec<char> = text.chars().collect();
    for r in &report.recipients {
        assert!(
            r.start <= r.end && r.end <= chars.len(),
            "offsets {}..{} outside a field of {} chars",
            r.start,
            r.end,
            chars.len()
        );
        let at: String = chars[r.start..r.end].iter().collect();
        assert_eq!(at, r.raw, "raw is not the text at its offsets");
    }
    serde_json::to_string(report).expect("a field report serialises");
}

pub fn check_bounce_report(report: &BounceReport) {
    serde_json::to_string(report).expect("a bounce report serialises");
}
