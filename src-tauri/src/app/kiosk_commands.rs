//! Commands the locked home may call: status, setup, demo, the ways in, and handing in a signature
//! (write-only). None of them reads a record; the kiosk capability grants these and nothing else.

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use tauri::{AppHandle, State};

use super::state::PendingSetup;
use super::{windows, AppState};
use crate::bindings::{AppStatus, RecoveryKeyShown, SavedFile};
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

fn setup_error(code: &str, message: &str) -> CommandError {
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
        return Err(VaultError::AlreadySetUp.to_command_error());
    }
    let org_name = organisation::validate_org_name(&org_name)
        .ok_or_else(|| setup_error("setup.invalidOrgName", "Enter your organisation's name (up to 120 characters)."))?;
    let admin_name = admins::validate_name(&admin_name).ok_or_else(|| {
        setup_error("setup.invalidName", "Enter your full name (at least two letters, at most 100 characters).")
    })?;
    if !passphrase::strength(&passphrase, &[&org_name, &admin_name]).acceptable {
        return Err(setup_error(
            "setup.weakPassphrase",
            "That passphrase is too easy to guess. Use four or more random words, or a passphrase rated Strong.",
        ));
    }
    let recovery = inner.pending_setup.take().map_or_else(x25519::Identity::generate, |p| p.recovery);
    let key_text = recovery.to_string().expose_secret().to_owned();
    inner.pending_setup = Some(PendingSetup {
        org_name,
        admin_name,
        passphrase: SecretString::from(passphrase),
        recovery,
        created: chrono::Local::now().date_naive(),
    });
    Ok(RecoveryKeyShown { groups: keyfile::recovery_key_groups(&key_text), recovery_key: key_text })
}

fn kit_pdf(state: &AppState) -> Result<(Vec<u8>, String), CommandError> {
    let inner = state.lock_inner();
    let pending = inner
        .pending_setup
        .as_ref()
        .ok_or_else(|| setup_error("setup.notStarted", "Start setup again: the recovery key has not been made yet."))?;
    let kit = EmergencyKit {
        org_name: pending.org_name.clone(),
        created: pending.created,
        recovery_key: pending.recovery.to_string().expose_secret().to_owned(),
        demo: false,
    };
    let pdf = emergency_kit::emergency_kit_pdf(&kit).map_err(|e| e.to_command_error())?;
    Ok((pdf, format!("Safekeeper Emergency Kit {}.pdf", pending.created.format("%Y-%m-%d"))))
}

/// Saves the Emergency Kit PDF where the admin chooses. `None` when they cancel the dialog.
#[tauri::command]
pub async fn setup_save_kit(app: AppHandle, state: State<'_, AppState>) -> Result<Option<SavedFile>, CommandError> {
    let (pdf, file_name) = kit_pdf(&state)?;
    super::save::save_pdf(&app, &file_name, &pdf)
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
            setup_error("setup.notStarted", "Start setup again: the recovery key has not been made yet.")
        })?;
        let key = pending.recovery.to_string();
        let typed: String = confirmation.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        let expected: String =
            key.expose_secret().chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
        if typed != expected {
            inner.pending_setup = Some(pending);
            return Err(setup_error(
                "setup.confirmationMismatch",
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
    .map_err(|_| CommandError::new("setup.failed", "Setup stopped unexpectedly. Nothing was saved; please try again."))?
    .map_err(|e| e.to_command_error())?;
    state.begin_session(vault)?;
    windows::open_admin(&app).map_err(window_error)
}

#[tauri::command]
pub async fn start_demo(state: State<'_, AppState>) -> Result<AppStatus, CommandError> {
    state.lock_inner().start_demo()?;
    Ok(state.status())
}

#[tauri::command]
pub async fn unlock(app: AppHandle, state: State<'_, AppState>, passphrase: String) -> Result<(), CommandError> {
    let paths = state.lock_inner().paths.clone();
    let passphrase = SecretString::from(passphrase);
    let vault = tauri::async_runtime::spawn_blocking(move || UnlockedVault::unlock(&paths, &passphrase))
        .await
        .map_err(|_| CommandError::new("vault.cannotUnlock", "Unlocking stopped unexpectedly. Please try again."))?
        .map_err(|e| e.to_command_error())?;
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
            .map_err(|_| CommandError::new("vault.cannotUnlock", "Unlocking stopped unexpectedly. Please try again."))?
            .map_err(|e| e.to_command_error())?;
    enter(&app, &state, vault)
}

fn enter(app: &AppHandle, state: &AppState, vault: UnlockedVault) -> Result<(), CommandError> {
    if state.lock_inner().session.is_some() {
        // Another unlock won the race; this one's vault handle simply closes.
        let _ = vault.lock("duplicate unlock");
    } else {
        state.begin_session(vault)?;
        super::notify::after_unlock(app, state);
    }
    windows::open_admin(app).map_err(window_error)
}

pub(super) fn window_error(_: tauri::Error) -> CommandError {
    CommandError::new("app.window", "Safekeeper could not open its admin window. Lock and try again.")
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
                "outbox.write",
                "Your signature could not be saved. Nothing was kept. Please try again, or tell a member of staff.",
            )
        })?
        .map_err(|e| e.to_command_error())
}

/// Seals a concern for the admins. Write-only: nothing comes back but the receipt number.
#[tauri::command]
pub async fn kiosk_report_concern(state: State<'_, AppState>, concern: KioskConcern) -> Result<Receipt, CommandError> {
    let paths = state.lock_inner().paths.clone();
    tauri::async_runtime::spawn_blocking(move || station::report_concern(&paths, concern))
        .await
        .map_err(|_| {
            CommandError::new(
                "outbox.write",
                "Your concern could not be saved. Nothing was kept. Tell the safeguarding lead in person, and if a child is in immediate danger call 999.",
            )
        })?
        .map_err(|e| e.to_command_error())
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
                "outbox.write",
                "Your answers could not be saved. Nothing was kept. Please try again, or tell a member of staff.",
            )
        })?
        .map_err(|e| e.to_command_error())
}
