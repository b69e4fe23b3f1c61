//! Upgrades keep the records.
//!
//! - `tests/fixtures/vault-0.1.0/` is a vault made by Safekeeper 0.1.0 (the demo organisation,
//!   with training, incidents, a policy review and the filtering log added), committed with the
//!   number of rows in every table and every person's name. Every later version must open it,
//!   bring it up to its own schema and show every record. Made by the ignored test
//!   `write_the_fixture` (see its comment); never remade for a later version.
//! - An older vault is backed up into the records folder before its records change, and the
//!   admin is told where the backup is.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use age::secrecy::SecretString;
use chrono::NaiveDate;
use common::{add_people, back_to_schema_9, copy_tree, new_vault, pass, PASSPHRASE};
use rusqlite::Connection;
use safekeeper::records::incidents::{
    self, Category, EntryBody, IncidentFilter, IncidentKind, IncidentSource, NewIncident, Outcome, Report, SignOff,
    Status, StatusChange,
};
use safekeeper::records::people::{self, PeopleQuery, PersonStatus};
use safekeeper::records::policies::{self, FilteringEntry, FilteringKind, PolicyReview, ReviewTrigger};
use safekeeper::records::training::{self, Completion, MatrixFilter};
use safekeeper::store::{audit, migrations};
use safekeeper::vault::upgrade::{self, UpgradeError};
use safekeeper::vault::{read_backup_for_new_vault, UnlockedVault, VaultError, VaultPaths};
use serde::{Deserialize, Serialize};

const FIXTURE: &str = "tests/fixtures/vault-0.1.0";

/// What the fixture held when it was made.
#[derive(Debug, Serialize, Deserialize)]
struct Expected {
    app_version: String,
    schema_version: i64,
    /// Rows in every table.
    rows: BTreeMap<String, i64>,
    /// Every person's full name, sorted.
    people: Vec<String>,
}

fn fixture_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)
}

fn demo_passphrase() -> SecretString {
    SecretString::from(safekeeper::demo::DEMO_PASSPHRASE.to_owned())
}

fn rows_in_every_table(conn: &Connection) -> BTreeMap<String, i64> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("tables");
    let tables: Vec<String> = stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("rows");
    tables
        .into_iter()
        .map(|t| {
            let n = conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0)).expect("count");
            (t, n)
        })
        .collect()
}

fn everyone(conn: &Connection) -> Vec<String> {
    let query = PeopleQuery { text: String::new(), group: None, status: PersonStatus::All };
    let mut names: Vec<String> =
        people::search(conn, &query).expect("people").into_iter().map(|p| p.full_name).collect();
    names.sort();
    names
}

