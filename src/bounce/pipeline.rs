//! The pipeline: read (MIME once) → find recipients (DSN fields, provider notice, MTA text, bare
//! reply) → detect the kind → classify each recipient → explain. Bounded everywhere: the input is
//! cut at [`message::MAX_INPUT`], the text at a few hundred KB, recipients at
//! [`dsn::MAX_RECIPIENTS`].

use super::message::{self, Input};
use super::text::{cut, find_command, find_reply_code, find_status};
use super::{classify, detect, dsn, explain, mta, notice, reply};
use super::{BounceRecipient, BounceReport, ExplainOptions, Found, Kind};
use crate::knowledge::catalogue;
use crate::knowledge::codes::{self, ProviderCode};
use crate::reason::{Fault, Reason};

pub fn run(raw: &[u8], opts: &ExplainOptions) -> BounceReport {
    let input = message::read(raw);
    let read = mta::Read::of(&input.text);
    let head = match read.head() {
        Some(h) => h,
        None => mta::head(&input.text),
    };
    // Bounce generators say who they are and what failed near the top; 16 KB is plenty.
    let lower = super::text::to_lower(cut(head, 16 * 1024));

    // Addresses that are the bounce's own sender/receiver, not failed recipients.
    let h = &input.headers;
    let mut exclude: Vec<&str> = Vec::new();
    for a in [h.from.as_str()] {
        if a.contains('@') {
            exclude.push(a);
        }
    }

    let mut kind = Kind::Notice;
    let mut generated_by = detect::generator(&input, &lower);

    let mut found = dsn::parse(&input.dsn);
    if !found.is_empty() {
        kind = Kind::Dsn;
    } else if input.text.contains("Final-")
        && (input.text.contains("Final-Recipient:") || input.text.contains("Final-recipient:"))
    {
        dsn::parse_one(head, &mut found);
        if found.is_empty() {
            dsn::parse_one(&input.text, &mut found);
        }
    }
    if found.is_empty()
        && input.text.contains("notificationType")
        && (input.text.contains("\"notificationType\"") || input.text.contains("\\\"notificationType\\\""))
    {
        if let Some((ses, complaint)) = mta::ses_json(&input.text) {
            if complaint {
                let mut report = empty_report(false);
                report.kind = Kind::Feedback;
                report.generated_by = Some("Amazon SES".to_string());
                for f in ses {
                    report.recipients.push(simple(f.address, Reason::Feedback, opts));
                }
                return report;
            }
            kind = Kind::Dsn;
            generated_by = Some("Amazon SES".to_string());
            found = ses;
        }
    }
    let short_paste =
        !input.is_message && super::text::lines(&input.text).filter(|l| !l.trim().is_empty()).count() <= 3;
    let is_notice = notice::is_notice(&input.text);
    if found.is_empty() && short_paste && !is_notice {
        if let Some(f) = reply::parse(&input.text) {
            kind = Kind::SmtpReply;
            found.push(f);
        }
    }
    let notice_info = if is_notice { Some(notice::parse(&input.text)) } else { None };
    let blocks = if kind != Kind::SmtpReply && (found.is_empty() || found.iter().any(|f| f.diagnostic.is_none())) {
        mta::blocks_of(&read, &exclude)
    } else {
        Vec::new()
    };

    if kind == Kind::SmtpReply {
        // A bare reply: the reply is all there is.
    } else if !found.is_empty() {
        // A DSN whose only recipient is no mailbox (`@host` left of a source route): the text names it.
        // (Or a file or program: Exim's `X-Failed-Recipients` then names the address.)
        if let [f] = found.as_mut_slice() {
            let a = f.address.as_deref().unwrap_or("");
            if a.starts_with('@') || !a.contains('@') {
                if let Some(b) = blocks.first() {
                    f.address = Some(b.address.clone());
                } else if let [x] = h.failed.as_slice() {
                    f.address = Some(x.clone());
                }
            }
        }
        for f in found.iter_mut() {
            let addr = f.address.clone().unwrap_or_default();
            let better = blocks.iter().find(|b| b.address.eq_ignore_ascii_case(&addr)).map(|b| b.text.clone());
            match (&f.diagnostic, better) {
                (None, Some(b)) if !b.is_empty() => f.diagnostic = Some(b),
                _ => {}
            }
        }
        if let Some(n) = &notice_info {
            if is_notice {
                kind = Kind::Notice;
            }
            for f in found.iter_mut() {
                if f.diagnostic.is_none() {
                    f.diagnostic = n.recipients.first().and_then(|r| r.diagnostic.clone());
                }
            }
        }
    } else if let Some(n) =
        notice_info.as_ref().filter(|n| n.recipients.iter().any(|r| r.address.is_some() || r.diagnostic.is_some()))
    {
        found = n.recipients.clone();
    } else if !blocks.is_empty() {
        found = mta::to_found(blocks);
    } else if !h.failed.is_empty() && !send_as_refused(&input.text) {
        found = h.failed.iter().map(|a| Found { address: Some(a.clone()), ..Found::default() }).collect();
    } else if !input.is_message {
        if let Some(f) = reply::parse(&input.text) {
            kind = Kind::SmtpReply;
            found.push(f);
        }
    } else if let Some(to) = original_to(&input, head.len()) {
        // No recipient line: the original message's recipient (when the notice names it, or
        // when nothing else does).
        // Gmail's 'Send mail as' refusal says why in prose and quotes the relay's reply.
        let diagnostic = send_as_refused(&input.text).then(|| {
            let lines: Vec<&str> = head
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("**") && !l.starts_with("Learn more"))
                .take(8)
                .collect();
            cut(&lines.join(" "), 800).to_string()
        });
        found.push(Found { address: Some(to), diagnostic, ..Found::default() });
    }

    // Whether each recipient's own diagnostic looks like an error, worked out once (it is asked
    // three times: here, for the message-wide lines, and in finish).
    let looks: Vec<bool> = found.iter().map(|f| f.diagnostic.as_deref().is_some_and(mta::looks_diagnostic)).collect();
    let has_errors = looks.iter().any(|&l| l);
    let det = detect::detect(&input, &lower, is_notice, !found.is_empty(), has_errors);
    let mut report = empty_report(det.suspicious);

    if det.feedback {
        report.kind = Kind::Feedback;
        report.generated_by = Some("ARF".to_string());
        for a in feedback_recipients(&input) {
            report.recipients.push(simple(Some(a), Reason::Feedback, opts));
        }
        return report;
    }
    let bounce = kind == Kind::SmtpReply || det.bounce_like || generated_by.as_deref() == Some("Amazon SES");
    if !bounce {
        if det.auto_reply {
            report.kind = Kind::AutoReply;
            let from = h.from.clone();
            report.recipients.push(simple(if from.contains('@') { Some(from) } else { None }, Reason::Vacation, opts));
        }
        return report;
    }
    if generated_by.is_none() {
        // A pasted notice or reply: its template labels or a Netease tag say whose it is.
        let top = cut(&input.text, 16 * 1024);
        // (The labels are Chinese: an ASCII text holds none.)
        let cjk = !top.is_ascii();
        generated_by = if cjk
            && ["原邮件信息", "英文说明", "邮件被退回来了", "原郵件信息", "英文說明", "郵件被退回來了"]
                .iter()
                .any(|m| top.contains(m))
        {
            Some("Netease".to_string())
        } else if cjk
            && ["无法发送到", "发送的邮件被退回", "無法發送到", "發送的郵件被退回"].iter().any(|m| top.contains(m))
        {
            Some("Tencent".to_string())
        } else {
            netease_tag(top).map(|_| "Netease".to_string())
        };
    }
    report.kind = kind;
    report.generated_by = generated_by;
    // The headers copied inline, read only when the notice and the attached original leave the
    // subject or the date unknown.
    let inline = std::cell::OnceCell::new();
    let inline = || inline.get_or_init(|| inline_original(&input, head.len()));
    report.original_subject = notice_info
        .as_ref()
        .and_then(|n| n.subject.clone())
        .or_else(|| input.original.subject.clone())
        .or_else(|| inline().subject.clone())
        .filter(|s| !s.is_empty())
        .map(|s| cut(&s, 300).to_string());
    report.original_date = notice_info
        .as_ref()
        .and_then(|n| n.time.clone())
        .or_else(|| input.original.date.clone())
        .or_else(|| inline().date.clone())
        .filter(|s| !s.is_empty())
        .map(|s| cut(&s, 100).to_string());

    // Whole-message error lines, for recipients without their own diagnostic.
    // Message-wide error lines: only worked out when a recipient lacks its own.
    let needs_global = found.is_empty()
        || found.iter().zip(&looks).any(|(f, &l)| f.diagnostic.as_deref().is_none_or(|d| d.trim().is_empty() || !l));
    let global = if needs_global { mta::error_lines(&read) } else { String::new() };
    if found.is_empty() {
        found.push(Found {
            diagnostic: if global.is_empty() { None } else { Some(global.clone()) },
            ..Found::default()
        });
    }
    let provider_host = match report.generated_by.as_deref() {
        Some("Netease") => Some("163.com".to_string()),
        Some("Tencent") => Some("qq.com".to_string()),
        _ => generated_by_host(&input),
    };
    // The command named anywhere in the bounce: worked out once, only if a diagnostic lacks one.
    let context_cell: std::cell::OnceCell<Option<&'static str>> = std::cell::OnceCell::new();
    let lowered: std::cell::OnceCell<String> = std::cell::OnceCell::new();
    // The transcript of the session (Sendmail's `>>> DATA`) follows the head, so the whole text is
    // searched when the head names no command.
    let context_command = || {
        *context_cell.get_or_init(|| {
            let whole_src = cut(&input.text, 64 * 1024);
            // `lower` is the lower-cased head, a prefix of the text: when it is the same slice as
            // `whole_src`, the whole text was already searched (and is not lower-cased again).
            let same = cut(head, 16 * 1024).len() == whole_src.len();
            let whole = || -> &str {
                if same {
                    &lower
                } else {
                    lowered.get_or_init(|| super::text::to_lower(whole_src))
                }
            };
            // A transcript of several sessions that failed at different commands (old Sendmail's
            // `While talking to ...` blocks) says nothing about one recipient in particular.
            // (Lower-casing makes no `>>> ` where there was none.)
            if whole_src.contains(">>> ") {
                let w = whole();
                let sent = [">>> mail from", ">>> rcpt to", ">>> data"].iter().filter(|c| w.contains(*c)).count();
                if sent > 1 && w.contains("while talking to") {
                    return None;
                }
            }
            find_command(&lower).or_else(|| if same { None } else { find_command(whole()) })
        })
    };
    let assume_rcpt = !input.is_message
        || matches!(report.generated_by.as_deref(), Some("Netease") | Some("Tencent") | Some("Coremail"));
    let top = cut(&input.text, 16 * 1024);
    let google_groups = top.contains("Google Groups") || !top.is_ascii() && top.contains("Google グループ");
    for (i, f) in found.into_iter().take(dsn::MAX_RECIPIENTS).enumerate() {
        report.recipients.push(finish(
            f,
            looks.get(i).copied(),
            &global,
            provider_host.as_deref(),
            &context_command,
            Flags {
                google_groups,
                assume_rcpt,
                spam_filtered: input.headers.spasign_ng,
                bare: report.kind == Kind::SmtpReply,
            },
            opts,
        ));
    }
    report.is_bounce = report.recipients.iter().any(|r| r.reason.is_bounce());
    report
}

