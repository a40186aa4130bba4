//! The domain of one address: syntax, the TLD against the IANA root zone, IDN, and the search
//! for a real mail domain it was meant to be. A domain in the table is never "corrected"; a typo
//! that could be two providers says so instead of guessing.

use std::borrow::Cow;

use crate::knowledge::domains::{self, MailDomain, Split, Tier};
use crate::knowledge::{confusables, tlds};
use crate::recipients::rules::Rule;
use crate::recipients::typo::{self, EDIT};
use crate::recipients::Note;
use crate::recipients::Severity;
use crate::recipients::{address, punycode};

/// What the domain checks found: notes, and the domain to use instead, if there is one.
#[derive(Debug, Default)]
pub struct DomainCheck {
    pub notes: Vec<Note>,
    pub fixed: Option<String>,
}

impl DomainCheck {
    #[inline(never)]
    fn add(&mut self, rule: Rule, args: &[&str], fixes: bool) {
        self.notes.push(Note::new(rule, args, fixes));
    }
    fn add_sev(&mut self, rule: Rule, severity: Severity, args: &[&str], fixes: bool) {
        let mut n = Note::new(rule, args, fixes);
        n.severity = severity;
        self.notes.push(n);
    }
}

/// How far (in quarter edits) a typed name may be from a provider's name and still be taken for it.
/// Digits-only names (163, 126, 139 ...) are mistyped on the number row and are rarely real mail
/// domains, so they get more room; two-letter names only a single slip, and only for the big ones.
fn threshold(t: &Split) -> u16 {
    match t.name.len() {
        0 => 0,
        1..=2 if t.entry.tier == Tier::Top => 2,
        1..=2 => 0,
        3 if t.digits => EDIT,
        3 => 2,
        4..=5 => 3,
        6..=8 => 6,
        _ => 8,
    }
}