/// Makes the fixture. Run by hand, and only to make a fixture for a version that has none:
/// `SAFEKEEPER_WRITE_FIXTURE=1 cargo test --no-default-features --test upgrade -- --ignored write_the_fixture`
#[test]
#[ignore = "makes the committed fixture; run by hand"]
fn write_the_fixture() {
    if std::env::var_os("SAFEKEEPER_WRITE_FIXTURE").is_none() {
        return;
    }
    let out = fixture_dir();
    assert!(!out.exists(), "{} is there already: a fixture is never remade", out.display());
    let made = tempfile::tempdir().expect("temp");
    let paths = safekeeper::demo::create(made.path()).expect("demo organisation");
    let mut vault = UnlockedVault::unlock(&paths, &demo_passphrase()).expect("unlock");
    // The first unlock took in the signature waiting at the signing station.
    safekeeper::kiosk::outbox::ingest(&mut vault).expect("ingest");
    let actor = vault.actor().clone();
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).expect("date");
    let conn = vault.db_mut().conn_mut();
    let staff: Vec<String> =
        people::search(conn, &PeopleQuery::default()).expect("people").into_iter().map(|p| p.id).collect();

    let completion = Completion {
        course_id: "course-online-safety".into(),
        completed_on: NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"),
        provider: "In house".into(),
        notes: Some("Annual refresher".into()),
        person_ids: staff[..3].to_vec(),
    };
    training::record(conn, &actor, &completion, today).expect("training");

    for (i, kind) in [IncidentKind::Cyberbullying, IncidentKind::OnlineHate].into_iter().enumerate() {
        let on = NaiveDate::from_ymd_opt(2026, 10, 5 + i as u32).expect("date");
        let report = Report {
            occurred_on: on,
            occurred_at_time: None,
            reported_on: on,
            how_reported: "In person".into(),
            reported_by: "A youth worker".into(),
            reported_to: "The DSL".into(),
            place: "Youth club".into(),
            platform: "A messaging app".into(),
            device: "Own phone".into(),
            category: Category::Contact,
            kind,
            facts: format!("Made-up incident number {} for the upgrade fixture.", i + 1),
            own_words: None,
            opinion: None,
        };
        let new =
            NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &report };
        let incident = incidents::create(conn, &actor, &new, today).expect("incident");
        if i == 0 {
            let outcome = EntryBody::Outcome(Outcome {
                outcome: "Resolved with the young people and their parents".into(),
                sanctions: None,
                lessons_learnt: None,
                policy_changes: None,
            });
            incidents::add_entry(conn, &actor, &incident.id, &outcome, today).expect("outcome");
            for entry in common::unsuitable_route(today, "Sam Okafor") {
                incidents::add_entry(conn, &actor, &incident.id, &entry, today).expect("route");
            }
            let close = StatusChange {
                to: Status::Closed,
                sign_off: Some(SignOff { name: "Sam Okafor".into(), on: today }),
                reason: None,
            };
            incidents::change_status(conn, &actor, &incident.id, &close, today).expect("close");
        }
    }

    let policy = policies::list(conn, today, false).expect("policies").into_iter().next().expect("a policy");
    let review = PolicyReview {
        version: "2".into(),
        reviewed_on: NaiveDate::from_ymd_opt(2026, 9, 1).expect("date"),
        lead: "Sam Okafor".into(),
        change: Some("Added the signing station".into()),
        trigger: ReviewTrigger::Scheduled,
        approved_by: Some("Board of trustees".into()),
        approved_on: NaiveDate::from_ymd_opt(2026, 9, 15),
        next_review: None,
    };
    policies::record_review(conn, &actor, &policy.id, &review, today).expect("review");
    let filtering = FilteringEntry {
        happened_on: NaiveDate::from_ymd_opt(2026, 11, 2).expect("date"),
        kind: FilteringKind::Change,
        what: "Blocked a gaming site on the club's wifi".into(),
        who: "Sam Okafor".into(),
        why: "Asked by parents".into(),
    };
    policies::add_filtering_entry(conn, &actor, &filtering, today).expect("filtering");

    let expected = Expected {
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        schema_version: migrations::current_version(vault.db().conn()).expect("version"),
        rows: rows_in_every_table(vault.db().conn()),
        people: everyone(vault.db().conn()),
    };
    vault.lock("fixture").expect("lock");
    copy_tree(paths.data_dir(), &out);
    std::fs::write(out.join("expected.json"), serde_json::to_string_pretty(&expected).expect("json")).expect("write");
}

#[test]
fn the_vault_made_by_0_1_0_opens_is_brought_up_to_date_and_shows_every_record() {
    let expected: Expected =
        serde_json::from_str(&std::fs::read_to_string(fixture_dir().join("expected.json")).expect("expected.json"))
            .expect("parse");
    let copy = tempfile::tempdir().expect("temp");
    copy_tree(&fixture_dir(), copy.path());
    std::fs::remove_file(copy.path().join("expected.json")).expect("not part of the vault");
    let paths = VaultPaths::new(copy.path());

    let vault = UnlockedVault::unlock(&paths, &demo_passphrase()).expect("the 0.1.0 vault unlocks");
    let conn = vault.db().conn();
    assert_eq!(migrations::current_version(conn).expect("version"), migrations::latest_version());
    assert!(audit::verify(conn).expect("verify").verified, "the audit trail still checks out");
    let now = rows_in_every_table(conn);
    for (table, rows) in &expected.rows {
        match now.get(table) {
            // Each unlock adds to the audit trail and publishes the signing station's manifest
            // again, and an update leaves its notice in the settings; no record changes.
            Some(found) if ["audit", "kiosk_manifests", "settings"].contains(&table.as_str()) => {
                assert!(found >= rows, "{table}: rows were lost")
            }
            // The backup made before an update that changes the schema makes the vault's backup
            // key the first time one is needed; nothing else in meta may change.
            Some(found) if table == "meta" => {
                let key: i64 = conn
                    .query_row("SELECT count(*) FROM meta WHERE key = 'backup_mac_key'", [], |r| r.get(0))
                    .expect("meta");
                assert!(*found == *rows || (*found == rows + 1 && key == 1), "meta: {found} rows, was {rows}")
            }
            Some(found) => assert_eq!(found, rows, "{table}: rows lost or added by the upgrade"),
            None => panic!("table {table} disappeared with its {rows} rows: a migration must move them somewhere"),
        }
    }
    assert_eq!(everyone(conn), expected.people);

    // The screens' own reads still understand the old rows.
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).expect("date");
    let incidents = incidents::list(conn, vault.actor(), &IncidentFilter::default()).expect("incidents");
    assert_eq!(incidents.len() as i64, expected.rows["incidents"]);
    // Entries written before the search index existed are found through it.
    for (text, wanted) in [("upgrade fixture", expected.rows["incidents"]), ("incident number 2 for", 1)] {
        let filter = IncidentFilter { text: text.into(), ..Default::default() };
        let found = incidents::list(conn, vault.actor(), &filter).expect("search");
        assert_eq!(found.len() as i64, wanted, "searching {text:?} in the old incidents");
    }
    let matrix = training::matrix(conn, today, &MatrixFilter::default()).expect("matrix");
    assert!(!matrix.rows.is_empty(), "the training matrix shows the people");
    assert_eq!(policies::filtering_log(conn).expect("log").len() as i64, expected.rows["filtering_log"]);
    assert!(!policies::list(conn, today, true).expect("policies").is_empty());

    // An update that changed the schema left a verified backup of the records as they were.
    let backups_folder = upgrade::folder(paths.data_dir());
    if expected.schema_version < migrations::latest_version() {
        let notice = upgrade::notice(conn).expect("notice").expect("the admin is told");
        assert_eq!(notice.from_schema, expected.schema_version);
        assert!(Path::new(&notice.backup_path).starts_with(&backups_folder));
    } else {
        assert!(!backups_folder.exists(), "no update, so no backup was needed");
        assert!(upgrade::notice(conn).expect("notice").is_none());
    }
    vault.lock("test").expect("lock");
}

