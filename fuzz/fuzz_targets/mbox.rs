//! Fuzz target `mbox`: arbitrary bytes as an mbox, split into messages and each one explained,
//! as `tuixin explain archive.mbox` does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tuixin::bounce::{explain, split_mbox};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let opts = common::explain_options(data);
    let messages = split_mbox(data);
    let total: usize = messages.iter().map(|m| m.len()).sum();
    assert!(total <= data.len(), "split_mbox returned more bytes than it was given");
    for message in messages {
        common::check_bounce_report(&explain(message, &opts));
    }
});
