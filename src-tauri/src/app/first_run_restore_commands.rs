//! Restoring onto a new computer from the first-run screen: the backup file the person picks
//! plus the paper recovery key they type make a working vault (see `vault::session::from_backup`).
//! Both commands refuse once a vault exists on this computer.

use std::path::PathBuf;

use age::secrecy::SecretString;
use tauri::{AppHandle, State, WebviewWindow};

use super::backup_commands::off_thread;
use super::kiosk_commands::window_error;
use super::restore_commands::choose_backup_file;
use super::{windows, AppState};
use crate::error::{CommandError, ErrorCode};
use crate::vault::setup::{self, SetupError};
use crate::vault::{read_backup_for_new_vault, BackupForNewVault, UnlockedVault, VaultPaths};

fn stopped() -> CommandError {
    CommandError::new(
        ErrorCode::RestoreFailed,
        "Reading the backup stopped unexpectedly. Nothing was saved; please try again.",
    )
}

/// Asks for the backup file, reads it with the recovery key and says what it holds and who its
/// admins are. Writes nothing. `None` when the person cancels the file choice.
#[tauri::command]
pub async fn setup_restore_read(
    window: WebviewWindow,
    state: State<'_, AppState>,
    recovery_key: String,
) -> Result<Option<BackupForNewVault>, CommandError> {
    setup::refuse_if_set_up(&state.lock_inner().paths)?;
    let Some(file) = choose_backup_file(&window) else { return Ok(None) };
    let chosen = file.clone();
    let found = off_thread(move || read_backup_for_new_vault(&chosen, &recovery_key), stopped()).await?;
    state.lock_inner().restore_source = Some(file);
    Ok(Some(found))
}

/// Makes the vault from the backup read by `setup_restore_read`: the admin chosen sets a new
/// passphrase and is let in.
#[tauri::command]
pub async fn setup_restore_finish(
    app: AppHandle,
    state: State<'_, AppState>,
    recovery_key: String,
    admin_id: String,
    passphrase: String,
) -> Result<(), CommandError> {
    let (paths, file) = restore_source(&state)?;
    let passphrase = SecretString::from(passphrase);
    let make = move || UnlockedVault::create_from_backup(&paths, &file, &recovery_key, &admin_id, &passphrase);
    let vault = off_thread(make, stopped()).await?;
    state.lock_inner().restore_source = None;
    state.begin_session(vault)?;
    windows::open_admin(&app).map_err(window_error)
}

/// Where the vault goes, and the backup `setup_restore_read` read to make it from.
fn restore_source(state: &AppState) -> Result<(VaultPaths, PathBuf), CommandError> {
    let inner = state.lock_inner();
    Ok((inner.paths.clone(), inner.restore_source.clone().ok_or(SetupError::NoBackupRead)?))
}
