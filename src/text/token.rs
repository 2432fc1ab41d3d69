//! Tokens with byte offsets. Hyphens and possessive `'s` are tokens of their
//! own so that "Russian-American" and "Russia’s" expose the names inside them.

use std::ops::Range;

use super::abbreviations::{is_abbreviation, is_initialism};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, periods of abbreviations and initialisms.
    Word,
    /// Digits, with inner separators ("1,200", "3.5").
    Number,
    /// The possessive `'s` / `’s` split off a word.
    Possessive,
    /// Anything else, one character at a time (a hyphen inside a word included).
    Punct,
}

/// A token: a byte range of the document text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte, in the document text.
    pub start: usize,
    /// The byte after the last.
    pub end: usize,
    /// What it is made of.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `text`, the document it was read from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The token's byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word && text[self.start..].starts_with(|c: char| c.is_uppercase())
    }
}

/// The straight apostrophe, the typographic one (U+2019) and the modifier
/// letter (U+02BC): one letter to every rule ("O’Brien" is "O'Brien").
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// `word` with every apostrophe straight, for lexicon lookups and the
/// tagger's features: lexicons and the tagger's training text write "'".
/// Borrowed when there is none to change (any ASCII word).
pub fn straight_apostrophes(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() || !word.contains(['’', 'ʼ']) { word.into() } else { word.replace(['’', 'ʼ'], "'").into() }
}

/// An apostrophe plus "s" that ends a word: the possessive ("Russia's", "Germany 's").
fn possessive_s(after_apostrophe: &str) -> bool {
    (after_apostrophe.starts_with('s') || after_apostrophe.starts_with('S'))
        && !after_apostrophe[1..].starts_with(char::is_alphanumeric)
}

/// What an ASCII byte is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ascii {
    Space,
    /// A letter or a digit: a word or a number starts.
    Alphanumeric,
    /// Everything else: punctuation, an apostrophe, control characters.
    Other,
}

/// `Ascii` by byte value; bytes from 0x80 up are never read here.
const ASCII: [Ascii; 128] = {
    let mut table = [Ascii::Other; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        // `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
        table[b] = if matches!(byte, b'\t'..=b'\r' | b' ') {
            Ascii::Space
        } else if byte.is_ascii_alphanumeric() {
            Ascii::Alphanumeric
        } else {
            Ascii::Other
        };
        b += 1;
    }
    table
};

/// Where the run of ASCII letters and digits that starts at `bytes[from]`
/// ends. Eight bytes at a time: most of a text is words, and a byte at a time
/// this loop was a quarter of tokenising.
fn alphanumeric_run_end(bytes: &[u8], from: usize) -> usize {
    const LOW_BITS: u64 = u64::from_le_bytes([0x7F; 8]);
    const HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);
    // The high bit of each byte of `x` (all below 0x80) that is at least
    // `lo`, or at most `hi`: adding cannot carry into the next byte.
    let at_least = |x: u64, lo: u8| (x + HIGH_BITS - u64::from_le_bytes([lo; 8])) & HIGH_BITS;
    let at_most = |x: u64, hi: u8| !(x + LOW_BITS - u64::from_le_bytes([hi; 8])) & HIGH_BITS;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let ascii = !word & HIGH_BITS;
        let x = word & LOW_BITS;
        let digit = at_least(x, b'0') & at_most(x, b'9');
        // Setting 0x20 lowers a capital and leaves no other byte in a..z.
        let folded = x | u64::from_le_bytes([0x20; 8]);
        let letter = at_least(folded, b'a') & at_most(folded, b'z');
        let other = !((digit | letter) & ascii) & HIGH_BITS;
        if other != 0 {
            return at + other.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    at + bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count()
}

/// Tokenises `text[range]`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, range, &mut tokens);
    tokens
}

/// Tokenises `text[range]` into `tokens`, which are cleared first.
pub fn tokenize_into(text: &str, range: Range<usize>, tokens: &mut Vec<Token>) {
    // The vector is moved out while tokens are pushed: pushed through the
    // caller's reference it cost 100 M more instructions on 20 MB of news
    // (callgrind), the vector's length going back to memory at every push.
    let mut local = std::mem::take(tokens);
    push_tokens(text, range, &mut local);
    *tokens = local;
}

fn push_tokens(text: &str, range: Range<usize>, tokens: &mut Vec<Token>) {
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    tokens.clear();
    // News text averages a token per five or six bytes: room for one per
    // four bytes spares most sentences the vector's growing.
    tokens.reserve(slice.len() / 4 + 1);
    // `pos` is the byte offset in `slice` of the first character not yet consumed.
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        // Nearly every byte is ASCII: one table load says what it starts.
        let c = match ASCII.get(usize::from(b)) {
            Some(Ascii::Space) => {
                pos += 1;
                continue;
            }
            Some(Ascii::Alphanumeric) => {
                pos = word(slice, pos, b.is_ascii_digit(), range.start, tokens);
                continue;
            }
            Some(Ascii::Other) => char::from(b),
            None => slice[pos..].chars().next().expect("a character starts here"),
        };
        let start = range.start + pos;
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        // A detached possessive, as in tokenised wire copy: "Germany 's".
        if is_apostrophe(c) && possessive_s(&slice[pos..]) {
            pos += 1;
            tokens.push(Token { start, end: start + c.len_utf8() + 1, kind: TokenKind::Possessive });
        } else if c.is_alphanumeric() {
            pos = word(slice, pos - c.len_utf8(), false, range.start, tokens);
        } else {
            tokens.push(Token { start, end: start + c.len_utf8(), kind: TokenKind::Punct });
        }
    }
}

