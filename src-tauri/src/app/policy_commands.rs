//! Commands for the policy register (admin window only): the list, one policy with its version
//! history, adding and changing policies, recording a review, the filtering log, and the policy
//! lines of "what is due".

use tauri::{AppHandle, State, WebviewWindow};

use super::attachments::{file_kind, save_copy};
use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::today;
use crate::error::CommandError;
use crate::records::attachments::decode_base64;
use crate::records::policies::{
    self, FilteringEntry, LoggedFiltering, Policy, PolicyDetail, PolicyDraft, PolicyDue, PolicyError, PolicyReview,
    PolicyVersion,
};

#[tauri::command]
pub async fn policies_list(app: AppHandle, include_retired: bool) -> Result<Vec<Policy>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| policies::list(v.db().conn(), today(), include_retired).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn policy_get(app: AppHandle, id: String) -> Result<PolicyDetail, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| policies::get(v.db().conn(), &id, today()).map_err(CommandError::from))
    })
    .await
}

/// Adds a policy (`id` null) or changes one.
#[tauri::command]
pub async fn policy_save(app: AppHandle, id: Option<String>, draft: PolicyDraft) -> Result<Policy, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| policies::save(conn, actor, id.as_deref(), &draft, today()))
    })
    .await
}

#[tauri::command]
pub async fn policy_retire(app: AppHandle, id: String, retired: bool) -> Result<(), CommandError> {
    super::worker::run(app, move |state| state.with_admin(|conn, actor| policies::retire(conn, actor, &id, retired)))
        .await
}

/// Records a review: a new row in the version history, and the next review date moves.
#[tauri::command]
pub async fn policy_record_review(
    app: AppHandle,
    id: String,
    review: PolicyReview,
) -> Result<PolicyVersion, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| policies::record_review(conn, actor, &id, &review, today()))
    })
    .await
}

#[tauri::command]
pub async fn filtering_log(app: AppHandle) -> Result<Vec<LoggedFiltering>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| policies::filtering_log(v.db().conn()).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn filtering_log_add(app: AppHandle, entry: FilteringEntry) -> Result<FilteringEntry, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| policies::add_filtering_entry(conn, actor, &entry, today()))
    })
    .await
}

/// Policy reviews overdue, due within 90 days, or never recorded, most urgent first.
#[tauri::command]
pub async fn policies_due(app: AppHandle) -> Result<Vec<PolicyDue>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| policies::due_items(v.db().conn(), today()).map_err(CommandError::from))
    })
    .await
}

/// Stores the policy document (PDF, Word or OpenDocument, up to 10 MB, sent as base64), replacing
/// any before it. `file_name` only tells .docx from .odt; the bytes decide the rest.
#[tauri::command]
pub async fn policy_document_attach(
    app: AppHandle,
    id: String,
    file_name: String,
    base64: String,
) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        let bytes = decode_base64(&base64, policies::MAX_DOCUMENT_BYTES).map_err(PolicyError::from)?;
        state.with_admin(|conn, actor| policies::attach_document(conn, actor, &id, &file_name, &bytes))
    })
    .await
}

/// Saves a copy of the policy document where the admin chooses; the copy is noted in the audit.
#[tauri::command]
pub async fn policy_document_save(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let (session, (name, document)) = state.with_vault_tagged(|v| Ok(policies::named_document(v.db().conn(), &id)?))?;
    let file_name = format!("{} policy.{}", crate::forms::aup::file_name_part(&name), document.extension);
    let Some(target) = save::choose_target(&window, &file_name, file_kind(&document.extension)) else {
        return Ok(None);
    };
    let note = |conn: &_, actor: &_| policies::note_document_saved(conn, actor, &id);
    save_copy(&state, session, &target, &document.bytes, note).map(Some)
}
