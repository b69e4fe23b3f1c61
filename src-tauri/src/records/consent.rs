//! Image consent: who may appear in photographs and video, for which uses, who gave the consent
//! and until when; withdrawals (never deletions); the log of where images were published and the
//! take-down list that follows a withdrawal or expiry; and the point-of-use check ("can I use this
//! photo of these people here?"). Owns the rules that decide yes or no (see `rules`). Does not own
//! printing (see `forms::consent`) or the signing station's form (see `kiosk`).

mod check;
mod groups;
mod printed;
mod publications;
pub mod rules;
mod settings;
mod store;
pub mod wording;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::store::StoreError;
pub use check::{check, publish_checked, CheckQuestion};
pub use groups::{
    add_group_member, group_members, groups, groups_of_person, remove_group_member, save_group, GroupSummary,
};
pub use printed::{note_printed, PrintedConsent};
pub use publications::{
    add_publication, publications, record_takedown, takedown_list, takedowns_for_person, Publication, PublicationDraft,
    PublicationPerson, TakedownDone, TakedownItem,
};
pub use rules::{CheckAnswer, PersonAnswer, Reason};
pub use settings::{add_social_account, consent_settings, retire_social_account, save_consent_settings};
pub use store::current_uses;
pub use store::{
    confirm, for_person, get, history_for_person, insert_from_station, mark_png, record, statuses, unconfirmed,
    withdraw, PersonConsentStatus, StationConsent,
};

/// The fixed uses; each social media account is a use of its own (`social:<account id>`).
pub const FIXED_USES: [&str; 5] = ["website", "print", "press", "display", "video"];

/// Whether a use key is one the records know the shape of: a fixed use, or a social account.
pub fn is_use_key(key: &str) -> bool {
    FIXED_USES.contains(&key) || key.strip_prefix("social:").is_some_and(|id| !id.is_empty() && id.len() <= 64)
}

/// Uses that stay on show after the day they were published, so an expired consent still means
/// taking the image down. Printed material and press coverage cannot be recalled once out.
pub fn is_ongoing_use(key: &str) -> bool {
    !matches!(key, "print" | "press")
}

/// Who gave the consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "ConsentGiver")]
pub enum Giver {
    /// The person in the images.
    #[serde(rename = "self")]
    Myself,
    ParentCarer,
}

impl Giver {
    pub fn as_str(self) -> &'static str {
        match self {
            Giver::Myself => "self",
            Giver::ParentCarer => "parentCarer",
        }
    }

    pub fn from_stored(text: &str) -> Giver {
        if text == "parentCarer" {
            Giver::ParentCarer
        } else {
            Giver::Myself
        }
    }
}

/// How the consent reached the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "ConsentMethod")]
pub enum Method {
    SigningStation,
    PaperForm,
    Email,
    /// Said aloud; a witness is named.
    Verbal,
}

impl Method {
    pub const ALL: [Method; 4] = [Method::SigningStation, Method::PaperForm, Method::Email, Method::Verbal];

    pub fn as_str(self) -> &'static str {
        match self {
            Method::SigningStation => "signingStation",
            Method::PaperForm => "paperForm",
            Method::Email => "email",
            Method::Verbal => "verbal",
        }
    }

    pub fn from_stored(text: &str) -> Method {
        Self::ALL.into_iter().find(|m| m.as_str() == text).unwrap_or(Method::PaperForm)
    }

    pub fn label(self) -> &'static str {
        match self {
            Method::SigningStation => "At the signing station",
            Method::PaperForm => "Paper form",
            Method::Email => "Email",
            Method::Verbal => "Spoken, with a witness",
        }
    }
}

/// One use the form asked about, with the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UseAnswer {
    /// `website`, `print`, `press`, `display`, `video` or `social:<account id>`.
    pub use_key: String,
    pub allowed: bool,
}

/// What the admin records from a paper form, an email or a spoken consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentDraft {
    pub person_id: String,
    pub giver: Giver,
    /// The parent or carer's name; ignored when the person consents for themselves.
    pub giver_name: String,
    /// The parent or carer's relationship to the person, such as "Mother" or "Foster carer".
    pub relationship: Option<String>,
    /// The parent or carer has parental responsibility.
    pub parental_responsibility: bool,
    /// Why a 16 or 17 year old was judged able to decide for themselves.
    pub judgement: Option<String>,
    pub method: Method,
    /// Who heard a spoken consent.
    pub witness: Option<String>,
    #[ts(type = "string")]
    pub given_on: NaiveDate,
    pub form_version: String,
    /// `None` takes the default period from settings.
    #[ts(type = "string | null")]
    pub expires_on: Option<NaiveDate>,
    pub answers: Vec<UseAnswer>,
    pub name_with_image: bool,
    pub notes: Option<String>,
}

