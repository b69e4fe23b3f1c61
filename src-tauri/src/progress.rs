//! How far a long piece of work has got (a hand-over export, a subject access export, reading a
//! backup to restore, checking a CSV to import), for the admin window to show while it runs. Backups have their own steps
//! (`vault::backup::BackupStep`).

use serde::Serialize;
use ts_rs::TS;

/// Which long piece of work a progress report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LongWork {
    /// The hand-over export of every record.
    Handover,
    /// A subject access export for one person.
    SubjectAccess,
    /// Reading and checking a backup chosen to restore.
    Restore,
    /// Checking the rows of a CSV of people to import.
    PeopleImport,
    /// Checking the rows of a CSV of past training to import.
    TrainingImport,
}

/// The step a long piece of work has reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum WorkStep {
    /// Hand-over: writing the records table by table (`done` counts the tables written).
    WritingTables,
    /// Hand-over: writing the single file of every record, then putting the folder in place.
    Finishing,
    /// Subject access: gathering the person's records.
    Gathering,
    /// Subject access: drawing the PDF.
    Drawing,
    /// Subject access: saving the two files.
    Saving,
    /// Restore: decrypting the backup and checking its records.
    Decrypting,
    /// Restore: setting the checked records ready to be restored.
    Preparing,
    /// An import: checking the file's rows against the register (`done` counts the rows checked).
    CheckingRows,
}

/// How many rows an import checks between two progress reports.
pub const ROWS_PER_REPORT: usize = 250;

/// Reports that `done` of `total` rows of an import are checked: every `ROWS_PER_REPORT` rows, and
/// when all are.
pub fn rows_checked(work: LongWork, done: usize, total: usize, report: Report<'_>) {
    if done.is_multiple_of(ROWS_PER_REPORT) || done == total {
        report(WorkProgress::new(work, WorkStep::CheckingRows, done, total));
    }
}

/// One report: `done` of `total` parts of `work` are finished and `step` is under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkProgress {
    /// The work.
    pub work: LongWork,
    /// The step under way.
    pub step: WorkStep,
    /// How many parts are finished.
    pub done: u32,
    /// How many parts there are in all; never 0.
    pub total: u32,
}

impl WorkProgress {
    /// A report of `done` of `total` parts, with `done` never past `total`.
    pub fn new(work: LongWork, step: WorkStep, done: usize, total: usize) -> WorkProgress {
        let total = u32::try_from(total.max(1)).unwrap_or(u32::MAX);
        let done = u32::try_from(done).unwrap_or(u32::MAX).min(total);
        WorkProgress { work, step, done, total }
    }
}

/// Where progress reports go: the admin window in the app, a list in tests, nowhere otherwise.
pub type Report<'a> = &'a mut dyn FnMut(WorkProgress);

/// A report that goes nowhere.
pub fn ignore(_: WorkProgress) {}
