use std::fs;

use super::super::tests::{admin, concern, outbox_files, signature, station, Station};
use super::super::writer::submit_unchecked;
use super::super::{read_outbox, submit, KioskConcern, Submission, PROBLEMS_DIR};
use super::*;
use crate::records::test_db;

fn ingest(s: &mut Station) -> super::super::IngestReport {
    read_outbox(&s.paths, &s.admin).expect("read").ingest(&mut s.conn, &admin()).expect("ingest")
}

fn kept(s: &Station) -> Vec<KeptSubmission> {
    list(&s.paths, &s.admin, &s.conn).expect("list")
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).expect("count")
}

fn audit_actions(conn: &Connection) -> Vec<String> {
    let mut stmt = conn.prepare("SELECT action FROM audit ORDER BY id").expect("prepare");
    stmt.query_map([], |r| r.get(0)).expect("query").map(|a| a.expect("row")).collect()
}

/// A concern whose "where" is longer than an incident's place may be, sealed as something other
/// than the station could have written it: the ingest must refuse it and keep it.
fn overlong_place() -> Submission {
    Submission::Concern(KioskConcern { place: "p".repeat(500), ..concern() })
}

#[test]
fn a_kept_concern_is_listed_with_its_receipt_time_and_reason_and_is_urgent() {
    let mut s = station();
    let receipt = submit_unchecked(&s.paths, &overlong_place()).expect("sealed").number;
    let report = ingest(&mut s);
    assert_eq!(report.ingested, 0);
    assert_eq!(count(&s.conn, "SELECT count(*) FROM incidents"), 0, "nothing half-recorded");

    let listed = kept(&s);
    assert_eq!(listed.len(), 1);
    let k = &listed[0];
    assert_eq!(k.submission, Some(SubmissionKind::Concern));
    assert_eq!(k.receipt.as_deref(), Some(receipt.as_str()));
    assert!(k.handed_in_at.is_some());
    assert_eq!(k.problem, Some(ProblemKind::Rejected));
    assert!(k.reason.contains("where it happened"), "{}", k.reason);
    assert!(!k.reason.contains("ppppp"), "the reason holds no record text");
    assert!(k.urgent && !k.set_aside);
    assert_eq!(k.file_name, report.problems[0].file_name, "the row names the file as it sits in problems/");
    assert!(s.paths.outbox_dir().join(PROBLEMS_DIR).join(&k.file_name).is_file());
}

#[test]
fn try_again_records_a_kept_file_once_the_records_can_take_it_and_only_then_removes_it() {
    let mut s = station();
    submit(&s.paths, &signature(&s.version, "Aisha Khan")).expect("signed");
    // The first unlock's database does not hold the AUP version (as after a restore of an older
    // backup): the signature is refused and kept.
    let mut without_aup = test_db();
    without_aup.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('vault_id', 'vault-1')", []).expect("id");
    let report = read_outbox(&s.paths, &s.admin).expect("read").ingest(&mut without_aup, &admin()).expect("ingest");
    assert_eq!(report.ingested, 0);
    let name = report.problems[0].file_name.clone();
    let still = retry(&s.paths, &s.admin, &mut without_aup, &admin(), &name).expect("retry");
    assert!(!still.recorded && still.reason.contains("not in the records"), "{}", still.reason);
    assert!(s.paths.outbox_dir().join(PROBLEMS_DIR).join(&name).is_file(), "still kept");

    // Now the records hold that version.
    let done = retry(&s.paths, &s.admin, &mut s.conn, &admin(), &name).expect("retry");
    assert_eq!(done, RetryOutcome { recorded: true, reason: String::new() });
    assert_eq!(count(&s.conn, "SELECT count(*) FROM signatures"), 1);
    assert!(!s.paths.outbox_dir().join(PROBLEMS_DIR).join(&name).exists(), "recorded, so the file goes");
    assert!(audit_actions(&s.conn).contains(&"outbox.problemRecorded".to_owned()));
    assert!(kept(&s).is_empty());
}

