//! The whole field: split, normalise, check each address, then what only the list shows
//! (separators, duplicates, limits, many Cc, external recipients, earlier bounces, the allowlist),
//! and the field with every fix applied.

use crate::knowledge::localparts;
use crate::knowledge::{catalogue, domains, tlds};
use crate::reason::Reason;
use crate::recipients::domain::{self, DomainCheck};
use crate::recipients::normalise::{self, Normalised};
use crate::recipients::rules::Rule;
use crate::recipients::split::{self, Segment};
use crate::recipients::{address, CheckOptions, FieldKind, FieldReport, Note, RecipientReport, Severity, Verdict};

/// At most this many recipients are checked; the rest of a huge field is reported, not checked.
pub const MAX_RECIPIENTS: usize = 500;
/// An address longer than this (in chars) is reported as too long without further checks.
pub const MAX_ADDRESS_CHARS: usize = 512;
/// At most this many findings per recipient (one more says the list was cut).
pub const MAX_FINDINGS: usize = 12;
/// Cc fields with at least this many recipients get a note.
pub const MANY_CC: usize = 10;

/// Per-message recipient limits that providers publish. Netease (550 RP:RCL) and Tencent have such
/// limits but do not publish the numbers (shared/knowledge/compose-rules.tsv), so they are absent.
const RECIPIENT_CAPS: &[(&str, usize, &str)] = &[
    // Google Help, "Gmail sending limits": 500 recipients per message for personal accounts.
    ("gmail.com", 500, "Gmail"),
    ("googlemail.com", 500, "Gmail"),
];

/// One recipient in the making.
struct Item {
    start: usize,
    end: usize,
    sep: Option<char>,
    name: Option<String>,
    /// Address range inside the field (chars).
    addr_start: usize,
    addr_end: usize,
    bracketed: bool,
    norm: Normalised,
    /// A separator inside the address (merged back): (separator, what it stands for).
    joined: Option<(char, char)>,
    too_long: bool,
    /// What replaces the recipient in the fixed field (empty: a duplicate, dropped), once checked.
    replacement: Option<String>,
}

fn make_item(chars: &[char], seg: &Segment) -> Item {
    let raw = &chars[seg.start..seg.end];
    let p = split::parse(raw);
    let (a, b) = (seg.start + p.addr_start, seg.start + p.addr_end.max(p.addr_start));
    let too_long = b - a > MAX_ADDRESS_CHARS;
    let norm = if too_long { Normalised::default() } else { normalise::normalise(&chars[a..b]) };
    Item {
        start: seg.start,
        end: seg.end,
        sep: seg.sep,
        name: p.name,
        addr_start: a,
        addr_end: b,
        bracketed: p.bracketed,
        norm,
        joined: None,
        too_long,
        replacement: None,
    }
}

fn plain_letters(s: &str) -> bool {
    (2..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
}

/// `qq,com` and `13211083416；139.com`: a separator typed inside one address. Merges such pairs.
fn merge(chars: &[char], items: Vec<Item>) -> Vec<Item> {
    if items.len() < 2 {
        return items;
    }
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        if let Some(prev) = out.last_mut() {
            let sep = prev.sep.filter(|&s| s != '\n' && s != '\r');
            let adjacent = prev.end + 1 == item.start && sep.is_some() && chars.get(prev.end) == sep.as_ref();
            let simple = prev.name.is_none()
                && item.name.is_none()
                && !prev.bracketed
                && !item.bracketed
                && prev.joined.is_none();
            if let (true, true, Some(sep)) = (adjacent, simple, sep) {
                let (a, b) = (prev.norm.text.trim(), item.norm.text.trim());
                let dom = a.split_once('@').map(|(_, d)| d);
                let as_dot = a.matches('@').count() == 1
                    && dom.is_some_and(|d| {
                        !d.is_empty() && !d.contains('.') && d.bytes().all(|c| c.is_ascii_alphanumeric())
                    })
                    && plain_letters(b)
                    && tlds::exists(&b.to_ascii_lowercase());
                let as_at = !a.contains('@')
                    && !b.contains('@')
                    && !a.is_empty()
                    && a.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
                    && domains::find(&b.to_ascii_lowercase()).is_some();
                if as_dot || as_at {
                    let joint = if as_dot { '.' } else { '@' };
                    let text = format!("{a}{joint}{b}");
                    let mut notes = std::mem::take(&mut prev.norm.notes);
                    for n in item.norm.notes {
                        if !notes.iter().any(|(r, _)| *r == n.0) {
                            notes.push(n);
                        }
                    }
                    prev.norm = Normalised { text, notes };
                    prev.end = item.end;
                    prev.addr_end = item.addr_end;
                    prev.sep = item.sep;
                    prev.joined = Some((sep, joint));
                    continue;
                }
            }
        }
        out.push(item);
    }
    out
}

