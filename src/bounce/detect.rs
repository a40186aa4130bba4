//! Is it a bounce, which kind, who wrote it, and is it suspicious? Decided from the headers and
//! the structure read in `message.rs`; ordinary mail must never be called a bounce, so a message
//! counts as a bounce only on evidence (a delivery-status part, a bounce sender with a bounce
//! subject or body, a provider notice template).

use std::sync::OnceLock;

use super::message::Input;
use super::text::{contains_ci, has};
use crate::re::{set, Literals};

/// Subjects that bounces carry (lower-cased substrings).
const BOUNCE_SUBJECTS: &[&str] = &[
    "undeliver",
    "undelivered mail",
    "returned mail",
    "return mail",
    "delivery status notification",
    "delivery failure",
    "delivery failed",
    "failed delivery",
    "failure notice",
    "failure delivery",
    "mail delivery failed",
    "mail delivery failure",
    "mail delivery system",
    "mail system error",
    "nondeliverable",
    "non-deliverable",
    "non remis",
    "non recapitabile",
    "unzustellbar",
    "could not send message",
    "could not be delivered",
    "delivery notification",
    "delivery problem",
    "warning: message",
    "delayed mail",
    "message delayed",
    "delivery has failed",
    "delivery report",
    "returned to sender",
    "mail could not be delivered",
    "rejected:",
    "message you sent",
    "not delivered",
    "postmaster notify",
    "error sending message",
    "delivery error",
    "nicht zustellbar",
    "系统退信",
    "的退信",
    "退信",
    "未送达",
    "投递失败",
    "发送失败",
    "returned message",
    "bounce",
    "dsn",
    "permanent error",
    "mail error",
    "failed mail",
    "mail failure",
    "notification",
];

/// Body phrases only bounce generators write (lower-cased).
const BOUNCE_BODY: &[&str] = &[
    "this is the mail system at host",
    "i'm sorry to have to inform you that your message could not",
    "this message was created automatically by mail delivery software",
    "a message that you sent could not be delivered",
    "the following addresses had permanent fatal errors",
    "----- transcript of session follows -----",
    "this is the qmail-send program",
    "i'm afraid i wasn't able to deliver your message",
    "delivery has failed to these recipients or groups",
    "your message to * couldn't be delivered",
    "couldn't be delivered",
    "diagnostic information for administrators",
    "delivery to the following recipient failed",
    "delivery to the following recipients failed",
    "the following message to <",
    "sorry, we were unable to deliver your message",
    "message delivery has failed",
    "could not be delivered to the following",
    "your message could not be delivered",
    "your message was not delivered",
    "could not deliver your message",
    "unable to deliver your message",
    "unable to deliver message to",
    "error: invalid user address",
    "was not delivered to",
    "the mail server could not deliver",
    "delivery failed",
    "undeliverable",
    "permanent error",
    "message could not be delivered",
    "has not been delivered",
    "failed to deliver",
    "did not reach the following recipient",
    "the original message was received at",
    "returned mail",
    "mail delivery failed",
    "remote host said:",
    "host * said:",
    "smtp error from remote mail server",
    "delivery status notification",
    "final-recipient:",
    "could not be delivered",
    "failed permanently",
    "has been delayed",
    "not yet been delivered",
    "this is an automatically generated delivery status notification",
    "delivery of your message",
    "your mail message to the following address(es) could not be delivered",
    "an error occurred while trying to deliver",
    "message not delivered",
    "address not found",
    "user unknown",
];

/// Senders of bounces (local parts, lower-cased substrings).
const DAEMONS: &[&str] = &[
    "mailer-daemon",
    "mailer_daemon",
    "post_master",
    "mailerdaemon",
    "mail-daemon",
    "postmaster",
    "mail delivery",
    "mdaemon",
    "daemon",
    "bounce",
    "returns",
    "return",
    "dsn",
    "nobody",
    "root",
    "system",
    "admin",
    "mail",
    "notify",
    "noreply",
    "no-reply",
    "delivery",
    "smtp",
    "gateway",
    "antispam",
    "security",
    "scanner",
    "postoffice",
    "mailadmin",
    "mmdf",
    "mta",
];

