//! The QWERTY keyboard (the layout Chinese users type Latin letters and digits on, pinyin IMEs
//! included): which keys touch, so that a slip onto a neighbouring key costs less than a random
//! substitution in the typo search.
//!
//! Source: the standard ANSI/ISO QWERTY rows with their usual stagger (digit row, then each letter
//! row shifted right by about a quarter to half a key).

/// Rows with their horizontal offset in quarter keys (stagger of a physical keyboard).
const ROWS: [(&[u8], i8); 4] = [(b"1234567890-", 0), (b"qwertyuiop", 2), (b"asdfghjkl", 3), (b"zxcvbnm", 5)];

/// Position of every ASCII key, computed at compile time: row * 64 + column (quarter keys), or -1.
const POS: [i16; 128] = {
    let mut t = [-1i16; 128];
    let mut row = 0;
    while row < ROWS.len() {
        let (keys, offset) = ROWS[row];
        let mut i = 0;
        while i < keys.len() {
            let pos = row as i16 * 64 + offset as i16 + 4 * i as i16;
            t[keys[i] as usize] = pos;
            t[keys[i].to_ascii_uppercase() as usize] = pos;
            i += 1;
        }
        row += 1;
    }
    t
};

/// Do keys `a` and `b` touch on a QWERTY keyboard (same row and next to each other, or on a
/// neighbouring row and overlapping)? A key is not adjacent to itself.
#[inline]
pub fn adjacent(a: u8, b: u8) -> bool {
    // One bit of a table computed at compile time (the typo search asks this for every cell of
    // every distance table).
    a < 0x80 && b < 0x80 && (ADJACENT[a as usize] >> b) & 1 != 0
}

/// `ADJACENT[a]` has bit `b` set when keys `a` and `b` touch (ASCII).
const ADJACENT: [u128; 128] = {
    let mut t = [0u128; 128];
    let mut a = 0;
    while a < 128 {
        let mut b = 0;
        while b < 128 {
            if touching(a as u8, b as u8) {
                t[a] |= 1 << b;
            }
            b += 1;
        }
        a += 1;
    }
    t
};

/// [`adjacent`] from the key positions.
const fn touching(a: u8, b: u8) -> bool {
    let (pa, pb) = (POS[(a & 0x7f) as usize], POS[(b & 0x7f) as usize]);
    if pa < 0 || pb < 0 || pa == pb || a >= 0x80 || b >= 0x80 {
        return false;
    }
    let (ra, ca, rb, cb) = (pa / 64, pa % 64, pb / 64, pb % 64);
    let dx = (ca - cb).abs();
    match (ra - rb).abs() {
        0 => dx == 4,
        1 => dx <= 4,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::adjacent;

    #[test]
    fn neighbours_touch() {
        for (a, b) in [
            (b'q', b'w'),
            (b'q', b'a'),
            (b'n', b'm'),
            (b'3', b'4'),
            (b'6', b'7'),
            (b'o', b'l'),
            (b'j', b'i'),
            (b't', b'r'),
            (b'2', b'w'),
            (b'q', b'1'),
        ] {
            assert!(adjacent(a, b), "{} {}", a as char, b as char);
            assert!(adjacent(b, a));
        }
    }

    #[test]
    fn far_keys_do_not() {
        for (a, b) in [(b'q', b'p'), (b'a', b'a'), (b'j', b'q'), (b'd', b'q'), (b'1', b'3'), (b'q', b's'), (b'@', b'q')]
        {
            assert!(!adjacent(a, b), "{} {}", a as char, b as char);
        }
    }
}
