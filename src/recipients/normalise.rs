//! Normalisation of an address as typed: full-width forms to ASCII, invisible characters out,
//! odd spaces to plain ones, look-alike letters of other scripts to Latin. Every change is noted so
//! that it becomes a finding with the fixed address.

use crate::knowledge::confusables::{is_cyrillic_or_greek, latin_lookalike};
use crate::recipients::rules::Rule;

/// The result: the text as it should have been typed, and what was changed (rule, the characters).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Normalised {
    pub text: String,
    pub notes: Vec<(Rule, String)>,
}

impl Normalised {
    fn note(&mut self, rule: Rule, what: String) {
        match self.notes.iter_mut().find(|(r, _)| *r == rule) {
            Some((_, list)) => {
                if !list.split(' ').any(|w| w == what) && list.len() < 60 {
                    list.push(' ');
                    list.push_str(&what);
                }
            }
            None => self.notes.push((rule, what)),
        }
    }
}

/// The ASCII form of a full-width character (U+FF01 `！` to U+FF5E `～`, what a Chinese input method
/// types in full-width mode: `＠`, `５`, `Ｑ`, `：`), or `None` for any other character. Shared by the
/// recipient checker and the reading of pasted bounce text, which each decide which of these to fold.
pub fn full_width_to_ascii(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0),
        _ => None,
    }
}

/// Invisible characters: zero-width spaces and joiners, direction marks, BOM, soft hyphen, fillers.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Spaces other than the ASCII one: no-break, ideographic (full-width), the typographic ones.
pub fn is_unusual_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

fn code(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Normalises the chars of one address.
pub fn normalise(chars: &[char]) -> Normalised {
    let mut n = Normalised { text: String::with_capacity(chars.len()), notes: Vec::new() };
    // Pass 1: context-free mappings.
    let mut spaces_at = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            n.text.push(c);
            continue;
        }
        match c {
            '＠' | '﹫' => {
                n.note(Rule::FullwidthAt, c.to_string());
                n.text.push('@');
            }
            '．' | '。' | '｡' | '﹒' => {
                n.note(Rule::FullwidthDot, c.to_string());
                n.text.push('.');
            }
            '·' | '・' | '･' | '․' | '‧' | '∙' => {
                n.note(Rule::LookalikeDot, c.to_string());
                n.text.push('.');
            }
            '〇' => {
                // The ideographic zero: between letters it stands for `o`, else for `0`.
                let letter = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| c.is_ascii_alphabetic());
                n.note(Rule::FullwidthChar, c.to_string());
                n.text.push(if letter(i.checked_sub(1)) || letter(Some(i + 1)) { 'o' } else { '0' });
            }
            c if let Some(a) = full_width_to_ascii(c) => {
                n.note(Rule::FullwidthChar, c.to_string());
                n.text.push(a);
            }
            c if is_invisible(c) => n.note(Rule::InvisibleChar, code(c)),
            c if is_unusual_space(c) => {
                spaces_at.push((n.text.len(), c));
                n.text.push(' ');
            }
            // Other compatibility forms (mathematical letters, circled digits, ligatures) are left
            // as they are and reported as non-ASCII: NFKC tables would cost ~48 KB gzipped in the wasm
            // for characters no input method types by accident.
            c => n.text.push(c),
        }
    }
    // Odd spaces at the ends are a note of their own; inside, they are spaces like any other.
    let trimmed_len = n.text.trim_end_matches(' ').len();
    let lead = n.text.len() - n.text.trim_start_matches(' ').len();
    for &(at, c) in &spaces_at {
        if at < lead || at >= trimmed_len {
            n.note(Rule::UnusualSpace, code(c));
        }
    }
    // Pass 2: Cyrillic/Greek look-alikes inside an otherwise Latin part (local part or domain).
    if n.text.chars().any(is_cyrillic_or_greek) {
        let mut out = String::with_capacity(n.text.len());
        let mut changed = Vec::new();
        for (k, part) in n.text.split('@').enumerate() {
            if k > 0 {
                out.push('@');
            }
            let latin = part.chars().any(|c| c.is_ascii_alphabetic());
            let foreign_unmapped = part.chars().any(|c| is_cyrillic_or_greek(c) && latin_lookalike(c).is_none());
            for c in part.chars() {
                match latin_lookalike(c) {
                    Some(l) if latin && !foreign_unmapped => {
                        changed.push(format!("{c} {}", code(c)));
                        out.push(l);
                    }
                    _ => out.push(c),
                }
            }
        }
        for what in changed {
            n.note(Rule::LookalikeChar, what.replace(' ', "\u{00A0}"));
        }
        n.text = out;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> (String, Vec<&'static str>) {
        let chars: Vec<char> = s.chars().collect();
        let n = normalise(&chars);
        (n.text, n.notes.iter().map(|(r, _)| r.id()).collect())
    }

    #[test]
    fn maps_and_notes() {
        assert_eq!(norm("a＠qq。com"), ("a@qq.com".into(), vec!["fullwidth-at", "fullwidth-dot"]));
        assert_eq!(norm("ｃａiｔaｏ@163.com"), ("caitao@163.com".into(), vec!["fullwidth-char"]));
        assert_eq!(norm("a\u{200B}b@qq.com"), ("ab@qq.com".into(), vec!["invisible-char"]));
        assert_eq!(norm("\u{00A0}a@qq.com\u{3000}"), (" a@qq.com ".into(), vec!["unusual-space"]));
        assert_eq!(norm("a\u{3000}b@qq.com"), ("a b@qq.com".into(), vec![]));
        assert_eq!(norm("hаppy@qq.com"), ("happy@qq.com".into(), vec!["lookalike-char"]));
        assert_eq!(norm("a@163.c〇m"), ("a@163.com".into(), vec!["fullwidth-char"]));
        assert_eq!(norm("a@gmail·com"), ("a@gmail.com".into(), vec!["lookalike-dot"]));
        // A Russian address stays Russian; a Chinese one stays Chinese.
        assert_eq!(norm("иван@mail.ru"), ("иван@mail.ru".into(), vec![]));
        assert_eq!(norm("张伟@qq.com"), ("张伟@qq.com".into(), vec![]));
    }
}
