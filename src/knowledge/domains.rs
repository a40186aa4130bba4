//! Real mail domains: the targets of the typo search, and the real domains that must never be
//! "corrected" into them. Chinese providers are first-class.
//!
//! Sources, per group:
//! - Netease: the registration page's bound-domain list (163.com, 126.com, yeah.net, vip.163.com,
//!   vip.126.com, 188.com; shared/knowledge/compose-rules.tsv, code-index id 9862449826); 163.net is
//!   the historical TOM-run 163.net service (still typed; compose-rules.tsv corpus note).
//! - Tencent: QQ Mail UI text ('注册英文邮箱帐号 (如：chen@foxmail.com)'), vip.qq.com MX map
//!   (compose-rules.tsv rows for qq.com / foxmail.com / vip.qq.com).
//! - Other Chinese providers (sina, sohu, aliyun, 139 China Mobile, 189 China Telecom, wo.cn China
//!   Unicom, 21cn, tom, 263): the providers' own webmail login pages (mail.sina.com.cn, mail.sohu.com,
//!   mail.aliyun.com, mail.10086.cn, webmail30.189.cn, mail.wo.cn, mail.21cn.com, mail.tom.com,
//!   263.net), as listed in issue 2 of this project.
//! - Worldwide: the providers' sign-up pages (Google, Microsoft, Yahoo, Apple, Proton, Zoho, GMX/web.de,
//!   Yandex, Mail.ru, Naver, Daum/hanmail, ISP mail of the UK, FR, IT, DE, US, AU, BR ...), and the
//!   lists of existing checkers read for compose-anchors.md (mailcheck, flanker, email-misspelled),
//!   whose false corrections (foxmail→hotmail, hanmail→hotmail, hey→sky, ya.ru→yahoo.ru ...) this
//!   table prevents by listing the real domain.

/// How a domain takes part in the typo search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// The big providers people mistype most: first choice in a tie.
    Top,
    /// Other mail providers: typo targets.
    Common,
    /// A country variant of an international brand (hotmail.co.uk): a typo target, but never the
    /// completion of a bare brand name.
    Variant,
    /// Real, but never suggested: typed exactly, it is simply quiet.
    Known,
}

/// One real mail domain.
#[derive(Clone, Copy, Debug)]
pub struct MailDomain {
    pub domain: &'static str,
    pub tier: Tier,
    /// Free webmail anyone can sign up for (so "external recipient" means nothing for its users).
    pub free: bool,
}

const fn d(domain: &'static str, tier: Tier, free: bool) -> MailDomain {
    MailDomain { domain, tier, free }
}

use Tier::{Common as C, Known as K, Top as T, Variant as V};

