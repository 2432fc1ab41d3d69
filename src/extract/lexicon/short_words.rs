//! A word class's ASCII words of up to eight bytes, each packed into one
//! integer. The pair classifier asks two lists about every token of a
//! sentence with two candidates; packing a byte at a time and a hash lookup
//! per token cost 6% of a one-thread build (callgrind). Packing is now two
//! loads, and a 1,024-bit filter answers most misses without the hash set.

use rustc_hash::FxHashSet as HashSet;

use crate::text::lowercase_packed;

/// Bits of the filter: a class of 100 words passes under 10% of other words.
const FILTER_BITS: usize = 1024;

/// The packed words of a class, behind a filter of their hashes' top bits.
#[derive(Debug, Clone)]
pub(crate) struct ShortWords {
    set: HashSet<u64>,
    filter: [u64; FILTER_BITS / 64],
}

impl Default for ShortWords {
    fn default() -> Self {
        ShortWords { set: HashSet::default(), filter: [0; FILTER_BITS / 64] }
    }
}

/// Where `packed` falls in the filter.
fn filter_bit(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS.trailing_zeros())) as usize
}

impl ShortWords {
    pub(crate) fn insert(&mut self, packed: u64) {
        let bit = filter_bit(packed);
        self.filter[bit / 64] |= 1 << (bit % 64);
        self.set.insert(packed);
    }

    pub(crate) fn contains(&self, packed: u64) -> bool {
        let bit = filter_bit(packed);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0 && self.set.contains(&packed)
    }
}

/// An ASCII word of up to eight bytes as one integer, its bytes in order
/// from the highest of the low `len` bytes, in lower case when `fold`;
/// `None` for a longer or non-ASCII word.
#[inline]
pub(crate) fn pack(bytes: &[u8], fold: bool) -> Option<u64> {
    let len = bytes.len();
    let packed = match len {
        // Two overlapping big-endian loads: the shared bytes agree.
        4..=8 => {
            let head = u32::from_be_bytes(bytes[..4].try_into().ok()?);
            let tail = u32::from_be_bytes(bytes[len - 4..].try_into().ok()?);
            u64::from(head) << (8 * (len - 4)) | u64::from(tail)
        }
        0..4 => bytes.iter().fold(0, |packed, &b| packed << 8 | u64::from(b)),
        _ => return None,
    };
    if packed & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    // Every byte is below 0x80 (tested above), as `lowercase_packed` needs.
    Some(if fold { lowercase_packed(u128::from(packed)) as u64 } else { packed })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The packing a byte at a time, as it was before.
    fn plain_pack(bytes: &[u8], fold: bool) -> Option<u64> {
        if bytes.len() > 8 || !bytes.is_ascii() {
            return None;
        }
        let byte = |b: u8| if fold { b.to_ascii_lowercase() } else { b };
        Some(bytes.iter().fold(0, |packed, &b| packed << 8 | u64::from(byte(b))))
    }

    proptest! {
        #[test]
        fn packing_agrees_with_the_plain_packing(bytes in proptest::collection::vec(any::<u8>(), 0..11), fold: bool) {
            prop_assert_eq!(pack(&bytes, fold), plain_pack(&bytes, fold));
        }

        #[test]
        fn packing_words_agrees_with_the_plain_packing(word in "[A-Za-z'.\\-é]{0,10}", fold: bool) {
            prop_assert_eq!(pack(word.as_bytes(), fold), plain_pack(word.as_bytes(), fold));
        }

        #[test]
        fn the_filter_never_hides_a_word(words in proptest::collection::vec(any::<u64>(), 0..300), other: u64) {
            let mut set = ShortWords::default();
            for &w in &words {
                set.insert(w);
            }
            prop_assert!(words.iter().all(|&w| set.contains(w)));
            prop_assert_eq!(set.contains(other), words.contains(&other));
        }
    }
}
