//! The shapes that cross into the UI, and the check that `ui/src/lib/bindings.ts` matches them.
//! Types owned by a domain module are declared there; the ones that only describe the app's
//! state to the UI live here. Run `UPDATE_BINDINGS=1 cargo test --no-default-features bindings`
//! to rewrite the TypeScript after changing a type.

use serde::Serialize;
use ts_rs::TS;

pub use crate::error::{CommandError, ErrorCode};
pub use crate::kiosk::outbox::{
    IngestReport, KeptSubmission, OutboxProblem, ProblemKind, RetryOutcome, SubmissionKind,
};
pub use crate::records::aup::{Audience, Aup, AupContent, AupDetail, AupVersion, AupVersionSummary, VersionStatus};
pub use crate::records::people::{PeopleQuery, Person, PersonDraft, PersonGroup, PersonLinks, PersonStatus};
pub use crate::records::people_import::{ImportPreview, ImportRow, RowIssue};
pub use crate::records::signatures::{
    Countersignature, Coverage, CoverageEntry, OnScreenSignature, PaperSignature, PaperSignatureForm, Signature,
    SignatureMark, SignatureSource, Signer, SigningMethod, UnconfirmedSignature,
};
pub use crate::store::audit::AuditStatus;
pub use crate::vault::admins::AdminSummary;
pub use crate::vault::passphrase::PassphraseStrength;

/// Where the app is: no vault yet, locked (the signing station), or an admin is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Phase {
    /// No vault exists in the data folder yet: the setup wizard runs.
    Setup,
    /// A vault exists and no admin is in: the locked home (signing station) shows.
    Locked,
    /// An admin session is open.
    Unlocked,
}

/// What the locked home needs to draw itself. Holds nothing personal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    /// Where the app is now.
    pub phase: Phase,
    /// The organisation's name from the signing station's manifest; `None` when there is no usable
    /// manifest (no vault yet, or it was changed outside Safekeeper).
    pub org_name: Option<String>,
    /// True when this is the throwaway demo vault rather than the organisation's own.
    pub demo: bool,
    /// The demo vault's passphrase, shown on the locked home so anyone can try the demo; `None`
    /// outside the demo.
    pub demo_passphrase: Option<String>,
    /// The operating system's key store shows the signing station's manifest was changed while
    /// Safekeeper was closed: the station takes nothing in until an admin unlocks.
    pub station_changed_outside: bool,
}

/// Who is in, for the admin window's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// The organisation's name, from the settings in the vault.
    pub org_name: String,
    /// The admin who unlocked (a UUID, as in `AdminSummary::id`); `None` in a recovery-key session.
    pub admin_id: Option<String>,
    /// That admin's full name; `None` in a recovery-key session.
    pub admin_name: Option<String>,
    /// True when this is the throwaway demo vault.
    pub demo: bool,
    /// True when the session was opened with the paper recovery key: until a new passphrase is set
    /// it may do little else.
    pub recovery_mode: bool,
    /// Minutes without activity before Safekeeper locks itself.
    pub auto_lock_minutes: u32,
}

/// What the admin's Settings page shows and edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// The organisation's name, as printed on forms and shown in the header.
    pub org_name: String,
    /// Minutes without activity before Safekeeper locks itself.
    pub auto_lock_minutes: u32,
    /// Every active admin who can unlock, with the signed-in one marked.
    pub admins: Vec<AdminSummary>,
    /// Whether the audit trail's hash chain checks out, verified when the page is loaded.
    pub audit: AuditStatus,
    /// The version, data folder and licence shown under "About Safekeeper".
    pub about: AboutSafekeeper,
}

/// Settings' "About Safekeeper": which version this is, where its records are kept on this
/// computer, and the licence it is shared under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AboutSafekeeper {
    /// This build's version, from `Cargo.toml` (such as `0.1.0`).
    pub version: String,
    /// The data folder: the encrypted vault, the signing station's outbox and its settings.
    pub records_folder: String,
    /// An SPDX licence expression.
    pub licence: String,
}