/// The table. Order matters only as the last tie-breaker (earlier wins).
pub const DOMAINS: &[MailDomain] = &[
    // Netease
    d("163.com", T, true),
    d("126.com", T, true),
    d("yeah.net", T, true),
    d("vip.163.com", C, true),
    d("vip.126.com", C, true),
    d("188.com", C, true),
    d("vip.188.com", C, true),
    d("163.net", K, true),
    d("netease.com", K, false),
    // Tencent
    d("qq.com", T, true),
    d("vip.qq.com", C, true),
    d("foxmail.com", T, true),
    d("tencent.com", K, false),
    // Other Chinese providers
    d("sina.com", T, true),
    d("sina.cn", T, true),
    d("vip.sina.com", C, true),
    d("sina.net", K, false),
    d("sina.com.cn", K, false),
    d("sohu.com", T, true),
    d("vip.sohu.com", C, true),
    d("aliyun.com", T, true),
    d("139.com", T, true),
    d("189.cn", T, true),
    d("wo.cn", C, true),
    d("21cn.com", C, true),
    d("tom.com", C, true),
    d("263.net", C, true),
    d("x263.net", K, false),
    d("21cn.net", K, true),
    d("china.com", K, true),
    d("2980.com", K, true),
    d("sogou.com", K, true),
    // Google
    d("gmail.com", T, true),
    d("googlemail.com", C, true),
    // Microsoft
    d("outlook.com", T, true),
    d("hotmail.com", T, true),
    d("live.com", T, true),
    d("msn.com", C, true),
    d("hotmail.co.uk", V, true),
    d("hotmail.fr", V, true),
    d("hotmail.de", V, true),
    d("hotmail.it", V, true),
    d("hotmail.es", V, true),
    d("hotmail.com.hk", V, true),
    d("hotmail.com.tw", V, true),
    d("hotmail.co.jp", V, true),
    d("hotmail.ca", V, true),
    d("hotmail.com.au", V, true),
    d("hotmail.com.br", V, true),
    d("hotmail.be", V, true),
    d("hotmail.nl", V, true),
    d("outlook.de", V, true),
    d("outlook.fr", V, true),
    d("outlook.jp", V, true),
    d("outlook.it", V, true),
    d("outlook.es", V, true),
    d("outlook.cn", V, true),
    d("live.cn", V, true),
    d("live.fr", V, true),
    d("live.co.uk", V, true),
    d("live.de", V, true),
    d("live.it", V, true),
    d("live.nl", V, true),
    d("live.com.au", V, true),
    d("live.ca", V, true),
    d("live.jp", V, true),
    d("live.hk", V, true),
    d("msn.cn", V, true),
    d("microsoft.com", K, false),
    // Yahoo
    d("yahoo.com", T, true),
    d("ymail.com", C, true),
    d("rocketmail.com", C, true),
    d("yahoo.com.tw", V, true),
    d("yahoo.com.hk", V, true),
    d("yahoo.co.jp", V, true),
    d("yahoo.co.uk", V, true),
    d("yahoo.fr", V, true),
    d("yahoo.de", V, true),
    d("yahoo.it", V, true),
    d("yahoo.es", V, true),
    d("yahoo.ca", V, true),
    d("yahoo.co.in", V, true),
    d("yahoo.in", V, true),
    d("yahoo.com.au", V, true),
    d("yahoo.com.sg", V, true),
    d("yahoo.com.br", V, true),
    // Apple
    d("icloud.com", T, true),
    d("me.com", C, true),
    d("mac.com", C, true),
    // Other worldwide
    d("aol.com", C, true),
    d("aim.com", K, true),
    d("protonmail.com", C, true),
    d("protonmail.ch", V, true),
    d("proton.me", C, true),
    d("pm.me", C, true),
    d("zoho.com", C, true),
    d("zohomail.com", K, true),
    d("zoho.com.cn", K, true),
    d("yandex.com", C, true),
    d("yandex.ru", C, true),
    d("ya.ru", K, true),
    d("mail.ru", C, true),
    d("inbox.ru", C, true),
    d("list.ru", C, true),
    d("bk.ru", K, true),
    d("rambler.ru", C, true),
    d("gmx.com", C, true),
    d("gmx.de", C, true),
    d("gmx.net", C, true),
    d("gmx.at", V, true),
    d("gmx.ch", V, true),
    d("web.de", C, true),
    d("t-online.de", C, true),
    d("freenet.de", C, true),
    d("posteo.de", C, true),
    d("mail.de", K, true),
    d("online.de", K, true),
    d("naver.com", C, true),
    d("hanmail.net", C, true),
    d("daum.net", C, true),
    d("nate.com", C, true),
    d("kakao.com", K, true),
    d("orange.fr", C, true),
    d("wanadoo.fr", C, true),
    d("free.fr", C, true),
    d("sfr.fr", C, true),
    d("laposte.net", C, true),
    d("libero.it", C, true),
    d("virgilio.it", C, true),
    d("alice.it", C, true),
    d("tin.it", C, true),
    d("tim.it", K, true),
    d("tiscali.it", C, true),
    d("btinternet.com", C, true),
    d("virginmedia.com", C, true),
    d("ntlworld.com", C, true),
    d("sky.com", K, true),
    d("talktalk.net", K, true),
    d("comcast.net", C, true),
    d("verizon.net", C, true),
    d("att.net", C, true),
    d("sbcglobal.net", C, true),
    d("earthlink.net", C, true),
    d("cox.net", K, true),
    d("q.com", K, true),
    d("charter.net", K, true),
    d("bellsouth.net", K, true),
    d("optonline.net", K, true),
    d("shaw.ca", K, true),
    d("rogers.com", K, true),
    d("sympatico.ca", K, true),
    d("bigpond.com", C, true),
    d("optusnet.com.au", C, true),
    d("bol.com.br", C, true),
    d("terra.com.br", C, true),
    d("uol.com.br", C, true),
    d("rediffmail.com", C, true),
    d("singnet.com.sg", C, true),
    d("hinet.net", C, true),
    d("ms1.hinet.net", K, true),
    d("netvigator.com", C, true),
    d("tutanota.com", C, true),
    d("tuta.io", C, true),
    d("fastmail.com", C, true),
    d("fastmail.fm", K, true),
    d("hey.com", C, true),
    d("mail.com", K, true),
    d("email.com", K, true),
    d("usa.com", K, true),
    d("centrum.cz", C, true),
    d("seznam.cz", C, true),
    d("onet.pl", C, true),
    d("wp.pl", K, true),
    d("o2.pl", K, true),
    d("interia.pl", K, true),
    d("ukr.net", K, true),
    d("i.softbank.jp", K, true),
    d("docomo.ne.jp", K, true),
    d("ezweb.ne.jp", K, true),
];

