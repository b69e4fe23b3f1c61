//! What a person hands in at the signing station, and the checks the station can make without
//! the database (the rest wait for the ingest). Each kind of submission is a variant of
//! `Submission`; the envelope around it does not change.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::OutboxError;
use crate::records::consent::{is_use_key, Giver, UseAnswer};
use crate::records::incidents::{Category, EntryBody, IncidentAction, IncidentKind, Report, LONG_TEXT, SHORT_TEXT};
use crate::records::people::validate_full_name;
use crate::records::signatures::{Countersignature, OnScreenSignature, SignatureMark, Signer, MAX_MARK_BYTES};

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// One thing handed in at the signing station.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Submission {
    /// An AUP signed on screen.
    AupSignature(KioskAupSignature),
    /// A concern reported, which becomes a new incident.
    Concern(KioskConcern),
    /// Image consent given or withdrawn.
    ImageConsent(KioskImageConsent),
}

/// Image consent given (or withdrawn) at the signing station by a parent or carer, or by the
/// person themselves. It arrives self-declared: an admin confirms who it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskImageConsent {
    /// The full name of the person in the images.
    pub about_name: String,
    /// The token beside the name they picked from the published list, if they picked one.
    pub person_hint: Option<String>,
    /// Who is filling in the form: the person themselves, or a parent or carer.
    pub giver: Giver,
    /// The parent or carer's full name; for the person themselves, their own name again.
    pub giver_name: String,
    /// How a parent or carer is related to the person (such as foster carer); required from a
    /// parent or carer, up to 120 characters; may be `None` when the person fills it in themselves.
    pub relationship: Option<String>,
    /// True when the parent or carer says they have parental responsibility.
    pub parental_responsibility: bool,
    /// A yes or no for each use the form asked about, each use once.
    pub answers: Vec<UseAnswer>,
    /// True when the person's first name may be shown beside their image.
    pub name_with_image: bool,
    /// The form version the station showed.
    pub form_version: String,
    /// The hash of the form's words the station showed; set by the station, not the page.
    #[serde(default)]
    pub form_hash: Option<String>,
    /// Everything is withdrawn: every answer is no.
    pub withdraw_all: bool,
    /// RFC 3339, UTC.
    pub signed_at: String,
    /// The signature of whoever filled in the form.
    pub mark: KioskMark,
}

/// A concern reported at the signing station. It reaches only the admins, as a new incident
/// marked self-declared; the person reporting cannot see it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskConcern {
    /// What happened, as the person reporting tells it.
    pub what_happened: String,
    /// The day it happened (`YYYY-MM-DD`), not in the future.
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
    /// The full name of the person reporting.
    pub reporter_name: String,
    /// The concern is about a member of staff or a volunteer.
    pub about_staff: bool,
}

/// The longest free text a concern may hold in any one box (and, together, in "what happened"
/// and "who was involved", which become one answer on the incident).
pub const MAX_CONCERN_TEXT: usize = LONG_TEXT;
/// The longest "Where did it happen?" may be: it becomes the incident's place.
pub const MAX_CONCERN_PLACE: usize = SHORT_TEXT;
/// Joins "who was involved" to "what happened" on the incident.
pub(super) const PEOPLE_INVOLVED: &str = "\n\nPeople involved, as the person reporting named them: ";

/// An AUP signed at the signing station. The AUP is named by its content hash, the one thing the
/// locked home and the database agree on for a published version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskAupSignature {
    /// The AUP signed (a UUID), as listed in the manifest.
    pub aup_id: String,
    /// Hex SHA-256 of the version's content, as listed in the manifest.
    pub version_hash: String,
    /// The name the signer typed or picked: who they say they are.
    pub typed_name: String,
    /// The token beside the display name they picked from the published list, if they picked one.
    pub person_hint: Option<String>,
    /// RFC 3339, UTC.
    pub signed_at: String,
    /// The signer's signature: drawn, or their name typed.
    pub mark: KioskMark,
    /// A parent or carer's countersignature, for a young person's AUP; `None` otherwise.
    pub countersignature: Option<KioskCountersignature>,
}

/// The signature itself. A drawn one travels as base64 text so the JSON stays compact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum KioskMark {
    /// Drawn on the screen.
    Drawn {
        /// The PNG image of the signature (base64 in the JSON), up to `MAX_MARK_BYTES`.
        #[serde(with = "base64_bytes")]
        #[ts(type = "string")]
        png: Vec<u8>,
    },
    /// Typed instead of drawn.
    Typed {
        /// The full name typed.
        name: String,
    },
}

/// A parent or carer signing alongside a young person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskCountersignature {
    /// The parent or carer's full name.
    pub name: String,
    /// The parent or carer's signature.
    pub mark: KioskMark,
}

