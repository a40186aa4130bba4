//! Reasons by the receiving provider's own error codes and texts, decided before the generic
//! patterns when the bounce is about one of these providers: the recipient's domain, the remote
//! host or the reporting host ends with one of its host names. In the manner of Sisimai's
//! `rhost/for-*.go` modules (BSD-2, github.com/sisimai/go-sisimai), which quote each provider's
//! published error-code page; re-collected here as tables, our own code.
//!
//! Each provider says the same words with another meaning than the generic tables give them
//! (Cox's `AUP#CDRBL ... sender rejected` is an IP block, not a refused sender; Orange's
//! `OFR_506 Mail rejected` is its spam filter), which is why they are kept apart and bound to the
//! provider's hosts.
//!
//! Google's, Microsoft's and Apple's tables keep only the texts that the generic tables do not
//! already read the same way (a provider's text, in a bounce from its host, run through the whole
//! explainer with and without the rule); the others would cost wasm size for nothing. Sisimai's
//! newer Zoho and Cloudflare modules are left out: the Sisimai that labelled the dev corpus has
//! neither (its `rhost-zoho-*` and `rhost-cloudflare-*` name no module), nor Microsoft's `5.7.515`.

use crate::reason::Reason;

/// What a provider's rules look at.
pub struct Ctx<'a> {
    /// The diagnostic, lower-cased.
    pub lower: &'a str,
    pub status: Option<&'a str>,
    pub reply_code: Option<&'a str>,
    pub command: Option<&'a str>,
}

/// One receiving provider.
pub struct Rhost {
    pub name: &'static str,
    /// Host names (suffixes) of its receiving servers and mail domains.
    pub hosts: &'static [&'static str],
    pub find: fn(&Ctx<'_>) -> Option<Reason>,
    pub source: &'static str,
}

use Reason::*;

pub static RHOSTS: &[Rhost] = &[
    Rhost {
        name: "Aol",
        hosts: &[".mail.aol.com", ".mx.aol.com"],
        find: aol,
        source: "go-sisimai rhost/for-aol.go",
    },
    Rhost {
        name: "Cox",
        hosts: &["cox.net"],
        find: cox,
        source: "go-sisimai rhost/for-cox.go, after https://www.cox.com/residential/support/email-error-codes.html",
    },
    Rhost {
        name: "Facebook",
        hosts: &[".facebook.com"],
        find: facebook,
        source: "go-sisimai rhost/for-facebook.go, after https://www.facebook.com/postmaster/response_codes",
    },
    Rhost {
        name: "Apple",
        hosts: &[".mail.icloud.com", ".apple.com", ".me.com"],
        find: apple,
        source: "go-sisimai rhost/for-apple.go, after https://support.apple.com/en-us/102322",
    },
    Rhost {
        name: "FrancePTT",
        hosts: &[".laposte.net", ".orange.fr", ".wanadoo.fr"],
        find: franceptt,
        source: "go-sisimai rhost/for-franceptt.go, after https://www.postmastery.com/orange-postmaster-smtp-error-codes-ofr/",
    },
    Rhost {
        name: "Google",
        hosts: &["aspmx.l.google.com", "gmail-smtp-in.l.google.com"],
        find: google,
        source: "go-sisimai rhost/for-google.go, after https://support.google.com/a/answer/3726730; go-sisimai rhost/for-gsuite.go",
    },
    Rhost {
        name: "GSuite",
        hosts: &["googlemail.com"],
        find: gsuite,
        source: "go-sisimai rhost/for-gsuite.go",
    },
    Rhost {
        name: "GoDaddy",
        hosts: &["smtp.secureserver.net", "mailstore1.secureserver.net"],
        find: godaddy,
        source: "go-sisimai rhost/for-godaddy.go, after https://ca.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685",
    },
    Rhost {
        name: "IUA",
        hosts: &[".email.ua"],
        find: iua,
        source: "go-sisimai rhost/for-iua.go, after https://mail.i.ua/err/",
    },
    Rhost {
        name: "KDDI",
        hosts: &[".ezweb.ne.jp", "msmx.au.com"],
        find: kddi,
        source: "go-sisimai rhost/for-kddi.go",
    },
    Rhost {
        name: "MessageLabs",
        hosts: &[".messagelabs.com"],
        find: messagelabs,
        source: "go-sisimai rhost/for-messagelabs.go, after Broadcom knowledge articles on Email Security.cloud bounce codes",
    },
    Rhost {
        name: "Microsoft",
        hosts: &[".prod.outlook.com", ".protection.outlook.com", ".onmicrosoft.com", ".exchangelabs.com"],
        find: microsoft,
        source: "go-sisimai rhost/for-microsoft.go, after https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
    },
    Rhost {
        name: "Mimecast",
        hosts: &[".mimecast.com"],
        find: mimecast,
        source: "go-sisimai rhost/for-mimecast.go, after https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754",
    },
    Rhost {
        name: "NTTDOCOMO",
        hosts: &["mfsmax.docomo.ne.jp"],
        find: nttdocomo,
        source: "go-sisimai rhost/for-nttdocomo.go",
    },
    Rhost {
        name: "Outlook",
        hosts: &[".hotmail.com"],
        find: outlook,
        source: "go-sisimai rhost/for-outlook.go",
    },
    Rhost {
        name: "Spectrum",
        hosts: &["charter.net"],
        find: spectrum,
        source: "go-sisimai rhost/for-spectrum.go, after https://www.spectrumbusiness.net/support/internet/understanding-email-error-codes",
    },
    Rhost {
        name: "YahooInc",
        hosts: &[".yahoodns.net"],
        find: yahooinc,
        source: "go-sisimai rhost/for-yahooinc.go, after https://senders.yahooinc.com/smtp-error-codes",
    },
];

