//! Commands the locked home may call: status, setup, demo, the ways in, and handing in a signature
//! (write-only). None of them reads a record; the kiosk capability grants these and nothing else.

use age::secrecy::SecretString;
use tauri::{AppHandle, Manager, State, WebviewWindow};

use super::backup_commands::off_thread;
use super::{windows, AppState};
use crate::bindings::{AppStatus, KitSaved, RecoveryKeyShown};
use crate::error::{CommandError, ErrorCode};
use crate::forms::emergency_kit::{self, EmergencyKit};
use crate::kiosk::manifest::{KioskAup, KioskConsentForm};
use crate::kiosk::outbox::{KioskConcern, KioskImageConsent, Receipt};
use crate::kiosk::station::{self, KioskSignInput};
use crate::vault::keyfile;
use crate::vault::passphrase::{self, PassphraseStrength};
use crate::vault::setup::{self, SetupError};
use crate::vault::UnlockedVault;

#[tauri::command]
pub async fn app_status(app: AppHandle) -> Result<AppStatus, CommandError> {
    super::worker::run(app, move |state| Ok(state.status())).await
}

#[tauri::command]
pub async fn passphrase_strength(
    app: AppHandle,
    passphrase: String,
    user_inputs: Vec<String>,
) -> Result<PassphraseStrength, CommandError> {
    super::worker::run(app, move |_| {
        Ok({
            let inputs: Vec<&str> = user_inputs.iter().map(String::as_str).collect();
            passphrase::strength(&passphrase, &inputs)
        })
    })
    .await
}

/// Checks the wizard's answers and makes the recovery key. Nothing is written until
/// `setup_finish`; going back and changing an answer keeps the same recovery key, so an
/// Emergency Kit already saved stays valid.
#[tauri::command]
pub async fn setup_begin(
    app: AppHandle,
    org_name: String,
    admin_name: String,
    passphrase: String,
) -> Result<RecoveryKeyShown, CommandError> {
    super::worker::run(app, move |state| {
        let mut guard = state.lock_inner();
        let inner = &mut *guard;
        let key =
            setup::begin(&mut inner.pending_setup, &inner.paths, &org_name, &admin_name, passphrase)?.recovery_key();
        Ok(RecoveryKeyShown { groups: keyfile::recovery_key_groups(&key), recovery_key: key })
    })
    .await
}

