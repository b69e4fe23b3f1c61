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
    /// The file's media type, e.g. `image/png` or `application/pdf`.
    pub media_type: String,
    /// The file's bytes, written as base64 in the JSON under `base64`.
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
    /// The linked person's id (a UUID).
    pub person_id: String,
    /// The linked person's full name, as in the register.
    pub full_name: String,
}

/// Who the person is in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonDetails {
    /// The person's register entry as stored.
    pub person: Person,
    /// The parents and carers linked to them (when they are a young person).
    pub parents_carers: Vec<LinkedPerson>,
    /// The young people linked to them (when they are a parent or carer).
    pub young_people: Vec<LinkedPerson>,
    /// The roles they hold that training depends on, such as DSL or Prevent lead.
    pub roles: Vec<Role>,
    /// Named groups they belong to (a club night, a trip).
    pub groups: Vec<String>,
}

/// One AUP signature with the policy it was for and the pictures stored with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectSignature {
    /// The signature as stored.
    pub signature: Signature,
    /// The title of the AUP version they signed.
    pub aup_title: String,
    /// Who that AUP is for.
    pub audience: Audience,
    /// Their drawn signature as a PNG; `None` when typed or on paper.
    pub mark: Option<Attachment>,
    /// The parent or carer's drawn countersignature as a PNG; `None` when there is none or it was
    /// typed.
    pub countersignature_mark: Option<Attachment>,
    /// The scan of a paper copy.
    pub scan: Option<Attachment>,
}

/// One use on a consent form with its answer, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentAnswer {
    /// The use's key, as stored with the answer.
    pub use_key: String,
    /// The use in words, as the form showed it.
    pub use_label: String,
    /// Whether the answer allowed this use.
    pub allowed: bool,
}

/// One image consent or refusal as given, with any withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectConsent {
    /// The consent or refusal as stored.
    pub consent: ImageConsent,
    /// Each use on the form with its answer.
    pub answers: Vec<ConsentAnswer>,
    /// The drawn signature on the consent as a PNG; `None` when there is none.
    pub mark: Option<Attachment>,
}

/// Somewhere an image of the person was published. Other people in the same image are counted,
/// never named: they are not part of this person's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectPublication {
    /// The publication's id (a UUID).
    pub publication_id: String,
    /// The day it was published (`YYYY-MM-DD`).
    pub published_on: NaiveDate,
    /// Where or how it was used, in words (the consent use's title).
    pub use_label: String,
    /// What was published, as the admin described it.
    pub description: String,
    /// Its web address; `None` when it has none.
    pub link: Option<String>,
    /// How many other people the publication shows (counted, never named).
    pub others_shown: usize,
    /// The take-down done for this person; `None` when none was recorded.
    pub takedown: Option<TakedownRecord>,
}

/// A take-down ticked off for this person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TakedownRecord {
    /// The image came down (`true`) or could not be removed, such as a printed newsletter
    /// (`false`).
    pub removed: bool,
    /// The day the take-down was done (`YYYY-MM-DD`).
    pub done_on: NaiveDate,
    /// Who did the take-down, as the admin entered it.
    pub done_by: String,
}

/// One training record with its course and certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectTraining {
    /// The training record as stored.
    pub record: TrainingRecord,
    /// The course's name ("A course no longer listed" when the course has gone).
    pub course_name: String,
    /// The certificate file; `None` when none was attached.
    pub certificate: Option<Attachment>,
}

/// An incident the person is linked to: their own role, and the record's entries as the admin
/// sees them (every entry and amendment, in the order saved), names hidden when asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubjectIncident {
    /// The incident as stored.
    pub incident: Incident,
    /// The person's role in the incident's current entries; `None` when only an earlier version
    /// named them.
    pub role: Option<IncidentRole>,
    /// Every entry and amendment, in the order saved; other names hidden when `others_redacted`.
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
    /// Always `FORMAT`, naming the JSON layout.
    pub format: &'static str,
    /// The organisation's name, from its settings.
    pub organisation: String,
    /// The day the export was made (`YYYY-MM-DD`, UK date).
    pub produced_on: NaiveDate,
    /// Whether other people's names in incident records were replaced with `ANOTHER_PERSON`.
    pub others_redacted: bool,
    /// Who the person is in the register, with their links, roles and groups.
    pub details: PersonDetails,
    /// Their AUP signatures, newest first.
    pub signatures: Vec<SubjectSignature>,
    /// Their image consents and refusals, with any withdrawals, newest first.
    pub consents: Vec<SubjectConsent>,
    /// Publications showing them.
    pub publications: Vec<SubjectPublication>,
    /// Images of them that should come down and have not yet.
    pub takedowns_due: Vec<TakedownItem>,
    /// Their training records, newest first.
    pub training: Vec<SubjectTraining>,
    /// Incidents they are named in, restricted ones included (the admin checks for exemptions).
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

/// Why a subject access export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SubjectAccessError {
    /// No person has that id.
    #[error("That person was not found. Refresh the list and choose them again.")]
    PersonNotFound,
    /// A part of the records could not be read; the message is that part's own.
    #[error("{message}")]
    Records {
        /// The failing part's own error code.
        code: ErrorCode,
        /// The failing part's own message.
        message: String,
    },
    /// The export could not be turned into JSON.
    #[error("The export could not be written out. Please report this; your records are unaffected.")]
    Unwritable,
    /// The database could not be read or written.
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
