//! Restoring a backup: the round trip equals the backup, the old records are kept aside until the
//! admin keeps or undoes the restore, admins and keys stay as they are today, a bad file changes
//! nothing, and a restore killed at any moment leaves a vault that opens with whole records.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{add_people, new_vault, pass, PASSPHRASE, SECOND_PASSPHRASE};
use rand::{Rng, SeedableRng};
use safekeeper::store::audit;
use safekeeper::vault::backup::{self, BackupError};
use safekeeper::vault::{restore, UnlockedVault, VaultPaths};

fn names(vault: &UnlockedVault) -> Vec<String> {
    let mut stmt = vault.db().conn().prepare("SELECT full_name FROM people ORDER BY full_name").expect("names");
    stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("rows")
}

fn count(preview: &[(String, i64)], table: &str) -> i64 {
    preview.iter().find(|(t, _)| t == table).map(|(_, n)| *n).expect("counted table")
}

fn audited(vault: &UnlockedVault, action: &str) -> bool {
    audit::has_action(vault.db().conn(), action).expect("audit")
}

#[test]
fn restore_round_trip_equals_the_backup_and_keeps_the_old_records_until_confirmed() {
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    add_people(&mut vault, &["Asha Patel", "Ben Jones"]);
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    let at_backup = names(&vault);

    // Life goes on after the backup.
    add_people(&mut vault, &["Chi Okafor"]);
    let since = names(&vault);
    assert_ne!(since, at_backup);

    let preview = restore::prepare(&mut vault, report.path.as_ref()).expect("prepare");
    assert_eq!(preview.manifest, report.manifest);
    assert_eq!(count(&preview.manifest.counts, "people"), 2);
    assert_eq!(count(&preview.current_counts, "people"), 3);
    assert!(preview.file_name.ends_with(".age"));
    assert_eq!(names(&vault), since, "preparing changes nothing live");
    assert!(tv.paths.restore_pending().is_file());

    let replaced = restore::replace_records(&mut vault, None).expect("commit");
    assert_eq!(names(&vault), at_backup, "the restored records are the backup's");
    assert!(!tv.paths.restore_pending().exists());
    assert!(tv.paths.before_restore().is_file(), "the old records are kept aside");
    let waiting = restore::awaiting(&vault).expect("awaiting").expect("a restore waits");
    assert_eq!(waiting.backup_created_at.as_deref(), Some(report.manifest.created_at.as_str()));
    assert_eq!(replaced, waiting, "the swap says what now waits");
    let again = restore::replace_records(&mut vault, None).expect_err("nothing left to swap in");
    assert_eq!(safekeeper::error::CodedError::code(&again), safekeeper::error::ErrorCode::RestoreNothingPending);
    assert!(audited(&vault, "backup.restored"));
    assert!(audit::verify(vault.db().conn()).expect("verify").verified);
    assert!(vault.db().integrity_check().expect("integrity"));
    // No manifest table is left in the live records, and the backup reminder still knows the backup.
    let manifest_tables: i64 = vault
        .db()
        .conn()
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'backup_manifest'", [], |r| r.get(0))
        .expect("schema");
    assert_eq!(manifest_tables, 0);
    assert!(!backup::status(vault.db().conn(), chrono::Utc::now()).expect("status").due);
    // A second restore cannot start while this one waits.
    assert!(matches!(restore::prepare(&mut vault, report.path.as_ref()), Err(BackupError::RestoreAwaiting)));

    // Lock and unlock with the passphrase: the restore is still waiting, and the records hold.
    vault.lock("test").expect("lock");
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock after restore");
    assert_eq!(names(&vault), at_backup);
    assert!(restore::awaiting(&vault).expect("awaiting").is_some());

    restore::confirm(&mut vault).expect("keep");
    assert!(!tv.paths.before_restore().exists(), "kept: the old records are gone");
    assert!(restore::awaiting(&vault).expect("awaiting").is_none());
    assert!(audited(&vault, "backup.restoreKept"));
    assert!(audit::verify(vault.db().conn()).expect("verify").verified);
}

