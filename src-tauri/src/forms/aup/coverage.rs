//! The coverage list for one AUP: who has signed the version in force, who signed only an older
//! version and must sign again, and who has never signed, with counts. A list for the DSL to
//! chase, so it holds names.

use chrono::NaiveDate;

use super::short_hash;
use crate::dates::uk_day_of;
use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::{uk_date, FormError};
use crate::records::signatures::{Coverage, CoverageEntry};

/// What the AUP coverage list prints.
pub struct CoverageList {
    /// The organisation's name, printed under the title.
    pub org_name: String,
    /// The AUP's title (from its current version, or its draft if none is published).
    pub title: String,
    /// Who has signed which version, and who has not, for the AUP's audience.
    pub coverage: Coverage,
    /// The UK day the list was printed.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

/// The coverage list as a PDF: counts first, then the names in each group.
pub fn coverage_pdf(list: &CoverageList) -> Result<Vec<u8>, FormError> {
    let c = &list.coverage;
    let heading = format!("Who has signed: {}", list.title);
    let mut doc = FormDocument::new(&heading, Orientation::Portrait)?;
    doc.set_demo(list.demo);
    doc.set_footer_text(&format!("AUP coverage \u{b7} printed {} \u{b7} {}", uk_date(list.printed), list.title));

    let version = match (c.current_version, &c.current_hash) {
        (Some(n), Some(hash)) => format!("Current version: {n} (fingerprint {})", short_hash(hash)),
        _ => "No version has been published yet, so nobody can have signed the current version.".to_owned(),
    };
    doc.title(&heading).paragraph(&format!(
        "{}\nFor: {}\n{version}\nPrinted {}",
        list.org_name,
        c.audience.label(),
        uk_date(list.printed)
    ));
    let total = c.signed_current.len() + c.needs_resign.len() + c.never_signed.len();
    doc.strong(&format!(
        "{} of {total} signed the current version. {} to sign again. {} never signed.",
        c.signed_current.len(),
        people(c.needs_resign.len(), "needs", "need"),
        people(c.never_signed.len(), "has", "have")
    ));

    section(&mut doc, "Signed the current version", &c.signed_current, "Nobody has signed the current version yet.");
    section(
        &mut doc,
        "Signed an older version \u{2013} needs to sign again",
        &c.needs_resign,
        "Nobody is waiting to sign again.",
    );
    section(&mut doc, "Never signed", &c.never_signed, "Everyone has signed at least once.");

    doc.finish()
}

fn section(doc: &mut FormDocument, title: &str, entries: &[CoverageEntry], empty: &str) {
    doc.heading(&format!("{title} ({})", entries.len()));
    if entries.is_empty() {
        doc.paragraph(empty);
        return;
    }
    if entries.iter().all(|e| e.signed_version.is_none()) {
        let rows: Vec<Vec<String>> =
            entries.iter().map(|e| vec![e.full_name.clone(), e.group.label().to_owned()]).collect();
        doc.table(&["Name", "Group"], &rows);
        return;
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.full_name.clone(),
                e.group.label().to_owned(),
                e.signed_version.map_or_else(|| "\u{2013}".to_owned(), |v| format!("Version {v}")),
                e.last_signed_at.as_deref().and_then(uk_day_of).map_or_else(|| "\u{2013}".to_owned(), uk_date),
            ]
        })
        .collect();
    doc.table(&["Name", "Group", "Version signed", "Last signed"], &rows);
}

/// "1 person needs" / "3 people need".
fn people(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 person {one}")
    } else {
        format!("{count} people {many}")
    }
}
