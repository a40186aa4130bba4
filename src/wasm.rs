//! The only wasm-bindgen code: thin shims from JavaScript to the core. Reports cross as plain
//! JavaScript objects (serde-wasm-bindgen, JSON-compatible: `None` is `null`) with exactly the
//! shape of the CLI's `--json` output, so the extension, the www page and the CLI agree.
//! `checkRecipients` runs on every keystroke, so its report crosses packed (see [`Packer`]) and
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
    /// Builds the report object from [`Packer`]'s output (`n`: `n_len` u32 at `n_ptr`, `t`:
    /// `t_len` units at `t_ptr`, read in place in `memory`: bytes of UTF-8, or UTF-16 code units
    /// when `wide`) and the input string.
    #[wasm_bindgen(js_name = unpackFieldReport)]
    fn unpack_field_report(
        memory: &JsValue,
        n_ptr: u32,
        n_len: u32,
        t_ptr: u32,
        t_len: u32,
        wide: bool,
        input: &JsValue,
    ) -> JsValue;

    /// The report on a quiet input (see [`check_packed`]), from the input string and its length
    /// (`len`, ASCII: bytes, chars and UTF-16 units alike).
    #[wasm_bindgen(js_name = quietFieldReport)]
    fn quiet_field_report(input: &JsValue, len: u32) -> JsValue;
}

thread_local! {
    /// The module's memory, for src/wasm_report.js to read the packed form in place.
    static MEMORY: JsValue = wasm_bindgen::memory();
}

/// An address or length in the wasm32 memory as the u32 it is.
fn addr(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(0)
}

/// A missing string (`null`) in the packed form.
const NONE: u32 = u32::MAX;
/// A string that is a slice of the input: two numbers follow, its start and end (UTF-16 units).
const SLICE: u32 = u32::MAX - 1;

/// Length in UTF-16 code units from the UTF-8 bytes: one unit per character (every byte but
/// continuation bytes), two for those outside the BMP (four-byte sequences, lead byte 0xF0 and up).
fn utf16_len(s: &str) -> usize {
    s.bytes().map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

/// The packed form src/wasm_report.js reads: numbers and string lengths (in UTF-16 code units) in
/// `n`, in the order of the struct fields; the strings concatenated in `t` (UTF-8) while they are
/// all ASCII, else all of them in `w` (UTF-16: JavaScript's UTF-16 decoder takes Chinese text
/// several times faster than its UTF-8 decoder). A string found in the input (the input itself,
/// raw texts, most addresses and names) is sent as a slice of the JavaScript string the caller
/// passed instead: no text to encode or decode.
struct Packer<'a> {
    n: &'a mut Vec<u32>,
    t: &'a mut Vec<u8>,
    w: &'a mut Vec<u16>,
    /// The text went to `w` (a string was not ASCII).
    wide: bool,
    input: &'a str,
    ascii: bool,
}

