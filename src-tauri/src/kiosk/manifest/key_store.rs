//! The operating system's word on the signing station's manifest. Each time the vault publishes a
//! manifest, the hash of that file is kept in a key store the operating system holds for this user
//! (the Credential Manager, protected by DPAPI, on Windows; the Secret Service on Linux; the
//! Keychain on macOS). A station that starts before any admin has unlocked asks it whether the
//! file on disk is the one Safekeeper last wrote.
//!
//! Owns the entry's naming, the one thread that talks to the platform and how long anyone waits
//! for it. Does not decide what the station does with the answer (see `manifest::station_manifest`).
//! The key store is a help, never a requirement: anything but a clear answer counts as
//! "unavailable", and the station then falls back to marking its submissions for the next unlock.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex, PoisonError};
use std::time::Duration;

use sha2::{Digest, Sha256};

/// The service every entry is filed under.
pub const SERVICE: &str = "Safekeeper";

/// How long start-up or a publish waits for the key store. Asking the Secret Service may start it
/// through D-Bus activation, or show a prompt to unlock the keyring; neither may hold up the
/// signing station for longer than this.
const WAIT: Duration = Duration::from_secs(3);

/// The key store could not be reached, refused access, or did not answer in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("The operating system's key store is not available.")]
pub struct Unavailable;

/// One place that keeps a short text per account, safe from anyone without this user's login.
pub trait KeyStore: Send + Sync {
    /// The text kept for `account`, or `None` when nothing is.
    fn read(&self, account: &str) -> Result<Option<String>, Unavailable>;
    /// Keeps `value` as the text for `account`, replacing any text there.
    fn write(&self, account: &str, value: &str) -> Result<(), Unavailable>;
}

/// What the key store said about one manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Vouch {
    /// The hash of the manifest Safekeeper last wrote at this path.
    Published(String),
    /// Safekeeper never wrote a hash for this path (or wrote it where no key store was).
    NoEntry,
    /// The key store could not be reached, refused, or did not answer in time.
    Unavailable,
}

/// The account for the manifest at `path`: a hash of the path, so a second vault on the same
/// laptop has its own entry and the key store holds no folder or user names.
pub fn account_for(path: &Path) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"safekeeper kiosk manifest\0");
    hasher.update(path.to_string_lossy().as_bytes());
    format!("kiosk-manifest-{}", hex::encode(&hasher.finalize()[..16]))
}

type Job = Box<dyn FnOnce(&dyn KeyStore) + Send>;

/// A key store behind one worker thread: every call is answered within `wait` or counts as
/// unavailable. Calls run one after another in the order they were made, so a slow write can
/// never land after a later one.
pub struct Bounded {
    jobs: Mutex<mpsc::Sender<Job>>,
    /// A call gave up waiting and the worker has not finished it yet: later calls do not queue
    /// behind a platform call that may never return.
    stalled: Arc<AtomicBool>,
    wait: Duration,
}

impl Bounded {
    /// A store whose calls run on a new worker thread and give up after `wait`.
    pub fn new(store: Arc<dyn KeyStore>, wait: Duration) -> Bounded {
        let (jobs, queue) = mpsc::channel::<Job>();
        let stalled = Arc::new(AtomicBool::new(false));
        let worker_stalled = Arc::clone(&stalled);
        // Without a thread every call finds the queue closed and the store unavailable.
        let _ = std::thread::Builder::new().name("safekeeper-key-store".into()).spawn(move || {
            for job in queue {
                job(store.as_ref());
                worker_stalled.store(false, Ordering::SeqCst);
            }
        });
        Bounded { jobs: Mutex::new(jobs), stalled, wait }
    }

