//! The Tauri shell: windows, app state, commands and the auto-lock timer. The only module that
//! imports tauri. Commands are thin: validate, call one domain function, map the error.
//!
//! Two windows keep the two audiences apart. `kiosk` is the locked home (signing station, setup,
//! unlock); its capability grants only the kiosk commands. `admin` exists only while an admin is
//! unlocked and is destroyed on lock, which drops every record the webview held.

mod admin_commands;
mod attachments;
mod audit_commands;
mod aup_commands;
mod aup_print_commands;
mod autolock;
mod backup_commands;
mod blank_forms;
mod consent_commands;
mod consent_print_commands;
mod due_commands;
mod first_run_restore_commands;
mod getting_started_commands;
mod handover_commands;
mod incident_commands;
mod incident_print_commands;
mod kiosk_commands;
mod notify;
mod people_commands;
mod policy_commands;
mod progress_events;
mod register_print_commands;
mod report_commands;
mod restore_commands;
mod retention_commands;
mod save;
mod session_lock;
mod signature_commands;
mod state;
mod subject_access_commands;
mod test_switches;
mod training_commands;
#[cfg(windows)]
mod webview2;
mod windows;
mod worker;

use tauri::Manager;

use crate::error;

pub use state::AppState;

#[macro_use]
mod command_list {
    include!("command_list.rs");
}

macro_rules! handler {
    (kiosk: [$($km:ident::$kc:ident),* $(,)?], admin: [$($am:ident::$ac:ident),* $(,)?]) => {
        tauri::generate_handler![$($km::$kc,)* $($am::$ac,)*]
    };
}

macro_rules! kiosk_names {
    (kiosk: [$($km:ident::$kc:ident),* $(,)?], admin: [$($am:ident::$ac:ident),* $(,)?]) => {
        &[$(stringify!($kc),)*]
    };
}

macro_rules! admin_names {
    (kiosk: [$($km:ident::$kc:ident),* $(,)?], admin: [$($am:ident::$ac:ident),* $(,)?]) => {
        &[$(stringify!($ac),)*]
    };
}

/// Commands the locked home may call. Nothing here reads a record.
pub const KIOSK_COMMANDS: &[&str] = command_list!(kiosk_names);

/// Commands for an unlocked admin; every one is refused with `vault.locked` while locked.
pub const ADMIN_COMMANDS: &[&str] = command_list!(admin_names);

/// Kiosk commands the admin window may call too (its capability grants them).
pub const ADMIN_ALSO_CALLS: &[&str] = &["passphrase_strength"];

/// Why `command` may not run now, checked before its arguments are even read: while locked, every
/// admin command is refused with `vault.locked`, and in a recovery-key session everything but
/// setting a new passphrase with `vault.mustSetPassphrase`. Each command checks the lock again
/// through `AppState::with_vault`; this gate makes both rules hold for every command in one place.
pub(crate) fn refusal(state: &AppState, command: &str) -> Option<error::CommandError> {
    if !ADMIN_COMMANDS.contains(&command) {
        return None;
    }
    state.admin_refusal(command)
}

/// Wraps the command handler with `refusal`.
fn gated<R: tauri::Runtime>(
    handler: impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    move |invoke| {
        let refused = invoke
            .message
            .webview_ref()
            .try_state::<AppState>()
            .and_then(|state| refusal(&state, invoke.message.command()));
        match refused {
            Some(error) => {
                invoke.resolver.reject(error);
                true
            }
            None => handler(invoke),
        }
    }
}