fn empty_report(suspicious: bool) -> BounceReport {
    BounceReport {
        source: String::new(),
        is_bounce: false,
        kind: Kind::NotBounce,
        generated_by: None,
        suspicious,
        recipients: Vec::new(),
        original_subject: None,
        original_date: None,
    }
}

/// The headers of an original message copied inline after a marker line.
/// `head_len` is the length of [`mta::head`] of the text.
fn inline_original(input: &Input, head_len: usize) -> message::Original {
    if input.original.subject.is_some() || input.original.to.is_some() {
        return message::Original::default();
    }
    if head_len >= input.text.len() {
        return message::Original::default();
    }
    let rest = input.text.get(head_len..).unwrap_or("");
    message::original_from_headers(rest.split_once('\n').map_or("", |x| x.1).trim_start_matches(['\n', '\r']))
}

/// Gmail refused to send through a misconfigured 'Send mail as' account: nothing went out, and
/// the original's recipients are the ones it did not reach (its `X-Failed-Recipients` names the
/// alias's side, not them).
fn send_as_refused(text: &str) -> bool {
    let top = cut(text, 16 * 1024);
    top.contains("p=CustomFromDenied") || top.contains("using the 'Send mail as' feature")
}

/// The first recipient of the attached original message.
fn original_to(input: &Input, head_len: usize) -> Option<String> {
    let mut to = input.original.to.clone();
    if to.is_none() {
        to = inline_original(input, head_len).to;
    }
    let to = to?;
    let &(s, e) = super::text::find_addresses(&to).first()?;
    let a = to.get(s..e)?.to_ascii_lowercase();
    if a == input.headers.to {
        return None;
    }
    Some(a)
}

