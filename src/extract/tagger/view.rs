//! What the features read of a sentence: its tokens' words, lexicon flags
//! and document context; and the thread's cache of each word's features.

use rustc_hash::FxHashMap as HashMap;

use std::cell::OnceCell;

use super::features::{CONSTANTS, NEAR, NEIGHBOUR_FLAGS, POSSESSIVE, READINGS, WordFeatures, fnv};
use super::model::{FeatureSink, NO_FLAG_WEIGHTS, NO_WEIGHTS, Tagger};
use crate::extract::classes::{SentenceClasses, TokenClasses, WordBits, WordTable};
use crate::extract::lexicon::{GazTarget, Lexicon, TitleKind, Words};
use crate::extract::matches::Matches;
use crate::text::{Sentence, Token, TokenKind};

/// The word classes the model was trained on, as its feature bits: first
/// name 6, organization head 8, place head 9, function word 10.
fn model_classes(bits: WordBits, words: &Words) -> u16 {
    let has = |set: bool, bit: u16| u16::from(set) << bit;
    has(bits.is_first_name(), 6)
        | has(bits.is(&words.org_head), 8)
        | has(bits.is(&words.place_head), 9)
        | has(bits.is(&words.function), 10)
}

/// Lexicon facts about each token, as bits, into `flags`.
fn token_flags(
    sentence: &Sentence,
    classes: SentenceClasses<'_>,
    matches: &Matches,
    lexicon: &Lexicon,
    readings: &[u8],
    flags: &mut Vec<u16>,
) {
    let n = sentence.tokens.len();
    flags.clear();
    flags.resize(n, 0);
    // Matches are few, and only at the phrase starts: one pass over those
    // finds the gazetteer's and the titles'.
    for &start in classes.phrase_starts {
        let start = start as usize;
        let (gazetteer, title) = (&matches.gazetteer[start], &matches.titles[start]);
        if let Some((end, target)) = gazetteer {
            let bit = match target {
                GazTarget::StateName(_) => 0,
                GazTarget::StateDemonym(_) => 1,
                GazTarget::StateSeat(_) => 2,
                GazTarget::Org(_) => 3,
                GazTarget::Person(_) => 4,
                GazTarget::Place(_) => 5,
            };
            for f in &mut flags[start..(*end).min(n)] {
                *f |= 1 << bit;
            }
            flags[start] |= 1 << 11;
        }
        if let Some((end, entry)) = title
            && lexicon.title_entries[*entry].kind != TitleKind::Descriptor
        {
            for f in &mut flags[start..(*end).min(n)] {
                *f |= 1 << 7;
            }
        }
    }
    // Every token's classes are worked out, and kept near a capital: a
    // branch on the reading would be guessed wrong around each capital.
    for ((flag, &reading), bits) in flags.iter_mut().zip(readings).zip(classes.words()) {
        let near = u16::from(usize::from(reading) & NEAR != 0);
        *flag |= model_classes(bits, &lexicon.words) * near;
    }
}

/// What the tagger reads of each word of a word table, by word id and
/// reading, filled in the first time it reads it: a thread's cache, kept
/// between documents for as long as its word table keeps the words.
#[derive(Default)]
pub(crate) struct FeatureCache {
    /// The generation of the word table the ids are of.
    pub(super) table: u64,
    /// The id of the model whose weights the features hold (0: none).
    pub(super) tagger: u64,
    pub(super) words: Vec<[OnceCell<Box<WordFeatures>>; READINGS]>,
}

impl FeatureCache {
    /// Makes the cache right for every word of `table` and for `tagger`'s
    /// weights, forgetting the words of a table before and another model's
    /// weights. Call it once the document's words have their ids.
    pub(crate) fn serve(&mut self, table: &WordTable, tagger: Option<&Tagger>) {
        let tagger = tagger.map_or(0, Tagger::id);
        if self.table != table.generation() || self.tagger != tagger {
            *self = FeatureCache { table: table.generation(), tagger, words: Vec::new() };
        }
        self.words.resize_with(table.len(), Default::default);
    }
}

