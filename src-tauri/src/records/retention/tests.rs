use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::records::incidents::{
    self, Category, EntryBody, IncidentKind, IncidentSource, InvolvedPerson, NewIncident, Report, Role,
};
use crate::records::test_db;
use crate::store::audit::{self, Actor};

const CANARY: &str = "canary-retention-7f3a91";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
}

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

fn person(conn: &Connection, id: &str, group: &str, dob: Option<&str>, leave: Option<&str>) {
    conn.execute(
        "INSERT INTO people (id, person_group, full_name, name_key, search_text, date_of_birth, leave_date, created_at, updated_at)
         VALUES (?1, ?2, 'Sam Test', 'sam test', 'sam test', ?3, ?4, '2010-01-01T00:00:00Z', '2010-01-01T00:00:00Z')",
        rusqlite::params![id, group, dob, leave],
    )
    .expect("person");
}

fn report(occurred: NaiveDate) -> Report {
    Report {
        occurred_on: occurred,
        occurred_at_time: None,
        reported_on: occurred,
        how_reported: "In person".into(),
        reported_by: "Youth worker".into(),
        reported_to: "The DSL".into(),
        place: "Club".into(),
        platform: "Chat".into(),
        device: "Phone".into(),
        category: Category::Conduct,
        kind: IncidentKind::Cyberbullying,
        facts: format!("Messages were shared. {CANARY}"),
        own_words: Some(CANARY.into()),
        opinion: None,
    }
}

/// An incident on `occurred` with the listed register people in their roles.
fn incident(conn: &mut Connection, occurred: NaiveDate, allegation: bool, people: &[(&str, Role)]) -> String {
    let r = report(occurred);
    let made = incidents::create(
        conn,
        &dsl(),
        &NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: allegation, report: &r },
        occurred,
    )
    .expect("incident");
    for (id, role) in people {
        let body =
            EntryBody::Person(InvolvedPerson { person_id: Some((*id).into()), name: CANARY.into(), role: *role });
        incidents::add_entry(conn, &dsl(), &made.id, &body, occurred).expect("person entry");
    }
    made.id
}

fn due_ids(conn: &Connection, today: NaiveDate) -> Vec<String> {
    due(conn, &dsl(), today).expect("due").into_iter().map(|i| i.id).collect()
}

/// Falls due on exactly `on`: not the day before, and from that day on.
fn assert_falls_due_on(conn: &Connection, id: &str, on: NaiveDate) {
    assert!(!due_ids(conn, on.pred_opt().expect("a day before")).contains(&id.to_owned()), "not due before {on}");
    assert!(due_ids(conn, on).contains(&id.to_owned()), "due on {on}");
}

#[test]
fn child_protection_record_falls_due_when_the_youngest_young_person_turns_25() {
    let mut conn = test_db();
    person(&conn, "yp-old", "youngPerson", Some("2008-05-10"), None);
    person(&conn, "yp-young", "youngPerson", Some("2010-03-15"), None);
    let id =
        incident(&mut conn, day(2024, 6, 1), false, &[("yp-old", Role::SubjectOrVictim), ("yp-young", Role::Witness)]);
    assert_falls_due_on(&conn, &id, day(2035, 3, 15));
    let item = due(&conn, &dsl(), day(2035, 3, 15)).expect("due").remove(0);
    assert_eq!(item.rule, RuleCode::ChildProtection);
    assert!(!item.date_of_birth_unknown);
    assert_eq!(item.label, "Incident INC-2024-0001");
}

#[test]
fn child_protection_record_without_a_date_of_birth_counts_25_years_from_the_incident_and_says_so() {
    let mut conn = test_db();
    let id = incident(&mut conn, day(2024, 6, 1), false, &[]);
    assert_falls_due_on(&conn, &id, day(2049, 6, 1));
    assert!(due(&conn, &dsl(), day(2049, 6, 1)).expect("due")[0].date_of_birth_unknown);
}

#[test]
fn staff_allegation_is_kept_until_retirement_age_when_that_is_later() {
    let mut conn = test_db();
    person(&conn, "staff-1", "staff", Some("1980-02-29"), None);
    let id = incident(&mut conn, day(2024, 6, 1), true, &[("staff-1", Role::MemberOfStaff)]);
    // 67th birthday of someone born on 29 February, in a year without one.
    assert_falls_due_on(&conn, &id, day(2047, 2, 28));
    assert_eq!(due(&conn, &dsl(), day(2047, 2, 28)).expect("due")[0].rule, RuleCode::StaffAllegation);
}

#[test]
fn staff_allegation_is_kept_10_years_when_that_is_later_than_retirement() {
    let mut conn = test_db();
    person(&conn, "staff-2", "staff", Some("1960-01-01"), None);
    let id = incident(&mut conn, day(2024, 6, 1), true, &[("staff-2", Role::MemberOfStaff)]);
    assert_falls_due_on(&conn, &id, day(2034, 6, 1));
}

