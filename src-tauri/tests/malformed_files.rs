//! The committed corpus of malformed files (`tests/corpus/<kind>/` at the top of the repository):
//! every file is fed to the reader the app really uses for that kind, and each must be refused with
//! its own plain error, never a panic and never a vague one. A failure names the file.
//!
//! The corpus is made by `regenerate_corpus` below (run by hand:
//! `cargo test --no-default-features --test malformed_files -- --ignored regenerate_corpus`), from a
//! scratch vault whose recovery key is `tests/corpus/corpus-key.txt`. Files too big to commit
//! (oversized) are made at test time as sparse files, which cost no disk.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use age::x25519;
use common::*;
use rusqlite::Connection;
use safekeeper::error::CodedError;
use safekeeper::kiosk::{manifest, outbox, station};
use safekeeper::records::{people_import, training};
use safekeeper::store::{migrations, DatabaseKey};
use safekeeper::vault::keyfile::{self, KeyFileError};
use safekeeper::vault::{backup, NewVault, UnlockedVault, VaultPaths};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

fn corpus_key() -> x25519::Identity {
    let text = fs::read_to_string(corpus().join("corpus-key.txt")).expect("corpus key");
    text.trim().parse().expect("the corpus key parses")
}

fn corpus_vault_id() -> String {
    fs::read_to_string(corpus().join("vault-id.txt")).expect("vault id").trim().to_owned()
}

fn file(kind: &str, name: &str) -> PathBuf {
    corpus().join(kind).join(name)
}

fn bytes(kind: &str, name: &str) -> Vec<u8> {
    fs::read(file(kind, name)).unwrap_or_else(|e| panic!("{kind}/{name}: cannot read the corpus file: {e}"))
}

/// Every file in a kind's folder, so a file added without an expectation fails the test.
fn names_in(kind: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(corpus().join(kind))
        .expect("corpus folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && n != "README.md")
        .collect();
    names.sort();
    names
}

fn assert_covers(kind: &str, expected: &[(&str, &str, &str)]) {
    let mut listed: Vec<String> = expected.iter().map(|(n, _, _)| (*n).to_owned()).collect();
    listed.sort();
    assert_eq!(names_in(kind), listed, "{kind}: every corpus file needs an expected error in this test");
}

fn failures_to_text(failures: &[String]) -> String {
    failures.iter().map(|f| format!("\n  - {f}")).collect()
}

/// Flips one bit at `at` (counted from the end when negative).
fn flip(bytes: &[u8], at: isize) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let i = if at < 0 { out.len() - at.unsigned_abs() } else { at as usize };
    out[i] ^= 0x01;
    out
}

/// An age file with `stanzas` empty stanzas inserted after its first line: a header far larger
/// than any Safekeeper writes.
fn with_huge_header(age_file: &[u8], stanzas: usize) -> Vec<u8> {
    let first_line = age_file.iter().position(|&b| b == b'\n').expect("age version line") + 1;
    let mut out = age_file[..first_line].to_vec();
    for _ in 0..stanzas {
        out.extend_from_slice(b"-> corpus-grease\n\n");
    }
    out.extend_from_slice(&age_file[first_line..]);
    out
}

/// The position of the header's MAC line (`--- …`) in an age file, plus a few bytes into it.
fn in_header_mac(age_file: &[u8]) -> isize {
    let at = age_file.windows(4).position(|w| w == b"\n---").expect("age header end");
    (at + 6) as isize
}

fn seal_to(recipient: &x25519::Recipient, plaintext: &[u8]) -> Vec<u8> {
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient)).expect("one recipient");
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out).expect("in memory");
    writer.write_all(plaintext).expect("in memory");
    writer.finish().expect("in memory");
    out
}

fn open_age(sealed: &[u8], identity: &x25519::Identity) -> Vec<u8> {
    use std::io::Read;
    let decryptor = age::Decryptor::new_buffered(sealed).expect("age file");
    let mut reader = decryptor.decrypt(std::iter::once(identity as &dyn age::Identity)).expect("opens");
    let mut out = Vec::new();
    reader.read_to_end(&mut out).expect("read");
    out
}

fn sparse(path: &Path, len: u64) {
    fs::File::create(path).expect("create").set_len(len).expect("grow");
}