/// What the rest of the document says about each capitalised word: evidence
/// a single sentence cannot give ("Cotti" after "Mr." elsewhere is a person).
#[derive(Debug, Default)]
pub(crate) struct DocumentContext {
    /// By word id (of `table` in `new`), with `SEEN` set for the document's
    /// capitalised words: an index where a map was probed for every
    /// capital and every scored token (10 M instructions of 3 MB of news).
    words: Vec<u8>,
}

/// Marks a capitalised word of the document in `DocumentContext::words`
/// (the context bits are 0 to 6).
const SEEN: u8 = 1 << 7;

impl DocumentContext {
    /// `table` is the one `classes` was read from.
    pub(crate) fn new(
        text: &str,
        sentences: &[Sentence],
        classes: &TokenClasses,
        table: &WordTable,
        lexicon: &Lexicon,
    ) -> Self {
        let mut words = vec![0u8; table.len()];
        // The capitalised words in the order they first occur, for the tie in `lower_case_forms`.
        let mut firsts: Vec<(&str, u32)> = Vec::with_capacity(64);
        for (index, sentence) in sentences.iter().enumerate() {
            let tokens = &sentence.tokens;
            let classes = classes.sentence(index);
            for &i in classes.capitalized {
                let (i, token) = (i as usize, &tokens[i as usize]);
                let bits = capital_context(text, tokens, classes, i, lexicon);
                let id = classes.ids[i];
                let word = &mut words[id as usize];
                if *word & SEEN == 0 {
                    firsts.push((token.text(text), id));
                }
                *word |= SEEN | bits;
            }
        }
        let lowered = lower_case_forms(&firsts, table);
        if !lowered.is_empty() {
            mark_seen_in_lower_case(&mut words, lowered, text, sentences, classes);
        }
        DocumentContext { words }
    }

    /// What the document says of the word with this id.
    pub(super) fn get(&self, id: u32) -> u8 {
        self.words.get(id as usize).map_or(0, |&bits| bits & !SEEN)
    }
}

/// The context bits 1 to 6 of the capitalised token `i`, from the words either
/// side (their model classes, see `model_classes`, and their text).
fn capital_context(text: &str, tokens: &[Token], classes: SentenceClasses<'_>, i: usize, lexicon: &Lexicon) -> u8 {
    let prev = if i > 0 { tokens[i - 1].text(text) } else { "" };
    let before = if i > 0 { classes.word(i - 1) } else { WordBits::default() };
    let mut bits = 0u8;
    if before.is_first_name() {
        bits |= 1 << 1;
    }
    if i > 0 && (before.is(&lexicon.words.function) && prev.ends_with('.') || prev == "Mr" || prev == "Mrs") {
        bits |= 1 << 2;
    }
    if classes.is(i + 1, &lexicon.words.org_head) {
        bits |= 1 << 3;
    }
    if matches!(prev, "in" | "at" | "near" | "from") {
        bits |= 1 << 4;
    }
    if i > 0 && classes.word(i).has_lower() {
        bits |= 1 << 5;
    }
    if classes.is(i + 1, &lexicon.words.speech) {
        bits |= 1 << 6;
    }
    bits
}

/// The capitalised words of `firsts` (text and id, in order of first
/// occurrence) by the word id of their lower-case form. Every token of the
/// document has an id, so a form without one is no token here.
fn lower_case_forms(firsts: &[(&str, u32)], table: &WordTable) -> HashMap<u32, u32> {
    let mut lower = String::new();
    let mut lowered: HashMap<u32, u32> = HashMap::with_capacity_and_hasher(firsts.len(), Default::default());
    let mut shared = false;
    for &(word, id) in firsts {
        if let Some(lower_id) = table.id_of_lowercase(word, &mut lower) {
            shared |= lowered.insert(lower_id, id).is_some();
        }
    }
    if shared {
        // Where capitalisations share a lower-case form ("Apple", "APPLE"),
        // only the last in the order of a map of the words by text is
        // marked: the model was trained so. That map is built as it was,
        // one word at a time in order of first occurrence.
        let mut by_text: HashMap<&str, u32> = HashMap::default();
        for &(word, id) in firsts {
            by_text.insert(word, id);
        }
        lowered.clear();
        for (&word, &id) in &by_text {
            if let Some(lower_id) = table.id_of_lowercase(word, &mut lower) {
                lowered.insert(lower_id, id);
            }
        }
    }
    lowered
}

