use age::secrecy::SecretString;

use super::*;

const PASSPHRASE: &str = "copper lantern orchard whistle";
const SECOND_PASSPHRASE: &str = "harbour mosaic kettle daybreak";

fn pass(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

/// Regression: removal marked the admin removed before re-keying, so a re-key that failed left
/// a "removed" admin who could still open the database key. The re-key now comes first.
#[test]
fn removed_admin_is_no_recipient_when_removal_fails_after_the_rekey() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = VaultPaths::new(dir.path().join("data"));
    let recovery = x25519::Identity::generate();
    let mut vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Test Youth Trust",
            admin_name: "Alex Morgan",
            passphrase: &pass(PASSPHRASE),
            recovery: &recovery,
            demo_passphrase: None,
        },
    )
    .expect("create");
    let jordan = vault.add_admin("Jordan Lee", &pass(SECOND_PASSPHRASE)).expect("add");
    let jordan_identity = keyfile::open_identity(
        &fs::read(paths.admin_file(&jordan)).expect("jordan's key file"),
        &pass(SECOND_PASSPHRASE),
    )
    .expect("open");
    let old_key = vault.key.clone();

    let err = vault
        .remove_admin_with(&jordan, || Err(VaultError::Io(std::io::Error::other("injected failure"))))
        .expect_err("the injected failure stops the removal");
    assert!(matches!(err, VaultError::Io(_)), "{err:?}");

    // Halfway: the database is under a new key that Jordan's identity cannot unwrap.
    let wrapped = fs::read(paths.wrapped_key()).expect("dek");
    assert!(matches!(keyfile::unwrap_key(&wrapped, &jordan_identity), Err(KeyFileError::NotForThisKey)));
    assert_eq!(keyfile::unwrap_key(&wrapped, &recovery).expect("recovery opens"), vault.key);
    assert_ne!(vault.key, old_key, "the database key was rotated");
    // Nothing wraps a key to Jordan again: not the signing station, not a later key change.
    let jordan_recipient = jordan_identity.to_public().to_string();
    assert!(!vault.recipients().expect("recipients").iter().any(|r| r.to_string() == jordan_recipient));
    vault.add_admin("Priya Raman", &pass("meadow cobalt lantern harvest")).expect("another admin");
    let wrapped = fs::read(paths.wrapped_key()).expect("dek");
    assert!(matches!(keyfile::unwrap_key(&wrapped, &jordan_identity), Err(KeyFileError::NotForThisKey)));
    // The signing station is sealed to exactly `recipients()` (asserted above) when `kiosk::refresh`
    // publishes the change the session noted; `kiosk::refresh::tests` checks the file itself.
    assert!(vault.station_outdated(), "the new admin is waiting to be published to the station");
    vault.lock("test").expect("lock");
    assert!(matches!(Db::open(&paths.database(), &old_key), Err(StoreError::KeyRejected)));
    assert!(UnlockedVault::unlock(&paths, &pass(SECOND_PASSPHRASE)).is_err(), "Jordan can no longer unlock");

    // The next unlock finishes the removal.
    let vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("the remaining admin unlocks");
    let names: Vec<String> = vault.admins().expect("admins").into_iter().map(|a| a.name).collect();
    assert_eq!(names.len(), 2, "Alex and Priya remain: {names:?}");
    assert!(!names.iter().any(|n| n == "Jordan Lee"));
    assert!(!paths.admin_file(&jordan).exists());
    assert!(audit::has_action(vault.db.conn(), "admin.removed").expect("audit"));
    assert!(audit::verify(vault.db.conn()).expect("verify").verified);
}

