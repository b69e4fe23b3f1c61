//! Importing past training from a spreadsheet's CSV export: one row per person per course
//! completed. `preview` says line by line what it would add, what is already recorded and what it
//! cannot take, writing nothing; `commit` adds the previewed rows all or nothing. Reasons name the
//! column and the rule, never the cell's content.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::courses;
use super::{TrainingColumn, TrainingError};
use crate::progress::{self, LongWork, Report};
use crate::records::people::name_key;
use crate::records::people_import::{csv, parse_uk_date, RowIssue, MAX_FILE_BYTES, MAX_ROWS};
use crate::records::{date_text, new_id, now_utc};
use crate::store::audit::{self, Actor, Entry};

/// A row that will be added, with the line of the file it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingImportRow {
    /// The line of the file the row starts on, counting from 1 as a spreadsheet does.
    pub line: usize,
    /// Who completed it: their id in the people register, found by their name.
    pub person_id: String,
    /// Their full name as the register has it.
    pub person_name: String,
    /// The course completed, by its id, found by its name.
    pub course_id: String,
    /// The course's name as the catalogue has it.
    pub course_name: String,
    /// The UK date it was completed (`YYYY-MM-DD`); from 1 January 1990 to today.
    #[ts(type = "string")]
    pub completed_on: NaiveDate,
    /// Who provided the training (up to 200 characters).
    pub provider: String,
    /// The notes from the file (up to 2,000 characters); `None` when the cell is empty or there is
    /// no Notes column.
    pub notes: Option<String>,
}

/// What importing a training CSV would do, line by line. Nothing is written until it is committed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingImportPreview {
    /// Rows that will be added when the preview is committed.
    pub to_add: Vec<TrainingImportRow>,
    /// Already recorded, or repeated in the file.
    pub duplicates: Vec<RowIssue>,
    /// Rows that cannot be taken, each with the rule it breaks (never the cell's content).
    pub rejected: Vec<RowIssue>,
    /// Header cells Safekeeper did not recognise (their columns are not imported).
    pub ignored_columns: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Course,
    Date,
    Provider,
    Notes,
}

/// Header cell → field, compared with case, spaces and punctuation removed.
const HEADERS: &[(&str, Field)] = &[
    ("name", Field::Name),
    ("fullname", Field::Name),
    ("person", Field::Name),
    ("staffmember", Field::Name),
    ("course", Field::Course),
    ("coursename", Field::Course),
    ("training", Field::Course),
    ("date", Field::Date),
    ("datecompleted", Field::Date),
    ("completed", Field::Date),
    ("completedon", Field::Date),
    ("dateoftraining", Field::Date),
    ("provider", Field::Provider),
    ("trainer", Field::Provider),
    ("deliveredby", Field::Provider),
    ("notes", Field::Notes),
    ("comments", Field::Notes),
];

