//! Storage for courses, roles and completions. Every change runs in one transaction with its audit
//! entry; audit details hold ids and counts only.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{Completion, Course, CourseDraft, Role, TrainingError, TrainingField, TrainingRecord};
use crate::records::attachments::{scan_extension, FileCopy};
use crate::records::people::PersonGroup;
use crate::records::text::single_spaced;
use crate::records::{date_text, new_id, now_utc, DATE_FORMAT};
use crate::reminders::Renewal;
use crate::store::audit::{self, Actor, Entry};

const NAME_MAX: usize = 120;
const PROVIDER_MAX: usize = 200;
const NOTES_MAX: usize = 2_000;
/// Ten years: longer than any renewal period in use, short enough to catch a typo in months.
const RENEWAL_MAX_MONTHS: u32 = 120;
/// Completions are for people working now; nothing before this is believable.
const EARLIEST: (i32, u32, u32) = (1990, 1, 1);

fn audit_entry(
    conn: &Connection,
    actor: &Actor,
    action: &str,
    kind: &str,
    id: &str,
    detail: &str,
) -> Result<(), TrainingError> {
    audit::append(conn, actor, &Entry { action, subject_kind: kind, subject_id: id, detail })?;
    Ok(())
}

fn json_list<T: serde::Serialize>(items: &[T]) -> String {
    // Serialising a list of plain enums cannot fail.
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned())
}

fn parse_list<T: serde::de::DeserializeOwned>(text: &str, index: usize) -> rusqlite::Result<Vec<T>> {
    serde_json::from_str(text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e)))
}

const COURSE_COLUMNS: &str = "id, name, renewal_months, required_groups, required_roles, retired_at";

fn course_from_row(row: &Row<'_>) -> rusqlite::Result<Course> {
    let months: Option<u32> = row.get(2)?;
    Ok(Course {
        id: row.get(0)?,
        name: row.get(1)?,
        renewal: months.map_or(Renewal::Never, |months| Renewal::Months { months }),
        required_groups: parse_list(&row.get::<_, String>(3)?, 3)?,
        required_roles: parse_list(&row.get::<_, String>(4)?, 4)?,
        retired: row.get::<_, Option<String>>(5)?.is_some(),
    })
}

