//! Saving a file the user asked for, where they choose. `SAFEKEEPER_SAVE_DIR` skips the native
//! dialog (which WebDriver cannot drive) and saves straight into that folder: end-to-end tests use
//! it, and nothing else should.
//!
//! Choosing and writing are separate steps so a command can check the vault is still unlocked
//! after the dialog closes: the admin may have walked away with it open and been auto-locked.

use std::path::{Path, PathBuf};

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::bindings::SavedFile;
use crate::error::CommandError;
use crate::vault::atomic;

/// What the Save dialog offers in its file-type list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    pub label: &'static str,
    pub extensions: &'static [&'static str],
}

pub const PDF: FileKind = FileKind { label: "PDF document", extensions: &["pdf"] };
pub const PNG: FileKind = FileKind { label: "PNG image", extensions: &["png"] };
pub const ICS: FileKind = FileKind { label: "Calendar file", extensions: &["ics"] };
pub const JPEG: FileKind = FileKind { label: "JPEG image", extensions: &["jpg", "jpeg"] };

/// Where to save `file_name`: the test folder, or what the user picked. `None` when they cancel.
pub fn choose_target(app: &AppHandle, file_name: &str, kind: FileKind) -> Option<PathBuf> {
    match std::env::var_os("SAFEKEEPER_SAVE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir).join(file_name)),
        _ => app
            .dialog()
            .file()
            .add_filter(kind.label, kind.extensions)
            .set_file_name(file_name)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    }
}

/// A folder to save several files into: the test folder, or the one the user picks. `None` when
/// they cancel.
pub fn choose_folder(app: &AppHandle, title: &str) -> Option<PathBuf> {
    match std::env::var_os("SAFEKEEPER_SAVE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => app.dialog().file().set_title(title).blocking_pick_folder().and_then(|p| p.into_path().ok()),
    }
}

/// Writes `bytes` to `target` (temp file, fsync, rename) and says where they went.
pub fn write(target: &Path, bytes: &[u8]) -> Result<SavedFile, CommandError> {
    atomic::write_atomic(target, bytes).map_err(|e| {
        CommandError::new(
            "save.failed",
            format!("The file could not be saved there ({e}). Choose another folder, or check the disk or USB stick has space."),
        )
    })?;
    Ok(SavedFile { path: target.display().to_string() })
}

pub fn save_pdf(app: &AppHandle, file_name: &str, bytes: &[u8]) -> Result<Option<SavedFile>, CommandError> {
    match choose_target(app, file_name, PDF) {
        Some(target) => write(&target, bytes).map(Some),
        None => Ok(None),
    }
}
