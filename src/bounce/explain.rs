//! The explanation of one failed recipient: the provider code's own text when a code matched,
//! otherwise the catalogue entry of the reason (`knowledge::catalogue`), plus a line on the status
//! code (`knowledge::rfc3463::meaning`) and on a retry.

use super::Explanation;
use crate::i18n::{Lang, Text};
use crate::knowledge::catalogue;
use crate::knowledge::codes::ProviderCode;
use crate::knowledge::rfc3463;
use crate::reason::Reason;

const STATUS_LINE: Text = Text::new("状态码 {} 的含义：{}。", "Status {} means: {}.");
const TYPO_LINE: Text = Text::new(
    "这个地址看起来打错了，可能应该是 {}：改正后重新发送。",
    "The address looks mistyped; it is probably {}: correct it and resend.",
);

/// Builds the explanation.
pub fn build(
    reason: Reason,
    provider: Option<&ProviderCode>,
    status: Option<&str>,
    suggestion: Option<&str>,
    temporary: bool,
    lang: Lang,
) -> Explanation {
    let (title, detail, actions) = match provider {
        Some(p) => (p.title, p.detail, p.actions),
        None => {
            let info = catalogue::reason_info_as(reason, temporary);
            (info.title, info.detail, info.actions)
        }
    };
    let mut detail = detail.get(lang).to_string();
    if let Some(s) = status {
        if let Some(m) = rfc3463::meaning(s) {
            if !s.ends_with(".0.0") {
                if lang == Lang::En && !detail.is_empty() {
                    detail.push(' ');
                }
                detail.push_str(&STATUS_LINE.format(lang, &[s, m.get(lang)]));
            }
        }
    }
    let mut acts: Vec<String> = Vec::with_capacity(actions.len() + 1);
    if let Some(s) = suggestion {
        acts.push(TYPO_LINE.format(lang, &[s]));
    }
    acts.extend(actions.iter().map(|a| a.get(lang).to_string()));
    Explanation { title: title.get(lang).to_string(), detail, actions: acts }
}
