//! Noting in the audit trail that a filled consent form was printed. A register or a history
//! carries children's names, so who printed it, about whom and how much it held is kept (ids and
//! counts only). The blank form holds nobody's data and is not noted.

use rusqlite::Connection;

use super::ConsentError;
use crate::store::audit::{self, Actor, Entry};

/// A filled consent form that was printed, as the audit trail records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintedConsent<'a> {
    /// A group's consent register, listing `people` members.
    Register {
        /// The group whose register was printed.
        group_id: &'a str,
        /// How many members the register listed.
        people: usize,
    },
    /// One person's consent history, holding `consents` consents.
    History {
        /// The person whose history was printed.
        person_id: &'a str,
        /// How many consents the history held.
        consents: usize,
    },
}

/// Records as `consent.printed` that `actor` printed a filled consent form.
pub fn note_printed(conn: &Connection, actor: &Actor, printed: PrintedConsent<'_>) -> Result<(), ConsentError> {
    let (subject_kind, subject_id, detail) = match printed {
        PrintedConsent::Register { group_id, people } => ("group", group_id, format!("form=register;people={people}")),
        PrintedConsent::History { person_id, consents } => {
            ("person", person_id, format!("form=history;consents={consents}"))
        }
    };
    audit::append(conn, actor, &Entry { action: "consent.printed", subject_kind, subject_id, detail: &detail })?;
    Ok(())
}
