//! Printed Acceptable Use Policy forms: the blank AUP to sign on paper, one person's signed AUP
//! record, and the coverage list of who has and has not signed.
//!
//! Owns each form's wording and arrangement, and the file names they are saved under. Does not
//! decide who has signed: `print_blank`, `print_signed` and `print_coverage` read that from
//! `records::aup` and `records::signatures` and only print it.

mod blank;
mod coverage;
mod print;
mod signed;

use chrono::NaiveDate;

use crate::forms::layout::FormDocument;
use crate::records::aup::{Audience, AupContent};
pub use blank::{blank_aup_pdf, BlankAup};
pub use coverage::{coverage_pdf, CoverageList};
pub use print::{print_blank, print_coverage, print_signed};
pub use signed::{signed_aup_pdf, SignedAup};

/// How many characters of the content hash identify a version on paper and on screen. The UI
/// shows the same prefix, so a printed sheet can be matched to the screen by eye.
pub const SHORT_HASH_CHARS: usize = 12;

/// The first characters of a content hash, as printed in footers.
pub fn short_hash(hash: &str) -> &str {
    hash.get(..SHORT_HASH_CHARS).unwrap_or(hash)
}

/// A short name for the audience, for file names: "AUP staff v2 blank.pdf".
pub fn audience_file_word(audience: Audience) -> &'static str {
    match audience {
        Audience::StaffVolunteers => "staff",
        Audience::YoungPeople => "young people",
        Audience::ParentsCarers => "parents and carers",
        Audience::VisitorsContractors => "visitors",
        Audience::SocialMedia => "social media",
    }
}

/// `text` made safe as part of a file name on Windows, macOS and Linux: characters that any of
/// them refuses become spaces, runs of spaces fold to one, and the length is capped.
pub fn file_name_part(text: &str) -> String {
    let cleaned: String =
        text.chars().map(|c| if c.is_control() || r#"/\:*?"<>|"#.contains(c) { ' ' } else { c }).collect();
    let folded = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let capped: String = folded.chars().take(80).collect();
    // Windows will not save a name ending in a dot or a space.
    capped.trim_end_matches(['.', ' ']).to_owned()
}

/// The file name offered for a blank AUP, such as `AUP staff v2 blank.pdf`.
pub fn blank_file_name(audience: Audience, version: i64) -> String {
    format!("AUP {} v{version} blank.pdf", audience_file_word(audience))
}

/// The file name offered for one person's signed AUP: their name and the day they signed.
pub fn signed_file_name(person_name: &str, signed_on: NaiveDate) -> String {
    format!("Signed AUP {} {}.pdf", file_name_part(person_name), signed_on.format("%Y-%m-%d"))
}

/// The file name offered for an AUP's coverage list: its title and the day it was printed.
pub fn coverage_file_name(title: &str, printed: NaiveDate) -> String {
    format!("AUP coverage {} {}.pdf", file_name_part(title), printed.format("%Y-%m-%d"))
}

/// The policy's own words in reading order: introduction, every rule numbered from 1, then what
/// happens if the rules are broken, monitoring and who to tell. The title is left to the caller.
fn policy_text(doc: &mut FormDocument, content: &AupContent) {
    doc.paragraph(&content.intro);
    doc.heading("The rules");
    for (i, rule) in content.rules.iter().enumerate() {
        doc.list_item(&format!("{}.", i + 1), rule);
    }
    doc.spacer(1.5);
    doc.heading("If the rules are broken").paragraph(&content.consequences);
    doc.heading("Monitoring").paragraph(&content.monitoring);
    doc.heading("Reporting concerns").paragraph(&content.report_concerns);
}

#[cfg(test)]
mod tests;
