//! Fuzz target `recipients`: arbitrary bytes as a recipient field, both as lossy UTF-8 text
//! (`check_field`, what the extension passes) and as raw bytes (`check_bytes`, what the CLI reads).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tuixin::recipients::{check_bytes, check_field};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let opts = common::check_options(data);
    let text = String::from_utf8_lossy(data);
    let report = check_field(&text, &opts);
    common::check_field_report(&text, &report);
    let from_bytes = check_bytes(data, &opts);
    serde_json::to_string(&from_bytes).expect("a field report serialises");
});
