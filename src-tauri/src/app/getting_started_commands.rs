//! The dashboard's "Getting started" list: where a new organisation stands, and hiding the list.

use tauri::State;

use super::AppState;
use crate::error::CommandError;
use crate::records::getting_started::{self, GettingStarted};
use crate::vault::backup;

/// The five first steps, each ticked off by the records, and whether to show the list.
#[tauri::command]
pub fn getting_started(state: State<'_, AppState>) -> Result<GettingStarted, CommandError> {
    state.with_vault(|v| {
        let conn = v.db().conn();
        let backed_up = backup::status(conn, chrono::Utc::now())?.last_verified.is_some();
        getting_started::status(conn, backed_up).map_err(CommandError::from)
    })
}

/// Hides the list for good.
#[tauri::command]
pub fn getting_started_hide(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.with_admin(getting_started::hide)
}
