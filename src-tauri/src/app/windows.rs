//! The two windows and the moves between them: unlock opens `admin` and hides `kiosk`; lock
//! destroys `admin` (and every record its webview held) and brings the locked home back.

use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindowBuilder, WindowEvent};

use super::AppState;

pub const KIOSK: &str = "kiosk";
pub const ADMIN: &str = "admin";
/// Tells the locked home to fetch `app_status` again.
pub const STATUS_EVENT: &str = "safekeeper://status";

pub fn open_kiosk(app: &AppHandle) -> tauri::Result<()> {
    let _window = WebviewWindowBuilder::new(app, KIOSK, WebviewUrl::App("kiosk.html".into()))
        .title("Safekeeper")
        .inner_size(1200.0, 800.0)
        .min_inner_size(760.0, 560.0)
        .center()
        // Names typed at the signing station are never offered back to the next person.
        .general_autofill_enabled(false)
        .build()?;
    #[cfg(windows)]
    super::webview2::remember_nothing(&_window);
    Ok(())
}

pub fn open_admin(app: &AppHandle) -> tauri::Result<()> {
    let window = match app.get_webview_window(ADMIN) {
        Some(w) => w,
        None => {
            let w = WebviewWindowBuilder::new(app, ADMIN, WebviewUrl::App("admin.html".into()))
                .title("Safekeeper: admin")
                .inner_size(1200.0, 800.0)
                .min_inner_size(760.0, 560.0)
                .center()
                .general_autofill_enabled(false)
                .build()?;
            #[cfg(windows)]
            super::webview2::remember_nothing(&w);
            let handle = app.clone();
            w.on_window_event(move |event| {
                // Closing the admin window is a lock, never a way to leave the vault open.
                if let WindowEvent::CloseRequested { .. } = event {
                    handle.state::<AppState>().lock("window closed");
                    reveal_kiosk(&handle);
                }
            });
            w
        }
    };
    window.show()?;
    window.set_focus()?;
    if let Some(kiosk) = app.get_webview_window(KIOSK) {
        kiosk.hide()?;
    }
    // The hidden locked home resets itself, so no passphrase or key lingers in its page.
    let _ = app.emit_to(KIOSK, STATUS_EVENT, ());
    Ok(())
}

/// After a lock: the admin window goes, the locked home comes back and refreshes.
pub fn show_locked_home(app: &AppHandle) {
    if let Some(admin) = app.get_webview_window(ADMIN) {
        let _ = admin.destroy();
    }
    reveal_kiosk(app);
}

fn reveal_kiosk(app: &AppHandle) {
    if let Some(kiosk) = app.get_webview_window(KIOSK) {
        let _ = kiosk.show();
        let _ = kiosk.set_focus();
    }
    let _ = app.emit_to(KIOSK, STATUS_EVENT, ());
}

/// A second launch focuses whichever window is in use.
pub fn focus_current(app: &AppHandle) {
    let label = if app.get_webview_window(ADMIN).is_some() { ADMIN } else { KIOSK };
    if let Some(w) = app.get_webview_window(label) {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}
