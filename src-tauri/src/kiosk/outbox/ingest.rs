//! The ingest, run at admin unlock: read and open every outbox file, walk the chain in order,
//! record every valid submission in one transaction with one audit entry, and only after the
//! commit delete what was recorded and move what was not into `problems/`. A crash before the
//! commit leaves every file where it was; a crash after it is caught by the head kept in the
//! database, so nothing is recorded twice.

pub(super) mod record;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::MutexGuard;

use age::x25519;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::chain::{self, ChainHead, OutboxFile};
use super::envelope::{self, Envelope, OpenFailure};
use super::{receipt, writer, OutboxError, FORMAT, MAX_FILE_BYTES, MAX_INGEST_BYTES, PROBLEMS_DIR};
use crate::error::CodedError;
use crate::kiosk::manifest;
use crate::store::audit::{self, Actor, Entry};
use crate::vault::{atomic, UnlockedVault, VaultPaths};
use record::Outcome;

/// What an ingest did, for the admin. Counts and file names only: nothing from inside a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IngestReport {
    /// Submissions recorded now.
    #[ts(type = "number")]
    pub ingested: usize,
    /// Files recorded by an earlier ingest that stopped before tidying up; now removed.
    #[ts(type = "number")]
    pub already_recorded: usize,
    /// Every file kept aside or worth mentioning, with why.
    pub problems: Vec<OutboxProblem>,
    /// The signing station's manifest was changed outside Safekeeper since the vault published
    /// it. It has been written again; `problems` names any submission sealed under the change.
    pub manifest_changed: bool,
}

/// Something the admin should know about one outbox file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutboxProblem {
    /// The file's name in the outbox (its chain number, a random UUID and `.age`); never its contents.
    pub file_name: String,
    /// The receipt number, when the file could be opened.
    pub receipt: Option<String>,
    /// What kind of problem it is.
    pub kind: ProblemKind,
    /// What happened to the file, in words for the admin; never its contents.
    pub message: String,
}

/// Why an outbox file was not simply recorded, or what the admin should know about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProblemKind {
    /// Damaged or changed since it was written. Kept in `problems/`, not recorded.
    Corrupt,
    /// For another vault, or sealed to keys this vault no longer has. Kept, not recorded.
    OtherVault,
    /// Files are missing before this one, or the one before it changed. This one was recorded.
    Gap,
    /// Its number is behind the chain, or its name does not match its number. Kept, not recorded.
    OutOfOrder,
    /// A second copy of a submission. Kept, not recorded twice.
    Duplicate,
    /// Read, but the records refused it (e.g. an AUP version they do not hold). Kept.
    Rejected,
    /// Sealed under a signing-station manifest this vault did not publish (the file was changed).
    /// Recorded; whoever changed the manifest may be able to read it.
    UnknownManifest,
    /// Sealed to more (or other) recipients than the vault's. Recorded; someone else may be able
    /// to read it.
    ExtraRecipients,
    /// Not read at this unlock, because the submissions before it already filled what one unlock
    /// reads. Left in the outbox for the next unlock.
    Waiting,
}

impl ProblemKind {
    const ALL: [ProblemKind; 9] = [
        ProblemKind::Corrupt,
        ProblemKind::OtherVault,
        ProblemKind::Gap,
        ProblemKind::OutOfOrder,
        ProblemKind::Duplicate,
        ProblemKind::Rejected,
        ProblemKind::UnknownManifest,
        ProblemKind::ExtraRecipients,
        ProblemKind::Waiting,
    ];

    /// As stored in `outbox_problems`, and as the page knows it.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Corrupt => "corrupt",
            ProblemKind::OtherVault => "otherVault",
            ProblemKind::Gap => "gap",
            ProblemKind::OutOfOrder => "outOfOrder",
            ProblemKind::Duplicate => "duplicate",
            ProblemKind::Rejected => "rejected",
            ProblemKind::UnknownManifest => "unknownManifest",
            ProblemKind::ExtraRecipients => "extraRecipients",
            ProblemKind::Waiting => "waiting",
        }
    }

    /// The kind named by [`ProblemKind::as_str`], if `text` is one.
    pub fn parse(text: &str) -> Option<ProblemKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

