//! The subject access export on a set of records: both files handed over to save, the audit entry
//! holding only the person's id and the redaction flag and written only once they are saved, and
//! an unknown person refused.

use std::path::{Path, PathBuf};

use super::*;
use crate::error::{CodedError, CommandError};
use crate::forms::pdf_check::{folded, pdf_text};
use crate::records::subject_access::tests::{plant, today, A_NAME, B_NAME};
use crate::records::test_db;

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

/// Saves both files into `folder`, as the desktop shell does; gives back where they went.
fn save_into(folder: &Path, files: &SubjectAccessFiles) -> Result<(PathBuf, PathBuf, u32), CommandError> {
    let (pdf, json) = (folder.join(&files.pdf_name), folder.join(&files.json_name));
    std::fs::write(&pdf, &files.pdf).expect("write the PDF");
    std::fs::write(&json, &files.json).expect("write the JSON");
    Ok((pdf, json, files.restricted_incidents))
}

fn exported_entries(conn: &Connection) -> Vec<(String, String)> {
    let mut stmt =
        conn.prepare("SELECT subject_id, detail FROM audit WHERE action = 'subjectAccess.exported'").expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("rows").collect::<Result<_, _>>().expect("read")
}

#[test]
fn both_files_are_written_and_the_export_is_audited_by_id_and_flag_only() {
    let mut conn = test_db();
    let p = plant(&mut conn);
    let dir = tempfile::tempdir().expect("temp dir");
    let options = SubjectAccessOptions { redact_others: true };
    let (pdf_path, json_path, restricted) =
        export(&conn, &dsl(), &p.a, options, false, today(), |files| save_into(dir.path(), files)).expect("export");
    assert!(pdf_path.ends_with("Subject access Alfie Archer 2026-11-22.pdf"), "{}", pdf_path.display());
    assert!(json_path.ends_with("Subject access Alfie Archer 2026-11-22.json"), "{}", json_path.display());
    assert_eq!(restricted, 0);
    let pdf = std::fs::read(&pdf_path).expect("the PDF is there");
    assert!(folded(&pdf_text(&pdf)).contains(A_NAME));
    let json = std::fs::read_to_string(&json_path).expect("the JSON is there");
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(parsed["details"]["person"]["id"], p.a.as_str());
    assert!(!json.contains(B_NAME));
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 2);

    assert_eq!(exported_entries(&conn), vec![(p.a.clone(), "redactOthers=1".to_owned())]);
}

#[test]
fn an_unknown_person_is_refused_in_plain_words_and_nothing_is_written() {
    let mut conn = test_db();
    plant(&mut conn);
    let dir = tempfile::tempdir().expect("temp dir");
    let e = export(&conn, &dsl(), "nobody", SubjectAccessOptions::default(), false, today(), |files| {
        save_into(dir.path(), files)
    })
    .expect_err("refused");
    assert_eq!(e.code, "subjectAccess.personNotFound");
    assert!(e.message.contains("not found"));
    assert_eq!(
        subject_access::check_person(&conn, "nobody").expect_err("refused").code(),
        "subjectAccess.personNotFound"
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    assert!(exported_entries(&conn).is_empty());
}

#[test]
fn an_export_that_could_not_be_saved_is_not_audited() {
    let mut conn = test_db();
    let p = plant(&mut conn);
    let refused = export(&conn, &dsl(), &p.a, SubjectAccessOptions::default(), false, today(), |_| {
        Err::<(), _>(CommandError::new(crate::error::ErrorCode::SaveFailed, "The disk is full."))
    });
    assert_eq!(refused.err().map(|e| e.code), Some(crate::error::ErrorCode::SaveFailed));
    assert!(exported_entries(&conn).is_empty());
}
