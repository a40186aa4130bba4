//! The compose-time checker: the text of one recipient field in, a report out.
//!
//! Pipeline: split (offsets, display names) → normalise (every change is a finding) →
//! per-address checks → whole-field checks → [`FieldReport`]. Never panics, never fails:
//! whatever the input, the report says what could be understood.
//!
//! Modules: [`split`] (separators, offsets, display names), [`normalise`] (full-width, invisible,
//! look-alike characters), [`address`] (the `@`, spaces, RFC syntax, provider rules), [`domain`]
//! (TLD, IDN, typo search), [`field`] (duplicates, limits, context), [`rules`] (ids, severities and
//! the zh/en messages), [`typo`] (keyboard-aware distance), [`punycode`] (RFC 3492).

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub mod address;
pub mod domain;
pub mod field;
pub mod normalise;
pub mod punycode;
pub mod rules;
pub mod split;
pub mod typo;

use rules::Rule;

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

/// A finding before it is rendered in a language: rule, severity, message arguments (zh, and en
/// when it differs), and whether the recipient's fixed address resolves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub rule: Rule,
    pub severity: Severity,
    pub args: Vec<(String, Option<String>)>,
    pub fixes: bool,
}

impl Note {
    /// A note with the rule's usual severity; each argument is the same in both languages.
    #[inline(never)] // called from dozens of places: one copy keeps the wasm small
    pub fn new(rule: Rule, args: &[&str], fixes: bool) -> Note {
        Note { rule, severity: rule.severity(), args: args.iter().map(|a| (a.to_string(), None)).collect(), fixes }
    }

    /// A note whose arguments differ by language.
    #[inline(never)]
    pub fn bi(rule: Rule, args: &[(&str, &str)], fixes: bool) -> Note {
        Note {
            rule,
            severity: rule.severity(),
            args: args.iter().map(|(z, e)| (z.to_string(), (z != e).then(|| e.to_string()))).collect(),
            fixes,
        }
    }

    /// A note whose arguments are already built: (zh, en when it differs).
    pub fn owned(rule: Rule, args: Vec<(String, Option<String>)>, fixes: bool) -> Note {
        Note { rule, severity: rule.severity(), args, fixes }
    }

    /// Renders the note in `lang`.
    pub fn render(&self, lang: Lang, suggestion: Option<&str>) -> Finding {
        fn pick(lang: Lang, (z, e): &(String, Option<String>)) -> &str {
            match lang {
                Lang::Zh => z,
                Lang::En => e.as_deref().unwrap_or(z),
            }
        }
        let arg = |a| pick(lang, a);
        // The arguments on the stack (no rule has more than a few).
        let mut few = [""; 4];
        let message = if self.args.len() <= few.len() {
            for (slot, a) in few.iter_mut().zip(&self.args) {
                *slot = arg(a);
            }
            self.rule.text().format(lang, &few[..self.args.len()])
        } else {
            self.rule.text().format(lang, &self.args.iter().map(arg).collect::<Vec<_>>())
        };
        Finding {
            rule: self.rule.id().to_string(),
            severity: self.severity,
            message,
            suggestion: if self.fixes { suggestion.map(str::to_string) } else { None },
        }
    }
}

/// Checks one recipient field.
pub fn check_field(text: &str, opts: &CheckOptions) -> FieldReport {
    field::check(text, opts, Vec::new())
}

/// Checks a field given as bytes (a CLI line): invalid UTF-8 is replaced and reported, never fatal.
pub fn check_bytes(bytes: &[u8], opts: &CheckOptions) -> FieldReport {
    match std::str::from_utf8(bytes) {
        Ok(text) => check_field(text, opts),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes);
            field::check(&text, opts, vec![Note::new(Rule::InvalidUtf8, &[], false)])
        }
    }
}

/// Checks a single address (as a bounce names it): the report of its first recipient.
pub fn check_address(address: &str, opts: &CheckOptions) -> RecipientReport {
    let mut report = check_field(address, opts);
    if report.recipients.is_empty() {
        return RecipientReport {
            raw: address.to_string(),
            start: 0,
            end: address.chars().count(),
            name: None,
            address: address.trim().to_string(),
            verdict: Verdict::Ok,
            suggestion: None,
            findings: Vec::new(),
        };
    }
    report.recipients.swap_remove(0)
}