/// A recipient of a non-bounce (complaint, auto-reply).
fn simple(address: Option<String>, reason: Reason, opts: &ExplainOptions) -> BounceRecipient {
    let info = catalogue::reason_info(reason);
    BounceRecipient {
        address,
        action: None,
        status: None,
        reply_code: None,
        provider_code: None,
        remote_host: None,
        diagnostic: None,
        reason,
        hard: false,
        temporary: info.temporary,
        fault: info.fault,
        explanation: explain::build(reason, None, None, None, false, opts.lang),
        address_check: None,
    }
}

/// Who an ARF complaint is about: `Original-Rcpt-To`, else the original message's `To`.
fn feedback_recipients(input: &Input) -> Vec<String> {
    let mut out = Vec::new();
    for line in super::text::lines(&input.feedback_report).take(500) {
        if let Some((n, v)) = line.split_once(':') {
            if n.trim().eq_ignore_ascii_case("original-rcpt-to") || n.trim().eq_ignore_ascii_case("removal-recipient") {
                let v = v.trim().trim_matches(['<', '>']).to_ascii_lowercase();
                if v.contains('@') && !out.contains(&v) {
                    out.push(v);
                }
            }
        }
    }
    if out.is_empty() {
        if let Some(to) = &input.original.to {
            for (s, e) in super::text::find_addresses(to) {
                if let Some(a) = to.get(s..e) {
                    out.push(a.to_ascii_lowercase());
                }
            }
        }
    }
    if out.is_empty() {
        let mut redacted = None;
        let mut domain = None;
        for line in super::text::lines(&input.feedback_report).take(500) {
            if let Some((n, v)) = line.split_once(':') {
                let n = n.trim().to_ascii_lowercase();
                if n == "redacted-address" && redacted.is_none() {
                    redacted = Some(v.trim().trim_end_matches('@').to_string());
                }
                if n == "reported-domain" && domain.is_none() {
                    domain = Some(v.trim().to_string());
                }
            }
        }
        let _ = (redacted, domain);
    }
    out.truncate(dsn::MAX_RECIPIENTS);
    out
}

