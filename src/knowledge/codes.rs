//! Provider reply codes: the shape of one table row, shared by every provider table
//! (`netease.rs`, `tencent.rs`, `others.rs`), and the lookup the bounce classifier uses.

use crate::i18n::Text;
use crate::reason::{Fault, Reason};

/// Who defined a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    Netease,
    Tencent,
    Gmail,
    Outlook,
    Yahoo,
    Apple,
    Other(&'static str),
}

/// One provider reply: matched on its code tag and text, not the reply number alone.
#[derive(Clone, Copy, Debug)]
pub struct ProviderCode {
    pub provider: Provider,
    /// The code as shown to people and linked in the code book (`DT:SPM`, `Ip frequency limited`).
    pub code: &'static str,
    /// Reply numbers seen with it (`["554", "451"]`): information, not a matching condition.
    pub replies: &'static [&'static str],
    /// Matched (case-insensitively) against the diagnostic text.
    pub pattern: &'static str,
    /// Suffixes of the reporting host or generator where the tag applies; empty = anywhere.
    pub hosts: &'static [&'static str],
    pub reason: Reason,
    /// Will a later retry likely work?
    pub temporary: bool,
    pub fault: Fault,
    pub title: Text,
    pub detail: Text,
    pub actions: &'static [Text],
    /// Where this entry comes from (a help page, a sample line).
    pub source: &'static str,
}
