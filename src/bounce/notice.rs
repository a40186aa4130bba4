//! Chinese provider notices: the Netease / Coremail template (`抱歉，您的邮件被退回来了……`,
//! `原邮件信息 / 退信原因 / 建议解决方案`, its bilingual 2021 form with `退信代码/ Bounce Code`) and
//! the QQ / Tencent exmail template (`很抱歉您发送的邮件被退回`, `无法发送到 …`, `退信原因`,
//! `解决方案`). Read from a raw message's text part, from the text a webmail shows, or from a
//! pasted copy in which the table was flattened onto one line: the parser works on label positions,
//! not on lines. See shared/knowledge/bounce-codes/templates.md §1–4.

use super::text::{cut, find_addresses, squeeze};
use super::Found;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Label {
    Original,
    Time,
    Subject,
    To,
    Copy,
    Reason,
    English,
    Code,
    Solution,
    Failed,
}

/// Labels, longest first where one contains another.
const LABELS: &[(&str, Label)] = &[
    ("原邮件信息", Label::Original),
    ("被退回邮件", Label::Original),
    // The same templates in traditional script (QQ Mail and Netease in a 繁體 interface, or a copy
    // posted on a Taiwan or Hong Kong forum).
    ("原郵件信息", Label::Original),
    ("被退回郵件", Label::Original),
    ("Original e-mail message", Label::Original),
    ("时　间", Label::Time),
    ("时 间", Label::Time),
    ("时间/Time", Label::Time),
    ("时间：", Label::Time),
    ("时间:", Label::Time),
    ("发送时间", Label::Time),
    ("時　間", Label::Time),
    ("時 間", Label::Time),
    ("時間：", Label::Time),
    ("時間:", Label::Time),
    ("主　题", Label::Subject),
    ("主 题", Label::Subject),
    ("主题/Subject", Label::Subject),
    ("主题：", Label::Subject),
    ("主题:", Label::Subject),
    ("主　題", Label::Subject),
    ("主 題", Label::Subject),
    ("主題：", Label::Subject),
    ("主題:", Label::Subject),
    ("收件人/To", Label::To),
    ("收件人：", Label::To),
    ("收件人:", Label::To),
    ("收件人\n", Label::To),
    ("收 件 人", Label::To),
    ("收信人：", Label::To),
    ("收信人:", Label::To),
    ("抄　送", Label::Copy),
    ("密　送", Label::Copy),
    ("无法发送到", Label::Failed),
    ("無法發送到", Label::Failed),
    ("退信原因", Label::Reason),
    ("失败原因", Label::Reason),
    ("错误原因", Label::Reason),
    ("失敗原因", Label::Reason),
    ("錯誤原因", Label::Reason),
    ("Bounce reason", Label::Reason),
    ("英文说明", Label::English),
    ("英文說明", Label::English),
    ("退信代码", Label::Code),
    ("退信代碼", Label::Code),
    ("Bounce Code", Label::Code),
    ("建议解决方案", Label::Solution),
    ("解决方案", Label::Solution),
    ("建議解決方案", Label::Solution),
    ("解決方案", Label::Solution),
    ("Proposed Solution", Label::Solution),
    ("此邮件是由系统自动发出", Label::Solution),
];

/// Where a notice's own text begins: its headline, or the first table of a partial copy.
const START: &[&str] = &[
    "您的邮件被退回来了",
    "您的郵件被退回來了",
    "Sorry, your mail is returned",
    "发送的邮件被退回",
    "發送的郵件被退回",
    "原邮件信息",
    "原郵件信息",
    "Original e-mail message",
    "被退回邮件",
    "被退回郵件",
];

