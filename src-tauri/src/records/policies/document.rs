//! The policy document itself, stored encrypted with the register: one current document per
//! policy, judged by its first bytes (PDF, Word or OpenDocument), replaced when a new version is
//! written, and copied out only where the admin chooses (audited).

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::PolicyError;
use crate::records::now_utc;
use crate::store::audit::{self, Actor, Entry};

/// Big enough for any policy with pictures; small enough to catch a wrong file.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// A stored document, ready to save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyDocument {
    /// The document's media type, judged from its first bytes, such as `application/pdf`.
    pub media_type: String,
    /// The file name ending to save it with, without the dot: `pdf`, `docx`, `doc` or `odt`.
    pub extension: String,
    /// The document itself; never sent to the page.
    #[serde(skip)]
    #[ts(skip)]
    pub bytes: Vec<u8>,
}

/// What kind of document `bytes` is, by their first bytes; `name` only tells a Word 2007+ file
/// (.docx) from an OpenDocument one (.odt), which are both ZIP archives.
fn kind(bytes: &[u8], name: &str) -> Option<(&'static str, &'static str)> {
    let lower = name.to_lowercase();
    if bytes.starts_with(b"%PDF-") {
        Some(("application/pdf", "pdf"))
    } else if bytes.starts_with(b"PK\x03\x04") && lower.ends_with(".docx") {
        Some(("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"))
    } else if bytes.starts_with(b"PK\x03\x04") && lower.ends_with(".odt") {
        Some(("application/vnd.oasis.opendocument.text", "odt"))
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") && lower.ends_with(".doc") {
        Some(("application/msword", "doc"))
    } else {
        None
    }
}

/// Stores (or replaces) a policy's document.
pub fn attach_document(
    conn: &mut Connection,
    actor: &Actor,
    policy_id: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<(), PolicyError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(PolicyError::DocumentNotAccepted);
    }
    let (media_type, extension) = kind(bytes, file_name).ok_or(PolicyError::DocumentNotAccepted)?;
    let tx = conn.transaction()?;
    tx.query_row("SELECT 1 FROM policies WHERE id = ?1", [policy_id], |_| Ok(()))
        .optional()?
        .ok_or(PolicyError::NotFound)?;
    tx.execute(
        "INSERT INTO policy_documents (policy_id, media_type, extension, bytes, added_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (policy_id) DO UPDATE SET media_type = excluded.media_type, extension = excluded.extension,
             bytes = excluded.bytes, added_at = excluded.added_at",
        params![policy_id, media_type, extension, bytes, now_utc()],
    )?;
    audit::append(
        &tx,
        actor,
        &Entry { action: "policy.documentAdded", subject_kind: "policy", subject_id: policy_id, detail: extension },
    )?;
    tx.commit()?;
    Ok(())
}

/// The policy's stored document. Fails with `NoDocument` when none is stored.
pub fn document(conn: &Connection, policy_id: &str) -> Result<PolicyDocument, PolicyError> {
    conn.query_row("SELECT media_type, extension, bytes FROM policy_documents WHERE policy_id = ?1", [policy_id], |r| {
        Ok(PolicyDocument { media_type: r.get(0)?, extension: r.get(1)?, bytes: r.get(2)? })
    })
    .optional()?
    .ok_or(PolicyError::NoDocument)
}

/// The policy's name with its document, for saving a copy: the name is checked first, so a policy
/// that does not exist says so rather than that it has no document.
pub fn named_document(conn: &Connection, policy_id: &str) -> Result<(String, PolicyDocument), PolicyError> {
    let name = conn
        .query_row("SELECT name FROM policies WHERE id = ?1", [policy_id], |r| r.get(0))
        .optional()?
        .ok_or(PolicyError::NotFound)?;
    Ok((name, document(conn, policy_id)?))
}

/// Notes in the audit trail that the document was copied out of the vault.
pub fn note_document_saved(conn: &Connection, actor: &Actor, policy_id: &str) -> Result<(), PolicyError> {
    audit::append(
        conn,
        actor,
        &Entry { action: "policy.documentSaved", subject_kind: "policy", subject_id: policy_id, detail: "" },
    )?;
    Ok(())
}
