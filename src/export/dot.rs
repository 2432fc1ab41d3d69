//! Graphviz DOT: a `digraph` with every id and label quoted and escaped,
//! node shape and colour by kind, a legend, and the evidence sentence as
//! each edge's tooltip (shown on hover in SVG).

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::extract::EntityKind;
use crate::graph::KnowledgeGraph;

fn style(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("ellipse", "#cfe2ff"),
        EntityKind::State => ("box", "#ffd8a8"),
        EntityKind::Organization => ("component", "#d3f9d8"),
        EntityKind::Report => ("note", "#fff3bf"),
        EntityKind::Place => ("house", "#e9ecef"),
        EntityKind::Group => ("hexagon", "#e5dbff"),
    }
}

/// Quotes a string for DOT: escapes quotes and backslashes, turns newlines
/// into `\n`, and writes `&` and non-ASCII characters as HTML entities so the
/// file is plain ASCII whatever the input.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_ascii_control() => out.push(' '),
            c if c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "&#{};", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// Which entities a DOT diagram shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DotNodes {
    /// Every entity, with or without edges.
    All,
    /// Only those that take part in at least one edge: a readable diagram of
    /// a corpus whose mentions far outnumber its relations.
    Connected,
}

/// The whole graph as DOT (see [`write_dot`]).
pub fn to_dot(graph: &KnowledgeGraph) -> String {
    let mut out = Vec::new();
    write_dot(graph, DotNodes::All, &mut out).expect("writing to memory succeeds");
    String::from_utf8(out).expect("DOT is ASCII")
}

/// Writes the graph as DOT, nodes and edges sorted by id for byte-identical
/// output; `nodes` says which entities to show.
pub fn write_dot(graph: &KnowledgeGraph, nodes: DotNodes, out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"digraph \"newsgraph\" {\n")?;
    out.write_all(b"  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11];\n")?;
    out.write_all(b"  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n")?;
    out.write_all(b"  edge [fontname=\"Helvetica\", fontsize=9];\n\n")?;
    out.write_all(b"  subgraph \"cluster_legend\" {\n    label=\"Legend\";\n    style=dashed;\n")?;
    for kind in EntityKind::ALL {
        let (shape, color) = style(kind);
        writeln!(
            out,
            "    {} [label={}, shape={shape}, fillcolor={}];",
            quote(&format!("legend:{}", kind.as_str())),
            quote(kind.as_str()),
            quote(color)
        )?;
    }
    out.write_all(b"  }\n\n")?;
    for index in graph.sorted_nodes() {
        if nodes == DotNodes::Connected && graph.degree(index) == 0 {
            continue;
        }
        let node = graph.node(index);
        let (shape, color) = style(node.kind);
        let mut tooltip = format!("{} ({}), {} mentions", node.label, node.kind.as_str(), node.mentions);
        if !node.aliases.is_empty() {
            let aliases: Vec<&str> = node.aliases.iter().map(String::as_str).collect();
            let _ = write!(tooltip, "\naliases: {}", aliases.join("; "));
        }
        for resolved in graph.resolved(index) {
            let sources = graph.resolution_sources(resolved);
            let _ = write!(tooltip, "\nresolved from {} (full name in {})", resolved.label, sources.join(", "));
        }
        writeln!(
            out,
            "  {} [label={}, shape={shape}, fillcolor={}, tooltip={}];",
            quote(&node.id),
            quote(&node.label),
            quote(color),
            quote(&tooltip)
        )?;
    }
    out.write_all(b"\n")?;
    for (s, t, edge) in graph.sorted_edges() {
        let mut label = edge.relation.label.clone();
        if edge.weight > 1 {
            let _ = write!(label, " ({})", edge.weight);
        }
        if edge.hedged {
            label.push_str(" ?");
        }
        let tooltip = edge.evidence.first().map_or(String::new(), |e| format!("{}: {}", e.doc, e.text));
        writeln!(
            out,
            "  {} -> {} [label={}, tooltip={}{}];",
            quote(&graph.node(s).id),
            quote(&graph.node(t).id),
            quote(&label),
            quote(&tooltip),
            if edge.hedged { ", style=dashed" } else { "" }
        )?;
    }
    out.write_all(b"}\n")
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quoting_escapes_everything_dot_cares_about() {
        assert_eq!(quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(quote("Russia’s & <x>"), "\"Russia&#8217;s &amp; &lt;x&gt;\"");
    }
}
