//! Backups: the round trip, every bad file a restore can be handed, and the recovery drill with
//! only the paper recovery key and the standard `age` and `sqlite3` tools.

mod common;

use std::fs;
use std::process::Command;

use common::{add_people, new_vault, new_vault_named, pass, PASSPHRASE};
use safekeeper::vault::backup::{self, BackupError, MAX_BACKUP_BYTES};
use safekeeper::vault::UnlockedVault;

fn names(conn: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = conn.prepare("SELECT full_name FROM people ORDER BY full_name").expect("names");
    stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("rows")
}

#[test]
fn a_backup_is_verified_and_reads_back_equal_to_the_source() {
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    assert!(backup::status(vault.db().conn(), chrono::Utc::now()).expect("status").due, "never backed up");
    add_people(&mut vault, &["Asha Patel", "Ben Jones", "Chi Okafor"]);
    let folder = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, folder.path(), "test").expect("backup");
    assert!(report.path.ends_with(".age"));
    let on_disk = fs::read(&report.path).expect("file");
    assert_eq!(on_disk.len() as u64, report.bytes);
    assert!(!on_disk.windows(10).any(|w| w == b"Asha Patel"), "no plaintext name in the file");
    let people_count = report.manifest.counts.iter().find(|(t, _)| t == "people").map(|(_, n)| *n);
    assert_eq!(people_count, Some(3));

    let (copy, manifest) =
        backup::read_file(report.path.as_ref(), vault.outbox_identity(), Some(&report.manifest.vault_id))
            .expect("read");
    assert_eq!(manifest, report.manifest);
    assert_eq!(names(&copy), names(vault.db().conn()));
    // The backup is in the audit trail, after the copy was made.
    let recorded: i64 = vault
        .db()
        .conn()
        .query_row("SELECT count(*) FROM audit WHERE action = 'backup.verified'", [], |r| r.get(0))
        .expect("audit");
    assert_eq!(recorded, 1);
    // The dashboard's reminder: none due now, due again after seven days.
    let now = chrono::Utc::now();
    let fresh = backup::status(vault.db().conn(), now).expect("status");
    assert!(!fresh.due);
    assert_eq!(fresh.last_verified.as_deref(), Some(report.manifest.created_at.as_str()));
    assert!(!backup::status(vault.db().conn(), now + chrono::Days::new(6)).expect("status").due);
    assert!(backup::status(vault.db().conn(), now + chrono::Days::new(8)).expect("status").due);
    // Nothing was written beside it: no temp file, no plaintext.
    let files: Vec<_> = fs::read_dir(folder.path()).expect("dir").collect();
    assert_eq!(files.len(), 1);
}

#[test]
fn every_bad_backup_gets_its_own_plain_message() {
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    add_people(&mut vault, &["Asha Patel"]);
    let folder = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, folder.path(), "test").expect("backup");
    let good = fs::read(&report.path).expect("file");
    let identity = vault.outbox_identity();
    let id = Some(report.manifest.vault_id.as_str());
    let try_bytes = |name: &str, bytes: &[u8]| {
        let path = folder.path().join(name);
        fs::write(&path, bytes).expect("write");
        backup::read_file(&path, identity, id).map(|_| ()).expect_err("refused")
    };

    assert!(matches!(try_bytes("empty.age", b""), BackupError::Empty));
    assert!(matches!(try_bytes("notes.age", b"Minutes of the trustees meeting"), BackupError::NotAge));
    assert!(matches!(try_bytes("cut.age", &good[..good.len() / 2]), BackupError::Damaged));
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    assert!(matches!(try_bytes("flipped.age", &flipped), BackupError::Damaged));

    // Another organisation's backup.
    let other = new_vault_named("Other Trust", "Dee Evans");
    let mut other_vault = UnlockedVault::unlock(&other.paths, &pass(PASSPHRASE)).expect("unlock other");
    let other_report = backup::back_up(&mut other_vault, folder.path(), "test").expect("other backup");
    let err = backup::read_file(other_report.path.as_ref(), identity, id).map(|_| ()).expect_err("refused");
    assert!(matches!(err, BackupError::NotForThisVault), "{err}");

    // A huge file is refused before it is read (a sparse file costs no disk).
    let huge = folder.path().join("huge.age");
    fs::File::create(&huge).expect("create").set_len(MAX_BACKUP_BYTES + 1).expect("grow");
    assert!(matches!(backup::read_file(&huge, identity, id).map(|_| ()), Err(BackupError::TooLarge)));

    // Each message says nothing was changed.
    for e in [BackupError::Empty, BackupError::NotAge, BackupError::Damaged, BackupError::NotForThisVault] {
        assert!(e.to_string().contains("Nothing has been changed"), "{e}");
    }
}

