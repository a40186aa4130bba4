//! The human-readable text of MTA bounces (Postfix, Exim, Sendmail, qmail, Exchange/Office 365,
//! Gmail, Yahoo, Amazon SES, Courier, OpenSMTPD, Domino ...): which recipients failed and what
//! the remote side said about each.
//!
//! The formats differ in wording but share a shape: a recipient line (the address alone, or
//! `<address>:` followed by text, or `address ... reason`, or `RCPT TO:<address>` in a session
//! transcript) followed by the lines that explain it, and a marker after which the original
//! message is quoted. Examples of the shapes (made-up addresses):
//!
//! ```text
//! <user@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown   (Postfix)
//! <user@example.org>:                                                            (qmail, Yahoo)
//!   user@example.org                                                             (Exim, Gmail)
//!     host mx.example.org [192.0.2.1]: 550 5.1.1 No such user
//! >>> RCPT To:<user@example.org>                                                 (Sendmail)
//! <<< 550 5.1.1 <user@example.org>... User unknown
//! user@example.org on 2013/04/29 ...                                             (Exchange)
//! ```

use super::text::{cut, find_addresses, squeeze};
use super::Found;

/// Where the quoted original message starts (lower-cased prefixes of a trimmed line).
const ORIGINAL_MARKERS: &[&str] = &[
    "--- below this line is a copy of the message",
    "------ this is a copy of the message",
    "------ this is a copy of your message",
    "----- original message follows",
    "--- original message follows",
    "----- original message -----",
    "-----original message-----",
    "------ original message",
    "----- unsent message follows",
    "--- the header of the original message is following",
    "----- the following is a copy of the message",
    "---- the original message",
    "content-type: message/rfc822",
    "content-type: text/rfc822-headers",
    "original message headers:",
    "----- message truncated -----",
    "--- headers of the original message",
    "------- returned message --------",
    "----- transcript of session follows -----",
    "------ original message header",
    "------- original message -------",
    "message headers follow",
];

/// Lower-cased labels that may precede a recipient address on its line.
const LABELS: &[&str] = &[
    "to:",
    "to",
    "recipient:",
    "recipients:",
    "rcpt to:",
    ">>> rcpt to:",
    "failed recipient:",
    "failed address:",
    "address:",
    "original-recipient:",
    "final-recipient:",
    "final-recipient: rfc822;",
    "original-recipient: rfc822;",
    "final-recipient: rfc822",
    "无法发送到",
    "無法發送到",
    "收件人：",
    "收件人:",
    "收件人/to:",
    "收件人",
    "addressee:",
    "unknown recipient:",
    "the following address failed:",
    "delivery to",
    "your message to",
    "your message to:",
    "could not deliver mail to",
    "could not be delivered to",
    "delivery has failed to these recipients or groups:",
    "for",
    "-",
    "*",
    "x-failed-recipients:",
    "mailbox",
    "user",
    "recipient address:",
    "failed to deliver to",
    "error for",
    "rcpt to",
    "recipient",
    "original address:",
    "original recipient:",
    "recipient(s):",
    "bad address:",
    "invalid recipient:",
    "unknown address:",
];

/// Prefixes that never introduce a failed recipient (the sender, ids, forwarding headers).
const NOT_RECIPIENT: &[&str] = &[
    "from",
    "from:",
    "reply-to:",
    "sender:",
    "return-path:",
    "message-id:",
    "envelope-from",
    "x-envelope-from:",
    "x-sender:",
    "references:",
    "in-reply-to:",
    "mail from:",
    ">>> mail from:",
    "x-postfix-sender:",
    "cc:",
    "bcc:",
    "by",
    "the original message was received at",
    "received:",
    "in: mail from:",
    "in:  mail from:",
];

/// One recipient found in the text, with the lines that explain it.
#[derive(Debug, Default, Clone)]
pub struct Block {
    pub address: String,
    /// Diagnostic text (lines after the recipient line, squeezed).
    pub text: String,
    /// The lines just above the recipient line (used when nothing follows it).
    pub above: String,
}

