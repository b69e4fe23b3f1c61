//! What every print hands back to the desktop shell: the finished PDF and the file name to offer,
//! and why a print could not be made.
//!
//! Each feature's `print_…` function (in `forms::aup`, `forms::consent`, `forms::incident`,
//! `forms::registers`, `forms::trustee_report`, `forms::audit_trail`) gathers the records it
//! prints, has the records layer note the printing in the audit trail where the form holds
//! personal data, and lays out the PDF. Saving it is the shell's work.

use crate::error::{CodedError, ErrorCode};
use crate::forms::FormError;

/// A finished PDF and the name to offer in the Save dialog.
pub struct PrintedForm {
    /// The file name offered when the admin saves the PDF, such as `AUP staff v1 blank.pdf`.
    pub file_name: String,
    /// The PDF itself, ready to save or open.
    pub pdf: Vec<u8>,
}

/// Why a print could not be made: the records it prints could not be read (or its printing could
/// not be noted in the audit trail), or the PDF could not be laid out.
///
/// Either way the code and the message are the ones the failing part gives, so the admin sees
/// the same words whether a record was read for the page or for the printout.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The PDF could not be made.
    #[error(transparent)]
    Form(#[from] FormError),
    /// A record to print could not be read, or the audit entry could not be written; the code and
    /// message are that record type's own.
    #[error("{message}")]
    Records {
        /// The failing record type's code, such as `aup.notFound`.
        code: ErrorCode,
        /// The failing record type's message, in its own plain words.
        message: String,
    },
}

impl CodedError for PrintError {
    fn code(&self) -> ErrorCode {
        match self {
            PrintError::Form(e) => e.code(),
            PrintError::Records { code, .. } => *code,
        }
    }
}

/// Lets `?` carry each record type's error into a `PrintError`, code and message unchanged.
macro_rules! records_errors {
    ($($error:ty),* $(,)?) => {
        $(impl From<$error> for PrintError {
            fn from(e: $error) -> Self {
                PrintError::Records { code: e.code(), message: e.to_string() }
            }
        })*
    };
}

records_errors!(
    crate::store::StoreError,
    crate::records::aup::AupError,
    crate::records::consent::ConsentError,
    crate::records::incidents::IncidentError,
    crate::records::people::PeopleError,
    crate::records::policies::PolicyError,
    crate::records::signatures::SignatureError,
    crate::records::subject_access::SubjectAccessError,
    crate::records::training::TrainingError,
    crate::records::trustee_report::TrusteeReportError,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::aup::AupError;

    #[test]
    fn a_record_error_keeps_its_code_and_message() {
        let e = PrintError::from(AupError::NotFound);
        assert_eq!(e.code(), ErrorCode::AupNotFound);
        assert_eq!(e.to_string(), AupError::NotFound.to_string());
        let form = PrintError::from(FormError::AupNotPublished);
        assert_eq!(form.code(), ErrorCode::FormsAupNotPublished);
        assert_eq!(form.to_string(), FormError::AupNotPublished.to_string());
    }
}
