//! The pipeline: read (MIME once) → find recipients (DSN fields, provider notice, MTA text, bare
//! reply) → detect the kind → classify each recipient → explain. Bounded everywhere: the input is
//! cut at [`message::MAX_INPUT`], the text at a few hundred KB, recipients at
//! [`dsn::MAX_RECIPIENTS`].

use super::message::{self, Input};
use super::text::{cut, find_command, find_reply_code, find_status, squeeze};
use super::{classify, detect, dsn, explain, mta, notice, reply};
use super::{BounceRecipient, BounceReport, ExplainOptions, Found, Kind};
use crate::knowledge::catalogue;
use crate::knowledge::codes::ProviderCode;
use crate::reason::{Fault, Reason};

pub fn run(raw: &[u8], opts: &ExplainOptions) -> BounceReport {
    let input = message::read(raw);
    let head = mta::head(&input.text);
    let lower = cut(head, 128 * 1024).to_lowercase();

    // Addresses that are the bounce's own sender/receiver, not failed recipients.
    let h = &input.headers;
    let mut exclude: Vec<&str> = Vec::new();
    for a in [h.to.as_str(), h.from.as_str()] {
        if a.contains('@') {
            exclude.push(a);
        }
    }

    let mut kind = Kind::Notice;
    let mut generated_by = detect::generator(&input, &lower);

    let mut found = dsn::parse(&input.dsn);
    if !found.is_empty() {
        kind = Kind::Dsn;
    } else if input.text.contains("Final-Recipient:") || input.text.contains("Final-recipient:") {
        dsn::parse_one(mta::head(&input.text), &mut found);
        if found.is_empty() {
            dsn::parse_one(&input.text, &mut found);
        }
    }
    let is_notice = notice::is_notice(&input.text);
    let notice_info = if is_notice { Some(notice::parse(&input.text)) } else { None };
    let blocks = if found.is_empty() || found.iter().any(|f| f.diagnostic.is_none()) {
        mta::blocks(&input.text, &exclude)
    } else {
        Vec::new()
    };

    if !found.is_empty() {
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
    } else if let Some((ses, complaint)) = mta::ses_json(&input.text) {
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
    } else if !h.failed.is_empty() {
        found = h.failed.iter().map(|a| Found { address: Some(a.clone()), ..Found::default() }).collect();
    } else if !input.is_message {
        if let Some(f) = reply::parse(&input.text) {
            kind = Kind::SmtpReply;
            found.push(f);
        }
    } else if let Some(to) = original_to(&input) {
        // No recipient line: the original message's recipient (when the notice names it, or
        // when nothing else does).
        found.push(Found { address: Some(to), ..Found::default() });
    }

    let det = detect::detect(&input, &lower, !found.is_empty());
    let mut report = empty_report(det.suspicious);

    if det.feedback {
        report.kind = Kind::Feedback;
        report.generated_by = Some("ARF".to_string());
        for a in feedback_recipients(&input) {
            report.recipients.push(simple(Some(a), Reason::Feedback, opts));
        }
        return report;
    }
    let bounce = kind == Kind::SmtpReply || det.bounce_like;
    if !bounce {
        if det.auto_reply {
            report.kind = Kind::AutoReply;
            let from = h.from.clone();
            report.recipients.push(simple(if from.contains('@') { Some(from) } else { None }, Reason::Vacation, opts));
        }
        return report;
    }
    if generated_by.is_none() && kind == Kind::SmtpReply {
        generated_by = netease_tag(&input.text).map(|_| "Netease".to_string());
    }
    report.kind = kind;
    report.generated_by = generated_by;

    // Whole-message error lines, for recipients without their own diagnostic.
    let global = mta::error_lines(&input.text);
    if found.is_empty() {
        found.push(Found {
            diagnostic: if global.is_empty() { None } else { Some(global.clone()) },
            ..Found::default()
        });
    }
    let provider_host = generated_by_host(&input);
    for f in found.into_iter().take(dsn::MAX_RECIPIENTS) {
        report.recipients.push(finish(f, &global, provider_host.as_deref(), opts));
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
    }
}

/// The first recipient of the attached original message.
fn original_to(input: &Input) -> Option<String> {
    let mut to = input.original.to.clone();
    if to.is_none() {
        // An inline copy after a marker line.
        let head_len = mta::head(&input.text).len();
        let rest = input.text.get(head_len..).unwrap_or("");
        let o =
            message::original_from_headers(rest.split_once('\n').map_or("", |x| x.1).trim_start_matches(['\n', '\r']));
        to = o.to;
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
        explanation: explain::build(reason, None, None, None, opts.lang),
        address_check: None,
    }
}

