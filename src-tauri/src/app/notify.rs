//! Desktop notifications raised by Rust, never by the page: at each unlock, the yearly
//! online-safety review reminder when it is due (see `records::policies::yearly_review_notice`).
//! Never while locked, and only fixed words with no personal data, because the operating system
//! may show a notification over anything.
//!
//! A test build can log each notification's text to a file instead of showing it (Xvfb has no
//! notification service): see `test_switches::notify_log`.

use std::io::Write;

use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;

use super::AppState;
use crate::error::CommandError;
use crate::records::policies;

/// Shows `text` as a desktop notification. A desktop without a notification service simply
/// shows nothing: the dashboard carries the same reminder.
fn notify(app: &AppHandle, text: &str) {
    if let Some(path) = super::test_switches::notify_log() {
        let written =
            std::fs::OpenOptions::new().create(true).append(true).open(path).and_then(|mut f| writeln!(f, "{text}"));
        if written.is_err() {
            eprintln!("safekeeper: could not write the notification log");
        }
        return;
    }
    let _ = app.notification().builder().title("Safekeeper").body(text).show();
}

/// Called once when a session begins.
pub(crate) fn after_unlock(app: &AppHandle, state: &AppState) {
    let today = crate::dates::today();
    let notice = state
        .with_vault(|v| policies::yearly_review_notice(v.db().conn(), today).map_err(CommandError::from))
        .ok()
        .flatten();
    if let Some(text) = notice {
        notify(app, text);
    }
}