/// A consent as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImageConsent {
    pub id: String,
    /// Empty only while a signing-station consent waits for an admin to say who it is about.
    pub person_id: Option<String>,
    /// The name as given on the form.
    pub about_name: String,
    pub giver: Giver,
    pub giver_name: String,
    pub relationship: Option<String>,
    pub parental_responsibility: bool,
    pub judgement: Option<String>,
    pub method: Method,
    pub witness: Option<String>,
    #[ts(type = "string")]
    pub given_on: NaiveDate,
    pub form_version: String,
    #[ts(type = "string")]
    pub expires_on: NaiveDate,
    pub answers: Vec<UseAnswer>,
    pub name_with_image: bool,
    pub notes: Option<String>,
    /// Given at the signing station and not yet confirmed by an admin.
    pub self_declared: bool,
    pub receipt: Option<String>,
    pub has_drawn_mark: bool,
    pub typed_mark: Option<String>,
    pub withdrawal: Option<Withdrawal>,
    pub created_at: String,
}

impl ImageConsent {
    /// The answer the form gave for a use; `None` when it did not ask.
    pub fn answer(&self, use_key: &str) -> Option<bool> {
        self.answers.iter().find(|a| a.use_key == use_key).map(|a| a.allowed)
    }
}

/// A withdrawal: when, how it was said, and who recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "ConsentWithdrawal")]
pub struct Withdrawal {
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// How it was said: in person, by email, by phone, at the signing station, in a letter.
    pub how: String,
    /// Filled in by the records (the admin's name); ignored when asking to withdraw.
    #[serde(default)]
    pub recorded_by: String,
    pub note: Option<String>,
}

/// Settings for image consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentSettings {
    /// How long a consent lasts unless the form says otherwise: 12 for a year, 60 for five years.
    pub default_months: u32,
    /// The age from which a young person may give their own consent (16 by default). From this
    /// age to 17 a judgement that they understand must be written down; under it a parent or
    /// carer with parental responsibility must consent.
    pub own_consent_age: u32,
    pub social_accounts: Vec<SocialAccount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SocialAccount {
    pub id: String,
    /// Such as "Instagram @riversideyouth".
    pub name: String,
    pub retired: bool,
}

pub const MIN_MONTHS: u32 = 1;
pub const MAX_MONTHS: u32 = 120;
pub const MIN_OWN_AGE: u32 = 12;
pub const MAX_OWN_AGE: u32 = 18;
/// The longest note, judgement or description.
pub const MAX_TEXT: usize = 2_000;

/// A box on the consent, publication and take-down forms that a refusal is about. Shows as the
/// words the "too long" message starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentField {
    Description,
    TakenDownBy,
    CannotRemoveWhy,
    Note,
    Judgement,
    Witness,
    Relationship,
    FormVersion,
    WithdrawnHow,
}

impl ConsentField {
    /// What to do when the box is left empty.
    fn missing(self) -> &'static str {
        match self {
            ConsentField::Description => "Describe what was published, such as \"Summer trip, news page\".",
            ConsentField::TakenDownBy => "Say who took the image down.",
            ConsentField::CannotRemoveWhy => {
                "Say why the image cannot be removed, such as \"printed newsletter, already sent\"."
            }
            ConsentField::Note => "Enter the note.",
            ConsentField::Judgement => "Record the judgement.",
            ConsentField::Witness => "Name the witness who heard the consent given aloud.",
            ConsentField::Relationship => {
                "Say how the parent or carer is related to the person, such as mother or foster carer."
            }
            ConsentField::FormVersion => "Say which version of the consent form was used.",
            ConsentField::WithdrawnHow => "Say how the consent was withdrawn, such as by email or in person.",
        }
    }
}

