//! The audit log viewer's commands (admin window only): one page of the trail with its filters,
//! who can be chosen as "who", and the filtered trail saved as a PDF. Printing is itself audited.

use tauri::{State, WebviewWindow};

use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::uk_date;
use crate::error::CommandError;
use crate::forms::audit_trail;
use crate::records::audit_log::{self, AuditActor, AuditPage, AuditQuery};
use crate::records::{organisation, people};
use crate::store::audit::{self, Entry};
use crate::vault::UnlockedVault;

/// The most entries one printout holds.
const PRINT_LIMIT: u32 = 2000;

#[tauri::command]
pub fn audit_page(state: State<'_, AppState>, query: AuditQuery) -> Result<AuditPage, CommandError> {
    state.with_vault(|v| audit_log::page(v.db().conn(), &query).map_err(CommandError::from))
}

#[tauri::command]
pub fn audit_actors(state: State<'_, AppState>) -> Result<Vec<AuditActor>, CommandError> {
    state.with_vault(|v| audit_log::actors(v.db().conn()).map_err(CommandError::from))
}

/// The filters in words, for the top of the printout.
fn filter_words(v: &UnlockedVault, query: &AuditQuery) -> Result<Option<String>, CommandError> {
    let mut parts = Vec::new();
    if let Some(actor) = &query.actor {
        let actors = audit_log::actors(v.db().conn())?;
        let name = actors.into_iter().find(|a| &a.actor == actor).map_or_else(|| actor.clone(), |a| a.name);
        parts.push(format!("done by {name}"));
    }
    if let Some(kind) = &query.subject_kind {
        parts.push(format!("records of kind \u{201c}{kind}\u{201d}"));
    }
    if let Some(person) = &query.person_id {
        let found = people::get(v.db().conn(), person)?;
        parts.push(format!("about {}", found.full_name));
    }
    match (query.from, query.to) {
        (Some(from), Some(to)) => parts.push(format!("from {} to {}", uk_date(from), uk_date(to))),
        (Some(from), None) => parts.push(format!("from {}", uk_date(from))),
        (None, Some(to)) => parts.push(format!("up to {}", uk_date(to))),
        (None, None) => {}
    }
    Ok((!parts.is_empty()).then(|| parts.join("; ")))
}

#[tauri::command]
pub async fn audit_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
    query: AuditQuery,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let printed = crate::dates::today();
    let (session, (file_name, pdf)) = state.with_vault_tagged(|v| {
        let page =
            audit_log::page(v.db().conn(), &AuditQuery { before_id: None, limit: Some(PRINT_LIMIT), ..query.clone() })?;
        let sheet = audit_trail::AuditSheet {
            org_name: organisation::get(v.db().conn())?.org_name,
            truncated: page.more,
            rows: page.rows,
            filtered: filter_words(v, &query)?,
            status: audit::verify(v.db().conn())?,
            printed,
            demo,
        };
        let pdf = audit_trail::audit_pdf(&sheet)?;
        v.record(&Entry { action: "audit.printed", subject_kind: "audit", subject_id: "", detail: "" })?;
        Ok((audit_trail::file_name(printed), pdf))
    })?;
    save::save_pdf(&window, &state, session, &file_name, &pdf)
}
