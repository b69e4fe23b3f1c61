//! Noting in the audit trail that the trustee report was printed, with its period only.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::records::date_text;
use crate::store::audit::{self, Actor, Entry};
use crate::store::StoreError;

/// Records as `report.trusteePrinted` that `actor` printed the report for `from` to `to`.
pub fn note_printed(conn: &Connection, actor: &Actor, from: NaiveDate, to: NaiveDate) -> Result<(), StoreError> {
    let detail = format!("from={};to={}", date_text(from), date_text(to));
    let tx = conn.unchecked_transaction()?;
    let entry = Entry { action: "report.trusteePrinted", subject_kind: "report", subject_id: "", detail: &detail };
    audit::append(&tx, actor, &entry)?;
    tx.commit()?;
    Ok(())
}
