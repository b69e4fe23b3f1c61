//! "What is due" benchmarks (reported, not asserted): the dashboard's list and the calendar export,
//! both from `records::due`, and the training matrix, for 2,000 staff and volunteers, 20 courses, 40,000 training records
//! and 50 policies (1x); then the same at 10 times the size (10x), to show how it grows.

mod support;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rand::{Rng, SeedableRng};
use rusqlite::params;
use safekeeper::records::due;
use safekeeper::records::training::{self, MatrixFilter};
use safekeeper::vault::UnlockedVault;

/// A vault with `people` staff and volunteers, 20 courses, `records` completions spread over the
/// last four years, and `policy_count` policies each with three reviews.
fn organisation(people: usize, records: usize, policy_count: usize) -> (support::Organisation, UnlockedVault) {
    let org = support::generate(0, 0, 5);
    let key = age::secrecy::ExposeSecret::expose_secret(&org.recovery.to_string()).to_owned();
    let mut vault = UnlockedVault::unlock_with_recovery(&org.paths, &key).expect("unlock");
    let conn = vault.db_mut().conn_mut();
    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    conn.execute_batch("PRAGMA synchronous = OFF;").expect("pragma");
    let tx = conn.transaction().expect("tx");
    let now = "2026-01-01T00:00:00Z";
    for i in 0..people {
        let group = if i % 3 == 0 { "volunteer" } else { "staff" };
        tx.execute(
            "INSERT INTO people (id, person_group, full_name, name_key, search_text, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?5)",
            params![format!("p{i}"), group, format!("Person Number {i}"), format!("person number {i}"), now],
        )
        .expect("person");
    }
    // 14 more courses on top of the 6 shipped, for 20 in all.
    for c in 0..14 {
        tx.execute(
            "INSERT INTO courses (id, name, renewal_months, required_groups, required_roles, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, '[\"staff\",\"volunteer\"]', '[]', ?4, ?5, ?5)",
            params![format!("c{c}"), format!("Extra course {c}"), 12 + (c % 3) * 12, 10 + c, now],
        )
        .expect("course");
    }
    let courses: Vec<String> = {
        let mut stmt = tx.prepare("SELECT id FROM courses").expect("courses");
        stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("ids")
    };
    let start = NaiveDate::from_ymd_opt(2022, 11, 22).expect("date");
    for r in 0..records {
        let on = start + chrono::Days::new(rng.gen_range(0..1_460));
        tx.execute(
            "INSERT INTO training_records (id, person_id, course_id, completed_on, provider, recorded_at, recorded_by)
             VALUES (?1, ?2, ?3, ?4, 'Bench provider', ?5, 'system')",
            params![
                format!("t{r}"),
                format!("p{}", rng.gen_range(0..people)),
                courses[rng.gen_range(0..courses.len())],
                on.format("%Y-%m-%d").to_string(),
                now
            ],
        )
        .expect("record");
    }
    for p in 0..policy_count.saturating_sub(11) {
        tx.execute(
            "INSERT INTO policies (id, name, position, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![format!("pol{p}"), format!("Extra policy {p}"), (20 + p) as i64, now],
        )
        .expect("policy");
    }
    let ids: Vec<String> = {
        let mut stmt = tx.prepare("SELECT id FROM policies").expect("policies");
        stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("ids")
    };
    for id in &ids {
        for (n, year) in [(1, 2023), (2, 2024), (3, 2025)] {
            let on = NaiveDate::from_ymd_opt(year, rng.gen_range(1..13), rng.gen_range(1..29)).expect("date");
            let next = on.checked_add_months(chrono::Months::new(12)).expect("date");
            tx.execute(
                "INSERT INTO policy_versions (id, policy_id, version, purpose, lead, reviewed_on, next_review, trigger, recorded_at, recorded_by)
                 VALUES (?1, ?2, ?3, 'Annual review: no change', 'Bench lead', ?4, ?5, 'scheduled', ?6, 'system')",
                params![format!("{id}-{n}"), id, n.to_string(), on.format("%Y-%m-%d").to_string(), next.format("%Y-%m-%d").to_string(), now],
            )
            .expect("version");
        }
    }
    tx.commit().expect("commit");
    conn.execute_batch("PRAGMA synchronous = FULL;").expect("pragma");
    (org, vault)
}

fn due_bench(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let mut group = c.benchmark_group(
        "what is due and training (1x = 2,000 staff and volunteers, 20 courses, 40,000 training records, 50 policies)",
    );
    group.sample_size(10);
    for (size, people, records, policy_count) in [("1x", 2_000, 40_000, 50), ("10x", 20_000, 400_000, 500)] {
        let (org, vault) = organisation(people, records, policy_count);
        // The first answer after an unlock, as the dashboard gets it: a new connection whose page
        // cache is empty, so every page it reads is decrypted first. Reported, not asserted.
        drop(vault);
        let key = age::secrecy::ExposeSecret::expose_secret(&org.recovery.to_string()).to_owned();
        let vault = UnlockedVault::unlock_with_recovery(&org.paths, &key).expect("unlock");
        let started = std::time::Instant::now();
        let first = due::dashboard(vault.db().conn(), today).expect("dashboard").training.len();
        eprintln!("due bench {size}: first dashboard after an unlock {:?} ({first} training lines)", started.elapsed());
        let conn = vault.db().conn();
        // The work is real: training and policies come due, and the matrix has a row per person.
        let shown = due::dashboard(conn, today).expect("dashboard");
        assert!(!shown.training.is_empty() && !shown.policies.is_empty(), "something is due at {size}");
        let matrix = training::matrix(conn, today, &MatrixFilter::default()).expect("matrix");
        assert!(matrix.rows.len() > people / 2, "most people have a matrix row at {size}");
        eprintln!(
            "due bench {size}: {} training and {} policy lines on the dashboard",
            shown.training.len(),
            shown.policies.len()
        );
        if size == "10x" {
            group.measurement_time(std::time::Duration::from_secs(3));
        }
        group.bench_with_input(BenchmarkId::new("everything due, in date included", size), &(), |b, _| {
            b.iter(|| {
                let found = due::what_is_due(conn, today).expect("what is due");
                (found.training.len(), found.policies.len(), found.aups.len())
            })
        });
        group.bench_with_input(BenchmarkId::new("What is due (dashboard)", size), &(), |b, _| {
            b.iter(|| {
                let shown = due::dashboard(conn, today).expect("dashboard");
                (shown.training.len(), shown.policies.len(), shown.aups.len())
            })
        });
        group.bench_with_input(BenchmarkId::new("calendar export", size), &(), |b, _| {
            b.iter(|| due::calendar(conn, today).expect("calendar").len())
        });
        // The page asks for its first hundred people by name, and one more to know there are more.
        let page = MatrixFilter { limit: Some(101), ..MatrixFilter::default() };
        assert_eq!(training::matrix(conn, today, &page).expect("page").rows.len(), 101);
        group.bench_with_input(BenchmarkId::new("Training matrix page", size), &(), |b, _| {
            b.iter(|| training::matrix(conn, today, &page).expect("matrix").rows.len())
        });
        group.bench_with_input(BenchmarkId::new("whole training matrix (printed)", size), &(), |b, _| {
            b.iter(|| training::matrix(conn, today, &MatrixFilter::default()).expect("matrix").rows.len())
        });
    }
    group.finish();
}

criterion_group!(benches, due_bench);
criterion_main!(benches);
