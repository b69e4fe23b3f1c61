//! The key hierarchy: admin passphrases → admin identities → the wrapped database key → the open
//! database, plus the paper recovery key. Owns every key file, unlock and lock, adding and removing
//! admins, and rotating the database key. Does not own the database's contents (see `store` and
//! `records`) or what the locked home shows (see `kiosk`).
//!
//! ```text
//! <data>/vault/admins/<id>.age   one admin's X25519 identity, scrypt log N = 18
//! <data>/vault/dek.age           the database key, to every admin + the recovery key
//! <data>/vault/safekeeper.db     SQLCipher 4
//! <data>/vault/kiosk.json        what the locked home may show (not secret)
//! ```

pub mod admins;
pub mod atomic;
pub mod backup;
pub mod keyfile;
pub mod passphrase;
pub mod restore;
mod session;
pub mod setup;
pub mod upgrade;

use std::path::{Path, PathBuf};

use crate::error::{CodedError, ErrorCode};
use crate::store::StoreError;
pub use session::from_backup::{read_backup_for_new_vault, BackupForNewVault};
pub use session::{NewVault, UnlockedVault, ADMIN_KEY_FILES_AT_ONCE, MAX_ADMIN_KEY_FILES, MAX_ADMIN_KEY_FILE_BYTES};

#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("That passphrase did not unlock Safekeeper. Check that Caps Lock is off and try again. Nothing has been changed.")]
    WrongPassphrase,
    #[error("An admin key file asks for far more work than Safekeeper allows, so it was not opened. It may have been tampered with. Nothing has been changed. Use another admin's passphrase or the recovery key.")]
    WorkFactorTooHigh,
    #[error("The {which} is damaged or has been changed, so Safekeeper cannot unlock. Nothing has been changed. Use another admin's passphrase or the recovery key, or restore the vault folder from a backup.")]
    KeyFileDamaged { which: &'static str },
    #[error("Safekeeper cannot unlock: the database key file does not belong to these records. Nothing has been changed. Restore the vault folder from a backup.")]
    NotThisVault,
    #[error("That is not a recovery key. A recovery key starts with AGE-SECRET-KEY-1 and is 74 characters long: check each group against your Emergency Kit.")]
    BadRecoveryKey,
    #[error("That recovery key belongs to a different Safekeeper vault. Nothing has been changed. Find the Emergency Kit made for this organisation.")]
    RecoveryKeyNotForThisVault,
    #[error("This admin has been removed and can no longer unlock Safekeeper. Ask another admin to add you again.")]
    AdminRemoved,
    #[error("That passphrase is too easy to guess. Use four or more random words, or a passphrase rated Strong.")]
    WeakPassphrase,
    #[error("Enter the organisation's name (up to 120 characters).")]
    InvalidOrgName,
    #[error("Enter the admin's full name (at least two letters, at most 100 characters).")]
    InvalidName,
    #[error("Safekeeper needs at least one admin, so the last admin cannot be removed.")]
    LastAdmin,
    #[error("You cannot remove yourself. Ask another admin to remove you.")]
    RemoveSelf,
    #[error("That admin was not found. They may already have been removed.")]
    AdminNotFound,
    #[error("The vault folder holds more admin key files than Safekeeper will try ({tried}), and none of those tried opened with that passphrase. Someone may have put files there. Nothing has been changed. Unlock with the recovery key, then check the list of admins in Settings.")]
    TooManyKeyFiles { tried: usize },
    #[error("Safekeeper has not been set up on this computer yet.")]
    NotSetUp,
    #[error("Safekeeper is already set up on this computer. To start again, restore or move the existing vault folder first.")]
    AlreadySetUp,
    #[error("Only the recovery key, or the admin themselves, can set a new passphrase for an admin.")]
    NotAllowed,
    #[error("A restore is waiting for you to keep it or undo it. Keep or undo the restore first (Settings, Backups), then try again. Nothing has been changed.")]
    RestoreWaiting,
    #[error("The records from before the restore no longer open with today's database key, so they cannot be put back. Keep the restored records, or restore another backup. Nothing has been changed.")]
    KeptAsideUnreadable,
    #[error(transparent)]
    Upgrade(#[from] upgrade::UpgradeError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Aup(#[from] crate::records::aup::AupError),
    #[error(transparent)]
    Consent(#[from] crate::records::consent::ConsentError),
    #[error("{}", io_words(.0))]
    Io(#[from] std::io::Error),
}

impl CodedError for VaultError {
    fn code(&self) -> ErrorCode {
        match self {
            VaultError::WrongPassphrase => ErrorCode::VaultWrongPassphrase,
            VaultError::WorkFactorTooHigh => ErrorCode::VaultWorkFactorTooHigh,
            VaultError::KeyFileDamaged { .. } => ErrorCode::VaultKeyFileDamaged,
            VaultError::NotThisVault => ErrorCode::VaultCannotUnlock,
            VaultError::BadRecoveryKey => ErrorCode::VaultBadRecoveryKey,
            VaultError::RecoveryKeyNotForThisVault => ErrorCode::VaultCannotUnlock,
            VaultError::AdminRemoved => ErrorCode::VaultAdminRemoved,
            VaultError::WeakPassphrase => ErrorCode::VaultWeakPassphrase,
            VaultError::InvalidOrgName => ErrorCode::VaultInvalidOrgName,
            VaultError::InvalidName => ErrorCode::VaultInvalidName,
            VaultError::LastAdmin => ErrorCode::AdminLastAdmin,
            VaultError::RemoveSelf => ErrorCode::AdminRemoveSelf,
            VaultError::AdminNotFound => ErrorCode::AdminNotFound,
            VaultError::TooManyKeyFiles { .. } => ErrorCode::VaultTooManyKeyFiles,
            VaultError::NotSetUp => ErrorCode::VaultNotSetUp,
            VaultError::AlreadySetUp => ErrorCode::SetupAlreadySetUp,
            VaultError::NotAllowed => ErrorCode::VaultNotAllowed,
            VaultError::RestoreWaiting => ErrorCode::RestoreAwaiting,
            VaultError::KeptAsideUnreadable => ErrorCode::RestoreKeptAsideUnreadable,
            VaultError::Upgrade(e) => e.code(),
            VaultError::Store(e) => e.code(),
            VaultError::Aup(e) => e.code(),
            VaultError::Consent(e) => e.code(),
            VaultError::Io(_) => ErrorCode::VaultIo,
        }
    }
}

/// A full disk, a read-only folder and a file another program holds are said in plain words;
/// anything else names the error.
fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::StorageFull => "The disk is full, so Safekeeper could not save its files. Nothing has been lost. Free some space on the disk (empty the wastebasket, or move large files elsewhere), then try again.".to_owned(),
        std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => "Safekeeper's data folder cannot be written to (the disk or folder may be read-only), so nothing was changed. Nothing has been lost. Ask whoever looks after the laptop to make the folder writable again, then try again.".to_owned(),
        std::io::ErrorKind::ResourceBusy => "Another program (often antivirus or the search indexer) kept one of Safekeeper's files open, so it could not be saved. Nothing has been lost. Wait a minute, then try again.".to_owned(),
        _ => format!("Safekeeper could not read or write its files ({e}). Check that the disk has free space and try again. Nothing has been lost."),
    }
}

/// Where one vault's files live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaultPaths {
    data_dir: PathBuf,
}

