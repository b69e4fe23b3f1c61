//! Hand-made hostile backups: each starts as a real backup, is decrypted, changed with SQL and
//! sealed again to the vault's own recipients (which anyone can read from the signing station's
//! manifest). A restore must refuse every schema change, must never take key or identity
//! material from the file, and must ask for the paper recovery key before restoring any backup
//! the vault cannot vouch for.

mod common;

use std::io::Write;
use std::path::PathBuf;

use common::{add_people, new_vault, pass, TestVault, PASSPHRASE};
use safekeeper::error::CodedError;
use safekeeper::vault::backup::{self, BackupError};
use safekeeper::vault::restore::{self, BackupOrigin};
use safekeeper::vault::{UnlockedVault, VaultError};

struct Hostile {
    tv: TestVault,
    usb: tempfile::TempDir,
    genuine: PathBuf,
}

/// A vault with records and one genuine backup of them.
fn vault_with_backup() -> (Hostile, UnlockedVault) {
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    add_people(&mut vault, &["Asha Patel", "Ben Jones"]);
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    (Hostile { tv, usb, genuine: report.path.into() }, vault)
}

/// The genuine backup, changed by `sql` and sealed again to the vault's recipients.
fn tampered(h: &Hostile, vault: &UnlockedVault, name: &str, sql: &str) -> PathBuf {
    let identity = vault.outbox_identity().clone();
    let plain = backup::decrypt(&std::fs::read(&h.genuine).expect("backup"), &identity).expect("decrypt");
    let mut conn = rusqlite::Connection::open_in_memory().expect("memory");
    conn.deserialize_read_exact("main", plain.as_slice(), plain.len(), false).expect("load");
    conn.execute_batch(sql).expect("tamper");
    let changed = conn.serialize("main").expect("bytes").to_vec();
    let recipients: Vec<age::x25519::Recipient> = [identity.to_public(), h.tv.recovery.to_public()].into();
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient)).expect("recipients");
    let mut sealed = Vec::new();
    let mut writer = encryptor.wrap_output(&mut sealed).expect("wrap");
    writer.write_all(&changed).expect("write");
    writer.finish().expect("finish");
    let path = h.usb.path().join(format!("{name}.age"));
    std::fs::write(&path, sealed).expect("hostile file");
    path
}

fn people(vault: &UnlockedVault) -> i64 {
    vault.db().conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).expect("count")
}

fn refused_as_schema_change(sql: &str) {
    let (h, mut vault) = vault_with_backup();
    let file = tampered(&h, &vault, "hostile", sql);
    let err = restore::prepare(&mut vault, &file).expect_err("refused");
    assert!(matches!(err, BackupError::SchemaNotOurs), "{err:?}");
    assert_eq!(err.code(), "backup.schemaChanged");
    assert!(err.to_string().contains("Nothing has been changed"));
    assert!(!h.tv.paths.restore_pending().exists(), "no pending file is left");
    assert_eq!(people(&vault), 2);
}

#[test]
fn a_backup_with_an_extra_trigger_that_deletes_concerns_is_refused() {
    refused_as_schema_change("CREATE TRIGGER wipe_concerns AFTER INSERT ON audit BEGIN DELETE FROM incidents; END;");
}

#[test]
fn a_backup_with_a_view_shadowing_a_table_is_refused() {
    refused_as_schema_change(
        "CREATE TABLE people_kept AS SELECT * FROM people;
         DROP TABLE person_parents; DROP TABLE people;
         CREATE VIEW people AS SELECT * FROM people_kept;",
    );
}

#[test]
fn a_backup_with_an_extra_index_or_a_changed_trigger_is_refused() {
    refused_as_schema_change("CREATE INDEX people_extra ON people (full_name);");
    refused_as_schema_change("DROP TRIGGER incident_entries_are_never_deleted;");
}