/// The host the bounce was generated on (for provider tags shared with other systems).
fn generated_by_host(input: &Input) -> Option<String> {
    let f = &input.headers.from;
    f.rsplit_once('@').map(|(_, d)| d.trim_end_matches('>').to_string())
}

/// A Netease/Coremail tag (`DT:SPM`, `HL:IFC`, `MI:SFQ` ...) in a text.
pub fn netease_tag(text: &str) -> Option<String> {
    const PREFIXES: &[&[u8; 2]] = &[b"DT", b"HL", b"RP", b"MI", b"SL", b"CM", b"IP", b"QT", b"FD"];
    // One pass over the colons: the first tag of the earliest prefix in the list (as if each prefix
    // were searched for in turn). `match_indices` finds the colons with a memchr, not a byte at a time.
    let b = text.as_bytes();
    let mut best: Option<(usize, usize)> = None; // (prefix rank, position)
    for (colon, _) in text.match_indices(':').filter(|&(i, _)| i >= 2) {
        let at = colon - 2;
        let Some(rank) = PREFIXES.iter().position(|p| b.get(at..colon) == Some(&p[..])) else { continue };
        if best.is_some_and(|(r, _)| r <= rank) {
            continue;
        }
        let prev_ok = at == 0 || b.get(at - 1).is_some_and(|c| !c.is_ascii_alphanumeric());
        let tag = b.get(at + 3..at + 6);
        let next_ok = b.get(at + 6).is_none_or(|c| !c.is_ascii_alphanumeric());
        if prev_ok && next_ok && tag.is_some_and(|t| t.iter().all(u8::is_ascii_uppercase)) {
            best = Some((rank, at));
            if rank == 0 {
                break;
            }
        }
    }
    best.and_then(|(_, at)| text.get(at..at + 6)).map(str::to_string)
}

