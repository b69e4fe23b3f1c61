use chrono::NaiveDate;

use super::*;
use crate::records::test_db;
use crate::store::audit::{self, Actor};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

pub(crate) use crate::records::test_support::draft;

fn admin() -> Actor {
    Actor::Admin("admin-1".into())
}

#[test]
fn young_person_without_date_of_birth_is_refused() {
    let mut d = draft(PersonGroup::YoungPerson, "Kai Turner");
    d.date_of_birth = None;
    assert!(matches!(validate(&d, date(2025, 1, 1)), Err(PeopleError::DateOfBirthRequired)));
    d.group = PersonGroup::Staff;
    assert!(validate(&d, date(2025, 1, 1)).is_ok(), "staff need no date of birth");
}

#[test]
fn leave_before_start_and_future_birth_are_refused() {
    let mut d = draft(PersonGroup::Staff, "Rosa Diaz");
    d.start_date = Some(date(2024, 9, 1));
    d.leave_date = Some(date(2024, 8, 31));
    assert!(matches!(validate(&d, date(2025, 1, 1)), Err(PeopleError::LeaveBeforeStart)));
    d.leave_date = Some(date(2024, 9, 1));
    assert!(validate(&d, date(2025, 1, 1)).is_ok(), "leaving on the start day is allowed");
    d.date_of_birth = Some(date(2025, 1, 2));
    assert!(matches!(validate(&d, date(2025, 1, 1)), Err(PeopleError::DateOfBirthOutOfRange)));
}

#[test]
fn contact_details_are_checked_and_tidied() {
    let mut d = draft(PersonGroup::Staff, "Rosa Diaz");
    d.email = Some(" rosa@example.org ".into());
    d.phone = Some("01632 960 001".into());
    let valid = validate(&d, date(2025, 1, 1)).expect("valid");
    assert_eq!(valid.draft().email.as_deref(), Some("rosa@example.org"));
    d.email = Some("rosa.example.org".into());
    assert!(matches!(validate(&d, date(2025, 1, 1)), Err(PeopleError::InvalidEmail)));
    d.email = Some("  ".into());
    d.phone = Some("call me".into());
    assert!(matches!(validate(&d, date(2025, 1, 1)), Err(PeopleError::InvalidPhone)));
}

#[test]
fn initials_are_refused_with_a_message_that_does_not_echo_them() {
    let mut conn = test_db();
    let err = add(&mut conn, &admin(), &draft(PersonGroup::Staff, "J. S.")).expect_err("refused");
    assert!(matches!(err, PeopleError::InitialsOnly));
    assert_eq!(crate::error::CodedError::code(&err), "people.initialsOnly");
    assert!(!err.to_string().contains("J. S."));
    assert!(search(&conn, &PeopleQuery::default()).expect("search").is_empty(), "nothing was saved");
}

#[test]
fn search_is_case_insensitive_over_full_and_preferred_names_with_filters() {
    let mut conn = test_db();
    let mut zoe = draft(PersonGroup::Volunteer, "Zoë Ødegård");
    zoe.preferred_name = Some("Zed".into());
    let zoe = add(&mut conn, &admin(), &zoe).expect("add");
    let kai = add(&mut conn, &admin(), &draft(PersonGroup::YoungPerson, "Kai Turner")).expect("add");
    add(&mut conn, &admin(), &draft(PersonGroup::Staff, "Aisha Khan")).expect("add");

    let ids = |conn: &rusqlite::Connection, q: PeopleQuery| {
        search(conn, &q).expect("search").into_iter().map(|p| p.id).collect::<Vec<_>>()
    };
    assert_eq!(ids(&conn, PeopleQuery { text: "ØDEG".into(), ..Default::default() }), vec![zoe.id.clone()]);
    assert_eq!(ids(&conn, PeopleQuery { text: "zed".into(), ..Default::default() }), vec![zoe.id.clone()]);
    assert_eq!(
        ids(&conn, PeopleQuery { text: "".into(), group: Some(PersonGroup::YoungPerson), ..Default::default() }),
        vec![kai.id.clone()]
    );
    assert_eq!(ids(&conn, PeopleQuery::default()).len(), 3);

    archive(&mut conn, &admin(), &kai.id, None).expect("archive");
    assert_eq!(ids(&conn, PeopleQuery::default()).len(), 2, "archived people leave the active list");
    assert_eq!(ids(&conn, PeopleQuery { status: PersonStatus::Archived, ..Default::default() }), vec![kai.id.clone()]);
    assert_eq!(ids(&conn, PeopleQuery { status: PersonStatus::All, ..Default::default() }).len(), 3);
    unarchive(&mut conn, &admin(), &kai.id).expect("unarchive");
    assert_eq!(ids(&conn, PeopleQuery::default()).len(), 3);
}

