//! The figures for the trustees' online-safety report over a chosen period: incidents by 4 Cs
//! category and by outcome, referrals made, training compliance, AUP coverage, image consent
//! coverage, policy reviews and the backup status.
//!
//! Owns which figures the report holds and how each is counted. Counts only: nothing here carries
//! a person's name or anything written in a record, so the report can go to a board meeting.
//! Restricted incidents are counted with the rest (trustees need the number) and never described.
//! Does not own printing (see `forms::trustee_report`) and reuses each record type's own queries
//! wherever one exists, so the report and the screens always agree.

mod activity;
mod printed;
mod standing;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

use crate::error::{CodedError, ErrorCode};
use crate::records::aup::Audience;
use crate::records::incidents::{Agency, Category, IncidentKind, Judgement};
use crate::reminders::DueStatus;
pub use activity::OutcomeClass;
pub use printed::note_printed;

/// Everything the report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct TrusteeFigures {
    /// First day of the report's period (`YYYY-MM-DD`), included.
    pub from: NaiveDate,
    /// Last day of the report's period (`YYYY-MM-DD`), included; never after today.
    pub to: NaiveDate,
    /// The day the standing figures (training, AUPs, consent, policies, backup) are taken on.
    pub as_at: NaiveDate,
    /// Incidents that happened in the period.
    pub incidents: IncidentFigures,
    /// Every agency, with how many referrals were made to it in the period (zeros included).
    pub referrals: Vec<(Agency, u32)>,
    /// Required training compliance as at `as_at`.
    pub training: TrainingFigures,
    /// One row per published AUP.
    pub aups: Vec<AupFigures>,
    /// Young people's image consent as at `as_at`.
    pub consent: ConsentFigures,
    /// Every policy in use: its reviews in the period and where it stands.
    pub policies: PolicyFigures,
    /// Where backups stand at the time the report is made.
    pub backup: BackupFigures,
}

impl TrusteeFigures {
    /// How many referrals to any agency were made in the period.
    pub fn referral_total(&self) -> u32 {
        self.referrals.iter().map(|(_, n)| n).sum()
    }

    /// Serious incident reports to the Charity Commission recorded in the period.
    pub fn charity_commission_reports(&self) -> u32 {
        self.referrals.iter().filter(|(a, _)| *a == Agency::CharityCommission).map(|(_, n)| n).sum()
    }
}

/// Incidents that happened in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncidentFigures {
    /// How many incidents happened in the period.
    pub total: u32,
    /// Of the total, how many are restricted (allegations about staff and the like).
    pub restricted: u32,
    /// The four Cs, then "not yet classified", each with its count.
    pub by_category: Vec<(Category, u32)>,
    /// Every outcome class, each with its count; they add up to `total`.
    pub by_outcome: Vec<(OutcomeClass, u32)>,
    /// Kinds seen, most frequent first.
    pub by_kind: Vec<(IncidentKind, u32)>,
    /// By the judgement each has now: illegal, unsuitable, not yet decided; they add up to `total`.
    pub by_judgement: Vec<(Judgement, u32)>,
}

/// Required training that is done and in date, by course and across everyone, as at `as_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingFigures {
    /// One line per course that someone must do, in the training matrix's order.
    pub courses: Vec<CourseCompliance>,
    /// Every required course for everyone together, named "All required training".
    pub overall: CourseCompliance,
    /// People who must do at least one course.
    pub people: u32,
}

/// One line of training compliance: how many who must do a course are in date, overdue or have
/// never done it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseCompliance {
    /// The course's name; "All required training" for the overall line.
    pub name: String,
    /// How many must do the course; on the overall line, person-and-course pairs.
    pub required: u32,
    /// Done and not yet due (a course falling due soon still counts).
    pub in_date: u32,
    /// Done once, but past its renewal date as at `as_at`.
    pub overdue: u32,
    /// Never done.
    pub never_done: u32,
}

impl CourseCompliance {
    /// The share in date, rounded down, or `None` when nobody must do it.
    pub fn percent(&self) -> Option<u32> {
        (self.in_date * 100).checked_div(self.required)
    }
}

/// How many of those who should sign one AUP have signed its current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AupFigures {
    /// The title of the AUP version in force.
    pub title: String,
    /// Who the AUP is for.
    pub audience: Audience,
    /// The number of the version in force.
    pub version: i64,
    /// People who have signed the version in force (confirmed signatures only).
    pub signed_current: u32,
    /// People who signed only an older version, so must sign again.
    pub needs_resign: u32,
    /// People who have never signed any version.
    pub never_signed: u32,
}

impl AupFigures {
    /// How many people should sign: all three counts together.
    pub fn expected(&self) -> u32 {
        self.signed_current + self.needs_resign + self.never_signed
    }
}

/// Active young people by where their image consent stands on `as_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentFigures {
    /// Active young people in the register.
    pub young_people: u32,
    /// A confirmed consent in force: not withdrawn, not expired.
    pub current: u32,
    /// Those whose consent ran past its expiry date.
    pub expired: u32,
    /// Those whose consent has been withdrawn.
    pub withdrawn: u32,
    /// Given at the signing station and not yet confirmed by an admin.
    pub awaiting_confirmation: u32,
    /// A consent that does not count for their age: given by them below the organisation's age,
    /// with no judgement written down, or by someone without parental responsibility.
    pub not_valid_for_age: u32,
    /// Those with no consent or refusal recorded.
    pub none: u32,
}

