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

/// Writes `bytes` to a fresh temp file beside `target` and fsyncs it. Returns the temp path, so the
/// caller can prove the new content (e.g. decrypt it) before `commit`.
pub fn write_temp(target: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
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
