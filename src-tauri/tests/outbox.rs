//! The signing station's outbox on a real vault: submissions written while locked cannot be read
//! without an admin or the recovery key, become self-declared signatures at the next unlock, and
//! a missing, copied, changed or foreign file is reported while every valid one is still recorded.

mod common;

use std::fs;
use std::io::Read;
use std::iter;
use std::path::PathBuf;

use age::x25519;
use common::*;
use safekeeper::kiosk::outbox::{
    self, IngestReport, KioskAupSignature, KioskMark, ProblemKind, Submission, CHAIN_HEAD_FILE, PROBLEMS_DIR,
};
use safekeeper::records::aup::{self, Audience, AupVersion};
use safekeeper::records::signatures::{self, SignatureSource};
use safekeeper::store::audit;
use safekeeper::vault::{UnlockedVault, VaultPaths};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\nstroke-data-Xq7";

/// A locked vault whose staff AUP is published; returns the published version.
fn vault_with_staff_aup() -> (TestVault, AupVersion) {
    let v = new_vault();
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let actor = vault.actor().clone();
    let conn = vault.db_mut().conn_mut();
    let staff = match aup::list(conn).expect("list").into_iter().find(|a| a.audience == Audience::StaffVolunteers) {
        Some(a) => a.id,
        None => {
            aup::create(conn, &actor, Audience::StaffVolunteers, &aup::template(Audience::StaffVolunteers, "R", "S Ok"))
                .expect("create")
                .id
        }
    };
    let version = aup::publish(conn, &actor, &staff).expect("publish");
    vault.lock("test").expect("lock");
    (v, version)
}

fn signature(version: &AupVersion, name: &str) -> Submission {
    Submission::AupSignature(KioskAupSignature {
        aup_id: version.aup_id.clone(),
        version_hash: version.content_hash.clone(),
        typed_name: name.into(),
        person_hint: None,
        signed_at: "2025-03-01T10:15:00+01:00".into(),
        mark: KioskMark::Drawn { png: PNG.to_vec() },
        countersignature: None,
    })
}

fn submit_all(paths: &VaultPaths, version: &AupVersion, names: &[&str]) -> Vec<String> {
    names.iter().map(|n| outbox::submit(paths, &signature(version, n)).expect("submit").number).collect()
}

fn outbox_files(paths: &VaultPaths) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(paths.outbox_dir())
        .expect("outbox")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "age"))
        .collect();
    files.sort();
    files
}

fn name_of(path: &std::path::Path) -> String {
    path.file_name().expect("file name").to_string_lossy().into_owned()
}

