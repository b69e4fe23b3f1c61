//! The kiosk manifest: the plain, non-secret facts the locked home shows (the organisation's name,
//! whether this is a demo, the AUPs offered for signing and the names the admin chose to list) and
//! the public keys that kiosk submissions are encrypted to.
//! Written by an unlocked admin session; read while locked. It holds display names only when an
//! admin ticked "show on the signing station" for that person, and never anything else about them:
//! each listed person is a token that only the vault can map back, new with every manifest.
//!
//! The file is plain and anyone with access to the folder could change it, so it is not trusted:
//! - while the app runs, the station uses the manifest this run published (kept in memory) and
//!   ignores a file changed underneath it, noting the change for the next unlock;
//! - at a start before any admin has unlocked, the station asks the operating system's key store
//!   (see `key_store`) for the hash of the manifest Safekeeper last wrote, and refuses a file that
//!   differs; without a key store it uses the file and its submissions name it for the next unlock;
//! - the vault records every manifest it publishes (hash, recipients, consent form hash, token
//!   salt) and compares the file with the newest record at every unlock;
//! - every submission names the manifest it was sealed under, and the station re-hashes every
//!   AUP and consent text before showing it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use hmac::{Hmac, Mac};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::records::aup::{self, Audience, AupContent, AupError};
use crate::records::consent::{self, wording, wording::UseWording, ConsentError};
use crate::records::people::PersonGroup;
use crate::vault::atomic;

pub mod key_store;
mod names;

use names::{told_apart, Listed};

/// Format 2: people are tokens, the consent form carries its hash.
pub const FORMAT: u32 = 2;
/// How many published manifests the vault remembers: enough for any submission still waiting.
const KEEP_PUBLISHED: i64 = 20;

/// What the locked home may show and whom submissions are encrypted to, written as
/// `vault/kiosk.json` by each unlocked session. Holds no secrets; people appear only as tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskManifest {
    /// The manifest's layout version; this build writes `FORMAT`.
    pub format: u32,
    /// The vault's id (a UUID), so a submission can say which vault it was made for.
    pub vault_id: String,
    /// The organisation's name, shown on the locked home.
    pub org_name: String,
    /// Only a throwaway demo vault has one; it is shown on the unlock screen.
    pub demo_passphrase: Option<String>,
    /// age X25519 public keys (admins and the recovery key).
    pub recipients: Vec<String>,
    /// The AUPs offered for signing: each one's current published version, in full.
    #[serde(default)]
    pub aups: Vec<KioskAup>,
    /// The image consent form; absent in manifests written before consent existed.
    #[serde(default)]
    pub consent: Option<KioskConsentForm>,
}

/// The image consent form as the signing station shows it: the words, the uses it asks about
/// (each social media account separately) and the age rule, all written by an unlocked admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskConsentForm {
    /// Which wording of the form this is (such as `Image consent form 2026-1`), stored with each consent.
    pub form_version: String,
    /// The opening paragraph: why images are taken and that saying no stops no one taking part.
    pub introduction: String,
    /// Each use the form asks yes or no about, in order.
    pub uses: Vec<UseWording>,
    /// The question whether the person's first name may be shown beside their image.
    pub name_question: String,
    /// Why the organisation recommends answering no to the name question.
    pub name_explanation: String,
    /// The warning that an image already printed or shared cannot always be taken back.
    pub recall_warning: String,
    /// How consent can be withdrawn later.
    pub how_to_withdraw: String,
    /// The organisation's rule in words.
    pub age_rule: String,
    /// The age from which a young person may consent for themselves.
    #[serde(default = "usual_own_age")]
    pub own_consent_age: u32,
    /// Hex SHA-256 of everything above, so the station can tell the words were not changed.
    #[serde(default)]
    pub form_hash: String,
}

impl KioskConsentForm {
    /// The hash over every field but the hash itself.
    pub fn computed_hash(&self) -> String {
        let unhashed = KioskConsentForm { form_hash: String::new(), ..self.clone() };
        hash_hex(serde_json::to_string(&unhashed).expect("a consent form serialises").as_bytes())
    }

    /// Whether the words are the ones the vault hashed.
    pub fn is_intact(&self) -> bool {
        self.form_hash == self.computed_hash()
    }
}

