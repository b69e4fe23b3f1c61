use std::fs;

use super::super::chain::ChainHead;
use super::super::tests::{admin, outbox_files, publish, signature, station, Station};
use super::super::{submit, KioskMark, OutboxError, Submission, CHAIN_HEAD_FILE, PROBLEMS_DIR};
use super::*;
use crate::records::signatures;

fn run(s: &mut Station) -> IngestReport {
    read_outbox(&s.paths, &s.admin).expect("read").ingest(&mut s.conn, &admin()).expect("ingest")
}

fn kinds(report: &IngestReport) -> Vec<ProblemKind> {
    report.problems.iter().map(|p| p.kind).collect()
}

fn kept(s: &Station) -> usize {
    fs::read_dir(s.paths.outbox_dir().join(PROBLEMS_DIR)).map(|d| d.count()).unwrap_or(0)
}

fn signature_count(s: &Station) -> i64 {
    s.conn.query_row("SELECT count(*) FROM signatures", [], |r| r.get(0)).expect("count")
}

fn submit_names(s: &Station, names: &[&str]) -> Vec<String> {
    names.iter().map(|n| submit(&s.paths, &signature(&s.version, n)).expect("submit").number).collect()
}

#[test]
fn recorded_submissions_are_self_declared_and_their_files_go() {
    let mut s = station();
    let mut sub = signature(&s.version, "Aisha Khan");
    let Submission::AupSignature(a) = &mut sub else { unreachable!("the fixture is an AUP signature") };
    a.mark = KioskMark::Typed { name: "Aisha Khan".into() };
    a.person_hint = Some("no-longer-listed".into());
    let receipt = submit(&s.paths, &sub).expect("submit").number;

    let report = run(&mut s);
    assert_eq!(report, IngestReport { ingested: 1, already_recorded: 0, problems: vec![] });
    let pending = signatures::unconfirmed(&s.conn).expect("unconfirmed");
    assert_eq!(pending.len(), 1);
    let sig = &pending[0];
    assert!(sig.self_declared);
    assert_eq!(sig.source, signatures::SignatureSource::SigningStation);
    assert_eq!(sig.version_id, s.version.id);
    assert_eq!(sig.receipt.as_deref(), Some(receipt.as_str()));
    assert_eq!(sig.declared_name.as_deref(), Some("Aisha Khan"));
    assert_eq!(sig.person_id, None, "a hint naming nobody in the register is dropped");
    assert!(outbox_files(&s.paths).is_empty());
    assert_eq!(ChainHead::read_file(&s.paths.outbox_dir()).map(|h| h.seq), Some(1));
    assert_eq!(ChainHead::read_db(&s.conn).expect("db head").map(|h| h.seq), Some(1));

    assert_eq!(run(&mut s), IngestReport::default(), "nothing left to ingest");
    assert_eq!(signature_count(&s), 1);
}

#[test]
fn same_keys_but_another_vault_id_is_kept_as_other_vault() {
    let mut s = station();
    submit_names(&s, &["Aisha Khan"]);
    publish(&s.paths, "vault-2", &[&s.admin]);
    submit_names(&s, &["Ben Jones"]);
    let report = run(&mut s);
    assert_eq!(report.ingested, 1);
    assert_eq!(kinds(&report), vec![ProblemKind::OtherVault]);
    assert!(report.problems[0].file_name.starts_with("00000002-"));
    assert_eq!(kept(&s), 1);
    assert_eq!(signature_count(&s), 1);
}

#[test]
fn a_renamed_file_is_out_of_order_and_kept() {
    let mut s = station();
    submit_names(&s, &["Aisha Khan", "Ben Jones"]);
    let second = outbox_files(&s.paths).pop().expect("second");
    let renamed = second.with_file_name(format!("00000009-{}.age", uuid::Uuid::new_v4()));
    fs::rename(&second, &renamed).expect("rename");
    let report = run(&mut s);
    assert_eq!(report.ingested, 1);
    assert_eq!(kinds(&report), vec![ProblemKind::OutOfOrder]);
    assert_eq!(kept(&s), 1);
}

#[test]
fn a_file_behind_the_head_with_a_new_receipt_is_out_of_order() {
    let mut s = station();
    submit_names(&s, &["Aisha Khan", "Ben Jones"]);
    assert_eq!(run(&mut s).ingested, 2);
    // Without the plain head the writer starts again at 1; the database's head catches it.
    fs::remove_file(s.paths.outbox_dir().join(CHAIN_HEAD_FILE)).expect("remove head");
    submit_names(&s, &["Cara Lee"]);
    assert!(outbox_files(&s.paths)[0].file_name().expect("name").to_string_lossy().starts_with("00000001-"));
    let report = run(&mut s);
    assert_eq!(report.ingested, 0);
    assert_eq!(kinds(&report), vec![ProblemKind::OutOfOrder]);
    assert_eq!(kept(&s), 1);
    assert_eq!(signature_count(&s), 2);
}

