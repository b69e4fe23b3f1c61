//! What a person hands in at the signing station, and the checks the station can make without
//! the database (the rest wait for the ingest). Each kind of submission is a variant of
//! `Submission`; the envelope around it does not change.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::OutboxError;
use crate::records::consent::{is_use_key, Giver, UseAnswer};
use crate::records::people::validate_full_name;
use crate::records::signatures::{Countersignature, OnScreenSignature, SignatureMark, Signer, MAX_MARK_BYTES};

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// One thing handed in at the signing station.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Submission {
    AupSignature(KioskAupSignature),
    Concern(KioskConcern),
    ImageConsent(KioskImageConsent),
}

/// Image consent given (or withdrawn) at the signing station by a parent or carer, or by the
/// person themselves. It arrives self-declared: an admin confirms who it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskImageConsent {
    /// The full name of the person in the images.
    pub about_name: String,
    /// The id beside the name they picked from the published list, if they picked one.
    pub person_hint: Option<String>,
    pub giver: Giver,
    /// The parent or carer's full name; for the person themselves, their own name again.
    pub giver_name: String,
    pub relationship: Option<String>,
    pub parental_responsibility: bool,
    pub answers: Vec<UseAnswer>,
    pub name_with_image: bool,
    /// The form version the station showed.
    pub form_version: String,
    /// Everything is withdrawn: every answer is no.
    pub withdraw_all: bool,
    /// RFC 3339, UTC.
    pub signed_at: String,
    pub mark: KioskMark,
}

/// A concern reported at the signing station. It reaches only the admins, as a new incident
/// marked self-declared; the person reporting cannot see it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskConcern {
    /// What happened, as the person reporting tells it.
    pub what_happened: String,
    #[ts(type = "string")]
    pub happened_on: chrono::NaiveDate,
    /// "HH:MM", if they know it.
    pub happened_at_time: Option<String>,
    /// Where: a place, an app or a website.
    pub place: String,
    /// Who was involved, in their words.
    pub people_involved: String,
    /// The young person's own words, if they said anything.
    pub own_words: Option<String>,
    /// What the person reporting has done so far.
    pub done_so_far: Option<String>,
    pub reporter_name: String,
    /// The concern is about a member of staff or a volunteer.
    pub about_staff: bool,
}

/// The longest free text a concern may hold in any one box.
pub const MAX_CONCERN_TEXT: usize = 20_000;

/// An AUP signed at the signing station. The AUP is named by its content hash, the one thing the
/// locked home and the database agree on for a published version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskAupSignature {
    pub aup_id: String,
    pub version_hash: String,
    /// The name the signer typed or picked: who they say they are.
    pub typed_name: String,
    /// The id beside the display name they picked from the published list, if they picked one.
    pub person_hint: Option<String>,
    /// RFC 3339, UTC.
    pub signed_at: String,
    pub mark: KioskMark,
    pub countersignature: Option<KioskCountersignature>,
}

/// The signature itself. A drawn one travels as base64 text so the JSON stays compact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum KioskMark {
    Drawn {
        /// Base64 of the PNG.
        #[serde(with = "base64_bytes")]
        #[ts(type = "string")]
        png: Vec<u8>,
    },
    Typed {
        name: String,
    },
}

/// A parent or carer signing alongside a young person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskCountersignature {
    pub name: String,
    pub mark: KioskMark,
}

impl Submission {
    /// Refuses what the signer can fix at the station, so they are told there and then rather
    /// than an admin finding a rejected file later.
    pub fn check(&self) -> Result<(), OutboxError> {
        match self {
            Submission::AupSignature(s) => s.check(),
            Submission::Concern(c) => c.check(),
            Submission::ImageConsent(c) => c.check(),
        }
    }
}

fn is_hex_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

fn mark_ok(mark: &KioskMark) -> bool {
    match mark {
        KioskMark::Drawn { png } => png.starts_with(PNG_MAGIC) && png.len() <= MAX_MARK_BYTES,
        KioskMark::Typed { name } => validate_full_name(name).is_ok(),
    }
}

