//! Consents that run out: for each person still with the organisation, the consent in force and
//! when it stops counting, with who to ask for a new one. "What is due" lists those ending within
//! 90 days or already ended, and the calendar export holds every end date. Does not decide whether
//! an image may be used (see `rules`).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::rules::in_force;
use super::store::for_people;
use super::{age_on, settings, ConsentError, Giver, ImageConsent};
use crate::records::people;
use crate::reminders::DueStatus;

/// One person's image consent that has to be renewed, or soon will.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentDue {
    /// The person's id in the people register.
    pub person_id: String,
    /// Their full name from the people register.
    pub person_name: String,
    /// The consent that runs out.
    pub consent_id: String,
    /// The last UK day the consent counts (`YYYY-MM-DD`); from the next day the photo check says no.
    #[ts(type = "string")]
    pub last_day: NaiveDate,
    /// How urgent it is: ended (overdue), or ending within 30, 60 or 90 days, or later (in date).
    pub status: DueStatus,
    /// Who to ask for a new consent, as one sentence: "Ask Dana Okafor (mother)."
    pub ask: String,
}

/// Every active person's consent in force on `today` with the day it stops counting, soonest
/// first. Withdrawn consents are left out (nobody asks again after a withdrawal), and so are those
/// waiting for an admin to confirm them (the dashboard lists those already).
pub fn renewals(conn: &Connection, today: NaiveDate) -> Result<Vec<ConsentDue>, ConsentError> {
    let people = people::still_with_us(conn, today)?;
    let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
    let consents = for_people(conn, &ids)?;
    let own_age = settings::consent_settings(conn)?.own_consent_age;
    let mut due: Vec<ConsentDue> = people
        .iter()
        .filter_map(|person| {
            let consent = in_force(consents.get(&person.id)?, today)?;
            if consent.self_declared || consent.withdrawal.as_ref().is_some_and(|w| w.on <= today) {
                return None;
            }
            let last_day = consent.expires_on.pred_opt()?;
            Some(ConsentDue {
                person_id: person.id.clone(),
                person_name: person.full_name.clone(),
                consent_id: consent.id.clone(),
                last_day,
                status: DueStatus::of(Some(last_day), today),
                ask: who_to_ask(consent, &person.full_name, person.date_of_birth, today, own_age),
            })
        })
        .collect();
    due.sort_by(|a, b| (a.last_day, &a.person_name).cmp(&(b.last_day, &b.person_name)));
    Ok(due)
}

/// Who may give the new consent: whoever gave the last one, unless the person has since become
/// old enough to give it themselves. Their age is taken on the day the new consent is needed.
pub fn who_to_ask(
    consent: &ImageConsent,
    name: &str,
    date_of_birth: Option<NaiveDate>,
    today: NaiveDate,
    own_consent_age: u32,
) -> String {
    let needed = consent.expires_on.max(today);
    let age = date_of_birth.map(|dob| age_on(dob, needed));
    let parent = match consent.relationship.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(relationship) => format!("{} ({})", consent.giver_name, relationship.to_lowercase()),
        None => consent.giver_name.clone(),
    };
    match (consent.giver, age) {
        (_, Some(age)) if age >= 18 => format!("Ask {name}, who can now give consent as an adult."),
        (Giver::Myself, _) => format!("Ask {name}."),
        (Giver::ParentCarer, Some(age)) if age >= own_consent_age => {
            format!("Ask {parent}, or {name}, who is now old enough to consent themselves.")
        }
        (Giver::ParentCarer, _) => format!("Ask {parent}."),
    }
}

#[cfg(test)]
mod tests;
