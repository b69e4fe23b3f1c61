//! Saving and reading incidents. Every change runs in one transaction with its audit entry, and
//! opening an incident is audited too. Audit details hold ids, kinds and statuses, never names or
//! what anyone wrote.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Deserialize;
use ts_rs::TS;

use super::entries::{Category, EntryBody, Report, StatusChange};
use super::{Incident, IncidentDetail, IncidentEntry, IncidentError, IncidentSource, Route, Status};
use crate::records::{date_column, date_text, new_id, now_utc};
use crate::store::audit::{self, Actor, Entry as AuditEntry};

/// A new incident: the report, and where it came from.
#[derive(Debug, Clone)]
pub struct NewIncident<'a> {
    /// Whether an admin or the signing station recorded it.
    pub source: IncidentSource,
    /// The signing station's receipt number, so a concern is never recorded twice.
    pub receipt: Option<&'a str>,
    /// True when it is an allegation about a member of staff or a volunteer, kept longer under the
    /// retention rules.
    pub staff_allegation: bool,
    /// The report, checked and tidied before it is saved.
    pub report: &'a Report,
}

/// Which incidents a list shows. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct IncidentFilter {
    /// Only incidents with this status; `None` for any.
    pub status: Option<Status>,
    /// Only incidents in this category; `None` for any.
    pub category: Option<Category>,
    /// Only incidents that happened on or after this UK date; `None` for no lower limit.
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    /// Only incidents that happened on or before this UK date; `None` for no upper limit.
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
    /// Only incidents this person (an id in the people register) is linked to; `None` for anyone.
    pub person_id: Option<String>,
    /// Words to find in the reference or in any entry.
    pub text: String,
    /// Only incidents recorded this way (an admin in the app, or the signing station); `None` for
    /// either.
    pub source: Option<IncidentSource>,
    /// Only incidents whose image-viewing decision is still to be recorded.
    pub image_decision_due: bool,
    /// At most this many, the most recent first; `None` for every one. A page asks for one more
    /// than it shows, to know whether there are more.
    pub limit: Option<u32>,
}

const COLUMNS: &str = "id, reference, source, self_declared, receipt, staff_allegation, restricted, status, \
     occurred_on, category, kind, created_at, updated_at";

/// `COLUMNS` as read back, with whether an image-viewing decision is still needed. Queries name
/// the table `incidents`, unaliased, so the last column can refer to it.
const SELECT_COLUMNS: &str = "id, reference, source, self_declared, receipt, staff_allegation, restricted, status, \
     occurred_on, category, kind, created_at, updated_at, \
     kind IN ('nudesOrSemiNudes', 'indecentImages', 'sexualAbuseOrExploitation') \
     AND NOT EXISTS (SELECT 1 FROM incident_entries v WHERE v.incident_id = incidents.id AND v.kind = 'imageViewing')";

/// The incidents whose image-viewing decision is still to be recorded (`SELECT_COLUMNS`' last
/// column), as a condition the index on `kind` (migration 15) can answer.
const IMAGE_DECISION_DUE: &str =
    "incidents.kind IN ('nudesOrSemiNudes', 'indecentImages', 'sexualAbuseOrExploitation') \
     AND NOT EXISTS (SELECT 1 FROM incident_entries v WHERE v.incident_id = incidents.id AND v.kind = 'imageViewing')";

fn json_enum<T: for<'de> Deserialize<'de>>(row: &Row<'_>, index: usize) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_value(serde_json::Value::String(text))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e)))
}

