use super::*;
use crate::records::people::{PeopleQuery, PersonGroup, PersonStatus};
use crate::records::test_db;

fn admin() -> Actor {
    Actor::Admin("admin-1".into())
}

fn count_people(conn: &Connection) -> usize {
    people::search(conn, &PeopleQuery { status: PersonStatus::All, ..Default::default() }).expect("search").len()
}

const SAMPLE: &str = "\u{FEFF}Full name,Role,DOB,Start date,Email,Notes\r\n\
Aisha Khan,Staff,,01/09/2021,aisha@example.org,\r\n\
\"Kai Turner\",Learner,14/05/2009,,,\"likes art, music\r\nand \"\"coding\"\"\"\r\n\
Ben Jones,Volunteer,,2022-03-01,,\r\n";

#[test]
fn preview_reads_flexible_headers_uk_dates_and_writes_nothing() {
    let conn = test_db();
    let p = preview(&conn, SAMPLE.as_bytes()).expect("preview");
    assert!(p.rejected.is_empty(), "{:?}", p.rejected);
    assert_eq!(
        p.to_add.iter().map(|r| r.line).collect::<Vec<_>>(),
        vec![2, 3, 5],
        "a quoted line break spans lines 3-4"
    );
    assert_eq!(p.ignored_columns, vec!["Notes".to_owned()]);
    let kai = &p.to_add[1].draft;
    assert_eq!(kai.full_name, "Kai Turner");
    assert_eq!(kai.group, PersonGroup::YoungPerson);
    assert_eq!(kai.date_of_birth, chrono::NaiveDate::from_ymd_opt(2009, 5, 14));
    assert_eq!(p.to_add[0].draft.start_date, chrono::NaiveDate::from_ymd_opt(2021, 9, 1));
    assert_eq!(p.to_add[2].draft.start_date, chrono::NaiveDate::from_ymd_opt(2022, 3, 1));
    assert_eq!(count_people(&conn), 0);
    assert!(!audit::has_action(&conn, "people.imported").expect("audit"));
}

#[test]
fn bad_rows_are_rejected_with_line_numbers_and_reasons_that_do_not_echo_data() {
    let conn = test_db();
    let csv = "Name,Group,Date of birth\n\
J. S.,Staff,\n\
Kai Turner,Young person,\n\
Lola Bright,Learner,31/02/2009\n\
Max Payne,Astronaut,\n\
Nia Cole,Staff,12/13/1990\n\
Omar Said,Staff,\n";
    let p = preview(&conn, csv.as_bytes()).expect("preview");
    let lines: Vec<usize> = p.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5, 6]);
    assert!(p.rejected[0].reason.contains("initials"));
    assert!(p.rejected[1].reason.contains("Date of birth is missing"));
    assert!(p.rejected[2].reason.contains("not a date"));
    assert!(p.rejected[3].reason.contains("Group"));
    for issue in &p.rejected {
        for secret in ["Kai", "Lola", "Astronaut", "31/02", "Nia", "12/13"] {
            assert!(!issue.reason.contains(secret), "line {} echoes data: {}", issue.line, issue.reason);
        }
    }
    assert_eq!(p.to_add.len(), 1);
    assert_eq!(p.to_add[0].line, 7);
}

#[test]
fn duplicate_rows_within_the_file_are_flagged() {
    let conn = test_db();
    let csv = "First name,Surname,Group,DOB\n\
Kai,Turner,Learner,14/05/2009\n\
kai,TURNER,Learner,2009-05-14\n\
Kai,Turner,Learner,15/05/2009\n\
Ann,Lee,Staff,\n\
Ann,Lee,Staff,\n\
Ann,Lee,Volunteer,\n";
    let p = preview(&conn, csv.as_bytes()).expect("preview");
    assert_eq!(p.to_add.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 4, 5, 7]);
    assert_eq!(p.duplicates.iter().map(|r| r.line).collect::<Vec<_>>(), vec![3, 6]);
    assert_eq!(p.duplicates[0].reason, "Repeats line 2 (same full name and date of birth).");
    assert_eq!(p.duplicates[1].reason, "Repeats line 5 (same full name and group).");
}

#[test]
fn commit_adds_everyone_and_reimporting_the_same_file_adds_nobody() {
    let mut conn = test_db();
    let p = preview(&conn, SAMPLE.as_bytes()).expect("preview");
    assert_eq!(commit(&mut conn, &admin(), &p).expect("commit"), 3);
    assert_eq!(count_people(&conn), 3);
    assert!(audit::has_action(&conn, "people.imported").expect("audit"));

    let again = preview(&conn, SAMPLE.as_bytes()).expect("preview again");
    assert!(again.to_add.is_empty());
    assert_eq!(again.duplicates.len(), 3);
    assert!(again.duplicates[0].reason.starts_with("Already in the register"));
    assert_eq!(commit(&mut conn, &admin(), &again).expect("commit nothing"), 0);
    assert_eq!(count_people(&conn), 3);
}