#[test]
fn image_consent_falls_due_5_years_after_it_was_withdrawn_or_expired() {
    let conn = test_db();
    person(&conn, "yp-c", "youngPerson", Some("2010-01-01"), None);
    for (id, withdrawn) in [("c-expired", None), ("c-withdrawn", Some("2021-02-01"))] {
        conn.execute(
            "INSERT INTO image_consents (id, person_id, about_name, giver, giver_name, method, given_on, form_version,
                 expires_on, answers, source, withdrawn_on, withdrawn_how, created_at, created_by)
             VALUES (?1, 'yp-c', 'Sam Test', 'self', 'Sam Test', 'paperForm', '2020-09-01', 'v1', '2021-09-01', '[]',
                 'admin', ?2, CASE WHEN ?2 IS NULL THEN NULL ELSE 'email' END, '2020-09-01T00:00:00Z', 'admin:x')",
            rusqlite::params![id, withdrawn],
        )
        .expect("consent");
    }
    assert_falls_due_on(&conn, "c-expired", day(2026, 9, 1));
    assert_falls_due_on(&conn, "c-withdrawn", day(2026, 2, 1));
}

fn signature_and_training(conn: &Connection, person_id: &str) {
    conn.execute_batch(&format!(
        "INSERT INTO aups (id, audience, created_at) VALUES ('aup-1', 'staffVolunteers', '2019-01-01T00:00:00Z');
         INSERT INTO aup_versions (id, aup_id, number, status, content, content_hash, created_at, published_at)
             VALUES ('v-1', 'aup-1', 1, 'published', '{{}}', 'hash', '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z');
         INSERT INTO signatures (id, aup_version_id, content_hash, person_id, self_declared, method, source, signed_at,
                 recorded_at, mark_typed)
             VALUES ('sig-1', 'v-1', 'hash', '{person_id}', 0, 'onScreen', 'admin', '2019-03-01T10:00:00Z',
                 '2019-03-01T10:00:00Z', '{CANARY}');
         INSERT INTO signature_scans (signature_id, media_type, bytes) VALUES ('sig-1', 'image/png', CAST('{CANARY}' AS BLOB));
         INSERT INTO training_records (id, person_id, course_id, completed_on, provider, notes, recorded_at, recorded_by)
             VALUES ('tr-1', '{person_id}', 'course-prevent', '2019-04-01', 'Council', '{CANARY}', '2019-04-01T00:00:00Z', 'admin:x');
         INSERT INTO training_certificates (record_id, media_type, bytes, added_at)
             VALUES ('tr-1', 'application/pdf', CAST('{CANARY}' AS BLOB), '2019-04-01T00:00:00Z');"
    ))
    .expect("signature and training");
}

#[test]
fn signatures_and_training_fall_due_6_years_after_the_person_left_and_never_while_they_stay() {
    let conn = test_db();
    person(&conn, "staff-here", "staff", None, None);
    signature_and_training(&conn, "staff-here");
    assert!(due_ids(&conn, day(2090, 1, 1)).is_empty(), "nothing is due while the person is still here");
    conn.execute("UPDATE people SET leave_date = '2020-07-31' WHERE id = 'staff-here'", []).expect("left");
    assert_falls_due_on(&conn, "sig-1", day(2026, 7, 31));
    assert_falls_due_on(&conn, "tr-1", day(2026, 7, 31));
}

#[test]
fn a_kept_record_leaves_the_list_until_its_next_review() {
    let mut conn = test_db();
    let id = incident(&mut conn, day(2000, 1, 1), false, &[]);
    let today = day(2026, 1, 1);
    assert!(due_ids(&conn, today).contains(&id));
    let keep = Decision::Keep { reason: "Inquiry may ask".into(), next_review: day(2028, 1, 1) };
    decide(&mut conn, &dsl(), RecordKind::Incident, &id, &keep, today).expect("keep");
    assert!(!due_ids(&conn, day(2027, 12, 31)).contains(&id));
    let again = due(&conn, &dsl(), day(2028, 1, 1)).expect("due");
    assert_eq!(again[0].due_on, day(2028, 1, 1));
    assert!(again[0].kept_before);
    // A next review in the past, or a blank reason, is refused.
    let past = Decision::Keep { reason: "x".into(), next_review: day(2027, 1, 1) };
    assert!(matches!(
        decide(&mut conn, &dsl(), RecordKind::Incident, &id, &past, day(2028, 1, 1)),
        Err(RetentionError::BadNextReview)
    ));
    let blank = Decision::Erase { reason: "   ".into() };
    assert!(matches!(
        decide(&mut conn, &dsl(), RecordKind::Incident, &id, &blank, day(2028, 1, 1)),
        Err(RetentionError::ReasonNeeded)
    ));
}