impl AboutSafekeeper {
    /// This build's facts, for the vault whose data folder is `records_folder`.
    pub fn of_this_build(records_folder: &std::path::Path) -> AboutSafekeeper {
        AboutSafekeeper {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            records_folder: records_folder.to_string_lossy().into_owned(),
            licence: env!("CARGO_PKG_LICENSE").to_owned(),
        }
    }
}

/// The recovery key as the setup wizard shows it, whole and in groups of eight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryKeyShown {
    /// The recovery key as one line of text (`AGE-SECRET-KEY-1…`), to be written on the Emergency Kit.
    pub recovery_key: String,
    /// The same key split into groups of eight characters, for checking by eye.
    pub groups: Vec<String>,
}

/// A file the admin asked for, saved in the folder they chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedFile {
    /// The full path of the file written.
    pub path: String,
}

/// A blank form printed from the locked home: where the PDF is (always the app's own folder for
/// blank forms) and whether the system's PDF viewer was asked to open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BlankFormSaved {
    /// The full path of the PDF written.
    pub path: String,
    /// The folder the PDF was written to, so the page can say where to find it.
    pub folder: String,
    /// True when the system's PDF viewer was asked to open the file (it may still fail to show it).
    pub opened: bool,
}

/// The Emergency Kit saved during setup, and the name of the cloud service or synced folder
/// that usually copies the folder it is in (`None` when it is not one of those).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KitSaved {
    /// The full path of the Emergency Kit PDF written.
    pub path: String,
    /// The name of the cloud service or synced folder that copies it (such as OneDrive); `None` when
    /// the folder is not one of those.
    pub cloud_sync: Option<String>,
}

/// Where a subject access export went, and how many restricted incidents it holds (the admin
/// should check those for exemptions before sending the files).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubjectAccessSaved {
    /// The full path of the PDF written for the person.
    pub pdf_path: String,
    /// The full path of the JSON file written alongside it, holding the same records.
    pub json_path: String,
    /// How many restricted incidents the export holds.
    pub restricted_incidents: u32,
}

/// How many people a confirmed CSV import added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// How many people were added to the register.
    pub added: u32,
}

/// One person's page: their details, family links and AUP signatures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonDetail {
    /// The person's register entry.
    pub person: Person,
    /// The parents or carers and young people this person is linked to.
    pub links: PersonLinks,
    /// Every AUP signature recorded for this person.
    pub signatures: Vec<Signature>,
}

