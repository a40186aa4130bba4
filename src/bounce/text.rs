//! Small text helpers shared by the parsers: addresses, RFC 3463 status codes, SMTP reply codes,
//! SMTP commands and provider tags found in free text. Hand-written scanners (no regex) keep the
//! hot path cheap and behave the same natively and in wasm.

/// The lines of `s` exactly as [`str::lines`] gives them (a line ends at `\n` or `\r\n`; a last
/// line without either counts): [`lines_inclusive`] with the ends taken off, as the standard
/// library defines `lines`. Natively each end is found by a vectorised byte search (`memchr`,
/// already part of regex); the standard library's search for a `char` costs a call and a setup per
/// line, the line readers split a message's text into lines some ten times, and that was 5% of the
/// time of `explain`.
pub fn lines(s: &str) -> impl Iterator<Item = &str> {
    lines_inclusive(s).map(|line| {
        let Some(line) = line.strip_suffix('\n') else { return line };
        line.strip_suffix('\r').unwrap_or(line)
    })
}

/// The lines of `s` with their line ends, as `s.split_inclusive('\n')` gives them (natively by
/// `memchr`; in wasm, `split_inclusive` itself).
#[cfg(feature = "full-regex")]
pub fn lines_inclusive(s: &str) -> LinesInclusive<'_> {
    LinesInclusive { rest: s }
}

#[cfg(not(feature = "full-regex"))]
pub fn lines_inclusive(s: &str) -> std::str::SplitInclusive<'_, char> {
    s.split_inclusive('\n')
}

/// See [`lines_inclusive`].
#[cfg(feature = "full-regex")]
pub struct LinesInclusive<'a> {
    rest: &'a str,
}

#[cfg(feature = "full-regex")]
impl<'a> Iterator for LinesInclusive<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', self.rest.as_bytes()).map_or(self.rest.len(), |i| i + 1);
        let line = self.rest.get(..end).unwrap_or("");
        self.rest = self.rest.get(end..).unwrap_or("");
        Some(line)
    }
}

/// Where the ASCII byte `b` first occurs in `s` (`memchr` natively, as [`lines`]).
#[inline]
pub fn find_ascii(s: &str, b: u8) -> Option<usize> {
    #[cfg(feature = "full-regex")]
    return memchr::memchr(b, s.as_bytes());
    #[cfg(not(feature = "full-regex"))]
    s.find(char::from(b))
}

