// Generated from the Rust types by `cargo test bindings` (ts-rs). Do not edit by hand.

export type AboutSafekeeper = { 
/**
 * This build's version, from `Cargo.toml` (such as `0.1.0`).
 */
version: string, 
/**
 * The data folder: the encrypted vault, the signing station's outbox and its settings.
 */
recordsFolder: string, 
/**
 * An SPDX licence expression.
 */
licence: string, };

export type AdminSummary = { 
/**
 * The admin's id (a UUID); their key file is `admins/<id>.age`.
 */
id: string, 
/**
 * The admin's full name.
 */
name: string, 
/**
 * When the admin was added: ISO 8601 UTC, to the second.
 */
createdAt: string, 
/**
 * True for the admin signed in to this session.
 */
isCurrent: boolean, };

export type AppStatus = { 
/**
 * Where the app is now.
 */
phase: Phase, 
/**
 * The organisation's name from the signing station's manifest; `None` when there is no usable
 * manifest (no vault yet, or it was changed outside Safekeeper).
 */
orgName: string | null, 
/**
 * True when this is the throwaway demo vault rather than the organisation's own.
 */
demo: boolean, 
/**
 * The demo vault's passphrase, shown on the locked home so anyone can try the demo; `None`
 * outside the demo.
 */
demoPassphrase: string | null, 
/**
 * The operating system's key store shows the signing station's manifest was changed while
 * Safekeeper was closed: the station takes nothing in until an admin unlocks.
 */
stationChangedOutside: boolean, };

export type Audience = "staffVolunteers" | "youngPeople" | "parentsCarers" | "visitorsContractors" | "socialMedia";

export type AuditActor = { 
/**
 * The actor as stored in the trail, e.g. `admin:<id>` or `system`, used as the filter value.
 */
actor: string, 
/**
 * How the filter shows the actor: the admin's name (with "(removed)" for a removed admin) or a
 * plain label.
 */
name: string, };

export type AuditPage = { 
/**
 * The entries on this page, newest first.
 */
rows: Array<AuditRow>, 
/**
 * More matching entries are older than the last row.
 */
more: boolean, };

export type AuditQuery = { 
/**
 * As stored: `admin:<id>`, `recovery-key`, `signing-station` or `system`.
 */
actor: string | null, 
/**
 * The kind of record, e.g. `incident`, `person`, `signature`.
 */
subjectKind: string | null, 
/**
 * Entries about this person or any record about them.
 */
personId: string | null, 
/**
 * First and last UK day, both included.
 */
from: string | null, 
/**
 * Last UK day of the range (`YYYY-MM-DD`), included; `None` for no upper bound.
 */
to: string | null, 
/**
 * Only entries older than this id (the next page).
 */
beforeId: number | null, 
/**
 * Entries wanted on the page; 100 when `None`, and never more than `PAGE_LIMIT`.
 */
limit: number | null, };

export type AuditRow = { 
/**
 * The entry's number in the `audit` table; higher is newer.
 */
id: number, 
/**
 * RFC 3339, UTC.
 */
at: string, 
/**
 * Who did it, as stored: `admin:<id>`, `recovery-key`, `signing-station` or `system`.
 */
actor: string, 
/**
 * The admin's name, or "Recovery key", "Signing station", "Safekeeper".
 */
actorName: string, 
/**
 * The action as stored, e.g. `person.added`.
 */
action: string, 
/**
 * What happened, in words.
 */
what: string, 
/**
 * The kind of record the entry is about, e.g. `incident`, `person`, `signature`.
 */
subjectKind: string, 
/**
 * The id of the record the entry is about (empty when it is about no one record).
 */
subjectId: string, 
/**
 * Ids and counts the entry carries as stored (never record text), e.g. `autoLockMinutes=15`.
 */
detail: string, };

export type AuditStatus = { 
/**
 * How many entries the audit trail holds.
 */
rows: number, 
/**
 * Hex of the newest entry's MAC: the DSL can write it down and compare it later.
 */
head: string, 
/**
 * True when every entry's MAC checks out and the chain ends where its head says.
 */
verified: boolean, 
/**
 * The first entry (row id) that does not check out; `None` when the chain verifies.
 */
firstBadRow: number | null, };

export type Aup = { 
/**
 * The AUP's id (a UUID), as stored in `aups.id`.
 */
id: string, 
/**
 * Who the AUP is for.
 */
audience: Audience, 
/**
 * Whether the signing station offers this AUP for signing.
 */
kioskPublished: boolean, 
/**
 * The newest published version, the one people must sign; `None` until one is published.
 */
current: AupVersionSummary | null, 
/**
 * The draft being edited; `None` when there is none.
 */
draft: AupVersionSummary | null, };

export type AupContent = { 
/**
 * The AUP's title: one line, up to 120 characters.
 */
title: string, 
/**
 * The opening paragraph(s), up to 4,000 characters.
 */
intro: string, 
/**
 * Numbered in order from 1 when shown and printed: "I will…" / "I will not…".
 */
rules: Array<string>, 
/**
 * What happens if the rules are broken, up to 4,000 characters.
 */
consequences: string, 
/**
 * The statement that use is monitored.
 */
monitoring: string, 
/**
 * Who to report concerns to, with the DSL's name written in.
 */
reportConcerns: string, };

export type AupDetail = { 
/**
 * The AUP itself: its id, audience and whether the signing station offers it.
 */
aup: Aup, 
/**
 * The version now in force; `None` until one is published.
 */
current: AupVersion | null, 
/**
 * The unpublished draft; `None` when there is none.
 */
draft: AupVersion | null, 
/**
 * Every version published so far, for the history list.
 */
versions: Array<AupVersionSummary>, };

export type AupDue = { 
/**
 * The AUP's id (a UUID).
 */
aupId: string, 
/**
 * The title of the version in force.
 */
title: string, 
/**
 * Who the AUP is for.
 */
audience: Audience, 
/**
 * The number of the version in force.
 */
version: number, 
/**
 * Signed an older version only: they must sign again.
 */
needsResign: number, 
/**
 * How many have no confirmed signature of any version.
 */
neverSigned: number, };

export type AupVersion = { 
/**
 * The version's id (a UUID), as stored in `aup_versions.id`.
 */
id: string, 
/**
 * The id (a UUID) of the AUP this is a version of.
 */
aupId: string, 
/**
 * Who the AUP is for.
 */
audience: Audience, 
/**
 * The version number, counting up from 1 within its AUP.
 */
number: number, 
/**
 * Whether the version is still a draft or has been published.
 */
status: VersionStatus, 
/**
 * The version's text: title, rules and sections.
 */
content: AupContent, 
/**
 * Hex SHA-256 of the canonical content; fixed once published.
 */
contentHash: string, 
/**
 * When the version was first saved (RFC 3339, UTC).
 */
createdAt: string, 
/**
 * When the version was published (RFC 3339, UTC); `None` while it is a draft.
 */
publishedAt: string | null, };

export type AupVersionSummary = { 
/**
 * The version's id (a UUID), as stored in `aup_versions.id`.
 */
id: string, 
/**
 * The version number, counting up from 1 within its AUP.
 */
number: number, 
/**
 * Whether the version is still a draft or has been published.
 */
status: VersionStatus, 
/**
 * The version's title.
 */
title: string, 
/**
 * Hex SHA-256 of the canonical content; fixed once published.
 */
contentHash: string, 
/**
 * When the version was published (RFC 3339, UTC); `None` while it is a draft.
 */
publishedAt: string | null, };

export type BackupForNewVault = { 
/**
 * What the backup says about itself: when and by which version it was made, and its row counts.
 */
manifest: BackupManifest, 
/**
 * The admins in the backup: the person restoring says which of them they are.
 */
admins: Array<AdminSummary>, };

export type BackupManifest = { 
/**
 * The vault's id (a UUID, from the `meta` table), so a restore can tell whose records these are.
 */
vaultId: string, 
/**
 * RFC 3339, UTC.
 */
createdAt: string, 
/**
 * The version of Safekeeper that made the backup, such as `0.1.0`.
 */
appVersion: string, 
/**
 * The database schema version (SQLite `user_version`) of the copy.
 */
schemaVersion: number, 
/**
 * (table, rows), in the order of `COUNTED`.
 */
counts: Array<[string, number]>, 
/**
 * Hex of the newest audit MAC when the copy was made.
 */
auditHead: string, };

export type BackupOrigin = "thisVault" | "unverified";

export type BackupReport = { 
/**
 * The full path of the backup file written.
 */
path: string, 
/**
 * The size of the encrypted file, in bytes.
 */
bytes: number, 
/**
 * What the backup says about itself, as written inside it.
 */
manifest: BackupManifest, };

export type BackupStatus = { 
/**
 * RFC 3339, UTC; `None` when no backup has been verified yet.
 */
lastVerified: string | null, 
/**
 * Days after the last verified backup before the reminder shows: the organisation's setting,
 * or `REMINDER_DAYS` when it has none (or it is out of range).
 */
reminderDays: number, 
/**
 * No verified backup, or the last one is older than `reminder_days`.
 */
due: boolean, 
/**
 * About how many bytes a backup of the records would be now (see `vault::backup::records_bytes`).
 */
recordsBytes: number, 
/**
 * The largest backup there can be (see `vault::backup::MAX_BACKUP_BYTES`).
 */
sizeLimitBytes: number, 
/**
 * The records are at `NEAR_LIMIT_PERCENT` of `size_limit_bytes` or more: time to remove
 * attachments no longer needed, before "Back up now" can no longer make a backup.
 */
nearSizeLimit: boolean, };

export type BackupStep = "copying" | "encrypting" | "writing" | "checking";

export type BlankFormSaved = { 
/**
 * The full path of the PDF written.
 */
path: string, 
/**
 * The folder the PDF was written to, so the page can say where to find it.
 */
folder: string, 
/**
 * True when the system's PDF viewer was asked to open the file (it may still fail to show it).
 */
opened: boolean, };

export type CheckAnswer = { 
/**
 * True only when at least one person was asked about and every one of them is a yes.
 */
allowed: boolean, 
/**
 * "Yes: everyone …" or "No: A and B cannot appear …".
 */
summary: string, 
/**
 * The use asked about, as a use key.
 */
useKey: string, 
/**
 * The use as the form names it, as the sentences use it.
 */
useLabel: string, 
/**
 * Whether names would appear with the image.
 */
withName: boolean, 
/**
 * The UK date the check is for (`YYYY-MM-DD`).
 */
on: string, 
/**
 * Each person's answer, one per person.
 */
people: Array<PersonAnswer>, };

export type CheckQuestion = { 
/**
 * The people in the image, by their ids in the people register; any repeats are ignored.
 */
personIds: Array<string>, 
/**
 * The use, as a use key: `website`, `print`, `press`, `display`, `video` or `social:<account id>`.
 */
useKey: string, 
/**
 * Their names would appear with the image.
 */
withName: boolean, };

export type CommandError = { 
/**
 * Which failure this is; the UI chooses what to do from this alone.
 */
code: ErrorCode, 
/**
 * The sentence shown to the person at the laptop: what happened and what to do next, never
 * holding names or record text.
 */
message: string, };

