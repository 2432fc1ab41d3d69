//! The names of a document before any entity: full person names and the
//! short names that stand for them, and the kinds the document gives names
//! no lexicon backs, for adopting the capitalised names found with no cue.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::extract::extraction::{Cue, EntityKind, Form, Mention};
use crate::extract::lexicon::{Lexicon, WordClass};
use crate::extract::vocabulary::{NameType, PersonId};

/// The name types a document votes on, in the order that wins a tie of votes.
const VOTED: [NameType; 3] = [NameType::Person, NameType::Place, NameType::Organization];

/// A name typed by rule or tagger rather than by a lexicon, and its type.
fn free_name(cue: &Cue) -> Option<(&str, NameType)> {
    match cue {
        Cue::Person { name, lexicon: None } => Some((name, NameType::Person)),
        Cue::Place { name, state: None } => Some((name, NameType::Place)),
        Cue::Org { name, lexicon: None, state: None } => Some((name, NameType::Organization)),
        _ => None,
    }
}

/// The kind and cue of a name of a voted type.
fn typed_cue(name_type: NameType, name: String) -> (EntityKind, Cue) {
    match name_type {
        NameType::Person => (EntityKind::Person, Cue::Person { name, lexicon: None }),
        NameType::Place => (EntityKind::Place, Cue::Place { name, state: None }),
        NameType::Organization => (EntityKind::Organization, Cue::Org { name, lexicon: None, state: None }),
        NameType::Other => unreachable!("only the types of VOTED win a vote"),
    }
}

/// A voted type's place in a name's vote counts.
fn vote_index(name_type: NameType) -> usize {
    name_type as usize
}

/// The document's full person names, for the short names that stand for them.
pub(super) struct PersonNames {
    /// Full names by surname, so "Antanov" joins "Anatoly Antanov".
    by_surname: HashMap<String, String>,
    /// Full names by first name ("Daniel"): `None` where more than one full name starts with it.
    by_first_name: HashMap<String, Option<String>>,
}

impl PersonNames {
    pub(super) fn of(mentions: &[Mention]) -> Self {
        let mut by_surname: HashMap<String, String> = HashMap::default();
        // Every full name, those that share a surname included ("Moazzam Begg"
        // and his father "Azmat Begg": "Azmat" is the father's).
        let mut full_names: Vec<&String> = Vec::new();
        for m in mentions {
            if let Cue::Person { name, .. } = &m.cue
                && let Some((_, last)) = name.rsplit_once(' ')
            {
                by_surname.entry(last.to_string()).or_insert_with(|| name.clone());
                full_names.push(name);
            }
        }
        let mut by_first_name: HashMap<String, Option<String>> = HashMap::default();
        for full in full_names {
            if let Some((first, _)) = full.split_once(' ') {
                by_first_name
                    .entry(first.to_string())
                    .and_modify(|f| {
                        if f.as_deref() != Some(full.as_str()) {
                            *f = None;
                        }
                    })
                    .or_insert_with(|| Some(full.clone()));
            }
        }
        PersonNames { by_surname, by_first_name }
    }

    /// `name` is a full name of the document: the one kept under its own surname.
    fn is_full_name(&self, name: &str) -> bool {
        name.rsplit_once(' ').is_some_and(|(_, last)| self.by_surname.get(last).is_some_and(|full| full == name))
    }

    fn is_surname(&self, name: &str) -> bool {
        self.by_surname.contains_key(name)
    }

    /// `name` starts exactly one full name of the document.
    fn is_first_name_of_one(&self, name: &str) -> bool {
        self.by_first_name.get(name).is_some_and(Option::is_some)
    }

    /// The name a person mention stands for, where it is not the mention's own.
    pub(super) fn canonical<'s>(
        &'s self,
        name: &str,
        lexicon_index: Option<PersonId>,
        lexicon: &'s Lexicon,
    ) -> Option<&'s str> {
        if !name.contains(' ')
            && let Some(full) =
                self.by_surname.get(name).or_else(|| self.by_first_name.get(name).and_then(Option::as_ref))
        {
            return Some(full);
        }
        match lexicon_index {
            Some(p) if !self.is_full_name(name) || name == lexicon.person(p).name => {
                let lexicon_name = &lexicon.person(p).name;
                let last = lexicon_name.rsplit(' ').next().unwrap_or(lexicon_name);
                Some(self.by_surname.get(last).unwrap_or(lexicon_name))
            }
            _ => None,
        }
    }
}

/// How the document types each name that no lexicon backs, for adopting
/// the untyped repeats. (Rewriting the minority readings as well was
/// measured: it cost 0.002 F1 on eng.testa, so it is not done.)
struct NameVotes(HashMap<String, [usize; 3]>);

impl NameVotes {
    fn count(mentions: &[Mention]) -> Self {
        let mut votes: HashMap<String, [usize; 3]> =
            HashMap::with_capacity_and_hasher(mentions.len(), Default::default());
        for m in mentions {
            if let Some((name, kind)) = free_name(&m.cue) {
                // A name already counted is not copied again.
                match votes.get_mut(name) {
                    Some(counts) => counts[vote_index(kind)] += 1,
                    None => votes.entry(name.to_string()).or_default()[vote_index(kind)] += 1,
                }
            }
        }
        NameVotes(votes)
    }

