//! The throwaway demo vault: a made-up organisation with made-up admins, people and signatures,
//! in a temporary folder, so a newcomer can look around a lived-in app without committing
//! anything. Owns the sample data; every record type adds its own samples here as it lands.

use std::path::Path;

use age::secrecy::SecretString;
use age::x25519;
use chrono::NaiveDate;

use crate::kiosk::outbox::{self, KioskAupSignature, KioskMark, Submission};
use crate::records::aup::{self, Audience};
use crate::records::consent::{self, ConsentDraft, Giver, Method, PublicationDraft, UseAnswer};
use crate::records::incidents::{
    self, Action, Agency, Category, Decision, EntryBody, IncidentKind, IncidentSource, InvolvedPerson, Judgement,
    JudgementDecision, NewIncident, Outcome, ParentsInformed, Referral, Report, Role, RouteStep, RouteStepKind,
    SignOff, Status, StatusChange,
};
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::signatures::{self, OnScreenSignature, SignatureMark, Signer};
use crate::store::audit::Actor;
use crate::vault::{NewVault, UnlockedVault, VaultError, VaultPaths};

/// Shown on the demo's unlock screen. It protects nothing real.
pub const DEMO_PASSPHRASE: &str = "demo orchard lantern pebble";
/// The made-up organisation name the demo vault is set up with.
pub const DEMO_ORG: &str = "Riverside Youth Project";

/// A made-up person: (group, full name, preferred name, date of birth as year, month, day).
type DemoPerson = (PersonGroup, &'static str, Option<&'static str>, Option<(i32, u32, u32)>);

const PEOPLE: &[DemoPerson] = &[
    (PersonGroup::Staff, "Sam Okafor", None, None),
    (PersonGroup::Staff, "Priya Raman", None, None),
    (PersonGroup::Staff, "Gareth Llewellyn", None, None),
    (PersonGroup::Volunteer, "Hannah Oduya", Some("Hattie"), None),
    (PersonGroup::Volunteer, "Marek Nowicki", None, None),
    (PersonGroup::Trustee, "Elizabeth Ashworth", Some("Liz"), None),
    (PersonGroup::YoungPerson, "Jayden Clarke", None, Some((2010, 3, 14))),
    (PersonGroup::YoungPerson, "Amira Haddad", None, Some((2008, 11, 2))),
    (PersonGroup::YoungPerson, "Ruby Fenwick", None, Some((2011, 7, 29))),
    (PersonGroup::ParentCarer, "Denise Clarke", None, None),
];

fn demo_error(e: impl std::fmt::Display) -> VaultError {
    VaultError::Io(std::io::Error::other(format!("demo data: {e}")))
}

