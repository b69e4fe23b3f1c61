//! Bringing an existing vault's records up to this version's schema, at unlock: a verified backup
//! first, into the records folder, then every migration the records have not had, all in one
//! transaction. A backup that cannot be made stops the upgrade with the records untouched; a
//! migration that fails leaves the records exactly as they were, and the backup is still there.
//! The admin is told once, on the dashboard, that the records were updated and where the backup is.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::backup::{self, BackupError};
use super::{UnlockedVault, VaultError};
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
    /// The verified backup of the records as they were before the update.
    pub backup_path: String,
    /// RFC 3339, UTC.
    pub upgraded_at: String,
}

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
    let target = unused_name(&dir, from_schema, crate::dates::uk_now());
    let report = backup::write_verified(vault, &target, app_version, &mut |_| {})
        .map_err(|e| UpgradeError::BackupFailed(Box::new(e)))?;
    if migrate(vault.db_mut()).is_err() {
        return Err(UpgradeError::MigrationFailed { backup: report.path }.into());
    }
    let notice = UpgradeNotice {
        from_schema,
        to_schema,
        app_version: app_version.to_owned(),
        backup_path: report.path,
        upgraded_at: crate::records::now_utc(),
    };
    let file = Path::new(&notice.backup_path).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let detail = format!("from={from_schema};to={to_schema};version={app_version};backup={file}");
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
