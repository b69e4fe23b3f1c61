//! The locked writer: seals one submission to the manifest's recipients and adds it to the chain.
//! Needs nothing but the manifest and the outbox folder; no key, no database.

use std::str::FromStr;
use std::sync::{Mutex, MutexGuard, PoisonError};

use age::x25519;
use serde::Serialize;
use ts_rs::TS;

use super::envelope::{self, Envelope};
use super::submission::{now_utc, Submission};
use super::{chain, receipt, OutboxError, FORMAT};
use crate::kiosk::manifest;
use crate::vault::{atomic, VaultPaths};

/// One writer or ingest at a time in this process (the app is single-instance), so two
/// submissions never take the same number and an ingest never races a write.
static OUTBOX: Mutex<()> = Mutex::new(());

pub(super) fn exclusive() -> MutexGuard<'static, ()> {
    // The guarded state is the folder, not the unit value: a panic elsewhere leaves nothing torn.
    OUTBOX.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What the signer is shown once their submission is safely on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Receipt {
    /// e.g. `K7QM-4TXD`.
    pub number: String,
}

/// Seals `submission` into the outbox. Returns only once the file and its name are durable.
pub fn submit(paths: &VaultPaths, submission: &Submission) -> Result<Receipt, OutboxError> {
    submission.check(crate::dates::today())?;
    seal_into_outbox(paths, submission)
}

/// As a file written by something other than the station would be: sealed without the rules.
#[cfg(test)]
pub(super) fn submit_unchecked(paths: &VaultPaths, submission: &Submission) -> Result<Receipt, OutboxError> {
    seal_into_outbox(paths, submission)
}

/// The manifest the station may seal and sign under, with its hash, or why there is none.
pub(crate) fn usable_manifest(paths: &VaultPaths) -> Result<(manifest::KioskManifest, String), OutboxError> {
    match manifest::station_manifest(&paths.manifest()) {
        manifest::StationManifest::Usable(m, hash) => Ok((*m, hash)),
        manifest::StationManifest::ChangedOutside => Err(OutboxError::ManifestChangedOutside),
        manifest::StationManifest::Missing => Err(OutboxError::NotReady),
        manifest::StationManifest::Damaged => Err(OutboxError::ManifestDamaged),
    }
}

fn seal_into_outbox(paths: &VaultPaths, submission: &Submission) -> Result<Receipt, OutboxError> {
    // The manifest this run published, if any, whatever has happened to the file since.
    let (manifest, manifest_hash) = usable_manifest(paths)?;
    let recipients: Vec<x25519::Recipient> = manifest
        .recipients
        .iter()
        .map(|r| x25519::Recipient::from_str(r).map_err(|_| OutboxError::NotReady))
        .collect::<Result<_, _>>()?;
    if recipients.is_empty() || manifest.vault_id.is_empty() {
        return Err(OutboxError::NotReady);
    }
    let outbox = paths.outbox_dir();
    let _exclusive = exclusive();
    if !outbox.is_dir() {
        std::fs::create_dir_all(&outbox).map_err(OutboxError::Write)?;
        atomic::sync_dir(paths.data_dir()).map_err(OutboxError::Write)?;
    }
    let (seq, prev_hash) = chain::next_link(&outbox).map_err(OutboxError::Write)?;
    let number = receipt::generate();
    let sealed = envelope::seal(
        &recipients,
        &Envelope {
            format: FORMAT,
            vault_id: manifest.vault_id,
            seq,
            prev_hash,
            receipt: number.clone(),
            submitted_at: now_utc(),
            manifest_hash,
            submission,
        },
    );
    atomic::write_atomic(&outbox.join(chain::file_name(seq)), &sealed).map_err(OutboxError::Write)?;
    Ok(Receipt { number })
}