#[test]
fn a_newer_schema_or_a_changed_audit_trail_is_refused() {
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    add_people(&mut vault, &["Asha Patel"]);
    let folder = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, folder.path(), "test").expect("backup");
    let plain = backup::decrypt(&fs::read(&report.path).expect("file"), vault.outbox_identity()).expect("decrypt");

    let changed = |change: &str| -> Vec<u8> {
        let mut conn = rusqlite::Connection::open_in_memory().expect("memory");
        conn.deserialize_read_exact("main", plain.as_slice(), plain.len(), false).expect("load");
        conn.execute_batch(change).expect("change");
        conn.serialize("main").expect("bytes").to_vec()
    };
    let newer = changed("PRAGMA user_version = 999;");
    assert!(matches!(backup::open_checked(&newer, None).map(|_| ()), Err(BackupError::TooNew { found: 999, .. })));
    let tampered = changed("UPDATE audit SET detail = 'nothing to see' WHERE id = 2;");
    let err = backup::open_checked(&tampered, None).map(|_| ()).expect_err("refused");
    assert!(matches!(err, BackupError::AuditBroken { row: 2 }), "{err}");
}

/// The exit path in the README, with nothing but the paper key and two standard tools.
#[test]
fn recovery_drill_with_age_and_sqlite3() {
    for tool in ["age", "sqlite3"] {
        let found = Command::new(tool).arg("--version").output().is_ok();
        assert!(found, "the recovery drill needs the `{tool}` command (Debian package `{tool}`; on Windows, .dev/test-windows.sh builds both); the README's test command installs it");
    }
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    add_people(&mut vault, &["Asha Patel", "Ben Jones"]);
    let folder = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, folder.path(), "test").expect("backup");

    // Only the recovery key's text, as typed from the Emergency Kit.
    let key = folder.path().join("key.txt");
    fs::write(&key, format!("{}\n", tv.recovery_text())).expect("key");
    let out = folder.path().join("db.sqlite");
    let age = Command::new("age")
        .args(["-d", "-i"])
        .arg(&key)
        .arg("-o")
        .arg(&out)
        .arg(&report.path)
        .output()
        .expect("run age");
    assert!(age.status.success(), "age failed: {}", String::from_utf8_lossy(&age.stderr));

    let query = |sql: &str| {
        let run = Command::new("sqlite3").arg(&out).arg(sql).output().expect("run sqlite3");
        assert!(run.status.success(), "sqlite3 failed: {}", String::from_utf8_lossy(&run.stderr));
        // sqlite3 on Windows ends its lines with CR LF, as Windows programs do.
        String::from_utf8(run.stdout).expect("utf-8").replace("\r\n", "\n")
    };
    assert_eq!(query("SELECT full_name FROM people ORDER BY full_name;"), "Asha Patel\nBen Jones\n");
    assert_eq!(query("PRAGMA integrity_check;"), "ok\n");
    // Every counted table holds what the manifest (and the live vault) says.
    for (table, rows) in &report.manifest.counts {
        let exists = query(&format!("SELECT count(*) FROM sqlite_master WHERE name = '{table}';"));
        if exists.trim() == "1" {
            assert_eq!(query(&format!("SELECT count(*) FROM \"{table}\";")).trim(), rows.to_string(), "{table}");
        }
    }
    let live: i64 = vault.db().conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).expect("live");
    assert_eq!(live, 2);
    assert!(query("SELECT value FROM backup_manifest;").contains(&report.manifest.audit_head));
}