/// The provider a bounce is about, tried in Sisimai's order: the recipient's domain (a provider
/// host ending with it), then the remote host, then the reporting host (each ending with a
/// provider host).
pub fn provider(domain: Option<&str>, remote: Option<&str>, local: Option<&str>) -> Option<&'static Rhost> {
    // (`mx.example.com (tcp-daemon)`: the host is the first word.)
    let norm = |h: &str| {
        let h = h.trim();
        let h = h.split_once(' ').map_or(h, |(h, _)| h);
        h.trim_matches(['[', ']', '<', '>']).trim_end_matches('.').to_ascii_lowercase()
    };
    if let Some(d) = domain.map(norm).filter(|d| d.contains('.')) {
        if let Some(r) = RHOSTS.iter().find(|r| r.hosts.iter().any(|h| h.ends_with(d.as_str()) && suffix_ok(h, &d))) {
            return Some(r);
        }
    }
    for h in [remote, local].into_iter().flatten().map(norm).filter(|h| h.contains('.')) {
        if let Some(r) = RHOSTS.iter().find(|r| r.hosts.iter().any(|s| host_ends_with(&h, s))) {
            return Some(r);
        }
    }
    None
}

/// `host` (a provider host name) ends with the domain at a label boundary.
fn suffix_ok(host: &str, domain: &str) -> bool {
    host.len() == domain.len() || host.as_bytes().get(host.len() - domain.len() - 1) == Some(&b'.')
}

/// `h` ends with `suffix` (`.mimecast.com`), or is `suffix` without its dot.
fn host_ends_with(h: &str, suffix: &str) -> bool {
    if suffix.starts_with('.') {
        h.ends_with(suffix) || h == &suffix[1..]
    } else {
        h == suffix || h.strip_suffix(suffix).is_some_and(|p| p.ends_with('.'))
    }
}

/// The reason a provider's rules give, if any.
pub fn find(domain: Option<&str>, remote: Option<&str>, local: Option<&str>, ctx: &Ctx<'_>) -> Option<Reason> {
    if ctx.lower.trim().is_empty() {
        return None;
    }
    provider(domain, remote, local).and_then(|r| (r.find)(ctx))
}

/// Gmail's older notices end the remote reply with Gmail's own step number, `(state 18)`: what
/// Gmail was doing when it was refused (go-sisimai lhost/via-gmail.go `statetable`, from Gmail
/// forum threads). An explicit status in the reply, unless a catch-all `x.0.x`, says more.
pub fn gmail_state(c: &Ctx<'_>) -> Option<Reason> {
    // (The short prefix first: a long needle costs a searcher's setup on every text.)
    if !(c.lower.contains("google tried") && c.lower.contains("google tried to deliver your message")) {
        return None;
    }
    let i = c.lower.find(" (state ")?;
    let n: String = c.lower[i + 8..].chars().take_while(char::is_ascii_digit).collect();
    let by_state = match n.as_str() {
        "6" | "9" => FailedStartTls,
        "8" => SystemError,
        "12" => NoRelaying,
        "13" => Blocked,
        "14" => UserUnknown,
        "15" | "17" | "18" => Filtered,
        _ => return None,
    };
    match c.status.filter(|s| !s.contains(".0")).map(super::rfc3463::reason) {
        // A status whose reason the texts may still refine (Sisimai's retry list): the generic
        // classifier decides (`5.7.1 ... blocked using cbl.abuseat.org (state 13)` is blocked).
        Some(Some(
            UserUnknown | HostUnknown | SecurityError | SystemError | Expired | NetworkError | OnHold | Undefined,
        )) => None,
        Some(Some(r)) => Some(r),
        _ => Some(by_state),
    }
}

/// Exchange's own NDR codes (`550 5.1.1 RESOLVER.ADR.RecipNotFound; not found`), which name the
/// cause more precisely than the status beside them (go-sisimai lhost/via-exchange2007.go
/// `ndrsubject`, after Microsoft's NDR reference).
pub fn exchange_code(c: &Ctx<'_>) -> Option<Reason> {
    const CODES: &[(&str, Reason)] = &[
        ("smtpsend.dns.nonexistentdomain", HostUnknown),
        ("smtpsend.dns.mxloopback", NetworkError),
        ("resolver.adr.badprimary", SystemError),
        ("resolver.adr.recipnotfound", UserUnknown),
        ("resolver.adr.recipientnotfound", UserUnknown),
        ("resolver.adr.exrecipnotfound", UserUnknown),
        ("resolver.adr.reciplimit", RateLimited),
        ("resolver.adr.invalidinsmtp", SystemError),
        ("resolver.adr.ambiguous", SystemError),
        ("resolver.rst.authrequired", SecurityError),
        ("resolver.rst.notauthorized", Rejected),
        ("resolver.rst.recipsizelimit", EmailTooLarge),
        ("queue.expired", Expired),
    ];
    // Every code names one of three components: without them, none can match.
    if !(c.lower.contains("resolver.") || c.lower.contains("smtpsend.") || c.lower.contains("queue.")) {
        return None;
    }
    CODES
        .iter()
        .find(|(k, _)| {
            c.lower
                .match_indices(k)
                .any(|(i, _)| !c.lower.as_bytes().get(i + k.len()).is_some_and(u8::is_ascii_alphanumeric))
        })
        .map(|(_, r)| *r)
}

fn any(lower: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| crate::bounce::has(lower, n))
}

fn first_of(lower: &str, table: &[(Reason, &[&str])]) -> Option<Reason> {
    table.iter().find(|(_, ns)| any(lower, ns)).map(|(r, _)| *r)
}

