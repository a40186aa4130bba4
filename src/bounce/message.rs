//! Reading the input once: a raw message goes through mail-parser (MIME, charsets, encoded
//! words); a pasted notice or reply (no header block) is decoded as text. Everything later stages
//! need is collected here in one pass, so MIME is never parsed twice.

use std::borrow::Cow;

use mail_parser::{HeaderName, Message, MessageParser, MimeHeaders, PartType};

/// Only this much of an input is parsed (a bounce is small; a huge one keeps its head).
pub const MAX_INPUT: usize = 4 * 1024 * 1024;
/// Structure lines (a boundary-like `--word`, a `Content-Type:` field) given to the MIME parser at
/// most. mail-parser keeps a part (and a level of state) per boundary, so its heap grows with their
/// number (4 MiB of nested multiparts, ~75,000 levels, took ~103 MiB), and it nests a message per
/// `message/rfc822` level, which it drops recursively (4 MiB of those, ~130,000 levels, overflowed
/// the stack). Only the first [`MAX_PARTS`] parts are read anyway.
const MAX_STRUCTURE_LINES: usize = 4096;
/// Text kept from all parts together.
const MAX_TEXT: usize = 512 * 1024;
/// Parts visited at most.
const MAX_PARTS: usize = 256;

/// The bounce's own headers (lower-cased where compared).
#[derive(Debug, Default)]
pub struct Headers {
    /// The `From` address, lower-cased.
    pub from: String,
    /// The `From` display name.
    pub from_name: String,
    pub to: String,
    pub subject: String,
    pub auto_submitted: String,
    /// `X-Failed-Recipients`, split.
    pub failed: Vec<String>,
    pub return_path: String,
    pub message_id: String,
    /// Content-Type `multipart/report` report-type, lower-cased.
    pub report_type: String,
    pub content_type: String,
    /// Every header name seen, lower-cased, each followed by a newline (for vendor headers like
    /// `x-aws-...`, `x-ses-...`): see [`Headers::has_name`].
    pub names: String,
    pub received_from: String,
    /// au EZweb's `X-SPASIGN: NG`: its spam filter refused the message.
    pub spasign_ng: bool,
}

impl Headers {
    /// Whether a header field named `name` (lower-case) was seen; with `prefix`, one whose name
    /// starts with it.
    pub fn has_name(&self, name: &str, prefix: bool) -> bool {
        super::text::lines(&self.names).any(|n| if prefix { n.starts_with(name) } else { n == name })
    }
}

/// What the original (bounced) message said about itself.
#[derive(Debug, Default, Clone)]
pub struct Original {
    pub subject: Option<String>,
    pub date: Option<String>,
    pub to: Option<String>,
}

/// Everything the later stages read.
#[derive(Debug, Default)]
pub struct Input {
    /// Whether the input had a header block (a raw message) or was pasted text.
    pub is_message: bool,
    pub headers: Headers,
    /// The human-readable text of the bounce (text parts; HTML turned into text when there is no
    /// plain part), without the attached original.
    pub text: String,
    /// Bodies of `message/delivery-status` parts.
    pub dsn: Vec<String>,
    /// A `message/feedback-report` part was present.
    pub feedback: bool,
    /// Its body.
    pub feedback_report: String,
    /// Headers of the original message, as text (`text/rfc822-headers` or an attached message).
    pub original_headers: String,
    pub original: Original,
    /// Whether the message attaches its original (a message/rfc822 part or headers part).
    pub has_original: bool,
}

/// Reads raw bytes into an [`Input`].
pub fn read(raw: &[u8]) -> Input {
    let raw = raw.get(..MAX_INPUT).unwrap_or(raw);
    let owned;
    let raw = if has_bare_cr(raw) {
        owned = bare_cr_to_lf(raw);
        owned.as_slice()
    } else {
        raw
    };
    if !looks_like_message(raw) {
        let text = fold_full_width(truncate(decode_text(raw), MAX_TEXT));
        return Input { text, ..Input::default() };
    }
    // The fast parser leaves each body as it is sent and only the bodies read are decoded (see
    // `transfer_decoded`); a message that attaches its original base64- or QP-encoded is parsed
    // again by the parser that decodes every body (mail-parser then parses the decoded original).
    let parsed = match read_parsed(raw, true) {
        Parsed::EncodedMessage => read_parsed(raw, false),
        parsed => parsed,
    };
    let Parsed::Read(mut input) = parsed else {
        return Input { text: fold_full_width(truncate(decode_text(raw), MAX_TEXT)), ..Input::default() };
    };
    if input.text.trim().is_empty() && input.dsn.is_empty() {
        // A body mail-parser could not classify: fall back to the raw bytes after the headers.
        if let Some(body) = body_after_headers(raw) {
            input.text = truncate(decode_text(body), MAX_TEXT);
        }
    }
    if input.original.subject.is_none() && !input.original_headers.is_empty() {
        input.original = original_from_headers(&input.original_headers);
    }
    *input
}

enum Parsed {
    Read(Box<Input>),
    /// mail-parser found no message.
    NoMessage,
    /// The fast parser met an encoded attached message.
    EncodedMessage,
}

/// Parses `raw` with the fast parser (`fast`) or the decoding one, and walks its parts.
fn read_parsed(raw: &[u8], fast: bool) -> Parsed {
    let parser = if fast { fast_parser() } else { parser() };
    let Some(msg) = parser.parse(mime_prefix(raw)) else {
        return Parsed::NoMessage;
    };
    let mut input = Input { is_message: true, ..Input::default() };
    input.headers = headers_of(&msg);
    let mut walked = Walk { plain: String::new(), html: Vec::new(), visited: 0, fast, encoded_message: false };
    walk(&msg, 0, &mut input, &mut walked);
    if walked.encoded_message {
        return Parsed::EncodedMessage;
    }
    input.text = if walked.plain.trim().is_empty() && !dsn_has_every_diagnostic(&input.dsn) {
        // HTML is turned into text only when there is no plain text to read (it rarely is), and
        // when no delivery-status part already gives each recipient its diagnostic: AOL's reports
        // are 60 KB of HTML beside a DSN that says it all, and reading them was a tenth of the time
        // spent on a whole corpus.
        let mut html = String::new();
        for (m, part, t) in walked.html {
            if html.len() < MAX_TEXT {
                let decoded = transfer_decoded(m, part).map(|b| body_text(part, b));
                push_capped(&mut html, &mail_parser::decoders::html::html_to_text(decoded.as_deref().unwrap_or(t)));
            }
        }
        html
    } else {
        walked.plain
    };
    Parsed::Read(Box::new(input))
}

