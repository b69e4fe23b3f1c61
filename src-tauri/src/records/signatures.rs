//! AUP signatures: who signed which exact version (by content hash), when, how (on screen or on
//! paper), the signature itself, a parent or carer's countersignature, and for paper where the
//! hard copy is filed and an optional scan. Signatures from the signing station stay
//! "self-declared" until an admin confirms who signed. Owns recording, confirming and AUP
//! coverage; does not own AUP text (see `aup`) or the outbox (see `kiosk`).

mod coverage;
mod names;
mod record;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::store::StoreError;
pub use coverage::{coverage, due_items, AupDue, Coverage, CoverageEntry};
pub use names::confirmer_name;
pub use record::{
    confirm, counter_png, discard, for_person, get, insert_on_screen, mark_png, note_scan_saved, reassign,
    record_on_screen, record_paper, scan, suggest_person, unconfirmed,
};

/// A drawn signature image is a small PNG; anything bigger is not from the signature pad.
pub const MAX_MARK_BYTES: usize = 512 * 1024;
/// A scanned paper AUP (image or PDF).
pub const MAX_SCAN_BYTES: usize = 5 * 1024 * 1024;

/// The signature itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum SignatureMark {
    /// PNG from the signature pad.
    Drawn {
        #[ts(type = "number[]")]
        png: Vec<u8>,
    },
    /// The accessible alternative: the signer types their name.
    Typed { name: String },
}

/// A parent or carer signing alongside a young person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Countersignature {
    pub name: String,
    pub mark: SignatureMark,
}

/// Who signed, as far as the signing moment knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Signer {
    /// Chosen by an admin: confirmed from the start.
    Person { person_id: String },
    /// Given at the signing station: a typed name, and the listed person picked, if any.
    SelfDeclared { name: String, claimed_person_id: Option<String> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SigningMethod {
    OnScreen,
    Paper,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SignatureSource {
    Admin,
    SigningStation,
}

/// An on-screen signature to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OnScreenSignature {
    pub version_id: String,
    pub signer: Signer,
    /// RFC 3339; stored in UTC.
    pub signed_at: String,
    pub mark: SignatureMark,
    pub countersignature: Option<Countersignature>,
    /// The signing station's receipt number, so the same submission is never stored twice.
    pub receipt: Option<String>,
}

/// A paper signature to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaperSignature {
    pub version_id: String,
    pub person_id: String,
    #[ts(type = "string")]
    pub signed_on: NaiveDate,
    /// Where the hard copy is kept, e.g. "Blue HR folder, office cabinet 2".
    pub filed_at: String,
    /// Name of a parent or carer who countersigned the paper copy.
    pub countersigned_by: Option<String>,
    /// A scan of the signed page (PNG, JPEG or PDF, up to 5 MB).
    #[ts(type = "number[] | null")]
    pub scan: Option<Vec<u8>>,
}

/// A stored signature, without its images (see `mark_png` and `scan`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Signature {
    pub id: String,
    pub aup_id: String,
    pub version_id: String,
    #[ts(type = "number")]
    pub version_number: i64,
    pub content_hash: String,
    pub person_id: Option<String>,
    pub declared_name: Option<String>,
    pub self_declared: bool,
    pub method: SigningMethod,
    pub source: SignatureSource,
    pub signed_at: String,
    pub recorded_at: String,
    pub receipt: Option<String>,
    pub drawn: bool,
    pub typed_mark: Option<String>,
    pub countersigned_by: Option<String>,
    pub countersignature_drawn: bool,
    pub countersignature_typed: Option<String>,
    #[ts(type = "string | null")]
    pub paper_signed_on: Option<NaiveDate>,
    pub paper_filed_at: Option<String>,
    pub scan_media_type: Option<String>,
    pub confirmed_at: Option<String>,
    pub confirmed_by: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SignatureError {
    #[error("Only a published AUP version can be signed.")]
    VersionNotPublished,
    #[error("That AUP version was not found.")]
    VersionNotFound,
    #[error("That person was not found.")]
    PersonNotFound,
    #[error("That signature was not found.")]
    NotFound,
    #[error("The drawn signature could not be read. Sign again, or type your name instead.")]
    BadMark,
    #[error("Type your full name to sign.")]
    BadTypedName,
    #[error("Enter the full name of the parent or carer who countersigned.")]
    BadCountersignature,
    #[error("Enter when the paper copy was signed (not in the future).")]
    BadPaperDate,
    #[error("Enter where the paper copy is filed (up to 200 characters).")]
    BadFiledAt,
    #[error("The scan is bigger than 5 MB. Scan the page again at a lower resolution (150 dpi is plenty) or in black and white, then choose the new file.")]
    ScanTooLarge,
    #[error("The scan must be a PNG, JPEG or PDF file, and this file is none of those (whatever its name says). Save the scan as PDF, PNG or JPEG and choose it again.")]
    ScanWrongType,
    #[error("The time of signing could not be read.")]
    BadTime,
    #[error("This signature has already been confirmed. Use reassign to change who signed it.")]
    AlreadyConfirmed,
    #[error("This signature has not been confirmed yet. Confirm it first.")]
    NotConfirmed,
    #[error("This submission has already been recorded.")]
    DuplicateReceipt,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for SignatureError {
    fn from(e: rusqlite::Error) -> Self {
        SignatureError::Store(StoreError::Sqlite(e))
    }
}

impl CodedError for SignatureError {
    fn code(&self) -> ErrorCode {
        match self {
            SignatureError::VersionNotPublished => ErrorCode::SignatureVersionNotPublished,
            SignatureError::VersionNotFound => ErrorCode::SignatureVersionNotFound,
            SignatureError::PersonNotFound => ErrorCode::SignaturePersonNotFound,
            SignatureError::NotFound => ErrorCode::SignatureNotFound,
            SignatureError::BadMark => ErrorCode::SignatureBadMark,
            SignatureError::BadTypedName => ErrorCode::SignatureBadTypedName,
            SignatureError::BadCountersignature => ErrorCode::SignatureBadCountersignature,
            SignatureError::BadPaperDate => ErrorCode::SignatureBadPaperDate,
            SignatureError::BadFiledAt => ErrorCode::SignatureBadFiledAt,
            SignatureError::ScanTooLarge => ErrorCode::SignatureScanTooLarge,
            SignatureError::ScanWrongType => ErrorCode::SignatureScanWrongType,
            SignatureError::BadTime => ErrorCode::SignatureBadTime,
            SignatureError::AlreadyConfirmed => ErrorCode::SignatureAlreadyConfirmed,
            SignatureError::NotConfirmed => ErrorCode::SignatureNotConfirmed,
            SignatureError::DuplicateReceipt => ErrorCode::SignatureDuplicateReceipt,
            SignatureError::Store(e) => e.code(),
        }
    }
}

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The media type of a scan, judged by its first bytes rather than by what the caller says.
pub fn scan_media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(PNG_MAGIC) {
        Some("image/png")
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some("image/jpeg")
    } else if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}

/// Checks a drawn or typed signature; returns the tidied typed name for a typed one.
fn check_mark(mark: &SignatureMark) -> Result<(), SignatureError> {
    match mark {
        SignatureMark::Drawn { png } if png.starts_with(PNG_MAGIC) && png.len() <= MAX_MARK_BYTES => Ok(()),
        SignatureMark::Drawn { .. } => Err(SignatureError::BadMark),
        SignatureMark::Typed { name } => {
            crate::records::people::validate_full_name(name).map(|_| ()).map_err(|_| SignatureError::BadTypedName)
        }
    }
}

#[cfg(test)]
mod tests;
