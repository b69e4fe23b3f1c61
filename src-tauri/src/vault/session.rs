//! An unlocked vault: the open database, the database key and the identity that unwrapped it.
//! Owns creating a vault, every way in (passphrase, recovery key), admin changes and rotation,
//! and lock. Dropping it closes the database and zeroizes the key and identity.

use std::fs;
use std::str::FromStr;

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use chrono::{SecondsFormat, Utc};
use rusqlite::OptionalExtension;

use super::admins::{self, AdminRow, AdminSummary};
use super::keyfile::{self, KeyFileError};
use super::passphrase;
use super::{atomic, VaultError, VaultPaths};
use crate::error::CodedError;
use crate::records::{aup, organisation};
use crate::store::audit::{self, Actor, Entry};
use crate::store::{DatabaseKey, Db, StoreError};

/// What the setup wizard collected.
pub struct NewVault<'a> {
    /// The organisation's name, as printed on forms.
    pub org_name: &'a str,
    /// The first admin's full name; they also become the DSL named in the default AUPs.
    pub admin_name: &'a str,
    /// The first admin's passphrase, which seals their key file.
    pub passphrase: &'a SecretString,
    /// The paper recovery key's identity; the database key is also encrypted to it.
    pub recovery: &'a x25519::Identity,
    /// Set for a throwaway demo vault: its passphrase is shown on the unlock screen.
    pub demo_passphrase: Option<&'a str>,
}

/// An open vault: the decrypted database and the key that opened it, for one admin session (or a
/// recovery-key session). Dropping it closes the database.
pub struct UnlockedVault {
    paths: VaultPaths,
    db: Db,
    key: DatabaseKey,
    identity: x25519::Identity,
    actor: Actor,
    /// Where the backup waiting in `restore-pending.db` came from, as this session found when
    /// it checked it. A pending file this session did not check is never swapped in.
    pub(crate) pending_restore: Option<super::restore::BackupOrigin>,
    /// Something the signing station shows has changed since its manifest was last published
    /// (see `kiosk::refresh`, which publishes it and clears this).
    station_outdated: bool,
}

impl std::fmt::Debug for UnlockedVault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnlockedVault").field("actor", &self.actor).finish_non_exhaustive()
    }
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn check_passphrase(passphrase: &SecretString, inputs: &[&str]) -> Result<(), VaultError> {
    if passphrase::strength(passphrase.expose_secret(), inputs).acceptable {
        Ok(())
    } else {
        Err(VaultError::WeakPassphrase)
    }
}

