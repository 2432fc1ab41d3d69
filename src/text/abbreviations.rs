//! Words whose period is part of the word: abbreviations and initialisms.

/// Abbreviations whose period neither ends a sentence nor leaves the token,
/// one a line. Embedded here, not in the lexicon: sentences are split before,
/// and without, a lexicon (evaluation, the tagger's training), so `--lexicon`
/// does not replace this file.
const ABBREVIATIONS: &str = include_str!("../../data/lexicon/abbreviations.txt");

/// The abbreviations and the length of the longest.
struct Abbreviations {
    words: rustc_hash::FxHashSet<&'static str>,
    longest: usize,
}

pub(crate) fn is_abbreviation(word: &str) -> bool {
    static SET: std::sync::OnceLock<Abbreviations> = std::sync::OnceLock::new();
    let abbreviations = SET.get_or_init(|| {
        let words: rustc_hash::FxHashSet<&str> =
            ABBREVIATIONS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        Abbreviations { words, longest }
    });
    // Asked at every period: many words are longer than any abbreviation.
    word.len() <= abbreviations.longest && abbreviations.words.contains(word)
}

/// True for words like "U.S" or "U.K" (single letters joined by periods):
/// their final period belongs to the word.
pub(crate) fn is_initialism(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return false,
        }
    }
    parts >= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_read_from_their_file_as_written() {
        for word in ["Mr", "Sept", "e.g", "approx", "Brig", "Cpl", "Supt", "Det"] {
            assert!(is_abbreviation(word), "{word}");
        }
        for word in ["mr", "Mr.", "MR", "September", "", "# Abbreviations"] {
            assert!(!is_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn initialisms_are_recognised() {
        assert!(is_initialism("U.S"));
        assert!(is_initialism("U.K"));
        assert!(!is_initialism("US"));
        assert!(!is_initialism("Mr"));
    }
}
