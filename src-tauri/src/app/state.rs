//! The app's one piece of shared state: which vault folder, and whether an admin is in.
//! Every admin command goes through `with_vault`, which refuses with `vault.locked` when no admin
//! is unlocked: the Rust side enforces the lock, not only the UI.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::bindings::{AppStatus, Phase};
use crate::error::{CodedError, CommandError, ErrorCode};
use crate::kiosk::manifest;
use crate::records::organisation;
use crate::store::audit::Actor;
use crate::store::stop::{StopRequests, StopSignal};
use crate::vault::setup::PendingSetup;
use crate::vault::{UnlockedVault, VaultPaths};

/// The code every admin command returns while locked.
pub const LOCKED: ErrorCode = ErrorCode::VaultLocked;

pub fn locked_error() -> CommandError {
    CommandError::new(LOCKED, "Safekeeper is locked. An admin must unlock it first.")
}

/// The code every other admin command returns in a recovery-key session until a new passphrase
/// is set.
pub const MUST_SET_PASSPHRASE: ErrorCode = ErrorCode::VaultMustSetPassphrase;

/// What a recovery-key session may do before it has set a new passphrase: see who it is, list the
/// admins to choose one, set that admin's passphrase, and lock.
pub const RECOVERY_SESSION_COMMANDS: &[&str] =
    &["session_info", "settings_get", "recovery_set_passphrase", "touch", "lock"];

pub fn must_set_passphrase_error() -> CommandError {
    CommandError::new(
        MUST_SET_PASSPHRASE,
        "You unlocked with the recovery key. Set a new passphrase for an admin first; everything else opens after that.",
    )
}

/// Which unlock a piece of work belongs to: a new one for every session, so work started before a
/// lock is never finished in the next admin's session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionId(u64);

static NEXT_SESSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

pub struct Unlocked {
    pub id: SessionId,
    pub vault: UnlockedVault,
    pub last_activity: Instant,
    pub idle_limit: Duration,
    /// The CSV preview the admin is looking at: commit writes exactly this, nothing the page sends.
    pub pending_import: Option<crate::records::people_import::ImportPreview>,
    /// The training CSV preview the admin is looking at, likewise.
    pub pending_training_import: Option<crate::records::training::TrainingImportPreview>,
    /// What the signing station's outbox held at unlock, for the dashboard to report.
    pub last_ingest: Option<crate::kiosk::outbox::IngestReport>,
}

pub struct Inner {
    pub paths: VaultPaths,
    /// Present for a demo vault; the folder is deleted when the app exits.
    demo_dir: Option<tempfile::TempDir>,
    pub pending_setup: Option<PendingSetup>,
    /// The backup file the first-run screen read, to make a vault from once an admin is chosen.
    pub restore_source: Option<std::path::PathBuf>,
    pub session: Option<Unlocked>,
}

/// The desktop shell's state, shared by every command: the vault's folder, any setup in
/// progress and the unlocked session, behind one lock.
pub struct AppState {
    inner: Mutex<Inner>,
    /// Raised by `lock` before it waits for the session, so long work stops instead of holding
    /// the lock back.
    stops: StopRequests,
    /// What the command gate needs to know, readable without waiting for the session: one of
    /// `GATE_LOCKED`, `GATE_RECOVERY`, `GATE_OPEN`. Kept in step with the session under its lock.
    gate: AtomicU8,
}

const GATE_LOCKED: u8 = 0;
const GATE_RECOVERY: u8 = 1;
const GATE_OPEN: u8 = 2;

fn gate_for(session: Option<&Unlocked>) -> u8 {
    match session {
        None => GATE_LOCKED,
        Some(s) if s.vault.is_recovery() => GATE_RECOVERY,
        Some(_) => GATE_OPEN,
    }
}

impl AppState {
    /// The state at start-up for the vault in `data_dir` (or a fresh demo vault), locked, with
    /// any "Open to print" files left by a crash removed.
    pub fn start(data_dir: std::path::PathBuf, demo: bool) -> Result<AppState, CommandError> {
        let mut inner = Inner {
            paths: VaultPaths::new(data_dir),
            demo_dir: None,
            pending_setup: None,
            restore_source: None,
            session: None,
        };
        if demo {
            inner.start_demo()?;
        }
        let state =
            AppState { inner: Mutex::new(inner), stops: StopRequests::default(), gate: AtomicU8::new(GATE_LOCKED) };
        state.clear_print_files();
        Ok(state)
    }

