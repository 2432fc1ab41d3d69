//! The word lists the relation frames test tokens against (lower case).

/// Words that open a prepositional phrase.
pub(super) const PREPOSITIONS: &[&str] = &[
    "of",
    "for",
    "over",
    "in",
    "on",
    "at",
    "to",
    "with",
    "from",
    "about",
    "against",
    "by",
    "as",
    "after",
    "into",
    "during",
    "since",
    "within",
    "without",
    "inside",
    "outside",
    "near",
    "among",
    "across",
    "through",
    "throughout",
    "under",
    "behind",
    "beyond",
    "toward",
    "towards",
    "upon",
    "like",
    "via",
    "aboard",
    "including",
];

/// Nouns that stand for the people of an "of" phrase: "a group of Moroccan diplomats".
pub(super) const QUANTITIES: &[&str] = &[
    "third",
    "half",
    "quarter",
    "majority",
    "rest",
    "inhabitants",
    "residents",
    "people",
    "citizens",
    "villagers",
    "group",
    "groups",
    "members",
    "member",
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "tens",
    "millions",
    "some",
    "many",
    "most",
    "all",
    "one",
    "two",
    "three",
    "delegation",
    "team",
    "contingent",
    "band",
    "crowd",
    "crowds",
];

/// Words after which a verb form is an adjective: "their donated photographs".
pub(super) const DETERMINERS: &[&str] =
    &["the", "a", "an", "their", "its", "his", "her", "our", "your", "this", "these", "those"];

/// Particles that make another verb of a trigger: "lifted off", "gave up".
pub(super) const PARTICLES: &[&str] = &["off", "up", "out", "away", "down", "back"];

/// Words passed over between an auxiliary or modal and its verb: "will also", "was reportedly".
pub(super) const ADVERBS: &[&str] = &[
    "already",
    "also",
    "not",
    "officially",
    "reportedly",
    "allegedly",
    "been",
    "either",
    "at",
    "least",
    "never",
    "further",
];
