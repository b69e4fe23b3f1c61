//! Commands the locked home may call: status, setup, demo, the ways in, and handing in a signature
//! (write-only). None of them reads a record; the kiosk capability grants these and nothing else.

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use sha2::{Digest, Sha256};
use tauri::{AppHandle, Manager, State, WebviewWindow};

use super::state::PendingSetup;
use super::{windows, AppState};
use crate::bindings::{AppStatus, KitSaved, RecoveryKeyShown};
use crate::error::{CommandError, ErrorCode};
use crate::forms::emergency_kit::{self, EmergencyKit};
use crate::kiosk::manifest::{KioskAup, KioskConsentForm};
use crate::kiosk::outbox::{KioskConcern, KioskImageConsent, Receipt};
use crate::kiosk::station::{self, KioskSignInput};
use crate::records::organisation;
use crate::vault::admins;
use crate::vault::keyfile;
use crate::vault::passphrase::{self, PassphraseStrength};
use crate::vault::{NewVault, UnlockedVault, VaultError};

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    state.status()
}

#[tauri::command]
pub fn passphrase_strength(passphrase: String, user_inputs: Vec<String>) -> PassphraseStrength {
    let inputs: Vec<&str> = user_inputs.iter().map(String::as_str).collect();
    passphrase::strength(&passphrase, &inputs)
}

fn setup_error(code: ErrorCode, message: &str) -> CommandError {
    CommandError::new(code, message)
}

/// Checks the wizard's answers and makes the recovery key. Nothing is written until
/// `setup_finish`; going back and changing an answer keeps the same recovery key, so an
/// Emergency Kit already saved stays valid.
#[tauri::command]
pub fn setup_begin(
    state: State<'_, AppState>,
    org_name: String,
    admin_name: String,
    passphrase: String,
) -> Result<RecoveryKeyShown, CommandError> {
    let mut inner = state.lock_inner();
    if inner.paths.exists() {
        return Err(VaultError::AlreadySetUp.into());
    }
    let org_name = organisation::validate_org_name(&org_name).ok_or_else(|| {
        setup_error(ErrorCode::SetupInvalidOrgName, "Enter your organisation's name (up to 120 characters).")
    })?;
    let admin_name = admins::validate_name(&admin_name).ok_or_else(|| {
        setup_error(ErrorCode::SetupInvalidName, "Enter your full name (at least two letters, at most 100 characters).")
    })?;
    if !passphrase::strength(&passphrase, &[&org_name, &admin_name]).acceptable {
        return Err(setup_error(
            ErrorCode::SetupWeakPassphrase,
            "That passphrase is too easy to guess. Use four or more random words, or a passphrase rated Strong.",
        ));
    }
    let (recovery, kits_saved) = inner
        .pending_setup
        .take()
        .map_or_else(|| (x25519::Identity::generate(), Vec::new()), |p| (p.recovery, p.kits_saved));
    let key_text = recovery.to_string().expose_secret().to_owned();
    inner.pending_setup = Some(PendingSetup {
        org_name,
        admin_name,
        passphrase: SecretString::from(passphrase),
        recovery,
        created: crate::dates::today(),
        kits_saved,
    });
    Ok(RecoveryKeyShown { groups: keyfile::recovery_key_groups(&key_text), recovery_key: key_text })
}

fn kit_pdf(state: &AppState) -> Result<(Vec<u8>, String), CommandError> {
    let inner = state.lock_inner();
    let pending = inner.pending_setup.as_ref().ok_or_else(|| {
        setup_error(ErrorCode::SetupNotStarted, "Start setup again: the recovery key has not been made yet.")
    })?;
    let kit = EmergencyKit {
        org_name: pending.org_name.clone(),
        created: pending.created,
        recovery_key: pending.recovery.to_string().expose_secret().to_owned(),
        demo: false,
    };
    let pdf = emergency_kit::emergency_kit_pdf(&kit)?;
    Ok((pdf, format!("Safekeeper Emergency Kit {}.pdf", pending.created.format("%Y-%m-%d"))))
}

