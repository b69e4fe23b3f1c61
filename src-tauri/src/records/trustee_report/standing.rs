//! Where things stand on the day the report is made: training compliance, AUP coverage, image
//! consent coverage and the policy register. Each comes from its record type's own query (the
//! training matrix, AUP coverage, consent statuses, the policy list), reduced to counts.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{
    AupFigures, ConsentFigures, CourseCompliance, PolicyFigure, PolicyFigures, TrainingFigures, TrusteeReportError,
};
use crate::records::people::{self, PeopleQuery, PersonGroup, PersonStatus};
use crate::records::training::{self, MatrixFilter};
use crate::records::{aup, consent, policies, signatures};
use crate::reminders::DueStatus;

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn tally(name: &str, statuses: impl Iterator<Item = DueStatus>) -> CourseCompliance {
    let mut line = CourseCompliance { name: name.to_owned(), required: 0, in_date: 0, overdue: 0, never_done: 0 };
    for status in statuses {
        line.required += 1;
        match status {
            DueStatus::Overdue => line.overdue += 1,
            DueStatus::NeverDone => line.never_done += 1,
            // Due soon is still done and in date today, as the printed matrix counts it.
            DueStatus::DueIn30 | DueStatus::DueIn60 | DueStatus::DueIn90 | DueStatus::InDate => line.in_date += 1,
        }
    }
    line
}

pub(super) fn training(conn: &Connection, today: NaiveDate) -> Result<TrainingFigures, TrusteeReportError> {
    let matrix = training::matrix(conn, today, &MatrixFilter::default())?;
    let courses = matrix
        .courses
        .iter()
        .enumerate()
        .map(|(i, course)| tally(&course.name, matrix.rows.iter().filter_map(|row| row.cells.get(i)?.status)))
        .filter(|line| line.required > 0)
        .collect();
    let overall =
        tally("All required training", matrix.rows.iter().flat_map(|row| row.cells.iter().filter_map(|c| c.status)));
    let people = count(matrix.rows.iter().filter(|row| row.cells.iter().any(|c| c.required)).count());
    Ok(TrainingFigures { courses, overall, people })
}

/// Every published AUP, with how many in its audience have signed the version in force.
pub(super) fn aups(conn: &Connection) -> Result<Vec<AupFigures>, TrusteeReportError> {
    let mut out = Vec::new();
    for found in aup::list(conn)? {
        let Some(current) = found.current else { continue };
        let coverage = signatures::coverage(conn, &found.id)?;
        out.push(AupFigures {
            title: current.title,
            audience: found.audience,
            version: current.number,
            signed_current: count(coverage.signed_current.len()),
            needs_resign: count(coverage.needs_resign.len()),
            never_signed: count(coverage.never_signed.len()),
        });
    }
    Ok(out)
}

/// Active young people by where their image consent stands today. The names the consent query
/// returns are dropped here, before anything leaves this function.
pub(super) fn consent(conn: &Connection, today: NaiveDate) -> Result<ConsentFigures, TrusteeReportError> {
    let query =
        PeopleQuery { text: String::new(), group: Some(PersonGroup::YoungPerson), status: PersonStatus::Active };
    let young = people::search(conn, &query)?;
    // No uses asked about: only the consent in force matters here.
    let statuses = consent::statuses(conn, &young, &[], today)?;
    let own_age = consent::consent_settings(conn)?.own_consent_age;
    let mut out = ConsentFigures {
        young_people: count(statuses.len()),
        current: 0,
        expired: 0,
        withdrawn: 0,
        awaiting_confirmation: 0,
        not_valid_for_age: 0,
        none: 0,
    };
    // The same rule as every screen and form: `rules::does_not_stand`.
    for (status, person) in statuses.iter().zip(&young) {
        let Some(c) = &status.current else {
            out.none += 1;
            continue;
        };
        let slot = match consent::rules::does_not_stand(c, person.date_of_birth, today, own_age) {
            None => &mut out.current,
            Some((consent::Reason::Withdrawn, _)) => &mut out.withdrawn,
            Some((consent::Reason::AwaitingConfirmation, _)) => &mut out.awaiting_confirmation,
            Some((consent::Reason::Expired, _)) => &mut out.expired,
            Some(_) => &mut out.not_valid_for_age,
        };
        *slot += 1;
    }
    Ok(out)
}

/// Every policy in use, with the reviews recorded in the period and where its next review stands.
pub(super) fn policies(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<PolicyFigures, TrusteeReportError> {
    let mut out = Vec::new();
    for policy in policies::list(conn, today, false)? {
        let detail = policies::get(conn, &policy.id, today)?;
        out.push(PolicyFigure {
            reviewed_in_period: detail
                .history
                .iter()
                .map(|v| v.reviewed_on)
                .filter(|on| *on >= from && *on <= to)
                .collect(),
            name: policy.name,
            next_review: policy.next_review,
            status: policy.status,
        });
    }
    Ok(PolicyFigures { policies: out })
}
