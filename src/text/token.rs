//! Tokens with byte offsets. Hyphens and possessive `'s` are tokens of their
//! own so that "Russian-American" and "Russia’s" expose the names inside them.

use std::ops::Range;

use super::{is_abbreviation, is_initialism};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// The possessive `'s` / `’s` split off a word.
    Possessive,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word && text[self.start..].starts_with(|c: char| c.is_uppercase())
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// An apostrophe plus "s" that ends a word: the possessive ("Russia's", "Germany 's").
fn possessive_s(after_apostrophe: &str) -> bool {
    (after_apostrophe.starts_with('s') || after_apostrophe.starts_with('S'))
        && !after_apostrophe[1..].starts_with(char::is_alphanumeric)
}

/// ASCII letters and digits, by byte value.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Tokenises `text[range]`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    let char_at = |at: usize| slice[at..].chars().next();
    // Nearly every byte is ASCII: decode a character only where one is not.
    let next_char = |at: usize| match bytes.get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => char_at(at),
        None => None,
    };
    let mut tokens = Vec::with_capacity(slice.len() / 5 + 1);
    // `pos` is the byte offset in `slice` of the first character not yet consumed.
    let mut pos = 0;
    while let Some(c) = next_char(pos) {
        let start = range.start + pos;
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        // A detached possessive, as in tokenised wire copy: "Germany 's".
        if is_apostrophe(c) && possessive_s(&slice[pos..]) {
            pos += 1;
            tokens.push(Token { start, end: start + c.len_utf8() + 1, kind: TokenKind::Possessive });
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token { start, end: start + c.len_utf8(), kind: TokenKind::Punct });
            continue;
        }
        // A word or number: alphanumerics, with inner apostrophes ("O'Brien"),
        // inner periods in initialisms ("U.S.") and inner digits separators ("3.5", "1,000").
        let numeric = c.is_ascii_digit();
        loop {
            // Most of a word is ASCII letters and digits: skip them, one table load a byte.
            pos += bytes[pos..].iter().take_while(|&&b| ASCII_ALPHANUMERIC[usize::from(b)]).count();
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
                    after().is_some_and(char::is_alphabetic) && is_initialism(&slice[start - range.start..pos])
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
            let word = &slice[start - range.start..pos];
            let multi_letter_initialism = word.contains('.') && is_initialism(word);
            // A middle initial: "Steven F. Udvar-Hazy".
            let initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
            if multi_letter_initialism || initial || is_abbreviation(word) {
                pos += 1;
            }
        }
        let end = range.start + pos;
        tokens.push(Token { start, end, kind: if numeric { TokenKind::Number } else { TokenKind::Word } });
        // Possessive: the apostrophe and "s" become one token.
        if let Some(n) = next_char(pos)
            && is_apostrophe(n)
            && possessive_s(&slice[pos + n.len_utf8()..])
        {
            tokens.push(Token { start: end, end: end + n.len_utf8() + 1, kind: TokenKind::Possessive });
            pos += n.len_utf8() + 1;
        }
    }
    tokens
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
    fn detached_possessive_is_a_possessive() {
        let text = "Germany 's envoy";
        let kinds: Vec<TokenKind> = tokenize(text, 0..text.len()).iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Word, TokenKind::Possessive, TokenKind::Word]);
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(words("1,000 and 3.5."), vec!["1,000", "and", "3.5", "."]);
    }
}