/// One policy's reviews in the period and where it stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFigure {
    /// The policy's name.
    pub name: String,
    /// Review dates recorded in the period, oldest first.
    pub reviewed_in_period: Vec<NaiveDate>,
    /// The policy's next review date (`YYYY-MM-DD`); `None` when it has never been reviewed.
    pub next_review: Option<NaiveDate>,
    /// Where the next review stands as at `as_at` (overdue, due soon, in date or never done).
    pub status: DueStatus,
}

/// The policy register's figures for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFigures {
    /// Every policy in use, in the policy list's order.
    pub policies: Vec<PolicyFigure>,
}

impl PolicyFigures {
    /// How many reviews were recorded in the period, across every policy.
    pub fn reviews_in_period(&self) -> usize {
        self.policies.iter().map(|p| p.reviewed_in_period.len()).sum()
    }

    /// Past their review date, or never reviewed.
    pub fn needing_review(&self) -> usize {
        self.policies.iter().filter(|p| p.status.needs_action()).count()
    }
}

/// Where backups stand for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFigures {
    /// RFC 3339, UTC; `None` when no backup has been verified.
    pub last_verified: Option<String>,
    /// No verified backup, or the last is older than the reminder allows.
    pub due: bool,
    /// Days allowed between verified backups before the reminder shows.
    pub reminder_days: i64,
}

/// Why the trustee report's figures could not be worked out.
#[derive(Debug, thiserror::Error)]
pub enum TrusteeReportError {
    /// The period's end is before its start.
    #[error("The end of the period must be on or after its start. Check the two dates.")]
    PeriodBackwards,
    /// The period ends after today.
    #[error("The period cannot end after today. Choose an end date of today or earlier.")]
    PeriodInFuture,
    /// The incident records could not be read.
    #[error(transparent)]
    Incident(#[from] crate::records::incidents::IncidentError),
    /// The training records could not be read.
    #[error(transparent)]
    Training(#[from] crate::records::training::TrainingError),
    /// The AUP records could not be read.
    #[error(transparent)]
    Aup(#[from] crate::records::aup::AupError),
    /// The AUP signatures could not be read.
    #[error(transparent)]
    Signature(#[from] crate::records::signatures::SignatureError),
    /// The people register could not be read.
    #[error(transparent)]
    People(#[from] crate::records::people::PeopleError),
    /// The image consent records could not be read.
    #[error(transparent)]
    Consent(#[from] crate::records::consent::ConsentError),
    /// The policy register could not be read.
    #[error(transparent)]
    Policy(#[from] crate::records::policies::PolicyError),
    /// The database could not be read or written.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

impl From<rusqlite::Error> for TrusteeReportError {
    fn from(e: rusqlite::Error) -> Self {
        TrusteeReportError::Store(crate::store::StoreError::Sqlite(e))
    }
}

impl CodedError for TrusteeReportError {
    fn code(&self) -> ErrorCode {
        match self {
            TrusteeReportError::PeriodBackwards => ErrorCode::ReportPeriodBackwards,
            TrusteeReportError::PeriodInFuture => ErrorCode::ReportPeriodInFuture,
            TrusteeReportError::Incident(e) => e.code(),
            TrusteeReportError::Training(e) => e.code(),
            TrusteeReportError::Aup(e) => e.code(),
            TrusteeReportError::Signature(e) => e.code(),
            TrusteeReportError::People(e) => e.code(),
            TrusteeReportError::Consent(e) => e.code(),
            TrusteeReportError::Policy(e) => e.code(),
            TrusteeReportError::Store(e) => e.code(),
        }
    }
}

/// The report's figures for incidents and referrals from `from` to `to` inclusive, with the
/// standing figures as at `today`. `now` dates the backup check.
pub fn figures(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<TrusteeFigures, TrusteeReportError> {
    figures_at(conn, from, to, today, Utc::now())
}

/// As [`figures`], with the clock given, so tests can fix the backup's age.
pub fn figures_at(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<TrusteeFigures, TrusteeReportError> {
    if to < from {
        return Err(TrusteeReportError::PeriodBackwards);
    }
    if to > today {
        return Err(TrusteeReportError::PeriodInFuture);
    }
    // The report shows when the last backup was made, not how large the next would be.
    let backup = crate::records::backup_reminder::status(conn, now, u64::MAX)?;
    Ok(TrusteeFigures {
        from,
        to,
        as_at: today,
        incidents: activity::incidents(conn, from, to)?,
        referrals: activity::referrals(conn, from, to)?,
        training: standing::training(conn, today)?,
        aups: standing::aups(conn)?,
        consent: standing::consent(conn, today)?,
        policies: standing::policies(conn, from, to, today)?,
        backup: BackupFigures {
            last_verified: backup.last_verified,
            due: backup.due,
            reminder_days: backup.reminder_days,
        },
    })
}

#[cfg(test)]
pub(crate) mod tests;
