//! Provider reply codes: the shape of one table row, shared by every provider table
//! (`netease.rs`, `tencent.rs`, `others.rs`), and the lookup the bounce classifier uses.
//!
//! [`find`] matches a diagnostic text (an SMTP reply, a `Diagnostic-Code`, the "英文说明" of a
//! notice) against every table. Each row has a lower-case literal `key` that every match contains:
//! the text is lower-cased once and only rows whose key occurs in it run their regex. Patterns are
//! compiled once each, when a text first makes their row a candidate.

use std::sync::OnceLock;

use crate::i18n::Text;
use crate::re::Regex;
use crate::reason::{Fault, Reason};

/// Who defined a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    Netease,
    Tencent,
    Gmail,
    Outlook,
    Yahoo,
    Apple,
    /// Another provider (`Sina`, `Sohu`, `Coremail` ...).
    Other(&'static str),
    /// The standard wording of an MTA (`Postfix`, `Exim`, `Sendmail`, `qmail`), said by any system
    /// that runs it: weaker evidence than a provider's own code (see [`ProviderCode::is_generic`]).
    Mta(&'static str),
}

impl Provider {
    /// The name shown in the code book and in `generated_by`-style fields.
    pub fn name(self) -> &'static str {
        match self {
            Provider::Netease => "Netease",
            Provider::Tencent => "Tencent",
            Provider::Gmail => "Gmail",
            Provider::Outlook => "Outlook",
            Provider::Yahoo => "Yahoo",
            Provider::Apple => "Apple",
            Provider::Other(name) | Provider::Mta(name) => name,
        }
    }
}

/// One provider reply: matched on its code tag and text, not the reply number alone.
#[derive(Clone, Copy, Debug)]
pub struct ProviderCode {
    pub provider: Provider,
    /// The code as shown to people and linked in the code book (`DT:SPM`, `Ip frequency limited`).
    pub code: &'static str,
    /// Reply numbers seen with it (`["554", "451"]`): information, not a matching condition.
    pub replies: &'static [&'static str],
    /// Literals in lower case, separated by `|`, one of which every text this row matches contains:
    /// the cheap prefilter run before the regex (`dt:spm`, `over quota|out of storage space`).
    pub key: &'static str,
    /// Matched (case-insensitively) against the diagnostic text.
    pub pattern: &'static str,
    /// Suffixes of the reporting host or generator where the tag applies; empty = anywhere.
    pub hosts: &'static [&'static str],
    pub reason: Reason,
    /// Will a later retry likely work?
    pub temporary: bool,
    pub fault: Fault,
    pub title: Text,
    pub detail: Text,
    pub actions: &'static [Text],
    /// A realistic (anonymised) reply this row must match; the tests check it does.
    pub sample: &'static str,
    /// Where this entry comes from (a help page, a sample line).
    pub source: &'static str,
}

impl ProviderCode {
    /// Sisimai's hard-bounce flag for this row's reason.
    pub fn hard(&self) -> bool {
        self.reason.is_hard()
    }

    /// True for an MTA's standard wording (`User unknown`, `Relay access denied` ...) rather than a
    /// provider's own code. Its reason is what the words say; a classifier that also has an explicit
    /// RFC 3463 status may prefer the status where the two disagree (Sisimai files
    /// `5.2.1 ... User unknown` under filtered), while a provider code should decide on its own.
    pub fn is_generic(&self) -> bool {
        matches!(self.provider, Provider::Mta(_))
    }
}

/// Every row of every provider table, Netease first, then Tencent, then the others.
pub fn all() -> impl Iterator<Item = &'static ProviderCode> {
    super::netease::CODES.iter().chain(super::tencent::CODES.iter()).chain(super::others::CODES.iter())
}

/// The first row with this code (case-insensitive; for a code several rows share, the main one,
/// e.g. the permanent `DT:SPM`), for a tag found without a text around it.
pub fn by_code(code: &str) -> Option<&'static ProviderCode> {
    let code = code.trim();
    all().find(|e| e.code.eq_ignore_ascii_case(code))
}

/// Only this much of a text is searched: diagnostics are short, and the lookup must stay cheap on
/// hostile input.
const MAX_TEXT: usize = 64 * 1024;

struct Matcher {
    entry: &'static ProviderCode,
    /// Compiled on first use; `None` when the pattern failed to compile (a bug the tests catch):
    /// the row then never matches.
    re: OnceLock<Option<Regex>>,
}

/// The compiled tables: one matcher per row, and the key literals as one set, so that one pass
/// over the text finds every row whose key occurs in it.
struct Tables {
    matchers: Vec<Matcher>,
    /// Every row's keys (`a|b` is two), searched for in one pass; `key_rows[i]` is key `i`'s row.
    keys: crate::re::LiteralSet,
    key_rows: Vec<usize>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let matchers: Vec<Matcher> = all().map(|entry| Matcher { entry, re: OnceLock::new() }).collect();
        let mut keys: Vec<&[u8]> = Vec::new();
        let mut key_rows = Vec::new();
        for (i, m) in matchers.iter().enumerate() {
            // Keys are at least two bytes (tested).
            for key in m.entry.key.split('|').map(str::as_bytes).filter(|k| k.len() >= 2) {
                keys.push(key);
                key_rows.push(i);
            }
        }
        Tables { matchers, keys: crate::re::LiteralSet::new(&keys), key_rows }
    })
}