#[test]
fn an_extra_admin_and_a_changed_recovery_recipient_are_not_taken_from_a_backup() {
    let (h, mut vault) = vault_with_backup();
    let intruder = age::x25519::Identity::generate().to_public().to_string();
    let planted_recovery = age::x25519::Identity::generate().to_public().to_string();
    let live_admins: Vec<(String, String)> = {
        let mut stmt = vault.db().conn().prepare("SELECT id, recipient FROM admins ORDER BY id").expect("admins");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("q").collect::<Result<_, _>>().expect("rows")
    };
    let live_meta: Vec<(String, String)> = {
        let mut stmt = vault
            .db()
            .conn()
            .prepare("SELECT key, value FROM meta WHERE key NOT LIKE 'audit_head%' ORDER BY key")
            .expect("meta");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("q").collect::<Result<_, _>>().expect("rows")
    };
    let file = tampered(
        &h,
        &vault,
        "planted keys",
        &format!(
            "INSERT INTO admins (id, name, recipient, created_at) VALUES ('intruder', 'Eve Mallory', '{intruder}', '2026-01-01T00:00:00Z');
             UPDATE meta SET value = '{planted_recovery}' WHERE key = 'recovery_recipient';
             INSERT OR REPLACE INTO meta (key, value) VALUES ('outbox_head', '{{\"seq\":999,\"hash\":\"00\"}}');
             INSERT OR REPLACE INTO meta (key, value) VALUES ('backup_mac_key', '{}');",
            "ab".repeat(32)
        ),
    );
    let preview = restore::prepare(&mut vault, &file).expect("the schema is ours, so it reads");
    assert_eq!(preview.origin, BackupOrigin::Unverified, "a changed backup is not this vault's");
    let err = restore::commit(&mut vault, None).expect_err("needs the recovery key");
    assert!(matches!(err, BackupError::RecoveryKeyNeeded), "{err:?}");
    restore::commit(&mut vault, Some(&h.tv.recovery_text())).expect("commit with the recovery key");
    assert_eq!(people(&vault), 2);

    let admins: Vec<(String, String)> = {
        let mut stmt = vault.db().conn().prepare("SELECT id, recipient FROM admins ORDER BY id").expect("admins");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("q").collect::<Result<_, _>>().expect("rows")
    };
    assert_eq!(admins, live_admins, "the admins are today's, not the file's");
    let meta: Vec<(String, String)> = {
        let mut stmt = vault
            .db()
            .conn()
            .prepare("SELECT key, value FROM meta WHERE key NOT LIKE 'audit_head%' ORDER BY key")
            .expect("meta");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("q").collect::<Result<_, _>>().expect("rows")
    };
    assert_eq!(meta, live_meta, "the vault's keys and ids are today's, not the file's");
    let station = std::fs::read_to_string(h.tv.paths.manifest()).expect("kiosk manifest");
    assert!(!station.contains(&intruder) && !station.contains(&planted_recovery), "no planted recipient is published");
    vault.lock("test").expect("lock");
    UnlockedVault::unlock_with_recovery(&h.tv.paths, &h.tv.recovery_text()).expect("the real recovery key opens");
}

#[test]
fn a_backup_made_by_this_vault_restores_without_the_recovery_key() {
    let (h, mut vault) = vault_with_backup();
    let preview = restore::prepare(&mut vault, &h.genuine).expect("prepare");
    assert_eq!(preview.origin, BackupOrigin::ThisVault);
    restore::commit(&mut vault, None).expect("no key needed");
    assert_eq!(people(&vault), 2);
}

#[test]
fn a_changed_backup_needs_this_vaults_recovery_key_and_nothing_else() {
    let (h, mut vault) = vault_with_backup();
    let file = tampered(&h, &vault, "changed", "UPDATE people SET full_name = 'Someone Else' WHERE rowid = 1;");
    let preview = restore::prepare(&mut vault, &file).expect("prepare");
    assert_eq!(preview.origin, BackupOrigin::Unverified);
    let other = age::x25519::Identity::generate();
    use age::secrecy::ExposeSecret;
    let err = restore::commit(&mut vault, Some(other.to_string().expose_secret())).expect_err("another key");
    assert!(matches!(err, BackupError::Vault(VaultError::RecoveryKeyNotForThisVault)), "{err:?}");
    let err = restore::commit(&mut vault, Some("not a key")).expect_err("not a key");
    assert!(matches!(err, BackupError::Vault(VaultError::BadRecoveryKey)), "{err:?}");
    assert!(!h.tv.paths.before_restore().exists(), "nothing was swapped in");
    let names: i64 = vault
        .db()
        .conn()
        .query_row("SELECT count(*) FROM people WHERE full_name = 'Someone Else'", [], |r| r.get(0))
        .expect("count");
    assert_eq!(names, 0);
    // A backup from before backups were authenticated (no MAC at all) is treated the same way.
    let unsigned = tampered(&h, &vault, "unsigned", "DELETE FROM backup_manifest WHERE key = 'mac';");
    assert_eq!(restore::prepare(&mut vault, &unsigned).expect("prepare").origin, BackupOrigin::Unverified);
    restore::commit(&mut vault, Some(&h.tv.recovery_text())).expect("the recovery key lets it through");
}

#[test]
fn a_backup_does_not_carry_the_key_that_vouches_for_backups() {
    let (h, vault) = vault_with_backup();
    let plain = backup::decrypt(&std::fs::read(&h.genuine).expect("backup"), vault.outbox_identity()).expect("decrypt");
    let mut conn = rusqlite::Connection::open_in_memory().expect("memory");
    conn.deserialize_read_exact("main", plain.as_slice(), plain.len(), true).expect("load");
    let keys: i64 =
        conn.query_row("SELECT count(*) FROM meta WHERE key = 'backup_mac_key'", [], |r| r.get(0)).expect("meta");
    assert_eq!(keys, 0);
    let mac: String =
        conn.query_row("SELECT value FROM backup_manifest WHERE key = 'mac'", [], |r| r.get(0)).expect("mac row");
    assert_eq!(mac.len(), 64);
}
