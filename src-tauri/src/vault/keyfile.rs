//! age encryption of the two kinds of key file: an admin's X25519 identity under their passphrase
//! (scrypt, log N = 18 exactly) and the database key under X25519 recipients (every admin plus the
//! paper recovery key). Owns the formats and the work-factor cap; does not decide which files exist
//! (see `session`).

use std::io::{Read, Write};
use std::iter;

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use age::DecryptError;
use zeroize::Zeroizing;

use crate::store::DatabaseKey;

/// The scrypt work factor every admin key file is written with, and the most accepted on read.
pub const SCRYPT_LOG_N: u8 = 18;

/// Why a key file (an admin's sealed identity or the wrapped database key) could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    /// The passphrase is not the one this key file was sealed with.
    #[error("the passphrase does not open this key file")]
    WrongPassphrase,
    /// The key file's scrypt work factor is above `SCRYPT_LOG_N` (a sign of tampering).
    #[error("the key file asks for more work (scrypt log N = {required}) than Safekeeper accepts ({SCRYPT_LOG_N})")]
    WorkFactorTooHigh {
        /// The scrypt log N the file asks for.
        required: u8,
    },
    /// The identity given is not one the file was encrypted to.
    #[error("none of the given keys can open this file")]
    NotForThisKey,
    /// The file is cut short, changed, or not shaped like a Safekeeper key file.
    #[error("the key file is damaged or is not a Safekeeper key file")]
    Damaged,
}

fn classify(e: DecryptError) -> KeyFileError {
    match e {
        DecryptError::DecryptionFailed => KeyFileError::WrongPassphrase,
        DecryptError::ExcessiveWork { required, .. } => KeyFileError::WorkFactorTooHigh { required },
        DecryptError::NoMatchingKeys => KeyFileError::NotForThisKey,
        _ => KeyFileError::Damaged,
    }
}

fn encrypt<'a>(recipients: impl Iterator<Item = &'a dyn age::Recipient>, plaintext: &[u8]) -> Vec<u8> {
    let encryptor = age::Encryptor::with_recipients(recipients).expect("recipients are all of one kind and non-empty");
    let mut out = Vec::with_capacity(plaintext.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out).expect("writing to a Vec cannot fail");
    writer.write_all(plaintext).expect("writing to a Vec cannot fail");
    writer.finish().expect("writing to a Vec cannot fail");
    out
}

/// Encrypts an admin identity under their passphrase at exactly `SCRYPT_LOG_N`.
pub fn seal_identity(identity: &x25519::Identity, passphrase: &SecretString) -> Vec<u8> {
    let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
    recipient.set_work_factor(SCRYPT_LOG_N);
    let secret = identity.to_string();
    encrypt(iter::once(&recipient as &dyn age::Recipient), secret.expose_secret().as_bytes())
}

/// Opens an admin's key file with their passphrase and returns their identity. Refuses a file
/// whose work factor is above `SCRYPT_LOG_N` or that is not passphrase-encrypted.
pub fn open_identity(sealed: &[u8], passphrase: &SecretString) -> Result<x25519::Identity, KeyFileError> {
    if !header_within_bounds(sealed) {
        return Err(KeyFileError::Damaged);
    }
    let decryptor = age::Decryptor::new_buffered(sealed).map_err(classify)?;
    if !decryptor.is_scrypt() {
        return Err(KeyFileError::Damaged);
    }
    let mut identity = age::scrypt::Identity::new(passphrase.clone());
    identity.set_max_work_factor(SCRYPT_LOG_N);
    let mut reader = decryptor.decrypt(iter::once(&identity as &dyn age::Identity)).map_err(classify)?;
    let mut text = Zeroizing::new(String::new());
    reader.read_to_string(&mut text).map_err(|_| KeyFileError::Damaged)?;
    text.trim().parse::<x25519::Identity>().map_err(|_| KeyFileError::Damaged)
}

/// Wraps the database key to X25519 recipients only.
pub fn wrap_key(key: &DatabaseKey, recipients: &[x25519::Recipient]) -> Vec<u8> {
    assert!(!recipients.is_empty(), "the database key is always wrapped to at least the recovery key");
    encrypt(recipients.iter().map(|r| r as &dyn age::Recipient), key.as_bytes())
}

