//! The code book: every provider code, every reason and every RFC 3463 status the analyzer knows,
//! in one language, generated from the tables (never a second copy). The www page gets it through a wasm export and
//! lists, searches and links it (`#DT:SPM`).

use std::collections::HashMap;

use serde::Serialize;

use crate::i18n::{Lang, Text};
use crate::knowledge::catalogue::{reason_info, short};
use crate::knowledge::codes::{all, ProviderCode};
use crate::knowledge::rfc3463;
use crate::reason::{Fault, Reason};

/// The whole book.
#[derive(Clone, Debug, Serialize)]
pub struct Codebook {
    pub lang: Lang,
    pub codes: Vec<CodeEntry>,
    pub reasons: Vec<ReasonEntry>,
    /// Every fault side with its label in this language.
    pub faults: Vec<FaultEntry>,
    /// The RFC 3463 enhanced status codes (classes 5 and 4), with the reason each maps to.
    pub statuses: Vec<StatusEntry>,
}

/// One RFC 3463 enhanced status code (`5.1.1`), from [`crate::knowledge::rfc3463`].
#[derive(Clone, Debug, Serialize)]
pub struct StatusEntry {
    /// `5.1.1`; also the entry's id.
    pub code: String,
    /// What the subject.detail means.
    pub title: &'static str,
    /// The reason the status maps to, when the status alone decides one (`userunknown`), and the
    /// catalogue's explanation and steps for that reason.
    pub reason: Option<&'static str>,
    pub reason_short: Option<&'static str>,
    pub detail: Option<&'static str>,
    pub actions: Vec<&'static str>,
    /// Class 4: a later retry may work.
    pub temporary: bool,
    pub hard: bool,
    pub fault: Option<&'static str>,
    pub fault_label: Option<&'static str>,
}

/// One fault side (`sender_content`, 邮件内容).
#[derive(Clone, Debug, Serialize)]
pub struct FaultEntry {
    pub name: &'static str,
    pub label: &'static str,
}

/// One provider code.
#[derive(Clone, Debug, Serialize)]
pub struct CodeEntry {
    /// Unique and stable within the book, usable as a URL fragment: the code itself (`DT:SPM`),
    /// or, for a later row with the same code, the code with its provider or reply number
    /// (`Error: bad syntax (Tencent)`, `DT:SPM (451)`).
    pub id: String,
    pub provider: &'static str,
    /// True for an MTA's standard wording (Postfix, Exim ...) rather than a provider's own code.
    pub generic: bool,
    pub code: &'static str,
    pub replies: &'static [&'static str],
    /// The reason's JSON name (`spamdetected`).
    pub reason: &'static str,
    /// The reason's badge label in this language.
    pub reason_short: &'static str,
    pub temporary: bool,
    pub hard: bool,
    /// The fault's JSON name (`sender_content`) and its label in this language.
    pub fault: &'static str,
    pub fault_label: &'static str,
    pub title: &'static str,
    pub detail: &'static str,
    pub actions: Vec<&'static str>,
    /// Host suffixes the code is restricted to (empty = anywhere).
    pub hosts: &'static [&'static str],
    /// An example of the reply.
    pub sample: &'static str,
    pub source: &'static str,
}

/// One reason of the catalogue.
#[derive(Clone, Debug, Serialize)]
pub struct ReasonEntry {
    pub name: &'static str,
    pub short: &'static str,
    pub title: &'static str,
    pub detail: &'static str,
    pub actions: Vec<&'static str>,
    pub temporary: bool,
    pub hard: bool,
    pub fault: &'static str,
    pub fault_label: &'static str,
}

/// The code book in `lang`: every provider code in table order (Netease, Tencent, others), every
/// reason in [`Reason::ALL`] order, and the fault sides.
pub fn codebook(lang: Lang) -> Codebook {
    let mut used: HashMap<String, &'static str> = HashMap::new();
    let codes = all()
        .map(|e| {
            let id = unique_id(e, &mut used);
            code_entry(e, id, lang)
        })
        .collect();
    let reasons = Reason::ALL.iter().map(|&r| reason_entry(r, lang)).collect();
    let faults = Fault::ALL.iter().map(|f| FaultEntry { name: f.name(), label: f.label().get(lang) }).collect();
    Codebook { lang, codes, reasons, faults, statuses: statuses(lang) }
}

/// How many provider codes the book lists (the www page's count is checked against this).
pub fn code_count() -> usize {
    all().count()
}

/// Subjects and the highest detail number RFC 3463 and its updates define for each (X.7.30 ...);
/// every code in that range that [`rfc3463::meaning`] knows is listed.
const STATUS_RANGE: [(u8, u8); 8] = [(0, 0), (1, 10), (2, 4), (3, 5), (4, 7), (5, 6), (6, 5), (7, 30)];

