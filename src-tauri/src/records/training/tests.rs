use chrono::NaiveDate;

use super::*;
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::test_db;
use crate::records::test_support;
use crate::reminders::{DueStatus, Renewal};
use crate::store::audit::Actor;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
}

fn today() -> NaiveDate {
    day(2026, 11, 22)
}

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

const ONLINE_SAFETY: &str = "course-online-safety";
const DSL_COURSE: &str = "course-dsl";
const INDUCTION: &str = "course-induction";

fn add(conn: &mut rusqlite::Connection, group: PersonGroup, name: &str, leave: Option<NaiveDate>) -> String {
    let draft = PersonDraft {
        date_of_birth: (group == PersonGroup::YoungPerson).then(|| day(2011, 4, 9)),
        leave_date: leave,
        ..test_support::draft(group, name)
    };
    people::add(conn, &dsl(), &draft).expect("add person").id
}

fn done(conn: &mut rusqlite::Connection, course: &str, on: NaiveDate, people: &[&str]) -> Vec<TrainingRecord> {
    let completion = Completion {
        course_id: course.into(),
        completed_on: on,
        provider: "Local safeguarding partnership".into(),
        notes: None,
        person_ids: people.iter().map(|p| (*p).to_owned()).collect(),
    };
    record(conn, &dsl(), &completion, today()).expect("record")
}

fn cell<'a>(m: &'a TrainingMatrix, person: &str, course: &str) -> Option<&'a MatrixCell> {
    let index = m.courses.iter().position(|c| c.id == course)?;
    m.rows.iter().find(|r| r.person_id == person).map(|r| &r.cells[index])
}

#[test]
fn the_catalogue_ships_with_uk_defaults() {
    let conn = test_db();
    let all = courses(&conn, false).expect("courses");
    let names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), 6, "{names:?}");
    let by_id = |id: &str| all.iter().find(|c| c.id == id).expect("seeded");
    assert_eq!(by_id(ONLINE_SAFETY).renewal, Renewal::Months { months: 12 });
    assert_eq!(by_id("course-safeguarding").renewal, Renewal::Months { months: 36 });
    assert_eq!(by_id(DSL_COURSE).renewal, Renewal::Months { months: 24 });
    assert_eq!(by_id("course-prevent").required_roles, vec![Role::Dsl, Role::DeputyDsl, Role::PreventLead]);
    assert_eq!(by_id(INDUCTION).renewal, Renewal::Never);
    assert!(by_id(ONLINE_SAFETY).required_groups.contains(&PersonGroup::Volunteer));
}

#[test]
fn a_completion_sets_the_next_due_date_from_the_course() {
    let mut conn = test_db();
    let amira = add(&mut conn, PersonGroup::Staff, "Amira Khan", None);
    let saved = done(&mut conn, ONLINE_SAFETY, day(2026, 1, 10), &[&amira]);
    assert_eq!(saved[0].next_due, Some(day(2027, 1, 10)));
    let leap = done(&mut conn, ONLINE_SAFETY, day(2024, 2, 29), &[&amira]);
    assert_eq!(leap[0].next_due, Some(day(2025, 2, 28)));
    let once = done(&mut conn, INDUCTION, day(2025, 9, 1), &[&amira]);
    assert_eq!(once[0].next_due, None);
    let history = for_person(&conn, &amira).expect("history");
    assert_eq!(history.len(), 3);
    assert_eq!(history[0].completed_on, day(2026, 1, 10), "newest first");
}