    /// The state itself, held until the guard is dropped.
    pub fn lock_inner(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock must not leave the app unable to lock itself.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// What the locked home needs to know: the phase (first run, locked, unlocked), the
    /// organisation's name and whether the signing station's file changed outside Safekeeper.
    pub fn status(&self) -> AppStatus {
        let inner = self.lock_inner();
        let (m, station_changed_outside) = match manifest::station_manifest(&inner.paths.manifest()) {
            manifest::StationManifest::Usable(m, _) => (Some(*m), false),
            manifest::StationManifest::ChangedOutside => (None, true),
            manifest::StationManifest::Missing | manifest::StationManifest::Damaged => (None, false),
        };
        let phase = if inner.session.is_some() {
            Phase::Unlocked
        } else if inner.paths.exists() {
            Phase::Locked
        } else {
            Phase::Setup
        };
        AppStatus {
            phase,
            org_name: m.as_ref().map(|m| m.org_name.clone()),
            demo: inner.demo_dir.is_some(),
            demo_passphrase: m.and_then(|m| m.demo_passphrase),
            station_changed_outside,
        }
    }

    /// Whether this is the throwaway demo vault.
    pub fn is_demo(&self) -> bool {
        self.lock_inner().demo_dir.is_some()
    }

    /// Why the admin command `command` may not run now: `vault.locked` while no admin is
    /// unlocked, and `vault.mustSetPassphrase` for anything but setting a new passphrase in a
    /// recovery-key session that has not done so yet.
    ///
    /// Never waits for the session: the command gate asks this on the window's thread, while long
    /// work may hold the session. Each command checks again under the session's lock.
    pub fn admin_refusal(&self, command: &str) -> Option<CommandError> {
        match self.gate.load(Ordering::SeqCst) {
            GATE_LOCKED => Some(locked_error()),
            GATE_RECOVERY if !RECOVERY_SESSION_COMMANDS.contains(&command) => Some(must_set_passphrase_error()),
            _ => None,
        }
    }

    /// A signal for long work starting now, raised when a lock is asked for.
    pub fn stop_signal(&self) -> StopSignal {
        self.stops.signal()
    }

    /// Runs `f` on the unlocked vault, or refuses with `vault.locked`. Counts as activity.
    pub fn with_vault<T>(
        &self,
        f: impl FnOnce(&mut UnlockedVault) -> Result<T, CommandError>,
    ) -> Result<T, CommandError> {
        self.with_session(|s| f(&mut s.vault))
    }

    /// As `with_vault`, for work done as the acting admin: `f` gets the database and who is acting.
    pub fn with_admin<T, E: Into<CommandError>>(
        &self,
        f: impl FnOnce(&mut rusqlite::Connection, &Actor) -> Result<T, E>,
    ) -> Result<T, CommandError> {
        self.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            f(conn, actor).map_err(Into::into)
        })
    }

    /// As `with_vault`, with the rest of the session's state too.
    pub fn with_session<T>(&self, f: impl FnOnce(&mut Unlocked) -> Result<T, CommandError>) -> Result<T, CommandError> {
        let mut inner = self.lock_inner();
        let session = inner.session.as_mut().ok_or_else(locked_error)?;
        session.last_activity = Instant::now();
        let result = f(session);
        // A recovery session that has just set a passphrase is open to everything now.
        self.gate.store(gate_for(Some(session)), Ordering::SeqCst);
        // Whatever the command changed that the signing station shows is on disk before it
        // returns; a failure to write it is the command's error, unless the command failed first.
        let published =
            crate::kiosk::refresh::publish_if_outdated(&mut session.vault).map_err(|e| e.to_command_error());
        let value = result?;
        published?;
        Ok(value)
    }

    /// As `with_vault`, and says which session did the work, for `with_same_session` later.
    pub fn with_vault_tagged<T>(
        &self,
        f: impl FnOnce(&mut UnlockedVault) -> Result<T, CommandError>,
    ) -> Result<(SessionId, T), CommandError> {
        self.with_session(|s| Ok((s.id, f(&mut s.vault)?)))
    }

    /// Runs `f` only if `id` is still the unlocked session: after a lock, even if another admin
    /// has unlocked since, it refuses with `vault.locked`. The session is held while `f` runs, so
    /// no lock can land halfway through.
    pub fn with_same_session<T>(
        &self,
        id: SessionId,
        f: impl FnOnce(&mut Unlocked) -> Result<T, CommandError>,
    ) -> Result<T, CommandError> {
        self.with_session(|s| if s.id == id { f(s) } else { Err(locked_error()) })
    }

    /// Installs a freshly unlocked vault as the session.
    pub fn begin_session(&self, mut vault: UnlockedVault) -> Result<(), CommandError> {
        // A new vault, or one just restored onto this laptop, publishes its first manifest now.
        crate::kiosk::refresh::publish_if_outdated(&mut vault)?;
        let minutes = organisation::get(vault.db().conn())?.auto_lock_minutes;
        // Submissions made at the signing station while locked come in now, in one transaction.
        // A failed ingest leaves every outbox file in place for the next unlock.
        let last_ingest = match crate::kiosk::outbox::ingest(&mut vault) {
            Ok(report) => Some(report),
            Err(e) => {
                eprintln!("safekeeper: outbox ingest deferred: {}", e.code());
                None
            }
        };
        let mut inner = self.lock_inner();
        inner.session = Some(Unlocked {
            id: SessionId(NEXT_SESSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)),
            vault,
            last_activity: Instant::now(),
            idle_limit: idle_limit(minutes),
            pending_import: None,
            pending_training_import: None,
            last_ingest,
        });
        self.gate.store(gate_for(inner.session.as_ref()), Ordering::SeqCst);
        Ok(())
    }

    /// Changes the unlocked session's auto-lock time to `minutes`.
    pub fn set_idle_limit(&self, minutes: u32) {
        if let Some(s) = self.lock_inner().session.as_mut() {
            s.idle_limit = idle_limit(minutes);
        }
    }

    /// Locks if unlocked. Returns whether there was a session to lock. Long work holding the
    /// session is asked to stop first, so the lock never waits behind it for long.
    pub fn lock(&self, reason: &str) -> bool {
        self.gate.store(GATE_LOCKED, Ordering::SeqCst);
        self.stops.request();
        let session = {
            let mut inner = self.lock_inner();
            self.gate.store(GATE_LOCKED, Ordering::SeqCst);
            inner.session.take()
        };
        self.clear_print_files();
        match session {
            Some(s) => {
                if let Err(e) = crate::kiosk::refresh::lock(s.vault, reason) {
                    // The key is gone either way; only the lock's audit entry may be missing.
                    eprintln!("safekeeper: lock finished with an error: {}", e.code());
                }
                true
            }
            None => false,
        }
    }

    /// True when the unlocked session has been idle past its limit.
    pub fn idle_expired(&self) -> bool {
        self.lock_inner().session.as_ref().is_some_and(|s| s.last_activity.elapsed() >= s.idle_limit)
    }

    /// Counts as activity for the auto-lock; refused when locked.
    pub fn touch(&self) -> Result<(), CommandError> {
        self.with_vault(|_| Ok(()))
    }

    /// Deletes files made for "Open to print": they hold personal data the user did not save.
    pub fn clear_print_files(&self) {
        let dir = self.lock_inner().paths.print_dir();
        let _ = std::fs::remove_dir_all(dir);
    }
}