/// A part's body as mail-parser decodes it when it reads `Content-Transfer-Encoding`: base64 and
/// quoted-printable bodies decoded by its own decoders (`None`: the body is not encoded, was
/// decoded already, or does not decode, in which case mail-parser keeps it as sent too). The fast
/// parser skips that field, so a body nobody reads (the HTML twin of a plain part, an attached
/// image) is never decoded: mail-parser's quoted-printable decoder was a sixth of the explain time.
fn transfer_decoded(msg: &Message<'_>, part: &mail_parser::MessagePart<'_>) -> Option<Vec<u8>> {
    if part.encoding != mail_parser::Encoding::None || part.is_encoding_problem {
        return None;
    }
    let base64 = match transfer_encoding(msg, part)? {
        TransferEncoding::Base64 => true,
        TransferEncoding::QuotedPrintable => false,
    };
    let body = msg.raw_message.get(part.offset_body as usize..part.offset_end as usize)?;
    if !base64 {
        return quoted_printable(body);
    }
    let mut stream = mail_parser::parsers::MessageStream::new(body);
    let (end, bytes) = stream.decode_base64_mime(b"");
    (end != usize::MAX).then(|| bytes.into_owned())
}

/// A quoted-printable body decoded exactly as mail-parser's `decode_quoted_printable_mime` decodes
/// it (with no boundary to stop at: the body is already cut out), but a run of plain bytes at a
/// time rather than a byte at a time (its loop was a sixtieth of a microsecond per byte, and the
/// quoted-printable text parts of Exchange and AOL reports are tens of kilobytes). Its quirks are
/// kept: `=` after `=` or `=X` fails the whole body (`None`), a bad escape is kept as written,
/// `\r` is dropped and makes every later line break CRLF, white space before a hard line break
/// is removed. `quoted_printable_is_mail_parsers` checks it against mail-parser's on random
/// bodies.
fn quoted_printable(body: &[u8]) -> Option<Vec<u8>> {
    fn hex(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'A'..=b'F' => Some(c - b'A' + 10),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Plain,
        Eq,
        /// After `=` and a hex digit (its value).
        Hex1(u8),
    }
    let mut out = Vec::with_capacity(body.len());
    let mut state = State::Plain;
    // White space pushed since the last other byte, removed before a hard line break.
    let mut ws = 0usize;
    let mut crlf: &[u8] = b"\n";
    let mut last = 0u8;
    let mut i = 0usize;
    while let Some(&c) = body.get(i) {
        if state == State::Plain && !matches!(c, b'=' | b'\n' | b'\r') {
            // A run of plain bytes, copied at once.
            let run = body.get(i..).unwrap_or(&[]);
            let n = run.iter().position(|&b| matches!(b, b'=' | b'\n' | b'\r')).unwrap_or(run.len());
            let run = run.get(..n).unwrap_or(&[]);
            out.extend_from_slice(run);
            let trailing = run.iter().rev().take_while(|b| b.is_ascii_whitespace()).count();
            ws = if trailing == n { ws + n } else { trailing };
            last = run.last().copied().unwrap_or(last);
            i += n;
            continue;
        }
        match c {
            b'=' => {
                if state != State::Plain {
                    return None;
                }
                state = State::Eq;
            }
            b'\n' => {
                if state == State::Eq {
                    state = State::Plain;
                } else {
                    out.truncate(out.len().saturating_sub(ws));
                    out.extend_from_slice(crlf);
                }
                ws = 0;
            }
            b'\r' => crlf = b"\r\n",
            _ => match state {
                State::Plain => {}
                State::Eq => {
                    if let Some(h) = hex(c) {
                        state = State::Hex1(h);
                    } else if !c.is_ascii_whitespace() {
                        state = State::Plain;
                        out.extend_from_slice(&[b'=', c]);
                        ws = 0;
                    }
                }
                State::Hex1(h) => {
                    state = State::Plain;
                    match hex(c) {
                        Some(l) => out.push((h << 4) | l),
                        None => out.extend_from_slice(&[b'=', last, c]),
                    }
                    ws = 0;
                }
            },
        }
        last = c;
        i += 1;
    }
    Some(out)
}

enum TransferEncoding {
    Base64,
    QuotedPrintable,
}

/// The part's `Content-Transfer-Encoding`, when it is one that changes the bytes.
fn transfer_encoding(msg: &Message<'_>, part: &mail_parser::MessagePart<'_>) -> Option<TransferEncoding> {
    // The last of several, as mail-parser reads it.
    let h = part.headers.iter().rev().find(|h| h.name == HeaderName::ContentTransferEncoding)?;
    let v = msg.raw_message.get(h.offset_start as usize..h.offset_end as usize)?.trim_ascii();
    if v.eq_ignore_ascii_case(b"base64") {
        Some(TransferEncoding::Base64)
    } else if v.eq_ignore_ascii_case(b"quoted-printable") {
        Some(TransferEncoding::QuotedPrintable)
    } else {
        None
    }
}

/// Decoded bytes of a text part as text, in its declared charset (as mail-parser does).
fn body_text(part: &mail_parser::MessagePart<'_>, bytes: Vec<u8>) -> String {
    let charset = part.content_type().and_then(|ct| ct.attribute("charset"));
    match charset.and_then(|c| mail_parser::decoders::charsets::map::charset_decoder(c.as_bytes())) {
        Some(decode) => decode(&bytes),
        None => String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

/// Whether the delivery-status parts name at least one recipient and carry a `Diagnostic-Code`
/// for each (counted as field lines: a recipient block starts with `Final-Recipient`).
fn dsn_has_every_diagnostic(dsn: &[String]) -> bool {
    let (mut recipients, mut diagnostics) = (0usize, 0usize);
    for line in dsn.iter().flat_map(|d| super::text::lines(d)) {
        let line = line.trim_start().as_bytes();
        let starts = |name: &[u8]| line.get(..name.len()).is_some_and(|h| h.eq_ignore_ascii_case(name));
        if starts(b"final-recipient:") {
            recipients += 1;
        } else if starts(b"diagnostic-code:") {
            diagnostics += 1;
        }
    }
    recipients > 0 && diagnostics >= recipients
}

/// The MIME parser, told to parse only the header fields read here through mail-parser's typed
/// accessors: the MIME fields a body needs, and `Subject`. Every other field (`Received`,
/// `Message-ID`, vendor fields ...) is skipped: the pipeline reads those as raw text (through the
/// field's offsets, not its parsed value), and parsing `Received` structurally was a good part of
/// the time spent on a bounce. `From`, `To` and `Date` are parsed by mail-parser's own field
/// parsers when read ([`parsed_field`]).
fn parser() -> &'static MessageParser {
    static PARSER: std::sync::OnceLock<MessageParser> = std::sync::OnceLock::new();
    PARSER.get_or_init(|| fields(MessageParser::new().header_text(HeaderName::ContentTransferEncoding)))
}

/// [`parser`] without `Content-Transfer-Encoding`: every body is kept as sent, and
/// [`transfer_decoded`] decodes the ones read.
fn fast_parser() -> &'static MessageParser {
    static PARSER: std::sync::OnceLock<MessageParser> = std::sync::OnceLock::new();
    PARSER.get_or_init(|| fields(MessageParser::new()))
}

