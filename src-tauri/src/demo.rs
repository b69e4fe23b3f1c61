//! The throwaway demo vault: a made-up organisation with made-up admins, in a temporary folder,
//! so a newcomer can look around without committing anything. Owns the sample data; every record
//! type adds its own samples here as it lands.

use std::path::Path;

use age::secrecy::SecretString;
use age::x25519;

use crate::vault::{NewVault, UnlockedVault, VaultError, VaultPaths};

/// Shown on the demo's unlock screen. It protects nothing real.
pub const DEMO_PASSPHRASE: &str = "demo orchard lantern pebble";
pub const DEMO_ORG: &str = "Riverside Youth Project";

/// Creates the demo vault in `data_dir` and leaves it locked.
pub fn create(data_dir: &Path) -> Result<VaultPaths, VaultError> {
    let paths = VaultPaths::new(data_dir);
    let passphrase = SecretString::from(DEMO_PASSPHRASE.to_owned());
    let recovery = x25519::Identity::generate();
    let mut vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: DEMO_ORG,
            admin_name: "Sam Okafor",
            passphrase: &passphrase,
            recovery: &recovery,
            demo_passphrase: Some(DEMO_PASSPHRASE),
        },
    )?;
    vault.add_admin("Priya Raman", &SecretString::from("deputy kettle mosaic harbour".to_owned()))?;
    vault.lock("demo created")?;
    Ok(paths)
}