/// The text before the original message.
pub fn head(text: &str) -> &str {
    let mut pos = 0usize;
    for line in super::text::lines_inclusive(text) {
        let t = line.trim_start();
        let first = t.as_bytes().first().copied().unwrap_or(b' ').to_ascii_lowercase();
        if pos > 0
            && matches!(first, b'-' | b'c' | b'o' | b'm')
            && ORIGINAL_MARKERS.iter().any(|m| starts_with_ci(t, m))
        {
            return text.get(..pos).unwrap_or(text);
        }
        pos += line.len();
    }
    text
}

/// Finds recipient blocks in the human-readable text of a bounce.
#[cfg(test)]
pub fn blocks(text: &str, exclude: &[&str]) -> Vec<Block> {
    blocks_of(&Read::of(text), exclude)
}

/// A text with what [`blocks`] and [`error_lines`] both work out first: whether it is quoted
/// (`> `), and its [`head`] when it is not.
pub struct Read<'t> {
    text: &'t str,
    quoted: bool,
    head: &'t str,
}

impl<'t> Read<'t> {
    pub fn of(text: &'t str) -> Read<'t> {
        let quoted = is_quoted(text);
        Read { text, quoted, head: if quoted { text } else { head(text) } }
    }

    /// Whether the text is quoted; else its head.
    pub fn head(&self) -> Option<&'t str> {
        (!self.quoted).then_some(self.head)
    }
}

/// [`blocks`] of a text already [`Read`].
pub fn blocks_of(read: &Read<'_>, exclude: &[&str]) -> Vec<Block> {
    let unquoted;
    let body = if read.quoted {
        unquoted = unquote(read.text);
        head(&unquoted)
    } else {
        read.head
    };
    let lines: Vec<&str> = super::text::lines(body).take(3000).collect();
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<(Block, usize, bool)> = None; // (block, lines taken, saw blank)
                                                          // The last lines before a recipient line: some formats put the error above the address
                                                          // (Lotus Notes' "Failure Reasons", au EZweb's "The user(s) account is disabled.").
    let mut before: Vec<&str> = Vec::new();
    for line in &lines {
        let trimmed = line.trim();
        if let Some((addr, rest)) = recipient_line(trimmed, exclude) {
            let above = std::mem::take(&mut before);
            if let Some((b, taken, _)) = current.as_mut().filter(|(b, _, _)| b.address == addr) {
                // The same recipient named again inside its own explanation.
                if !rest.is_empty() && *taken < 14 {
                    if !b.text.is_empty() {
                        b.text.push(' ');
                    }
                    b.text.push_str(&rest);
                    *taken += 1;
                }
                continue;
            }
            if let Some((b, _, _)) = current.take() {
                push_block(&mut out, b);
            }
            let mut b = Block { address: addr, text: String::new(), above: String::new() };
            if !rest.is_empty() {
                b.text.push_str(&rest);
            }
            b.above = above.join(" ");
            current = Some((b, 0, false));
            continue;
        }
        if current.is_none()
            && !trimmed.is_empty()
            && !is_boilerplate(trimmed)
            && !is_intro(trimmed)
            && trimmed.len() < 300
        {
            if before.len() >= 4 {
                before.remove(0);
            }
            before.push(trimmed);
        }
        if let Some((b, taken, blank)) = current.as_mut() {
            if trimmed.is_empty() {
                if !b.text.is_empty() {
                    *blank = true;
                }
                continue;
            }
            if *taken >= 14 || b.text.len() > 1500 {
                continue;
            }
            // After a blank line only lines that look like part of the error are kept.
            if *blank && !looks_diagnostic(trimmed) {
                continue;
            }
            if is_boilerplate(trimmed) {
                continue;
            }
            if !b.text.is_empty() {
                b.text.push(' ');
            }
            b.text.push_str(trimmed);
            *taken += 1;
        }
    }
    if let Some((b, _, _)) = current.take() {
        push_block(&mut out, b);
    }
    session_replies(&lines, exclude, &mut out);
    for b in out.iter_mut() {
        if b.text.trim().is_empty() && !b.above.is_empty() {
            b.text = std::mem::take(&mut b.above);
        }
        b.text = cut(&squeeze(&b.text), 1200).to_string();
    }
    out
}

