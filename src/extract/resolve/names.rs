//! The names of a document before any entity: full person names and the
//! short names that stand for them, and the kinds the document gives names
//! no lexicon backs, for adopting the capitalised names found with no cue.

use rustc_hash::FxHashMap as HashMap;

use crate::extract::extraction::{Cue, EntityKind, Mention};
use crate::extract::lexicon::Lexicon;

/// The kind a rule or the tagger gave a name that no lexicon backs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FreeKind {
    Person,
    Place,
    Organization,
}

impl FreeKind {
    /// In the order that wins a tie of votes.
    const ALL: [FreeKind; 3] = [FreeKind::Person, FreeKind::Place, FreeKind::Organization];

    /// A name typed by rule or tagger rather than by a lexicon, and its kind.
    fn of(cue: &Cue) -> Option<(&str, FreeKind)> {
        match cue {
            Cue::Person { name, lexicon: None } => Some((name, FreeKind::Person)),
            Cue::Place { name, state: None } => Some((name, FreeKind::Place)),
            Cue::Org { name, lexicon: None, state: None } => Some((name, FreeKind::Organization)),
            _ => None,
        }
    }

    fn cue(self, name: String) -> (EntityKind, Cue) {
        match self {
            FreeKind::Person => (EntityKind::Person, Cue::Person { name, lexicon: None }),
            FreeKind::Place => (EntityKind::Place, Cue::Place { name, state: None }),
            FreeKind::Organization => (EntityKind::Organization, Cue::Org { name, lexicon: None, state: None }),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
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
        for m in mentions {
            if let Cue::Person { name, .. } = &m.cue
                && let Some((_, last)) = name.rsplit_once(' ')
            {
                by_surname.entry(last.to_string()).or_insert_with(|| name.clone());
            }
        }
        let mut by_first_name: HashMap<String, Option<String>> = HashMap::default();
        for full in by_surname.values() {
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
        lexicon_index: Option<usize>,
        lexicon: &'s Lexicon,
    ) -> Option<&'s str> {
        if !name.contains(' ')
            && let Some(full) =
                self.by_surname.get(name).or_else(|| self.by_first_name.get(name).and_then(Option::as_ref))
        {
            return Some(full);
        }
        match lexicon_index {
            Some(p) if !self.is_full_name(name) || name == lexicon.people[p].name => {
                let lexicon_name = &lexicon.people[p].name;
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
            if let Some((name, kind)) = FreeKind::of(&m.cue) {
                // A name already counted is not copied again.
                match votes.get_mut(name) {
                    Some(counts) => counts[kind.index()] += 1,
                    None => votes.entry(name.to_string()).or_default()[kind.index()] += 1,
                }
            }
        }
        NameVotes(votes)
    }

    /// The kind most mentions of `name` have; a tie goes to the earlier kind of [`FreeKind::ALL`].
    fn majority(&self, name: &str) -> Option<FreeKind> {
        let v = self.0.get(name)?;
        FreeKind::ALL.into_iter().max_by_key(|&k| (v[k.index()], std::cmp::Reverse(k.index())))
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
            (m.kind, m.cue) = winner.cue(name);
            mentions.push(m);
        }
    }
}
