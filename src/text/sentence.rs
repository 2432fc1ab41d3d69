//! Sentence splitting by rule: terminal punctuation followed by a capital, a
//! digit or a quote starts a new sentence unless the word before the period is
//! an abbreviation ("Mr.", "Jan.") or an initialism ("U.S."). Blank lines and
//! lines that do not continue in lower case also end a sentence, which keeps
//! headlines and datelines apart from the text around them.

use std::ops::Range;

use super::abbreviations::{is_abbreviation, is_initialism};

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '’' | '”' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '‘' | '“' | '(' | '[' | '«')
}

/// The word that ends just before byte `end` (letters, digits and periods).
fn word_before(text: &str, end: usize) -> &str {
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(end, |(i, _)| i);
    &text[start..end]
}

/// The offset of the first byte in `bytes` that may end a sentence: line
/// break, terminal punctuation, the lead byte of "…". The common ones are
/// found first, then the rare ones before those (callgrind, BBC corpus:
/// 2.3M instructions fewer than a hand-written eight-bytes-at-a-time scan).
fn next_may_end(bytes: &[u8]) -> Option<usize> {
    let common = memchr::memchr3(b'.', b'\n', 0xE2, bytes);
    let rare = memchr::memchr2(b'!', b'?', &bytes[..common.unwrap_or(bytes.len())]);
    rare.or(common)
}

/// Byte ranges of the sentences in `text[body]`, trimmed of surrounding space.
pub fn split_sentences(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = body.start;
    let bytes = text.as_bytes();
    let mut pos = body.start;
    while pos < body.end {
        // Only line breaks and terminal punctuation can end a sentence: skip
        // other bytes undecoded (0xE2 leads "…"; it is never a continuation byte).
        let Some(skip) = next_may_end(&bytes[pos..body.end]) else { break };
        pos += skip;
        let at = pos;
        let Some(c) = text[at..body.end].chars().next() else { break };
        pos += c.len_utf8();
        let boundary_end = match c {
            '\n' => {
                // A line break ends a sentence unless the next line continues in lower case.
                let rest = text[at + 1..body.end].trim_start_matches([' ', '\t', '\r']);
                let continues = rest.chars().next().is_some_and(char::is_lowercase);
                (!continues).then_some(at)
            }
            '.' | '!' | '?' | '…' => {
                // Absorb repeated punctuation and closing quotes: `?!`, `."`, `.”`.
                while let Some(n) = text[pos..body.end].chars().next() {
                    if matches!(n, '.' | '!' | '?') || is_closing(n) {
                        pos += n.len_utf8();
                    } else {
                        break;
                    }
                }
                let end = pos;
                let next = text[end..body.end].chars().next();
                let after_space = text[end..body.end].trim_start_matches([' ', '\t', '\r']);
                let starts_sentence = |s: &str| {
                    s.chars()
                        .next()
                        .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || is_opening(n) || n == '\n')
                };
                let ends = match next {
                    None => true,
                    Some(n) if n.is_whitespace() => starts_sentence(after_space),
                    // `...crisis.”During the meetings`: a closing quote glued to the next sentence.
                    Some(n) if n.is_uppercase() => {
                        end > at + 1 && is_closing(text[..end].chars().next_back().unwrap_or(' '))
                    }
                    _ => false,
                };
                // Read only where the text would end here (not inside "U.S." or "3.5").
                let abbreviation = || {
                    c == '.' && {
                        let word = word_before(text, at);
                        is_abbreviation(word.trim_end_matches('.')) || is_initialism(word)
                    }
                };
                // "U.S. President" keeps going; "in the U.S. The next day" would be
                // split by a capitalised function word, which we accept as a miss.
                (ends && !abbreviation()).then_some(end)
            }
            _ => None,
        };
        if let Some(end) = boundary_end {
            push_trimmed(text, start..end, &mut sentences);
            start = end;
        }
    }
    push_trimmed(text, start..body.end, &mut sentences);
    sentences
}

