//! Commands for the people register and the CSV import (admin window only).

use chrono::NaiveDate;
use tauri::State;

use super::AppState;
use crate::bindings::{ImportSummary, PersonDetail};
use crate::error::CommandError;
use crate::records::people::{self, PeopleQuery, Person, PersonDraft};
use crate::records::people_import::{self, ImportError, ImportPreview};
use crate::records::signatures;

#[tauri::command]
pub fn people_search(state: State<'_, AppState>, query: PeopleQuery) -> Result<Vec<Person>, CommandError> {
    state.with_vault(|v| people::search(v.db().conn(), &query).map_err(CommandError::from))
}

#[tauri::command]
pub fn person_get(state: State<'_, AppState>, id: String) -> Result<PersonDetail, CommandError> {
    state.with_vault(|v| {
        let conn = v.db().conn();
        Ok(PersonDetail {
            person: people::get(conn, &id)?,
            links: people::links(conn, &id)?,
            signatures: signatures::for_person(conn, &id)?,
        })
    })
}

#[tauri::command]
pub fn person_add(state: State<'_, AppState>, draft: PersonDraft) -> Result<Person, CommandError> {
    state.with_admin(|conn, actor| people::add(conn, actor, &draft))
}

#[tauri::command]
pub fn person_update(state: State<'_, AppState>, id: String, draft: PersonDraft) -> Result<Person, CommandError> {
    state.with_admin(|conn, actor| people::update(conn, actor, &id, &draft))
}

#[tauri::command]
pub fn person_archive(
    state: State<'_, AppState>,
    id: String,
    leave_date: Option<NaiveDate>,
) -> Result<Person, CommandError> {
    state.with_vault(|v| {
        let (conn, actor) = v.conn_and_actor();
        let person = people::archive(conn, actor, &id, leave_date)?;
        // A leaver's name comes off the signing station straight away.
        v.note_station_changed();
        Ok(person)
    })
}

/// Shows or hides this person's display name on the signing station's list.
#[tauri::command]
pub fn person_set_kiosk_listed(state: State<'_, AppState>, id: String, listed: bool) -> Result<Person, CommandError> {
    state.with_vault(|v| {
        let (conn, actor) = v.conn_and_actor();
        let person = people::list_on_station(conn, actor, &id, listed)?;
        v.note_station_changed();
        Ok(person)
    })
}

#[tauri::command]
pub fn person_unarchive(state: State<'_, AppState>, id: String) -> Result<Person, CommandError> {
    state.with_admin(|conn, actor| people::unarchive(conn, actor, &id))
}

#[tauri::command]
pub fn person_link_parent(
    state: State<'_, AppState>,
    young_person_id: String,
    parent_id: String,
) -> Result<(), CommandError> {
    state.with_admin(|conn, actor| people::link_parent(conn, actor, &young_person_id, &parent_id))
}

#[tauri::command]
pub fn person_unlink_parent(
    state: State<'_, AppState>,
    young_person_id: String,
    parent_id: String,
) -> Result<(), CommandError> {
    state.with_admin(|conn, actor| people::unlink_parent(conn, actor, &young_person_id, &parent_id))
}

/// Reads the chosen file's text and shows what an import would do. Writes nothing.
#[tauri::command]
pub fn people_import_preview(state: State<'_, AppState>, csv: String) -> Result<ImportPreview, CommandError> {
    state.with_session(|s| {
        let preview = people_import::preview(s.vault.db().conn(), csv.as_bytes())?;
        s.pending_import = Some(preview.clone());
        Ok(preview)
    })
}

/// Adds every row of the last preview, all or nothing.
#[tauri::command]
pub fn people_import_commit(state: State<'_, AppState>) -> Result<ImportSummary, CommandError> {
    state.with_session(|s| {
        let preview = s.pending_import.take().ok_or(ImportError::NoPreview)?;
        let (conn, actor) = s.vault.conn_and_actor();
        let added = people_import::commit(conn, actor, &preview)?;
        Ok(ImportSummary { added: u32::try_from(added).unwrap_or(u32::MAX) })
    })
}
