//! RFC 3463 enhanced status codes: the reason each status maps to (Sisimai's `smtp/status`
//! `Name()` mapping, go-sisimai 5.2.0, as summarised in shared/knowledge/reasons.md, with the
//! newest reason names) and a short meaning of each subject.detail in zh and en (after RFC 3463,
//! RFC 3886, RFC 7505 and RFC 7372; wording our own).

use crate::i18n::Text;
use crate::reason::Reason;

/// The reason an explicit status code stands for, if the code alone decides one.
pub fn reason(status: &str) -> Option<Reason> {
    use Reason::*;
    let mut it = status.split('.');
    let class = it.next()?;
    let sub = it.next()?;
    let det = it.next()?;
    let temp = class == "4";
    let perm = class == "5";
    let r = match (sub, det) {
        ("1", "0") | ("1", "1") | ("1", "3") if perm => UserUnknown,
        ("1", "2") if perm => HostUnknown,
        ("1", "4") if perm => Filtered,
        ("1", "6") => HasMoved,
        ("1", "7") | ("1", "8") => Rejected,
        ("1", "9") => SystemError,
        ("1", "10") if perm => NotAccept,
        ("2", "0") | ("2", "1") if perm => Filtered,
        ("2", "1") if temp => Blocked,
        ("2", "4") => Filtered,
        ("2", "2") => MailboxFull,
        ("2", "3") => EmailTooLarge,
        ("3", "0") if perm => SystemError,
        ("3", "3") | ("3", "5") => SystemError,
        ("3", "1") => SystemFull,
        ("3", "2") => NotAccept,
        ("3", "4") if perm => EmailTooLarge,
        ("4", "1") | ("4", "7") if temp => Expired,
        ("4", "2") | ("4", "4") | ("4", "6") | ("4", "8") if temp => NetworkError,
        ("4", "0") if perm => NetworkError,
        ("4", "3") => SystemError,
        ("4", "5") if temp => SystemFull,
        ("4", "4") if perm => HostUnknown,
        ("5", "2") | ("5", "6") if perm => SyntaxError,
        ("5", "3") if perm => RateLimited,
        ("5", "3") | ("5", "5") if temp => SystemError,
        ("5", "4") | ("5", "5") if perm => SystemError,
        ("6", _) => ContentError,
        ("7", "1") | ("7", "2") if temp => Blocked,
        ("7", "13") if perm => Suspend,
        ("7", "16") => EmailTooLarge,
        ("7", "17") | ("7", "18") if perm => HasMoved,
        ("7", "20" | "21" | "22" | "23" | "24" | "26" | "29") if perm => AuthFailure,
        ("7", "24" | "26") if temp => AuthFailure,
        ("7", "25") => RequirePtr,
        ("7", "27") if perm => NotAccept,
        ("7", "28") if perm => SpamDetected,
        ("7", "30") => FailedStartTls,
        ("7", "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "10" | "11" | "14" | "15" | "19") if perm => {
            SecurityError
        }
        ("7", "5" | "6" | "7" | "12" | "15") if temp => SecurityError,
        _ => return None,
    };
    Some(r)
}

/// The last resort for an unmapped status: X.6.x content, X.7.x security.
pub fn fallback(status: &str) -> Option<Reason> {
    let mut it = status.split('.');
    let _ = it.next()?;
    match it.next()? {
        "6" => Some(Reason::ContentError),
        "7" => Some(Reason::SecurityError),
        _ => None,
    }
}

/// Whether a status is temporary (class 4).
pub fn is_temporary(status: &str) -> bool {
    status.starts_with("4.")
}

