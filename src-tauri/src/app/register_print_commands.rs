//! Commands that print the registers (admin window only): the training matrix, one policy's
//! version history and the annual review checklist, and the calendar export of due dates. Each
//! gathers the values while the vault is held, then saves where the admin chooses.

use chrono::NaiveDate;
use tauri::{State, WebviewWindow};

use super::aup_print_commands::PrintedForm;
use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::today;
use crate::error::CommandError;
use crate::forms::registers::{self, AupFigures, ChecklistSheet, HistorySheet, MatrixSheet};
use crate::records::training::{self, MatrixFilter};
use crate::records::{aup, due, organisation, policies, signatures};
use crate::vault::UnlockedVault;

fn org_name(v: &UnlockedVault) -> Result<String, CommandError> {
    Ok(organisation::get(v.db().conn())?.org_name)
}

fn filter_words(filter: &MatrixFilter) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(group) = filter.group {
        parts.push(group.label().to_owned());
    }
    if let Some(status) = filter.status {
        parts.push(format!("anyone with a course {}", status.label().to_lowercase()));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

pub(crate) fn matrix_form(
    v: &UnlockedVault,
    filter: &MatrixFilter,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, CommandError> {
    let sheet = MatrixSheet {
        org_name: org_name(v)?,
        matrix: training::matrix(v.db().conn(), today, filter)?,
        filtered: filter_words(filter),
        printed: today,
        demo,
    };
    Ok(PrintedForm { file_name: registers::matrix_file_name(today), pdf: registers::matrix_pdf(&sheet)? })
}

pub(crate) fn history_form(
    v: &UnlockedVault,
    policy_id: &str,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, CommandError> {
    let detail = policies::get(v.db().conn(), policy_id, today)?;
    let file_name = registers::history_file_name(&detail.policy.name);
    let sheet = HistorySheet { org_name: org_name(v)?, detail, printed: today, demo };
    Ok(PrintedForm { file_name, pdf: registers::history_pdf(&sheet)? })
}

pub(crate) fn checklist_form(v: &UnlockedVault, demo: bool, today: NaiveDate) -> Result<PrintedForm, CommandError> {
    let conn = v.db().conn();
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
    let sheet = ChecklistSheet {
        org_name: org_name(v)?,
        policies: policies::list(conn, today, false)?,
        matrix: training::matrix(conn, today, &MatrixFilter::default())?,
        aups,
        printed: today,
        demo,
    };
    Ok(PrintedForm { file_name: registers::checklist_file_name(today), pdf: registers::checklist_pdf(&sheet)? })
}

/// Every training renewal and policy review with a date, as a calendar file.
pub(crate) fn due_calendar(v: &UnlockedVault, today: NaiveDate) -> Result<String, CommandError> {
    Ok(due::calendar(v.db().conn(), today)?)
}

#[tauri::command]
pub async fn training_matrix_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
    filter: MatrixFilter,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| matrix_form(v, &filter, demo, today()))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

#[tauri::command]
pub async fn policy_print_history(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| history_form(v, &id, demo, today()))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

#[tauri::command]
pub async fn review_checklist_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| checklist_form(v, demo, today()))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves the due dates as a calendar file. The page warns first that it names staff.
#[tauri::command]
pub async fn due_dates_export(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<SavedFile>, CommandError> {
    let (session, text) = state.with_vault_tagged(|v| due_calendar(v, today()))?;
    let file_name = format!("Safekeeper due dates {}.ics", today().format("%Y-%m-%d"));
    save::save_with(&state, session, || save::choose_target(&window, &file_name, save::ICS), text.as_bytes())
}

#[cfg(test)]
mod tests;
