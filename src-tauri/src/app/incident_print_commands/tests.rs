//! The incident print commands' work on a real (demo) vault: what each PDF holds, what the audit
//! trail records, and what the locked home may print.

use age::secrecy::SecretString;
use chrono::NaiveDate;

use super::*;
use crate::demo::{self, DEMO_ORG, DEMO_PASSPHRASE};
use crate::error::CodedError;
use crate::forms::pdf_check::{folded, pdf_text};
use crate::records::incidents::{
    Action, Category, EntryBody, IncidentKind, IncidentSource, InvolvedPerson, NewIncident, Report, Role,
};
use crate::records::people::{PeopleQuery, PersonStatus};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn today() -> NaiveDate {
    day(2026, 11, 22)
}

fn demo_vault() -> (tempfile::TempDir, UnlockedVault) {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = demo::create(dir.path()).expect("demo vault");
    let vault = UnlockedVault::unlock(&paths, &SecretString::from(DEMO_PASSPHRASE.to_owned())).expect("demo unlocks");
    (dir, vault)
}

fn report(facts: &str) -> Report {
    Report {
        occurred_on: day(2026, 11, 18),
        occurred_at_time: None,
        reported_on: day(2026, 11, 19),
        how_reported: "In person".into(),
        reported_by: "Session leader".into(),
        reported_to: "The DSL".into(),
        place: "Computer room".into(),
        platform: "Video site".into(),
        device: "Club laptop".into(),
        category: Category::Content,
        kind: IncidentKind::FilteringBreachOrExposure,
        facts: facts.into(),
        own_words: None,
        opinion: None,
    }
}

/// Records an incident with one demo person linked in `role`; returns the incident id.
fn incident_with(v: &mut UnlockedVault, facts: &str, person: (&str, &str), role: Role) -> String {
    let (conn, actor) = v.conn_and_actor();
    let r = report(facts);
    let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &r };
    let incident = incidents::create(conn, actor, &new, today()).expect("create");
    let linked = EntryBody::Person(InvolvedPerson { person_id: Some(person.0.into()), name: person.1.into(), role });
    incidents::add_entry(conn, actor, &incident.id, &linked, today()).expect("link");
    let action = EntryBody::Action(Action { on: today(), by: "The DSL".into(), what: "Blocked the site.".into() });
    incidents::add_entry(conn, actor, &incident.id, &action, today()).expect("act");
    incident.id
}

fn demo_people(v: &UnlockedVault) -> Vec<(String, String)> {
    let query = PeopleQuery { text: String::new(), group: None, status: PersonStatus::All };
    people::search(v.db().conn(), &query).expect("search").into_iter().map(|p| (p.id, p.full_name)).collect()
}

fn demo_person(v: &UnlockedVault) -> (String, String) {
    demo_people(v).into_iter().next().expect("demo people")
}

fn audit_count(v: &UnlockedVault, action: &str, subject: &str) -> i64 {
    v.db()
        .conn()
        .query_row("SELECT count(*) FROM audit WHERE action = ?1 AND subject_id = ?2", [action, subject], |r| r.get(0))
        .expect("count")
}

#[test]
fn the_filled_report_prints_the_record_and_is_audited() {
    let (_dir, mut v) = demo_vault();
    let (person_id, name) = demo_person(&v);
    let id =
        incident_with(&mut v, "A pop-up got past the filter during a session.", (&person_id, &name), Role::Witness);
    let form = report_form(&v, &id, true, today()).expect("prints");
    let reference = incidents::get(v.db().conn(), v.actor(), &id).expect("get").incident.reference;
    assert_eq!(form.file_name, format!("Incident report {reference}.pdf"));
    let text = pdf_text(&form.pdf);
    let all = folded(&text);
    assert!(all.contains("A pop-up got past the filter during a session."));
    assert!(all.contains(&format!("{name} Witness")));
    assert!(all.contains("Blocked the site."));
    assert!(all.contains(DEMO_ORG));
    assert!(text.contains("Confidential: safeguarding"));
    assert!(text.contains("DEMO"), "a demo vault's print is marked DEMO");
    // The admin's own name, not an id, says who saved each entry.
    let admin = v.admins().expect("admins").into_iter().find(|a| a.is_current).expect("me");
    assert!(all.contains(&format!("by {}", admin.name)));
    assert_eq!(audit_count(&v, "incident.printed", &id), 1);
}

#[test]
fn printing_an_unknown_incident_says_so() {
    let (_dir, v) = demo_vault();
    let error = report_form(&v, "no-such-incident", false, today()).err().expect("refused");
    assert_eq!(error.code, "incident.notFound");
}

#[test]
fn a_persons_chronology_covers_their_incidents_with_their_own_role() {
    let (_dir, mut v) = demo_vault();
    let people = demo_people(&v);
    let ((person_id, name), (other_id, other_name)) = (people[0].clone(), people[1].clone());
    let first = incident_with(&mut v, "First filter breach in the computer room.", (&person_id, &name), Role::Witness);
    let second = incident_with(&mut v, "Second, unrelated incident.", (&other_id, &other_name), Role::Instigator);
    let form = person_form(&v, &person_id, false, today()).expect("prints");
    assert_eq!(form.file_name, format!("Incident chronology {name} 2026-11-22.pdf"));
    let all = folded(&pdf_text(&form.pdf));
    assert!(all.contains("First filter breach in the computer room."));
    assert!(all.contains("Witness"));
    assert!(!all.contains("Second, unrelated incident."), "only incidents the person is linked to");
    assert!(!all.contains("Instigator"));
    assert_eq!(audit_count(&v, "incident.printed", &first), 1);
    assert_eq!(audit_count(&v, "incident.printed", &second), 0);
}

#[test]
fn the_locked_home_prints_blank_forms_from_the_manifest_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = demo::create(dir.path()).expect("demo vault");
    // The demo vault is locked: only the manifest is readable.
    let incident = station::blank_form(&paths, &KioskBlankForm::Incident, true).expect("blank incident form");
    assert_eq!(incident.file_name, "Incident form blank.pdf");
    let text = folded(&pdf_text(&incident.pdf));
    assert!(text.contains("Online-safety incident form") && text.contains(DEMO_ORG));

    let offered = station::signing_options(&paths);
    let aup = offered.first().expect("the demo shows an AUP at the signing station");
    let choice = KioskBlankForm::Aup { aup_id: aup.aup_id.clone() };
    let printed = station::blank_form(&paths, &choice, true).expect("blank AUP");
    let text = pdf_text(&printed.pdf);
    assert!(text.contains(&aup.version_hash[..12]), "the version shown is the version printed");
    assert!(folded(&text).contains(&folded(&aup.content.title)));
    for signer in &aup.signers {
        assert!(!text.contains(&signer.display_name), "a blank form lists nobody");
    }

    let hidden = KioskBlankForm::Aup { aup_id: "not-offered".into() };
    let error = station::blank_form(&paths, &hidden, true).err().expect("refused");
    assert_eq!(error.code(), "kiosk.formNotOffered");
}
