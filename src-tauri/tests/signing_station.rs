//! The signing station end to end on a real vault: what an admin publishes is what the locked home
//! offers (and nothing more), a signature handed in while locked arrives at the next unlock with
//! the picked name as a hint, whatever the station is sent is checked against the manifest, and a
//! concern reported while locked arrives as a self-declared incident.

mod common;

use chrono::NaiveDate;
use common::*;
use safekeeper::kiosk::outbox::{self, KioskConcern, KioskCountersignature, KioskMark, OutboxError};
use safekeeper::kiosk::refresh;
use safekeeper::kiosk::station::{self, KioskSignInput};
use safekeeper::records::aup::{self, Audience, AupContent};
use safekeeper::records::incidents::{self, Category, EntryBody, IncidentFilter, IncidentSource};
use safekeeper::records::people::{self, PersonDraft, PersonGroup};
use safekeeper::records::signatures;
use safekeeper::vault::{UnlockedVault, VaultPaths};

struct Org {
    v: TestVault,
    staff_aup: String,
    listed: String,
}

fn draft(group: PersonGroup, name: &str, preferred: Option<&str>) -> PersonDraft {
    PersonDraft {
        group,
        full_name: name.into(),
        preferred_name: preferred.map(Into::into),
        date_of_birth: (group == PersonGroup::YoungPerson).then(|| NaiveDate::from_ymd_opt(2011, 4, 9).expect("date")),
        start_date: None,
        leave_date: None,
        email: None,
        phone: None,
    }
}

/// A vault whose staff AUP is published and shown on the signing station, with one listed member
/// of staff, one unlisted, one listed leaver and one listed young person.
fn org() -> Org {
    let v = new_vault();
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let actor = vault.actor().clone();
    let conn = vault.db_mut().conn_mut();
    let mut add = |group, name, preferred, listed: bool| {
        let id = people::add(conn, &actor, &draft(group, name, preferred)).expect("add").id;
        if listed {
            people::set_kiosk_listed(conn, &actor, &id, true).expect("list");
        }
        id
    };
    let listed = add(PersonGroup::Staff, "Rosalind Featherstone", Some("Ros"), true);
    add(PersonGroup::Staff, "Unlisted Quentin Marlowe", None, false);
    let leaver = add(PersonGroup::Volunteer, "Departed Imogen Vance", None, true);
    add(PersonGroup::YoungPerson, "Tobias Wrenfield", None, true);
    people::archive(conn, &actor, &leaver, None).expect("archive");
    let staff_aup =
        aup::list(conn).expect("list").into_iter().find(|a| a.audience == Audience::StaffVolunteers).expect("staff").id;
    aup::publish(conn, &actor, &staff_aup).expect("publish");
    aup::set_kiosk_published(conn, &actor, &staff_aup, true).expect("show");
    refresh::lock(vault, "test").expect("lock");
    Org { v, staff_aup, listed }
}

fn typed(name: &str) -> KioskMark {
    KioskMark::Typed { name: name.into() }
}

fn outbox_files(paths: &VaultPaths) -> usize {
    std::fs::read_dir(paths.outbox_dir())
        .map(|d| d.filter_map(Result::ok).filter(|e| e.path().extension().is_some_and(|x| x == "age")).count())
        .unwrap_or(0)
}

#[test]
fn locked_home_offers_exactly_what_the_admin_published() {
    let o = org();
    let offered = station::signing_options(&o.v.paths);
    assert_eq!(offered.len(), 1, "only the AUP shown on the station, not the other four drafts");
    let staff = &offered[0];
    assert_eq!(staff.aup_id, o.staff_aup);
    assert_eq!(staff.version_number, 1);
    let names: Vec<&str> = staff.signers.iter().map(|p| p.display_name.as_str()).collect();
    assert_eq!(names, ["Ros F."], "listed, active and in the audience only");

    let vault = UnlockedVault::unlock(&o.v.paths, &pass(PASSPHRASE)).expect("unlock");
    let current = aup::current_version(vault.db().conn(), &o.staff_aup).expect("current").expect("published");
    assert_eq!(staff.version_hash, current.content_hash);
    assert_eq!(staff.content, current.content, "the whole text travels, every rule included");
    drop(vault);

    let manifest = std::fs::read_to_string(o.v.paths.manifest()).expect("manifest");
    for hidden in ["Unlisted", "Quentin", "Imogen", "Featherstone", "Tobias", o.listed.as_str()] {
        assert!(!manifest.contains(hidden), "{hidden} must not be in the plain manifest");
    }
}

