//! The point-of-use check against the records: "can I use this image of these people here?",
//! and logging the use in the same step when the answer is yes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::publications::{add_publication, Publication, PublicationDraft};
use super::rules::{self, CheckAnswer};
use super::store::for_people;
use super::{is_use_key, settings, wording, ConsentError};
use crate::records::people;
use crate::store::audit::Actor;

/// What the person about to use an image asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckQuestion {
    /// The people in the image, by their ids in the people register; any repeats are ignored.
    pub person_ids: Vec<String>,
    /// The use, as a use key: `website`, `print`, `press`, `display`, `video` or `social:<account id>`.
    pub use_key: String,
    /// Their names would appear with the image.
    pub with_name: bool,
}

/// Answers the question for `on`: one line per person, and no overall if anyone is a no.
pub fn check(
    conn: &rusqlite::Connection,
    question: &CheckQuestion,
    on: NaiveDate,
) -> Result<CheckAnswer, ConsentError> {
    if !is_use_key(&question.use_key) {
        return Err(ConsentError::CheckUseMissing);
    }
    let own_age = settings::consent_settings(conn)?.own_consent_age;
    let accounts = settings::account_pairs(conn, true)?;
    let label = wording::use_label(&question.use_key, &accounts);
    let mut ids: Vec<&str> = question.person_ids.iter().map(String::as_str).collect();
    ids.sort_unstable();
    ids.dedup();
    let consents = for_people(conn, &ids)?;
    let empty = Vec::new();
    let mut answers = Vec::with_capacity(ids.len());
    for id in ids {
        let person = match people::get(conn, id) {
            Ok(p) => p,
            Err(people::PeopleError::Store(e)) => return Err(e.into()),
            Err(_) => return Err(ConsentError::PersonNotFound),
        };
        let name = person.full_name.clone();
        let subject = rules::Subject { person_id: id, display_name: &name, date_of_birth: person.date_of_birth };
        let theirs = consents.get(id).unwrap_or(&empty);
        answers.push(rules::answer(&subject, theirs, &question.use_key, &label, question.with_name, on, own_age));
    }
    // The noes first, then by name.
    answers.sort_by_cached_key(|a| (a.allowed, a.display_name.to_lowercase()));
    Ok(rules::overall(answers, &question.use_key, &label, question.with_name, on))
}

/// Logs the use as a publication, but only when the check says yes for everyone today.
pub fn publish_checked(
    conn: &mut rusqlite::Connection,
    actor: &Actor,
    question: &CheckQuestion,
    description: &str,
    link: Option<&str>,
    today: NaiveDate,
) -> Result<Publication, ConsentError> {
    let answer = check(conn, question, today)?;
    if !answer.allowed {
        let refused = answer.people.iter().filter(|p| !p.allowed).count();
        return Err(ConsentError::CheckSaysNo { refused });
    }
    let draft = PublicationDraft {
        published_on: today,
        use_key: question.use_key.clone(),
        description: description.to_owned(),
        link: link.map(str::to_owned),
        person_ids: question.person_ids.clone(),
    };
    add_publication(conn, actor, &draft, today)
}
