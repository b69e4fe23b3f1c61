//! The training summary (`summary_training_latest`, migration 14) is kept by triggers as training
//! is recorded, removed and changed. These tests prove it always equals the latest completion of
//! each course by each person worked out from every record, whatever the history, and that the
//! matrix reads the same dates from it as it would from the records.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::test_db;
use crate::records::test_support;
use crate::store::audit::Actor;

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a real date")
}

const COURSES: [&str; 3] = ["course-online-safety", "course-safeguarding", "course-induction"];

type Latest = BTreeMap<(String, String), String>;

/// What the summary holds.
fn summary(conn: &rusqlite::Connection) -> Latest {
    let mut stmt =
        conn.prepare("SELECT person_id, course_id, completed_on FROM summary_training_latest").expect("read");
    stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// The same, worked out from every training record.
fn from_every_record(conn: &rusqlite::Connection) -> Latest {
    let mut stmt = conn
        .prepare("SELECT person_id, course_id, max(completed_on) FROM training_records GROUP BY person_id, course_id")
        .expect("read");
    stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

fn person(conn: &mut rusqlite::Connection, n: usize) -> String {
    let draft = PersonDraft {
        date_of_birth: None,
        ..test_support::draft(PersonGroup::Staff, ["Ada Lowe", "Ben Ruiz", "Cal Ito", "Dee Shah"][n % 4])
    };
    people::add(conn, &dsl(), &draft).expect("person").id
}

/// One step of a history: record a course for some people on a day, remove the n-th record there
/// is (if any), or move the n-th record to another day, person or course (which the app never
/// does, but the summary must follow it all the same).
#[derive(Debug, Clone)]
enum Step {
    Record { course: usize, people: Vec<usize>, days_ago: u64 },
    Remove { nth: usize },
    Change { nth: usize, person: usize, course: usize, days_ago: u64 },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..COURSES.len(), proptest::collection::vec(0..4usize, 1..3), 0..1_500u64)
            .prop_map(|(course, people, days_ago)| Step::Record { course, people, days_ago }),
        2 => (0..64usize).prop_map(|nth| Step::Remove { nth }),
        1 => (0..64usize, 0..4usize, 0..COURSES.len(), 0..1_500u64)
            .prop_map(|(nth, person, course, days_ago)| Step::Change { nth, person, course, days_ago }),
    ]
}

fn nth_record(conn: &rusqlite::Connection, nth: usize) -> Option<String> {
    conn.query_row("SELECT id FROM training_records ORDER BY id LIMIT 1 OFFSET ?1", [nth as i64], |r| r.get(0)).ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_summary_always_equals_the_latest_completion_worked_out_from_every_record(
        steps in proptest::collection::vec(step(), 1..40)
    ) {
        let mut conn = test_db();
        let staff: Vec<String> = (0..4).map(|n| person(&mut conn, n)).collect();
        for step in steps {
            match step {
                Step::Record { course, people, days_ago } => {
                    let completion = Completion {
                        course_id: COURSES[course].into(),
                        completed_on: today() - chrono::Days::new(days_ago),
                        provider: "Local safeguarding partnership".into(),
                        notes: None,
                        person_ids: people.iter().map(|p| staff[*p].clone()).collect(),
                    };
                    record(&mut conn, &dsl(), &completion, today()).expect("record");
                }
                Step::Remove { nth } => {
                    if let Some(id) = nth_record(&conn, nth) {
                        remove_record(&mut conn, &dsl(), &id).expect("remove");
                    }
                }
                Step::Change { nth, person, course, days_ago } => {
                    if let Some(id) = nth_record(&conn, nth) {
                        let on = (today() - chrono::Days::new(days_ago)).format("%Y-%m-%d").to_string();
                        conn.execute(
                            "UPDATE training_records SET person_id = ?2, course_id = ?3, completed_on = ?4 WHERE id = ?1",
                            rusqlite::params![id, staff[person], COURSES[course], on],
                        )
                        .expect("change");
                    }
                }
            }
            prop_assert_eq!(summary(&conn), from_every_record(&conn));
        }
        // The matrix shows the same dates as the records do.
        let courses = store::courses(&conn, false).expect("courses");
        let shown: Latest = matrix::latest(&conn, &courses)
            .expect("latest")
            .into_iter()
            .flat_map(|(person, dates)| {
                let courses = &courses;
                dates.into_iter().enumerate().filter_map(move |(at, on)| {
                    Some(((person.clone(), courses[at].id.clone()), on?.format("%Y-%m-%d").to_string()))
                })
            })
            .collect();
        prop_assert_eq!(shown, from_every_record(&conn));
    }
}