/// Requests a real bounce never makes: phishing dressed as a bounce.
const PHISHING: &[&str] = &[
    "click here",
    "click below",
    "click the link",
    "click on the link",
    "verify your account",
    "verify your email",
    "verify your mailbox",
    "confirm your account",
    "confirm your identity",
    "validate your account",
    "log in to",
    "login to",
    "sign in to",
    "re-login",
    "relogin",
    "release your messages",
    "release pending",
    "pending messages",
    "messages are pending",
    "retrieve your messages",
    "restore your messages",
    "held messages",
    "update your password",
    "password will expire",
    "mailbox will be",
    "account will be",
    "upgrade your mailbox",
    "increase your quota",
    "点击这里",
    "点击此处",
    "点击链接",
    "点此",
    "请点击",
    "重新登录",
    "登录验证",
    "验证您的",
    "验证你的",
    "输入密码",
    "账号将被",
    "帐号将被",
    "邮箱将被",
    "升级邮箱",
    "扩容",
    "释放邮件",
];

/// The facts detection decides on.
pub struct Detection {
    /// Anything points to a bounce.
    pub bounce_like: bool,
    pub feedback: bool,
    pub auto_reply: bool,
    pub suspicious: bool,
}

/// Each list of literals above, searched for in one pass (`re::Literals`).
static SUBJECTS: OnceLock<Literals> = OnceLock::new();
static BODY_LITERALS: OnceLock<Literals> = OnceLock::new();
static DAEMON_NAMES: OnceLock<Literals> = OnceLock::new();
static PHISHING_SET: OnceLock<Literals> = OnceLock::new();
static STRONG_SUBJECTS: OnceLock<Literals> = OnceLock::new();
static AUTO_SUBJECTS: OnceLock<Literals> = OnceLock::new();

pub fn subject_is_bounce(subject: &str) -> bool {
    let s = subject.to_ascii_lowercase();
    set(&SUBJECTS, BOUNCE_SUBJECTS).any(&s)
}

pub fn body_is_bounce(lower_text: &str) -> bool {
    // Bounce generators say so at the top.
    let lower_text = super::text::cut(lower_text, 6 * 1024);
    // The phrases without a wildcard in one pass; the two with one as before.
    let literal = |b: &&str| !b.contains('*');
    static LITERAL: OnceLock<Vec<&'static str>> = OnceLock::new();
    let literals = LITERAL.get_or_init(|| BOUNCE_BODY.iter().copied().filter(literal).collect());
    set(&BODY_LITERALS, literals).any(lower_text)
        || BOUNCE_BODY
            .iter()
            .filter(|b| !literal(b))
            .any(|b| crate::knowledge::patterns::pattern_matches(b, lower_text))
}

pub fn from_daemon(input: &Input) -> bool {
    let f = &input.headers.from;
    let local = f.split('@').next().unwrap_or("");
    let name = input.headers.from_name.to_ascii_lowercase();
    f.is_empty()
        || set(&DAEMON_NAMES, DAEMONS).any(local)
        || name.contains("mail delivery")
        || name.contains("postmaster")
        || name.contains("mailer-daemon")
        || name.contains("mail system")
        || name.contains("system administrator")
        || input.headers.return_path == "<>"
        || input.headers.return_path.is_empty() && f.contains("daemon")
}

/// Asks the reader to click, log in or verify.
pub fn asks_to_click(lower_text: &str) -> bool {
    let lower_text = super::text::cut(lower_text, 8 * 1024);
    // The link test first: it is four searches, the requests are forty.
    (lower_text.contains("http")
        || lower_text.contains("www.")
        || lower_text.contains("链接")
        || lower_text.contains("登录"))
        && set(&PHISHING_SET, PHISHING).any(lower_text)
}