#[test]
fn a_version_the_records_do_not_hold_is_rejected_and_kept() {
    let mut s = station();
    let mut sub = signature(&s.version, "Aisha Khan");
    let Submission::AupSignature(a) = &mut sub else { unreachable!("the fixture is an AUP signature") };
    a.version_hash = "0".repeat(64);
    submit(&s.paths, &sub).expect("submit");
    submit_names(&s, &["Ben Jones"]);
    let report = run(&mut s);
    assert_eq!(report.ingested, 1);
    assert_eq!(kinds(&report), vec![ProblemKind::Rejected]);
    assert!(report.problems[0].message.contains("AUP version"), "{}", report.problems[0].message);
    assert_eq!(kept(&s), 1);
}

#[test]
fn files_left_by_an_ingest_that_stopped_after_its_commit_are_not_recorded_twice() {
    let mut s = station();
    submit_names(&s, &["Aisha Khan", "Ben Jones"]);
    let saved: Vec<_> = outbox_files(&s.paths).into_iter().map(|p| (fs::read(&p).expect("read"), p)).collect();
    assert_eq!(run(&mut s).ingested, 2);
    // The crash: the commit landed, but neither the head file nor the deletions did.
    for (bytes, path) in &saved {
        fs::write(path, bytes).expect("restore");
    }
    fs::remove_file(s.paths.outbox_dir().join(CHAIN_HEAD_FILE)).expect("remove head");
    submit_names(&s, &["Cara Lee"]);

    let report = run(&mut s);
    assert_eq!(report, IngestReport { ingested: 1, already_recorded: 2, problems: vec![] });
    assert_eq!(signature_count(&s), 3);
    assert!(outbox_files(&s.paths).is_empty());
}

#[test]
fn an_ingest_that_fails_before_its_commit_leaves_every_file_in_place() {
    let mut s = station();
    submit_names(&s, &["Aisha Khan", "Ben Jones"]);
    let before = outbox_files(&s.paths);
    s.conn.execute_batch("PRAGMA query_only = ON;").expect("read only");
    let result = read_outbox(&s.paths, &s.admin).expect("read").ingest(&mut s.conn, &admin());
    assert!(matches!(result, Err(OutboxError::Store(_))), "{result:?}");
    s.conn.execute_batch("PRAGMA query_only = OFF;").expect("writable");
    assert_eq!(outbox_files(&s.paths), before);
    assert!(!s.paths.outbox_dir().join(CHAIN_HEAD_FILE).exists());
    assert_eq!(signature_count(&s), 0);
    assert_eq!(run(&mut s).ingested, 2, "the next unlock records them");
}

#[test]
fn the_audit_entry_holds_counts_only() {
    let mut s = station();
    submit_names(&s, &["Zephyrine Quillfeather"]);
    fs::write(s.paths.outbox_dir().join(format!("00000002-{}.age", uuid::Uuid::new_v4())), b"not age").expect("junk");
    let report = run(&mut s);
    assert_eq!((report.ingested, kinds(&report)), (1, vec![ProblemKind::Corrupt]));
    let detail: String = s
        .conn
        .query_row("SELECT detail FROM audit WHERE action = 'outbox.ingested'", [], |r| r.get(0))
        .expect("audit row");
    assert_eq!(detail, "files=2;ingested=1;alreadyRecorded=0;problems=1;head=1");
    let trail: String =
        s.conn.query_row("SELECT group_concat(detail, '|') FROM audit", [], |r| r.get(0)).expect("trail");
    assert!(!trail.contains("Quillfeather"), "{trail}");
}

fn consent_submission(person_hint: Option<String>, withdraw_all: bool) -> Submission {
    use crate::records::consent::{Giver, UseAnswer};
    Submission::ImageConsent(super::super::KioskImageConsent {
        about_name: "Ruby Fenwick".into(),
        person_hint,
        giver: Giver::ParentCarer,
        giver_name: "Laura Fenwick".into(),
        relationship: Some("Mother".into()),
        parental_responsibility: true,
        answers: vec![
            UseAnswer { use_key: "website".into(), allowed: !withdraw_all },
            UseAnswer { use_key: "social:insta".into(), allowed: false },
        ],
        name_with_image: false,
        form_version: crate::records::consent::wording::FORM_VERSION.into(),
        withdraw_all,
        signed_at: "2026-06-30T23:30:00Z".into(),
        mark: KioskMark::Typed { name: "Laura Fenwick".into() },
    })
}

