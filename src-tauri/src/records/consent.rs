//! Image consent: who may appear in photographs and video, for which uses, who gave the consent
//! and until when; withdrawals (never deletions); the log of where images were published and the
//! take-down list that follows a withdrawal or expiry; and the point-of-use check ("can I use this
//! photo of these people here?"). Owns the rules that decide yes or no (see `rules`). Does not own
//! printing (see `forms::consent`) or the signing station's form (see `kiosk`).

mod check;
mod groups;
mod printed;
mod publications;
mod renewals;
pub mod rules;
mod settings;
mod store;
pub mod wording;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CodedError, ErrorCode};
use crate::store::StoreError;
pub use check::{check, publish_checked, CheckQuestion};
pub use groups::{
    add_group_member, group_members, groups, groups_of_person, remove_group_member, save_group, set_group_member,
    GroupSummary,
};
pub use printed::{note_printed, PrintedConsent};
pub use publications::{
    add_publication, publications, record_takedown, takedown_count, takedown_list, takedown_page, takedowns_for_person,
    Publication, PublicationDraft, PublicationPerson, TakedownCount, TakedownDone, TakedownItem, TAKEDOWN_COUNT_CAP,
};
pub use renewals::{renewals, ConsentDue};
pub use rules::{CheckAnswer, NameAnswer, PersonAnswer, Reason};
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
    /// A parent or carer, on the person's behalf.
    ParentCarer,
}

impl Giver {
    /// The text stored in `image_consents.giver` (`self` or `parentCarer`).
    pub fn as_str(self) -> &'static str {
        match self {
            Giver::Myself => "self",
            Giver::ParentCarer => "parentCarer",
        }
    }

    /// Reads the text stored in `image_consents.giver` back; anything but `parentCarer` reads as
    /// the person themselves.
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
    /// Given at the signing station, self-declared until an admin confirms it.
    SigningStation,
    /// Written on a paper form and recorded by an admin.
    PaperForm,
    /// Sent by email and recorded by an admin.
    Email,
    /// Said aloud; a witness is named.
    Verbal,
}

impl Method {
    /// Every method, in the order forms list them.
    pub const ALL: [Method; 4] = [Method::SigningStation, Method::PaperForm, Method::Email, Method::Verbal];

    /// The text stored in `image_consents.method`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::SigningStation => "signingStation",
            Method::PaperForm => "paperForm",
            Method::Email => "email",
            Method::Verbal => "verbal",
        }
    }

    /// Reads the text stored in `image_consents.method` back; text this version does not know reads
    /// as a paper form.
    pub fn from_stored(text: &str) -> Method {
        Self::ALL.into_iter().find(|m| m.as_str() == text).unwrap_or(Method::PaperForm)
    }

    /// The method as the forms and the person's page show it.
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
    /// True for yes (they may appear in images used this way), false for no.
    pub allowed: bool,
}

/// What the admin records from a paper form, an email or a spoken consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentDraft {
    /// The person the consent is about: their id in the people register; they must not be archived.
    pub person_id: String,
    /// Whether the person consented themselves or a parent or carer did.
    pub giver: Giver,
    /// The parent or carer's name; ignored when the person consents for themselves.
    pub giver_name: String,
    /// The parent or carer's relationship to the person, such as "Mother" or "Foster carer".
    pub relationship: Option<String>,
    /// The parent or carer has parental responsibility.
    pub parental_responsibility: bool,
    /// Why a 16 or 17 year old was judged able to decide for themselves.
    pub judgement: Option<String>,
    /// How the consent reached the organisation; never the signing station, whose consents arrive
    /// by themselves.
    pub method: Method,
    /// Who heard a spoken consent.
    pub witness: Option<String>,
    /// The UK date consent was given (`YYYY-MM-DD`); not in the future.
    #[ts(type = "string")]
    pub given_on: NaiveDate,
    /// The version of the consent form used, such as `Image consent form 2026-1` (up to 120 characters).
    pub form_version: String,
    /// `None` takes the default period from settings.
    #[ts(type = "string | null")]
    pub expires_on: Option<NaiveDate>,
    /// The yes or no for each use the form asked about; at least one, and no use twice.
    pub answers: Vec<UseAnswer>,
    /// Whether the person's name may appear with an image of them.
    pub name_with_image: bool,
    /// Conditions or notes written on the consent (up to 2,000 characters), such as "photograph
    /// alone only"; shown with every yes the check gives.
    pub notes: Option<String>,
}

