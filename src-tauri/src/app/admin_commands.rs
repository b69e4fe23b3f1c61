//! Commands for the unlocked admin window. Each one goes through `AppState::with_vault`, so while
//! locked every one of them returns `vault.locked`.

use age::secrecy::SecretString;
use tauri::{AppHandle, Manager, State};

use super::{windows, AppState};
use crate::bindings::{AboutSafekeeper, SessionInfo, Settings};
use crate::error::{CommandError, ErrorCode};
use crate::records::organisation::{self, OrgSettings};
use crate::store::audit::{self, AuditStatus};
use crate::vault::UnlockedVault;

fn settings_of(v: &UnlockedVault) -> Result<Settings, CommandError> {
    let org = organisation::get(v.db().conn())?;
    Ok(Settings {
        org_name: org.org_name,
        auto_lock_minutes: org.auto_lock_minutes,
        admins: v.admins()?,
        audit: audit::verify(v.db().conn())?,
        about: AboutSafekeeper::of_this_build(v.paths().data_dir()),
    })
}

fn session_of(v: &UnlockedVault, demo: bool) -> Result<SessionInfo, CommandError> {
    let org = organisation::get(v.db().conn())?;
    let me = v.admins()?.into_iter().find(|a| a.is_current);
    Ok(SessionInfo {
        org_name: org.org_name,
        admin_id: me.as_ref().map(|a| a.id.clone()),
        admin_name: me.map(|a| a.name),
        demo,
        recovery_mode: v.is_recovery(),
        auto_lock_minutes: org.auto_lock_minutes,
    })
}

#[tauri::command]
pub async fn session_info(app: AppHandle) -> Result<SessionInfo, CommandError> {
    super::worker::run(app, move |state| {
        let demo = state.is_demo();
        state.with_vault(|v| session_of(v, demo))
    })
    .await
}

#[tauri::command]
pub async fn lock(app: AppHandle, state: State<'_, AppState>) -> Result<(), CommandError> {
    state.lock("manual");
    windows::show_locked_home(&app);
    Ok(())
}

#[tauri::command]
pub async fn touch(app: AppHandle) -> Result<(), CommandError> {
    super::worker::run(app, move |state| state.touch()).await
}

#[tauri::command]
pub async fn settings_get(app: AppHandle) -> Result<Settings, CommandError> {
    super::worker::run(app, move |state| state.with_vault(|v| settings_of(v))).await
}

#[tauri::command]
pub async fn settings_update(
    app: AppHandle,
    org_name: String,
    auto_lock_minutes: u32,
) -> Result<Settings, CommandError> {
    super::worker::run(app, move |state| {
        let settings = state.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            organisation::update(conn, actor, &OrgSettings { org_name, auto_lock_minutes })?;
            v.note_station_changed();
            settings_of(v)
        })?;
        state.set_idle_limit(settings.auto_lock_minutes);
        Ok(settings)
    })
    .await
}

/// Runs slow vault work (scrypt) off the async runtime's threads.
async fn blocking<T: Send + 'static>(
    app: &AppHandle,
    f: impl FnOnce(&mut UnlockedVault) -> Result<T, CommandError> + Send + 'static,
) -> Result<T, CommandError> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || app.state::<AppState>().with_vault(f)).await.map_err(|_| {
        CommandError::new(ErrorCode::AppFailed, "That stopped unexpectedly. Nothing was changed; please try again.")
    })?
}

#[tauri::command]
pub async fn admin_add(app: AppHandle, name: String, passphrase: String) -> Result<Settings, CommandError> {
    blocking(&app, move |v| {
        v.add_admin(&name, &SecretString::from(passphrase))?;
        settings_of(v)
    })
    .await
}

#[tauri::command]
pub async fn admin_remove(app: AppHandle, admin_id: String) -> Result<Settings, CommandError> {
    // Removing an admin re-keys the database, which must not meet a backup reading it.
    let running = super::backup_commands::Running::start()?;
    blocking(&app, move |v| {
        let _running = running;
        v.remove_admin(&admin_id)?;
        settings_of(v)
    })
    .await
}

#[tauri::command]
pub async fn audit_verify(app: AppHandle) -> Result<AuditStatus, CommandError> {
    super::worker::run(app, move |state| state.with_vault(|v| audit::verify(v.db().conn()).map_err(CommandError::from)))
        .await
}

#[tauri::command]
pub async fn recovery_set_passphrase(
    app: AppHandle,
    admin_id: String,
    passphrase: String,
) -> Result<SessionInfo, CommandError> {
    let demo = app.state::<AppState>().is_demo();
    blocking(&app, move |v| {
        v.set_passphrase(&admin_id, &SecretString::from(passphrase))?;
        session_of(v, demo)
    })
    .await
}