/// Second-level labels that form a public suffix under a two-letter country TLD (`com.cn`, `co.uk`,
/// `edu.tw`, `ne.jp` ...): the registrable name sits left of them. Source: the public suffix list's
/// ICANN section, the generic patterns shared by most ccTLDs.
const SECOND_LEVEL: &[&str] =
    &["com", "net", "org", "edu", "gov", "ac", "co", "ne", "or", "go", "mil", "gob", "nic", "ltd", "plc", "sch"];

/// Splits a lowercase ASCII domain into (name, suffix): `vip.163.com` → (`vip.163`, `com`),
/// `pku.edu.cn` → (`pku`, `edu.cn`). A domain without a dot is all name.
pub fn split_suffix(domain: &str) -> (&str, &str) {
    let Some(last_dot) = domain.rfind('.') else { return (domain, "") };
    let tld = &domain[last_dot + 1..];
    let rest = &domain[..last_dot];
    if tld.len() == 2 {
        if let Some(dot) = rest.rfind('.') {
            let second = &rest[dot + 1..];
            if SECOND_LEVEL.contains(&second) {
                return (&rest[..dot], &domain[dot + 1..]);
            }
        }
    }
    (rest, tld)
}

/// The table entry for `domain` (lowercase ASCII), if it is a known mail domain. Asked several times
/// per address on every keystroke, so it is one hash and (mostly) one comparison: an open-addressing
/// table of indexes into [`DOMAINS`], built once.
pub fn find(domain: &str) -> Option<&'static MailDomain> {
    find_bytes(domain.as_bytes())
}

/// [`find`] for the bytes of a domain (lowercase ASCII), without making them a `str` first.
pub fn find_bytes(bytes: &[u8]) -> Option<&'static MailDomain> {
    let table = find_table();
    if bytes.len() > FIND_MAX_LEN {
        return None;
    }
    let mut h = find_hash(bytes);
    loop {
        let i = *table.get(h)?;
        let m = DOMAINS.get(usize::from(i))?; // u16::MAX: an empty slot, the end of the probe
        if m.domain.len() == bytes.len() && m.domain.as_bytes() == bytes {
            return Some(m);
        }
        h = (h + 1) & (FIND_SLOTS - 1);
    }
}

/// [`find`]'s table, built on first use.
fn find_table() -> &'static [u16] {
    FIND_TABLE.get_or_init(|| {
        let mut t = vec![u16::MAX; FIND_SLOTS];
        for (i, m) in DOMAINS.iter().enumerate() {
            let mut h = find_hash(m.domain.as_bytes());
            while t[h] != u16::MAX {
                h = (h + 1) & (FIND_SLOTS - 1);
            }
            t[h] = i as u16;
        }
        t
    })
}

