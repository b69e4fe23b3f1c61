//! Turning one opened submission into records, inside the ingest's transaction. One function per
//! kind of submission; each says whether it is new, a duplicate, or refused, and stops the whole
//! ingest only when the database itself fails.

use chrono::DateTime;
use rusqlite::{Connection, OptionalExtension};

use super::super::envelope::Envelope;
use super::super::submission::{KioskImageConsent, Submission};
use super::super::OutboxError;
use crate::dates;
use crate::records::aup::{self, AupError};
use crate::records::consent::{self, ConsentError, StationConsent};
use crate::records::incidents::{self, IncidentError, IncidentSource, NewIncident};
use crate::records::signatures::{self, SignatureError, SignatureSource};
use crate::store::audit::Actor;

const UNPUBLISHED_FORM: &str = "The consent form it was given on does not match the one this vault published: its words may have been changed outside Safekeeper. Ask the person to give consent again.";
const UNREADABLE_TIME: &str = "The time it was handed in could not be read.";
const FUTURE_TIME: &str = "It says it was handed in later than now. The laptop's clock may have been wrong: check the date and time, then try again.";

pub enum Outcome {
    Recorded,
    /// Its receipt is already in the records.
    Duplicate,
    /// The records refused it; the reason holds no names.
    Rejected(String),
}

/// Records one submission inside its own savepoint: a refused or duplicate submission leaves
/// nothing behind, however far it got. Only a failing database stops the caller.
pub fn record(tx: &Connection, env: &Envelope) -> Result<Outcome, OutboxError> {
    tx.execute_batch("SAVEPOINT submission")?;
    let outcome = record_unguarded(tx, env);
    match &outcome {
        Ok(Outcome::Recorded) => tx.execute_batch("RELEASE submission")?,
        // On a database error the caller drops the whole transaction; rolling back here as well
        // keeps the savepoint stack tidy if it ever chooses to carry on.
        _ => tx.execute_batch("ROLLBACK TO submission; RELEASE submission")?,
    }
    outcome
}

fn record_unguarded(tx: &Connection, env: &Envelope) -> Result<Outcome, OutboxError> {
    // The same rules the station applied: a file sealed by anything else meets them here.
    if let Err(e) = env.submission.check(dates::today()) {
        return Ok(Outcome::Rejected(e.to_string()));
    }
    // Every date the records take from a submission comes from the time the station sealed it.
    match DateTime::parse_from_rfc3339(&env.submitted_at) {
        Err(_) => return Ok(Outcome::Rejected(UNREADABLE_TIME.into())),
        Ok(t) if t.with_timezone(&chrono::Utc) > chrono::Utc::now() + chrono::Duration::days(1) => {
            return Ok(Outcome::Rejected(FUTURE_TIME.into()))
        }
        Ok(_) => {}
    }
    match &env.submission {
        Submission::Concern(c) => match record_concern(tx, env, c) {
            Ok(()) => Ok(Outcome::Recorded),
            Err(IncidentError::Store(e)) => Err(e.into()),
            Err(e) => Ok(Outcome::Rejected(e.to_string())),
        },
        Submission::ImageConsent(c) if !consent_form_published(tx, env, c)? => {
            Ok(Outcome::Rejected(UNPUBLISHED_FORM.into()))
        }
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
            let claimed = hinted_person(tx, env, s.person_hint.as_deref())?;
            let new = s.to_on_screen(&version.id, &env.receipt, &env.submitted_at, claimed);
            match signatures::insert_on_screen(tx, &Actor::SigningStation, SignatureSource::SigningStation, &new) {
                Ok(_) => Ok(Outcome::Recorded),
                Err(SignatureError::DuplicateReceipt) => Ok(Outcome::Duplicate),
                Err(SignatureError::Store(e)) => Err(e.into()),
                Err(e) => Ok(Outcome::Rejected(e.to_string())),
            }
        }
    }
}

/// The person behind the token picked at the station, if the vault published that manifest and
/// the token is someone's. Files from before tokens carry no manifest hash: their hint is dropped.
fn hinted_person(tx: &Connection, env: &Envelope, token: Option<&str>) -> Result<Option<String>, OutboxError> {
    match token {
        Some(token) if !env.manifest_hash.is_empty() => {
            Ok(crate::kiosk::manifest::person_for_token(tx, &env.manifest_hash, token)?)
        }
        _ => Ok(None),
    }
}

/// Whether the consent form's words, as the station hashed them, are the ones the vault
/// published in that manifest. A file from before forms were hashed, or sealed under a manifest
/// the vault does not remember (reported separately), is taken as it is.
fn consent_form_published(tx: &Connection, env: &Envelope, c: &KioskImageConsent) -> Result<bool, OutboxError> {
    let Some(shown) = c.form_hash.as_deref() else { return Ok(true) };
    match crate::kiosk::manifest::published_record(tx, &env.manifest_hash)? {
        Some(record) => Ok(record.consent_hash.as_deref() == Some(shown)),
        None => Ok(true),
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

/// A consent becomes a self-declared consent record, dated the UK day the station sealed it (the
/// page's own clock is never trusted for this).
fn record_consent(tx: &Connection, env: &Envelope, c: &KioskImageConsent) -> Result<(), ConsentError> {
    let hinted = match c.person_hint.as_deref() {
        Some(token) if !env.manifest_hash.is_empty() => {
            crate::kiosk::manifest::person_for_token(tx, &env.manifest_hash, token)
                .map_err(crate::store::StoreError::from)?
        }
        _ => None,
    };
    let given_on = dates::uk_day_of(&env.submitted_at).ok_or(ConsentError::SubmissionTimeUnreadable)?;
    let (mark_png, mark_typed) = match &c.mark {
        crate::kiosk::outbox::KioskMark::Drawn { png } => (Some(png.as_slice()), None),
        crate::kiosk::outbox::KioskMark::Typed { name } => (None, Some(name.as_str())),
    };
    let station = StationConsent {
        about_name: c.about_name.trim(),
        person_hint: hinted.as_deref(),
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
/// reporter has already done as its first action. Both come from the submission, which built and
/// checked the same entries at the station.
fn record_concern(
    tx: &Connection,
    env: &Envelope,
    c: &crate::kiosk::outbox::KioskConcern,
) -> Result<(), IncidentError> {
    let reported_on = dates::uk_day_of(&env.submitted_at).ok_or(IncidentError::SubmissionTimeUnreadable)?;
    let report = c.report(&env.receipt, reported_on);
    let new = NewIncident {
        source: IncidentSource::SigningStation,
        receipt: Some(&env.receipt),
        staff_allegation: c.about_staff,
        report: &report,
    };
    let incident = incidents::insert_incident(tx, &Actor::SigningStation, &new, reported_on)?;
    if let Some(action) = c.first_action(reported_on) {
        incidents::insert_added_entry(tx, &Actor::SigningStation, &incident.id, &action, reported_on)?;
    }
    Ok(())
}
