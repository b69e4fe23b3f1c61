//! Retention review: how long each kind of record is kept (rules with UK defaults the organisation
//! can change, each with its own written reason), which records have reached their review date,
//! and the admin's decision on each (keep until a later review, legal hold, or erase).
//! Owns the rules, the due list and erasure with its tombstone. Never deletes anything by itself:
//! only `decide` with `Decision::Erase` removes a record, and only once it is due and not held.
//! Does not own the records themselves (see `incidents`, `consent`, `signatures`, `training`).

mod decide;
mod due;
mod rules;
mod summary;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::store::StoreError;
pub use decide::decide;
pub use due::{due, on_hold, review};
pub use rules::{rules, save_rules};
pub use summary::{due_count, page, refresh, Count, RetentionPage, COUNT_CAP};

/// The kinds of record a retention decision can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "RetentionRecordKind")]
pub enum RecordKind {
    /// An incident in the incident log.
    Incident,
    /// A photo and video (image) consent.
    ImageConsent,
    /// An AUP signature.
    AupSignature,
    /// A training record.
    TrainingRecord,
}

impl RecordKind {
    /// The kind as stored in retention decisions and sent to the UI, e.g. `aupSignature`.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Incident => "incident",
            RecordKind::ImageConsent => "imageConsent",
            RecordKind::AupSignature => "aupSignature",
            RecordKind::TrainingRecord => "trainingRecord",
        }
    }

    /// The record kind as the rest of the audit trail names it, so the audit log's "kind of
    /// record" filter finds retention decisions beside the record's other entries.
    pub fn audit_kind(self) -> &'static str {
        match self {
            RecordKind::Incident => "incident",
            RecordKind::ImageConsent => "imageConsent",
            RecordKind::AupSignature => "signature",
            RecordKind::TrainingRecord => "training",
        }
    }
}

/// Which rule brought a record up for review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "RetentionRuleCode")]
pub enum RuleCode {
    /// A child-protection record (an incident): kept until the youngest young person in it reaches
    /// an age.
    ChildProtection,
    /// An allegation about a member of staff (an incident marked as one).
    StaffAllegation,
    /// An image consent, counted from the day it ended.
    ImageConsent,
    /// An AUP signature, counted from the day the signer left.
    AupSignature,
    /// A training record, counted from the day the person left.
    Training,
}

impl RuleCode {
    /// The rule as stored with each retention decision, e.g. `staffAllegation`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleCode::ChildProtection => "childProtection",
            RuleCode::StaffAllegation => "staffAllegation",
            RuleCode::ImageConsent => "imageConsent",
            RuleCode::AupSignature => "aupSignature",
            RuleCode::Training => "training",
        }
    }

    /// The rule for a stored code; `None` for text that names no rule.
    pub fn from_stored(text: &str) -> Option<RuleCode> {
        [
            RuleCode::ChildProtection,
            RuleCode::StaffAllegation,
            RuleCode::ImageConsent,
            RuleCode::AupSignature,
            RuleCode::Training,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
}

/// A period in whole years, and why the organisation chose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct YearsRule {
    /// How many years to keep the record: from 1 to 100.
    pub years: u32,
    /// The organisation's written reason for the period, printed on the review page: 1 to 2,000
    /// characters.
    pub why: String,
}

/// Allegations about staff: until normal retirement age, or `years` from the allegation,
/// whichever is later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StaffAllegationRule {
    /// Normal retirement age of the member of staff, in years: from 50 to 80.
    pub retirement_age: u32,
    /// The fewest years to keep the allegation after its report date: from 1 to 100.
    pub years: u32,
    /// The organisation's written reason for the period: 1 to 2,000 characters.
    pub why: String,
}

/// Every retention rule, as stored in settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionRules {
    /// Incidents (child-protection records): years after the youngest young person's birth.
    pub child_protection: YearsRule,
    /// Allegations about staff: until retirement age or a number of years, whichever is later.
    pub staff_allegation: StaffAllegationRule,
    /// Years after a consent ended (expired or withdrawn).
    pub image_consent: YearsRule,
    /// Years after the signer left (their leave date, or when they were archived).
    pub aup_signature: YearsRule,
    /// Years after the person left.
    pub training: YearsRule,
}