/// The longest sentence kept whole, in bytes. Longer runs are text the rules
/// could not split (tables, lists, transcripts without punctuation): they are
/// cut at the last space before the limit, so that no sentence costs the
/// relation frames minutes or puts kilobytes into every edge's evidence.
/// News sentences stay far below it.
pub const LONGEST_SENTENCE: usize = 3000;

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = range.start;
    while range.end - start > LONGEST_SENTENCE {
        let mut limit = start + LONGEST_SENTENCE;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let mut cut = text[start..limit].rfind(char::is_whitespace).map_or(limit, |at| start + at).max(start + 1);
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        push_piece(text, start..cut, out);
        start = cut;
    }
    push_piece(text, start..range.end, out);
}

fn push_piece(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = range.start + trimmed_start;
        out.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, 0..text.len()).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met U.S. President Joe Biden on Jan. 5. He left."),
            vec!["Mr. Smith met U.S. President Joe Biden on Jan. 5.", "He left."]
        );
        assert_eq!(
            split("Brig. Gen. Ada Vance and Det. Supt. Kofi Mensah spoke. Cpl. Ruiz left."),
            vec!["Brig. Gen. Ada Vance and Det. Supt. Kofi Mensah spoke.", "Cpl. Ruiz left."]
        );
    }

    #[test]
    fn closing_quote_glued_to_next_sentence_splits() {
        assert_eq!(
            split("it said “ties are bad.”During the talks, they met."),
            vec!["it said “ties are bad.”", "During the talks, they met."]
        );
    }

    #[test]
    fn headline_lines_stand_alone() {
        assert_eq!(
            split("Biden's killer remark\n\nMarking the first row, he spoke."),
            vec!["Biden's killer remark", "Marking the first row, he spoke."]
        );
    }

    #[test]
    fn wrapped_lines_continue_in_lower_case() {
        assert_eq!(split("The ambassador\nwas recalled."), vec!["The ambassador\nwas recalled."]);
    }

    #[test]
    fn a_run_past_the_longest_sentence_is_cut_at_spaces() {
        let run = "and the talks went on ".repeat(400);
        let pieces = split(&run);
        assert!(pieces.len() >= 3, "{}", pieces.len());
        assert!(pieces.iter().all(|p| p.len() <= LONGEST_SENTENCE && p.ends_with(|c: char| c.is_alphabetic())));
        assert_eq!(pieces.concat().len() + pieces.len() - 1, run.trim_end().len());
        // No space at all: cut at a character boundary.
        let word = "é".repeat(2000);
        assert!(split(&word).iter().all(|p| p.len() <= LONGEST_SENTENCE && !p.is_empty()));
    }

    /// The bytes `next_may_end` finds, one at a time.
    fn may_end(b: u8) -> bool {
        matches!(b, b'\n' | b'.' | b'!' | b'?' | 0xE2)
    }

    proptest::proptest! {
        #[test]
        fn the_scan_finds_the_first_possible_end_as_a_byte_loop_does(
            bytes in proptest::collection::vec(proptest::sample::select(b"a .\n!?\xE2\x80".to_vec()), 0..100),
        ) {
            proptest::prop_assert_eq!(next_may_end(&bytes), bytes.iter().position(|&b| may_end(b)));
        }
    }

    #[test]
    fn the_scan_finds_the_first_possible_end_from_every_start_to_every_end() {
        let bytes: Vec<u8> = "ab.c\n!?x…é\u{80}\u{2028}yz ".bytes().collect();
        // Every start and length, so that each byte is met at every place in a word and in the tail.
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let slice = &bytes[start..end];
                let expected = slice.iter().position(|&b| may_end(b));
                assert_eq!(next_may_end(slice), expected, "{slice:?}");
            }
        }
        let long = [b"abcdefgh".repeat(5), b"0123456.".to_vec(), vec![0xE2; 3]].concat();
        assert_eq!(next_may_end(&long), Some(47));
        assert_eq!(next_may_end(&long[48..]), Some(0));
        assert_eq!(next_may_end(&long[..47]), None);
    }

    #[test]
    fn lower_case_after_period_is_not_a_boundary() {
        assert_eq!(split("It cost 3.5 billion. e.g. this"), vec!["It cost 3.5 billion. e.g. this"]);
    }
}
