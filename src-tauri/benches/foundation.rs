//! Foundation benchmarks (reported, not asserted):
//! - unlock split into the scrypt step and everything else (unwrap, open, integrity check, audit);
//! - insert and read throughput on SQLCipher against the same schema on plain SQLite.

use age::secrecy::SecretString;
use age::x25519;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rusqlite::Connection;
use safekeeper::store::{DatabaseKey, Db};
use safekeeper::vault::{keyfile, NewVault, UnlockedVault, VaultPaths};

const PASSPHRASE: &str = "copper lantern orchard whistle";
const ROWS: usize = 1000;

fn unlock(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = VaultPaths::new(dir.path());
    let recovery = x25519::Identity::generate();
    let pass = SecretString::from(PASSPHRASE.to_owned());
    UnlockedVault::create(
        &paths,
        NewVault {
            org_name: "Bench Trust",
            admin_name: "Bench Admin",
            passphrase: &pass,
            recovery: &recovery,
            demo_passphrase: None,
        },
    )
    .expect("create")
    .lock("bench")
    .expect("lock");
    let admin_file = std::fs::read_dir(paths.admins_dir()).expect("list").next().expect("one").expect("entry").path();
    let sealed = std::fs::read(admin_file).expect("read");
    let recovery_text = age::secrecy::ExposeSecret::expose_secret(&recovery.to_string()).to_owned();

    let mut group = c.benchmark_group("unlock");
    group.sample_size(10);
    group.bench_function("scrypt (admin key file, log N = 18)", |b| {
        b.iter(|| keyfile::open_identity(&sealed, &pass).expect("open"))
    });
    group.bench_function("everything else (unwrap key, open, check, audit, lock)", |b| {
        b.iter(|| {
            UnlockedVault::unlock_with_recovery(&paths, &recovery_text).expect("unlock").lock("bench").expect("lock")
        })
    });
    group.finish();
}

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS bench_people (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL, dob TEXT, notes TEXT NOT NULL)";

fn fill(conn: &mut Connection) {
    let tx = conn.transaction().expect("tx");
    {
        let mut stmt =
            tx.prepare_cached("INSERT INTO bench_people (full_name, dob, notes) VALUES (?1, ?2, ?3)").expect("prepare");
        for i in 0..ROWS {
            stmt.execute((
                format!("Person {i} Surname"),
                "2009-04-17",
                "Prefers to be called by a nickname; parent is the main contact.",
            ))
            .expect("insert");
        }
    }
    tx.commit().expect("commit");
}

fn read_all(conn: &Connection) -> usize {
    let mut stmt = conn.prepare_cached("SELECT id, full_name, dob, notes FROM bench_people").expect("prepare");
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).expect("query");
    rows.count()
}

fn plain(path: &std::path::Path) -> Connection {
    let conn = Connection::open(path).expect("open");
    let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).expect("wal");
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;")
        .expect("pragmas");
    conn.execute_batch(SCHEMA).expect("schema");
    conn
}

fn throughput(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut encrypted = Db::create(&dir.path().join("enc.db"), &DatabaseKey::generate()).expect("create");
    encrypted.conn().execute_batch(SCHEMA).expect("schema");
    let mut plaintext = plain(&dir.path().join("plain.db"));

    let mut group = c.benchmark_group("insert 1000 rows in one transaction");
    group.throughput(Throughput::Elements(ROWS as u64));
    group.sample_size(20);
    group.bench_function("sqlcipher", |b| b.iter(|| fill(encrypted.conn_mut())));
    group.bench_function("plain sqlite", |b| b.iter(|| fill(&mut plaintext)));
    group.finish();

    // Reads over a fresh connection each time, so the page cache does not hide decryption.
    let enc_key = DatabaseKey::generate();
    let enc_path = dir.path().join("read-enc.db");
    let plain_path = dir.path().join("read-plain.db");
    {
        let mut db = Db::create(&enc_path, &enc_key).expect("create");
        db.conn().execute_batch(SCHEMA).expect("schema");
        for _ in 0..10 {
            fill(db.conn_mut());
        }
        db.close().expect("close");
        let mut p = plain(&plain_path);
        for _ in 0..10 {
            fill(&mut p);
        }
    }
    // The page cache is emptied before each read so that every page is decrypted again.
    let enc = Db::open(&enc_path, &enc_key).expect("open");
    let pl = plain(&plain_path);
    let mut group = c.benchmark_group("read 10000 rows, page cache emptied first");
    group.throughput(Throughput::Elements(10 * ROWS as u64));
    group.sample_size(20);
    group.bench_function("sqlcipher", |b| {
        b.iter_batched(
            || enc.conn().execute_batch("PRAGMA shrink_memory;").expect("shrink"),
            |_| read_all(enc.conn()),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("plain sqlite", |b| {
        b.iter_batched(
            || pl.execute_batch("PRAGMA shrink_memory;").expect("shrink"),
            |_| read_all(&pl),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, unlock, throughput);
criterion_main!(benches);
