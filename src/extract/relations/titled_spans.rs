//! A titled person's span in an event: "President Lincoln" and "Dr. Martin
//! Luther King Jr." are the names the text gives the one acted on or
//! acting, so an event's argument covers a bare capitalised title before
//! the name, not the lower-case description before that ("civil rights
//! leader"). A title that opens with its state ("US President Joe Biden")
//! states a role, and a role relation keeps the bare name: there the title
//! is the trigger. In CoNLL04's training set every titled victim of a Kill
//! carries the title in its span (55 of 55), while the heads of Work_For
//! leave it out (33 of 35).

use std::ops::Range;

use super::frame::{Argument, Frame};
use crate::extract::extraction::{EntityKind, Form};
use crate::text::TokenKind;

impl Frame<'_> {
    /// The span of a person `argument` widened over its capitalised title; other arguments as they are.
    pub(super) fn titled_span(&self, argument: &Argument) -> Range<usize> {
        let tokens = &self.sentence.tokens;
        let titled = self.mentions.iter().find(|m| {
            m.entity == Some(argument.0)
                && m.span == argument.1
                && m.kind == EntityKind::Person
                && m.form == Form::Name
                && m.phrase_start < m.tokens.start
        });
        let Some(person) = titled else { return argument.1.clone() };
        let mut start = person.tokens.start;
        while start > person.phrase_start && self.is_title_word(start - 1) {
            start -= 1;
        }
        // Only a bare title is part of the name: one that opens with its state
        // ("US President Joe Biden") states a role, whose edge the title is.
        if start == person.tokens.start || start != person.phrase_start {
            return argument.1.clone();
        }
        tokens[start].start..argument.1.end
    }

    /// A capitalised word or abbreviation of a title ("President", "Sen.", "Dr."), in no mention.
    fn is_title_word(&self, i: usize) -> bool {
        let token = &self.sentence.tokens[i];
        let capital = self.word(i).starts_with(char::is_uppercase);
        token.kind == TokenKind::Word && capital && !self.in_mention(i)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Pipeline;
    use crate::input::Document;

    /// Each relation's label and the text of its subject and object spans.
    fn spans(text: &str) -> Vec<(String, String, String)> {
        let doc = Document { id: "d".into(), text: text.into(), ..Document::default() };
        let extraction = Pipeline::embedded().extract(&doc);
        let part = |span: &std::ops::Range<usize>| text[span.clone()].to_string();
        extraction
            .relations
            .iter()
            .map(|r| (r.kind.label.clone(), part(&r.subject_span), part(&r.object_span)))
            .collect()
    }

    #[test]
    fn an_events_person_carries_its_capitalised_title() {
        let found = spans("Corwin Tally assassinated Governor Alden Fray in 1901.");
        let expected = ("attacked".to_string(), "Corwin Tally".to_string(), "Governor Alden Fray".to_string());
        assert!(found.contains(&expected), "{found:?}");
    }

    #[test]
    fn a_lower_case_description_stays_out_of_the_span() {
        let found = spans("Corwin Tally assassinated the popular mayor Alden Fray in 1901.");
        assert!(found.iter().any(|(label, _, object)| label == "attacked" && object == "Alden Fray"), "{found:?}");
    }
}
