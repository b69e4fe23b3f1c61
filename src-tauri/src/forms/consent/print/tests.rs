//! Printing consent forms from a set of records: the file names, and the audit entries for the
//! filled forms only.

use chrono::NaiveDate;

use super::*;
use crate::error::CodedError;
use crate::forms::pdf_check::{folded, pdf_text};
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::test_db;
use crate::records::test_support;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a real date")
}

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

fn printed_count(conn: &Connection, subject: &str) -> i64 {
    conn.query_row("SELECT count(*) FROM audit WHERE action = 'consent.printed' AND subject_id = ?1", [subject], |r| {
        r.get(0)
    })
    .expect("count")
}

fn add_person(conn: &mut Connection, name: &str) -> String {
    let draft = PersonDraft {
        date_of_birth: chrono::NaiveDate::from_ymd_opt(2012, 1, 1),
        ..test_support::draft(PersonGroup::YoungPerson, name)
    };
    people::add(conn, &dsl(), &draft).expect("person").id
}

#[test]
fn printing_a_register_or_history_is_audited_and_the_blank_form_is_not() {
    let mut conn = test_db();
    let sam = add_person(&mut conn, "Sam Okafor");
    let group = consent::save_group(&mut conn, &dsl(), None, "Summer trip").expect("group");
    consent::add_group_member(&mut conn, &dsl(), &group.id, &sam).expect("member");

    let register = print_register(&conn, &dsl(), &group.id, false, today(), today()).expect("register");
    assert_eq!(register.file_name, "Image consent register Summer trip 2026-11-22.pdf");
    assert!(folded(&pdf_text(&register.pdf)).contains("Sam Okafor"));
    assert_eq!(printed_count(&conn, &group.id), 1);
    let detail: String = conn
        .query_row("SELECT detail FROM audit WHERE action = 'consent.printed' AND subject_kind = 'group'", [], |r| {
            r.get(0)
        })
        .expect("the register's entry");
    assert_eq!(detail, "form=register;people=1");

    let history = print_history(&conn, &dsl(), &sam, false, today()).expect("history");
    assert_eq!(history.file_name, "Image consent history Sam Okafor 2026-11-22.pdf");
    assert_eq!(printed_count(&conn, &sam), 1);
    let detail: String = conn
        .query_row("SELECT detail FROM audit WHERE action = 'consent.printed' AND subject_kind = 'person'", [], |r| {
            r.get(0)
        })
        .expect("the history's entry");
    assert_eq!(detail, "form=history;consents=0");

    let before: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).expect("count");
    print_blank(&conn, false).expect("blank");
    let after: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).expect("count");
    assert_eq!(before, after, "a blank form holds nobody's data, so it is not audited");
}

#[test]
fn an_unknown_group_or_person_is_refused_and_not_audited() {
    let conn = test_db();
    let group = print_register(&conn, &dsl(), "no-such-group", false, today(), today()).err().expect("refused");
    assert_eq!(group.code(), "consent.groupNotFound");
    let person = print_history(&conn, &dsl(), "no-such-person", false, today()).err().expect("refused");
    assert_eq!(person.code(), "consent.personNotFound");
    let rows: i64 =
        conn.query_row("SELECT count(*) FROM audit WHERE action = 'consent.printed'", [], |r| r.get(0)).expect("count");
    assert_eq!(rows, 0);
}
