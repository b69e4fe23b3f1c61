//! Retention review benchmark (reported, not asserted): the admin's "records due for review" page
//! (`records::retention::page`, what the `retention_due` command returns: the first hundred due
//! and on hold, with counts, read from the summary of migration 17), the dashboard's count, and the
//! page after someone leaves (their records worked out again), on an organisation
//! with fifteen years of history. At 1x: 3,000 people of whom a third left between 2010 and 2025,
//! 20,000 AUP signatures, 40,000 training records, 10,000 image consents, 5,000 incidents with six
//! entries each (most closed, one in twenty an allegation about staff) and 350 earlier decisions;
//! 10x is ten times each. With the default rules thousands of records come due at both sizes.

mod support;

use age::secrecy::SecretString;
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use rand::{Rng, SeedableRng};
use rusqlite::params;
use safekeeper::records::retention::{self, RecordKind};
use safekeeper::store::audit::Actor;
use safekeeper::vault::UnlockedVault;

const PEOPLE: usize = 3_000;
const SIGNATURES: usize = 20_000;
const TRAINING: usize = 40_000;
const CONSENTS: usize = 10_000;
const INCIDENTS: usize = 5_000;
const KEPT: usize = 300;
const HELD: usize = 50;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A date `days` days after 1 January 2010.
fn since_2010(days: u64) -> NaiveDate {
    day(2010, 1, 1) + chrono::Days::new(days)
}