/// Creates the demo vault in `data_dir` and leaves it locked, with one signing-station signature
/// waiting in the outbox so the first unlock shows it arriving.
pub fn create(data_dir: &Path) -> Result<VaultPaths, VaultError> {
    let paths = VaultPaths::new(data_dir);
    let passphrase = SecretString::from(DEMO_PASSPHRASE.to_owned());
    let recovery = x25519::Identity::generate();
    let mut vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: DEMO_ORG,
            admin_name: "Sam Okafor",
            passphrase: &passphrase,
            recovery: &recovery,
            demo_passphrase: Some(DEMO_PASSPHRASE),
        },
    )?;
    vault.add_admin("Priya Raman", &SecretString::from("deputy kettle mosaic harbour".to_owned()))?;
    let actor = vault.actor().clone();
    let conn = vault.db_mut().conn_mut();

    let mut ids = Vec::new();
    for (group, name, preferred, dob) in PEOPLE {
        let draft = PersonDraft {
            group: *group,
            full_name: (*name).to_owned(),
            preferred_name: preferred.map(str::to_owned),
            date_of_birth: dob.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            start_date: NaiveDate::from_ymd_opt(2024, 9, 2),
            leave_date: None,
            email: None,
            phone: None,
        };
        ids.push(people::add(conn, &actor, &draft).map_err(demo_error)?.id);
    }
    // Staff, volunteers and the trustee can pick their names at the signing station.
    for id in &ids[..6] {
        people::set_kiosk_listed(conn, &actor, id, true).map_err(demo_error)?;
    }
    // Jayden's mum.
    people::link_parent(conn, &actor, &ids[6], &ids[9]).map_err(demo_error)?;

    let staff_aup = aup::list(conn)
        .map_err(demo_error)?
        .into_iter()
        .find(|a| a.audience == Audience::StaffVolunteers)
        .ok_or_else(|| demo_error("no staff AUP"))?;
    let version = aup::publish(conn, &actor, &staff_aup.id).map_err(demo_error)?;
    aup::set_kiosk_published(conn, &actor, &staff_aup.id, true).map_err(demo_error)?;
    for (person, when) in [(0, "2025-09-03T09:12:00Z"), (1, "2025-09-03T09:40:00Z"), (3, "2025-10-14T17:05:00Z")] {
        signatures::record_on_screen(
            conn,
            &actor,
            &OnScreenSignature {
                version_id: version.id.clone(),
                signer: Signer::Person { person_id: ids[person].clone() },
                signed_at: when.to_owned(),
                mark: SignatureMark::Typed { name: PEOPLE[person].1.to_owned() },
                countersignature: None,
                receipt: None,
            },
        )
        .map_err(demo_error)?;
    }
    add_photo_consent(conn, &actor, &ids)?;
    add_incidents(conn, &actor, &ids)?;
    crate::kiosk::refresh::publish(&mut vault)?;
    vault.lock("demo created")?;

    // Gareth signed at the signing station while the app was locked.
    outbox::submit(
        &paths,
        &Submission::AupSignature(KioskAupSignature {
            aup_id: staff_aup.id,
            version_hash: version.content_hash,
            typed_name: "Gareth Llewellyn".to_owned(),
            person_hint: None,
            signed_at: chrono::Utc::now().to_rfc3339(),
            mark: KioskMark::Typed { name: "Gareth Llewellyn".to_owned() },
            countersignature: None,
        }),
    )
    .map_err(demo_error)?;
    Ok(paths)
}

/// The Instagram account, consent from Jayden's mum (given nearly a year ago, so "What is due" shows
/// it to renew) and from Amira (17 when she gave it), the Tuesday club as a group, and one logged
/// publication. Ruby has no consent yet.
fn add_photo_consent(conn: &mut rusqlite::Connection, actor: &Actor, ids: &[String]) -> Result<(), VaultError> {
    let today = crate::dates::today();
    let settings = consent::add_social_account(conn, actor, "Instagram @riversideyouth").map_err(demo_error)?;
    let insta = format!("social:{}", settings.social_accounts[0].id);
    let answers = |yes: &[&str]| -> Vec<UseAnswer> {
        ["website", insta.as_str(), "print", "press", "display", "video"]
            .into_iter()
            .map(|key| UseAnswer { use_key: key.to_owned(), allowed: yes.contains(&key) })
            .collect()
    };
    let jayden = ConsentDraft {
        person_id: ids[6].clone(),
        giver: Giver::ParentCarer,
        giver_name: "Denise Clarke".to_owned(),
        relationship: Some("Mother".to_owned()),
        parental_responsibility: true,
        judgement: None,
        method: Method::PaperForm,
        witness: None,
        given_on: today - chrono::Days::new(340),
        form_version: consent::wording::FORM_VERSION.to_owned(),
        expires_on: None,
        answers: answers(&["website", "print", "display"]),
        name_with_image: false,
        notes: Some("Group photographs only".to_owned()),
    };
    consent::record(conn, actor, &jayden, today).map_err(demo_error)?;
    let amira = ConsentDraft {
        person_id: ids[7].clone(),
        giver: Giver::Myself,
        giver_name: String::new(),
        relationship: None,
        parental_responsibility: false,
        judgement: Some("Talked through who can see each use; she explained it back in her own words.".to_owned()),
        given_on: today - chrono::Days::new(40),
        answers: answers(&["website", insta.as_str(), "print", "display", "video"]),
        name_with_image: true,
        notes: None,
        ..jayden
    };
    consent::record(conn, actor, &amira, today).map_err(demo_error)?;
    let club = consent::save_group(conn, actor, None, "Tuesday youth club").map_err(demo_error)?;
    for id in &ids[6..9] {
        consent::add_group_member(conn, actor, &club.id, id).map_err(demo_error)?;
    }
    let trip = PublicationDraft {
        published_on: today - chrono::Days::new(20),
        use_key: "website".to_owned(),
        description: "Autumn trip photos, news page".to_owned(),
        link: Some("https://riverside.example/news/autumn-trip".to_owned()),
        person_ids: vec![ids[6].clone(), ids[7].clone()],
    };
    consent::add_publication(conn, actor, &trip, today).map_err(demo_error)?;
    Ok(())
}

