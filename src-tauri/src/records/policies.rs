//! The policy register: the policies online safety links to (shipped as a starting list the
//! organisation can rename, retire and add to), each with its owner, review cycle and the version
//! history table real policies carry; recording a review adds a history row and moves the next
//! review date. Also the log of filtering changes and breaches. Does not own printing (see
//! `forms`) or merging everything due for the dashboard (see `reminders`).

mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::records::attachments::UploadError;
use crate::reminders::DueStatus;
use crate::store::StoreError;
mod document;

pub use document::{
    attach_document, document, named_document, note_document_saved, PolicyDocument, MAX_DOCUMENT_BYTES,
};
pub use store::{
    add_filtering_entry, due_items, filtering_log, get, list, record_review, retire, save, yearly_review_notice,
};

/// Policies the app treats specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "PolicyTopic")]
pub enum Topic {
    /// The online-safety policy: the dashboard's yearly review reminder follows it.
    OnlineSafety,
    /// Filtering and monitoring: its reviews are the yearly filtering review.
    FilteringMonitoring,
    /// Any other policy; the app treats it like the rest of the register.
    Other,
}

impl Topic {
    /// The text stored in `policies.topic`.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::OnlineSafety => "onlineSafety",
            Topic::FilteringMonitoring => "filteringMonitoring",
            Topic::Other => "other",
        }
    }

    /// Reads the text stored in `policies.topic` back; anything this version does not know reads as `Other`.
    pub fn from_stored(text: &str) -> Topic {
        match text {
            "onlineSafety" => Topic::OnlineSafety,
            "filteringMonitoring" => Topic::FilteringMonitoring,
            _ => Topic::Other,
        }
    }
}

/// Why a review happened: on schedule, or early because something changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReviewTrigger {
    /// The first version of a new policy.
    NewPolicy,
    /// The review the cycle asked for.
    Scheduled,
    /// An early review after an incident.
    Incident,
    /// An early review after a change in law or statutory guidance.
    LawOrGuidance,
    /// An early review after a change to the IT set-up (devices, filtering, systems).
    ItChange,
    /// Any other reason.
    Other,
}

impl ReviewTrigger {
    /// Every trigger, in the order forms list them.
    pub const ALL: [ReviewTrigger; 6] = [
        ReviewTrigger::NewPolicy,
        ReviewTrigger::Scheduled,
        ReviewTrigger::Incident,
        ReviewTrigger::LawOrGuidance,
        ReviewTrigger::ItChange,
        ReviewTrigger::Other,
    ];

    /// The text stored in `policy_versions.trigger`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewTrigger::NewPolicy => "newPolicy",
            ReviewTrigger::Scheduled => "scheduled",
            ReviewTrigger::Incident => "incident",
            ReviewTrigger::LawOrGuidance => "lawOrGuidance",
            ReviewTrigger::ItChange => "itChange",
            ReviewTrigger::Other => "other",
        }
    }

    /// Reads the text stored in `policy_versions.trigger` back; `None` for text this version does not know.
    pub fn from_stored(text: &str) -> Option<ReviewTrigger> {
        Self::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// The start of the history row's "purpose or change" column.
    pub fn purpose_prefix(self) -> &'static str {
        match self {
            ReviewTrigger::NewPolicy => "New policy",
            ReviewTrigger::Scheduled => "Annual review",
            ReviewTrigger::Incident => "Review after an incident",
            ReviewTrigger::LawOrGuidance => "Review after a change in law or guidance",
            ReviewTrigger::ItChange => "Review after a change to the IT set-up",
            ReviewTrigger::Other => "Review",
        }
    }
}

