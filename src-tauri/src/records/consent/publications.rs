//! The publications log (where images of whom were used) and the take-down list it feeds: every
//! logged publication of a person whose consent for that use no longer stands, until someone ticks
//! it off as removed or as impossible to remove.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rules::{self, long_date, Reason};
use super::store::{for_person, recorder_name};
use super::{
    check_len, is_ongoing_use, is_use_key, settings, wording, ConsentDate, ConsentError, ConsentField, ImageConsent,
    MAX_TEXT,
};
use crate::records::text::trimmed_or_none;
use crate::records::{date_column, date_text, new_id, now_utc};
use crate::store::audit::{self, Actor, Entry};

/// What the admin logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicationDraft {
    /// The UK date it was published (`YYYY-MM-DD`); not in the future.
    #[ts(type = "string")]
    pub published_on: NaiveDate,
    /// The use it was published under: `website`, `print`, `press`, `display`, `video` or
    /// `social:<account id>`.
    pub use_key: String,
    /// What was published: "Summer trip photos, news page".
    pub description: String,
    /// A web address, if there is one.
    pub link: Option<String>,
    /// The people who appear in it, by their ids in the people register; at least one.
    pub person_ids: Vec<String>,
}

/// A publication as logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Publication {
    /// The publication's id (a UUID), as stored in `publications.id`.
    pub id: String,
    /// The UK date it was published (`YYYY-MM-DD`).
    #[ts(type = "string")]
    pub published_on: NaiveDate,
    /// The use it was published under, as a use key.
    pub use_key: String,
    /// The use as the form names it, such as "Our website".
    pub use_label: String,
    /// What was published, as logged.
    pub description: String,
    /// Its web address; `None` when it has none.
    pub link: Option<String>,
    /// Who appears, as (id, display name), by name.
    pub people: Vec<PublicationPerson>,
    /// The name of the admin who logged it ("Recovery key" when the recovery key was used).
    pub recorded_by: String,
}

/// Someone who appears in a logged publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicationPerson {
    /// Their id in the people register.
    pub person_id: String,
    /// Their full name from the people register.
    pub display_name: String,
}

/// One image of one person to take down from one publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TakedownItem {
    /// The publication the image is in.
    pub publication_id: String,
    /// The person whose image must come down, by their id in the people register.
    pub person_id: String,
    /// Their full name from the people register.
    pub display_name: String,
    /// The UK date the publication was published (`YYYY-MM-DD`).
    #[ts(type = "string")]
    pub published_on: NaiveDate,
    /// The use it was published under, as the form names it.
    pub use_label: String,
    /// What was published, as logged.
    pub description: String,
    /// Its web address; `None` when it has none.
    pub link: Option<String>,
    /// Why it must come down: "Consent withdrawn on 4 May 2026."
    pub why: String,
    /// Why it must come down, as the check's reason (withdrawn, expired, refused or not asked).
    pub reason: Reason,
}

/// How many take-downs are outstanding, up to a cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TakedownCount {
    /// How many, but never more than the cap asked for.
    pub count: u32,
    /// True when there are more than `count`.
    pub more: bool,
}

/// A take-down ticked off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TakedownDone {
    /// The publication the image was in.
    pub publication_id: String,
    /// The person whose image it is, by their id in the people register.
    pub person_id: String,
    /// The image came down (true) or cannot be removed, such as a printed newsletter (false).
    pub removed: bool,
    /// The UK date it came down or was found impossible to remove (`YYYY-MM-DD`); not in the future.
    #[ts(type = "string")]
    pub done_on: NaiveDate,
    /// Who took it down.
    pub done_by: String,
    /// Anything else to say (up to 2,000 characters); required when the image cannot be removed, to say why.
    pub note: Option<String>,
}

fn label_for(accounts: &[(String, String)], key: &str) -> String {
    wording::use_title(key, accounts)
}

/// Logs where an image was used and who is in it.
pub fn add_publication(
    conn: &mut Connection,
    actor: &Actor,
    draft: &PublicationDraft,
    today: NaiveDate,
) -> Result<Publication, ConsentError> {
    if !is_use_key(&draft.use_key) {
        return Err(ConsentError::PublicationUseMissing);
    }
    let description =
        trimmed_or_none(Some(&draft.description)).ok_or(ConsentError::Missing(ConsentField::Description))?;
    check_len(Some(&description), ConsentField::Description)?;
    let link = trimmed_or_none(draft.link.as_deref());
    if link.as_ref().is_some_and(|l| l.chars().count() > MAX_TEXT || l.contains(char::is_whitespace)) {
        return Err(ConsentError::LinkNotAnAddress);
    }
    if draft.published_on > today {
        return Err(ConsentError::DateInFuture(ConsentDate::Published));
    }
    if draft.person_ids.is_empty() {
        return Err(ConsentError::NoPeopleChosen);
    }
    let tx = conn.transaction()?;
    let id = new_id();
    let by = recorder_name(&tx, actor)?;
    tx.execute(
        "INSERT INTO publications (id, published_on, use_key, description, link, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, date_text(draft.published_on), draft.use_key, description, link, now_utc(), by],
    )?;
    for person in &draft.person_ids {
        let exists: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)", [person], |r| r.get(0))?;
        if !exists {
            return Err(ConsentError::PersonNotFound);
        }
        tx.execute(
            "INSERT OR IGNORE INTO publication_people (publication_id, person_id) VALUES (?1, ?2)",
            params![id, person],
        )?;
    }
    let detail = format!("use={};people={}", draft.use_key, draft.person_ids.len());
    audit::append(
        &tx,
        actor,
        &Entry { action: "publication.logged", subject_kind: "publication", subject_id: &id, detail: &detail },
    )?;
    tx.commit()?;
    publications(conn, None)?.into_iter().find(|p| p.id == id).ok_or(ConsentError::PublicationNotFound)
}

