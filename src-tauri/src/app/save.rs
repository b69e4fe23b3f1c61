//! Saving a file the user asked for, where they choose. A test build can skip the native dialog
//! (which WebDriver cannot drive) and save straight into one folder: see `test_switches::save_dir`.
//!
//! The dialog belongs to the window that asked (it stays on top of it and goes with it). Choosing
//! and writing are separate steps, because the admin may walk away with the dialog open and be
//! locked out before choosing: the file is written only if the very session that built it is
//! still unlocked when the dialog closes. Otherwise the bytes are dropped and the answer is
//! `vault.locked`. Nothing is ever written into the vault's own data folder.

use std::path::{Path, PathBuf};

use tauri::{Runtime, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

use super::state::SessionId;
use super::AppState;
use crate::bindings::SavedFile;
use crate::error::{CommandError, ErrorCode};
use crate::vault::atomic;

/// What the Save dialog offers in its file-type list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    pub label: &'static str,
    pub extensions: &'static [&'static str],
}

pub const PDF: FileKind = FileKind { label: "PDF document", extensions: &["pdf"] };
pub const PNG: FileKind = FileKind { label: "PNG image", extensions: &["png"] };
pub const ICS: FileKind = FileKind { label: "Calendar file", extensions: &["ics"] };
pub const JPEG: FileKind = FileKind { label: "JPEG image", extensions: &["jpg", "jpeg"] };

/// Where to save `file_name`: what the user picked in a Save dialog on `window` (or the test
/// folder). `None` when they cancel.
pub fn choose_target<R: Runtime>(window: &WebviewWindow<R>, file_name: &str, kind: FileKind) -> Option<PathBuf> {
    match test_switches_save_dir() {
        Some(dir) => Some(dir.join(file_name)),
        None => window
            .dialog()
            .file()
            .set_parent(window)
            .add_filter(kind.label, kind.extensions)
            .set_file_name(file_name)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    }
}

/// A folder to save several files into: the one the user picks in a dialog on `window` (or the
/// test folder). `None` when they cancel.
pub fn choose_folder<R: Runtime>(window: &WebviewWindow<R>, title: &str) -> Option<PathBuf> {
    match test_switches_save_dir() {
        Some(dir) => Some(dir),
        None => window
            .dialog()
            .file()
            .set_parent(window)
            .set_title(title)
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok()),
    }
}

/// The test build's save folder, after the pause that stands in for a person with the dialog open.
fn test_switches_save_dir() -> Option<PathBuf> {
    let dir = super::test_switches::save_dir()?;
    #[cfg(feature = "test-switches")]
    if let Some(pause) = super::test_switches::save_delay() {
        std::thread::sleep(pause);
    }
    Some(dir)
}