export type CommandName = "admin_add" | "admin_remove" | "app_status" | "audit_actors" | "audit_page" | "audit_print" | "audit_verify" | "aup_coverage" | "aup_coverage_print" | "aup_get" | "aup_list" | "aup_list_signers_on_kiosk" | "aup_print_blank" | "aup_publish" | "aup_save_draft" | "aup_set_kiosk" | "backup_now" | "backup_set_reminder_days" | "backup_status" | "consent_account_add" | "consent_account_retire" | "consent_check" | "consent_confirm" | "consent_person" | "consent_print_blank_form" | "consent_print_history" | "consent_print_register" | "consent_publish_checked" | "consent_record" | "consent_settings_save" | "consent_setup" | "consent_unconfirmed" | "consent_withdraw" | "due_dates_export" | "due_list" | "filtering_log" | "filtering_log_add" | "getting_started" | "getting_started_hide" | "group_member_set" | "group_members" | "group_save" | "groups_list" | "handover_export" | "incident_add_entry" | "incident_amend" | "incident_attach_file" | "incident_change_status" | "incident_create" | "incident_from_filtering_breach" | "incident_get" | "incident_open_file" | "incident_print_blank" | "incident_print_report" | "incident_set_access" | "incident_trends" | "incidents_list" | "kiosk_consent_form" | "kiosk_give_consent" | "kiosk_print_blank_form" | "kiosk_report_concern" | "kiosk_sign_aup" | "kiosk_signing_options" | "lock" | "outbox_kept" | "outbox_kept_retry" | "outbox_kept_set_aside" | "outbox_report" | "passphrase_strength" | "people_import_commit" | "people_import_preview" | "people_search" | "person_add" | "person_archive" | "person_get" | "person_link_parent" | "person_print_incident_chronology" | "person_set_kiosk_listed" | "person_set_roles" | "person_training" | "person_unarchive" | "person_unlink_parent" | "person_update" | "policies_due" | "policies_list" | "policy_document_attach" | "policy_document_save" | "policy_get" | "policy_print_history" | "policy_record_review" | "policy_retire" | "policy_save" | "publication_add" | "publications_list" | "recovery_set_passphrase" | "recovery_unlock" | "restore_cancel" | "restore_choose" | "restore_commit" | "restore_keep" | "restore_status" | "restore_undo" | "retention_decide" | "retention_due" | "retention_due_count" | "retention_rules" | "retention_rules_save" | "review_checklist_print" | "safeguarding_contacts" | "safeguarding_contacts_confirm" | "session_info" | "settings_get" | "settings_update" | "setup_begin" | "setup_delete_kit" | "setup_finish" | "setup_restore_finish" | "setup_restore_read" | "setup_save_kit" | "signature_confirm" | "signature_confirm_as_visitor" | "signature_discard" | "signature_print" | "signature_record_paper" | "signature_save_scan" | "signatures_unconfirmed" | "start_demo" | "subject_access_export" | "takedown_record" | "takedowns_count" | "takedowns_list" | "touch" | "training_certificate_attach" | "training_certificate_save" | "training_course_retire" | "training_course_save" | "training_courses" | "training_import_commit" | "training_import_preview" | "training_matrix" | "training_matrix_print" | "training_record" | "training_record_remove" | "trustee_report_print" | "unlock" | "upgrade_notice" | "upgrade_notice_dismiss";

export type ConsentDraft = { 
/**
 * The person the consent is about: their id in the people register; they must not be archived.
 */
personId: string, 
/**
 * Whether the person consented themselves or a parent or carer did.
 */
giver: ConsentGiver, 
/**
 * The parent or carer's name; ignored when the person consents for themselves.
 */
giverName: string, 
/**
 * The parent or carer's relationship to the person, such as "Mother" or "Foster carer".
 */
relationship: string | null, 
/**
 * The parent or carer has parental responsibility.
 */
parentalResponsibility: boolean, 
/**
 * Why a 16 or 17 year old was judged able to decide for themselves.
 */
judgement: string | null, 
/**
 * How the consent reached the organisation; never the signing station, whose consents arrive
 * by themselves.
 */
method: ConsentMethod, 
/**
 * Who heard a spoken consent.
 */
witness: string | null, 
/**
 * The UK date consent was given (`YYYY-MM-DD`); not in the future.
 */
givenOn: string, 
/**
 * The version of the consent form used, such as `Image consent form 2026-1` (up to 120 characters).
 */
formVersion: string, 
/**
 * `None` takes the default period from settings.
 */
expiresOn: string | null, 
/**
 * The yes or no for each use the form asked about; at least one, and no use twice.
 */
answers: Array<UseAnswer>, 
/**
 * Whether the person's name may appear with an image of them.
 */
nameWithImage: boolean, 
/**
 * Conditions or notes written on the consent (up to 2,000 characters), such as "photograph
 * alone only"; shown with every yes the check gives.
 */
notes: string | null, };

export type ConsentDue = { 
/**
 * The person's id in the people register.
 */
personId: string, 
/**
 * Their full name from the people register.
 */
personName: string, 
/**
 * The consent that runs out.
 */
consentId: string, 
/**
 * The last UK day the consent counts (`YYYY-MM-DD`); from the next day the photo check says no.
 */
lastDay: string, 
/**
 * How urgent it is: ended (overdue), or ending within 30, 60 or 90 days, or later (in date).
 */
status: DueStatus, 
/**
 * Who to ask for a new consent, as one sentence: "Ask Dana Okafor (mother)."
 */
ask: string, };

export type ConsentGiver = "self" | "parentCarer";

export type ConsentMethod = "signingStation" | "paperForm" | "email" | "verbal";

export type ConsentReason = "consented" | "noConsent" | "notAsked" | "refused" | "withdrawn" | "expired" | "awaitingConfirmation" | "underAgeWithoutParent" | "noJudgement" | "nameNotAllowed";

export type ConsentSettings = { 
/**
 * How long a consent lasts unless the form says otherwise: 12 for a year, 60 for five years.
 */
defaultMonths: number, 
/**
 * The age from which a young person may give their own consent (16 by default). From this
 * age to 17 a judgement that they understand must be written down; under it a parent or
 * carer with parental responsibility must consent.
 */
ownConsentAge: number, 
/**
 * The organisation's social media accounts, retired ones included, oldest first.
 */
socialAccounts: Array<SocialAccount>, };

export type ConsentSetup = { 
/**
 * The image consent settings, social accounts included.
 */
settings: ConsentSettings, 
/**
 * The version of the form in use now.
 */
formVersion: string, 
/**
 * Every use the form in use now asks about, in the form's order; retired accounts left out.
 */
uses: Array<UseWording>, };

export type ConsentWithdrawal = { 
/**
 * The UK date the withdrawal takes effect (`YYYY-MM-DD`); not in the future, nor before
 * consent was given.
 */
on: string, 
/**
 * How it was said: in person, by email, by phone, at the signing station, in a letter.
 */
how: string, 
/**
 * Filled in by the records (the admin's name); ignored when asking to withdraw.
 */
recordedBy: string, 
/**
 * Anything else about the withdrawal (up to 2,000 characters); `None` when there is nothing.
 */
note: string | null, };

export type Countersignature = { 
/**
 * The parent or carer's full name.
 */
name: string, 
/**
 * Their drawn or typed signature.
 */
mark: SignatureMark, };

export type Course = { 
/**
 * The course's id (a UUID), as stored in `courses.id`.
 */
id: string, 
/**
 * The course's name, such as "Safeguarding basics" (2 to 120 characters, spaces tidied).
 */
name: string, 
/**
 * How often it must be done again, or never (done once).
 */
renewal: Renewal, 
/**
 * Everyone active in these groups must do it.
 */
requiredGroups: Array<PersonGroup>, 
/**
 * Everyone active holding one of these roles must do it, whatever their group.
 */
requiredRoles: Array<PersonRole>, 
/**
 * Retired courses keep their history but are no longer required or offered.
 */
retired: boolean, };

export type CourseDraft = { 
/**
 * The course's name; 2 to 120 characters once spaces are tidied.
 */
name: string, 
/**
 * How often it must be done again: every 1 to 120 months, or never (done once).
 */
renewal: Renewal, 
/**
 * The groups everyone active in must do it; repeats are dropped.
 */
requiredGroups: Array<PersonGroup>, 
/**
 * The roles whose holders must do it, whatever their group; repeats are dropped.
 */
requiredRoles: Array<PersonRole>, };

export type Coverage = { 
/**
 * The AUP's id (a UUID).
 */
aupId: string, 
/**
 * Who the AUP is for, which decides the groups counted.
 */
audience: Audience, 
/**
 * The number of the version in force; `None` when nothing is published yet.
 */
currentVersion: number | null, 
/**
 * Hex SHA-256 of the version in force; `None` when nothing is published yet.
 */
currentHash: string | null, 
/**
 * People whose newest confirmed signature is of the version in force.
 */
signedCurrent: Array<CoverageEntry>, 
/**
 * People who signed only an older version, so must sign again.
 */
needsResign: Array<CoverageEntry>, 
/**
 * People with no confirmed signature of any version.
 */
neverSigned: Array<CoverageEntry>, };

export type CoverageEntry = { 
/**
 * The person's id (a UUID).
 */
personId: string, 
/**
 * The person's full name, as in the register.
 */
fullName: string, 
/**
 * The person's group, one of those the AUP's audience covers.
 */
group: PersonGroup, 
/**
 * The newest version number this person signed, if any.
 */
signedVersion: number | null, 
/**
 * When they last signed any version of this AUP: the paper signing day (`YYYY-MM-DD`) or the
 * on-screen time (RFC 3339, UTC); `None` when never.
 */
lastSignedAt: string | null, };

export type DueCount = { 
/**
 * The state.
 */
status: DueStatus, 
/**
 * How many person-and-course lines are in it.
 */
count: number, };

export type DueStatus = "neverDone" | "overdue" | "dueIn30" | "dueIn60" | "dueIn90" | "inDate";