fn usual_own_age() -> u32 {
    16
}

/// The consent form as the organisation has it set up now.
pub fn consent_form(conn: &Connection) -> Result<KioskConsentForm, ConsentError> {
    let settings = consent::consent_settings(conn)?;
    let accounts: Vec<(String, String)> =
        settings.social_accounts.into_iter().filter(|a| !a.retired).map(|a| (a.id, a.name)).collect();
    let age = settings.own_consent_age;
    let age_rule = if age >= 18 {
        "If the person is under 18, a parent or carer with parental responsibility must fill in this form.".to_owned()
    } else {
        format!(
            "If the person is under {age}, a parent or carer with parental responsibility must fill in this form. From {age} to 17 a young person may fill it in themselves; a member of staff will check they understand what they are agreeing to."
        )
    };
    let mut form = KioskConsentForm {
        form_version: wording::FORM_VERSION.to_owned(),
        introduction: wording::INTRODUCTION.to_owned(),
        uses: wording::all_uses(&accounts),
        name_question: wording::NAME_QUESTION.to_owned(),
        name_explanation: wording::NAME_EXPLANATION.to_owned(),
        recall_warning: wording::RECALL_WARNING.to_owned(),
        how_to_withdraw: wording::HOW_TO_WITHDRAW.to_owned(),
        age_rule,
        own_consent_age: age,
        form_hash: String::new(),
    };
    form.form_hash = form.computed_hash();
    Ok(form)
}

/// One AUP as the signing station shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskAup {
    /// The AUP's id (a UUID).
    pub aup_id: String,
    /// Who the AUP is for, which decides who is listed to sign it.
    pub audience: Audience,
    /// The published version's number, as printed on the AUP.
    #[ts(type = "number")]
    pub version_number: i64,
    /// What a submission names, so a signature always points at the exact words shown.
    pub version_hash: String,
    /// The AUP's words as published.
    pub content: AupContent,
    /// The listed people expected to sign this AUP, by display name, so they can pick theirs.
    pub signers: Vec<KioskPerson>,
}

impl KioskAup {
    /// Whether the words are the ones the vault published under `version_hash`.
    pub fn is_intact(&self) -> bool {
        aup::content_hash(&self.content.canonical_json()) == self.version_hash
    }
}

/// A name someone can pick at the signing station. The token only travels back inside an
/// encrypted submission, as a hint the admin sees when confirming who signed; only the vault can
/// tell whose it is, and it changes with every manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskPerson {
    /// Stands for one person in this manifest only: hex of an HMAC of their id under the manifest's
    /// salt, so it cannot be traced back without the vault.
    pub token: String,
    /// Unique on this list: two people who would show the same are told apart.
    pub display_name: String,
}

/// The token that stands for `person_id` in the manifest made with `salt`.
pub fn person_token(salt: &str, person_id: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(salt.as_bytes()).expect("HMAC-SHA256 accepts a key of any length");
    mac.update(person_id.as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..10])
}

/// The AUPs an admin chose to show on the signing station, each at its current published version,
/// with the listed active people of its audience as tokens made with `salt`.
pub fn signing_options(conn: &Connection, salt: &str) -> Result<Vec<KioskAup>, AupError> {
    let mut out = Vec::new();
    for listed in aup::list(conn)?.into_iter().filter(|a| a.kiosk_published) {
        let Some(current) = aup::current_version(conn, &listed.id)? else { continue };
        out.push(KioskAup {
            aup_id: listed.id,
            audience: listed.audience,
            version_number: current.number,
            version_hash: current.content_hash,
            content: current.content,
            signers: listed_people(conn, listed.audience.groups(), salt)?,
        });
    }
    Ok(out)
}