fn fields(parser: MessageParser) -> MessageParser {
    parser
        .header_content_type(HeaderName::ContentType)
        .header_content_type(HeaderName::ContentDisposition)
        .header_text(HeaderName::Subject)
        .default_header_ignore()
}

/// The bytes given to the MIME parser: the input up to its [`MAX_STRUCTURE_LINES`]th structure
/// line (the rest is left unparsed: a message that long in parts is cut, not refused).
fn mime_prefix(raw: &[u8]) -> &[u8] {
    // Each structure line takes four bytes at least: a shorter input has too few to count.
    // Nor can one of fewer lines (counting them is a fast, vectorised loop).
    if raw.len() <= 4 * MAX_STRUCTURE_LINES || count_byte(raw, b'\n') <= MAX_STRUCTURE_LINES {
        return raw;
    }
    let mut count = 0usize;
    let mut i = 0usize;
    while let Some(p) = raw.get(i..).and_then(|r| r.iter().position(|&b| b == b'\n')) {
        let line = i + p + 1;
        let rest = raw.get(line..).unwrap_or(&[]);
        let boundary = rest.starts_with(b"--") && rest.get(2).is_some_and(|c| !c.is_ascii_whitespace());
        let content_type = rest.get(..13).is_some_and(|h| h.eq_ignore_ascii_case(b"content-type:"));
        if boundary || content_type {
            count += 1;
            if count > MAX_STRUCTURE_LINES {
                return raw.get(..line).unwrap_or(raw);
            }
        }
        i = line;
    }
    raw
}

/// Old Mac files end lines with a bare CR; MIME and line scanners expect LF.
fn has_bare_cr(raw: &[u8]) -> bool {
    let head = raw.get(..raw.len().min(8192)).unwrap_or(raw);
    if !head.contains(&b'\r') {
        return false;
    }
    let crs = count_byte(head, b'\r');
    let crlf = count_pair(head, b'\r', b'\n');
    crs > 0 && crlf * 2 < crs
}

/// How many times `byte` occurs in `hay`. Counted 255 bytes at a time in a `u8`, which the
/// compiler turns into vector code (`filter().count()` goes a byte at a time, at several
/// instructions a byte).
fn count_byte(hay: &[u8], byte: u8) -> usize {
    hay.chunks(255).map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(b == byte)))).sum()
}

/// How many times `first` is directly followed by `second` in `hay` (counted as [`count_byte`]).
fn count_pair(hay: &[u8], first: u8, second: u8) -> usize {
    let (Some(a), Some(b)) = (hay.get(..hay.len().saturating_sub(1)), hay.get(1..)) else {
        return 0;
    };
    let chunk = |(x, y): (&[u8], &[u8])| {
        usize::from(x.iter().zip(y).fold(0u8, |n, (&p, &q)| n + u8::from(p == first && q == second)))
    };
    a.chunks(255).zip(b.chunks(255)).map(chunk).sum()
}

fn bare_cr_to_lf(raw: &[u8]) -> Vec<u8> {
    // No CRLF at all (an old Mac file): each CR becomes an LF, a byte for a byte (vectorised).
    if count_pair(raw, b'\r', b'\n') == 0 {
        return raw.iter().map(|&b| if b == b'\r' { b'\n' } else { b }).collect();
    }
    let mut out = Vec::with_capacity(raw.len());
    // Copied a line at a time: each CR (or CRLF) becomes one LF.
    for (i, line) in raw.split(|&b| b == b'\r').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(if i > 0 { line.strip_prefix(b"\n").unwrap_or(line) } else { line });
    }
    out
}

