//! The audit log viewer's commands (admin window only): one page of the trail with its filters,
//! who can be chosen as "who", and the filtered trail saved as a PDF (made by
//! `forms::audit_trail`, which notes the printing in the trail itself).

use tauri::{State, WebviewWindow};

use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::error::CommandError;
use crate::forms::audit_trail;
use crate::records::audit_log::{self, AuditActor, AuditPage, AuditQuery};

#[tauri::command]
pub fn audit_page(state: State<'_, AppState>, query: AuditQuery) -> Result<AuditPage, CommandError> {
    state.with_vault(|v| audit_log::page(v.db().conn(), &query).map_err(CommandError::from))
}

#[tauri::command]
pub fn audit_actors(state: State<'_, AppState>) -> Result<Vec<AuditActor>, CommandError> {
    state.with_vault(|v| audit_log::actors(v.db().conn()).map_err(CommandError::from))
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
