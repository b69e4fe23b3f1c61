//! The admins table: who may unlock, by id, name and public key. Owns its SQL; does not touch key
//! files (see `session`).

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::store::StoreError;

/// One admin as the Settings page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AdminSummary {
    /// The admin's id (a UUID); their key file is `admins/<id>.age`.
    pub id: String,
    /// The admin's full name.
    pub name: String,
    /// When the admin was added: ISO 8601 UTC, to the second.
    pub created_at: String,
    /// True for the admin signed in to this session.
    pub is_current: bool,
}

/// One row of the `admins` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminRow {
    /// The admin's id (a UUID); their key file is `admins/<id>.age`.
    pub id: String,
    /// The admin's full name.
    pub name: String,
    /// The admin's age X25519 public key (`age1…`), which the database key is encrypted to.
    pub recipient: String,
    /// When the admin was added: ISO 8601 UTC, to the second.
    pub created_at: String,
}

/// Adds a row to the `admins` table.
pub fn insert(conn: &Connection, row: &AdminRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO admins (id, name, recipient, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![row.id, row.name, row.recipient, row.created_at],
    )?;
    Ok(())
}

/// Every admin not removed, oldest first.
pub fn active(conn: &Connection) -> Result<Vec<AdminRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, name, recipient, created_at FROM admins WHERE removed_at IS NULL ORDER BY created_at, id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(AdminRow { id: r.get(0)?, name: r.get(1)?, recipient: r.get(2)?, created_at: r.get(3)? })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Every admin's id and name, removed admins included, so old records can still say who did what.
pub fn all_names(conn: &Connection) -> Result<std::collections::HashMap<String, String>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, name FROM admins")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The admin with this id, unless removed; `None` when there is no such active admin.
pub fn find_active(conn: &Connection, id: &str) -> Result<Option<AdminRow>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id, name, recipient, created_at FROM admins WHERE id = ?1 AND removed_at IS NULL",
            [id],
            |r| Ok(AdminRow { id: r.get(0)?, name: r.get(1)?, recipient: r.get(2)?, created_at: r.get(3)? }),
        )
        .optional()?)
}

/// Marks the admin as removed at `at` (ISO 8601 UTC); the row stays so old records keep the name.
pub fn mark_removed(conn: &Connection, id: &str, at: &str) -> Result<(), StoreError> {
    conn.execute("UPDATE admins SET removed_at = ?2 WHERE id = ?1", params![id, at])?;
    Ok(())
}

/// Replaces the admin's public key, after they set a new passphrase and identity.
pub fn set_recipient(conn: &Connection, id: &str, recipient: &str) -> Result<(), StoreError> {
    conn.execute("UPDATE admins SET recipient = ?2 WHERE id = ?1", params![id, recipient])?;
    Ok(())
}

/// Names are personal data: they are checked for shape here, never logged.
pub fn validate_name(name: &str) -> Option<String> {
    let trimmed = name.trim();
    let letters = trimmed.chars().filter(|c| c.is_alphabetic()).count();
    if trimmed.chars().count() > 100 || letters < 2 || trimmed.chars().any(char::is_control) {
        return None;
    }
    Some(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
}
