//! What the classifier reads of a pair: the kinds, the words between and
//! around the two mentions, hashed to 32 bits without building strings.

use crate::extract::extraction::{Cue, EntityKind, Mention};
use crate::extract::lexicon::Lexicon;
use crate::text::{Token, TokenKind};

/// Token sequences between the mentions up to this long are also one feature
/// (", the", "of", "in", "'s", "of the").
const SEQUENCE: usize = 4;

/// What a pair's features are computed from: the sentence's text and tokens
/// and its candidate mentions, the pair being two of them in sentence order.
pub(crate) struct PairView<'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token],
    pub(crate) mentions: &'a [&'a Mention],
    /// Each token's [`word_hash`], computed once per sentence: a pair reads
    /// the same words under several feature kinds, and hashing them again
    /// for each kind and pair took 6% of a one-thread build.
    pub(crate) words: &'a [u32],
    /// Each token's [`lexicon_cues`] (0 for none), computed once per sentence.
    pub(crate) cues: &'a [u32],
}

/// The feature kinds, each hashed before its text.
#[derive(Clone, Copy)]
#[repr(u8)]
pub(crate) enum Kind {
    Bias = 1,
    Distance,
    Between,
    FirstBetween,
    LastBetween,
    Before,
    After,
    FirstLast,
    SecondLast,
    Sequence,
    Shape,
    MentionBetween,
    Heads,
    BetweenPair,
    FirstBetweenKinds,
    SecondFirst,
    BetweenKinds,
    FirstPhrase,
    SecondPhrase,
    BeforePair,
    SameState,
    BetweenCue,
}

pub(crate) use crate::extract::perceptron::fnv;

const FNV_BASIS: u32 = 0x811c_9dc5;

pub(crate) const fn seed(kind: Kind) -> u32 {
    fnv(FNV_BASIS, &[kind as u8])
}

/// What the lexicon says of each token of a sentence, as a hash (0 when it
/// says nothing): a trigger starts there (with its relation: "killed",
/// "joined"), a violent word or a company noun. The classifier reads these
/// between the mentions, so that a trigger CoNLL04 never shows still counts.
/// Titles are left out: with a title's role between, the class of "X, a
/// strategist at Y" on BBC text fell from 6 to 0.3 over "no relation".
#[cfg(test)]
pub(crate) fn lexicon_cues(text: &str, tokens: &[Token], lexicon: &Lexicon, out: &mut Vec<u32>) {
    out.clear();
    out.extend((0..tokens.len()).map(|s| cue_at(text, tokens, s, lexicon)));
}

/// [`lexicon_cues`] of the tokens that may lie between two of `mentions`
/// (after the first to end, before the last to start), 0 for the others:
/// the features read cues only between a pair. Looking up every token cost
/// 6% of a one-thread build (callgrind), most of it outside those tokens.
pub(crate) fn lexicon_cues_between(
    text: &str,
    tokens: &[Token],
    mentions: &[&Mention],
    lexicon: &Lexicon,
    out: &mut Vec<u32>,
) {
    out.clear();
    out.resize(tokens.len(), 0);
    let from = mentions.iter().map(|m| m.tokens.end).min().unwrap_or(0);
    let to = mentions.iter().map(|m| m.tokens.start).max().unwrap_or(0).min(tokens.len());
    for (s, cue) in out.iter_mut().enumerate().take(to).skip(from) {
        *cue = cue_at(text, tokens, s, lexicon);
    }
}

/// The lexicon's cue of token `s` (see [`lexicon_cues`]).
fn cue_at(text: &str, tokens: &[Token], s: usize, lexicon: &Lexicon) -> u32 {
    let mut cue = 0;
    if tokens[s].kind == TokenKind::Word {
        let word = tokens[s].text(text);
        lexicon.triggers.for_each_match_from(text, tokens, s, |_, id| {
            if cue == 0 {
                let kind = &lexicon.relation(lexicon.trigger_relations[id]).kind;
                cue = lower(fnv(FNV_BASIS, b"trigger "), &kind.label);
            }
        });
        if cue == 0 && lexicon.lists.violence.contains(word) {
            cue = fnv(FNV_BASIS, b"violence");
        } else if cue == 0 && lexicon.lists.company_descriptor.contains(word) {
            cue = fnv(FNV_BASIS, b"company");
        }
    }
    cue
}

