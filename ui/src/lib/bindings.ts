// Generated from the Rust types by `cargo test bindings` (ts-rs). Do not edit by hand.

export type AdminSummary = { id: string, name: string, createdAt: string, isCurrent: boolean, };

export type AppStatus = { phase: Phase, orgName: string | null, demo: boolean, demoPassphrase: string | null, };

export type AuditStatus = { rows: number, head: string, verified: boolean, firstBadRow: number | null, };

export type CommandError = { code: string, message: string, };

export type PassphraseStrength = { score: number, acceptable: boolean, warning: string | null, suggestions: Array<string>, };

export type Phase = "setup" | "locked" | "unlocked";

export type RecoveryKeyShown = { recoveryKey: string, groups: Array<string>, };

export type SavedFile = { path: string, };

export type SessionInfo = { orgName: string, adminId: string | null, adminName: string | null, demo: boolean, recoveryMode: boolean, autoLockMinutes: number, };

export type Settings = { orgName: string, autoLockMinutes: number, admins: Array<AdminSummary>, audit: AuditStatus, };
