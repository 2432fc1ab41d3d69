//! A model file of a `--lexicon` directory, read in place of the embedded one.

use std::path::Path;

use crate::error::{Error, ModelError, Result};

/// The model `name` of `dir` decoded by `decode`, or `None` when the directory
/// has no such file. An unreadable or undecodable file is an error naming it.
pub(crate) fn read_override<M>(
    dir: &Path,
    name: &str,
    decode: impl FnOnce(&[u8]) -> std::result::Result<M, ModelError>,
) -> Result<Option<M>> {
    let path = dir.join(name);
    match std::fs::read(&path) {
        Ok(bytes) => decode(&bytes).map(Some).map_err(|source| Error::Model { path, source }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io { path, source }),
    }
}
