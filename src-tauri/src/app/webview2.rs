//! WebView2 settings tauri does not offer: password saving off, so a passphrase typed into either
//! window is never offered to the browser engine's password store. (General autofill, which would
//! remember typed names, is turned off through tauri's own builder option in `windows`.)
//! Owns nothing else; the window builders call it once per window.
#![allow(unsafe_code)]

use webview2_com::Microsoft::Web::WebView2::Win32::ICoreWebView2Settings4;
use windows_core::Interface;

/// Turns off password saving and general autofill in `window`'s WebView2, best effort: an older
/// WebView2 without these settings has no such store to turn off.
pub fn remember_nothing<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    let _ = window.with_webview(|webview| {
        // SAFETY: the controller is alive for the duration of this callback, which tauri runs on
        // the thread that owns the webview; each call's result is checked before the next.
        unsafe {
            let Ok(core) = webview.controller().CoreWebView2() else { return };
            let Ok(settings) = core.Settings() else { return };
            if let Ok(settings) = settings.cast::<ICoreWebView2Settings4>() {
                let _ = settings.SetIsPasswordAutosaveEnabled(false);
                let _ = settings.SetIsGeneralAutofillEnabled(false);
            }
        }
    });
}
