//! Data-driven tests of the recipient checker: every rule, what it must catch and what it must
//! leave quiet, from tests/fixtures/recipients/rules.tsv through one `check(input, expect)` helper;
//! plus the cases a table cannot hold (bytes, huge fields, offsets, languages).

use tuixin::recipients::rules::ALL;
use tuixin::recipients::{
    check_address, check_bytes, check_field, field, CheckOptions, FieldKind, FieldReport, RememberedBounce, Severity,
};
use tuixin::Lang;

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(hex) = tail.strip_prefix("\\u{").and_then(|t| t.split_once('}')) {
            if let Some(c) = u32::from_str_radix(hex.0, 16).ok().and_then(char::from_u32) {
                out.push(c);
                rest = hex.1;
                continue;
            }
        }
        if let Some(t) = tail.strip_prefix("\\t") {
            out.push('\t');
            rest = t;
            continue;
        }
        out.push('\\');
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

fn options(spec: &str) -> CheckOptions {
    let mut o = CheckOptions { lang: Lang::En, ..CheckOptions::default() };
    for word in spec.split_whitespace() {
        if let Some(v) = word.strip_prefix("from=") {
            o.from = Some(v.to_string());
        } else if let Some(v) = word.strip_prefix("allow=") {
            o.allowlist.push(v.to_string());
        } else if let Some(v) = word.strip_prefix("bounced=") {
            let mut p = v.split('|');
            o.bounced.push(RememberedBounce {
                address: p.next().unwrap_or("").to_string(),
                date: p.next().unwrap_or("").to_string(),
                reason: p.next().unwrap_or("").to_string(),
            });
        } else if word == "cc" {
            o.field = FieldKind::Cc;
        } else {
            panic!("unknown option {word}");
        }
    }
    o
}

fn rules_of(r: &FieldReport) -> Vec<(String, Severity)> {
    let mut all: Vec<(String, Severity)> = r.findings.iter().map(|f| (f.rule.clone(), f.severity)).collect();
    for rec in &r.recipients {
        all.extend(rec.findings.iter().map(|f| (f.rule.clone(), f.severity)));
    }
    all
}

/// Checks `input` against `expect` (see the header of rules.tsv); returns a description of the
/// mismatch, if any.
fn check(input: &str, expect: &str, opts: &CheckOptions) -> Result<(), String> {
    let report = check_field(input, opts);
    let found = rules_of(&report);
    let loud: Vec<&(String, Severity)> = found.iter().filter(|(_, s)| *s != Severity::Info).collect();
    let show = || format!("{input:?}: findings {found:?}, fixed {:?}", report.fixed);
    if let Some(rest) = expect.strip_prefix("ok") {
        if !loud.is_empty() || report.fixed.is_some() && !rest.contains("duplicate") {
            return Err(format!("expected quiet: {}", show()));
        }
        if let Some(info) = rest.strip_prefix('+') {
            if !found.iter().any(|(r, _)| r == info) {
                return Err(format!("expected info {info}: {}", show()));
            }
        }
        return Ok(());
    }
    let (rules, fixed) = match expect.split_once(" => ") {
        Some((r, f)) => (r, Some(f)),
        None => (expect, None),
    };
    for rule in rules.split(',') {
        if !found.iter().any(|(r, _)| r == rule) {
            return Err(format!("expected {rule}: {}", show()));
        }
    }
    if loud.is_empty() {
        return Err(format!("expected a warning or error: {}", show()));
    }
    match (fixed, report.fixed.as_deref()) {
        (None, None) | (Some("*"), Some(_)) => Ok(()),
        (Some(want), Some(got)) if want == got => Ok(()),
        _ => Err(format!("expected fixed {fixed:?}: {}", show())),
    }
}

fn table() -> Vec<(String, String, String)> {
    include_str!("fixtures/recipients/rules.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut cols = l.split('\t');
            let input = unescape(cols.next().unwrap_or(""));
            let expect = cols.next().unwrap_or("").to_string();
            let opts = cols.next().unwrap_or("").to_string();
            (input, expect, opts)
        })
        .collect()
}

#[test]
fn rules_table() {
    let mut failures = Vec::new();
    let rows = table();
    for (input, expect, opts) in &rows {
        if let Err(e) = check(input, expect, &options(opts)) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), rows.len(), failures.join("\n"));
}

/// Rules the table cannot express; each is tested below by name.
const TESTED_IN_CODE: &[&str] = &["invalid-utf8", "field-truncated", "findings-capped", "too-many-recipients"];

#[test]
fn every_rule_has_a_case() {
    let rows = table();
    for rule in ALL {
        let id = rule.id();
        let covered =
            TESTED_IN_CODE.contains(&id) || rows.iter().any(|(_, e, _)| e.split([',', ' ', '+']).any(|w| w == id));
        assert!(covered, "rule {id} has no case in rules.tsv");
    }
}