#[test]
fn try_again_on_a_copy_of_a_recorded_submission_keeps_it_and_says_why() {
    let mut s = station();
    submit(&s.paths, &signature(&s.version, "Aisha Khan")).expect("signed");
    let original = outbox_files(&s.paths).pop().expect("file");
    let copy = fs::read(&original).expect("read");
    assert_eq!(ingest(&mut s).ingested, 1);
    // Put back by hand under a later number: out of order, so kept.
    let name = original.file_name().and_then(|n| n.to_str()).expect("name");
    fs::write(original.with_file_name(format!("00000002-{}", &name[9..])), &copy).expect("put back");
    let report = ingest(&mut s);
    assert_eq!(report.problems.len(), 1);
    let name = &report.problems[0].file_name;
    let again = retry(&s.paths, &s.admin, &mut s.conn, &admin(), name).expect("retry");
    assert!(!again.recorded && again.reason.contains("second copy"), "{}", again.reason);
    assert_eq!(count(&s.conn, "SELECT count(*) FROM signatures"), 1, "never recorded twice");
    assert_eq!(kept(&s)[0].problem, Some(ProblemKind::Duplicate));
    assert!(!kept(&s)[0].urgent, "a copy of what is recorded is not urgent");
}

#[test]
fn keep_aside_is_audited_keeps_the_file_and_stops_it_being_urgent() {
    let mut s = station();
    submit_unchecked(&s.paths, &overlong_place()).expect("sealed");
    ingest(&mut s);
    let name = kept(&s)[0].file_name.clone();
    set_aside(&s.paths, &mut s.conn, &admin(), &name).expect("set aside");
    let listed = kept(&s);
    assert!(listed[0].set_aside && !listed[0].urgent);
    assert!(listed[0].reason.contains("where it happened"), "the reason is kept: {}", listed[0].reason);
    assert!(s.paths.outbox_dir().join(PROBLEMS_DIR).join(&name).is_file(), "nothing is deleted");
    assert!(audit_actions(&s.conn).contains(&"outbox.problemSetAside".to_owned()));
}

#[test]
fn a_file_kept_by_an_older_version_is_listed_and_an_unreadable_one_counts_as_urgent() {
    let s = station();
    let problems = s.paths.outbox_dir().join(PROBLEMS_DIR);
    fs::create_dir_all(&problems).expect("dir");
    fs::write(problems.join("00000003-0b5c6a1e-0000-4000-8000-000000000000.age"), b"not an age file").expect("plant");
    fs::write(problems.join("notes.txt"), b"an admin's own notes").expect("plant");
    let listed = kept(&s);
    assert_eq!(listed.len(), 1, "only files the ingest could have kept");
    assert_eq!(listed[0].problem, None);
    assert!(listed[0].reason.contains("earlier version"));
    assert_eq!(listed[0].submission, None);
    assert!(listed[0].urgent, "it cannot be read, so it may be a concern");
}

#[test]
fn only_a_kept_file_can_be_named_by_the_page() {
    let mut s = station();
    submit_unchecked(&s.paths, &overlong_place()).expect("sealed");
    ingest(&mut s);
    for name in ["../chain-head.json", "../../vault/dek.age", "00000009-missing.age", ""] {
        assert!(matches!(retry(&s.paths, &s.admin, &mut s.conn, &admin(), name), Err(OutboxError::NoSuchProblem)));
        assert!(matches!(set_aside(&s.paths, &mut s.conn, &admin(), name), Err(OutboxError::NoSuchProblem)));
    }
    assert!(s.paths.outbox_dir().join("chain-head.json").is_file());
}

#[test]
fn a_submission_that_fails_part_way_leaves_nothing_behind() {
    let mut s = station();
    submit(&s.paths, &Submission::Concern(concern())).expect("reported");
    // The incident goes in, then its first action fails: the savepoint must take the incident out
    // again, and the whole ingest stops with every file left in place.
    s.conn
        .execute_batch(
            "CREATE TEMP TRIGGER refuse_actions BEFORE INSERT ON incident_entries WHEN NEW.kind = 'action'
             BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;",
        )
        .expect("trigger");
    let pending = read_outbox(&s.paths, &s.admin).expect("read");
    let tx = s.conn.transaction().expect("tx");
    let env =
        super::super::envelope::open(&fs::read(&outbox_files(&s.paths)[0]).expect("read"), &s.admin).expect("open");
    assert!(record::record(&tx, &env).is_err());
    assert_eq!(count(&tx, "SELECT count(*) FROM incidents"), 0, "rolled back to before the submission");
    drop(tx);
    drop(pending);
    assert_eq!(outbox_files(&s.paths).len(), 1);
}
