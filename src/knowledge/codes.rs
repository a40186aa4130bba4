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
    /// The pattern when it is an ASCII literal (`(?i)Host unknown`, `(?i)\bUser unknown\b`):
    /// found by a substring search in the lower-cased text, not the regex. Half the candidates a
    /// message makes are such rows, and each regex run there was a cold start, microseconds for a
    /// hundred bytes.
    literal: Option<Literal>,
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
        let matchers: Vec<Matcher> =
            all().map(|entry| Matcher { entry, literal: Literal::of(entry.pattern), re: OnceLock::new() }).collect();
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
    let mut rows: Vec<usize> = Vec::new();
    t.keys.each(lower.as_bytes(), |k, _| rows.extend(t.key_rows.get(k)));
    find_in_rows(text, &lower, rows, hosts)
}

/// A diagnostic scanned once for the provider keys and the reason patterns together
/// ([`scan_keys_and_patterns`]).
pub struct Scanned {
    /// The rows whose key occurs.
    rows: Vec<usize>,
    /// What [`patterns::scan`](super::patterns::scan) would give.
    pub hits: super::patterns::Hits,
}

/// One pass over `lower` (an ASCII text, lower-cased, of at most 64 KB) for both the provider
/// keys of [`find_first`] and the reason patterns of
/// [`patterns::scan`](super::patterns::scan): a diagnostic is looked up in both, and each pass
/// over it visits every position.
pub fn scan_keys_and_patterns(lower: &str) -> Option<Scanned> {
    if !lower.is_ascii() || lower.len() > MAX_TEXT {
        return None;
    }
    static BOTH: OnceLock<(crate::re::LiteralSet, usize)> = OnceLock::new();
    let (set, keys) = BOTH.get_or_init(|| {
        let t = tables();
        let mut all: Vec<&[u8]> = t.keys.literals().collect();
        let keys = all.len();
        all.extend(super::patterns::anchor_pieces());
        (crate::re::LiteralSet::new(&all), keys)
    });
    let t = tables();
    let mut rows = Vec::new();
    let mut hits = super::patterns::Hits::default();
    set.each(lower.as_bytes(), |i, at| match i.checked_sub(*keys) {
        None => rows.extend(t.key_rows.get(i)),
        Some(pi) => hits.add(lower, pi, at),
    });
    Some(Scanned { rows, hits })
}

/// [`find_first`] for a text already scanned by [`scan_keys_and_patterns`] (`lower` is the text
/// it scanned: `text` lower-cased).
pub fn find_first_scanned(
    text: &str,
    lower: &str,
    scanned: &Scanned,
    hosts: &[Option<&str>],
) -> Option<&'static ProviderCode> {
    find_in_rows(text, lower, scanned.rows.clone(), hosts)
}

