//! Signing-station signatures waiting for an admin to confirm who signed, each with the person it
//! most likely is, so the admin starts from a suggestion rather than a blank search.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::{suggest_person, unconfirmed, Signature, SignatureError};
use crate::records::people::{self, PeopleError, Person};

/// A signing-station signature waiting for an admin, with the person whose name matches exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnconfirmedSignature {
    /// The signature as received from the signing station.
    pub signature: Signature,
    /// The person chosen at the signing station, or else the register entry whose name matches the
    /// typed name exactly; `None` when there is neither.
    pub suggested_person: Option<Person>,
    /// Whether it was signed on the visitors' and contractors' AUP: with no suggestion, the admin
    /// can then add the signer to the register as a visitor while confirming.
    pub for_visitors: bool,
}

/// Every signature waiting for confirmation, oldest first, each with its suggestion: the person
/// picked at the signing station if there was one, otherwise the one whose name matches exactly.
pub fn unconfirmed_with_suggestions(conn: &Connection) -> Result<Vec<UnconfirmedSignature>, SignatureError> {
    unconfirmed(conn)?
        .into_iter()
        .map(|signature| {
            let suggested = match (&signature.person_id, signature.declared_name.as_deref()) {
                (Some(id), _) => Some(id.clone()),
                (None, Some(name)) => suggest_person(conn, name)?,
                (None, None) => None,
            };
            let suggested_person = suggested.map(|id| people::get(conn, &id)).transpose().map_err(|e| match e {
                PeopleError::Store(e) => SignatureError::Store(e),
                _ => SignatureError::PersonNotFound,
            })?;
            let for_visitors = conn
                .query_row("SELECT audience FROM aups WHERE id = ?1", [&signature.aup_id], |r| r.get::<_, String>(0))
                .map(|audience| audience == "visitorsContractors")?;
            Ok(UnconfirmedSignature { signature, suggested_person, for_visitors })
        })
        .collect()
}
