//! Restoring a backup: the backup is decrypted and checked in memory, written as a NEW encrypted
//! file beside the live one, checked again there, and shown to the admin as a summary. Only when
//! the admin says so is it swapped in, and the records from before are kept aside until the admin
//! confirms the restore (or undoes it). The live database is never overwritten in place.
//!
//! ```text
//! vault/restore-pending.db   the backup, re-encrypted with the live database key, not yet in use
//! vault/safekeeper.db        the live records
//! vault/before-restore.db    the records as they were before the last restore, until confirmed
//! ```
//!
//! Every step on disk is a whole-file rename, so a restore killed at any moment leaves
//! `safekeeper.db` as either the old records or the restored ones, never a mix; `settle`, run at
//! every unlock, tidies up after an interrupted one by comparing files (no key needed).
//!
//! Keys and admins are not part of what a backup brings back: the restored records keep today's
//! admins (a removed admin stays removed, an admin added since the backup can still unlock) and
//! today's database key, so nobody's passphrase changes meaning.

use std::fs;
use std::path::Path;

use age::x25519;
use serde::Serialize;
use ts_rs::TS;

use super::backup::{self, BackupError, BackupManifest};
use super::{atomic, UnlockedVault, VaultError, VaultPaths};
use crate::store::audit::{self, Entry};
use crate::store::stop::StopSignal;
use crate::store::{Db, StoreError};
use rusqlite::{Connection, OptionalExtension};

/// Where a backup came from, as far as the vault can prove.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BackupOrigin {
    /// Its MAC checks out under this vault's backup key: made by this vault, unchanged since.
    ThisVault,
    /// No MAC, or one that does not check out: made by an older version, by someone else, or
    /// changed since. Restoring it needs the paper recovery key.
    Unverified,
}

/// What the admin sees before deciding to replace the live records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestorePreview {
    /// The backup file's name (not its folder).
    pub file_name: String,
    /// Whether the backup can be proven to be this vault's own, unchanged.
    pub origin: BackupOrigin,
    /// What the backup says about itself: when and by which version it was made, and its row counts.
    pub manifest: BackupManifest,
    /// (table, rows) in the live records now, in the order of `backup::COUNTED`.
    #[ts(type = "Array<[string, number]>")]
    pub current_counts: Vec<(String, i64)>,
}

/// A restore that has been swapped in and is waiting for the admin to keep it or undo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreAwaiting {
    /// When the restored backup was made (RFC 3339, UTC), when the restored records say so.
    pub backup_created_at: Option<String>,
}

fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn remove_with_journal(path: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        remove_if_present(
            &path.with_file_name(format!("{}{suffix}", path.file_name().and_then(|n| n.to_str()).unwrap_or_default())),
        )?;
    }
    Ok(())
}

fn same_bytes(a: &Path, b: &Path) -> std::io::Result<bool> {
    if fs::metadata(a)?.len() != fs::metadata(b)?.len() {
        return Ok(false);
    }
    Ok(fs::read(a)? == fs::read(b)?)
}

/// Tidies up after a restore that was interrupted, before the database is opened. A pending file
/// was never swapped in and is dropped (it is encrypted, and the backup it came from still
/// exists). A kept-aside file identical to the live one means the swap never happened.
pub fn settle(paths: &VaultPaths) -> Result<(), VaultError> {
    remove_with_journal(&paths.restore_pending())?;
    let aside = paths.before_restore();
    if aside.is_file() && same_bytes(&aside, &paths.database())? {
        fs::remove_file(&aside)?;
        atomic::sync_dir(&paths.vault_dir())?;
    }
    Ok(())
}

/// Whether a restore is waiting to be kept or undone.
pub fn awaiting(vault: &UnlockedVault) -> Result<Option<RestoreAwaiting>, VaultError> {
    if !vault.paths().before_restore().is_file() {
        return Ok(None);
    }
    let created: Option<String> = vault
        .db()
        .conn()
        .query_row("SELECT detail FROM audit WHERE action = 'backup.restored' ORDER BY id DESC LIMIT 1", [], |r| {
            r.get::<_, String>(0)
        })
        .ok()
        .and_then(|d| d.split(';').find_map(|p| p.strip_prefix("made=").map(str::to_owned)));
    Ok(Some(RestoreAwaiting { backup_created_at: created }))
}

