//! Staff training: the course catalogue (UK defaults the organisation can change), the roles some
//! courses depend on, each completion, and the matrix of people against the courses they must do,
//! with each cell's status in words. Owns who must do a course (by group or by role, active people
//! only) and when it next falls due (see `reminders` for the calendar rules). Does not own
//! printing (see `forms`) or the dashboard's merging of everything due (see `reminders`).

mod import;
mod matrix;
mod store;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::records::people::PersonGroup;
use crate::reminders::{DueStatus, Renewal};
use crate::store::StoreError;
pub use import::{commit as import_commit, preview as import_preview, TrainingImportPreview, TrainingImportRow};
pub use matrix::{matrix, MatrixCell, MatrixFilter, MatrixRow, TrainingDue, TrainingMatrix};
pub use store::{
    attach_certificate, certificate, courses, for_person, note_certificate_saved, record, remove_record, retire_course,
    roles_of, save_course, set_roles,
};

/// A role some training depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "PersonRole")]
pub enum Role {
    Dsl,
    DeputyDsl,
    PreventLead,
    DataProtectionLead,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Dsl, Role::DeputyDsl, Role::PreventLead, Role::DataProtectionLead];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Dsl => "dsl",
            Role::DeputyDsl => "deputyDsl",
            Role::PreventLead => "preventLead",
            Role::DataProtectionLead => "dataProtectionLead",
        }
    }

    pub fn from_stored(text: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Dsl => "Designated safeguarding lead",
            Role::DeputyDsl => "Deputy safeguarding lead",
            Role::PreventLead => "Prevent lead",
            Role::DataProtectionLead => "Data protection lead",
        }
    }
}

/// A course in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Course {
    pub id: String,
    pub name: String,
    pub renewal: Renewal,
    /// Everyone active in these groups must do it.
    pub required_groups: Vec<PersonGroup>,
    /// Everyone active holding one of these roles must do it, whatever their group.
    pub required_roles: Vec<Role>,
    /// Retired courses keep their history but are no longer required or offered.
    pub retired: bool,
}

impl Course {
    /// Whether someone in `group` holding `roles` must do this course.
    pub fn required_of(&self, group: PersonGroup, roles: &[Role]) -> bool {
        !self.retired
            && (self.required_groups.contains(&group) || roles.iter().any(|r| self.required_roles.contains(r)))
    }
}

/// A course as the admin edits it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CourseDraft {
    pub name: String,
    pub renewal: Renewal,
    pub required_groups: Vec<PersonGroup>,
    pub required_roles: Vec<Role>,
}

/// One course completed by one person, with when it next falls due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingRecord {
    pub id: String,
    pub person_id: String,
    pub course_id: String,
    #[ts(type = "string")]
    pub completed_on: NaiveDate,
    pub provider: String,
    pub notes: Option<String>,
    /// From the course's renewal period; `None` for a course done once.
    #[ts(type = "string | null")]
    pub next_due: Option<NaiveDate>,
    pub recorded_at: String,
    /// A certificate is stored with it.
    pub has_certificate: bool,
}

/// One person's roles and everything they have completed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonTraining {
    pub roles: Vec<Role>,
    pub records: Vec<TrainingRecord>,
}

/// A course completed on one date by one or more people (a group session is one completion for
/// many people).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "TrainingCompletion")]
pub struct Completion {
    pub course_id: String,
    #[ts(type = "string")]
    pub completed_on: NaiveDate,
    pub provider: String,
    pub notes: Option<String>,
    pub person_ids: Vec<String>,
}

/// A box on the course and "record training" forms that a refusal is about. Shows as the words
/// the "shorten" message uses for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingField {
    CourseName,
    Provider,
    Notes,
}

impl TrainingField {
    /// What to do when the box is left empty.
    fn missing(self) -> &'static str {
        match self {
            TrainingField::CourseName => "Enter the course name.",
            TrainingField::Provider => {
                "Enter who provided the training, such as the local safeguarding partnership or \u{201c}in house\u{201d}."
            }
            TrainingField::Notes => "Enter the notes.",
        }
    }
}

impl std::fmt::Display for TrainingField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TrainingField::CourseName => "the course name",
            TrainingField::Provider => "the provider",
            TrainingField::Notes => "the notes",
        })
    }
}