/// A record whose review date has come. `person` is for the admin's screen only; it never goes
/// into the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionItem {
    /// The kind of record.
    pub kind: RecordKind,
    /// The record's id, as stored in its own table (`incidents`, `image_consents`, `signatures` or
    /// `training_records`).
    pub id: String,
    /// What the record is, without anyone's name: "Incident INC-2026-0007", "Training: Prevent".
    pub label: String,
    /// Who the record is about, when it is about one person.
    pub person: Option<String>,
    /// The record's own date: when it happened, was given, signed or completed.
    #[ts(type = "string")]
    pub record_date: NaiveDate,
    /// The rule that made it due.
    pub rule: RuleCode,
    /// The day it fell due: by its rule, or the review date a "keep" decision set.
    #[ts(type = "string")]
    pub due_on: NaiveDate,
    /// No date of birth was held, so the date came from a fallback (see `due`): check before
    /// deciding.
    pub date_of_birth_unknown: bool,
    /// It was kept at an earlier review.
    pub kept_before: bool,
}

/// The review page: what is due, and what is held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionReview {
    /// Records whose review date has come and that are not held, earliest due first.
    pub due: Vec<RetentionItem>,
    /// Records under a legal hold, which stay until the hold is lifted.
    pub on_hold: Vec<RetentionItem>,
}

/// What the admin decided about one record. Every decision needs a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "decision")]
#[ts(rename = "RetentionDecision")]
pub enum Decision {
    /// Keep it, and review it again on `next_review`.
    Keep {
        /// Why it is kept, up to `MAX_REASON_CHARS`; never empty.
        reason: String,
        /// The day to review it again (`YYYY-MM-DD`): after today and within `MAX_KEEP_YEARS`
        /// years.
        #[serde(rename = "nextReview")]
        #[ts(type = "string")]
        next_review: NaiveDate,
    },
    /// Keep it for an inquiry or claim; it cannot be erased until the hold is lifted.
    LegalHold {
        /// Why it is held, up to `MAX_REASON_CHARS`; never empty.
        reason: String,
    },
    /// Lift a legal hold, so that the record can be reviewed (and erased) again.
    LiftHold {
        /// Why the hold is lifted, up to `MAX_REASON_CHARS`; never empty.
        reason: String,
    },
    /// Remove the record's content for good, leaving a tombstone.
    Erase {
        /// Why it is erased, up to `MAX_REASON_CHARS`; never empty. Kept in the tombstone.
        reason: String,
    },
}

/// The longest reason a decision or a rule may carry, in characters.
pub const MAX_REASON_CHARS: usize = 2000;
/// A "keep" decision looks no further ahead than this.
pub const MAX_KEEP_YEARS: u32 = 50;

/// Why a retention rule or decision was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum RetentionError {
    /// No record of that kind has that id (or it is already erased, or the admin may not see it).
    #[error("That record was not found. It may have been erased already, or you do not have access to it.")]
    NotFound,
    /// The reason was empty or over `MAX_REASON_CHARS` characters.
    #[error("Say why you are making this decision (up to 2,000 characters).")]
    ReasonNeeded,
    /// The record has not reached its review date, so it cannot be kept or erased yet.
    #[error("This record is not due for a retention review yet, so it cannot be kept or erased now.")]
    NotDue,
    /// The record is under a legal hold, so it cannot be erased.
    #[error("This record is under a legal hold, so it cannot be erased. Lift the hold first, saying why.")]
    OnLegalHold,
    /// A legal hold was asked for a record already held.
    #[error("This record is already under a legal hold.")]
    AlreadyHeld,
    /// A hold was to be lifted from a record that is not held.
    #[error("This record is not under a legal hold.")]
    NotHeld,
    /// The next review date was not after today or was more than `MAX_KEEP_YEARS` years ahead.
    #[error("Choose a next review date after today and within {MAX_KEEP_YEARS} years.")]
    BadNextReview,
    /// A rule was out of range or had no reason; the text says which, in words for the admin.
    #[error("{0}")]
    InvalidRule(String),
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for RetentionError {
    fn from(e: rusqlite::Error) -> Self {
        RetentionError::Store(StoreError::Sqlite(e))
    }
}

impl CodedError for RetentionError {
    fn code(&self) -> ErrorCode {
        match self {
            RetentionError::NotFound => ErrorCode::RetentionNotFound,
            RetentionError::ReasonNeeded => ErrorCode::RetentionReasonNeeded,
            RetentionError::NotDue => ErrorCode::RetentionNotDue,
            RetentionError::OnLegalHold => ErrorCode::RetentionLegalHold,
            RetentionError::AlreadyHeld => ErrorCode::RetentionAlreadyHeld,
            RetentionError::NotHeld => ErrorCode::RetentionNotHeld,
            RetentionError::BadNextReview => ErrorCode::RetentionBadNextReview,
            RetentionError::InvalidRule(_) => ErrorCode::RetentionInvalidRule,
            RetentionError::Store(e) => e.code(),
        }
    }
}

#[cfg(test)]
mod summary_tests;
#[cfg(test)]
mod tests;