export type ErrorCode = "admin.lastAdmin" | "admin.notFound" | "admin.removeSelf" | "app.denied" | "app.failed" | "app.unexpected" | "app.window" | "aup.hashMismatch" | "aup.invalidDslName" | "aup.invalidRules" | "aup.invalidTitle" | "aup.missingSection" | "aup.noDraft" | "aup.notFound" | "aup.notPublished" | "aup.nothingChanged" | "aup.versionNotFound" | "backup.auditBroken" | "backup.badReminderDays" | "backup.damaged" | "backup.empty" | "backup.failed" | "backup.notAge" | "backup.notForThisVault" | "backup.notVerified" | "backup.running" | "backup.schemaChanged" | "backup.tooLarge" | "backup.tooLargeToWrite" | "backup.tooNew" | "backup.write" | "backup.wrongKind" | "blankForm.folder" | "blankForm.noFolder" | "consent.ageRule" | "consent.alreadyConfirmed" | "consent.alreadyWithdrawn" | "consent.duplicateReceipt" | "consent.groupNotFound" | "consent.invalid" | "consent.notFound" | "consent.personNotFound" | "consent.publicationNotFound" | "demo.io" | "demo.unlocked" | "demo.vaultExists" | "forms.aupNotPublished" | "forms.fontInvalid" | "forms.imageUnreadable" | "forms.qrTooLong" | "forms.recoveryKeyMalformed" | "forms.render" | "handover.failed" | "handover.write" | "import.badRow" | "import.changedSincePreview" | "import.empty" | "import.noGroupColumn" | "import.noNameColumn" | "import.noPreview" | "import.tooLarge" | "import.unreadable" | "incident.accessNeedsYou" | "incident.imagesNeverStored" | "incident.fileTooLarge" | "incident.fileWrongType" | "incident.fileNotFound" | "incident.filteringBreach" | "incident.amendmentKind" | "incident.amendmentReason" | "incident.badTransition" | "incident.cannotClose" | "incident.closed" | "incident.entryNotFound" | "incident.invalid" | "incident.notFound" | "kiosk.formNotOffered" | "outbox.badConcern" | "outbox.badConsent" | "outbox.badCountersignature" | "outbox.badMark" | "outbox.badTime" | "outbox.badTypedName" | "outbox.cleanup" | "outbox.manifestChangedOutside" | "outbox.manifestDamaged" | "outbox.noSuchProblem" | "outbox.notReady" | "outbox.read" | "outbox.unknownPolicy" | "outbox.write" | "people.dateOfBirthRequired" | "people.groupHasLinks" | "people.initialsOnly" | "people.invalidDateOfBirth" | "people.invalidEmail" | "people.invalidName" | "people.invalidPhone" | "people.invalidPreferredName" | "people.leaveBeforeStart" | "people.notAParentCarer" | "people.notAYoungPerson" | "people.notFound" | "person.archived" | "policy.documentNotAccepted" | "policy.documentUnreadable" | "policy.duplicateVersion" | "policy.invalid" | "policy.noDocument" | "policy.nextReviewNotAfterReview" | "policy.nextReviewTooFar" | "policy.notFound" | "report.periodBackwards" | "report.periodInFuture" | "restore.awaiting" | "restore.failed" | "restore.keptAsideUnreadable" | "restore.nothingPending" | "restore.recoveryKeyNeeded" | "retention.alreadyHeld" | "retention.badNextReview" | "retention.invalidRule" | "retention.legalHold" | "retention.notDue" | "retention.notFound" | "retention.notHeld" | "retention.reasonNeeded" | "save.dataFolder" | "save.failed" | "settings.invalidAutoLock" | "settings.invalidOrgName" | "setup.alreadySetUp" | "setup.confirmationMismatch" | "setup.failed" | "setup.invalidName" | "setup.invalidOrgName" | "setup.kitNotDeleted" | "setup.notStarted" | "setup.weakPassphrase" | "signature.alreadyConfirmed" | "signature.badCountersignature" | "signature.badFiledAt" | "signature.badMark" | "signature.badPaperDate" | "signature.badTime" | "signature.badTypedName" | "signature.duplicateReceipt" | "signature.noScan" | "signature.notConfirmed" | "signature.notFound" | "signature.personNotFound" | "signature.visitorName" | "signature.scanTooLarge" | "signature.scanUnreadable" | "signature.scanWrongType" | "signature.versionNotFound" | "signature.versionNotPublished" | "store.auditBroken" | "store.damaged" | "store.diskFull" | "store.io" | "store.keyRejected" | "store.notEncrypted" | "store.readOnly" | "store.rekeyFailed" | "store.schemaTooNew" | "store.sqlite" | "subjectAccess.personNotFound" | "subjectAccess.unwritable" | "training.certificateTooLarge" | "training.certificateUnreadable" | "training.certificateWrongType" | "training.courseNotFound" | "training.invalid" | "training.noCertificate" | "training.personNotFound" | "training.recordNotFound" | "upgrade.backupFailed" | "upgrade.failed" | "vault.adminRemoved" | "vault.badRecoveryKey" | "vault.cannotUnlock" | "vault.invalidName" | "vault.invalidOrgName" | "vault.io" | "vault.keyFileDamaged" | "vault.locked" | "vault.mustSetPassphrase" | "vault.notAllowed" | "vault.notSetUp" | "vault.tooManyKeyFiles" | "vault.weakPassphrase" | "vault.workFactorTooHigh" | "vault.wrongPassphrase";

export type FileOpening = { 
/**
 * When (RFC 3339, UTC).
 */
openedAt: string, 
/**
 * Who, as the audit trail names actors (`admin:<id>`, `recovery-key`).
 */
openedBy: string, 
/**
 * The reason they gave.
 */
reason: string, };

export type FilteringEntry = { 
/**
 * The UK date it happened (`YYYY-MM-DD`); from 1 January 1990 to today.
 */
happenedOn: string, 
/**
 * A change or a breach.
 */
kind: FilteringKind, 
/**
 * What happened or changed (up to 2,000 characters).
 */
what: string, 
/**
 * Who made the change or found the breach (up to 100 characters).
 */
who: string, 
/**
 * Why the change was made, or what was done about the breach (up to 2,000 characters).
 */
why: string, };

export type FilteringKind = "change" | "breach";

export type FilteringSource = { 
/**
 * The log line's id (a UUID).
 */
filteringId: string, 
/**
 * The UK date of the breach (`YYYY-MM-DD`).
 */
happenedOn: string, 
/**
 * What happened, as logged.
 */
what: string, };

export type FirstStep = "addPeople" | "showStaffAup" | "reviewOnlineSafetyPolicy" | "recordTraining" | "firstBackup";

export type GettingStarted = { 
/**
 * The five first steps, in the order the list shows them.
 */
steps: Array<StepDone>, 
/**
 * Whether the dashboard shows the list: not once every step is done, nor once it is hidden.
 */
show: boolean, };

export type GroupSummary = { 
/**
 * The group's id (a UUID), as stored in `activity_groups.id`.
 */
id: string, 
/**
 * The group's name, such as a club night (up to 80 characters, spaces tidied).
 */
name: string, 
/**
 * How many of its members are not archived.
 */
members: number, };

export type HandoverReport = { 
/**
 * The full path of the finished export folder, named `Safekeeper hand-over YYYY-MM-DD HHMM`
 * (UK time).
 */
folder: string, 
/**
 * How many database tables were written (each to `records.json` and its own CSV file).
 */
tables: number, 
/**
 * How many rows were written, across every table.
 */
rows: number, 
/**
 * Stored files (signatures, scans, certificates, documents) written out.
 */
files: number, };

export type ImageConsent = { 
/**
 * The consent's id (a UUID), as stored in `image_consents.id`.
 */
id: string, 
/**
 * Empty only while a signing-station consent waits for an admin to say who it is about.
 */
personId: string | null, 
/**
 * The name as given on the form.
 */
aboutName: string, 
/**
 * Whether the person consented themselves or a parent or carer did.
 */
giver: ConsentGiver, 
/**
 * Who gave it: the parent or carer's full name, or the person's own name when they consented themselves.
 */
giverName: string, 
/**
 * The parent or carer's relationship to the person; `None` when the person consented themselves.
 */
relationship: string | null, 
/**
 * True when the parent or carer who gave it has parental responsibility.
 */
parentalResponsibility: boolean, 
/**
 * The written judgement that a young person under 18 understood what they agreed to; `None`
 * when none was written or a parent or carer consented.
 */
judgement: string | null, 
/**
 * How the consent reached the organisation.
 */
method: ConsentMethod, 
/**
 * Who heard a spoken consent; `None` for any other method.
 */
witness: string | null, 
/**
 * The UK date consent was given (`YYYY-MM-DD`).
 */
givenOn: string, 
/**
 * The version of the consent form it was given against.
 */
formVersion: string, 
/**
 * The first UK day it no longer counts (`YYYY-MM-DD`): the check says no from this day on.
 */
expiresOn: string, 
/**
 * The yes or no for each use the form asked about.
 */
answers: Array<UseAnswer>, 
/**
 * Whether the person's name may appear with an image of them.
 */
nameWithImage: boolean, 
/**
 * Conditions or notes written on the consent; shown with every yes the check gives.
 */
notes: string | null, 
/**
 * Given at the signing station and not yet confirmed by an admin.
 */
selfDeclared: boolean, 
/**
 * The signing station's receipt number; `None` when an admin recorded it.
 */
receipt: string | null, 
/**
 * True when a signature was drawn at the signing station (read it with `mark_png`).
 */
hasDrawnMark: boolean, 
/**
 * The name typed as a signature at the signing station; `None` when one was drawn or an admin
 * recorded it.
 */
typedMark: string | null, 
/**
 * When and how it was withdrawn; `None` while it stands.
 */
withdrawal: ConsentWithdrawal | null, 
/**
 * When it was recorded (RFC 3339, UTC).
 */
createdAt: string, };

export type ImportPreview = { 
/**
 * Rows that would be added, in file order.
 */
toAdd: Array<ImportRow>, 
/**
 * Rows left out because they repeat an earlier row or someone already in the register.
 */
duplicates: Array<RowIssue>, 
/**
 * Rows left out because they fail the person rules or cannot be read.
 */
rejected: Array<RowIssue>, 
/**
 * Header cells Safekeeper did not recognise (their columns are not imported).
 */
ignoredColumns: Array<string>, };

export type ImportRow = { 
/**
 * The file line the row starts on (1-based, as a spreadsheet numbers it, the header being line
 * 1).
 */
line: number, 
/**
 * The person the row would add, as read from its cells.
 */
draft: PersonDraft, };

export type ImportSummary = { 
/**
 * How many people were added to the register.
 */
added: number, };

export type Incident = { 
/**
 * The incident's id (a UUID), as stored in `incidents.id`.
 */
id: string, 
/**
 * The reference people quote, `INC-<year>-<number>` (such as `INC-2026-0007`), numbered within
 * the year it was recorded.
 */
reference: string, 
/**
 * Whether an admin or the signing station recorded it.
 */
source: IncidentSource, 
/**
 * True when it came from the signing station, so whoever reported it gave their own identity unchecked.
 */
selfDeclared: boolean, 
/**
 * The signing station's receipt number for the concern it came from; `None` when an admin recorded it.
 */
receipt: string | null, 
/**
 * True when it is an allegation about a member of staff or a volunteer, which is kept longer
 * under the retention rules.
 */
staffAllegation: boolean, 
/**
 * True when only the admins on its access list (and the recovery key) may see it.
 */
restricted: boolean, 
/**
 * Where it stands: open, under review or closed.
 */
status: IncidentStatus, 
/**
 * The UK date it happened (`YYYY-MM-DD`), from the current version of its report.
 */
occurredOn: string, 
/**
 * Which of the 4 Cs it falls under, from the current version of its report.
 */
category: IncidentCategory, 
/**
 * What sort of incident it is, from the current version of its report.
 */
kind: IncidentKind, 
/**
 * When it was recorded (RFC 3339, UTC).
 */
createdAt: string, 
/**
 * When it last changed: a new entry, an amendment or a change of status (RFC 3339, UTC).
 */
updatedAt: string, 
/**
 * The incident is of a kind where an image may be indecent, and no image-viewing decision
 * has been recorded yet: the dashboard flags it.
 */
imageDecisionNeeded: boolean, };

