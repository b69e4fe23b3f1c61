//! The review page and the dashboard's count, read from `summary_retention` (migration 17): the
//! day each record falls due, with an index on that day, so that a page of the records due costs
//! the same in a vault of any size.
//!
//! The triggers of migration 17 only note which records changed. `refresh` works those out again
//! with the same code as the full review (`due::candidates` and `due::latest_decisions`), before
//! every read, so the summary never drifts from the rules: the property test in
//! `summary_tests.rs` checks that a page of everything always equals `review`.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, ToSql};
use serde::Serialize;
use ts_rs::TS;

use super::due::{candidates, latest_decisions, standing, Scope};
use super::{RecordKind, RetentionError, RetentionItem};
use crate::records::date_text;
use crate::store::audit::Actor;

/// The counts stop here: the dashboard and the page say "more than 1,000" beyond it, so that
/// counting never reads more than this many rows however many records are due.
pub const COUNT_CAP: u32 = 1000;

const KINDS: [RecordKind; 4] =
    [RecordKind::Incident, RecordKind::ImageConsent, RecordKind::AupSignature, RecordKind::TrainingRecord];

/// A number of records, counted up to `COUNT_CAP`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "RetentionCount")]
pub struct Count {
    /// How many, up to `COUNT_CAP`.
    pub count: u32,
    /// There are more than `COUNT_CAP`.
    pub more: bool,
}

/// The review page: the first records due and the first on hold, with how many there are of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionPage {
    /// Records whose review date has come and that are not held, earliest due first (at most
    /// the number asked for).
    pub due: Vec<RetentionItem>,
    /// How many records are due in all.
    pub due_count: Count,
    /// Records under a legal hold, earliest due first (at most the number asked for).
    pub on_hold: Vec<RetentionItem>,
    /// How many records are on hold in all.
    pub on_hold_count: Count,
}

/// Works out again every record the triggers marked as changed since the last read, or every
/// record when the rules changed (or the summary was just made). Nothing to do is one lookup.
pub fn refresh(conn: &Connection) -> Result<(), RetentionError> {
    let (any, everything): (bool, bool) = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM summary_retention_stale),
                EXISTS (SELECT 1 FROM summary_retention_stale WHERE record_kind = '*')",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if !any {
        return Ok(());
    }
    // A savepoint, so that a refresh inside a caller's transaction is part of it, and a failed
    // one leaves the summary and its marks as they were.
    conn.execute_batch("SAVEPOINT summary_retention_refresh;")?;
    match work_out_again(conn, everything) {
        Ok(()) => {
            conn.execute_batch("RELEASE summary_retention_refresh;")?;
            Ok(())
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK TO summary_retention_refresh; RELEASE summary_retention_refresh;");
            Err(e)
        }
    }
}

