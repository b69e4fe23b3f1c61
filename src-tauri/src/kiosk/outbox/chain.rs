//! The chain through the outbox: file names, file hashes, and the head (where the last ingest
//! stopped), kept both as plain `chain-head.json` for the locked writer and in the database for
//! the ingest.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::CHAIN_HEAD_FILE;
use crate::vault::atomic;

const META_KEY: &str = "outbox_head";

/// Hex SHA-256 of a file's bytes, exactly as they sit on disk.
pub fn hash_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The last link of the chain so far: the number and hash of the newest file that took its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    pub seq: u64,
    pub hash: String,
}

impl ChainHead {
    /// Before the first file: number 0, and the hash of nothing.
    pub fn genesis() -> ChainHead {
        ChainHead { seq: 0, hash: hash_hex(b"") }
    }

    /// `None` when missing or unreadable; the caller falls back to what else it knows.
    pub fn read_file(outbox: &Path) -> Option<ChainHead> {
        let bytes = fs::read(outbox.join(CHAIN_HEAD_FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    pub fn write_file(&self, outbox: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        atomic::write_atomic(&outbox.join(CHAIN_HEAD_FILE), &json)
    }

    pub fn read_db(conn: &Connection) -> rusqlite::Result<Option<ChainHead>> {
        let text: Option<String> =
            conn.query_row("SELECT value FROM meta WHERE key = ?1", [META_KEY], |r| r.get(0)).optional()?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }

    pub fn write_db(&self, conn: &Connection) -> rusqlite::Result<()> {
        let json = serde_json::to_string(self).expect("a chain head serialises");
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", [META_KEY, &json])?;
        Ok(())
    }
}

pub fn file_name(seq: u64) -> String {
    format!("{seq:08}-{}.age", uuid::Uuid::new_v4())
}

/// The number at the front of an outbox file's name, when it has the writer's shape.
pub fn seq_in_name(name: &str) -> Option<u64> {
    let stem = name.strip_suffix(".age")?;
    let (digits, id) = stem.split_once('-')?;
    if digits.len() < 8 || !digits.bytes().all(|b| b.is_ascii_digit()) || uuid::Uuid::parse_str(id).is_err() {
        return None;
    }
    digits.parse().ok()
}

/// One `.age` file in the outbox folder (not its `problems` folder, not a temp file).
#[derive(Debug, Clone)]
pub struct OutboxFile {
    pub name: String,
    pub path: PathBuf,
    pub seq_in_name: Option<u64>,
}

/// Every submission file waiting in the outbox, by the number in its name, then by name.
pub fn list(outbox: &Path) -> std::io::Result<Vec<OutboxFile>> {
    let entries = match fs::read_dir(outbox) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // Dot-files are the atomic writer's temps: a write that never finished.
        if name.starts_with('.') || !name.ends_with(".age") || !entry.file_type()?.is_file() {
            continue;
        }
        files.push(OutboxFile { seq_in_name: seq_in_name(&name), path: entry.path(), name });
    }
    files.sort_by(|a, b| (a.seq_in_name, &a.name).cmp(&(b.seq_in_name, &b.name)));
    Ok(files)
}

/// Where the next file goes: its number and the hash it must carry. It follows the newest file in
/// the folder, hashed as it is on disk, or the head the last ingest left, whichever is further on.
pub fn next_link(outbox: &Path) -> std::io::Result<(u64, String)> {
    let head = ChainHead::read_file(outbox).unwrap_or_else(ChainHead::genesis);
    let newest = list(outbox)?.into_iter().filter_map(|f| Some((f.seq_in_name?, f.path))).next_back();
    let last = match newest {
        Some((seq, path)) if seq > head.seq => ChainHead { seq, hash: hash_hex(&fs::read(path)?) },
        _ => head,
    };
    Ok((last.seq + 1, last.hash))
}
