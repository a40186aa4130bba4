//! Punycode (RFC 3492) encoding of one domain label, for IDN domains (`中文.cn` → `xn--fiq228c.cn`).
//!
//! Hand-written on purpose: the `idna` crate brings UTS #46 mapping tables that would add tens of
//! kilobytes to the wasm for what the checker needs, which is only the encoder (labels are
//! lowercased and normalised before they get here). Tested against the RFC's sample strings.

const BASE: u32 = 36;
const TMIN: u32 = 1;
const TMAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

fn digit(d: u32) -> char {
    // 0..25 → a..z, 26..35 → 0..9
    if d < 26 {
        char::from(b'a' + d as u8)
    } else {
        char::from(b'0' + (d - 26) as u8)
    }
}

fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
    delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + (BASE - TMIN + 1) * delta / (delta + SKEW)
}

/// Encodes a label's code points as Punycode (without the `xn--` prefix). `None` on overflow
/// (absurdly long input).
pub fn encode(label: &str) -> Option<String> {
    let input: Vec<u32> = label.chars().map(u32::from).collect();
    let mut out: String = label.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    let mut h = basic;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    while (h as usize) < input.len() {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(h + 1)?)?;
        n = m;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, h + 1, h == basic);
                delta = 0;
                h += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(out)
}

/// A label in its ASCII form: unchanged when ASCII, else `xn--` + Punycode.
pub fn to_ascii_label(label: &str) -> Option<String> {
    if label.is_ascii() {
        Some(label.to_string())
    } else {
        encode(label).map(|p| format!("xn--{p}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3492_samples() {
        // RFC 3492 section 7.1 (A) Arabic (Egyptian), (B) Chinese (simplified), (L) Japanese mixed.
        let a = "\u{0644}\u{064A}\u{0647}\u{0645}\u{0627}\u{0628}\u{062A}\u{0643}\u{0644}\u{0645}\u{0648}\u{0634}\u{0639}\u{0631}\u{0628}\u{064A}\u{061F}";
        assert_eq!(encode(a).as_deref(), Some("egbpdaj6bu4bxfgehfvwxn"));
        assert_eq!(encode("他们为什么不说中文").as_deref(), Some("ihqwcrb4cv8a8dqg056pqjye"));
        assert_eq!(encode("3年B組金八先生").as_deref(), Some("3B-ww4c5e180e575a65lsy2b"));
        assert_eq!(to_ascii_label("中国").as_deref(), Some("xn--fiqs8s"));
        assert_eq!(to_ascii_label("münchen").as_deref(), Some("xn--mnchen-3ya"));
        assert_eq!(to_ascii_label("qq").as_deref(), Some("qq"));
    }
}
