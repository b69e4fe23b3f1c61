// Every command (from src/app/command_list.rs) is handed to tauri-build, which generates an
// `allow-<command>` permission for each: the capabilities then grant them per window, and
// anything unlisted is refused.

// The same list the app's handler is built from.
include!("src/app/command_list.rs");

#[allow(unused_macros)]
macro_rules! all_names {
    (kiosk: [$($km:ident::$kc:ident),* $(,)?], admin: [$($am:ident::$ac:ident),* $(,)?]) => {
        &[$(stringify!($kc),)* $(stringify!($ac),)*]
    };
}

fn main() {
    #[cfg(feature = "desktop")]
    {
        const COMMANDS: &[&str] = command_list!(all_names);
        println!("cargo:rerun-if-changed=src/app/command_list.rs");
        tauri_build::try_build(
            tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
        )
        .expect("tauri-build reads tauri.conf.json and the capabilities");
    }
}
