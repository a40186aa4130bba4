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
    let r = check_recipients("张三 <zhangsan@qq.com>; lisi@163.com", opts(r#"{"lang":"en"}"#)).unwrap();
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
    assert!(check_recipients("a@qq.com", opts(r#"{"lang":"klingon"}"#)).is_err());
    assert!(check_recipients("a@qq.com", JsValue::from_str("nonsense")).is_err());
}
