use chrono::NaiveDate;

use super::*;
use crate::records::aup::{self, Audience};
use crate::records::consent::{self, ConsentDraft, Giver, Method, UseAnswer};
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::policies::{PolicyReview, ReviewTrigger};
use crate::records::test_db;
use crate::records::test_support;
use crate::records::training::Completion;
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
const INDUCTION: &str = "course-induction";

fn add(conn: &mut Connection, group: PersonGroup, name: &str) -> String {
    let draft = PersonDraft { date_of_birth: None, ..test_support::draft(group, name) };
    people::add(conn, &dsl(), &draft).expect("add person").id
}

fn done(conn: &mut Connection, course: &str, on: NaiveDate, person: &str) {
    let completion = Completion {
        course_id: course.into(),
        completed_on: on,
        provider: "Local safeguarding partnership".into(),
        notes: None,
        person_ids: vec![person.to_owned()],
    };
    training::record(conn, &dsl(), &completion, today()).expect("record");
}

fn reviewed(conn: &mut Connection, policy: &str, on: NaiveDate) {
    let review = PolicyReview {
        version: "1".into(),
        reviewed_on: on,
        lead: "The DSL".into(),
        change: None,
        trigger: ReviewTrigger::NewPolicy,
        approved_by: None,
        approved_on: None,
        next_review: None,
    };
    policies::record_review(conn, &dsl(), policy, &review, today()).expect("review");
}

#[test]
fn the_dashboard_lists_the_most_urgent_training_first_without_anything_in_date() {
    let mut conn = test_db();
    let a = add(&mut conn, PersonGroup::Staff, "Amira Khan");
    done(&mut conn, ONLINE_SAFETY, day(2025, 10, 1), &a); // overdue
    done(&mut conn, "course-safeguarding", day(2024, 1, 1), &a); // due 1 January 2027
    done(&mut conn, INDUCTION, day(2024, 1, 1), &a); // never due again
    done(&mut conn, "course-data-protection", day(2026, 6, 1), &a); // due June 2028
    let items = dashboard(&conn, today()).expect("due").training;
    let summary: Vec<(&str, DueStatus)> = items.iter().map(|i| (i.course_id.as_str(), i.status)).collect();
    assert_eq!(summary, vec![(ONLINE_SAFETY, DueStatus::Overdue), ("course-safeguarding", DueStatus::DueIn60)]);
    assert_eq!(items[0].person_name, "Amira Khan");
    assert_eq!(items[0].course_name, "Online-safety update");
    assert_eq!(items[0].due, Some(day(2026, 10, 1)));
}

#[test]
fn never_done_training_leads_the_dashboard_and_in_date_training_stays_in_the_full_answer() {
    let mut conn = test_db();
    let b = add(&mut conn, PersonGroup::Staff, "Ben Jones");
    done(&mut conn, "course-data-protection", day(2026, 6, 1), &b); // due June 2028
    let all = what_is_due(&conn, today()).expect("due");
    let theirs: Vec<&TrainingDue> = all.training.iter().filter(|t| t.person_id == b).collect();
    assert!(theirs.iter().any(|t| t.course_id == "course-data-protection" && t.status == DueStatus::InDate));
    assert!(theirs.iter().any(|t| t.status == DueStatus::NeverDone), "required courses not yet done are there");
    let shown = all.needing_attention();
    assert!(shown.training.iter().all(|t| t.status != DueStatus::InDate));
    assert_eq!(shown.training.first().map(|t| t.status), Some(DueStatus::NeverDone));
}

