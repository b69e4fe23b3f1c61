//! Commands for image consent (admin window only): settings and social accounts, a person's
//! consents, recording, confirming and withdrawing them, the point-of-use check, the publications
//! log, the take-down list and named groups.

use tauri::State;

use super::AppState;
use crate::dates::today;
use crate::error::{CommandError, ErrorCode};
use crate::records::consent::{
    self, CheckAnswer, CheckQuestion, ConsentDraft, ConsentSetup, GroupSummary, ImageConsent, PersonConsent,
    Publication, PublicationDraft, TakedownDone, TakedownItem, Withdrawal,
};
use crate::records::people::Person;

fn err(e: impl ErrorCode) -> CommandError {
    e.to_command_error()
}

fn setup(conn: &rusqlite::Connection) -> Result<ConsentSetup, CommandError> {
    consent::setup(conn).map_err(err)
}

#[tauri::command]
pub fn consent_setup(state: State<'_, AppState>) -> Result<ConsentSetup, CommandError> {
    state.with_vault(|v| setup(v.db().conn()))
}

#[tauri::command]
pub fn consent_settings_save(
    state: State<'_, AppState>,
    default_months: u32,
    own_consent_age: u32,
) -> Result<ConsentSetup, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        consent::save_consent_settings(v.db_mut().conn_mut(), &actor, default_months, own_consent_age).map_err(err)?;
        setup(v.db().conn())
    })
}

#[tauri::command]
pub fn consent_account_add(state: State<'_, AppState>, name: String) -> Result<ConsentSetup, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        consent::add_social_account(v.db_mut().conn_mut(), &actor, &name).map_err(err)?;
        setup(v.db().conn())
    })
}

#[tauri::command]
pub fn consent_account_retire(state: State<'_, AppState>, id: String) -> Result<ConsentSetup, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        consent::retire_social_account(v.db_mut().conn_mut(), &actor, &id).map_err(err)?;
        setup(v.db().conn())
    })
}

#[tauri::command]
pub fn consent_person(state: State<'_, AppState>, person_id: String) -> Result<PersonConsent, CommandError> {
    state.with_vault(|v| consent::person_view(v.db().conn(), &person_id, today()).map_err(err))
}

#[tauri::command]
pub fn consent_record(state: State<'_, AppState>, draft: ConsentDraft) -> Result<ImageConsent, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        consent::record(v.db_mut().conn_mut(), &actor, &draft, today()).map_err(err)
    })
}

#[tauri::command]
pub fn consent_withdraw(
    state: State<'_, AppState>,
    id: String,
    withdrawal: Withdrawal,
) -> Result<ImageConsent, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        consent::withdraw(v.db_mut().conn_mut(), &actor, &id, &withdrawal, today()).map_err(err)
    })
}

/// Signing-station consents waiting for an admin, oldest first.
#[tauri::command]
pub fn consent_unconfirmed(state: State<'_, AppState>) -> Result<Vec<ImageConsent>, CommandError> {
    state.with_vault(|v| consent::unconfirmed(v.db().conn()).map_err(err))
}

#[tauri::command]
pub fn consent_confirm(
    state: State<'_, AppState>,
    id: String,
    person_id: String,
    judgement: Option<String>,
) -> Result<ImageConsent, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        consent::confirm(v.db_mut().conn_mut(), &actor, &id, &person_id, judgement.as_deref()).map_err(err)
    })
}

/// "Can I use this photo?" for today.
#[tauri::command]
pub fn consent_check(state: State<'_, AppState>, question: CheckQuestion) -> Result<CheckAnswer, CommandError> {
    state.with_vault(|v| consent::check(v.db().conn(), &question, today()).map_err(err))
}

/// Logs the use as a publication, only if the check still says yes for everyone.
#[tauri::command]
pub fn consent_publish_checked(
    state: State<'_, AppState>,
    question: CheckQuestion,
    description: String,
    link: Option<String>,
) -> Result<Publication, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        consent::publish_checked(v.db_mut().conn_mut(), &actor, &question, &description, link.as_deref(), today())
            .map_err(err)
    })
}

#[tauri::command]
pub fn publications_list(state: State<'_, AppState>) -> Result<Vec<Publication>, CommandError> {
    state.with_vault(|v| consent::publications(v.db().conn(), None).map_err(err))
}

#[tauri::command]
pub fn publication_add(state: State<'_, AppState>, draft: PublicationDraft) -> Result<Publication, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        consent::add_publication(v.db_mut().conn_mut(), &actor, &draft, today()).map_err(err)
    })
}

#[tauri::command]
pub fn takedowns_list(state: State<'_, AppState>) -> Result<Vec<TakedownItem>, CommandError> {
    state.with_vault(|v| consent::takedown_list(v.db().conn(), today(), None).map_err(err))
}

#[tauri::command]
pub fn takedown_record(state: State<'_, AppState>, done: TakedownDone) -> Result<(), CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        consent::record_takedown(v.db_mut().conn_mut(), &actor, &done, today()).map_err(err)
    })
}

#[tauri::command]
pub fn groups_list(state: State<'_, AppState>) -> Result<Vec<GroupSummary>, CommandError> {
    state.with_vault(|v| consent::groups(v.db().conn()).map_err(err))
}

/// Creates a group (`id` null) or renames one.
#[tauri::command]
pub fn group_save(state: State<'_, AppState>, id: Option<String>, name: String) -> Result<GroupSummary, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        consent::save_group(v.db_mut().conn_mut(), &actor, id.as_deref(), &name).map_err(err)
    })
}

#[tauri::command]
pub fn group_members(state: State<'_, AppState>, id: String) -> Result<Vec<Person>, CommandError> {
    state.with_vault(|v| consent::group_members(v.db().conn(), &id).map(|(_, m)| m).map_err(err))
}

#[tauri::command]
pub fn group_member_set(
    state: State<'_, AppState>,
    id: String,
    person_id: String,
    member: bool,
) -> Result<Vec<Person>, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        let conn = v.db_mut().conn_mut();
        if member {
            consent::add_group_member(conn, &actor, &id, &person_id).map_err(err)?;
        } else {
            consent::remove_group_member(conn, &actor, &id, &person_id).map_err(err)?;
        }
        consent::group_members(conn, &id).map(|(_, m)| m).map_err(err)
    })
}
