//! Golden graph of the sample article: the entities and edges a careful reader draws.

use crate::harness::{SEED, graph_of, labels, root, triples};

#[test]
fn seed_article_entities() {
    let graph = graph_of(&[SEED]);
    assert_eq!(
        labels(&graph, "person"),
        ["Alexei Navalny", "Anatoly Antanov", "Donald Trump", "Joe Biden", "Vladimir Putin"]
    );
    assert_eq!(labels(&graph, "state"), ["Bulgaria", "Russia", "United States"]);
    assert_eq!(
        labels(&graph, "organization"),
        [
            "ABC News",
            "Commerce Department",
            "Ministry of Foreign Affairs",
            "Office of the Director of National Intelligence",
            "TASS"
        ]
    );
    assert_eq!(labels(&graph, "report").len(), 1, "one report node");
}

fn assert_seed_edges(graph: &serde_json::Value) {
    let report = "American intelligence report";
    let expected = [
        "ABC News -interviewed-> Joe Biden".to_string(),
        "Anatoly Antanov -ambassador_of-> Russia".into(),
        "Anatoly Antanov -ambassador_to-> United States".into(),
        "Anatoly Antanov -arrived_in-> Moscow".into(),
        "Anatoly Antanov -arrived_in-> Sheremetyevo".into(),
        format!("{report} -accused-> Russia"),
        format!("{report} -accused-> Vladimir Putin"),
        "Commerce Department -sanctioned-> Russia".into(),
        "Joe Biden -labelled-> Vladimir Putin".into(),
        "Joe Biden -president_of-> United States".into(),
        format!("Office of the Director of National Intelligence -published-> {report}"),
        format!("Russia -criticized-> {report}"),
        "Russia -recalled-> Anatoly Antanov".into(),
        "TASS -quoted-> Anatoly Antanov".into(),
        "Vladimir Putin -president_of-> Russia".into(),
        "Vladimir Putin -responded-> Joe Biden".into(),
    ];
    let mut expected = expected.to_vec();
    expected.sort();
    assert_eq!(triples(graph), expected);
}

#[test]
fn seed_article_edges() {
    assert_seed_edges(&graph_of(&[SEED]));
}

/// The rules alone (`--no-tagger`) draw the same graph of the seed article.
#[test]
fn seed_article_edges_without_tagger() {
    assert_seed_edges(&graph_of(&["--no-tagger", SEED]));
}

#[test]
fn seed_article_node_record() {
    let graph = graph_of(&[SEED]);
    let putin = graph["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "person:vladimir-putin").unwrap();
    let aliases: Vec<&str> = putin["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    for alias in ["Putin", "Russian President", "his Russian counterpart"] {
        assert!(aliases.contains(&alias), "missing alias {alias:?} in {aliases:?}");
    }
    let russia = graph["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "state:russia").unwrap();
    assert_eq!(russia["iso3"], "RUS");
    assert_eq!(graph["graph"]["documents"][0]["date"], "2021-03-21");
}

/// Every span in the evidence points at the text it claims, in character offsets.
#[test]
fn evidence_spans_slice_the_document() {
    let graph = graph_of(&[SEED]);
    let text: Vec<char> = std::fs::read_to_string(root().join(SEED)).unwrap().chars().collect();
    let slice = |span: &serde_json::Value| -> String {
        let (s, e) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
        assert!(s < e && e <= text.len(), "span {span} out of range");
        text[s..e].iter().collect()
    };
    let edges = graph["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for edge in edges {
        let evidence = edge["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty(), "edge without evidence: {edge}");
        for e in evidence {
            let sentence = e["text"].as_str().unwrap();
            let trigger = slice(&e["trigger"]);
            assert!(sentence.contains(&trigger), "trigger {trigger:?} not in its sentence {sentence:?}");
            assert!(!slice(&e["subject"]).trim().is_empty());
            assert!(!slice(&e["object"]).trim().is_empty());
        }
    }
    // The labelled edge's evidence names Biden, "labelled" and the counterpart.
    let labelled = edges.iter().find(|e| e["relation"] == "labelled").unwrap();
    let e = &labelled["evidence"][0];
    assert_eq!(slice(&e["subject"]), "Joe Biden");
    assert_eq!(slice(&e["trigger"]), "labelled");
    assert_eq!(slice(&e["object"]), "his Russian counterpart");
    assert_eq!(e["sentence"], 1);
}

/// Wikinews articles (data/samples, CC BY 2.5): the entities and relations a
/// careful reader lists must all be there. (Unlike the seed article, these are
/// subsets: extra entities are not failures here, see the issue notes.)
fn assert_has(graph: &serde_json::Value, kind: &str, expected: &[&str]) {
    let found = labels(graph, kind);
    for name in expected {
        assert!(found.iter().any(|f| f == name), "{kind} {name:?} missing from {found:?}");
    }
}

fn assert_edges(graph: &serde_json::Value, expected: &[&str]) {
    let found = triples(graph);
    for edge in expected {
        assert!(found.iter().any(|f| f == edge), "edge {edge:?} missing from {found:?}");
    }
}

#[test]
fn wikinews_flag() {
    let graph = graph_of(&["data/samples/GUM_news_flag.txt"]);
    assert_has(&graph, "person", &["John Burrows", "John Key"]);
    assert_has(&graph, "state", &["New Zealand", "United Kingdom"]);
    assert_has(&graph, "organization", &["Flag Consideration Project"]);
    assert_has(&graph, "place", &["Christchurch"]);
    assert_edges(&graph, &["John Key -prime_minister_of-> New Zealand"]);
    assert_eq!(graph["graph"]["documents"][0]["date"], "2015-05-07");
}

#[test]
fn wikinews_korea() {
    let graph = graph_of(&["data/samples/GUM_news_korea.txt"]);
    assert_has(&graph, "person", &["Kim Jong-un"]);
    assert_has(&graph, "state", &["North Korea", "South Korea"]);
    assert_has(&graph, "organization", &["Korean Central News Agency", "Yonhap"]);
}

#[test]
fn wikinews_election() {
    let graph = graph_of(&["data/samples/GUM_news_election.txt"]);
    assert_has(
        &graph,
        "person",
        &["Claudia Mo", "Elizabeth Quat", "Lee Cheuk-yan", "Michael Tien", "Nathan Law", "Tanya Chan"],
    );
    assert_has(&graph, "organization", &["Civic Party", "DAB", "Demosisto", "Legislative Council"]);
    assert_edges(
        &graph,
        &[
            "Claudia Mo -member_of-> Civic Party",
            "Elizabeth Quat -member_of-> DAB",
            "Nathan Law -member_of-> Demosisto",
            "Tanya Chan -member_of-> Civic Party",
        ],
    );
}

#[test]
fn wikinews_hackers() {
    let graph = graph_of(&["data/samples/GUM_news_hackers.txt"]);
    assert_has(&graph, "person", &["Matthew Ingram", "Tom Cruise"]);
    assert_has(&graph, "organization", &["BBC", "Church of Scientology", "YouTube"]);
    assert_edges(&graph, &["Matthew Ingram -member_of-> The Globe and Mail"]);
}

#[test]
fn wikinews_asylum() {
    let graph = graph_of(&["data/samples/GUM_news_asylum.txt"]);
    assert_has(&graph, "person", &["Jeff Rathke", "John Kerry", "Najib Razak"]);
    assert_has(&graph, "state", &["Bangladesh", "Indonesia", "Malaysia", "Myanmar", "Thailand", "United States"]);
    assert_has(&graph, "organization", &["United Nations"]);
}
