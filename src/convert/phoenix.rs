//! The PETRARCH actor and agent dictionary formats (`dictionaries.rst` of
//! PETRARCH2): records of a primary phrase, `+` synonyms and `[CODE dates]`
//! restrictions; agents as `PHRASE {PLURAL} [~CODE]` with `!SET!` substitutions.

use super::error::ConvertError;

/// An actor of a PETRARCH actor dictionary: its phrases and its codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The primary phrase first, then its synonyms, words joined by one space,
    /// as the file spells them ("TONY BLAIR").
    pub names: Vec<String>,
    /// The codes, each with the dates it holds between.
    pub codes: Vec<DatedCode>,
    /// The comment of the primary line, if any ("CountryInfo.txt").
    pub comment: Option<String>,
    /// The line of the primary phrase, from 1.
    pub line: usize,
}

/// An actor code and the dates it holds between (inclusive; `None`: open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The CAMEO actor code ("GBRGOV"); `---` is PETRARCH's null code.
    pub code: String,
    /// First day it holds, as an ISO date ("1997-05-02").
    pub from: Option<String>,
    /// Last day it holds, as an ISO date.
    pub to: Option<String>,
}

impl DatedCode {
    /// True for PETRARCH's null code `---`, which codes nothing.
    pub fn is_null(&self) -> bool {
        self.code.chars().all(|c| c == '-')
    }