#[test]
fn an_older_vault_is_backed_up_before_its_records_change_and_the_admin_is_told_where() {
    let v = new_vault();
    {
        let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
        add_people(&mut vault, &["Asha Patel", "Ben Jones", "Cara Lee"]);
        vault.lock("test").expect("lock");
    }
    back_to_schema_9(&v.paths, &v.recovery);

    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock updates the records");
    assert_eq!(migrations::current_version(vault.db().conn()).expect("version"), migrations::latest_version());
    let folder = upgrade::folder(v.paths.data_dir());
    let files: Vec<_> =
        std::fs::read_dir(&folder).expect("the backups folder").map(|e| e.expect("entry").path()).collect();
    assert_eq!(files.len(), 1);
    let notice = upgrade::notice(vault.db().conn()).expect("notice").expect("the admin is told");
    assert_eq!((notice.from_schema, notice.to_schema), (9, migrations::latest_version()));
    assert_eq!(Path::new(&notice.backup_path), files[0].as_path());
    assert!(audit::has_action(vault.db().conn(), "vault.upgraded").expect("audit"));

    // The backup is an ordinary one, of the records as they were: it opens with the recovery key.
    let found = read_backup_for_new_vault(&files[0], &v.recovery_text()).expect("the backup opens");
    assert_eq!(found.manifest.schema_version, 9);
    let people = found.manifest.counts.iter().find(|(t, _)| t == "people").map(|(_, n)| *n);
    assert_eq!(people, Some(3));

    // Read once, the notice goes; the next unlock makes no second backup.
    let actor = vault.actor().clone();
    upgrade::dismiss_notice(vault.db_mut().conn_mut(), &actor).expect("dismiss");
    assert!(upgrade::notice(vault.db().conn()).expect("notice").is_none());
    assert!(audit::has_action(vault.db().conn(), "vault.upgradeNoticeRead").expect("audit"));
    vault.lock("test").expect("lock");
    UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock").lock("test").expect("lock");
    assert_eq!(std::fs::read_dir(&folder).expect("folder").count(), 1);
}

#[test]
fn when_the_backup_before_an_update_cannot_be_made_the_records_stay_as_they_were() {
    let v = new_vault();
    {
        let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
        add_people(&mut vault, &["Asha Patel"]);
        vault.lock("test").expect("lock");
    }
    back_to_schema_9(&v.paths, &v.recovery);
    // A file where the backups folder should be: the folder cannot be made.
    std::fs::write(upgrade::folder(v.paths.data_dir()), b"in the way").expect("plant");

    let err = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect_err("no update without a backup");
    assert!(matches!(err, VaultError::Upgrade(UpgradeError::BackupFailed(_))), "{err:?}");
    assert!(err.to_string().contains("nothing was changed"), "{err}");
    let raw = Connection::open(v.paths.database()).expect("open raw");
    raw.execute_batch(&common::key_statement(&v.paths, &v.recovery)).expect("key");
    let version: i64 = raw.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, 9, "the records were not touched");
    drop(raw);

    // With the way cleared, the next unlock makes the backup and updates the records.
    std::fs::remove_file(upgrade::folder(v.paths.data_dir())).expect("clear");
    let vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    assert_eq!(migrations::current_version(vault.db().conn()).expect("version"), migrations::latest_version());
    vault.lock("test").expect("lock");
}
