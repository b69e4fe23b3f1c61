//! The Windows side of the session lock: a hidden top-level window on its own thread that asks
//! for session changes (`WTSRegisterSessionNotification`) and lid switch changes
//! (`RegisterPowerSettingNotification`), and hears suspend, which Windows broadcasts to every
//! top-level window. Which of those messages lock is decided by `super::windows_messages`.
//!
//! The only unsafe code in Safekeeper's own sources lives here and in `app::webview_settings`:
//! the Win32 calls have no safe wrapper in the dependency tree.
#![allow(unsafe_code)]

use std::cell::RefCell;

use windows_sys::Win32::Foundation::{HWND, LPARAM, LRESULT, WPARAM};
use windows_sys::Win32::System::LibraryLoader::GetModuleHandleW;
use windows_sys::Win32::System::Power::{RegisterPowerSettingNotification, POWERBROADCAST_SETTING};
use windows_sys::Win32::System::RemoteDesktop::{WTSRegisterSessionNotification, NOTIFY_FOR_THIS_SESSION};
use windows_sys::Win32::System::SystemServices::GUID_LIDSWITCH_STATE_CHANGE;
use windows_sys::Win32::UI::WindowsAndMessaging as wm;

use super::windows_messages::{
    self as messages, windows_message_locks, LID_SWITCH, PBT_POWERSETTINGCHANGE, WM_POWERBROADCAST,
};
use super::OnLock;

// The classifier's constants are written out so it can be tested on every platform; these prove
// they are the ones Windows uses.
const _: () = assert!(messages::WM_WTSSESSION_CHANGE == wm::WM_WTSSESSION_CHANGE);
const _: () = assert!(WM_POWERBROADCAST == wm::WM_POWERBROADCAST);
const _: () = assert!(messages::PBT_APMSUSPEND == wm::PBT_APMSUSPEND);
const _: () = assert!(PBT_POWERSETTINGCHANGE == wm::PBT_POWERSETTINGCHANGE);
const _: () = assert!(messages::WTS_SESSION_LOCK == wm::WTS_SESSION_LOCK);
const _: () = assert!(messages::WTS_CONSOLE_DISCONNECT == wm::WTS_CONSOLE_DISCONNECT);
const _: () = assert!(messages::WTS_REMOTE_DISCONNECT == wm::WTS_REMOTE_DISCONNECT);
const _: () = assert!(LID_SWITCH == guid_bits(&GUID_LIDSWITCH_STATE_CHANGE));

const fn guid_bits(guid: &windows_sys::core::GUID) -> u128 {
    ((guid.data1 as u128) << 96)
        | ((guid.data2 as u128) << 80)
        | ((guid.data3 as u128) << 64)
        | u64::from_be_bytes(guid.data4) as u128
}

thread_local! {
    /// The window procedure runs on the thread that made the window, so it finds `on_lock` here.
    static ON_LOCK: RefCell<Option<OnLock>> = const { RefCell::new(None) };
}

pub fn watch(on_lock: OnLock) {
    let _ = std::thread::Builder::new().name("session-lock".into()).spawn(move || {
        ON_LOCK.with(|slot| *slot.borrow_mut() = Some(on_lock));
        // No window, no notifications: nothing tells us, and the idle lock still applies.
        let _ = listen();
    });
}

fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(std::iter::once(0)).collect()
}

fn listen() -> Option<()> {
    let class_name = wide("SafekeeperSessionLock");
    // SAFETY: every pointer passed below is to a local that outlives the call (the class name
    // lives until the thread ends, after the message loop), and the handles come from the calls
    // before them.
    unsafe {
        let instance = GetModuleHandleW(std::ptr::null());
        let class = wm::WNDCLASSW {
            style: 0,
            lpfnWndProc: Some(window_procedure),
            cbClsExtra: 0,
            cbWndExtra: 0,
            hInstance: instance,
            hIcon: std::ptr::null_mut(),
            hCursor: std::ptr::null_mut(),
            hbrBackground: std::ptr::null_mut(),
            lpszMenuName: std::ptr::null(),
            lpszClassName: class_name.as_ptr(),
        };
        if wm::RegisterClassW(&class) == 0 {
            return None;
        }
        // Top-level (not message-only) and never shown: suspend is broadcast only to top-level
        // windows.
        let window = wm::CreateWindowExW(
            0,
            class_name.as_ptr(),
            class_name.as_ptr(),
            wm::WS_OVERLAPPED,
            0,
            0,
            0,
            0,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            instance,
            std::ptr::null(),
        );
        if window.is_null() {
            return None;
        }
        // Either may fail (no Terminal Services, no lid); the others still apply.
        WTSRegisterSessionNotification(window, NOTIFY_FOR_THIS_SESSION);
        RegisterPowerSettingNotification(window, &GUID_LIDSWITCH_STATE_CHANGE, wm::DEVICE_NOTIFY_WINDOW_HANDLE);
        let mut message: wm::MSG = std::mem::zeroed();
        while wm::GetMessageW(&mut message, std::ptr::null_mut(), 0, 0) > 0 {
            wm::TranslateMessage(&message);
            wm::DispatchMessageW(&message);
        }
    }
    Some(())
}

unsafe extern "system" fn window_procedure(window: HWND, message: u32, wparam: WPARAM, lparam: LPARAM) -> LRESULT {
    let lid = if message == WM_POWERBROADCAST && wparam as u32 == PBT_POWERSETTINGCHANGE && lparam != 0 {
        // SAFETY: for PBT_POWERSETTINGCHANGE, Windows passes a POWERBROADCAST_SETTING whose Data
        // holds DataLength bytes; the lid switch setting's data is one DWORD.
        unsafe {
            let setting = &*(lparam as *const POWERBROADCAST_SETTING);
            let data = std::ptr::addr_of!(setting.Data).cast::<u8>();
            (setting.DataLength >= 4).then(|| {
                (guid_bits(&setting.PowerSetting), u32::from_le_bytes(std::ptr::read_unaligned(data.cast::<[u8; 4]>())))
            })
        }
    } else {
        None
    };
    if windows_message_locks(message, wparam as u32, lid) {
        ON_LOCK.with(|slot| {
            if let Some(on_lock) = slot.borrow().as_ref() {
                on_lock();
            }
        });
    }
    // SAFETY: the arguments are the ones Windows gave this window procedure.
    unsafe { wm::DefWindowProcW(window, message, wparam, lparam) }
}
