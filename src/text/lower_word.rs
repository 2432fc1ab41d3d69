//! A word in lower case without a heap allocation for the short ASCII words
//! most capitalised words are: the relation frames lower a word for each
//! comparison with a lower-case list, and `str::to_lowercase` with its
//! allocation and free took about 12 M instructions of 3 MB of news there
//! (callgrind).

/// ASCII words up to this long are lowered on the stack.
const INLINE: usize = 24;

/// A word in lower case: borrowed when it has no capitals, on the stack when
/// it is short ASCII, else a `String`.
#[derive(Debug, Clone)]
pub struct LowerWord<'a>(Spelling<'a>);

#[derive(Debug, Clone)]
enum Spelling<'a> {
    Borrowed(&'a str),
    Inline([u8; INLINE], u8),
    Owned(String),
}

impl<'a> LowerWord<'a> {
    /// `word`, which is already in lower case.
    pub fn borrowed(word: &'a str) -> Self {
        LowerWord(Spelling::Borrowed(word))
    }

    /// `word` lowered, as `str::to_lowercase` lowers it.
    pub fn lowered(word: &str) -> Self {
        if word.is_ascii() && word.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..word.len()].copy_from_slice(word.as_bytes());
            bytes[..word.len()].make_ascii_lowercase();
            LowerWord(Spelling::Inline(bytes, word.len() as u8))
        } else {
            LowerWord(Spelling::Owned(word.to_lowercase()))
        }
    }

    /// The word in lower case.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Spelling::Borrowed(word) => word,
            Spelling::Inline(bytes, len) => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).expect("ASCII stays UTF-8")
            }
            Spelling::Owned(word) => word,
        }
    }
}

impl Default for LowerWord<'_> {
    fn default() -> Self {
        LowerWord::borrowed("")
    }
}

impl std::ops::Deref for LowerWord<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// A packing of ASCII bytes (one per byte of the integer, each below 0x80)
/// with every capital lowered, all bytes at once: adding to each byte
/// carries into none, and capitals gain 0x20. The word tables pack words so
/// (`extract::classes`, `extract::lexicon`); narrower packings widen to it.
pub(crate) fn lowercase_packed(packed: u128) -> u128 {
    const ONES: u128 = u128::from_le_bytes([1; 16]);
    const HIGH_BITS: u128 = ONES * 0x80;
    let at_least_a = packed + ONES * (0x80 - u128::from(b'A'));
    let above_z = packed + ONES * (0x80 - u128::from(b'Z') - 1);
    let capital = at_least_a & !above_z & HIGH_BITS;
    packed | capital >> 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lowered_is_the_plain_lower_case(word in "\\PC{0,30}|[A-Za-z'.-]{0,30}") {
            let (lowered, borrowed) = (LowerWord::lowered(&word), LowerWord::borrowed(&word));
            prop_assert_eq!(lowered.as_str(), word.to_lowercase());
            prop_assert_eq!(borrowed.as_str(), word.as_str());
        }
    }

    proptest! {
        #[test]
        fn a_packing_lowers_as_its_bytes_do(bytes in proptest::collection::vec(0u8..0x80, 0..16)) {
            let packed = bytes.iter().fold(0u128, |p, &b| p << 8 | u128::from(b));
            let plain = bytes.iter().fold(0u128, |p, &b| p << 8 | u128::from(b.to_ascii_lowercase()));
            prop_assert_eq!(lowercase_packed(packed), plain);
        }
    }
}
