//! Storage for the policy register, version histories and the filtering log. Every change runs in
//! one transaction with its audit entry; audit details hold ids only.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{
    FilteringEntry, FilteringKind, LinkedIncident, LoggedFiltering, Policy, PolicyDate, PolicyDetail, PolicyDraft,
    PolicyDue, PolicyError, PolicyField, PolicyReview, PolicyVersion, ReviewTrigger, Topic, NEXT_REVIEW_MAX_YEARS,
};
use crate::records::text::single_spaced;
use crate::records::{date_column, date_text, new_id, now_utc, DATE_FORMAT};
use crate::reminders::{DueStatus, Renewal};
use crate::store::audit::{self, Actor, Entry};

const NAME_MAX: usize = 120;
const SHORT_MAX: usize = 100;
const VERSION_MAX: usize = 20;
const TEXT_MAX: usize = 2_000;

fn audit_entry(conn: &Connection, actor: &Actor, action: &str, kind: &str, id: &str) -> Result<(), PolicyError> {
    audit::append(conn, actor, &Entry { action, subject_kind: kind, subject_id: id, detail: "" })?;
    Ok(())
}

fn required(text: &str, max: usize, field: PolicyField) -> Result<String, PolicyError> {
    let t = single_spaced(text);
    if t.is_empty() {
        return Err(PolicyError::Missing(field));
    }
    if t.chars().count() > max {
        return Err(PolicyError::TooLong { field, max });
    }
    Ok(t)
}

fn optional(text: Option<&str>, max: usize, field: PolicyField) -> Result<Option<String>, PolicyError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) if t.chars().count() > max => Err(PolicyError::TooLong { field, max }),
        Some(t) => Ok(Some(t.to_owned())),
    }
}

/// Refuses a date after `today` or before 1990.
fn past_date(on: NaiveDate, today: NaiveDate, date: PolicyDate) -> Result<(), PolicyError> {
    if on > today {
        return Err(PolicyError::DateInFuture(date));
    }
    if on < earliest() {
        return Err(PolicyError::DateBefore1990(date));
    }
    Ok(())
}

fn parse_date(text: &str, index: usize) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, DATE_FORMAT)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e)))
}

