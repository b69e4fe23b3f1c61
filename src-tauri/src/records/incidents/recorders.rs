//! The names of the admins who saved incident entries, so a printout can say who saved each one.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::store::StoreError;

/// Every admin's id and name, removed admins included, so an old entry still names who saved it.
pub fn admin_names(conn: &Connection) -> Result<HashMap<String, String>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, name FROM admins")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    Ok(rows)
}
