//! Printed image-consent forms: the blank consent form for paper, a group's consent register for
//! whoever leads a trip or event, and one person's consent history.
//!
//! Owns each form's arrangement, the short column names the register uses and the file names.
//! Does not decide whether an image may be used: the forms print what `records::consent` returns
//! (its rules give every yes and no), and the form words come from `records::consent::wording`.

mod blank;
mod history;
mod print;
mod register;

use chrono::NaiveDate;

pub use blank::{blank_consent_pdf, BlankConsentForm};
pub(crate) use history::{consent_facts, consent_heading};
pub use history::{consent_history_pdf, ConsentHistory};
pub use print::{print_blank, print_history, print_register};
pub use register::{consent_register_pdf, ConsentRegister};

use super::aup::file_name_part;

/// On every page of a filled consent form, in the footer.
pub const CONFIDENTIAL: &str = "Confidential: image consent";

/// The file name offered for the blank image consent form.
pub const BLANK_FILE_NAME: &str = "Image consent form blank.pdf";

/// The file name offered for a group's image consent register: the group and the day.
pub fn register_file_name(group_name: &str, on: NaiveDate) -> String {
    format!("Image consent register {} {}.pdf", file_name_part(group_name), on.format("%Y-%m-%d"))
}

/// The file name offered for one person's image consent history: their name and the day printed.
pub fn history_file_name(person_name: &str, printed: NaiveDate) -> String {
    format!("Image consent history {} {}.pdf", file_name_part(person_name), printed.format("%Y-%m-%d"))
}

/// A use as a register column: one or two words, or the account's own name for social media.
fn column_name(use_key: &str, accounts: &[(String, String)]) -> String {
    if let Some(id) = use_key.strip_prefix("social:") {
        return match accounts.iter().find(|(a, _)| a == id) {
            Some((_, name)) => name.split(' ').map(break_long_word).collect::<Vec<_>>().join(" "),
            None => "Old social account".to_owned(),
        };
    }
    match use_key {
        "website" => "Website",
        "print" => "Print",
        "press" => "Press",
        "display" => "Display",
        "video" => "Video",
        _ => "Other use",
    }
    .to_owned()
}

/// Characters of an account handle printed on one line of a column heading. A table column is
/// never narrower than its longest word, so one long handle would squeeze every other column.
const HANDLE_LINE_CHARS: usize = 16;

fn break_long_word(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    chars.chunks(HANDLE_LINE_CHARS).map(|piece| piece.iter().collect::<String>()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests;