/// Every policy with its latest version, in the register's order (retired ones last, when asked).
fn policies(
    conn: &Connection,
    today: NaiveDate,
    include_retired: bool,
    only: Option<&str>,
) -> Result<Vec<Policy>, PolicyError> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name, p.topic, p.owner, p.review_months, p.retired_at,
                v.version, v.reviewed_on, v.next_review,
                EXISTS (SELECT 1 FROM policy_documents d WHERE d.policy_id = p.id)
         FROM policies p
         LEFT JOIN policy_versions v ON v.id = (
             SELECT id FROM policy_versions WHERE policy_id = p.id ORDER BY reviewed_on DESC, recorded_at DESC LIMIT 1)
         WHERE (?1 = 1 OR p.retired_at IS NULL) AND (?2 IS NULL OR p.id = ?2)
         ORDER BY p.retired_at IS NOT NULL, p.position, p.name",
    )?;
    let rows = stmt.query_map(params![i64::from(include_retired), only], |r| {
        let next_review = date_column(r, 8)?;
        let has_version = r.get::<_, Option<String>>(6)?.is_some();
        Ok(Policy {
            id: r.get(0)?,
            name: r.get(1)?,
            topic: Topic::from_stored(&r.get::<_, String>(2)?),
            owner: r.get(3)?,
            review_months: r.get(4)?,
            retired: r.get::<_, Option<String>>(5)?.is_some(),
            current_version: r.get(6)?,
            last_reviewed: date_column(r, 7)?,
            next_review,
            status: if has_version { DueStatus::of(next_review, today) } else { DueStatus::NeverDone },
            has_document: r.get::<_, i64>(9)? == 1,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every policy in the register with its latest review and where its next review stands on `today`,
/// in the register's order; retired ones last, and only when `include_retired`.
pub fn list(conn: &Connection, today: NaiveDate, include_retired: bool) -> Result<Vec<Policy>, PolicyError> {
    policies(conn, today, include_retired, None)
}

/// One policy, retired or not, with its whole version history, oldest first.
pub fn get(conn: &Connection, id: &str, today: NaiveDate) -> Result<PolicyDetail, PolicyError> {
    let policy = policies(conn, today, true, Some(id))?.into_iter().next().ok_or(PolicyError::NotFound)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, version, purpose, lead, reviewed_on, next_review, trigger, approved_by, approved_on, recorded_at
         FROM policy_versions WHERE policy_id = ?1 ORDER BY reviewed_on, recorded_at",
    )?;
    let history = stmt
        .query_map([id], |r| {
            Ok(PolicyVersion {
                id: r.get(0)?,
                version: r.get(1)?,
                purpose: r.get(2)?,
                lead: r.get(3)?,
                reviewed_on: parse_date(&r.get::<_, String>(4)?, 4)?,
                next_review: parse_date(&r.get::<_, String>(5)?, 5)?,
                trigger: ReviewTrigger::from_stored(&r.get::<_, String>(6)?).unwrap_or(ReviewTrigger::Other),
                approved_by: r.get(7)?,
                approved_on: date_column(r, 8)?,
                recorded_at: r.get(9)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(PolicyDetail { policy, history })
}

/// Adds a policy (`id` is `None`) or changes one's name, owner or review cycle. A new cycle moves
/// the next review only from the next review recorded; the history is never rewritten.
pub fn save(
    conn: &mut Connection,
    actor: &Actor,
    id: Option<&str>,
    draft: &PolicyDraft,
    today: NaiveDate,
) -> Result<Policy, PolicyError> {
    let name = required(&draft.name, NAME_MAX, PolicyField::Name)?;
    let owner = single_spaced(&draft.owner);
    if owner.chars().count() > SHORT_MAX {
        return Err(PolicyError::TooLong { field: PolicyField::Owner, max: SHORT_MAX });
    }
    if !(1..=60).contains(&draft.review_months) {
        return Err(PolicyError::ReviewCycleOutOfRange);
    }
    let tx = conn.transaction()?;
    let now = now_utc();
    let id = match id {
        Some(id) => {
            let changed = tx.execute(
                "UPDATE policies SET name = ?2, owner = ?3, review_months = ?4, updated_at = ?5 WHERE id = ?1",
                params![id, name, owner, draft.review_months, now],
            )?;
            if changed == 0 {
                return Err(PolicyError::NotFound);
            }
            audit_entry(&tx, actor, "policy.changed", "policy", id)?;
            id.to_owned()
        }
        None => {
            let id = new_id();
            tx.execute(
                "INSERT INTO policies (id, name, owner, review_months, position, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, (SELECT COALESCE(MAX(position), 0) + 1 FROM policies), ?5, ?5)",
                params![id, name, owner, draft.review_months, now],
            )?;
            audit_entry(&tx, actor, "policy.added", "policy", &id)?;
            id
        }
    };
    let saved = policies(&tx, today, true, Some(&id))?.into_iter().next().ok_or(PolicyError::NotFound)?;
    tx.commit()?;
    Ok(saved)
}

/// Takes a policy out of the register (its history stays) or brings it back.
pub fn retire(conn: &mut Connection, actor: &Actor, id: &str, retired: bool) -> Result<(), PolicyError> {
    let tx = conn.transaction()?;
    let changed = tx.execute(
        "UPDATE policies SET retired_at = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, retired.then(now_utc), now_utc()],
    )?;
    if changed == 0 {
        return Err(PolicyError::NotFound);
    }
    audit_entry(&tx, actor, if retired { "policy.retired" } else { "policy.restored" }, "policy", id)?;
    tx.commit()?;
    Ok(())
}

fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Records a review: adds a row to the version history and moves the next review date to the
/// date set by hand, or else to the review date plus the policy's cycle (an early review restarts
/// the cycle too).
pub fn record_review(
    conn: &mut Connection,
    actor: &Actor,
    policy_id: &str,
    review: &PolicyReview,
    today: NaiveDate,
) -> Result<PolicyVersion, PolicyError> {
    let version = required(&review.version, VERSION_MAX, PolicyField::Version)?;
    let lead = required(&review.lead, SHORT_MAX, PolicyField::Lead)?;
    let change = optional(review.change.as_deref(), TEXT_MAX, PolicyField::Change)?;
    let approved_by = optional(review.approved_by.as_deref(), SHORT_MAX, PolicyField::ApprovedBy)?;
    past_date(review.reviewed_on, today, PolicyDate::Reviewed)?;
    if let Some(on) = review.approved_on {
        if on > today {
            return Err(PolicyError::DateInFuture(PolicyDate::Approved));
        }
        if on < review.reviewed_on {
            return Err(PolicyError::ApprovedBeforeReview);
        }
    }
    if let Some(set) = review.next_review {
        if set <= review.reviewed_on {
            return Err(PolicyError::NextReviewNotAfterReview);
        }
        let furthest = Renewal::Months { months: NEXT_REVIEW_MAX_YEARS * 12 }.next_due(review.reviewed_on);
        if furthest.is_none_or(|furthest| set > furthest) {
            return Err(PolicyError::NextReviewTooFar);
        }
    }
    let tx = conn.transaction()?;
    let months: u32 = tx
        .query_row("SELECT review_months FROM policies WHERE id = ?1", [policy_id], |r| r.get(0))
        .optional()?
        .ok_or(PolicyError::NotFound)?;
    let taken: bool = tx
        .query_row("SELECT 1 FROM policy_versions WHERE policy_id = ?1 AND version = ?2", [policy_id, &version], |_| {
            Ok(())
        })
        .optional()?
        .is_some();
    if taken {
        return Err(PolicyError::DuplicateVersion(version));
    }
    let purpose = match (review.trigger, &change) {
        (ReviewTrigger::NewPolicy, None) => "New policy".to_owned(),
        (trigger, None) => format!("{}: no change", trigger.purpose_prefix()),
        (trigger, Some(what)) => format!("{}: {what}", trigger.purpose_prefix()),
    };
    let next_review = match review.next_review {
        Some(set) => set,
        None => Renewal::Months { months }.next_due(review.reviewed_on).ok_or(PolicyError::NextReviewOutOfRange)?,
    };
    let id = new_id();
    let now = now_utc();
    tx.execute(
        "INSERT INTO policy_versions (id, policy_id, version, purpose, lead, reviewed_on, next_review, trigger,
             approved_by, approved_on, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            id,
            policy_id,
            version,
            purpose,
            lead,
            date_text(review.reviewed_on),
            date_text(next_review),
            review.trigger.as_str(),
            approved_by,
            review.approved_on.map(date_text),
            now,
            actor.as_stored()
        ],
    )?;
    audit_entry(&tx, actor, "policy.reviewed", "policy", policy_id)?;
    tx.commit()?;
    Ok(PolicyVersion {
        id,
        version,
        purpose,
        lead,
        reviewed_on: review.reviewed_on,
        next_review,
        trigger: review.trigger,
        approved_by,
        approved_on: review.approved_on,
        recorded_at: now,
    })
}

/// The filtering log, newest first, each line with its id and the incident a breach was recorded
/// as, if any.
pub fn filtering_log(conn: &Connection) -> Result<Vec<LoggedFiltering>, PolicyError> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.happened_on, f.kind, f.what, f.who, f.why, f.id, i.id, i.reference FROM filtering_log f
         LEFT JOIN filtering_incidents fi ON fi.filtering_id = f.id
         LEFT JOIN incidents i ON i.id = fi.incident_id
         ORDER BY f.happened_on DESC, f.recorded_at DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        let incident = match (r.get::<_, Option<String>>(6)?, r.get::<_, Option<String>>(7)?) {
            (Some(id), Some(reference)) => Some(LinkedIncident { id, reference }),
            _ => None,
        };
        Ok(LoggedFiltering {
            id: r.get(5)?,
            entry: FilteringEntry {
                happened_on: parse_date(&r.get::<_, String>(0)?, 0)?,
                kind: if r.get::<_, String>(1)? == "breach" { FilteringKind::Breach } else { FilteringKind::Change },
                what: r.get(2)?,
                who: r.get(3)?,
                why: r.get(4)?,
            },
            incident,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Adds a change or a breach to the filtering log and returns it as saved, its text tidied. The
/// date must be from 1 January 1990 to today.
pub fn add_filtering_entry(
    conn: &mut Connection,
    actor: &Actor,
    entry: &FilteringEntry,
    today: NaiveDate,
) -> Result<FilteringEntry, PolicyError> {
    past_date(entry.happened_on, today, PolicyDate::FilteringHappened)?;
    let saved = FilteringEntry {
        happened_on: entry.happened_on,
        kind: entry.kind,
        what: required(&entry.what, TEXT_MAX, PolicyField::FilteringWhat)?,
        who: required(&entry.who, SHORT_MAX, PolicyField::FilteringWho)?,
        why: required(&entry.why, TEXT_MAX, PolicyField::FilteringWhy)?,
    };
    let tx = conn.transaction()?;
    let id = new_id();
    tx.execute(
        "INSERT INTO filtering_log (id, happened_on, kind, what, who, why, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            date_text(saved.happened_on),
            if saved.kind == FilteringKind::Breach { "breach" } else { "change" },
            saved.what,
            saved.who,
            saved.why,
            now_utc(),
            actor.as_stored()
        ],
    )?;
    audit_entry(&tx, actor, "filtering.logged", "filtering", &id)?;
    tx.commit()?;
    Ok(saved)
}

/// Policies whose review is overdue or due within 90 days, and those with no review recorded,
/// most urgent first.
pub fn due_items(conn: &Connection, today: NaiveDate) -> Result<Vec<PolicyDue>, PolicyError> {
    let mut items: Vec<PolicyDue> = list(conn, today, false)?
        .into_iter()
        .filter(|p| p.status != DueStatus::InDate)
        .map(|p| PolicyDue { policy_id: p.id, name: p.name, topic: p.topic, due: p.next_review, status: p.status })
        .collect();
    items.sort_by(|a, b| (a.status, a.due, &a.name).cmp(&(b.status, b.due, &b.name)));
    Ok(items)
}

/// The desktop notification to raise at unlock about the yearly online-safety policy review, if
/// one is due: overdue, due within 30 days, or never recorded. Fixed words only, so the
/// notification (which the operating system may show over a locked screen) holds no personal data.
pub fn yearly_review_notice(conn: &Connection, today: NaiveDate) -> Result<Option<&'static str>, PolicyError> {
    let policy = list(conn, today, false)?.into_iter().find(|p| p.topic == Topic::OnlineSafety);
    Ok(policy.and_then(|p| match p.status {
        DueStatus::Overdue => {
            Some("The yearly review of your online-safety policy is overdue. The dashboard says when it was due.")
        }
        DueStatus::DueIn30 => Some("The yearly review of your online-safety policy is due within 30 days."),
        DueStatus::NeverDone => Some("Safekeeper has no review of your online-safety policy on record yet."),
        _ => None,
    }))
}
