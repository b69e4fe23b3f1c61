//! Commands for the incident log (admin window only). Opening an incident is audited by
//! `records::incidents::get`.

use tauri::State;

use super::AppState;
use crate::error::{CommandError, ErrorCode};
use crate::records::incidents::{self, Incident, IncidentDetail, IncidentFilter};

fn err(e: impl ErrorCode) -> CommandError {
    e.to_command_error()
}

#[tauri::command]
pub fn incidents_list(state: State<'_, AppState>, filter: IncidentFilter) -> Result<Vec<Incident>, CommandError> {
    state.with_vault(|v| incidents::list(v.db().conn(), v.actor(), &filter).map_err(err))
}

#[tauri::command]
pub fn incident_get(state: State<'_, AppState>, id: String) -> Result<IncidentDetail, CommandError> {
    state.with_vault(|v| incidents::get(v.db().conn(), v.actor(), &id).map_err(err))
}