fn aol(c: &Ctx<'_>) -> Option<Reason> {
    first_of(
        c.lower,
        &[
            (HostUnknown, &["host or domain name not found"]),
            (NotAccept, &["type=mx: malformed or unexpected name server reply"]),
        ],
    )
}

/// Cox: `AUP#CODE` after the text, else the text.
fn cox(c: &Ctx<'_>) -> Option<Reason> {
    const CODES: &[(&str, Reason)] = &[
        ("cxbl", Blocked),
        ("cxdns", RequirePtr),
        ("cxsndr", AuthFailure),
        ("cxsmtp", Rejected),
        ("cxcnct", RateLimited),
        ("cxmxrt", RateLimited),
        ("cdrbl", Blocked),
        ("cxthrt", SecurityError),
        ("cxmj", SecurityError),
    ];
    if let Some(i) = c.lower.find("aup#") {
        let code: String = c.lower[i + 4..].chars().take_while(|ch| ch.is_ascii_alphanumeric()).collect();
        if let Some((_, r)) = CODES.iter().find(|(k, _)| *k == code) {
            return Some(*r);
        }
        if code.starts_with("ipbl") {
            return Some(Blocked);
        }
        if code.starts_with("urlbl") {
            return Some(SpamDetected);
        }
    }
    first_of(
        c.lower,
        &[
            (Blocked, &["cox too many bad commands from", "too many invalid recipients"]),
            (RequirePtr, &["dns check failure - try again later", "rejected - no rdns"]),
            (PolicyViolation, &["esmtp no data before greeting", "attachment extension is forbidden"]),
            (Rejected, &["sender rejected"]),
            (SystemError, &["esmtp server temporarily not available"]),
            (
                RateLimited,
                &["too many sessions from", "requested action aborted: try again later", "message threshold exceeded"],
            ),
            (UserUnknown, &["recipient rejected"]),
        ],
    )
}

/// Facebook: `RCP-P2`-style codes.
fn facebook(c: &Ctx<'_>) -> Option<Reason> {
    const CODES: &[(&str, Reason)] = &[
        ("pol-p7", AuthFailure),
        ("pol-p1", Blocked),
        ("pol-p2", Blocked),
        ("pol-p3", Blocked),
        ("pol-p4", Blocked),
        ("pol-t1", Blocked),
        ("pol-t2", Blocked),
        ("pol-t3", Blocked),
        ("msg-p2", ContentError),
        ("rcp-p2", Filtered),
        ("rcp-p3", Filtered),
        ("msg-p1", EmailTooLarge),
        ("int-p2", EmailTooLarge),
        ("msg-p3", NotCompliantRfc),
        ("dns-p1", Rejected),
        ("dns-p2", Rejected),
        ("dns-t1", Rejected),
        ("dns-p3", RequirePtr),
        ("dns-t2", RequirePtr),
        ("pol-p6", SpamDetected),
        ("rcp-t4", Suspend),
        ("rcp-t1", SystemError),
        ("con-t1", RateLimited),
        ("con-t2", RateLimited),
        ("con-t3", RateLimited),
        ("con-t4", RateLimited),
        ("msg-t1", RateLimited),
        ("rcp-p1", UserUnknown),
        ("int-p1", UserUnknown),
        ("int-p3", UserUnknown),
        ("int-p4", UserUnknown),
        ("pol-p5", VirusDetected),
    ];
    let b = c.lower.as_bytes();
    CODES
        .iter()
        .find(|(k, _)| {
            c.lower.match_indices(k).any(|(i, _)| {
                let before = i.checked_sub(1).and_then(|j| b.get(j));
                let after = b.get(i + k.len());
                !before.is_some_and(u8::is_ascii_alphanumeric) && !after.is_some_and(u8::is_ascii_alphanumeric)
            })
        })
        .map(|(_, r)| *r)
}

/// Orange / La Poste: the number after an `LPN`/`OFR`/`OUK` label (`LPN007_416`, `OFR_506`).
fn franceptt(c: &Ctx<'_>) -> Option<Reason> {
    const CODES: &[(&str, Reason)] = &[
        ("101", Blocked),
        ("102", Blocked),
        ("103", Blocked),
        ("104", RateLimited),
        ("305", SecurityError),
        ("401", AuthFailure),
        ("402", SecurityError),
        ("403", Rejected),
        ("405", Rejected),
        ("415", Rejected),
        ("416", UserUnknown),
        ("417", MailboxFull),
        ("420", Suspend),
        ("421", Rejected),
        ("426", Suspend),
        ("505", SystemError),
        ("506", SpamDetected),
        ("510", Blocked),
        ("514", EmailTooLarge),
        ("517", AuthFailure),
        ("630", PolicyViolation),
        ("999", Blocked),
    ];
    let text = c.lower.replace('_', "-");
    for label in ["lpn", "ofr", "ouk"] {
        let Some(i) = text.rfind(label) else { continue };
        let word: String =
            text[i..].chars().take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '-').collect::<String>();
        if let Some((_, r)) = CODES.iter().find(|(k, _)| word.ends_with(k)) {
            return Some(*r);
        }
        break;
    }
    if text.contains("spf/dns de votre nom de domaine") {
        return Some(AuthFailure);
    }
    None
}

