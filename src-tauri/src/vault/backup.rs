//! Verified encrypted backups: a plain copy of the database made in memory (never on disk),
//! with a manifest table written into the copy (date, app version, schema, row counts, audit
//! chain head), age-encrypted to the admins and the recovery key, written where the admin chose
//! (temp file, fsync, rename), then read back from disk and decrypted in full, opened and checked
//! before anyone is told "Backup verified". Also reading a backup file for a restore, with a plain
//! message for each way a file can be wrong, and a refusal for any backup whose schema is not
//! exactly what Safekeeper's migrations make. Each backup carries a MAC under a key only this
//! vault holds (see `mac`), so a restore can tell this vault's backups from any other file
//! sealed to its (public) recipients. The exit path needs no Safekeeper:
//! `age -d -i key.txt -o db.sqlite backup.age && sqlite3 db.sqlite`.
//!
//! Does not swap a restored database in (the restore flow does that once the admin has seen the
//! summary) and does not decide where backups go.

use std::io::{Read, Write};
use std::iter;
use std::path::Path;

use age::x25519;
use age::DecryptError;
use hmac::Mac;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use sha2::Digest;
use ts_rs::TS;
use zeroize::Zeroizing;

mod mac;

pub use mac::made_by_this_vault;
pub(crate) use mac::{backup_key, BACKUP_KEY_META};
use mac::{content_mac, ensure_backup_key};

use super::{atomic, UnlockedVault, VaultError};
use crate::store::stop::StopSignal;
use crate::store::{audit, migrations};

/// Backups larger than this are neither written nor read (a planted file of many gigabytes must
/// not stop a restore screen or fill the memory). Why 1 GiB:
///
/// - What fits. The largest organisation Safekeeper is for (DOMAIN.md: up to 60 staff and
///   volunteers; the benchmark's synthetic large organisation has 2,000 people, 5,000 AUP
///   signatures and 3,000 incidents, about 10 MB of records) keeps files inside its records:
///   scanned paper forms, training certificates and incident evidence (5 MB each at most) and
///   policy documents (10 MB each). At the sizes such files usually are (a page scanned at
///   150 dpi or a certificate PDF, about 300 KB; a policy or evidence file, about 1 MB), a scan
///   for one in five of the 5,000 signatures (300 MB), ten certificates for each of 60 staff
///   (180 MB), a file for one in ten of the 3,000 incidents (300 MB) and five versions of twenty
///   policies (100 MB) come to about 900 MB: under 1 GiB, where 512 MiB was not.
/// - What a laptop can check. A backup is made and checked in memory: at its peak it holds the
///   file read back, its decrypted copy and the database opened from that, about three times the
///   file, so 3 GB at the cap, which the usual 8 GB charity laptop holds.
/// - What does not fit. At the per-file maxima no cap a laptop can check holds everything (5,000
///   scans of 5 MB are 25 GB). So the dashboard warns from `NEAR_LIMIT_PERCENT` of the cap on (see
///   `records::backup_reminder`), "Back up now" past it says what to do instead, and the safety
///   copy made before an update never depends on it (see `upgrade`).
pub const MAX_BACKUP_BYTES: u64 = 1024 * 1024 * 1024;

