//! Recording, confirming and withdrawing consents, and reading them back per person.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::rules::{self, own_consent_problem, Reason};
use super::{
    check_len, is_use_key, settings, wording, ConsentDate, ConsentDraft, ConsentError, ConsentField, Giver,
    ImageConsent, Method, UseAnswer, Withdrawal,
};
use crate::records::people::{self, validate_full_name, Person};
use crate::records::text::trimmed_or_none;
use crate::records::{date_column, date_text, new_id, now_utc, DATE_FORMAT};
use crate::reminders::Renewal;
use crate::store::audit::{self, Actor, Entry};

const COLUMNS: &str = "id, person_id, about_name, giver, giver_name, relationship, parental_responsibility, judgement,
    method, witness, given_on, form_version, expires_on, name_with_image, notes, confirmed_at, receipt,
    mark_png IS NOT NULL, mark_typed, withdrawn_on, withdrawn_how, withdrawn_recorded_by, withdrawn_note, created_at,
    source, answers";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ImageConsent> {
    let source: String = r.get(24)?;
    let confirmed_at: Option<String> = r.get(15)?;
    let withdrawn_on = date_column(r, 19)?;
    Ok(ImageConsent {
        id: r.get(0)?,
        person_id: r.get(1)?,
        about_name: r.get(2)?,
        giver: Giver::from_stored(&r.get::<_, String>(3)?),
        giver_name: r.get(4)?,
        relationship: r.get(5)?,
        parental_responsibility: r.get(6)?,
        judgement: r.get(7)?,
        method: Method::from_stored(&r.get::<_, String>(8)?),
        witness: r.get(9)?,
        given_on: date_column(r, 10)?.unwrap_or_default(),
        form_version: r.get(11)?,
        expires_on: date_column(r, 12)?.unwrap_or_default(),
        answers: {
            let text: String = r.get(25)?;
            serde_json::from_str(&text)
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(25, rusqlite::types::Type::Text, Box::new(e)))?
        },
        name_with_image: r.get(13)?,
        notes: r.get(14)?,
        self_declared: source == "signingStation" && confirmed_at.is_none(),
        receipt: r.get(16)?,
        has_drawn_mark: r.get(17)?,
        typed_mark: r.get(18)?,
        withdrawal: match withdrawn_on {
            Some(on) => Some(Withdrawal {
                on,
                how: r.get::<_, Option<String>>(20)?.unwrap_or_default(),
                recorded_by: r.get::<_, Option<String>>(21)?.unwrap_or_default(),
                note: r.get(22)?,
            }),
            None => None,
        },
        created_at: r.get(23)?,
    })
}

