// Generated from the Rust types by `cargo test bindings` (ts-rs). Do not edit by hand.

export type AboutSafekeeper = { version: string, 
/**
 * The data folder: the encrypted vault, the signing station's outbox and its settings.
 */
recordsFolder: string, 
/**
 * An SPDX licence expression.
 */
licence: string, };

export type AdminSummary = { id: string, name: string, createdAt: string, isCurrent: boolean, };

export type AppStatus = { phase: Phase, orgName: string | null, demo: boolean, demoPassphrase: string | null, 
/**
 * The operating system's key store shows the signing station's manifest was changed while
 * Safekeeper was closed: the station takes nothing in until an admin unlocks.
 */
stationChangedOutside: boolean, };

export type Audience = "staffVolunteers" | "youngPeople" | "parentsCarers" | "visitorsContractors" | "socialMedia";

export type AuditActor = { actor: string, name: string, };

export type AuditPage = { rows: Array<AuditRow>, 
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
from: string | null, to: string | null, 
/**
 * Only entries older than this id (the next page).
 */
beforeId: number | null, limit: number | null, };

export type AuditRow = { id: number, 
/**
 * RFC 3339, UTC.
 */
at: string, actor: string, 
/**
 * The admin's name, or "Recovery key", "Signing station", "Safekeeper".
 */
actorName: string, action: string, 
/**
 * What happened, in words.
 */
what: string, subjectKind: string, subjectId: string, detail: string, };

export type AuditStatus = { rows: number, head: string, verified: boolean, firstBadRow: number | null, };

export type Aup = { id: string, audience: Audience, kioskPublished: boolean, current: AupVersionSummary | null, draft: AupVersionSummary | null, };

export type AupContent = { title: string, intro: string, 
/**
 * Numbered in order from 1 when shown and printed: "I will…" / "I will not…".
 */
rules: Array<string>, consequences: string, 
/**
 * The statement that use is monitored.
 */
monitoring: string, 
/**
 * Who to report concerns to, with the DSL's name written in.
 */
reportConcerns: string, };

export type AupDetail = { aup: Aup, current: AupVersion | null, draft: AupVersion | null, versions: Array<AupVersionSummary>, };

export type AupDue = { aupId: string, title: string, audience: Audience, version: number, 
/**
 * Signed an older version only: they must sign again.
 */
needsResign: number, neverSigned: number, };

export type AupVersion = { id: string, aupId: string, audience: Audience, number: number, status: VersionStatus, content: AupContent, 
/**
 * Hex SHA-256 of the canonical content; fixed once published.
 */
contentHash: string, createdAt: string, publishedAt: string | null, };

export type AupVersionSummary = { id: string, number: number, status: VersionStatus, title: string, contentHash: string, publishedAt: string | null, };

export type BackupForNewVault = { manifest: BackupManifest, 
/**
 * The admins in the backup: the person restoring says which of them they are.
 */
admins: Array<AdminSummary>, };

export type BackupManifest = { vaultId: string, 
/**
 * RFC 3339, UTC.
 */
createdAt: string, appVersion: string, schemaVersion: number, 
/**
 * (table, rows), in the order of `COUNTED`.
 */
counts: Array<[string, number]>, 
/**
 * Hex of the newest audit MAC when the copy was made.
 */
auditHead: string, };

export type BackupOrigin = "thisVault" | "unverified";

export type BackupReport = { path: string, bytes: number, manifest: BackupManifest, };

export type BackupStatus = { 
/**
 * RFC 3339, UTC; `None` when no backup has been verified yet.
 */
lastVerified: string | null, reminderDays: number, 
/**
 * No verified backup, or the last one is older than `reminder_days`.
 */
due: boolean, };

export type BackupStep = "copying" | "encrypting" | "writing" | "checking";

export type BlankFormSaved = { path: string, folder: string, opened: boolean, };

export type CheckAnswer = { allowed: boolean, 
/**
 * "Yes: everyone …" or "No: A and B cannot appear …".
 */
summary: string, useKey: string, useLabel: string, withName: boolean, on: string, people: Array<PersonAnswer>, };

export type CheckQuestion = { personIds: Array<string>, useKey: string, 
/**
 * Their names would appear with the image.
 */
withName: boolean, };

export type CommandError = { code: ErrorCode, message: string, };