#[cfg(test)]
thread_local! {
    /// A smaller cap for the tests on this thread, so a test vault of a few hundred kilobytes can
    /// stand for one past the real cap.
    static TEST_CAP: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// Makes `cap` the largest backup on this thread until the returned guard is dropped.
#[cfg(test)]
pub(crate) fn cap_for_this_test(cap: u64) -> impl Drop {
    struct Restore;
    impl Drop for Restore {
        fn drop(&mut self) {
            TEST_CAP.with(|c| c.set(None));
        }
    }
    TEST_CAP.with(|c| c.set(Some(cap)));
    Restore
}

/// The largest backup that may be written or read: `MAX_BACKUP_BYTES`, except in tests.
pub fn cap() -> u64 {
    #[cfg(test)]
    if let Some(cap) = TEST_CAP.with(|c| c.get()) {
        return cap;
    }
    MAX_BACKUP_BYTES
}

pub use crate::records::backup_reminder::records_bytes;

/// The record tables a manifest counts, with the words a summary uses for them.
pub const COUNTED: &[(&str, &str)] = &[
    ("people", "people"),
    ("signatures", "AUP signatures"),
    ("image_consents", "image consents"),
    ("publications", "publications"),
    ("training_records", "training records"),
    ("incidents", "incidents"),
    ("incident_entries", "incident entries"),
    ("policies", "policies"),
    ("policy_versions", "policy reviews"),
    ("audit", "audit entries"),
];

/// What a backup says about itself. Written into the copy as the `backup_manifest` table, so it
/// travels inside the encrypted file and is readable with `sqlite3` after decryption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupManifest {
    /// The vault's id (a UUID, from the `meta` table), so a restore can tell whose records these are.
    pub vault_id: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// The version of Safekeeper that made the backup, such as `0.1.0`.
    pub app_version: String,
    /// The database schema version (SQLite `user_version`) of the copy.
    #[ts(type = "number")]
    pub schema_version: i64,
    /// (table, rows), in the order of `COUNTED`.
    #[ts(type = "Array<[string, number]>")]
    pub counts: Vec<(String, i64)>,
    /// Hex of the newest audit MAC when the copy was made.
    pub audit_head: String,
}

/// A backup written and verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupReport {
    /// The full path of the backup file written.
    pub path: String,
    /// The size of the encrypted file, in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// What the backup says about itself, as written inside it.
    pub manifest: BackupManifest,
}

