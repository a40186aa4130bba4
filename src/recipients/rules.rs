//! The catalogue of findings: every rule's stable id, its severity and its message in zh and en
//! (`{}` placeholders are filled in order). Rule ids are part of the CLI/JSON contract: never rename.

use crate::i18n::{Lang, Text};
use crate::recipients::{Finding, Severity};

/// Declares the rules once: the enum and `ALL`, its list for tests and documentation.
macro_rules! rules {
    ($($rule:ident,)*) => {
        /// Every rule the checker knows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Rule {
            $($rule,)*
        }

        /// Every rule, for tests and documentation.
        pub const ALL: &[Rule] = &[$(Rule::$rule,)*];
    };
}

rules! {
    // normalisation
    FullwidthAt,
    FullwidthDot,
    LookalikeDot,
    FullwidthChar,
    InvisibleChar,
    UnusualSpace,
    LookalikeChar,
    SpaceInAddress,
    // structure and syntax
    MissingAt,
    WrongAt,
    DoubleAt,
    SeparatorInAddress,
    Incomplete,
    InvalidChar,
    DotPlacement,
    HyphenPlacement,
    LocalTooLong,
    AddressTooLong,
    LabelTooLong,
    QuotedLocal,
    DomainLiteral,
    NonAsciiLocal,
    IdnDomain,
    NameWithoutBrackets,
    MailtoPrefix,
    // domain
    MissingDot,
    MissingTld,
    DomainNoDot,
    TrailingDot,
    UnknownTld,
    RepeatedTld,
    ExtraSuffix,
    ProviderTld,
    LookalikeDomain,
    DomainTypo,
    AmbiguousDomain,
    // provider rules
    QqNumber,
    NeteaseLocal,
    MobileNumber,
    GmailLocal,
    MicrosoftLocal,
    YahooLocal,
    ProviderNonAscii,
    // whole field and context
    FullwidthSeparator,
    TrailingSeparator,
    Duplicate,
    TooManyRecipients,
    ManyCc,
    ExternalRecipient,
    BouncedBefore,
    InvalidUtf8,
    FieldTruncated,
    FindingsCapped,
}

use Rule::*;
use Severity::{Error as E, Info as I, Warning as W};

