//! Shared fixtures for the vault integration tests: a temporary vault with known secrets, and
//! byte-exact snapshots of a data folder.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use rusqlite::Connection;
use safekeeper::store::DatabaseKey;
use safekeeper::vault::{keyfile, NewVault, UnlockedVault, VaultPaths};

mod route;
#[allow(unused_imports)] // Each test binary uses its own part of this module.
pub use route::unsuitable_route;

pub const PASSPHRASE: &str = "copper lantern orchard whistle";
pub const SECOND_PASSPHRASE: &str = "harbour mosaic kettle daybreak";

pub struct TestVault {
    pub dir: tempfile::TempDir,
    pub paths: VaultPaths,
    pub recovery: x25519::Identity,
}

impl TestVault {
    pub fn recovery_text(&self) -> String {
        self.recovery.to_string().expose_secret().to_owned()
    }
}

pub fn pass(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

/// A new vault, locked, with one admin whose passphrase is `PASSPHRASE`.
pub fn new_vault() -> TestVault {
    new_vault_named("Test Youth Trust", "Alex Morgan")
}

pub fn new_vault_named(org: &str, admin: &str) -> TestVault {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = VaultPaths::new(dir.path().join("data"));
    let recovery = x25519::Identity::generate();
    let vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: org,
            admin_name: admin,
            passphrase: &pass(PASSPHRASE),
            recovery: &recovery,
            demo_passphrase: None,
        },
    )
    .expect("create vault");
    // As the app does: the signing station shows the new vault once it locks.
    safekeeper::kiosk::refresh::lock(vault, "test").expect("lock");
    TestVault { dir, paths, recovery }
}

/// Every file under `root` with its bytes.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path).expect("read file"));
            }
        }
    }
    out
}

/// Copies a whole folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for (path, bytes) in snapshot(from) {
        let target = to.join(path.strip_prefix(from).expect("under root"));
        std::fs::create_dir_all(target.parent().expect("has parent")).expect("mkdir");
        std::fs::write(target, bytes).expect("write copy");
    }
}

/// Adds members of staff by name, as the admin who unlocked `vault`.
pub fn add_people(vault: &mut UnlockedVault, names: &[&str]) {
    use safekeeper::records::people::{self, PersonDraft, PersonGroup};
    let actor = vault.actor().clone();
    for name in names {
        let draft = PersonDraft {
            group: PersonGroup::Staff,
            full_name: (*name).into(),
            preferred_name: None,
            date_of_birth: None,
            start_date: None,
            leave_date: None,
            email: None,
            phone: None,
        };
        people::add(vault.db_mut().conn_mut(), &actor, &draft).expect("person");
    }
}

/// A plain concern, as a member of staff would report it at the signing station.
pub fn concern() -> safekeeper::kiosk::outbox::KioskConcern {
    safekeeper::kiosk::outbox::KioskConcern {
        what_happened: "A learner was sent messages by an adult asking to meet.".into(),
        happened_on: safekeeper::dates::today(),
        happened_at_time: None,
        place: "Computer room".into(),
        people_involved: "A learner in the Tuesday group".into(),
        own_words: None,
        done_so_far: None,
        reporter_name: "Ada Pennington".into(),
        about_staff: false,
    }
}

/// The vault's database key, unwrapped with the recovery key, as SQLCipher's raw-key statement.
pub fn key_statement(paths: &VaultPaths, recovery: &age::x25519::Identity) -> String {
    let key: DatabaseKey =
        keyfile::unwrap_key(&std::fs::read(paths.wrapped_key()).expect("dek"), recovery).expect("unwrap");
    let hex: String = key.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
    format!("PRAGMA key = \"x'{hex}'\";")
}

/// Takes a closed vault back to schema 9, as a vault made by the release before retention review:
/// see `back_to_schema`.
pub fn back_to_schema_9(paths: &VaultPaths, recovery: &age::x25519::Identity) {
    back_to_schema(paths, recovery, 9);
}

/// Takes a closed vault back to exactly the schema the migrations up to `version` make, as a
/// vault made by that release would have: what later migrations added is dropped (with its rows)
/// and what they replaced is put back word for word, so that a backup of it passes the schema
/// check as a real one would.
pub fn back_to_schema(paths: &VaultPaths, recovery: &age::x25519::Identity, version: i64) {
    use safekeeper::store::migrations;
    let conn = Connection::open(paths.database()).expect("open raw");
    conn.execute_batch(&key_statement(paths, recovery)).expect("key");
    let now = migrations::schema_of(&conn, "main").expect("schema");
    let then = migrations::expected_schema(version, "").expect("old schema");
    let mut steps = String::from("BEGIN;\n");
    // Triggers and indexes first, then virtual tables (which take their shadow tables with them),
    // then tables, so nothing is dropped twice.
    let is_virtual = |sql: &Option<String>| sql.as_deref().is_some_and(|s| s.starts_with("CREATE VIRTUAL TABLE"));
    for (kind, virtual_first) in
        [("trigger", false), ("index", false), ("view", false), ("table", true), ("table", false)]
    {
        for (k, name, _, sql) in &now {
            if k == kind
                && sql.is_some()
                && is_virtual(sql) == virtual_first
                && !then.iter().any(|t| t.0 == *k && t.1 == *name && t.3 == *sql)
            {
                steps.push_str(&format!("DROP {} IF EXISTS \"{name}\";\n", kind.to_uppercase()));
            }
        }
    }
    for kind in ["table", "index", "view", "trigger"] {
        for (k, name, _, sql) in &then {
            if k == kind && !now.iter().any(|n| n.0 == *k && n.1 == *name && n.3 == *sql) {
                steps.push_str(sql.as_deref().expect("made by a statement"));
                steps.push_str(";\n");
            }
        }
    }
    steps.push_str(&format!("PRAGMA user_version = {version};\nCOMMIT;\nPRAGMA wal_checkpoint(TRUNCATE);"));
    conn.execute_batch(&steps).expect("downgrade");
    assert_eq!(migrations::schema_of(&conn, "main").expect("schema"), then, "exactly the old schema");
    assert_eq!(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).expect("version"), version);
    drop(conn);
}