/// Why making, reading or restoring a backup failed. Every message says whether anything changed.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "That file is empty, so it is not a backup. Choose the .age file Safekeeper wrote. Nothing has been changed."
    )]
    /// The file chosen is empty.
    Empty,
    /// The file chosen is larger than any backup may be, so it was not opened.
    #[error("That file is far larger than any Safekeeper backup, so it was not opened. Choose the .age file Safekeeper wrote. Nothing has been changed.")]
    TooLarge,
    /// The file chosen is not age-encrypted.
    #[error("That file is not a Safekeeper backup (it is not an age-encrypted file). Choose the .age file Safekeeper wrote. Nothing has been changed.")]
    NotAge,
    /// The file is encrypted for this vault but is not a backup (such as a signing-station submission).
    #[error("That file is encrypted for this vault but is not a backup (it may be a signing-station submission or another Safekeeper file). Choose the file whose name starts \u{201c}Safekeeper backup\u{201d}. Nothing has been changed.")]
    WrongKind,
    /// The encrypted backup would exceed the largest backup allowed (1 GB), so nothing was written.
    #[error("Your records, with their scans, certificates and documents, have grown larger than one backup file may be (1 GB), so no backup was written. Your records are unchanged. To keep a copy today, close Safekeeper and copy the whole Safekeeper folder (Settings, About Safekeeper shows where it is; everything in it stays encrypted) to a USB stick. Then remove scans, certificates or policy documents you no longer need, and try again.")]
    TooLargeToWrite,
    /// No key of this admin opens the backup.
    #[error("That backup was made for a different organisation's Safekeeper, or before you became an admin, so your key cannot open it. If it is this organisation's, unlock with the recovery key and restore it from there. Nothing has been changed.")]
    NotForThisVault,
    /// The backup decrypts but is cut short or changed, or is not a readable database.
    #[error("That backup is damaged or incomplete (it may have been cut short or changed after it was written), so it cannot be used. Try another backup. Nothing has been changed.")]
    Damaged,
    /// The backup's schema is newer than this version knows.
    #[error("That backup was made by a newer version of Safekeeper (records version {found}; this version knows {known}). Install the newer version to restore it. Nothing has been changed.")]
    TooNew {
        /// The schema version the backup holds.
        found: i64,
        /// The newest schema version this build knows.
        known: i64,
    },
    /// The audit chain inside the backup does not verify, or does not end at the head its manifest
    /// names.
    #[error("That backup's audit trail does not check out (entry {row}), so it may have been tampered with. Try another backup. Nothing has been changed.")]
    AuditBroken {
        /// The audit entry (row id) where the chain first fails; the last entry when the chain ends
        /// somewhere other than the head the manifest names.
        row: i64,
    },
    /// Writing or reading back the backup file failed.
    #[error("The backup could not be written to that folder ({0}). Check the USB stick is still in and has space, then try again. Your records are unchanged.")]
    Write(std::io::Error),
    /// The file read back from disk did not match what was written.
    #[error("The backup was written but reading it back did not match, so it cannot be trusted. Try again, or use another USB stick. Your records are unchanged.")]
    NotVerified,
    #[error(
        "A restore is waiting for you to keep it or undo it. Finish that first (Settings, Backups), then try again."
    )]
    /// A restore is already waiting to be kept or undone.
    RestoreAwaiting,
    /// The backup's tables, indexes or triggers are not the ones Safekeeper makes.
    #[error("That backup's records are not laid out the way Safekeeper makes them: something in them was added or changed by hand, so it will not be restored. Try another backup. Nothing has been changed.")]
    SchemaNotOurs,
    /// The backup was not made by this vault (or was changed since), so the recovery key must confirm
    /// the restore.
    #[error("This backup was not made by this vault, or it has been changed since it was made. To restore it anyway, enter the paper recovery key from the Emergency Kit. Nothing has been changed.")]
    RecoveryKeyNeeded,
    /// The backup holds another vault's records (its vault id differs).
    #[error("That backup holds another Safekeeper vault's records, so it cannot be restored here. Nothing has been changed.")]
    NotThisVaultsRecords,
    /// Keep or undo was asked for, but no restore is waiting.
    #[error("There is no restore waiting. Choose a backup file to restore first.")]
    NothingPending,
    /// The backup reminder interval is outside 1 to 90 days.
    #[error("Choose a whole number of days from 1 to 90.")]
    BadReminderDays,
    /// The records were swapped in but the vault cannot tell that a restore is waiting.
    #[error("The restore did not finish. Lock and unlock Safekeeper, then look at Settings.")]
    RestoreUnfinished,
    /// Safekeeper locked while the backup ran; it stopped and left no file.
    #[error("The backup stopped because Safekeeper locked. Nothing was saved. Unlock and start it again.")]
    Stopped,
    /// Safekeeper locked while a backup was being read for a restore; nothing was changed.
    #[error("Reading the backup stopped because Safekeeper locked. Nothing has been changed. Unlock and choose the file again.")]
    ReadingStopped,
    /// A vault operation the backup needed failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl crate::error::CodedError for BackupError {
    fn code(&self) -> crate::error::ErrorCode {
        match self {
            BackupError::Empty => crate::error::ErrorCode::BackupEmpty,
            BackupError::TooLarge => crate::error::ErrorCode::BackupTooLarge,
            BackupError::NotAge => crate::error::ErrorCode::BackupNotAge,
            BackupError::WrongKind => crate::error::ErrorCode::BackupWrongKind,
            BackupError::TooLargeToWrite => crate::error::ErrorCode::BackupTooLargeToWrite,
            BackupError::NotForThisVault => crate::error::ErrorCode::BackupNotForThisVault,
            BackupError::Damaged => crate::error::ErrorCode::BackupDamaged,
            BackupError::TooNew { .. } => crate::error::ErrorCode::BackupTooNew,
            BackupError::AuditBroken { .. } => crate::error::ErrorCode::BackupAuditBroken,
            BackupError::Write(_) => crate::error::ErrorCode::BackupWrite,
            BackupError::NotVerified => crate::error::ErrorCode::BackupNotVerified,
            BackupError::RestoreAwaiting => crate::error::ErrorCode::RestoreAwaiting,
            BackupError::NothingPending => crate::error::ErrorCode::RestoreNothingPending,
            BackupError::NotThisVaultsRecords => crate::error::ErrorCode::BackupNotForThisVault,
            BackupError::SchemaNotOurs => crate::error::ErrorCode::BackupSchemaChanged,
            BackupError::RecoveryKeyNeeded => crate::error::ErrorCode::RestoreRecoveryKeyNeeded,
            BackupError::BadReminderDays => crate::error::ErrorCode::BackupBadReminderDays,
            BackupError::RestoreUnfinished => crate::error::ErrorCode::RestoreFailed,
            BackupError::Stopped | BackupError::ReadingStopped => crate::error::ErrorCode::VaultLocked,
            BackupError::Vault(e) => e.code(),
        }
    }
}

impl From<rusqlite::Error> for BackupError {
    fn from(e: rusqlite::Error) -> Self {
        BackupError::Vault(VaultError::Store(e.into()))
    }
}

