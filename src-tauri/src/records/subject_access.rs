//! Subject access: everything the records hold about one person, gathered in one pass so the
//! organisation can answer a subject access request (UK GDPR: within one calendar month).
//!
//! Owns which records count as "about" a person, how other people's names are hidden in the
//! incidents the person appears in, and the shape of the export (the same struct is the JSON file,
//! pictures as base64 with their media type), and noting the export in the audit trail. Does not
//! own printing (see `forms::subject_access`) or choosing where the files go (the desktop shell
//! does that).

mod exported;
mod gather;
mod redact;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::error::{CodedError, ErrorCode};
use crate::records::aup::Audience;
use crate::records::consent::{ImageConsent, TakedownItem};
use crate::records::incidents::{Incident, IncidentEntry, Role as IncidentRole};
use crate::records::people::Person;
use crate::records::signatures::Signature;
use crate::records::training::{Role, TrainingRecord};
use crate::store::StoreError;
pub use exported::{check_person, note_exported};
pub use gather::gather;
pub use redact::ANOTHER_PERSON;

/// Names the JSON layout, so a reader years from now knows what they hold.
pub const FORMAT: &str = "safekeeper-subject-access/1";

/// What the admin chose for this export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SubjectAccessOptions {
    /// Replace every other person's name in incident records with [`ANOTHER_PERSON`].
    pub redact_others: bool,
}

/// A stored picture or document: its media type and bytes (base64 in the JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub media_type: String,
    #[serde(rename = "base64", serialize_with = "as_base64")]
    pub bytes: Vec<u8>,
}

fn as_base64<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    use base64::Engine;
    s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// A young person's parent or carer, or a parent's young person, from the people register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkedPerson {
    pub person_id: String,
    pub full_name: String,
}

/// Who the person is in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonDetails {
    pub person: Person,
    pub parents_carers: Vec<LinkedPerson>,
    pub young_people: Vec<LinkedPerson>,
    pub roles: Vec<Role>,
    /// Named groups they belong to (a club night, a trip).
    pub groups: Vec<String>,
}

/// One AUP signature with the policy it was for and the pictures stored with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectSignature {
    pub signature: Signature,
    pub aup_title: String,
    pub audience: Audience,
    pub mark: Option<Attachment>,
    pub countersignature_mark: Option<Attachment>,
    /// The scan of a paper copy.
    pub scan: Option<Attachment>,
}

/// One use on a consent form with its answer, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentAnswer {
    pub use_key: String,
    pub use_label: String,
    pub allowed: bool,
}

/// One image consent or refusal as given, with any withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectConsent {
    pub consent: ImageConsent,
    pub answers: Vec<ConsentAnswer>,
    pub mark: Option<Attachment>,
}

/// Somewhere an image of the person was published. Other people in the same image are counted,
/// never named: they are not part of this person's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectPublication {
    pub publication_id: String,
    pub published_on: NaiveDate,
    pub use_label: String,
    pub description: String,
    pub link: Option<String>,
    pub others_shown: usize,
    pub takedown: Option<TakedownRecord>,
}

/// A take-down ticked off for this person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TakedownRecord {
    pub removed: bool,
    pub done_on: NaiveDate,
    pub done_by: String,
}

/// One training record with its course and certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectTraining {
    pub record: TrainingRecord,
    pub course_name: String,
    pub certificate: Option<Attachment>,
}

/// An incident the person is linked to: their own role, and the record's entries as the admin
/// sees them (every entry and amendment, in the order saved), names hidden when asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectIncident {
    pub incident: Incident,
    pub role: Option<IncidentRole>,
    pub entries: Vec<IncidentEntry>,
    /// The ids of the entries that are the current version of each original entry.
    pub current_entry_ids: Vec<String>,
    /// How many other people the incident names.
    pub other_people: usize,
}

/// Everything held about one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectAccess {
    pub format: &'static str,
    pub organisation: String,
    pub produced_on: NaiveDate,
    pub others_redacted: bool,
    pub details: PersonDetails,
    pub signatures: Vec<SubjectSignature>,
    pub consents: Vec<SubjectConsent>,
    pub publications: Vec<SubjectPublication>,
    /// Images of them that should come down and have not yet.
    pub takedowns_due: Vec<TakedownItem>,
    pub training: Vec<SubjectTraining>,
    pub incidents: Vec<SubjectIncident>,
}

impl SubjectAccess {
    /// How many of the incidents are restricted (allegations about staff), which the admin should
    /// check for exemptions before sending.
    pub fn restricted_incidents(&self) -> usize {
        self.incidents.iter().filter(|i| i.incident.restricted).count()
    }

    /// The export as pretty JSON.
    pub fn to_json(&self) -> Result<Vec<u8>, SubjectAccessError> {
        serde_json::to_vec_pretty(self).map_err(|_| SubjectAccessError::Unwritable)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SubjectAccessError {
    #[error("That person was not found. Refresh the list and choose them again.")]
    PersonNotFound,
    /// A part of the records could not be read; the message is that part's own.
    #[error("{message}")]
    Records { code: ErrorCode, message: String },
    #[error("The export could not be written out. Please report this; your records are unaffected.")]
    Unwritable,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SubjectAccessError {
    fn from_part(e: &impl CodedError) -> Self {
        SubjectAccessError::Records { code: e.code(), message: e.to_string() }
    }
}

impl CodedError for SubjectAccessError {
    fn code(&self) -> ErrorCode {
        match self {
            SubjectAccessError::PersonNotFound => ErrorCode::SubjectAccessPersonNotFound,
            SubjectAccessError::Records { code, .. } => *code,
            SubjectAccessError::Unwritable => ErrorCode::SubjectAccessUnwritable,
            SubjectAccessError::Store(e) => e.code(),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
