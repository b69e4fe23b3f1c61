//! Restoring a backup from the admin window: choose the file, see what it holds next to what is
//! there now, replace the records, then keep the restore or undo it. Reading and checking a
//! backup runs off the window's thread and shares the backup's "one at a time" guard.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

use super::backup_commands::Running;
use super::AppState;
use crate::error::{CommandError, ErrorCode};
use crate::vault::restore::{self, RestoreAwaiting, RestorePreview};

/// The backup file to restore, from the Open dialog (a test build may name it in a file instead:
/// see `test_switches::open_from`). `None` on cancel.
pub(super) fn choose_backup_file(window: &WebviewWindow) -> Option<PathBuf> {
    match super::test_switches::open_from() {
        Some(list) => {
            std::fs::read_to_string(list).ok().map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).map(PathBuf::from)
        }
        _ => window
            .dialog()
            .file()
            .set_parent(window)
            .set_title("Choose the backup to restore")
            .add_filter("Safekeeper backup", &["age"])
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()),
    }
}

/// Reads and checks a backup the admin picks, and gets it ready to swap in. `None` on cancel.
#[tauri::command]
pub async fn restore_choose(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<RestorePreview>, CommandError> {
    let (session, ()) = state.with_vault_tagged(|_| Ok(()))?;
    let running = Running::start()?;
    let Some(file) = choose_backup_file(&window) else { return Ok(None) };
    let handle = app.clone();
    let preview = tauri::async_runtime::spawn_blocking(move || {
        let _running = running;
        // Only for the session that opened the dialog: a lock meanwhile ends it.
        handle
            .state::<AppState>()
            .with_same_session(session, |s| restore::prepare(&mut s.vault, &file).map_err(CommandError::from))
    })
    .await
    .map_err(|_| {
        CommandError::new(
            ErrorCode::RestoreFailed,
            "Reading the backup stopped unexpectedly. Nothing has been changed. Try again.",
        )
    })??;
    Ok(Some(preview))
}

/// Replaces the live records with the checked backup; the old ones are kept aside. A backup this
/// vault did not make (or that changed since) needs the paper recovery key.
#[tauri::command]
pub async fn restore_commit(
    app: AppHandle,
    state: State<'_, AppState>,
    recovery_key: Option<String>,
) -> Result<RestoreAwaiting, CommandError> {
    state.with_vault(|_| Ok(()))?;
    let running = Running::start()?;
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let _running = running;
        handle.state::<AppState>().with_vault(|v| {
            restore::commit(v, recovery_key.as_deref())?;
            restore::awaiting(v)?.ok_or_else(|| {
                CommandError::new(
                    ErrorCode::RestoreFailed,
                    "The restore did not finish. Lock and unlock Safekeeper, then look at Settings.",
                )
            })
        })
    })
    .await
    .map_err(|_| {
        CommandError::new(
            ErrorCode::RestoreFailed,
            "The restore stopped unexpectedly. Lock and unlock Safekeeper, then look at Settings.",
        )
    })?
}

/// Drops a checked backup the admin decided not to restore.
#[tauri::command]
pub fn restore_cancel(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.with_vault(|v| restore::cancel(v).map_err(CommandError::from))
}

/// Whether a restore is waiting to be kept or undone.
#[tauri::command]
pub fn restore_status(state: State<'_, AppState>) -> Result<Option<RestoreAwaiting>, CommandError> {
    state.with_vault(|v| restore::awaiting(v).map_err(CommandError::from))
}

/// Keeps the restored records and deletes the ones from before.
#[tauri::command]
pub fn restore_keep(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.with_vault(|v| restore::confirm(v).map_err(CommandError::from))
}

/// Puts back the records from before the restore.
#[tauri::command]
pub fn restore_undo(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.with_vault(|v| restore::undo(v).map_err(CommandError::from))
}
