//! What happened in the period: incidents by category, outcome and kind, and referrals by agency.
//! Reads the current version of each referral and outcome entry (an amendment replaces what it
//! corrects), and keeps only the agency, the date and whether sanctions were applied: never the
//! words anyone wrote.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::{IncidentFigures, TrusteeReportError};
use crate::records::date_text;
use crate::records::incidents::{self, Agency, Category, EntryBody};

/// Where an incident that happened in the period has got to, from its status and entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeClass {
    /// Open or under review.
    NotYetClosed,
    /// Closed, and referred to at least one outside agency.
    ClosedReferred,
    /// Closed without a referral, with sanctions recorded in the outcome.
    ClosedWithSanctions,
    /// Closed without a referral or sanctions: dealt with inside the organisation.
    ClosedInternally,
}

impl OutcomeClass {
    /// Every outcome class, in the order the report lists them.
    pub const ALL: [OutcomeClass; 4] = [
        OutcomeClass::NotYetClosed,
        OutcomeClass::ClosedReferred,
        OutcomeClass::ClosedWithSanctions,
        OutcomeClass::ClosedInternally,
    ];

    /// The outcome class as the printed report words it, e.g. "Closed: dealt with internally".
    pub fn label(self) -> &'static str {
        match self {
            OutcomeClass::NotYetClosed => "Not yet closed",
            OutcomeClass::ClosedReferred => "Closed: referred to another agency",
            OutcomeClass::ClosedWithSanctions => "Closed: sanctions applied",
            OutcomeClass::ClosedInternally => "Closed: dealt with internally",
        }
    }
}

/// What the report needs from one incident's current entries.
#[derive(Default)]
struct Findings {
    referred: bool,
    sanctions: bool,
}

/// The current version of every referral and outcome entry, as (incident id, body).
fn current_entries(conn: &Connection) -> Result<Vec<(String, EntryBody)>, TrusteeReportError> {
    let mut stmt = conn.prepare_cached(
        "SELECT incident_id, coalesce(amends, id), body FROM incident_entries
         WHERE kind IN ('referral', 'outcome') ORDER BY incident_id, seq",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
    // Later entries (amendments) overwrite the original they correct.
    let mut latest: HashMap<String, (String, String)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for row in rows {
        let (incident, original, body) = row?;
        if latest.insert(original.clone(), (incident, body)).is_none() {
            order.push(original);
        }
    }
    order
        .into_iter()
        .filter_map(|original| latest.remove(&original))
        .map(|(incident, body)| {
            let body: EntryBody =
                serde_json::from_str(&body).map_err(|_| incidents::IncidentError::StoredEntryUnreadable)?;
            Ok((incident, body))
        })
        .collect()
}

/// Incidents that happened from `from` to `to` inclusive, restricted ones counted too.
pub(super) fn incidents(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<IncidentFigures, TrusteeReportError> {
    let trends = incidents::trends(conn, from, to)?;
    let sum = |pick: fn(&incidents::MonthCounts) -> u32| trends.months.iter().map(pick).sum::<u32>();
    let by_category = vec![
        (Category::Content, sum(|m| m.content)),
        (Category::Contact, sum(|m| m.contact)),
        (Category::Conduct, sum(|m| m.conduct)),
        (Category::Commerce, sum(|m| m.commerce)),
        (Category::NotYetClassified, sum(|m| m.not_yet_classified)),
    ];

    let mut findings: HashMap<String, Findings> = HashMap::new();
    for (incident, body) in current_entries(conn)? {
        let found = findings.entry(incident).or_default();
        match body {
            EntryBody::Referral(_) => found.referred = true,
            EntryBody::Outcome(o) => found.sanctions |= o.sanctions.is_some(),
            _ => {}
        }
    }
    let mut stmt =
        conn.prepare_cached("SELECT id, status, restricted FROM incidents WHERE occurred_on BETWEEN ?1 AND ?2")?;
    let rows = stmt.query_map(params![date_text(from), date_text(to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
    })?;
    let mut outcomes: HashMap<OutcomeClass, u32> = HashMap::new();
    let (mut total, mut restricted) = (0, 0);
    for row in rows {
        let (id, status, is_restricted) = row?;
        total += 1;
        restricted += u32::from(is_restricted == 1);
        let found = findings.get(&id);
        let class = match incidents::Status::from_stored(&status) {
            Some(incidents::Status::Closed) if found.is_some_and(|f| f.referred) => OutcomeClass::ClosedReferred,
            Some(incidents::Status::Closed) if found.is_some_and(|f| f.sanctions) => OutcomeClass::ClosedWithSanctions,
            Some(incidents::Status::Closed) => OutcomeClass::ClosedInternally,
            _ => OutcomeClass::NotYetClosed,
        };
        *outcomes.entry(class).or_default() += 1;
    }
    Ok(IncidentFigures {
        total,
        restricted,
        by_category,
        by_outcome: OutcomeClass::ALL.iter().map(|c| (*c, outcomes.get(c).copied().unwrap_or(0))).collect(),
        by_kind: trends.kinds.iter().map(|k| (k.kind, k.count)).collect(),
        by_judgement: trends.judgements.iter().map(|j| (j.judgement, j.count)).collect(),
    })
}

/// Referrals dated from `from` to `to` inclusive, by agency, whenever the incident happened.
pub(super) fn referrals(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Agency, u32)>, TrusteeReportError> {
    let mut counts: Vec<(Agency, u32)> = Agency::ALL.iter().map(|a| (*a, 0)).collect();
    for (_, body) in current_entries(conn)? {
        if let EntryBody::Referral(r) = body {
            if r.on >= from && r.on <= to {
                if let Some(slot) = counts.iter_mut().find(|(a, _)| *a == r.agency) {
                    slot.1 += 1;
                }
            }
        }
    }
    Ok(counts)
}