/// Continues `hash` over a word's [`word_hash`].
pub(crate) const fn mix(hash: u32, word: u32) -> u32 {
    fnv(hash, &word.to_le_bytes())
}

/// A word's hash in lower case, with curly apostrophes straight.
pub(crate) fn word_hash(word: &str) -> u32 {
    lower(FNV_BASIS, word)
}

/// The [`word_hash`] of each token of a sentence, into `out`.
#[cfg(test)]
pub(crate) fn word_hashes(text: &str, tokens: &[Token], out: &mut Vec<u32>) {
    out.clear();
    out.extend(tokens.iter().map(|t| word_hash(t.text(text))));
}

/// [`word_hashes`] of the tokens the features of pairs of `mentions` may
/// read (from two before the first phrase to one after the last mention), 0
/// for the others: hashing every token of the sentence cost 3% of extraction
/// on the bench corpus (callgrind), a third of it outside those tokens.
pub(crate) fn word_hashes_around(text: &str, tokens: &[Token], mentions: &[&Mention], out: &mut Vec<u32>) {
    out.clear();
    out.resize(tokens.len(), 0);
    let from = mentions.iter().map(|m| m.phrase_start.min(m.tokens.start)).min().unwrap_or(0).saturating_sub(2);
    let to = mentions.iter().map(|m| m.tokens.end + 1).max().unwrap_or(0).min(tokens.len());
    for (s, hash) in out.iter_mut().enumerate().take(to).skip(from) {
        *hash = word_hash(tokens[s].text(text));
    }
}

/// Continues `hash` over `word` in lower case, with curly apostrophes
/// straight, allocating nothing: the hash of the plain lower-cased string.
pub(crate) fn lower(mut hash: u32, word: &str) -> u32 {
    if word.is_ascii() {
        for b in word.bytes() {
            hash = fnv(hash, &[b.to_ascii_lowercase()]);
        }
        return hash;
    }
    let mut buf = [0u8; 4];
    for c in word.chars() {
        let c = if matches!(c, '’' | 'ʼ') { '\'' } else { c };
        for l in c.to_lowercase() {
            hash = fnv(hash, l.encode_utf8(&mut buf).as_bytes());
        }
    }
    hash
}

fn kind_byte(kind: EntityKind) -> u8 {
    kind as u8 + b'a'
}

/// A few lengths: adjacent, close, a clause, far.
fn bucket(n: usize) -> u8 {
    match n {
        0..=3 => n as u8,
        4..=5 => 4,
        6..=8 => 5,
        9..=12 => 6,
        _ => 7,
    }
}

/// A token's shape between the mentions: its own text for punctuation and
/// the possessive, else whether it is a capitalised word, a number or a word.
fn shape(text: &str, token: &Token) -> u8 {
    match token.kind {
        TokenKind::Punct => text.as_bytes()[token.start],
        TokenKind::Possessive => b's',
        TokenKind::Number => b'9',
        TokenKind::Word if text[token.start..].starts_with(char::is_uppercase) => b'C',
        TokenKind::Word => b'w',
    }
}

/// Whether the lexicon places both mentions in one state ("Lyon" and
/// "France"), when it places both at all.
fn same_state(first: &Mention, second: &Mention) -> Option<bool> {
    let state = |m: &Mention| match m.cue {
        Cue::State(s) => Some(s),
        Cue::Place { state, .. } | Cue::Org { state, .. } => state,
        _ => None,
    };
    Some(state(first)? == state(second)?)
}

