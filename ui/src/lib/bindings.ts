// Generated from the Rust types by `cargo test bindings` (ts-rs). Do not edit by hand.

export type AdminSummary = { id: string, name: string, createdAt: string, isCurrent: boolean, };

export type AppStatus = { phase: Phase, orgName: string | null, demo: boolean, demoPassphrase: string | null, };

export type Audience = "staffVolunteers" | "youngPeople" | "parentsCarers" | "visitorsContractors" | "socialMedia";

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

export type CommandError = { code: string, message: string, };

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

export type FilteringEntry = { happenedOn: string, kind: FilteringKind, what: string, who: string, why: string, };

export type FilteringKind = "change" | "breach";

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
alreadyRecorded: number, problems: Array<OutboxProblem>, };

export type InvolvedPerson = { 
/**
 * Their id in the people register, when they are in it.
 */
personId: string | null, name: string, role: IncidentRole, };

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

export type KioskBlankForm = { "form": "incident" } | { "form": "aup", aupId: string, };

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

export type KioskCountersignature = { name: string, mark: KioskMark, };

export type KioskMark = { "kind": "drawn", 
/**
 * Base64 of the PNG.
 */
png: string, } | { "kind": "typed", name: string, };

export type KioskPerson = { id: string, displayName: string, };

export type KioskSignInput = { aupId: string, versionHash: string, 
/**
 * The full name typed, or the display name picked from the list.
 */
name: string, 
/**
 * The id beside the display name picked, if one was.
 */
personHint: string | null, mark: KioskMark, countersignature: KioskCountersignature | null, };

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

export type OutboxProblem = { fileName: string, kind: ProblemKind, message: string, };

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
approvedBy: string | null, approvedOn: string | null, };

export type PolicyTopic = "onlineSafety" | "filteringMonitoring" | "other";

export type PolicyVersion = { id: string, version: string, 
/**
 * "New policy", "Annual review: no change", "Review after an incident: …".
 */
purpose: string, lead: string, reviewedOn: string, nextReview: string, trigger: ReviewTrigger, approvedBy: string | null, approvedOn: string | null, recordedAt: string, };

export type ProblemKind = "corrupt" | "otherVault" | "gap" | "outOfOrder" | "duplicate" | "rejected";

export type Receipt = { 
/**
 * e.g. `K7QM-4TXD`.
 */
number: string, };

export type RecoveryKeyShown = { recoveryKey: string, groups: Array<string>, };

export type ReferralAgency = "police" | "childrensSocialCare" | "lado" | "internetWatchFoundation" | "ceop" | "preventOrChannel" | "charityCommission" | "other";

export type Renewal = { "every": "never" } | { "every": "months", months: number, };

export type ReviewTrigger = "newPolicy" | "scheduled" | "incident" | "lawOrGuidance" | "itChange" | "other";

export type RowIssue = { line: number, reason: string, };

export type SavedFile = { path: string, };

export type SessionInfo = { orgName: string, adminId: string | null, adminName: string | null, demo: boolean, recoveryMode: boolean, autoLockMinutes: number, };

export type Settings = { orgName: string, autoLockMinutes: number, admins: Array<AdminSummary>, audit: AuditStatus, };

export type Signature = { id: string, aupId: string, versionId: string, versionNumber: number, contentHash: string, personId: string | null, declaredName: string | null, selfDeclared: boolean, method: SigningMethod, source: SignatureSource, signedAt: string, recordedAt: string, receipt: string | null, drawn: boolean, typedMark: string | null, countersignedBy: string | null, countersignatureDrawn: boolean, countersignatureTyped: string | null, paperSignedOn: string | null, paperFiledAt: string | null, scanMediaType: string | null, confirmedAt: string | null, confirmedBy: string | null, };

export type SignatureMark = { "kind": "drawn", png: number[], } | { "kind": "typed", name: string, };

export type SignatureSource = "admin" | "signingStation";

export type Signer = { "kind": "person", person_id: string, } | { "kind": "selfDeclared", name: string, claimed_person_id: string | null, };

export type SigningMethod = "onScreen" | "paper";

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

export type VersionStatus = "draft" | "published";
