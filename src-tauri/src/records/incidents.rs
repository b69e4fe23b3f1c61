//! Online-safety incidents: a record a police officer or an inquiry could rely on years later.
//! Owns what an incident holds (the report, people involved and their roles, actions, evidence,
//! decisions with reasons, referrals, parents informed, outcome), the rule that saved entries are
//! never changed (corrections are amendments with who, when and why), the status rules (closing
//! needs an outcome and a sign-off), and who may see a restricted incident. Does not own printing
//! (see `forms`) or concerns handed in at the signing station (see `kiosk`), which arrive here
//! through `create`.

mod entries;
mod labels;
mod recorders;
mod store;
mod trends;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::store::StoreError;
pub use entries::Action as IncidentAction;
pub use entries::Report as IncidentReport;
pub use entries::{
    Action, Agency, Category, Decision, EntryBody, Evidence, IncidentKind, InvolvedPerson, Outcome, ParentsInformed,
    Referral, Report, Role, SignOff, StatusChange, LONG_TEXT, SHORT_TEXT,
};
pub use recorders::admin_names;
pub use store::{
    add_entry, amend, change_status, create, get, linked_to_person, list, record_printed, set_access, IncidentFilter,
    NewIncident,
};
pub(crate) use store::{insert_added_entry, insert_incident};
pub use trends::{trends, KindCount, MonthCounts, Trends};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentStatus")]
pub enum Status {
    Open,
    UnderReview,
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::UnderReview => "underReview",
            Status::Closed => "closed",
        }
    }

    pub fn from_stored(text: &str) -> Option<Status> {
        [Status::Open, Status::UnderReview, Status::Closed].into_iter().find(|s| s.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IncidentSource {
    Admin,
    SigningStation,
}

/// An incident as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Incident {
    pub id: String,
    pub reference: String,
    pub source: IncidentSource,
    pub self_declared: bool,
    pub receipt: Option<String>,
    pub staff_allegation: bool,
    pub restricted: bool,
    pub status: Status,
    #[ts(type = "string")]
    pub occurred_on: chrono::NaiveDate,
    pub category: Category,
    pub kind: IncidentKind,
    pub created_at: String,
    pub updated_at: String,
}

/// One entry in an incident's chronology, exactly as it was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IncidentEntry {
    pub id: String,
    #[ts(type = "number")]
    pub seq: i64,
    pub body: EntryBody,
    /// Set on an amendment: the entry it corrects.
    pub amends: Option<String>,
    /// Why the amendment was made.
    pub reason: Option<String>,
    pub recorded_at: String,
    /// Who saved it, as the audit trail names actors (`admin:<id>`, `signing-station`).
    pub recorded_by: String,
}

/// An incident with its whole chronology, and the current version of each entry (the latest
/// amendment, or the original when there is none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IncidentDetail {
    pub incident: Incident,
    /// Every entry and amendment, in the order they were saved.
    pub chronology: Vec<IncidentEntry>,
    /// Each original entry's id, with the id of the entry that is its current version.
    pub current: Vec<(String, String)>,
    /// Admins who may see it, when restricted.
    pub access: Vec<String>,
}

/// A box on the incident forms that a refusal is about. Shows as the words the message uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentField {
    HowReported,
    ReportedBy,
    ReportedTo,
    Place,
    Platform,
    Device,
    Facts,
    OwnWords,
    Opinion,
    PersonName,
    ActionBy,
    ActionWhat,
    EvidenceWhat,
    EvidenceHeldWhere,
    DecidedBy,
    Decision,
    DecisionReason,
    OtherAgency,
    ReferralReference,
    ReferralOutcome,
    ParentsToldOn,
    ParentsToldBy,
    ParentsNotToldWhy,
    Outcome,
    Sanctions,
    LessonsLearnt,
    PolicyChanges,
    SignOffName,
    StatusReason,
}

impl std::fmt::Display for IncidentField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IncidentField::HowReported => "how it was reported",
            IncidentField::ReportedBy => "who reported it",
            IncidentField::ReportedTo => "who it was reported to",
            IncidentField::Place => "where it happened",
            IncidentField::Platform => "the app, platform or website",
            IncidentField::Device => "the device",
            IncidentField::Facts => "what happened",
            IncidentField::OwnWords => "the young person's own words",
            IncidentField::Opinion => "the professional opinion",
            IncidentField::PersonName => "the person's name",
            IncidentField::ActionBy => "who took the action",
            IncidentField::ActionWhat => "what was done",
            IncidentField::EvidenceWhat => "what the evidence is",
            IncidentField::EvidenceHeldWhere => "where the evidence is held",
            IncidentField::DecidedBy => "who decided",
            IncidentField::Decision => "the decision",
            IncidentField::DecisionReason => "the reason for the decision",
            IncidentField::OtherAgency => "the organisation referred to",
            IncidentField::ReferralReference => "the reference number",
            IncidentField::ReferralOutcome => "the outcome of the referral",
            IncidentField::ParentsToldOn => "when the parents or carers were told",
            IncidentField::ParentsToldBy => "who told them",
            IncidentField::ParentsNotToldWhy => "why the parents or carers were not told",
            IncidentField::Outcome => "the outcome",
            IncidentField::Sanctions => "the sanctions",
            IncidentField::LessonsLearnt => "the lessons learnt",
            IncidentField::PolicyChanges => "the policy changes",
            IncidentField::SignOffName => "the reviewing admin's name",
            IncidentField::StatusReason => "the reason",
        })
    }
}

