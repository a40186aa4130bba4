//! One name for the regex engine. Natively (feature `full-regex`, the default) the `regex` crate;
//! in wasm `regex-lite`, which is a fraction of the size. Patterns must stay in the common subset
//! (no Unicode classes beyond what regex-lite supports: write `(?i)` for ASCII case-insensitivity
//! and literal Chinese text); the golden tests run under both builds to prove parity.

#[cfg(feature = "full-regex")]
pub use regex::{Regex, RegexBuilder};
#[cfg(not(feature = "full-regex"))]
pub use regex_lite::{Regex, RegexBuilder};

/// Compiles a pattern from a table. Table patterns are tested, so a bad one is a bug: it is
/// reported in debug builds and matches nothing in release builds (the core never panics).
pub fn compile(pattern: &str) -> Option<Regex> {
    match RegexBuilder::new(pattern).size_limit(1 << 22).build() {
        Ok(re) => Some(re),
        Err(e) => {
            debug_assert!(false, "bad pattern {pattern:?}: {e}");
            None
        }
    }
}
