use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::records::consent::{self, wording, ConsentDraft, Method, UseAnswer, Withdrawal, FIXED_USES};
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::test_db;
use crate::records::test_support;
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

fn person(conn: &mut Connection, name: &str, dob: Option<NaiveDate>) -> String {
    let draft = PersonDraft { date_of_birth: dob, ..test_support::draft(PersonGroup::YoungPerson, name) };
    people::add(conn, &dsl(), &draft).expect("add person").id
}

/// A parent's consent to the website, given on `given_on` and counting until `expires_on`.
fn from_parent(conn: &mut Connection, person_id: &str, given_on: NaiveDate, expires_on: NaiveDate) -> String {
    let draft = ConsentDraft {
        person_id: person_id.into(),
        giver: Giver::ParentCarer,
        giver_name: "Dana Okafor".into(),
        relationship: Some("Mother".into()),
        parental_responsibility: true,
        judgement: None,
        method: Method::PaperForm,
        witness: None,
        given_on,
        form_version: wording::FORM_VERSION.into(),
        expires_on: Some(expires_on),
        answers: FIXED_USES.iter().map(|u| UseAnswer { use_key: (*u).into(), allowed: *u == "website" }).collect(),
        name_with_image: false,
        notes: None,
    };
    consent::record(conn, &dsl(), &draft, given_on.max(today())).expect("record consent").id
}

fn statuses(due: &[ConsentDue]) -> Vec<(&str, DueStatus, NaiveDate)> {
    due.iter().map(|d| (d.person_name.as_str(), d.status, d.last_day)).collect()
}

#[test]
fn consents_ending_within_30_60_and_90_days_are_due_and_later_ones_are_in_date() {
    let mut conn = test_db();
    let dob = Some(day(2015, 4, 1));
    for (name, expires) in [
        ("Ada Lee", day(2026, 12, 1)),  // last day 30 November: 8 days away
        ("Ben Lee", day(2027, 1, 20)),  // last day 19 January: 58 days away
        ("Cal Lee", day(2027, 2, 19)),  // last day 18 February: 88 days away
        ("Dee Lee", day(2027, 3, 1)),   // last day 28 February: 98 days away
        ("Eve Lee", day(2026, 11, 22)), // ended today: the check already says no
    ] {
        let id = person(&mut conn, name, dob);
        from_parent(&mut conn, &id, day(2026, 1, 5), expires);
    }
    let due = renewals(&conn, today()).expect("renewals");
    assert_eq!(
        statuses(&due),
        vec![
            ("Eve Lee", DueStatus::Overdue, day(2026, 11, 21)),
            ("Ada Lee", DueStatus::DueIn30, day(2026, 11, 30)),
            ("Ben Lee", DueStatus::DueIn60, day(2027, 1, 19)),
            ("Cal Lee", DueStatus::DueIn90, day(2027, 2, 18)),
            ("Dee Lee", DueStatus::InDate, day(2027, 2, 28)),
        ]
    );
    // The day before a consent ends it is due today, not yet overdue.
    let ada = renewals(&conn, day(2026, 11, 30)).expect("renewals");
    assert_eq!(ada.iter().find(|d| d.person_name == "Ada Lee").expect("Ada").status, DueStatus::DueIn30);
    let ada = renewals(&conn, day(2026, 12, 1)).expect("renewals");
    assert_eq!(ada.iter().find(|d| d.person_name == "Ada Lee").expect("Ada").status, DueStatus::Overdue);
}

#[test]
fn withdrawn_waiting_archived_and_replaced_consents_are_not_asked_for_again() {
    let mut conn = test_db();
    let dob = Some(day(2015, 4, 1));
    let soon = day(2026, 12, 10);
    let withdrawn = person(&mut conn, "Withdrawn Wyn", dob);
    let id = from_parent(&mut conn, &withdrawn, day(2026, 1, 5), soon);
    let withdrawal = Withdrawal { on: day(2026, 6, 1), how: "By email".into(), recorded_by: String::new(), note: None };
    consent::withdraw(&mut conn, &dsl(), &id, &withdrawal, today()).expect("withdraw");
    let renewed = person(&mut conn, "Renewed Rae", dob);
    from_parent(&mut conn, &renewed, day(2025, 12, 1), soon);
    from_parent(&mut conn, &renewed, day(2026, 11, 1), day(2027, 11, 1));
    let leaver = person(&mut conn, "Leaver Lou", dob);
    from_parent(&mut conn, &leaver, day(2026, 1, 5), soon);
    people::archive(&mut conn, &dsl(), &leaver, None).expect("archive");
    let none = person(&mut conn, "Nobody Asked", dob);
    let _ = none;

    let due = renewals(&conn, today()).expect("renewals");
    assert_eq!(statuses(&due), vec![("Renewed Rae", DueStatus::InDate, day(2027, 10, 31))], "only the new consent");
}

#[test]
fn the_person_to_ask_follows_who_gave_it_and_how_old_they_will_be() {
    let mut conn = test_db();
    let young = person(&mut conn, "Sam Okafor", Some(day(2016, 1, 1)));
    from_parent(&mut conn, &young, day(2026, 1, 5), day(2026, 12, 20));
    // Turns 16 before the consent ends: old enough to consent themselves, with a judgement.
    let teen = person(&mut conn, "Tia Okafor", Some(day(2010, 12, 1)));
    from_parent(&mut conn, &teen, day(2026, 1, 5), day(2026, 12, 20));
    // Turns 18 before it ends: an adult, so they are asked and nobody else.
    let adult = person(&mut conn, "Uma Okafor", Some(day(2008, 12, 5)));
    from_parent(&mut conn, &adult, day(2026, 1, 5), day(2026, 12, 20));

    let due = renewals(&conn, today()).expect("renewals");
    let ask = |name: &str| due.iter().find(|d| d.person_name == name).expect("listed").ask.clone();
    assert_eq!(ask("Sam Okafor"), "Ask Dana Okafor (mother).");
    assert_eq!(
        ask("Tia Okafor"),
        "Ask Dana Okafor (mother), or Tia Okafor, who is now old enough to consent themselves."
    );
    assert_eq!(ask("Uma Okafor"), "Ask Uma Okafor, who can now give consent as an adult.");
}
