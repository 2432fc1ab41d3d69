//! `newsgraph train`: the name tagger, the relation classifier or the parser,
//! from their training files.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};

use newsgraph::evaluate::{conll, conll04, conll04_names, conll04_training, ud};
use newsgraph::extract::{Lexicon, Pipeline};

/// Trains the name tagger on CoNLL-2003 or, with `relations`, the relation classifier on CoNLL04, or with `parser`
/// the tagger and parser on CoNLL-U.
pub(crate) fn train(
    file: &Path,
    output: &Path,
    epochs: Option<usize>,
    (relations, parser): (bool, bool),
    conll04_names: Option<&Path>,
    quiet: bool,
) -> Result<ExitCode> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let progress = |epoch, accuracy| {
        if !quiet {
            eprintln!("newsgraph: epoch {epoch}: training accuracy {accuracy:.4}");
        }
    };
    let (bytes, model) = if parser {
        let model =
            ud::train(&text, &file.display().to_string(), epochs, &mut |_, epoch, accuracy| progress(epoch, accuracy))?;
        (model.to_bytes(), format!("{model:?}"))
    } else if relations {
        let sentences = conll04::parse(&text).map_err(|e| anyhow!("{}: not CoNLL04 data: {e}", file.display()))?;
        let model = conll04_training::train(&Pipeline::embedded(), &sentences, epochs, progress);
        (model.to_bytes(), format!("{model:?}"))
    } else {
        let mut docs = conll::parse(&text).map_err(|e| anyhow!("{}: not CoNLL-2003 data: {e}", file.display()))?;
        if docs.is_empty() {
            bail!("{}: no CoNLL sentences found", file.display());
        }
        if let Some(path) = conll04_names {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            let sentences = conll04::parse(&text).map_err(|e| anyhow!("{}: not CoNLL04 data: {e}", path.display()))?;
            docs.extend(conll04_names::tagger_documents(&sentences));
        }
        let tagger = conll::train_tagger(&Lexicon::embedded(), &docs, epochs.unwrap_or(12), progress);
        (tagger.to_bytes(), format!("{tagger:?}"))
    };
    std::fs::write(output, bytes).with_context(|| format!("cannot write {}", output.display()))?;
    if !quiet {
        eprintln!("newsgraph: wrote {} ({model})", output.display());
    }
    Ok(ExitCode::SUCCESS)
}