/// A raw message starts with a header field (`Name: value`) or an mbox `From ` line.
fn looks_like_message(raw: &[u8]) -> bool {
    let start = raw.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(raw.len());
    let head = raw.get(start..).unwrap_or(&[]);
    if head.starts_with(b"From ") {
        return true;
    }
    let line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    let line = head.get(..line_end).unwrap_or(&[]);
    let Some(colon) = line.iter().position(|&b| b == b':') else {
        return false;
    };
    if colon == 0 || colon > 76 {
        return false;
    }
    // The fields of a delivery-status part copied out of a bounce (`Final-Recipient:`, `Action:`,
    // `Status:` ...) are no message header: the text is read as a pasted report.
    const DSN_FIELDS: &[&[u8]] = &[
        b"reporting-mta",
        b"final-recipient",
        b"original-recipient",
        b"action",
        b"status",
        b"diagnostic-code",
        b"remote-mta",
        b"arrival-date",
        b"last-attempt-date",
        b"received-from-mta",
        b"original-envelope-id",
        b"dsn-gateway",
        b"x-postfix-queue-id",
        b"x-postfix-sender",
    ];
    if line.get(..colon).is_some_and(|n| DSN_FIELDS.iter().any(|f| n.eq_ignore_ascii_case(f))) {
        return false;
    }
    let name_ok =
        line.get(..colon).is_some_and(|n| n.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    if !name_ok {
        return false;
    }
    // A pasted "Subject: ..." line alone is not a message; demand a second header line.
    let rest = head.get(line_end + 1..).unwrap_or(&[]);
    let next_end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    let next = rest.get(..next_end).unwrap_or(&[]);
    if next.first().is_some_and(|&b| b == b' ' || b == b'\t') {
        return true;
    }
    next.iter().position(|&b| b == b':').is_some_and(|c| {
        c > 0 && next.get(..c).is_some_and(|n| n.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    })
}

fn body_after_headers(raw: &[u8]) -> Option<&[u8]> {
    let pos = find_bytes(raw, b"\n\n").map(|p| p + 2).or_else(|| find_bytes(raw, b"\r\n\r\n").map(|p| p + 4))?;
    raw.get(pos..)
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Bytes of unknown charset as text: UTF-8 when valid, else GB18030 (the superset Chinese
/// webmail and clipboards use), else lossy UTF-8.
pub fn decode_text(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => match mail_parser::decoders::charsets::map::charset_decoder(b"gb18030") {
            Some(dec) => dec(raw),
            None => String::from_utf8_lossy(raw).into_owned(),
        },
    }
}

/// Text typed or pasted with a Chinese input method in full-width mode (`５５０`, `ＤＴ：ＳＰＭ`,
/// `ｌｉ＠example.com`): full-width letters, digits and `＠` become ASCII, and a full-width `：` `．`
/// `－` `＿` `／` or ideographic space between two ASCII letters or digits becomes its ASCII form
/// (`５５４　ＤＴ` is `554 DT`). Chinese punctuation in prose (`收件人：`, `时　间`, `，`) is kept. A
/// no-break space (a copy from a web page: `550&nbsp;5.1.1`) becomes a space.
pub fn fold_full_width(text: String) -> String {
    use crate::recipients::normalise::full_width_to_ascii;
    // Letters, digits and `＠` fold wherever they are; the punctuation only between two ASCII
    // letters or digits (see `joiner`).
    fn ascii(c: char) -> Option<char> {
        full_width_to_ascii(c).filter(|a| a.is_ascii_alphanumeric() || *a == '@')
    }
    fn joiner(c: char) -> Option<char> {
        match c {
            '\u{3000}' => Some(' '),
            c => full_width_to_ascii(c).filter(|a| matches!(a, ':' | '.' | '-' | '_' | '/')),
        }
    }
    if !text.chars().any(|c| ascii(c).is_some() || c == '\u{A0}') && !text.contains('\u{3000}') {
        return text;
    }
    // (A no-break space, as a copy from a web page has between words, is a space.)
    let chars: Vec<char> = text.chars().map(|c| if c == '\u{A0}' { ' ' } else { ascii(c).unwrap_or(c) }).collect();
    let alnum = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(char::is_ascii_alphanumeric);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        match joiner(c) {
            Some(a) if alnum(i.checked_sub(1)) && alnum(i.checked_add(1)) => out.push(a),
            _ => out.push(c),
        }
    }
    out
}

fn truncate(mut s: String, max: usize) -> String {
    if s.len() > max {
        let mut cut = max;
        while cut > 0 && !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
    s
}

/// The value of `msg`'s last `name` field (as mail-parser's typed accessors take it), parsed by
/// `parse` (one of mail-parser's field parsers) on demand: the parser skips these fields (see
/// [`fields`]), since most of those it meets are never read (an attached original's `From`, the
/// bounce's own `Date`), and parsing an address list was a good part of the time spent on headers.
fn parsed_field<'m>(
    msg: &'m Message<'m>,
    name: HeaderName<'static>,
    parse: fn(&mut mail_parser::parsers::MessageStream<'m>) -> mail_parser::HeaderValue<'m>,
) -> mail_parser::HeaderValue<'m> {
    let raw: &'m [u8] = msg.raw_message.as_ref();
    msg.root_part()
        .headers
        .iter()
        .rev()
        .find(|h| h.name == name)
        .and_then(|h| raw.get(h.offset_start as usize..h.offset_end as usize))
        .map_or(mail_parser::HeaderValue::Empty, |v| parse(&mut mail_parser::parsers::MessageStream::new(v)))
}

/// The first address of the last `From` (`which` "from") or `To` field: address, display name.
fn first_addr(msg: &Message<'_>, which: &str) -> (String, String) {
    let name = if which == "from" { HeaderName::From } else { HeaderName::To };
    let value = parsed_field(msg, name, |s| s.parse_address());
    let Some(a) = value.as_address().and_then(|a| a.first()) else {
        return (String::new(), String::new());
    };
    (a.address().unwrap_or("").trim().to_ascii_lowercase(), a.name().unwrap_or("").trim().to_string())
}

/// A field of `msg`'s own header block as text, as mail-parser's `headers_raw` gives it (none
/// when its bytes are not UTF-8). The block is checked as UTF-8 once: a field's value is then a
/// slice of it, which is UTF-8 exactly when the value's bytes alone are (a valid slice of valid
/// UTF-8 starts and ends on character boundaries). A block that is not UTF-8 has each value
/// checked alone.
fn field_values<'m>(msg: &'m Message<'m>) -> impl Fn(&mail_parser::Header<'_>) -> Option<&'m str> {
    let raw: &'m [u8] = msg.raw_message.as_ref();
    let fields = &msg.root_part().headers;
    let first = fields.iter().map(|f| f.offset_start as usize).min().unwrap_or(0);
    let end = fields.iter().map(|f| f.offset_end as usize).max().unwrap_or(0);
    let block = raw.get(first..end).and_then(|b| std::str::from_utf8(b).ok());
    move |field| {
        let (start, end) = (field.offset_start as usize, field.offset_end as usize);
        match block {
            Some(block) => block.get(start.checked_sub(first)?..end.checked_sub(first)?),
            None => raw.get(start..end).and_then(|v| std::str::from_utf8(v).ok()),
        }
    }
}

fn headers_of(msg: &Message<'_>) -> Headers {
    let (from, from_name) = first_addr(msg, "from");
    let (to, _) = first_addr(msg, "to");
    let mut h = Headers { from, from_name, to, ..Headers::default() };
    h.subject = msg.subject().unwrap_or("").trim().to_string();
    if let Some(ct) = msg.root_part().content_type() {
        h.content_type = format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("")).to_ascii_lowercase();
        h.report_type = ct.attribute("report-type").unwrap_or("").to_ascii_lowercase();
    }
    // One pass over the fields. A single field (Auto-Submitted ...) is its last occurrence, and
    // none when that one is not UTF-8 (as mail-parser's `header_raw` reads it); the others are
    // read from the first 200 UTF-8 fields (as its `headers_raw` gives them).
    let fields = &msg.root_part().headers;
    let value_of = field_values(msg);
    h.names.reserve(fields.len().min(200) * 16);
    let mut last: [Option<&str>; 4] = [None; 4]; // Auto-Submitted, Return-Path, Message-ID, From
    let mut read = 0usize;
    for field in fields.iter() {
        let value = value_of(field);
        let single = match field.name {
            HeaderName::AutoSubmitted => Some(0),
            HeaderName::ReturnPath => Some(1),
            HeaderName::MessageId => Some(2),
            HeaderName::From => Some(3),
            _ => None,
        };
        if let Some(i) = single {
            last[i] = Some(value.unwrap_or(""));
        }
        let Some(value) = value else { continue };
        if read == 200 {
            continue;
        }
        read += 1;
        let name = field.name.as_str();
        match &field.name {
            HeaderName::Received if h.received_from.is_empty() => {
                h.received_from = value.trim().to_ascii_lowercase();
            }
            HeaderName::Other(name) if name.eq_ignore_ascii_case("x-failed-recipients") => {
                for a in value.split([',', ' ', '\t', '\r', '\n']) {
                    let a = a.trim().trim_matches(['<', '>']);
                    if a.contains('@') && h.failed.len() < 100 {
                        h.failed.push(a.to_ascii_lowercase());
                    }
                }
            }
            HeaderName::Other(name) if name.eq_ignore_ascii_case("x-spasign") => {
                h.spasign_ng |= value.trim().eq_ignore_ascii_case("ng");
            }
            _ => {}
        }
        h.names.push_str(name);
        h.names.push('\n');
    }
    h.names.make_ascii_lowercase();
    let lower = |v: Option<&str>| v.map(|v| v.trim().to_ascii_lowercase()).unwrap_or_default();
    let [auto_submitted, return_path, message_id, raw_from] = last;
    h.auto_submitted = lower(auto_submitted);
    h.return_path = lower(return_path);
    h.message_id = lower(message_id);
    if h.from.is_empty() {
        // An unparsable From (e.g. `MAILER-DAEMON (Mail Delivery System)`) still says who wrote it.
        h.from = lower(raw_from);
    }
    h
}