#[test]
fn fast_path_agrees_with_the_pipeline() {
    let opts = CheckOptions::default();
    let mut taken = 0;
    let extra = ["zhangsan@qq.com", "ZhangSan@Gmail.Com", "a.b@163.com", "x@qq.com.", "1@qq.com", "a@b.c"];
    for (input, _, o) in table().iter().filter(|(_, _, o)| o.is_empty()) {
        let _ = o;
        if let Some(fast) = field::fast_path(input, &opts) {
            taken += 1;
            assert_eq!(fast, field::full(input, &opts, Vec::new()), "{input}");
        }
    }
    for input in extra {
        if let Some(fast) = field::fast_path(input, &opts) {
            taken += 1;
            assert_eq!(fast, field::full(input, &opts, Vec::new()), "{input}");
        }
    }
    assert!(taken > 20, "fast path taken {taken} times");
}

#[test]
fn invalid_utf8_is_a_finding() {
    let r = check_bytes(b"zhangsan@qq.com\xff\xfe", &CheckOptions::default());
    assert!(r.findings.iter().any(|f| f.rule == "invalid-utf8"));
    assert_eq!(r.recipients.len(), 1);
    let r = check_bytes(b"zhangsan@qq.com", &CheckOptions::default());
    assert!(r.findings.is_empty());
}

#[test]
fn too_many_recipients_for_gmail() {
    let field: Vec<String> = (0..501).map(|i| format!("user{i}@example.com")).collect();
    let opts = CheckOptions { from: Some("me@gmail.com".into()), ..CheckOptions::default() };
    let r = check_field(&field.join(";"), &opts);
    assert!(r.findings.iter().any(|f| f.rule == "too-many-recipients" && f.severity == Severity::Warning));
    let r = check_field(&field[..400].join(";"), &opts);
    assert!(!r.findings.iter().any(|f| f.rule == "too-many-recipients"));
}

#[test]
fn findings_are_capped() {
    // One address with more problems than a recipient may list.
    let messy = format!("\u{200B}.ｚ\u{0430}h·(a)..b{}＠-q。c0m-\u{3000}", "x".repeat(70));
    let opts = CheckOptions {
        from: Some("me@corp.example".into()),
        bounced: vec![RememberedBounce { address: "x@y.z".into(), ..RememberedBounce::default() }],
        ..CheckOptions::default()
    };
    // The second copy adds a duplicate finding on top.
    let r = check_field(&format!("{messy};{messy}"), &opts);
    let f = &r.recipients[1].findings;
    assert!(f.len() <= field::MAX_FINDINGS + 1, "{f:?}");
    assert!(f.iter().any(|f| f.rule == "findings-capped"), "{f:?}");
}

#[test]
fn a_megabyte_line_is_bounded() {
    // Many short recipients: only the first MAX_RECIPIENTS are checked, and the report says so.
    let line = "zhangsan@qq.con;".repeat(1 << 16);
    assert!(line.len() >= 1 << 20);
    let r = check_field(&line, &CheckOptions::default());
    assert_eq!(r.recipients.len(), field::MAX_RECIPIENTS);
    assert!(r.findings.iter().any(|f| f.rule == "field-truncated"));
    assert!(r.recipients.iter().all(|rec| rec.findings.len() <= field::MAX_FINDINGS + 1));
    // One enormous address: reported as too long, never searched.
    let one = format!("{}@{}.com", "a".repeat(1 << 19), "b".repeat(1 << 19));
    let r = check_field(&one, &CheckOptions::default());
    assert_eq!(r.recipients.len(), 1);
    assert_eq!(r.recipients[0].findings[0].rule, "address-too-long");
    assert!(r.findings.iter().any(|f| f.rule == "field-truncated"));
    // A megabyte of separators and blanks: nothing to report, nothing to fix.
    let r = check_field(&" ;,\n".repeat(1 << 18), &CheckOptions::default());
    assert!(r.recipients.is_empty());
}

#[test]
fn offsets_are_chars_of_the_field() {
    let text = "张三 <zhangsan@qq.con>；李四@163.com, \u{200B}wangwu@126.com";
    let r = check_field(text, &CheckOptions::default());
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(r.recipients.len(), 3);
    for rec in &r.recipients {
        let slice: String = chars[rec.start..rec.end].iter().collect();
        assert_eq!(slice, rec.raw);
    }
    assert_eq!(r.recipients[0].name.as_deref(), Some("张三"));
    assert_eq!(r.recipients[0].suggestion.as_deref(), Some("zhangsan@qq.com"));
    assert_eq!(r.fixed.as_deref(), Some("张三 <zhangsan@qq.com>;李四@163.com, wangwu@126.com"));
}

