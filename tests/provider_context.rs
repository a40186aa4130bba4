//! Provider rows whose words any server may send (Outlook's "Delivery not authorized", Sina's
//! "Your access to submit messages ... rejected", QQ's "Suspected spam"): they name the provider's
//! entry only where the reply came from that provider (its MX, its recipient domain, its help
//! link in the text). From another system the generic tables decide, with the reason Sisimai v5
//! gives the words there.

mod common;

use tuixin::{explain, ExplainOptions};

/// A DSN in which `host` (the recipient's MX) refused the message with `text`.
fn dsn(host: &str, domain: &str, text: &str) -> String {
    common::postfix_dsn(&format!("bob@{domain}"), host, "5.0.0", "end of DATA", text)
}

/// (text, the provider's MX and domain, its code there, its reason there, the reason elsewhere).
const CASES: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "550 5.7.1 Delivery not authorized, message refused",
        "example-com.mail.protection.outlook.com",
        "outlook.com",
        "5.7.1 delivery not authorized",
        "rejected",
        "rejected",
    ),
    (
        "554 Your access to submit messages to this e-mail system has been rejected",
        "mx.sina.com",
        "sina.com",
        "poor reputation",
        "badreputation",
        "rejected",
    ),
    ("550 Suspected spam", "mx3.qq.com", "qq.com", "Suspected spam", "rejected", "spamdetected"),
    (
        "550 Message rejected due to suspected spam content",
        "mx3.qq.com",
        "qq.com",
        "Suspected spam",
        "rejected",
        "spamdetected",
    ),
    (
        "550 5.5.0 Submission quota exceeded",
        "example-com.mail.protection.outlook.com",
        "outlook.com",
        "submission quota exceeded",
        "ratelimited",
        "mailboxfull",
    ),
];

#[test]
fn provider_words_are_the_providers_only_on_its_hosts() {
    let mut wrong = Vec::new();
    for &(text, host, domain, code, at_provider, elsewhere) in CASES {
        for (host, domain, want_code, want) in
            [(host, domain, Some(code), at_provider), ("mx.example.net", "example.net", None, elsewhere)]
        {
            let report = explain(dsn(host, domain, text).as_bytes(), &ExplainOptions::default());
            let Some(r) = report.recipients.first() else {
                wrong.push(format!("{text:?} via {host}: no recipient"));
                continue;
            };
            if r.provider_code.as_deref() != want_code || r.reason.name() != want {
                wrong.push(format!(
                    "{text:?} via {host}: {:?} {}, want {want_code:?} {want}",
                    r.provider_code,
                    r.reason.name()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{} wrong:\n{}", wrong.len(), wrong.join("\n"));
}

/// A QQ reply pasted with its help link still names QQ's entry: the link says whose it is.
#[test]
fn a_pasted_reply_with_the_providers_link_keeps_its_code() {
    let report = explain(b"550 Suspected spam. https://service.mail.qq.com/detail/122/71", &ExplainOptions::default());
    let r = report.recipients.first().expect("a recipient");
    assert_eq!(r.provider_code.as_deref(), Some("Suspected spam"));
    assert_eq!(r.reason.name(), "rejected");
}
