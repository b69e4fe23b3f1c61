//! Storage for AUPs and their versions: create, edit the draft, publish, read. Every change runs in
//! one transaction with its audit entry (ids, numbers and hashes only).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::content::{content_hash, AupContent};
use super::{Audience, Aup, AupDetail, AupError, AupVersion, AupVersionSummary, VersionStatus};
use crate::records::{new_id, now_utc};
use crate::store::audit::{self, Actor, Entry};

const VERSION_COLUMNS: &str =
    "v.id, v.aup_id, a.audience, v.number, v.status, v.content, v.content_hash, v.created_at, v.published_at";

fn status_from(text: &str) -> VersionStatus {
    if text == "published" {
        VersionStatus::Published
    } else {
        VersionStatus::Draft
    }
}

fn conversion(index: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, what.to_owned().into())
}

fn version_from_row(row: &Row<'_>) -> rusqlite::Result<(AupVersion, String)> {
    let audience: String = row.get(2)?;
    let json: String = row.get(5)?;
    let content = AupContent::from_canonical_json(&json).map_err(|_| conversion(5, "AUP content"))?;
    Ok((
        AupVersion {
            id: row.get(0)?,
            aup_id: row.get(1)?,
            audience: Audience::from_stored(&audience).ok_or_else(|| conversion(2, "audience"))?,
            number: row.get(3)?,
            status: status_from(&row.get::<_, String>(4)?),
            content,
            content_hash: row.get(6)?,
            created_at: row.get(7)?,
            published_at: row.get(8)?,
        },
        json,
    ))
}

/// Reads versions and proves each stored hash still matches its stored text.
fn query_versions(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> Result<Vec<AupVersion>, AupError> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM aup_versions v JOIN aups a ON a.id = v.aup_id WHERE {filter}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(args, version_from_row)?.collect::<Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(v, json)| if content_hash(&json) == v.content_hash { Ok(v) } else { Err(AupError::HashMismatch) })
        .collect()
}

/// One AUP version with its text, by version id; `VersionNotFound` when there is none and
/// `HashMismatch` when its text no longer matches its hash.
pub fn version(conn: &Connection, version_id: &str) -> Result<AupVersion, AupError> {
    query_versions(conn, "v.id = ?1", [version_id])?.pop().ok_or(AupError::VersionNotFound)
}

/// The published version of an AUP with this content hash (what a kiosk submission names).
pub fn version_by_hash(conn: &Connection, aup_id: &str, hash: &str) -> Result<AupVersion, AupError> {
    query_versions(conn, "v.aup_id = ?1 AND v.content_hash = ?2 AND v.status = 'published'", [aup_id, hash])?
        .pop()
        .ok_or(AupError::VersionNotFound)
}

/// The newest published version, which is the one people must sign.
pub fn current_version(conn: &Connection, aup_id: &str) -> Result<Option<AupVersion>, AupError> {
    Ok(query_versions(conn, "v.aup_id = ?1 AND v.status = 'published' ORDER BY v.number DESC LIMIT 1", [aup_id])?.pop())
}

fn draft_of(conn: &Connection, aup_id: &str) -> Result<Option<AupVersion>, AupError> {
    Ok(query_versions(conn, "v.aup_id = ?1 AND v.status = 'draft'", [aup_id])?.pop())
}

fn summary(v: &AupVersion) -> AupVersionSummary {
    AupVersionSummary {
        id: v.id.clone(),
        number: v.number,
        status: v.status,
        title: v.content.title.clone(),
        content_hash: v.content_hash.clone(),
        published_at: v.published_at.clone(),
    }
}

/// Every version of an AUP, newest first.
pub fn versions(conn: &Connection, aup_id: &str) -> Result<Vec<AupVersionSummary>, AupError> {
    get(conn, aup_id)?;
    Ok(query_versions(conn, "v.aup_id = ?1 ORDER BY v.number DESC", [aup_id])?.iter().map(summary).collect())
}

