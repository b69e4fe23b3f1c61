use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::test_db;
use crate::records::test_support;
use crate::store::audit::{self, Actor};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
}

fn today() -> NaiveDate {
    day(2026, 11, 22)
}

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

fn person(conn: &mut Connection, name: &str, group: PersonGroup, dob: Option<NaiveDate>) -> String {
    let draft = PersonDraft { date_of_birth: dob, ..test_support::draft(group, name) };
    people::add(conn, &dsl(), &draft).expect("add person").id
}

fn yes_to(uses: &[&str]) -> Vec<UseAnswer> {
    FIXED_USES.iter().map(|u| UseAnswer { use_key: (*u).into(), allowed: uses.contains(u) }).collect()
}

fn parent_draft(person_id: &str, given_on: NaiveDate, uses: &[&str]) -> ConsentDraft {
    ConsentDraft {
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
        expires_on: None,
        answers: yes_to(uses),
        name_with_image: false,
        notes: Some("Photographs alone only".into()),
    }
}

fn ask(conn: &Connection, ids: &[&str], use_key: &str, on: NaiveDate) -> CheckAnswer {
    let question = CheckQuestion {
        person_ids: ids.iter().map(|s| (*s).to_owned()).collect(),
        use_key: use_key.into(),
        with_name: false,
    };
    check(conn, &question, on).expect("check")
}

#[test]
fn consent_lasts_the_default_year_and_expires_on_its_expiry_day() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let saved =
        record(&mut conn, &dsl(), &parent_draft(&kid, day(2026, 1, 10), &["website"]), today()).expect("record");
    assert_eq!(saved.expires_on, day(2027, 1, 10));
    assert!(ask(&conn, &[&kid], "website", day(2027, 1, 9)).allowed, "the day before expiry is still a yes");
    let on_expiry = ask(&conn, &[&kid], "website", day(2027, 1, 10));
    assert!(!on_expiry.allowed);
    assert_eq!(on_expiry.people[0].reason, Reason::Expired);
    assert!(
        on_expiry.people[0].explanation.contains("expired on 10 January 2027"),
        "{}",
        on_expiry.people[0].explanation
    );
    assert!(!ask(&conn, &[&kid], "website", day(2026, 1, 9)).allowed, "not before it was given");
}

#[test]
fn each_use_is_answered_separately_and_a_refusal_names_the_use() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let mut settings = add_social_account(&mut conn, &dsl(), "Instagram @riverside").expect("account");
    let insta = format!("social:{}", settings.social_accounts.remove(0).id);
    let mut draft = parent_draft(&kid, day(2026, 3, 1), &["website"]);
    draft.answers.push(UseAnswer { use_key: insta.clone(), allowed: false });
    record(&mut conn, &dsl(), &draft, today()).expect("record");

    // Read back in bulk, the answers keep the order the form asked them in.
    let read = super::store::for_people(&conn, &[&kid]).expect("read");
    let keys: Vec<&str> = read[&kid][0].answers.iter().map(|a| a.use_key.as_str()).collect();
    assert_eq!(keys, vec!["website", "print", "press", "display", "video", insta.as_str()]);
    // Asked about many people at once it reads the table in one pass, with the same result.
    let mut many: Vec<String> = (0..1_200).map(|i| format!("nobody-{i}")).collect();
    many.push(kid.clone());
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let bulk = super::store::for_people(&conn, &many).expect("bulk");
    assert_eq!(bulk.len(), 1);
    assert_eq!(bulk[&kid], read[&kid]);

    let web = ask(&conn, &[&kid], "website", today());
    assert!(web.allowed);
    assert!(web.people[0].explanation.starts_with("Yes: consent given by their mother on 1 March 2026"));
    assert_eq!(web.people[0].conditions.as_deref(), Some("Photographs alone only"));

    let gram = ask(&conn, &[&kid], &insta, today());
    assert!(!gram.allowed);
    assert_eq!(gram.people[0].reason, Reason::Refused);
    assert!(gram.people[0]
        .explanation
        .contains("consent to appear on social media (Instagram @riverside) was refused"));
}

#[test]
fn a_name_needs_its_own_consent() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    record(&mut conn, &dsl(), &parent_draft(&kid, day(2026, 3, 1), &["website"]), today()).expect("record");
    let question = CheckQuestion { person_ids: vec![kid.clone()], use_key: "website".into(), with_name: true };
    let answer = check(&conn, &question, today()).expect("check");
    assert!(!answer.allowed);
    assert_eq!(answer.people[0].reason, Reason::NameNotAllowed);
}