fn listed_people(conn: &Connection, groups: &[PersonGroup], salt: &str) -> Result<Vec<KioskPerson>, AupError> {
    let mut stmt = conn.prepare_cached(
        // In the order they were added, so that people still alike after every other way of
        // telling them apart keep the same number from one manifest to the next.
        "SELECT id, full_name, preferred_name, person_group, start_date, created_at FROM people
         WHERE kiosk_listed = 1 AND archived_at IS NULL
         ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        let Some(group) = PersonGroup::from_stored(&r.get::<_, String>(3)?) else { return Ok(None) };
        Ok(Some(Listed {
            id: r.get(0)?,
            full_name: r.get(1)?,
            preferred: r.get(2)?,
            group,
            start_date: r.get::<_, Option<String>>(4)?.and_then(|d| d.parse().ok()),
            added: r.get::<_, String>(5)?.get(..10).and_then(|d| d.parse().ok()),
        }))
    })?;
    let mut listed = Vec::new();
    for row in rows {
        if let Some(person) = row?.filter(|p| groups.contains(&p.group)) {
            listed.push(person);
        }
    }
    let labels = told_apart(&listed);
    let mut people: Vec<KioskPerson> = listed
        .iter()
        .zip(labels)
        .map(|(p, display_name)| KioskPerson { token: person_token(salt, &p.id), display_name })
        .collect();
    people.sort_by_cached_key(|p| (p.display_name.to_lowercase(), p.token.clone()));
    Ok(people)
}

/// Hex SHA-256, as the manifest's hash and the consent form's are written.
pub fn hash_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A fresh salt for one manifest's tokens.
pub fn new_token_salt() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// The manifest this run published, which the station trusts over the file.
struct Published {
    hash: String,
    manifest: KioskManifest,
}

/// What this run knows about one manifest path.
#[derive(Default)]
struct Station {
    published: Option<Published>,
    /// The station found the file changed underneath it, or changed from what the key store says
    /// was published; read and cleared by the next unlock, which tells the admin.
    changed_underneath: bool,
}

/// By the file's path: one vault's manifest, or a demo's beside it.
static STATIONS: Mutex<Option<HashMap<PathBuf, Station>>> = Mutex::new(None);

fn stations() -> std::sync::MutexGuard<'static, Option<HashMap<PathBuf, Station>>> {
    STATIONS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What the key store said at this run's first look at each path, asked once: its answer cannot
/// change while the app runs except by this run's own publishing, which the station trusts anyway.
static VOUCHED: Mutex<Option<HashMap<PathBuf, key_store::Vouch>>> = Mutex::new(None);

fn vouched(path: &Path) -> key_store::Vouch {
    // Held while asking, so two screens starting together ask the key store only once.
    let mut all = VOUCHED.lock().unwrap_or_else(PoisonError::into_inner);
    all.get_or_insert_with(HashMap::new).entry(path.to_owned()).or_insert_with(|| key_store::vouch(path)).clone()
}

/// Writes the manifest file and remembers it for this run, and keeps its hash in the operating
/// system's key store where there is one. Returns the file's hash.
pub fn write_file(path: &Path, manifest: &KioskManifest) -> std::io::Result<String> {
    let json = serde_json::to_vec_pretty(manifest).map_err(std::io::Error::other)?;
    atomic::write_atomic(path, &json)?;
    let hash = hash_hex(&json);
    stations().get_or_insert_with(HashMap::new).entry(path.to_owned()).or_default().published =
        Some(Published { hash: hash.clone(), manifest: manifest.clone() });
    // A demo vault's folder is new at every start and gone at exit: there is no later start for
    // the key store to vouch for, so it is left out rather than filling the key store with entries.
    if manifest.demo_passphrase.is_none() && key_store::record(path, &hash).is_err() {
        // Publishing goes on: the next start without an admin marks its submissions instead.
        // Said once per run: every later publish would only repeat it.
        static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if !SAID.swap(true, std::sync::atomic::Ordering::Relaxed) {
            eprintln!(
                "safekeeper: key store unavailable; the signing station's manifest is checked at the next unlock"
            );
        }
    }
    Ok(hash)
}

/// Publishes `manifest` made with `token_salt`: writes the file, remembers it for this run, and
/// records what was published in the vault, keeping the most recent records.
pub fn publish(
    conn: &Connection,
    path: &Path,
    manifest: &KioskManifest,
    token_salt: &str,
) -> Result<String, ManifestError> {
    let hash = write_file(path, manifest).map_err(ManifestError::Write)?;
    let recipients = serde_json::to_string(&manifest.recipients).expect("a list of strings serialises");
    let consent_hash = manifest.consent.as_ref().map(|c| c.form_hash.clone());
    conn.execute(
        "INSERT OR REPLACE INTO kiosk_manifests (hash, token_salt, recipients, consent_hash, published_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![hash, token_salt, recipients, consent_hash, crate::kiosk::outbox::now_utc()],
    )?;
    conn.execute(
        "DELETE FROM kiosk_manifests WHERE rowid NOT IN (SELECT rowid FROM kiosk_manifests ORDER BY rowid DESC LIMIT ?1)",
        [KEEP_PUBLISHED],
    )?;
    Ok(hash)
}

