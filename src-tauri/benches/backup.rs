//! Backup and restore benchmarks (reported, not asserted) on the synthetic large organisation:
//! 2,000 people, about 5,000 AUP signatures and 3,000 incidents. "Back up now" is the whole of
//! it: the export, age encryption, the write to the folder and the full read-back check. Restore
//! is reading and checking the file, writing it re-encrypted as a new database, the swap and
//! keeping it. The database and backup sizes are printed before the figures.

mod support;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use safekeeper::vault::{backup, restore, UnlockedVault};

fn backup_bench(c: &mut Criterion) {
    let org = support::generate(2_000, 5_000, 47);
    let key = age::secrecy::ExposeSecret::expose_secret(&org.recovery.to_string()).to_owned();
    let mut vault = UnlockedVault::unlock_with_recovery(&org.paths, &key).expect("unlock");
    let actor = vault.actor().clone();
    let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
    let conn = vault.db_mut().conn_mut();
    conn.execute_batch("PRAGMA synchronous = OFF;").expect("pragma");
    support::add_incidents(conn, &actor, 3_000, today, 47);
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE);").expect("pragma");

    let usb = tempfile::tempdir().expect("usb");
    let sample = backup::back_up(&mut vault, usb.path(), "bench").expect("backup");
    let db_bytes = std::fs::metadata(org.paths.database()).expect("database").len();
    eprintln!(
        "synthetic organisation: database {:.1} MB, backup file {:.1} MB",
        db_bytes as f64 / 1e6,
        sample.bytes as f64 / 1e6
    );

    let mut group = c.benchmark_group("backup, 2,000 people, 5,000 signatures, 3,000 incidents");
    group.sample_size(10);
    group.bench_function("back up now (export, encrypt, write, verify)", |b| {
        b.iter(|| {
            let folder = tempfile::tempdir().expect("usb");
            backup::back_up(&mut vault, folder.path(), "bench").expect("backup")
        })
    });
    let backup_file = std::path::PathBuf::from(&sample.path);
    group.bench_function("restore (read, check, re-encrypt, swap, keep)", |b| {
        b.iter(|| {
            restore::prepare(&mut vault, &backup_file).expect("prepare");
            restore::commit(&mut vault, None).expect("commit");
            restore::confirm(&mut vault).expect("keep");
        })
    });
    group.finish();
}

criterion_group!(benches, backup_bench);
criterion_main!(benches);
