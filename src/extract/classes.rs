//! Each token's word id and class bits. A token is hashed once, in its
//! thread's word table; the word's bits say which classes it belongs to
//! (function word, speech verb, first name, determiner, ...), which phrase
//! tables have a phrase starting with it (so the phrase searches skip most
//! tokens at once) and what its letters are (capitalised, in capitals). The
//! mention rules, the tagger and the relation frames test those bits instead
//! of asking about the same tokens many times over, and the tagger keeps each
//! word's share of its features by the word's id. Most tokens of news text
//! are words the thread has met before.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::class_index::{DETERMINER, FIRST_NAME, TRIGGER_WORD};
use super::lexicon::{Lexicon, WordClass};
use crate::text::{Sentence, lowercase_packed};

// Bits 0 to 20 are the word classes of `words.tsv`, in `lexicon`'s order;
// bits 21 to 31 are the table's own, but for the three the class index sets
// (determiner 26, first name 30, trigger word 31). Other modules ask about
// them by name (`WordBits`, the methods of `SentenceClasses`): no mask
// leaves this file.

/// Has an upper-case letter anywhere ("Russia", "iPhone"): only such words
/// need lowering before they are compared with lower-case words.
const HAS_UPPER: u32 = 1 << 21;

/// The word's letters, which several rules and the tagger test on every token:
/// two characters or more with none in lower case ("NATO", "U.S."), has a
/// lower-case letter, has a letter, starts with an upper-case letter.
const SHOUTED: u32 = 1 << 22;
const HAS_LOWER: u32 = 1 << 23;
const ALPHABETIC: u32 = 1 << 24;
const CAPITALIZED: u32 = 1 << 25;
/// Some gazetteer name, title or relation trigger starts with this very token.
const GAZETTEER_START: u32 = 1 << 27;
const TITLE_START: u32 = 1 << 28;
const TRIGGER_START: u32 = 1 << 29;

/// Words a thread remembers before it starts again: bounds the memory (about
/// 10 MB a thread) on corpora whose vocabulary keeps growing. Twice this cost
/// 25 MB a thread more on a corpus of endless new words, for no speed.
const REMEMBERED_WORDS: usize = 1 << 16;

/// Slots of `WordTable::recent` (a power of two; 64 KB).
const RECENT_SHORT_WORDS: usize = 1 << 12;

/// Bytes of words of sixteen bytes or more (kept as strings) a thread
/// remembers before it starts again: news vocabularies stay far below it, but
/// a corpus of long junk tokens (hex dumps, base64) would otherwise keep up to
/// 65,536 of them.
const REMEMBERED_LONG_BYTES: usize = 4 << 20;

/// A word's id and class bits, as the table's maps hold them: the lookup of
/// a token's id brings its bits along, with no second read of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Known {
    id: u32,
    bits: u32,
}

/// The distinct words met so far, with ids: each token is hashed once, and the
/// mention rules and the tagger read the word's facts by id. The facts depend
/// on the lexicon, so a table serves one lexicon.
#[derive(Default)]
pub(crate) struct WordTable {
    lexicon: u64,
    /// Tells this table's ids from those of the table before it, for the
    /// caches kept by word id (see [`Self::generation`]).
    generation: u64,
    /// Forget every word at the next document once this many are known (the thread's table).
    limit: Option<usize>,
    /// Ids of words of sixteen bytes or more.
    ids: HashMap<Box<[u8]>, Known>,
    /// The bytes of the words in `ids`.
    long_bytes: usize,
    /// Ids of words of two to seven bytes (most words), by [`pack`]: no string compare.
    short: HashMap<u64, Known>,
    /// The short words met last, by a hash of their packing: one compare
    /// where a probe of `short` took some 29 instructions, and news repeats
    /// its frequent words. Filled as `short` answers; emptied with the table.
    recent: Vec<(u64, Known)>,
    /// Ids of words of eight to fifteen bytes, by [`pack_medium`]: neither a
    /// string compare nor a pointer to follow, where a miss of the cache waits.
    medium: HashMap<u128, Known>,
    /// Ids of one-byte words (punctuation, "a", "I"): a fifth of all tokens, no hashing.
    single: Vec<Option<Known>>,
    /// How many words have ids: the ids are `0..len`.
    len: usize,
}