/// Google (Gmail's inbound servers): under each reason, the reply code and status the reference
/// pairs a text with, then the text. The codes are compared without their class digit (`421 4.7.0`
/// and `550 5.7.0` both name `x.7.0`). (One string, not a table of pointers: the wasm build's size.)
const GOOGLE: &str = "\
authfailure
550 5.7.1 fails to pass authentication checks
421 4.7.27 senders to authenticate with spf
421 4.7.27 senders to authenticate their email with spf
550 5.7.27 senders to authenticate with spf
421 4.7.30 senders to authenticate their email with dkim
550 5.7.30 senders to authenticate with dkim
421 4.7.32 aligned with either the authenticated spf or dkim
421 5.7.32 aligned with either the authenticated spf or dkim
421 4.7.40 to add a dmarc record to
blocked
421 4.7.0 try again later, closing connection.
501 5.5.4 empty helo/ehlo argument not allowed
501 5.5.4 helo/ehlo argument is invalid
421 4.7.0 an unusual rate of unsolicited mail
421 4.7.28 an unusual rate of mail
550 5.7.1 an unusual rate of unsolicited mail
550 5.7.28 an unusual rate of unsolicited mail
expired
451 4.4.2 timeout - closing connection
failedstarttls
454 5.5.1 starttls may not be repeated
421 4.7.29 senders to use tls/ssl for smtp
550 5.7.29 senders to use tls/ssl for smtp
networkerror
554 5.4.6 message exceeded 50 hops
554 5.6.0 message exceeded 50 hops
norelaying
550 5.7.1 invalid credentials for relay
550 5.7.1 is not authorized to send email directly to our servers
notcompliantrfc
550 5.7.1 missing a valid message-id: header
550 5.7.1 contains a unicode character in a disallowed header
550 5.7.1 encoded-word syntax is not permitted
553 5.1.7 is not a valid rfc 5321 address
554 5.6.0 mail message is malformed
policyviolation
552 5.7.0 blocked because its content presents a potential security issue
550 5.7.1 you are sending to (or from) has a policy that prohibited
421 4.7.28 sending messages with the same message-id:
rejected
550 5.7.0 mail sending denied
550 5.7.1 unauthenticated email is not accepted
securityerror
454 4.7.0 too many login attempts
501 5.5.2 cannot decode response
spamdetected
421 4.7.0 due to the nature of the content or the links within
ratelimited
450 4.2.1 peak smtp relay limit exceeded for customer
450 4.2.1 rate that prevents additional messages from being delivered
550 5.2.1 rate that prevents additional messages from being delivered
550 5.4.5 daily sending quota exceeded
550 5.4.5 daily user sending limit exceeded
550 5.4.5 daily smtp relay limit exceeded for
550 5.7.1 daily smtp relay limit exceeded for
550 5.7.1 daily smtp relay sending limit exceeded for
syntaxerror
451 4.5.0 smtp protocol violation
454 4.5.0 smtp protocol violation
525 5.7.10 smtp protocol violation
535 5.5.4 optional argument not permitted
504 5.7.4 unrecognized authentication type
504 5.7.4 xoauth is no longer supported
554 5.7.0 too many unauthenticated commands
systemerror
421 4.3.0 temporary system problem
421 4.7.0 temporary system problem
421 4.4.5 server busy
451 4.3.0 multiple destination domains per transaction is unsupported
451 4.3.0 mail server has temporarily rejected this message
451 4.3.0 mail server temporarily rejected message
454 4.7.0 cannot authenticate due to temporary system problem
userunknown
553 5.1.2 we weren't able to find the recipient domain
";

/// Microsoft (Exchange Online, Outlook.com): under each reason, the status, exactly or with a range
/// of its last number (`5.7.606-649`), then the text.
const MICROSOFT: &str = "\
blocked
4.7.850-899 access denied, please try again later
5.7.25 must have a reverse dns record
5.7.506 access denied, bad helo
5.7.507 access denied, rejected by recipient
5.7.510 does not accept email over ipv6
5.7.511 access denied, banned sender
4.7.500-699 access denied, please try again later
5.5.4 invalid domain name
contenterror
5.3.0 too many related errors
5.4.11 agent generated message depth exceeded
5.5.6 invalid message content
failedstarttls
5.7.51 restrictdomainstoipaddresses or restrictdomainstocertificate
4.7.321 starttls-not-supported:
5.7.321 starttls-not-supported:
5.7.322 certificate-expired:
4.7.323 tlsa-invalid:
5.7.323 tlsa-invalid:
4.7.324 dnssec-invalid:
5.7.324 dnssec-invalid:
4.7.325 certificate-host-mismatch:
5.7.325 certificate-host-mismatch:
networkerror
5.4.4 smtpsend.dns.nonexistentdomain; nonexistent domain
5.4.4 invalid arguments
norelaying
5.4.310 does not exist
notaccept
4.4.4 hosted tenant which has no mail-enabled subscriptions
policyviolation
5.0.350 x-dg-ref header is too long
5.7.900-999 delivery not authorized, message refused
rejected
5.1.7 invalid address
5.7.1 delivery not authorized
5.7.12 sender was not authenticated by organization
5.7.124 sender not in allowed-senders list
5.7.133 sender not authenticated for group
5.7.134 sender was not authenticated for mailbox
5.7.13 sender was not authenticated for public folder
5.7.135 sender was not authenticated for public folder
5.7.136 sender was not authenticated
5.7.512 access denied, message must be rfc 5322 section 3.6.2 compliant
5.7.750 service unavailable. client blocked from sending from unregistered domains
spamdetected
5.2.1 content filter agent quarantined this message
ratelimited
4.3.2 storedrv.deliver; recipient thread limit exceeded
5.1.90 reached your daily limit for message recipients
5.2.121 recipient's per hour message receive limit
5.2.122 recipient's per hour message receive limit
5.2.122 the recipient has exceeded their limit for
5.7.508 has exceeded permitted limits within
5.7.700-749 tenant has exceeded threshold
5.7.700-749 traffic not accepted from this ip
suspend
5.7.504 recipient address rejected: access denied
5.7.505 access denied, banned recipient
5.2.1 mailbox cannot be accessed
systemerror
4.3.2 service not available
4.3.2 service not active
5.3.190 when journaling archive is disabled
5.0.0 helo / ehlo requires domain address
5.1.4 destination mailbox address ambiguous
5.2.4 mailing list expansion problem
5.2.14 misconfigured forwarding address
4.4.22-28 message failed to be replicated:
4.7.0 temporary server error. please try again later. prx4 nexthop:
4.4.318 (suspiciousremoteservererror)
5.4.318 (suspiciousremoteservererror)
4.7.500 server busy. please try again later from
4.7.700 pfa agent busy, please try again.
userunknown
5.1.4-5 recipient address reserved by rfc 2606
5.1.6 recipient addresses in single label domains not accepted
5.1.2 invalid x.400 address
";

