//! The encrypted database: opening SQLCipher with a raw key, the checks that it really is
//! encrypted and intact, embedded migrations and the audit chain.
//! Owns every PRAGMA and the connection's lifetime; does not know where keys come from (see
//! `vault`) or what the tables mean beyond the audit chain (see `records`).

pub mod audit;
mod key;
pub mod migrations;
pub mod stop;

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::{CodedError, ErrorCode};
pub use key::DatabaseKey;

/// Where the vault keeps the key its backups are authenticated with (see `vault::backup`). Named
/// here, beside the `meta` table it lives in, so an export can leave it out without reaching up
/// into the vault.
pub const BACKUP_KEY_META: &str = "backup_mac_key";

/// Tables (and their triggers) whose names start with one of these are derived from the records
/// and kept in step by triggers: the incident search index (`search_`) and the summaries the
/// screens read (`summary_`). They hold nothing of their own, so a hand-over leaves them out and
/// a restore works them out again (`rebuild_derived`).
pub const DERIVED_TABLE_PREFIXES: &[&str] = &["search_", "summary_"];

/// The migrations that make the derived tables, in order: `rebuild_derived` runs them again. A
/// later migration that changes a derived table belongs here too, or a restore would make the old
/// shape again (`a_rebuild_leaves_exactly_the_schema_the_migrations_make` checks it).
const DERIVED_SCHEMA: &[&str] = &[
    include_str!("migrations/0013_incident_search.sql"),
    include_str!("migrations/0014_training_latest.sql"),
    include_str!("migrations/0016_aup_signed.sql"),
    include_str!("migrations/0017_retention_due.sql"),
];

/// True when `name` is that of a derived table, index or trigger.
pub fn is_derived(name: &str) -> bool {
    DERIVED_TABLE_PREFIXES.iter().any(|prefix| name.starts_with(prefix))
}

/// The `meta` rows that hold secrets: the audit chain's key, a demo vault's passphrase and the
/// backup key. Nothing that leaves the vault as plain files (the hand-over export) may carry them.
pub const SECRET_META: &[&str] = &["audit_key", "demo_passphrase", BACKUP_KEY_META];

/// The first 16 bytes of every plaintext SQLite file. An encrypted file starts with a random salt.
const PLAINTEXT_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Why the database could not be opened, checked or written. The codes tell a full or read-only disk
/// apart from other SQLite failures.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file starts with the plaintext SQLite header, so it is not encrypted.
    #[error("The records file is not encrypted, so Safekeeper will not use it. Restore the vault from a backup.")]
    NotEncrypted,
    /// The key given does not decrypt the file.
    #[error("The database key does not open this records file.")]
    KeyRejected,
    /// A page failed SQLCipher's HMAC check or the integrity check.
    #[error("The records file is damaged (page {first_bad_page} failed its integrity check). Restore the vault from your latest backup.")]
    Damaged {
        /// The first page SQLCipher reported, as a number in text (`unknown` when it named none).
        first_bad_page: String,
    },
    /// The database's schema version is newer than this build knows.
    #[error("These records were written by a newer version of Safekeeper (schema {found}, this version knows {known}). Install the newer version to open them.")]
    SchemaTooNew {
        /// The schema version the file holds.
        found: i64,
        /// The newest schema version this build knows.
        known: i64,
    },
    /// The audit chain does not verify (or its key cannot be read).
    #[error("The audit trail is broken at entry {row}. Someone or something changed the records outside Safekeeper. Restore from a backup and contact your DSL.")]
    AuditBroken {
        /// The audit entry (row id) where the chain first fails; 0 when the chain's key or its
        /// head cannot be read at all.
        row: i64,
    },
    /// Moving the database to a new key failed; it still opens with the old one.
    #[error("The records could not be moved to the new database key (the disk may be full). Nothing has been lost: they still open with the key they had. Free some space on the disk, then try again.")]
    RekeyFailed,
    /// SQLite refused or failed.
    #[error("{}", sqlite_words(.0))]
    Sqlite(#[from] rusqlite::Error),
    /// The database file could not be read or written.
    #[error("The records file could not be read ({0}). Check the disk and try again.")]
    Io(#[from] std::io::Error),
}

impl CodedError for StoreError {
    fn code(&self) -> ErrorCode {
        match self {
            StoreError::NotEncrypted => ErrorCode::StoreNotEncrypted,
            StoreError::KeyRejected => ErrorCode::StoreKeyRejected,
            StoreError::Damaged { .. } => ErrorCode::StoreDamaged,
            StoreError::SchemaTooNew { .. } => ErrorCode::StoreSchemaTooNew,
            StoreError::AuditBroken { .. } => ErrorCode::StoreAuditBroken,
            StoreError::RekeyFailed => ErrorCode::StoreRekeyFailed,
            StoreError::Sqlite(e) => match disk_trouble(e) {
                Some(rusqlite::ErrorCode::DiskFull) => ErrorCode::StoreDiskFull,
                Some(_) => ErrorCode::StoreReadOnly,
                None => ErrorCode::StoreSqlite,
            },
            StoreError::Io(_) => ErrorCode::StoreIo,
        }
    }
}

/// What the person is told when SQLite fails: a full disk and a folder that cannot be written are
/// said in plain words, because those are the ones they can put right.
fn sqlite_words(e: &rusqlite::Error) -> String {
    match disk_trouble(e) {
        Some(rusqlite::ErrorCode::DiskFull) => "The disk is full, so this was not saved. Everything saved before is safe. Free some space on the disk (empty the wastebasket, or move large files elsewhere), then try again.".to_owned(),
        Some(_) => "Safekeeper's data folder cannot be written to (the disk or folder may be read-only), so this was not saved. Everything saved before is safe. Ask whoever looks after the laptop to make the folder writable again, then try again.".to_owned(),
        _ => format!("The records file could not be read or written ({e}). Check the disk has space and try again."),
    }
}

/// `DiskFull` or `ReadOnly` when that is what went wrong. SQLCipher's export reports a full disk
/// as a plain error with SQLite's words, so the words are checked too.
fn disk_trouble(e: &rusqlite::Error) -> Option<rusqlite::ErrorCode> {
    let words = e.to_string();
    match e.sqlite_error_code() {
        Some(code @ (rusqlite::ErrorCode::DiskFull | rusqlite::ErrorCode::ReadOnly)) => Some(code),
        _ if words.contains("database or disk is full") => Some(rusqlite::ErrorCode::DiskFull),
        _ if words.contains("readonly database") => Some(rusqlite::ErrorCode::ReadOnly),
        _ => None,
    }
}

/// On a read-only disk Windows will not open the records file for writing at all, and SQLite says
/// only that it could not open it; Linux opens it and says "read-only" at the first write. So that
/// both are told the same plain thing, an open that fails in a folder that refuses writes is the
/// read-only case.
fn read_only_folder(e: StoreError, path: &Path) -> StoreError {
    let StoreError::Sqlite(inner) = &e else { return e };
    let cannot_open = matches!(
        inner.sqlite_error_code(),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::SystemIoFailure)
    );
    match path.parent() {
        Some(folder) if cannot_open && folder_refuses_writes(folder) => {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
                Some("the data folder is read-only".to_owned()),
            ))
        }
        _ => e,
    }
}