const PEOPLE_CSV: &str = "Full name,Group,Date of birth,Email\r\n\"Aisha Khan\",Staff,,aisha@example.org\r\nBen Jones,Volunteer,,\r\nCara Lee,Young person,01/02/2010,\r\n";
const TRAINING_CSV: &str = "Name,Course,Date completed,Provider,Notes\r\nAisha Khan,Safeguarding level 1,03/09/2025,\"Local authority, online\",\r\nBen Jones,Online safety,12/10/2025,In house,\r\n";

/// Writes the corpus. Run by hand after changing a file format; commit what it writes.
#[test]
#[ignore = "writes the committed corpus; run by hand"]
fn regenerate_corpus() {
    let key = corpus_key();
    let scratch = tempfile::tempdir().expect("scratch");
    let paths = VaultPaths::new(scratch.path().join("data"));
    let mut vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Corpus Youth Trust",
            admin_name: "Corra Testwell",
            passphrase: &pass(PASSPHRASE),
            recovery: &key,
            demo_passphrase: None,
        },
    )
    .expect("scratch vault");
    add_people(&mut vault, &["Asha Patel"]);
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "corpus").expect("backup");
    let valid_backup = fs::read(&report.path).expect("backup file");
    safekeeper::kiosk::refresh::lock(vault, "corpus").expect("lock");
    let kiosk_json = fs::read(paths.manifest()).expect("manifest");
    station::report_concern(&paths, fuzz_concern()).expect("concern");
    let submission = fs::read(
        fs::read_dir(paths.outbox_dir())
            .expect("outbox")
            .map(|e| e.expect("entry").path())
            .find(|p| p.extension().is_some_and(|e| e == "age"))
            .expect("one submission"),
    )
    .expect("submission");
    let stranger = x25519::Identity::generate().to_public();

    let write = |kind: &str, name: &str, content: &[u8]| {
        let dir = corpus().join(kind);
        fs::create_dir_all(&dir).expect("corpus folder");
        fs::write(dir.join(name), content).expect("write corpus file");
    };
    for kind in ["backup", "outbox", "manifest", "csv-people", "csv-training", "admin-key"] {
        let dir = corpus().join(kind);
        if dir.is_dir() {
            for entry in fs::read_dir(&dir).expect("list") {
                let path = entry.expect("entry").path();
                if path.file_name().is_some_and(|n| n != "README.md") {
                    fs::remove_file(path).expect("clear");
                }
            }
        }
    }
    fs::write(corpus().join("vault-id.txt"), format!("{}\n", report.manifest.vault_id)).expect("vault id");

    // Backups.
    write("backup", "valid.age", &valid_backup);
    write("backup", "zero-length.age", b"");
    write("backup", "cut-short.age", &valid_backup[..valid_backup.len() / 2]);
    write("backup", "bit-flipped-payload.age", &flip(&valid_backup, -1000));
    write("backup", "bit-flipped-header.age", &flip(&valid_backup, in_header_mac(&valid_backup)));
    write("backup", "wrong-vault.age", &seal_to(&stranger, &open_age(&valid_backup, &key)));
    write("backup", "wrong-kind-submission.age", &submission);
    write("backup", "wrong-kind-manifest.age", &kiosk_json);
    write("backup", "wrong-kind-database.age", &seal_to(&key.to_public(), &plain_database_without_manifest()));
    write("backup", "huge-header.age", &with_huge_header(&valid_backup, 5_000));

    // Outbox files.
    let envelope = open_age(&submission, &key);
    write("outbox", "wrong-vault-id.age", &submission);
    write("outbox", "wrong-vault-key.age", &seal_to(&stranger, &envelope));
    write("outbox", "zero-length.age", b"");
    write("outbox", "cut-short.age", &submission[..submission.len() / 2]);
    write("outbox", "bit-flipped-payload.age", &flip(&submission, -10));
    write("outbox", "bit-flipped-header.age", &flip(&submission, in_header_mac(&submission)));
    write("outbox", "wrong-kind.age", &seal_to(&key.to_public(), PEOPLE_CSV.as_bytes()));
    write("outbox", "cut-short-envelope.age", &seal_to(&key.to_public(), &envelope[..envelope.len() / 2]));
    write("outbox", "huge-header.age", &with_huge_header(&submission, 5_000));

    // Manifests.
    write("manifest", "valid.json", &kiosk_json);
    write("manifest", "zero-length.json", b"");
    write("manifest", "cut-short.json", &kiosk_json[..kiosk_json.len() / 2]);
    write("manifest", "bit-flipped.json", &flip(&kiosk_json, 0));
    write("manifest", "wrong-kind.json", &submission);
    let mut elsewhere: serde_json::Value = serde_json::from_slice(&kiosk_json).expect("manifest json");
    elsewhere["vaultId"] = uuid::Uuid::new_v4().to_string().into();
    elsewhere["orgName"] = "Another Youth Trust".into();
    elsewhere["recipients"] = vec![stranger.to_string()].into();
    write("manifest", "wrong-vault.json", &serde_json::to_vec_pretty(&elsewhere).expect("json"));
    let mut nested = "[".repeat(100_000).into_bytes();
    nested.extend_from_slice(&kiosk_json);
    write("manifest", "huge-header.json", &nested);

    // People CSVs.
    let people = PEOPLE_CSV.as_bytes();
    let name_at = PEOPLE_CSV.find("name").expect("header") as isize;
    let quote_at = PEOPLE_CSV.find("\"Aisha").expect("quoted cell") + 4;
    write("csv-people", "valid.csv", people);
    write("csv-people", "zero-length.csv", b"");
    write("csv-people", "cut-short.csv", &people[..quote_at]);
    write("csv-people", "bit-flipped.csv", &flip(people, name_at));
    write("csv-people", "wrong-kind.csv", &submission);
    write("csv-people", "huge-header.csv", huge_header_row().as_bytes());

    // Training CSVs.
    let training = TRAINING_CSV.as_bytes();
    let quote_at = TRAINING_CSV.find("\"Local").expect("quoted cell") + 4;
    write("csv-training", "valid.csv", training);
    write("csv-training", "zero-length.csv", b"");
    write("csv-training", "cut-short.csv", &training[..quote_at]);
    write("csv-training", "bit-flipped.csv", &flip(training, 0));
    write("csv-training", "wrong-kind.csv", &submission);
    write("csv-training", "huge-header.csv", huge_header_row().as_bytes());

    // Admin key files (passphrase: common::PASSPHRASE).
    let admin = keyfile::seal_identity(&x25519::Identity::generate(), &pass(PASSPHRASE));
    write("admin-key", "valid.age", &admin);
    write("admin-key", "zero-length.age", b"");
    write("admin-key", "cut-short.age", &admin[..admin.len() / 2]);
    write("admin-key", "bit-flipped-payload.age", &flip(&admin, -3));
    write("admin-key", "bit-flipped-header.age", &flip(&admin, in_header_mac(&admin)));
    write("admin-key", "wrong-vault.age", &keyfile::seal_identity(&x25519::Identity::generate(), &pass(PASSPHRASE)));
    write("admin-key", "wrong-kind.age", &keyfile::wrap_key(&DatabaseKey::generate(), &[key.to_public()]));
    write("admin-key", "huge-header.age", &with_huge_header(&admin, 500));
    let mut oversized = admin.clone();
    oversized.resize(20 * 1024, b'x');
    write("admin-key", "oversized.age", &oversized);
    let mut heavy = age::scrypt::Recipient::new(pass(PASSPHRASE));
    heavy.set_work_factor(keyfile::SCRYPT_LOG_N + 1);
    let secret = age::secrecy::ExposeSecret::expose_secret(&x25519::Identity::generate().to_string()).to_owned();
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&heavy as &dyn age::Recipient)).expect("scrypt");
    let mut out = Vec::new();
    let mut w = encryptor.wrap_output(&mut out).expect("in memory");
    w.write_all(secret.as_bytes()).expect("in memory");
    w.finish().expect("in memory");
    write("admin-key", "work-factor-too-high.age", &out);
}

