//! Signing-station files that the ingest could not record: the list an admin sees, "Try again"
//! (after an update, or once the cause is fixed) and "Keep aside". The files stay, unchanged, in
//! `outbox/problems/`; why each was kept and what an admin decided live in the encrypted
//! database (`outbox_problems`). Nothing here deletes a file except a retry that recorded it, and
//! every decision is in the audit trail. Does not own how a submission is recorded (see
//! `ingest::record`).

use std::fs;
use std::path::{Path, PathBuf};

use age::x25519;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::envelope::{self, OpenFailure};
use super::ingest::{record, ProblemKind, DUPLICATE, NOT_FOR_THESE_KEYS, OTHER_VAULT, REJECTED};
use super::submission::Submission;
use super::{writer, OutboxError, MAX_FILE_BYTES, PROBLEMS_DIR};
use crate::store::audit::{self, Actor, Entry};
use crate::vault::{atomic, UnlockedVault, VaultPaths};

/// What kind of submission a kept file holds, when it can be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SubmissionKind {
    /// An AUP signed on screen.
    AupSignature,
    /// A concern reported at the station.
    Concern,
    /// Image consent given or withdrawn at the station.
    ImageConsent,
}

impl From<&Submission> for SubmissionKind {
    fn from(s: &Submission) -> Self {
        match s {
            Submission::AupSignature(_) => SubmissionKind::AupSignature,
            Submission::Concern(_) => SubmissionKind::Concern,
            Submission::ImageConsent(_) => SubmissionKind::ImageConsent,
        }
    }
}

/// One file in `outbox/problems/`, as the admin sees it. Nothing from inside the submission but
/// its kind, receipt number and when it was handed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeptSubmission {
    /// The file's name in `outbox/problems/`.
    pub file_name: String,
    /// Why the ingest kept it; `None` for a file kept by a version that did not record why.
    pub problem: Option<ProblemKind>,
    /// `None` when the file cannot be opened with this vault's key.
    pub submission: Option<SubmissionKind>,
    /// The receipt number the person was shown (such as `K7QM-4TXD`); `None` when the file cannot be
    /// opened.
    pub receipt: Option<String>,
    /// RFC 3339, as the station sealed it.
    pub handed_in_at: Option<String>,
    /// Why it was not recorded, in words; holds no names.
    pub reason: String,
    /// An admin chose "Keep aside": it no longer asks for attention.
    pub set_aside: bool,
    /// Could be a concern about a child that is not in the records, and nobody has dealt with it
    /// yet: the dashboard shows it beside new concerns. A file that cannot be opened might be one,
    /// so it counts too; a second copy of one already recorded does not.
    pub urgent: bool,
}

/// What "Try again" did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetryOutcome {
    /// True when the submission is now in the records and the file is gone from `problems/`.
    pub recorded: bool,
    /// Why it still could not be recorded; empty when it was.
    pub reason: String,
}

const NO_REASON_KEPT: &str =
    "It was kept by an earlier version of Safekeeper, which did not note why. Try again to see whether it can be recorded now.";

/// A row for a file the ingest has just kept, written in the ingest's own transaction.
pub(super) fn note_kept(tx: &Connection, file_name: &str, kind: ProblemKind, reason: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR REPLACE INTO outbox_problems (file_name, problem, reason, kept_at) VALUES (?1, ?2, ?3, ?4)",
        params![file_name, kind.as_str(), reason, super::now_utc()],
    )?;
    Ok(())
}

struct Noted {
    problem: Option<ProblemKind>,
    reason: String,
    set_aside: bool,
}

fn noted(conn: &Connection, file_name: &str) -> rusqlite::Result<Option<Noted>> {
    conn.query_row(
        "SELECT problem, reason, set_aside_at IS NOT NULL FROM outbox_problems WHERE file_name = ?1",
        [file_name],
        |r| Ok(Noted { problem: ProblemKind::parse(&r.get::<_, String>(0)?), reason: r.get(1)?, set_aside: r.get(2)? }),
    )
    .optional()
}

