//! The tag sets: the seventeen universal parts of speech and a coarse set of
//! dependency relations (UD's subtypes the relation stages need are kept,
//! the rest fold into their base relation or `dep`).

macro_rules! tag_set {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            /// Every value, in the order of their indices.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// How many there are.
            pub const COUNT: usize = $name::ALL.len();

            /// The name the treebank writes.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The value of this exact name.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The value at `index` (see [`Self::ALL`]).
            pub fn from_index(index: usize) -> Self {
                $name::ALL[index]
            }

            /// Its place in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

tag_set! {
    /// A universal part of speech.
    Upos {
        Noun = "NOUN", Punct = "PUNCT", Verb = "VERB", Pron = "PRON", Adp = "ADP", Det = "DET",
        Adj = "ADJ", Aux = "AUX", Propn = "PROPN", Adv = "ADV", Cconj = "CCONJ", Part = "PART",
        Num = "NUM", Sconj = "SCONJ", Sym = "SYM", Intj = "INTJ", X = "X",
    }
}

tag_set! {
    /// A dependency relation: UD's, with the subtypes the relation stages
    /// read kept (`nsubj:pass`, `obl:agent`, `nmod:poss`, `acl:relcl`,
    /// `aux:pass`, `compound:prt`) and the others folded (see [`Label::fold`]).
    Label {
        Root = "root", Punct = "punct", Case = "case", Nsubj = "nsubj", Det = "det", Advmod = "advmod",
        Obj = "obj", Amod = "amod", Obl = "obl", Conj = "conj", Compound = "compound", Mark = "mark",
        Nmod = "nmod", Cc = "cc", Aux = "aux", Cop = "cop", Advcl = "advcl", NmodPoss = "nmod:poss",
        Xcomp = "xcomp", Ccomp = "ccomp", AclRelcl = "acl:relcl", Flat = "flat", Parataxis = "parataxis",
        Nummod = "nummod", Appos = "appos", Acl = "acl", AuxPass = "aux:pass", NsubjPass = "nsubj:pass",
        Discourse = "discourse", CompoundPrt = "compound:prt", Iobj = "iobj", List = "list", Expl = "expl",
        Fixed = "fixed", OblAgent = "obl:agent", Csubj = "csubj", Vocative = "vocative", Dep = "dep",
    }
}

impl Label {
    /// The coarse label of a treebank relation: itself when kept, else its
    /// base relation ("obl:unmarked" → obl, "nsubj:outer" → nsubj), else `dep`
    /// (goeswith, reparandum, orphan, dislocated).
    pub fn fold(relation: &str) -> Label {
        Label::from_name(relation)
            .or_else(|| relation.split_once(':').and_then(|(base, _)| Label::from_name(base)))
            .unwrap_or(Label::Dep)
    }

    /// A subject: nsubj, nsubj:pass or csubj.
    pub fn is_subject(self) -> bool {
        matches!(self, Label::Nsubj | Label::NsubjPass | Label::Csubj)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_subtypes_fold() {
        for &label in Label::ALL {
            assert_eq!(Label::from_name(label.as_str()), Some(label));
            assert_eq!(Label::from_index(label.index()), label);
        }
        assert_eq!(Upos::COUNT, 17);
        assert_eq!(Label::fold("obl:unmarked"), Label::Obl);
        assert_eq!(Label::fold("nmod:poss"), Label::NmodPoss);
        assert_eq!(Label::fold("goeswith"), Label::Dep);
        assert_eq!(Label::fold("flat:foreign"), Label::Flat);
    }
}