    /// True when the code holds whatever the date.
    pub fn is_undated(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// An agent of a PETRARCH agent dictionary: every phrase it is written as and its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// The singular phrases, words joined by one space ("RIOT POLICE").
    pub singular: Vec<String>,
    /// The plural phrases: generated, given in `{...}` or from a substitution set.
    pub plural: Vec<String>,
    /// The code without its `~` ("COP").
    pub code: String,
    /// True when the code comes before the actor's (`NGO~`), false when after (`~COP`).
    pub prefix: bool,
    /// Its line, from 1.
    pub line: usize,
}

fn syntax(line: usize, message: impl Into<String>) -> ConvertError {
    ConvertError::Syntax { line, message: message.into() }
}

/// The text of a line before its comment, and the comment.
fn split_comment(line: &str) -> (&str, Option<&str>) {
    match line.find('#') {
        Some(at) => (&line[..at], Some(line[at + 1..].trim()).filter(|c| !c.is_empty())),
        None => (line, None),
    }
}

/// A phrase string's words joined by single spaces: `_` and blanks both separate words.
fn phrase(raw: &str) -> String {
    raw.split(['_', ' ', '\t']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A dictionary date, `YYMMDD` or `YYYYMMDD`, as ISO. As PETRARCH reads them,
/// up to seven characters are `YYMMDD` (00-30 being 20YY) and only the first
/// eight of a longer one count.
fn date(raw: &str, line: usize) -> Result<String, ConvertError> {
    let bad = || syntax(line, format!("bad date {raw:?}"));
    if !raw.bytes().all(|b| b.is_ascii_digit()) || raw.len() < 6 {
        return Err(bad());
    }
    let (year, rest) = if raw.len() <= 7 {
        let yy: u32 = raw[..2].parse().map_err(|_| bad())?;
        (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &raw[2..6])
    } else {
        (raw[..4].parse().map_err(|_| bad())?, &raw[4..8])
    };
    let (month, day): (u32, u32) = (rest[..2].parse().map_err(|_| bad())?, rest[2..].parse().map_err(|_| bad())?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(bad());
    }
    Ok(format!("{year:04}-{month:02}-{day:02}"))
}

/// The inside of one `[...]`: a code and an optional `<date`, `>date`, `date-date` or `date` (since).
fn dated_code(inside: &str, line: usize) -> Result<DatedCode, ConvertError> {
    let mut parts = inside.split_whitespace();
    let code = parts.next().ok_or_else(|| syntax(line, "empty code []"))?.to_uppercase();
    let restriction: String = parts.collect();
    let (from, to) = if restriction.is_empty() {
        (None, None)
    } else if let Some(d) = restriction.strip_prefix('<') {
        (None, Some(date(d, line)?))
    } else if let Some(d) = restriction.strip_prefix('>') {
        (Some(date(d, line)?), None)
    } else if let Some((a, b)) = restriction.split_once('-') {
        (Some(date(a, line)?), Some(date(b, line)?))
    } else if restriction.bytes().all(|b| b.is_ascii_digit()) {
        // A bare date: the Phoenix files write it for "since" (a return to office, a career's start).
        (Some(date(&restriction, line)?), None)
    } else {
        return Err(syntax(line, format!("bad date restriction {restriction:?}")));
    };
    Ok(DatedCode { code, from, to })
}

/// Every `[...]` of `text`, read as dated codes.
fn codes_in(text: &str, line: usize) -> Result<Vec<DatedCode>, ConvertError> {
    let mut codes = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').ok_or_else(|| syntax(line, "a '[' without ']'"))? + open;
        codes.push(dated_code(&rest[open + 1..close], line)?);
        rest = &rest[close + 1..];
    }
    Ok(codes)
}

/// The phrases of a name part: `+` inside a phrase starts another synonym.
fn names_in(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split('+').map(phrase).filter(|p| !p.is_empty())
}

/// Reads a PETRARCH actor dictionary. Lines are records' primary phrases,
/// `+` synonyms or (indented, or starting with `[`) code restrictions; a code
/// may also follow a phrase on its line. `#` starts a comment; the XML-like
/// `<!-- -->` header lines of the unit-test suite are skipped.
pub fn parse_actors(text: &str) -> Result<Vec<Actor>, ConvertError> {
    let mut actors: Vec<Actor> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if raw.trim_start().starts_with("<!") || raw.trim_start().starts_with("-->") {
            continue;
        }
        let (body, comment) = split_comment(raw);
        let trimmed = body.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (name_part, code_part) = trimmed.split_at(trimmed.find('[').unwrap_or(trimmed.len()));
        let codes = codes_in(code_part, line)?;
        if name_part.trim().is_empty() {
            let actor = actors.last_mut().ok_or_else(|| syntax(line, "a code before any actor"))?;
            actor.codes.extend(codes);
        } else if let Some(synonyms) = name_part.trim().strip_prefix('+') {
            let actor = actors.last_mut().ok_or_else(|| syntax(line, "a synonym before any actor"))?;
            actor.names.extend(names_in(synonyms));
            actor.codes.extend(codes);
        } else {
            let names: Vec<String> = names_in(name_part).collect();
            let comment = comment.map(String::from);
            actors.push(Actor { names, codes, comment, line });
        }
    }
    Ok(actors)
}

/// The regular plural of a phrase: its last word with S, ES after SS, IES for a consonant's Y.
pub fn regular_plural(phrase: &str) -> String {
    let upper = phrase.ends_with(|c: char| c.is_uppercase());
    let (s, es, ies) = if upper { ("S", "ES", "IES") } else { ("s", "es", "ies") };
    let lower = phrase.to_lowercase();
    if lower.ends_with("ss") || lower.ends_with("ch") || lower.ends_with("sh") || lower.ends_with('x') {
        format!("{phrase}{es}")
    } else if lower.ends_with('y') && !lower[..lower.len() - 1].ends_with(['a', 'e', 'o', 'u']) {
        format!("{}{ies}", &phrase[..phrase.len() - 1])
    } else {
        format!("{phrase}{s}")
    }
}

/// A `!SET! = A, B, C` line: the set's marker and members.
fn substitution_set(body: &str) -> Option<(String, Vec<String>)> {
    let (marker, members) = body.split_once('=')?;
    let marker = marker.trim();
    (marker.len() > 2 && marker.starts_with('!') && marker.ends_with('!')).then(|| {
        (marker.to_string(), members.split(',').map(|m| m.trim().to_string()).filter(|m| !m.is_empty()).collect())
    })
}

/// Reads a PETRARCH agent dictionary: `PHRASE {PLURALS} [~CODE]` lines, with
/// regular plurals made unless `{...}` gives them (`{}`: none), and
/// `!SET!` markers replaced by every member of their set (no plurals made).
pub fn parse_agents(text: &str) -> Result<Vec<Agent>, ConvertError> {
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    let mut agents = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if raw.trim_start().starts_with("<!") {
            continue;
        }
        let body = split_comment(raw).0.trim();
        if body.is_empty() {
            continue;
        }
        if let Some(set) = substitution_set(body) {
            sets.push(set);
            continue;
        }
        // A phrase without a code codes nothing (Phoenix.agents.txt has one).
        let Some(open) = body.find('[') else { continue };
        let close = body[open..].find(']').or_else(|| body[open..].find('}')).map(|c| c + open);
        let close = close.ok_or_else(|| syntax(line, "a '[' without ']'"))?;
        let code = body[open + 1..close].trim();
        let prefix = code.ends_with('~');
        let code = code.trim_matches('~').to_uppercase();
        let (root, plurals) = match body[..open].find('{') {
            Some(brace) => {
                let end = body[brace..open].find('}').ok_or_else(|| syntax(line, "a '{' without '}'"))? + brace;
                (&body[..brace], Some(body[brace + 1..end].split_whitespace().map(phrase).collect::<Vec<_>>()))
            }
            None => (&body[..open], None),
        };
        let root = phrase(root);
        if root.is_empty() {
            return Err(syntax(line, "an agent without a phrase"));
        }
        let (singular, plural) = expand(&root, plurals, &sets);
        agents.push(Agent { singular, plural, code, prefix, line });
    }
    Ok(agents)
}

