//! "What is due" across the records: training renewals, policy reviews, AUP signatures still to
//! collect and image consents to renew. Owns the one answer the dashboard's list and the calendar export both draw on, and
//! the calendar export itself. Does not own when a course or a policy falls due (see `training`,
//! `policies` and `reminders`), nor how the calendar file is written (see `reminders::ics`).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::consent::{self, ConsentDue, ConsentError};
use super::organisation;
use super::policies::{self, PolicyDue, PolicyError};
use super::signatures::{self, AupDue, SignatureError};
use super::training::{self, DueCount, TrainingDue, TrainingError};
use crate::error::{CodedError, ErrorCode};
use crate::reminders::ics::{self, DueEvent};
use crate::reminders::DueStatus;
use crate::store::StoreError;

/// Everything the organisation has to do again or still has to collect, as of one day: each
/// required course for each person still with the organisation, each policy's next review, and
/// each published AUP someone has still to sign. `what_is_due` includes what is in date, so the
/// calendar can hold every renewal; `needing_attention` narrows it to what the dashboard lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WhatIsDue {
    /// Training, most urgent first: never done, then by due date, then by name. On the dashboard,
    /// at most `DASHBOARD_TRAINING_LINES` of each of its three groups.
    pub training: Vec<TrainingDue>,
    /// How many training lines there are in each state, including any `training` leaves out.
    pub training_counts: Vec<DueCount>,
    /// Policy reviews, most urgent first: never recorded, then by due date, then by name.
    pub policies: Vec<PolicyDue>,
    /// AUPs with people still to sign the version in force, most people first.
    pub aups: Vec<AupDue>,
    /// Image consents to renew, soonest first: ended ones, then by the last day they count.
    pub consents: Vec<ConsentDue>,
}

/// Why "what is due" could not be worked out: the record type that could not be read says why.
#[derive(Debug, thiserror::Error)]
pub enum DueError {
    /// The training records could not be read.
    #[error(transparent)]
    Training(#[from] TrainingError),
    /// The policy register could not be read.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// The AUP signatures could not be read.
    #[error(transparent)]
    Signature(#[from] SignatureError),
    /// The image consents could not be read.
    #[error(transparent)]
    Consent(#[from] ConsentError),
    /// The database could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CodedError for DueError {
    fn code(&self) -> ErrorCode {
        match self {
            DueError::Training(e) => e.code(),
            DueError::Policy(e) => e.code(),
            DueError::Signature(e) => e.code(),
            DueError::Consent(e) => e.code(),
            DueError::Store(e) => e.code(),
        }
    }
}

/// Every training renewal, policy review and outstanding AUP signature as of `today`, in date
/// ones included.
pub fn what_is_due(conn: &Connection, today: NaiveDate) -> Result<WhatIsDue, DueError> {
    gather(conn, today, None)
}

/// At most this many training lines in each of the dashboard's three groups (overdue now, due in
/// 30 days, due in 31 to 90 days), the most urgent first: a large organisation can have thousands,
/// and the training page lists them all. The group's count still counts every one.
pub const DASHBOARD_TRAINING_LINES: usize = 10;

fn gather(conn: &Connection, today: NaiveDate, keep: Option<usize>) -> Result<WhatIsDue, DueError> {
    let training = training::due_lines(conn, today, keep)?;
    let mut found = WhatIsDue {
        training: training.lines,
        training_counts: training.counts,
        policies: policies::list(conn, today, false)?
            .into_iter()
            .map(|p| PolicyDue { policy_id: p.id, name: p.name, topic: p.topic, due: p.next_review, status: p.status })
            .collect(),
        aups: signatures::due_items(conn)?,
        consents: consent::renewals(conn, today)?,
    };
    found.policies.sort_by(|a, b| (a.status, a.due, &a.name).cmp(&(b.status, b.due, &b.name)));
    Ok(found)
}

/// What the dashboard lists as of `today`: anything never done, overdue or due within 90 days
/// (training at most `DASHBOARD_TRAINING_LINES` to a group, with the counts of them all), and
/// every AUP with signatures outstanding.
pub fn dashboard(conn: &Connection, today: NaiveDate) -> Result<WhatIsDue, DueError> {
    Ok(gather(conn, today, Some(DASHBOARD_TRAINING_LINES))?.needing_attention())
}

/// The calendar file of every training renewal and policy review with a date, named for the
/// organisation. It names staff: the page warns before it is saved.
pub fn calendar(conn: &Connection, today: NaiveDate) -> Result<String, DueError> {
    let events = what_is_due(conn, today)?.calendar_events();
    Ok(ics::calendar(&organisation::get(conn)?.org_name, &events))
}

impl WhatIsDue {
    /// Only what needs doing within 90 days: training, reviews and consents in date beyond that
    /// are left out. AUP signatures outstanding always need doing.
    pub fn needing_attention(mut self) -> WhatIsDue {
        self.training.retain(|t| t.status != DueStatus::InDate);
        self.policies.retain(|p| p.status != DueStatus::InDate);
        self.consents.retain(|c| c.status != DueStatus::InDate);
        self
    }

    /// One calendar event for each dated training renewal, policy review and consent renewal (on
    /// the last day the consent counts, saying who to ask), soonest first.
    /// Training never done has no date to put in a calendar; AUP signatures have no date either.
    pub fn calendar_events(&self) -> Vec<DueEvent> {
        let training = self.training.iter().filter(|t| t.status != DueStatus::NeverDone).filter_map(|t| {
            Some(DueEvent {
                uid: format!("training-{}-{}@safekeeper", t.person_id, t.course_id),
                summary: format!("Training due: {} ({})", t.course_name, t.person_name),
                on: t.due?,
            })
        });
        let reviews = self.policies.iter().filter_map(|p| {
            Some(DueEvent {
                uid: format!("policy-{}@safekeeper", p.policy_id),
                summary: format!("Policy review due: {}", p.name),
                on: p.due?,
            })
        });
        let consents = self.consents.iter().map(|c| DueEvent {
            uid: format!("consent-{}@safekeeper", c.consent_id),
            summary: format!("Photo consent ends: {}. {}", c.person_name, c.ask),
            on: c.last_day,
        });
        let mut events: Vec<DueEvent> = training.chain(reviews).chain(consents).collect();
        events.sort_by(|a, b| (a.on, &a.summary).cmp(&(b.on, &b.summary)));
        events
    }
}

#[cfg(test)]
mod tests;
