//! The only wasm-bindgen code: thin shims from JavaScript to the core. Reports cross as plain
//! JavaScript objects (serde-wasm-bindgen, JSON-compatible: `None` is `null`) with exactly the
//! shape of the CLI's `--json` output, so the extension, the www page and the CLI agree.
//! `checkRecipients` runs on every keystroke, so its report crosses packed (see [`pack_field`]) and
//! src/wasm_report.js builds the object: the same object, several times faster than one boundary
//! call per key and value.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::bounce::{self, ExplainOptions};
use crate::i18n::Lang;
use crate::knowledge::codebook;
use crate::recipients::{self, CheckOptions, FieldReport, Finding, Severity, Verdict};

#[wasm_bindgen(module = "/src/wasm_report.js")]
extern "C" {
    /// Builds the report object from [`pack_field`]'s output.
    #[wasm_bindgen(js_name = unpackFieldReport)]
    fn unpack_field_report(n: &[u32], t: &str) -> JsValue;
}

/// A missing string (`null`) in the packed form.
const NONE: u32 = u32::MAX;

/// The packed form src/wasm_report.js reads: numbers and string lengths (in UTF-16 code units) in
/// `n`, in the order of the struct fields; the strings concatenated in `t`.
struct Packer {
    n: Vec<u32>,
    t: String,
}

impl Packer {
    fn str(&mut self, s: &str) {
        // UTF-16 length from the UTF-8 bytes: one unit per character (every byte but continuation
        // bytes), two for those outside the BMP (four-byte sequences, lead byte 0xF0 and up).
        let len = s.bytes().map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum::<usize>();
        self.n.push(u32::try_from(len).unwrap_or(0));
        self.t.push_str(s);
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.n.push(NONE),
        }
    }
    fn num(&mut self, x: usize) {
        self.n.push(u32::try_from(x).unwrap_or(u32::MAX - 1));
    }
    fn findings(&mut self, fs: &[Finding]) {
        self.num(fs.len());
        for f in fs {
            self.str(&f.rule);
            self.n.push(match f.severity {
                Severity::Info => 0,
                Severity::Warning => 1,
                Severity::Error => 2,
            });
            self.str(&f.message);
            self.opt(f.suggestion.as_deref());
        }
    }
}

/// Packs a field report for src/wasm_report.js.
fn pack_field(r: &FieldReport) -> Packer {
    let mut p = Packer {
        n: Vec::with_capacity(16 + 16 * r.recipients.len()),
        t: String::with_capacity(4 * r.input.len() + 64),
    };
    p.str(&r.input);
    p.num(r.recipients.len());
    for x in &r.recipients {
        p.str(&x.raw);
        p.num(x.start);
        p.num(x.end);
        p.opt(x.name.as_deref());
        p.str(&x.address);
        p.n.push(match x.verdict {
            Verdict::Ok => 0,
            Verdict::Info => 1,
            Verdict::Warning => 2,
            Verdict::Error => 3,
        });
        p.opt(x.suggestion.as_deref());
        p.findings(&x.findings);
    }
    p.findings(&r.findings);
    p.opt(r.fixed.as_deref());
    p
}

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
    let packed = pack_field(&recipients::check_field(text, &opts));
    Ok(unpack_field_report(&packed.n, &packed.t))
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