#[test]
fn legal_hold_refuses_erasure_until_it_is_lifted() {
    let mut conn = test_db();
    let id = incident(&mut conn, day(2000, 1, 1), false, &[]);
    let today = day(2026, 1, 1);
    decide(
        &mut conn,
        &dsl(),
        RecordKind::Incident,
        &id,
        &Decision::LegalHold { reason: "Public inquiry".into() },
        today,
    )
    .expect("hold");
    let review = review(&conn, &dsl(), today).expect("review");
    assert!(review.due.is_empty());
    assert_eq!(review.on_hold.len(), 1);
    let erase = Decision::Erase { reason: "Period ended".into() };
    let err = decide(&mut conn, &dsl(), RecordKind::Incident, &id, &erase, today).expect_err("held");
    assert!(matches!(err, RetentionError::OnLegalHold));
    assert!(err.to_string().contains("legal hold"));
    let count: i64 = conn.query_row("SELECT count(*) FROM incidents", [], |r| r.get(0)).expect("count");
    assert_eq!(count, 1);
    decide(
        &mut conn,
        &dsl(),
        RecordKind::Incident,
        &id,
        &Decision::LiftHold { reason: "Inquiry closed".into() },
        today,
    )
    .expect("lift");
    decide(&mut conn, &dsl(), RecordKind::Incident, &id, &erase, today).expect("erase after lift");
}

#[test]
fn nothing_is_erased_without_a_decision_and_not_before_it_is_due() {
    let mut conn = test_db();
    let id = incident(&mut conn, day(2024, 1, 1), false, &[]);
    // Listing what is due, far in the future, deletes nothing.
    assert_eq!(due_ids(&conn, day(2090, 1, 1)), vec![id.clone()]);
    let count: i64 = conn.query_row("SELECT count(*) FROM incident_entries", [], |r| r.get(0)).expect("count");
    assert_eq!(count, 1);
    let erase = Decision::Erase { reason: "Too early".into() };
    assert!(matches!(
        decide(&mut conn, &dsl(), RecordKind::Incident, &id, &erase, day(2030, 1, 1)),
        Err(RetentionError::NotDue)
    ));
    assert!(conn.execute("DELETE FROM incident_entries", []).is_err(), "entries still cannot be deleted directly");
}

/// Every cell of every table that mentions `needle`, as "table.column".
fn tables_mentioning(conn: &Connection, needle: &str) -> Vec<String> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("names");
    let mut hits = Vec::new();
    for table in tables {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .expect("columns")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("names");
        for column in columns {
            let n: i64 = conn
                .query_row(
                    &format!("SELECT count(*) FROM \"{table}\" WHERE instr(CAST(\"{column}\" AS BLOB), CAST(?1 AS BLOB)) > 0"),
                    [needle],
                    |r| r.get(0),
                )
                .expect("scan");
            if n > 0 {
                hits.push(format!("{table}.{column}"));
            }
        }
    }
    hits
}

