//! Bringing an existing vault's records up to this version's schema, at unlock: a verified backup
//! first, into the records folder, then every migration the records have not had, all in one
//! transaction. Records too large for a backup (see `backup::MAX_BACKUP_BYTES`) are kept safe by
//! a copy of the encrypted database and its key file instead, so the cap can never stop an update
//! and with it every unlock. A safety copy that cannot be made stops the upgrade with the records
//! untouched; a migration that fails leaves the records exactly as they were, and the copy is
//! still there. The admin is told once, on the dashboard, that the records were updated and where
//! the copy is.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::backup::{self, BackupError};
use super::{atomic, UnlockedVault, VaultError};
use crate::store::audit::{self, Actor};
use crate::store::{Db, StoreError};

/// The folder, inside the records folder, that holds the backups made before updates.
pub const FOLDER: &str = "backups before updates";
const NOTICE_KEY: &str = "upgrade_notice";

/// What the dashboard says after an update changed the records, until an admin has read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpgradeNotice {
    /// The records' schema version before the update.
    #[ts(type = "number")]
    pub from_schema: i64,
    /// The records' schema version after the update.
    #[ts(type = "number")]
    pub to_schema: i64,
    /// The version of Safekeeper that made the update.
    pub app_version: String,
    /// The verified backup of the records as they were before the update, or the folder holding
    /// the encrypted copy of them (see `backup_kind`).
    pub backup_path: String,
    /// RFC 3339, UTC.
    pub upgraded_at: String,
    /// What was kept before the update. Notices written before there was a choice were backups.
    #[serde(default)]
    pub backup_kind: SafetyCopyKind,
}

/// What was kept of the records before an update changed them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SafetyCopyKind {
    /// An ordinary verified backup file, as "Back up now" makes.
    #[default]
    Backup,
    /// The records were too large for one backup file, so the encrypted database and its key
    /// file were copied, as they are, into a folder of their own.
    EncryptedCopy,
}

/// The names of the two files in an encrypted copy's folder.
pub const COPY_DATABASE: &str = "safekeeper.db";
/// The key file beside it: the database key, sealed to the admins and the recovery key.
pub const COPY_KEY_FILE: &str = "dek.age";

/// Where the backups made before updates go for the vault in `data_dir`.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

/// Why an update of the records did not happen.
#[derive(Debug, thiserror::Error)]
pub enum UpgradeError {
    /// The backup made before updating could not be written, so nothing was changed.
    #[error("This version of Safekeeper needs to update your records, and first makes a backup of them. The backup could not be made ({0}) so nothing was changed: your records are exactly as they were. Free some space on the disk, then unlock again.")]
    BackupFailed(Box<BackupError>),
    /// The schema update failed and was rolled back; the backup made first is still there.
    #[error("This version of Safekeeper could not update your records, so they were left exactly as they were. A backup of them is in {backup}. Unlock again; if this keeps happening, go back to the version you had before, which still opens them.")]
    MigrationFailed {
        /// The full path of the backup made before the update.
        backup: String,
    },
}

impl crate::error::CodedError for UpgradeError {
    fn code(&self) -> crate::error::ErrorCode {
        match self {
            UpgradeError::BackupFailed(_) => crate::error::ErrorCode::UpgradeBackupFailed,
            UpgradeError::MigrationFailed { .. } => crate::error::ErrorCode::UpgradeFailed,
        }
    }
}

/// Updates the records of a vault just opened, if this version's migrations have not all run on
/// them: backs them up into the records folder and checks the backup, then migrates. Does nothing
/// when the records are up to date.
pub(crate) fn upgrade_if_needed(vault: &mut UnlockedVault) -> Result<(), VaultError> {
    upgrade_with(vault, Db::migrate)
}

/// `upgrade_if_needed`, with the step that migrates given (the tests make it fail).
pub(super) fn upgrade_with(
    vault: &mut UnlockedVault,
    migrate: impl FnOnce(&mut Db) -> Result<(), StoreError>,
) -> Result<(), VaultError> {
    let Some((from_schema, to_schema)) = vault.db().pending_upgrade()? else { return Ok(()) };
    let app_version = env!("CARGO_PKG_VERSION");
    let dir = folder(vault.paths().data_dir());
    std::fs::create_dir_all(&dir).map_err(|e| UpgradeError::BackupFailed(Box::new(BackupError::Write(e))))?;
    let now = crate::dates::uk_now();
    let target = unused_name(&dir, from_schema, now);
    let (kept, backup_kind) = match backup::write_verified(vault, &target, app_version, &mut |_| {}) {
        Ok(report) => (report.path, SafetyCopyKind::Backup),
        // Too large for a backup file: what the update needs in order to be undone is the
        // encrypted database as it is and the key file that opens it, and those can be copied at
        // any size.
        Err(BackupError::TooLargeToWrite) => {
            let copy = encrypted_copy(vault, &dir, from_schema, now)
                .map_err(|e| UpgradeError::BackupFailed(Box::new(BackupError::Write(e))))?;
            eprintln!(
                "safekeeper: the records are too large for a backup file, so an encrypted copy was kept before the update"
            );
            (copy.to_string_lossy().into_owned(), SafetyCopyKind::EncryptedCopy)
        }
        Err(e) => return Err(UpgradeError::BackupFailed(Box::new(e)).into()),
    };
    if migrate(vault.db_mut()).is_err() {
        return Err(UpgradeError::MigrationFailed { backup: kept }.into());
    }
    let notice = UpgradeNotice {
        from_schema,
        to_schema,
        app_version: app_version.to_owned(),
        backup_path: kept,
        upgraded_at: crate::records::now_utc(),
        backup_kind,
    };
    let file = Path::new(&notice.backup_path).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let kind = match backup_kind {
        SafetyCopyKind::Backup => "backup",
        SafetyCopyKind::EncryptedCopy => "encryptedCopy",
    };
    let detail = format!("from={from_schema};to={to_schema};version={app_version};{kind}={file}");
    let json = serde_json::to_string(&notice).expect("a notice serialises");
    let actor = vault.actor().clone();
    let tx = vault.db_mut().conn_mut().transaction().map_err(StoreError::from)?;
    audit::append(
        &tx,
        &actor,
        &audit::Entry { action: "vault.upgraded", subject_kind: "vault", subject_id: "", detail: &detail },
    )?;
    tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", [NOTICE_KEY, &json])
        .map_err(StoreError::from)?;
    tx.commit().map_err(StoreError::from)?;
    Ok(())
}