/// Context bit 0, seen in lower case elsewhere, for the capitalised words of
/// `words` whose lower-case form (see `lower_case_forms`) is a token that starts in lower case.
/// A form is taken out of `lowered` at its first token: the tokens of one id
/// are one text, and "the" or "said" came back to it for every one of them.
fn mark_seen_in_lower_case(
    words: &mut [u8],
    mut lowered: HashMap<u32, u32>,
    text: &str,
    sentences: &[Sentence],
    classes: &TokenClasses,
) {
    // Most lower-case tokens are no capitalised word's lower case: a bit
    // per id modulo 1,024 turns nearly all of them away before the map.
    // (The seventeenth word stays empty: the tokens that are no lower-case word test it.)
    let mut maybe = [0u64; 17];
    for &id in lowered.keys() {
        maybe[(id as usize >> 6) & 15] |= 1 << (id & 63);
    }
    for (index, sentence) in sentences.iter().enumerate() {
        let classes = classes.sentence(index);
        for ((token, &id), bits) in sentence.tokens.iter().zip(classes.ids).zip(classes.words()) {
            // A word that starts in lower case has a lower-case letter and
            // no capital first. That test picks the filter's word rather
            // than a branch, and the rare token that passes the filter is
            // the one branch: on the test alone the processor would guess
            // wrong at every capital and punctuation mark.
            let word = if bits.is_lower_case() { (id as usize >> 6) & 15 } else { 16 };
            if maybe[word] & (1 << (id & 63)) != 0
                && let Some(original) = lowered.remove(&id)
                && token.text(text).starts_with(char::is_lowercase)
                && let Some(bits) = words.get_mut(original as usize).filter(|bits| **bits & SEEN != 0)
            {
                *bits |= 1;
            }
        }
    }
}

/// Everything the features need about one sentence.
pub(crate) struct SentenceView<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) classes: SentenceClasses<'a>,
    readings: Vec<u8>,
    /// The words' features, served for `tagger`.
    pub(super) features: &'a FeatureCache,
    /// The model the own scores are summed with; none while training.
    pub(super) tagger: Option<&'a Tagger>,
    pub(super) flags: Vec<u16>,
    pub(super) context: Vec<u8>,
    all_caps: bool,
}

/// The per-token vectors of a sentence view, handed from one sentence to the
/// next so that a document's views allocate them once.
#[derive(Default)]
pub(crate) struct ViewBuffers {
    readings: Vec<u8>,
    pub(super) flags: Vec<u16>,
    pub(super) context: Vec<u8>,
}