/// A line of a string table, parsed once: the status's class and subject (`5.7`), the range of
/// its last number, the reply code without its class digit (Google's), the text and the reason.
struct Rule {
    head: &'static str,
    lo: u16,
    hi: u16,
    reply: &'static str,
    text: &'static str,
    reason: Reason,
}

/// The rules of a table: a line that starts with a letter names the reason of the lines under it;
/// the others are `[reply] status[-last] text`.
fn parse_rules(table: &'static str, with_reply: bool) -> Vec<Rule> {
    let mut reason = None;
    let mut out = Vec::new();
    for line in table.lines() {
        if !line.starts_with(|c: char| c.is_ascii_digit()) {
            reason = Reason::parse(line);
            continue;
        }
        let (reply, rest) = if with_reply { line.split_once(' ').unwrap_or_default() } else { ("", line) };
        let Some((code, text)) = rest.split_once(' ') else { continue };
        let (code, to) = code.split_once('-').unwrap_or((code, ""));
        let (Some((head, lo)), Some(reason)) = (code.rsplit_once('.'), reason) else { continue };
        let Ok(lo) = lo.parse() else { continue };
        let hi = to.parse().unwrap_or(lo);
        out.push(Rule { head, lo, hi, reply: reply.get(1..).unwrap_or(""), text, reason });
    }
    out
}

/// A status as its class and subject and its last number (`5.7.606` → `5.7`, 606).
fn split_status(status: &str) -> Option<(&str, u16)> {
    let (head, last) = status.rsplit_once('.')?;
    Some((head, last.parse().ok()?))
}

fn google(c: &Ctx<'_>) -> Option<Reason> {
    google_rules(c).or_else(|| gsuite(c))
}

fn google_rules(c: &Ctx<'_>) -> Option<Reason> {
    static RULES: std::sync::OnceLock<Vec<Rule>> = std::sync::OnceLock::new();
    let (head, last) = split_status(c.status?)?;
    let reply = c.reply_code.and_then(|r| r.get(1..));
    RULES
        .get_or_init(|| parse_rules(GOOGLE, true))
        .iter()
        .find(|r| {
            r.head.get(1..) == head.get(1..)
                && (r.lo..=r.hi).contains(&last)
                && reply.is_none_or(|x| r.reply == x)
                && crate::bounce::has(c.lower, r.text)
        })
        .map(|r| r.reason)
}

/// Microsoft: the status and the text; else an Outlook.com postmaster code with its reply code.
fn microsoft(c: &Ctx<'_>) -> Option<Reason> {
    const CODES: &[(&str, &str, Reason)] = &[
        ("rp-001", "421", BadReputation),
        ("rp-002", "421", BadReputation),
        ("rp-003", "421", BadReputation),
        ("sc-001", "550", BadReputation),
        ("sc-002", "550", PolicyViolation),
        ("sc-003", "550", Blocked),
        ("sc-004", "550", Blocked),
        ("dy-001", "550", Blocked),
        ("dy-002", "550", VirusDetected),
        ("ou-001", "550", Blocked),
        ("ou-002", "550", BadReputation),
    ];
    static RULES: std::sync::OnceLock<Vec<Rule>> = std::sync::OnceLock::new();
    if let Some((head, last)) = c.status.and_then(split_status) {
        let hit = RULES
            .get_or_init(|| parse_rules(MICROSOFT, false))
            .iter()
            .find(|r| r.head == head && (r.lo..=r.hi).contains(&last) && crate::bounce::has(c.lower, r.text));
        if let Some(r) = hit {
            return Some(r.reason);
        }
    }
    let reply = c.reply_code?;
    CODES.iter().find(|(code, r, _)| *r == reply && c.lower.contains(code)).map(|(_, _, r)| *r)
}

/// Outlook.com (Hotmail) as the recipient's domain.
fn outlook(c: &Ctx<'_>) -> Option<Reason> {
    first_of(
        c.lower,
        &[
            (HostUnknown, &["the mail could not be delivered to the recipient because the domain is not reachable"]),
            (UserUnknown, &["requested action not taken: mailbox unavailable"]),
        ],
    )
}

/// Apple iCloud Mail: the texts whose meaning there differs from the generic tables' (a Spamhaus
/// listing is a block, not spam; its local policy is a policy refusal).
fn apple(c: &Ctx<'_>) -> Option<Reason> {
    first_of(
        c.lower,
        &[
            (
                Blocked,
                &["rejected due to having a domain present in the spamhaus", "rejected due to listing in spamhaus"],
            ),
            (PolicyViolation, &["due to local policy"]),
        ],
    )
}

