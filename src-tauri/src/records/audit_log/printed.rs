//! Noting in the audit trail that the trail itself was printed.

use rusqlite::Connection;

use crate::store::audit::{self, Actor, Entry};
use crate::store::StoreError;

/// Records as `audit.printed` that `actor` printed the audit trail (which filters is not kept).
pub fn note_printed(conn: &Connection, actor: &Actor) -> Result<(), StoreError> {
    let tx = conn.unchecked_transaction()?;
    audit::append(&tx, actor, &Entry { action: "audit.printed", subject_kind: "audit", subject_id: "", detail: "" })?;
    tx.commit()?;
    Ok(())
}