/// An old Sendmail (V5) transcript: `While talking to host:` sections, each with the command sent
/// (`>>> MAIL From:<...>`) and the reply (`<<< 501 ...`), followed by one line per recipient it
/// failed (`554 <a@example.org>... Remote protocol error`). The reply of a section is what the
/// recipients listed next were refused with, and the command is the step that failed; a recipient
/// with no reply of its own keeps its line (`554 <b@example.org>... 550 Host unknown`).
fn session_replies(lines: &[&str], exclude: &[&str], out: &mut [Block]) {
    if !lines.iter().any(|l| starts_with_ci(l.trim_start(), "while talking to ")) {
        return;
    }
    let mut seen: Vec<String> = Vec::new();
    let mut command: Vec<(usize, String)> = Vec::new();
    let mut reply: Vec<(usize, String)> = Vec::new();
    for line in lines.iter().take(3000) {
        let t = line.trim();
        if let Some(c) = t.strip_prefix(">>> ") {
            command.push((seen.len(), c.trim().to_string()));
        } else if let Some(r) = t.strip_prefix("<<< ") {
            reply.retain(|(i, _)| *i != seen.len());
            reply.push((seen.len(), r.trim().to_string()));
        } else if let Some((addr, _)) = recipient_line(t, exclude) {
            if !seen.contains(&addr) {
                seen.push(addr);
            }
        }
    }
    for (i, addr) in seen.iter().enumerate() {
        let Some((_, r)) = reply.iter().find(|(j, _)| *j == i) else { continue };
        let Some(b) = out.iter_mut().find(|b| b.address == *addr) else { continue };
        b.text = match command.iter().rev().find(|(j, _)| *j == i) {
            Some((_, c)) => format!(">>> {c} <<< {r}"),
            None => r.clone(),
        };
    }
}

/// A forwarded bounce quoted with `> ` on most lines.
pub fn is_quoted(text: &str) -> bool {
    // No line starts with `>`: nothing to count (one fast search instead of a pass over lines).
    if !text.starts_with('>') && !text.contains("\n>") {
        return false;
    }
    let mut quoted = 0usize;
    let mut all = 0usize;
    for l in super::text::lines(text).take(400) {
        if l.trim().is_empty() {
            continue;
        }
        all += 1;
        if l.starts_with('>') && !l.starts_with(">>> ") {
            quoted += 1;
        }
    }
    all > 5 && quoted * 3 > all
}

/// Removes one level of `> ` quoting.
pub fn unquote(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for l in super::text::lines(text) {
        let l = l.strip_prefix('>').map_or(l, |r| r.strip_prefix(' ').unwrap_or(r));
        out.push_str(l);
        out.push('\n');
    }
    out
}

fn push_block(out: &mut Vec<Block>, b: Block) {
    if let Some(prev) = out.iter_mut().find(|p| p.address.eq_ignore_ascii_case(&b.address)) {
        if prev.text.is_empty()
            || (!prev.text.contains(&b.text) && looks_diagnostic(&b.text) && !looks_diagnostic(&prev.text))
        {
            prev.text = b.text;
        }
        return;
    }
    if out.len() < super::dsn::MAX_RECIPIENTS {
        out.push(b);
    }
}

