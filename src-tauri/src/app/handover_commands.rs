//! The hand-over export from the admin window: every record in open formats, into a folder the
//! admin chooses after the page has warned that the output is not encrypted. Runs off the
//! window's thread, one at a time with backups and restores; `records::handover::hand_over` writes
//! it and records it in the audit chain.

use tauri::{AppHandle, Manager, State, WebviewWindow};

use super::backup_commands::Running;
use super::save::{choose_folder, in_session};
use super::AppState;
use crate::error::CommandError;
use crate::records::handover::{self, HandoverError, HandoverReport};

/// Writes the export; `None` when the admin cancels the folder choice.
#[tauri::command]
pub async fn handover_export(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<HandoverReport>, CommandError> {
    let (session, ()) = state.with_vault_tagged(|_| Ok(()))?;
    let running = Running::start()?;
    let Some(folder) = choose_folder(&window, "Choose where to save the hand-over export") else { return Ok(None) };
    let handle = app.clone();
    // Only by the session that asked, and never into the data folder.
    let report = tauri::async_runtime::spawn_blocking(move || {
        let _running = running;
        let state = handle.state::<AppState>();
        let stop = state.stop_signal();
        in_session(&state, session, &folder, |s| {
            let mut progress = |p| super::progress_events::send(&handle, p);
            let (conn, actor, now) = (s.vault.db().conn(), s.vault.actor(), crate::dates::uk_now());
            Ok(handover::hand_over(conn, actor, &folder, now, &stop, &mut progress)?)
        })
    })
    .await
    .map_err(|_| HandoverError::Stopped)??;
    Ok(Some(report))
}
