//! A breach in the filtering log recorded as an incident in one step. The incident starts from the
//! breach: its date, what happened and who found it, kind "filtering breach or exposure", with
//! what was done about it as the first action. Each then points at the other: the log line names
//! the incident, and the incident page names the log line.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::entries::{Action, Category, EntryBody, IncidentKind, Report};
use super::store::{insert_added_entry, insert_incident};
use super::{Incident, IncidentError, IncidentSource, NewIncident};
use crate::records::date_column;
use crate::store::audit::Actor;

/// The filtering-log breach an incident was recorded from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilteringSource {
    /// The log line's id (a UUID).
    pub filtering_id: String,
    /// The UK date of the breach (`YYYY-MM-DD`).
    #[ts(type = "string")]
    pub happened_on: NaiveDate,
    /// What happened, as logged.
    pub what: String,
}

/// Records the filtering-log breach `filtering_id` as a new incident and links the two. Refused for
/// a change (only a breach is an incident), for a breach already recorded, or a line that is not
/// in the log.
pub fn from_filtering_breach(
    conn: &mut Connection,
    actor: &Actor,
    filtering_id: &str,
    today: NaiveDate,
) -> Result<Incident, IncidentError> {
    let (happened_on, kind, what, who, why): (NaiveDate, String, String, String, String) = conn
        .query_row("SELECT happened_on, kind, what, who, why FROM filtering_log WHERE id = ?1", [filtering_id], |r| {
            Ok((date_column(r, 0)?.unwrap_or_default(), r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?
        .ok_or(IncidentError::FilteringNotFound)?;
    if kind != "breach" {
        return Err(IncidentError::FilteringNotABreach);
    }
    let linked: Option<String> = conn
        .query_row("SELECT incident_id FROM filtering_incidents WHERE filtering_id = ?1", [filtering_id], |r| r.get(0))
        .optional()?;
    if linked.is_some() {
        return Err(IncidentError::FilteringAlreadyRecorded);
    }
    let report = Report {
        occurred_on: happened_on,
        occurred_at_time: None,
        reported_on: happened_on,
        how_reported: "Logged as a filtering breach".to_owned(),
        reported_by: who.clone(),
        reported_to: "The filtering log".to_owned(),
        place: String::new(),
        platform: String::new(),
        device: String::new(),
        category: Category::Content,
        kind: IncidentKind::FilteringBreachOrExposure,
        facts: what,
        own_words: None,
        opinion: None,
    };
    let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &report };
    // One transaction for the incident, its first action and the link: all or nothing.
    let tx = conn.transaction()?;
    let incident = insert_incident(&tx, actor, &new, today)?;
    let action = EntryBody::Action(Action { on: happened_on, by: who, what: why });
    insert_added_entry(&tx, actor, &incident.id, &action, today)?;
    tx.execute(
        "INSERT INTO filtering_incidents (filtering_id, incident_id) VALUES (?1, ?2)",
        params![filtering_id, incident.id],
    )?;
    tx.commit()?;
    Ok(incident)
}

/// The breach an incident was recorded from, if it was.
pub(crate) fn source_of(conn: &Connection, incident_id: &str) -> Result<Option<FilteringSource>, IncidentError> {
    Ok(conn
        .query_row(
            "SELECT f.id, f.happened_on, f.what FROM filtering_incidents fi JOIN filtering_log f ON f.id = fi.filtering_id
             WHERE fi.incident_id = ?1",
            [incident_id],
            |r| Ok(FilteringSource { filtering_id: r.get(0)?, happened_on: date_column(r, 1)?.unwrap_or_default(), what: r.get(2)? }),
        )
        .optional()?)
}