impl From<crate::store::StoreError> for BackupError {
    fn from(e: crate::store::StoreError) -> Self {
        BackupError::Vault(VaultError::Store(e))
    }
}

pub(crate) fn count(conn: &Connection, schema: &str, table: &str) -> Result<i64, BackupError> {
    let exists: Option<i64> = conn
        .query_row(&format!("SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = ?1"), [table], |r| {
            r.get(0)
        })
        .optional()?;
    if exists.is_none() {
        return Ok(0);
    }
    Ok(conn.query_row(&format!("SELECT count(*) FROM {schema}.\"{table}\""), [], |r| r.get(0))?)
}

/// Rows in each counted table, in the order of `COUNTED`.
pub(crate) fn counts(conn: &Connection, schema: &str) -> Result<Vec<(String, i64)>, BackupError> {
    COUNTED.iter().map(|(table, _)| Ok(((*table).to_owned(), count(conn, schema, table)?))).collect()
}

fn head_of(conn: &Connection, schema: &str) -> Result<String, BackupError> {
    Ok(conn
        .query_row(&format!("SELECT value FROM {schema}.meta WHERE key = 'audit_head_mac'"), [], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

/// A plain copy of the open database, in memory, with the manifest table added. The bytes are
/// zeroed when dropped.
fn plain_copy(
    conn: &mut Connection,
    app_version: &str,
    mac_key: &[u8],
    stop: &StopSignal,
) -> Result<(Zeroizing<Vec<u8>>, BackupManifest), BackupError> {
    conn.execute_batch("ATTACH DATABASE ':memory:' AS backup_copy KEY '';")?;
    let result = copy_into_attached(conn, app_version, mac_key);
    if !conn.is_autocommit() {
        let _ = conn.execute_batch("ROLLBACK;");
    }
    // Whatever happened, the copy goes; an interrupted statement may still be winding down.
    let detached = conn.execute_batch("DETACH DATABASE backup_copy;");
    if stop.is_raised() {
        return Err(BackupError::Stopped);
    }
    let copy = result?;
    detached?;
    Ok(copy)
}

/// The body of `plain_copy`, into the attached in-memory `backup_copy`.
fn copy_into_attached(
    conn: &mut Connection,
    app_version: &str,
    mac_key: &[u8],
) -> Result<(Zeroizing<Vec<u8>>, BackupManifest), BackupError> {
    // One read transaction: every table as at the same moment, whatever the vault writes meanwhile.
    conn.execute_batch("BEGIN; SELECT sqlcipher_export('backup_copy');")?;
    // Whoever can open a backup must not learn the key that vouches for the next one.
    conn.execute(&format!("DELETE FROM backup_copy.meta WHERE key = '{BACKUP_KEY_META}'"), [])?;
    // sqlcipher_export copies tables and rows, not the schema version the migrations go by.
    let live_version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
    conn.execute_batch(&format!("PRAGMA backup_copy.user_version = {live_version};"))?;
    {
        let schema_version: i64 = conn.query_row("PRAGMA backup_copy.user_version", [], |r| r.get(0))?;
        let counts = counts(conn, "backup_copy")?;
        let manifest = BackupManifest {
            vault_id: conn
                .query_row("SELECT value FROM backup_copy.meta WHERE key = 'vault_id'", [], |r| r.get(0))
                .optional()?
                .unwrap_or_default(),
            created_at: crate::records::now_utc(),
            app_version: app_version.to_owned(),
            schema_version,
            counts,
            audit_head: head_of(conn, "backup_copy")?,
        };
        conn.execute_batch(&MANIFEST_TABLE_SQL.replace("TABLE backup_manifest", "TABLE backup_copy.backup_manifest"))?;
        let json = serde_json::to_string(&manifest).expect("a manifest serialises");
        conn.execute("INSERT INTO backup_copy.backup_manifest (key, value) VALUES ('manifest', ?1)", [&json])?;
        let mac = content_mac(conn, "backup_copy", mac_key, &json)?.finalize().into_bytes();
        conn.execute("INSERT INTO backup_copy.backup_manifest (key, value) VALUES ('mac', ?1)", [hex::encode(mac)])?;
        conn.execute_batch("COMMIT;")?;
        let bytes = conn.serialize("backup_copy")?;
        Ok((Zeroizing::new(bytes.to_vec()), manifest))
    }
}

/// Seals `plain` to `recipients`, a mebibyte at a time so a stop request is seen at once.
fn encrypt(plain: &[u8], recipients: &[x25519::Recipient], stop: &StopSignal) -> Result<Vec<u8>, BackupError> {
    let encryptor = age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        .expect("recipients are all X25519 and there is at least one");
    let mut out = Vec::with_capacity(plain.len() + 1024);
    let mut writer = encryptor.wrap_output(&mut out).expect("writing to a Vec cannot fail");
    for slice in plain.chunks(1 << 20) {
        if stop.is_raised() {
            return Err(BackupError::Stopped);
        }
        writer.write_all(slice).expect("writing to a Vec cannot fail");
        // Long work on a laptop with two cores: let the window's threads in between slices.
        std::thread::yield_now();
    }
    writer.finish().expect("writing to a Vec cannot fail");
    Ok(out)
}

/// Decrypts a backup file's bytes in full. Every failure is one of the plain messages above.
pub fn decrypt(sealed: &[u8], identity: &x25519::Identity) -> Result<Zeroizing<Vec<u8>>, BackupError> {
    if sealed.is_empty() {
        return Err(BackupError::Empty);
    }
    if sealed.len() as u64 > cap() {
        return Err(BackupError::TooLarge);
    }
    if !sealed.starts_with(b"age-encryption.org/v1\n") && !sealed.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----") {
        return Err(BackupError::NotAge);
    }
    if !super::keyfile::header_within_bounds(sealed) {
        return Err(BackupError::Damaged);
    }
    let decryptor = age::Decryptor::new_buffered(sealed).map_err(|_| BackupError::Damaged)?;
    let mut reader = decryptor.decrypt(iter::once(identity as &dyn age::Identity)).map_err(|e| match e {
        DecryptError::NoMatchingKeys => BackupError::NotForThisVault,
        _ => BackupError::Damaged,
    })?;
    let mut plain = Zeroizing::new(Vec::with_capacity(sealed.len()));
    reader.read_to_end(&mut plain).map_err(|_| BackupError::Damaged)?;
    Ok(plain)
}

/// The first release with backups wrote every backup with schema version 0, because the export
/// does not copy the version. All of them were made at schema 9, the latest of that release; a
/// backup with a manifest and version 0 is therefore read as schema 9.
const UNVERSIONED_BACKUP_SCHEMA: i64 = 9;

/// Opens decrypted backup bytes in memory and checks them: a SQLite database that passes its
/// integrity check, a schema this version knows, a manifest, counts and an audit chain that
/// match it. Returns the open copy and its manifest.
pub fn open_checked(plain: &[u8], vault_id: Option<&str>) -> Result<(Connection, BackupManifest), BackupError> {
    // The plaintext is authenticated by age, so bytes that are not a database were sealed that way.
    if !plain.starts_with(b"SQLite format 3\0") {
        return Err(BackupError::WrongKind);
    }
    let mut conn = Connection::open_in_memory()?;
    // Nothing a file's schema names (a view, a trigger) may run a function with side effects.
    conn.execute_batch("PRAGMA trusted_schema = OFF;")?;
    conn.deserialize_read_exact("main", plain, plain.len(), true).map_err(|_| BackupError::Damaged)?;
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|_| BackupError::Damaged)?;
    if ok != "ok" {
        return Err(BackupError::Damaged);
    }
    let found = migrations::current_version(&conn).map_err(|_| BackupError::Damaged)?;
    let known = migrations::latest_version();
    if found > known {
        return Err(BackupError::TooNew { found, known });
    }
    let has_manifest = conn
        .query_row("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'backup_manifest'", [], |_| Ok(()))
        .optional()
        .map_err(|_| BackupError::Damaged)?;
    if has_manifest.is_none() {
        return Err(BackupError::WrongKind);
    }
    // Before anything else is read from it: every table, index, trigger and view must be exactly
    // what Safekeeper's own migrations make at that version, plus the manifest table.
    let version = if found == 0 { UNVERSIONED_BACKUP_SCHEMA } else { found };
    let schema = migrations::schema_of(&conn, "main").map_err(|_| BackupError::Damaged)?;
    if schema != migrations::expected_schema(version, MANIFEST_TABLE_SQL)? {
        return Err(BackupError::SchemaNotOurs);
    }
    let json: String = conn
        .query_row("SELECT value FROM backup_manifest WHERE key = 'manifest'", [], |r| r.get(0))
        .map_err(|_| BackupError::Damaged)?;
    let mut manifest = manifest_from_json(&json)?;
    if found == 0 {
        // Made before backups carried their schema version (see UNVERSIONED_BACKUP_SCHEMA).
        manifest.schema_version = UNVERSIONED_BACKUP_SCHEMA;
    }
    if vault_id.is_some_and(|id| id != manifest.vault_id) {
        return Err(BackupError::NotForThisVault);
    }
    for (table, rows) in &manifest.counts {
        if count(&conn, "main", table)? != *rows {
            return Err(BackupError::Damaged);
        }
    }
    let status = audit::verify(&conn).map_err(|_| BackupError::Damaged)?;
    if !status.verified {
        return Err(BackupError::AuditBroken { row: status.first_bad_row.unwrap_or(0) });
    }
    if head_of(&conn, "main")? != manifest.audit_head {
        return Err(BackupError::AuditBroken { row: status.rows });
    }
    Ok((conn, manifest))
}

/// The table a backup carries its manifest and its MAC in.
const MANIFEST_TABLE_SQL: &str = "CREATE TABLE backup_manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);";

fn manifest_from_json(json: &str) -> Result<BackupManifest, BackupError> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Stored {
        vault_id: String,
        created_at: String,
        app_version: String,
        schema_version: i64,
        counts: Vec<(String, i64)>,
        audit_head: String,
    }
    let s: Stored = serde_json::from_str(json).map_err(|_| BackupError::Damaged)?;
    Ok(BackupManifest {
        vault_id: s.vault_id,
        created_at: s.created_at,
        app_version: s.app_version,
        schema_version: s.schema_version,
        counts: s.counts,
        audit_head: s.audit_head,
    })
}