/// A vault made with `PASSPHRASE`, closed, then taken back to schema 10 (what migration 11 added
/// removed), as a vault made by the release before it.
fn vault_at_schema_10(dir: &std::path::Path) -> (VaultPaths, x25519::Identity) {
    let paths = VaultPaths::new(dir.join("data"));
    let recovery = x25519::Identity::generate();
    let vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Test Youth Trust",
            admin_name: "Alex Morgan",
            passphrase: &pass(PASSPHRASE),
            recovery: &recovery,
            demo_passphrase: None,
        },
    )
    .expect("create");
    let key = vault.key.clone();
    vault.lock("test").expect("lock");
    let db = Db::open(&paths.database(), &key).expect("open");
    crate::records::drop_retention_summary(db.conn());
    db.conn()
        .execute_batch(
            "DROP TABLE filtering_incidents; DROP TABLE incident_file_openings; DROP TABLE incident_files;
             DROP TABLE outbox_problems; DROP TABLE kiosk_manifests;
             DROP TRIGGER search_incident_text_added; DROP TRIGGER search_incident_text_removed;
             DROP TRIGGER search_incident_reference; DROP TRIGGER search_incident_reference_removed;
             DROP TRIGGER search_incident_entry; DROP TRIGGER search_incident_entry_removed;
             DROP TABLE search_incidents; DROP TABLE search_incident_text;
             DROP TRIGGER summary_training_recorded; DROP TRIGGER summary_training_erased;
             DROP TRIGGER summary_training_changed; DROP TABLE summary_training_latest;
             DROP INDEX incidents_by_date_reference; DROP INDEX incidents_by_source; DROP INDEX incidents_by_kind;
             DROP TRIGGER summary_aup_signed_recorded; DROP TRIGGER summary_aup_signed_erased;
             DROP TRIGGER summary_aup_signed_changed; DROP TABLE summary_aup_signed;
             PRAGMA user_version = 10;",
        )
        .expect("back to schema 10");
    db.close().expect("close");
    (paths, recovery)
}

fn schema_version(paths: &VaultPaths, recovery: &x25519::Identity) -> i64 {
    let key = unwrap_file(&paths.wrapped_key(), recovery).expect("key");
    let db = Db::open_unmigrated(&paths.database(), &key).expect("open");
    let version = crate::store::migrations::current_version(db.conn()).expect("version");
    db.close().expect("close");
    version
}

#[test]
fn a_migration_that_fails_leaves_the_records_as_they_were_and_says_where_the_backup_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (paths, recovery) = vault_at_schema_10(dir.path());
    let key = unwrap_file(&paths.wrapped_key(), &recovery).expect("key");
    let db = Db::open_unmigrated(&paths.database(), &key).expect("open");
    let mut vault = UnlockedVault {
        paths: paths.clone(),
        db,
        key,
        identity: recovery.clone(),
        actor: Actor::RecoveryKey,
        pending_restore: None,
        station_outdated: false,
    };
    let err = super::super::upgrade::upgrade_with(&mut vault, |_| Err(StoreError::RekeyFailed))
        .expect_err("the migration fails");
    let backups: Vec<_> = fs::read_dir(super::super::upgrade::folder(paths.data_dir()))
        .expect("the backups folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(backups.len(), 1, "one backup, made before the migration");
    match &err {
        VaultError::Upgrade(super::super::upgrade::UpgradeError::MigrationFailed { backup }) => {
            assert_eq!(std::path::Path::new(backup), backups[0].as_path());
        }
        other => panic!("expected a failed upgrade, got {other:?}"),
    }
    assert!(err.to_string().contains("left exactly as they were"), "{err}");
    assert_eq!(err.code(), "upgrade.failed");
    vault.db.close().expect("close");
    assert_eq!(schema_version(&paths, &recovery), 10, "the records are still on the old schema");

    // The next unlock, with migrations that work, updates them after a second backup.
    let vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("unlock");
    assert_eq!(
        crate::store::migrations::current_version(vault.db.conn()).expect("version"),
        crate::store::migrations::latest_version()
    );
    vault.lock("test").expect("lock");
    assert_eq!(fs::read_dir(super::super::upgrade::folder(paths.data_dir())).expect("folder").count(), 2);
}

/// Opens the encrypted copy kept in `folder` before an update with the recovery key, as someone
/// undoing the update would, and gives its schema version.
fn version_of_encrypted_copy(folder: &std::path::Path, recovery: &x25519::Identity) -> i64 {
    use super::super::upgrade::{COPY_DATABASE, COPY_KEY_FILE};
    let key = unwrap_file(&folder.join(COPY_KEY_FILE), recovery).expect("the copied key file opens");
    let db = Db::open_unmigrated(&folder.join(COPY_DATABASE), &key).expect("the copy opens");
    assert!(db.integrity_check().expect("check"), "every page of the copy checks out");
    let version = crate::store::migrations::current_version(db.conn()).expect("version");
    db.close().expect("close");
    version
}

