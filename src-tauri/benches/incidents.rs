//! Incident log benchmarks (reported, not asserted): the list (everything, a word search, one
//! person's incidents) and the trends query over a year, on 5,000 incidents with 10 entries each
//! (1x); the list and the word search again at 50,000 incidents (10x); and the filled report PDF
//! for one incident with 50 entries, corrections among them.

mod support;

use std::collections::HashMap;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rand::{Rng, SeedableRng};
use safekeeper::forms::incident::{incident_report_pdf, IncidentReportForm};
use safekeeper::records::incidents::{
    self, Action, Category, EntryBody, IncidentFilter, IncidentKind, IncidentSource, InvolvedPerson, NewIncident,
    Report, Role, Status,
};
use safekeeper::records::people::{self, PeopleQuery, PersonStatus};
use safekeeper::vault::UnlockedVault;

const CATEGORIES: [Category; 4] = [Category::Content, Category::Contact, Category::Conduct, Category::Commerce];
const KINDS: [IncidentKind; 5] = [
    IncidentKind::Cyberbullying,
    IncidentKind::OnlineHate,
    IncidentKind::FilteringBreachOrExposure,
    IncidentKind::DataBreach,
    IncidentKind::Other,
];

fn incidents_bench(c: &mut Criterion) {
    let org = support::generate(2_000, 0, 21);
    let key = age::secrecy::ExposeSecret::expose_secret(&org.recovery.to_string()).to_owned();
    let mut vault = UnlockedVault::unlock_with_recovery(&org.paths, &key).expect("unlock");
    let actor = vault.actor().clone();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let people: Vec<(String, String)> =
        people::search(vault.db().conn(), &PeopleQuery { text: String::new(), group: None, status: PersonStatus::All })
            .expect("people")
            .into_iter()
            .map(|p| (p.id, p.full_name))
            .collect();
    let conn = vault.db_mut().conn_mut();
    // Generating 50,000 entries one transaction each is what the app does, but waiting for the
    // disk 50,000 times is not what is being measured.
    conn.execute_batch("PRAGMA synchronous = OFF;").expect("pragma");
    let mut rng = rand::rngs::StdRng::seed_from_u64(21);
    for i in 0..5_000u64 {
        let on = today - chrono::Days::new(rng.gen_range(0..1_100));
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
            kind: KINDS[(i % 5) as usize],
            facts: format!("Synthetic incident number {i}: messages were shared in a group chat."),
            own_words: None,
            opinion: None,
        };
        let new =
            NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &report };
        let incident = incidents::create(conn, &actor, &new, today).expect("create");
        for e in 0..9 {
            let body = if e < 2 {
                let (id, name) = &people[rng.gen_range(0..people.len())];
                EntryBody::Person(InvolvedPerson {
                    person_id: Some(id.clone()),
                    name: name.clone(),
                    role: if e == 0 { Role::SubjectOrVictim } else { Role::Instigator },
                })
            } else {
                EntryBody::Action(Action { on, by: "The DSL".into(), what: format!("Follow-up step {e}.") })
            };
            incidents::add_entry(conn, &actor, &incident.id, &body, today).expect("entry");
        }
    }
    conn.execute_batch("PRAGMA synchronous = FULL;").expect("pragma");
    let someone = people[7].0.clone();

    let mut group = c.benchmark_group("incident log (1x = 5,000 incidents with 10 entries each)");
    for size in ["1x", "10x"] {
        if size == "10x" {
            ten_times(vault.db_mut().conn_mut());
            group.sample_size(10).measurement_time(std::time::Duration::from_secs(3));
        }
        let conn = vault.db().conn();
        let everything = incidents::list(conn, &actor, &IncidentFilter::default()).expect("list").len();
        assert_eq!(everything, if size == "1x" { 5_000 } else { 50_000 }, "every incident listed at {size}");
        let search = IncidentFilter { text: "number 4321".into(), ..Default::default() };
        let found = incidents::list(conn, &actor, &search).expect("search").len();
        assert_eq!(found, 1, "the word search finds the one incident at {size}");
        // The list page asks for its first page: the newest 100, and one more to know there are more.
        let page = IncidentFilter { limit: Some(101), ..Default::default() };
        assert_eq!(incidents::list(conn, &actor, &page).expect("page").len(), 101);
        group.bench_function(BenchmarkId::new("Incident list", size), |b| {
            b.iter(|| incidents::list(conn, &actor, &page).expect("list"))
        });
        // What the dashboard asks of the log: incidents still needing an image-viewing decision,
        // and concerns from the signing station still open.
        let image = IncidentFilter { image_decision_due: true, ..Default::default() };
        let concerns = IncidentFilter {
            status: Some(Status::Open),
            source: Some(IncidentSource::SigningStation),
            ..Default::default()
        };
        eprintln!(
            "incident bench {size}: {} image decisions due, {} open signing-station concerns",
            incidents::list(conn, &actor, &image).expect("image").len(),
            incidents::list(conn, &actor, &concerns).expect("concerns").len()
        );
        group.bench_function(BenchmarkId::new("dashboard incident panels", size), |b| {
            b.iter(|| {
                (
                    incidents::list(conn, &actor, &image).expect("image").len(),
                    incidents::list(conn, &actor, &concerns).expect("concerns").len(),
                )
            })
        });
        group.bench_function(BenchmarkId::new("Incident word search", size), |b| {
            b.iter(|| incidents::list(conn, &actor, &search).expect("list"))
        });
        // The rest are measured at 1x only.
        if size == "1x" {
            let own = IncidentFilter { person_id: Some(someone.clone()), ..Default::default() };
            assert!(!incidents::list(conn, &actor, &own).expect("list").is_empty(), "the person is in some incidents");
            group.bench_function(BenchmarkId::new("list, one person's incidents", size), |b| {
                b.iter(|| incidents::list(conn, &actor, &own).expect("list"))
            });
            group.bench_function(BenchmarkId::new("trends over 12 months", size), |b| {
                let from = NaiveDate::from_ymd_opt(2025, 12, 1).expect("date");
                b.iter(|| incidents::trends(conn, from, today).expect("trends"))
            });
            group.bench_function(BenchmarkId::new("open one incident (with its audit entry)", size), |b| {
                let id = incidents::list(conn, &actor, &IncidentFilter::default()).expect("list")[0].id.clone();
                b.iter(|| incidents::get(conn, &actor, &id).expect("get"))
            });
        }
    }
    group.finish();

    // One long incident: the report, 2 people, then actions, decisions and referrals with every
    // fifth entry a correction, 50 entries in all.
    let conn = vault.db_mut().conn_mut();
    let report = Report {
        occurred_on: today,
        occurred_at_time: Some("15:30".into()),
        reported_on: today,
        how_reported: "In person".into(),
        reported_by: "A youth worker".into(),
        reported_to: "The DSL".into(),
        place: "Youth club".into(),
        platform: "A messaging app".into(),
        device: "Own phone".into(),
        category: Category::Contact,
        kind: IncidentKind::SexualAbuseOrExploitation,
        facts: "A long-running concern about messages from an adult, followed up over many weeks.".into(),
        own_words: Some("He keeps asking me to meet him.".into()),
        opinion: Some("The pattern suggests grooming.".into()),
    };
    let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &report };
    let long = incidents::create(conn, &actor, &new, today).expect("create");
    let mut saved = 1;
    let mut last_action: Option<String> = None;
    while saved < 50 {
        let correct = if saved % 5 == 4 { last_action.clone() } else { None };
        let entry = if let Some(original) = &correct {
            let body = EntryBody::Action(Action {
                on: today,
                by: "The DSL".into(),
                what: format!("Corrected step {saved}: spoke to the young person and their carer together."),
            });
            incidents::amend(conn, &actor, &long.id, original, &body, "The first note named the wrong day.", today)
        } else {
            let body = match saved % 3 {
                0 => EntryBody::Decision(incidents::Decision {
                    on: today,
                    by: "The DSL".into(),
                    decision: format!("Decision {saved}: keep the case open and review next week."),
                    reason: "New messages may still arrive; the family agreed to tell us.".into(),
                }),
                1 => EntryBody::Action(Action {
                    on: today,
                    by: "The DSL".into(),
                    what: format!("Step {saved}: checked in with the young person, who said things were calmer."),
                }),
                _ => EntryBody::Referral(incidents::Referral {
                    agency: incidents::Agency::Ceop,
                    other_agency: None,
                    on: today,
                    reference: Some(format!("CEOP-{saved:05}")),
                    outcome: Some("Acknowledged; advice given.".into()),
                }),
            };
            let added = incidents::add_entry(conn, &actor, &long.id, &body, today);
            if let (Ok(entry), EntryBody::Action(_)) = (&added, &body) {
                last_action = Some(entry.id.clone());
            }
            added
        };
        entry.expect("entry");
        saved += 1;
    }
    let conn = vault.db().conn();
    let org_name = safekeeper::records::organisation::get(conn).expect("org").org_name;
    c.bench_function("filled report PDF, one incident with 50 entries (open, lay out, write)", |b| {
        b.iter(|| {
            let detail = incidents::get(conn, &actor, &long.id).expect("get");
            assert_eq!(detail.chronology.len(), 50);
            let form = IncidentReportForm {
                org_name: org_name.clone(),
                detail,
                admin_names: HashMap::new(),
                printed: today,
                demo: false,
            };
            incident_report_pdf(&form).expect("pdf")
        })
    });
}