/// Copies the encrypted database, whole and as it is, and the key file that opens it into a new
/// folder in `dir`, then opens the copy with the vault's key and checks every page. Returns the
/// folder. Nothing in it is plain: the copy opens with an admin's passphrase or the recovery key,
/// as the vault does.
fn encrypted_copy(
    vault: &UnlockedVault,
    dir: &Path,
    from_schema: i64,
    now: crate::dates::UkDateTime,
) -> std::io::Result<PathBuf> {
    let failed = |what: &str| std::io::Error::other(what.to_owned());
    // Everything committed moves from the write-ahead log into the database file, so the file
    // alone holds the records.
    let busy: i64 = vault
        .db()
        .conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
        .map_err(|_| failed("the records could not be written out in full"))?;
    if busy != 0 {
        return Err(failed("the records could not be written out in full"));
    }
    let stem = format!(
        "Safekeeper records {} before update from records version {from_schema} (encrypted copy)",
        now.format("%Y-%m-%d %H%M")
    );
    let folder = (1..)
        .map(|n| dir.join(if n == 1 { stem.clone() } else { format!("{stem} ({n})") }))
        .find(|candidate| !candidate.exists())
        .expect("some name is free");
    let staging = dir.join(format!(".{}.partial", uuid::Uuid::new_v4()));
    std::fs::create_dir(&staging)?;
    let copied = (|| -> std::io::Result<()> {
        for (from, name) in [(vault.paths().database(), COPY_DATABASE), (vault.paths().wrapped_key(), COPY_KEY_FILE)] {
            std::fs::copy(&from, staging.join(name))?;
            // Opened for writing: Windows flushes a file only through a handle that may write.
            std::fs::OpenOptions::new().write(true).open(staging.join(name))?.sync_all()?;
        }
        let db = Db::open_unmigrated(&staging.join(COPY_DATABASE), vault.database_key())
            .map_err(|_| failed("the copy does not open"))?;
        let sound = db.integrity_check().unwrap_or(false)
            && crate::store::migrations::current_version(db.conn()).ok() == Some(from_schema);
        db.close().map_err(|_| failed("the copy does not close"))?;
        if !sound {
            return Err(failed("the copy does not match the records"));
        }
        Ok(())
    })();
    if let Err(e) = copied {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if let Err(e) = atomic::commit(&staging, &folder) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    Ok(folder)
}

/// A name in `folder` no earlier backup has: two updates in one minute keep both backups.
fn unused_name(folder: &Path, from_schema: i64, now: crate::dates::UkDateTime) -> PathBuf {
    let stem =
        format!("Safekeeper backup {} before update from records version {from_schema}", now.format("%Y-%m-%d %H%M"));
    (1..)
        .map(|n| folder.join(if n == 1 { format!("{stem}.age") } else { format!("{stem} ({n}).age") }))
        .find(|candidate| !candidate.exists())
        .expect("some name is free")
}

/// The notice of the last update, until an admin has dismissed it.
pub fn notice(conn: &Connection) -> rusqlite::Result<Option<UpgradeNotice>> {
    let stored: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [NOTICE_KEY], |r| r.get(0)).optional()?;
    Ok(stored.and_then(|json| serde_json::from_str(&json).ok()))
}

/// The admin has read the notice: it is not shown again. The backup stays where it is.
pub fn dismiss_notice(conn: &mut Connection, actor: &Actor) -> Result<(), VaultError> {
    let tx = conn.transaction().map_err(StoreError::from)?;
    if tx.execute("DELETE FROM settings WHERE key = ?1", [NOTICE_KEY]).map_err(StoreError::from)? > 0 {
        audit::append(
            &tx,
            actor,
            &audit::Entry { action: "vault.upgradeNoticeRead", subject_kind: "vault", subject_id: "", detail: "" },
        )?;
    }
    tx.commit().map_err(StoreError::from)?;
    Ok(())
}
