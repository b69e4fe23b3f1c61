//! The two windows and the moves between them. Only one webview lives at a time: unlock opens
//! `admin` and destroys `kiosk`; lock opens a fresh `kiosk` in the same place and destroys `admin`
//! (and every record its webview held). An old laptop then runs one web content process, not two,
//! and nothing typed at the locked home before an unlock (a passphrase, a half-filled form) is
//! kept in a hidden page while the admin works.

use tauri::{
    AppHandle, Emitter, LogicalPosition, LogicalSize, Manager, Runtime, WebviewUrl, WebviewWindow, WindowEvent,
};

use super::AppState;

pub const KIOSK: &str = "kiosk";
pub const ADMIN: &str = "admin";
/// Tells the locked home to fetch `app_status` again.
pub const STATUS_EVENT: &str = "safekeeper://status";

/// Where the window being replaced was, so its successor opens in the same place and size.
struct Place {
    position: LogicalPosition<f64>,
    size: LogicalSize<f64>,
    maximized: bool,
}

fn place_of<R: Runtime>(window: &WebviewWindow<R>) -> Option<Place> {
    let scale = window.scale_factor().ok()?;
    Some(Place {
        position: window.outer_position().ok()?.to_logical(scale),
        size: window.inner_size().ok()?.to_logical(scale),
        maximized: window.is_maximized().unwrap_or(false),
    })
}

fn build<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    page: &str,
    title: &str,
    place: Option<Place>,
) -> tauri::Result<WebviewWindow<R>> {
    let mut builder = tauri::WebviewWindowBuilder::new(app, label, WebviewUrl::App(page.into()))
        .title(title)
        .min_inner_size(760.0, 560.0)
        // Names typed at the signing station are never offered back to the next person, and an
        // admin's entries are not remembered by the webview either.
        .general_autofill_enabled(false);
    builder = match place {
        Some(place) => builder
            .inner_size(place.size.width, place.size.height)
            .position(place.position.x, place.position.y)
            .maximized(place.maximized),
        None => builder.inner_size(1200.0, 800.0).center(),
    };
    let window = builder.build()?;
    #[cfg(windows)]
    super::webview2::remember_nothing(&window);
    Ok(window)
}

/// The locked home at start-up.
pub fn open_kiosk<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    build(app, KIOSK, "kiosk.html", "Safekeeper", None).map(|_| ())
}

/// After an unlock: the admin window opens where the locked home was, and the locked home's
/// webview is destroyed. Called from async commands, never on the main thread (building a window
/// there can deadlock on Windows).
pub fn open_admin<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let kiosk = app.get_webview_window(KIOSK);
    let window = match app.get_webview_window(ADMIN) {
        Some(w) => w,
        None => {
            let w = build(app, ADMIN, "admin.html", "Safekeeper: admin", kiosk.as_ref().and_then(place_of))?;
            let handle = app.clone();
            w.on_window_event(move |event| {
                // Closing the admin window is a lock, never a way to leave the vault open. The
                // window stays until the locked home is open, so the app never has no window
                // (which would end it); the locked home is built off this thread, the event loop.
                if let WindowEvent::CloseRequested { api, .. } = event {
                    api.prevent_close();
                    handle.state::<AppState>().lock("window closed");
                    let handle = handle.clone();
                    std::thread::spawn(move || show_locked_home(&handle));
                }
            });
            w
        }
    };
    window.show()?;
    window.set_focus()?;
    if let Some(kiosk) = kiosk {
        // From the event loop, after the unlock that the locked home is waiting on has answered.
        app.run_on_main_thread(move || {
            let _ = kiosk.destroy();
        })?;
    }
    Ok(())
}

/// After a lock: a fresh locked home opens where the admin window was, then the admin window
/// goes. If the locked home cannot be opened, the admin window stays: the vault is already
/// locked, so Rust refuses everything it asks, and the app does not end with no window.
pub fn show_locked_home<R: Runtime>(app: &AppHandle<R>) {
    let admin = app.get_webview_window(ADMIN);
    match app.get_webview_window(KIOSK) {
        Some(kiosk) => {
            let _ = kiosk.show();
            let _ = kiosk.set_focus();
            let _ = app.emit_to(KIOSK, STATUS_EVENT, ());
        }
        None => match build(app, KIOSK, "kiosk.html", "Safekeeper", admin.as_ref().and_then(place_of)) {
            Ok(kiosk) => {
                let _ = kiosk.set_focus();
            }
            Err(e) => {
                eprintln!("safekeeper: the locked home could not be opened ({e}); the admin window stays, locked");
                return;
            }
        },
    }
    if let Some(admin) = admin {
        let _ = admin.destroy();
    }
}

/// A second launch focuses whichever window is in use.
pub fn focus_current<R: Runtime>(app: &AppHandle<R>) {
    let label = if app.get_webview_window(ADMIN).is_some() { ADMIN } else { KIOSK };
    if let Some(w) = app.get_webview_window(label) {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}
