//! Commands that print AUP forms (admin window only): the blank AUP for paper, one signed AUP
//! record and an AUP's coverage list. Each has `forms::aup` make the PDF from the records, then
//! saves it where the admin chooses.
//!
//! The PDF is built while the vault is held and saved after it is released, so the Save dialog
//! never holds up the auto-lock. Nothing here logs; file names hold names only because the admin
//! asked to save that person's record.

use tauri::{State, WebviewWindow};

use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::today;
use crate::error::CommandError;
use crate::forms::aup;

/// Saves the blank AUP of the version in force. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn aup_print_blank(
    window: WebviewWindow,
    state: State<'_, AppState>,
    aup_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| Ok(aup::print_blank(v.db().conn(), &aup_id, demo)?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves one signature's record. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn signature_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
    signature_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) =
        state.with_vault_tagged(|v| Ok(aup::print_signed(v.db().conn(), &signature_id, demo, today())?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves an AUP's coverage list. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn aup_coverage_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
    aup_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) =
        state.with_vault_tagged(|v| Ok(aup::print_coverage(v.db().conn(), &aup_id, demo, today())?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

#[cfg(test)]
mod tests;
