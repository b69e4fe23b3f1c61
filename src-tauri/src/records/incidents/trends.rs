//! Incident numbers over a period, for the DSL's trends view and the trustee report: counts by
//! month and category, and by kind. Numbers only: they include restricted incidents, because a
//! count says nothing about who was involved.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use std::collections::HashMap;

use super::entries::{Category, EntryBody, IncidentKind, Judgement};
use super::IncidentError;
use crate::records::date_text;

/// One month's incidents by category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthCounts {
    /// "2026-03".
    pub month: String,
    /// How many that month were about seeing harmful material.
    pub content: u32,
    /// How many that month were about harmful contact.
    pub contact: u32,
    /// How many that month were about the young person's own behaviour.
    pub conduct: u32,
    /// How many that month were about scams, gambling and other commercial harm.
    pub commerce: u32,
    /// How many that month are concerns the DSL has not yet classified.
    pub not_yet_classified: u32,
}

impl MonthCounts {
    /// How many incidents happened in the month, all categories together.
    pub fn total(&self) -> u32 {
        self.content + self.contact + self.conduct + self.commerce + self.not_yet_classified
    }
}

/// How many incidents of one kind happened in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KindCount {
    /// The kind of incident.
    pub kind: IncidentKind,
    /// How many of that kind happened in the period.
    pub count: u32,
}

/// How many incidents in a period stand at one judgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JudgementCount {
    /// The judgement each of these incidents has now.
    pub judgement: Judgement,
    /// How many incidents.
    pub count: u32,
}

/// Incident numbers over a period, by month and category, by kind and by judgement; restricted
/// incidents are counted too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Trends {
    /// The first UK day of the period (`YYYY-MM-DD`), included.
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// The last UK day of the period (`YYYY-MM-DD`), included.
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// Every month in the period, including months with none.
    pub months: Vec<MonthCounts>,
    /// Kinds seen in the period, most frequent first.
    pub kinds: Vec<KindCount>,
    /// Illegal, unsuitable and not yet decided, always in that order, zeros included.
    pub judgements: Vec<JudgementCount>,
    /// How many incidents happened in the whole period.
    pub total: u32,
}

fn month_key(date: NaiveDate) -> String {
    date.format("%Y-%m").to_string()
}

/// Incidents that happened between `from` and `to`, inclusive.
pub fn trends(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Trends, IncidentError> {
    if to < from {
        return Err(IncidentError::PeriodBackwards);
    }
    let mut months = Vec::new();
    let mut cursor = from.with_day0(0).unwrap_or(from);
    while cursor <= to {
        months.push(MonthCounts {
            month: month_key(cursor),
            content: 0,
            contact: 0,
            conduct: 0,
            commerce: 0,
            not_yet_classified: 0,
        });
        cursor = cursor.checked_add_months(chrono::Months::new(1)).unwrap_or(NaiveDate::MAX);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT substr(occurred_on, 1, 7), category, count(*) FROM incidents
         WHERE occurred_on BETWEEN ?1 AND ?2 GROUP BY 1, 2",
    )?;
    let rows = stmt.query_map(params![date_text(from), date_text(to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, u32>(2)?))
    })?;
    let mut total = 0;
    for row in rows {
        let (month, category, count) = row?;
        let Some(slot) = months.iter_mut().find(|m| m.month == month) else { continue };
        let category: Category = serde_json::from_value(serde_json::Value::String(category))
            .map_err(|_| IncidentError::UnknownStoredCategory)?;
        let cell = match category {
            Category::Content => &mut slot.content,
            Category::Contact => &mut slot.contact,
            Category::Conduct => &mut slot.conduct,
            Category::Commerce => &mut slot.commerce,
            Category::NotYetClassified => &mut slot.not_yet_classified,
        };
        *cell += count;
        total += count;
    }
    let mut stmt = conn.prepare_cached(
        "SELECT kind, count(*) FROM incidents WHERE occurred_on BETWEEN ?1 AND ?2 GROUP BY kind ORDER BY 2 DESC, 1",
    )?;
    let kinds = stmt
        .query_map(params![date_text(from), date_text(to)], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?
        .map(|row| {
            let (kind, count) = row?;
            let kind: IncidentKind = serde_json::from_value(serde_json::Value::String(kind))
                .map_err(|_| IncidentError::UnknownStoredKind)?;
            Ok(KindCount { kind, count })
        })
        .collect::<Result<Vec<_>, IncidentError>>()?;
    let judgements = judgement_counts(conn, from, to)?
        .into_iter()
        .map(|(judgement, count)| JudgementCount { judgement, count })
        .collect();
    Ok(Trends { from, to, months, kinds, judgements, total })
}

/// Incidents that happened from `from` to `to` inclusive by their current judgement (the
/// latest one recorded, as amended), restricted ones counted too: illegal, unsuitable, then not
/// yet decided (which includes those never judged).
pub fn judgement_counts(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Judgement, u32)>, IncidentError> {
    let total: u32 = conn.query_row(
        "SELECT count(*) FROM incidents WHERE occurred_on BETWEEN ?1 AND ?2",
        params![date_text(from), date_text(to)],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT e.incident_id, coalesce(e.amends, e.id), e.amends IS NOT NULL, e.body FROM incident_entries e
         JOIN incidents i ON i.id = e.incident_id
         WHERE e.kind = 'judgement' AND i.occurred_on BETWEEN ?1 AND ?2 ORDER BY e.incident_id, e.seq",
    )?;
    let rows = stmt.query_map(params![date_text(from), date_text(to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, bool>(2)?, r.get::<_, String>(3)?))
    })?;
    // Per incident: each original judgement's latest version, and which original came last.
    let mut versions: HashMap<String, Judgement> = HashMap::new();
    let mut last_original: HashMap<String, String> = HashMap::new();
    for row in rows {
        let (incident, original, is_amendment, body) = row?;
        let EntryBody::Judgement(j) = serde_json::from_str(&body).map_err(|_| IncidentError::StoredEntryUnreadable)?
        else {
            return Err(IncidentError::StoredEntryUnreadable);
        };
        versions.insert(original.clone(), j.judgement);
        if !is_amendment {
            // A new judgement replaces the last; amending an earlier one does not bring it back.
            last_original.insert(incident, original);
        }
    }
    let mut illegal = 0;
    let mut unsuitable = 0;
    for original in last_original.values() {
        match versions.get(original) {
            Some(Judgement::Illegal) => illegal += 1,
            Some(Judgement::Unsuitable) => unsuitable += 1,
            _ => {}
        }
    }
    Ok(vec![
        (Judgement::Illegal, illegal),
        (Judgement::Unsuitable, unsuitable),
        (Judgement::NotYetDecided, total.saturating_sub(illegal + unsuitable)),
    ])
}
