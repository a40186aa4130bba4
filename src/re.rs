//! One name for the regex engine. Natively (feature `full-regex`, the default) the `regex` crate;
//! in wasm `regex-lite`, which is a fraction of the size. Patterns must stay in the common subset
//! (no Unicode classes beyond what regex-lite supports: write `(?i)` for ASCII case-insensitivity
//! and literal Chinese text); the golden tests run under both builds to prove parity. `\b`, `\d`,
//! `\s` and the like mean their ASCII classes in both: [`compile`] spells them out for `regex`.

#[cfg(feature = "full-regex")]
pub use regex::{Regex, RegexBuilder};
#[cfg(not(feature = "full-regex"))]
pub use regex_lite::{Regex, RegexBuilder};

/// Compiles a pattern from a table. Table patterns are tested, so a bad one is a bug: it is
/// reported in debug builds and matches nothing in release builds (the core never panics).
pub fn compile(pattern: &str) -> Option<Regex> {
    #[cfg(feature = "full-regex")]
    let ascii = ascii_classes(pattern);
    #[cfg(feature = "full-regex")]
    let pattern: &str = &ascii;
    match RegexBuilder::new(pattern).size_limit(1 << 22).build() {
        Ok(re) => Some(re),
        Err(e) => {
            debug_assert!(false, "bad pattern {pattern:?}: {e}");
            None
        }
    }
}