fn problems_kept(paths: &VaultPaths) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(paths.outbox_dir().join(PROBLEMS_DIR))
        .map(|d| d.map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

/// Unlocks, ingests, and returns the report with the number of signatures now recorded.
fn unlock_and_ingest(paths: &VaultPaths) -> (IngestReport, usize) {
    let mut vault = UnlockedVault::unlock(paths, &pass(PASSPHRASE)).expect("unlock");
    let report = outbox::ingest(&mut vault).expect("ingest");
    let conn = vault.db().conn();
    assert!(audit::verify(conn).expect("verify").verified);
    let count: i64 = conn.query_row("SELECT count(*) FROM signatures", [], |r| r.get(0)).expect("count");
    vault.lock("test").expect("lock");
    (report, usize::try_from(count).expect("count fits"))
}

fn decrypt(bytes: &[u8], identity: &x25519::Identity) -> Result<Vec<u8>, age::DecryptError> {
    let decryptor = age::Decryptor::new_buffered(bytes)?;
    let mut reader = decryptor.decrypt(iter::once(identity as &dyn age::Identity))?;
    let mut out = Vec::new();
    reader.read_to_end(&mut out).expect("read plaintext");
    Ok(out)
}

#[test]
fn a_submission_file_holds_no_plaintext_and_opens_only_for_admins_and_the_recovery_key() {
    let (v, version) = vault_with_staff_aup();
    submit_all(&v.paths, &version, &["Zephyrine Quillfeather"]);
    let files = outbox_files(&v.paths);
    assert_eq!(files.len(), 1);
    let bytes = fs::read(&files[0]).expect("read");
    for needle in [&b"Quillfeather"[..], b"stroke-data-Xq7", b"aupSignature", version.content_hash.as_bytes()] {
        assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{} on disk", String::from_utf8_lossy(needle));
    }
    // Nothing else in the outbox folder either: no plaintext temp file was left behind.
    let others: Vec<_> =
        fs::read_dir(v.paths.outbox_dir()).expect("outbox").map(|e| e.expect("entry").path()).collect();
    assert_eq!(others, files);

    assert!(matches!(decrypt(&bytes, &x25519::Identity::generate()), Err(age::DecryptError::NoMatchingKeys)));
    let by_recovery = decrypt(&bytes, &v.recovery).expect("the recovery key opens it");
    assert!(String::from_utf8_lossy(&by_recovery).contains("Zephyrine Quillfeather"));
    let vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    assert_eq!(decrypt(&bytes, vault.outbox_identity()).expect("the admin opens it"), by_recovery);
    vault.lock("test").expect("lock");
}

#[test]
fn a_written_then_ingested_submission_is_a_self_declared_signature_for_that_version() {
    let (v, v1) = vault_with_staff_aup();
    // A second version is published before the ingest: the signature must stay with the first.
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let actor = vault.actor().clone();
    let conn = vault.db_mut().conn_mut();
    let mut changed = v1.content.clone();
    changed.rules[0] = "I will lock the laptop whenever I leave it.".into();
    aup::save_draft(conn, &actor, &v1.aup_id, &changed).expect("draft");
    vault.lock("test").expect("lock");
    let receipt = submit_all(&v.paths, &v1, &["Aisha Khanzada"]).remove(0);
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let v2 = aup::publish(vault.db_mut().conn_mut(), &actor, &v1.aup_id).expect("publish v2");
    assert_ne!(v2.content_hash, v1.content_hash);

    let report = outbox::ingest(&mut vault).expect("ingest");
    assert_eq!(report, IngestReport { ingested: 1, already_recorded: 0, problems: vec![], manifest_changed: false });
    let conn = vault.db().conn();
    let pending = signatures::unconfirmed(conn).expect("unconfirmed");
    assert_eq!(pending.len(), 1);
    let sig = &pending[0];
    assert!(sig.self_declared);
    assert_eq!(sig.source, SignatureSource::SigningStation);
    assert_eq!((sig.version_id.as_str(), sig.content_hash.as_str()), (v1.id.as_str(), v1.content_hash.as_str()));
    assert_eq!(sig.receipt.as_deref(), Some(receipt.as_str()));
    assert_eq!(sig.declared_name.as_deref(), Some("Aisha Khanzada"));
    let sealed = chrono::DateTime::parse_from_rfc3339(&sig.signed_at).expect("rfc3339");
    assert!(
        (chrono::Utc::now() - sealed.with_timezone(&chrono::Utc)).num_minutes().abs() < 5,
        "signed when the station sealed it, not at the time the submission claims (2025-03-01)"
    );
    assert_eq!(signatures::mark_png(conn, &sig.id).expect("png").as_deref(), Some(PNG));
    let ingests: i64 =
        conn.query_row("SELECT count(*) FROM audit WHERE action = 'outbox.ingested'", [], |r| r.get(0)).expect("audit");
    assert_eq!(ingests, 1);
    vault.lock("test").expect("lock");
    assert!(outbox_files(&v.paths).is_empty());

    let (again, count) = unlock_and_ingest(&v.paths);
    assert_eq!(again, IngestReport::default(), "a second ingest adds nothing");
    assert_eq!(count, 1);
}

#[test]
fn a_deleted_middle_file_is_reported_as_a_gap_and_the_rest_are_recorded() {
    let (v, version) = vault_with_staff_aup();
    submit_all(&v.paths, &version, &["Aisha Khanzada", "Ben Quill", "Cara Lee"]);
    let files = outbox_files(&v.paths);
    fs::remove_file(&files[1]).expect("delete the middle file");
    let (report, count) = unlock_and_ingest(&v.paths);
    assert_eq!((report.ingested, count), (2, 2));
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].kind, ProblemKind::Gap);
    assert_eq!(report.problems[0].file_name, name_of(&files[2]));
    assert!(report.problems[0].message.contains("number 2 is missing"), "{}", report.problems[0].message);
    assert!(outbox_files(&v.paths).is_empty());
}

