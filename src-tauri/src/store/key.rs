//! The 256-bit database key. Owns its generation, zeroizing and the PRAGMA text that hands it to
//! SQLCipher as a raw key (no second KDF); does not wrap or store it (see `vault`).

use rand::RngCore;
use zeroize::Zeroizing;

pub const KEY_BYTES: usize = 32;

/// The key SQLCipher encrypts the database with: 32 random bytes, wiped from memory when dropped.
/// Its `Debug` never shows the bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseKey(Zeroizing<[u8; KEY_BYTES]>);

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseKey(..)")
    }
}

impl DatabaseKey {
    /// A new key from the operating system's random number generator.
    pub fn generate() -> Self {
        let mut bytes = Zeroizing::new([0u8; KEY_BYTES]);
        rand::rngs::OsRng.fill_bytes(bytes.as_mut());
        Self(bytes)
    }

    /// Returns `None` unless exactly 32 bytes are given.
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let array: [u8; KEY_BYTES] = bytes.try_into().ok()?;
        Some(Self(Zeroizing::new(array)))
    }

    /// The key's raw bytes, for wrapping it to the admins and the recovery key.
    pub fn as_bytes(&self) -> &[u8; KEY_BYTES] {
        &self.0
    }

    pub(super) fn pragma_key_statement(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", Zeroizing::new(hex::encode(*self.0)).as_str()))
    }

    /// The key as SQLCipher takes it in `ATTACH … KEY ?`: a raw-key literal, bound as a parameter.
    pub(super) fn attach_key_literal(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("x'{}'", Zeroizing::new(hex::encode(*self.0)).as_str()))
    }

    pub(super) fn pragma_rekey_statement(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("PRAGMA rekey = \"x'{}'\";", Zeroizing::new(hex::encode(*self.0)).as_str()))
    }
}
