//! Deciding the reason of one failed recipient. Order of decision:
//! 1. a provider code (Netease tag, Tencent text ...) matched on its tag and text and on the
//!    reporting host (`knowledge::codes::find`);
//! 2. the generic text patterns (`knowledge::patterns`), tried in Sisimai's order together with
//!    the explicit status (so that "mailbox full" under a generic 5.1.1 still says mailboxfull);
//! 3. the RFC 3463 status alone (`knowledge::rfc3463`);
//! 4. the reply code;
//! 5. onhold when there is an error text, undefined when there is none.

use crate::knowledge::{patterns, rfc3463};
use crate::reason::Reason;

/// What the classifier looks at.
pub struct Facts<'a> {
    /// Lower-cased diagnostic text.
    pub lower: &'a str,
    pub status: Option<&'a str>,
    pub reply_code: Option<&'a str>,
    pub command: Option<&'a str>,
    pub action: Option<&'a str>,
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
    Reason::Rejected,
    Reason::HostUnknown,
    Reason::SpamDetected,
    Reason::RateLimited,
    Reason::Blocked,
];

/// Then, after the status alone (Sisimai ClassOrder[1]).
const SECOND: &[Reason] = &[
    Reason::MailboxFull,
    Reason::SpamDetected,
    Reason::PolicyViolation,
    Reason::VirusDetected,
    Reason::NoRelaying,
    Reason::AuthFailure,
    Reason::SecurityError,
    Reason::SystemError,
    Reason::NetworkError,
    Reason::RateLimited,
    Reason::Suspend,
    Reason::Expired,
    Reason::ContentError,
    Reason::SystemFull,
    Reason::NotAccept,
    Reason::MailerError,
    Reason::SyntaxError,
    Reason::FailedStartTls,
    Reason::Suppressed,
];

/// Statuses too generic to decide anything (`5.0.0`, `4.0.0`, `5.5.0` ...).
fn generic(status: &str) -> bool {
    matches!(
        status,
        "5.0.0"
            | "4.0.0"
            | "5.5.0"
            | "4.5.0"
            | "5.3.0"
            | "4.3.0"
            | "5.7.0"
            | "4.7.0"
            | "5.2.0"
            | "4.2.0"
            | "5.1.0"
            | "4.4.0"
    )
}

/// The generic decision (steps 2–5).
pub fn reason(f: &Facts<'_>) -> Reason {
    let lower = f.lower;
    let by_status = f.status.and_then(rfc3463::reason);
    if f.action == Some("delayed")
        || f.action == Some("delivered")
        || f.action == Some("relayed")
        || f.action == Some("expanded")
    {
        if f.action == Some("delayed") {
            return Reason::Expired;
        }
        if f.status.is_some_and(|s| s.starts_with("2.")) {
            return Reason::Delivered;
        }
    }
    // Phrases an MTA writes itself when it gives up after retrying.
    if patterns::matches(Reason::Expired, lower)
        && !patterns::matches(Reason::UserUnknown, lower)
        && !patterns::matches(Reason::MailboxFull, lower)
    {
        let strong = [
            "retry timeout exceeded",
            "have been failing for a long time",
            "too long in queue",
            "could not be delivered for",
            "message expired",
            "delivery expired",
            "delivery time expired",
            "message timed out",
            "queue too long",
            "this message has been in the queue too long",
            "was not reachable within the allowed queue period",
            "unable to deliver message after multiple retries",
            "retry time not reached",
        ];
        if strong.iter().any(|s| lower.contains(s)) {
            return Reason::Expired;
        }
    }
    for &r in FIRST {
        if r == Reason::UserUnknown {
            if by_status == Some(Reason::UserUnknown) {
                // 5.1.1 unless the text says something else first.
                let other = [
                    Reason::NoRelaying,
                    Reason::Blocked,
                    Reason::MailboxFull,
                    Reason::HasMoved,
                    Reason::Rejected,
                    Reason::NotAccept,
                    Reason::Suspend,
                ];
                if !other.iter().any(|&o| patterns::matches(o, lower)) || patterns::matches(Reason::UserUnknown, lower)
                {
                    return r;
                }
                continue;
            }
            if patterns::matches(r, lower) && f.command != Some("MAIL") {
                return r;
            }
            continue;
        }
        if r == Reason::Rejected
            && f.command == Some("MAIL")
            && !lower.is_empty()
            && (patterns::matches(Reason::Rejected, lower)
                || patterns::matches(Reason::UserUnknown, lower)
                || patterns::matches(Reason::HostUnknown, lower))
        {
            return r;
        }
        if by_status == Some(r) || patterns::matches(r, lower) {
            return r;
        }
    }
    if let Some(r) = by_status {
        return r;
    }
    for &r in SECOND {
        if patterns::matches(r, lower) {
            return r;
        }
    }
    if let Some(r) = f.status.filter(|s| !generic(s)).and_then(rfc3463::fallback) {
        return r;
    }
    if let Some(r) = f.status.and_then(rfc3463::fallback) {
        return r;
    }
    if f.command == Some("MAIL") && !lower.is_empty() {
        return Reason::Rejected;
    }
    if lower.trim().is_empty() && f.status.is_none() && f.reply_code.is_none() {
        return Reason::Undefined;
    }
    Reason::OnHold
}
