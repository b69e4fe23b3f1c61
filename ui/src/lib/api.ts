// The one typed door from the web view into Rust. Every command name and argument shape lives
// here and nowhere else; pages call these functions, never `invoke` with a string.
// Owns error normalisation (anything thrown becomes a `CommandError`) and the "vault locked"
// signal. Does not decide what to show the user: pages switch on `code`.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  AppStatus,
  BlankFormSaved,
  AuditStatus,
  BackupForNewVault,
  Aup,
  AupContent,
  AupDetail,
  AupVersion,
  CommandError,
  Coverage,
  ErrorCode,
  ImportPreview,
  ImportSummary,
  Incident,
  IncidentDetail,
  IncidentEntry,
  IncidentFile,
  IncidentEntryBody,
  IncidentFilter,
  IncidentReport,
  IncidentStatusChange,
  Trends,
  Course,
  FilteringEntry,
  SafeguardingContacts,
  LoggedFiltering,
  Policy,
  PolicyDetail,
  PolicyDraft,
  PolicyDue,
  PolicyReview,
  PolicyVersion,
  CourseDraft,
  PersonRole,
  PersonTraining,
  TrainingCompletion,
  TrainingImportPreview,
  TrainingMatrix,
  TrainingMatrixFilter,
  TrainingRecord,
  KioskAup,
  KioskBlankForm,
  KitSaved,
  KioskConcern,
  KioskSignInput,
  IngestReport,
  KeptSubmission,
  RetryOutcome,
  PaperSignatureForm,
  PassphraseStrength,
  PeopleQuery,
  Person,
  PersonDetail,
  PersonDraft,
  Receipt,
  RecoveryKeyShown,
  SavedFile,
  SessionInfo,
  Settings,
  Signature,
  UnconfirmedSignature,
  WhatIsDue,
} from "./bindings";
import type {
  RetentionDecision,
  RetentionRecordKind,
  RetentionCount,
  RetentionPage,
  RetentionRules,
  BackupReport,
  BackupStatus,
  RestoreAwaiting,
  RestorePreview,
  AuditActor,
  AuditPage,
  AuditQuery,
  HandoverReport,
  CheckAnswer,
  CheckQuestion,
  ConsentDraft,
  ConsentSetup,
  ConsentWithdrawal,
  GroupSummary,
  ImageConsent,
  KioskConsentForm,
  KioskImageConsent,
  PersonConsent,
  Publication,
  PublicationDraft,
  SubjectAccessSaved,
  TakedownDone,
  TakedownCount,
  TakedownItem,
  WorkProgress,
  BackupStep,
  UpgradeNotice,
  GettingStarted,
  CommandName,
} from "./bindings";

export type { CommandError, ErrorCode };

/** The event Rust emits whenever the app locks or unlocks. */
export const STATUS_EVENT = "safekeeper://status";

/** Codes the front end makes itself, for failures that never reached a Rust command. */
export const DENIED: ErrorCode = "app.denied";
export const UNEXPECTED: ErrorCode = "app.unexpected";
/** Rust's code for "the app has locked itself; this window's session is over". */
export const VAULT_LOCKED: ErrorCode = "vault.locked";

const DENIED_MESSAGE =
  "Safekeeper does not allow that from this window. Close Safekeeper and open it again.";
const UNEXPECTED_MESSAGE =
  "Something went wrong. Close Safekeeper and open it again. If it keeps happening, ask whoever looks after your computers for help.";

export function isCommandError(value: unknown): value is CommandError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as CommandError).code === "string" &&
    typeof (value as CommandError).message === "string"
  );
}

/**
 * Turns anything a command can throw into a `CommandError`.
 * Rust's own errors already are one. Tauri's permission layer (ACL) rejects a command with a plain
 * string, which we treat as "denied". Anything else (a JS exception, no Tauri at all) is unexpected;
 * its text is not shown because it means nothing to the person at the laptop.
 */