#[test]
fn people_are_tokens_that_change_with_every_manifest() {
    let o = org();
    let first = station::signing_options(&o.v.paths).remove(0).signers.remove(0).token;
    let vault = UnlockedVault::unlock(&o.v.paths, &pass(PASSPHRASE)).expect("unlock");
    refresh::lock(vault, "again").expect("lock");
    let second = station::signing_options(&o.v.paths).remove(0).signers.remove(0).token;
    assert_ne!(first, second, "a token from one manifest says nothing in the next");
    assert_ne!(second, o.listed);
}

/// The attack tried on an earlier version: one age recipient of someone else's appended to the
/// manifest by hand while the app is locked. While the app runs, the station ignores the change;
/// the next unlock says the file was changed and writes it again.
#[test]
fn an_extra_recipient_added_to_the_manifest_while_running_is_ignored_and_reported() {
    let o = org();
    let intruder = age::x25519::Identity::generate();
    let path = o.v.paths.manifest();
    let mut tampered: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    tampered["recipients"].as_array_mut().expect("recipients").push(intruder.to_public().to_string().into());
    std::fs::write(&path, serde_json::to_vec_pretty(&tampered).expect("json")).expect("tamper");

    station::report_concern(&o.v.paths, concern()).expect("reported");
    let file = std::fs::read_dir(o.v.paths.outbox_dir())
        .expect("outbox")
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "age"))
        .expect("sealed file");
    let sealed = std::fs::read(file.path()).expect("read");
    let decryptor = age::Decryptor::new_buffered(&sealed[..]).expect("an age file");
    assert!(
        decryptor.decrypt(std::iter::once(&intruder as &dyn age::Identity)).is_err(),
        "the intruder's key must not open what the station sealed"
    );

    let mut vault = UnlockedVault::unlock(&o.v.paths, &pass(PASSPHRASE)).expect("unlock");
    let report = outbox::ingest(&mut vault).expect("ingest");
    assert_eq!(report.ingested, 1);
    assert!(report.manifest_changed, "the admin is told the file had been changed");
    assert!(report.problems.is_empty(), "sealed under what the vault published: {:?}", report.problems);
    let rewritten = std::fs::read_to_string(&path).expect("manifest");
    assert!(!rewritten.contains(&intruder.to_public().to_string()), "the manifest is written again without it");
}

#[test]
fn two_listed_people_who_would_look_the_same_are_told_apart() {
    let o = org();
    let mut vault = UnlockedVault::unlock(&o.v.paths, &pass(PASSPHRASE)).expect("unlock");
    let actor = vault.actor().clone();
    let conn = vault.db_mut().conn_mut();
    for name in ["Sam Jones", "Sam Johnson"] {
        let id = people::add(conn, &actor, &draft(PersonGroup::Staff, name, None)).expect("add").id;
        people::set_kiosk_listed(conn, &actor, &id, true).expect("list");
    }
    refresh::lock(vault, "test").expect("lock");
    let names: Vec<String> =
        station::signing_options(&o.v.paths).remove(0).signers.into_iter().map(|p| p.display_name).collect();
    assert!(names.contains(&"Sam Jon.".to_owned()) && names.contains(&"Sam Joh.".to_owned()), "{names:?}");
    assert!(names.contains(&"Ros F.".to_owned()), "only the clashing names change: {names:?}");
}