#[test]
fn a_consent_arrives_self_declared_for_the_hinted_person_and_a_copy_is_a_duplicate() {
    fn station_copy<'a>(
        receipt: &'a str,
        answers: &'a [crate::records::consent::UseAnswer],
    ) -> crate::records::consent::StationConsent<'a> {
        crate::records::consent::StationConsent {
            about_name: "Ruby Fenwick",
            person_hint: None,
            giver: crate::records::consent::Giver::ParentCarer,
            giver_name: "Laura Fenwick",
            relationship: Some("Mother"),
            parental_responsibility: true,
            given_on: chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("date"),
            form_version: crate::records::consent::wording::FORM_VERSION,
            answers,
            name_with_image: false,
            receipt,
            mark_png: None,
            mark_typed: None,
            withdraw_all: false,
        }
    }
    use crate::records::consent;
    use crate::records::people::{self, PersonDraft, PersonGroup};
    let mut s = station();
    let draft = PersonDraft {
        group: PersonGroup::YoungPerson,
        full_name: "Ruby Fenwick".into(),
        preferred_name: None,
        date_of_birth: chrono::NaiveDate::from_ymd_opt(2014, 7, 29),
        start_date: None,
        leave_date: None,
        email: None,
        phone: None,
    };
    let ruby = people::add(&mut s.conn, &admin(), &draft).expect("person").id;
    let receipt = submit(&s.paths, &consent_submission(Some(ruby.clone()), false)).expect("submit").number;
    let report = run(&mut s);
    assert_eq!(report, IngestReport { ingested: 1, already_recorded: 0, problems: vec![] });
    let waiting = consent::unconfirmed(&s.conn).expect("unconfirmed");
    assert_eq!(waiting.len(), 1);
    let c = &waiting[0];
    assert!(c.self_declared);
    assert_eq!(c.person_id.as_deref(), Some(ruby.as_str()));
    assert_eq!(c.receipt.as_deref(), Some(receipt.as_str()));
    assert_eq!(c.giver_name, "Laura Fenwick");
    assert_eq!(c.answer("website"), Some(true));
    assert_eq!(c.answer("social:insta"), Some(false));
    assert_eq!(
        c.given_on,
        chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("date"),
        "the UK day it was signed (BST)"
    );
    assert_eq!(c.typed_mark.as_deref(), Some("Laura Fenwick"));

    assert!(outbox_files(&s.paths).is_empty());
    assert!(
        matches!(
            consent::insert_from_station(&s.conn, &station_copy(c.receipt.as_deref().unwrap_or_default(), &c.answers)),
            Err(consent::ConsentError::DuplicateReceipt)
        ),
        "a second copy of the receipt is refused"
    );

    // A withdrawal at the station arrives as a record with every answer no.
    let again = consent_submission(Some(ruby), true);
    submit(&s.paths, &again).expect("withdrawal");
    let report = run(&mut s);
    assert_eq!(report.ingested, 1);
    let all = consent::unconfirmed(&s.conn).expect("unconfirmed");
    assert_eq!(all.len(), 2);
    assert!(all.iter().any(|c| c.answers.iter().all(|a| !a.allowed)), "a withdrawal arrives with every answer no");
}

#[test]
fn a_consent_the_station_can_catch_is_refused_there() {
    let mut bad = consent_submission(None, true);
    let Submission::ImageConsent(c) = &mut bad else { unreachable!("a consent") };
    c.answers[0].allowed = true;
    assert!(matches!(bad.check(), Err(OutboxError::BadConsent(m)) if m.contains("cannot say yes")));
    let mut bad = consent_submission(None, false);
    let Submission::ImageConsent(c) = &mut bad else { unreachable!("a consent") };
    c.relationship = None;
    assert!(matches!(bad.check(), Err(OutboxError::BadConsent(m)) if m.contains("related")));
    let mut bad = consent_submission(None, false);
    let Submission::ImageConsent(c) = &mut bad else { unreachable!("a consent") };
    c.answers.push(crate::records::consent::UseAnswer { use_key: "billboard".into(), allowed: true });
    assert!(matches!(bad.check(), Err(OutboxError::BadConsent(_))));
    let mut bad = consent_submission(None, false);
    let Submission::ImageConsent(c) = &mut bad else { unreachable!("a consent") };
    c.about_name = "Ruby".into();
    assert!(matches!(bad.check(), Err(OutboxError::BadConsent(m)) if m.contains("full name")));
    assert!(consent_submission(None, false).check().is_ok());
}