export function toCommandError(thrown: unknown): CommandError {
  if (isCommandError(thrown)) {
    return { code: thrown.code, message: thrown.message };
  }
  if (typeof thrown === "string") {
    return { code: DENIED, message: DENIED_MESSAGE };
  }
  return { code: UNEXPECTED, message: UNEXPECTED_MESSAGE };
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/**
 * Calls `listener` whenever any command fails because Safekeeper has locked.
 * Returns a function that stops listening.
 */
export function onVaultLocked(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

// Commands still waiting for Rust's answer, so a page can tell when everything it asked for on
// opening has come back: the dashboard marks that moment ("dashboard-drawn") for the measurement
// of unlock to a fully drawn dashboard (`tests/e2e/measure-dashboard.mjs`).
let inFlight = 0;
let idleWaiters: (() => void)[] = [];

/**
 * How many of a window's first commands are timed (as performance measures named after the
 * command) for the start-up measurement; the rest are not, so a long session keeps no growing list.
 */
export const TIMED_COMMANDS = 40;
let timedCommands = 0;

function settleIfIdle() {
  // A moment later, so that a command started from another's answer counts as still to come.
  setTimeout(() => {
    if (inFlight > 0) return;
    const waiting = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiting) resolve();
  }, 0);
}

/** Resolves once no command is waiting for Rust's answer. */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    idleWaiters.push(resolve);
    settleIfIdle();
  });
}

async function call<T>(command: CommandName, args?: Record<string, unknown>): Promise<T> {
  inFlight += 1;
  const started = performance.now();
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    const error = toCommandError(thrown);
    if (error.code === VAULT_LOCKED) {
      for (const listener of lockedListeners) listener();
    }
    throw error;
  } finally {
    // The command's name and how long it took, for the start-up measurement; never its arguments.
    if (timedCommands < TIMED_COMMANDS) {
      timedCommands += 1;
      performance.measure(command, { start: started });
    }
    inFlight -= 1;
    if (inFlight === 0) settleIfIdle();
  }
}

// ---- Kiosk window (the locked home) ----

export const appStatus = () => call<AppStatus>("app_status");

export const passphraseStrength = (passphrase: string, userInputs: string[]) =>
  call<PassphraseStrength>("passphrase_strength", { passphrase, userInputs });

export const setupBegin = (input: { orgName: string; adminName: string; passphrase: string }) =>
  call<RecoveryKeyShown>("setup_begin", input);

/**
 * Rust shows a native Save dialog; `null` means the person cancelled it. Says whether the folder
 * is one that cloud sync usually copies.
 */
export const setupSaveKit = () => call<KitSaved | null>("setup_save_kit");

/** Deletes the Emergency Kit copies this setup saved (only those files); resolves to how many. */
export const setupDeleteKit = () => call<number>("setup_delete_kit");

/** `confirmation` is the last 6 characters of the recovery key, as the person typed them. */
export const setupFinish = (confirmation: string) => call<void>("setup_finish", { confirmation });

/**
 * First run on a new computer: Rust shows an Open dialog for the backup and reads it with the
 * recovery key. Writes nothing; `null` means the person cancelled the dialog.
 */
export const setupRestoreRead = (recoveryKey: string) =>
  call<BackupForNewVault | null>("setup_restore_read", { recoveryKey });

/** Makes the vault from the backup just read; the chosen admin sets a new passphrase and is let in. */
export const setupRestoreFinish = (input: { recoveryKey: string; adminId: string; passphrase: string }) =>
  call<void>("setup_restore_finish", input);

export const startDemo = () => call<AppStatus>("start_demo");

export const unlock = (passphrase: string) => call<void>("unlock", { passphrase });

export const recoveryUnlock = (recoveryKey: string) =>
  call<void>("recovery_unlock", { recoveryKey });

/** The AUPs the signing station offers: whatever the last admin session published. */
export const kioskSigningOptions = () => call<KioskAup[]>("kiosk_signing_options");

/** Hands in a signature. Write-only: Rust seals it for the admins and returns a receipt. */
export const kioskSignAup = (signature: KioskSignInput) =>
  call<Receipt>("kiosk_sign_aup", { signature });

/** Hands in a concern for the safeguarding lead. Write-only, like a signature. */
export const kioskReportConcern = (concern: KioskConcern) =>
  call<Receipt>("kiosk_report_concern", { concern });

/**
 * Prints a blank form (the incident form, the consent form, or an AUP shown here) from the locked
 * home. Blank forms hold no personal data. No dialog: Rust saves it in the app's folder for blank
 * forms and opens it in the PDF viewer.
 */
export const kioskPrintBlankForm = (form: KioskBlankForm) =>
  call<BlankFormSaved>("kiosk_print_blank_form", { form });

