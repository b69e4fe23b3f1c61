//! The signing station (locked home): what it may show and, once AUP signing and consent land,
//! the write-only outbox. Owns the kiosk manifest. It never opens the database and never holds a
//! key: everything here works while the vault is locked.

pub mod manifest;