/// A consent as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImageConsent {
    /// The consent's id (a UUID), as stored in `image_consents.id`.
    pub id: String,
    /// Empty only while a signing-station consent waits for an admin to say who it is about.
    pub person_id: Option<String>,
    /// The name as given on the form.
    pub about_name: String,
    /// Whether the person consented themselves or a parent or carer did.
    pub giver: Giver,
    /// Who gave it: the parent or carer's full name, or the person's own name when they consented themselves.
    pub giver_name: String,
    /// The parent or carer's relationship to the person; `None` when the person consented themselves.
    pub relationship: Option<String>,
    /// True when the parent or carer who gave it has parental responsibility.
    pub parental_responsibility: bool,
    /// The written judgement that a young person under 18 understood what they agreed to; `None`
    /// when none was written or a parent or carer consented.
    pub judgement: Option<String>,
    /// How the consent reached the organisation.
    pub method: Method,
    /// Who heard a spoken consent; `None` for any other method.
    pub witness: Option<String>,
    /// The UK date consent was given (`YYYY-MM-DD`).
    #[ts(type = "string")]
    pub given_on: NaiveDate,
    /// The version of the consent form it was given against.
    pub form_version: String,
    /// The first UK day it no longer counts (`YYYY-MM-DD`): the check says no from this day on.
    #[ts(type = "string")]
    pub expires_on: NaiveDate,
    /// The yes or no for each use the form asked about.
    pub answers: Vec<UseAnswer>,
    /// Whether the person's name may appear with an image of them.
    pub name_with_image: bool,
    /// Conditions or notes written on the consent; shown with every yes the check gives.
    pub notes: Option<String>,
    /// Given at the signing station and not yet confirmed by an admin.
    pub self_declared: bool,
    /// The signing station's receipt number; `None` when an admin recorded it.
    pub receipt: Option<String>,
    /// True when a signature was drawn at the signing station (read it with `mark_png`).
    pub has_drawn_mark: bool,
    /// The name typed as a signature at the signing station; `None` when one was drawn or an admin
    /// recorded it.
    pub typed_mark: Option<String>,
    /// When and how it was withdrawn; `None` while it stands.
    pub withdrawal: Option<Withdrawal>,
    /// When it was recorded (RFC 3339, UTC).
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
    /// The UK date the withdrawal takes effect (`YYYY-MM-DD`); not in the future, nor before
    /// consent was given.
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// How it was said: in person, by email, by phone, at the signing station, in a letter.
    pub how: String,
    /// Filled in by the records (the admin's name); ignored when asking to withdraw.
    #[serde(default)]
    pub recorded_by: String,
    /// Anything else about the withdrawal (up to 2,000 characters); `None` when there is nothing.
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
    /// The organisation's social media accounts, retired ones included, oldest first.
    pub social_accounts: Vec<SocialAccount>,
}

/// One of the organisation's social media accounts; the consent form asks about each as a use of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SocialAccount {
    /// The account's id (a UUID); its use key is `social:<id>`.
    pub id: String,
    /// Such as "Instagram @riversideyouth".
    pub name: String,
    /// True when new forms no longer ask about it; consents that name it keep it.
    pub retired: bool,
}

/// The shortest default length of a consent, in months.
pub const MIN_MONTHS: u32 = 1;
/// The longest default length of a consent, in months (ten years).
pub const MAX_MONTHS: u32 = 120;
/// The lowest age that may be set for a young person to consent for themselves.
pub const MIN_OWN_AGE: u32 = 12;
/// The highest age that may be set for a young person to consent for themselves.
pub const MAX_OWN_AGE: u32 = 18;
/// The longest note, judgement or description.
pub const MAX_TEXT: usize = 2_000;