/// The organisation at `scale` times the 1x sizes, written with plain SQL in one transaction
/// (the domain functions would take far longer at 10x, and writing is not what is measured).
fn organisation(scale: usize, today: NaiveDate) -> (support::Organisation, UnlockedVault) {
    let org = support::generate(0, 0, 31);
    let mut vault =
        UnlockedVault::unlock(&org.paths, &SecretString::from(support::PASSPHRASE.to_owned())).expect("unlock");
    let admin = match vault.actor() {
        Actor::Admin(id) => id.clone(),
        other => panic!("unlocked with the passphrase, the actor is an admin, not {other:?}"),
    };
    let conn = vault.db_mut().conn_mut();
    conn.execute_batch("PRAGMA synchronous = OFF;").expect("pragma");
    let mut rng = rand::rngs::StdRng::seed_from_u64(31);
    let tx = conn.transaction().expect("tx");
    let now = "2026-01-01T00:00:00Z";
    let (version, hash): (String, String) = tx
        .query_row(
            "SELECT id, content_hash FROM aup_versions WHERE aup_id = ?1 AND status = 'published' ORDER BY number DESC",
            [&org.staff_aup],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("staff AUP version");
    let courses: Vec<String> = {
        let mut stmt = tx.prepare("SELECT id FROM courses").expect("courses");
        stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("ids")
    };

    // People: a third left between 2010 and 2025 and were archived a month later.
    struct Someone {
        id: String,
        adult_worker: bool,
        staff: bool,
        young: bool,
        // The last day they were here (their leave date, or today).
        until: NaiveDate,
        start: NaiveDate,
    }
    let mut everyone = Vec::with_capacity(PEOPLE * scale);
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO people (id, person_group, full_name, name_key, search_text, date_of_birth, start_date,
                     leave_date, archived_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            )
            .expect("people");
        for i in 0..PEOPLE * scale {
            let group = match i % 6 {
                0 => "staff",
                1 => "volunteer",
                2 | 3 => "youngPerson",
                4 => "parentCarer",
                _ => "visitor",
            };
            let young = group == "youngPerson";
            let dob = if young {
                Some(day(1988, 1, 1) + chrono::Days::new(rng.gen_range(0..(28 * 365))))
            } else if group == "staff" {
                Some(day(1960, 1, 1) + chrono::Days::new(rng.gen_range(0..(40 * 365))))
            } else {
                None
            };
            let left = (i % 3 == 0).then(|| since_2010(rng.gen_range(0..(16 * 365))));
            let start = match left {
                Some(l) => l - chrono::Days::new(rng.gen_range(30..(6 * 365))),
                None => since_2010(rng.gen_range(0..(16 * 365))),
            };
            let id = format!("r{i}");
            insert
                .execute(params![
                    id,
                    group,
                    format!("Person Number {i}"),
                    format!("person number {i}"),
                    dob.map(text),
                    text(start),
                    left.map(text),
                    left.map(|l| format!("{}T09:00:00Z", text(l + chrono::Days::new(30)))),
                    now
                ])
                .expect("person");
            everyone.push(Someone {
                id,
                adult_worker: matches!(group, "staff" | "volunteer"),
                staff: group == "staff",
                young,
                until: left.unwrap_or(today),
                start,
            });
        }
    }
    let workers: Vec<&Someone> = everyone.iter().filter(|p| p.adult_worker).collect();
    let young: Vec<&Someone> = everyone.iter().filter(|p| p.young).collect();
    let staff: Vec<&Someone> = everyone.iter().filter(|p| p.staff).collect();
    // A day while someone was here.
    let while_here = |p: &Someone, rng: &mut rand::rngs::StdRng| {
        let days = (p.until - p.start).num_days().max(1) as u64;
        p.start + chrono::Days::new(rng.gen_range(0..days))
    };

    {
        let mut insert = tx
            .prepare(
                "INSERT INTO signatures (id, aup_version_id, content_hash, person_id, self_declared, method, source,
                     signed_at, recorded_at, mark_typed)
                 VALUES (?1, ?2, ?3, ?4, 0, 'onScreen', 'admin', ?5, ?5, 'Alex Example')",
            )
            .expect("signatures");
        for s in 0..SIGNATURES * scale {
            let who = workers[rng.gen_range(0..workers.len())];
            let on = while_here(who, &mut rng);
            insert
                .execute(params![format!("s{s}"), version, hash, who.id, format!("{}T10:00:00Z", text(on))])
                .expect("signature");
        }
    }
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO training_records (id, person_id, course_id, completed_on, provider, recorded_at, recorded_by)
                 VALUES (?1, ?2, ?3, ?4, 'Bench provider', ?5, 'system')",
            )
            .expect("training");
        for t in 0..TRAINING * scale {
            let who = workers[rng.gen_range(0..workers.len())];
            let on = while_here(who, &mut rng);
            insert
                .execute(params![format!("t{t}"), who.id, courses[rng.gen_range(0..courses.len())], text(on), now])
                .expect("training record");
        }
    }
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO image_consents (id, person_id, about_name, giver, giver_name, relationship,
                     parental_responsibility, judgement, method, given_on, form_version, expires_on, name_with_image,
                     source, confirmed_at, withdrawn_on, withdrawn_how, created_at, created_by, answers)
                 VALUES (?1, ?2, 'Person', 'parentCarer', 'Giver Name', 'Mother', 1, NULL, 'paperForm', ?3,
                     'Image consent form', ?4, 0, 'admin', ?5, ?6, ?7, ?5, 'system',
                     '[{\"useKey\":\"website\",\"allowed\":true},{\"useKey\":\"print\",\"allowed\":false}]')",
            )
            .expect("consents");
        for c in 0..CONSENTS * scale {
            let who = young[rng.gen_range(0..young.len())];
            let given = while_here(who, &mut rng);
            let withdrawn = rng.gen_ratio(1, 10).then(|| given + chrono::Days::new(rng.gen_range(1..300)));
            insert
                .execute(params![
                    format!("c{c}"),
                    who.id,
                    text(given),
                    text(given + chrono::Months::new(12)),
                    now,
                    withdrawn.map(text),
                    withdrawn.map(|_| "By email")
                ])
                .expect("consent");
        }
    }
    {
        let mut incident = tx
            .prepare(
                "INSERT INTO incidents (id, reference, source, self_declared, staff_allegation, restricted, status,
                     occurred_on, category, kind, created_at, updated_at)
                 VALUES (?1, ?2, 'admin', 0, ?3, ?3, ?4, ?5, 'contact', 'cyberbullying', ?6, ?6)",
            )
            .expect("incidents");
        let mut entry = tx
            .prepare(
                "INSERT INTO incident_entries (id, incident_id, seq, kind, body, recorded_at, recorded_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'system')",
            )
            .expect("entries");
        let mut involved = tx
            .prepare("INSERT INTO incident_people (entry_id, incident_id, person_id, role) VALUES (?1, ?2, ?3, ?4)")
            .expect("incident people");
        let mut access =
            tx.prepare("INSERT INTO incident_access (incident_id, admin_id) VALUES (?1, ?2)").expect("incident access");
        for n in 0..INCIDENTS * scale {
            let id = format!("i{n}");
            let victim = young[rng.gen_range(0..young.len())];
            let on = while_here(victim, &mut rng).min(today);
            let allegation = n % 20 == 0;
            let closed = on < day(2025, 6, 1) || rng.gen_ratio(1, 3);
            let at = |d: NaiveDate| format!("{}T12:00:00Z", text(d));
            incident
                .execute(params![
                    id,
                    format!("INC-{}-{:06}", on.format("%Y"), n),
                    allegation,
                    if closed { "closed" } else { "open" },
                    text(on),
                    at(on)
                ])
                .expect("incident");
            let report = serde_json::json!({
                "occurredOn": text(on),
                "reportedOn": text(on),
                "facts": format!("Synthetic incident {n}."),
            });
            entry.execute(params![format!("{id}-1"), id, 1, "report", report.to_string(), at(on)]).expect("report");
            let mut people = vec![(victim.id.as_str(), "subjectOrVictim")];
            if allegation {
                people.push((staff[rng.gen_range(0..staff.len())].id.as_str(), "memberOfStaff"));
                access.execute(params![id, admin]).expect("access");
            } else {
                people.push((young[rng.gen_range(0..young.len())].id.as_str(), "instigator"));
            }
            let mut seq = 2;
            for (person, role) in people {
                let entry_id = format!("{id}-{seq}");
                let body = serde_json::json!({ "personId": person, "name": "Person", "role": role });
                entry.execute(params![entry_id, id, seq, "person", body.to_string(), at(on)]).expect("person");
                involved.execute(params![entry_id, id, person, role]).expect("involved");
                seq += 1;
            }
            for step in 0..2 {
                let body =
                    serde_json::json!({ "on": text(on), "by": "The DSL", "what": format!("Follow-up step {step}.") });
                entry
                    .execute(params![format!("{id}-{seq}"), id, seq, "action", body.to_string(), at(on)])
                    .expect("action");
                seq += 1;
            }
            if closed {
                let shut = on + chrono::Days::new(rng.gen_range(1..120));
                let body = serde_json::json!({ "to": "closed", "signOff": { "name": "The DSL", "on": text(shut) } });
                entry
                    .execute(params![format!("{id}-{seq}"), id, seq, "status", body.to_string(), at(shut)])
                    .expect("status");
            }
        }
    }
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO retention_decisions (id, record_kind, record_id, rule, decision, reason, next_review,
                     decided_by, decided_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'Reviewed at the annual retention meeting.', ?6, ?7, ?8)",
            )
            .expect("decisions");
        for d in 0..(KEPT + HELD) * scale {
            let held = d % ((KEPT + HELD) / HELD) == 0;
            let (kind, record, rule) = match d % 3 {
                0 => ("incident", format!("i{}", rng.gen_range(0..INCIDENTS * scale)), "childProtection"),
                1 => ("imageConsent", format!("c{}", rng.gen_range(0..CONSENTS * scale)), "imageConsent"),
                _ => ("trainingRecord", format!("t{}", rng.gen_range(0..TRAINING * scale)), "training"),
            };
            insert
                .execute(params![
                    format!("d{d}"),
                    kind,
                    record,
                    rule,
                    if held { "legalHold" } else { "keep" },
                    (!held).then(|| text(today + chrono::Months::new(6))),
                    admin,
                    "2026-06-01T10:00:00Z"
                ])
                .expect("decision");
        }
    }
    tx.commit().expect("commit");
    conn.execute_batch("PRAGMA synchronous = FULL;").expect("pragma");
    (org, vault)
}

