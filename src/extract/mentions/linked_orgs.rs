//! Organization names the tagger cut at an inner "of", "for" or "on": "the
//! Council on Regional Affairs", "the Union of Serb Writers", "the Muslim
//! Council of Britain" (BBC dev corpus: "Council of", "Commission for",
//! "Institute of|for", "Union of", "Association of" before capitalised words
//! in 50 places; CoNLL04 train: 12 organizations so cut).

use super::scan::Scan;
use crate::extract::vocabulary::NameType;

impl Scan<'_> {
    /// Where an organization read from `i` to `end` ends when its head word
    /// ("Council", not a company's: "Keen Corp. of New York" is a company
    /// and its town) goes on with "of|for|on [the]" and capitalised words.
    pub(super) fn linked_organization_end(&self, i: usize, end: usize) -> Option<usize> {
        let link = self.word(end);
        if end <= i || !matches!(link, "of" | "for" | "on") {
            return None;
        }
        let head = end - 1;
        if !self.is(head, &self.lexicon.words.org_head) || self.lexicon.lists.org_suffix.contains(self.word(head)) {
            return None;
        }
        let next = if self.word(end + 1) == "the" { end + 2 } else { end + 1 };
        // "United Bus Company of Tehran": a company of a town is based there, and the
        // location rules read it so.
        if !self.is_name_word(next) || matches!(self.word(head), "Company" | "Corporation") {
            return None;
        }
        match self.tagged.get(next).copied().flatten() {
            Some((tag_end, NameType::Organization | NameType::Other)) => Some(tag_end),
            // "Commission on Thursday": after "on", only a name the tagger read.
            _ if link == "on" => None,
            Some((_, NameType::Person)) => None,
            _ => {
                let mut stop = next;
                while self.is_name_word(stop) && !self.starts_title(stop) {
                    stop += 1;
                }
                (stop > next).then_some(stop)
            }
        }
    }
}