fn header_key(cell: &str) -> String {
    cell.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Reads a CSV export and sorts every row into add, duplicate or rejected. Writes nothing.
pub fn preview(conn: &Connection, bytes: &[u8], today: NaiveDate) -> Result<TrainingImportPreview, TrainingError> {
    preview_reporting(conn, bytes, today, &mut progress::ignore)
}

/// As `preview`, reporting the rows checked as it goes.
pub fn preview_reporting(
    conn: &Connection,
    bytes: &[u8],
    today: NaiveDate,
    report: Report<'_>,
) -> Result<TrainingImportPreview, TrainingError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(TrainingError::ImportTooLarge);
    }
    let text = csv::decode(bytes);
    let records = csv::parse(&text)
        .map_err(|csv::CsvProblem::UnterminatedQuote { line }| TrainingError::ImportUnterminatedQuote { line })?;
    if records.len() > MAX_ROWS + 1 {
        return Err(TrainingError::ImportTooLarge);
    }
    let (header, rows) = records.split_first().ok_or(TrainingError::ImportEmpty)?;
    let mut columns: HashMap<usize, Field> = HashMap::new();
    let mut ignored = Vec::new();
    for (i, cell) in header.fields.iter().enumerate() {
        match HEADERS.iter().find(|(name, _)| *name == header_key(cell)) {
            Some((_, field)) if !columns.values().any(|f| f == field) => {
                columns.insert(i, *field);
            }
            _ if cell.trim().is_empty() => {}
            _ => ignored.push(cell.trim().to_owned()),
        }
    }
    for (field, column) in [
        (Field::Name, TrainingColumn::Name),
        (Field::Course, TrainingColumn::Course),
        (Field::Date, TrainingColumn::DateCompleted),
        (Field::Provider, TrainingColumn::Provider),
    ] {
        if !columns.values().any(|f| *f == field) {
            return Err(TrainingError::ImportColumnMissing(column));
        }
    }
    let cell = |fields: &[String], wanted: Field| -> String {
        columns
            .iter()
            .find(|(_, f)| **f == wanted)
            .and_then(|(i, _)| fields.get(*i))
            .map(|c| c.trim().to_owned())
            .unwrap_or_default()
    };

    // Active people by name key, and courses in use by lower-cased name.
    let mut people: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, full_name, name_key FROM people WHERE archived_at IS NULL AND (leave_date IS NULL OR leave_date > ?1)",
    )?;
    for row in stmt.query_map([date_text(today)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
    })? {
        let (id, name, key) = row?;
        people.entry(key).or_default().push((id, name));
    }
    let catalogue: HashMap<String, (String, String)> =
        courses(conn, false)?.into_iter().map(|c| (c.name.to_lowercase(), (c.id, c.name))).collect();
    let earliest = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or(NaiveDate::MIN);

    let mut out = TrainingImportPreview { ignored_columns: ignored, ..TrainingImportPreview::default() };
    // The line of each (person, course, date) to add so far, so that a repeat is one lookup.
    let mut added: HashMap<(String, String, NaiveDate), usize> = HashMap::new();
    for (checked, record) in rows.iter().enumerate() {
        progress::rows_checked(LongWork::TrainingImport, checked, rows.len(), report);
        if record.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let reject = |out: &mut TrainingImportPreview, reason: &str| {
            out.rejected.push(RowIssue { line: record.line, reason: reason.to_owned() });
        };
        let name = cell(&record.fields, Field::Name);
        let person = match people.get(&name_key(&name)).map(Vec::as_slice) {
            _ if name.is_empty() => {
                reject(&mut out, "Name is empty.");
                continue;
            }
            Some([only]) => only.clone(),
            Some(_) => {
                reject(
                    &mut out,
                    "More than one person in the register has this name. Record this one by hand from their page.",
                );
                continue;
            }
            None => {
                reject(
                    &mut out,
                    "Nobody in the register has this name. Add them under People first, or check the spelling.",
                );
                continue;
            }
        };
        let course_cell = cell(&record.fields, Field::Course);
        let Some((course_id, course_name)) = catalogue.get(&course_cell.to_lowercase()).cloned() else {
            reject(&mut out, "Course is not one of your courses. Use the name exactly as Training \u{2192} Courses lists it, or add the course there first.");
            continue;
        };
        let Some(completed_on) = parse_uk_date(&cell(&record.fields, Field::Date)) else {
            reject(&mut out, "Date completed is not a date. Write it like 14/10/2026.");
            continue;
        };
        if completed_on > today || completed_on < earliest {
            reject(&mut out, "Date completed must be between 1 January 1990 and today.");
            continue;
        }
        let provider = cell(&record.fields, Field::Provider);
        if provider.is_empty() || provider.chars().count() > 200 {
            reject(&mut out, "Provider must be filled in, up to 200 characters.");
            continue;
        }
        let notes = Some(cell(&record.fields, Field::Notes)).filter(|n| !n.is_empty());
        if notes.as_ref().is_some_and(|n| n.chars().count() > 2_000) {
            reject(&mut out, "Notes must be 2,000 characters or fewer.");
            continue;
        }
        let row = TrainingImportRow {
            line: record.line,
            person_id: person.0,
            person_name: person.1,
            course_id,
            course_name,
            completed_on,
            provider,
            notes,
        };
        let key = (row.person_id.clone(), row.course_id.clone(), row.completed_on);
        if let Some(earlier) = added.get(&key) {
            out.duplicates.push(RowIssue { line: record.line, reason: format!("Repeats line {earlier}.") });
        } else if recorded(conn, &row)? {
            out.duplicates
                .push(RowIssue { line: record.line, reason: "Already recorded: same person, course and date.".into() });
        } else {
            added.insert(key, row.line);
            out.to_add.push(row);
        }
    }
    progress::rows_checked(LongWork::TrainingImport, rows.len(), rows.len(), report);
    Ok(out)
}

fn recorded(conn: &Connection, row: &TrainingImportRow) -> Result<bool, TrainingError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM training_records WHERE person_id = ?1 AND course_id = ?2 AND completed_on = ?3",
            params![row.person_id, row.course_id, date_text(row.completed_on)],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Adds every row of `preview.to_add` in one transaction, or none. Rows are checked again: the
/// register may have changed since the preview. Returns how many were added.
pub fn commit(conn: &mut Connection, actor: &Actor, preview: &TrainingImportPreview) -> Result<usize, TrainingError> {
    let tx = conn.transaction()?;
    let now = now_utc();
    for row in &preview.to_add {
        let active = tx
            .query_row("SELECT 1 FROM people WHERE id = ?1 AND archived_at IS NULL", [&row.person_id], |_| Ok(()))
            .optional()?
            .is_some();
        let course_in_use = tx
            .query_row("SELECT 1 FROM courses WHERE id = ?1 AND retired_at IS NULL", [&row.course_id], |_| Ok(()))
            .optional()?
            .is_some();
        if !active || !course_in_use || recorded(&tx, row)? {
            return Err(TrainingError::ImportChangedSincePreview);
        }
        tx.execute(
            "INSERT INTO training_records (id, person_id, course_id, completed_on, provider, notes, recorded_at, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![new_id(), row.person_id, row.course_id, date_text(row.completed_on), row.provider, row.notes, now, actor.as_stored()],
        )?;
    }
    let detail = format!("added={}", preview.to_add.len());
    audit::append(
        &tx,
        actor,
        &Entry { action: "training.imported", subject_kind: "training", subject_id: "", detail: &detail },
    )?;
    tx.commit()?;
    Ok(preview.to_add.len())
}
