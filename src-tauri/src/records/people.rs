//! The people register: staff, volunteers, trustees, contractors, young people, parents and carers,
//! visitors. Owns who a person is (group, names, dates, contact details), the validation rules for
//! them, archiving leavers (never deleting), and the links between a young person and their parents
//! or carers. Does not own what people signed (see `signatures`) or bulk import (see
//! `people_import`).

pub(crate) mod name;
mod register;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::records::text::single_spaced_or_none;
use crate::store::StoreError;
pub use name::{display_name, name_key, validate_full_name, NameProblem};
pub(crate) use register::insert_valid;
pub use register::{
    add, archive, get, link_parent, links, list_on_station, search, set_kiosk_listed, set_kiosk_listed_for_groups,
    still_with_us, unarchive, unlink_parent, update, PersonLinks,
};

/// Which group a person is in; it decides which AUP they sign and how long their records are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PersonGroup {
    /// Paid staff.
    Staff,
    /// Volunteers.
    Volunteer,
    /// Trustees of the charity.
    Trustee,
    /// Contractors working for the organisation.
    Contractor,
    /// Young people and learners the organisation works with (a date of birth is required).
    YoungPerson,
    /// Parents and carers, who can be linked to their young people.
    ParentCarer,
    /// Visitors.
    Visitor,
}

impl PersonGroup {
    /// Every group, in the order lists and filters show them.
    pub const ALL: [PersonGroup; 7] = [
        PersonGroup::Staff,
        PersonGroup::Volunteer,
        PersonGroup::Trustee,
        PersonGroup::Contractor,
        PersonGroup::YoungPerson,
        PersonGroup::ParentCarer,
        PersonGroup::Visitor,
    ];

    /// The stored form, also the serde form.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonGroup::Staff => "staff",
            PersonGroup::Volunteer => "volunteer",
            PersonGroup::Trustee => "trustee",
            PersonGroup::Contractor => "contractor",
            PersonGroup::YoungPerson => "youngPerson",
            PersonGroup::ParentCarer => "parentCarer",
            PersonGroup::Visitor => "visitor",
        }
    }

    /// The group for a stored `people.person_group` value; `None` for text that names no group.
    pub fn from_stored(text: &str) -> Option<PersonGroup> {
        Self::ALL.into_iter().find(|g| g.as_str() == text)
    }

    /// How a group is named in plain English (screens, printed lists, import reasons).
    pub fn label(self) -> &'static str {
        match self {
            PersonGroup::Staff => "Staff",
            PersonGroup::Volunteer => "Volunteer",
            PersonGroup::Trustee => "Trustee",
            PersonGroup::Contractor => "Contractor",
            PersonGroup::YoungPerson => "Young person",
            PersonGroup::ParentCarer => "Parent or carer",
            PersonGroup::Visitor => "Visitor",
        }
    }
}

/// What the admin (or an import row) asks to save. Dates are calendar dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonDraft {
    /// The group the person is in.
    pub group: PersonGroup,
    /// The person's full name: at least a first and a last name, not only initials, up to 100
    /// characters.
    pub full_name: String,
    /// The name the person likes to be called; `None` (or blank) when they have none.
    pub preferred_name: Option<String>,
    /// Date of birth (`YYYY-MM-DD`), after 1 January 1900 and not in the future; required for a
    /// young person, `None` when not known.
    #[ts(type = "string | null")]
    pub date_of_birth: Option<NaiveDate>,
    /// The day the person started (`YYYY-MM-DD`); `None` when not known.
    #[ts(type = "string | null")]
    pub start_date: Option<NaiveDate>,
    /// The day the person left or will leave (`YYYY-MM-DD`), not before the start date; `None` when
    /// not known.
    #[ts(type = "string | null")]
    pub leave_date: Option<NaiveDate>,
    /// Email address; `None` (or blank) when not given.
    pub email: Option<String>,
    /// Phone number: 7 to 15 digits, with spaces and `+ ( ) -` allowed; `None` (or blank) when not
    /// given.
    pub phone: Option<String>,
}

