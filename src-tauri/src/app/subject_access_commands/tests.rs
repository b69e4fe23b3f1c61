//! Writing the subject access files where the admin chose. What the export holds and what the
//! audit trail records are tested with the export itself (see `forms::subject_access`).

use super::*;

#[test]
fn both_files_are_written_with_their_names_and_no_temp_files_are_left_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = SubjectAccessFiles {
        pdf_name: "Subject access Alfie Archer 2026-11-22.pdf".into(),
        pdf: b"%PDF-1.7 test".to_vec(),
        json_name: "Subject access Alfie Archer 2026-11-22.json".into(),
        json: b"{}".to_vec(),
        restricted_incidents: 2,
    };
    let saved = write_both(dir.path(), &files).expect("written");
    assert!(saved.pdf_path.ends_with("Subject access Alfie Archer 2026-11-22.pdf"), "{}", saved.pdf_path);
    assert!(saved.json_path.ends_with("Subject access Alfie Archer 2026-11-22.json"), "{}", saved.json_path);
    assert_eq!(saved.restricted_incidents, 2);
    assert_eq!(std::fs::read(&saved.pdf_path).expect("the PDF is there"), files.pdf);
    assert_eq!(std::fs::read(&saved.json_path).expect("the JSON is there"), files.json);
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 2, "no temp files are left behind");
}