export type IncidentAction = { 
/**
 * The UK date it was done (`YYYY-MM-DD`); never in the future.
 */
on: string, 
/**
 * Who did it (up to 200 characters).
 */
by: string, 
/**
 * What was done.
 */
what: string, };

export type IncidentCategory = "content" | "contact" | "conduct" | "commerce" | "notYetClassified";

export type IncidentDecision = { 
/**
 * The UK date it was decided (`YYYY-MM-DD`); never in the future.
 */
on: string, 
/**
 * Who decided (up to 200 characters).
 */
by: string, 
/**
 * What was decided.
 */
decision: string, 
/**
 * Why it was decided.
 */
reason: string, };

export type IncidentDetail = { 
/**
 * The incident itself, as lists show it.
 */
incident: Incident, 
/**
 * Every entry and amendment, in the order they were saved.
 */
chronology: Array<IncidentEntry>, 
/**
 * Each original entry's id, with the id of the entry that is its current version.
 */
current: Array<[string, string]>, 
/**
 * Admins who may see it, when restricted.
 */
access: Array<string>, 
/**
 * The current judgement and its route: which steps are done and which are open.
 */
route: Route, 
/**
 * Evidence files attached to it, oldest first, each with every opening.
 */
files: Array<IncidentFile>, 
/**
 * The filtering-log breach it was recorded from, if it was.
 */
fromFiltering: FilteringSource | null, };

export type IncidentEntry = { 
/**
 * The entry's id (a UUID), as stored in `incident_entries.id`.
 */
id: string, 
/**
 * Its place in the incident's chronology, counting from 1 in the order entries were saved.
 */
seq: number, 
/**
 * What the entry says: the report, a person involved, an action, and so on.
 */
body: IncidentEntryBody, 
/**
 * Set on an amendment: the entry it corrects.
 */
amends: string | null, 
/**
 * Why the amendment was made.
 */
reason: string | null, 
/**
 * When it was saved (RFC 3339, UTC).
 */
recordedAt: string, 
/**
 * Who saved it, as the audit trail names actors (`admin:<id>`, `signing-station`).
 */
recordedBy: string, };

export type IncidentEntryBody = { "entry": "report" } & IncidentReport | { "entry": "person" } & InvolvedPerson | { "entry": "action" } & IncidentAction | { "entry": "evidence" } & IncidentEvidence | { "entry": "decision" } & IncidentDecision | { "entry": "referral" } & IncidentReferral | { "entry": "parentsInformed" } & ParentsInformed | { "entry": "outcome" } & IncidentOutcome | { "entry": "status" } & IncidentStatusChange | { "entry": "judgement" } & IncidentJudgement | { "entry": "step" } & IncidentRouteStep | { "entry": "imageViewing" } & IncidentImageViewing;

export type IncidentEvidence = { 
/**
 * What the evidence is.
 */
what: string, 
/**
 * Where it is kept (up to 200 characters).
 */
heldWhere: string, 
/**
 * A device was taken and kept safe (not searched).
 */
deviceSecured: boolean, };

export type IncidentFile = { 
/**
 * The file's id (a UUID).
 */
id: string, 
/**
 * The evidence entry that describes it.
 */
entryId: string, 
/**
 * The name it had when attached, without any folder.
 */
fileName: string, 
/**
 * `image/png`, `image/jpeg` or `application/pdf`.
 */
mediaType: string, 
/**
 * Its size in bytes.
 */
size: number, 
/**
 * When it was attached (RFC 3339, UTC).
 */
addedAt: string, 
/**
 * Who attached it, as the audit trail names actors.
 */
addedBy: string, 
/**
 * Every time it was opened, oldest first.
 */
openings: Array<FileOpening>, };

export type IncidentFilter = { 
/**
 * Only incidents with this status; `None` for any.
 */
status: IncidentStatus | null, 
/**
 * Only incidents in this category; `None` for any.
 */
category: IncidentCategory | null, 
/**
 * Only incidents that happened on or after this UK date; `None` for no lower limit.
 */
from: string | null, 
/**
 * Only incidents that happened on or before this UK date; `None` for no upper limit.
 */
to: string | null, 
/**
 * Only incidents this person (an id in the people register) is linked to; `None` for anyone.
 */
personId: string | null, 
/**
 * Words to find in the reference or in any entry.
 */
text: string, 
/**
 * Only incidents recorded this way (an admin in the app, or the signing station); `None` for
 * either.
 */
source: IncidentSource | null, 
/**
 * Only incidents whose image-viewing decision is still to be recorded.
 */
imageDecisionDue: boolean, 
/**
 * At most this many, the most recent first; `None` for every one. A page asks for one more
 * than it shows, to know whether there are more.
 */
limit: number | null, };

export type IncidentImageViewing = { 
/**
 * Whether anyone viewed the image.
 */
viewed: boolean, 
/**
 * The UK date it was viewed (when viewed), or the date of the decision not to.
 */
on: string, 
/**
 * Who viewed it, or who decided not to.
 */
by: string, 
/**
 * When someone other than the DSL viewed it: why it was them. `None` when the DSL did.
 */
whyNotTheDsl: string | null, 
/**
 * When viewed: why there was no other option, or the clear reason for viewing.
 */
justification: string | null, 
/**
 * When viewed: who else was in the room, if anyone.
 */
othersPresent: string | null, 
/**
 * When viewed: what happened to the device afterwards (kept safe, handed to the police…).
 */
device: string | null, 
/**
 * When not viewed: why not.
 */
reasonNotViewed: string | null, };

export type IncidentJudgement = { 
/**
 * The UK date the judgement was made; never in the future.
 */
on: string, 
/**
 * Who made the judgement (usually the DSL), as typed.
 */
by: string, 
/**
 * Unsuitable, illegal, or not yet decided.
 */
judgement: Judgement, 
/**
 * Why: what was seen or heard that decides it.
 */
reason: string, };

export type IncidentKind = "cyberbullying" | "nudesOrSemiNudes" | "sexualAbuseOrExploitation" | "indecentImages" | "onlineHate" | "radicalisationOrExtremism" | "filteringBreachOrExposure" | "staffMisuse" | "dataBreach" | "other";

export type IncidentOutcome = { 
/**
 * What the outcome was.
 */
outcome: string, 
/**
 * Any sanctions given; `None` when there were none.
 */
sanctions: string | null, 
/**
 * The lessons learnt; `None` when none were written.
 */
lessonsLearnt: string | null, 
/**
 * Changes made to policy because of it; `None` when none were.
 */
policyChanges: string | null, };

export type IncidentReferral = { 
/**
 * The organisation referred to.
 */
agency: ReferralAgency, 
/**
 * Named when `agency` is `other`.
 */
otherAgency: string | null, 
/**
 * The UK date of the referral (`YYYY-MM-DD`); never in the future.
 */
on: string, 
/**
 * The agency's own reference number, if they gave one (up to 200 characters).
 */
reference: string | null, 
/**
 * What came of the referral, once known.
 */
outcome: string | null, };

export type IncidentReport = { 
/**
 * The UK date it happened (`YYYY-MM-DD`); never in the future.
 */
occurredOn: string, 
/**
 * "HH:MM", when known.
 */
occurredAtTime: string | null, 
/**
 * The UK date it was reported (`YYYY-MM-DD`); not before the date it happened, nor in the future.
 */
reportedOn: string, 
/**
 * In person, by phone, by email, at the signing station…
 */
howReported: string, 
/**
 * Who reported it (up to 200 characters).
 */
reportedBy: string, 
/**
 * Who it was reported to (up to 200 characters).
 */
reportedTo: string, 
/**
 * Where it happened (up to 200 characters); empty when not given.
 */
place: string, 
/**
 * App, platform or website.
 */
platform: string, 
/**
 * The device involved (up to 200 characters); empty when not given.
 */
device: string, 
/**
 * Which of the 4 Cs it falls under.
 */
category: IncidentCategory, 
/**
 * What sort of incident it is.
 */
kind: IncidentKind, 
/**
 * What happened, in facts.
 */
facts: string, 
/**
 * The young person's own words, kept apart from the facts.
 */
ownWords: string | null, 
/**
 * Professional opinion, marked as such wherever it is shown.
 */
opinion: string | null, };

export type IncidentRole = "subjectOrVictim" | "instigator" | "witness" | "memberOfStaff" | "other";

export type IncidentRouteStep = { 
/**
 * Which step this is.
 */
step: RouteStepKind, 
/**
 * The UK date it was done; never in the future.
 */
on: string, 
/**
 * Who did it, as typed.
 */
by: string, 
/**
 * What the step found or decided: where the evidence is held, what the police said, the
 * action and sanctions, what changed in the policies. Required where the step needs it.
 */
details: string | null, 
/**
 * The police reference number; required when the police were told.
 */
reference: string | null, 
/**
 * For the police outcome only: whether illegal material or activity was found.
 */
illegalFound: boolean | null, };

export type IncidentSignOff = { 
/**
 * The reviewing admin's name as they sign (up to 200 characters).
 */
name: string, 
/**
 * The UK date of the sign-off (`YYYY-MM-DD`); never in the future.
 */
on: string, };

export type IncidentSource = "admin" | "signingStation";

export type IncidentStatus = "open" | "underReview" | "closed";

export type IncidentStatusChange = { 
/**
 * The status the incident moves to.
 */
to: IncidentStatus, 
/**
 * The reviewing admin's sign-off; needed when the move is to closed.
 */
signOff: IncidentSignOff | null, 
/**
 * Why the status changed; needed when a closed incident is reopened.
 */
reason: string | null, };

export type IngestReport = { 
/**
 * Submissions recorded now.
 */
ingested: number, 
/**
 * Files recorded by an earlier ingest that stopped before tidying up; now removed.
 */
alreadyRecorded: number, 
/**
 * Every file kept aside or worth mentioning, with why.
 */
problems: Array<OutboxProblem>, 
/**
 * The signing station's manifest was changed outside Safekeeper since the vault published
 * it. It has been written again; `problems` names any submission sealed under the change.
 */
manifestChanged: boolean, };

export type InvolvedPerson = { 
/**
 * Their id in the people register, when they are in it.
 */
personId: string | null, 
/**
 * Their name as written on the incident (up to 200 characters), kept even when they are in the register.
 */
name: string, 
/**
 * Their part in this incident.
 */
role: IncidentRole, };

export type Judgement = "notYetDecided" | "unsuitable" | "illegal";

export type JudgementCount = { 
/**
 * The judgement each of these incidents has now.
 */
judgement: Judgement, 
/**
 * How many incidents.
 */
count: number, };

export type KeptSubmission = { 
/**
 * The file's name in `outbox/problems/`.
 */
fileName: string, 
/**
 * Why the ingest kept it; `None` for a file kept by a version that did not record why.
 */
problem: ProblemKind | null, 
/**
 * `None` when the file cannot be opened with this vault's key.
 */
submission: SubmissionKind | null, 
/**
 * The receipt number the person was shown (such as `K7QM-4TXD`); `None` when the file cannot be
 * opened.
 */
receipt: string | null, 
/**
 * RFC 3339, as the station sealed it.
 */
handedInAt: string | null, 
/**
 * Why it was not recorded, in words; holds no names.
 */
reason: string, 
/**
 * An admin chose "Keep aside": it no longer asks for attention.
 */
setAside: boolean, 
/**
 * Could be a concern about a child that is not in the records, and nobody has dealt with it
 * yet: the dashboard shows it beside new concerns. A file that cannot be opened might be one,
 * so it counts too; a second copy of one already recorded does not.
 */
urgent: boolean, };

