//! Names as ids: slugs and entity ids, and a small string helper the stages share.

/// `text` without any leading copies of `prefix`: `trim_start_matches` for a
/// short literal, without setting up a substring searcher on every call.
pub(crate) fn strip_leading<'t>(mut text: &'t str, prefix: &str) -> &'t str {
    while let Some(rest) = text.strip_prefix(prefix) {
        text = rest;
    }
    text
}

/// Turns a name into a stable id fragment: "Vladimir Putin" → "vladimir-putin".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_slug(&mut out, name);
    out
}

/// An entity id: `kind`, a colon and the slug of `name`, built in one string.
#[cfg(test)]
pub(crate) fn entity_id(kind: &str, name: &str) -> String {
    let mut out = String::with_capacity(kind.len() + 1 + name.len());
    push_entity_id(&mut out, kind, name);
    out
}

/// Appends the entity id of `kind` and `name` to `out`.
pub(crate) fn push_entity_id(out: &mut String, kind: &str, name: &str) {
    out.push_str(kind);
    out.push(':');
    push_slug(out, name);
}

/// Appends the slug of `name` to `out`.
fn push_slug(out: &mut String, name: &str) {
    let from = out.len();
    // No hyphen at the start or after another one.
    let mut hyphen_allowed = false;
    if name.is_ascii() {
        // Resolution slugs every name it meets: ASCII names are copied a run
        // of letters and digits at a time, and lowered at the end.
        let bytes = name.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let run = bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if run > 0 {
                out.push_str(&name[at..at + run]);
                hyphen_allowed = true;
                at += run;
            } else {
                push_separator(out, &mut hyphen_allowed, char::from(bytes[at]));
                at += 1;
            }
        }
        out[from..].make_ascii_lowercase();
        trim_hyphens(out, from);
    } else {
        push_slug_chars(out, name);
    }
}

/// `push_slug` a character at a time: for any name, and the reference for
/// the ASCII runs.
fn push_slug_chars(out: &mut String, name: &str) {
    let from = out.len();
    let mut hyphen_allowed = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c == 'ʼ' {
            // The modifier-letter apostrophe is a letter to Unicode, an apostrophe to a reader.
            continue;
        } else if c.is_alphanumeric() {
            out.push(c);
            hyphen_allowed = true;
        } else {
            push_separator(out, &mut hyphen_allowed, c);
        }
    }
    trim_hyphens(out, from);
}

/// Drops the hyphens a slug ends with (it has no others in a row).
fn trim_hyphens(out: &mut String, from: usize) {
    while out.len() > from && out.ends_with('-') {
        out.pop();
    }
}

/// What a character that is no letter or digit adds to a slug: a hyphen, but
/// none at the start, after another or for "'", "’" and "." ("U.S." is "us").
fn push_separator(out: &mut String, hyphen_allowed: &mut bool, c: char) {
    if *hyphen_allowed && !matches!(c, '\'' | '’' | '.') {
        out.push('-');
        *hyphen_allowed = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_and_hyphenated() {
        assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
        assert_eq!(slug("Côte d'Ivoire"), "côte-divoire");
        assert_eq!(slug("U.S. Office of the DNI"), "us-office-of-the-dni");
        assert_eq!(slug("-- Al-Qaeda's  (AQAP) --"), "al-qaedas-aqap");
        assert_eq!(slug("ÉCOLE -- d’Été"), "école-dété");
        assert_eq!(slug("Da’esh"), slug("Da'esh"));
        assert_eq!(slug("Daʼesh"), slug("Da'esh"));
        assert_eq!(entity_id("person", "-- Al-Qaeda's --"), "person:al-qaedas");
        assert_eq!(entity_id("place", "--"), "place:");
    }

    proptest::proptest! {
        #[test]
        fn ascii_slugs_equal_slugs_made_a_character_at_a_time(name in "[A-Za-z0-9 .'(),-]{0,24}") {
            let mut reference = String::from("x:");
            push_slug_chars(&mut reference, &name);
            proptest::prop_assert_eq!(entity_id("x", &name), reference);
        }
    }
}
