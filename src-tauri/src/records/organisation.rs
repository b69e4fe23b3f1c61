//! Organisation-wide settings: the organisation's name and how long an unlocked session may sit
//! idle. Owns their validation and storage; does not apply the auto-lock (the shell does).

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{CodedError, ErrorCode};
use crate::store::audit::{self, Actor, Entry};
use crate::store::StoreError;

/// Minutes an unlocked session may sit idle before it locks, until an admin sets another number.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;
/// The fewest minutes of idle time an admin can set.
pub const MIN_AUTO_LOCK_MINUTES: u32 = 1;
/// The most minutes of idle time an admin can set.
pub const MAX_AUTO_LOCK_MINUTES: u32 = 120;

/// The organisation-wide settings as saved in the `settings` table and shown on the settings page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgSettings {
    /// The organisation's name as printed on forms and reports: spaces folded, 1 to 120 characters,
    /// no control characters.
    pub org_name: String,
    /// Minutes an unlocked session may sit idle before it locks, from `MIN_AUTO_LOCK_MINUTES` to
    /// `MAX_AUTO_LOCK_MINUTES`.
    pub auto_lock_minutes: u32,
}

/// Why organisation settings could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The name was blank, over 120 characters, or held control characters.
    #[error("Enter the organisation's name (up to 120 characters).")]
    InvalidOrgName,
    /// The auto-lock minutes were outside the allowed range.
    #[error("Auto-lock must be a whole number of minutes from {MIN_AUTO_LOCK_MINUTES} to {MAX_AUTO_LOCK_MINUTES}.")]
    InvalidAutoLock,
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CodedError for SettingsError {
    fn code(&self) -> ErrorCode {
        match self {
            SettingsError::InvalidOrgName => ErrorCode::SettingsInvalidOrgName,
            SettingsError::InvalidAutoLock => ErrorCode::SettingsInvalidAutoLock,
            SettingsError::Store(e) => e.code(),
        }
    }
}

/// Trims and folds runs of spaces; `None` when empty or too long.
pub fn validate_org_name(name: &str) -> Option<String> {
    let folded = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.is_empty() || folded.chars().count() > 120 || folded.chars().any(char::is_control) {
        return None;
    }
    Some(folded)
}

fn put(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", [key, value])?;
    Ok(())
}

fn read(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

/// Stores the name and the default auto-lock minutes for a new vault; not audited (the vault's
/// creation is).
pub fn initialise(conn: &Connection, org_name: &str) -> Result<(), StoreError> {
    put(conn, "org_name", org_name)?;
    put(conn, "auto_lock_minutes", &DEFAULT_AUTO_LOCK_MINUTES.to_string())
}

/// Reads the settings; a missing name reads as empty and missing or unreadable minutes as the
/// default.
pub fn get(conn: &Connection) -> Result<OrgSettings, StoreError> {
    Ok(OrgSettings {
        org_name: read(conn, "org_name")?.unwrap_or_default(),
        auto_lock_minutes: read(conn, "auto_lock_minutes")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES),
    })
}

/// Validates and saves both settings in one audited transaction.
pub fn update(conn: &mut Connection, actor: &Actor, wanted: &OrgSettings) -> Result<OrgSettings, SettingsError> {
    let org_name = validate_org_name(&wanted.org_name).ok_or(SettingsError::InvalidOrgName)?;
    if !(MIN_AUTO_LOCK_MINUTES..=MAX_AUTO_LOCK_MINUTES).contains(&wanted.auto_lock_minutes) {
        return Err(SettingsError::InvalidAutoLock);
    }
    let tx = conn.transaction().map_err(StoreError::from)?;
    put(&tx, "org_name", &org_name)?;
    put(&tx, "auto_lock_minutes", &wanted.auto_lock_minutes.to_string())?;
    let detail = format!("autoLockMinutes={}", wanted.auto_lock_minutes);
    audit::append(
        &tx,
        actor,
        &Entry { action: "settings.changed", subject_kind: "settings", subject_id: "organisation", detail: &detail },
    )?;
    tx.commit().map_err(StoreError::from)?;
    Ok(OrgSettings { org_name, auto_lock_minutes: wanted.auto_lock_minutes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let mut conn = Connection::open_in_memory().expect("memory db");
        crate::store::migrations::apply(&mut conn).expect("migrate");
        audit::initialise(&conn).expect("audit");
        initialise(&conn, "Riverside Youth Project").expect("init");
        conn
    }

    #[test]
    fn defaults_to_five_minutes() {
        assert_eq!(get(&db()).expect("get").auto_lock_minutes, 5);
    }

    #[test]
    fn update_saves_and_audits() {
        let mut conn = db();
        let saved = update(
            &mut conn,
            &Actor::System,
            &OrgSettings { org_name: "  Riverside   Youth ".into(), auto_lock_minutes: 15 },
        )
        .expect("update");
        assert_eq!(saved.org_name, "Riverside Youth");
        assert_eq!(get(&conn).expect("get"), saved);
        assert!(audit::has_action(&conn, "settings.changed").expect("audit"));
    }

    #[test]
    fn out_of_range_auto_lock_is_refused_and_nothing_changes() {
        let mut conn = db();
        for minutes in [0, 121] {
            let err = update(
                &mut conn,
                &Actor::System,
                &OrgSettings { org_name: "X Org".into(), auto_lock_minutes: minutes },
            )
            .expect_err("refused");
            assert!(matches!(err, SettingsError::InvalidAutoLock));
        }
        assert_eq!(get(&conn).expect("get").org_name, "Riverside Youth Project");
        assert!(!audit::has_action(&conn, "settings.changed").expect("audit"));
    }

    #[test]
    fn blank_org_name_is_refused() {
        assert_eq!(validate_org_name("   "), None);
        assert_eq!(validate_org_name(&"x".repeat(121)), None);
    }
}
