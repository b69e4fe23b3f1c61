//! Printing AUP forms from the records: the blank AUP of the version in force, one signature's
//! record and an AUP's coverage list. None of these is recorded in the audit trail.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{
    blank_aup_pdf, blank_file_name, coverage_file_name, coverage_pdf, signed_aup_pdf, signed_file_name, BlankAup,
    CoverageList, SignedAup,
};
use crate::dates::uk_day_of;
use crate::forms::{FormError, PrintError, PrintedForm};
use crate::records::signatures::{self, SigningMethod};
use crate::records::{aup, organisation, people};

/// The blank AUP of the version in force, for people to sign on paper. Refused with
/// `forms.aupNotPublished` while the AUP has no published version.
pub fn print_blank(conn: &Connection, aup_id: &str, demo: bool) -> Result<PrintedForm, PrintError> {
    let found = aup::get(conn, aup_id)?;
    let version = aup::current_version(conn, aup_id)?.ok_or(FormError::AupNotPublished)?;
    let sheet = BlankAup {
        org_name: organisation::get(conn)?.org_name,
        audience: found.audience,
        version: version.number,
        content_hash: version.content_hash,
        content: version.content,
        demo,
    };
    Ok(PrintedForm { file_name: blank_file_name(sheet.audience, sheet.version), pdf: blank_aup_pdf(&sheet)? })
}

/// One signature's record, with the text of the exact version signed, printed on `today`.
pub fn print_signed(
    conn: &Connection,
    signature_id: &str,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, PrintError> {
    let signature = signatures::get(conn, signature_id)?;
    let version = aup::version(conn, &signature.version_id)?;
    let signed_on = match (signature.method, signature.paper_signed_on) {
        (SigningMethod::Paper, Some(day)) => day,
        _ => uk_day_of(&signature.signed_at).unwrap_or(today),
    };
    let record = SignedAup {
        org_name: organisation::get(conn)?.org_name,
        person_name: signer_name(conn, &signature)?,
        audience: version.audience,
        content: version.content,
        mark_png: if signature.drawn { signatures::mark_png(conn, signature_id)? } else { None },
        countersignature_png: if signature.countersignature_drawn {
            signatures::counter_png(conn, signature_id)?
        } else {
            None
        },
        confirmed_by_name: signatures::confirmer_name(conn, &signature)?,
        signature,
        printed: today,
        demo,
    };
    Ok(PrintedForm { file_name: signed_file_name(&record.person_name, signed_on), pdf: signed_aup_pdf(&record)? })
}

/// The name a signed record shows. Until an admin confirms a signing-station signature, the name
/// is only what was typed.
fn signer_name(conn: &Connection, signature: &signatures::Signature) -> Result<String, PrintError> {
    Ok(match (&signature.person_id, &signature.declared_name) {
        (Some(id), _) if !signature.self_declared => people::get(conn, id)?.full_name,
        (_, Some(declared)) => declared.clone(),
        (Some(id), None) => people::get(conn, id)?.full_name,
        (None, None) => "Name not recorded".to_owned(),
    })
}

/// Who has and has not signed an AUP, as a list to chase, printed on `today`.
pub fn print_coverage(
    conn: &Connection,
    aup_id: &str,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, PrintError> {
    let found = aup::get(conn, aup_id)?;
    let title = found
        .current
        .as_ref()
        .or(found.draft.as_ref())
        .map_or_else(|| found.audience.label().to_owned(), |version| version.title.clone());
    let list = CoverageList {
        org_name: organisation::get(conn)?.org_name,
        title,
        coverage: signatures::coverage(conn, aup_id)?,
        printed: today,
        demo,
    };
    Ok(PrintedForm { file_name: coverage_file_name(&list.title, today), pdf: coverage_pdf(&list)? })
}
