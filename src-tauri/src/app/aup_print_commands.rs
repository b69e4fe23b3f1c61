//! Commands that print AUP forms (admin window only): the blank AUP for paper, one signed AUP
//! record and an AUP's coverage list. Each gathers the plain values from the vault, has `forms`
//! lay out the PDF, then saves it where the admin chooses.
//!
//! The PDF is built while the vault is held and saved after it is released, so the Save dialog
//! never holds up the auto-lock. Nothing here logs; file names hold names only because the admin
//! asked to save that person's record.

use chrono::NaiveDate;
use tauri::{State, WebviewWindow};

use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::dates::{today, uk_day_of};
use crate::error::CommandError;
use crate::forms::aup::{self as aup_forms, BlankAup, CoverageList, SignedAup};
use crate::forms::FormError;
use crate::records::aup;
use crate::records::signatures::{self, SigningMethod};
use crate::records::{organisation, people};
use crate::vault::UnlockedVault;

/// A finished PDF and the name to offer in the Save dialog.
pub(crate) struct PrintedForm {
    pub file_name: String,
    pub pdf: Vec<u8>,
}

fn org_name(v: &UnlockedVault) -> Result<String, CommandError> {
    Ok(organisation::get(v.db().conn())?.org_name)
}

/// The blank AUP of the version in force.
pub(crate) fn blank_form(v: &UnlockedVault, aup_id: &str, demo: bool) -> Result<PrintedForm, CommandError> {
    let conn = v.db().conn();
    let found = aup::get(conn, aup_id)?;
    let version = aup::current_version(conn, aup_id)?.ok_or_else(|| CommandError::from(FormError::AupNotPublished))?;
    let sheet = BlankAup {
        org_name: org_name(v)?,
        audience: found.audience,
        version: version.number,
        content_hash: version.content_hash,
        content: version.content,
        demo,
    };
    Ok(PrintedForm {
        file_name: aup_forms::blank_file_name(sheet.audience, sheet.version),
        pdf: aup_forms::blank_aup_pdf(&sheet)?,
    })
}

/// One signature's record, with the text of the exact version signed.
pub(crate) fn signed_form(
    v: &UnlockedVault,
    signature_id: &str,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, CommandError> {
    let conn = v.db().conn();
    let signature = signatures::get(conn, signature_id)?;
    let version = aup::version(conn, &signature.version_id)?;
    // Until an admin confirms a signing-station signature, the name is only what was typed.
    let person_name = match (&signature.person_id, &signature.declared_name) {
        (Some(id), _) if !signature.self_declared => people::get(conn, id)?.full_name,
        (_, Some(declared)) => declared.clone(),
        (Some(id), None) => people::get(conn, id)?.full_name,
        (None, None) => "Name not recorded".to_owned(),
    };
    let confirmed_by_name = match &signature.confirmed_by {
        Some(admin_id) => v.admins()?.into_iter().find(|a| &a.id == admin_id).map(|a| a.name),
        None => None,
    };
    let signed_on = match (signature.method, signature.paper_signed_on) {
        (SigningMethod::Paper, Some(day)) => day,
        _ => uk_day_of(&signature.signed_at).unwrap_or(today),
    };
    let record = SignedAup {
        org_name: org_name(v)?,
        person_name,
        audience: version.audience,
        content: version.content,
        mark_png: if signature.drawn { signatures::mark_png(conn, signature_id)? } else { None },
        countersignature_png: if signature.countersignature_drawn {
            signatures::counter_png(conn, signature_id)?
        } else {
            None
        },
        signature,
        confirmed_by_name,
        printed: today,
        demo,
    };
    Ok(PrintedForm {
        file_name: aup_forms::signed_file_name(&record.person_name, signed_on),
        pdf: aup_forms::signed_aup_pdf(&record)?,
    })
}

/// Who has and has not signed an AUP, as a list to chase.
pub(crate) fn coverage_form(
    v: &UnlockedVault,
    aup_id: &str,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, CommandError> {
    let conn = v.db().conn();
    let found = aup::get(conn, aup_id)?;
    let title = found
        .current
        .as_ref()
        .or(found.draft.as_ref())
        .map_or_else(|| found.audience.label().to_owned(), |version| version.title.clone());
    let list = CoverageList {
        org_name: org_name(v)?,
        title,
        coverage: signatures::coverage(conn, aup_id)?,
        printed: today,
        demo,
    };
    Ok(PrintedForm {
        file_name: aup_forms::coverage_file_name(&list.title, today),
        pdf: aup_forms::coverage_pdf(&list)?,
    })
}

/// Saves the blank AUP of the version in force. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn aup_print_blank(
    window: WebviewWindow,
    state: State<'_, AppState>,
    aup_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| blank_form(v, &aup_id, demo))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves one signature's record. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn signature_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
    signature_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| signed_form(v, &signature_id, demo, today()))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves an AUP's coverage list. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn aup_coverage_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
    aup_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| coverage_form(v, &aup_id, demo, today()))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

#[cfg(test)]
mod tests;
