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
use crate::records::attachments::UploadError;
use crate::records::people::PersonGroup;
use crate::reminders::{DueStatus, Renewal};
use crate::store::StoreError;
pub use import::{
    commit as import_commit, preview as import_preview, preview_reporting as import_preview_reporting,
    TrainingImportPreview, TrainingImportRow,
};
pub use matrix::{
    dashboard_group, due_lines, matrix, DueCount, DueLines, MatrixCell, MatrixFilter, MatrixRow, TrainingDue,
    TrainingMatrix,
};
pub use store::{
    attach_certificate, certificate, certificate_copy, courses, for_person, note_certificate_saved, record,
    remove_record, retire_course, roles_of, save_course, set_roles,
};

/// A role some training depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "PersonRole")]
pub enum Role {
    /// The designated safeguarding lead.
    Dsl,
    /// A deputy designated safeguarding lead.
    DeputyDsl,
    /// The lead for Prevent (concerns about radicalisation).
    PreventLead,
    /// The lead for data protection.
    DataProtectionLead,
}

impl Role {
    /// Every role, in the order forms list them.
    pub const ALL: [Role; 4] = [Role::Dsl, Role::DeputyDsl, Role::PreventLead, Role::DataProtectionLead];

    /// The text stored in `person_roles.role`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Dsl => "dsl",
            Role::DeputyDsl => "deputyDsl",
            Role::PreventLead => "preventLead",
            Role::DataProtectionLead => "dataProtectionLead",
        }
    }

    /// Reads the text stored in `person_roles.role` back; `None` for text this version does not know.
    pub fn from_stored(text: &str) -> Option<Role> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// The role's name as forms and the person's page show it.
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
    /// The course's id (a UUID), as stored in `courses.id`.
    pub id: String,
    /// The course's name, such as "Safeguarding basics" (2 to 120 characters, spaces tidied).
    pub name: String,
    /// How often it must be done again, or never (done once).
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
    /// The course's name; 2 to 120 characters once spaces are tidied.
    pub name: String,
    /// How often it must be done again: every 1 to 120 months, or never (done once).
    pub renewal: Renewal,
    /// The groups everyone active in must do it; repeats are dropped.
    pub required_groups: Vec<PersonGroup>,
    /// The roles whose holders must do it, whatever their group; repeats are dropped.
    pub required_roles: Vec<Role>,
}

/// One course completed by one person, with when it next falls due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingRecord {
    /// The record's id (a UUID), as stored in `training_records.id`.
    pub id: String,
    /// Who completed it: their id in the people register.
    pub person_id: String,
    /// The course completed, by its id.
    pub course_id: String,
    /// The UK date it was completed (`YYYY-MM-DD`).
    #[ts(type = "string")]
    pub completed_on: NaiveDate,
    /// Who provided the training, such as the local safeguarding partnership or "in house".
    pub provider: String,
    /// Anything else about it; `None` when there are no notes.
    pub notes: Option<String>,
    /// From the course's renewal period; `None` for a course done once.
    #[ts(type = "string | null")]
    pub next_due: Option<NaiveDate>,
    /// When it was recorded (RFC 3339, UTC).
    pub recorded_at: String,
    /// A certificate is stored with it.
    pub has_certificate: bool,
}

/// One person's roles and everything they have completed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonTraining {
    /// The roles the person holds, in a fixed order.
    pub roles: Vec<Role>,
    /// Every course they have completed, newest first.
    pub records: Vec<TrainingRecord>,
}

/// A course completed on one date by one or more people (a group session is one completion for
/// many people).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "TrainingCompletion")]
pub struct Completion {
    /// The course completed, by its id; it must not be retired.
    pub course_id: String,
    /// The UK date it was completed (`YYYY-MM-DD`); from 1 January 1990 to today.
    #[ts(type = "string")]
    pub completed_on: NaiveDate,
    /// Who provided the training (up to 200 characters), such as the local safeguarding partnership
    /// or "in house".
    pub provider: String,
    /// Anything else about it (up to 2,000 characters); `None` or empty for no notes.
    pub notes: Option<String>,
    /// The people who completed it, by their ids in the people register; at least one, none
    /// archived, repeats dropped.
    pub person_ids: Vec<String>,
}

