//! Commands for staff training (admin window only): the course catalogue, recording completions
//! (one person or a group session), the roles training depends on, one person's training, the
//! matrix, and the training lines of "what is due".

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use tauri::{State, WebviewWindow};

use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::today;
use crate::error::{CommandError, ErrorCode};
use crate::records::training::{
    self, Completion, Course, CourseDraft, MatrixFilter, PersonTraining, Role, TrainingMatrix, TrainingRecord,
};

#[tauri::command]
pub fn training_courses(state: State<'_, AppState>, include_retired: bool) -> Result<Vec<Course>, CommandError> {
    state.with_vault(|v| training::courses(v.db().conn(), include_retired).map_err(CommandError::from))
}

/// Adds a course (`id` null) or changes one.
#[tauri::command]
pub fn training_course_save(
    state: State<'_, AppState>,
    id: Option<String>,
    draft: CourseDraft,
) -> Result<Course, CommandError> {
    state.with_admin(|conn, actor| training::save_course(conn, actor, id.as_deref(), &draft))
}

#[tauri::command]
pub fn training_course_retire(state: State<'_, AppState>, id: String, retired: bool) -> Result<(), CommandError> {
    state.with_admin(|conn, actor| training::retire_course(conn, actor, &id, retired))
}

/// Records a course completed on one date by one or more people, all or nothing.
#[tauri::command]
pub fn training_record(
    state: State<'_, AppState>,
    completion: Completion,
) -> Result<Vec<TrainingRecord>, CommandError> {
    state.with_admin(|conn, actor| training::record(conn, actor, &completion, today()))
}

#[tauri::command]
pub fn training_record_remove(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    state.with_admin(|conn, actor| training::remove_record(conn, actor, &id))
}

#[tauri::command]
pub fn person_training(state: State<'_, AppState>, person_id: String) -> Result<PersonTraining, CommandError> {
    state.with_vault(|v| {
        let conn = v.db().conn();
        Ok(PersonTraining {
            roles: training::roles_of(conn, &person_id)?,
            records: training::for_person(conn, &person_id)?,
        })
    })
}

#[tauri::command]
pub fn person_set_roles(state: State<'_, AppState>, person_id: String, roles: Vec<Role>) -> Result<(), CommandError> {
    state.with_admin(|conn, actor| training::set_roles(conn, actor, &person_id, &roles))
}

#[tauri::command]
pub fn training_matrix(state: State<'_, AppState>, filter: MatrixFilter) -> Result<TrainingMatrix, CommandError> {
    state.with_vault(|v| training::matrix(v.db().conn(), today(), &filter).map_err(CommandError::from))
}

/// The longest base64 text a certificate within the cap can be: anything longer is refused unread.
const MAX_CERTIFICATE_BASE64: usize = crate::records::signatures::MAX_SCAN_BYTES.div_ceil(3) * 4;

/// Stores a certificate (PNG, JPEG or PDF, up to 5 MB, sent as base64) with a training record.
#[tauri::command]
pub fn training_certificate_attach(
    state: State<'_, AppState>,
    record_id: String,
    base64: String,
) -> Result<(), CommandError> {
    if base64.len() > MAX_CERTIFICATE_BASE64 {
        return Err(CommandError::from(training::TrainingError::CertificateTooLarge));
    }
    let bytes = STANDARD.decode(base64.trim()).map_err(|_| {
        CommandError::new(
            ErrorCode::TrainingCertificateUnreadable,
            "The certificate could not be read. Choose the file again.",
        )
    })?;
    state.with_admin(|conn, actor| training::attach_certificate(conn, actor, &record_id, &bytes))
}

/// Saves a copy of a record's certificate where the admin chooses; the copy is noted in the audit
/// trail. The suggested name holds the course date, never the person's name.
#[tauri::command]
pub async fn training_certificate_save(
    window: WebviewWindow,
    state: State<'_, AppState>,
    record_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let (session, (media_type, bytes, completed_on)) = state.with_vault_tagged(|v| {
        let conn = v.db().conn();
        let (media_type, bytes) = training::certificate(conn, &record_id)?;
        let completed_on: String = conn
            .query_row("SELECT completed_on FROM training_records WHERE id = ?1", [&record_id], |r| r.get(0))
            .map_err(|_| CommandError::from(training::TrainingError::RecordNotFound))?;
        Ok((media_type, bytes, completed_on))
    })?;
    let (kind, extension) = match media_type.as_str() {
        "image/png" => (save::PNG, "png"),
        "image/jpeg" => (save::JPEG, "jpg"),
        _ => (save::PDF, "pdf"),
    };
    let file_name = format!("Training certificate {completed_on}.{extension}");
    let Some(target) = save::choose_target(&window, &file_name, kind) else { return Ok(None) };
    save::in_session(&state, session, &target, |s| {
        let saved = save::write(&target, &bytes)?;
        training::note_certificate_saved(s.vault.db().conn(), s.vault.actor(), &record_id)?;
        Ok(Some(saved))
    })
}

/// Reads a CSV of past training and says line by line what it would add. Writes nothing.
#[tauri::command]
pub fn training_import_preview(
    state: State<'_, AppState>,
    csv: String,
) -> Result<training::TrainingImportPreview, CommandError> {
    state.with_session(|s| {
        let preview = training::import_preview(s.vault.db().conn(), csv.as_bytes(), today())?;
        s.pending_training_import = Some(preview.clone());
        Ok(preview)
    })
}

/// Adds every row of the last preview, all or nothing. Returns how many were added.
#[tauri::command]
pub fn training_import_commit(state: State<'_, AppState>) -> Result<u32, CommandError> {
    state.with_session(|s| {
        let preview = s.pending_training_import.take().ok_or_else(|| {
            CommandError::new(
                ErrorCode::ImportNoPreview,
                "Choose the file again: there is no import waiting to be confirmed.",
            )
        })?;
        let actor = s.vault.actor().clone();
        let added = training::import_commit(s.vault.db_mut().conn_mut(), &actor, &preview)?;
        Ok(u32::try_from(added).unwrap_or(u32::MAX))
    })
}