impl UnlockedVault {
    /// Makes a new vault. Everything is assembled in a staging folder and moved into place with
    /// one rename, so a setup killed halfway leaves no half-vault behind.
    pub fn create(paths: &VaultPaths, new: NewVault<'_>) -> Result<UnlockedVault, VaultError> {
        if paths.vault_dir().exists() {
            return Err(VaultError::AlreadySetUp);
        }
        let org_name = organisation::validate_org_name(new.org_name).ok_or(VaultError::InvalidOrgName)?;
        let admin_name = admins::validate_name(new.admin_name).ok_or(VaultError::InvalidName)?;
        check_passphrase(new.passphrase, &[&org_name, &admin_name])?;

        fs::create_dir_all(paths.data_dir())?;
        let staging = VaultPaths::new(paths.staging_dir());
        // A leftover staging folder is from a setup that never finished: nothing in it was ever
        // confirmed, and all of it is encrypted.
        if staging.data_dir().exists() {
            fs::remove_dir_all(staging.data_dir())?;
        }
        let built = (|| {
            fs::create_dir_all(staging.admins_dir())?;
            let admin_id = uuid::Uuid::new_v4().to_string();
            let identity = x25519::Identity::generate();
            atomic::write_atomic(&staging.admin_file(&admin_id), &keyfile::seal_identity(&identity, new.passphrase))?;
            let key = DatabaseKey::generate();
            let recipients = [identity.to_public(), new.recovery.to_public()];
            atomic::write_atomic(&staging.wrapped_key(), &keyfile::wrap_key(&key, &recipients))?;

            let mut db = Db::create(&staging.database(), &key)?;
            let vault_id = uuid::Uuid::new_v4().to_string();
            let actor = Actor::Admin(admin_id.clone());
            {
                let tx = db.conn_mut().transaction().map_err(StoreError::from)?;
                audit::initialise(&tx)?;
                set_meta(&tx, "vault_id", &vault_id)?;
                set_meta(&tx, "recovery_recipient", &new.recovery.to_public().to_string())?;
                set_meta(&tx, "created_at", &now())?;
                if let Some(demo) = new.demo_passphrase {
                    set_meta(&tx, "demo_passphrase", demo)?;
                }
                organisation::initialise(&tx, &org_name)?;
                admins::insert(
                    &tx,
                    &AdminRow {
                        id: admin_id.clone(),
                        name: admin_name.clone(),
                        recipient: identity.to_public().to_string(),
                        created_at: now(),
                    },
                )?;
                audit::append(
                    &tx,
                    &actor,
                    &Entry { action: "vault.created", subject_kind: "vault", subject_id: &vault_id, detail: "" },
                )?;
                audit::append(
                    &tx,
                    &actor,
                    &Entry {
                        action: "session.unlocked",
                        subject_kind: "admin",
                        subject_id: &admin_id,
                        detail: "setup",
                    },
                )?;
                tx.commit().map_err(StoreError::from)?;
            }
            Ok::<_, VaultError>((db, key, identity, actor))
        })();
        let (mut db, key, identity, actor) = built?;
        // The five default AUPs start as drafts naming the first admin as the person to report
        // concerns to; both can be changed before anything is published. A name the people
        // register would not accept (e.g. a single word) leaves the role unnamed instead.
        let dsl = aup::set_dsl_name(db.conn_mut(), &actor, &admin_name)
            .unwrap_or_else(|_| "the Designated Safeguarding Lead".to_owned());
        aup::seed_defaults(db.conn_mut(), &actor, &dsl)?;
        // SQLCipher must let go of the file before the folder moves.
        db.close()?;
        atomic::rename(&staging.vault_dir(), &paths.vault_dir())?;
        atomic::sync_dir(paths.data_dir())?;
        let _ = fs::remove_dir_all(staging.data_dir());
        let db = Db::open(&paths.database(), &key)?;
        // A new vault: the signing station has nothing to show until its first manifest.
        let vault = UnlockedVault {
            paths: paths.clone(),
            db,
            key,
            identity,
            actor,
            pending_restore: None,
            station_outdated: true,
        };
        Ok(vault)
    }

    /// Unlocks with an admin passphrase. Reads key files only: a wrong passphrase changes nothing
    /// on disk. Admin key files are tried a few at a time, because the unlock screen does not ask
    /// who you are (admin names are personal data and are not kept outside the database), and
    /// each check holds 256 MiB for scrypt.
    ///
    /// Files planted in the admins folder cannot stop the real admins: only files shaped as
    /// Safekeeper writes them (`<uuid>.age`, at most `MAX_ADMIN_KEY_FILE_BYTES`) are opened, the
    /// oldest first, at most `MAX_ADMIN_KEY_FILES` of them, and a file that opens but does not
    /// open this vault is passed over. Anyone who can write that folder can also delete it, which
    /// is why the recovery key never reads it.
    pub fn unlock(paths: &VaultPaths, passphrase: &SecretString) -> Result<UnlockedVault, VaultError> {
        if !paths.exists() {
            return Err(VaultError::NotSetUp);
        }
        let (files, mut damaged) = admin_key_files(paths)?;
        let more_than_tried = files.len() > MAX_ADMIN_KEY_FILES;
        let mut too_much_work = false;
        let mut opened_elsewhere: Option<VaultError> = None;
        for batch in files.chunks(ADMIN_KEY_FILES_AT_ONCE).take(MAX_ADMIN_KEY_FILES / ADMIN_KEY_FILES_AT_ONCE) {
            let results: Vec<(String, Result<x25519::Identity, KeyFileError>)> = std::thread::scope(|scope| {
                let handles: Vec<_> = batch
                    .iter()
                    .map(|(id, bytes)| scope.spawn(move || (id.clone(), keyfile::open_identity(bytes, passphrase))))
                    .collect();
                handles.into_iter().map(|h| h.join().expect("key file check does not panic")).collect()
            });
            for (id, result) in results {
                match result {
                    Ok(identity) => match Self::open_with(paths, identity, Actor::Admin(id)) {
                        // A key file left from another vault, or a removed admin's, that happens
                        // to open with this passphrase: another file may still be the right one.
                        Err(e @ (VaultError::NotThisVault | VaultError::AdminRemoved)) => {
                            opened_elsewhere.get_or_insert(e);
                        }
                        other => return other,
                    },
                    Err(KeyFileError::WorkFactorTooHigh { .. }) => too_much_work = true,
                    Err(KeyFileError::Damaged) => damaged = true,
                    Err(KeyFileError::WrongPassphrase | KeyFileError::NotForThisKey) => {}
                }
            }
        }
        Err(if let Some(e) = opened_elsewhere {
            e
        } else if more_than_tried {
            VaultError::TooManyKeyFiles { tried: MAX_ADMIN_KEY_FILES }
        } else if too_much_work {
            VaultError::WorkFactorTooHigh
        } else if damaged {
            VaultError::KeyFileDamaged { which: "admin key file" }
        } else {
            VaultError::WrongPassphrase
        })
    }

