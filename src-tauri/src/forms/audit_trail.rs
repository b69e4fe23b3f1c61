//! The audit trail on paper: the entries an admin filtered, newest first, with who, when (UK
//! time), what, the record and its detail, and the chain check's result in words at the top.
//!
//! Owns the sheet's wording and arrangement; `print` reads the entries through
//! `records::audit_log` and the chain check through `store::audit::verify`.

mod print;

use chrono::NaiveDate;

use super::layout::{FormDocument, Orientation};
use super::{uk_date, FormError};
use crate::dates::uk_date_time_text;
use crate::records::audit_log::AuditRow;
use crate::store::audit::AuditStatus;
pub use print::{filter_words, print, PRINT_LIMIT};

/// Everything the printed audit trail holds, gathered by the caller.
pub struct AuditSheet {
    /// The organisation's name, printed under the title and in the footer.
    pub org_name: String,
    /// The entries that matched the filters, newest first.
    pub rows: Vec<AuditRow>,
    /// More entries matched than the sheet holds.
    pub truncated: bool,
    /// The filters in words, e.g. "Who: Morgan Ellis; from 1 July 2026".
    pub filtered: Option<String>,
    /// The chain check's result, printed in words at the top.
    pub status: AuditStatus,
    /// The UK day the sheet was printed.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

/// The file name offered for the audit trail: the day it was printed.
pub fn file_name(printed: NaiveDate) -> String {
    format!("Audit trail {}.pdf", printed.format("%Y-%m-%d"))
}

/// The chain check's result as a DSL would write it in a report.
pub fn status_words(status: &AuditStatus) -> String {
    match (status.verified, status.first_bad_row) {
        (true, _) => format!("Verified: all {} entries check out, from the first to the chain head.", status.rows),
        (false, Some(row)) => format!(
            "Problem: entry {row} does not check out, so the trail has been changed outside Safekeeper from that entry on."
        ),
        (false, None) => "Problem: the trail does not check out.".to_owned(),
    }
}

/// The first 8 characters of a generated id (a UUID), as the audit log screen shows it; anything
/// else whole. Enough to tell records apart on one printout.
fn short_id(id: &str) -> &str {
    let generated = id.len() == 36 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    if generated {
        &id[..8]
    } else {
        id
    }
}

/// The audit trail as a PDF, on landscape pages: the chain check, then one row per entry.
pub fn audit_pdf(sheet: &AuditSheet) -> Result<Vec<u8>, FormError> {
    let mut doc = FormDocument::new("Audit trail", Orientation::Landscape)?;
    doc.set_demo(sheet.demo);
    doc.set_footer_text(&format!("Audit trail \u{b7} {} \u{b7} printed {}", sheet.org_name, uk_date(sheet.printed)));
    doc.title("Audit trail");
    let scope =
        sheet.filtered.as_deref().map_or_else(|| "\nShowing: every entry".to_owned(), |f| format!("\nShowing: {f}"));
    doc.paragraph(&format!("{}\nPrinted {}{scope}", sheet.org_name, uk_date(sheet.printed)));
    doc.strong(&status_words(&sheet.status));
    doc.paragraph(&format!("Chain head: {}", sheet.status.head));
    doc.note(
        "Each entry is sealed to the one before it. Compare the chain head with one written down earlier: if the \
         earlier one is no longer in the trail, entries have been removed or rewritten. Entries name records by \
         their reference only; the records themselves are not printed here.",
    );
    if sheet.rows.is_empty() {
        doc.paragraph("No entries match.");
        return doc.finish();
    }
    let rows: Vec<Vec<String>> = sheet
        .rows
        .iter()
        .map(|r| {
            // One part per line, so details wrap at their joins; ids are shortened as on screen.
            let record = if r.subject_id.is_empty() {
                r.subject_kind.clone()
            } else {
                format!("{}\n{}", r.subject_kind, short_id(&r.subject_id))
            };
            vec![
                r.id.to_string(),
                uk_date_time_text(&r.at).unwrap_or_else(|| r.at.clone()),
                r.actor_name.clone(),
                r.what.clone(),
                record,
                r.detail
                    .split(';')
                    .map(|part| match part.split_once('=') {
                        Some((key, value)) => format!("{key}={}", short_id(value)),
                        None => part.to_owned(),
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ]
        })
        .collect();
    doc.table(&["No.", "When (UK time)", "Who", "What", "Record", "Detail"], &rows);
    if sheet.truncated {
        doc.note("More entries match than one printout holds. Narrow the dates to print the rest.");
    }
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::pdf_check::pdf_text;

    fn row(id: i64, what: &str) -> AuditRow {
        AuditRow {
            id,
            at: "2026-07-01T09:15:00Z".into(),
            actor: "admin:a1".into(),
            actor_name: "Morgan Ellis".into(),
            action: "incident.opened".into(),
            what: what.into(),
            subject_kind: "incident".into(),
            subject_id: "inc-42".into(),
            detail: "".into(),
        }
    }

    #[test]
    fn the_printout_says_who_when_what_and_the_check_in_words() {
        let sheet = AuditSheet {
            org_name: "Northfield Youth Trust".into(),
            rows: vec![row(7, "Opened an incident"), row(6, "Unlocked")],
            truncated: true,
            filtered: Some("Who: Morgan Ellis".into()),
            status: AuditStatus { rows: 7, head: "ab".repeat(32), verified: true, first_bad_row: None },
            printed: NaiveDate::from_ymd_opt(2026, 12, 2).expect("date"),
            demo: false,
        };
        let text = pdf_text(&audit_pdf(&sheet).expect("pdf"));
        for expected in [
            "Audit trail",
            "Northfield Youth Trust",
            "Showing: Who: Morgan Ellis",
            "Verified: all 7 entries check out",
            "Opened an incident",
            "10:15",
            "inc-42",
            "Narrow the dates",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
        assert!(text.contains(&"ab".repeat(32)), "the chain head is printed whole");
    }

    #[test]
    fn generated_ids_are_shortened_and_other_values_kept_whole() {
        assert_eq!(short_id("e1b09254-64bb-443e-8d4e-bbd98a8c595b"), "e1b09254");
        assert_eq!(short_id("course-online-safety"), "course-online-safety");
        assert_eq!(short_id("inc-42"), "inc-42");
    }

    #[test]
    fn a_broken_chain_names_the_first_bad_entry() {
        let status = AuditStatus { rows: 9, head: String::new(), verified: false, first_bad_row: Some(4) };
        assert!(status_words(&status).contains("entry 4 does not check out"));
    }
}
