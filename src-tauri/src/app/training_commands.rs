//! Commands for staff training (admin window only): the course catalogue, recording completions
//! (one person or a group session), the roles training depends on, one person's training, the
//! matrix, and the training lines of "what is due".

use tauri::{AppHandle, State, WebviewWindow};

use super::attachments::{file_kind, save_copy};
use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::today;
use crate::error::CommandError;
use crate::records::attachments::decode_base64;
use crate::records::people_import::ImportError;
use crate::records::signatures::MAX_SCAN_BYTES;
use crate::records::training::{
    self, Completion, Course, CourseDraft, MatrixFilter, PersonTraining, Role, TrainingError, TrainingMatrix,
    TrainingRecord,
};

#[tauri::command]
pub async fn training_courses(app: AppHandle, include_retired: bool) -> Result<Vec<Course>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| training::courses(v.db().conn(), include_retired).map_err(CommandError::from))
    })
    .await
}

/// Adds a course (`id` null) or changes one.
#[tauri::command]
pub async fn training_course_save(
    app: AppHandle,
    id: Option<String>,
    draft: CourseDraft,
) -> Result<Course, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| training::save_course(conn, actor, id.as_deref(), &draft))
    })
    .await
}

#[tauri::command]
pub async fn training_course_retire(app: AppHandle, id: String, retired: bool) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| training::retire_course(conn, actor, &id, retired))
    })
    .await
}

/// Records a course completed on one date by one or more people, all or nothing.
#[tauri::command]
pub async fn training_record(app: AppHandle, completion: Completion) -> Result<Vec<TrainingRecord>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| training::record(conn, actor, &completion, today()))
    })
    .await
}

#[tauri::command]
pub async fn training_record_remove(app: AppHandle, id: String) -> Result<(), CommandError> {
    super::worker::run(app, move |state| state.with_admin(|conn, actor| training::remove_record(conn, actor, &id)))
        .await
}

#[tauri::command]
pub async fn person_training(app: AppHandle, person_id: String) -> Result<PersonTraining, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let conn = v.db().conn();
            Ok(PersonTraining {
                roles: training::roles_of(conn, &person_id)?,
                records: training::for_person(conn, &person_id)?,
            })
        })
    })
    .await
}

#[tauri::command]
pub async fn person_set_roles(app: AppHandle, person_id: String, roles: Vec<Role>) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| training::set_roles(conn, actor, &person_id, &roles))
    })
    .await
}

#[tauri::command]
pub async fn training_matrix(app: AppHandle, filter: MatrixFilter) -> Result<TrainingMatrix, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| training::matrix(v.db().conn(), today(), &filter).map_err(CommandError::from))
    })
    .await
}

/// Stores a certificate (PNG, JPEG or PDF, up to 5 MB, sent as base64) with a training record.
#[tauri::command]
pub async fn training_certificate_attach(
    app: AppHandle,
    record_id: String,
    base64: String,
) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        let bytes = decode_base64(&base64, MAX_SCAN_BYTES).map_err(TrainingError::from)?;
        state.with_admin(|conn, actor| training::attach_certificate(conn, actor, &record_id, &bytes))
    })
    .await
}

/// Saves a copy of a record's certificate where the admin chooses; the copy is noted in the audit
/// trail. The suggested name holds the course date, never the person's name.
#[tauri::command]
pub async fn training_certificate_save(
    window: WebviewWindow,
    state: State<'_, AppState>,
    record_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let (session, copy) = state.with_vault_tagged(|v| Ok(training::certificate_copy(v.db().conn(), &record_id)?))?;
    let Some(target) = save::choose_target(&window, &copy.file_name, file_kind(&copy.extension)) else {
        return Ok(None);
    };
    let note = |conn: &_, actor: &_| training::note_certificate_saved(conn, actor, &record_id);
    save_copy(&state, session, &target, &copy.bytes, note).map(Some)
}

/// Reads a CSV of past training and says line by line what it would add. Writes nothing.
#[tauri::command]
pub async fn training_import_preview(
    app: AppHandle,
    csv: String,
) -> Result<training::TrainingImportPreview, CommandError> {
    let events = app.clone();
    super::worker::run(app, move |state| {
        state.with_session(|s| {
            let mut report = |progress| super::progress_events::send(&events, progress);
            let preview =
                training::import_preview_reporting(s.vault.db().conn(), csv.as_bytes(), today(), &mut report)?;
            s.pending_training_import = Some(preview.clone());
            Ok(preview)
        })
    })
    .await
}

/// Adds every row of the last preview, all or nothing. Returns how many were added.
#[tauri::command]
pub async fn training_import_commit(app: AppHandle) -> Result<u32, CommandError> {
    super::worker::run(app, move |state| {
        state.with_session(|s| {
            let preview = s.pending_training_import.take().ok_or(ImportError::NoPreview)?;
            let (conn, actor) = s.vault.conn_and_actor();
            Ok(u32::try_from(training::import_commit(conn, actor, &preview)?).unwrap_or(u32::MAX))
        })
    })
    .await
}