fn query(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> Result<Vec<ImageConsent>, ConsentError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM image_consents WHERE {filter}"))?;
    let rows = stmt.query_map(args, from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// One consent, by its id.
pub fn get(conn: &Connection, id: &str) -> Result<ImageConsent, ConsentError> {
    query(conn, "id = ?1", [id])?.pop().ok_or(ConsentError::NotFound)
}

/// A person's consents, newest first.
pub fn for_person(conn: &Connection, person_id: &str) -> Result<Vec<ImageConsent>, ConsentError> {
    query(conn, "person_id = ?1 ORDER BY given_on DESC, created_at DESC", [person_id])
}

/// The signature drawn on a signing-station consent, if one was drawn.
pub fn mark_png(conn: &Connection, id: &str) -> Result<Option<Vec<u8>>, ConsentError> {
    conn.query_row("SELECT mark_png FROM image_consents WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(ConsentError::NotFound)
}

/// Signing-station consents waiting for an admin, oldest first.
pub fn unconfirmed(conn: &Connection) -> Result<Vec<ImageConsent>, ConsentError> {
    query(conn, "source = 'signingStation' AND confirmed_at IS NULL ORDER BY created_at, id", [])
}

/// Every consent of each of these people, grouped by person: what the check, the register and the
/// take-down list use. A few people are looked up by index; for many, one pass over the table reads
/// each page once rather than jumping about it.
pub(crate) fn for_people(
    conn: &Connection,
    person_ids: &[&str],
) -> Result<HashMap<String, Vec<ImageConsent>>, ConsentError> {
    let mut out: HashMap<String, Vec<ImageConsent>> = HashMap::new();
    if person_ids.len() > 1_000 {
        let wanted: std::collections::HashSet<&str> = person_ids.iter().copied().collect();
        let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM image_consents WHERE person_id IS NOT NULL"))?;
        for c in stmt.query_map([], from_row)? {
            let c = c?;
            if let Some(id) = c.person_id.clone().filter(|id| wanted.contains(id.as_str())) {
                out.entry(id).or_default().push(c);
            }
        }
        return Ok(out);
    }
    for chunk in person_ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM image_consents WHERE person_id IN ({marks})"))?;
        for c in stmt.query_map(params_from_iter(chunk.iter()), from_row)? {
            let c = c?;
            out.entry(c.person_id.clone().unwrap_or_default()).or_default().push(c);
        }
    }
    Ok(out)
}

/// The name an audit-free record keeps for who did something.
pub(crate) fn recorder_name(conn: &Connection, actor: &Actor) -> Result<String, ConsentError> {
    Ok(match actor {
        Actor::Admin(id) => conn
            .query_row("SELECT name FROM admins WHERE id = ?1", [id], |r| r.get::<_, String>(0))
            .optional()?
            .unwrap_or_else(|| "An admin".to_owned()),
        Actor::RecoveryKey => "Recovery key".to_owned(),
        Actor::SigningStation => "Signing station".to_owned(),
        Actor::System => "Safekeeper".to_owned(),
    })
}

fn active_person(conn: &Connection, id: &str) -> Result<Person, ConsentError> {
    match people::get(conn, id) {
        Ok(p) if !p.is_archived() => Ok(p),
        Ok(_) | Err(people::PeopleError::NotFound) => Err(ConsentError::PersonNotFound),
        Err(people::PeopleError::Store(e)) => Err(e.into()),
        Err(_) => Err(ConsentError::PersonNotFound),
    }
}

fn check_answers(answers: &[UseAnswer]) -> Result<(), ConsentError> {
    if answers.is_empty() {
        return Err(ConsentError::NoAnswers);
    }
    let mut seen = std::collections::HashSet::new();
    for a in answers {
        if !is_use_key(&a.use_key) || !seen.insert(a.use_key.as_str()) {
            return Err(ConsentError::UnknownUse);
        }
    }
    Ok(())
}

/// The age rule, as a message for whoever is recording: refuses what the check would count as no.
fn check_age_rule(
    person: &Person,
    giver: Giver,
    parental_responsibility: bool,
    judgement: Option<&str>,
    given_on: NaiveDate,
    own_age: u32,
) -> Result<(), ConsentError> {
    let name = person.full_name.clone();
    match giver {
        Giver::Myself => {
            if let Some((reason, why)) = own_consent_problem(person.date_of_birth, given_on, judgement, own_age) {
                let next = match reason {
                    Reason::NoJudgement => "Write down why staff judged they understood what they were agreeing to.",
                    _ => "Record the consent of a parent or carer with parental responsibility instead.",
                };
                return Err(ConsentError::AgeRule(format!("{name} cannot consent on their own: {why}. {next}")));
            }
        }
        Giver::ParentCarer => {
            let under = person.date_of_birth.is_some_and(|dob| super::age_on(dob, given_on) < own_age);
            if under && !parental_responsibility {
                return Err(ConsentError::AgeRule(format!(
                    "{name} was under {own_age} on that day, so the parent or carer must have parental responsibility. Confirm they do, or record consent from someone who does."
                )));
            }
        }
    }
    Ok(())
}

struct Row<'a> {
    person_id: Option<&'a str>,
    about_name: &'a str,
    giver: Giver,
    giver_name: &'a str,
    relationship: Option<String>,
    parental_responsibility: bool,
    judgement: Option<String>,
    method: Method,
    witness: Option<String>,
    given_on: NaiveDate,
    form_version: &'a str,
    expires_on: NaiveDate,
    name_with_image: bool,
    notes: Option<String>,
    source: &'static str,
    receipt: Option<&'a str>,
    mark_png: Option<&'a [u8]>,
    mark_typed: Option<&'a str>,
}

fn insert(conn: &Connection, actor: &Actor, row: &Row<'_>, answers: &[UseAnswer]) -> Result<String, ConsentError> {
    let id = new_id();
    let inserted = conn.execute(
        "INSERT INTO image_consents (id, person_id, about_name, giver, giver_name, relationship,
             parental_responsibility, judgement, method, witness, given_on, form_version, expires_on,
             name_with_image, notes, source, receipt, mark_png, mark_typed, created_at, created_by, answers)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
        params![
            id,
            row.person_id,
            row.about_name,
            row.giver.as_str(),
            row.giver_name,
            row.relationship,
            row.parental_responsibility,
            row.judgement,
            row.method.as_str(),
            row.witness,
            date_text(row.given_on),
            row.form_version,
            date_text(row.expires_on),
            row.name_with_image,
            row.notes,
            row.source,
            row.receipt,
            row.mark_png,
            row.mark_typed,
            now_utc(),
            actor.as_stored(),
            serde_json::to_string(answers).map_err(ConsentError::AnswersUnstorable)?
        ],
    );
    match inserted {
        Err(rusqlite::Error::SqliteFailure(e, Some(msg)))
            if e.code == rusqlite::ErrorCode::ConstraintViolation && msg.contains("receipt") =>
        {
            return Err(ConsentError::DuplicateReceipt)
        }
        other => {
            other?;
        }
    }
    let allowed = answers.iter().filter(|a| a.allowed).count();
    let detail = format!("uses={};allowed={allowed};source={}", answers.len(), row.source);
    audit::append(
        conn,
        actor,
        &Entry { action: "consent.recorded", subject_kind: "imageConsent", subject_id: &id, detail: &detail },
    )?;
    Ok(id)
}

