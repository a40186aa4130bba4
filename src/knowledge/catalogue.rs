//! The explanation catalogue: for every [`Reason`], a badge label, a title, a plain explanation
//! and concrete steps, in zh-CN and en. Written for a webmail user first (what to do now), with
//! the administrator's steps last where the cause is on a server.
//!
//! Provider codes (`netease.rs`, `tencent.rs`, `others.rs`) carry their own, more specific texts;
//! this catalogue is the fallback when only the reason is known, and the reason list of the code
//! book. Defaults for `temporary` and `fault` here are the usual case for the reason; a provider
//! code may say otherwise (QQ's 550 rate limits are temporary, for example).

use crate::i18n::Text;
use crate::reason::{Fault, Reason};

/// What the catalogue says about one reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReasonInfo {
    pub title: Text,
    pub detail: Text,
    pub actions: &'static [Text],
    /// Will a later retry likely work (in the usual case)?
    pub temporary: bool,
    /// Whose side the problem usually is on.
    pub fault: Fault,
}

const fn info(title: Text, detail: Text, actions: &'static [Text], temporary: bool, fault: Fault) -> ReasonInfo {
    ReasonInfo { title, detail, actions, temporary, fault }
}

/// A `'static` slice of steps (a const block, so the `Text::new` calls are evaluated at compile time).
macro_rules! acts {
    ($($a:expr),* $(,)?) => {
        const { &[$($a),*] }
    };
}
pub(crate) use acts;

/// Steps shared by the catalogue and the provider tables, so one advice reads the same everywhere.
pub mod steps {
    use crate::i18n::Text;

