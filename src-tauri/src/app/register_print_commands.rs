//! Commands that print the registers (admin window only): the training matrix, one policy's
//! version history and the annual review checklist (each made by `forms::registers`), and the
//! calendar export of due dates. Each is made while the vault is held, then saved where the admin
//! chooses.

use chrono::NaiveDate;
use tauri::{State, WebviewWindow};

use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::today;
use crate::error::CommandError;
use crate::forms::registers;
use crate::records::due;
use crate::records::training::MatrixFilter;
use crate::vault::UnlockedVault;

/// Every training renewal and policy review with a date, as a calendar file.
pub(crate) fn due_calendar(v: &UnlockedVault, today: NaiveDate) -> Result<String, CommandError> {
    Ok(due::calendar(v.db().conn(), today)?)
}

#[tauri::command]
pub async fn training_matrix_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
    filter: MatrixFilter,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) =
        state.with_vault_tagged(|v| Ok(registers::print_matrix(v.db().conn(), &filter, demo, today())?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

#[tauri::command]
pub async fn policy_print_history(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) =
        state.with_vault_tagged(|v| Ok(registers::print_history(v.db().conn(), &id, demo, today())?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

#[tauri::command]
pub async fn review_checklist_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| Ok(registers::print_checklist(v.db().conn(), demo, today())?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves the due dates as a calendar file. The page warns first that it names staff.
#[tauri::command]
pub async fn due_dates_export(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<SavedFile>, CommandError> {
    let (session, text) = state.with_vault_tagged(|v| due_calendar(v, today()))?;
    let file_name = format!("Safekeeper due dates {}.ics", today().format("%Y-%m-%d"));
    save::save_with(&state, session, || save::choose_target(&window, &file_name, save::ICS), text.as_bytes())
}

#[cfg(test)]
mod tests;