/// Is this trimmed line a recipient line? Returns the address and the rest of the line when the
/// rest is an error text (`<a>: host said ...`, `a... User unknown`).
fn recipient_line(line: &str, exclude: &[&str]) -> Option<(String, String)> {
    if line.len() > 400 || !line.contains('@') {
        return None;
    }
    let addrs = find_addresses(line);
    let &(s, e) = addrs.first()?;
    let addr = line.get(s..e)?;
    // `<"odd..local"@example.com>`: the scanner stops at the quote; take the quoted part too.
    let (s, addr_owned) = match line.get(..s).and_then(|p| p.strip_suffix('"')) {
        Some(before) => match before.rfind('"') {
            Some(q) => (q, format!("{}{}", line.get(q + 1..before.len()).unwrap_or(""), addr)),
            None => (s, addr.to_string()),
        },
        None => (s, addr.to_string()),
    };
    let addr = addr_owned.as_str();
    let lower = addr.to_ascii_lowercase();
    if exclude.iter().any(|x| x.eq_ignore_ascii_case(addr)) {
        return None;
    }
    let local = lower.split('@').next().unwrap_or("");
    if matches!(local, "mailer-daemon" | "mailer_daemon") {
        return None;
    }
    let prefix = line.get(..s)?.trim().trim_end_matches(['<', '"', '\'', '(', '[']).trim();
    let suffix = line.get(e..)?.trim_start_matches(['>', '"', '\'', ']']);
    let plower = prefix.to_ascii_lowercase();
    if NOT_RECIPIENT.iter().any(|n| plower == *n || plower.strip_suffix(n).is_some_and(|r| r.ends_with(' ')))
        || plower.ends_with("from:")
        || plower.ends_with("from")
    {
        return None;
    }
    if plower.starts_with("pipe to |") {
        // Exim: `pipe to |/usr/bin/prog a@example.com`: a local delivery program failed.
        return Some((lower, line.to_string()));
    }
    let sl0 = suffix.trim_start();
    let labelled = !prefix.is_empty()
        && prefix.len() < 120
        && (plower.ends_with(':')
            || plower.ends_with(" to")
            || plower.ends_with(" recipient")
            || plower.ends_with(" recipients")
            || plower.ends_with("以下地址"))
        && !plower.contains("rcpt to");
    if labelled && !sl0.starts_with('@') {
        // `Unable to deliver message to: <a>`, `Delivery failed 20 attempts: a`,
        // `The following recipients returned permanent errors: a. Reason: ...`
        return Some((lower, line.to_string()));
    }
    let prefix_ok = prefix.is_empty()
        || LABELS.contains(&plower.as_str())
        || ((plower.starts_with(">>>") || plower.starts_with("in:") || plower.len() <= 8)
            && (plower.ends_with("rcpt to:") || plower.ends_with("rcpt to")))
        || (plower.starts_with("<<<")
            || plower.starts_with("550")
            || plower.starts_with("55")
            || plower.starts_with("5")
            || plower.starts_with("4"))
            && suffix.starts_with("...");
    if !prefix_ok {
        return None;
    }
    let st = suffix.trim();
    if plower.contains("rcpt to") {
        // `>>> RCPT To:<a>` the reply follows on the next lines.
        return Some((lower, String::new()));
    }
    if st.is_empty() || st == ":" || st == "," || st == ";" {
        return Some((lower, String::new()));
    }
    if let Some(r) = st.strip_prefix(':') {
        return Some((lower, r.trim().to_string()));
    }
    if let Some((inner, after)) = st.strip_prefix('<').and_then(|r| r.split_once(">:")) {
        // Exim: `  name@example.com <addr@example.net>: malformed address: ...`
        if prefix.is_empty() && inner.contains('@') && !inner.contains(' ') {
            return Some((inner.to_ascii_lowercase(), after.trim().to_string()));
        }
    }
    if let Some(r) = st.strip_prefix("...") {
        let r = r.trim();
        let full = if prefix.is_empty() {
            r.to_string()
        } else {
            format!("{} {}", prefix.trim_start_matches("<<<").trim(), r)
        };
        return Some((lower, full));
    }
    if let Some(r) = st.strip_prefix('[') {
        // `a [User unknown]`
        return Some((lower, r.trim_end_matches(']').trim().to_string()));
    }
    if st.starts_with('(') {
        // `<a> (expanded from <b>): text` or `a (reason)`.
        let after = match st.find("):") {
            Some(i) => st.get(i + 2..).unwrap_or("").trim().to_string(),
            None => st.trim_start_matches('(').trim_end_matches(')').trim().to_string(),
        };
        let after = if after.to_ascii_lowercase().starts_with("expanded from") { String::new() } else { after };
        return Some((lower, after));
    }
    let sl = st.to_ascii_lowercase();
    if sl.starts_with("on ")
        || sl.starts_with("- ")
        || sl.starts_with("--")
        || sl.starts_with("delivery failed")
        || sl.starts_with("failed")
    {
        let r = st.trim_start_matches(['-', ' ']);
        return Some((lower, if sl.starts_with("on ") { String::new() } else { r.to_string() }));
    }
    if !prefix.is_empty()
        && LABELS.contains(&plower.as_str())
        && plower != "to"
        && plower != "for"
        && plower != "user"
        && plower != "mailbox"
        && plower != "-"
        && plower != "recipient"
    {
        return Some((lower, st.to_string()));
    }
    None
}