/// A part's type and subtype, lower-cased (borrowed when they already are).
fn ctype_of<'p>(part: &'p mail_parser::MessagePart<'_>) -> (Cow<'p, str>, Cow<'p, str>) {
    use super::text::ascii_lower as lower;
    match part.content_type() {
        Some(ct) => (lower(ct.ctype()), lower(ct.subtype().unwrap_or(""))),
        None => (Cow::Borrowed("text"), Cow::Borrowed("plain")),
    }
}

fn push_capped(buf: &mut String, s: &str) {
    if buf.len() >= MAX_TEXT {
        return;
    }
    let room = MAX_TEXT - buf.len();
    let mut cut = s.len().min(room);
    while cut > 0 && !s.is_char_boundary(cut) {
        cut -= 1;
    }
    buf.push_str(s.get(..cut).unwrap_or(""));
    buf.push('\n');
}

/// What a walk over the parts gathers besides the [`Input`] fields.
struct Walk<'m> {
    plain: String,
    /// HTML parts, kept undecoded until it is known whether they are read.
    html: Vec<(&'m Message<'m>, &'m mail_parser::MessagePart<'m>, &'m str)>,
    visited: usize,
    /// Parsed by [`fast_parser`], which leaves bodies encoded.
    fast: bool,
    /// An attached message came base64- or QP-encoded (only the decoding parser reads it).
    encoded_message: bool,
}

fn walk<'m>(msg: &'m Message<'m>, depth: usize, input: &mut Input, w: &mut Walk<'m>) {
    if depth > 3 {
        return;
    }
    for part in msg.parts.iter() {
        w.visited += 1;
        if w.visited > MAX_PARTS {
            return;
        }
        let (ctype, sub) = ctype_of(part);
        let message_type =
            matches!(part.body, PartType::Message(_)) || (ctype == "message" && (sub == "rfc822" || sub == "global"));
        if w.fast && message_type && transfer_encoding(msg, part).is_some() {
            w.encoded_message = true;
            return;
        }
        match &part.body {
            PartType::Multipart(_) => {}
            PartType::Message(inner) => {
                if !input.has_original {
                    input.has_original = true;
                    input.original = Original {
                        subject: inner.subject().map(|s| s.trim().to_string()),
                        date: parsed_field(inner, HeaderName::Date, |s| s.parse_date())
                            .as_datetime()
                            .map(|d| d.to_rfc3339()),
                        to: parsed_field(inner, HeaderName::To, |s| s.parse_address())
                            .as_address()
                            .and_then(|a| a.first())
                            .and_then(|a| a.address())
                            .map(str::to_string),
                    };
                    // Room for the block as sent (what is pushed is that, give or take a newline).
                    let block = inner.root_part().headers.iter().take(100);
                    let len = block.map(|f| f.offset_end.saturating_sub(f.offset_field) as usize + 1).sum::<usize>();
                    let mut hs = String::with_capacity(len.min(64 * 1024 + 1024));
                    let value_of = field_values(inner);
                    let raw_fields =
                        inner.root_part().headers.iter().filter_map(|f| Some((f.name.as_str(), value_of(f)?)));
                    for (n, v) in raw_fields.take(100) {
                        hs.push_str(n);
                        hs.push(':');
                        hs.push_str(v);
                        if !v.ends_with('\n') {
                            hs.push('\n');
                        }
                    }
                    input.original_headers = truncate(hs, 64 * 1024);
                }
                // A DSN nested inside a forwarded bounce: look one level in when nothing found yet.
                if depth == 0 && input.dsn.is_empty() && inner.parts.iter().any(is_dsn_part) {
                    walk(inner, depth + 1, input, w);
                }
            }
            PartType::Text(t) => {
                let decoded = transfer_decoded(msg, part).map(|b| body_text(part, b));
                let t: &str = decoded.as_deref().unwrap_or(t);
                if ctype == "message" && (sub.contains("delivery-status")) {
                    input.dsn.push(t.to_string());
                } else if ctype == "message" && sub == "feedback-report" {
                    input.feedback = true;
                    input.feedback_report = truncate(t.to_string(), 64 * 1024);
                } else if sub == "rfc822-headers" || (ctype == "message" && sub.starts_with("global-headers")) {
                    input.has_original = true;
                    if input.original_headers.is_empty() {
                        input.original_headers = truncate(t.to_string(), 64 * 1024);
                    }
                } else if part.attachment_name().is_some() && !input.text_has_dsn_marker(t) {
                    // An attached file is not the notice (QQ attaches the original as a file).
                } else {
                    push_capped(&mut w.plain, t);
                }
            }
            PartType::Html(t) => {
                if w.html.len() < MAX_PARTS {
                    w.html.push((msg, part, t));
                }
            }
            PartType::Binary(b) | PartType::InlineBinary(b) => {
                let read = ctype == "message"
                    && (sub.contains("delivery-status") || matches!(&*sub, "feedback-report" | "rfc822" | "partial"));
                if !read {
                    continue;
                }
                let decoded = transfer_decoded(msg, part);
                let b: &[u8] = decoded.as_deref().unwrap_or(b);
                if sub.contains("delivery-status") {
                    input.dsn.push(decode_text(b.get(..64 * 1024).unwrap_or(b)));
                } else if sub == "feedback-report" {
                    input.feedback = true;
                    input.feedback_report = decode_text(b.get(..64 * 1024).unwrap_or(b));
                } else if !input.original_headers.is_empty() {
                    input.has_original = true;
                } else {
                    input.has_original = true;
                    let text = decode_text(b.get(..16 * 1024).unwrap_or(b));
                    let end = text.find("\n\n").or_else(|| text.find("\r\n\r\n")).unwrap_or(text.len());
                    input.original_headers = text.get(..end).unwrap_or("").to_string();
                }
            }
        }
    }
}

