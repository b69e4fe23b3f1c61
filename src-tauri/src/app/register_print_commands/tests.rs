//! The calendar export's work on a real (demo) vault. The printed registers are tested with the
//! forms that make them (see `demo::print_tests`).

use age::secrecy::SecretString;
use chrono::NaiveDate;

use super::*;
use crate::demo::{self, DEMO_PASSPHRASE};
use crate::records::policies::{self, PolicyReview, ReviewTrigger};
use crate::records::training::{self, Completion};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a real date")
}

fn demo_vault() -> (tempfile::TempDir, UnlockedVault) {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = demo::create(dir.path()).expect("demo vault");
    let vault = UnlockedVault::unlock(&paths, &SecretString::from(DEMO_PASSPHRASE.to_owned())).expect("demo unlocks");
    (dir, vault)
}

/// Records the online-safety update for the first person in the matrix and one policy review.
fn with_records(v: &mut UnlockedVault) -> String {
    let person = training::matrix(v.db().conn(), today(), &MatrixFilter::default()).expect("matrix").rows[0].clone();
    let completion = Completion {
        course_id: "course-online-safety".into(),
        completed_on: NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"),
        provider: "In house".into(),
        notes: None,
        person_ids: vec![person.person_id.clone()],
    };
    let (conn, actor) = v.conn_and_actor();
    training::record(conn, actor, &completion, today()).expect("record");
    let review = PolicyReview {
        version: "1".into(),
        reviewed_on: NaiveDate::from_ymd_opt(2026, 2, 1).expect("date"),
        lead: "The DSL".into(),
        change: None,
        trigger: ReviewTrigger::NewPolicy,
        approved_by: None,
        approved_on: None,
        next_review: None,
    };
    policies::record_review(conn, actor, "policy-online-safety", &review, today()).expect("review");
    person.full_name
}

#[test]
fn the_calendar_has_each_dated_renewal_and_review_and_nothing_never_done() {
    let (_dir, mut v) = demo_vault();
    let name = with_records(&mut v);
    let text = due_calendar(&v, today()).expect("calendar");
    // The demo's photo consents end on days of their own; the rest are the two records made here.
    let consents = text.matches("SUMMARY:Photo consent ends: ").count();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 2 + consents, "{text}");
    assert!(text.contains(&format!("SUMMARY:Training due: Online-safety update ({name})")));
    assert!(text.contains("DTSTART;VALUE=DATE:20270302"));
    assert!(text.contains("SUMMARY:Policy review due: Online safety"));
    assert!(text.contains("DTSTART;VALUE=DATE:20270201"));
}
