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
            "people_import_preview",
            "people_import_commit",
            "aup_list",
            "aup_get",
            "aup_save_draft",
            "aup_publish",
            "aup_set_kiosk",
            "aup_coverage",
            "signatures_unconfirmed",
            "signature_confirm",
            "outbox_report",
            "signature_record_paper",
            "signature_save_scan",
        ];
        tauri_build::try_build(
            tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
        )
        .expect("tauri-build reads tauri.conf.json and the capabilities");
    }
}