/// Regression: two members of staff with the same full name were shown as "… (staff) 1" and
/// "… (staff) 2" in whatever order the database gave them; now each sees when they started.
#[test]
fn two_listed_staff_with_the_same_full_name_see_when_each_started() {
    let o = org();
    let mut vault = UnlockedVault::unlock(&o.v.paths, &pass(PASSPHRASE)).expect("unlock");
    let actor = vault.actor().clone();
    let conn = vault.db_mut().conn_mut();
    for (y, m) in [(2025, 3), (2023, 9)] {
        let mut person = draft(PersonGroup::Staff, "Sam Jones", None);
        person.start_date = NaiveDate::from_ymd_opt(y, m, 1);
        let id = people::add(conn, &actor, &person).expect("add").id;
        people::set_kiosk_listed(conn, &actor, &id, true).expect("list");
    }
    refresh::lock(vault, "test").expect("lock");
    for _ in 0..2 {
        let names: Vec<String> =
            station::signing_options(&o.v.paths).remove(0).signers.into_iter().map(|p| p.display_name).collect();
        assert!(names.contains(&"Sam Jones (staff, started March 2025)".to_owned()), "{names:?}");
        assert!(names.contains(&"Sam Jones (staff, started September 2023)".to_owned()), "{names:?}");
        let vault = UnlockedVault::unlock(&o.v.paths, &pass(PASSPHRASE)).expect("unlock");
        refresh::lock(vault, "again").expect("lock");
    }
}

#[test]
fn the_list_follows_the_session_at_lock() {
    let o = org();
    let mut vault = UnlockedVault::unlock(&o.v.paths, &pass(PASSPHRASE)).expect("unlock");
    let actor = vault.actor().clone();
    let conn = vault.db_mut().conn_mut();
    let mut content: AupContent = aup::current_version(conn, &o.staff_aup).expect("current").expect("v1").content;
    content.rules.push("I will lock the laptop whenever I step away from it.".into());
    aup::save_draft(conn, &actor, &o.staff_aup, &content).expect("draft");
    let v2 = aup::publish(conn, &actor, &o.staff_aup).expect("publish v2");
    people::set_kiosk_listed(conn, &actor, &o.listed, false).expect("unlist");
    refresh::lock(vault, "test").expect("lock");

    let offered = station::signing_options(&o.v.paths);
    assert_eq!(offered[0].version_number, 2);
    assert_eq!(offered[0].version_hash, v2.content_hash);
    assert!(offered[0].content.rules.iter().any(|r| r.contains("step away")));
    assert!(offered[0].signers.is_empty());
}

#[test]
fn a_picked_name_arrives_as_a_hint_awaiting_confirmation() {
    let o = org();
    let staff = station::signing_options(&o.v.paths).remove(0);
    let receipt = station::sign_aup(
        &o.v.paths,
        KioskSignInput {
            aup_id: staff.aup_id.clone(),
            version_hash: staff.version_hash.clone(),
            name: "Ros F.".into(),
            person_hint: Some(staff.signers[0].token.clone()),
            mark: typed("Rosalind Featherstone"),
            countersignature: None,
        },
    )
    .expect("signed");
    assert_eq!(receipt.number.len(), 9);

    let mut vault = UnlockedVault::unlock(&o.v.paths, &pass(PASSPHRASE)).expect("unlock");
    let report = outbox::ingest(&mut vault).expect("ingest");
    assert_eq!(report.ingested, 1);
    let waiting = signatures::unconfirmed(vault.db().conn()).expect("unconfirmed");
    assert_eq!(waiting.len(), 1);
    assert!(waiting[0].self_declared);
    assert_eq!(waiting[0].person_id.as_deref(), Some(o.listed.as_str()));
    assert_eq!(waiting[0].declared_name.as_deref(), Some("Ros F."));
    assert_eq!(waiting[0].receipt.as_deref(), Some(receipt.number.as_str()));
}

