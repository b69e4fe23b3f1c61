//! Real process kills during the two steps that rewrite the whole records file: a schema migration
//! at unlock, and a re-key (a new database key written to `dek.age.next`, every page re-encrypted
//! with PRAGMA rekey, then the new key file moved over `dek.age`; removing an admin does this).
//! After every SIGKILL the vault must open with the recovery key and with the admin's passphrase,
//! pass `integrity_check`, verify its audit chain and hold everything that was acknowledged.
//!
//! The child is this same test binary, re-run with `SAFEKEEPER_KILL_CHILD` set (as in
//! `kill_during_write.rs`).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use rand::{Rng, SeedableRng};
use rusqlite::Connection;
use safekeeper::records::organisation::{self, OrgSettings};
use safekeeper::store::{audit, migrations};
use safekeeper::vault::{UnlockedVault, VaultPaths};

const CHILD_ENV: &str = "SAFEKEEPER_KILL_CHILD";

/// What the child says, line by line, with the moment the parent read it.
type Lines = Arc<Mutex<Vec<(Instant, String)>>>;

fn spawn_child(test: &str, data_dir: &std::path::Path, key: &str, start: u32) -> (std::process::Child, Lines) {
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(&exe)
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, data_dir)
        .env("SAFEKEEPER_KILL_KEY", key)
        .env("SAFEKEEPER_KILL_START", start.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn child");
    let lines: Lines = Arc::new(Mutex::new(Vec::new()));
    let stdout = child.stdout.take().expect("piped");
    let sink = Arc::clone(&lines);
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            sink.lock().expect("lines").push((Instant::now(), line));
        }
    });
    (child, lines)
}

/// Whether the child has said `word` (libtest may print its own words before it on the line).
fn wait_for(lines: &Lines, word: &str, limit: Duration) -> bool {
    let until = Instant::now() + limit;
    while Instant::now() < until {
        if lines.lock().expect("lines").iter().any(|(_, l)| l.contains(word)) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    false
}

fn acked(lines: &Lines) -> Vec<u32> {
    lines.lock().expect("lines").iter().filter_map(|(_, l)| l.strip_prefix("ack ")?.parse().ok()).collect()
}

fn last_line(lines: &Lines) -> String {
    lines.lock().expect("lines").last().map(|(_, l)| l.clone()).unwrap_or_default()
}

/// Unlocks, checks integrity, the audit chain and that the newest acknowledged write is there.
/// Returns the number the records hold.
fn check_after_kill(paths: &VaultPaths, recovery: &str, round: usize, last_ack: Option<u32>) -> u32 {
    let vault = UnlockedVault::unlock_with_recovery(paths, recovery)
        .unwrap_or_else(|e| panic!("round {round}: the vault did not open after the kill: {e}"));
    assert!(vault.db().integrity_check().expect("integrity_check"), "round {round}: integrity_check failed");
    let status = audit::verify(vault.db().conn()).expect("verify");
    assert!(status.verified, "round {round}: audit chain broken at {:?}", status.first_bad_row);
    assert_eq!(
        migrations::current_version(vault.db().conn()).expect("version"),
        migrations::latest_version(),
        "round {round}: the schema is not up to date after opening"
    );
    let name = organisation::get(vault.db().conn()).expect("settings").org_name;
    let present: u32 = name.trim_start_matches("Org ").parse().unwrap_or(0);
    if let Some(last) = last_ack {
        assert!(present >= last, "round {round}: acknowledged write {last} lost (found {present})");
    }
    assert!(!paths.wrapped_key_next().exists(), "round {round}: a waiting key file was left after unlock");
    vault.lock("test").expect("lock");
    present
}

fn write_in_child(vault: &mut UnlockedVault, n: u32) {
    let actor = vault.actor().clone();
    organisation::update(
        vault.db_mut().conn_mut(),
        &actor,
        &OrgSettings { org_name: format!("Org {n}"), auto_lock_minutes: 1 + n % 100 },
    )
    .expect("commit");
}

/// Not a test on its own: re-keys in a loop, with a write between re-keys, in a child process.
#[test]
fn child_rekeyer() {
    let Ok(data_dir) = std::env::var(CHILD_ENV) else { return };
    let key = std::env::var("SAFEKEEPER_KILL_KEY").expect("key for the child");
    let start: u32 = std::env::var("SAFEKEEPER_KILL_START").expect("start").parse().expect("number");
    let paths = VaultPaths::new(data_dir);
    let mut vault = UnlockedVault::unlock_with_recovery(&paths, &key).expect("child unlock");
    let mut out = std::io::stdout().lock();
    for n in start.. {
        writeln!(out, "rekeying").expect("stdout");
        out.flush().expect("flush");
        vault.rotate_key().expect("re-key");
        write_in_child(&mut vault, n);
        // Only after both returned may the parent count it.
        writeln!(out, "ack {n}").expect("stdout");
        out.flush().expect("flush");
    }
}

#[test]
fn kill_during_rekey_never_loses_an_acknowledged_write_or_the_keys() {
    let rounds = 40;
    let v = new_vault();
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x7e4e);
    let (mut next, mut total_acked, mut mid_rekey) = (1u32, 0usize, 0usize);
    for round in 0..rounds {
        let (mut child, lines) = spawn_child("child_rekeyer", v.paths.data_dir(), &v.recovery_text(), next);
        assert!(wait_for(&lines, "rekeying", Duration::from_secs(30)), "round {round}: the child never started");
        std::thread::sleep(Duration::from_millis(rng.gen_range(0..150)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        std::thread::sleep(Duration::from_millis(5));
        if last_line(&lines).ends_with("rekeying") {
            mid_rekey += 1;
        }
        let acks = acked(&lines);
        total_acked += acks.len();
        let present = check_after_kill(&v.paths, &v.recovery_text(), round, acks.last().copied());
        next = present.max(next) + 1;
        // The admin's passphrase must still open the key file that is now in place.
        if round % 10 == 9 {
            let vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE))
                .unwrap_or_else(|e| panic!("round {round}: the admin cannot unlock after the kill: {e}"));
            vault.lock("test").expect("lock");
        }
    }
    eprintln!("{rounds} kills during re-keying ({mid_rekey} while a re-key was running), {total_acked} writes acknowledged, none lost");
    assert!(total_acked > 0, "the child never got a write acknowledged: the test would prove nothing");
    assert!(mid_rekey > rounds / 4, "only {mid_rekey} kills landed during a re-key: the test would prove little");
}