fn fuzz_concern() -> outbox::KioskConcern {
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

/// A plain SQLite database that is not a backup (no backup manifest in it).
fn plain_database_without_manifest() -> Vec<u8> {
    let mut conn = Connection::open_in_memory().expect("memory");
    conn.execute_batch("CREATE TABLE minutes (said TEXT); INSERT INTO minutes VALUES ('the trustees met');")
        .expect("table");
    conn.serialize("main").expect("serialise").to_vec()
}

/// A header row of 10,000 unnamed columns and no row under it.
fn huge_header_row() -> String {
    let mut row = (1..=10_000).map(|i| format!("Column {i}")).collect::<Vec<_>>().join(",");
    row.push_str("\r\n");
    row
}

#[test]
fn every_malformed_backup_gets_its_own_plain_error() {
    let key = corpus_key();
    let id = corpus_vault_id();
    let expected: &[(&str, &str, &str)] = &[
        ("valid.age", "", ""),
        ("zero-length.age", "backup.empty", "That file is empty"),
        ("cut-short.age", "backup.damaged", "damaged or incomplete"),
        ("bit-flipped-payload.age", "backup.damaged", "damaged or incomplete"),
        ("bit-flipped-header.age", "backup.damaged", "damaged or incomplete"),
        ("wrong-vault.age", "backup.notForThisVault", "different organisation"),
        ("wrong-kind-submission.age", "backup.wrongKind", "is not a backup"),
        ("wrong-kind-manifest.age", "backup.notAge", "not an age-encrypted file"),
        ("wrong-kind-database.age", "backup.wrongKind", "is not a backup"),
        ("huge-header.age", "backup.damaged", "damaged or incomplete"),
    ];
    assert_covers("backup", expected);
    let mut failures = Vec::new();
    for (name, code, words) in expected {
        let result = backup::read_file(&file("backup", name), &key, Some(&id)).map(|_| ());
        match (result, *code) {
            (Ok(()), "") => {}
            (Ok(()), _) => failures.push(format!("backup/{name}: was accepted, expected {code}")),
            (Err(e), "") => failures.push(format!("backup/{name}: the good backup was refused: {} {e}", e.code())),
            (Err(e), _) if e.code() != *code || !e.to_string().contains(words) => {
                failures.push(format!("backup/{name}: expected {code} (\"{words}\"), got {}: {e}", e.code()))
            }
            (Err(e), _) if !e.to_string().contains("Nothing has been changed") => {
                failures.push(format!("backup/{name}: the message does not say nothing was changed: {e}"))
            }
            _ => {}
        }
    }

    // The good file, expected for another vault.
    match backup::read_file(&file("backup", "valid.age"), &key, Some("another-vault")).map(|_| ()) {
        Err(e) if e.code() == "backup.notForThisVault" => {}
        other => failures.push(format!("backup/valid.age read for another vault: {:?}", other.err().map(|e| e.code()))),
    }
    // Too big to commit: made here as a sparse file one byte over the cap.
    let dir = tempfile::tempdir().expect("temp");
    let oversized = dir.path().join("oversized.age");
    sparse(&oversized, backup::MAX_BACKUP_BYTES + 1);
    match backup::read_file(&oversized, &key, Some(&id)).map(|_| ()) {
        Err(e) if e.code() == "backup.tooLarge" && e.to_string().contains("far larger") => {}
        other => failures.push(format!("oversized backup (sparse): {:?}", other.err().map(|e| e.code()))),
    }
    assert!(failures.is_empty(), "malformed backups not refused as expected:{}", failures_to_text(&failures));
}

#[test]
fn every_malformed_outbox_file_is_kept_aside_with_its_own_plain_reason_and_the_rest_still_ingest() {
    const DAMAGED: &str = "damaged: it was cut short, or changed after it was written";
    let expected: &[(&str, &str, &str)] = &[
        ("wrong-vault-id.age", "otherVault", "written for a different Safekeeper vault"),
        ("wrong-vault-key.age", "otherVault", "cannot be opened with this vault's keys"),
        ("zero-length.age", "corrupt", "This file is empty"),
        ("cut-short.age", "corrupt", DAMAGED),
        ("bit-flipped-payload.age", "corrupt", DAMAGED),
        ("bit-flipped-header.age", "corrupt", DAMAGED),
        ("wrong-kind.age", "corrupt", "not a signing-station submission"),
        ("cut-short-envelope.age", "corrupt", DAMAGED),
        ("huge-header.age", "corrupt", "starts with far more than the signing station ever writes"),
    ];
    assert_covers("outbox", expected);
    // A vault whose recovery key is the corpus key, so that files sealed to it open.
    let dir = tempfile::tempdir().expect("temp");
    let paths = VaultPaths::new(dir.path().join("data"));
    let key = corpus_key();
    let vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Test Youth Trust",
            admin_name: "Alex Morgan",
            passphrase: &pass(PASSPHRASE),
            recovery: &key,
            demo_passphrase: None,
        },
    )
    .expect("vault");
    // As the app locks: the signing station gets its manifest, so it can take a concern.
    safekeeper::kiosk::refresh::lock(vault, "test").expect("lock");
    let recovery = age::secrecy::ExposeSecret::expose_secret(&key.to_string()).to_owned();

    let folder = paths.outbox_dir();
    fs::create_dir_all(&folder).expect("outbox");
    let mut placed: Vec<(String, String)> = Vec::new();
    for (seq, (name, _, _)) in expected.iter().enumerate() {
        let as_written = format!("{:08}-{}.age", seq + 1, uuid::Uuid::new_v4());
        fs::write(folder.join(&as_written), bytes("outbox", name)).expect("place");
        placed.push((as_written, (*name).to_owned()));
    }
    let oversized = format!("{:08}-{}.age", expected.len() + 1, uuid::Uuid::new_v4());
    sparse(&folder.join(&oversized), outbox::MAX_FILE_BYTES + 1);
    placed.push((oversized, "oversized (sparse, made here)".to_owned()));
    // A real submission after all of them still arrives.
    station::report_concern(&paths, fuzz_concern()).expect("a real concern after the hostile files");

    let mut vault = UnlockedVault::unlock_with_recovery(&paths, &recovery).expect("unlock");
    let report = outbox::ingest(&mut vault).expect("the ingest is not stopped by hostile files");
    assert_eq!(report.ingested, 1, "the real concern after the hostile files was recorded");
    let mut failures = Vec::new();
    let all = expected.iter().copied().chain([("oversized (sparse, made here)", "corrupt", "far larger")]);
    for (name, kind, words) in all {
        let written = &placed.iter().find(|(_, n)| n == name).expect("placed").0;
        let found: Vec<_> = report.problems.iter().filter(|p| &p.file_name == written).collect();
        let as_text = |p: &outbox::OutboxProblem| {
            serde_json::to_value(p.kind).expect("kind").as_str().unwrap_or_default().to_owned()
        };
        match found.as_slice() {
            [p] if as_text(p) == kind && p.message.contains(words) && p.message.contains("was not recorded") => {}
            other => failures.push(format!(
                "outbox/{name}: expected one {kind} problem (\"{words}\"), got {:?}",
                other.iter().map(|p| (as_text(p), p.message.clone())).collect::<Vec<_>>()
            )),
        }
        if !folder.join(outbox::PROBLEMS_DIR).join(written).is_file() {
            failures.push(format!("outbox/{name}: not kept in the problems folder"));
        }
    }
    assert!(failures.is_empty(), "malformed outbox files not reported as expected:{}", failures_to_text(&failures));
}