struct ReadFile {
    file: OutboxFile,
    hash: String,
    /// How many X25519 recipients it was sealed to, from its header.
    stanzas: Option<usize>,
    opened: Result<Envelope, OpenFailure>,
}

/// An outbox read and opened, waiting to be recorded. The writer is held off until it is dropped
/// or ingested, so no submission lands between the reading and the tidying up.
pub struct PendingOutbox {
    _exclusive: MutexGuard<'static, ()>,
    outbox: PathBuf,
    files: Vec<ReadFile>,
    /// Files left for the next unlock because `MAX_INGEST_BYTES` was reached.
    waiting: Vec<OutboxFile>,
}

impl std::fmt::Debug for PendingOutbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingOutbox").field("files", &self.files.len()).finish_non_exhaustive()
    }
}

/// Reads and opens the waiting files one at a time, in chain order, until `MAX_INGEST_BYTES` have
/// been read; the rest wait for the next unlock, so a flood of planted files cannot stop an unlock.
/// Changes nothing on disk.
pub fn read_outbox(paths: &VaultPaths, identity: &x25519::Identity) -> Result<PendingOutbox, OutboxError> {
    let exclusive = writer::exclusive();
    let outbox = paths.outbox_dir();
    let mut files = Vec::new();
    let mut waiting = Vec::new();
    let mut total: u64 = 0;
    for file in chain::list(&outbox).map_err(OutboxError::Read)? {
        let size = fs::metadata(&file.path).map_err(OutboxError::Read)?.len();
        if size > MAX_FILE_BYTES {
            files.push(ReadFile { file, hash: String::new(), stanzas: None, opened: Err(OpenFailure::TooLarge) });
            continue;
        }
        if !waiting.is_empty() || total + size > MAX_INGEST_BYTES {
            waiting.push(file);
            continue;
        }
        let bytes = fs::read(&file.path).map_err(OutboxError::Read)?;
        total += bytes.len() as u64;
        let (hash, stanzas, opened) = if bytes.len() as u64 > MAX_FILE_BYTES {
            (String::new(), None, Err(OpenFailure::TooLarge))
        } else {
            (chain::hash_hex(&bytes), envelope::x25519_stanzas(&bytes), envelope::open(&bytes, identity))
        };
        files.push(ReadFile { file, hash, stanzas, opened });
    }
    Ok(PendingOutbox { _exclusive: exclusive, outbox, files, waiting })
}

/// Reads the outbox with the unlocked vault's identity and records it in the vault's database.
/// Checks the signing station's manifest against what the vault published, and writes it again
/// if it was changed (or never recorded).
pub fn ingest(vault: &mut UnlockedVault) -> Result<IngestReport, OutboxError> {
    let conn = vault.db().conn();
    let had_records = manifest::newest_record(conn)?.is_some();
    let manifest_changed = manifest::changed_since_published(conn, &vault.paths().manifest())?;
    let pending = read_outbox(vault.paths(), vault.outbox_identity())?;
    let actor = vault.actor().clone();
    let mut report = pending.ingest(vault.db_mut().conn_mut(), &actor)?;
    report.manifest_changed = manifest_changed;
    if manifest_changed || !had_records {
        // The station goes back to what the vault publishes; the lock writes it again in any case.
        if let Err(e) = crate::kiosk::refresh::publish(vault) {
            eprintln!("safekeeper: signing-station manifest not rewritten at unlock: {}", e.code());
        }
    }
    Ok(report)
}

const TOO_LARGE: &str = "This file is far larger than anything the signing station writes, so it was not read. It has been kept in the outbox's problems folder and was not recorded.";
const WAITING: &str = "More submissions were waiting than Safekeeper reads at one unlock, so this one was left in the outbox. It will be recorded at the next unlock; nothing needs doing.";
pub(super) const EMPTY: &str = "This file is empty: nothing was handed in in it (it may have been left when the laptop lost power). It has been kept in the outbox's problems folder and was not recorded.";
pub(super) const NOT_SUBMISSION: &str = "This file is not a signing-station submission (it is some other kind of file that was put in the outbox), so there is nothing in it to record. It has been kept in the outbox's problems folder and was not recorded.";
pub(super) const HEADER_TOO_LARGE: &str = "This file starts with far more than the signing station ever writes, so it was not opened. It has been kept in the outbox's problems folder and was not recorded.";

