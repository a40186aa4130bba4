//! A bare SMTP reply or a send-time error, without a message around it: what a webmail or a mail
//! client shows when sending fails (`553 Mail from must equal authorized user`, `554 DT:SPM 163
//! smtp10,...`, `550 Mailbox not found or access denied`).

use super::text::{cut, find_addresses, find_reply_code, find_status, squeeze};
use super::Found;

/// Reads a short pasted text as an SMTP reply, if it looks like one: a reply code or an
/// enhanced status near the start, or a known provider code anywhere.
pub fn parse(text: &str) -> Option<Found> {
    let t = text.trim();
    if t.is_empty() || t.len() > 8 * 1024 {
        return None;
    }
    let head = cut(t, 300);
    let code = find_reply_code(head);
    let status = find_status(head);
    let tag = super::pipeline::netease_tag(t).is_some();
    let lower = t.to_ascii_lowercase();
    let known = tag
        || lower.contains("frequency limited")
        || lower.contains("mailbox unavailable")
        || lower.contains("mail content denied")
        || lower.contains("user not found")
        || lower.contains("mailbox not found")
        || distinctive(t);
    if code.is_none() && status.is_none() && !known {
        return None;
    }
    let address = find_addresses(t)
        .first()
        .and_then(|&(s, e)| t.get(s..e))
        .map(|a| a.trim_matches(['<', '>']).to_ascii_lowercase());
    Some(Found { address, diagnostic: Some(cut(&squeeze(t), 1200).to_string()), ..Found::default() })
}

/// A Netease or Tencent text that no other system uses (`ERR.LOGIN.PASSERR`, `该用户不存在`,
/// `... is a deactivated mailbox`): such a paste is a failure even without a reply code in front
/// (a mail client's `Invalid login: 460 ERR.LOGIN.PASSERR`). Rows bound to the providers' hosts
/// are generic wording and do not count here.
fn distinctive(text: &str) -> bool {
    use crate::knowledge::codes::{find, Provider};
    find(text, None).is_some_and(|p| matches!(p.provider, Provider::Netease | Provider::Tencent) && p.hosts.is_empty())
}