/// Regression: every damaged manifest left the station saying it was "not set up yet", which
/// sends people looking for a setup step when the file needs writing again.
#[test]
fn every_malformed_manifest_gets_its_own_plain_error_at_the_station() {
    const DAMAGED: &str = "settings file is damaged";
    let expected: &[(&str, &str, &str)] = &[
        ("valid.json", "", ""),
        ("zero-length.json", "outbox.manifestDamaged", DAMAGED),
        ("cut-short.json", "outbox.manifestDamaged", DAMAGED),
        ("bit-flipped.json", "outbox.manifestDamaged", DAMAGED),
        ("wrong-kind.json", "outbox.manifestDamaged", DAMAGED),
        ("huge-header.json", "outbox.manifestDamaged", DAMAGED),
        // Checked at unlock, below: the station alone cannot tell one vault's manifest from another's.
        ("wrong-vault.json", "", ""),
    ];
    assert_covers("manifest", expected);
    let dir = tempfile::tempdir().expect("temp");
    let mut failures = Vec::new();
    let mut check = |label: &str, place: &dyn Fn(&Path), code: &str, words: &str| {
        let paths = VaultPaths::new(dir.path().join(label.replace(['/', ' ', '(', ')', ','], "_")));
        fs::create_dir_all(paths.vault_dir()).expect("vault folder");
        place(&paths.manifest());
        let read = manifest::read(&paths.manifest());
        let sent = station::report_concern(&paths, fuzz_concern());
        match (code, read.is_some(), sent) {
            ("", true, Ok(_)) => {}
            ("", ..) => failures.push(format!("manifest/{label}: the good manifest was not usable")),
            (_, false, Err(e))
                if e.code() == code && e.to_string().contains(words) && e.to_string().contains("Nothing was saved") => {
            }
            (_, read, sent) => failures.push(format!(
                "manifest/{label}: expected {code}, read={read}, station said {:?}",
                sent.map_err(|e| (e.code(), e.to_string()))
            )),
        }
    };
    for (name, code, words) in expected {
        let content = bytes("manifest", name);
        check(name, &|at: &Path| fs::write(at, &content).expect("place"), code, words);
    }
    check(
        "oversized (sparse, made here)",
        &|at: &Path| sparse(at, manifest::MAX_MANIFEST_BYTES + 1),
        "outbox.manifestDamaged",
        DAMAGED,
    );
    // No file at all is another matter: no admin has unlocked yet.
    check("missing (made here)", &|_: &Path| {}, "outbox.notReady", "not set up yet");
    assert!(failures.is_empty(), "malformed manifests not refused as expected:{}", failures_to_text(&failures));
}

