//! AUP coverage: for one AUP, over the active people of the groups its audience covers, who has
//! signed the current published version, who signed only an older one (needs to sign again) and
//! who has never signed. Only confirmed signatures count: a self-declared one counts once an admin
//! confirms who made it.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::SignatureError;
use crate::records::aup::{self, Audience, AupError};
use crate::records::people::PersonGroup;

/// One person in an AUP's coverage list and their newest confirmed signature of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoverageEntry {
    /// The person's id (a UUID).
    pub person_id: String,
    /// The person's full name, as in the register.
    pub full_name: String,
    /// The person's group, one of those the AUP's audience covers.
    pub group: PersonGroup,
    /// The newest version number this person signed, if any.
    #[ts(type = "number | null")]
    pub signed_version: Option<i64>,
    /// When they last signed any version of this AUP: the paper signing day (`YYYY-MM-DD`) or the
    /// on-screen time (RFC 3339, UTC); `None` when never.
    pub last_signed_at: Option<String>,
}

/// Who has signed one AUP, over the active people of the groups its audience covers, each listed by
/// full name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// The AUP's id (a UUID).
    pub aup_id: String,
    /// Who the AUP is for, which decides the groups counted.
    pub audience: Audience,
    /// The number of the version in force; `None` when nothing is published yet.
    #[ts(type = "number | null")]
    pub current_version: Option<i64>,
    /// Hex SHA-256 of the version in force; `None` when nothing is published yet.
    pub current_hash: Option<String>,
    /// People whose newest confirmed signature is of the version in force.
    pub signed_current: Vec<CoverageEntry>,
    /// People who signed only an older version, so must sign again.
    pub needs_resign: Vec<CoverageEntry>,
    /// People with no confirmed signature of any version.
    pub never_signed: Vec<CoverageEntry>,
}

/// Who has and has not signed one AUP (only confirmed signatures count); `VersionNotFound` when no
/// AUP has that id.
pub fn coverage(conn: &Connection, aup_id: &str) -> Result<Coverage, SignatureError> {
    let aup = aup::get(conn, aup_id).map_err(|e| match e {
        AupError::Store(s) => SignatureError::Store(s),
        _ => SignatureError::VersionNotFound,
    })?;
    let current = aup.current.as_ref().map(|c| c.number);
    let sql = format!(
        "SELECT p.id, p.full_name, p.person_group, x.best, x.last_at {}
         ORDER BY p.full_name COLLATE NOCASE, p.id",
        audience_with_best(aup.audience)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([aup_id], |r| {
        let group: String = r.get(2)?;
        Ok(CoverageEntry {
            person_id: r.get(0)?,
            full_name: r.get(1)?,
            group: PersonGroup::from_stored(&group).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, "unknown group".into())
            })?,
            signed_version: r.get(3)?,
            last_signed_at: r.get(4)?,
        })
    })?;
    let mut out = Coverage {
        aup_id: aup.id.clone(),
        audience: aup.audience,
        current_version: current,
        current_hash: aup.current.map(|c| c.content_hash),
        signed_current: Vec::new(),
        needs_resign: Vec::new(),
        never_signed: Vec::new(),
    };
    for entry in rows {
        let entry = entry?;
        match (entry.signed_version, current) {
            (None, _) => out.never_signed.push(entry),
            (Some(signed), Some(cur)) if signed >= cur => out.signed_current.push(entry),
            (Some(_), _) => out.needs_resign.push(entry),
        }
    }
    Ok(out)
}

/// The `FROM` and `WHERE` of the people an AUP's audience covers (active, in its groups), each
/// with `x.best`, the newest version of AUP `?1` they signed (confirmed), and `x.last_at`, when they
/// last signed it. Both come from `summary_aup_signed` (migration 16), which triggers keep equal
/// to the same worked out from every signature.
fn audience_with_best(audience: Audience) -> String {
    // Group names come from a fixed enum, never from input, so splicing them in is safe.
    let groups = audience.groups().iter().map(|g| format!("'{}'", g.as_str())).collect::<Vec<_>>().join(", ");
    format!(
        "FROM people p
         LEFT JOIN summary_aup_signed x ON x.aup_id = ?1 AND x.person_id = p.id
         WHERE p.archived_at IS NULL AND p.person_group IN ({groups})"
    )
}

/// How many in an AUP's audience signed only a version older than `current` (must sign again)
/// and how many never signed, counted by SQLite without listing anyone: what the dashboard shows.
fn still_to_sign(
    conn: &Connection,
    aup_id: &str,
    audience: Audience,
    current: i64,
) -> Result<(usize, usize), SignatureError> {
    let sql = format!(
        "SELECT coalesce(sum(x.best IS NOT NULL AND x.best < ?2), 0), coalesce(sum(x.best IS NULL), 0) {}",
        audience_with_best(audience)
    );
    let (resign, never): (i64, i64) =
        conn.prepare_cached(&sql)?.query_row(rusqlite::params![aup_id, current], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((usize::try_from(resign).unwrap_or(0), usize::try_from(never).unwrap_or(0)))
}

/// One AUP with people still to sign its version in force, for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AupDue {
    /// The AUP's id (a UUID).
    pub aup_id: String,
    /// The title of the version in force.
    pub title: String,
    /// Who the AUP is for.
    pub audience: Audience,
    /// The number of the version in force.
    #[ts(type = "number")]
    pub version: i64,
    /// Signed an older version only: they must sign again.
    #[ts(type = "number")]
    pub needs_resign: usize,
    /// How many have no confirmed signature of any version.
    #[ts(type = "number")]
    pub never_signed: usize,
}

/// Every published AUP that someone in its audience has still to sign, most people first.
pub fn due_items(conn: &Connection) -> Result<Vec<AupDue>, SignatureError> {
    let mut items = Vec::new();
    for found in aup::list(conn).map_err(|e| match e {
        AupError::Store(s) => SignatureError::Store(s),
        _ => SignatureError::VersionNotFound,
    })? {
        let Some(current) = found.current else { continue };
        let (needs_resign, never_signed) = still_to_sign(conn, &found.id, found.audience, current.number)?;
        if needs_resign == 0 && never_signed == 0 {
            continue;
        }
        items.push(AupDue {
            aup_id: found.id,
            title: current.title,
            audience: found.audience,
            version: current.number,
            needs_resign,
            never_signed,
        });
    }
    items.sort_by(|a, b| {
        (b.needs_resign + b.never_signed).cmp(&(a.needs_resign + a.never_signed)).then(a.title.cmp(&b.title))
    });
    Ok(items)
}
