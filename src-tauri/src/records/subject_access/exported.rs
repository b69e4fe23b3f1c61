//! Checking the person before a subject access export begins, and noting the export in the audit
//! trail once its files are written: the person's id and whether other names were hidden, nothing
//! else.

use rusqlite::Connection;

use super::{SubjectAccessError, SubjectAccessOptions};
use crate::records::people::{self, PeopleError};
use crate::store::audit::{self, Actor, Entry};

/// Refuses with `subjectAccess.personNotFound` when `person_id` is nobody in the register, so the
/// admin is told before choosing a folder.
pub fn check_person(conn: &Connection, person_id: &str) -> Result<(), SubjectAccessError> {
    match people::get(conn, person_id) {
        Ok(_) => Ok(()),
        Err(PeopleError::NotFound) => Err(SubjectAccessError::PersonNotFound),
        Err(e) => Err(SubjectAccessError::from_part(&e)),
    }
}

/// Records as `subjectAccess.exported` that `actor` exported everything held about `person_id`.
pub fn note_exported(
    conn: &Connection,
    actor: &Actor,
    person_id: &str,
    options: SubjectAccessOptions,
) -> Result<(), SubjectAccessError> {
    let detail = format!("redactOthers={}", u8::from(options.redact_others));
    let entry =
        Entry { action: "subjectAccess.exported", subject_kind: "person", subject_id: person_id, detail: &detail };
    audit::append(conn, actor, &entry)?;
    Ok(())
}