    /// The type most mentions of `name` have; a tie goes to the earlier type of [`VOTED`].
    fn majority(&self, name: &str) -> Option<NameType> {
        let v = self.0.get(name)?;
        VOTED.into_iter().max_by_key(|&k| (v[vote_index(k)], std::cmp::Reverse(vote_index(k))))
    }
}

/// Capitalised names with no cue count when they repeat a person's name or
/// a name typed elsewhere in the document.
pub(super) fn adopt_repeated_names(mentions: &mut Vec<Mention>, unknown: Vec<Mention>, names: &PersonNames) {
    let votes = NameVotes::count(mentions);
    for mut m in unknown {
        let Cue::Person { name, .. } = &m.cue else { continue };
        if names.is_surname(name) || names.is_full_name(name) || names.is_first_name_of_one(name) {
            mentions.push(m);
        } else if let Some(winner) = votes.majority(name) {
            let name = name.clone();
            (m.kind, m.cue) = typed_cue(winner, name);
            mentions.push(m);
        }
    }
}

/// A name the document gives an organization stays one where a person's
/// name repeats it ("Orvane SpA ... Orvane said"): the bare name, or the
/// company's name without its legal form, takes the organization's cue.
/// A title before it or in it ("Mr Orvane", "Sir Orvane"), a first name
/// ("Ana Orvane") or a full person name ending in it keeps it a person, and
/// a name of several words needs the legal form ("Orvane Sun Life Ltd") or
/// most of its mentions typed organization.
/// Measured: eng.testa ORG F1 0.792 -> 0.798, PER 0.900 -> 0.904; BBC dev
/// corpus persons 2,080 -> 2,003 (Fiat, Xstrata, Menatep, Shell ... now companies).
pub(super) fn companies_stay_companies(mentions: &mut [Mention], lexicon: &Lexicon) {
    for (person, company) in company_renames(mentions, lexicon) {
        let cue = mentions[company].cue.clone();
        let m = &mut mentions[person];
        m.kind = EntityKind::Organization;
        m.cue = cue;
    }
}

/// (person mention, organization mention it names) pairs for
/// [`companies_stay_companies`]. Names are borrowed from the mentions, a
/// name without its legal form being a prefix of it: building owned keys
/// and cues for every organization cost 20 M instructions on the BBC corpus.
fn company_renames(mentions: &[Mention], lexicon: &Lexicon) -> Vec<(usize, usize)> {
    let suffixes = &lexicon.lists.org_suffix;
    // Each name with its organization's mention and whether a legal form was cut from it.
    let mut companies: HashMap<&str, (usize, bool)> = HashMap::default();
    let mut surnames: HashSet<&str> = HashSet::default();
    // Mentions of each name typed organization (plus) and person (minus).
    let mut org_lead: HashMap<&str, isize> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        match &m.cue {
            Cue::Org { name, .. } if m.form == Form::Name => {
                let bare = without_legal_form(name, suffixes);
                *org_lead.entry(name).or_default() += 1;
                companies.entry(bare).or_insert((i, bare.len() < name.len()));
                companies.entry(name).or_insert((i, false));
            }
            Cue::Person { name, .. } => {
                *org_lead.entry(name).or_default() -= 1;
                if let Some((_, last)) = name.rsplit_once(' ') {
                    surnames.insert(last);
                }
            }
            _ => {}
        }
    }
    if companies.is_empty() {
        return Vec::new();
    }
    let renamed = |(i, m): (usize, &Mention)| {
        let Cue::Person { name, lexicon: None } = &m.cue else { return None };
        // Most person names name no company: ask that first.
        let &(company, cut) = companies.get(name.as_str())?;
        let first = name.split(' ').next().unwrap_or(name);
        let person_cue = m.phrase_start < m.tokens.start
            || lexicon.classes.is_first_name(first)
            || (first.len() < name.len() && lexicon.titles.starts_with_token(first));
        if person_cue || m.form != Form::Name || surnames.contains(name.as_str()) {
            return None;
        }
        // A name of several words is a company's by its legal form or by most
        // of its mentions: the tagger reads some full person names as
        // organizations ("Valeska Paris" once of two mentions).
        let org_majority = org_lead.get(name.as_str()).is_some_and(|&lead| lead > 0);
        (cut || org_majority || !name.contains(' ')).then_some((i, company))
    };
    mentions.iter().enumerate().filter_map(renamed).collect()
}

/// `name` without the legal-form words that end it ("Orvane SpA" → "Orvane"),
/// keeping at least one word.
fn without_legal_form<'n>(name: &'n str, suffixes: &WordClass) -> &'n str {
    let mut bare = name;
    while let Some((rest, last)) = bare.rsplit_once(' ') {
        if !suffixes.contains(last) {
            break;
        }
        bare = rest;
    }
    bare
}
