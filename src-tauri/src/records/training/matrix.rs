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
use crate::records::date_text;
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
    /// At most this many rows, the first by name; `None` for every row. A page asks for one more
    /// than it shows, to know whether there are more.
    pub limit: Option<u32>,
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

/// The matrix's order: by the name as the register sorts it (`people::name_key`), then by id.
fn order_key(person: &ActivePerson) -> (String, String) {
    (people::name_key(&person.full_name), person.id.clone())
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

/// Each person's latest completion of each course in `courses`, by person id, one entry per
/// course in the same order (`None` when never done). Read from the summary the triggers of
/// migration 14 keep: one row per person and course, however many completions there are.
pub(super) fn latest(
    conn: &Connection,
    courses: &[Course],
) -> Result<HashMap<String, Vec<Option<NaiveDate>>>, TrainingError> {
    let column: HashMap<&str, usize> = courses.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let mut stmt = conn.prepare_cached("SELECT person_id, course_id, completed_on FROM summary_training_latest")?;
    let mut rows = stmt.query([])?;
    let mut latest: HashMap<String, Vec<Option<NaiveDate>>> = HashMap::new();
    while let Some(row) = rows.next()? {
        // Retired courses are not columns: their completions are not shown.
        let course: String = row.get(1)?;
        let Some(&at) = column.get(course.as_str()) else { continue };
        let on = parse_date(&row.get::<_, String>(2)?, 2)?;
        let person: String = row.get(0)?;
        latest.entry(person).or_insert_with(|| vec![None; courses.len()])[at] = Some(on);
    }
    Ok(latest)
}

/// What the matrix and "what is due" both start from: the courses in use, the people still with
/// the organisation in the matrix's order (by name, then id), the roles they hold, and their
/// latest completions.
struct Facts {
    courses: Vec<Course>,
    people: Vec<ActivePerson>,
    roles: HashMap<String, Vec<Role>>,
    latest: HashMap<String, Vec<Option<NaiveDate>>>,
}

impl Facts {
    fn read(conn: &Connection, today: NaiveDate) -> Result<Facts, TrainingError> {
        let courses = courses(conn, false)?;
        let latest = latest(conn, &courses)?;
        let mut people = active_people(conn, today)?;
        people.sort_by_cached_key(order_key);
        Ok(Facts { courses, people, roles: all_roles(conn)?, latest })
    }
}

/// One person's row: a cell per course, or `None` when they need no course and have done none.
fn row_for(
    person: ActivePerson,
    roles: Vec<Role>,
    last: &[Option<NaiveDate>],
    courses: &[Course],
    today: NaiveDate,
) -> Option<MatrixRow> {
    let cells: Vec<MatrixCell> = courses
        .iter()
        .zip(last)
        .map(|(course, last)| {
            let required = course.required_of(person.group, &roles);
            let next_due = last.and_then(|on| course.renewal.next_due(on));
            MatrixCell {
                course_id: course.id.clone(),
                required,
                last_completed: *last,
                next_due,
                status: status(required, next_due, last.is_some(), today),
            }
        })
        .collect();
    cells.iter().any(|c| c.required || c.last_completed.is_some()).then_some(MatrixRow {
        person_id: person.id,
        full_name: person.full_name,
        group: person.group,
        roles,
        cells,
    })
}

/// True when `row` passes the filter's group and status.
fn shows(filter: &MatrixFilter, row: &MatrixRow) -> bool {
    filter.group.is_none_or(|g| row.group == g)
        && filter.status.is_none_or(|wanted| {
            row.cells
                .iter()
                .filter(|c| filter.course_id.as_ref().is_none_or(|id| &c.course_id == id))
                .any(|c| c.status == Some(wanted))
        })
}

/// Every active person who must do a course or has done one, against every course in use.
fn full_matrix(conn: &Connection, today: NaiveDate) -> Result<TrainingMatrix, TrainingError> {
    let Facts { courses, people, mut roles, mut latest } = Facts::read(conn, today)?;
    let never = vec![None; courses.len()];
    let mut rows = Vec::new();
    for person in people {
        let their_roles = roles.remove(&person.id).unwrap_or_default();
        let theirs = latest.remove(&person.id);
        rows.extend(row_for(person, their_roles, theirs.as_deref().unwrap_or(&never), &courses, today));
    }
    Ok(TrainingMatrix { courses, rows })
}

/// The first `limit` rows the filter lets through, reading people in the matrix's order from the
/// index on their name and, for each, their roles and their row of the training summary: the
/// work grows with the page, not with the organisation (unless few people pass the filter).
fn matrix_page(
    conn: &Connection,
    today: NaiveDate,
    filter: &MatrixFilter,
    limit: usize,
) -> Result<TrainingMatrix, TrainingError> {
    let courses = courses(conn, false)?;
    let column: HashMap<&str, usize> = courses.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let mut people = conn.prepare_cached(
        "SELECT id, full_name, person_group FROM people
         WHERE archived_at IS NULL AND (leave_date IS NULL OR leave_date > ?1) AND (?2 IS NULL OR person_group = ?2)
         ORDER BY name_key, id",
    )?;
    let mut roles_of = conn.prepare_cached("SELECT role FROM person_roles WHERE person_id = ?1")?;
    let mut latest_of =
        conn.prepare_cached("SELECT course_id, completed_on FROM summary_training_latest WHERE person_id = ?1")?;
    let mut found = people.query(rusqlite::params![date_text(today), filter.group.map(PersonGroup::as_str)])?;
    let mut rows = Vec::new();
    while rows.len() < limit {
        let Some(found) = found.next()? else { break };
        let group: String = found.get(2)?;
        let Some(group) = PersonGroup::from_stored(&group) else { continue };
        let person = ActivePerson { id: found.get(0)?, full_name: found.get(1)?, group };
        let mut roles: Vec<Role> = roles_of
            .query_map([&person.id], |r| r.get::<_, String>(0))?
            .filter_map(|role| role.map(|r| Role::from_stored(&r)).transpose())
            .collect::<Result<_, _>>()?;
        roles.sort();
        let mut last = vec![None; courses.len()];
        for done in latest_of.query_map([&person.id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (course, on) = done?;
            if let Some(&at) = column.get(course.as_str()) {
                last[at] = Some(parse_date(&on, 1)?);
            }
        }
        if let Some(row) = row_for(person, roles, &last, &courses, today).filter(|row| shows(filter, row)) {
            rows.push(row);
        }
    }
    Ok(TrainingMatrix { courses, rows })
}

/// How many of the training lines of "what is due" are in one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueCount {
    /// The state.
    pub status: DueStatus,
    /// How many person-and-course lines are in it.
    pub count: u32,
}

/// The training lines of "what is due" and how many there are in each state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueLines {
    /// Most urgent first: never done, then by due date, then by name (and the matrix's order).
    pub lines: Vec<TrainingDue>,
    /// One count per state, in `DueStatus` order, each counting every line in that state whether
    /// or not `lines` holds it.
    pub counts: Vec<DueCount>,
}

