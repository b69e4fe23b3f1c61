//! Crash-safe file replacement: write a temp file beside the target, fsync it, rename it over the
//! target, then fsync the directory so the rename itself is durable.
//! Owns nothing but that sequence; callers decide when the old file may go.
//!
//! On Windows the rename is `MoveFileExW` with write-through, and a file another program holds
//! open (antivirus and the search indexer open new files to scan them) is waited for, briefly,
//! before the rename gives up with a plain error.

#[cfg(unix)]
use std::fs::File;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a rename waits for another program to let go of a file before it gives up. Scanners
/// hold a new file for tens of milliseconds; two seconds is long enough for them and short enough
/// that someone waiting at the screen is told what is wrong.
pub const HELD_OPEN_PATIENCE: Duration = Duration::from_secs(2);

/// The operating system's error codes for "another program has this file open". Windows: sharing
/// violation, lock violation and access denied (a pending delete or a scanner's handle). Unix
/// renames never wait on another program's handle, so only "busy" counts there.
#[cfg(windows)]
const HELD_OPEN_CODES: [i32; 3] = [32, 33, 5];
#[cfg(not(windows))]
const HELD_OPEN_CODES: [i32; 1] = [16];

/// What a rename reports when the file stayed held open for all of `HELD_OPEN_PATIENCE`.
#[derive(Debug, thiserror::Error)]
#[error("another program kept the file open")]
pub struct HeldOpen;

/// The temp path used for `target`: same directory (so rename is atomic), dot-prefixed.
pub fn temp_path_for(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!(".{name}.tmp-{}", uuid::Uuid::new_v4().simple()))
}

#[cfg(test)]
thread_local! {
    /// Unit tests set this to make every write on their thread fail as a full disk would, where
    /// a real small filesystem cannot be mounted (see `tests/disk_full.rs` for the real one).
    static FAIL_WRITES: std::cell::Cell<Option<std::io::ErrorKind>> = const { std::cell::Cell::new(None) };
    /// Unit tests set this to `(n, code)` to make the next `n` renames on their thread fail with
    /// the OS error `code`, as a file antivirus holds open does on Windows (Wine never does).
    static HOLD_RENAMES: std::cell::Cell<(u32, i32)> = const { std::cell::Cell::new((0, 0)) };
}

/// Writes `bytes` to a fresh temp file beside `target` and fsyncs it. Returns the temp path, so the
/// caller can prove the new content (e.g. decrypt it) before `commit`.
pub fn write_temp(target: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    #[cfg(test)]
    if let Some(kind) = FAIL_WRITES.with(std::cell::Cell::get) {
        return Err(std::io::Error::from(kind));
    }
    let temp = temp_path_for(target);
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    Ok(temp)
}

/// Renames a proven temp file over `target` and makes the rename durable.
pub fn commit(temp: &Path, target: &Path) -> std::io::Result<()> {
    rename(temp, target)?;
    sync_dir(target.parent().unwrap_or(Path::new(".")))
}

/// Moves a file or folder to `to` (replacing a file already there), durably where the platform
/// allows it, waiting up to `HELD_OPEN_PATIENCE` for another program to let go of it.
pub fn rename(from: &Path, to: &Path) -> std::io::Result<()> {
    retry_while_held_open(HELD_OPEN_PATIENCE, || replace(from, to))
}

/// Runs `attempt` until it succeeds, fails for a reason other than a held-open file, or
/// `patience` runs out; then a held file is reported as `HeldOpen` (kind `ResourceBusy`).
fn retry_while_held_open(patience: Duration, mut attempt: impl FnMut() -> std::io::Result<()>) -> std::io::Result<()> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(10);
    loop {
        let err = match attempt() {
            Ok(()) => return Ok(()),
            Err(e) if held_open(&e) => e,
            Err(e) => return Err(e),
        };
        if started.elapsed() + pause > patience {
            // Access denied that never clears is as likely a folder nobody may write to: keep
            // the operating system's own words for that.
            if err.kind() == std::io::ErrorKind::PermissionDenied {
                return Err(err);
            }
            return Err(std::io::Error::new(std::io::ErrorKind::ResourceBusy, HeldOpen));
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(250));
    }
}

fn held_open(e: &std::io::Error) -> bool {
    e.raw_os_error().is_some_and(|code| HELD_OPEN_CODES.contains(&code))
}

fn replace(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(test)]
    if let Some(code) = HOLD_RENAMES.with(|h| {
        let (left, code) = h.get();
        (left > 0).then(|| {
            h.set((left - 1, code));
            code
        })
    }) {
        return Err(std::io::Error::from_raw_os_error(code));
    }
    move_on_disk(from, to)
}

/// `MoveFileExW` with `MOVEFILE_WRITE_THROUGH` (and `MOVEFILE_REPLACE_EXISTING` for a file): it
/// returns only once the move is on the disk, where a plain rename may sit in the cache.
#[cfg(windows)]
fn move_on_disk(from: &Path, to: &Path) -> std::io::Result<()> {
    if from.is_file() {
        atomicwrites::replace_atomic(from, to)
    } else {
        atomicwrites::move_atomic(from, to)
    }
}

#[cfg(not(windows))]
fn move_on_disk(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::rename(from, to)
}

/// temp → fsync → rename → fsync(dir), for content that needs no proof beyond being written.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = write_temp(target, bytes)?;
    commit(&temp, target).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

