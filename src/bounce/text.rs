//! Small text helpers shared by the parsers: addresses, RFC 3463 status codes, SMTP reply codes,
//! SMTP commands and provider tags found in free text. Hand-written scanners (no regex) keep the
//! hot path cheap and behave the same natively and in wasm.

/// `5.1.1`, `4.7.0`, `5.7.515`: class 2/4/5, subject ≤ 3 digits, detail ≤ 3 digits.
pub fn is_status(s: &str) -> bool {
    let mut it = s.split('.');
    let (Some(a), Some(b), Some(c), None) = (it.next(), it.next(), it.next(), it.next()) else {
        return false;
    };
    matches!(a, "2" | "4" | "5")
        && (1..=3).contains(&b.len())
        && b.bytes().all(|x| x.is_ascii_digit())
        && (1..=3).contains(&c.len())
        && c.bytes().all(|x| x.is_ascii_digit())
}

/// The first RFC 3463 status in free text (`550 5.1.1 ...`, `(#5.5.0)`).
pub fn find_status(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut i = 0usize;
    while i < b.len() {
        let c = b.get(i).copied().unwrap_or(0);
        if matches!(c, b'2' | b'4' | b'5') && b.get(i + 1) == Some(&b'.') {
            let prev = if i == 0 { b' ' } else { b.get(i - 1).copied().unwrap_or(b' ') };
            if !prev.is_ascii_alphanumeric() && prev != b'.' && prev != b'-' {
                let mut j = i + 2;
                while j < b.len() && b.get(j).is_some_and(|x| x.is_ascii_digit() || *x == b'.') && j - i < 12 {
                    j += 1;
                }
                let cand = text.get(i..j).unwrap_or("").trim_end_matches('.');
                let next = b.get(i + cand.len()).copied().unwrap_or(b' ');
                if is_status(cand)
                    && !next.is_ascii_alphanumeric()
                    && !(next == b'.' && b.get(i + cand.len() + 1).is_some_and(u8::is_ascii_digit))
                {
                    return Some(cand.to_string());
                }
            }
        }
        i += 1;
    }
    None
}

/// The first SMTP reply code (`550`, `421-`) in free text: three digits starting with 4 or 5,
/// standing alone (not part of an IP address, a date or a longer number).
pub fn find_reply_code(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut i = 0usize;
    while i + 3 <= b.len() {
        let c = b.get(i).copied().unwrap_or(0);
        if matches!(c, b'4' | b'5')
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && b.get(i + 2).is_some_and(u8::is_ascii_digit)
        {
            let prev = if i == 0 { b' ' } else { b.get(i - 1).copied().unwrap_or(b' ') };
            let next = b.get(i + 3).copied().unwrap_or(b' ');
            let prev_ok =
                matches!(prev, b' ' | b'\t' | b'\n' | b':' | b'(' | b'[' | b'\'' | b'"' | b'#' | b';' | b'=' | b'<');
            let next_ok = matches!(next, b' ' | b'-' | b'\t' | b'\r' | b'\n' | b',' | b')' | b'"');
            let mid = b.get(i + 1).copied().unwrap_or(b'9');
            if prev_ok
                && next_ok
                && mid <= b'5'
                && !(next == b'-' && b.get(i + 4).is_some_and(u8::is_ascii_digit) && b.get(i + 5) != Some(&b'.'))
            {
                // `550-5.1.1` and `550 5.1.1` are replies; `450-1234` is not.
                return text.get(i..i + 3).map(str::to_string);
            }
        }
        i += 1;
    }
    None
}

/// Byte ranges of e-mail addresses in a line (a simple, generous scanner).
pub fn find_addresses(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0usize;
    while i < b.len() {
        if b.get(i) == Some(&b'@') {
            let mut s = i;
            while s > 0 && b.get(s - 1).is_some_and(|&c| is_local_char(c)) {
                s -= 1;
            }
            let mut e = i + 1;
            if b.get(e) == Some(&b'[') {
                while e < b.len() && b.get(e) != Some(&b']') && e - i < 64 {
                    e += 1;
                }
                e = (e + 1).min(b.len());
            } else {
                while e < b.len()
                    && b.get(e).is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.' || c == b'_')
                {
                    e += 1;
                }
            }
            while e > i + 1 && b.get(e - 1).is_some_and(|&c| c == b'.' || c == b'-') {
                e -= 1;
            }
            while s < i && b.get(s).is_some_and(|&c| c == b'.') {
                s += 1;
            }
            if s < i && e > i + 1 && out.len() < 50 {
                out.push((s, e));
            }
            i = e.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn is_local_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&c)
}

/// The SMTP command a failure happened at, from phrases MTAs use.
pub fn find_command(lower: &str) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("in reply to rcpt to", "RCPT"),
        ("after rcpt to", "RCPT"),
        (">>> rcpt to", "RCPT"),
        ("in rcpt to", "RCPT"),
        ("rcpt to response", "RCPT"),
        ("in reply to mail from", "MAIL"),
        ("after mail from", "MAIL"),
        (">>> mail from", "MAIL"),
        ("in reply to end of data", "DATA"),
        ("after end of data", "DATA"),
        ("in reply to data", "DATA"),
        ("after data", "DATA"),
        (">>> data", "DATA"),
        ("in reply to helo", "HELO"),
        ("in reply to ehlo", "HELO"),
        ("after helo", "HELO"),
        ("after ehlo", "HELO"),
        ("after initial connection", "CONN"),
        ("while connected to", "CONN"),
        ("in reply to starttls", "STARTTLS"),
    ];
    TABLE.iter().find(|(k, _)| lower.contains(k)).map(|(_, v)| *v)
}

/// Collapses runs of whitespace into single spaces and trims.
pub fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Cuts a string to at most `max` bytes on a char boundary.
pub fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = max;
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    s.get(..i).unwrap_or("")
}

/// Case-insensitive (ASCII) containment without allocating.
pub fn contains_ci(hay: &str, needle_lower: &str) -> bool {
    let h = hay.as_bytes();
    let n = needle_lower.as_bytes();
    if n.is_empty() {
        return true;
    }
    if n.len() > h.len() {
        return false;
    }
    h.windows(n.len()).any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(find_status("550 5.1.1 <a@b> unknown").as_deref(), Some("5.1.1"));
        assert_eq!(find_status("unknown user. (#5.5.0)").as_deref(), Some("5.5.0"));
        assert_eq!(find_status("host 192.0.2.5 said"), None);
        assert_eq!(find_status("version 5.1.10.2"), None);
        assert_eq!(find_status("Status: 5.7.515").as_deref(), Some("5.7.515"));
    }

    #[test]
    fn replies() {
        assert_eq!(find_reply_code("host said: 550 User unknown").as_deref(), Some("550"));
        assert_eq!(find_reply_code("554 DT:SPM 163 smtp10").as_deref(), Some("554"));
        assert_eq!(find_reply_code("550-5.1.1 nope").as_deref(), Some("550"));
        assert_eq!(find_reply_code("192.0.2.455 x"), None);
    }

    #[test]
    fn addresses() {
        let l = "<kijitora@example.jp>: host said";
        let v = find_addresses(l);
        assert_eq!(v.len(), 1);
        assert_eq!(&l[v[0].0..v[0].1], "kijitora@example.jp");
    }
}