/// The provider code entry for a diagnostic (Netease tags, Tencent texts ...), tried with each
/// host that may say whose code it is: the remote host, the recipient's domain, the generator's.
/// `scanned`: the diagnostic's scan for keys and patterns, where there is one (`lower` is the
/// diagnostic lower-cased).
fn provider_code(
    diag: &str,
    lower: &str,
    scanned: Option<&codes::Scanned>,
    hosts: &[Option<&str>],
) -> Option<&'static ProviderCode> {
    if diag.is_empty() {
        return None;
    }
    match scanned {
        Some(scanned) => codes::find_first_scanned(diag, lower, scanned, hosts),
        None => codes::find_first(diag, hosts),
    }
}

/// The Chinese providers a pasted text names in prose (`QQ邮箱`, `腾讯企业邮`, `网易`, `163邮箱`), as
/// the host their rows are bound to, in the order they are named.
fn providers_named(lower: &str) -> [Option<&'static str>; 2] {
    const NAMES: &[(&str, &str)] = &[
        ("qq邮箱", "qq.com"),
        ("qq 邮箱", "qq.com"),
        ("腾讯", "qq.com"),
        ("foxmail", "qq.com"),
        ("exmail", "qq.com"),
        ("企业微信", "qq.com"),
        ("网易", "163.com"),
        ("163邮箱", "163.com"),
        ("126邮箱", "163.com"),
        ("163 邮箱", "163.com"),
        ("126 邮箱", "163.com"),
        ("yeah邮箱", "163.com"),
    ];
    let mut named: Vec<(usize, &'static str)> =
        NAMES.iter().filter_map(|&(n, host)| lower.find(n).map(|i| (i, host))).collect();
    crate::knowledge::sort_small_by_key(&mut named, |&p| p);
    let first = named.first().map(|&(_, h)| h);
    let other = named.iter().map(|&(_, h)| h).find(|&h| Some(h) != first);
    [first, other]
}

/// A provider's own code (Netease, Tencent, Gmail ... or a row bound to a provider's hosts), as
/// opposed to the standard wording of an MTA.
fn is_specific(p: &ProviderCode) -> bool {
    !p.is_generic() || !p.hosts.is_empty()
}

/// The remote host named in a diagnostic (`host mx.example.com[192.0.2.1] said:`).
fn remote_host_in(diag: &str) -> Option<String> {
    // No `host` in any case and no `server: `: no key occurs (most diagnostics name no host).
    if !super::text::contains_ci(diag, "host") && !super::text::contains_ci(diag, "server: ") {
        return None;
    }
    let lower = diag.to_ascii_lowercase();
    for key in ["remote host ", "host ", "host: ", "generating server: ", "remote server: "] {
        let mut from = 0usize;
        while let Some(i) = lower.get(from..).and_then(|t| t.find(key)) {
            let at = from + i + key.len();
            let rest = diag.get(at..).unwrap_or("");
            // The token is ASCII: a prefix of `rest`, not a copy.
            let n = rest.bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'-').count();
            let tok = rest.get(..n).unwrap_or("");
            if tok.contains('.') && tok.chars().any(|c| c.is_ascii_alphabetic()) && tok.len() > 3 && !tok.ends_with('.')
            {
                return Some(tok.to_ascii_lowercase());
            }
            if tok.contains('.') && tok.len() > 6 {
                return Some(tok.trim_end_matches('.').to_string());
            }
            from = at;
        }
    }
    None
}

/// The action of a DSN as RFC 3464 defines it (`failed`, `delayed`, `delivered`, `relayed`,
/// `expanded`), from a field that may add a comment (`failed (bad destination)`); anything else
/// (`deliverable`, `expired`, prose, markup) is no action. Only the report is held to the grammar:
/// the classifier still reads what the bounce said.
fn action_value(v: &str) -> Option<String> {
    let word = v.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
    matches!(word.as_str(), "failed" | "delayed" | "delivered" | "relayed" | "expanded").then_some(word)
}

