//! Reading CoNLL-U treebanks (Universal Dependencies): each sentence's words,
//! parts of speech, heads and relations. Multi-word token lines ("3-4
//! don't") and empty nodes ("5.1") are skipped: the words are what is parsed.

use super::labels::{Label, Upos};

/// A sentence of a treebank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TreeSentence {
    /// Word forms.
    pub words: Vec<String>,
    /// Each word's part of speech.
    pub upos: Vec<Upos>,
    /// Each word's head: 0 for the root, else the head's number (1-based, as in the file).
    pub heads: Vec<usize>,
    /// Each word's relation to its head, folded to the coarse set.
    pub labels: Vec<Label>,
}

impl TreeSentence {
    /// Words in the sentence.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// No words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A line of a CoNLL-U file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}, line {line}: {message}")]
pub struct ConlluError {
    /// The file's name as given.
    pub file: String,
    /// The line at fault, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// Reads the sentences of CoNLL-U `text`; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Vec<TreeSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = TreeSentence::default();
    let mut first_line = 0;
    for (number, line) in text.lines().enumerate() {
        let error = |message: String| ConlluError { file: file.to_string(), line: number + 1, message };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.is_empty() {
                check_heads(&current).map_err(|m| ConlluError { line: first_line, ..error(m) })?;
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if current.is_empty() {
            first_line = number + 1;
        }
        read_word(line, &mut current).map_err(error)?;
    }
    if !current.is_empty() {
        check_heads(&current).map_err(|message| ConlluError { file: file.to_string(), line: first_line, message })?;
        sentences.push(current);
    }
    Ok(sentences)
}

/// Adds the word of one line to `sentence` (nothing for a multi-word token or an empty node).
fn read_word(line: &str, sentence: &mut TreeSentence) -> Result<(), String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() != 10 {
        return Err(format!("expected 10 tab-separated fields, found {}", fields.len()));
    }
    let id = fields[0];
    if id.contains('-') || id.contains('.') {
        return Ok(());
    }
    let id: usize = id.parse().map_err(|_| format!("the word number {id:?} is not a number"))?;
    if id != sentence.len() + 1 {
        return Err(format!("word number {id} where {} was expected", sentence.len() + 1));
    }
    let upos = Upos::from_name(fields[3]).ok_or_else(|| format!("unknown part of speech {:?}", fields[3]))?;
    let head: usize = fields[6].parse().map_err(|_| format!("the head {:?} is not a number", fields[6]))?;
    sentence.words.push(fields[1].to_string());
    sentence.upos.push(upos);
    sentence.heads.push(head);
    sentence.labels.push(if head == 0 { Label::Root } else { Label::fold(fields[7]) });
    Ok(())
}

/// Every head is a word of the sentence or 0, and exactly one word has head 0.
fn check_heads(sentence: &TreeSentence) -> Result<(), String> {
    if let Some(&head) = sentence.heads.iter().find(|&&h| h > sentence.len()) {
        return Err(format!("the sentence starting here has a head {head} beyond its {} words", sentence.len()));
    }
    let roots = sentence.heads.iter().filter(|&&h| h == 0).count();
    if roots != 1 {
        return Err(format!("the sentence starting here has {roots} roots, not one"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "# text = Ann slept.\n1\tAnn\tAnn\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
        2\tslept\tsleep\tVERB\tVBD\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
        1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
        2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n";

    #[test]
    fn sentences_words_and_folded_labels() {
        let sentences = parse(TWO, "two.conllu").unwrap();
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].words, ["Ann", "slept", "."]);
        assert_eq!(sentences[0].heads, [2, 0, 2]);
        assert_eq!(sentences[1].words, ["do", "n't", "go"], "the multi-word token is left out");
        assert_eq!(sentences[1].labels, [Label::Aux, Label::Advmod, Label::Root]);
    }

    #[test]
    fn a_bad_line_is_named_with_its_file_and_number() {
        let bad = TWO.replace("2\tslept\tsleep\tVERB", "2\tslept\tsleep\tVERBAL");
        let error = parse(&bad, "bad.conllu").unwrap_err();
        assert_eq!(error.to_string(), "bad.conllu, line 3: unknown part of speech \"VERBAL\"");
        let short = parse("1\tAnn\tAnn\n", "short.conllu").unwrap_err();
        assert_eq!(short.line, 1);
        let loop_free = parse("1\tAnn\tAnn\tPROPN\t_\t_\t1\tnsubj\t_\t_\n", "x").unwrap_err();
        assert!(loop_free.message.contains("0 roots"), "{loop_free}");
    }
}
