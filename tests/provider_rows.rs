//! One case per row of the Netease and Tencent reply lists (shared/knowledge/bounce-codes/
//! netease.tsv and tencent.tsv): the reply text as it realistically arrives — pasted bare, quoted
//! by the sender's MTA in a DSN naming the provider's MX, or inside the provider's own notice —
//! through the whole explainer, checking the provider code, reason and temporary flag. Generic
//! wordings that other systems also use must name the provider's entry only when the host or
//! the notice says so.

use tuixin::bounce::{explain, BounceRecipient, ExplainOptions, Kind};

/// How the row's text reaches the explainer.
#[derive(Clone, Copy)]
enum Form {
    /// Pasted on its own (or an error a mail client showed at send time).
    Bare,
    /// Quoted by the sender's MTA in an RFC 3464 DSN, with the provider's MX as `Remote-MTA`.
    Dsn(&'static str),
    /// The `英文说明` line of a Netease notice.
    NeteaseNotice,
    /// The `退信原因` of a QQ mail notice.
    QqNotice,
}

struct Case {
    /// The row: provider and the row's literal text, shortened.
    row: &'static str,
    form: Form,
    text: &'static str,
    /// `None`: a generic wording that must not be claimed for the provider here.
    code: Option<&'static str>,
    reason: &'static str,
    temporary: bool,
    /// Whose side: the row's `fault_side` in the explainer's words.
    fault: &'static str,
}

use Form::{Bare, NeteaseNotice, QqNotice};

const NE: Form = Form::Dsn("163mx01.mxmail.netease.com");
const QQ: Form = Form::Dsn("mx3.qq.com");

macro_rules! case {
    ($row:expr, $form:expr, $text:expr, $code:expr, $reason:expr, $temp:expr, $fault:expr) => {
        Case { row: $row, form: $form, text: $text, code: $code, reason: $reason, temporary: $temp, fault: $fault }
    };
}

fn domain_of(host: &str) -> &'static str {
    if host.ends_with("qq.com") {
        "qq.com"
    } else {
        "163.com"
    }
}