#[test]
fn erasure_leaves_a_tombstone_no_content_and_a_chain_that_verifies() {
    let mut conn = test_db();
    person(&conn, "yp-e", "youngPerson", Some("2000-01-01"), None);
    person(&conn, "staff-e", "staff", None, Some("2015-01-01"));
    let id = incident(&mut conn, day(2014, 1, 1), false, &[("yp-e", Role::SubjectOrVictim)]);
    incidents::set_access(&mut conn, &dsl(), &id, true, &["admin-dsl".into()]).expect("restrict");
    let png = [b"\x89PNG\r\n\x1a\n".as_slice(), CANARY.as_bytes()].concat();
    let file = incidents::NewFile { description: CANARY, file_name: "screenshot.png", bytes: &png };
    let attached = incidents::attach_file(&mut conn, &dsl(), &id, &file, day(2014, 1, 2)).expect("attach");
    incidents::open_file(&mut conn, &dsl(), &id, &attached.id, &format!("Checking {CANARY}")).expect("open");
    signature_and_training(&conn, "staff-e");
    conn.execute(
        "INSERT INTO image_consents (id, person_id, about_name, giver, giver_name, method, given_on, form_version,
             expires_on, answers, notes, source, mark_png, created_at, created_by)
         VALUES ('c-e', 'yp-e', 'Sam Test', 'self', 'Sam Test', 'paperForm', '2014-01-01', 'v1', '2015-01-01',
             '[{\"useKey\":\"website\",\"allowed\":true}]', ?1, 'admin', CAST(?1 AS BLOB), '2014-01-01T00:00:00Z', 'admin:x')",
        [CANARY],
    )
    .expect("consent");
    assert!(!tables_mentioning(&conn, CANARY).is_empty(), "the canary was planted");

    let today = day(2026, 1, 1);
    let items = due(&conn, &dsl(), today).expect("due");
    assert_eq!(items.len(), 4, "incident, consent, signature and training are all due");
    for item in &items {
        let erase = Decision::Erase { reason: "Retention period ended".into() };
        decide(&mut conn, &dsl(), item.kind, &item.id, &erase, today).expect("erase");
    }

    assert_eq!(tables_mentioning(&conn, CANARY), Vec::<String>::new(), "no content of an erased record is left");
    let dangling: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).expect("fk");
    assert_eq!(dangling, 0);
    assert!(due_ids(&conn, today).is_empty());

    let status = audit::verify(&conn).expect("verify");
    assert!(status.verified, "{status:?}");
    let (action, kind, detail): (String, String, String) = conn
        .query_row(
            "SELECT action, subject_kind, detail FROM audit WHERE subject_id = ?1 ORDER BY id DESC LIMIT 1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("tombstone in the audit");
    assert_eq!((action.as_str(), kind.as_str()), ("record.erased", "incident"));
    assert!(detail.starts_with("rule=childProtection;decision="), "{detail}");
    assert!(!detail.contains("Sam") && !detail.contains("Retention period"), "codes and ids only");
    let (decision, reason, reference, by): (String, String, Option<String>, String) = conn
        .query_row(
            "SELECT decision, reason, reference, decided_by FROM retention_decisions WHERE record_id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("tombstone row");
    assert_eq!(decision, "erased");
    assert_eq!(reason, "Retention period ended");
    assert_eq!(reference.as_deref(), Some("INC-2014-0001"));
    assert_eq!(by, "admin:admin-dsl");
    assert!(conn.execute("DELETE FROM retention_decisions", []).is_err(), "tombstones cannot be removed");
    // The people register is not part of any of these records.
    let people: i64 = conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0)).expect("people");
    assert_eq!(people, 2);
}

#[test]
fn erased_content_is_not_left_in_the_freed_pages_of_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plain.db");
    // A plaintext file (no key) so the test can read the pages SQLCipher would encrypt.
    let mut conn = Connection::open(&path).expect("open");
    conn.execute_batch("PRAGMA foreign_keys = ON;").expect("fk");
    crate::store::migrations::apply(&mut conn).expect("migrate");
    audit::initialise(&conn).expect("audit");
    let id = incident(&mut conn, day(2000, 1, 1), false, &[]);
    decide(&mut conn, &dsl(), RecordKind::Incident, &id, &Decision::Erase { reason: "Ended".into() }, day(2026, 1, 1))
        .expect("erase");
    drop(conn);
    let bytes = std::fs::read(&path).expect("read");
    assert!(!bytes.windows(CANARY.len()).any(|w| w == CANARY.as_bytes()), "secure_delete zeroed the freed pages");
}

#[test]
fn a_restricted_incident_is_not_listed_or_erasable_for_an_admin_without_access() {
    let mut conn = test_db();
    let id = incident(&mut conn, day(2000, 1, 1), true, &[]);
    incidents::set_access(&mut conn, &dsl(), &id, true, &["admin-dsl".into()]).expect("restrict");
    let other = Actor::Admin("admin-other".into());
    let today = day(2026, 1, 1);
    assert!(due(&conn, &other, today).expect("due").is_empty());
    let erase = Decision::Erase { reason: "Ended".into() };
    assert!(matches!(
        decide(&mut conn, &other, RecordKind::Incident, &id, &erase, today),
        Err(RetentionError::NotFound)
    ));
    assert_eq!(due_ids(&conn, today), vec![id]);
}

#[test]
fn rules_are_saved_with_their_reasons_and_a_missing_reason_is_refused() {
    let mut conn = test_db();
    let mut wanted = rules(&conn).expect("defaults");
    assert_eq!(
        (wanted.child_protection.years, wanted.staff_allegation.retirement_age, wanted.image_consent.years),
        (25, 67, 5)
    );
    wanted.image_consent = YearsRule { years: 2, why: "  We renew every year and need little history.  ".into() };
    let saved = save_rules(&mut conn, &dsl(), &wanted).expect("save");
    assert_eq!(saved.image_consent.why, "We renew every year and need little history.");
    assert_eq!(rules(&conn).expect("read"), saved);
    wanted.training.why = " ".into();
    assert!(matches!(save_rules(&mut conn, &dsl(), &wanted), Err(RetentionError::InvalidRule(_))));
    wanted.training.why = "x".into();
    wanted.staff_allegation.retirement_age = 90;
    assert!(matches!(save_rules(&mut conn, &dsl(), &wanted), Err(RetentionError::InvalidRule(_))));
    assert_eq!(rules(&conn).expect("read"), saved, "a refused save changes nothing");
}
