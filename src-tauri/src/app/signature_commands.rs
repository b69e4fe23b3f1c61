//! Commands for AUP signatures an admin records by hand: a paper copy with an optional scan, and
//! saving that scan where the admin chooses (admin window only). The scan lives in the vault; the
//! only plaintext copy ever written is the one the admin asks to save.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::NaiveDate;
use tauri::{State, WebviewWindow};

use super::save::{self, FileKind};
use super::AppState;
use crate::bindings::{PaperSignatureForm, SavedFile};
use crate::error::{CommandError, ErrorCode};
use crate::records::signatures::{self, PaperSignature, Signature, SignatureError, MAX_SCAN_BYTES};

/// The longest base64 text a scan within the cap can be: anything longer is refused unread.
const MAX_SCAN_BASE64: usize = MAX_SCAN_BYTES.div_ceil(3) * 4;

/// Turns the form into the domain's `PaperSignature`. The domain checks the rest (date not in the
/// future, where filed, the countersigner's name, the scan's type and size).
fn paper_signature(form: PaperSignatureForm) -> Result<PaperSignature, CommandError> {
    let signed_on = NaiveDate::parse_from_str(form.signed_on.trim(), "%Y-%m-%d")
        .map_err(|_| CommandError::from(SignatureError::BadPaperDate))?;
    let scan = match form.scan_base64 {
        None => None,
        Some(text) if text.len() > MAX_SCAN_BASE64 => return Err(CommandError::from(SignatureError::ScanTooLarge)),
        Some(text) => Some(STANDARD.decode(text.trim()).map_err(|_| {
            CommandError::new(ErrorCode::SignatureScanUnreadable, "The scan could not be read. Choose the file again.")
        })?),
    };
    Ok(PaperSignature {
        version_id: form.version_id,
        person_id: form.person_id,
        signed_on,
        filed_at: form.filed_at,
        countersigned_by: form.countersigned_by,
        scan,
    })
}

pub fn record_paper(state: &AppState, form: PaperSignatureForm) -> Result<Signature, CommandError> {
    state.with_vault(|v| {
        let paper = paper_signature(form)?;
        let (conn, actor) = v.conn_and_actor();
        signatures::record_paper(conn, actor, &paper).map_err(CommandError::from)
    })
}

/// A scan ready to save: the name to suggest, what kind of file it is, and its bytes.
pub struct ScanFile {
    /// The session that read it: only that session may write it out.
    pub session: super::state::SessionId,
    pub file_name: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
}

fn kind_for(media_type: &str) -> (FileKind, &'static str) {
    match media_type {
        "image/png" => (save::PNG, "png"),
        "image/jpeg" => (save::JPEG, "jpg"),
        _ => (save::PDF, "pdf"),
    }
}

/// The scan of one paper signature. The suggested name holds the date, never the person's name.
pub fn scan_file(state: &AppState, signature_id: &str) -> Result<ScanFile, CommandError> {
    let (session, (file_name, kind, bytes)) = state.with_vault_tagged(|v| {
        let conn = v.db().conn();
        let signature = signatures::get(conn, signature_id)?;
        let (media_type, bytes) = signatures::scan(conn, signature_id)?.ok_or_else(|| {
            CommandError::new(ErrorCode::SignatureNoScan, "There is no scan stored for this signature.")
        })?;
        let (kind, extension) = kind_for(&media_type);
        let file_name = match signature.paper_signed_on {
            Some(day) => format!("Signed AUP scan {}.{extension}", day.format("%Y-%m-%d")),
            None => format!("Signed AUP scan.{extension}"),
        };
        Ok((file_name, kind, bytes))
    })?;
    Ok(ScanFile { session, file_name, kind, bytes })
}

/// Writes the scan to `target` and notes the copy in the audit trail, only if the session that
/// read it is still unlocked.
pub fn write_scan(
    state: &AppState,
    scan: &ScanFile,
    signature_id: &str,
    target: &std::path::Path,
) -> Result<SavedFile, CommandError> {
    save::in_session(state, scan.session, target, |s| {
        let saved = save::write(target, &scan.bytes)?;
        signatures::note_scan_saved(s.vault.db().conn(), s.vault.actor(), signature_id)?;
        Ok(saved)
    })
}

#[tauri::command]
pub fn signature_record_paper(
    state: State<'_, AppState>,
    paper: PaperSignatureForm,
) -> Result<Signature, CommandError> {
    record_paper(&state, paper)
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