#[test]
fn a_database_error_mid_commit_leaves_nothing() {
    let mut conn = test_db();
    let p = preview(&conn, SAMPLE.as_bytes()).expect("preview");
    // The third insert fails, after two have gone in.
    conn.execute_batch(
        "CREATE TEMP TRIGGER fail_third AFTER INSERT ON people WHEN (SELECT count(*) FROM people) >= 3
         BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
    )
    .expect("trigger");
    let audit_rows_before: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).expect("count");
    let err = commit(&mut conn, &admin(), &p).expect_err("must fail");
    assert!(matches!(err, ImportError::Store(_)), "{err:?}");
    assert_eq!(count_people(&conn), 0, "no one from a failed import stays");
    let audit_rows_after: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).expect("count");
    assert_eq!(audit_rows_after, audit_rows_before);
    assert!(audit::verify(&conn).expect("verify").verified);
}

#[test]
fn commit_refuses_a_tampered_row_and_adds_nobody() {
    let mut conn = test_db();
    let mut p = preview(&conn, SAMPLE.as_bytes()).expect("preview");
    p.to_add[2].draft.full_name = "JJ".into();
    let err = commit(&mut conn, &admin(), &p).expect_err("refused");
    assert!(matches!(err, ImportError::BadRow { line: 5 }), "{err:?}");
    assert_eq!(count_people(&conn), 0);
}

#[test]
fn files_without_name_or_group_columns_are_refused() {
    let conn = test_db();
    assert!(matches!(preview(&conn, b"Group,Email\nStaff,a@b.org\n"), Err(ImportError::NoNameColumn)));
    assert!(matches!(preview(&conn, b"Name,Email\nAisha Khan,a@b.org\n"), Err(ImportError::NoGroupColumn)));
    assert!(matches!(preview(&conn, b""), Err(ImportError::Empty)));
    assert!(matches!(preview(&conn, b"Name,Group\n\"Aisha,Staff\n"), Err(ImportError::UnterminatedQuote { line: 2 })));
}

#[test]
fn uk_dates_parse_day_first_and_two_digit_years_are_refused() {
    use columns::parse_date;
    let d = chrono::NaiveDate::from_ymd_opt(2009, 5, 4);
    assert_eq!(parse_date("04/05/2009"), d);
    assert_eq!(parse_date("4/5/2009"), d);
    assert_eq!(parse_date("04-05-2009"), d);
    assert_eq!(parse_date("2009-05-04"), d);
    assert_eq!(parse_date("04/05/09"), None);
    assert_eq!(parse_date("31/04/2009"), None);
}

/// Letters only, as the register wants: "Aa Bulk", "Ab Bulk", … up to 676 different names.
fn bulk_name(n: usize) -> String {
    let letter = |i: usize| char::from(b'a' + u8::try_from(i % 26).expect("a letter"));
    format!("{}{} Bulk", letter(n / 26).to_ascii_uppercase(), letter(n))
}

#[test]
fn a_large_file_reports_the_rows_checked_and_still_finds_every_repeat() {
    let conn = test_db();
    // 600 rows: 500 different staff, then 100 that repeat earlier ones (the same name in another
    // case and spacing), which must be found however far back the first one is.
    let mut csv = String::from("Full name,Role\r\n");
    for n in 0..500 {
        csv.push_str(&format!("{},Staff\r\n", bulk_name(n)));
    }
    for n in 0..100 {
        csv.push_str(&format!("  {},Staff\r\n", bulk_name(n * 5).to_uppercase()));
    }
    let mut reports = Vec::new();
    let p = preview_reporting(&conn, csv.as_bytes(), &mut |progress| reports.push(progress)).expect("preview");
    assert_eq!(p.to_add.len(), 500);
    assert_eq!(p.duplicates.len(), 100);
    assert_eq!(p.duplicates[3].line, 502 + 3);
    assert_eq!(p.duplicates[3].reason, format!("Repeats line {} (same full name and group).", 2 + 15));
    let done: Vec<u32> = reports.iter().map(|r| r.done).collect();
    assert_eq!(done, vec![0, 250, 500, 600], "a report every 250 rows and one when all are checked");
    assert!(reports.iter().all(|r| r.total == 600 && r.work == LongWork::PeopleImport));
}