/// Pushes the word or number that starts at `slice[from..]` (and the
/// possessive after it) onto `tokens`, which hold offsets from `offset`;
/// returns where the next token may start. `numeric`: it starts with an ASCII digit.
fn word(slice: &str, from: usize, numeric: bool, offset: usize, tokens: &mut Vec<Token>) -> usize {
    let bytes = slice.as_bytes();
    let next_char = |at: usize| match bytes.get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => slice[at..].chars().next(),
        None => None,
    };
    let mut pos = from + next_char(from).map_or(1, char::len_utf8);
    // Alphanumerics, with inner apostrophes ("O'Brien"), inner periods in
    // initialisms ("U.S.") and inner digit separators ("3.5", "1,000").
    loop {
        // Most of a word is ASCII letters and digits: skip them, one table load a byte.
        pos = alphanumeric_run_end(bytes, pos);
        // Any other ASCII byte but these three ends the word at once.
        if bytes.get(pos).is_none_or(|&b| b.is_ascii() && !matches!(b, b'\'' | b'.' | b',')) {
            break;
        }
        let Some(n) = next_char(pos) else { break };
        let after = || next_char(pos + n.len_utf8());
        let continues = if n.is_alphanumeric() {
            true
        } else if is_apostrophe(n) {
            // Keep "O'Brien", split "Russia's" and "Russians'".
            after().is_some_and(char::is_alphanumeric) && !possessive_s(&slice[pos + n.len_utf8()..])
        } else if n == '.' {
            if numeric {
                after().is_some_and(|a| a.is_ascii_digit())
            } else {
                // "U.S" continues while the word is single letters joined by periods.
                after().is_some_and(char::is_alphabetic) && is_initialism(&slice[from..pos])
            }
        } else if n == ',' && numeric {
            after().is_some_and(|a| a.is_ascii_digit())
        } else {
            false
        };
        if !continues {
            break;
        }
        pos += n.len_utf8();
    }
    // The final period of "U.S." and "Mr." belongs to the word.
    if !numeric && bytes.get(pos) == Some(&b'.') {
        let word = &slice[from..pos];
        let multi_letter_initialism = word.contains('.') && is_initialism(word);
        // A middle initial: "Steven F. Udvar-Hazy".
        let initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
        if multi_letter_initialism || initial || is_abbreviation(word) {
            pos += 1;
        }
    }
    let (start, end) = (offset + from, offset + pos);
    tokens.push(Token { start, end, kind: if numeric { TokenKind::Number } else { TokenKind::Word } });
    // Possessive: the apostrophe and "s" become one token.
    if let Some(n) = next_char(pos)
        && is_apostrophe(n)
        && possessive_s(&slice[pos + n.len_utf8()..])
    {
        tokens.push(Token { start: end, end: end + n.len_utf8() + 1, kind: TokenKind::Possessive });
        pos += n.len_utf8() + 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len()).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn initialisms_and_abbreviations_keep_their_period() {
        assert_eq!(words("U.S. Mr. Smith."), vec!["U.S.", "Mr.", "Smith", "."]);
    }

    #[test]
    fn possessives_and_hyphens_split() {
        assert_eq!(
            words("Russia’s Russian-American O'Brien"),
            vec!["Russia", "’s", "Russian", "-", "American", "O'Brien"]
        );
    }

    #[test]
    fn typographic_apostrophes_keep_names_whole_and_split_possessives() {
        assert_eq!(
            words("Niamh O’Dowd met Da’esh envoys at O’Dowd’s house; Kaʼala’s too."),
            vec![
                "Niamh", "O’Dowd", "met", "Da’esh", "envoys", "at", "O’Dowd", "’s", "house", ";", "Kaʼala", "’s",
                "too", "."
            ]
        );
        assert_eq!(straight_apostrophes("O’Dowd’s Kaʼala"), "O'Dowd's Ka'ala");
        assert!(matches!(straight_apostrophes("O'Dowd"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn detached_possessive_is_a_possessive() {
        let text = "Germany 's envoy";
        let kinds: Vec<TokenKind> = tokenize(text, 0..text.len()).iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Word, TokenKind::Possessive, TokenKind::Word]);
    }

    #[test]
    fn control_characters_are_punctuation_and_other_scripts_make_words() {
        // Vertical tab and form feed are white space; U+001C is not.
        let text = "a\u{b}b\u{c}c\u{1c}d Éric’s ٣٤ x—y";
        assert_eq!(words(text), vec!["a", "b", "c", "\u{1c}", "d", "Éric", "’s", "٣٤", "x", "—", "y"]);
        let kinds: Vec<TokenKind> = tokenize(text, 0..text.len()).iter().map(|t| t.kind).collect();
        assert_eq!(kinds[7], TokenKind::Word, "only ASCII digits start a number");
    }

    #[test]
    fn the_eight_byte_run_scan_ends_where_a_byte_at_a_time_does() {
        // Every byte value, at every place in a word of eight and in the tail.
        for special in 0..=255u8 {
            for len in 0..20 {
                for place in 0..len {
                    let mut bytes = b"aZ09mQ7xkB3yT5wc".repeat(2)[..len].to_vec();
                    bytes[place] = special;
                    for from in 0..=len {
                        let expected = from + bytes[from..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                        assert_eq!(alphanumeric_run_end(&bytes, from), expected, "{bytes:?} from {from}");
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(words("1,000 and 3.5."), vec!["1,000", "and", "3.5", "."]);
    }
}