/// A made-up report: what every demo incident starts from.
struct DemoReport {
    days_ago: u64,
    time: &'static str,
    place: &'static str,
    platform: &'static str,
    device: &'static str,
    category: Category,
    kind: IncidentKind,
    facts: &'static str,
    own_words: Option<&'static str>,
}

/// Records `report` as a new incident by the demo's DSL; returns its id.
fn open_incident(
    conn: &mut rusqlite::Connection,
    actor: &Actor,
    today: NaiveDate,
    report: &DemoReport,
    staff_allegation: bool,
) -> Result<String, VaultError> {
    let report = report.report(today);
    let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation, report: &report };
    incidents::create(conn, actor, &new, today).map(|i| i.id).map_err(demo_error)
}

impl DemoReport {
    fn report(&self, today: NaiveDate) -> Report {
        let occurred_on = today - chrono::Days::new(self.days_ago);
        Report {
            occurred_on,
            occurred_at_time: Some(self.time.to_owned()),
            reported_on: occurred_on,
            how_reported: "In person".to_owned(),
            reported_by: "Youth worker on shift".to_owned(),
            reported_to: "Sam Okafor (DSL)".to_owned(),
            place: self.place.to_owned(),
            platform: self.platform.to_owned(),
            device: self.device.to_owned(),
            category: self.category,
            kind: self.kind,
            facts: self.facts.to_owned(),
            own_words: self.own_words.map(str::to_owned),
            opinion: None,
        }
    }
}

