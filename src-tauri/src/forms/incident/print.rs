//! Printing incident forms from the records: the filled report for one incident, one person's
//! chronology across incidents and the blank form. Each incident printed is noted in the audit
//! trail (see `records::incidents::record_printed`), after checking the admin may see it.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{
    blank_incident_pdf, incident_report_pdf, person_chronology_pdf, person_file_name, report_file_name,
    BlankIncidentForm, IncidentReportForm, PersonChronology, PersonIncident, BLANK_FILE_NAME,
};
use crate::forms::{PrintError, PrintedForm};
use crate::records::incidents::{self, IncidentFilter};
use crate::records::{organisation, people};
use crate::store::audit::Actor;

/// The filled report for one incident, with its whole chronology, as `actor` may see it.
pub fn print_report(
    conn: &Connection,
    actor: &Actor,
    incident_id: &str,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, PrintError> {
    let detail = incidents::get(conn, actor, incident_id)?;
    incidents::record_printed(conn, actor, incident_id, "report")?;
    let form = IncidentReportForm {
        org_name: organisation::get(conn)?.org_name,
        admin_names: incidents::admin_names(conn)?,
        printed: today,
        demo,
        detail,
    };
    Ok(PrintedForm { file_name: report_file_name(&form.detail.incident.reference), pdf: incident_report_pdf(&form)? })
}

/// One person's chronology across the incidents `actor` may see.
pub fn print_person(
    conn: &Connection,
    actor: &Actor,
    person_id: &str,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, PrintError> {
    let person = people::get(conn, person_id)?;
    let filter = IncidentFilter { person_id: Some(person_id.to_owned()), ..IncidentFilter::default() };
    let mut linked = Vec::new();
    for incident in incidents::list(conn, actor, &filter)? {
        let detail = incidents::get(conn, actor, &incident.id)?;
        incidents::record_printed(conn, actor, &incident.id, "personChronology")?;
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
    Ok(PrintedForm { file_name: person_file_name(&form.person_name, today), pdf: person_chronology_pdf(&form)? })
}

/// The blank incident form with the organisation's name, for the admin window.
pub fn print_blank(conn: &Connection, demo: bool) -> Result<PrintedForm, PrintError> {
    let org_name = organisation::get(conn)?.org_name;
    let pdf = blank_incident_pdf(&BlankIncidentForm { org_name: Some(org_name), demo })?;
    Ok(PrintedForm { file_name: BLANK_FILE_NAME.to_owned(), pdf })
}
