//! Kill-during-write: a child process commits audited transactions in a loop and is SIGKILLed at
//! random moments. After every kill the vault must unlock, pass `integrity_check`, hold every
//! transaction the child acknowledged, and verify its audit chain.
//!
//! The child is this same test binary, re-run with `SAFEKEEPER_KILL_CHILD` set. Both sides unlock
//! with the recovery key, which skips scrypt and keeps 200 rounds quick.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use rand::{Rng, SeedableRng};
use safekeeper::records::organisation::{self, OrgSettings};
use safekeeper::store::audit;
use safekeeper::vault::{UnlockedVault, VaultPaths};

const CHILD_ENV: &str = "SAFEKEEPER_KILL_CHILD";

/// Not a test on its own: the writer loop the parent runs in a child process.
#[test]
fn child_writer() {
    let Ok(data_dir) = std::env::var(CHILD_ENV) else { return };
    let key = std::env::var("SAFEKEEPER_KILL_KEY").expect("key for the child");
    let start: u32 = std::env::var("SAFEKEEPER_KILL_START").expect("start").parse().expect("number");
    let paths = VaultPaths::new(data_dir);
    let mut vault = UnlockedVault::unlock_with_recovery(&paths, &key).expect("child unlock");
    let actor = vault.actor().clone();
    let mut out = std::io::stdout().lock();
    for n in start.. {
        organisation::update(
            vault.db_mut().conn_mut(),
            &actor,
            &OrgSettings { org_name: format!("Org {n}"), auto_lock_minutes: 1 + n % 100 },
        )
        .expect("commit");
        // Only after the commit returned may the parent count it.
        writeln!(out, "ack {n}").expect("stdout");
        out.flush().expect("flush");
    }
}

#[test]
fn kill_during_write_never_loses_an_acknowledged_transaction() {
    let rounds: usize = std::env::var("SAFEKEEPER_KILL_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(200);
    let v = new_vault();
    let exe = std::env::current_exe().expect("test binary");
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x6b11);
    let mut next = 1u32;
    let mut total_acked = 0usize;
    for round in 0..rounds {
        let mut child = Command::new(&exe)
            .args(["--exact", "child_writer", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, v.paths.data_dir())
            .env("SAFEKEEPER_KILL_KEY", v.recovery_text())
            .env("SAFEKEEPER_KILL_START", next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let acked = Arc::new(Mutex::new(Vec::<u32>::new()));
        let reader = {
            let acked = Arc::clone(&acked);
            let stdout = child.stdout.take().expect("piped");
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if let Some(n) = line.strip_prefix("ack ").and_then(|n| n.parse().ok()) {
                        acked.lock().expect("acks").push(n);
                    }
                }
            })
        };
        std::thread::sleep(Duration::from_millis(rng.gen_range(5..120)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        reader.join().expect("reader");
        let acked = acked.lock().expect("acks").clone();
        total_acked += acked.len();

        let vault = UnlockedVault::unlock_with_recovery(&v.paths, &v.recovery_text())
            .unwrap_or_else(|e| panic!("round {round}: vault did not unlock after the kill: {e}"));
        assert!(vault.db().integrity_check().expect("integrity_check"), "round {round}: integrity_check failed");
        let status = audit::verify(vault.db().conn()).expect("verify");
        assert!(status.verified, "round {round}: audit chain broken at {:?}", status.first_bad_row);
        let name = organisation::get(vault.db().conn()).expect("settings").org_name;
        let present: u32 = name.trim_start_matches("Org ").parse().unwrap_or(0);
        if let Some(&last) = acked.last() {
            assert!(present >= last, "round {round}: acknowledged write {last} lost (found {present})");
        }
        let audited: usize = vault
            .db()
            .conn()
            .query_row("SELECT count(*) FROM audit WHERE action = 'settings.changed'", [], |r| r.get::<_, i64>(0))
            .expect("count") as usize;
        assert!(audited >= total_acked, "round {round}: {total_acked} writes acknowledged but only {audited} audited");
        next = present.max(next) + 1;
        vault.lock("test").expect("lock");
    }
    eprintln!("{rounds} kill rounds, {total_acked} acknowledged transactions, none lost");
    assert!(total_acked > 0, "the child never got a write acknowledged: the test would prove nothing");
}
