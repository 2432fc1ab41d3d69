//! Exports checked by their real consumers: Graphviz `dot` and networkx.

use std::process::Command;

use crate::harness::{SEED, newsgraph, root, scratch, write};

#[test]
fn graphviz_renders_dot_without_warnings() {
    let dir = scratch();
    let dot = newsgraph(&["build", "-q", "data/samples", "--format", "dot"]).ok();
    let path = write(dir.path(), "graph.dot", dot.as_bytes());
    let svg = dir.path().join("graph.svg");
    let run = Command::new("dot")
        .args(["-Tsvg", &path, "-o", svg.to_str().unwrap()])
        .output()
        .expect("Graphviz `dot` must be installed (apt-get install graphviz); .ci/run installs it");
    assert!(run.status.success(), "dot failed: {}", String::from_utf8_lossy(&run.stderr));
    assert!(run.stderr.is_empty(), "dot warned: {}", String::from_utf8_lossy(&run.stderr));
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(svg.contains("Vladimir Putin") && svg.contains("labelled"));
    // Curly apostrophes arrive intact through the HTML-entity escaping.
    assert!(svg.contains("Russia’s ambassador") || svg.contains("Russia&#8217;s ambassador"));
}

#[test]
fn dot_escapes_hostile_names() {
    let dir = scratch();
    let text = "date 2024-01-02 Mr. O\"Brien\\X said Russia’s envoy left.\nCompanies \"Quote\\Back Corp\" and {Brace} Agency replied.";
    let input = write(dir.path(), "hostile.txt", text.as_bytes());
    let dot = newsgraph(&["build", "-q", &input, "--format", "dot"]).ok();
    let path = write(dir.path(), "hostile.dot", dot.as_bytes());
    let run = Command::new("dot").args(["-Tsvg", &path]).output().expect("Graphviz `dot` must be installed");
    assert!(run.status.success() && run.stderr.is_empty(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(dot.is_ascii());
}

#[test]
fn networkx_loads_the_json_and_offsets_are_python_offsets() {
    let dir = scratch();
    let graph = dir.path().join("graph.json");
    newsgraph(&["build", "-q", SEED, "-o", graph.to_str().unwrap()]).ok();
    let script = r#"
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1]))
g = nx.node_link_graph(data)
assert isinstance(g, nx.MultiDiGraph), type(g)
text = open(sys.argv[2], encoding="utf-8", newline="").read()
for u, v, k, d in g.edges(keys=True, data=True):
    for e in d["evidence"]:
        assert text[e["trigger"][0]:e["trigger"][1]] in e["text"], (u, v, e)
biden = g.nodes["person:joe-biden"]
labelled = [d for d in g.get_edge_data("person:joe-biden", "person:vladimir-putin").values() if d["relation"] == "labelled"]
e = labelled[0]["evidence"][0]
print(g.number_of_nodes(), g.number_of_edges(), biden["kind"], text[e["subject"][0]:e["subject"][1]], text[e["trigger"][0]:e["trigger"][1]])
"#;
    let run = Command::new("python3")
        .args(["-c", script, graph.to_str().unwrap(), root().join(SEED).to_str().unwrap()])
        .output()
        .expect("python3 with networkx must be installed; .ci/run installs it");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(String::from_utf8_lossy(&run.stdout).trim(), "17 16 person Joe Biden labelled");
}

#[test]
fn connected_dot_leaves_out_isolated_entities_and_renders() {
    let full = newsgraph(&["build", "-q", "data/samples", "--format", "dot"]).ok();
    let connected = newsgraph(&["build", "-q", "data/samples", "--format", "dot", "--connected"]).ok();
    let nodes = |dot: &str| dot.lines().filter(|l| l.contains("tooltip=") && !l.contains("->")).count();
    assert!(nodes(&connected) < nodes(&full), "{} vs {}", nodes(&connected), nodes(&full));
    // Every node kept has an edge.
    for line in connected.lines().filter(|l| l.contains("fillcolor") && l.contains("tooltip=") && !l.contains("->")) {
        let id = line.trim().split(' ').next().unwrap();
        assert!(connected.contains(&format!("{id} ->")) || connected.contains(&format!("-> {id}")), "{id} has no edge");
    }
    let dir = scratch();
    let path = write(dir.path(), "connected.dot", connected.as_bytes());
    let run = Command::new("dot").args(["-Tsvg", &path]).output().expect("Graphviz `dot` must be installed");
    assert!(run.status.success() && run.stderr.is_empty(), "{}", String::from_utf8_lossy(&run.stderr));
}
