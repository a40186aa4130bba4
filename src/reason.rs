//! The vocabulary of bounce classification: one enum of reasons, named like Sisimai's
//! (shared/knowledge/reasons.md; the newest names `emailtoolarge` and `ratelimited` replace
//! mesgtoobig/exceedlimit and speeding/toomanyconn), and the side a fault lies on.

use serde::{Deserialize, Serialize};

use crate::i18n::Text;

/// Why a message was not delivered. JSON names are Sisimai's lower-case reason names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// SPF, DKIM, DMARC or ARC authentication failed.
    AuthFailure,
    /// The sending IP's or domain's reputation is bad.
    BadReputation,
    /// The client's IP address, hostname or HELO was refused.
    Blocked,
    /// Malformed headers or content.
    ContentError,
    /// The message is larger than the receiver or the mailbox accepts (was mesgtoobig/exceedlimit).
    EmailTooLarge,
    /// The sending server gave up after retrying for too long.
    Expired,
    /// STARTTLS, DANE, MTA-STS or REQUIRETLS failed.
    FailedStartTls,
    /// Rejected by recipient-side filtering, or the mailbox is disabled.
    Filtered,
    /// The mailbox has moved and left no forwarding address.
    HasMoved,
    /// The recipient domain does not exist or cannot be routed.
    HostUnknown,
    /// The recipient's mailbox is over quota.
    MailboxFull,
    /// A local delivery program failed.
    MailerError,
    /// DNS, routing or connection failure.
    NetworkError,
    /// Relaying denied.
    NoRelaying,
    /// The destination accepts no mail at all.
    NotAccept,
    /// The message is not RFC-compliant.
    NotCompliantRfc,
    /// There was an error text, but no reason could be decided.
    OnHold,
    /// Refused by the receiver's local policy.
    PolicyViolation,
    /// Too many messages or connections in too short a time (was speeding/toomanyconn).
    RateLimited,
    /// The envelope sender was refused.
    Rejected,
    /// The client has no valid reverse DNS.
    RequirePtr,
    /// Another security problem (credentials, encryption, X.7.x).
    SecurityError,
    /// The receiver's spam filter refused the message.
    SpamDetected,
    /// Not sent because the address is on the relay's suppression list.
    Suppressed,
    /// The recipient account is suspended, frozen or disabled.
    Suspend,
    /// SMTP command syntax error.
    SyntaxError,
    /// A fault or misconfiguration on the remote system.
    SystemError,
    /// The remote system's storage is full.
    SystemFull,
    /// No error information to go on.
    Undefined,
    /// The recipient's mailbox does not exist.
    UserUnknown,
    /// A virus scanner refused the message.
    VirusDetected,
    /// An ARF complaint or abuse report (not a bounce).
    Feedback,
    /// An auto-reply (not a bounce).
    Vacation,
    /// Delivered successfully (a success DSN, not a bounce).
    Delivered,
}

impl Reason {
    /// Every reason, in a stable order (the code book lists them this way).
    pub const ALL: [Reason; 34] = [
        Reason::UserUnknown,
        Reason::HostUnknown,
        Reason::MailboxFull,
        Reason::Suspend,
        Reason::HasMoved,
        Reason::NotAccept,
        Reason::Filtered,
        Reason::SpamDetected,
        Reason::VirusDetected,
        Reason::PolicyViolation,
        Reason::ContentError,
        Reason::NotCompliantRfc,
        Reason::EmailTooLarge,
        Reason::RateLimited,
        Reason::Blocked,
        Reason::BadReputation,
        Reason::AuthFailure,
        Reason::RequirePtr,
        Reason::Rejected,
        Reason::SecurityError,
        Reason::NoRelaying,
        Reason::FailedStartTls,
        Reason::Suppressed,
        Reason::NetworkError,
        Reason::Expired,
        Reason::SystemError,
        Reason::SystemFull,
        Reason::MailerError,
        Reason::SyntaxError,
        Reason::OnHold,
        Reason::Undefined,
        Reason::Feedback,
        Reason::Vacation,
        Reason::Delivered,
    ];