    fn ask<T: Send + 'static>(
        &self,
        call: impl FnOnce(&dyn KeyStore) -> Result<T, Unavailable> + Send + 'static,
    ) -> Result<T, Unavailable> {
        if self.stalled.load(Ordering::SeqCst) {
            return Err(Unavailable);
        }
        let (answer, answered) = mpsc::sync_channel(1);
        let job: Job = Box::new(move |store| {
            let _ = answer.send(call(store));
        });
        self.jobs.lock().unwrap_or_else(PoisonError::into_inner).send(job).map_err(|_| Unavailable)?;
        match answered.recv_timeout(self.wait) {
            Ok(result) => result,
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(Unavailable),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                self.stalled.store(true, Ordering::SeqCst);
                // The worker answers before it clears the flag: an answer that slipped in just now
                // is used, and the flag is not left set behind it.
                match answered.try_recv() {
                    Ok(result) => {
                        self.stalled.store(false, Ordering::SeqCst);
                        result
                    }
                    Err(_) => Err(Unavailable),
                }
            }
        }
    }

    /// What the key store holds for `account`: the hash kept, no entry, or unavailable.
    pub fn read(&self, account: &str) -> Vouch {
        let account = account.to_owned();
        match self.ask(move |store| store.read(&account)) {
            Ok(Some(hash)) => Vouch::Published(hash),
            Ok(None) => Vouch::NoEntry,
            Err(Unavailable) => Vouch::Unavailable,
        }
    }

    /// Keeps `value` for `account`; `Unavailable` when the store refused or did not answer in time.
    pub fn write(&self, account: &str, value: &str) -> Result<(), Unavailable> {
        let (account, value) = (account.to_owned(), value.to_owned());
        self.ask(move |store| store.write(&account, &value))
    }
}

/// The key store this process uses; none until the desktop app chooses the operating system's.
static ACTIVE: Mutex<Option<Arc<Bounded>>> = Mutex::new(None);

/// From now on, keep manifest hashes in `store`.
pub fn use_store(store: Arc<dyn KeyStore>) {
    *ACTIVE.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(Bounded::new(store, WAIT)));
}

/// Keeps manifest hashes in the operating system's key store for this user, where the platform
/// has one. Called once by the desktop app at start-up; the headless domain and its tests never
/// touch the real key store.
pub fn use_os_key_store() {
    #[cfg(any(target_os = "linux", target_os = "windows", target_os = "macos"))]
    use_store(Arc::new(os::OsKeyStore));
}

fn active() -> Option<Arc<Bounded>> {
    let chosen = ACTIVE.lock().unwrap_or_else(PoisonError::into_inner).clone();
    #[cfg(test)]
    let chosen = chosen.or_else(|| Some(testing::bounded()));
    chosen
}

/// What the key store says about the manifest at `path`.
pub(super) fn vouch(path: &Path) -> Vouch {
    match active() {
        Some(store) => store.read(&account_for(path)),
        None => Vouch::Unavailable,
    }
}

/// Keeps `hash` as the manifest Safekeeper last wrote at `path`.
pub(super) fn record(path: &Path, hash: &str) -> Result<(), Unavailable> {
    active().ok_or(Unavailable)?.write(&account_for(path), hash)
}

#[cfg(any(target_os = "linux", target_os = "windows", target_os = "macos"))]
mod os {
    use super::{KeyStore, Unavailable, SERVICE};

    /// The platform's own key store, through the `keyring` crate.
    pub struct OsKeyStore;

    impl KeyStore for OsKeyStore {
        fn read(&self, account: &str) -> Result<Option<String>, Unavailable> {
            let entry = keyring::Entry::new(SERVICE, account).map_err(|_| Unavailable)?;
            match entry.get_password() {
                Ok(value) => Ok(Some(value)),
                Err(keyring::Error::NoEntry) => Ok(None),
                // Locked, refused, two entries where one was written, or no key store at all:
                // none of these is an answer.
                Err(_) => Err(Unavailable),
            }
        }

        fn write(&self, account: &str, value: &str) -> Result<(), Unavailable> {
            let entry = keyring::Entry::new(SERVICE, account).map_err(|_| Unavailable)?;
            entry.set_password(value).map_err(|_| Unavailable)
        }
    }
}

/// An in-memory key store for tests. Every account is unavailable (as on a laptop without a key
/// store, which is how the older tests run) until a test makes it available.
#[cfg(test)]
pub mod testing {
    use std::collections::{HashMap, HashSet};
    use std::path::Path;
    use std::sync::{Arc, Mutex, OnceLock, PoisonError};

    use super::{account_for, Bounded, KeyStore, Unavailable, WAIT};

    /// A key store in memory for tests: accounts can be made unavailable to act out a locked or
    /// missing Secret Service.
    #[derive(Default)]
    pub struct MemoryKeyStore {
        available: Mutex<HashSet<String>>,
        entries: Mutex<HashMap<String, String>>,
    }

