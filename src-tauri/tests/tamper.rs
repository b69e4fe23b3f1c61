//! Tampering with any file of the vault is always reported, never silently accepted: random byte
//! flips in the database and in every `.age` file, and truncated key files.

mod common;

use common::*;
use rand::{Rng, SeedableRng};
use safekeeper::vault::{UnlockedVault, VaultPaths};

fn flipped_copy(
    v: &TestVault,
    file: impl Fn(&VaultPaths) -> std::path::PathBuf,
    rng: &mut impl Rng,
) -> (tempfile::TempDir, VaultPaths, usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(v.paths.data_dir(), dir.path());
    let paths = VaultPaths::new(dir.path());
    let target = file(&paths);
    let mut bytes = std::fs::read(&target).expect("read");
    let at = rng.gen_range(0..bytes.len());
    bytes[at] ^= 1 << rng.gen_range(0..8);
    std::fs::write(&target, &bytes).expect("write");
    (dir, paths, at)
}

#[test]
fn flipped_database_byte_is_always_reported() {
    let v = new_vault();
    // Give the database more than a page or two.
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    vault.add_admin("Jordan Lee", &pass(SECOND_PASSPHRASE)).expect("add");
    vault.lock("t").expect("lock");
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x5afe);
    for _ in 0..40 {
        let (_dir, paths, at) = flipped_copy(&v, VaultPaths::database, &mut rng);
        let result = UnlockedVault::unlock_with_recovery(&paths, &v.recovery_text());
        assert!(result.is_err(), "a flipped bit at byte {at} of the database was accepted");
    }
}

#[test]
fn flipped_key_file_byte_is_always_reported() {
    let v = new_vault();
    let admin_file = std::fs::read_dir(v.paths.admins_dir()).expect("list").next().expect("one").expect("entry").path();
    let admin_name = admin_file.file_name().expect("name").to_owned();
    let mut rng = rand::rngs::StdRng::seed_from_u64(0xa6e);
    for round in 0..24 {
        let (_dir, paths, at) = if round % 2 == 0 {
            flipped_copy(&v, VaultPaths::wrapped_key, &mut rng)
        } else {
            flipped_copy(&v, |p| p.admins_dir().join(&admin_name), &mut rng)
        };
        let by_pass = UnlockedVault::unlock(&paths, &pass(PASSPHRASE));
        assert!(by_pass.is_err(), "round {round}: a flipped bit at byte {at} was accepted");
        if round % 2 == 0 {
            let by_key = UnlockedVault::unlock_with_recovery(&paths, &v.recovery_text());
            assert!(by_key.is_err(), "round {round}: a flipped bit at byte {at} of dek.age was accepted");
        }
    }
}

#[test]
fn truncated_key_files_are_reported() {
    let v = new_vault();
    let admin_file = std::fs::read_dir(v.paths.admins_dir()).expect("list").next().expect("one").expect("entry").path();
    for cut in [0usize, 10, 60, 150] {
        for which in [v.paths.wrapped_key(), admin_file.clone()] {
            let dir = tempfile::tempdir().expect("temp");
            copy_tree(v.paths.data_dir(), dir.path());
            let target = dir.path().join(which.strip_prefix(v.paths.data_dir()).expect("under"));
            let bytes = std::fs::read(&target).expect("read");
            std::fs::write(&target, &bytes[..cut.min(bytes.len() - 1)]).expect("truncate");
            let paths = VaultPaths::new(dir.path());
            assert!(
                UnlockedVault::unlock(&paths, &pass(PASSPHRASE)).is_err(),
                "{} cut to {cut} bytes was accepted",
                which.display()
            );
        }
    }
}