/// Records a consent (or refusal) an admin took on paper, by email or by word of mouth. Refuses
/// what the age rule would not count, saying why and what to do instead.
pub fn record(
    conn: &mut Connection,
    actor: &Actor,
    draft: &ConsentDraft,
    today: NaiveDate,
) -> Result<ImageConsent, ConsentError> {
    let tx = conn.transaction()?;
    let person = active_person(&tx, &draft.person_id)?;
    let config = settings::consent_settings(&tx)?;
    check_answers(&draft.answers)?;
    if draft.given_on > today {
        return Err(ConsentError::DateInFuture(ConsentDate::Given));
    }
    for (text, field) in [
        (draft.notes.as_deref(), ConsentField::Note),
        (draft.judgement.as_deref(), ConsentField::Judgement),
        (draft.witness.as_deref(), ConsentField::Witness),
        (draft.relationship.as_deref(), ConsentField::Relationship),
    ] {
        check_len(text, field)?;
    }
    let form_version = draft.form_version.trim();
    // Longer than any real form version: asked for again, as if missing.
    if form_version.is_empty() || form_version.chars().count() > 120 {
        return Err(ConsentError::Missing(ConsentField::FormVersion));
    }
    let (giver_name, relationship) = match draft.giver {
        Giver::Myself => (person.full_name.clone(), None),
        Giver::ParentCarer => {
            let name = validate_full_name(&draft.giver_name).map_err(|_| ConsentError::GiverNameNotFull)?;
            let relationship = trimmed_or_none(draft.relationship.as_deref())
                .ok_or(ConsentError::Missing(ConsentField::Relationship))?;
            (name, Some(relationship))
        }
    };
    let witness = trimmed_or_none(draft.witness.as_deref());
    if draft.method == Method::Verbal && witness.is_none() {
        return Err(ConsentError::Missing(ConsentField::Witness));
    }
    if draft.method == Method::SigningStation {
        return Err(ConsentError::StationMethodByHand);
    }
    let judgement = trimmed_or_none(draft.judgement.as_deref());
    check_age_rule(
        &person,
        draft.giver,
        draft.parental_responsibility,
        judgement.as_deref(),
        draft.given_on,
        config.own_consent_age,
    )?;
    let expires_on = match draft.expires_on {
        Some(date) => date,
        None => Renewal::Months { months: config.default_months }
            .next_due(draft.given_on)
            .ok_or(ConsentError::GivenOnOutOfRange)?,
    };
    if expires_on <= draft.given_on {
        return Err(ConsentError::ExpiryNotAfterGiven);
    }
    let row = Row {
        person_id: Some(&person.id),
        about_name: &person.full_name,
        giver: draft.giver,
        giver_name: &giver_name,
        relationship,
        parental_responsibility: draft.giver == Giver::ParentCarer && draft.parental_responsibility,
        judgement: judgement.filter(|_| draft.giver == Giver::Myself),
        method: draft.method,
        witness: witness.filter(|_| draft.method == Method::Verbal),
        given_on: draft.given_on,
        form_version,
        expires_on,
        name_with_image: draft.name_with_image,
        notes: trimmed_or_none(draft.notes.as_deref()),
        source: "admin",
        receipt: None,
        mark_png: None,
        mark_typed: None,
    };
    let id = insert(&tx, actor, &row, &draft.answers)?;
    let saved = get(&tx, &id)?;
    tx.commit()?;
    Ok(saved)
}