/// Markers that a text is one of these notices.
pub fn is_notice(text: &str) -> bool {
    // The template's labels sit at the top; a long text is not searched whole.
    let text = cut(text, 32 * 1024);
    if text.is_ascii() {
        // Every marker but one is Chinese.
        return text.contains("Sorry, your mail is returned");
    }
    // (The context labels are searched for only when a reason label is there.)
    // A `退信` that is only the first half of the reason label (`退信原因`, or `退信代码`) is no
    // second marker: a text that merely names "退信原因" is not a notice.
    let labelled = || {
        (is_reason_label(text) || is_label(text, "Bounce reason"))
            && ([
                "原邮件信息",
                "无法发送到",
                "被退回",
                "收件人",
                "收信人",
                "投递失败",
                "发送失败",
                "原郵件信息",
                "無法發送到",
            ]
            .iter()
            .any(|l| text.contains(l))
                || text.matches("退信").count() > text.matches("退信原因").count() + text.matches("退信代码").count())
    };
    // (`很抱歉您发送的邮件被退回` is found by its tail `发送的邮件被退回`.)
    labelled()
        || text.contains("您的邮件被退回来了")
        || text.contains("发送的邮件被退回")
        || text.contains("您的郵件被退回來了")
        || text.contains("發送的郵件被退回")
        || text.contains("Sorry, your mail is returned")
}

/// `label` stands as a label somewhere in `text`: a colon, a slash, a space or the end of the line
/// follows it (`退信原因：`, `退信原因/ Bounce reason`, `退信原因\n`), not a word of a sentence
/// (`失败原因多为对方邮箱已满`, `常见的退信原因和处理办法`).
fn is_label(text: &str, label: &str) -> bool {
    text.match_indices(label).any(|(i, l)| ends_label(text, i + l.len()))
}

/// One of the labels `退信原因`, `失败原因`, `错误原因`, `失敗原因`, `錯誤原因` stands as a label in
/// `text` (as [`is_label`]): their common tail `原因` is searched for once, not each label in turn.
fn is_reason_label(text: &str) -> bool {
    const HEADS: [&str; 5] = ["退信", "失败", "错误", "失敗", "錯誤"];
    text.match_indices("原因").any(|(i, l)| {
        text.get(..i).is_some_and(|before| HEADS.iter().any(|h| before.ends_with(h))) && ends_label(text, i + l.len())
    })
}

/// A label ending at byte `end` of `text` is followed by a colon, a slash, a space or the line's end.
fn ends_label(text: &str, end: usize) -> bool {
    text.get(end..).is_none_or(|rest| {
        rest.is_empty() || rest.starts_with([':', '：', '/', ' ', '\u{3000}', '\n', '\r', '\t', '(', '（'])
    })
}

/// The original subject and time the notice quotes.
pub struct NoticeInfo {
    pub recipients: Vec<Found>,
    pub subject: Option<String>,
    pub time: Option<String>,
}

