//! Storage for the people register: insert, update, archive, read, search and parent links.
//! Every change runs in one transaction with its audit entry; audit details hold ids only.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use super::name::{name_key, search_text};
use super::{validate, PeopleError, PeopleQuery, Person, PersonDraft, PersonGroup, PersonStatus, ValidPerson};
use crate::dates::today;
use crate::records::text::single_spaced;
use crate::records::{date_column, date_text, new_id, now_utc};
use crate::store::audit::{self, Actor, Entry};
use crate::store::StoreError;

const PERSON_COLUMNS: &str = "id, person_group, full_name, preferred_name, date_of_birth, start_date, \
     leave_date, email, phone, kiosk_listed, archived_at, created_at, updated_at";

fn person_from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    let group: String = row.get(1)?;
    Ok(Person {
        id: row.get(0)?,
        group: PersonGroup::from_stored(&group).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, "unknown group".into())
        })?,
        full_name: row.get(2)?,
        preferred_name: row.get(3)?,
        date_of_birth: date_column(row, 4)?,
        start_date: date_column(row, 5)?,
        leave_date: date_column(row, 6)?,
        email: row.get(7)?,
        phone: row.get(8)?,
        kiosk_listed: row.get::<_, i64>(9)? == 1,
        archived_at: row.get(10)?,
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
    })
}

fn audit_person(conn: &Connection, actor: &Actor, action: &str, id: &str, detail: &str) -> Result<(), StoreError> {
    audit::append(conn, actor, &Entry { action, subject_kind: "person", subject_id: id, detail })?;
    Ok(())
}

/// Inserts a validated person and audits it, inside the caller's transaction. Returns the new id.
pub(crate) fn insert_valid(
    conn: &Connection,
    actor: &Actor,
    person: &ValidPerson,
    how: &str,
) -> Result<String, StoreError> {
    let d = person.draft();
    let id = new_id();
    let now = now_utc();
    conn.execute(
        "INSERT INTO people (id, person_group, full_name, preferred_name, name_key, search_text, date_of_birth,
             start_date, leave_date, email, phone, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            id,
            d.group.as_str(),
            d.full_name,
            d.preferred_name,
            name_key(&d.full_name),
            search_text(&d.full_name, d.preferred_name.as_deref()),
            d.date_of_birth.map(date_text),
            d.start_date.map(date_text),
            d.leave_date.map(date_text),
            d.email,
            d.phone,
            now,
        ],
    )?;
    audit_person(conn, actor, "person.added", &id, &format!("group={};via={how}", d.group.as_str()))?;
    Ok(id)
}

/// Adds one person. Returns the stored record.
pub fn add(conn: &mut Connection, actor: &Actor, draft: &PersonDraft) -> Result<Person, PeopleError> {
    let valid = validate(draft, today())?;
    let tx = conn.transaction()?;
    let id = insert_valid(&tx, actor, &valid, "form")?;
    let person = get(&tx, &id)?;
    tx.commit()?;
    Ok(person)
}

fn has_links(conn: &Connection, id: &str) -> Result<bool, PeopleError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM person_parents WHERE young_person_id = ?1 OR parent_id = ?1 LIMIT 1",
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Replaces a person's details with `draft`.
pub fn update(conn: &mut Connection, actor: &Actor, id: &str, draft: &PersonDraft) -> Result<Person, PeopleError> {
    let valid = validate(draft, today())?;
    let d = valid.draft();
    let tx = conn.transaction()?;
    let before = get(&tx, id)?;
    if before.group != d.group && has_links(&tx, id)? {
        return Err(PeopleError::GroupHasLinks);
    }
    tx.execute(
        "UPDATE people SET person_group = ?2, full_name = ?3, preferred_name = ?4, name_key = ?5, search_text = ?6,
             date_of_birth = ?7, start_date = ?8, leave_date = ?9, email = ?10, phone = ?11, updated_at = ?12
         WHERE id = ?1",
        params![
            id,
            d.group.as_str(),
            d.full_name,
            d.preferred_name,
            name_key(&d.full_name),
            search_text(&d.full_name, d.preferred_name.as_deref()),
            d.date_of_birth.map(date_text),
            d.start_date.map(date_text),
            d.leave_date.map(date_text),
            d.email,
            d.phone,
            now_utc(),
        ],
    )?;
    audit_person(&tx, actor, "person.updated", id, &format!("group={}", d.group.as_str()))?;
    let person = get(&tx, id)?;
    tx.commit()?;
    Ok(person)
}