/// Starts the desktop app: the single-instance guard, the locked home, the auto-lock and the
/// operating system's lock hook, then runs until the last window closes.
pub fn run() {
    let demo_flag = std::env::args().any(|a| a == "--demo");
    tauri::Builder::default()
        // Must be first: a second launch hands over to the running app instead of opening the
        // same vault twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| windows::focus_current(app)))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .setup(move |app| {
            // The local (never roaming) app-data folder: on Windows a domain profile copies the
            // roaming one to a server at sign-out, vault included. Elsewhere the two are the same
            // folder. Only a test build can point it elsewhere.
            let platform_dir = app.path().app_local_data_dir().expect("the platform has an app-data folder");
            let data_dir = test_switches::data_dir().unwrap_or(platform_dir);
            // Before the first look at the signing station's manifest, which asks the key store.
            crate::kiosk::manifest::key_store::use_os_key_store();
            let state = AppState::start(data_dir, demo_flag).map_err(|e| Box::new(e) as Box<dyn std::error::Error>)?;
            app.manage(state);
            windows::open_kiosk(app.handle())?;
            autolock::start(app.handle().clone());
            let handle = app.handle().clone();
            session_lock::watch(move || {
                if handle.state::<AppState>().lock("session locked") {
                    windows::show_locked_home(&handle);
                }
            });
            Ok(())
        })
        .invoke_handler(gated(command_list!(handler)))
        .build(tauri::generate_context!())
        .expect("the Tauri app builds from its configuration")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // Leave nothing in a -wal file and no print files behind.
                app.state::<AppState>().lock("exit");
                app.state::<AppState>().clear_print_files();
            }
        });
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::{ADMIN_ALSO_CALLS, ADMIN_COMMANDS, KIOSK_COMMANDS};

    fn manifest_dir() -> &'static std::path::Path {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    fn granted(file: &str) -> Vec<String> {
        let path = manifest_dir().join("capabilities").join(file);
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(path).expect("capability file")).expect("json");
        json["permissions"]
            .as_array()
            .expect("permissions")
            .iter()
            .filter_map(|p| p.as_str())
            .filter_map(|p| p.strip_prefix("allow-"))
            .map(|c| c.replace('-', "_"))
            .collect()
    }

    fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
        items.into_iter().map(str::to_owned).collect()
    }

    /// Commands that may stay synchronous (Tauri runs those on the window's thread) because they
    /// touch neither the disk nor the database. None today: keep it that way unless a command is
    /// pure arithmetic on its arguments.
    const SYNCHRONOUS_ALLOWED: &[&str] = &[];

    /// Every `#[tauri::command]` in the app's sources, with whether it is `async`.
    fn declared_commands() -> Vec<(String, bool)> {
        let dir = manifest_dir().join("src").join("app");
        let mut found = Vec::new();
        let mut files: Vec<_> =
            std::fs::read_dir(&dir).expect("app folder").map(|e| e.expect("entry").path()).collect();
        files.sort();
        for path in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "rs")) {
            let source = std::fs::read_to_string(&path).expect("source");
            let lines: Vec<&str> = source.lines().collect();
            for (at, _) in lines.iter().enumerate().filter(|(_, l)| l.trim() == "#[tauri::command]") {
                let signature = lines[at + 1..].iter().find(|l| l.contains("fn ")).expect("a fn follows");
                let words: Vec<&str> = signature.split_whitespace().collect();
                let at = words.iter().position(|w| *w == "fn").expect("fn");
                let name = words[at + 1].split(['(', '<']).next().expect("name").to_owned();
                found.push((name, words[..at].contains(&"async")));
            }
        }
        found
    }

    /// A synchronous command runs on the window's thread: one that waits for the session or the
    /// disk freezes the window, and the auto-lock's screen with it.
    #[test]
    fn no_command_runs_on_the_window_thread() {
        let declared = declared_commands();
        for command in KIOSK_COMMANDS.iter().chain(ADMIN_COMMANDS) {
            let (_, is_async) = declared
                .iter()
                .find(|(name, _)| name == command)
                .unwrap_or_else(|| panic!("{command} is not declared with #[tauri::command] in src/app"));
            assert!(
                *is_async || SYNCHRONOUS_ALLOWED.contains(command),
                "{command} is synchronous: make it an async fn whose body runs in worker::run"
            );
        }
        let synchronous: Vec<_> = declared.iter().filter(|(_, a)| !a).map(|(n, _)| n.as_str()).collect();
        assert_eq!(synchronous, SYNCHRONOUS_ALLOWED, "only the allowed commands are synchronous");
    }

    #[test]
    fn kiosk_window_is_granted_only_kiosk_commands() {
        let granted = granted("kiosk.json");
        assert!(!granted.is_empty());
        for command in &granted {
            assert!(KIOSK_COMMANDS.contains(&command.as_str()), "the kiosk window may call {command}");
        }
    }

    /// `command_list.rs` feeds `generate_handler!` and these lists by construction, and `build.rs`
    /// includes the same file; what it makes (one permission file per command) and both capability
    /// files must name exactly the same commands.
    #[test]
    fn handler_build_script_and_capabilities_name_the_same_commands() {
        let kiosk = set(KIOSK_COMMANDS.iter().copied());
        let admin = set(ADMIN_COMMANDS.iter().copied());
        assert_eq!(kiosk.len(), KIOSK_COMMANDS.len(), "a kiosk command is listed twice");
        assert_eq!(admin.len(), ADMIN_COMMANDS.len(), "an admin command is listed twice");
        assert!(kiosk.is_disjoint(&admin), "a command is both kiosk and admin");
        assert!(admin.len() > 100 && kiosk.len() > 10, "the lists were read");

        assert_eq!(set(granted("kiosk.json").iter().map(String::as_str)), kiosk, "kiosk.json against KIOSK_COMMANDS");
        let mut admin_window = admin.clone();
        admin_window.extend(set(ADMIN_ALSO_CALLS.iter().copied()));
        assert_eq!(
            set(granted("admin.json").iter().map(String::as_str)),
            admin_window,
            "admin.json against ADMIN_COMMANDS"
        );

        let build_script = std::fs::read_to_string(manifest_dir().join("build.rs")).expect("build.rs");
        assert!(build_script.contains("include!(\"src/app/command_list.rs\")"), "build.rs reads command_list.rs");
        let generated: BTreeSet<String> = std::fs::read_dir(manifest_dir().join("permissions/autogenerated"))
            .expect("permissions made by build.rs")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|name| name.strip_suffix(".toml").map(str::to_owned))
            .filter(|name| name != "reference")
            .collect();
        let mut all = kiosk;
        all.extend(admin);
        assert_eq!(generated, all, "build.rs made a permission for exactly the listed commands");
    }

    #[test]
    fn no_capability_grants_remote_access_or_plugins_that_touch_files() {
        for file in ["kiosk.json", "admin.json"] {
            let text =
                std::fs::read_to_string(manifest_dir().join("capabilities").join(file)).expect("capability file");
            for forbidden in ["\"remote\"", "fs:", "shell:", "http:", "sql:", "dialog:", "opener:"] {
                assert!(!text.contains(forbidden), "{file} mentions {forbidden}");
            }
        }
    }

    /// Calls every command through the app's real IPC path (tauri's mock runtime) with the gate in
    /// front of a stand-in for the commands, which answers "ran" if the gate let a call through.
    #[cfg(feature = "test-switches")]
    mod ipc {
        use serde_json::{json, Value};
        use tauri::ipc::{CallbackFn, Invoke, InvokeBody};
        use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
        use tauri::webview::InvokeRequest;
        use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

        use super::super::{gated, AppState, ADMIN_COMMANDS, KIOSK_COMMANDS};

        pub(crate) struct MockApp {
            _app: tauri::App<MockRuntime>,
            window: WebviewWindow<MockRuntime>,
        }

        pub(crate) fn mock_app(state: AppState) -> MockApp {
            let app = mock_builder()
                .invoke_handler(gated(|invoke: Invoke<MockRuntime>| {
                    invoke.resolver.resolve("ran");
                    true
                }))
                .build(mock_context(noop_assets()))
                .expect("mock app");
            app.manage(state);
            let window = WebviewWindowBuilder::new(&app, "admin", Default::default()).build().expect("window");
            MockApp { _app: app, window }
        }

        impl MockApp {
            pub(crate) fn call(&self, command: &str) -> Result<Value, Value> {
                let request = InvokeRequest {
                    cmd: command.into(),
                    callback: CallbackFn(0),
                    error: CallbackFn(1),
                    url: "tauri://localhost".parse().expect("url"),
                    body: InvokeBody::Json(json!({})),
                    headers: Default::default(),
                    invoke_key: INVOKE_KEY.to_string(),
                };
                get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().expect("json"))
            }
        }

        pub(crate) fn state_in(dir: &tempfile::TempDir) -> AppState {
            AppState::start(dir.path().to_path_buf(), false).expect("start")
        }

        #[test]
        fn every_admin_command_is_refused_with_vault_locked_while_locked() {
            let dir = tempfile::tempdir().expect("temp dir");
            let app = mock_app(state_in(&dir));
            for command in ADMIN_COMMANDS {
                let refused = app.call(command).expect_err(command);
                assert_eq!(refused["code"], "vault.locked", "{command} answered {refused}");
                assert!(refused["message"].as_str().is_some_and(|m| m.contains("locked")), "{command}");
            }
            // The gate is what refused: a kiosk command reaches the stand-in.
            for command in KIOSK_COMMANDS {
                assert_eq!(app.call(command), Ok(json!("ran")), "{command}");
            }
        }

        #[test]
        fn a_recovery_key_session_can_only_set_a_new_passphrase_until_it_has() {
            let dir = tempfile::tempdir().expect("temp dir");
            let (state, key) = crate::app::state::tests::real_vault(dir.path());
            let paths = state.lock_inner().paths.clone();
            let vault = crate::vault::UnlockedVault::unlock_with_recovery(&paths, &key).expect("recovery unlock");
            state.begin_session(vault).expect("session");
            let app = mock_app(state);
            let mut allowed = Vec::new();
            for command in ADMIN_COMMANDS {
                match app.call(command) {
                    Ok(ran) => {
                        assert_eq!(ran, json!("ran"));
                        allowed.push(*command);
                    }
                    Err(refused) => {
                        assert_eq!(refused["code"], "vault.mustSetPassphrase", "{command} answered {refused}")
                    }
                }
            }
            allowed.sort_unstable();
            assert_eq!(allowed, ["lock", "recovery_set_passphrase", "session_info", "settings_get", "touch"]);

            // Once a passphrase is set, the session is an admin's like any other.
            let state = app.window.state::<AppState>();
            state
                .with_vault(|v| {
                    let admin = v.admins().expect("admins").remove(0).id;
                    let new = age::secrecy::SecretString::from("velvet canyon ember lighthouse".to_owned());
                    v.set_passphrase(&admin, &new).map_err(crate::error::CommandError::from)
                })
                .expect("set");
            for command in ADMIN_COMMANDS {
                assert_eq!(app.call(command), Ok(json!("ran")), "{command}");
            }
        }
    }
}
