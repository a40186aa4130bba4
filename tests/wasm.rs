//! The wasm bindings under Node (wasm-bindgen-test): the objects that cross into JavaScript have
//! exactly the keys of the CLI contract, `null` where the CLI prints null, and bad options are an
//! error value rather than a trap.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use tuixin::wasm::{check_recipients, explain_bounce, explain_bounce_bytes};

fn keys(v: &JsValue) -> Vec<String> {
    let mut k: Vec<String> = Object::keys(&Object::from(v.clone())).iter().filter_map(|s| s.as_string()).collect();
    k.sort();
    k
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn opts(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn check_has_the_contract_shape() {
    let r =
        check_recipients(JsValue::from_str("张三 <zhangsan@qq.com>; lisi@163.com"), opts(r#"{"lang":"en"}"#)).unwrap();
    assert_eq!(keys(&r), ["findings", "fixed", "input", "recipients"]);
    assert!(get(&r, "fixed").is_null());
    let recips = Array::from(&get(&r, "recipients"));
    assert_eq!(recips.length(), 2);
    let first = recips.get(0);
    assert_eq!(keys(&first), ["address", "end", "findings", "name", "raw", "start", "suggestion", "verdict"]);
    assert_eq!(get(&first, "address").as_string().as_deref(), Some("zhangsan@qq.com"));
}

#[wasm_bindgen_test]
fn explain_has_the_contract_shape() {
    for r in [
        explain_bounce("554 DT:SPM 163 smtp10,DsCowAD3", JsValue::UNDEFINED).unwrap(),
        explain_bounce_bytes(b"Subject: hi\r\n\r\nhello", JsValue::NULL).unwrap(),
    ] {
        assert_eq!(keys(&r), ["generated_by", "is_bounce", "kind", "recipients", "source", "suspicious"]);
        assert!(get(&r, "kind").is_string());
    }
}

#[wasm_bindgen_test]
fn bad_options_are_an_error_not_a_trap() {
    assert!(check_recipients(JsValue::from_str("a@qq.com"), opts(r#"{"lang":"klingon"}"#)).is_err());
    assert!(check_recipients(JsValue::from_str("a@qq.com"), JsValue::from_str("nonsense")).is_err());
    assert!(check_recipients(JsValue::from_f64(1.0), JsValue::UNDEFINED).is_err());
    assert!(check_recipients(JsValue::UNDEFINED, JsValue::UNDEFINED).is_err());
}

/// The report crosses packed (src/wasm.rs) and src/wasm_report.js builds the object: it must be
/// exactly the CLI's JSON, key order included, for every fixture input, in both languages and with
/// every option that adds a finding.
#[wasm_bindgen_test]
fn check_object_is_the_cli_json() {
    use tuixin::recipients::{check_field, CheckOptions};
    let rows = include_str!("fixtures/recipients/rules.tsv");
    let mut inputs: Vec<String> = rows
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(|s| s.replace("\\t", "\t").replace("\\u{200B}", "\u{200B}").replace("\\u{3000}", "\u{3000}"))
        .collect();
    inputs.extend(
        [
            "",
            "a@qq.com\u{0}; \"引号\" <b@163.com>, c@qq.con，",
            "𝐚@qq.com; 😀@163.com; z\u{d7ff}@qq.com",
            "x\"y\\z@qq.com",
        ]
        .map(str::to_string),
    );
    let options = [
        r#"{}"#,
        r#"{"lang":"en"}"#,
        r#"{"lang":"en","from":"boss@example-corp.com","field":"cc","allowlist":["gmial.com"],
            "bounced":[{"address":"a12345@qq.com","reason":"userunknown","date":"2026-11-02"}]}"#,
    ];
    for o in options {
        let copts: CheckOptions = serde_json::from_str(o).unwrap();
        for input in &inputs {
            let text = format!("{input}; a12345@qq.com");
            for t in [input.as_str(), text.as_str()] {
                let got = check_recipients(JsValue::from_str(t), opts(o)).unwrap();
                let got = js_sys::JSON::stringify(&got).unwrap().as_string().unwrap();
                let want = serde_json::to_string(&check_field(t, &copts)).unwrap();
                let want = js_sys::JSON::stringify(&opts(&want)).unwrap().as_string().unwrap();
                assert_eq!(got, want, "{t:?} with {o}");
            }
        }
    }
}