/// What the signing station hands in, checked there already.
pub struct StationConsent<'a> {
    /// The name of the person in the images, as given at the station.
    pub about_name: &'a str,
    /// The id of the person picked from the station's list, if one was picked; dropped if it names
    /// nobody active.
    pub person_hint: Option<&'a str>,
    /// Whether the person consented themselves or a parent or carer did.
    pub giver: Giver,
    /// The parent or carer's full name, or the person's own name when they consented themselves.
    pub giver_name: &'a str,
    /// The parent or carer's relationship to the person, as given.
    pub relationship: Option<&'a str>,
    /// The parent or carer said they have parental responsibility.
    pub parental_responsibility: bool,
    /// The UK day the station sealed the submission; the consent is dated that day.
    pub given_on: NaiveDate,
    /// The version of the form the station showed.
    pub form_version: &'a str,
    /// The yes or no for each use the form asked about.
    pub answers: &'a [UseAnswer],
    /// Whether the name may appear with an image; ignored when all consent is withdrawn.
    pub name_with_image: bool,
    /// The signing station's receipt number; a second consent with the same one is refused.
    pub receipt: &'a str,
    /// The signature as drawn, a PNG image; `None` when a name was typed instead.
    pub mark_png: Option<&'a [u8]>,
    /// The name typed as a signature; `None` when one was drawn.
    pub mark_typed: Option<&'a str>,
    /// "Withdraw all consent" was chosen: every answer is no.
    pub withdraw_all: bool,
}

/// Records a signing-station consent inside the ingest's transaction, self-declared until an
/// admin confirms it. A hint that names nobody active is dropped, not trusted.
pub fn insert_from_station(conn: &Connection, station: &StationConsent<'_>) -> Result<String, ConsentError> {
    check_answers(station.answers)?;
    let hint = match station.person_hint {
        Some(id) => active_person(conn, id).ok().map(|p| p.id),
        None => None,
    };
    let months = settings::consent_settings(conn)?.default_months;
    let expires_on = Renewal::Months { months }.next_due(station.given_on).ok_or(ConsentError::SubmissionDateUnreal)?;
    let row = Row {
        person_id: hint.as_deref(),
        about_name: station.about_name,
        giver: station.giver,
        giver_name: station.giver_name,
        relationship: station.relationship.map(str::to_owned),
        parental_responsibility: station.parental_responsibility,
        judgement: None,
        method: Method::SigningStation,
        witness: None,
        given_on: station.given_on,
        form_version: station.form_version,
        expires_on,
        name_with_image: station.name_with_image && !station.withdraw_all,
        notes: station.withdraw_all.then(|| "Withdrawal of all consent, given at the signing station.".to_owned()),
        source: "signingStation",
        receipt: Some(station.receipt),
        mark_png: station.mark_png,
        mark_typed: station.mark_typed,
    };
    insert(conn, &Actor::SigningStation, &row, station.answers)
}