/// Decrypts the wrapped database key with one identity (an admin's or the recovery key). Refuses
/// a file with anything but X25519 recipients.
pub fn unwrap_key(wrapped: &[u8], identity: &x25519::Identity) -> Result<DatabaseKey, KeyFileError> {
    if !header_within_bounds(wrapped) || !only_x25519_stanzas(wrapped) {
        return Err(KeyFileError::Damaged);
    }
    let decryptor = age::Decryptor::new_buffered(wrapped).map_err(classify)?;
    let mut reader = decryptor.decrypt(iter::once(identity as &dyn age::Identity)).map_err(classify)?;
    let mut bytes = Zeroizing::new(Vec::with_capacity(32));
    reader.read_to_end(&mut bytes).map_err(|_| KeyFileError::Damaged)?;
    DatabaseKey::from_slice(&bytes).ok_or(KeyFileError::Damaged)
}

/// A wrapped database key must carry at least one X25519 stanza and no passphrase stanza: a
/// passphrase slipped into it would let anyone who guesses it open the vault. (age also writes
/// random "grease" stanzas, which open nothing, so other tags are tolerated.)
fn only_x25519_stanzas(file: &[u8]) -> bool {
    let stanzas = stanza_tags(file);
    stanzas.iter().any(|t| t == "X25519") && !stanzas.iter().any(|t| t == "scrypt")
}

/// The most stanzas a Safekeeper age file carries: one per recipient (every admin and the recovery
/// key) and the random one age adds. The age library's header parser takes time that grows with
/// the square of the number of stanzas (a second for 500, minutes for 5,000), so a header far
/// beyond what Safekeeper writes is refused before the library sees it.
pub const MAX_AGE_STANZAS: usize = 64;
/// With at most `MAX_AGE_STANZAS` stanzas of about a hundred bytes, a header fits inside this.
pub const MAX_AGE_HEADER_BYTES: usize = 8 * 1024;

/// Whether an age file's header could have been written by Safekeeper: it ends within
/// `MAX_AGE_HEADER_BYTES` and holds at most `MAX_AGE_STANZAS` stanzas. A short file with no header
/// end and few stanzas passes, for the library to call damaged.
pub fn header_within_bounds(file: &[u8]) -> bool {
    let window = &file[..file.len().min(MAX_AGE_HEADER_BYTES)];
    let end = window.windows(4).position(|w| w == b"\n---");
    let stanzas = window[..end.unwrap_or(window.len())].windows(4).filter(|w| w == b"\n-> ").count();
    stanzas <= MAX_AGE_STANZAS && (end.is_some() || file.len() < MAX_AGE_HEADER_BYTES)
}

/// The tag of every stanza in an age header, e.g. `X25519`.
pub(crate) fn stanza_tags(file: &[u8]) -> Vec<String> {
    let header_end = file.windows(4).position(|w| w == b"\n---").unwrap_or(file.len());
    let header = String::from_utf8_lossy(&file[..header_end]);
    let mut lines = header.lines();
    if lines.next() != Some("age-encryption.org/v1") {
        return Vec::new();
    }
    lines.filter_map(|l| l.strip_prefix("-> ")).filter_map(|l| l.split(' ').next()).map(str::to_owned).collect()
}

/// Reads a recovery key as a person might type it: spaces, line breaks and lower case allowed.
pub fn parse_recovery_key(text: &str) -> Option<x25519::Identity> {
    let cleaned: Zeroizing<String> =
        Zeroizing::new(text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase());
    cleaned.parse::<x25519::Identity>().ok()
}