/// Whether a new file can be made in `folder`; one that can is removed at once.
fn folder_refuses_writes(folder: &Path) -> bool {
    let probe = folder.join(format!(".write-check-{}", std::process::id()));
    match std::fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            false
        }
        Err(e) => matches!(e.kind(), std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied),
    }
}

/// How much of the records SQLite keeps in memory, decrypted, between queries (KiB). SQLite's own
/// default is 2 MiB; a large organisation's records are far bigger, and every page read again is
/// decrypted again: the incident list for 50,000 incidents took 505 ms with the default and 123 ms
/// with this (the benchmarks' 10x organisation). The cache grows only as far as the records do.
pub const CACHE_KIB: i64 = 16 * 1024;

/// An open, keyed, migrated database.
pub struct Db {
    conn: Connection,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Db { .. }")
    }
}

impl Db {
    /// Creates a new encrypted database. Refuses if a file is already there.
    pub fn create(path: &Path, key: &DatabaseKey) -> Result<Db, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        if std::fs::metadata(path)?.len() > 0 {
            return Err(StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "a records file is already there",
            )));
        }
        Self::configure(conn, key, false)
    }

    /// Opens an existing encrypted database, proving on the way that it is encrypted, that the key
    /// is right and that every page passes SQLCipher's HMAC check.
    pub fn open(path: &Path, key: &DatabaseKey) -> Result<Db, StoreError> {
        let mut db = Self::open_unmigrated(path, key)?;
        db.migrate()?;
        Ok(db)
    }

    /// `open`, but leaves the schema as it is, so that the caller can back the records up before
    /// `migrate` changes them (see `pending_upgrade`).
    pub fn open_unmigrated(path: &Path, key: &DatabaseKey) -> Result<Db, StoreError> {
        refuse_plaintext(path)?;
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(StoreError::from)
            .and_then(|conn| Self::configure(conn, key, true))
            .map_err(|e| read_only_folder(e, path))
    }

    /// A second connection to the database at `path`, for reading alongside the open one: a
    /// backup copies the records through it without holding the session. It never writes to the
    /// file (write-ahead logging lets it read a consistent snapshot while the other connection
    /// writes).
    pub(crate) fn open_reader(path: &Path, key: &DatabaseKey) -> Result<Connection, StoreError> {
        refuse_plaintext(path)?;
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        conn.execute_batch(&key.pragma_key_statement())?;
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
        conn.execute_batch("PRAGMA temp_store = MEMORY; PRAGMA busy_timeout = 5000;")?;
        Ok(conn)
    }

    /// The schema versions an upgrade would go from and to, when this build's migrations have
    /// not all run on this database yet. A database from a newer build is refused.
    pub fn pending_upgrade(&self) -> Result<Option<(i64, i64)>, StoreError> {
        let found = migrations::current_version(&self.conn)?;
        let known = migrations::latest_version();
        if found > known {
            return Err(StoreError::SchemaTooNew { found, known });
        }
        Ok((found < known).then_some((found, known)))
    }

    /// Runs every migration this database has not had, all in one transaction.
    pub fn migrate(&mut self) -> Result<(), StoreError> {
        migrations::apply(&mut self.conn)
    }

    fn configure(conn: Connection, key: &DatabaseKey, existing: bool) -> Result<Db, StoreError> {
        conn.execute_batch(&key.pragma_key_statement())?;
        let cipher_version: Option<String> = conn.query_row("PRAGMA cipher_version", [], |r| r.get(0)).ok();
        if cipher_version.is_none_or(|v| v.trim().is_empty()) {
            return Err(StoreError::NotEncrypted);
        }
        if existing {
            // The first read is where SQLCipher learns whether the key fits.
            if let Err(e) = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
                return Err(match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::NotADatabase) => StoreError::KeyRejected,
                    _ => StoreError::Sqlite(e),
                });
            }
            let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
            let problems: Vec<String> = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<_, _>>()?;
            drop(stmt);
            if let Some(first) = problems.first() {
                return Err(StoreError::Damaged { first_bad_page: page_from_problem(first) });
            }
        }
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Io(std::io::Error::other("the disk does not support write-ahead logging")));
        }
        conn.execute_batch(&format!(
            "PRAGMA synchronous = FULL;
             PRAGMA secure_delete = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -{CACHE_KIB};
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;"
        ))?;
        let mut db = Db { conn };
        if !existing {
            db.migrate()?;
        }
        Ok(db)
    }

    /// A connection to nothing, held only while the real file is closed for a swap.
    pub(crate) fn detached() -> Result<Db, StoreError> {
        Ok(Db { conn: Connection::open_in_memory()? })
    }

    /// The open connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The open connection, for writes and transactions.
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Full structural check (slower than the page check done at open).
    pub fn integrity_check(&self) -> Result<bool, StoreError> {
        let result: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        Ok(result == "ok")
    }

    /// Re-encrypts every page under a new key. SQLCipher cannot rekey a WAL database, so the
    /// journal mode is switched to a rollback journal for the duration.
    pub fn rekey(&mut self, new_key: &DatabaseKey) -> Result<(), StoreError> {
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        let _: String = self.conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        // SQLCipher reports any failure part-way (a full disk among them) in its own words.
        self.conn.execute_batch(&new_key.pragma_rekey_statement()).map_err(|_| StoreError::RekeyFailed)?;
        let mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        debug_assert!(mode.eq_ignore_ascii_case("wal"));
        Ok(())
    }

    /// Folds the write-ahead log into the main file and closes, so that nothing is left in a
    /// `-wal` file after lock.
    pub fn close(self) -> Result<(), StoreError> {
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        self.conn.close().map_err(|(_, e)| StoreError::Sqlite(e))
    }
}