    pub const CHECK_ADDRESS: Text = Text::new(
        "逐字核对收件人地址：@ 前后有无多打、少打或打错的字符，域名是否拼对（如 qq.com、163.com）。",
        "Check the address letter by letter: extra, missing or swapped characters before or after the @, and the spelling of the domain (qq.com, 163.com ...).",
    );
    pub const CONFIRM_WITH_RECIPIENT: Text = Text::new(
        "通过电话、微信等其他方式向对方确认正确的邮箱地址。",
        "Confirm the right address with the recipient by phone, chat or another channel.",
    );
    pub const OTHER_ADDRESS: Text = Text::new(
        "如果对方还有别的邮箱，改发到那个地址。",
        "If the recipient has another address, send it there instead.",
    );
    pub const WAIT_RESEND: Text = Text::new(
        "邮件本身没有问题：过一段时间（通常 30 分钟到几小时）再重新发送。",
        "Nothing is wrong with the message itself: resend it later (usually after 30 minutes to a few hours).",
    );
    pub const CHANGE_CONTENT: Text = Text::new(
        "修改主题和正文：去掉推广、营销式的措辞，减少或去掉链接（尤其是短链接）和大图，然后重新发送。",
        "Rewrite the subject and body: drop promotional wording, remove links (short links above all) and large images, then resend.",
    );
    pub const ASK_WHITELIST: Text = Text::new(
        "请对方把你的地址加入白名单或通讯录，然后再发。",
        "Ask the recipient to add your address to their whitelist or contacts, then send again.",
    );
    pub const TELL_PROVIDER: Text = Text::new(
        "这不是你能在邮件里改的问题：请把这封退信转给你的邮箱服务商或单位 IT 管理员。",
        "This is not something you can fix in the message: forward this bounce to your mail provider or IT administrator.",
    );
    pub const SMALLER: Text = Text::new(
        "压缩或删除附件，或改用网盘、超大附件的下载链接，也可以拆成几封分别发送。",
        "Compress or remove attachments, or share them as a cloud / large-attachment link, or split the message into several.",
    );
    pub const SEND_LESS: Text = Text::new(
        "放慢发送：分批发给较少的收件人，稍后再发剩下的。",
        "Slow down: send to fewer recipients at a time and send the rest later.",
    );
    pub const ADMIN_AUTH: Text = Text::new(
        "管理员：检查发信域名的 SPF 是否包含实际发信的服务器，为邮件加上 DKIM 签名，并使 DMARC 与信头 From 的域名对齐。",
        "Administrator: make sure the domain's SPF includes the servers that really send, sign with DKIM, and align DMARC with the From domain.",
    );
    pub const ADMIN_RBL: Text = Text::new(
        "管理员：在公共黑名单（RBL）查询发信 IP，找到并处理原因（被盗账号、群发、病毒）后申请移除。",
        "Administrator: look the sending IP up on public blocklists (RBLs), fix the cause (compromised accounts, bulk mail, malware) and request delisting.",
    );
    pub const ADMIN_PTR: Text = Text::new(
        "管理员：为发信 IP 设置反向解析（PTR），并让它与 HELO 主机名和正向解析一致。",
        "Administrator: give the sending IP a reverse DNS (PTR) record that matches the HELO name and resolves forward again.",
    );
    pub const ADMIN_RATE: Text = Text::new(
        "管理员：降低发往该服务商的发送速率和并发连接数，让队列自动稍后重试。",
        "Administrator: lower the sending rate and concurrent connections to this provider and let the queue retry later.",
    );
    pub const WAIT_15: Text = Text::new(
        "过 15 分钟以上再重新发送，其间不要反复点发送。",
        "Wait at least 15 minutes before resending, and do not keep pressing send in the meantime.",
    );
    pub const WAIT_HOURS: Text =
        Text::new("暂停给这个服务商发信，几个小时后再重发。", "Pause mail to this provider and resend in a few hours.");
    pub const TOMORROW: Text = Text::new(
        "今天的额度已用完：明天再发，并减少每天发出的邮件和收件人数量。",
        "Today's allowance is used up: send again tomorrow, and send fewer messages and recipients per day.",
    );
    pub const FEWER_RECIPIENTS: Text = Text::new(
        "减少一封邮件里的收件人（收件人、抄送、密送合计），分成几封发送；群发请用邮件列表或群发服务。",
        "Put fewer recipients in one message (To, Cc and Bcc together) and split it into several; use a mailing list or bulk-mail service for mass mail.",
    );
    pub const AUTH_CODE: Text = Text::new(
        "用客户端或程序发信时：在网页邮箱设置里开启 POP3/SMTP 服务，登录密码填“授权码”（不是网页登录密码）。",
        "When sending from a mail client or program: enable POP3/SMTP in the webmail settings and log in with the authorization code, not the web password.",
    );
    pub const OWN_SENDER: Text = Text::new(
        "发件人地址必须是你登录的那个邮箱本身；不要在客户端或程序里填别的发件地址。",
        "The sender address must be the very mailbox you log in with; do not set another From address in the client or program.",
    );
    pub const FIX_PROGRAM: Text = Text::new(
        "网页邮箱用户一般不会遇到；若是程序或自建服务器发信，请开发者或管理员修正发信程序。",
        "Webmail users normally never see this; if a program or your own server sent it, have its developer or administrator fix it.",
    );
    pub const CONTACT_OTHER_WAY: Text =
        Text::new("改用电话、微信等其他方式联系对方。", "Reach the recipient another way, by phone or chat.");
    pub const ADMIN_HELO: Text = Text::new(
        "管理员：让发信服务器在 HELO/EHLO 中报出真实的完整主机名。",
        "Administrator: make the sending server announce its real, fully qualified hostname in HELO/EHLO.",
    );
    pub const ADMIN_LOGS: Text = Text::new(
        "管理员：查看发信服务器的日志和队列，找出具体的错误。",
        "Administrator: read the sending server's logs and queue for the exact error.",
    );
}

use steps::*;

/// The entry for a reason as it was reported: a temporary reply (4xx, 4.x.x) of a reason whose usual
/// entry describes a lasting state gets an entry that says it is passing. Sisimai names
/// `451 4.3.2 System not accepting network messages` notaccept, like a domain that takes no mail at
/// all (null MX); the first is a busy or broken server that the sending side retries.
pub fn reason_info_as(r: Reason, temporary: bool) -> ReasonInfo {
    match r {
        Reason::NotAccept if temporary => info(
            Text::new("对方服务器暂时不收信", "The receiving server is not taking mail for now"),
            Text::new(
                "对方的邮件服务器暂时不接收邮件（繁忙、维护或出了故障），与你的邮件和地址无关。发信服务器通常会自动重试。",
                "The receiving mail server is not accepting mail at the moment (busy, under maintenance or broken); it is not about your message or the address. The sending server usually retries on its own.",
            ),
            acts![WAIT_RESEND, CONTACT_OTHER_WAY],
            true,
            Fault::Network,
        ),
        _ => reason_info(r),
    }
}