/// `5.1.1`, `4.7.0`, `5.7.515`: class 2/4/5, subject ≤ 3 digits, detail ≤ 3 digits.
pub fn is_status(s: &str) -> bool {
    if s.len() < 5 || s.len() > 9 {
        return false;
    }
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

/// The last failure status in free text (a nested reply quoted inside an outer one is the
/// more specific: `5.1.0 - Unknown address error 550-'5.7.1 ... Access denied'`).
pub fn find_last_status(text: &str) -> Option<String> {
    let mut rest = text;
    let mut last = None;
    let mut guard = 0;
    while let Some(s) = find_status_from(rest, b"45") {
        guard += 1;
        let Some(i) = rest.find(&s) else { break };
        rest = rest.get(i + s.len()..).unwrap_or("");
        last = Some(s);
        if guard > 50 {
            break;
        }
    }
    last
}

/// The first RFC 3463 status in free text (`550 5.1.1 ...`, `(#5.5.0)`).
pub fn find_status(text: &str) -> Option<String> {
    // A failure status, not the 2.x.x of an earlier step of a transcript.
    let first = find_status_from(text, b"45");
    first.or_else(|| find_status_from(text, b"2"))
}

fn find_status_from(text: &str, classes: &[u8]) -> Option<String> {
    let b = text.as_bytes();
    // A status is its class digit and a dot: only the bytes just before a dot are tried (the dots
    // are found by the fast character search).
    let mut from = 0usize;
    while let Some(dot) = text.get(from..).and_then(|t| find_ascii(t, b'.')).map(|d| from + d) {
        from = dot + 1;
        let Some(i) = dot.checked_sub(1) else { continue };
        let c = b.get(i).copied().unwrap_or(0);
        if classes.contains(&c) {
            let prev = if i == 0 { b' ' } else { b.get(i - 1).copied().unwrap_or(b' ') };
            // `550-5.7.26`: a status after a reply code's continuation dash.
            let after_reply =
                prev == b'-' && i >= 4 && b.get(i - 4..i - 1).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
            if !prev.is_ascii_alphanumeric() && prev != b'.' && (prev != b'-' || after_reply) {
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
    }
    None
}

/// The first SMTP reply code (`550`, `421-`) in free text: three digits starting with 4 or 5,
/// standing alone (not part of an IP address, a date or a longer number).
pub fn find_reply_code(text: &str) -> Option<String> {
    find_reply_code_at(text).and_then(|i| text.get(i..i + 3)).map(str::to_string)
}

/// Where [`find_reply_code`]'s code starts.
pub fn find_reply_code_at(text: &str) -> Option<usize> {
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
                matches!(prev, b' ' | b'\t' | b'\n' | b':' | b'(' | b'[' | b'\'' | b'"' | b'#' | b';' | b'=' | b'<')
                    || prev >= 0x80;
            // (Or a full-width comma, stop, colon, parenthesis or space, as in `退信码550，说是`.)
            let next_ok = matches!(next, b' ' | b'-' | b'\t' | b'\r' | b'\n' | b',' | b')' | b'"' | b':')
                || b.get(i + 3..).is_some_and(starts_with_cjk_punctuation);
            let mid = b.get(i + 1).copied().unwrap_or(b'9');
            if prev_ok
                && next_ok
                && mid <= b'5'
                && !(next == b'-' && b.get(i + 4).is_some_and(u8::is_ascii_digit) && b.get(i + 5) != Some(&b'.'))
            {
                // `550-5.1.1` and `550 5.1.1` are replies; `450-1234` is not.
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// Whether bytes start with a full-width punctuation mark or space that may end a reply code in
/// Chinese prose: `，` `。` `、` `：` `；` `）` `】` `」` `”` or U+3000.
pub fn starts_with_cjk_punctuation(b: &[u8]) -> bool {
    const MARKS: &[&str] = &["，", "。", "、", "：", "；", "）", "】", "」", "”", "\u{3000}"];
    MARKS.iter().any(|m| b.starts_with(m.as_bytes()))
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
        // qmail-remote's own words (qmail-remote.c).
        (" but greeting failed", "CONN"),
        (" but my name was rejected", "HELO"),
        (" but sender was rejected", "MAIL"),
        (" does not like recipient", "RCPT"),
        (" failed on data command", "DATA"),
        (" failed after i sent the message", "DATA"),
    ];
    if let Some(c) = transcript_command(lower) {
        return Some(c);
    }
    // The earliest position any phrase starts at (the first in the table on a tie).
    static PHRASES: std::sync::OnceLock<crate::re::Literals> = std::sync::OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        let keys: Vec<&[u8]> = TABLE.iter().map(|(k, _)| k.as_bytes()).collect();
        crate::re::Literals::leftmost(&keys)
    });
    phrases.first(lower.as_bytes()).and_then(|(i, _)| TABLE.get(i).map(|(_, c)| *c))
}

/// In a session transcript (`>>> RCPT To:<a>` / `<<< 550 ...`, or Postfix `In:` / `Out:`), the
/// last command sent before the first error reply.
fn transcript_command(lower: &str) -> Option<&'static str> {
    // Most texts hold no transcript at all: two fast substring searches rule that out before the
    // literal set (whose start bytes include the common `o`) is run.
    if !lower.contains("<<< ") && !lower.contains("out: ") {
        return None;
    }
    // The first `<<< 4`, `<<< 5`, `out: 4` or `out: 5`, in one pass.
    static ERRORS: std::sync::OnceLock<crate::re::Literals> = std::sync::OnceLock::new();
    let errors = ERRORS.get_or_init(|| crate::re::Literals::leftmost(&[b"<<< 4", b"<<< 5", b"out: 4", b"out: 5"]));
    let (_, err) = errors.first(lower.as_bytes())?;
    let before = lower.get(..err)?;
    let sent = [">>> ", "in: "].iter().filter_map(|k| before.rfind(k).map(|i| i + k.len())).max()?;
    let cmd = before.get(sent..)?.trim_start();
    let word: String = cmd.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    match word.as_str() {
        "rcpt" => Some("RCPT"),
        "mail" => Some("MAIL"),
        "data" | "bdat" => Some("DATA"),
        "helo" | "ehlo" => Some("HELO"),
        "starttls" => Some("STARTTLS"),
        _ => None,
    }
}

/// Joins a multi-line SMTP reply: `550-5.7.1 first part 550-5.7.1 second part` keeps the first
/// code and drops the repeated ones, so that the sentence reads (and matches) whole.
pub fn join_reply_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut push = |w: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    };
    // The first reply's code and status.
    let mut lead: Option<(&str, Option<&str>)> = None;
    let mut words = s.split_whitespace().peekable();
    while let Some(w) = words.next() {
        if let Some(code) = reply_code_word(w) {
            let rest = w.get(4..).filter(|r| is_status(r));
            let next_status = words.peek().copied().filter(|n| is_status(n));
            let status = rest.or(next_status);
            match lead {
                Some((c, st)) if c == code && (st.is_none() || st == status) => {
                    // A continuation: skip the code (and its status when the first line had it).
                    if rest.is_some() && st.is_none() {
                        // `554 554-5.7.1 ...`: keep the status the first line lacked.
                        push(w.get(4..).unwrap_or(""));
                        lead = Some((code, rest));
                    } else if rest.is_none() && next_status.is_some() && st.is_some() {
                        words.next();
                    }
                    continue;
                }
                None => lead = Some((code, status)),
                _ => {}
            }
        }
        push(w);
    }
    out
}