/// The reason shown for a file that could not be opened at all.
pub(super) fn unreadable(failure: OpenFailure) -> &'static str {
    match failure {
        OpenFailure::Empty => EMPTY,
        OpenFailure::NotSubmission => NOT_SUBMISSION,
        OpenFailure::HeaderTooLarge => HEADER_TOO_LARGE,
        OpenFailure::TooLarge => TOO_LARGE,
        OpenFailure::Damaged => DAMAGED,
        OpenFailure::NotForThisKey => NOT_FOR_THESE_KEYS,
    }
}

pub(super) const DAMAGED: &str = "This submission is damaged: it was cut short, or changed after it was written, so it cannot be read. It has been kept in the outbox's problems folder and was not recorded.";
pub(super) const NOT_FOR_THESE_KEYS: &str = "This submission cannot be opened with this vault's keys: it was written for another Safekeeper vault, or before the keys were changed. It has been kept in the outbox's problems folder and was not recorded.";
pub(super) const OTHER_VAULT: &str = "This submission was written for a different Safekeeper vault. It has been kept in the outbox's problems folder and was not recorded.";
const TOO_NEW: &str = "This submission was written by a newer version of Safekeeper. It has been kept in the outbox's problems folder; install the newer version to record it.";
const RENAMED: &str = "This submission's file name does not match its place in the chain: it was renamed or moved. It has been kept in the outbox's problems folder and was not recorded.";
const BEHIND: &str = "This submission's number comes before submissions already recorded, so it is out of order. It has been kept in the outbox's problems folder and was not recorded.";
pub(super) const DUPLICATE: &str = "This is a second copy of a submission (same receipt number). It has been kept in the outbox's problems folder and was not recorded twice.";
pub(super) const REJECTED: &str = "This submission could be read but the records refused it, so it has been kept in the outbox's problems folder. The reason:";
const CHANGED_BEFORE: &str =
    "The submission before this one was changed or replaced after this one was written. This one was recorded.";

fn missing(from: u64, to: u64) -> String {
    if from == to {
        format!("Submission number {from} is missing or could not be read: it may have been deleted. The one after it was recorded.")
    } else {
        format!("Submissions {from} to {to} are missing or could not be read: they may have been deleted. The one after them was recorded.")
    }
}

/// What happens to the files once the records are committed.
#[derive(Default)]
struct Tidy {
    delete: Vec<PathBuf>,
    /// Each kept file and the name it takes in `problems/`, chosen before the commit so the
    /// database can say why that very file was kept.
    keep: Vec<(PathBuf, String)>,
}

impl Tidy {
    /// Keeps `file`, noting why in the ingest's transaction.
    fn keep(
        &mut self,
        tx: &Connection,
        outbox: &Path,
        file: &OutboxFile,
        problem: &OutboxProblem,
    ) -> rusqlite::Result<()> {
        let taken: Vec<&str> = self.keep.iter().map(|(_, name)| name.as_str()).collect();
        let name = free_name(&outbox.join(PROBLEMS_DIR), &file.name, &taken);
        super::problems::note_kept(tx, &name, problem.kind, &problem.message)?;
        self.keep.push((file.path.clone(), name));
        Ok(())
    }
}