/// A box on the consent, publication and take-down forms that a refusal is about. Shows as the
/// words the "too long" message starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentField {
    /// What was published, on the publications log.
    Description,
    /// Who took an image down, on the take-down list.
    TakenDownBy,
    /// Why an image cannot be removed (the take-down note when it did not come down).
    CannotRemoveWhy,
    /// A note on a consent, a withdrawal or a take-down.
    Note,
    /// The written judgement that a young person understood what they agreed to.
    Judgement,
    /// Who heard a spoken consent.
    Witness,
    /// The parent or carer's relationship to the person.
    Relationship,
    /// The version of the consent form used.
    FormVersion,
    /// How a consent was withdrawn.
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
    /// The date consent was given.
    Given,
    /// The date an image was published.
    Published,
    /// The date an image was taken down, or found impossible to remove.
    TakenDown,
    /// The date a consent was withdrawn.
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

/// Why an image-consent action was refused or failed. Each message says what happened and what to do next.
#[derive(Debug, thiserror::Error)]
pub enum ConsentError {
    /// No consent record has that id.
    #[error("That consent record was not found.")]
    NotFound,
    /// The person is not in the register, or is archived where an active person is needed.
    #[error("That person was not found, or has been archived. Refresh the list and choose again.")]
    PersonNotFound,
    /// A required box was left empty; the message says what to enter.
    #[error("{}", .0.missing())]
    Missing(ConsentField),
    /// A box holds more characters than its limit.
    #[error("{field} is too long: keep it under {max} characters.")]
    TooLong {
        /// The box that is too long.
        field: ConsentField,
        /// Its limit, in characters.
        max: usize,
    },
    /// A date is later than today (the UK date).
    #[error("{0} cannot be in the future.")]
    DateInFuture(ConsentDate),
    /// The consent gives no answer for any use.
    #[error("Answer yes or no for at least one use.")]
    NoAnswers,
    /// An answer names a use that is neither a fixed use nor a social account, or names one twice.
    #[error("One of the uses is not one Safekeeper knows. Reload the form.")]
    UnknownUse,
    /// A publication was logged without a use Safekeeper knows.
    #[error("Choose where the image was used.")]
    PublicationUseMissing,
    /// The check was asked about without a use Safekeeper knows.
    #[error("Choose where the image will be used.")]
    CheckUseMissing,
    /// A publication's link has a space in it or is longer than 2,000 characters.
    #[error("The link must be a single web address with no spaces.")]
    LinkNotAnAddress,
    /// A publication was logged with nobody in it.
    #[error("Choose the people who appear in the image.")]
    NoPeopleChosen,
    /// That person's take-down from that publication is already ticked off.
    #[error("This take-down has already been ticked off.")]
    TakedownAlreadyDone,
    /// A group's name is empty or longer than its limit.
    #[error("Name the group, such as \"Tuesday youth club\" (up to {max} characters).")]
    GroupNameLength {
        /// The limit, in characters.
        max: usize,
    },
    /// A social media account's name is empty or longer than its limit.
    #[error("Name the account as people know it, such as Instagram @riversideyouth (up to {max} characters).")]
    AccountNameLength {
        /// The limit, in characters.
        max: usize,
    },
    /// An account still offered on forms already has that name (ignoring case).
    #[error("That account is already listed.")]
    AccountAlreadyListed,
    /// No account still offered on forms has that id.
    #[error("That account was not found, or is already retired.")]
    AccountNotFound,
    /// The default length of a consent is outside the allowed range.
    #[error("A consent must last from {min} to {max} months. 12 is one year; 60 is five years.")]
    DefaultMonthsOutOfRange {
        /// The shortest length allowed, in months.
        min: u32,
        /// The longest length allowed, in months.
        max: u32,
    },
    /// The age from which a young person may consent for themselves is outside the allowed range.
    #[error("The age a young person may consent for themselves must be from {min} to {max}.")]
    OwnConsentAgeOutOfRange {
        /// The lowest age allowed, in years.
        min: u32,
        /// The highest age allowed, in years.
        max: u32,
    },
    /// The parent or carer's name is not a full name as the people register would accept it.
    #[error("Enter the full name of the parent or carer who gave consent.")]
    GiverNameNotFull,
    /// An admin tried to record a consent by hand with the signing-station method.
    #[error("Consents from the signing station arrive by themselves. Choose paper form, email or spoken.")]
    StationMethodByHand,
    /// The default length of a consent runs past the last date the calendar holds.
    #[error("Check the date consent was given.")]
    GivenOnOutOfRange,
    /// The expiry date is on or before the date consent was given.
    #[error("The expiry date must be after the date consent was given.")]
    ExpiryNotAfterGiven,
    /// The withdrawal is dated before consent was given.
    #[error("The withdrawal cannot be earlier than the day consent was given.")]
    WithdrawnBeforeGiven,
    /// The default length of a signing-station consent runs past the last date the calendar holds.
    #[error("The date on the submission is not a real date.")]
    SubmissionDateUnreal,
    /// A signing-station consent carries a handed-in time that cannot be read as a UK date.
    #[error("The time it was handed in could not be read.")]
    SubmissionTimeUnreadable,
    /// The answers could not be written as JSON for storing; holds the cause.
    #[error("The answers could not be stored: {0}")]
    AnswersUnstorable(serde_json::Error),
    /// The consent check did not say yes for everyone, so the use was not logged. It carries how
    /// many people the check said no for, never who: the check itself shows the names.
    #[error("{}", check_says_no(*refused))]
    CheckSaysNo {
        /// How many people the check said no for.
        refused: usize,
    },
    /// The age rule does not count the consent as given; holds the whole message, saying why and
    /// what to do instead.
    #[error("{0}")]
    AgeRule(String),
    /// The consent was withdrawn already.
    #[error("This consent has already been withdrawn.")]
    AlreadyWithdrawn,
    /// The consent was confirmed already, or was recorded by an admin and needs no confirming.
    #[error("This consent has already been confirmed.")]
    AlreadyConfirmed,
    /// A consent with this signing-station receipt is already stored, so the submission was taken in before.
    #[error("This signing-station receipt is already in the records.")]
    DuplicateReceipt,
    /// No publication has that id, or the person does not appear in it.
    #[error("That publication was not found.")]
    PublicationNotFound,
    /// No group that is still in use has that id.
    #[error("That group was not found.")]
    GroupNotFound,
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The message for `CheckSaysNo`: how many people stand in the way and what to do, naming no one.
fn check_says_no(refused: usize) -> String {
    match refused {
        0 => "Choose the people in the image. Nothing was logged.".to_owned(),
        1 => "The consent check says no for one person in the image. Nothing was logged. Run the check \
              again to see who, then leave them out or choose another image."
            .to_owned(),
        n => format!(
            "The consent check says no for {n} people in the image. Nothing was logged. Run the check again \
             to see who, then leave them out or choose another image."
        ),
    }
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
    /// The image consent settings, social accounts included.
    pub settings: ConsentSettings,
    /// The version of the form in use now.
    pub form_version: String,
    /// Every use the form in use now asks about, in the form's order; retired accounts left out.
    pub uses: Vec<wording::UseWording>,
}

/// The consent settings with the form in use now: its version and every use it asks about.
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
    /// Where each consent in `history` stands on the day, by consent id ("Expired on 4 May 2026",
    /// "Replaced by a later consent"), worked out by `rules::consent_state`.
    pub history_states: BTreeMap<String, String>,
    /// Every logged publication they appear in, newest first.
    pub publications: Vec<Publication>,
    /// Images of them still to take down.
    pub takedowns: Vec<TakedownItem>,
}

/// Everything a person's page shows about their image consent on `on`; archived people included.
/// Fails with `PersonNotFound` when there is no such person.
pub fn person_view(conn: &rusqlite::Connection, person_id: &str, on: NaiveDate) -> Result<PersonConsent, ConsentError> {
    let person = match crate::records::people::get(conn, person_id) {
        Ok(p) => p,
        Err(crate::records::people::PeopleError::Store(e)) => return Err(e.into()),
        Err(_) => return Err(ConsentError::PersonNotFound),
    };
    let uses = current_uses(conn)?;
    let status = statuses(conn, std::slice::from_ref(&person), &uses, on)?.pop().ok_or(ConsentError::PersonNotFound)?;
    let history = history_for_person(conn, person_id)?;
    let own_age = consent_settings(conn)?.own_consent_age;
    let in_force = status.current.as_ref().map(|c| c.id.as_str());
    let history_states = history
        .iter()
        .map(|c| (c.id.clone(), rules::consent_state(c, in_force, person.date_of_birth, on, own_age)))
        .collect();
    Ok(PersonConsent {
        status,
        history,
        history_states,
        publications: publications(conn, Some(person_id))?,
        takedowns: takedown_list(conn, on, Some(person_id))?,
    })
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