/// Grows the log to ten times its size: nine copies of every incident with its entries and people,
/// under new ids and references. Each copy's facts say "number <copy>-<n>", so a word search for
/// one incident's number still finds one incident. Plain SQL in one transaction: making 450,000
/// more entries one transaction at a time would take far longer than the benchmark itself.
fn ten_times(conn: &mut rusqlite::Connection) {
    conn.execute_batch("PRAGMA synchronous = OFF;").expect("pragma");
    let tx = conn.transaction().expect("tx");
    for copy in 1..10 {
        tx.execute(
            "INSERT INTO incidents (id, reference, source, self_declared, receipt, staff_allegation, restricted, status,
                 occurred_on, category, kind, created_at, updated_at)
             SELECT id || '~' || ?1, reference || '/' || ?1, source, self_declared, NULL, staff_allegation, restricted,
                 status, occurred_on, category, kind, created_at, updated_at
             FROM incidents WHERE instr(id, '~') = 0",
            [copy],
        )
        .expect("incidents");
        tx.execute(
            "INSERT INTO incident_entries (id, incident_id, seq, kind, body, amends, reason, recorded_at, recorded_by)
             SELECT e.id || '~' || ?1, e.incident_id || '~' || ?1, e.seq, e.kind,
                 replace(e.body, 'incident number ', 'incident number ' || ?1 || '-'),
                 CASE WHEN e.amends IS NULL THEN NULL ELSE e.amends || '~' || ?1 END, e.reason, e.recorded_at,
                 e.recorded_by
             FROM incident_entries e WHERE instr(e.incident_id, '~') = 0",
            [copy],
        )
        .expect("entries");
        tx.execute(
            "INSERT INTO incident_people (entry_id, incident_id, person_id, role)
             SELECT entry_id || '~' || ?1, incident_id || '~' || ?1, person_id, role
             FROM incident_people WHERE instr(incident_id, '~') = 0",
            [copy],
        )
        .expect("people");
    }
    tx.commit().expect("commit");
    conn.execute_batch("PRAGMA synchronous = FULL;").expect("pragma");
}

criterion_group!(benches, incidents_bench);
criterion_main!(benches);