    /// Unlocks with the paper recovery key. The session can then set a new passphrase for an
    /// admin; nothing else changes until it does.
    pub fn unlock_with_recovery(paths: &VaultPaths, key_text: &str) -> Result<UnlockedVault, VaultError> {
        if !paths.exists() {
            return Err(VaultError::NotSetUp);
        }
        let identity = keyfile::parse_recovery_key(key_text).ok_or(VaultError::BadRecoveryKey)?;
        Self::open_with(paths, identity, Actor::RecoveryKey).map_err(|e| match e {
            VaultError::NotThisVault => VaultError::RecoveryKeyNotForThisVault,
            other => other,
        })
    }

    fn open_with(paths: &VaultPaths, identity: x25519::Identity, actor: Actor) -> Result<UnlockedVault, VaultError> {
        // The key is proven before anything on disk is tidied: a wrong key changes nothing.
        let key = unwrap_file(&paths.wrapped_key(), &identity)?;
        super::restore::settle(paths)?;
        let db_path = paths.database();
        // The schema is brought up to date below, once a backup of the records as they are has
        // been made (see `upgrade`).
        let (db, key) = match Db::open_unmigrated(&db_path, &key) {
            Ok(db) => (db, key),
            // A rotation that died after the rekey but before the new key file was moved in.
            Err(StoreError::KeyRejected) if paths.wrapped_key_next().is_file() => {
                let next = unwrap_file(&paths.wrapped_key_next(), &identity)?;
                let db = Db::open_unmigrated(&db_path, &next).map_err(|e| match e {
                    StoreError::KeyRejected => VaultError::NotThisVault,
                    other => other.into(),
                })?;
                atomic::commit(&paths.wrapped_key_next(), &paths.wrapped_key())?;
                (db, next)
            }
            Err(StoreError::KeyRejected) => return Err(VaultError::NotThisVault),
            Err(e) => return Err(e.into()),
        };
        let mut vault = UnlockedVault {
            paths: paths.clone(),
            db,
            key,
            identity,
            actor,
            pending_restore: None,
            station_outdated: false,
        };
        super::upgrade::upgrade_if_needed(&mut vault)?;
        if let Actor::Admin(id) = &vault.actor {
            match admins::find_active(vault.db.conn(), id)? {
                Some(row)
                    if row.recipient == vault.identity.to_public().to_string()
                        && get_meta(vault.db.conn(), ADMIN_LEAVING)?.as_deref() != Some(id.as_str()) => {}
                _ => return Err(VaultError::AdminRemoved),
            }
        }
        // A rotation that died before the rekey: the old key still opens the database, so the
        // waiting key file was never used and must not linger.
        if paths.wrapped_key_next().is_file() {
            fs::remove_file(paths.wrapped_key_next())?;
        }
        let subject = match &vault.actor {
            Actor::Admin(id) => id.clone(),
            _ => String::new(),
        };
        let action = if vault.actor == Actor::RecoveryKey { "session.recoveryKeyUsed" } else { "session.unlocked" };
        vault.record(&Entry { action, subject_kind: "admin", subject_id: &subject, detail: "" })?;
        vault.finish_owed_removal();
        Ok(vault)
    }

