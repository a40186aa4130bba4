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

/// A fixed set of literal byte strings searched for together, in one pass over a text. Natively
/// an Aho-Corasick automaton (the `aho-corasick` crate the `regex` crate is built on); in wasm,
/// where size matters more than speed, a scan with the literals bucketed by their first two bytes.
/// Both give the same answers (the golden tests run under both builds).
pub struct Literals {
    #[cfg(feature = "full-regex")]
    ac: Option<aho_corasick::AhoCorasick>,
    #[cfg(not(feature = "full-regex"))]
    scan: BucketScan,
}

impl Literals {
    /// Literals searched for every occurrence ([`Literals::each`]).
    pub fn all(literals: &[&[u8]]) -> Literals {
        Literals::build(literals, false)
    }

    /// Literals searched for the leftmost occurrence ([`Literals::first`]).
    pub fn leftmost(literals: &[&[u8]]) -> Literals {
        Literals::build(literals, true)
    }

    #[cfg(feature = "full-regex")]
    fn build(literals: &[&[u8]], leftmost: bool) -> Literals {
        use aho_corasick::{AhoCorasick, MatchKind};
        let kind = if leftmost { MatchKind::LeftmostFirst } else { MatchKind::Standard };
        let ac = AhoCorasick::builder().match_kind(kind).build(literals);
        debug_assert!(ac.is_ok(), "literal set: {ac:?}");
        Literals { ac: ac.ok() }
    }

    #[cfg(not(feature = "full-regex"))]
    fn build(literals: &[&[u8]], _leftmost: bool) -> Literals {
        Literals { scan: BucketScan::new(literals) }
    }

    /// Calls `f(literal index, start)` for every occurrence of every literal in `hay`,
    /// overlapping ones included, in no particular order (a set built with [`Literals::all`]).
    pub fn each(&self, hay: &[u8], mut f: impl FnMut(usize, usize)) {
        #[cfg(feature = "full-regex")]
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(hay) {
                f(m.pattern().as_usize(), m.start());
            }
        }
        #[cfg(not(feature = "full-regex"))]
        self.scan.each(hay, |i, at| {
            f(i, at);
            true
        });
    }

    /// The leftmost occurrence of any literal as (literal index, start); of literals starting at
    /// the same byte, the first in the list (a set built with [`Literals::leftmost`]).
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

/// The portable scanner behind [`Literals`]: each position of the text is looked up in a bucket of
/// the literals that start with its byte and the low bits of the next, tried in list order.
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

#[cfg(test)]
mod tests {
    use super::compile;

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
