//! A full disk and a read-only data folder, for real: the vault lives on a small tmpfs mounted for
//! the test. Every write path (a record saved, the outbox ingest, a backup, a restore, a key
//! change, a signing-station submission) must fail with a plain message, and everything saved
//! before must still be there once space is freed or the folder is writable again.
//!
//! Mounting needs root (or a user namespace). Run as root (as CI is), a mount that fails fails the
//! test, so the check can never quietly stop running there; run as anyone else, the test says
//! "not run" and stops. Built for Windows and run under Wine (as CI does), the test process reaches
//! Linux's own `mount` through Wine's Z: drive, which is the Linux root: Wine starts a Linux program
//! it is asked to run. The vault on the tiny disk is then written with Windows' file calls, so a
//! full or read-only disk is met the way Windows meets it. The injected-failure tests in `vault::atomic` and `store` cover the
//! key-file writes and the re-key on every machine.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use safekeeper::error::CodedError;
use safekeeper::kiosk::{outbox, station};
use safekeeper::records::people::{self, PersonDraft, PersonGroup};
use safekeeper::store::audit;
use safekeeper::vault::{backup, restore, NewVault, UnlockedVault, VaultPaths};

/// A tmpfs of a few megabytes, unmounted when dropped.
struct TinyDisk {
    dir: tempfile::TempDir,
}

/// Linux's `mount` or `umount`, named so that a test built for Windows and run under Wine reaches it.
fn linux_command(name: &str) -> Command {
    if cfg!(windows) {
        Command::new(format!(r"Z:\usr\bin\{name}"))
    } else {
        Command::new(name)
    }
}

/// A folder as Linux's `mount` names it. Under Wine the mount point is made on the Z: drive, so
/// its Linux path is the same path with the drive taken off.
fn linux_path(path: &Path) -> String {
    let text = path.to_str().expect("a temporary folder's path is text");
    if cfg!(windows) {
        text.trim_start_matches(r"\\?\").trim_start_matches("Z:").replace('\\', "/")
    } else {
        text.to_owned()
    }
}

/// Runs `command` (Linux's `mount` or `umount`) and says whether it did what `done` checks. Under
/// Wine the Linux program starts, but Wine hands back no process to wait on, so the test watches
/// the mount table for the change instead (for at most 10 seconds).
fn run_linux(mut command: Command, done: impl Fn() -> bool) -> bool {
    if cfg!(windows) {
        if command.spawn().is_err() {
            return false;
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while std::time::Instant::now() < deadline {
            if done() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        false
    } else {
        command.status().is_ok_and(|s| s.success()) && done()
    }
}

/// The options the mount at `point` (a Linux path) has now, from the kernel's mount table; `None`
/// when nothing is mounted there.
fn mount_options(point: &str) -> Option<String> {
    let table = if cfg!(windows) { r"Z:\proc\self\mounts" } else { "/proc/self/mounts" };
    let mounts = fs::read_to_string(table).ok()?;
    mounts.lines().rev().find_map(|line| {
        let fields: Vec<&str> = line.split(' ').collect();
        (fields.get(1) == Some(&point)).then(|| fields.get(3).unwrap_or(&"").to_string())
    })
}

impl TinyDisk {
    fn mount(kib: u64) -> Option<TinyDisk> {
        let dir = if cfg!(windows) { tempfile::tempdir_in(r"Z:\tmp") } else { tempfile::tempdir() };
        let Ok(dir) = dir else { return None };
        let options = format!("size={kib}k,mode=0755");
        let point = linux_path(dir.path());
        let mut mount = linux_command("mount");
        mount.args(["-t", "tmpfs", "-o", &options, "tmpfs"]).arg(&point).stderr(std::process::Stdio::null());
        run_linux(mount, || mount_options(&point).is_some()).then_some(TinyDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, how: &str) {
        let point = linux_path(self.path());
        let mut remount = linux_command("mount");
        remount.args(["-o", &format!("remount,{how}")]).arg(&point);
        let done = run_linux(remount, || mount_options(&point).is_some_and(|o| o.split(',').any(|o| o == how)));
        assert!(done, "remount {how} failed");
    }

    /// Writes a filler file until the disk is full; returns it, to be removed to free the space.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let mut file = fs::File::create(&filler).expect("filler");
        let chunk = vec![0x5au8; 4096];
        loop {
            if let Err(e) = file.write_all(&chunk).and_then(|()| file.sync_all()) {
                assert_eq!(e.kind(), std::io::ErrorKind::StorageFull, "filling the disk: {e}");
                break;
            }
        }
        filler
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let point = linux_path(self.path());
        let mut umount = linux_command("umount");
        umount.arg("-l").arg(&point);
        run_linux(umount, || mount_options(&point).is_none());
    }
}

/// Whether this process runs as root (effective user id 0), read from `/proc` so that no extra
/// crate is needed; `false` where there is no `/proc`.
fn running_as_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let uids = status.lines().find(|l| l.starts_with("Uid:"))?.to_owned();
            uids.split_whitespace().nth(2).map(|effective| effective == "0")
        })
        .unwrap_or(false)
}