    /// Finishes an admin removal that stopped halfway (see `remove_admin_with`). A failure here
    /// does not stop the unlock: the next unlock tries again. While a restore waits the key
    /// cannot change, so it waits too.
    fn finish_owed_removal(&mut self) {
        let Ok(Some(id)) = get_meta(self.db.conn(), ADMIN_LEAVING) else { return };
        if let Err(e) = self.remove_admin_with(&id, || Ok(())) {
            eprintln!("safekeeper: an admin removal is still to be finished: {}", e.code());
        }
    }

    /// Appends one audit entry in its own transaction.
    pub fn record(&mut self, entry: &Entry<'_>) -> Result<(), VaultError> {
        let tx = self.db.conn_mut().transaction().map_err(StoreError::from)?;
        audit::append(&tx, &self.actor, entry)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(())
    }

    /// Who is acting in this session, for audit entries: the admin, or the recovery key.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// The identity that opened this session (an admin's or the recovery key): it also opens
    /// the signing station's outbox, which is sealed to the same recipients as the database key.
    pub fn outbox_identity(&self) -> &x25519::Identity {
        &self.identity
    }

    /// The unlocking admin's id (a UUID); `None` in a recovery-key session.
    pub fn admin_id(&self) -> Option<&str> {
        match &self.actor {
            Actor::Admin(id) => Some(id),
            _ => None,
        }
    }

    /// True when this session was opened with the paper recovery key.
    pub fn is_recovery(&self) -> bool {
        self.actor == Actor::RecoveryKey
    }

    /// Where this vault's files live.
    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    /// The open database.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The open database, for writes and transactions.
    pub fn db_mut(&mut self) -> &mut Db {
        &mut self.db
    }

    /// The database and the admin acting in this session, together, for work done as that admin.
    pub fn conn_and_actor(&mut self) -> (&mut rusqlite::Connection, &Actor) {
        (self.db.conn_mut(), &self.actor)
    }

    pub(crate) fn database_key(&self) -> &DatabaseKey {
        &self.key
    }

    /// Closes the live database, runs `swap` (which replaces the file by renames only), and opens
    /// the file now in place with the same key. If the swap fails the live file is reopened as it
    /// was; if the new file will not open, the error says so and the session has no records open
    /// until the next unlock.
    pub(crate) fn replace_database(&mut self, swap: impl FnOnce() -> std::io::Result<()>) -> Result<(), VaultError> {
        let live = std::mem::replace(&mut self.db, Db::detached()?);
        live.close()?;
        let swapped = swap();
        self.db = Db::open(&self.paths.database(), &self.key)?;
        swapped?;
        Ok(())
    }

    /// Checks typed recovery key text against the recovery recipient this vault records.
    pub fn check_recovery_key(&self, key_text: &str) -> Result<(), VaultError> {
        let identity = keyfile::parse_recovery_key(key_text).ok_or(VaultError::BadRecoveryKey)?;
        let recorded = get_meta(self.db.conn(), "recovery_recipient")?
            .ok_or(VaultError::KeyFileDamaged { which: "recovery key record" })?;
        if identity.to_public().to_string() != recorded {
            return Err(VaultError::RecoveryKeyNotForThisVault);
        }
        Ok(())
    }

    /// This vault's id (a UUID from the `meta` table); empty if the vault has none.
    pub fn vault_id(&self) -> Result<String, VaultError> {
        Ok(get_meta(self.db.conn(), "vault_id")?.unwrap_or_default())
    }

    /// The demo vault's passphrase; `None` for a real vault.
    pub fn demo_passphrase(&self) -> Result<Option<String>, VaultError> {
        Ok(get_meta(self.db.conn(), "demo_passphrase")?)
    }

    /// Every active admin, with the one in this session marked.
    pub fn admins(&self) -> Result<Vec<AdminSummary>, VaultError> {
        let me = self.admin_id();
        Ok(admins::active(self.db.conn())?
            .into_iter()
            .map(|a| AdminSummary {
                is_current: Some(a.id.as_str()) == me,
                id: a.id,
                name: a.name,
                created_at: a.created_at,
            })
            .collect())
    }

    /// Everyone who may open the database key: active admins and the recovery key.
    pub(crate) fn recipients(&self) -> Result<Vec<x25519::Recipient>, VaultError> {
        Self::recipients_in(self.db.conn())
    }