fn is_dsn_part(part: &mail_parser::MessagePart<'_>) -> bool {
    let (c, s) = ctype_of(part);
    c == "message" && s.contains("delivery-status")
}

impl Input {
    fn text_has_dsn_marker(&self, t: &str) -> bool {
        t.contains("Final-Recipient:") || t.contains("退信")
    }
}

/// Subject, Date, To from a header block given as text (unfolded, encoded words decoded).
pub fn original_from_headers(block: &str) -> Original {
    // Only the first of each of the three fields is kept: the others are not copied.
    const NAMES: [&str; 3] = ["subject", "date", "to"];
    let mut slots: [Option<String>; 3] = Default::default();
    let mut current: Option<(usize, String)> = None;
    let keep = |c: Option<(usize, String)>, slots: &mut [Option<String>; 3]| {
        if let Some((k, v)) = c {
            if let Some(slot) = slots.get_mut(k).filter(|s| s.is_none()) {
                *slot = Some(v);
            }
        }
    };
    for line in super::text::lines(block).take(400) {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = current.as_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        keep(current.take(), &mut slots);
        if let Some((n, v)) = line.split_once(':') {
            let n = n.trim();
            let k = NAMES.iter().position(|x| n.eq_ignore_ascii_case(x));
            if let Some(k) = k.filter(|&k| slots.get(k).is_some_and(Option::is_none)) {
                current = Some((k, v.trim().to_string()));
            }
        }
    }
    keep(current.take(), &mut slots);
    let [subject, date, to] = slots.map(|v| v.map(|v| decode_words(&v)));
    Original { subject, date, to }
}