/// A tiny disk, or `None` (after saying "not run") where this user cannot mount one. As root a
/// failed mount is a failure: CI runs as root, and a test that quietly returns proves nothing.
fn tiny_disk(kib: u64) -> Option<TinyDisk> {
    let disk = TinyDisk::mount(kib);
    if disk.is_none() {
        assert!(
            !running_as_root(),
            "disk_full: running as root but mounting a {kib} KiB tmpfs failed; the full-disk checks must run here"
        );
        eprintln!("disk_full: not run: mounting a small filesystem needs root, and this test is not running as root");
    }
    disk
}

#[cfg(target_os = "linux")]
#[test]
fn this_test_knows_whether_it_runs_as_root() {
    // The same answer as the system's own, so the rule above is applied to the right users.
    let id = Command::new("id").arg("-u").output().expect("id -u");
    let by_id = String::from_utf8_lossy(&id.stdout).trim() == "0";
    assert_eq!(running_as_root(), by_id);
}

fn vault_on(disk: &TinyDisk) -> (VaultPaths, age::x25519::Identity, String) {
    let paths = VaultPaths::new(disk.path().join("data"));
    let recovery = age::x25519::Identity::generate();
    let vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Test Youth Trust",
            admin_name: "Alex Morgan",
            passphrase: &pass(PASSPHRASE),
            recovery: &recovery,
            demo_passphrase: None,
        },
    )
    .expect("create vault");
    let admin = vault.admin_id().expect("admin").to_owned();
    // As the app locks: the signing station gets its manifest.
    safekeeper::kiosk::refresh::lock(vault, "test").expect("lock");
    (paths, recovery, admin)
}

fn draft(name: &str) -> PersonDraft {
    PersonDraft {
        group: PersonGroup::Staff,
        full_name: name.into(),
        preferred_name: None,
        date_of_birth: None,
        start_date: None,
        leave_date: None,
        email: None,
        phone: None,
    }
}

fn people_named(vault: &UnlockedVault) -> Vec<String> {
    let mut stmt = vault.db().conn().prepare("SELECT full_name FROM people ORDER BY full_name").expect("prepare");
    stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("rows")
}

fn outbox_files(paths: &VaultPaths) -> usize {
    fs::read_dir(paths.outbox_dir())
        .map(|d| d.filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "age"))).count())
        .unwrap_or(0)
}

/// Says whether a message is one of the plain ones for a full disk.
fn says_disk_full(message: &str) -> bool {
    message.contains("disk is full") || message.contains("has space") || message.contains("free space")
}