/// The pattern with `\b`, `\B`, `\d`, `\D`, `\s`, `\S`, `\w` and `\W` spelled as the ASCII classes
/// regex-lite (the wasm build) reads them as. The `regex` crate reads them as Unicode classes: its
/// `\b` sees no boundary between a Chinese character and a letter, so `\bHL:REP\b` missed
/// `退信HL:REP` natively while the browser found it, and its `\d` took full-width digits. Spelled
/// out, both builds give the same answer, and the regex crate's fast DFA also runs on non-ASCII
/// text (it gives up on a Unicode word boundary there).
#[cfg(feature = "full-regex")]
fn ascii_classes(pattern: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !pattern.contains('\\') {
        return Cow::Borrowed(pattern);
    }
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut chars = pattern.chars().peekable();
    // Inside a bracketed class, a class is written as a nested class (the regex crate's union).
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push(c);
                    break;
                };
                let ascii = match e {
                    'b' if class_depth == 0 => "(?-u:\\b)",
                    'B' if class_depth == 0 => "(?-u:\\B)",
                    'd' => "[0-9]",
                    'D' => "[^0-9]",
                    's' => "[\\t\\n\\x0B\\x0C\\r ]",
                    'S' => "[^\\t\\n\\x0B\\x0C\\r ]",
                    'w' => "[0-9A-Za-z_]",
                    'W' => "[^0-9A-Za-z_]",
                    _ => {
                        out.push(c);
                        out.push(e);
                        continue;
                    }
                };
                out.push_str(ascii);
            }
            '[' => {
                out.push(c);
                class_depth += 1;
                // A `]` right after `[` or `[^` is a literal, not the end of the class.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if class_depth > 0 => {
                out.push(c);
                class_depth -= 1;
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A fixed set of literal byte strings searched for together, in one pass over a text, for the
/// leftmost occurrence. Natively an Aho-Corasick automaton (the `aho-corasick` crate the `regex`
/// crate is built on); in wasm, where size matters more than speed, a scan with the literals
/// bucketed by their first two bytes. Both give the same answers (the golden tests run under both
/// builds). For every occurrence of a larger set, see [`LiteralSet`].
pub struct Literals {
    #[cfg(feature = "full-regex")]
    ac: Option<aho_corasick::AhoCorasick>,
    #[cfg(not(feature = "full-regex"))]
    scan: BucketScan,
}

impl Literals {
    /// Literals searched for the leftmost occurrence ([`Literals::first`]).
    #[cfg(feature = "full-regex")]
    pub fn leftmost(literals: &[&[u8]]) -> Literals {
        use aho_corasick::{AhoCorasick, MatchKind};
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(literals);
        debug_assert!(ac.is_ok(), "literal set: {ac:?}");
        Literals { ac: ac.ok() }
    }

    /// Literals searched for the leftmost occurrence ([`Literals::first`]).
    #[cfg(not(feature = "full-regex"))]
    pub fn leftmost(literals: &[&[u8]]) -> Literals {
        Literals { scan: BucketScan::new(literals) }
    }

    /// The leftmost occurrence of any literal as (literal index, start); of literals starting at
    /// the same byte, the first in the list.
    pub fn first(&self, hay: &[u8]) -> Option<(usize, usize)> {
        #[cfg(feature = "full-regex")]
        {
            let m = self.ac.as_ref()?.find(hay)?;
            Some((m.pattern().as_usize(), m.start()))
        }
        #[cfg(not(feature = "full-regex"))]
        {
            let mut found = None;
            self.scan.each(hay, |i, at| {
                found = Some((i, at));
                false
            });
            found
        }
    }
}

/// The portable scanner behind [`Literals`] in wasm: each position of the text is looked up in a
/// bucket of the literals that start with its byte and the low bits of the next, tried in list
/// order.
#[cfg(not(feature = "full-regex"))]
struct BucketScan {
    literals: Vec<Vec<u8>>,
    buckets: Vec<Vec<usize>>,
}

#[cfg(not(feature = "full-regex"))]
impl BucketScan {
    fn key(first: u8, second: u8) -> usize {
        (usize::from(first) << 4) | usize::from(second & 0x0f)
    }

    fn new(literals: &[&[u8]]) -> BucketScan {
        let mut buckets = vec![Vec::new(); 4096];
        for (i, l) in literals.iter().enumerate() {
            match l {
                [] => {}
                [c] => {
                    for d in 0..16u8 {
                        if let Some(b) = buckets.get_mut(Self::key(*c, d)) {
                            b.push(i);
                        }
                    }
                }
                [c, d, ..] => {
                    if let Some(b) = buckets.get_mut(Self::key(*c, *d)) {
                        b.push(i);
                    }
                }
            }
        }
        BucketScan { literals: literals.iter().map(|l| l.to_vec()).collect(), buckets }
    }

    /// Every occurrence, by start position then list order, until `f` returns false.
    fn each(&self, hay: &[u8], mut f: impl FnMut(usize, usize) -> bool) {
        for (at, &c) in hay.iter().enumerate() {
            let next = hay.get(at + 1).copied().unwrap_or(0);
            let Some(bucket) = self.buckets.get(Self::key(c, next)) else { continue };
            for &i in bucket {
                let rest = hay.get(at..).unwrap_or(&[]);
                if self.literals.get(i).is_some_and(|l| rest.starts_with(l)) && !f(i, at) {
                    return;
                }
            }
        }
    }
}

impl Literals {
    /// Whether any of the literals occurs in `hay`.
    pub fn any(&self, hay: &str) -> bool {
        self.first(hay.as_bytes()).is_some()
    }
}

/// A static list of literals as a [`Literals`] set, built on first use:
/// `static SET: OnceLock<Literals> = OnceLock::new(); set(&SET, LIST).any(text)`.
pub fn set(cell: &'static std::sync::OnceLock<Literals>, list: &[&str]) -> &'static Literals {
    cell.get_or_init(|| {
        let bytes: Vec<&[u8]> = list.iter().map(|l| l.as_bytes()).collect();
        Literals::leftmost(&bytes)
    })
}

/// A fixed set of literal byte strings (fewer than 65,536), every occurrence of each found in one
/// pass over a text: the reason phrases and the provider codes' keys, sets of hundreds.
///
/// Each literal is filed under one window of its bytes: 8 bytes wide for literals of 8 bytes or
/// more, 4 for those of 4 to 7; of its windows, one whose hash bucket is the least full, and of
/// those the one of the least common bytes (`commonness`). At each position
/// of the text, the window starting there is hashed and two bits of a Bloom filter tested (almost
/// every position stops there); then the literals in its bucket filed under that window are
/// checked in full. Literals under 4 bytes are tried where their first byte occurs.
///
/// The overlapping Aho-Corasick automaton this replaced steps from state to state through a 400 KB
/// table, a chain of dependent loads that missed the cache a byte at a time (8% of the time of
/// `explain` over the dev corpus). Here the positions are independent, and the filter a position
/// tests is 8 KB a tier.
pub struct LiteralSet {
    literals: Vec<Vec<u8>>,
    /// Literals of 8 bytes or more, by 8-byte windows.
    long: Tier,
    /// Literals of 4 to 7 bytes, by 4-byte windows.
    mid: Tier,
    /// Literals of 1 to 3 bytes, and which bytes start one.
    short: Vec<u32>,
    short_first: [bool; 256],
}

/// The literals filed under windows of one width.
struct Tier {
    /// A Bloom filter of 2^16 bits, two bits a window.
    filter: Vec<u64>,
    /// `entries[starts[b]..starts[b + 1]]` are filed under windows whose hash falls in bucket `b`
    /// (a set holds fewer than 65,536 literals).
    starts: Vec<u16>,
    /// (window, literal, offset of the window in the literal), by bucket.
    entries: Vec<(u64, u32, u32)>,
}

impl Tier {
    const BUCKET_BITS: u32 = 12;

    /// The window's hash: the filter's two bits from its low 32 bits, the bucket from its top bits.
    fn hash(window: u64) -> u64 {
        // A multiply alone leaves the low bits depending on the window's first bytes only; the
        // shifts fold every byte into every bit used.
        let h = (window ^ (window >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^ (h >> 32)
    }

    fn bucket(h: u64) -> usize {
        (h >> (64 - Self::BUCKET_BITS)) as usize
    }

    /// The tier of literals filed as (window, literal, offset of the window in it).
    fn build(filed: &[(u64, u32, u32)]) -> Tier {
        let mut filter = vec![0u64; 1 << 10];
        let buckets = 1usize << Self::BUCKET_BITS;
        let mut starts = vec![0u16; buckets + 1];
        for &(w, _, _) in filed {
            let h = Self::hash(w);
            for bit in [(h & 0xffff) as usize, ((h >> 16) & 0xffff) as usize] {
                if let Some(word) = filter.get_mut(bit >> 6) {
                    *word |= 1 << (bit & 63);
                }
            }
            if let Some(s) = starts.get_mut(Self::bucket(h) + 1) {
                *s = s.saturating_add(1);
            }
        }
        for b in 0..buckets {
            let prev = starts.get(b).copied().unwrap_or(0);
            if let Some(s) = starts.get_mut(b + 1) {
                *s = s.saturating_add(prev);
            }
        }
        // Each entry into its bucket's next free slot (in list order within a bucket).
        let mut next = starts.clone();
        let mut entries = vec![(0u64, u32::MAX, 0u32); filed.len()];
        for &e in filed {
            let Some(slot) = next.get_mut(Self::bucket(Self::hash(e.0))) else { continue };
            if let Some(place) = entries.get_mut(usize::from(*slot)) {
                *place = e;
            }
            *slot = slot.saturating_add(1);
        }
        Tier { filter, starts, entries }
    }

    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The literals filed under window `w` (which starts at `at`), reported where they occur.
    #[inline]
    fn find(&self, w: u64, literals: &[Vec<u8>], hay: &[u8], at: usize, f: &mut dyn FnMut(usize, usize)) {
        let h = Self::hash(w);
        let set = |bit: u64| self.filter.get((bit >> 6) as usize).is_some_and(|word| word & (1 << (bit & 63)) != 0);
        if !(set(h & 0xffff) && set((h >> 16) & 0xffff)) {
            return;
        }
        self.check(h, w, literals, hay, at, f);
    }

    #[inline(never)]
    fn check(&self, h: u64, w: u64, literals: &[Vec<u8>], hay: &[u8], at: usize, f: &mut dyn FnMut(usize, usize)) {
        let b = Self::bucket(h);
        let (from, to) = (self.starts.get(b).copied().unwrap_or(0), self.starts.get(b + 1).copied().unwrap_or(0));
        for &(window, id, off) in self.entries.get(usize::from(from)..usize::from(to)).unwrap_or(&[]) {
            if window != w {
                continue;
            }
            let Some(start) = at.checked_sub(off as usize) else { continue };
            let Some(l) = literals.get(id as usize) else { continue };
            if hay.get(start..).is_some_and(|h| h.starts_with(l)) {
                f(id as usize, start);
            }
        }
    }
}

impl LiteralSet {
    /// The literals, in the order given to [`LiteralSet::new`] (ids count from 0 in this order).
    pub fn literals(&self) -> impl Iterator<Item = &[u8]> {
        self.literals.iter().map(Vec::as_slice)
    }

    pub fn new(literals: &[&[u8]]) -> LiteralSet {
        debug_assert!(literals.len() < 1 << 16, "a bucket's bounds are 16-bit");
        let mut long = Vec::new();
        let mut mid = Vec::new();
        let mut short = Vec::new();
        let mut short_first = [false; 256];
        // How many windows each tier has filed per bucket so far: each literal takes the window
        // whose bucket is the least full, which also spreads literals that share a prefix.
        let mut load = [vec![0u16; 1 << Tier::BUCKET_BITS], vec![0u16; 1 << Tier::BUCKET_BITS]];
        for (i, l) in literals.iter().enumerate() {
            let Ok(id) = u32::try_from(i) else { break };
            let (width, tier) = match l.len() {
                0 => continue,
                1..=3 => {
                    short.push(id);
                    if let Some(&c) = l.first() {
                        short_first[usize::from(c)] = true;
                    }
                    continue;
                }
                4..=7 => (4, 1),
                _ => (8, 0),
            };
            let Some(load) = load.get_mut(tier) else { continue };
            let bucket = |w: u64| Tier::bucket(Tier::hash(w));
            let best = (0..=l.len() - width)
                .filter_map(|off| Some((window(l.get(off..off + width)?), off)))
                .min_by_key(|&(w, _)| (load.get(bucket(w)).copied().unwrap_or(0), commonness(w)));
            let Some((w, off)) = best else { continue };
            if let Some(n) = load.get_mut(bucket(w)) {
                *n = n.saturating_add(1);
            }
            let entry = (w, id, u32::try_from(off).unwrap_or(0));
            if tier == 0 {
                long.push(entry);
            } else {
                mid.push(entry);
            }
        }
        LiteralSet {
            literals: literals.iter().map(|l| l.to_vec()).collect(),
            long: Tier::build(&long),
            mid: Tier::build(&mid),
            short,
            short_first,
        }
    }

    /// Calls `f(literal index, start)` for every occurrence of every literal in `hay`, overlapping
    /// ones included, each once, in no particular order.
    pub fn each(&self, hay: &[u8], mut f: impl FnMut(usize, usize)) {
        self.each_dyn(hay, &mut f);
    }

    /// [`LiteralSet::each`] compiled once, not once per caller (hits are rare: the call through a
    /// pointer costs nothing worth the code size, which counts in wasm).
    fn each_dyn(&self, hay: &[u8], f: &mut dyn FnMut(usize, usize)) {
        let has_mid = !self.mid.is_empty();
        let has_short = !self.short.is_empty();
        let mut at = 0;
        // Where 8 bytes remain, one load gives both windows.
        while let Some(w8) = hay.get(at..at + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
            let w = u64::from_le_bytes(w8);
            self.long.find(w, &self.literals, hay, at, f);
            if has_mid {
                self.mid.find(w & 0xffff_ffff, &self.literals, hay, at, f);
            }
            if has_short && self.short_first[usize::from(w8[0])] {
                self.check_short(hay, at, f);
            }
            at += 1;
        }
        while let Some(&c) = hay.get(at) {
            if has_mid {
                if let Some(w) = hay.get(at..at + 4).map(window) {
                    self.mid.find(w, &self.literals, hay, at, f);
                }
            }
            if has_short && self.short_first[usize::from(c)] {
                self.check_short(hay, at, f);
            }
            at += 1;
        }
    }

    fn check_short(&self, hay: &[u8], at: usize, f: &mut dyn FnMut(usize, usize)) {
        let rest = hay.get(at..).unwrap_or(&[]);
        for &id in &self.short {
            if self.literals.get(id as usize).is_some_and(|l| rest.starts_with(l)) {
                f(id as usize, at);
            }
        }
    }
}

/// How common a window's bytes are in English prose (a space 8, `e` 6, ... a digit or a rare letter
/// 1): of a literal's windows, the rarest is filed, so that fewer positions of a text pass the
/// filter only to fail the full comparison.
fn commonness(window: u64) -> u32 {
    window
        .to_le_bytes()
        .iter()
        .map(|&b| match b {
            b' ' => 8,
            b'e' => 6,
            b't' | b'a' | b'o' | b'i' | b'n' | b's' | b'r' => 5,
            b'h' | b'l' | b'd' | b'c' | b'u' | b'm' => 4,
            b'f' | b'p' | b'g' | b'w' | b'y' | b'b' | b'.' => 3,
            b'v' | b'k' | b',' | b'-' | b':' => 2,
            0 => 0,
            _ => 1,
        })
        .sum()
}

/// Up to 8 bytes as a number (little-endian).
fn window(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = *s;
    }
    u64::from_le_bytes(buf)
}

#[cfg(test)]
mod tests {
    use super::{compile, LiteralSet};

    /// Every (literal, start) where the literal occurs, by brute force.
    fn occurrences(literals: &[&[u8]], hay: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, l) in literals.iter().enumerate() {
            for at in 0..hay.len() {
                if !l.is_empty() && hay[at..].starts_with(l) {
                    out.push((i, at));
                }
            }
        }
        out.sort_unstable();
        out
    }

    fn each(set: &LiteralSet, hay: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        set.each(hay, |i, at| out.push((i, at)));
        out.sort_unstable();
        out
    }

    /// Every occurrence, each once: literals of every length class (under 4, 4 to 7, 8 and more),
    /// sharing prefixes and windows, duplicated, overlapping, at both ends of the text, in texts
    /// of every length around the window widths. A small alphabet makes hits and near misses common.
    #[test]
    fn literal_set_finds_every_occurrence() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..400 {
            let count = 1 + (next() % 40) as usize;
            let owned: Vec<Vec<u8>> = (0..count)
                .map(|_| {
                    let len = 1 + (next() % 14) as usize;
                    (0..len).map(|_| b"abc d"[(next() % 5) as usize]).collect()
                })
                .collect();
            let mut literals: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
            if round % 7 == 0 {
                literals.push(literals[0]);
            }
            let set = LiteralSet::new(&literals);
            for len in [0, 1, 3, 4, 7, 8, 9, 15, 16, 64, 300] {
                let hay: Vec<u8> = (0..len).map(|_| b"abc d"[(next() % 5) as usize]).collect();
                assert_eq!(each(&set, &hay), occurrences(&literals, &hay), "{literals:?} in {hay:?}");
            }
        }
    }

    #[test]
    fn literal_set_reads_non_ascii_and_empty_literals() {
        let literals: [&[u8]; 4] = [b"", "退信".as_bytes(), "邮箱已满".as_bytes(), b"\xff\x00x"];
        let set = LiteralSet::new(&literals);
        let hay = "x退信: 邮箱已满, 退信\u{0}".as_bytes();
        assert_eq!(each(&set, hay), occurrences(&literals, hay));
        assert_eq!(each(&set, &[0xff, 0, b'x', 0xff]), vec![(3, 0)]);
    }

    /// Both builds read `\b`, `\d`, `\s`, `\S` as ASCII classes (see `ascii_classes`).
    #[test]
    fn perl_classes_are_ascii_in_both_builds() {
        let tag = compile(r"(?i)\bHL:REP\b").expect("compiles");
        assert!(tag.is_match("退信HL:REP"), "a Chinese character before the tag is a boundary");
        assert!(tag.is_match("原因：hl:rep，请稍后"));
        assert!(!tag.is_match("XHL:REP"));
        let code = compile(r"\b\d{3}\b").expect("compiles");
        assert!(code.is_match("退信码550被拒"));
        assert!(!code.is_match("５５０"), "full-width digits are not \\d");
        let gap = compile(r"a\sb").expect("compiles");
        assert!(gap.is_match("a b") && !gap.is_match("a\u{3000}b"), "an ideographic space is not \\s");
        let word = compile(r"^\S+$").expect("compiles");
        assert!(word.is_match("邮箱\u{3000}满"), "\\S is anything but ASCII white space");
        let status = compile(r"^[\d.]+$").expect("compiles");
        assert!(status.is_match("5.1.1") && !status.is_match("5.1.x"));
    }

    #[cfg(feature = "full-regex")]
    #[test]
    fn ascii_classes_spells_out_classes() {
        use super::ascii_classes;
        assert_eq!(ascii_classes(r"(?i)\bIP\s*<"), r"(?i)(?-u:\b)IP[\t\n\x0B\x0C\r ]*<");
        assert_eq!(ascii_classes(r"[\d.-]+\D"), r"[[0-9].-]+[^0-9]");
        assert_eq!(ascii_classes(r"[]\d]\\d\.\("), r"[][0-9]]\\d\.\(");
        assert_eq!(ascii_classes(r"[^]x]\w"), r"[^]x][0-9A-Za-z_]");
        assert_eq!(ascii_classes("退信"), "退信");
    }
}
