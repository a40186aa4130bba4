//! Deciding the reason of one failed recipient. Order of decision:
//! 1. a provider code (Netease tag, Tencent text ...) matched on its tag and text and on the
//!    reporting host (`knowledge::codes::find`, done by the caller); then the receiving
//!    provider's own codes bound to its hosts, Gmail's `(state N)` and Exchange's NDR codes
//!    (`knowledge::rhost`, done by the caller);
//! 2. the generic text patterns (`knowledge::patterns`), tried in Sisimai's order together with
//!    an explicit status (so "mailbox full" under a generic 5.1.1 still says mailboxfull);
//! 3. the RFC 3463 status alone (`knowledge::rfc3463`), weak statuses (security, system, expired,
//!    network, host unknown: Sisimai's retry list)
//!    after the second round of patterns;
//! 4. the SMTP command (a refusal at MAIL FROM is about the sender);
//! 5. onhold when there is an error text, undefined when there is none.
//!
//! The special cases follow Sisimai's `ProbesInto` rules (go-sisimai `reason/why-*.go`): "user
//! unknown" wording counts as userunknown at RCPT, but as filtered after DATA (the address was
//! accepted, the message was not).

use crate::knowledge::{patterns, rfc3463};
use crate::reason::Reason;

/// What the classifier looks at.
pub struct Facts<'a> {
    /// Lower-cased diagnostic text.
    pub lower: &'a str,
    pub status: Option<&'a str>,
    pub reply_code: Option<&'a str>,
    /// `RCPT`, `MAIL`, `DATA`, `HELO`, `CONN`, `STARTTLS`.
    pub command: Option<&'a str>,
    pub action: Option<&'a str>,
    /// A provider notice or a pasted text, where the SMTP command is never given: a refusal of the
    /// address is then read as the answer to RCPT (Sisimai's distinction of MTA transcripts does
    /// not apply).
    pub assume_rcpt: bool,
    /// Which reasons' patterns occur in `lower` (computed once).
    pub hits: patterns::Hits,
    /// The diagnostic is a local delivery program's (`Diagnostic-Code: X-Unix; ...`).
    pub unix: bool,
}

/// Reasons whose text or status is tried first, in this order (Sisimai ClassOrder[0], newest names).
const FIRST: &[Reason] = &[
    Reason::MailboxFull,
    Reason::EmailTooLarge,
    Reason::Suspend,
    Reason::HasMoved,
    Reason::NoRelaying,
    Reason::AuthFailure,
    Reason::UserUnknown,
    Reason::Filtered,
    Reason::RequirePtr,
    Reason::NotCompliantRfc,
    Reason::BadReputation,
    Reason::ContentError,
    Reason::Rejected,
    Reason::NotAccept,
    Reason::HostUnknown,
    Reason::SpamDetected,
    Reason::RateLimited,
    Reason::Blocked,
];

/// Then (Sisimai ClassOrder[1], in its order).
const SECOND: &[Reason] = &[
    Reason::MailboxFull,
    Reason::AuthFailure,
    Reason::BadReputation,
    Reason::RateLimited,
    Reason::SpamDetected,
    Reason::VirusDetected,
    Reason::PolicyViolation,
    Reason::NoRelaying,
    Reason::SystemError,
    Reason::NetworkError,
    Reason::Suspend,
    Reason::ContentError,
    Reason::SystemFull,
    Reason::NotAccept,
    Reason::Expired,
    Reason::FailedStartTls,
    Reason::SecurityError,
    Reason::Suppressed,
    Reason::MailerError,
    Reason::SyntaxError,
];

/// Reasons a status maps to that text should be allowed to refine.
/// (Sisimai's `GetRetried`: a status naming one of these is checked against the texts again.)
fn weak(r: Reason) -> bool {
    matches!(
        r,
        Reason::SecurityError | Reason::SystemError | Reason::Expired | Reason::NetworkError | Reason::HostUnknown
    )
}