/// [`find`]'s table: indexes into [`DOMAINS`] (`u16::MAX`: empty), built once.
static FIND_TABLE: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();

/// Slots of [`find`]'s table: a power of two, at least four times the entries (short probes).
const FIND_SLOTS: usize = 1024;
/// No table domain is longer (a longer string is not looked up).
pub const FIND_MAX_LEN: usize = 32;

/// FNV-1a over the bytes from the last to the first, folded to a slot of [`find`]'s table.
/// Backwards, so that [`longest_suffix`] gets the hash of every suffix of a text in one pass.
fn find_hash(bytes: &[u8]) -> usize {
    fold_slot(bytes.iter().rev().fold(FNV_START, fnv_step))
}

const FNV_START: u32 = 0x811c_9dc5;

fn fnv_step(h: u32, &b: &u8) -> u32 {
    (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
}

fn fold_slot(h: u32) -> usize {
    ((h ^ (h >> 16)) as usize) & (FIND_SLOTS - 1)
}

/// The longest table domain that `lower` (lowercase) ends with, starting at a char boundary at or
/// after byte `from`: its start and entry. One backward pass hashes every suffix.
pub fn longest_suffix(lower: &str, from: usize) -> Option<(usize, &'static MailDomain)> {
    let table = find_table();
    let bytes = lower.as_bytes();
    let mut h = FNV_START;
    let mut best = None;
    for k in (from..bytes.len()).rev() {
        h = fnv_step(h, &bytes[k]);
        if bytes.len() - k > FIND_MAX_LEN {
            break;
        }
        if !lower.is_char_boundary(k) {
            continue;
        }
        let suffix = &bytes[k..];
        let mut slot = fold_slot(h);
        while let Some(m) = table.get(slot).and_then(|&i| DOMAINS.get(usize::from(i))) {
            if m.domain.as_bytes() == suffix {
                best = Some((k, m));
                break;
            }
            slot = (slot + 1) & (FIND_SLOTS - 1);
        }
    }
    best
}

/// A table entry split into name and suffix once (the typo search runs on every keystroke).
#[derive(Debug)]
pub struct Split {
    pub name: &'static str,
    pub suffix: &'static str,
    pub entry: &'static MailDomain,
    /// The set of bytes of `name` (see [`byte_set`]), for a cheap lower bound before the distance.
    pub name_set: u64,
    /// The set of bytes of the whole domain.
    pub domain_set: u64,
    /// `name` is all digits (163, 126, 139 ...).
    pub digits: bool,
}

/// The set of (byte mod 64) values in `s`: two strings whose sets differ by k members on one side
/// need at least k edits.
pub fn byte_set(s: &[u8]) -> u64 {
    s.iter().fold(0u64, |m, &b| m | 1 << (b & 63))
}

/// All entries, split.
pub fn splits() -> &'static [Split] {
    static SPLITS: std::sync::OnceLock<Vec<Split>> = std::sync::OnceLock::new();
    SPLITS.get_or_init(|| {
        DOMAINS
            .iter()
            .map(|m| {
                let (name, suffix) = split_suffix(m.domain);
                Split {
                    name,
                    suffix,
                    entry: m,
                    name_set: byte_set(name.as_bytes()),
                    domain_set: byte_set(m.domain.as_bytes()),
                    digits: name.bytes().all(|b| b.is_ascii_digit()),
                }
            })
            .collect()
    })
}

/// Domains a typo may be a slip for.
pub fn targets() -> impl Iterator<Item = &'static Split> {
    splits().iter().filter(|s| s.entry.tier != Tier::Known)
}

/// All typo targets, as a slice.
pub fn all_targets() -> &'static [&'static Split] {
    static ALL: std::sync::OnceLock<Vec<&'static Split>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| targets().collect())
}

