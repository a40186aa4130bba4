//! RFC 3464 delivery-status fields: per-recipient blocks of `Final-Recipient`, `Action`,
//! `Status`, `Remote-MTA`, `Diagnostic-Code` (continuation lines unfolded). Also used on plain
//! text that carries the same fields without the MIME type (some MTAs do that).

use std::borrow::Cow;

use super::Found;

/// Recipients at most per message.
pub const MAX_RECIPIENTS: usize = 200;

/// Parses the delivery-status bodies; one [`Found`] per recipient block.
pub fn parse(bodies: &[String]) -> Vec<Found> {
    let mut out = Vec::new();
    for body in bodies {
        parse_one(body, &mut out);
    }
    out
}

fn clean_addr(v: &str) -> String {
    // `rfc822; user@example.com` → `user@example.com`
    let v = match v.split_once(';') {
        Some((_, a)) => a,
        None => v,
    };
    let v = v.trim().trim_matches(['<', '>', '\'', ' ']).trim();
    // `"odd..local"@example.com`: the quotes are syntax, not part of the mailbox name.
    let unquoted;
    let v = if v.starts_with('"') && v.contains("\"@") {
        unquoted = v.replace('"', "");
        unquoted.as_str()
    } else {
        v.trim_matches('"')
    };
    if v.contains(' ') || v.starts_with('|') {
        // A pipe command naming the address among its arguments: the address inside.
        if let Some(&(s, e)) = super::text::find_addresses(v).first() {
            return v.get(s..e).unwrap_or(v).to_string();
        }
    }
    v.to_string()
}

/// The fields of a delivery-status block this parser reads; every other field is `Other`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    ReportingMta,
    FinalRecipient,
    XActualRecipient,
    OriginalRecipient,
    Action,
    Status,
    RemoteMta,
    DiagnosticCode,
    Other,
}

impl Field {
    /// The field a (trimmed) name names, ignoring ASCII case.
    fn named(name: &str) -> Field {
        const NAMES: &[(&str, Field)] = &[
            ("reporting-mta", Field::ReportingMta),
            ("final-recipient", Field::FinalRecipient),
            ("x-actual-recipient", Field::XActualRecipient),
            ("original-recipient", Field::OriginalRecipient),
            ("action", Field::Action),
            ("status", Field::Status),
            ("remote-mta", Field::RemoteMta),
            ("diagnostic-code", Field::DiagnosticCode),
        ];
        NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map_or(Field::Other, |&(_, f)| f)
    }
}

/// Parses one body of `Field: value` lines, blocks separated by blank lines.
pub fn parse_one(body: &str, out: &mut Vec<Found>) {
    // Values borrow from the body; a value is copied only when a folded line is added (and the
    // folded lines of a field not read are not kept at all).
    let mut fields: Vec<(Field, Cow<'_, str>)> = Vec::new();
    let mut blocks: Vec<Vec<(Field, Cow<'_, str>)>> = Vec::new();
    let unfold = |fields: &mut Vec<(Field, Cow<'_, str>)>, line: &str| {
        if let Some((n, v)) = fields.last_mut() {
            if *n != Field::Other {
                let v = v.to_mut();
                v.push(' ');
                v.push_str(line.trim());
            }
        }
    };
    for line in super::text::lines(body).take(5000) {
        if line.trim().is_empty() {
            if !fields.is_empty() {
                blocks.push(std::mem::take(&mut fields));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            unfold(&mut fields, line);
            continue;
        }
        match line.split_once(':') {
            Some((n, v)) if !n.is_empty() && !n.contains(' ') => {
                let name = Field::named(n.trim());
                // Recipient blocks some MTAs forget to separate with a blank line.
                if name == Field::FinalRecipient && fields.iter().any(|(f, _)| *f == Field::FinalRecipient) {
                    blocks.push(std::mem::take(&mut fields));
                }
                fields.push((name, v.trim().into()));
            }
            _ => unfold(&mut fields, line),
        }
    }
    if !fields.is_empty() {
        blocks.push(fields);
    }
    // Per-message fields apply to every recipient block.
    let mut reporting = None::<String>;
    for block in blocks {
        let mut f = Found::default();
        let mut is_recipient = false;
        let mut original = None::<String>;
        let mut status_note = None::<String>;
        for (n, v) in block {
            match n {
                Field::ReportingMta => reporting = Some(strip_type(&v)),
                Field::FinalRecipient | Field::XActualRecipient
                    if f.address.is_none() || n == Field::FinalRecipient =>
                {
                    let a = clean_addr(&v);
                    // `Final-Recipient: rfc822;|/usr/bin/prog`: delivery to a program.
                    if n == Field::FinalRecipient && strip_type(&v).starts_with('|') {
                        f.unix = true;
                    }
                    if a.contains('@') || !a.is_empty() {
                        is_recipient = true;
                        if n == Field::FinalRecipient || f.address.is_none() {
                            f.address = Some(a);
                        }
                    }
                }
                Field::OriginalRecipient => {
                    let a = clean_addr(&v);
                    if !a.is_empty() {
                        original = Some(a);
                        is_recipient = true;
                    }
                }
                Field::Action => f.action = Some(v.to_ascii_lowercase()),
                Field::Status => {
                    let s = v.split_whitespace().next().unwrap_or("").trim_end_matches([';', ',', '.']);
                    if super::text::is_status(s) {
                        f.status = Some(s.to_string());
                        // `Status: 4.0.0 (cat.example.net: host name lookup failure)`
                        let rest = v.trim_start().get(s.len()..).unwrap_or("").trim();
                        if let Some(n) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
                            status_note = Some(n.trim().to_string());
                        }
                    }
                }
                Field::RemoteMta => f.remote_host = Some(strip_type(&v)),
                Field::DiagnosticCode => {
                    f.unix = v.trim_start().get(..6).is_some_and(|t| t.eq_ignore_ascii_case("x-unix"));
                    let d = strip_type(&v);
                    if !d.is_empty() {
                        f.diagnostic = Some(d);
                    }
                }
                _ => {}
            }
        }
        if !is_recipient {
            continue;
        }
        let odd =
            |a: &str| !a.contains('@') || a.starts_with('@') || a.rsplit('@').next().is_some_and(|d| !d.contains('.'));
        if f.address.as_deref().is_none_or(odd) {
            if let Some(o) = original {
                if !odd(&o) {
                    f.address = Some(o);
                }
            }
        }
        // A note beside the status is the only explanation some MTAs give.
        if f.diagnostic.is_none() {
            f.diagnostic = status_note.filter(|n| !n.is_empty());
        }
        f.reporting = reporting.clone();
        if out.len() < MAX_RECIPIENTS {
            out.push(f);
        }
    }
}

/// `dns; mx.example.com` → `mx.example.com`; `smtp; 550 ...` → `550 ...`.
fn strip_type(v: &str) -> String {
    match v.split_once(';') {
        Some((t, rest)) if t.len() <= 12 && !t.contains(' ') => rest.trim().to_string(),
        _ => v.trim().to_string(),
    }
}
