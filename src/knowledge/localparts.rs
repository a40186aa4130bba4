//! Provider rules for the local part (the part before `@`), each with the confidence of its source.
//! A rule whose source is not confirmed never gives an error, only a warning.
//!
//! Sources: shared/knowledge/compose-rules.tsv (rows quoted beside each rule), Google's Gmail
//! sign-up help ("Usernames can contain letters (a-z), numbers (0-9), and periods (.)", 6–30
//! characters), Microsoft account and Yahoo sign-up rules as encoded in flanker's ESP grammars
//! (compose-anchors.md).

/// How far a rule's source can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// An official page or the provider's own client code.
    Confirmed,
    /// A community convention or secondary pages.
    Unconfirmed,
}

/// What a provider's rule says about a local part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// QQ number with a leading zero.
    QqLeadingZero,
    /// QQ number shorter than 5 digits.
    QqTooShort,
    /// QQ number longer than any issued one (and not a mobile number).
    QqTooLong,
    /// Netease letter account: a character outside letters, digits and underscore.
    NeteaseChars,
    /// Netease letter account shorter than 6 or longer than 18.
    NeteaseLength,
    /// Netease letter account not starting with a letter (and not a mobile number).
    NeteaseStart,
    /// 139.com: all digits but not an 11-digit mobile number.
    MobileNumber,
    /// Gmail: a character other than letters, digits, dots (and a +tag).
    GmailChars,
    /// Gmail: fewer than 6 or more than 30 characters (dots not counted).
    GmailLength,
    /// Outlook/Hotmail/Live: a character other than letters, digits, `.`, `_`, `-` (and a +tag), or
    /// starting with a symbol.
    MicrosoftChars,
    /// Yahoo: not 4–32 letters/digits/underscore/one dot starting with a letter.
    YahooFormat,
    /// A provider that takes ASCII addresses only got a non-ASCII local part.
    NonAscii,
}

impl Problem {
    pub fn confidence(self) -> Confidence {
        match self {
            // compose-rules.tsv: "qq.com QQ-number addresses ... community convention (unconfirmed)".
            Problem::QqLeadingZero | Problem::QqTooShort | Problem::QqTooLong => Confidence::Unconfirmed,
            // compose-rules.tsv: "163.com / 126.com / yeah.net (letter accounts) ... confirmed (official page
            // copy, c.2014)". Older accounts may predate the length rule, so only the character set is
            // taken as confirmed.
            Problem::NeteaseChars => Confidence::Confirmed,
            Problem::NeteaseLength | Problem::NeteaseStart => Confidence::Unconfirmed,
            // compose-rules.tsv: "139.com address forms ... confirmed (client code)"; but aliases exist and
            // their format is unknown, so an all-digit alias cannot be ruled out.
            Problem::MobileNumber => Confidence::Unconfirmed,
            // Google's own sign-up help.
            Problem::GmailChars => Confidence::Confirmed,
            Problem::GmailLength => Confidence::Unconfirmed,
            Problem::MicrosoftChars | Problem::YahooFormat => Confidence::Unconfirmed,
            Problem::NonAscii => Confidence::Confirmed,
        }
    }
}

fn is_mobile(local: &str) -> bool {
    let b = local.as_bytes();
    b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) && b.iter().all(u8::is_ascii_digit)
}

/// Strips a `+tag` (sub-addressing) for providers that support it.
fn without_tag(local: &str) -> &str {
    local.split('+').next().unwrap_or(local)
}

