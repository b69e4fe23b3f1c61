//! A vault made on a new computer from a backup and the paper recovery key: how the records
//! survive a lost, stolen or dead laptop. Owns reading a backup with the recovery key and
//! building a fresh vault around its records; does not own restoring over a live vault (see
//! `restore`).
//!
//! The new vault keeps the records, the audit chain (and its key) and the vault's id, and gets a
//! new database key, wrapped to the admin who restores and the recovery key. Every other admin's
//! old key file stayed on the old laptop, so each of them gets a key nobody holds: they set a new
//! passphrase through "Unlock with the recovery key", as after a forgotten passphrase. Nothing
//! else of the old laptop's keys comes along: no signing-station chain (the outbox folder is new)
//! and no backup key (the vault makes a new one at its first backup).

use std::fs;
use std::path::Path;

use age::secrecy::SecretString;
use age::x25519;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::{check_passphrase, get_meta, UnlockedVault};
use crate::store::audit::{self, Actor, Entry};
use crate::store::{DatabaseKey, Db, StoreError};
use crate::vault::admins::{self, AdminSummary};
use crate::vault::backup::{self, BackupError, BackupManifest};
use crate::vault::{atomic, keyfile, VaultError, VaultPaths};

/// What a backup holds, shown on the first-run screen before a vault is made from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupForNewVault {
    /// What the backup says about itself: when and by which version it was made, and its row counts.
    pub manifest: BackupManifest,
    /// The admins in the backup: the person restoring says which of them they are.
    pub admins: Vec<AdminSummary>,
}

/// Reads a backup with the typed recovery key and checks that the key is the one the backup's
/// vault records, not merely one it was sealed to.
fn open_with_recovery_key(file: &Path, key_text: &str) -> Result<(Connection, BackupManifest), BackupError> {
    let identity = keyfile::parse_recovery_key(key_text).ok_or(VaultError::BadRecoveryKey)?;
    let (conn, manifest) = backup::read_file(file, &identity, None)?;
    let recorded = get_meta(&conn, "recovery_recipient")?;
    if recorded.as_deref() != Some(identity.to_public().to_string().as_str()) {
        return Err(BackupError::NotThisVaultsRecords);
    }
    Ok((conn, manifest))
}

fn summaries(conn: &Connection) -> Result<Vec<AdminSummary>, BackupError> {
    Ok(admins::active(conn)?
        .into_iter()
        .map(|a| AdminSummary { id: a.id, name: a.name, created_at: a.created_at, is_current: false })
        .collect())
}

/// What a backup holds and who its admins are. Writes nothing.
pub fn read_backup_for_new_vault(file: &Path, key_text: &str) -> Result<BackupForNewVault, BackupError> {
    let (conn, manifest) = open_with_recovery_key(file, key_text)?;
    Ok(BackupForNewVault { admins: summaries(&conn)?, manifest })
}

impl UnlockedVault {
    /// Makes a vault on this computer from a backup and the recovery key; `admin_id` (one of the
    /// backup's admins) sets `passphrase` and is unlocked. Assembled in the staging folder and
    /// moved into place with one rename, like a new vault.
    pub fn create_from_backup(
        paths: &VaultPaths,
        file: &Path,
        key_text: &str,
        admin_id: &str,
        passphrase: &SecretString,
    ) -> Result<UnlockedVault, BackupError> {
        if paths.vault_dir().exists() {
            return Err(VaultError::AlreadySetUp.into());
        }
        let recovery = keyfile::parse_recovery_key(key_text).ok_or(VaultError::BadRecoveryKey)?;
        let (plain, manifest) = open_with_recovery_key(file, key_text)?;
        let admin = admins::find_active(&plain, admin_id)?.ok_or(VaultError::AdminNotFound)?;
        check_passphrase(passphrase, &[&admin.name])?;

        fs::create_dir_all(paths.data_dir()).map_err(VaultError::from)?;
        let staging = VaultPaths::new(paths.staging_dir());
        if staging.data_dir().exists() {
            fs::remove_dir_all(staging.data_dir()).map_err(VaultError::from)?;
        }
        let identity = x25519::Identity::generate();
        let key = DatabaseKey::generate();
        let actor = Actor::Admin(admin_id.to_owned());
        let built = (|| -> Result<(), BackupError> {
            fs::create_dir_all(staging.admins_dir()).map_err(VaultError::from)?;
            atomic::write_atomic(&staging.admin_file(admin_id), &keyfile::seal_identity(&identity, passphrase))
                .map_err(VaultError::from)?;
            let recipients = [identity.to_public(), recovery.to_public()];
            atomic::write_atomic(&staging.wrapped_key(), &keyfile::wrap_key(&key, &recipients))
                .map_err(VaultError::from)?;
            crate::store::export_plain_into(&plain, &staging.database(), &key, manifest.schema_version)?;
            let mut db = Db::open(&staging.database(), &key)?;
            let tx = db.conn_mut().transaction().map_err(StoreError::from)?;
            tx.execute_batch("DROP TABLE IF EXISTS backup_manifest;")?;
            // The search index is never taken on trust from a file: see `store::rebuild_derived`.
            crate::store::rebuild_derived(&tx)?;
            admins::set_recipient(&tx, admin_id, &identity.to_public().to_string())?;
            for other in admins::active(&tx)?.into_iter().filter(|a| a.id != admin_id) {
                // A key nobody holds: this admin sets a new passphrase with the recovery key.
                admins::set_recipient(&tx, &other.id, &x25519::Identity::generate().to_public().to_string())?;
            }
            tx.execute(
                "DELETE FROM meta WHERE key IN ('outbox_head', 'demo_passphrase', ?1)",
                [backup::BACKUP_KEY_META],
            )?;
            tx.execute("DELETE FROM settings WHERE key = 'last_verified_backup'", [])?;
            let detail = format!("made={};head={}", manifest.created_at, manifest.audit_head);
            audit::append(
                &tx,
                &actor,
                &Entry { action: "vault.restoredFromBackup", subject_kind: "backup", subject_id: "", detail: &detail },
            )?;
            audit::append(
                &tx,
                &actor,
                &Entry {
                    action: "admin.passphraseSet",
                    subject_kind: "admin",
                    subject_id: admin_id,
                    detail: "recovery",
                },
            )?;
            tx.commit().map_err(StoreError::from)?;
            if !db.integrity_check()? || !audit::verify(db.conn())?.verified {
                return Err(BackupError::Damaged);
            }
            db.close()?;
            Ok(())
        })();
        drop(plain);
        if let Err(e) = built {
            let _ = fs::remove_dir_all(staging.data_dir());
            return Err(e);
        }
        atomic::rename(&staging.vault_dir(), &paths.vault_dir()).map_err(VaultError::from)?;
        atomic::sync_dir(paths.data_dir()).map_err(VaultError::from)?;
        let _ = fs::remove_dir_all(staging.data_dir());
        let db = Db::open(&paths.database(), &key)?;
        // The records are new to this laptop: the signing station has nothing to show until the
        // first manifest is published from them.
        let mut vault = UnlockedVault {
            paths: paths.clone(),
            db,
            key,
            identity,
            actor,
            pending_restore: None,
            station_outdated: true,
        };
        vault.record(&Entry {
            action: "session.unlocked",
            subject_kind: "admin",
            subject_id: admin_id,
            detail: "restore",
        })?;
        Ok(vault)
    }
}