fn probe(r: Reason, f: &Facts<'_>, by_status: Option<Reason>) -> bool {
    let lower = f.lower;
    match r {
        Reason::UserUnknown => {
            if by_status == Some(Reason::UserUnknown) {
                // 5.1.1, unless the text says it is about something else.
                let other = [
                    Reason::NoRelaying,
                    Reason::Blocked,
                    Reason::MailboxFull,
                    Reason::HasMoved,
                    Reason::Rejected,
                    Reason::NotAccept,
                    Reason::RateLimited,
                ];
                return !other.iter().any(|&o| f.hits.has(o))
                    || f.hits.has(Reason::UserUnknown) && f.command != Some("MAIL");
            }
            (f.command == Some("RCPT") || f.command.is_none() && f.assume_rcpt) && f.hits.has(r)
        }
        Reason::Filtered => {
            if by_status == Some(Reason::Filtered) {
                return f.hits.has(Reason::UserUnknown) || f.hits.has(r);
            }
            let rcpt_or_mail = matches!(f.command, Some("RCPT") | Some("MAIL")) || f.command.is_none() && f.assume_rcpt;
            if !rcpt_or_mail {
                return f.hits.has(r) || f.hits.has(Reason::UserUnknown);
            }
            f.hits.has(r) && f.command != Some("MAIL")
        }
        Reason::Rejected => {
            if by_status == Some(r) {
                return true;
            }
            if f.command == Some("MAIL") && !lower.is_empty() {
                return f.hits.has(r) || f.hits.has(Reason::UserUnknown) || f.hits.has(Reason::HostUnknown);
            }
            f.hits.has(r)
        }
        Reason::NoRelaying => matches!(f.command, None | Some("RCPT") | Some("MAIL") | Some("DATA")) && f.hits.has(r),
        Reason::HostUnknown => {
            if by_status == Some(r) {
                return !lower.contains("name server") && !lower.contains("try again") || f.hits.has(r);
            }
            // "Host not found, try again" is Postfix hedging on a DNS failure; a provider's own
            // verdict beside it (QQ: 收件人的域名不存在) settles it as a wrong domain.
            f.hits.has(r)
                && (lower.contains("域名不存在")
                    || !lower.contains("not found, try again") && !lower.contains("malformed or unexpected"))
        }
        // Spam wording before DATA is about the client (`554 ... you are sending spam` at RCPT is
        // a blocked client): spam is judged on the message only after DATA, unless the status
        // says so (Sisimai's `ExceptDATA`); otherwise the second round still finds it.
        // A virus scanner's own words outweigh the word "spam" beside them.
        Reason::SpamDetected => {
            by_status == Some(r) || !before_data(f.command) && f.hits.has(r) && !f.hits.has(Reason::VirusDetected)
        }
        // A header or MIME fault, unless the text is spam wording that counts (Sisimai).
        Reason::ContentError => !probe(Reason::SpamDetected, f, by_status) && (by_status == Some(r) || f.hits.has(r)),
        // "No MX" texts say the domain takes no mail, whatever status came with them.
        // (Unless the status says the domain does not exist: `5.1.2 ... Host unknown (Name server:
        // .: host not found)` is Sendmail's wording for a missing domain.)
        Reason::NotAccept => f.hits.has(r) && f.status != Some("5.1.2"),
        _ => by_status == Some(r) || f.hits.has(r),
    }
}

/// An SMTP command sent before DATA: a refusal there cannot be about the message's content.
fn before_data(command: Option<&str>) -> bool {
    matches!(command, Some("CONN" | "HELO" | "EHLO" | "STARTTLS" | "AUTH" | "MAIL" | "RCPT"))
}

