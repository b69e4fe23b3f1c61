//! Issue 3 benchmarks (reported, not asserted): AUP coverage, one person's page and people search
//! on a synthetic organisation of 2,000 people and 20,000 signatures (1x) and of 20,000 people and
//! 200,000 signatures (10x), and ingesting 500 signing-station submissions on unlock.

mod support;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use safekeeper::kiosk::outbox::{self, KioskAupSignature, KioskMark, Submission};
use safekeeper::records::aup;
use safekeeper::records::people::{self, PeopleQuery, PersonStatus};
use safekeeper::records::signatures;
use safekeeper::vault::{UnlockedVault, VaultPaths};

fn queries(c: &mut Criterion) {
    let mut group = c.benchmark_group("people and AUP signatures (1x = 2,000 people, 20,000 signatures)");
    for (size, people_count, signature_count) in [("1x", 2_000, 20_000), ("10x", 20_000, 200_000)] {
        let org = support::generate(people_count, signature_count, 7);
        let key = age::secrecy::ExposeSecret::expose_secret(&org.recovery.to_string()).to_owned();
        let vault = UnlockedVault::unlock_with_recovery(&org.paths, &key).expect("unlock");
        let conn = vault.db().conn();
        // The work is real: every member of staff and volunteer is on the coverage page, and many
        // have signed the current version (with about 30 signatures each over three versions,
        // nearly all have).
        let found = signatures::coverage(conn, &org.staff_aup).expect("coverage");
        let listed = found.signed_current.len() + found.needs_resign.len() + found.never_signed.len();
        assert!(listed >= people_count / 3 && listed <= people_count / 2, "a third are staff and volunteers at {size}");
        assert!(found.signed_current.len() > listed / 2, "most have signed the current version at {size}");
        // One person's page is what the app's `person_get` asks for: the person, their links and
        // their signatures. The first person is a member of staff with signatures.
        let everyone =
            people::search(conn, &PeopleQuery { text: String::new(), group: None, status: PersonStatus::All })
                .expect("everyone");
        assert_eq!(everyone.len(), people_count);
        let someone = everyone
            .iter()
            .map(|p| p.id.clone())
            .find(|id| signatures::for_person(conn, id).is_ok_and(|s| s.len() >= 5))
            .expect("someone with signatures");
        let theirs = signatures::for_person(conn, &someone).expect("signatures").len();
        eprintln!(
            "people bench {size}: {} signed current, {} to re-sign, {} never signed; {theirs} signatures on one person's page",
            found.signed_current.len(),
            found.needs_resign.len(),
            found.never_signed.len()
        );
        if size == "10x" {
            group.sample_size(10).measurement_time(std::time::Duration::from_secs(3));
        }
        group.bench_function(BenchmarkId::new("AUP coverage", size), |b| {
            b.iter(|| signatures::coverage(conn, &org.staff_aup).expect("coverage"))
        });
        // The dashboard's AUP lines of "what is due": only how many must still sign each AUP.
        let due = signatures::due_items(conn).expect("due");
        let staff_line =
            due.iter().find(|d| d.aup_id == org.staff_aup).map_or((0, 0), |d| (d.needs_resign, d.never_signed));
        assert_eq!(
            staff_line,
            (found.needs_resign.len(), found.never_signed.len()),
            "the dashboard counts the coverage lists at {size}"
        );
        group.bench_function(BenchmarkId::new("AUP lines of what is due (dashboard)", size), |b| {
            b.iter(|| signatures::due_items(conn).expect("due").len())
        });
        group.bench_function(BenchmarkId::new("One person's page", size), |b| {
            b.iter(|| {
                (
                    people::get(conn, &someone).expect("person"),
                    people::links(conn, &someone).expect("links"),
                    signatures::for_person(conn, &someone).expect("signatures"),
                )
            })
        });
        group.bench_function(BenchmarkId::new("people search (\"pat\", all statuses)", size), |b| {
            b.iter(|| {
                people::search(conn, &PeopleQuery { text: "pat".into(), group: None, status: PersonStatus::All })
                    .expect("search")
            })
        });
    }
    group.finish();
}

fn ingest(c: &mut Criterion) {
    let org = support::generate(200, 0, 11);
    let key = age::secrecy::ExposeSecret::expose_secret(&org.recovery.to_string()).to_owned();
    let (hash, aup_id) = {
        let vault = UnlockedVault::unlock_with_recovery(&org.paths, &key).expect("unlock");
        let current = aup::current_version(vault.db().conn(), &org.staff_aup).expect("v").expect("published");
        vault.lock("bench").expect("lock");
        (current.content_hash, org.staff_aup.clone())
    };
    let mut group = c.benchmark_group("signing-station outbox");
    group.sample_size(10);
    group.bench_function("ingest 500 submissions on unlock", |b| {
        b.iter_batched(
            || {
                // A fresh copy of the vault with 500 submissions waiting.
                let dir = tempfile::tempdir().expect("temp");
                copy_tree(org.paths.data_dir(), dir.path());
                let paths = VaultPaths::new(dir.path());
                // The station takes submissions only once an admin has published its list for
                // this vault in this run, as an unlock does in the app.
                let mut copy = UnlockedVault::unlock_with_recovery(&paths, &key).expect("unlock the copy");
                safekeeper::kiosk::refresh::publish(&mut copy).expect("publish the station's list");
                copy.lock("bench").expect("lock the copy");
                for i in 0..500 {
                    outbox::submit(
                        &paths,
                        &Submission::AupSignature(KioskAupSignature {
                            aup_id: aup_id.clone(),
                            version_hash: hash.clone(),
                            typed_name: format!("Signer Number {}", support_name(i)),
                            person_hint: None,
                            signed_at: "2026-01-05T10:00:00Z".into(),
                            mark: KioskMark::Typed { name: "Alex Example".into() },
                            countersignature: None,
                        }),
                    )
                    .expect("submit");
                }
                (dir, paths)
            },
            |(_dir, paths)| {
                let mut vault = UnlockedVault::unlock_with_recovery(&paths, &key).expect("unlock");
                let report = outbox::ingest(&mut vault).expect("ingest");
                assert_eq!(report.ingested, 500);
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn support_name(mut n: usize) -> String {
    let mut s = String::new();
    loop {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return s;
        }
    }
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

criterion_group!(benches, queries, ingest);
criterion_main!(benches);
