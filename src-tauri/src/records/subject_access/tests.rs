use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::records::aup::{self, Audience};
use crate::records::consent::{self, ConsentDraft, Giver, Method, PublicationDraft, UseAnswer, Withdrawal};
use crate::records::incidents::{
    self, Action, Category, EntryBody, IncidentKind, IncidentSource, InvolvedPerson, NewIncident, Report,
};
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::signatures::{self, OnScreenSignature, SignatureMark, Signer};
use crate::records::test_support;
use crate::records::training::{self, Completion};
use crate::records::{organisation, test_db};
use crate::store::audit::Actor;

pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
}

pub(crate) fn today() -> NaiveDate {
    day(2026, 11, 22)
}

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

pub(crate) const A_NAME: &str = "Alfie Archer";
pub(crate) const B_NAME: &str = "Bella Brook";

/// A real PNG (a dark stroke on a transparent pad), so the printed form can draw it.
pub(crate) fn drawn_png() -> Vec<u8> {
    let mut img = image::RgbaImage::from_pixel(120, 40, image::Rgba([0, 0, 0, 0]));
    for x in 10..110 {
        for dy in 0..3 {
            img.put_pixel(x, 18 + dy + (x % 7) / 3, image::Rgba([20, 20, 20, 255]));
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).expect("a PNG encodes into memory");
    out.into_inner()
}

/// What was planted, by id, for each person.
pub(crate) struct Planted {
    pub a: String,
    pub b: String,
    pub a_signature: String,
    pub b_signature: String,
    pub a_consent: String,
    pub b_consent: String,
    pub a_training: String,
    pub b_training: String,
    pub shared_incident: String,
    pub b_only_incident: String,
}

fn person(conn: &mut Connection, name: &str) -> String {
    let draft = PersonDraft {
        date_of_birth: Some(day(1999, 4, 12)),
        start_date: Some(day(2024, 9, 1)),
        ..test_support::draft(PersonGroup::Volunteer, name)
    };
    people::add(conn, &dsl(), &draft).expect("add person").id
}

fn sign(conn: &mut Connection, version_id: &str, person_id: &str, mark: SignatureMark) -> String {
    let s = OnScreenSignature {
        version_id: version_id.into(),
        signer: Signer::Person { person_id: person_id.into() },
        signed_at: "2026-03-01T10:15:00+00:00".into(),
        mark,
        countersignature: None,
        receipt: None,
    };
    signatures::record_on_screen(conn, &dsl(), &s).expect("sign").id
}

fn own_consent(conn: &mut Connection, person_id: &str, uses: &[&str], notes: &str) -> String {
    let draft = ConsentDraft {
        person_id: person_id.into(),
        giver: Giver::Myself,
        giver_name: String::new(),
        relationship: None,
        parental_responsibility: false,
        judgement: None,
        method: Method::PaperForm,
        witness: None,
        given_on: day(2026, 2, 1),
        form_version: consent::wording::FORM_VERSION.into(),
        expires_on: None,
        answers: consent::FIXED_USES
            .iter()
            .map(|u| UseAnswer { use_key: (*u).into(), allowed: uses.contains(u) })
            .collect(),
        name_with_image: false,
        notes: Some(notes.into()),
    };
    consent::record(conn, &dsl(), &draft, today()).expect("consent").id
}

fn trained(conn: &mut Connection, person_id: &str, course: &str, provider: &str) -> String {
    let completion = Completion {
        course_id: course.into(),
        completed_on: day(2026, 1, 15),
        provider: provider.into(),
        notes: None,
        person_ids: vec![person_id.into()],
    };
    training::record(conn, &dsl(), &completion, today()).expect("training").remove(0).id
}

fn report(facts: &str) -> Report {
    Report {
        occurred_on: day(2026, 11, 2),
        occurred_at_time: Some("18:40".into()),
        reported_on: day(2026, 11, 3),
        how_reported: "In person".into(),
        reported_by: "Youth worker on shift".into(),
        reported_to: "The DSL".into(),
        place: "Youth club".into(),
        platform: "Group chat".into(),
        device: "Own phone".into(),
        category: Category::Conduct,
        kind: IncidentKind::Cyberbullying,
        facts: facts.into(),
        own_words: Some("Bella kept posting about me.".into()),
        opinion: None,
    }
}

fn incident(conn: &mut Connection, facts: &str, people: &[(&str, &str, incidents::Role)]) -> String {
    let r = report(facts);
    let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &r };
    let id = incidents::create(conn, &dsl(), &new, today()).expect("incident").id;
    for (person_id, name, role) in people {
        let body = EntryBody::Person(InvolvedPerson {
            person_id: Some((*person_id).into()),
            name: (*name).into(),
            role: *role,
        });
        incidents::add_entry(conn, &dsl(), &id, &body, today()).expect("person entry");
    }
    id
}

