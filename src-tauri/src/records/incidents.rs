//! Online-safety incidents: a record a police officer or an inquiry could rely on years later.
//! Owns what an incident holds (the report, people involved and their roles, actions, evidence,
//! decisions with reasons, referrals, parents informed, outcome), the rule that saved entries are
//! never changed (corrections are amendments with who, when and why), the status rules (closing
//! needs an outcome and a sign-off), and who may see a restricted incident. Does not own printing
//! (see `forms`) or concerns handed in at the signing station (see `kiosk`), which arrive here
//! through `create`.

mod entries;
mod files;
mod filtering;
mod labels;
mod recorders;
mod route;
mod store;
mod trends;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::store::StoreError;
pub use entries::Action as IncidentAction;
pub use entries::Report as IncidentReport;
pub use entries::{
    Action, Agency, Category, Decision, EntryBody, Evidence, ImageViewing, IncidentKind, InvolvedPerson, Judgement,
    JudgementDecision, Outcome, ParentsInformed, Referral, Report, Role, RouteStep, RouteStepKind, SignOff,
    StatusChange, LONG_TEXT, SHORT_TEXT,
};
pub use files::{
    attach_file, decode_upload, file_name_of, open_file, FileOpening, IncidentFileInfo, NewFile, OpenedFile,
    MAX_EVIDENCE_BYTES,
};
pub use filtering::{from_filtering_breach, FilteringSource};
pub use recorders::admin_names;
pub use route::{steps_for, Route, RouteStepState};
pub use store::{
    add_entry, amend, change_status, create, get, linked_to_person, list, record_printed, set_access, IncidentFilter,
    NewIncident,
};
pub(crate) use store::{insert_added_entry, insert_incident};
pub use trends::{judgement_counts, trends, JudgementCount, KindCount, MonthCounts, Trends};

/// Where an incident stands: being dealt with, waiting for review, or finished and signed off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentStatus")]
pub enum Status {
    /// Being dealt with; every new incident starts here, and a reopened one goes back here or to review.
    Open,
    /// The work is done and a reviewing admin is checking it before it is closed.
    UnderReview,
    /// Finished: has an outcome and a sign-off, and takes no new entries until it is reopened with a reason.
    Closed,
}

impl Status {
    /// The text stored in `incidents.status` and written in audit details (`open`, `underReview`, `closed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::UnderReview => "underReview",
            Status::Closed => "closed",
        }
    }

    /// Reads the text stored in `incidents.status` back; `None` for text this version does not know.
    pub fn from_stored(text: &str) -> Option<Status> {
        [Status::Open, Status::UnderReview, Status::Closed].into_iter().find(|s| s.as_str() == text)
    }
}

/// Who recorded an incident: an admin in the app, or someone at the signing station.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IncidentSource {
    /// Recorded by an admin in the app.
    Admin,
    /// Handed in as a concern at the signing station and recorded when an admin unlocked.
    SigningStation,
}

/// An incident as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Incident {
    /// The incident's id (a UUID), as stored in `incidents.id`.
    pub id: String,
    /// The reference people quote, `INC-<year>-<number>` (such as `INC-2026-0007`), numbered within
    /// the year it was recorded.
    pub reference: String,
    /// Whether an admin or the signing station recorded it.
    pub source: IncidentSource,
    /// True when it came from the signing station, so whoever reported it gave their own identity unchecked.
    pub self_declared: bool,
    /// The signing station's receipt number for the concern it came from; `None` when an admin recorded it.
    pub receipt: Option<String>,
    /// True when it is an allegation about a member of staff or a volunteer, which is kept longer
    /// under the retention rules.
    pub staff_allegation: bool,
    /// True when only the admins on its access list (and the recovery key) may see it.
    pub restricted: bool,
    /// Where it stands: open, under review or closed.
    pub status: Status,
    /// The UK date it happened (`YYYY-MM-DD`), from the current version of its report.
    #[ts(type = "string")]
    pub occurred_on: chrono::NaiveDate,
    /// Which of the 4 Cs it falls under, from the current version of its report.
    pub category: Category,
    /// What sort of incident it is, from the current version of its report.
    pub kind: IncidentKind,
    /// When it was recorded (RFC 3339, UTC).
    pub created_at: String,
    /// When it last changed: a new entry, an amendment or a change of status (RFC 3339, UTC).
    pub updated_at: String,
    /// The incident is of a kind where an image may be indecent, and no image-viewing decision
    /// has been recorded yet: the dashboard flags it.
    pub image_decision_needed: bool,
}

