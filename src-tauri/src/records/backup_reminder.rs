//! When the last verified backup was made, and whether it is time for another: the two settings
//! the dashboard's backup reminder and the trustee report read. Owns reading them; does not make,
//! check or restore backups (see `vault::backup`, which records each verified backup and sets the
//! number of days).

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::store::StoreError;

/// How many days may pass after the last verified backup before the dashboard reminds, until the
/// organisation sets its own number.
pub const REMINDER_DAYS: i64 = 7;
/// The number of days the organisation can set is between these.
pub const MIN_REMINDER_DAYS: i64 = 1;
/// The most days the organisation can set.
pub const MAX_REMINDER_DAYS: i64 = 90;

/// When the last verified backup was made, and whether it is time for another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    /// RFC 3339, UTC; `None` when no backup has been verified yet.
    pub last_verified: Option<String>,
    /// Days after the last verified backup before the reminder shows: the organisation's setting,
    /// or `REMINDER_DAYS` when it has none (or it is out of range).
    #[ts(type = "number")]
    pub reminder_days: i64,
    /// No verified backup, or the last one is older than `reminder_days`.
    pub due: bool,
    /// About how many bytes a backup of the records would be now (see `vault::backup::records_bytes`).
    #[ts(type = "number")]
    pub records_bytes: u64,
    /// The largest backup there can be (see `vault::backup::MAX_BACKUP_BYTES`).
    #[ts(type = "number")]
    pub size_limit_bytes: u64,
    /// The records are at `NEAR_LIMIT_PERCENT` of `size_limit_bytes` or more: time to remove
    /// attachments no longer needed, before "Back up now" can no longer make a backup.
    pub near_size_limit: bool,
}

/// From this share of the largest backup on, `near_size_limit` is set.
pub const NEAR_LIMIT_PERCENT: u64 = 80;

fn reminder_days(conn: &Connection) -> Result<i64, StoreError> {
    let stored: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = 'backup_reminder_days'", [], |r| r.get(0)).optional()?;
    Ok(stored
        .and_then(|d| d.parse::<i64>().ok())
        .filter(|d| (MIN_REMINDER_DAYS..=MAX_REMINDER_DAYS).contains(d))
        .unwrap_or(REMINDER_DAYS))
}

/// How many bytes the records take in the database: what a backup of them will be, near enough
/// (a backup is a plain copy of the same pages, and sealing it adds a few bytes in 64 KiB).
pub fn records_bytes(conn: &Connection) -> Result<u64, StoreError> {
    let pages: i64 = conn.query_row("PRAGMA main.page_count", [], |r| r.get(0))?;
    let free: i64 = conn.query_row("PRAGMA main.freelist_count", [], |r| r.get(0))?;
    // SQLCipher answers this pragma itself, as text.
    let size: i64 = conn.query_row("PRAGMA main.page_size", [], |r| match r.get_ref(0)? {
        rusqlite::types::ValueRef::Integer(n) => Ok(n),
        other => Ok(other.as_str().ok().and_then(|t| t.trim().parse().ok()).unwrap_or(4096)),
    })?;
    Ok(u64::try_from((pages - free).max(0) * size).unwrap_or(0))
}

/// The backup reminder as at `now`, when the largest backup there can be is `size_limit_bytes`
/// (`vault::backup::cap`).
pub fn status(
    conn: &Connection,
    now: chrono::DateTime<chrono::Utc>,
    size_limit_bytes: u64,
) -> Result<BackupStatus, StoreError> {
    let records_bytes = records_bytes(conn)?;
    let last: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = 'last_verified_backup'", [], |r| r.get(0)).optional()?;
    let age_days = last
        .as_deref()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| (now - t.with_timezone(&chrono::Utc)).num_days());
    let days = reminder_days(conn)?;
    Ok(BackupStatus {
        due: age_days.is_none_or(|d| d >= days),
        last_verified: last,
        reminder_days: days,
        records_bytes,
        size_limit_bytes,
        near_size_limit: records_bytes.saturating_mul(100) >= size_limit_bytes.saturating_mul(NEAR_LIMIT_PERCENT),
    })
}
