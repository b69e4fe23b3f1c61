//! Acceptable Use Policies: one document per audience, each with numbered versions. A draft can be
//! edited; publishing freezes it for ever (the database refuses to change a published row) and
//! makes it the version people must sign. Owns AUP text, versions, content hashes, the default
//! templates and which AUPs the signing station shows. Does not own signatures or coverage (see
//! `signatures`) or printing (see `forms`).

mod contacts;
mod content;
mod templates;
mod versions;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::records::people::PersonGroup;
use crate::store::StoreError;
pub use contacts::{confirm_contacts, contacts, SafeguardingContacts};
pub use content::{content_hash, AupContent, MAX_RULES};
pub use templates::{dsl_name, seed_defaults, set_dsl_name, template};
pub use versions::{
    create, current_version, detail, discard_draft, get, list, publish, save_draft, set_kiosk_published, version,
    version_by_hash, versions,
};

/// One AUP with its published version, any draft and the version history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AupDetail {
    /// The AUP itself: its id, audience and whether the signing station offers it.
    pub aup: Aup,
    /// The version now in force; `None` until one is published.
    pub current: Option<AupVersion>,
    /// The unpublished draft; `None` when there is none.
    pub draft: Option<AupVersion>,
    /// Every version published so far, for the history list.
    pub versions: Vec<AupVersionSummary>,
}

/// Who an AUP is written for; each audience has one AUP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Audience {
    /// Paid staff, volunteers and trustees.
    StaffVolunteers,
    /// The young people and learners the organisation works with.
    YoungPeople,
    /// Parents and carers of the young people.
    ParentsCarers,
    /// Visitors to the organisation and contractors working for it.
    VisitorsContractors,
    /// Staff and volunteers who post on the organisation's official social media accounts.
    SocialMedia,
}

impl Audience {
    /// Every audience, in the order AUP lists show them.
    pub const ALL: [Audience; 5] = [
        Audience::StaffVolunteers,
        Audience::YoungPeople,
        Audience::ParentsCarers,
        Audience::VisitorsContractors,
        Audience::SocialMedia,
    ];

    /// The audience as stored in `aups.audience` and sent to the UI, e.g. `staffVolunteers`.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::StaffVolunteers => "staffVolunteers",
            Audience::YoungPeople => "youngPeople",
            Audience::ParentsCarers => "parentsCarers",
            Audience::VisitorsContractors => "visitorsContractors",
            Audience::SocialMedia => "socialMedia",
        }
    }

    /// The audience for a stored `aups.audience` value; `None` for text that names no audience.
    pub fn from_stored(text: &str) -> Option<Audience> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }

    /// The audience as the admin screens and printed forms name it, e.g. "Staff and volunteers".
    pub fn label(self) -> &'static str {
        match self {
            Audience::StaffVolunteers => "Staff and volunteers",
            Audience::YoungPeople => "Young people and learners",
            Audience::ParentsCarers => "Parents and carers",
            Audience::VisitorsContractors => "Visitors and contractors",
            Audience::SocialMedia => "Official social media use",
        }
    }

    /// The groups of people expected to sign, which AUP coverage is counted over. Official social
    /// media use is counted over staff and volunteers: they are the ones who post for the
    /// organisation.
    pub fn groups(self) -> &'static [PersonGroup] {
        match self {
            Audience::StaffVolunteers => &[PersonGroup::Staff, PersonGroup::Volunteer, PersonGroup::Trustee],
            Audience::YoungPeople => &[PersonGroup::YoungPerson],
            Audience::ParentsCarers => &[PersonGroup::ParentCarer],
            Audience::VisitorsContractors => &[PersonGroup::Visitor, PersonGroup::Contractor],
            Audience::SocialMedia => &[PersonGroup::Staff, PersonGroup::Volunteer],
        }
    }
}

/// Whether an AUP version can still be edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum VersionStatus {
    /// Not yet published: the text can still be changed or the draft discarded.
    Draft,
    /// Published: frozen for ever (the database refuses changes) and signable.
    Published,
}

/// One version of an AUP, with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AupVersion {
    /// The version's id (a UUID), as stored in `aup_versions.id`.
    pub id: String,
    /// The id (a UUID) of the AUP this is a version of.
    pub aup_id: String,
    /// Who the AUP is for.
    pub audience: Audience,
    /// The version number, counting up from 1 within its AUP.
    #[ts(type = "number")]
    pub number: i64,
    /// Whether the version is still a draft or has been published.
    pub status: VersionStatus,
    /// The version's text: title, rules and sections.
    pub content: AupContent,
    /// Hex SHA-256 of the canonical content; fixed once published.
    pub content_hash: String,
    /// When the version was first saved (RFC 3339, UTC).
    pub created_at: String,
    /// When the version was published (RFC 3339, UTC); `None` while it is a draft.
    pub published_at: Option<String>,
}