#[test]
fn one_no_makes_the_whole_answer_no_and_says_who() {
    let mut conn = test_db();
    let a = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let b = person(&mut conn, "Lee Marsh", PersonGroup::YoungPerson, Some(day(2012, 2, 2)));
    let c = person(&mut conn, "Ana Silva", PersonGroup::YoungPerson, Some(day(2012, 2, 2)));
    record(&mut conn, &dsl(), &parent_draft(&a, day(2026, 3, 1), &["website"]), today()).expect("a");
    record(&mut conn, &dsl(), &parent_draft(&b, day(2026, 3, 1), &["print"]), today()).expect("b");

    let answer = ask(&conn, &[&a, &b, &c], "website", today());
    assert!(!answer.allowed);
    assert_eq!(
        answer.summary,
        "No: Ana Silva and Lee Marsh cannot appear on our website. Leave them out, or do not use this image."
    );
    let c_answer = answer.people.iter().find(|p| p.person_id == c).expect("c");
    assert_eq!(c_answer.reason, Reason::NoConsent);
    assert!(answer.people.iter().find(|p| p.person_id == a).expect("a").allowed);

    let only_a = ask(&conn, &[&a], "website", today());
    assert!(only_a.allowed);
    assert_eq!(only_a.summary, "Yes: Sam Okafor may appear on our website.");
}

#[test]
fn sixteen_on_the_day_may_consent_with_a_judgement_and_fifteen_may_not() {
    let mut conn = test_db();
    let dob = day(2010, 6, 15);
    let teen = person(&mut conn, "Jo Reyes", PersonGroup::YoungPerson, Some(dob));
    let mut own = parent_draft(&teen, day(2026, 6, 14), &["website"]);
    own.giver = Giver::Myself;
    own.judgement = Some("Talked it through; understood who could see the photos.".into());

    // The day before the 16th birthday: a parent must consent.
    let err = record(&mut conn, &dsl(), &own, today()).expect_err("15 cannot consent alone");
    assert!(
        matches!(&err, ConsentError::AgeRule(m) if m.contains("they were 15") && m.contains("parent or carer")),
        "{err}"
    );

    // On the birthday, with no judgement written: refused, saying what is missing.
    own.given_on = dob.with_year(2026).expect("birthday");
    own.judgement = None;
    let err = record(&mut conn, &dsl(), &own, today()).expect_err("needs a judgement");
    assert!(matches!(&err, ConsentError::AgeRule(m) if m.contains("judgement")), "{err}");

    own.judgement = Some("Talked it through; understood who could see the photos.".into());
    let saved = record(&mut conn, &dsl(), &own, today()).expect("16 on the day");
    assert_eq!(saved.giver_name, "Jo Reyes");
    assert!(ask(&conn, &[&teen], "website", today()).allowed);
}

use chrono::Datelike;

#[test]
fn the_configured_age_is_the_rule_enforced() {
    let mut conn = test_db();
    save_consent_settings(&mut conn, &dsl(), 60, 18).expect("settings");
    let teen = person(&mut conn, "Jo Reyes", PersonGroup::YoungPerson, Some(day(2009, 1, 1)));
    let mut own = parent_draft(&teen, day(2026, 6, 14), &["website"]);
    own.giver = Giver::Myself;
    own.judgement = Some("Understood.".into());
    let err = record(&mut conn, &dsl(), &own, today()).expect_err("17 needs a parent when the rule says 18");
    assert!(matches!(&err, ConsentError::AgeRule(m) if m.contains("under 18")), "{err}");
    let saved =
        record(&mut conn, &dsl(), &parent_draft(&teen, day(2026, 6, 14), &["website"]), today()).expect("parent");
    assert_eq!(saved.expires_on, day(2031, 6, 14), "five-year default");
}

#[test]
fn a_parent_of_an_under_sixteen_needs_parental_responsibility() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let mut draft = parent_draft(&kid, day(2026, 3, 1), &["website"]);
    draft.parental_responsibility = false;
    let err = record(&mut conn, &dsl(), &draft, today()).expect_err("needs PR");
    assert!(matches!(err, ConsentError::AgeRule(_)));
    assert!(for_person(&conn, &kid).expect("list").is_empty(), "nothing saved");
}