impl Submission {
    /// The one set of rules for what a submission may hold. The station runs it before sealing,
    /// so the person is told there and then; the ingest runs it again on what it opens, so a file
    /// written by anything else is held to the same rules. Anything it accepts, the records
    /// accept too (see the property tests in `ingest::tests`). `today` is the local date.
    pub fn check(&self, today: NaiveDate) -> Result<(), OutboxError> {
        match self {
            Submission::AupSignature(s) => s.check(),
            Submission::Concern(c) => c.check(today),
            Submission::ImageConsent(c) => c.check(),
        }
    }

    /// What kind of submission this is, in words for the admin.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Submission::AupSignature(_) => "AUP signature",
            Submission::Concern(_) => "Concern",
            Submission::ImageConsent(_) => "Photo consent",
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
    fn check(&self, today: NaiveDate) -> Result<(), OutboxError> {
        let too_long = |t: &str, max: usize| t.chars().count() > max;
        if self.what_happened.trim().is_empty() {
            return Err(OutboxError::BadConcern("Say what happened.".into()));
        }
        if too_long(&self.place, MAX_CONCERN_PLACE) {
            return Err(OutboxError::BadConcern(format!(
                "Shorten where it happened to {MAX_CONCERN_PLACE} characters or fewer. You can say more under what happened."
            )));
        }
        if too_long(&self.facts(), MAX_CONCERN_TEXT) {
            return Err(OutboxError::BadConcern(
                "What happened and who was involved are too long together. Shorten them to 20,000 characters in all."
                    .into(),
            ));
        }
        let others = [self.own_words.as_deref(), self.done_so_far.as_deref()];
        if others.into_iter().flatten().any(|t| too_long(t, MAX_CONCERN_TEXT)) {
            return Err(OutboxError::BadConcern(
                "One of the boxes is too long. Shorten it to 20,000 characters or fewer and try again.".into(),
            ));
        }
        if self.happened_on > today {
            return Err(OutboxError::BadConcern("The date it happened cannot be in the future.".into()));
        }
        if let Some(time) = self.happened_at_time.as_deref().filter(|t| !t.trim().is_empty()) {
            chrono::NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| {
                OutboxError::BadConcern("Enter the time as hours and minutes, like 14:30, or leave it empty.".into())
            })?;
        }
        validate_full_name(&self.reporter_name).map_err(|_| OutboxError::BadTypedName)?;
        // The incident's own rules, on the very entries the ingest will write: whatever the
        // checks above missed is refused here, at the station, and never after a receipt.
        let receipt_placeholder = "XXXX-XXXX";
        let entries = [Some(EntryBody::Report(self.report(receipt_placeholder, today))), self.first_action(today)];
        for entry in entries.into_iter().flatten() {
            entry.validated(today).map_err(|e| OutboxError::BadConcern(e.to_string()))?;
        }
        Ok(())
    }

    /// "What happened" with "who was involved" after it, as the incident holds them.
    fn facts(&self) -> String {
        let mut facts = self.what_happened.trim().to_owned();
        if !self.people_involved.trim().is_empty() {
            facts.push_str(PEOPLE_INVOLVED);
            facts.push_str(self.people_involved.trim());
        }
        facts
    }

    /// The person reporting, as their name is recorded: spaces folded, as the check reads it.
    fn reporter(&self) -> String {
        validate_full_name(&self.reporter_name).unwrap_or_else(|_| self.reporter_name.trim().to_owned())
    }

    /// The incident report this concern becomes: open, unclassified until the DSL reads it.
    pub fn report(&self, receipt: &str, reported_on: NaiveDate) -> Report {
        Report {
            occurred_on: self.happened_on.min(reported_on),
            occurred_at_time: self.happened_at_time.clone(),
            reported_on,
            how_reported: format!("At the signing station (receipt {receipt})"),
            reported_by: self.reporter(),
            reported_to: "The safeguarding lead, through the signing station".into(),
            place: self.place.clone(),
            platform: String::new(),
            device: String::new(),
            category: Category::NotYetClassified,
            kind: IncidentKind::Other,
            facts: self.facts(),
            own_words: self.own_words.clone(),
            opinion: None,
        }
    }

    /// What the person reporting has already done, as the incident's first action.
    pub fn first_action(&self, reported_on: NaiveDate) -> Option<EntryBody> {
        self.done_so_far.as_deref().filter(|d| !d.trim().is_empty()).map(|done| {
            EntryBody::Action(IncidentAction { on: reported_on, by: self.reporter(), what: done.to_owned() })
        })
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
    /// picked from the list, until an admin confirms who signed. `sealed_at` is the time the
    /// station sealed the file, which is when it was signed: the page never sets it.
    /// `claimed_person_id` is whoever the vault found behind the picked name's token.
    pub fn to_on_screen(
        &self,
        version_id: &str,
        receipt: &str,
        sealed_at: &str,
        claimed_person_id: Option<String>,
    ) -> OnScreenSignature {
        OnScreenSignature {
            version_id: version_id.to_owned(),
            signer: Signer::SelfDeclared { name: self.typed_name.clone(), claimed_person_id },
            signed_at: sealed_at.to_owned(),
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
