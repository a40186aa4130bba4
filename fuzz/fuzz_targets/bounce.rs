//! Fuzz target `bounce`: arbitrary bytes through `explain` as a raw message (any charset, what the
//! CLI and `explainBounceBytes` pass) and as text (lossy UTF-8, what a paste into the popup gives).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tuixin::bounce::explain;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let opts = common::explain_options(data);
    common::check_bounce_report(&explain(data, &opts));
    if std::str::from_utf8(data).is_err() {
        let text = String::from_utf8_lossy(data);
        common::check_bounce_report(&explain(text.as_bytes(), &opts));
    }
});