/// A version without its text, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AupVersionSummary {
    /// The version's id (a UUID), as stored in `aup_versions.id`.
    pub id: String,
    /// The version number, counting up from 1 within its AUP.
    #[ts(type = "number")]
    pub number: i64,
    /// Whether the version is still a draft or has been published.
    pub status: VersionStatus,
    /// The version's title.
    pub title: String,
    /// Hex SHA-256 of the canonical content; fixed once published.
    pub content_hash: String,
    /// When the version was published (RFC 3339, UTC); `None` while it is a draft.
    pub published_at: Option<String>,
}

/// An AUP with its current published version and its draft, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Aup {
    /// The AUP's id (a UUID), as stored in `aups.id`.
    pub id: String,
    /// Who the AUP is for.
    pub audience: Audience,
    /// Whether the signing station offers this AUP for signing.
    pub kiosk_published: bool,
    /// The newest published version, the one people must sign; `None` until one is published.
    pub current: Option<AupVersionSummary>,
    /// The draft being edited; `None` when there is none.
    pub draft: Option<AupVersionSummary>,
}

/// Why an AUP change or read failed.
#[derive(Debug, thiserror::Error)]
pub enum AupError {
    /// The title was empty, over 120 characters or more than one line.
    #[error("Enter a title of up to 120 characters on one line.")]
    InvalidTitle,
    /// There were no rules, more than 30, or a rule over 600 characters.
    #[error("An AUP needs between 1 and 30 numbered rules, each up to 600 characters.")]
    InvalidRules,
    /// The introduction, consequences, monitoring or report-concerns section was empty or over
    /// 4,000 characters.
    #[error("Fill in every section: introduction, consequences, monitoring and who to report concerns to.")]
    MissingSection,
    /// No AUP has that id.
    #[error("That AUP was not found.")]
    NotFound,
    /// No AUP version has that id (or, for a signing-station submission, that content hash).
    #[error("That AUP version was not found.")]
    VersionNotFound,
    /// The AUP has no draft to publish or discard.
    #[error("There is no draft to publish. Edit the AUP to make one.")]
    NoDraft,
    /// The draft's text is the same as the version already published.
    #[error("The draft is the same as the version already published, so there is nothing new to publish.")]
    NothingChanged,
    /// The AUP has no published version, so the signing station cannot offer it.
    #[error("Publish a version of this AUP before showing it on the signing station.")]
    NotPublished,
    /// A stored version's text no longer matches its content hash: the records were changed outside
    /// Safekeeper.
    #[error("A stored AUP version does not match its content hash. The records may have been changed outside Safekeeper: restore from a backup and tell your DSL.")]
    HashMismatch,
    /// The DSL's name was empty or over 100 characters.
    #[error("Enter the DSL's name (up to 100 characters).")]
    InvalidDslName,
    /// The chair of trustees' name was not a full name.
    #[error("Enter the chair of trustees' full name, or leave it empty.")]
    InvalidChairName,
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for AupError {
    fn from(e: rusqlite::Error) -> Self {
        AupError::Store(StoreError::Sqlite(e))
    }
}

impl CodedError for AupError {
    fn code(&self) -> ErrorCode {
        match self {
            AupError::InvalidTitle => ErrorCode::AupInvalidTitle,
            AupError::InvalidRules => ErrorCode::AupInvalidRules,
            AupError::MissingSection => ErrorCode::AupMissingSection,
            AupError::NotFound => ErrorCode::AupNotFound,
            AupError::VersionNotFound => ErrorCode::AupVersionNotFound,
            AupError::NoDraft => ErrorCode::AupNoDraft,
            AupError::NothingChanged => ErrorCode::AupNothingChanged,
            AupError::NotPublished => ErrorCode::AupNotPublished,
            AupError::HashMismatch => ErrorCode::AupHashMismatch,
            AupError::InvalidDslName => ErrorCode::AupInvalidDslName,
            AupError::InvalidChairName => ErrorCode::AupInvalidDslName,
            AupError::Store(e) => e.code(),
        }
    }
}

#[cfg(test)]
mod tests;
