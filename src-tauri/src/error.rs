//! The error shape every command hands to the UI: `{ code, message }`, and the one list of codes
//! the UI may see.
//! Owns the conversion from each module's error enum into that shape; does not decide wording for
//! any module (each error's `Display` is its user-facing message and never holds names or record
//! text).

use serde::Serialize;
use ts_rs::TS;

/// Declares `ErrorCode` from `Variant = "module.code"` pairs, so the list, its strings and
/// `ErrorCode::ALL` cannot disagree.
macro_rules! error_codes {
    ($($variant:ident = $code:tt,)*) => {
        /// Every code a command can hand to the UI, exported to TypeScript as a union of strings so
        /// a page cannot test for a code that does not exist.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
        pub enum ErrorCode {
            $(#[serde(rename = $code)] $variant,)*
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
    AdminLastAdmin = "admin.lastAdmin",
    AdminNotFound = "admin.notFound",
    AdminRemoveSelf = "admin.removeSelf",

    // Made by the UI itself (`ui/src/lib/api.ts`), never by Rust.
    AppDenied = "app.denied",
    AppFailed = "app.failed",
    // Made by the UI itself (`ui/src/lib/api.ts`), never by Rust.
    AppUnexpected = "app.unexpected",
    AppWindow = "app.window",

    AupHashMismatch = "aup.hashMismatch",
    AupInvalidDslName = "aup.invalidDslName",
    AupInvalidRules = "aup.invalidRules",
    AupInvalidTitle = "aup.invalidTitle",
    AupMissingSection = "aup.missingSection",
    AupNoDraft = "aup.noDraft",
    AupNotFound = "aup.notFound",
    AupNotPublished = "aup.notPublished",
    AupNothingChanged = "aup.nothingChanged",
    AupVersionNotFound = "aup.versionNotFound",

    BackupAuditBroken = "backup.auditBroken",
    BackupBadReminderDays = "backup.badReminderDays",
    BackupDamaged = "backup.damaged",
    BackupEmpty = "backup.empty",
    BackupFailed = "backup.failed",
    BackupNotAge = "backup.notAge",
    BackupNotForThisVault = "backup.notForThisVault",
    BackupNotVerified = "backup.notVerified",
    BackupRunning = "backup.running",
    BackupSchemaChanged = "backup.schemaChanged",
    BackupTooLarge = "backup.tooLarge",
    BackupTooLargeToWrite = "backup.tooLargeToWrite",
    BackupTooNew = "backup.tooNew",
    BackupWrite = "backup.write",
    BackupWrongKind = "backup.wrongKind",

    BlankFormFolder = "blankForm.folder",
    BlankFormNoFolder = "blankForm.noFolder",

    ConsentAgeRule = "consent.ageRule",
    ConsentAlreadyConfirmed = "consent.alreadyConfirmed",
    ConsentAlreadyWithdrawn = "consent.alreadyWithdrawn",
    ConsentDuplicateReceipt = "consent.duplicateReceipt",
    ConsentGroupNotFound = "consent.groupNotFound",
    ConsentInvalid = "consent.invalid",
    ConsentNotFound = "consent.notFound",
    ConsentPersonNotFound = "consent.personNotFound",
    ConsentPublicationNotFound = "consent.publicationNotFound",

    DemoIo = "demo.io",
    DemoUnlocked = "demo.unlocked",
    DemoVaultExists = "demo.vaultExists",

    FormsAupNotPublished = "forms.aupNotPublished",
    FormsFontInvalid = "forms.fontInvalid",
    FormsImageUnreadable = "forms.imageUnreadable",
    FormsQrTooLong = "forms.qrTooLong",
    FormsRecoveryKeyMalformed = "forms.recoveryKeyMalformed",
    FormsRender = "forms.render",

    HandoverFailed = "handover.failed",
    HandoverWrite = "handover.write",

    ImportBadRow = "import.badRow",
    ImportChangedSincePreview = "import.changedSincePreview",
    ImportEmpty = "import.empty",
    ImportNoGroupColumn = "import.noGroupColumn",
    ImportNoNameColumn = "import.noNameColumn",
    ImportNoPreview = "import.noPreview",
    ImportTooLarge = "import.tooLarge",
    ImportUnreadable = "import.unreadable",

    IncidentAccessNeedsYou = "incident.accessNeedsYou",
    IncidentAmendmentKind = "incident.amendmentKind",
    IncidentAmendmentReason = "incident.amendmentReason",
    IncidentBadTransition = "incident.badTransition",
    IncidentCannotClose = "incident.cannotClose",
    IncidentClosed = "incident.closed",
    IncidentEntryNotFound = "incident.entryNotFound",
    IncidentInvalid = "incident.invalid",
    IncidentNotFound = "incident.notFound",

    KioskFormNotOffered = "kiosk.formNotOffered",

    OutboxBadConcern = "outbox.badConcern",
    OutboxBadConsent = "outbox.badConsent",
    OutboxBadCountersignature = "outbox.badCountersignature",
    OutboxBadMark = "outbox.badMark",
    OutboxBadTime = "outbox.badTime",
    OutboxBadTypedName = "outbox.badTypedName",
    OutboxCleanup = "outbox.cleanup",
    OutboxManifestChangedOutside = "outbox.manifestChangedOutside",
    OutboxNoSuchProblem = "outbox.noSuchProblem",
    OutboxNotReady = "outbox.notReady",
    OutboxRead = "outbox.read",
    OutboxUnknownPolicy = "outbox.unknownPolicy",
    OutboxWrite = "outbox.write",

    PeopleDateOfBirthRequired = "people.dateOfBirthRequired",
    PeopleGroupHasLinks = "people.groupHasLinks",
    PeopleInitialsOnly = "people.initialsOnly",
    PeopleInvalidDateOfBirth = "people.invalidDateOfBirth",
    PeopleInvalidEmail = "people.invalidEmail",
    PeopleInvalidName = "people.invalidName",
    PeopleInvalidPhone = "people.invalidPhone",
    PeopleInvalidPreferredName = "people.invalidPreferredName",
    PeopleLeaveBeforeStart = "people.leaveBeforeStart",
    PeopleNotAParentCarer = "people.notAParentCarer",
    PeopleNotAYoungPerson = "people.notAYoungPerson",
    PeopleNotFound = "people.notFound",

    PersonArchived = "person.archived",

    PolicyDocumentNotAccepted = "policy.documentNotAccepted",
    PolicyDocumentUnreadable = "policy.documentUnreadable",
    PolicyDuplicateVersion = "policy.duplicateVersion",
    PolicyInvalid = "policy.invalid",
    PolicyNoDocument = "policy.noDocument",
    PolicyNextReviewNotAfterReview = "policy.nextReviewNotAfterReview",
    PolicyNextReviewTooFar = "policy.nextReviewTooFar",
    PolicyNotFound = "policy.notFound",

    ReportPeriodBackwards = "report.periodBackwards",
    ReportPeriodInFuture = "report.periodInFuture",

    RestoreAwaiting = "restore.awaiting",
    RestoreFailed = "restore.failed",
    RestoreKeptAsideUnreadable = "restore.keptAsideUnreadable",
    RestoreNothingPending = "restore.nothingPending",
    RestoreRecoveryKeyNeeded = "restore.recoveryKeyNeeded",

    RetentionAlreadyHeld = "retention.alreadyHeld",
    RetentionBadNextReview = "retention.badNextReview",
    RetentionInvalidRule = "retention.invalidRule",
    RetentionLegalHold = "retention.legalHold",
    RetentionNotDue = "retention.notDue",
    RetentionNotFound = "retention.notFound",
    RetentionNotHeld = "retention.notHeld",
    RetentionReasonNeeded = "retention.reasonNeeded",

    SaveDataFolder = "save.dataFolder",
    SaveFailed = "save.failed",

    SettingsInvalidAutoLock = "settings.invalidAutoLock",
    SettingsInvalidOrgName = "settings.invalidOrgName",

    SetupAlreadySetUp = "setup.alreadySetUp",
    SetupConfirmationMismatch = "setup.confirmationMismatch",
    SetupFailed = "setup.failed",
    SetupInvalidName = "setup.invalidName",
    SetupInvalidOrgName = "setup.invalidOrgName",
    SetupKitNotDeleted = "setup.kitNotDeleted",
    SetupNotStarted = "setup.notStarted",
    SetupWeakPassphrase = "setup.weakPassphrase",

    SignatureAlreadyConfirmed = "signature.alreadyConfirmed",
    SignatureBadCountersignature = "signature.badCountersignature",
    SignatureBadFiledAt = "signature.badFiledAt",
    SignatureBadMark = "signature.badMark",
    SignatureBadPaperDate = "signature.badPaperDate",
    SignatureBadTime = "signature.badTime",
    SignatureBadTypedName = "signature.badTypedName",
    SignatureDuplicateReceipt = "signature.duplicateReceipt",
    SignatureNoScan = "signature.noScan",
    SignatureNotConfirmed = "signature.notConfirmed",
    SignatureNotFound = "signature.notFound",
    SignaturePersonNotFound = "signature.personNotFound",
    SignatureScanTooLarge = "signature.scanTooLarge",
    SignatureScanUnreadable = "signature.scanUnreadable",
    SignatureScanWrongType = "signature.scanWrongType",
    SignatureVersionNotFound = "signature.versionNotFound",
    SignatureVersionNotPublished = "signature.versionNotPublished",

    StoreAuditBroken = "store.auditBroken",
    StoreDamaged = "store.damaged",
    StoreDiskFull = "store.diskFull",
    StoreIo = "store.io",
    StoreKeyRejected = "store.keyRejected",
    StoreNotEncrypted = "store.notEncrypted",
    StoreReadOnly = "store.readOnly",
    StoreRekeyFailed = "store.rekeyFailed",
    StoreSchemaTooNew = "store.schemaTooNew",
    StoreSqlite = "store.sqlite",

    SubjectAccessPersonNotFound = "subjectAccess.personNotFound",
    SubjectAccessUnwritable = "subjectAccess.unwritable",

    TrainingCertificateTooLarge = "training.certificateTooLarge",
    TrainingCertificateUnreadable = "training.certificateUnreadable",
    TrainingCertificateWrongType = "training.certificateWrongType",
    TrainingCourseNotFound = "training.courseNotFound",
    TrainingInvalid = "training.invalid",
    TrainingNoCertificate = "training.noCertificate",
    TrainingPersonNotFound = "training.personNotFound",
    TrainingRecordNotFound = "training.recordNotFound",

    UpgradeBackupFailed = "upgrade.backupFailed",
    UpgradeFailed = "upgrade.failed",

    VaultAdminRemoved = "vault.adminRemoved",
    VaultBadRecoveryKey = "vault.badRecoveryKey",
    VaultCannotUnlock = "vault.cannotUnlock",
    VaultInvalidName = "vault.invalidName",
    VaultInvalidOrgName = "vault.invalidOrgName",
    VaultIo = "vault.io",
    VaultKeyFileDamaged = "vault.keyFileDamaged",
    VaultLocked = "vault.locked",
    VaultMustSetPassphrase = "vault.mustSetPassphrase",
    VaultNotAllowed = "vault.notAllowed",
    VaultNotSetUp = "vault.notSetUp",
    VaultTooManyKeyFiles = "vault.tooManyKeyFiles",
    VaultWeakPassphrase = "vault.weakPassphrase",
    VaultWorkFactorTooHigh = "vault.workFactorTooHigh",
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
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
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
    fn code(&self) -> ErrorCode;

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