impl PairView<'_> {
    fn word_feature(&self, kind: Kind, i: usize) -> u32 {
        mix(seed(kind), self.words[i])
    }

    /// The features of the pair (`a`, `b`), indices into `mentions` with `a` first.
    pub(crate) fn features(&self, a: usize, b: usize, out: &mut Vec<u32>) {
        out.clear();
        let (first, second) = (self.mentions[a], self.mentions[b]);
        let kinds = [kind_byte(first.kind), kind_byte(second.kind)];
        let between = first.tokens.end..second.tokens.start;
        out.push(fnv(seed(Kind::Bias), &kinds));
        out.push(fnv(fnv(seed(Kind::Distance), &kinds), &[bucket(between.len())]));
        out.push(fnv(seed(Kind::Heads), &[u8::from(first.head), u8::from(second.head)]));
        for i in between.clone() {
            out.push(self.word_feature(Kind::Between, i));
            out.push(mix(fnv(seed(Kind::BetweenKinds), &kinds), self.words[i]));
        }
        for i in between.clone().filter(|&i| self.cues[i] != 0) {
            out.push(mix(fnv(seed(Kind::BetweenCue), &kinds), self.cues[i]));
        }
        for i in between.start + 1..between.end {
            out.push(mix(mix(seed(Kind::BetweenPair), self.words[i - 1]), self.words[i]));
        }
        if !between.is_empty() {
            out.push(self.word_feature(Kind::FirstBetween, between.start));
            out.push(self.word_feature(Kind::LastBetween, between.end - 1));
            out.push(mix(fnv(seed(Kind::FirstBetweenKinds), &kinds), self.words[between.start]));
        }
        if between.len() <= SEQUENCE {
            let mut hash = fnv(seed(Kind::Sequence), &kinds);
            for i in between.clone() {
                hash = mix(hash, self.words[i]);
            }
            out.push(hash);
        }
        let mut hash = seed(Kind::Shape);
        let mut last = 0;
        for i in between.clone().take(8) {
            let s = shape(self.text, &self.tokens[i]);
            if s != last || !matches!(s, b'w' | b'C') {
                hash = fnv(hash, &[s]);
            }
            last = s;
        }
        out.push(hash);
        out.push(match first.tokens.start.checked_sub(1) {
            Some(i) => self.word_feature(Kind::Before, i),
            None => fnv(seed(Kind::Before), b"<s>"),
        });
        out.push(match second.tokens.end {
            i if i < self.tokens.len() => self.word_feature(Kind::After, i),
            _ => fnv(seed(Kind::After), b"</s>"),
        });
        out.push(self.word_feature(Kind::FirstLast, first.tokens.end - 1));
        out.push(self.word_feature(Kind::SecondLast, second.tokens.end - 1));
        out.push(self.word_feature(Kind::SecondFirst, second.tokens.start));
        for m in &self.mentions[a + 1..b] {
            out.push(fnv(seed(Kind::MentionBetween), &[kind_byte(m.kind)]));
        }
        // The words of each mention's phrase before its name: a title ("assassin", "spokesman").
        for (kind, m) in [(Kind::FirstPhrase, first), (Kind::SecondPhrase, second)] {
            for i in m.phrase_start.min(m.tokens.start)..m.tokens.start {
                out.push(mix(fnv(seed(kind), &kinds), self.words[i]));
            }
        }
        if first.tokens.start >= 2 {
            let i = first.tokens.start;
            out.push(mix(mix(seed(Kind::BeforePair), self.words[i - 2]), self.words[i - 1]));
        }
        if let Some(same) = same_state(first, second) {
            out.push(fnv(fnv(seed(Kind::SameState), &kinds), &[u8::from(same)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lower_case_hashing_equals_hashing_the_lowered_string(word in "\\PC{0,12}") {
            // Char by char: `str::to_lowercase` knows the final sigma, a word's hash need not.
            let plain: String = crate::text::straight_apostrophes(&word).chars().flat_map(char::to_lowercase).collect();
            prop_assert_eq!(lower(7, &word), fnv(7, plain.as_bytes()));
        }
    }

    #[test]
    fn curly_and_straight_apostrophes_hash_alike() {
        assert_eq!(lower(1, "O’Neill"), lower(1, "o'neill"));
        assert_ne!(lower(1, "of"), lower(1, "in"));
    }

    #[test]
    fn a_pair_reads_the_words_between_and_around_in_lower_case() {
        use crate::extract::extraction::{Cue, Form};
        use crate::extract::vocabulary::EntityId;
        let features_of = |text: &str| {
            let sentence = &crate::text::analyze(text, 0..text.len())[0];
            let at = |tokens: std::ops::Range<usize>, kind, entity| Mention {
                sentence: 0,
                span: sentence.tokens[tokens.start].start..sentence.tokens[tokens.end - 1].end,
                tokens,
                phrase_start: 0,
                kind,
                form: Form::Name,
                head: true,
                cue: Cue::PersonPronoun,
                entity: Some(EntityId::new(entity)),
            };
            let mentions = [at(1..3, EntityKind::Person, 0), at(4..6, EntityKind::Organization, 1)];
            let refs: Vec<&Mention> = mentions.iter().collect();
            let mut out = Vec::new();
            let mut words = Vec::new();
            word_hashes(text, &sentence.tokens, &mut words);
            let cues = vec![0; words.len()];
            PairView { text, tokens: &sentence.tokens, mentions: &refs, words: &words, cues: &cues }
                .features(0, 1, &mut out);
            out
        };
        let plain = features_of("Yesterday Tom Reed of Acme Corp said so.");
        assert!(plain.contains(&mix(seed(Kind::Between), word_hash("of"))));
        assert!(plain.contains(&mix(seed(Kind::Before), word_hash("yesterday"))));
        assert!(plain.contains(&mix(seed(Kind::SecondLast), word_hash("corp"))));
        let sequence = mix(fnv(seed(Kind::Sequence), b"ac"), word_hash("of"));
        assert!(plain.contains(&sequence), "the words between, with the kinds");
        let shouted = features_of("YESTERDAY TOM REED OF ACME CORP SAID SO.");
        assert!(
            shouted.contains(&mix(seed(Kind::Between), word_hash("of"))) && shouted.contains(&sequence),
            "words in lower case"
        );
        assert_ne!(plain, features_of("Yesterday Tom Reed in Acme Corp said so."));
    }

    #[test]
    fn a_pair_reads_the_lexicon_cues_between_and_the_title_before_a_name() {
        use crate::extract::extraction::{Cue, Form};
        use crate::extract::vocabulary::EntityId;
        let text = "assassin Ann Tovey shot Joe Hale";
        let sentence = &crate::text::analyze(text, 0..text.len())[0];
        let at = |tokens: std::ops::Range<usize>, phrase_start, entity| Mention {
            sentence: 0,
            span: sentence.tokens[tokens.start].start..sentence.tokens[tokens.end - 1].end,
            tokens,
            phrase_start,
            kind: EntityKind::Person,
            form: Form::Name,
            head: true,
            cue: Cue::PersonPronoun,
            entity: Some(EntityId::new(entity)),
        };
        let mentions = [at(1..3, 0, 0), at(4..6, 4, 1)];
        let refs: Vec<&Mention> = mentions.iter().collect();
        let (mut words, mut cues, mut out) = (Vec::new(), Vec::new(), Vec::new());
        word_hashes(text, &sentence.tokens, &mut words);
        lexicon_cues(text, &sentence.tokens, &Lexicon::shared(), &mut cues);
        assert_ne!(cues[3], 0, "\"shot\" is violent or a trigger");
        assert_eq!(cues[1], 0, "a name is no cue");
        PairView { text, tokens: &sentence.tokens, mentions: &refs, words: &words, cues: &cues }
            .features(0, 1, &mut out);
        assert!(out.contains(&mix(fnv(seed(Kind::BetweenCue), b"aa"), cues[3])));
        assert!(out.contains(&mix(fnv(seed(Kind::FirstPhrase), b"aa"), word_hash("assassin"))));
    }

    proptest::proptest! {
        #[test]
        fn cues_between_mentions_are_the_cues_of_every_pair_between(
            picks in proptest::collection::vec(0usize..12, 2..14),
            spans in proptest::collection::vec((0usize..14, 1usize..3), 2..5),
        ) {
            use crate::extract::extraction::{Cue, Form};
            const WORDS: [&str; 12] =
                ["Ann", "killed", "the", "bank", "shot", "joined", "Acme", ",", "firm", "was", "born", "in"];
            let text = picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let tokens = &crate::text::analyze(&text, 0..text.len())[0].tokens;
            let n = tokens.len();
            let mentions: Vec<Mention> = spans
                .iter()
                .map(|&(start, len)| (start.min(n - 1), (start + len).min(n)))
                .map(|(start, end)| Mention {
                    sentence: 0,
                    span: tokens[start].start..tokens[end - 1].end,
                    tokens: start..end,
                    phrase_start: start,
                    kind: EntityKind::Person,
                    form: Form::Name,
                    head: true,
                    cue: Cue::PersonPronoun,
                    entity: None,
                })
                .collect();
            let refs: Vec<&Mention> = mentions.iter().collect();
            let lexicon = Lexicon::shared();
            let (mut all, mut between) = (Vec::new(), Vec::new());
            lexicon_cues(&text, tokens, &lexicon, &mut all);
            lexicon_cues_between(&text, tokens, &refs, &lexicon, &mut between);
            proptest::prop_assert_eq!(between.len(), n);
            for first in &mentions {
                for second in &mentions {
                    for i in first.tokens.end..second.tokens.start {
                        proptest::prop_assert_eq!(between[i], all[i]);
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn pairs_read_the_same_features_from_the_words_around_their_mentions(
            picks in proptest::collection::vec(0usize..10, 2..16),
            spans in proptest::collection::vec((0usize..16, 1usize..3, 0usize..4), 2..5),
        ) {
            use crate::extract::extraction::{Cue, Form};
            const WORDS: [&str; 10] = ["Ann", "said", "the", "Bank", "of", "Acme", ",", "chief", "in", "Paris"];
            let text = picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let tokens = &crate::text::analyze(&text, 0..text.len())[0].tokens;
            let n = tokens.len();
            let mentions: Vec<Mention> = spans
                .iter()
                .enumerate()
                .map(|(e, &(start, len, title))| {
                    let (start, end) = (start.min(n - 1), (start + len).min(n));
                    Mention {
                        sentence: 0,
                        span: tokens[start].start..tokens[end - 1].end,
                        tokens: start..end,
                        phrase_start: start.saturating_sub(title),
                        kind: EntityKind::Person,
                        form: Form::Name,
                        head: true,
                        cue: Cue::PersonPronoun,
                        entity: Some(crate::extract::vocabulary::EntityId::new(e)),
                    }
                })
                .collect();
            let mut refs: Vec<&Mention> = Vec::new();
            super::super::candidates::select(&mentions, &mut refs);
            let (mut all, mut around) = (Vec::new(), Vec::new());
            word_hashes(&text, tokens, &mut all);
            word_hashes_around(&text, tokens, &refs, &mut around);
            let cues = vec![0; n];
            let (mut plain, mut fast) = (Vec::new(), Vec::new());
            for (a, b) in super::super::candidates::pairs(&refs) {
                PairView { text: &text, tokens, mentions: &refs, words: &all, cues: &cues }.features(a, b, &mut plain);
                PairView { text: &text, tokens, mentions: &refs, words: &around, cues: &cues }.features(a, b, &mut fast);
                proptest::prop_assert_eq!(&plain, &fast);
            }
        }
    }

    #[test]
    fn lengths_fall_in_buckets() {
        assert_eq!([0, 1, 3, 4, 5, 6, 8, 9, 12, 13, 40].map(bucket), [0, 1, 3, 4, 4, 5, 5, 6, 6, 7, 7]);
    }
}
