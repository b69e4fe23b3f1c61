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

/// Why a vault operation (unlock, setup, admins, keys, restore) failed. Each message says what to do
/// next and holds no names or record text.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The passphrase opens none of the admin key files.
    #[error("That passphrase did not unlock Safekeeper. Check that Caps Lock is off and try again. Nothing has been changed.")]
    WrongPassphrase,
    /// An admin key file asks for more scrypt work than Safekeeper allows (a sign of tampering).
    #[error("An admin key file asks for far more work than Safekeeper allows, so it was not opened. It may have been tampered with. Nothing has been changed. Use another admin's passphrase or the recovery key.")]
    WorkFactorTooHigh,
    /// A key file or the recovery key record could not be read or decrypted.
    #[error("The {which} is damaged or has been changed, so Safekeeper cannot unlock. Nothing has been changed. Use another admin's passphrase or the recovery key, or restore the vault folder from a backup.")]
    KeyFileDamaged {
        /// Which file, in words for the message (such as "admin key file").
        which: &'static str,
    },
    /// The database key file does not belong to this database.
    #[error("Safekeeper cannot unlock: the database key file does not belong to these records. Nothing has been changed. Restore the vault folder from a backup.")]
    NotThisVault,
    /// The text entered is not shaped like a recovery key.
    #[error("That is not a recovery key. A recovery key starts with AGE-SECRET-KEY-1 and is 74 characters long: check each group against your Emergency Kit.")]
    BadRecoveryKey,
    /// The recovery key is valid but belongs to another vault.
    #[error("That recovery key belongs to a different Safekeeper vault. Nothing has been changed. Find the Emergency Kit made for this organisation.")]
    RecoveryKeyNotForThisVault,
    /// The passphrase opened a key file, but that admin has been removed (or is being removed).
    #[error("This admin has been removed and can no longer unlock Safekeeper. Ask another admin to add you again.")]
    AdminRemoved,
    /// A new passphrase is rated too easy to guess.
    #[error("That passphrase is too easy to guess. Use four or more random words, or a passphrase rated Strong.")]
    WeakPassphrase,
    /// The organisation's name is empty or over 120 characters.
    #[error("Enter the organisation's name (up to 120 characters).")]
    InvalidOrgName,
    /// An admin's name is too short or over 100 characters.
    #[error("Enter the admin's full name (at least two letters, at most 100 characters).")]
    InvalidName,
    /// Removing this admin would leave none.
    #[error("Safekeeper needs at least one admin, so the last admin cannot be removed.")]
    LastAdmin,
    /// An admin tried to remove themselves.
    #[error("You cannot remove yourself. Ask another admin to remove you.")]
    RemoveSelf,
    /// No active admin has the id given.
    #[error("That admin was not found. They may already have been removed.")]
    AdminNotFound,
    /// More admin key files are in the folder than Safekeeper tries, and none of those tried opened.
    #[error("The vault folder holds more admin key files than Safekeeper will try ({tried}), and none of those tried opened with that passphrase. Someone may have put files there. Nothing has been changed. Unlock with the recovery key, then check the list of admins in Settings.")]
    TooManyKeyFiles {
        /// How many key files were tried before giving up.
        tried: usize,
    },
    /// No vault exists in the data folder.
    #[error("Safekeeper has not been set up on this computer yet.")]
    NotSetUp,
    /// Setup was asked for but a vault already exists.
    #[error("Safekeeper is already set up on this computer. To start again, restore or move the existing vault folder first.")]
    AlreadySetUp,
    /// A passphrase change was asked for by someone other than that admin or the recovery key.
    #[error("Only the recovery key, or the admin themselves, can set a new passphrase for an admin.")]
    NotAllowed,
    /// A restore is waiting to be kept or undone, so this change is refused.
    #[error("A restore is waiting for you to keep it or undo it. Keep or undo the restore first (Settings, Backups), then try again. Nothing has been changed.")]
    RestoreWaiting,
    /// The records kept aside before a restore no longer open with the current database key.
    #[error("The records from before the restore no longer open with today's database key, so they cannot be put back. Keep the restored records, or restore another backup. Nothing has been changed.")]
    KeptAsideUnreadable,
    /// Updating the records to this version's schema failed.
    #[error(transparent)]
    Upgrade(#[from] upgrade::UpgradeError),
    /// The database refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An AUP rule refused: seeding a new vault's default AUPs, or reading them for the station.
    #[error(transparent)]
    Aup(#[from] crate::records::aup::AupError),
    /// Reading the photo-consent form for the signing station's manifest failed.
    #[error(transparent)]
    Consent(#[from] crate::records::consent::ConsentError),
    /// A vault file could not be read or written.
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
    /// Paths for a vault whose data folder is `data_dir`.
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Self { data_dir: data_dir.into() }
    }

    /// The data folder: holds the vault, the signing station's outbox and the print folder.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
    /// The vault folder, holding the key files, the database and the manifest.
    pub fn vault_dir(&self) -> PathBuf {
        self.data_dir.join("vault")
    }
    /// Where a vault is assembled during setup, so that a setup killed halfway leaves nothing
    /// that looks like a vault.
    pub fn staging_dir(&self) -> PathBuf {
        self.data_dir.join("vault.partial")
    }
    /// The folder holding one key file per admin.
    pub fn admins_dir(&self) -> PathBuf {
        self.vault_dir().join("admins")
    }
    /// One admin's key file (`<id>.age`), holding their identity encrypted with their passphrase.
    pub fn admin_file(&self, id: &str) -> PathBuf {
        self.admins_dir().join(format!("{id}.age"))
    }
    /// The database key, encrypted to every admin and the recovery key.
    pub fn wrapped_key(&self) -> PathBuf {
        self.vault_dir().join("dek.age")
    }
    /// A rotated database key waiting to be proven by a successful rekey.
    pub fn wrapped_key_next(&self) -> PathBuf {
        self.vault_dir().join("dek.age.next")
    }
    /// The SQLCipher database holding the records.
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
    /// The signing station's manifest: what the locked home may show (not secret).
    pub fn manifest(&self) -> PathBuf {
        self.vault_dir().join("kiosk.json")
    }
    /// The signing station's outbox, where submissions wait for the next unlock.
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
