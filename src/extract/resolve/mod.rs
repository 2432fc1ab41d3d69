//! Resolution within a document: one entity per real thing. Surnames join
//! full names, role descriptions join the person holding the role (from the
//! document's titles, or from the people lexicon on the document's date),
//! pronouns join the nearest compatible entity, "the report" joins the report.
//!
//! [`resolve`] runs the passes in order: names are gathered and untyped
//! repeats adopted, named mentions get entities, stated roles become facts,
//! descriptions and pronouns join what came before them, publications become
//! facts, and last the entities are counted and given their actor codes.

mod acronyms;
mod codes;
mod company_cues;
mod company_descriptions;
mod descriptions;
mod document_titles;
mod governments;
mod judges;
mod lexicon_titles;
mod names;
mod resolver;
mod titled_descriptions;

use super::extraction::{Entity, Mention, Relation};
use super::lexicon::Lexicon;
use super::mentions::Found;
use crate::text::Sentence;
use acronyms::acronyms_join_long_forms;
use company_cues::companies_by_cue_words;
use names::{PersonNames, adopt_repeated_names, companies_stay_companies};
use resolver::{Resolver, in_document_order};

pub(crate) struct Resolved {
    /// Resolved mentions, in document order.
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// Relations stated by titles and descriptions (roles, "report by").
    pub facts: Vec<Relation>,
}

pub(crate) fn resolve(
    text: &str,
    doc_id: &str,
    date: Option<&str>,
    sentences: &[Sentence],
    found: Found,
    lexicon: &Lexicon,
) -> Resolved {
    let Found { mut mentions, roles, publishers, mut unknown, unplaced_titles } = found;
    companies_by_cue_words(text, sentences, &mut mentions, &mut unknown, lexicon);
    companies_stay_companies(&mut mentions, lexicon);
    acronyms_join_long_forms(text, sentences, &mut mentions, &mut unknown);
    let names = PersonNames::of(&mentions);
    adopt_repeated_names(&mut mentions, unknown, &names);
    let (mut mentions, order) = in_document_order(mentions);
    let mut r = Resolver::new(text, doc_id, date, sentences, lexicon);
    r.name_entities(&mut mentions, &names);
    r.stated_roles(&mentions, &roles, &order);
    r.titles_placed_by_lexicon(&mentions, &unplaced_titles, &order);
    r.titles_placed_by_document(&mentions, &unplaced_titles, &order);
    r.judges_on_courts(&mentions);
    r.descriptions_and_pronouns(&mut mentions, &order);
    r.publications(&mentions, &publishers, &order);
    let kept = r.keep_resolved(mentions);
    r.facts.retain(|f| f.subject != f.object);
    r.person_codes();
    r.one_state_codes(&kept);
    Resolved { mentions: kept, entities: r.entities, facts: r.facts }
}