pub fn find(text: &str, host: Option<&str>) -> Option<&'static ProviderCode> {
    find_first(text, &[host])
}

/// [`find`] tried with each host in turn (a `None` once): the first host's match, lower-casing and
/// scanning the text once and running each candidate's regex at most once, however many hosts.
pub fn find_first(text: &str, hosts: &[Option<&str>]) -> Option<&'static ProviderCode> {
    let text = clip(text, MAX_TEXT);
    let lower = text.to_ascii_lowercase();
    let t = tables();
    // The rows whose key occurs, in table order (a message makes only a handful candidates).
    let mut rows: Vec<usize> = Vec::new();
    t.keys.each(lower.as_bytes(), |k, _| rows.extend(t.key_rows.get(k)));
    if rows.is_empty() {
        return None;
    }
    rows.sort_unstable();
    rows.dedup();
    // Each candidate's regex match, worked out on first need: (start, end) or none.
    let mut found: Vec<Option<Option<(usize, usize)>>> = vec![None; rows.len()];
    let mut tried_none = false;
    for host in hosts {
        if host.is_none() {
            if tried_none {
                continue;
            }
            tried_none = true;
        }
        let host = host.map(normalise_host);
        let mut best: Option<(&'static ProviderCode, (usize, bool, usize))> = None;
        for (slot, m) in rows.iter().enumerate().filter_map(|(slot, &row)| Some((slot, t.matchers.get(row)?))) {
            let e = m.entry;
            let restricted = !e.hosts.is_empty();
            if restricted && !host_applies(e.hosts, host.as_deref(), &lower) {
                continue;
            }
            // Compiled on first use: a message makes a handful of rows candidates, so a process
            // (the CLI on one file, the extension's first bounce) need not compile them all.
            let Some(re) = m.re.get_or_init(|| crate::re::compile(e.pattern)) else { continue };
            let hit = *found[slot].get_or_insert_with(|| re.find(text).map(|f| (f.start(), f.end())));
            let Some((start, end)) = hit else { continue };
            let rank = (end - start, restricted, e.key.len());
            if best.is_none_or(|(_, r)| rank > r) {
                best = Some((e, rank));
            }
        }
        if let Some((e, _)) = best {
            return Some(e);
        }
    }
    None
}

fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `[MX3.QQ.com.]` → `mx3.qq.com`.
fn normalise_host(h: &str) -> String {
    h.trim().trim_matches(|c| c == '[' || c == ']' || c == '<' || c == '>').trim_end_matches('.').to_ascii_lowercase()
}

fn host_applies(suffixes: &[&str], host: Option<&str>, lower_text: &str) -> bool {
    suffixes.iter().any(|s| host.is_some_and(|h| has_suffix(h, s)) || mentions_domain(lower_text, s))
}

/// `host` is `suffix` or a subdomain of it.
fn has_suffix(host: &str, suffix: &str) -> bool {
    host == suffix
        || (host.len() > suffix.len()
            && host.ends_with(suffix)
            && host.as_bytes()[host.len() - suffix.len() - 1] == b'.')
}

/// The text names `domain` or a subdomain of it as a whole domain (`a@163.com`, `mx1.qq.com[`,
/// `//service.mail.qq.com/`), not as part of a longer name (`qq.com.example`, `myqq.com`).
fn mentions_domain(text: &str, domain: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find(domain) {
        let start = from + i;
        let end = start + domain.len();
        let before_ok =
            start == 0 || matches!(bytes[start - 1], b'.' | b'@' | b'/' | b' ' | b'<' | b'(' | b'[' | b'=' | b'\t');
        let after_ok = match bytes.get(end) {
            None => true,
            Some(c) if c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_' => false,
            Some(b'.') => !bytes.get(end + 1).is_some_and(|c| c.is_ascii_alphanumeric()),
            Some(_) => true,
        };
        if before_ok && after_ok {
            return true;
        }
        from = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_suffixes() {
        assert!(has_suffix("mx3.qq.com", "qq.com"));
        assert!(has_suffix("qq.com", "qq.com"));
        assert!(!has_suffix("myqq.com", "qq.com"));
        assert_eq!(normalise_host(" [MX3.QQ.com.] "), "mx3.qq.com");
    }

    #[test]
    fn domain_mentions() {
        assert!(mentions_domain("550 user not found: 12345@163.com", "163.com"));
        assert!(mentions_domain("see http://service.mail.qq.com/cgi-bin/help", "qq.com"));
        assert!(mentions_domain("host mx3.qq.com[1.2.3.4] said", "qq.com"));
        assert!(mentions_domain("sent to a@qq.com.", "qq.com"));
        assert!(!mentions_domain("a@myqq.com", "qq.com"));
        assert!(!mentions_domain("a@qq.com.example", "qq.com"));
        assert!(!mentions_domain("a@163.company", "163.com"));
    }

    #[test]
    fn clips_on_char_boundaries() {
        assert_eq!(clip("退信", 4), "退");
        assert_eq!(clip("abc", 10), "abc");
    }
}
