//! Commands that print incident forms: the filled report for one incident, one person's chronology
//! across incidents and the blank form (admin window), and blank forms from the locked home
//! (signing station, which needs no key: see `kiosk::station::blank_form`).
//!
//! Filled forms are made by `forms::incident` while the vault is held, from what this admin may
//! see, and each incident printed is recorded in the audit trail there. The Save dialog opens
//! after the vault is released, so it never holds up the auto-lock. Nothing here logs.

use tauri::{AppHandle, State, WebviewWindow};

use super::{blank_forms, save, AppState};
use crate::bindings::{BlankFormSaved, SavedFile};
use crate::dates::today;
use crate::error::CommandError;
use crate::forms::incident;
use crate::kiosk::station::{self, KioskBlankForm};

/// Saves the filled report for one incident. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn incident_print_report(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) =
        state.with_vault_tagged(|v| Ok(incident::print_report(v.db().conn(), v.actor(), &id, demo, today())?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves one person's chronology across incidents. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn person_print_incident_chronology(
    window: WebviewWindow,
    state: State<'_, AppState>,
    person_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state
        .with_vault_tagged(|v| Ok(incident::print_person(v.db().conn(), v.actor(), &person_id, demo, today())?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves the blank incident form from the admin window.
#[tauri::command]
pub async fn incident_print_blank(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| Ok(incident::print_blank(v.db().conn(), demo)?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Prints a blank form from the locked home. Blank forms hold no personal data; this reads only
/// the manifest the signing station already shows. No file browser opens here (it would show
/// anyone at the station the laptop's folders): the PDF goes into the one folder the app keeps
/// for blank forms and is handed to the system's PDF viewer to print.
#[tauri::command]
pub async fn kiosk_print_blank_form(
    app: AppHandle,
    state: State<'_, AppState>,
    form: KioskBlankForm,
) -> Result<BlankFormSaved, CommandError> {
    let paths = state.lock_inner().paths.clone();
    let printed = station::blank_form(&paths, &form, state.is_demo())?;
    let (folder, open) = (blank_forms::folder(&app)?, blank_forms::open_in_viewer);
    blank_forms::save_and_open(paths.data_dir(), &folder, &printed.file_name, &printed.pdf, open)
}