/// Checks `local` against the rules of the provider of `domain` (lowercase ASCII). `None`: nothing
/// to say (or no rule for that domain).
pub fn check(local: &str, domain: &str) -> Option<Problem> {
    // Asked only by the rules that need it (most domains have no rule at all).
    let digits = || !local.is_empty() && local.bytes().all(|b| b.is_ascii_digit());
    match domain {
        "qq.com" => {
            if !local.is_ascii() {
                return Some(Problem::NonAscii);
            }
            if !digits() {
                return None; // an English alias; its format is not documented
            }
            if local.starts_with('0') {
                Some(Problem::QqLeadingZero)
            } else if local.len() < 5 {
                Some(Problem::QqTooShort)
            } else if local.len() <= 10 || is_mobile(local) {
                None
            } else {
                Some(Problem::QqTooLong)
            }
        }
        "foxmail.com" | "vip.qq.com" => (!local.is_ascii()).then_some(Problem::NonAscii),
        "163.com" | "126.com" | "yeah.net" => {
            if !local.is_ascii() {
                return Some(Problem::NonAscii);
            }
            if digits() {
                return (!is_mobile(local)).then_some(Problem::NeteaseStart);
            }
            // Dots: one secondary page says they are allowed (compose-rules.tsv), so a dot is not judged.
            if !local.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.') {
                Some(Problem::NeteaseChars)
            } else if !local.as_bytes()[0].is_ascii_alphabetic() {
                Some(Problem::NeteaseStart)
            } else if !(6..=18).contains(&local.len()) {
                Some(Problem::NeteaseLength)
            } else {
                None
            }
        }
        "139.com" => {
            if !local.is_ascii() {
                return Some(Problem::NonAscii);
            }
            (digits() && !is_mobile(local)).then_some(Problem::MobileNumber)
        }
        "gmail.com" | "googlemail.com" => {
            let base = without_tag(local);
            if !base.is_ascii() {
                return Some(Problem::NonAscii);
            }
            let letters = base.bytes().filter(|&b| b != b'.').count();
            if !base.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.') {
                Some(Problem::GmailChars)
            } else if !(6..=30).contains(&letters) {
                Some(Problem::GmailLength)
            } else {
                None
            }
        }
        "outlook.com" | "hotmail.com" | "live.com" | "msn.com" => {
            let base = without_tag(local);
            let ok = base.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)
                && base.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
            (!ok).then_some(Problem::MicrosoftChars)
        }
        "yahoo.com" => {
            let ok = (4..=32).contains(&local.len())
                && local.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
                && local.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
                && local.bytes().filter(|&b| b == b'.').count() <= 1;
            (!ok).then_some(Problem::YahooFormat)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{check, Problem as P};

    #[test]
    fn rules() {
        let cases: &[(&str, &str, Option<P>)] = &[
            ("70369963", "qq.com", None),
            ("3932176541", "qq.com", None),
            ("13800138000", "qq.com", None),
            ("alexwei", "qq.com", None),
            ("2897", "qq.com", Some(P::QqTooShort)),
            ("0509694073", "qq.com", Some(P::QqLeadingZero)),
            ("23786527284", "qq.com", Some(P::QqTooLong)),
            ("243638959921", "qq.com", Some(P::QqTooLong)),
            ("张伟", "qq.com", Some(P::NonAscii)),
            ("zh221030", "126.com", None),
            ("deng_min9", "163.com", None),
            ("14138783757", "163.com", None),
            ("a1b", "126.com", Some(P::NeteaseLength)),
            ("陈杰", "126.com", Some(P::NonAscii)),
            ("zhang-san", "163.com", Some(P::NeteaseChars)),
            ("_abcdef", "163.com", Some(P::NeteaseStart)),
            ("12345678", "163.com", Some(P::NeteaseStart)),
            ("13417058649", "139.com", None),
            ("1380013800", "139.com", Some(P::MobileNumber)),
            ("my.alias", "139.com", None),
            ("cathy.luo", "gmail.com", None),
            ("cathy_luo", "gmail.com", Some(P::GmailChars)),
            ("abc", "gmail.com", Some(P::GmailLength)),
            ("a.b.c.d.e.f+tag", "gmail.com", None),
            ("sunny_feng", "hotmail.com", None),
            ("sunny!", "outlook.com", Some(P::MicrosoftChars)),
            ("joy.chen", "yahoo.com", None),
            ("a.b.c", "yahoo.com", Some(P::YahooFormat)),
            ("anything", "example.com", None),
        ];
        for (local, domain, want) in cases {
            assert_eq!(check(local, domain), *want, "{local}@{domain}");
        }
    }
}