/// The code of a word that is an SMTP reply code (`550`) or a continuation line's (`550-`,
/// `550-5.7.1`): three digits, the first 4 or 5.
fn reply_code_word(w: &str) -> Option<&str> {
    let code =
        w.get(..3).filter(|c| c.bytes().all(|x| x.is_ascii_digit()) && (c.starts_with('4') || c.starts_with('5')))?;
    (w.len() == 3 || w.as_bytes().get(3) == Some(&b'-')).then_some(code)
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

/// `hay.contains(needle)`, for a needle that may be long: the standard searcher sets up a
/// two-way search for needles over 32 bytes and scans more slowly, so a long needle's first 32
/// bytes are looked for first (with the fast vectorised search) and the whole only where they occur.
pub fn has(hay: &str, needle: &str) -> bool {
    let head = cut(needle, 32);
    (head.len() == needle.len() || hay.contains(head)) && hay.contains(needle)
}

/// `s` with its ASCII letters lower-cased (`to_ascii_lowercase`), borrowed when it has no upper-case
/// one.
pub fn ascii_lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        s.to_ascii_lowercase().into()
    } else {
        s.into()
    }
}

/// `s.to_lowercase()`, without a copy when `s` is ASCII with no upper-case letter (as most lines
/// of a bounce are).
pub fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        ascii_lower(s)
    } else {
        to_lower(s).into()
    }
}

/// `s.to_lowercase()`, the same string made faster for a bounce's text. The standard library goes
/// a character at a time (at tens of instructions each) from the first non-ASCII character on, so
/// one `é` or no-break space near the top slows the whole text; here each run of ASCII is
/// lower-cased as bytes, and the Chinese, Japanese and Korean characters of U+3000–U+9FFF, which
/// have no case (tested), are copied. A capital sigma, whose lower case depends on the letters
/// around it, leaves the text to the standard library.
pub fn to_lower(s: &str) -> String {
    if s.is_ascii() {
        // The same string as `to_lowercase` gives, by a loop the compiler vectorises.
        return s.to_ascii_lowercase();
    }
    if s.contains('Σ') {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let run = ascii_run(rest.as_bytes());
        let start = out.len();
        out.push_str(rest.get(..run).unwrap_or(""));
        if let Some(pushed) = out.get_mut(start..) {
            pushed.make_ascii_lowercase();
        }
        rest = rest.get(run..).unwrap_or("");
        let mut chars = rest.chars();
        while let Some(c) = chars.next().filter(|c| !c.is_ascii()) {
            if ('\u{3000}'..='\u{9FFF}').contains(&c) {
                out.push(c);
            } else if let Some(l) = latin1_lower(c) {
                // The accented letters of a European notice (`Délivrance`, `Empfänger`).
                out.push(l);
            } else {
                out.extend(c.to_lowercase());
            }
            rest = rest.get(c.len_utf8()..).unwrap_or("");
        }
    }
    out
}

/// The lower case of a Latin-1 character (U+0080–U+00FF), which is one character: `À`–`Þ` but `×`
/// are 0x20 below their lower case; the others have none (tested against the standard library's
/// table, which it takes tens of instructions to search).
fn latin1_lower(c: char) -> Option<char> {
    match c {
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(u32::from(c) + 0x20),
        '\u{80}'..='\u{FF}' => Some(c),
        _ => None,
    }
}

