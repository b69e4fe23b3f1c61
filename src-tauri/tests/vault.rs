//! The vault end to end through its public API: unlocking every way, refusing every wrong way
//! without changing a byte, and admin changes with key rotation.

mod common;

use common::*;
use proptest::prelude::*;
use safekeeper::store::audit;
use safekeeper::vault::{keyfile, UnlockedVault, VaultError, VaultPaths};

#[test]
fn right_passphrase_unlocks_and_records_the_unlock() {
    let v = new_vault();
    let vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let status = audit::verify(vault.db().conn()).expect("verify");
    assert!(status.verified);
    assert!(audit::has_action(vault.db().conn(), "session.unlocked").expect("audit"));
    assert_eq!(vault.admins().expect("admins").len(), 1);
}

#[test]
fn wrong_passphrase_is_refused_and_changes_nothing() {
    let v = new_vault();
    let before = snapshot(v.paths.data_dir());
    let err = UnlockedVault::unlock(&v.paths, &pass("copper lantern orchard whistles")).expect_err("refused");
    assert!(matches!(err, VaultError::WrongPassphrase), "{err:?}");
    assert!(err.to_string().contains("Nothing has been changed"));
    assert_eq!(snapshot(v.paths.data_dir()), before);
}

proptest! {
    // Each case costs one scrypt at log N = 18, so the count is kept modest.
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn any_wrong_passphrase_leaves_every_file_byte_identical(guess in "\\PC{0,40}") {
        prop_assume!(guess != PASSPHRASE);
        let v = new_vault_cached();
        let before = snapshot(v.paths.data_dir());
        let err = UnlockedVault::unlock(&v.paths, &pass(&guess)).expect_err("refused");
        prop_assert!(matches!(err, VaultError::WrongPassphrase));
        prop_assert_eq!(snapshot(v.paths.data_dir()), before);
    }
}

/// One vault shared by the property cases (making one costs a scrypt too).
fn new_vault_cached() -> &'static TestVault {
    static VAULT: std::sync::OnceLock<TestVault> = std::sync::OnceLock::new();
    VAULT.get_or_init(new_vault)
}

#[test]
fn garbled_key_file_gives_cannot_unlock_and_changes_nothing() {
    let v = new_vault();
    let dek = v.paths.wrapped_key();
    let mut bytes = std::fs::read(&dek).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    std::fs::write(&dek, &bytes).expect("write");
    let before = snapshot(v.paths.data_dir());
    let err = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect_err("refused");
    assert!(matches!(err, VaultError::KeyFileDamaged { .. }), "{err:?}");
    assert_eq!(snapshot(v.paths.data_dir()), before);
}

#[test]
fn key_file_from_another_vault_gives_cannot_unlock_and_changes_nothing() {
    let v = new_vault();
    let other = new_vault();
    std::fs::copy(other.paths.wrapped_key(), v.paths.wrapped_key()).expect("swap key file");
    let before = snapshot(v.paths.data_dir());
    let err = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect_err("refused");
    assert!(matches!(err, VaultError::NotThisVault), "{err:?}");
    assert_eq!(err_code(&err), "vault.cannotUnlock");
    assert_eq!(snapshot(v.paths.data_dir()), before);
}

fn err_code(e: &VaultError) -> &'static str {
    use safekeeper::error::CodedError;
    e.code().as_str()
}

#[test]
fn work_factor_above_the_cap_is_refused() {
    let v = new_vault();
    let admin_file = std::fs::read_dir(v.paths.admins_dir()).expect("list").next().expect("one").expect("entry").path();
    // Re-seal the same identity at log N = 19 with the same passphrase.
    let identity = keyfile::open_identity(&std::fs::read(&admin_file).expect("read"), &pass(PASSPHRASE)).expect("open");
    let mut recipient = age::scrypt::Recipient::new(pass(PASSPHRASE));
    recipient.set_work_factor(keyfile::SCRYPT_LOG_N + 1);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).expect("enc");
    let mut out = Vec::new();
    let mut w = encryptor.wrap_output(&mut out).expect("wrap");
    use age::secrecy::ExposeSecret;
    std::io::Write::write_all(&mut w, identity.to_string().expose_secret().as_bytes()).expect("write");
    w.finish().expect("finish");
    std::fs::write(&admin_file, &out).expect("replace");
    let before = snapshot(v.paths.data_dir());
    let err = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect_err("refused");
    assert!(matches!(err, VaultError::WorkFactorTooHigh), "{err:?}");
    assert_eq!(snapshot(v.paths.data_dir()), before);
}

