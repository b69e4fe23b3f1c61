//! The subject access export from the records: everything held about one person as a PDF for them
//! and a JSON file beside it, handed to the caller to save, and noted in the audit trail once
//! saved (see `records::subject_access::note_exported`).

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{json_file_name, pdf_file_name, subject_access_pdf, SubjectAccessForm};
use crate::forms::PrintError;
use crate::records::subject_access::{self, SubjectAccessOptions};
use crate::records::{consent, incidents};
use crate::store::audit::Actor;

/// The two files of one subject access export, with the names to save them under.
pub struct SubjectAccessFiles {
    /// The PDF's file name, such as `Subject access Alfie Archer 2026-11-22.pdf`.
    pub pdf_name: String,
    /// The PDF written for the person to read.
    pub pdf: Vec<u8>,
    /// The JSON file's name, the PDF's with `.json`.
    pub json_name: String,
    /// The same records as JSON, pictures as base64.
    pub json: Vec<u8>,
    /// How many incidents in the export are restricted (allegations about staff), which the admin
    /// should check for exemptions before sending.
    pub restricted_incidents: u32,
}

/// Gathers everything held about `person_id` as at `today`, hands both files to `save`, and once
/// `save` succeeds records that `actor` exported them. Nothing is noted when gathering or saving
/// fails.
pub fn export<T, E: From<PrintError>>(
    conn: &Connection,
    actor: &Actor,
    person_id: &str,
    options: SubjectAccessOptions,
    demo: bool,
    today: NaiveDate,
    save: impl FnOnce(&SubjectAccessFiles) -> Result<T, E>,
) -> Result<T, E> {
    let files = files(conn, person_id, options, demo, today).map_err(E::from)?;
    let saved = save(&files)?;
    subject_access::note_exported(conn, actor, person_id, options).map_err(|e| E::from(PrintError::from(e)))?;
    Ok(saved)
}

fn files(
    conn: &Connection,
    person_id: &str,
    options: SubjectAccessOptions,
    demo: bool,
    today: NaiveDate,
) -> Result<SubjectAccessFiles, PrintError> {
    render(gather(conn, person_id, options, demo, today)?, today)
}

/// Everything a subject access export is made from, read from the records by `gather` (quick), so
/// that `render` (slow: the PDF) can run without holding the vault.
pub struct Gathered {
    form: SubjectAccessForm,
    name: String,
    json: Vec<u8>,
    restricted_incidents: u32,
}

/// The first step of `export`: reads everything held about `person_id` as at `today`.
pub fn gather(
    conn: &Connection,
    person_id: &str,
    options: SubjectAccessOptions,
    demo: bool,
    today: NaiveDate,
) -> Result<Gathered, PrintError> {
    let access = subject_access::gather(conn, person_id, options, today)?;
    let name = access.details.person.full_name.clone();
    let json = access.to_json()?;
    let restricted_incidents = u32::try_from(access.restricted_incidents()).unwrap_or(u32::MAX);
    let settings = consent::consent_settings(conn)?;
    let form = SubjectAccessForm {
        admin_names: incidents::admin_names(conn)?,
        accounts: settings.social_accounts.into_iter().map(|a| (a.id, a.name)).collect(),
        access,
        demo,
    };
    Ok(Gathered { form, name, json, restricted_incidents })
}

/// The second step of `export`, with no database: the PDF and the JSON file, named as at `today`.
pub fn render(gathered: Gathered, today: NaiveDate) -> Result<SubjectAccessFiles, PrintError> {
    let Gathered { form, name, json, restricted_incidents } = gathered;
    Ok(SubjectAccessFiles {
        pdf: subject_access_pdf(&form)?,
        pdf_name: pdf_file_name(&name, today),
        json_name: json_file_name(&name, today),
        json,
        restricted_incidents,
    })
}

/// The last step of `export`, once both files are saved: records that `actor` exported them.
pub fn note_saved(
    conn: &Connection,
    actor: &Actor,
    person_id: &str,
    options: SubjectAccessOptions,
) -> Result<(), PrintError> {
    subject_access::note_exported(conn, actor, person_id, options).map_err(PrintError::from)
}

#[cfg(test)]
mod tests;