fn label_ok(label: &str) -> bool {
    !label.is_empty() && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Candidates from the table for a typed (name, suffix); the suffix must match unless the typed TLD
/// does not exist, in which case a close suffix costs its distance.
fn search(name: &str, suffix: &str, tld_ok: bool) -> Vec<(u16, &'static MailDomain)> {
    let mut found = Vec::new();
    // Suffix distances, computed once per distinct table suffix.
    let mut suffix_costs: Vec<(&'static str, Option<u16>)> = Vec::new();
    let typed_set = domains::byte_set(name.as_bytes());
    let candidates = if tld_ok { domains::targets_with_suffix(suffix) } else { domains::all_targets() };
    for &t in candidates {
        let (m, tname, tsuffix) = (t.entry, t.name, t.suffix);
        let mut limit = threshold(t);
        if limit == 2 && name.len() == tname.len() {
            limit = 3; // a three-letter name: also two swapped letters (`oal` for `aol`)
        }
        // Cheapest first: the length difference, then the byte sets (each byte value on one side
        // only needs an edit of cost 2 or more).
        if limit == 0 || name.len().abs_diff(tname.len()) * 2 > limit as usize {
            continue;
        }
        let only = (typed_set & !t.name_set).count_ones().max((t.name_set & !typed_set).count_ones());
        if 2 * only as u16 > limit {
            continue;
        }
        let suffix_cost = if tsuffix == suffix {
            0
        } else if tld_ok {
            continue;
        } else {
            let cached = suffix_costs.iter().find(|(s, _)| *s == tsuffix).map(|(_, c)| *c);
            let cost = cached.unwrap_or_else(|| {
                let c = typo::distance(suffix.as_bytes(), tsuffix.as_bytes(), EDIT);
                suffix_costs.push((tsuffix, c));
                c
            });
            match cost {
                Some(c) => c,
                None => continue,
            }
        };
        if limit == 0 || name == tname && suffix_cost == 0 {
            continue;
        }
        if let Some(c) = typo::distance(name.as_bytes(), tname.as_bytes(), limit) {
            found.push((c + suffix_cost, m));
        }
    }
    found
}

/// Picks the one candidate, or the close ones when the typo could be either.
fn decide(found: &[(u16, &'static MailDomain)]) -> Result<&'static str, Vec<&'static str>> {
    let Some(best) = found.iter().map(|&(c, _)| c).min() else { return Err(Vec::new()) };
    let mut close: Vec<(u16, &'static MailDomain)> = found.iter().copied().filter(|(c, _)| *c <= best + 1).collect();
    crate::knowledge::sort_small_by_key(&mut close, |&(c, m)| (c, m.tier, m.domain));
    match close.as_slice() {
        [(_, one)] => Ok(one.domain),
        many => Err(many.iter().map(|(_, m)| m.domain).collect()),
    }
}

/// The brand's domains nearest to a typed suffix: unique → Ok.
fn nearest_of_brand(
    brand: &[&'static Split],
    suffix: &str,
    primary_only: bool,
) -> Result<&'static str, Vec<&'static str>> {
    let mut found: Vec<(u16, &'static MailDomain)> = brand
        .iter()
        .filter(|t| !primary_only || matches!(t.entry.tier, Tier::Top | Tier::Common))
        .filter_map(|t| typo::distance(suffix.as_bytes(), t.suffix.as_bytes(), 3 * EDIT).map(|c| (c, t.entry)))
        .collect();
    let Some(best) = found.iter().map(|&(c, _)| c).min() else { return Err(Vec::new()) };
    found.retain(|&(c, _)| c == best);
    match found.as_slice() {
        [(_, one)] => Ok(one.domain),
        many => Err(many.iter().map(|(_, m)| m.domain).collect()),
    }
}

fn or_list(items: &[&str]) -> String {
    items.join(" / ")
}

/// Checks a domain (as typed after normalisation; case is ignored): `typed`, and `lower`, the same
/// with ASCII letters lowercased (the caller has it already).
pub fn check(typed: &str, lower: &str) -> DomainCheck {
    let mut out = DomainCheck::default();
    // ASCII case only: Unicode case tables would cost ~11 KB in the wasm, and IDN labels as typed
    // by Chinese users (汉字) have no case.
    let mut domain: Cow<str> = Cow::Borrowed(lower);
    if domain.is_empty() {
        out.notes.push(Note::bi(Rule::Incomplete, &[("“@”后面没有域名", "nothing after “@”")], false));
        return out;
    }
    if domain.starts_with('[') && domain.ends_with(']') {
        out.add(Rule::DomainLiteral, &[], false);
        return out;
    }
    let mut changed = false;
    if domain.ends_with('.') {
        domain = domain.trim_end_matches('.').to_string().into();
        if domain.contains('.') {
            out.add(Rule::TrailingDot, &[], true);
        }
        changed = true;
    }
    if domain.starts_with('.') || address::has_double_dot(&domain) {
        let cleaned: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
        domain = cleaned.join(".").into();
        out.add(Rule::DotPlacement, &[], true);
        changed = true;
    }
    // Internationalised domain: check its ASCII form.
    if !domain.is_ascii() {
        let mut labels = Vec::new();
        for label in domain.split('.') {
            match punycode::to_ascii_label(label) {
                Some(l) => labels.push(l),
                None => {
                    out.add(Rule::InvalidChar, &[label], false);
                    return out;
                }
            }
        }
        let ascii = labels.join(".");
        if !label_syntax(&ascii, &mut out) {
            return out;
        }
        let tld = ascii.rsplit('.').next().unwrap_or("");
        if !ascii.contains('.') {
            out.add(Rule::DomainNoDot, &[typed], false);
        } else if !tlds::exists(tld) {
            out.add(Rule::UnknownTld, &[domain.rsplit('.').next().unwrap_or("")], false);
        } else {
            out.add(Rule::IdnDomain, &[&ascii], false);
        }
        if changed {
            out.fixed = Some(domain.into_owned());
        }
        return out;
    }
    if domains::find(&domain).is_some() {
        if changed {
            out.fixed = Some(domain.into_owned());
        }
        return out;
    }
    // Look-alike characters (0/o, 1/l, rn/m, |): before syntax, since `|` is not allowed at all.
    // Only bytes of the target or look-alike shapes can appear in a look-alike of it.
    let typed_set = domains::byte_set(domain.as_bytes());
    let shapes = domains::byte_set(b"01li|!rnvc");
    let lookalike = domains::splits()
        .iter()
        .filter(|s| typed_set & !s.domain_set & !shapes == 0)
        .map(|s| s.entry)
        .find(|m| confusables::ascii_lookalike(&domain, m.domain));
    if let Some(m) = lookalike {
        let tld = domain.rsplit('.').next().unwrap_or("");
        let sev = if domain.contains('.') && tlds::exists(tld) && label_ok_all(&domain) {
            Severity::Warning
        } else {
            Severity::Error
        };
        out.add_sev(Rule::LookalikeDomain, sev, &[&domain, m.domain], true);
        out.fixed = Some(m.domain.to_string());
        return out;
    }
    if !label_syntax(&domain, &mut out) {
        return out;
    }
    // No dot: a missing dot (`qqcom`), a missing TLD (`@outlook`), or not an Internet domain.
    if !domain.contains('.') {
        let undotted = |d: &str| d.bytes().filter(|&b| b != b'.').eq(domain.bytes());
        if let Some(m) = domains::DOMAINS.iter().find(|m| m.domain.len() == domain.len() + 1 && undotted(m.domain)) {
            out.add(Rule::MissingDot, &[&domain, m.domain], true);
            out.fixed = Some(m.domain.to_string());
            return out;
        }
        let brand: Vec<&'static MailDomain> = domains::of_brand(&domain).collect();
        let primaries: Vec<&'static str> =
            brand.iter().filter(|m| matches!(m.tier, Tier::Top | Tier::Common)).map(|m| m.domain).collect();
        match primaries.as_slice() {
            [one] => {
                out.add(Rule::MissingTld, &[], true);
                out.fixed = Some(one.to_string());
            }
            [] => out.add(Rule::DomainNoDot, &[&domain], false),
            many => {
                out.add(Rule::MissingTld, &[], false);
                out.add(Rule::AmbiguousDomain, &[&domain, &or_list(many)], false);
            }
        }
        return out;
    }
    // The domain has a dot here: `head.tld`; three labels or more when `head` has one too.
    let (head, tld) = domain.rsplit_once('.').unwrap_or(("", &domain));
    let three = head.contains('.');
    // `qq.com.com`: the ending typed twice.
    if three && head.rsplit('.').next() == Some(tld) && tlds::exists(tld) {
        out.add(Rule::RepeatedTld, &[&[tld, ".", tld].concat()], true);
        out.fixed = Some(head.to_string());
        return out;
    }
    // `163.com.cn`: a big provider's domain with a country ending added out of habit.
    if three {
        if let Some(m) = domains::find(head) {
            if m.tier == Tier::Top && matches!(tld, "cn" | "hk" | "tw" | "com" | "net") {
                out.add(Rule::ExtraSuffix, &[head, tld, m.domain], true);
                out.fixed = Some(m.domain.to_string());
                return out;
            }
        }
    }
    let tld_ok = tlds::exists(tld);
    // `vip.qq`, `vip.163`: a provider's domain without its ending.
    if !tld_ok {
        let completions: Vec<&'static str> = domains::DOMAINS
            .iter()
            .filter(|m| matches!(m.tier, Tier::Top | Tier::Common))
            .filter(|m| m.domain.len() > domain.len() + 1 && m.domain.starts_with(&*domain))
            .filter(|m| {
                m.domain.as_bytes().get(domain.len()) == Some(&b'.') && !m.domain[domain.len() + 1..].contains('.')
            })
            .map(|m| m.domain)
            .collect();
        match completions.as_slice() {
            [one] => {
                out.add(Rule::MissingTld, &[], true);
                out.fixed = Some(one.to_string());
                return out;
            }
            [] => {}
            many => {
                out.add(Rule::MissingTld, &[], false);
                out.add(Rule::AmbiguousDomain, &[&domain, &or_list(many)], false);
                return out;
            }
        }
    }
    let (name, suffix) = domains::split_suffix(&domain);
    let brand = domains::brand(name);
    if !brand.is_empty() {
        if !tld_ok {
            out.add(Rule::UnknownTld, &[tld], false);
            match nearest_of_brand(brand, suffix, false) {
                Ok(d) => {
                    out.notes.last_mut().into_iter().for_each(|n| n.fixes = true);
                    out.fixed = Some(d.to_string());
                }
                Err(many) if many.len() > 1 => out.add(Rule::AmbiguousDomain, &[&domain, &or_list(&many)], false),
                Err(_) => {}
            }
            return out;
        }
        // A real TLD, but not this provider's: `.cn` for a `.com` provider, `.com` for `.net` ...
        let confused = brand
            .iter()
            .filter(|t| matches!(t.entry.tier, Tier::Top | Tier::Common))
            .any(|t| domains::confused_suffix(t.suffix, suffix));
        if confused {
            match nearest_of_brand(brand, suffix, true) {
                Ok(d) => {
                    out.add(Rule::ProviderTld, &[d, &domain], true);
                    out.fixed = Some(d.to_string());
                }
                Err(many) if !many.is_empty() => {
                    out.add(Rule::AmbiguousDomain, &[&domain, &or_list(&many)], false);
                }
                Err(_) => {}
            }
        }
        if changed {
            out.fixed.get_or_insert(domain.into_owned());
        }
        return out;
    }
    let found = search(name, suffix, tld_ok);
    if !tld_ok {
        out.add(Rule::UnknownTld, &[tld], false);
        let pick = match decide(&found) {
            Ok(d) => Some(d.to_string()),
            Err(many) if many.len() > 1 => {
                out.add(Rule::AmbiguousDomain, &[&domain, &or_list(&many)], false);
                None
            }
            Err(_) => nearest_tld(suffix).map(|t| format!("{name}.{t}")),
        };
        if let Some(p) = pick {
            out.notes.last_mut().into_iter().for_each(|n| n.fixes = true);
            out.fixed = Some(p);
        }
        return out;
    }
    match decide(&found) {
        Ok(d) => {
            out.add(Rule::DomainTypo, &[&domain, d], true);
            out.fixed = Some(d.to_string());
        }
        Err(many) if many.len() > 1 => out.add(Rule::AmbiguousDomain, &[&domain, &or_list(&many)], false),
        Err(_) => {
            if changed {
                out.fixed = Some(domain.into_owned());
            }
        }
    }
    out
}

/// The common TLD closest to a mistyped one (ties: the more common).
fn nearest_tld(typed: &str) -> Option<&'static str> {
    let mut best: Option<(u16, &'static str)> = None;
    for &t in domains::COMMON_TLDS {
        if let Some(c) = typo::distance(typed.as_bytes(), t.as_bytes(), EDIT) {
            if best.is_none_or(|(b, _)| c < b) {
                best = Some((c, t));
            }
        }
    }
    best.map(|(_, t)| t)
}

fn label_ok_all(domain: &str) -> bool {
    domain.split('.').all(label_ok)
}

/// Label syntax (RFC 1035/5321): letters, digits, hyphens; 1–63 long; no hyphen at either end;
/// at most 253 in all. Notes the problem and says whether the domain is usable for further checks.
fn label_syntax(domain: &str, out: &mut DomainCheck) -> bool {
    // One pass for the common case, a domain with nothing to note; the notes below otherwise.
    let (mut ok, mut len, mut prev) = (domain.len() <= 253, 0usize, b'.');
    for &c in domain.as_bytes() {
        if c == b'.' {
            ok &= prev != b'-';
            len = 0;
        } else {
            ok &= (c.is_ascii_alphanumeric() || c == b'-') && !(c == b'-' && prev == b'.');
            len += 1;
            ok &= len <= 63;
        }
        prev = c;
    }
    if ok && prev != b'-' {
        return true;
    }
    let bad: String = domain.chars().filter(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.')).fold(
        String::new(),
        |mut s, c| {
            if !s.contains(c) && s.chars().count() < 8 {
                s.push(c);
            }
            s
        },
    );
    if !bad.is_empty() {
        out.add(Rule::InvalidChar, &[&bad], false);
        return false;
    }
    if domain.split('.').any(|l| l.len() > 63) || domain.len() > 253 {
        out.add(Rule::LabelTooLong, &[], false);
        return false;
    }
    if domain.split('.').any(|l| l.starts_with('-') || l.ends_with('-')) {
        out.add(Rule::HyphenPlacement, &[], false);
        return false;
    }
    true
}