    /// Writes a wrapped key to a temp file beside `target` and proves it opens with `prover` before
    /// handing back the temp path; the caller commits it when the rest of its change is ready.
    fn write_proven_key(
        key: &DatabaseKey,
        recipients: &[x25519::Recipient],
        target: &std::path::Path,
        prover: &x25519::Identity,
    ) -> Result<std::path::PathBuf, VaultError> {
        let temp = atomic::write_temp(target, &keyfile::wrap_key(key, recipients))?;
        let proven = fs::read(&temp).ok().and_then(|b| keyfile::unwrap_key(&b, prover).ok());
        if proven.as_ref() != Some(key) {
            let _ = fs::remove_file(&temp);
            return Err(VaultError::Io(std::io::Error::other("the new key file did not read back correctly")));
        }
        Ok(temp)
    }

    /// Adds an admin with this name and passphrase: writes their key file, re-encrypts the database
    /// key to include them and records it in the audit trail. Returns the new admin's id (a UUID).
    /// Fails if the name or passphrase is refused.
    pub fn add_admin(&mut self, name: &str, passphrase: &SecretString) -> Result<String, VaultError> {
        let name = admins::validate_name(name).ok_or(VaultError::InvalidName)?;
        check_passphrase(passphrase, &[&name])?;
        let id = uuid::Uuid::new_v4().to_string();
        let identity = x25519::Identity::generate();
        let sealed = keyfile::seal_identity(&identity, passphrase);
        atomic::write_atomic(&self.paths.admin_file(&id), &sealed)?;
        let row = AdminRow { id: id.clone(), name, recipient: identity.to_public().to_string(), created_at: now() };
        let tx = self.db.conn_mut().transaction().map_err(StoreError::from)?;
        admins::insert(&tx, &row)?;
        audit::append(
            &tx,
            &self.actor,
            &Entry { action: "admin.added", subject_kind: "admin", subject_id: &id, detail: "" },
        )?;
        // The key file must include the new admin before the row commits: a crash in between
        // leaves an admin who cannot unlock yet, never a row that points at nothing.
        let recipients = Self::recipients_in(&tx)?;
        let temp = Self::write_proven_key(&self.key, &recipients, &self.paths.wrapped_key(), &identity)?;
        atomic::commit(&temp, &self.paths.wrapped_key())?;
        tx.commit().map_err(StoreError::from)?;
        // Submissions must now be sealed to the new admin too.
        self.note_station_changed();
        Ok(id)
    }

    fn recipients_in(conn: &rusqlite::Connection) -> Result<Vec<x25519::Recipient>, VaultError> {
        let leaving = get_meta(conn, ADMIN_LEAVING)?;
        let mut keys: Vec<String> = admins::active(conn)?
            .into_iter()
            .filter(|a| leaving.as_deref() != Some(a.id.as_str()))
            .map(|a| a.recipient)
            .collect();
        keys.push(
            get_meta(conn, "recovery_recipient")?.ok_or(VaultError::KeyFileDamaged { which: "recovery key record" })?,
        );
        keys.iter()
            .map(|k| x25519::Recipient::from_str(k).map_err(|_| VaultError::KeyFileDamaged { which: "admin list" }))
            .collect()
    }

    /// Removing an admin or rotating the key re-encrypts only the live records; the records kept
    /// aside by a restore would then open with nothing, and "Undo the restore" would lock everyone
    /// out. So both wait until the restore is kept or undone.
    fn refuse_while_restore_waits(&self) -> Result<(), VaultError> {
        if self.paths.before_restore().is_file() {
            return Err(VaultError::RestoreWaiting);
        }
        Ok(())
    }

    /// Removes an admin and rotates the database key, so that a copy of the old key file is no
    /// use to them.
    pub fn remove_admin(&mut self, id: &str) -> Result<(), VaultError> {
        self.remove_admin_with(id, || Ok(()))
    }

