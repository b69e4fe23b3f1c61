//! The dashboard's "Getting started" list: where a new organisation stands, and hiding the list.

use tauri::State;

use super::AppState;
use crate::error::{CommandError, ErrorCode};
use crate::records::getting_started::{self, GettingStarted};
use crate::vault::backup;

/// The five first steps, each ticked off by the records, and whether to show the list.
#[tauri::command]
pub fn getting_started(state: State<'_, AppState>) -> Result<GettingStarted, CommandError> {
    state.with_vault(|v| {
        let conn = v.db().conn();
        let backed_up =
            backup::status(conn, chrono::Utc::now()).map_err(|e| e.to_command_error())?.last_verified.is_some();
        getting_started::status(conn, backed_up).map_err(|e| e.to_command_error())
    })
}

/// Hides the list for good.
#[tauri::command]
pub fn getting_started_hide(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        getting_started::hide(v.db_mut().conn_mut(), &actor).map_err(|e| e.to_command_error())
    })
}
