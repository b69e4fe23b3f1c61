//! See Cargo.toml: the macOS hook, compiled on its own.
#![cfg(target_os = "macos")]

use std::sync::Arc;

type OnLock = Arc<dyn Fn() + Send + Sync>;

#[path = "../../../../src-tauri/src/app/session_lock/macos.rs"]
mod macos;

pub fn watch(on_lock: impl Fn() + Send + Sync + 'static) {
    macos::watch(Arc::new(on_lock));
}