/** Runs `handler` each time Rust says the app locked or unlocked. Resolves to an unsubscribe. */
export function onStatusChanged(handler: () => void): Promise<UnlistenFn> {
  return listen(STATUS_EVENT, () => handler());
}

// ---- Admin window ----

export const sessionInfo = () => call<SessionInfo>("session_info");

export const lock = () => call<void>("lock");

/** Tells Rust someone is using the admin window, which postpones the idle auto-lock. */
export const touch = () => call<void>("touch");

export const settingsGet = () => call<Settings>("settings_get");

export const settingsUpdate = (input: { orgName: string; autoLockMinutes: number }) =>
  call<Settings>("settings_update", input);

export const adminAdd = (input: { name: string; passphrase: string }) =>
  call<Settings>("admin_add", input);

export const adminRemove = (adminId: string) => call<Settings>("admin_remove", { adminId });

export const auditVerify = () => call<AuditStatus>("audit_verify");

export const recoverySetPassphrase = (input: { adminId: string; passphrase: string }) =>
  call<SessionInfo>("recovery_set_passphrase", input);

// ---- Admin window: people register ----

export const peopleSearch = (query: PeopleQuery) => call<Person[]>("people_search", { query });

export const personGet = (id: string) => call<PersonDetail>("person_get", { id });

export const personAdd = (draft: PersonDraft) => call<Person>("person_add", { draft });

export const personUpdate = (id: string, draft: PersonDraft) =>
  call<Person>("person_update", { id, draft });

/** `leaveDate` is "YYYY-MM-DD", or null to let Rust record today. */
export const personArchive = (id: string, leaveDate: string | null) =>
  call<Person>("person_archive", { id, leaveDate });

export const personUnarchive = (id: string) => call<Person>("person_unarchive", { id });

/** Shows or hides the person's display name on the signing station. */
export const personSetKioskListed = (id: string, listed: boolean) =>
  call<Person>("person_set_kiosk_listed", { id, listed });

export const personLinkParent = (youngPersonId: string, parentId: string) =>
  call<void>("person_link_parent", { youngPersonId, parentId });

export const personUnlinkParent = (youngPersonId: string, parentId: string) =>
  call<void>("person_unlink_parent", { youngPersonId, parentId });

/** Shows what importing `csv` (the file's text) would do. Writes nothing. */
export const peopleImportPreview = (csv: string) =>
  call<ImportPreview>("people_import_preview", { csv });

/** Adds exactly the rows of the last preview, all or nothing. */
export const peopleImportCommit = () => call<ImportSummary>("people_import_commit");

// ---- Admin window: AUPs and signatures ----

export const aupList = () => call<Aup[]>("aup_list");

export const aupGet = (aupId: string) => call<AupDetail>("aup_get", { aupId });

export const aupSaveDraft = (aupId: string, content: AupContent) =>
  call<AupVersion>("aup_save_draft", { aupId, content });

export const aupPublish = (aupId: string) => call<AupVersion>("aup_publish", { aupId });

export const aupSetKiosk = (aupId: string, shown: boolean) =>
  call<void>("aup_set_kiosk", { aupId, shown });

export const aupCoverage = (aupId: string) => call<Coverage>("aup_coverage", { aupId });

/** Lists (or unlists) everyone expected to sign this AUP on the signing station; returns how many changed. */
export const aupListSignersOnKiosk = (aupId: string, listed: boolean) =>
  call<number>("aup_list_signers_on_kiosk", { aupId, listed });

export const signaturesUnconfirmed = () => call<UnconfirmedSignature[]>("signatures_unconfirmed");

export const signatureConfirm = (signatureId: string, personId: string) =>
  call<Signature>("signature_confirm", { signatureId, personId });

/** Who the AUPs name for safeguarding (the DSL and the chair of trustees), and whether confirmed. */
export const safeguardingContacts = () => call<SafeguardingContacts>("safeguarding_contacts");

/** Records the DSL and the chair of trustees, and writes their names into every AUP draft. */
export const safeguardingContactsConfirm = (dslName: string, chairName: string | null) =>
  call<SafeguardingContacts>("safeguarding_contacts_confirm", { dslName, chairName });

/** Confirms a visitor's signature, adding them to the register as a visitor in the same step. */
export const signatureConfirmAsVisitor = (signatureId: string) =>
  call<Signature>("signature_confirm_as_visitor", { signatureId });

