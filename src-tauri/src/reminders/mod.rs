//! When things fall due, across every record that renews: training, policy reviews, AUP
//! re-signing, consents. Owns the calendar rules (adding a renewal period to a date, what happens
//! on 29 February and at month ends) and the buckets the dashboard and the training matrix use
//! (overdue, due within 30, 60 or 90 days, in date, never done). Does not read the vault: each
//! record module works out its own due dates with these rules.

pub mod ics;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How often something must be done again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "every")]
pub enum Renewal {
    /// Done once (such as induction); it never falls due again.
    Never,
    /// Again after this many months (12 for "every year", 24 for "every 2 years").
    Months {
        /// How many months until it falls due again.
        #[ts(type = "number")]
        months: u32,
    },
}

impl Renewal {
    /// The date it is next due, after being done on `done_on`. A date that does not exist in the
    /// target month moves back to that month's last day: done on 29 February 2024, due every
    /// year, is next due on 28 February 2025; done on 31 August, every 6 months, on 28 or 29
    /// February. `None` when it never renews (or the date would be past the year 262,143).
    pub fn next_due(self, done_on: NaiveDate) -> Option<NaiveDate> {
        match self {
            Renewal::Never => None,
            Renewal::Months { months } => done_on.checked_add_months(Months::new(months)),
        }
    }
}

/// Where a due date stands today, in the order the dashboard groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DueStatus {
    /// Required, and never done.
    NeverDone,
    /// The due date has passed.
    Overdue,
    /// Due today or within the next 30 days.
    DueIn30,
    /// Due in 31 to 60 days.
    DueIn60,
    /// Due in 61 to 90 days.
    DueIn90,
    /// Done, and not due for more than 90 days (or never due again).
    InDate,
}

impl DueStatus {
    /// Where `due` stands on `today`. A thing due today is not yet overdue: it is overdue from
    /// the day after. `None` means it never falls due again.
    pub fn of(due: Option<NaiveDate>, today: NaiveDate) -> DueStatus {
        let Some(due) = due else { return DueStatus::InDate };
        let days = (due - today).num_days();
        match days {
            d if d < 0 => DueStatus::Overdue,
            0..=30 => DueStatus::DueIn30,
            31..=60 => DueStatus::DueIn60,
            61..=90 => DueStatus::DueIn90,
            _ => DueStatus::InDate,
        }
    }

    /// Words for the screen and for print, never colour alone.
    pub fn label(self) -> &'static str {
        match self {
            DueStatus::NeverDone => "Never done",
            DueStatus::Overdue => "Overdue",
            DueStatus::DueIn30 => "Due within 30 days",
            DueStatus::DueIn60 => "Due within 60 days",
            DueStatus::DueIn90 => "Due within 90 days",
            DueStatus::InDate => "Done",
        }
    }

    /// Needs doing now: never done, or overdue.
    pub fn needs_action(self) -> bool {
        matches!(self, DueStatus::NeverDone | DueStatus::Overdue)
    }
}

#[cfg(test)]
mod tests;