#[test]
fn the_reminder_waits_the_number_of_days_the_organisation_sets() {
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    let folder = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, folder.path(), "test").expect("backup");
    let made =
        chrono::DateTime::parse_from_rfc3339(&report.manifest.created_at).expect("time").with_timezone(&chrono::Utc);
    let after = |days: i64| backup::status(vault.db().conn(), made + chrono::Duration::days(days)).expect("status");
    assert_eq!(after(0).reminder_days, backup::REMINDER_DAYS);
    assert!(!after(6).due);
    assert!(after(7).due, "the default is 7 days");

    let actor = vault.actor().clone();
    backup::set_reminder_days(vault.db_mut().conn_mut(), &actor, 14).expect("set");
    let after = |days: i64| backup::status(vault.db().conn(), made + chrono::Duration::days(days)).expect("status");
    assert_eq!(after(0).reminder_days, 14);
    assert!(!after(13).due);
    assert!(after(14).due);
    for bad in [0, 91, -3] {
        let actor = vault.actor().clone();
        let err = backup::set_reminder_days(vault.db_mut().conn_mut(), &actor, bad).expect_err("refused");
        assert!(matches!(err, BackupError::BadReminderDays), "{bad}: {err}");
    }
    assert_eq!(
        backup::status(vault.db().conn(), made).expect("status").reminder_days,
        14,
        "a refused number changes nothing"
    );
    assert!(safekeeper::store::audit::has_action(vault.db().conn(), "backup.reminderChanged").expect("audit"));
}

/// A lock during a backup raises a stop request: whether it comes while the records are copied or
/// while the file is sealed, the backup stops with its plain message, leaves nothing in the folder
/// and records nothing.
#[test]
fn a_backup_stopped_by_a_lock_leaves_no_file_and_records_nothing() {
    use safekeeper::store::stop::StopRequests;
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    add_people(&mut vault, &["Asha Patel", "Ben Jones"]);
    let folder = tempfile::tempdir().expect("usb");
    let target = folder.path().join("Safekeeper backup.age");

    let requests = StopRequests::default();
    let stop = requests.signal();
    let copy = backup::copy_records(backup::prepare_copy(&mut vault).expect("prepare"), "test", &stop).expect("copy");
    requests.request();
    let stopped = backup::seal_and_check(copy, &target, &stop, &mut |_| {}).map(drop).expect_err("stopped");
    assert!(matches!(stopped, BackupError::Stopped), "{stopped}");
    assert_eq!(
        stopped.to_string(),
        "The backup stopped because Safekeeper locked. Nothing was saved. Unlock and start it again."
    );

    let refused = backup::copy_records(backup::prepare_copy(&mut vault).expect("prepare"), "test", &stop)
        .map(drop)
        .expect_err("a copy after the request is not made");
    assert!(matches!(refused, BackupError::Stopped), "{refused}");

    assert_eq!(fs::read_dir(folder.path()).expect("read").count(), 0, "no file, not even a temp file");
    assert!(backup::status(vault.db().conn(), chrono::Utc::now()).expect("status").due, "no backup recorded");
    // The records are still whole, and a backup with no lock in the way is made as before.
    assert_eq!(names(vault.db().conn()), ["Asha Patel", "Ben Jones"]);
    backup::back_up(&mut vault, folder.path(), "test").expect("backup");
    assert_eq!(fs::read_dir(folder.path()).expect("read").count(), 1);
}
