//! A bare SMTP reply or a send-time error, without a message around it: what a webmail or a mail
//! client shows when sending fails (`553 Mail from must equal authorized user`, `554 DT:SPM 163
//! smtp10,...`, `550 Mailbox not found or access denied`).

use super::text::{cut, find_addresses, find_reply_code_at, find_status, is_status, squeeze};
use super::Found;

/// Words with which people say a mail came back (`退信提示：`, `发邮件一直被退回`, `报错`): a paste
/// that uses one is about a failure, so a reply code in it counts even inside a Chinese sentence.
const BOUNCE_WORDS: &[&str] = &[
    "退信",
    "退回",
    "被退",
    "投递失败",
    "发送失败",
    "发信失败",
    "无法送达",
    "未送达",
    "无法投递",
    "报错",
    "错误码",
    "错误代码",
    "拒收",
];

/// Reads a short pasted text as an SMTP reply, if it looks like one: a reply code or an
/// enhanced status that reads as a reply (`550 User not found`, `554 DT:SPM`, `550 5.1.1`), or
/// any code in a text that speaks of a bounce, or a known provider code anywhere. A number in
/// prose (`金额 550 元`, `升级到 5.1.1 版本`) is no reply.
pub fn parse(text: &str) -> Option<Found> {
    let t = text.trim();
    if t.is_empty() || t.len() > 8 * 1024 {
        return None;
    }
    let head = cut(t, 300);
    let bounce_words = BOUNCE_WORDS.iter().any(|w| t.contains(w));
    let code = find_reply_code_at(head)
        .is_some_and(|i| code_reads_as_reply(head, i) || bounce_words && not_a_count(head.get(i + 3..).unwrap_or("")));
    let status = find_status(head).is_some_and(|s| {
        status_reads_as_reply(head, &s)
            || bounce_words && head.match_indices(&s).any(|(i, _)| not_a_count(head.get(i + s.len()..).unwrap_or("")))
    });
    let tag = super::pipeline::netease_tag(t).is_some();
    let lower = t.to_ascii_lowercase();
    let known = tag
        || lower.contains("frequency limited")
        || lower.contains("mailbox unavailable")
        || lower.contains("mail content denied")
        || lower.contains("user not found")
        || lower.contains("mailbox not found")
        || distinctive(t)
        || bounce_words && (provider_wording(t) || english_reason(t));
    if !code && !status && !known {
        return None;
    }
    let address = failed_address(t);
    Some(Found { address, diagnostic: Some(cut(&squeeze(t), 1200).to_string()), ..Found::default() })
}

/// After the code at `i`: an optional `-`, `:` or space and status, then a word, an address or a
/// bracket (`550 User`, `550-5.1.1 <a@b>`, `421 [ip]`), or the status alone.
fn code_reads_as_reply(head: &str, i: usize) -> bool {
    let rest = head.get(i + 3..).unwrap_or("");
    // (`550 - Relay access denied`, `553: Mail from ...` as people write them.)
    let rest = rest.trim_start_matches([' ', '\t', '-', ':', '：']);
    let word: &str = rest.split(|c: char| c.is_whitespace()).next().unwrap_or("");
    if is_status(word.trim_end_matches(['.', ','])) {
        return true;
    }
    rest.starts_with(|c: char| c.is_ascii_alphabetic() || "<[(#\"'".contains(c))
}

/// In a sentence about a bounce, a number the writer quotes as the code (`退信提示：550`,
/// `退信码550，说是`), not one that counts something (`发送 550 封，退信 12 封`): no Chinese word
/// follows it.
fn not_a_count(after: &str) -> bool {
    !after.trim_start_matches([' ', '\t', '\u{3000}']).starts_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A status after `#` or `(` (`#5.1.1`), or followed by a word (`5.1.1 User unknown`).
fn status_reads_as_reply(head: &str, status: &str) -> bool {
    head.match_indices(status).any(|(i, _)| {
        let before = head.get(..i).unwrap_or("");
        let after = head.get(i + status.len()..).unwrap_or("").trim_start_matches([' ', '\t']);
        before.ends_with(['#', '('])
            || before.to_ascii_lowercase().trim_end().ends_with("status:")
            || after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '<')
    })
}

/// A Netease or Tencent row's wording, whichever host it is bound to (`Host not found` from QQ's
/// notice quoted in a forum post): only asked of a paste that speaks of a bounce.
fn provider_wording(text: &str) -> bool {
    use crate::knowledge::codes::{find_first, Provider};
    find_first(text, &[Some("qq.com"), Some("163.com")])
        .is_some_and(|p| matches!(p.provider, Provider::Netease | Provider::Tencent))
}

/// A reason phrase in a run of English a server wrote (`退信说 mailbox is full`): the Chinese
/// around it, and an English word or two in a Chinese sentence (`可能进了 spam 了`), are left out.
fn english_reason(t: &str) -> bool {
    t.split(|c: char| !c.is_ascii()).filter(|run| run.split_whitespace().count() >= 3).any(|run| {
        crate::knowledge::patterns::scan(&run.to_ascii_lowercase()) != crate::knowledge::patterns::Hits::default()
    })
}

/// The failed recipient among the addresses a paste names: one the writer sent to (`给
/// a@example.com`, `收件人：`), else one the reply itself quotes, else the first that is not
/// introduced as the writer's own (`我的邮箱是 me@163.com`, `发件人：`). (A reply may quote the
/// sender: `Sender address rejected`.)
fn failed_address(t: &str) -> Option<String> {
    let found = find_addresses(t);
    let addr = |&(s, e): &(usize, usize)| t.get(s..e).map(|a| a.trim_matches(['<', '>']).to_ascii_lowercase());
    if found.len() > 1 {
        // The few characters before an address: what introduces it.
        let before = |s: usize| {
            let b = t.get(..s).unwrap_or("");
            let n = b.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
            b.get(n..).unwrap_or("").to_lowercase()
        };
        const TO: &[&str] = &["给", "收件人", "收信人", "无法发送到", "to:", "to <", "rcpt", "recipient"];
        const OWN: &[&str] = &["我的", "本人", "发件人", "发信人", "from:", "from <", "sender"];
        let code_at = find_reply_code_at(t);
        let quoted = found.iter().find(|&&(s, _)| code_at.is_some_and(|c| s > c));
        let to = found.iter().find(|&&(s, _)| {
            let b = before(s);
            TO.iter().any(|w| b.contains(w)) && !OWN.iter().any(|w| b.contains(w))
        });
        let not_own = found.iter().find(|&&(s, _)| !OWN.iter().any(|w| before(s).contains(w)));
        if let Some(a) = to.or(quoted).or(not_own).and_then(addr) {
            return Some(a);
        }
    }
    found.first().and_then(addr)
}

/// A Netease or Tencent text that no other system uses (`ERR.LOGIN.PASSERR`, `该用户不存在`,
/// `... is a deactivated mailbox`): such a paste is a failure even without a reply code in front
/// (a mail client's `Invalid login: 460 ERR.LOGIN.PASSERR`). Rows bound to the providers' hosts
/// are generic wording and do not count here.
fn distinctive(text: &str) -> bool {
    use crate::knowledge::codes::{find, Provider};
    find(text, None).is_some_and(|p| matches!(p.provider, Provider::Netease | Provider::Tencent) && p.hosts.is_empty())
}
