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
    Other,
}

impl Topic {
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::OnlineSafety => "onlineSafety",
            Topic::FilteringMonitoring => "filteringMonitoring",
            Topic::Other => "other",
        }
    }

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
    NewPolicy,
    Scheduled,
    Incident,
    LawOrGuidance,
    ItChange,
    Other,
}

impl ReviewTrigger {
    pub const ALL: [ReviewTrigger; 6] = [
        ReviewTrigger::NewPolicy,
        ReviewTrigger::Scheduled,
        ReviewTrigger::Incident,
        ReviewTrigger::LawOrGuidance,
        ReviewTrigger::ItChange,
        ReviewTrigger::Other,
    ];

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
    pub id: String,
    pub name: String,
    pub topic: Topic,
    /// Who leads on it (a name or a role); empty until set.
    pub owner: String,
    pub review_months: u32,
    pub retired: bool,
    /// The latest version in the history, if any.
    pub current_version: Option<String>,
    #[ts(type = "string | null")]
    pub last_reviewed: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub next_review: Option<NaiveDate>,
    /// Where the next review stands today; `neverDone` when no review is recorded.
    pub status: DueStatus,
    /// The policy document is stored with it.
    pub has_document: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyDraft {
    pub name: String,
    pub owner: String,
    pub review_months: u32,
}

/// One row of a policy's version history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyVersion {
    pub id: String,
    pub version: String,
    /// "New policy", "Annual review: no change", "Review after an incident: …".
    pub purpose: String,
    pub lead: String,
    #[ts(type = "string")]
    pub reviewed_on: NaiveDate,
    #[ts(type = "string")]
    pub next_review: NaiveDate,
    pub trigger: ReviewTrigger,
    pub approved_by: Option<String>,
    #[ts(type = "string | null")]
    pub approved_on: Option<NaiveDate>,
    pub recorded_at: String,
}

/// A review as the admin records it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyReview {
    /// The version number after this review, such as "4" or "2.1".
    pub version: String,
    #[ts(type = "string")]
    pub reviewed_on: NaiveDate,
    /// Who led the review.
    pub lead: String,
    /// What changed; `None` (or empty) for "no change".
    pub change: Option<String>,
    pub trigger: ReviewTrigger,
    /// Who approved it, such as "Board of trustees".
    pub approved_by: Option<String>,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyDetail {
    pub policy: Policy,
    /// Every version, oldest first, as the table at the front of a policy reads.
    pub history: Vec<PolicyVersion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FilteringKind {
    Change,
    Breach,
}

/// A change to filtering or monitoring, or a breach of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilteringEntry {
    #[ts(type = "string")]
    pub happened_on: NaiveDate,
    pub kind: FilteringKind,
    pub what: String,
    pub who: String,
    pub why: String,
}

/// One line of "what is due" for policies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyDue {
    pub policy_id: String,
    pub name: String,
    pub topic: Topic,
    #[ts(type = "string | null")]
    pub due: Option<NaiveDate>,
    pub status: DueStatus,
}

/// A box on the policy and filtering-log forms that a refusal is about. Shows as the words the
/// message uses for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyField {
    Name,
    Owner,
    Version,
    Lead,
    Change,
    ApprovedBy,
    FilteringWhat,
    FilteringWho,
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
    Reviewed,
    Approved,
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

#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("That policy was not found.")]
    NotFound,
    #[error("Version {0} is already in this policy's history. Give this review a new version number.")]
    DuplicateVersion(String),
    #[error("Enter {0}.")]
    Missing(PolicyField),
    #[error("Shorten {field} to {max} characters or fewer.")]
    TooLong { field: PolicyField, max: usize },
    #[error("Enter how often it is reviewed as a number of months from 1 to 60.")]
    ReviewCycleOutOfRange,
    #[error("{date} cannot be in the future.", date = .0.capitalised())]
    DateInFuture(PolicyDate),
    #[error("Check {0}: it is before 1990.")]
    DateBefore1990(PolicyDate),
    #[error("The approval date cannot be before the review date.")]
    ApprovedBeforeReview,
    /// The review date is so far ahead that the next review cannot be worked out.
    #[error("Check the review date.")]
    NextReviewOutOfRange,
    #[error("The policy document must be a PDF, a Word document (.docx or .doc) or an OpenDocument text (.odt), up to 10 MB.")]
    DocumentNotAccepted,
    #[error("The document could not be read. Choose the file again.")]
    DocumentUnreadable,
    #[error("There is no document stored for this policy.")]
    NoDocument,
    #[error("The next review must be after the date of this review.")]
    NextReviewNotAfterReview,
    #[error("The next review cannot be more than {NEXT_REVIEW_MAX_YEARS} years after this review. Check the year.")]
    NextReviewTooFar,
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
