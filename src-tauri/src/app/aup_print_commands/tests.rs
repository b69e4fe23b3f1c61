//! The AUP print commands are for the admin window only. What each PDF holds is tested with the
//! forms that make it (see `demo::print_tests`).

#[test]
fn print_commands_are_granted_to_the_admin_window_only() {
    let read = |file: &str| {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities").join(file))
            .expect("capability file")
    };
    for permission in ["allow-aup-print-blank", "allow-signature-print", "allow-aup-coverage-print"] {
        assert!(read("admin.json").contains(&format!("\"{permission}\"")), "admin lacks {permission}");
        assert!(!read("kiosk.json").contains(permission), "the kiosk must not print records");
    }
}