#[test]
fn undo_brings_back_the_records_from_before_the_restore() {
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    add_people(&mut vault, &["Asha Patel"]);
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    add_people(&mut vault, &["Ben Jones", "Chi Okafor"]);
    let before = names(&vault);

    restore::prepare(&mut vault, report.path.as_ref()).expect("prepare");
    restore::commit(&mut vault, None).expect("commit");
    assert_eq!(names(&vault), vec!["Asha Patel".to_owned()]);
    restore::undo(&mut vault).expect("undo");
    assert_eq!(names(&vault), before);
    assert!(!tv.paths.before_restore().exists());
    assert!(audited(&vault, "backup.restoreUndone"));
    assert!(audit::verify(vault.db().conn()).expect("verify").verified);
    assert!(matches!(restore::confirm(&mut vault), Err(BackupError::NothingPending)));
}

#[test]
fn admins_added_since_the_backup_can_still_unlock_and_keys_do_not_change() {
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    let new_admin = vault.add_admin("Priya Raman", &pass(SECOND_PASSPHRASE)).expect("add admin");
    let key_file = std::fs::read(tv.paths.wrapped_key()).expect("dek");

    restore::prepare(&mut vault, report.path.as_ref()).expect("prepare");
    restore::commit(&mut vault, None).expect("commit");
    restore::confirm(&mut vault).expect("keep");
    assert_eq!(std::fs::read(tv.paths.wrapped_key()).expect("dek"), key_file, "the database key file is unchanged");
    vault.lock("test").expect("lock");

    let second = UnlockedVault::unlock(&tv.paths, &pass(SECOND_PASSPHRASE)).expect("the newer admin still unlocks");
    assert_eq!(second.admin_id(), Some(new_admin.as_str()));
    second.lock("test").expect("lock");
    UnlockedVault::unlock_with_recovery(&tv.paths, &tv.recovery_text()).expect("recovery key still opens");
}

#[test]
fn a_bad_backup_changes_nothing_and_leaves_no_pending_file() {
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    add_people(&mut vault, &["Asha Patel"]);
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    let mut bytes = std::fs::read(&report.path).expect("file");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let corrupt = usb.path().join("corrupt copy.age");
    std::fs::write(&corrupt, &bytes).expect("write");
    let before = names(&vault);

    let err = restore::prepare(&mut vault, &corrupt).expect_err("refused");
    assert!(matches!(err, BackupError::Damaged), "{err}");
    assert!(err.to_string().contains("Nothing has been changed"));
    assert_eq!(names(&vault), before);
    assert!(!tv.paths.restore_pending().exists());
    assert!(!tv.paths.before_restore().exists());
    assert!(matches!(restore::commit(&mut vault, None), Err(BackupError::NothingPending)));
}

const CHILD_ENV: &str = "SAFEKEEPER_RESTORE_CHILD";

/// Not a test on its own: the restore loop the parent runs in a child process and kills.
#[test]
fn child_restorer() {
    let Ok(data_dir) = std::env::var(CHILD_ENV) else { return };
    let key = std::env::var("SAFEKEEPER_RESTORE_KEY").expect("key for the child");
    let backup_file = std::env::var("SAFEKEEPER_RESTORE_FILE").expect("backup for the child");
    let paths = VaultPaths::new(data_dir);
    let mut vault = UnlockedVault::unlock_with_recovery(&paths, &key).expect("child unlock");
    let mut out = std::io::stdout().lock();
    loop {
        restore::prepare(&mut vault, backup_file.as_ref()).expect("prepare");
        restore::commit(&mut vault, None).expect("commit");
        writeln!(out, "restored").expect("stdout");
        out.flush().expect("flush");
        restore::undo(&mut vault).expect("undo");
        writeln!(out, "undone").expect("stdout");
        out.flush().expect("flush");
    }
}