fn retention_bench(c: &mut Criterion) {
    let today = day(2026, 11, 22);
    let mut group = c.benchmark_group(
        "retention (1x = 3,000 people, 20,000 signatures, 40,000 training records, 10,000 consents, 5,000 incidents)",
    );
    group.sample_size(10);
    for (size, scale) in [("1x", 1), ("10x", 10)] {
        let (org, vault) = organisation(scale, today);
        // The first answer after an unlock, as the dashboard gets it: a new connection whose page
        // cache is empty, so every page it reads is decrypted first. Reported, not asserted.
        drop(vault);
        let vault =
            UnlockedVault::unlock(&org.paths, &SecretString::from(support::PASSPHRASE.to_owned())).expect("unlock");
        // A vault that was never read has every record to work out: what the first read after
        // this update of Safekeeper costs, once.
        let started = std::time::Instant::now();
        retention::refresh(vault.db().conn()).expect("refresh");
        eprintln!("retention bench {size}: the summary worked out from every record once {:?}", started.elapsed());
        drop(vault);
        let vault =
            UnlockedVault::unlock(&org.paths, &SecretString::from(support::PASSPHRASE.to_owned())).expect("unlock");
        let started = std::time::Instant::now();
        let first = retention::due_count(vault.db().conn(), vault.actor(), today).expect("count");
        eprintln!("retention bench {size}: first count after an unlock {:?} ({first:?})", started.elapsed());
        let (conn, actor) = (vault.db().conn(), vault.actor());
        // The work is real: every kind of record comes due, some are held, and most are not due.
        let started = std::time::Instant::now();
        let review = retention::review(conn, actor, today).expect("review");
        eprintln!("retention bench {size}: the whole review, worked out from every record, {:?}", started.elapsed());
        let count = |kind: RecordKind| review.due.iter().filter(|i| i.kind == kind).count();
        let kinds =
            [RecordKind::Incident, RecordKind::ImageConsent, RecordKind::AupSignature, RecordKind::TrainingRecord]
                .map(count);
        assert!(kinds.iter().all(|&n| n > 0), "every kind of record comes due at {size}: {kinds:?}");
        assert!(!review.on_hold.is_empty(), "some records are held at {size}");
        let records = (SIGNATURES + TRAINING + CONSENTS + INCIDENTS) * scale;
        assert!(review.due.len() < records / 2, "most records are not due at {size}");
        eprintln!(
            "retention bench {size}: {} of {records} records due (incidents, consents, signatures, training: {kinds:?}), {} on hold",
            review.due.len(),
            review.on_hold.len()
        );
        // The page read from the summary is the start of the whole review.
        let page = retention::page(conn, actor, today, 100).expect("page");
        assert_eq!(page.due.len(), 100);
        assert_eq!(
            page.due.iter().map(|i| i.due_on).collect::<Vec<_>>(),
            review.due.iter().take(100).map(|i| i.due_on).collect::<Vec<_>>()
        );
        assert!(page.due_count.more, "more than {} are due at {size}", retention::COUNT_CAP);
        group.bench_function(BenchmarkId::new("Retention due (first 100 and the counts)", size), |b| {
            b.iter(|| retention::page(conn, actor, today, 100).expect("page").due.len())
        });
        group.bench_function(BenchmarkId::new("Retention due count (dashboard)", size), |b| {
            b.iter(|| retention::due_count(conn, actor, today).expect("count").count)
        });
        // After someone leaves (their signatures and training are marked to be worked out again),
        // the next page works out only theirs.
        let leavers: Vec<String> = {
            let mut stmt = conn
                .prepare("SELECT id FROM people WHERE person_group IN ('staff', 'volunteer') AND leave_date IS NULL LIMIT 200")
                .expect("leavers");
            stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("ids")
        };
        assert!(!leavers.is_empty(), "someone is still here to leave");
        let mut next = 0usize;
        group.bench_function(BenchmarkId::new("Retention due after someone leaves", size), |b| {
            b.iter_batched(
                || {
                    let who = &leavers[next % leavers.len()];
                    next += 1;
                    conn.execute(
                        "UPDATE people SET leave_date = CASE WHEN leave_date IS NULL THEN max(start_date, '2019-03-31') END WHERE id = ?1",
                        [who],
                    )
                    .expect("left");
                },
                |()| retention::page(conn, actor, today, 100).expect("page").due.len(),
                criterion::BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, retention_bench);
criterion_main!(benches);