/// The dashboard's three groups of what is due: now (never done or overdue), within 30 days, and
/// within 31 to 90 days. `None` for what is in date.
pub fn dashboard_group(status: DueStatus) -> Option<usize> {
    match status {
        DueStatus::NeverDone | DueStatus::Overdue => Some(0),
        DueStatus::DueIn30 => Some(1),
        DueStatus::DueIn60 | DueStatus::DueIn90 => Some(2),
        DueStatus::InDate => None,
    }
}

const STATES: [DueStatus; 6] = [
    DueStatus::NeverDone,
    DueStatus::Overdue,
    DueStatus::DueIn30,
    DueStatus::DueIn60,
    DueStatus::DueIn90,
    DueStatus::InDate,
];

/// Every required course for every person still with the organisation, as lines of "what is
/// due", with a count of each state. With `keep`, only what needs attention within 90 days and at
/// most `keep` lines of each of the dashboard's groups (the most urgent); the counts still count
/// every line. Without it, every line, in date included (the calendar holds them all).
pub fn due_lines(conn: &Connection, today: NaiveDate, keep: Option<usize>) -> Result<DueLines, TrainingError> {
    let facts = Facts::read(conn, today)?;
    let none: Vec<Role> = Vec::new();
    let never = vec![None; facts.courses.len()];
    let mut counts = [0u32; STATES.len()];
    // (status, due, person, course), by index: the names are only copied for the lines kept.
    let mut found: Vec<(DueStatus, Option<NaiveDate>, usize, usize)> = Vec::new();
    for (p, person) in facts.people.iter().enumerate() {
        let their_roles = facts.roles.get(&person.id).unwrap_or(&none);
        let theirs = facts.latest.get(&person.id).unwrap_or(&never);
        for (c, (course, last)) in facts.courses.iter().zip(theirs).enumerate() {
            let required = course.required_of(person.group, their_roles);
            let next_due = last.and_then(|on| course.renewal.next_due(on));
            let Some(state) = status(required, next_due, last.is_some(), today) else { continue };
            counts[state as usize] += 1;
            if keep.is_none() || dashboard_group(state).is_some() {
                found.push((state, next_due, p, c));
            }
        }
    }
    let order = |a: &(DueStatus, Option<NaiveDate>, usize, usize), b: &(DueStatus, Option<NaiveDate>, usize, usize)| {
        (a.0, a.1, &facts.people[a.2].full_name, a.2, a.3).cmp(&(b.0, b.1, &facts.people[b.2].full_name, b.2, b.3))
    };
    if let Some(keep) = keep {
        let mut kept = Vec::new();
        for group in 0..3 {
            let mut in_group: Vec<_> = found.iter().copied().filter(|l| dashboard_group(l.0) == Some(group)).collect();
            if in_group.len() > keep && keep > 0 {
                in_group.select_nth_unstable_by(keep - 1, order);
            }
            in_group.truncate(keep);
            kept.extend(in_group);
        }
        found = kept;
    }
    found.sort_unstable_by(order);
    let lines = found
        .into_iter()
        .map(|(state, due, p, c)| TrainingDue {
            person_id: facts.people[p].id.clone(),
            person_name: facts.people[p].full_name.clone(),
            course_id: facts.courses[c].id.clone(),
            course_name: facts.courses[c].name.clone(),
            due,
            status: state,
        })
        .collect();
    let counts = STATES.iter().map(|&status| DueCount { status, count: counts[status as usize] }).collect();
    Ok(DueLines { lines, counts })
}

/// The matrix, filtered; with a limit, only its first rows (see `matrix_page`).
pub fn matrix(conn: &Connection, today: NaiveDate, filter: &MatrixFilter) -> Result<TrainingMatrix, TrainingError> {
    if let Some(limit) = filter.limit {
        return matrix_page(conn, today, filter, limit as usize);
    }
    let mut found = full_matrix(conn, today)?;
    found.rows.retain(|row| shows(filter, row));
    Ok(found)
}
