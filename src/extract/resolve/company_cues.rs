//! Companies and bodies the tagger or the cue rules read as persons, typed
//! by the words around one of their mentions ("US airline Qantas", "Qantas's
//! shares", "shares in Qantas"), and then in every mention of the name in the
//! document. The cue words are the `company_noun` and `company_possession`
//! lists of `words.tsv`.

use rustc_hash::FxHashSet as HashSet;

use crate::extract::extraction::{Cue, EntityKind, Form, Mention};
use crate::extract::lexicon::Lexicon;
use crate::text::{Sentence, TokenKind};

/// Retypes as an organization every free person name of the document that
/// one of its mentions marks as a company by a cue word, unless a title,
/// a first name or a fuller person name of the document keeps it a person.
pub(super) fn companies_by_cue_words(text: &str, sentences: &[Sentence], mentions: &mut [Mention], lexicon: &Lexicon) {
    let mut surnames: HashSet<&str> = HashSet::default();
    for m in mentions.iter() {
        if let Cue::Person { name, .. } = &m.cue
            && let Some((_, last)) = name.rsplit_once(' ')
        {
            surnames.insert(last);
        }
    }
    let mut companies: HashSet<String> = HashSet::default();
    for m in mentions.iter() {
        if let Some(name) = free_person_name(m, lexicon)
            && !surnames.contains(name)
            && has_company_cue(text, &sentences[m.sentence], m, lexicon)
        {
            companies.insert(name.to_string());
        }
    }
    if companies.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if let Some(name) = free_person_name(m, lexicon)
            && companies.contains(name)
        {
            let name = name.to_string();
            (m.kind, m.cue) = (EntityKind::Organization, Cue::Org { name, lexicon: None, state: None });
        }
    }
}

/// The name of a person mention that nothing but the tagger or a weak cue
/// typed: no lexicon entry, no title before it, no first name or title in it.
fn free_person_name<'m>(m: &'m Mention, lexicon: &Lexicon) -> Option<&'m str> {
    let Cue::Person { name, lexicon: None } = &m.cue else { return None };
    let first = name.split(' ').next().unwrap_or(name);
    let person_cue = m.phrase_start < m.tokens.start
        || lexicon.classes.is_first_name(first)
        || (first.len() < name.len() && lexicon.titles.starts_with_token(first));
    (m.form == Form::Name && !person_cue).then_some(name.as_str())
}

/// "airline Qantas", "Qantas's shares", "Qantas shares", "shares in Qantas".
fn has_company_cue(text: &str, sentence: &Sentence, m: &Mention, lexicon: &Lexicon) -> bool {
    let lists = &lexicon.lists;
    let tokens = &sentence.tokens;
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let start = m.tokens.start;
    let before = start.checked_sub(1).map_or("", word);
    let noun_before = lists.company_noun.contains(before);
    let shares_in = start >= 2 && before == "in" && matches!(word(start - 2), "shares" | "stake" | "stakes");
    let end = m.tokens.end;
    // "Qantas's shares", and the name as a modifier: "Qantas shares fell".
    let after = if tokens.get(end).is_some_and(|t| t.kind == TokenKind::Possessive) { end + 1 } else { end };
    let possession = lists.company_possession.contains(word(after));
    noun_before || shares_in || possession
}
