//! Printed registers for trustees and inspectors: the training matrix (A4 landscape), one
//! policy's version history, and the annual review checklist (every policy with its last and next
//! review, training compliance and AUP coverage figures, and sign-off lines).
//!
//! Owns each form's wording and arrangement and the file names they are saved under. The
//! `print_…` functions read what they print from `records::training`, `records::policies` and
//! `records::signatures`.

mod print;

use chrono::NaiveDate;

use super::aup::file_name_part;
use super::layout::{FormDocument, Orientation};
use super::{uk_date, FormError};
use crate::records::aup::Audience;
use crate::records::policies::{Policy, PolicyDetail};
use crate::records::training::{MatrixCell, TrainingMatrix};
use crate::reminders::DueStatus;
pub use print::{filter_words, print_checklist, print_history, print_matrix};

/// How a training matrix file name starts; the UK day printed follows.
pub const MATRIX_FILE_PREFIX: &str = "Training matrix";
/// How an annual review checklist file name starts; the UK day printed follows.
pub const CHECKLIST_FILE_PREFIX: &str = "Annual review checklist";

/// The file name offered for the training matrix: `Training matrix YYYY-MM-DD.pdf`.
pub fn matrix_file_name(printed: NaiveDate) -> String {
    format!("{MATRIX_FILE_PREFIX} {}.pdf", printed.format("%Y-%m-%d"))
}

/// The file name offered for one policy's version history: the policy's name.
pub fn history_file_name(policy_name: &str) -> String {
    format!("Policy history {}.pdf", file_name_part(policy_name))
}

/// The file name offered for the annual review checklist: the day it was printed.
pub fn checklist_file_name(printed: NaiveDate) -> String {
    format!("{CHECKLIST_FILE_PREFIX} {}.pdf", printed.format("%Y-%m-%d"))
}

/// What one matrix cell says on paper: the status in words, then the date that goes with it.
fn cell_text(cell: &MatrixCell) -> String {
    let status = cell.status.map(DueStatus::label);
    match (status, cell.last_completed, cell.next_due) {
        (None, None, _) => "Not required".to_owned(),
        (None, Some(done), _) => format!("Not required (done {})", uk_date(done)),
        (Some(words), None, _) => words.to_owned(),
        (Some(words), Some(done), None) => format!("{words}\n{}", uk_date(done)),
        (Some(words), Some(_), Some(due)) if cell.status == Some(DueStatus::Overdue) => {
            format!("{words}\nwas due {}", uk_date(due))
        }
        (Some(words), Some(_), Some(due)) => format!("{words}\ndue {}", uk_date(due)),
    }
}

/// Everything the printed training matrix holds, gathered by the caller.
pub struct MatrixSheet {
    /// The organisation's name, printed under the title and in the footer.
    pub org_name: String,
    /// The people, courses and each person's standing on each course, as filtered.
    pub matrix: TrainingMatrix,
    /// What the matrix was filtered by, in words, or `None` for everyone.
    pub filtered: Option<String>,
    /// The UK day the matrix was printed, which the standings are worked out for.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

/// The training matrix on A4 landscape: one row per person, one column per course.
pub fn matrix_pdf(sheet: &MatrixSheet) -> Result<Vec<u8>, FormError> {
    let mut doc = FormDocument::new("Training matrix", Orientation::Landscape)?;
    doc.set_demo(sheet.demo);
    doc.set_footer_text(&format!(
        "Training matrix \u{b7} {} \u{b7} printed {}",
        sheet.org_name,
        uk_date(sheet.printed)
    ));
    doc.title("Training matrix");
    let scope = sheet.filtered.as_deref().map_or_else(String::new, |f| format!("\nShowing: {f}"));
    doc.paragraph(&format!("{}\nPrinted {}{scope}", sheet.org_name, uk_date(sheet.printed)));
    doc.note(
        "Each cell says where the person stands on the course: Done, Due within 30, 60 or 90 days, \
         Overdue or Never done, with the date it was done or falls due. \u{201c}Not required\u{201d} means \
         the course is not asked of them.",
    );
    if sheet.matrix.rows.is_empty() {
        doc.paragraph("Nobody matches. Add staff and volunteers to the people register first.");
        return doc.finish();
    }
    let mut headers: Vec<&str> = vec!["Name"];
    headers.extend(sheet.matrix.courses.iter().map(|c| c.name.as_str()));
    let rows: Vec<Vec<String>> = sheet
        .matrix
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![format!("{}\n{}", row.full_name, row.group.label())];
            cells.extend(row.cells.iter().map(cell_text));
            cells
        })
        .collect();
    doc.table(&headers, &rows);

    doc.heading("Totals");
    doc.table(&[], &training_totals(&sheet.matrix));
    doc.finish()
}

