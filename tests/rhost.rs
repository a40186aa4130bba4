//! Receiving providers' own texts decide the reason when the bounce is about that provider
//! (`knowledge::rhost`): each case is a Postfix DSN whose remote host belongs to the provider,
//! with the provider's real reply (from its published error-code pages) as the diagnostic and a
//! catch-all `Status:` so that the text, not the status, has to decide.

mod common;

use tuixin::bounce::{explain, ExplainOptions};
use tuixin::reason::Reason::{self, *};

fn dsn(rcpt: &str, remote: &str, status: &str, reply: &str) -> String {
    common::postfix_dsn(rcpt, remote, status, "RCPT TO", reply)
}

const GMAIL: (&str, &str) = ("someone@gmail.com", "gmail-smtp-in.l.google.com");
const O365: (&str, &str) = ("someone@example.com", "example-com.mail.protection.outlook.com");
const OUTLOOK: (&str, &str) = ("someone@outlook.com", "outlook-com.olc.protection.outlook.com");
const ICLOUD: (&str, &str) = ("someone@icloud.com", "mx01.mail.icloud.com");

#[rustfmt::skip]
const CASES: &[((&str, &str), &str, Reason)] = &[
    (GMAIL, "421-4.7.28 Gmail has detected an unusual rate of mail originating from your IP address 192.0.2.25. To protect our users from spam, mail has been temporarily rate limited.", Blocked),
    (GMAIL, "550-5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852", RateLimited),
    (GMAIL, "421-4.7.0 This message is suspicious due to the nature of the content or the links within. To best protect our users from spam, the message has been blocked.", SpamDetected),
    (GMAIL, "550-5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent.", PolicyViolation),
    (GMAIL, "550-5.7.1 Messages missing a valid Message-ID: header are not accepted.", NotCompliantRfc),
    (GMAIL, "421-4.7.0 Try again later, closing connection. (EHLO) s1-20020a05622a000100b00000000000si000000qtx.0 - gsmtp", Blocked),
    (GMAIL, "454-4.7.0 Too many login attempts, please try again later.", SecurityError),
    (GMAIL, "554-5.4.6 Message exceeded 50 hops, this may indicate a mail loop.", NetworkError),
    (O365, "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions.", Blocked),
    (O365, "451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)", SystemError),
    (O365, "550 5.7.1 Unfortunately, messages from [192.0.2.5] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).", Blocked),
    (O365, "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DM6NAM00FT000.eop-nam00.prod.protection.outlook.com]", UserUnknown),
    (O365, "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.", RateLimited),
    (O365, "550 5.7.64 TenantAttribution; Relay Access Denied", NoRelaying),
    (O365, "550 5.7.124 Sender not in allowed-senders list", Rejected),
    (OUTLOOK, "550 SC-001 (BAY004-MC1F37) Unfortunately, messages from 192.0.2.1 weren't sent. Please contact your Internet service provider since part of their network is on our block list.", BadReputation),
    (ICLOUD, "550 5.7.1 Mail from IP 192.0.2.1 was rejected due to listing in Spamhaus SBL. For details please see http://www.spamhaus.org/query/bl?ip=192.0.2.1", Blocked),
    (ICLOUD, "550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", PolicyViolation),
];

fn reason_of(rcpt: &str, remote: &str, status: &str, reply: &str) -> Option<Reason> {
    let report = explain(dsn(rcpt, remote, status, reply).as_bytes(), &ExplainOptions::default());
    report.recipients.first().map(|r| r.reason)
}

#[test]
fn provider_texts_decide_on_their_hosts() {
    let mut wrong = Vec::new();
    for ((rcpt, remote), reply, want) in CASES {
        let status = if reply.starts_with('4') { "4.0.0" } else { "5.0.0" };
        let got = reason_of(rcpt, remote, status, reply);
        if got != Some(*want) {
            wrong.push(format!("{reply}\n  want {want:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A provider's rule is bound to its hosts: the same Spamhaus text from an unlisted host is the
/// generic tables' to read (and Apple's rule does not make it a block there).
#[test]
fn provider_rules_stay_on_their_hosts() {
    let text =
        "550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137";
    assert_eq!(reason_of(ICLOUD.0, ICLOUD.1, "5.0.0", text), Some(PolicyViolation));
    assert_ne!(reason_of("someone@example.net", "mx.example.net", "5.0.0", text), Some(PolicyViolation));
}