#[test]
fn a_hint_that_does_not_match_the_name_shown_is_dropped() {
    let o = org();
    let staff = station::signing_options(&o.v.paths).remove(0);
    station::sign_aup(
        &o.v.paths,
        KioskSignInput {
            aup_id: staff.aup_id,
            version_hash: staff.version_hash,
            name: "Someone Else".into(),
            person_hint: Some(staff.signers[0].token.clone()),
            mark: typed("Someone Else"),
            countersignature: None,
        },
    )
    .expect("signed");
    let mut vault = UnlockedVault::unlock(&o.v.paths, &pass(PASSPHRASE)).expect("unlock");
    outbox::ingest(&mut vault).expect("ingest");
    let waiting = signatures::unconfirmed(vault.db().conn()).expect("unconfirmed");
    assert_eq!(waiting[0].person_id, None);
    assert_eq!(waiting[0].declared_name.as_deref(), Some("Someone Else"));
}

#[test]
fn the_station_refuses_what_it_did_not_offer_and_writes_nothing() {
    let o = org();
    let staff = station::signing_options(&o.v.paths).remove(0);
    let base = KioskSignInput {
        aup_id: staff.aup_id.clone(),
        version_hash: staff.version_hash.clone(),
        name: "Ada Pennington".into(),
        person_hint: None,
        mark: typed("Ada Pennington"),
        countersignature: None,
    };
    let wrong_hash = KioskSignInput { version_hash: "0".repeat(64), ..base.clone() };
    assert!(matches!(station::sign_aup(&o.v.paths, wrong_hash), Err(OutboxError::UnknownPolicy)));
    let counter = KioskSignInput {
        countersignature: Some(KioskCountersignature {
            name: "Carl Pennington".into(),
            mark: typed("Carl Pennington"),
        }),
        ..base.clone()
    };
    assert!(matches!(station::sign_aup(&o.v.paths, counter), Err(OutboxError::BadCountersignature)));
    let initials = KioskSignInput { name: "A. P.".into(), ..base.clone() };
    assert!(matches!(station::sign_aup(&o.v.paths, initials), Err(OutboxError::BadTypedName)));
    let not_png = KioskSignInput { mark: KioskMark::Drawn { png: b"GIF89a".to_vec() }, ..base };
    assert!(matches!(station::sign_aup(&o.v.paths, not_png), Err(OutboxError::BadMark)));
    assert_eq!(outbox_files(&o.v.paths), 0);
}

fn concern() -> KioskConcern {
    KioskConcern {
        what_happened: "A learner showed me messages from an adult asking to meet.".into(),
        happened_on: safekeeper::dates::today(),
        happened_at_time: Some("15:40".into()),
        place: "Computer room, a gaming chat".into(),
        people_involved: "A learner in the Tuesday group".into(),
        own_words: Some("He said he was sixteen.".into()),
        done_so_far: Some("Took a screenshot and told the learner they did the right thing.".into()),
        reporter_name: "Ada Pennington".into(),
        about_staff: false,
    }
}

#[test]
fn a_concern_reported_while_locked_arrives_as_a_self_declared_incident() {
    let o = org();
    let receipt = station::report_concern(&o.v.paths, concern()).expect("reported");
    // Sealed: the words are nowhere in the outbox file.
    for entry in std::fs::read_dir(o.v.paths.outbox_dir()).expect("outbox") {
        let bytes = std::fs::read(entry.expect("entry").path()).expect("read");
        assert!(!String::from_utf8_lossy(&bytes).contains("sixteen"));
    }

    let mut vault = UnlockedVault::unlock(&o.v.paths, &pass(PASSPHRASE)).expect("unlock");
    assert_eq!(outbox::ingest(&mut vault).expect("ingest").ingested, 1);
    let actor = vault.actor().clone();
    let conn = vault.db().conn();
    let found = incidents::list(conn, &actor, &IncidentFilter::default()).expect("list");
    assert_eq!(found.len(), 1);
    let incident = &found[0];
    assert_eq!(incident.source, IncidentSource::SigningStation);
    assert!(incident.self_declared);
    assert_eq!(incident.category, Category::NotYetClassified);
    assert_eq!(incident.receipt.as_deref(), Some(receipt.number.as_str()));
    let detail = incidents::get(conn, &actor, &incident.id).expect("get");
    match &detail.chronology[0].body {
        EntryBody::Report(r) => {
            assert!(r.facts.contains("asking to meet") && r.facts.contains("Tuesday group"));
            assert_eq!(r.own_words.as_deref(), Some("He said he was sixteen."));
            assert_eq!(r.reported_by, "Ada Pennington");
            assert!(r.how_reported.contains(&receipt.number));
        }
        other => panic!("the first entry is the report, not {other:?}"),
    }
    assert!(matches!(&detail.chronology[1].body, EntryBody::Action(a) if a.what.contains("screenshot")));
    assert_eq!(detail.chronology[0].recorded_by, "signing-station");
}

