//! Commands for the retention review (admin window only): the rules with the organisation's
//! reasons, the records due for review and on hold, and the admin's decision on one record.

use tauri::State;

use super::AppState;
use crate::dates::today;
use crate::error::CommandError;
use crate::records::retention::{self, Decision, RecordKind, RetentionReview, RetentionRules};

#[tauri::command]
pub fn retention_rules(state: State<'_, AppState>) -> Result<RetentionRules, CommandError> {
    state.with_vault(|v| retention::rules(v.db().conn()).map_err(CommandError::from))
}

#[tauri::command]
pub fn retention_rules_save(state: State<'_, AppState>, rules: RetentionRules) -> Result<RetentionRules, CommandError> {
    state.with_admin(|conn, actor| retention::save_rules(conn, actor, &rules))
}

/// Records due for a retention review, soonest first, and records on legal hold.
#[tauri::command]
pub fn retention_due(state: State<'_, AppState>) -> Result<RetentionReview, CommandError> {
    state.with_admin(|conn, actor| retention::review(conn, actor, today()))
}

/// Keep (with the next review), legal hold, lift a hold, or erase one record.
#[tauri::command]
pub fn retention_decide(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: String,
    decision: Decision,
) -> Result<(), CommandError> {
    state.with_admin(|conn, actor| retention::decide(conn, actor, kind, &id, &decision, today()))
}