impl WordTable {
    /// A table that keeps every word (the trainer's).
    pub(crate) fn new(lexicon: &Lexicon) -> Self {
        static NEXT_GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let generation = NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let recent = vec![(0, Known { id: 0, bits: 0 }); RECENT_SHORT_WORDS];
        WordTable { lexicon: lexicon.id, generation, recent, ..WordTable::default() }
    }

    /// A thread's table, which starts again between documents once it knows
    /// many words; it serves no lexicon until [`Self::serve`].
    pub(crate) fn bounded() -> Self {
        WordTable { limit: Some(REMEMBERED_WORDS), ..WordTable::default() }
    }

    /// Makes the table right for `lexicon`, forgetting what another lexicon
    /// said, or every word once it is full. Ids stay valid until the next
    /// call: the table is only ever emptied here.
    pub(crate) fn serve(&mut self, lexicon: &Lexicon) {
        let full = self.limit.is_some_and(|limit| self.len >= limit || self.long_bytes >= REMEMBERED_LONG_BYTES);
        if full || self.lexicon != lexicon.id {
            *self = WordTable { limit: self.limit, ..WordTable::new(lexicon) };
        }
    }

    /// How many words have ids.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Differs from every other table's, and from this table's before it started again.
    pub(crate) fn generation(&self) -> u64 {
        self.generation
    }

    #[cfg(test)]
    fn id(&mut self, word: &str, lexicon: &Lexicon) -> u32 {
        self.known(word.as_bytes()).unwrap_or_else(|| self.insert(word, lexicon)).id
    }

    /// The id and bits of the token at `range` of `text`, read as bytes: only a
    /// word not seen before is sliced as a string (with its character-boundary checks).
    fn id_at(&mut self, text: &str, range: Range<usize>, lexicon: &Lexicon) -> Known {
        let bytes = text.as_bytes();
        let known = match bytes.get(range.start..range.start + 8) {
            // A short word with eight bytes of text from its start: packed from
            // one load, as `pack` packs it a byte at a time.
            Some(window) if (2..8).contains(&range.len()) => {
                let first = u64::from_be_bytes(window.try_into().expect("eight bytes"));
                let packed = first >> (8 * (8 - range.len())) | (range.len() as u64) << 56;
                self.short_word(packed)
            }
            _ => self.known(&bytes[range.clone()]),
        };
        match known {
            Some(known) => known,
            None => self.insert(&text[range], lexicon),
        }
    }

    /// The short word of this packing, from `recent` when it was met there
    /// last (a packing is never 0: its top byte is the length, 2 or more).
    fn short_word(&mut self, packed: u64) -> Option<Known> {
        // The top bits of a Fibonacci hash: as many as the slots (a power of two) need.
        let slot = (packed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.recent.len().trailing_zeros())) as usize;
        if let Some(&(key, known)) = self.recent.get(slot)
            && key == packed
        {
            return Some(known);
        }
        let known = self.short.get(&packed).copied();
        if let (Some(known), Some(entry)) = (known, self.recent.get_mut(slot)) {
            *entry = (packed, known);
        }
        known
    }

    fn insert(&mut self, word: &str, lexicon: &Lexicon) -> Known {
        let known = Known { id: self.len as u32, bits: word_bits(word, lexicon) };
        self.len += 1;
        if let &[byte] = word.as_bytes() {
            self.single.resize(128, None);
            self.single[usize::from(byte)] = Some(known);
        } else if let Some(packed) = pack(word.as_bytes()) {
            self.short.insert(packed, known);
        } else if let Some(packed) = pack_medium(word.as_bytes()) {
            self.medium.insert(packed, known);
        } else {
            self.long_bytes += word.len();
            self.ids.insert(word.as_bytes().into(), known);
        }
        known
    }

    /// The id of `word`, if any token so far was it.
    pub(crate) fn id_of(&self, word: &str) -> Option<u32> {
        self.known(word.as_bytes()).map(|known| known.id)
    }

    /// The id of `word` in lower case, if any token so far was that. An ASCII
    /// word of up to fifteen bytes (nearly every capitalised word) is lowered
    /// in its packing, a longer one into `scratch`.
    pub(crate) fn id_of_lowercase(&self, word: &str, scratch: &mut String) -> Option<u32> {
        let bytes = word.as_bytes();
        let known = match bytes {
            // `str::to_lowercase` may change the length (and knows the final sigma).
            _ if !word.is_ascii() => return self.id_of(&word.to_lowercase()),
            &[byte] => self.single.get(usize::from(byte.to_ascii_lowercase())).copied().flatten(),
            _ if bytes.len() < 8 => {
                pack(bytes).and_then(|packed| self.short.get(&(lowercase_packed(packed.into()) as u64)).copied())
            }
            _ => match pack_medium(bytes) {
                Some(packed) => self.medium.get(&lowercase_packed(packed)).copied(),
                None => {
                    scratch.clear();
                    scratch.push_str(word);
                    scratch.make_ascii_lowercase();
                    return self.id_of(scratch);
                }
            },
        };
        known.map(|known| known.id)
    }

    fn known(&self, word: &[u8]) -> Option<Known> {
        match word {
            &[byte] => self.single.get(usize::from(byte)).copied().flatten(),
            _ if word.len() < 8 => pack(word).and_then(|packed| self.short.get(&packed).copied()),
            _ => match pack_medium(word) {
                Some(packed) => self.medium.get(&packed).copied(),
                None => self.ids.get(word).copied(),
            },
        }
    }
}

