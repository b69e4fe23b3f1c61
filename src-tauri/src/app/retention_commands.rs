//! Commands for the retention review (admin window only): the rules with the organisation's
//! reasons, the records due for review and on hold, and the admin's decision on one record.

use tauri::AppHandle;

use crate::dates::today;
use crate::error::CommandError;
use crate::records::retention::{self, Count, Decision, RecordKind, RetentionPage, RetentionRules};

/// The most records the review page may ask for at once: ten pages of a hundred.
const MAX_PAGE: u32 = 1000;

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

/// The first `limit` records due for a retention review (soonest first) and the first `limit` on
/// legal hold, with how many there are of each. The page asks for more a hundred at a time.
#[tauri::command]
pub async fn retention_due(app: AppHandle, limit: u32) -> Result<RetentionPage, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| retention::page(conn, actor, today(), limit.clamp(1, MAX_PAGE)))
    })
    .await
}

/// How many records are due for a retention review, up to `retention::COUNT_CAP`: the dashboard's
/// reminder shows only the number.
#[tauri::command]
pub async fn retention_due_count(app: AppHandle) -> Result<Count, CommandError> {
    super::worker::run(app, move |state| state.with_admin(|conn, actor| retention::due_count(conn, actor, today())))
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