#[test]
fn restore_killed_at_any_moment_leaves_a_vault_that_opens_whole() {
    let rounds: usize = std::env::var("SAFEKEEPER_KILL_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(40);
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock_with_recovery(&tv.paths, &tv.recovery_text()).expect("unlock");
    add_people(&mut vault, &["Asha Patel"]);
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    add_people(&mut vault, &["Ben Jones"]);
    vault.lock("test").expect("lock");
    let old = vec!["Asha Patel".to_owned(), "Ben Jones".to_owned()];
    let restored = vec!["Asha Patel".to_owned()];

    let exe = std::env::current_exe().expect("test binary");
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x7e57);
    let mut seen = (0usize, 0usize);
    for round in 0..rounds {
        let mut child = Command::new(&exe)
            .args(["--exact", "child_restorer", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, tv.paths.data_dir())
            .env("SAFEKEEPER_RESTORE_KEY", tv.recovery_text())
            .env("SAFEKEEPER_RESTORE_FILE", &report.path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let stdout = child.stdout.take().expect("piped");
        let reader = std::thread::spawn(move || BufReader::new(stdout).lines().map_while(Result::ok).count());
        std::thread::sleep(Duration::from_millis(rng.gen_range(20..400)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        let steps = reader.join().expect("reader");

        let mut vault = UnlockedVault::unlock_with_recovery(&tv.paths, &tv.recovery_text())
            .unwrap_or_else(|e| panic!("round {round} ({steps} steps): the vault did not open after the kill: {e}"));
        assert!(vault.db().integrity_check().expect("integrity"), "round {round}: integrity_check failed");
        assert!(audit::verify(vault.db().conn()).expect("verify").verified, "round {round}: audit chain broken");
        assert!(!tv.paths.restore_pending().exists(), "round {round}: the pending file was not tidied");
        let now = names(&vault);
        if now == old {
            seen.0 += 1;
        } else {
            assert_eq!(now, restored, "round {round}: the records are neither the old ones nor the backup's");
            seen.1 += 1;
        }
        // Put the vault back as it was for the next round.
        if restore::awaiting(&vault).expect("awaiting").is_some() {
            if now == restored {
                restore::undo(&mut vault).expect("undo");
            } else {
                restore::confirm(&mut vault).expect("tidy");
            }
        }
        assert_eq!(names(&vault), old, "round {round}: the old records came back");
        vault.lock("test").expect("lock");
    }
    eprintln!("{rounds} kill rounds: {} left the old records, {} the restored ones", seen.0, seen.1);
}

/// Backups from the first release with backups carry schema version 0 and have no retention
/// tables. They restore, and the restored records are brought up to date.
#[test]
fn a_backup_from_the_first_release_restores_and_is_brought_up_to_date() {
    use std::io::Write as _;

    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    add_people(&mut vault, &["Asha Patel", "Ben Jones"]);
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    let identity = vault.outbox_identity().clone();
    let plain = backup::decrypt(&std::fs::read(&report.path).expect("file"), &identity).expect("decrypt");

    // Turn the backup into what the first release wrote: schema 9's tables and version 0. The
    // trigger is put back exactly as migration 4 wrote it (a restore compares the text).
    let mut conn = rusqlite::Connection::open_in_memory().expect("memory");
    conn.deserialize_read_exact("main", plain.as_slice(), plain.len(), false).expect("load");
    // Migration 17's summary, its marks and its triggers.
    let drops: String = conn
        .query_row(
            "SELECT group_concat('DROP ' || upper(type) || ' ' || name || ';', ' ' ORDER BY type DESC) FROM sqlite_schema
             WHERE name LIKE 'summary_retention%' AND type IN ('trigger', 'table')",
            [],
            |r| r.get(0),
        )
        .expect("migration 17");
    conn.execute_batch(&drops).expect("drop migration 17");
    conn.execute_batch(
        "DROP TRIGGER incident_entries_are_never_deleted;
         CREATE TRIGGER incident_entries_are_never_deleted BEFORE DELETE ON incident_entries
BEGIN
    SELECT RAISE(ABORT, 'incident entries cannot be deleted; add an amendment');
END;
         DROP TABLE retention_decisions;
         DROP TABLE retention_erasing;
         DROP TABLE outbox_problems;
         DROP TABLE kiosk_manifests;
         DROP TABLE filtering_incidents;
         DROP TABLE incident_file_openings;
         DROP TABLE incident_files;
         DROP TRIGGER search_incident_text_added;
         DROP TRIGGER search_incident_text_removed;
         DROP TRIGGER search_incident_reference;
         DROP TRIGGER search_incident_reference_removed;
         DROP TRIGGER search_incident_entry;
         DROP TRIGGER search_incident_entry_removed;
         DROP TABLE search_incidents;
         DROP TABLE search_incident_text;
         DROP TRIGGER summary_training_recorded;
         DROP TRIGGER summary_training_erased;
         DROP TRIGGER summary_training_changed;
         DROP TABLE summary_training_latest;
         DROP INDEX incidents_by_date_reference;
         DROP INDEX incidents_by_source;
         DROP INDEX incidents_by_kind;
         DROP TRIGGER summary_aup_signed_recorded;
         DROP TRIGGER summary_aup_signed_erased;
         DROP TRIGGER summary_aup_signed_changed;
         DROP TABLE summary_aup_signed;
         UPDATE backup_manifest SET value = json_set(value, '$.schemaVersion', 0) WHERE key = 'manifest';
         PRAGMA user_version = 0;",
    )
    .expect("older schema");
    let old_plain = conn.serialize("main").expect("bytes").to_vec();
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&identity.to_public() as &dyn age::Recipient))
        .expect("recipient");
    let mut sealed = Vec::new();
    let mut writer = encryptor.wrap_output(&mut sealed).expect("wrap");
    writer.write_all(&old_plain).expect("write");
    writer.finish().expect("finish");
    let old_file = usb.path().join("first release.age");
    std::fs::write(&old_file, sealed).expect("old backup");

    add_people(&mut vault, &["Chi Okafor"]);
    let preview = restore::prepare(&mut vault, &old_file).expect("an unversioned backup is read as schema 9");
    assert_eq!(preview.manifest.schema_version, 9);
    assert_eq!(count(&preview.manifest.counts, "people"), 2);
    // Made before backups were authenticated: the vault cannot vouch for it, so it takes the key.
    assert_eq!(preview.origin, restore::BackupOrigin::Unverified);
    assert!(matches!(restore::commit(&mut vault, None), Err(BackupError::RecoveryKeyNeeded)));
    restore::commit(&mut vault, Some(&tv.recovery_text())).expect("commit with the recovery key");
    assert_eq!(names(&vault), vec!["Asha Patel".to_owned(), "Ben Jones".to_owned()]);
    let version: i64 = vault.db().conn().query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, safekeeper::store::migrations::latest_version());
    let retention_table: i64 = vault
        .db()
        .conn()
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'retention_decisions'", [], |r| r.get(0))
        .expect("schema");
    assert_eq!(retention_table, 1, "migration 10 ran on the restored records");
    assert!(audit::verify(vault.db().conn()).expect("verify").verified);
}

/// Regression: removing an admin re-keyed only the live records, so "Undo the restore" put back
/// a file nothing could open. Key changes now wait until the restore is kept or undone.
#[test]
fn undo_after_an_admin_removal_cannot_brick_the_vault() {
    use safekeeper::vault::VaultError;

    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    let jordan = vault.add_admin("Jordan Lee", &pass(SECOND_PASSPHRASE)).expect("add admin");
    add_people(&mut vault, &["Asha Patel"]);
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    add_people(&mut vault, &["Ben Jones"]);
    let before = names(&vault);

    restore::prepare(&mut vault, report.path.as_ref()).expect("prepare");
    restore::commit(&mut vault, None).expect("commit");
    let key_file = std::fs::read(tv.paths.wrapped_key()).expect("dek");
    let err = vault.remove_admin(&jordan).expect_err("refused while the restore waits");
    assert!(matches!(err, VaultError::RestoreWaiting), "{err:?}");
    assert!(err.to_string().contains("Keep or undo the restore first"), "{err}");
    assert!(matches!(vault.rotate_key(), Err(VaultError::RestoreWaiting)));
    assert_eq!(std::fs::read(tv.paths.wrapped_key()).expect("dek"), key_file, "the key did not change");
    assert_eq!(vault.admins().expect("admins").len(), 2, "Jordan is still an admin");

    restore::undo(&mut vault).expect("undo");
    vault.lock("test").expect("lock");
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock after undo");
    assert_eq!(names(&vault), before);
    // Once the restore is settled the removal goes through, and the vault still opens.
    vault.remove_admin(&jordan).expect("removal after undo");
    vault.lock("test").expect("lock");
    UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock after removal").lock("t").expect("lock");
    assert!(UnlockedVault::unlock(&tv.paths, &pass(SECOND_PASSPHRASE)).is_err());
}

/// Regression: a passphrase set (or an admin added) while a restore waited lived only in the
/// restored records, so undoing the restore locked that admin out.
#[test]
fn passphrases_set_and_admins_added_while_a_restore_waits_still_unlock_after_undo() {
    const NEW_PASSPHRASE: &str = "sunrise pottery glacier violet";
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    add_people(&mut vault, &["Asha Patel"]);
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    add_people(&mut vault, &["Ben Jones"]);

    restore::prepare(&mut vault, report.path.as_ref()).expect("prepare");
    restore::commit(&mut vault, None).expect("commit");
    let me = vault.admin_id().expect("admin").to_owned();
    vault.set_passphrase(&me, &pass(NEW_PASSPHRASE)).expect("new passphrase");
    let priya = vault.add_admin("Priya Raman", &pass(SECOND_PASSPHRASE)).expect("add admin");
    restore::undo(&mut vault).expect("undo");
    vault.lock("test").expect("lock");

    let vault = UnlockedVault::unlock(&tv.paths, &pass(NEW_PASSPHRASE)).expect("the new passphrase unlocks");
    assert_eq!(names(&vault), vec!["Asha Patel".to_owned(), "Ben Jones".to_owned()]);
    assert!(audit::verify(vault.db().conn()).expect("verify").verified);
    vault.lock("test").expect("lock");
    let second = UnlockedVault::unlock(&tv.paths, &pass(SECOND_PASSPHRASE)).expect("the added admin unlocks");
    assert_eq!(second.admin_id(), Some(priya.as_str()));
    second.lock("test").expect("lock");
    assert!(UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).is_err(), "the old passphrase is gone");
}