    /// `remove_admin`, with `between` run after the re-key and before the admin is marked
    /// removed (tests make it fail there). The admin is first recorded as leaving (so nothing
    /// wraps a key to them again and they cannot unlock), then a new key is wrapped without them
    /// and the database re-keyed, and only then are they marked removed. If anything fails on
    /// the way, every later unlock finishes the removal, and removing them again does too.
    fn remove_admin_with(
        &mut self,
        id: &str,
        between: impl FnOnce() -> Result<(), VaultError>,
    ) -> Result<(), VaultError> {
        self.refuse_while_restore_waits()?;
        if self.admin_id() == Some(id) {
            return Err(VaultError::RemoveSelf);
        }
        admins::find_active(self.db.conn(), id)?.ok_or(VaultError::AdminNotFound)?;
        if admins::active(self.db.conn())?.len() <= 1 {
            return Err(VaultError::LastAdmin);
        }
        set_meta(self.db.conn(), ADMIN_LEAVING, id)?;
        let remaining = self.recipients()?;
        self.rotate_key_to(&remaining)?;
        between()?;
        {
            let tx = self.db.conn_mut().transaction().map_err(StoreError::from)?;
            admins::mark_removed(&tx, id, &now())?;
            tx.execute("DELETE FROM meta WHERE key = ?1", [ADMIN_LEAVING]).map_err(StoreError::from)?;
            audit::append(
                &tx,
                &self.actor,
                &Entry { action: "admin.removed", subject_kind: "admin", subject_id: id, detail: "" },
            )?;
            tx.commit().map_err(StoreError::from)?;
        }
        let _ = fs::remove_file(self.paths.admin_file(id));
        atomic::sync_dir(&self.paths.admins_dir())?;
        // Submissions must no longer be sealed to the removed admin.
        self.note_station_changed();
        Ok(())
    }

    /// New database key for everyone who may open it today.
    pub fn rotate_key(&mut self) -> Result<(), VaultError> {
        self.refuse_while_restore_waits()?;
        let recipients = self.recipients()?;
        self.rotate_key_to(&recipients)
    }

    /// New database key: written to `dek.age.next`, then the database is rekeyed, then the new
    /// file replaces `dek.age`. A crash at any point leaves a pair that opens (see `open_with`).
    fn rotate_key_to(&mut self, recipients: &[x25519::Recipient]) -> Result<(), VaultError> {
        let next = DatabaseKey::generate();
        let temp = Self::write_proven_key(&next, recipients, &self.paths.wrapped_key_next(), &self.identity)?;
        atomic::commit(&temp, &self.paths.wrapped_key_next())?;
        if let Err(e) = self.db.rekey(&next) {
            // A re-key that failed part-way leaves the connection unsure which key it writes with:
            // start again from the file, which still holds the old key (its journal is rolled back
            // as it opens). The waiting key file is dealt with at the next unlock (see `open_with`).
            self.replace_database(|| Ok(()))?;
            return Err(e.into());
        }
        self.key = next;
        atomic::commit(&self.paths.wrapped_key_next(), &self.paths.wrapped_key())?;
        self.record(&Entry { action: "vault.keyRotated", subject_kind: "vault", subject_id: "", detail: "" })?;
        Ok(())
    }

    /// Sets a new passphrase for an admin: allowed for the admin themselves, or after unlocking
    /// with the recovery key. A fresh identity replaces the old one, so the old passphrase stops
    /// working at once. The session then continues as that admin.
    pub fn set_passphrase(&mut self, admin_id: &str, passphrase: &SecretString) -> Result<(), VaultError> {
        if !(self.is_recovery() || self.admin_id() == Some(admin_id)) {
            return Err(VaultError::NotAllowed);
        }
        let row = admins::find_active(self.db.conn(), admin_id)?.ok_or(VaultError::AdminNotFound)?;
        check_passphrase(passphrase, &[&row.name])?;
        let identity = x25519::Identity::generate();
        let new_recipient = identity.to_public().to_string();
        let sealed = keyfile::seal_identity(&identity, passphrase);
        let admin_temp = atomic::write_temp(&self.paths.admin_file(admin_id), &sealed)?;
        let detail = if self.is_recovery() { "recovery" } else { "self" };
        let tx = self.db.conn_mut().transaction().map_err(StoreError::from)?;
        admins::set_recipient(&tx, admin_id, &new_recipient)?;
        audit::append(
            &tx,
            &self.actor,
            &Entry { action: "admin.passphraseSet", subject_kind: "admin", subject_id: admin_id, detail },
        )?;
        let recipients = Self::recipients_in(&tx)?;
        let key_temp = Self::write_proven_key(&self.key, &recipients, &self.paths.wrapped_key(), &identity)
            .inspect_err(|_| {
                let _ = fs::remove_file(&admin_temp);
            })?;
        atomic::commit(&key_temp, &self.paths.wrapped_key())?;
        atomic::commit(&admin_temp, &self.paths.admin_file(admin_id))?;
        tx.commit().map_err(StoreError::from)?;
        self.identity = identity;
        self.actor = Actor::Admin(admin_id.to_owned());
        // The admin's new identity is a new recipient for submissions.
        self.note_station_changed();
        Ok(())
    }

