//! A keyboard-aware edit distance for typo search: a slip onto a neighbouring key, a doubled or
//! dropped letter, or two swapped letters cost less than a random edit. Costs are in quarter
//! edits (4 = one ordinary edit), so thresholds stay integers.

use crate::knowledge::keyboard::adjacent;

/// One ordinary edit.
pub const EDIT: u16 = 4;
/// Longest string the search compares (domains longer than this are never typos of a table entry).
pub const MAX_LEN: usize = 64;

fn sub_cost(a: u8, b: u8) -> u16 {
    if a == b {
        0
    } else if adjacent(a, b) {
        2
    } else {
        EDIT
    }
}

/// Cost of an extra character `typed[i]`: cheap when it repeats or neighbours the key before or after.
fn insert_cost(typed: &[u8], i: usize) -> u16 {
    let c = typed[i];
    let near = |j: Option<usize>| j.and_then(|j| typed.get(j)).is_some_and(|&n| n == c || adjacent(n, c));
    if near(i.checked_sub(1)) || near(Some(i + 1)) {
        2
    } else {
        EDIT
    }
}

/// Cost of a missing character `target[j]`: cheap when it is one of a doubled pair; a dropped key
/// is a commoner slip than a random wrong one, so it costs a little less than a full edit.
fn delete_cost(target: &[u8], j: usize) -> u16 {
    let c = target[j];
    let doubled = j.checked_sub(1).and_then(|k| target.get(k)) == Some(&c) || target.get(j + 1) == Some(&c);
    if doubled {
        2
    } else {
        3
    }
}

/// The weighted distance from `typed` to `target` (optimal string alignment: substitutions,
/// insertions, deletions, adjacent transpositions), or `None` when it exceeds `limit` or either
/// string is longer than [`MAX_LEN`]. Stops early once every path is over the limit.
pub fn distance(typed: &[u8], target: &[u8], limit: u16) -> Option<u16> {
    let (n, m) = (typed.len(), target.len());
    if n > MAX_LEN || m > MAX_LEN {
        return None;
    }
    if (n as i32 - m as i32).unsigned_abs() as u16 * 2 > limit {
        return None; // each length difference costs at least a cheap insert/delete
    }
    // Lower bound first: every edit fixes at most one character of the multiset difference and
    // costs at least 2, so a large bag difference rules the pair out without the table.
    let mut bag = [0i8; 64];
    for &b in typed {
        bag[(b & 63) as usize] += 1;
    }
    for &b in target {
        bag[(b & 63) as usize] -= 1;
    }
    // The sum of |bag| over the values present, each taken once (zeroed when counted): a walk
    // over the two strings rather than over all 64 counters.
    let mut spread = 0u16;
    for &b in typed.iter().chain(target) {
        let c = &mut bag[(b & 63) as usize];
        spread += c.unsigned_abs() as u16;
        *c = 0;
    }
    // more - fewer = n - m, more + fewer = spread.
    let (more, fewer) = ((spread + n as u16 - m as u16) / 2, (spread + m as u16 - n as u16) / 2);
    if 2 * more.max(fewer) > limit {
        return None;
    }
    let mut del = [0u16; MAX_LEN];
    for (j, d) in del.iter_mut().enumerate().take(m) {
        *d = delete_cost(target, j);
    }
    // Three rows, rotated by reference (swapping the arrays would copy them whole every row).
    let mut rows = [[0u16; MAX_LEN + 1]; 3];
    let [prev2, prev, cur] = &mut rows;
    let (mut prev2, mut prev, mut cur) = (&mut prev2[..=m], &mut prev[..=m], &mut cur[..=m]);
    for j in 1..=m {
        prev[j] = prev[j - 1] + del[j - 1];
    }
    for i in 1..=n {
        let ins = insert_cost(typed, i - 1);
        let a = typed[i - 1];
        cur[0] = prev[0] + ins;
        let mut row_min = cur[0];
        for j in 1..=m {
            let b = target[j - 1];
            let mut best = prev[j - 1] + sub_cost(a, b);
            best = best.min(prev[j] + ins);
            best = best.min(cur[j - 1] + del[j - 1]);
            if i > 1 && j > 1 && a == target[j - 2] && typed[i - 2] == b && a != b {
                best = best.min(prev2[j - 2] + 3);
            }
            cur[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > limit {
            return None;
        }
        (prev2, prev, cur) = (prev, cur, prev2);
    }
    let d = prev[m];
    (d <= limit).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::distance;

    fn d(a: &str, b: &str) -> Option<u16> {
        distance(a.as_bytes(), b.as_bytes(), 40)
    }

    #[test]
    fn costs() {
        let cases: &[(&str, &str, u16)] = &[
            ("gmail", "gmail", 0),
            ("gmial", "gmail", 3),
            ("gmajl", "gmail", 2),
            ("gmal", "gmail", 3),
            ("yaho", "yahoo", 2),
            ("qqq", "qq", 2),
            ("qaq", "qq", 2),
            ("wq", "qq", 2),
            ("jd", "qq", 8),
            ("164", "163", 2),
            ("136", "163", 3),
            ("136", "126", 2),
            ("63", "163", 3),
            ("1633", "163", 2),
            ("foxmail", "hotmail", 8),
        ];
        for &(a, b, want) in cases {
            assert_eq!(d(a, b), Some(want), "{a} -> {b}");
        }
        assert_eq!(distance(b"abcdef", b"uvwxyz", 4), None);
        assert_eq!(distance(&[b'a'; 100], b"a", 400), None);
    }
}