/// Reads and checks a backup file and writes it, re-encrypted with the live key, as the pending
/// restore. The live records are not touched. A second call replaces the first's pending file.
pub fn prepare(vault: &mut UnlockedVault, backup_file: &Path) -> Result<RestorePreview, BackupError> {
    let (vault_id, identity) = reading_keys(vault)?;
    let read = read_backup(backup_file, &identity, &vault_id, &StopSignal::never())?;
    prepare_read(vault, backup_file, read)
}

/// What reading a backup for this vault needs from it (its id and its key), so the slow part of
/// `prepare`, `read_backup`, can run without holding the vault. Refuses while a restore waits.
pub fn reading_keys(vault: &UnlockedVault) -> Result<(String, x25519::Identity), BackupError> {
    if vault.paths().before_restore().is_file() {
        return Err(BackupError::RestoreAwaiting);
    }
    Ok((vault.vault_id()?, vault.outbox_identity().clone()))
}

/// A backup file read, decrypted and checked in memory, for `prepare_read`.
pub struct ReadBackup {
    plain: Connection,
    manifest: BackupManifest,
}

/// The first, slow half of `prepare`: reads, decrypts and checks the backup file in memory. Needs
/// no vault; a stop request seen after reading ends it with `BackupError::ReadingStopped`.
pub fn read_backup(
    backup_file: &Path,
    identity: &x25519::Identity,
    vault_id: &str,
    stop: &StopSignal,
) -> Result<ReadBackup, BackupError> {
    if stop.is_raised() {
        return Err(BackupError::ReadingStopped);
    }
    let (plain, manifest) = backup::read_file(backup_file, identity, Some(vault_id))?;
    if stop.is_raised() {
        return Err(BackupError::ReadingStopped);
    }
    Ok(ReadBackup { plain, manifest })
}

