//! The dashboard's "What is due" list (admin window only); the calendar file of the same dates is
//! saved by `register_print_commands::due_dates_export`. Both come from `records::due`.

use tauri::AppHandle;

use crate::dates::today;
use crate::error::CommandError;
use crate::records::due::{self, WhatIsDue};

/// Training, policy reviews and AUP signatures that need doing now or within 90 days, most urgent
/// first in each list.
#[tauri::command]
pub async fn due_list(app: AppHandle) -> Result<WhatIsDue, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| due::dashboard(v.db().conn(), today()).map_err(CommandError::from))
    })
    .await
}
