//! Locks Safekeeper when the operating system's session locks, where the platform tells us.
//!
//! Linux: the screen locker's `ActiveChanged(true)` signal (freedesktop and GNOME interfaces) on
//! the session bus, and logind's `Lock` signal for this session on the system bus.
//! Windows: the session locking or being switched away from, the machine suspending, and the lid
//! closing (see `windows`).
//! macOS: the screen locking, sleep (the lid closing) and fast user switching (see `macos`).
//! Anywhere else nothing tells us, and the idle auto-lock still applies.

use std::sync::Arc;

#[cfg(target_os = "macos")]
mod macos;
#[cfg(windows)]
mod windows;

type OnLock = Arc<dyn Fn() + Send + Sync>;

/// Starts watching in background threads; `on_lock` runs each time the session locks.
pub fn watch(on_lock: impl Fn() + Send + Sync + 'static) {
    let on_lock: OnLock = Arc::new(on_lock);
    #[cfg(target_os = "linux")]
    linux::watch(on_lock);
    #[cfg(windows)]
    windows::watch(on_lock);
    #[cfg(target_os = "macos")]
    macos::watch(on_lock);
    #[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
    let _ = on_lock;
}

/// Which Windows messages lock. Only the Windows build acts on them; every build tests them.
#[cfg_attr(not(windows), allow(dead_code))]
mod windows_messages {
    // Windows message numbers, written out so the rule below is tested on every platform; the
    // Windows build checks each against the SDK's value.
    pub(super) const WM_WTSSESSION_CHANGE: u32 = 0x02B1;
    pub(super) const WTS_CONSOLE_DISCONNECT: u32 = 0x2;
    pub(super) const WTS_REMOTE_DISCONNECT: u32 = 0x4;
    pub(super) const WTS_SESSION_LOCK: u32 = 0x7;
    pub(super) const WM_POWERBROADCAST: u32 = 0x0218;
    pub(super) const PBT_APMSUSPEND: u32 = 0x4;
    pub(super) const PBT_POWERSETTINGCHANGE: u32 = 0x8013;
    /// GUID_LIDSWITCH_STATE_CHANGE; its value is 0 when the lid closes.
    pub(super) const LID_SWITCH: u128 = 0xba3e0f4d_b817_4094_a2d1_d56379e6a0f3;

    /// Whether a message to Safekeeper's hidden window means "lock now": the session locked or was
    /// switched away from (another user, a remote session taking over), the machine is suspending,
    /// or the lid closed. `power_setting` is the setting and its value for a power setting change.
    pub(super) fn windows_message_locks(message: u32, wparam: u32, power_setting: Option<(u128, u32)>) -> bool {
        match message {
            WM_WTSSESSION_CHANGE => matches!(wparam, WTS_SESSION_LOCK | WTS_CONSOLE_DISCONNECT | WTS_REMOTE_DISCONNECT),
            WM_POWERBROADCAST => match wparam {
                PBT_APMSUSPEND => true,
                PBT_POWERSETTINGCHANGE => power_setting == Some((LID_SWITCH, 0)),
                _ => false,
            },
            _ => false,
        }
    }
}

#[cfg(target_os = "linux")]
pub(crate) mod linux {
    use std::sync::Arc;

    use zbus::blocking::{Connection, MessageIterator};
    use zbus::message::Type;
    use zbus::MatchRule;

    use super::OnLock;

    const SCREEN_SAVERS: [&str; 2] = ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"];

    pub fn watch(on_lock: OnLock) {
        if let Ok(conn) = Connection::session() {
            for interface in SCREEN_SAVERS {
                let (conn, on_lock) = (conn.clone(), Arc::clone(&on_lock));
                spawn(move || watch_screen_saver(&conn, interface, on_lock));
            }
        }
        if let Ok(conn) = Connection::system() {
            spawn(move || watch_logind(&conn, on_lock));
        }
    }

    fn spawn(f: impl FnOnce() -> zbus::Result<()> + Send + 'static) {
        let _ = std::thread::Builder::new().name("session-lock".into()).spawn(move || {
            // No bus, or no screen locker: nothing tells us, and the idle lock still applies.
            let _ = f();
        });
    }

    pub(crate) fn watch_screen_saver(conn: &Connection, interface: &'static str, on_lock: OnLock) -> zbus::Result<()> {
        let rule = MatchRule::builder().msg_type(Type::Signal).interface(interface)?.member("ActiveChanged")?.build();
        for message in MessageIterator::for_match_rule(rule, conn, None)? {
            if let Ok(true) = message?.body().deserialize::<bool>() {
                on_lock();
            }
        }
        Ok(())
    }