fn enum_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => unreachable!("incident enums serialise as plain strings"),
    }
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Incident> {
    Ok(Incident {
        id: r.get(0)?,
        reference: r.get(1)?,
        source: if r.get::<_, String>(2)? == "signingStation" {
            IncidentSource::SigningStation
        } else {
            IncidentSource::Admin
        },
        self_declared: r.get::<_, i64>(3)? == 1,
        receipt: r.get(4)?,
        staff_allegation: r.get::<_, i64>(5)? == 1,
        restricted: r.get::<_, i64>(6)? == 1,
        status: json_enum(r, 7)?,
        occurred_on: date_column(r, 8)?.unwrap_or_default(),
        category: json_enum(r, 9)?,
        kind: json_enum(r, 10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
        image_decision_needed: r.get(13)?,
    })
}

fn entry_from_row(r: &Row<'_>) -> rusqlite::Result<IncidentEntry> {
    let body: String = r.get(2)?;
    Ok(IncidentEntry {
        id: r.get(0)?,
        seq: r.get(1)?,
        body: serde_json::from_str(&body)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e)))?,
        amends: r.get(3)?,
        reason: r.get(4)?,
        recorded_at: r.get(5)?,
        recorded_by: r.get(6)?,
    })
}

fn audit_incident(conn: &Connection, actor: &Actor, action: &str, id: &str, detail: &str) -> Result<(), IncidentError> {
    audit::append(conn, actor, &AuditEntry { action, subject_kind: "incident", subject_id: id, detail })?;
    Ok(())
}

/// The incident, if this actor may see it. A restricted incident is visible only to the admins
/// on its access list, and to the recovery key, which stands for the organisation itself.
pub(super) fn visible_to(conn: &Connection, actor: &Actor, id: &str) -> Result<Incident, IncidentError> {
    visible(conn, actor, id)
}