fn work_out_again(conn: &Connection, everything: bool) -> Result<(), RetentionError> {
    let scope = if everything { Scope::All } else { Scope::Stale };
    if everything {
        conn.execute("DELETE FROM summary_retention", [])?;
    } else {
        conn.execute(
            "DELETE FROM summary_retention
             WHERE (record_kind, record_id) IN (SELECT record_kind, record_id FROM summary_retention_stale)",
            [],
        )?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO summary_retention (record_kind, record_id, due_on, held, restricted) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for kind in KINDS {
        let latest = latest_decisions(conn, Some(kind), scope)?;
        // Every incident, restricted or not: the page checks each admin's access as it reads.
        for candidate in candidates(conn, &Actor::RecoveryKey, Some(kind), scope)? {
            let item = &candidate.item;
            let decision = latest.get(&(kind.as_str().to_owned(), item.id.clone()));
            let (due_on, held) = match decision {
                Some((decision, _)) if decision == "legalHold" => (item.due_on, true),
                // Kept at a review: due again on the later of its rule's date and the next review,
                // as `due::standing` has it.
                Some((decision, Some(next))) if decision == "keep" => (item.due_on.max(*next), false),
                _ => (item.due_on, false),
            };
            insert.execute(params![kind.as_str(), item.id, date_text(due_on), held, candidate.restricted])?;
        }
    }
    conn.execute("DELETE FROM summary_retention_stale", [])?;
    Ok(())
}

/// Records due on or before `until` (held or not), in the order the page shows them.
const KEYS: &str = "SELECT s.record_kind, s.record_id FROM summary_retention s
     WHERE s.held = :held AND s.due_on <= :until
       AND (s.restricted = 0 OR :everything = 1
            OR EXISTS (SELECT 1 FROM incident_access a WHERE a.incident_id = s.record_id AND a.admin_id = :admin))
     ORDER BY s.due_on, s.record_kind, s.record_id
     LIMIT :limit";

/// The admin whose access to restricted incidents counts, or that every incident is seen (the
/// recovery key).
fn who(actor: &Actor) -> (Option<&str>, bool) {
    match actor {
        Actor::Admin(id) => (Some(id.as_str()), false),
        Actor::RecoveryKey => (None, true),
        Actor::SigningStation | Actor::System => (None, false),
    }
}

/// Which records this actor may see, held or not, due by `until`: their kind and id, at most `limit`.
fn keys(
    conn: &Connection,
    actor: &Actor,
    held: bool,
    until: &str,
    limit: u32,
) -> Result<Vec<(RecordKind, String)>, RetentionError> {
    let (admin, everything) = who(actor);
    let mut stmt = conn.prepare_cached(KEYS)?;
    let named: &[(&str, &dyn ToSql)] =
        &[(":held", &held), (":until", &until), (":everything", &everything), (":admin", &admin), (":limit", &limit)];
    let rows = stmt.query_map(named, |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut found = Vec::new();
    for row in rows {
        let (kind, id) = row?;
        // Only the four kinds are ever written; anything else is skipped rather than shown wrong.
        if let Some(kind) = KINDS.into_iter().find(|k| k.as_str() == kind) {
            found.push((kind, id));
        }
    }
    Ok(found)
}

/// The whole items for `keys`, in the same order, read from the records themselves.
fn items(
    conn: &Connection,
    actor: &Actor,
    keys: &[(RecordKind, String)],
    today: NaiveDate,
) -> Result<Vec<RetentionItem>, RetentionError> {
    let mut found: HashMap<(RecordKind, String), RetentionItem> = HashMap::with_capacity(keys.len());
    for kind in KINDS {
        let ids: Vec<&str> = keys.iter().filter(|(k, _)| *k == kind).map(|(_, id)| id.as_str()).collect();
        if ids.is_empty() {
            continue;
        }
        let ids = serde_json::to_string(&ids).expect("a list of ids always serialises");
        let latest = latest_decisions(conn, Some(kind), Scope::Ids(&ids))?;
        for mut candidate in candidates(conn, actor, Some(kind), Scope::Ids(&ids))? {
            let decision = latest.get(&(kind.as_str().to_owned(), candidate.item.id.clone()));
            // Sets "kept before" and moves the date to the next review, as the full review does.
            standing(&mut candidate.item, decision, today);
            found.insert((kind, candidate.item.id.clone()), candidate.item);
        }
    }
    Ok(keys.iter().filter_map(|key| found.remove(key)).collect())
}

/// How many records this actor may see are due on `today` (or held), up to `COUNT_CAP`.
fn count(conn: &Connection, actor: &Actor, held: bool, until: &str) -> Result<Count, RetentionError> {
    let (admin, everything) = who(actor);
    let mut stmt = conn.prepare_cached(&format!("SELECT count(*) FROM ({KEYS})"))?;
    let named: &[(&str, &dyn ToSql)] = &[
        (":held", &held),
        (":until", &until),
        (":everything", &everything),
        (":admin", &admin),
        (":limit", &(COUNT_CAP + 1)),
    ];
    let counted: u32 = stmt.query_row(named, |r| r.get(0))?;
    Ok(Count { count: counted.min(COUNT_CAP), more: counted > COUNT_CAP })
}

/// The last date a held record may fall due on: every held record is listed, whatever its date.
const ANY_DAY: &str = "9999-12-31";

/// The review page: the first `limit` records due on `today` (earliest due first) and the first
/// `limit` on legal hold, with how many there are of each.
pub fn page(conn: &Connection, actor: &Actor, today: NaiveDate, limit: u32) -> Result<RetentionPage, RetentionError> {
    refresh(conn)?;
    let today_text = date_text(today);
    let due = items(conn, actor, &keys(conn, actor, false, &today_text, limit)?, today)?;
    let on_hold = items(conn, actor, &keys(conn, actor, true, ANY_DAY, limit)?, today)?;
    Ok(RetentionPage {
        due,
        due_count: count(conn, actor, false, &today_text)?,
        on_hold,
        on_hold_count: count(conn, actor, true, ANY_DAY)?,
    })
}

/// How many records are due for a review on `today`, up to `COUNT_CAP`: the dashboard's reminder.
pub fn due_count(conn: &Connection, actor: &Actor, today: NaiveDate) -> Result<Count, RetentionError> {
    refresh(conn)?;
    count(conn, actor, false, &date_text(today))
}
