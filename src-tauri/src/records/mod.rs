//! The organisation's records, one module per record type: types, validation rules and queries.
//! Pure Rust: no tauri, no UI concerns. Each change is audited by the caller's transaction.

pub mod attachments;
pub mod audit_log;
pub mod aup;
pub mod backup_reminder;
pub mod consent;
pub mod due;
pub mod getting_started;
pub mod handover;
pub mod incidents;
pub mod organisation;
pub mod people;
pub mod people_import;
pub mod policies;
pub mod retention;
pub mod signatures;
pub mod subject_access;
pub mod text;
pub mod training;
pub mod trustee_report;

use chrono::{NaiveDate, SecondsFormat, Utc};

/// Calendar dates are stored as `yyyy-mm-dd`.
pub(crate) const DATE_FORMAT: &str = "%Y-%m-%d";

/// An instant as stored: RFC 3339 in UTC (shown in Europe/London by the UI).
pub(crate) fn now_utc() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub(crate) fn date_text(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

/// Reads an optional `yyyy-mm-dd` column.
pub(crate) fn date_column(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(index)?;
    text.map(|t| {
        NaiveDate::parse_from_str(&t, DATE_FORMAT)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e)))
    })
    .transpose()
}

/// A migrated in-memory database with the audit chain ready, configured like the real one.
#[cfg(test)]
pub(crate) fn test_db() -> rusqlite::Connection {
    let mut conn = rusqlite::Connection::open_in_memory().expect("memory db");
    conn.execute_batch("PRAGMA foreign_keys = ON;").expect("foreign keys");
    crate::store::migrations::apply(&mut conn).expect("migrate");
    crate::store::audit::initialise(&conn).expect("audit");
    conn
}

/// Takes a vault back to before migration 17: drops the retention summary, its marks and its
/// triggers, for the tests that migrate an older vault forward.
#[cfg(test)]
pub(crate) fn drop_retention_summary(conn: &rusqlite::Connection) {
    let drops: String = conn
        .query_row(
            "SELECT group_concat('DROP ' || upper(type) || ' ' || name || ';', ' ' ORDER BY type DESC) FROM sqlite_schema
             WHERE name LIKE 'summary_retention%' AND type IN ('trigger', 'table')",
            [],
            |r| r.get(0),
        )
        .expect("migration 17");
    conn.execute_batch(&drops).expect("drop migration 17");
}

/// Shared pieces of the records' tests.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::records::people::{PersonDraft, PersonGroup};

    /// Someone to add to the register in a test: `name` in `group`, with nothing else filled in
    /// but a date of birth for a young person (14 May 2009), which the register requires. Tests
    /// that depend on a date set it themselves: `PersonDraft { date_of_birth, ..draft(group, name) }`.
    pub(crate) fn draft(group: PersonGroup, name: &str) -> PersonDraft {
        PersonDraft {
            group,
            full_name: name.to_owned(),
            preferred_name: None,
            date_of_birth: (group == PersonGroup::YoungPerson)
                .then(|| chrono::NaiveDate::from_ymd_opt(2009, 5, 14).expect("a real date")),
            start_date: None,
            leave_date: None,
            email: None,
            phone: None,
        }
    }
}
