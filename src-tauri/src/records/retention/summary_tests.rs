//! The retention summary (`summary_retention`, migration 17) is marked stale by triggers and
//! worked out again on read. These tests prove that the paged review read from it always equals
//! the full review worked out from every record, whatever the history: people joining, leaving,
//! coming back and having their dates of birth corrected, incidents with people added and closed,
//! consents withdrawn, signatures matched, records erased, decisions taken and the rules changed.

use chrono::NaiveDate;
use proptest::prelude::*;
use rusqlite::{params, Connection};

use super::*;
use crate::records::test_db;
use crate::store::audit::Actor;

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

fn other_admin() -> Actor {
    Actor::Admin("admin-other".into())
}

fn day(days: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("date") + chrono::Days::new(u64::from(days))
}

fn text(days: u32) -> String {
    crate::records::date_text(day(days))
}

/// One change to the records, with indexes into what exists (taken modulo how many there are).
#[derive(Debug, Clone)]
enum Change {
    Person {
        young: bool,
        dob: Option<u32>,
        leave: Option<u32>,
    },
    PersonDates {
        who: usize,
        dob: Option<u32>,
        leave: Option<u32>,
        archived: Option<u32>,
    },
    PersonGroup {
        who: usize,
        young: bool,
    },
    Incident {
        on: u32,
        allegation: bool,
        restricted: bool,
        people: Vec<(usize, bool)>,
    },
    Involve {
        incident: usize,
        who: usize,
        staff: bool,
    },
    Close {
        incident: usize,
        on: u32,
    },
    Restrict {
        incident: usize,
        restricted: bool,
    },
    Grant {
        incident: usize,
    },
    Consent {
        who: usize,
        given: u32,
        withdrawn: Option<u32>,
    },
    Withdraw {
        consent: usize,
        on: u32,
    },
    Signature {
        who: Option<usize>,
        on: u32,
    },
    Match {
        signature: usize,
        who: usize,
    },
    Training {
        who: usize,
        on: u32,
    },
    EraseTraining {
        record: usize,
    },
    EraseConsent {
        consent: usize,
    },
    Decide {
        kind: usize,
        record: usize,
        decision: u8,
        next: u32,
    },
    Rules {
        years: u32,
        age: u32,
    },
    /// Read the page, which works out what changed so far.
    Read,
}

fn change() -> impl Strategy<Value = Change> {
    let date = 0u32..12_000;
    let maybe = proptest::option::of(0u32..12_000);
    prop_oneof![
        // Reads come often, so that most changes land on a summary already worked out.
        6 => Just(Change::Read),
        2 => (any::<bool>(), proptest::option::of(0u32..4000), maybe.clone())
            .prop_map(|(young, dob, leave)| Change::Person { young, dob, leave }),
        1 => (any::<usize>(), proptest::option::of(0u32..4000), maybe.clone(), maybe.clone())
            .prop_map(|(who, dob, leave, archived)| Change::PersonDates { who, dob, leave, archived }),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(who, young)| Change::PersonGroup { who, young }),
        1 => (date.clone(), any::<bool>(), any::<bool>(), proptest::collection::vec((any::<usize>(), any::<bool>()), 0..3))
            .prop_map(|(on, allegation, restricted, people)| Change::Incident { on, allegation, restricted, people }),
        1 => (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(incident, who, staff)| Change::Involve {
            incident,
            who,
            staff
        }),
        1 => (any::<usize>(), date.clone()).prop_map(|(incident, on)| Change::Close { incident, on }),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(incident, restricted)| Change::Restrict { incident, restricted }),
        1 => any::<usize>().prop_map(|incident| Change::Grant { incident }),
        1 => (any::<usize>(), date.clone(), proptest::option::of(1u32..400))
            .prop_map(|(who, given, withdrawn)| Change::Consent { who, given, withdrawn }),
        1 => (any::<usize>(), date.clone()).prop_map(|(consent, on)| Change::Withdraw { consent, on }),
        1 => (proptest::option::of(any::<usize>()), date.clone()).prop_map(|(who, on)| Change::Signature { who, on }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(signature, who)| Change::Match { signature, who }),
        1 => (any::<usize>(), date.clone()).prop_map(|(who, on)| Change::Training { who, on }),
        1 => any::<usize>().prop_map(|record| Change::EraseTraining { record }),
        1 => any::<usize>().prop_map(|consent| Change::EraseConsent { consent }),
        1 => (0usize..4, any::<usize>(), 0u8..3, date).prop_map(|(kind, record, decision, next)| Change::Decide {
            kind,
            record,
            decision,
            next
        }),
        1 => (1u32..30, 50u32..80).prop_map(|(years, age)| Change::Rules { years, age }),
    ]
}

