//! A paper signature as the admin's form sends it (the date as text, the scan as base64), and the
//! scan on its way back out. Turning the form into a `PaperSignature` is here; the checks on what
//! it holds, and storing it, are in `record`.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Deserialize;
use ts_rs::TS;

use super::{get, record_paper, scan, PaperSignature, Signature, SignatureError, MAX_SCAN_BYTES};
use crate::records::attachments::{decode_base64, scan_extension, FileCopy};
use crate::store::audit::Actor;

/// "Record a paper signature" as the admin's form sends it. The date arrives as text so that a bad
/// one gets the form's own message rather than a refusal from the IPC layer; the scan arrives as
/// base64 because a JSON array of 5 MB of numbers would be about four times the size.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaperSignatureForm {
    /// The person signing (a UUID from the people register).
    pub person_id: String,
    /// The AUP version signed (a UUID); it must be published.
    pub version_id: String,
    /// "YYYY-MM-DD"; not in the future.
    pub signed_on: String,
    /// Where the hard copy is kept.
    pub filed_at: String,
    /// A parent or carer who countersigned the paper copy, if any.
    pub countersigned_by: Option<String>,
    /// The scan file's bytes in base64, if one was chosen. Rust judges its type by its first bytes.
    pub scan_base64: Option<String>,
}

impl PaperSignatureForm {
    /// The form as a `PaperSignature`: the date read and the scan decoded. The rest (date not in
    /// the future, where filed, the countersigner's name, the scan's type) is checked on recording.
    pub fn paper_signature(self) -> Result<PaperSignature, SignatureError> {
        let signed_on =
            NaiveDate::parse_from_str(self.signed_on.trim(), "%Y-%m-%d").map_err(|_| SignatureError::BadPaperDate)?;
        let scan = self.scan_base64.map(|text| decode_base64(&text, MAX_SCAN_BYTES)).transpose()?;
        Ok(PaperSignature {
            version_id: self.version_id,
            person_id: self.person_id,
            signed_on,
            filed_at: self.filed_at,
            countersigned_by: self.countersigned_by,
            scan,
        })
    }
}

/// Records the paper signature the admin's form describes. Nothing is stored if any part is refused.
pub fn record_paper_form(
    conn: &mut Connection,
    actor: &Actor,
    form: PaperSignatureForm,
) -> Result<Signature, SignatureError> {
    record_paper(conn, actor, &form.paper_signature()?)
}

/// The scan of one paper signature, ready to copy out of the vault. The suggested name holds the
/// date the paper was signed, never the person's name.
pub fn scan_copy(conn: &Connection, signature_id: &str) -> Result<FileCopy, SignatureError> {
    let signature = get(conn, signature_id)?;
    let (media_type, bytes) = scan(conn, signature_id)?.ok_or(SignatureError::NoScan)?;
    let extension = scan_extension(&media_type);
    let file_name = match signature.paper_signed_on {
        Some(day) => format!("Signed AUP scan {}.{extension}", day.format("%Y-%m-%d")),
        None => format!("Signed AUP scan.{extension}"),
    };
    Ok(FileCopy { file_name, extension: extension.to_owned(), bytes })
}
