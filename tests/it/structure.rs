//! The shape of `src/`, checked: files stay short and modules import one
//! way. A module is a file (`mod.rs` is its folder's module); module A
//! imports module B when A names a path into B (`use crate::b::..`,
//! `super::b::..`, `child::..`, or such a path inside code). Unit-test modules are left
//! out: a test may reach anywhere.

use crate::harness::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const MOST_LINES_IN_A_FILE: usize = 800;

/// Every `.rs` file under `src/`.
fn source_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

/// Module path ("extract::mentions::scan") → the file's text before its unit tests.
fn modules() -> BTreeMap<String, String> {
    let src = root().join("src");
    source_files()
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (module_name(&src, &path), without_unit_tests(&text).to_string())
        })
        .collect()
}

fn module_name(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts.join("::")
}

fn without_unit_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests").map_or(text, |at| &text[..at])
}

/// The module a path names, resolved from module `from`: the longest known module prefix.
fn target(from: &str, path: &[&str], known: &BTreeMap<String, String>) -> Option<String> {
    let mut at: Vec<&str> = if from.is_empty() { Vec::new() } else { from.split("::").collect() };
    let mut rest = path;
    match rest.first() {
        Some(&"crate") => {
            at.clear();
            rest = &rest[1..];
        }
        Some(&"super") => {
            while rest.first() == Some(&"super") {
                at.pop()?;
                rest = &rest[1..];
            }
        }
        // A path into a child module: `mentions::find` in `extract`.
        Some(first) if known.contains_key(&[from, first].join("::").trim_start_matches("::").to_string()) => {}
        _ => return None,
    }
    let mut best = at.join("::");
    for part in rest {
        at.push(part);
        let name = at.join("::");
        if known.contains_key(&name) {
            best = name;
        } else {
            break;
        }
    }
    Some(best)
}

/// Paths (`a::b::C`) in a module's text, braces of `use` lists expanded.
fn paths(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let code: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        if !code.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &code[i..];
        let word = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        let starts = word > 0
            && rest[word..].starts_with("::")
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b':'));
        if !starts {
            i += 1;
            continue;
        }
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
        let prefix: Vec<String> = rest[..end].split("::").filter(|p| !p.is_empty()).map(String::from).collect();
        if rest[end..].starts_with('{') {
            // `use super::{a::B, c};`: each item extends the prefix by its first segment.
            let close = rest[end..].find('}').map_or(rest.len(), |c| end + c);
            for item in rest[end + 1..close].split(',') {
                let first = item.trim().split("::").next().unwrap_or("").trim();
                if !first.is_empty() {
                    out.push(prefix.iter().cloned().chain([first.to_string()]).collect());
                }
            }
            i += close.max(end + 1);
        } else {
            out.push(prefix);
            i += end.max(1);
        }
    }
    out
}

fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let known = modules();
    let mut graph = BTreeMap::new();
    for (module, text) in &known {
        let edges: &mut BTreeSet<String> = graph.entry(module.clone()).or_default();
        for path in paths(text) {
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            if let Some(to) = target(module, &path, &known)
                && to != *module
                && !to.is_empty()
            {
                edges.insert(to);
            }
        }
    }
    graph
}

/// Tarjan's walk: each module's visit order and lowest reachable order, the stack, and the groups found.
#[derive(Default)]
struct Tarjan {
    next: usize,
    order: BTreeMap<String, (usize, usize)>,
    stack: Vec<String>,
    on_stack: BTreeSet<String>,
    groups: Vec<Vec<String>>,
}

impl Tarjan {
    fn lower(&mut self, v: &str, to: usize) {
        let entry = self.order.get_mut(v).unwrap();
        entry.1 = entry.1.min(to);
    }

    fn visit(&mut self, v: &str, graph: &BTreeMap<String, BTreeSet<String>>) {
        self.order.insert(v.to_string(), (self.next, self.next));
        self.next += 1;
        self.stack.push(v.to_string());
        self.on_stack.insert(v.to_string());
        for w in graph.get(v).into_iter().flatten() {
            if !self.order.contains_key(w) {
                self.visit(w, graph);
                let low = self.order[w].1;
                self.lower(v, low);
            } else if self.on_stack.contains(w) {
                let index = self.order[w].0;
                self.lower(v, index);
            }
        }
        if self.order[v].0 == self.order[v].1 {
            let mut group = Vec::new();
            while let Some(w) = self.stack.pop() {
                self.on_stack.remove(&w);
                let done = w == v;
                group.push(w);
                if done {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                self.groups.push(group);
            }
        }
    }
}

/// Strongly connected groups of more than one module: modules that import each other.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let mut walk = Tarjan::default();
    for v in graph.keys() {
        if !walk.order.contains_key(v) {
            walk.visit(v, graph);
        }
    }
    walk.groups
}

#[test]
fn no_file_in_src_is_longer_than_800_lines() {
    let long: Vec<String> = source_files()
        .into_iter()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(&path).unwrap().lines().count();
            (lines > MOST_LINES_IN_A_FILE).then(|| format!("{} ({lines} lines)", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over {MOST_LINES_IN_A_FILE} lines: {long:?}");
}

#[test]
fn no_two_modules_import_each_other_directly_or_in_a_loop() {
    let graph = imports();
    assert!(graph.len() > 10, "the module list was read: {:?}", graph.keys());
    let cycles = cycles(&graph);
    let described: Vec<String> = cycles
        .iter()
        .map(|group| {
            let inside: Vec<String> = group
                .iter()
                .flat_map(|m| graph[m].iter().filter(|t| group.contains(t)).map(move |t| format!("{m} -> {t}")))
                .collect();
            inside.join(", ")
        })
        .collect();
    assert!(cycles.is_empty(), "modules that import each other: {described:#?}");
}

#[test]
fn the_import_reader_finds_cycles_and_use_lists() {
    let known: BTreeMap<String, String> = [
        ("a", "use crate::b::{X, c::Y};"),
        ("b", "fn f() { super::a::g(); }"),
        ("b::c", "use super::super::d::Z;"),
        ("d", "// use crate::a::Q; is a comment\nconst _: () = ();"),
    ]
    .into_iter()
    .map(|(m, t)| (m.to_string(), t.to_string()))
    .collect();
    let paths_of_a = paths(&known["a"]);
    assert_eq!(paths_of_a, [vec!["crate", "b", "X"], vec!["crate", "b", "c"]]);
    let to = |from: &str, path: &[&str]| target(from, path, &known);
    assert_eq!(to("a", &["crate", "b", "X"]).as_deref(), Some("b"));
    assert_eq!(to("a", &["crate", "b", "c"]).as_deref(), Some("b::c"));
    assert_eq!(to("b::c", &["super", "super", "d", "Z"]).as_deref(), Some("d"));
    assert!(paths(&known["d"]).is_empty(), "comments are not imports");
    assert_eq!(to("b", &["c", "Y"]).as_deref(), Some("b::c"), "a child's path is an import of it");
    assert_eq!(to("b", &["std", "io"]), None, "other crates are not modules of this one");
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", vec!["b", "b::c"]), ("b", vec!["a"]), ("b::c", vec!["d"]), ("d", vec![])]
            .into_iter()
            .map(|(m, t)| (m.to_string(), t.into_iter().map(String::from).collect()))
            .collect();
    assert_eq!(cycles(&graph), [vec!["a".to_string(), "b".to_string()]]);
}