/// The ids in `table`, oldest first.
fn ids(conn: &Connection, table: &str) -> Vec<String> {
    let mut stmt = conn.prepare(&format!("SELECT id FROM {table} ORDER BY rowid")).expect("ids");
    stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("rows")
}

fn pick(conn: &Connection, table: &str, n: usize) -> Option<String> {
    let all = ids(conn, table);
    (!all.is_empty()).then(|| all[n % all.len()].clone())
}

fn setup(conn: &Connection) {
    conn.execute_batch(
        "INSERT INTO aups (id, audience, created_at) VALUES ('aup-1', 'staffVolunteers', '2019-01-01T00:00:00Z');
         INSERT INTO aup_versions (id, aup_id, number, status, content, content_hash, created_at, published_at)
             VALUES ('v-1', 'aup-1', 1, 'published', '{}', 'hash', '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z');",
    )
    .expect("an AUP");
}

fn apply(conn: &mut Connection, change: &Change, step: usize) {
    let now = "2020-01-01T00:00:00Z";
    match change {
        Change::Person { young, dob, leave } => {
            conn.execute(
                "INSERT INTO people (id, person_group, full_name, name_key, search_text, date_of_birth, leave_date,
                     created_at, updated_at)
                 VALUES (?1, ?2, 'Sam Test', 'sam test', 'sam test', ?3, ?4, ?5, ?5)",
                params![
                    format!("p{step}"),
                    if *young { "youngPerson" } else { "staff" },
                    // A young person always has a date of birth.
                    if *young { Some(text(dob.unwrap_or(2000))) } else { dob.map(text) },
                    leave.map(text),
                    now
                ],
            )
            .expect("person");
        }
        Change::PersonDates { who, dob, leave, archived } => {
            if let Some(id) = pick(conn, "people", *who) {
                conn.execute(
                    "UPDATE people SET leave_date = ?3, archived_at = ?4,
                         date_of_birth = CASE WHEN person_group = 'youngPerson' THEN coalesce(?2, date_of_birth) ELSE ?2 END
                     WHERE id = ?1",
                    params![id, dob.map(text), leave.map(text), archived.map(|a| format!("{}T09:00:00Z", text(a)))],
                )
                .expect("dates");
            }
        }
        Change::PersonGroup { who, young } => {
            if let Some(id) = pick(conn, "people", *who) {
                conn.execute(
                    "UPDATE people SET person_group = ?2,
                         date_of_birth = CASE WHEN ?2 = 'youngPerson' THEN coalesce(date_of_birth, '2005-01-01')
                                              ELSE date_of_birth END
                     WHERE id = ?1",
                    params![id, if *young { "youngPerson" } else { "staff" }],
                )
                .expect("group");
            }
        }
        Change::Incident { on, allegation, restricted, people } => {
            let id = format!("i{step}");
            conn.execute(
                "INSERT INTO incidents (id, reference, source, self_declared, staff_allegation, restricted, status,
                     occurred_on, category, kind, created_at, updated_at)
                 VALUES (?1, ?2, 'admin', 0, ?3, ?4, 'open', ?5, 'contact', 'cyberbullying', ?6, ?6)",
                params![id, format!("INC-{step:04}"), allegation, restricted, text(*on), now],
            )
            .expect("incident");
            let report = serde_json::json!({ "occurredOn": text(*on), "reportedOn": text(on + 3) });
            conn.execute(
                "INSERT INTO incident_entries (id, incident_id, seq, kind, body, recorded_at, recorded_by)
                 VALUES (?1, ?2, 1, 'report', ?3, ?4, 'system')",
                params![format!("{id}-1"), id, report.to_string(), now],
            )
            .expect("report");
            for (who, staff) in people {
                involve(conn, &id, *who, *staff);
            }
        }
        Change::Involve { incident, who, staff } => {
            if let Some(id) = pick(conn, "incidents", *incident) {
                involve(conn, &id, *who, *staff);
            }
        }
        Change::Close { incident, on } => {
            if let Some(id) = pick(conn, "incidents", *incident) {
                let body = serde_json::json!({ "to": "closed" });
                conn.execute(
                    "INSERT INTO incident_entries (id, incident_id, seq, kind, body, recorded_at, recorded_by)
                     VALUES (?1 || '-s' || ?4, ?1, (SELECT max(seq) + 1 FROM incident_entries WHERE incident_id = ?1),
                         'status', ?2, ?3, 'system')",
                    params![id, body.to_string(), format!("{}T12:00:00Z", text(*on)), step.to_string()],
                )
                .expect("status");
                conn.execute("UPDATE incidents SET status = 'closed' WHERE id = ?1", [&id]).expect("closed");
            }
        }
        Change::Restrict { incident, restricted } => {
            if let Some(id) = pick(conn, "incidents", *incident) {
                conn.execute("UPDATE incidents SET restricted = ?2 WHERE id = ?1", params![id, restricted])
                    .expect("restricted");
            }
        }
        Change::Grant { incident } => {
            if let Some(id) = pick(conn, "incidents", *incident) {
                conn.execute(
                    "INSERT OR IGNORE INTO incident_access (incident_id, admin_id) VALUES (?1, 'admin-dsl')",
                    [&id],
                )
                .expect("access");
            }
        }
        Change::Consent { who, given, withdrawn } => {
            let person = pick(conn, "people", *who);
            conn.execute(
                "INSERT INTO image_consents (id, person_id, about_name, giver, giver_name, method, given_on, form_version,
                     expires_on, answers, source, withdrawn_on, withdrawn_how, created_at, created_by)
                 VALUES (?1, ?2, 'Sam Test', 'self', 'Sam Test', 'paperForm', ?3, 'v1', ?4, '[]',
                     CASE WHEN ?2 IS NULL THEN 'signingStation' ELSE 'admin' END, ?5, CASE WHEN ?5 IS NULL THEN NULL ELSE 'email' END, ?6, 'admin:x')",
                params![
                    format!("c{step}"),
                    person,
                    text(*given),
                    text(given + 365),
                    withdrawn.map(|w| text(given + w)),
                    now
                ],
            )
            .expect("consent");
        }
        Change::Withdraw { consent, on } => {
            if let Some(id) = pick(conn, "image_consents", *consent) {
                conn.execute(
                    "UPDATE image_consents SET withdrawn_on = ?2, withdrawn_how = 'email' WHERE id = ?1",
                    params![id, text(*on)],
                )
                .expect("withdrawn");
            }
        }
        Change::Signature { who, on } => {
            let person = who.and_then(|w| pick(conn, "people", w));
            conn.execute(
                "INSERT INTO signatures (id, aup_version_id, content_hash, person_id, declared_name, self_declared,
                     method, source, signed_at, recorded_at, mark_typed)
                 VALUES (?1, 'v-1', 'hash', ?2, CASE WHEN ?2 IS NULL THEN 'Typed Name' END, ?2 IS NULL, 'onScreen',
                     'signingStation', ?3, ?3, 'Sam')",
                params![format!("s{step}"), person, format!("{}T10:00:00Z", text(*on))],
            )
            .expect("signature");
        }
        Change::Match { signature, who } => {
            if let (Some(id), Some(person)) = (pick(conn, "signatures", *signature), pick(conn, "people", *who)) {
                conn.execute(
                    "UPDATE signatures SET person_id = ?2, self_declared = 0 WHERE id = ?1",
                    params![id, person],
                )
                .expect("matched");
            }
        }
        Change::Training { who, on } => {
            if let Some(person) = pick(conn, "people", *who) {
                conn.execute(
                    "INSERT INTO training_records (id, person_id, course_id, completed_on, provider, recorded_at, recorded_by)
                     VALUES (?1, ?2, 'course-prevent', ?3, 'Council', ?4, 'admin:x')",
                    params![format!("t{step}"), person, text(*on), now],
                )
                .expect("training");
            }
        }
        Change::EraseTraining { record } => {
            if let Some(id) = pick(conn, "training_records", *record) {
                conn.execute("DELETE FROM training_records WHERE id = ?1", [&id]).expect("erased");
            }
        }
        Change::EraseConsent { consent } => {
            if let Some(id) = pick(conn, "image_consents", *consent) {
                conn.execute("DELETE FROM image_consents WHERE id = ?1", [&id]).expect("erased");
            }
        }
        Change::Decide { kind, record, decision, next } => {
            let (kind, table) = [
                ("incident", "incidents"),
                ("imageConsent", "image_consents"),
                ("aupSignature", "signatures"),
                ("trainingRecord", "training_records"),
            ][*kind];
            if let Some(id) = pick(conn, table, *record) {
                let (code, next) = match decision {
                    0 => ("keep", Some(text(*next))),
                    1 => ("legalHold", None),
                    _ => ("holdLifted", None),
                };
                conn.execute(
                    "INSERT INTO retention_decisions (id, record_kind, record_id, rule, decision, reason, next_review,
                         decided_by, decided_at)
                     VALUES (?1, ?2, ?3, 'training', ?4, 'Reviewed.', ?5, 'admin-dsl', ?6)",
                    params![format!("d{step}"), kind, id, code, next, now],
                )
                .expect("decision");
            }
        }
        Change::Rules { years, age } => {
            let mut rules = RetentionRules::default();
            rules.child_protection.years = *years;
            rules.training.years = years % 7 + 1;
            rules.image_consent.years = years % 5 + 1;
            rules.staff_allegation.retirement_age = *age;
            save_rules(conn, &dsl(), &rules).expect("rules");
        }
        Change::Read => {
            page(conn, &dsl(), day(9000), 5).expect("a page");
        }
    }
}