/// A word of up to seven bytes as one integer: its bytes, and its length in the top byte.
fn pack(bytes: &[u8]) -> Option<u64> {
    (bytes.len() < 8)
        .then(|| bytes.iter().fold(0, |packed, &b| packed << 8 | u64::from(b)) | (bytes.len() as u64) << 56)
}

/// A word of eight to fifteen bytes as one integer: its first eight bytes,
/// then the rest and its length as [`pack`] packs a short word. The rest is
/// the low bytes of the word's last eight, read as one number.
fn pack_medium(bytes: &[u8]) -> Option<u128> {
    let len = bytes.len();
    if !(8..16).contains(&len) {
        return None;
    }
    let head = u64::from_be_bytes(bytes[..8].try_into().ok()?);
    let last = u64::from_be_bytes(bytes[len - 8..].try_into().ok()?);
    let rest = last & ((1 << (8 * (len - 8))) - 1);
    Some(u128::from(head) << 64 | u128::from(rest | (len as u64) << 56))
}

/// Every bit of `word`: its classes and the phrase tables it starts a phrase of.
fn word_bits(word: &str, lexicon: &Lexicon) -> u32 {
    // "O’Brien" has the classes of "O'Brien", which the lexicons write.
    let word = &*crate::text::straight_apostrophes(word);
    let starts = [
        (lexicon.gazetteer.starts_with_token(word), GAZETTEER_START),
        (lexicon.titles.starts_with_token(word), TITLE_START),
        (lexicon.triggers.starts_with_token(word), TRIGGER_START),
    ];
    let letters = [
        (word.starts_with(char::is_uppercase), CAPITALIZED),
        (word.chars().any(char::is_alphabetic), ALPHABETIC),
        (word.chars().any(char::is_lowercase), HAS_LOWER),
        (word.chars().any(char::is_uppercase), HAS_UPPER),
        (word.chars().nth(1).is_some() && !word.chars().any(char::is_lowercase), SHOUTED),
    ];
    starts
        .into_iter()
        .chain(letters)
        .filter(|(set, _)| *set)
        .fold(lexicon.classes.of(word), |bits, (_, bit)| bits | bit)
}

/// The class bits and word ids of every token of a document, sentence by sentence.
#[derive(Debug, Default)]
pub(crate) struct TokenClasses {
    bits: Vec<u32>,
    /// Ids in the [`WordTable`] the classes were read from.
    ids: Vec<u32>,
    /// Each sentence's capitalised tokens, by index in the sentence: the
    /// tagger and the document context visit only these, where testing every
    /// token's bit is a branch the processor mispredicts at each capital.
    capitalized: Vec<u32>,
    /// Each sentence's tokens that start a gazetteer name or a title.
    phrase_starts: Vec<u32>,
    /// Where each sentence's entries start in `bits`, `capitalized` and `phrase_starts`.
    starts: Vec<[usize; 3]>,
}

