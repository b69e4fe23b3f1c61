//! Commands for AUP documents, their versions, coverage and signing-station signatures awaiting
//! confirmation (admin window only).

use tauri::State;

use super::AppState;
use crate::bindings::{AupDetail, UnconfirmedSignature};
use crate::dates::today;
use crate::error::CommandError;
use crate::kiosk::outbox::{self, IngestReport, KeptSubmission, RetryOutcome};
use crate::records::aup::{self, Aup, AupContent, AupVersion};
use crate::records::people;
use crate::records::signatures::{self, Coverage, Signature};

#[tauri::command]
pub fn aup_list(state: State<'_, AppState>) -> Result<Vec<Aup>, CommandError> {
    state.with_vault(|v| aup::list(v.db().conn()).map_err(CommandError::from))
}

#[tauri::command]
pub fn aup_get(state: State<'_, AppState>, aup_id: String) -> Result<AupDetail, CommandError> {
    state.with_vault(|v| aup::detail(v.db().conn(), &aup_id).map_err(CommandError::from))
}

#[tauri::command]
pub fn aup_save_draft(
    state: State<'_, AppState>,
    aup_id: String,
    content: AupContent,
) -> Result<AupVersion, CommandError> {
    state.with_admin(|conn, actor| aup::save_draft(conn, actor, &aup_id, &content))
}

#[tauri::command]
pub fn aup_publish(state: State<'_, AppState>, aup_id: String) -> Result<AupVersion, CommandError> {
    state.with_vault(|v| {
        let (conn, actor) = v.conn_and_actor();
        let version = aup::publish(conn, actor, &aup_id)?;
        // The signing station offers the new version straight away.
        v.note_station_changed();
        Ok(version)
    })
}

#[tauri::command]
pub fn aup_set_kiosk(state: State<'_, AppState>, aup_id: String, shown: bool) -> Result<(), CommandError> {
    state.with_vault(|v| {
        let (conn, actor) = v.conn_and_actor();
        aup::set_kiosk_published(conn, actor, &aup_id, shown)?;
        v.note_station_changed();
        Ok(())
    })
}

#[tauri::command]
pub fn aup_coverage(state: State<'_, AppState>, aup_id: String) -> Result<Coverage, CommandError> {
    state.with_vault(|v| signatures::coverage(v.db().conn(), &aup_id).map_err(CommandError::from))
}

/// Signing-station signatures waiting for an admin, each with the person it most likely is.
#[tauri::command]
pub fn signatures_unconfirmed(state: State<'_, AppState>) -> Result<Vec<UnconfirmedSignature>, CommandError> {
    state.with_vault(|v| signatures::unconfirmed_with_suggestions(v.db().conn()).map_err(CommandError::from))
}

#[tauri::command]
pub fn signature_confirm(
    state: State<'_, AppState>,
    signature_id: String,
    person_id: String,
) -> Result<Signature, CommandError> {
    state.with_admin(|conn, actor| signatures::confirm(conn, actor, &signature_id, &person_id))
}

/// Confirms a signing-station signature by a visitor who is not in the register: their person
/// record (group visitor, the typed name, starting today) is made in the same step.
#[tauri::command]
pub fn signature_confirm_as_visitor(
    state: State<'_, AppState>,
    signature_id: String,
) -> Result<Signature, CommandError> {
    state.with_admin(|conn, actor| {
        signatures::confirm_as_new_visitor(conn, actor, &signature_id, today()).map(|(s, _)| s)
    })
}

/// What the last unlock took in from the signing station, including any files it could not use.
#[tauri::command]
pub fn outbox_report(state: State<'_, AppState>) -> Result<Option<IngestReport>, CommandError> {
    state.with_session(|s| Ok(s.last_ingest.clone()))
}

/// Every signing-station file the ingest kept because it could not be recorded.
#[tauri::command]
pub async fn outbox_kept(state: State<'_, AppState>) -> Result<Vec<KeptSubmission>, CommandError> {
    state.with_vault(|v| outbox::kept_submissions(v).map_err(CommandError::from))
}

/// "Try again" on one kept file: recorded now, or the reason it still cannot be.
#[tauri::command]
pub async fn outbox_kept_retry(state: State<'_, AppState>, file_name: String) -> Result<RetryOutcome, CommandError> {
    state.with_vault(|v| outbox::retry_kept(v, &file_name).map_err(CommandError::from))
}

/// "Keep aside" on one kept file: it stays, and stops asking for attention.
#[tauri::command]
pub async fn outbox_kept_set_aside(state: State<'_, AppState>, file_name: String) -> Result<(), CommandError> {
    state.with_vault(|v| outbox::set_aside_kept(v, &file_name).map_err(CommandError::from))
}

/// Removes a signing-station signature an admin cannot match to anyone (it was never confirmed).
#[tauri::command]
pub fn signature_discard(state: State<'_, AppState>, signature_id: String) -> Result<(), CommandError> {
    state.with_admin(|conn, actor| signatures::discard(conn, actor, &signature_id))
}

/// Lists or unlists on the signing station everyone active who is expected to sign this AUP.
/// Returns how many people changed.
#[tauri::command]
pub fn aup_list_signers_on_kiosk(
    state: State<'_, AppState>,
    aup_id: String,
    listed: bool,
) -> Result<u32, CommandError> {
    state.with_vault(|v| {
        let (conn, actor) = v.conn_and_actor();
        let audience = aup::get(conn, &aup_id)?.audience;
        let changed = people::set_kiosk_listed_for_groups(conn, actor, audience.groups(), listed)?;
        v.note_station_changed();
        Ok(u32::try_from(changed).unwrap_or(u32::MAX))
    })
}

/// Who the AUPs name for safeguarding, and whether an admin has confirmed them.
#[tauri::command]
pub fn safeguarding_contacts(state: State<'_, AppState>) -> Result<aup::SafeguardingContacts, CommandError> {
    state.with_vault(|v| Ok(aup::contacts(v.db().conn())?))
}

/// Records the DSL and (optionally) the chair of trustees, and writes their names into every draft.
#[tauri::command]
pub fn safeguarding_contacts_confirm(
    state: State<'_, AppState>,
    dsl_name: String,
    chair_name: Option<String>,
) -> Result<aup::SafeguardingContacts, CommandError> {
    state.with_admin(|conn, actor| aup::confirm_contacts(conn, actor, &dsl_name, chair_name.as_deref()))
}