/** Removes an unconfirmed signing-station signature nobody can vouch for. */
export const signatureDiscard = (signatureId: string) =>
  call<void>("signature_discard", { signatureId });

// ---- Admin window: printing AUP forms (each shows a native Save dialog; `null` = cancelled) ----

/** The blank AUP of the version in force, to sign on paper. */
export const aupPrintBlank = (aupId: string) => call<SavedFile | null>("aup_print_blank", { aupId });

/** Who has signed the AUP's current version, who must sign again and who never signed. */
export const aupCoveragePrint = (aupId: string) =>
  call<SavedFile | null>("aup_coverage_print", { aupId });

/** One signature's record, with the full text of the version signed. */
export const signaturePrint = (signatureId: string) =>
  call<SavedFile | null>("signature_print", { signatureId });

// ---- Admin window: incidents ----

export const incidentsList = (filter: Partial<IncidentFilter> = {}) =>
  call<Incident[]>("incidents_list", {
    filter: {
      status: null,
      category: null,
      from: null,
      to: null,
      personId: null,
      text: "",
      source: null,
      imageDecisionDue: false,
      limit: null,
      ...filter,
    },
  });

/** Opens one incident; Rust records the opening in the audit trail. */
export const incidentGet = (id: string) => call<IncidentDetail>("incident_get", { id });

export const incidentCreate = (report: IncidentReport, staffAllegation: boolean) =>
  call<Incident>("incident_create", { report, staffAllegation });

export const incidentAddEntry = (id: string, body: IncidentEntryBody) =>
  call<IncidentEntry>("incident_add_entry", { id, body });

/** Adds a correction beside `entryId`; the original stays as it was saved. */
export const incidentAmend = (id: string, entryId: string, body: IncidentEntryBody, reason: string) =>
  call<IncidentEntry>("incident_amend", { id, entryId, body, reason });

export const incidentChangeStatus = (id: string, change: IncidentStatusChange) =>
  call<IncidentEntry>("incident_change_status", { id, change });

/** Incident numbers by month and category for a period ("YYYY-MM-DD" to "YYYY-MM-DD"). */
export const incidentTrends = (from: string, to: string) => call<Trends>("incident_trends", { from, to });

/** The filled report for one incident, with its chronology; Rust records the printing. */
export const incidentPrintReport = (id: string) => call<SavedFile | null>("incident_print_report", { id });

/** The blank incident form for paper. */
export const incidentPrintBlank = () => call<SavedFile | null>("incident_print_blank");

/** One person's chronology across the incidents this admin may see. */
export const personPrintIncidentChronology = (personId: string) =>
  call<SavedFile | null>("person_print_incident_chronology", { personId });

export const incidentSetAccess = (id: string, restricted: boolean, admins: string[]) =>
  call<void>("incident_set_access", { id, restricted, admins });

/** Attaches an evidence file (PNG, JPEG or PDF, up to 5 MB) with what it shows. */
export const incidentAttachFile = (id: string, description: string, fileName: string, base64: string) =>
  call<IncidentFile>("incident_attach_file", { id, description, fileName, base64 });

/** Records a breach from the filtering log as a new incident, linked both ways. */
export const incidentFromFilteringBreach = (filteringId: string) =>
  call<Incident>("incident_from_filtering_breach", { filteringId });

/** Saves a copy of an evidence file where the admin chooses, recording who opened it and why. */
export const incidentOpenFile = (id: string, fileId: string, reason: string) =>
  call<SavedFile | null>("incident_open_file", { id, fileId, reason });

/** Records that a paper copy was signed, where it is filed, and its scan if there is one. */
export const signatureRecordPaper = (paper: PaperSignatureForm) =>
  call<Signature>("signature_record_paper", { paper });

/** Rust shows a native Save dialog for a paper signature's scan; `null` means it was cancelled. */
export const signatureSaveScan = (signatureId: string) =>
  call<SavedFile | null>("signature_save_scan", { signatureId });

/** What the last unlock took in from the signing station; `null` if the ingest did not run. */
export const outboxReport = () => call<IngestReport | null>("outbox_report");

/** Signing-station files the ingest could not record, kept for an admin's decision. */
export const outboxKept = () => call<KeptSubmission[]>("outbox_kept");

