//! Blank forms printed at the locked home go into one folder the app makes, "Safekeeper blank
//! forms" in the user's Documents, and are handed to the system's PDF viewer for printing. The
//! station never opens a file browser: that would let anyone at it look through the laptop's
//! folders and save files anywhere.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tauri::{AppHandle, Manager, Runtime};

use crate::bindings::BlankFormSaved;
use crate::error::{CommandError, ErrorCode};

/// The folder's name inside Documents.
pub const FOLDER_NAME: &str = "Safekeeper blank forms";

/// `Documents/Safekeeper blank forms` (the home folder's "Documents" when the desktop names no
/// documents folder).
pub fn folder<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, CommandError> {
    let documents = app.path().document_dir().ok().or_else(|| app.path().home_dir().ok().map(|h| h.join("Documents")));
    documents.map(|d| d.join(FOLDER_NAME)).ok_or_else(|| {
        CommandError::new(
            ErrorCode::BlankFormNoFolder,
            "Safekeeper could not find a Documents folder to put the form in. Ask an admin to print it from the admin window.",
        )
    })
}

/// Writes the form into `folder` (made if needed), then asks `open` (the PDF viewer: see
/// `open_in_viewer`) to open it.
pub fn save_and_open(
    data_dir: &Path,
    folder: &Path,
    file_name: &str,
    pdf: &[u8],
    open: impl FnOnce(&Path) -> bool,
) -> Result<BlankFormSaved, CommandError> {
    let target = folder.join(file_name);
    super::save::refuse_data_folder(data_dir, &target)?;
    std::fs::create_dir_all(folder).map_err(|_| {
        CommandError::new(
            ErrorCode::BlankFormFolder,
            "The folder for blank forms could not be made in Documents. Ask an admin to print the form from the admin window.",
        )
    })?;
    let saved = super::save::write(&target, pdf)?;
    Ok(BlankFormSaved { path: saved.path, folder: folder.display().to_string(), opened: open(&target) })
}

/// Hands `path` to the system's PDF viewer. A test build with a notification log records the
/// request there instead (Xvfb has no viewer). False when no viewer could be started.
pub fn open_in_viewer(path: &Path) -> bool {
    if let Some(log) = super::test_switches::notify_log() {
        return std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .and_then(|mut f| writeln!(f, "open {}", path.display()))
            .is_ok();
    }
    let mut command = if cfg!(target_os = "windows") {
        // Explorer opens a file with its default app, as a double-click would, without the
        // console window `cmd /C start` flashes up, and without cmd reading `&` in a path.
        Command::new("explorer.exe")
    } else if cfg!(target_os = "macos") {
        Command::new("open")
    } else {
        Command::new("xdg-open")
    };
    match command.arg(path).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn() {
        Ok(mut child) => {
            // Reaped in the background so no finished viewer launcher lingers.
            std::thread::spawn(move || {
                let _ = child.wait();
            });
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_form_goes_into_the_fixed_folder_made_for_it() {
        let home = tempfile::tempdir().expect("temp dir");
        let data = home.path().join(".local/share/safekeeper");
        std::fs::create_dir_all(&data).expect("data");
        let folder = home.path().join("Documents").join(FOLDER_NAME);
        let mut opened = Vec::new();
        let saved = save_and_open(&data, &folder, "Incident form blank.pdf", b"%PDF-1.7", |p| {
            opened.push(p.to_path_buf());
            true
        })
        .expect("saved");
        assert!(saved.opened);
        assert_eq!(opened, [folder.join("Incident form blank.pdf")], "handed to the viewer once written");
        assert_eq!(saved.path, folder.join("Incident form blank.pdf").display().to_string());
        assert_eq!(saved.folder, folder.display().to_string());
        assert_eq!(std::fs::read(folder.join("Incident form blank.pdf")).expect("written"), b"%PDF-1.7");
        // Printing it again replaces the copy rather than piling up files.
        let again =
            save_and_open(&data, &folder, "Incident form blank.pdf", b"%PDF-1.7 again", |_| false).expect("again");
        assert!(!again.opened, "says so when no viewer could be started");
        assert_eq!(std::fs::read_dir(&folder).expect("list").count(), 1);
    }

    #[test]
    fn a_blank_form_is_never_written_into_the_data_folder() {
        let home = tempfile::tempdir().expect("temp dir");
        let data = home.path().join("data");
        std::fs::create_dir_all(&data).expect("data");
        let refused = save_and_open(&data, &data.join(FOLDER_NAME), "x.pdf", b"%PDF", |_| panic!("nothing to open"))
            .expect_err("refused");
        assert_eq!(refused.code, "save.dataFolder");
        assert!(!data.join(FOLDER_NAME).exists(), "the folder was not even made");
    }
}