/// An agent's singular and plural phrases.
fn expand(root: &str, plurals: Option<Vec<String>>, sets: &[(String, Vec<String>)]) -> (Vec<String>, Vec<String>) {
    if let Some((marker, members)) = sets.iter().find(|(marker, _)| root.contains(marker.as_str())) {
        // The set's members carry their own number: "CONGRESSMEN" is a plural.
        let (mut singular, mut plural) = (Vec::new(), Vec::new());
        for member in members {
            let form = root.replace(marker.as_str(), member);
            let many = ["MEN", "WOMEN", "MINISTERS", "MINISTRIES", "PEOPLE"].iter().any(|m| member.ends_with(m));
            if many { plural.push(form) } else { singular.push(form) }
        }
        return (singular, plural);
    }
    let plural = plurals.unwrap_or_else(|| vec![regular_plural(root)]);
    (vec![root.to_string()], plural)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(code: &str, from: Option<&str>, to: Option<&str>) -> DatedCode {
        DatedCode { code: code.into(), from: from.map(String::from), to: to.map(String::from) }
    }

    #[test]
    fn a_record_has_its_synonyms_and_dated_codes() {
        let text = "# header\n\nMIRA_VOLKOVA_  # a comment\n+MIRA_A._VOLKOVA\n\t[RUTGOV 980101-031231]\n\t[RUTELI >040101]\n\t[RUTOPP <19750601]\n\t[RUT]\n";
        let actors = parse_actors(text).unwrap();
        assert_eq!(actors.len(), 1);
        let actor = &actors[0];
        assert_eq!(actor.names, ["MIRA VOLKOVA", "MIRA A. VOLKOVA"]);
        assert_eq!(actor.comment.as_deref(), Some("a comment"));
        assert_eq!(actor.line, 3);
        assert_eq!(
            actor.codes,
            [
                code("RUTGOV", Some("1998-01-01"), Some("2003-12-31")),
                code("RUTELI", Some("2004-01-01"), None),
                code("RUTOPP", None, Some("1975-06-01")),
                code("RUT", None, None),
            ]
        );
    }

    #[test]
    fn codes_may_share_the_phrase_line_and_take_spaces_and_odd_widths() {
        let text = "ZORIN_PETROV_\t[XYZGOV 990101-010101] [---] [IGOABC 19950601 - 19990815]\nPLAIN_NAME [abc]\nSTRAY_ [XYZ > 2004017]\nSINCE_ [XYZ 19820101]\n";
        let actors = parse_actors(text).unwrap();
        assert_eq!(actors[0].codes.len(), 3);
        assert!(actors[0].codes[1].is_null());
        assert_eq!(actors[0].codes[2], code("IGOABC", Some("1995-06-01"), Some("1999-08-15")));
        assert_eq!(actors[1].codes, [code("ABC", None, None)]);
        // Seven digits are YYMMDD as PETRARCH reads them (its first six).
        assert_eq!(actors[2].codes[0].from.as_deref(), Some("2020-04-01"));
        assert_eq!(actors[3].codes[0], code("XYZ", Some("1982-01-01"), None));
    }

    #[test]
    fn a_plus_inside_a_synonym_starts_another_and_unit_test_headers_are_skipped() {
        let text = "<!-- SUITE -->\nNORTH_FRONT [XYZREB]\n+OLD_NAME+_OTHER_NAME_\n";
        let actors = parse_actors(text).unwrap();
        assert_eq!(actors[0].names, ["NORTH FRONT", "OLD NAME", "OTHER NAME"]);
    }

    #[test]
    fn bad_lines_name_their_line() {
        for (text, line, message) in [
            ("\t[ABC]\n", 1, "before any actor"),
            ("A_B [ABC 991301-000101]\n", 1, "bad date"),
            ("A_B\n+C [ABC 990101\n", 2, "without ']'"),
            ("A_B [ABC ~990101]\n", 1, "restriction"),
        ] {
            let Err(ConvertError::Syntax { line: got, message: said }) = parse_actors(text) else { panic!("{text:?}") };
            assert_eq!(got, line, "{text:?}");
            assert!(said.contains(message), "{said}");
        }
    }

    #[test]
    fn agents_get_plurals_and_substitutions() {
        let text = "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n\nRIOT_POLICE {} [~COP] # mass noun\nTROOP [~MIL]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\nMILITIA [~REB]\nRELIEF_BODY [NGO~]\nNO_CODE_HERE\nHILL!PERSON! [~AGR]\nWITNESS [~CVL]\n";
        let agents = parse_agents(text).unwrap();
        let forms: Vec<(Vec<&str>, Vec<&str>)> = agents
            .iter()
            .map(|a| (a.singular.iter().map(String::as_str).collect(), a.plural.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(forms[0], (vec!["RIOT POLICE"], vec![]));
        assert_eq!(forms[1], (vec!["TROOP"], vec!["TROOPS"]));
        assert_eq!(forms[2], (vec!["ATTORNEY GENERAL"], vec!["ATTORNEYS GENERAL"]));
        assert_eq!(forms[3], (vec!["MILITIA"], vec!["MILITIAS"]));
        assert_eq!(forms[5], (vec!["HILLMAN", "HILLWOMAN", "HILLPERSON"], vec!["HILLMEN", "HILLWOMEN"]));
        assert_eq!(forms[6].1, ["WITNESSES"]);
        assert_eq!((agents[0].code.as_str(), agents[0].prefix), ("COP", false));
        assert_eq!((agents[4].code.as_str(), agents[4].prefix), ("NGO", true));
        assert_eq!(agents[2].line, 5);
        assert!(agents.iter().all(|a| a.singular[0] != "NO CODE HERE"));
    }

    #[test]
    fn plurals_of_y_words() {
        assert_eq!(regular_plural("DEPUTY"), "DEPUTIES");
        assert_eq!(regular_plural("ATTORNEY"), "ATTORNEYS");
        assert_eq!(regular_plural("church"), "churches");
    }
}
