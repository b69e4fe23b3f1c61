//! A synthetic large organisation for the benchmarks: made-up people in every group and years of
//! AUP signatures across several published versions. Deterministic for a given seed.

use age::secrecy::SecretString;
use age::x25519;
use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use safekeeper::records::aup::{self, Audience};
use safekeeper::records::incidents::{
    self, Agency, Category, EntryBody, IncidentKind, IncidentSource, NewIncident, Outcome, Referral, Report, SignOff,
    Status, StatusChange,
};
use safekeeper::records::people::{PeopleQuery, PersonDraft, PersonGroup, PersonStatus};
use safekeeper::records::people_import::{self, ImportPreview, ImportRow};
use safekeeper::records::signatures::{self, OnScreenSignature, SignatureMark, SignatureSource, Signer};
use safekeeper::store::audit::Actor;
use safekeeper::vault::{NewVault, UnlockedVault, VaultPaths};

#[path = "../../tests/common/route.rs"]
mod route;

pub const PASSPHRASE: &str = "copper lantern orchard whistle";

const FIRST: &[&str] = &[
    "Aisha", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harry", "Isla", "Jack", "Kiran", "Lena", "Mo", "Nia",
    "Owen", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wes", "Yara", "Zac",
];
const LAST: &[&str] = &[
    "Adeyemi",
    "Brennan",
    "Chowdhury",
    "Davies",
    "Evans",
    "Fletcher",
    "Gallagher",
    "Hussain",
    "Iqbal",
    "Jones",
    "Kowalski",
    "Lloyd",
    "McKenzie",
    "Nolan",
    "Okafor",
    "Patel",
    "Quigley",
    "Robinson",
    "Singh",
    "Thompson",
    "Underwood",
    "Varga",
    "Williams",
    "Young",
    "Zielinski",
];

pub struct Organisation {
    /// Keeps the vault's folder alive for as long as the benchmark uses it.
    pub _dir: tempfile::TempDir,
    pub paths: VaultPaths,
    /// The recovery key. Not every benchmark that shares this generator reads it.
    #[allow(dead_code)]
    pub recovery: x25519::Identity,
    /// The staff AUP's id. Not every benchmark that shares this generator reads it.
    #[allow(dead_code)]
    pub staff_aup: String,
}

/// `people` people (a third staff and volunteers, the rest young people and parents) and about
/// `signatures` signatures on the staff AUP spread over three published versions.
pub fn generate(people: usize, signatures: usize, seed: u64) -> Organisation {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = VaultPaths::new(dir.path());
    let recovery = x25519::Identity::generate();
    let mut vault = UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Synthetic Youth Network",
            admin_name: "Bench Admin",
            passphrase: &SecretString::from(PASSPHRASE.to_owned()),
            recovery: &recovery,
            demo_passphrase: None,
        },
    )
    .expect("create");
    let actor = vault.actor().clone();
    let conn = vault.db_mut().conn_mut();
    // Waiting for the disk on every write is not what the benchmarks measure.
    conn.execute_batch("PRAGMA synchronous = OFF;").expect("pragma");

    let to_add = (0..people)
        .map(|i| {
            let group = match i % 6 {
                0 => PersonGroup::Staff,
                1 => PersonGroup::Volunteer,
                2 | 3 => PersonGroup::YoungPerson,
                4 => PersonGroup::ParentCarer,
                _ => PersonGroup::Visitor,
            };
            let dob = (group == PersonGroup::YoungPerson)
                .then(|| {
                    NaiveDate::from_ymd_opt(2005 + rng.gen_range(0..12), rng.gen_range(1..13), rng.gen_range(1..29))
                })
                .flatten();
            let name = format!(
                "{} {}-{}",
                FIRST[rng.gen_range(0..FIRST.len())],
                LAST[rng.gen_range(0..LAST.len())],
                LAST[i % LAST.len()]
            );
            ImportRow {
                line: i + 2,
                draft: PersonDraft {
                    group,
                    full_name: format!("{name} {}", roman(i)),
                    preferred_name: None,
                    date_of_birth: dob,
                    start_date: NaiveDate::from_ymd_opt(2020 + rng.gen_range(0..6), rng.gen_range(1..13), 1),
                    leave_date: None,
                    email: None,
                    phone: None,
                },
            }
        })
        .collect();
    let preview = ImportPreview { to_add, duplicates: vec![], rejected: vec![], ignored_columns: vec![] };
    people_import::commit(conn, &actor, &preview).expect("import");

    let staff_aup =
        aup::list(conn).expect("list").into_iter().find(|a| a.audience == Audience::StaffVolunteers).expect("staff");
    let mut versions = vec![aup::publish(conn, &actor, &staff_aup.id).expect("publish 1").id];
    for n in 2..=3 {
        let mut content = aup::version(conn, &versions[0]).expect("v1").content;
        content.intro = format!("{} (revised, version {n})", content.intro);
        aup::save_draft(conn, &actor, &staff_aup.id, &content).expect("draft");
        versions.push(aup::publish(conn, &actor, &staff_aup.id).expect("publish").id);
    }
    let ids: Vec<String> = safekeeper::records::people::search(
        conn,
        &PeopleQuery { text: String::new(), group: None, status: PersonStatus::All },
    )
    .expect("everyone")
    .into_iter()
    .filter(|p| matches!(p.group, PersonGroup::Staff | PersonGroup::Volunteer))
    .map(|p| p.id)
    .collect();
    let tx = conn.transaction().expect("tx");
    for i in 0..signatures {
        let person = &ids[rng.gen_range(0..ids.len())];
        let signed = NaiveDate::from_ymd_opt(2021, 1, 1).expect("date") + chrono::Days::new((i % 1800) as u64);
        signatures::insert_on_screen(
            &tx,
            &actor,
            SignatureSource::Admin,
            &OnScreenSignature {
                version_id: versions[i % versions.len()].clone(),
                signer: Signer::Person { person_id: person.clone() },
                signed_at: format!("{signed}T10:00:00Z"),
                mark: SignatureMark::Typed { name: "Alex Example".into() },
                countersignature: None,
                receipt: None,
            },
        )
        .expect("signature");
    }
    tx.commit().expect("commit");
    conn.execute_batch("PRAGMA synchronous = FULL;").expect("pragma");
    vault.lock("bench").expect("lock");
    Organisation { _dir: dir, paths, recovery, staff_aup: staff_aup.id }
}

