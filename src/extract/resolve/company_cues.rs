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
/// Untyped capitalised names (`unknown`) with a cue, or named as a company
/// elsewhere, join the mentions as organizations.
pub(super) fn companies_by_cue_words(
    text: &str,
    sentences: &[Sentence],
    mentions: &mut Vec<Mention>,
    unknown: &mut Vec<Mention>,
    lexicon: &Lexicon,
) {
    let mut surnames: HashSet<&str> = HashSet::default();
    for m in mentions.iter() {
        if let Cue::Person { name, .. } = &m.cue
            && let Some((_, last)) = name.rsplit_once(' ')
        {
            surnames.insert(last);
        }
    }
    let mut companies: HashSet<String> = HashSet::default();
    // An untyped name is often a capitalised word at a sentence's start
    // ("Net profit rose"): it needs a cue before it or a possessive.
    let typed = mentions.iter().map(|m| (m, true));
    for (m, typed) in typed.chain(unknown.iter().map(|m| (m, false))) {
        if let Some(name) = free_person_name(m, lexicon)
            && !surnames.contains(name)
            && has_company_cue(text, &sentences[m.sentence], m, lexicon, typed)
        {
            companies.insert(name.to_string());
        }
    }
    if companies.is_empty() {
        return;
    }
    // A longer name that starts with a company's is the company's too
    // ("Santander's board" ... "Santander Central Hispano").
    let named = |name: &str| {
        companies.contains(name) || name.split_once(' ').is_some_and(|(first, _)| companies.contains(first))
    };
    let is_company = |m: &Mention| free_person_name(m, lexicon).is_some_and(named);
    let (typed, untyped): (Vec<Mention>, Vec<Mention>) = std::mem::take(unknown).into_iter().partition(is_company);
    *unknown = untyped;
    mentions.extend(typed);
    for m in mentions.iter_mut() {
        if let Some(name) = free_person_name(m, lexicon)
            && named(name)
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
    // A single letter is no company's name ("offered by company N / A").
    (m.form == Form::Name && !person_cue && name.chars().nth(1).is_some()).then_some(name.as_str())
}

/// "airline Qantas", "Qantas's shares", "shares in Qantas", "Sydney-based
/// Qantas", and where `as_modifier` "Qantas shares".
fn has_company_cue(text: &str, sentence: &Sentence, m: &Mention, lexicon: &Lexicon, as_modifier: bool) -> bool {
    let lists = &lexicon.lists;
    let tokens = &sentence.tokens;
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let start = m.tokens.start;
    let before = start.checked_sub(1).map_or("", word);
    let noun_before = lists.company_noun.contains(before);
    let shares_in = start >= 2 && before == "in" && matches!(word(start - 2), "shares" | "stake" | "stakes");
    // "Ontario-based Magna": 23 BBC dev documents, each before a company or body.
    let based = start >= 2 && before == "based" && word(start - 2) == "-";
    let end = m.tokens.end;
    // "Qantas's shares", and the name as a modifier: "Qantas shares fell".
    let possessive = tokens.get(end).is_some_and(|t| t.kind == TokenKind::Possessive);
    let possession =
        (possessive || as_modifier) && lists.company_possession.contains(word(end + usize::from(possessive)));
    noun_before || shares_in || based || possession
}
