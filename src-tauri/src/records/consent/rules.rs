//! The point-of-use rules: whether one person may appear in an image for one use on one day, and
//! why not. Pure: the caller hands in the person's consents and the settings, so the boundaries
//! (the expiry day, the 16th birthday, a withdrawal) can be tested without a database.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{age_on, Giver, ImageConsent};

/// Why the answer is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "ConsentReason")]
pub enum Reason {
    /// The consent in force says yes to this use (and to the name, when asked).
    Consented,
    /// No consent was given on or before the day.
    NoConsent,
    /// The form in force did not ask about this use.
    NotAsked,
    /// The consent in force says no to this use.
    Refused,
    /// The consent in force was withdrawn on or before the day.
    Withdrawn,
    /// The consent in force expired on or before the day.
    Expired,
    /// Given at the signing station; an admin has not confirmed it yet.
    AwaitingConfirmation,
    /// Consented themselves below the configured age.
    UnderAgeWithoutParent,
    /// Consented themselves between the configured age and 18 with no judgement written down.
    NoJudgement,
    /// The use is allowed, but not with the person's name beside the image.
    NameNotAllowed,
}

/// One person's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonAnswer {
    /// The person's id in the people register.
    pub person_id: String,
    /// The use this answer is about.
    pub use_key: String,
    /// Their full name, as the answer names them.
    pub display_name: String,
    /// True only when the reason is `Consented`.
    pub allowed: bool,
    /// Why the answer is yes or no.
    pub reason: Reason,
    /// One plain line: "Yes: …" or "No: …".
    pub explanation: String,
    /// Conditions written on the consent, such as "photograph alone only", shown with a yes.
    pub conditions: Option<String>,
    /// The consent the answer rests on, if any.
    pub consent_id: Option<String>,
}

/// The whole check: yes only when everyone is a yes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckAnswer {
    /// True only when at least one person was asked about and every one of them is a yes.
    pub allowed: bool,
    /// "Yes: everyone …" or "No: A and B cannot appear …".
    pub summary: String,
    /// The use asked about, as a use key.
    pub use_key: String,
    /// The use as the form names it, as the sentences use it.
    pub use_label: String,
    /// Whether names would appear with the image.
    pub with_name: bool,
    /// The UK date the check is for (`YYYY-MM-DD`).
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// Each person's answer, one per person.
    pub people: Vec<PersonAnswer>,
}

/// What the rules need to know about the person.
pub struct Subject<'a> {
    /// Their id in the people register.
    pub person_id: &'a str,
    /// Their name as the answers show it.
    pub display_name: &'a str,
    /// Their date of birth, when the register has it; `None` means the age rules cannot refuse.
    pub date_of_birth: Option<NaiveDate>,
}

/// The consent in force on a day: the latest given on or before it, confirmed or not. A later
/// consent replaces an earlier one whole, so a new form with fewer uses narrows what is allowed.
pub fn in_force(consents: &[ImageConsent], on: NaiveDate) -> Option<&ImageConsent> {
    consents
        .iter()
        .filter(|c| c.given_on <= on)
        .max_by(|a, b| (a.given_on, &a.created_at).cmp(&(b.given_on, &b.created_at)))
}

/// A date as the answers write it, such as "4 May 2026".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Whether `subject` may appear in an image used for `use_key` on `on`, with their name if
/// `with_name`. `own_consent_age` is the configured age from which a young person may consent.
pub fn answer(
    subject: &Subject<'_>,
    consents: &[ImageConsent],
    use_key: &str,
    use_label: &str,
    with_name: bool,
    on: NaiveDate,
    own_consent_age: u32,
) -> PersonAnswer {
    let consent = in_force(consents, on);
    let (reason, explanation) = match consent {
        None => (Reason::NoConsent, "No: there is no image consent on record.".to_owned()),
        Some(c) => decide(c, subject, use_key, use_label, with_name, on, own_consent_age),
    };
    let allowed = reason == Reason::Consented;
    PersonAnswer {
        person_id: subject.person_id.to_owned(),
        use_key: use_key.to_owned(),
        display_name: subject.display_name.to_owned(),
        allowed,
        reason,
        explanation,
        conditions: consent.filter(|_| allowed).and_then(|c| c.notes.clone()),
        consent_id: consent.map(|c| c.id.clone()),
    }
}