/// Keeps generated names unique without digits (names with digits are refused).
fn roman(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    let mut out = String::from("x");
    loop {
        out.push(LETTERS[n % 26] as char);
        n /= 26;
        if n == 0 {
            break out;
        }
    }
}

/// `count` incidents over the two years before `today`, spread over the 4 Cs; a third of them
/// referred, given an outcome and closed.
#[allow(dead_code)]
pub fn add_incidents(conn: &mut rusqlite::Connection, actor: &Actor, count: u64, today: NaiveDate, seed: u64) {
    const CATEGORIES: [Category; 4] = [Category::Content, Category::Contact, Category::Conduct, Category::Commerce];
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    for i in 0..count {
        let on = today - chrono::Days::new(rng.gen_range(0..730));
        let report = Report {
            occurred_on: on,
            occurred_at_time: None,
            reported_on: on,
            how_reported: "In person".into(),
            reported_by: "A youth worker".into(),
            reported_to: "The DSL".into(),
            place: "Youth club".into(),
            platform: "A messaging app".into(),
            device: "Own phone".into(),
            category: CATEGORIES[(i % 4) as usize],
            kind: IncidentKind::Cyberbullying,
            facts: format!("Synthetic incident number {i}."),
            own_words: None,
            opinion: None,
        };
        let new =
            NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &report };
        let incident = incidents::create(conn, actor, &new, today).expect("create");
        if i % 3 == 0 {
            let referral = EntryBody::Referral(Referral {
                agency: Agency::ALL[(i % 6) as usize],
                other_agency: None,
                on,
                reference: None,
                outcome: None,
            });
            incidents::add_entry(conn, actor, &incident.id, &referral, today).expect("referral");
            let outcome = EntryBody::Outcome(Outcome {
                outcome: "Resolved".into(),
                sanctions: None,
                lessons_learnt: None,
                policy_changes: None,
            });
            incidents::add_entry(conn, actor, &incident.id, &outcome, today).expect("outcome");
            for entry in route::unsuitable_route(today, "The DSL") {
                incidents::add_entry(conn, actor, &incident.id, &entry, today).expect("route");
            }
            let close = StatusChange {
                to: Status::Closed,
                sign_off: Some(SignOff { name: "The DSL".into(), on: today }),
                reason: None,
            };
            incidents::change_status(conn, actor, &incident.id, &close, today).expect("close");
        }
    }
}
