//! Commands that print image consent forms (admin window only): the blank consent form, a group's
//! consent register and one person's consent history. The signing station prints the blank form
//! through `kiosk_print_blank_form` instead.
//!
//! Each PDF is made by `forms::consent` while the vault is held (which notes a register or a
//! history in the audit trail) and saved after it is released, so the Save dialog never holds up
//! the auto-lock. Nothing here logs.

use chrono::NaiveDate;
use tauri::{State, WebviewWindow};

use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::today;
use crate::error::CommandError;
use crate::forms::consent;

/// Saves the blank consent form. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn consent_print_blank_form(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| Ok(consent::print_blank(v.db().conn(), demo)?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves a group's consent register as at `as_at` (today when not given), for the day of a trip
/// or event. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn consent_print_register(
    window: WebviewWindow,
    state: State<'_, AppState>,
    group_id: String,
    as_at: Option<NaiveDate>,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (printed, on) = (today(), as_at.unwrap_or_else(today));
    let (session, form) = state
        .with_vault_tagged(|v| Ok(consent::print_register(v.db().conn(), v.actor(), &group_id, demo, on, printed)?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves one person's consent history. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn consent_print_history(
    window: WebviewWindow,
    state: State<'_, AppState>,
    person_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state
        .with_vault_tagged(|v| Ok(consent::print_history(v.db().conn(), v.actor(), &person_id, demo, today())?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}