/// Why a manifest could not be published.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// The manifest file could not be written.
    #[error("The signing station's list could not be written ({0}).")]
    Write(std::io::Error),
    /// The database refused or failed while recording the manifest.
    #[error(transparent)]
    Store(#[from] rusqlite::Error),
}

/// What the vault recorded when it published one manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedRecord {
    /// Hex SHA-256 of the manifest file as written.
    pub hash: String,
    /// The salt the manifest's person tokens were made with, so a token in a submission can be
    /// matched back to a person.
    pub token_salt: String,
    /// The age X25519 public keys (`age1…`) the manifest told the station to encrypt to.
    pub recipients: Vec<String>,
    /// The consent form's `form_hash`; `None` when the manifest had no consent form.
    pub consent_hash: Option<String>,
}

/// The record of the manifest with this hash, if the vault published it recently.
pub fn published_record(conn: &Connection, hash: &str) -> rusqlite::Result<Option<PublishedRecord>> {
    conn.query_row(
        "SELECT hash, token_salt, recipients, consent_hash FROM kiosk_manifests WHERE hash = ?1",
        [hash],
        record_from_row,
    )
    .optional()
}

/// The newest record, if the vault has published since records began.
pub fn newest_record(conn: &Connection) -> rusqlite::Result<Option<PublishedRecord>> {
    conn.query_row(
        "SELECT hash, token_salt, recipients, consent_hash FROM kiosk_manifests ORDER BY rowid DESC LIMIT 1",
        [],
        record_from_row,
    )
    .optional()
}

fn record_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<PublishedRecord> {
    Ok(PublishedRecord {
        hash: r.get(0)?,
        token_salt: r.get(1)?,
        recipients: serde_json::from_str(&r.get::<_, String>(2)?).unwrap_or_default(),
        consent_hash: r.get(3)?,
    })
}

/// Whether the manifest file is the one the vault last published; `false` also when this run's
/// station found it changed underneath it (which this call clears). Called at unlock.
pub fn changed_since_published(conn: &Connection, path: &Path) -> rusqlite::Result<bool> {
    let seen_by_station = stations()
        .as_mut()
        .and_then(|all| all.get_mut(path))
        .is_some_and(|s| std::mem::replace(&mut s.changed_underneath, false));
    let Some(newest) = newest_record(conn)? else { return Ok(seen_by_station) };
    let on_disk = match read_capped(path) {
        OnDisk::Read(bytes) => Some(hash_hex(&bytes)),
        OnDisk::Missing | OnDisk::Unreadable => None,
    };
    Ok(seen_by_station || on_disk.as_deref() != Some(newest.hash.as_str()))
}