/// Splits a recovery key into groups of eight for display and for reading aloud.
pub fn recovery_key_groups(key: &str) -> Vec<String> {
    let (prefix, body) = key.split_at(key.find('1').map_or(0, |i| i + 1));
    let mut groups = vec![prefix.to_owned()];
    groups.extend(body.as_bytes().chunks(8).map(|c| String::from_utf8_lossy(c).into_owned()));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn identity_round_trips_under_its_passphrase_only() {
        let id = x25519::Identity::generate();
        let sealed = seal_identity(&id, &pass("river lantern copper meadow"));
        let opened = open_identity(&sealed, &pass("river lantern copper meadow")).expect("open");
        assert_eq!(opened.to_public().to_string(), id.to_public().to_string());
        assert!(matches!(
            open_identity(&sealed, &pass("river lantern copper meadoW")),
            Err(KeyFileError::WrongPassphrase)
        ));
    }

    #[test]
    fn identity_file_states_log_n_18() {
        let sealed = seal_identity(&x25519::Identity::generate(), &pass("p"));
        let header = String::from_utf8_lossy(&sealed[..200.min(sealed.len())]).into_owned();
        assert!(header.contains("-> scrypt ") && header.contains(" 18\n"), "{header}");
    }

    #[test]
    fn work_factor_above_the_cap_is_refused() {
        let id = x25519::Identity::generate();
        let mut recipient = age::scrypt::Recipient::new(pass("p"));
        recipient.set_work_factor(SCRYPT_LOG_N + 1);
        let sealed = encrypt(iter::once(&recipient as &dyn age::Recipient), id.to_string().expose_secret().as_bytes());
        assert!(matches!(open_identity(&sealed, &pass("p")), Err(KeyFileError::WorkFactorTooHigh { required: 19 })));
    }

    #[test]
    fn key_unwraps_for_each_recipient_and_not_for_strangers() {
        let (a, b, stranger) =
            (x25519::Identity::generate(), x25519::Identity::generate(), x25519::Identity::generate());
        let key = DatabaseKey::generate();
        let wrapped = wrap_key(&key, &[a.to_public(), b.to_public()]);
        assert_eq!(unwrap_key(&wrapped, &a).expect("a"), key);
        assert_eq!(unwrap_key(&wrapped, &b).expect("b"), key);
        assert!(matches!(unwrap_key(&wrapped, &stranger), Err(KeyFileError::NotForThisKey)));
        let tags = stanza_tags(&wrapped);
        assert_eq!(tags.iter().filter(|t| *t == "X25519").count(), 2);
        assert!(tags.iter().all(|t| t == "X25519" || t.ends_with("-grease")), "{tags:?}");
    }

    #[test]
    fn wrapped_key_with_a_passphrase_stanza_is_refused() {
        let mut recipient = age::scrypt::Recipient::new(pass("p"));
        recipient.set_work_factor(10);
        let wrapped = encrypt(iter::once(&recipient as &dyn age::Recipient), DatabaseKey::generate().as_bytes());
        assert!(matches!(unwrap_key(&wrapped, &x25519::Identity::generate()), Err(KeyFileError::Damaged)));
    }

    /// Regression: a planted file with thousands of empty stanzas kept age's header parser busy for
    /// minutes (5,000 stanzas took 96 s in a debug build), stalling every unlock that read it.
    #[test]
    fn a_header_with_thousands_of_stanzas_is_refused_at_once() {
        let id = x25519::Identity::generate();
        let wrapped = wrap_key(&DatabaseKey::generate(), &[id.to_public()]);
        assert!(header_within_bounds(&wrapped));
        let first_line = wrapped.iter().position(|&b| b == b'\n').expect("version line") + 1;
        let mut huge = wrapped[..first_line].to_vec();
        for _ in 0..5_000 {
            huge.extend_from_slice(b"-> grease\n\n");
        }
        huge.extend_from_slice(&wrapped[first_line..]);
        assert!(!header_within_bounds(&huge));
        let began = std::time::Instant::now();
        assert!(matches!(unwrap_key(&huge, &id), Err(KeyFileError::Damaged)));
        assert!(matches!(open_identity(&huge, &SecretString::from("p".to_owned())), Err(KeyFileError::Damaged)));
        assert!(began.elapsed() < std::time::Duration::from_secs(1), "{:?}", began.elapsed());
        // Regression (found by fuzzing): the same stanzas with the header's end cut off.
        let no_end: Vec<u8> = huge[..huge.windows(4).position(|w| w == b"\n---").expect("end")].to_vec();
        assert!(!header_within_bounds(&no_end[..MAX_AGE_HEADER_BYTES - 1]));
        // A header with no end within the bound, and a short damaged file.
        assert!(!header_within_bounds(&vec![b'a'; MAX_AGE_HEADER_BYTES + 1]));
        assert!(header_within_bounds(b"age-encryption.org/v1\n-> X25519"));
    }

    #[test]
    fn recovery_key_is_read_with_spaces_and_lower_case() {
        let id = x25519::Identity::generate();
        let text = id.to_string().expose_secret().to_owned();
        let typed = recovery_key_groups(&text).join(" ").to_lowercase();
        let parsed = parse_recovery_key(&format!("  {typed}\n")).expect("parse");
        assert_eq!(parsed.to_public().to_string(), id.to_public().to_string());
        assert!(parse_recovery_key("AGE-SECRET-KEY-1NOTAKEY").is_none());
    }

    #[test]
    fn recovery_key_groups_rejoin_to_the_key() {
        let id = x25519::Identity::generate();
        let text = id.to_string().expose_secret().to_owned();
        let groups = recovery_key_groups(&text);
        assert_eq!(groups[0], "AGE-SECRET-KEY-1");
        assert_eq!(groups.concat(), text);
    }
}
