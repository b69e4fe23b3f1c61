//! Running a command's work off the window's thread. Tauri runs a synchronous command on the main
//! thread, so one that waits for the session (held by another command) or for the disk would
//! freeze the window. Every command that touches the disk or the database is an `async fn` whose
//! body runs here, on a blocking worker, with the app's state.

use tauri::{AppHandle, Manager, State};

use super::AppState;
use crate::error::{CommandError, ErrorCode};

/// Runs `work` on a blocking worker thread with the app's state and waits for its answer without
/// holding the window's thread.
pub(super) async fn run<T: Send + 'static>(
    app: AppHandle,
    work: impl for<'a> FnOnce(State<'a, AppState>) -> Result<T, CommandError> + Send + 'static,
) -> Result<T, CommandError> {
    tauri::async_runtime::spawn_blocking(move || work(app.state::<AppState>())).await.map_err(|_| stopped())?
}

/// The answer when the work ended without one (it panicked).
fn stopped() -> CommandError {
    CommandError::new(ErrorCode::AppFailed, "That stopped before it finished. Nothing was changed. Try again.")
}