/// Short meaning of the subject.detail part of a status (`5.1.1` → "the mailbox does not exist").
pub fn meaning(status: &str) -> Option<Text> {
    let rest = status.split_once('.')?.1;
    let t = match rest {
        "0.0" => Text::new("未细分的错误", "other or undefined status"),
        "1.0" => Text::new("地址相关的其他问题", "other address status"),
        "1.1" => Text::new("收件人邮箱（@ 前面的部分）不存在", "the mailbox (before the @) does not exist"),
        "1.2" => Text::new(
            "收件人域名（@ 后面的部分）不存在或不收信",
            "the domain (after the @) does not exist or takes no mail",
        ),
        "1.3" => Text::new("收件人地址格式错误", "the recipient address is malformed"),
        "1.4" => Text::new("收件地址对应多个邮箱，有歧义", "the address is ambiguous"),
        "1.5" => Text::new("地址有效", "the address is valid"),
        "1.6" => Text::new("邮箱已迁移，没有转发地址", "the mailbox has moved, no forwarding address"),
        "1.7" => Text::new("发件人地址格式错误", "the sender address is malformed"),
        "1.8" => Text::new("发件人域名无效", "the sender's domain is invalid"),
        "1.9" => Text::new("已转给不支持投递报告的系统", "relayed to a system that cannot report further"),
        "1.10" => Text::new("收件域声明不收邮件（null MX）", "the recipient domain accepts no mail (null MX)"),
        "2.0" => Text::new("邮箱存在，但有其他问题", "other mailbox status"),
        "2.1" => Text::new("邮箱被停用，暂不收信", "the mailbox is disabled"),
        "2.2" => Text::new("收件人邮箱已满", "the mailbox is full"),
        "2.3" => Text::new("邮件超过该邮箱允许的大小", "the message is larger than the mailbox accepts"),
        "2.4" => Text::new("邮件列表展开出错", "mailing list expansion problem"),
        "3.0" => Text::new("收件方邮件系统的其他问题", "other mail system status"),
        "3.1" => Text::new("收件方邮件系统存储已满", "the mail system is full"),
        "3.2" => Text::new("收件方系统不接收邮件", "the system is not accepting messages"),
        "3.3" => Text::new("收件方系统不支持所需功能", "the system cannot handle a selected feature"),
        "3.4" => Text::new("邮件超过系统允许的大小", "the message is too big for the system"),
        "3.5" => Text::new("收件方系统配置错误", "the system is incorrectly configured"),
        "4.0" => Text::new("网络或路由的其他问题", "other network or routing status"),
        "4.1" => Text::new("对方服务器没有应答", "no answer from the host"),
        "4.2" => Text::new("连接中断", "bad connection"),
        "4.3" => Text::new("域名解析（DNS）失败", "directory server (DNS) failure"),
        "4.4" => Text::new("无法路由到收件方", "unable to route"),
        "4.5" => Text::new("收件方系统拥堵", "mail system congestion"),
        "4.6" => Text::new("检测到邮件循环", "routing loop detected"),
        "4.7" => Text::new("投递超时，已放弃", "delivery time expired"),
        "5.0" => Text::new("SMTP 协议的其他问题", "other protocol status"),
        "5.1" => Text::new("无效的 SMTP 命令", "invalid command"),
        "5.2" => Text::new("SMTP 命令语法错误", "syntax error"),
        "5.3" => Text::new("收件人过多或连接过多", "too many recipients"),
        "5.4" => Text::new("命令参数无效", "invalid command arguments"),
        "5.5" => Text::new("协议版本不对", "wrong protocol version"),
        "5.6" => Text::new("需要的认证交换太长", "authentication exchange line too long"),
        "6.0" => Text::new("邮件内容的其他问题", "other media error"),
        "6.1" => Text::new("不支持的内容类型", "media not supported"),
        "6.2" => Text::new("需要转换但被禁止", "conversion required and prohibited"),
        "6.3" => Text::new("需要转换但不支持", "conversion required but not supported"),
        "6.4" => Text::new("转换时有损失", "conversion with loss performed"),
        "6.5" => Text::new("转换失败", "conversion failed"),
        "7.0" => Text::new("安全或策略的其他问题", "other security or policy status"),
        "7.1" => Text::new("收件方拒绝投递（策略限制）", "delivery not authorized, message refused"),
        "7.2" => Text::new("不允许向该邮件列表投递", "mailing list expansion prohibited"),
        "7.3" => Text::new("需要安全转换但不可行", "security conversion required but not possible"),
        "7.4" => Text::new("不支持所需的安全功能", "security features not supported"),
        "7.5" => Text::new("加密处理失败", "cryptographic failure"),
        "7.6" => Text::new("不支持的加密算法", "cryptographic algorithm not supported"),
        "7.7" => Text::new("邮件完整性校验失败", "message integrity failure"),
        "7.8" => Text::new("认证凭据无效", "authentication credentials invalid"),
        "7.9" => Text::new("认证方式太弱", "authentication mechanism too weak"),
        "7.10" => Text::new("需要加密", "encryption needed"),
        "7.11" => Text::new("该认证方式需要加密连接", "encryption required for the mechanism"),
        "7.12" => Text::new("需要更换密码", "a password transition is needed"),
        "7.13" => Text::new("收件人账号已被停用", "the user account is disabled"),
        "7.14" => Text::new("需要建立信任关系", "trust relationship required"),
        "7.15" => Text::new("优先级过低被拒", "priority level too low"),
        "7.16" => Text::new("按优先级计邮件过大", "message too big for the specified priority"),
        "7.17" => Text::new("邮箱属主已变更", "the mailbox owner has changed"),
        "7.18" => Text::new("域名属主已变更", "the domain owner has changed"),
        "7.19" => Text::new("无法验证 RRVS", "RRVS test cannot be completed"),
        "7.20" => Text::new("没有通过的 DKIM 签名", "no passing DKIM signature found"),
        "7.21" => Text::new("没有可接受的 DKIM 签名", "no acceptable DKIM signature found"),
        "7.22" => Text::new("没有作者域对齐的有效 DKIM 签名", "no valid author-matched DKIM signature"),
        "7.23" => Text::new("SPF 校验失败", "SPF validation failed"),
        "7.24" => Text::new("SPF 校验出错", "SPF validation error"),
        "7.25" => Text::new("发信 IP 没有有效的反向解析（PTR）", "reverse DNS validation failed"),
        "7.26" => Text::new("多项认证校验失败", "multiple authentication checks failed"),
        "7.27" => Text::new("发件人地址的域名不收信（null MX）", "the sender address has a null MX"),
        "7.28" => Text::new("邮件被判为大量群发或垃圾邮件", "mail flood or spam detected"),
        "7.29" => Text::new("ARC 校验失败", "ARC validation failure"),
        "7.30" => Text::new("TLS 加密要求未满足", "REQUIRETLS support required"),
        _ => return None,
    };
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_statuses() {
        assert_eq!(reason("5.1.1"), Some(Reason::UserUnknown));
        assert_eq!(reason("4.2.1"), Some(Reason::Blocked));
        assert_eq!(reason("5.2.2"), Some(Reason::MailboxFull));
        assert_eq!(reason("4.4.7"), Some(Reason::Expired));
        assert_eq!(reason("5.7.1"), Some(Reason::SecurityError));
        assert_eq!(reason("5.0.0"), None);
        assert!(meaning("5.1.1").is_some());
    }
}