/// Training compliance across everyone: courses required, done and in date (with the share),
/// overdue and never done. A course due soon still counts as done and in date.
fn training_totals(matrix: &TrainingMatrix) -> Vec<Vec<String>> {
    let required: Vec<DueStatus> = matrix.rows.iter().flat_map(|r| r.cells.iter()).filter_map(|c| c.status).collect();
    let count = |wanted: &[DueStatus]| required.iter().filter(|s| wanted.contains(s)).count();
    let in_date = count(&[DueStatus::InDate, DueStatus::DueIn30, DueStatus::DueIn60, DueStatus::DueIn90]);
    let (required, overdue, never) = (required.len(), count(&[DueStatus::Overdue]), count(&[DueStatus::NeverDone]));
    let percent = (in_date * 100).checked_div(required).unwrap_or(100);
    vec![
        vec!["Courses required, across everyone".into(), required.to_string()],
        vec!["Done and in date".into(), format!("{in_date} ({percent}%)")],
        vec!["Overdue".into(), overdue.to_string()],
        vec!["Never done".into(), never.to_string()],
    ]
}

/// Everything one policy's printed version history holds, gathered by the caller.
pub struct HistorySheet {
    /// The organisation's name, printed under the title.
    pub org_name: String,
    /// The policy with every version and review recorded.
    pub detail: PolicyDetail,
    /// The UK day the history was printed.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

/// One policy's version history, as the table at the front of the policy.
pub fn history_pdf(sheet: &HistorySheet) -> Result<Vec<u8>, FormError> {
    let policy = &sheet.detail.policy;
    let title = format!("{} policy: version history", policy.name);
    let mut doc = FormDocument::new(&title, Orientation::Portrait)?;
    doc.set_demo(sheet.demo);
    doc.set_footer_text(&format!("{title} \u{b7} printed {}", uk_date(sheet.printed)));
    doc.title(&title);
    doc.paragraph(&format!("{}\nPrinted {}", sheet.org_name, uk_date(sheet.printed)));
    doc.table(&[], &policy_summary(policy));
    doc.heading("Version history");
    if sheet.detail.history.is_empty() {
        doc.paragraph("No versions are recorded yet.");
    } else {
        let rows: Vec<Vec<String>> = sheet
            .detail
            .history
            .iter()
            .map(|v| {
                let approved = match (&v.approved_by, v.approved_on) {
                    (Some(by), Some(on)) => format!("{by}, {}", uk_date(on)),
                    (Some(by), None) => by.clone(),
                    (None, Some(on)) => uk_date(on),
                    (None, None) => "Not recorded".into(),
                };
                vec![
                    v.version.clone(),
                    v.purpose.clone(),
                    v.lead.clone(),
                    uk_date(v.reviewed_on),
                    uk_date(v.next_review),
                    approved,
                ]
            })
            .collect();
        doc.table(&["Version", "Purpose or change", "Lead", "Review date", "Next review", "Approved"], &rows);
    }
    doc.finish()
}

fn policy_summary(policy: &Policy) -> Vec<Vec<String>> {
    let cycle = match policy.review_months {
        12 => "Every year".to_owned(),
        m if m % 12 == 0 => format!("Every {} years", m / 12),
        m => format!("Every {m} months"),
    };
    vec![
        vec!["Owner or lead".into(), if policy.owner.is_empty() { "Not set".into() } else { policy.owner.clone() }],
        vec!["Reviewed".into(), cycle],
        vec!["Current version".into(), policy.current_version.clone().unwrap_or_else(|| "None recorded".into())],
        vec!["Next review".into(), next_review_words(policy)],
    ]
}

fn next_review_words(policy: &Policy) -> String {
    match (policy.next_review, policy.status) {
        (None, _) => "No review recorded".into(),
        (Some(due), DueStatus::Overdue) => format!("{} (overdue)", uk_date(due)),
        (Some(due), _) => uk_date(due),
    }
}

/// One AUP's coverage, as counts.
pub struct AupFigures {
    /// The AUP's title (its current version's, or its draft's), or its audience when it has neither.
    pub title: String,
    /// Who the AUP is for.
    pub audience: Audience,
    /// The version in force; `None` when none is published.
    pub version: Option<i64>,
    /// How many people have signed the version in force.
    pub signed_current: usize,
    /// How many signed only an older version and must sign again.
    pub needs_resign: usize,
    /// How many of the AUP's audience have never signed it.
    pub never_signed: usize,
}

/// Everything the annual review checklist holds, gathered by the caller.
pub struct ChecklistSheet {
    /// The organisation's name, printed under the title and in the footer.
    pub org_name: String,
    /// Every policy, with its last and next review.
    pub policies: Vec<Policy>,
    /// The training matrix, from which the training figures are counted.
    pub matrix: TrainingMatrix,
    /// Each AUP's coverage figures.
    pub aups: Vec<AupFigures>,
    /// The UK day the checklist was printed.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

/// The annual review checklist for the DSL and trustees.
pub fn checklist_pdf(sheet: &ChecklistSheet) -> Result<Vec<u8>, FormError> {
    let mut doc = FormDocument::new("Annual review checklist", Orientation::Portrait)?;
    doc.set_demo(sheet.demo);
    doc.set_footer_text(&format!(
        "Annual review checklist \u{b7} {} \u{b7} printed {}",
        sheet.org_name,
        uk_date(sheet.printed)
    ));
    doc.title("Annual review checklist");
    doc.paragraph(&format!("{}\nPrinted {}", sheet.org_name, uk_date(sheet.printed)));
    doc.paragraph(
        "Go through each policy with whoever leads it, note what changed, and have the trustees \
         approve it. Then record each review in Safekeeper so the next one is remembered.",
    );

    doc.heading("Policies");
    let rows: Vec<Vec<String>> = sheet
        .policies
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                if p.owner.is_empty() { "Not set".into() } else { p.owner.clone() },
                p.current_version.clone().unwrap_or_else(|| "\u{2013}".into()),
                p.last_reviewed.map_or_else(|| "Not recorded".into(), uk_date),
                next_review_words(p),
                String::new(),
            ]
        })
        .collect();
    doc.table(&["Policy", "Owner", "Version", "Last review", "Next review", "Reviewed"], &rows);

    doc.heading("Training");
    doc.paragraph(&format!("{} people must do at least one course.", sheet.matrix.rows.len()));
    doc.table(&[], &training_totals(&sheet.matrix));

    doc.heading("Acceptable use policies");
    if sheet.aups.is_empty() {
        doc.paragraph("No acceptable use policy is kept in Safekeeper yet.");
    } else {
        let rows: Vec<Vec<String>> = sheet
            .aups
            .iter()
            .map(|a| {
                let expected = a.signed_current + a.needs_resign + a.never_signed;
                vec![
                    a.title.clone(),
                    a.audience.label().to_owned(),
                    a.version.map_or_else(|| "Not published".into(), |v| format!("Version {v}")),
                    format!("{} of {expected}", a.signed_current),
                    a.needs_resign.to_string(),
                    a.never_signed.to_string(),
                ]
            })
            .collect();
        doc.table(&["AUP", "For", "In force", "Signed it", "Must sign again", "Never signed"], &rows);
    }

    doc.keep_together(45.0);
    doc.heading("Sign-off");
    doc.fill_in_line("Designated safeguarding lead (name)");
    doc.signature_line("Signature");
    doc.fill_in_line("Chair of trustees (name)");
    doc.signature_line("Signature");
    doc.finish()
}

#[cfg(test)]
mod tests;
