use std::fs;

use age::secrecy::SecretString;
use age::x25519;

use super::*;
use crate::kiosk::manifest;
use crate::records::aup::{self, Audience};
use crate::vault::{NewVault, VaultPaths};

fn pass(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

fn new_vault(dir: &std::path::Path) -> UnlockedVault {
    UnlockedVault::create(
        &VaultPaths::new(dir.join("data")),
        NewVault {
            org_name: "Test Youth Trust",
            admin_name: "Alex Morgan",
            passphrase: &pass("copper lantern orchard whistle"),
            recovery: &x25519::Identity::generate(),
            demo_passphrase: None,
        },
    )
    .expect("create")
}

fn recipients_published(vault: &UnlockedVault) -> Vec<String> {
    manifest::read(&vault.paths().manifest()).expect("a manifest is published").recipients
}

#[test]
fn a_new_vault_is_published_before_anything_else_happens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut vault = new_vault(dir.path());
    assert!(vault.station_outdated(), "a new vault has nothing on the station yet");
    assert!(!vault.paths().manifest().exists());
    publish_if_outdated(&mut vault).expect("publish");
    assert!(!vault.station_outdated());
    assert_eq!(recipients_published(&vault).len(), 2, "the admin and the recovery key");
}

/// Regression guard for the move out of the vault: adding and removing an admin changed the keys
/// submissions are sealed to, and the vault used to publish straight away. The change is now
/// noted on the session and published by the station's side; nothing may be left behind.
#[test]
fn admin_changes_reach_the_station_before_the_next_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut vault = new_vault(dir.path());
    publish_if_outdated(&mut vault).expect("first publish");

    let jordan = vault.add_admin("Jordan Lee", &pass("harbour mosaic kettle daybreak")).expect("add");
    assert!(vault.station_outdated(), "a new admin is a new recipient");
    publish_if_outdated(&mut vault).expect("publish");
    assert_eq!(recipients_published(&vault).len(), 3);

    vault.remove_admin(&jordan).expect("remove");
    assert!(vault.station_outdated(), "a removed admin must stop being a recipient");
    publish_if_outdated(&mut vault).expect("publish");
    let published = recipients_published(&vault);
    let expected: Vec<String> = vault.recipients().expect("recipients").iter().map(ToString::to_string).collect();
    assert_eq!(published, expected, "exactly today's recipients, without the removed admin");
}

#[test]
fn nothing_is_published_when_nothing_the_station_shows_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut vault = new_vault(dir.path());
    publish_if_outdated(&mut vault).expect("publish");
    // Every publish draws a new token salt and records it, so a second publish would show here.
    let salt = |v: &UnlockedVault| manifest::newest_record(v.db().conn()).expect("read").expect("recorded").token_salt;
    let first = salt(&vault);
    publish_if_outdated(&mut vault).expect("no-op");
    assert!(salt(&vault) == first, "nothing changed, so nothing was published");
    publish(&mut vault).expect("forced publish");
    assert!(salt(&vault) != first, "a publish does publish");
}

#[test]
fn the_lock_publishes_what_is_true_at_the_lock() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut vault = new_vault(dir.path());
    let paths = vault.paths().clone();
    publish_if_outdated(&mut vault).expect("publish");
    let actor = vault.actor().clone();
    let conn = vault.db_mut().conn_mut();
    let staff =
        aup::list(conn).expect("list").into_iter().find(|a| a.audience == Audience::StaffVolunteers).expect("staff").id;
    aup::publish(conn, &actor, &staff).expect("publish the AUP");
    aup::set_kiosk_published(conn, &actor, &staff, true).expect("show it");
    // A change nobody noted still reaches the station at the lock.
    lock(vault, "test").expect("lock");
    let shown: Vec<String> =
        manifest::read(&paths.manifest()).expect("manifest").aups.into_iter().map(|a| a.aup_id).collect();
    assert_eq!(shown, [staff]);
}

#[test]
fn a_lock_whose_publish_fails_still_locks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut vault = new_vault(dir.path());
    let paths = vault.paths().clone();
    publish_if_outdated(&mut vault).expect("publish");
    // A folder where the file should be: the manifest cannot be written.
    fs::remove_file(paths.manifest()).expect("remove");
    fs::create_dir(paths.manifest()).expect("block the path");
    lock(vault, "test").expect("the lock still happens");
    let vault = UnlockedVault::unlock(&paths, &pass("copper lantern orchard whistle")).expect("unlock");
    let last: String = vault
        .db()
        .conn()
        .query_row(
            "SELECT action FROM audit WHERE action LIKE 'session.%' ORDER BY id DESC LIMIT 1 OFFSET 1",
            [],
            |r| r.get(0),
        )
        .expect("audit");
    assert_eq!(last, "session.locked", "the lock was recorded before this unlock");
}
