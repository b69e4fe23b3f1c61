//! Acceptable Use Policies: one document per audience, each with numbered versions. A draft can be
//! edited; publishing freezes it for ever (the database refuses to change a published row) and
//! makes it the version people must sign. Owns AUP text, versions, content hashes, the default
//! templates and which AUPs the signing station shows. Does not own signatures or coverage (see
//! `signatures`) or printing (see `forms`).

mod content;
mod templates;
mod versions;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::records::people::PersonGroup;
use crate::store::StoreError;
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
    pub aup: Aup,
    pub current: Option<AupVersion>,
    pub draft: Option<AupVersion>,
    pub versions: Vec<AupVersionSummary>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Audience {
    StaffVolunteers,
    YoungPeople,
    ParentsCarers,
    VisitorsContractors,
    SocialMedia,
}

impl Audience {
    pub const ALL: [Audience; 5] = [
        Audience::StaffVolunteers,
        Audience::YoungPeople,
        Audience::ParentsCarers,
        Audience::VisitorsContractors,
        Audience::SocialMedia,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::StaffVolunteers => "staffVolunteers",
            Audience::YoungPeople => "youngPeople",
            Audience::ParentsCarers => "parentsCarers",
            Audience::VisitorsContractors => "visitorsContractors",
            Audience::SocialMedia => "socialMedia",
        }
    }

    pub fn from_stored(text: &str) -> Option<Audience> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum VersionStatus {
    Draft,
    Published,
}

/// One version of an AUP, with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AupVersion {
    pub id: String,
    pub aup_id: String,
    pub audience: Audience,
    #[ts(type = "number")]
    pub number: i64,
    pub status: VersionStatus,
    pub content: AupContent,
    /// Hex SHA-256 of the canonical content; fixed once published.
    pub content_hash: String,
    pub created_at: String,
    pub published_at: Option<String>,
}

/// A version without its text, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AupVersionSummary {
    pub id: String,
    #[ts(type = "number")]
    pub number: i64,
    pub status: VersionStatus,
    pub title: String,
    pub content_hash: String,
    pub published_at: Option<String>,
}

/// An AUP with its current published version and its draft, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Aup {
    pub id: String,
    pub audience: Audience,
    pub kiosk_published: bool,
    pub current: Option<AupVersionSummary>,
    pub draft: Option<AupVersionSummary>,
}

#[derive(Debug, thiserror::Error)]
pub enum AupError {
    #[error("Enter a title of up to 120 characters on one line.")]
    InvalidTitle,
    #[error("An AUP needs between 1 and 30 numbered rules, each up to 600 characters.")]
    InvalidRules,
    #[error("Fill in every section: introduction, consequences, monitoring and who to report concerns to.")]
    MissingSection,
    #[error("That AUP was not found.")]
    NotFound,
    #[error("That AUP version was not found.")]
    VersionNotFound,
    #[error("There is no draft to publish. Edit the AUP to make one.")]
    NoDraft,
    #[error("The draft is the same as the version already published, so there is nothing new to publish.")]
    NothingChanged,
    #[error("Publish a version of this AUP before showing it on the signing station.")]
    NotPublished,
    #[error("A stored AUP version does not match its content hash. The records may have been changed outside Safekeeper: restore from a backup and tell your DSL.")]
    HashMismatch,
    #[error("Enter the DSL's name (up to 100 characters).")]
    InvalidDslName,
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
            AupError::Store(e) => e.code(),
        }
    }
}

#[cfg(test)]
mod tests;
