//! Acronyms joined to their long forms within a document: one defined in
//! parentheses after the name ("the Norwegian Refugee Council (NRC)"), and
//! one that spells the initials of a single organization the document names
//! ("the Federal Aviation Administration ... the FAA"). The short form takes
//! the long form's cue, so both resolve to one entity. Short forms that no
//! text defines ("Fed", "Lib Dems") are aliases in `organizations.tsv`.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use crate::extract::extraction::{Cue, EntityKind, Form, Mention};
use crate::text::{Sentence, TokenKind};

/// Lower-case words skipped by the initials ("Bank of England" is "BE"), or
/// kept ("MoD"): an acronym may spell them or not.
const LINKS: [&str; 8] = ["of", "the", "and", "for", "on", "in", "de", "&"];

/// Joins each acronym of the document to its long form: the mentions (and
/// untyped capitalised names, which move to `mentions`) that spell it take
/// the long form's kind and cue; a parenthesised acronym that no rule found
/// becomes a mention of its own.
pub(super) fn acronyms_join_long_forms(
    text: &str,
    sentences: &[Sentence],
    mentions: &mut Vec<Mention>,
    unknown: &mut Vec<Mention>,
) {
    let mut long_forms: HashMap<String, Option<usize>> = HashMap::default();
    let mut defined = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if !is_long_form(m) {
            continue;
        }
        if let Some(acronym) = parenthesised_acronym(text, sentences, mentions, i) {
            defined.push((i, acronym));
        }
        // Organizations whose initials spell an acronym, for acronyms no parenthesis defines.
        // Two letters spell the initials of too many names ("N.H.").
        if let Cue::Org { name, .. } = &m.cue {
            for initials in initials(name).into_iter().filter(|i| i.len() >= 3) {
                long_forms
                    .entry(initials)
                    .and_modify(|o| {
                        if o.is_some_and(|o| !same_cue(&mentions[o].cue, &m.cue)) {
                            *o = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
    }
    let mut joined: HashMap<String, usize> =
        long_forms.into_iter().filter_map(|(acronym, long)| long.map(|l| (acronym, l))).collect();
    for (long, (sentence, tokens, span)) in defined {
        joined.insert(text[span.clone()].replace('.', ""), long);
        if !mentions.iter().chain(unknown.iter()).any(|m| m.span == span) {
            let short = Mention {
                sentence,
                phrase_start: tokens.start,
                tokens,
                span,
                head: true,
                entity: None,
                ..mentions[long].clone()
            };
            mentions.push(short);
        }
    }
    if joined.is_empty() {
        return;
    }
    let long_of = |m: &Mention| {
        let name = short_name(m)?;
        // Most acronyms have no period to drop: no string is built for them.
        let long = if name.contains('.') { joined.get(&name.replace('.', "")) } else { joined.get(name) };
        long.copied()
    };
    for i in 0..mentions.len() {
        if let Some(long) = long_of(&mentions[i])
            && long != i
        {
            (mentions[i].kind, mentions[i].cue) = (mentions[long].kind, mentions[long].cue.clone());
        }
    }
    let (spelt, rest): (Vec<Mention>, Vec<Mention>) =
        std::mem::take(unknown).into_iter().partition(|m| long_of(m).is_some());
    *unknown = rest;
    for mut m in spelt {
        let long = long_of(&m).expect("partitioned on it");
        (m.kind, m.cue) = (mentions[long].kind, mentions[long].cue.clone());
        mentions.push(m);
    }
}

/// A named organization, or a place no lexicon backs, of several words:
/// what an acronym may stand for.
fn is_long_form(m: &Mention) -> bool {
    m.form == Form::Name
        && match &m.cue {
            Cue::Org { name, .. } => name.contains(' '),
            // A person's initials in parentheses ("Alan John Percivale (A.J.P.) Taylor") name no body.
            Cue::Place { name, state: None } => name.contains(' '),
            _ => false,
        }
}

/// Two cues that resolve to one entity.
fn same_cue(a: &Cue, b: &Cue) -> bool {
    match (a, b) {
        (Cue::Org { name: x, lexicon: lx, .. }, Cue::Org { name: y, lexicon: ly, .. }) => {
            lx.is_some() && lx == ly || lx.is_none() && ly.is_none() && x == y
        }
        _ => false,
    }
}

/// The name of a mention that may be an acronym: two to eight letters, all
/// capitals but for a lower-case "o" ("MoD") or periods ("F.A.A.").
fn short_name(m: &Mention) -> Option<&str> {
    let (Cue::Org { name, lexicon: None, .. } | Cue::Person { name, lexicon: None } | Cue::Place { name, state: None }) =
        &m.cue
    else {
        return None;
    };
    is_acronym(name).then_some(name.as_str())
}

fn is_acronym(word: &str) -> bool {
    // The character test first: it turns most names away at their second letter.
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&' || c.is_ascii_lowercase() && "oft".contains(c))
        && (2..=8).contains(&word.chars().filter(|c| *c != '.').count())
        && word.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// The acronym in parentheses right after mention `long` (or after the run
/// of mentions ending with it, "Norwegian" + "Refugee Council (NRC)"), when
/// it spells their initials: its sentence, tokens and bytes.
fn parenthesised_acronym(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    long: usize,
) -> Option<(usize, Range<usize>, Range<usize>)> {
    let m = &mentions[long];
    let tokens = &sentences.get(m.sentence)?.tokens;
    let end = m.tokens.end;
    let [open, word, close] = tokens.get(end..end + 3)? else { return None };
    let acronym = &text[word.start..word.end];
    if text[open.start..open.end] != *"(" || text[close.start..close.end] != *")" || word.kind != TokenKind::Word {
        return None;
    }
    if !is_acronym(acronym) {
        return None;
    }
    let wanted = acronym.replace('.', "").to_uppercase();
    // The long form, and the same with the mentions just before it in its sentence.
    let mut start = m.span.start;
    let mut earlier: Vec<&Mention> =
        mentions.iter().filter(|p| p.sentence == m.sentence && p.span.end <= m.span.start).collect();
    earlier.sort_by_key(|p| std::cmp::Reverse(p.span.start));
    let mut earlier = earlier.into_iter();
    loop {
        if initials(&text[start..m.span.end]).iter().any(|i| i.to_uppercase() == wanted) {
            return Some((m.sentence, end + 1..end + 2, word.start..word.end));
        }
        let previous = earlier.next()?;
        if !text[previous.span.end..start].chars().all(char::is_whitespace) || previous.kind == EntityKind::Person {
            return None;
        }
        start = previous.span.start;
    }
}

/// The initials of `name`'s capitalised words (and of the capitalised parts
/// of hyphenated ones), without and with the letters of its link words:
/// "Ministry of Defence" → "MD", "MoD".
fn initials(name: &str) -> Vec<String> {
    let (mut bare, mut linked) = (String::new(), String::new());
    for word in name.split([' ', '-']).filter(|w| !w.is_empty()) {
        let first = word.chars().next().expect("not empty");
        if LINKS.contains(&word) {
            linked.push(first);
        } else if first.is_uppercase() {
            bare.push(first);
            linked.push(first);
        }
    }
    if bare.chars().count() < 2 {
        return Vec::new();
    }
    if linked == bare { vec![bare] } else { vec![bare, linked] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_or_keep_link_words() {
        assert_eq!(initials("Ministry of Defence"), ["MD", "MoD"]);
        assert_eq!(initials("Federal Aviation Administration"), ["FAA"]);
        assert_eq!(initials("Organisation for Economic Co-operation and Development"), ["OECD", "OfECaD"]);
        assert!(initials("Labour").is_empty());
    }

    #[test]
    fn acronyms_are_short_capitals() {
        for word in ["NRC", "MoD", "F.A.A.", "AT&T"] {
            assert!(is_acronym(word), "{word}");
        }
        for word in ["Nrc", "N", "Labour", "TOOLONGNAME", "nrc"] {
            assert!(!is_acronym(word), "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_character_test_first_changes_no_answer(word in "[A-Za-z.&é]{0,12}") {
            let plain = (2..=8).contains(&word.chars().filter(|c| *c != '.').count())
                && word.starts_with(|c: char| c.is_ascii_uppercase())
                && word.chars().filter(char::is_ascii_uppercase).count() >= 2
                && word.chars().all(|c| {
                    c.is_ascii_uppercase() || c == '.' || c == '&' || c.is_ascii_lowercase() && "oft".contains(c)
                });
            proptest::prop_assert_eq!(is_acronym(&word), plain);
        }
    }
}
