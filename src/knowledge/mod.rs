//! Typed knowledge tables: providers, mail domains, TLDs, local-part rules, reply codes.
//! One file per provider or topic; every entry cites its source.
pub mod catalogue;
pub mod codebook;
pub mod codes;
pub mod confusables;
pub mod domains;
pub mod keyboard;
pub mod localparts;
pub mod netease;
pub mod others;
pub mod patterns;
pub mod rfc3463;
pub mod rhost;
pub mod tencent;
pub mod tlds;
