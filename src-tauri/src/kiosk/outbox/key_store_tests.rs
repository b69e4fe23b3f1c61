//! The signing station at a start before any admin has unlocked, with the operating system's key
//! store vouching for the manifest (an in-memory one here; see `manifest::key_store::testing`).

use std::fs;

use age::x25519;

use super::tests::{admin, concern, outbox_files, publish_recorded, signature, station, Station};
use super::*;
use crate::kiosk::manifest::key_store::testing as key_store;
use crate::kiosk::manifest::{self, StationManifest};
use crate::kiosk::station as kiosk_station;

/// A station whose laptop has a key store, with the manifest the vault published.
fn station_with_key_store() -> (Station, String) {
    let mut s = station();
    key_store::make_available(&s.paths.manifest());
    publish_recorded(&mut s);
    let hash = manifest::current(&s.paths.manifest()).expect("published").1;
    (s, hash)
}

fn add_recipient(s: &Station, intruder: &x25519::Identity) {
    let mut json: serde_json::Value =
        serde_json::from_slice(&fs::read(s.paths.manifest()).expect("read")).expect("json");
    json["recipients"].as_array_mut().expect("list").push(intruder.to_public().to_string().into());
    fs::write(s.paths.manifest(), serde_json::to_vec_pretty(&json).expect("json")).expect("write");
}

#[test]
fn publishing_keeps_the_manifests_hash_in_the_key_store() {
    let (s, hash) = station_with_key_store();
    assert_eq!(key_store::entry(&s.paths.manifest()), Some(hash.clone()));
    assert_eq!(hash, manifest::hash_hex(&fs::read(s.paths.manifest()).expect("read")), "the hash of the file written");
}

#[test]
fn an_unchanged_manifest_is_trusted_after_a_restart() {
    let (s, hash) = station_with_key_store();
    manifest::forget_published(&s.paths.manifest());
    assert!(matches!(manifest::station_manifest(&s.paths.manifest()), StationManifest::Usable(_, h) if h == hash));
    submit(&s.paths, &Submission::Concern(concern())).expect("reported");
    assert_eq!(outbox_files(&s.paths).len(), 1);
    assert!(!manifest::changed_since_published(&s.conn, &s.paths.manifest()).expect("check"));
}

#[test]
fn a_manifest_changed_while_closed_is_refused_until_an_unlock_rewrites_it() {
    let (mut s, _) = station_with_key_store();
    manifest::forget_published(&s.paths.manifest());
    let mut json: serde_json::Value =
        serde_json::from_slice(&fs::read(s.paths.manifest()).expect("read")).expect("json");
    json["orgName"] = "Someone Else's Trust".into();
    fs::write(s.paths.manifest(), serde_json::to_vec_pretty(&json).expect("json")).expect("write");

    assert_eq!(manifest::station_manifest(&s.paths.manifest()), StationManifest::ChangedOutside);
    assert!(manifest::changed_outside(&s.paths.manifest()));
    assert!(manifest::read(&s.paths.manifest()).is_none(), "none of its words are shown");
    assert!(kiosk_station::signing_options(&s.paths).is_empty());
    assert!(kiosk_station::consent_form(&s.paths).is_none());
    assert!(matches!(submit(&s.paths, &signature(&s.version, "Aisha Khan")), Err(OutboxError::ManifestChangedOutside)));
    assert!(outbox_files(&s.paths).is_empty());
    assert_eq!(OutboxError::ManifestChangedOutside.code(), "outbox.manifestChangedOutside");

    // The next unlock is told, once, and writes the manifest again.
    assert!(manifest::changed_since_published(&s.conn, &s.paths.manifest()).expect("check"));
    publish_recorded(&mut s);
    assert!(!manifest::changed_since_published(&s.conn, &s.paths.manifest()).expect("check"));
    submit(&s.paths, &Submission::Concern(concern())).expect("reported after the rewrite");
    // And the key store vouches for the rewritten file at the next start.
    manifest::forget_published(&s.paths.manifest());
    assert!(matches!(manifest::station_manifest(&s.paths.manifest()), StationManifest::Usable(..)));
    submit(&s.paths, &Submission::Concern(concern())).expect("reported after a restart");
    assert_eq!(outbox_files(&s.paths).len(), 2);
}

/// The attack from the trust review: with the app closed, one extra age recipient appended to
/// kiosk.json; then a concern reported at the station after the next start.
#[test]
fn an_extra_recipient_added_while_the_app_was_closed_is_not_sealed_to_at_the_next_start() {
    let (s, _) = station_with_key_store();
    manifest::forget_published(&s.paths.manifest());
    let intruder = x25519::Identity::generate();
    add_recipient(&s, &intruder);

    let reported = submit(&s.paths, &Submission::Concern(concern()));
    assert!(matches!(reported, Err(OutboxError::ManifestChangedOutside)), "got {reported:?}");
    assert!(outbox_files(&s.paths).is_empty(), "nothing was sealed, to the intruder or anyone");
    assert!(manifest::changed_since_published(&s.conn, &s.paths.manifest()).expect("check"));
}

#[test]
fn without_a_key_store_entry_the_changed_file_is_used_and_named_at_unlock() {
    // A key store that has never heard of this manifest: as on a laptop that gained one since the
    // last publish. The station behaves as it does with no key store at all.
    let mut s = station();
    publish_recorded(&mut s);
    key_store::make_available(&s.paths.manifest());
    assert_eq!(key_store::entry(&s.paths.manifest()), None);
    manifest::forget_published(&s.paths.manifest());
    let intruder = x25519::Identity::generate();
    add_recipient(&s, &intruder);

    let receipt = submit(&s.paths, &Submission::Concern(concern())).expect("reported").number;
    assert!(manifest::changed_since_published(&s.conn, &s.paths.manifest()).expect("check"));
    let report = read_outbox(&s.paths, &s.admin).expect("read").ingest(&mut s.conn, &admin()).expect("ingest");
    let kinds: Vec<ProblemKind> = report.problems.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, vec![ProblemKind::UnknownManifest, ProblemKind::ExtraRecipients]);
    assert!(report.problems.iter().all(|p| p.receipt.as_deref() == Some(receipt.as_str())));
}

#[test]
fn a_demo_manifest_leaves_nothing_in_the_key_store() {
    // The demo's folder is new at every start and deleted at exit, so no later start could use it.
    let s = station();
    key_store::make_available(&s.paths.manifest());
    let mut demo = manifest::read(&s.paths.manifest()).expect("published");
    demo.demo_passphrase = Some("otter lantern quiet meadow".into());
    manifest::write_file(&s.paths.manifest(), &demo).expect("written");
    assert_eq!(key_store::entry(&s.paths.manifest()), None);

    demo.demo_passphrase = None;
    let hash = manifest::write_file(&s.paths.manifest(), &demo).expect("written");
    assert_eq!(key_store::entry(&s.paths.manifest()), Some(hash), "a real vault's manifest is kept");
}
