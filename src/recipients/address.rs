//! One address after normalisation: spaces, the `@` (missing, doubled, typed as something else),
//! RFC 5321/5322 syntax and limits of the local part, then the domain checks and the provider's
//! local-part rules.

use std::borrow::Cow;

use crate::knowledge::{domains, localparts, localparts::Confidence, localparts::Problem, tlds};
use crate::recipients::domain;
use crate::recipients::rules::Rule;
use crate::recipients::{Note, Severity};

/// What the address checks found.
#[derive(Debug, Default)]
pub struct AddressCheck {
    /// The address as understood (spaces and the `@` repaired only when the fix is certain).
    pub address: String,
    /// The address with every fix applied, when there is one.
    pub fixed: Option<String>,
    pub notes: Vec<Note>,
    /// A display name found before the address without angle brackets.
    pub name: Option<String>,
    /// The final local part and lowercase domain (after fixes), for the field checks; empty unless
    /// asked for.
    pub local: String,
    pub domain: String,
}

/// Characters allowed unquoted in a local part (RFC 5322 atext) besides letters and digits.
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c) || !c.is_ascii()
}

fn looks_local(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| is_atext(c) || c == '.') && !s.starts_with('.') && !s.ends_with('.')
}

/// A domain the user clearly meant: one from the table (any case).
fn known_domain(s: &str) -> bool {
    domains::find(&s.to_ascii_lowercase()).is_some()
}

/// A plausible domain: known, or dotted with labels and an existing TLD.
fn plausible_domain(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    known_domain(&s)
        || (s.contains('.')
            && s.split('.').all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            && tlds::exists(s.rsplit('.').next().unwrap_or("")))
}

/// Finds `local@domain` in a text without `@` when the intent is clear: a character typed in its
/// place (`#`, `:`, a space), or a known mail domain at the end (`zhangsan.qq.com`, `li126.com`).
fn repair_missing_at(s: &str) -> Option<(String, String, Option<char>)> {
    for sub in [' ', '#', ':', ';', '$', '&'] {
        if let Some((l, d)) = s.rsplit_once(sub) {
            if looks_local(l.trim()) && plausible_domain(d.trim()) && (sub != ' ' || known_domain(d.trim())) {
                return Some((l.trim().to_string(), d.trim().to_string(), Some(sub)));
            }
        }
    }
    // The longest table domain `s` ends with (and is longer than): every suffix hashed in one
    // backward pass, one lookup each (no scan of the table).
    let lower = s.to_ascii_lowercase();
    let (_, best) = domains::longest_suffix(&lower, lower.len().saturating_sub(domains::FIND_MAX_LEN).max(1))?;
    let cut = s.len() - best.domain.len();
    let local = s.get(..cut)?.strip_suffix('.').unwrap_or(s.get(..cut)?);
    let dom = s.get(cut..)?;
    looks_local(local).then(|| (local.to_string(), dom.to_string(), None))
}

