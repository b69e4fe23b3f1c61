//! The Emergency Kit: one printed sheet holding the organisation's recovery key, as text and as a
//! QR code, with plain-English instructions for keeping it safe and for restoring without
//! Safekeeper.
//!
//! Owns the sheet's wording and arrangement. Does not make or store the recovery key (the vault
//! does) and never logs it: the key exists here only long enough to be drawn.

use chrono::NaiveDate;
use qrcode::{EcLevel, QrCode};

use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::uk_date;
/// Re-exported so a caller of the kit needs only this module.
pub use crate::forms::FormError;

/// What the Emergency Kit prints.
pub struct EmergencyKit {
    /// The organisation's name, printed in the opening line ("Made for …").
    pub org_name: String,
    /// The UK day the recovery key was made during setup, printed beside the organisation's name.
    pub created: NaiveDate,
    /// The age identity that decrypts the vault and its backups, e.g. `AGE-SECRET-KEY-1…`.
    pub recovery_key: String,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

/// Big enough for a phone or webcam to read from arm's length, small enough to leave room for
/// the instructions beside it.
const QR_SIZE_MM: f32 = 50.0;

const TITLE: &str = "Safekeeper Emergency Kit";

/// The Emergency Kit as PDF bytes, ready to save or print.
pub fn emergency_kit_pdf(kit: &EmergencyKit) -> Result<Vec<u8>, FormError> {
    let key = kit.recovery_key.as_str();
    if key.is_empty() || key.chars().any(char::is_whitespace) {
        return Err(FormError::RecoveryKeyMalformed);
    }
    // Level M survives a crease or a smudge and still keeps the code small enough to scan easily.
    let code = QrCode::with_error_correction_level(key.as_bytes(), EcLevel::M).map_err(|_| FormError::QrTooLong)?;

    let mut doc = FormDocument::new(TITLE, Orientation::Portrait)?;
    doc.set_demo(kit.demo);
    doc.set_footer_text(&format!("{TITLE} \u{2013} keep locked away"));

    doc.title(TITLE).paragraph(&format!("Made for {} on {}.", kit.org_name, uk_date(kit.created))).strong(
        "Anyone who holds this sheet can read all of your organisation\u{2019}s records. \
             Keep it locked away.",
    );

    doc.heading("What this sheet is").paragraph(
        "Safekeeper keeps your online-safety records locked (encrypted) on your laptop and in \
         every backup. Normally an admin opens them with their own passphrase. If every admin \
         passphrase is lost or forgotten, the recovery key below is the only way back in. Without \
         it, nobody, including the makers of Safekeeper, can open the records.",
    );

    doc.heading("Recovery key").monospace_block(key);

    doc.qr_beside(&code, QR_SIZE_MM, |side| {
        side.heading("Keep this sheet safe")
            .list_item("\u{2022}", "Store it somewhere locked and away from the laptop, such as a safe.")
            .list_item("\u{2022}", "Never photograph it, scan it, email it or save it online.")
            .list_item("\u{2022}", "The QR code holds the same key. Only scan it on a computer you trust.")
            .list_item(
                "\u{2022}",
                "If this sheet goes missing, treat it as a data breach and tell your \
                 safeguarding lead.",
            );
    });

    doc.heading("Restoring without Safekeeper").paragraph(
        "A backup can be opened with two free tools, age and sqlite3, which run on Windows, \
         macOS and Linux. Below, the backup file (its name ends in .age) is called backup.age.",
    );
    doc.list_item(
        "1.",
        "Type the recovery key exactly as printed above, on one line, into a plain text file \
         named key.txt in the same folder as the backup.",
    )
    .list_item("2.", "Open a terminal in that folder and decrypt the backup:")
    .code("age -d -i key.txt -o safekeeper.sqlite backup.age")
    .list_item("3.", "The result is an ordinary SQLite database. Open it to read the records:")
    .code("sqlite3 safekeeper.sqlite")
    .list_item("4.", "When you have finished, delete key.txt and safekeeper.sqlite: neither is protected.");

    doc.heading("Where this sheet is kept").fill_in_line("Kept in:").fill_in_line("Held by:");

    doc.finish()
}

/// The cloud service, or the folder that cloud backup usually copies, that `folder` is in, if any:
/// a saved Emergency Kit there may end up online, where anyone who gets into that account can
/// read every record. `home` is the user's home folder, for Documents and Desktop (which
/// OneDrive and iCloud back up by default on Windows and macOS).
pub fn cloud_synced_folder(folder: &std::path::Path, home: Option<&std::path::Path>) -> Option<&'static str> {
    for part in folder.components() {
        let name = part.as_os_str().to_string_lossy().to_lowercase();
        if name.starts_with("onedrive") {
            return Some("OneDrive");
        }
        if name.starts_with("dropbox") {
            return Some("Dropbox");
        }
        if name.starts_with("google drive") || name.starts_with("googledrive") || name == "my drive" {
            return Some("Google Drive");
        }
        if name.starts_with("icloud") || name == "mobile documents" || name == "com~apple~clouddocs" {
            return Some("iCloud Drive");
        }
    }
    let inside = folder.strip_prefix(home?).ok()?;
    match inside.components().next()?.as_os_str().to_string_lossy().to_lowercase().as_str() {
        "documents" | "my documents" => Some("Documents"),
        "desktop" => Some("Desktop"),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