#[test]
fn withdrawal_keeps_the_record_and_lists_publications_before_and_after_it() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let other = person(&mut conn, "Lee Marsh", PersonGroup::YoungPerson, Some(day(2012, 2, 2)));
    let consent = record(&mut conn, &dsl(), &parent_draft(&kid, day(2026, 3, 1), &["website", "print"]), today())
        .expect("record");
    record(&mut conn, &dsl(), &parent_draft(&other, day(2026, 3, 1), &["website", "print"]), today()).expect("other");
    let publish = |conn: &mut Connection, on: NaiveDate, use_key: &str, who: Vec<String>| {
        let draft = PublicationDraft {
            published_on: on,
            use_key: use_key.into(),
            description: format!("Photos {on}"),
            link: Some("https://example.org/news".into()),
            person_ids: who,
        };
        add_publication(conn, &dsl(), &draft, today()).expect("publish")
    };
    let before = publish(&mut conn, day(2026, 4, 1), "website", vec![kid.clone(), other.clone()]);
    let newsletter = publish(&mut conn, day(2026, 4, 2), "print", vec![kid.clone()]);
    assert!(takedown_list(&conn, today(), None).expect("list").is_empty(), "nothing to take down yet");

    let withdrawal = Withdrawal { on: day(2026, 5, 4), how: "By email".into(), recorded_by: String::new(), note: None };
    let withdrawn = withdraw(&mut conn, &dsl(), &consent.id, &withdrawal, today()).expect("withdraw");
    assert_eq!(withdrawn.withdrawal.as_ref().map(|w| w.on), Some(day(2026, 5, 4)));
    assert_eq!(for_person(&conn, &kid).expect("history").len(), 1, "the record stays");
    // A publication after the withdrawal (a mistake) must come down too.
    let after = publish(&mut conn, day(2026, 6, 1), "website", vec![kid.clone()]);

    let list = takedown_list(&conn, today(), None).expect("list");
    let ids: Vec<&str> = list.iter().map(|t| t.publication_id.as_str()).collect();
    assert_eq!(ids, vec![before.id.as_str(), newsletter.id.as_str(), after.id.as_str()]);
    assert!(list.iter().all(|t| t.person_id == kid), "only the withdrawn person");
    assert_eq!(list[0].why, "Consent withdrawn on 4 May 2026.");

    // Still a yes on the day before the withdrawal.
    assert!(ask(&conn, &[&kid], "website", day(2026, 5, 3)).allowed);
    assert!(!ask(&conn, &[&kid], "website", day(2026, 5, 4)).allowed);

    record_takedown(
        &mut conn,
        &dsl(),
        &TakedownDone {
            publication_id: before.id.clone(),
            person_id: kid.clone(),
            removed: true,
            done_on: today(),
            done_by: "Web volunteer".into(),
            note: None,
        },
        today(),
    )
    .expect("tick");
    let left = takedown_list(&conn, today(), None).expect("list");
    assert_eq!(left.len(), 2);
    assert!(audit::verify(&conn).expect("verify").verified);

    let again = withdraw(&mut conn, &dsl(), &consent.id, &withdrawal, today()).expect_err("twice");
    assert!(matches!(again, ConsentError::AlreadyWithdrawn));
}

#[test]
fn expiry_takes_down_what_is_still_on_show_but_not_print() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    record(&mut conn, &dsl(), &parent_draft(&kid, day(2025, 1, 10), &["website", "print"]), today()).expect("record");
    for (on, use_key) in [(day(2025, 2, 1), "website"), (day(2025, 2, 2), "print")] {
        let draft = PublicationDraft {
            published_on: on,
            use_key: use_key.into(),
            description: "Spring fair".into(),
            link: None,
            person_ids: vec![kid.clone()],
        };
        add_publication(&mut conn, &dsl(), &draft, today()).expect("publish");
    }
    let list = takedown_list(&conn, today(), None).expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].use_label, "Our website");
    assert_eq!(list[0].why, "Consent expired on 10 January 2026.");
}

