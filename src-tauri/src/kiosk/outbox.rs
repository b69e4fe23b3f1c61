//! The write-only outbox: what people hand in at the signing station while the vault is locked,
//! sealed so that only an admin or the recovery key can read it, and recorded at the next unlock.
//! Owns the file format, the writer, the chain that makes a missing file visible, and the ingest.
//! Does not own how a signature is stored (see `records::signatures`) or what the locked home
//! shows (see `manifest`).
//!
//! ```text
//! <data>/outbox/00000007-<uuid>.age   one submission: age, to the manifest's X25519 recipients only
//! <data>/outbox/chain-head.json       {"seq":6,"hash":"<hex>"}: where the last ingest stopped (not secret)
//! <data>/outbox/problems/             files an ingest could not record, kept for the admin
//! ```
//!
//! Each `.age` file decrypts to one JSON envelope:
//!
//! ```text
//! { "format": 1, "vaultId": "…", "seq": 7, "prevHash": "<hex SHA-256 of file 6's bytes>",
//!   "receipt": "K7QM-4TXD", "submittedAt": "2025-03-01T10:15:00Z",
//!   "submission": { "kind": "aupSignature", … } }
//! ```
//!
//! The first file's `prevHash` is the SHA-256 of nothing. The writer takes `seq` and `prevHash`
//! from the newest file in the folder, hashing its bytes without decrypting it, or from
//! `chain-head.json` once an ingest has emptied the folder. The ingest trusts its own copy of the
//! head, kept in the database with the records, over `chain-head.json`, so a deleted or edited
//! head file shows up as a gap rather than hiding one.
//!
//! The chain proves order and completeness, not who wrote a file: the recipients are public, so
//! anyone at the laptop could seal a file. That is why everything from the signing station stays
//! "self-declared" until an admin confirms it.

mod chain;
mod envelope;
mod ingest;
mod problems;
mod receipt;
mod submission;
mod writer;

use crate::error::{CodedError, ErrorCode};
use crate::records::aup::AupError;
use crate::records::signatures::SignatureError;
use crate::store::StoreError;
pub use ingest::{ingest, read_outbox, IngestReport, OutboxProblem, PendingOutbox, ProblemKind};
pub use problems::{
    list_for as kept_submissions, retry_for as retry_kept, set_aside_for as set_aside_kept, KeptSubmission,
    RetryOutcome, SubmissionKind,
};
pub use submission::{
    now_utc, KioskAupSignature, KioskConcern, KioskCountersignature, KioskImageConsent, KioskMark, Submission,
};
pub(crate) use writer::usable_manifest;
pub use writer::{submit, Receipt};

/// The envelope format this version writes, and the newest it reads.
pub const FORMAT: u32 = 1;
/// Written by the ingest, read by the writer once the folder is empty.
pub const CHAIN_HEAD_FILE: &str = "chain-head.json";
/// Where the ingest keeps files it could not record.
pub const PROBLEMS_DIR: &str = "problems";
/// Two drawn signatures at their cap, base64-encoded, fit well inside this; anything bigger was
/// not written by the signing station and is not read into memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// One unlock reads at most this much of the outbox (sixteen files at their cap; a busy open
/// evening hands in a few hundred files of a few kilobytes each); the rest waits for the next
/// unlock, so planted files cannot make an unlock run out of memory.
pub const MAX_INGEST_BYTES: u64 = 64 * 1024 * 1024;

/// What the signing station says when the operating system's key store shows its settings file was
/// changed while Safekeeper was closed.
pub const CHANGED_OUTSIDE: &str = "The signing station's settings were changed outside Safekeeper, so nothing can be handed in here for now. Ask an admin to open Safekeeper once; that puts them right. If you are worried about a child now, tell the safeguarding lead in person.";