/// A person as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// The person's id (a UUID), as stored in `people.id`.
    pub id: String,
    /// The group the person is in.
    pub group: PersonGroup,
    /// The person's full name, trimmed and single-spaced.
    pub full_name: String,
    /// The name the person likes to be called; `None` when they have none.
    pub preferred_name: Option<String>,
    /// Date of birth (`YYYY-MM-DD`); `None` when not known (the rules require one for a young
    /// person).
    #[ts(type = "string | null")]
    pub date_of_birth: Option<NaiveDate>,
    /// The day the person started (`YYYY-MM-DD`); `None` when not known.
    #[ts(type = "string | null")]
    pub start_date: Option<NaiveDate>,
    /// The day the person left or will leave (`YYYY-MM-DD`); `None` when not known.
    #[ts(type = "string | null")]
    pub leave_date: Option<NaiveDate>,
    /// Email address; `None` when not given.
    pub email: Option<String>,
    /// Phone number; `None` when not given.
    pub phone: Option<String>,
    /// Whether the signing station may show the person's display name; archiving turns it off.
    pub kiosk_listed: bool,
    /// When the person was archived (RFC 3339 UTC); `None` while active.
    pub archived_at: Option<String>,
    /// When the person was added (RFC 3339, UTC).
    pub created_at: String,
    /// When the person's record last changed (RFC 3339, UTC).
    pub updated_at: String,
}

impl Person {
    /// Whether the person has been archived as a leaver.
    pub fn is_archived(&self) -> bool {
        self.archived_at.is_some()
    }
}

/// Which people a search returns by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PersonStatus {
    /// People who have not been archived (the default).
    #[default]
    Active,
    /// Only archived people (leavers).
    Archived,
    /// Everyone, archived or not.
    All,
}

/// A name search with filters. An empty `text` lists everyone who passes the filters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PeopleQuery {
    /// Text to find in the full or preferred name, case-insensitive; empty matches everyone.
    pub text: String,
    /// Only people in this group; `None` for every group.
    pub group: Option<PersonGroup>,
    /// Whether to return active people, archived people or both.
    pub status: PersonStatus,
}

/// Why a change to the people register was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum PeopleError {
    /// The full name was only initials, such as two single letters.
    #[error("Enter the person's full name: first name and last name, not only initials.")]
    InitialsOnly,
    /// The full name was empty or had only one part.
    #[error("Enter the person's full name: at least a first name and a last name.")]
    InvalidName,
    /// The full name was over 100 characters or held characters other than letters, spaces,
    /// hyphens, apostrophes and full stops.
    #[error("A name can only contain letters, spaces, hyphens, apostrophes and full stops, up to 100 characters.")]
    NameCharacters,
    #[error(
        "A preferred name can only contain letters, spaces, hyphens, apostrophes and full stops, up to 100 characters."
    )]
    /// The preferred name was over 100 characters, had no letters, or held characters a name cannot
    /// have.
    InvalidPreferredName,
    /// A young person was saved without a date of birth.
    #[error("Enter the young person's date of birth: consent and how long records are kept depend on it.")]
    DateOfBirthRequired,
    /// The date of birth was in the future or before 1 January 1900.
    #[error("The date of birth must be in the past, and after 1 January 1900.")]
    DateOfBirthOutOfRange,
    /// The leaving date was before the start date.
    #[error("The leaving date must be the same as or after the start date.")]
    LeaveBeforeStart,
    /// The email address was not in the form `local@domain.tld`.
    #[error("Enter an email address in the correct format, like name@example.org.")]
    InvalidEmail,
    /// The phone number had characters other than digits, spaces and `+ ( ) -`, or not 7 to 15
    /// digits.
    #[error("Enter a phone number using digits, spaces and + ( ) - only, like 01632 960 001.")]
    InvalidPhone,
    /// No person has that id, or, when unlinking, the two were not linked.
    #[error("That person was not found.")]
    NotFound,
    /// A parent or carer was linked to someone who is not in the young person group.
    #[error("Only a young person can be linked to a parent or carer.")]
    NotAYoungPerson,
    /// Someone not in the parent or carer group was linked as a parent or carer.
    #[error("Only someone in the parent or carer group can be linked as a parent or carer.")]
    NotAParentCarer,
    #[error(
        "This person is linked to a young person or a parent or carer. Remove those links before changing their group."
    )]
    /// The person's group was changed while they still have parent or young person links.
    GroupHasLinks,
    /// Someone who has left was to be listed on the signing station.
    #[error("This person has left, so their name cannot be shown on the signing station. Restore them first.")]
    LeftCannotBeListed,
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for PeopleError {
    fn from(e: rusqlite::Error) -> Self {
        PeopleError::Store(StoreError::Sqlite(e))
    }
}