/// Works every derived table (`DERIVED_TABLE_PREFIXES`) out again from the records it comes
/// from: the incident search text from the incidents and their entries, the search index from
/// that text, and the training summary from the training records. Run on records that arrive from
/// outside (a restored backup), whose derived tables this vault did not keep: a backup restored
/// with the paper key could otherwise carry an index that hides an incident from the search, or a
/// summary that shows training nobody recorded. They are dropped and made again by the migrations
/// that first made them (which also fill them), not emptied: emptying runs the index's delete
/// triggers, which an index that disagrees with its text answers with "malformed".
pub fn rebuild_derived(conn: &Connection) -> Result<(), StoreError> {
    let named = |kind: &str| -> Result<Vec<String>, StoreError> {
        let names: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = ?1")?
            .query_map([kind], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(names.into_iter().filter(|n| is_derived(n)).collect())
    };
    for trigger in named("trigger")? {
        conn.execute_batch(&format!("DROP TRIGGER \"{}\";", trigger.replace('"', "\"\"")))?;
    }
    // The virtual table first: it takes its own shadow tables with it.
    conn.execute_batch("DROP TABLE IF EXISTS search_incidents;")?;
    for table in named("table")? {
        conn.execute_batch(&format!("DROP TABLE IF EXISTS \"{}\";", table.replace('"', "\"\"")))?;
    }
    for sql in DERIVED_SCHEMA {
        conn.execute_batch(sql)?;
    }
    Ok(())
}

/// Writes the whole of a plain (unencrypted) database, such as a decrypted backup held in memory,
/// into a new encrypted file at `path` under `key`, marked as schema `schema_version`. The plain
/// bytes never touch the disk.
pub fn export_plain_into(
    plain: &Connection,
    path: &Path,
    key: &DatabaseKey,
    schema_version: i64,
) -> Result<(), StoreError> {
    if path.exists() {
        return Err(StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "the target file is already there",
        )));
    }
    let target = path
        .to_str()
        .ok_or_else(|| StoreError::Io(std::io::Error::other("the vault folder's path is not valid text")))?;
    plain.execute(
        "ATTACH DATABASE ?1 AS restored KEY ?2",
        rusqlite::params![target, key.attach_key_literal().as_str()],
    )?;
    // sqlcipher_export copies tables and rows, not the schema version the migrations go by.
    let exported = plain
        .query_row("SELECT sqlcipher_export('restored')", [], |_| Ok(()))
        .and_then(|()| plain.execute_batch(&format!("PRAGMA restored.user_version = {schema_version};")));
    plain.execute_batch("DETACH DATABASE restored;")?;
    exported?;
    Ok(())
}