/// The TypeScript file the UI imports, generated from the types above.
pub fn typescript() -> String {
    let cfg = ts_rs::Config::default();
    let mut decls = vec![
        AdminSummary::decl(&cfg),
        Audience::decl(&cfg),
        Aup::decl(&cfg),
        AupContent::decl(&cfg),
        AupVersion::decl(&cfg),
        AupVersionSummary::decl(&cfg),
        Countersignature::decl(&cfg),
        Coverage::decl(&cfg),
        CoverageEntry::decl(&cfg),
        ImportPreview::decl(&cfg),
        ImportRow::decl(&cfg),
        OnScreenSignature::decl(&cfg),
        PaperSignature::decl(&cfg),
        PaperSignatureForm::decl(&cfg),
        PeopleQuery::decl(&cfg),
        Person::decl(&cfg),
        PersonDraft::decl(&cfg),
        PersonGroup::decl(&cfg),
        PersonLinks::decl(&cfg),
        PersonStatus::decl(&cfg),
        RowIssue::decl(&cfg),
        Signature::decl(&cfg),
        SignatureMark::decl(&cfg),
        SignatureSource::decl(&cfg),
        Signer::decl(&cfg),
        SigningMethod::decl(&cfg),
        VersionStatus::decl(&cfg),
        ImportSummary::decl(&cfg),
        IngestReport::decl(&cfg),
        OutboxProblem::decl(&cfg),
        ProblemKind::decl(&cfg),
        KeptSubmission::decl(&cfg),
        RetryOutcome::decl(&cfg),
        SubmissionKind::decl(&cfg),
        PersonDetail::decl(&cfg),
        AupDetail::decl(&cfg),
        crate::records::aup::SafeguardingContacts::decl(&cfg),
        UnconfirmedSignature::decl(&cfg),
        crate::records::incidents::Incident::decl(&cfg),
        crate::records::incidents::IncidentDetail::decl(&cfg),
        crate::records::incidents::IncidentEntry::decl(&cfg),
        crate::records::incidents::IncidentSource::decl(&cfg),
        crate::records::incidents::Status::decl(&cfg),
        crate::records::incidents::EntryBody::decl(&cfg),
        crate::records::incidents::Report::decl(&cfg),
        crate::records::incidents::InvolvedPerson::decl(&cfg),
        crate::records::incidents::Action::decl(&cfg),
        crate::records::incidents::Evidence::decl(&cfg),
        crate::records::incidents::Decision::decl(&cfg),
        crate::records::incidents::Referral::decl(&cfg),
        crate::records::incidents::ParentsInformed::decl(&cfg),
        crate::records::incidents::Outcome::decl(&cfg),
        crate::records::incidents::SignOff::decl(&cfg),
        crate::records::incidents::StatusChange::decl(&cfg),
        crate::records::incidents::Category::decl(&cfg),
        crate::records::incidents::IncidentKind::decl(&cfg),
        crate::records::incidents::Role::decl(&cfg),
        crate::records::incidents::Agency::decl(&cfg),
        crate::records::incidents::IncidentFilter::decl(&cfg),
        crate::records::incidents::Trends::decl(&cfg),
        crate::records::incidents::MonthCounts::decl(&cfg),
        crate::records::incidents::KindCount::decl(&cfg),
        crate::records::incidents::JudgementCount::decl(&cfg),
        crate::records::incidents::Judgement::decl(&cfg),
        crate::records::incidents::JudgementDecision::decl(&cfg),
        crate::records::incidents::RouteStepKind::decl(&cfg),
        crate::records::incidents::RouteStep::decl(&cfg),
        crate::records::incidents::Route::decl(&cfg),
        crate::records::incidents::RouteStepState::decl(&cfg),
        crate::records::incidents::ImageViewing::decl(&cfg),
        crate::records::incidents::IncidentFileInfo::decl(&cfg),
        crate::records::incidents::FileOpening::decl(&cfg),
        crate::records::incidents::FilteringSource::decl(&cfg),
        crate::records::policies::LoggedFiltering::decl(&cfg),
        crate::records::policies::LinkedIncident::decl(&cfg),
        crate::records::consent::Giver::decl(&cfg),
        crate::vault::backup::BackupManifest::decl(&cfg),
        crate::vault::backup::BackupReport::decl(&cfg),
        crate::vault::backup::BackupStatus::decl(&cfg),
        crate::vault::backup::BackupStep::decl(&cfg),
        crate::vault::restore::RestorePreview::decl(&cfg),
        crate::vault::restore::BackupOrigin::decl(&cfg),
        crate::vault::BackupForNewVault::decl(&cfg),
        crate::vault::restore::RestoreAwaiting::decl(&cfg),
        crate::records::audit_log::AuditQuery::decl(&cfg),
        crate::records::audit_log::AuditRow::decl(&cfg),
        crate::records::audit_log::AuditPage::decl(&cfg),
        crate::records::audit_log::AuditActor::decl(&cfg),
        crate::records::handover::HandoverReport::decl(&cfg),
        crate::kiosk::outbox::KioskImageConsent::decl(&cfg),
        crate::kiosk::manifest::KioskConsentForm::decl(&cfg),
        crate::records::consent::Method::decl(&cfg),
        crate::records::consent::UseAnswer::decl(&cfg),
        crate::records::consent::ConsentDraft::decl(&cfg),
        crate::records::consent::ImageConsent::decl(&cfg),
        crate::records::consent::Withdrawal::decl(&cfg),
        crate::records::consent::ConsentSettings::decl(&cfg),
        crate::records::consent::SocialAccount::decl(&cfg),
        crate::records::consent::Reason::decl(&cfg),
        crate::records::consent::PersonAnswer::decl(&cfg),
        crate::records::consent::CheckAnswer::decl(&cfg),
        crate::records::consent::CheckQuestion::decl(&cfg),
        crate::records::consent::PersonConsentStatus::decl(&cfg),
        crate::records::consent::Publication::decl(&cfg),
        crate::records::consent::PublicationDraft::decl(&cfg),
        crate::records::consent::PublicationPerson::decl(&cfg),
        crate::records::consent::TakedownItem::decl(&cfg),
        crate::records::consent::TakedownCount::decl(&cfg),
        crate::progress::LongWork::decl(&cfg),
        crate::progress::WorkStep::decl(&cfg),
        crate::progress::WorkProgress::decl(&cfg),
        crate::records::consent::TakedownDone::decl(&cfg),
        crate::records::consent::GroupSummary::decl(&cfg),
        crate::records::consent::wording::UseWording::decl(&cfg),
        crate::records::consent::ConsentSetup::decl(&cfg),
        crate::records::consent::PersonConsent::decl(&cfg),
        crate::records::policies::Topic::decl(&cfg),
        crate::records::policies::ReviewTrigger::decl(&cfg),
        crate::records::policies::Policy::decl(&cfg),
        crate::records::policies::PolicyDraft::decl(&cfg),
        crate::records::policies::PolicyVersion::decl(&cfg),
        crate::records::policies::PolicyReview::decl(&cfg),
        crate::records::policies::PolicyDetail::decl(&cfg),
        crate::records::policies::FilteringKind::decl(&cfg),
        crate::records::policies::FilteringEntry::decl(&cfg),
        crate::records::policies::PolicyDue::decl(&cfg),
        crate::records::retention::RecordKind::decl(&cfg),
        crate::records::retention::RuleCode::decl(&cfg),
        crate::records::retention::YearsRule::decl(&cfg),
        crate::records::retention::StaffAllegationRule::decl(&cfg),
        crate::records::retention::RetentionRules::decl(&cfg),
        crate::records::retention::RetentionItem::decl(&cfg),
        crate::records::retention::RetentionReview::decl(&cfg),
        crate::records::retention::Count::decl(&cfg),
        crate::records::retention::RetentionPage::decl(&cfg),
        crate::records::retention::Decision::decl(&cfg),
        crate::records::signatures::AupDue::decl(&cfg),
        crate::records::consent::ConsentDue::decl(&cfg),
        crate::records::due::WhatIsDue::decl(&cfg),
        crate::records::training::Role::decl(&cfg),
        crate::records::training::TrainingImportPreview::decl(&cfg),
        crate::records::training::TrainingImportRow::decl(&cfg),
        crate::records::training::PersonTraining::decl(&cfg),
        crate::records::training::Course::decl(&cfg),
        crate::records::training::CourseDraft::decl(&cfg),
        crate::records::training::TrainingRecord::decl(&cfg),
        crate::records::training::Completion::decl(&cfg),
        crate::records::training::MatrixFilter::decl(&cfg),
        crate::records::training::MatrixCell::decl(&cfg),
        crate::records::training::MatrixRow::decl(&cfg),
        crate::records::training::TrainingMatrix::decl(&cfg),
        crate::records::training::TrainingDue::decl(&cfg),
        crate::records::training::DueCount::decl(&cfg),
        crate::reminders::Renewal::decl(&cfg),
        crate::reminders::DueStatus::decl(&cfg),
        crate::kiosk::manifest::KioskAup::decl(&cfg),
        crate::kiosk::manifest::KioskPerson::decl(&cfg),
        crate::kiosk::outbox::KioskMark::decl(&cfg),
        crate::kiosk::outbox::KioskConcern::decl(&cfg),
        crate::kiosk::outbox::KioskCountersignature::decl(&cfg),
        crate::kiosk::outbox::Receipt::decl(&cfg),
        crate::kiosk::station::KioskSignInput::decl(&cfg),
        crate::kiosk::station::KioskBlankForm::decl(&cfg),
        AppStatus::decl(&cfg),
        AuditStatus::decl(&cfg),
        CommandError::decl(&cfg),
        ErrorCode::decl(&cfg),
        PassphraseStrength::decl(&cfg),
        Phase::decl(&cfg),
        RecoveryKeyShown::decl(&cfg),
        SavedFile::decl(&cfg),
        BlankFormSaved::decl(&cfg),
        KitSaved::decl(&cfg),
        SessionInfo::decl(&cfg),
        SubjectAccessSaved::decl(&cfg),
        AboutSafekeeper::decl(&cfg),
        crate::vault::upgrade::UpgradeNotice::decl(&cfg),
        crate::vault::upgrade::SafetyCopyKind::decl(&cfg),
        crate::records::getting_started::FirstStep::decl(&cfg),
        crate::records::getting_started::StepDone::decl(&cfg),
        crate::records::getting_started::GettingStarted::decl(&cfg),
        Settings::decl(&cfg),
    ];
    decls.push(command_names());
    decls.sort();
    let mut out =
        String::from("// Generated from the Rust types by `cargo test bindings` (ts-rs). Do not edit by hand.\n");
    for d in decls {
        out.push_str("\nexport ");
        out.push_str(&d);
        out.push('\n');
    }
    out
}