#[test]
fn second_admin_unlocks_with_their_own_passphrase() {
    let v = new_vault();
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    vault.add_admin("Jordan Lee", &pass(SECOND_PASSPHRASE)).expect("add");
    vault.lock("test").expect("lock");
    let second = UnlockedVault::unlock(&v.paths, &pass(SECOND_PASSPHRASE)).expect("second admin unlocks");
    assert_eq!(second.admins().expect("admins").iter().filter(|a| a.is_current).count(), 1);
    assert!(audit::has_action(second.db().conn(), "admin.added").expect("audit"));
}

#[test]
fn weak_passphrase_for_a_new_admin_is_refused() {
    let v = new_vault();
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let err = vault.add_admin("Jordan Lee", &pass("password1")).expect_err("weak");
    assert!(matches!(err, VaultError::WeakPassphrase));
    assert_eq!(vault.admins().expect("admins").len(), 1);
}

#[test]
fn removed_admin_cannot_unlock_even_with_an_old_copy_of_the_key_file() {
    let v = new_vault();
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let jordan = vault.add_admin("Jordan Lee", &pass(SECOND_PASSPHRASE)).expect("add");
    // What a departing admin might have copied before removal.
    let old_key_file = std::fs::read(v.paths.wrapped_key()).expect("read dek");
    let old_admin_file = std::fs::read(v.paths.admin_file(&jordan)).expect("read admin file");
    vault.remove_admin(&jordan).expect("remove");
    assert!(!v.paths.admin_file(&jordan).exists());
    assert!(matches!(
        vault.remove_admin(vault.admin_id().expect("admin").to_owned().as_str()),
        Err(VaultError::RemoveSelf)
    ));
    vault.lock("test").expect("lock");

    let err = UnlockedVault::unlock(&v.paths, &pass(SECOND_PASSPHRASE)).expect_err("removed");
    assert!(matches!(err, VaultError::WrongPassphrase), "{err:?}");

    // Restoring their old files does not help: the database key was rotated.
    let copy = tempfile::tempdir().expect("temp");
    copy_tree(v.paths.data_dir(), copy.path());
    let copied = VaultPaths::new(copy.path());
    std::fs::write(copied.wrapped_key(), &old_key_file).expect("old dek");
    std::fs::write(copied.admin_file(&jordan), &old_admin_file).expect("old admin");
    let err = UnlockedVault::unlock(&copied, &pass(SECOND_PASSPHRASE)).expect_err("rotated");
    assert!(matches!(err, VaultError::NotThisVault | VaultError::AdminRemoved), "{err:?}");

    // The remaining admin still gets in, and the chain records the rotation.
    let vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("remaining admin");
    assert!(audit::has_action(vault.db().conn(), "vault.keyRotated").expect("audit"));
    assert!(audit::verify(vault.db().conn()).expect("verify").verified);
}

#[test]
fn last_admin_cannot_be_removed() {
    let v = new_vault();
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let jordan = vault.add_admin("Jordan Lee", &pass(SECOND_PASSPHRASE)).expect("add");
    vault.lock("test").expect("lock");
    let mut as_jordan = UnlockedVault::unlock(&v.paths, &pass(SECOND_PASSPHRASE)).expect("jordan");
    let alex = as_jordan.admins().expect("admins").into_iter().find(|a| !a.is_current).expect("alex").id;
    as_jordan.remove_admin(&alex).expect("remove alex");
    assert!(matches!(as_jordan.remove_admin(&jordan), Err(VaultError::RemoveSelf)));
}

#[test]
fn recovery_key_unlocks_and_sets_a_new_passphrase() {
    let v = new_vault();
    // Typed as a person might: lower case, in groups.
    let typed = keyfile::recovery_key_groups(&v.recovery_text()).join(" ").to_lowercase();
    let mut vault = UnlockedVault::unlock_with_recovery(&v.paths, &typed).expect("recovery unlock");
    assert!(vault.is_recovery());
    assert!(audit::has_action(vault.db().conn(), "session.recoveryKeyUsed").expect("audit"));
    let admin = vault.admins().expect("admins").remove(0).id;
    vault.set_passphrase(&admin, &pass("sunrise pottery glacier violet")).expect("new passphrase");
    assert_eq!(vault.admin_id(), Some(admin.as_str()));
    vault.lock("test").expect("lock");

    assert!(matches!(UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)), Err(VaultError::WrongPassphrase)));
    UnlockedVault::unlock(&v.paths, &pass("sunrise pottery glacier violet")).expect("new passphrase unlocks");
    // The recovery key still works afterwards.
    UnlockedVault::unlock_with_recovery(&v.paths, &v.recovery_text()).expect("recovery still works");
}

