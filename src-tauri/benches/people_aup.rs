//! Issue 3 benchmarks (reported, not asserted): AUP coverage and people search on a synthetic
//! organisation of 2,000 people and 20,000 signatures, and ingesting 500 signing-station
//! submissions on unlock.

mod support;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use safekeeper::kiosk::outbox::{self, KioskAupSignature, KioskMark, Submission};
use safekeeper::records::aup;
use safekeeper::records::people::{self, PeopleQuery, PersonStatus};
use safekeeper::records::signatures;
use safekeeper::vault::{UnlockedVault, VaultPaths};

fn queries(c: &mut Criterion) {
    let org = support::generate(2_000, 20_000, 7);
    let key = age::secrecy::ExposeSecret::expose_secret(&org.recovery.to_string()).to_owned();
    let vault = UnlockedVault::unlock_with_recovery(&org.paths, &key).expect("unlock");
    let conn = vault.db().conn();
    let mut group = c.benchmark_group("2,000 people, 20,000 signatures");
    group.bench_function("AUP coverage (staff AUP)", |b| {
        b.iter(|| signatures::coverage(conn, &org.staff_aup).expect("coverage"))
    });
    group.bench_function("people search (\"pat\", all statuses)", |b| {
        b.iter(|| {
            people::search(conn, &PeopleQuery { text: "pat".into(), group: None, status: PersonStatus::All })
                .expect("search")
        })
    });
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
