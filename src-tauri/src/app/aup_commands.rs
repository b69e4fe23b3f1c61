//! Commands for AUP documents, their versions, coverage and signing-station signatures awaiting
//! confirmation (admin window only).

use tauri::{AppHandle, State};

use super::AppState;
use crate::bindings::{AupDetail, UnconfirmedSignature};
use crate::dates::today;
use crate::error::CommandError;
use crate::kiosk::outbox::{self, IngestReport, KeptSubmission, RetryOutcome};
use crate::records::aup::{self, Aup, AupContent, AupVersion};
use crate::records::people;
use crate::records::signatures::{self, Coverage, Signature};

#[tauri::command]
pub async fn aup_list(app: AppHandle) -> Result<Vec<Aup>, CommandError> {
    super::worker::run(app, move |state| state.with_vault(|v| aup::list(v.db().conn()).map_err(CommandError::from)))
        .await
}

#[tauri::command]
pub async fn aup_get(app: AppHandle, aup_id: String) -> Result<AupDetail, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| aup::detail(v.db().conn(), &aup_id).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn aup_save_draft(app: AppHandle, aup_id: String, content: AupContent) -> Result<AupVersion, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| aup::save_draft(conn, actor, &aup_id, &content))
    })
    .await
}

#[tauri::command]
pub async fn aup_publish(app: AppHandle, aup_id: String) -> Result<AupVersion, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            let version = aup::publish(conn, actor, &aup_id)?;
            // The signing station offers the new version straight away.
            v.note_station_changed();
            Ok(version)
        })
    })
    .await
}

#[tauri::command]
pub async fn aup_set_kiosk(app: AppHandle, aup_id: String, shown: bool) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            aup::set_kiosk_published(conn, actor, &aup_id, shown)?;
            v.note_station_changed();
            Ok(())
        })
    })
    .await
}

#[tauri::command]
pub async fn aup_coverage(app: AppHandle, aup_id: String) -> Result<Coverage, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| signatures::coverage(v.db().conn(), &aup_id).map_err(CommandError::from))
    })
    .await
}

/// Signing-station signatures waiting for an admin, each with the person it most likely is.
#[tauri::command]
pub async fn signatures_unconfirmed(app: AppHandle) -> Result<Vec<UnconfirmedSignature>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| signatures::unconfirmed_with_suggestions(v.db().conn()).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn signature_confirm(
    app: AppHandle,
    signature_id: String,
    person_id: String,
) -> Result<Signature, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| signatures::confirm(conn, actor, &signature_id, &person_id))
    })
    .await
}

/// Confirms a signing-station signature by a visitor who is not in the register: their person
/// record (group visitor, the typed name, starting today) is made in the same step.
#[tauri::command]
pub async fn signature_confirm_as_visitor(app: AppHandle, signature_id: String) -> Result<Signature, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| {
            signatures::confirm_as_new_visitor(conn, actor, &signature_id, today()).map(|(s, _)| s)
        })
    })
    .await
}

/// What the last unlock took in from the signing station, including any files it could not use.
#[tauri::command]
pub async fn outbox_report(app: AppHandle) -> Result<Option<IngestReport>, CommandError> {
    super::worker::run(app, move |state| state.with_session(|s| Ok(s.last_ingest.clone()))).await
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
pub async fn signature_discard(app: AppHandle, signature_id: String) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| signatures::discard(conn, actor, &signature_id))
    })
    .await
}

/// Lists or unlists on the signing station everyone active who is expected to sign this AUP.
/// Returns how many people changed.
#[tauri::command]
pub async fn aup_list_signers_on_kiosk(app: AppHandle, aup_id: String, listed: bool) -> Result<u32, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            let audience = aup::get(conn, &aup_id)?.audience;
            let changed = people::set_kiosk_listed_for_groups(conn, actor, audience.groups(), listed)?;
            v.note_station_changed();
            Ok(u32::try_from(changed).unwrap_or(u32::MAX))
        })
    })
    .await
}

/// Who the AUPs name for safeguarding, and whether an admin has confirmed them.
#[tauri::command]
pub async fn safeguarding_contacts(app: AppHandle) -> Result<aup::SafeguardingContacts, CommandError> {
    super::worker::run(app, move |state| state.with_vault(|v| Ok(aup::contacts(v.db().conn())?))).await
}

/// Records the DSL and (optionally) the chair of trustees, and writes their names into every draft.
#[tauri::command]
pub async fn safeguarding_contacts_confirm(
    app: AppHandle,
    dsl_name: String,
    chair_name: Option<String>,
) -> Result<aup::SafeguardingContacts, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| aup::confirm_contacts(conn, actor, &dsl_name, chair_name.as_deref()))
    })
    .await
}
