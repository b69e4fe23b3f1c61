//! The names a printed signature record shows beside the signature itself.

use rusqlite::{Connection, OptionalExtension};

use super::{Signature, SignatureError};

/// The name of the admin who confirmed who signed at the signing station, while they are still
/// an admin: `None` when nobody has confirmed it yet, or the admin has since been removed.
pub fn confirmer_name(conn: &Connection, signature: &Signature) -> Result<Option<String>, SignatureError> {
    let Some(admin_id) = &signature.confirmed_by else { return Ok(None) };
    Ok(conn
        .query_row("SELECT name FROM admins WHERE id = ?1 AND removed_at IS NULL", [admin_id], |r| r.get(0))
        .optional()?)
}
