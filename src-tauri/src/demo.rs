//! The throwaway demo vault: a made-up organisation with made-up admins, people and signatures,
//! in a temporary folder, so a newcomer can look around a lived-in app without committing
//! anything. Owns the sample data; every record type adds its own samples here as it lands.

use std::path::Path;

use age::secrecy::SecretString;
use age::x25519;
use chrono::NaiveDate;

use crate::kiosk::outbox::{self, KioskAupSignature, KioskMark, Submission};
use crate::records::aup::{self, Audience};
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::signatures::{self, OnScreenSignature, SignatureMark, Signer};
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
