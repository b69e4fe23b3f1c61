//! Commands for image consent (admin window only): settings and social accounts, a person's
//! consents, recording, confirming and withdrawing them, the point-of-use check, the publications
//! log, the take-down list and named groups.

use tauri::State;

use super::AppState;
use crate::dates::today;
use crate::error::CommandError;
use crate::records::consent::{
    self, CheckAnswer, CheckQuestion, ConsentDraft, ConsentSetup, GroupSummary, ImageConsent, PersonConsent,
    Publication, PublicationDraft, TakedownDone, TakedownItem, Withdrawal,
};
use crate::records::people::Person;

fn setup(conn: &rusqlite::Connection) -> Result<ConsentSetup, CommandError> {
    consent::setup(conn).map_err(CommandError::from)
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
        let (conn, actor) = v.conn_and_actor();
        consent::save_consent_settings(conn, actor, default_months, own_consent_age)?;
        // The consent form at the signing station changes with it.
        v.note_station_changed();
        setup(v.db().conn())
    })
}

#[tauri::command]
pub fn consent_account_add(state: State<'_, AppState>, name: String) -> Result<ConsentSetup, CommandError> {
    state.with_vault(|v| {
        let (conn, actor) = v.conn_and_actor();
        consent::add_social_account(conn, actor, &name)?;
        // The consent form at the signing station changes with it.
        v.note_station_changed();
        setup(v.db().conn())
    })
}

#[tauri::command]
pub fn consent_account_retire(state: State<'_, AppState>, id: String) -> Result<ConsentSetup, CommandError> {
    state.with_vault(|v| {
        let (conn, actor) = v.conn_and_actor();
        consent::retire_social_account(conn, actor, &id)?;
        // The consent form at the signing station changes with it.
        v.note_station_changed();
        setup(v.db().conn())
    })
}

#[tauri::command]
pub fn consent_person(state: State<'_, AppState>, person_id: String) -> Result<PersonConsent, CommandError> {
    state.with_vault(|v| consent::person_view(v.db().conn(), &person_id, today()).map_err(CommandError::from))
}

#[tauri::command]
pub fn consent_record(state: State<'_, AppState>, draft: ConsentDraft) -> Result<ImageConsent, CommandError> {
    state.with_admin(|conn, actor| consent::record(conn, actor, &draft, today()))
}

#[tauri::command]
pub fn consent_withdraw(
    state: State<'_, AppState>,
    id: String,
    withdrawal: Withdrawal,
) -> Result<ImageConsent, CommandError> {
    state.with_admin(|conn, actor| consent::withdraw(conn, actor, &id, &withdrawal, today()))
}

/// Signing-station consents waiting for an admin, oldest first.
#[tauri::command]
pub fn consent_unconfirmed(state: State<'_, AppState>) -> Result<Vec<ImageConsent>, CommandError> {
    state.with_vault(|v| consent::unconfirmed(v.db().conn()).map_err(CommandError::from))
}

#[tauri::command]
pub fn consent_confirm(
    state: State<'_, AppState>,
    id: String,
    person_id: String,
    judgement: Option<String>,
) -> Result<ImageConsent, CommandError> {
    state.with_admin(|conn, actor| consent::confirm(conn, actor, &id, &person_id, judgement.as_deref()))
}

/// "Can I use this photo?" for today.
#[tauri::command]
pub fn consent_check(state: State<'_, AppState>, question: CheckQuestion) -> Result<CheckAnswer, CommandError> {
    state.with_vault(|v| consent::check(v.db().conn(), &question, today()).map_err(CommandError::from))
}

/// Logs the use as a publication, only if the check still says yes for everyone.
#[tauri::command]
pub fn consent_publish_checked(
    state: State<'_, AppState>,
    question: CheckQuestion,
    description: String,
    link: Option<String>,
) -> Result<Publication, CommandError> {
    state.with_admin(|conn, actor| {
        consent::publish_checked(conn, actor, &question, &description, link.as_deref(), today())
    })
}

#[tauri::command]
pub fn publications_list(state: State<'_, AppState>) -> Result<Vec<Publication>, CommandError> {
    state.with_vault(|v| consent::publications(v.db().conn(), None).map_err(CommandError::from))
}

#[tauri::command]
pub fn publication_add(state: State<'_, AppState>, draft: PublicationDraft) -> Result<Publication, CommandError> {
    state.with_admin(|conn, actor| consent::add_publication(conn, actor, &draft, today()))
}

#[tauri::command]
pub fn takedowns_list(state: State<'_, AppState>) -> Result<Vec<TakedownItem>, CommandError> {
    state.with_vault(|v| consent::takedown_list(v.db().conn(), today(), None).map_err(CommandError::from))
}

#[tauri::command]
pub fn takedown_record(state: State<'_, AppState>, done: TakedownDone) -> Result<(), CommandError> {
    state.with_admin(|conn, actor| consent::record_takedown(conn, actor, &done, today()))
}

#[tauri::command]
pub fn groups_list(state: State<'_, AppState>) -> Result<Vec<GroupSummary>, CommandError> {
    state.with_vault(|v| consent::groups(v.db().conn()).map_err(CommandError::from))
}

/// Creates a group (`id` null) or renames one.
#[tauri::command]
pub fn group_save(state: State<'_, AppState>, id: Option<String>, name: String) -> Result<GroupSummary, CommandError> {
    state.with_admin(|conn, actor| consent::save_group(conn, actor, id.as_deref(), &name))
}

#[tauri::command]
pub fn group_members(state: State<'_, AppState>, id: String) -> Result<Vec<Person>, CommandError> {
    state.with_vault(|v| consent::group_members(v.db().conn(), &id).map(|(_, m)| m).map_err(CommandError::from))
}

/// Adds the person to the group or takes them out; returns the members after.
#[tauri::command]
pub fn group_member_set(
    state: State<'_, AppState>,
    id: String,
    person_id: String,
    member: bool,
) -> Result<Vec<Person>, CommandError> {
    state.with_admin(|conn, actor| consent::set_group_member(conn, actor, &id, &person_id, member))
}