export type KindCount = { 
/**
 * The kind of incident.
 */
kind: IncidentKind, 
/**
 * How many of that kind happened in the period.
 */
count: number, };

export type KioskAup = { 
/**
 * The AUP's id (a UUID).
 */
aupId: string, 
/**
 * Who the AUP is for, which decides who is listed to sign it.
 */
audience: Audience, 
/**
 * The published version's number, as printed on the AUP.
 */
versionNumber: number, 
/**
 * What a submission names, so a signature always points at the exact words shown.
 */
versionHash: string, 
/**
 * The AUP's words as published.
 */
content: AupContent, 
/**
 * The listed people expected to sign this AUP, by display name, so they can pick theirs.
 */
signers: Array<KioskPerson>, };

export type KioskBlankForm = { "form": "incident" } | { "form": "consent" } | { "form": "aup", 
/**
 * The AUP to print (a UUID); it must still be in the manifest.
 */
aupId: string, };

export type KioskConcern = { 
/**
 * What happened, as the person reporting tells it.
 */
whatHappened: string, 
/**
 * The day it happened (`YYYY-MM-DD`), not in the future.
 */
happenedOn: string, 
/**
 * "HH:MM", if they know it.
 */
happenedAtTime: string | null, 
/**
 * Where: a place, an app or a website.
 */
place: string, 
/**
 * Who was involved, in their words.
 */
peopleInvolved: string, 
/**
 * The young person's own words, if they said anything.
 */
ownWords: string | null, 
/**
 * What the person reporting has done so far.
 */
doneSoFar: string | null, 
/**
 * The full name of the person reporting.
 */
reporterName: string, 
/**
 * The concern is about a member of staff or a volunteer.
 */
aboutStaff: boolean, };

export type KioskConsentForm = { 
/**
 * Which wording of the form this is (such as `Image consent form 2026-1`), stored with each consent.
 */
formVersion: string, 
/**
 * The opening paragraph: why images are taken and that saying no stops no one taking part.
 */
introduction: string, 
/**
 * Each use the form asks yes or no about, in order.
 */
uses: Array<UseWording>, 
/**
 * The question whether the person's first name may be shown beside their image.
 */
nameQuestion: string, 
/**
 * Why the organisation recommends answering no to the name question.
 */
nameExplanation: string, 
/**
 * The warning that an image already printed or shared cannot always be taken back.
 */
recallWarning: string, 
/**
 * How consent can be withdrawn later.
 */
howToWithdraw: string, 
/**
 * The organisation's rule in words.
 */
ageRule: string, 
/**
 * The age from which a young person may consent for themselves.
 */
ownConsentAge: number, 
/**
 * Hex SHA-256 of everything above, so the station can tell the words were not changed.
 */
formHash: string, };

export type KioskCountersignature = { 
/**
 * The parent or carer's full name.
 */
name: string, 
/**
 * The parent or carer's signature.
 */
mark: KioskMark, };

export type KioskImageConsent = { 
/**
 * The full name of the person in the images.
 */
aboutName: string, 
/**
 * The token beside the name they picked from the published list, if they picked one.
 */
personHint: string | null, 
/**
 * Who is filling in the form: the person themselves, or a parent or carer.
 */
giver: ConsentGiver, 
/**
 * The parent or carer's full name; for the person themselves, their own name again.
 */
giverName: string, 
/**
 * How a parent or carer is related to the person (such as foster carer); required from a
 * parent or carer, up to 120 characters; may be `None` when the person fills it in themselves.
 */
relationship: string | null, 
/**
 * True when the parent or carer says they have parental responsibility.
 */
parentalResponsibility: boolean, 
/**
 * A yes or no for each use the form asked about, each use once.
 */
answers: Array<UseAnswer>, 
/**
 * True when the person's first name may be shown beside their image.
 */
nameWithImage: boolean, 
/**
 * The form version the station showed.
 */
formVersion: string, 
/**
 * The hash of the form's words the station showed; set by the station, not the page.
 */
formHash: string | null, 
/**
 * Everything is withdrawn: every answer is no.
 */
withdrawAll: boolean, 
/**
 * RFC 3339, UTC.
 */
signedAt: string, 
/**
 * The signature of whoever filled in the form.
 */
mark: KioskMark, };

export type KioskMark = { "kind": "drawn", 
/**
 * The PNG image of the signature (base64 in the JSON), up to `MAX_MARK_BYTES`.
 */
png: string, } | { "kind": "typed", 
/**
 * The full name typed.
 */
name: string, };

export type KioskPerson = { 
/**
 * Stands for one person in this manifest only: hex of an HMAC of their id under the manifest's
 * salt, so it cannot be traced back without the vault.
 */
token: string, 
/**
 * Unique on this list: two people who would show the same are told apart.
 */
displayName: string, };

export type KioskSignInput = { 
/**
 * The AUP signed (a UUID), as listed in the manifest.
 */
aupId: string, 
/**
 * The `version_hash` of the AUP version shown, so the signature points at the exact words.
 */
versionHash: string, 
/**
 * The full name typed, or the display name picked from the list.
 */
name: string, 
/**
 * The id beside the display name picked, if one was.
 */
personHint: string | null, 
/**
 * The signature itself: drawn, or the name typed.
 */
mark: KioskMark, 
/**
 * A parent or carer's countersignature, for a young person's AUP; `None` otherwise.
 */
countersignature: KioskCountersignature | null, };

export type KitSaved = { 
/**
 * The full path of the Emergency Kit PDF written.
 */
path: string, 
/**
 * The name of the cloud service or synced folder that copies it (such as OneDrive); `None` when
 * the folder is not one of those.
 */
cloudSync: string | null, };

export type LinkedIncident = { 
/**
 * The incident's id (a UUID).
 */
id: string, 
/**
 * Its reference, such as `INC-2026-0007`.
 */
reference: string, };

export type LoggedFiltering = { 
/**
 * The line's id (a UUID), as stored in `filtering_log.id`.
 */
id: string, 
/**
 * The incident this breach was recorded as; `None` for a change, or a breach not yet recorded.
 */
incident: LinkedIncident | null, 
/**
 * The UK date it happened (`YYYY-MM-DD`); from 1 January 1990 to today.
 */
happenedOn: string, 
/**
 * A change or a breach.
 */
kind: FilteringKind, 
/**
 * What happened or changed (up to 2,000 characters).
 */
what: string, 
/**
 * Who made the change or found the breach (up to 100 characters).
 */
who: string, 
/**
 * Why the change was made, or what was done about the breach (up to 2,000 characters).
 */
why: string, };

export type LongWork = "handover" | "subjectAccess" | "restore" | "peopleImport" | "trainingImport";

export type MonthCounts = { 
/**
 * "2026-03".
 */
month: string, 
/**
 * How many that month were about seeing harmful material.
 */
content: number, 
/**
 * How many that month were about harmful contact.
 */
contact: number, 
/**
 * How many that month were about the young person's own behaviour.
 */
conduct: number, 
/**
 * How many that month were about scams, gambling and other commercial harm.
 */
commerce: number, 
/**
 * How many that month are concerns the DSL has not yet classified.
 */
notYetClassified: number, };

export type OnScreenSignature = { 
/**
 * The id (a UUID) of the published AUP version being signed.
 */
versionId: string, 
/**
 * Who signed: a person an admin chose, or a name typed at the signing station.
 */
signer: Signer, 
/**
 * RFC 3339; stored in UTC.
 */
signedAt: string, 
/**
 * The signer's drawn or typed signature.
 */
mark: SignatureMark, 
/**
 * A parent or carer's countersignature; `None` when there is none.
 */
countersignature: Countersignature | null, 
/**
 * The signing station's receipt number, so the same submission is never stored twice.
 */
receipt: string | null, };

export type OutboxProblem = { 
/**
 * The file's name in the outbox (its chain number, a random UUID and `.age`); never its contents.
 */
fileName: string, 
/**
 * The receipt number, when the file could be opened.
 */
receipt: string | null, 
/**
 * What kind of problem it is.
 */
kind: ProblemKind, 
/**
 * What happened to the file, in words for the admin; never its contents.
 */
message: string, };

export type PaperSignature = { 
/**
 * The id (a UUID) of the published AUP version that was signed.
 */
versionId: string, 
/**
 * The id (a UUID) of the person who signed.
 */
personId: string, 
/**
 * The day the paper copy was signed (`YYYY-MM-DD`), not in the future.
 */
signedOn: string, 
/**
 * Where the hard copy is kept, e.g. "Blue HR folder, office cabinet 2".
 */
filedAt: string, 
/**
 * Name of a parent or carer who countersigned the paper copy.
 */
countersignedBy: string | null, 
/**
 * A scan of the signed page (PNG, JPEG or PDF, up to 5 MB).
 */
scan: number[] | null, };

export type PaperSignatureForm = { 
/**
 * The person signing (a UUID from the people register).
 */
personId: string, 
/**
 * The AUP version signed (a UUID); it must be published.
 */
versionId: string, 
/**
 * "YYYY-MM-DD"; not in the future.
 */
signedOn: string, 
/**
 * Where the hard copy is kept.
 */
filedAt: string, 
/**
 * A parent or carer who countersigned the paper copy, if any.
 */
countersignedBy: string | null, 
/**
 * The scan file's bytes in base64, if one was chosen. Rust judges its type by its first bytes.
 */
scanBase64: string | null, };

export type ParentsInformed = { 
/**
 * True when they were told; then `on` and `by` are set and `why_not` is `None`.
 */
informed: boolean, 
/**
 * The UK date they were told (`YYYY-MM-DD`); `None` when they were not told.
 */
on: string | null, 
/**
 * Who told them (up to 200 characters); `None` when they were not told.
 */
by: string | null, 
/**
 * Required when they were not told.
 */
whyNot: string | null, };

export type PassphraseStrength = { 
/**
 * zxcvbn's score: 0 (very weak) to 4 (very strong).
 */
score: number, 
/**
 * True when Safekeeper accepts it for an admin: a score of at least `MIN_SCORE` and at least
 * `MIN_LENGTH` characters.
 */
acceptable: boolean, 
/**
 * zxcvbn's warning about the passphrase (in English), such as that it is a common word;
 * `None` when there is nothing to warn about.
 */
warning: string | null, 
/**
 * Hints for a stronger passphrase, the length rule first when it is too short.
 */
suggestions: Array<string>, };

export type PeopleQuery = { 
/**
 * Text to find in the full or preferred name, case-insensitive; empty matches everyone.
 */
text: string, 
/**
 * Only people in this group; `None` for every group.
 */
group: PersonGroup | null, 
/**
 * Whether to return active people, archived people or both.
 */
status: PersonStatus, };