/// Another vault's manifest put in place of this vault's: the station goes on with what this run
/// published, and the next unlock says the file had been changed and writes this vault's again.
#[test]
fn a_manifest_from_another_vault_is_reported_at_unlock_and_written_again() {
    let dir = tempfile::tempdir().expect("temp");
    let paths = VaultPaths::new(dir.path().join("data"));
    let vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Test Youth Trust",
            admin_name: "Alex Morgan",
            passphrase: &pass(PASSPHRASE),
            recovery: &x25519::Identity::generate(),
            demo_passphrase: None,
        },
    )
    .expect("vault");
    let own_id = vault.vault_id().expect("vault id");
    safekeeper::kiosk::refresh::lock(vault, "test").expect("lock");
    let other: serde_json::Value = serde_json::from_slice(&bytes("manifest", "wrong-vault.json")).expect("json");
    assert_ne!(other["vaultId"].as_str(), Some(own_id.as_str()));
    fs::write(paths.manifest(), bytes("manifest", "wrong-vault.json")).expect("plant");

    station::report_concern(&paths, fuzz_concern()).expect("the station goes on with what this run published");
    let mut vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("unlock");
    let report = outbox::ingest(&mut vault).expect("ingest");
    assert!(report.manifest_changed, "the admin is told the manifest had been changed");
    assert_eq!(report.ingested, 1, "the concern was sealed to this vault and recorded");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let rewritten: serde_json::Value =
        serde_json::from_slice(&fs::read(paths.manifest()).expect("manifest")).expect("json");
    assert_eq!(rewritten["vaultId"].as_str(), Some(own_id.as_str()), "this vault's manifest is written again");
}