/// Lines that carry an error rather than prose around it.
pub fn looks_diagnostic(line: &str) -> bool {
    if super::text::find_reply_code_at(line).is_some() || super::text::find_status(line).is_some() {
        return true;
    }
    /// Words of an error, searched for together.
    const WORDS: &[&str] = &[
        "said:",
        "said ",
        "reason:",
        "error",
        "unknown",
        "invalid",
        "rejected",
        "refused",
        "denied",
        "not found",
        "no such",
        "does not exist",
        "timed out",
        "quota",
        "full",
    ];
    static WORD_SET: std::sync::OnceLock<crate::re::Literals> = std::sync::OnceLock::new();
    let l = super::text::lower(line);
    l.starts_with("<<<")
        || crate::re::set(&WORD_SET, WORDS).any(&l)
        || crate::knowledge::patterns::scan(&l) != crate::knowledge::patterns::Hits::default()
}

/// `s` starts with `prefix_lower`, ignoring ASCII case.
fn starts_with_ci(s: &str, prefix_lower: &str) -> bool {
    s.as_bytes().get(..prefix_lower.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix_lower.as_bytes()))
}

/// Lines that frame a notice rather than say what failed (compared ignoring ASCII case).
const BOILERPLATE: &[&str] = &[
    "--- ",
    "==",
    "this is a permanent error",
    "technical details of",
    "the response was:",
    "the response from the remote server was:",
    "for further assistance",
    "learn more",
    "<mailto:",
    "reporting-mta:",
    "arrival-date:",
    "while talking to ",
    "... while talking to ",
];

fn is_boilerplate(line: &str) -> bool {
    // Every start is punctuation or a letter of `t f l r a w .`: other lines are ruled out at once.
    let first = line.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    matches!(first, b'-' | b'=' | b'<' | b'.' | b't' | b'f' | b'l' | b'r' | b'a' | b'w')
        && BOILERPLATE.iter().any(|s| starts_with_ci(line, s))
}

/// A line that introduces the list of recipients or the notice itself, and says nothing about why.
fn is_intro(line: &str) -> bool {
    let l = super::text::ascii_lower(line);
    l.contains("the following")
        || l.contains("automatically generated")
        || l.contains("delivery status notification")
        || l.starts_with("the original message was received")
        || l.starts_with("this is ")
        || l.ends_with(':')
        || l.chars().all(|c| !c.is_alphanumeric())
}