/// One AUP with its current published version and its draft; `NotFound` when no AUP has that id.
pub fn get(conn: &Connection, aup_id: &str) -> Result<Aup, AupError> {
    let row: Option<(String, String, i64)> = conn
        .query_row("SELECT id, audience, kiosk_published FROM aups WHERE id = ?1", [aup_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let (id, audience, kiosk) = row.ok_or(AupError::NotFound)?;
    Ok(Aup {
        audience: Audience::from_stored(&audience).ok_or(AupError::NotFound)?,
        kiosk_published: kiosk == 1,
        current: current_version(conn, &id)?.as_ref().map(summary),
        draft: draft_of(conn, &id)?.as_ref().map(summary),
        id,
    })
}

/// One AUP as its page shows it: the AUP, its published version and any draft in full, and the
/// version history.
pub fn detail(conn: &Connection, aup_id: &str) -> Result<AupDetail, AupError> {
    let aup = get(conn, aup_id)?;
    let draft = aup.draft.as_ref().map(|d| version(conn, &d.id)).transpose()?;
    Ok(AupDetail { current: current_version(conn, aup_id)?, versions: versions(conn, aup_id)?, draft, aup })
}

/// Every AUP, in audience order.
pub fn list(conn: &Connection) -> Result<Vec<Aup>, AupError> {
    let mut stmt = conn.prepare_cached("SELECT id, audience FROM aups ORDER BY created_at, id")?;
    let mut rows: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    rows.sort_by_key(|(_, a)| Audience::ALL.iter().position(|x| x.as_str() == a));
    rows.iter().map(|(id, _)| get(conn, id)).collect()
}

fn insert_draft(conn: &Connection, aup_id: &str, number: i64, content: &AupContent) -> Result<String, AupError> {
    let id = new_id();
    let json = content.canonical_json();
    conn.execute(
        "INSERT INTO aup_versions (id, aup_id, number, status, content, content_hash, created_at)
         VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?6)",
        params![id, aup_id, number, json, content_hash(&json), now_utc()],
    )?;
    Ok(id)
}

/// Creates an AUP for an audience with `content` as draft version 1, inside the caller's
/// transaction.
pub(crate) fn create_in(
    conn: &Connection,
    actor: &Actor,
    audience: Audience,
    content: &AupContent,
) -> Result<String, AupError> {
    let content = content.validated()?;
    let id = new_id();
    conn.execute(
        "INSERT INTO aups (id, audience, created_at) VALUES (?1, ?2, ?3)",
        params![id, audience.as_str(), now_utc()],
    )?;
    let version_id = insert_draft(conn, &id, 1, &content)?;
    let detail = format!("audience={};draft={version_id}", audience.as_str());
    audit::append(
        conn,
        actor,
        &Entry { action: "aup.created", subject_kind: "aup", subject_id: &id, detail: &detail },
    )?;
    Ok(id)
}

/// Creates an AUP for an audience with the validated `content` as draft version 1, audited, and
/// returns it.
pub fn create(conn: &mut Connection, actor: &Actor, audience: Audience, content: &AupContent) -> Result<Aup, AupError> {
    let tx = conn.transaction()?;
    let id = create_in(&tx, actor, audience, content)?;
    let aup = get(&tx, &id)?;
    tx.commit()?;
    Ok(aup)
}

/// Saves new text as the AUP's draft: the existing draft is overwritten, or, when there is none,
/// a new draft version is made after the newest published one. Published versions never change.
pub fn save_draft(
    conn: &mut Connection,
    actor: &Actor,
    aup_id: &str,
    content: &AupContent,
) -> Result<AupVersion, AupError> {
    let content = content.validated()?;
    let tx = conn.transaction()?;
    get(&tx, aup_id)?;
    let version_id = match draft_of(&tx, aup_id)? {
        Some(draft) => {
            let json = content.canonical_json();
            tx.execute(
                "UPDATE aup_versions SET content = ?2, content_hash = ?3 WHERE id = ?1 AND status = 'draft'",
                params![draft.id, json, content_hash(&json)],
            )?;
            draft.id
        }
        None => {
            let next: i64 = tx.query_row(
                "SELECT coalesce(max(number), 0) + 1 FROM aup_versions WHERE aup_id = ?1",
                [aup_id],
                |r| r.get(0),
            )?;
            insert_draft(&tx, aup_id, next, &content)?
        }
    };
    let saved = version(&tx, &version_id)?;
    let detail = format!("version={};number={};hash={}", saved.id, saved.number, saved.content_hash);
    audit::append(
        &tx,
        actor,
        &Entry { action: "aup.draftSaved", subject_kind: "aup", subject_id: aup_id, detail: &detail },
    )?;
    tx.commit()?;
    Ok(saved)
}

/// Deletes the AUP's draft, audited; `NoDraft` when there is none. Published versions stay.
pub fn discard_draft(conn: &mut Connection, actor: &Actor, aup_id: &str) -> Result<(), AupError> {
    let tx = conn.transaction()?;
    let draft = draft_of(&tx, aup_id)?.ok_or(AupError::NoDraft)?;
    tx.execute("DELETE FROM aup_versions WHERE id = ?1 AND status = 'draft'", [&draft.id])?;
    let detail = format!("version={}", draft.id);
    audit::append(
        &tx,
        actor,
        &Entry { action: "aup.draftDiscarded", subject_kind: "aup", subject_id: aup_id, detail: &detail },
    )?;
    tx.commit()?;
    Ok(())
}

/// Publishes the draft. From now on it is the version to sign, and everyone whose newest
/// signature is for an earlier version needs to sign again.
pub fn publish(conn: &mut Connection, actor: &Actor, aup_id: &str) -> Result<AupVersion, AupError> {
    let tx = conn.transaction()?;
    get(&tx, aup_id)?;
    let draft = draft_of(&tx, aup_id)?.ok_or(AupError::NoDraft)?;
    if current_version(&tx, aup_id)?.is_some_and(|c| c.content_hash == draft.content_hash) {
        return Err(AupError::NothingChanged);
    }
    tx.execute(
        "UPDATE aup_versions SET status = 'published', published_at = ?2 WHERE id = ?1 AND status = 'draft'",
        params![draft.id, now_utc()],
    )?;
    let detail = format!("version={};number={};hash={}", draft.id, draft.number, draft.content_hash);
    audit::append(
        &tx,
        actor,
        &Entry { action: "aup.published", subject_kind: "aup", subject_id: aup_id, detail: &detail },
    )?;
    let published = version(&tx, &draft.id)?;
    tx.commit()?;
    Ok(published)
}

/// Chooses whether the signing station offers this AUP. Only a published AUP can be offered.
pub fn set_kiosk_published(conn: &mut Connection, actor: &Actor, aup_id: &str, shown: bool) -> Result<(), AupError> {
    let tx = conn.transaction()?;
    if shown && get(&tx, aup_id)?.current.is_none() {
        return Err(AupError::NotPublished);
    }
    if tx.execute("UPDATE aups SET kiosk_published = ?2 WHERE id = ?1", params![aup_id, i64::from(shown)])? == 0 {
        return Err(AupError::NotFound);
    }
    let detail = if shown { "shown=1" } else { "shown=0" };
    audit::append(
        &tx,
        actor,
        &Entry { action: "aup.kioskPublished", subject_kind: "aup", subject_id: aup_id, detail },
    )?;
    tx.commit()?;
    Ok(())
}
