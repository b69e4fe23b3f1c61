//! Trustee report benchmark (reported, not asserted): gathering the figures for a year and
//! laying out the PDF, on the synthetic large organisation with 3,000 incidents (a third referred
//! and closed), training for every staff member and volunteer, and signatures on the staff AUP.

mod support;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use safekeeper::forms::trustee_report::{trustee_report_pdf, TrusteeReport};
use safekeeper::records::people::{self, PeopleQuery, PersonGroup, PersonStatus};
use safekeeper::records::training::{self, Completion};
use safekeeper::records::trustee_report;
use safekeeper::vault::UnlockedVault;

fn trustee_report_bench(c: &mut Criterion) {
    let org = support::generate(2_000, 5_000, 31);
    let key = age::secrecy::ExposeSecret::expose_secret(&org.recovery.to_string()).to_owned();
    let mut vault = UnlockedVault::unlock_with_recovery(&org.paths, &key).expect("unlock");
    let actor = vault.actor().clone();
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
    let staff: Vec<String> = people::search(
        vault.db().conn(),
        &PeopleQuery { text: String::new(), group: None, status: PersonStatus::Active },
    )
    .expect("people")
    .into_iter()
    .filter(|p| matches!(p.group, PersonGroup::Staff | PersonGroup::Volunteer))
    .map(|p| p.id)
    .collect();
    let conn = vault.db_mut().conn_mut();
    // Thousands of single-record transactions are what the app does, but waiting for the disk
    // each time is not what is being measured.
    conn.execute_batch("PRAGMA synchronous = OFF;").expect("pragma");
    let completion = Completion {
        course_id: "course-online-safety".into(),
        completed_on: NaiveDate::from_ymd_opt(2026, 3, 1).expect("date"),
        provider: "In house".into(),
        notes: None,
        person_ids: staff,
    };
    training::record(conn, &actor, &completion, today).expect("training");
    support::add_incidents(conn, &actor, 3_000, today, 31);
    conn.execute_batch("PRAGMA synchronous = FULL;").expect("pragma");
    let conn = vault.db().conn();
    let from = NaiveDate::from_ymd_opt(2025, 12, 3).expect("date");

    let mut group = c.benchmark_group("trustee report, 2,000 people, 3,000 incidents");
    group.bench_function("figures for 12 months", |b| {
        b.iter(|| trustee_report::figures(conn, from, today, today).expect("figures"))
    });
    group.bench_function("figures and PDF for 12 months", |b| {
        b.iter(|| {
            let report = TrusteeReport {
                org_name: "Synthetic Youth Trust".into(),
                figures: trustee_report::figures(conn, from, today, today).expect("figures"),
                printed: today,
                demo: false,
            };
            trustee_report_pdf(&report).expect("pdf")
        })
    });
    group.finish();
}

criterion_group!(benches, trustee_report_bench);
criterion_main!(benches);