/// Error-looking lines of a whole text (used when no recipient block carries a diagnostic).
pub fn error_lines(read: &Read<'_>) -> String {
    let unquoted;
    let (text, body) = if read.quoted {
        unquoted = unquote(read.text);
        (unquoted.as_str(), head(&unquoted))
    } else {
        (read.text, read.head)
    };
    let mut out = error_lines_of(body);
    if out.is_empty() {
        // Sendmail puts the remote's words in the transcript, which `head` leaves out.
        if let Some(rest) = transcript(text) {
            out = error_lines_of(head(rest));
        }
    }
    out
}

/// The text after Sendmail's `----- Transcript of session follows -----` line.
fn transcript(text: &str) -> Option<&str> {
    let mut pos = 0usize;
    for line in super::text::lines_inclusive(text) {
        pos += line.len();
        if starts_with_ci(line.trim_start(), "----- transcript of session follows -----") {
            return text.get(pos..);
        }
    }
    None
}

fn error_lines_of(body: &str) -> String {
    let mut out = String::new();
    for line in super::text::lines(body).take(400) {
        if out.len() >= 1200 {
            // Full: no more lines are added.
            break;
        }
        let t = line.trim();
        if t.is_empty() || t.len() > 600 || is_boilerplate(t) {
            continue;
        }
        let strong = super::text::find_reply_code_at(t).is_some()
            || super::text::find_status(t).is_some()
            || error_words(&super::text::ascii_lower(t));
        if strong {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t);
        }
    }
    squeeze(&out)
}

/// The words of [`error_lines_of`]'s error lines (in a lower-cased line), searched for together.
fn error_words(l: &str) -> bool {
    const WORDS: &[&str] = &[
        "said:",
        "reason:",
        "error:",
        "unknown user",
        "user unknown",
        "no such",
        "timed out",
        "does not exist",
        "mailbox is full",
    ];
    static SET: std::sync::OnceLock<crate::re::Literals> = std::sync::OnceLock::new();
    l.starts_with("<<<") || crate::re::set(&SET, WORDS).any(l)
}

/// Turns blocks into findings (status, reply code, command read from the block text).
pub fn to_found(blocks: Vec<Block>) -> Vec<Found> {
    blocks
        .into_iter()
        .map(|b| Found {
            address: Some(b.address),
            diagnostic: if b.text.is_empty() { None } else { Some(b.text) },
            ..Found::default()
        })
        .collect()
}

/// Amazon SES notifications delivered as JSON (an SNS message body): `bouncedRecipients`,
/// `complainedRecipients` or a delivery. Returns the findings and whether it was a complaint.
pub fn ses_json(text: &str) -> Option<(Vec<Found>, bool)> {
    ses_json_at(text, 0)
}