/// A remote host as a host name, an IP address or an address literal (`[192.0.2.1]`,
/// `[IPv6:2001:db8::1]`): the first word of the field (`mx.example.jp (192.0.2.1)` names
/// `mx.example.jp`), without a trailing dot; anything else (prose, markup) is no host.
fn host_value(v: &str) -> Option<String> {
    let word = v.split_whitespace().next()?;
    let word = if word.starts_with('[') { word } else { word.trim_end_matches('.') };
    let literal = word.len() > 2
        && word.starts_with('[')
        && word.ends_with(']')
        && word
            .get(1..word.len() - 1)
            .is_some_and(|a| a.chars().all(|c| c.is_ascii_alphanumeric() || ".:".contains(c)));
    let name = !word.is_empty()
        && word.chars().any(|c| c.is_ascii_alphanumeric())
        && word.chars().all(|c| c.is_ascii_alphanumeric() || ".-_:".contains(c))
        && !word.starts_with(['.', '-']);
    ((literal || name) && word.len() <= 255).then(|| word.to_string())
}

/// An SMTP reply code: three digits, the first 2, 4 or 5.
fn is_reply_code(c: &str) -> bool {
    let b = c.as_bytes();
    b.len() == 3 && matches!(b[0], b'2' | b'4' | b'5') && b.iter().all(u8::is_ascii_digit)
}

/// What the whole bounce says about each of its recipients.
#[derive(Clone, Copy)]
struct Flags {
    /// A Google Groups notice.
    google_groups: bool,
    /// A refusal of the address without a command is read as the answer to RCPT.
    assume_rcpt: bool,
    /// au EZweb's `X-SPASIGN: NG` header.
    spam_filtered: bool,
    /// A bare reply someone pasted: nothing says which system wrote it.
    bare: bool,
}