    /// The JSON / Sisimai name (`userunknown`, `emailtoolarge` ...).
    pub fn name(self) -> &'static str {
        match self {
            Reason::AuthFailure => "authfailure",
            Reason::BadReputation => "badreputation",
            Reason::Blocked => "blocked",
            Reason::ContentError => "contenterror",
            Reason::EmailTooLarge => "emailtoolarge",
            Reason::Expired => "expired",
            Reason::FailedStartTls => "failedstarttls",
            Reason::Filtered => "filtered",
            Reason::HasMoved => "hasmoved",
            Reason::HostUnknown => "hostunknown",
            Reason::MailboxFull => "mailboxfull",
            Reason::MailerError => "mailererror",
            Reason::NetworkError => "networkerror",
            Reason::NoRelaying => "norelaying",
            Reason::NotAccept => "notaccept",
            Reason::NotCompliantRfc => "notcompliantrfc",
            Reason::OnHold => "onhold",
            Reason::PolicyViolation => "policyviolation",
            Reason::RateLimited => "ratelimited",
            Reason::Rejected => "rejected",
            Reason::RequirePtr => "requireptr",
            Reason::SecurityError => "securityerror",
            Reason::SpamDetected => "spamdetected",
            Reason::Suppressed => "suppressed",
            Reason::Suspend => "suspend",
            Reason::SyntaxError => "syntaxerror",
            Reason::SystemError => "systemerror",
            Reason::SystemFull => "systemfull",
            Reason::Undefined => "undefined",
            Reason::UserUnknown => "userunknown",
            Reason::VirusDetected => "virusdetected",
            Reason::Feedback => "feedback",
            Reason::Vacation => "vacation",
            Reason::Delivered => "delivered",
        }
    }

    /// Parses a reason name, accepting Sisimai's older names as aliases
    /// (mesgtoobig/exceedlimit → emailtoolarge, speeding/toomanyconn → ratelimited).
    pub fn parse(s: &str) -> Option<Reason> {
        let s = s.trim().to_ascii_lowercase();
        match s.as_str() {
            "mesgtoobig" | "exceedlimit" => return Some(Reason::EmailTooLarge),
            "speeding" | "toomanyconn" => return Some(Reason::RateLimited),
            _ => {}
        }
        Reason::ALL.iter().copied().find(|r| r.name() == s)
    }

    /// Sisimai's hard-bounce flag: retrying to the same address cannot work.
    pub fn is_hard(self) -> bool {
        matches!(self, Reason::UserUnknown | Reason::HostUnknown | Reason::HasMoved | Reason::NotAccept)
    }

    /// False for the reports that are not bounces at all (complaints, auto-replies, success DSNs).
    pub fn is_bounce(self) -> bool {
        !matches!(self, Reason::Feedback | Reason::Vacation | Reason::Delivered)
    }
}

/// Whose side the problem is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    /// The address itself is wrong (a typo, a domain that does not exist).
    RecipientAddress,
    /// The address exists but the mailbox cannot take mail (full, frozen, disabled).
    RecipientMailbox,
    /// The receiving system's policy refused it (filters, rate limits on the receiving side).
    RecipientPolicy,
    /// The content of the message (spam-like text, links, attachments, size).
    SenderContent,
    /// The sender's account (sending limits, authentication, account state).
    SenderAccount,
    /// The sending server or domain (IP reputation, SPF/DKIM/DMARC, PTR, configuration).
    SenderServer,
    /// The network between the two (DNS, connections, timeouts).
    Network,
}

impl Fault {
    pub const ALL: [Fault; 7] = [
        Fault::RecipientAddress,
        Fault::RecipientMailbox,
        Fault::RecipientPolicy,
        Fault::SenderContent,
        Fault::SenderAccount,
        Fault::SenderServer,
        Fault::Network,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Fault::RecipientAddress => "recipient_address",
            Fault::RecipientMailbox => "recipient_mailbox",
            Fault::RecipientPolicy => "recipient_policy",
            Fault::SenderContent => "sender_content",
            Fault::SenderAccount => "sender_account",
            Fault::SenderServer => "sender_server",
            Fault::Network => "network",
        }
    }

    /// A short label for people: whose side the problem is on.
    pub fn label(self) -> Text {
        match self {
            Fault::RecipientAddress => Text::new("收件人地址有误", "the recipient address is wrong"),
            Fault::RecipientMailbox => Text::new("收件人邮箱的状态", "the recipient's mailbox"),
            Fault::RecipientPolicy => Text::new("收件方服务器的策略", "the receiving server's policy"),
            Fault::SenderContent => Text::new("邮件内容", "the message content"),
            Fault::SenderAccount => Text::new("发件人账号", "the sender's account"),
            Fault::SenderServer => Text::new("发件方服务器或域名配置", "the sending server or domain setup"),
            Fault::Network => Text::new("网络或投递链路", "the network between the servers"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.name()), Some(r));
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{}\"", r.name()));
        }
        for f in Fault::ALL {
            assert_eq!(serde_json::to_string(&f).unwrap(), format!("\"{}\"", f.name()));
        }
        assert_eq!(Reason::parse("mesgtoobig"), Some(Reason::EmailTooLarge));
        assert_eq!(Reason::parse("toomanyconn"), Some(Reason::RateLimited));
    }
}
