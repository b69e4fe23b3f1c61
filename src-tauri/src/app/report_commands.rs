//! Reports for the trustees (admin window only). `forms::trustee_report` makes the report while
//! the vault is held and notes its printing in the audit trail with the period only; the Save
//! dialog opens after the vault is released, so it never holds up the auto-lock.

use chrono::NaiveDate;
use tauri::{State, WebviewWindow};

use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::error::CommandError;
use crate::forms::trustee_report;

/// Makes the trustee report for the period and saves it where the admin chooses.
#[tauri::command]
pub async fn trustee_report_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Option<SavedFile>, CommandError> {
    let (demo, today) = (state.is_demo(), crate::dates::today());
    let (session, form) =
        state.with_vault_tagged(|v| Ok(trustee_report::print(v.db().conn(), v.actor(), from, to, demo, today)?))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}
