//! The error shape every command hands to the UI: `{ code, message }`, and the one list of codes
//! the UI may see.
//! Owns the conversion from each module's error enum into that shape; does not decide wording for
//! any module (each error's `Display` is its user-facing message and never holds names or record
//! text).

use serde::Serialize;
use ts_rs::TS;

/// Declares `ErrorCode` from `Variant = "module.code"` pairs, so the list, its strings and
/// `ErrorCode::ALL` cannot disagree. Each pair must be preceded by a `///` line saying what the
/// code means; it becomes the variant's documentation.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $code:tt,)*) => {
        /// Every code a command can hand to the UI, exported to TypeScript as a union of strings so
        /// a page cannot test for a code that does not exist.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
        pub enum ErrorCode {
            $($(#[doc = $doc])+ #[serde(rename = $code)] $variant,)*
        }

        impl ErrorCode {
            /// Every code, in the order declared.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as the UI sees it, such as `vault.wrongPassphrase`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    /// The admin to remove is the only one left, and Safekeeper always keeps at least one.
    AdminLastAdmin = "admin.lastAdmin",
    /// No admin has the id given (they may have been removed already).
    AdminNotFound = "admin.notFound",
    /// An admin tried to remove themselves; another admin must do it.
    AdminRemoveSelf = "admin.removeSelf",

    /// Made by the UI itself (`ui/src/lib/api.ts`), never by Rust: Tauri's permission layer refused
    /// the call because the command is not allowed in this window.
    AppDenied = "app.denied",
    /// Slow work run off the async runtime stopped before it finished; nothing was changed.
    AppFailed = "app.failed",
    /// Made by the UI itself (`ui/src/lib/api.ts`), never by Rust: a call failed with something other
    /// than a `CommandError` or a refusal (a script error, or no Tauri at all).
    AppUnexpected = "app.unexpected",
    /// The admin window could not be opened after unlocking or setup.
    AppWindow = "app.window",

    /// A stored AUP version no longer matches its content hash, so the records may have been
    /// changed outside Safekeeper.
    AupHashMismatch = "aup.hashMismatch",
    /// The DSL's name in an AUP is empty or longer than 100 characters.
    AupInvalidDslName = "aup.invalidDslName",
    /// An AUP has no numbered rules, more than 30, or a rule longer than 600 characters.
    AupInvalidRules = "aup.invalidRules",
    /// An AUP title is empty, longer than 120 characters or not on one line.
    AupInvalidTitle = "aup.invalidTitle",
    /// One of an AUP's required sections (introduction, consequences, monitoring, who to report to) is empty.
    AupMissingSection = "aup.missingSection",
    /// Publishing was asked for but the AUP has no draft.
    AupNoDraft = "aup.noDraft",
    /// No AUP has the id given.
    AupNotFound = "aup.notFound",
    /// The AUP has no published version to show on the signing station.
    AupNotPublished = "aup.notPublished",
    /// The draft is the same as the published version, so there is nothing to publish.
    AupNothingChanged = "aup.nothingChanged",
    /// No AUP version has the id given.
    AupVersionNotFound = "aup.versionNotFound",

    /// The audit chain inside a backup does not verify, so it may have been tampered with.
    BackupAuditBroken = "backup.auditBroken",
    /// The backup reminder interval is not a whole number of days from 1 to 90.
    BackupBadReminderDays = "backup.badReminderDays",
    /// A backup file is damaged or cut short and cannot be decrypted or read.
    BackupDamaged = "backup.damaged",
    /// The file chosen as a backup is empty.
    BackupEmpty = "backup.empty",
    /// Making a backup stopped unexpectedly (its background task ended); the records are unchanged.
    BackupFailed = "backup.failed",
    /// The file chosen as a backup is not age-encrypted.
    BackupNotAge = "backup.notAge",
    /// No key of this admin opens the backup, or it holds another vault's records.
    BackupNotForThisVault = "backup.notForThisVault",
    /// A backup was written but reading it back did not match, so it cannot be trusted.
    BackupNotVerified = "backup.notVerified",
    /// A backup or restore is already under way.
    BackupRunning = "backup.running",
    /// A backup's database is not laid out the way Safekeeper makes it (it was changed by hand).
    BackupSchemaChanged = "backup.schemaChanged",
    /// The file chosen as a backup is far larger than any backup, so it was not opened.
    BackupTooLarge = "backup.tooLarge",
    /// The records are larger than one backup file may be (512 MB), so no backup was written.
    BackupTooLargeToWrite = "backup.tooLargeToWrite",
    /// A backup was made by a newer version of Safekeeper, with a schema this version does not know.
    BackupTooNew = "backup.tooNew",
    /// The backup file could not be written to the chosen folder.
    BackupWrite = "backup.write",
    /// The file is encrypted for this vault but is not a backup (such as a signing-station submission).
    BackupWrongKind = "backup.wrongKind",

    /// The folder for blank forms could not be made in Documents.
    BlankFormFolder = "blankForm.folder",
    /// No Documents folder was found to save a blank form in.
    BlankFormNoFolder = "blankForm.noFolder",

    /// A consent breaks the age rule (who may consent for a young person of that age).
    ConsentAgeRule = "consent.ageRule",
    /// The consent from the signing station has already been confirmed.
    ConsentAlreadyConfirmed = "consent.alreadyConfirmed",
    /// The consent has already been withdrawn.
    ConsentAlreadyWithdrawn = "consent.alreadyWithdrawn",
    /// A signing-station consent with that receipt is already in the records.
    ConsentDuplicateReceipt = "consent.duplicateReceipt",
    /// No consent group has the id given.
    ConsentGroupNotFound = "consent.groupNotFound",
    /// A consent, publication, check or setting failed one of its field checks (the message names which).
    ConsentInvalid = "consent.invalid",
    /// No consent record has the id given.
    ConsentNotFound = "consent.notFound",
    /// The person is not in the register, or has been archived.
    ConsentPersonNotFound = "consent.personNotFound",
    /// No publication has the id given.
    ConsentPublicationNotFound = "consent.publicationNotFound",

    /// The demo vault's temporary folder or files could not be made.
    DemoIo = "demo.io",
    /// The demo was asked for while an admin is unlocked.
    DemoUnlocked = "demo.unlocked",
    /// A real vault is set up on this laptop, so the demo is not offered.
    DemoVaultExists = "demo.vaultExists",

    /// The AUP to print has no published version.
    FormsAupNotPublished = "forms.aupNotPublished",
    /// One of the built-in fonts could not be read, so nothing can be printed.
    FormsFontInvalid = "forms.fontInvalid",
    /// A stored picture (such as a drawn signature) could not be decoded, so the PDF was not made.
    FormsImageUnreadable = "forms.imageUnreadable",
    /// The text is too long to fit in a QR code.
    FormsQrTooLong = "forms.qrTooLong",
    /// The recovery key given for the Emergency Kit is empty or not one line.
    FormsRecoveryKeyMalformed = "forms.recoveryKeyMalformed",
    /// The PDF could not be laid out or written (a drawing problem in the code).
    FormsRender = "forms.render",

    /// The hand-over export stopped unexpectedly (its background task ended); the records are unchanged.
    HandoverFailed = "handover.failed",
    /// The hand-over export could not be written to the chosen folder.
    HandoverWrite = "handover.write",

    /// A row of the people CSV no longer passes the checks it passed at preview.
    ImportBadRow = "import.badRow",
    /// Someone in the CSV was added to the register after the preview.
    ImportChangedSincePreview = "import.changedSincePreview",
    /// The CSV file chosen for import is empty.
    ImportEmpty = "import.empty",
    /// The CSV's header row has no group or role column.
    ImportNoGroupColumn = "import.noGroupColumn",
    /// The CSV's header row has no name column.
    ImportNoNameColumn = "import.noNameColumn",
    /// An import was confirmed but no preview is waiting (the file must be chosen again).
    ImportNoPreview = "import.noPreview",
    /// The CSV is over the import limit (5 MB or 10,000 rows).
    ImportTooLarge = "import.tooLarge",
    /// The CSV cannot be read (a quoted cell never ends).
    ImportUnreadable = "import.unreadable",

    /// A restricted incident's access list would leave out the admin making the change.
    IncidentAccessNeedsYou = "incident.accessNeedsYou",
    /// A file was offered as evidence for a kind of incident where an image may be indecent.
    IncidentImagesNeverStored = "incident.imagesNeverStored",
    /// An evidence file is over the size cap.
    IncidentFileTooLarge = "incident.fileTooLarge",
    /// An evidence file is not a PNG, a JPEG or a PDF.
    IncidentFileWrongType = "incident.fileWrongType",
    /// No such evidence file is attached to the incident.
    IncidentFileNotFound = "incident.fileNotFound",
    /// A filtering-log line is not a breach, or was recorded as an incident already.
    IncidentFilteringBreach = "incident.filteringBreach",
    /// An amendment tries to correct an entry of a different kind.
    IncidentAmendmentKind = "incident.amendmentKind",
    /// An amendment was made without saying why.
    IncidentAmendmentReason = "incident.amendmentReason",
    /// The incident cannot move from its current status to the one asked for.
    IncidentBadTransition = "incident.badTransition",
    /// The incident lacks what it needs before it may be closed (the message lists it).
    IncidentCannotClose = "incident.cannotClose",
    /// The incident is closed, so nothing may be added or corrected until it is reopened.
    IncidentClosed = "incident.closed",
    /// No entry in this incident has the id given.
    IncidentEntryNotFound = "incident.entryNotFound",
    /// An incident or entry failed one of its field checks (the message names which).
    IncidentInvalid = "incident.invalid",
    /// No incident has the id given, or this admin may not see it.
    IncidentNotFound = "incident.notFound",

    /// The signing station no longer offers the form that was asked for.
    KioskFormNotOffered = "kiosk.formNotOffered",

    /// A concern from the signing station failed its checks (the message says which).
    OutboxBadConcern = "outbox.badConcern",
    /// A consent from the signing station failed its checks (the message says which).
    OutboxBadConsent = "outbox.badConsent",
    /// A young person's signature lacks the parent or carer's full name or signature.
    OutboxBadCountersignature = "outbox.badCountersignature",
    /// The drawn signature sent by the signing station could not be read.
    OutboxBadMark = "outbox.badMark",
    /// The time of signing sent by the signing station could not be read.
    OutboxBadTime = "outbox.badTime",
    /// The typed name on a signing-station signature is not a full name.
    OutboxBadTypedName = "outbox.badTypedName",
    /// Submissions were recorded, but their files could not be removed from the outbox.
    OutboxCleanup = "outbox.cleanup",
    /// The signing station's manifest was changed while Safekeeper was closed, so the station
    /// takes nothing in.
    OutboxManifestChangedOutside = "outbox.manifestChangedOutside",
    /// The signing station's manifest file is damaged, so the station takes nothing in until an
    /// admin unlocks and it is written again.
    OutboxManifestDamaged = "outbox.manifestDamaged",
    /// The kept submission named is no longer waiting for a decision.
    OutboxNoSuchProblem = "outbox.noSuchProblem",
    /// The signing station has no manifest yet (no admin has unlocked since setup).
    OutboxNotReady = "outbox.notReady",
    /// The outbox folder or a submission in it could not be read; they wait for the next unlock.
    OutboxRead = "outbox.read",
    /// A submission names an AUP the signing station no longer offers.
    OutboxUnknownPolicy = "outbox.unknownPolicy",
    /// A submission could not be written to the outbox, so nothing was kept.
    OutboxWrite = "outbox.write",

    /// A young person was saved without a date of birth.
    PeopleDateOfBirthRequired = "people.dateOfBirthRequired",
    /// The person's group cannot change while they are linked to a young person or a parent or carer.
    PeopleGroupHasLinks = "people.groupHasLinks",
    /// The name given is only initials, not a first and last name.
    PeopleInitialsOnly = "people.initialsOnly",
    /// The date of birth is in the future or before 1 January 1900.
    PeopleInvalidDateOfBirth = "people.invalidDateOfBirth",
    /// The email address is not in a valid format.
    PeopleInvalidEmail = "people.invalidEmail",
    /// The name lacks a first and last name, or has characters a name may not hold.
    PeopleInvalidName = "people.invalidName",
    /// The phone number holds characters other than digits, spaces and + ( ) -.
    PeopleInvalidPhone = "people.invalidPhone",
    /// The preferred name has characters a name may not hold, or is over 100 characters.
    PeopleInvalidPreferredName = "people.invalidPreferredName",
    /// The leaving date is before the start date.
    PeopleLeaveBeforeStart = "people.leaveBeforeStart",
    /// Someone outside the parent or carer group was linked as a parent or carer.
    PeopleNotAParentCarer = "people.notAParentCarer",
    /// Someone who is not a young person was linked to a parent or carer.
    PeopleNotAYoungPerson = "people.notAYoungPerson",
    /// No person in the register has the id given.
    PeopleNotFound = "people.notFound",

    /// The person has left (is archived), so they cannot be shown on the signing station.
    PersonArchived = "person.archived",

    /// The policy document is not a PDF, Word or OpenDocument file, or is over 10 MB.
    PolicyDocumentNotAccepted = "policy.documentNotAccepted",
    /// The policy document chosen could not be read from disk.
    PolicyDocumentUnreadable = "policy.documentUnreadable",
    /// The version number given is already in the policy's history.
    PolicyDuplicateVersion = "policy.duplicateVersion",
    /// A policy, review or filtering-log entry failed one of its field checks (the message names which).
    PolicyInvalid = "policy.invalid",
    /// No document is stored for this policy.
    PolicyNoDocument = "policy.noDocument",
    /// The next review date is not after the date of the review.
    PolicyNextReviewNotAfterReview = "policy.nextReviewNotAfterReview",
    /// The next review date is too many years after the review.
    PolicyNextReviewTooFar = "policy.nextReviewTooFar",
    /// No policy has the id given.
    PolicyNotFound = "policy.notFound",

    /// The trustee report's period ends before it starts.
    ReportPeriodBackwards = "report.periodBackwards",
    /// The trustee report's period ends after today.
    ReportPeriodInFuture = "report.periodInFuture",

    /// A restore is waiting to be kept or undone, so other changes are refused until then.
    RestoreAwaiting = "restore.awaiting",
    /// Reading or restoring a backup stopped unexpectedly (its background task ended); nothing was changed.
    RestoreFailed = "restore.failed",
    /// The records kept aside before a restore no longer open with the current database key, so
    /// they cannot be put back.
    RestoreKeptAsideUnreadable = "restore.keptAsideUnreadable",
    /// Keep or undo was asked for, but no restore is waiting.
    RestoreNothingPending = "restore.nothingPending",
    /// The backup was not made by this vault or was changed since, so only the recovery key may restore it.
    RestoreRecoveryKeyNeeded = "restore.recoveryKeyNeeded",

    /// The record is already under a legal hold.
    RetentionAlreadyHeld = "retention.alreadyHeld",
    /// The next retention review date is not after today, or too many years away.
    RetentionBadNextReview = "retention.badNextReview",
    /// A retention rule failed its checks (the message says which).
    RetentionInvalidRule = "retention.invalidRule",
    /// The record is under a legal hold, so it cannot be erased.
    RetentionLegalHold = "retention.legalHold",
    /// The record is not due for a retention review yet.
    RetentionNotDue = "retention.notDue",
    /// The record is not found (it may have been erased), or this admin may not see it.
    RetentionNotFound = "retention.notFound",
    /// A hold was to be lifted from a record that is not under one.
    RetentionNotHeld = "retention.notHeld",
    /// A retention decision was made without a reason, or with one over 2,000 characters.
    RetentionReasonNeeded = "retention.reasonNeeded",

    /// The folder chosen to save a file in is Safekeeper's own data folder.
    SaveDataFolder = "save.dataFolder",
    /// The file could not be written to the folder chosen.
    SaveFailed = "save.failed",

    /// The auto-lock time is outside the minutes allowed.
    SettingsInvalidAutoLock = "settings.invalidAutoLock",
    /// The organisation's name is empty or over 120 characters.
    SettingsInvalidOrgName = "settings.invalidOrgName",

    /// Setup was asked for but a vault already exists on this computer.
    SetupAlreadySetUp = "setup.alreadySetUp",
    /// The characters typed do not match the end of the recovery key.
    SetupConfirmationMismatch = "setup.confirmationMismatch",
    /// Setup stopped unexpectedly (its background task ended); nothing was saved.
    SetupFailed = "setup.failed",
    /// The first admin's name is too short or over 100 characters.
    SetupInvalidName = "setup.invalidName",
    /// The organisation's name given at setup is empty or over 120 characters.
    SetupInvalidOrgName = "setup.invalidOrgName",
    /// The saved Emergency Kit file could not be deleted.
    SetupKitNotDeleted = "setup.kitNotDeleted",
    /// A later setup step was asked for before the recovery key was made.
    SetupNotStarted = "setup.notStarted",
    /// The first admin's passphrase is too easy to guess.
    SetupWeakPassphrase = "setup.weakPassphrase",

    /// The signature has already been confirmed.
    SignatureAlreadyConfirmed = "signature.alreadyConfirmed",
    /// A countersignature lacks the parent or carer's full name.
    SignatureBadCountersignature = "signature.badCountersignature",
    /// Where the paper copy is filed is empty or over 200 characters.
    SignatureBadFiledAt = "signature.badFiledAt",
    /// The drawn signature could not be read.
    SignatureBadMark = "signature.badMark",
    /// The date a paper copy was signed is missing or in the future.
    SignatureBadPaperDate = "signature.badPaperDate",
    /// The time of signing could not be read.
    SignatureBadTime = "signature.badTime",
    /// The typed name is not a full name.
    SignatureBadTypedName = "signature.badTypedName",
    /// A signing-station signature with that receipt is already recorded.
    SignatureDuplicateReceipt = "signature.duplicateReceipt",
    /// No scan is stored for this signature.
    SignatureNoScan = "signature.noScan",
    /// The signature has not been confirmed yet.
    SignatureNotConfirmed = "signature.notConfirmed",
    /// No signature has the id given.
    SignatureNotFound = "signature.notFound",
    /// No person in the register has the id given.
    SignaturePersonNotFound = "signature.personNotFound",
    /// The name typed at the signing station cannot be used for a new visitor's person record.
    SignatureVisitorName = "signature.visitorName",
    /// The scan of a paper signature is over 5 MB.
    SignatureScanTooLarge = "signature.scanTooLarge",
    /// The scan chosen could not be read from disk.
    SignatureScanUnreadable = "signature.scanUnreadable",
    /// The scan is not a PNG, JPEG or PDF file (judged by its content, not its name).
    SignatureScanWrongType = "signature.scanWrongType",
    /// No AUP version has the id given.
    SignatureVersionNotFound = "signature.versionNotFound",
    /// The AUP version to sign is not published.
    SignatureVersionNotPublished = "signature.versionNotPublished",

    /// The audit chain in the records does not verify, so something changed them outside Safekeeper.
    StoreAuditBroken = "store.auditBroken",
    /// The database file failed its integrity check.
    StoreDamaged = "store.damaged",
    /// SQLite could not write because the disk is full.
    StoreDiskFull = "store.diskFull",
    /// The database file could not be read or written.
    StoreIo = "store.io",
    /// The database key does not open the records file.
    StoreKeyRejected = "store.keyRejected",
    /// The records file is not encrypted, so Safekeeper will not use it.
    StoreNotEncrypted = "store.notEncrypted",
    /// SQLite could not write because the database or its folder is read-only.
    StoreReadOnly = "store.readOnly",
    /// Moving the records to a new database key failed; they still open with the old one.
    StoreRekeyFailed = "store.rekeyFailed",
    /// The records were written by a newer version of Safekeeper, with a schema this version does not know.
    StoreSchemaTooNew = "store.schemaTooNew",
    /// Any other SQLite failure.
    StoreSqlite = "store.sqlite",

    /// The person named in a subject access request is not in the register.
    SubjectAccessPersonNotFound = "subjectAccess.personNotFound",
    /// The subject access export could not be put together.
    SubjectAccessUnwritable = "subjectAccess.unwritable",

    /// The certificate file is over 5 MB.
    TrainingCertificateTooLarge = "training.certificateTooLarge",
    /// The certificate chosen could not be read from disk.
    TrainingCertificateUnreadable = "training.certificateUnreadable",
    /// The certificate is not a PNG, JPEG or PDF file.
    TrainingCertificateWrongType = "training.certificateWrongType",
    /// No training course has the id given.
    TrainingCourseNotFound = "training.courseNotFound",
    /// A course or training record failed one of its field checks (the message names which).
    TrainingInvalid = "training.invalid",
    /// No certificate is stored with this training record.
    TrainingNoCertificate = "training.noCertificate",
    /// One of the people chosen is not in the register, or is archived.
    TrainingPersonNotFound = "training.personNotFound",
    /// No training record has the id given.
    TrainingRecordNotFound = "training.recordNotFound",

    /// The backup made before updating the records to a new schema could not be written, so
    /// nothing was changed.
    UpgradeBackupFailed = "upgrade.backupFailed",
    /// Updating the records to a new schema failed; they were left as they were, with a backup beside them.
    UpgradeFailed = "upgrade.failed",

    /// The admin has been removed and can no longer unlock.
    VaultAdminRemoved = "vault.adminRemoved",
    /// The text entered is not shaped like a recovery key.
    VaultBadRecoveryKey = "vault.badRecoveryKey",
    /// The key files do not belong to these records, the recovery key is another vault's, or
    /// unlocking stopped unexpectedly.
    VaultCannotUnlock = "vault.cannotUnlock",
    /// An admin's name is too short or over 100 characters.
    VaultInvalidName = "vault.invalidName",
    /// The organisation's name is empty or over 120 characters.
    VaultInvalidOrgName = "vault.invalidOrgName",
    /// The vault's files could not be read or written (disk full, read-only or busy).
    VaultIo = "vault.io",
    /// A key file is damaged or has been changed, so it cannot be opened.
    VaultKeyFileDamaged = "vault.keyFileDamaged",
    /// Safekeeper is locked; an admin command needs an unlocked session.
    VaultLocked = "vault.locked",
    /// A recovery-key session must set a new admin passphrase before doing anything else.
    VaultMustSetPassphrase = "vault.mustSetPassphrase",
    /// Someone other than the admin themselves, or the recovery key, tried to set an admin's passphrase.
    VaultNotAllowed = "vault.notAllowed",
    /// No vault is set up on this computer yet.
    VaultNotSetUp = "vault.notSetUp",
    /// The vault folder holds more admin key files than Safekeeper will try, and none tried opened.
    VaultTooManyKeyFiles = "vault.tooManyKeyFiles",
    /// The new passphrase is too easy to guess.
    VaultWeakPassphrase = "vault.weakPassphrase",
    /// An admin key file asks for more scrypt work than Safekeeper allows, so it was not opened.
    VaultWorkFactorTooHigh = "vault.workFactorTooHigh",
    /// The passphrase opens none of the admin key files.
    VaultWrongPassphrase = "vault.wrongPassphrase",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for ErrorCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// What the UI receives when a command fails. The UI switches on `code`; `message` is shown as is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    /// Which failure this is; the UI chooses what to do from this alone.
    pub code: ErrorCode,
    /// The sentence shown to the person at the laptop: what happened and what to do next, never
    /// holding names or record text.
    pub message: String,
}

impl CommandError {
    /// An error with this code and this user-facing message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for CommandError {}

/// Each module's error enum names a stable code for the UI.
pub trait CodedError: std::fmt::Display {
    /// The code the UI receives for this error.
    fn code(&self) -> ErrorCode;

    /// This error as the UI receives it: its code, and its `Display` as the message.
    fn to_command_error(&self) -> CommandError {
        CommandError::new(self.code(), self.to_string())
    }
}

/// The one conversion from a module's error into what the UI receives: its code, and its
/// `Display` as the message.
impl<E: CodedError> From<E> for CommandError {
    fn from(e: E) -> Self {
        e.to_command_error()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_module_dot_name_and_appears_once() {
        let mut seen = std::collections::BTreeSet::new();
        for code in ErrorCode::ALL {
            let s = code.as_str();
            let (module, name) = s.split_once('.').unwrap_or_else(|| panic!("{s} has no module"));
            assert!(!module.is_empty() && module.chars().all(|c| c.is_ascii_alphabetic()), "{s}");
            assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()), "{s}");
            assert!(module.starts_with(|c: char| c.is_ascii_lowercase()), "{s}");
            assert!(seen.insert(s), "{s} is declared twice");
        }
    }

    #[test]
    fn a_code_reaches_the_ui_as_its_string() {
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).expect("json"), serde_json::Value::from(code.as_str()));
        }
        let e = CommandError::new(ErrorCode::VaultLocked, "Locked.");
        assert_eq!(
            serde_json::to_value(&e).expect("json"),
            serde_json::json!({ "code": "vault.locked", "message": "Locked." })
        );
    }

    #[test]
    fn the_typescript_union_holds_every_code_and_nothing_else() {
        let decl = ErrorCode::decl(&ts_rs::Config::default());
        let union: std::collections::BTreeSet<&str> = decl.split('"').skip(1).step_by(2).collect();
        let all: std::collections::BTreeSet<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(union, all);
    }
}
