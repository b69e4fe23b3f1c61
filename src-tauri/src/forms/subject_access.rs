//! The subject access PDF: everything the organisation holds about one person, written for that
//! person (often a young person or a parent) to read. A cover says who it is about, when it was
//! made and what each section means; then one section per kind of record.
//!
//! Owns the wording, the arrangement and the file names of the PDF and the JSON beside it. Does not
//! decide what is included or hidden: `export` prints what `records::subject_access::gather`
//! returns, and the caller chooses where the files go.

mod export;
mod incidents;
mod sections;

use std::collections::HashMap;

use chrono::NaiveDate;

use super::aup::file_name_part;
use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::{uk_date, FormError};
use crate::records::subject_access::{SubjectAccess, ANOTHER_PERSON};
pub use export::{export, gather, note_saved, render, Gathered, SubjectAccessFiles};

/// Everything the subject access PDF holds, gathered by the caller.
pub struct SubjectAccessForm {
    /// What the organisation holds about the person, as `records::subject_access::gather` returned it.
    pub access: SubjectAccess,
    /// Admin ids and names, to say who saved each incident entry.
    pub admin_names: HashMap<String, String>,
    /// Every social media account as (id, name), retired ones too, to name consent answers.
    pub accounts: Vec<(String, String)>,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

const TITLE: &str = "Your information";

/// The file name offered for the PDF: the person's name and the day it was produced.
pub fn pdf_file_name(person_name: &str, produced: NaiveDate) -> String {
    format!("Subject access {} {}.pdf", file_name_part(person_name), produced.format("%Y-%m-%d"))
}

/// The file name offered for the JSON copy written beside the PDF.
pub fn json_file_name(person_name: &str, produced: NaiveDate) -> String {
    format!("Subject access {} {}.json", file_name_part(person_name), produced.format("%Y-%m-%d"))
}

/// The subject access PDF: a cover, then one section per kind of record held about the person.
pub fn subject_access_pdf(form: &SubjectAccessForm) -> Result<Vec<u8>, FormError> {
    let access = &form.access;
    let name = &access.details.person.full_name;
    let mut doc = FormDocument::new(&format!("{TITLE}: {name}"), Orientation::Portrait)?;
    doc.set_demo(form.demo);
    doc.set_footer_text(&format!("Confidential \u{b7} Subject access \u{b7} {name}"));

    cover(&mut doc, access);
    doc.page_break();
    sections::about_you(&mut doc, access);
    sections::signatures(&mut doc, access);
    sections::consents(&mut doc, access, &form.accounts);
    sections::training(&mut doc, access);
    incidents::incidents(&mut doc, access, &form.admin_names);
    doc.finish()
}

fn cover(doc: &mut FormDocument, access: &SubjectAccess) {
    let name = &access.details.person.full_name;
    doc.title(TITLE);
    doc.paragraph(&format!("About: {name}\nFrom: {}\nMade on: {}", access.organisation, uk_date(access.produced_on)));
    doc.strong("Confidential. This is about you: keep it somewhere safe.");

    doc.heading("What this is");
    doc.paragraph(&format!(
        "You asked {} for the information it holds about you. The law calls this a subject access \
         request. This document shows everything we keep about you in our safeguarding records \
         system, on the date above.",
        access.organisation
    ));
    doc.paragraph(
        "A computer file comes with it (ending .json). It holds the same information in a form other \
         software can read, including pictures of signatures and certificates.",
    );

    doc.heading("What each section means");
    let counts = [
        ("About you", "your name, dates and contact details, which group you are in with us, any roles you hold, and the people linked to you (such as a parent or carer).".to_owned(), None),
        ("Agreements you signed", "each acceptable use agreement (the rules for using computers, phones and the internet with us) you signed, when and how.".to_owned(), Some(access.signatures.len())),
        ("Photos and videos", "what you (or your parent or carer) said about us using photos and videos of you, any time that was changed or taken back, and where pictures of you were used.".to_owned(), Some(access.consents.len() + access.publications.len())),
        ("Training", "courses you completed with us and when they need doing again.".to_owned(), Some(access.training.len())),
        ("Incidents", "any safeguarding concern (something worrying that happened online) that names you, and what was written down about it.".to_owned(), Some(access.incidents.len())),
    ];
    for (title, meaning, count) in counts {
        let held = match count {
            Some(0) => " We hold none.".to_owned(),
            Some(1) => " We hold 1 record.".to_owned(),
            Some(n) => format!(" We hold {n} records."),
            None => String::new(),
        };
        doc.list_item("\u{2022}", &format!("{title}: {meaning}{held}"));
    }

    doc.heading("Other people");
    if access.others_redacted {
        doc.paragraph(&format!(
            "Incident records can name other people. To protect them, their names have been replaced \
             with \u{201c}{ANOTHER_PERSON}\u{201d}."
        ));
    } else {
        doc.paragraph(
            "Incident records can name other people. In this copy their names have been left in. \
             Please respect their privacy.",
        );
    }
    doc.paragraph(
        "If something here is wrong, tell us and we will correct it. If you are unhappy with how we \
         answered, you can contact the Information Commissioner\u{2019}s Office (ICO).",
    );
}

/// A drawn picture, or a line saying it is in the computer file when it cannot be shown here.
fn picture_or_note(doc: &mut FormDocument, png: &[u8], what: &str) {
    if doc.framed_png(png, 70.0, 24.0).is_err() {
        doc.note(&format!("The {what} is stored, but could not be shown here. It is in the computer file."));
    }
}

#[cfg(test)]
mod tests;
