//! Each subcommand, as a user runs it.

use std::io::Read;
use std::process::Stdio;

use crate::harness::{SEED, command, newsgraph, newsgraph_stdin, scratch};

fn seed_graph(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("graph.json").display().to_string();
    newsgraph(&["build", "--quiet", SEED, "-o", &path]).ok();
    path
}

#[test]
fn build_prints_a_summary_on_stderr() {
    let run = newsgraph(&["build", SEED, "--format", "dot"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("digraph \"newsgraph\" {"));
    assert!(run.stderr.contains("1 document ("), "one document, in the singular: {}", run.stderr);
    assert!(run.stderr.contains(", 0 skipped inputs,"), "{}", run.stderr);
}

#[test]
fn build_infers_format_from_extension() {
    let dir = scratch();
    let out = dir.path().join("g.dot");
    newsgraph(&["build", "-q", SEED, "-o", out.to_str().unwrap()]).ok();
    assert!(std::fs::read_to_string(out).unwrap().starts_with("digraph"));
}

#[test]
fn query_relations_filters_by_relation_and_ends() {
    let dir = scratch();
    let graph = seed_graph(&dir);
    let out = newsgraph(&["query", &graph, "relations", "--relation", "labelled"]).ok();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("SUBJECT"));
    assert!(lines[1].starts_with("Joe Biden") && lines[1].contains("labelled") && lines[1].contains("Vladimir Putin"));

    let out = newsgraph(&["query", &graph, "relations", "--to", "putin", "--json"]).json();
    let relations: Vec<&str> = out.as_array().unwrap().iter().map(|r| r["relation"].as_str().unwrap()).collect();
    assert_eq!(relations, ["accused", "labelled"], "sorted by subject label");
}

#[test]
fn query_entities_by_kind() {
    let dir = scratch();
    let graph = seed_graph(&dir);
    let out = newsgraph(&["query", &graph, "entities", "--kind", "state"]).ok();
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(out.contains("Bulgaria") && out.contains("Russia") && out.contains("United States"));
    let bad = newsgraph(&["query", &graph, "entities", "--kind", "planet"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("expected one of person"), "{}", bad.stderr);
}

#[test]
fn query_show_resolves_aliases_case_insensitively() {
    let dir = scratch();
    let graph = seed_graph(&dir);
    let out = newsgraph(&["query", &graph, "show", "the russian president"]).ok();
    assert!(out.starts_with("Vladimir Putin (person, id person:vladimir-putin)"), "{out}");
    assert!(out.contains("--responded--> Joe Biden"), "{out}");
    assert!(out.contains("Joe Biden --labelled--> Vladimir Putin"), "{out}");
    assert!(out.contains("seed-article.txt#1 (2021-03-21)"), "{out}");
}

#[test]
fn query_unknown_name_suggests_candidates() {
    let dir = scratch();
    let graph = seed_graph(&dir);
    let run = newsgraph(&["query", &graph, "show", "Vladimir Puttin"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no entity named \"Vladimir Puttin\""), "{}", run.stderr);
    assert!(run.stderr.contains("closest: Vladimir Putin"), "{}", run.stderr);
}

#[test]
fn query_neighbors_by_direction() {
    let dir = scratch();
    let graph = seed_graph(&dir);
    let out = newsgraph(&["query", &graph, "neighbors", "Antanov", "--direction", "in", "--json"]).json();
    let mut sources: Vec<&str> = out.as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap()).collect();
    sources.sort();
    assert_eq!(sources, ["Russia", "TASS"]);
    let out = newsgraph(&["query", &graph, "neighbors", "Antanov", "--relation", "arrived_in"]).ok();
    assert!(out.contains("Moscow") && out.contains("Sheremetyevo"), "{out}");
}

#[test]
fn query_path_prints_each_step() {
    let dir = scratch();
    let graph = seed_graph(&dir);
    let out = newsgraph(&["query", &graph, "path", "TASS", "Joe Biden"]).ok();
    let steps: Vec<&str> = out.lines().filter(|l| !l.starts_with("   ")).collect();
    assert_eq!(
        steps,
        [
            "1. TASS --quoted--> Anatoly Antanov",
            "2. Anatoly Antanov --ambassador_to--> United States",
            "3. Joe Biden --president_of--> United States"
        ]
    );
}

