//! Commands for AUP signatures an admin records by hand: a paper copy with an optional scan, and
//! saving that scan where the admin chooses (admin window only). The scan lives in the vault; the
//! only plaintext copy ever written is the one the admin asks to save.

use tauri::{AppHandle, State, WebviewWindow};

use super::attachments::{file_kind, save_copy};
use super::save::{self, FileKind};
use super::AppState;
use crate::bindings::{PaperSignatureForm, SavedFile};
use crate::error::CommandError;
use crate::records::signatures::{self, Signature};

/// Records a paper signature from the admin's form (its date and scan as the form sends them).
pub fn record_paper(state: &AppState, form: PaperSignatureForm) -> Result<Signature, CommandError> {
    state.with_admin(|conn, actor| signatures::record_paper_form(conn, actor, form))
}

/// A scan ready to save: the name to suggest, what kind of file it is, and its bytes.
pub struct ScanFile {
    /// The session that read it: only that session may write it out.
    pub session: super::state::SessionId,
    pub file_name: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
}

/// The scan of one paper signature. The suggested name holds the date, never the person's name.
pub fn scan_file(state: &AppState, signature_id: &str) -> Result<ScanFile, CommandError> {
    let (session, copy) = state.with_vault_tagged(|v| Ok(signatures::scan_copy(v.db().conn(), signature_id)?))?;
    Ok(ScanFile { session, kind: file_kind(&copy.extension), file_name: copy.file_name, bytes: copy.bytes })
}

/// Writes the scan to `target` and notes the copy in the audit trail, only if the session that
/// read it is still unlocked.
pub fn write_scan(
    state: &AppState,
    scan: &ScanFile,
    signature_id: &str,
    target: &std::path::Path,
) -> Result<SavedFile, CommandError> {
    save_copy(state, scan.session, target, &scan.bytes, |conn, actor| {
        signatures::note_scan_saved(conn, actor, signature_id)
    })
}

#[tauri::command]
pub async fn signature_record_paper(app: AppHandle, paper: PaperSignatureForm) -> Result<Signature, CommandError> {
    super::worker::run(app, move |state| record_paper(&state, paper)).await
}

/// Saves a paper signature's scan where the admin chooses. `None` when they cancel the dialog.
#[tauri::command]
pub async fn signature_save_scan(
    window: WebviewWindow,
    state: State<'_, AppState>,
    signature_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let scan = scan_file(&state, &signature_id)?;
    // No lock is held while the dialog is open; `write_scan` checks the vault is still unlocked.
    let Some(target) = save::choose_target(&window, &scan.file_name, scan.kind) else { return Ok(None) };
    write_scan(&state, &scan, &signature_id, &target).map(Some)
}

#[cfg(test)]
mod tests;
