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
///
/// The session is held only to start the copy and to record the backup at the end; copying (as
/// one snapshot, through a second connection), sealing, writing and checking the file run
/// without it, so other commands and the auto-lock never wait behind them. A lock during the
/// backup stops it: the copy is interrupted, or the file is deleted, and the audit records nothing.
fn back_up_into(
    app: &AppHandle,
    session: SessionId,
    folder: &Path,
    _running: Running,
) -> Result<BackupReport, CommandError> {
    let mut progress = |step: BackupStep| {
        let _ = app.emit_to(super::windows::ADMIN, PROGRESS_EVENT, step);
    };
    let state = app.state::<AppState>();
    back_up_stoppable(&state, session, folder, &mut progress)
}

/// The backup itself (see `back_up_into`), stopped by a lock.
pub(super) fn back_up_stoppable(
    state: &AppState,
    session: SessionId,
    folder: &Path,
    progress: &mut dyn FnMut(BackupStep),
) -> Result<BackupReport, CommandError> {
    let stop = state.stop_signal();
    let stopped = |e: CommandError| if stop.is_raised() { backup::BackupError::Stopped.into() } else { e };
    let target = folder.join(backup::file_name(crate::dates::uk_now()));
    progress(BackupStep::Copying);
    let records = super::save::in_session(state, session, folder, |s| Ok(backup::prepare_copy(&mut s.vault)?))?;
    let copy = backup::copy_records(records, env!("CARGO_PKG_VERSION"), &stop)?;
    let report = backup::seal_and_check(copy, &target, &stop, progress)?;
    let recorded = state.with_same_session(session, |s| {
        if stop.is_raised() {
            return Err(backup::BackupError::Stopped.into());
        }
        Ok(backup::record_verified(&mut s.vault, &report)?)
    });
    if let Err(e) = recorded {
        if stop.is_raised() || e.code == super::state::LOCKED {
            // Locked before the backup was recorded: the file goes too, so none is left unrecorded.
            let _ = std::fs::remove_file(&target);
        }
        return Err(stopped(e));
    }
    Ok(report)
}

#[tauri::command]
pub async fn backup_status(app: AppHandle) -> Result<BackupStatus, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| backup::status(v.db().conn(), chrono::Utc::now()).map_err(CommandError::from))
    })
    .await
}

/// The dashboard's notice that an update changed the records, with where the backup made just
/// before is; `None` once an admin has read it.
#[tauri::command]
pub async fn upgrade_notice(app: AppHandle) -> Result<Option<UpgradeNotice>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| upgrade::notice(v.db().conn()).map_err(|e| StoreError::from(e).into()))
    })
    .await
}

/// The admin has read the update notice; the backup stays where it is.
#[tauri::command]
pub async fn upgrade_notice_dismiss(app: AppHandle) -> Result<(), CommandError> {
    super::worker::run(app, move |state| state.with_admin(upgrade::dismiss_notice)).await
}

