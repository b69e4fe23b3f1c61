//! Asking long work (a backup, a restore's reading) to stop because Safekeeper is locking. The
//! lock raises the request before it waits for the session; the work looks at its `StopSignal`
//! between steps and every few thousand database operations, and stops cleanly.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, InterruptHandle};

#[derive(Default)]
struct Shared {
    requests: AtomicU64,
    /// Database work that can be cut short mid-statement while it runs.
    interruptible: Mutex<Vec<(u64, Arc<InterruptHandle>)>>,
}

/// Where stop requests are raised: one per app, counting the locks asked for.
#[derive(Default, Clone)]
pub struct StopRequests(Arc<Shared>);

impl StopRequests {
    /// Asks every piece of work started before now to stop, and interrupts any database statement
    /// such work is running.
    pub fn request(&self) {
        self.0.requests.fetch_add(1, Ordering::SeqCst);
        let running = self.0.interruptible.lock().unwrap_or_else(|p| p.into_inner());
        for (_, handle) in running.iter() {
            handle.interrupt();
        }
    }

    /// A signal for work starting now: raised by the next `request`.
    pub fn signal(&self) -> StopSignal {
        StopSignal { requests: Some(self.0.clone()), seen: self.0.requests.load(Ordering::SeqCst) }
    }
}

/// What long work checks: whether a stop has been asked for since it started.
#[derive(Clone)]
pub struct StopSignal {
    requests: Option<Arc<Shared>>,
    seen: u64,
}

impl StopSignal {
    /// A signal that is never raised, for work nobody can interrupt (tests, the upgrade's backup).
    pub fn never() -> StopSignal {
        StopSignal { requests: None, seen: 0 }
    }

    /// False for `never`.
    pub fn can_be_raised(&self) -> bool {
        self.requests.is_some()
    }

    /// True once a stop has been asked for since this work started.
    pub fn is_raised(&self) -> bool {
        self.requests.as_ref().is_some_and(|r| r.requests.load(Ordering::SeqCst) != self.seen)
    }

    /// Runs `work` on `conn` so that a stop request interrupts the statement it is running (the
    /// statement then fails with "interrupted"). Checks for a request first.
    pub fn interruptible<T>(
        &self,
        conn: &mut Connection,
        work: impl FnOnce(&mut Connection) -> T,
        stopped: impl FnOnce() -> T,
    ) -> T {
        let Some(shared) = &self.requests else { return work(conn) };
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        shared
            .interruptible
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((id, Arc::new(conn.get_interrupt_handle())));
        // A request made before the handle was listed did not interrupt it: look now.
        let result = if self.is_raised() { stopped() } else { work(conn) };
        shared.interruptible.lock().unwrap_or_else(|p| p.into_inner()).retain(|(i, _)| *i != id);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_stops_work_started_before_it_and_not_work_started_after() {
        let requests = StopRequests::default();
        let before = requests.signal();
        assert!(!before.is_raised());
        requests.request();
        assert!(before.is_raised());
        let after = requests.signal();
        assert!(!after.is_raised(), "work started after the lock is not stopped by it");
        assert!(!StopSignal::never().is_raised());
    }
}