/// An admin confirms who a signing-station consent is about and that it counts. The age rule
/// applies as if the admin had recorded it; a 16 or 17 year old's own consent needs the judgement
/// written now. A withdrawal of all consent also marks the consent it replaces as withdrawn.
pub fn confirm(
    conn: &mut Connection,
    actor: &Actor,
    id: &str,
    person_id: &str,
    judgement: Option<&str>,
) -> Result<ImageConsent, ConsentError> {
    let tx = conn.transaction()?;
    let before = get(&tx, id)?;
    if !before.self_declared {
        return Err(ConsentError::AlreadyConfirmed);
    }
    let person = active_person(&tx, person_id)?;
    let own_age = settings::consent_settings(&tx)?.own_consent_age;
    check_len(judgement, ConsentField::Judgement)?;
    let judgement = trimmed_or_none(judgement).filter(|_| before.giver == Giver::Myself);
    let refusing_all = before.answers.iter().all(|a| !a.allowed);
    if !refusing_all {
        check_age_rule(
            &person,
            before.giver,
            before.parental_responsibility,
            judgement.as_deref(),
            before.given_on,
            own_age,
        )?;
    }
    let by = recorder_name(&tx, actor)?;
    tx.execute(
        "UPDATE image_consents SET person_id = ?2, judgement = ?3, confirmed_at = ?4, confirmed_by = ?5 WHERE id = ?1",
        params![id, person.id, judgement, now_utc(), by],
    )?;
    if refusing_all {
        // The consent this one replaces, if still standing, is withdrawn from the same day.
        let earlier = for_person(&tx, &person.id)?
            .into_iter()
            .filter(|c| c.id != id && !c.self_declared && c.given_on <= before.given_on && c.withdrawal.is_none())
            .max_by(|a, b| (a.given_on, &a.created_at).cmp(&(b.given_on, &b.created_at)));
        if let Some(earlier) = earlier {
            let how = format!("At the signing station (receipt {})", before.receipt.clone().unwrap_or_default());
            set_withdrawal(&tx, actor, &earlier.id, before.given_on, &how, &by, None)?;
        }
    }
    audit::append(
        &tx,
        actor,
        &Entry {
            action: "consent.confirmed",
            subject_kind: "imageConsent",
            subject_id: id,
            detail: &format!("person={}", person.id),
        },
    )?;
    let saved = get(&tx, id)?;
    tx.commit()?;
    Ok(saved)
}

fn set_withdrawal(
    conn: &Connection,
    actor: &Actor,
    id: &str,
    on: NaiveDate,
    how: &str,
    by: &str,
    note: Option<&str>,
) -> Result<(), ConsentError> {
    conn.execute(
        "UPDATE image_consents SET withdrawn_on = ?2, withdrawn_how = ?3, withdrawn_recorded_by = ?4, withdrawn_note = ?5
         WHERE id = ?1",
        params![id, date_text(on), how, by, note],
    )?;
    audit::append(
        conn,
        actor,
        &Entry {
            action: "consent.withdrawn",
            subject_kind: "imageConsent",
            subject_id: id,
            detail: &format!("on={}", on.format(DATE_FORMAT)),
        },
    )?;
    Ok(())
}