pub fn detect(input: &Input, lower_text: &str, notice: bool, has_recipients: bool, has_errors: bool) -> Detection {
    let h = &input.headers;
    let feedback = input.feedback || h.report_type == "feedback-report";
    let dsn = !input.dsn.is_empty() || h.report_type.contains("delivery-status");
    let subj = subject_is_bounce(&h.subject);
    // The body phrases are searched only when the decision needs them.
    let body_cell = std::cell::OnceCell::new();
    let body = || *body_cell.get_or_init(|| body_is_bounce(lower_text));
    let daemon = from_daemon(input);
    let subj_l = h.subject.to_ascii_lowercase();
    let strong_subject = set(
        &STRONG_SUBJECTS,
        &[
            "undeliver",
            "returned mail",
            "delivery status notification",
            "failure notice",
            "mail delivery failed",
            "系统退信",
            "的退信",
            "delivery failure",
            "non remis",
            "undelivered",
            "could not be delivered",
            "warning: could not send",
            "delayed mail",
            "mail delivery failure",
            "returned to sender",
            "delivery has failed",
            "non-deliverable",
            "nondeliverable",
            "unzustellbar",
        ],
    )
    .any(&subj_l);
    let bounce_like = !feedback
        && (dsn
            || notice
            || (daemon && (subj || has_errors || body()))
            || (strong_subject && (has_recipients || body()))
            || (!input.is_message && has_recipients && (has_errors || body())));
    let auto_sub = h.auto_submitted.starts_with("auto-replied");
    let auto_subject = set(
        &AUTO_SUBJECTS,
        &[
            "auto:",
            "automatic reply",
            "auto reply",
            "autoreply",
            "auto-reply",
            "out of office",
            "out of the office",
            "vacation",
            "自动回复",
            "away from",
            "absence",
            "abwesend",
            "自動応答",
            "自動返信",
            "不在",
        ],
    )
    .any(&subj_l);
    let auto_reply = !bounce_like
        && !feedback
        && (auto_subject || auto_sub || h.has_name("x-autoreply", false) || h.has_name("x-autorespond", false));
    let pasted_bounce = !input.is_message && (lower_text.contains("退信") || lower_text.contains("被退回") || body());
    let dressed = bounce_like || strong_subject || subj && body() || pasted_bounce;
    let suspicious = dressed && ((input.is_message && !daemon && !dsn) || asks_to_click(lower_text));
    Detection { bounce_like, feedback, auto_reply, suspicious }
}

/// Who wrote the bounce, from headers and body markers.
pub fn generator(input: &Input, lower_text: &str) -> Option<String> {
    let top = super::text::cut(&input.text, 16 * 1024);
    // The Chinese markers cannot occur in ASCII text (most bounces): not searched for there.
    let cjk = !top.is_ascii();
    let h = &input.headers;
    let from = h.from.as_str();
    let domain = from.rsplit('@').next().unwrap_or("");
    let names = |n: &str| h.has_name(n, true);
    let by = if domain.ends_with("163.com")
        || domain.ends_with("126.com")
        || domain.ends_with("yeah.net")
        || domain.ends_with("188.com")
        || cjk && (top.contains("您的邮件被退回来了") || top.contains("您的郵件被退回來了"))
    {
        "Netease"
    } else if domain == "qq.com"
        || domain.ends_with(".qq.com")
        || domain == "foxmail.com"
        || domain.ends_with("exmail.qq.com")
        || cjk && (top.contains("很抱歉您发送的邮件被退回") || top.contains("很抱歉您發送的郵件被退回"))
    {
        "Tencent"
    } else if top.contains("Coremail") || contains_ci(&h.message_id, "coremail") {
        "Coremail"
    } else if names("x-ses-outgoing") || domain.ends_with("amazonses.com") || names("x-amz") {
        "Amazon SES"
    } else if domain.ends_with("googlemail.com") || domain.ends_with("google.com") || domain.ends_with("gmail.com") {
        "Gmail"
    } else if names("x-ms-exchange")
        || has(lower_text, "diagnostic information for administrators")
        || has(lower_text, "delivery has failed to these recipients")
        || domain.ends_with("outlook.com")
        || domain.ends_with("hotmail.com")
        || domain.ends_with("onmicrosoft.com")
    {
        "Exchange / Office 365"
    } else if domain.contains("yahoo") || has(lower_text, "sorry, we were unable to deliver your message") {
        "Yahoo"
    } else if has(lower_text, "this is the mail system at host")
        || names("x-postfix")
        || input.dsn.iter().any(|d| d.contains("X-Postfix"))
    {
        "Postfix"
    } else if has(lower_text, "this message was created automatically by mail delivery software")
        || names("x-failed-recipients") && h.received_from.contains("exim")
    {
        "Exim"
    } else if has(lower_text, "this is the qmail-send program")
        || has(lower_text, "qmail") && has(lower_text, "below this line is a copy")
    {
        "qmail"
    } else if has(lower_text, "----- transcript of session follows -----")
        || has(lower_text, "the following addresses had permanent fatal errors")
        || h.received_from.contains("sendmail")
    {
        "Sendmail"
    } else if has(lower_text, "opensmtpd") || has(lower_text, "this is the mailer-daemon at") {
        "OpenSMTPD"
    } else if has(lower_text, "courier mail server") {
        "Courier"
    } else if has(lower_text, "lotus domino") || has(lower_text, "domino") && has(lower_text, "not delivered") {
        "Domino"
    } else if !input.dsn.is_empty() {
        "RFC 3464"
    } else {
        return None;
    };
    Some(by.to_string())
}
