//! Articles held in memory rather than read from files: what
//! [`KnowledgeGraph::from_texts`](crate::graph::KnowledgeGraph::from_texts) takes.

use super::decode::without_bom;
use super::document::{InputProblem, Item, is_valid_date};
use super::plain::read_article;

/// One article held in memory: its id, its text (read as a plain-text file
/// is: optional `# title:`/`# date:` header lines and dateline), and
/// optionally its date, which wins over one found in the text.
///
/// `("id", "text")` and `("id", "text", "2024-01-02")` convert into one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The document id, as a file name is when the command line reads a file.
    pub id: String,
    /// The whole text, header lines and dateline included.
    pub text: String,
    /// A `YYYY-MM-DD` date.
    pub date: Option<String>,
}

impl<I: Into<String>, T: Into<String>> From<(I, T)> for Article {
    fn from((id, text): (I, T)) -> Self {
        Article { id: id.into(), text: text.into(), date: None }
    }
}

impl<I: Into<String>, T: Into<String>, D: Into<String>> From<(I, T, D)> for Article {
    fn from((id, text, date): (I, T, D)) -> Self {
        Article { id: id.into(), text: text.into(), date: Some(date.into()) }
    }
}

impl Article {
    /// The document, preceded by a problem for each repair it needed, as if
    /// read from a file named by its id; or the problem that cost it.
    pub(crate) fn into_items(mut self) -> Vec<Item> {
        // As a file's: a byte order mark is not text.
        let bom = self.text.len() - without_bom(self.text.as_bytes()).len();
        self.text.drain(..bom);
        let mut items = match read_article(&self.id, &self.id, self.text) {
            Ok(items) => items,
            Err(problem) => return vec![Err(problem)],
        };
        if let Some(date) = self.date {
            let valid = is_valid_date(&date);
            if !valid {
                let message = format!("invalid date {date:?}, expected YYYY-MM-DD; left empty");
                items.insert(items.len() - 1, Err(InputProblem::repaired(self.id.as_str(), None, message)));
            }
            if let Some(Ok(doc)) = items.last_mut() {
                doc.date = valid.then_some(date);
            }
        }
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_date_wins_over_the_dateline() {
        let items = Article::from(("a", "date 2021-03-21 Text.", "2024-01-02")).into_items();
        let doc = items[0].as_ref().unwrap();
        assert_eq!((doc.id.as_str(), doc.date.as_deref()), ("a", Some("2024-01-02")));
        assert_eq!(doc.text[doc.body_start..].trim(), "Text.");
    }

    #[test]
    fn a_byte_order_mark_is_dropped_as_from_a_file() {
        let items = Article::from(("a", "\u{feff}# title: T\nText.")).into_items();
        let doc = items[0].as_ref().unwrap();
        assert_eq!((doc.title.as_deref(), doc.text.as_str()), (Some("T"), "# title: T\nText."));
    }

    #[test]
    fn a_bad_date_is_noted_and_an_empty_text_is_a_problem() {
        let items = Article::from(("a", "Text.", "soon")).into_items();
        assert!(items[0].as_ref().unwrap_err().repaired);
        assert_eq!(items[1].as_ref().unwrap().date, None);
        assert!(!Article::from(("e", " \n")).into_items()[0].as_ref().unwrap_err().repaired);
    }
}