/// A policy as the register lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// The policy's id (a UUID), as stored in `policies.id`.
    pub id: String,
    /// The policy's name, as the register lists it (up to 120 characters).
    pub name: String,
    /// Whether the app treats it specially (the online-safety policy, filtering and monitoring) or not.
    pub topic: Topic,
    /// Who leads on it (a name or a role); empty until set.
    pub owner: String,
    /// How often it is reviewed, in months (1 to 60).
    pub review_months: u32,
    /// True when it is taken out of the register; its history stays.
    pub retired: bool,
    /// The latest version in the history, if any.
    pub current_version: Option<String>,
    /// The UK date of the latest review recorded (`YYYY-MM-DD`); `None` when none is recorded.
    #[ts(type = "string | null")]
    pub last_reviewed: Option<NaiveDate>,
    /// The UK date the next review is due (`YYYY-MM-DD`), from the latest review; `None` when none
    /// is recorded.
    #[ts(type = "string | null")]
    pub next_review: Option<NaiveDate>,
    /// Where the next review stands today; `neverDone` when no review is recorded.
    pub status: DueStatus,
    /// The policy document is stored with it.
    pub has_document: bool,
}

/// A policy as the admin adds or edits it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyDraft {
    /// The policy's name (up to 120 characters, spaces tidied).
    pub name: String,
    /// Who leads on it, a name or a role (up to 100 characters); empty when not yet known.
    pub owner: String,
    /// How often it is reviewed, in months: 1 to 60. A change applies from the next review recorded.
    pub review_months: u32,
}

/// One row of a policy's version history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyVersion {
    /// The row's id (a UUID), as stored in `policy_versions.id`.
    pub id: String,
    /// The version number, such as "4" or "2.1"; each appears once in a policy's history.
    pub version: String,
    /// "New policy", "Annual review: no change", "Review after an incident: …".
    pub purpose: String,
    /// Who led the review.
    pub lead: String,
    /// The UK date of the review (`YYYY-MM-DD`).
    #[ts(type = "string")]
    pub reviewed_on: NaiveDate,
    /// The UK date the next review is due (`YYYY-MM-DD`), as set at this review.
    #[ts(type = "string")]
    pub next_review: NaiveDate,
    /// Why the review happened.
    pub trigger: ReviewTrigger,
    /// Who approved it, such as "Board of trustees"; `None` when not recorded.
    pub approved_by: Option<String>,
    /// The UK date it was approved (`YYYY-MM-DD`); `None` when not recorded.
    #[ts(type = "string | null")]
    pub approved_on: Option<NaiveDate>,
    /// When the row was recorded (RFC 3339, UTC).
    pub recorded_at: String,
}

/// A review as the admin records it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyReview {
    /// The version number after this review, such as "4" or "2.1".
    pub version: String,
    /// The UK date of the review (`YYYY-MM-DD`); from 1 January 1990 to today.
    #[ts(type = "string")]
    pub reviewed_on: NaiveDate,
    /// Who led the review.
    pub lead: String,
    /// What changed; `None` (or empty) for "no change".
    pub change: Option<String>,
    /// Why the review happened.
    pub trigger: ReviewTrigger,
    /// Who approved it, such as "Board of trustees".
    pub approved_by: Option<String>,
    /// The UK date it was approved (`YYYY-MM-DD`); not in the future nor before the review. `None`
    /// when not yet approved.
    #[ts(type = "string | null")]
    pub approved_on: Option<NaiveDate>,
    /// The next review date as the policy's own version table sets it; `None` for the review
    /// date plus the policy's cycle.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub next_review: Option<NaiveDate>,
}

/// The furthest ahead a next review may be set by hand, from the review it follows.
pub const NEXT_REVIEW_MAX_YEARS: u32 = 5;

/// A policy with its whole version history, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyDetail {
    /// The policy as the register lists it.
    pub policy: Policy,
    /// Every version, oldest first, as the table at the front of a policy reads.
    pub history: Vec<PolicyVersion>,
}

/// Whether a filtering-log entry records a change or a breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FilteringKind {
    /// A change to filtering or monitoring, such as a new rule or a new provider.
    Change,
    /// Filtering or monitoring failed, or was got round.
    Breach,
}

