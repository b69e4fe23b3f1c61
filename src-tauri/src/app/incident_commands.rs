//! Commands for the incident log (admin window only). Opening an incident is audited by
//! `records::incidents::get`.

use tauri::State;

use super::AppState;
use crate::dates::today;
use crate::error::CommandError;
use crate::records::incidents::{
    self, EntryBody, Incident, IncidentDetail, IncidentEntry, IncidentFilter, IncidentReport, IncidentSource,
    NewIncident, StatusChange, Trends,
};

#[tauri::command]
pub fn incidents_list(state: State<'_, AppState>, filter: IncidentFilter) -> Result<Vec<Incident>, CommandError> {
    state.with_vault(|v| incidents::list(v.db().conn(), v.actor(), &filter).map_err(CommandError::from))
}

#[tauri::command]
pub fn incident_get(state: State<'_, AppState>, id: String) -> Result<IncidentDetail, CommandError> {
    state.with_vault(|v| incidents::get(v.db().conn(), v.actor(), &id).map_err(CommandError::from))
}

/// Records a new incident from the admin's report.
#[tauri::command]
pub fn incident_create(
    state: State<'_, AppState>,
    report: IncidentReport,
    staff_allegation: bool,
) -> Result<Incident, CommandError> {
    let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation, report: &report };
    state.with_admin(|conn, actor| incidents::create(conn, actor, &new, today()))
}

#[tauri::command]
pub fn incident_add_entry(
    state: State<'_, AppState>,
    id: String,
    body: EntryBody,
) -> Result<IncidentEntry, CommandError> {
    state.with_admin(|conn, actor| incidents::add_entry(conn, actor, &id, &body, today()))
}

/// Corrects an entry: the correction is added beside the original, which stays as it was.
#[tauri::command]
pub fn incident_amend(
    state: State<'_, AppState>,
    id: String,
    entry_id: String,
    body: EntryBody,
    reason: String,
) -> Result<IncidentEntry, CommandError> {
    state.with_admin(|conn, actor| incidents::amend(conn, actor, &id, &entry_id, &body, &reason, today()))
}

#[tauri::command]
pub fn incident_change_status(
    state: State<'_, AppState>,
    id: String,
    change: StatusChange,
) -> Result<IncidentEntry, CommandError> {
    state.with_admin(|conn, actor| incidents::change_status(conn, actor, &id, &change, today()))
}

/// Incident numbers by month and category, and by kind, for a period.
#[tauri::command]
pub fn incident_trends(
    state: State<'_, AppState>,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Trends, CommandError> {
    state.with_vault(|v| incidents::trends(v.db().conn(), from, to).map_err(CommandError::from))
}

/// Restricts an incident to the chosen admins (who must include the one doing it), or lifts it.
#[tauri::command]
pub fn incident_set_access(
    state: State<'_, AppState>,
    id: String,
    restricted: bool,
    admins: Vec<String>,
) -> Result<(), CommandError> {
    state.with_admin(|conn, actor| incidents::set_access(conn, actor, &id, restricted, &admins))
}