/// The log, newest first; only one person's when `person_id` is given.
pub fn publications(conn: &Connection, person_id: Option<&str>) -> Result<Vec<Publication>, ConsentError> {
    let accounts = settings::account_pairs(conn, true)?;
    let filter = if person_id.is_some() {
        "WHERE p.id IN (SELECT publication_id FROM publication_people WHERE person_id = ?1)"
    } else {
        "WHERE ?1 IS NULL"
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.published_on, p.use_key, p.description, p.link, p.recorded_by FROM publications p {filter}
         ORDER BY p.published_on DESC, p.recorded_at DESC"
    ))?;
    let mut list = stmt
        .query_map([person_id], |r| {
            let use_key: String = r.get(2)?;
            Ok(Publication {
                id: r.get(0)?,
                published_on: date_column(r, 1)?.unwrap_or_default(),
                use_label: label_for(&accounts, &use_key),
                use_key,
                description: r.get(3)?,
                link: r.get(4)?,
                people: Vec::new(),
                recorded_by: r.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut people = conn.prepare_cached(
        "SELECT pe.id, pe.full_name FROM publication_people pp JOIN people pe ON pe.id = pp.person_id
         WHERE pp.publication_id = ?1",
    )?;
    for p in &mut list {
        p.people = people
            .query_map([&p.id], |r| {
                Ok(PublicationPerson { person_id: r.get(0)?, display_name: r.get::<_, String>(1)? })
            })?
            .collect::<Result<_, _>>()?;
        p.people.sort_by_cached_key(|x| x.display_name.to_lowercase());
    }
    Ok(list)
}

/// Whether a person's standing for a use on a day means an image already published must come down.
/// A refusal or withdrawal takes everything down; an expired consent takes down only what is still
/// on show (not printed material or press coverage); no consent ever recorded is not a take-down.
fn must_come_down(reason: Reason, use_key: &str) -> bool {
    match reason {
        Reason::Withdrawn | Reason::Refused | Reason::NotAsked => true,
        Reason::Expired => is_ongoing_use(use_key),
        _ => false,
    }
}

/// Everything to take down on `on`: each person in a logged publication whose consent for that
/// use no longer stands, not yet ticked off. Oldest publication first. With `person_id`, only theirs.
pub fn takedown_list(
    conn: &Connection,
    on: NaiveDate,
    person_id: Option<&str>,
) -> Result<Vec<TakedownItem>, ConsentError> {
    takedown_page(conn, on, person_id, None)
}

/// The start of the take-down list: its first `limit` items (all of them with `None`), in the
/// list's order. The pairs are read oldest publication first from the index on the publication
/// date and each person's consents are read when first needed, so a page costs about the same
/// however long the whole list is.
pub fn takedown_page(
    conn: &Connection,
    on: NaiveDate,
    person_id: Option<&str>,
    limit: Option<usize>,
) -> Result<Vec<TakedownItem>, ConsentError> {
    let own_age = settings::consent_settings(conn)?.own_consent_age;
    let accounts = settings::account_pairs(conn, true)?;
    // Two statements rather than `?1 IS NULL OR pp.person_id = ?1`, which SQLite cannot answer
    // from the index on person_id: one person's page must not read every publication. The whole
    // list is ordered by date and rowid (the order logged within a day), which the index on
    // `published_on` gives the whole list without sorting.
    // (`CROSS JOIN` keeps SQLite reading the publications first, in that index's order.)
    let (pairs, whose, order) = if person_id.is_some() {
        (
            "publication_people pp JOIN publications p ON p.id = pp.publication_id",
            "pp.person_id = ?1",
            "p.published_on, p.rowid",
        )
    } else {
        (
            "publications p CROSS JOIN publication_people pp ON pp.publication_id = p.id",
            "?1 IS NULL",
            "p.published_on, p.rowid",
        )
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.published_on, p.use_key, p.description, p.link, pe.id, pe.full_name, pe.date_of_birth
         FROM {pairs}
         JOIN people pe ON pe.id = pp.person_id
         WHERE NOT EXISTS (SELECT 1 FROM takedowns t WHERE t.publication_id = pp.publication_id AND t.person_id = pp.person_id)
           AND {whose}
         ORDER BY {order}"
    ))?;
    let mut consents: HashMap<String, Vec<ImageConsent>> = HashMap::new();
    let mut out = Vec::new();
    let mut rows = stmt.query([person_id])?;
    while let Some(r) = rows.next()? {
        if limit.is_some_and(|limit| out.len() >= limit) {
            break;
        }
        let person: String = r.get(5)?;
        let use_key: String = r.get(2)?;
        if !consents.contains_key(&person) {
            let theirs = for_person(conn, &person)?;
            consents.insert(person.clone(), theirs);
        }
        let theirs = consents.get(&person).map(Vec::as_slice).unwrap_or_default();
        let name: String = r.get(6)?;
        let subject = rules::Subject { person_id: &person, display_name: &name, date_of_birth: date_column(r, 7)? };
        let label = wording::use_label(&use_key, &accounts);
        let answer = rules::answer(&subject, theirs, &use_key, &label, false, on, own_age);
        if answer.allowed || !must_come_down(answer.reason, &use_key) {
            continue;
        }
        let why = match (answer.reason, rules::in_force(theirs, on)) {
            (Reason::Withdrawn, Some(c)) => match &c.withdrawal {
                Some(w) => format!("Consent withdrawn on {}.", long_date(w.on)),
                None => "Consent withdrawn.".to_owned(),
            },
            (Reason::Expired, Some(c)) => format!("Consent expired on {}.", long_date(c.expires_on)),
            (_, Some(c)) => format!("Consent for this use refused on {}.", long_date(c.given_on)),
            _ => "No consent for this use.".to_owned(),
        };
        out.push(TakedownItem {
            publication_id: r.get(0)?,
            person_id: person,
            display_name: name,
            published_on: date_column(r, 1)?.unwrap_or_default(),
            use_label: label_for(&accounts, &use_key),
            description: r.get(3)?,
            link: r.get(4)?,
            why,
            reason: answer.reason,
        });
    }
    Ok(out)
}

/// How far the dashboard and the consent page count take-downs: past it they say "more than".
pub const TAKEDOWN_COUNT_CAP: u32 = 100;

/// How many take-downs are outstanding, counted up to `cap`: the dashboard and the consent page
/// show the number, and past `cap` only that there are at least that many.
pub fn takedown_count(conn: &Connection, on: NaiveDate, cap: u32) -> Result<TakedownCount, ConsentError> {
    let cap_items = usize::try_from(cap).unwrap_or(usize::MAX);
    let found = takedown_page(conn, on, None, Some(cap_items.saturating_add(1)))?.len();
    Ok(TakedownCount { count: u32::try_from(found.min(cap_items)).unwrap_or(cap), more: found > cap_items })
}

/// Ticks one take-down off the list.
pub fn record_takedown(
    conn: &mut Connection,
    actor: &Actor,
    done: &TakedownDone,
    today: NaiveDate,
) -> Result<(), ConsentError> {
    let done_by = trimmed_or_none(Some(&done.done_by)).ok_or(ConsentError::Missing(ConsentField::TakenDownBy))?;
    check_len(Some(&done_by), ConsentField::TakenDownBy)?;
    check_len(done.note.as_deref(), ConsentField::Note)?;
    if done.done_on > today {
        return Err(ConsentError::DateInFuture(ConsentDate::TakenDown));
    }
    if !done.removed && trimmed_or_none(done.note.as_deref()).is_none() {
        return Err(ConsentError::Missing(ConsentField::CannotRemoveWhy));
    }
    let tx = conn.transaction()?;
    let in_it: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM publication_people WHERE publication_id = ?1 AND person_id = ?2",
            params![done.publication_id, done.person_id],
            |r| r.get(0),
        )
        .optional()?;
    if in_it.is_none() {
        return Err(ConsentError::PublicationNotFound);
    }
    let by = recorder_name(&tx, actor)?;
    let outcome = if done.removed { "removed" } else { "cannotRemove" };
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO takedowns (publication_id, person_id, outcome, done_on, done_by, note, recorded_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            done.publication_id,
            done.person_id,
            outcome,
            date_text(done.done_on),
            done_by,
            trimmed_or_none(done.note.as_deref()),
            now_utc(),
            by
        ],
    )?;
    if inserted == 0 {
        return Err(ConsentError::TakedownAlreadyDone);
    }
    let detail = format!("person={};outcome={outcome}", done.person_id);
    audit::append(
        &tx,
        actor,
        &Entry {
            action: "publication.takenDown",
            subject_kind: "publication",
            subject_id: &done.publication_id,
            detail: &detail,
        },
    )?;
    tx.commit()?;
    Ok(())
}

/// Take-downs already ticked off for a person, by publication id: (outcome removed?, on, by).
pub fn takedowns_for_person(
    conn: &Connection,
    person_id: &str,
) -> Result<HashMap<String, (bool, NaiveDate, String)>, ConsentError> {
    let mut stmt =
        conn.prepare_cached("SELECT publication_id, outcome, done_on, done_by FROM takedowns WHERE person_id = ?1")?;
    let rows = stmt
        .query_map([person_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                (r.get::<_, String>(1)? == "removed", date_column(r, 2)?.unwrap_or_default(), r.get(3)?),
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}