#[test]
fn the_dashboard_puts_unreviewed_and_overdue_policies_first() {
    let mut conn = test_db();
    reviewed(&mut conn, "policy-acceptable-use", day(2025, 10, 1));
    reviewed(&mut conn, "policy-behaviour", day(2025, 12, 10));
    reviewed(&mut conn, "policy-safeguarding", day(2026, 9, 1));
    let items = dashboard(&conn, today()).expect("due").policies;
    assert_eq!(items.iter().filter(|i| i.status == DueStatus::NeverDone).count(), 8);
    assert_eq!(items[0].status, DueStatus::NeverDone);
    let dated: Vec<(&str, DueStatus)> =
        items.iter().filter(|i| i.status != DueStatus::NeverDone).map(|i| (i.policy_id.as_str(), i.status)).collect();
    assert_eq!(dated, vec![("policy-acceptable-use", DueStatus::Overdue), ("policy-behaviour", DueStatus::DueIn30)]);
    let all = what_is_due(&conn, today()).expect("due").policies;
    assert!(all.iter().any(|p| p.policy_id == "policy-safeguarding" && p.status == DueStatus::InDate));
}

#[test]
fn the_dashboard_lists_an_aup_with_signatures_outstanding() {
    let mut conn = test_db();
    add(&mut conn, PersonGroup::Staff, "Amira Khan");
    let draft = aup::template(Audience::StaffVolunteers, "R", "Sam Okafor");
    let found = aup::create(&mut conn, &dsl(), Audience::StaffVolunteers, &draft).expect("create");
    assert!(dashboard(&conn, today()).expect("due").aups.is_empty(), "a draft asks nobody to sign");
    aup::publish(&mut conn, &dsl(), &found.id).expect("publish");
    let aups = dashboard(&conn, today()).expect("due").aups;
    assert_eq!(aups.len(), 1);
    assert_eq!((aups[0].aup_id.as_str(), aups[0].never_signed, aups[0].needs_resign), (found.id.as_str(), 1, 0));
}

#[test]
fn the_calendar_has_each_dated_renewal_and_review_and_nothing_never_done() {
    let mut conn = test_db();
    let a = add(&mut conn, PersonGroup::Staff, "Amira Khan");
    done(&mut conn, ONLINE_SAFETY, day(2026, 3, 2), &a);
    done(&mut conn, INDUCTION, day(2025, 9, 1), &a); // never due again: no event
    reviewed(&mut conn, "policy-online-safety", day(2026, 2, 1));
    let events: Vec<(String, String, NaiveDate)> = what_is_due(&conn, today())
        .expect("due")
        .calendar_events()
        .into_iter()
        .map(|e| (e.uid, e.summary, e.on))
        .collect();
    assert_eq!(
        events,
        vec![
            (
                "policy-policy-online-safety@safekeeper".to_owned(),
                "Policy review due: Online safety".to_owned(),
                day(2027, 2, 1)
            ),
            (
                format!("training-{a}-{ONLINE_SAFETY}@safekeeper"),
                "Training due: Online-safety update (Amira Khan)".to_owned(),
                day(2027, 3, 2)
            ),
        ]
    );
    let text = calendar(&conn, today()).expect("calendar");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 2, "{text}");
    assert!(text.contains("SUMMARY:Training due: Online-safety update (Amira Khan)"));
    assert!(text.contains("DTSTART;VALUE=DATE:20270302"));
    assert!(text.contains("SUMMARY:Policy review due: Online safety"));
    assert!(text.contains("DTSTART;VALUE=DATE:20270201"));
}

/// A young person whose mother consented on 5 January 2026 to the website until `expires_on`.
fn consented_until(conn: &mut Connection, name: &str, expires_on: NaiveDate) -> (String, String) {
    let draft =
        PersonDraft { date_of_birth: Some(day(2015, 4, 1)), ..test_support::draft(PersonGroup::YoungPerson, name) };
    let person = people::add(conn, &dsl(), &draft).expect("add person").id;
    let consent = ConsentDraft {
        person_id: person.clone(),
        giver: Giver::ParentCarer,
        giver_name: "Dana Okafor".into(),
        relationship: Some("Mother".into()),
        parental_responsibility: true,
        judgement: None,
        method: Method::PaperForm,
        witness: None,
        given_on: day(2026, 1, 5),
        form_version: consent::wording::FORM_VERSION.into(),
        expires_on: Some(expires_on),
        answers: vec![UseAnswer { use_key: "website".into(), allowed: true }],
        name_with_image: false,
        notes: None,
    };
    let id = consent::record(conn, &dsl(), &consent, today()).expect("record consent").id;
    (person, id)
}

