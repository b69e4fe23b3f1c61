//! The AUP summary (`summary_aup_signed`, migration 16) is kept by triggers as signatures are
//! recorded, confirmed, moved to another person and erased. These tests prove it always equals the
//! newest version each person signed of each AUP (confirmed signatures only), and when they last
//! signed it, worked out from every signature, whatever the history; and that coverage reads the
//! same from it.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::records::aup::{self, Audience};
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::test_db;
use crate::records::test_support;
use crate::store::audit::Actor;

fn admin() -> Actor {
    Actor::Admin("admin-1".into())
}

type Best = BTreeMap<(String, String), (i64, String)>;

/// What the summary holds.
fn summary(conn: &rusqlite::Connection) -> Best {
    let mut stmt = conn.prepare("SELECT aup_id, person_id, best, last_at FROM summary_aup_signed").expect("read");
    stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// The same, worked out from every signature.
fn from_every_signature(conn: &rusqlite::Connection) -> Best {
    let mut stmt = conn
        .prepare(
            "SELECT v.aup_id, s.person_id, max(v.number), max(coalesce(s.paper_signed_on, s.signed_at))
             FROM signatures s JOIN aup_versions v ON v.id = s.aup_version_id
             WHERE s.self_declared = 0 AND s.person_id IS NOT NULL
             GROUP BY v.aup_id, s.person_id",
        )
        .expect("read");
    stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

fn person(conn: &mut rusqlite::Connection, n: usize) -> String {
    let draft = PersonDraft {
        date_of_birth: None,
        ..test_support::draft(
            if n.is_multiple_of(2) { PersonGroup::Staff } else { PersonGroup::Volunteer },
            ["Ada Lowe", "Ben Ruiz", "Cal Ito", "Dee Shah"][n % 4],
        )
    };
    people::add(conn, &admin(), &draft).expect("person").id
}

/// Two staff AUPs with three published versions each: the version ids, by AUP.
fn aups(conn: &mut rusqlite::Connection) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for lead in ["Sam Okafor", "Jo Reid"] {
        let template = aup::template(Audience::StaffVolunteers, "R", lead);
        let created = aup::create(conn, &admin(), Audience::StaffVolunteers, &template).expect("create");
        let mut versions = Vec::new();
        for n in 0..3 {
            let mut content = template.clone();
            content.rules[0] = format!("Rule written for version {n}.");
            aup::save_draft(conn, &admin(), &created.id, &content).expect("draft");
            versions.push(aup::publish(conn, &admin(), &created.id).expect("publish").id);
        }
        out.push((created.id, versions));
    }
    out
}

/// One step of a history, made with plain SQL so that every kind of change the triggers must
/// follow is tried: a signature recorded (confirmed or not, on screen or on paper), one confirmed
/// (and matched to a person when it had none), one moved to another person, one erased.
#[derive(Debug, Clone)]
enum Step {
    Sign { aup: usize, version: usize, person: Option<usize>, confirmed: bool, paper: bool, day: u32 },
    Confirm { nth: usize, person: usize },
    Move { nth: usize, person: usize },
    Erase { nth: usize },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => (0..2usize, 0..3usize, proptest::option::of(0..4usize), any::<bool>(), any::<bool>(), 1..28u32)
            .prop_map(|(aup, version, person, confirmed, paper, day)| Step::Sign { aup, version, person, confirmed, paper, day }),
        2 => (0..64usize, 0..4usize).prop_map(|(nth, person)| Step::Confirm { nth, person }),
        1 => (0..64usize, 0..4usize).prop_map(|(nth, person)| Step::Move { nth, person }),
        2 => (0..64usize).prop_map(|nth| Step::Erase { nth }),
    ]
}

