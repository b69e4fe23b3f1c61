//! The training matrix (active people against the courses, each cell's status in words) and the
//! training lines of the dashboard's "what is due". Worked out in Rust from three small queries,
//! so the rules (who must do what, when it falls due) live in one place.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::{courses, parse_date};
use super::{status, Course, Role, TrainingError};
use crate::records::people::{self, PersonGroup};
use crate::reminders::DueStatus;

/// Which rows the matrix shows. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(rename = "TrainingMatrixFilter")]
pub struct MatrixFilter {
    /// Only people in this group; `None` for every group.
    pub group: Option<PersonGroup>,
    /// Only people with at least one cell in this state (in `course_id`'s column, if given).
    pub status: Option<DueStatus>,
    /// The course whose column `status` looks at; `None` for any course.
    pub course_id: Option<String>,
}

/// One person against one course in the training matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "TrainingMatrixCell")]
pub struct MatrixCell {
    /// The course, by its id.
    pub course_id: String,
    /// True when the person must do it, because of their group or a role they hold.
    pub required: bool,
    /// The UK date they last completed it (`YYYY-MM-DD`); `None` when they never have.
    #[ts(type = "string | null")]
    pub last_completed: Option<NaiveDate>,
    /// When it next falls due, from the last completion and the course's renewal; `None` when never
    /// done, or done once for good.
    #[ts(type = "string | null")]
    pub next_due: Option<NaiveDate>,
    /// `None` when the person need not do this course.
    pub status: Option<DueStatus>,
}

/// One person's row in the training matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "TrainingMatrixRow")]
pub struct MatrixRow {
    /// The person's id in the people register.
    pub person_id: String,
    /// Their full name from the people register.
    pub full_name: String,
    /// Their group in the register, which decides some of the courses they must do.
    pub group: PersonGroup,
    /// The roles they hold, which decide the rest.
    pub roles: Vec<Role>,
    /// One cell per course, in the order of `TrainingMatrix::courses`.
    pub cells: Vec<MatrixCell>,
}

/// The training matrix: people with the organisation against the courses in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingMatrix {
    /// The courses in use (retired ones left out), in the catalogue's order: the matrix's columns.
    pub courses: Vec<Course>,
    /// One row per person still with the organisation who must do a course or has done one, by name.
    pub rows: Vec<MatrixRow>,
}

/// One line of "what is due" for training.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingDue {
    /// The person's id in the people register.
    pub person_id: String,
    /// Their full name from the people register.
    pub person_name: String,
    /// The course, by its id.
    pub course_id: String,
    /// The course's name as the catalogue has it.
    pub course_name: String,
    /// `None` when it has never been done.
    #[ts(type = "string | null")]
    pub due: Option<NaiveDate>,
    /// How urgent it is: never done, overdue, or due within 30, 60 or 90 days.
    pub status: DueStatus,
}

struct ActivePerson {
    id: String,
    full_name: String,
    group: PersonGroup,
}

/// People still with the organisation today: not archived, and not past their leaving date.
fn active_people(conn: &Connection, today: NaiveDate) -> Result<Vec<ActivePerson>, TrainingError> {
    Ok(people::still_with_us(conn, today)?
        .into_iter()
        .map(|p| ActivePerson { id: p.id, full_name: p.full_name, group: p.group })
        .collect())
}

fn all_roles(conn: &Connection) -> Result<HashMap<String, Vec<Role>>, TrainingError> {
    let mut stmt = conn.prepare_cached("SELECT person_id, role FROM person_roles")?;
    let mut roles: HashMap<String, Vec<Role>> = HashMap::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (person, role) = row?;
        if let Some(role) = Role::from_stored(&role) {
            roles.entry(person).or_default().push(role);
        }
    }
    for list in roles.values_mut() {
        list.sort();
    }
    Ok(roles)
}

/// Each person's latest completion of each course.
fn latest(conn: &Connection) -> Result<HashMap<(String, String), NaiveDate>, TrainingError> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id, course_id, MAX(completed_on) FROM training_records GROUP BY person_id, course_id",
    )?;
    let mut latest = HashMap::new();
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, parse_date(&r.get::<_, String>(2)?, 2)?))
    })? {
        let (person, course, on) = row?;
        latest.insert((person, course), on);
    }
    Ok(latest)
}

/// Every active person who must do a course or has done one, against every course in use.
fn full_matrix(conn: &Connection, today: NaiveDate) -> Result<TrainingMatrix, TrainingError> {
    let courses = courses(conn, false)?;
    let roles = all_roles(conn)?;
    let latest = latest(conn)?;
    let none: Vec<Role> = Vec::new();
    let mut rows = Vec::new();
    for person in active_people(conn, today)? {
        let their_roles = roles.get(&person.id).unwrap_or(&none);
        let cells: Vec<MatrixCell> = courses
            .iter()
            .map(|course| {
                let required = course.required_of(person.group, their_roles);
                let last = latest.get(&(person.id.clone(), course.id.clone())).copied();
                let next_due = last.and_then(|on| course.renewal.next_due(on));
                MatrixCell {
                    course_id: course.id.clone(),
                    required,
                    last_completed: last,
                    next_due,
                    status: status(required, next_due, last.is_some(), today),
                }
            })
            .collect();
        if cells.iter().any(|c| c.required || c.last_completed.is_some()) {
            rows.push(MatrixRow {
                person_id: person.id,
                full_name: person.full_name,
                group: person.group,
                roles: their_roles.clone(),
                cells,
            });
        }
    }
    rows.sort_by_cached_key(|r| (r.full_name.to_lowercase(), r.person_id.clone()));
    Ok(TrainingMatrix { courses, rows })
}

/// The matrix, filtered.
pub fn matrix(conn: &Connection, today: NaiveDate, filter: &MatrixFilter) -> Result<TrainingMatrix, TrainingError> {
    let mut found = full_matrix(conn, today)?;
    found.rows.retain(|row| {
        filter.group.is_none_or(|g| row.group == g)
            && filter.status.is_none_or(|wanted| {
                row.cells
                    .iter()
                    .filter(|c| filter.course_id.as_ref().is_none_or(|id| &c.course_id == id))
                    .any(|c| c.status == Some(wanted))
            })
    });
    Ok(found)
}
