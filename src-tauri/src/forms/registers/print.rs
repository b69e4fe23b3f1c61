//! Printing the registers from the records: the training matrix, one policy's version history and
//! the annual review checklist. None of these is recorded in the audit trail.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{
    checklist_file_name, checklist_pdf, history_file_name, history_pdf, matrix_file_name, matrix_pdf, AupFigures,
    ChecklistSheet, HistorySheet, MatrixSheet,
};
use crate::forms::{PrintError, PrintedForm};
use crate::records::training::{self, MatrixFilter};
use crate::records::{aup, organisation, policies, signatures};

/// The matrix's filter in words, for the top of the printout; `None` when it shows everyone.
pub fn filter_words(filter: &MatrixFilter) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(group) = filter.group {
        parts.push(group.label().to_owned());
    }
    if let Some(status) = filter.status {
        parts.push(format!("anyone with a course {}", status.label().to_lowercase()));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The training matrix as `filter` shows it on `today`.
pub fn print_matrix(
    conn: &Connection,
    filter: &MatrixFilter,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, PrintError> {
    let sheet = MatrixSheet {
        org_name: organisation::get(conn)?.org_name,
        // Everyone the filter lets through: the screen shows a page at a time, the paper all of it.
        matrix: training::matrix(conn, today, &MatrixFilter { limit: None, ..filter.clone() })?,
        filtered: filter_words(filter),
        printed: today,
        demo,
    };
    Ok(PrintedForm { file_name: matrix_file_name(today), pdf: matrix_pdf(&sheet)? })
}

/// One policy's version history, printed on `today`.
pub fn print_history(
    conn: &Connection,
    policy_id: &str,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, PrintError> {
    let detail = policies::get(conn, policy_id, today)?;
    let file_name = history_file_name(&detail.policy.name);
    let sheet = HistorySheet { org_name: organisation::get(conn)?.org_name, detail, printed: today, demo };
    Ok(PrintedForm { file_name, pdf: history_pdf(&sheet)? })
}

/// Each AUP's coverage in figures, for the checklist.
fn aup_figures(conn: &Connection) -> Result<Vec<AupFigures>, PrintError> {
    let mut aups = Vec::new();
    for found in aup::list(conn)? {
        let coverage = signatures::coverage(conn, &found.id)?;
        let title = found
            .current
            .as_ref()
            .or(found.draft.as_ref())
            .map_or_else(|| found.audience.label().to_owned(), |version| version.title.clone());
        aups.push(AupFigures {
            title,
            audience: found.audience,
            version: coverage.current_version,
            signed_current: coverage.signed_current.len(),
            needs_resign: coverage.needs_resign.len(),
            never_signed: coverage.never_signed.len(),
        });
    }
    Ok(aups)
}

/// The annual review checklist as at `today`: every policy, training compliance and AUP coverage.
pub fn print_checklist(conn: &Connection, demo: bool, today: NaiveDate) -> Result<PrintedForm, PrintError> {
    let sheet = ChecklistSheet {
        org_name: organisation::get(conn)?.org_name,
        policies: policies::list(conn, today, false)?,
        matrix: training::matrix(conn, today, &MatrixFilter::default())?,
        aups: aup_figures(conn)?,
        printed: today,
        demo,
    };
    Ok(PrintedForm { file_name: checklist_file_name(today), pdf: checklist_pdf(&sheet)? })
}