fn visible(conn: &Connection, actor: &Actor, id: &str) -> Result<Incident, IncidentError> {
    let incident = conn
        .query_row(&format!("SELECT {SELECT_COLUMNS} FROM incidents WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or(IncidentError::NotFound)?;
    if incident.restricted && !has_access(conn, actor, id)? {
        return Err(IncidentError::NotFound);
    }
    Ok(incident)
}

fn has_access(conn: &Connection, actor: &Actor, id: &str) -> Result<bool, IncidentError> {
    Ok(match actor {
        Actor::RecoveryKey => true,
        Actor::Admin(admin) => conn
            .query_row(
                "SELECT 1 FROM incident_access WHERE incident_id = ?1 AND admin_id = ?2",
                [id, admin],
                |_| Ok(()),
            )
            .optional()?
            .is_some(),
        Actor::SigningStation | Actor::System => false,
    })
}

fn next_reference(conn: &Connection, year: i32) -> Result<String, IncidentError> {
    let prefix = format!("INC-{year}-");
    let last: Option<i64> = conn.query_row(
        "SELECT max(CAST(substr(reference, ?2) AS INTEGER)) FROM incidents WHERE reference LIKE ?1 || '%'",
        params![prefix, i64::try_from(prefix.len() + 1).unwrap_or(10)],
        |r| r.get(0),
    )?;
    Ok(format!("{prefix}{:04}", last.unwrap_or(0) + 1))
}

fn insert_entry(
    conn: &Connection,
    actor: &Actor,
    incident_id: &str,
    body: &EntryBody,
    amends: Option<(&str, &str)>,
) -> Result<IncidentEntry, IncidentError> {
    let seq: i64 = conn.query_row(
        "SELECT coalesce(max(seq), 0) + 1 FROM incident_entries WHERE incident_id = ?1",
        [incident_id],
        |r| r.get(0),
    )?;
    let id = new_id();
    let json = serde_json::to_string(body).expect("incident entries always serialise");
    let now = now_utc();
    conn.execute(
        "INSERT INTO incident_entries (id, incident_id, seq, kind, body, amends, reason, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            incident_id,
            seq,
            body.kind_name(),
            json,
            amends.map(|a| a.0),
            amends.map(|a| a.1),
            now,
            actor.as_stored()
        ],
    )?;
    conn.execute("UPDATE incidents SET updated_at = ?2 WHERE id = ?1", params![incident_id, now])?;
    Ok(IncidentEntry {
        id,
        seq,
        body: body.clone(),
        amends: amends.map(|a| a.0.to_owned()),
        reason: amends.map(|a| a.1.to_owned()),
        recorded_at: now,
        recorded_by: actor.as_stored(),
    })
}

/// Keeps the list columns and the people index in step with the current version of an entry.
fn apply_current(
    conn: &Connection,
    incident_id: &str,
    original_id: &str,
    body: &EntryBody,
) -> Result<(), IncidentError> {
    match body {
        EntryBody::Report(r) => {
            conn.execute(
                "UPDATE incidents SET occurred_on = ?2, category = ?3, kind = ?4 WHERE id = ?1",
                params![incident_id, date_text(r.occurred_on), enum_text(&r.category), enum_text(&r.kind)],
            )?;
        }
        EntryBody::Person(p) => {
            if let Some(person_id) = &p.person_id {
                crate::records::people::get(conn, person_id).map_err(|_| IncidentError::PersonNotInRegister)?;
            }
            conn.execute(
                "INSERT INTO incident_people (entry_id, incident_id, person_id, role) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (entry_id) DO UPDATE SET person_id = excluded.person_id, role = excluded.role",
                params![original_id, incident_id, p.person_id, enum_text(&p.role)],
            )?;
        }
        _ => {}
    }
    Ok(())
}

/// Records a new incident with its report, open. Returns it.
pub fn create(
    conn: &mut Connection,
    actor: &Actor,
    new: &NewIncident<'_>,
    today: NaiveDate,
) -> Result<Incident, IncidentError> {
    let tx = conn.transaction()?;
    let incident = insert_incident(&tx, actor, new, today)?;
    tx.commit()?;
    Ok(incident)
}

/// `create` inside the caller's transaction (the outbox ingest records a concern this way).
pub(crate) fn insert_incident(
    tx: &Connection,
    actor: &Actor,
    new: &NewIncident<'_>,
    today: NaiveDate,
) -> Result<Incident, IncidentError> {
    let report = match EntryBody::Report(new.report.clone()).validated(today)? {
        EntryBody::Report(r) => r,
        _ => unreachable!("a validated report is a report"),
    };
    let id = new_id();
    let reference = next_reference(tx, today.year())?;
    let now = now_utc();
    let source = match new.source {
        IncidentSource::Admin => "admin",
        IncidentSource::SigningStation => "signingStation",
    };
    tx.execute(
        &format!("INSERT INTO incidents ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 'open', ?7, ?8, ?9, ?10, ?10)"),
        params![
            id,
            reference,
            source,
            i64::from(new.source == IncidentSource::SigningStation),
            new.receipt,
            i64::from(new.staff_allegation),
            date_text(report.occurred_on),
            enum_text(&report.category),
            enum_text(&report.kind),
            now
        ],
    )?;
    insert_entry(tx, actor, &id, &EntryBody::Report(report), None)?;
    audit_incident(tx, actor, "incident.created", &id, &format!("ref={reference};source={source}"))?;
    visible(tx, actor, &id)
}

/// Adds an entry inside the caller's transaction, checked and with its audit entry.
pub(crate) fn insert_added_entry(
    tx: &Connection,
    actor: &Actor,
    incident_id: &str,
    body: &EntryBody,
    today: NaiveDate,
) -> Result<IncidentEntry, IncidentError> {
    let body = body.validated(today)?;
    let entry = insert_entry(tx, actor, incident_id, &body, None)?;
    apply_current(tx, incident_id, &entry.id, &body)?;
    audit_incident(
        tx,
        actor,
        "incident.entryAdded",
        incident_id,
        &format!("entry={};kind={}", entry.id, body.kind_name()),
    )?;
    Ok(entry)
}

/// Adds an entry (a person involved, an action, evidence, a decision, a referral, parents
/// informed, the outcome). The report comes with `create`; status moves with `change_status`.
pub fn add_entry(
    conn: &mut Connection,
    actor: &Actor,
    incident_id: &str,
    body: &EntryBody,
    today: NaiveDate,
) -> Result<IncidentEntry, IncidentError> {
    if matches!(body, EntryBody::Report(_) | EntryBody::Status(_)) {
        return Err(IncidentError::NotAnEntryToAdd);
    }
    let tx = conn.transaction()?;
    let incident = visible(&tx, actor, incident_id)?;
    if incident.status == Status::Closed {
        return Err(IncidentError::Closed);
    }
    let entry = insert_added_entry(&tx, actor, incident_id, body, today)?;
    tx.commit()?;
    Ok(entry)
}

/// Corrects an entry by adding an amendment that replaces what it says, with the reason. The
/// original stays in the chronology, unchanged.
pub fn amend(
    conn: &mut Connection,
    actor: &Actor,
    incident_id: &str,
    entry_id: &str,
    body: &EntryBody,
    reason: &str,
    today: NaiveDate,
) -> Result<IncidentEntry, IncidentError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(IncidentError::AmendmentNeedsReason);
    }
    let body = body.validated(today)?;
    let tx = conn.transaction()?;
    let incident = visible(&tx, actor, incident_id)?;
    if incident.status == Status::Closed {
        return Err(IncidentError::Closed);
    }
    // Amendments always point at the original entry, so the chain of corrections stays flat.
    let (original_id, kind): (String, String) = tx
        .query_row(
            "SELECT coalesce(amends, id), kind FROM incident_entries WHERE id = ?1 AND incident_id = ?2",
            [entry_id, incident_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(IncidentError::EntryNotFound)?;
    if kind == "status" {
        return Err(IncidentError::StatusCannotBeAmended);
    }
    if kind != body.kind_name() {
        return Err(IncidentError::AmendmentKindMismatch);
    }
    let entry = insert_entry(&tx, actor, incident_id, &body, Some((&original_id, reason)))?;
    apply_current(&tx, incident_id, &original_id, &body)?;
    audit_incident(
        &tx,
        actor,
        "incident.amended",
        incident_id,
        &format!("entry={};amends={original_id};kind={kind}", entry.id),
    )?;
    tx.commit()?;
    Ok(entry)
}

fn current_outcome(conn: &Connection, incident_id: &str) -> Result<bool, IncidentError> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM incident_entries WHERE incident_id = ?1 AND kind = 'outcome' LIMIT 1",
            [incident_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Moves the incident between open, under review and closed. Closing needs an outcome and the
/// reviewing admin's sign-off; reopening a closed incident needs a reason.
pub fn change_status(
    conn: &mut Connection,
    actor: &Actor,
    incident_id: &str,
    change: &StatusChange,
    today: NaiveDate,
) -> Result<IncidentEntry, IncidentError> {
    let body = EntryBody::Status(change.clone()).validated(today)?;
    let EntryBody::Status(change) = &body else { unreachable!("a validated status change is a status change") };
    let tx = conn.transaction()?;
    let incident = visible(&tx, actor, incident_id)?;
    match (incident.status, change.to) {
        (from, to) if from == to => return Err(IncidentError::BadTransition("it already has that status")),
        (Status::Closed, _) if change.reason.is_none() => return Err(IncidentError::ReopenNeedsReason),
        (_, Status::Closed) => {
            let mut missing = read_detail(&tx, incident.clone())?.route.still_needed();
            if incident.image_decision_needed {
                missing.push("the image-viewing decision (whether anyone viewed the image, and why)");
            }
            if !current_outcome(&tx, incident_id)? {
                missing.push("the outcome");
            }
            if change.sign_off.is_none() {
                missing.push("the reviewing admin's sign-off (name and date)");
            }
            if !missing.is_empty() {
                return Err(IncidentError::CannotClose(missing));
            }
        }
        _ => {}
    }
    let entry = insert_entry(&tx, actor, incident_id, &body, None)?;
    tx.execute("UPDATE incidents SET status = ?2 WHERE id = ?1", params![incident_id, change.to.as_str()])?;
    let action = if incident.status == Status::Closed { "incident.reopened" } else { "incident.status" };
    audit_incident(
        &tx,
        actor,
        action,
        incident_id,
        &format!("from={};to={}", incident.status.as_str(), change.to.as_str()),
    )?;
    tx.commit()?;
    Ok(entry)
}

/// Restricts an incident to the listed admins (who must include the one doing it), or lifts the
/// restriction. Only someone who can see it can change who else may.
pub fn set_access(
    conn: &mut Connection,
    actor: &Actor,
    incident_id: &str,
    restricted: bool,
    admins: &[String],
) -> Result<(), IncidentError> {
    let tx = conn.transaction()?;
    visible(&tx, actor, incident_id)?;
    if restricted {
        let includes_actor = match actor {
            Actor::Admin(me) => admins.contains(me),
            _ => !admins.is_empty(),
        };
        if !includes_actor {
            return Err(IncidentError::AccessNeedsYou);
        }
    }
    tx.execute("DELETE FROM incident_access WHERE incident_id = ?1", [incident_id])?;
    if restricted {
        for admin in admins {
            tx.execute(
                "INSERT OR IGNORE INTO incident_access (incident_id, admin_id) VALUES (?1, ?2)",
                [incident_id, admin],
            )?;
        }
    }
    tx.execute("UPDATE incidents SET restricted = ?2 WHERE id = ?1", params![incident_id, i64::from(restricted)])?;
    let detail = if restricted { format!("restricted=1;admins={}", admins.len()) } else { "restricted=0".to_owned() };
    audit_incident(&tx, actor, "incident.access", incident_id, &detail)?;
    tx.commit()?;
    Ok(())
}

/// Opens one incident: its whole chronology and the current version of each entry. The opening
/// is recorded in the audit trail.
pub fn get(conn: &Connection, actor: &Actor, incident_id: &str) -> Result<IncidentDetail, IncidentError> {
    let incident = visible(conn, actor, incident_id)?;
    let detail = read_detail(conn, incident)?;
    audit_incident(conn, actor, "incident.opened", incident_id, "")?;
    Ok(detail)
}

/// Every incident a person is linked to, restricted ones included, oldest first, for a subject
/// access export: the person has a right to their data whoever may open the incident in the app.
/// Not audited here: the caller records the export itself, with the person's id.
pub fn linked_to_person(conn: &Connection, person_id: &str) -> Result<Vec<IncidentDetail>, IncidentError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SELECT_COLUMNS} FROM incidents
         WHERE id IN (SELECT incident_id FROM incident_people WHERE person_id = ?1)
         ORDER BY occurred_on, reference"
    ))?;
    let incidents: Vec<Incident> = stmt.query_map([person_id], from_row)?.collect::<Result<_, _>>()?;
    incidents.into_iter().map(|i| read_detail(conn, i)).collect()
}