#[test]
fn a_signing_station_consent_counts_only_once_confirmed() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let answers = yes_to(&["website"]);
    let station = StationConsent {
        about_name: "Sam Okafor",
        person_hint: Some(&kid),
        giver: Giver::ParentCarer,
        giver_name: "Dana Okafor",
        relationship: Some("Mother"),
        parental_responsibility: true,
        given_on: day(2026, 11, 1),
        form_version: wording::FORM_VERSION,
        answers: &answers,
        name_with_image: false,
        receipt: "K7-ABCD-EFGH",
        mark_png: None,
        mark_typed: Some("Dana Okafor"),
        withdraw_all: false,
    };
    let id = insert_from_station(&conn, &station).expect("insert");
    let waiting = ask(&conn, &[&kid], "website", today());
    assert_eq!(waiting.people[0].reason, Reason::AwaitingConfirmation);
    assert!(matches!(insert_from_station(&conn, &station), Err(ConsentError::DuplicateReceipt)));

    let confirmed = confirm(&mut conn, &dsl(), &id, &kid, None).expect("confirm");
    assert!(!confirmed.self_declared);
    assert!(ask(&conn, &[&kid], "website", today()).allowed);
    assert!(matches!(confirm(&mut conn, &dsl(), &id, &kid, None), Err(ConsentError::AlreadyConfirmed)));
    assert_eq!(unconfirmed(&conn).expect("list").len(), 0);
}

#[test]
fn a_withdrawal_at_the_signing_station_withdraws_the_consent_it_replaces_once_confirmed() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let first = record(&mut conn, &dsl(), &parent_draft(&kid, day(2026, 3, 1), &["website"]), today()).expect("record");
    let none = yes_to(&[]);
    let station = StationConsent {
        about_name: "Sam Okafor",
        person_hint: Some(&kid),
        giver: Giver::ParentCarer,
        giver_name: "Dana Okafor",
        relationship: Some("Mother"),
        parental_responsibility: true,
        given_on: day(2026, 11, 2),
        form_version: wording::FORM_VERSION,
        answers: &none,
        name_with_image: false,
        receipt: "K7-WXYZ-EFGH",
        mark_png: None,
        mark_typed: Some("Dana Okafor"),
        withdraw_all: true,
    };
    let id = insert_from_station(&conn, &station).expect("insert");
    assert!(!ask(&conn, &[&kid], "website", today()).allowed, "no at once, before anyone confirms");
    confirm(&mut conn, &dsl(), &id, &kid, None).expect("confirm");
    let earlier = get(&conn, &first.id).expect("first");
    assert_eq!(earlier.withdrawal.map(|w| w.on), Some(day(2026, 11, 2)));
}

#[test]
fn spoken_consent_needs_a_witness_and_dates_cannot_be_in_the_future() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let mut draft = parent_draft(&kid, day(2026, 3, 1), &["website"]);
    draft.method = Method::Verbal;
    let refused = record(&mut conn, &dsl(), &draft, today()).expect_err("no witness");
    assert!(matches!(refused, ConsentError::Missing(ConsentField::Witness)));
    assert_eq!(refused.to_string(), "Name the witness who heard the consent given aloud.");
    draft.method = Method::PaperForm;
    draft.given_on = day(2026, 11, 23);
    let refused = record(&mut conn, &dsl(), &draft, today()).expect_err("future");
    assert!(matches!(refused, ConsentError::DateInFuture(ConsentDate::Given)));
    assert_eq!(refused.to_string(), "The date consent was given cannot be in the future.");
    draft.given_on = day(2026, 3, 1);
    draft.notes = Some("n".repeat(MAX_TEXT + 1));
    let refused = record(&mut conn, &dsl(), &draft, today()).expect_err("long note");
    assert!(matches!(refused, ConsentError::TooLong { field: ConsentField::Note, max: MAX_TEXT }));
    assert_eq!(refused.to_string(), format!("The note is too long: keep it under {MAX_TEXT} characters."));
    draft.notes = None;
    draft.answers = vec![UseAnswer { use_key: "billboard".into(), allowed: true }];
    let refused = record(&mut conn, &dsl(), &draft, today()).expect_err("unknown use");
    assert!(matches!(refused, ConsentError::UnknownUse));
    assert_eq!(refused.to_string(), "One of the uses is not one Safekeeper knows. Reload the form.");
}

#[test]
fn a_later_form_replaces_the_earlier_one_whole() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    record(&mut conn, &dsl(), &parent_draft(&kid, day(2026, 1, 1), &["website", "press"]), today()).expect("first");
    record(&mut conn, &dsl(), &parent_draft(&kid, day(2026, 6, 1), &["website"]), today()).expect("second");
    assert!(ask(&conn, &[&kid], "press", day(2026, 5, 31)).allowed);
    assert_eq!(ask(&conn, &[&kid], "press", today()).people[0].reason, Reason::Refused);
}