impl KioskConcern {
    fn check(&self) -> Result<(), OutboxError> {
        let fits = |t: &str| t.chars().count() <= MAX_CONCERN_TEXT;
        if self.what_happened.trim().is_empty() {
            return Err(OutboxError::BadConcern("Say what happened."));
        }
        let texts = [Some(&self.what_happened), Some(&self.place), Some(&self.people_involved)]
            .into_iter()
            .chain([self.own_words.as_ref(), self.done_so_far.as_ref()])
            .flatten();
        if !texts.into_iter().all(|t| fits(t)) {
            return Err(OutboxError::BadConcern("One of the boxes is too long. Shorten it and try again."));
        }
        let today = chrono::Local::now().date_naive();
        if self.happened_on > today {
            return Err(OutboxError::BadConcern("The date it happened cannot be in the future."));
        }
        if let Some(time) = self.happened_at_time.as_deref().filter(|t| !t.trim().is_empty()) {
            chrono::NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| {
                OutboxError::BadConcern("Enter the time as hours and minutes, like 14:30, or leave it empty.")
            })?;
        }
        validate_full_name(&self.reporter_name).map_err(|_| OutboxError::BadTypedName)?;
        Ok(())
    }
}

impl KioskImageConsent {
    fn check(&self) -> Result<(), OutboxError> {
        validate_full_name(&self.about_name).map_err(|_| {
            OutboxError::BadConsent("Type the full name of the person in the photos: first name and last name.")
        })?;
        validate_full_name(&self.giver_name).map_err(|_| OutboxError::BadTypedName)?;
        if self.giver == Giver::ParentCarer && self.relationship.as_deref().is_none_or(|r| r.trim().is_empty()) {
            return Err(OutboxError::BadConsent("Say how you are related to them, such as mother or foster carer."));
        }
        if [self.relationship.as_deref(), Some(self.form_version.as_str())]
            .into_iter()
            .flatten()
            .any(|t| t.chars().count() > 120)
        {
            return Err(OutboxError::BadConsent("One of the answers is too long. Shorten it and try again."));
        }
        let mut seen = std::collections::HashSet::new();
        if self.answers.is_empty()
            || self.answers.len() > 64
            || !self.answers.iter().all(|a| is_use_key(&a.use_key) && seen.insert(a.use_key.as_str()))
        {
            return Err(OutboxError::BadConsent("The form has changed since it was opened. Go back and start again."));
        }
        if self.withdraw_all && (self.name_with_image || self.answers.iter().any(|a| a.allowed)) {
            return Err(OutboxError::BadConsent("A withdrawal cannot say yes to anything. Go back and start again."));
        }
        DateTime::parse_from_rfc3339(&self.signed_at).map_err(|_| OutboxError::BadTime)?;
        if !mark_ok(&self.mark) {
            return Err(match self.mark {
                KioskMark::Drawn { .. } => OutboxError::BadMark,
                KioskMark::Typed { .. } => OutboxError::BadTypedName,
            });
        }
        Ok(())
    }
}

impl KioskAupSignature {
    fn check(&self) -> Result<(), OutboxError> {
        if self.aup_id.trim().is_empty() || self.aup_id.len() > 64 || !is_hex_hash(&self.version_hash) {
            return Err(OutboxError::UnknownPolicy);
        }
        validate_full_name(&self.typed_name).map_err(|_| OutboxError::BadTypedName)?;
        DateTime::parse_from_rfc3339(&self.signed_at).map_err(|_| OutboxError::BadTime)?;
        if !mark_ok(&self.mark) {
            return Err(match self.mark {
                KioskMark::Drawn { .. } => OutboxError::BadMark,
                KioskMark::Typed { .. } => OutboxError::BadTypedName,
            });
        }
        if let Some(counter) = &self.countersignature {
            if validate_full_name(&counter.name).is_err() || !mark_ok(&counter.mark) {
                return Err(OutboxError::BadCountersignature);
            }
        }
        Ok(())
    }

    /// The signature as `records::signatures` records it: always self-declared, whatever was
    /// picked from the list, until an admin confirms who signed.
    pub fn to_on_screen(&self, version_id: &str, receipt: &str) -> OnScreenSignature {
        OnScreenSignature {
            version_id: version_id.to_owned(),
            signer: Signer::SelfDeclared { name: self.typed_name.clone(), claimed_person_id: self.person_hint.clone() },
            signed_at: self.signed_at.clone(),
            mark: self.mark.clone().into(),
            countersignature: self
                .countersignature
                .as_ref()
                .map(|c| Countersignature { name: c.name.clone(), mark: c.mark.clone().into() }),
            receipt: Some(receipt.to_owned()),
        }
    }
}

impl From<KioskMark> for SignatureMark {
    fn from(mark: KioskMark) -> Self {
        match mark {
            KioskMark::Drawn { png } => SignatureMark::Drawn { png },
            KioskMark::Typed { name } => SignatureMark::Typed { name },
        }
    }
}

/// Now, as the envelope and `signedAt` carry it.
pub fn now_utc() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

mod base64_bytes {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        STANDARD.decode(text.as_bytes()).map_err(de::Error::custom)
    }
}
