//! Regular English verb forms, for the verbs a dictionary lists only by
//! their base form: "-s", "-ed" and "-ing", with the spelling changes of
//! each (doubled consonants, a dropped "e", "y" to "ie").

/// The base form and its regular inflections (lower case, base first, no
/// form twice): "ban" → ban, bans, banned, banning.
pub(crate) fn regular_forms(base: &str) -> Vec<String> {
    let base = base.to_lowercase();
    let mut forms = vec![base.clone(), third_person(&base)];
    forms.extend(past(&base));
    forms.push(present_participle(&base));
    let mut seen = std::collections::HashSet::new();
    forms.retain(|f| seen.insert(f.clone()));
    forms
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The plural of a noun phrase's last word ("deal" → "deals", "policy" →
/// "policies"): the spelling of the third person.
pub(crate) fn plural(noun: &str) -> String {
    third_person(noun)
}

/// "-s", "-es" after a sibilant or "o", "-ies" after a consonant and "y".
fn third_person(base: &str) -> String {
    if let Some(stem) = consonant_y_stem(base) {
        return format!("{stem}ies");
    }
    let sibilant = ["s", "x", "z", "ch", "sh", "o"].iter().any(|end| base.ends_with(end));
    if sibilant && !base.ends_with("oo") { format!("{base}es") } else { format!("{base}s") }
}

/// The past forms: usually one; a final "l" after one vowel gives the British
/// and the American spelling ("cancelled", "canceled").
fn past(base: &str) -> Vec<String> {
    if let Some(stem) = consonant_y_stem(base) {
        return vec![format!("{stem}ied")];
    }
    if base.ends_with('e') {
        return vec![format!("{base}d")];
    }
    if base.ends_with('c') {
        return vec![format!("{base}ked")];
    }
    if doubles_final_consonant(base) {
        let last = base.chars().last().unwrap_or_default();
        return vec![format!("{base}{last}ed")];
    }
    if ends_in_single_vowel_l(base) {
        return vec![format!("{base}led"), format!("{base}ed")];
    }
    vec![format!("{base}ed")]
}

fn present_participle(base: &str) -> String {
    if let Some(stem) = base.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if base.ends_with('c') {
        return format!("{base}king");
    }
    // "agree", "see" and "be" keep their "e"; "move" drops it.
    if let Some(stem) = base.strip_suffix('e')
        && !stem.ends_with('e')
        && stem.len() > 1
    {
        return format!("{stem}ing");
    }
    if doubles_final_consonant(base) || ends_in_single_vowel_l(base) {
        let last = base.chars().last().unwrap_or_default();
        return format!("{base}{last}ing");
    }
    format!("{base}ing")
}

/// "deny" → "den": a final "y" after a consonant (not "obey").
fn consonant_y_stem(base: &str) -> Option<&str> {
    let stem = base.strip_suffix('y')?;
    stem.chars().last().filter(|c| !is_vowel(*c)).map(|_| stem)
}

/// One syllable ending consonant–vowel–consonant ("ban", "stop", "plan"),
/// or a verb whose stressed last syllable the list below names ("admit",
/// "prefer", "occur"): without stress marks, the spelling cannot tell
/// "admitted" from "limited" or "preferred" from "offered".
fn doubles_final_consonant(base: &str) -> bool {
    const STRESSED_LAST: [&str; 34] = [
        "admit", "commit", "permit", "submit", "omit", "emit", "transmit", "acquit", "prefer", "refer", "defer",
        "confer", "transfer", "deter", "occur", "recur", "incur", "concur", "expel", "compel", "propel", "repel",
        "dispel", "rebel", "control", "patrol", "regret", "forget", "begin", "equip", "abet", "outbid", "overrun",
        "upset",
    ];
    let chars: Vec<char> = base.chars().collect();
    let [.., a, b, c] = chars[..] else { return false };
    let cvc = !is_vowel(a) && is_vowel(b) && !is_vowel(c) && !matches!(c, 'w' | 'x' | 'y');
    if !cvc {
        return false;
    }
    let vowel_groups = chars.windows(2).filter(|w| !is_vowel(w[0]) && is_vowel(w[1])).count()
        + usize::from(chars.first().is_some_and(|&c| is_vowel(c)));
    vowel_groups == 1 || STRESSED_LAST.iter().any(|end| base.ends_with(end))
}

/// "cancel", "label", "travel": more than one syllable, one vowel, then "l".
fn ends_in_single_vowel_l(base: &str) -> bool {
    let chars: Vec<char> = base.chars().collect();
    matches!(chars[..], [.., a, b, 'l'] if !is_vowel(a) && is_vowel(b)) && !doubles_final_consonant(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spelling_changes_of_news_verbs() {
        let cases: &[(&str, &[&str])] = &[
            ("ban", &["ban", "bans", "banned", "banning"]),
            ("visit", &["visit", "visits", "visited", "visiting"]),
            ("accuse", &["accuse", "accuses", "accused", "accusing"]),
            ("deny", &["deny", "denies", "denied", "denying"]),
            ("obey", &["obey", "obeys", "obeyed", "obeying"]),
            ("push", &["push", "pushes", "pushed", "pushing"]),
            ("veto", &["veto", "vetoes", "vetoed", "vetoing"]),
            ("agree", &["agree", "agrees", "agreed", "agreeing"]),
            ("tie", &["tie", "ties", "tied", "tying"]),
            ("admit", &["admit", "admits", "admitted", "admitting"]),
            ("cancel", &["cancel", "cancels", "cancelled", "canceled", "cancelling"]),
            ("panic", &["panic", "panics", "panicked", "panicking"]),
            ("fix", &["fix", "fixes", "fixed", "fixing"]),
            ("open", &["open", "opens", "opened", "opening"]),
            ("limit", &["limit", "limits", "limited", "limiting"]),
            ("offer", &["offer", "offers", "offered", "offering"]),
            ("prefer", &["prefer", "prefers", "preferred", "preferring"]),
        ];
        for (base, expected) in cases {
            assert_eq!(regular_forms(base), *expected, "{base}");
        }
    }

    proptest! {
        /// Every form starts with the base up to its last two letters, and
        /// the base comes first, in lower case.
        #[test]
        fn forms_extend_the_base(base in "[a-z]{3,12}") {
            let forms = regular_forms(&base);
            prop_assert_eq!(&forms[0], &base);
            prop_assert!(forms.len() >= 4);
            let stem: String = base.chars().take(base.len() - 2).collect();
            for form in &forms {
                prop_assert!(form.starts_with(&stem), "{} of {}", form, base);
                prop_assert!(form.len() >= base.len() - 1);
            }
            prop_assert!(forms.iter().any(|f| f.ends_with("ing")));
            prop_assert!(forms.iter().any(|f| f.ends_with('d')));
        }
    }
}