/// The file name for a backup made now: `Safekeeper backup 2026-11-22 1432.age`.
pub fn file_name(now: crate::dates::UkDateTime) -> String {
    format!("Safekeeper backup {}.age", now.format("%Y-%m-%d %H%M"))
}

/// The steps of "Back up now", in order, as the admin window shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BackupStep {
    /// Copying the records into a plain in-memory database.
    Copying,
    /// Encrypting the copy to every admin and the recovery key.
    Encrypting,
    /// Writing the encrypted file to the folder chosen.
    Writing,
    /// Reading the file back from disk and checking it decrypts to the same records.
    Checking,
}

/// Makes a backup into `folder`, reads it back and checks it in full. Only an `Ok` means
/// "Backup verified". The audit trail records the backup and its chain head.
pub fn back_up(vault: &mut UnlockedVault, folder: &Path, app_version: &str) -> Result<BackupReport, BackupError> {
    back_up_with_progress(vault, folder, app_version, &mut |_| {})
}

/// `back_up`, telling `progress` as each step starts.
pub fn back_up_with_progress(
    vault: &mut UnlockedVault,
    folder: &Path,
    app_version: &str,
    progress: &mut dyn FnMut(BackupStep),
) -> Result<BackupReport, BackupError> {
    let stop = StopSignal::never();
    let target = folder.join(file_name(crate::dates::uk_now()));
    progress(BackupStep::Copying);
    let copy = copy_records(prepare_copy(vault)?, app_version, &stop)?;
    let report = seal_and_check(copy, &target, &stop, progress)?;
    record_verified(vault, &report)?;
    Ok(report)
}