impl PendingOutbox {
    /// How many files were read and opened this time (not counting those left waiting).
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there is nothing to record: no file was read and none was left waiting.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.waiting.is_empty()
    }

    /// How many files were left for the next unlock.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    /// Records every valid submission in one transaction, then tidies the folder. An error before
    /// the commit leaves the database and every file as they were.
    pub fn ingest(self, conn: &mut Connection, actor: &Actor) -> Result<IngestReport, OutboxError> {
        if self.files.is_empty() {
            return Ok(IngestReport::default());
        }
        let waiting: Vec<OutboxProblem> =
            self.waiting.iter().map(|f| problem(f, ProblemKind::Waiting, WAITING)).collect();
        let tx = conn.transaction()?;
        let vault_id: String = tx
            .query_row("SELECT value FROM meta WHERE key = 'vault_id'", [], |r| r.get(0))
            .optional()?
            .unwrap_or_default();
        let start = ChainHead::read_db(&tx)?.unwrap_or_else(ChainHead::genesis);
        let (mut report, tidy, head) = self.walk(&tx, &vault_id, &start)?;
        report.problems.extend(waiting);
        if head != start {
            head.write_db(&tx)?;
        }
        let mut detail = format!(
            "files={};ingested={};alreadyRecorded={};problems={};head={}",
            self.files.len(),
            report.ingested,
            report.already_recorded,
            report.problems.len(),
            head.seq
        );
        if !self.waiting.is_empty() {
            detail.push_str(&format!(";waiting={}", self.waiting.len()));
        }
        audit::append(
            &tx,
            actor,
            &Entry { action: "outbox.ingested", subject_kind: "outbox", subject_id: "", detail: &detail },
        )?;
        tx.commit()?;
        // Only now may files go: everything they held is committed.
        tidy.apply(&self.outbox, &head).map_err(OutboxError::Cleanup)?;
        Ok(report)
    }

    /// Sorts every file into recorded, already recorded or kept, recording as it goes, and returns
    /// the new head of the chain.
    fn walk(
        &self,
        tx: &Connection,
        vault_id: &str,
        start: &ChainHead,
    ) -> Result<(IngestReport, Tidy, ChainHead), OutboxError> {
        let mut report = IngestReport::default();
        let mut tidy = Tidy::default();
        let mut in_chain: Vec<(&ReadFile, &Envelope)> = Vec::new();
        for read in &self.files {
            let (kind, message) = match &read.opened {
                Err(
                    failure @ (OpenFailure::Damaged
                    | OpenFailure::Empty
                    | OpenFailure::NotSubmission
                    | OpenFailure::HeaderTooLarge
                    | OpenFailure::TooLarge),
                ) => (ProblemKind::Corrupt, unreadable(*failure)),
                Err(OpenFailure::NotForThisKey) => (ProblemKind::OtherVault, NOT_FOR_THESE_KEYS),
                Ok(env) if env.vault_id != vault_id => (ProblemKind::OtherVault, OTHER_VAULT),
                Ok(env) if env.format == 0 || env.format > FORMAT => (ProblemKind::Corrupt, TOO_NEW),
                // Sealed with the public recipients but not by the signing station.
                Ok(env) if !receipt::is_well_formed(&env.receipt) => (ProblemKind::Corrupt, DAMAGED),
                Ok(env) => {
                    in_chain.push((read, env));
                    continue;
                }
            };
            let kept = problem(&read.file, kind, message);
            tidy.keep(tx, &self.outbox, &read.file, &kept)?;
            report.problems.push(kept);
        }
        in_chain.sort_by(|(a, ea), (b, eb)| (ea.seq, &a.file.name).cmp(&(eb.seq, &b.file.name)));

        let mut head = start.clone();
        let mut receipts: HashSet<&str> = HashSet::new();
        // Before the vault recorded its manifests there is nothing to compare with.
        let checks_manifests = manifest::newest_record(tx)?.is_some();
        for (read, env) in in_chain {
            let file = &read.file;
            let kept = if !receipts.insert(env.receipt.as_str()) {
                Some((ProblemKind::Duplicate, DUPLICATE.to_owned()))
            } else if file.seq_in_name != Some(env.seq) {
                Some((ProblemKind::OutOfOrder, RENAMED.to_owned()))
            } else if env.seq <= head.seq {
                // Left behind by an ingest that committed but stopped before tidying up?
                if record::already_recorded(tx, env)? {
                    report.already_recorded += 1;
                    None
                } else {
                    Some((ProblemKind::OutOfOrder, BEHIND.to_owned()))
                }
            } else {
                if env.seq > head.seq + 1 {
                    report.problems.push(
                        problem(file, ProblemKind::Gap, missing(head.seq + 1, env.seq - 1)).with_receipt(&env.receipt),
                    );
                } else if env.prev_hash != head.hash {
                    report.problems.push(problem(file, ProblemKind::Gap, CHANGED_BEFORE).with_receipt(&env.receipt));
                }
                head = ChainHead { seq: env.seq, hash: read.hash.clone() };
                match record::record(tx, env)? {
                    Outcome::Recorded => {
                        report.ingested += 1;
                        None
                    }
                    Outcome::Duplicate => Some((ProblemKind::Duplicate, DUPLICATE.to_owned())),
                    Outcome::Rejected(reason) => Some((ProblemKind::Rejected, format!("{REJECTED} {reason}"))),
                }
            };
            if checks_manifests {
                report.problems.extend(sealing_problems(tx, read, env)?);
            }
            match kept {
                Some((kind, message)) => {
                    let kept = problem(file, kind, message).with_receipt(&env.receipt);
                    tidy.keep(tx, &self.outbox, file, &kept)?;
                    report.problems.push(kept);
                }
                None => tidy.delete.push(file.path.clone()),
            }
        }
        Ok((report, tidy, head))
    }
}