#[test]
fn groups_hold_active_members_and_a_yes_can_be_logged_in_one_step() {
    let mut conn = test_db();
    let a = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let b = person(&mut conn, "Lee Marsh", PersonGroup::YoungPerson, Some(day(2012, 2, 2)));
    let group = save_group(&mut conn, &dsl(), None, "  Tuesday   club ").expect("group");
    assert_eq!(group.name, "Tuesday club");
    add_group_member(&mut conn, &dsl(), &group.id, &a).expect("a");
    add_group_member(&mut conn, &dsl(), &group.id, &b).expect("b");
    let (_, members) = group_members(&conn, &group.id).expect("members");
    assert_eq!(members.iter().map(|p| p.full_name.as_str()).collect::<Vec<_>>(), vec!["Lee Marsh", "Sam Okafor"]);
    let after = set_group_member(&mut conn, &dsl(), &group.id, &b, false).expect("out");
    assert_eq!(after.iter().map(|p| p.full_name.as_str()).collect::<Vec<_>>(), vec!["Sam Okafor"]);
    let after = set_group_member(&mut conn, &dsl(), &group.id, &b, true).expect("back in");
    assert_eq!(after.len(), 2);
    assert!(matches!(set_group_member(&mut conn, &dsl(), "nope", &b, true), Err(ConsentError::GroupNotFound)));

    record(&mut conn, &dsl(), &parent_draft(&a, day(2026, 3, 1), &["website"]), today()).expect("a");
    let both = CheckQuestion { person_ids: vec![a.clone(), b.clone()], use_key: "website".into(), with_name: false };
    let err = publish_checked(&mut conn, &dsl(), &both, "Club night", None, today()).expect_err("b has no consent");
    assert!(matches!(&err, ConsentError::CheckSaysNo { refused: 1 }), "{err:?}");
    assert!(err.to_string().contains(" Nothing was logged."), "{err}");
    assert!(publications(&conn, None).expect("log").is_empty());

    let just_a = CheckQuestion { person_ids: vec![a.clone()], use_key: "website".into(), with_name: false };
    let logged = publish_checked(&mut conn, &dsl(), &just_a, "Club night", None, today()).expect("logged");
    assert_eq!(logged.published_on, today());
    assert_eq!(publications(&conn, Some(&a)).expect("a's").len(), 1);
    assert!(publications(&conn, Some(&b)).expect("b's").is_empty());
}

#[test]
fn publishing_refused_by_the_check_names_no_one_in_the_error() {
    let mut conn = test_db();
    let a = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let b = person(&mut conn, "Lee Marsh", PersonGroup::YoungPerson, Some(day(2012, 2, 2)));
    let c = person(&mut conn, "Ada Quist", PersonGroup::YoungPerson, Some(day(2012, 3, 3)));
    record(&mut conn, &dsl(), &parent_draft(&a, day(2026, 3, 1), &["website"]), today()).expect("a");
    let check = |ids: &[&String]| CheckQuestion {
        person_ids: ids.iter().map(|id| (*id).clone()).collect(),
        use_key: "website".into(),
        with_name: false,
    };
    for (ids, said) in [(vec![&a, &b], "one person"), (vec![&a, &b, &c], "2 people")] {
        let err = publish_checked(&mut conn, &dsl(), &check(&ids), "Club night", None, today()).expect_err("refused");
        let message = err.to_string();
        for name in ["Sam", "Okafor", "Lee", "Marsh", "Ada", "Quist"] {
            assert!(!message.contains(name), "the error names someone: {message}");
        }
        assert!(message.contains(said), "{message}");
        assert!(message.contains("Nothing was logged."), "{message}");
        assert!(message.contains("to see who"), "it says where to find out who: {message}");
        assert_eq!(err.code(), crate::error::ErrorCode::ConsentInvalid);
    }
    let nobody = publish_checked(&mut conn, &dsl(), &check(&[]), "Club night", None, today()).expect_err("no one");
    assert_eq!(nobody.to_string(), "Choose the people in the image. Nothing was logged.");
    assert!(publications(&conn, None).expect("log").is_empty());
}