/// The second half of `prepare`: writes the backup read by `read_backup` as the restore waiting
/// to be committed, and says what it holds.
pub fn prepare_read(
    vault: &mut UnlockedVault,
    backup_file: &Path,
    read: ReadBackup,
) -> Result<RestorePreview, BackupError> {
    if vault.paths().before_restore().is_file() {
        return Err(BackupError::RestoreAwaiting);
    }
    let ReadBackup { plain, manifest } = read;
    let origin =
        if backup::made_by_this_vault(&plain, backup::backup_key(vault.db().conn())?.as_deref().map(|k| k.as_slice()))?
        {
            BackupOrigin::ThisVault
        } else {
            BackupOrigin::Unverified
        };
    vault.pending_restore = None;
    let pending = vault.paths().restore_pending();
    remove_with_journal(&pending).map_err(BackupError::Write)?;

    let written = (|| -> Result<(), BackupError> {
        crate::store::export_plain_into(&plain, &pending, vault.database_key(), manifest.schema_version)?;
        drop(plain);
        let mut restored = Db::open(&pending, vault.database_key())?;
        // Counts and chain first, exactly as the backup holds them (opening may have brought an
        // older backup's tables up to date, which can add rows to them).
        let migrated = manifest.schema_version != crate::store::migrations::latest_version();
        check_against_manifest(&restored, &manifest, !migrated)?;
        adopt_live_keys(vault, &mut restored, &manifest, origin)?;
        let status = audit::verify(restored.conn())?;
        if !status.verified || !restored.integrity_check()? {
            return Err(BackupError::Damaged);
        }
        restored.close()?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = remove_with_journal(&pending);
        return Err(e);
    }
    let file_name = backup_file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let current_counts = backup::counts(vault.db().conn(), "main")?;
    vault.pending_restore = Some(origin);
    Ok(RestorePreview { file_name, origin, manifest, current_counts })
}

fn check_against_manifest(restored: &Db, manifest: &BackupManifest, counts: bool) -> Result<(), BackupError> {
    if !restored.integrity_check()? {
        return Err(BackupError::Damaged);
    }
    for (table, rows) in manifest.counts.iter().filter(|_| counts) {
        if backup::count(restored.conn(), "main", table)? != *rows {
            return Err(BackupError::Damaged);
        }
    }
    let status = audit::verify(restored.conn())?;
    if !status.verified {
        return Err(BackupError::AuditBroken { row: status.first_bad_row.unwrap_or(0) });
    }
    if audit::verify(restored.conn())?.head != manifest.audit_head {
        return Err(BackupError::AuditBroken { row: status.rows });
    }
    Ok(())
}

/// The rows of `meta` that belong to the records rather than to the vault: the audit chain's
/// head. Every other row there (the vault's id, the recovery recipient, the audit and backup
/// keys, the signing station's chain head, ...) is key or identity material.
const RECORD_META: &[&str] = &["audit_head_id", "audit_head_mac"];

/// Writes the live vault's key and identity material over `target`: every admin row (removed
/// ones too), every `meta` row but the audit head, and when the last backup was verified.
/// Nothing of that kind is ever taken from a restored file. The target's audit chain must be
/// this vault's (same audit key), or its records are not this vault's and are refused.
pub(crate) fn carry_over_keys(live: &Connection, target: &Connection) -> Result<(), BackupError> {
    let key_of = |c: &Connection| -> Result<Option<String>, BackupError> {
        Ok(c.query_row("SELECT value FROM meta WHERE key = 'audit_key'", [], |r| r.get(0)).optional()?)
    };
    if key_of(live)? != key_of(target)? {
        return Err(BackupError::NotThisVaultsRecords);
    }
    let mut stmt = live.prepare("SELECT id, name, recipient, created_at, removed_at FROM admins")?;
    let admins: Vec<(String, String, String, String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<Result<_, _>>()?;
    drop(stmt);
    let keep = RECORD_META.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(", ");
    let mut stmt = live.prepare(&format!("SELECT key, value FROM meta WHERE key NOT IN ({keep})"))?;
    let meta: Vec<(String, String)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    drop(stmt);
    let last_backup: Option<String> =
        live.query_row("SELECT value FROM settings WHERE key = 'last_verified_backup'", [], |r| r.get(0)).optional()?;

    target.execute("DELETE FROM admins", [])?;
    for (id, name, recipient, created_at, removed_at) in &admins {
        target.execute(
            "INSERT INTO admins (id, name, recipient, created_at, removed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![id, name, recipient, created_at, removed_at],
        )?;
    }
    target.execute(&format!("DELETE FROM meta WHERE key NOT IN ({keep})"), [])?;
    for (key, value) in &meta {
        target.execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", [key, value])?;
    }
    match last_backup {
        Some(last) => target
            .execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('last_verified_backup', ?1)", [last])?,
        None => target.execute("DELETE FROM settings WHERE key = 'last_verified_backup'", [])?,
    };
    // What this vault published for the signing station (recipients, token salts) and why it
    // kept files in outbox/problems describe the laptop as it is now, not the backup.
    for table in LIVE_TABLES {
        carry_over_table(live, target, table)?;
    }
    Ok(())
}

/// Tables that belong to the laptop's present state, always taken from the live vault.
const LIVE_TABLES: [&str; 2] = ["kiosk_manifests", "outbox_problems"];

fn carry_over_table(live: &Connection, target: &Connection, table: &str) -> Result<(), BackupError> {
    let exists = |c: &Connection| -> Result<bool, BackupError> {
        Ok(c.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", [table], |r| {
            r.get::<_, i64>(0)
        })? > 0)
    };
    if !exists(target)? {
        return Ok(());
    }
    target.execute(&format!("DELETE FROM {table}"), [])?;
    if !exists(live)? {
        return Ok(());
    }
    let mut stmt = live.prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))?;
    let columns = stmt.column_count();
    let placeholders = (1..=columns).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
    let insert = format!("INSERT INTO {table} VALUES ({placeholders})");
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let values: Vec<rusqlite::types::Value> = (0..columns).map(|i| row.get(i)).collect::<Result<_, _>>()?;
        target.execute(&insert, rusqlite::params_from_iter(values))?;
    }
    Ok(())
}