export type Person = { 
/**
 * The person's id (a UUID), as stored in `people.id`.
 */
id: string, 
/**
 * The group the person is in.
 */
group: PersonGroup, 
/**
 * The person's full name, trimmed and single-spaced.
 */
fullName: string, 
/**
 * The name the person likes to be called; `None` when they have none.
 */
preferredName: string | null, 
/**
 * Date of birth (`YYYY-MM-DD`); `None` when not known (the rules require one for a young
 * person).
 */
dateOfBirth: string | null, 
/**
 * The day the person started (`YYYY-MM-DD`); `None` when not known.
 */
startDate: string | null, 
/**
 * The day the person left or will leave (`YYYY-MM-DD`); `None` when not known.
 */
leaveDate: string | null, 
/**
 * Email address; `None` when not given.
 */
email: string | null, 
/**
 * Phone number; `None` when not given.
 */
phone: string | null, 
/**
 * Whether the signing station may show the person's display name; archiving turns it off.
 */
kioskListed: boolean, 
/**
 * When the person was archived (RFC 3339 UTC); `None` while active.
 */
archivedAt: string | null, 
/**
 * When the person was added (RFC 3339, UTC).
 */
createdAt: string, 
/**
 * When the person's record last changed (RFC 3339, UTC).
 */
updatedAt: string, };

export type PersonAnswer = { 
/**
 * The person's id in the people register.
 */
personId: string, 
/**
 * The use this answer is about.
 */
useKey: string, 
/**
 * Their full name, as the answer names them.
 */
displayName: string, 
/**
 * True only when the reason is `Consented`.
 */
allowed: boolean, 
/**
 * Why the answer is yes or no.
 */
reason: ConsentReason, 
/**
 * One plain line: "Yes: …" or "No: …".
 */
explanation: string, 
/**
 * Conditions written on the consent, such as "photograph alone only", shown with a yes.
 */
conditions: string | null, 
/**
 * The consent the answer rests on, if any.
 */
consentId: string | null, };

export type PersonConsent = { 
/**
 * Today's answer for each use the current form asks about.
 */
status: PersonConsentStatus, 
/**
 * Every consent, newest first.
 */
history: Array<ImageConsent>, 
/**
 * Where each consent in `history` stands on the day, by consent id ("Expired on 4 May 2026",
 * "Replaced by a later consent"), worked out by `rules::consent_state`.
 */
historyStates: { [key in string]: string }, 
/**
 * Every logged publication they appear in, newest first.
 */
publications: Array<Publication>, 
/**
 * Images of them still to take down.
 */
takedowns: Array<TakedownItem>, };

export type PersonConsentStatus = { 
/**
 * The person's id in the people register.
 */
personId: string, 
/**
 * Their full name from the people register.
 */
displayName: string, 
/**
 * Their answer for each use asked about, in the order the uses were given.
 */
uses: Array<PersonAnswer>, 
/**
 * Whether their name may appear with an image on the day, under the consent in force and
 * the same rules as every use (see `rules::name_answer`).
 */
nameWithImage: boolean, 
/**
 * Why the name may or may not appear, in one plain line ("Yes: …" or "No: …").
 */
nameExplanation: string, 
/**
 * The consent in force, if any.
 */
current: ImageConsent | null, };

export type PersonDetail = { 
/**
 * The person's register entry.
 */
person: Person, 
/**
 * The parents or carers and young people this person is linked to.
 */
links: PersonLinks, 
/**
 * Every AUP signature recorded for this person.
 */
signatures: Array<Signature>, };

export type PersonDraft = { 
/**
 * The group the person is in.
 */
group: PersonGroup, 
/**
 * The person's full name: at least a first and a last name, not only initials, up to 100
 * characters.
 */
fullName: string, 
/**
 * The name the person likes to be called; `None` (or blank) when they have none.
 */
preferredName: string | null, 
/**
 * Date of birth (`YYYY-MM-DD`), after 1 January 1900 and not in the future; required for a
 * young person, `None` when not known.
 */
dateOfBirth: string | null, 
/**
 * The day the person started (`YYYY-MM-DD`); `None` when not known.
 */
startDate: string | null, 
/**
 * The day the person left or will leave (`YYYY-MM-DD`), not before the start date; `None` when
 * not known.
 */
leaveDate: string | null, 
/**
 * Email address; `None` (or blank) when not given.
 */
email: string | null, 
/**
 * Phone number: 7 to 15 digits, with spaces and `+ ( ) -` allowed; `None` (or blank) when not
 * given.
 */
phone: string | null, };

export type PersonGroup = "staff" | "volunteer" | "trustee" | "contractor" | "youngPerson" | "parentCarer" | "visitor";

export type PersonLinks = { 
/**
 * The young person's linked parents and carers (empty for anyone else), by full name.
 */
parents: Array<Person>, 
/**
 * The parent or carer's linked young people (empty for anyone else), by full name.
 */
youngPeople: Array<Person>, };

export type PersonRole = "dsl" | "deputyDsl" | "preventLead" | "dataProtectionLead";

export type PersonStatus = "active" | "archived" | "all";

export type PersonTraining = { 
/**
 * The roles the person holds, in a fixed order.
 */
roles: Array<PersonRole>, 
/**
 * Every course they have completed, newest first.
 */
records: Array<TrainingRecord>, };

export type Phase = "setup" | "locked" | "unlocked";

export type Policy = { 
/**
 * The policy's id (a UUID), as stored in `policies.id`.
 */
id: string, 
/**
 * The policy's name, as the register lists it (up to 120 characters).
 */
name: string, 
/**
 * Whether the app treats it specially (the online-safety policy, filtering and monitoring) or not.
 */
topic: PolicyTopic, 
/**
 * Who leads on it (a name or a role); empty until set.
 */
owner: string, 
/**
 * How often it is reviewed, in months (1 to 60).
 */
reviewMonths: number, 
/**
 * True when it is taken out of the register; its history stays.
 */
retired: boolean, 
/**
 * The latest version in the history, if any.
 */
currentVersion: string | null, 
/**
 * The UK date of the latest review recorded (`YYYY-MM-DD`); `None` when none is recorded.
 */
lastReviewed: string | null, 
/**
 * The UK date the next review is due (`YYYY-MM-DD`), from the latest review; `None` when none
 * is recorded.
 */
nextReview: string | null, 
/**
 * Where the next review stands today; `neverDone` when no review is recorded.
 */
status: DueStatus, 
/**
 * The policy document is stored with it.
 */
hasDocument: boolean, };

export type PolicyDetail = { 
/**
 * The policy as the register lists it.
 */
policy: Policy, 
/**
 * Every version, oldest first, as the table at the front of a policy reads.
 */
history: Array<PolicyVersion>, };

export type PolicyDraft = { 
/**
 * The policy's name (up to 120 characters, spaces tidied).
 */
name: string, 
/**
 * Who leads on it, a name or a role (up to 100 characters); empty when not yet known.
 */
owner: string, 
/**
 * How often it is reviewed, in months: 1 to 60. A change applies from the next review recorded.
 */
reviewMonths: number, };

export type PolicyDue = { 
/**
 * The policy's id, as stored in `policies.id`.
 */
policyId: string, 
/**
 * The policy's name.
 */
name: string, 
/**
 * Whether the app treats the policy specially.
 */
topic: PolicyTopic, 
/**
 * The UK date the next review is due (`YYYY-MM-DD`); `None` when no review is recorded.
 */
due: string | null, 
/**
 * How urgent it is: never reviewed, overdue, or due within 30, 60 or 90 days.
 */
status: DueStatus, };

export type PolicyReview = { 
/**
 * The version number after this review, such as "4" or "2.1".
 */
version: string, 
/**
 * The UK date of the review (`YYYY-MM-DD`); from 1 January 1990 to today.
 */
reviewedOn: string, 
/**
 * Who led the review.
 */
lead: string, 
/**
 * What changed; `None` (or empty) for "no change".
 */
change: string | null, 
/**
 * Why the review happened.
 */
trigger: ReviewTrigger, 
/**
 * Who approved it, such as "Board of trustees".
 */
approvedBy: string | null, 
/**
 * The UK date it was approved (`YYYY-MM-DD`); not in the future nor before the review. `None`
 * when not yet approved.
 */
approvedOn: string | null, 
/**
 * The next review date as the policy's own version table sets it; `None` for the review
 * date plus the policy's cycle.
 */
nextReview: string | null, };

export type PolicyTopic = "onlineSafety" | "filteringMonitoring" | "other";

export type PolicyVersion = { 
/**
 * The row's id (a UUID), as stored in `policy_versions.id`.
 */
id: string, 
/**
 * The version number, such as "4" or "2.1"; each appears once in a policy's history.
 */
version: string, 
/**
 * "New policy", "Annual review: no change", "Review after an incident: …".
 */
purpose: string, 
/**
 * Who led the review.
 */
lead: string, 
/**
 * The UK date of the review (`YYYY-MM-DD`).
 */
reviewedOn: string, 
/**
 * The UK date the next review is due (`YYYY-MM-DD`), as set at this review.
 */
nextReview: string, 
/**
 * Why the review happened.
 */
trigger: ReviewTrigger, 
/**
 * Who approved it, such as "Board of trustees"; `None` when not recorded.
 */
approvedBy: string | null, 
/**
 * The UK date it was approved (`YYYY-MM-DD`); `None` when not recorded.
 */
approvedOn: string | null, 
/**
 * When the row was recorded (RFC 3339, UTC).
 */
recordedAt: string, };

export type ProblemKind = "corrupt" | "otherVault" | "gap" | "outOfOrder" | "duplicate" | "rejected" | "unknownManifest" | "extraRecipients" | "waiting";

export type Publication = { 
/**
 * The publication's id (a UUID), as stored in `publications.id`.
 */
id: string, 
/**
 * The UK date it was published (`YYYY-MM-DD`).
 */
publishedOn: string, 
/**
 * The use it was published under, as a use key.
 */
useKey: string, 
/**
 * The use as the form names it, such as "Our website".
 */
useLabel: string, 
/**
 * What was published, as logged.
 */
description: string, 
/**
 * Its web address; `None` when it has none.
 */
link: string | null, 
/**
 * Who appears, as (id, display name), by name.
 */
people: Array<PublicationPerson>, 
/**
 * The name of the admin who logged it ("Recovery key" when the recovery key was used).
 */
recordedBy: string, };

export type PublicationDraft = { 
/**
 * The UK date it was published (`YYYY-MM-DD`); not in the future.
 */
publishedOn: string, 
/**
 * The use it was published under: `website`, `print`, `press`, `display`, `video` or
 * `social:<account id>`.
 */
useKey: string, 
/**
 * What was published: "Summer trip photos, news page".
 */
description: string, 
/**
 * A web address, if there is one.
 */
link: string | null, 
/**
 * The people who appear in it, by their ids in the people register; at least one.
 */
personIds: Array<string>, };

export type PublicationPerson = { 
/**
 * Their id in the people register.
 */
personId: string, 
/**
 * Their full name from the people register.
 */
displayName: string, };

export type Receipt = { 
/**
 * e.g. `K7QM-4TXD`.
 */
number: string, };

export type RecoveryKeyShown = { 
/**
 * The recovery key as one line of text (`AGE-SECRET-KEY-1…`), to be written on the Emergency Kit.
 */
recoveryKey: string, 
/**
 * The same key split into groups of eight characters, for checking by eye.
 */
groups: Array<string>, };

