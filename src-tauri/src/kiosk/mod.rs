//! The signing station (locked home): what it may show, and the write-only outbox that carries what
//! people hand in there to the next admin unlock. Owns the kiosk manifest and the outbox format,
//! writer and ingest. The manifest and the writer never open the database and never hold a key:
//! they work while the vault is locked. Only the ingest needs an unlocked vault.

pub mod manifest;
pub mod outbox;
pub mod refresh;
pub mod station;