#[test]
fn consents_ending_within_90_days_are_due_with_who_to_ask_and_every_end_is_in_the_calendar() {
    let mut conn = test_db();
    let (_, soon) = consented_until(&mut conn, "Sam Okafor", day(2026, 12, 8)); // last day 7 December
    let (_, later) = consented_until(&mut conn, "Tom Okafor", day(2027, 9, 1)); // in date
    let all = what_is_due(&conn, today()).expect("due");
    assert_eq!(all.consents.len(), 2, "the full answer holds every consent in force");
    let shown = dashboard(&conn, today()).expect("due").consents;
    assert_eq!(shown.len(), 1, "only the one ending within 90 days is on the dashboard");
    assert_eq!((shown[0].person_name.as_str(), shown[0].status), ("Sam Okafor", DueStatus::DueIn30));
    assert_eq!(shown[0].last_day, day(2026, 12, 7));
    assert_eq!(shown[0].ask, "Ask Dana Okafor (mother).");

    let events: Vec<(String, String, NaiveDate)> =
        all.calendar_events().into_iter().map(|e| (e.uid, e.summary, e.on)).collect();
    assert!(events.contains(&(
        format!("consent-{soon}@safekeeper"),
        "Photo consent ends: Sam Okafor. Ask Dana Okafor (mother).".to_owned(),
        day(2026, 12, 7)
    )));
    assert!(events.iter().any(|(uid, _, on)| uid == &format!("consent-{later}@safekeeper") && *on == day(2027, 8, 31)));
    let text = calendar(&conn, today()).expect("calendar");
    assert!(text.contains("SUMMARY:Photo consent ends: Sam Okafor. Ask Dana Okafor (mother)."), "{text}");
}

/// Letters only: people's names may not hold digits.
fn name_for(i: usize) -> String {
    let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
    format!("Staff {}{}", letter(i / 26).to_ascii_uppercase(), letter(i))
}

#[test]
fn the_dashboard_keeps_the_most_urgent_lines_of_each_group_and_counts_every_line() {
    let mut conn = test_db();
    for i in 0..70 {
        let id = add(&mut conn, PersonGroup::Staff, &name_for(i));
        // Online safety renews every 12 months: done 280 to 500 days ago, it is overdue, due
        // within 30 days or due within 31 to 90 days. Every other course for staff is never done.
        done(&mut conn, ONLINE_SAFETY, today() - chrono::Days::new(280 + (i as u64 * 37) % 220), &id);
    }
    let full = what_is_due(&conn, today()).expect("everything");
    let shown = dashboard(&conn, today()).expect("dashboard");

    let group = |t: &TrainingDue| training::dashboard_group(t.status);
    for g in 0..3 {
        let expected: Vec<&TrainingDue> =
            full.training.iter().filter(|t| group(t) == Some(g)).take(DASHBOARD_TRAINING_LINES).collect();
        let kept: Vec<&TrainingDue> = shown.training.iter().filter(|t| group(t) == Some(g)).collect();
        assert!(!expected.is_empty(), "group {g} has lines");
        assert_eq!(kept, expected, "group {g}: the most urgent lines, in the same order");
    }
    let overdue_now = full.training.iter().filter(|t| group(t) == Some(0)).count();
    assert!(overdue_now > DASHBOARD_TRAINING_LINES, "the test leaves lines out ({overdue_now})");
    assert!(shown.training.len() <= 3 * DASHBOARD_TRAINING_LINES);

    // The counts count every line, shown or not, and are the same in both answers.
    for count in &shown.training_counts {
        let all = full.training.iter().filter(|t| t.status == count.status).count();
        assert_eq!(count.count as usize, all, "{:?}", count.status);
    }
    assert_eq!(shown.training_counts, full.training_counts);
    assert_eq!(shown.training_counts.len(), 6);
}