/// Gives the restored records today's keys, admins and backup history, drops the manifest
/// table, works the search index out again from the restored records (it is never taken on
/// trust), and records the restore at the end of the restored chain.
fn adopt_live_keys(
    vault: &UnlockedVault,
    restored: &mut Db,
    manifest: &BackupManifest,
    origin: BackupOrigin,
) -> Result<(), BackupError> {
    let live = vault.db().conn();
    let live_head = audit::verify(live)?.head;
    let tx = restored.conn_mut().transaction().map_err(StoreError::from)?;
    tx.execute_batch("DROP TABLE IF EXISTS backup_manifest;")?;
    carry_over_keys(live, &tx)?;
    crate::store::rebuild_derived(&tx)?;
    let from = match origin {
        BackupOrigin::ThisVault => "thisVault",
        BackupOrigin::Unverified => "recoveryKey",
    };
    let detail = format!("made={};head={};before={live_head};origin={from}", manifest.created_at, manifest.audit_head);
    audit::append(
        &tx,
        vault.actor(),
        &Entry { action: "backup.restored", subject_kind: "backup", subject_id: "", detail: &detail },
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(())
}

/// Swaps the pending restore in (see `commit`) and says what is now waiting for the admin to keep
/// or undo.
pub fn replace_records(vault: &mut UnlockedVault, recovery_key: Option<&str>) -> Result<RestoreAwaiting, BackupError> {
    commit(vault, recovery_key)?;
    awaiting(vault)?.ok_or(BackupError::RestoreUnfinished)
}

/// Swaps the pending restore in. A backup this vault cannot vouch for needs the paper recovery
/// key (`recovery_key`, as typed). The live file is first kept aside (a hard link where the disk
/// allows, a copy otherwise), then the pending file is renamed over it in one step.
pub fn commit(vault: &mut UnlockedVault, recovery_key: Option<&str>) -> Result<(), BackupError> {
    let paths = vault.paths().clone();
    let pending = paths.restore_pending();
    let Some(origin) = vault.pending_restore.filter(|_| pending.is_file()) else {
        return Err(BackupError::NothingPending);
    };
    if paths.before_restore().is_file() {
        return Err(BackupError::RestoreAwaiting);
    }
    if origin == BackupOrigin::Unverified {
        vault.check_recovery_key(recovery_key.ok_or(BackupError::RecoveryKeyNeeded)?)?;
    }
    vault
        .replace_database(|| {
            let live = paths.database();
            let aside = paths.before_restore();
            if fs::hard_link(&live, &aside).is_err() {
                let bytes = fs::read(&live)?;
                atomic::write_atomic(&aside, &bytes)?;
            }
            atomic::sync_dir(&paths.vault_dir())?;
            atomic::commit(&pending, &live)
        })
        .map_err(BackupError::from)?;
    vault.pending_restore = None;
    // The restored records list other AUPs and people.
    vault.note_station_changed();
    Ok(())
}

/// Keeps the restored records: the records from before the restore are deleted.
pub fn confirm(vault: &mut UnlockedVault) -> Result<(), BackupError> {
    let aside = vault.paths().before_restore();
    if !aside.is_file() {
        return Err(BackupError::NothingPending);
    }
    remove_with_journal(&aside).map_err(BackupError::Write)?;
    atomic::sync_dir(&vault.paths().vault_dir()).map_err(BackupError::Write)?;
    vault.record(&Entry { action: "backup.restoreKept", subject_kind: "backup", subject_id: "", detail: "" })?;
    Ok(())
}

/// Undoes the restore: the records from before it come back, exactly as they were.
pub fn undo(vault: &mut UnlockedVault) -> Result<(), BackupError> {
    let paths = vault.paths().clone();
    let aside = paths.before_restore();
    if !aside.is_file() {
        return Err(BackupError::NothingPending);
    }
    // Admins added and passphrases set while the restore waited are today's keys: the records
    // put back take them, so nobody who can unlock now is locked out after the undo. The copy
    // must open with today's key (key changes are refused while a restore waits).
    let mut before = match Db::open(&aside, vault.database_key()) {
        Ok(db) => db,
        Err(StoreError::KeyRejected) => return Err(VaultError::KeptAsideUnreadable.into()),
        Err(e) => return Err(e.into()),
    };
    {
        let tx = before.conn_mut().transaction().map_err(StoreError::from)?;
        carry_over_keys(vault.db().conn(), &tx)?;
        tx.commit().map_err(StoreError::from)?;
    }
    before.close()?;
    vault.replace_database(|| atomic::commit(&aside, &paths.database())).map_err(BackupError::from)?;
    vault.record(&Entry { action: "backup.restoreUndone", subject_kind: "backup", subject_id: "", detail: "" })?;
    vault.note_station_changed();
    Ok(())
}

/// Drops a pending restore the admin decided against.
pub fn cancel(vault: &mut UnlockedVault) -> Result<(), BackupError> {
    vault.pending_restore = None;
    remove_with_journal(&vault.paths().restore_pending()).map_err(BackupError::Write)
}