/// A box on the course and "record training" forms that a refusal is about. Shows as the words
/// the "shorten" message uses for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingField {
    /// The course's name.
    CourseName,
    /// Who provided the training.
    Provider,
    /// The notes on a completion.
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
    /// The column of people's names, matched against the register.
    Name,
    /// The column of course names, matched against the catalogue.
    Course,
    /// The column of dates completed, written like 14/10/2026.
    DateCompleted,
    /// The column saying who provided the training.
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

/// Why a training action was refused or failed. Each message says what happened and what to do next.
#[derive(Debug, thiserror::Error)]
pub enum TrainingError {
    /// No course has that id.
    #[error("That course was not found.")]
    CourseNotFound,
    /// No training record has that id.
    #[error("That training record was not found.")]
    RecordNotFound,
    /// A person chosen is not in the register, or is archived.
    #[error("One of the people chosen was not found, or has been archived. Refresh the list and choose again.")]
    PersonNotFound,
    /// A required box was left empty (a course name also needs at least 2 characters); the message
    /// says what to enter.
    #[error("{}", .0.missing())]
    Missing(TrainingField),
    /// A box holds more characters than its limit.
    #[error("Shorten {field} to {max} characters or fewer.")]
    TooLong {
        /// The box that is too long.
        field: TrainingField,
        /// Its limit, in characters.
        max: usize,
    },
    /// The renewal period is not from 1 month to the limit.
    #[error("Enter how often the course must be renewed as a number of months from 1 to {max}, or choose \u{201c}Once only\u{201d}.")]
    RenewalOutOfRange {
        /// The longest period allowed, in months.
        max: u32,
    },
    /// A completion names nobody.
    #[error("Choose at least one person who completed the course.")]
    NoPeopleChosen,
    /// The date completed is later than today (the UK date).
    #[error("The date completed cannot be in the future.")]
    CompletedInFuture,
    /// The date completed is before 1 January 1990, which is most likely a slip in typing.
    #[error("Check the date completed: it is before 1990.")]
    CompletedBefore1990,
    /// The course is retired, so no new completions may be recorded against it.
    #[error("That course has been retired. Restore it first, or choose another.")]
    CourseRetired,
    /// The CSV file is over 5 MB or has more than 10,000 rows.
    #[error("That file is too big to be a list of training (the limit is 5 MB or 10,000 rows).")]
    ImportTooLarge,
    /// A quoted cell in the CSV file is never closed.
    #[error("A quoted cell that starts on line {line} never ends, so the file cannot be read. Check that line in your spreadsheet.")]
    ImportUnterminatedQuote {
        /// The line of the file the cell starts on, counting from 1.
        line: usize,
    },
    /// The CSV file has no rows at all.
    #[error("That file is empty. Export the list from your spreadsheet as CSV and try again.")]
    ImportEmpty,
    /// The CSV file's first row lacks a column Safekeeper needs; holds which one.
    #[error("The first row must name the columns. Safekeeper could not find a \u{201c}{0}\u{201d} column. The columns it needs are Name, Course, Date completed and Provider (Notes is optional).")]
    ImportColumnMissing(TrainingColumn),
    /// Since the preview, a person was archived, a course retired, or a row recorded another way,
    /// so nothing was imported.
    #[error("The register or the records changed since the file was checked, so nothing was imported. Choose the file again.")]
    ImportChangedSincePreview,
    /// The certificate's first bytes are not those of a PNG, a JPEG or a PDF.
    #[error("A certificate can be a PNG or JPEG image or a PDF. Choose one of those, or scan it again as a PDF.")]
    CertificateWrongType,
    /// The certificate is larger than 5 MB.
    #[error("That certificate is larger than 5 MB. Scan it at a lower resolution, or save it as a smaller PDF.")]
    CertificateTooLarge,
    /// The uploaded certificate's base64 text could not be decoded.
    #[error("The certificate could not be read. Choose the file again.")]
    CertificateUnreadable,
    /// The training record has no certificate stored with it.
    #[error("There is no certificate stored with this training record.")]
    NoCertificate,
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for TrainingError {
    fn from(e: rusqlite::Error) -> Self {
        TrainingError::Store(StoreError::Sqlite(e))
    }
}

/// A certificate that did not arrive whole is refused with the certificate's own words.
impl From<UploadError> for TrainingError {
    fn from(e: UploadError) -> Self {
        match e {
            UploadError::TooLarge => TrainingError::CertificateTooLarge,
            UploadError::Unreadable => TrainingError::CertificateUnreadable,
        }
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
            TrainingError::CertificateUnreadable => ErrorCode::TrainingCertificateUnreadable,
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

#[cfg(test)]
mod summary_tests;