    impl KeyStore for MemoryKeyStore {
        fn read(&self, account: &str) -> Result<Option<String>, Unavailable> {
            if !self.available.lock().unwrap_or_else(PoisonError::into_inner).contains(account) {
                return Err(Unavailable);
            }
            Ok(self.entries.lock().unwrap_or_else(PoisonError::into_inner).get(account).cloned())
        }

        fn write(&self, account: &str, value: &str) -> Result<(), Unavailable> {
            if !self.available.lock().unwrap_or_else(PoisonError::into_inner).contains(account) {
                return Err(Unavailable);
            }
            self.entries.lock().unwrap_or_else(PoisonError::into_inner).insert(account.to_owned(), value.to_owned());
            Ok(())
        }
    }

    fn memory() -> &'static Arc<MemoryKeyStore> {
        static MEMORY: OnceLock<Arc<MemoryKeyStore>> = OnceLock::new();
        MEMORY.get_or_init(Arc::default)
    }

    pub(super) fn bounded() -> Arc<Bounded> {
        static BOUNDED: OnceLock<Arc<Bounded>> = OnceLock::new();
        Arc::clone(BOUNDED.get_or_init(|| Arc::new(Bounded::new(Arc::clone(memory()) as Arc<dyn KeyStore>, WAIT))))
    }

    /// From now on the key store answers for the manifest at `path`.
    pub fn make_available(path: &Path) {
        memory().available.lock().unwrap_or_else(PoisonError::into_inner).insert(account_for(path));
    }

    /// What the key store keeps for the manifest at `path`, whether or not it is available.
    pub fn entry(path: &Path) -> Option<String> {
        memory().entries.lock().unwrap_or_else(PoisonError::into_inner).get(&account_for(path)).cloned()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    /// A key store that never answers, as a Secret Service stuck starting up would.
    struct Hanging;

    impl KeyStore for Hanging {
        fn read(&self, _: &str) -> Result<Option<String>, Unavailable> {
            std::thread::sleep(Duration::from_secs(3600));
            Ok(None)
        }

        fn write(&self, _: &str, _: &str) -> Result<(), Unavailable> {
            std::thread::sleep(Duration::from_secs(3600));
            Ok(())
        }
    }

    #[test]
    fn a_key_store_that_never_answers_counts_as_unavailable_without_holding_up_start_up() {
        let store = Bounded::new(Arc::new(Hanging), Duration::from_millis(200));
        let started = Instant::now();
        assert_eq!(store.read("kiosk-manifest-x"), Vouch::Unavailable);
        // The stuck call is not queued behind: the next ones give up at once.
        assert_eq!(store.write("kiosk-manifest-x", "abc"), Err(Unavailable));
        assert_eq!(store.read("kiosk-manifest-x"), Vouch::Unavailable);
        assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
    }

    #[test]
    fn accounts_differ_by_path_and_name_nothing_in_it() {
        let real = account_for(Path::new("/home/sam.okafor/.local/share/safekeeper/vault/kiosk.json"));
        let demo = account_for(Path::new("/tmp/safekeeper-demo-1/vault/kiosk.json"));
        assert_ne!(real, demo);
        assert!(!real.contains("sam") && !real.contains("okafor") && !real.contains("safekeeper/"));
        assert!(real.starts_with("kiosk-manifest-") && real.len() == "kiosk-manifest-".len() + 32);
    }

    /// A by-hand check of the real platform key store; the other tests never touch it.
    #[cfg(any(target_os = "linux", target_os = "windows", target_os = "macos"))]
    #[test]
    #[ignore = "uses this user's real key store: run by hand on a laptop that has one"]
    fn the_operating_systems_key_store_keeps_a_manifest_hash() {
        let store = Bounded::new(Arc::new(os::OsKeyStore), WAIT);
        let account = format!("kiosk-manifest-check-{}", hex::encode(rand::random::<[u8; 8]>()));
        let started = Instant::now();
        let kept = store.write(&account, "0123abcd");
        let read = store.read(&account);
        if let Ok(entry) = keyring::Entry::new(SERVICE, &account) {
            let _ = entry.delete_credential();
        }
        assert!(started.elapsed() < 2 * WAIT + Duration::from_secs(1), "took {:?}", started.elapsed());
        assert_eq!(kept, Ok(()), "kept");
        assert_eq!(read, Vouch::Published("0123abcd".into()));
    }
}
