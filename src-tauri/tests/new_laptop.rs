//! A backup brings back a lost, stolen or dead laptop: with only the backup file and the paper
//! recovery key, a new computer gets a working vault with every record, the admin who restores
//! sets a new passphrase, and every other admin sets theirs through the recovery key.

mod common;

use age::secrecy::ExposeSecret;
use common::{add_people, new_vault, pass, snapshot, PASSPHRASE, SECOND_PASSPHRASE};
use safekeeper::store::audit;
use safekeeper::vault::backup::{self, BackupError};
use safekeeper::vault::{read_backup_for_new_vault, UnlockedVault, VaultError, VaultPaths};

const NEW_PASSPHRASE: &str = "sunrise pottery glacier violet";
const JORDAN_NEW: &str = "meadow cobalt lantern harvest";

fn names(vault: &UnlockedVault) -> Vec<String> {
    let mut stmt = vault.db().conn().prepare("SELECT full_name FROM people ORDER BY full_name").expect("names");
    stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("rows")
}

#[test]
fn a_backup_and_the_recovery_key_bring_back_every_record_on_a_new_computer() {
    let tv = new_vault();
    let mut vault = UnlockedVault::unlock(&tv.paths, &pass(PASSPHRASE)).expect("unlock");
    let alex = vault.admin_id().expect("admin").to_owned();
    let jordan = vault.add_admin("Jordan Lee", &pass(SECOND_PASSPHRASE)).expect("add");
    add_people(&mut vault, &["Asha Patel", "Ben Jones", "Chi Okafor"]);
    let usb = tempfile::tempdir().expect("usb");
    let report = backup::back_up(&mut vault, usb.path(), "test").expect("backup");
    let vault_id = vault.vault_id().expect("id");
    let before = names(&vault);
    vault.lock("test").expect("lock");

    // The laptop is gone: a new computer has an empty data folder.
    let new_computer = tempfile::tempdir().expect("new computer");
    let paths = VaultPaths::new(new_computer.path().join("data"));
    let file = std::path::Path::new(&report.path);

    let other = age::x25519::Identity::generate();
    let err = read_backup_for_new_vault(file, other.to_string().expose_secret()).expect_err("a stranger's key");
    assert!(matches!(err, BackupError::NotForThisVault), "{err:?}");
    let err = UnlockedVault::create_from_backup(&paths, file, "not a key", &alex, &pass(NEW_PASSPHRASE))
        .expect_err("not a key");
    assert!(matches!(err, BackupError::Vault(VaultError::BadRecoveryKey)), "{err:?}");
    assert!(!paths.vault_dir().exists(), "nothing was made");

    let found = read_backup_for_new_vault(file, &tv.recovery_text()).expect("read with the recovery key");
    assert_eq!(found.manifest, report.manifest);
    let mut admin_ids: Vec<String> = found.admins.iter().map(|a| a.id.clone()).collect();
    admin_ids.sort();
    let mut expected = vec![alex.clone(), jordan.clone()];
    expected.sort();
    assert_eq!(admin_ids, expected);

    let vault = UnlockedVault::create_from_backup(&paths, file, &tv.recovery_text(), &alex, &pass(NEW_PASSPHRASE))
        .expect("a vault from the backup");
    assert_eq!(names(&vault), before, "every record came back");
    assert_eq!(vault.vault_id().expect("id"), vault_id);
    assert!(audit::has_action(vault.db().conn(), "vault.restoredFromBackup").expect("audit"));
    assert!(audit::verify(vault.db().conn()).expect("verify").verified);
    let manifest_tables: i64 = vault
        .db()
        .conn()
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'backup_manifest'", [], |r| r.get(0))
        .expect("schema");
    assert_eq!(manifest_tables, 0);
    vault.lock("test").expect("lock");

    // A second restore onto the same computer is refused and changes nothing.
    let settled = snapshot(paths.data_dir());
    let err = UnlockedVault::create_from_backup(&paths, file, &tv.recovery_text(), &alex, &pass(NEW_PASSPHRASE))
        .expect_err("already set up");
    assert!(matches!(err, BackupError::Vault(VaultError::AlreadySetUp)), "{err:?}");
    assert_eq!(snapshot(paths.data_dir()), settled);

    // The admin who restored unlocks with the new passphrase; old passphrases do nothing.
    UnlockedVault::unlock(&paths, &pass(NEW_PASSPHRASE)).expect("new passphrase").lock("t").expect("lock");
    assert!(UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).is_err());
    assert!(UnlockedVault::unlock(&paths, &pass(SECOND_PASSPHRASE)).is_err());

    // Jordan sets a new passphrase through the recovery key, then unlocks with it.
    let mut recovery = UnlockedVault::unlock_with_recovery(&paths, &tv.recovery_text()).expect("recovery key");
    recovery.set_passphrase(&jordan, &pass(JORDAN_NEW)).expect("Jordan's new passphrase");
    recovery.lock("test").expect("lock");
    let as_jordan = UnlockedVault::unlock(&paths, &pass(JORDAN_NEW)).expect("Jordan unlocks");
    assert_eq!(as_jordan.admin_id(), Some(jordan.as_str()));
    assert_eq!(names(&as_jordan), before);
}
