//! Files an admin attaches to a record (a scanned paper signature, a training certificate, a policy
//! document), on their way in and out of the vault. On the way in, the admin window reads the
//! chosen file and sends it as base64 text, because a JSON array of that many numbers would be
//! about four times the size; this module turns the text back into bytes, refusing unread any text
//! too long for the cap. On the way out, a [`FileCopy`] is the file with the name to suggest.
//! Owns neither what the bytes must be (PNG, PDF, Word, ...) nor where they are kept: the record
//! module that keeps them judges and stores them, and notes each copy in the audit trail.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// Why an uploaded file's text could not be turned into the file. Each record module turns this
/// into its own error, so the admin reads about a scan, a certificate or a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadError {
    /// The text is longer than any file within the cap could be; it was refused unread.
    TooLarge,
    /// The text is not base64, so the file it stood for cannot be had.
    Unreadable,
}

/// The bytes of a file sent as base64 `text`, refusing unread any text too long to hold a file of
/// at most `max_bytes`. Spaces and line breaks at either end are ignored.
pub fn decode_base64(text: &str, max_bytes: usize) -> Result<Vec<u8>, UploadError> {
    if text.len() > max_bytes.div_ceil(3) * 4 {
        return Err(UploadError::TooLarge);
    }
    STANDARD.decode(text.trim()).map_err(|_| UploadError::Unreadable)
}

/// An attached file on its way out of the vault, to wherever the admin chooses to save it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCopy {
    /// The name to suggest in the Save dialog: what the file is and its date, never whose it is.
    pub file_name: String,
    /// What `file_name` ends in, without the dot (`pdf`, `png`, `jpg`, `docx`, `odt` or `doc`):
    /// the Save dialog offers that type of file.
    pub extension: String,
    /// The file itself, exactly as it was attached.
    pub bytes: Vec<u8>,
}

/// The extension to save a scanned image or PDF under, from the media type it was stored with.
pub fn scan_extension(media_type: &str) -> &'static str {
    match media_type {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        _ => "pdf",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_cap_decodes_byte_for_byte() {
        let file = b"\x89PNG\r\n\x1a\n-a-small-scan";
        let text = format!("  {}\n", STANDARD.encode(file));
        assert_eq!(decode_base64(&text, 1024).expect("decodes"), file);
    }

    #[test]
    fn text_longer_than_the_cap_allows_is_refused_before_decoding() {
        // Twelve bytes are exactly sixteen characters of base64: one more is too many, even if
        // it is not base64 at all.
        assert_eq!(decode_base64(&"A".repeat(16), 12), Ok(vec![0; 12]));
        assert_eq!(decode_base64(&"!".repeat(17), 12), Err(UploadError::TooLarge));
    }

    #[test]
    fn scans_save_under_the_extension_of_their_stored_type() {
        assert_eq!(scan_extension("image/png"), "png");
        assert_eq!(scan_extension("image/jpeg"), "jpg");
        assert_eq!(scan_extension("application/pdf"), "pdf");
    }

    #[test]
    fn text_that_is_not_base64_is_unreadable() {
        assert_eq!(decode_base64("not base64 at all!", 1024), Err(UploadError::Unreadable));
    }
}
