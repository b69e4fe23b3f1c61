//! The subject access export from a person's page: everything held about one person, as a PDF for
//! them and a JSON file beside it, saved into a folder the admin chooses.
//!
//! The folder is chosen before the vault is held, so the dialog never holds up the auto-lock. Then,
//! only if the same session is still unlocked, `forms::subject_access::gather` reads the records;
//! the PDF is drawn without the vault held (so a lock never waits for it); and, again only if the
//! same session is still unlocked, both files are written here and the export is recorded in the
//! audit trail (the person's id and whether names were hidden, nothing else). Nothing here logs.

use std::path::Path;

use tauri::{AppHandle, State, WebviewWindow};

use super::{progress_events, save, AppState};
use crate::bindings::SubjectAccessSaved;
use crate::error::{CommandError, ErrorCode};
use crate::forms::subject_access::{self as forms, SubjectAccessFiles};
use crate::progress::{LongWork, WorkProgress, WorkStep};
use crate::records::subject_access::{self, SubjectAccessOptions};

/// Writes both files into `folder`, and says where they went.
fn write_both(folder: &Path, files: &SubjectAccessFiles) -> Result<SubjectAccessSaved, CommandError> {
    let pdf = save::write(&folder.join(&files.pdf_name), &files.pdf)?;
    let json = save::write(&folder.join(&files.json_name), &files.json)?;
    Ok(SubjectAccessSaved {
        pdf_path: pdf.path,
        json_path: json.path,
        restricted_incidents: files.restricted_incidents,
    })
}

/// Saves everything held about one person. `None` when the admin cancels the folder choice.
#[tauri::command]
pub async fn subject_access_export(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
    person_id: String,
    redact_others: bool,
) -> Result<Option<SubjectAccessSaved>, CommandError> {
    // Refuses while locked, and refuses an unknown person before any dialog opens.
    let (session, ()) = state.with_vault_tagged(|v| Ok(subject_access::check_person(v.db().conn(), &person_id)?))?;
    let Some(folder) = save::choose_folder(&window, "Choose where to save the subject access files") else {
        return Ok(None);
    };
    let (demo, today, options) = (state.is_demo(), crate::dates::today(), SubjectAccessOptions { redact_others });
    // Gathered only if the session that asked is still unlocked; the PDF is drawn without holding
    // the session, so a lock never waits for it; then both files are written, and the export
    // noted, only if that session is still unlocked. After a lock nothing is written.
    let step = |step, done| progress_events::send(&app, WorkProgress::new(LongWork::SubjectAccess, step, done, 3));
    step(WorkStep::Gathering, 0);
    let gathered = save::in_session(&state, session, &folder, |s| {
        Ok(forms::gather(s.vault.db().conn(), &person_id, options, demo, today)?)
    })?;
    step(WorkStep::Drawing, 1);
    let files =
        tauri::async_runtime::spawn_blocking(move || forms::render(gathered, today)).await.map_err(|_| {
            CommandError::new(
                ErrorCode::AppFailed,
                "Making the export stopped unexpectedly. Nothing was saved. Try again.",
            )
        })??;
    step(WorkStep::Saving, 2);
    save::in_session(&state, session, &folder, |s| {
        let saved = write_both(&folder, &files)?;
        forms::note_saved(s.vault.db().conn(), s.vault.actor(), &person_id, options)?;
        Ok(saved)
    })
    .map(Some)
}

#[cfg(test)]
mod tests;