/// A column a training CSV must have, shown as its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingColumn {
    Name,
    Course,
    DateCompleted,
    Provider,
}

impl std::fmt::Display for TrainingColumn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TrainingColumn::Name => "Name",
            TrainingColumn::Course => "Course",
            TrainingColumn::DateCompleted => "Date completed",
            TrainingColumn::Provider => "Provider",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TrainingError {
    #[error("That course was not found.")]
    CourseNotFound,
    #[error("That training record was not found.")]
    RecordNotFound,
    #[error("One of the people chosen was not found, or has been archived. Refresh the list and choose again.")]
    PersonNotFound,
    #[error("{}", .0.missing())]
    Missing(TrainingField),
    #[error("Shorten {field} to {max} characters or fewer.")]
    TooLong { field: TrainingField, max: usize },
    #[error("Enter how often the course must be renewed as a number of months from 1 to {max}, or choose \u{201c}Once only\u{201d}.")]
    RenewalOutOfRange { max: u32 },
    #[error("Choose at least one person who completed the course.")]
    NoPeopleChosen,
    #[error("The date completed cannot be in the future.")]
    CompletedInFuture,
    #[error("Check the date completed: it is before 1990.")]
    CompletedBefore1990,
    #[error("That course has been retired. Restore it first, or choose another.")]
    CourseRetired,
    #[error("That file is too big to be a list of training (the limit is 5 MB or 10,000 rows).")]
    ImportTooLarge,
    #[error("A quoted cell that starts on line {line} never ends, so the file cannot be read. Check that line in your spreadsheet.")]
    ImportUnterminatedQuote { line: usize },
    #[error("That file is empty. Export the list from your spreadsheet as CSV and try again.")]
    ImportEmpty,
    #[error("The first row must name the columns. Safekeeper could not find a \u{201c}{0}\u{201d} column. The columns it needs are Name, Course, Date completed and Provider (Notes is optional).")]
    ImportColumnMissing(TrainingColumn),
    #[error("The register or the records changed since the file was checked, so nothing was imported. Choose the file again.")]
    ImportChangedSincePreview,
    #[error("A certificate can be a PNG or JPEG image or a PDF. Choose one of those, or scan it again as a PDF.")]
    CertificateWrongType,
    #[error("That certificate is larger than 5 MB. Scan it at a lower resolution, or save it as a smaller PDF.")]
    CertificateTooLarge,
    #[error("There is no certificate stored with this training record.")]
    NoCertificate,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for TrainingError {
    fn from(e: rusqlite::Error) -> Self {
        TrainingError::Store(StoreError::Sqlite(e))
    }
}

impl CodedError for TrainingError {
    fn code(&self) -> ErrorCode {
        match self {
            TrainingError::CourseNotFound => ErrorCode::TrainingCourseNotFound,
            TrainingError::RecordNotFound => ErrorCode::TrainingRecordNotFound,
            TrainingError::PersonNotFound => ErrorCode::TrainingPersonNotFound,
            TrainingError::Missing(_)
            | TrainingError::TooLong { .. }
            | TrainingError::RenewalOutOfRange { .. }
            | TrainingError::NoPeopleChosen
            | TrainingError::CompletedInFuture
            | TrainingError::CompletedBefore1990
            | TrainingError::CourseRetired
            | TrainingError::ImportTooLarge
            | TrainingError::ImportUnterminatedQuote { .. }
            | TrainingError::ImportEmpty
            | TrainingError::ImportColumnMissing(_)
            | TrainingError::ImportChangedSincePreview => ErrorCode::TrainingInvalid,
            TrainingError::CertificateWrongType => ErrorCode::TrainingCertificateWrongType,
            TrainingError::CertificateTooLarge => ErrorCode::TrainingCertificateTooLarge,
            TrainingError::NoCertificate => ErrorCode::TrainingNoCertificate,
            TrainingError::Store(e) => e.code(),
        }
    }
}

/// Where a person stands on a course today: `None` when they need not do it (a completion of a
/// course they need not do is kept and shown, but never falls due).
pub fn status(required: bool, next_due: Option<NaiveDate>, done: bool, today: NaiveDate) -> Option<DueStatus> {
    match (required, done) {
        (false, _) => None,
        (true, false) => Some(DueStatus::NeverDone),
        (true, true) => Some(DueStatus::of(next_due, today)),
    }
}

#[cfg(test)]
mod tests;