#[test]
fn the_matrix_shows_each_required_course_in_words_and_leaves_out_people_who_left() {
    let mut conn = test_db();
    let amira = add(&mut conn, PersonGroup::Staff, "Amira Khan", None);
    let ben = add(&mut conn, PersonGroup::Staff, "Ben Carter", None);
    let cara = add(&mut conn, PersonGroup::Volunteer, "Cara Doyle", None);
    let left = add(&mut conn, PersonGroup::Staff, "Dev Left", Some(day(2026, 10, 31)));
    let archived = add(&mut conn, PersonGroup::Staff, "Eve Archived", None);
    people::archive(&mut conn, &dsl(), &archived, None).expect("archive");
    let young = add(&mut conn, PersonGroup::YoungPerson, "Finn Young", None);
    done(&mut conn, ONLINE_SAFETY, day(2026, 1, 10), &[&amira]); // due 10 January 2027: 49 days
    done(&mut conn, ONLINE_SAFETY, day(2025, 11, 1), &[&cara]); // due 1 November 2026: overdue
    done(&mut conn, ONLINE_SAFETY, day(2025, 12, 22), &[&ben]); // due 22 December 2026: 30 days

    let m = matrix(&conn, today(), &MatrixFilter::default()).expect("matrix");
    let people: Vec<&str> = m.rows.iter().map(|r| r.full_name.as_str()).collect();
    assert_eq!(people, vec!["Amira Khan", "Ben Carter", "Cara Doyle"]);
    assert!(!m.rows.iter().any(|r| r.person_id == left || r.person_id == archived || r.person_id == young));
    assert_eq!(cell(&m, &amira, ONLINE_SAFETY).and_then(|c| c.status), Some(DueStatus::DueIn60));
    assert_eq!(cell(&m, &ben, ONLINE_SAFETY).and_then(|c| c.status), Some(DueStatus::DueIn30));
    assert_eq!(cell(&m, &cara, ONLINE_SAFETY).and_then(|c| c.status), Some(DueStatus::Overdue));
    assert_eq!(cell(&m, &amira, INDUCTION).and_then(|c| c.status), Some(DueStatus::NeverDone));
    // Data protection is for staff, not volunteers.
    assert_eq!(cell(&m, &cara, "course-data-protection").map(|c| (c.required, c.status)), Some((false, None)));

    let overdue = MatrixFilter { status: Some(DueStatus::Overdue), ..MatrixFilter::default() };
    let only: Vec<String> =
        matrix(&conn, today(), &overdue).expect("filter").rows.into_iter().map(|r| r.full_name).collect();
    assert_eq!(only, vec!["Cara Doyle"]);
    let volunteers = MatrixFilter { group: Some(PersonGroup::Volunteer), ..MatrixFilter::default() };
    assert_eq!(matrix(&conn, today(), &volunteers).expect("filter").rows.len(), 1);
}

#[test]
fn a_role_makes_its_training_required_for_that_person_only() {
    let mut conn = test_db();
    let lead = add(&mut conn, PersonGroup::Staff, "Lena Lead", None);
    let colleague = add(&mut conn, PersonGroup::Staff, "Colin Colleague", None);
    let trustee = add(&mut conn, PersonGroup::Trustee, "Tara Trustee", None);
    set_roles(&mut conn, &dsl(), &lead, &[Role::Dsl, Role::Dsl]).expect("roles");
    set_roles(&mut conn, &dsl(), &trustee, &[Role::PreventLead]).expect("roles");
    assert_eq!(roles_of(&conn, &lead).expect("roles"), vec![Role::Dsl]);

    let m = matrix(&conn, today(), &MatrixFilter::default()).expect("matrix");
    assert_eq!(cell(&m, &lead, DSL_COURSE).map(|c| c.required), Some(true));
    assert_eq!(cell(&m, &colleague, DSL_COURSE).map(|c| c.required), Some(false));
    // A trustee is not in any group that must train, but their role brings Prevent in.
    assert_eq!(cell(&m, &trustee, "course-prevent").map(|c| c.status), Some(Some(DueStatus::NeverDone)));
    assert_eq!(cell(&m, &trustee, ONLINE_SAFETY).map(|c| c.required), Some(false));
}