fn gsuite(c: &Ctx<'_>) -> Option<Reason> {
    let class = |s: Option<&str>| s.and_then(|s| s.chars().next());
    if c.lower.contains("because the address couldn't be found. check for typos or unnecessary spaces") {
        return Some(UserUnknown);
    }
    if c.lower.contains("null mx") {
        return Some(NotAccept);
    }
    if any(c.lower, &[" responded with code nxdomain", "domain name not found"]) {
        let perm = class(c.status) == Some('5') && class(c.reply_code) != Some('4');
        return Some(if perm { HostUnknown } else { NetworkError });
    }
    if c.lower.contains(" had no relevant answers.") && class(c.status) != Some('5') {
        return Some(NetworkError);
    }
    None
}

/// GoDaddy: the ` IBnnn` code after the text, else the text.
fn godaddy(c: &Ctx<'_>) -> Option<Reason> {
    const CODES: &[(&str, Reason)] = &[
        ("ib401", SecurityError),
        ("ib501", NotCompliantRfc),
        ("ib502", NotCompliantRfc),
        ("ib506", Rejected),
        ("ib508", AuthFailure),
        ("ib108", RequirePtr),
        ("ib212", SpamDetected),
        ("ib705", VirusDetected),
        ("ib605", RateLimited),
        ("ib007", RateLimited),
        ("ib101", RateLimited),
        ("ib110", Blocked),
        ("ib111", Blocked),
        ("ib112", Blocked),
        ("ib113", Blocked),
        ("ib504", RateLimited),
        ("ib510", RateLimited),
        ("ib607", RateLimited),
        ("ib103", BadReputation),
        ("ib104", Blocked),
        ("ib105", Blocked),
        ("ib106", Blocked),
    ];
    if let Some(i) = c.lower.find(" ib") {
        let code: String = c.lower[i + 1..].chars().take_while(char::is_ascii_alphanumeric).collect();
        if let Some((_, r)) = CODES.iter().find(|(k, _)| *k == code) {
            return Some(*r);
        }
    }
    first_of(
        c.lower,
        &[
            (Blocked, &["rbl reject", "www.spamhaus.org/query/bl?ip="]),
            (Expired, &["has been in the queue too long", "delivery timeout"]),
            (MailboxFull, &["account storage limit"]),
            (SpamDetected, &["message rejected for spam or virus content"]),
            (Suspend, &["account disabled"]),
            (SystemError, &["message is looping"]),
            (UserUnknown, &["recipient not found", "account does not exist"]),
        ],
    )
}

/// i.ua: the number in its help link (`https://mail.i.ua/err/2/`).
fn iua(c: &Ctx<'_>) -> Option<Reason> {
    let i = c.lower.find(".i.ua/err/")?;
    let n: String = c.lower[i + 10..].chars().take_while(char::is_ascii_digit).collect();
    let r = match n.as_str() {
        "1" | "6" => NoRelaying,
        "2" => UserUnknown,
        "3" => Suspend,
        "4" => MailboxFull,
        "5" => RateLimited,
        "7" | "9" => Blocked,
        "8" => Rejected,
        "10" => Filtered,
        _ => return None,
    };
    Some(r)
}

/// au (KDDI): the remote's own `550 : User unknown` is a filter, `<addr>: User unknown` a
/// missing mailbox.
fn kddi(c: &Ctx<'_>) -> Option<Reason> {
    if c.lower.contains("550 : user unknown") {
        return Some(Filtered);
    }
    if c.lower.contains(">: user unknown") {
        return Some(UserUnknown);
    }
    None
}

fn messagelabs(c: &Ctx<'_>) -> Option<Reason> {
    first_of(
        c.lower,
        &[
            (AuthFailure, &["domain authentication fail"]),
            (BadReputation, &["connection rejected by policy"]),
            (
                Blocked,
                &[
                    "mail rejected because your ip is in the pbl",
                    "your ip address has been ",
                    "your ip address (ip-addr) has been blocked",
                    "your email address (addr) has been blocked",
                ],
            ),
            (ContentError, &["stray linefeeds in message"]),
            (FailedStartTls, &["tls/sslv3 connection required"]),
            (NoRelaying, &[" as a relay, "]),
            (NotCompliantRfc, &["550 requested action aborted [4]", "has detected that this message is not rfc 5322"]),
            (
                Rejected,
                &[
                    "sender envelope domain not allowed for sender ip address",
                    "your domain has been blocked",
                    "your email address has been blocked",
                    "your envelope sender is in my badmailfrom list",
                    "your email address has been blacklisted",
                    "your domain has been blacklisted",
                ],
            ),
            (SecurityError, &["please turn on smtp authentication in your mail client"]),
            (SpamDetected, &["message filtered", "filtered by outbound scanning"]),
            (RateLimited, &["too many recipients received this hour", "too many messages"]),
            (UserUnknown, &["no such user", "invalid recipient", "mailbox is not allowed"]),
        ],
    )
}

