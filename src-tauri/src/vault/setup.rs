//! The first-run setup wizard's rules, before any vault exists: checking the organisation's name,
//! the first admin's name and the strength of their passphrase; making the paper recovery key once
//! and keeping it while the answers change; remembering each Emergency Kit copy saved, so exactly
//! those can be deleted once the kit is printed; and the typed confirmation of the key before the
//! vault is written. Owns `PendingSetup`. Does not lay out the Emergency Kit (see
//! `forms::emergency_kit`), choose where it is saved (the desktop shell does), or write the vault
//! (see `UnlockedVault::create`).

use std::path::{Path, PathBuf};

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::{admins, passphrase, NewVault, UnlockedVault, VaultError, VaultPaths};
use crate::error::{CodedError, ErrorCode};
use crate::records::organisation;

/// How many characters from the end of the recovery key the admin types to show they have it.
const CONFIRM_CHARACTERS: usize = 6;

/// Why a step of the setup wizard was refused. Each says what to do next.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// The organisation's name is empty or too long.
    #[error("Enter your organisation's name (up to 120 characters).")]
    InvalidOrgName,
    /// The first admin's name is not a usable full name.
    #[error("Enter your full name (at least two letters, at most 100 characters).")]
    InvalidName,
    /// The passphrase is rated too weak.
    #[error("That passphrase is too easy to guess. Use four or more random words, or a passphrase rated Strong.")]
    WeakPassphrase,
    /// A later step came before the recovery key was made.
    #[error("Start setup again: the recovery key has not been made yet.")]
    NotStarted,
    /// The characters typed do not match the end of the recovery key.
    #[error(
        "Those are not the last 6 characters of your recovery key. Check the key on your Emergency Kit and try again."
    )]
    ConfirmationMismatch,
    /// A saved Emergency Kit could not be deleted when setup was started again.
    #[error("The saved Emergency Kit could not be deleted. Delete it yourself from the folder you saved it in.")]
    KitNotDeleted,
    /// Making a vault from a backup on the first-run screen, with no backup read first (or read
    /// before the app last started).
    #[error("Choose the backup file again, then try again.")]
    NoBackupRead,
    /// The work of writing the vault ended before it could say how (the thread running it died).
    #[error("Setup stopped unexpectedly. Nothing was saved; please try again.")]
    Stopped,
    /// Writing or opening the vault failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl CodedError for SetupError {
    fn code(&self) -> ErrorCode {
        match self {
            SetupError::InvalidOrgName => ErrorCode::SetupInvalidOrgName,
            SetupError::InvalidName => ErrorCode::SetupInvalidName,
            SetupError::WeakPassphrase => ErrorCode::SetupWeakPassphrase,
            SetupError::NotStarted => ErrorCode::SetupNotStarted,
            SetupError::ConfirmationMismatch => ErrorCode::SetupConfirmationMismatch,
            SetupError::KitNotDeleted => ErrorCode::SetupKitNotDeleted,
            SetupError::NoBackupRead => ErrorCode::RestoreNothingPending,
            SetupError::Stopped => ErrorCode::SetupFailed,
            SetupError::Vault(e) => e.code(),
        }
    }
}

/// What the wizard has collected before the vault is written. Held in memory only: nothing of it
/// reaches the disk until `finish`, apart from the Emergency Kit copies the admin chose to save.
pub struct PendingSetup {
    org_name: String,
    admin_name: String,
    passphrase: SecretString,
    recovery: x25519::Identity,
    created: NaiveDate,
    /// Each Emergency Kit copy saved by this setup, with the SHA-256 of what was written, so
    /// "delete the saved copy" removes exactly those files and nothing else.
    kits_saved: Vec<(PathBuf, [u8; 32])>,
}

/// What the Emergency Kit printed during setup holds, and the file name to offer for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupKit {
    /// The organisation's name as the wizard accepted it.
    pub org_name: String,
    /// The day setup began, printed on the kit.
    pub created: NaiveDate,
    /// The paper recovery key, `AGE-SECRET-KEY-1…`: the kit is the only place it is kept.
    pub recovery_key: String,
    /// "Safekeeper Emergency Kit 2026-11-22.pdf".
    pub file_name: String,
}

/// Answers the admin has confirmed by typing the end of their recovery key: the only way to reach
/// `finish`.
pub struct ConfirmedSetup(PendingSetup);

/// Refuses once a vault exists on this computer: setup and the first-run restore are for a
/// computer without one.
pub fn refuse_if_set_up(paths: &VaultPaths) -> Result<(), VaultError> {
    if paths.exists() {
        return Err(VaultError::AlreadySetUp);
    }
    Ok(())
}