impl CodedError for PeopleError {
    fn code(&self) -> ErrorCode {
        match self {
            PeopleError::InitialsOnly => ErrorCode::PeopleInitialsOnly,
            PeopleError::InvalidName | PeopleError::NameCharacters => ErrorCode::PeopleInvalidName,
            PeopleError::InvalidPreferredName => ErrorCode::PeopleInvalidPreferredName,
            PeopleError::DateOfBirthRequired => ErrorCode::PeopleDateOfBirthRequired,
            PeopleError::DateOfBirthOutOfRange => ErrorCode::PeopleInvalidDateOfBirth,
            PeopleError::LeaveBeforeStart => ErrorCode::PeopleLeaveBeforeStart,
            PeopleError::InvalidEmail => ErrorCode::PeopleInvalidEmail,
            PeopleError::InvalidPhone => ErrorCode::PeopleInvalidPhone,
            PeopleError::NotFound => ErrorCode::PeopleNotFound,
            PeopleError::NotAYoungPerson => ErrorCode::PeopleNotAYoungPerson,
            PeopleError::NotAParentCarer => ErrorCode::PeopleNotAParentCarer,
            PeopleError::GroupHasLinks => ErrorCode::PeopleGroupHasLinks,
            PeopleError::LeftCannotBeListed => ErrorCode::PersonArchived,
            PeopleError::Store(e) => e.code(),
        }
    }
}

impl From<NameProblem> for PeopleError {
    fn from(p: NameProblem) -> Self {
        match p {
            NameProblem::InitialsOnly => PeopleError::InitialsOnly,
            NameProblem::Empty | NameProblem::OnePart => PeopleError::InvalidName,
            NameProblem::TooLong | NameProblem::BadCharacters => PeopleError::NameCharacters,
        }
    }
}

/// A draft that passed every rule, tidied for storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPerson(pub(crate) PersonDraft);

impl ValidPerson {
    /// The checked and tidied draft, ready to store.
    pub fn draft(&self) -> &PersonDraft {
        &self.0
    }
}

fn email_ok(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn phone_ok(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits) && phone.chars().all(|c| c.is_ascii_digit() || " +()-".contains(c))
}

/// Applies every rule to a draft. `today` bounds the date of birth.
pub fn validate(draft: &PersonDraft, today: NaiveDate) -> Result<ValidPerson, PeopleError> {
    let full_name = validate_full_name(&draft.full_name)?;
    let preferred_name = match draft.preferred_name.as_deref() {
        Some(p) => name::validate_preferred_name(p).map_err(|_| PeopleError::InvalidPreferredName)?,
        None => None,
    };
    if draft.group == PersonGroup::YoungPerson && draft.date_of_birth.is_none() {
        return Err(PeopleError::DateOfBirthRequired);
    }
    if let Some(dob) = draft.date_of_birth {
        let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).expect("1 January 1900 is a valid date");
        if dob > today || dob < earliest {
            return Err(PeopleError::DateOfBirthOutOfRange);
        }
    }
    if let (Some(start), Some(leave)) = (draft.start_date, draft.leave_date) {
        if leave < start {
            return Err(PeopleError::LeaveBeforeStart);
        }
    }
    let email = single_spaced_or_none(draft.email.as_deref());
    if email.as_deref().is_some_and(|e| !email_ok(e)) {
        return Err(PeopleError::InvalidEmail);
    }
    let phone = single_spaced_or_none(draft.phone.as_deref());
    if phone.as_deref().is_some_and(|p| !phone_ok(p)) {
        return Err(PeopleError::InvalidPhone);
    }
    Ok(ValidPerson(PersonDraft { full_name, preferred_name, email, phone, ..draft.clone() }))
}

#[cfg(test)]
mod tests;