/** Tries to record one kept file now; says why not if it still cannot be. */
export const outboxKeptRetry = (fileName: string) => call<RetryOutcome>("outbox_kept_retry", { fileName });

/** Keeps one file aside: it stays, and stops asking for attention. */
export const outboxKeptSetAside = (fileName: string) => call<void>("outbox_kept_set_aside", { fileName });

// ---- Admin window: training ----

/** The course catalogue in its set order; retired courses only when asked for. */
export const trainingCourses = (includeRetired = false) => call<Course[]>("training_courses", { includeRetired });

/** Adds a course (`id` null) or changes one. */
export const trainingCourseSave = (id: string | null, draft: CourseDraft) =>
  call<Course>("training_course_save", { id, draft });

export const trainingCourseRetire = (id: string, retired: boolean) =>
  call<void>("training_course_retire", { id, retired });

/** Records a course completed on one date by one or more people; all or nothing. */
export const trainingRecord = (completion: TrainingCompletion) =>
  call<TrainingRecord[]>("training_record", { completion });

export const trainingRecordRemove = (id: string) => call<void>("training_record_remove", { id });

export const personTraining = (personId: string) => call<PersonTraining>("person_training", { personId });

export const personSetRoles = (personId: string, roles: PersonRole[]) =>
  call<void>("person_set_roles", { personId, roles });

export const trainingMatrix = (filter: Partial<TrainingMatrixFilter> = {}) =>
  call<TrainingMatrix>("training_matrix", {
    filter: { group: null, status: null, courseId: null, limit: null, ...filter },
  });


// ---- Admin window: policy register ----

export const policiesList = (includeRetired = false) => call<Policy[]>("policies_list", { includeRetired });

/** One policy with its version history, oldest first. */
export const policyGet = (id: string) => call<PolicyDetail>("policy_get", { id });

/** Adds a policy (`id` null) or changes its name, owner or review cycle. */
export const policySave = (id: string | null, draft: PolicyDraft) => call<Policy>("policy_save", { id, draft });

export const policyRetire = (id: string, retired: boolean) => call<void>("policy_retire", { id, retired });

/** Adds a row to the version history and moves the next review date. */
export const policyRecordReview = (id: string, review: PolicyReview) =>
  call<PolicyVersion>("policy_record_review", { id, review });

export const filteringLog = () => call<LoggedFiltering[]>("filtering_log");

export const filteringLogAdd = (entry: FilteringEntry) => call<FilteringEntry>("filtering_log_add", { entry });

/** Policy reviews overdue, due within 90 days, or never recorded, most urgent first. */
export const policiesDue = () => call<PolicyDue[]>("policies_due");

// ---- Admin window: retention review ----

export const retentionRules = () => call<RetentionRules>("retention_rules");

/** Saves every retention rule with the organisation's reason for it. */
export const retentionRulesSave = (rules: RetentionRules) => call<RetentionRules>("retention_rules_save", { rules });

/** The first `limit` records due for a retention review and on legal hold, with how many there are. */
export const retentionDue = (limit: number) => call<RetentionPage>("retention_due", { limit });

/** How many records are due for a retention review, up to 1,000 (the dashboard shows only the number). */
export const retentionDueCount = () => call<RetentionCount>("retention_due_count");

/** Keep, hold, lift a hold, or erase one record. Erasing cannot be undone. */
export const retentionDecide = (kind: RetentionRecordKind, id: string, decision: RetentionDecision) =>
  call<void>("retention_decide", { kind, id, decision });

// ---- Admin window: printing registers and exporting due dates ----

/** The training matrix on A4 landscape, with the filters the screen has. */
export const trainingMatrixPrint = (filter: Partial<TrainingMatrixFilter> = {}) =>
  call<SavedFile | null>("training_matrix_print", {
    filter: { group: null, status: null, courseId: null, limit: null, ...filter },
  });

export const policyPrintHistory = (id: string) => call<SavedFile | null>("policy_print_history", { id });

/** Every policy's last and next review, with training and AUP figures, for the trustees. */
export const reviewChecklistPrint = () => call<SavedFile | null>("review_checklist_print");

/** The due dates as an .ics calendar file. It names staff; the page warns before calling this. */
export const dueDatesExport = () => call<SavedFile | null>("due_dates_export");

/** The online-safety report to trustees for a period ("YYYY-MM-DD", inclusive); Rust records the printing. */
export const trusteeReportPrint = (from: string, to: string) =>
  call<SavedFile | null>("trustee_report_print", { from, to });

