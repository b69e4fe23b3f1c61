//! Commands that print image consent forms (admin window only): the blank consent form, a group's
//! consent register and one person's consent history. The signing station prints the blank form
//! through `kiosk_print_blank_form` instead.
//!
//! Each PDF is built while the vault is held and saved after it is released, so the Save dialog
//! never holds up the auto-lock. Printing a register or a history is recorded in the audit trail
//! (ids and counts only), because both carry children's names. Nothing here logs.

use chrono::NaiveDate;
use rusqlite::Connection;
use tauri::{State, WebviewWindow};

use super::aup_print_commands::PrintedForm;
use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::today;
use crate::error::CommandError;
use crate::forms::consent::{self as consent_forms, BlankConsentForm, ConsentHistory, ConsentRegister};
use crate::records::{consent, organisation};
use crate::store::audit::{self, Actor, Entry};

/// Every social account as (id, name); retired ones too when `with_retired`.
fn accounts(conn: &Connection, with_retired: bool) -> Result<Vec<(String, String)>, CommandError> {
    let settings = consent::consent_settings(conn)?;
    Ok(settings.social_accounts.into_iter().filter(|a| with_retired || !a.retired).map(|a| (a.id, a.name)).collect())
}

fn audit_printed(conn: &Connection, actor: &Actor, entry: &Entry<'_>) -> Result<(), CommandError> {
    audit::append(conn, actor, entry)?;
    Ok(())
}

/// The blank form as the organisation's settings make it: its name, accounts, age and length.
pub(crate) fn blank_form(conn: &Connection, demo: bool) -> Result<PrintedForm, CommandError> {
    let settings = consent::consent_settings(conn)?;
    let form = BlankConsentForm {
        org_name: Some(organisation::get(conn)?.org_name),
        social_accounts: Some(accounts(conn, false)?),
        own_consent_age: Some(settings.own_consent_age),
        default_months: Some(settings.default_months),
        demo,
    };
    Ok(PrintedForm {
        file_name: consent_forms::BLANK_FILE_NAME.to_owned(),
        pdf: consent_forms::blank_consent_pdf(&form)?,
    })
}

/// A group's register as at `on`, recorded in the audit trail.
pub(crate) fn register_form(
    conn: &Connection,
    actor: &Actor,
    group_id: &str,
    demo: bool,
    on: NaiveDate,
) -> Result<PrintedForm, CommandError> {
    let (group_name, people) = consent::group_members(conn, group_id)?;
    let uses = consent::current_uses(conn)?;
    let members = consent::statuses(conn, &people, &uses, on)?;
    let detail = format!("form=register;people={}", members.len());
    audit_printed(
        conn,
        actor,
        &Entry { action: "consent.printed", subject_kind: "group", subject_id: group_id, detail: &detail },
    )?;
    let sheet = ConsentRegister {
        org_name: organisation::get(conn)?.org_name,
        group_name,
        uses,
        accounts: accounts(conn, true)?,
        members,
        on,
        demo,
    };
    Ok(PrintedForm {
        file_name: consent_forms::register_file_name(&sheet.group_name, on),
        pdf: consent_forms::consent_register_pdf(&sheet)?,
    })
}

/// One person's consent history as at `on`, recorded in the audit trail.
pub(crate) fn history_form(
    conn: &Connection,
    actor: &Actor,
    person_id: &str,
    demo: bool,
    on: NaiveDate,
) -> Result<PrintedForm, CommandError> {
    let person = consent::person_view(conn, person_id, on)?;
    let detail = format!("form=history;consents={}", person.history.len());
    audit_printed(
        conn,
        actor,
        &Entry { action: "consent.printed", subject_kind: "person", subject_id: person_id, detail: &detail },
    )?;
    let sheet = ConsentHistory {
        org_name: organisation::get(conn)?.org_name,
        taken_down: consent::takedowns_for_person(conn, person_id)?,
        uses: consent::current_uses(conn)?,
        accounts: accounts(conn, true)?,
        person,
        printed: on,
        demo,
    };
    Ok(PrintedForm {
        file_name: consent_forms::history_file_name(&sheet.person.status.display_name, on),
        pdf: consent_forms::consent_history_pdf(&sheet)?,
    })
}

/// Saves the blank consent form. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn consent_print_blank_form(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| blank_form(v.db().conn(), demo))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves a group's consent register as at today. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn consent_print_register(
    window: WebviewWindow,
    state: State<'_, AppState>,
    group_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) =
        state.with_vault_tagged(|v| register_form(v.db().conn(), v.actor(), &group_id, demo, today()))?;
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
    let (session, form) =
        state.with_vault_tagged(|v| history_form(v.db().conn(), v.actor(), &person_id, demo, today()))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

#[cfg(test)]
mod tests;
