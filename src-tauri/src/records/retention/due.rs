//! Which records have reached their retention review, worked out from each record's own dates and
//! the rules in force, then the latest decision about it.
//!
//! The dates each rule counts from:
//! - an incident (a child-protection record) is due when the youngest young person in it (the
//!   latest date of birth among the young people involved) turns the rule's age, 25 by default.
//!   With no date of birth held it counts from the day it was closed (or happened, if still
//!   open), which is never earlier than the real date could be, and the item says so;
//! - an allegation about staff (an incident marked as one) is due at the later of the member of
//!   staff reaching normal retirement age and the allegation's report date plus the rule's years;
//!   when a young person is involved too, never before the child-protection date. With no date of
//!   birth for the member of staff, only the years count, and the item says so;
//! - an image consent counts from the day it ended: withdrawn, or expired, whichever came first;
//! - an AUP signature or training record counts from the day the person left (their leave date,
//!   else the day they were archived). While they are still here nothing is due. A signing
//!   station signature never matched to a person counts from the day it was signed.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, ToSql};

use super::{RecordKind, RetentionError, RetentionItem, RetentionReview, RetentionRules, RuleCode};
use crate::dates::add_years;
use crate::records::{aup::Audience, DATE_FORMAT};
use crate::store::audit::Actor;

/// A record with the date its rule makes it due, before any decision is taken into account.
pub(super) struct Candidate {
    pub item: RetentionItem,
    /// Set for incidents: kept in the tombstone.
    pub reference: Option<String>,
    /// A restricted incident: only the admins given access see it.
    pub restricted: bool,
}

/// Where a record stands after the latest decision about it.
pub(super) enum Standing {
    Held,
    KeptUntil,
    NotDue,
    Due,
}

/// Which records to work out: all of them, one, the records on a page, or those the summary's
/// triggers marked as changed (`summary_retention_stale`).
#[derive(Clone, Copy)]
pub(super) enum Scope<'a> {
    All,
    One(&'a str),
    /// Ids as a JSON array: one statement reads every record of a page.
    Ids(&'a str),
    Stale,
}

impl Scope<'_> {
    /// The condition on `column` (a record id of `kind`) that keeps the statement to this scope,
    /// with its value bound as `:ids` when it has one.
    fn condition(self, column: &str, kind: RecordKind) -> String {
        match self {
            Scope::All => "1".to_owned(),
            Scope::One(_) => format!("{column} = :ids"),
            Scope::Ids(_) => format!("{column} IN (SELECT value FROM json_each(:ids))"),
            Scope::Stale => format!(
                "{column} IN (SELECT record_id FROM summary_retention_stale WHERE record_kind = '{}')",
                kind.as_str()
            ),
        }
    }

    /// The `:ids` parameter, when the condition has one.
    fn bound(&self) -> Option<(&'static str, &dyn ToSql)> {
        match self {
            Scope::One(id) | Scope::Ids(id) => Some((":ids", id)),
            Scope::All | Scope::Stale => None,
        }
    }
}

fn parse_date(text: Option<String>) -> Option<NaiveDate> {
    // Instants are stored as RFC 3339; their first ten characters are the calendar date.
    text.and_then(|t| NaiveDate::parse_from_str(t.get(..10).unwrap_or(&t), DATE_FORMAT).ok())
}

fn item(
    kind: RecordKind,
    id: String,
    label: String,
    person: Option<String>,
    record_date: NaiveDate,
    rule: RuleCode,
    due_on: NaiveDate,
) -> RetentionItem {
    RetentionItem {
        kind,
        id,
        label,
        person,
        record_date,
        rule,
        due_on,
        date_of_birth_unknown: false,
        kept_before: false,
    }
}

/// The named parameters of a statement: the scope's, then `more`.
fn bound<'a>(scope: &'a Scope<'a>, more: &[(&'a str, &'a dyn ToSql)]) -> Vec<(&'a str, &'a dyn ToSql)> {
    let mut all: Vec<(&str, &dyn ToSql)> = more.to_vec();
    all.extend(scope.bound());
    all
}