#[test]
fn a_full_disk_refuses_every_write_plainly_and_loses_nothing_saved() {
    let Some(disk) = tiny_disk(6 * 1024) else { return };
    let (paths, recovery, admin) = vault_on(&disk);
    let recovery_text = age::secrecy::ExposeSecret::expose_secret(&recovery.to_string()).to_owned();

    // Saved before the disk fills: two people, a backup (kept off the tiny disk), a concern.
    let usb = tempfile::tempdir().expect("usb");
    let mut vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("unlock");
    let actor = vault.actor().clone();
    people::add(vault.db_mut().conn_mut(), &actor, &draft("Asha Patel")).expect("person");
    people::add(vault.db_mut().conn_mut(), &actor, &draft("Ben Jones")).expect("person");
    let saved_backup = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    vault.lock("test").expect("lock");
    station::report_concern(&paths, concern()).expect("concern handed in");
    let mut vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("unlock");
    let before = people_named(&vault);
    let reserve = disk.path().join("reserve");
    fs::write(&reserve, vec![0u8; 256 * 1024]).expect("reserve");
    let filler = disk.fill();

    // A record saved.
    let err = people::add(vault.db_mut().conn_mut(), &actor, &draft("Cara Lee")).expect_err("disk full");
    assert_eq!(err.code(), "store.diskFull", "record save: {err}");
    assert!(says_disk_full(&err.to_string()) && err.to_string().contains("saved before is safe"), "{err}");

    // The outbox ingest: nothing recorded, the file still waits.
    let err = outbox::ingest(&mut vault).expect_err("disk full");
    assert_eq!(err.code(), "store.diskFull", "ingest: {err}");
    assert_eq!(outbox_files(&paths), 1, "the concern waits in the outbox");

    // A backup into a folder on the full disk.
    let folder = disk.path().join("backups");
    fs::create_dir(&folder).ok();
    let err = backup::back_up(&mut vault, &folder, "test").expect_err("disk full");
    assert_eq!(err.code(), "backup.write", "backup: {err}");
    assert!(says_disk_full(&err.to_string()), "{err}");
    assert_eq!(fs::read_dir(&folder).map(|d| d.count()).unwrap_or(0), 0, "a half-written backup was left");

    // A restore.
    let err = restore::prepare(&mut vault, Path::new(&saved_backup.path)).expect_err("disk full");
    assert_eq!(err.code(), "store.diskFull", "restore: {err}");
    assert!(!paths.restore_pending().exists(), "a half-written restore was left");

    // Key changes.
    let err = vault.set_passphrase(&admin, &pass(SECOND_PASSPHRASE)).expect_err("disk full");
    assert_eq!(err.code(), "vault.io", "passphrase change: {err}");
    assert!(says_disk_full(&err.to_string()), "{err}");
    let err = vault.add_admin("Jordan Price", &pass(SECOND_PASSPHRASE)).expect_err("disk full");
    assert_eq!(err.code(), "vault.io", "add admin: {err}");
    let err = vault.rotate_key().expect_err("disk full");
    assert_eq!(err.code(), "vault.io", "re-key: {err}");
    // With a little space back, the new key file fits but re-encrypting the records may not: the
    // re-key either completes or fails plainly, and either way the vault opens below.
    fs::remove_file(&reserve).expect("free the reserve");
    let rekey = vault.rotate_key();
    eprintln!("re-key with 256 KiB free: {:?}", rekey.as_ref().map_err(|e| e.code()));
    if let Err(e) = rekey {
        assert!(["store.diskFull", "vault.io", "store.rekeyFailed"].contains(&e.code().as_str()), "re-key: {e}");
        assert!(e.to_string().contains("Nothing has been lost"), "{e}");
    }

    // Space freed: the same session saves again, with whichever key the records now have.
    fs::remove_file(&filler).expect("free space");
    people::add(vault.db_mut().conn_mut(), &actor, &draft("Cara Lee")).expect("saves once there is space");
    drop(vault);
    let mut before = before;
    before.push("Cara Lee".to_owned());

    // Everything saved is there, the old passphrase works, and the waiting concern and a backup
    // now go through.
    let mut vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("the old passphrase still unlocks");
    assert_eq!(people_named(&vault), before, "people saved before the disk filled, and after");
    assert!(vault.db().integrity_check().expect("integrity"));
    assert!(audit::verify(vault.db().conn()).expect("verify").verified);
    assert_eq!(vault.admins().expect("admins").len(), 1, "no half-added admin");
    let report = outbox::ingest(&mut vault).expect("ingest with space");
    assert_eq!(report.ingested, 1, "the concern handed in before the disk filled is recorded");
    backup::back_up(&mut vault, &folder, "test").expect("backup with space");
    vault.lock("test").expect("lock");
    UnlockedVault::unlock_with_recovery(&paths, &recovery_text).expect("the recovery key still opens").lock("t").ok();
}

