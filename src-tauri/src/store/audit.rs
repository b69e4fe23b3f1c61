//! The audit chain: an append-only table where each row carries
//! `mac = HMAC-SHA256(K_audit, row ‖ prev_mac)`, plus the head kept in `meta` so that deleting the
//! newest rows is caught too. Owns appending and verifying; does not decide what gets audited
//! (callers do, inside their own transaction so the entry commits with the change).
//!
//! `K_audit` is 32 random bytes made when the vault is created and kept inside the encrypted
//! database. It is not derived from the database key: the key rotates when an admin is removed,
//! and a derived `K_audit` would force every MAC in the chain to be rewritten at that moment,
//! which leaves a crash window with an unverifiable chain and is exactly the kind of wholesale
//! rewrite the chain exists to expose.

use hmac::{Hmac, Mac};
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::Sha256;
use ts_rs::TS;
use zeroize::Zeroizing;

use super::StoreError;

type HmacSha256 = Hmac<Sha256>;
const MAC_LEN: usize = 32;

/// Who did something. Admins are named by id only, never by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// An admin, by id (a UUID); stored as `admin:<id>`.
    Admin(String),
    /// Someone who unlocked with the paper recovery key.
    RecoveryKey,
    /// The locked home, for submissions recorded at the next unlock.
    SigningStation,
    /// Safekeeper itself, with no person behind the change.
    System,
}

impl Actor {
    pub(crate) fn as_stored(&self) -> String {
        match self {
            Actor::Admin(id) => format!("admin:{id}"),
            Actor::RecoveryKey => "recovery-key".to_owned(),
            Actor::SigningStation => "signing-station".to_owned(),
            Actor::System => "system".to_owned(),
        }
    }
}

/// One thing to record. `detail` must never contain a name or record text: ids and counts only.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// What happened, as `area.event` (such as `backup.verified`).
    pub action: &'a str,
    /// What kind of thing it happened to (such as `person` or `backup`).
    pub subject_kind: &'a str,
    /// The id of the thing it happened to; empty when there is no single one.
    pub subject_id: &'a str,
    /// Short facts that say more (ids, counts, a file type); never a name or record text.
    pub detail: &'a str,
}

/// The chain's state as the settings page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditStatus {
    /// How many entries the audit trail holds.
    #[ts(type = "number")]
    pub rows: i64,
    /// Hex of the newest entry's MAC: the DSL can write it down and compare it later.
    pub head: String,
    /// True when every entry's MAC checks out and the chain ends where its head says.
    pub verified: bool,
    /// The first entry (row id) that does not check out; `None` when the chain verifies.
    #[ts(type = "number | null")]
    pub first_bad_row: Option<i64>,
}

/// Makes the chain's key. Called once, when the vault is created.
pub fn initialise(conn: &Connection) -> Result<(), StoreError> {
    let mut key = Zeroizing::new([0u8; 32]);
    rand::rngs::OsRng.fill_bytes(key.as_mut());
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_key', ?1)",
        [Zeroizing::new(hex::encode(*key)).as_str()],
    )?;
    conn.execute("INSERT INTO meta (key, value) VALUES ('audit_head_id', '0')", [])?;
    conn.execute("INSERT INTO meta (key, value) VALUES ('audit_head_mac', ?1)", [hex::encode([0u8; MAC_LEN])])?;
    Ok(())
}

fn audit_key(conn: &Connection) -> Result<Zeroizing<Vec<u8>>, StoreError> {
    let hex_key: Zeroizing<String> =
        Zeroizing::new(conn.query_row("SELECT value FROM meta WHERE key = 'audit_key'", [], |r| r.get(0))?);
    hex::decode(hex_key.as_str()).map(Zeroizing::new).map_err(|_| StoreError::AuditBroken { row: 0 })
}

fn head(conn: &Connection) -> Result<(i64, Vec<u8>), StoreError> {
    let id: String = conn.query_row("SELECT value FROM meta WHERE key = 'audit_head_id'", [], |r| r.get(0))?;
    let mac: String = conn.query_row("SELECT value FROM meta WHERE key = 'audit_head_mac'", [], |r| r.get(0))?;
    let id = id.parse().map_err(|_| StoreError::AuditBroken { row: 0 })?;
    let mac = hex::decode(mac).map_err(|_| StoreError::AuditBroken { row: 0 })?;
    Ok((id, mac))
}

#[allow(clippy::too_many_arguments)]
fn row_mac(
    key: &[u8],
    id: i64,
    at: &str,
    actor: &str,
    action: &str,
    subject_kind: &str,
    subject_id: &str,
    detail: &str,
    prev_mac: &[u8],
) -> Vec<u8> {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC-SHA256 accepts a key of any length");
    mac.update(&id.to_be_bytes());
    // Length prefixes keep ("ab","c") and ("a","bc") apart.
    for field in [at, actor, action, subject_kind, subject_id, detail] {
        mac.update(&(field.len() as u64).to_be_bytes());
        mac.update(field.as_bytes());
    }
    mac.update(prev_mac);
    mac.finalize().into_bytes().to_vec()
}

/// Appends one entry. Call it inside the transaction that makes the change.
pub fn append(conn: &Connection, actor: &Actor, entry: &Entry<'_>) -> Result<i64, StoreError> {
    let key = audit_key(conn)?;
    let (head_id, head_mac) = head(conn)?;
    let id = head_id + 1;
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let actor = actor.as_stored();
    let mac =
        row_mac(&key, id, &at, &actor, entry.action, entry.subject_kind, entry.subject_id, entry.detail, &head_mac);
    conn.execute(
        "INSERT INTO audit (id, at, actor, action, subject_kind, subject_id, detail, mac)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, at, actor, entry.action, entry.subject_kind, entry.subject_id, entry.detail, mac],
    )?;
    conn.execute("UPDATE meta SET value = ?1 WHERE key = 'audit_head_id'", [id.to_string()])?;
    conn.execute("UPDATE meta SET value = ?1 WHERE key = 'audit_head_mac'", [hex::encode(&mac)])?;
    Ok(id)
}