#[test]
fn query_builds_on_the_fly_from_input() {
    let out = newsgraph(&["query", "--input", SEED, "relations", "--relation", "recalled", "--json"]).json();
    assert_eq!(out[0]["source"], "Russia");
    assert_eq!(out[0]["weight"], 2);
}

#[test]
fn export_converts_json_to_dot_and_back() {
    let dir = scratch();
    let graph = seed_graph(&dir);
    let dot = newsgraph(&["export", &graph, "--format", "dot"]).ok();
    assert!(dot.contains("\"person:joe-biden\" -> \"person:vladimir-putin\" [label=\"labelled\""), "{dot}");
    let json = newsgraph(&["export", &graph, "--format", "json"]).ok();
    assert_eq!(json, std::fs::read_to_string(&graph).unwrap(), "JSON round trip is lossless");
}

#[test]
fn extract_lists_every_mention() {
    let out = newsgraph(&["extract", SEED]).ok();
    let doc: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(doc["id"], "seed-article.txt");
    let mentions = doc["mentions"].as_array().unwrap();
    let forms = |entity: &str| -> Vec<String> {
        mentions.iter().filter(|m| m["entity"] == entity).map(|m| m["form"].as_str().unwrap().to_string()).collect()
    };
    let antanov = forms("person:anatoly-antanov");
    assert!(
        antanov.contains(&"name".into()) && antanov.contains(&"nominal".into()) && antanov.contains(&"pronoun".into())
    );
    assert!(forms("state:russia").contains(&"demonym".into()));
    assert!(!doc["relations"].as_array().unwrap().is_empty());
}

#[test]
fn stdin_text_and_jsonl() {
    let run = newsgraph_stdin(
        &["build", "-q", "-"],
        b"Russia slammed the report by the US Office of the Director of National Intelligence.",
    );
    let graph: serde_json::Value = serde_json::from_str(&run.ok()).unwrap();
    assert_eq!(graph["graph"]["documents"][0]["id"], "stdin");
    let jsonl = b"{\"id\":\"a\",\"text\":\"US President Joe Biden met Vladimir Putin.\",\"date\":\"2021-06-16\"}\n";
    let run = newsgraph_stdin(&["build", "-q", "-"], jsonl);
    let graph: serde_json::Value = serde_json::from_str(&run.ok()).unwrap();
    assert_eq!(graph["graph"]["documents"][0]["id"], "a");
    assert!(graph["edges"].as_array().unwrap().iter().any(|e| e["relation"] == "met"));
}