fn refuse_plaintext(path: &Path) -> Result<(), StoreError> {
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path)?;
    let read = file.read(&mut header)?;
    if read == 16 && &header == PLAINTEXT_HEADER {
        return Err(StoreError::NotEncrypted);
    }
    Ok(())
}

fn page_from_problem(problem: &str) -> String {
    // SQLCipher reports e.g. "HMAC verification failed for page 3"; keep only the number.
    problem.split_whitespace().rev().find(|w| w.chars().all(|c| c.is_ascii_digit())).unwrap_or("unknown").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rebuild_leaves_exactly_the_schema_the_migrations_make() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        migrations::apply(&mut conn).expect("migrate");
        let made = migrations::schema_of(&conn, "main").expect("schema");
        assert!(made.iter().any(|entry| is_derived(&entry.1)), "the schema has derived tables to rebuild");
        rebuild_derived(&conn).expect("rebuild");
        assert_eq!(migrations::schema_of(&conn, "main").expect("schema"), made);
        assert_eq!(made, migrations::expected_schema(migrations::latest_version(), "").expect("expected"));
    }

    #[test]
    fn an_opened_database_keeps_a_page_cache_large_enough_for_a_large_organisation() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("s.db");
        let key = DatabaseKey::generate();
        Db::create(&path, &key).expect("create").close().expect("close");
        let db = Db::open(&path, &key).expect("open");
        let kib: i64 = db.conn().query_row("PRAGMA cache_size", [], |r| r.get(0)).expect("cache size");
        assert_eq!(kib, -CACHE_KIB, "a negative cache size is in KiB");
    }

    #[test]
    fn plaintext_sqlite_file_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plain.db");
        let conn = Connection::open(&path).expect("open");
        // Without a key SQLCipher writes an ordinary plaintext database.
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").expect("write");
        drop(conn);
        let err = Db::open(&path, &DatabaseKey::generate()).expect_err("plaintext must be refused");
        assert!(matches!(err, StoreError::NotEncrypted), "{err:?}");
    }

    #[test]
    fn created_database_is_encrypted_and_reopens_only_with_its_key() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("s.db");
        let key = DatabaseKey::generate();
        let db = Db::create(&path, &key).expect("create");
        db.conn().execute("INSERT INTO meta (key, value) VALUES ('probe', 'canary-7f3a')", []).expect("insert");
        db.close().expect("close");
        let bytes = std::fs::read(&path).expect("read");
        assert_ne!(&bytes[..16], PLAINTEXT_HEADER);
        assert!(!bytes.windows(11).any(|w| w == b"canary-7f3a"));
        assert!(matches!(Db::open(&path, &DatabaseKey::generate()), Err(StoreError::KeyRejected)));
        let db = Db::open(&path, &key).expect("reopen");
        let v: String = db.conn().query_row("SELECT value FROM meta WHERE key='probe'", [], |r| r.get(0)).expect("row");
        assert_eq!(v, "canary-7f3a");
    }

    #[test]
    fn rekey_moves_the_database_to_the_new_key() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("s.db");
        let (old, new) = (DatabaseKey::generate(), DatabaseKey::generate());
        let mut db = Db::create(&path, &old).expect("create");
        db.rekey(&new).expect("rekey");
        db.close().expect("close");
        assert!(matches!(Db::open(&path, &old), Err(StoreError::KeyRejected)));
        assert!(Db::open(&path, &new).is_ok());
    }
}