/// The catalogue entry for a reason. Every reason has one.
pub fn reason_info(r: Reason) -> ReasonInfo {
    match r {
        Reason::UserUnknown => info(
            Text::new("收件人地址不存在", "The recipient address does not exist"),
            Text::new(
                "对方的邮件服务器说没有这个邮箱。最常见的原因是地址打错了一个字符，也可能对方已注销这个邮箱。重发同一个地址不会成功。",
                "The receiving server says there is no such mailbox. Most often the address has a typo; sometimes the mailbox was closed. Resending to the same address will not work.",
            ),
            acts![CHECK_ADDRESS, CONFIRM_WITH_RECIPIENT, OTHER_ADDRESS],
            false,
            Fault::RecipientAddress,
        ),
        Reason::HostUnknown => info(
            Text::new("收件人域名不存在", "The recipient's domain does not exist"),
            Text::new(
                "@ 后面的域名找不到收信服务器：域名很可能拼错了（如 qq.con、163.cm），或者这个域名不收邮件。",
                "No mail server could be found for the part after the @: the domain is probably misspelt (qq.con, 163.cm) or does not receive mail.",
            ),
            acts![
                Text::new(
                    "检查 @ 后面的域名，常见的是 qq.com、163.com、126.com、foxmail.com。",
                    "Check the domain after the @; the usual ones are qq.com, 163.com, 126.com, foxmail.com.",
                ),
                CONFIRM_WITH_RECIPIENT,
            ],
            false,
            Fault::RecipientAddress,
        ),
        Reason::MailboxFull => info(
            Text::new("收件人邮箱已满", "The recipient's mailbox is full"),
            Text::new(
                "地址是对的，但对方邮箱的空间用完了，暂时收不了新邮件。对方清理后就能收到。",
                "The address is right, but the recipient's mailbox is out of space and cannot take new mail until they clean it up.",
            ),
            acts![
                Text::new(
                    "通过其他方式告诉对方清理邮箱，过一两天再发。",
                    "Tell the recipient by another channel to free up space, and resend in a day or two.",
                ),
                OTHER_ADDRESS,
                SMALLER,
            ],
            true,
            Fault::RecipientMailbox,
        ),
        Reason::Suspend => info(
            Text::new("收件人邮箱已停用或冻结", "The recipient's mailbox is suspended"),
            Text::new(
                "这个邮箱存在，但已被停用、冻结或长期未登录而休眠，目前不收信。",
                "The mailbox exists but is disabled, frozen, or dormant after long inactivity, and does not accept mail for now.",
            ),
            acts![
                Text::new(
                    "通过其他方式联系对方：请他登录一次网页邮箱解冻，或给你一个在用的地址。",
                    "Contact the recipient another way: ask them to log in to webmail to reactivate it, or for an address they use.",
                ),
                OTHER_ADDRESS,
            ],
            false,
            Fault::RecipientMailbox,
        ),
        Reason::HasMoved => info(
            Text::new("收件人已更换邮箱", "The recipient has moved"),
            Text::new(
                "这个邮箱已不再使用，对方没有留下转发地址。",
                "This mailbox is no longer used and no forwarding address was left.",
            ),
            acts![CONFIRM_WITH_RECIPIENT, OTHER_ADDRESS],
            false,
            Fault::RecipientAddress,
        ),
        Reason::NotAccept => info(
            Text::new("对方域名不接收邮件", "The recipient's domain accepts no mail"),
            Text::new(
                "这个域名声明自己不收任何邮件（或没有可用的收信服务器），发到这里的邮件都会被退回。",
                "This domain declares that it takes no mail at all (or has no working mail server); everything sent there bounces.",
            ),
            acts![CHECK_ADDRESS, CONFIRM_WITH_RECIPIENT],
            false,
            Fault::RecipientAddress,
        ),
        Reason::Filtered => info(
            Text::new("被收件方过滤拒收", "Refused by the recipient's filter"),
            Text::new(
                "对方的邮箱设置或服务器过滤规则拒收了这封邮件，例如对方把你加入了黑名单、只收通讯录来信，或邮箱被禁止收信。",
                "The recipient's settings or server rules refused the message: you may be on their blocklist, they may only accept mail from contacts, or the mailbox may be barred from receiving.",
            ),
            acts![ASK_WHITELIST, OTHER_ADDRESS],
            false,
            Fault::RecipientPolicy,
        ),
        Reason::SpamDetected => info(
            Text::new("被判为垃圾邮件", "Rejected as spam"),
            Text::new(
                "对方的反垃圾系统认为这封邮件像垃圾邮件，通常是因为主题或正文像广告、链接很多，或同样的内容短时间发给了很多人。",
                "The receiver's anti-spam filter judged the message to be spam, usually because the subject or body looks like advertising, it has many links, or the same text went to many people at once.",
            ),
            acts![CHANGE_CONTENT, ASK_WHITELIST, SEND_LESS],
            false,
            Fault::SenderContent,
        ),
        Reason::VirusDetected => info(
            Text::new("附件被查出病毒", "A virus was found"),
            Text::new(
                "对方的杀毒系统在邮件或附件中发现了病毒或可疑文件，拒收了邮件。",
                "The receiver's virus scanner found malware or a suspicious file in the message or its attachments.",
            ),
            acts![
                Text::new(
                    "用杀毒软件检查你的电脑和附件，删除可疑附件后再发。",
                    "Scan your computer and the attachment, remove the suspicious file and resend.",
                ),
                Text::new(
                    "不要发送 .exe、.bat、.js 等可执行文件；必须发送时改用网盘链接。",
                    "Do not send executables (.exe, .bat, .js ...); share them as a cloud link if you must.",
                ),
            ],
            false,
            Fault::SenderContent,
        ),
        Reason::PolicyViolation => info(
            Text::new("违反收件方策略", "Against the receiver's policy"),
            Text::new(
                "对方服务器的规则不允许这封邮件，例如不接受某类附件、外部来信或某些发件人。",
                "A rule on the receiving server does not allow this message, for example a type of attachment, mail from outside, or certain senders.",
            ),
            acts![
                Text::new(
                    "去掉附件或改用链接后再发；若仍被拒，请对方联系他们的邮件管理员。",
                    "Remove attachments or use a link and resend; if it is still refused, ask the recipient to contact their mail administrator.",
                ),
                OTHER_ADDRESS,
            ],
            false,
            Fault::RecipientPolicy,
        ),
        Reason::ContentError => info(
            Text::new("邮件格式有误", "The message is malformed"),
            Text::new(
                "对方服务器认为邮件的信头或内容格式不正确。网页邮箱很少出现，多见于程序或脚本发出的邮件。",
                "The receiving server found the message's headers or content malformed. Rare from webmail; common with mail sent by scripts or programs.",
            ),
            acts![
                Text::new(
                    "用网页邮箱重新写一封（不要转发或粘贴原邮件）再发。",
                    "Write the message afresh in webmail (do not forward or paste the old one) and resend.",
                ),
                Text::new(
                    "开发者：检查生成邮件的程序，确保信头和 MIME 结构符合规范。",
                    "Developers: check the program that builds the message for valid headers and MIME structure.",
                ),
            ],
            false,
            Fault::SenderContent,
        ),
        Reason::NotCompliantRfc => info(
            Text::new("邮件不符合标准", "The message breaks the mail standards"),
            Text::new(
                "邮件不符合互联网邮件标准（例如重复的信头或格式错误的地址），对方拒收。",
                "The message does not follow the mail standards (duplicate headers or malformed addresses, for example), so it was refused.",
            ),
            acts![
                Text::new(
                    "用网页邮箱重新写一封再发；如果是程序发的信，请开发者修正信头。",
                    "Write it again in webmail; if a program sent it, ask its developer to fix the headers.",
                ),
            ],
            false,
            Fault::SenderContent,
        ),
        Reason::EmailTooLarge => info(
            Text::new("邮件太大", "The message is too large"),
            Text::new(
                "邮件（连同附件）超过了对方服务器或邮箱允许的大小。附件经过编码后还会变大约三分之一。",
                "The message with its attachments is larger than the receiving server or mailbox allows. Attachments grow by about a third when encoded for mail.",
            ),
            acts![SMALLER],
            false,
            Fault::SenderContent,
        ),
        Reason::RateLimited => info(
            Text::new("发送太频繁，被暂时限制", "Sending too fast: temporarily limited"),
            Text::new(
                "短时间内发出的邮件或收件人太多，对方服务器暂时限制了来信。这是临时措施，稍后重发一般能成功。",
                "Too many messages or recipients in a short time, so the receiver is temporarily limiting mail. It is temporary; resending later usually works.",
            ),
            acts![WAIT_RESEND, SEND_LESS, ADMIN_RATE],
            true,
            Fault::RecipientPolicy,
        ),
        Reason::Blocked => info(
            Text::new("发信服务器被拒绝", "The sending server was refused"),
            Text::new(
                "对方拒绝了发出这封邮件的服务器（它的 IP、主机名或 HELO），与收件人地址和邮件内容无关。",
                "The receiver refused the server that sent the message (its IP address, hostname or HELO); the address and the content are not the problem.",
            ),
            acts![TELL_PROVIDER, OTHER_ADDRESS, ADMIN_RBL, ADMIN_PTR],
            false,
            Fault::SenderServer,
        ),
        Reason::BadReputation => info(
            Text::new("发信方信誉不佳", "The sender's reputation is poor"),
            Text::new(
                "对方认为发信 IP 或域名近期发过垃圾邮件或大量无效地址，因此拒收或限流。",
                "The receiver thinks the sending IP or domain recently sent spam or mail to many invalid addresses, so it refuses or throttles it.",
            ),
            acts![TELL_PROVIDER, ADMIN_RBL, ADMIN_AUTH],
            false,
            Fault::SenderServer,
        ),
        Reason::AuthFailure => info(
            Text::new("发件域名验证失败（SPF/DKIM/DMARC）", "Sender authentication failed (SPF/DKIM/DMARC)"),
            Text::new(
                "对方无法确认这封邮件确实来自发件人的域名：SPF、DKIM 或 DMARC 校验没有通过。常见于用企业域名、代发或转发的邮件。",
                "The receiver could not verify that the message really comes from the sender's domain: SPF, DKIM or DMARC failed. Common with company domains, send-as and forwarding.",
            ),
            acts![
                TELL_PROVIDER,
                Text::new(
                    "不要用一个邮箱以另一个域名的地址“代发”。",
                    "Do not send from one mailbox under another domain's address (\"send as\").",
                ),
                ADMIN_AUTH,
            ],
            false,
            Fault::SenderServer,
        ),
        Reason::RequirePtr => info(
            Text::new("发信 IP 缺少反向解析", "The sending IP has no reverse DNS"),
            Text::new(
                "对方要求发信服务器的 IP 有正确的反向解析（PTR），而发信 IP 没有或不匹配。",
                "The receiver requires the sending IP to have a proper reverse DNS (PTR) record, and it is missing or does not match.",
            ),
            acts![TELL_PROVIDER, ADMIN_PTR],
            false,
            Fault::SenderServer,
        ),
        Reason::Rejected => info(
            Text::new("发件人地址被拒绝", "The sender address was refused"),
            Text::new(
                "对方拒绝的是发件人（信封上的 MAIL FROM 地址或域名），例如发件人在黑名单中、格式不对，或与登录账号不一致。",
                "The receiver refused the sender (the envelope MAIL FROM address or domain): it may be blocklisted, malformed, or differ from the account you logged in with.",
            ),
            acts![
                Text::new(
                    "用你自己邮箱的默认地址发送，不要改成别的发件人地址。",
                    "Send from your mailbox's own default address, not another sender address.",
                ),
                ASK_WHITELIST,
                TELL_PROVIDER,
            ],
            false,
            Fault::SenderAccount,
        ),
        Reason::SecurityError => info(
            Text::new("安全校验未通过", "A security check failed"),
            Text::new(
                "对方或你的发信服务器的安全检查没有通过，例如登录认证失败、需要加密连接，或其他安全策略。",
                "A security check on the receiving or your own sending server failed: login authentication, a required encrypted connection, or another security policy.",
            ),
            acts![
                Text::new(
                    "如果用客户端或程序发信：确认已开启 SMTP 服务并使用授权码（不是网页登录密码）。",
                    "If you send from a mail client or program: make sure SMTP is enabled and you use the authorization code, not the web password.",
                ),
                TELL_PROVIDER,
            ],
            false,
            Fault::SenderAccount,
        ),
        Reason::NoRelaying => info(
            Text::new("不允许中转", "Relaying denied"),
            Text::new(
                "这台服务器不为你转发邮件：通常是发信客户端没有登录认证，或者收件人域名不在这台服务器上。",
                "This server will not pass the mail on for you: usually the client did not authenticate, or the recipient's domain is not hosted there.",
            ),
            acts![
                CHECK_ADDRESS,
                Text::new(
                    "客户端里打开“发送服务器需要身份验证”，用自己邮箱服务商的 SMTP 服务器发信。",
                    "Turn on \"outgoing server requires authentication\" and send through your own provider's SMTP server.",
                ),
                ADMIN_LOGS,
            ],
            false,
            Fault::SenderServer,
        ),
        Reason::FailedStartTls => info(
            Text::new("加密连接失败", "The encrypted connection failed"),
            Text::new(
                "两台服务器之间无法建立要求的加密连接（STARTTLS、DANE 或 MTA-STS），邮件没有发出。",
                "The servers could not set up the encrypted connection that was required (STARTTLS, DANE or MTA-STS), so the mail was not sent.",
            ),
            acts![
                WAIT_RESEND,
                TELL_PROVIDER,
                Text::new(
                    "管理员：检查双方的 TLS 证书、协议版本和 MTA-STS/DANE 设置。",
                    "Administrator: check certificates, TLS versions and MTA-STS/DANE settings on both sides.",
                ),
            ],
            false,
            Fault::Network,
        ),
        Reason::Suppressed => info(
            Text::new("地址在禁发名单中", "The address is on a suppression list"),
            Text::new(
                "发信系统因为这个地址以前退过信或投诉过，直接跳过了它，这次根本没有尝试投递。",
                "The sending system skipped this address because it bounced or complained before; no delivery was tried this time.",
            ),
            acts![
                CHECK_ADDRESS,
                CONFIRM_WITH_RECIPIENT,
                Text::new(
                    "确认地址无误后，请发信平台的管理员把它从禁发名单中移除。",
                    "Once the address is confirmed, ask the sending platform's administrator to remove it from the suppression list.",
                ),
            ],
            false,
            Fault::RecipientAddress,
        ),
        Reason::NetworkError => info(
            Text::new("网络或连接故障", "A network or connection failure"),
            Text::new(
                "发信服务器无法连接或与对方服务器的连接中断（DNS、路由或超时），多数是暂时的。",
                "The sending server could not reach the receiving server or lost the connection (DNS, routing or timeout); usually temporary.",
            ),
            acts![
                WAIT_RESEND,
                Text::new(
                    "如果一直失败，检查 @ 后面的域名是否正确。",
                    "If it keeps failing, check the domain after the @.",
                ),
                ADMIN_LOGS,
            ],
            true,
            Fault::Network,
        ),
        Reason::Expired => info(
            Text::new("投递超时，已放弃", "Delivery timed out"),
            Text::new(
                "发信服务器在一段时间（通常几天）内反复尝试都没有送达，最终放弃。多半是对方服务器长时间无法连接，或域名写错。",
                "The sending server kept trying for a long time (usually days) and gave up, most often because the receiving server was unreachable or the domain is wrong.",
            ),
            acts![
                CHECK_ADDRESS,
                Text::new(
                    "确认地址无误后可以再发一次；仍失败就改用对方的其他邮箱或联系方式。",
                    "Once the address is confirmed you can send once more; if it fails again, use another address or channel.",
                ),
                ADMIN_LOGS,
            ],
            false,
            Fault::Network,
        ),
        Reason::SystemError => info(
            Text::new("对方服务器出错", "An error on the receiving system"),
            Text::new(
                "对方的邮件系统出了故障或配置有误，与你的邮件无关，往往是暂时的。",
                "The receiving mail system had a fault or is misconfigured; it is not about your message and is often temporary.",
            ),
            acts![WAIT_RESEND, OTHER_ADDRESS],
            true,
            Fault::Network,
        ),
        Reason::SystemFull => info(
            Text::new("对方服务器存储已满", "The receiving system is out of storage"),
            Text::new(
                "对方服务器的磁盘或存储空间满了，暂时收不了邮件。",
                "The receiving server's disk or storage is full and cannot take mail for now.",
            ),
            acts![WAIT_RESEND, OTHER_ADDRESS],
            true,
            Fault::Network,
        ),
        Reason::MailerError => info(
            Text::new("对方投递程序出错", "The recipient's delivery program failed"),
            Text::new(
                "邮件到了对方服务器，但把它放进邮箱的程序（转发、过滤脚本等）出错了。",
                "The mail reached the receiving server, but the program that files it (forwarding, filter script ...) failed.",
            ),
            acts![
                WAIT_RESEND,
                Text::new(
                    "仍失败时，请对方联系他们的邮件管理员。",
                    "If it still fails, ask the recipient to contact their mail administrator.",
                ),
            ],
            false,
            Fault::RecipientMailbox,
        ),
        Reason::SyntaxError => info(
            Text::new("SMTP 命令错误", "SMTP command error"),
            Text::new(
                "发信程序向对方发送了不合规的 SMTP 命令。网页邮箱用户一般不会遇到，多见于自建服务器或程序发信。",
                "The sending program sent an invalid SMTP command. Webmail users rarely see this; it comes from self-run servers and programs.",
            ),
            acts![
                Text::new(
                    "改用网页邮箱或常用邮件客户端重新发送。",
                    "Resend from webmail or a standard mail client.",
                ),
                ADMIN_LOGS,
            ],
            false,
            Fault::SenderServer,
        ),
        Reason::OnHold => info(
            Text::new("退信原因不明确", "The reason is unclear"),
            Text::new(
                "退信里有错误说明，但无法确定具体原因。请看下面的原始错误文字。",
                "The bounce contains an error text, but the exact reason cannot be determined. See the original error text below.",
            ),
            acts![
                CHECK_ADDRESS,
                Text::new(
                    "过一段时间重发一次；仍失败就改用其他方式联系对方。",
                    "Resend once after a while; if it fails again, reach the recipient another way.",
                ),
            ],
            false,
            Fault::Network,
        ),
        Reason::Undefined => info(
            Text::new("没有具体原因", "No reason given"),
            Text::new(
                "退信中没有可用的错误信息。",
                "The bounce carries no usable error information.",
            ),
            acts![
                CHECK_ADDRESS,
                Text::new(
                    "过一段时间重发一次；仍失败就改用其他方式联系对方。",
                    "Resend once after a while; if it fails again, reach the recipient another way.",
                ),
            ],
            false,
            Fault::Network,
        ),
        Reason::Feedback => info(
            Text::new("投诉报告（不是退信）", "A complaint report, not a bounce"),
            Text::new(
                "这是收件方发回的投诉或滥用报告：有收件人把邮件标记成了垃圾邮件。邮件本身已经送达。",
                "This is a complaint or abuse report from the receiver: a recipient marked a message as spam. The message itself was delivered.",
            ),
            acts![
                Text::new(
                    "不要再给投诉的人发同类邮件；群发时提供退订方式。",
                    "Stop sending this kind of mail to whoever complained; offer an unsubscribe option in bulk mail.",
                ),
            ],
            false,
            Fault::RecipientPolicy,
        ),
        Reason::Vacation => info(
            Text::new("自动回复（不是退信）", "An auto-reply, not a bounce"),
            Text::new(
                "这是对方设置的自动回复（如休假、外出），你的邮件已经送达。",
                "This is an automatic reply the recipient set up (vacation, out of office); your message was delivered.",
            ),
            acts![
                Text::new(
                    "不用重发；急事请看自动回复里给出的其他联系人或联系方式。",
                    "No need to resend; for urgent matters use the contact given in the auto-reply.",
                ),
            ],
            false,
            Fault::RecipientMailbox,
        ),
        Reason::Delivered => info(
            Text::new("已送达（不是退信）", "Delivered, not a bounce"),
            Text::new(
                "这是一封投递成功的回执，邮件已经到达对方的邮件服务器。",
                "This is a delivery receipt: the message reached the recipient's mail server.",
            ),
            acts![Text::new("无需处理。", "Nothing to do.")],
            false,
            Fault::RecipientMailbox,
        ),
    }
}