/// A backup restored with the paper key may have been changed by anyone who had the file and the
/// key. Its search index is never taken on trust: the restore works it out again from the
/// restored incidents, so a changed index can neither hide an incident from the search nor find
/// it for words it does not hold.
#[test]
fn a_restored_backup_gets_its_search_index_worked_out_again_from_its_incidents() {
    use safekeeper::records::incidents::{
        self, Category, IncidentFilter, IncidentKind, IncidentSource, NewIncident, Report,
    };
    use std::io::Write as _;

    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    let actor = vault.actor().clone();
    let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let report = Report {
        occurred_on: on,
        occurred_at_time: None,
        reported_on: on,
        how_reported: "In person".into(),
        reported_by: "Youth worker".into(),
        reported_to: "The DSL".into(),
        place: "Club".into(),
        platform: "Chat".into(),
        device: "Phone".into(),
        category: Category::Conduct,
        kind: IncidentKind::Cyberbullying,
        facts: "Unkind nicknames posted under a marmalade photo.".into(),
        own_words: None,
        opinion: None,
    };
    let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &report };
    let incident = incidents::create(vault.db_mut().conn_mut(), &actor, &new, on).expect("incident");
    let usb = tempfile::tempdir().expect("usb");
    let made = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    let identity = vault.outbox_identity().clone();
    let plain = backup::decrypt(&std::fs::read(&made.path).expect("file"), &identity).expect("decrypt");

    // Someone with the file and the paper key changes the index: the report's words go, and the
    // incident is made to answer to a word it never held.
    let mut conn = rusqlite::Connection::open_in_memory().expect("memory");
    conn.deserialize_read_exact("main", plain.as_slice(), plain.len(), false).expect("load");
    conn.execute("DELETE FROM search_incident_text WHERE entry_id IS NOT NULL", []).expect("hide the words");
    conn.execute(
        "INSERT INTO search_incident_text (incident_id, entry_id, text) VALUES (?1, 'planted', 'zebra crossing')",
        [&incident.id],
    )
    .expect("plant a word");
    let changed = conn.serialize("main").expect("bytes").to_vec();
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&identity.to_public() as &dyn age::Recipient))
        .expect("recipient");
    let mut sealed = Vec::new();
    let mut writer = encryptor.wrap_output(&mut sealed).expect("wrap");
    writer.write_all(&changed).expect("write");
    writer.finish().expect("finish");
    let file = usb.path().join("changed.age");
    std::fs::write(&file, sealed).expect("changed backup");

    let preview = restore::prepare(&mut vault, &file).expect("a changed backup still reads");
    assert_eq!(preview.origin, restore::BackupOrigin::Unverified, "this vault cannot vouch for it");
    restore::commit(&mut vault, Some(&tv.recovery_text())).expect("commit with the recovery key");
    let search = |text: &str| {
        let filter = IncidentFilter { text: text.into(), ..Default::default() };
        incidents::list(vault.db().conn(), vault.actor(), &filter).expect("search").len()
    };
    assert_eq!(search("marmalade"), 1, "the report's words are found again");
    assert_eq!(search("zebra"), 0, "a planted word finds nothing");
    let planted: i64 = vault
        .db()
        .conn()
        .query_row("SELECT count(*) FROM search_incident_text WHERE entry_id = 'planted'", [], |r| r.get(0))
        .expect("count");
    assert_eq!(planted, 0);
    vault.lock("test").expect("lock");
}