/// A date on the incident forms that a refusal is about, as the message starts with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentDate {
    Occurred,
    Reported,
    Action,
    Decision,
    Referral,
    ParentsTold,
    SignOff,
}

impl std::fmt::Display for IncidentDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IncidentDate::Occurred => "The date it happened",
            IncidentDate::Reported => "The date it was reported",
            IncidentDate::Action => "The date of the action",
            IncidentDate::Decision => "The date of the decision",
            IncidentDate::Referral => "The date of the referral",
            IncidentDate::ParentsTold => "The date the parents or carers were told",
            IncidentDate::SignOff => "The sign-off date",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IncidentError {
    #[error("That incident was not found, or you do not have access to it.")]
    NotFound,
    #[error("That entry was not found in this incident.")]
    EntryNotFound,
    #[error("Enter {0}.")]
    Missing(IncidentField),
    #[error("Shorten {field} to {max} characters or fewer.")]
    TooLong { field: IncidentField, max: usize },
    #[error("{0} cannot be in the future.")]
    DateInFuture(IncidentDate),
    #[error("The date it was reported cannot be before the date it happened.")]
    ReportedBeforeOccurred,
    #[error("Enter the time as hours and minutes, like 14:30.")]
    TimeUnreadable,
    #[error("That person is not in the register.")]
    PersonNotInRegister,
    /// `add_entry` was given a report or a status change, which have their own ways in.
    #[error("An incident has one report; correct it with an amendment. Change the status with the status buttons.")]
    NotAnEntryToAdd,
    #[error("A change of status cannot be amended; change the status again.")]
    StatusCannotBeAmended,
    #[error("Say why the incident is being reopened.")]
    ReopenNeedsReason,
    #[error("The end of the period must be after its start.")]
    PeriodBackwards,
    #[error("A stored incident has a category this version does not know.")]
    UnknownStoredCategory,
    #[error("A stored incident has a kind this version does not know.")]
    UnknownStoredKind,
    #[error("The time it was handed in could not be read.")]
    SubmissionTimeUnreadable,
    #[error("A stored incident entry could not be read.")]
    StoredEntryUnreadable,
    #[error("This incident is closed. Reopen it, saying why, before adding to it or correcting it.")]
    Closed,
    #[error("An amendment must correct an entry of the same kind.")]
    AmendmentKindMismatch,
    #[error("Say why you are making this correction.")]
    AmendmentNeedsReason,
    #[error("To close this incident, add {}.", .0.join(", "))]
    CannotClose(Vec<&'static str>),
    #[error("That change of status is not possible: {0}.")]
    BadTransition(&'static str),
    #[error("A restricted incident needs at least one admin who can see it, including you.")]
    AccessNeedsYou,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for IncidentError {
    fn from(e: rusqlite::Error) -> Self {
        IncidentError::Store(StoreError::Sqlite(e))
    }
}

impl CodedError for IncidentError {
    fn code(&self) -> ErrorCode {
        match self {
            IncidentError::NotFound => ErrorCode::IncidentNotFound,
            IncidentError::EntryNotFound => ErrorCode::IncidentEntryNotFound,
            IncidentError::Missing(_)
            | IncidentError::TooLong { .. }
            | IncidentError::DateInFuture(_)
            | IncidentError::ReportedBeforeOccurred
            | IncidentError::TimeUnreadable
            | IncidentError::PersonNotInRegister
            | IncidentError::NotAnEntryToAdd
            | IncidentError::StatusCannotBeAmended
            | IncidentError::ReopenNeedsReason
            | IncidentError::PeriodBackwards
            | IncidentError::UnknownStoredCategory
            | IncidentError::UnknownStoredKind
            | IncidentError::SubmissionTimeUnreadable
            | IncidentError::StoredEntryUnreadable => ErrorCode::IncidentInvalid,
            IncidentError::Closed => ErrorCode::IncidentClosed,
            IncidentError::AmendmentKindMismatch => ErrorCode::IncidentAmendmentKind,
            IncidentError::AmendmentNeedsReason => ErrorCode::IncidentAmendmentReason,
            IncidentError::CannotClose(_) => ErrorCode::IncidentCannotClose,
            IncidentError::BadTransition(_) => ErrorCode::IncidentBadTransition,
            IncidentError::AccessNeedsYou => ErrorCode::IncidentAccessNeedsYou,
            IncidentError::Store(e) => e.code(),
        }
    }
}

#[cfg(test)]
mod tests;
