//! Progress of long work sent to the admin window as it happens (`crate::progress`).

use tauri::{AppHandle, Emitter};

use crate::progress::WorkProgress;

/// Emitted to the admin window with each `WorkProgress`.
pub const WORK_PROGRESS_EVENT: &str = "work-progress";

/// Sends `progress` to the admin window. A window that has gone (a lock meanwhile) misses it,
/// which is harmless: the work itself stops on the lock.
pub(super) fn send(app: &AppHandle, progress: WorkProgress) {
    let _ = app.emit_to(super::windows::ADMIN, WORK_PROGRESS_EVENT, progress);
}