/// Withdraws a consent: the record stays, marked with when, how and who recorded it. From that
/// day the check says no for every use, and the take-down list shows where the person's images
/// were published.
pub fn withdraw(
    conn: &mut Connection,
    actor: &Actor,
    id: &str,
    withdrawal: &Withdrawal,
    today: NaiveDate,
) -> Result<ImageConsent, ConsentError> {
    let tx = conn.transaction()?;
    let before = get(&tx, id)?;
    if before.withdrawal.is_some() {
        return Err(ConsentError::AlreadyWithdrawn);
    }
    if withdrawal.on > today {
        return Err(ConsentError::DateInFuture(ConsentDate::Withdrawn));
    }
    if withdrawal.on < before.given_on {
        return Err(ConsentError::WithdrawnBeforeGiven);
    }
    let how = trimmed_or_none(Some(&withdrawal.how)).ok_or(ConsentError::Missing(ConsentField::WithdrawnHow))?;
    check_len(Some(&how), ConsentField::WithdrawnHow)?;
    check_len(withdrawal.note.as_deref(), ConsentField::Note)?;
    let by = recorder_name(&tx, actor)?;
    set_withdrawal(&tx, actor, id, withdrawal.on, &how, &by, trimmed_or_none(withdrawal.note.as_deref()).as_deref())?;
    let saved = get(&tx, id)?;
    tx.commit()?;
    Ok(saved)
}

/// One person's standing for every use today, for their page and the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonConsentStatus {
    /// The person's id in the people register.
    pub person_id: String,
    /// Their full name from the people register.
    pub display_name: String,
    /// Their answer for each use asked about, in the order the uses were given.
    pub uses: Vec<rules::PersonAnswer>,
    /// Whether their name may appear with an image on the day, under the consent in force and
    /// the same rules as every use (see `rules::name_answer`).
    pub name_with_image: bool,
    /// Why the name may or may not appear, in one plain line ("Yes: …" or "No: …").
    pub name_explanation: String,
    /// The consent in force, if any.
    pub current: Option<ImageConsent>,
}

/// Each person's answer for each use on a day, for the register and the person's page.
pub fn statuses(
    conn: &Connection,
    people: &[Person],
    use_keys: &[(String, String)],
    on: NaiveDate,
) -> Result<Vec<PersonConsentStatus>, ConsentError> {
    let own_age = settings::consent_settings(conn)?.own_consent_age;
    let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
    let consents = for_people(conn, &ids)?;
    let empty = Vec::new();
    Ok(people
        .iter()
        .map(|p| {
            let name = p.full_name.clone();
            let theirs = consents.get(&p.id).unwrap_or(&empty);
            let subject = rules::Subject { person_id: &p.id, display_name: &name, date_of_birth: p.date_of_birth };
            let uses: Vec<rules::PersonAnswer> = use_keys
                .iter()
                .map(|(key, label)| rules::answer(&subject, theirs, key, label, false, on, own_age))
                .collect();
            let current = rules::in_force(theirs, on).cloned();
            let name = rules::name_answer(current.as_ref(), &uses);
            PersonConsentStatus {
                person_id: p.id.clone(),
                display_name: subject.display_name.to_owned(),
                uses,
                name_with_image: name.allowed,
                name_explanation: name.explanation,
                current,
            }
        })
        .collect())
}

/// One person's consents, newest first, with the form's use labels: what their page and the
/// printed history show.
pub fn history_for_person(conn: &Connection, person_id: &str) -> Result<Vec<ImageConsent>, ConsentError> {
    active_or_archived(conn, person_id)?;
    for_person(conn, person_id)
}

fn active_or_archived(conn: &Connection, id: &str) -> Result<Person, ConsentError> {
    people::get(conn, id).map_err(|e| match e {
        people::PeopleError::Store(s) => ConsentError::Store(s),
        _ => ConsentError::PersonNotFound,
    })
}

/// The use keys and labels the current form asks about (active social accounts included).
pub fn current_uses(conn: &Connection) -> Result<Vec<(String, String)>, ConsentError> {
    let accounts = settings::account_pairs(conn, false)?;
    Ok(wording::all_uses(&accounts)
        .into_iter()
        .map(|u| {
            let label = wording::use_label(&u.use_key, &accounts);
            (u.use_key, label)
        })
        .collect())
}