impl<'a> SentenceView<'a> {
    /// The view of one sentence, in the vectors of `buffers` (default ones,
    /// or those `into_buffers` handed back from the sentence before).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        text: &'a str,
        sentence: &'a Sentence,
        classes: SentenceClasses<'a>,
        features: &'a FeatureCache,
        tagger: Option<&'a Tagger>,
        matches: &Matches,
        lexicon: &Lexicon,
        document: &DocumentContext,
        buffers: ViewBuffers,
    ) -> Self {
        let ViewBuffers { mut readings, mut flags, mut context } = buffers;
        let tokens = &sentence.tokens[..];
        let n = tokens.len();
        context.clear();
        context.resize(n, 0);
        let (mut letters, mut upper) = (0, 0);
        // Features are only computed for tokens that can be names and read two
        // tokens either side; the rest need no lower case, shape or classes.
        readings.clear();
        readings.extend(tokens.iter().map(|t| if t.kind == TokenKind::Possessive { POSSESSIVE as u8 } else { 0 }));
        for bits in classes.words() {
            letters += usize::from(bits.is_alphabetic());
            upper += usize::from(bits.is_upper_case());
        }
        for &i in classes.capitalized {
            let i = i as usize;
            for reading in &mut readings[i.saturating_sub(2)..(i + 3).min(n)] {
                *reading |= NEAR as u8;
            }
            context[i] = document.get(classes.ids[i]);
        }
        token_flags(sentence, classes, matches, lexicon, &readings, &mut flags);
        SentenceView {
            text,
            tokens,
            classes,
            features,
            tagger,
            flags,
            readings,
            context,
            all_caps: letters >= 3 && upper * 10 >= letters * 8,
        }
    }

    /// The view's vectors, for the next sentence's view.
    pub(crate) fn into_buffers(self) -> ViewBuffers {
        ViewBuffers { readings: self.readings, flags: self.flags, context: self.context }
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The features of token `i + k`, or of the sentence edge.
    pub(super) fn at(&self, i: usize, k: isize) -> &WordFeatures {
        let Some(j) = i.checked_add_signed(k).filter(|&j| j < self.tokens.len()) else {
            return match self.tagger {
                Some(tagger) => &tagger.edge,
                None => WordFeatures::edge(),
            };
        };
        let reading = usize::from(self.readings[j]);
        self.features.words[self.classes.ids[j] as usize][reading]
            .get_or_init(|| Box::new(WordFeatures::new(self.tokens[j].text(self.text), reading, self.tagger)))
    }

    /// The features of tokens `i - 2` to `i + 2`.
    pub(super) fn window(&self, i: usize) -> Window<'_> {
        [-2, -1, 0, 1, 2].map(|k| self.at(i, k))
    }

    /// The window of `i`, from the window of `i - 1` when that is `previous`:
    /// names are runs of scored tokens, and four of the five words are read already.
    pub(super) fn next_window<'v>(&'v self, i: usize, previous: Option<(usize, Window<'v>)>) -> Window<'v> {
        match previous {
            Some((j, w)) if j + 1 == i => [w[1], w[2], w[3], w[4], self.at(i, 2)],
            _ => self.window(i),
        }
    }

    /// Feature hashes of token `i` given the two previous labels: its own, then the rest.
    pub(super) fn features(&self, i: usize, prev: usize, prev2: usize, out: &mut Vec<u32>) {
        let window = self.window(i);
        out.clear();
        out.extend_from_slice(&window[2].own);
        self.context_features(i, &window, prev, prev2, out);
    }

    /// The features of token `i` (whose window is `window`) that are not the
    /// word's own: neighbours, flags, labels.
    pub(super) fn context_features(
        &self,
        i: usize,
        window: &Window<'_>,
        prev: usize,
        prev2: usize,
        out: &mut impl FeatureSink,
    ) {
        let flags_at =
            |k: isize| -> u16 { i.checked_add_signed(k).and_then(|j| self.flags.get(j)).copied().unwrap_or(0) };
        let &[before2, before, word, after, after2] = window;
        let shape = word.shape.as_bytes();
        let caps = usize::from(self.all_caps);
        let c = &CONSTANTS;
        let known = self.tagger.map_or(&NO_WEIGHTS, |t| &*t.constants);
        out.known(before.as_neighbour[0], &before.as_previous.weights);
        out.known(after.as_neighbour[1], &after.as_next);
        out.known(before2.as_neighbour[2], &before2.as_second_previous);
        out.known(after2.as_neighbour[3], &after2.as_second_next);
        out.hash(fnv(before.as_previous.shape_pair, shape));
        out.hash(fnv(word.scored.shape_pair, after.shape.as_bytes()));
        // Set bits in ascending order, as the model lists them.
        let mut f = flags_at(0);
        while f != 0 {
            let bit = f.trailing_zeros() as usize;
            out.known(c.flag_bit[bit], &known.flag_bit[bit]);
            f &= f - 1;
        }
        // `token_flags` sets bits 0 to 11 only, so every value has its entry.
        let (before_flags, after_flags) = (usize::from(flags_at(-1)), usize::from(flags_at(1)));
        let flag_weights = self.tagger.map_or(&NO_FLAG_WEIGHTS[..], |t| &t.neighbour_flags[..]);
        out.known(NEIGHBOUR_FLAGS[0][before_flags], &flag_weights[before_flags]);
        out.known(NEIGHBOUR_FLAGS[1][after_flags], &flag_weights[(1 << 12) | after_flags]);
        out.known(c.previous[prev], &known.previous[prev]);
        out.known(c.previous_two[prev2][prev], &known.previous_two[prev2][prev]);
        if prev == 0 {
            out.known(word.previous_and_word[0], &word.scored.after_outside);
        } else {
            out.hash(word.previous_and_word[prev]);
        }
        if caps == 0 {
            out.known(word.caps_and_shape[0], &word.scored.caps_and_shape);
            out.known(word.caps_and_word[0], &word.scored.caps_and_word);
        } else {
            out.hash(word.caps_and_shape[1]);
            out.hash(word.caps_and_word[1]);
        }
        if i == 0 {
            out.known(c.first_caps[caps], &known.first_caps[caps]);
        }
        out.hash(fnv(word.scored.word_pair, after.lower.as_bytes()));
        let context = usize::from(self.context[i]);
        if context != 0 {
            out.known(c.context[context], &known.context[context]);
            let mut bits = context;
            while bits != 0 {
                out.hash(fnv(c.context_bit_and_shape[bits.trailing_zeros() as usize], shape));
                bits &= bits - 1;
            }
        }
        out.hash(fnv(before.as_previous.word_pair, word.lower.as_bytes()));
    }
}

