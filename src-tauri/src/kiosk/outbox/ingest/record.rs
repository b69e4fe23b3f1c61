//! Turning one opened submission into records, inside the ingest's transaction. One function per
//! kind of submission; each says whether it is new, a duplicate, or refused, and stops the whole
//! ingest only when the database itself fails.

use rusqlite::{Connection, OptionalExtension};

use super::super::envelope::Envelope;
use super::super::submission::Submission;
use super::super::OutboxError;
use crate::forms::uk_time;
use crate::records::aup::{self, AupError};
use crate::records::consent::{self, ConsentError, StationConsent};
use crate::records::incidents::{
    self, Category, EntryBody, IncidentAction, IncidentError, IncidentKind, IncidentSource, NewIncident, Report,
};
use crate::records::signatures::{self, SignatureError, SignatureSource};
use crate::store::audit::Actor;

pub enum Outcome {
    Recorded,
    /// Its receipt is already in the records.
    Duplicate,
    /// The records refused it; the reason holds no names.
    Rejected(String),
}

pub fn record(tx: &Connection, env: &Envelope) -> Result<Outcome, OutboxError> {
    match &env.submission {
        Submission::Concern(c) => match record_concern(tx, env, c) {
            Ok(()) => Ok(Outcome::Recorded),
            Err(IncidentError::Store(e)) => Err(e.into()),
            Err(e) => Ok(Outcome::Rejected(e.to_string())),
        },
        Submission::ImageConsent(c) => match record_consent(tx, env, c) {
            Ok(()) => Ok(Outcome::Recorded),
            Err(ConsentError::DuplicateReceipt) => Ok(Outcome::Duplicate),
            Err(ConsentError::Store(e)) => Err(e.into()),
            Err(e) => Ok(Outcome::Rejected(e.to_string())),
        },
        Submission::AupSignature(s) => {
            let version = match aup::version_by_hash(tx, &s.aup_id, &s.version_hash) {
                Ok(v) => v,
                Err(AupError::VersionNotFound) => {
                    return Ok(Outcome::Rejected("The AUP version it was signed against is not in the records.".into()))
                }
                Err(AupError::Store(e)) => return Err(e.into()),
                // The stored AUPs no longer match their hashes: stop rather than record against them.
                Err(e) => return Err(OutboxError::Aup(e)),
            };
            let new = s.to_on_screen(&version.id, &env.receipt);
            match signatures::insert_on_screen(tx, &Actor::SigningStation, SignatureSource::SigningStation, &new) {
                Ok(_) => Ok(Outcome::Recorded),
                Err(SignatureError::DuplicateReceipt) => Ok(Outcome::Duplicate),
                Err(SignatureError::Store(e)) => Err(e.into()),
                Err(e) => Ok(Outcome::Rejected(e.to_string())),
            }
        }
    }
}

/// Whether this submission's receipt is already in the records.
pub fn already_recorded(tx: &Connection, env: &Envelope) -> Result<bool, OutboxError> {
    let table = match &env.submission {
        Submission::AupSignature(_) => "signatures",
        Submission::Concern(_) => "incidents",
        Submission::ImageConsent(_) => "image_consents",
    };
    let sql = format!("SELECT 1 FROM {table} WHERE receipt = ?1");
    Ok(tx.query_row(&sql, [&env.receipt], |_| Ok(())).optional()?.is_some())
}

/// A consent becomes a self-declared consent record, dated the UK day it was signed.
fn record_consent(
    tx: &Connection,
    env: &Envelope,
    c: &crate::kiosk::outbox::KioskImageConsent,
) -> Result<(), ConsentError> {
    let given_on = uk_time::uk_day_of(&c.signed_at)
        .or_else(|| uk_time::uk_day_of(&env.submitted_at))
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let (mark_png, mark_typed) = match &c.mark {
        crate::kiosk::outbox::KioskMark::Drawn { png } => (Some(png.as_slice()), None),
        crate::kiosk::outbox::KioskMark::Typed { name } => (None, Some(name.as_str())),
    };
    let station = StationConsent {
        about_name: c.about_name.trim(),
        person_hint: c.person_hint.as_deref(),
        giver: c.giver,
        giver_name: c.giver_name.trim(),
        relationship: c.relationship.as_deref().map(str::trim),
        parental_responsibility: c.parental_responsibility,
        given_on,
        form_version: &c.form_version,
        answers: &c.answers,
        name_with_image: c.name_with_image,
        receipt: &env.receipt,
        mark_png,
        mark_typed,
        withdraw_all: c.withdraw_all,
    };
    consent::insert_from_station(tx, &station).map(|_| ())
}

/// A concern becomes a new open incident, unclassified until the DSL reads it, with what the
/// reporter has already done as its first action.
fn record_concern(
    tx: &Connection,
    env: &Envelope,
    c: &crate::kiosk::outbox::KioskConcern,
) -> Result<(), IncidentError> {
    let reported_on = uk_time::uk_day_of(&env.submitted_at).unwrap_or_else(|| chrono::Utc::now().date_naive());
    let mut facts = c.what_happened.trim().to_owned();
    if !c.people_involved.trim().is_empty() {
        facts.push_str("\n\nPeople involved, as the person reporting named them: ");
        facts.push_str(c.people_involved.trim());
    }
    let report = Report {
        occurred_on: c.happened_on.min(reported_on),
        occurred_at_time: c.happened_at_time.clone(),
        reported_on,
        how_reported: format!("At the signing station (receipt {})", env.receipt),
        reported_by: c.reporter_name.clone(),
        reported_to: "The safeguarding lead, through the signing station".into(),
        place: c.place.clone(),
        platform: String::new(),
        device: String::new(),
        category: Category::NotYetClassified,
        kind: IncidentKind::Other,
        facts,
        own_words: c.own_words.clone(),
        opinion: None,
    };
    let new = NewIncident {
        source: IncidentSource::SigningStation,
        receipt: Some(&env.receipt),
        staff_allegation: c.about_staff,
        report: &report,
    };
    let incident = incidents::insert_incident(tx, &Actor::SigningStation, &new, reported_on)?;
    if let Some(done) = c.done_so_far.as_deref().filter(|d| !d.trim().is_empty()) {
        let action =
            EntryBody::Action(IncidentAction { on: reported_on, by: c.reporter_name.clone(), what: done.to_owned() });
        incidents::insert_added_entry(tx, &Actor::SigningStation, &incident.id, &action, reported_on)?;
    }
    Ok(())
}