/// The folder a path is in, with links resolved, as far as it exists.
fn resolved(path: &Path) -> PathBuf {
    let mut existing = path;
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |acc: PathBuf, part| acc.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// Refuses `target` (a file or a folder to save into) when it is inside the vault's data folder:
/// nothing the app saves for a person belongs next to the encrypted records, where it would be
/// copied by backups of that folder and could be mistaken for part of the vault.
pub fn refuse_data_folder(data_dir: &Path, target: &Path) -> Result<(), CommandError> {
    if resolved(target).starts_with(resolved(data_dir)) {
        return Err(CommandError::new(
            ErrorCode::SaveDataFolder,
            "That folder holds Safekeeper's own encrypted records, so nothing is saved there. Choose another folder, such as Documents or a USB stick.",
        ));
    }
    Ok(())
}

/// Writes `bytes` to `target` (temp file, fsync, rename) and says where they went. Callers check
/// the session and the data folder first: see `write_in_session`.
pub fn write(target: &Path, bytes: &[u8]) -> Result<SavedFile, CommandError> {
    atomic::write_atomic(target, bytes).map_err(|e| {
        CommandError::new(
            ErrorCode::SaveFailed,
            format!("The file could not be saved there ({e}). Choose another folder, or check the disk or USB stick has space."),
        )
    })?;
    Ok(SavedFile { path: target.display().to_string() })
}

/// Runs `f` (which writes to `target`) only if `session` is still the unlocked one and `target`
/// is outside the data folder; otherwise writes nothing.
pub fn in_session<T>(
    state: &AppState,
    session: SessionId,
    target: &Path,
    f: impl FnOnce(&mut super::state::Unlocked) -> Result<T, CommandError>,
) -> Result<T, CommandError> {
    state.with_same_session(session, |s| {
        refuse_data_folder(s.vault.paths().data_dir(), target)?;
        f(s)
    })
}

/// Writes `bytes` to `target` if `session` is still unlocked (see `in_session`).
pub fn write_in_session(
    state: &AppState,
    session: SessionId,
    target: &Path,
    bytes: &[u8],
) -> Result<SavedFile, CommandError> {
    in_session(state, session, target, |_| write(target, bytes))
}

/// Asks where with `choose`, then writes `bytes` there only if `session` is still unlocked.
/// `None` when the user cancels.
pub(crate) fn save_with(
    state: &AppState,
    session: SessionId,
    choose: impl FnOnce() -> Option<PathBuf>,
    bytes: &[u8],
) -> Result<Option<SavedFile>, CommandError> {
    let Some(target) = choose() else { return Ok(None) };
    write_in_session(state, session, &target, bytes).map(Some)
}

/// Saves a PDF that `session` built, through a Save dialog on `window`.
pub fn save_pdf<R: Runtime>(
    window: &WebviewWindow<R>,
    state: &AppState,
    session: SessionId,
    file_name: &str,
    bytes: &[u8],
) -> Result<Option<SavedFile>, CommandError> {
    save_with(state, session, || choose_target(window, file_name, PDF), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::tests::{real_vault, PASSPHRASE};
    use crate::app::state::LOCKED;
    use crate::vault::UnlockedVault;
    use age::secrecy::SecretString;

    fn unlocked(state: &AppState) -> SessionId {
        let paths = state.lock_inner().paths.clone();
        let vault = UnlockedVault::unlock(&paths, &SecretString::from(PASSPHRASE.to_owned())).expect("unlock");
        state.begin_session(vault).expect("session");
        state.with_vault_tagged(|_| Ok(())).expect("unlocked").0
    }

    #[test]
    fn a_save_dialog_that_outlives_a_lock_writes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = tempfile::tempdir().expect("save folder");
        let (state, _) = real_vault(&dir.path().join("data"));
        let session = unlocked(&state);
        let target = out.path().join("Incident report.pdf");
        let refused = save_with(
            &state,
            session,
            || {
                // The auto-lock fires while the dialog is open.
                assert!(state.lock("idle"));
                Some(target.clone())
            },
            b"%PDF-1.7 personal data",
        )
        .expect_err("refused");
        assert_eq!(refused.code, LOCKED);
        assert!(!target.exists(), "no file appeared");
        assert_eq!(std::fs::read_dir(out.path()).expect("read").count(), 0, "not even a temp file");
    }

    #[test]
    fn a_save_dialog_that_outlives_a_lock_writes_nothing_even_after_another_unlock() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = tempfile::tempdir().expect("save folder");
        let (state, _) = real_vault(&dir.path().join("data"));
        let first = unlocked(&state);
        let target = out.path().join("Chronology.pdf");
        let refused = save_with(
            &state,
            first,
            || {
                // Locked, then someone else unlocks while the first dialog is still open.
                state.lock("idle");
                unlocked(&state);
                Some(target.clone())
            },
            b"%PDF-1.7",
        )
        .expect_err("refused");
        assert_eq!(refused.code, LOCKED);
        assert!(!target.exists());
    }

    #[test]
    fn a_save_in_the_same_session_writes_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = tempfile::tempdir().expect("save folder");
        let (state, _) = real_vault(&dir.path().join("data"));
        let session = unlocked(&state);
        let target = out.path().join("Form.pdf");
        let saved = save_with(&state, session, || Some(target.clone()), b"%PDF-1.7").expect("saved").expect("chosen");
        assert_eq!(saved.path, target.display().to_string());
        assert_eq!(std::fs::read(&target).expect("written"), b"%PDF-1.7");
        assert_eq!(save_with(&state, session, || None, b"%PDF").expect("cancel"), None);
    }

    #[test]
    fn nothing_is_saved_into_the_vaults_data_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        let (state, _) = real_vault(&data);
        let session = unlocked(&state);
        for target in [data.join("Report.pdf"), data.join("vault").join("Report.pdf"), data.join("new").join("x.pdf")] {
            let refused = save_with(&state, session, || Some(target.clone()), b"%PDF").expect_err("refused");
            assert_eq!(refused.code, "save.dataFolder");
            assert!(refused.message.contains("Choose another folder"));
            assert!(!target.exists());
        }
        // The same folder reached through a link is refused too.
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&data, &link).expect("symlink");
            let refused = save_with(&state, session, || Some(link.join("Report.pdf")), b"%PDF").expect_err("refused");
            assert_eq!(refused.code, "save.dataFolder");
        }
        // A folder beside it is fine.
        let beside = dir.path().join("Report.pdf");
        save_with(&state, session, || Some(beside.clone()), b"%PDF").expect("saved").expect("chosen");
        assert!(beside.exists());
    }
}
