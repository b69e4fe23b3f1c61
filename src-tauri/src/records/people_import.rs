//! Importing people from a spreadsheet's CSV export. `preview` reads the file and says, line by
//! line, what it would add, what is already there and what it cannot take, writing nothing;
//! `commit` adds the previewed people all or nothing. Re-importing a file adds no one twice.
//! Owns the column names it understands and the duplicate rule; the person rules themselves are
//! `people::validate`.

mod columns;
pub(crate) mod csv;

pub(crate) use columns::parse_date as parse_uk_date;

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::progress::{self, LongWork, Report};
use crate::records::date_text;
use crate::records::people::{self, name_key, PeopleError, PersonDraft};
use crate::store::audit::{self, Actor, Entry};
use crate::store::StoreError;
use columns::{ColumnMap, RowOutcome};

/// Bigger than any small charity's register; stops a wrong file (a photo, a database) early.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The most data rows (after the header row) one file may hold.
pub const MAX_ROWS: usize = 10_000;

/// A row that will be added, with the line of the file it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRow {
    /// The file line the row starts on (1-based, as a spreadsheet numbers it, the header being line
    /// 1).
    pub line: usize,
    /// The person the row would add, as read from its cells.
    pub draft: PersonDraft,
}

/// A row left out, and why, in plain English without the row's personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowIssue {
    /// The file line the row starts on (1-based, as a spreadsheet numbers it, the header being line
    /// 1).
    pub line: usize,
    /// Why the row is left out, e.g. "Repeats line 4 (same full name and group).", never quoting
    /// the row.
    pub reason: String,
}

/// What importing a CSV file would do, row by row; nothing is written until it is committed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    /// Rows that would be added, in file order.
    pub to_add: Vec<ImportRow>,
    /// Rows left out because they repeat an earlier row or someone already in the register.
    pub duplicates: Vec<RowIssue>,
    /// Rows left out because they fail the person rules or cannot be read.
    pub rejected: Vec<RowIssue>,
    /// Header cells Safekeeper did not recognise (their columns are not imported).
    pub ignored_columns: Vec<String>,
}

/// Why a CSV import could not be previewed or committed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is over 5 MB or has more than 10,000 rows.
    #[error("That file is too big to be a list of people (the limit is 5 MB or 10,000 rows).")]
    TooLarge,
    /// The file has no rows at all.
    #[error("That file is empty. Export the list from your spreadsheet as CSV and try again.")]
    Empty,
    /// A quoted cell opens and never closes, so the file cannot be read.
    #[error("A quoted cell that starts on line {line} never ends, so the file cannot be read. Check that line in your spreadsheet.")]
    UnterminatedQuote {
        /// The file line (1-based) the unclosed quoted cell starts on.
        line: usize,
    },
    /// The header row has no full name column, nor first and last name columns.
    #[error("The first row must name the columns. Safekeeper could not find a name column (\"Full name\", or \"First name\" and \"Last name\").")]
    NoNameColumn,
    /// The header row has no group or role column.
    #[error("The first row must name the columns. Safekeeper could not find a group column (\"Group\" or \"Role\").")]
    NoGroupColumn,
    /// A previewed row no longer passes the person rules at commit.
    #[error("Line {line} no longer passes the checks. Preview the file again.")]
    BadRow {
        /// The file line (1-based) of the row that failed.
        line: usize,
    },
    /// Someone in the preview was added to the register between preview and commit, so nothing was
    /// added.
    #[error("Someone in this file was added to the register after the preview. Preview the file again.")]
    ChangedSincePreview,
    /// Confirming an import when no preview is waiting (it was confirmed already, or the app was
    /// locked in between). Shared by every CSV import, people or training.
    #[error("Choose the file again: there is no import waiting to be confirmed.")]
    NoPreview,
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Store(StoreError::Sqlite(e))
    }
}

impl CodedError for ImportError {
    fn code(&self) -> ErrorCode {
        match self {
            ImportError::TooLarge => ErrorCode::ImportTooLarge,
            ImportError::Empty => ErrorCode::ImportEmpty,
            ImportError::UnterminatedQuote { .. } => ErrorCode::ImportUnreadable,
            ImportError::NoNameColumn => ErrorCode::ImportNoNameColumn,
            ImportError::NoGroupColumn => ErrorCode::ImportNoGroupColumn,
            ImportError::BadRow { .. } => ErrorCode::ImportBadRow,
            ImportError::ChangedSincePreview => ErrorCode::ImportChangedSincePreview,
            ImportError::NoPreview => ErrorCode::ImportNoPreview,
            ImportError::Store(e) => e.code(),
        }
    }
}