impl VaultPaths {
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Self { data_dir: data_dir.into() }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
    pub fn vault_dir(&self) -> PathBuf {
        self.data_dir.join("vault")
    }
    /// Where a vault is assembled during setup, so that a setup killed halfway leaves nothing
    /// that looks like a vault.
    pub fn staging_dir(&self) -> PathBuf {
        self.data_dir.join("vault.partial")
    }
    pub fn admins_dir(&self) -> PathBuf {
        self.vault_dir().join("admins")
    }
    pub fn admin_file(&self, id: &str) -> PathBuf {
        self.admins_dir().join(format!("{id}.age"))
    }
    pub fn wrapped_key(&self) -> PathBuf {
        self.vault_dir().join("dek.age")
    }
    /// A rotated database key waiting to be proven by a successful rekey.
    pub fn wrapped_key_next(&self) -> PathBuf {
        self.vault_dir().join("dek.age.next")
    }
    pub fn database(&self) -> PathBuf {
        self.vault_dir().join("safekeeper.db")
    }
    /// A backup re-encrypted for a restore, checked but not yet in use.
    pub fn restore_pending(&self) -> PathBuf {
        self.vault_dir().join("restore-pending.db")
    }
    /// The records as they were before the last restore, until the admin keeps or undoes it.
    pub fn before_restore(&self) -> PathBuf {
        self.vault_dir().join("before-restore.db")
    }
    pub fn manifest(&self) -> PathBuf {
        self.vault_dir().join("kiosk.json")
    }
    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join("outbox")
    }
    /// Files opened for printing; emptied on lock and at start.
    pub fn print_dir(&self) -> PathBuf {
        self.data_dir.join("print")
    }

    /// A vault exists once its key and database are both in place.
    pub fn exists(&self) -> bool {
        self.wrapped_key().is_file() && self.database().is_file()
    }
}
