//! People, AUPs and signatures on a real encrypted vault: the migration applies, the whole flow
//! survives lock and unlock, the audit chain verifies, and no name reaches the audit trail.

mod common;

use common::*;
use safekeeper::records::aup::{self, Audience};
use safekeeper::records::people::{self, PeopleQuery};
use safekeeper::records::people_import;
use safekeeper::records::signatures::{self, OnScreenSignature, SignatureMark, SignatureSource, Signer};
use safekeeper::store::audit::{self, Actor};
use safekeeper::store::migrations;
use safekeeper::vault::UnlockedVault;

const CSV: &str = "\u{FEFF}Name,Role,DOB\r\nAisha Khanzada,Staff,\r\nBenedict Quill,Volunteer,\r\nKai Turnbury,Learner,14/05/2009\r\n";

#[test]
fn import_publish_sign_and_coverage_survive_lock_and_unlock() {
    let v = new_vault();
    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock");
    let actor = vault.actor().clone();
    assert_eq!(migrations::current_version(vault.db().conn()).expect("version"), migrations::latest_version());

    let conn = vault.db_mut().conn_mut();
    let preview = people_import::preview(conn, CSV.as_bytes()).expect("preview");
    assert_eq!(people_import::commit(conn, &actor, &preview).expect("commit"), 3);
    // Setup already seeded the five default AUPs as drafts; seeding again adds nothing.
    assert_eq!(aup::list(conn).expect("list").len(), 5);
    assert_eq!(aup::seed_defaults(conn, &actor, "Sam Okafor").expect("seed"), 0);
    let staff =
        aup::list(conn).expect("list").into_iter().find(|a| a.audience == Audience::StaffVolunteers).expect("staff");
    let v1 = aup::publish(conn, &actor, &staff.id).expect("publish");
    let aisha = people::search(conn, &PeopleQuery { text: "khanz".into(), ..Default::default() }).expect("search")[0]
        .id
        .clone();

    let kiosk = OnScreenSignature {
        version_id: v1.id.clone(),
        signer: Signer::SelfDeclared { name: "Aisha Khanzada".into(), claimed_person_id: None },
        signed_at: "2025-03-01T09:00:00Z".into(),
        mark: SignatureMark::Typed { name: "Aisha Khanzada".into() },
        countersignature: None,
        receipt: Some("0001".into()),
    };
    let tx = conn.transaction().expect("tx");
    let sig = signatures::insert_on_screen(&tx, &Actor::SigningStation, SignatureSource::SigningStation, &kiosk)
        .expect("sign");
    tx.commit().expect("commit");
    vault.lock("test").expect("lock");

    let mut vault = UnlockedVault::unlock(&v.paths, &pass(PASSPHRASE)).expect("unlock again");
    let conn = vault.db_mut().conn_mut();
    let suggested = signatures::suggest_person(conn, "aisha khanzada").expect("suggest");
    assert_eq!(suggested.as_deref(), Some(aisha.as_str()));
    signatures::confirm(conn, &actor, &sig, &aisha).expect("confirm");
    let c = signatures::coverage(conn, &staff.id).expect("coverage");
    assert_eq!(c.signed_current.len(), 1);
    assert_eq!(c.never_signed.len(), 1, "the volunteer; the learner is not counted for the staff AUP");

    // Re-importing the same file adds nobody.
    let again = people_import::preview(conn, CSV.as_bytes()).expect("preview");
    assert!(again.to_add.is_empty());
    assert_eq!(again.duplicates.len(), 3);

    assert!(audit::verify(conn).expect("verify").verified);
    let trail: Vec<String> = conn
        .prepare("SELECT action || subject_kind || subject_id || detail FROM audit")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    for name in ["Khanzada", "Quill", "Turnbury", "Okafor"] {
        assert!(trail.iter().all(|row| !row.contains(name)), "{name} reached the audit trail");
    }
    vault.lock("test").expect("lock");
}
