//! Image consent benchmarks (reported, not asserted) on an encrypted vault holding 10,000 people,
//! 50,000 consent records and 20,000 publications: the point-of-use check for a group of 60, the
//! whole take-down list, and one person's page.

mod support;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use rand::{Rng, SeedableRng};
use rusqlite::params;
use safekeeper::records::consent::{self, CheckQuestion};
use safekeeper::vault::UnlockedVault;

const PEOPLE: usize = 10_000;
const CONSENTS: usize = 50_000;
const PUBLICATIONS: usize = 20_000;
const USES: [&str; 7] = ["website", "social:acc-1", "social:acc-2", "print", "press", "display", "video"];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// The synthetic organisation. Most people are young people aged 8 to 24; about five consents
/// each over four years, parents for the under-16s; some withdrawn, some self-declared.
fn organisation() -> (support::Organisation, UnlockedVault) {
    let org = support::generate(0, 0, 7);
    let key = age::secrecy::ExposeSecret::expose_secret(&org.recovery.to_string()).to_owned();
    let mut vault = UnlockedVault::unlock_with_recovery(&org.paths, &key).expect("unlock");
    let conn = vault.db_mut().conn_mut();
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let tx = conn.transaction().expect("tx");
    let now = "2026-01-01T00:00:00Z";
    for (id, name) in [("acc-1", "Instagram @synthetic"), ("acc-2", "Facebook Synthetic Youth")] {
        tx.execute("INSERT INTO social_accounts (id, name, created_at) VALUES (?1, ?2, ?3)", params![id, name, now])
            .expect("account");
    }
    let mut births = Vec::with_capacity(PEOPLE);
    for i in 0..PEOPLE {
        let young = i % 10 != 0;
        let dob = young.then(|| day(2002, 1, 1) + chrono::Days::new(rng.gen_range(0..(16 * 365))));
        births.push(dob);
        tx.execute(
            "INSERT INTO people (id, person_group, full_name, name_key, search_text, date_of_birth, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?6)",
            params![
                format!("p{i}"),
                if young { "youngPerson" } else { "staff" },
                format!("Person Number {i}"),
                format!("person number {i}"),
                dob.map(|d| d.format("%Y-%m-%d").to_string()),
                now
            ],
        )
        .expect("person");
    }
    let start = day(2022, 11, 22);
    for c in 0..CONSENTS {
        let person = rng.gen_range(0..PEOPLE);
        let given = start + chrono::Days::new(rng.gen_range(0..1_460));
        let under_16 = births[person].is_some_and(|dob| given.years_since(dob).unwrap_or(0) < 16);
        let station = rng.gen_ratio(1, 50);
        let withdrawn = (!station && rng.gen_ratio(1, 20)).then(|| given + chrono::Days::new(rng.gen_range(1..200)));
        let answers = serde_json::to_string(
            &USES
                .iter()
                .map(|u| serde_json::json!({ "useKey": u, "allowed": rng.gen_ratio(3, 4) }))
                .collect::<Vec<_>>(),
        )
        .expect("json");
        tx.execute(
            "INSERT INTO image_consents (id, person_id, about_name, giver, giver_name, relationship, parental_responsibility,
                 judgement, method, given_on, form_version, expires_on, name_with_image, source, confirmed_at,
                 withdrawn_on, withdrawn_how, created_at, created_by, answers)
             VALUES (?1, ?2, 'Person', ?3, 'Giver Name', ?4, ?5, ?6, ?7, ?8, 'Image consent form 2026-1', ?9, ?10, ?11, ?12,
                 ?13, ?14, ?15, 'system', ?16)",
            params![
                format!("c{c}"),
                format!("p{person}"),
                if under_16 { "parentCarer" } else { "self" },
                under_16.then_some("Mother"),
                under_16,
                (!under_16).then_some("Understood who sees each use."),
                if station { "signingStation" } else { "paperForm" },
                given.format("%Y-%m-%d").to_string(),
                (given + chrono::Months::new(12)).format("%Y-%m-%d").to_string(),
                rng.gen_ratio(1, 10),
                if station { "signingStation" } else { "admin" },
                (!station).then_some(now),
                withdrawn.map(|d| d.format("%Y-%m-%d").to_string()),
                withdrawn.map(|_| "By email"),
                format!("2026-01-01T00:{:02}:{:02}Z", (c / 60) % 60, c % 60),
                answers
            ],
        )
        .expect("consent");
    }
    for p in 0..PUBLICATIONS {
        let on = start + chrono::Days::new(rng.gen_range(0..1_460));
        tx.execute(
            "INSERT INTO publications (id, published_on, use_key, description, recorded_at, recorded_by)
             VALUES (?1, ?2, ?3, 'Synthetic photos', ?4, 'system')",
            params![format!("pub{p}"), on.format("%Y-%m-%d").to_string(), USES[rng.gen_range(0..USES.len())], now],
        )
        .expect("publication");
        for _ in 0..rng.gen_range(1..=6) {
            tx.execute(
                "INSERT OR IGNORE INTO publication_people (publication_id, person_id) VALUES (?1, ?2)",
                params![format!("pub{p}"), format!("p{}", rng.gen_range(0..PEOPLE))],
            )
            .expect("publication person");
        }
    }
    tx.commit().expect("commit");
    (org, vault)
}

fn consent_bench(c: &mut Criterion) {
    let today = day(2026, 11, 22);
    let (_org, vault) = organisation();
    let conn = vault.db().conn();
    let group_of_60 = CheckQuestion {
        person_ids: (0..60).map(|i| format!("p{}", i * 150 + 1)).collect(),
        use_key: "website".into(),
        with_name: false,
    };
    // The work is real: 60 answers, some yes and some no.
    let answer = consent::check(conn, &group_of_60, today).expect("check");
    assert_eq!(answer.people.len(), 60);
    let yes = answer.people.iter().filter(|p| p.allowed).count();
    assert!(yes > 0 && yes < 60, "a mix of answers: {yes} of 60 yes");
    let takedowns = consent::takedown_list(conn, today, None).expect("take-downs").len();
    assert!(takedowns > 0, "something to take down");
    eprintln!("consent bench: {yes} of 60 yes; {takedowns} items on the take-down list");

    let mut group = c.benchmark_group("image consent, 10,000 people, 50,000 consents, 20,000 publications");
    group.sample_size(10);
    group.bench_function("check a group of 60 for the website", |b| {
        b.iter(|| consent::check(conn, &group_of_60, today).expect("check").allowed)
    });
    group.bench_function("the whole take-down list", |b| {
        b.iter(|| consent::takedown_list(conn, today, None).expect("take-downs").len())
    });
    group.bench_function("one person's page", |b| {
        b.iter(|| consent::person_view(conn, "p151", today).expect("person").history.len())
    });
    group.finish();
}

criterion_group!(benches, consent_bench);
criterion_main!(benches);