/// Archives a leaver. Their records stay; they drop out of active lists and AUP coverage.
/// `leave_date`, when given, is saved too (it must not be before their start date).
pub fn archive(
    conn: &mut Connection,
    actor: &Actor,
    id: &str,
    leave_date: Option<NaiveDate>,
) -> Result<Person, PeopleError> {
    let tx = conn.transaction()?;
    let before = get(&tx, id)?;
    let leave = leave_date.or(before.leave_date);
    if let (Some(start), Some(leave)) = (before.start_date, leave) {
        if leave < start {
            return Err(PeopleError::LeaveBeforeStart);
        }
    }
    let now = now_utc();
    tx.execute(
        "UPDATE people SET archived_at = coalesce(archived_at, ?2), leave_date = ?3, kiosk_listed = 0, updated_at = ?2
         WHERE id = ?1",
        params![id, now, leave.map(date_text)],
    )?;
    audit_person(&tx, actor, "person.archived", id, "")?;
    let person = get(&tx, id)?;
    tx.commit()?;
    Ok(person)
}

/// Brings an archived person back to the active register (their leaving date is kept).
pub fn unarchive(conn: &mut Connection, actor: &Actor, id: &str) -> Result<Person, PeopleError> {
    let tx = conn.transaction()?;
    get(&tx, id)?;
    tx.execute("UPDATE people SET archived_at = NULL, updated_at = ?2 WHERE id = ?1", params![id, now_utc()])?;
    audit_person(&tx, actor, "person.unarchived", id, "")?;
    let person = get(&tx, id)?;
    tx.commit()?;
    Ok(person)
}

/// Chooses whether the signing station may show this person's display name.
pub fn set_kiosk_listed(conn: &mut Connection, actor: &Actor, id: &str, listed: bool) -> Result<(), PeopleError> {
    let tx = conn.transaction()?;
    get(&tx, id)?;
    tx.execute("UPDATE people SET kiosk_listed = ?2 WHERE id = ?1", params![id, i64::from(listed)])?;
    audit_person(&tx, actor, "person.kioskListed", id, if listed { "listed=1" } else { "listed=0" })?;
    tx.commit()?;
    Ok(())
}

/// Shows or hides one person's display name on the signing station's list and returns them as
/// they now are. Someone who has left cannot be listed; they can always be unlisted.
pub fn list_on_station(conn: &mut Connection, actor: &Actor, id: &str, listed: bool) -> Result<Person, PeopleError> {
    if listed && get(conn, id)?.is_archived() {
        return Err(PeopleError::LeftCannotBeListed);
    }
    set_kiosk_listed(conn, actor, id, listed)?;
    get(conn, id)
}

/// Lists (or unlists) on the signing station every active person in `groups` whose setting
/// differs, in one transaction, auditing each change. Returns how many changed.
pub fn set_kiosk_listed_for_groups(
    conn: &mut Connection,
    actor: &Actor,
    groups: &[PersonGroup],
    listed: bool,
) -> Result<usize, PeopleError> {
    let tx = conn.transaction()?;
    let ids: Vec<String> = {
        let mut stmt = tx.prepare_cached(
            "SELECT id, person_group FROM people WHERE archived_at IS NULL AND kiosk_listed <> ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([i64::from(listed)], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut ids = Vec::new();
        for row in rows {
            let (id, group) = row?;
            if PersonGroup::from_stored(&group).is_some_and(|g| groups.contains(&g)) {
                ids.push(id);
            }
        }
        ids
    };
    let detail = if listed { "listed=1" } else { "listed=0" };
    for id in &ids {
        tx.execute("UPDATE people SET kiosk_listed = ?2 WHERE id = ?1", params![id, i64::from(listed)])?;
        audit_person(&tx, actor, "person.kioskListed", id, detail)?;
    }
    tx.commit()?;
    Ok(ids.len())
}

/// One person by id, archived or not; `NotFound` when there is none.
pub fn get(conn: &Connection, id: &str) -> Result<Person, PeopleError> {
    conn.query_row(&format!("SELECT {PERSON_COLUMNS} FROM people WHERE id = ?1"), [id], person_from_row)
        .optional()?
        .ok_or(PeopleError::NotFound)
}

/// Everyone still with the organisation on `today`: not archived, and not past their leaving
/// date (someone leaving today is still here). The people training and consent renewals are for.
pub fn still_with_us(conn: &Connection, today: NaiveDate) -> Result<Vec<Person>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PERSON_COLUMNS} FROM people WHERE archived_at IS NULL AND (leave_date IS NULL OR leave_date > ?1)"
    ))?;
    let people = stmt.query_map([date_text(today)], person_from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(people)
}