/// Parses a notice's text.
pub fn parse(text: &str) -> NoticeInfo {
    let text = cut(text, 256 * 1024);
    // The template starts at its headline (or, in a partial copy, its first table): what comes
    // before is not the notice. A copy of the whole page from a webmail carries the notice's own
    // header there (`收件人：` the writer, `主　题：系统退信`), a forum post the writer's words.
    let text = START.iter().filter_map(|m| text.find(m)).min().and_then(|i| text.get(i..)).unwrap_or(text);
    // Positions of labels (a shorter label inside a longer one at the same place is skipped).
    let mut marks: Vec<(usize, usize, Label)> = Vec::new();
    for (lbl, kind) in LABELS {
        let mut from = 0usize;
        while let Some(i) = text.get(from..).and_then(|t| t.find(lbl)) {
            let at = from + i;
            let end = at + lbl.len();
            if !marks.iter().any(|&(s, e, _)| at >= s && at < e) && marks.len() < 200 {
                marks.push((at, end, *kind));
            }
            from = end;
        }
    }
    // A longer label found later may cover a shorter one found earlier.
    marks.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
    let mut clean: Vec<(usize, usize, Label)> = Vec::new();
    for m in marks {
        if clean.last().is_some_and(|l| m.0 < l.1) {
            continue;
        }
        clean.push(m);
    }
    let mut info = NoticeInfo { recipients: Vec::new(), subject: None, time: None };
    let mut reason_text = String::new();
    let mut english = String::new();
    let mut to_addrs: Vec<String> = Vec::new();
    for (k, &(_, end, kind)) in clean.iter().enumerate() {
        let next = clean.get(k + 1).map_or(text.len(), |n| n.0);
        let raw = text.get(end..next.max(end)).unwrap_or("");
        let value = trim_value(raw);
        match kind {
            Label::Time => {
                if info.time.is_none() && !value.is_empty() {
                    info.time = Some(cut(first_line(&value), 100).to_string());
                }
            }
            Label::Subject => {
                if info.subject.is_none() && !value.is_empty() {
                    info.subject = Some(cut(first_line(&value), 300).to_string());
                }
            }
            Label::To | Label::Failed => {
                let mut here: Vec<String> = Vec::new();
                for (s, e) in find_addresses(&value) {
                    if let Some(a) = value.get(s..e) {
                        let a = a.to_ascii_lowercase();
                        if !to_addrs.contains(&a) && to_addrs.len() < super::dsn::MAX_RECIPIENTS {
                            to_addrs.push(a.clone());
                        }
                        if !here.contains(&a) && here.len() < super::dsn::MAX_RECIPIENTS {
                            here.push(a);
                        }
                    }
                }
                if kind == Label::Failed {
                    // QQ: each "无法发送到" starts the recipients (one, or a list) whose reason follows.
                    for a in here {
                        if !info.recipients.iter().any(|f| f.address.as_deref() == Some(a.as_str()))
                            && info.recipients.len() < super::dsn::MAX_RECIPIENTS
                        {
                            info.recipients.push(Found { address: Some(a), ..Found::default() });
                        }
                    }
                }
            }
            Label::Reason => {
                let v = squeeze(&value);
                if !v.is_empty() {
                    // Every recipient of the block this reason closes.
                    for f in info.recipients.iter_mut().rev().take_while(|f| f.diagnostic.is_none()) {
                        f.diagnostic = Some(cut(&v, 1200).to_string());
                    }
                }
                if reason_text.is_empty() {
                    reason_text = v;
                }
            }
            Label::English | Label::Code => {
                let v = squeeze(&value);
                if english.is_empty() && !v.is_empty() {
                    english = v;
                }
            }
            Label::Original | Label::Copy | Label::Solution => {}
        }
    }
    // The Netease template: one reason for the listed recipients; prefer the English text.
    let diag = if !english.is_empty() {
        if reason_text.is_empty() || reason_text.contains(&english) {
            english.clone()
        } else {
            format!("{english} ({})", cut(&reason_text, 400))
        }
    } else {
        reason_text.clone()
    };
    if to_addrs.is_empty() {
        // No labelled recipient: the addresses the notice names (not its own postmaster).
        for (s, e) in find_addresses(text) {
            let Some(a) = text.get(s..e) else { continue };
            let a = a.to_ascii_lowercase();
            let local = a.split('@').next().unwrap_or("");
            if !matches!(local, "postmaster" | "mailer-daemon") && !to_addrs.contains(&a) && to_addrs.len() < 20 {
                to_addrs.push(a);
            }
        }
    }
    // The Netease table lists every recipient of the original message; when its reason names some
    // of them (`550 User not found: b@example.org`), those are the ones that failed.
    let diag_lower = diag.to_ascii_lowercase();
    if to_addrs.len() > 1 && to_addrs.iter().any(|a| names_address(&diag_lower, a)) {
        to_addrs.retain(|a| names_address(&diag_lower, a));
    }
    if info.recipients.is_empty() {
        for a in to_addrs {
            info.recipients.push(Found { address: Some(a), ..Found::default() });
        }
        if info.recipients.is_empty() && !diag.is_empty() {
            info.recipients.push(Found::default());
        }
    }
    for f in info.recipients.iter_mut() {
        if f.diagnostic.is_none() && !diag.is_empty() {
            f.diagnostic = Some(cut(&diag, 1200).to_string());
        }
    }
    info
}

