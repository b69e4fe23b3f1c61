//! Commands for the incident log (admin window only). Opening an incident is audited by
//! `records::incidents::get`.

use tauri::{AppHandle, State, WebviewWindow};

use super::attachments::file_kind;
use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::today;
use crate::error::CommandError;
use crate::records::attachments::scan_extension;
use crate::records::incidents::{
    self, EntryBody, Incident, IncidentDetail, IncidentEntry, IncidentError, IncidentField, IncidentFileInfo,
    IncidentFilter, IncidentReport, IncidentSource, NewFile, NewIncident, StatusChange, Trends,
};

#[tauri::command]
pub async fn incidents_list(app: AppHandle, filter: IncidentFilter) -> Result<Vec<Incident>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| incidents::list(v.db().conn(), v.actor(), &filter).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn incident_get(app: AppHandle, id: String) -> Result<IncidentDetail, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| incidents::get(v.db().conn(), v.actor(), &id).map_err(CommandError::from))
    })
    .await
}

/// Records a new incident from the admin's report.
#[tauri::command]
pub async fn incident_create(
    app: AppHandle,
    report: IncidentReport,
    staff_allegation: bool,
) -> Result<Incident, CommandError> {
    super::worker::run(app, move |state| {
        let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation, report: &report };
        state.with_admin(|conn, actor| incidents::create(conn, actor, &new, today()))
    })
    .await
}

#[tauri::command]
pub async fn incident_add_entry(app: AppHandle, id: String, body: EntryBody) -> Result<IncidentEntry, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| incidents::add_entry(conn, actor, &id, &body, today()))
    })
    .await
}

/// Corrects an entry: the correction is added beside the original, which stays as it was.
#[tauri::command]
pub async fn incident_amend(
    app: AppHandle,
    id: String,
    entry_id: String,
    body: EntryBody,
    reason: String,
) -> Result<IncidentEntry, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| incidents::amend(conn, actor, &id, &entry_id, &body, &reason, today()))
    })
    .await
}

#[tauri::command]
pub async fn incident_change_status(
    app: AppHandle,
    id: String,
    change: StatusChange,
) -> Result<IncidentEntry, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| incidents::change_status(conn, actor, &id, &change, today()))
    })
    .await
}

/// Incident numbers by month and category, and by kind, for a period.
#[tauri::command]
pub async fn incident_trends(
    app: AppHandle,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Trends, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| incidents::trends(v.db().conn(), from, to).map_err(CommandError::from))
    })
    .await
}

/// Restricts an incident to the chosen admins (who must include the one doing it), or lifts it.
#[tauri::command]
pub async fn incident_set_access(
    app: AppHandle,
    id: String,
    restricted: bool,
    admins: Vec<String>,
) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| incidents::set_access(conn, actor, &id, restricted, &admins))
    })
    .await
}

/// Attaches an evidence file (PNG, JPEG or PDF, up to 5 MB, sent as base64) with a description
/// of what it shows. Refused for kinds of incident where an image may be indecent.
#[tauri::command]
pub async fn incident_attach_file(
    app: AppHandle,
    id: String,
    description: String,
    file_name: String,
    base64: String,
) -> Result<IncidentFileInfo, CommandError> {
    super::worker::run(app, move |state| {
        let bytes = incidents::decode_upload(&base64)?;
        let file = NewFile { description: &description, file_name: &file_name, bytes: &bytes };
        state.with_admin(|conn, actor| incidents::attach_file(conn, actor, &id, &file, today()))
    })
    .await
}

/// Saves a copy of an evidence file where the admin chooses, after recording who opened it, when
/// and the reason they gave. Nothing is recorded if they cancel the Save dialog.
#[tauri::command]
pub async fn incident_open_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: String,
    file_id: String,
    reason: String,
) -> Result<Option<SavedFile>, CommandError> {
    if reason.trim().is_empty() {
        return Err(IncidentError::Missing(IncidentField::OpeningReason).into());
    }
    let (session, (name, media_type)) =
        state.with_vault_tagged(|v| Ok(incidents::file_name_of(v.db().conn(), v.actor(), &id, &file_id)?))?;
    let Some(target) = save::choose_target(&window, &name, file_kind(scan_extension(&media_type))) else {
        return Ok(None);
    };
    save::in_session(&state, session, &target, |s| {
        let (conn, actor) = s.vault.conn_and_actor();
        let file = incidents::open_file(conn, actor, &id, &file_id, &reason)?;
        save::write(&target, &file.bytes)
    })
    .map(Some)
}

/// Records a breach from the filtering log as a new incident, linked both ways.
#[tauri::command]
pub async fn incident_from_filtering_breach(app: AppHandle, filtering_id: String) -> Result<Incident, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| incidents::from_filtering_breach(conn, actor, &filtering_id, today()))
    })
    .await
}