/// Does an allowlist entry cover this address / domain?
fn allowed(opts: &CheckOptions, addr: &str, domain: &str) -> bool {
    opts.allowlist.iter().any(|e| {
        let e = e.trim().to_ascii_lowercase();
        let e = e.strip_prefix('@').unwrap_or(&e);
        !e.is_empty() && (e == addr || (!e.contains('@') && (e == domain || domain.ends_with(&format!(".{e}")))))
    })
}

fn severity_verdict(notes: &[Note]) -> Verdict {
    notes.iter().map(|n| Verdict::from(n.severity)).max().unwrap_or(Verdict::Ok)
}

/// A plain ASCII address of a known mail domain that its provider's rules accept: nothing to say
/// about it. Returns (local part, the table's (lowercase) domain). One pass over the bytes and no
/// allocation: it is asked of every address on every keystroke.
fn plain_known(text: &str) -> Option<(&str, &'static str)> {
    let (local, domain) = plain_parts(text)?;
    // Lowercased on the stack: no table domain is longer, so a longer one is not known.
    let mut buf = [0u8; domains::FIND_MAX_LEN];
    let lower = buf.get_mut(..domain.len())?;
    for (l, b) in lower.iter_mut().zip(domain.bytes()) {
        *l = DOMAIN_LOWER[usize::from(b)];
        if *l == 0 {
            return None;
        }
    }
    let known = domains::find_bytes(lower)?;
    if known.tier == domains::Tier::Known && local.bytes().all(|b| b.is_ascii_digit()) {
        return None; // maybe a QQ number at a look-alike of qq.com: the pipeline decides
    }
    if crate::knowledge::localparts::check(local, known.domain).is_some() {
        return None;
    }
    Some((local, known.domain))
}

/// The local part and domain of a text that is one plain ASCII address as far as its local part
/// goes (atext and single dots inside, 1–64 bytes; 254 bytes at most in all).
fn plain_parts(text: &str) -> Option<(&str, &str)> {
    if text.len() > 254 {
        return None;
    }
    let at = text.bytes().position(|b| b == b'@')?;
    let (local, domain) = (&text[..at], &text[at + 1..]);
    if local.is_empty() || local.len() > 64 || local.starts_with('.') || local.ends_with('.') {
        return None;
    }
    // One table look-up per byte: atext (1) or a dot (2), never two dots in a row.
    let mut prev = 0u8;
    for b in local.bytes() {
        let class = LOCAL_CLASS[usize::from(b)];
        if class == 0 || class & prev & 2 != 0 {
            return None;
        }
        prev = class;
    }
    Some((local, domain))
}

/// [`plain_known`]'s classes of local-part bytes: 1 letters, digits and the RFC 5322 atext
/// symbols, 2 the dot, 0 anything else.
const LOCAL_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = 1;
        }
        b += 1;
    }
    let symbols = b"!#$%&'*+-/=?^_`{|}~";
    let mut i = 0;
    while i < symbols.len() {
        t[symbols[i] as usize] = 1;
        i += 1;
    }
    t[b'.' as usize] = 2;
    t
};

