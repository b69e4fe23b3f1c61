//! The envelope round one submission, and sealing it with age. The plaintext exists only in
//! memory, and is wiped once sealed or read.

use std::io::{Read, Write};
use std::iter;

use age::x25519;
use age::DecryptError;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::submission::Submission;

/// What one outbox file holds. `S` is `&Submission` when writing and `Submission` when reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope<S = Submission> {
    pub format: u32,
    pub vault_id: String,
    pub seq: u64,
    /// Hex SHA-256 of the previous outbox file's bytes (of nothing, for the first).
    pub prev_hash: String,
    pub receipt: String,
    pub submitted_at: String,
    /// Hex SHA-256 of the manifest the station sealed under, so the ingest can tell whether the
    /// vault published it. Empty in files written before manifests were recorded.
    #[serde(default)]
    pub manifest_hash: String,
    pub submission: S,
}

/// Why a file could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenFailure {
    /// Sealed to other keys: another vault's, or keys since replaced.
    NotForThisKey,
    /// Changed or cut short after it was written: the encryption does not check out, or what is
    /// inside ends early.
    Damaged,
    /// A file of no bytes at all.
    Empty,
    /// Not something the signing station writes: not an age file, or one whose content is not a
    /// submission.
    NotSubmission,
    /// An age header far larger than any the station writes: not opened.
    HeaderTooLarge,
    /// Far bigger than the signing station writes (`MAX_FILE_BYTES`): not read at all.
    TooLarge,
}

/// Seals an envelope to X25519 recipients only; there is no passphrase stanza to guess at.
pub fn seal(recipients: &[x25519::Recipient], envelope: &Envelope<&Submission>) -> Vec<u8> {
    assert!(!recipients.is_empty(), "the manifest always names at least the recovery key");
    let plaintext = Zeroizing::new(serde_json::to_vec(envelope).expect("an envelope serialises"));
    let encryptor = age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        .expect("recipients are all X25519 and there is at least one");
    let mut out = Vec::with_capacity(plaintext.len() + 512);
    let mut writer = encryptor.wrap_output(&mut out).expect("writing to a Vec cannot fail");
    writer.write_all(&plaintext).expect("writing to a Vec cannot fail");
    writer.finish().expect("writing to a Vec cannot fail");
    out
}

pub fn open(sealed: &[u8], identity: &x25519::Identity) -> Result<Envelope, OpenFailure> {
    if sealed.is_empty() {
        return Err(OpenFailure::Empty);
    }
    if !sealed.starts_with(b"age-encryption.org/v1\n") {
        return Err(OpenFailure::NotSubmission);
    }
    if !crate::vault::keyfile::header_within_bounds(sealed) {
        return Err(OpenFailure::HeaderTooLarge);
    }
    let decryptor = age::Decryptor::new_buffered(sealed).map_err(|_| OpenFailure::Damaged)?;
    let mut reader = decryptor.decrypt(iter::once(identity as &dyn age::Identity)).map_err(|e| match e {
        DecryptError::NoMatchingKeys => OpenFailure::NotForThisKey,
        _ => OpenFailure::Damaged,
    })?;
    let mut plaintext = Zeroizing::new(Vec::with_capacity(sealed.len()));
    reader.read_to_end(&mut plaintext).map_err(|_| OpenFailure::Damaged)?;
    // Sealed whole to this vault: text that ends early was cut short before it was sealed;
    // anything else that is not an envelope was never a submission.
    serde_json::from_slice(&plaintext).map_err(|e| {
        if e.is_eof() {
            OpenFailure::Damaged
        } else {
            OpenFailure::NotSubmission
        }
    })
}

/// How many X25519 recipients the file was sealed to, read from its plain header (`None` when
/// the header cannot be read). The station seals to exactly the vault's recipients, so another
/// number means someone else may be able to read it.
pub fn x25519_stanzas(sealed: &[u8]) -> Option<usize> {
    const HEADER_LIMIT: usize = 64 * 1024;
    let header = &sealed[..sealed.len().min(HEADER_LIMIT)];
    let end = header.windows(4).position(|w| w == b"\n---")?;
    let text = std::str::from_utf8(&header[..end]).ok()?;
    let mut lines = text.lines();
    if lines.next()? != "age-encryption.org/v1" {
        return None;
    }
    Some(lines.filter(|l| l.starts_with("-> X25519 ")).count())
}