#[test]
fn recovery_key_of_another_vault_is_refused_without_change() {
    let v = new_vault();
    let other = new_vault();
    let before = snapshot(v.paths.data_dir());
    let err = UnlockedVault::unlock_with_recovery(&v.paths, &other.recovery_text()).expect_err("refused");
    assert!(matches!(err, VaultError::RecoveryKeyNotForThisVault), "{err:?}");
    assert!(matches!(UnlockedVault::unlock_with_recovery(&v.paths, "not a key"), Err(VaultError::BadRecoveryKey)));
    assert_eq!(snapshot(v.paths.data_dir()), before);
}

#[test]
fn an_admin_cannot_reset_another_admins_passphrase_without_the_recovery_key() {
    let v = new_vault();
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let jordan = vault.add_admin("Jordan Lee", &pass(SECOND_PASSPHRASE)).expect("add");
    let err = vault.set_passphrase(&jordan, &pass("sunrise pottery glacier violet")).expect_err("not allowed");
    assert!(matches!(err, VaultError::NotAllowed));
}

#[test]
fn setup_refuses_to_overwrite_an_existing_vault() {
    let v = new_vault();
    let before = snapshot(v.paths.data_dir());
    let err = UnlockedVault::create(
        &v.paths,
        safekeeper::vault::NewVault {
            org_name: "Another Org",
            admin_name: "Sam Jones",
            passphrase: &pass(PASSPHRASE),
            recovery: &age::x25519::Identity::generate(),
            demo_passphrase: None,
        },
    )
    .expect_err("refused");
    assert!(matches!(err, VaultError::AlreadySetUp));
    assert_eq!(snapshot(v.paths.data_dir()), before);
}

#[test]
fn rotation_interrupted_after_the_rekey_still_unlocks() {
    // Simulate a crash after `PRAGMA rekey` but before `dek.age.next` replaced `dek.age`.
    let v = new_vault();
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let old_key_file = std::fs::read(v.paths.wrapped_key()).expect("read");
    vault.rotate_key().expect("rotate");
    vault.lock("test").expect("lock");
    let new_key_file = std::fs::read(v.paths.wrapped_key()).expect("read");
    std::fs::write(v.paths.wrapped_key_next(), &new_key_file).expect("next");
    std::fs::write(v.paths.wrapped_key(), &old_key_file).expect("old back");
    UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlocks with the waiting key").lock("t").expect("lock");
    assert!(!v.paths.wrapped_key_next().exists(), "the waiting key was promoted");
    assert_eq!(std::fs::read(v.paths.wrapped_key()).expect("read"), new_key_file);
}

/// Regression: the recovery unlock tidied up after an interrupted restore (deleting files)
/// before it knew whether the key was right. A wrong key must change nothing on disk.
#[test]
fn wrong_recovery_key_changes_nothing_even_with_a_restore_in_progress() {
    use safekeeper::vault::{backup, restore};

    let v = new_vault();
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    // As an app that stopped with a restore read and checked but not yet swapped in leaves it.
    restore::prepare(&mut vault, report.path.as_ref()).expect("prepare");
    vault.lock("test").expect("lock");
    assert!(v.paths.restore_pending().is_file());
    let before = snapshot(v.paths.data_dir());

    let other = new_vault();
    let err = UnlockedVault::unlock_with_recovery(&v.paths, &other.recovery_text()).expect_err("another vault's key");
    assert!(matches!(err, VaultError::RecoveryKeyNotForThisVault), "{err:?}");
    assert_eq!(snapshot(v.paths.data_dir()), before);
    let stranger = age::x25519::Identity::generate();
    use age::secrecy::ExposeSecret;
    let err =
        UnlockedVault::unlock_with_recovery(&v.paths, stranger.to_string().expose_secret()).expect_err("stranger");
    assert!(matches!(err, VaultError::RecoveryKeyNotForThisVault), "{err:?}");
    assert!(matches!(
        UnlockedVault::unlock_with_recovery(&v.paths, "AGE-SECRET-KEY-1XYZ"),
        Err(VaultError::BadRecoveryKey)
    ));
    assert_eq!(snapshot(v.paths.data_dir()), before, "not one byte changed");

    // The right key then tidies the interrupted restore away.
    UnlockedVault::unlock_with_recovery(&v.paths, &v.recovery_text()).expect("right key").lock("t").expect("lock");
    assert!(!v.paths.restore_pending().exists());
}