fn read_detail(conn: &Connection, incident: Incident) -> Result<IncidentDetail, IncidentError> {
    let incident_id = incident.id.clone();
    let incident_id = incident_id.as_str();
    let mut stmt = conn.prepare_cached(
        "SELECT id, seq, body, amends, reason, recorded_at, recorded_by FROM incident_entries
         WHERE incident_id = ?1 ORDER BY seq",
    )?;
    let chronology: Vec<IncidentEntry> = stmt.query_map([incident_id], entry_from_row)?.collect::<Result<_, _>>()?;
    let mut current: Vec<(String, String)> = Vec::new();
    for entry in &chronology {
        match &entry.amends {
            None => current.push((entry.id.clone(), entry.id.clone())),
            Some(original) => {
                if let Some(slot) = current.iter_mut().find(|(o, _)| o == original) {
                    slot.1 = entry.id.clone();
                }
            }
        }
    }
    let access: Vec<String> = conn
        .prepare_cached("SELECT admin_id FROM incident_access WHERE incident_id = ?1 ORDER BY admin_id")?
        .query_map([incident_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let route = Route::from_chronology(&chronology, &current);
    let files = super::files::files_of(conn, incident_id)?;
    let from_filtering = super::filtering::source_of(conn, incident_id)?;
    Ok(IncidentDetail { incident, chronology, current, access, route, files, from_filtering })
}

/// Records in the audit trail that this actor printed an incident (`what` says which form, such as
/// `report` or `chronology`), after checking they may see it.
pub fn record_printed(conn: &Connection, actor: &Actor, incident_id: &str, what: &str) -> Result<(), IncidentError> {
    visible(conn, actor, incident_id)?;
    audit_incident(conn, actor, "incident.printed", incident_id, &format!("form={what}"))
}

/// The search for `text` in the incident index (`search_incidents`, kept by triggers), and the
/// value for its `:words`: any run of three or more characters is found through the trigram index,
/// as a quoted phrase; one or two characters are looked for in the indexed text line by line.
/// Either way the search finds what a case-blind `LIKE '%text%'` over every text field of every
/// entry, and the reference, finds.
fn word_search(text: &str) -> (String, &'static str) {
    if text.chars().count() >= 3 {
        (
            format!("\"{}\"", text.replace('"', "\"\"")),
            "SELECT s.incident_id FROM search_incidents JOIN search_incident_text s ON s.id = search_incidents.rowid
             WHERE search_incidents MATCH :words",
        )
    } else {
        (
            format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")),
            "SELECT s.incident_id FROM search_incident_text s WHERE s.text LIKE :words ESCAPE '\\'",
        )
    }
}

/// The incidents this actor may see that match `filter`, newest first. The statement holds only
/// the conditions the filter sets, so SQLite can answer each from its index (the source and
/// status of open concerns, the kinds of an image decision, the date of a page) rather than
/// reading the whole log to test conditions that do not apply.
pub fn list(conn: &Connection, actor: &Actor, filter: &IncidentFilter) -> Result<Vec<Incident>, IncidentError> {
    let admin = match actor {
        Actor::Admin(id) => Some(id.clone()),
        _ => None,
    };
    let sees_everything = matches!(actor, Actor::RecoveryKey);
    let text = filter.text.trim();
    let mut conditions: Vec<String> = vec!["(incidents.restricted = 0 OR :everything = 1 \
          OR EXISTS (SELECT 1 FROM incident_access a WHERE a.incident_id = incidents.id AND a.admin_id = :admin))"
        .to_owned()];
    let mut bound: Vec<(&str, Box<dyn rusqlite::ToSql>)> =
        vec![(":everything", Box::new(i64::from(sees_everything))), (":admin", Box::new(admin))];
    let mut when = |condition: &str, name: &'static str, value: Option<Box<dyn rusqlite::ToSql>>| {
        if let Some(value) = value {
            conditions.push(condition.to_owned());
            bound.push((name, value));
        }
    };
    when("incidents.status = :status", ":status", filter.status.map(|s| Box::new(s.as_str()) as _));
    when("incidents.category = :category", ":category", filter.category.as_ref().map(|c| Box::new(enum_text(c)) as _));
    when("incidents.occurred_on >= :from", ":from", filter.from.map(|d| Box::new(date_text(d)) as _));
    when("incidents.occurred_on <= :to", ":to", filter.to.map(|d| Box::new(date_text(d)) as _));
    when(
        "incidents.id IN (SELECT p.incident_id FROM incident_people p WHERE p.person_id = :person)",
        ":person",
        filter.person_id.clone().map(|p| Box::new(p) as _),
    );
    when("incidents.source = :source", ":source", filter.source.as_ref().map(|s| Box::new(enum_text(s)) as _));
    let limit = match filter.limit {
        Some(n) => {
            bound.push((":limit", Box::new(i64::from(n))));
            "LIMIT :limit"
        }
        None => "",
    };
    if !text.is_empty() {
        let (words, searched) = word_search(text);
        conditions.push(format!("incidents.id IN ({searched})"));
        bound.push((":words", Box::new(words)));
    }
    if filter.image_decision_due {
        conditions.push(IMAGE_DECISION_DUE.to_owned());
    }
    let sql = format!(
        "SELECT {SELECT_COLUMNS} FROM incidents
         WHERE {}
         ORDER BY incidents.occurred_on DESC, incidents.reference DESC
         {limit}",
        conditions.join(" AND ")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let params: Vec<(&str, &dyn rusqlite::ToSql)> = bound.iter().map(|(name, value)| (*name, value.as_ref())).collect();
    let rows = stmt.query_map(params.as_slice(), from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
