//! Canary scan: plant unique strings in everything secret or personal, lock, then search every
//! byte the app wrote (the data folder and the temp folder). There must be no hit.

mod common;

use age::secrecy::ExposeSecret;
use common::*;
use safekeeper::records::organisation::{self, OrgSettings};
use safekeeper::vault::{NewVault, UnlockedVault, VaultPaths};

#[test]
fn nothing_secret_or_personal_is_readable_on_disk_after_lock() {
    let root = tempfile::tempdir().expect("temp dir");
    let tmp = root.path().join("tmp");
    std::fs::create_dir_all(&tmp).expect("tmp");
    // SQLite and anything else that honours TMPDIR write their temp files here, where we can scan.
    std::env::set_var("TMPDIR", &tmp);
    let paths = VaultPaths::new(root.path().join("data"));
    let tag = uuid::Uuid::new_v4().simple().to_string();
    let admin_one = format!("Canaryone {tag}");
    let admin_two = format!("Canarytwo {tag}");
    let passphrase_one = format!("canary ember {tag} tulip");
    let passphrase_two = format!("canary quartz {tag} maple");
    let recovery = age::x25519::Identity::generate();

    let mut vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Canary Youth Trust",
            admin_name: &admin_one,
            passphrase: &pass(&passphrase_one),
            recovery: &recovery,
            demo_passphrase: None,
        },
    )
    .expect("create");
    vault.add_admin(&admin_two, &pass(&passphrase_two)).expect("add admin");
    let actor = vault.actor().clone();
    for minutes in 1..=30 {
        organisation::update(
            vault.db_mut().conn_mut(),
            &actor,
            &OrgSettings { org_name: "Canary Youth Trust".into(), auto_lock_minutes: minutes },
        )
        .expect("update");
    }
    vault.db().conn().execute_batch("PRAGMA wal_checkpoint(FULL);").expect("checkpoint");
    // As the app locks: the signing station's manifest is written too.
    safekeeper::kiosk::refresh::lock(vault, "test").expect("lock");
    // Unlock once more the other way and lock again, so every path has written its files.
    UnlockedVault::unlock_with_recovery(&paths, recovery.to_string().expose_secret())
        .expect("recovery")
        .lock("t")
        .expect("lock");

    let recovery_text = recovery.to_string().expose_secret().to_owned();
    let canaries: Vec<(&str, Vec<u8>)> = vec![
        ("admin name", tag.as_bytes().to_vec()),
        ("admin name (UTF-16)", tag.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        ("passphrase", passphrase_one.as_bytes().to_vec()),
        ("passphrase", passphrase_two.as_bytes().to_vec()),
        ("recovery key", recovery_text.as_bytes().to_vec()),
        ("recovery key (lower case)", recovery_text.to_lowercase().into_bytes()),
    ];
    let mut files = snapshot(root.path());
    assert!(files.len() >= 4, "the scan sees the vault's files: {:?}", files.keys().collect::<Vec<_>>());
    files.retain(|p, _| {
        !p.starts_with(root.path().join("data/vault/admins")) || p.extension().is_some_and(|e| e == "age")
    });
    for (path, bytes) in &files {
        for (what, needle) in &canaries {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_slice()),
                "{what} found in plaintext in {}",
                path.display()
            );
        }
    }
    // The organisation name is published to the locked home on purpose; it proves the scan reads
    // the files it claims to.
    assert!(files.values().any(|b| b.windows(18).any(|w| w == b"Canary Youth Trust")));
}
