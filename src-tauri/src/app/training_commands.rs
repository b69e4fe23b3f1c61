//! Commands for staff training (admin window only): the course catalogue, recording completions
//! (one person or a group session), the roles training depends on, one person's training, the
//! matrix, and the training lines of "what is due".

use tauri::State;

use super::AppState;
use crate::error::{CommandError, ErrorCode};
use crate::records::training::{
    self, Completion, Course, CourseDraft, MatrixFilter, PersonTraining, Role, TrainingDue, TrainingMatrix,
    TrainingRecord,
};

fn err(e: impl ErrorCode) -> CommandError {
    e.to_command_error()
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub fn training_courses(state: State<'_, AppState>, include_retired: bool) -> Result<Vec<Course>, CommandError> {
    state.with_vault(|v| training::courses(v.db().conn(), include_retired).map_err(err))
}

/// Adds a course (`id` null) or changes one.
#[tauri::command]
pub fn training_course_save(
    state: State<'_, AppState>,
    id: Option<String>,
    draft: CourseDraft,
) -> Result<Course, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        training::save_course(v.db_mut().conn_mut(), &actor, id.as_deref(), &draft).map_err(err)
    })
}

#[tauri::command]
pub fn training_course_retire(state: State<'_, AppState>, id: String, retired: bool) -> Result<(), CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        training::retire_course(v.db_mut().conn_mut(), &actor, &id, retired).map_err(err)
    })
}

/// Records a course completed on one date by one or more people, all or nothing.
#[tauri::command]
pub fn training_record(
    state: State<'_, AppState>,
    completion: Completion,
) -> Result<Vec<TrainingRecord>, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        training::record(v.db_mut().conn_mut(), &actor, &completion, today()).map_err(err)
    })
}

#[tauri::command]
pub fn training_record_remove(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        training::remove_record(v.db_mut().conn_mut(), &actor, &id).map_err(err)
    })
}

#[tauri::command]
pub fn person_training(state: State<'_, AppState>, person_id: String) -> Result<PersonTraining, CommandError> {
    state.with_vault(|v| {
        let conn = v.db().conn();
        Ok(PersonTraining {
            roles: training::roles_of(conn, &person_id).map_err(err)?,
            records: training::for_person(conn, &person_id).map_err(err)?,
        })
    })
}

#[tauri::command]
pub fn person_set_roles(state: State<'_, AppState>, person_id: String, roles: Vec<Role>) -> Result<(), CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        training::set_roles(v.db_mut().conn_mut(), &actor, &person_id, &roles).map_err(err)
    })
}

#[tauri::command]
pub fn training_matrix(state: State<'_, AppState>, filter: MatrixFilter) -> Result<TrainingMatrix, CommandError> {
    state.with_vault(|v| training::matrix(v.db().conn(), today(), &filter).map_err(err))
}

/// Training never done, overdue, or due within 90 days, most urgent first.
#[tauri::command]
pub fn training_due(state: State<'_, AppState>) -> Result<Vec<TrainingDue>, CommandError> {
    state.with_vault(|v| training::due_items(v.db().conn(), today()).map_err(err))
}