/// One entry in an incident's chronology, exactly as it was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IncidentEntry {
    /// The entry's id (a UUID), as stored in `incident_entries.id`.
    pub id: String,
    /// Its place in the incident's chronology, counting from 1 in the order entries were saved.
    #[ts(type = "number")]
    pub seq: i64,
    /// What the entry says: the report, a person involved, an action, and so on.
    pub body: EntryBody,
    /// Set on an amendment: the entry it corrects.
    pub amends: Option<String>,
    /// Why the amendment was made.
    pub reason: Option<String>,
    /// When it was saved (RFC 3339, UTC).
    pub recorded_at: String,
    /// Who saved it, as the audit trail names actors (`admin:<id>`, `signing-station`).
    pub recorded_by: String,
}

/// An incident with its whole chronology, and the current version of each entry (the latest
/// amendment, or the original when there is none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IncidentDetail {
    /// The incident itself, as lists show it.
    pub incident: Incident,
    /// Every entry and amendment, in the order they were saved.
    pub chronology: Vec<IncidentEntry>,
    /// Each original entry's id, with the id of the entry that is its current version.
    pub current: Vec<(String, String)>,
    /// Admins who may see it, when restricted.
    pub access: Vec<String>,
    /// The current judgement and its route: which steps are done and which are open.
    pub route: Route,
    /// Evidence files attached to it, oldest first, each with every opening.
    pub files: Vec<IncidentFileInfo>,
    /// The filtering-log breach it was recorded from, if it was.
    pub from_filtering: Option<FilteringSource>,
}

/// A box on the incident forms that a refusal is about. Shows as the words the message uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentField {
    /// How the incident came to light (in person, by phone, at the signing station…).
    HowReported,
    /// Who reported the incident.
    ReportedBy,
    /// Who the incident was reported to.
    ReportedTo,
    /// Where the incident happened.
    Place,
    /// The app, platform or website involved.
    Platform,
    /// The device involved.
    Device,
    /// The facts of what happened.
    Facts,
    /// The young person's own words, kept apart from the facts.
    OwnWords,
    /// The professional opinion, kept apart from the facts.
    Opinion,
    /// The name of a person involved.
    PersonName,
    /// Who took an action.
    ActionBy,
    /// What an action was.
    ActionWhat,
    /// What a piece of evidence is.
    EvidenceWhat,
    /// Where a piece of evidence is kept.
    EvidenceHeldWhere,
    /// Who made a decision.
    DecidedBy,
    /// What was decided.
    Decision,
    /// Why it was decided.
    DecisionReason,
    /// The organisation referred to, when it is not one of the listed agencies.
    OtherAgency,
    /// The agency's reference number for a referral.
    ReferralReference,
    /// What came of a referral.
    ReferralOutcome,
    /// The date the parents or carers were told.
    ParentsToldOn,
    /// Who told the parents or carers.
    ParentsToldBy,
    /// Why the parents or carers were not told.
    ParentsNotToldWhy,
    /// The incident's outcome.
    Outcome,
    /// Any sanctions given.
    Sanctions,
    /// The lessons learnt.
    LessonsLearnt,
    /// Any changes to policy made because of the incident.
    PolicyChanges,
    /// The reviewing admin's name on the sign-off.
    SignOffName,
    /// The reason given with a change of status, such as reopening.
    StatusReason,
    /// Who made the judgement (unsuitable or illegal).
    JudgedBy,
    /// Why the incident was judged as it was.
    JudgementReason,
    /// Who did a step of the route.
    StepBy,
    /// The notes on a step of the route.
    StepDetails,
    /// The police reference number, when the police were told.
    PoliceReference,
    /// Where the evidence is secured.
    EvidenceSecuredWhere,
    /// What the police said when they responded.
    PoliceOutcome,
    /// Whether the police found illegal material or activity.
    IllegalFound,
    /// The action and sanctions decided on the unsuitable route.
    ActionAndSanctions,
    /// Who viewed an image, or decided not to.
    ViewedBy,
    /// Why someone other than the DSL viewed an image.
    WhyNotTheDsl,
    /// Why an image had to be viewed.
    ViewingJustification,
    /// Who else was present when an image was viewed.
    OthersPresent,
    /// What happened to the device after an image was viewed.
    DeviceAfterViewing,
    /// Why an image was not viewed.
    ReasonNotViewed,
    /// The name of an attached evidence file.
    FileName,
    /// Why an evidence file is being opened.
    OpeningReason,
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
            IncidentField::JudgedBy => "who made the judgement",
            IncidentField::JudgementReason => "the reason for the judgement",
            IncidentField::StepBy => "who did this step",
            IncidentField::StepDetails => "the notes on this step",
            IncidentField::PoliceReference => "the police reference number",
            IncidentField::EvidenceSecuredWhere => "where the evidence is secured",
            IncidentField::PoliceOutcome => "what the police said",
            IncidentField::IllegalFound => "whether the police found illegal material or activity",
            IncidentField::ActionAndSanctions => "the action and sanctions decided",
            IncidentField::ViewedBy => "who viewed the image, or decided not to",
            IncidentField::WhyNotTheDsl => "why someone other than the DSL viewed it",
            IncidentField::ViewingJustification => "why it had to be viewed",
            IncidentField::OthersPresent => "who else was present",
            IncidentField::DeviceAfterViewing => "what happened to the device",
            IncidentField::ReasonNotViewed => "why it was not viewed",
            IncidentField::FileName => "the file's name",
            IncidentField::OpeningReason => "why you are opening this file",
        })
    }
}

