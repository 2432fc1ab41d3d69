//! Words whose period is part of the word: abbreviations and initialisms.

/// Abbreviations whose period neither ends a sentence nor leaves the token.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr", "Sen", "Rep", "Gov",
    "Pres", "Rev", "Hon", "St", "Mt", "Ft", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "No", "vs", "etc", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu",
    "Thur", "Thurs", "Fri", "Sat", "Sun", "approx", "est", "Dept", "Univ", "Ave", "Blvd", "i.e", "e.g",
];

pub(crate) fn is_abbreviation(word: &str) -> bool {
    // Asked at every period: many words are longer than any abbreviation.
    const LONGEST: usize = {
        let (mut longest, mut i) = (0, 0);
        while i < ABBREVIATIONS.len() {
            if ABBREVIATIONS[i].len() > longest {
                longest = ABBREVIATIONS[i].len();
            }
            i += 1;
        }
        longest
    };
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    word.len() <= LONGEST && SET.get_or_init(|| ABBREVIATIONS.iter().copied().collect()).contains(word)
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
    fn initialisms_are_recognised() {
        assert!(is_initialism("U.S"));
        assert!(is_initialism("U.K"));
        assert!(!is_initialism("US"));
        assert!(!is_initialism("Mr"));
    }
}