export type ReferralAgency = "police" | "childrensSocialCare" | "lado" | "internetWatchFoundation" | "ceop" | "preventOrChannel" | "charityCommission" | "other";

export type Renewal = { "every": "never" } | { "every": "months", 
/**
 * How many months until it falls due again.
 */
months: number, };

export type RestoreAwaiting = { 
/**
 * When the restored backup was made (RFC 3339, UTC), when the restored records say so.
 */
backupCreatedAt: string | null, };

export type RestorePreview = { 
/**
 * The backup file's name (not its folder).
 */
fileName: string, 
/**
 * Whether the backup can be proven to be this vault's own, unchanged.
 */
origin: BackupOrigin, 
/**
 * What the backup says about itself: when and by which version it was made, and its row counts.
 */
manifest: BackupManifest, 
/**
 * (table, rows) in the live records now, in the order of `backup::COUNTED`.
 */
currentCounts: Array<[string, number]>, };

export type RetentionCount = { 
/**
 * How many, up to `COUNT_CAP`.
 */
count: number, 
/**
 * There are more than `COUNT_CAP`.
 */
more: boolean, };

export type RetentionDecision = { "decision": "keep", 
/**
 * Why it is kept, up to `MAX_REASON_CHARS`; never empty.
 */
reason: string, 
/**
 * The day to review it again (`YYYY-MM-DD`): after today and within `MAX_KEEP_YEARS`
 * years.
 */
nextReview: string, } | { "decision": "legalHold", 
/**
 * Why it is held, up to `MAX_REASON_CHARS`; never empty.
 */
reason: string, } | { "decision": "liftHold", 
/**
 * Why the hold is lifted, up to `MAX_REASON_CHARS`; never empty.
 */
reason: string, } | { "decision": "erase", 
/**
 * Why it is erased, up to `MAX_REASON_CHARS`; never empty. Kept in the tombstone.
 */
reason: string, };

export type RetentionItem = { 
/**
 * The kind of record.
 */
kind: RetentionRecordKind, 
/**
 * The record's id, as stored in its own table (`incidents`, `image_consents`, `signatures` or
 * `training_records`).
 */
id: string, 
/**
 * What the record is, without anyone's name: "Incident INC-2026-0007", "Training: Prevent".
 */
label: string, 
/**
 * Who the record is about, when it is about one person.
 */
person: string | null, 
/**
 * The record's own date: when it happened, was given, signed or completed.
 */
recordDate: string, 
/**
 * The rule that made it due.
 */
rule: RetentionRuleCode, 
/**
 * The day it fell due: by its rule, or the review date a "keep" decision set.
 */
dueOn: string, 
/**
 * No date of birth was held, so the date came from a fallback (see `due`): check before
 * deciding.
 */
dateOfBirthUnknown: boolean, 
/**
 * It was kept at an earlier review.
 */
keptBefore: boolean, };

export type RetentionPage = { 
/**
 * Records whose review date has come and that are not held, earliest due first (at most
 * the number asked for).
 */
due: Array<RetentionItem>, 
/**
 * How many records are due in all.
 */
dueCount: RetentionCount, 
/**
 * Records under a legal hold, earliest due first (at most the number asked for).
 */
onHold: Array<RetentionItem>, 
/**
 * How many records are on hold in all.
 */
onHoldCount: RetentionCount, };

export type RetentionRecordKind = "incident" | "imageConsent" | "aupSignature" | "trainingRecord";

export type RetentionReview = { 
/**
 * Records whose review date has come and that are not held, earliest due first.
 */
due: Array<RetentionItem>, 
/**
 * Records under a legal hold, which stay until the hold is lifted.
 */
onHold: Array<RetentionItem>, };

export type RetentionRuleCode = "childProtection" | "staffAllegation" | "imageConsent" | "aupSignature" | "training";

export type RetentionRules = { 
/**
 * Incidents (child-protection records): years after the youngest young person's birth.
 */
childProtection: YearsRule, 
/**
 * Allegations about staff: until retirement age or a number of years, whichever is later.
 */
staffAllegation: StaffAllegationRule, 
/**
 * Years after a consent ended (expired or withdrawn).
 */
imageConsent: YearsRule, 
/**
 * Years after the signer left (their leave date, or when they were archived).
 */
aupSignature: YearsRule, 
/**
 * Years after the person left.
 */
training: YearsRule, };

export type RetryOutcome = { 
/**
 * True when the submission is now in the records and the file is gone from `problems/`.
 */
recorded: boolean, 
/**
 * Why it still could not be recorded; empty when it was.
 */
reason: string, };

export type ReviewTrigger = "newPolicy" | "scheduled" | "incident" | "lawOrGuidance" | "itChange" | "other";

export type Route = { 
/**
 * The current judgement: the latest one recorded, or not yet decided when there is none.
 */
judgement: Judgement, 
/**
 * The entry that made the current judgement (who, when, why); `None` when none is recorded.
 */
decided: IncidentJudgement | null, 
/**
 * The steps the current judgement's route asks for, in order. Empty until it is decided.
 */
steps: Array<RouteStepState>, 
/**
 * The police have been told and have not yet responded.
 */
awaitingPolice: boolean, };

export type RouteStepKind = "coordinatorTold" | "policeTold" | "evidenceSecured" | "policeOutcome" | "backToInternal" | "reviewed" | "actionAndSanctions" | "policiesAndToolsReviewed";

export type RouteStepState = { 
/**
 * Which step.
 */
step: RouteStepKind, 
/**
 * The latest record of this step being done; `None` while it is open.
 */
done: IncidentRouteStep | null, };

export type RowIssue = { 
/**
 * The file line the row starts on (1-based, as a spreadsheet numbers it, the header being line
 * 1).
 */
line: number, 
/**
 * Why the row is left out, e.g. "Repeats line 4 (same full name and group).", never quoting
 * the row.
 */
reason: string, };

export type SafeguardingContacts = { 
/**
 * The Designated Safeguarding Lead's name; `None` until one is set.
 */
dslName: string | null, 
/**
 * The chair of trustees' name; `None` when not given.
 */
chairName: string | null, 
/**
 * An admin has said who these are (or an AUP was published before the question was asked).
 */
confirmed: boolean, };

export type SafetyCopyKind = "backup" | "encryptedCopy";

export type SavedFile = { 
/**
 * The full path of the file written.
 */
path: string, };

export type SessionInfo = { 
/**
 * The organisation's name, from the settings in the vault.
 */
orgName: string, 
/**
 * The admin who unlocked (a UUID, as in `AdminSummary::id`); `None` in a recovery-key session.
 */
adminId: string | null, 
/**
 * That admin's full name; `None` in a recovery-key session.
 */
adminName: string | null, 
/**
 * True when this is the throwaway demo vault.
 */
demo: boolean, 
/**
 * True when the session was opened with the paper recovery key: until a new passphrase is set
 * it may do little else.
 */
recoveryMode: boolean, 
/**
 * Minutes without activity before Safekeeper locks itself.
 */
autoLockMinutes: number, };

export type Settings = { 
/**
 * The organisation's name, as printed on forms and shown in the header.
 */
orgName: string, 
/**
 * Minutes without activity before Safekeeper locks itself.
 */
autoLockMinutes: number, 
/**
 * Every active admin who can unlock, with the signed-in one marked.
 */
admins: Array<AdminSummary>, 
/**
 * Whether the audit trail's hash chain checks out, verified when the page is loaded.
 */
audit: AuditStatus, 
/**
 * The version, data folder and licence shown under "About Safekeeper".
 */
about: AboutSafekeeper, };

export type Signature = { 
/**
 * The signature's id (a UUID), as stored in `signatures.id`.
 */
id: string, 
/**
 * The id (a UUID) of the AUP that was signed.
 */
aupId: string, 
/**
 * The id (a UUID) of the exact AUP version that was signed.
 */
versionId: string, 
/**
 * That version's number within its AUP.
 */
versionNumber: number, 
/**
 * Hex SHA-256 of the signed version's text, as it was at signing.
 */
contentHash: string, 
/**
 * The id (a UUID) of the person who signed; for a self-declared signature, the person picked
 * at the signing station, if any; `None` when nobody is known yet.
 */
personId: string | null, 
/**
 * The name typed at the signing station for a self-declared signature; `None` when an admin
 * chose the person.
 */
declaredName: string | null, 
/**
 * Still waiting for an admin to confirm who signed (signing-station signatures until
 * confirmed).
 */
selfDeclared: boolean, 
/**
 * On screen or on paper.
 */
method: SigningMethod, 
/**
 * Recorded by an admin or taken in from the signing station.
 */
source: SignatureSource, 
/**
 * When it was signed (RFC 3339, UTC); for paper, when it was recorded (see `paper_signed_on`).
 */
signedAt: string, 
/**
 * When Safekeeper stored it (RFC 3339, UTC).
 */
recordedAt: string, 
/**
 * The signing station's receipt number for the submission; `None` for one an admin recorded.
 */
receipt: string | null, 
/**
 * Whether the signer drew their signature (the image is read with `mark_png`).
 */
drawn: boolean, 
/**
 * The signer's typed name, when they typed instead of drawing; `None` otherwise.
 */
typedMark: string | null, 
/**
 * The full name of the parent or carer who countersigned; `None` when nobody did.
 */
countersignedBy: string | null, 
/**
 * Whether the parent or carer drew their countersignature (the image is read with
 * `counter_png`).
 */
countersignatureDrawn: boolean, 
/**
 * The parent or carer's typed countersignature; `None` when they drew it or nobody
 * countersigned.
 */
countersignatureTyped: string | null, 
/**
 * The day the paper copy was signed (`YYYY-MM-DD`); `None` for an on-screen signature.
 */
paperSignedOn: string | null, 
/**
 * Where the paper copy is filed; `None` for an on-screen signature.
 */
paperFiledAt: string | null, 
/**
 * The scan's media type (`image/png`, `image/jpeg` or `application/pdf`); `None` when there is
 * no scan.
 */
scanMediaType: string | null, 
/**
 * When an admin confirmed or last reassigned who signed (RFC 3339, UTC); `None` until then.
 */
confirmedAt: string | null, 
/**
 * Who confirmed or last reassigned it: the admin's id, or `recovery-key` or `system`; `None`
 * until then.
 */
confirmedBy: string | null, };

export type SignatureMark = { "kind": "drawn", 
/**
 * The PNG bytes, up to `MAX_MARK_BYTES`.
 */
png: number[], } | { "kind": "typed", 
/**
 * The name typed as the signature: a full name, as the person rules require.
 */
name: string, };

export type SignatureSource = "admin" | "signingStation";

export type Signer = { "kind": "person", 
/**
 * The id (a UUID) of the person who signed.
 */
person_id: string, } | { "kind": "selfDeclared", 
/**
 * The full name the signer typed.
 */
name: string, 
/**
 * The id of the person the signer picked from the listed names; `None` when they picked
 * no one. An id that no longer exists is dropped.
 */
claimed_person_id: string | null, };

export type SigningMethod = "onScreen" | "paper";