/// Walks the whole chain. Returns the status, naming the first row that does not verify:
/// a changed row, a row missing before it, rows swapped, a row inserted, or rows cut off the end
/// (then the first missing id is named).
pub fn verify(conn: &Connection) -> Result<AuditStatus, StoreError> {
    let key = audit_key(conn)?;
    let (head_id, head_mac) = head(conn)?;
    let mut stmt =
        conn.prepare("SELECT id, at, actor, action, subject_kind, subject_id, detail, mac FROM audit ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut prev_mac = vec![0u8; MAC_LEN];
    let mut expected_id = 1;
    let mut count = 0;
    let mut first_bad = None;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let stored: Vec<u8> = row.get(7)?;
        let computed = row_mac(
            &key,
            id,
            &row.get::<_, String>(1)?,
            &row.get::<_, String>(2)?,
            &row.get::<_, String>(3)?,
            &row.get::<_, String>(4)?,
            &row.get::<_, String>(5)?,
            &row.get::<_, String>(6)?,
            &prev_mac,
        );
        if id != expected_id {
            first_bad = Some(expected_id.min(id));
            break;
        }
        // Verification runs locally on data the verifier already holds: no timing side channel.
        if computed != stored {
            first_bad = Some(id);
            break;
        }
        prev_mac = stored;
        expected_id += 1;
        count += 1;
    }
    if first_bad.is_none() && (count != head_id || prev_mac != head_mac) {
        // Rows were removed from the end, or added after it without going through `append`.
        first_bad = Some(count.min(head_id) + 1);
    }
    let total: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))?;
    Ok(AuditStatus {
        rows: total,
        head: hex::encode(&head_mac),
        verified: first_bad.is_none(),
        first_bad_row: first_bad,
    })
}

/// Whether an action has been recorded for a subject (used by tests and the dashboard).
pub fn has_action(conn: &Connection, action: &str) -> Result<bool, StoreError> {
    Ok(conn
        .query_row("SELECT 1 FROM audit WHERE action = ?1 LIMIT 1", [action], |r| r.get::<_, i64>(0))
        .optional()?
        .is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain_of(n: usize) -> Connection {
        let mut conn = Connection::open_in_memory().expect("memory db");
        super::super::migrations::apply(&mut conn).expect("migrate");
        initialise(&conn).expect("init");
        for i in 0..n {
            let id = format!("rec-{i}");
            append(
                &conn,
                &Actor::System,
                &Entry { action: "test.write", subject_kind: "test", subject_id: &id, detail: "" },
            )
            .expect("append");
        }
        conn
    }

    #[test]
    fn untouched_chain_verifies() {
        let conn = chain_of(10);
        let status = verify(&conn).expect("verify");
        assert!(status.verified);
        assert_eq!(status.rows, 10);
        assert_eq!(status.first_bad_row, None);
    }

    #[test]
    fn edited_row_is_named() {
        let conn = chain_of(10);
        conn.execute("UPDATE audit SET subject_id = 'rec-x' WHERE id = 4", []).expect("tamper");
        assert_eq!(verify(&conn).expect("verify").first_bad_row, Some(4));
    }

    #[test]
    fn deleted_middle_row_is_named() {
        let conn = chain_of(10);
        conn.execute("DELETE FROM audit WHERE id = 6", []).expect("tamper");
        assert_eq!(verify(&conn).expect("verify").first_bad_row, Some(6));
    }

    #[test]
    fn deleted_last_rows_are_caught_by_the_head() {
        let conn = chain_of(10);
        conn.execute("DELETE FROM audit WHERE id >= 9", []).expect("tamper");
        let status = verify(&conn).expect("verify");
        assert!(!status.verified);
        assert_eq!(status.first_bad_row, Some(9));
    }

    #[test]
    fn reordered_rows_are_named() {
        let conn = chain_of(10);
        // Swap the contents of rows 3 and 7, MACs and all.
        conn.execute_batch(
            "UPDATE audit SET id = -3 WHERE id = 3; UPDATE audit SET id = 3 WHERE id = 7; UPDATE audit SET id = 7 WHERE id = -3;",
        )
        .expect("tamper");
        assert_eq!(verify(&conn).expect("verify").first_bad_row, Some(3));
    }

    #[test]
    fn inserted_row_is_named() {
        let conn = chain_of(10);
        // Make room after row 5 and slip in a copy of row 2.
        conn.execute_batch(
            "UPDATE audit SET id = id + 100 WHERE id > 5; UPDATE audit SET id = id - 99 WHERE id > 100;
             INSERT INTO audit SELECT 6, at, actor, action, subject_kind, subject_id, detail, mac FROM audit WHERE id = 2;",
        )
        .expect("tamper");
        assert_eq!(verify(&conn).expect("verify").first_bad_row, Some(6));
    }

    #[test]
    fn row_appended_outside_the_chain_is_named() {
        let conn = chain_of(3);
        conn.execute(
            "INSERT INTO audit SELECT 4, at, actor, action, subject_kind, subject_id, detail, mac FROM audit WHERE id = 3",
            [],
        )
        .expect("tamper");
        assert_eq!(verify(&conn).expect("verify").first_bad_row, Some(4));
    }
}
