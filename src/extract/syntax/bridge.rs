//! From newsgraph's tokens to the words the treebank has. The tokenizer
//! already splits what UD splits: a possessive "'s" ("Russia's" → Russia
//! 's), hyphens ("Russian-American" → Russian - American, as EWT writes 1,422
//! of its hyphens), punctuation, and it keeps abbreviations and initialisms
//! whole ("Mr.", "U.S.") as UD does. Left to do here:
//! - contractions are two words: "don't" → do n't, "can't" → ca n't,
//!   "won't" → wo n't, "I'm" → I 'm, "we're", "they've", "he'll", "she'd";
//! - "cannot" → can not, "gonna" → gon na, "wanna" → wan na, "gotta" → got ta;
//! - a run of periods is one word ("..."), as is a run of hyphens ("--").
//!
//! Typographic quotes and apostrophes are read as straight ones by the
//! features (`words.rs`), so "“" is the treebank's `"` and "’s" its "'s".

use std::ops::Range;

use crate::text::{Token, TokenKind};

/// The words of `tokens` (of `text`): each word's byte range and token, and each token's first word.
pub(super) fn words_of_tokens(
    text: &str,
    tokens: &[Token],
    ranges: &mut Vec<Range<usize>>,
    word_token: &mut Vec<usize>,
    token_word: &mut Vec<usize>,
) {
    ranges.clear();
    word_token.clear();
    token_word.clear();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        let run = repeated_punctuation(text, &tokens[i..]);
        if run > 1 {
            ranges.push(token.start..tokens[i + run - 1].end);
            word_token.push(i);
            token_word.extend(std::iter::repeat_n(ranges.len() - 1, run));
            i += run;
            continue;
        }
        token_word.push(ranges.len());
        let word = token.text(text);
        match split_point(word).filter(|_| token.kind == TokenKind::Word) {
            Some(at) => {
                ranges.push(token.start..token.start + at);
                ranges.push(token.start + at..token.end);
                word_token.extend([i, i]);
            }
            None => {
                ranges.push(token.range());
                word_token.push(i);
            }
        }
        i += 1;
    }
}

/// How many tokens from the first are the same period or hyphen, each right after the one before.
fn repeated_punctuation(text: &str, tokens: &[Token]) -> usize {
    let first = tokens[0];
    let mark = first.text(text);
    if first.kind != TokenKind::Punct || !(mark == "." || mark == "-") {
        return 1;
    }
    1 + tokens.windows(2).take_while(|w| w[1].start == w[0].end && w[1].text(text) == mark).count()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Where UD cuts a word in two, if it does.
fn split_point(word: &str) -> Option<usize> {
    for (whole, at) in [("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)] {
        if word.eq_ignore_ascii_case(whole) {
            return Some(at);
        }
    }
    let (apostrophe, c) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    let after = &word[apostrophe + c.len_utf8()..];
    let before = &word[..apostrophe];
    if after.eq_ignore_ascii_case("t") && before.len() > 1 && before.ends_with(['n', 'N']) {
        return Some(apostrophe - 1);
    }
    let clitic = ["m", "re", "ve", "ll", "d"].iter().any(|c| after.eq_ignore_ascii_case(c));
    (clitic && !before.is_empty()).then_some(apostrophe)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let tokens = crate::text::tokenize(text, 0..text.len());
        let (mut ranges, mut word_token, mut token_word) = (Vec::new(), Vec::new(), Vec::new());
        words_of_tokens(text, &tokens, &mut ranges, &mut word_token, &mut token_word);
        assert_eq!(token_word.len(), tokens.len());
        for (w, &t) in word_token.iter().enumerate() {
            assert!(token_word[t] <= w, "a token's first word comes first");
        }
        ranges.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn contractions_split_as_the_treebank_splits_them() {
        assert_eq!(words("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(words("They can’t, won't"), ["They", "ca", "n’t", ",", "wo", "n't"]);
        assert_eq!(
            words("I'm sure we're fine, she'd say"),
            ["I", "'m", "sure", "we", "'re", "fine", ",", "she", "'d", "say"]
        );
        assert_eq!(words("You cannot, I'm gonna"), ["You", "can", "not", ",", "I", "'m", "gon", "na"]);
    }

    #[test]
    fn names_possessives_and_hyphens_stay_as_the_tokenizer_has_them() {
        assert_eq!(words("O'Brien's Russian-American"), ["O'Brien", "'s", "Russian", "-", "American"]);
        assert_eq!(words("Mr. Smith of the U.S. said"), ["Mr.", "Smith", "of", "the", "U.S.", "said"]);
    }

    #[test]
    fn runs_of_periods_and_hyphens_are_one_word() {
        assert_eq!(words("Wait... no -- yes. ."), ["Wait", "...", "no", "--", "yes", ".", "."]);
    }
}
