//! The incident word search reads an index kept by triggers (`search_incident_text` and the FTS5
//! table `search_incidents`, migration 13). These tests prove it finds exactly what the search
//! over every entry found before: a case-blind match of the typed text anywhere in any text field
//! of any entry, or in the reference.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::records::test_db;
use crate::store::audit::Actor;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).expect("a real date")
}

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

fn report(facts: &str) -> Report {
    Report {
        occurred_on: day(),
        occurred_at_time: None,
        reported_on: day(),
        how_reported: "In person".into(),
        reported_by: "Youth worker".into(),
        reported_to: "The DSL".into(),
        place: "Club".into(),
        platform: "Chat".into(),
        device: "Phone".into(),
        category: Category::Conduct,
        kind: IncidentKind::Cyberbullying,
        facts: facts.into(),
        own_words: None,
        opinion: None,
    }
}

/// An incident with `facts` in its report and one action per text in `actions`.
fn incident_with(conn: &mut rusqlite::Connection, facts: &str, actions: &[String]) -> String {
    let r = report(facts);
    let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &r };
    let incident = create(conn, &dsl(), &new, day()).expect("create");
    for what in actions {
        let body = EntryBody::Action(Action { on: day(), by: "The DSL".into(), what: what.clone() });
        add_entry(conn, &dsl(), &incident.id, &body, day()).expect("action");
    }
    incident.id
}

fn found(conn: &rusqlite::Connection, text: &str) -> Vec<String> {
    let filter = IncidentFilter { text: text.into(), ..Default::default() };
    let mut ids: Vec<String> = list(conn, &dsl(), &filter).expect("list").into_iter().map(|i| i.id).collect();
    ids.sort();
    ids
}

fn texts(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| texts(v, out)),
        Value::Object(fields) => fields.values().for_each(|v| texts(v, out)),
        _ => {}
    }
}

/// The search as it was, worked out from the records themselves: every text field of every
/// entry's stored body, and the reference, compared without regard to (ASCII) case.
fn found_by_reading_everything(conn: &rusqlite::Connection, text: &str) -> Vec<String> {
    let wanted = text.trim().to_ascii_lowercase();
    let mut stmt = conn
        .prepare("SELECT i.id, i.reference, e.body FROM incidents i JOIN incident_entries e ON e.incident_id = i.id")
        .expect("read");
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
        .expect("query");
    let mut ids = Vec::new();
    for row in rows {
        let (id, reference, body) = row.expect("row");
        let mut fields = vec![reference];
        texts(&serde_json::from_str(&body).expect("stored JSON"), &mut fields);
        if fields.iter().any(|f| f.to_ascii_lowercase().contains(&wanted)) {
            ids.push(id);
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// Short texts over a small alphabet, so that searches often match, across field boundaries too.
fn words() -> impl Strategy<Value = String> {
    "[abAB][abAB ]{0,7}"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any history of incidents and entries, any search from one to five characters: the index
    /// finds the same incidents as reading every entry does (through the trigram index from three
    /// characters, through the indexed text below that).
    #[test]
    fn the_search_index_finds_exactly_what_reading_every_entry_finds(
        history in proptest::collection::vec((words(), proptest::collection::vec(words(), 0..3)), 1..6),
        searches in proptest::collection::vec("[abAB ]{1,5}", 1..6),
    ) {
        let mut conn = test_db();
        for (facts, actions) in &history {
            incident_with(&mut conn, facts, actions);
        }
        for text in searches.iter().filter(|t| !t.trim().is_empty()) {
            prop_assert_eq!(found(&conn, text), found_by_reading_everything(&conn, text), "searching {:?}", text);
        }
    }
}

#[test]
fn the_search_finds_part_of_a_word_the_reference_and_quotes_and_is_blind_to_case() {
    let mut conn = test_db();
    let mocking = incident_with(&mut conn, "Mocking posts in the \"Year 9\" chat.", &["Spoke to the family.".into()]);
    let other = incident_with(&mut conn, "A stranger asked for a selfie.", &[]);
    assert_eq!(found(&conn, "MOCKIN"), vec![mocking.clone()], "part of a word, any case");
    assert_eq!(found(&conn, "\"year 9\""), vec![mocking.clone()], "quotes are searched for, not query syntax");
    assert_eq!(found(&conn, "family"), vec![mocking.clone()], "a later entry");
    assert_eq!(found(&conn, "INC-2026-0002"), vec![other.clone()], "the reference");
    assert_eq!(found(&conn, "LF"), vec![other], "two characters");
    for syntax in ["mock* OR selfie", "NEAR(mocking selfie)", "text: mocking", "zzz"] {
        assert!(found(&conn, syntax).is_empty(), "{syntax:?} is only text to look for");
    }
}

#[test]
fn the_index_takes_deleted_words_out_at_once() {
    let conn = test_db();
    let on: i64 = conn
        .query_row("SELECT v FROM search_incidents_config WHERE k = 'secure-delete'", [], |r| r.get(0))
        .expect("the setting is stored with the index");
    assert_eq!(on, 1, "an erased incident's words must not wait in the index for a later merge");
}