#[test]
fn a_concern_without_words_or_a_real_name_is_refused_at_the_station() {
    let o = org();
    let blank = KioskConcern { what_happened: "   ".into(), ..concern() };
    assert!(matches!(station::report_concern(&o.v.paths, blank), Err(OutboxError::BadConcern(_))));
    let initials = KioskConcern { reporter_name: "A P".into(), ..concern() };
    assert!(matches!(station::report_concern(&o.v.paths, initials), Err(OutboxError::BadTypedName)));
    let tomorrow = KioskConcern { happened_on: safekeeper::dates::today() + chrono::Days::new(1), ..concern() };
    assert!(matches!(station::report_concern(&o.v.paths, tomorrow), Err(OutboxError::BadConcern(_))));
    assert_eq!(outbox_files(&o.v.paths), 0);
}

/// The field names the README's list of what `vault/kiosk.json` holds gives at each level: ""
/// for the top, then the path of the field a nested list hangs under (`aups`, `aups.signers`).
fn readme_manifest_fields() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).expect("README");
    let start = readme.find("It holds exactly these fields").expect("the README lists what the manifest holds");
    let section = &readme[start..];
    let section = &section[..section.find("\n\n\n").unwrap_or(section.len())];
    let section = &section[..section.find("No person ids").expect("the list ends with what is not there")];
    let mut levels: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
    // (indent, field) of the items the current one may hang under.
    let mut parents: Vec<(usize, String)> = Vec::new();
    for line in section.lines() {
        let trimmed = line.trim_start();
        let Some(item) = trimmed.strip_prefix("- ") else { continue };
        let indent = line.len() - trimmed.len();
        let names: Vec<String> =
            item.split(':').next().unwrap_or_default().split('`').skip(1).step_by(2).map(str::to_owned).collect();
        assert!(!names.is_empty(), "an item of the README's manifest list names no field: {line}");
        while parents.last().is_some_and(|(i, _)| *i >= indent) {
            parents.pop();
        }
        let path = parents.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(".");
        levels.entry(path).or_default().extend(names.iter().cloned());
        parents.push((indent, names[0].clone()));
    }
    levels
}

fn keys(value: &serde_json::Value) -> std::collections::BTreeSet<String> {
    value.as_object().expect("an object").keys().cloned().collect()
}

/// Regression: the README said exactly what the manifest holds but left out `format`, `vaultId`
/// and each AUP's `aupId`. This reads the README's list and the file Safekeeper wrote.
#[test]
fn the_readme_names_every_field_the_manifest_holds() {
    let o = org();
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(o.v.paths.manifest()).expect("kiosk.json")).expect("json");
    let aup = &written["aups"][0];
    assert!(!aup.is_null() && !aup["signers"][0].is_null(), "the manifest lists an AUP and a signer");
    assert!(written["consent"].is_object(), "the manifest holds the consent form");
    let mut found: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
    found.insert(String::new(), keys(&written));
    found.insert("aups".into(), keys(aup));
    found.insert("aups.signers".into(), keys(&aup["signers"][0]));
    found.insert("consent".into(), keys(&written["consent"]));
    assert_eq!(readme_manifest_fields(), found, "README.md's list of what vault/kiosk.json holds");
}