/// The features of a token and of the two words either side, in text order.
type Window<'v> = [&'v WordFeatures; 5];
#[cfg(test)]
mod tests {
    use super::super::model::Scores;
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_context_by_index_is_the_context_a_map_keeps(picks in proptest::collection::vec(0usize..12, 1..30)) {
            const WORDS: [&str; 12] = ["Mr", "Cotti", "cotti", "said", "in", "Apple", "APPLE", "apple", ".", "Bank", "Ann", "from"];
            let text = picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let lexicon = Lexicon::shared();
            let sentences = crate::text::analyze(&text, 0..text.len());
            let mut table = WordTable::new(&lexicon);
            let classes = TokenClasses::new(&text, &sentences, &lexicon, &mut table);
            let context = DocumentContext::new(&text, &sentences, &classes, &table, &lexicon);
            // The plain version: a map of the capitalised words' bits.
            let mut words: HashMap<u32, u8> = HashMap::default();
            let mut firsts = Vec::new();
            for (index, sentence) in sentences.iter().enumerate() {
                let sentence_classes = classes.sentence(index);
                for &i in sentence_classes.capitalized {
                    let (i, id) = (i as usize, sentence_classes.ids[i as usize]);
                    let bits = capital_context(&text, &sentence.tokens, sentence_classes, i, &lexicon);
                    *words.entry(id).or_insert_with(|| {
                        firsts.push((sentence.tokens[i].text(&text), id));
                        0
                    }) |= bits;
                }
            }
            let mut lowered = lower_case_forms(&firsts, &table);
            for (index, sentence) in sentences.iter().enumerate() {
                let sentence_classes = classes.sentence(index);
                for ((token, &id), word) in sentence.tokens.iter().zip(sentence_classes.ids).zip(sentence_classes.words()) {
                    if word.is_lower_case()
                        && let Some(original) = lowered.remove(&id)
                        && token.text(&text).starts_with(char::is_lowercase)
                        && let Some(bits) = words.get_mut(&original)
                    {
                        *bits |= 1;
                    }
                }
            }
            for id in 0..table.len() as u32 + 2 {
                proptest::prop_assert_eq!(context.get(id), words.get(&id).copied().unwrap_or(0), "id {}", id);
            }
        }
    }

    /// Views of the sentences of `text`, read with `tagger` (none: every feature scored).
    fn with_views<R>(text: &str, tagger: Option<&Tagger>, f: impl FnOnce(Vec<SentenceView<'_>>) -> R) -> R {
        let lexicon = Lexicon::shared();
        let sentences = crate::text::analyze(text, 0..text.len());
        let mut table = WordTable::new(&lexicon);
        let classes = TokenClasses::new(text, &sentences, &lexicon, &mut table);
        let mut features = FeatureCache::default();
        features.serve(&table, tagger);
        let document = DocumentContext::new(text, &sentences, &classes, &table, &lexicon);
        let views = sentences
            .iter()
            .enumerate()
            .map(|(index, sentence)| {
                let in_sentence = classes.sentence(index);
                let matches = Matches::find(text, sentence, in_sentence, &lexicon);
                let buffers = ViewBuffers::default();
                SentenceView::new(
                    text,
                    sentence,
                    in_sentence,
                    &features,
                    tagger,
                    &matches,
                    &lexicon,
                    &document,
                    buffers,
                )
            })
            .collect();
        f(views)
    }

    /// The lower-case mark as it was first written, by text: the model was
    /// trained on its choice where capitalisations share a lower-case form.
    fn lower_case_marks_by_text(text: &str) -> Vec<(String, bool)> {
        let lexicon = Lexicon::shared();
        let sentences = crate::text::analyze(text, 0..text.len());
        let mut table = WordTable::new(&lexicon);
        let classes = TokenClasses::new(text, &sentences, &lexicon, &mut table);
        let mut words: HashMap<&str, bool> = HashMap::default();
        let tokens = || sentences.iter().flat_map(|s| &s.tokens).map(|t| t.text(text));
        for word in tokens().filter(|w| w.starts_with(char::is_uppercase)) {
            words.entry(word).or_default();
        }
        let lowered: HashMap<String, &str> = words.keys().map(|w| (w.to_lowercase(), *w)).collect();
        for word in tokens().filter(|w| w.starts_with(char::is_lowercase)) {
            if let Some(original) = lowered.get(word) {
                words.insert(original, true);
            }
        }
        let context = DocumentContext::new(text, &sentences, &classes, &table, &lexicon);
        let mut marks: Vec<(String, bool)> =
            words.keys().map(|w| (w.to_string(), context.get(table.id_of(w).unwrap()) & 1 != 0)).collect();
        marks.sort();
        let mut expected: Vec<(String, bool)> = words.into_iter().map(|(w, m)| (w.to_string(), m)).collect();
        expected.sort();
        assert_eq!(marks, expected);
        marks
    }

    proptest::proptest! {
        #[test]
        fn lower_case_marks_are_those_read_from_every_token(
            words in proptest::collection::vec(
                proptest::sample::select(vec!["Apple", "APPLE", "apple", "The", "the", "3m", "3M", "Said", "said", ".", "Iran", "ÉCOLE", "école"]),
                1..40,
            ),
        ) {
            lower_case_marks_by_text(&words.join(" "));
        }
    }

    #[test]
    fn a_lower_case_form_marks_one_capitalisation_as_the_model_was_trained() {
        let mut text = String::from("Apple and APPLE sold apple juice. Markets rose; MARKETS fell. The markets shut. ");
        for n in 0..200 {
            text.push_str(&format!("Word{n} WORD{n} word{n} and Other{n} met. "));
        }
        let marks = lower_case_marks_by_text(&text);
        let marked = |w: &str| marks.iter().any(|(word, m)| word == w && *m);
        assert!(marked("Apple") != marked("APPLE"), "one of the two: {marks:?}");
        assert!(!marks.iter().any(|(w, m)| w.starts_with("Other") && *m));
    }

    #[test]
    fn the_view_lowers_only_words_near_a_capital() {
        let text = "the iPhone maker said on monday that ΟΔΟΣ Putin met eBay chiefs";
        let lower: Vec<String> = with_views(text, None, |views| {
            (0..views[0].len()).map(|i| views[0].at(i, 0).lower.as_str().to_string()).collect()
        });
        // "iPhone" is more than two words from a capital; the final sigma stays final.
        let expected = "the iPhone maker said on monday that οδος putin met ebay chiefs";
        assert_eq!(lower, expected.split(' ').collect::<Vec<_>>());
    }

    #[test]
    fn scores_from_cached_weights_equal_scores_of_every_feature() {
        let tagger = Tagger::embedded();
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples/seed-article.txt")).unwrap();
        let (cached, full) = (
            with_views(&text, Some(&tagger), |views| views.iter().map(|v| tagger.tag(v)).collect::<Vec<_>>()),
            with_views(&text, None, |views| views.iter().map(|v| tagger.tag(v)).collect::<Vec<_>>()),
        );
        assert!(cached.iter().flatten().any(|&label| label != 0));
        assert_eq!(cached, full);
        with_views(&text, Some(&tagger), |views| {
            let mut features = Vec::new();
            for view in &views {
                for i in 0..view.len() {
                    view.features(i, 1, 0, &mut features);
                    let mut continued = Scores { weights: &tagger.weights, sum: view.at(i, 0).scored.own_scores };
                    view.context_features(i, &view.window(i), 1, 0, &mut continued);
                    assert_eq!(continued.sum.map(f32::to_bits), tagger.scores(&features).map(f32::to_bits));
                }
            }
        });
    }
}