fn incidents(
    conn: &Connection,
    actor: &Actor,
    rules: &RetentionRules,
    scope: Scope<'_>,
) -> Result<Vec<Candidate>, RetentionError> {
    let (admin, everything) = match actor {
        Actor::Admin(id) => (Some(id.as_str()), false),
        Actor::RecoveryKey => (None, true),
        Actor::SigningStation | Actor::System => (None, false),
    };
    let mut stmt = conn.prepare_cached(&format!(
        // Each date below is read only for the incidents whose rule uses it (the staff member's
        // birth date and the reporting date for an allegation about staff, the closing date for
        // a closed incident), so the review does not read every incident's report.
        "SELECT i.id, i.reference, i.status, i.occurred_on, i.staff_allegation,
            (SELECT max(p.date_of_birth) FROM incident_people ip JOIN people p ON p.id = ip.person_id
             WHERE ip.incident_id = i.id AND p.person_group = 'youngPerson'),
            CASE WHEN i.staff_allegation = 1 THEN
                (SELECT max(p.date_of_birth) FROM incident_people ip JOIN people p ON p.id = ip.person_id
                 WHERE ip.incident_id = i.id AND ip.role = 'memberOfStaff') END,
            CASE WHEN i.status = 'closed' THEN
                (SELECT max(e.recorded_at) FROM incident_entries e WHERE e.incident_id = i.id AND e.kind = 'status') END,
            CASE WHEN i.staff_allegation = 1 THEN
                (SELECT json_extract(e.body, '$.reportedOn') FROM incident_entries e
                 WHERE e.incident_id = i.id AND e.kind = 'report' ORDER BY e.seq DESC LIMIT 1) END,
            i.restricted
         FROM incidents i
         WHERE {}
           AND (i.restricted = 0 OR :everything = 1
                OR EXISTS (SELECT 1 FROM incident_access a WHERE a.incident_id = i.id AND a.admin_id = :admin))",
        scope.condition("i.id", RecordKind::Incident)
    ))?;
    let everything = i64::from(everything);
    let rows = stmt.query_map(&*bound(&scope, &[(":everything", &everything), (":admin", &admin)]), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            parse_date(r.get(3)?),
            r.get::<_, i64>(4)? == 1,
            parse_date(r.get(5)?),
            parse_date(r.get(6)?),
            parse_date(r.get(7)?),
            parse_date(r.get(8)?),
            r.get::<_, i64>(9)? != 0,
        ))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (id, reference, status, occurred, allegation, youngest, staff_dob, status_changed, reported, restricted) =
            row?;
        let Some(occurred) = occurred else { continue };
        let child_date = youngest.map(|dob| add_years(dob, rules.child_protection.years));
        let (rule, due_on, dob_unknown) = if allegation {
            let from_allegation = add_years(reported.unwrap_or(occurred).max(occurred), rules.staff_allegation.years);
            let retirement = staff_dob.map(|dob| add_years(dob, rules.staff_allegation.retirement_age));
            let later = retirement.map_or(from_allegation, |r| r.max(from_allegation));
            (RuleCode::StaffAllegation, child_date.map_or(later, |c| c.max(later)), staff_dob.is_none())
        } else {
            match child_date {
                Some(date) => (RuleCode::ChildProtection, date, false),
                None => {
                    let closed = if status == "closed" { status_changed } else { None };
                    (
                        RuleCode::ChildProtection,
                        add_years(closed.unwrap_or(occurred).max(occurred), rules.child_protection.years),
                        true,
                    )
                }
            }
        };
        let label = format!("Incident {reference}");
        found.push(Candidate {
            item: RetentionItem {
                date_of_birth_unknown: dob_unknown,
                ..item(RecordKind::Incident, id, label, None, occurred, rule, due_on)
            },
            reference: Some(reference),
            restricted,
        });
    }
    Ok(found)
}