/// The person a token stands for in the manifest with `manifest_hash`: `None` when the manifest
/// is not one the vault remembers, or the token is nobody's.
pub fn person_for_token(conn: &Connection, manifest_hash: &str, token: &str) -> rusqlite::Result<Option<String>> {
    let Some(record) = published_record(conn, manifest_hash)? else { return Ok(None) };
    let mut stmt = conn.prepare_cached("SELECT id FROM people")?;
    let ids = stmt.query_map([], |r| r.get::<_, String>(0))?;
    for id in ids {
        let id = id?;
        if person_token(&record.token_salt, &id) == token {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// A manifest holds a few AUPs and a list of names; a file far bigger was not written by Safekeeper
/// and is not read into memory.
pub const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;

/// What is on the disk where the manifest should be.
enum OnDisk {
    /// No file: no admin has unlocked since the vault was made (or it was removed).
    Missing,
    /// A file that cannot be read, or one far bigger than Safekeeper writes.
    Unreadable,
    /// The file's bytes.
    Read(Vec<u8>),
}

fn read_capped(path: &Path) -> OnDisk {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return OnDisk::Missing,
        Err(_) => return OnDisk::Unreadable,
    };
    let mut bytes = Vec::new();
    match file.by_ref().take(MAX_MANIFEST_BYTES + 1).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 <= MAX_MANIFEST_BYTES => OnDisk::Read(bytes),
        _ => OnDisk::Unreadable,
    }
}

/// Whether a manifest read from the file is one Safekeeper could have written: a format this
/// build knows, a vault id and recipients that are all age X25519 public keys.
fn well_formed(manifest: &KioskManifest) -> bool {
    use std::str::FromStr;
    (1..=FORMAT).contains(&manifest.format)
        && !manifest.vault_id.is_empty()
        && !manifest.recipients.is_empty()
        && manifest.recipients.iter().all(|r| age::x25519::Recipient::from_str(r).is_ok())
}

/// What the signing station may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StationManifest {
    /// The manifest and its hash: the one this run published, or the file when the key store
    /// vouches for it, or (with no key store to ask) the file as it is, which the next unlock
    /// checks through the hash every submission carries.
    Usable(Box<KioskManifest>, String),
    /// The file is not the one Safekeeper last wrote, by the key store's word. Nothing is sealed
    /// to its recipients and none of its words are shown until an admin unlocks.
    ChangedOutside,
    /// No manifest file: no admin has unlocked since the vault was made.
    Missing,
    /// A file is there but it is not a manifest Safekeeper could have written: empty, cut short,
    /// changed into something else, or far too large. The next unlock writes it again.
    Damaged,
}

/// The manifest the signing station may use: the one this run published when there is one (a
/// file changed underneath it is ignored, and the change noted for the next unlock); otherwise the
/// file, unless the operating system's key store says Safekeeper last wrote something else.
pub fn station_manifest(path: &Path) -> StationManifest {
    let on_disk = match read_capped(path) {
        OnDisk::Read(bytes) => Some(bytes),
        OnDisk::Missing => None,
        OnDisk::Unreadable => Some(Vec::new()),
    };
    let on_disk_hash = on_disk.as_deref().filter(|b| !b.is_empty()).map(hash_hex);
    if let Some(s) = stations().as_mut().and_then(|all| all.get_mut(path)) {
        if let Some(p) = &s.published {
            let usable = StationManifest::Usable(Box::new(p.manifest.clone()), p.hash.clone());
            if on_disk_hash.as_deref() != Some(p.hash.as_str()) {
                s.changed_underneath = true;
            }
            return usable;
        }
    }
    let Some(bytes) = on_disk else { return StationManifest::Missing };
    let Some(hash) = on_disk_hash else { return StationManifest::Damaged };
    if let key_store::Vouch::Published(vouched) = vouched(path) {
        if vouched != hash {
            stations().get_or_insert_with(HashMap::new).entry(path.to_owned()).or_default().changed_underneath = true;
            return StationManifest::ChangedOutside;
        }
    }
    match serde_json::from_slice::<KioskManifest>(&bytes) {
        Ok(manifest) if well_formed(&manifest) => StationManifest::Usable(Box::new(manifest), hash),
        _ => StationManifest::Damaged,
    }
}

/// The manifest the signing station may use, with its hash; `None` when there is none it may
/// use. See `station_manifest`.
pub fn current(path: &Path) -> Option<(KioskManifest, String)> {
    match station_manifest(path) {
        StationManifest::Usable(manifest, hash) => Some((*manifest, hash)),
        StationManifest::ChangedOutside | StationManifest::Missing | StationManifest::Damaged => None,
    }
}

/// The trusted manifest without its hash; see `current`.
pub fn read(path: &Path) -> Option<KioskManifest> {
    current(path).map(|(m, _)| m)
}

/// Whether the station refuses the manifest file because it was changed outside Safekeeper.
pub fn changed_outside(path: &Path) -> bool {
    station_manifest(path) == StationManifest::ChangedOutside
}

/// Forgets what this run published for `path` and what the key store said, as a restart of the
/// app would.
#[cfg(test)]
pub fn forget_published(path: &Path) {
    if let Some(all) = stations().as_mut() {
        all.remove(path);
    }
    if let Some(all) = VOUCHED.lock().unwrap_or_else(PoisonError::into_inner).as_mut() {
        all.remove(path);
    }
}
