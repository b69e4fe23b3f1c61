use age::secrecy::SecretString;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use super::*;
use crate::app::state::LOCKED;
use crate::demo::DEMO_PASSPHRASE;
use crate::records::aup::{self, Audience};
use crate::records::people::{self, PeopleQuery};
use crate::records::signatures::MAX_SCAN_BYTES;
use crate::vault::UnlockedVault;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n-a-small-scan";

/// The demo vault, unlocked, with its staff AUP's published version and one member of staff.
fn unlocked_demo() -> (AppState, String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = AppState::start(dir.path().to_path_buf(), true).expect("demo");
    let paths = state.lock_inner().paths.clone();
    let vault = UnlockedVault::unlock(&paths, &SecretString::from(DEMO_PASSPHRASE.to_owned())).expect("unlock");
    state.begin_session(vault).expect("session");
    let (version_id, person_id) = state
        .with_vault(|v| {
            let conn = v.db().conn();
            let staff = aup::list(conn).expect("list").into_iter().find(|a| a.audience == Audience::StaffVolunteers);
            let version = staff.and_then(|a| a.current).expect("the demo publishes the staff AUP");
            let people = people::search(conn, &PeopleQuery::default()).expect("people");
            let marek = people.into_iter().find(|p| p.full_name == "Marek Nowicki").expect("Marek is in the demo");
            Ok((version.id, marek.id))
        })
        .expect("unlocked");
    (state, version_id, person_id)
}

fn form(version_id: &str, person_id: &str) -> PaperSignatureForm {
    PaperSignatureForm {
        person_id: person_id.to_owned(),
        version_id: version_id.to_owned(),
        signed_on: "2025-09-10".to_owned(),
        filed_at: "Blue HR folder, office cabinet 2".to_owned(),
        countersigned_by: None,
        scan_base64: Some(STANDARD.encode(PNG)),
    }
}

fn signatures_of(state: &AppState, person_id: &str) -> usize {
    state.with_vault(|v| Ok(signatures::for_person(v.db().conn(), person_id).expect("list").len())).expect("unlocked")
}

#[test]
fn paper_signature_with_a_scan_is_recorded_and_the_scan_saves_byte_for_byte() {
    let (state, version_id, person_id) = unlocked_demo();
    let saved = record_paper(&state, form(&version_id, &person_id)).expect("recorded");
    assert_eq!(saved.person_id.as_deref(), Some(person_id.as_str()));
    assert_eq!(saved.paper_filed_at.as_deref(), Some("Blue HR folder, office cabinet 2"));
    assert_eq!(saved.scan_media_type.as_deref(), Some("image/png"));
    assert!(!saved.self_declared, "an admin recorded it, so there is nobody to confirm");

    let scan = scan_file(&state, &saved.id).expect("scan");
    assert_eq!(scan.file_name, "Signed AUP scan 2025-09-10.png");
    assert_eq!(scan.kind, save::PNG);
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().join(&scan.file_name);
    let written = write_scan(&state, &scan, &saved.id, &target).expect("written");
    assert_eq!(written.path, target.display().to_string());
    assert_eq!(std::fs::read(&target).expect("read back"), PNG);
}

#[test]
fn paper_signature_refusals_say_what_to_fix_and_record_nothing() {
    let (state, version_id, person_id) = unlocked_demo();
    let refused = |f: PaperSignatureForm| record_paper(&state, f).expect_err("refused").code;

    let mut gif = form(&version_id, &person_id);
    gif.scan_base64 = Some(STANDARD.encode(b"GIF89a not a scan we take"));
    assert_eq!(refused(gif), "signature.scanWrongType");

    let mut big = form(&version_id, &person_id);
    let mut bytes = PNG.to_vec();
    bytes.resize(MAX_SCAN_BYTES + 1, 0);
    big.scan_base64 = Some(STANDARD.encode(&bytes));
    assert_eq!(refused(big.clone()), "signature.scanTooLarge");
    big.scan_base64 = Some("A".repeat(MAX_SCAN_BYTES.div_ceil(3) * 4 + 4));
    assert_eq!(refused(big), "signature.scanTooLarge", "refused before decoding");

    let mut garbled = form(&version_id, &person_id);
    garbled.scan_base64 = Some("not base64 at all!".to_owned());
    assert_eq!(refused(garbled), "signature.scanUnreadable");

    let mut future = form(&version_id, &person_id);
    future.signed_on = (crate::dates::today() + chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    assert_eq!(refused(future), "signature.badPaperDate");
    let mut not_a_date = form(&version_id, &person_id);
    not_a_date.signed_on = "2025-02-31".to_owned();
    assert_eq!(refused(not_a_date), "signature.badPaperDate");

    let mut unfiled = form(&version_id, &person_id);
    unfiled.filed_at = "   ".to_owned();
    let error = record_paper(&state, unfiled).expect_err("refused");
    assert_eq!(error.code, "signature.badFiledAt");
    assert!(error.message.contains("where the paper copy is filed"), "{}", error.message);

    assert_eq!(signatures_of(&state, &person_id), 0, "nothing refused was stored");
    let mut today = form(&version_id, &person_id);
    today.signed_on = crate::dates::today().format("%Y-%m-%d").to_string();
    today.scan_base64 = None;
    let saved = record_paper(&state, today).expect("today, without a scan, is fine");
    assert_eq!(saved.scan_media_type, None);
    assert_eq!(scan_file(&state, &saved.id).err().map(|e| e.code), Some(crate::error::ErrorCode::SignatureNoScan));
}

#[test]
fn paper_signature_and_scan_are_refused_once_locked() {
    let (state, version_id, person_id) = unlocked_demo();
    let saved = record_paper(&state, form(&version_id, &person_id)).expect("recorded");
    let scan = scan_file(&state, &saved.id).expect("scan");
    // The admin leaves the Save dialog open and Safekeeper auto-locks.
    assert!(state.lock("idle"));
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().join(&scan.file_name);
    assert_eq!(write_scan(&state, &scan, &saved.id, &target).expect_err("locked").code, LOCKED);
    assert!(!target.exists(), "nothing is written once locked");
    assert_eq!(record_paper(&state, form(&version_id, &person_id)).expect_err("locked").code, LOCKED);
    assert_eq!(scan_file(&state, &saved.id).err().map(|e| e.code), Some(LOCKED));
}
