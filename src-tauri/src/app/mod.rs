//! The Tauri shell: windows, app state, commands and the auto-lock timer. The only module that
//! imports tauri. Commands are thin: validate, call one domain function, map the error.
//!
//! Two windows keep the two audiences apart. `kiosk` is the locked home (signing station, setup,
//! unlock); its capability grants only the kiosk commands. `admin` exists only while an admin is
//! unlocked and is destroyed on lock, which drops every record the webview held.

mod admin_commands;
mod audit_commands;
mod aup_commands;
mod aup_print_commands;
mod autolock;
mod backup_commands;
mod consent_commands;
mod consent_print_commands;
mod first_run_restore_commands;
mod handover_commands;
mod incident_commands;
mod incident_print_commands;
mod kiosk_commands;
mod notify;
mod people_commands;
mod policy_commands;
mod register_print_commands;
mod report_commands;
mod restore_commands;
mod retention_commands;
mod save;
mod session_lock;
mod signature_commands;
mod state;
mod subject_access_commands;
mod training_commands;
mod windows;

use tauri::Manager;

pub use state::AppState;

pub fn run() {
    let demo_flag = std::env::args().any(|a| a == "--demo");
    tauri::Builder::default()
        // Must be first: a second launch hands over to the running app instead of opening the
        // same vault twice.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| windows::focus_current(app)))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .setup(move |app| {
            let platform_dir = app.path().app_data_dir().expect("the platform has an app-data folder");
            let state = AppState::start(crate::vault::data_dir_from_env(platform_dir), demo_flag)
                .map_err(|e| Box::new(e) as Box<dyn std::error::Error>)?;
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
        .invoke_handler(tauri::generate_handler![
            kiosk_commands::app_status,
            kiosk_commands::passphrase_strength,
            kiosk_commands::setup_begin,
            kiosk_commands::setup_save_kit,
            kiosk_commands::setup_finish,
            first_run_restore_commands::setup_restore_read,
            first_run_restore_commands::setup_restore_finish,
            kiosk_commands::start_demo,
            kiosk_commands::unlock,
            kiosk_commands::recovery_unlock,
            kiosk_commands::kiosk_signing_options,
            kiosk_commands::kiosk_sign_aup,
            kiosk_commands::kiosk_report_concern,
            kiosk_commands::kiosk_consent_form,
            kiosk_commands::kiosk_give_consent,
            incident_print_commands::kiosk_print_blank_form,
            admin_commands::session_info,
            admin_commands::lock,
            admin_commands::touch,
            admin_commands::settings_get,
            admin_commands::settings_update,
            admin_commands::admin_add,
            admin_commands::admin_remove,
            admin_commands::audit_verify,
            audit_commands::audit_page,
            audit_commands::audit_actors,
            audit_commands::audit_print,
            admin_commands::recovery_set_passphrase,
            people_commands::people_search,
            people_commands::person_get,
            people_commands::person_add,
            people_commands::person_update,
            people_commands::person_archive,
            people_commands::person_unarchive,
            people_commands::person_link_parent,
            people_commands::person_unlink_parent,
            people_commands::people_import_preview,
            people_commands::people_import_commit,
            people_commands::person_set_kiosk_listed,
            aup_commands::aup_list,
            aup_commands::aup_get,
            aup_commands::aup_save_draft,
            aup_commands::aup_publish,
            aup_commands::aup_set_kiosk,
            aup_commands::aup_coverage,
            aup_commands::aup_list_signers_on_kiosk,
            aup_commands::signatures_unconfirmed,
            aup_commands::signature_confirm,
            aup_commands::signature_discard,
            aup_commands::outbox_report,
            aup_commands::outbox_kept,
            aup_commands::outbox_kept_retry,
            aup_commands::outbox_kept_set_aside,
            incident_commands::incidents_list,
            incident_commands::incident_get,
            incident_commands::incident_create,
            incident_commands::incident_add_entry,
            incident_commands::incident_amend,
            incident_commands::incident_change_status,
            incident_commands::incident_trends,
            incident_commands::incident_set_access,
            incident_print_commands::incident_print_report,
            incident_print_commands::incident_print_blank,
            incident_print_commands::person_print_incident_chronology,
            training_commands::training_courses,
            training_commands::training_course_save,
            training_commands::training_course_retire,
            training_commands::training_record,
            training_commands::training_record_remove,
            training_commands::person_training,
            training_commands::person_set_roles,
            training_commands::training_matrix,
            training_commands::training_due,
            backup_commands::backup_now,
            backup_commands::backup_status,
            backup_commands::backup_set_reminder_days,
            restore_commands::restore_choose,
            restore_commands::restore_commit,
            restore_commands::restore_cancel,
            restore_commands::restore_status,
            restore_commands::restore_keep,
            restore_commands::restore_undo,
            handover_commands::handover_export,
            subject_access_commands::subject_access_export,
            consent_commands::consent_setup,
            consent_commands::consent_settings_save,
            consent_commands::consent_account_add,
            consent_commands::consent_account_retire,
            consent_commands::consent_person,
            consent_commands::consent_record,
            consent_commands::consent_withdraw,
            consent_commands::consent_unconfirmed,
            consent_commands::consent_confirm,
            consent_commands::consent_check,
            consent_commands::consent_publish_checked,
            consent_commands::publications_list,
            consent_commands::publication_add,
            consent_commands::takedowns_list,
            consent_commands::takedown_record,
            consent_commands::groups_list,
            consent_commands::group_save,
            consent_commands::group_members,
            consent_commands::group_member_set,
            consent_print_commands::consent_print_blank_form,
            consent_print_commands::consent_print_register,
            consent_print_commands::consent_print_history,
            retention_commands::retention_rules,
            retention_commands::retention_rules_save,
            retention_commands::retention_due,
            retention_commands::retention_decide,
            policy_commands::policies_list,
            policy_commands::policy_get,
            policy_commands::policy_save,
            policy_commands::policy_retire,
            policy_commands::policy_record_review,
            policy_commands::filtering_log,
            policy_commands::filtering_log_add,
            policy_commands::policies_due,
            policy_commands::policy_document_attach,
            policy_commands::policy_document_save,
            register_print_commands::training_matrix_print,
            register_print_commands::policy_print_history,
            register_print_commands::review_checklist_print,
            register_print_commands::due_dates_export,
            report_commands::trustee_report_print,
            aup_commands::aups_due,
            training_commands::training_certificate_attach,
            training_commands::training_certificate_save,
            training_commands::training_import_preview,
            training_commands::training_import_commit,
            aup_print_commands::aup_print_blank,
            aup_print_commands::signature_print,
            aup_print_commands::aup_coverage_print,
            signature_commands::signature_record_paper,
            signature_commands::signature_save_scan,
        ])
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

/// Commands the locked home may call. Nothing here reads a record.
pub const KIOSK_COMMANDS: &[&str] = &[
    "app_status",
    "passphrase_strength",
    "setup_begin",
    "setup_save_kit",
    "setup_finish",
    "setup_restore_read",
    "setup_restore_finish",
    "start_demo",
    "unlock",
    "recovery_unlock",
    "kiosk_signing_options",
    "kiosk_sign_aup",
    "kiosk_report_concern",
    "kiosk_consent_form",
    "kiosk_give_consent",
    "kiosk_print_blank_form",
];

#[cfg(test)]
mod tests {
    use super::KIOSK_COMMANDS;

    fn granted(file: &str) -> Vec<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities").join(file);
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

    #[test]
    fn kiosk_window_is_granted_only_kiosk_commands() {
        let granted = granted("kiosk.json");
        assert!(!granted.is_empty());
        for command in &granted {
            assert!(KIOSK_COMMANDS.contains(&command.as_str()), "the kiosk window may call {command}");
        }
    }

    #[test]
    fn no_capability_grants_remote_access_or_plugins_that_touch_files() {
        for file in ["kiosk.json", "admin.json"] {
            let text = std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities").join(file),
            )
            .expect("capability file");
            for forbidden in ["\"remote\"", "fs:", "shell:", "http:", "sql:", "dialog:"] {
                assert!(!text.contains(forbidden), "{file} mentions {forbidden}");
            }
        }
    }
}
