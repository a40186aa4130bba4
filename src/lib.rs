//! tuixin (退信助手): the analyzer core.
//!
//! Two halves share this crate: [`recipients`] checks what a user types into To/Cc/Bcc, and
//! [`bounce`] explains bounce messages. Both are pure functions from text to reports: the core never
//! touches the DOM, the network, the clock or the file system, never panics and never returns an
//! error (malformed input gives a report of what could be understood). The CLI (`src/bin/tuixin.rs`)
//! and the wasm bindings (`src/wasm.rs`) are thin layers over [`check`] and [`explain`].

pub mod bounce;
pub mod i18n;
pub mod knowledge;
pub mod re;
pub mod reason;
pub mod recipients;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use bounce::{explain, BounceReport, ExplainOptions};
pub use i18n::Lang;
pub use reason::{Fault, Reason};
pub use recipients::{check_field as check, CheckOptions, FieldReport};