/// Checks one normalised address (`text` has no separators; names are already taken off).
/// `parts`: fill [`AddressCheck::local`] and [`AddressCheck::domain`] (the field needs them only
/// for its context checks: allowlist, remembered bounces, external recipients).
/// `pre`: the check of this address's domain, when the caller has done it already (on `text`
/// itself as one plain address: used only when the domain is exactly `text`'s after its `@`).
pub fn check(text: &str, bracketed: bool, parts: bool, pre: Option<domain::DomainCheck>) -> AddressCheck {
    let mut out = AddressCheck::default();
    let mut fixes = false;
    let mut s = text.trim_matches(' ').to_string();
    if bracketed {
        s = s.trim_matches(|c| c == '<' || c == '>').to_string();
    }
    // `mailto:` copied from a link.
    if s.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("mailto:")) {
        s = s[7..].trim_start().to_string();
        out.notes.push(Note::new(Rule::MailtoPrefix, &[], true));
        fixes = true;
    }
    // A quoted local part (`"john smith"@example.com`) may hold spaces.
    let quoted = s.starts_with('"') && s.get(1..).is_some_and(|r| r.contains("\"@"));
    // Spaces next to `@` or `.` are slips: drop them.
    if s.contains(' ') && !quoted {
        let mut cleaned = String::with_capacity(s.len());
        let chars: Vec<char> = s.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let prev = chars[..i].iter().rev().find(|&&p| p != ' ');
                let next = chars[i + 1..].iter().find(|&&p| p != ' ');
                if matches!(prev, Some('@' | '.')) || matches!(next, Some('@' | '.')) {
                    continue;
                }
            }
            cleaned.push(c);
        }
        if cleaned != s {
            out.notes.push(Note::new(Rule::SpaceInAddress, &[], true));
            fixes = true;
            s = cleaned;
        }
    }
    // Still a space: `name addr`, `local domain` (space for @), or a space inside the local part.
    if let Some((head, last)) = s.rsplit_once(' ').filter(|_| !quoted) {
        let (head, last) = (head.trim().to_string(), last.to_string());
        if last.contains('@') {
            let words: Vec<&str> = head.split(' ').filter(|w| !w.is_empty()).collect();
            let local = last.split('@').next().unwrap_or("");
            let glue = words.len() == 1
                && words[0].len() <= 12
                && words[0].bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                && !local.to_ascii_lowercase().contains(words[0]);
            if head.contains('@') {
                // Two addresses with only a space between: the separator is missing.
                out.notes.push(Note::new(Rule::SpaceInAddress, &[], false));
                out.address = s;
                return out;
            } else if glue {
                out.notes.push(Note::new(Rule::SpaceInAddress, &[], true));
                fixes = true;
                s = format!("{}{}", words[0], last);
            } else {
                out.notes.push(Note::new(Rule::NameWithoutBrackets, &[], false));
                out.name = Some(head);
                s = last;
            }
        } else if !s.contains('@') {
            // handled by the missing-@ repair below (a space typed for @)
        } else {
            out.notes.push(Note::new(Rule::SpaceInAddress, &[], false));
        }
    }
    // The `@`. With exactly one, the parts are slices of `s` (no copies on the common path).
    let ats = s.matches('@').count();
    let (local, dom): (Cow<str>, Cow<str>) = if ats == 0 {
        match repair_missing_at(&s) {
            Some((l, d, sub)) => {
                match sub {
                    Some(' ') => out.notes.push(Note::bi(Rule::WrongAt, &[("空格", "a space")], true)),
                    Some(sub) => out.notes.push(Note::new(Rule::WrongAt, &[&sub.to_string()], true)),
                    None => out.notes.push(Note::new(Rule::MissingAt, &[], true)),
                }
                fixes = true;
                (l.into(), d.into())
            }
            None => {
                out.notes.push(Note::new(Rule::MissingAt, &[], false));
                out.address = s;
                return out;
            }
        }
    } else if ats == 1 {
        let (l, d) = s.split_once('@').unwrap_or((&s, ""));
        (l.into(), d.into())
    } else {
        // `a@@b.com`, `a@b.com@`, `a@163@163.com`, `a@qq.com@qq.com`.
        let parts: Vec<&str> = s.split('@').filter(|p| !p.is_empty()).collect();
        let fixed = match parts.as_slice() {
            [l, d] => Some((l.to_string(), d.to_string())),
            [l, mid @ .., last] if !s.starts_with('@') => {
                let last_l = last.to_ascii_lowercase();
                let same = mid.iter().all(|m| {
                    let m = m.to_ascii_lowercase();
                    m == last_l || last_l.starts_with(&format!("{m}."))
                });
                same.then(|| (l.to_string(), last.to_string()))
            }
            _ => None,
        };
        match fixed {
            Some((l, d)) if !s.starts_with('@') => {
                out.notes.push(Note::new(Rule::DoubleAt, &[], true));
                fixes = true;
                (l.into(), d.into())
            }
            _ => {
                out.notes.push(Note::new(Rule::DoubleAt, &[], false));
                out.address = s;
                return out;
            }
        }
    };
    let mut local = local;
    // The local part.
    if local.is_empty() {
        out.notes.push(Note::bi(Rule::Incomplete, &[("“@”前面是空的", "nothing before “@”")], false));
    } else if local.starts_with('"') && local.ends_with('"') && local.len() >= 2 {
        out.notes.push(Note::new(Rule::QuotedLocal, &[], false));
    } else {
        if !local.chars().all(|c| is_atext(c) || c == '.') {
            let bad: String = local.chars().filter(|&c| !(is_atext(c) || c == '.')).fold(String::new(), |mut b, c| {
                if !b.contains(c) && b.chars().count() < 8 {
                    b.push(if c == ' ' { '␠' } else { c });
                }
                b
            });
            out.notes.push(Note::new(Rule::InvalidChar, &[&bad], false));
        }
        if local.starts_with('.') || local.ends_with('.') || has_double_dot(&local) {
            let cleaned = local.split('.').filter(|p| !p.is_empty()).collect::<Vec<_>>().join(".");
            out.notes.push(Note::new(Rule::DotPlacement, &[], !cleaned.is_empty()));
            if !cleaned.is_empty() {
                local = cleaned.into();
                fixes = true;
            }
        }
        if local.len() > 64 {
            out.notes.push(Note::new(Rule::LocalTooLong, &[&local.len().to_string()], false));
        }
    }
    // The domain, lowercased once for the domain checks and the rules below.
    let lower: Cow<str> =
        if dom.bytes().any(|b| b.is_ascii_uppercase()) { dom.to_ascii_lowercase().into() } else { Cow::Borrowed(&dom) };
    let dc = match pre {
        Some(dc) if ats == 1 && !fixes && s == text => dc,
        _ => domain::check(&dom, &lower),
    };
    let domain_fixed = dc.fixed;
    if out.notes.is_empty() {
        out.notes = dc.notes;
    } else {
        out.notes.extend(dc.notes);
    }
    let final_domain: &str = domain_fixed.as_deref().unwrap_or(&lower);
    if domain_fixed.is_some() {
        fixes = true;
    }
    // A QQ number at a real domain one slip from qq.com (`12345678@q.com`): the number says QQ.
    let qq_shape =
        (5..=11).contains(&local.len()) && !local.starts_with('0') && local.bytes().all(|b| b.is_ascii_digit());
    if qq_shape
        && domain_fixed.is_none()
        && final_domain != "qq.com"
        && !out.notes.iter().any(|n| n.severity != Severity::Info)
    {
        let slip = domains::find(final_domain).is_some_and(|m| m.tier == domains::Tier::Known)
            && crate::recipients::typo::distance(final_domain.as_bytes(), b"qq.com", 2).is_some();
        if slip {
            out.notes.push(Note::new(Rule::DomainTypo, &[final_domain, "qq.com"], true));
            out.fixed = Some(concat3(&local, "@", "qq.com"));
            if parts {
                out.domain = "qq.com".to_string();
                out.local = local.to_string();
            }
            if let Some(p) = localparts::check(&local, "qq.com") {
                out.notes.push(provider_note(p, &local, "qq.com"));
            }
            out.address = s;
            return out;
        }
    }
    let total = local.len() + 1 + final_domain.len();
    if total > 254 {
        out.notes.push(Note::new(Rule::AddressTooLong, &[&total.to_string()], false));
    }
    // Non-ASCII local part, and the provider's own rules.
    let problem = if local.is_empty() { None } else { localparts::check(&local, final_domain) };
    match problem {
        Some(p) => out.notes.push(provider_note(p, &local, final_domain)),
        None => {
            if !local.is_ascii() && !local.starts_with('"') {
                out.notes.push(Note::new(Rule::NonAsciiLocal, &[], false));
            }
        }
    }
    if fixes {
        out.fixed = Some(concat3(&local, "@", domain_fixed.as_deref().unwrap_or(&dom)));
    }
    if parts {
        out.local = local.into_owned();
        out.domain = final_domain.to_string();
    }
    // Without a fix there was exactly one `@`: `s` is `local@dom` already.
    out.address = s;
    out
}

