//! The only wasm-bindgen code: thin shims from JavaScript to the core. Reports cross as plain
//! JavaScript objects (serde-wasm-bindgen, JSON-compatible: `None` is `null`) with exactly the
//! shape of the CLI's `--json` output, so the extension, the www page and the CLI agree.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::bounce::{self, ExplainOptions};
use crate::i18n::Lang;
use crate::knowledge::codebook;
use crate::recipients::{self, CheckOptions};

/// Installs the panic hook once, so a bug shows a readable message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Reads an options object; `undefined`/`null` give the defaults, unknown keys are ignored.
fn options<T: serde::de::DeserializeOwned + Default>(value: JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsValue::from_str(&format!("bad options: {e}")))
}

/// `checkRecipients(text, {lang, from, field, allowlist, bounced})` → the `tuixin check --json` object.
#[wasm_bindgen(js_name = checkRecipients)]
pub fn check_recipients(text: &str, opts: JsValue) -> Result<JsValue, JsValue> {
    let opts: CheckOptions = options(opts)?;
    to_js(&recipients::check_field(text, &opts))
}

/// `explainBounce(text, {lang, check})` → the `tuixin explain --json` object for pasted text.
#[wasm_bindgen(js_name = explainBounce)]
pub fn explain_bounce(text: &str, opts: JsValue) -> Result<JsValue, JsValue> {
    let opts: ExplainOptions = options(opts)?;
    to_js(&bounce::explain(text.as_bytes(), &opts))
}

/// `explainBounceBytes(bytes, options)`: the same for a raw message in any charset (a dropped .eml).
#[wasm_bindgen(js_name = explainBounceBytes)]
pub fn explain_bounce_bytes(bytes: &[u8], opts: JsValue) -> Result<JsValue, JsValue> {
    let opts: ExplainOptions = options(opts)?;
    to_js(&bounce::explain(bytes, &opts))
}

/// `codebook(lang)`: every provider code and reason the analyzer knows, in `zh` or `en`, for the
/// www page's code book (generated from the tables, never a second copy). An unknown language is
/// an error value.
#[wasm_bindgen(js_name = codebook)]
pub fn codebook(lang: &str) -> Result<JsValue, JsValue> {
    let lang = Lang::parse(lang).ok_or_else(|| JsValue::from_str(&format!("unknown language: {lang}")))?;
    to_js(&codebook::codebook(lang))
}

/// `codeCount()`: how many provider codes the code book lists (the page's count is checked against it).
#[wasm_bindgen(js_name = codeCount)]
pub fn code_count() -> usize {
    codebook::code_count()
}

/// `reasonCount()`: how many reasons the code book lists.
#[wasm_bindgen(js_name = reasonCount)]
pub fn reason_count() -> usize {
    codebook::reason_count()
}

/// `statusCount()`: how many RFC 3463 statuses the code book lists.
#[wasm_bindgen(js_name = statusCount)]
pub fn status_count() -> usize {
    codebook::status_count()
}