fn empty_records() -> Connection {
    let mut conn = Connection::open_in_memory().expect("memory");
    migrations::apply(&mut conn).expect("migrations");
    conn
}

#[test]
fn every_malformed_people_csv_gets_its_own_plain_error() {
    let expected: &[(&str, &str, &str)] = &[
        ("valid.csv", "", ""),
        ("zero-length.csv", "import.empty", "That file is empty"),
        ("cut-short.csv", "import.unreadable", "starts on line 2 never ends"),
        ("bit-flipped.csv", "import.noNameColumn", "could not find a name column"),
        ("wrong-kind.csv", "import.noNameColumn", "could not find a name column"),
        ("huge-header.csv", "import.noNameColumn", "could not find a name column"),
    ];
    assert_covers("csv-people", expected);
    let conn = empty_records();
    let mut failures = Vec::new();
    let mut check = |name: &str, content: &[u8], code: &str, words: &str| match people_import::preview(&conn, content) {
        Ok(p) if code.is_empty() && p.to_add.len() == 3 && p.rejected.is_empty() => {}
        Ok(p) => {
            failures.push(format!("csv-people/{name}: expected {code:?}, got a preview adding {}", p.to_add.len()))
        }
        Err(e) if e.code() == code && e.to_string().contains(words) => {}
        Err(e) => failures.push(format!("csv-people/{name}: expected {code} (\"{words}\"), got {}: {e}", e.code())),
    };
    for (name, code, words) in expected {
        check(name, &bytes("csv-people", name), code, words);
    }
    let oversized = vec![b'a'; people_import::MAX_FILE_BYTES + 1];
    check("oversized (made here)", &oversized, "import.tooLarge", "too big");
    assert!(failures.is_empty(), "malformed people CSVs not refused as expected:{}", failures_to_text(&failures));
}

