//! Keeping the signing station in step with the vault. The station can only show what an unlocked
//! session last published, so the manifest is written again whenever something it shows changes.
//!
//! The vault notes those changes as they happen (a new vault, an admin added or removed, a new
//! passphrase, a restore kept or undone: each changes the keys submissions are sealed to or the
//! records behind the lists). A command that changes a record the station shows (an AUP
//! published or shown, a person listed or leaving, the consent form, the organisation's name)
//! notes it on the session too. The desktop shell then calls [`publish_if_outdated`] before the
//! command returns, so the file on disk is never behind what the admin was told; a failure to
//! write it is that command's error. [`lock`] publishes whatever is true at the lock.
//!
//! Owns building the manifest from an unlocked session. Does not decide when a record change
//! matters to the station (the command that made it does) and does not write the file itself
//! (see `manifest::publish`).

use super::manifest::{self, KioskManifest, ManifestError};
use crate::records::organisation;
use crate::store::StoreError;
use crate::vault::{UnlockedVault, VaultError};

/// Writes what the locked home may show, and records what was published. Nothing in it is
/// secret: people appear as tokens only this vault can map back.
pub fn publish(vault: &mut UnlockedVault) -> Result<(), VaultError> {
    let conn = vault.db().conn();
    let settings = organisation::get(conn)?;
    let salt = manifest::new_token_salt();
    let m = KioskManifest {
        format: manifest::FORMAT,
        vault_id: vault.vault_id()?,
        org_name: settings.org_name,
        demo_passphrase: vault.demo_passphrase()?,
        recipients: vault.recipients()?.iter().map(ToString::to_string).collect(),
        aups: manifest::signing_options(conn, &salt)?,
        consent: Some(manifest::consent_form(conn)?),
    };
    manifest::publish(conn, &vault.paths().manifest(), &m, &salt).map_err(|e| match e {
        ManifestError::Write(io) => VaultError::from(io),
        ManifestError::Store(db) => VaultError::from(StoreError::from(db)),
    })?;
    vault.station_published();
    Ok(())
}

/// Publishes if the session noted a change the station shows since it last published.
pub fn publish_if_outdated(vault: &mut UnlockedVault) -> Result<(), VaultError> {
    if vault.station_outdated() {
        publish(vault)?;
    }
    Ok(())
}

/// Locks the vault, leaving the signing station showing what was true at the lock, whatever
/// changed during the session. A failure to publish leaves the previous manifest, which is still a
/// safe one, and does not stop the lock.
pub fn lock(mut vault: UnlockedVault, reason: &str) -> Result<(), VaultError> {
    if let Err(e) = publish(&mut vault) {
        eprintln!(
            "safekeeper: signing-station list not refreshed at lock: {}",
            crate::error::CodedError::code(&e).as_str()
        );
    }
    vault.lock(reason)
}

#[cfg(test)]
mod tests;