/// Who an ARF complaint is about: `Original-Rcpt-To`, else the original message's `To`.
fn feedback_recipients(input: &Input) -> Vec<String> {
    let mut out = Vec::new();
    for line in input.feedback_report.lines().take(500) {
        if let Some((n, v)) = line.split_once(':') {
            if n.trim().eq_ignore_ascii_case("original-rcpt-to") {
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
        for line in input.feedback_report.lines().take(500) {
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
    const PREFIXES: &[&str] = &["DT:", "HL:", "RP:", "MI:", "SL:", "CM:", "IP:", "QT:", "FD:"];
    let b = text.as_bytes();
    for p in PREFIXES {
        let mut from = 0usize;
        while let Some(i) = text.get(from..).and_then(|t| t.find(p)) {
            let at = from + i;
            let prev_ok = at == 0 || b.get(at - 1).is_some_and(|c| !c.is_ascii_alphanumeric());
            let tag = b.get(at + 3..at + 6);
            let next_ok = b.get(at + 6).is_none_or(|c| !c.is_ascii_alphanumeric());
            if prev_ok && next_ok && tag.is_some_and(|t| t.iter().all(u8::is_ascii_uppercase)) {
                return text.get(at..at + 6).map(str::to_string);
            }
            from = at + 3;
        }
    }
    None
}

/// The provider code entry for a diagnostic (Netease tags, Tencent texts ...).
fn provider_code(diag: &str, host: Option<&str>) -> Option<&'static ProviderCode> {
    let _ = (diag, host);
    None
}

/// The remote host named in a diagnostic (`host mx.example.com[192.0.2.1] said:`).
fn remote_host_in(diag: &str) -> Option<String> {
    let lower = diag.to_ascii_lowercase();
    for key in ["remote host ", "host ", "generating server: ", "remote server: "] {
        let mut from = 0usize;
        while let Some(i) = lower.get(from..).and_then(|t| t.find(key)) {
            let at = from + i + key.len();
            let rest = diag.get(at..).unwrap_or("");
            let tok: String =
                rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-').collect();
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

fn finish(mut f: Found, global: &str, bounce_host: Option<&str>, opts: &ExplainOptions) -> BounceRecipient {
    if f.diagnostic.as_deref().is_none_or(|d| d.trim().is_empty()) && !global.is_empty() {
        f.diagnostic = Some(global.to_string());
    }
    let diag = f.diagnostic.as_deref().map(squeeze).unwrap_or_default();
    let diag = cut(&diag, 1200).to_string();
    let lower = diag.to_lowercase();

    let text_status = find_status(&diag);
    let status = match (f.status.take(), text_status) {
        (Some(s), Some(t)) if s.ends_with(".0.0") && s.get(..1) == t.get(..1) && !t.ends_with(".0.0") => Some(t),
        (Some(s), _) => Some(s),
        (None, t) => t,
    };
    let reply_code = f.reply_code.take().or_else(|| find_reply_code(&diag));
    let command = find_command(&lower);
    let remote_host = f.remote_host.take().filter(|h| !h.is_empty()).or_else(|| remote_host_in(&diag));

    let host = remote_host.as_deref().or(bounce_host);
    let provider = provider_code(&diag, host);
    let tag = netease_tag(&diag);
    let facts = classify::Facts {
        lower: &lower,
        status: status.as_deref(),
        reply_code: reply_code.as_deref(),
        command,
        action: f.action.as_deref(),
    };
    let reason = provider.map(|p| p.reason).unwrap_or_else(|| classify::reason(&facts));
    let info = catalogue::reason_info(reason);
    let four = status.as_deref().is_some_and(|s| s.starts_with("4."))
        || reply_code.as_deref().is_some_and(|c| c.starts_with('4'));
    let temporary = match provider {
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
    let explanation = explain::build(reason, provider, status.as_deref(), suggestion.as_deref(), opts.lang);
    BounceRecipient {
        address: f.address,
        action: f.action,
        status,
        reply_code,
        provider_code: provider.map(|p| p.code.to_string()).or(tag),
        remote_host,
        diagnostic: if diag.is_empty() { None } else { Some(diag) },
        reason,
        hard,
        temporary,
        fault,
        explanation,
        address_check,
    }
}