fn ses_json_at(text: &str, depth: u8) -> Option<(Vec<Found>, bool)> {
    let Some(start) = text.find("{\"notificationType\"").or_else(|| text.find("{\"eventType\"")) else {
        // An SNS envelope carries the notification as a JSON string in its `Message` field.
        let at = text.find("\"Message\"").filter(|_| depth == 0 && text.contains("notificationType"))?;
        let open = text.get(..at)?.rfind('{')?;
        let slice: String = text.get(open..)?.chars().take(256 * 1024).filter(|&c| c != '\n' && c != '\r').collect();
        let mut de = serde_json::Deserializer::from_str(&slice).into_iter::<serde_json::Value>();
        let envelope = de.next()?.ok()?;
        let inner = envelope.get("Message")?.as_str()?;
        return ses_json_at(inner, depth + 1);
    };
    // Mail transport folds long lines: rejoin them before reading the JSON.
    let slice: String = text.get(start..)?.chars().take(256 * 1024).filter(|&c| c != '\n' && c != '\r').collect();
    let mut de = serde_json::Deserializer::from_str(&slice).into_iter::<serde_json::Value>();
    let v = de.next()?.ok()?;
    let kind = v.get("notificationType").or_else(|| v.get("eventType")).and_then(|k| k.as_str()).unwrap_or("");
    let mut out = Vec::new();
    let s = |x: &serde_json::Value, k: &str| x.get(k).and_then(|v| v.as_str()).map(str::to_string);
    match kind {
        "Bounce" => {
            let b = v.get("bounce")?;
            for r in b.get("bouncedRecipients")?.as_array()?.iter().take(super::dsn::MAX_RECIPIENTS) {
                out.push(Found {
                    address: s(r, "emailAddress").map(|a| a.to_ascii_lowercase()),
                    action: s(r, "action"),
                    status: s(r, "status").filter(|x| super::text::is_status(x)),
                    diagnostic: s(r, "diagnosticCode").map(|d| d.trim_start_matches("smtp; ").to_string()),
                    remote_host: b.get("remoteMtaIp").and_then(|x| x.as_str()).map(str::to_string),
                    ..Found::default()
                });
            }
            Some((out, false))
        }
        "Complaint" => {
            let c = v.get("complaint")?;
            for r in c.get("complainedRecipients")?.as_array()?.iter().take(super::dsn::MAX_RECIPIENTS) {
                out.push(Found { address: s(r, "emailAddress").map(|a| a.to_ascii_lowercase()), ..Found::default() });
            }
            Some((out, true))
        }
        "Delivery" => {
            let d = v.get("delivery")?;
            for r in d.get("recipients")?.as_array()?.iter().take(super::dsn::MAX_RECIPIENTS) {
                out.push(Found {
                    address: r.as_str().map(|a| a.to_ascii_lowercase()),
                    action: Some("delivered".to_string()),
                    status: Some("2.6.0".to_string()),
                    diagnostic: s(d, "smtpResponse"),
                    ..Found::default()
                });
            }
            Some((out, false))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postfix_line() {
        let t = "<kijitora@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 unknown\n    (in reply to RCPT TO command)\n";
        let b = blocks(t, &[]);
        assert_eq!(b.len(), 1);
        assert!(b[0].text.contains("550 5.1.1"));
        assert!(b[0].text.contains("RCPT TO"));
    }

    #[test]
    fn sendmail_transcript() {
        let t = "... while talking to mx.example.jp.:\n>>> RCPT To:<neko@example.jp>\n<<< 550 5.1.1 <neko@example.jp>... User unknown\n";
        let b = blocks(t, &[]);
        assert_eq!(b.len(), 1);
        assert!(b[0].text.contains("User unknown"), "{:?}", b);
    }

    #[test]
    fn exim_indented() {
        let t = "failed:\n\n  neko@example.jp\n    SMTP error from remote mail server after RCPT TO:<neko@example.jp>:\n    host mx [192.0.2.1]: 550 No such user\n\n------ This is a copy of the message, including all the headers. ------\nTo: other@example.com\n";
        let b = blocks(t, &[]);
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(b[0].text.contains("No such user"));
    }

    /// DragonFly Mail Agent copies the original's headers after "Message headers follow.": they
    /// are not the recipient's error (its `To:` line was read into the diagnostic before).
    #[test]
    fn message_headers_follow_ends_the_head() {
        let t = "There was an error delivering your mail to <neko@example.jp>.\n\nmx.example.jp [192.0.2.1] did not like our RCPT TO:\n550 5.1.1 <neko@example.jp>: User unknown\n\nMessage headers follow.\n\nSubject: hello\nTo: <neko@example.jp>\n";
        assert!(head(t).ends_with("User unknown\n\n"), "{:?}", head(t));
        let b = blocks(t, &[]);
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(b[0].text.contains("550 5.1.1") && !b[0].text.contains("To:"), "{b:?}");
    }

    /// The first-letter check of `is_boilerplate` lets every start through.
    #[test]
    fn every_boilerplate_start_is_recognised() {
        for s in BOILERPLATE {
            assert!(is_boilerplate(s), "{s}");
            assert!(is_boilerplate(&s.to_ascii_uppercase()), "{s}");
        }
    }
}
