use std::fs;

use age::x25519;

use super::chain::{self, ChainHead};
use super::envelope::{self, OpenFailure};
use super::*;
use crate::kiosk::manifest::{self, KioskManifest};
use crate::records::aup::{self, Audience, AupVersion};
use crate::records::test_db;
use crate::store::audit::Actor;
use crate::vault::VaultPaths;

pub(super) const PNG: &[u8] = b"\x89PNG\r\n\x1a\nfake-but-headed";

/// A locked signing station: a manifest naming one admin, and (for the ingest) the database that
/// admin would open, holding one published AUP.
pub(super) struct Station {
    pub _dir: tempfile::TempDir,
    pub paths: VaultPaths,
    pub admin: x25519::Identity,
    pub conn: rusqlite::Connection,
    pub version: AupVersion,
}

pub(super) fn admin() -> Actor {
    Actor::Admin("admin-1".into())
}

pub(super) fn station() -> Station {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = VaultPaths::new(dir.path().join("data"));
    fs::create_dir_all(paths.vault_dir()).expect("vault dir");
    let identity = x25519::Identity::generate();
    publish(&paths, "vault-1", &[&identity]);
    let mut conn = test_db();
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('vault_id', 'vault-1')", []).expect("vault id");
    let a = aup::create(
        &mut conn,
        &admin(),
        Audience::StaffVolunteers,
        &aup::template(Audience::StaffVolunteers, "R", "Sam Okafor"),
    )
    .expect("create");
    let version = aup::publish(&mut conn, &admin(), &a.id).expect("publish");
    Station { _dir: dir, paths, admin: identity, conn, version }
}

pub(super) fn publish(paths: &VaultPaths, vault_id: &str, recipients: &[&x25519::Identity]) {
    let m = KioskManifest {
        format: manifest::FORMAT,
        vault_id: vault_id.into(),
        org_name: "Test Trust".into(),
        demo_passphrase: None,
        recipients: recipients.iter().map(|i| i.to_public().to_string()).collect(),
        aups: Vec::new(),
        consent: None,
    };
    manifest::write_file(&paths.manifest(), &m).expect("manifest");
}

pub(super) fn signature(version: &AupVersion, name: &str) -> Submission {
    Submission::AupSignature(KioskAupSignature {
        aup_id: version.aup_id.clone(),
        version_hash: version.content_hash.clone(),
        typed_name: name.into(),
        person_hint: None,
        signed_at: "2025-03-01T10:15:00Z".into(),
        mark: KioskMark::Drawn { png: PNG.to_vec() },
        countersignature: None,
    })
}

pub(super) fn concern() -> KioskConcern {
    KioskConcern {
        what_happened: "A learner showed me messages from an adult asking to meet.".into(),
        happened_on: crate::dates::today(),
        happened_at_time: Some("15:40".into()),
        place: "Computer room, a gaming chat".into(),
        people_involved: "A learner in the Tuesday group".into(),
        own_words: Some("He said he was sixteen.".into()),
        done_so_far: Some("Took a screenshot.".into()),
        reporter_name: "Ada Pennington".into(),
        about_staff: false,
    }
}

/// The waiting `.age` files, oldest first.
pub(super) fn outbox_files(paths: &VaultPaths) -> Vec<std::path::PathBuf> {
    chain::list(&paths.outbox_dir()).expect("list").into_iter().map(|f| f.path).collect()
}