#[test]
fn messages_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let opts = CheckOptions { lang, ..CheckOptions::default() };
        let r = check_field("zhangsan＠qq.con", &opts);
        let f = &r.recipients[0].findings;
        assert!(!f.is_empty());
        for finding in f {
            assert!(!finding.message.contains("{}"), "{}", finding.message);
            let cjk = finding.message.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
            assert_eq!(cjk, lang == Lang::Zh, "{}", finding.message);
        }
        assert_eq!(r.fixed.as_deref(), Some("zhangsan@qq.com"));
    }
}

#[test]
fn ambiguous_typos_offer_no_single_fix() {
    let r = check_field("songkai@136.com", &CheckOptions { lang: Lang::En, ..CheckOptions::default() });
    let f = &r.recipients[0].findings;
    assert!(f
        .iter()
        .any(|f| f.rule == "ambiguous-domain" && f.message.contains("163.com") && f.message.contains("126.com")));
    assert!(f.iter().all(|f| f.suggestion.is_none()));
    assert_eq!(r.fixed, None);
}

#[test]
fn check_address_for_the_bounce_explainer() {
    let r = check_address("zhangsan@qq.con", &CheckOptions::default());
    assert_eq!(r.suggestion.as_deref(), Some("zhangsan@qq.com"));
    let r = check_address("", &CheckOptions::default());
    assert_eq!(r.findings.len(), 0);
}

#[test]
fn json_shape_matches_the_contract() {
    let r = check_field("张三 <zhangsan@qq.con>", &CheckOptions::default());
    let v = serde_json::to_value(&r).unwrap_or_default();
    for key in ["input", "recipients", "findings", "fixed"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let rec = &v["recipients"][0];
    for key in ["raw", "start", "end", "name", "address", "verdict", "suggestion", "findings"] {
        assert!(rec.get(key).is_some(), "{key}");
    }
    assert_eq!(rec["verdict"], "error");
    assert_eq!(rec["findings"][0]["severity"], "error");
}

#[test]
fn a_remembered_bounce_names_its_reason_readably() {
    use tuixin::Lang;
    let message = |lang: Lang, reason: &str| {
        let opts = CheckOptions {
            lang,
            bounced: vec![RememberedBounce {
                address: "wangwu@163.com".into(),
                reason: reason.into(),
                date: "2026-01-05".into(),
            }],
            ..CheckOptions::default()
        };
        let r = check_field("wangwu@163.com", &opts);
        let f = r.recipients[0].findings.iter().find(|f| f.rule == "bounced-before").cloned();
        f.map(|f| f.message).unwrap_or_default()
    };
    assert_eq!(message(Lang::Zh, "userunknown"), "发往这个地址的邮件曾在 2026-01-05 被退回（地址不存在）。");
    assert_eq!(message(Lang::En, "userunknown"), "Mail to this address bounced on 2026-01-05 (no such user).");
    assert_eq!(message(Lang::En, " MailboxFull "), "Mail to this address bounced on 2026-01-05 (mailbox full).");
    // A name the core does not know is shown as given.
    assert_eq!(message(Lang::En, "martian"), "Mail to this address bounced on 2026-01-05 (martian).");
}

/// The fast path with the context the extension passes on every keystroke (sender, field, allowlist,
/// remembered bounces): the same report as the pipeline, for every fixture input and context.
#[test]
fn fast_path_agrees_with_the_pipeline_in_context() {
    use tuixin::recipients::FieldKind;
    let bounce =
        |a: &str| RememberedBounce { address: a.into(), reason: "userunknown".into(), date: "2026-01-05".into() };
    let mut contexts = Vec::new();
    for from in [
        None,
        Some("me@163.com"),
        Some("boss@example-corp.com"),
        Some("x@mail.qq.com"),
        Some("x@"),
        Some("<a@B.Gmail.com>"),
    ] {
        for field in [FieldKind::To, FieldKind::Cc] {
            contexts.push(CheckOptions {
                from: from.map(str::to_string),
                field,
                allowlist: vec!["gmial.com".into(), "@qq.com".into()],
                bounced: vec![bounce(" ZhangSan@QQ.com "), bounce("")],
                ..CheckOptions::default()
            });
        }
    }
    let mut inputs: Vec<String> = table().iter().map(|(i, _, _)| i.clone()).collect();
    inputs.extend(
        [
            "zhangsan@qq.com",
            "ZhangSan@Gmail.Com",
            "boss2@example-corp.com",
            "a@mail.example-corp.com",
            "a@qq.com",
            "b@vip.qq.com",
        ]
        .map(str::to_string),
    );
    let mut taken = 0;
    for opts in &contexts {
        for input in &inputs {
            if let Some(fast) = field::fast_path(input, opts) {
                taken += 1;
                assert_eq!(fast, field::full(input, opts, Vec::new()), "{input} {opts:?}");
            }
        }
    }
    assert!(taken > 100, "fast path taken {taken} times");
}
