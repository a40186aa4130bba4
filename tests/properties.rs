//! The never-panic promise, checked on every `make test`: generated recipient fields and bounce-like
//! messages go through `check_field`, `check_bytes`, `explain` and `split_mbox`, and each must return
//! a report that describes its input (offsets inside the field, `raw` the text at its offsets) and
//! serialises as the CLI prints it. A few hundred cases per property keeps this to seconds; the
//! fuzz targets (fuzz/, `make fuzz`) search far longer.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::Config;

use tuixin::bounce::{explain, split_mbox, ExplainOptions};
use tuixin::i18n::Lang;
use tuixin::recipients::{check_bytes, check_field, CheckOptions, FieldReport};

/// Pieces a recipient field is made of: ASCII and full-width separators, the characters typos and
/// pastes bring (full-width forms, zero-width and bidi controls, homoglyphs), quotes and brackets.
fn field_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z0-9._+-]{0,12}",
        2 => prop::sample::select(vec![
            "@", "＠", ".", "．", "。", "｡", ";", "；", ",", "，", "、", " ", "\n", "\t", "<", ">", "\"", "'",
            "\u{200b}", "\u{feff}", "\u{00ad}", "\u{00a0}", "\u{202e}", "\u{202d}", "\u{2066}", "\0",
            "а", "о", "е", "ο", "|", "1", "l", "0", "ｑｑ", "张三", "用户", "\u{fffd}", "\\", "(", ")", ":",
        ])
        .prop_map(str::to_string),
        2 => prop::sample::select(vec![
            "qq.com", "163.com", "126.com", "yeah.net", "gmail.com", "qq.con", "163.cm", "136.com",
            "vip.qq.com", "foxmail.com", "139.com", "sina.com", "例子.广告", "xn--fiqs8s.xn--55qx5d", "com",
        ])
        .prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(20).collect()),
    ]
}

fn field() -> impl Strategy<Value = String> {
    prop::collection::vec(field_piece(), 0..40).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = CheckOptions> {
    (
        any::<bool>(),
        prop::option::of(prop::sample::select(vec!["me@163.com", "me@qq.com", "me@example.com", "not an address"])),
    )
        .prop_map(|(en, from)| CheckOptions {
            lang: if en { Lang::En } else { Lang::Zh },
            from: from.map(str::to_string),
            ..CheckOptions::default()
        })
}

fn assert_describes(text: &str, report: &FieldReport) {
    let chars: Vec<char> = text.chars().collect();
    for r in &report.recipients {
        assert!(
            r.start <= r.end && r.end <= chars.len(),
            "offsets {}..{} outside {} chars",
            r.start,
            r.end,
            chars.len()
        );
        let at: String = chars[r.start..r.end].iter().collect();
        assert_eq!(at, r.raw, "raw is not the text at its offsets");
    }
    serde_json::to_string(report).expect("serialises");
}

/// Lines a bounce is made of: MIME structure, DSN fields, provider notice text, encoded words,
/// and damage (truncated boundaries, bad base64, unknown charsets, NULs).
fn bounce_line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(vec![
            "From: MAILER-DAEMON@163.com", "From: postmaster@qq.com", "Subject: 系统退信", "Subject: Undelivered Mail Returned to Sender",
            "Subject: =?gb2312?B?z7XNs83L0MU=?=", "Subject: =?utf-8?B?@@@?=", "Subject: =?x-klingon?Q?=ZZ?=",
            "MIME-Version: 1.0", "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"",
            "Content-Type: multipart/mixed; boundary=B", "Content-Type: message/delivery-status", "Content-Type: message/rfc822",
            "Content-Type: text/plain; charset=gb2312", "Content-Type: text/plain; charset=\"x-unknown\"", "Content-Type: text/html",
            "Content-Transfer-Encoding: base64", "Content-Transfer-Encoding: quoted-printable", "Content-Transfer-Encoding: 8bit",
            "--B", "--B--", "--", "", "", "", "Reporting-MTA: dns; mx.163.com", "Final-Recipient: rfc822; zhangsan@qq.com",
            "Original-Recipient: rfc822;lisi@163.com", "Action: failed", "Status: 5.1.1", "Status: 4.7.0", "Status: 9.9.9.9",
            "Remote-MTA: dns; mx3.qq.com", "Diagnostic-Code: smtp; 550 Mailbox not found. http://service.mail.qq.com/",
            "Diagnostic-Code: smtp; 554 DT:SPM 163 smtp10,DsCowAD3", "    continued folded line", "550 User not found",
            "451 HL:IFC ...", "5.7.1", "<zhangsan@qq.com>: host mx3.qq.com said: 550 Mailbox not found",
            "z7XNs83L0MU=", "=E4=BD=A0=", "=ZZ", "From zhangsan Thu Dec  3 02:00:00 2026", "\0\0\0",
            "<script>alert(1)</script>", "很抱歉您发送的邮件被退回", "收件人地址不存在",
        ])
        .prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(40).collect()),
    ]
}

fn message() -> impl Strategy<Value = Vec<u8>> {
    (prop::collection::vec(bounce_line(), 0..60), any::<bool>(), prop::collection::vec(any::<u8>(), 0..64)).prop_map(
        |(lines, crlf, noise)| {
            let mut m = lines.join(if crlf { "\r\n" } else { "\n" }).into_bytes();
            // Some raw bytes (invalid UTF-8, stray CRs) somewhere in the middle.
            let at = if m.is_empty() { 0 } else { noise.len() * 7919 % (m.len() + 1) };
            m.splice(at..at, noise);
            m
        },
    )
}

proptest! {
    #![proptest_config(Config { cases: 300, failure_persistence: None, ..Config::default() })]

    #[test]
    fn check_field_never_panics_and_describes_its_input(text in field(), opts in options()) {
        let report = check_field(&text, &opts);
        assert_describes(&text, &report);
    }

    #[test]
    fn check_field_takes_any_string(text in any::<String>()) {
        let report = check_field(&text, &CheckOptions::default());
        assert_describes(&text, &report);
    }

    #[test]
    fn check_bytes_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let report = check_bytes(&bytes, &CheckOptions::default());
        serde_json::to_string(&report).expect("serialises");
    }

    #[test]
    fn explain_never_panics(m in message(), en in any::<bool>()) {
        let opts = ExplainOptions { lang: if en { Lang::En } else { Lang::Zh }, ..ExplainOptions::default() };
        let report = explain(&m, &opts);
        serde_json::to_string(&report).expect("serialises");
        // Pasted text: the same through lossy UTF-8.
        let text = String::from_utf8_lossy(&m);
        serde_json::to_string(&explain(text.as_bytes(), &opts)).expect("serialises");
    }

    #[test]
    fn explain_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        serde_json::to_string(&explain(&bytes, &ExplainOptions::default())).expect("serialises");
    }

    #[test]
    fn split_mbox_and_explain_each(parts in prop::collection::vec(message(), 1..4)) {
        let mut mbox = Vec::new();
        for p in &parts {
            mbox.extend_from_slice(b"From MAILER-DAEMON Thu Dec  3 02:00:00 2026\n");
            mbox.extend_from_slice(p);
            mbox.push(b'\n');
        }
        let messages = split_mbox(&mbox);
        prop_assert!(messages.iter().map(|m| m.len()).sum::<usize>() <= mbox.len());
        for m in messages {
            serde_json::to_string(&explain(m, &ExplainOptions::default())).expect("serialises");
        }
    }
}