export type SocialAccount = { 
/**
 * The account's id (a UUID); its use key is `social:<id>`.
 */
id: string, 
/**
 * Such as "Instagram @riversideyouth".
 */
name: string, 
/**
 * True when new forms no longer ask about it; consents that name it keep it.
 */
retired: boolean, };

export type StaffAllegationRule = { 
/**
 * Normal retirement age of the member of staff, in years: from 50 to 80.
 */
retirementAge: number, 
/**
 * The fewest years to keep the allegation after its report date: from 1 to 100.
 */
years: number, 
/**
 * The organisation's written reason for the period: 1 to 2,000 characters.
 */
why: string, };

export type StepDone = { 
/**
 * Which first step this is.
 */
step: FirstStep, 
/**
 * Whether the records show the step done (never ticked by hand).
 */
done: boolean, };

export type SubjectAccessSaved = { 
/**
 * The full path of the PDF written for the person.
 */
pdfPath: string, 
/**
 * The full path of the JSON file written alongside it, holding the same records.
 */
jsonPath: string, 
/**
 * How many restricted incidents the export holds.
 */
restrictedIncidents: number, };

export type SubmissionKind = "aupSignature" | "concern" | "imageConsent";

export type TakedownCount = { 
/**
 * How many, but never more than the cap asked for.
 */
count: number, 
/**
 * True when there are more than `count`.
 */
more: boolean, };

export type TakedownDone = { 
/**
 * The publication the image was in.
 */
publicationId: string, 
/**
 * The person whose image it is, by their id in the people register.
 */
personId: string, 
/**
 * The image came down (true) or cannot be removed, such as a printed newsletter (false).
 */
removed: boolean, 
/**
 * The UK date it came down or was found impossible to remove (`YYYY-MM-DD`); not in the future.
 */
doneOn: string, 
/**
 * Who took it down.
 */
doneBy: string, 
/**
 * Anything else to say (up to 2,000 characters); required when the image cannot be removed, to say why.
 */
note: string | null, };

export type TakedownItem = { 
/**
 * The publication the image is in.
 */
publicationId: string, 
/**
 * The person whose image must come down, by their id in the people register.
 */
personId: string, 
/**
 * Their full name from the people register.
 */
displayName: string, 
/**
 * The UK date the publication was published (`YYYY-MM-DD`).
 */
publishedOn: string, 
/**
 * The use it was published under, as the form names it.
 */
useLabel: string, 
/**
 * What was published, as logged.
 */
description: string, 
/**
 * Its web address; `None` when it has none.
 */
link: string | null, 
/**
 * Why it must come down: "Consent withdrawn on 4 May 2026."
 */
why: string, 
/**
 * Why it must come down, as the check's reason (withdrawn, expired, refused or not asked).
 */
reason: ConsentReason, };

export type TrainingCompletion = { 
/**
 * The course completed, by its id; it must not be retired.
 */
courseId: string, 
/**
 * The UK date it was completed (`YYYY-MM-DD`); from 1 January 1990 to today.
 */
completedOn: string, 
/**
 * Who provided the training (up to 200 characters), such as the local safeguarding partnership
 * or "in house".
 */
provider: string, 
/**
 * Anything else about it (up to 2,000 characters); `None` or empty for no notes.
 */
notes: string | null, 
/**
 * The people who completed it, by their ids in the people register; at least one, none
 * archived, repeats dropped.
 */
personIds: Array<string>, };

export type TrainingDue = { 
/**
 * The person's id in the people register.
 */
personId: string, 
/**
 * Their full name from the people register.
 */
personName: string, 
/**
 * The course, by its id.
 */
courseId: string, 
/**
 * The course's name as the catalogue has it.
 */
courseName: string, 
/**
 * `None` when it has never been done.
 */
due: string | null, 
/**
 * How urgent it is: never done, overdue, or due within 30, 60 or 90 days.
 */
status: DueStatus, };

export type TrainingImportPreview = { 
/**
 * Rows that will be added when the preview is committed.
 */
toAdd: Array<TrainingImportRow>, 
/**
 * Already recorded, or repeated in the file.
 */
duplicates: Array<RowIssue>, 
/**
 * Rows that cannot be taken, each with the rule it breaks (never the cell's content).
 */
rejected: Array<RowIssue>, 
/**
 * Header cells Safekeeper did not recognise (their columns are not imported).
 */
ignoredColumns: Array<string>, };

export type TrainingImportRow = { 
/**
 * The line of the file the row starts on, counting from 1 as a spreadsheet does.
 */
line: number, 
/**
 * Who completed it: their id in the people register, found by their name.
 */
personId: string, 
/**
 * Their full name as the register has it.
 */
personName: string, 
/**
 * The course completed, by its id, found by its name.
 */
courseId: string, 
/**
 * The course's name as the catalogue has it.
 */
courseName: string, 
/**
 * The UK date it was completed (`YYYY-MM-DD`); from 1 January 1990 to today.
 */
completedOn: string, 
/**
 * Who provided the training (up to 200 characters).
 */
provider: string, 
/**
 * The notes from the file (up to 2,000 characters); `None` when the cell is empty or there is
 * no Notes column.
 */
notes: string | null, };

export type TrainingMatrix = { 
/**
 * The courses in use (retired ones left out), in the catalogue's order: the matrix's columns.
 */
courses: Array<Course>, 
/**
 * One row per person still with the organisation who must do a course or has done one, by name.
 */
rows: Array<TrainingMatrixRow>, };

export type TrainingMatrixCell = { 
/**
 * The course, by its id.
 */
courseId: string, 
/**
 * True when the person must do it, because of their group or a role they hold.
 */
required: boolean, 
/**
 * The UK date they last completed it (`YYYY-MM-DD`); `None` when they never have.
 */
lastCompleted: string | null, 
/**
 * When it next falls due, from the last completion and the course's renewal; `None` when never
 * done, or done once for good.
 */
nextDue: string | null, 
/**
 * `None` when the person need not do this course.
 */
status: DueStatus | null, };

export type TrainingMatrixFilter = { 
/**
 * Only people in this group; `None` for every group.
 */
group: PersonGroup | null, 
/**
 * Only people with at least one cell in this state (in `course_id`'s column, if given).
 */
status: DueStatus | null, 
/**
 * The course whose column `status` looks at; `None` for any course.
 */
courseId: string | null, 
/**
 * At most this many rows, the first by name; `None` for every row. A page asks for one more
 * than it shows, to know whether there are more.
 */
limit: number | null, };

export type TrainingMatrixRow = { 
/**
 * The person's id in the people register.
 */
personId: string, 
/**
 * Their full name from the people register.
 */
fullName: string, 
/**
 * Their group in the register, which decides some of the courses they must do.
 */
group: PersonGroup, 
/**
 * The roles they hold, which decide the rest.
 */
roles: Array<PersonRole>, 
/**
 * One cell per course, in the order of `TrainingMatrix::courses`.
 */
cells: Array<TrainingMatrixCell>, };

export type TrainingRecord = { 
/**
 * The record's id (a UUID), as stored in `training_records.id`.
 */
id: string, 
/**
 * Who completed it: their id in the people register.
 */
personId: string, 
/**
 * The course completed, by its id.
 */
courseId: string, 
/**
 * The UK date it was completed (`YYYY-MM-DD`).
 */
completedOn: string, 
/**
 * Who provided the training, such as the local safeguarding partnership or "in house".
 */
provider: string, 
/**
 * Anything else about it; `None` when there are no notes.
 */
notes: string | null, 
/**
 * From the course's renewal period; `None` for a course done once.
 */
nextDue: string | null, 
/**
 * When it was recorded (RFC 3339, UTC).
 */
recordedAt: string, 
/**
 * A certificate is stored with it.
 */
hasCertificate: boolean, };

export type Trends = { 
/**
 * The first UK day of the period (`YYYY-MM-DD`), included.
 */
from: string, 
/**
 * The last UK day of the period (`YYYY-MM-DD`), included.
 */
to: string, 
/**
 * Every month in the period, including months with none.
 */
months: Array<MonthCounts>, 
/**
 * Kinds seen in the period, most frequent first.
 */
kinds: Array<KindCount>, 
/**
 * Illegal, unsuitable and not yet decided, always in that order, zeros included.
 */
judgements: Array<JudgementCount>, 
/**
 * How many incidents happened in the whole period.
 */
total: number, };

export type UnconfirmedSignature = { 
/**
 * The signature as received from the signing station.
 */
signature: Signature, 
/**
 * The person chosen at the signing station, or else the register entry whose name matches the
 * typed name exactly; `None` when there is neither.
 */
suggestedPerson: Person | null, 
/**
 * Whether it was signed on the visitors' and contractors' AUP: with no suggestion, the admin
 * can then add the signer to the register as a visitor while confirming.
 */
forVisitors: boolean, };

export type UpgradeNotice = { 
/**
 * The records' schema version before the update.
 */
fromSchema: number, 
/**
 * The records' schema version after the update.
 */
toSchema: number, 
/**
 * The version of Safekeeper that made the update.
 */
appVersion: string, 
/**
 * The verified backup of the records as they were before the update, or the folder holding
 * the encrypted copy of them (see `backup_kind`).
 */
backupPath: string, 
/**
 * RFC 3339, UTC.
 */
upgradedAt: string, 
/**
 * What was kept before the update. Notices written before there was a choice were backups.
 */
backupKind: SafetyCopyKind, };

export type UseAnswer = { 
/**
 * `website`, `print`, `press`, `display`, `video` or `social:<account id>`.
 */
useKey: string, 
/**
 * True for yes (they may appear in images used this way), false for no.
 */
allowed: boolean, };

export type UseWording = { 
/**
 * The use, as a use key: `website`, `print`, `press`, `display`, `video` or `social:<account id>`.
 */
useKey: string, 
/**
 * The use's name on the form, such as "Our website".
 */
label: string, 
/**
 * What the use means, in a sentence for whoever gives consent.
 */
explanation: string, };

export type VersionStatus = "draft" | "published";

export type WhatIsDue = { 
/**
 * Training, most urgent first: never done, then by due date, then by name. On the dashboard,
 * at most `DASHBOARD_TRAINING_LINES` of each of its three groups.
 */
training: Array<TrainingDue>, 
/**
 * How many training lines there are in each state, including any `training` leaves out.
 */
trainingCounts: Array<DueCount>, 
/**
 * Policy reviews, most urgent first: never recorded, then by due date, then by name.
 */
policies: Array<PolicyDue>, 
/**
 * AUPs with people still to sign the version in force, most people first.
 */
aups: Array<AupDue>, 
/**
 * Image consents to renew, soonest first: ended ones, then by the last day they count.
 */
consents: Array<ConsentDue>, };

export type WorkProgress = { 
/**
 * The work.
 */
work: LongWork, 
/**
 * The step under way.
 */
step: WorkStep, 
/**
 * How many parts are finished.
 */
done: number, 
/**
 * How many parts there are in all; never 0.
 */
total: number, };

export type WorkStep = "writingTables" | "finishing" | "gathering" | "drawing" | "saving" | "decrypting" | "preparing" | "checkingRows";

export type YearsRule = { 
/**
 * How many years to keep the record: from 1 to 100.
 */
years: number, 
/**
 * The organisation's written reason for the period, printed on the review page: 1 to 2,000
 * characters.
 */
why: string, };
