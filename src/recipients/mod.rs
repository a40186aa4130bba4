//! The compose-time checker: the text of one recipient field in, a report out.
//!
//! Pipeline: split (offsets, display names) → normalise (every change is a finding) →
//! per-address checks → whole-field checks → [`FieldReport`]. Never panics, never fails:
//! whatever the input, the report says what could be understood.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// How sure a finding is that the recipient will not get the mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Probably wrong.
    Warning,
    /// Will almost surely bounce.
    Error,
}

/// The overall verdict on one recipient: its worst finding, or `ok`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Info,
    Warning,
    Error,
}

impl From<Severity> for Verdict {
    fn from(s: Severity) -> Verdict {
        match s {
            Severity::Info => Verdict::Info,
            Severity::Warning => Verdict::Warning,
            Severity::Error => Verdict::Error,
        }
    }
}

/// One thing noticed about a recipient or the whole field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id (kebab-case), e.g. `fullwidth-at`, `domain-typo`.
    pub rule: String,
    pub severity: Severity,
    /// The explanation in the report's language.
    pub message: String,
    /// The corrected address (or field) this finding proposes, if there is one.
    pub suggestion: Option<String>,
}

/// One recipient of the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecipientReport {
    /// The text of this recipient exactly as it stands in the field.
    pub raw: String,
    /// Offsets of `raw` in the field, in Unicode scalar values (chars), end exclusive.
    pub start: usize,
    pub end: usize,
    /// The display name (`张三 <zhangsan@qq.com>` → `张三`), if any.
    pub name: Option<String>,
    /// The address as understood (after the normalisation the findings describe).
    pub address: String,
    pub verdict: Verdict,
    /// The address with every fix applied, when it differs from what was typed.
    pub suggestion: Option<String>,
    pub findings: Vec<Finding>,
}

/// The report on one recipient field (the `tuixin check --json` object).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldReport {
    pub input: String,
    pub recipients: Vec<RecipientReport>,
    /// Findings about the field as a whole (separators, duplicates, too many recipients ...).
    pub findings: Vec<Finding>,
    /// The whole field with every suggestion applied, or `None` when there is nothing to fix.
    pub fixed: Option<String>,
}

/// A bounce remembered from an earlier explanation (the extension keeps these locally).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RememberedBounce {
    pub address: String,
    /// A reason name (`userunknown` ...).
    pub reason: String,
    /// When it bounced, as the caller wrote it (ISO 8601 date preferred); the core has no clock.
    pub date: String,
}

/// Which header the field is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    #[default]
    To,
    Cc,
    Bcc,
}

/// Context for a check. Everything is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckOptions {
    pub lang: Lang,
    /// The sender's own address (for provider limits and external-recipient notes).
    pub from: Option<String>,
    pub field: FieldKind,
    /// Addresses or domains (`@example.com` or `example.com`) the user confirmed as right.
    pub allowlist: Vec<String>,
    /// Earlier bounces to warn about again.
    pub bounced: Vec<RememberedBounce>,
}

/// Checks one recipient field.
pub fn check_field(text: &str, opts: &CheckOptions) -> FieldReport {
    // Placeholder pipeline until the checker lands: split on ASCII separators only, no findings.
    let mut recipients = Vec::new();
    let mut start = 0usize;
    for piece in text.split([';', ',', '\n']) {
        let n = piece.chars().count();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            recipients.push(RecipientReport {
                raw: piece.to_string(),
                start,
                end: start + n,
                name: None,
                address: trimmed.to_string(),
                verdict: Verdict::Ok,
                suggestion: None,
                findings: Vec::new(),
            });
        }
        start += n + 1;
    }
    let _ = opts;
    FieldReport { input: text.to_string(), recipients, findings: Vec::new(), fixed: None }
}

/// Checks a field given as bytes (a CLI line): invalid UTF-8 is replaced and reported, never fatal.
pub fn check_bytes(bytes: &[u8], opts: &CheckOptions) -> FieldReport {
    check_field(&String::from_utf8_lossy(bytes), opts)
}

/// Checks a single address (as a bounce names it): the report of its one recipient.
pub fn check_address(address: &str, opts: &CheckOptions) -> RecipientReport {
    let mut report = check_field(address, opts);
    report.recipients.pop().unwrap_or_else(|| RecipientReport {
        raw: address.to_string(),
        start: 0,
        end: address.chars().count(),
        name: None,
        address: address.to_string(),
        verdict: Verdict::Ok,
        suggestion: None,
        findings: Vec::new(),
    })
}