#[test]
fn archiving_keeps_the_record_and_audits_ids_only() {
    let mut conn = test_db();
    let mut d = draft(PersonGroup::Staff, "Rosa Diaz");
    d.start_date = Some(date(2020, 1, 6));
    let rosa = add(&mut conn, &admin(), &d).expect("add");
    let err = archive(&mut conn, &admin(), &rosa.id, Some(date(2019, 1, 1))).expect_err("leave before start");
    assert!(matches!(err, PeopleError::LeaveBeforeStart));
    let archived = archive(&mut conn, &admin(), &rosa.id, Some(date(2024, 7, 31))).expect("archive");
    assert!(archived.is_archived());
    assert_eq!(archived.leave_date, Some(date(2024, 7, 31)));
    assert_eq!(get(&conn, &rosa.id).expect("still there").full_name, "Rosa Diaz");
    assert!(audit::has_action(&conn, "person.archived").expect("audit"));
    let details: Vec<String> = conn
        .prepare("SELECT subject_id || detail FROM audit")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert!(details.iter().all(|d| !d.contains("Rosa") && !d.contains("Diaz")), "{details:?}");
}

#[test]
fn parents_link_only_to_young_people_and_block_group_changes() {
    let mut conn = test_db();
    let kai = add(&mut conn, &admin(), &draft(PersonGroup::YoungPerson, "Kai Turner")).expect("add");
    let mum = add(&mut conn, &admin(), &draft(PersonGroup::ParentCarer, "Dana Turner")).expect("add");
    let staff = add(&mut conn, &admin(), &draft(PersonGroup::Staff, "Aisha Khan")).expect("add");

    assert!(matches!(link_parent(&mut conn, &admin(), &mum.id, &kai.id), Err(PeopleError::NotAYoungPerson)));
    assert!(matches!(link_parent(&mut conn, &admin(), &kai.id, &staff.id), Err(PeopleError::NotAParentCarer)));
    link_parent(&mut conn, &admin(), &kai.id, &mum.id).expect("link");
    link_parent(&mut conn, &admin(), &kai.id, &mum.id).expect("linking twice is harmless");
    let l = links(&conn, &kai.id).expect("links");
    assert_eq!(l.parents.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec![mum.id.as_str()]);
    assert_eq!(links(&conn, &mum.id).expect("links").young_people.len(), 1);

    let err = update(&mut conn, &admin(), &mum.id, &draft(PersonGroup::Staff, "Dana Turner")).expect_err("linked");
    assert!(matches!(err, PeopleError::GroupHasLinks));
    unlink_parent(&mut conn, &admin(), &kai.id, &mum.id).expect("unlink");
    assert!(links(&conn, &kai.id).expect("links").parents.is_empty());
    assert!(matches!(unlink_parent(&mut conn, &admin(), &kai.id, &mum.id), Err(PeopleError::NotFound)));
    update(&mut conn, &admin(), &mum.id, &draft(PersonGroup::Staff, "Dana Turner")).expect("now allowed");
}

#[test]
fn listing_a_whole_audience_touches_only_active_people_in_its_groups() {
    let mut conn = test_db();
    let staff = add(&mut conn, &admin(), &draft(PersonGroup::Staff, "Aisha Khan")).expect("add").id;
    let volunteer = add(&mut conn, &admin(), &draft(PersonGroup::Volunteer, "Ben Jones")).expect("add").id;
    let learner = add(&mut conn, &admin(), &draft(PersonGroup::YoungPerson, "Kai Turner")).expect("add").id;
    let leaver = add(&mut conn, &admin(), &draft(PersonGroup::Staff, "Cara Lee")).expect("add").id;
    archive(&mut conn, &admin(), &leaver, None).expect("archive");
    set_kiosk_listed(&mut conn, &admin(), &volunteer, true).expect("list one");

    let groups = [PersonGroup::Staff, PersonGroup::Volunteer];
    assert_eq!(set_kiosk_listed_for_groups(&mut conn, &admin(), &groups, true).expect("list"), 1, "only Aisha changed");
    assert!(get(&conn, &staff).expect("get").kiosk_listed);
    assert!(!get(&conn, &learner).expect("get").kiosk_listed);
    assert!(!get(&conn, &leaver).expect("get").kiosk_listed);
    assert_eq!(set_kiosk_listed_for_groups(&mut conn, &admin(), &groups, true).expect("again"), 0);
    assert_eq!(set_kiosk_listed_for_groups(&mut conn, &admin(), &groups, false).expect("unlist"), 2);
    assert!(!get(&conn, &volunteer).expect("get").kiosk_listed);
}

#[test]
fn someone_who_has_left_cannot_be_listed_on_the_signing_station_but_can_be_unlisted() {
    let mut conn = test_db();
    let staff = add(&mut conn, &admin(), &draft(PersonGroup::Staff, "Aisha Khan")).expect("add").id;
    let listed = list_on_station(&mut conn, &admin(), &staff, true).expect("listed");
    assert!(listed.kiosk_listed);
    archive(&mut conn, &admin(), &staff, None).expect("archive");
    let err = list_on_station(&mut conn, &admin(), &staff, true).expect_err("left");
    assert!(matches!(err, PeopleError::LeftCannotBeListed));
    assert_eq!(err.code(), ErrorCode::PersonArchived);
    assert!(!err.to_string().contains("Aisha"), "{err}");
    let unlisted = list_on_station(&mut conn, &admin(), &staff, false).expect("unlisted");
    assert!(!unlisted.kiosk_listed);
    assert!(matches!(list_on_station(&mut conn, &admin(), "nope", false), Err(PeopleError::NotFound)));
}