    /// Notes that something the signing station shows has changed: the keys submissions are
    /// sealed to, or a record it lists. The manifest is out of date until `kiosk::refresh`
    /// publishes it again, which the desktop shell does before the command returns.
    pub fn note_station_changed(&mut self) {
        self.station_outdated = true;
    }

    /// Whether something the signing station shows has changed since it was last published.
    pub fn station_outdated(&self) -> bool {
        self.station_outdated
    }

    /// Called by `kiosk::refresh` once the station's manifest matches this session again.
    pub fn station_published(&mut self) {
        self.station_outdated = false;
    }

    /// Records the lock, folds the write-ahead log into the database and closes it. The key and
    /// identity are zeroized as `self` drops.
    /// The signing station's manifest is not written here: `kiosk::refresh::lock` publishes
    /// what is true at the lock, then calls this.
    pub fn lock(mut self, reason: &str) -> Result<(), VaultError> {
        let subject = self.admin_id().unwrap_or_default().to_owned();
        self.record(&Entry { action: "session.locked", subject_kind: "admin", subject_id: &subject, detail: reason })?;
        let UnlockedVault { db, .. } = self;
        db.close()?;
        Ok(())
    }
}

/// A Safekeeper admin key file is about 250 bytes; a file far bigger was not written by it and is
/// not read into memory.
pub const MAX_ADMIN_KEY_FILE_BYTES: u64 = 16 * 1024;
/// How many admin key files one unlock checks side by side (each check holds 256 MiB).
pub const ADMIN_KEY_FILES_AT_ONCE: usize = 4;
/// How many admin key files one unlock tries in all: far more admins than a small charity has.
pub const MAX_ADMIN_KEY_FILES: usize = 32;

/// (admin id, file bytes) for each admin key file worth trying.
type KeyFiles = Vec<(String, Vec<u8>)>;

/// The admin key files worth trying, oldest first, each with its bytes, and whether any file was
/// passed over as not one Safekeeper wrote (too big).
fn admin_key_files(paths: &VaultPaths) -> Result<(KeyFiles, bool), VaultError> {
    use std::io::Read;
    let mut found: Vec<(std::time::SystemTime, String, std::path::PathBuf)> = Vec::new();
    let mut passed_over = false;
    for entry in fs::read_dir(paths.admins_dir())? {
        let entry = entry?;
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("age") {
            continue;
        }
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        let meta = entry.metadata()?;
        if uuid::Uuid::parse_str(&id).is_err() || !meta.is_file() {
            continue;
        }
        if meta.len() > MAX_ADMIN_KEY_FILE_BYTES {
            passed_over = true;
            continue;
        }
        found.push((meta.modified().unwrap_or(std::time::UNIX_EPOCH), id, path));
    }
    found.sort();
    let mut files = Vec::with_capacity(found.len().min(MAX_ADMIN_KEY_FILES + 1));
    // One more than is tried, so the caller can tell that some were left out.
    for (_, id, path) in found.into_iter().take(MAX_ADMIN_KEY_FILES + 1) {
        let mut bytes = Vec::new();
        fs::File::open(&path)?.take(MAX_ADMIN_KEY_FILE_BYTES + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > MAX_ADMIN_KEY_FILE_BYTES {
            passed_over = true;
            continue;
        }
        files.push((id, bytes));
    }
    Ok((files, passed_over))
}

fn unwrap_file(path: &std::path::Path, identity: &x25519::Identity) -> Result<DatabaseKey, VaultError> {
    let bytes = fs::read(path)?;
    keyfile::unwrap_key(&bytes, identity).map_err(|e| match e {
        KeyFileError::NotForThisKey => VaultError::NotThisVault,
        _ => VaultError::KeyFileDamaged { which: "database key file (dek.age)" },
    })
}

/// The admin whose removal has begun and not yet finished, by id.
const ADMIN_LEAVING: &str = "admin_leaving";

fn set_meta(conn: &rusqlite::Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", [key, value])?;
    Ok(())
}

fn get_meta(conn: &rusqlite::Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

pub mod from_backup;
#[cfg(test)]
mod tests;
