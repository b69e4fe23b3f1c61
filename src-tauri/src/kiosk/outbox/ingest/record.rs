//! Turning one opened submission into records, inside the ingest's transaction. One function per
//! kind of submission; each says whether it is new, a duplicate, or refused, and stops the whole
//! ingest only when the database itself fails.

use rusqlite::{Connection, OptionalExtension};

use super::super::envelope::Envelope;
use super::super::submission::Submission;
use super::super::OutboxError;
use crate::records::aup::{self, AupError};
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
    };
    let sql = format!("SELECT 1 FROM {table} WHERE receipt = ?1");
    Ok(tx.query_row(&sql, [&env.receipt], |_| Ok(())).optional()?.is_some())
}