#[test]
fn a_read_only_data_folder_refuses_plainly_and_loses_nothing_saved() {
    let Some(disk) = tiny_disk(6 * 1024) else { return };
    let (paths, recovery, _admin) = vault_on(&disk);
    let recovery_text = age::secrecy::ExposeSecret::expose_secret(&recovery.to_string()).to_owned();
    let mut vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("unlock");
    let actor = vault.actor().clone();
    people::add(vault.db_mut().conn_mut(), &actor, &draft("Asha Patel")).expect("person");
    let before = people_named(&vault);

    // A backup to a read-only USB stick.
    let stick = tiny_disk(1024).expect("a second small filesystem");
    stick.remount("ro");
    let err = backup::back_up(&mut vault, stick.path(), "test").expect_err("read-only stick");
    assert_eq!(err.code(), "backup.write", "{err}");
    vault.lock("test").expect("lock");

    disk.remount("ro");
    let files_before = snapshot(paths.data_dir());
    // The signing station: no receipt, and it says nothing was kept.
    let err = station::report_concern(&paths, concern()).expect_err("read-only");
    assert_eq!(err.code(), "outbox.write", "{err}");
    assert!(err.to_string().contains("Nothing was kept"), "{err}");
    // Unlocking cannot record the unlock, so it refuses plainly.
    for attempt in [
        UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).map(drop),
        UnlockedVault::unlock_with_recovery(&paths, &recovery_text).map(drop),
    ] {
        let err = attempt.expect_err("read-only");
        assert!(
            ["vault.io", "store.readOnly"].contains(&err.code().as_str()),
            "unlock on a read-only folder: {} {err}",
            err.code()
        );
        assert!(err.to_string().contains("read-only"), "{err}");
    }
    assert_eq!(snapshot(paths.data_dir()), files_before);

    disk.remount("rw");
    let vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("unlocks once writable");
    assert_eq!(people_named(&vault), before);
    assert!(vault.db().integrity_check().expect("integrity"));
    vault.lock("test").expect("lock");
}

/// Set to the database path in the child process of `a_rekey_that_fails_part_way_...`.
const REKEY_CHILD_ENV: &str = "SAFEKEEPER_REKEY_CHILD_DB";

/// Not a test on its own: in a child process whose files may not grow past a limit, moves the
/// database to a new key and says how that ended.
#[test]
fn child_rekey_under_a_file_size_limit() {
    let Ok(db_path) = std::env::var(REKEY_CHILD_ENV) else { return };
    let key_hex = std::env::var("SAFEKEEPER_REKEY_CHILD_KEY").expect("key for the child");
    let key = safekeeper::store::DatabaseKey::from_slice(&hex::decode(key_hex).expect("hex")).expect("32 bytes");
    let mut db = safekeeper::store::Db::open(Path::new(&db_path), &key).expect("the child opens the records");
    match db.rekey(&safekeeper::store::DatabaseKey::generate()) {
        Ok(()) => println!("rekey: finished"),
        Err(e) => println!("rekey: {}", e.code()),
    }
}

