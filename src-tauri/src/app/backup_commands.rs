//! Backups from the admin window: "Back up now" to a folder the admin chooses (a USB stick), and
//! whether one is due. The backup runs off the window's thread and cannot be started twice.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use super::AppState;
use crate::error::{CommandError, ErrorCode};
use crate::vault::backup::{self, BackupReport, BackupStatus};

static RUNNING: AtomicBool = AtomicBool::new(false);

/// Clears the running flag however the backup ends.
struct Running;

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.store(false, Ordering::SeqCst);
    }
}

/// The folder to back up into: the test folder, or the one the admin picks. `None` on cancel.
fn choose_folder(app: &AppHandle) -> Option<PathBuf> {
    match std::env::var_os("SAFEKEEPER_SAVE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => app
            .dialog()
            .file()
            .set_title("Choose where to save the backup")
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok()),
    }
}

/// Makes a verified backup. `None` when the admin cancels the folder choice.
#[tauri::command]
pub async fn backup_now(app: AppHandle, state: State<'_, AppState>) -> Result<Option<BackupReport>, CommandError> {
    // Refuses while locked before anything else happens.
    state.with_vault(|_| Ok(()))?;
    if RUNNING.swap(true, Ordering::SeqCst) {
        return Err(CommandError::new("backup.running", "A backup is already being made. Wait for it to finish."));
    }
    let running = Running;
    let Some(folder) = choose_folder(&app) else { return Ok(None) };
    let handle = app.clone();
    let report = tauri::async_runtime::spawn_blocking(move || {
        let _running = running;
        let state = handle.state::<AppState>();
        state.with_vault(|v| backup::back_up(v, &folder, env!("CARGO_PKG_VERSION")).map_err(|e| e.to_command_error()))
    })
    .await
    .map_err(|_| {
        CommandError::new("backup.failed", "The backup stopped unexpectedly. Your records are unchanged. Try again.")
    })??;
    Ok(Some(report))
}

#[tauri::command]
pub fn backup_status(state: State<'_, AppState>) -> Result<BackupStatus, CommandError> {
    state.with_vault(|v| backup::status(v.db().conn(), chrono::Utc::now()).map_err(|e| e.to_command_error()))
}
