//! Judges on their court: "Mr Justice Roe", "Lord Justice Roe", "Judge
//! Jane Roe" or "Jane Roe, sitting with ..." is a member of the court the
//! document named last before the judge ("The High Court ruled ... Mr
//! Justice Roe said"). The titles are in 14 BBC dev documents; the court
//! is named in the story's opening, not beside the judge (in the dev
//! goldens 8 to 12 sentences before), so the whole text before is read.

use std::sync::Arc;

use super::resolver::{Resolver, stated_fact};
use crate::extract::extraction::{EntityKind, Form, Mention};
use crate::extract::vocabulary::Role;

impl Resolver<'_> {
    /// A member_of fact for each judge the document places on a court.
    pub(super) fn judges_on_courts(&mut self, mentions: &[Mention]) {
        for (at, m) in mentions.iter().enumerate() {
            let Some(person) = m.entity.filter(|_| m.kind == EntityKind::Person && m.form == Form::Name) else {
                continue;
            };
            if !self.is_judge(m) {
                continue;
            }
            let court = mentions[..at].iter().rev().find(|c| {
                c.kind == EntityKind::Organization && c.form == Form::Name && is_court(&self.text[c.span.clone()])
            });
            let Some((court, court_span)) = court.and_then(|c| Some((c.entity?, c.span.clone()))) else { continue };
            if self.roles.iter().any(|&(p, r, b)| p == person && r == Role::MemberOf && b == court) {
                continue;
            }
            self.roles.push((person, Role::MemberOf, court));
            let kind = Arc::clone(self.lexicon.role_kind(Role::MemberOf));
            let (subject, object) = ((person, m.span.clone()), (court, court_span));
            self.facts.push(stated_fact(kind, m.sentence, subject, m.span.clone(), object));
        }
    }

    /// The person mention `m` is a judge's: "Judge" or "Justice" just before
    /// the name (or opening it), or ", sitting with" just after it.
    fn is_judge(&self, m: &Mention) -> bool {
        let tokens = &self.sentences[m.sentence].tokens;
        let word = |i: usize| tokens.get(i).map_or("", |t| t.text(self.text));
        let titled = |i: usize| matches!(word(i), "Judge" | "Justice");
        // "Judge Lord Cullen": a peer's title may come between.
        let peer = m.tokens.start > 1 && matches!(word(m.tokens.start - 1), "Lord" | "Lady" | "Sir");
        let before = m.tokens.start.checked_sub(1 + usize::from(peer)).is_some_and(titled);
        let sitting =
            word(m.tokens.end) == "," && word(m.tokens.end + 1) == "sitting" && word(m.tokens.end + 2) == "with";
        // "the Justice Department": no name follows the title.
        let named = (m.tokens.start..m.tokens.end).any(|i| !titled(i) && !self.is_org_word(word(i)));
        named && (before || (titled(m.tokens.start) && m.tokens.len() > 1) || sitting)
    }

    /// A word that heads or opens an organization's name ("Department", "Ministry").
    fn is_org_word(&self, word: &str) -> bool {
        let words = &self.lexicon.words;
        words.org_head.contains(word) || words.org_start.contains(word)
    }
}

/// An organization's name that names a court: "the High Court", "the Court
/// of Session", "the Law Lords", "the employment tribunal".
fn is_court(name: &str) -> bool {
    name.split_whitespace().any(|w| matches!(w, "Court" | "court" | "Tribunal" | "tribunal"))
        || name.ends_with("Law Lords")
        || name.ends_with("law lords")
}

#[cfg(test)]
mod tests {
    use super::is_court;

    #[test]
    fn courts_are_named_by_court_tribunal_or_law_lords() {
        assert!(is_court("High Court"));
        assert!(is_court("the Court of Appeal"));
        assert!(is_court("Law Lords"));
        assert!(is_court("Employment Tribunal"));
        assert!(!is_court("House of Lords"));
        assert!(!is_court("Courtaulds"));
    }
}