/// The records copied out of the vault for a backup, with everything sealing and checking them
/// needs, so that those (slow) steps run without the vault. The plain copy is zeroed when dropped.
pub struct CopiedRecords {
    plain: Zeroizing<Vec<u8>>,
    manifest: BackupManifest,
    recipients: Vec<x25519::Recipient>,
    mac_key: Zeroizing<Vec<u8>>,
    identity: x25519::Identity,
}

/// The first step of a backup, the only one that needs the vault, and briefly: what sealing and
/// checking need, and a second connection to the records. `copy_records` then copies them
/// without the vault.
pub fn prepare_copy(vault: &mut UnlockedVault) -> Result<RecordsToCopy, BackupError> {
    // Known too large before a copy of gigabytes is made in memory only to be refused.
    if records_bytes(vault.db().conn())? > cap() {
        return Err(BackupError::TooLargeToWrite);
    }
    let recipients = vault.recipients()?;
    let mac_key = ensure_backup_key(vault.db().conn())?;
    let identity = vault.outbox_identity().clone();
    let reader = crate::store::Db::open_reader(&vault.paths().database(), vault.database_key())?;
    Ok(RecordsToCopy { reader, recipients, mac_key, identity })
}

/// The records ready to be copied for a backup, through their own connection (see `prepare_copy`).
pub struct RecordsToCopy {
    reader: Connection,
    recipients: Vec<x25519::Recipient>,
    mac_key: Zeroizing<Vec<u8>>,
    identity: x25519::Identity,
}