#[test]
fn every_malformed_training_csv_gets_its_own_plain_error() {
    let expected: &[(&str, &str, &str)] = &[
        ("valid.csv", "", ""),
        ("zero-length.csv", "training.invalid", "That file is empty"),
        ("cut-short.csv", "training.invalid", "starts on line 2 never ends"),
        ("bit-flipped.csv", "training.invalid", "could not find a \u{201c}Name\u{201d} column"),
        ("wrong-kind.csv", "training.invalid", "could not find a \u{201c}Name\u{201d} column"),
        ("huge-header.csv", "training.invalid", "could not find a \u{201c}Name\u{201d} column"),
    ];
    assert_covers("csv-training", expected);
    let conn = empty_records();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
    let mut failures = Vec::new();
    let mut check = |name: &str, content: &[u8], code: &str, words: &str| {
        match training::import_preview(&conn, content, today) {
            // Nobody is in the empty register, so the good file's rows are read and refused by name.
            Ok(p) if code.is_empty() && p.rejected.len() == 2 => {}
            Ok(p) => {
                failures.push(format!("csv-training/{name}: expected {code:?}, got {} rejected", p.rejected.len()))
            }
            Err(e) if e.code() == code && e.to_string().contains(words) => {}
            Err(e) => {
                failures.push(format!("csv-training/{name}: expected {code} (\"{words}\"), got {}: {e}", e.code()))
            }
        }
    };
    for (name, code, words) in expected {
        check(name, &bytes("csv-training", name), code, words);
    }
    let oversized = vec![b'a'; people_import::MAX_FILE_BYTES + 1];
    check("oversized (made here)", &oversized, "training.invalid", "too big");
    assert!(failures.is_empty(), "malformed training CSVs not refused as expected:{}", failures_to_text(&failures));
}

#[test]
fn every_malformed_admin_key_file_gets_its_own_plain_error_and_none_stops_the_real_admin() {
    let expected: &[(&str, &str, &str)] = &[
        ("valid.age", "", ""),
        ("wrong-vault.age", "", ""),
        ("zero-length.age", "damaged", ""),
        ("cut-short.age", "damaged", ""),
        ("bit-flipped-payload.age", "damaged", ""),
        ("bit-flipped-header.age", "damaged", ""),
        ("wrong-kind.age", "damaged", ""),
        ("huge-header.age", "damaged", ""),
        ("oversized.age", "damaged", ""),
        ("work-factor-too-high.age", "workFactorTooHigh", ""),
    ];
    assert_covers("admin-key", expected);
    let passphrase: SecretString = pass(PASSPHRASE);
    let mut failures = Vec::new();
    for (name, want, _) in expected {
        let got = match keyfile::open_identity(&bytes("admin-key", name), &passphrase) {
            Ok(_) => "",
            Err(KeyFileError::Damaged) => "damaged",
            Err(KeyFileError::WorkFactorTooHigh { .. }) => "workFactorTooHigh",
            Err(KeyFileError::WrongPassphrase) => "wrongPassphrase",
            Err(KeyFileError::NotForThisKey) => "notForThisKey",
        };
        if got != *want {
            failures.push(format!("admin-key/{name}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "malformed admin key files not refused as expected:{}", failures_to_text(&failures));

    // Every one of them planted beside the real admin's file, all older than it so they are tried
    // first: the real admin still unlocks, and the one that opens with the same passphrase but
    // belongs to no admin of this vault is passed over.
    let v = new_vault();
    let admins = v.paths.admins_dir();
    let real_id = fs::read_dir(&admins).expect("admins").next().expect("one").expect("entry").path();
    let real_id = real_id.file_stem().expect("stem").to_string_lossy().into_owned();
    let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    for (name, _, _) in expected {
        let planted = admins.join(format!("{}.age", uuid::Uuid::new_v4()));
        fs::write(&planted, bytes("admin-key", name)).expect("plant");
        fs::File::options().write(true).open(&planted).expect("open").set_modified(long_ago).expect("mtime");
    }
    let vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("the real admin still unlocks");
    assert_eq!(vault.admin_id(), Some(real_id.as_str()));
    vault.lock("test").expect("lock");
    // Without the real file, the planted key that opens is not taken for an admin.
    fs::remove_file(admins.join(format!("{real_id}.age"))).expect("remove real");
    let err = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect_err("planted files alone do not unlock");
    assert_eq!(err.code(), "vault.cannotUnlock", "{err}");
}