#[test]
fn a_copied_file_is_reported_as_a_duplicate_and_kept_while_the_rest_are_recorded() {
    let (v, version) = vault_with_staff_aup();
    submit_all(&v.paths, &version, &["Aisha Khanzada", "Ben Quill", "Cara Lee"]);
    let files = outbox_files(&v.paths);
    let copy = files[1].with_file_name(format!("00000002-{}.age", uuid::Uuid::new_v4()));
    fs::copy(&files[1], &copy).expect("copy");
    let (report, count) = unlock_and_ingest(&v.paths);
    assert_eq!((report.ingested, count), (3, 3));
    assert_eq!(report.problems.iter().map(|p| p.kind).collect::<Vec<_>>(), vec![ProblemKind::Duplicate]);
    assert_eq!(problems_kept(&v.paths).len(), 1);
    assert!(outbox_files(&v.paths).is_empty());
}

#[test]
fn a_changed_file_is_reported_as_corrupt_and_kept_while_the_rest_are_recorded() {
    let (v, version) = vault_with_staff_aup();
    submit_all(&v.paths, &version, &["Aisha Khanzada", "Ben Quill", "Cara Lee"]);
    let files = outbox_files(&v.paths);
    let mut bytes = fs::read(&files[1]).expect("read");
    let at = bytes.len() - 20;
    bytes[at] ^= 0x40;
    fs::write(&files[1], &bytes).expect("tamper");
    let (report, count) = unlock_and_ingest(&v.paths);
    assert_eq!((report.ingested, count), (2, 2));
    let corrupt: Vec<_> = report.problems.iter().filter(|p| p.kind == ProblemKind::Corrupt).collect();
    assert_eq!(corrupt.len(), 1);
    assert_eq!(corrupt[0].file_name, name_of(&files[1]));
    // The chain notices too: the file after it no longer follows anything that could be read.
    assert!(report.problems.iter().any(|p| p.kind == ProblemKind::Gap && p.file_name == name_of(&files[2])));
    assert_eq!(problems_kept(&v.paths), vec![name_of(&files[1])]);
    assert_eq!(fs::read(v.paths.outbox_dir().join(PROBLEMS_DIR).join(name_of(&files[1]))).expect("kept"), bytes);
}

#[test]
fn a_file_written_for_another_vault_is_reported_and_kept_while_the_rest_are_recorded() {
    let (v, version) = vault_with_staff_aup();
    let other = new_vault_named("Other Youth Club", "Jo Bloggs");
    submit_all(&v.paths, &version, &["Aisha Khanzada", "Ben Quill"]);
    submit_all(&other.paths, &version, &["Cara Lee"]);
    let foreign = outbox_files(&other.paths).remove(0);
    let planted = v.paths.outbox_dir().join(format!("00000003-{}.age", uuid::Uuid::new_v4()));
    fs::copy(&foreign, &planted).expect("plant");
    let (report, count) = unlock_and_ingest(&v.paths);
    assert_eq!((report.ingested, count), (2, 2));
    assert_eq!(report.problems.iter().map(|p| p.kind).collect::<Vec<_>>(), vec![ProblemKind::OtherVault]);
    assert_eq!(report.problems[0].file_name, name_of(&planted));
    assert_eq!(problems_kept(&v.paths), vec![name_of(&planted)]);
}

#[test]
fn the_chain_continues_across_ingests_through_the_head_file() {
    let (v, version) = vault_with_staff_aup();
    submit_all(&v.paths, &version, &["Aisha Khanzada", "Ben Quill"]);
    assert_eq!(unlock_and_ingest(&v.paths), (IngestReport { ingested: 2, ..Default::default() }, 2));
    let head: serde_json::Value =
        serde_json::from_slice(&fs::read(v.paths.outbox_dir().join(CHAIN_HEAD_FILE)).expect("head")).expect("json");
    assert_eq!(head["seq"], 2);

    submit_all(&v.paths, &version, &["Cara Lee"]);
    assert!(name_of(&outbox_files(&v.paths)[0]).starts_with("00000003-"));
    assert_eq!(unlock_and_ingest(&v.paths), (IngestReport { ingested: 1, ..Default::default() }, 3));

    // An edited head file cannot hide a deletion: the database keeps its own copy of the head.
    let forged = serde_json::json!({ "seq": 9, "hash": "00".repeat(32) });
    fs::write(v.paths.outbox_dir().join(CHAIN_HEAD_FILE), forged.to_string()).expect("forge");
    submit_all(&v.paths, &version, &["Dev Patel"]);
    let (report, count) = unlock_and_ingest(&v.paths);
    assert_eq!((report.ingested, count), (1, 4));
    assert_eq!(report.problems.iter().map(|p| p.kind).collect::<Vec<_>>(), vec![ProblemKind::Gap]);
}
