//! The dashboard's "What is due" list (admin window only); the calendar file of the same dates is
//! saved by `register_print_commands::due_dates_export`. Both come from `records::due`.

use tauri::State;

use super::AppState;
use crate::dates::today;
use crate::error::CommandError;
use crate::records::due::{self, WhatIsDue};

/// Training, policy reviews and AUP signatures that need doing now or within 90 days, most urgent
/// first in each list.
#[tauri::command]
pub fn due_list(state: State<'_, AppState>) -> Result<WhatIsDue, CommandError> {
    state.with_vault(|v| due::dashboard(v.db().conn(), today()).map_err(CommandError::from))
}
