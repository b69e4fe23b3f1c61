//! Safekeeper: online-safety records for small UK charities, kept in an encrypted database on
//! one shared laptop.
//!
//! The domain modules (`vault`, `store`, `records`, `kiosk`, `forms`, `reminders`) never import
//! tauri, so everything but the desktop shell is tested headless with
//! `cargo test --no-default-features`. The shell lives in `app`, behind the `desktop` feature.
//! `dates` (UK time, today, adding years) is the leaf every one of them may import; it imports
//! none of them.
#![warn(missing_docs)]

pub mod bindings;
pub mod dates;
pub mod demo;
pub mod error;
pub mod forms;
pub mod kiosk;
pub mod progress;
pub mod records;
pub mod reminders;
pub mod store;
pub mod vault;

#[cfg(feature = "desktop")]
pub mod app;
