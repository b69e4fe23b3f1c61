//! Saving a file the user asked for, where they choose. `SAFEKEEPER_SAVE_DIR` skips the native
//! dialog (which WebDriver cannot drive) and saves straight into that folder: end-to-end tests use
//! it, and nothing else should.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::bindings::SavedFile;
use crate::error::CommandError;
use crate::vault::atomic;

pub fn save_pdf(app: &AppHandle, file_name: &str, bytes: &[u8]) -> Result<Option<SavedFile>, CommandError> {
    let target: Option<PathBuf> = match std::env::var_os("SAFEKEEPER_SAVE_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir).join(file_name)),
        _ => app
            .dialog()
            .file()
            .add_filter("PDF document", &["pdf"])
            .set_file_name(file_name)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(target) = target else { return Ok(None) };
    atomic::write_atomic(&target, bytes).map_err(|e| {
        CommandError::new(
            "save.failed",
            format!("The file could not be saved there ({e}). Choose another folder, or check the disk or USB stick has space."),
        )
    })?;
    Ok(Some(SavedFile { path: target.display().to_string() }))
}