/// Mimecast: reply code and text together.
fn mimecast(c: &Ctx<'_>) -> Option<Reason> {
    const RULES: &[(&str, &str, Reason)] = &[
        ("550", "spf sender invalid - envelope rejected", AuthFailure),
        ("550", "dkim sender invalid - envelope rejected", AuthFailure),
        ("550", "dmarc sender invalid - envelope rejected", AuthFailure),
        ("451", "internal resources are temporarily unavailable", BadReputation),
        ("550", "local ct ip reputation - (reject)", BadReputation),
        ("421", "sender address blocked", Blocked),
        ("451", "recipient temporarily unavailable", Blocked),
        ("451", "ip temporarily blacklisted", Blocked),
        ("550", "journal messages past the expiration", Expired),
        ("553", "this route requires encryption (tls)", FailedStartTls),
        ("553", "this route requires tls version 1.2 or greater", FailedStartTls),
        ("553", "this route requires high-strength ciphers", FailedStartTls),
        ("554", "configuration is invalid for this certificate", FailedStartTls),
        ("554", "maximum email size exceeded", EmailTooLarge),
        ("451", "the incorrect hostname used for inbounds", NetworkError),
        ("550", "the incorrect hostname used for inbounds", NetworkError),
        ("554", "mail loop detected", NetworkError),
        ("451", "open relay not allowed", NoRelaying),
        ("451", "open relay is not allowed", NoRelaying),
        ("451", "account inbounds disabled", NotAccept),
        ("451", "account outbounds disabled", OnHold),
        ("451", "hostname is not authorized", OnHold),
        ("550", "journal message past expiration", OnHold),
        ("550", "anti-spoofing policy - inbound not allowed", PolicyViolation),
        ("550", "rejected by header-based anti-spoofing policy", PolicyViolation),
        ("550", "message bounced due to content examination policy", PolicyViolation),
        ("554", "host network not allowed", PolicyViolation),
        ("554", "host network, not allowed", PolicyViolation),
        ("550", "administrative prohibition envelope blocked", Rejected),
        ("550", "envelope blocked - user entry", Rejected),
        ("550", "envelope blocked - user domain entry", Rejected),
        ("550", "rejected by header-based manually blocked senders - block for manual block", Rejected),
        ("550", "rejected by header-based blocked senders - block policy for header from", Rejected),
        ("550", "envelope rejected - block policy for envelope from address", Rejected),
        ("535", "incorrect authentication data", SecurityError),
        ("550", "submitter failed to authenticate", SecurityError),
        ("451", "unable to process connection at this time", SystemError),
        ("451", "message ended early", SystemError),
        ("451", "unable to process command", SystemError),
        ("451", "unable to process an email at this time", SystemError),
        ("451", "account service is temporarily unavailable", RateLimited),
        ("452", "too many recipients", RateLimited),
        ("550", "exceeding outbound thread limit", RateLimited),
        ("501", "invalid address", UserUnknown),
        ("503", "user unknown", UserUnknown),
        ("550", "invalid recipient", UserUnknown),
        ("554", "email rejected due to security policies", VirusDetected),
    ];
    let reply = c.reply_code?;
    RULES.iter().find(|(code, text, _)| *code == reply && c.lower.contains(text)).map(|(_, _, r)| *r)
}

/// NTT DOCOMO: `550 Unknown user` means a missing mailbox at RCPT, a refusal after DATA.
fn nttdocomo(c: &Ctx<'_>) -> Option<Reason> {
    match c.status {
        Some("5.1.1") => return Some(UserUnknown),
        Some("5.2.0") => return Some(Filtered),
        _ => {}
    }
    let by_text = first_of(
        c.lower,
        &[
            (MailboxFull, &["552 too much mail data"]),
            (SyntaxError, &["503 bad sequence of commands", "504 command parameter not implemented"]),
            (RateLimited, &["552 too many recipients"]),
            (UserUnknown, &["550 unknown user"]),
        ],
    );
    if c.status == Some("5.0.0") && by_text == Some(UserUnknown) {
        return match c.command {
            Some("RCPT") => Some(UserUnknown),
            Some("DATA") => Some(Rejected),
            _ => by_text,
        };
    }
    by_text
}

/// Spectrum (Charter): the four digits after `AUP#I`/`AUP#O`.
fn spectrum(c: &Ctx<'_>) -> Option<Reason> {
    let i = c.lower.find("aup#")?;
    let mut digits = String::new();
    for ch in c.lower[i + 4..].chars() {
        if digits.len() == 4 {
            break;
        }
        if ch.is_ascii_digit() {
            digits.push(ch);
        } else {
            digits.clear();
        }
    }
    let n: u32 = digits.parse().ok().filter(|_| digits.len() == 4)?;
    let r = match n {
        1000 => Blocked,
        1010 => Rejected,
        1020..=1080 => Rejected,
        1090 => SystemError,
        1100..=1150 => RequirePtr,
        1160..=1190 => PolicyViolation,
        1200..=1250 => Blocked,
        1260 => NetworkError,
        1300..=1340 => RateLimited,
        1350..=1490 => RateLimited,
        1500 | 1520 => Rejected,
        1530 => EmailTooLarge,
        1540 | 1550 | 1580 => RateLimited,
        1560 => PolicyViolation,
        _ => return None,
    };
    Some(r)
}