/// Training recorded before migration 14 is in the summary once the migration has run, and a
/// restore works the summary out again from the records rather than taking a file's word for it.
#[test]
fn the_summary_is_filled_from_the_records_already_there_and_worked_out_again_on_restore() {
    let mut conn = test_db();
    let a = person(&mut conn, 0);
    let b = person(&mut conn, 1);
    for (who, days) in [(&a, 400), (&a, 20), (&b, 900)] {
        let completion = Completion {
            course_id: COURSES[0].into(),
            completed_on: today() - chrono::Days::new(days),
            provider: "Local safeguarding partnership".into(),
            notes: None,
            person_ids: vec![who.clone()],
        };
        record(&mut conn, &dsl(), &completion, today()).expect("record");
    }
    let expected = from_every_record(&conn);
    assert_eq!(expected.len(), 2);

    // A summary that disagrees with the records (as a forged backup's could) is worked out again.
    conn.execute("UPDATE summary_training_latest SET completed_on = '2026-11-21' WHERE person_id = ?1", [&b])
        .expect("forge");
    conn.execute(
        "INSERT INTO summary_training_latest (person_id, course_id, completed_on) VALUES (?1, ?2, '2026-11-21')",
        rusqlite::params![b, COURSES[1]],
    )
    .expect("plant");
    assert_ne!(summary(&conn), expected);
    crate::store::rebuild_derived(&conn).expect("rebuild");
    assert_eq!(summary(&conn), expected);

    // A vault made before migration 14: the migration fills the summary from the records.
    crate::records::drop_retention_summary(&conn);
    conn.execute_batch(
        "DROP TRIGGER summary_training_recorded; DROP TRIGGER summary_training_erased;
         DROP TRIGGER summary_training_changed; DROP TABLE summary_training_latest;
         DROP INDEX incidents_by_date_reference; DROP INDEX incidents_by_source; DROP INDEX incidents_by_kind;
         DROP TRIGGER summary_aup_signed_recorded; DROP TRIGGER summary_aup_signed_erased;
         DROP TRIGGER summary_aup_signed_changed; DROP TABLE summary_aup_signed;
         PRAGMA user_version = 13;",
    )
    .expect("back to schema 13");
    crate::store::migrations::apply(&mut conn).expect("migrate");
    assert_eq!(summary(&conn), expected);
}

/// One person of a random organisation: their group, name, whether they have left or been
/// archived, their roles, and the courses they have done and how long ago.
#[derive(Debug, Clone)]
struct Someone {
    group: usize,
    name: usize,
    gone: u8,
    roles: Vec<usize>,
    done: Vec<(usize, u64)>,
}

fn someone() -> impl Strategy<Value = Someone> {
    (
        0..4usize,
        0..12usize,
        0..6u8,
        proptest::collection::vec(0..Role::ALL.len(), 0..2),
        proptest::collection::vec((0..6usize, 0..1_500u64), 0..5),
    )
        .prop_map(|(group, name, gone, roles, done)| Someone { group, name, gone, roles, done })
}

const NAMES: [&str; 12] = [
    "Ada Lowe",
    "ada lowe",
    "Ben O'Neill",
    "Ben Oneill",
    "Cal Ito",
    "Dee Shah",
    "Élodie Marsh",
    "Eve Marsh",
    "Zoe Adams",
    "zoe adams",
    "Mo Khan",
    "Al Khan",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// A page of the matrix (read a person at a time from the name index and the summary) is
    /// exactly the start of the whole matrix worked out at once, for any filter.
    #[test]
    fn a_page_of_the_matrix_is_the_start_of_the_whole_matrix(
        org in proptest::collection::vec(someone(), 0..24),
        group in proptest::option::of(0..4usize),
        wanted in proptest::option::of(0..6usize),
        course in proptest::option::of(0..6usize),
        limit in 0..12u32,
    ) {
        let groups = [PersonGroup::Staff, PersonGroup::Volunteer, PersonGroup::YoungPerson, PersonGroup::Trustee];
        let states = [
            crate::reminders::DueStatus::NeverDone,
            crate::reminders::DueStatus::Overdue,
            crate::reminders::DueStatus::DueIn30,
            crate::reminders::DueStatus::DueIn60,
            crate::reminders::DueStatus::DueIn90,
            crate::reminders::DueStatus::InDate,
        ];
        let mut conn = test_db();
        let courses = store::courses(&conn, false).expect("courses");
        for one in &org {
            let group = groups[one.group];
            let draft = PersonDraft { date_of_birth: (group == PersonGroup::YoungPerson).then(|| NaiveDate::from_ymd_opt(2011, 4, 9).expect("date")), leave_date: (one.gone == 1).then(|| today() - chrono::Days::new(10)), ..test_support::draft(group, NAMES[one.name]) };
            let id = people::add(&mut conn, &dsl(), &draft).expect("person").id;
            let roles: Vec<Role> = one.roles.iter().map(|r| Role::ALL[*r]).collect();
            if !roles.is_empty() {
                set_roles(&mut conn, &dsl(), &id, &roles).expect("roles");
            }
            for (at, days_ago) in &one.done {
                let completion = Completion {
                    course_id: courses[*at].id.clone(),
                    completed_on: today() - chrono::Days::new(*days_ago),
                    provider: "Local safeguarding partnership".into(),
                    notes: None,
                    person_ids: vec![id.clone()],
                };
                record(&mut conn, &dsl(), &completion, today()).expect("record");
            }
            if one.gone == 2 {
                people::archive(&mut conn, &dsl(), &id, None).expect("archive");
            }
        }
        let filter = MatrixFilter {
            group: group.map(|g| groups[g]),
            status: wanted.map(|s| states[s]),
            course_id: course.map(|c| courses[c].id.clone()),
            limit: None,
        };
        let whole = matrix(&conn, today(), &filter).expect("whole");
        let page = matrix(&conn, today(), &MatrixFilter { limit: Some(limit), ..filter.clone() }).expect("page");
        prop_assert_eq!(&page.courses, &whole.courses);
        let start: Vec<MatrixRow> = whole.rows.iter().take(limit as usize).cloned().collect();
        prop_assert_eq!(page.rows, start);
    }
}
