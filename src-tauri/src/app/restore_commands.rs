//! Restoring a backup from the admin window: choose the file, see what it holds next to what is
//! there now, replace the records, then keep the restore or undo it. Reading and checking a
//! backup runs off the window's thread and shares the backup's "one at a time" guard.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

use super::backup_commands::{off_thread, Running};
use super::state::SessionId;
use super::AppState;
use crate::error::{CommandError, ErrorCode};
use crate::progress::{LongWork, WorkProgress, WorkStep};
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
    let stopped = CommandError::new(
        ErrorCode::RestoreFailed,
        "Reading the backup stopped unexpectedly. Nothing has been changed. Try again.",
    );
    off_thread(move || prepare_from(&app, session, &file, running), stopped).await.map(Some)
}

/// Reads and checks `file` only for the session that opened the dialog: a lock meanwhile ends it.
/// `_running` is held until it ends.
fn prepare_from(
    app: &AppHandle,
    session: SessionId,
    file: &Path,
    _running: Running,
) -> Result<RestorePreview, CommandError> {
    // The session is held only for the keys and, once the file is read and checked without it,
    // for writing the restore that waits; a lock meanwhile stops the reading.
    let state = app.state::<AppState>();
    let stop = state.stop_signal();
    let (vault_id, identity) = state.with_same_session(session, |s| Ok(restore::reading_keys(&s.vault)?))?;
    let step = |step, done| super::progress_events::send(app, WorkProgress::new(LongWork::Restore, step, done, 2));
    step(WorkStep::Decrypting, 0);
    let read = restore::read_backup(file, &identity, &vault_id, &stop)?;
    step(WorkStep::Preparing, 1);
    state.with_same_session(session, |s| Ok(restore::prepare_read(&mut s.vault, file, read)?))
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
    let stopped = CommandError::new(
        ErrorCode::RestoreFailed,
        "The restore stopped unexpectedly. Lock and unlock Safekeeper, then look at Settings.",
    );
    off_thread(move || replace_records(&app, recovery_key.as_deref(), running), stopped).await
}

/// Swaps the checked backup in for whoever is unlocked now. `_running` is held until it ends.
fn replace_records(
    app: &AppHandle,
    recovery_key: Option<&str>,
    _running: Running,
) -> Result<RestoreAwaiting, CommandError> {
    app.state::<AppState>().with_vault(|v| Ok(restore::replace_records(v, recovery_key)?))
}

/// Drops a checked backup the admin decided not to restore.
#[tauri::command]
pub async fn restore_cancel(app: AppHandle) -> Result<(), CommandError> {
    super::worker::run(app, move |state| state.with_vault(|v| restore::cancel(v).map_err(CommandError::from))).await
}

/// Whether a restore is waiting to be kept or undone.
#[tauri::command]
pub async fn restore_status(app: AppHandle) -> Result<Option<RestoreAwaiting>, CommandError> {
    super::worker::run(app, move |state| state.with_vault(|v| restore::awaiting(v).map_err(CommandError::from))).await
}

/// Keeps the restored records and deletes the ones from before.
#[tauri::command]
pub async fn restore_keep(app: AppHandle) -> Result<(), CommandError> {
    super::worker::run(app, move |state| state.with_vault(|v| restore::confirm(v).map_err(CommandError::from))).await
}

/// Puts back the records from before the restore.
#[tauri::command]
pub async fn restore_undo(app: AppHandle) -> Result<(), CommandError> {
    super::worker::run(app, move |state| state.with_vault(|v| restore::undo(v).map_err(CommandError::from))).await
}
