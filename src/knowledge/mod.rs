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

/// Sorts a short list, or a table once per process, by a key: an insertion sort, because the
/// standard library's sorts are several kilobytes of wasm for each element type they are used on.
pub fn sort_small_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sort_small_by_key_agrees_with_the_standard_sort() {
        // A fixed pseudo-random sequence with repeats, sorted by a key that ties.
        let mut seed = 12345u32;
        let v: Vec<(u8, u32)> = (0..300u32)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((seed >> 16) as u8 % 7, i)
            })
            .collect();
        let mut ours = v.clone();
        super::sort_small_by_key(&mut ours, |&(k, _)| k);
        let mut std = v;
        std.sort_by_key(|&(k, _)| k); // stable: ours is stable too
        assert_eq!(ours, std);
        let mut empty: Vec<u8> = Vec::new();
        super::sort_small_by_key(&mut empty, |&x| x);
    }
}