/// Flushes a folder's entries to disk, so a rename in it survives a power cut. Does nothing on
/// Windows, where NTFS journals renames itself.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    // Windows cannot open a directory for fsync; NTFS journals renames itself.
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::CodedError;
    use crate::vault::{backup, NewVault, UnlockedVault, VaultPaths};
    use age::secrecy::SecretString;

    fn pass(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn an_injected_full_disk_fails_key_changes_and_backups_plainly_and_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = VaultPaths::new(dir.path().join("data"));
        let recovery = age::x25519::Identity::generate();
        let passphrase = pass("copper lantern orchard whistle");
        let mut vault = UnlockedVault::create(
            &paths,
            NewVault {
                org_name: "Test Youth Trust",
                admin_name: "Alex Morgan",
                passphrase: &passphrase,
                recovery: &recovery,
                demo_passphrase: None,
            },
        )
        .expect("vault");
        let admin = vault.admin_id().expect("admin").to_owned();
        let key_file = fs::read(paths.wrapped_key()).expect("dek");
        let usb = tempfile::tempdir().expect("usb");

        FAIL_WRITES.with(|f| f.set(Some(std::io::ErrorKind::StorageFull)));
        let new_passphrase = pass("harbour mosaic kettle daybreak");
        let results = [
            ("passphrase change", vault.set_passphrase(&admin, &new_passphrase).map(drop)),
            ("admin added", vault.add_admin("Jordan Price", &new_passphrase).map(drop)),
            ("re-key", vault.rotate_key()),
        ];
        let backup = backup::back_up(&mut vault, usb.path(), "test").map(drop);
        FAIL_WRITES.with(|f| f.set(None));

        for (what, result) in results {
            let err = result.expect_err(what);
            assert_eq!(err.code(), "vault.io", "{what}: {err}");
            assert!(err.to_string().contains("The disk is full") && err.to_string().contains("Nothing has been lost"));
        }
        let err = backup.expect_err("backup");
        assert_eq!(err.code(), "backup.write", "{err}");
        assert_eq!(fs::read_dir(usb.path()).expect("list").count(), 0, "no half-written backup");
        assert_eq!(fs::read(paths.wrapped_key()).expect("dek"), key_file, "the key file is unchanged");
        assert_eq!(vault.admins().expect("admins").len(), 1);
        vault.lock("test").expect("lock");
        let again = UnlockedVault::unlock(&paths, &passphrase).expect("the old passphrase still unlocks");
        again.lock("test").expect("lock");
    }

    #[test]
    fn write_atomic_replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("dek.age");
        write_atomic(&target, b"first").expect("write 1");
        write_atomic(&target, b"second").expect("write 2");
        assert_eq!(fs::read(&target).expect("read"), b"second");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names.len(), 1, "only the target remains: {names:?}");
    }

    fn hold_next_renames(times: u32) {
        HOLD_RENAMES.with(|h| h.set((times, HELD_OPEN_CODES[0])));
    }

    #[test]
    fn a_file_held_open_briefly_is_waited_for_and_then_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("dek.age");
        write_atomic(&target, b"old").expect("write");
        hold_next_renames(3);
        write_atomic(&target, b"new").expect("the file was let go within the patience");
        assert_eq!(HOLD_RENAMES.with(std::cell::Cell::get).0, 0, "all three held attempts were retried");
        assert_eq!(fs::read(&target).expect("read"), b"new");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1, "no temp file is left");
    }

    #[test]
    fn a_file_held_open_for_good_gives_a_plain_error_and_keeps_the_old_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("dek.age");
        write_atomic(&target, b"old").expect("write");
        hold_next_renames(u32::MAX);
        let started = Instant::now();
        let err = write_atomic(&target, b"new").expect_err("never let go");
        let waited = started.elapsed();
        hold_next_renames(0);
        assert_eq!(err.kind(), std::io::ErrorKind::ResourceBusy);
        assert!(err.get_ref().is_some_and(|inner| inner.is::<HeldOpen>()), "{err}");
        assert!(waited >= HELD_OPEN_PATIENCE / 2, "it waited for the file ({waited:?})");
        assert!(waited < HELD_OPEN_PATIENCE * 2, "and then gave up ({waited:?})");
        assert_eq!(fs::read(&target).expect("read"), b"old");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1, "the temp file is removed");
        let words = crate::vault::VaultError::from(err).to_string();
        assert!(words.contains("Another program") && words.contains("Nothing has been lost"), "{words}");
    }

    #[test]
    fn a_failure_that_is_not_a_held_file_is_not_retried() {
        let mut attempts = 0;
        let err = retry_while_held_open(HELD_OPEN_PATIENCE, || {
            attempts += 1;
            Err(std::io::Error::from(std::io::ErrorKind::NotFound))
        })
        .expect_err("fails");
        assert_eq!((attempts, err.kind()), (1, std::io::ErrorKind::NotFound));
    }

    #[test]
    fn uncommitted_temp_leaves_the_old_file_in_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("dek.age");
        write_atomic(&target, b"old").expect("write");
        let temp = write_temp(&target, b"new").expect("temp");
        assert_eq!(fs::read(&target).expect("read"), b"old");
        assert_eq!(fs::read(&temp).expect("read temp"), b"new");
    }
}
