//! The kiosk manifest: the plain, non-secret facts the locked home shows (the organisation's name,
//! whether this is a demo) and the public keys that kiosk submissions are encrypted to.
//! Written by an unlocked admin session; read while locked. Never holds personal data.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::vault::atomic;

pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskManifest {
    pub format: u32,
    pub vault_id: String,
    pub org_name: String,
    /// Only a throwaway demo vault has one; it is shown on the unlock screen.
    pub demo_passphrase: Option<String>,
    /// age X25519 public keys (admins and the recovery key).
    pub recipients: Vec<String>,
}

pub fn publish(path: &Path, manifest: &KioskManifest) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(manifest).map_err(std::io::Error::other)?;
    atomic::write_atomic(path, &json)
}

/// `None` when missing or unreadable: the locked home then shows no organisation name rather
/// than failing.
pub fn read(path: &Path) -> Option<KioskManifest> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}