/// Not a test on its own: opens a vault at schema 9 (which runs migration 10), then writes in a
/// loop, in a child process.
#[test]
fn child_migrator() {
    let Ok(data_dir) = std::env::var(CHILD_ENV) else { return };
    let key = std::env::var("SAFEKEEPER_KILL_KEY").expect("key for the child");
    let start: u32 = std::env::var("SAFEKEEPER_KILL_START").expect("start").parse().expect("number");
    let paths = VaultPaths::new(data_dir);
    let mut out = std::io::stdout().lock();
    writeln!(out, "opening").expect("stdout");
    out.flush().expect("flush");
    let began = Instant::now();
    let mut vault = UnlockedVault::unlock_with_recovery(&paths, &key).expect("child unlock");
    writeln!(out, "migrated {}", began.elapsed().as_micros()).expect("stdout");
    out.flush().expect("flush");
    for n in start.. {
        write_in_child(&mut vault, n);
        writeln!(out, "ack {n}").expect("stdout");
        out.flush().expect("flush");
    }
}

#[test]
fn kill_during_a_migration_leaves_a_vault_that_opens_with_every_record() {
    let rounds = 60;
    let v = new_vault();
    {
        let mut vault = UnlockedVault::unlock_with_recovery(&v.paths, &v.recovery_text()).expect("unlock");
        add_people(&mut vault, &["Asha Patel", "Ben Jones", "Cara Lee"]);
        vault.lock("test").expect("lock");
    }
    back_to_schema_9(&v.paths, &v.recovery);
    let old = tempfile::tempdir().expect("copy of the old vault");
    copy_tree(v.paths.data_dir(), old.path());
    let people = |paths: &VaultPaths| -> i64 {
        let vault = UnlockedVault::unlock_with_recovery(paths, &v.recovery_text()).expect("unlock");
        let n = vault.db().conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).expect("count");
        vault.lock("test").expect("lock");
        n
    };

    // How long opening takes, up to the end of the migration, to aim the kills.
    let (mut child, lines) = spawn_child("child_migrator", v.paths.data_dir(), &v.recovery_text(), 1);
    assert!(wait_for(&lines, "migrated", Duration::from_secs(30)), "the calibration child never opened");
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");
    let took: u64 = lines
        .lock()
        .expect("lines")
        .iter()
        .find_map(|(_, l)| l.split("migrated ").nth(1)?.trim().parse().ok())
        .expect("open time");

    let mut rng = rand::rngs::StdRng::seed_from_u64(0x319a);
    let (mut before, mut during, mut after) = (0usize, 0usize, 0usize);
    for round in 0..rounds {
        // Every round starts again from the schema-9 vault.
        std::fs::remove_dir_all(v.paths.data_dir()).expect("clear");
        copy_tree(old.path(), v.paths.data_dir());
        let (mut child, lines) = spawn_child("child_migrator", v.paths.data_dir(), &v.recovery_text(), 1);
        assert!(wait_for(&lines, "opening", Duration::from_secs(30)), "round {round}: the child never started");
        std::thread::sleep(Duration::from_micros(rng.gen_range(0..took * 3 / 2 + 1)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        std::thread::sleep(Duration::from_millis(5));
        let version = {
            let conn = Connection::open(v.paths.database()).expect("open raw");
            conn.execute_batch(&key_statement(&v.paths, &v.recovery)).expect("key");
            conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).expect("version")
        };
        match (version, last_line(&lines).ends_with("opening")) {
            (9, _) => before += 1,
            (_, true) => during += 1,
            _ => after += 1,
        }
        let acks = acked(&lines);
        check_after_kill(&v.paths, &v.recovery_text(), round, acks.last().copied());
        assert_eq!(people(&v.paths), 3, "round {round}: a person was lost");
    }
    let vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("the admin unlocks after it all");
    vault.lock("test").expect("lock");
    eprintln!(
        "{rounds} kills around a migration: {before} before it committed, {during} after it committed but before the \
         child said so, {after} later; every vault opened with every record"
    );
    assert!(before > 0 && before + during < rounds, "the kills never straddled the migration: aim them better");
}