impl std::fmt::Display for ConsentField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ConsentField::Description => "The description",
            ConsentField::TakenDownBy => "Who took it down",
            ConsentField::CannotRemoveWhy => "The note",
            ConsentField::Note => "The note",
            ConsentField::Judgement => "The judgement",
            ConsentField::Witness => "The witness's name",
            ConsentField::Relationship => "The relationship",
            ConsentField::FormVersion => "The form version",
            ConsentField::WithdrawnHow => "How it was withdrawn",
        })
    }
}

/// A date on the consent forms that a refusal is about, as the message starts with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentDate {
    Given,
    Published,
    TakenDown,
    Withdrawn,
}

impl std::fmt::Display for ConsentDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ConsentDate::Given => "The date consent was given",
            ConsentDate::Published => "The date it was published",
            ConsentDate::TakenDown => "The date",
            ConsentDate::Withdrawn => "The date of the withdrawal",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConsentError {
    #[error("That consent record was not found.")]
    NotFound,
    #[error("That person was not found, or has been archived. Refresh the list and choose again.")]
    PersonNotFound,
    #[error("{}", .0.missing())]
    Missing(ConsentField),
    #[error("{field} is too long: keep it under {max} characters.")]
    TooLong { field: ConsentField, max: usize },
    #[error("{0} cannot be in the future.")]
    DateInFuture(ConsentDate),
    #[error("Answer yes or no for at least one use.")]
    NoAnswers,
    #[error("One of the uses is not one Safekeeper knows. Reload the form.")]
    UnknownUse,
    #[error("Choose where the image was used.")]
    PublicationUseMissing,
    #[error("Choose where the image will be used.")]
    CheckUseMissing,
    #[error("The link must be a single web address with no spaces.")]
    LinkNotAnAddress,
    #[error("Choose the people who appear in the image.")]
    NoPeopleChosen,
    #[error("This take-down has already been ticked off.")]
    TakedownAlreadyDone,
    #[error("Name the group, such as \"Tuesday youth club\" (up to {max} characters).")]
    GroupNameLength { max: usize },
    #[error("Name the account as people know it, such as Instagram @riversideyouth (up to {max} characters).")]
    AccountNameLength { max: usize },
    #[error("That account is already listed.")]
    AccountAlreadyListed,
    #[error("That account was not found, or is already retired.")]
    AccountNotFound,
    #[error("A consent must last from {min} to {max} months. 12 is one year; 60 is five years.")]
    DefaultMonthsOutOfRange { min: u32, max: u32 },
    #[error("The age a young person may consent for themselves must be from {min} to {max}.")]
    OwnConsentAgeOutOfRange { min: u32, max: u32 },
    #[error("Enter the full name of the parent or carer who gave consent.")]
    GiverNameNotFull,
    #[error("Consents from the signing station arrive by themselves. Choose paper form, email or spoken.")]
    StationMethodByHand,
    /// The default length of a consent runs past the last date the calendar holds.
    #[error("Check the date consent was given.")]
    GivenOnOutOfRange,
    #[error("The expiry date must be after the date consent was given.")]
    ExpiryNotAfterGiven,
    #[error("The withdrawal cannot be earlier than the day consent was given.")]
    WithdrawnBeforeGiven,
    #[error("The date on the submission is not a real date.")]
    SubmissionDateUnreal,
    #[error("The time it was handed in could not be read.")]
    SubmissionTimeUnreadable,
    #[error("The answers could not be stored: {0}")]
    AnswersUnstorable(serde_json::Error),
    /// The consent check did not say yes for everyone, so the use was not logged.
    #[error("{summary} Nothing was logged.")]
    CheckSaysNo { summary: String },
    #[error("{0}")]
    AgeRule(String),
    #[error("This consent has already been withdrawn.")]
    AlreadyWithdrawn,
    #[error("This consent has already been confirmed.")]
    AlreadyConfirmed,
    #[error("This signing-station receipt is already in the records.")]
    DuplicateReceipt,
    #[error("That publication was not found.")]
    PublicationNotFound,
    #[error("That group was not found.")]
    GroupNotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ConsentError {
    fn from(e: rusqlite::Error) -> Self {
        ConsentError::Store(StoreError::Sqlite(e))
    }
}

impl CodedError for ConsentError {
    fn code(&self) -> ErrorCode {
        match self {
            ConsentError::NotFound => ErrorCode::ConsentNotFound,
            ConsentError::PersonNotFound => ErrorCode::ConsentPersonNotFound,
            ConsentError::Missing(_)
            | ConsentError::TooLong { .. }
            | ConsentError::DateInFuture(_)
            | ConsentError::NoAnswers
            | ConsentError::UnknownUse
            | ConsentError::PublicationUseMissing
            | ConsentError::CheckUseMissing
            | ConsentError::LinkNotAnAddress
            | ConsentError::NoPeopleChosen
            | ConsentError::TakedownAlreadyDone
            | ConsentError::GroupNameLength { .. }
            | ConsentError::AccountNameLength { .. }
            | ConsentError::AccountAlreadyListed
            | ConsentError::AccountNotFound
            | ConsentError::DefaultMonthsOutOfRange { .. }
            | ConsentError::OwnConsentAgeOutOfRange { .. }
            | ConsentError::GiverNameNotFull
            | ConsentError::StationMethodByHand
            | ConsentError::GivenOnOutOfRange
            | ConsentError::ExpiryNotAfterGiven
            | ConsentError::WithdrawnBeforeGiven
            | ConsentError::SubmissionDateUnreal
            | ConsentError::SubmissionTimeUnreadable
            | ConsentError::AnswersUnstorable(_)
            | ConsentError::CheckSaysNo { .. } => ErrorCode::ConsentInvalid,
            ConsentError::AgeRule(_) => ErrorCode::ConsentAgeRule,
            ConsentError::AlreadyWithdrawn => ErrorCode::ConsentAlreadyWithdrawn,
            ConsentError::AlreadyConfirmed => ErrorCode::ConsentAlreadyConfirmed,
            ConsentError::DuplicateReceipt => ErrorCode::ConsentDuplicateReceipt,
            ConsentError::PublicationNotFound => ErrorCode::ConsentPublicationNotFound,
            ConsentError::GroupNotFound => ErrorCode::ConsentGroupNotFound,
            ConsentError::Store(e) => e.code(),
        }
    }
}

/// The settings with the form the organisation currently uses: its version and every use it asks
/// about, in order.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentSetup {
    pub settings: ConsentSettings,
    pub form_version: String,
    pub uses: Vec<wording::UseWording>,
}

