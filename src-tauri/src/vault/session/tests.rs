use age::secrecy::SecretString;

use super::*;

const PASSPHRASE: &str = "copper lantern orchard whistle";
const SECOND_PASSPHRASE: &str = "harbour mosaic kettle daybreak";

fn pass(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

/// Regression: removal marked the admin removed before re-keying, so a re-key that failed left
/// a "removed" admin who could still open the database key. The re-key now comes first.
#[test]
fn removed_admin_is_no_recipient_when_removal_fails_after_the_rekey() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = VaultPaths::new(dir.path().join("data"));
    let recovery = x25519::Identity::generate();
    let mut vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Test Youth Trust",
            admin_name: "Alex Morgan",
            passphrase: &pass(PASSPHRASE),
            recovery: &recovery,
            demo_passphrase: None,
        },
    )
    .expect("create");
    let jordan = vault.add_admin("Jordan Lee", &pass(SECOND_PASSPHRASE)).expect("add");
    let jordan_identity = keyfile::open_identity(
        &fs::read(paths.admin_file(&jordan)).expect("jordan's key file"),
        &pass(SECOND_PASSPHRASE),
    )
    .expect("open");
    let old_key = vault.key.clone();

    let err = vault
        .remove_admin_with(&jordan, || Err(VaultError::Io(std::io::Error::other("injected failure"))))
        .expect_err("the injected failure stops the removal");
    assert!(matches!(err, VaultError::Io(_)), "{err:?}");

    // Halfway: the database is under a new key that Jordan's identity cannot unwrap.
    let wrapped = fs::read(paths.wrapped_key()).expect("dek");
    assert!(matches!(keyfile::unwrap_key(&wrapped, &jordan_identity), Err(KeyFileError::NotForThisKey)));
    assert_eq!(keyfile::unwrap_key(&wrapped, &recovery).expect("recovery opens"), vault.key);
    assert_ne!(vault.key, old_key, "the database key was rotated");
    // Nothing wraps a key to Jordan again: not the signing station, not a later key change.
    let jordan_recipient = jordan_identity.to_public().to_string();
    assert!(!vault.recipients().expect("recipients").iter().any(|r| r.to_string() == jordan_recipient));
    vault.add_admin("Priya Raman", &pass("meadow cobalt lantern harvest")).expect("another admin");
    let wrapped = fs::read(paths.wrapped_key()).expect("dek");
    assert!(matches!(keyfile::unwrap_key(&wrapped, &jordan_identity), Err(KeyFileError::NotForThisKey)));
    assert!(!fs::read_to_string(paths.manifest()).expect("station manifest").contains(&jordan_recipient));
    vault.lock("test").expect("lock");
    assert!(matches!(Db::open(&paths.database(), &old_key), Err(StoreError::KeyRejected)));
    assert!(UnlockedVault::unlock(&paths, &pass(SECOND_PASSPHRASE)).is_err(), "Jordan can no longer unlock");

    // The next unlock finishes the removal.
    let vault = UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).expect("the remaining admin unlocks");
    let names: Vec<String> = vault.admins().expect("admins").into_iter().map(|a| a.name).collect();
    assert_eq!(names.len(), 2, "Alex and Priya remain: {names:?}");
    assert!(!names.iter().any(|n| n == "Jordan Lee"));
    assert!(!paths.admin_file(&jordan).exists());
    assert!(audit::has_action(vault.db.conn(), "admin.removed").expect("audit"));
    assert!(audit::verify(vault.db.conn()).expect("verify").verified);
}