fn statuses(lang: Lang) -> Vec<StatusEntry> {
    let mut out = Vec::new();
    for (subject, last) in STATUS_RANGE {
        for detail in 0..=last {
            for class in [5, 4] {
                let code = format!("{class}.{subject}.{detail}");
                let Some(meaning) = rfc3463::meaning(&code) else { continue };
                let reason = rfc3463::reason(&code).or_else(|| rfc3463::fallback(&code));
                let info = reason.map(reason_info);
                out.push(StatusEntry {
                    title: meaning.get(lang),
                    reason: reason.map(Reason::name),
                    reason_short: reason.map(|r| short(r).get(lang)),
                    detail: info.map(|i| i.detail.get(lang)),
                    actions: info.map(|i| texts(i.actions, lang)).unwrap_or_default(),
                    temporary: rfc3463::is_temporary(&code),
                    hard: class == 5 && reason.is_some_and(Reason::is_hard),
                    fault: info.map(|i| i.fault.name()),
                    fault_label: info.map(|i| i.fault.label().get(lang)),
                    code,
                });
            }
        }
    }
    out
}

/// How many RFC 3463 statuses the book lists.
pub fn status_count() -> usize {
    statuses(Lang::En).len()
}

/// How many reasons the book lists.
pub fn reason_count() -> usize {
    Reason::ALL.len()
}

fn texts(actions: &[Text], lang: Lang) -> Vec<&'static str> {
    actions.iter().map(|t| t.get(lang)).collect()
}

fn unique_id(e: &ProviderCode, used: &mut HashMap<String, &'static str>) -> String {
    let provider = e.provider.name();
    let plain = e.code.to_string();
    let by_provider = format!("{} ({})", e.code, provider);
    let by_reply = e.replies.first().map(|r| format!("{} ({})", e.code, r));
    // A second row of the same provider is told apart by its reply number, another provider's by its name.
    let same_provider = used.get(&plain).is_some_and(|p| *p == provider);
    let mut candidates = vec![plain];
    match (same_provider, by_reply) {
        (true, Some(reply)) => candidates.extend([reply, by_provider]),
        (_, reply) => candidates.extend([Some(by_provider), reply].into_iter().flatten()),
    }
    let id = candidates
        .into_iter()
        .find(|c| !used.contains_key(c))
        .unwrap_or_else(|| format!("{} ({} {})", e.code, provider, used.len()));
    used.insert(id.clone(), provider);
    id
}

fn code_entry(e: &'static ProviderCode, id: String, lang: Lang) -> CodeEntry {
    CodeEntry {
        id,
        provider: e.provider.name(),
        generic: e.is_generic(),
        code: e.code,
        replies: e.replies,
        reason: e.reason.name(),
        reason_short: short(e.reason).get(lang),
        temporary: e.temporary,
        hard: e.hard(),
        fault: e.fault.name(),
        fault_label: e.fault.label().get(lang),
        title: e.title.get(lang),
        detail: e.detail.get(lang),
        actions: texts(e.actions, lang),
        hosts: e.hosts,
        sample: e.sample,
        source: e.source,
    }
}

fn reason_entry(r: Reason, lang: Lang) -> ReasonEntry {
    let i = reason_info(r);
    ReasonEntry {
        name: r.name(),
        short: short(r).get(lang),
        title: i.title.get(lang),
        detail: i.detail.get(lang),
        actions: texts(i.actions, lang),
        temporary: i.temporary,
        hard: r.is_hard(),
        fault: i.fault.name(),
        fault_label: i.fault.label().get(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_code_and_reason_with_unique_ids() {
        for lang in [Lang::Zh, Lang::En] {
            let book = codebook(lang);
            assert_eq!(book.codes.len(), code_count());
            assert_eq!(book.reasons.len(), reason_count());
            assert_eq!(book.faults.len(), Fault::ALL.len());
            assert_eq!(book.statuses.len(), status_count());
            let s511 = book.statuses.iter().find(|s| s.code == "5.1.1").expect("5.1.1 listed");
            assert_eq!((s511.reason, s511.hard, s511.temporary), (Some("userunknown"), true, false));
            assert!(book.statuses.iter().any(|s| s.code == "4.7.1" && s.temporary));
            assert!(book.statuses.iter().any(|s| s.code == "5.7.30"));
            let mut ids: Vec<&str> = book.codes.iter().map(|c| c.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), book.codes.len(), "ids are unique");
            assert!(book.codes.iter().any(|c| c.id == "DT:SPM" && !c.temporary));
            assert!(book.codes.iter().any(|c| c.id == "DT:SPM (451)" && c.temporary));
            let json = serde_json::to_string(&book).expect("serialises");
            assert!(json.contains("\"ip frequency limited\"") || json.contains("\"Ip frequency limited\""));
        }
        assert!(codebook(Lang::Zh).reasons.iter().any(|r| r.short == "地址不存在"));
        assert!(codebook(Lang::En).reasons.iter().any(|r| r.short == "no such user"));
    }
}
