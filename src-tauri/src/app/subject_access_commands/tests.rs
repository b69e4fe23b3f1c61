//! The subject access export's work on a set of records: both files written where asked, the
//! audit entry holding only the person's id and the redaction flag, and an unknown person refused.

use super::*;
use crate::forms::pdf_check::{folded, pdf_text};
use crate::records::subject_access::tests::{plant, today, A_NAME, B_NAME};
use crate::records::test_db;

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

#[test]
fn both_files_are_written_and_the_export_is_audited_by_id_and_flag_only() {
    let mut conn = test_db();
    let p = plant(&mut conn);
    let dir = tempfile::tempdir().expect("temp dir");
    let options = SubjectAccessOptions { redact_others: true };
    let saved = export_to_folder(&conn, &dsl(), &p.a, options, false, today(), dir.path()).expect("export");
    assert!(saved.pdf_path.ends_with("Subject access Alfie Archer 2026-11-22.pdf"), "{}", saved.pdf_path);
    assert!(saved.json_path.ends_with("Subject access Alfie Archer 2026-11-22.json"), "{}", saved.json_path);
    assert_eq!(saved.restricted_incidents, 0);
    let pdf = std::fs::read(&saved.pdf_path).expect("the PDF is there");
    assert!(folded(&pdf_text(&pdf)).contains(A_NAME));
    let json = std::fs::read_to_string(&saved.json_path).expect("the JSON is there");
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(parsed["details"]["person"]["id"], p.a.as_str());
    assert!(!json.contains(B_NAME));
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 2, "no temp files are left behind");

    let (subject, detail): (String, String) = conn
        .query_row("SELECT subject_id, detail FROM audit WHERE action = 'subjectAccess.exported'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("one export entry");
    assert_eq!((subject.as_str(), detail.as_str()), (p.a.as_str(), "redactOthers=1"));
}

#[test]
fn an_unknown_person_is_refused_in_plain_words_and_nothing_is_written() {
    let mut conn = test_db();
    plant(&mut conn);
    let dir = tempfile::tempdir().expect("temp dir");
    let e = export_to_folder(&conn, &dsl(), "nobody", SubjectAccessOptions::default(), false, today(), dir.path())
        .expect_err("refused");
    assert_eq!(e.code, "subjectAccess.personNotFound");
    assert!(e.message.contains("not found"));
    assert_eq!(person_exists(&conn, "nobody").expect_err("refused").code, "subjectAccess.personNotFound");
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}
