//! The code book: every provider code and every reason the analyzer knows, in one language,
//! generated from the tables (never a second copy). The www page gets it through a wasm export and
//! lists, searches and links it (`#DT:SPM`).

use std::collections::HashMap;

use serde::Serialize;

use crate::i18n::{Lang, Text};
use crate::knowledge::catalogue::{reason_info, short};
use crate::knowledge::codes::{all, ProviderCode};
use crate::reason::Reason;

/// The whole book.
#[derive(Clone, Debug, Serialize)]
pub struct Codebook {
    pub lang: Lang,
    pub codes: Vec<CodeEntry>,
    pub reasons: Vec<ReasonEntry>,
}

/// One provider code.
#[derive(Clone, Debug, Serialize)]
pub struct CodeEntry {
    /// Unique and stable within the book, usable as a URL fragment: the code itself (`DT:SPM`),
    /// or, for a later row with the same code, the code with its provider or reply number
    /// (`Error: bad syntax (Tencent)`, `DT:SPM (451)`).
    pub id: String,
    pub provider: &'static str,
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

/// The code book in `lang`: every provider code in table order (Netease, Tencent, others), then
/// every reason in [`Reason::ALL`] order.
pub fn codebook(lang: Lang) -> Codebook {
    let mut used: HashMap<String, &'static str> = HashMap::new();
    let codes = all()
        .map(|e| {
            let id = unique_id(e, &mut used);
            code_entry(e, id, lang)
        })
        .collect();
    let reasons = Reason::ALL.iter().map(|&r| reason_entry(r, lang)).collect();
    Codebook { lang, codes, reasons }
}

/// How many provider codes the book lists (the www page's count is checked against this).
pub fn code_count() -> usize {
    all().count()
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
