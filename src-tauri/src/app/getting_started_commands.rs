//! The dashboard's "Getting started" list: where a new organisation stands, and hiding the list.

use tauri::AppHandle;

use crate::error::CommandError;
use crate::records::getting_started::{self, GettingStarted};
use crate::vault::backup;

/// The five first steps, each ticked off by the records, and whether to show the list.
#[tauri::command]
pub async fn getting_started(app: AppHandle) -> Result<GettingStarted, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let conn = v.db().conn();
            let backed_up = backup::status(conn, chrono::Utc::now())?.last_verified.is_some();
            getting_started::status(conn, backed_up).map_err(CommandError::from)
        })
    })
    .await
}

/// Hides the list for good.
#[tauri::command]
pub async fn getting_started_hide(app: AppHandle) -> Result<(), CommandError> {
    super::worker::run(app, move |state| state.with_admin(getting_started::hide)).await
}