/// Checks the wizard's answers and keeps them in `pending`, making the recovery key the first
/// time. Going back and changing an answer keeps the same recovery key, so an Emergency Kit
/// already saved stays valid; answers that are refused leave `pending` as it was.
pub fn begin<'a>(
    pending: &'a mut Option<PendingSetup>,
    paths: &VaultPaths,
    org_name: &str,
    admin_name: &str,
    passphrase: String,
) -> Result<&'a PendingSetup, SetupError> {
    refuse_if_set_up(paths)?;
    let org_name = organisation::validate_org_name(org_name).ok_or(SetupError::InvalidOrgName)?;
    let admin_name = admins::validate_name(admin_name).ok_or(SetupError::InvalidName)?;
    if !passphrase::strength(&passphrase, &[&org_name, &admin_name]).acceptable {
        return Err(SetupError::WeakPassphrase);
    }
    let (recovery, kits_saved) =
        pending.take().map_or_else(|| (x25519::Identity::generate(), Vec::new()), |p| (p.recovery, p.kits_saved));
    Ok(pending.insert(PendingSetup {
        org_name,
        admin_name,
        passphrase: SecretString::from(passphrase),
        recovery,
        created: crate::dates::today(),
        kits_saved,
    }))
}

/// What to print on the Emergency Kit for the setup under way.
pub fn kit(pending: Option<&PendingSetup>) -> Result<SetupKit, SetupError> {
    let pending = pending.ok_or(SetupError::NotStarted)?;
    Ok(SetupKit {
        org_name: pending.org_name.clone(),
        created: pending.created,
        recovery_key: pending.recovery_key(),
        file_name: format!("Safekeeper Emergency Kit {}.pdf", pending.created.format("%Y-%m-%d")),
    })
}

/// Deletes the Emergency Kit copies this setup saved, once the admin says the kit is printed.
/// Only those exact files: a file at one of those paths that no longer holds what was saved there
/// is left alone. Returns how many were deleted.
pub fn delete_saved_kits(pending: Option<&mut PendingSetup>) -> Result<u32, SetupError> {
    let pending = pending.ok_or(SetupError::NotStarted)?;
    let mut deleted = 0;
    for (path, hash) in std::mem::take(&mut pending.kits_saved) {
        match std::fs::read(&path) {
            Ok(bytes) if <[u8; 32]>::from(Sha256::digest(&bytes)) == hash => {
                std::fs::remove_file(&path).map_err(|_| SetupError::KitNotDeleted)?;
                deleted += 1;
            }
            // Gone already, or changed since: not the file this setup saved.
            _ => {}
        }
    }
    Ok(deleted)
}

/// Checks the characters the admin typed from the end of their recovery key (spaces and case do
/// not matter) and, when they match, takes the answers out of `pending` to write. A mismatch
/// leaves `pending` in place to try again.
pub fn confirm(pending: &mut Option<PendingSetup>, typed: &str) -> Result<ConfirmedSetup, SetupError> {
    let found = pending.as_ref().ok_or(SetupError::NotStarted)?;
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let key = found.recovery_key();
    let expected = &key[key.len().saturating_sub(CONFIRM_CHARACTERS)..];
    if typed != expected {
        return Err(SetupError::ConfirmationMismatch);
    }
    Ok(ConfirmedSetup(pending.take().ok_or(SetupError::NotStarted)?))
}

/// Writes the new vault from confirmed answers and opens it for the first admin.
pub fn finish(paths: &VaultPaths, confirmed: ConfirmedSetup) -> Result<UnlockedVault, VaultError> {
    let answers = confirmed.0;
    UnlockedVault::create(
        paths,
        NewVault {
            org_name: &answers.org_name,
            admin_name: &answers.admin_name,
            passphrase: &answers.passphrase,
            recovery: &answers.recovery,
            demo_passphrase: None,
        },
    )
}

impl PendingSetup {
    /// The paper recovery key as text, `AGE-SECRET-KEY-1…`, to show and print. It is never
    /// written to the laptop.
    pub fn recovery_key(&self) -> String {
        self.recovery.to_string().expose_secret().to_owned()
    }

    /// Notes that `pdf` was saved at `path` as a copy of the Emergency Kit, so that
    /// `delete_saved_kits` can remove exactly that file later.
    pub fn kit_saved(&mut self, path: &Path, pdf: &[u8]) {
        self.kits_saved.push((path.to_path_buf(), Sha256::digest(pdf).into()));
    }
}

#[cfg(test)]
mod tests;
