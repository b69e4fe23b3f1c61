//! The subject access export from a person's page: everything held about one person, as a PDF for
//! them and a JSON file beside it, saved into a folder the admin chooses.
//!
//! The folder is chosen before the vault is held, so the dialog never holds up the auto-lock; then,
//! in one hold and only if the same session is still unlocked, the records are gathered, both
//! files written and the export recorded in the audit trail (the person's id and whether names were hidden, nothing else). Nothing here logs.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;
use tauri::{State, WebviewWindow};

use super::{save, AppState};
use crate::bindings::SubjectAccessSaved;
use crate::error::CommandError;
use crate::forms::subject_access::{self as forms, SubjectAccessForm};
use crate::records::subject_access::{self, SubjectAccessError, SubjectAccessOptions};
use crate::records::{consent, people};
use crate::store::audit::{self, Actor, Entry};
use crate::vault::admins;

fn person_exists(conn: &Connection, person_id: &str) -> Result<(), CommandError> {
    match people::get(conn, person_id) {
        Ok(_) => Ok(()),
        Err(people::PeopleError::NotFound) => Err(CommandError::from(SubjectAccessError::PersonNotFound)),
        Err(e) => Err(CommandError::from(e)),
    }
}

/// Gathers, writes the PDF and the JSON into `folder`, and records the export.
pub(crate) fn export_to_folder(
    conn: &Connection,
    actor: &Actor,
    person_id: &str,
    options: SubjectAccessOptions,
    demo: bool,
    today: NaiveDate,
    folder: &Path,
) -> Result<SubjectAccessSaved, CommandError> {
    let access = subject_access::gather(conn, person_id, options, today)?;
    let name = access.details.person.full_name.clone();
    let json = access.to_json()?;
    let restricted_incidents = u32::try_from(access.restricted_incidents()).unwrap_or(u32::MAX);
    let settings = consent::consent_settings(conn)?;
    let form = SubjectAccessForm {
        admin_names: admins::all_names(conn)?,
        accounts: settings.social_accounts.into_iter().map(|a| (a.id, a.name)).collect(),
        access,
        demo,
    };
    let pdf = forms::subject_access_pdf(&form)?;
    let pdf_saved = save::write(&folder.join(forms::pdf_file_name(&name, today)), &pdf)?;
    let json_saved = save::write(&folder.join(forms::json_file_name(&name, today)), &json)?;
    let detail = format!("redactOthers={}", u8::from(options.redact_others));
    audit::append(
        conn,
        actor,
        &Entry { action: "subjectAccess.exported", subject_kind: "person", subject_id: person_id, detail: &detail },
    )?;
    Ok(SubjectAccessSaved { pdf_path: pdf_saved.path, json_path: json_saved.path, restricted_incidents })
}

/// Saves everything held about one person. `None` when the admin cancels the folder choice.
#[tauri::command]
pub async fn subject_access_export(
    window: WebviewWindow,
    state: State<'_, AppState>,
    person_id: String,
    redact_others: bool,
) -> Result<Option<SubjectAccessSaved>, CommandError> {
    // Refuses while locked, and refuses an unknown person before any dialog opens.
    let (session, ()) = state.with_vault_tagged(|v| person_exists(v.db().conn(), &person_id))?;
    let Some(folder) = save::choose_folder(&window, "Choose where to save the subject access files") else {
        return Ok(None);
    };
    let demo = state.is_demo();
    let today = crate::dates::today();
    let options = SubjectAccessOptions { redact_others };
    // Gathered and written only if the session that asked is still unlocked.
    save::in_session(&state, session, &folder, |s| {
        export_to_folder(s.vault.db().conn(), s.vault.actor(), &person_id, options, demo, today, &folder)
    })
    .map(Some)
}

#[cfg(test)]
mod tests;
