//! Commands for the people register and the CSV import (admin window only).

use chrono::NaiveDate;
use tauri::AppHandle;

use crate::bindings::{ImportSummary, PersonDetail};
use crate::error::CommandError;
use crate::records::people::{self, PeopleQuery, Person, PersonDraft};
use crate::records::people_import::{self, ImportError, ImportPreview};
use crate::records::signatures;

#[tauri::command]
pub async fn people_search(app: AppHandle, query: PeopleQuery) -> Result<Vec<Person>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| people::search(v.db().conn(), &query).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn person_get(app: AppHandle, id: String) -> Result<PersonDetail, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let conn = v.db().conn();
            Ok(PersonDetail {
                person: people::get(conn, &id)?,
                links: people::links(conn, &id)?,
                signatures: signatures::for_person(conn, &id)?,
            })
        })
    })
    .await
}

#[tauri::command]
pub async fn person_add(app: AppHandle, draft: PersonDraft) -> Result<Person, CommandError> {
    super::worker::run(app, move |state| state.with_admin(|conn, actor| people::add(conn, actor, &draft))).await
}

#[tauri::command]
pub async fn person_update(app: AppHandle, id: String, draft: PersonDraft) -> Result<Person, CommandError> {
    super::worker::run(app, move |state| state.with_admin(|conn, actor| people::update(conn, actor, &id, &draft))).await
}

#[tauri::command]
pub async fn person_archive(app: AppHandle, id: String, leave_date: Option<NaiveDate>) -> Result<Person, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            let person = people::archive(conn, actor, &id, leave_date)?;
            // A leaver's name comes off the signing station straight away.
            v.note_station_changed();
            Ok(person)
        })
    })
    .await
}

/// Shows or hides this person's display name on the signing station's list.
#[tauri::command]
pub async fn person_set_kiosk_listed(app: AppHandle, id: String, listed: bool) -> Result<Person, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            let person = people::list_on_station(conn, actor, &id, listed)?;
            v.note_station_changed();
            Ok(person)
        })
    })
    .await
}

#[tauri::command]
pub async fn person_unarchive(app: AppHandle, id: String) -> Result<Person, CommandError> {
    super::worker::run(app, move |state| state.with_admin(|conn, actor| people::unarchive(conn, actor, &id))).await
}

#[tauri::command]
pub async fn person_link_parent(
    app: AppHandle,
    young_person_id: String,
    parent_id: String,
) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| people::link_parent(conn, actor, &young_person_id, &parent_id))
    })
    .await
}

#[tauri::command]
pub async fn person_unlink_parent(
    app: AppHandle,
    young_person_id: String,
    parent_id: String,
) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| people::unlink_parent(conn, actor, &young_person_id, &parent_id))
    })
    .await
}

/// Reads the chosen file's text and shows what an import would do. Writes nothing.
#[tauri::command]
pub async fn people_import_preview(app: AppHandle, csv: String) -> Result<ImportPreview, CommandError> {
    let events = app.clone();
    super::worker::run(app, move |state| {
        state.with_session(|s| {
            let mut report = |progress| super::progress_events::send(&events, progress);
            let preview = people_import::preview_reporting(s.vault.db().conn(), csv.as_bytes(), &mut report)?;
            s.pending_import = Some(preview.clone());
            Ok(preview)
        })
    })
    .await
}

/// Adds every row of the last preview, all or nothing.
#[tauri::command]
pub async fn people_import_commit(app: AppHandle) -> Result<ImportSummary, CommandError> {
    super::worker::run(app, move |state| {
        state.with_session(|s| {
            let preview = s.pending_import.take().ok_or(ImportError::NoPreview)?;
            let (conn, actor) = s.vault.conn_and_actor();
            let added = people_import::commit(conn, actor, &preview)?;
            Ok(ImportSummary { added: u32::try_from(added).unwrap_or(u32::MAX) })
        })
    })
    .await
}