/// `..` in `s`: a look at each pair of bytes (`contains("..")` sets up a substring searcher, which
/// costs more than the whole scan of an address).
pub fn has_double_dot(s: &str) -> bool {
    s.as_bytes().windows(2).any(|w| w == b"..")
}

/// `a + b + c` in one allocation (`format!` costs several times more on this path).
fn concat3(a: &str, b: &str, c: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len() + c.len());
    s.push_str(a);
    s.push_str(b);
    s.push_str(c);
    s
}

fn provider_note(p: Problem, local: &str, domain: &str) -> Note {
    // The argument in each language, built by concatenation (`format!` costs several times more,
    // and this runs for every QQ number or Netease name that breaks a rule).
    let n = || local.chars().count().to_string();
    let cat = |parts: &[&str]| parts.concat();
    let (rule, zh, en): (Rule, String, Option<String>) = match p {
        Problem::QqLeadingZero => (Rule::QqNumber, cat(&[local, " 以 0 开头"]), Some(cat(&[local, " starts with 0"]))),
        Problem::QqTooShort => {
            let n = n();
            (Rule::QqNumber, cat(&[local, " 只有 ", &n, " 位"]), Some(cat(&[local, " has only ", &n, " digits"])))
        }
        Problem::QqTooLong => {
            let n = n();
            (Rule::QqNumber, cat(&[local, " 有 ", &n, " 位"]), Some(cat(&[local, " has ", &n, " digits"])))
        }
        Problem::NeteaseChars | Problem::NeteaseStart | Problem::GmailChars => {
            (rule_of(p), cat(&["“", local, "”"]), None)
        }
        Problem::NeteaseLength | Problem::GmailLength => {
            let n = n();
            (rule_of(p), cat(&["“", local, "”有 ", &n, " 位"]), Some(cat(&["“", local, "” has ", &n])))
        }
        Problem::NonAscii => (Rule::ProviderNonAscii, domain.to_string(), None),
        Problem::MobileNumber | Problem::MicrosoftChars | Problem::YahooFormat => (rule_of(p), String::new(), None),
    };
    let mut note = Note::owned(rule, vec![(zh, en)], false);
    if p.confidence() == Confidence::Unconfirmed && note.severity == Severity::Error {
        note.severity = Severity::Warning;
    }
    note
}

fn rule_of(p: Problem) -> Rule {
    match p {
        Problem::QqLeadingZero | Problem::QqTooShort | Problem::QqTooLong => Rule::QqNumber,
        Problem::NeteaseChars | Problem::NeteaseLength | Problem::NeteaseStart => Rule::NeteaseLocal,
        Problem::MobileNumber => Rule::MobileNumber,
        Problem::GmailChars | Problem::GmailLength => Rule::GmailLocal,
        Problem::MicrosoftChars => Rule::MicrosoftLocal,
        Problem::YahooFormat => Rule::YahooLocal,
        Problem::NonAscii => Rule::ProviderNonAscii,
    }
}