impl Packer<'_> {
    fn str(&mut self, s: &str) {
        if !self.wide && s.is_ascii() {
            self.num(s.len());
            self.t.extend_from_slice(s.as_bytes());
            return;
        }
        if !self.wide {
            // The first string that is not ASCII: the text so far moves to `w`.
            self.wide = true;
            self.w.extend(self.t.iter().map(|&b| u16::from(b)));
        }
        let before = self.w.len();
        self.w.extend(s.encode_utf16());
        self.num(self.w.len() - before);
    }
    fn slice16(&mut self, start: usize, end: usize) {
        self.n.push(SLICE);
        self.num(start);
        self.num(end);
    }
    /// A string likely to be part of `within` (a part of the input starting at UTF-16 offset
    /// `at16`): a slice of the input when it is.
    fn sub(&mut self, s: &str, within: &str, at16: usize) {
        let at = if s.is_empty() || s.len() > within.len() {
            None
        } else if s.len() == within.len() {
            (s == within).then_some(0)
        } else {
            // A plain scan: the strings are short, a searcher's setup costs more than it saves.
            // A match of whole UTF-8 text starts and ends on char boundaries.
            let (hay, needle) = (within.as_bytes(), s.as_bytes());
            (0..=hay.len() - needle.len()).find(|&i| hay[i..].starts_with(needle))
        };
        match at {
            Some(b) if self.ascii => self.slice16(at16 + b, at16 + b + s.len()),
            Some(b) => {
                let start = at16 + utf16_len(&within[..b]);
                self.slice16(start, start + utf16_len(s));
            }
            None => self.str(s),
        }
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.n.push(NONE),
        }
    }
    fn num(&mut self, x: usize) {
        self.n.push(u32::try_from(x).unwrap_or(u32::MAX - 2));
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

    /// Packs a field report (of this input).
    fn field(&mut self, r: &FieldReport) {
        let input = self.input;
        let whole16 = if self.ascii { input.len() } else { utf16_len(input) };
        if r.input == input {
            self.slice16(0, whole16);
        } else {
            self.str(&r.input);
        }
        self.num(r.recipients.len());
        // Where the recipients are in the input: char offsets walked forward to bytes and UTF-16
        // units (recipients come in order; one pass over the input for them all).
        let mut cursor = (0usize, 0usize, 0usize); // (chars, bytes, UTF-16 units)
        let ascii = self.ascii;
        let mut seek = |to: usize| -> Option<(usize, usize)> {
            if ascii {
                return (to <= input.len()).then_some((to, to));
            }
            if to < cursor.0 {
                cursor = (0, 0, 0);
            }
            let mut chars = input.get(cursor.1..)?.chars();
            while cursor.0 < to {
                let c = chars.next()?;
                cursor = (cursor.0 + 1, cursor.1 + c.len_utf8(), cursor.2 + c.len_utf16());
            }
            Some((cursor.1, cursor.2))
        };
        for x in &r.recipients {
            // `raw` is the text between its offsets; the name and the address are mostly in it.
            let span = seek(x.start).zip(seek(x.end));
            let (within, at16) = match span {
                Some(((b0, u0), (b1, _))) => (input.get(b0..b1).unwrap_or(""), u0),
                None => ("", 0),
            };
            self.sub(&x.raw, within, at16);
            self.num(x.start);
            self.num(x.end);
            match x.name.as_deref() {
                Some(name) => self.sub(name, within, at16),
                None => self.n.push(NONE),
            }
            self.sub(&x.address, within, at16);
            self.n.push(match x.verdict {
                Verdict::Ok => 0,
                Verdict::Info => 1,
                Verdict::Warning => 2,
                Verdict::Error => 3,
            });
            self.opt(x.suggestion.as_deref());
            self.findings(&x.findings);
        }
        self.findings(&r.findings);
        self.opt(r.fixed.as_deref());
    }
}

thread_local! {
    /// The packer's buffers, kept between calls (no allocation per keystroke once warm).
    static BUFFERS: std::cell::RefCell<Buffers> = const { std::cell::RefCell::new((Vec::new(), Vec::new(), Vec::new())) };
}

/// The packer's numbers, its text as UTF-8 (all ASCII), or as UTF-16 (see [`Packer`]).
type Buffers = (Vec<u32>, Vec<u8>, Vec<u16>);

/// Packs the report on `text` and builds the object; a quiet input's report (what
/// [`recipients::field::fast_path`] gives: the input as input, raw and address of its one
/// recipient, nothing else) is built by src/wasm_report.js from the input alone.
fn check_packed(text: &str, js_text: &JsValue, opts: &CheckOptions, (n, t, w): &mut Buffers) -> JsValue {
    let pre = match recipients::field::assess(text, opts) {
        Ok(()) => return quiet_field_report(js_text, addr(text.len())),
        Err(pre) => pre,
    };
    n.clear();
    t.clear();
    w.clear();
    let mut p = Packer { n, t, w, wide: false, input: text, ascii: text.is_ascii() };
    // What `check_field` does when the fast path does not answer (asked once, not twice).
    p.field(&recipients::field::full_with(text, opts, pre));
    let wide = p.wide;
    let (n, t, w) = (&*p.n, &*p.t, &*p.w);
    let (t_ptr, t_len) = if wide { (w.as_ptr() as usize, w.len()) } else { (t.as_ptr() as usize, t.len()) };
    MEMORY.with(|m| {
        unpack_field_report(m, addr(n.as_ptr() as usize), addr(n.len()), addr(t_ptr), addr(t_len), wide, js_text)
    })
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
/// `text` must be a string.
#[wasm_bindgen(js_name = checkRecipients)]
pub fn check_recipients(text: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let opts: CheckOptions = options(opts)?;
    let Some(s) = text.as_string() else {
        return Err(JsValue::from_str("checkRecipients: the text must be a string"));
    };
    let report = BUFFERS.with(|b| match b.try_borrow_mut() {
        Ok(mut b) => check_packed(&s, &text, &opts, &mut b),
        // Only if a call were ever nested in another: fresh buffers.
        Err(_) => check_packed(&s, &text, &opts, &mut (Vec::new(), Vec::new(), Vec::new())),
    });
    Ok(report)
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
