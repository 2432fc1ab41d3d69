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

/// Tokenises `text[range]`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let slice = &text[range.clone()];
    let mut chars = slice.char_indices().peekable();
    while let Some((rel, c)) = chars.next() {
        let start = range.start + rel;
        if c.is_whitespace() {
            continue;
        }
        // A detached possessive, as in tokenised wire copy: "Germany 's".
        if is_apostrophe(c) {
            let rest = &slice[rel + c.len_utf8()..];
            if (rest.starts_with('s') || rest.starts_with('S')) && !rest[1..].starts_with(char::is_alphanumeric) {
                chars.next();
                tokens.push(Token { start, end: start + c.len_utf8() + 1, kind: TokenKind::Possessive });
                continue;
            }
        }
        if !c.is_alphanumeric() {
            tokens.push(Token { start, end: start + c.len_utf8(), kind: TokenKind::Punct });
            continue;
        }
        // A word or number: alphanumerics, with inner apostrophes ("O'Brien"),
        // inner periods in initialisms ("U.S.") and inner digits separators ("3.5", "1,000").
        let numeric = c.is_ascii_digit();
        let mut end = start + c.len_utf8();
        while let Some(&(r, n)) = chars.peek() {
            let at = range.start + r;
            let after = slice[r + n.len_utf8()..].chars().next();
            let continues = if n.is_alphanumeric() {
                true
            } else if is_apostrophe(n) {
                // Keep "O'Brien", split "Russia's" and "Russians'".
                let rest = &slice[r + n.len_utf8()..];
                let possessive =
                    (rest.starts_with('s') || rest.starts_with('S')) && !rest[1..].starts_with(char::is_alphanumeric);
                after.is_some_and(char::is_alphanumeric) && !possessive
            } else if n == '.' {
                if numeric {
                    after.is_some_and(|a| a.is_ascii_digit())
                } else {
                    // "U.S" continues while the word is single letters joined by periods.
                    after.is_some_and(char::is_alphabetic) && is_initialism(&text[start..at])
                }
            } else if n == ',' && numeric {
                after.is_some_and(|a| a.is_ascii_digit())
            } else {
                false
            };
            if !continues {
                break;
            }
            end = at + n.len_utf8();
            chars.next();
        }
        // The final period of "U.S." and "Mr." belongs to the word.
        if !numeric && slice[end - range.start..].starts_with('.') {
            let word = &text[start..end];
            let multi_letter_initialism = word.contains('.') && is_initialism(word);
            // A middle initial: "Steven F. Udvar-Hazy".
            let initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
            if multi_letter_initialism || initial || is_abbreviation(word) {
                end += 1;
                chars.next();
            }
        }
        tokens.push(Token { start, end, kind: if numeric { TokenKind::Number } else { TokenKind::Word } });
        // Possessive: the apostrophe and "s" become one token.
        if let Some(&(r, n)) = chars.peek()
            && is_apostrophe(n)
        {
            let rest = &slice[r + n.len_utf8()..];
            if (rest.starts_with('s') || rest.starts_with('S')) && !rest[1..].starts_with(char::is_alphanumeric) {
                let pstart = range.start + r;
                chars.next();
                chars.next();
                tokens.push(Token { start: pstart, end: pstart + n.len_utf8() + 1, kind: TokenKind::Possessive });
            }
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
