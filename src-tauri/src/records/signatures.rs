//! AUP signatures: who signed which exact version (by content hash), when, how (on screen or on
//! paper), the signature itself, a parent or carer's countersignature, and for paper where the
//! hard copy is filed and an optional scan. Signatures from the signing station stay
//! "self-declared" until an admin confirms who signed. Owns recording, confirming and AUP
//! coverage; does not own AUP text (see `aup`) or the outbox (see `kiosk`).

mod awaiting;
mod coverage;
mod names;
mod paper;
mod record;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::records::attachments::UploadError;
use crate::store::StoreError;
pub use awaiting::{unconfirmed_with_suggestions, UnconfirmedSignature};
pub use coverage::{coverage, due_items, AupDue, Coverage, CoverageEntry};
pub use names::confirmer_name;
pub use paper::{record_paper_form, scan_copy, PaperSignatureForm};
pub use record::{
    confirm, confirm_as_new_visitor, counter_png, discard, for_person, get, insert_on_screen, mark_png,
    note_scan_saved, reassign, record_on_screen, record_paper, scan, suggest_person, unconfirmed,
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
        /// The PNG bytes, up to `MAX_MARK_BYTES`.
        #[ts(type = "number[]")]
        png: Vec<u8>,
    },
    /// The accessible alternative: the signer types their name.
    Typed {
        /// The name typed as the signature: a full name, as the person rules require.
        name: String,
    },
}

/// A parent or carer signing alongside a young person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Countersignature {
    /// The parent or carer's full name.
    pub name: String,
    /// Their drawn or typed signature.
    pub mark: SignatureMark,
}

/// Who signed, as far as the signing moment knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Signer {
    /// Chosen by an admin: confirmed from the start.
    Person {
        /// The id (a UUID) of the person who signed.
        person_id: String,
    },
    /// Given at the signing station: a typed name, and the listed person picked, if any.
    SelfDeclared {
        /// The full name the signer typed.
        name: String,
        /// The id of the person the signer picked from the listed names; `None` when they picked
        /// no one. An id that no longer exists is dropped.
        claimed_person_id: Option<String>,
    },
}

/// How an AUP was signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SigningMethod {
    /// Drawn or typed on a screen: at the signing station or in front of an admin.
    OnScreen,
    /// Signed on a printed copy, which is filed; an admin records it.
    Paper,
}

/// Where a signature was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SignatureSource {
    /// An admin recorded it (on screen in front of them, or from paper).
    Admin,
    /// It came in from the signing station's outbox.
    SigningStation,
}

/// An on-screen signature to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OnScreenSignature {
    /// The id (a UUID) of the published AUP version being signed.
    pub version_id: String,
    /// Who signed: a person an admin chose, or a name typed at the signing station.
    pub signer: Signer,
    /// RFC 3339; stored in UTC.
    pub signed_at: String,
    /// The signer's drawn or typed signature.
    pub mark: SignatureMark,
    /// A parent or carer's countersignature; `None` when there is none.
    pub countersignature: Option<Countersignature>,
    /// The signing station's receipt number, so the same submission is never stored twice.
    pub receipt: Option<String>,
}

/// A paper signature to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PaperSignature {
    /// The id (a UUID) of the published AUP version that was signed.
    pub version_id: String,
    /// The id (a UUID) of the person who signed.
    pub person_id: String,
    /// The day the paper copy was signed (`YYYY-MM-DD`), not in the future.
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
    /// The signature's id (a UUID), as stored in `signatures.id`.
    pub id: String,
    /// The id (a UUID) of the AUP that was signed.
    pub aup_id: String,
    /// The id (a UUID) of the exact AUP version that was signed.
    pub version_id: String,
    /// That version's number within its AUP.
    #[ts(type = "number")]
    pub version_number: i64,
    /// Hex SHA-256 of the signed version's text, as it was at signing.
    pub content_hash: String,
    /// The id (a UUID) of the person who signed; for a self-declared signature, the person picked
    /// at the signing station, if any; `None` when nobody is known yet.
    pub person_id: Option<String>,
    /// The name typed at the signing station for a self-declared signature; `None` when an admin
    /// chose the person.
    pub declared_name: Option<String>,
    /// Still waiting for an admin to confirm who signed (signing-station signatures until
    /// confirmed).
    pub self_declared: bool,
    /// On screen or on paper.
    pub method: SigningMethod,
    /// Recorded by an admin or taken in from the signing station.
    pub source: SignatureSource,
    /// When it was signed (RFC 3339, UTC); for paper, when it was recorded (see `paper_signed_on`).
    pub signed_at: String,
    /// When Safekeeper stored it (RFC 3339, UTC).
    pub recorded_at: String,
    /// The signing station's receipt number for the submission; `None` for one an admin recorded.
    pub receipt: Option<String>,
    /// Whether the signer drew their signature (the image is read with `mark_png`).
    pub drawn: bool,
    /// The signer's typed name, when they typed instead of drawing; `None` otherwise.
    pub typed_mark: Option<String>,
    /// The full name of the parent or carer who countersigned; `None` when nobody did.
    pub countersigned_by: Option<String>,
    /// Whether the parent or carer drew their countersignature (the image is read with
    /// `counter_png`).
    pub countersignature_drawn: bool,
    /// The parent or carer's typed countersignature; `None` when they drew it or nobody
    /// countersigned.
    pub countersignature_typed: Option<String>,
    /// The day the paper copy was signed (`YYYY-MM-DD`); `None` for an on-screen signature.
    #[ts(type = "string | null")]
    pub paper_signed_on: Option<NaiveDate>,
    /// Where the paper copy is filed; `None` for an on-screen signature.
    pub paper_filed_at: Option<String>,
    /// The scan's media type (`image/png`, `image/jpeg` or `application/pdf`); `None` when there is
    /// no scan.
    pub scan_media_type: Option<String>,
    /// When an admin confirmed or last reassigned who signed (RFC 3339, UTC); `None` until then.
    pub confirmed_at: Option<String>,
    /// Who confirmed or last reassigned it: the admin's id, or `recovery-key` or `system`; `None`
    /// until then.
    pub confirmed_by: Option<String>,
}