/// Regression: the backup made before an update was the only safety copy, and records larger
/// than the backup cap made it fail, which stopped the update and so every unlock after the app
/// was updated. Past the cap an encrypted copy of the database and its key file is kept instead.
#[test]
fn records_too_large_for_a_backup_still_unlock_and_update_with_an_encrypted_copy_kept() {
    use super::super::upgrade::{self, SafetyCopyKind};
    let dir = tempfile::tempdir().expect("temp dir");
    let (paths, recovery) = vault_at_schema_10(dir.path());
    let _cap = super::super::backup::cap_for_this_test(16 * 1024);

    let mut vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("the passphrase still unlocks");
    assert!(super::super::backup::records_bytes(vault.db.conn()).expect("size") > 16 * 1024, "past the cap");
    assert_eq!(
        crate::store::migrations::current_version(vault.db.conn()).expect("version"),
        crate::store::migrations::latest_version()
    );
    let notice = upgrade::notice(vault.db.conn()).expect("notice").expect("the admin is told");
    assert_eq!(notice.backup_kind, SafetyCopyKind::EncryptedCopy);
    let kept = std::path::PathBuf::from(&notice.backup_path);
    assert_eq!(kept.parent(), Some(upgrade::folder(paths.data_dir()).as_path()));
    assert_eq!(version_of_encrypted_copy(&kept, &recovery), 10, "the copy holds the records as they were");
    let entries: Vec<_> = fs::read_dir(upgrade::folder(paths.data_dir()))
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries.len(), 1, "only the copy, nothing half-made: {entries:?}");
    let audit_detail: String = vault
        .db
        .conn()
        .query_row("SELECT detail FROM audit WHERE action = 'vault.upgraded'", [], |r| r.get(0))
        .expect("the update is audited");
    assert!(audit_detail.contains("encryptedCopy="), "{audit_detail}");

    // "Back up now" says plainly what to do instead, and writes nothing.
    let usb = tempfile::tempdir().expect("usb");
    let err = super::super::backup::back_up(&mut vault, usb.path(), "test").expect_err("past the cap");
    assert!(matches!(err, super::super::backup::BackupError::TooLargeToWrite), "{err:?}");
    assert_eq!(err.code(), "backup.tooLargeToWrite");
    assert!(err.to_string().contains("copy the whole Safekeeper folder"), "{err}");
    assert!(err.to_string().contains("remove scans, certificates or policy documents"), "{err}");
    assert_eq!(fs::read_dir(usb.path()).expect("usb").count(), 0);
    // The dashboard has been warning.
    let status = super::super::backup::status(vault.db.conn(), chrono::Utc::now()).expect("status");
    assert!(status.near_size_limit);
    assert_eq!(status.size_limit_bytes, 16 * 1024);
    vault.lock("test").expect("lock");
}

#[test]
fn records_too_large_for_a_backup_still_unlock_and_update_with_the_recovery_key() {
    use super::super::upgrade::{self, SafetyCopyKind};
    use age::secrecy::ExposeSecret;
    let dir = tempfile::tempdir().expect("temp dir");
    let (paths, recovery) = vault_at_schema_10(dir.path());
    let _cap = super::super::backup::cap_for_this_test(16 * 1024);

    let vault = UnlockedVault::unlock_with_recovery(&paths, recovery.to_string().expose_secret())
        .expect("the recovery key still unlocks");
    assert_eq!(
        crate::store::migrations::current_version(vault.db.conn()).expect("version"),
        crate::store::migrations::latest_version()
    );
    let notice = upgrade::notice(vault.db.conn()).expect("notice").expect("the admin is told");
    assert_eq!(notice.backup_kind, SafetyCopyKind::EncryptedCopy);
    vault.lock("test").expect("lock");
    assert_eq!(version_of_encrypted_copy(std::path::Path::new(&notice.backup_path), &recovery), 10);
}

#[test]
fn records_under_the_cap_are_backed_up_before_an_update_as_before() {
    use super::super::upgrade::{self, SafetyCopyKind};
    let dir = tempfile::tempdir().expect("temp dir");
    let (paths, _recovery) = vault_at_schema_10(dir.path());
    let vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("unlock");
    let notice = upgrade::notice(vault.db.conn()).expect("notice").expect("the admin is told");
    assert_eq!(notice.backup_kind, SafetyCopyKind::Backup);
    assert!(notice.backup_path.ends_with(".age"));
    let status = super::super::backup::status(vault.db.conn(), chrono::Utc::now()).expect("status");
    assert!(!status.near_size_limit, "a small vault is far from the cap");
    assert_eq!(status.size_limit_bytes, super::super::backup::MAX_BACKUP_BYTES);
    // The size the warning and the early refusal go by is close to what a backup really is.
    let mut vault = vault;
    let estimate = super::super::backup::records_bytes(vault.db.conn()).expect("size");
    let usb = tempfile::tempdir().expect("usb");
    let written = super::super::backup::back_up(&mut vault, usb.path(), "test").expect("backup").bytes;
    assert!(
        written >= estimate * 3 / 4 && written <= estimate + 64 * 1024,
        "estimate {estimate} bytes, backup {written} bytes"
    );
    vault.lock("test").expect("lock");
}