#[test]
fn each_consent_in_a_history_says_where_it_stands_in_the_checks_own_terms() {
    let mut conn = test_db();
    let kid = person(&mut conn, "Sam Okafor", PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
    let first = record(&mut conn, &dsl(), &parent_draft(&kid, day(2025, 1, 1), &["website"]), today()).expect("first");
    let second =
        record(&mut conn, &dsl(), &parent_draft(&kid, day(2026, 6, 1), &["website"]), today()).expect("second");
    let view = person_view(&conn, &kid, today()).expect("view");
    assert_eq!(view.history_states[&first.id], "Replaced by a later consent");
    assert_eq!(view.history_states[&second.id], "In force; it expires on 1 June 2027");
    // As at a day before the second was given, the first had already expired.
    let earlier = person_view(&conn, &kid, day(2026, 3, 1)).expect("view");
    assert_eq!(earlier.history_states[&first.id], "Expired on 1 January 2026");
    assert_eq!(earlier.history_states[&second.id], "Not yet given on 1 March 2026");
    // Withdrawn: said so, with the day.
    let withdrawal =
        Withdrawal { on: day(2026, 10, 1), how: "By email".into(), recorded_by: String::new(), note: None };
    withdraw(&mut conn, &dsl(), &second.id, &withdrawal, today()).expect("withdraw");
    assert_eq!(
        person_view(&conn, &kid, today()).expect("view").history_states[&second.id],
        "Withdrawn on 1 October 2026"
    );
}

#[test]
fn a_page_of_the_takedown_list_is_the_start_of_the_whole_list_and_the_count_stops_at_its_cap() {
    let mut conn = test_db();
    let mut kids = Vec::new();
    for (i, name) in ["Ada", "Bea", "Cal", "Dev", "Eli", "Fay", "Gus"].iter().enumerate() {
        let kid = person(&mut conn, &format!("{name} Okafor"), PersonGroup::YoungPerson, Some(day(2013, 5, 1)));
        // Odd ones said yes to the website and still do; even ones said no to it.
        let uses: &[&str] = if i % 2 == 1 { &["website", "print"] } else { &["print"] };
        record(&mut conn, &dsl(), &parent_draft(&kid, day(2026, 3, 1), uses), today()).expect("record");
        kids.push(kid);
    }
    let mut publications = Vec::new();
    for n in 0..30u64 {
        // Several on the same day, logged out of date order, so ties and the index both matter.
        let on = day(2026, 9, 1) + chrono::Days::new((n * 7) % 11);
        let who: Vec<String> = kids
            .iter()
            .enumerate()
            .filter(|(i, _)| !(*i as u64 + n).is_multiple_of(3))
            .map(|(_, k)| k.clone())
            .collect();
        let draft = PublicationDraft {
            published_on: on,
            use_key: if n % 4 == 3 { "print".into() } else { "website".into() },
            description: format!("Photos {n}"),
            link: None,
            person_ids: who,
        };
        publications.push(add_publication(&mut conn, &dsl(), &draft, today()).expect("publish").id);
    }
    // Tick one off: it leaves the list.
    let first = takedown_list(&conn, today(), None).expect("list").remove(0);
    let done = TakedownDone {
        publication_id: first.publication_id.clone(),
        person_id: first.person_id.clone(),
        removed: true,
        done_on: today(),
        done_by: "Web volunteer".into(),
        note: None,
    };
    record_takedown(&mut conn, &dsl(), &done, today()).expect("tick");

    let whole = takedown_list(&conn, today(), None).expect("list");
    assert!(whole.len() > 40, "a long list to page through: {}", whole.len());
    assert!(!whole.iter().any(|t| t.publication_id == first.publication_id && t.person_id == first.person_id));
    assert!(whole.iter().all(|t| t.use_label == "Our website" && t.reason == Reason::Refused));
    let dates: Vec<NaiveDate> = whole.iter().map(|t| t.published_on).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "oldest publication first");
    for limit in [0, 1, 2, 7, 20, whole.len() - 1, whole.len(), whole.len() + 5] {
        let page = takedown_page(&conn, today(), None, Some(limit)).expect("page");
        assert_eq!(page, whole[..limit.min(whole.len())], "page of {limit}");
    }
    for kid in &kids {
        let theirs = takedown_list(&conn, today(), Some(kid)).expect("one person's");
        let from_whole: Vec<&TakedownItem> = whole.iter().filter(|t| &t.person_id == kid).collect();
        assert_eq!(theirs.iter().collect::<Vec<_>>(), from_whole, "one person's list is their part of the whole");
    }
    let total = u32::try_from(whole.len()).expect("small");
    assert_eq!(takedown_count(&conn, today(), 1000).expect("count"), TakedownCount { count: total, more: false });
    assert_eq!(takedown_count(&conn, today(), total).expect("count"), TakedownCount { count: total, more: false });
    assert_eq!(
        takedown_count(&conn, today(), total - 1).expect("count"),
        TakedownCount { count: total - 1, more: true }
    );
    assert_eq!(takedown_count(&conn, today(), 5).expect("count"), TakedownCount { count: 5, more: true });
}
