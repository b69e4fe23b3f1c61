//! The audit log viewer's commands (admin window only): one page of the trail with its filters,
//! who can be chosen as "who", and the filtered trail saved as a PDF (made by
//! `forms::audit_trail`, which notes the printing in the trail itself).

use tauri::{AppHandle, State, WebviewWindow};

use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::error::CommandError;
use crate::forms::audit_trail;
use crate::records::audit_log::{self, AuditActor, AuditPage, AuditQuery};

#[tauri::command]
pub async fn audit_page(app: AppHandle, query: AuditQuery) -> Result<AuditPage, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| audit_log::page(v.db().conn(), &query).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn audit_actors(app: AppHandle) -> Result<Vec<AuditActor>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| audit_log::actors(v.db().conn()).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn audit_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
    query: AuditQuery,
) -> Result<Option<SavedFile>, CommandError> {
    let (demo, printed) = (state.is_demo(), crate::dates::today());
    let (session, form) =
        state.with_vault_tagged(|v| Ok(audit_trail::print(v.db().conn(), v.actor(), &query, demo, printed)?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}
