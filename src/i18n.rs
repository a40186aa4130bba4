//! Languages and bilingual text. Every user-visible sentence of the core exists in zh-CN and en;
//! the CLI, the www page and the extension all take their explanations from the core through this.

use serde::{Deserialize, Serialize};

/// The language of a report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese (zh-CN), the default: the product is for Chinese webmail users.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Parses `zh`, `zh-CN`, `zh_CN`, `en`, `en-US` ... (case-insensitive). Unknown → `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A sentence in both languages, fixed at compile time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en }
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// Fills `{}` placeholders in order with `args` (a missing argument leaves the rest as is).
    pub fn format(&self, lang: Lang, args: &[&str]) -> String {
        fill(self.get(lang), args)
    }
}

/// Replaces each `{}` in `template` with the next of `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = template;
    let mut args = args.iter();
    // `{}` found by its `{` (a memchr), then the byte after it: a two-byte needle is not worth a
    // substring searcher's setup, and a byte-by-byte window scan costs more on long sentences.
    let next = |r: &str| {
        let mut from = 0;
        while let Some(i) = r[from..].find('{').map(|i| from + i) {
            if r.as_bytes().get(i + 1) == Some(&b'}') {
                return Some(i);
            }
            from = i + 1;
        }
        None
    };
    while let Some(i) = next(rest) {
        out.push_str(&rest[..i]);
        match args.next() {
            Some(a) => out.push_str(a),
            None => out.push_str("{}"),
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_languages() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("EN_us"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn fills_placeholders() {
        let t = Text::new("改为 {}", "change to {}");
        assert_eq!(t.format(Lang::Zh, &["a@qq.com"]), "改为 a@qq.com");
        assert_eq!(fill("{} and {}", &["x"]), "x and {}");
        assert_eq!(fill("{a} {{}} {", &["x"]), "{a} {x} {");
    }
}