/** Training, policy reviews and AUP signatures that need doing now or within 90 days, for the
 * dashboard; the calendar file holds the same dates. */
export const dueList = () => call<WhatIsDue>("due_list");

/** Stores a certificate (PNG, JPEG or PDF, up to 5 MB, as base64) with a training record. */
export const trainingCertificateAttach = (recordId: string, base64: string) =>
  call<void>("training_certificate_attach", { recordId, base64 });

/** Saves a copy of a record's certificate where the admin chooses; the copy is audited. */
export const trainingCertificateSave = (recordId: string) =>
  call<SavedFile | null>("training_certificate_save", { recordId });

/** Reads a CSV of past training and says line by line what it would add. Writes nothing. */
export const trainingImportPreview = (csv: string) => call<TrainingImportPreview>("training_import_preview", { csv });

/** Adds every row of the last preview, all or nothing; resolves to how many were added. */
export const trainingImportCommit = () => call<number>("training_import_commit");

/** Stores the policy document (PDF, Word or OpenDocument, up to 10 MB, as base64). */
export const policyDocumentAttach = (id: string, fileName: string, base64: string) =>
  call<void>("policy_document_attach", { id, fileName, base64 });

/** Saves a copy of the policy document where the admin chooses; the copy is audited. */
export const policyDocumentSave = (id: string) => call<SavedFile | null>("policy_document_save", { id });

// Image consent (admin window).

/** The consent settings with the current form's version and every use it asks about. */
export const consentSetup = () => call<ConsentSetup>("consent_setup");

export const consentSettingsSave = (defaultMonths: number, ownConsentAge: number) =>
  call<ConsentSetup>("consent_settings_save", { defaultMonths, ownConsentAge });

export const consentAccountAdd = (name: string) => call<ConsentSetup>("consent_account_add", { name });

export const consentAccountRetire = (id: string) => call<ConsentSetup>("consent_account_retire", { id });

/** A person's standing for each use today, their consents, publications and take-downs. */
export const consentPerson = (personId: string) => call<PersonConsent>("consent_person", { personId });

export const consentRecord = (draft: ConsentDraft) => call<ImageConsent>("consent_record", { draft });

export const consentWithdraw = (id: string, withdrawal: ConsentWithdrawal) =>
  call<ImageConsent>("consent_withdraw", { id, withdrawal });

/** Signing-station consents waiting for an admin, oldest first. */
export const consentUnconfirmed = () => call<ImageConsent[]>("consent_unconfirmed");

export const consentConfirm = (id: string, personId: string, judgement: string | null) =>
  call<ImageConsent>("consent_confirm", { id, personId, judgement });

/** "Can I use this photo?" for today. */
export const consentCheck = (question: CheckQuestion) => call<CheckAnswer>("consent_check", { question });

/** Logs the use as a publication, only if the check still says yes for everyone. */
export const consentPublishChecked = (question: CheckQuestion, description: string, link: string | null) =>
  call<Publication>("consent_publish_checked", { question, description, link });

export const publicationsList = () => call<Publication[]>("publications_list");

export const publicationAdd = (draft: PublicationDraft) => call<Publication>("publication_add", { draft });

/** The take-down list, oldest publication first: its first `limit` items, or all of them. */
export const takedownsList = (limit: number | null = null) => call<TakedownItem[]>("takedowns_list", { limit });

/**
 * How many take-downs are outstanding, counted up to a cap past which `more` is set (the dashboard
 * and the consent page show only the number).
 */
export const takedownsCount = () => call<TakedownCount>("takedowns_count");

export const takedownRecord = (done: TakedownDone) => call<null>("takedown_record", { done });

export const groupsList = () => call<GroupSummary[]>("groups_list");

export const groupSave = (id: string | null, name: string) => call<GroupSummary>("group_save", { id, name });

export const groupMembers = (id: string) => call<Person[]>("group_members", { id });

export const groupMemberSet = (id: string, personId: string, member: boolean) =>
  call<Person[]>("group_member_set", { id, personId, member });

/** The blank image consent form, saved where the admin chooses. */
export const consentPrintBlankForm = () => call<SavedFile | null>("consent_print_blank_form");

