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
}

fn reminder_days(conn: &Connection) -> Result<i64, StoreError> {
    let stored: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = 'backup_reminder_days'", [], |r| r.get(0)).optional()?;
    Ok(stored
        .and_then(|d| d.parse::<i64>().ok())
        .filter(|d| (MIN_REMINDER_DAYS..=MAX_REMINDER_DAYS).contains(d))
        .unwrap_or(REMINDER_DAYS))
}

/// The backup reminder as at `now`.
pub fn status(conn: &Connection, now: chrono::DateTime<chrono::Utc>) -> Result<BackupStatus, StoreError> {
    let last: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = 'last_verified_backup'", [], |r| r.get(0)).optional()?;
    let age_days = last
        .as_deref()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| (now - t.with_timezone(&chrono::Utc)).num_days());
    let days = reminder_days(conn)?;
    Ok(BackupStatus { due: age_days.is_none_or(|d| d >= days), last_verified: last, reminder_days: days })
}