/// Person A and person B, each with their own signature, consent and training, one incident
/// involving both, and one involving only B.
pub(crate) fn plant(conn: &mut Connection) -> Planted {
    organisation::initialise(conn, "Riverside Youth Project").expect("organisation");
    let a = person(conn, A_NAME);
    let b = person(conn, B_NAME);
    let staff_aup = aup::create(
        conn,
        &dsl(),
        Audience::StaffVolunteers,
        &aup::template(Audience::StaffVolunteers, "Riverside Youth Project", "Sam Okafor"),
    )
    .expect("aup");
    let version = aup::publish(conn, &dsl(), &staff_aup.id).expect("publish");
    let a_signature = sign(conn, &version.id, &a, SignatureMark::Drawn { png: drawn_png() });
    let b_signature = sign(conn, &version.id, &b, SignatureMark::Typed { name: B_NAME.into() });
    let a_consent = own_consent(conn, &a, &["website", "video"], "Happy to be in group photos");
    let withdrawal = Withdrawal { on: day(2026, 6, 3), how: "By email".into(), recorded_by: String::new(), note: None };
    consent::withdraw(conn, &dsl(), &a_consent, &withdrawal, today()).expect("withdraw");
    let b_consent = own_consent(conn, &b, &["print"], "B-CONSENT-NOTE");
    let a_training = trained(conn, &a, "course-online-safety", "A-TRAINING-PROVIDER");
    training::attach_certificate(conn, &dsl(), &a_training, &drawn_png()).expect("certificate");
    let b_training = trained(conn, &b, "course-induction", "B-TRAINING-PROVIDER");
    let publication = PublicationDraft {
        published_on: day(2026, 4, 10),
        use_key: "website".into(),
        description: "Spring open day photos".into(),
        link: None,
        person_ids: vec![a.clone(), b.clone()],
    };
    consent::add_publication(conn, &dsl(), &publication, today()).expect("publication");
    let shared_incident = incident(
        conn,
        "Bella Brook posted unkind messages about Alfie Archer in the club group chat.",
        &[(&a, A_NAME, incidents::Role::SubjectOrVictim), (&b, B_NAME, incidents::Role::Instigator)],
    );
    let action = EntryBody::Action(Action {
        on: day(2026, 11, 4),
        by: "The DSL".into(),
        what: "Spoke with Bella and with Alfie separately; messages saved.".into(),
    });
    incidents::add_entry(conn, &dsl(), &shared_incident, &action, today()).expect("action");
    let b_only_incident =
        incident(conn, "B-ONLY-INCIDENT: a filtering alert.", &[(&b, B_NAME, incidents::Role::Witness)]);
    Planted {
        a,
        b,
        a_signature,
        b_signature,
        a_consent,
        b_consent,
        a_training,
        b_training,
        shared_incident,
        b_only_incident,
    }
}

fn json_of(access: &SubjectAccess) -> String {
    String::from_utf8(access.to_json().expect("json")).expect("utf-8")
}

