//! Printing consent forms from the records: the blank form as the organisation's settings make it,
//! a group's register and one person's history. Printing a register or a history is noted in the
//! audit trail (see `records::consent::note_printed`); the blank form is not.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{
    blank_consent_pdf, consent_history_pdf, consent_register_pdf, history_file_name, register_file_name,
    BlankConsentForm, ConsentHistory, ConsentRegister, BLANK_FILE_NAME,
};
use crate::forms::{PrintError, PrintedForm};
use crate::records::consent::{self, PrintedConsent};
use crate::records::organisation;
use crate::store::audit::Actor;

/// Every social account as (id, name); retired ones too when `with_retired`.
fn accounts(conn: &Connection, with_retired: bool) -> Result<Vec<(String, String)>, PrintError> {
    let settings = consent::consent_settings(conn)?;
    Ok(settings.social_accounts.into_iter().filter(|a| with_retired || !a.retired).map(|a| (a.id, a.name)).collect())
}

/// The blank form as the organisation's settings make it: its name, accounts, age and length.
pub fn print_blank(conn: &Connection, demo: bool) -> Result<PrintedForm, PrintError> {
    let settings = consent::consent_settings(conn)?;
    let form = BlankConsentForm {
        org_name: Some(organisation::get(conn)?.org_name),
        social_accounts: Some(accounts(conn, false)?),
        own_consent_age: Some(settings.own_consent_age),
        default_months: Some(settings.default_months),
        demo,
    };
    Ok(PrintedForm { file_name: BLANK_FILE_NAME.to_owned(), pdf: blank_consent_pdf(&form)? })
}

/// A group's consent register as at `on` (today, or the day of a trip or event), printed on
/// `printed`, noted in the audit trail as printed by `actor`. A consent that ends before `on`
/// prints as NO, with the day it ends beside the name.
pub fn print_register(
    conn: &Connection,
    actor: &Actor,
    group_id: &str,
    demo: bool,
    on: NaiveDate,
    printed: NaiveDate,
) -> Result<PrintedForm, PrintError> {
    let (group_name, people) = consent::group_members(conn, group_id)?;
    let uses = consent::current_uses(conn)?;
    let members = consent::statuses(conn, &people, &uses, on)?;
    consent::note_printed(conn, actor, PrintedConsent::Register { group_id, people: members.len() })?;
    let sheet = ConsentRegister {
        org_name: organisation::get(conn)?.org_name,
        group_name,
        uses,
        accounts: accounts(conn, true)?,
        members,
        on,
        printed,
        demo,
    };
    Ok(PrintedForm { file_name: register_file_name(&sheet.group_name, on), pdf: consent_register_pdf(&sheet)? })
}

/// One person's consent history as at `on`, noted in the audit trail as printed by `actor`.
pub fn print_history(
    conn: &Connection,
    actor: &Actor,
    person_id: &str,
    demo: bool,
    on: NaiveDate,
) -> Result<PrintedForm, PrintError> {
    let person = consent::person_view(conn, person_id, on)?;
    consent::note_printed(conn, actor, PrintedConsent::History { person_id, consents: person.history.len() })?;
    let sheet = ConsentHistory {
        org_name: organisation::get(conn)?.org_name,
        taken_down: consent::takedowns_for_person(conn, person_id)?,
        uses: consent::current_uses(conn)?,
        accounts: accounts(conn, true)?,
        person,
        printed: on,
        demo,
    };
    Ok(PrintedForm {
        file_name: history_file_name(&sheet.person.status.display_name, on),
        pdf: consent_history_pdf(&sheet)?,
    })
}

#[cfg(test)]
mod tests;