/// The typo targets with a given suffix (`com`, `net`, `co.uk` ...), grouped once.
pub fn targets_with_suffix(suffix: &str) -> &'static [&'static Split] {
    static GROUPS: std::sync::OnceLock<Vec<(&'static str, Vec<&'static Split>)>> = std::sync::OnceLock::new();
    let groups = GROUPS.get_or_init(|| {
        let mut g: Vec<(&'static str, Vec<&'static Split>)> = Vec::new();
        for s in targets() {
            match g.iter_mut().find(|(k, _)| *k == s.suffix) {
                Some((_, v)) => v.push(s),
                None => g.push((s.suffix, vec![s])),
            }
        }
        g
    });
    groups.iter().find(|(k, _)| *k == suffix).map(|(_, v)| v.as_slice()).unwrap_or(&[])
}

/// The domains of a brand (`name` as split by [`split_suffix`]): `sina` → sina.com, sina.cn, ...
pub fn of_brand(name: &str) -> impl Iterator<Item = &'static MailDomain> + '_ {
    brand(name).iter().map(|s| s.entry)
}

/// The same, split (the entries sorted by domain; no allocation).
pub fn brand(name: &str) -> &'static [&'static Split] {
    static BY_NAME: std::sync::OnceLock<Vec<&'static Split>> = std::sync::OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        let mut v: Vec<&'static Split> = splits().iter().collect();
        crate::knowledge::sort_small_by_key(&mut v, |s| (s.name, s.entry.domain));
        v
    });
    let start = by_name.partition_point(|s| s.name < name);
    let len = by_name[start..].iter().take_while(|s| s.name == name).count();
    &by_name[start..start + len]
}

/// Is the brand international (country variants exist, so an unknown country TLD may be real)?
pub fn brand_is_international(name: &str) -> bool {
    of_brand(name).any(|m| m.tier == Tier::Variant)
}

/// Suffixes that are a known slip for a brand whose real suffix is `real` (`.cn` typed for a `.com`
/// provider, `.com` for a `.net` one). Lands on real TLDs, so the TLD check alone misses them.
pub fn confused_suffix(real: &str, typed: &str) -> bool {
    match real {
        "com" => matches!(typed, "cn" | "cm" | "om" | "co" | "net" | "org" | "cc" | "cx" | "vn"),
        "net" => matches!(typed, "com" | "cn" | "ne" | "nt" | "et" | "org"),
        "cn" => matches!(typed, "com" | "cm" | "cc"),
        _ => false,
    }
}

/// Common TLDs a mistyped TLD is compared against (most likely first).
pub const COMMON_TLDS: &[&str] = &[
    "com", "net", "cn", "org", "com.cn", "edu", "edu.cn", "gov", "de", "fr", "uk", "co.uk", "jp", "ru", "it", "hk",
    "tw", "kr", "info", "io", "us", "ca", "au", "es", "nl", "br", "in", "sg",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_suffixes() {
        assert_eq!(split_suffix("vip.163.com"), ("vip.163", "com"));
        assert_eq!(split_suffix("pku.edu.cn"), ("pku", "edu.cn"));
        assert_eq!(split_suffix("hotmail.co.uk"), ("hotmail", "co.uk"));
        assert_eq!(split_suffix("qq"), ("qq", ""));
        assert_eq!(split_suffix("a.b.de"), ("a.b", "de"));
        assert_eq!(split_suffix(".com"), ("", "com"));
    }

    #[test]
    fn table_is_clean() {
        for (i, m) in DOMAINS.iter().enumerate() {
            assert!(m.domain.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'));
            assert!(crate::knowledge::tlds::exists(m.domain.rsplit('.').next().unwrap_or("")), "{}", m.domain);
            assert!(DOMAINS[..i].iter().all(|o| o.domain != m.domain), "duplicate {}", m.domain);
        }
        assert!(brand_is_international("hotmail") && !brand_is_international("qq"));
        assert!(DOMAINS.len() * 4 <= FIND_SLOTS && DOMAINS.len() < usize::from(u16::MAX));
        for m in DOMAINS {
            assert!(m.domain.len() <= FIND_MAX_LEN, "{}", m.domain);
            assert_eq!(find(m.domain).map(|f| f.domain), Some(m.domain));
        }
        for x in ["", "qq", "qq.co", "163.comm", "gmail.com.", "hotmail.co", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p"] {
            assert!(find(x).is_none(), "{x}");
        }
    }
}
