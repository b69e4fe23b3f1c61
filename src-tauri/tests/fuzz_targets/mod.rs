//! The bodies of the fuzz targets, shared by the bounded property tests that CI runs
//! (`tests/fuzz_harness.rs`) and the cargo-fuzz targets run by hand (`fuzz/`, `.dev/fuzz.sh`).
//! Each takes any bytes at all and must return without panicking or hanging; where a reader must
//! not fail as a whole because of one hostile file (the outbox ingest), that is asserted too.
//!
//! Keys and ids come from the committed corpus (`tests/corpus/`), so the seeds there open.
#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use age::x25519;
use rusqlite::Connection;
use safekeeper::kiosk::{manifest, outbox, station};
use safekeeper::records::{people_import, training};
use safekeeper::store::{audit, migrations};
use safekeeper::vault::{backup, VaultPaths};

pub const CORPUS_KEY: &str = include_str!("../../../tests/corpus/corpus-key.txt");
pub const CORPUS_VAULT_ID: &str = include_str!("../../../tests/corpus/vault-id.txt");

/// The names the targets go by, in `.dev/fuzz.sh` and `fuzz/Cargo.toml`.
pub const TARGETS: &[&str] = &["backup_file", "backup_plain", "outbox", "people_csv", "training_csv", "manifest"];

pub fn identity() -> &'static x25519::Identity {
    static ID: OnceLock<x25519::Identity> = OnceLock::new();
    ID.get_or_init(|| CORPUS_KEY.trim().parse().expect("the corpus key parses"))
}

pub fn vault_id() -> &'static str {
    CORPUS_VAULT_ID.trim()
}

/// Runs the named target on `data`.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "backup_file" => backup_file(data),
        "backup_plain" => backup_plain(data),
        "outbox" => outbox_file(data),
        "people_csv" => people_csv(data),
        "training_csv" => training_csv(data),
        "manifest" => manifest_file(data),
        other => panic!("no fuzz target called {other}"),
    }
}

/// A backup file as the restore screen reads it: decrypted, then opened and checked.
pub fn backup_file(data: &[u8]) {
    if let Ok(plain) = backup::decrypt(data, identity()) {
        let _ = backup::open_checked(&plain, Some(vault_id()));
    }
}

/// A decrypted backup (a hostile SQLite database) opened and checked.
pub fn backup_plain(data: &[u8]) {
    let _ = backup::open_checked(data, Some(vault_id()));
}

/// An empty database as a new vault has it, serialised once and copied for every run.
fn template_db() -> &'static Vec<u8> {
    static DB: OnceLock<Vec<u8>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut conn = Connection::open_in_memory().expect("memory database");
        migrations::apply(&mut conn).expect("migrations");
        audit::initialise(&conn).expect("audit");
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('vault_id', ?1)", [vault_id()])
            .expect("vault id");
        conn.serialize("main").expect("serialise").to_vec()
    })
}

fn fresh_db() -> Connection {
    let bytes = template_db();
    let mut conn = Connection::open_in_memory().expect("memory database");
    conn.deserialize_read_exact("main", bytes.as_slice(), bytes.len(), false).expect("load template");
    conn.execute_batch("PRAGMA foreign_keys = ON;").expect("pragma");
    conn
}

type Scratch = OnceLock<(tempfile::TempDir, Mutex<()>)>;

/// A scratch data folder per target and process, so one target never waits for another; targets
/// empty what they use first.
fn scratch(which: &'static Scratch) -> &'static (tempfile::TempDir, Mutex<()>) {
    which.get_or_init(|| {
        let base =
            if std::path::Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
        (tempfile::tempdir_in(base).expect("scratch folder"), Mutex::new(()))
    })
}

static OUTBOX_SCRATCH: Scratch = OnceLock::new();
static MANIFEST_SCRATCH: Scratch = OnceLock::new();

fn seal(plaintext: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let recipient = identity().to_public();
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).expect("one recipient");
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out).expect("in memory");
    writer.write_all(plaintext).expect("in memory");
    writer.finish().expect("in memory");
    out
}

/// One outbox file, read and recorded by the ingest into an empty vault database. The first byte
/// chooses: odd, the rest is the file as it sits on disk; even, the rest is the envelope's
/// plaintext, sealed to the vault's key first (so the fuzzer reaches the parsing and the records).
/// Whatever the file holds, the ingest as a whole must succeed: a planted file may be refused,
/// never stop the ingest.
pub fn outbox_file(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    let sealed = if mode & 1 == 1 { rest.to_vec() } else { seal(rest) };
    let (dir, lock) = scratch(&OUTBOX_SCRATCH);
    let _one_at_a_time = lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let paths = VaultPaths::new(dir.path().join("outbox-target"));
    let folder = paths.outbox_dir();
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).expect("outbox folder");
    fs::write(folder.join("00000001-6f1c1f52-4a0e-4c51-9a43-0c7b8f2d3e10.age"), &sealed).expect("write file");
    let mut conn = fresh_db();
    let pending = outbox::read_outbox(&paths, identity()).expect("reading the outbox");
    let report = pending.ingest(&mut conn, &audit::Actor::RecoveryKey);
    assert!(report.is_ok(), "one outbox file stopped the whole ingest: {:?}", report.err().map(|e| e.to_string()));
}

fn read_only_db() -> &'static Mutex<Connection> {
    static DB: OnceLock<Mutex<Connection>> = OnceLock::new();
    DB.get_or_init(|| Mutex::new(fresh_db()))
}

/// A people CSV through the importer's preview (which writes nothing).
pub fn people_csv(data: &[u8]) {
    let conn = read_only_db().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let _ = people_import::preview(&conn, data);
}

/// A training CSV through the importer's preview (which writes nothing).
pub fn training_csv(data: &[u8]) {
    let conn = read_only_db().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
    let _ = training::import_preview(&conn, data, today);
}

/// A kiosk manifest as the locked signing station reads it: listing what it offers and sealing a
/// concern to the recipients it names.
pub fn manifest_file(data: &[u8]) {
    let (dir, lock) = scratch(&MANIFEST_SCRATCH);
    let _one_at_a_time = lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let paths = VaultPaths::new(dir.path().join("manifest-target"));
    let _ = fs::remove_dir_all(paths.data_dir());
    fs::create_dir_all(paths.vault_dir()).expect("vault folder");
    fs::write(paths.manifest(), data).expect("write manifest");
    if manifest::read(&paths.manifest()).is_none() {
        return;
    }
    let _ = station::signing_options(&paths);
    let _ = station::consent_form(&paths);
    let _ = station::report_concern(&paths, concern());
}

pub fn concern() -> outbox::KioskConcern {
    outbox::KioskConcern {
        what_happened: "A learner was sent messages by an adult asking to meet.".into(),
        happened_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        happened_at_time: Some("15:40".into()),
        place: "Computer room".into(),
        people_involved: "A learner in the Tuesday group".into(),
        own_words: None,
        done_so_far: None,
        reporter_name: "Ada Pennington".into(),
        about_staff: false,
    }
}
