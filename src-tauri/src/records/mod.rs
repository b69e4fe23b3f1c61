//! The organisation's records, one module per record type: types, validation rules and queries.
//! Pure Rust: no tauri, no UI concerns. Each change is audited by the caller's transaction.

pub mod organisation;