impl Rule {
    /// The stable kebab-case id.
    pub fn id(self) -> &'static str {
        self.meta().0
    }

    /// The usual severity (provider rules of low confidence are lowered by the caller).
    pub fn severity(self) -> Severity {
        self.meta().1
    }

    pub fn text(self) -> Text {
        self.meta().2
    }

    fn meta(self) -> (&'static str, Severity, Text) {
        let t = Text::new;
        match self {
            FullwidthAt => ("fullwidth-at", E, t("“@”是全角字符（{}），邮件系统不认，应改为半角 @。", "The “@” is a full-width character ({}); mail systems need the ASCII @.")),
            FullwidthDot => ("fullwidth-dot", E, t("地址里的点是中文标点（{}），应改为半角句点“.”。", "The dot is a Chinese punctuation mark ({}); it must be an ASCII period “.”.")),
            LookalikeDot => ("lookalike-dot", E, t("地址里有个像点的字符（{}），应改为半角句点“.”。", "A character that looks like a dot ({}) must be an ASCII period “.”.")),
            FullwidthChar => ("fullwidth-char", E, t("地址里有全角字母或数字（{}），多半是输入法处于全角状态，应改为半角。", "The address has full-width letters or digits ({}), likely typed in an input method's full-width mode; they must be ASCII.")),
            InvisibleChar => ("invisible-char", E, t("地址里夹着看不见的字符（{}），多半是从聊天或网页复制带来的，会导致退信。", "The address contains invisible characters ({}), often picked up when copying from a chat or a web page; they make it bounce.")),
            UnusualSpace => ("unusual-space", W, t("地址边上有特殊空格（{}），网页邮箱未必会去掉。", "There is a special space ({}) next to the address that the webmail may not remove.")),
            LookalikeChar => ("lookalike-char", E, t("地址里有外形像拉丁字母的西里尔或希腊字母（{}），看着一样，却是另一个地址。", "The address has Cyrillic or Greek letters that look like Latin ones ({}); it looks the same but is a different address.")),
            SpaceInAddress => ("space-in-address", E, t("邮件地址中间不能有空格。", "An email address cannot contain spaces.")),
            MissingAt => ("missing-at", E, t("地址里没有“@”。", "The address has no “@”.")),
            WrongAt => ("wrong-at", E, t("地址里没有“@”，看来是把“{}”打在了 @ 的位置。", "The address has no “@”; “{}” seems to have been typed in its place.")),
            DoubleAt => ("double-at", E, t("地址里“@”不止一个（多半是多打了一次或自动补全重复了域名）。", "The address has more than one “@” (typed twice, or the domain was completed twice).")),
            SeparatorInAddress => ("separator-in-address", E, t("地址中间的“{}”把它断成了两截，这里应该是“{}”。", "The “{}” inside the address splits it in two; it should be “{}”.")),
            Incomplete => ("incomplete-address", E, t("地址不完整：{}。", "The address is incomplete: {}.")),
            InvalidChar => ("invalid-char", E, t("地址里有不允许的字符：{}。", "The address has characters that are not allowed: {}.")),
            DotPlacement => ("dot-placement", E, t("点的位置不对：不能在开头、结尾，也不能连着两个。", "A dot is misplaced: not at the start or end, and never two in a row.")),
            HyphenPlacement => ("hyphen-placement", E, t("域名的每一段不能以连字符“-”开头或结尾。", "A domain label cannot start or end with a hyphen.")),
            LocalTooLong => ("local-too-long", E, t("“@”前面的部分太长（{} 个字节，最多 64）。", "The part before “@” is too long ({} bytes; at most 64).")),
            AddressTooLong => ("address-too-long", E, t("地址太长（{} 个字节，最多 254）。", "The address is too long ({} bytes; at most 254).")),
            LabelTooLong => ("label-too-long", E, t("域名中有一段太长（最多 63 个字符）。", "A domain label is too long (at most 63 characters).")),
            QuotedLocal => ("quoted-local", I, t("“@”前面用了引号，合乎标准，但很多邮件系统不支持。", "The part before “@” is quoted: standard, but many mail systems do not support it.")),
            DomainLiteral => ("domain-literal", I, t("域名写成了 IP 地址，很多服务器会拒收。", "The domain is an IP address literal, which many servers refuse.")),
            NonAsciiLocal => ("non-ascii-local", I, t("“@”前面有非英文字符，只有支持国际化邮件（SMTPUTF8）的服务器才能收。", "The part before “@” has non-ASCII characters; only servers that support internationalised mail (SMTPUTF8) accept it.")),
            IdnDomain => ("idn-domain", I, t("这是中文（国际化）域名，实际发送时写作 {}。", "This is an internationalised domain; on the wire it is {}.")),
            NameWithoutBrackets => ("name-without-brackets", I, t("名字和地址之间最好写成“名字 <地址>”的格式。", "Write a name and an address as “Name <address>”.")),
            MailtoPrefix => ("mailto-prefix", E, t("地址前面多了“mailto:”（从网页链接复制带来的）。", "The address starts with “mailto:” (copied from a web link).")),
            MissingDot => ("missing-dot", E, t("域名少了一个点：“{}”应为“{}”。", "The domain is missing a dot: “{}” should be “{}”.")),
            MissingTld => ("missing-tld", E, t("域名不完整，缺少后缀（如 .com）。", "The domain is incomplete: it lacks its ending (such as .com).")),
            DomainNoDot => ("domain-no-dot", E, t("域名“{}”里没有点，这不是一个能收信的互联网域名。", "The domain “{}” has no dot; it is not an Internet domain that can receive mail.")),
            TrailingDot => ("trailing-dot", W, t("域名末尾多了一个点。", "The domain ends with a stray dot.")),
            UnknownTld => ("unknown-tld", E, t("“.{}”不是存在的域名后缀，发送必然失败。", "“.{}” is not an existing top-level domain; the mail cannot be delivered.")),
            RepeatedTld => ("repeated-tld", E, t("域名后缀重复了（“{}”）。", "The domain ending is repeated (“{}”).")),
            ExtraSuffix => ("extra-suffix", W, t("“{}”后面多了“.{}”，这个邮箱的域名是 {}。", "“{}” has an extra “.{}”; this provider's domain is {}.")),
            ProviderTld => ("provider-tld", W, t("{} 的邮箱域名不是“{}”，多半是后缀打错了。", "{}'s mail domain is not “{}”; the ending looks mistyped.")),
            LookalikeDomain => ("lookalike-domain", W, t("域名“{}”里有形近字符（0/o、1/l、rn/m 之类），像是 {}。", "The domain “{}” has look-alike characters (0/o, 1/l, rn/m ...); it looks like {}.")),
            DomainTypo => ("domain-typo", W, t("域名“{}”像是 {} 打错了。", "The domain “{}” looks like a typo of {}.")),
            AmbiguousDomain => ("ambiguous-domain", W, t("域名“{}”像是打错了，可能是 {}，请确认是哪一个。", "The domain “{}” looks mistyped; it could be {}. Please check which one.")),
            QqNumber => ("qq-number", W, t("{}：QQ 号是 5 到 10 位数字，不以 0 开头（手机号绑定的 11 位除外）。", "{}: QQ numbers have 5 to 10 digits and do not start with 0 (11-digit mobile numbers aside).")),
            NeteaseLocal => ("netease-local", E, t("网易免费邮箱的用户名是 6–18 位字母、数字或下划线，以字母开头（或 11 位手机号）：{}。", "Netease free-mail names have 6–18 letters, digits or underscores and start with a letter (or are an 11-digit mobile number): {}.")),
            MobileNumber => ("mobile-number", W, t("139 邮箱的数字地址应是 11 位手机号。", "A numeric 139.com address should be an 11-digit mobile number.")),
            GmailLocal => ("gmail-local", E, t("Gmail 用户名只能有字母、数字和点，长 6–30 位：{}。", "Gmail user names have only letters, digits and dots, 6–30 long: {}.")),
            MicrosoftLocal => ("microsoft-local", W, t("Outlook/Hotmail 的用户名只能有字母、数字、点、下划线和连字符。", "Outlook/Hotmail user names have only letters, digits, dots, underscores and hyphens.")),
            YahooLocal => ("yahoo-local", W, t("Yahoo 用户名是 4–32 位字母、数字、下划线，以字母开头，最多一个点。", "Yahoo user names have 4–32 letters, digits or underscores, start with a letter and have at most one dot.")),
            ProviderNonAscii => ("provider-non-ascii", E, t("{} 的邮箱地址只能用英文字母和数字，不能有中文等字符。", "{} addresses use ASCII letters and digits only, no Chinese or other characters.")),
            FullwidthSeparator => ("fullwidth-separator", W, t("收件人之间用了中文标点“{}”分隔，网页邮箱可能不认，应改为半角分号“;”。", "Recipients are separated by the Chinese punctuation “{}”, which the webmail may not understand; use an ASCII “;”.")),
            TrailingSeparator => ("trailing-separator", W, t("末尾多了一个“{}”，有的邮件系统会把它当成一个空的收件人。", "There is a trailing “{}”; some mail systems take it for an empty recipient.")),
            Duplicate => ("duplicate-recipient", I, t("{} 重复出现了。", "{} appears more than once.")),
            TooManyRecipients => ("too-many-recipients", W, t("收件人有 {} 个，超过了 {} 单封邮件 {} 个的上限，会被拒发。", "There are {} recipients, more than {} allows in one message ({}); it will be refused.")),
            ManyCc => ("many-cc", I, t("抄送了 {} 人；人数多时考虑改用密送，以免泄露彼此的地址，也不易被当成群发垃圾邮件。", "{} people are in Cc; with this many, consider Bcc so addresses are not exposed and the mail looks less like bulk mail.")),
            ExternalRecipient => ("external-recipient", I, t("这是外部地址（不属于 {}）。", "This is an external address (outside {}).")),
            BouncedBefore => ("bounced-before", W, t("发往这个地址的邮件曾在 {} 被退回（{}）。", "Mail to this address bounced on {} ({}).")),
            InvalidUtf8 => ("invalid-utf8", W, t("输入里有无法识别的字节（不是 UTF-8），已替换为 �。", "The input has bytes that are not UTF-8; they were replaced with �.")),
            FieldTruncated => ("field-truncated", W, t("收件人太多或内容太长，只检查了前 {} 个。", "Too many recipients or too much text; only the first {} were checked.")),
            FindingsCapped => ("findings-capped", I, t("问题太多，只列出了前 {} 条。", "Too many problems; only the first {} are listed.")),
        }
    }

    /// A finding of this rule, message filled with `args`.
    pub fn finding(self, lang: Lang, severity: Severity, args: &[&str], suggestion: Option<String>) -> Finding {
        Finding { rule: self.id().to_string(), severity, message: self.text().format(lang, args), suggestion }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kebab_and_unique_and_texts_match() {
        for (i, r) in ALL.iter().enumerate() {
            let id = r.id();
            assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{id}");
            assert!(ALL[..i].iter().all(|o| o.id() != id), "duplicate {id}");
            let t = r.text();
            assert_eq!(t.zh.matches("{}").count(), t.en.matches("{}").count(), "{id}");
            assert!(!t.zh.is_empty() && !t.en.is_empty());
        }
    }
}