impl TokenClasses {
    pub(crate) fn new(text: &str, sentences: &[Sentence], lexicon: &Lexicon, table: &mut WordTable) -> Self {
        let tokens = sentences.iter().map(|s| s.tokens.len()).sum();
        // Written in place: a push per token and list, with its capacity
        // test, cost 10 M instructions of 3 MB of news (callgrind).
        let (mut bits, mut ids) = (vec![0; tokens], vec![0; tokens]);
        // Every token is written to both lists and kept only when it belongs
        // there: no branch on the bits.
        let (mut capitalized, mut phrase_starts) = (vec![0; tokens], vec![0; tokens]);
        let (mut n_capitalized, mut n_phrase_starts) = (0, 0);
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        let mut at = 0;
        for sentence in sentences {
            starts.push([at, n_capitalized, n_phrase_starts]);
            let end = at + sentence.tokens.len();
            let written = ids[at..end].iter_mut().zip(&mut bits[at..end]);
            for (i, (token, (id, bit))) in sentence.tokens.iter().zip(written).enumerate() {
                let known = table.id_at(text, token.range(), lexicon);
                (*id, *bit) = (known.id, known.bits);
                capitalized[n_capitalized] = i as u32;
                n_capitalized += usize::from(known.bits & CAPITALIZED != 0);
                phrase_starts[n_phrase_starts] = i as u32;
                n_phrase_starts += usize::from(known.bits & (GAZETTEER_START | TITLE_START) != 0);
            }
            at = end;
        }
        starts.push([at, n_capitalized, n_phrase_starts]);
        capitalized.truncate(n_capitalized);
        phrase_starts.truncate(n_phrase_starts);
        TokenClasses { bits, ids, capitalized, phrase_starts, starts }
    }

    /// How many capitalised tokens the document has.
    pub(crate) fn capitals(&self) -> usize {
        self.capitalized.len()
    }

    /// The classes of sentence `index`'s tokens.
    pub(crate) fn sentence(&self, index: usize) -> SentenceClasses<'_> {
        let ([tokens, capitalized, phrase_starts], [tokens_end, capitalized_end, phrase_starts_end]) =
            (self.starts[index], self.starts[index + 1]);
        SentenceClasses {
            bits: &self.bits[tokens..tokens_end],
            ids: &self.ids[tokens..tokens_end],
            capitalized: &self.capitalized[capitalized..capitalized_end],
            phrase_starts: &self.phrase_starts[phrase_starts..phrase_starts_end],
        }
    }
}

/// A sentence's capitalised tokens read in order, for loops that go from
/// one capital to the next and never back.
pub(crate) struct Capitals<'a> {
    capitals: &'a [u32],
    next: usize,
}

impl<'a> Capitals<'a> {
    pub(crate) fn new(capitals: &'a [u32]) -> Self {
        Capitals { capitals, next: 0 }
    }

    /// The first capital at token `i` or after it, or `end` when there is
    /// none; `i` never goes down from one call to the next.
    pub(crate) fn from(&mut self, i: usize, end: usize) -> usize {
        while self.capitals.get(self.next).is_some_and(|&c| (c as usize) < i) {
            self.next += 1;
        }
        self.capitals.get(self.next).map_or(end, |&c| c as usize)
    }
}

/// The classes of the tokens of one sentence.
#[derive(Clone, Copy)]
pub(crate) struct SentenceClasses<'a> {
    bits: &'a [u32],
    /// The tokens' ids in the word table.
    pub ids: &'a [u32],
    /// The indices of the capitalised tokens, in order.
    pub capitalized: &'a [u32],
    /// The indices of the tokens that start a gazetteer name or a title, in order.
    pub phrase_starts: &'a [u32],
}

impl SentenceClasses<'_> {
    /// Token `i` is in `class` (false past the end, as for an empty word).
    pub(crate) fn is(&self, i: usize, class: &WordClass) -> bool {
        self.bits(i) & class.bit() != 0
    }

    fn bits(&self, i: usize) -> u32 {
        self.bits.get(i).copied().unwrap_or(0)
    }

    /// What token `i` is (nothing past the end, as for an empty word).
    #[inline]
    pub(crate) fn word(&self, i: usize) -> WordBits {
        WordBits(self.bits(i))
    }

    /// What each token is, in order.
    #[inline]
    pub(crate) fn words(&self) -> impl Iterator<Item = WordBits> + '_ {
        self.bits.iter().map(|&bits| WordBits(bits))
    }
}

// Named bit questions for the relation frames (here: clippy forbids items after the tests).
impl SentenceClasses<'_> {
    /// Token `i` has an upper-case letter (false past the end).
    pub(crate) fn has_upper(&self, i: usize) -> bool {
        self.bits(i) & HAS_UPPER != 0
    }

    /// Token `i` may start a relation trigger (false past the end).
    pub(crate) fn may_start_trigger(&self, i: usize) -> bool {
        self.bits(i) & TRIGGER_START != 0
    }
}

