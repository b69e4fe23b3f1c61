//! Printed forms: every PDF that Safekeeper makes for paper: the Emergency Kit and the AUP forms.
//!
//! Owns the page layout layer (`layout`), the fonts embedded in every PDF and each form's wording.
//! Does not decide where a PDF is saved or how it is opened for printing (the desktop shell does
//! that), and does not read the vault: callers hand each form the plain values it prints.

pub mod audit_trail;
pub mod aup;
pub mod consent;
pub mod emergency_kit;
pub mod incident;
pub mod layout;
pub mod registers;
pub mod subject_access;
pub mod trustee_report;
pub mod uk_time;

#[cfg(test)]
pub(crate) mod pdf_check;

use chrono::{Datelike, NaiveDate};

use crate::error::{CodedError, ErrorCode};

/// Why a form could not be made.
///
/// Messages name the problem, never the contents of the form, because they may be logged.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    /// A font bundled inside Safekeeper could not be read. The installation is damaged.
    #[error(
        "Safekeeper could not read its built-in {face} font, so it cannot print. Reinstall Safekeeper and try again."
    )]
    FontInvalid { face: &'static str },

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
    Render { problems: usize },
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

/// A date as UK readers write it: "22 November 2026" (no leading zero on the day).
pub fn uk_date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    // month0() is 0..=11 by chrono's contract, so the index is always in range.
    let month = MONTHS[date.month0() as usize];
    format!("{} {} {}", date.day(), month, date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real calendar dates")
    }

    #[test]
    fn uk_date_spells_the_month_and_keeps_day_first() {
        assert_eq!(uk_date(date(2026, 11, 22)), "22 November 2026");
        assert_eq!(uk_date(date(2027, 12, 31)), "31 December 2027");
    }

    #[test]
    fn uk_date_has_no_leading_zero_on_single_digit_days() {
        assert_eq!(uk_date(date(2026, 1, 5)), "5 January 2026");
    }
}