/// A change to filtering or monitoring, or a breach of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilteringEntry {
    /// The UK date it happened (`YYYY-MM-DD`); from 1 January 1990 to today.
    #[ts(type = "string")]
    pub happened_on: NaiveDate,
    /// A change or a breach.
    pub kind: FilteringKind,
    /// What happened or changed (up to 2,000 characters).
    pub what: String,
    /// Who made the change or found the breach (up to 100 characters).
    pub who: String,
    /// Why the change was made, or what was done about the breach (up to 2,000 characters).
    pub why: String,
}

/// A line of the filtering log as the log lists it: the entry, its id and, for a breach recorded
/// as an incident, which incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LoggedFiltering {
    /// The line's id (a UUID), as stored in `filtering_log.id`.
    pub id: String,
    /// What was logged.
    #[serde(flatten)]
    #[ts(flatten)]
    pub entry: FilteringEntry,
    /// The incident this breach was recorded as; `None` for a change, or a breach not yet recorded.
    pub incident: Option<LinkedIncident>,
}

/// An incident as another record points at it: its id to open it and its reference to name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkedIncident {
    /// The incident's id (a UUID).
    pub id: String,
    /// Its reference, such as `INC-2026-0007`.
    pub reference: String,
}

/// One line of "what is due" for policies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyDue {
    /// The policy's id, as stored in `policies.id`.
    pub policy_id: String,
    /// The policy's name.
    pub name: String,
    /// Whether the app treats the policy specially.
    pub topic: Topic,
    /// The UK date the next review is due (`YYYY-MM-DD`); `None` when no review is recorded.
    #[ts(type = "string | null")]
    pub due: Option<NaiveDate>,
    /// How urgent it is: never reviewed, overdue, or due within 30, 60 or 90 days.
    pub status: DueStatus,
}

/// A box on the policy and filtering-log forms that a refusal is about. Shows as the words the
/// message uses for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyField {
    /// The policy's name.
    Name,
    /// Who leads on the policy.
    Owner,
    /// The version number a review gives it.
    Version,
    /// Who led a review.
    Lead,
    /// What a review changed.
    Change,
    /// Who approved a review.
    ApprovedBy,
    /// What happened or changed, on the filtering log.
    FilteringWhat,
    /// Who made the change or found the breach, on the filtering log.
    FilteringWho,
    /// Why, or what was done about it, on the filtering log.
    FilteringWhy,
}

impl std::fmt::Display for PolicyField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PolicyField::Name => "the policy's name",
            PolicyField::Owner => "the owner",
            PolicyField::Version => "the version number",
            PolicyField::Lead => "who led the review",
            PolicyField::Change => "what changed",
            PolicyField::ApprovedBy => "who approved it",
            PolicyField::FilteringWhat => "what happened or changed",
            PolicyField::FilteringWho => "who made the change or found the breach",
            PolicyField::FilteringWhy => "why, or what was done about it",
        })
    }
}

/// A date on the policy and filtering-log forms that a refusal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyDate {
    /// The date of a review.
    Reviewed,
    /// The date a review was approved.
    Approved,
    /// The date a filtering change or breach happened.
    FilteringHappened,
}

impl PolicyDate {
    fn capitalised(self) -> &'static str {
        match self {
            PolicyDate::Reviewed => "The review date",
            PolicyDate::Approved => "The approval date",
            PolicyDate::FilteringHappened => "The date",
        }
    }
}

impl std::fmt::Display for PolicyDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PolicyDate::Reviewed => "the review date",
            PolicyDate::Approved => "the approval date",
            PolicyDate::FilteringHappened => "the date",
        })
    }
}