/// Saves the Emergency Kit PDF where the admin chooses, and says whether that folder is one cloud
/// sync usually copies. `None` when they cancel the dialog.
#[tauri::command]
pub async fn setup_save_kit(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<KitSaved>, CommandError> {
    let (pdf, file_name) = kit_pdf(&state)?;
    let Some(target) = super::save::choose_target(&window, &file_name, super::save::PDF) else { return Ok(None) };
    let home = app.path().home_dir().ok();
    save_kit_to(&state, &target, &pdf, home.as_deref()).map(Some)
}

/// Writes the kit to `target` (never into the data folder) and remembers exactly what was written.
pub(crate) fn save_kit_to(
    state: &AppState,
    target: &std::path::Path,
    pdf: &[u8],
    home: Option<&std::path::Path>,
) -> Result<KitSaved, CommandError> {
    let mut inner = state.lock_inner();
    super::save::refuse_data_folder(inner.paths.data_dir(), target)?;
    let pending = inner.pending_setup.as_mut().ok_or_else(not_started)?;
    let saved = super::save::write(target, pdf)?;
    pending.kits_saved.push((target.to_path_buf(), Sha256::digest(pdf).into()));
    let folder = target.parent().unwrap_or(target);
    Ok(KitSaved { path: saved.path, cloud_sync: emergency_kit::cloud_synced_folder(folder, home).map(str::to_owned) })
}

/// Deletes the Emergency Kit copies this setup saved, once the admin says the kit is printed.
/// Only those exact files: a file at one of those paths that no longer holds what was saved there
/// is left alone. Returns how many were deleted.
#[tauri::command]
pub fn setup_delete_kit(state: State<'_, AppState>) -> Result<u32, CommandError> {
    delete_saved_kits(&state)
}

pub(crate) fn delete_saved_kits(state: &AppState) -> Result<u32, CommandError> {
    let mut inner = state.lock_inner();
    let pending = inner.pending_setup.as_mut().ok_or_else(not_started)?;
    let mut deleted = 0;
    for (path, hash) in std::mem::take(&mut pending.kits_saved) {
        match std::fs::read(&path) {
            Ok(bytes) if <[u8; 32]>::from(Sha256::digest(&bytes)) == hash => {
                std::fs::remove_file(&path).map_err(|_| {
                    CommandError::new(
                        ErrorCode::SetupKitNotDeleted,
                        "The saved Emergency Kit could not be deleted. Delete it yourself from the folder you saved it in.",
                    )
                })?;
                deleted += 1;
            }
            // Gone already, or changed since: not the file this setup saved.
            _ => {}
        }
    }
    Ok(deleted)
}

fn not_started() -> CommandError {
    setup_error(ErrorCode::SetupNotStarted, "Start setup again: the recovery key has not been made yet.")
}

/// Checks the typed confirmation, then writes the vault and opens the admin window.
#[tauri::command]
pub async fn setup_finish(
    app: AppHandle,
    state: State<'_, AppState>,
    confirmation: String,
) -> Result<(), CommandError> {
    let (paths, pending) = {
        let mut inner = state.lock_inner();
        let pending = inner.pending_setup.take().ok_or_else(|| {
            setup_error(ErrorCode::SetupNotStarted, "Start setup again: the recovery key has not been made yet.")
        })?;
        let key = pending.recovery.to_string();
        let typed: String = confirmation.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        let expected: String =
            key.expose_secret().chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
        if typed != expected {
            inner.pending_setup = Some(pending);
            return Err(setup_error(
                ErrorCode::SetupConfirmationMismatch,
                "Those are not the last 6 characters of your recovery key. Check the key on your Emergency Kit and try again.",
            ));
        }
        (inner.paths.clone(), pending)
    };
    let vault = tauri::async_runtime::spawn_blocking(move || {
        UnlockedVault::create(
            &paths,
            NewVault {
                org_name: &pending.org_name,
                admin_name: &pending.admin_name,
                passphrase: &pending.passphrase,
                recovery: &pending.recovery,
                demo_passphrase: None,
            },
        )
    })
    .await
    .map_err(|_| {
        CommandError::new(ErrorCode::SetupFailed, "Setup stopped unexpectedly. Nothing was saved; please try again.")
    })??;
    state.begin_session(vault)?;
    windows::open_admin(&app).map_err(window_error)
}

#[tauri::command]
pub async fn start_demo(state: State<'_, AppState>) -> Result<AppStatus, CommandError> {
    state.lock_inner().try_demo()?;
    Ok(state.status())
}

#[tauri::command]
pub async fn unlock(app: AppHandle, state: State<'_, AppState>, passphrase: String) -> Result<(), CommandError> {
    let paths = state.lock_inner().paths.clone();
    let passphrase = SecretString::from(passphrase);
    let vault =
        tauri::async_runtime::spawn_blocking(move || UnlockedVault::unlock(&paths, &passphrase)).await.map_err(
            |_| CommandError::new(ErrorCode::VaultCannotUnlock, "Unlocking stopped unexpectedly. Please try again."),
        )??;
    enter(&app, &state, vault)
}

#[tauri::command]
pub async fn recovery_unlock(
    app: AppHandle,
    state: State<'_, AppState>,
    recovery_key: String,
) -> Result<(), CommandError> {
    let paths = state.lock_inner().paths.clone();
    let vault =
        tauri::async_runtime::spawn_blocking(move || UnlockedVault::unlock_with_recovery(&paths, &recovery_key))
            .await
            .map_err(|_| {
                CommandError::new(ErrorCode::VaultCannotUnlock, "Unlocking stopped unexpectedly. Please try again.")
            })??;
    enter(&app, &state, vault)
}

fn enter(app: &AppHandle, state: &AppState, vault: UnlockedVault) -> Result<(), CommandError> {
    if state.lock_inner().session.is_some() {
        // Another unlock won the race; this one's vault handle simply closes.
        let _ = crate::kiosk::refresh::lock(vault, "duplicate unlock");
    } else {
        state.begin_session(vault)?;
        super::notify::after_unlock(app, state);
    }
    windows::open_admin(app).map_err(window_error)
}

pub(super) fn window_error(_: tauri::Error) -> CommandError {
    CommandError::new(ErrorCode::AppWindow, "Safekeeper could not open its admin window. Lock and try again.")
}

/// The AUPs the signing station offers, from the manifest the last admin session published.
#[tauri::command]
pub fn kiosk_signing_options(state: State<'_, AppState>) -> Vec<KioskAup> {
    let paths = state.lock_inner().paths.clone();
    station::signing_options(&paths)
}

/// Seals one signature into the outbox. Write-only: nothing comes back but the receipt number.
#[tauri::command]
pub async fn kiosk_sign_aup(state: State<'_, AppState>, signature: KioskSignInput) -> Result<Receipt, CommandError> {
    let paths = state.lock_inner().paths.clone();
    tauri::async_runtime::spawn_blocking(move || station::sign_aup(&paths, signature))
        .await
        .map_err(|_| {
            CommandError::new(
                ErrorCode::OutboxWrite,
                "Your signature could not be saved. Nothing was kept. Please try again, or tell a member of staff.",
            )
        })?
        .map_err(CommandError::from)
}

/// Seals a concern for the admins. Write-only: nothing comes back but the receipt number.
#[tauri::command]
pub async fn kiosk_report_concern(state: State<'_, AppState>, concern: KioskConcern) -> Result<Receipt, CommandError> {
    let paths = state.lock_inner().paths.clone();
    tauri::async_runtime::spawn_blocking(move || station::report_concern(&paths, concern))
        .await
        .map_err(|_| {
            CommandError::new(
                ErrorCode::OutboxWrite,
                "Your concern could not be saved. Nothing was kept. Tell the safeguarding lead in person, and if a child is in immediate danger call 999.",
            )
        })?
        .map_err(CommandError::from)
}

/// The image consent form the signing station offers, from the manifest; `None` until an admin
/// has unlocked once since consent arrived.
#[tauri::command]
pub fn kiosk_consent_form(state: State<'_, AppState>) -> Option<KioskConsentForm> {
    let paths = state.lock_inner().paths.clone();
    station::consent_form(&paths)
}

/// Seals an image consent or withdrawal for the admins. Write-only: only the receipt comes back.
#[tauri::command]
pub async fn kiosk_give_consent(
    state: State<'_, AppState>,
    consent: KioskImageConsent,
) -> Result<Receipt, CommandError> {
    let paths = state.lock_inner().paths.clone();
    tauri::async_runtime::spawn_blocking(move || station::give_consent(&paths, consent))
        .await
        .map_err(|_| {
            CommandError::new(
                ErrorCode::OutboxWrite,
                "Your answers could not be saved. Nothing was kept. Please try again, or tell a member of staff.",
            )
        })?
        .map_err(CommandError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending_setup(dir: &std::path::Path) -> AppState {
        let state = AppState::start(dir.join("data"), false).expect("start");
        state.lock_inner().pending_setup = Some(PendingSetup {
            org_name: "Northfield Youth Trust".to_owned(),
            admin_name: "Morgan Ellis".to_owned(),
            passphrase: SecretString::from("marble otter lantern harvest".to_owned()),
            recovery: x25519::Identity::generate(),
            created: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"),
            kits_saved: Vec::new(),
        });
        state
    }

    #[test]
    fn deleting_the_saved_kit_removes_exactly_the_files_setup_saved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = pending_setup(dir.path());
        let (pdf, name) = kit_pdf(&state).expect("kit");
        let home = dir.path().join("home");
        let documents = home.join("Documents");
        let usb = dir.path().join("usb");
        std::fs::create_dir_all(&documents).expect("documents");
        std::fs::create_dir_all(&usb).expect("usb");

        let first = save_kit_to(&state, &documents.join(&name), &pdf, Some(&home)).expect("saved");
        assert_eq!(first.cloud_sync.as_deref(), Some("Documents"), "Documents is usually synced");
        let second = save_kit_to(&state, &usb.join(&name), &pdf, Some(&home)).expect("saved again");
        assert_eq!(second.cloud_sync, None, "a USB stick is not");
        // Something else the admin keeps beside it, and a copy they changed, stay.
        let other = usb.join("Minutes.pdf");
        std::fs::write(&other, b"%PDF other").expect("other");
        let third_path = dir.path().join(&name);
        save_kit_to(&state, &third_path, &pdf, Some(&home)).expect("saved a third");
        std::fs::write(&third_path, b"replaced by the admin").expect("replace");

        assert_eq!(delete_saved_kits(&state).expect("deleted"), 2);
        assert!(!documents.join(&name).exists() && !usb.join(&name).exists(), "both saved copies are gone");
        assert!(other.exists(), "an unrelated file stays");
        assert_eq!(std::fs::read(&third_path).expect("kept"), b"replaced by the admin", "a changed file stays");
        assert_eq!(delete_saved_kits(&state).expect("nothing left"), 0);
    }

    #[test]
    fn the_kit_is_never_saved_into_the_data_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = pending_setup(dir.path());
        let (pdf, name) = kit_pdf(&state).expect("kit");
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).expect("data");
        let refused = save_kit_to(&state, &data.join(&name), &pdf, None).expect_err("refused");
        assert_eq!(refused.code, "save.dataFolder");
        assert!(!data.join(&name).exists());
    }
}
