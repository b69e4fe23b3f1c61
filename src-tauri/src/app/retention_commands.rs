//! Commands for the retention review (admin window only): the rules with the organisation's
//! reasons, the records due for review and on hold, and the admin's decision on one record.

use tauri::AppHandle;

use crate::dates::today;
use crate::error::CommandError;
use crate::records::retention::{self, Decision, RecordKind, RetentionReview, RetentionRules};

#[tauri::command]
pub async fn retention_rules(app: AppHandle) -> Result<RetentionRules, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| retention::rules(v.db().conn()).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn retention_rules_save(app: AppHandle, rules: RetentionRules) -> Result<RetentionRules, CommandError> {
    super::worker::run(app, move |state| state.with_admin(|conn, actor| retention::save_rules(conn, actor, &rules)))
        .await
}

/// Records due for a retention review, soonest first, and records on legal hold.
#[tauri::command]
pub async fn retention_due(app: AppHandle) -> Result<RetentionReview, CommandError> {
    super::worker::run(app, move |state| state.with_admin(|conn, actor| retention::review(conn, actor, today()))).await
}

/// How many records are due for a retention review: the dashboard's reminder shows only the
/// number, so the list itself (thousands of items in a large organisation) never crosses to the page.
#[tauri::command]
pub async fn retention_due_count(app: AppHandle) -> Result<u32, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| {
            retention::due(conn, actor, today()).map(|due| u32::try_from(due.len()).unwrap_or(u32::MAX))
        })
    })
    .await
}

/// Keep (with the next review), legal hold, lift a hold, or erase one record.
#[tauri::command]
pub async fn retention_decide(
    app: AppHandle,
    kind: RecordKind,
    id: String,
    decision: Decision,
) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| retention::decide(conn, actor, kind, &id, &decision, today()))
    })
    .await
}
