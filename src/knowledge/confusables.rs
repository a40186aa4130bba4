//! Look-alike characters: letters of other scripts that render like Latin ones, and the ASCII
//! look-alikes people type by mistake inside a domain (`0` for `o`, `1`/`l`/`I`/`|`, `rn` for `m`).
//!
//! Source: Unicode Technical Standard #39, confusables.txt (the Cyrillic and Greek entries whose
//! prototype is a single lowercase Latin letter, plus capitals that lowercase to one), and the
//! homoglyph cases in compose-anchors.md (email-validator issue #157: `a@qq.cоm` with a Cyrillic о).

/// The Latin letter a Cyrillic or Greek character looks like, if it looks like one.
pub fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' | 'А' => 'a',
        'в' | 'В' => 'b',
        'с' | 'С' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' | 'ё' => 'e',
        'һ' | 'Н' => 'h',
        'і' | 'І' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' => 'k',
        'ӏ' => 'l',
        'м' | 'М' => 'm',
        'о' | 'О' => 'o',
        'р' | 'Р' => 'p',
        'ԛ' => 'q',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' => 't',
        'у' | 'У' => 'y',
        'х' | 'Х' => 'x',
        'ԝ' => 'w',
        // Greek
        'α' | 'Α' => 'a',
        'β' | 'Β' => 'b',
        'ε' | 'Ε' => 'e',
        'η' | 'Η' => 'h',
        'ι' | 'Ι' => 'i',
        'κ' | 'Κ' => 'k',
        'Μ' => 'm',
        'ν' | 'Ν' => 'v',
        'ο' | 'Ο' => 'o',
        'ρ' | 'Ρ' => 'p',
        'τ' | 'Τ' => 't',
        'υ' | 'Υ' => 'u',
        'χ' | 'Χ' => 'x',
        'Ζ' => 'z',
        _ => return None,
    })
}

/// Is `c` a letter of a script with Latin look-alikes (Cyrillic, Greek)?
pub fn is_cyrillic_or_greek(c: char) -> bool {
    matches!(c, '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{052F}')
}

/// Does `typed` read as `target` once ASCII look-alikes are taken for what they resemble
/// (`icl0ud.com` ~ `icloud.com`, `hotrnail.com` ~ `hotmail.com`, `l63.com` ~ `163.com`,
/// `gmai|.com` ~ `gmail.com`)? Both lowercase; exact equality is not a look-alike.
pub fn ascii_lookalike(typed: &str, target: &str) -> bool {
    typed.len() >= target.len()
        && typed.len() <= 2 * target.len()
        && typed != target
        && lookalike_from(typed.as_bytes(), target.as_bytes())
}

fn same_glyph(t: u8, r: u8) -> bool {
    t == r
        || matches!((t, r), (b'0', b'o') | (b'o', b'0'))
        || (matches!(t, b'1' | b'l' | b'i' | b'|' | b'!') && matches!(r, b'1' | b'l' | b'i'))
}

fn lookalike_from(t: &[u8], r: &[u8]) -> bool {
    // Iterative two-pointer walk; the only branch points are the two-letter shapes, where the
    // one-letter reading fails at once unless the letters are equal, so this stays linear.
    let (mut i, mut j) = (0usize, 0usize);
    loop {
        match (t.get(i), r.get(j)) {
            (None, None) => return true,
            (Some(_), None) | (None, Some(_)) => return false,
            (Some(&a), Some(&b)) => {
                let pair = (a, t.get(i + 1).copied().unwrap_or(0), b);
                if matches!(pair, (b'r', b'n', b'm') | (b'v', b'v', b'w') | (b'c', b'l', b'd')) {
                    i += 2;
                    j += 1;
                } else if same_glyph(a, b) {
                    i += 1;
                    j += 1;
                } else {
                    return false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lookalikes() {
        for (t, r) in [
            ("icl0ud.com", "icloud.com"),
            ("hotrnail.com", "hotmail.com"),
            ("l63.com", "163.com"),
            ("i26.com", "126.com"),
            ("gmai|.com", "gmail.com"),
            ("yah00.com", "yahoo.com"),
            ("s1na.com", "sina.com"),
            ("163.corn", "163.com"),
            ("qq.c0m", "qq.com"),
        ] {
            assert!(ascii_lookalike(t, r), "{t}");
        }
        for (t, r) in [("qq.com", "qq.com"), ("jd.com", "qq.com"), ("126.com", "163.com")] {
            assert!(!ascii_lookalike(t, r), "{t}");
        }
    }

    #[test]
    fn scripts() {
        assert_eq!(latin_lookalike('о'), Some('o'));
        assert_eq!(latin_lookalike('ο'), Some('o'));
        assert_eq!(latin_lookalike('я'), None);
        assert!(is_cyrillic_or_greek('я') && !is_cyrillic_or_greek('a'));
    }
}
