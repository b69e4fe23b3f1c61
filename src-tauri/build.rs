// Commands are listed here so tauri-build generates an `allow-<command>` permission for each:
// the capabilities then grant them per window, and anything unlisted is refused.
fn main() {
    #[cfg(feature = "desktop")]
    {
        const COMMANDS: &[&str] = &[
            "app_status",
            "passphrase_strength",
            "setup_begin",
            "setup_save_kit",
            "setup_finish",
            "start_demo",
            "unlock",
            "recovery_unlock",
            "kiosk_signing_options",
            "kiosk_sign_aup",
            "kiosk_report_concern",
            "session_info",
            "lock",
            "touch",
            "settings_get",
            "settings_update",
            "admin_add",
            "admin_remove",
            "audit_verify",
            "recovery_set_passphrase",
            "people_search",
            "person_get",
            "person_add",
            "person_update",
            "person_archive",
            "person_unarchive",
            "person_link_parent",
            "person_unlink_parent",
            "person_set_kiosk_listed",
            "people_import_preview",
            "people_import_commit",
            "aup_list",
            "aup_get",
            "aup_save_draft",
            "aup_publish",
            "aup_set_kiosk",
            "aup_coverage",
            "aup_list_signers_on_kiosk",
            "signatures_unconfirmed",
            "signature_confirm",
            "signature_discard",
            "outbox_report",
            "incidents_list",
            "incident_get",
            "incident_create",
            "incident_add_entry",
            "incident_amend",
            "incident_change_status",
            "aup_print_blank",
            "signature_print",
            "aup_coverage_print",
        ];
        tauri_build::try_build(
            tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
        )
        .expect("tauri-build reads tauri.conf.json and the capabilities");
    }
}