fn image_consents(
    conn: &Connection,
    rules: &RetentionRules,
    scope: Scope<'_>,
) -> Result<Vec<Candidate>, RetentionError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, coalesce(p.full_name, c.about_name), c.given_on, c.expires_on, c.withdrawn_on
         FROM image_consents c LEFT JOIN people p ON p.id = c.person_id
         WHERE {}",
        scope.condition("c.id", RecordKind::ImageConsent)
    ))?;
    let rows = stmt.query_map(&*bound(&scope, &[]), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            parse_date(r.get(2)?),
            parse_date(r.get(3)?),
            parse_date(r.get(4)?),
        ))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (id, person, given, expires, withdrawn) = row?;
        let (Some(given), Some(expires)) = (given, expires) else { continue };
        let ended = withdrawn.map_or(expires, |w| w.min(expires));
        let due_on = add_years(ended, rules.image_consent.years);
        let label = if withdrawn.is_some() { "Image consent (withdrawn)" } else { "Image consent" }.to_owned();
        found.push(Candidate {
            item: item(RecordKind::ImageConsent, id, label, Some(person), given, RuleCode::ImageConsent, due_on),
            reference: None,
            restricted: false,
        });
    }
    Ok(found)
}

/// The day a person left: their leave date, else the day they were archived.
fn left_on(leave: Option<NaiveDate>, archived: Option<NaiveDate>) -> Option<NaiveDate> {
    leave.or(archived)
}

fn signatures(conn: &Connection, rules: &RetentionRules, scope: Scope<'_>) -> Result<Vec<Candidate>, RetentionError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT s.id, coalesce(p.full_name, s.declared_name), a.audience, v.number, s.signed_at,
                s.person_id IS NULL, p.leave_date, p.archived_at
         FROM signatures s
         JOIN aup_versions v ON v.id = s.aup_version_id
         JOIN aups a ON a.id = v.aup_id
         LEFT JOIN people p ON p.id = s.person_id
         WHERE {}
           -- Only a signature matched to nobody, or a person who has left, has a date to count
           -- from (below): the rest are never read.
           AND (s.person_id IS NULL OR p.leave_date IS NOT NULL OR p.archived_at IS NOT NULL)",
        scope.condition("s.id", RecordKind::AupSignature)
    ))?;
    let rows = stmt.query_map(&*bound(&scope, &[]), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            parse_date(r.get(4)?),
            r.get::<_, bool>(5)?,
            parse_date(r.get(6)?),
            parse_date(r.get(7)?),
        ))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (id, person, audience, number, signed, unmatched, leave, archived) = row?;
        let Some(signed) = signed else { continue };
        let from = if unmatched { Some(signed) } else { left_on(leave, archived) };
        let Some(from) = from else { continue };
        let audience = Audience::from_stored(&audience).map_or("AUP", Audience::label);
        let label = format!("AUP signature: {audience}, version {number}");
        let due_on = add_years(from.max(signed), rules.aup_signature.years);
        found.push(Candidate {
            item: item(RecordKind::AupSignature, id, label, person, signed, RuleCode::AupSignature, due_on),
            reference: None,
            restricted: false,
        });
    }
    Ok(found)
}

fn training(conn: &Connection, rules: &RetentionRules, scope: Scope<'_>) -> Result<Vec<Candidate>, RetentionError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT t.id, p.full_name, c.name, t.completed_on, p.leave_date, p.archived_at
         FROM people p
         JOIN training_records t ON t.person_id = p.id
         JOIN courses c ON c.id = t.course_id
         -- Only the training of people who have left has a date to count from (below): read
         -- from the people, so the training of everyone still here is never read.
         WHERE (p.leave_date IS NOT NULL OR p.archived_at IS NOT NULL) AND {}",
        scope.condition("t.id", RecordKind::TrainingRecord)
    ))?;
    let rows = stmt.query_map(&*bound(&scope, &[]), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            parse_date(r.get(3)?),
            parse_date(r.get(4)?),
            parse_date(r.get(5)?),
        ))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (id, person, course, completed, leave, archived) = row?;
        let (Some(completed), Some(left)) = (completed, left_on(leave, archived)) else { continue };
        let due_on = add_years(left.max(completed), rules.training.years);
        found.push(Candidate {
            item: item(
                RecordKind::TrainingRecord,
                id,
                format!("Training: {course}"),
                Some(person),
                completed,
                RuleCode::Training,
                due_on,
            ),
            reference: None,
            restricted: false,
        });
    }
    Ok(found)
}

