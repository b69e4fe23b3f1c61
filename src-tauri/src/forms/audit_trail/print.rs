//! Printing the audit trail as an admin filtered it. Printing is itself noted in the trail.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{audit_pdf, file_name, AuditSheet};
use crate::dates::uk_date;
use crate::forms::{PrintError, PrintedForm};
use crate::records::audit_log::{self, AuditQuery};
use crate::records::{organisation, people};
use crate::store::audit::{self, Actor};

/// The most entries one printout holds.
pub const PRINT_LIMIT: u32 = 2000;

/// The filters in words, for the top of the printout; `None` when nothing is filtered.
pub fn filter_words(conn: &Connection, query: &AuditQuery) -> Result<Option<String>, PrintError> {
    let mut parts = Vec::new();
    if let Some(actor) = &query.actor {
        let actors = audit_log::actors(conn)?;
        let name = actors.into_iter().find(|a| &a.actor == actor).map_or_else(|| actor.clone(), |a| a.name);
        parts.push(format!("done by {name}"));
    }
    if let Some(kind) = &query.subject_kind {
        parts.push(format!("records of kind \u{201c}{kind}\u{201d}"));
    }
    if let Some(person) = &query.person_id {
        let found = people::get(conn, person)?;
        parts.push(format!("about {}", found.full_name));
    }
    match (query.from, query.to) {
        (Some(from), Some(to)) => parts.push(format!("from {} to {}", uk_date(from), uk_date(to))),
        (Some(from), None) => parts.push(format!("from {}", uk_date(from))),
        (None, Some(to)) => parts.push(format!("up to {}", uk_date(to))),
        (None, None) => {}
    }
    Ok((!parts.is_empty()).then(|| parts.join("; ")))
}

/// The trail as `query` filters it (its first `PRINT_LIMIT` entries, newest first) with the chain
/// check at the top, printed on `printed`; noted in the trail as printed by `actor`.
pub fn print(
    conn: &Connection,
    actor: &Actor,
    query: &AuditQuery,
    demo: bool,
    printed: NaiveDate,
) -> Result<PrintedForm, PrintError> {
    let page = audit_log::page(conn, &AuditQuery { before_id: None, limit: Some(PRINT_LIMIT), ..query.clone() })?;
    let sheet = AuditSheet {
        org_name: organisation::get(conn)?.org_name,
        truncated: page.more,
        rows: page.rows,
        filtered: filter_words(conn, query)?,
        status: audit::verify(conn)?,
        printed,
        demo,
    };
    let pdf = audit_pdf(&sheet)?;
    audit_log::note_printed(conn, actor)?;
    Ok(PrintedForm { file_name: file_name(printed), pdf })
}

#[cfg(test)]
mod tests;
