//! Image consent benchmarks (reported, not asserted) on an encrypted vault holding 10,000 people,
//! 50,000 consent records and 20,000 publications (1x), then ten times each (10x): the point-of-use
//! check for a group of 60, the whole take-down list, and one person's consent page.

mod support;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
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
fn organisation(scale: usize) -> (support::Organisation, UnlockedVault) {
    let (people, consents, publications) = (PEOPLE * scale, CONSENTS * scale, PUBLICATIONS * scale);
    let org = support::generate(0, 0, 7);
    let key = age::secrecy::ExposeSecret::expose_secret(&org.recovery.to_string()).to_owned();
    let mut vault = UnlockedVault::unlock_with_recovery(&org.paths, &key).expect("unlock");
    let conn = vault.db_mut().conn_mut();
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    conn.execute_batch("PRAGMA synchronous = OFF;").expect("pragma");
    let tx = conn.transaction().expect("tx");
    let now = "2026-01-01T00:00:00Z";
    for (id, name) in [("acc-1", "Instagram @synthetic"), ("acc-2", "Facebook Synthetic Youth")] {
        tx.execute("INSERT INTO social_accounts (id, name, created_at) VALUES (?1, ?2, ?3)", params![id, name, now])
            .expect("account");
    }
    let mut births = Vec::with_capacity(people);
    for i in 0..people {
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
    for c in 0..consents {
        let person = rng.gen_range(0..people);
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
    for p in 0..publications {
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
                params![format!("pub{p}"), format!("p{}", rng.gen_range(0..people))],
            )
            .expect("publication person");
        }
    }
    tx.commit().expect("commit");
    conn.execute_batch("PRAGMA synchronous = FULL;").expect("pragma");
    (org, vault)
}

fn consent_bench(c: &mut Criterion) {
    let today = day(2026, 11, 22);
    let mut group =
        c.benchmark_group("image consent (1x = 10,000 people, 50,000 consents, 20,000 publications; group of 60)");
    group.sample_size(10);
    for (size, scale) in [("1x", 1), ("10x", 10)] {
        let (_org, vault) = organisation(scale);
        let conn = vault.db().conn();
        let group_of_60 = CheckQuestion {
            person_ids: (0..60).map(|i| format!("p{}", i * 150 * scale + 1)).collect(),
            use_key: "website".into(),
            with_name: false,
        };
        // The work is real: 60 answers, some yes and some no.
        let answer = consent::check(conn, &group_of_60, today).expect("check");
        assert_eq!(answer.people.len(), 60);
        let yes = answer.people.iter().filter(|p| p.allowed).count();
        assert!(yes > 0 && yes < 60, "a mix of answers at {size}: {yes} of 60 yes");
        let started = std::time::Instant::now();
        let takedowns = consent::takedown_list(conn, today, None).expect("take-downs").len();
        let once = started.elapsed();
        assert!(takedowns > 0, "something to take down at {size}");
        let history = consent::person_view(conn, "p151", today).expect("person").history.len();
        assert!(history > 0, "the person has consents at {size}");
        eprintln!(
            "consent bench {size}: {yes} of 60 yes; {takedowns} items on the take-down list (one run {once:?}); \
             {history} consents on one person's page"
        );
        if size == "10x" {
            group.measurement_time(std::time::Duration::from_secs(3));
        }
        group.bench_function(BenchmarkId::new("Consent check, group of 60", size), |b| {
            b.iter(|| consent::check(conn, &group_of_60, today).expect("check").allowed)
        });
        // The screen shows the oldest 100 (it asks for 101 to know whether there are more); the
        // dashboard and the consent page's tab count up to the cap. The whole list, timed once
        // above, is what both did before.
        let page = consent::takedown_page(conn, today, None, Some(101)).expect("page");
        assert_eq!(page.len(), 101.min(takedowns), "a full page at {size}");
        group.bench_function(BenchmarkId::new("Take-down list (oldest 100)", size), |b| {
            b.iter(|| consent::takedown_page(conn, today, None, Some(101)).expect("take-downs").len())
        });
        group.bench_function(BenchmarkId::new("Take-down count (dashboard)", size), |b| {
            b.iter(|| consent::takedown_count(conn, today, consent::TAKEDOWN_COUNT_CAP).expect("count").count)
        });
        group.bench_function(BenchmarkId::new("one person's consent page", size), |b| {
            b.iter(|| consent::person_view(conn, "p151", today).expect("person").history.len())
        });
    }
    group.finish();
}

criterion_group!(benches, consent_bench);
criterion_main!(benches);
