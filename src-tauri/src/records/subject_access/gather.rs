//! Reading every record about one person through each record type's own queries.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::redact::{names_to_hide, redact_entry};
use super::{
    Attachment, ConsentAnswer, LinkedPerson, PersonDetails, SubjectAccess, SubjectAccessError, SubjectAccessOptions,
    SubjectConsent, SubjectIncident, SubjectPublication, SubjectSignature, SubjectTraining, TakedownRecord, FORMAT,
};
use crate::error::CodedError;
use crate::records::consent::{self, wording};
use crate::records::incidents::{self, EntryBody, IncidentDetail};
use crate::records::people::{self, PeopleError, Person};
use crate::records::{aup, organisation, signatures, training};

fn part<E: CodedError>(e: E) -> SubjectAccessError {
    SubjectAccessError::from_part(&e)
}

fn png(bytes: Vec<u8>) -> Attachment {
    Attachment { media_type: "image/png".to_owned(), bytes }
}

/// Everything the records hold about `person_id`, as at `today`. Reads only: the caller records
/// the export in the audit trail. Restricted incidents are included (see `linked_to_person`).
pub fn gather(
    conn: &Connection,
    person_id: &str,
    options: SubjectAccessOptions,
    today: NaiveDate,
) -> Result<SubjectAccess, SubjectAccessError> {
    let person = people::get(conn, person_id).map_err(|e| match e {
        PeopleError::NotFound => SubjectAccessError::PersonNotFound,
        e => part(e),
    })?;
    let incidents = incidents::linked_to_person(conn, person_id)
        .map_err(part)?
        .into_iter()
        .map(|detail| subject_incident(conn, &person, detail, options))
        .collect::<Result<_, _>>()?;
    Ok(SubjectAccess {
        format: FORMAT,
        organisation: organisation::get(conn)?.org_name,
        produced_on: today,
        others_redacted: options.redact_others,
        signatures: signatures_of(conn, person_id)?,
        consents: consents_of(conn, person_id)?,
        publications: publications_of(conn, person_id)?,
        takedowns_due: consent::takedown_list(conn, today, Some(person_id)).map_err(part)?,
        training: training_of(conn, person_id)?,
        incidents,
        details: details_of(conn, person)?,
    })
}

fn details_of(conn: &Connection, person: Person) -> Result<PersonDetails, SubjectAccessError> {
    let links = people::links(conn, &person.id).map_err(part)?;
    let linked = |list: Vec<Person>| -> Vec<LinkedPerson> {
        list.into_iter().map(|p| LinkedPerson { person_id: p.id, full_name: p.full_name }).collect()
    };
    Ok(PersonDetails {
        roles: training::roles_of(conn, &person.id).map_err(part)?,
        groups: consent::groups_of_person(conn, &person.id).map_err(part)?,
        parents_carers: linked(links.parents),
        young_people: linked(links.young_people),
        person,
    })
}

fn signatures_of(conn: &Connection, person_id: &str) -> Result<Vec<SubjectSignature>, SubjectAccessError> {
    let mut out = Vec::new();
    for signature in signatures::for_person(conn, person_id).map_err(part)? {
        let version = aup::version(conn, &signature.version_id).map_err(part)?;
        let mark = if signature.drawn { signatures::mark_png(conn, &signature.id).map_err(part)? } else { None };
        let counter = if signature.countersignature_drawn {
            signatures::counter_png(conn, &signature.id).map_err(part)?
        } else {
            None
        };
        let scan = match signature.scan_media_type {
            Some(_) => signatures::scan(conn, &signature.id).map_err(part)?,
            None => None,
        };
        out.push(SubjectSignature {
            aup_title: version.content.title,
            audience: version.audience,
            mark: mark.map(png),
            countersignature_mark: counter.map(png),
            scan: scan.map(|(media_type, bytes)| Attachment { media_type, bytes }),
            signature,
        });
    }
    Ok(out)
}