/// A plain copy of the records in memory, as one consistent snapshot, made without the vault. A
/// stop request interrupts the copy (`BackupError::Stopped`); the records are unchanged.
pub fn copy_records(
    records: RecordsToCopy,
    app_version: &str,
    stop: &StopSignal,
) -> Result<CopiedRecords, BackupError> {
    let RecordsToCopy { mut reader, recipients, mac_key, identity } = records;
    let (plain, manifest) = stop.interruptible(
        &mut reader,
        |conn| plain_copy(conn, app_version, &mac_key, stop),
        || Err(BackupError::Stopped),
    )?;
    drop(reader);
    between_steps(stop)?;
    Ok(CopiedRecords { plain, manifest, recipients, mac_key, identity })
}

/// The rest of a backup, without the vault: seals the copy, writes it to `target`, reads it back
/// from disk and checks it in full. On a stop request, or any failure after the file was written,
/// the file is deleted: nothing half-made or unchecked is left behind.
pub fn seal_and_check(
    copy: CopiedRecords,
    target: &Path,
    stop: &StopSignal,
    progress: &mut dyn FnMut(BackupStep),
) -> Result<BackupReport, BackupError> {
    progress(BackupStep::Encrypting);
    let mut copy = copy;
    let sealed = encrypt(&copy.plain, &copy.recipients, stop)?;
    if sealed.len() as u64 > cap() {
        return Err(BackupError::TooLargeToWrite);
    }
    // The check below holds the file read back, its decryption and the database opened from it;
    // the copies made to write it are not needed any more (see MAX_BACKUP_BYTES), so the copy is
    // compared by its digest.
    let plain_digest = sha2::Sha256::digest(copy.plain.as_slice());
    copy.plain = Zeroizing::new(Vec::new());
    between_steps(stop)?;
    progress(BackupStep::Writing);
    atomic::write_atomic(target, &sealed).map_err(BackupError::Write)?;
    drop(sealed);
    let result = (|| {
        between_steps(stop)?;
        progress(BackupStep::Checking);
        let report = check_written(&copy, &plain_digest, target, stop)?;
        between_steps(stop)?;
        Ok(report)
    })();
    if result.is_err() || stop.is_raised() {
        let _ = std::fs::remove_file(target);
        return Err(if stop.is_raised() {
            BackupError::Stopped
        } else {
            result.err().unwrap_or(BackupError::NotVerified)
        });
    }
    result
}

/// Reads `target` back from disk (not what is in memory) and checks it decrypts to the same
/// records, made by this vault.
fn check_written(
    copy: &CopiedRecords,
    plain_digest: &[u8],
    target: &Path,
    stop: &StopSignal,
) -> Result<BackupReport, BackupError> {
    let written = std::fs::read(target).map_err(BackupError::Write)?;
    if stop.is_raised() {
        return Err(BackupError::Stopped);
    }
    let back = decrypt(&written, &copy.identity)
        .ok()
        .filter(|back| sha2::Sha256::digest(back.as_slice()).as_slice() == plain_digest);
    if stop.is_raised() {
        return Err(BackupError::Stopped);
    }
    let verified =
        back.and_then(|back| open_checked(&back, Some(&copy.manifest.vault_id)).ok()).is_some_and(|(conn, read)| {
            read == copy.manifest && made_by_this_vault(&conn, Some(copy.mac_key.as_slice())).unwrap_or(false)
        });
    if !verified {
        return Err(BackupError::NotVerified);
    }
    Ok(BackupReport {
        path: target.to_string_lossy().into_owned(),
        bytes: written.len() as u64,
        manifest: copy.manifest.clone(),
    })
}