/// The kept files' names, oldest first. Only plain files with names the ingest could have
/// given; anything else in the folder is not ours to show.
fn kept_files(problems: &Path) -> Result<Vec<String>, OutboxError> {
    let entries = match fs::read_dir(problems) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(OutboxError::Read(e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(OutboxError::Read)?;
        if !entry.file_type().map_err(OutboxError::Read)?.is_file() {
            continue;
        }
        if let Some(name) = entry.file_name().to_str().filter(|n| is_kept_name(n)) {
            names.push(name.to_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// A name the ingest gives: `<seq>-<uuid>.age`, perhaps with `-2`, `-3`, … after it.
fn is_kept_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 80
        && name.contains(".age")
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !name.starts_with('.')
}

fn open_kept(path: &Path, identity: &x25519::Identity) -> Result<Result<envelope::Envelope, OpenFailure>, OutboxError> {
    let size = fs::metadata(path).map_err(OutboxError::Read)?.len();
    if size > MAX_FILE_BYTES {
        return Ok(Err(OpenFailure::TooLarge));
    }
    let bytes = fs::read(path).map_err(OutboxError::Read)?;
    Ok(envelope::open(&bytes, identity))
}

/// Every file kept in `outbox/problems/`, with why and what was decided.
pub fn list(
    paths: &VaultPaths,
    identity: &x25519::Identity,
    conn: &Connection,
) -> Result<Vec<KeptSubmission>, OutboxError> {
    let problems = paths.outbox_dir().join(PROBLEMS_DIR);
    let mut out = Vec::new();
    for file_name in kept_files(&problems)? {
        let opened = open_kept(&problems.join(&file_name), identity)?;
        let noted = noted(conn, &file_name)?;
        let (problem, reason, set_aside) = match noted {
            Some(n) => (n.problem, n.reason, n.set_aside),
            None => (None, NO_REASON_KEPT.to_owned(), false),
        };
        let (submission, receipt, handed_in_at) = match &opened {
            Ok(env) => {
                (Some(SubmissionKind::from(&env.submission)), Some(env.receipt.clone()), Some(env.submitted_at.clone()))
            }
            Err(_) => (None, None, None),
        };
        // A second copy of something already recorded is not urgent, whatever it holds.
        let urgent = !set_aside
            && problem != Some(ProblemKind::Duplicate)
            && submission.is_none_or(|k| k == SubmissionKind::Concern);
        out.push(KeptSubmission { file_name, problem, submission, receipt, handed_in_at, reason, set_aside, urgent });
    }
    Ok(out)
}

/// The path of a kept file named by the page, refusing anything that is not one.
fn kept_path(paths: &VaultPaths, file_name: &str) -> Result<PathBuf, OutboxError> {
    let problems = paths.outbox_dir().join(PROBLEMS_DIR);
    if !is_kept_name(file_name) || !kept_files(&problems)?.iter().any(|n| n == file_name) {
        return Err(OutboxError::NoSuchProblem);
    }
    Ok(problems.join(file_name))
}

/// Tries to record a kept file now, with the same rules as the ingest. Recorded: the file goes,
/// after the commit, and the audit trail says so. Still refused: the file stays and its reason
/// is brought up to date.
pub fn retry(
    paths: &VaultPaths,
    identity: &x25519::Identity,
    conn: &mut Connection,
    actor: &Actor,
    file_name: &str,
) -> Result<RetryOutcome, OutboxError> {
    let _exclusive = writer::exclusive();
    let path = kept_path(paths, file_name)?;
    let opened = open_kept(&path, identity)?;
    let tx = conn.transaction()?;
    let vault_id: String =
        tx.query_row("SELECT value FROM meta WHERE key = 'vault_id'", [], |r| r.get(0)).optional()?.unwrap_or_default();
    let refused = match &opened {
        Err(OpenFailure::NotForThisKey) => Some((ProblemKind::OtherVault, NOT_FOR_THESE_KEYS.to_owned())),
        Err(failure) => Some((ProblemKind::Corrupt, super::ingest::unreadable(*failure).to_owned())),
        Ok(env) if env.vault_id != vault_id => Some((ProblemKind::OtherVault, OTHER_VAULT.to_owned())),
        Ok(env) if record::already_recorded(&tx, env)? => Some((ProblemKind::Duplicate, DUPLICATE.to_owned())),
        Ok(env) => match record::record(&tx, env)? {
            record::Outcome::Recorded => None,
            record::Outcome::Duplicate => Some((ProblemKind::Duplicate, DUPLICATE.to_owned())),
            record::Outcome::Rejected(reason) => Some((ProblemKind::Rejected, format!("{REJECTED} {reason}"))),
        },
    };
    let outcome = match refused {
        Some((kind, reason)) => {
            tx.execute(
                "INSERT INTO outbox_problems (file_name, problem, reason, kept_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (file_name) DO UPDATE SET problem = excluded.problem, reason = excluded.reason",
                params![file_name, kind.as_str(), reason, super::now_utc()],
            )?;
            RetryOutcome { recorded: false, reason }
        }
        None => {
            tx.execute("DELETE FROM outbox_problems WHERE file_name = ?1", [file_name])?;
            let receipt = opened.as_ref().map(|e| e.receipt.as_str()).unwrap_or_default();
            audit::append(
                &tx,
                actor,
                &Entry {
                    action: "outbox.problemRecorded",
                    subject_kind: "outbox",
                    subject_id: file_name,
                    detail: &format!("receipt={receipt}"),
                },
            )?;
            RetryOutcome { recorded: true, reason: String::new() }
        }
    };
    tx.commit()?;
    if outcome.recorded {
        // Only now may the file go: what it held is committed. If it cannot be removed, the
        // next retry finds it already recorded and says so.
        remove_recorded(&path).map_err(OutboxError::Cleanup)?;
    }
    Ok(outcome)
}

fn remove_recorded(path: &Path) -> std::io::Result<()> {
    fs::remove_file(path)?;
    if let Some(dir) = path.parent() {
        atomic::sync_dir(dir)?;
    }
    Ok(())
}

/// "Keep aside": the admin has dealt with this file some other way. It stays in the folder, is
/// still listed, and no longer asks for attention on the dashboard.
pub fn set_aside(paths: &VaultPaths, conn: &mut Connection, actor: &Actor, file_name: &str) -> Result<(), OutboxError> {
    kept_path(paths, file_name)?;
    let tx = conn.transaction()?;
    let now = super::now_utc();
    let by = actor.as_stored();
    tx.execute(
        "INSERT INTO outbox_problems (file_name, problem, reason, kept_at, set_aside_at, set_aside_by)
         VALUES (?1, NULL, ?2, ?3, ?3, ?4)
         ON CONFLICT (file_name) DO UPDATE SET set_aside_at = excluded.set_aside_at, set_aside_by = excluded.set_aside_by",
        params![file_name, NO_REASON_KEPT, now, by],
    )?;
    audit::append(
        &tx,
        actor,
        &Entry { action: "outbox.problemSetAside", subject_kind: "outbox", subject_id: file_name, detail: "" },
    )?;
    tx.commit()?;
    Ok(())
}

/// `list` on an unlocked vault.
pub fn list_for(vault: &UnlockedVault) -> Result<Vec<KeptSubmission>, OutboxError> {
    list(vault.paths(), vault.outbox_identity(), vault.db().conn())
}

/// `retry` on an unlocked vault, as its admin.
pub fn retry_for(vault: &mut UnlockedVault, file_name: &str) -> Result<RetryOutcome, OutboxError> {
    let (paths, identity, actor) = (vault.paths().clone(), vault.outbox_identity().clone(), vault.actor().clone());
    retry(&paths, &identity, vault.db_mut().conn_mut(), &actor, file_name)
}

/// `set_aside` on an unlocked vault, as its admin.
pub fn set_aside_for(vault: &mut UnlockedVault, file_name: &str) -> Result<(), OutboxError> {
    let (paths, actor) = (vault.paths().clone(), vault.actor().clone());
    set_aside(&paths, vault.db_mut().conn_mut(), &actor, file_name)
}

#[cfg(test)]
mod tests;
