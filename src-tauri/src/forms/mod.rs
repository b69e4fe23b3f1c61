//! Printed forms: every PDF that Safekeeper makes for paper: the Emergency Kit and the AUP forms.
//!
//! Owns the page layout layer (`layout`), the fonts embedded in every PDF and each form's wording.
//! Each feature's `print_…` function gathers what it prints through `records` on an open
//! connection (see `print`). Does not decide where a PDF is saved or how it is opened for printing
//! (the desktop shell does that), and never touches the vault's keys.

pub mod audit_trail;
pub mod aup;
pub mod consent;
pub mod emergency_kit;
pub mod incident;
pub mod layout;
pub mod print;
pub mod registers;
pub mod subject_access;
pub mod trustee_report;

#[cfg(test)]
pub(crate) mod pdf_check;

/// Dates as printed: the function lives with the rest of the UK date rules in `dates`.
pub use crate::dates::uk_date;
use crate::error::{CodedError, ErrorCode};
pub use print::{PrintError, PrintedForm};

/// Why a form could not be made.
///
/// Messages name the problem, never the contents of the form, because they may be logged.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    /// A font bundled inside Safekeeper could not be read. The installation is damaged.
    #[error(
        "Safekeeper could not read its built-in {face} font, so it cannot print. Reinstall Safekeeper and try again."
    )]
    FontInvalid {
        /// The font's name, such as Liberation Sans.
        face: &'static str,
    },

    /// The text is too long to fit in a printable QR code.
    #[error("The text is too long to print as a QR code.")]
    QrTooLong,

    /// A picture to print (such as a drawn signature) is not a PNG that can be read.
    #[error(
        "A picture in this record could not be read, so the PDF was not made. The stored signature may be damaged."
    )]
    ImageUnreadable,

    /// An AUP has no published version, so there is nothing to print.
    #[error(
        "This AUP has no published version yet, so there is nothing to print. Publish a version first, then print it."
    )]
    AupNotPublished,

    /// The recovery key handed to the Emergency Kit is empty or not a single line.
    #[error("The recovery key is empty or not a single line, so the Emergency Kit was not made.")]
    RecoveryKeyMalformed,

    /// The PDF writer refused the page contents. This is a fault in Safekeeper, not in the data.
    #[error("Safekeeper could not write this PDF ({problems} drawing problem(s)). Please report this; your records are unaffected.")]
    Render {
        /// How many drawing problems the PDF writer reported.
        problems: usize,
    },
}

impl CodedError for FormError {
    fn code(&self) -> ErrorCode {
        match self {
            FormError::FontInvalid { .. } => ErrorCode::FormsFontInvalid,
            FormError::QrTooLong => ErrorCode::FormsQrTooLong,
            FormError::ImageUnreadable => ErrorCode::FormsImageUnreadable,
            FormError::AupNotPublished => ErrorCode::FormsAupNotPublished,
            FormError::RecoveryKeyMalformed => ErrorCode::FormsRecoveryKeyMalformed,
            FormError::Render { .. } => ErrorCode::FormsRender,
        }
    }
}