#[test]
fn the_export_holds_every_record_planted_for_the_person() {
    let mut conn = test_db();
    let p = plant(&mut conn);
    let access = gather(&conn, &p.a, SubjectAccessOptions { redact_others: true }, today()).expect("gather");
    assert_eq!(access.details.person.full_name, A_NAME);
    assert_eq!(access.signatures.len(), 1);
    assert_eq!(access.signatures[0].signature.id, p.a_signature);
    assert_eq!(access.signatures[0].mark.as_ref().map(|m| m.bytes.clone()), Some(drawn_png()));
    assert_eq!(access.consents.len(), 1);
    assert_eq!(access.consents[0].consent.id, p.a_consent);
    assert_eq!(access.consents[0].consent.withdrawal.as_ref().map(|w| w.on), Some(day(2026, 6, 3)));
    assert!(access.consents[0].answers.iter().any(|a| a.use_key == "video" && a.allowed));
    assert_eq!(access.training.len(), 1);
    assert_eq!(access.training[0].record.id, p.a_training);
    assert_eq!(access.training[0].certificate.as_ref().map(|c| c.media_type.as_str()), Some("image/png"));
    assert_eq!(access.publications.len(), 1);
    assert_eq!(access.publications[0].others_shown, 1, "B is counted, not named");
    assert_eq!(access.incidents.len(), 1);
    assert_eq!(access.incidents[0].incident.id, p.shared_incident);
    assert_eq!(access.incidents[0].role, Some(incidents::Role::SubjectOrVictim));
    assert_eq!(access.incidents[0].other_people, 1);

    let json = json_of(&access);
    use base64::Engine;
    let png_b64 = base64::engine::general_purpose::STANDARD.encode(drawn_png());
    assert!(json.contains(&png_b64), "the drawn signature travels as base64");
    assert!(json.contains("\"mediaType\": \"image/png\""));
    assert!(json.contains("A-TRAINING-PROVIDER"));
}

#[test]
fn the_export_holds_none_of_another_persons_own_records() {
    let mut conn = test_db();
    let p = plant(&mut conn);
    for redact_others in [true, false] {
        let access = gather(&conn, &p.a, SubjectAccessOptions { redact_others }, today()).expect("gather");
        let json = json_of(&access);
        for b_thing in
            [&p.b_signature, &p.b_consent, &p.b_training, &p.b_only_incident, "B-CONSENT-NOTE", "B-TRAINING-PROVIDER"]
        {
            assert!(!json.contains(b_thing), "{b_thing} (B's own record) leaked into A's export");
        }
    }
}

#[test]
fn with_redaction_the_other_persons_name_and_id_appear_nowhere() {
    let mut conn = test_db();
    let p = plant(&mut conn);
    let access = gather(&conn, &p.a, SubjectAccessOptions { redact_others: true }, today()).expect("gather");
    let json = json_of(&access);
    for needle in ["Bella", "Brook", p.b.as_str()] {
        assert!(!json.contains(needle), "{needle} is in the redacted export");
    }
    assert!(json.contains(ANOTHER_PERSON));
    assert!(json.contains("posted unkind messages about Alfie Archer"), "A's own name stays");
}

#[test]
fn without_redaction_the_other_persons_name_appears_only_inside_the_shared_incident() {
    let mut conn = test_db();
    let p = plant(&mut conn);
    let mut access = gather(&conn, &p.a, SubjectAccessOptions { redact_others: false }, today()).expect("gather");
    assert!(json_of(&access).contains(B_NAME));
    let incidents_json = serde_json::to_string(&access.incidents).expect("json");
    assert!(incidents_json.contains(B_NAME));
    access.incidents.clear();
    let rest = json_of(&access);
    assert!(!rest.contains("Bella") && !rest.contains("Brook"), "B is named outside the incident");
}

#[test]
fn restricted_incidents_are_included_and_counted() {
    let mut conn = test_db();
    let p = plant(&mut conn);
    incidents::set_access(&mut conn, &dsl(), &p.shared_incident, true, &["admin-dsl".to_owned()]).expect("restrict");
    let access = gather(&conn, &p.a, SubjectAccessOptions::default(), today()).expect("gather");
    assert_eq!(access.incidents.len(), 1);
    assert_eq!(access.restricted_incidents(), 1);
}

#[test]
fn an_unknown_person_is_refused() {
    let conn = test_db();
    organisation::initialise(&conn, "Riverside Youth Project").expect("organisation");
    let err = gather(&conn, "no-such-person", SubjectAccessOptions::default(), today()).expect_err("refused");
    assert!(matches!(err, SubjectAccessError::PersonNotFound));
    assert_eq!(err.code(), "subjectAccess.personNotFound");
}
