//! Commands for the policy register (admin window only): the list, one policy with its version
//! history, adding and changing policies, recording a review, the filtering log, and the policy
//! lines of "what is due".

use tauri::State;

use super::AppState;
use crate::error::{CommandError, ErrorCode};
use crate::records::policies::{
    self, FilteringEntry, Policy, PolicyDetail, PolicyDraft, PolicyDue, PolicyReview, PolicyVersion,
};

fn err(e: impl ErrorCode) -> CommandError {
    e.to_command_error()
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub fn policies_list(state: State<'_, AppState>, include_retired: bool) -> Result<Vec<Policy>, CommandError> {
    state.with_vault(|v| policies::list(v.db().conn(), today(), include_retired).map_err(err))
}

#[tauri::command]
pub fn policy_get(state: State<'_, AppState>, id: String) -> Result<PolicyDetail, CommandError> {
    state.with_vault(|v| policies::get(v.db().conn(), &id, today()).map_err(err))
}

/// Adds a policy (`id` null) or changes one.
#[tauri::command]
pub fn policy_save(state: State<'_, AppState>, id: Option<String>, draft: PolicyDraft) -> Result<Policy, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        policies::save(v.db_mut().conn_mut(), &actor, id.as_deref(), &draft, today()).map_err(err)
    })
}

#[tauri::command]
pub fn policy_retire(state: State<'_, AppState>, id: String, retired: bool) -> Result<(), CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        policies::retire(v.db_mut().conn_mut(), &actor, &id, retired).map_err(err)
    })
}

/// Records a review: a new row in the version history, and the next review date moves.
#[tauri::command]
pub fn policy_record_review(
    state: State<'_, AppState>,
    id: String,
    review: PolicyReview,
) -> Result<PolicyVersion, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        policies::record_review(v.db_mut().conn_mut(), &actor, &id, &review, today()).map_err(err)
    })
}

#[tauri::command]
pub fn filtering_log(state: State<'_, AppState>) -> Result<Vec<FilteringEntry>, CommandError> {
    state.with_vault(|v| policies::filtering_log(v.db().conn()).map_err(err))
}

#[tauri::command]
pub fn filtering_log_add(state: State<'_, AppState>, entry: FilteringEntry) -> Result<FilteringEntry, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        policies::add_filtering_entry(v.db_mut().conn_mut(), &actor, &entry, today()).map_err(err)
    })
}

/// Policy reviews overdue, due within 90 days, or never recorded, most urgent first.
#[tauri::command]
pub fn policies_due(state: State<'_, AppState>) -> Result<Vec<PolicyDue>, CommandError> {
    state.with_vault(|v| policies::due_items(v.db().conn(), today()).map_err(err))
}