/// `newsgraph query ... | head` must end quietly when head stops reading.
#[test]
fn broken_pipe_exits_quietly() {
    let mut child = command(&["query", "--input", SEED, "show", "Russia"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// Same input, same bytes, whatever the thread count.
#[test]
fn output_is_identical_across_jobs() {
    for format in ["json", "dot"] {
        let one = newsgraph(&["build", "-q", "data/samples", "--jobs", "1", "--format", format]).ok();
        let two = newsgraph(&["build", "-q", "data/samples", "--jobs", "2", "--format", format]).ok();
        assert_eq!(one, two, "{format} differs between --jobs 1 and --jobs 2");
    }
}

#[test]
fn query_prefers_labels_and_names_ambiguity() {
    let out = newsgraph(&["query", "--input", SEED, "show", "Moscow"]).ok();
    assert!(out.starts_with("Moscow (place, id place:moscow)"), "{out}");
    let dir = scratch();
    let corpus = dir.path().join("two.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\":\"a\",\"text\":\"The United States Commerce Department said it met Russia.\"}\n\
         {\"id\":\"b\",\"text\":\"The Commerce Department said it met Russia.\"}\n",
    )
    .unwrap();
    let run = newsgraph(&["query", "--input", corpus.to_str().unwrap(), "show", "commerce department"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("is ambiguous: organization:commerce-department, organization:commerce-department-usa"),
        "{}",
        run.stderr
    );
}

#[test]
fn compact_json_is_one_line_and_the_same_graph() {
    let compact = newsgraph(&["build", "-q", SEED, "--compact"]).ok();
    assert_eq!(compact.lines().count(), 1);
    let pretty: serde_json::Value = serde_json::from_str(&newsgraph(&["build", "-q", SEED]).ok()).unwrap();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&compact).unwrap(), pretty);
}

#[test]
fn jobs_beyond_the_limit_is_a_usage_error() {
    let run = newsgraph(&["build", "-q", SEED, "--jobs", "100000"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("expected a number of threads from 1 to 256"), "{}", run.stderr);
}

#[test]
fn an_unknown_output_extension_without_format_is_an_error_naming_the_formats() {
    let dir = scratch();
    for name in ["graph.svg", "graph.graphml"] {
        let out = dir.path().join(name);
        let run = newsgraph(&["build", "-q", SEED, "-o", out.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains("name it .json, .dot or .gv, or give --format json|dot"), "{}", run.stderr);
        assert!(!out.exists());
    }
    let out = dir.path().join("graph.svg");
    newsgraph(&["build", "-q", SEED, "-o", out.to_str().unwrap(), "--format", "dot"]).ok();
    assert!(std::fs::read_to_string(out).unwrap().starts_with("digraph"), "--format decides");
}

#[test]
fn output_dash_means_stdout() {
    let dir = scratch();
    let seed = crate::harness::root().join(SEED);
    for verb in ["build", "extract"] {
        let output =
            command(&[verb, "-q", seed.to_str().unwrap(), "-o", "-"]).current_dir(dir.path()).output().unwrap();
        assert!(output.status.success());
        assert!(output.stdout.starts_with(b"{"), "{verb} wrote to stdout");
        assert!(!dir.path().join("-").exists(), "{verb} wrote no file named -");
    }
}

#[test]
fn an_output_naming_an_input_is_refused() {
    let dir = scratch();
    let article = crate::harness::write(dir.path(), "article.txt", b"Russia slammed the report.");
    let graph = seed_graph(&dir);
    let attempts: [&[&str]; 4] = [
        &["build", "-q", &article, "-o", &article, "--format", "json"],
        &["extract", &article, "-o", &article],
        &["merge", &graph, "-o", &graph],
        &["export", &graph, "-o", &graph],
    ];
    for args in attempts {
        let run = newsgraph(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("is one of the inputs"), "{}", run.stderr);
    }
    assert_eq!(std::fs::read_to_string(&article).unwrap(), "Russia slammed the report.");
}

/// `--update GRAPH -o GRAPH` updates the graph in place, as before.
#[test]
fn update_may_write_the_graph_it_updates() {
    let dir = scratch();
    let graph = seed_graph(&dir);
    let korea = "data/samples/GUM_news_korea.txt";
    newsgraph(&["build", "-q", "--update", &graph, korea, "-o", &graph]).ok();
    let whole = newsgraph(&["build", "-q", SEED, korea]).ok();
    assert_eq!(std::fs::read_to_string(&graph).unwrap(), whole);
}

#[test]
fn every_verb_takes_quiet() {
    let dir = scratch();
    let graph = seed_graph(&dir);
    let runs: [&[&str]; 5] = [
        &["merge", &graph, "--quiet"],
        &["export", &graph, "-q"],
        &["query", &graph, "entities", "--quiet"],
        &["extract", SEED, "-q"],
        &["-q", "build", SEED],
    ];
    for args in runs {
        let run = newsgraph(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(run.stderr.is_empty(), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn query_input_honours_lexicon_and_no_tagger() {
    let dir = scratch();
    crate::harness::write(dir.path(), "people.tsv", b"Anatoly Antanov\tAntanov\tambassador_of:RUS:2017-01-01..\n");
    let lexicon = dir.path().to_str().unwrap();
    let people = newsgraph(&["query", "--input", SEED, "--lexicon", lexicon, "entities", "--kind", "person"]).ok();
    assert!(!people.contains("Donald Trump"), "the override replaced the people lexicon: {people}");
    let entities = |args: &[&str]| newsgraph(args).json().as_array().unwrap().len();
    let samples = "data/samples";
    let built = dir.path().join("rules.json").display().to_string();
    newsgraph(&["build", "-q", samples, "--no-tagger", "-o", &built]).ok();
    let rules_only = entities(&["query", "--input", samples, "--no-tagger", "--json", "entities"]);
    assert_eq!(rules_only, entities(&["query", &built, "--json", "entities"]));
    assert_ne!(rules_only, entities(&["query", "--input", samples, "--json", "entities"]));
    let run = newsgraph(&["query", &built, "--no-tagger", "entities"]);
    assert_eq!(run.code, 2, "--no-tagger means nothing for a built graph: {}", run.stderr);
}

#[test]
fn an_unknown_relation_is_an_error_listing_the_known_ones_closest_first() {
    let dir = scratch();
    let graph = seed_graph(&dir);
    for question in [&["relations", "--relation", "acused"][..], &["neighbors", "Putin", "--relation", "acused"]] {
        let run = newsgraph(&[&["query", graph.as_str()][..], question].concat());
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr.contains("no relation named \"acused\" in the graph; its relations, closest first: accused, "),
            "{}",
            run.stderr
        );
    }
    let out = newsgraph(&["query", &graph, "relations", "--relation", "ACCUSED"]).ok();
    assert!(out.contains("accused"), "relations match in any case: {out}");
}

#[test]
fn query_duplicates_lists_short_names_with_their_full_name_candidates() {
    let dir = scratch();
    let input = crate::harness::write(
        dir.path(),
        "people.jsonl",
        concat!(
            "{\"id\":\"a\",\"text\":\"Peter Marsh opened a bakery in Leeds on Monday. Peter Marsh hired ten bakers.\"}\n",
            "{\"id\":\"b\",\"text\":\"Marsh said the bakery would grow. Mr Marsh told reporters that Mr Oakley agreed.\"}\n",
            "{\"id\":\"c\",\"text\":\"Anna Marsh met Ruth Oakley in York.\"}\n",
        )
        .as_bytes(),
    );
    let graph = dir.path().join("people.json").display().to_string();
    newsgraph(&["build", "-q", &input, "-o", &graph]).ok();
    let out = newsgraph(&["query", &graph, "duplicates"]).ok();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with("SHORT NAME"), "{out}");
    assert!(
        lines[1].starts_with("Marsh ")
            && lines[1].contains("Peter Marsh [mentions 2, docs 1]; Anna Marsh [mentions 1, docs 1]"),
        "{out}"
    );
    // One other document gives "Ruth Oakley": too little to resolve "Mr Oakley" (see crossdoc).
    assert!(lines[2].starts_with("Oakley ") && lines[2].contains("Ruth Oakley"), "{out}");
    assert_eq!(
        lines[3],
        "2 short-name nodes, 1 of them with exactly one full-name candidate, 1 with several, 0 with none"
    );

    let answer = newsgraph(&["query", &graph, "--json", "duplicates", "--kind", "person"]).json();
    let short: Vec<&str> =
        answer["short_names"].as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert_eq!(short, ["Marsh", "Oakley"]);
    assert_eq!(answer["short_names"][0]["mentions"], 2, "\"Marsh\" and \"Mr Marsh\" are one node");
    assert_eq!(answer["summary"]["several_candidates"], 1);
    let places = newsgraph(&["query", &graph, "--json", "duplicates", "--kind", "place"]).json();
    assert_eq!(places["summary"]["short_names"], 2, "Leeds and York are one word");
}

#[test]
fn an_error_names_its_cause_once() {
    let dir = scratch();
    let missing = dir.path().join("no-such-dir").display().to_string();
    let out = dir.path().join("out").display().to_string();
    let cases = [
        (vec!["build", "--lexicon", missing.as_str(), SEED, "-o", out.as_str()], "lexicon directory not found"),
        (vec!["convert", "petrarch", missing.as_str(), out.as_str()], "No such file or directory"),
    ];
    for (args, cause) in cases {
        let run = newsgraph(&args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        let line = run.stderr.lines().find(|l| l.starts_with("newsgraph: error:")).expect("an error line");
        assert!(line.contains(&missing), "{line}");
        assert_eq!(line.matches(cause).count(), 1, "{line}");
    }
}
