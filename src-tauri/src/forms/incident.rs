//! Printed incident forms: the blank form for paper, the filled report for one incident (with its
//! whole chronology and every amendment), and one person's chronology across incidents.
//!
//! Owns each form's wording and arrangement and the file names they are saved under. Does not
//! decide who may see an incident: the forms print what `records::incidents` returns for the admin
//! printing, and each incident printed is noted in the audit trail there. Every page of a filled
//! form says "Confidential: safeguarding".

mod blank;
mod entry_text;
mod person;
mod print;
mod report;

use std::collections::HashMap;

use chrono::NaiveDate;

pub use blank::{blank_incident_pdf, BlankIncidentForm};
pub(crate) use entry_text::entry_fields;
pub use person::{person_chronology_pdf, PersonChronology, PersonIncident};
pub use print::{print_blank, print_person, print_report};
pub use report::{incident_report_pdf, IncidentReportForm};

use super::aup::file_name_part;

/// On every page of a filled incident form, in the footer.
pub const CONFIDENTIAL: &str = "Confidential: safeguarding";

/// The file name offered for the blank incident form.
pub const BLANK_FILE_NAME: &str = "Incident form blank.pdf";

/// The file name offered for one incident's report: its reference, such as `INC-2026-0007`.
pub fn report_file_name(reference: &str) -> String {
    format!("Incident report {}.pdf", file_name_part(reference))
}

/// The file name offered for one person's incident chronology: their name and the day printed.
pub fn person_file_name(person_name: &str, printed: NaiveDate) -> String {
    format!("Incident chronology {} {}.pdf", file_name_part(person_name), printed.format("%Y-%m-%d"))
}

/// Who saved an entry, in words: `admin:<id>` becomes the admin's name when it is known.
pub fn recorded_by_words(stored: &str, admin_names: &HashMap<String, String>) -> String {
    match stored.split_once(':') {
        Some(("admin", id)) => admin_names.get(id).cloned().unwrap_or_else(|| "an admin no longer listed".to_owned()),
        _ => match stored {
            "signing-station" => "the signing station (identity self-declared)".to_owned(),
            "recovery-key" => "someone using the recovery key".to_owned(),
            _ => "Safekeeper".to_owned(),
        },
    }
}

#[cfg(test)]
mod tests;
