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

export type AupVersion = { id: string, aupId: string, audience: Audience, number: number, status: VersionStatus, content: AupContent, 
/**
 * Hex SHA-256 of the canonical content; fixed once published.
 */
contentHash: string, createdAt: string, publishedAt: string | null, };

export type AupVersionSummary = { id: string, number: number, status: VersionStatus, title: string, contentHash: string, publishedAt: string | null, };

export type CommandError = { code: string, message: string, };

export type Countersignature = { name: string, mark: SignatureMark, };

export type Coverage = { aupId: string, audience: Audience, currentVersion: number | null, currentHash: string | null, signedCurrent: Array<CoverageEntry>, needsResign: Array<CoverageEntry>, neverSigned: Array<CoverageEntry>, };

export type CoverageEntry = { personId: string, fullName: string, group: PersonGroup, 
/**
 * The newest version number this person signed, if any.
 */
signedVersion: number | null, lastSignedAt: string | null, };

export type ImportPreview = { toAdd: Array<ImportRow>, duplicates: Array<RowIssue>, rejected: Array<RowIssue>, 
/**
 * Header cells Safekeeper did not recognise (their columns are not imported).
 */
ignoredColumns: Array<string>, };

export type ImportRow = { line: number, draft: PersonDraft, };

export type ImportSummary = { added: number, };

export type IngestReport = { 
/**
 * Submissions recorded now.
 */
ingested: number, 
/**
 * Files recorded by an earlier ingest that stopped before tidying up; now removed.
 */
alreadyRecorded: number, problems: Array<OutboxProblem>, };

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

export type PersonStatus = "active" | "archived" | "all";

export type Phase = "setup" | "locked" | "unlocked";

export type ProblemKind = "corrupt" | "otherVault" | "gap" | "outOfOrder" | "duplicate" | "rejected";

export type RecoveryKeyShown = { recoveryKey: string, groups: Array<string>, };

export type RowIssue = { line: number, reason: string, };

export type SavedFile = { path: string, };

export type SessionInfo = { orgName: string, adminId: string | null, adminName: string | null, demo: boolean, recoveryMode: boolean, autoLockMinutes: number, };

export type Settings = { orgName: string, autoLockMinutes: number, admins: Array<AdminSummary>, audit: AuditStatus, };

export type Signature = { id: string, aupId: string, versionId: string, versionNumber: number, contentHash: string, personId: string | null, declaredName: string | null, selfDeclared: boolean, method: SigningMethod, source: SignatureSource, signedAt: string, recordedAt: string, receipt: string | null, drawn: boolean, typedMark: string | null, countersignedBy: string | null, countersignatureDrawn: boolean, countersignatureTyped: string | null, paperSignedOn: string | null, paperFiledAt: string | null, scanMediaType: string | null, confirmedAt: string | null, confirmedBy: string | null, };

export type SignatureMark = { "kind": "drawn", png: number[], } | { "kind": "typed", name: string, };

export type SignatureSource = "admin" | "signingStation";

export type Signer = { "kind": "person", person_id: string, } | { "kind": "selfDeclared", name: string, claimed_person_id: string | null, };

export type SigningMethod = "onScreen" | "paper";

export type UnconfirmedSignature = { signature: Signature, suggestedPerson: Person | null, };

export type VersionStatus = "draft" | "published";
