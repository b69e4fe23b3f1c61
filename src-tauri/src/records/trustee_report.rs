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
use crate::records::incidents::{Agency, Category, IncidentKind};
use crate::reminders::DueStatus;
pub use activity::OutcomeClass;
pub use printed::note_printed;

/// Everything the report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct TrusteeFigures {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day the standing figures (training, AUPs, consent, policies, backup) are taken on.
    pub as_at: NaiveDate,
    pub incidents: IncidentFigures,
    /// Every agency, with how many referrals were made to it in the period (zeros included).
    pub referrals: Vec<(Agency, u32)>,
    pub training: TrainingFigures,
    /// One row per published AUP.
    pub aups: Vec<AupFigures>,
    pub consent: ConsentFigures,
    pub policies: PolicyFigures,
    pub backup: BackupFigures,
}

impl TrusteeFigures {
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
    pub total: u32,
    /// Of the total, how many are restricted (allegations about staff and the like).
    pub restricted: u32,
    /// The four Cs, then "not yet classified", each with its count.
    pub by_category: Vec<(Category, u32)>,
    /// Every outcome class, each with its count; they add up to `total`.
    pub by_outcome: Vec<(OutcomeClass, u32)>,
    /// Kinds seen, most frequent first.
    pub by_kind: Vec<(IncidentKind, u32)>,
}

/// Required training that is done and in date, by course and across everyone, as at `as_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingFigures {
    pub courses: Vec<CourseCompliance>,
    pub overall: CourseCompliance,
    /// People who must do at least one course.
    pub people: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseCompliance {
    /// The course's name; "All required training" for the overall line.
    pub name: String,
    pub required: u32,
    /// Done and not yet due (a course falling due soon still counts).
    pub in_date: u32,
    pub overdue: u32,
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
    pub title: String,
    pub audience: Audience,
    pub version: i64,
    pub signed_current: u32,
    pub needs_resign: u32,
    pub never_signed: u32,
}

impl AupFigures {
    pub fn expected(&self) -> u32 {
        self.signed_current + self.needs_resign + self.never_signed
    }
}

/// Active young people by where their image consent stands on `as_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentFigures {
    pub young_people: u32,
    /// A confirmed consent in force: not withdrawn, not expired.
    pub current: u32,
    pub expired: u32,
    pub withdrawn: u32,
    /// Given at the signing station and not yet confirmed by an admin.
    pub awaiting_confirmation: u32,
    pub none: u32,
}

/// One policy's reviews in the period and where it stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFigure {
    pub name: String,
    /// Review dates recorded in the period, oldest first.
    pub reviewed_in_period: Vec<NaiveDate>,
    pub next_review: Option<NaiveDate>,
    pub status: DueStatus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFigures {
    pub policies: Vec<PolicyFigure>,
}

impl PolicyFigures {
    pub fn reviews_in_period(&self) -> usize {
        self.policies.iter().map(|p| p.reviewed_in_period.len()).sum()
    }

    /// Past their review date, or never reviewed.
    pub fn needing_review(&self) -> usize {
        self.policies.iter().filter(|p| p.status.needs_action()).count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFigures {
    /// RFC 3339, UTC; `None` when no backup has been verified.
    pub last_verified: Option<String>,
    /// No verified backup, or the last is older than the reminder allows.
    pub due: bool,
    pub reminder_days: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum TrusteeReportError {
    #[error("The end of the period must be on or after its start. Check the two dates.")]
    PeriodBackwards,
    #[error("The period cannot end after today. Choose an end date of today or earlier.")]
    PeriodInFuture,
    #[error(transparent)]
    Incident(#[from] crate::records::incidents::IncidentError),
    #[error(transparent)]
    Training(#[from] crate::records::training::TrainingError),
    #[error(transparent)]
    Aup(#[from] crate::records::aup::AupError),
    #[error(transparent)]
    Signature(#[from] crate::records::signatures::SignatureError),
    #[error(transparent)]
    People(#[from] crate::records::people::PeopleError),
    #[error(transparent)]
    Consent(#[from] crate::records::consent::ConsentError),
    #[error(transparent)]
    Policy(#[from] crate::records::policies::PolicyError),
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
    let backup = crate::records::backup_reminder::status(conn, now)?;
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
