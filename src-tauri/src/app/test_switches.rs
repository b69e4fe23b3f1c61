//! Environment switches that bend the app for end-to-end tests: where the records live, skipping
//! the native Save and Open dialogs (WebDriver cannot drive them), a short auto-lock, a log in place
//! of desktop notifications and of the system PDF viewer, and a pause standing in for a person
//! who leaves a Save dialog open.
//!
//! They exist only when the `test-switches` cargo feature is on, which only the test build turns
//! on (`.dev/test.sh`). Without it every function here returns `None` and the variable names are
//! not in the binary at all, so a shipped Safekeeper cannot be redirected by its environment.
//! `tests/e2e/installed.mjs` checks both on the release binary installed from the .deb.

use std::path::PathBuf;
#[cfg(feature = "test-switches")]
use std::time::Duration;

#[cfg(feature = "test-switches")]
fn path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// `SAFEKEEPER_DATA_DIR`: the folder to keep the vault in, instead of the platform's.
pub fn data_dir() -> Option<PathBuf> {
    #[cfg(feature = "test-switches")]
    {
        path("SAFEKEEPER_DATA_DIR")
    }
    #[cfg(not(feature = "test-switches"))]
    {
        None
    }
}

/// `SAFEKEEPER_SAVE_DIR`: save into this folder without showing the Save dialog.
pub fn save_dir() -> Option<PathBuf> {
    #[cfg(feature = "test-switches")]
    {
        path("SAFEKEEPER_SAVE_DIR")
    }
    #[cfg(not(feature = "test-switches"))]
    {
        None
    }
}

/// `SAFEKEEPER_SAVE_DELAY_SECONDS`: how long the skipped Save dialog "stays open", so a test can
/// let the auto-lock fire while a save waits for its folder.
#[cfg(feature = "test-switches")]
pub fn save_delay() -> Option<Duration> {
    std::env::var("SAFEKEEPER_SAVE_DELAY_SECONDS").ok().and_then(|s| s.parse::<u64>().ok()).map(Duration::from_secs)
}

/// `SAFEKEEPER_OPEN_FROM`: a text file holding the path to open instead of showing the Open dialog.
pub fn open_from() -> Option<PathBuf> {
    #[cfg(feature = "test-switches")]
    {
        path("SAFEKEEPER_OPEN_FROM")
    }
    #[cfg(not(feature = "test-switches"))]
    {
        None
    }
}

/// `SAFEKEEPER_NOTIFY_LOG`: append notifications (and files handed to the PDF viewer) to this
/// file instead of showing them; Xvfb has neither a notification service nor a viewer.
pub fn notify_log() -> Option<PathBuf> {
    #[cfg(feature = "test-switches")]
    {
        path("SAFEKEEPER_NOTIFY_LOG")
    }
    #[cfg(not(feature = "test-switches"))]
    {
        None
    }
}

/// `SAFEKEEPER_AUTO_LOCK_SECONDS`: lock after this many idle seconds instead of the setting.
pub fn auto_lock_seconds() -> Option<u64> {
    #[cfg(feature = "test-switches")]
    {
        std::env::var("SAFEKEEPER_AUTO_LOCK_SECONDS").ok().and_then(|s| s.parse::<u64>().ok()).filter(|s| *s > 0)
    }
    #[cfg(not(feature = "test-switches"))]
    {
        None
    }
}
