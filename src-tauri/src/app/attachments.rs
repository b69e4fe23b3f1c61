//! Saving a copy of a file attached to a record (a scan, a certificate, a policy document) where
//! the admin chooses. The record module finds the file and names it; this offers the Save dialog's
//! file type and writes the copy only while the session that read it is still unlocked.

use std::path::Path;

use super::save::{self, FileKind};
use super::state::SessionId;
use super::AppState;
use crate::bindings::SavedFile;
use crate::error::CommandError;
use crate::store::audit::Actor;

/// What the Save dialog offers for a file ending in `extension` (`pdf` for anything unknown).
pub fn file_kind(extension: &str) -> FileKind {
    match extension {
        "png" => save::PNG,
        "jpg" => save::JPEG,
        "docx" => FileKind { label: "Word document", extensions: &["docx"] },
        "odt" => FileKind { label: "OpenDocument text", extensions: &["odt"] },
        "doc" => FileKind { label: "Word 97-2003 document", extensions: &["doc"] },
        _ => save::PDF,
    }
}

/// Writes `bytes` to `target` and has the record module note the copy in the audit trail, only if
/// `session` is still the unlocked one.
pub fn save_copy<E: Into<CommandError>>(
    state: &AppState,
    session: SessionId,
    target: &Path,
    bytes: &[u8],
    note: impl FnOnce(&rusqlite::Connection, &Actor) -> Result<(), E>,
) -> Result<SavedFile, CommandError> {
    save::in_session(state, session, target, |s| {
        let saved = save::write(target, bytes)?;
        note(s.vault.db().conn(), s.vault.actor()).map_err(Into::into)?;
        Ok(saved)
    })
}