// The one list of commands (`app/command_list.rs`), read here too so the page's `call` accepts
// only a command that exists. Plain `macro_rules!` with no imports, so any build can include it.
include!("app/command_list.rs");

macro_rules! every_command {
    (kiosk: [$($km:ident::$kc:ident),* $(,)?], admin: [$($am:ident::$ac:ident),* $(,)?]) => {
        &[$(stringify!($kc),)* $(stringify!($ac),)*]
    };
}

/// Every command either window may call, by name.
pub const COMMANDS: &[&str] = command_list!(every_command);

/// `CommandName`: every command, as a TypeScript string union.
fn command_names() -> String {
    let mut names: Vec<&str> = COMMANDS.to_vec();
    names.sort_unstable();
    let union: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    format!("type CommandName = {};", union.join(" | "))
}

#[cfg(test)]
mod tests {
    #[test]
    fn bindings_ts_matches_the_rust_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
        let generated = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).expect("write bindings.ts");
        }
        let committed = std::fs::read_to_string(&path).expect("ui/src/lib/bindings.ts exists");
        assert_eq!(
            committed, generated,
            "ui/src/lib/bindings.ts has drifted from the Rust types; run UPDATE_BINDINGS=1 cargo test --no-default-features bindings"
        );
    }

    #[test]
    fn the_page_calls_every_command_by_a_name_rust_declares() {
        // `call` takes a `CommandName`, so a misspelt name fails `npm run check`; this side finds a
        // declared command the page never calls (one the UI lost, or one left behind).
        let api =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api.ts"))
                .expect("ui/src/lib/api.ts");
        let unused: Vec<&str> =
            super::COMMANDS.iter().copied().filter(|name| !api.contains(&format!("\"{name}\""))).collect();
        assert!(unused.is_empty(), "declared in app/command_list.rs but never called from api.ts: {unused:?}");
    }

    #[test]
    fn about_safekeeper_names_the_version_the_installer_carries() {
        let conf = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tauri.conf.json");
        let conf: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(conf).expect("tauri.conf.json")).expect("json");
        let about = super::AboutSafekeeper::of_this_build(std::path::Path::new("/records"));
        assert_eq!(conf["version"].as_str(), Some(about.version.as_str()), "tauri.conf.json and Cargo.toml disagree");
        assert_eq!(conf["bundle"]["license"].as_str(), Some(about.licence.as_str()));
        assert_eq!(about.records_folder, "/records");
    }
}
