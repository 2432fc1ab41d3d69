//! What stands before a title that names no body: nothing ("Chief executive
//! Jane Roe said", "said director Jane Roe"), a portfolio ("Environment
//! Secretary Jane Roe") or a word no rule read ("Committee chairman Jane
//! Roe", "Conservative leader Jane Roe"). Only a bare title may take its body
//! from the document (`resolve/document_titles.rs`).

use super::scan::Scan;
use crate::extract::extraction::TitleOpening;
use crate::text::TokenKind;

impl Scan<'_> {
    /// What stands before the title starting at token `i`, past title words
    /// ("former", "new") and "co-".
    pub(super) fn title_opening(&self, i: usize) -> TitleOpening {
        let mut k = i;
        while k > 0 && (self.lexicon.lists.title_word.contains(self.word(k - 1)) || self.joins_co(k)) {
            k -= if self.joins_co(k) { 2 } else { 1 };
        }
        // "chairman and chief executive X": the second title opens as the first.
        if k >= 2
            && self.word(k - 1) == "and"
            && let Some(first) =
                (k.saturating_sub(4)..k - 1).find(|&j| self.title(j).is_some_and(|(end, _)| end == k - 1))
        {
            return self.title_opening(first);
        }
        let mut capitals = k;
        while capitals > 0 && self.is_capitalized(capitals - 1) {
            capitals -= 1;
        }
        // "Shadow Education Secretary X": the opposition's, not the government's.
        if (capitals.saturating_sub(1)..k).any(|j| self.word(j).eq_ignore_ascii_case("shadow")) {
            return TitleOpening::Qualified;
        }
        let named = self
            .found
            .mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence == self.index)
            .any(|m| m.tokens.end > capitals && m.tokens.start < k);
        if k > 0 && self.word(k - 1).eq_ignore_ascii_case("its") {
            return TitleOpening::Its;
        }
        let bare_before = |j: usize| j == 0 || self.opens_bare(j - 1);
        match (capitals < k, named) {
            (false, _) if bare_before(k) => TitleOpening::Bare,
            (true, false) if bare_before(capitals) => TitleOpening::Portfolio,
            _ => TitleOpening::Qualified,
        }
    }

    /// Tokens `k - 2` and `k - 1` are "co" and a joining hyphen ("co-chairman").
    fn joins_co(&self, k: usize) -> bool {
        k >= 2 && self.word(k - 1) == "-" && self.word(k - 2).eq_ignore_ascii_case("co")
    }

    /// Token `j` cannot name a body: punctuation other than a joining hyphen,
    /// a determiner, grammatical, speech or clause word, or the possessive of
    /// a company noun ("the company's").
    fn opens_bare(&self, j: usize) -> bool {
        let word = self.word(j);
        match self.tokens[j].kind {
            TokenKind::Possessive => {
                j > 0 && {
                    let owner = self.word(j - 1);
                    let lists = &self.lexicon.lists;
                    lists.company_descriptor.contains(owner) || lists.company_noun.contains(owner)
                }
            }
            TokenKind::Word => {
                word.starts_with(char::is_lowercase)
                    && (self.is_grammar(word)
                        || self.lexicon.lists.determiner.contains(word)
                        || self.is(j, &self.lexicon.words.speech)
                        || self.is(j, &self.lexicon.words.clause))
            }
            // "the Liberal Democrats' President X": a plural's possessive names the body.
            TokenKind::Punct => !matches!(word, "-" | "'" | "’"),
            TokenKind::Number => false,
        }
    }
}
