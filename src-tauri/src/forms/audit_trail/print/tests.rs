//! Printing the audit trail from a set of records: the filters in words, the entry that notes the
//! printing, and an unknown person refused before anything is noted.

use chrono::NaiveDate;

use super::*;
use crate::error::CodedError;
use crate::forms::pdf_check::{folded, pdf_text};
use crate::records::people::{PersonDraft, PersonGroup};
use crate::records::test_db;
use crate::records::test_support;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

fn printed_entries(conn: &Connection) -> Vec<(String, String, String, String)> {
    let mut stmt = conn
        .prepare("SELECT actor, subject_kind, subject_id, detail FROM audit WHERE action = 'audit.printed'")
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("read")
}

#[test]
fn the_filters_are_printed_in_words_and_the_printing_is_noted() {
    let mut conn = test_db();
    conn.execute(
        "INSERT INTO admins (id, name, recipient, created_at) VALUES ('admin-dsl', 'Morgan Ellis', 'age1x', '2026-01-01T00:00:00Z')",
        [],
    )
    .expect("admin");
    let draft = PersonDraft { date_of_birth: None, ..test_support::draft(PersonGroup::Staff, "Sam Okafor") };
    let sam = people::add(&mut conn, &dsl(), &draft).expect("person").id;
    let query = AuditQuery {
        actor: Some("admin:admin-dsl".into()),
        subject_kind: Some("person".into()),
        person_id: Some(sam),
        from: Some(day(2026, 7, 1)),
        to: Some(day(2026, 7, 31)),
        ..AuditQuery::default()
    };
    assert_eq!(
        filter_words(&conn, &query).expect("words").as_deref(),
        Some("done by Morgan Ellis; records of kind \u{201c}person\u{201d}; about Sam Okafor; from 1 July 2026 to 31 July 2026")
    );
    let only_to = AuditQuery { to: Some(day(2026, 7, 31)), ..AuditQuery::default() };
    assert_eq!(filter_words(&conn, &only_to).expect("words").as_deref(), Some("up to 31 July 2026"));
    assert_eq!(filter_words(&conn, &AuditQuery::default()).expect("words"), None);

    let form = print(&conn, &dsl(), &AuditQuery::default(), false, day(2026, 12, 2)).expect("prints");
    assert_eq!(form.file_name, "Audit trail 2026-12-02.pdf");
    let text = folded(&pdf_text(&form.pdf));
    assert!(text.contains("Showing: every entry"), "{text}");
    assert!(text.contains("Verified"), "the chain check is printed: {text}");
    assert_eq!(
        printed_entries(&conn),
        vec![("admin:admin-dsl".to_owned(), "audit".to_owned(), String::new(), String::new())]
    );
}

#[test]
fn an_unknown_person_in_the_filter_is_refused_and_nothing_is_noted() {
    let conn = test_db();
    let query = AuditQuery { person_id: Some("nobody".into()), ..AuditQuery::default() };
    let error = print(&conn, &dsl(), &query, false, day(2026, 12, 2)).err().expect("refused");
    assert_eq!(error.code(), "people.notFound");
    assert!(printed_entries(&conn).is_empty());
}
