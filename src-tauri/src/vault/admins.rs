//! The admins table: who may unlock, by id, name and public key. Owns its SQL; does not touch key
//! files (see `session`).

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::store::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AdminSummary {
    pub id: String,
    pub name: String,
    pub created_at: String,
    pub is_current: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminRow {
    pub id: String,
    pub name: String,
    pub recipient: String,
    pub created_at: String,
}

pub fn insert(conn: &Connection, row: &AdminRow) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO admins (id, name, recipient, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![row.id, row.name, row.recipient, row.created_at],
    )?;
    Ok(())
}

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

pub fn find_active(conn: &Connection, id: &str) -> Result<Option<AdminRow>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id, name, recipient, created_at FROM admins WHERE id = ?1 AND removed_at IS NULL",
            [id],
            |r| Ok(AdminRow { id: r.get(0)?, name: r.get(1)?, recipient: r.get(2)?, created_at: r.get(3)? }),
        )
        .optional()?)
}

pub fn mark_removed(conn: &Connection, id: &str, at: &str) -> Result<(), StoreError> {
    conn.execute("UPDATE admins SET removed_at = ?2 WHERE id = ?1", params![id, at])?;
    Ok(())
}

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