fn involve(conn: &Connection, incident: &str, who: usize, staff: bool) {
    let Some(person) = pick(conn, "people", who) else { return };
    let entry = format!("{incident}-p{}", ids(conn, "incident_entries").len() + 1);
    conn.execute(
        "INSERT INTO incident_entries (id, incident_id, seq, kind, body, recorded_at, recorded_by)
         VALUES (?1, ?2, (SELECT max(seq) + 1 FROM incident_entries WHERE incident_id = ?2), 'person', '{}',
             '2020-01-01T00:00:00Z', 'system')",
        params![entry, incident],
    )
    .expect("person entry");
    conn.execute(
        "INSERT INTO incident_people (entry_id, incident_id, person_id, role) VALUES (?1, ?2, ?3, ?4)",
        params![entry, incident, person, if staff { "memberOfStaff" } else { "subjectOrVictim" }],
    )
    .expect("involved");
}

/// The order the page lists records in.
fn in_page_order(mut items: Vec<RetentionItem>) -> Vec<RetentionItem> {
    items.sort_by(|a, b| (a.due_on, a.kind.as_str(), &a.id).cmp(&(b.due_on, b.kind.as_str(), &b.id)));
    items
}

/// The page of everything equals the full review, for each admin and on each day asked.
fn assert_page_is_the_review(conn: &Connection) {
    for actor in [dsl(), other_admin()] {
        for today in [day(3000), day(9000), day(15_000), day(40_000)] {
            let full = review(conn, &actor, today).expect("review");
            let paged = page(conn, &actor, today, 100_000).expect("page");
            assert_eq!(paged.due, in_page_order(full.due.clone()), "the records due on {today}");
            assert_eq!(paged.on_hold, in_page_order(full.on_hold.clone()), "the records on hold on {today}");
            let count = |n: usize| Count { count: (n as u32).min(COUNT_CAP), more: n > COUNT_CAP as usize };
            assert_eq!(paged.due_count, count(full.due.len()));
            assert_eq!(paged.on_hold_count, count(full.on_hold.len()));
            assert_eq!(due_count(conn, &actor, today).expect("count"), count(full.due.len()));
            // A short page is the first records of the whole one.
            let short = page(conn, &actor, today, 3).expect("short page");
            assert_eq!(short.due, paged.due.iter().take(3).cloned().collect::<Vec<_>>());
            assert_eq!(short.due_count, paged.due_count);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_page_read_from_the_summary_always_equals_the_full_review(
        changes in proptest::collection::vec(change(), 1..60)
    ) {
        let mut conn = test_db();
        setup(&conn);
        for (step, change) in changes.iter().enumerate() {
            apply(&mut conn, change, step);
        }
        assert_page_is_the_review(&conn);
        let stale: i64 =
            conn.query_row("SELECT count(*) FROM summary_retention_stale", [], |r| r.get(0)).expect("stale");
        prop_assert_eq!(stale, 0, "a read leaves nothing marked");
    }
}

#[test]
fn the_count_stops_at_the_cap_and_says_there_are_more() {
    let mut conn = test_db();
    setup(&conn);
    apply(&mut conn, &Change::Person { young: false, dob: None, leave: Some(10) }, 0);
    let tx = conn.transaction().expect("tx");
    for n in 0..=COUNT_CAP + 5 {
        tx.execute(
            "INSERT INTO training_records (id, person_id, course_id, completed_on, provider, recorded_at, recorded_by)
             VALUES (?1, 'p0', 'course-prevent', '2000-01-01', 'Council', '2000-01-01T00:00:00Z', 'admin:x')",
            [format!("t{n}")],
        )
        .expect("training");
    }
    tx.commit().expect("commit");
    let today = day(9000);
    assert_eq!(review(&conn, &dsl(), today).expect("review").due.len(), COUNT_CAP as usize + 6);
    let paged = page(&conn, &dsl(), today, 100).expect("page");
    assert_eq!(paged.due.len(), 100);
    assert_eq!(paged.due_count, Count { count: COUNT_CAP, more: true });
    assert_eq!(due_count(&conn, &dsl(), today).expect("count"), Count { count: COUNT_CAP, more: true });
}

#[test]
fn a_rebuilt_summary_gives_the_same_page_and_a_restricted_incident_stays_hidden() {
    let mut conn = test_db();
    setup(&conn);
    let history = [
        Change::Person { young: true, dob: Some(100), leave: None },
        Change::Person { young: false, dob: Some(0), leave: Some(500) },
        Change::Incident { on: 300, allegation: false, restricted: true, people: vec![(0, false)] },
        Change::Incident { on: 400, allegation: true, restricted: false, people: vec![(0, false), (1, true)] },
        Change::Training { who: 1, on: 200 },
        Change::Read,
    ];
    for (step, change) in history.iter().enumerate() {
        apply(&mut conn, change, step);
    }
    let today = day(40_000);
    let before = page(&conn, &dsl(), today, 100).expect("page");
    assert_eq!(before.due.len(), 2, "the open incident and the training; the restricted incident is hidden");
    assert!(before.due.iter().all(|i| i.id != "i2"));
    assert!(page(&conn, &Actor::RecoveryKey, today, 100).expect("page").due.iter().any(|i| i.id == "i2"));
    crate::store::rebuild_derived(&conn).expect("rebuild");
    assert_eq!(page(&conn, &dsl(), today, 100).expect("page"), before);
}