/// The length of the run of ASCII bytes `b` starts with: whole 16-byte chunks are tested at once
/// (`is_ascii` reads a word at a time), the last one a byte at a time.
fn ascii_run(b: &[u8]) -> usize {
    let whole: usize = b.chunks(16).take_while(|c| c.is_ascii()).map(<[u8]>::len).sum();
    let tail = b.get(whole..).unwrap_or(&[]);
    whole + tail.iter().position(|c| !c.is_ascii()).unwrap_or(tail.len())
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
    fn lines_are_strs_lines() {
        let pieces = ["a", "\n", "\r\n", "\r", "退信", " ", "\n\n", ""];
        // Every string of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> =
                texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(longer);
        }
        for t in &texts {
            assert_eq!(lines(t).collect::<Vec<_>>(), t.lines().collect::<Vec<_>>(), "{t:?}");
            assert_eq!(lines_inclusive(t).collect::<Vec<_>>(), t.split_inclusive('\n').collect::<Vec<_>>(), "{t:?}");
            assert_eq!(find_ascii(t, b'\r'), t.find('\r'), "{t:?}");
        }
    }

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
        assert_eq!(find_reply_code("退信码550，说是").as_deref(), Some("550"));
        assert_eq!(find_reply_code("金额550元"), None);
    }

    #[test]
    fn multi_line_replies() {
        assert_eq!(
            join_reply_lines(
                "550-5.7.1 Messages with multiple 550-5.7.1 addresses in From: 550 5.7.1 header are refused"
            ),
            "550-5.7.1 Messages with multiple addresses in From: header are refused"
        );
        assert_eq!(join_reply_lines("421 4.7.0 try later"), "421 4.7.0 try later");
    }

    #[test]
    fn commands_match_the_plain_search() {
        // The one-pass scanners against the obvious (slow) definition.
        const KEYS: &[&str] = &[
            "in reply to rcpt to",
            "after rcpt to",
            ">>> rcpt to",
            "in rcpt to",
            "rcpt to response",
            "in reply to mail from",
            "after mail from",
            ">>> mail from",
            "in reply to end of data",
            "after end of data",
            "in reply to data",
            "after data",
            ">>> data",
            "in reply to helo",
            "in reply to ehlo",
            "after helo",
            "after ehlo",
            "after initial connection",
            "while connected to",
            "in reply to starttls",
        ];
        let texts = [
            "host said: 550 unknown (in reply to rcpt to command)",
            "smtp error from remote mail server after end of data: 550 spam",
            "after data after rcpt to",
            "while connected to mx (in reply to mail from command)",
            ">>> mail from:<a@b>\n<<< 250 ok\n>>> rcpt to:<c@d>\n<<< 550 5.1.1 unknown",
            "in: rcpt to:<a@b>\nout: 450 later",
            "out: 250 ok in: data out: 554 rejected",
            "<<< 550 first, then >>> rcpt to",
            "nothing here",
            "",
            "a",
            "in reply to",
        ];
        for t in texts {
            let plain =
                KEYS.iter().enumerate().filter_map(|(n, k)| t.find(k).map(|i| (i, n))).min().map(|(_, n)| KEYS[n]);
            let got = find_command(t);
            if transcript_command(t).is_none() {
                let want = plain.map(|k| find_command(k).unwrap_or(""));
                assert_eq!(got, want, "{t:?}");
            }
        }
        assert_eq!(find_command(">>> mail from:<a@b>\n<<< 250 ok\n>>> rcpt to:<c@d>\n<<< 550 x"), Some("RCPT"));
        assert_eq!(find_command("in: data\nout: 554 no"), Some("DATA"));
        // qmail-remote's own words start with a space ("192.0.2.1 does not like recipient.").
        assert_eq!(find_command("remote host 192.0.2.1 does not like recipient."), Some("RCPT"));
        assert_eq!(find_command("connected to 192.0.2.1 but sender was rejected."), Some("MAIL"));
        assert_eq!(find_command("after data after rcpt to"), Some("DATA"));
    }

    #[test]
    fn lower_cases_as_the_standard_library() {
        for t in [
            "",
            "ABC def",
            "Ünknown USER é Straße",
            "退信 DT:SPM 邮件被退回 ＡＢＣ Ⓐ",
            "ΟΔΟΣ ΟΔΟΣ.",
            "İstanbul K ǅ",
            "メールを配信できませんでした MAILER-DAEMON 받는사람",
        ] {
            assert_eq!(to_lower(t), t.to_lowercase(), "{t:?}");
            assert_eq!(lower(t), t.to_lowercase(), "{t:?}");
        }
        for c in '\u{80}'..='\u{FF}' {
            assert!(c.to_lowercase().eq(latin1_lower(c)), "{c:?}");
        }
        // The characters copied as they are have no lower case.
        for c in '\u{3000}'..='\u{9FFF}' {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn addresses() {
        let l = "<kijitora@example.jp>: host said";
        let v = find_addresses(l);
        assert_eq!(v.len(), 1);
        assert_eq!(&l[v[0].0..v[0].1], "kijitora@example.jp");
    }
}
