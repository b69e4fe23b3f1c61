//! Locks after the admin has been idle for the configured time. Activity is every admin command,
//! including the UI's `touch` heartbeat on keyboard and pointer input.

use std::time::Duration;

use tauri::{AppHandle, Manager};

use super::{windows, AppState};

pub fn start(app: AppHandle) {
    std::thread::Builder::new()
        .name("auto-lock".into())
        .spawn(move || loop {
            std::thread::sleep(Duration::from_millis(500));
            let state = app.state::<AppState>();
            if state.idle_expired() && state.lock("idle") {
                windows::show_locked_home(&app);
            }
        })
        .expect("the auto-lock thread starts");
}
