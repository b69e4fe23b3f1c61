//! Locks Safekeeper when the operating system's session locks, where the platform tells us.
//!
//! Linux: the screen locker's `ActiveChanged(true)` signal (freedesktop and GNOME interfaces) on
//! the session bus, and logind's `Lock` signal for this session on the system bus. Windows and
//! macOS do not announce it to us yet; there the idle auto-lock still applies.

use std::sync::Arc;

/// Starts watching in background threads; `on_lock` runs each time the session locks.
pub fn watch(on_lock: impl Fn() + Send + Sync + 'static) {
    #[cfg(target_os = "linux")]
    linux::watch(Arc::new(on_lock));
    #[cfg(not(target_os = "linux"))]
    let _ = Arc::new(on_lock);
}

#[cfg(target_os = "linux")]
pub(crate) mod linux {
    use std::sync::Arc;

    use zbus::blocking::{Connection, MessageIterator};
    use zbus::message::Type;
    use zbus::MatchRule;

    type OnLock = Arc<dyn Fn() + Send + Sync>;

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

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use zbus::blocking::connection::Builder;

    #[test]
    fn screen_locker_signal_locks_and_unlock_signal_does_not() {
        // A private bus, so the test neither needs nor disturbs a desktop session.
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon is installed (Debian package dbus-daemon)");
        let mut address = String::new();
        BufReader::new(daemon.stdout.take().expect("stdout")).read_line(&mut address).expect("address");
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
        let _ = daemon.kill();
    }
}