fn consents_of(conn: &Connection, person_id: &str) -> Result<Vec<SubjectConsent>, SubjectAccessError> {
    let settings = consent::consent_settings(conn).map_err(part)?;
    let accounts: Vec<(String, String)> = settings.social_accounts.into_iter().map(|a| (a.id, a.name)).collect();
    let mut out = Vec::new();
    for c in consent::history_for_person(conn, person_id).map_err(part)? {
        let mark = if c.has_drawn_mark { consent::mark_png(conn, &c.id).map_err(part)? } else { None };
        let answers = c
            .answers
            .iter()
            .map(|a| ConsentAnswer {
                use_key: a.use_key.clone(),
                use_label: wording::use_title(&a.use_key, &accounts),
                allowed: a.allowed,
            })
            .collect();
        out.push(SubjectConsent { consent: c, answers, mark: mark.map(png) });
    }
    Ok(out)
}

fn publications_of(conn: &Connection, person_id: &str) -> Result<Vec<SubjectPublication>, SubjectAccessError> {
    let done = consent::takedowns_for_person(conn, person_id).map_err(part)?;
    Ok(consent::publications(conn, Some(person_id))
        .map_err(part)?
        .into_iter()
        .map(|p| SubjectPublication {
            others_shown: p.people.iter().filter(|x| x.person_id != person_id).count(),
            takedown: done.get(&p.id).map(|(removed, on, by)| TakedownRecord {
                removed: *removed,
                done_on: *on,
                done_by: by.clone(),
            }),
            publication_id: p.id,
            published_on: p.published_on,
            use_label: p.use_label,
            description: p.description,
            link: p.link,
        })
        .collect())
}

fn training_of(conn: &Connection, person_id: &str) -> Result<Vec<SubjectTraining>, SubjectAccessError> {
    let courses: HashMap<String, String> =
        training::courses(conn, true).map_err(part)?.into_iter().map(|c| (c.id, c.name)).collect();
    let mut out = Vec::new();
    for record in training::for_person(conn, person_id).map_err(part)? {
        let certificate = if record.has_certificate {
            let (media_type, bytes) = training::certificate(conn, &record.id).map_err(part)?;
            Some(Attachment { media_type, bytes })
        } else {
            None
        };
        out.push(SubjectTraining {
            course_name: courses.get(&record.course_id).cloned().unwrap_or_else(|| "A course no longer listed".into()),
            certificate,
            record,
        });
    }
    Ok(out)
}

fn subject_incident(
    conn: &Connection,
    subject: &Person,
    detail: IncidentDetail,
    options: SubjectAccessOptions,
) -> Result<SubjectIncident, SubjectAccessError> {
    let current_ids: Vec<String> = detail.current.iter().map(|(_, latest)| latest.clone()).collect();
    let mut role = None;
    let mut others: BTreeSet<String> = BTreeSet::new();
    // Every name any version of another person's entry gave, and their names in the register.
    let mut other_names: Vec<String> = Vec::new();
    for entry in &detail.chronology {
        let EntryBody::Person(p) = &entry.body else { continue };
        if p.person_id.as_deref() == Some(subject.id.as_str()) {
            if current_ids.contains(&entry.id) {
                role = Some(p.role);
            }
            continue;
        }
        if current_ids.contains(&entry.id) {
            others.insert(p.person_id.clone().unwrap_or_else(|| entry.id.clone()));
        }
        other_names.push(p.name.clone());
        if let Some(id) = &p.person_id {
            match people::get(conn, id) {
                Ok(other) => other_names.extend([Some(other.full_name), other.preferred_name].into_iter().flatten()),
                Err(PeopleError::NotFound) => {}
                Err(e) => return Err(part(e)),
            }
        }
    }
    let entries = if options.redact_others {
        let mut own: Vec<&str> = vec![subject.full_name.as_str()];
        own.extend(subject.preferred_name.as_deref());
        let names = names_to_hide(other_names.iter().map(String::as_str), &own);
        detail.chronology.iter().map(|e| redact_entry(e, &subject.id, &names)).collect()
    } else {
        detail.chronology
    };
    Ok(SubjectIncident {
        incident: detail.incident,
        role,
        entries,
        current_entry_ids: current_ids,
        other_people: others.len(),
    })
}
