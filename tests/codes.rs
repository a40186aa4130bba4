//! The provider code tables and the explanation catalogue: every row is found on its own sample,
//! host restrictions hold, codes are unique, every text exists in both languages, and every pattern
//! compiles (run with `--no-default-features` too, which swaps in regex-lite).

use std::collections::HashMap;

use tuixin::knowledge::catalogue::{reason_info, short};
use tuixin::knowledge::codes::{all, find, ProviderCode};
use tuixin::{Fault, Reason};

/// Rows that share provider and code on purpose (the text tells them apart).
/// The first of them keeps the plain code as its code-book id.
const DELIBERATE_DUPLICATES: &[(&str, &str)] = &[("Netease", "DT:SPM"), ("Coremail", "MI:IPB")];

fn label(e: &ProviderCode) -> String {
    format!("{} {:?}", e.provider.name(), e.code)
}

/// The host a restricted row is tested with: a subdomain of its first suffix.
fn host_for(e: &ProviderCode) -> Option<String> {
    e.hosts.first().map(|h| format!("mx1.{h}"))
}

#[test]
fn every_pattern_compiles() {
    for e in all() {
        assert!(tuixin::re::compile(e.pattern).is_some(), "{}: pattern does not compile", label(e));
    }
}

#[test]
fn every_row_is_found_on_its_own_sample() {
    let mut failures = Vec::new();
    for e in all() {
        let host = host_for(e);
        match find(e.sample, host.as_deref()) {
            Some(found) if std::ptr::eq(found, e) => {}
            Some(found) => failures.push(format!("{}: sample found {}", label(e), label(found))),
            None => failures.push(format!("{}: sample not found", label(e))),
        }
        // The same with CRLF / trailing whitespace around it, as a DSN field would carry it.
        let padded = format!("  {}\r\n", e.sample);
        if !find(&padded, host.as_deref()).is_some_and(|f| std::ptr::eq(f, e)) {
            failures.push(format!("{}: padded sample", label(e)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn keys_are_lower_case_and_in_the_sample() {
    for e in all() {
        assert!(!e.key.is_empty(), "{}: empty key", label(e));
        for k in e.key.split('|') {
            assert!(k.len() >= 2, "{}: key alternatives need two bytes or more", label(e));
            assert_eq!(k, k.to_ascii_lowercase(), "{}: key must be lower case", label(e));
        }
        let lower = e.sample.to_ascii_lowercase();
        assert!(e.key.split('|').any(|k| lower.contains(k)), "{}: sample lacks the key", label(e));
    }
}

#[test]
fn codes_are_unique_per_provider() {
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    for e in all() {
        *seen.entry((e.provider.name(), e.code)).or_default() += 1;
    }
    for ((provider, code), n) in seen {
        if n > 1 {
            assert!(DELIBERATE_DUPLICATES.contains(&(provider, code)), "{provider} {code:?} appears {n} times");
        }
    }
}

#[test]
fn every_row_has_text_in_both_languages_and_a_source() {
    for e in all() {
        for t in [e.title, e.detail].iter().chain(e.actions) {
            assert!(!t.zh.trim().is_empty() && !t.en.trim().is_empty(), "{}: empty text", label(e));
        }
        assert!(!e.actions.is_empty(), "{}: no actions", label(e));
        assert!(!e.source.trim().is_empty(), "{}: no source", label(e));
        assert!(!e.sample.trim().is_empty(), "{}: no sample", label(e));
        assert!(e.reason.is_bounce(), "{}: a provider code is a bounce reason", label(e));
    }
}

#[test]
fn every_catalogue_entry_has_text_in_both_languages() {
    for r in Reason::ALL {
        let i = reason_info(r);
        for t in [i.title, i.detail, short(r)].iter().chain(i.actions) {
            assert!(!t.zh.trim().is_empty() && !t.en.trim().is_empty(), "{r:?}: empty text");
        }
    }
}

#[test]
fn host_restricted_rows_need_their_host() {
    let qq_busy = "550 Mailbox unavailable or access denied";
    let e = find(qq_busy, Some("mx3.qq.com")).expect("QQ reply with QQ host");
    assert_eq!(e.provider.name(), "Tencent");
    assert_eq!(e.reason, Reason::RateLimited);
    assert!(e.temporary);
    assert!(find(qq_busy, Some("mx.example.com")).is_none_or(|e| e.provider.name() != "Tencent"));
    assert!(find(qq_busy, None).is_none_or(|e| e.provider.name() != "Tencent"));
    // A suffix must match on a label boundary.
    assert!(find(qq_busy, Some("mx.notqq.com")).is_none_or(|e| e.provider.name() != "Tencent"));

    // Netease's plain-English "User not found": by host, or by the address the text names.
    assert!(find("550 User not found", None).is_none_or(|e| e.provider.name() != "Netease"));
    let e = find("550 User not found", Some("163mx01.mxmail.netease.com")).expect("by host");
    assert_eq!((e.provider.name(), e.reason), ("Netease", Reason::UserUnknown));
    let e = find("550 User not found: abc123@126.com", None).expect("by address in the text");
    assert_eq!(e.provider.name(), "Netease");
    // QQ's "Mailbox not found" versus Yahoo's longer reply.
    let e = find("552 1 Requested mail action aborted, mailbox not found", Some("mta5.am0.yahoodns.net")).unwrap();
    assert_eq!(e.provider.name(), "Yahoo");
}

#[test]
fn the_most_specific_row_wins() {
    let e = find("550 Suspected spam ip. https://service.mail.qq.com/detail/122/66", None).unwrap();
    assert_eq!(e.code, "Suspected spam ip");
    let e = find("550 Suspected spam. https://service.mail.qq.com/detail/122/71", None).unwrap();
    assert_eq!(e.code, "Suspected spam");
    let e = find("550 Mailbox not found or access denied", Some("smtp.exmail.qq.com")).unwrap();
    assert_eq!(e.code, "Mailbox not found or access denied");
    let e =
        find("550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728", None)
            .unwrap();
    assert_eq!(e.code, "Mailbox not found");
    let e = find("550 Error: content rejected", Some("mx2.qq.com")).unwrap();
    assert_eq!(e.provider.name(), "Tencent");
    let e = find("550 Error: content rejected", Some("mail.example.org")).unwrap();
    assert_eq!(e.provider.name(), "Postfix");
}

#[test]
fn netease_tags_match_on_tag_not_reply_number() {
    // DT:SPM: 451 with "please try again" is temporary, 554 / 550 5.7.0 is not.
    let soft = find("451 DT:SPM mx4, <id>, please try again 1234567890", None).unwrap();
    assert!(soft.temporary && soft.reason == Reason::SpamDetected);
    for hard in [
        "554 DT:SPM 163 smtp10,<id> 1234567890,please see http://mail.163.com/help/help_spam_16.htm",
        "550 5.7.0 DT:SPM .For more information, please visit https://feedback.qiye.163.com/",
    ] {
        let e = find(hard, None).unwrap();
        assert!(!e.temporary && e.reason == Reason::SpamDetected && e.fault == Fault::SenderContent, "{hard}");
    }
    // The same tag under the numbers the two generations of the official list use.
    for line in ["421 HL:ICC", "554 HL:ICC", "421 4.4.5 HL:ICC"] {
        assert_eq!(find(line, None).unwrap().code, "HL:ICC", "{line}");
    }
    for line in ["451 MI:SFQ", "554 MI:SFQ"] {
        assert_eq!(find(line, None).unwrap().code, "MI:SFQ", "{line}");
    }
    // A tag inside a longer word is not the tag.
    assert!(find("XDT:SPMX", None).is_none());
}

#[test]
fn qq_rate_limits_are_temporary() {
    for text in [
        "550 Ip frequency limited [abc Blocked IP 203.0.113.7]",
        "550 Domain frequency limited",
        "550 Sender frequency limited",
        "550 Connection frequency limited",
    ] {
        let e = find(text, Some("mx1.qq.com")).unwrap();
        assert!(e.temporary && e.reason == Reason::RateLimited, "{text}");
    }
    let e = find("550 Connection denied", Some("mx1.qq.com")).unwrap();
    assert!(e.temporary);
}

#[test]
fn nothing_on_unrelated_or_hostile_text() {
    assert!(find("", None).is_none());
    assert!(find("Hello, see you tomorrow", Some("qq.com")).is_none());
    let big = "x".repeat(1 << 20) + "DT:SPM";
    assert!(find(&big, None).is_none(), "text past the search limit is not read");
    let chinese = "退".repeat(10_000);
    assert!(find(&chinese, None).is_none());
}

#[test]
fn a_prefix_defers_to_the_failure_it_quotes() {
    let e = find("delivery temporarily suspended: Host or domain name not found. Name service error for name=example.con type=MX: Host not found, try again", None).unwrap();
    assert_eq!(e.reason, Reason::HostUnknown);
    let e = find("delivery temporarily suspended: host mx.example.net[192.0.2.1] refused to talk to me: 421 Service not available", None).unwrap();
    assert_eq!(e.reason, Reason::Blocked);
    let e = find("X-Postfix; connect to example.org[192.0.2.25]:25: Connection timed out", None).unwrap();
    assert_eq!(e.reason, Reason::Expired);
    // A Netease tag outranks the generic words on the same line.
    let e = find("552 RP:UQT mx.example.edu.cn, mailbox is full", None).unwrap();
    assert_eq!(e.code, "RP:UQT");
}

mod never_panics {
    use proptest::prelude::*;
    use tuixin::knowledge::codes::{all, find};

    proptest! {
        #[test]
        fn on_any_text_and_host(text in "\\PC{0,300}", host in proptest::option::of("[a-zA-Z0-9.\\[\\]<> -]{0,40}")) {
            let _ = find(&text, host.as_deref());
        }

        #[test]
        fn a_sample_inside_noise_is_still_recognised(i in 0usize..400, pre in "[a-z ;:]{0,40}", post in "[a-z ;.]{0,40}") {
            let rows: Vec<_> = all().collect();
            let e = rows[i % rows.len()];
            let host = e.hosts.first().map(|h| format!("mx.{h}"));
            let text = format!("{pre} {} {post}", e.sample);
            prop_assert!(find(&text, host.as_deref()).is_some(), "{:?}", e.code);
        }
    }
}

#[test]
fn hard_bounces_are_not_temporary() {
    for e in all() {
        assert!(!(e.hard() && e.temporary), "{}: hard and temporary", label(e));
    }
    for r in Reason::ALL {
        assert!(!(r.is_hard() && reason_info(r).temporary), "{r:?}: hard and temporary");
    }
}

#[test]
fn server_side_causes_carry_a_step_for_the_administrator() {
    let for_admin = |actions: &[tuixin::i18n::Text]| {
        actions.iter().any(|a| {
            let en = a.en.to_ascii_lowercase();
            en.contains("administrator")
                || en.contains("provider")
                || en.contains("developer")
                || en.contains("program")
        })
    };
    for e in all().filter(|e| e.fault == Fault::SenderServer) {
        assert!(for_admin(e.actions), "{}: no step for the administrator", label(e));
    }
    for r in Reason::ALL.into_iter().filter(|r| reason_info(*r).fault == Fault::SenderServer) {
        assert!(for_admin(reason_info(r).actions), "{r:?}: no step for the administrator");
    }
}

#[test]
fn netease_notice_wording_without_the_english_line() {
    let e = find("退信原因：您可能写了外星人的邮件地址；或者网络不给力", None).unwrap();
    assert_eq!(e.code, "Can not connect to");
}

#[test]
fn rows_by_code() {
    use tuixin::knowledge::codes::by_code;
    let e = by_code("dt:spm").unwrap();
    assert!(!e.temporary && e.replies.contains(&"554"));
    assert_eq!(by_code(" Ip frequency limited ").unwrap().reason, Reason::RateLimited);
    assert!(by_code("no such code").is_none());
}

/// The CLI (`regex`) and the browser (`regex-lite`) read every pattern alike: each row's sample, and
/// the same sample touching Chinese text, with full-width digits or ideographic spaces, gives the
/// same match under both engines. (Unicode case folding is the one difference left: natively `(?i)k`
/// also matches the Kelvin sign.) With `--no-default-features` both sides are regex-lite.
#[test]
fn both_regex_engines_agree_on_every_pattern() {
    let samples: Vec<String> = all().map(|e| e.sample.to_string()).collect();
    let mut probes: Vec<String> = Vec::new();
    for s in &samples {
        probes.push(s.clone());
        probes.push(format!("退信{s}被拒"));
        probes.push(format!("原因：{s}。"));
        probes.push(
            s.chars()
                .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - 0x30 + 0xFF10).unwrap_or(c) } else { c })
                .collect(),
        );
        probes.push(s.replace(' ', "\u{3000}"));
        probes.push(s.replace(' ', "中"));
    }
    let mut failures = Vec::new();
    for e in all() {
        let (Some(native), Ok(lite)) = (tuixin::re::compile(e.pattern), regex_lite::Regex::new(e.pattern)) else {
            failures.push(format!("{}: does not compile in both", label(e)));
            continue;
        };
        for p in &probes {
            let a = native.find(p).map(|m| m.range());
            let b = lite.find(p).map(|m| m.range());
            if a != b {
                failures.push(format!("{}: {p:?}: regex {a:?}, regex-lite {b:?}", label(e)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}