fn render(form: Form, text: &str) -> String {
    match form {
        Form::Bare => text.to_string(),
        Form::Dsn(host) => {
            let domain = domain_of(host);
            format!(
                "From: MAILER-DAEMON@mail.example.org\r\nTo: sender@example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n\
                 MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n\
                 --B\r\nContent-Type: text/plain\r\n\r\nThis is the mail system at host mail.example.org.\r\n\r\n\
                 I'm sorry to have to inform you that your message could not be delivered.\r\n\r\n\
                 <zhangsan@{domain}>: host {host}[192.0.2.25] said: {text}\r\n\r\n\
                 --B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mail.example.org\r\n\r\n\
                 Final-Recipient: rfc822; zhangsan@{domain}\r\nAction: failed\r\nStatus: {status}\r\n\
                 Remote-MTA: dns; {host}\r\nDiagnostic-Code: smtp; {text}\r\n\r\n--B--\r\n",
                status = if text.starts_with('4') { "4.0.0" } else { "5.0.0" },
            )
        }
        Form::NeteaseNotice => format!(
            "抱歉，您的邮件被退回来了……\n原邮件信息：\n时　间： 2026-01-04 16:20:31\n主　题： 报价\n\
             收件人： lisi@example.com\n退信原因：\n投递失败。\n英文说明:{text}\n建议解决方案：\n请稍后重试。\n"
        ),
        Form::QqNotice => format!(
            "很抱歉您发送的邮件被退回，以下是该邮件的相关信息：\n被退回邮件\n主 题：项目资料\n\
             时 间：2026年1月5日(星期一) 上午10:00\n无法发送到 lisi@qq.com\n退信原因\n{text}\n\
             解决方案\n请检查后重新发送。\n"
        ),
    }
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // ---- netease.tsv ----
    case!("N 421 HL:REP", Bare, "421 HL:REP 163mx01 mxmail.netease.com, please try again later", Some("HL:REP"), "badreputation", true, "sender_server"),
    case!("N 421 HL:REP", NE, "421 HL:REP 163mx01 mxmail.netease.com, please try again later", Some("HL:REP"), "badreputation", true, "sender_server"),
    case!("N 421 4.4.5 HL:ICC", NE, "421 4.4.5 HL:ICC 163mx02 mxmail.netease.com", Some("HL:ICC"), "ratelimited", true, "sender_server"),
    case!("N 421 4.5.0 HL:IFC", Bare, "421 4.5.0 HL:IFC", Some("HL:IFC"), "ratelimited", true, "sender_server"),
    case!("N 421 HL:MEP", NE, "421 HL:MEP 126mx01 mxmail.netease.com", Some("HL:MEP"), "badreputation", true, "sender_server"),
    case!("N 421 IP rejected", NE, "421 IP<203.0.113.7> rejected", Some("IP rejected"), "blocked", true, "sender_server"),
    case!("N 421 HL:IPB", Bare, "421 HL:IPB", Some("HL:IPB"), "blocked", true, "sender_server"),
    case!("N 421 HL:TLD", NE, "421 HL:TLD", Some("HL:TLD"), "systemerror", true, "network"),
    case!("N 450 MI:CEL", NE, "450 MI:CEL", Some("MI:CEL"), "syntaxerror", true, "sender_server"),
    case!("N 450 MI:DMC", NE, "450 MI:DMC", Some("MI:DMC"), "ratelimited", true, "sender_server"),
    case!("N 450 MI:CCL", NE, "450 MI:CCL", Some("MI:CCL"), "ratelimited", true, "sender_server"),
    case!("N 450 4.5.3 RP:DRC", NE, "450 4.5.3 RP:DRC", Some("RP:DRC"), "ratelimited", true, "sender_server"),
    case!("N 450 RP:CCL", NE, "450 RP:CCL", Some("RP:CCL"), "ratelimited", true, "sender_server"),
    case!("N 450 DT:RBL", NE, "450 DT:RBL", Some("DT:RBL"), "blocked", false, "sender_server"),
    case!("N 450 WM:BLI", NE, "450 WM:BLI", Some("WM:BLI"), "blocked", false, "sender_server"),
    case!("N 450 WM:BLU", NE, "450 WM:BLU", Some("WM:BLU"), "rejected", false, "sender_account"),
    case!("N 450 MI:IPB", NE, "450 MI:IPB", Some("MI:IPB"), "blocked", true, "sender_server"),
    case!("N 451 DT:SPM", NE, "451 DT:SPM mx4, DsCowAD3ZtX2fWlnq2kRBQ--.1 1736000431, please try again 1736000731 http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.25&hostid=mx4&time=1736000431", Some("DT:SPM"), "spamdetected", true, "sender_content"),
    case!("N 451 too much fail authentication", Bare, "451 Requested mail action not taken: too much fail authentication", Some("too much fail authentication"), "securityerror", true, "sender_account"),
    case!("N 451 RP:CEL", NE, "451 RP:CEL", Some("RP:CEL"), "syntaxerror", true, "sender_server"),
    case!("N 451 MI:DMC", Bare, "451 MI:DMC", Some("MI:DMC"), "ratelimited", true, "sender_server"),
    case!("N 451 MI:SFQ", Bare, "451 MI:SFQ", Some("MI:SFQ"), "ratelimited", true, "sender_account"),
    case!("N 451 RP:QRC", Bare, "451 RP:QRC", Some("RP:QRC"), "ratelimited", true, "sender_account"),
    case!("N 451 local error in processing", NE, "451 Requested action aborted: local error in processing", Some("local error in processing"), "systemerror", true, "network"),
    case!("N 451 local error in processing (generic)", Bare, "451 Requested action aborted: local error in processing", None, "systemerror", true, "network"),
    case!("N 451 4.3.2 Internal server error", NE, "451 4.3.2 Internal server error", Some("Internal server error"), "systemerror", true, "network"),
    case!("N 460 ERR.LOGIN.PASSERR", Bare, "Invalid login: 460 ERR.LOGIN.PASSERR", Some("ERR.LOGIN.PASSERR"), "securityerror", false, "sender_account"),
    case!("N 500 bad syntax", NE, "500 Error: bad syntax", Some("Error: bad syntax"), "syntaxerror", false, "sender_server"),
    case!("N 503 MI:ANL", Bare, "503 MI:ANL", Some("MI:ANL"), "securityerror", false, "sender_account"),
    case!("N 535 authentication failed", Bare, "smtp.163.com: 535 Error: authentication failed", Some("authentication failed"), "securityerror", false, "sender_account"),
    case!("N 535 authentication failed (generic)", Bare, "535 Error: authentication failed", None, "securityerror", false, "sender_account"),
    case!("N 550 MI:NHD", NE, "550 MI:NHD", Some("MI:NHD"), "blocked", false, "sender_server"),
    case!("N 550 MI:IMF", NE, "550 MI:IMF", Some("MI:IMF"), "rejected", false, "sender_account"),
    case!("N 550 MI:SPF", NE, "550 MI:SPF", Some("MI:SPF"), "authfailure", false, "sender_server"),
    case!("N 550 MI:DMA", NE, "550 MI:DMA", Some("MI:DMA"), "authfailure", false, "sender_server"),
    case!("N 550 MI:STC", Bare, "550 MI:STC", Some("MI:STC"), "ratelimited", true, "sender_account"),
    case!("N 550 RP:FRL", NE, "550 RP:FRL", Some("RP:FRL"), "norelaying", false, "sender_server"),
    case!("N 550 RP:RCL", NE, "550 RP:RCL", Some("RP:RCL"), "ratelimited", false, "sender_content"),
    case!("N 550 RP:TRC", Bare, "554 5.5.3 RP:TRC", Some("RP:TRC"), "ratelimited", true, "sender_account"),
    case!("N 550 5.7.0 DT:SPM", NE, "550 5.7.0 DT:SPM .For more information, please visit https://feedback.qiye.163.com/", Some("DT:SPM"), "spamdetected", false, "sender_content"),
    case!("N 550 Invalid User", NE, "550 Invalid User: zhangsan@163.com", Some("Invalid User"), "userunknown", false, "recipient_address"),
    case!("N 550 Invalid User (bare)", Bare, "550 Invalid User", None, "userunknown", false, "recipient_address"),
    case!("N 550 User not found", NE, "550 User not found: zhangsan@163.com", Some("User not found"), "userunknown", false, "recipient_address"),
    case!("N 550 User not found (pasted)", Bare, "550 User not found: zhangsan@163.com", Some("User not found"), "userunknown", false, "recipient_address"),
    case!("N 550 User in blacklist", NE, "550 User in blacklist", Some("User in blacklist"), "rejected", false, "sender_account"),
    case!("N 550 User suspended", NE, "550 User suspended", Some("User suspended"), "suspend", false, "recipient_mailbox"),
    case!("N 550 too much recipient", Bare, "550 Requested mail action not taken: too much recipient", Some("too much recipient"), "ratelimited", false, "sender_content"),
    case!("N 550 User has no permission", Bare, "550 User has no permission", Some("User has no permission"), "securityerror", false, "sender_account"),
    case!("N 550 MI:IPB", NE, "550 MI:IPB", Some("MI:IPB"), "blocked", false, "sender_server"),
    case!("N 550 exceed daily message limit (group)", Bare, "550 You have exceed daily message limit,for group send email", Some("exceed daily message limit"), "ratelimited", true, "sender_account"),
    case!("N 552 Illegal Attachment", NE, "552 Illegal Attachment", Some("Illegal Attachment"), "policyviolation", false, "sender_content"),
    case!("N 552 exceeded mailsize limit", NE, "552 Requested mail action aborted: exceeded mailsize limit", Some("exceeded mailsize limit"), "emailtoolarge", false, "sender_content"),
    case!("N 552 RP:UQT", NE, "552 RP:UQT", Some("RP:UQT"), "mailboxfull", true, "recipient_mailbox"),
    case!("N 552 DT:UQT", NE, "552 DT:UQT", Some("RP:UQT"), "mailboxfull", true, "recipient_mailbox"),
    case!("N 552 RP:SMS", NE, "552 RP:SMS", Some("RP:SMS / RP:UMS"), "emailtoolarge", false, "sender_content"),
    case!("N 552 DT:UMS", NE, "552 DT:UMS", Some("RP:SMS / RP:UMS"), "emailtoolarge", false, "sender_content"),
    case!("N 553 NULL sender", NE, "553 Requested action not taken: NULL sender is not allowed", Some("NULL sender is not allowed"), "rejected", false, "sender_server"),
    case!("N 553 Local user only", Bare, "553 Requested action not taken: Local user only", Some("Local user only"), "rejected", false, "sender_account"),
    case!("N 553 no smtp MX only", NE, "553 Requested action not taken: no smtp MX only", Some("no smtp MX only"), "rejected", false, "sender_server"),
    case!("N 553 authentication is required", Bare, "smtp.163.com: 553 authentication is required", Some("authentication is required"), "securityerror", false, "sender_account"),
    case!("N 553 Mail from must equal authorized user", Bare, "553 Mail from must equal authorized user", Some("Mail from must equal authorized user"), "rejected", false, "sender_account"),
    case!("N 553 MI:SUM", Bare, "553 MI:SUM", Some("MI:SUM"), "rejected", false, "sender_account"),
    case!("N 553 RP:RDN", NE, "553 RP:RDN", Some("RP:RDN"), "userunknown", false, "recipient_address"),
    case!("N 553 RP:RPB", NE, "553 RP:RPB", Some("RP:RPB"), "filtered", false, "recipient_policy"),
    case!("N 553 RP:DRL", NE, "553 RP:DRL", Some("RP:DRL"), "norelaying", false, "sender_server"),
    case!("N 554 DT:SPM smtp", Bare, "554 DT:SPM 163 smtp14,DsCowAD3ZtX2fWlnq2kRBQ--.1 1736000431,please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.25&hostid=smtp14&time=1736000431", Some("DT:SPM"), "spamdetected", false, "sender_content"),
    case!("N 554 DT:SPM mx", NE, "554 DT:SPM mx6, DsCowAD3ZtX2fWlnq2kRBQ--.1 1736000431 http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.25&hostid=mx6&time=1736000431", Some("DT:SPM"), "spamdetected", false, "sender_content"),
    case!("N 554 DT:SUM", NE, "554 DT:SUM", Some("DT:SUM"), "rejected", false, "sender_account"),
    case!("N 554 smtp auth error limit exceed", Bare, "554 IP is rejected, smtp auth error limit exceed", Some("smtp auth error limit exceed"), "securityerror", true, "sender_account"),
    case!("N 554 HL:IHU", NE, "554 HL:IHU", Some("HL:IHU"), "badreputation", true, "sender_server"),
    case!("N 554 HL:IPB", NE, "554 HL:IPB", Some("HL:IPB"), "blocked", false, "sender_server"),
    case!("N 554 5.5.0 MI:STC", Bare, "554 5.5.0 MI:STC", Some("MI:STC"), "ratelimited", true, "sender_account"),
    case!("N 554 MI:SPB", Bare, "554 MI:SPB", Some("MI:SPB"), "rejected", false, "sender_account"),
    case!("N 554 IP in blacklist", NE, "554 IP in blacklist", Some("IP in blacklist"), "blocked", false, "sender_server"),
    case!("N 554 5.7.3 HL:ITC", NE, "554 5.7.3 HL:ITC", Some("HL:ITC"), "ratelimited", true, "sender_server"),
    case!("N 554 HL:ICC", NE, "554 HL:ICC", Some("HL:ICC"), "ratelimited", true, "sender_server"),
    case!("N 554 HL:IFQ", NE, "554 HL:IFQ", Some("HL:IFQ"), "ratelimited", true, "sender_server"),
    case!("N 554 MI:SFQ", Bare, "554 MI:SFQ", Some("MI:SFQ"), "ratelimited", true, "sender_account"),
    case!("N 554 exceed daily message limit (single)", Bare, "554 You have exceed daily message limit,for single send email", Some("exceed daily message limit"), "ratelimited", true, "sender_account"),
    case!("N 554 DT:MTH", NE, "554 DT:MTH", Some("DT:MTH"), "systemerror", false, "network"),
    case!("N rcpt handle timeout", NeteaseNotice, "rcpt handle timeout,last handle info: Can not connect to example.com:192.0.2.1:25", Some("rcpt handle timeout"), "expired", false, "network"),
    case!("N Can not connect to", NeteaseNotice, "Can not connect to example.com:192.0.2.1:25", Some("Can not connect to"), "networkerror", false, "network"),
    case!("N rejected by system", NeteaseNotice, "rejected by system", Some("rejected by system"), "spamdetected", false, "sender_content"),
    // ---- tencent.tsv ----
    case!("T 550 Mailbox not found", QQ, "550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728", Some("Mailbox not found"), "userunknown", false, "recipient_address"),
    case!("T 550 Mailbox not found (pasted)", Bare, "550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728", Some("Mailbox not found"), "userunknown", false, "recipient_address"),
    case!("T 550 Mailbox not found or access denied", Bare, "smtp.qq.com: 550 Mailbox not found or access denied", Some("Mailbox not found or access denied"), "userunknown", false, "recipient_address"),
    case!("T 550 Mailbox not found or access denied (exmail)", QQ, "550 Mailbox not found or access denied", Some("Mailbox not found or access denied"), "userunknown", false, "recipient_address"),
    case!("T 501 Bad address syntax", QQ, "501 Bad address syntax. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000730", Some("Bad address syntax"), "syntaxerror", false, "recipient_address"),
    case!("T 550 Ip frequency limited", QQ, "550 Ip frequency limited [Zm9vYmFy Blocked IP 192.0.2.25]. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000725", Some("Ip frequency limited"), "ratelimited", true, "sender_server"),
    case!("T 550 Ip frequency limited (pasted)", Bare, "550 Ip frequency limited", Some("Ip frequency limited"), "ratelimited", true, "sender_server"),
    case!("T 550 Domain frequency limited", QQ, "550 Domain frequency limited", Some("Domain frequency limited"), "ratelimited", true, "sender_server"),
    case!("T 550 Sender frequency limited", Bare, "550 Sender frequency limited", Some("Sender frequency limited"), "ratelimited", true, "sender_account"),
    case!("T 550 Connection frequency limited", QQ, "550 Connection frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000722", Some("Connection frequency limited"), "ratelimited", true, "sender_server"),
    case!("T 550 Connection denied", QQ, "550 Connection denied", Some("Connection denied"), "blocked", true, "sender_server"),
    case!("T 550 Mail content denied", QQ, "550 Mail content denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726", Some("Mail content denied"), "spamdetected", false, "sender_content"),
    case!("T 550 Mailbox unavailable or access denied", QQ, "550 Mailbox unavailable or access denied. http://service.mail.qq.com/detail/122/166", Some("Mailbox unavailable or access denied"), "ratelimited", true, "recipient_policy"),
    case!("T 550 Mailbox unavailable or access denied (pasted)", Bare, "550 Mailbox unavailable or access denied. http://service.mail.qq.com/detail/122/166", Some("Mailbox unavailable or access denied"), "ratelimited", true, "recipient_policy"),
    case!("T 550 Suspected bounce attacks", QQ, "550 Suspected bounce attacks [Zm9vYmFy]. https://service.mail.qq.com/detail/122/57.", Some("Suspected bounce attacks"), "blocked", false, "sender_server"),
    case!("T 550 Suspected spam ip", QQ, "550 Suspected spam ip", Some("Suspected spam ip"), "blocked", false, "sender_server"),
    case!("T 550 Suspected spam", QQ, "550 Suspected spam", Some("Suspected spam"), "rejected", false, "sender_server"),
    case!("T 550 Spam is embedded in the email", QQ, "550 Spam is embedded in the email", Some("Spam is embedded in the email"), "spamdetected", false, "sender_content"),
    case!("T 550 SPF check failed", QQ, "550 SPF check failed", Some("SPF check failed"), "authfailure", false, "sender_server"),
    case!("T 550 DMARC check failed", QQ, "550 DMARC check failed. http://service.mail.qq.com/cgi-bin/help?subtype=1&&no=1001508&&id=16.", Some("DMARC check failed"), "authfailure", false, "sender_server"),
    case!("T 550 Mail is rejected by recipients", QQ, "550 Mail is rejected by recipients [Zm9vYmFy IP: 192.0.2.25]. https://service.mail.qq.com/detail/0/92.", Some("Mail is rejected by recipients"), "rejected", false, "recipient_policy"),
    case!("T 552 Message too large", QQ, "552 Message too large", Some("Message too large"), "emailtoolarge", false, "sender_content"),
    case!("T is a deactivated mailbox", QQ, "550 zhangsan@qq.com is a deactivated mailbox", Some("is a deactivated mailbox"), "suspend", false, "recipient_mailbox"),
    case!("T is a deactivated mailbox (pasted)", Bare, "zhangsan@qq.com is a deactivated mailbox", Some("is a deactivated mailbox"), "suspend", false, "recipient_mailbox"),
    case!("T 550 Error: content rejected", QQ, "550 Error: content rejected", Some("Error: content rejected"), "spamdetected", false, "sender_content"),
    case!("T 500 Error: bad syntax", QQ, "500 Error: bad syntax", Some("Error: bad syntax"), "syntaxerror", false, "sender_server"),
    case!("T 550 mail rejected by antispam server", QQ, "550 Error: mail rejected by antispam server", Some("mail rejected by antispam server"), "spamdetected", false, "sender_content"),
    case!("T notice Host not found", QqNotice, "收件人的域名不存在\nHost or domain name not found. Name service error for name=163.con type=MX: Host not found, try again", Some("Host not found"), "hostunknown", false, "recipient_address"),
    case!("T notice invalid recipient syntax", QqNotice, "收件人地址格式错误\ninvalid recipient syntax", Some("invalid recipient syntax"), "syntaxerror", false, "recipient_address"),
    case!("T notice 该用户不存在", QqNotice, "该用户不存在", Some("该用户不存在"), "userunknown", false, "recipient_address"),
    case!("T notice 该用户未开通QQ邮箱", QqNotice, "该用户未开通QQ邮箱", Some("该用户未开通QQ邮箱"), "userunknown", false, "recipient_address"),
    case!("T notice 收件人空间不足", QqNotice, "收件人空间不足", Some("收件人空间不足"), "mailboxfull", true, "recipient_mailbox"),
    case!("T notice message size exceeds size limit", QqNotice, "message size 31457280 exceeds size limit 20971520 of server mx.example.com[192.0.2.1]", Some("exceeds size limit of server"), "emailtoolarge", false, "sender_content"),
    case!("T notice host said", QqNotice, "host mx.example.com[192.0.2.1] said: 550 5.1.1 <lisi@example.com>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)", Some("User unknown in local recipient table"), "userunknown", false, "recipient_address"),
    case!("T notice connect to", QqNotice, "connect to mx.example.com[192.0.2.1]:25: Connection timed out", Some("connect to: connection failed"), "expired", false, "network"),
    case!("T notice lost connection", QqNotice, "lost connection with mx.example.com[192.0.2.1] while receiving the initial server greeting", Some("lost connection / timed out"), "networkerror", true, "network"),
    case!("T notice timed out", QqNotice, "conversation with mx.example.com[192.0.2.1] timed out while sending message body", Some("lost connection / timed out"), "networkerror", true, "network"),
    case!("T 535 Login fail", Bare, "535 Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy.", Some("Login fail"), "securityerror", false, "sender_account"),
    case!("T 501 mail from address must be same as authorization user", Bare, "501 mail from address must be same as authorization user", Some("mail from address must be same as authorization user"), "rejected", false, "sender_account"),
    // ---- pasted bare: distinctive provider texts are recognised, generic ones are not claimed ----
    case!("N 英文说明 rejected by system (pasted)", Bare, "英文说明:rejected by system", Some("rejected by system"), "spamdetected", false, "sender_content"),
    case!("N 英文说明 rcpt handle timeout (pasted)", Bare, "英文说明: rcpt handle timeout.", Some("rcpt handle timeout"), "expired", false, "network"),
    case!("N Can not connect to (pasted)", Bare, "Can not connect to example.com:192.0.2.1:25", Some("Can not connect to"), "networkerror", false, "network"),
    case!("N 550 User not found, other domain", Bare, "550 User not found: zhangsan@example.com", None, "userunknown", false, "recipient_address"),
    case!("N 550 User in blacklist (generic)", Bare, "550 User in blacklist", None, "blocked", false, "sender_server"),
    case!("N 550 User suspended (generic)", Bare, "550 User suspended", None, "suspend", false, "recipient_mailbox"),
    case!("N 553 authentication is required (generic)", Bare, "553 authentication is required", None, "securityerror", false, "sender_account"),
    case!("N 554 IP in blacklist (generic)", Bare, "554 IP in blacklist", None, "blocked", false, "sender_server"),
    case!("N 500 bad syntax (generic)", Bare, "500 Error: bad syntax", None, "syntaxerror", false, "sender_server"),
    case!("T 550 Mailbox not found or access denied (generic)", Bare, "550 Mailbox not found or access denied", None, "userunknown", false, "recipient_address"),
    case!("T 550 SPF check failed (generic)", Bare, "550 SPF check failed", None, "authfailure", false, "sender_server"),
    case!("T 552 Message too large (generic)", Bare, "552 Message too large", None, "emailtoolarge", false, "sender_content"),
    case!("T 550 Error: content rejected (generic)", Bare, "550 Error: content rejected", None, "spamdetected", false, "sender_content"),
    case!("T 550 mail rejected by antispam server (generic)", Bare, "550 Error: mail rejected by antispam server", None, "spamdetected", false, "sender_content"),
    case!("T 该用户不存在 (pasted)", Bare, "该用户不存在", Some("该用户不存在"), "userunknown", false, "recipient_address"),
    case!("T 该用户未开通QQ邮箱 (pasted)", Bare, "该用户未开通QQ邮箱", Some("该用户未开通QQ邮箱"), "userunknown", false, "recipient_address"),
    case!("T 收件人空间不足 (pasted)", Bare, "收件人空间不足", Some("收件人空间不足"), "mailboxfull", true, "recipient_mailbox"),
    case!("T Connection denied, Postfix", Form::Dsn("mx.example.org"), "550 5.7.1 Connection denied", None, "ratelimited", true, "recipient_policy"),
];