fn problem(file: &OutboxFile, kind: ProblemKind, message: impl Into<String>) -> OutboxProblem {
    OutboxProblem { file_name: file.name.clone(), receipt: None, kind, message: message.into() }
}

impl OutboxProblem {
    fn with_receipt(mut self, receipt: &str) -> OutboxProblem {
        self.receipt = Some(receipt.to_owned());
        self
    }
}

const UNKNOWN_MANIFEST: &str = "This submission was sealed while the signing station's manifest held something this vault did not publish: the file had been changed outside Safekeeper. It was recorded, but whoever changed the manifest may be able to read it.";
const EXTRA_RECIPIENTS: &str = "This submission was sealed to keys other than this vault's, so someone else may be able to read it. It was recorded. Treat it as a possible data breach and tell your data protection lead.";

/// What is wrong with how one file was sealed, judged against the manifests the vault published.
fn sealing_problems(tx: &Connection, read: &ReadFile, env: &Envelope) -> Result<Vec<OutboxProblem>, OutboxError> {
    let mut out = Vec::new();
    let record = manifest::published_record(tx, &env.manifest_hash)?;
    if record.is_none() {
        out.push(problem(&read.file, ProblemKind::UnknownManifest, UNKNOWN_MANIFEST).with_receipt(&env.receipt));
    }
    // Under an unknown manifest, the vault's own recipients are the newest it published.
    let expected = match record {
        Some(r) => Some(r.recipients.len()),
        None => manifest::newest_record(tx)?.map(|r| r.recipients.len()),
    };
    if read.stanzas.is_none() || (expected.is_some() && read.stanzas != expected) {
        out.push(problem(&read.file, ProblemKind::ExtraRecipients, EXTRA_RECIPIENTS).with_receipt(&env.receipt));
    }
    Ok(out)
}

impl Tidy {
    /// The head goes first, so a writer that runs after a crash part-way through still follows
    /// the head rather than an already-recorded file.
    fn apply(&self, outbox: &Path, head: &ChainHead) -> std::io::Result<()> {
        head.write_file(outbox)?;
        for path in &self.delete {
            match fs::remove_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        if !self.keep.is_empty() {
            let problems = outbox.join(PROBLEMS_DIR);
            fs::create_dir_all(&problems)?;
            for (path, name) in &self.keep {
                atomic::rename(path, &problems.join(name))?;
            }
            atomic::sync_dir(&problems)?;
        }
        atomic::sync_dir(outbox)
    }
}

/// The file's own name, or the name with `-2`, `-3`, … if `dir` already holds it or this ingest
/// has already given it to another file.
fn free_name(dir: &Path, name: &str, taken: &[&str]) -> String {
    let mut candidate = name.to_owned();
    let mut n = 2;
    while dir.join(&candidate).exists() || taken.contains(&candidate.as_str()) {
        candidate = format!("{name}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests;