/// Regression for a re-key that fails part way through: SQLCipher re-encrypts page after page,
/// journalling each one, and here the journal may grow only to about a third of the database, so
/// the write fails with a real I/O error (EFBIG) in the middle of the pages. The re-key must say
/// `store.rekeyFailed`, and the vault must open afterwards under the key it had, with everything
/// in it. Deterministic, and needs no root: the limit is the shell's `ulimit -f` on a child
/// process (the child ignores SIGXFSZ, so the write fails rather than the process dying).
#[cfg(target_os = "linux")]
#[test]
fn a_rekey_that_fails_part_way_says_so_and_the_vault_opens_with_its_old_key_and_every_record() {
    let dir = tempfile::tempdir().expect("temp");
    let paths = VaultPaths::new(dir.path().join("data"));
    let recovery = age::x25519::Identity::generate();
    let mut vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Test Youth Trust",
            admin_name: "Alex Morgan",
            passphrase: &pass(PASSPHRASE),
            recovery: &recovery,
            demo_passphrase: None,
        },
    )
    .expect("create vault");
    let actor = vault.actor().clone();
    const FIRST: [&str; 20] = [
        "Asha", "Ben", "Cara", "Dev", "Ella", "Finn", "Gita", "Hal", "Isla", "Jon", "Kai", "Lena", "Max", "Nia",
        "Omar", "Pia", "Quin", "Rosa", "Sam", "Tara",
    ];
    const LAST: [&str; 20] = [
        "Patel", "Jones", "Lee", "Khan", "Smith", "Brown", "Evans", "Green", "Hughes", "Ito", "Jackson", "King",
        "Lewis", "Moore", "Novak", "Owen", "Price", "Reid", "Shaw", "Turner",
    ];
    for first in FIRST {
        for last in LAST {
            people::add(vault.db_mut().conn_mut(), &actor, &draft(&format!("{first} {last}"))).expect("person");
        }
    }
    let before = people_named(&vault);
    vault.lock("test").expect("lock");
    let wrapped_before = fs::read(paths.wrapped_key()).expect("dek");
    let key = safekeeper::vault::keyfile::unwrap_key(&wrapped_before, &recovery).expect("key");
    let db_bytes = fs::metadata(paths.database()).expect("db").len();
    assert!(db_bytes > 256 * 1024, "enough pages that a third of them is many: {db_bytes} bytes");

    // `ulimit -f` counts 512-byte blocks in dash and 1024-byte blocks in bash: either way the
    // limit falls between a quarter and a half of the database, part way through its pages.
    let blocks = db_bytes / 4 / 512;
    let exe = std::env::current_exe().expect("test binary");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\""))
        .arg(&exe)
        .args(["--exact", "child_rekey_under_a_file_size_limit", "--nocapture", "--test-threads=1"])
        .env(REKEY_CHILD_ENV, paths.database())
        .env("SAFEKEEPER_REKEY_CHILD_KEY", hex::encode(key.as_bytes()))
        .stderr(std::process::Stdio::null())
        .output()
        .expect("run the child");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("rekey: store.rekeyFailed"), "the child's re-key: {said}");

    // The old key still opens it, the key file is as it was, and every record is there.
    assert_eq!(fs::read(paths.wrapped_key()).expect("dek"), wrapped_before, "the key file was not touched");
    let vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("the vault opens after the failed re-key");
    assert_eq!(people_named(&vault), before, "nothing lost");
    assert!(vault.db().integrity_check().expect("integrity"), "every page checks out under the old key");
    assert!(audit::verify(vault.db().conn()).expect("verify").verified);
    vault.lock("test").expect("lock");
    let recovery_text = age::secrecy::ExposeSecret::expose_secret(&recovery.to_string()).to_owned();
    UnlockedVault::unlock_with_recovery(&paths, &recovery_text).expect("the recovery key still opens").lock("t").ok();
}