/// The class bits of one token, asked by name: the bits themselves stay in
/// this file. The default is no word (before the first token, past the last).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordBits(u32);

impl WordBits {
    /// In `class` of `words.tsv`.
    #[inline]
    pub(crate) fn is(self, class: &WordClass) -> bool {
        self.0 & class.bit() != 0
    }

    /// A first name of `first_names.txt`, as listed.
    #[inline]
    pub(crate) fn is_first_name(self) -> bool {
        self.0 & FIRST_NAME != 0
    }

    /// Two characters or more, none in lower case ("NATO", "U.S.", "--").
    #[inline]
    pub(crate) fn is_shouted(self) -> bool {
        self.0 & SHOUTED != 0
    }

    /// Some gazetteer name starts with this very word.
    #[inline]
    pub(crate) fn may_start_gazetteer_name(self) -> bool {
        self.0 & GAZETTEER_START != 0
    }

    /// Some title starts with this very word.
    #[inline]
    pub(crate) fn may_start_title(self) -> bool {
        self.0 & TITLE_START != 0
    }

    /// Has a lower-case letter.
    #[inline]
    pub(crate) fn has_lower(self) -> bool {
        self.0 & HAS_LOWER != 0
    }

    /// Has a letter.
    #[inline]
    pub(crate) fn is_alphabetic(self) -> bool {
        self.0 & ALPHABETIC != 0
    }

    /// Has a letter and none in lower case ("NATO", "U.S.", "A").
    #[inline]
    pub(crate) fn is_upper_case(self) -> bool {
        self.0 & (ALPHABETIC | HAS_LOWER) == ALPHABETIC
    }

    /// Has a lower-case letter and starts with no capital ("iPhone", "said").
    #[inline]
    pub(crate) fn is_lower_case(self) -> bool {
        self.0 & (HAS_LOWER | CAPITALIZED) == HAS_LOWER
    }
}

/// A text's sentences and their token classes, read in a new word table.
#[cfg(test)]
pub(crate) fn analyzed(text: &str, lexicon: &Lexicon) -> (Vec<Sentence>, TokenClasses) {
    let sentences = crate::text::analyze(text, 0..text.len());
    let classes = TokenClasses::new(text, &sentences, lexicon, &mut WordTable::new(lexicon));
    (sentences, classes)
}