#[test]
fn submission_json_is_tagged_camel_case_with_the_drawing_as_base64() {
    let s = station();
    let mut sub = signature(&s.version, "Aisha Khan");
    let Submission::AupSignature(a) = &mut sub else { unreachable!("the fixture is an AUP signature") };
    a.countersignature = Some(KioskCountersignature {
        name: "Dana Turner".into(),
        mark: KioskMark::Typed { name: "Dana Turner".into() },
    });
    let json = serde_json::to_string(&sub).expect("json");
    assert!(json.contains(r#""kind":"aupSignature""#), "{json}");
    assert!(json.contains(r#""versionHash":""#) && json.contains(r#""typedName":"Aisha Khan""#), "{json}");
    // base64 of the PNG signature bytes, not a list of numbers.
    assert!(json.contains(r#""png":"iVBORw0KGgpmYWtlLWJ1dC1oZWFkZWQ=""#), "{json}");
    assert_eq!(serde_json::from_str::<Submission>(&json).expect("back"), sub);
}

#[test]
fn station_refuses_what_the_signer_can_fix_and_saves_nothing() {
    let s = station();
    let with = |f: &dyn Fn(&mut KioskAupSignature)| {
        let mut sub = signature(&s.version, "Aisha Khan");
        let Submission::AupSignature(a) = &mut sub else { unreachable!("the fixture is an AUP signature") };
        f(a);
        submit(&s.paths, &sub)
    };
    assert!(matches!(with(&|a| a.typed_name = "A. K.".into()), Err(OutboxError::BadTypedName)));
    assert!(matches!(with(&|a| a.mark = KioskMark::Drawn { png: b"GIF89a".to_vec() }), Err(OutboxError::BadMark)));
    assert!(matches!(with(&|a| a.signed_at = "yesterday".into()), Err(OutboxError::BadTime)));
    assert!(matches!(with(&|a| a.version_hash = "abc".into()), Err(OutboxError::UnknownPolicy)));
    assert!(matches!(
        with(&|a| a.countersignature =
            Some(KioskCountersignature { name: "Dana".into(), mark: KioskMark::Drawn { png: PNG.to_vec() } })),
        Err(OutboxError::BadCountersignature)
    ));
    assert!(outbox_files(&s.paths).is_empty());
    assert!(with(&|_| {}).is_ok());
    assert_eq!(outbox_files(&s.paths).len(), 1);
}

#[test]
fn without_a_manifest_the_station_saves_nothing() {
    let s = station();
    // As at a start-up before any admin has published in this run.
    manifest::forget_published(&s.paths.manifest());
    fs::remove_file(s.paths.manifest()).expect("remove manifest");
    assert!(matches!(submit(&s.paths, &signature(&s.version, "Aisha Khan")), Err(OutboxError::NotReady)));
    assert!(!s.paths.outbox_dir().exists());
}

#[test]
fn each_file_chains_to_the_bytes_of_the_one_before() {
    let s = station();
    let receipts: Vec<String> = ["Aisha Khan", "Ben Jones", "Cara Lee"]
        .iter()
        .map(|n| submit(&s.paths, &signature(&s.version, n)).expect("submit").number)
        .collect();
    let files = outbox_files(&s.paths);
    assert_eq!(files.len(), 3);
    let mut prev = ChainHead::genesis().hash;
    for (i, path) in files.iter().enumerate() {
        let bytes = fs::read(path).expect("read");
        let env = envelope::open(&bytes, &s.admin).expect("open");
        assert_eq!(env.seq, i as u64 + 1);
        assert_eq!(env.prev_hash, prev, "file {}", i + 1);
        assert_eq!(env.receipt, receipts[i]);
        assert_eq!(env.vault_id, "vault-1");
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        assert_eq!(chain::seq_in_name(&name), Some(i as u64 + 1), "{name}");
        prev = chain::hash_hex(&bytes);
    }
}

#[test]
fn a_submission_opens_for_its_recipients_only() {
    let s = station();
    submit(&s.paths, &signature(&s.version, "Aisha Khan")).expect("submit");
    let bytes = fs::read(&outbox_files(&s.paths)[0]).expect("read");
    assert!(envelope::open(&bytes, &s.admin).is_ok());
    assert_eq!(envelope::open(&bytes, &x25519::Identity::generate()), Err(OpenFailure::NotForThisKey));
    let mut flipped = bytes.clone();
    let at = flipped.len() - 10;
    flipped[at] ^= 0x01;
    assert_eq!(envelope::open(&flipped, &s.admin), Err(OpenFailure::Damaged));
}

#[test]
fn file_names_are_read_only_in_the_writers_shape() {
    let name = chain::file_name(42);
    assert_eq!(chain::seq_in_name(&name), Some(42));
    assert!(name.starts_with("00000042-"), "{name}");
    assert_eq!(chain::seq_in_name("123456789-6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b.age"), Some(123_456_789));
    assert_eq!(chain::seq_in_name("00000001-not-a-uuid.age"), None);
    assert_eq!(chain::seq_in_name("1-6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b.age"), None);
    assert_eq!(chain::seq_in_name("00000001-6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b.age.tmp"), None);
}

#[test]
fn the_writer_follows_the_head_past_an_older_leftover_file() {
    let s = station();
    submit(&s.paths, &signature(&s.version, "Aisha Khan")).expect("submit");
    let outbox = s.paths.outbox_dir();
    let leftover_hash = chain::hash_hex(&fs::read(&outbox_files(&s.paths)[0]).expect("read"));
    assert_eq!(chain::next_link(&outbox).expect("next"), (2, leftover_hash));
    let head = ChainHead { seq: 5, hash: "ab".repeat(32) };
    head.write_file(&outbox).expect("head");
    assert_eq!(chain::next_link(&outbox).expect("next"), (6, head.hash));
}

#[test]
fn the_stations_page_checks_concerns_against_the_same_limits() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/stationLimits.ts");
    let ts = fs::read_to_string(path).expect("ui/src/lib/stationLimits.ts");
    let joiner = submission::PEOPLE_INVOLVED.chars().count();
    for expected in [
        format!("MAX_CONCERN_PLACE = {};", submission::MAX_CONCERN_PLACE),
        format!("MAX_CONCERN_TEXT = {};", submission::MAX_CONCERN_TEXT),
        format!("PEOPLE_INVOLVED_JOINER_LENGTH = {joiner};"),
    ] {
        assert!(ts.contains(&expected), "stationLimits.ts has drifted from Rust: expected `{expected}`");
    }
}

/// The manifest a vault would publish for the station fixture, recorded in its database: the
/// staff AUP offered, the consent form, the one admin as recipient.
pub(super) fn publish_recorded(s: &mut Station) -> KioskManifest {
    let salt = manifest::new_token_salt();
    let mut aups = manifest::signing_options(&s.conn, &salt).expect("options");
    if aups.is_empty() {
        aup::set_kiosk_published(&mut s.conn, &admin(), &s.version.aup_id, true).expect("show");
        aups = manifest::signing_options(&s.conn, &salt).expect("options");
    }
    let m = KioskManifest {
        format: manifest::FORMAT,
        vault_id: "vault-1".into(),
        org_name: "Test Trust".into(),
        demo_passphrase: None,
        recipients: vec![s.admin.to_public().to_string()],
        aups,
        consent: Some(manifest::consent_form(&s.conn).expect("form")),
    };
    manifest::publish(&s.conn, &s.paths.manifest(), &m, &salt).expect("publish");
    m
}

fn tamper(paths: &VaultPaths, change: impl FnOnce(&mut serde_json::Value)) {
    let mut json: serde_json::Value = serde_json::from_slice(&fs::read(paths.manifest()).expect("read")).expect("json");
    change(&mut json);
    fs::write(paths.manifest(), serde_json::to_vec_pretty(&json).expect("json")).expect("write");
}

/// After a restart nothing is in memory, so a changed manifest cannot be ignored: the station
/// seals under it, and the next unlock names every submission sealed that way.
#[test]
fn after_a_restart_submissions_sealed_under_a_changed_manifest_are_named_at_unlock() {
    let mut s = station();
    publish_recorded(&mut s);
    manifest::forget_published(&s.paths.manifest());
    let intruder = x25519::Identity::generate();
    tamper(&s.paths, |m| m["recipients"].as_array_mut().expect("list").push(intruder.to_public().to_string().into()));
    let receipt = submit(&s.paths, &Submission::Concern(concern())).expect("reported").number;

    assert!(manifest::changed_since_published(&s.conn, &s.paths.manifest()).expect("check"));
    let report = read_outbox(&s.paths, &s.admin).expect("read").ingest(&mut s.conn, &admin()).expect("ingest");
    assert_eq!(report.ingested, 1, "what the person handed in is still recorded");
    let kinds: Vec<ProblemKind> = report.problems.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, vec![ProblemKind::UnknownManifest, ProblemKind::ExtraRecipients]);
    assert!(report.problems.iter().all(|p| p.receipt.as_deref() == Some(receipt.as_str())));
}

#[test]
fn a_file_sealed_as_the_vault_published_raises_nothing() {
    let mut s = station();
    publish_recorded(&mut s);
    manifest::forget_published(&s.paths.manifest());
    submit(&s.paths, &Submission::Concern(concern())).expect("reported");
    assert!(!manifest::changed_since_published(&s.conn, &s.paths.manifest()).expect("check"));
    let report = read_outbox(&s.paths, &s.admin).expect("read").ingest(&mut s.conn, &admin()).expect("ingest");
    assert_eq!(report.problems, vec![]);
}

#[test]
fn the_station_never_shows_words_whose_hash_does_not_match() {
    let mut s = station();
    publish_recorded(&mut s);
    manifest::forget_published(&s.paths.manifest());
    assert_eq!(crate::kiosk::station::signing_options(&s.paths).len(), 1);
    assert!(crate::kiosk::station::consent_form(&s.paths).is_some());
    tamper(&s.paths, |m| {
        m["aups"][0]["content"]["rules"][0] = "I may share my password with anyone who asks.".into();
        m["consent"]["recallWarning"] = "Images can always be taken back.".into();
    });
    assert!(crate::kiosk::station::signing_options(&s.paths).is_empty(), "changed AUP words are not offered");
    assert!(crate::kiosk::station::consent_form(&s.paths).is_none(), "changed consent words are not offered");
}

#[test]
fn a_consent_given_on_words_the_vault_did_not_publish_is_kept_not_recorded() {
    let mut s = station();
    publish_recorded(&mut s);
    let sub = Submission::ImageConsent(KioskImageConsent {
        about_name: "Ruby Fenwick".into(),
        person_hint: None,
        giver: crate::records::consent::Giver::ParentCarer,
        giver_name: "Laura Fenwick".into(),
        relationship: Some("Mother".into()),
        parental_responsibility: true,
        answers: vec![crate::records::consent::UseAnswer { use_key: "website".into(), allowed: true }],
        name_with_image: false,
        form_version: crate::records::consent::wording::FORM_VERSION.into(),
        form_hash: Some("0".repeat(64)),
        withdraw_all: false,
        signed_at: now_utc(),
        mark: KioskMark::Typed { name: "Laura Fenwick".into() },
    });
    submit(&s.paths, &sub).expect("sealed");
    let report = read_outbox(&s.paths, &s.admin).expect("read").ingest(&mut s.conn, &admin()).expect("ingest");
    assert_eq!(report.ingested, 0);
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].kind, ProblemKind::Rejected);
    assert!(report.problems[0].message.contains("does not match the one this vault published"));
}

#[test]
fn while_running_a_deleted_manifest_does_not_stop_the_station() {
    let s = station();
    fs::remove_file(s.paths.manifest()).expect("remove manifest");
    assert!(submit(&s.paths, &signature(&s.version, "Aisha Khan")).is_ok(), "this run's manifest is in memory");
}
