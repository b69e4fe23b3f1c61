//! Backups from the admin window: "Back up now" to a folder the admin chooses (a USB stick), and
//! whether one is due. The backup runs off the window's thread and cannot be started twice.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{AppHandle, Emitter, Manager, State, WebviewWindow};

use super::state::SessionId;
use super::AppState;
use crate::error::{CommandError, ErrorCode};
use crate::store::StoreError;
use crate::vault::backup::{self, BackupReport, BackupStatus, BackupStep};
use crate::vault::upgrade::{self, UpgradeNotice};

/// Emitted to the admin window as each step of a backup starts, with the step.
pub const PROGRESS_EVENT: &str = "backup-progress";

static RUNNING: AtomicBool = AtomicBool::new(false);

/// Held while a backup or a restore runs; clears the flag however it ends.
pub(super) struct Running;

impl Running {
    /// Refuses when a backup or restore is already under way.
    pub(super) fn start() -> Result<Running, CommandError> {
        if RUNNING.swap(true, Ordering::SeqCst) {
            return Err(CommandError::new(
                ErrorCode::BackupRunning,
                "A backup or restore is already under way. Wait for it to finish.",
            ));
        }
        Ok(Running)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.store(false, Ordering::SeqCst);
    }
}

/// Runs `work` off the window's thread and waits for it. `stopped` is the answer if the work ends
/// without one (it panicked).
pub(super) async fn off_thread<T, E>(
    work: impl FnOnce() -> Result<T, E> + Send + 'static,
    stopped: CommandError,
) -> Result<T, CommandError>
where
    T: Send + 'static,
    E: Into<CommandError> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(work).await.map_err(|_| stopped)?.map_err(Into::into)
}

/// Makes a verified backup. `None` when the admin cancels the folder choice.
#[tauri::command]
pub async fn backup_now(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<BackupReport>, CommandError> {
    // Refuses while locked before anything else happens.
    let (session, ()) = state.with_vault_tagged(|_| Ok(()))?;
    let running = Running::start()?;
    let Some(folder) = super::save::choose_folder(&window, "Choose where to save the backup") else { return Ok(None) };
    let stopped = CommandError::new(
        ErrorCode::BackupFailed,
        "The backup stopped unexpectedly. Your records are unchanged. Try again.",
    );
    off_thread(move || back_up_into(&app, session, &folder, running), stopped).await.map(Some)
}

/// Backs up into `folder`, telling the admin window as each step starts. Only by the session that
/// asked, and never into the data folder it backs up; `_running` is held until it ends.
fn back_up_into(
    app: &AppHandle,
    session: SessionId,
    folder: &Path,
    _running: Running,
) -> Result<BackupReport, CommandError> {
    let mut progress = |step: BackupStep| {
        let _ = app.emit_to(super::windows::ADMIN, PROGRESS_EVENT, step);
    };
    super::save::in_session(&app.state::<AppState>(), session, folder, |s| {
        Ok(backup::back_up_with_progress(&mut s.vault, folder, env!("CARGO_PKG_VERSION"), &mut progress)?)
    })
}

#[tauri::command]
pub fn backup_status(state: State<'_, AppState>) -> Result<BackupStatus, CommandError> {
    state.with_vault(|v| backup::status(v.db().conn(), chrono::Utc::now()).map_err(CommandError::from))
}

/// The dashboard's notice that an update changed the records, with where the backup made just
/// before is; `None` once an admin has read it.
#[tauri::command]
pub fn upgrade_notice(state: State<'_, AppState>) -> Result<Option<UpgradeNotice>, CommandError> {
    state.with_vault(|v| upgrade::notice(v.db().conn()).map_err(|e| StoreError::from(e).into()))
}

/// The admin has read the update notice; the backup stays where it is.
#[tauri::command]
pub fn upgrade_notice_dismiss(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.with_admin(upgrade::dismiss_notice)
}

/// Sets how many days after the last verified backup the dashboard reminds.
#[tauri::command]
pub fn backup_set_reminder_days(state: State<'_, AppState>, days: i64) -> Result<BackupStatus, CommandError> {
    state.with_vault(|v| {
        let (conn, actor) = v.conn_and_actor();
        backup::set_reminder_days(conn, actor, days)?;
        backup::status(v.db().conn(), chrono::Utc::now()).map_err(CommandError::from)
    })
}

#[cfg(test)]
mod tests {
    use super::Running;

    #[test]
    fn a_second_backup_or_restore_is_refused_until_the_first_ends() {
        let first = Running::start().expect("the first starts");
        let second = Running::start().map(|_| ()).expect_err("a second is refused");
        assert_eq!(second.code, "backup.running");
        assert!(second.message.contains("already under way"));
        drop(first);
        let again = Running::start().expect("free again once the first has ended");
        drop(again);
    }
}