export type CommandName = "admin_add" | "admin_remove" | "app_status" | "audit_actors" | "audit_page" | "audit_print" | "audit_verify" | "aup_coverage" | "aup_coverage_print" | "aup_get" | "aup_list" | "aup_list_signers_on_kiosk" | "aup_print_blank" | "aup_publish" | "aup_save_draft" | "aup_set_kiosk" | "backup_now" | "backup_set_reminder_days" | "backup_status" | "consent_account_add" | "consent_account_retire" | "consent_check" | "consent_confirm" | "consent_person" | "consent_print_blank_form" | "consent_print_history" | "consent_print_register" | "consent_publish_checked" | "consent_record" | "consent_settings_save" | "consent_setup" | "consent_unconfirmed" | "consent_withdraw" | "due_dates_export" | "due_list" | "filtering_log" | "filtering_log_add" | "getting_started" | "getting_started_hide" | "group_member_set" | "group_members" | "group_save" | "groups_list" | "handover_export" | "incident_add_entry" | "incident_amend" | "incident_change_status" | "incident_create" | "incident_get" | "incident_print_blank" | "incident_print_report" | "incident_set_access" | "incident_trends" | "incidents_list" | "kiosk_consent_form" | "kiosk_give_consent" | "kiosk_print_blank_form" | "kiosk_report_concern" | "kiosk_sign_aup" | "kiosk_signing_options" | "lock" | "outbox_kept" | "outbox_kept_retry" | "outbox_kept_set_aside" | "outbox_report" | "passphrase_strength" | "people_import_commit" | "people_import_preview" | "people_search" | "person_add" | "person_archive" | "person_get" | "person_link_parent" | "person_print_incident_chronology" | "person_set_kiosk_listed" | "person_set_roles" | "person_training" | "person_unarchive" | "person_unlink_parent" | "person_update" | "policies_due" | "policies_list" | "policy_document_attach" | "policy_document_save" | "policy_get" | "policy_print_history" | "policy_record_review" | "policy_retire" | "policy_save" | "publication_add" | "publications_list" | "recovery_set_passphrase" | "recovery_unlock" | "restore_cancel" | "restore_choose" | "restore_commit" | "restore_keep" | "restore_status" | "restore_undo" | "retention_decide" | "retention_due" | "retention_rules" | "retention_rules_save" | "review_checklist_print" | "session_info" | "settings_get" | "settings_update" | "setup_begin" | "setup_delete_kit" | "setup_finish" | "setup_restore_finish" | "setup_restore_read" | "setup_save_kit" | "signature_confirm" | "signature_discard" | "signature_print" | "signature_record_paper" | "signature_save_scan" | "signatures_unconfirmed" | "start_demo" | "subject_access_export" | "takedown_record" | "takedowns_list" | "touch" | "training_certificate_attach" | "training_certificate_save" | "training_course_retire" | "training_course_save" | "training_courses" | "training_import_commit" | "training_import_preview" | "training_matrix" | "training_matrix_print" | "training_record" | "training_record_remove" | "trustee_report_print" | "unlock" | "upgrade_notice" | "upgrade_notice_dismiss";

export type ConsentDraft = { personId: string, giver: ConsentGiver, 
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
judgement: string | null, method: ConsentMethod, 
/**
 * Who heard a spoken consent.
 */
witness: string | null, givenOn: string, formVersion: string, 
/**
 * `None` takes the default period from settings.
 */
expiresOn: string | null, answers: Array<UseAnswer>, nameWithImage: boolean, notes: string | null, };

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
ownConsentAge: number, socialAccounts: Array<SocialAccount>, };

export type ConsentSetup = { settings: ConsentSettings, formVersion: string, uses: Array<UseWording>, };

export type ConsentWithdrawal = { on: string, 
/**
 * How it was said: in person, by email, by phone, at the signing station, in a letter.
 */
how: string, 
/**
 * Filled in by the records (the admin's name); ignored when asking to withdraw.
 */
recordedBy: string, note: string | null, };

export type Countersignature = { name: string, mark: SignatureMark, };