/// Why a policy or filtering-log action was refused or failed. Each message says what happened and
/// what to do next.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// No policy has that id.
    #[error("That policy was not found.")]
    NotFound,
    /// The policy's history already has a row with this version number; holds the number.
    #[error("Version {0} is already in this policy's history. Give this review a new version number.")]
    DuplicateVersion(String),
    /// A required box was left empty.
    #[error("Enter {0}.")]
    Missing(PolicyField),
    /// A box holds more characters than its limit.
    #[error("Shorten {field} to {max} characters or fewer.")]
    TooLong {
        /// The box that is too long.
        field: PolicyField,
        /// Its limit, in characters.
        max: usize,
    },
    /// The review cycle is not from 1 to 60 months.
    #[error("Enter how often it is reviewed as a number of months from 1 to 60.")]
    ReviewCycleOutOfRange,
    /// A date is later than today (the UK date).
    #[error("{date} cannot be in the future.", date = .0.capitalised())]
    DateInFuture(PolicyDate),
    /// A date is before 1 January 1990, which is most likely a slip in typing.
    #[error("Check {0}: it is before 1990.")]
    DateBefore1990(PolicyDate),
    /// The approval is dated before the review.
    #[error("The approval date cannot be before the review date.")]
    ApprovedBeforeReview,
    /// The review date is so far ahead that the next review cannot be worked out.
    #[error("Check the review date.")]
    NextReviewOutOfRange,
    /// The document is over 10 MB, or its first bytes are not those of a PDF, a Word document
    /// (.docx or .doc) or an OpenDocument text (.odt).
    #[error("The policy document must be a PDF, a Word document (.docx or .doc) or an OpenDocument text (.odt), up to 10 MB.")]
    DocumentNotAccepted,
    /// The uploaded document's base64 text could not be decoded.
    #[error("The document could not be read. Choose the file again.")]
    DocumentUnreadable,
    /// The policy has no document stored with it.
    #[error("There is no document stored for this policy.")]
    NoDocument,
    /// The next review set by hand is on or before the date of this review.
    #[error("The next review must be after the date of this review.")]
    NextReviewNotAfterReview,
    /// The next review set by hand is more than five years after this review.
    #[error("The next review cannot be more than {NEXT_REVIEW_MAX_YEARS} years after this review. Check the year.")]
    NextReviewTooFar,
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for PolicyError {
    fn from(e: rusqlite::Error) -> Self {
        PolicyError::Store(StoreError::Sqlite(e))
    }
}

/// A document that did not arrive whole is refused with the document's own words.
impl From<UploadError> for PolicyError {
    fn from(e: UploadError) -> Self {
        match e {
            UploadError::TooLarge => PolicyError::DocumentNotAccepted,
            UploadError::Unreadable => PolicyError::DocumentUnreadable,
        }
    }
}

impl CodedError for PolicyError {
    fn code(&self) -> ErrorCode {
        match self {
            PolicyError::NotFound => ErrorCode::PolicyNotFound,
            PolicyError::DuplicateVersion(_) => ErrorCode::PolicyDuplicateVersion,
            PolicyError::Missing(_)
            | PolicyError::TooLong { .. }
            | PolicyError::ReviewCycleOutOfRange
            | PolicyError::DateInFuture(_)
            | PolicyError::DateBefore1990(_)
            | PolicyError::ApprovedBeforeReview
            | PolicyError::NextReviewOutOfRange => ErrorCode::PolicyInvalid,
            PolicyError::DocumentNotAccepted => ErrorCode::PolicyDocumentNotAccepted,
            PolicyError::DocumentUnreadable => ErrorCode::PolicyDocumentUnreadable,
            PolicyError::NoDocument => ErrorCode::PolicyNoDocument,
            PolicyError::NextReviewNotAfterReview => ErrorCode::PolicyNextReviewNotAfterReview,
            PolicyError::NextReviewTooFar => ErrorCode::PolicyNextReviewTooFar,
            PolicyError::Store(e) => e.code(),
        }
    }
}

#[cfg(test)]
mod tests;