/** A group's consent register, for a trip or event lead to carry, as at a day (today when null). */
export const consentPrintRegister = (groupId: string, asAt: string | null = null) =>
  call<SavedFile | null>("consent_print_register", { groupId, asAt });

/** One person's consent history, with their publications and take-downs. */
export const consentPrintHistory = (personId: string) =>
  call<SavedFile | null>("consent_print_history", { personId });

/** The image consent form the signing station offers; null until an admin has unlocked once. */
export const kioskConsentForm = () => call<KioskConsentForm | null>("kiosk_consent_form");

/** Seals an image consent or withdrawal for the admins; only the receipt comes back. */
export const kioskGiveConsent = (consent: KioskImageConsent) => call<Receipt>("kiosk_give_consent", { consent });

/** Makes a verified backup in a folder the admin picks; null when they cancel. */
export const backupNow = () => call<BackupReport | null>("backup_now");

/** Saves everything held about one person (a PDF and a JSON file) into a folder the admin picks;
 *  null when they cancel. */
export const subjectAccessExport = (personId: string, redactOthers: boolean) =>
  call<SubjectAccessSaved | null>("subject_access_export", { personId, redactOthers });

/** When the last verified backup was made, and whether another is due. */
export const backupStatus = () => call<BackupStatus>("backup_status");

/** The notice that an update changed the records, with the backup made just before; null once read. */
export const upgradeNotice = () => call<UpgradeNotice | null>("upgrade_notice");

/** The admin has read the update notice. The backup stays where it is. */
export const upgradeNoticeDismiss = () => call<void>("upgrade_notice_dismiss");

/** The dashboard's first steps for a new organisation, each ticked off by the records. */
export const gettingStarted = () => call<GettingStarted>("getting_started");

/** Hides the "Getting started" list for good. */
export const gettingStartedHide = () => call<void>("getting_started_hide");

/** Sets how many days after the last verified backup the dashboard reminds. */
export const backupSetReminderDays = (days: number) => call<BackupStatus>("backup_set_reminder_days", { days });

/** The event Rust emits as each step of "Back up now" starts. */
export const BACKUP_PROGRESS_EVENT = "backup-progress";

/** Calls `handler` with each step of a backup as it starts. */
export function onBackupProgress(handler: (step: BackupStep) => void): Promise<UnlistenFn> {
  return listen<BackupStep>(BACKUP_PROGRESS_EVENT, (event) => handler(event.payload));
}

/** The event Rust emits as a hand-over, subject access export or restore reading moves on. */
export const WORK_PROGRESS_EVENT = "work-progress";

/** Calls `handler` with each progress report of long work (hand-over, subject access, restore). */
export function onWorkProgress(handler: (progress: WorkProgress) => void): Promise<UnlistenFn> {
  return listen<WorkProgress>(WORK_PROGRESS_EVENT, (event) => handler(event.payload));
}

/** Reads and checks a backup the admin picks and gets it ready to restore; null when they cancel. */
export const restoreChoose = () => call<RestorePreview | null>("restore_choose");

/**
 * Replaces the records with the checked backup; the records from before are kept aside. A backup
 * this vault did not make (or that changed since) needs the paper recovery key, as typed.
 */
export const restoreCommit = (recoveryKey: string | null = null) =>
  call<RestoreAwaiting>("restore_commit", { recoveryKey });

/** Drops a checked backup the admin decided not to restore. */
export const restoreCancel = () => call<void>("restore_cancel");

/** A restore waiting to be kept or undone, or null. */
export const restoreStatus = () => call<RestoreAwaiting | null>("restore_status");

/** Keeps the restored records; the records from before are deleted. */
export const restoreKeep = () => call<void>("restore_keep");

/** Puts back the records from before the restore. */
export const restoreUndo = () => call<void>("restore_undo");

/** One page of the audit log, newest first. */
export const auditPage = (query: AuditQuery) => call<AuditPage>("audit_page", { query });

/** Everyone who can be chosen as "who" in the audit log. */
export const auditActors = () => call<AuditActor[]>("audit_actors");

/** Saves the filtered audit log as a PDF; null when the Save dialog was cancelled. */
export const auditPrint = (query: AuditQuery) => call<SavedFile | null>("audit_print", { query });

/** Writes every record, unencrypted, into a folder the admin picks; null when they cancel. */
export const handoverExport = () => call<HandoverReport | null>("handover_export");