    fn watch_logind(conn: &Connection, on_lock: OnLock) -> zbus::Result<()> {
        let reply = conn.call_method(
            Some("org.freedesktop.login1"),
            "/org/freedesktop/login1",
            Some("org.freedesktop.login1.Manager"),
            "GetSessionByPID",
            &(std::process::id()),
        )?;
        let session: zbus::zvariant::OwnedObjectPath = reply.body().deserialize()?;
        let rule = MatchRule::builder()
            .msg_type(Type::Signal)
            .interface("org.freedesktop.login1.Session")?
            .member("Lock")?
            .path(session)?
            .build();
        for message in MessageIterator::for_match_rule(rule, conn, None)? {
            message?;
            on_lock();
        }
        Ok(())
    }
}

#[cfg(test)]
mod windows_message_tests {
    use super::windows_messages::*;

    const WTS_SESSION_UNLOCK: u32 = 0x8;
    const WTS_SESSION_LOGON: u32 = 0x5;
    const PBT_APMRESUMEAUTOMATIC: u32 = 0x12;
    const WM_PAINT: u32 = 0x000F;

    #[test]
    fn locking_the_session_or_switching_user_locks() {
        for event in [WTS_SESSION_LOCK, WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT] {
            assert!(windows_message_locks(WM_WTSSESSION_CHANGE, event, None), "session event {event}");
        }
    }

    #[test]
    fn unlocking_or_logging_on_does_not_lock() {
        for event in [WTS_SESSION_UNLOCK, WTS_SESSION_LOGON] {
            assert!(!windows_message_locks(WM_WTSSESSION_CHANGE, event, None), "session event {event}");
        }
    }

    #[test]
    fn suspending_locks_and_resuming_does_not() {
        assert!(windows_message_locks(WM_POWERBROADCAST, PBT_APMSUSPEND, None));
        assert!(!windows_message_locks(WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC, None));
    }

    #[test]
    fn closing_the_lid_locks_and_opening_it_does_not() {
        assert!(windows_message_locks(WM_POWERBROADCAST, PBT_POWERSETTINGCHANGE, Some((LID_SWITCH, 0))));
        assert!(!windows_message_locks(WM_POWERBROADCAST, PBT_POWERSETTINGCHANGE, Some((LID_SWITCH, 1))));
        // Another power setting changing to 0 (say, the display dimming) is not the lid.
        assert!(!windows_message_locks(WM_POWERBROADCAST, PBT_POWERSETTINGCHANGE, Some((LID_SWITCH ^ 1, 0))));
        assert!(!windows_message_locks(WM_POWERBROADCAST, PBT_POWERSETTINGCHANGE, None));
    }

    #[test]
    fn other_messages_with_the_same_numbers_do_not_lock() {
        assert!(!windows_message_locks(WM_PAINT, WTS_SESSION_LOCK, None));
        assert!(!windows_message_locks(WM_PAINT, PBT_APMSUSPEND, None));
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use zbus::blocking::connection::Builder;

    /// The private bus daemon, stopped and reaped however the test ends.
    struct Daemon(std::process::Child);

    impl Drop for Daemon {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    #[test]
    fn screen_locker_signal_locks_and_unlock_signal_does_not() {
        // A private bus, so the test neither needs nor disturbs a desktop session.
        let mut daemon = Daemon(
            Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address"])
                .stdout(Stdio::piped())
                .spawn()
                .expect("dbus-daemon is installed (Debian package dbus-daemon)"),
        );
        let mut address = String::new();
        BufReader::new(daemon.0.stdout.take().expect("stdout")).read_line(&mut address).expect("address");
        let address = address.trim().to_owned();
        let listener = Builder::address(address.as_str()).expect("address").build().expect("connect");
        let sender = Builder::address(address.as_str()).expect("address").build().expect("connect");

        let locks = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&locks);
        let conn = listener.clone();
        std::thread::spawn(move || {
            let _ = super::linux::watch_screen_saver(
                &conn,
                "org.freedesktop.ScreenSaver",
                Arc::new(move || {
                    counted.fetch_add(1, Ordering::SeqCst);
                }),
            );
        });
        let emit = |active: bool| {
            sender
                .emit_signal(
                    None::<()>,
                    "/org/freedesktop/ScreenSaver",
                    "org.freedesktop.ScreenSaver",
                    "ActiveChanged",
                    &(active,),
                )
                .expect("emit");
        };
        // The match rule is registered asynchronously; keep announcing until it is heard.
        let until = Instant::now() + Duration::from_secs(5);
        while locks.load(Ordering::SeqCst) == 0 && Instant::now() < until {
            emit(false);
            emit(true);
            std::thread::sleep(Duration::from_millis(100));
        }
        let heard = locks.load(Ordering::SeqCst);
        assert!(heard >= 1, "the lock signal was never acted on");
        for _ in 0..5 {
            emit(false);
        }
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(locks.load(Ordering::SeqCst), heard, "screen saver going inactive must not lock");
    }
}