/// `text` names the address `addr` whole (not as the tail of a longer one: `xb@example.org` does
/// not name `b@example.org`).
fn names_address(text: &str, addr: &str) -> bool {
    text.match_indices(addr).any(|(i, _)| {
        let before = text.get(..i).and_then(|b| b.chars().next_back());
        let after = text.get(i + addr.len()..).and_then(|a| a.chars().next());
        before.is_none_or(|c| !(c.is_ascii_alphanumeric() || "._%+-".contains(c)))
            && after.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    })
}

fn first_line(s: &str) -> &str {
    super::text::lines(s).map(str::trim).find(|l| !l.is_empty()).unwrap_or("")
}

/// Strips the label's tail (`：`, `/ Bounce reason`, `说明:`) from a value.
fn trim_value(raw: &str) -> String {
    let mut v = raw.trim_start_matches([':', '：', ' ', '\u{3000}', '\t', '\r', '\n', '/']);
    for tail in
        ["Bounce reason", "Original e-mail message", "Bounce Code", "Proposed Solution", "Time", "Subject", "To"]
    {
        if let Some(rest) = v.strip_prefix(tail) {
            v = rest.trim_start_matches([':', '：', ' ', '\u{3000}', '\t', '\r', '\n']);
        }
    }
    let v = v.trim();
    if !v.contains(['>', '|']) {
        return v.to_string();
    }
    // A notice quoted in a reply (`> 收件人：...`) or copied as a table (`| 退信原因 | ... |`): the
    // quote marks and cell bars around each line are not part of the value.
    let lines: Vec<&str> = v
        .lines()
        .map(|l| l.trim().trim_start_matches(['>', '|', ' ']).trim_end_matches(['|', ' ']).trim())
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattened_netease() {
        let t = "抱歉，您的邮件被退回来了…… 原邮件信息： 时　间：2024-03-01 10:00 主　题：报价单 收件人：li@qq.con 退信原因： 对方的邮箱地址可能写错了。 英文说明: Domain of address li@qq.con does not exist 建议解决方案： 请检查地址";
        let n = parse(t);
        assert_eq!(n.recipients.len(), 1);
        assert_eq!(n.recipients[0].address.as_deref(), Some("li@qq.con"));
        assert!(n.recipients[0].diagnostic.as_deref().unwrap_or("").contains("does not exist"));
        assert_eq!(n.subject.as_deref(), Some("报价单"));
    }

    #[test]
    fn webmail_header_before_the_headline_is_not_the_notice() {
        let t = "发件人：Postmaster <Postmaster@163.com>\n收件人：me@example.net\n主　题：系统退信\n抱歉，您的邮件被退回来了……\n原邮件信息：\n主　题：报价\n收件人：you@example.com\n退信原因：\n英文说明: 550 User not found";
        let n = parse(t);
        assert_eq!(n.recipients.len(), 1);
        assert_eq!(n.recipients[0].address.as_deref(), Some("you@example.com"));
        assert_eq!(n.subject.as_deref(), Some("报价"));
    }

    #[test]
    fn qq_two_recipients() {
        let t = "很抱歉您发送的邮件被退回，以下是该邮件的相关信息：\n被退回邮件\n主 题：hi\n无法发送到 a@example.com\n退信原因\n收件人邮箱不存在 550 User not found\n无法发送到 b@example.com\n退信原因\n邮箱已满 552 Mailbox full\n解决方案\n请联系您的收件人";
        let n = parse(t);
        assert_eq!(n.recipients.len(), 2);
        assert!(n.recipients[1].diagnostic.as_deref().unwrap_or("").contains("Mailbox full"));
    }
}
