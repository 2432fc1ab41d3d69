//! Plain-text articles: optional `# title:` / `# url:` / `# date:` header
//! lines, an optional `date YYYY-MM-DD` dateline at the very start, then text.

use super::document::{Document, InputProblem, Item, Origin, is_valid_date};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Something to say about one line of an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub(crate) struct LineNote {
    pub(crate) line: usize,
    pub(crate) message: String,
}

/// Parses an article. An invalid date is left out, with a note (the text is
/// kept, dateline included); an article with no text is the error.
pub(crate) fn parse_plain(id: &str, text: String) -> Result<(Document, Vec<LineNote>), LineNote> {
    let mut doc = Document { id: id.to_string(), ..Document::default() };
    let mut notes = Vec::new();
    let mut offset = 0;
    let mut line_no = 1;
    // Header lines.
    while let Some(line) = text[offset..].split_inclusive('\n').next() {
        let Some((key, value)) = line.trim().strip_prefix('#').and_then(|h| h.split_once(':')) else {
            break;
        };
        let value = value.trim().to_string();
        match key.trim() {
            "title" => doc.title = Some(value),
            "url" => doc.url = Some(value),
            "date" => doc.date = check_date(value, line_no, &mut notes),
            _ => break,
        }
        offset += line.len();
        line_no += 1;
    }
    // Dateline: `date 2021-03-21 Text...`, possibly after leading spaces.
    let rest = &text[offset..];
    let lead = rest.len() - rest.trim_start().len();
    let trimmed = &rest[lead..];
    if let Some(after) = trimmed.strip_prefix("date ").or_else(|| trimmed.strip_prefix("Date ")) {
        let date = after.split_whitespace().next().unwrap_or("");
        let line_at = line_no + rest[..lead].matches('\n').count();
        doc.date = check_date(date.to_string(), line_at, &mut notes);
        if doc.date.is_some() {
            offset += lead + "date ".len() + date.len();
        }
    }
    doc.body_start = offset;
    if text[offset..].trim().is_empty() {
        return Err(LineNote { line: line_no, message: "empty document".to_string() });
    }
    if doc.date.is_none() && notes.is_empty() {
        doc.date = find_written_date(&text[offset..]);
    }
    doc.text = text;
    Ok((doc, notes))
}

/// A plain article read from `shown` as document `id`: the document, preceded
/// by a problem for each repair it needed, or the problem that cost it.
pub(crate) fn read_article(shown: &str, id: &str, text: String) -> Result<Vec<Item>, InputProblem> {
    match parse_plain(id, text) {
        Ok((mut doc, notes)) => {
            let mut items: Vec<Item> =
                notes.into_iter().map(|n| Err(InputProblem::repaired(shown, Some(n.line), n.message))).collect();
            doc.origin = Origin { path: shown.to_string(), line: None };
            items.push(Ok(doc));
            Ok(items)
        }
        Err(note) => Err(InputProblem::new(shown, Some(note.line), note.message)),
    }
}

/// The date if valid; else a note, and no date.
fn check_date(date: String, line: usize, notes: &mut Vec<LineNote>) -> Option<String> {
    if is_valid_date(&date) {
        return Some(date);
    }
    notes.push(LineNote { line, message: format!("invalid date {date:?}, expected YYYY-MM-DD; left empty") });
    None
}

/// A date line such as "Friday, August 21, 2015" among the first lines (Wikinews style).
fn find_written_date(body: &str) -> Option<String> {
    body.lines().take(6).find_map(|line| {
        // The date opens the line: "Friday, August 21, 2015 ..." (weekday optional).
        let words: Vec<&str> =
            line.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).take(4).collect();
        let month = words.iter().find_map(|w| MONTHS.iter().position(|m| m == w))? + 1;
        let numbers: Vec<u32> = words.iter().filter_map(|w| w.parse().ok()).collect();
        match numbers[..] {
            [day, year] if (1..=31).contains(&day) && year > 1000 => Some(format!("{year:04}-{month:02}-{day:02}")),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_on_the_first_line_sets_date_and_body() {
        let (doc, _) = parse_plain("a.txt", " date 2021-03-21 Russia’s envoy left.".into()).unwrap();
        assert_eq!(doc.date.as_deref(), Some("2021-03-21"));
        assert_eq!(doc.text[doc.body_start..].trim(), "Russia’s envoy left.");
    }

    #[test]
    fn header_lines_and_written_date() {
        let text = "# title: T\n# url: http://x\n\nHeadline\n\nFriday, August 21, 2015 On Tuesday, a body.";
        let (doc, _) = parse_plain("k.txt", text.into()).unwrap();
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(doc.url.as_deref(), Some("http://x"));
        assert_eq!(doc.date.as_deref(), Some("2015-08-21"));
    }

    #[test]
    fn an_empty_article_is_an_error() {
        assert!(parse_plain("e.txt", "  \n".into()).is_err());
    }

    #[test]
    fn a_bad_date_is_left_empty_and_the_text_kept() {
        let (doc, notes) = parse_plain("d.txt", "# title: T\ndate 2021-13-01 Text".into()).unwrap();
        assert_eq!((doc.date, doc.body_start), (None, "# title: T\n".len()));
        assert_eq!(notes[0].line, 2);
        let (doc, notes) = parse_plain("h.txt", "# date: soon\nFriday, August 21, 2015 Text".into()).unwrap();
        assert_eq!((doc.date, notes.len()), (None, 1));
    }
}
