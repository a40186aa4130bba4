//! The bounce explainer: a raw message, a pasted notice or a bare SMTP reply in; per failed
//! recipient what happened, whose side it is on, whether retrying helps and what to do.
//!
//! Pipeline: detect → parse (MIME, RFC 3464, notice text, SMTP reply) → classify → explain.
//! Never panics, never fails: malformed input yields a report with what could be understood.
//!
//! Code map:
//! - `message.rs`: the one MIME pass (mail-parser, every charset); pasted text is decoded as
//!   UTF-8 or GB18030; bare-CR files are normalised; input capped at 4 MB, text at 512 KB.
//! - `dsn.rs`: RFC 3464 fields per recipient. `notice.rs`: the Netease/Coremail and QQ/exmail
//!   templates, raw, pasted or flattened. `mta.rs`: the text of Postfix, Exim, Sendmail, qmail,
//!   Exchange, Gmail, Yahoo ... bounces, and Amazon SES JSON. `reply.rs`: a bare SMTP reply.
//! - `detect.rs`: bounce or not, which kind, who wrote it, suspicious or not.
//! - `classify.rs`: provider code → generic patterns in Sisimai's order with the status → status
//!   → command → onhold/undefined. `explain.rs`: the zh/en texts (provider entry or catalogue).
//! - `pipeline.rs`: wires them together; `text.rs`: scanners for addresses, statuses, replies.
//!
//! Architecture invariant: no I/O, no clock, no panics; every loop is bounded by the input caps,
//! `dsn::MAX_RECIPIENTS` recipients and a few thousand lines.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::reason::{Fault, Reason};
use crate::recipients::{CheckOptions, RecipientReport};

mod classify;
mod detect;
mod dsn;
mod explain;
mod message;
mod mta;
mod notice;
mod pipeline;
mod reply;
mod text;

pub(crate) use text::has;

/// What kind of message the input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An RFC 3464 delivery status notification.
    Dsn,
    /// A provider's or MTA's human-readable bounce notice (Netease 系统退信, QQ 来自qq.com的退信, Postfix text ...).
    Notice,
    /// A bare SMTP reply or a send-time error, without a message around it.
    SmtpReply,
    /// An ARF complaint (not a bounce).
    Feedback,
    /// An auto-reply (not a bounce).
    AutoReply,
    /// Anything else.
    NotBounce,
}

/// The explanation of one failed recipient, in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub title: String,
    pub detail: String,
    pub actions: Vec<String>,
}

/// One failed recipient (the `recipients[]` object of `tuixin explain --json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BounceRecipient {
    /// `None` when only a bare reply is known.
    pub address: Option<String>,
    pub action: Option<String>,
    /// RFC 3463 enhanced status (`5.1.1`).
    pub status: Option<String>,
    /// SMTP reply code (`550`).
    pub reply_code: Option<String>,
    /// A provider's own code (`DT:SPM`, `MI:SFQ`, `Ip frequency limited` ...).
    pub provider_code: Option<String>,
    pub remote_host: Option<String>,
    pub diagnostic: Option<String>,
    pub reason: Reason,
    pub hard: bool,
    pub temporary: bool,
    pub fault: Fault,
    pub explanation: Explanation,
    /// The failed address through the recipient checker (a typo comes with its fix).
    pub address_check: Option<RecipientReport>,
}

/// The report on one message (the `tuixin explain --json` object).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BounceReport {
    /// Where the message came from (set by the caller: a path, `path#N`, `-`).
    pub source: String,
    pub is_bounce: bool,
    pub kind: Kind,
    /// Who wrote the bounce (`Netease`, `Tencent`, `Postfix` ...), when known.
    pub generated_by: Option<String>,
    /// Dressed as a bounce but not from a postmaster, or asks the reader to log in or click.
    pub suspicious: bool,
    pub recipients: Vec<BounceRecipient>,
    /// The subject of the message that bounced, when the bounce quotes or attaches it
    /// (an addition to the contract: absent from the JSON when unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_subject: Option<String>,
    /// When the message that bounced was sent, as the bounce gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_date: Option<String>,
}

/// Context for an explanation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExplainOptions {
    pub lang: Lang,
    /// Passed to the recipient checker for the failed addresses.
    pub check: CheckOptions,
}

/// What a parser found about one failed recipient, before classification.
#[derive(Clone, Debug, Default)]
pub(crate) struct Found {
    pub address: Option<String>,
    pub action: Option<String>,
    pub status: Option<String>,
    pub reply_code: Option<String>,
    pub remote_host: Option<String>,
    pub diagnostic: Option<String>,
    /// The reporting MTA (DSN `Reporting-MTA`).
    pub reporting: Option<String>,
    /// The `Diagnostic-Code` is of type `X-Unix`: a local delivery program's exit, not an SMTP reply.
    pub unix: bool,
}

/// Explains one message, pasted notice or SMTP reply (bytes in any charset).
pub fn explain(input: &[u8], opts: &ExplainOptions) -> BounceReport {
    pipeline::run(input, opts)
}

/// Splits an mbox into its messages (`From ` separator lines); anything else is one message.
pub fn split_mbox(input: &[u8]) -> Vec<&[u8]> {
    if !input.starts_with(b"From ") {
        return vec![input];
    }
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < input.len() {
        let line_end = input[i..].iter().position(|&b| b == b'\n').map_or(input.len(), |p| i + p + 1);
        if i > start && input[i..].starts_with(b"From ") && i > 0 && input[i - 1] == b'\n' {
            out.push(&input[start..i]);
            start = i;
        }
        i = line_end;
    }
    if start < input.len() {
        out.push(&input[start..]);
    }
    out
}