/// A date on the incident forms that a refusal is about, as the message starts with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentDate {
    /// The date the incident happened.
    Occurred,
    /// The date it was reported.
    Reported,
    /// The date an action was taken.
    Action,
    /// The date a decision was made.
    Decision,
    /// The date of a referral.
    Referral,
    /// The date the parents or carers were told.
    ParentsTold,
    /// The date of the reviewing admin's sign-off.
    SignOff,
    /// The date of the judgement.
    Judgement,
    /// The date a step of the route was done.
    Step,
    /// The date an image was viewed, or the decision not to view it was made.
    ImageViewing,
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
            IncidentDate::Judgement => "The date of the judgement",
            IncidentDate::Step => "The date of the step",
            IncidentDate::ImageViewing => "The date of the viewing decision",
        })
    }
}

/// Why an incident could not be saved, read or shown. Each says what to do next in plain words, and
/// none names a person or repeats what was written.
#[derive(Debug, thiserror::Error)]
pub enum IncidentError {
    /// No such incident, or it is restricted and this actor is not on its access list.
    #[error("That incident was not found, or you do not have access to it.")]
    NotFound,
    /// The entry to amend is not in this incident.
    #[error("That entry was not found in this incident.")]
    EntryNotFound,
    /// A required box was left empty.
    #[error("Enter {0}.")]
    Missing(IncidentField),
    /// A box holds more characters than its limit.
    #[error("Shorten {field} to {max} characters or fewer.")]
    TooLong {
        /// The box that is too long.
        field: IncidentField,
        /// Its limit, in characters.
        max: usize,
    },
    /// A date is later than today (the UK date).
    #[error("{0} cannot be in the future.")]
    DateInFuture(IncidentDate),
    /// The report says it was reported before it happened.
    #[error("The date it was reported cannot be before the date it happened.")]
    ReportedBeforeOccurred,
    /// The time it happened is not `HH:MM`.
    #[error("Enter the time as hours and minutes, like 14:30.")]
    TimeUnreadable,
    /// A person involved is linked to an id that is not in the people register.
    #[error("That person is not in the register.")]
    PersonNotInRegister,
    /// `add_entry` was given a report or a status change, which have their own ways in.
    #[error("An incident has one report; correct it with an amendment. Change the status with the status buttons.")]
    NotAnEntryToAdd,
    /// The entry being amended is a change of status, which is never amended.
    #[error("A change of status cannot be amended; change the status again.")]
    StatusCannotBeAmended,
    /// A closed incident is being reopened without a reason.
    #[error("Say why the incident is being reopened.")]
    ReopenNeedsReason,
    /// The trends period ends before it starts.
    #[error("The end of the period must be after its start.")]
    PeriodBackwards,
    /// The database holds a category this version cannot read (written by a newer version, or damaged).
    #[error("A stored incident has a category this version does not know.")]
    UnknownStoredCategory,
    /// The database holds a kind of incident this version cannot read (written by a newer version,
    /// or damaged).
    #[error("A stored incident has a kind this version does not know.")]
    UnknownStoredKind,
    /// A concern from the signing station carries a handed-in time that cannot be read as a UK date.
    #[error("The time it was handed in could not be read.")]
    SubmissionTimeUnreadable,
    /// A saved entry's JSON in the database could not be read back.
    #[error("A stored incident entry could not be read.")]
    StoredEntryUnreadable,
    /// The incident is closed, so it takes no new entries or amendments until it is reopened.
    #[error("This incident is closed. Reopen it, saying why, before adding to it or correcting it.")]
    Closed,
    /// The amendment is a different kind of entry from the one it corrects.
    #[error("An amendment must correct an entry of the same kind.")]
    AmendmentKindMismatch,
    /// An amendment was given no reason.
    #[error("Say why you are making this correction.")]
    AmendmentNeedsReason,
    /// Closing was refused; holds what is still missing (the outcome, the sign-off), as the message
    /// lists them.
    #[error("To close this incident, add {}.", .0.join(", "))]
    CannotClose(Vec<&'static str>),
    /// The move between statuses is not allowed; holds why, in words that finish the message.
    #[error("That change of status is not possible: {0}.")]
    BadTransition(&'static str),
    /// Restricting the incident would leave no admin who can see it, or would shut out the admin doing it.
    #[error("A restricted incident needs at least one admin who can see it, including you.")]
    AccessNeedsYou,
    /// A file was offered as evidence for an incident where an image may be indecent.
    #[error(
        "Safekeeper never stores images or files for this kind of incident, because an image in it may be \
         indecent and must not be saved or copied. Describe the evidence and where it is held instead."
    )]
    ImagesNeverStored,
    /// An evidence file was over `MAX_EVIDENCE_BYTES`.
    #[error("That file is too large. Attach a file of 5 MB or less.")]
    FileTooLarge,
    /// An evidence file was not a PNG or JPEG picture or a PDF.
    #[error("Attach a PNG or JPEG picture or a PDF. Other kinds of file cannot be stored.")]
    FileWrongType,
    /// No such file is attached to this incident.
    #[error("That file is not attached to this incident.")]
    FileNotFound,
    /// The uploaded file's base64 text could not be decoded.
    #[error("The file could not be read. Choose it again.")]
    FileUnreadable,
    /// No line of the filtering log has that id.
    #[error("That line of the filtering log was not found.")]
    FilteringNotFound,
    /// Only a breach in the filtering log can be recorded as an incident, not a change.
    #[error("Only a breach can be recorded as an incident. This line logs a change.")]
    FilteringNotABreach,
    /// The breach was recorded as an incident already.
    #[error("This breach has already been recorded as an incident. Open that incident instead.")]
    FilteringAlreadyRecorded,
    /// The database could not be read or written.
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
            IncidentError::ImagesNeverStored => ErrorCode::IncidentImagesNeverStored,
            IncidentError::FileTooLarge => ErrorCode::IncidentFileTooLarge,
            IncidentError::FileWrongType | IncidentError::FileUnreadable => ErrorCode::IncidentFileWrongType,
            IncidentError::FilteringNotFound => ErrorCode::IncidentNotFound,
            IncidentError::FilteringNotABreach | IncidentError::FilteringAlreadyRecorded => {
                ErrorCode::IncidentFilteringBreach
            }
            IncidentError::FileNotFound => ErrorCode::IncidentFileNotFound,
            IncidentError::Store(e) => e.code(),
        }
    }
}

#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod tests;
