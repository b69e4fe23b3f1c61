//! Commands that print incident forms: the filled report for one incident, one person's chronology
//! across incidents and the blank form (admin window), and blank forms from the locked home
//! (signing station, which needs no key: see `kiosk::station::blank_form`).
//!
//! Filled forms are built while the vault is held, from what this admin may see, and each incident
//! printed is recorded in the audit trail. The Save dialog opens after the vault is released, so it
//! never holds up the auto-lock. Nothing here logs.

use chrono::NaiveDate;
use tauri::{AppHandle, State, WebviewWindow};

use super::aup_print_commands::PrintedForm;
use super::{save, AppState};
use crate::bindings::{BlankFormSaved, SavedFile};
use crate::dates::today;
use crate::error::CommandError;
use crate::forms::incident::{
    self as incident_forms, BlankIncidentForm, IncidentReportForm, PersonChronology, PersonIncident,
};
use crate::kiosk::station::{self, KioskBlankForm};
use crate::records::incidents::{self, IncidentFilter};
use crate::records::{organisation, people};
use crate::vault::{admins, UnlockedVault};

/// The filled report for one incident, with its whole chronology.
pub(crate) fn report_form(
    v: &UnlockedVault,
    incident_id: &str,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, CommandError> {
    let conn = v.db().conn();
    let detail = incidents::get(conn, v.actor(), incident_id)?;
    incidents::record_printed(conn, v.actor(), incident_id, "report")?;
    let form = IncidentReportForm {
        org_name: organisation::get(conn)?.org_name,
        admin_names: admins::all_names(conn)?,
        printed: today,
        demo,
        detail,
    };
    Ok(PrintedForm {
        file_name: incident_forms::report_file_name(&form.detail.incident.reference),
        pdf: incident_forms::incident_report_pdf(&form)?,
    })
}

/// One person's chronology across the incidents this admin may see.
pub(crate) fn person_form(
    v: &UnlockedVault,
    person_id: &str,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, CommandError> {
    let conn = v.db().conn();
    let person = people::get(conn, person_id)?;
    let filter = IncidentFilter { person_id: Some(person_id.to_owned()), ..IncidentFilter::default() };
    let mut linked = Vec::new();
    for incident in incidents::list(conn, v.actor(), &filter)? {
        let detail = incidents::get(conn, v.actor(), &incident.id)?;
        incidents::record_printed(conn, v.actor(), &incident.id, "personChronology")?;
        linked.push(PersonIncident { detail });
    }
    let form = PersonChronology {
        org_name: organisation::get(conn)?.org_name,
        person_id: person_id.to_owned(),
        person_name: person.full_name,
        incidents: linked,
        printed: today,
        demo,
    };
    Ok(PrintedForm {
        file_name: incident_forms::person_file_name(&form.person_name, today),
        pdf: incident_forms::person_chronology_pdf(&form)?,
    })
}

/// Saves the filled report for one incident. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn incident_print_report(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| report_form(v, &id, demo, today()))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves one person's chronology across incidents. `None` when the admin cancels the dialog.
#[tauri::command]
pub async fn person_print_incident_chronology(
    window: WebviewWindow,
    state: State<'_, AppState>,
    person_id: String,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, form) = state.with_vault_tagged(|v| person_form(v, &person_id, demo, today()))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

/// Saves the blank incident form from the admin window.
#[tauri::command]
pub async fn incident_print_blank(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let (session, org_name) = state.with_vault_tagged(|v| Ok(organisation::get(v.db().conn())?.org_name))?;
    let pdf = incident_forms::blank_incident_pdf(&BlankIncidentForm { org_name: Some(org_name), demo })?;
    save::save_pdf(&window, &state, session, incident_forms::BLANK_FILE_NAME, &pdf)
}

/// Prints a blank form from the locked home. Blank forms hold no personal data; this reads only
/// the manifest the signing station already shows. No file browser opens here (it would show
/// anyone at the station the laptop's folders): the PDF goes into the one folder the app keeps
/// for blank forms and is handed to the system's PDF viewer to print.
#[tauri::command]
pub async fn kiosk_print_blank_form(
    app: AppHandle,
    state: State<'_, AppState>,
    form: KioskBlankForm,
) -> Result<BlankFormSaved, CommandError> {
    let demo = state.is_demo();
    let paths = state.lock_inner().paths.clone();
    let printed = station::blank_form(&paths, &form, demo)?;
    let folder = super::blank_forms::folder(&app)?;
    super::blank_forms::save_and_open(
        paths.data_dir(),
        &folder,
        &printed.file_name,
        &printed.pdf,
        super::blank_forms::open_in_viewer,
    )
}

#[cfg(test)]
mod tests;
