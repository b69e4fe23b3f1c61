//! Commands for the retention review (admin window only): the rules with the organisation's
//! reasons, the records due for review and on hold, and the admin's decision on one record.

use tauri::State;

use super::AppState;
use crate::dates::today;
use crate::error::{CommandError, ErrorCode};
use crate::records::retention::{self, Decision, RecordKind, RetentionReview, RetentionRules};

fn err(e: impl ErrorCode) -> CommandError {
    e.to_command_error()
}

#[tauri::command]
pub fn retention_rules(state: State<'_, AppState>) -> Result<RetentionRules, CommandError> {
    state.with_vault(|v| retention::rules(v.db().conn()).map_err(err))
}

#[tauri::command]
pub fn retention_rules_save(state: State<'_, AppState>, rules: RetentionRules) -> Result<RetentionRules, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        retention::save_rules(v.db_mut().conn_mut(), &actor, &rules).map_err(err)
    })
}

/// Records due for a retention review, soonest first, and records on legal hold.
#[tauri::command]
pub fn retention_due(state: State<'_, AppState>) -> Result<RetentionReview, CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        retention::review(v.db().conn(), &actor, today()).map_err(err)
    })
}

/// Keep (with the next review), legal hold, lift a hold, or erase one record.
#[tauri::command]
pub fn retention_decide(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: String,
    decision: Decision,
) -> Result<(), CommandError> {
    state.with_vault(|v| {
        let actor = v.actor().clone();
        retention::decide(v.db_mut().conn_mut(), &actor, kind, &id, &decision, today()).map_err(err)
    })
}