export type Course = { id: string, name: string, renewal: Renewal, 
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

export type CourseDraft = { name: string, renewal: Renewal, requiredGroups: Array<PersonGroup>, requiredRoles: Array<PersonRole>, };

export type Coverage = { aupId: string, audience: Audience, currentVersion: number | null, currentHash: string | null, signedCurrent: Array<CoverageEntry>, needsResign: Array<CoverageEntry>, neverSigned: Array<CoverageEntry>, };

export type CoverageEntry = { personId: string, fullName: string, group: PersonGroup, 
/**
 * The newest version number this person signed, if any.
 */
signedVersion: number | null, lastSignedAt: string | null, };

export type DueStatus = "neverDone" | "overdue" | "dueIn30" | "dueIn60" | "dueIn90" | "inDate";

export type ErrorCode = "admin.lastAdmin" | "admin.notFound" | "admin.removeSelf" | "app.denied" | "app.failed" | "app.unexpected" | "app.window" | "aup.hashMismatch" | "aup.invalidDslName" | "aup.invalidRules" | "aup.invalidTitle" | "aup.missingSection" | "aup.noDraft" | "aup.notFound" | "aup.notPublished" | "aup.nothingChanged" | "aup.versionNotFound" | "backup.auditBroken" | "backup.badReminderDays" | "backup.damaged" | "backup.empty" | "backup.failed" | "backup.notAge" | "backup.notForThisVault" | "backup.notVerified" | "backup.running" | "backup.schemaChanged" | "backup.tooLarge" | "backup.tooLargeToWrite" | "backup.tooNew" | "backup.write" | "backup.wrongKind" | "blankForm.folder" | "blankForm.noFolder" | "consent.ageRule" | "consent.alreadyConfirmed" | "consent.alreadyWithdrawn" | "consent.duplicateReceipt" | "consent.groupNotFound" | "consent.invalid" | "consent.notFound" | "consent.personNotFound" | "consent.publicationNotFound" | "demo.io" | "demo.unlocked" | "demo.vaultExists" | "forms.aupNotPublished" | "forms.fontInvalid" | "forms.imageUnreadable" | "forms.qrTooLong" | "forms.recoveryKeyMalformed" | "forms.render" | "handover.failed" | "handover.write" | "import.badRow" | "import.changedSincePreview" | "import.empty" | "import.noGroupColumn" | "import.noNameColumn" | "import.noPreview" | "import.tooLarge" | "import.unreadable" | "incident.accessNeedsYou" | "incident.amendmentKind" | "incident.amendmentReason" | "incident.badTransition" | "incident.cannotClose" | "incident.closed" | "incident.entryNotFound" | "incident.invalid" | "incident.notFound" | "kiosk.formNotOffered" | "outbox.badConcern" | "outbox.badConsent" | "outbox.badCountersignature" | "outbox.badMark" | "outbox.badTime" | "outbox.badTypedName" | "outbox.cleanup" | "outbox.manifestChangedOutside" | "outbox.noSuchProblem" | "outbox.notReady" | "outbox.read" | "outbox.unknownPolicy" | "outbox.write" | "people.dateOfBirthRequired" | "people.groupHasLinks" | "people.initialsOnly" | "people.invalidDateOfBirth" | "people.invalidEmail" | "people.invalidName" | "people.invalidPhone" | "people.invalidPreferredName" | "people.leaveBeforeStart" | "people.notAParentCarer" | "people.notAYoungPerson" | "people.notFound" | "person.archived" | "policy.documentNotAccepted" | "policy.documentUnreadable" | "policy.duplicateVersion" | "policy.invalid" | "policy.noDocument" | "policy.nextReviewNotAfterReview" | "policy.nextReviewTooFar" | "policy.notFound" | "report.periodBackwards" | "report.periodInFuture" | "restore.awaiting" | "restore.failed" | "restore.keptAsideUnreadable" | "restore.nothingPending" | "restore.recoveryKeyNeeded" | "retention.alreadyHeld" | "retention.badNextReview" | "retention.invalidRule" | "retention.legalHold" | "retention.notDue" | "retention.notFound" | "retention.notHeld" | "retention.reasonNeeded" | "save.dataFolder" | "save.failed" | "settings.invalidAutoLock" | "settings.invalidOrgName" | "setup.alreadySetUp" | "setup.confirmationMismatch" | "setup.failed" | "setup.invalidName" | "setup.invalidOrgName" | "setup.kitNotDeleted" | "setup.notStarted" | "setup.weakPassphrase" | "signature.alreadyConfirmed" | "signature.badCountersignature" | "signature.badFiledAt" | "signature.badMark" | "signature.badPaperDate" | "signature.badTime" | "signature.badTypedName" | "signature.duplicateReceipt" | "signature.noScan" | "signature.notConfirmed" | "signature.notFound" | "signature.personNotFound" | "signature.scanTooLarge" | "signature.scanUnreadable" | "signature.scanWrongType" | "signature.versionNotFound" | "signature.versionNotPublished" | "store.auditBroken" | "store.damaged" | "store.diskFull" | "store.io" | "store.keyRejected" | "store.notEncrypted" | "store.readOnly" | "store.rekeyFailed" | "store.schemaTooNew" | "store.sqlite" | "subjectAccess.personNotFound" | "subjectAccess.unwritable" | "training.certificateTooLarge" | "training.certificateUnreadable" | "training.certificateWrongType" | "training.courseNotFound" | "training.invalid" | "training.noCertificate" | "training.personNotFound" | "training.recordNotFound" | "upgrade.backupFailed" | "upgrade.failed" | "vault.adminRemoved" | "vault.badRecoveryKey" | "vault.cannotUnlock" | "vault.invalidName" | "vault.invalidOrgName" | "vault.io" | "vault.keyFileDamaged" | "vault.locked" | "vault.mustSetPassphrase" | "vault.notAllowed" | "vault.notSetUp" | "vault.tooManyKeyFiles" | "vault.weakPassphrase" | "vault.workFactorTooHigh" | "vault.wrongPassphrase";

export type FilteringEntry = { happenedOn: string, kind: FilteringKind, what: string, who: string, why: string, };

export type FilteringKind = "change" | "breach";

export type FirstStep = "addPeople" | "showStaffAup" | "reviewOnlineSafetyPolicy" | "recordTraining" | "firstBackup";

export type GettingStarted = { steps: Array<StepDone>, 
/**
 * Whether the dashboard shows the list: not once every step is done, nor once it is hidden.
 */
show: boolean, };

export type GroupSummary = { id: string, name: string, members: number, };

export type HandoverReport = { folder: string, tables: number, rows: number, 
/**
 * Stored files (signatures, scans, certificates, documents) written out.
 */
files: number, };

export type ImageConsent = { id: string, 
/**
 * Empty only while a signing-station consent waits for an admin to say who it is about.
 */
personId: string | null, 
/**
 * The name as given on the form.
 */
aboutName: string, giver: ConsentGiver, giverName: string, relationship: string | null, parentalResponsibility: boolean, judgement: string | null, method: ConsentMethod, witness: string | null, givenOn: string, formVersion: string, expiresOn: string, answers: Array<UseAnswer>, nameWithImage: boolean, notes: string | null, 
/**
 * Given at the signing station and not yet confirmed by an admin.
 */
selfDeclared: boolean, receipt: string | null, hasDrawnMark: boolean, typedMark: string | null, withdrawal: ConsentWithdrawal | null, createdAt: string, };

export type ImportPreview = { toAdd: Array<ImportRow>, duplicates: Array<RowIssue>, rejected: Array<RowIssue>, 
/**
 * Header cells Safekeeper did not recognise (their columns are not imported).
 */
ignoredColumns: Array<string>, };

export type ImportRow = { line: number, draft: PersonDraft, };

export type ImportSummary = { added: number, };

export type Incident = { id: string, reference: string, source: IncidentSource, selfDeclared: boolean, receipt: string | null, staffAllegation: boolean, restricted: boolean, status: IncidentStatus, occurredOn: string, category: IncidentCategory, kind: IncidentKind, createdAt: string, updatedAt: string, };

export type IncidentAction = { on: string, by: string, what: string, };

export type IncidentCategory = "content" | "contact" | "conduct" | "commerce" | "notYetClassified";

export type IncidentDecision = { on: string, by: string, decision: string, reason: string, };

export type IncidentDetail = { incident: Incident, 
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
access: Array<string>, };

export type IncidentEntry = { id: string, seq: number, body: IncidentEntryBody, 
/**
 * Set on an amendment: the entry it corrects.
 */
amends: string | null, 
/**
 * Why the amendment was made.
 */
reason: string | null, recordedAt: string, 
/**
 * Who saved it, as the audit trail names actors (`admin:<id>`, `signing-station`).
 */
recordedBy: string, };

export type IncidentEntryBody = { "entry": "report" } & IncidentReport | { "entry": "person" } & InvolvedPerson | { "entry": "action" } & IncidentAction | { "entry": "evidence" } & IncidentEvidence | { "entry": "decision" } & IncidentDecision | { "entry": "referral" } & IncidentReferral | { "entry": "parentsInformed" } & ParentsInformed | { "entry": "outcome" } & IncidentOutcome | { "entry": "status" } & IncidentStatusChange;

export type IncidentEvidence = { what: string, heldWhere: string, 
/**
 * A device was taken and kept safe (not searched).
 */
deviceSecured: boolean, };

export type IncidentFilter = { status: IncidentStatus | null, category: IncidentCategory | null, from: string | null, to: string | null, personId: string | null, 
/**
 * Words to find in the reference or in any entry.
 */
text: string, };

export type IncidentKind = "cyberbullying" | "nudesOrSemiNudes" | "sexualAbuseOrExploitation" | "indecentImages" | "onlineHate" | "radicalisationOrExtremism" | "filteringBreachOrExposure" | "staffMisuse" | "dataBreach" | "other";

export type IncidentOutcome = { outcome: string, sanctions: string | null, lessonsLearnt: string | null, policyChanges: string | null, };

export type IncidentReferral = { agency: ReferralAgency, 
/**
 * Named when `agency` is `other`.
 */
otherAgency: string | null, on: string, reference: string | null, outcome: string | null, };

export type IncidentReport = { occurredOn: string, 
/**
 * "HH:MM", when known.
 */
occurredAtTime: string | null, reportedOn: string, 
/**
 * In person, by phone, by email, at the signing station…
 */
howReported: string, reportedBy: string, reportedTo: string, place: string, 
/**
 * App, platform or website.
 */
platform: string, device: string, category: IncidentCategory, kind: IncidentKind, 
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

export type IncidentSignOff = { name: string, on: string, };

export type IncidentSource = "admin" | "signingStation";

export type IncidentStatus = "open" | "underReview" | "closed";

export type IncidentStatusChange = { to: IncidentStatus, signOff: IncidentSignOff | null, reason: string | null, };

export type IngestReport = { 
/**
 * Submissions recorded now.
 */
ingested: number, 
/**
 * Files recorded by an earlier ingest that stopped before tidying up; now removed.
 */
alreadyRecorded: number, problems: Array<OutboxProblem>, 
/**
 * The signing station's manifest was changed outside Safekeeper since the vault published
 * it. It has been written again; `problems` names any submission sealed under the change.
 */
manifestChanged: boolean, };

export type InvolvedPerson = { 
/**
 * Their id in the people register, when they are in it.
 */
personId: string | null, name: string, role: IncidentRole, };

export type KeptSubmission = { fileName: string, 
/**
 * Why the ingest kept it; `None` for a file kept by a version that did not record why.
 */
problem: ProblemKind | null, 
/**
 * `None` when the file cannot be opened with this vault's key.
 */
submission: SubmissionKind | null, receipt: string | null, 
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

export type KindCount = { kind: IncidentKind, count: number, };

export type KioskAup = { aupId: string, audience: Audience, versionNumber: number, 
/**
 * What a submission names, so a signature always points at the exact words shown.
 */
versionHash: string, content: AupContent, 
/**
 * The listed people expected to sign this AUP, by display name, so they can pick theirs.
 */
signers: Array<KioskPerson>, };

export type KioskBlankForm = { "form": "incident" } | { "form": "consent" } | { "form": "aup", aupId: string, };

export type KioskConcern = { 
/**
 * What happened, as the person reporting tells it.
 */
whatHappened: string, happenedOn: string, 
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
doneSoFar: string | null, reporterName: string, 
/**
 * The concern is about a member of staff or a volunteer.
 */
aboutStaff: boolean, };

export type KioskConsentForm = { formVersion: string, introduction: string, uses: Array<UseWording>, nameQuestion: string, nameExplanation: string, recallWarning: string, howToWithdraw: string, 
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

export type KioskCountersignature = { name: string, mark: KioskMark, };

export type KioskImageConsent = { 
/**
 * The full name of the person in the images.
 */
aboutName: string, 
/**
 * The token beside the name they picked from the published list, if they picked one.
 */
personHint: string | null, giver: ConsentGiver, 
/**
 * The parent or carer's full name; for the person themselves, their own name again.
 */
giverName: string, relationship: string | null, parentalResponsibility: boolean, answers: Array<UseAnswer>, nameWithImage: boolean, 
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
signedAt: string, mark: KioskMark, };

export type KioskMark = { "kind": "drawn", 
/**
 * Base64 of the PNG.
 */
png: string, } | { "kind": "typed", name: string, };

export type KioskPerson = { token: string, 
/**
 * Unique on this list: two people who would show the same are told apart.
 */
displayName: string, };

export type KioskSignInput = { aupId: string, versionHash: string, 
/**
 * The full name typed, or the display name picked from the list.
 */
name: string, 
/**
 * The id beside the display name picked, if one was.
 */
personHint: string | null, mark: KioskMark, countersignature: KioskCountersignature | null, };

export type KitSaved = { path: string, cloudSync: string | null, };

export type MonthCounts = { 
/**
 * "2026-03".
 */
month: string, content: number, contact: number, conduct: number, commerce: number, notYetClassified: number, };

export type OnScreenSignature = { versionId: string, signer: Signer, 
/**
 * RFC 3339; stored in UTC.
 */
signedAt: string, mark: SignatureMark, countersignature: Countersignature | null, 
/**
 * The signing station's receipt number, so the same submission is never stored twice.
 */
receipt: string | null, };

export type OutboxProblem = { fileName: string, 
/**
 * The receipt number, when the file could be opened.
 */
receipt: string | null, kind: ProblemKind, message: string, };

export type PaperSignature = { versionId: string, personId: string, signedOn: string, 
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

export type PaperSignatureForm = { personId: string, versionId: string, 
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

export type ParentsInformed = { informed: boolean, on: string | null, by: string | null, 
/**
 * Required when they were not told.
 */
whyNot: string | null, };

export type PassphraseStrength = { score: number, acceptable: boolean, warning: string | null, suggestions: Array<string>, };

export type PeopleQuery = { text: string, group: PersonGroup | null, status: PersonStatus, };

export type Person = { id: string, group: PersonGroup, fullName: string, preferredName: string | null, dateOfBirth: string | null, startDate: string | null, leaveDate: string | null, email: string | null, phone: string | null, kioskListed: boolean, 
/**
 * When the person was archived (RFC 3339 UTC); `None` while active.
 */
archivedAt: string | null, createdAt: string, updatedAt: string, };

export type PersonAnswer = { personId: string, 
/**
 * The use this answer is about.
 */
useKey: string, displayName: string, allowed: boolean, reason: ConsentReason, 
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
history: Array<ImageConsent>, publications: Array<Publication>, 
/**
 * Images of them still to take down.
 */
takedowns: Array<TakedownItem>, };

export type PersonConsentStatus = { personId: string, displayName: string, uses: Array<PersonAnswer>, 
/**
 * Whether their name may appear with an image, under the consent in force.
 */
nameWithImage: boolean, 
/**
 * The consent in force, if any.
 */
current: ImageConsent | null, };

export type PersonDetail = { person: Person, links: PersonLinks, signatures: Array<Signature>, };

export type PersonDraft = { group: PersonGroup, fullName: string, preferredName: string | null, dateOfBirth: string | null, startDate: string | null, leaveDate: string | null, email: string | null, phone: string | null, };

export type PersonGroup = "staff" | "volunteer" | "trustee" | "contractor" | "youngPerson" | "parentCarer" | "visitor";

export type PersonLinks = { parents: Array<Person>, youngPeople: Array<Person>, };

export type PersonRole = "dsl" | "deputyDsl" | "preventLead" | "dataProtectionLead";

export type PersonStatus = "active" | "archived" | "all";

export type PersonTraining = { roles: Array<PersonRole>, records: Array<TrainingRecord>, };

export type Phase = "setup" | "locked" | "unlocked";

export type Policy = { id: string, name: string, topic: PolicyTopic, 
/**
 * Who leads on it (a name or a role); empty until set.
 */
owner: string, reviewMonths: number, retired: boolean, 
/**
 * The latest version in the history, if any.
 */
currentVersion: string | null, lastReviewed: string | null, nextReview: string | null, 
/**
 * Where the next review stands today; `neverDone` when no review is recorded.
 */
status: DueStatus, 
/**
 * The policy document is stored with it.
 */
hasDocument: boolean, };

export type PolicyDetail = { policy: Policy, 
/**
 * Every version, oldest first, as the table at the front of a policy reads.
 */
history: Array<PolicyVersion>, };

export type PolicyDraft = { name: string, owner: string, reviewMonths: number, };

export type PolicyDue = { policyId: string, name: string, topic: PolicyTopic, due: string | null, status: DueStatus, };

export type PolicyReview = { 
/**
 * The version number after this review, such as "4" or "2.1".
 */
version: string, reviewedOn: string, 
/**
 * Who led the review.
 */
lead: string, 
/**
 * What changed; `None` (or empty) for "no change".
 */
change: string | null, trigger: ReviewTrigger, 
/**
 * Who approved it, such as "Board of trustees".
 */
approvedBy: string | null, approvedOn: string | null, 
/**
 * The next review date as the policy's own version table sets it; `None` for the review
 * date plus the policy's cycle.
 */
nextReview: string | null, };

export type PolicyTopic = "onlineSafety" | "filteringMonitoring" | "other";

export type PolicyVersion = { id: string, version: string, 
/**
 * "New policy", "Annual review: no change", "Review after an incident: …".
 */
purpose: string, lead: string, reviewedOn: string, nextReview: string, trigger: ReviewTrigger, approvedBy: string | null, approvedOn: string | null, recordedAt: string, };

export type ProblemKind = "corrupt" | "otherVault" | "gap" | "outOfOrder" | "duplicate" | "rejected" | "unknownManifest" | "extraRecipients" | "waiting";

export type Publication = { id: string, publishedOn: string, useKey: string, useLabel: string, description: string, link: string | null, 
/**
 * Who appears, as (id, display name), by name.
 */
people: Array<PublicationPerson>, recordedBy: string, };

export type PublicationDraft = { publishedOn: string, useKey: string, 
/**
 * What was published: "Summer trip photos, news page".
 */
description: string, 
/**
 * A web address, if there is one.
 */
link: string | null, personIds: Array<string>, };

export type PublicationPerson = { personId: string, displayName: string, };

export type Receipt = { 
/**
 * e.g. `K7QM-4TXD`.
 */
number: string, };

export type RecoveryKeyShown = { recoveryKey: string, groups: Array<string>, };

export type ReferralAgency = "police" | "childrensSocialCare" | "lado" | "internetWatchFoundation" | "ceop" | "preventOrChannel" | "charityCommission" | "other";

export type Renewal = { "every": "never" } | { "every": "months", months: number, };

export type RestoreAwaiting = { 
/**
 * When the restored backup was made (RFC 3339, UTC), when the restored records say so.
 */
backupCreatedAt: string | null, };

export type RestorePreview = { 
/**
 * The backup file's name (not its folder).
 */
fileName: string, origin: BackupOrigin, manifest: BackupManifest, 
/**
 * (table, rows) in the live records now, in the order of `backup::COUNTED`.
 */
currentCounts: Array<[string, number]>, };

export type RetentionDecision = { "decision": "keep", reason: string, nextReview: string, } | { "decision": "legalHold", reason: string, } | { "decision": "liftHold", reason: string, } | { "decision": "erase", reason: string, };

export type RetentionItem = { kind: RetentionRecordKind, id: string, 
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
recordDate: string, rule: RetentionRuleCode, 
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

export type RetentionRecordKind = "incident" | "imageConsent" | "aupSignature" | "trainingRecord";

export type RetentionReview = { due: Array<RetentionItem>, onHold: Array<RetentionItem>, };

export type RetentionRuleCode = "childProtection" | "staffAllegation" | "imageConsent" | "aupSignature" | "training";

export type RetentionRules = { 
/**
 * Incidents (child-protection records): years after the youngest young person's birth.
 */
childProtection: YearsRule, staffAllegation: StaffAllegationRule, 
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

export type RetryOutcome = { recorded: boolean, 
/**
 * Why it still could not be recorded; empty when it was.
 */
reason: string, };

export type ReviewTrigger = "newPolicy" | "scheduled" | "incident" | "lawOrGuidance" | "itChange" | "other";

export type RowIssue = { line: number, reason: string, };

export type SavedFile = { path: string, };

export type SessionInfo = { orgName: string, adminId: string | null, adminName: string | null, demo: boolean, recoveryMode: boolean, autoLockMinutes: number, };

export type Settings = { orgName: string, autoLockMinutes: number, admins: Array<AdminSummary>, audit: AuditStatus, about: AboutSafekeeper, };

export type Signature = { id: string, aupId: string, versionId: string, versionNumber: number, contentHash: string, personId: string | null, declaredName: string | null, selfDeclared: boolean, method: SigningMethod, source: SignatureSource, signedAt: string, recordedAt: string, receipt: string | null, drawn: boolean, typedMark: string | null, countersignedBy: string | null, countersignatureDrawn: boolean, countersignatureTyped: string | null, paperSignedOn: string | null, paperFiledAt: string | null, scanMediaType: string | null, confirmedAt: string | null, confirmedBy: string | null, };

export type SignatureMark = { "kind": "drawn", png: number[], } | { "kind": "typed", name: string, };

export type SignatureSource = "admin" | "signingStation";

export type Signer = { "kind": "person", person_id: string, } | { "kind": "selfDeclared", name: string, claimed_person_id: string | null, };

export type SigningMethod = "onScreen" | "paper";

export type SocialAccount = { id: string, 
/**
 * Such as "Instagram @riversideyouth".
 */
name: string, retired: boolean, };

export type StaffAllegationRule = { retirementAge: number, years: number, why: string, };

export type StepDone = { step: FirstStep, done: boolean, };

export type SubjectAccessSaved = { pdfPath: string, jsonPath: string, restrictedIncidents: number, };

export type SubmissionKind = "aupSignature" | "concern" | "imageConsent";

export type TakedownDone = { publicationId: string, personId: string, 
/**
 * The image came down (true) or cannot be removed, such as a printed newsletter (false).
 */
removed: boolean, doneOn: string, 
/**
 * Who took it down.
 */
doneBy: string, note: string | null, };

export type TakedownItem = { publicationId: string, personId: string, displayName: string, publishedOn: string, useLabel: string, description: string, link: string | null, 
/**
 * Why it must come down: "Consent withdrawn on 4 May 2026."
 */
why: string, reason: ConsentReason, };

export type TrainingCompletion = { courseId: string, completedOn: string, provider: string, notes: string | null, personIds: Array<string>, };

export type TrainingDue = { personId: string, personName: string, courseId: string, courseName: string, 
/**
 * `None` when it has never been done.
 */
due: string | null, status: DueStatus, };

export type TrainingImportPreview = { toAdd: Array<TrainingImportRow>, 
/**
 * Already recorded, or repeated in the file.
 */
duplicates: Array<RowIssue>, rejected: Array<RowIssue>, 
/**
 * Header cells Safekeeper did not recognise (their columns are not imported).
 */
ignoredColumns: Array<string>, };

export type TrainingImportRow = { line: number, personId: string, personName: string, courseId: string, courseName: string, completedOn: string, provider: string, notes: string | null, };

export type TrainingMatrix = { courses: Array<Course>, rows: Array<TrainingMatrixRow>, };

export type TrainingMatrixCell = { courseId: string, required: boolean, lastCompleted: string | null, nextDue: string | null, 
/**
 * `None` when the person need not do this course.
 */
status: DueStatus | null, };

export type TrainingMatrixFilter = { group: PersonGroup | null, 
/**
 * Only people with at least one cell in this state (in `course_id`'s column, if given).
 */
status: DueStatus | null, courseId: string | null, };

export type TrainingMatrixRow = { personId: string, fullName: string, group: PersonGroup, roles: Array<PersonRole>, 
/**
 * One cell per course, in the order of `TrainingMatrix::courses`.
 */
cells: Array<TrainingMatrixCell>, };

export type TrainingRecord = { id: string, personId: string, courseId: string, completedOn: string, provider: string, notes: string | null, 
/**
 * From the course's renewal period; `None` for a course done once.
 */
nextDue: string | null, recordedAt: string, 
/**
 * A certificate is stored with it.
 */
hasCertificate: boolean, };

export type Trends = { from: string, to: string, 
/**
 * Every month in the period, including months with none.
 */
months: Array<MonthCounts>, 
/**
 * Kinds seen in the period, most frequent first.
 */
kinds: Array<KindCount>, total: number, };

export type UnconfirmedSignature = { signature: Signature, suggestedPerson: Person | null, };

export type UpgradeNotice = { 
/**
 * The records' schema version before and after.
 */
fromSchema: number, toSchema: number, 
/**
 * The version of Safekeeper that made the update.
 */
appVersion: string, 
/**
 * The verified backup of the records as they were before the update.
 */
backupPath: string, 
/**
 * RFC 3339, UTC.
 */
upgradedAt: string, };

export type UseAnswer = { 
/**
 * `website`, `print`, `press`, `display`, `video` or `social:<account id>`.
 */
useKey: string, allowed: boolean, };

export type UseWording = { useKey: string, label: string, explanation: string, };

export type VersionStatus = "draft" | "published";

export type WhatIsDue = { 
/**
 * Training, most urgent first: never done, then by due date, then by name.
 */
training: Array<TrainingDue>, 
/**
 * Policy reviews, most urgent first: never recorded, then by due date, then by name.
 */
policies: Array<PolicyDue>, 
/**
 * AUPs with people still to sign the version in force, most people first.
 */
aups: Array<AupDue>, };

export type YearsRule = { years: number, why: string, };