/// The Emergency Kit for the setup under way, and the file name to offer.
fn kit_pdf(state: &AppState) -> Result<(Vec<u8>, String), CommandError> {
    let kit = setup::kit(state.lock_inner().pending_setup.as_ref())?;
    let sheet =
        EmergencyKit { org_name: kit.org_name, created: kit.created, recovery_key: kit.recovery_key, demo: false };
    Ok((emergency_kit::emergency_kit_pdf(&sheet)?, kit.file_name))
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

/// Writes the kit to `target` (never into the data folder) and has the setup remember exactly
/// what was written.
pub(crate) fn save_kit_to(
    state: &AppState,
    target: &std::path::Path,
    pdf: &[u8],
    home: Option<&std::path::Path>,
) -> Result<KitSaved, CommandError> {
    let mut inner = state.lock_inner();
    super::save::refuse_data_folder(inner.paths.data_dir(), target)?;
    let pending = inner.pending_setup.as_mut().ok_or(SetupError::NotStarted)?;
    let saved = super::save::write(target, pdf)?;
    pending.kit_saved(target, pdf);
    let cloud_sync = emergency_kit::cloud_synced_folder(target.parent().unwrap_or(target), home);
    Ok(KitSaved { path: saved.path, cloud_sync: cloud_sync.map(str::to_owned) })
}

/// Deletes the Emergency Kit copies this setup saved, once the admin says the kit is printed.
/// Only those exact files: a file at one of those paths that no longer holds what was saved there
/// is left alone. Returns how many were deleted.
#[tauri::command]
pub async fn setup_delete_kit(app: AppHandle) -> Result<u32, CommandError> {
    super::worker::run(app, move |state| Ok(setup::delete_saved_kits(state.lock_inner().pending_setup.as_mut())?)).await
}

/// Checks the typed confirmation, then writes the vault and opens the admin window.
#[tauri::command]
pub async fn setup_finish(
    app: AppHandle,
    state: State<'_, AppState>,
    confirmation: String,
) -> Result<(), CommandError> {
    let (paths, confirmed) = {
        let mut inner = state.lock_inner();
        (inner.paths.clone(), setup::confirm(&mut inner.pending_setup, &confirmation)?)
    };
    let vault = off_thread(move || setup::finish(&paths, confirmed), SetupError::Stopped.into()).await?;
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
    let vault = off_thread(move || UnlockedVault::unlock(&paths, &passphrase), unlock_stopped()).await?;
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
        off_thread(move || UnlockedVault::unlock_with_recovery(&paths, &recovery_key), unlock_stopped()).await?;
    enter(&app, &state, vault)
}

fn unlock_stopped() -> CommandError {
    CommandError::new(ErrorCode::VaultCannotUnlock, "Unlocking stopped unexpectedly. Please try again.")
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
pub async fn kiosk_signing_options(app: AppHandle) -> Result<Vec<KioskAup>, CommandError> {
    super::worker::run(app, move |state| {
        Ok({
            let paths = state.lock_inner().paths.clone();
            station::signing_options(&paths)
        })
    })
    .await
}

/// Seals one signature into the outbox. Write-only: nothing comes back but the receipt number.
#[tauri::command]
pub async fn kiosk_sign_aup(state: State<'_, AppState>, signature: KioskSignInput) -> Result<Receipt, CommandError> {
    let paths = state.lock_inner().paths.clone();
    let stopped = outbox_stopped(
        "Your signature could not be saved. Nothing was kept. Please try again, or tell a member of staff.",
    );
    off_thread(move || station::sign_aup(&paths, signature), stopped).await
}

/// Seals a concern for the admins. Write-only: nothing comes back but the receipt number.
#[tauri::command]
pub async fn kiosk_report_concern(state: State<'_, AppState>, concern: KioskConcern) -> Result<Receipt, CommandError> {
    let paths = state.lock_inner().paths.clone();
    let stopped = outbox_stopped(
        "Your concern could not be saved. Nothing was kept. Tell the safeguarding lead in person, and if a child is in immediate danger call 999.",
    );
    off_thread(move || station::report_concern(&paths, concern), stopped).await
}

/// What the signing station says when sealing a submission ended before it could say how.
fn outbox_stopped(message: &str) -> CommandError {
    CommandError::new(ErrorCode::OutboxWrite, message)
}

/// The image consent form the signing station offers, from the manifest; `None` until an admin
/// has unlocked once since consent arrived.
#[tauri::command]
pub async fn kiosk_consent_form(app: AppHandle) -> Result<Option<KioskConsentForm>, CommandError> {
    super::worker::run(app, move |state| {
        Ok({
            let paths = state.lock_inner().paths.clone();
            station::consent_form(&paths)
        })
    })
    .await
}

/// Seals an image consent or withdrawal for the admins. Write-only: only the receipt comes back.
#[tauri::command]
pub async fn kiosk_give_consent(
    state: State<'_, AppState>,
    consent: KioskImageConsent,
) -> Result<Receipt, CommandError> {
    let paths = state.lock_inner().paths.clone();
    let stopped = outbox_stopped(
        "Your answers could not be saved. Nothing was kept. Please try again, or tell a member of staff.",
    );
    off_thread(move || station::give_consent(&paths, consent), stopped).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending_setup(dir: &std::path::Path) -> AppState {
        let state = AppState::start(dir.join("data"), false).expect("start");
        let mut guard = state.lock_inner();
        let inner = &mut *guard;
        setup::begin(
            &mut inner.pending_setup,
            &inner.paths,
            "Northfield Youth Trust",
            "Morgan Ellis",
            "marble otter lantern harvest".to_owned(),
        )
        .expect("begin");
        drop(guard);
        state
    }

    #[test]
    fn the_kit_is_saved_where_chosen_says_where_cloud_sync_copies_it_and_can_be_deleted() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = pending_setup(dir.path());
        let (pdf, name) = kit_pdf(&state).expect("kit");
        assert!(name.starts_with("Safekeeper Emergency Kit "), "{name}");
        let home = dir.path().join("home");
        let documents = home.join("Documents");
        let usb = dir.path().join("usb");
        std::fs::create_dir_all(&documents).expect("documents");
        std::fs::create_dir_all(&usb).expect("usb");

        let first = save_kit_to(&state, &documents.join(&name), &pdf, Some(&home)).expect("saved");
        assert_eq!(first.cloud_sync.as_deref(), Some("Documents"), "Documents is usually synced");
        assert_eq!(std::fs::read(documents.join(&name)).expect("written"), pdf);
        let second = save_kit_to(&state, &usb.join(&name), &pdf, Some(&home)).expect("saved again");
        assert_eq!(second.cloud_sync, None, "a USB stick is not");

        // What the setup remembered is what `setup_delete_kit` deletes (the rules: `vault::setup`).
        assert_eq!(setup::delete_saved_kits(state.lock_inner().pending_setup.as_mut()).expect("deleted"), 2);
        assert!(!documents.join(&name).exists() && !usb.join(&name).exists(), "both saved copies are gone");
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

    #[test]
    fn no_kit_is_made_or_saved_before_setup_begins() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::start(dir.path().join("data"), false).expect("start");
        assert_eq!(kit_pdf(&state).map(|_| ()).expect_err("not started").code, "setup.notStarted");
        let target = dir.path().join("kit.pdf");
        assert_eq!(save_kit_to(&state, &target, b"%PDF", None).expect_err("not started").code, "setup.notStarted");
        assert!(!target.exists());
    }
}