/// Four made-up incidents so the incident screens, the trends and the trustee report have
/// something to show: one closed, one open, one referred to the police and CEOP, and one
/// allegation about a volunteer that only the DSL can open.
fn add_incidents(conn: &mut rusqlite::Connection, actor: &Actor, ids: &[String]) -> Result<(), VaultError> {
    let today = crate::dates::today();
    let ago = |days: u64| today - chrono::Days::new(days);
    let dsl = "Sam Okafor".to_owned();
    let person = |at: usize, role: Role| {
        EntryBody::Person(InvolvedPerson { person_id: Some(ids[at].clone()), name: PEOPLE[at].1.to_owned(), role })
    };
    let judged = |days: u64, by: &String, judgement: Judgement, reason: &str| {
        EntryBody::Judgement(JudgementDecision { on: ago(days), by: by.clone(), judgement, reason: reason.to_owned() })
    };
    let step = |days: u64, by: &String, step: RouteStepKind, details: Option<&str>| {
        EntryBody::Step(RouteStep {
            step,
            on: ago(days),
            by: by.clone(),
            details: details.map(str::to_owned),
            reference: None,
            illegal_found: None,
        })
    };

    // Closed: unkind messages in the club's group chat, dealt with and signed off.
    let chat = open_incident(
        conn,
        actor,
        today,
        &DemoReport {
            days_ago: 150,
            time: "18:40",
            place: "Tuesday youth club",
            platform: "Group chat",
            device: "Own phone",
            category: Category::Conduct,
            kind: IncidentKind::Cyberbullying,
            facts: "Two members posted mocking pictures of another member in the club's group chat after a session.",
            own_words: Some("Everyone saw it before I could ask them to take it down."),
        },
        false,
    )?;
    let mut entries = vec![
        person(6, Role::SubjectOrVictim),
        EntryBody::Action(Action {
            on: ago(149),
            by: dsl.clone(),
            what: "Asked the members who posted to delete the pictures; checked the chat the next day.".to_owned(),
        }),
        EntryBody::ParentsInformed(ParentsInformed {
            informed: true,
            on: Some(ago(149)),
            by: Some(dsl.clone()),
            why_not: None,
        }),
        judged(149, &dsl, Judgement::Unsuitable, "Unkind pictures among members; nothing unlawful was shared."),
        step(149, &dsl, RouteStepKind::CoordinatorTold, None),
        step(148, &dsl, RouteStepKind::Reviewed, Some("Read the chat with the member who was targeted.")),
        step(
            146,
            &dsl,
            RouteStepKind::ActionAndSanctions,
            Some("Both posters apologised in person and lost group chat access for two weeks."),
        ),
        step(141, &dsl, RouteStepKind::PoliciesAndToolsReviewed, Some("Chat rules added to the club AUP.")),
        EntryBody::Outcome(Outcome {
            outcome: "Pictures removed. A restorative conversation was held and the group agreed chat rules."
                .to_owned(),
            sanctions: None,
            lessons_learnt: Some("Go over the chat rules at the start of each term.".to_owned()),
            policy_changes: None,
        }),
    ];
    for entry in entries.drain(..) {
        incidents::add_entry(conn, actor, &chat, &entry, today).map_err(demo_error)?;
    }
    let sign_off = SignOff { name: dsl.clone(), on: ago(140) };
    incidents::change_status(
        conn,
        actor,
        &chat,
        &StatusChange { to: Status::Closed, sign_off: Some(sign_off), reason: None },
        today,
    )
    .map_err(demo_error)?;

    // Open: a filter let a violent clip through on the club laptop.
    let clip = open_incident(
        conn,
        actor,
        today,
        &DemoReport {
            days_ago: 12,
            time: "17:15",
            place: "Drop-in room",
            platform: "Video website",
            device: "Club laptop",
            category: Category::Content,
            kind: IncidentKind::FilteringBreachOrExposure,
            facts: "A violent video played from a link in a comment; the filter did not block the site.",
            own_words: None,
        },
        false,
    )?;
    for entry in [
        person(8, Role::SubjectOrVictim),
        EntryBody::Action(Action {
            on: ago(11),
            by: dsl.clone(),
            what: "Reported the site to the filtering provider and asked for the category to be blocked.".to_owned(),
        }),
        judged(11, &dsl, Judgement::Unsuitable, "A violent clip reached a young person through a filter gap."),
        step(11, &dsl, RouteStepKind::CoordinatorTold, None),
    ] {
        incidents::add_entry(conn, actor, &clip, &entry, today).map_err(demo_error)?;
    }

    // Referred: an adult stranger asked a young person for pictures in a game's chat.
    let game = open_incident(
        conn,
        actor,
        today,
        &DemoReport {
            days_ago: 40,
            time: "19:05",
            place: "At home (told staff at the club)",
            platform: "Online game chat",
            device: "Games console",
            category: Category::Contact,
            kind: IncidentKind::SexualAbuseOrExploitation,
            facts: "An account claiming to be 15 asked for pictures and offered game credit. No pictures were sent.",
            own_words: Some("He kept saying it was just a joke between friends."),
        },
        false,
    )?;
    for entry in [
        person(7, Role::SubjectOrVictim),
        EntryBody::Referral(Referral {
            agency: Agency::Ceop,
            other_agency: None,
            on: ago(40),
            reference: Some("CEOP report made online".to_owned()),
            outcome: None,
        }),
        EntryBody::Referral(Referral {
            agency: Agency::Police,
            other_agency: None,
            on: ago(39),
            reference: Some("Crime reference 12/34567/26 (made up)".to_owned()),
            outcome: None,
        }),
        EntryBody::Decision(Decision {
            on: ago(39),
            by: dsl.clone(),
            decision: "Amira is 17 and asked to tell her parents herself; supported her to do so.".to_owned(),
            reason: "She is close to adulthood and there is no sign that telling them would put her at risk."
                .to_owned(),
        }),
        judged(40, &dsl, Judgement::Illegal, "An adult asking a child for pictures is a crime."),
        step(40, &dsl, RouteStepKind::CoordinatorTold, None),
        EntryBody::Step(RouteStep {
            step: RouteStepKind::PoliceTold,
            on: ago(39),
            by: dsl.clone(),
            details: None,
            reference: Some("Crime reference 12/34567/26 (made up)".to_owned()),
            illegal_found: None,
        }),
        step(
            39,
            &dsl,
            RouteStepKind::EvidenceSecured,
            Some("Screenshots the family took, in a sealed envelope in the office safe."),
        ),
    ] {
        incidents::add_entry(conn, actor, &game, &entry, today).map_err(demo_error)?;
    }
    incidents::change_status(
        conn,
        actor,
        &game,
        &StatusChange { to: Status::UnderReview, sign_off: None, reason: None },
        today,
    )
    .map_err(demo_error)?;

    // Restricted: an allegation about a volunteer, which only the DSL can open.
    let allegation = open_incident(
        conn,
        actor,
        today,
        &DemoReport {
            days_ago: 5,
            time: "20:30",
            place: "Outside club hours",
            platform: "Direct messages",
            device: "Volunteer's own phone",
            category: Category::Conduct,
            kind: IncidentKind::StaffMisuse,
            facts: "A volunteer sent a young person direct messages from a personal account late in the evening.",
            own_words: None,
        },
        true,
    )?;
    for entry in [
        person(4, Role::MemberOfStaff),
        EntryBody::Referral(Referral {
            agency: Agency::Lado,
            other_agency: None,
            on: ago(4),
            reference: None,
            outcome: Some(
                "Waiting for the LADO's advice; the volunteer is not working with young people meanwhile.".to_owned(),
            ),
        }),
    ] {
        incidents::add_entry(conn, actor, &allegation, &entry, today).map_err(demo_error)?;
    }
    if let Actor::Admin(me) = actor {
        incidents::set_access(conn, actor, &allegation, true, std::slice::from_ref(me)).map_err(demo_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod print_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_vault_is_lived_in_and_its_outbox_arrives_on_unlock() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = create(dir.path()).expect("demo");
        let mut vault = UnlockedVault::unlock(&paths, &SecretString::from(DEMO_PASSPHRASE.to_owned())).expect("unlock");
        let report = outbox::ingest(&mut vault).expect("ingest");
        assert_eq!(report.ingested, 1);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let conn = vault.db().conn();
        let waiting = signatures::unconfirmed(conn).expect("unconfirmed");
        assert_eq!(waiting.len(), 1);
        let suggested = signatures::suggest_person(conn, waiting[0].declared_name.as_deref().expect("name"))
            .expect("suggest")
            .expect("an exact match");
        assert_eq!(people::get(conn, &suggested).expect("person").full_name, "Gareth Llewellyn");
        let staff = aup::list(conn).expect("list").into_iter().find(|a| a.audience == Audience::StaffVolunteers);
        let coverage = signatures::coverage(conn, &staff.expect("staff AUP").id).expect("coverage");
        assert_eq!(coverage.signed_current.len(), 3);
    }

    #[test]
    fn the_demo_has_incidents_open_closed_referred_and_one_only_the_dsl_can_open() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = create(dir.path()).expect("demo");
        let vault = UnlockedVault::unlock(&paths, &SecretString::from(DEMO_PASSPHRASE.to_owned())).expect("unlock");
        let conn = vault.db().conn();
        let seen = incidents::list(conn, vault.actor(), &incidents::IncidentFilter::default()).expect("list");
        let mut statuses: Vec<&str> = seen.iter().map(|i| i.status.as_str()).collect();
        statuses.sort_unstable();
        assert_eq!(statuses, ["closed", "open", "open", "underReview"]);
        let restricted: Vec<_> = seen.iter().filter(|i| i.restricted).collect();
        assert_eq!(restricted.len(), 1);
        assert!(restricted[0].staff_allegation, "the restricted one is the allegation about a volunteer");
        let referred = seen.iter().find(|i| i.kind == IncidentKind::SexualAbuseOrExploitation).expect("referred");
        let detail = incidents::get(conn, vault.actor(), &referred.id).expect("open it");
        let agencies: Vec<Agency> = detail
            .chronology
            .iter()
            .filter_map(|e| match &e.body {
                EntryBody::Referral(r) => Some(r.agency),
                _ => None,
            })
            .collect();
        assert_eq!(agencies, [Agency::Ceop, Agency::Police]);

        // The deputy does not see the restricted allegation.
        let deputy = vault.admins().expect("admins").into_iter().find(|a| !a.is_current).expect("the deputy");
        let theirs = incidents::list(conn, &Actor::Admin(deputy.id), &incidents::IncidentFilter::default())
            .expect("list as the deputy");
        assert_eq!(theirs.len(), 3);
        assert!(theirs.iter().all(|i| !i.restricted));

        // The trends over the last year count all four, across more than one month.
        let today = crate::dates::today();
        let trends = incidents::trends(conn, today - chrono::Days::new(365), today).expect("trends");
        assert_eq!(trends.total, 4);
        let busy = trends.months.iter().filter(|m| m.content + m.contact + m.conduct + m.commerce > 0).count();
        assert!(busy >= 3, "{:?}", trends.months);
    }
}