impl Inner {
    /// "Try the demo" from the locked home. Refused once this laptop has a real vault: the signing
    /// station would otherwise hand signatures and concerns to a throwaway vault.
    pub fn try_demo(&mut self) -> Result<(), CommandError> {
        if self.demo_dir.is_none() && self.paths.exists() {
            return Err(CommandError::new(
                ErrorCode::DemoVaultExists,
                "Safekeeper is already set up on this laptop, so the demo is not available here. Unlock to use your records.",
            ));
        }
        self.start_demo()
    }

    /// Switches to a new throwaway demo vault in a temporary folder.
    pub fn start_demo(&mut self) -> Result<(), CommandError> {
        if self.session.is_some() {
            return Err(CommandError::new(ErrorCode::DemoUnlocked, "Lock Safekeeper before starting the demo."));
        }
        let dir = tempfile::Builder::new()
            .prefix("safekeeper-demo-")
            .tempdir()
            .map_err(|e| CommandError::new(ErrorCode::DemoIo, format!("The demo could not be created ({e}).")))?;
        let paths = crate::demo::create(dir.path())?;
        self.paths = paths;
        self.demo_dir = Some(dir);
        self.pending_setup = None;
        Ok(())
    }
}

/// The organisation's setting; a test build may shorten it so end-to-end tests can watch the
/// auto-lock fire without waiting minutes.
fn idle_limit(minutes: u32) -> Duration {
    match super::test_switches::auto_lock_seconds() {
        Some(secs) => Duration::from_secs(secs),
        None => Duration::from_secs(u64::from(minutes) * 60),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use age::secrecy::SecretString;
    use age::x25519;

    use super::*;

    #[test]
    fn admin_work_is_refused_while_locked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::start(dir.path().to_path_buf(), false).expect("start");
        let err = state.with_vault(|_| Ok(())).expect_err("locked");
        assert_eq!(err.code, LOCKED);
        assert_eq!(state.status().phase, Phase::Setup);
    }

    #[test]
    fn demo_starts_locked_with_its_passphrase_published() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::start(dir.path().to_path_buf(), true).expect("start demo");
        let status = state.status();
        assert_eq!(status.phase, Phase::Locked);
        assert!(status.demo);
        assert_eq!(status.demo_passphrase.as_deref(), Some(crate::demo::DEMO_PASSPHRASE));
        assert_eq!(state.with_vault(|_| Ok(())).expect_err("locked").code, LOCKED);
    }

    pub(crate) const PASSPHRASE: &str = "marble otter lantern harvest";

    /// A real (not demo) vault in `dir`, locked, and its recovery key's text.
    pub(crate) fn real_vault(dir: &std::path::Path) -> (AppState, String) {
        let state = AppState::start(dir.to_path_buf(), false).expect("start");
        let recovery = x25519::Identity::generate();
        let paths = state.lock_inner().paths.clone();
        let vault = UnlockedVault::create(
            &paths,
            crate::vault::NewVault {
                org_name: "Northfield Youth Trust",
                admin_name: "Morgan Ellis",
                passphrase: &SecretString::from(PASSPHRASE.to_owned()),
                recovery: &recovery,
                demo_passphrase: None,
            },
        )
        .expect("create");
        // As the app locks: the signing station gets the new vault's manifest.
        crate::kiosk::refresh::lock(vault, "test").expect("lock");
        let key = age::secrecy::ExposeSecret::expose_secret(&recovery.to_string()).to_owned();
        (state, key)
    }

    /// The attack from the trust review, as the app meets it: an extra recipient added to the
    /// signing station's file while Safekeeper was closed, on a laptop with a key store.
    #[test]
    fn a_station_file_changed_while_closed_is_refused_until_the_next_unlock_puts_it_right() {
        use crate::kiosk::manifest::{self, key_store::testing as key_store};
        let dir = tempfile::tempdir().expect("temp dir");
        let manifest_path = VaultPaths::new(dir.path().to_path_buf()).manifest();
        key_store::make_available(&manifest_path);
        let (state, _) = real_vault(dir.path());
        drop(state);
        // Closed: nothing in memory, and someone edits the file.
        manifest::forget_published(&manifest_path);
        let mut json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&manifest_path).expect("read")).expect("json");
        let intruder = x25519::Identity::generate().to_public().to_string();
        json["recipients"].as_array_mut().expect("list").push(intruder.clone().into());
        std::fs::write(&manifest_path, serde_json::to_vec_pretty(&json).expect("json")).expect("write");

        let state = AppState::start(dir.path().to_path_buf(), false).expect("start");
        let status = state.status();
        assert_eq!(status.phase, Phase::Locked);
        assert!(status.station_changed_outside);
        assert_eq!(status.org_name, None, "nothing from the changed file is shown");

        let paths = state.lock_inner().paths.clone();
        let vault = UnlockedVault::unlock(&paths, &SecretString::from(PASSPHRASE.to_owned())).expect("unlock");
        state.begin_session(vault).expect("in");
        let report = state.with_session(|s| Ok(s.last_ingest.clone())).expect("session").expect("ingested");
        assert!(report.manifest_changed, "the admin is told");
        assert!(state.lock("test"));
        let status = state.status();
        assert!(!status.station_changed_outside);
        assert_eq!(status.org_name.as_deref(), Some("Northfield Youth Trust"));

        // The rewritten file is the one the key store vouches for at the next start.
        drop(state);
        manifest::forget_published(&manifest_path);
        let status = AppState::start(dir.path().to_path_buf(), false).expect("start").status();
        assert!(!status.station_changed_outside);
        let written = std::fs::read_to_string(&manifest_path).expect("read");
        assert!(!written.contains(&intruder), "the unlock wrote the file without the added key");
    }

    #[test]
    fn try_the_demo_is_refused_once_a_real_vault_exists() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (state, _) = real_vault(dir.path());
        let before = state.lock_inner().paths.clone();
        let refused = state.lock_inner().try_demo().expect_err("refused");
        assert_eq!(refused.code, "demo.vaultExists");
        assert!(refused.message.contains("already set up"));
        let status = state.status();
        assert!(!status.demo, "still the real vault");
        assert_eq!(status.phase, Phase::Locked);
        assert_eq!(state.lock_inner().paths.database(), before.database());

        // Before setup there is nothing to protect: the demo starts.
        let fresh = tempfile::tempdir().expect("temp dir");
        let state = AppState::start(fresh.path().to_path_buf(), false).expect("start");
        state.lock_inner().try_demo().expect("demo starts before setup");
        assert!(state.status().demo);
        // And a demo may be restarted from a demo.
        state.lock_inner().try_demo().expect("demo again");
    }

    /// The command gate runs on the window's thread: it must answer while long work holds the
    /// session, or the window freezes behind that work.
    #[test]
    fn the_command_gate_answers_while_the_session_is_held() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (state, _) = real_vault(dir.path());
        let state = std::sync::Arc::new(state);
        let paths = state.lock_inner().paths.clone();
        let vault = UnlockedVault::unlock(&paths, &SecretString::from(PASSPHRASE.to_owned())).expect("unlock");
        state.begin_session(vault).expect("in");
        let held = state.lock_inner();
        let (tx, rx) = std::sync::mpsc::channel();
        let asker = state.clone();
        std::thread::spawn(move || {
            let _ = tx.send(asker.admin_refusal("people_search").map(|e| e.code));
        });
        let answer = rx.recv_timeout(Duration::from_secs(1)).expect("the gate answered without the session");
        assert_eq!(answer, None, "unlocked: the command may run");
        drop(held);
        assert!(state.lock("test"));
        assert_eq!(state.admin_refusal("people_search").map(|e| e.code), Some(LOCKED));
    }

    #[test]
    fn a_recovery_session_may_only_set_a_passphrase_until_it_has() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (state, key) = real_vault(dir.path());
        let paths = state.lock_inner().paths.clone();
        state.begin_session(UnlockedVault::unlock_with_recovery(&paths, &key).expect("recovery unlock")).expect("in");
        let refused = state.admin_refusal("people_search").expect("refused");
        assert_eq!(refused.code, MUST_SET_PASSPHRASE);
        assert!(refused.message.contains("Set a new passphrase"));
        for allowed in RECOVERY_SESSION_COMMANDS {
            assert!(state.admin_refusal(allowed).is_none(), "{allowed}");
        }
        state
            .with_vault(|v| {
                let admin = v.admins().expect("admins").remove(0).id;
                v.set_passphrase(&admin, &SecretString::from("velvet canyon ember lighthouse".to_owned()))
                    .map_err(CommandError::from)
            })
            .expect("set");
        assert!(state.admin_refusal("people_search").is_none(), "open once the passphrase is set");
    }
}
