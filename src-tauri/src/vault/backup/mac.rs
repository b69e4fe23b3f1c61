//! Authenticating backups: an HMAC-SHA256 under a key only this vault holds, carried inside the
//! backup as the `mac` row of its `backup_manifest` table. Owns the key and what the MAC covers;
//! does not decide what a restore does with a backup it cannot vouch for (see `restore`).
//!
//! The MAC cannot cover the file's own bytes, because it travels inside them (a trailer after
//! the age payload would break `age -d`, and a second file gets lost). It covers what the backup
//! holds, read through SQL, so the same records give the same MAC however SQLite lays out pages.

use hmac::{Hmac, Mac};
use rand::RngCore;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::BackupError;
use crate::store::migrations;

// Where the vault keeps the key its backups are authenticated with: 32 random bytes, hex, made
// at the first backup. It lives only inside the encrypted database and is left out of every
// backup, so holding a backup does not let anyone vouch for another. The name is the store's,
// beside the other secret `meta` rows.
pub(crate) use crate::store::BACKUP_KEY_META;

/// The vault's backup key; `None` when no backup has been made yet (so none can be its own).
pub(crate) fn backup_key(conn: &Connection) -> Result<Option<Zeroizing<Vec<u8>>>, BackupError> {
    let stored: Option<Zeroizing<String>> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [BACKUP_KEY_META], |r| r.get::<_, String>(0))
        .optional()?
        .map(Zeroizing::new);
    Ok(stored.and_then(|hex_key| hex::decode(hex_key.as_str()).ok()).map(Zeroizing::new))
}

pub(super) fn ensure_backup_key(conn: &Connection) -> Result<Zeroizing<Vec<u8>>, BackupError> {
    if let Some(key) = backup_key(conn)? {
        return Ok(key);
    }
    let mut key = Zeroizing::new(vec![0u8; 32]);
    rand::rngs::OsRng.fill_bytes(key.as_mut());
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)",
        [BACKUP_KEY_META, Zeroizing::new(hex::encode(key.as_slice())).as_str()],
    )?;
    Ok(key)
}

fn mac_field(mac: &mut Hmac<Sha256>, tag: u8, bytes: &[u8]) {
    mac.update(&[tag]);
    mac.update(&(bytes.len() as u64).to_be_bytes());
    mac.update(bytes);
}

/// HMAC-SHA256 under the vault's backup key over what a backup holds, read through SQL rather
/// than as file bytes (the MAC has to travel inside the file it covers, and a file cannot hold
/// a MAC of its own bytes): the schema version, every `sqlite_master` row, every row of every
/// table in a fixed order with each value typed and length-prefixed, and the manifest. The
/// manifest table itself is left out; the manifest's text goes in as `manifest_json`.
pub(super) fn content_mac(
    conn: &Connection,
    schema: &str,
    key: &[u8],
    manifest_json: &str,
) -> Result<Hmac<Sha256>, BackupError> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC-SHA256 accepts a key of any length");
    mac_field(&mut mac, b'F', b"safekeeper-backup-mac-v1");
    let version: i64 = conn.query_row(&format!("PRAGMA {schema}.user_version"), [], |r| r.get(0))?;
    mac_field(&mut mac, b'V', &version.to_be_bytes());
    let entries: Vec<migrations::SchemaEntry> = migrations::schema_of(conn, schema)?
        .into_iter()
        .filter(|(_, _, table, _)| table != "backup_manifest")
        .collect();
    for (kind, name, table, sql) in &entries {
        for field in [kind, name, table] {
            mac_field(&mut mac, b'S', field.as_bytes());
        }
        mac_field(&mut mac, b'Q', sql.as_deref().unwrap_or("\0").as_bytes());
    }
    // A virtual table (the incident search index) holds no rows of its own: they live in its
    // shadow tables and its content table, which are ordinary tables and covered here. Its
    // definition is covered above with the rest of the schema.
    let virtual_table = |sql: &Option<String>| sql.as_deref().is_some_and(|s| s.starts_with("CREATE VIRTUAL TABLE"));
    for (_, table, _, _) in entries.iter().filter(|(kind, _, _, sql)| kind == "table" && !virtual_table(sql)) {
        mac_field(&mut mac, b'T', table.as_bytes());
        let has_rowid = conn.prepare(&format!("SELECT rowid FROM {schema}.\"{table}\" LIMIT 0")).is_ok();
        let order = if has_rowid {
            "rowid".to_owned()
        } else {
            // WITHOUT ROWID tables: their primary key orders every row exactly once.
            let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1, ?2) WHERE pk > 0 ORDER BY pk")?;
            let pk: Vec<String> = stmt.query_map([table.as_str(), schema], |r| r.get(0))?.collect::<Result<_, _>>()?;
            if pk.is_empty() {
                // Neither a rowid nor a primary key: no order to cover it in. Only a damaged or
                // foreign file has such a table.
                return Err(BackupError::Damaged);
            }
            pk.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ")
        };
        let mut stmt = conn.prepare(&format!("SELECT * FROM {schema}.\"{table}\" ORDER BY {order}"))?;
        let columns = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            mac.update(b"R");
            for i in 0..columns {
                match row.get_ref(i)? {
                    ValueRef::Null => mac_field(&mut mac, b'n', b""),
                    ValueRef::Integer(v) => mac_field(&mut mac, b'i', &v.to_be_bytes()),
                    ValueRef::Real(v) => mac_field(&mut mac, b'r', &v.to_bits().to_be_bytes()),
                    ValueRef::Text(v) => mac_field(&mut mac, b't', v),
                    ValueRef::Blob(v) => mac_field(&mut mac, b'b', v),
                }
            }
        }
    }
    mac_field(&mut mac, b'M', manifest_json.as_bytes());
    Ok(mac)
}

/// Whether an opened backup (see `open_checked`) carries a MAC that `key` vouches for, i.e. it
/// was made by this vault and not changed since. `false` for a backup without one (made before
/// backups were authenticated, or not by Safekeeper) and when the vault has no key yet.
pub fn made_by_this_vault(conn: &Connection, key: Option<&[u8]>) -> Result<bool, BackupError> {
    let Some(key) = key else { return Ok(false) };
    let stored = |name: &str| -> Result<Option<String>, BackupError> {
        Ok(conn.query_row("SELECT value FROM backup_manifest WHERE key = ?1", [name], |r| r.get(0)).optional()?)
    };
    let (Some(json), Some(mac_hex)) = (stored("manifest")?, stored("mac")?) else { return Ok(false) };
    let Ok(claimed) = hex::decode(mac_hex) else { return Ok(false) };
    Ok(content_mac(conn, "main", key, &json)?.verify_slice(&claimed).is_ok())
}