/// A badge label for the inbox list: 2–6 Chinese characters or 1–3 English words.
pub fn short(r: Reason) -> Text {
    match r {
        Reason::UserUnknown => Text::new("地址不存在", "no such user"),
        Reason::HostUnknown => Text::new("域名不存在", "no such domain"),
        Reason::MailboxFull => Text::new("邮箱已满", "mailbox full"),
        Reason::Suspend => Text::new("邮箱已停用", "mailbox suspended"),
        Reason::HasMoved => Text::new("已换邮箱", "has moved"),
        Reason::NotAccept => Text::new("不收邮件", "accepts no mail"),
        Reason::Filtered => Text::new("被对方拒收", "filtered"),
        Reason::SpamDetected => Text::new("疑似垃圾邮件", "spam suspected"),
        Reason::VirusDetected => Text::new("发现病毒", "virus found"),
        Reason::PolicyViolation => Text::new("违反策略", "policy"),
        Reason::ContentError => Text::new("格式错误", "malformed"),
        Reason::NotCompliantRfc => Text::new("不合规范", "not RFC-compliant"),
        Reason::EmailTooLarge => Text::new("邮件太大", "too large"),
        Reason::RateLimited => Text::new("发送过快", "rate limited"),
        Reason::Blocked => Text::new("发信被拦", "blocked"),
        Reason::BadReputation => Text::new("信誉不佳", "bad reputation"),
        Reason::AuthFailure => Text::new("验证失败", "auth failed"),
        Reason::RequirePtr => Text::new("缺反向解析", "no PTR"),
        Reason::Rejected => Text::new("发件人被拒", "sender refused"),
        Reason::SecurityError => Text::new("安全校验", "security"),
        Reason::NoRelaying => Text::new("禁止中转", "relay denied"),
        Reason::FailedStartTls => Text::new("加密失败", "TLS failed"),
        Reason::Suppressed => Text::new("已被禁发", "suppressed"),
        Reason::NetworkError => Text::new("网络故障", "network error"),
        Reason::Expired => Text::new("投递超时", "timed out"),
        Reason::SystemError => Text::new("对方故障", "remote error"),
        Reason::SystemFull => Text::new("对方存储满", "remote full"),
        Reason::MailerError => Text::new("投递出错", "mailer error"),
        Reason::SyntaxError => Text::new("命令错误", "syntax error"),
        Reason::OnHold => Text::new("原因不明", "unclear"),
        Reason::Undefined => Text::new("未知原因", "unknown"),
        Reason::Feedback => Text::new("投诉报告", "complaint"),
        Reason::Vacation => Text::new("自动回复", "auto-reply"),
        Reason::Delivered => Text::new("已送达", "delivered"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_text_in_both_languages() {
        for r in Reason::ALL {
            let i = reason_info(r);
            for t in [i.title, i.detail, short(r)].iter().chain(i.actions) {
                assert!(!t.zh.trim().is_empty() && !t.en.trim().is_empty(), "{r:?}");
            }
            assert!(!i.actions.is_empty(), "{r:?} has no actions");
            let s = short(r);
            assert!(s.zh.chars().count() <= 6, "{r:?} short zh too long");
            assert!(s.en.split_whitespace().count() <= 3, "{r:?} short en too long");
        }
    }

    #[test]
    fn retryable_reasons_are_temporary() {
        assert!(reason_info(Reason::RateLimited).temporary);
        assert!(!reason_info(Reason::UserUnknown).temporary);
        assert_eq!(reason_info(Reason::UserUnknown).fault, Fault::RecipientAddress);
    }
}