/// Which rule made two rows the same person.
fn duplicate_rule(draft: &PersonDraft) -> &'static str {
    if draft.date_of_birth.is_some() {
        "same full name and date of birth"
    } else {
        "same full name and group"
    }
}

/// Two entries are the same person when their name keys match and their dates of birth match,
/// or, when either has no date of birth, their groups match.
fn same_person(a: &PersonDraft, b: &PersonDraft) -> bool {
    name_key(&a.full_name) == name_key(&b.full_name)
        && match (a.date_of_birth, b.date_of_birth) {
            (Some(x), Some(y)) => x == y,
            _ => a.group == b.group,
        }
}

/// Whether the register (active or archived) already holds this person.
fn in_register(conn: &Connection, draft: &PersonDraft) -> Result<bool, StoreError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM people WHERE name_key = ?1
               AND CASE WHEN ?2 IS NOT NULL AND date_of_birth IS NOT NULL THEN date_of_birth = ?2
                        ELSE person_group = ?3 END
             LIMIT 1",
            params![name_key(&draft.full_name), draft.date_of_birth.map(date_text), draft.group.as_str()],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Reads a CSV export and sorts every row into add, duplicate or rejected. Writes nothing.
pub fn preview(conn: &Connection, bytes: &[u8]) -> Result<ImportPreview, ImportError> {
    preview_reporting(conn, bytes, &mut progress::ignore)
}

/// As `preview`, reporting the rows checked as it goes.
pub fn preview_reporting(conn: &Connection, bytes: &[u8], report: Report<'_>) -> Result<ImportPreview, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge);
    }
    let text = csv::decode(bytes);
    let records = csv::parse(&text)
        .map_err(|csv::CsvProblem::UnterminatedQuote { line }| ImportError::UnterminatedQuote { line })?;
    if records.len() > MAX_ROWS + 1 {
        return Err(ImportError::TooLarge);
    }
    let (header, rows) = records.split_first().ok_or(ImportError::Empty)?;
    let map = ColumnMap::from_header(&header.fields)?;
    let today = crate::dates::today();
    let mut out = ImportPreview { ignored_columns: map.ignored.clone(), ..ImportPreview::default() };
    // The rows to add so far by name key, so that a repeat is found among the few with the same
    // name rather than by comparing every row with every earlier one.
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (checked, record) in rows.iter().enumerate() {
        progress::rows_checked(LongWork::PeopleImport, checked, rows.len(), report);
        let draft = match map.row(&record.fields, today) {
            RowOutcome::Draft(d) => d,
            RowOutcome::Rejected(reason) => {
                out.rejected.push(RowIssue { line: record.line, reason });
                continue;
            }
        };
        let key = name_key(&draft.full_name);
        let same_name = by_name.get(&key).map(Vec::as_slice).unwrap_or_default();
        if let Some(earlier) = same_name.iter().map(|&i| &out.to_add[i]).find(|r| same_person(&r.draft, &draft)) {
            let reason = format!("Repeats line {} ({}).", earlier.line, duplicate_rule(&draft));
            out.duplicates.push(RowIssue { line: record.line, reason });
        } else if in_register(conn, &draft)? {
            let reason = format!("Already in the register ({}).", duplicate_rule(&draft));
            out.duplicates.push(RowIssue { line: record.line, reason });
        } else {
            by_name.entry(key).or_default().push(out.to_add.len());
            out.to_add.push(ImportRow { line: record.line, draft });
        }
    }
    progress::rows_checked(LongWork::PeopleImport, rows.len(), rows.len(), report);
    Ok(out)
}

/// Adds every row of `preview.to_add` in one transaction, or none of them. Rows are checked again,
/// because the preview may have travelled through the UI and the register may have changed.
/// Returns how many people were added.
pub fn commit(conn: &mut Connection, actor: &Actor, preview: &ImportPreview) -> Result<usize, ImportError> {
    let today = crate::dates::today();
    let tx = conn.transaction()?;
    for row in &preview.to_add {
        let valid = people::validate(&row.draft, today).map_err(|e| match e {
            PeopleError::Store(s) => ImportError::Store(s),
            _ => ImportError::BadRow { line: row.line },
        })?;
        if in_register(&tx, valid.draft())? {
            return Err(ImportError::ChangedSincePreview);
        }
        people::insert_valid(&tx, actor, &valid, "import")?;
    }
    let detail = format!("added={}", preview.to_add.len());
    audit::append(
        &tx,
        actor,
        &Entry { action: "people.imported", subject_kind: "people", subject_id: "", detail: &detail },
    )?;
    tx.commit()?;
    Ok(preview.to_add.len())
}

#[cfg(test)]
mod tests;