/// `looks`: whether `f`'s diagnostic looks like an error, when already known.
fn finish(
    mut f: Found,
    looks: Option<bool>,
    global: &str,
    bounce_host: Option<&str>,
    context_command: &dyn Fn() -> Option<&'static str>,
    flags: Flags,
    opts: &ExplainOptions,
) -> BounceRecipient {
    let Flags { google_groups, assume_rcpt, spam_filtered, bare } = flags;
    if f.diagnostic.as_deref().is_none_or(|d| d.trim().is_empty()) && !global.is_empty() {
        f.diagnostic = Some(global.to_string());
    } else if !global.is_empty()
        && f.diagnostic.as_deref().is_some_and(|d| !looks.unwrap_or_else(|| mta::looks_diagnostic(d)))
    {
        // The recipient's own lines say nothing about the error; the message-wide error lines do.
        f.diagnostic = Some(format!("{} {global}", f.diagnostic.as_deref().unwrap_or("")));
    }
    let diag = f.diagnostic.as_deref().map(super::text::join_reply_lines).unwrap_or_default();
    let diag = cut(&diag, 1200).to_string();
    let lower = super::text::lower(&diag);
    // An ASCII diagnostic (nearly all) is scanned once for the provider keys and reason patterns.
    let scanned = codes::scan_keys_and_patterns(&lower);
    let scanned = scanned.as_ref();

    let text_status = find_status(&diag);
    // The remote server's own status, quoted in the diagnostic, is more specific than what the
    // reporting MTA summarised it as (`Status: 4.4.7` over `450 4.7.1 Client host rejected`).
    let last_status = super::text::find_last_status(&diag);
    let status = match (f.status.take(), last_status.or(text_status)) {
        (Some(s), Some(t)) if s.get(..1) == t.get(..1) && !t.ends_with(".0.0") => Some(t),
        (Some(s), _) => Some(s),
        (None, t) => t,
    };
    let reply_code = f.reply_code.take().or_else(|| find_reply_code(&diag));
    let mut command = find_command(&lower).or_else(context_command);
    if command.is_none() {
        // A refusal that speaks of "the recipient" was an answer to RCPT. (Echoing the address as
        // `<a@example.com>` is no sign: Sendmail words every reply that way, after DATA too.)
        if lower.contains("recipient")
            || lower.contains("rcpt")
            || lower.starts_with("unknown user:")
            || lower.contains(": unknown user:")
            || lower.contains("domino")
            || lower.contains("not listed in public name & address book")
            || lower.contains("invalid final delivery userid")
            || lower.contains("user not found")
        {
            command = Some("RCPT");
        }
    }
    let reporting = f.reporting.take();
    let remote_host = f.remote_host.take().filter(|h| !h.is_empty()).or_else(|| remote_host_in(&diag));

    let rcpt_domain = f.address.as_deref().and_then(|a| a.rsplit_once('@')).map(|(_, d)| d.to_string());
    // A Netease or QQ notice that names no remote host speaks in the provider's own words: its
    // host is tried first (QQ's `Host not found` row over the Postfix wording the notice quotes).
    let own_notice = remote_host.is_none() && matches!(bounce_host, Some("163.com") | Some("qq.com"));
    let provider = if own_notice {
        provider_code(&diag, &lower, scanned, &[bounce_host, rcpt_domain.as_deref()])
    } else {
        provider_code(&diag, &lower, scanned, &[remote_host.as_deref(), rcpt_domain.as_deref(), bounce_host])
    };
    let tag = netease_tag(&diag);
    // A Netease tag whose usual text is missing (a trimmed paste) still names its entry.
    let provider = provider.or_else(|| tag.as_deref().and_then(crate::knowledge::codes::by_code));
    // A bare paste whose writer says which provider it was (`给QQ邮箱发信被退回：550 Mailbox
    // unavailable ...`): that provider's wording is read as its own.
    let provider = provider.or_else(|| {
        let named = if bare { providers_named(&lower) } else { [None, None] };
        named.iter().any(Option::is_some).then(|| provider_code(&diag, &lower, scanned, &named)).flatten()
    });
    // A provider's own code decides; a generic MTA text (Postfix, Exim ... rows) only lends its
    // wording when the generic classifier agrees with it.
    // The receiving provider's own codes (Cox `AUP#CDRBL`, Orange `OFR_506` ...), bound to its hosts.
    let rhost_cell: std::cell::OnceCell<Option<Reason>> = std::cell::OnceCell::new();
    let by_rhost = || {
        *rhost_cell.get_or_init(|| {
            let ctx = crate::knowledge::rhost::Ctx {
                lower: &lower,
                status: status.as_deref(),
                reply_code: reply_code.as_deref(),
                command,
            };
            let local = reporting.as_deref().or(bounce_host);
            crate::knowledge::rhost::find(rcpt_domain.as_deref(), remote_host.as_deref(), local, &ctx)
                .or_else(|| crate::knowledge::rhost::gmail_state(&ctx))
                .or_else(|| crate::knowledge::rhost::exchange_code(&ctx))
        })
    };
    let chinese = |p: &ProviderCode| {
        matches!(p.provider, crate::knowledge::codes::Provider::Netease | crate::knowledge::codes::Provider::Tencent)
    };
    let (mut reason, provider) = match provider {
        Some(p) if chinese(p) => (p.reason, Some(p)),
        p if by_rhost().is_some() => {
            let r = by_rhost().unwrap_or(Reason::OnHold);
            (r, p.filter(|p| p.reason == r))
        }
        Some(p) if is_specific(p) => (p.reason, Some(p)),
        other => {
            // The generic classifier's facts (the reason phrases are scanned for only here).
            let facts = classify::Facts {
                lower: &lower,
                status: status.as_deref(),
                reply_code: reply_code.as_deref(),
                command,
                action: f.action.as_deref(),
                hits: scanned.map_or_else(|| crate::knowledge::patterns::scan(&lower), |s| s.hits),
                assume_rcpt,
                unix: f.unix,
            };
            let r = classify::reason(&facts);
            (r, other.filter(|p| p.reason == r))
        }
    };
    // A Google Groups refusal (in the reader's language): the group does not take the post.
    if matches!(reason, Reason::Undefined | Reason::OnHold)
        && google_groups
        && f.address.as_deref().is_some_and(|a| a.ends_with("@googlegroups.com"))
    {
        reason = Reason::Rejected;
    }
    // au EZweb marks a refusal by its spam filter with `X-SPASIGN: NG` (Sisimai lhost/ezweb).
    if spam_filtered && matches!(reason, Reason::Undefined | Reason::OnHold) {
        reason = Reason::Filtered;
    }
    // A bare paste the generic classifier cannot place (`550 Invalid User`): a provider row's
    // wording still says what happened, though without a host it is not claimed as their code.
    if bare && matches!(reason, Reason::Undefined | Reason::OnHold) {
        if let Some(p) = provider_code(&diag, &lower, scanned, &[Some("163.com"), Some("qq.com")]) {
            reason = p.reason;
        }
    }
    let four = status.as_deref().is_some_and(|s| s.starts_with("4."))
        || reply_code.as_deref().is_some_and(|c| c.starts_with('4'));
    let info = catalogue::reason_info_as(reason, four);
    // A delay warning: the sending server is still retrying on its own.
    let delayed = f.action.as_deref().is_some_and(|a| a.starts_with("delayed"));
    let temporary = delayed
        || match provider {
            Some(p) => p.temporary,
            None => four || info.temporary,
        };
    let hard = reason.is_hard() && !four;
    let address_check =
        f.address.as_deref().filter(|a| a.contains('@')).map(|a| crate::recipients::check_address(a, &opts.check));
    let suggestion = address_check.as_ref().and_then(|c| c.suggestion.clone());
    let mut fault = provider.map_or(info.fault, |p| p.fault);
    if suggestion.is_some()
        && matches!(reason, Reason::UserUnknown | Reason::HostUnknown | Reason::OnHold | Reason::Undefined)
    {
        fault = Fault::RecipientAddress;
    }
    let explanation = explain::build(reason, provider, status.as_deref(), suggestion.as_deref(), four, opts.lang);
    BounceRecipient {
        address: f.address,
        action: f.action.as_deref().and_then(action_value),
        status: status.filter(|s| super::text::is_status(s)),
        reply_code: reply_code.filter(|c| is_reply_code(c)),
        provider_code: provider.map(|p| p.code.to_string()).or(tag),
        remote_host: remote_host.as_deref().and_then(host_value),
        diagnostic: if diag.is_empty() { None } else { Some(diag) },
        reason,
        hard,
        temporary,
        fault,
        explanation,
        address_check,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netease_tags_by_prefix_order() {
        assert_eq!(netease_tag("554 DT:SPM 163 smtp10").as_deref(), Some("DT:SPM"));
        assert_eq!(netease_tag("550 HL:IFC then DT:SPM").as_deref(), Some("DT:SPM"));
        assert_eq!(netease_tag("550 MI:SFQ and HL:IFC").as_deref(), Some("HL:IFC"));
        assert_eq!(netease_tag("xDT:SPM DT:SPMX FD:ABC").as_deref(), Some("FD:ABC"));
        assert_eq!(netease_tag("DT:spm"), None);
        assert_eq!(netease_tag("退信 DT:SPM。").as_deref(), Some("DT:SPM"));
        assert_eq!(netease_tag(":"), None);
    }

    #[test]
    fn providers_named_in_prose() {
        assert_eq!(providers_named("给qq邮箱发信被退回"), [Some("qq.com"), None]);
        assert_eq!(providers_named("用网易邮箱给腾讯企业邮箱发信"), [Some("163.com"), Some("qq.com")]);
        assert_eq!(providers_named("550 user unknown"), [None, None]);
    }

    #[test]
    fn structured_fields_keep_their_grammar() {
        assert_eq!(action_value("failed").as_deref(), Some("failed"));
        assert_eq!(action_value(" Failed (bad destination)").as_deref(), Some("failed"));
        assert_eq!(action_value("delayed").as_deref(), Some("delayed"));
        assert_eq!(action_value("expired"), None);
        assert_eq!(action_value("<script>alert(1)</script>"), None);
        assert_eq!(host_value("mx3.qq.com").as_deref(), Some("mx3.qq.com"));
        assert_eq!(host_value("mx.example.jp. (192.0.2.1, the server)").as_deref(), Some("mx.example.jp"));
        assert_eq!(host_value("[192.0.2.1]").as_deref(), Some("[192.0.2.1]"));
        assert_eq!(host_value("[IPv6:2001:db8::1]").as_deref(), Some("[IPv6:2001:db8::1]"));
        assert_eq!(host_value("2001:db8::1").as_deref(), Some("2001:db8::1"));
        assert_eq!(host_value("<img src=x onerror=alert(1)>"), None);
        assert_eq!(host_value("javascript:alert(1)"), None);
        assert_eq!(host_value("\"><svg onload=alert(1)>"), None);
        assert_eq!(host_value(""), None);
        assert!(is_reply_code("550") && !is_reply_code("55O") && !is_reply_code("5500"));
    }
}