/// The generic decision (steps 2–5).
pub fn reason(f: &Facts<'_>) -> Reason {
    let lower = f.lower;
    let by_status = f.status.and_then(rfc3463::reason);
    // A delay notice still names what held the message up (`No route to host`); only when nothing
    // does is it "expired" (Sisimai's order).
    let delayed = f.action.is_some_and(|a| a.starts_with("delayed"));
    match f.action {
        Some(a)
            if (a.starts_with("delivered") || a.starts_with("relayed") || a.starts_with("expanded"))
                && f.status.is_none_or(|s| s.starts_with("2.")) =>
        {
            return Reason::Delivered;
        }
        _ => {}
    }
    if f.status.is_some_and(|s| s.starts_with("2.")) {
        return Reason::Delivered;
    }
    // The sending MTA's own words for giving up after retrying, whatever the last reply was.
    const GAVE_UP: &[&str] = &[
        "message expired",
        "retry timeout exceeded",
        "have been failing for a long time",
        "delivery expired",
        "envelope expired",
        "unable to deliver in",
        "unable to deliver this message after",
    ];
    // (In one pass over the text, not one search per phrase.)
    static GAVE_UP_SET: std::sync::OnceLock<crate::re::Literals> = std::sync::OnceLock::new();
    if crate::re::set(&GAVE_UP_SET, GAVE_UP).any(lower)
        && !f.hits.has(Reason::UserUnknown)
        && !f.hits.has(Reason::MailboxFull)
        && !lower.contains("dns")
    {
        return Reason::Expired;
    }
    // A local delivery program failed (procmail, a pipe): mailererror unless its words or the
    // status say more (Sisimai: no SMTP-reply patterns for X-Unix diagnostics).
    if f.unix {
        if f.hits.has(Reason::MailboxFull) {
            return Reason::MailboxFull;
        }
        if f.hits.has(Reason::MailerError) {
            return Reason::MailerError;
        }
        return by_status.filter(|&r| r != Reason::UserUnknown).unwrap_or(Reason::MailerError);
    }
    // qmail's "mailbox unavailable (not enough free space)" is about the server's disk, not the
    // mailbox or the address its first words suggest (Sisimai: systemfull).
    if f.hits.has(Reason::SystemFull) && lower.contains("(not enough free space)") {
        return Reason::SystemFull;
    }
    let temporary = f.status.is_some_and(|s| s.starts_with("4.")) || f.reply_code.is_some_and(|c| c.starts_with('4'));
    for &r in FIRST {
        if probe(r, f, by_status) {
            // A domain that "does not exist" only for now is a DNS failure, not a wrong domain.
            // (qmail's "couldn't find any host by that name (#4.1.2)" is its verdict on the domain.)
            if r == Reason::HostUnknown && temporary && !lower.contains("find any host") {
                return Reason::NetworkError;
            }
            return r;
        }
    }
    if let Some(r) = by_status.filter(|&r| !weak(r)) {
        return r;
    }
    for &r in SECOND {
        // The bare word "spam" counts here, after every more telling phrase of the first round.
        let spam = r == Reason::SpamDetected && !f.hits.has(Reason::VirusDetected);
        if f.hits.has(r) && (r != Reason::SpamDetected || spam) || spam && lower.contains("spam") {
            return r;
        }
    }
    // Refused at MAIL FROM with no more than a security status (`550 5.7.1 Access denied (in
    // reply to MAIL FROM command)`): the sender was refused.
    if f.command == Some("MAIL") && !lower.is_empty() && matches!(by_status, None | Some(Reason::SecurityError)) {
        return Reason::Rejected;
    }
    if let Some(r) = by_status {
        return r;
    }
    if delayed {
        return Reason::Expired;
    }
    if let Some(r) = f.status.and_then(rfc3463::fallback) {
        return r;
    }
    if f.command == Some("MAIL") && !lower.is_empty() {
        return Reason::Rejected;
    }
    // Refused at the greeting (after EHLO/HELO): the client itself was refused (Sisimai).
    if f.command == Some("HELO") && !lower.is_empty() {
        return Reason::Blocked;
    }
    // 500–504: the server did not understand the command (RFC 5321 §4.2.3).
    if matches!(f.reply_code, Some("500" | "501" | "502" | "503" | "504")) {
        return Reason::SyntaxError;
    }
    if lower.trim().is_empty() && f.status.is_none() && f.reply_code.is_none() {
        return Reason::Undefined;
    }
    Reason::OnHold
}
