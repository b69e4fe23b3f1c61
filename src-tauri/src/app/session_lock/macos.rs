//! macOS: the screen locking, the Mac going to sleep (which closing the lid does) and the session
//! being switched away from (fast user switching).
//!
//! The screen lock is announced by the system as the distributed notification
//! `com.apple.screenIsLocked`; sleep and the session switch come from the workspace's own
//! notification centre. Both deliver on the run loop of the thread that asked, so `watch` must be
//! called on the main thread (tauri's `setup` is); the work of locking then runs on its own thread,
//! as it does on the other platforms.
//!
//! Checked for a macOS target from Linux by `.dev/macos/check` (the app itself needs Apple's SDK to
//! compile), built and run on macOS by the release workflow.
#![allow(unsafe_code)]

use std::ptr::NonNull;
use std::sync::Arc;

use block2::RcBlock;
use objc2_app_kit::{NSWorkspace, NSWorkspaceSessionDidResignActiveNotification, NSWorkspaceWillSleepNotification};
use objc2_foundation::{NSDistributedNotificationCenter, NSNotification, NSString};

use super::OnLock;

/// The name macOS posts, to every app, when the screen locks.
const SCREEN_IS_LOCKED: &str = "com.apple.screenIsLocked";

pub fn watch(on_lock: OnLock) {
    let block = RcBlock::new(move |_notification: NonNull<NSNotification>| {
        let on_lock = Arc::clone(&on_lock);
        // Off the main thread: locking waits for the records' lock, and the locked home is opened
        // through tauri's own event loop.
        let _ = std::thread::Builder::new().name("session-lock".into()).spawn(move || on_lock());
    });

    let screen_locked = NSString::from_str(SCREEN_IS_LOCKED);
    let distributed = NSDistributedNotificationCenter::defaultCenter();
    // SAFETY: no sender object is named and no queue is given, so the block runs on the posting
    // run loop with only the notification as its argument; the block owns an `Arc` of a `Send +
    // Sync` closure, so it is safe to send between threads as the method requires.
    let observer =
        unsafe { distributed.addObserverForName_object_queue_usingBlock(Some(&screen_locked), None, None, &block) };
    // The observer stays registered for the app's whole life: nothing ever removes it.
    std::mem::forget(observer);

    let workspace = NSWorkspace::sharedWorkspace().notificationCenter();
    // SAFETY: the two names are constant NSStrings exported by AppKit, valid for the process's
    // life; reading them is reading an immutable extern static.
    let names = unsafe { [NSWorkspaceWillSleepNotification, NSWorkspaceSessionDidResignActiveNotification] };
    for name in names {
        // SAFETY: as for the screen lock above.
        let observer = unsafe { workspace.addObserverForName_object_queue_usingBlock(Some(name), None, None, &block) };
        std::mem::forget(observer);
    }
}
