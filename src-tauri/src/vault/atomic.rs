//! Crash-safe file replacement: write a temp file beside the target, fsync it, rename it over the
//! target, then fsync the directory so the rename itself is durable.
//! Owns nothing but that sequence; callers decide when the old file may go.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

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
    fs::rename(temp, target)?;
    sync_dir(target.parent().unwrap_or(Path::new(".")))
}

/// temp → fsync → rename → fsync(dir), for content that needs no proof beyond being written.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = write_temp(target, bytes)?;
    commit(&temp, target).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

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
    use crate::error::ErrorCode;
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
