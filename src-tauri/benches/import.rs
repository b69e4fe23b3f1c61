//! CSV import benchmark (reported, not asserted): checking a people file and a training file
//! before anything is added (`people_import::preview`, `training::import_preview`), at 1,000 and
//! at 10,000 rows (the most a file may hold), against a register of 2,000 people. One row in ten
//! repeats an earlier one, which the check must find however far back it is.

mod support;

use age::secrecy::SecretString;
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use safekeeper::records::{people_import, training};
use safekeeper::vault::UnlockedVault;

/// Letters only, as the register wants: a different surname for each `n`.
fn surname(mut n: usize) -> String {
    let mut out = String::from("Import");
    loop {
        out.push(char::from(b'a' + u8::try_from(n % 26).expect("a letter")));
        n /= 26;
        if n == 0 {
            break out;
        }
    }
}

/// A people file of `rows` rows: new staff, every tenth row repeating the row 501 before it (never itself a repeat).
fn people_csv(rows: usize) -> String {
    let mut csv = String::from("Full name,Role,Start date\r\n");
    for n in 0..rows {
        let who = if n % 10 == 9 && n > 500 { n - 501 } else { n };
        csv.push_str(&format!("Sam {},Staff,01/09/2024\r\n", surname(who)));
    }
    csv
}

/// A training file of `rows` rows for the people named, every tenth row repeating an earlier one.
fn training_csv(rows: usize, names: &[String]) -> String {
    let mut csv = String::from("Name,Course,Date completed,Provider\r\n");
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).expect("date");
    for n in 0..rows {
        let row = if n % 10 == 9 && n > 500 { n - 501 } else { n };
        let on = first + chrono::Days::new(u64::try_from(row / names.len()).expect("days"));
        csv.push_str(&format!("{},Induction,{},In house\r\n", names[row % names.len()], on.format("%d/%m/%Y")));
    }
    csv
}

fn import_bench(c: &mut Criterion) {
    let org = support::generate(2_000, 0, 41);
    let vault = UnlockedVault::unlock(&org.paths, &SecretString::from(support::PASSPHRASE.to_owned())).expect("unlock");
    let conn = vault.db().conn();
    let today = chrono::Local::now().date_naive();
    // Names that are one person each among those still here.
    let names: Vec<String> = {
        let mut stmt = conn
            .prepare(
                "SELECT full_name FROM people WHERE archived_at IS NULL AND person_group = 'staff'
                 GROUP BY name_key HAVING count(*) = 1",
            )
            .expect("names");
        stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("rows")
    };
    let mut group = c.benchmark_group("CSV import check (register of 2,000 people)");
    group.sample_size(10);
    for rows in [1_000, 10_000] {
        let people = people_csv(rows);
        let found = people_import::preview(conn, people.as_bytes()).expect("people preview");
        assert_eq!(found.to_add.len() + found.duplicates.len(), rows, "every row is sorted");
        assert!(found.duplicates.len() >= rows / 20, "the repeats are found: {}", found.duplicates.len());
        group.bench_with_input(BenchmarkId::new("People CSV check", rows), &people, |b, csv| {
            b.iter(|| people_import::preview(conn, csv.as_bytes()).expect("preview").to_add.len())
        });
        let past = training_csv(rows, &names);
        let found = training::import_preview(conn, past.as_bytes(), today).expect("training preview");
        assert!(found.rejected.is_empty(), "{:?}", found.rejected.first());
        assert!(found.duplicates.len() >= rows / 20, "the repeats are found: {}", found.duplicates.len());
        group.bench_with_input(BenchmarkId::new("Training CSV check", rows), &past, |b, csv| {
            b.iter(|| training::import_preview(conn, csv.as_bytes(), today).expect("preview").to_add.len())
        });
    }
    group.finish();
}

criterion_group!(benches, import_bench);
criterion_main!(benches);