/// Every record of one kind (or of every kind), in `scope`, with its rule's due date.
pub(super) fn candidates(
    conn: &Connection,
    actor: &Actor,
    kind: Option<RecordKind>,
    scope: Scope<'_>,
) -> Result<Vec<Candidate>, RetentionError> {
    let rules = super::rules(conn)?;
    let mut found = Vec::new();
    let wanted = |k: RecordKind| kind.is_none_or(|w| w == k);
    if wanted(RecordKind::Incident) {
        found.extend(incidents(conn, actor, &rules, scope)?);
    }
    if wanted(RecordKind::ImageConsent) {
        found.extend(image_consents(conn, &rules, scope)?);
    }
    if wanted(RecordKind::AupSignature) {
        found.extend(signatures(conn, &rules, scope)?);
    }
    if wanted(RecordKind::TrainingRecord) {
        found.extend(training(conn, &rules, scope)?);
    }
    Ok(found)
}

/// A record named by its kind and id, as the decisions table stores them.
type RecordKey = (String, String);

/// The latest decision about each record (of `kind`, or of every kind) in `scope`: (decision,
/// next review).
pub(super) fn latest_decisions(
    conn: &Connection,
    kind: Option<RecordKind>,
    scope: Scope<'_>,
) -> Result<HashMap<RecordKey, (String, Option<NaiveDate>)>, RetentionError> {
    let condition = match kind {
        Some(kind) => format!("record_kind = '{}' AND {}", kind.as_str(), scope.condition("record_id", kind)),
        None => "1".to_owned(),
    };
    // rowid order is insertion order, which stays right when two decisions share a second.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT record_kind, record_id, decision, next_review FROM retention_decisions
         WHERE rowid IN (SELECT max(rowid) FROM retention_decisions WHERE {condition}
                         GROUP BY record_kind, record_id)"
    ))?;
    let rows = stmt.query_map(&*bound(&scope, &[]), |r| {
        Ok(((r.get::<_, String>(0)?, r.get::<_, String>(1)?), (r.get::<_, String>(2)?, parse_date(r.get(3)?))))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Applies the latest decision to a candidate: moves its due date to a "keep" review date.
pub(super) fn standing(
    item: &mut RetentionItem,
    latest: Option<&(String, Option<NaiveDate>)>,
    today: NaiveDate,
) -> Standing {
    match latest {
        Some((decision, _)) if decision == "legalHold" => return Standing::Held,
        Some((decision, Some(next))) if decision == "keep" => {
            item.kept_before = true;
            if *next > today {
                return Standing::KeptUntil;
            }
            item.due_on = item.due_on.max(*next);
            return if item.due_on <= today { Standing::Due } else { Standing::NotDue };
        }
        _ => {}
    }
    if item.due_on <= today {
        Standing::Due
    } else {
        Standing::NotDue
    }
}

/// The whole review page: records due (soonest first) and records on legal hold.
pub fn review(conn: &Connection, actor: &Actor, today: NaiveDate) -> Result<RetentionReview, RetentionError> {
    let latest = latest_decisions(conn, None, Scope::All)?;
    let mut due = Vec::new();
    let mut on_hold = Vec::new();
    for mut candidate in candidates(conn, actor, None, Scope::All)? {
        let key = (candidate.item.kind.as_str().to_owned(), candidate.item.id.clone());
        match standing(&mut candidate.item, latest.get(&key), today) {
            Standing::Due => due.push(candidate.item),
            Standing::Held => on_hold.push(candidate.item),
            Standing::KeptUntil | Standing::NotDue => {}
        }
    }
    due.sort_by(|a, b| a.due_on.cmp(&b.due_on).then_with(|| a.label.cmp(&b.label)));
    on_hold.sort_by(|a, b| a.label.cmp(&b.label));
    Ok(RetentionReview { due, on_hold })
}

/// Records whose review date has come: not kept until a later date, and not on legal hold.
pub fn due(conn: &Connection, actor: &Actor, today: NaiveDate) -> Result<Vec<RetentionItem>, RetentionError> {
    Ok(review(conn, actor, today)?.due)
}

/// Records on legal hold.
pub fn on_hold(conn: &Connection, actor: &Actor, today: NaiveDate) -> Result<Vec<RetentionItem>, RetentionError> {
    Ok(review(conn, actor, today)?.on_hold)
}
