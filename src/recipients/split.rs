//! Splitting a field into recipients, with offsets in chars, and reading `名字 <addr>` forms.

/// Characters that separate recipients. The full-width ones are what a Chinese input method types;
/// a webmail may not understand them (reported by the field checks).
pub fn is_separator(c: char) -> bool {
    matches!(c, ';' | ',' | '\n' | '\r' | '；' | '，' | '、')
}

/// Full-width separators a webmail may not understand.
pub fn is_fullwidth_separator(c: char) -> bool {
    matches!(c, '；' | '，' | '、')
}

/// One stretch of the field between separators, ASCII blanks trimmed. Offsets in chars, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// The separator right after this segment (with only blanks between), if any.
    pub sep: Option<char>,
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t')
}

/// Splits `chars` on separators outside quotes and angle brackets. Keeps at most `max` non-empty
/// segments and returns them with the number of all non-empty segments.
pub fn split(chars: &[char], max: usize) -> (Vec<Segment>, usize) {
    let mut out = Vec::new();
    let total = split_each(chars, max, |s| out.push(s));
    (out, total)
}

/// [`split`], giving each kept segment to `keep` (no vector of them): returns the number of all
/// non-empty segments.
pub fn split_each(chars: &[char], max: usize, mut keep: impl FnMut(Segment)) -> usize {
    let mut total = 0usize;
    let mut kept = 0usize;
    let (mut quoted, mut angle) = (false, false);
    let mut start = 0usize;
    let mut i = 0usize;
    while i <= chars.len() {
        let c = chars.get(i).copied();
        // Most of a field is letters, digits, `@` and `.`: nothing to decide for them.
        if c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '@' || c == '.') {
            i += 1;
            continue;
        }
        let boundary = match c {
            None => true,
            Some('"') => {
                quoted = !quoted;
                false
            }
            Some('<' | '＜') if !quoted => {
                angle = true;
                false
            }
            Some('>' | '＞') if !quoted => {
                angle = false;
                false
            }
            Some(c) => !quoted && !angle && is_separator(c),
        };
        if boundary {
            let (mut s, mut e) = (start, i);
            while s < e && is_blank(chars[s]) {
                s += 1;
            }
            while e > s && is_blank(chars[e - 1]) {
                e -= 1;
            }
            if s < e {
                total += 1;
                if kept < max {
                    kept += 1;
                    keep(Segment { start: s, end: e, sep: c });
                }
            }
            // An unclosed quote or bracket must not swallow the rest of the field.
            if c == Some('\n') {
                quoted = false;
                angle = false;
            }
            start = i + 1;
        }
        i += 1;
    }
    total
}

/// A recipient's display name and the chars of its address (offsets relative to the segment).
#[derive(Debug, PartialEq, Eq)]
pub struct Parsed {
    pub name: Option<String>,
    pub addr_start: usize,
    pub addr_end: usize,
    /// The address was inside angle brackets.
    pub bracketed: bool,
}

fn trim_name(chars: &[char]) -> Option<String> {
    let s: String = chars.iter().collect();
    let s = s.trim().trim_matches('"').trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Reads `名字 <addr>`, `"Name, Inc." <addr>` and a bare address.
pub fn parse(seg: &[char]) -> Parsed {
    let mut quoted = false;
    let mut open = None;
    for (i, &c) in seg.iter().enumerate() {
        match c {
            c if c.is_ascii_alphanumeric() || c == '@' || c == '.' => {}
            '"' => quoted = !quoted,
            '<' | '＜' if !quoted => {
                open = Some(i);
                break;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        let close = seg[o + 1..].iter().position(|&c| c == '>' || c == '＞').map(|p| o + 1 + p);
        let end = close.unwrap_or(seg.len());
        return Parsed { name: trim_name(&seg[..o]), addr_start: o + 1, addr_end: end, bracketed: true };
    }
    // `"Name" addr` (but `"local"@domain` is a quoted local part, not a name).
    if seg.first() == Some(&'"') {
        if let Some(q) = seg[1..].iter().position(|&c| c == '"').map(|p| p + 1) {
            let after = seg.get(q + 1).copied();
            if after.is_some() && after != Some('@') {
                let mut s = q + 1;
                while s < seg.len() && seg[s].is_whitespace() {
                    s += 1;
                }
                if s < seg.len() {
                    return Parsed {
                        name: trim_name(&seg[..=q]),
                        addr_start: s,
                        addr_end: seg.len(),
                        bracketed: false,
                    };
                }
            }
        }
    }
    Parsed { name: None, addr_start: 0, addr_end: seg.len(), bracketed: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(s: &str) -> Vec<(String, Option<char>)> {
        let chars: Vec<char> = s.chars().collect();
        split(&chars, 100).0.iter().map(|g| (chars[g.start..g.end].iter().collect(), g.sep)).collect()
    }

    #[test]
    fn splits_on_all_separators() {
        assert_eq!(
            segs("a@qq.com; b@qq.com，c@qq.com、 d@qq.com\ne@qq.com；"),
            vec![
                ("a@qq.com".into(), Some(';')),
                ("b@qq.com".into(), Some('，')),
                ("c@qq.com".into(), Some('、')),
                ("d@qq.com".into(), Some('\n')),
                ("e@qq.com".into(), Some('；')),
            ]
        );
        assert_eq!(segs("\"Zhang, San\" <z@qq.com>, x@y.cn").len(), 2);
        assert_eq!(segs("  ;;, ").len(), 0);
        let chars: Vec<char> = "a,b,c".chars().collect();
        assert_eq!(
            split(&chars, 2),
            (vec![Segment { start: 0, end: 1, sep: Some(',') }, Segment { start: 2, end: 3, sep: Some(',') }], 3)
        );
    }

    #[test]
    fn offsets_are_chars() {
        let chars: Vec<char> = "张三 <z@qq.com>; 李四@163.com".chars().collect();
        let (s, _) = split(&chars, 10);
        assert_eq!((s[0].start, s[0].end), (0, 13));
        assert_eq!((s[1].start, s[1].end), (15, 25));
    }

    #[test]
    fn parses_names() {
        let p = |s: &str| {
            let c: Vec<char> = s.chars().collect();
            let r = parse(&c);
            (r.name, c[r.addr_start..r.addr_end].iter().collect::<String>())
        };
        assert_eq!(p("张三 <z@qq.com>"), (Some("张三".into()), "z@qq.com".into()));
        assert_eq!(p("\"Zhang, San\" <z@qq.com>"), (Some("Zhang, San".into()), "z@qq.com".into()));
        assert_eq!(p("<z@qq.com>"), (None, "z@qq.com".into()));
        assert_eq!(p("\"z\"@qq.com"), (None, "\"z\"@qq.com".into()));
        assert_eq!(p("z@qq.com"), (None, "z@qq.com".into()));
        assert_eq!(p("王五 ＜w@qq.com＞"), (Some("王五".into()), "w@qq.com".into()));
    }
}
