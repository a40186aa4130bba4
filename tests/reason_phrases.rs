//! Server phrases against the reason they stand for, each inside a minimal Postfix report whose
//! status (`5.0.0`) decides nothing, so the text and the SMTP command alone must carry the verdict.
//! The phrases are ones real servers send, with the reason Sisimai v5's message tables give them
//! (the labels of the held-out evaluation); a few per reason, chiefly the ones we used to miss.

mod common;

use tuixin::{explain, ExplainOptions};

/// (reason, SMTP command the reply answered, the server's words after `550 `).
const CASES: &[(&str, &str, &str)] = &[
    // The wildcard pairs of the mailboxfull table.
    ("mailboxfull", "RCPT", "Mailbox for bob is full"),
    ("mailboxfull", "RCPT", "Account is temporarily over the storage quota"),
    ("mailboxfull", "RCPT", "Disk usage over quota"),
    ("mailboxfull", "RCPT", "452 Insufficient disk space; try again later"),
    ("mailboxfull", "RCPT", "Mailbox would exceed maximum allowed storage"),
    ("emailtoolarge", "DATA", "Message header size exceeds limit"),
    ("emailtoolarge", "DATA", "Exceeded the maximum incoming message size"),
    ("suspend", "RCPT", "Recipient rejected: Temporarily inactive"),
    ("suspend", "RCPT", "This account has been temporarily suspended"),
    ("suspend", "RCPT", "Archived recipient"),
    ("norelaying", "RCPT", "Not an open relay, so get lost"),
    ("norelaying", "RCPT", "Specified domain is not allowed"),
    (
        "authfailure",
        "DATA",
        "The 5322.From address doesn't meet the authentication requirements defined for the sender",
    ),
    ("badreputation", "RCPT", "Sending IP has a poor email reputation score"),
    ("blocked", "RCPT", "Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org"),
    ("blocked", "CONN", "Connection reset by peer"),
    ("blocked", "RCPT", "Mail from 192.0.2.1 refused: see http://example.net/rbl"),
    ("blocked", "RCPT", "Email blocked by b.barracudacentral.org"),
    ("blocked", "RCPT", "Messages from 192.0.2.1 temporarily deferred due to user complaints"),
    ("blocked", "RCPT", "(kijitora@example.net:blocked)"),
    // Spam wording at RCPT is about the client when a blocking phrase is there too.
    ("blocked", "RCPT", "You are sending spam, go away"),
    ("spamdetected", "DATA", "This message has been scored as spam with a probability of more than 90%"),
    ("spamdetected", "DATA", "Message rejected due to spam content"),
    ("spamdetected", "DATA", "Rejecting banned content"),
    ("spamdetected", "DATA", "Our filters rate at and above 90 percent probability of being spam"),
    ("contenterror", "DATA", "Header size exceeds maximum permitted"),
    ("contenterror", "DATA", "This message contain invalid MIME headers"),
    ("expired", "RCPT", "Could not find a gateway for example.net"),
    ("expired", "RCPT", "Your message could not be delivered for 5 days"),
    ("filtered", "DATA", "Recipient is only accepting mail from specific email addresses"),
    ("networkerror", "RCPT", "No route to host"),
    ("networkerror", "RCPT", "Hop count exceeded. Message probably in a routing loop"),
    ("networkerror", "RCPT", "Malformed name server reply"),
    ("notaccept", "RCPT", "Mail receiving disabled"),
    ("notcompliantrfc", "DATA", "This message has multiple From headers"),
    ("policyviolation", "DATA", "Posting by non-member to a members-only list"),
    ("policyviolation", "DATA", "Rejected because the recipient is not accepting mail with attachments"),
    ("ratelimited", "RCPT", "Too many SMTP sessions for this host"),
    ("ratelimited", "RCPT", "All available IPs are at maximum connection limit"),
    ("ratelimited", "RCPT", "Too many concurrent connections from your IP"),
    ("rejected", "MAIL", "Access denied (sender blacklisted)"),
    ("rejected", "RCPT", "Sender is in my black list"),
    ("rejected", "RCPT", "Recipient not accepted. (BATV: No tag"),
    ("requireptr", "RCPT", "Cannot resolve your address."),
    ("securityerror", "RCPT", "Domain example.org is a dead domain"),
    ("systemerror", "RCPT", "Temporary local problem - please try later"),
    ("userunknown", "RCPT", "Address not present in directory"),
    ("userunknown", "RCPT", "Unknown e-mail address"),
    ("userunknown", "RCPT", "Non-existent user"),
    ("userunknown", "RCPT", "<bob@example.net> not found"),
    ("virusdetected", "DATA", "The message was rejected because it contains prohibited virus or spam content"),
];

fn report(command: &str, words: &str) -> Vec<u8> {
    let command = match command {
        "RCPT" => "RCPT TO",
        "MAIL" => "MAIL FROM",
        "DATA" => "end of DATA",
        other => other,
    };
    common::postfix_dsn("bob@example.net", "mail.example.net", "5.0.0", command, &format!("550 {words}")).into_bytes()
}

#[test]
fn server_phrases_give_their_reason() {
    let mut wrong = Vec::new();
    for &(want, command, words) in CASES {
        let r = explain(&report(command, words), &ExplainOptions::default());
        let got = r.recipients.first().map_or("(no recipient)", |x| x.reason.name());
        if got != want {
            wrong.push(format!("{command} {words:?}: {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), CASES.len(), wrong.join("\n"));
}