fn yahooinc(c: &Ctx<'_>) -> Option<Reason> {
    first_of(
        c.lower,
        &[
            (AuthFailure, &["yahoo requires all senders to authenticate with either spf or dkim"]),
            (Blocked, &[" because the ip is in spamhaus's list;", "not accepted from ip addresses on spamhaus xbl"]),
            (NoRelaying, &["relaying denied for "]),
            (NotCompliantRfc, &["headers are not rfc compliant"]),
            (PolicyViolation, &["not accepted for policy reasons"]),
            (
                Rejected,
                &[
                    "temporarily deferred due to unexpected volume or user complaints",
                    "due to unresolvable rfc.5321 domain",
                    " will be permanently deferred",
                ],
            ),
            (RateLimited, &["user is receiving mail too quickly", "max message per connection reached"]),
            (Suspend, &[" is no longer valid.", "this mailbox is disabled"]),
            (SyntaxError, &["syntax error in parameters or arguments"]),
            (UserUnknown, &["dd this user doesn't have a ", "mailbox not found"]),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx<'a>(lower: &'a str, status: Option<&'a str>, reply: Option<&'a str>) -> Ctx<'a> {
        Ctx { lower, status, reply_code: reply, command: None }
    }

    #[test]
    fn exchange_codes() {
        let t = "remote server returned '550 5.1.1 resolver.adr.recipnotfound; not found'";
        assert_eq!(exchange_code(&ctx(t, Some("5.1.1"), Some("550"))), Some(UserUnknown));
        let t = "#550 5.2.3 resolver.rst.recipsizelimit; message too large for this recipient ##";
        assert_eq!(exchange_code(&ctx(t, Some("5.2.3"), Some("550"))), Some(EmailTooLarge));
        assert_eq!(exchange_code(&ctx("550 5.1.1 user unknown", None, None)), None);
    }

    #[test]
    fn gmail_states() {
        let t = "google tried to deliver your message, but it was rejected by the recipient domain. 554 5.7.0 header error (state 18).";
        assert_eq!(gmail_state(&ctx(t, Some("5.7.0"), Some("554"))), Some(Filtered));
        let t = "google tried to deliver your message ... 450 4.2.2 <a@example.jp>... mailbox full (state 14).";
        assert_eq!(gmail_state(&ctx(t, Some("4.2.2"), Some("450"))), Some(MailboxFull));
        assert_eq!(gmail_state(&ctx("554 header error (state 18)", None, None)), None);
    }

    #[test]
    fn picks_the_provider_by_domain_then_hosts() {
        assert_eq!(provider(Some("cox.net"), None, None).map(|r| r.name), Some("Cox"));
        assert_eq!(provider(Some("facebook.com"), None, None).map(|r| r.name), Some("Facebook"));
        assert_eq!(
            provider(Some("example.com"), Some("us-smtp-1.mimecast.com"), None).map(|r| r.name),
            Some("Mimecast")
        );
        assert!(provider(Some("notcox.net"), None, None).is_none());
        assert!(provider(Some("example.com"), Some("mx.example.com"), None).is_none());
    }

    /// Every line of the string tables is a reason's name or a rule with its codes and a text.
    #[test]
    fn string_tables_parse() {
        for (table, with_reply) in [(GOOGLE, true), (MICROSOFT, false)] {
            let lines: Vec<&str> = table.lines().collect();
            let names = lines.iter().filter(|l| !l.starts_with(|c: char| c.is_ascii_digit()));
            for name in names {
                assert!(Reason::parse(name).is_some(), "not a reason: {name}");
            }
            let rules = parse_rules(table, with_reply);
            let digit_lines = lines.iter().filter(|l| l.starts_with(|c: char| c.is_ascii_digit())).count();
            assert_eq!(rules.len(), digit_lines, "a rule line did not parse");
            assert!(rules.len() > 40);
            for r in &rules {
                assert!(
                    matches!(r.head.split_once('.'), Some(("4" | "5", n)) if n.parse::<u8>().is_ok()),
                    "{}",
                    r.text
                );
                assert!(r.lo <= r.hi && r.text.trim().len() > 5 && r.text == r.text.to_lowercase(), "{}", r.text);
                assert_eq!(r.reply.len(), if with_reply { 2 } else { 0 }, "{}", r.text);
            }
        }
    }

    #[test]
    fn microsoft_and_outlook_hosts() {
        let name = |d, r, l| provider(d, r, l).map(|r| r.name);
        // The recipient's domain first: Hotmail's own rules, not Exchange Online's.
        assert_eq!(name(Some("hotmail.com"), Some("hotmail-com.olc.protection.outlook.com"), None), Some("Outlook"));
        assert_eq!(name(Some("outlook.com"), None, None), Some("Microsoft"));
        assert_eq!(name(Some("example.com"), Some("example-com.mail.protection.outlook.com"), None), Some("Microsoft"));
        assert_eq!(name(Some("example.jp"), None, Some("mr21p30im-asmtp002.me.com (tcp-daemon)")), Some("Apple"));
        assert_eq!(name(Some("gmail.com"), Some("gmail-smtp-in.l.google.com"), None), Some("Google"));
        assert_eq!(name(Some("example.com"), Some("alt1.aspmx.l.google.com"), None), Some("Google"));
    }

    #[test]
    fn provider_codes() {
        let c = ctx("550 5.1.0 <a@example.com> sender rejected. aup#cdrbl", Some("5.1.0"), Some("550"));
        assert_eq!(cox(&c), Some(Blocked));
        let c = ctx("550 5.1.0 <a@example.com> sender rejected. aup#in-1310", Some("5.1.0"), Some("550"));
        assert_eq!(spectrum(&c), Some(RateLimited));
        let c = ctx("550 5.2.0 mail rejete. mail rejected. ofr_506 [506]", Some("5.2.0"), Some("550"));
        assert_eq!(franceptt(&c), Some(SpamDetected));
        let c = ctx("550 5.5.0 adresse destinataire invalide. invalid recipient. lpn007_416", None, None);
        assert_eq!(franceptt(&c), Some(UserUnknown));
        let c = ctx("550 5.1.1 rcp-p2 http://postmaster.facebook.com/response_codes", None, None);
        assert_eq!(facebook(&c), Some(Filtered));
        let c = ctx("550 <a@example.com> recipient not found. ib999", None, Some("550"));
        assert_eq!(godaddy(&c), Some(UserUnknown));
        let c = ctx(
            "554 connection refused. this ip address is listed on the spamhaus block list (sbl). ib104",
            None,
            None,
        );
        assert_eq!(godaddy(&c), Some(Blocked));
        let c = ctx("550 5.1.1 user not found, see https://mail.i.ua/err/2/", None, None);
        assert_eq!(iua(&c), Some(UserUnknown));
        let c = ctx("554 host network not allowed - https://community.mimecast.com", None, Some("554"));
        assert_eq!(mimecast(&c), Some(PolicyViolation));
    }
}