/// Decodes RFC 2047 encoded words in a header value by letting mail-parser read a tiny message.
fn decode_words(v: &str) -> String {
    if !v.contains("=?") {
        return v.to_string();
    }
    let raw = format!("Subject: {v}\n\n");
    MessageParser::default()
        .parse_headers(raw.as_bytes())
        .and_then(|m| m.subject().map(str::to_string))
        .unwrap_or_else(|| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A seeded xorshift generator: the differential tests below draw their random inputs from it.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        /// A number below `n` (`n` > 0).
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        /// Up to `max_len - 1` bytes, each drawn from `alphabet`.
        fn bytes(&mut self, alphabet: &[u8], max_len: usize) -> Vec<u8> {
            let len = self.below(max_len);
            (0..len).map(|_| alphabet[self.below(alphabet.len())]).collect()
        }
    }

    /// The fast quoted-printable decoder gives what mail-parser's gives, on bodies made of the
    /// bytes that matter to it (escapes good and bad, soft and hard breaks, CR, white space).
    #[test]
    fn quoted_printable_is_mail_parsers() {
        let alphabet: &[u8] = b"=\n\r \t\x0cA3fgz=\xe9-";
        let mut rng = Rng(0x2545_f491_4f6c_dd1du64);
        for _ in 0..20_000 {
            let body = rng.bytes(alphabet, 40);
            let mut stream = mail_parser::parsers::MessageStream::new(&body);
            let (end, bytes) = stream.decode_quoted_printable_mime(b"");
            let theirs = (end != usize::MAX).then(|| bytes.into_owned());
            assert_eq!(quoted_printable(&body), theirs, "{:?}", String::from_utf8_lossy(&body));
        }
        for body in [&b"a =\r\nb=3D=3d c \t\r\nd=\n"[..], b"=4", b"=4=", b"==", b"=\n=", b"x=ZZ=4g", b"  \n", b"=A\rB"]
        {
            let mut stream = mail_parser::parsers::MessageStream::new(body);
            let (end, bytes) = stream.decode_quoted_printable_mime(b"");
            assert_eq!(quoted_printable(body), (end != usize::MAX).then(|| bytes.into_owned()));
        }
    }

    /// The vendored mail-parser's delimiter search (vendor/README.md) ends each part where the
    /// published byte loop does and leaves the stream at the same place, on random bodies made of
    /// the bytes that matter to it (dashes, CR, LF), from random starting points.
    #[test]
    fn mime_delimiter_search_is_mail_parsers() {
        use mail_parser::parsers::MessageStream;
        let alphabet: &[u8] = b"--\n\r ab";
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15u64);
        for _ in 0..50_000 {
            let data = rng.bytes(alphabet, 48);
            let boundary = rng.bytes(b"-ab", 4);
            let start = rng.below(data.len() + 1);
            let at = |s: &mut MessageStream<'_>| {
                s.skip_bytes(start);
                s.checkpoint();
            };
            let (mut ours, mut theirs) = (MessageStream::new(&data), MessageStream::new(&data));
            at(&mut ours);
            at(&mut theirs);
            let what = format!(
                "{:?} from {start} to {:?}",
                String::from_utf8_lossy(&data),
                String::from_utf8_lossy(&boundary)
            );
            assert_eq!(ours.mime_part(&boundary), theirs.mime_part_bytewise(&boundary), "mime_part {what}");
            assert_eq!((ours.offset(), ours.peek().copied()), (theirs.offset(), theirs.peek().copied()), "{what}");
            let (mut ours, mut theirs) = (MessageStream::new(&data), MessageStream::new(&data));
            at(&mut ours);
            at(&mut theirs);
            let b = (rng.below(5) != 0).then_some(boundary.as_slice());
            assert_eq!(ours.seek_part_end(b), theirs.seek_part_end_bytewise(b), "seek_part_end {what}");
            assert_eq!((ours.offset(), ours.peek().copied()), (theirs.offset(), theirs.peek().copied()), "{what}");
            ours.restore();
            theirs.restore();
            assert_eq!(ours.offset(), theirs.offset(), "{what}");
        }
    }

    /// The vendored mail-parser's skipping of an ignored field (vendor/README.md) leaves the
    /// stream where the published byte loop does, on random headers made of the bytes that matter
    /// to it (line ends, folding white space), from random starting points.
    #[test]
    fn ignored_fields_end_where_mail_parsers_do() {
        use mail_parser::parsers::MessageStream;
        let alphabet: &[u8] = b"\n\n \t\ra:";
        let mut rng = Rng(0x2545_f491_4f6c_dd1du64);
        for _ in 0..50_000 {
            let data = rng.bytes(alphabet, 40);
            let start = rng.below(data.len() + 1);
            let (mut ours, mut theirs) = (MessageStream::new(&data), MessageStream::new(&data));
            ours.skip_bytes(start);
            theirs.skip_bytes(start);
            // Twice: the second starts where the first left the stream (at or past the end).
            for _ in 0..2 {
                ours.parse_and_ignore();
                theirs.parse_and_ignore_bytewise();
                let what = format!("{:?} from {start}", String::from_utf8_lossy(&data));
                assert_eq!((ours.offset(), ours.peek().copied()), (theirs.offset(), theirs.peek().copied()), "{what}");
                assert_eq!(ours.is_eof(), theirs.is_eof(), "{what}");
            }
        }
    }

    /// The vendored mail-parser's field names (vendor/README.md) are read as the published byte
    /// loop reads them, on random names (known and not, cased at random, too long, with white
    /// space, colons and line ends about).
    #[test]
    fn field_names_read_as_mail_parsers() {
        use mail_parser::parsers::MessageStream;
        let pieces: &[&[u8]] = &[
            b"From",
            b"tO",
            b"content-TYPE",
            b"X-Failed-Recipients",
            b"a",
            b"-",
            b":",
            b" ",
            b"\t",
            b"\n",
            b"\r",
            b"\xe9",
            b"Received",
            b"x-very-long-header-name-that-goes-on-and-on-beyond-what-any-table-holds",
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15u64);
        for _ in 0..50_000 {
            let data: Vec<u8> = (0..rng.below(6)).flat_map(|_| pieces[rng.below(pieces.len())].to_vec()).collect();
            let (mut ours, mut theirs) = (MessageStream::new(&data), MessageStream::new(&data));
            let (a, b) = (ours.parse_header_name(), theirs.parse_header_name_bytewise());
            let what = format!("{:?}", String::from_utf8_lossy(&data));
            assert_eq!(
                a.as_ref().map(|n| n.as_str().to_string()),
                b.as_ref().map(|n| n.as_str().to_string()),
                "{what}"
            );
            assert_eq!(a, b, "{what}");
            assert_eq!((ours.offset(), ours.peek().copied()), (theirs.offset(), theirs.peek().copied()), "{what}");
        }
    }

    /// `From`, `To` and `Date` parsed on demand from the field's bytes ([`parsed_field`]) are what
    /// mail-parser gives when it parses them as it reads the message, on random fields (display
    /// names, quotes, comments, groups, encoded words, folding, CRLF, repeated fields, dates good
    /// and bad). Compared where both readings end the field at the same place: mail-parser's date
    /// and address parsers can run past the end of a malformed field into the next one (a date
    /// followed by `<` and a quote on the next line), where skipping the field ends it at its line.
    #[test]
    fn fields_parsed_on_demand_as_in_the_message() {
        let pieces: &[&str] = &[
            "a@example.com",
            "<b@example.jp>",
            "\"Mail Delivery\" ",
            "MAILER-DAEMON",
            " (comment) ",
            ", ",
            "group: ",
            ";",
            "=?utf-8?b?6YCA5L+h?=",
            "\r\n ",
            "\n\t",
            " ",
            "\"",
            "<",
            ">",
            "@",
            "Thu, 4 Dec 2026 05:34:48 +0800",
            "31 Feb 99 25:61 GMT",
            "x",
        ];
        let eager = MessageParser::new()
            .header_address(HeaderName::From)
            .header_address(HeaderName::To)
            .header_date(HeaderName::Date)
            .default_header_ignore();
        let mut rng = Rng(0x2545_f491_4f6c_dd1du64);
        let mut compared = 0;
        for _ in 0..20_000 {
            let mut raw = String::new();
            for _ in 0..1 + rng.below(4) {
                let name = ["From", "To", "Date", "Subject"][rng.below(4)];
                let value: String = (0..rng.below(6)).map(|_| pieces[rng.below(pieces.len())]).collect();
                raw.push_str(&format!("{name}: {value}\n"));
            }
            raw.push_str("\nbody\n");
            let (Some(a), Some(b)) = (eager.parse(raw.as_bytes()), fast_parser().parse(raw.as_bytes())) else {
                continue;
            };
            let span = |m: &Message<'_>| {
                m.root_part().headers.iter().map(|h| (h.offset_start, h.offset_end)).collect::<Vec<_>>()
            };
            if span(&a) != span(&b) {
                continue;
            }
            compared += 1;
            for (name, on_demand) in [
                (HeaderName::From, parsed_field(&b, HeaderName::From, |s| s.parse_address())),
                (HeaderName::To, parsed_field(&b, HeaderName::To, |s| s.parse_address())),
                (HeaderName::Date, parsed_field(&b, HeaderName::Date, |s| s.parse_date())),
            ] {
                let eager = a.root_part().headers.iter().rev().find(|h| h.name == name).map(|h| h.value.clone());
                assert_eq!(Some(on_demand).filter(|_| eager.is_some()), eager, "{name:?} in {raw:?}");
            }
        }
        assert!(compared > 15_000, "{compared}");
    }

    /// The vendored mail-parser (vendor/README.md) still turns text parts into what the published
    /// one does: UTF-8 (valid or not) as `String::from_utf8_lossy`, `us-ascii` as windows-1252
    /// (8-bit bytes included), whether the body is all ASCII or not.
    #[test]
    fn text_parts_decode_as_published() {
        let cp1252 = |b: &[u8]| -> String {
            b.iter()
                .map(|&c| match c {
                    0x80 => '€',
                    0xe9 => 'é',
                    c if c < 0x80 => char::from(c),
                    _ => unreachable!(),
                })
                .collect()
        };
        let bodies: &[&[u8]] = &[
            b"plain ASCII, 550 5.1.1 user unknown",
            "退信 UTF-8 正文".as_bytes(),
            b"broken \xe9\x80 UTF-8 \xff and \xe9",
            b"",
            b"caf\xe9 \x80",
        ];
        for &body in bodies {
            for (charset, want) in [
                ("", Some(String::from_utf8_lossy(body).into_owned())),
                ("; charset=utf-8", Some(String::from_utf8_lossy(body).into_owned())),
                ("; charset=us-ascii", body.iter().all(|&c| c <= 0x80 || c == 0xe9).then(|| cp1252(body))),
            ] {
                let Some(want) = want else { continue };
                let mut raw = format!("From: a@example.com\nContent-Type: text/plain{charset}\n\n").into_bytes();
                raw.extend_from_slice(body);
                let msg = fast_parser().parse(&raw).expect("a message");
                let got = msg.body_text(0).map(|t| t.into_owned()).unwrap_or_default();
                assert_eq!(got, want, "{charset} {:?}", String::from_utf8_lossy(body));
            }
        }
    }

    #[test]
    fn pasted_text_is_not_a_message() {
        assert!(!looks_like_message("554 DT:SPM 163 smtp10".as_bytes()));
        assert!(!looks_like_message("退信原因：对方邮箱不存在".as_bytes()));
        assert!(!looks_like_message(b"Subject: hello\nthat is all"));
        assert!(looks_like_message(b"From: a@b\nTo: c@d\n\nhi"));
        assert!(!looks_like_message(b"Final-Recipient: rfc822; a@b\nAction: failed\nStatus: 5.1.1"));
        assert!(!looks_like_message(b"Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; a@b"));
    }

    /// An HTML-only report: its HTML is read only when the DSN leaves a recipient unexplained.
    fn html_report(diagnostic: &str) -> String {
        format!(
            "From: MAILER-DAEMON@mx.example.com\nTo: a@example.org\nSubject: Undeliverable\nMIME-Version: 1.0\n\
             Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n\
             --b\nContent-Type: text/html; charset=utf-8\n\n<p>Mailbox <b>full</b> for x@example.net</p>\n\
             --b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\n\
             Final-Recipient: rfc822; x@example.net\nAction: failed\nStatus: 5.2.2\n{diagnostic}\n--b--\n"
        )
    }

    #[test]
    fn html_is_read_only_when_the_dsn_lacks_a_diagnostic() {
        let with = read(html_report("Diagnostic-Code: smtp; 552 5.2.2 mailbox full").as_bytes());
        assert_eq!(with.dsn.len(), 1);
        assert!(with.text.trim().is_empty(), "{:?}", with.text);
        let without = read(html_report("").as_bytes());
        assert!(without.text.contains("Mailbox full for x@example.net"), "{:?}", without.text);
        assert!(dsn_has_every_diagnostic(&["Final-Recipient: rfc822; a@b\ndiagnostic-code: smtp; 550".into()]));
        assert!(!dsn_has_every_diagnostic(&[
            "Final-Recipient: rfc822; a@b\nDiagnostic-Code: smtp; 550\n\nFinal-Recipient: rfc822; c@d".into()
        ]));
        assert!(!dsn_has_every_diagnostic(&[]));
    }

    #[test]
    fn bodies_read_are_transfer_decoded() {
        // A base64 GBK notice and a quoted-printable plain part: decoded as mail-parser decodes them.
        let raw = "From: Postmaster@163.com\nTo: a@163.com\nSubject: x\nMIME-Version: 1.0\n\
                   Content-Type: multipart/mixed; boundary=\"b\"\n\n\
                   --b\nContent-Type: text/plain; charset=GBK\nContent-Transfer-Encoding: base64\n\n0MXP5LK7tObU2g==\n\
                   --b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n\
                   550 Mailbox=20not =E6=89=BE=E5=88=B0 soft=\nbreak\n\
                   --b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n!!!not base64!!!\n--b--\n";
        let input = read(raw.as_bytes());
        assert!(input.text.contains("信箱不存在"), "{:?}", input.text);
        assert!(input.text.contains("550 Mailbox not 找到 softbreak"), "{:?}", input.text);
        assert!(!input.text.contains("not base64"), "{:?}", input.text);
    }

    #[test]
    fn an_encoded_attached_message_is_parsed_decoded() {
        // message/rfc822 sent base64-encoded: the decoding parser reads the original inside it.
        let original = "Subject: the original\nTo: x@example.net\n\nhello\n";
        let b64 = base64_encode(original.as_bytes());
        let raw = format!(
            "From: MAILER-DAEMON@mx.example.com\nTo: a@example.org\nSubject: Undelivered\nMIME-Version: 1.0\n\
             Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n\
             --b\nContent-Type: text/plain\n\n550 5.1.1 <x@example.net>: User unknown\n\
             --b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n{b64}\n--b--\n"
        );
        let input = read(raw.as_bytes());
        assert_eq!(input.original.subject.as_deref(), Some("the original"));
        assert!(input.text.contains("User unknown"));
    }

    fn base64_encode(bytes: &[u8]) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for c in bytes.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for i in 0..4 {
                if i <= c.len() {
                    out.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[test]
    fn folds_full_width_typing() {
        let f = |s: &str| fold_full_width(s.to_string());
        assert_eq!(f("错误代码：５５４　ＤＴ：ＳＰＭ　１６３"), "错误代码：554 DT:SPM 163");
        assert_eq!(f("收件人：ｌｉ＠example．com"), "收件人：li@example.com");
        assert_eq!(f("时　间：2025　主　题：报价，谢谢"), "时　间：2025　主　题：报价，谢谢");
        assert_eq!(f("plain ascii"), "plain ascii");
        assert_eq!(f("550\u{A0}5.1.1\u{A0}User unknown"), "550 5.1.1 User unknown");
    }

    #[test]
    fn bare_carriage_returns_become_line_feeds() {
        assert!(has_bare_cr(b"From: a\rTo: b\r\rhi\r"));
        assert!(!has_bare_cr(b"From: a\r\nTo: b\r\n\r\nhi"));
        assert!(!has_bare_cr(b"From: a\nTo: b\n"));
        assert_eq!(bare_cr_to_lf(b"a\rb\r\nc\r\r\nd\r"), b"a\nb\nc\n\nd\n");
        assert_eq!(bare_cr_to_lf(b"\n\ra"), b"\n\na");
        assert_eq!(bare_cr_to_lf(b"a\rb\r\rc\n\r"), b"a\nb\n\nc\n\n");
    }

    #[test]
    fn counts_bytes_and_pairs() {
        let text: Vec<u8> = (0..2000u32).map(|i| b"a\r\n\rb\n\r"[(i % 7) as usize]).collect();
        for len in [0, 1, 2, 254, 255, 256, 509, 510, 511, 2000] {
            let t = &text[..len];
            assert_eq!(count_byte(t, b'\r'), t.iter().filter(|&&b| b == b'\r').count(), "{len}");
            let pairs = t.windows(2).filter(|w| w == b"\r\n").count();
            assert_eq!(count_pair(t, b'\r', b'\n'), pairs, "{len}");
        }
    }

    #[test]
    fn decodes_gbk() {
        let gbk = [0xcd, 0xcb, 0xd0, 0xc5]; // 退信
        assert_eq!(decode_text(&gbk), "退信");
    }
}