/// Sets how many days after the last verified backup the dashboard reminds.
#[tauri::command]
pub async fn backup_set_reminder_days(app: AppHandle, days: i64) -> Result<BackupStatus, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            backup::set_reminder_days(conn, actor, days)?;
            backup::status(v.db().conn(), chrono::Utc::now()).map_err(CommandError::from)
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use age::secrecy::SecretString;

    use super::{back_up_stoppable, Running};
    use crate::app::state::tests::{real_vault, PASSPHRASE};
    use crate::app::state::LOCKED;
    use crate::app::AppState;
    use crate::vault::backup::{self, BackupStep};
    use crate::vault::UnlockedVault;

    /// Unlocks `state` and says which session it is.
    fn unlocked(state: &AppState) -> super::SessionId {
        let paths = state.lock_inner().paths.clone();
        let vault = UnlockedVault::unlock(&paths, &SecretString::from(PASSPHRASE.to_owned())).expect("unlock");
        state.begin_session(vault).expect("session");
        state.with_vault_tagged(|_| Ok(())).expect("unlocked").0
    }

    /// Everything a backup could change in the records, to compare before and after.
    fn records_fingerprint(state: &AppState) -> (i64, Option<String>) {
        state
            .with_vault(|v| {
                let conn = v.db().conn();
                let audit: i64 = conn
                    .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
                    .map_err(crate::store::StoreError::from)?;
                let last: Option<String> = conn
                    .query_row("SELECT value FROM settings WHERE key = 'last_verified_backup'", [], |r| r.get(0))
                    .ok();
                Ok((audit, last))
            })
            .expect("read")
    }

    /// A lock at each step of a slowed backup: it finishes within a second, the backup stops with
    /// its plain message, the folder is empty and the vault opens with nothing recorded.
    #[test]
    fn a_lock_during_a_backup_stops_it_quickly_and_leaves_no_file() {
        backup::slow_steps_for_tests(3_000);
        for lock_at in [BackupStep::Copying, BackupStep::Encrypting, BackupStep::Writing, BackupStep::Checking] {
            let dir = tempfile::tempdir().expect("temp dir");
            let usb = tempfile::tempdir().expect("usb");
            let (state, _) = real_vault(&dir.path().join("data"));
            let state = std::sync::Arc::new(state);
            let session = unlocked(&state);
            let before = records_fingerprint(&state);
            assert!(state.lock("test"));
            let session_again = unlocked(&state);
            assert_ne!(session, session_again);
            let (tx, rx) = std::sync::mpsc::channel();
            let worker = {
                let state = state.clone();
                let folder = usb.path().to_path_buf();
                std::thread::spawn(move || {
                    let mut progress = |step: BackupStep| {
                        let _ = tx.send(step);
                    };
                    back_up_stoppable(&state, session_again, &folder, &mut progress)
                })
            };
            while rx.recv_timeout(Duration::from_secs(30)).expect("the backup reaches the step") != lock_at {}
            // Inside the step's slowed part.
            std::thread::sleep(Duration::from_millis(200));
            let asked = Instant::now();
            assert!(state.lock("idle"), "there was a session to lock");
            let took = asked.elapsed();
            eprintln!("lock during {lock_at:?} took {took:?}");
            assert!(took < Duration::from_secs(1), "the lock at {lock_at:?} took {took:?}");
            let refused = worker.join().expect("the backup thread ends").expect_err("the backup stopped");
            assert_eq!(refused.code, LOCKED, "at {lock_at:?}");
            assert_eq!(
                refused.message,
                "The backup stopped because Safekeeper locked. Nothing was saved. Unlock and start it again."
            );
            let left: Vec<_> = std::fs::read_dir(usb.path()).expect("read").collect();
            assert!(left.is_empty(), "at {lock_at:?} the folder holds {left:?}");
            // The vault opens again, with no backup recorded.
            unlocked(&state);
            assert_eq!(records_fingerprint(&state).1, before.1, "no backup was recorded at {lock_at:?}");
            let audit_backups: i64 = state
                .with_vault(|v| {
                    v.db()
                        .conn()
                        .query_row("SELECT count(*) FROM audit WHERE action = 'backup.verified'", [], |r| r.get(0))
                        .map_err(|e| crate::store::StoreError::from(e).into())
                })
                .expect("count");
            assert_eq!(audit_backups, 0, "at {lock_at:?}");
            let chain = state
                .with_vault(|v| crate::store::audit::verify(v.db().conn()).map_err(Into::into))
                .expect("the audit chain reads");
            assert!(chain.verified, "the audit chain still verifies at {lock_at:?}");
            // And a backup with no lock in the way completes and is recorded.
            if lock_at == BackupStep::Checking {
                backup::slow_steps_for_tests(0);
                let session = state.with_vault_tagged(|_| Ok(())).expect("unlocked").0;
                let report = back_up_stoppable(&state, session, usb.path(), &mut |_| {}).expect("backup");
                assert!(std::path::Path::new(&report.path).exists());
                assert_eq!(std::fs::read_dir(usb.path()).expect("read").count(), 1);
                assert!(records_fingerprint(&state).1.is_some(), "recorded");
            }
        }
    }

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
