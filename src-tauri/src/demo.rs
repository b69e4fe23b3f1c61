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
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::signatures::{self, OnScreenSignature, SignatureMark, Signer};
use crate::store::audit::Actor;
use crate::vault::{NewVault, UnlockedVault, VaultError, VaultPaths};

/// Shown on the demo's unlock screen. It protects nothing real.
pub const DEMO_PASSPHRASE: &str = "demo orchard lantern pebble";
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
    vault.publish_manifest()?;
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

/// The Instagram account, consent from Jayden's mum and from Amira (17 when she gave it), the Tuesday
/// club as a group, and one logged publication. Ruby has no consent yet.
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
        given_on: today - chrono::Days::new(75),
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
}
