//! Runs the real `newsgraph` binary and reads what it wrote.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub(crate) const SEED: &str = "data/samples/seed-article.txt";

/// The embedded pipeline, built once for the tests that call the library directly.
pub(crate) fn pipeline() -> &'static newsgraph::extract::Pipeline {
    use newsgraph::extract::Pipeline;
    static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(Pipeline::embedded)
}

/// The project root: tests run from here so paths read as in the README.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Asserts success and returns stdout.
    pub(crate) fn ok(self) -> String {
        assert_eq!(self.code, 0, "newsgraph failed:\n{}", self.stderr);
        self.stdout
    }

    pub(crate) fn json(self) -> serde_json::Value {
        serde_json::from_str(&self.ok()).expect("stdout is JSON")
    }
}

pub(crate) fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    command.args(args).current_dir(root()).stdin(Stdio::null());
    command
}

pub(crate) fn newsgraph(args: &[&str]) -> Run {
    Run::from(command(args).output().expect("newsgraph runs"))
}

/// Runs with `input` on stdin.
pub(crate) fn newsgraph_stdin(args: &[&str], input: &[u8]) -> Run {
    use std::io::Write;
    let mut child = command(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    Run::from(child.wait_with_output().unwrap())
}

/// Builds the graph of `paths` and returns its JSON.
pub(crate) fn graph_of(paths: &[&str]) -> serde_json::Value {
    let mut args = vec!["build", "--quiet"];
    args.extend(paths);
    newsgraph(&args).json()
}

/// A scratch directory removed when dropped.
pub(crate) fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

pub(crate) fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

/// Labels of the nodes of one kind, sorted.
pub(crate) fn labels(graph: &serde_json::Value, kind: &str) -> Vec<String> {
    let mut labels: Vec<String> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .map(|n| n["label"].as_str().unwrap().to_string())
        .collect();
    labels.sort();
    labels
}

/// Every edge as "source label -relation-> target label".
pub(crate) fn triples(graph: &serde_json::Value) -> Vec<String> {
    let label = |id: &serde_json::Value| {
        graph["nodes"].as_array().unwrap().iter().find(|n| n["id"] == *id).unwrap()["label"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let mut triples: Vec<String> = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} -{}-> {}", label(&e["source"]), e["relation"].as_str().unwrap(), label(&e["target"])))
        .collect();
    triples.sort();
    triples
}
