//! Named groups of people (a club night, a course cohort, a trip) that the point-of-use check and
//! the printed consent register work from.

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::ConsentError;
use crate::records::people::{self, Person};
use crate::records::{new_id, now_utc};
use crate::store::audit::{self, Actor, Entry};

/// A named group of people, as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupSummary {
    /// The group's id (a UUID), as stored in `activity_groups.id`.
    pub id: String,
    /// The group's name, such as a club night (up to 80 characters, spaces tidied).
    pub name: String,
    /// How many of its members are not archived.
    #[ts(type = "number")]
    pub members: i64,
}

/// Every group still in use, by name, with its count of members who are not archived.
pub fn groups(conn: &Connection) -> Result<Vec<GroupSummary>, ConsentError> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.name, (SELECT count(*) FROM activity_group_members m JOIN people p ON p.id = m.person_id
                               WHERE m.group_id = g.id AND p.archived_at IS NULL)
         FROM activity_groups g WHERE g.archived_at IS NULL ORDER BY lower(g.name), g.id",
    )?;
    let rows = stmt
        .query_map([], |r| Ok(GroupSummary { id: r.get(0)?, name: r.get(1)?, members: r.get(2)? }))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The names of the groups a person belongs to, archived groups included, by name.
pub fn groups_of_person(conn: &Connection, person_id: &str) -> Result<Vec<String>, ConsentError> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.name FROM activity_group_members m JOIN activity_groups g ON g.id = m.group_id
         WHERE m.person_id = ?1 ORDER BY lower(g.name), g.id",
    )?;
    let names = stmt.query_map([person_id], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(names)
}

/// The active members of a group, by name.
pub fn group_members(conn: &Connection, group_id: &str) -> Result<(String, Vec<Person>), ConsentError> {
    let name: String = conn
        .query_row("SELECT name FROM activity_groups WHERE id = ?1 AND archived_at IS NULL", [group_id], |r| r.get(0))
        .map_err(|_| ConsentError::GroupNotFound)?;
    let mut stmt = conn.prepare_cached("SELECT person_id FROM activity_group_members WHERE group_id = ?1")?;
    let ids = stmt.query_map([group_id], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
    let mut members = Vec::new();
    for id in ids {
        match people::get(conn, &id) {
            Ok(p) if !p.is_archived() => members.push(p),
            Ok(_) | Err(people::PeopleError::NotFound) => {}
            Err(people::PeopleError::Store(e)) => return Err(e.into()),
            Err(_) => {}
        }
    }
    members.sort_by_cached_key(|p| (p.full_name.to_lowercase(), p.id.clone()));
    Ok((name, members))
}

/// The longest group name, in characters.
const GROUP_NAME_MAX: usize = 80;

/// Creates a group, or renames one when `id` is given, and returns it as lists show it. Spaces in
/// the name are tidied; an empty name or one over 80 characters is refused.
pub fn save_group(
    conn: &mut Connection,
    actor: &Actor,
    id: Option<&str>,
    name: &str,
) -> Result<GroupSummary, ConsentError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().count() > GROUP_NAME_MAX {
        return Err(ConsentError::GroupNameLength { max: GROUP_NAME_MAX });
    }
    let tx = conn.transaction()?;
    let id = match id {
        Some(id) => {
            if tx.execute("UPDATE activity_groups SET name = ?2 WHERE id = ?1", params![id, name])? == 0 {
                return Err(ConsentError::GroupNotFound);
            }
            id.to_owned()
        }
        None => {
            let id = new_id();
            tx.execute(
                "INSERT INTO activity_groups (id, name, created_at) VALUES (?1, ?2, ?3)",
                params![id, name, now_utc()],
            )?;
            id
        }
    };
    audit::append(&tx, actor, &Entry { action: "group.saved", subject_kind: "group", subject_id: &id, detail: "" })?;
    tx.commit()?;
    groups(conn)?.into_iter().find(|g| g.id == id).ok_or(ConsentError::GroupNotFound)
}

/// Adds a person who is not archived to a group. Adding someone already in it changes nothing, but
/// is still audited.
pub fn add_group_member(
    conn: &mut Connection,
    actor: &Actor,
    group_id: &str,
    person_id: &str,
) -> Result<(), ConsentError> {
    let tx = conn.transaction()?;
    group_members(&tx, group_id)?;
    match people::get(&tx, person_id) {
        Ok(p) if !p.is_archived() => {}
        Err(people::PeopleError::Store(e)) => return Err(e.into()),
        _ => return Err(ConsentError::PersonNotFound),
    }
    tx.execute(
        "INSERT OR IGNORE INTO activity_group_members (group_id, person_id) VALUES (?1, ?2)",
        params![group_id, person_id],
    )?;
    let detail = format!("person={person_id}");
    audit::append(
        &tx,
        actor,
        &Entry { action: "group.memberAdded", subject_kind: "group", subject_id: group_id, detail: &detail },
    )?;
    tx.commit()?;
    Ok(())
}

/// Adds the person to the group (`member` true) or takes them out, and returns the members after.
pub fn set_group_member(
    conn: &mut Connection,
    actor: &Actor,
    group_id: &str,
    person_id: &str,
    member: bool,
) -> Result<Vec<Person>, ConsentError> {
    if member {
        add_group_member(conn, actor, group_id, person_id)?;
    } else {
        remove_group_member(conn, actor, group_id, person_id)?;
    }
    Ok(group_members(conn, group_id)?.1)
}

/// Takes a person out of a group. Taking out someone who was not in it changes nothing, but is still audited.
pub fn remove_group_member(
    conn: &mut Connection,
    actor: &Actor,
    group_id: &str,
    person_id: &str,
) -> Result<(), ConsentError> {
    let tx = conn.transaction()?;
    tx.execute(
        "DELETE FROM activity_group_members WHERE group_id = ?1 AND person_id = ?2",
        params![group_id, person_id],
    )?;
    let detail = format!("person={person_id}");
    audit::append(
        &tx,
        actor,
        &Entry { action: "group.memberRemoved", subject_kind: "group", subject_id: group_id, detail: &detail },
    )?;
    tx.commit()?;
    Ok(())
}