fn nth_signature(conn: &rusqlite::Connection, nth: usize) -> Option<String> {
    conn.query_row("SELECT id FROM signatures ORDER BY id LIMIT 1 OFFSET ?1", [nth as i64], |r| r.get(0)).ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_summary_always_equals_the_newest_signature_worked_out_from_every_signature(
        steps in proptest::collection::vec(step(), 1..40)
    ) {
        let mut conn = test_db();
        let staff: Vec<String> = (0..4).map(|n| person(&mut conn, n)).collect();
        let aups = aups(&mut conn);
        for (n, step) in steps.into_iter().enumerate() {
            match step {
                Step::Sign { aup, version, person, confirmed, paper, day } => {
                    // A confirmed signature always has its person; an unconfirmed one may not.
                    let person = person.or(confirmed.then_some(0)).map(|p| staff[p].clone());
                    let on = format!("2026-{:02}-{day:02}", 1 + n % 12);
                    conn.execute(
                        "INSERT INTO signatures (id, aup_version_id, content_hash, person_id, declared_name, self_declared,
                             method, source, signed_at, recorded_at, mark_typed, paper_signed_on, paper_filed_at)
                         VALUES (?1, ?2, 'hash', ?3, ?4, ?5, ?6, 'admin', ?7, ?7, ?8, ?9, ?10)",
                        rusqlite::params![
                            format!("sig-{n:03}"),
                            aups[aup].1[version],
                            person,
                            person.is_none().then_some("Someone Unknown"),
                            i64::from(!confirmed),
                            if paper { "paper" } else { "onScreen" },
                            format!("{on}T10:{:02}:00Z", n % 60),
                            (!paper).then_some("Typed Name"),
                            // A paper form's own date can be earlier than the day it was entered.
                            paper.then(|| format!("2025-{:02}-{day:02}", 1 + n % 12)),
                            paper.then_some("Office file"),
                        ],
                    )
                    .expect("sign");
                }
                Step::Confirm { nth, person } => {
                    if let Some(id) = nth_signature(&conn, nth) {
                        conn.execute(
                            "UPDATE signatures SET self_declared = 0, person_id = coalesce(person_id, ?2) WHERE id = ?1",
                            rusqlite::params![id, staff[person]],
                        )
                        .expect("confirm");
                    }
                }
                Step::Move { nth, person } => {
                    if let Some(id) = nth_signature(&conn, nth) {
                        conn.execute("UPDATE signatures SET person_id = ?2 WHERE id = ?1", rusqlite::params![id, staff[person]])
                            .expect("move");
                    }
                }
                Step::Erase { nth } => {
                    if let Some(id) = nth_signature(&conn, nth) {
                        conn.execute("DELETE FROM signatures WHERE id = ?1", [id]).expect("erase");
                    }
                }
            }
            prop_assert_eq!(summary(&conn), from_every_signature(&conn));
        }
        // Coverage shows what the signatures say: each person's newest version and last date.
        let worked_out = from_every_signature(&conn);
        for (aup_id, _) in &aups {
            let c = coverage(&conn, aup_id).expect("coverage");
            let listed = c.signed_current.iter().chain(&c.needs_resign).chain(&c.never_signed);
            for entry in listed {
                let expected = worked_out.get(&(aup_id.clone(), entry.person_id.clone()));
                prop_assert_eq!(entry.signed_version, expected.map(|e| e.0));
                prop_assert_eq!(entry.last_signed_at.as_ref(), expected.map(|e| &e.1));
            }
            prop_assert_eq!(c.signed_current.len() + c.needs_resign.len() + c.never_signed.len(), staff.len());
        }
    }
}

#[test]
fn the_summary_is_filled_from_the_signatures_already_there_and_worked_out_again_on_restore() {
    let mut conn = test_db();
    let staff: Vec<String> = (0..3).map(|n| person(&mut conn, n)).collect();
    let aups = aups(&mut conn);
    for (n, who) in staff.iter().enumerate() {
        conn.execute(
            "INSERT INTO signatures (id, aup_version_id, content_hash, person_id, self_declared, method, source,
                 signed_at, recorded_at, mark_typed)
             VALUES (?1, ?2, 'hash', ?3, 0, 'onScreen', 'admin', ?4, ?4, 'Typed Name')",
            rusqlite::params![format!("sig-{n}"), aups[0].1[n], who, format!("2026-0{}-01T10:00:00Z", n + 1)],
        )
        .expect("sign");
    }
    let expected = from_every_signature(&conn);
    assert_eq!(expected.len(), 3);

    // A summary that disagrees with the signatures (as a forged backup's could) is worked out again.
    conn.execute("UPDATE summary_aup_signed SET best = 3 WHERE person_id = ?1", [&staff[0]]).expect("forge");
    conn.execute(
        "INSERT INTO summary_aup_signed (aup_id, person_id, best, last_at) VALUES (?1, ?2, 3, '2026-11-21')",
        rusqlite::params![aups[1].0, staff[1]],
    )
    .expect("plant");
    assert_ne!(summary(&conn), expected);
    crate::store::rebuild_derived(&conn).expect("rebuild");
    assert_eq!(summary(&conn), expected);

    // A vault made before migration 16: the migration fills the summary from the signatures.
    crate::records::drop_retention_summary(&conn);
    conn.execute_batch(
        "DROP TRIGGER summary_aup_signed_recorded; DROP TRIGGER summary_aup_signed_erased;
         DROP TRIGGER summary_aup_signed_changed; DROP TABLE summary_aup_signed;
         PRAGMA user_version = 15;",
    )
    .expect("back to schema 15");
    crate::store::migrations::apply(&mut conn).expect("migrate");
    assert_eq!(summary(&conn), expected);
}