/// The catalogue in its set order; retired courses last, and only when asked for.
pub fn courses(conn: &Connection, include_retired: bool) -> Result<Vec<Course>, TrainingError> {
    let sql = format!(
        "SELECT {COURSE_COLUMNS} FROM courses WHERE ?1 = 1 OR retired_at IS NULL
         ORDER BY retired_at IS NOT NULL, position, name"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([i64::from(include_retired)], course_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn course(conn: &Connection, id: &str) -> Result<Course, TrainingError> {
    conn.query_row(&format!("SELECT {COURSE_COLUMNS} FROM courses WHERE id = ?1"), [id], course_from_row)
        .optional()?
        .ok_or(TrainingError::CourseNotFound)
}

/// A course draft after its checks: the tidied name, renewal months (`None` for once only), and
/// who must do it, each list sorted and without repeats.
struct ValidCourse {
    name: String,
    months: Option<u32>,
    groups: Vec<PersonGroup>,
    roles: Vec<Role>,
}

fn valid_draft(draft: &CourseDraft) -> Result<ValidCourse, TrainingError> {
    let name = single_spaced(&draft.name);
    if name.chars().count() < 2 {
        return Err(TrainingError::Missing(TrainingField::CourseName));
    }
    if name.chars().count() > NAME_MAX {
        return Err(TrainingError::TooLong { field: TrainingField::CourseName, max: NAME_MAX });
    }
    let months = match draft.renewal {
        Renewal::Never => None,
        Renewal::Months { months } if (1..=RENEWAL_MAX_MONTHS).contains(&months) => Some(months),
        Renewal::Months { .. } => return Err(TrainingError::RenewalOutOfRange { max: RENEWAL_MAX_MONTHS }),
    };
    let groups: BTreeSet<PersonGroup> = draft.required_groups.iter().copied().collect();
    let roles: BTreeSet<Role> = draft.required_roles.iter().copied().collect();
    Ok(ValidCourse { name, months, groups: groups.into_iter().collect(), roles: roles.into_iter().collect() })
}

/// Adds a course (`id` is `None`) or changes one. Changing the renewal period moves every due
/// date worked out from it, which is what an organisation changing its policy expects.
pub fn save_course(
    conn: &mut Connection,
    actor: &Actor,
    id: Option<&str>,
    draft: &CourseDraft,
) -> Result<Course, TrainingError> {
    let ValidCourse { name, months, groups, roles } = valid_draft(draft)?;
    let tx = conn.transaction()?;
    let now = now_utc();
    let id = match id {
        Some(id) => {
            let changed = tx.execute(
                "UPDATE courses SET name = ?2, renewal_months = ?3, required_groups = ?4, required_roles = ?5,
                     updated_at = ?6 WHERE id = ?1",
                params![id, name, months, json_list(&groups), json_list(&roles), now],
            )?;
            if changed == 0 {
                return Err(TrainingError::CourseNotFound);
            }
            audit_entry(&tx, actor, "course.changed", "course", id, "")?;
            id.to_owned()
        }
        None => {
            let id = new_id();
            tx.execute(
                "INSERT INTO courses (id, name, renewal_months, required_groups, required_roles, position, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COALESCE(MAX(position), 0) + 1 FROM courses), ?6, ?6)",
                params![id, name, months, json_list(&groups), json_list(&roles), now],
            )?;
            audit_entry(&tx, actor, "course.added", "course", &id, "")?;
            id
        }
    };
    let saved = course(&tx, &id)?;
    tx.commit()?;
    Ok(saved)
}

/// Retires a course (no longer required or offered; its history stays) or brings it back.
pub fn retire_course(conn: &mut Connection, actor: &Actor, id: &str, retired: bool) -> Result<(), TrainingError> {
    let tx = conn.transaction()?;
    let at = retired.then(now_utc);
    let changed =
        tx.execute("UPDATE courses SET retired_at = ?2, updated_at = ?3 WHERE id = ?1", params![id, at, now_utc()])?;
    if changed == 0 {
        return Err(TrainingError::CourseNotFound);
    }
    audit_entry(&tx, actor, if retired { "course.retired" } else { "course.restored" }, "course", id, "")?;
    tx.commit()?;
    Ok(())
}

/// The roles a person holds, in a fixed order.
pub fn roles_of(conn: &Connection, person_id: &str) -> Result<Vec<Role>, TrainingError> {
    let mut stmt = conn.prepare_cached("SELECT role FROM person_roles WHERE person_id = ?1")?;
    let mut roles: Vec<Role> = stmt
        .query_map([person_id], |r| r.get::<_, String>(0))?
        .filter_map(|r| r.ok().and_then(|text| Role::from_stored(&text)))
        .collect();
    roles.sort();
    Ok(roles)
}

fn active_person(conn: &Connection, person_id: &str) -> Result<(), TrainingError> {
    conn.query_row("SELECT 1 FROM people WHERE id = ?1 AND archived_at IS NULL", [person_id], |_| Ok(()))
        .optional()?
        .ok_or(TrainingError::PersonNotFound)
}

/// Replaces the roles a person holds.
pub fn set_roles(conn: &mut Connection, actor: &Actor, person_id: &str, roles: &[Role]) -> Result<(), TrainingError> {
    let tx = conn.transaction()?;
    active_person(&tx, person_id)?;
    tx.execute("DELETE FROM person_roles WHERE person_id = ?1", [person_id])?;
    let unique: BTreeSet<Role> = roles.iter().copied().collect();
    for role in &unique {
        tx.execute("INSERT INTO person_roles (person_id, role) VALUES (?1, ?2)", params![person_id, role.as_str()])?;
    }
    let detail = format!("roles={}", unique.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(","));
    audit_entry(&tx, actor, "person.rolesChanged", "person", person_id, &detail)?;
    tx.commit()?;
    Ok(())
}

fn valid_completion(c: &Completion, today: NaiveDate) -> Result<(String, Option<String>, Vec<String>), TrainingError> {
    let earliest = NaiveDate::from_ymd_opt(EARLIEST.0, EARLIEST.1, EARLIEST.2).unwrap_or(NaiveDate::MIN);
    if c.completed_on > today {
        return Err(TrainingError::CompletedInFuture);
    }
    if c.completed_on < earliest {
        return Err(TrainingError::CompletedBefore1990);
    }
    let provider = single_spaced(&c.provider);
    if provider.is_empty() {
        return Err(TrainingError::Missing(TrainingField::Provider));
    }
    if provider.chars().count() > PROVIDER_MAX {
        return Err(TrainingError::TooLong { field: TrainingField::Provider, max: PROVIDER_MAX });
    }
    let notes = c.notes.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    if notes.as_ref().is_some_and(|n| n.chars().count() > NOTES_MAX) {
        return Err(TrainingError::TooLong { field: TrainingField::Notes, max: NOTES_MAX });
    }
    let mut people: Vec<String> = Vec::new();
    for id in &c.person_ids {
        if !people.contains(id) {
            people.push(id.clone());
        }
    }
    if people.is_empty() {
        return Err(TrainingError::NoPeopleChosen);
    }
    Ok((provider, notes, people))
}

/// Records a course completed by one or more people on one date, all or nothing.
pub fn record(
    conn: &mut Connection,
    actor: &Actor,
    completion: &Completion,
    today: NaiveDate,
) -> Result<Vec<TrainingRecord>, TrainingError> {
    let (provider, notes, people) = valid_completion(completion, today)?;
    let tx = conn.transaction()?;
    let course = course(&tx, &completion.course_id)?;
    if course.retired {
        return Err(TrainingError::CourseRetired);
    }
    let now = now_utc();
    let by = actor.as_stored();
    let mut saved = Vec::with_capacity(people.len());
    for person_id in &people {
        active_person(&tx, person_id)?;
        let id = new_id();
        tx.execute(
            "INSERT INTO training_records (id, person_id, course_id, completed_on, provider, notes, recorded_at, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, person_id, course.id, date_text(completion.completed_on), provider, notes, now, by],
        )?;
        audit_entry(&tx, actor, "training.recorded", "person", person_id, &format!("course={}", course.id))?;
        saved.push(TrainingRecord {
            id,
            person_id: person_id.clone(),
            course_id: course.id.clone(),
            completed_on: completion.completed_on,
            provider: provider.clone(),
            notes: notes.clone(),
            next_due: course.renewal.next_due(completion.completed_on),
            recorded_at: now.clone(),
            has_certificate: false,
        });
    }
    tx.commit()?;
    Ok(saved)
}

/// Removes a training record entered by mistake. The removal is in the audit trail.
pub fn remove_record(conn: &mut Connection, actor: &Actor, record_id: &str) -> Result<(), TrainingError> {
    let tx = conn.transaction()?;
    let found: Option<(String, String)> = tx
        .query_row("SELECT person_id, course_id FROM training_records WHERE id = ?1", [record_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let (person_id, course_id) = found.ok_or(TrainingError::RecordNotFound)?;
    tx.execute("DELETE FROM training_records WHERE id = ?1", [record_id])?;
    audit_entry(
        &tx,
        actor,
        "training.removed",
        "person",
        &person_id,
        &format!("course={course_id};record={record_id}"),
    )?;
    tx.commit()?;
    Ok(())
}

/// Everything one person has completed, newest first, each with its next due date.
pub fn for_person(conn: &Connection, person_id: &str) -> Result<Vec<TrainingRecord>, TrainingError> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.person_id, t.course_id, t.completed_on, t.provider, t.notes, t.recorded_at, c.renewal_months,
                EXISTS (SELECT 1 FROM training_certificates x WHERE x.record_id = t.id)
         FROM training_records t JOIN courses c ON c.id = t.course_id
         WHERE t.person_id = ?1 ORDER BY t.completed_on DESC, t.recorded_at DESC",
    )?;
    let rows = stmt.query_map([person_id], |r| {
        let completed_on = parse_date(&r.get::<_, String>(3)?, 3)?;
        let months: Option<u32> = r.get(7)?;
        let renewal = months.map_or(Renewal::Never, |months| Renewal::Months { months });
        Ok(TrainingRecord {
            id: r.get(0)?,
            person_id: r.get(1)?,
            course_id: r.get(2)?,
            completed_on,
            provider: r.get(4)?,
            notes: r.get(5)?,
            next_due: renewal.next_due(completed_on),
            recorded_at: r.get(6)?,
            has_certificate: r.get::<_, i64>(8)? == 1,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn parse_date(text: &str, index: usize) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, DATE_FORMAT)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e)))
}

/// Stores a certificate with a training record, replacing any before it. Its type is judged by
/// its first bytes, not by the file's name.
pub fn attach_certificate(
    conn: &mut Connection,
    actor: &Actor,
    record_id: &str,
    bytes: &[u8],
) -> Result<(), TrainingError> {
    if bytes.len() > crate::records::signatures::MAX_SCAN_BYTES {
        return Err(TrainingError::CertificateTooLarge);
    }
    let media_type = crate::records::signatures::scan_media_type(bytes).ok_or(TrainingError::CertificateWrongType)?;
    let tx = conn.transaction()?;
    let person: String = tx
        .query_row("SELECT person_id FROM training_records WHERE id = ?1", [record_id], |r| r.get(0))
        .optional()?
        .ok_or(TrainingError::RecordNotFound)?;
    tx.execute(
        "INSERT INTO training_certificates (record_id, media_type, bytes, added_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (record_id) DO UPDATE SET media_type = excluded.media_type, bytes = excluded.bytes, added_at = excluded.added_at",
        params![record_id, media_type, bytes, now_utc()],
    )?;
    audit_entry(&tx, actor, "training.certificateAdded", "person", &person, &format!("record={record_id}"))?;
    tx.commit()?;
    Ok(())
}

/// A record's certificate: its media type and bytes.
pub fn certificate(conn: &Connection, record_id: &str) -> Result<(String, Vec<u8>), TrainingError> {
    conn.query_row("SELECT media_type, bytes FROM training_certificates WHERE record_id = ?1", [record_id], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
    .optional()?
    .ok_or(TrainingError::NoCertificate)
}

/// A record's certificate ready to copy out of the vault, named for the date the course was
/// completed ("Training certificate 2025-03-14.pdf"), never for the person.
pub fn certificate_copy(conn: &Connection, record_id: &str) -> Result<FileCopy, TrainingError> {
    let (media_type, bytes) = certificate(conn, record_id)?;
    let completed_on: String = conn
        .query_row("SELECT completed_on FROM training_records WHERE id = ?1", [record_id], |r| r.get(0))
        .map_err(|_| TrainingError::RecordNotFound)?;
    let extension = scan_extension(&media_type);
    Ok(FileCopy {
        file_name: format!("Training certificate {completed_on}.{extension}"),
        extension: extension.into(),
        bytes,
    })
}

/// Notes in the audit trail that a certificate was copied out of the vault.
pub fn note_certificate_saved(conn: &Connection, actor: &Actor, record_id: &str) -> Result<(), TrainingError> {
    audit_entry(conn, actor, "training.certificateSaved", "trainingRecord", record_id, "")
}
