//! JSONL corpora: one `{"id", "text", "date"?, "title"?, "url"?}` object per
//! line, read line by line so a corpus never has to fit in memory.

use std::collections::VecDeque;
use std::io::BufRead;

use serde::Deserialize;

use super::decode::{decode, without_bom};
use super::document::{Document, InputProblem, Item, Origin, is_valid_date};

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// Streams documents from a JSONL reader; each bad line is one problem.
pub(crate) struct JsonlReader {
    shown: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
    /// A document's repair notes, then the document.
    pending: VecDeque<Item>,
}

impl JsonlReader {
    /// Reads `reader`, naming it `shown` in problems.
    pub(crate) fn new(shown: impl Into<String>, reader: Box<dyn BufRead + Send>) -> Self {
        JsonlReader { shown: shown.into(), reader, line: 0, buf: Vec::new(), pending: VecDeque::new() }
    }

    fn problem(&self, message: impl Into<String>) -> InputProblem {
        InputProblem::new(self.shown.clone(), Some(self.line), message)
    }

    fn repaired(&self, message: impl Into<String>) -> InputProblem {
        InputProblem::repaired(self.shown.clone(), Some(self.line), message)
    }

    /// Queues the line's document after its repair notes, or the problem that cost it.
    fn parse(&mut self, bytes: Vec<u8>) {
        let mut repairs = Vec::new();
        let item = self.parse_line(bytes, &mut repairs);
        if item.is_ok() {
            self.pending.extend(repairs.into_iter().map(Err));
        }
        self.pending.push_back(item);
    }

    fn parse_line(&self, bytes: Vec<u8>, repairs: &mut Vec<InputProblem>) -> Item {
        let (text, repair) = decode(&self.shown, bytes).map_err(|p| self.problem(p.message))?;
        repairs.extend(repair.map(|p| self.repaired(p.message)));
        let record: Record = serde_json::from_str(&text).map_err(|e| self.problem(format!("malformed JSON ({e})")))?;
        let id = match record.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => return Err(self.problem("missing \"id\" (a string or number)")),
        };
        let Some(text) = record.text.filter(|t| !t.trim().is_empty()) else {
            return Err(self.problem(format!("document {id:?} has no \"text\"")));
        };
        let date = match record.date {
            Some(date) if !is_valid_date(&date) => {
                repairs.push(self.repaired(format!("invalid date {date:?}, expected YYYY-MM-DD; left empty")));
                None
            }
            date => date,
        };
        let origin = Origin { path: self.shown.clone(), line: Some(self.line) };
        Ok(Document { id, date, title: record.title, url: record.url, text, body_start: 0, origin })
    }
}

impl Iterator for JsonlReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // A read error ends the stream: report it once, then stop.
                    let problem = self.problem(format!("read error: {e}"));
                    self.reader = Box::new(std::io::empty());
                    return Some(Err(problem));
                }
            }
            if self.line == 1 {
                let bom = self.buf.len() - without_bom(&self.buf).len();
                self.buf.drain(..bom);
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let bytes = std::mem::take(&mut self.buf);
            self.parse(bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &'static str) -> Vec<Item> {
        JsonlReader::new("c.jsonl", Box::new(input.as_bytes())).collect()
    }

    #[test]
    fn good_and_bad_lines_are_both_reported_in_order() {
        let items =
            read("{\"id\":\"a\",\"text\":\"Hi.\"}\nnot json\n\n{\"id\":2,\"text\":\"Yo.\",\"date\":\"2020-01-02\"}\n");
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].as_ref().unwrap().id, "a");
        let problem = items[1].as_ref().unwrap_err();
        assert_eq!(problem.line, Some(2));
        assert!(problem.message.contains("malformed JSON"));
        assert_eq!(items[2].as_ref().unwrap().id, "2");
    }

    #[test]
    fn missing_text_is_a_problem() {
        let items = read("{\"id\":\"a\"}\n");
        assert!(items[0].as_ref().unwrap_err().message.contains("no \"text\""));
    }

    #[test]
    fn a_bad_date_is_noted_and_the_document_kept_without_it() {
        let items = read("{\"id\":\"a\",\"text\":\"Hi.\",\"date\":\"2020-02-31x\"}\n");
        let note = items[0].as_ref().unwrap_err();
        assert!(note.repaired && note.message.contains("left empty"), "{note:?}");
        assert_eq!(items[1].as_ref().unwrap().date, None);
    }
}