/// Why a consent given by the person themselves does not count, if it does not.
pub fn own_consent_problem(
    date_of_birth: Option<NaiveDate>,
    given_on: NaiveDate,
    judgement: Option<&str>,
    own_consent_age: u32,
) -> Option<(Reason, String)> {
    let age = age_on(date_of_birth?, given_on);
    if age < own_consent_age {
        return Some((
            Reason::UnderAgeWithoutParent,
            format!(
                "they were {age} when they consented themselves; under {own_consent_age} a parent or carer with parental responsibility must give consent"
            ),
        ));
    }
    if age < 18 && judgement.is_none_or(|j| j.trim().is_empty()) {
        return Some((
            Reason::NoJudgement,
            format!(
                "they were {age} when they consented themselves, and no judgement that they understood what they agreed to is written down"
            ),
        ));
    }
    None
}

/// Why a consent does not count on `on` for this person, whatever the use; `None` when it stands.
/// Every screen, the check, "what is due" and the printed forms take a consent's standing from here.
pub fn does_not_stand(
    c: &ImageConsent,
    date_of_birth: Option<NaiveDate>,
    on: NaiveDate,
    own_consent_age: u32,
) -> Option<(Reason, String)> {
    if let Some(w) = c.withdrawal.as_ref().filter(|w| w.on <= on) {
        return Some((Reason::Withdrawn, format!("No: consent was withdrawn on {}.", long_date(w.on))));
    }
    if c.self_declared {
        return Some((
            Reason::AwaitingConfirmation,
            format!(
                "No: the consent given at the signing station on {} is waiting for an admin to confirm it.",
                long_date(c.given_on)
            ),
        ));
    }
    if on >= c.expires_on {
        return Some((
            Reason::Expired,
            format!("No: consent expired on {}. Ask for it to be renewed.", long_date(c.expires_on)),
        ));
    }
    match c.giver {
        Giver::Myself => own_consent_problem(date_of_birth, c.given_on, c.judgement.as_deref(), own_consent_age)
            .map(|(reason, why)| (reason, format!("No: {why}."))),
        Giver::ParentCarer => {
            let under_age = date_of_birth.is_some_and(|dob| age_on(dob, c.given_on) < own_consent_age);
            (under_age && !c.parental_responsibility).then(|| {
                (
                    Reason::UnderAgeWithoutParent,
                    format!(
                        "No: the person who consented is not recorded as having parental responsibility, which is needed under {own_consent_age}."
                    ),
                )
            })
        }
    }
}

fn decide(
    c: &ImageConsent,
    subject: &Subject<'_>,
    use_key: &str,
    use_label: &str,
    with_name: bool,
    on: NaiveDate,
    own_consent_age: u32,
) -> (Reason, String) {
    if let Some(problem) = does_not_stand(c, subject.date_of_birth, on, own_consent_age) {
        return problem;
    }
    match c.answer(use_key) {
        None => {
            return (Reason::NotAsked, format!("No: the consent form did not ask about appearing {use_label}."));
        }
        Some(false) => {
            return (
                Reason::Refused,
                format!("No: consent to appear {use_label} was refused on {}.", long_date(c.given_on)),
            );
        }
        Some(true) => {}
    }
    if with_name && !c.name_with_image {
        return (Reason::NameNotAllowed, "No: their name may not appear with the image.".to_owned());
    }
    let by = match c.giver {
        Giver::Myself => "themselves".to_owned(),
        Giver::ParentCarer => match c.relationship.as_deref().filter(|r| !r.trim().is_empty()) {
            Some(r) => format!("their {}", r.trim().to_lowercase()),
            None => "their parent or carer".to_owned(),
        },
    };
    (
        Reason::Consented,
        format!("Yes: consent given by {by} on {}; it expires on {}.", long_date(c.given_on), long_date(c.expires_on)),
    )
}

