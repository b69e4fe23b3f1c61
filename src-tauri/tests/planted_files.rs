//! Files planted in the data folder cannot stop every unlock: admin key files are tried a few at a
//! time, only up to a count and a size; one unlock reads only so much of the outbox and leaves the
//! rest for the next; a backup far bigger than any organisation's is refused before it is read.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use safekeeper::error::CodedError;
use safekeeper::kiosk::outbox::{self, ProblemKind};
use safekeeper::kiosk::station;
use safekeeper::vault::{backup, UnlockedVault, MAX_ADMIN_KEY_FILES, MAX_ADMIN_KEY_FILE_BYTES};

fn corpus_file(kind: &str, name: &str) -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus").join(kind).join(name)).expect("corpus file")
}

/// Plants `count` copies of `bytes` as admin key files, all older than the real one.
fn plant(admins: &Path, count: usize, bytes: &[u8]) {
    let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    for _ in 0..count {
        let planted = admins.join(format!("{}.age", uuid::Uuid::new_v4()));
        fs::write(&planted, bytes).expect("plant");
        fs::File::options().write(true).open(&planted).expect("open").set_modified(long_ago).expect("mtime");
    }
}

#[test]
fn admin_key_files_beyond_the_cap_are_not_tried_and_the_recovery_key_still_opens() {
    // Key files asking for more work than allowed are refused before any scrypt, so this is quick.
    let heavy = corpus_file("admin-key", "work-factor-too-high.age");

    // Fewer planted files than the cap, tried first: the real admin is still reached.
    let v = new_vault();
    plant(&v.paths.admins_dir(), MAX_ADMIN_KEY_FILES - 1, &heavy);
    let vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("the real admin is within the cap");
    vault.lock("test").expect("lock");

    // More than the cap: unlock stops after the cap with a plain message, changing nothing.
    plant(&v.paths.admins_dir(), 8, &heavy);
    let before = snapshot(v.paths.data_dir());
    let err = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect_err("beyond the cap");
    assert_eq!(err.code(), "vault.tooManyKeyFiles", "{err}");
    assert!(err.to_string().contains("recovery key") && err.to_string().contains("Nothing has been changed"), "{err}");
    assert_eq!(snapshot(v.paths.data_dir()), before, "a refused unlock changed files");
    // The recovery key never reads the admins folder.
    let vault = UnlockedVault::unlock_with_recovery(&v.paths, &v.recovery_text()).expect("recovery key opens");
    vault.lock("test").expect("lock");
}

#[test]
fn a_huge_or_unreadable_planted_admin_key_file_is_never_read() {
    let v = new_vault();
    let admins = v.paths.admins_dir();
    // 64 GiB (sparse, so it costs no disk): reading it into memory would abort the test.
    let huge = admins.join(format!("{}.age", uuid::Uuid::new_v4()));
    fs::File::create(&huge).expect("create").set_len(64 * 1024 * 1024 * 1024).expect("grow");
    // Just over the cap, holding a key file that opens with the same passphrase.
    let mut padded = corpus_file("admin-key", "wrong-vault.age");
    padded.resize(MAX_ADMIN_KEY_FILE_BYTES as usize + 1, b'\n');
    fs::write(admins.join(format!("{}.age", uuid::Uuid::new_v4())), &padded).expect("plant");
    // A folder and a file not named as Safekeeper names them.
    fs::create_dir(admins.join(format!("{}.age", uuid::Uuid::new_v4()))).expect("folder");
    fs::write(admins.join("notes.age"), b"not a key").expect("plant");

    let vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("the real admin unlocks");
    vault.lock("test").expect("lock");
}

#[test]
fn an_outbox_fuller_than_one_unlock_reads_leaves_the_rest_for_the_next_unlock() {
    let v = new_vault();
    let folder = v.paths.outbox_dir();
    fs::create_dir_all(&folder).expect("outbox");
    // Planted files at the per-file cap, enough to fill what one unlock reads.
    let per_file = outbox::MAX_FILE_BYTES;
    let planted = (outbox::MAX_INGEST_BYTES / per_file) as usize;
    let filler = vec![0u8; per_file as usize];
    for seq in 1..=planted {
        fs::write(folder.join(format!("{seq:08}-{}.age", uuid::Uuid::new_v4())), &filler).expect("plant");
    }
    // A real concern after them.
    let receipt = station::report_concern(&v.paths, concern()).expect("concern");
    let real: Vec<String> = fs::read_dir(&folder)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!("{:08}-", planted + 1)))
        .collect();
    assert_eq!(real.len(), 1, "the real submission follows the planted ones");

    let mut vault = UnlockedVault::unlock_with_recovery(&v.paths, &v.recovery_text()).expect("unlock");
    let first = outbox::ingest(&mut vault).expect("first ingest");
    assert_eq!(first.ingested, 0);
    assert_eq!(first.problems.iter().filter(|p| p.kind == ProblemKind::Corrupt).count(), planted);
    let waiting: Vec<_> = first.problems.iter().filter(|p| p.kind == ProblemKind::Waiting).collect();
    assert_eq!(waiting.len(), 1, "{:?}", first.problems);
    assert_eq!(waiting[0].file_name, real[0]);
    assert!(waiting[0].message.contains("recorded at the next unlock"), "{}", waiting[0].message);
    assert!(folder.join(&real[0]).is_file(), "the waiting file stays in the outbox");
    vault.lock("test").expect("lock");

    let mut vault = UnlockedVault::unlock_with_recovery(&v.paths, &v.recovery_text()).expect("unlock");
    let second = outbox::ingest(&mut vault).expect("second ingest");
    assert_eq!(second.ingested, 1, "the concern is recorded at the next unlock: {:?}", second.problems);
    assert!(second.problems.iter().all(|p| p.kind != ProblemKind::Waiting));
    let reported: i64 = vault.db().conn().query_row("SELECT count(*) FROM incidents", [], |r| r.get(0)).expect("count");
    assert_eq!(reported, 1, "receipt {} was recorded once", receipt.number);
    vault.lock("test").expect("lock");
}

#[test]
fn a_backup_over_the_cap_is_refused_before_it_is_read() {
    // The synthetic large organisation's backup is about 10 MB (see the backup benchmark); the cap
    // leaves room for its records fifty times over, for the scans and documents kept with them.
    const SYNTHETIC_LARGE_ORG_BYTES: u64 = 10 * 1000 * 1000;
    const { assert!(backup::MAX_BACKUP_BYTES >= 50 * SYNTHETIC_LARGE_ORG_BYTES) };
    let v = new_vault();
    let vault = UnlockedVault::unlock_with_recovery(&v.paths, &v.recovery_text()).expect("unlock");
    let dir = tempfile::tempdir().expect("usb");
    let huge = dir.path().join("Safekeeper backup 2026-12-06 1200.age");
    fs::File::create(&huge).expect("create").set_len(backup::MAX_BACKUP_BYTES + 1).expect("grow");
    let err = backup::read_file(&huge, vault.outbox_identity(), None).map(|_| ()).expect_err("refused");
    assert_eq!(err.code(), "backup.tooLarge", "{err}");
    vault.lock("test").expect("lock");
}