#[test]
fn a_group_session_is_saved_for_everyone_or_for_nobody() {
    let mut conn = test_db();
    let a = add(&mut conn, PersonGroup::Staff, "Amira Khan", None);
    let b = add(&mut conn, PersonGroup::Volunteer, "Ben Carter", None);
    let gone = add(&mut conn, PersonGroup::Staff, "Gone Person", None);
    people::archive(&mut conn, &dsl(), &gone, None).expect("archive");
    let saved = done(&mut conn, ONLINE_SAFETY, day(2026, 11, 2), &[&a, &b, &a]);
    assert_eq!(saved.len(), 2, "a person chosen twice is recorded once");

    let with_archived = Completion {
        course_id: ONLINE_SAFETY.into(),
        completed_on: day(2026, 11, 20),
        provider: "In house".into(),
        notes: None,
        person_ids: vec![a.clone(), gone],
    };
    assert!(matches!(record(&mut conn, &dsl(), &with_archived, today()), Err(TrainingError::PersonNotFound)));
    assert_eq!(for_person(&conn, &a).expect("history").len(), 1, "nothing of the refused session was kept");
}

#[test]
fn bad_completions_are_refused_with_what_to_fix() {
    let mut conn = test_db();
    let a = add(&mut conn, PersonGroup::Staff, "Amira Khan", None);
    let base = Completion {
        course_id: ONLINE_SAFETY.into(),
        completed_on: day(2026, 11, 1),
        provider: "In house".into(),
        notes: None,
        person_ids: vec![a.clone()],
    };
    let refused = |c: &Completion, conn: &mut rusqlite::Connection| match record(conn, &dsl(), c, today()) {
        Err(e) => e,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let future = refused(&Completion { completed_on: day(2026, 11, 23), ..base.clone() }, &mut conn);
    assert!(matches!(future, TrainingError::CompletedInFuture));
    assert_eq!(future.to_string(), "The date completed cannot be in the future.");
    let old = refused(&Completion { completed_on: day(1989, 12, 31), ..base.clone() }, &mut conn);
    assert_eq!(old.to_string(), "Check the date completed: it is before 1990.");
    let no_provider = refused(&Completion { provider: "  ".into(), ..base.clone() }, &mut conn);
    assert!(matches!(no_provider, TrainingError::Missing(TrainingField::Provider)));
    assert!(no_provider.to_string().starts_with("Enter who provided the training"));
    let long_notes = refused(&Completion { notes: Some("n".repeat(2_001)), ..base.clone() }, &mut conn);
    assert!(matches!(long_notes, TrainingError::TooLong { field: TrainingField::Notes, .. }));
    assert!(long_notes.to_string().starts_with("Shorten the notes to "));
    let nobody = refused(&Completion { person_ids: vec![], ..base.clone() }, &mut conn);
    assert!(matches!(nobody, TrainingError::NoPeopleChosen));
    assert_eq!(nobody.to_string(), "Choose at least one person who completed the course.");
    let unknown = Completion { course_id: "nope".into(), ..base };
    assert!(matches!(record(&mut conn, &dsl(), &unknown, today()), Err(TrainingError::CourseNotFound)));
}

#[test]
fn changing_a_course_moves_due_dates_and_retiring_it_takes_it_out() {
    let mut conn = test_db();
    let a = add(&mut conn, PersonGroup::Staff, "Amira Khan", None);
    done(&mut conn, ONLINE_SAFETY, day(2026, 1, 10), &[&a]);
    let draft = CourseDraft {
        name: "  Online-safety   update ".into(),
        renewal: Renewal::Months { months: 6 },
        required_groups: vec![PersonGroup::Staff],
        required_roles: vec![],
    };
    let changed = save_course(&mut conn, &dsl(), Some(ONLINE_SAFETY), &draft).expect("save");
    assert_eq!(changed.name, "Online-safety update");
    let m = matrix(&conn, today(), &MatrixFilter::default()).expect("matrix");
    assert_eq!(cell(&m, &a, ONLINE_SAFETY).and_then(|c| c.next_due), Some(day(2026, 7, 10)));
    assert_eq!(cell(&m, &a, ONLINE_SAFETY).and_then(|c| c.status), Some(DueStatus::Overdue));

    let too_long = CourseDraft { renewal: Renewal::Months { months: 0 }, ..draft.clone() };
    let refused = save_course(&mut conn, &dsl(), None, &too_long).expect_err("no renewal months");
    assert!(matches!(refused, TrainingError::RenewalOutOfRange { .. }));
    assert!(refused
        .to_string()
        .starts_with("Enter how often the course must be renewed as a number of months from 1 to "));
    let unnamed = CourseDraft { name: " X ".into(), ..draft.clone() };
    let refused = save_course(&mut conn, &dsl(), None, &unnamed).expect_err("no name");
    assert!(matches!(refused, TrainingError::Missing(TrainingField::CourseName)));
    assert_eq!(refused.to_string(), "Enter the course name.");
    let added = save_course(&mut conn, &dsl(), None, &CourseDraft { name: "First aid".into(), ..draft }).expect("add");
    assert_eq!(courses(&conn, false).expect("courses").last().map(|c| c.id.clone()), Some(added.id));

    retire_course(&mut conn, &dsl(), ONLINE_SAFETY, true).expect("retire");
    let m = matrix(&conn, today(), &MatrixFilter::default()).expect("matrix");
    assert!(cell(&m, &a, ONLINE_SAFETY).is_none(), "a retired course has no column");
    assert_eq!(for_person(&conn, &a).expect("history").len(), 1, "its history stays");
    assert!(courses(&conn, true).expect("all").iter().any(|c| c.id == ONLINE_SAFETY && c.retired));
}

#[test]
fn a_mistaken_record_can_be_removed_and_the_audit_holds_no_names() {
    let mut conn = test_db();
    let a = add(&mut conn, PersonGroup::Staff, "Amira Khan", None);
    let saved = done(&mut conn, ONLINE_SAFETY, day(2026, 11, 2), &[&a]);
    remove_record(&mut conn, &dsl(), &saved[0].id).expect("remove");
    assert!(for_person(&conn, &a).expect("history").is_empty());
    assert!(matches!(remove_record(&mut conn, &dsl(), &saved[0].id), Err(TrainingError::RecordNotFound)));
    let leaked: i64 = conn
        .query_row("SELECT count(*) FROM audit WHERE detail LIKE '%Amira%' OR detail LIKE '%partnership%'", [], |r| {
            r.get(0)
        })
        .expect("count");
    assert_eq!(leaked, 0);
}

#[test]
fn a_certificate_is_checked_by_its_bytes_kept_with_its_record_and_removed_with_it() {
    let mut conn = test_db();
    let a = add(&mut conn, PersonGroup::Staff, "Amira Khan", None);
    let saved = done(&mut conn, ONLINE_SAFETY, day(2026, 11, 2), &[&a]);
    let id = &saved[0].id;
    assert!(matches!(
        attach_certificate(&mut conn, &dsl(), id, b"GIF89a not allowed"),
        Err(TrainingError::CertificateWrongType)
    ));
    let huge = [b"%PDF-".as_slice(), &vec![b'x'; crate::records::signatures::MAX_SCAN_BYTES]].concat();
    assert!(matches!(attach_certificate(&mut conn, &dsl(), id, &huge), Err(TrainingError::CertificateTooLarge)));
    assert!(matches!(attach_certificate(&mut conn, &dsl(), "nope", b"%PDF-1.7"), Err(TrainingError::RecordNotFound)));
    assert!(!for_person(&conn, &a).expect("history")[0].has_certificate);

    attach_certificate(&mut conn, &dsl(), id, b"%PDF-1.7 first").expect("attach");
    attach_certificate(&mut conn, &dsl(), id, b"\x89PNG\r\n\x1a\n second").expect("replace");
    assert!(for_person(&conn, &a).expect("history")[0].has_certificate);
    let (media_type, bytes) = certificate(&conn, id).expect("certificate");
    assert_eq!((media_type.as_str(), bytes.as_slice()), ("image/png", b"\x89PNG\r\n\x1a\n second".as_slice()));

    let copy = certificate_copy(&conn, id).expect("copy");
    assert_eq!((copy.file_name.as_str(), copy.extension.as_str()), ("Training certificate 2026-11-02.png", "png"));
    assert_eq!(copy.bytes, b"\x89PNG\r\n\x1a\n second");

    remove_record(&mut conn, &dsl(), id).expect("remove");
    assert!(matches!(certificate(&conn, id), Err(TrainingError::NoCertificate)));
    assert!(matches!(certificate_copy(&conn, id), Err(TrainingError::NoCertificate)));
}

#[test]
fn a_certificate_that_did_not_arrive_whole_is_refused_in_the_certificate_s_own_words() {
    use crate::records::attachments::UploadError;
    let too_large = TrainingError::from(UploadError::TooLarge);
    assert_eq!(too_large.code(), crate::error::ErrorCode::TrainingCertificateTooLarge);
    let unreadable = TrainingError::from(UploadError::Unreadable);
    assert_eq!(unreadable.code(), crate::error::ErrorCode::TrainingCertificateUnreadable);
    assert_eq!(unreadable.to_string(), "The certificate could not be read. Choose the file again.");
}

#[test]
fn a_csv_of_past_training_is_previewed_line_by_line_then_added_all_or_nothing() {
    let mut conn = test_db();
    let amira = add(&mut conn, PersonGroup::Staff, "Amira Khan", None);
    let ben = add(&mut conn, PersonGroup::Volunteer, "Ben Carter", None);
    add(&mut conn, PersonGroup::Staff, "Sam Lee", None);
    add(&mut conn, PersonGroup::Volunteer, "Sam Lee", None);
    done(&mut conn, ONLINE_SAFETY, day(2025, 11, 1), &[&ben]);
    let csv = "\u{feff}Full name,Course,Date completed,Provider,Room\r\n\
               Amira Khan,Online-safety update,01/11/2025,Local partnership,A\r\n\
               amira  khan,induction,2024-09-02,In house,B\r\n\
               Zed Nobody,Online-safety update,01/11/2025,In house,C\r\n\
               Ben Carter,Basket weaving,01/11/2025,In house,D\r\n\
               Ben Carter,Online-safety update,31/02/2025,In house,E\r\n\
               Ben Carter,Online-safety update,01/01/2027,In house,F\r\n\
               Ben Carter,Online-safety update,01/11/2025,In house,G\r\n\
               Amira Khan,Online-safety update,1/11/2025,Someone else,H\r\n\
               Sam Lee,Induction,01/09/2024,In house,I\r\n\
               Ben Carter,Induction,01/09/2024,,J\r\n";
    let preview = import_preview(&conn, csv.as_bytes(), today()).expect("preview");
    let added: Vec<(usize, &str, &str)> =
        preview.to_add.iter().map(|r| (r.line, r.person_name.as_str(), r.course_id.as_str())).collect();
    assert_eq!(added, vec![(2, "Amira Khan", ONLINE_SAFETY), (3, "Amira Khan", INDUCTION)]);
    let rejected: Vec<(usize, &str)> = preview.rejected.iter().map(|r| (r.line, r.reason.as_str())).collect();
    assert_eq!(rejected.len(), 6, "{rejected:?}");
    assert!(rejected[0].0 == 4 && rejected[0].1.starts_with("Nobody in the register"));
    assert!(rejected[1].0 == 5 && rejected[1].1.starts_with("Course is not one of your courses"));
    assert!(rejected[2].0 == 6 && rejected[2].1.starts_with("Date completed is not a date"));
    assert!(rejected[3].0 == 7 && rejected[3].1.contains("between 1 January 1990 and today"));
    assert!(rejected[4].0 == 10 && rejected[4].1.starts_with("More than one person"));
    assert!(rejected[5].0 == 11 && rejected[5].1.starts_with("Provider must be filled in"));
    let duplicates: Vec<(usize, &str)> = preview.duplicates.iter().map(|r| (r.line, r.reason.as_str())).collect();
    assert_eq!(duplicates, vec![(8, "Already recorded: same person, course and date."), (9, "Repeats line 2.")]);
    assert_eq!(preview.ignored_columns, vec!["Room".to_owned()]);
    for issue in preview.rejected.iter().chain(&preview.duplicates) {
        assert!(
            !issue.reason.contains("Ben") && !issue.reason.contains("Zed"),
            "reasons hold no names: {}",
            issue.reason
        );
    }

    // If the records change after the preview, nothing is imported.
    done(&mut conn, INDUCTION, day(2024, 9, 2), &[&amira]);
    assert!(
        matches!(import_commit(&mut conn, &dsl(), &preview), Err(e @ TrainingError::ImportChangedSincePreview) if e.to_string().contains("nothing was imported"))
    );
    assert_eq!(for_person(&conn, &amira).expect("history").len(), 1);

    let fresh = import_preview(&conn, csv.as_bytes(), today()).expect("preview");
    assert_eq!(import_commit(&mut conn, &dsl(), &fresh).expect("commit"), 1);
    assert_eq!(for_person(&conn, &amira).expect("history").len(), 2);
    assert_eq!(
        import_preview(&conn, csv.as_bytes(), today()).expect("again").to_add.len(),
        0,
        "importing twice adds nothing"
    );
}

#[test]
fn a_csv_without_the_needed_columns_says_which_is_missing() {
    let conn = test_db();
    let missing = import_preview(&conn, b"Name,Course,Date\r\nA B,Induction,01/01/2025\r\n", today());
    assert!(
        matches!(missing, Err(e @ TrainingError::ImportColumnMissing(TrainingColumn::Provider)) if e.to_string().contains("\u{201c}Provider\u{201d} column"))
    );
    assert!(
        matches!(import_preview(&conn, b"", today()), Err(e @ TrainingError::ImportEmpty) if e.to_string().contains("empty"))
    );
}

#[test]
fn a_large_training_import_reports_the_rows_checked_and_finds_repeats_far_apart() {
    let mut conn = test_db();
    add(&mut conn, PersonGroup::Staff, "Amira Khan", None);
    // 520 rows: 500 different dates of the same course, then 20 repeats of earlier ones.
    let mut csv = String::from("Name,Course,Date,Provider\r\n");
    let first = day(2020, 1, 1);
    for n in 0..500 {
        let on = first + chrono::Days::new(n);
        csv.push_str(&format!("Amira Khan,Induction,{},In house\r\n", on.format("%d/%m/%Y")));
    }
    for n in 0..20 {
        let on = first + chrono::Days::new(n * 25);
        csv.push_str(&format!("Amira Khan,Induction,{},Elsewhere\r\n", on.format("%d/%m/%Y")));
    }
    let mut reports = Vec::new();
    let preview = import_preview_reporting(&conn, csv.as_bytes(), today(), &mut |p| reports.push(p)).expect("preview");
    assert_eq!(preview.to_add.len(), 500);
    let duplicates: Vec<(usize, String)> = preview.duplicates.iter().map(|r| (r.line, r.reason.clone())).collect();
    assert_eq!(duplicates.len(), 20);
    assert_eq!(duplicates[4], (502 + 4, format!("Repeats line {}.", 2 + 100)));
    let done: Vec<u32> = reports.iter().map(|r| r.done).collect();
    assert_eq!(done, vec![0, 250, 500, 520]);
    assert!(reports.iter().all(|r| r.total == 520 && r.work == crate::progress::LongWork::TrainingImport));
}