// The class bits the mention rules test, by name (before the tests: clippy wants no items after them).
impl SentenceClasses<'_> {
    /// Token `i` starts with a capital (false past the end).
    #[inline]
    pub(crate) fn is_capitalized(&self, i: usize) -> bool {
        self.bits(i) & CAPITALIZED != 0
    }

    /// Token `i` is a determiner ("the", "his", "our").
    #[inline]
    pub(crate) fn is_determiner(&self, i: usize) -> bool {
        self.bits(i) & DETERMINER != 0
    }

    /// Token `i` is a known first name.
    #[inline]
    pub(crate) fn is_first_name(&self, i: usize) -> bool {
        self.bits(i) & FIRST_NAME != 0
    }

    /// Token `i` is the first word of a relation trigger.
    #[inline]
    pub(crate) fn starts_trigger(&self, i: usize) -> bool {
        self.bits(i) & TRIGGER_WORD != 0
    }

    /// Token `i` is capitalised, a determiner or in `class`: what most mention
    /// rules need first, asked of every token in one mask test (false past the end).
    #[inline]
    pub(crate) fn is_capitalized_determiner_or(&self, i: usize, class: &WordClass) -> bool {
        self.bits(i) & (CAPITALIZED | DETERMINER | class.bit()) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_classes_ignore_case_and_exact_ones_do_not() {
        let lexicon = Lexicon::shared();
        let (speech, function) = (lexicon.words.speech.bit(), lexicon.words.function.bit());
        for word in ["said", "Said", "SAID"] {
            assert_ne!(lexicon.classes.of(word) & speech, 0, "{word}");
        }
        assert_ne!(lexicon.classes.of("The") & function, 0);
        assert_eq!(lexicon.classes.of("the") & function, 0, "function words are listed capitalised");
        assert_ne!(lexicon.classes.of("Aaron") & FIRST_NAME, 0);
        assert_eq!(lexicon.classes.of("aaron") & FIRST_NAME, 0);
        assert_ne!(lexicon.classes.of("Slammed") & TRIGGER_WORD, 0);
        assert_eq!(lexicon.classes.of("Putin"), 0);
        for word in ["the", "The", "THE", "Another", "its"] {
            assert_ne!(lexicon.classes.of(word) & DETERMINER, 0, "{word}");
        }
        assert_eq!(lexicon.classes.of("thee") & DETERMINER, 0);
    }

    #[test]
    fn classes_agree_with_the_word_classes() {
        let lexicon = Lexicon::shared();
        let words = &lexicon.words;
        for word in ["said", "Said", "government", "Airport", "of", "The", "the", "Ministry", "ÉTAT", "’s", ""] {
            let bits = lexicon.classes.of(word);
            for class in [&words.speech, &words.function, &words.org_head, &words.place_head, &words.state_noun] {
                assert_eq!(bits & class.bit() != 0, class.contains(word), "{word}");
            }
        }
    }

    fn bits_of(text: &str, lexicon: &Lexicon) -> Vec<u32> {
        analyzed(text, lexicon).1.bits
    }

    #[test]
    fn remembered_bits_equal_fresh_ones() {
        let lexicon = Lexicon::shared();
        let text = "Aaron said the U.S.-backed Prime Minister slammed Iran, and Iran slammed back.";
        let sentences = crate::text::analyze(text, 0..text.len());
        let fresh: Vec<u32> = sentences[0].tokens.iter().map(|t| word_bits(t.text(text), &lexicon)).collect();
        assert_eq!(bits_of(text, &lexicon), fresh, "first meeting");
        assert_eq!(bits_of(text, &lexicon), fresh, "remembered");
        let starts = |word: &str| word_bits(word, &lexicon) & (GAZETTEER_START | TITLE_START | TRIGGER_START);
        assert_eq!(starts("Iran"), GAZETTEER_START);
        assert_eq!(starts("Prime"), TITLE_START);
        assert_eq!(starts("slammed"), TRIGGER_START);
        assert_eq!(starts("and"), 0);
    }

    #[test]
    fn each_sentence_lists_its_capitals_and_phrase_starts() {
        let lexicon = Lexicon::shared();
        let text = "The U.S. envoy met Iran's Prime Minister.\n\nthen the new york times and eBay said so.\n\nDone";
        let (sentences, classes) = analyzed(text, &lexicon);
        assert_eq!(sentences.len(), 3);
        let listed = |bits: &[u32], mask: u32| {
            bits.iter().enumerate().filter(|(_, b)| *b & mask != 0).map(|(i, _)| i as u32).collect::<Vec<_>>()
        };
        for index in 0..sentences.len() {
            let sentence = classes.sentence(index);
            assert_eq!(sentence.capitalized, listed(sentence.bits, CAPITALIZED), "sentence {index}");
            assert_eq!(
                sentence.phrase_starts,
                listed(sentence.bits, GAZETTEER_START | TITLE_START),
                "sentence {index}"
            );
        }
        assert_eq!(classes.sentence(1).capitalized, Vec::<u32>::new(), "a sentence without capitals");
        assert_eq!(classes.sentence(2).capitalized, [0]);
    }

    #[test]
    fn a_thread_table_forgets_its_words_past_the_long_word_budget() {
        let lexicon = Lexicon::shared();
        let mut table = WordTable::bounded();
        table.serve(&lexicon);
        // Words of 64 KiB each: the table forgets them once they fill the budget.
        let long = |i: usize| format!("{}{i:04}", "x".repeat((1 << 16) - 4));
        let room = REMEMBERED_LONG_BYTES >> 16;
        for i in 0..room - 1 {
            table.id(&long(i), &lexicon);
            table.serve(&lexicon);
            assert!(table.id_of(&long(0)).is_some(), "forgotten after {i} words");
        }
        table.id(&long(room), &lexicon);
        table.serve(&lexicon);
        assert!(table.id_of(&long(0)).is_none());
    }

    #[test]
    fn letter_bits_describe_the_word() {
        let lexicon = Lexicon::shared();
        let letters =
            |word: &str| word_bits(word, &lexicon) & (CAPITALIZED | ALPHABETIC | HAS_LOWER | HAS_UPPER | SHOUTED);
        assert_eq!(letters("NATO"), CAPITALIZED | ALPHABETIC | HAS_UPPER | SHOUTED);
        assert_eq!(letters("U.S."), CAPITALIZED | ALPHABETIC | HAS_UPPER | SHOUTED);
        assert_eq!(letters("Élan"), CAPITALIZED | ALPHABETIC | HAS_LOWER | HAS_UPPER);
        assert_eq!(letters("iPhone"), ALPHABETIC | HAS_LOWER | HAS_UPPER);
        assert_eq!(letters("A"), CAPITALIZED | ALPHABETIC | HAS_UPPER);
        assert_eq!(letters("elan"), ALPHABETIC | HAS_LOWER);
        assert_eq!(letters("--"), SHOUTED);
        assert_eq!(letters(","), 0);
    }

    #[test]
    fn packed_words_differ_where_the_words_do() {
        assert_eq!(pack(b"seven.."), pack(b"seven.."));
        assert_ne!(pack(b"a\0"), pack(b"\0a"));
        assert_ne!(pack(b"ab"), pack(b"\0ab"));
        assert!(pack(b"eight..!").is_none());
        assert_eq!(pack_medium(b"eight..!"), pack_medium(b"eight..!"));
        assert_ne!(pack_medium(b"aaaaaaaaa"), pack_medium(b"aaaaaaaaaa"));
        assert_ne!(pack_medium(b"eight..!\0"), pack_medium(b"eight..!"));
        assert_ne!(pack_medium(b"fifteen bytes.a"), pack_medium(b"fifteen bytes.b"));
        assert_ne!(pack_medium(b"nine bytes"), pack_medium(b"nine bytez"));
        assert!(pack_medium(b"seven..").is_none() && pack_medium(b"sixteen bytes!!!").is_none());
        let lexicon = Lexicon::shared();
        let mut table = WordTable::new(&lexicon);
        let words =
            ["a", "ab", "\0ab", "a\0", "seven..", "eight..!", "Ολυμπία", "’", "fifteen bytes.a", "sixteen bytes!!!"];
        let ids: Vec<u32> = words.iter().map(|w| table.id(w, &lexicon)).collect();
        assert_eq!(ids, (0..words.len() as u32).collect::<Vec<_>>());
        assert_eq!(words.map(|w| table.id_of(w)).to_vec(), ids.into_iter().map(Some).collect::<Vec<_>>());
        // A token read in place from its text is the same word, whether eight
        // bytes of text follow its start or not (the last words).
        let text = words.join(" ");
        let mut at = 0;
        for (id, word) in words.iter().enumerate() {
            assert_eq!(table.id_at(&text, at..at + word.len(), &lexicon).id, id as u32, "{word}");
            at += word.len() + 1;
        }
        for (word, id) in [("ab", 1), ("seven..", 4)] {
            let text = format!("x {word}");
            assert_eq!(table.id_at(&text, 2..text.len(), &lexicon).id, id, "{word} at the end");
        }
        assert_eq!(table.id_at(&text, 0..2, &lexicon).id, words.len() as u32, "a new word");
    }

    #[test]
    fn a_full_table_starts_again_between_documents_only() {
        let lexicon = Lexicon::shared();
        let mut table = WordTable { limit: Some(2), ..WordTable::default() };
        table.serve(&lexicon);
        let ids: Vec<u32> = ["Iran", "said", "Iran", "no"].iter().map(|w| table.id(w, &lexicon)).collect();
        assert_eq!(ids, [0, 1, 0, 2], "ids hold for the whole document, past the limit");
        let generation = table.generation();
        table.serve(&lexicon);
        assert_ne!(table.generation(), generation, "the ids of before mean other words now");
        assert_eq!(table.id_of("Iran"), None);
        assert_eq!(table.id("no", &lexicon), 0);
        assert_eq!(table.known(b"no"), Some(Known { id: 0, bits: word_bits("no", &lexicon) }));
    }

    #[test]
    fn a_thread_keeps_the_bits_of_two_lexicons_apart() {
        let dir = std::env::temp_dir().join(format!("newsgraph-classes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("first_names.txt"), "Zorblax\n").unwrap();
        let custom = Lexicon::with_overrides(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let embedded = Lexicon::shared();
        // One table, as a thread's, serves each lexicon in turn.
        let mut table = WordTable::bounded();
        let mut first_name = |lexicon: &Lexicon| {
            table.serve(lexicon);
            let text = "Aaron Zorblax";
            let sentences = crate::text::analyze(text, 0..text.len());
            let classes = TokenClasses::new(text, &sentences, lexicon, &mut table);
            classes.bits.iter().map(|b| b & FIRST_NAME != 0).collect::<Vec<_>>()
        };
        assert_eq!(first_name(&embedded), [true, false]);
        assert_eq!(first_name(&custom), [false, true]);
        assert_eq!(first_name(&embedded), [true, false]);
    }

    proptest::proptest! {
        #[test]
        fn recent_words_have_the_ids_and_bits_the_table_gives(
            words in proptest::collection::vec("[a-zA-Z]{2,7}|[a-z.]{1,9}", 1..300),
        ) {
            let lexicon = Lexicon::shared();
            let mut table = WordTable::new(&lexicon);
            // Few slots, so that words share them.
            table.recent.truncate(8);
            let text = words.join(" ");
            let mut at = 0;
            for word in &words {
                let known = table.id_at(&text, at..at + word.len(), &lexicon);
                proptest::prop_assert_eq!(Some(known), table.known(word.as_bytes()), "{}", word);
                at += word.len() + 1;
            }
        }

        #[test]
        fn a_words_lower_case_is_found_as_if_lowered_first(
            words in proptest::collection::vec("[A-Za-z0-9@\\[`{.'-]{1,20}|[a-zÉé]{1,4}", 1..12),
        ) {
            let lexicon = Lexicon::shared();
            let mut table = WordTable::new(&lexicon);
            // Every other word is met in lower case.
            for word in words.iter().step_by(2) {
                table.id(&word.to_lowercase(), &lexicon);
            }
            let mut scratch = String::new();
            for word in &words {
                let lowered = table.id_of(&word.to_lowercase());
                proptest::prop_assert_eq!(table.id_of_lowercase(word, &mut scratch), lowered, "{}", word);
            }
        }

        #[test]
        fn named_letter_tests_say_what_the_letters_are(word in "[A-Za-z0-9.'-]{0,6}|[a-zÉéΟο]{1,4}") {
            let lexicon = Lexicon::shared();
            let bits = WordBits(word_bits(&word, &lexicon));
            let (alphabetic, lower) = (word.chars().any(char::is_alphabetic), word.chars().any(char::is_lowercase));
            proptest::prop_assert_eq!(bits.is_alphabetic(), alphabetic);
            proptest::prop_assert_eq!(bits.has_lower(), lower);
            proptest::prop_assert_eq!(bits.is_upper_case(), alphabetic && !lower);
            proptest::prop_assert_eq!(bits.is_lower_case(), lower && !word.starts_with(char::is_uppercase));
        }

        #[test]
        fn the_one_mask_mention_test_is_capital_or_determiner_or_class(
            words in proptest::collection::vec(
                proptest::sample::select(vec!["The", "the", "HIS", "an", "He", "he", "them", "it", "said", "Iran", "x", "."]),
                0..12,
            ),
        ) {
            let lexicon = Lexicon::shared();
            let text = words.join(" ");
            let (sentences, classes) = analyzed(&text, &lexicon);
            let pronouns = &lexicon.words.person_pronoun;
            for (index, sentence) in sentences.iter().enumerate() {
                let tested = classes.sentence(index);
                for i in 0..=sentence.tokens.len() {
                    let plain = sentence.tokens.get(i).is_some_and(|t| {
                        let word = &text[t.start..t.end];
                        word.starts_with(char::is_uppercase)
                            || lexicon.lists.determiner.contains(word)
                            || pronouns.contains(word)
                    });
                    proptest::prop_assert_eq!(tested.is_capitalized_determiner_or(i, pronouns), plain, "{} {}", text, i);
                }
            }
        }

        #[test]
        fn medium_words_pack_apart_unless_equal(
            a in proptest::collection::vec(proptest::prelude::any::<u8>(), 8..16),
            b in proptest::collection::vec(proptest::sample::select(b"ab\0".to_vec()), 8..16),
        ) {
            let a_again = a.clone();
            proptest::prop_assert_eq!(pack_medium(&a), pack_medium(&a_again));
            proptest::prop_assert_eq!(pack_medium(&a) == pack_medium(&b), a == b);
            // Words of few letters and lengths meet often: compare with a change of one.
            let mut c = b.clone();
            let last = c.len() - 1;
            c[last] ^= 1;
            proptest::prop_assert_ne!(pack_medium(&b), pack_medium(&c));
        }
    }
}