fn explain_case(c: &Case) -> Result<BounceRecipient, String> {
    let input = render(c.form, c.text);
    let report = explain(input.as_bytes(), &ExplainOptions::default());
    if !report.is_bounce {
        return Err("not a bounce".to_string());
    }
    if matches!(c.form, Form::Bare) && report.kind != Kind::SmtpReply {
        return Err(format!("kind {:?}, want smtp_reply", report.kind));
    }
    match report.recipients.as_slice() {
        [r] => Ok(r.clone()),
        rs => Err(format!("{} recipients", rs.len())),
    }
}

#[test]
fn every_provider_row_is_recognised_where_it_is_seen() {
    let mut failures = Vec::new();
    for c in CASES {
        let r = match explain_case(c) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{} [{}]: {e}", c.row, c.text));
                continue;
            }
        };
        let got = (r.provider_code.as_deref(), r.reason.name(), r.temporary, r.fault.name());
        let want = (c.code, c.reason, c.temporary, c.fault);
        if got != want {
            failures.push(format!("{} [{}]: got {got:?}, want {want:?}", c.row, c.text));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn bare_replies_have_no_address() {
    for c in CASES.iter().filter(|c| matches!(c.form, Form::Bare) && !c.text.contains('@')) {
        if let Ok(r) = explain_case(c) {
            assert_eq!(r.address, None, "{}", c.row);
        }
    }
}