/// Case-insensitive substring search over full and preferred names, with group and status
/// filters, ordered by full name.
pub fn search(conn: &Connection, query: &PeopleQuery) -> Result<Vec<Person>, PeopleError> {
    let needle = single_spaced(&query.text).to_lowercase();
    let status = match query.status {
        PersonStatus::Active => "archived_at IS NULL",
        PersonStatus::Archived => "archived_at IS NOT NULL",
        PersonStatus::All => "1",
    };
    let sql = format!(
        "SELECT {PERSON_COLUMNS} FROM people
         WHERE {status} AND (?1 IS NULL OR person_group = ?1) AND instr(search_text, ?2) > 0
         ORDER BY full_name COLLATE NOCASE, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let people = stmt
        .query_map(params![query.group.map(PersonGroup::as_str), needle], person_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(people)
}

/// A young person's parents and carers, or a parent's young people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonLinks {
    /// The young person's linked parents and carers (empty for anyone else), by full name.
    pub parents: Vec<Person>,
    /// The parent or carer's linked young people (empty for anyone else), by full name.
    pub young_people: Vec<Person>,
}

/// Everyone linked to this person, either way round; `NotFound` when the person does not exist.
pub fn links(conn: &Connection, id: &str) -> Result<PersonLinks, PeopleError> {
    get(conn, id)?;
    let linked = |sql: &str| -> Result<Vec<Person>, PeopleError> {
        let mut stmt = conn.prepare_cached(sql)?;
        let people = stmt.query_map([id], person_from_row)?.collect::<Result<Vec<_>, _>>()?;
        Ok(people)
    };
    let cols = PERSON_COLUMNS.split(", ").map(|c| format!("p.{c}")).collect::<Vec<_>>().join(", ");
    Ok(PersonLinks {
        parents: linked(&format!(
            "SELECT {cols} FROM person_parents l JOIN people p ON p.id = l.parent_id
             WHERE l.young_person_id = ?1 ORDER BY p.full_name COLLATE NOCASE"
        ))?,
        young_people: linked(&format!(
            "SELECT {cols} FROM person_parents l JOIN people p ON p.id = l.young_person_id
             WHERE l.parent_id = ?1 ORDER BY p.full_name COLLATE NOCASE"
        ))?,
    })
}

/// Links a young person to a parent or carer. Linking twice changes nothing.
pub fn link_parent(
    conn: &mut Connection,
    actor: &Actor,
    young_person_id: &str,
    parent_id: &str,
) -> Result<(), PeopleError> {
    let tx = conn.transaction()?;
    if get(&tx, young_person_id)?.group != PersonGroup::YoungPerson {
        return Err(PeopleError::NotAYoungPerson);
    }
    if get(&tx, parent_id)?.group != PersonGroup::ParentCarer {
        return Err(PeopleError::NotAParentCarer);
    }
    let added = tx.execute(
        "INSERT OR IGNORE INTO person_parents (young_person_id, parent_id, created_at) VALUES (?1, ?2, ?3)",
        params![young_person_id, parent_id, now_utc()],
    )?;
    if added == 1 {
        audit_person(&tx, actor, "person.parentLinked", young_person_id, &format!("parent={parent_id}"))?;
    }
    tx.commit()?;
    Ok(())
}

/// Removes the link between a young person and a parent or carer, audited; `NotFound` when they
/// were not linked.
pub fn unlink_parent(
    conn: &mut Connection,
    actor: &Actor,
    young_person_id: &str,
    parent_id: &str,
) -> Result<(), PeopleError> {
    let tx = conn.transaction()?;
    let removed = tx.execute(
        "DELETE FROM person_parents WHERE young_person_id = ?1 AND parent_id = ?2",
        params![young_person_id, parent_id],
    )?;
    if removed == 0 {
        return Err(PeopleError::NotFound);
    }
    audit_person(&tx, actor, "person.parentUnlinked", young_person_id, &format!("parent={parent_id}"))?;
    tx.commit()?;
    Ok(())
}
