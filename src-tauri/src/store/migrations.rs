//! Embedded, numbered schema migrations. All the migrations a database has not had run in one
//! transaction together with the bump of `user_version`, so an upgrade that fails or is killed
//! halfway leaves the database exactly as it was, never a mix and never half the way forward.

use rusqlite::Connection;

use super::StoreError;

/// One step of the schema, applied once to each database.
pub struct Migration {
    /// The schema version the database is at once this step has run (its SQLite `user_version`).
    pub version: i64,
    /// The SQL that makes the step, from `store/migrations/`.
    pub sql: &'static str,
}

/// Every migration, oldest first, in the order they run.
pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, sql: include_str!("migrations/0001_foundation.sql") },
    Migration { version: 2, sql: include_str!("migrations/0002_people_aup.sql") },
    Migration { version: 3, sql: include_str!("migrations/0003_coverage_index.sql") },
    Migration { version: 4, sql: include_str!("migrations/0004_incidents.sql") },
    Migration { version: 5, sql: include_str!("migrations/0005_training.sql") },
    Migration { version: 6, sql: include_str!("migrations/0006_policies.sql") },
    Migration { version: 7, sql: include_str!("migrations/0007_training_certificates.sql") },
    Migration { version: 8, sql: include_str!("migrations/0008_policy_documents.sql") },
    Migration { version: 9, sql: include_str!("migrations/0009_image_consent.sql") },
    Migration { version: 10, sql: include_str!("migrations/0010_retention.sql") },
    Migration { version: 11, sql: include_str!("migrations/0011_signing_station_trust.sql") },
    Migration { version: 12, sql: include_str!("migrations/0012_incident_files.sql") },
    Migration { version: 13, sql: include_str!("migrations/0013_incident_search.sql") },
    Migration { version: 14, sql: include_str!("migrations/0014_training_latest.sql") },
    Migration { version: 15, sql: include_str!("migrations/0015_incident_list_indexes.sql") },
    Migration { version: 16, sql: include_str!("migrations/0016_aup_signed.sql") },
    Migration { version: 17, sql: include_str!("migrations/0017_retention_due.sql") },
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The database's schema version (its SQLite `user_version`); 0 for an empty file.
pub fn current_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Runs every migration the database has not had, in one transaction.
pub fn apply(conn: &mut Connection) -> Result<(), StoreError> {
    apply_up_to(conn, latest_version())
}

/// Runs the migrations after the database's version, up to and including `target`.
fn apply_up_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    let found = current_version(conn)?;
    let known = latest_version();
    if found > known {
        return Err(StoreError::SchemaTooNew { found, known });
    }
    let pending: Vec<&Migration> = MIGRATIONS.iter().filter(|m| m.version > found && m.version <= target).collect();
    let Some(last) = pending.last() else { return Ok(()) };
    let tx = conn.transaction()?;
    for migration in &pending {
        tx.execute_batch(migration.sql)?;
    }
    // user_version lives in the database header page, so it commits with the transaction.
    tx.pragma_update(None, "user_version", last.version)?;
    tx.commit()?;
    Ok(())
}

/// One row of `sqlite_master`: kind (table, index, trigger, view), name, the table it belongs
/// to, and the SQL that made it (none for SQLite's own automatic indexes).
pub type SchemaEntry = (String, String, String, Option<String>);

/// Every table, index, trigger and view in `schema` (a database name such as `main`), sorted.
pub fn schema_of(conn: &Connection, schema: &str) -> Result<Vec<SchemaEntry>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT type, name, tbl_name, sql FROM \"{schema}\".sqlite_master ORDER BY type, name, tbl_name"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The schema the migrations up to `version` create, built in a fresh in-memory database, with
/// `extra` (statements run after them) added.
pub fn expected_schema(version: i64, extra: &str) -> Result<Vec<SchemaEntry>, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    apply_up_to(&mut conn, version)?;
    conn.execute_batch(extra)?;
    schema_of(&conn, "main")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_numbered_in_order_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1);
        }
    }

    #[test]
    fn expected_schema_stops_at_the_version_asked_for() {
        let nine = expected_schema(9, "").expect("schema 9");
        let latest = expected_schema(latest_version(), "").expect("latest");
        assert!(!nine.iter().any(|(_, name, _, _)| name == "retention_decisions"));
        assert!(latest.iter().any(|(kind, name, _, _)| kind == "table" && name == "retention_decisions"));
        let mut fresh = Connection::open_in_memory().expect("memory db");
        apply(&mut fresh).expect("migrate");
        assert_eq!(schema_of(&fresh, "main").expect("schema"), latest);
    }

    #[test]
    fn schema_newer_than_this_build_is_refused() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        conn.pragma_update(None, "user_version", latest_version() + 1).expect("bump");
        let err = apply(&mut conn).expect_err("must refuse");
        assert!(matches!(err, StoreError::SchemaTooNew { .. }));
    }

    #[test]
    fn an_upgrade_that_fails_at_its_last_step_leaves_the_database_exactly_as_it_was() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        apply_up_to(&mut conn, 8).expect("schema 8");
        let before = schema_of(&conn, "main").expect("schema");
        // A table named as a table or index only the last migration creates is already there
        // (tables and indexes share their names), so the upgrade fails after the migrations
        // before it ran.
        let before_last = expected_schema(latest_version() - 1, "").expect("schema");
        let (_, clash, _, _) = expected_schema(latest_version(), "")
            .expect("schema")
            .into_iter()
            .find(|entry| (entry.0 == "table" || entry.0 == "index") && !before_last.iter().any(|b| b.1 == entry.1))
            .expect("the last migration creates a table or an index");
        conn.execute_batch(&format!("CREATE TABLE \"{clash}\" (x);")).expect("clash");
        let with_clash = schema_of(&conn, "main").expect("schema");
        assert!(apply(&mut conn).is_err());
        assert_eq!(current_version(&conn).expect("version"), 8, "nothing of the upgrade stays");
        assert_eq!(schema_of(&conn, "main").expect("schema"), with_clash);
        assert_ne!(before, with_clash);
    }

    #[test]
    fn failed_migration_leaves_the_previous_version() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        // A table the first migration also creates makes it fail partway through.
        conn.execute_batch("CREATE TABLE admins (x);").expect("pre-existing table");
        assert!(apply(&mut conn).is_err());
        assert_eq!(current_version(&conn).expect("version"), 0);
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE name IN ('meta','settings','audit')", [], |r| r.get(0))
            .expect("count");
        assert_eq!(tables, 0, "no table of the failed migration may remain");
    }
}