/// Why a signature could not be recorded, read or changed.
#[derive(Debug, thiserror::Error)]
pub enum SignatureError {
    /// The AUP version is still a draft.
    #[error("Only a published AUP version can be signed.")]
    VersionNotPublished,
    /// No AUP version has that id.
    #[error("That AUP version was not found.")]
    VersionNotFound,
    /// No person has that id.
    #[error("That person was not found.")]
    PersonNotFound,
    /// The name typed at the signing station cannot be a person's name in the register; holds
    /// the register's own words for why.
    #[error("The name typed at the signing station cannot go in the people register as it is: {0} Match the signature to someone instead, or add the visitor yourself first.")]
    VisitorNameUnusable(String),
    /// No signature has that id.
    #[error("That signature was not found.")]
    NotFound,
    /// The drawn signature was not a PNG or was over `MAX_MARK_BYTES`.
    #[error("The drawn signature could not be read. Sign again, or type your name instead.")]
    BadMark,
    /// The typed name (of the signer, or typed as the signature) was not a full name.
    #[error("Type your full name to sign.")]
    BadTypedName,
    /// The countersigning parent or carer's name or mark was not valid.
    #[error("Enter the full name of the parent or carer who countersigned.")]
    BadCountersignature,
    /// The paper signing date was in the future.
    #[error("Enter when the paper copy was signed (not in the future).")]
    BadPaperDate,
    /// Where the paper copy is filed was left empty or was over 200 characters.
    #[error("Enter where the paper copy is filed (up to 200 characters).")]
    BadFiledAt,
    /// The scan was over `MAX_SCAN_BYTES`.
    #[error("The scan is bigger than 5 MB. Scan the page again at a lower resolution (150 dpi is plenty) or in black and white, then choose the new file.")]
    ScanTooLarge,
    /// The scan's bytes are not a PNG, JPEG or PDF.
    #[error("The scan must be a PNG, JPEG or PDF file, and this file is none of those (whatever its name says). Save the scan as PDF, PNG or JPEG and choose it again.")]
    ScanWrongType,
    /// The uploaded scan's base64 text could not be decoded.
    #[error("The scan could not be read. Choose the file again.")]
    ScanUnreadable,
    /// A scan was asked for, but this signature has none.
    #[error("There is no scan stored for this signature.")]
    NoScan,
    /// The time of signing was not RFC 3339.
    #[error("The time of signing could not be read.")]
    BadTime,
    /// The signature is already confirmed, so it cannot be confirmed again or discarded.
    #[error("This signature has already been confirmed. Use reassign to change who signed it.")]
    AlreadyConfirmed,
    /// The signature is not confirmed yet, so it must be confirmed rather than reassigned.
    #[error("This signature has not been confirmed yet. Confirm it first.")]
    NotConfirmed,
    /// A signing-station submission with this receipt number has already been recorded.
    #[error("This submission has already been recorded.")]
    DuplicateReceipt,
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for SignatureError {
    fn from(e: rusqlite::Error) -> Self {
        SignatureError::Store(StoreError::Sqlite(e))
    }
}

/// A scan that did not arrive whole is refused with the scan's own words.
impl From<UploadError> for SignatureError {
    fn from(e: UploadError) -> Self {
        match e {
            UploadError::TooLarge => SignatureError::ScanTooLarge,
            UploadError::Unreadable => SignatureError::ScanUnreadable,
        }
    }
}

impl CodedError for SignatureError {
    fn code(&self) -> ErrorCode {
        match self {
            SignatureError::VersionNotPublished => ErrorCode::SignatureVersionNotPublished,
            SignatureError::VersionNotFound => ErrorCode::SignatureVersionNotFound,
            SignatureError::PersonNotFound => ErrorCode::SignaturePersonNotFound,
            SignatureError::VisitorNameUnusable(_) => ErrorCode::SignatureVisitorName,
            SignatureError::NotFound => ErrorCode::SignatureNotFound,
            SignatureError::BadMark => ErrorCode::SignatureBadMark,
            SignatureError::BadTypedName => ErrorCode::SignatureBadTypedName,
            SignatureError::BadCountersignature => ErrorCode::SignatureBadCountersignature,
            SignatureError::BadPaperDate => ErrorCode::SignatureBadPaperDate,
            SignatureError::BadFiledAt => ErrorCode::SignatureBadFiledAt,
            SignatureError::ScanTooLarge => ErrorCode::SignatureScanTooLarge,
            SignatureError::ScanWrongType => ErrorCode::SignatureScanWrongType,
            SignatureError::ScanUnreadable => ErrorCode::SignatureScanUnreadable,
            SignatureError::NoScan => ErrorCode::SignatureNoScan,
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

#[cfg(test)]
mod summary_tests;