/// The last step of a backup: the audit trail records it and the reminder restarts.
pub fn record_verified(vault: &mut UnlockedVault, report: &BackupReport) -> Result<(), BackupError> {
    let detail = format!("bytes={};head={}", report.bytes, report.manifest.audit_head);
    vault.record(&audit::Entry {
        action: "backup.verified",
        subject_kind: "backup",
        subject_id: "",
        detail: &detail,
    })?;
    vault.db().conn().execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('last_verified_backup', ?1)",
        [&report.manifest.created_at],
    )?;
    Ok(())
}

/// Writes a backup to `target` and reads it back in full, writing nothing into the records
/// themselves: the backup made before an upgrade uses this on the schema as it was, and the
/// audit entry is written once the records are on this version's schema.
pub(crate) fn write_verified(
    vault: &mut UnlockedVault,
    target: &Path,
    app_version: &str,
    progress: &mut dyn FnMut(BackupStep),
) -> Result<BackupReport, BackupError> {
    let stop = StopSignal::never();
    progress(BackupStep::Copying);
    let copy = copy_records(prepare_copy(vault)?, app_version, &stop)?;
    seal_and_check(copy, target, &stop, progress)
}

#[cfg(test)]
static SLOW_STEP_MILLIS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Tests only: makes each step of every backup a lock can stop take at least `millis` longer, so a
/// test can lock while one runs.
#[cfg(test)]
pub fn slow_steps_for_tests(millis: u64) {
    SLOW_STEP_MILLIS.store(millis, std::sync::atomic::Ordering::SeqCst);
}

/// Between two steps of a backup: stops if a lock has asked (tests first pause as long as
/// `slow_steps_for_tests` says, in slices short enough to see a stop request at once).
fn between_steps(stop: &StopSignal) -> Result<(), BackupError> {
    #[cfg(test)]
    if stop.can_be_raised() {
        let millis = SLOW_STEP_MILLIS.load(std::sync::atomic::Ordering::SeqCst);
        let until = std::time::Instant::now() + std::time::Duration::from_millis(millis);
        while std::time::Instant::now() < until && !stop.is_raised() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
    if stop.is_raised() {
        return Err(BackupError::Stopped);
    }
    Ok(())
}

pub use crate::records::backup_reminder::{BackupStatus, MAX_REMINDER_DAYS, MIN_REMINDER_DAYS, REMINDER_DAYS};

/// When the last verified backup was made, and whether it is time for another (read by
/// `records::backup_reminder`; the vault writes it after each verified backup).
pub fn status(conn: &Connection, now: chrono::DateTime<chrono::Utc>) -> Result<BackupStatus, BackupError> {
    Ok(crate::records::backup_reminder::status(conn, now, cap())?)
}

/// Sets how many days after the last verified backup the dashboard reminds. Audited.
pub fn set_reminder_days(conn: &mut Connection, actor: &audit::Actor, days: i64) -> Result<(), BackupError> {
    if !(MIN_REMINDER_DAYS..=MAX_REMINDER_DAYS).contains(&days) {
        return Err(BackupError::BadReminderDays);
    }
    let tx = conn.transaction()?;
    tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('backup_reminder_days', ?1)", [days.to_string()])?;
    let detail = format!("days={days}");
    audit::append(
        &tx,
        actor,
        &audit::Entry {
            action: "backup.reminderChanged",
            subject_kind: "settings",
            subject_id: "backup",
            detail: &detail,
        },
    )?;
    tx.commit()?;
    Ok(())
}

/// Reads a backup file for a restore: refuses a huge file before reading it, then decrypts it in
/// full and checks it (see `open_checked`).
pub fn read_file(
    path: &Path,
    identity: &x25519::Identity,
    vault_id: Option<&str>,
) -> Result<(Connection, BackupManifest), BackupError> {
    let size = std::fs::metadata(path).map_err(BackupError::Write)?.len();
    if size == 0 {
        return Err(BackupError::Empty);
    }
    if size > cap() {
        return Err(BackupError::TooLarge);
    }
    let sealed = std::fs::read(path).map_err(BackupError::Write)?;
    let plain = decrypt(&sealed, identity)?;
    drop(sealed);
    open_checked(&plain, vault_id)
}