/// Puts the people's answers together: yes only when everyone is a yes, and a no names who.
pub fn overall(
    people: Vec<PersonAnswer>,
    use_key: &str,
    use_label: &str,
    with_name: bool,
    on: NaiveDate,
) -> CheckAnswer {
    let refused: Vec<&str> = people.iter().filter(|p| !p.allowed).map(|p| p.display_name.as_str()).collect();
    let summary = if people.is_empty() {
        "Choose the people in the image.".to_owned()
    } else if refused.is_empty() {
        match people.len() {
            1 => format!("Yes: {} may appear {use_label}.", people[0].display_name),
            n => format!("Yes: all {n} people may appear {use_label}."),
        }
    } else {
        format!("No: {} cannot appear {use_label}. Leave them out, or do not use this image.", join_names(&refused))
    };
    CheckAnswer {
        allowed: !people.is_empty() && refused.is_empty(),
        summary,
        use_key: use_key.to_owned(),
        use_label: use_label.to_owned(),
        with_name,
        on,
        people,
    }
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whether a person's name may be shown beside an image of them, and why, in one plain line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NameAnswer {
    /// True only when the consent in force allows the name and at least one use is a yes.
    pub allowed: bool,
    /// "Yes: …" or "No: …".
    pub explanation: String,
}

/// The name's answer on a day, from the consent in force and that day's answer for each use. A
/// name may only go beside an image the person may appear in at all, so a consent that does not
/// stand (expired, withdrawn, waiting, or not valid for their age) is a no for the name too.
pub fn name_answer(consent: Option<&ImageConsent>, uses: &[PersonAnswer]) -> NameAnswer {
    let no = |why: &str| NameAnswer { allowed: false, explanation: why.to_owned() };
    let Some(c) = consent else {
        return no("No: there is no image consent on record.");
    };
    if uses.iter().any(|a| a.allowed) {
        return if c.name_with_image {
            NameAnswer {
                allowed: true,
                explanation: "Yes: their first name may be shown beside an image of them.".into(),
            }
        } else {
            no("No: the consent says their name must not be shown beside an image of them.")
        };
    }
    // Every use is a no; when the whole consent does not stand, every answer gives that reason.
    let whole = uses.first().filter(|a| {
        matches!(
            a.reason,
            Reason::Withdrawn
                | Reason::AwaitingConfirmation
                | Reason::Expired
                | Reason::UnderAgeWithoutParent
                | Reason::NoJudgement
        )
    });
    match whole {
        Some(answer) => no(&answer.explanation),
        None => no("No: they may not appear in any image, so their name may not be shown either."),
    }
}

/// Where one consent in a person's history stands on `on`, in a few words: replaced by a later
/// one, withdrawn, waiting, expired, not valid for their age, or in force until a date.
pub fn consent_state(
    c: &ImageConsent,
    in_force_id: Option<&str>,
    date_of_birth: Option<NaiveDate>,
    on: NaiveDate,
    own_consent_age: u32,
) -> String {
    if c.given_on > on {
        return format!("Not yet given on {}", long_date(on));
    }
    if let Some(w) = c.withdrawal.as_ref().filter(|w| w.on <= on) {
        return format!("Withdrawn on {}", long_date(w.on));
    }
    if in_force_id.is_some_and(|id| id != c.id) {
        return "Replaced by a later consent".to_owned();
    }
    match does_not_stand(c, date_of_birth, on, own_consent_age) {
        None => format!("In force; it expires on {}", long_date(c.expires_on)),
        Some((Reason::AwaitingConfirmation, _)) => "Waiting for an admin to confirm".to_owned(),
        Some((Reason::Expired, _)) => format!("Expired on {}", long_date(c.expires_on)),
        Some((_, why)) => format!("Does not count: {}", why.trim_start_matches("No: ").trim_end_matches('.')),
    }
}