/// Why the signing station could not take a submission in, or an unlock could not read the outbox.
/// Messages shown on the locked home speak to whoever is at the station.
#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    /// No usable manifest yet, so the station has no one to encrypt to.
    #[error("The signing station is not set up yet. Ask an admin to unlock Safekeeper once. Nothing was saved.")]
    NotReady,
    /// The manifest was changed while Safekeeper was closed, so nothing is taken in.
    #[error("{}", CHANGED_OUTSIDE)]
    ManifestChangedOutside,
    /// The manifest file is there but damaged (empty, cut short, not a manifest, far too large).
    #[error("The signing station's settings file is damaged, so nothing can be handed in here for now. Nothing was saved. Ask an admin to unlock Safekeeper once: that writes the file again. If you are worried about a child now, tell the safeguarding lead in person.")]
    ManifestDamaged,
    /// The typed name is not a full name.
    #[error("Type your full name: your first name and your last name.")]
    BadTypedName,
    /// A drawn signature is empty, too large or not a PNG.
    #[error("The drawn signature could not be read. Sign again, or type your name instead.")]
    BadMark,
    /// A young person's signature lacks the parent or carer's name or signature.
    #[error("Enter the full name of the parent or carer who is countersigning, and their signature.")]
    BadCountersignature,
    /// The AUP or version named is malformed, or not one the manifest offers.
    #[error("That policy is no longer offered here. Go back and choose it again.")]
    UnknownPolicy,
    /// A concern failed its checks; holds the message to show.
    #[error("{0}")]
    BadConcern(String),
    /// A consent failed its checks; holds the message to show.
    #[error("{0}")]
    BadConsent(&'static str),
    /// The time of signing could not be read.
    #[error("The time of signing could not be read. Please try again.")]
    BadTime,
    /// The submission could not be written to the outbox.
    #[error("Your answers could not be saved ({0}). Nothing was kept. Please tell a member of staff.")]
    Write(std::io::Error),
    /// The outbox could not be read at unlock.
    #[error("The signing station's submissions could not be read ({0}). They are all still waiting and will be tried again at the next unlock.")]
    Read(std::io::Error),
    /// The kept submission named is no longer waiting for a decision.
    #[error("That file is no longer among the submissions waiting for a decision. Reload the page.")]
    NoSuchProblem,
    /// Submissions were recorded but their files could not be removed from the outbox.
    #[error("The signing station's submissions were recorded, but their files could not be tidied away ({0}). They will be recognised as already recorded at the next unlock.")]
    Cleanup(std::io::Error),
    /// The database refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The stored AUPs no longer match their hashes, so nothing is recorded against them.
    #[error(transparent)]
    Aup(AupError),
    /// A signature rule refused the submission.
    #[error(transparent)]
    Signature(SignatureError),
}

impl From<rusqlite::Error> for OutboxError {
    fn from(e: rusqlite::Error) -> Self {
        OutboxError::Store(StoreError::Sqlite(e))
    }
}

impl CodedError for OutboxError {
    fn code(&self) -> ErrorCode {
        match self {
            OutboxError::NotReady => ErrorCode::OutboxNotReady,
            OutboxError::ManifestChangedOutside => ErrorCode::OutboxManifestChangedOutside,
            OutboxError::ManifestDamaged => ErrorCode::OutboxManifestDamaged,
            OutboxError::BadTypedName => ErrorCode::OutboxBadTypedName,
            OutboxError::BadMark => ErrorCode::OutboxBadMark,
            OutboxError::BadConsent(_) => ErrorCode::OutboxBadConsent,
            OutboxError::BadCountersignature => ErrorCode::OutboxBadCountersignature,
            OutboxError::UnknownPolicy => ErrorCode::OutboxUnknownPolicy,
            OutboxError::BadConcern(_) => ErrorCode::OutboxBadConcern,
            OutboxError::BadTime => ErrorCode::OutboxBadTime,
            OutboxError::Write(_) => ErrorCode::OutboxWrite,
            OutboxError::Read(_) => ErrorCode::OutboxRead,
            OutboxError::Cleanup(_) => ErrorCode::OutboxCleanup,
            OutboxError::NoSuchProblem => ErrorCode::OutboxNoSuchProblem,
            OutboxError::Store(e) => e.code(),
            OutboxError::Aup(e) => e.code(),
            OutboxError::Signature(e) => e.code(),
        }
    }
}

#[cfg(test)]
mod key_store_tests;
#[cfg(test)]
mod tests;