pub fn setup(conn: &rusqlite::Connection) -> Result<ConsentSetup, ConsentError> {
    let settings = consent_settings(conn)?;
    let accounts: Vec<(String, String)> =
        settings.social_accounts.iter().filter(|a| !a.retired).map(|a| (a.id.clone(), a.name.clone())).collect();
    Ok(ConsentSetup { uses: wording::all_uses(&accounts), form_version: wording::FORM_VERSION.to_owned(), settings })
}

/// Everything a person's page shows about their image consent.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonConsent {
    /// Today's answer for each use the current form asks about.
    pub status: PersonConsentStatus,
    /// Every consent, newest first.
    pub history: Vec<ImageConsent>,
    pub publications: Vec<Publication>,
    /// Images of them still to take down.
    pub takedowns: Vec<TakedownItem>,
}

pub fn person_view(conn: &rusqlite::Connection, person_id: &str, on: NaiveDate) -> Result<PersonConsent, ConsentError> {
    let person = match crate::records::people::get(conn, person_id) {
        Ok(p) => p,
        Err(crate::records::people::PeopleError::Store(e)) => return Err(e.into()),
        Err(_) => return Err(ConsentError::PersonNotFound),
    };
    let uses = current_uses(conn)?;
    let status = statuses(conn, std::slice::from_ref(&person), &uses, on)?.pop().ok_or(ConsentError::PersonNotFound)?;
    Ok(PersonConsent {
        status,
        history: history_for_person(conn, person_id)?,
        publications: publications(conn, Some(person_id))?,
        takedowns: takedown_list(conn, on, Some(person_id))?,
    })
}

/// Trims; `None` when empty.
pub(crate) fn tidy(text: Option<&str>) -> Option<String> {
    text.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
}

pub(crate) fn check_len(text: Option<&str>, field: ConsentField) -> Result<(), ConsentError> {
    if text.is_some_and(|t| t.chars().count() > MAX_TEXT) {
        return Err(ConsentError::TooLong { field, max: MAX_TEXT });
    }
    Ok(())
}

/// Whole years between a date of birth and a day: 16 on the birthday itself.
pub fn age_on(date_of_birth: NaiveDate, on: NaiveDate) -> u32 {
    on.years_since(date_of_birth).unwrap_or(0)
}

#[cfg(test)]
mod tests;