/// [`find_first`] once the rows whose key occurs are known (in any order, repeats allowed).
fn find_in_rows(
    text: &str,
    lower: &str,
    mut rows: Vec<usize>,
    hosts: &[Option<&str>],
) -> Option<&'static ProviderCode> {
    let t = tables();
    // The rows whose key occurs, in table order (a message makes only a handful candidates).
    if rows.is_empty() {
        return None;
    }
    rows.sort_unstable();
    rows.dedup();
    // Each candidate's regex match, worked out on first need: (start, end) or none.
    let mut found: Vec<Option<Option<(usize, usize)>>> = vec![None; rows.len()];
    let mut tried_none = false;
    // Whether the text names each host suffix asked about: it does not depend on the host tried,
    // and rows bound to one provider share their suffixes.
    let mut mentioned: Vec<(&'static str, bool)> = Vec::new();
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
            if restricted && !host_applies(e.hosts, host.as_deref(), lower, &mut mentioned) {
                continue;
            }
            // Compiled on first use: a message makes a handful of rows candidates, so a process
            // (the CLI on one file, the extension's first bounce) need not compile them all.
            let hit = match (&m.literal, found[slot]) {
                (_, Some(hit)) => hit,
                (Some(l), None) => *found[slot].insert(l.find(lower)),
                (None, None) => {
                    let Some(re) = m.re.get_or_init(|| crate::re::compile(e.pattern)) else { continue };
                    *found[slot].insert(re.find(text).map(|f| (f.start(), f.end())))
                }
            };
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

/// A pattern that is `(?i)` and an ASCII literal, with `\b` at either end or none.
struct Literal {
    /// The literal, lower-cased.
    lower: String,
    left_boundary: bool,
    right_boundary: bool,
}

impl Literal {
    fn of(pattern: &str) -> Option<Literal> {
        let rest = pattern.strip_prefix("(?i)")?;
        let (left_boundary, rest) = rest.strip_prefix("\\b").map_or((false, rest), |r| (true, r));
        let (right_boundary, rest) = rest.strip_suffix("\\b").map_or((false, rest), |r| (true, r));
        let plain = |c: char| c.is_ascii() && !c.is_ascii_control() && !"\\.+*?()|[]{}^$#".contains(c);
        (!rest.is_empty() && rest.chars().all(plain)).then(|| Literal {
            lower: rest.to_ascii_lowercase(),
            left_boundary,
            right_boundary,
        })
    }

    /// The leftmost match in `lower` (a lower-cased text) as the regex finds it, where `\b` is an
    /// ASCII word boundary and case is ASCII case (as in the wasm build's regex-lite: the `regex`
    /// crate would also fold `ſ` to `s` and the Kelvin sign to `k`).
    fn find(&self, lower: &str) -> Option<(usize, usize)> {
        let hay = lower.as_bytes();
        let word =
            |i: Option<usize>| i.and_then(|i| hay.get(i)).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
        let boundary = |at: usize| word(at.checked_sub(1)) != word(Some(at));
        let mut from = 0;
        while let Some(i) = lower.get(from..).and_then(|t| t.find(self.lower.as_str())) {
            let (start, end) = (from + i, from + i + self.lower.len());
            if (!self.left_boundary || boundary(start)) && (!self.right_boundary || boundary(end)) {
                return Some((start, end));
            }
            // The literal is ASCII: the byte after its start begins a character.
            from = start + 1;
        }
        None
    }
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

/// `mentioned` remembers [`mentions_domain`]'s answers for `lower_text`.
fn host_applies(
    suffixes: &[&'static str],
    host: Option<&str>,
    lower_text: &str,
    mentioned: &mut Vec<(&'static str, bool)>,
) -> bool {
    suffixes.iter().any(|&s| {
        host.is_some_and(|h| has_suffix(h, s))
            || match mentioned.iter().find(|(m, _)| *m == s) {
                Some(&(_, yes)) => yes,
                None => {
                    let yes = mentions_domain(lower_text, s);
                    mentioned.push((s, yes));
                    yes
                }
            }
    })
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

    /// Each row whose pattern is read as a literal finds what its regex finds (ASCII text), in its
    /// sample and in texts made to test the boundaries and the case.
    /// The one pass over a diagnostic for keys and patterns gives what the two passes give, on
    /// every row's sample and every reason pattern (alone, and after a sample), with each host.
    #[test]
    fn keys_and_patterns_scanned_together_as_apart() {
        let mut texts: Vec<String> = all().map(|e| e.sample.to_string()).collect();
        for t in super::super::patterns::TABLE {
            for p in t.patterns {
                let p = p.replace('*', " x ");
                texts.push(format!("550 5.1.1 {p} (in reply to RCPT TO command)"));
                texts.push(format!("{} {p}", texts.len() % 7));
            }
        }
        let hosts: [&[Option<&str>]; 4] =
            [&[None], &[Some("mx.qq.com"), Some("163.com")], &[Some("outlook.com"), None], &[Some("163.com")]];
        let mut scanned = 0;
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let Some(s) = scan_keys_and_patterns(&lower) else { continue };
            scanned += 1;
            assert_eq!(s.hits, super::super::patterns::scan(&lower), "{text}");
            for h in hosts {
                let (a, b) = (find_first(text, h), find_first_scanned(text, &lower, &s, h));
                assert_eq!(a.map(|e| e.code), b.map(|e| e.code), "{text} {h:?}");
            }
        }
        assert!(scanned > 1000, "{scanned}");
    }

    #[test]
    fn literal_rows_match_as_their_regex() {
        let mut literal_rows = 0;
        for e in all() {
            let Some(l) = Literal::of(e.pattern) else { continue };
            literal_rows += 1;
            let re = crate::re::compile(e.pattern).expect("compiles");
            let upper = l.lower.to_ascii_uppercase();
            let texts = [
                e.sample.to_string(),
                format!("x{}", l.lower),
                format!("{}x", l.lower),
                format!("_{upper}_ {upper}."),
                format!("退信{upper}退信"),
                format!("{0}{0} {0}", l.lower),
                l.lower.get(1..).unwrap_or("").to_string(),
            ];
            for t in &texts {
                let want = re.find(t).map(|m| (m.start(), m.end()));
                assert_eq!(l.find(&t.to_ascii_lowercase()), want, "{} in {t:?}", e.pattern);
            }
        }
        assert!(literal_rows > 50, "{literal_rows}");
        assert!(Literal::of(r"(?i)\bHL:REP\b[^\r\n]*").is_none());
        assert!(Literal::of(r"(?i)5\.4\.300").is_none());
        assert!(Literal::of("Host unknown").is_none(), "case-sensitive patterns keep their regex");
    }

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
