//! Property test: no input makes the recipient checker panic, and its offsets always point at
//! the text they claim (arbitrary strings, and strings built from the characters that matter here:
//! separators, full-width forms, invisible characters, look-alikes, quotes and brackets).
#![cfg(not(target_arch = "wasm32"))] // proptest: native only

use proptest::prelude::*;
use tuixin::recipients::{check_address, check_bytes, check_field, CheckOptions, FieldKind, RememberedBounce};
use tuixin::Lang;

const PIECES: &[&str] = &[
    "a",
    "z",
    "Q",
    "0",
    "1",
    "9",
    "l",
    "|",
    "rn",
    "@",
    "@@",
    ".",
    "..",
    "-",
    "_",
    "+",
    "\"",
    "<",
    ">",
    "(",
    ")",
    " ",
    ";",
    ",",
    "\n",
    "；",
    "，",
    "、",
    "＠",
    "﹫",
    "．",
    "。",
    "｡",
    "·",
    "〇",
    "ｑ",
    "１",
    "\u{200B}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{00A0}",
    "\u{3000}",
    "\u{200E}",
    "а",
    "о",
    "с",
    "ο",
    "中",
    "文",
    "qq.com",
    "163.com",
    "126",
    "gmail",
    ".con",
    ".cn",
    ".com.com",
    "xn--",
    "#",
    ":",
    "：",
    "＜",
    "＞",
    "[1.2.3.4]",
    "\u{FFFD}",
    "𝐚",
    "é",
    "\u{0301}",
];

fn field() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn opts() -> impl Strategy<Value = CheckOptions> {
    (any::<bool>(), field(), field(), any::<bool>()).prop_map(|(en, from, allow, cc)| CheckOptions {
        lang: if en { Lang::En } else { Lang::Zh },
        from: Some(from.clone()),
        field: if cc { FieldKind::Cc } else { FieldKind::To },
        allowlist: vec![allow.clone()],
        bounced: vec![RememberedBounce { address: allow, reason: from, date: "2026-01-01".into() }],
    })
}

fn consistent(text: &str, o: &CheckOptions) {
    let r = check_field(text, o);
    let chars: Vec<char> = text.chars().collect();
    for rec in &r.recipients {
        assert!(rec.start <= rec.end && rec.end <= chars.len());
        let slice: String = chars[rec.start..rec.end].iter().collect();
        assert_eq!(slice, rec.raw);
    }
    let _ = serde_json::to_string(&r);
    let _ = check_address(text, o);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn built_fields_never_panic(text in field(), o in opts()) {
        consistent(&text, &o);
    }

    #[test]
    fn any_string_never_panics(text in any::<String>(), o in opts()) {
        consistent(&text, &o);
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = check_bytes(&bytes, &CheckOptions::default());
    }
}