/// A domain byte lowercased (letters, digits, `.`, `-`), or 0 for any other byte.
const DOMAIN_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'.' || c == b'-' {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The common case on every keystroke, answered without the pipeline: one plain address of a known
/// mail domain (see [`plain_known`]) that no context has anything to say about. Gives exactly the
/// report the full pipeline would (tests/recipients.rs compares the two).
pub fn fast_path(text: &str, opts: &CheckOptions) -> Option<FieldReport> {
    quiet(text, opts).then(|| fast_path_report(text))
}

/// The report on a quiet `text`.
fn fast_path_report(text: &str) -> FieldReport {
    FieldReport {
        input: text.to_string(),
        recipients: vec![RecipientReport {
            raw: text.to_string(),
            start: 0,
            end: text.len(),
            name: None,
            address: text.to_string(),
            verdict: Verdict::Ok,
            suggestion: None,
            findings: Vec::new(),
        }],
        findings: Vec::new(),
        fixed: None,
    }
}

/// Whether [`fast_path`] answers for `text`: then its report holds `text` (ASCII) as input, raw and
/// address, and nothing else (src/wasm.rs packs that report without building it).
pub fn quiet(text: &str, opts: &CheckOptions) -> bool {
    assess(text, opts).is_ok()
}

/// [`quiet`], and when the text is not quiet, the domain check already done on the way (a plain
/// address at a domain outside the table: its domain is checked to know whether it is quiet), for
/// [`full_with`] to use instead of checking the same domain again.
pub fn assess(text: &str, opts: &CheckOptions) -> Result<(), Option<DomainCheck>> {
    let lower: String;
    let (domain, pre): (&str, Option<DomainCheck>) = match plain_known(text) {
        Some((_, known)) => (known, None),
        None => {
            // A plain address at a domain the table does not have (a company's, a university's):
            // quiet when its domain check and the provider rules have nothing to say.
            let Some((local, typed)) = plain_parts(text) else { return Err(None) };
            if !typed.bytes().all(|b| DOMAIN_LOWER[usize::from(b)] != 0) {
                return Err(None);
            }
            lower = typed.to_ascii_lowercase();
            if domains::find(&lower).is_some() {
                return Err(None); // a table domain plain_known turned down: the pipeline decides
            }
            let dc = domain::check(typed, &lower);
            if !dc.notes.is_empty() || dc.fixed.is_some() || localparts::check(local, &lower).is_some() {
                return Err(Some(dc));
            }
            (&lower, Some(dc))
        }
    };
    // The context (the extension passes it on every keystroke), as [`full`] would weigh it for a
    // field of one quiet recipient: the allowlist only quiets findings (there are none); a
    // remembered bounce of this address, or a sender inside an organisation writing outside it,
    // is a finding: the pipeline says it. Provider caps and many-Cc need more recipients than one.
    if opts.bounced.iter().any(|b| {
        let a = b.address.trim();
        !a.is_empty() && a.eq_ignore_ascii_case(text)
    }) {
        return Err(pre);
    }
    if let Some(from) = opts.from.as_deref() {
        let own = from.rsplit_once('@').map(|(_, d)| d.trim().trim_end_matches('>').to_ascii_lowercase());
        if let Some(own) = own.filter(|d| domains::find(d).is_none_or(|m| !m.free)) {
            let inside = domain == own
                || domain.strip_suffix(own.as_str()).is_some_and(|h| h.ends_with('.'))
                || own.strip_suffix(domain).is_some_and(|h| h.ends_with('.'));
            if !inside {
                return Err(pre);
            }
        }
    }
    Ok(())
}

/// Checks a field; `field_notes` carries notes found before (invalid UTF-8).
pub fn check(text: &str, opts: &CheckOptions, field_notes: Vec<Note>) -> FieldReport {
    if !field_notes.is_empty() {
        return pipeline(text, opts, field_notes, None);
    }
    match assess(text, opts) {
        Ok(()) => fast_path_report(text),
        Err(pre) => pipeline(text, opts, field_notes, pre),
    }
}

/// The whole pipeline.
pub fn full(text: &str, opts: &CheckOptions, field_notes: Vec<Note>) -> FieldReport {
    pipeline(text, opts, field_notes, None)
}

/// The whole pipeline for a text [`assess`] found not quiet, with the domain check it did.
pub fn full_with(text: &str, opts: &CheckOptions, pre: Option<DomainCheck>) -> FieldReport {
    pipeline(text, opts, Vec::new(), pre)
}

/// The pipeline; `pre`: the domain check of `text` as one plain address, from [`assess`].
fn pipeline(text: &str, opts: &CheckOptions, mut field_notes: Vec<Note>, mut pre: Option<DomainCheck>) -> FieldReport {
    let lang = opts.lang;
    // Sized for the text up front (collecting `chars()` would grow the vector two or three times).
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    chars.extend(text.chars());
    // Chars [a, b) of the field as a String: straight from the text when it is ASCII (char and
    // byte offsets are the same), else collected.
    let ascii = chars.len() == text.len();
    let sub = |a: usize, b: usize| -> String {
        match text.get(a..b).filter(|_| ascii) {
            Some(s) => s.to_string(),
            None => chars[a..b].iter().collect(),
        }
    };
    let mut items: Vec<Item> = Vec::new();
    let total = split::split_each(&chars, MAX_RECIPIENTS, |s| items.push(make_item(&chars, &s)));
    let truncated = total > items.len();
    let mut items = merge(&chars, items);

    let sender_domain = opts
        .from
        .as_deref()
        .and_then(|f| f.rsplit_once('@').map(|(_, d)| d.trim().trim_end_matches('>').to_ascii_lowercase()));
    let sender_internal = sender_domain.as_deref().filter(|d| domains::find(d).is_none_or(|m| !m.free));

    // Whether a recipient's final local part and domain are needed (the context checks).
    let context = !opts.allowlist.is_empty() || !opts.bounced.is_empty() || sender_internal.is_some();
    let mut recipients = Vec::with_capacity(items.len());
    let mut seen: Vec<String> = Vec::new();
    let mut any_fix = false;
    let several = items.len() > 1;
    for item in items.iter_mut() {
        let raw = sub(item.start, item.end);
        let typed_addr: std::borrow::Cow<str> = match text.get(item.addr_start..item.addr_end).filter(|_| ascii) {
            Some(s) => s.into(),
            None => chars[item.addr_start..item.addr_end].iter().collect::<String>().into(),
        };
        let mut notes: Vec<Note> = Vec::new();
        if item.too_long {
            notes.push(Note::new(Rule::AddressTooLong, &[&typed_addr.len().to_string()], false));
            recipients.push(RecipientReport {
                raw,
                start: item.start,
                end: item.end,
                name: item.name.clone(),
                address: String::new(),
                verdict: Verdict::Error,
                suggestion: None,
                findings: notes.iter().map(|n| n.render(lang, None)).collect(),
            });
            continue;
        }
        for (rule, what) in &item.norm.notes {
            notes.push(Note::new(*rule, &[what], true));
        }
        if let Some((sep, joint)) = item.joined {
            notes.push(Note::new(Rule::SeparatorInAddress, &[&sep.to_string(), &joint.to_string()], true));
        }
        let plain =
            if item.norm.notes.is_empty() && item.joined.is_none() { plain_known(&item.norm.text) } else { None };
        let mut ac = match plain {
            Some((local, domain)) => address::AddressCheck {
                address: item.norm.text.clone(),
                local: local.to_string(),
                domain: domain.to_string(),
                ..address::AddressCheck::default()
            },
            None => {
                // The domain check [`assess`] did applies when this item is the whole text as typed.
                let changed = several || !item.norm.notes.is_empty() || item.joined.is_some() || item.bracketed;
                let pre = if changed || item.norm.text != text { None } else { pre.take() };
                address::check(&item.norm.text, item.bracketed, context, pre)
            }
        };
        if notes.is_empty() {
            notes = std::mem::take(&mut ac.notes);
        } else {
            notes.append(&mut ac.notes);
        }
        let name = item.name.clone().or(ac.name);
        let typed_trim = typed_addr.trim_matches([' ', '\t']);
        let normalised_changed = item.norm.text.trim_matches(' ') != typed_trim || item.joined.is_some();
        let candidate = ac.fixed.take().or_else(|| normalised_changed.then(|| ac.address.clone()));
        let suggestion = candidate.filter(|c| c != typed_trim);
        // Allowlist: the user said this address or domain is right; warnings go quiet.
        let mut suggestion = suggestion;
        if !opts.allowlist.is_empty() || !opts.bounced.is_empty() {
            let key_addr = format!("{}@{}", ac.local, ac.domain).to_ascii_lowercase();
            let typed_lower = ac.address.to_ascii_lowercase();
            let typed_domain = typed_lower.rsplit_once('@').map(|(_, d)| d.to_string()).unwrap_or_default();
            if allowed(opts, &typed_lower, &typed_domain) || allowed(opts, &key_addr, &ac.domain) {
                notes.retain(|n| n.severity != Severity::Warning);
                if !notes.iter().any(|n| n.fixes) {
                    suggestion = None;
                }
            }
            // Remembered bounces.
            for b in &opts.bounced {
                let addr = b.address.trim().to_ascii_lowercase();
                if !addr.is_empty() && (addr == key_addr || addr == typed_lower) {
                    let date = if b.date.trim().is_empty() { "?" } else { b.date.trim() };
                    let reason = if b.reason.trim().is_empty() { "?" } else { b.reason.trim() };
                    // The reason's readable name from the catalogue (`userunknown` → 地址不存在 /
                    // no such user); a name the core does not know is shown as it was given.
                    let (zh, en) = match Reason::parse(reason) {
                        Some(r) => (catalogue::short(r).zh, catalogue::short(r).en),
                        None => (reason, reason),
                    };
                    notes.push(Note::bi(Rule::BouncedBefore, &[(date, date), (zh, en)], false));
                    break;
                }
            }
        }
        // External recipients, relative to an organisation's own domain.
        if let Some(own) = sender_internal {
            let d = ac.domain.as_str();
            if !d.is_empty() && d != own && !d.ends_with(&format!(".{own}")) && !own.ends_with(&format!(".{d}")) {
                notes.push(Note::new(Rule::ExternalRecipient, &[own], false));
            }
        }
        // Duplicates after normalisation.
        // (A field of one recipient has none: no key to make.)
        let mut duplicate = false;
        if several {
            let dup_key = suggestion.as_deref().unwrap_or(&ac.address).to_ascii_lowercase();
            duplicate = !dup_key.is_empty() && seen.contains(&dup_key);
            if duplicate {
                // No address to suggest: the fixed field simply leaves this copy out.
                notes.push(Note::new(Rule::Duplicate, &[&dup_key], false));
            } else {
                seen.push(dup_key);
            }
        }
        let verdict = severity_verdict(&notes);
        let mut findings: Vec<_> =
            notes.iter().take(MAX_FINDINGS).map(|n| n.render(lang, suggestion.as_deref())).collect();
        if notes.len() > MAX_FINDINGS {
            findings.push(Note::new(Rule::FindingsCapped, &[&MAX_FINDINGS.to_string()], false).render(lang, None));
        }
        let replacement = if duplicate {
            Some(String::new())
        } else {
            suggestion.as_ref().map(|s| {
                let ascii = |c: &char| match c {
                    '＜' => '<',
                    '＞' => '>',
                    c => *c,
                };
                let (before, after) =
                    (&chars[item.start..item.addr_start], &chars[item.addr_end.min(item.end)..item.end]);
                let mut r = String::with_capacity(s.len() + 4 * (before.len() + after.len()));
                r.extend(before.iter().map(ascii));
                r.push_str(s);
                r.extend(after.iter().map(ascii));
                r
            })
        };
        any_fix |= replacement.is_some();
        item.replacement = replacement;
        recipients.push(RecipientReport {
            raw,
            start: item.start,
            end: item.end,
            name,
            address: ac.address,
            verdict,
            suggestion,
            findings,
        });
    }

    // Separators a webmail may not understand, and a trailing one.
    let mut odd_seps: Vec<char> = Vec::new();
    for item in &items {
        if let Some(s) = item.sep.filter(|&s| split::is_fullwidth_separator(s)) {
            if !odd_seps.contains(&s) {
                odd_seps.push(s);
            }
        }
    }
    for s in &odd_seps {
        field_notes.push(Note::new(Rule::FullwidthSeparator, &[&s.to_string()], true));
    }
    let last = text.trim_end_matches([' ', '\t', '\u{3000}']).chars().last();
    let trailing = !items.is_empty() && matches!(last, Some(',' | '，' | '、'));
    if let (true, Some(c)) = (trailing, last) {
        if !odd_seps.contains(&c) {
            field_notes.push(Note::new(Rule::TrailingSeparator, &[&c.to_string()], true));
        }
    }
    if truncated || items.iter().any(|i| i.too_long) {
        field_notes.push(Note::new(Rule::FieldTruncated, &[&recipients.len().to_string()], false));
    }
    // Limits of the sender's provider, and many Cc.
    let count = total;
    if let Some(d) = sender_domain.as_deref() {
        if let Some(&(_, cap, who)) = RECIPIENT_CAPS.iter().find(|(dom, _, _)| *dom == d) {
            if count > cap {
                field_notes.push(Note::new(
                    Rule::TooManyRecipients,
                    &[&count.to_string(), who, &cap.to_string()],
                    false,
                ));
            }
        }
    }
    if opts.field == FieldKind::Cc && count >= MANY_CC {
        field_notes.push(Note::new(Rule::ManyCc, &[&count.to_string()], false));
    }

    // The field with every fix applied.
    let field_fix = !odd_seps.is_empty() || trailing;
    let fixed = if any_fix || field_fix {
        let mut out = String::with_capacity(text.len());
        let mut cursor = 0usize;
        for item in &items {
            let rep = &item.replacement;
            let between: String = chars[cursor..item.start]
                .iter()
                .map(|&c| if split::is_fullwidth_separator(c) { ';' } else { c })
                .collect();
            match rep {
                Some(r) if r.is_empty() => {
                    // A duplicate: drop it with the separator before it.
                    let kept = between.trim_end_matches(|c: char| c == ' ' || split::is_separator(c));
                    out.push_str(kept);
                }
                Some(r) => {
                    out.push_str(&between);
                    out.push_str(r);
                }
                None => {
                    out.push_str(&between);
                    out.extend(&chars[item.start..item.end]);
                }
            }
            cursor = item.end;
        }
        let rest: String = chars[cursor.min(chars.len())..].iter().collect();
        if trailing {
            let t = rest.trim_end_matches([' ', '\t', '\u{3000}']);
            let t = last.and_then(|c| t.strip_suffix(c)).unwrap_or(t);
            out.extend(t.chars().map(|c| if split::is_fullwidth_separator(c) { ';' } else { c }));
        } else {
            out.extend(rest.chars().map(|c| if split::is_fullwidth_separator(c) { ';' } else { c }));
        }
        (out != text).then_some(out)
    } else {
        None
    };
    let fixed_ref = fixed.as_deref();
    FieldReport {
        input: text.to_string(),
        recipients,
        findings: field_notes.iter().map(|n| n.render(lang, fixed_ref)).collect(),
        fixed,
    }
}
