//! The hand-over export from the admin window: every record in open formats, into a folder the
//! admin chooses after the page has warned that the output is not encrypted. Runs off the
//! window's thread, one at a time with backups and restores, and is recorded in the audit chain.

use tauri::{AppHandle, Manager, State, WebviewWindow};

use super::backup_commands::Running;
use super::save::choose_folder;
use super::AppState;
use crate::error::{CommandError, ErrorCode};
use crate::records::handover::{self, HandoverReport};
use crate::records::organisation;
use crate::store::audit::Entry;

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
    let report = tauri::async_runtime::spawn_blocking(move || {
        let _running = running;
        // Only by the session that asked, and never into the data folder.
        super::save::in_session(&handle.state::<AppState>(), session, &folder, |s| {
            let v = &mut s.vault;
            let org = organisation::get(v.db().conn())?.org_name;
            let report = handover::export(v.db().conn(), &folder, &org, crate::dates::uk_now())?;
            let detail = format!("tables={};rows={};files={}", report.tables, report.rows, report.files);
            v.record(&Entry { action: "handover.exported", subject_kind: "vault", subject_id: "", detail: &detail })?;
            Ok(report)
        })
    })
    .await
    .map_err(|_| {
        CommandError::new(
            ErrorCode::HandoverFailed,
            "The export stopped unexpectedly. Your records are unchanged. Try again.",
        )
    })??;
    Ok(Some(report))
}
