//! The trustee report's figures on a test vault planted with records inside the period, outside
//! it and on both boundary days. `planted()` is shared with the form's tests.

use chrono::{NaiveDate, TimeZone, Utc};
use rusqlite::Connection;

use super::*;
use crate::records::consent::{self, ConsentDraft, Giver, Method, UseAnswer, Withdrawal, FIXED_USES};
use crate::records::incidents::{
    self, EntryBody, IncidentSource, InvolvedPerson, Judgement, JudgementDecision, NewIncident, Outcome, Referral,
    Report, Role, RouteStep, RouteStepKind, SignOff, Status, StatusChange,
};
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::policies::{self, PolicyReview, ReviewTrigger};
use crate::records::signatures::{self, OnScreenSignature, SignatureMark, Signer};
use crate::records::test_support;
use crate::records::training::{self, Completion};
use crate::records::{aup, test_db};
use crate::store::audit::Actor;

pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
}

pub(crate) const FROM: (i32, u32, u32) = (2026, 9, 1);
pub(crate) const TO: (i32, u32, u32) = (2026, 12, 1);

pub(crate) fn today() -> NaiveDate {
    day(2026, 12, 2)
}

/// A young person's name planted in the people register, an incident and a consent: it must
/// never reach the report.
pub(crate) const YOUNG_NAME: &str = "Zephyrine Quillfeather";
pub(crate) const STAFF_NAME: &str = "Oswin Hartigan";

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

fn person(conn: &mut Connection, name: &str, group: PersonGroup) -> String {
    let draft = PersonDraft {
        date_of_birth: (group == PersonGroup::YoungPerson).then(|| day(2012, 5, 5)),
        ..test_support::draft(group, name)
    };
    people::add(conn, &dsl(), &draft).expect("add person").id
}

fn incident(conn: &mut Connection, on: NaiveDate, category: Category) -> String {
    let report = Report {
        occurred_on: on,
        occurred_at_time: None,
        reported_on: on,
        how_reported: "In person".into(),
        reported_by: "Youth worker".into(),
        reported_to: "The DSL".into(),
        place: "Club".into(),
        platform: "Chat app".into(),
        device: "Phone".into(),
        category,
        kind: IncidentKind::Cyberbullying,
        facts: format!("Messages about {YOUNG_NAME} were shared."),
        own_words: None,
        opinion: None,
    };
    let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &report };
    incidents::create(conn, &dsl(), &new, today()).expect("create incident").id
}

fn add(conn: &mut Connection, id: &str, body: EntryBody) -> String {
    incidents::add_entry(conn, &dsl(), id, &body, today()).expect("add entry").id
}

fn referral(agency: Agency, on: NaiveDate) -> EntryBody {
    EntryBody::Referral(Referral { agency, other_agency: None, on, reference: None, outcome: None })
}

/// Judges the incident unsuitable and records every step of that route, so it can close.
fn walk_unsuitable_route(conn: &mut Connection, id: &str) {
    let judged = JudgementDecision {
        on: today(),
        by: "The DSL".into(),
        judgement: Judgement::Unsuitable,
        reason: "Nothing unlawful.".into(),
    };
    add(conn, id, EntryBody::Judgement(judged));
    for step in [
        RouteStepKind::CoordinatorTold,
        RouteStepKind::Reviewed,
        RouteStepKind::ActionAndSanctions,
        RouteStepKind::PoliciesAndToolsReviewed,
    ] {
        let details = Some("Done".to_owned());
        let on = today();
        add(
            conn,
            id,
            EntryBody::Step(RouteStep {
                step,
                on,
                by: "The DSL".into(),
                details,
                reference: None,
                illegal_found: None,
            }),
        );
    }
}

fn close(conn: &mut Connection, id: &str, sanctions: Option<&str>) {
    let outcome = Outcome {
        outcome: "Resolved".into(),
        sanctions: sanctions.map(str::to_owned),
        lessons_learnt: None,
        policy_changes: None,
    };
    add(conn, id, EntryBody::Outcome(outcome));
    walk_unsuitable_route(conn, id);
    let change = StatusChange {
        to: Status::Closed,
        sign_off: Some(SignOff { name: "The DSL".into(), on: today() }),
        reason: None,
    };
    incidents::change_status(conn, &dsl(), id, &change, today()).expect("close");
}

/// The planted vault: see each block for what falls inside 1 September to 1 December 2026.
pub(crate) fn planted() -> Connection {
    let mut conn = test_db();
    let young = person(&mut conn, YOUNG_NAME, PersonGroup::YoungPerson);
    let young_none = person(&mut conn, "Kit Lowther", PersonGroup::YoungPerson);
    let young_withdrawn = person(&mut conn, "Rue Pemberton", PersonGroup::YoungPerson);
    let staff_in_date = person(&mut conn, STAFF_NAME, PersonGroup::Staff);
    let staff_overdue = person(&mut conn, "Mabel Strand", PersonGroup::Staff);
    let _ = young_none;

    // Incidents: the day before the period and the day after it are outside.
    let before = incident(&mut conn, day(2026, 8, 31), Category::Content);
    // A referral made in the period for an incident from before it still counts as a referral.
    add(&mut conn, &before, referral(Agency::ChildrensSocialCare, day(2026, 9, 5)));
    let first_day = incident(&mut conn, day(2026, 9, 1), Category::Contact);
    add(
        &mut conn,
        &first_day,
        EntryBody::Person(InvolvedPerson {
            person_id: Some(young.clone()),
            name: YOUNG_NAME.into(),
            role: Role::SubjectOrVictim,
        }),
    );
    // Recorded as the police, then corrected: only the corrected agency counts.
    let police = add(&mut conn, &first_day, referral(Agency::Police, day(2026, 9, 2)));
    incidents::amend(
        &mut conn,
        &dsl(),
        &first_day,
        &police,
        &referral(Agency::InternetWatchFoundation, day(2026, 9, 2)),
        "Wrong agency chosen",
        today(),
    )
    .expect("amend");
    close(&mut conn, &first_day, None);
    let sanctioned = incident(&mut conn, day(2026, 10, 15), Category::Conduct);
    close(&mut conn, &sanctioned, Some("Phone use suspended for a month"));
    let restricted = incident(&mut conn, day(2026, 11, 10), Category::Conduct);
    add(&mut conn, &restricted, referral(Agency::Lado, day(2026, 11, 11)));
    incidents::set_access(&mut conn, &dsl(), &restricted, true, &["admin-dsl".to_owned()]).expect("restrict");
    let last_day = incident(&mut conn, day(2026, 12, 1), Category::Commerce);
    close(&mut conn, &last_day, None);
    let after = incident(&mut conn, day(2026, 12, 2), Category::Content);
    add(&mut conn, &after, referral(Agency::Ceop, day(2026, 12, 2)));

    // Training: one staff member in date on the online-safety update, one overdue.
    for (who, on) in [(&staff_in_date, day(2026, 3, 1)), (&staff_overdue, day(2025, 6, 1))] {
        let completion = Completion {
            course_id: "course-online-safety".into(),
            completed_on: on,
            provider: "In house".into(),
            notes: None,
            person_ids: vec![who.clone()],
        };
        training::record(&mut conn, &dsl(), &completion, today()).expect("training");
    }

    // The staff AUP, signed by one of the two staff.
    let staff_aup = aup::create(
        &mut conn,
        &dsl(),
        aup::Audience::StaffVolunteers,
        &aup::template(aup::Audience::StaffVolunteers, "Riverside", "The DSL"),
    )
    .expect("aup");
    let version = aup::publish(&mut conn, &dsl(), &staff_aup.id).expect("publish");
    let signature = OnScreenSignature {
        version_id: version.id.clone(),
        signer: Signer::Person { person_id: staff_in_date.clone() },
        signed_at: "2026-09-10T10:00:00+00:00".into(),
        mark: SignatureMark::Drawn { png: b"\x89PNG\r\n\x1a\nfake-but-headed".to_vec() },
        countersignature: None,
        receipt: None,
    };
    signatures::record_on_screen(&mut conn, &dsl(), &signature).expect("sign");

    // Image consent: one in force, one withdrawn, one young person with none.
    for who in [&young, &young_withdrawn] {
        let draft = ConsentDraft {
            person_id: who.clone(),
            giver: Giver::ParentCarer,
            giver_name: "Dana Parent".into(),
            relationship: Some("Mother".into()),
            parental_responsibility: true,
            judgement: None,
            method: Method::PaperForm,
            witness: None,
            given_on: day(2026, 10, 1),
            form_version: consent::wording::FORM_VERSION.into(),
            expires_on: None,
            answers: FIXED_USES.iter().map(|u| UseAnswer { use_key: (*u).into(), allowed: true }).collect(),
            name_with_image: false,
            notes: None,
        };
        let saved = consent::record(&mut conn, &dsl(), &draft, today()).expect("consent");
        if who == &young_withdrawn {
            let withdrawal =
                Withdrawal { on: day(2026, 11, 1), how: "By email".into(), recorded_by: String::new(), note: None };
            consent::withdraw(&mut conn, &dsl(), &saved.id, &withdrawal, today()).expect("withdraw");
        }
    }

    // Policies: online safety reviewed on the first day; data protection the day before.
    for (policy, on) in [("policy-online-safety", day(2026, 9, 1)), ("policy-data-protection", day(2026, 8, 31))] {
        let review = PolicyReview {
            version: "1".into(),
            reviewed_on: on,
            lead: "The DSL".into(),
            change: None,
            trigger: ReviewTrigger::NewPolicy,
            approved_by: Some("Board of trustees".into()),
            approved_on: Some(on),
            next_review: None,
        };
        policies::record_review(&mut conn, &dsl(), policy, &review, today()).expect("review");
    }
    conn
}

pub(crate) fn planted_figures(conn: &Connection) -> TrusteeFigures {
    let now = Utc.with_ymd_and_hms(2026, 12, 2, 12, 0, 0).single().expect("a real instant");
    figures_at(conn, day(FROM.0, FROM.1, FROM.2), day(TO.0, TO.1, TO.2), today(), now).expect("figures")
}

fn count_of<T: PartialEq + Copy>(list: &[(T, u32)], wanted: T) -> u32 {
    list.iter().find(|(k, _)| *k == wanted).map(|(_, n)| *n).expect("every key is listed")
}

#[test]
fn incidents_on_both_boundary_days_count_and_those_outside_do_not() {
    let f = planted_figures(&planted());
    assert_eq!(f.incidents.total, 4);
    assert_eq!(f.incidents.restricted, 1, "the restricted incident is counted, not hidden");
    let by = &f.incidents.by_category;
    assert_eq!(count_of(by, Category::Content), 0, "both content incidents fall outside the period");
    assert_eq!(count_of(by, Category::Contact), 1);
    assert_eq!(count_of(by, Category::Conduct), 2);
    assert_eq!(count_of(by, Category::Commerce), 1);
}

#[test]
fn each_incident_has_one_outcome_class_and_open_ones_are_not_yet_closed() {
    let f = planted_figures(&planted());
    let by = &f.incidents.by_outcome;
    assert_eq!(count_of(by, OutcomeClass::NotYetClosed), 1);
    assert_eq!(count_of(by, OutcomeClass::ClosedReferred), 1);
    assert_eq!(count_of(by, OutcomeClass::ClosedWithSanctions), 1);
    assert_eq!(count_of(by, OutcomeClass::ClosedInternally), 1);
    assert_eq!(by.iter().map(|(_, n)| n).sum::<u32>(), f.incidents.total);
}

#[test]
fn incidents_count_by_their_current_judgement_and_the_judgements_add_up_to_the_total() {
    let f = planted_figures(&planted());
    let by = &f.incidents.by_judgement;
    // The three closed incidents in the period walked the unsuitable route; the open one is not
    // yet judged.
    assert_eq!(by, &vec![(Judgement::Illegal, 0), (Judgement::Unsuitable, 3), (Judgement::NotYetDecided, 1)]);
    assert_eq!(by.iter().map(|(_, n)| n).sum::<u32>(), f.incidents.total);
}

#[test]
fn referrals_count_by_their_own_date_and_an_amended_agency_replaces_the_original() {
    let f = planted_figures(&planted());
    assert_eq!(count_of(&f.referrals, Agency::InternetWatchFoundation), 1);
    assert_eq!(count_of(&f.referrals, Agency::Police), 0, "the police referral was corrected");
    assert_eq!(count_of(&f.referrals, Agency::ChildrensSocialCare), 1, "made in the period for an older incident");
    assert_eq!(count_of(&f.referrals, Agency::Lado), 1, "restricted incidents' referrals count too");
    assert_eq!(count_of(&f.referrals, Agency::Ceop), 0, "made the day after the period");
    assert_eq!(f.referral_total(), 3);
}

#[test]
fn training_compliance_counts_required_courses_in_date_per_course_and_overall() {
    let f = planted_figures(&planted());
    let online = f.training.courses.iter().find(|c| c.name == "Online-safety update").expect("course listed");
    assert_eq!((online.required, online.in_date, online.overdue, online.never_done), (2, 1, 1, 0));
    assert_eq!(online.percent(), Some(50));
    let all = &f.training.overall;
    assert_eq!(all.required, f.training.courses.iter().map(|c| c.required).sum::<u32>());
    assert_eq!(all.in_date, 1);
    assert_eq!(all.overdue, 1);
    assert_eq!(f.training.people, 2, "young people are not asked to train");
}

#[test]
fn aup_coverage_counts_signers_of_the_current_version() {
    let f = planted_figures(&planted());
    assert_eq!(f.aups.len(), 1);
    let staff = &f.aups[0];
    assert_eq!((staff.signed_current, staff.needs_resign, staff.never_signed), (1, 0, 1));
    assert_eq!(staff.expected(), 2);
}

#[test]
fn consent_coverage_sorts_young_people_by_where_their_consent_stands() {
    let f = planted_figures(&planted());
    let c = &f.consent;
    assert_eq!(c.young_people, 3);
    assert_eq!((c.current, c.withdrawn, c.none, c.expired, c.awaiting_confirmation), (1, 1, 1, 0, 0));
    assert_eq!(c.not_valid_for_age, 0);
}

#[test]
fn a_consent_that_does_not_count_for_their_age_is_not_counted_as_in_force() {
    // Regression: the trustee report counted any unexpired, unwithdrawn consent as in force, while
    // the person's page and the photo check said no under the age rule.
    let mut conn = planted();
    let draft = PersonDraft {
        date_of_birth: Some(day(2009, 1, 10)),
        ..test_support::draft(PersonGroup::YoungPerson, "Gus Hale")
    };
    let gus = people::add(&mut conn, &dsl(), &draft).expect("add").id;
    let own = ConsentDraft {
        person_id: gus,
        giver: Giver::Myself,
        giver_name: String::new(),
        relationship: None,
        parental_responsibility: false,
        judgement: Some("Understood who would see the photographs.".into()),
        method: Method::PaperForm,
        witness: None,
        given_on: day(2026, 10, 1),
        form_version: consent::wording::FORM_VERSION.into(),
        expires_on: None,
        answers: FIXED_USES.iter().map(|u| UseAnswer { use_key: (*u).into(), allowed: true }).collect(),
        name_with_image: false,
        notes: None,
    };
    consent::record(&mut conn, &dsl(), &own, today()).expect("17 with a judgement, under the usual age of 16");
    assert_eq!(planted_figures(&conn).consent.current, 2);
    let months = consent::consent_settings(&conn).expect("settings").default_months;
    consent::save_consent_settings(&mut conn, &dsl(), months, 18).expect("raise the age to 18");
    let c = planted_figures(&conn).consent;
    assert_eq!((c.current, c.not_valid_for_age, c.young_people), (1, 1, 4));
}

#[test]
fn policy_reviews_count_only_inside_the_period_and_unreviewed_policies_need_review() {
    let f = planted_figures(&planted());
    assert_eq!(f.policies.reviews_in_period(), 1);
    let online = f.policies.policies.iter().find(|p| p.name == "Online safety").expect("listed");
    assert_eq!(online.reviewed_in_period, vec![day(2026, 9, 1)]);
    let data = f.policies.policies.iter().find(|p| p.name == "Data protection").expect("listed");
    assert!(data.reviewed_in_period.is_empty(), "reviewed the day before the period");
    assert_eq!(f.policies.needing_review(), f.policies.policies.len() - 2);
}

#[test]
fn backup_status_says_none_until_one_is_verified() {
    let conn = planted();
    let f = planted_figures(&conn);
    assert_eq!(f.backup.last_verified, None);
    assert!(f.backup.due);
    conn.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('last_verified_backup', '2026-11-30T09:00:00Z')",
        [],
    )
    .expect("setting");
    let f = planted_figures(&conn);
    assert_eq!(f.backup.last_verified.as_deref(), Some("2026-11-30T09:00:00Z"));
    assert!(!f.backup.due, "two days old is within the reminder");
}

#[test]
fn a_backwards_or_future_period_is_refused() {
    let conn = test_db();
    let backwards = figures(&conn, day(2026, 10, 1), day(2026, 9, 1), today()).err().map(|e| e.code());
    assert_eq!(backwards, Some(crate::error::ErrorCode::ReportPeriodBackwards));
    let future = figures(&conn, day(2026, 10, 1), day(2026, 12, 3), today()).err().map(|e| e.code());
    assert_eq!(future, Some(crate::error::ErrorCode::ReportPeriodInFuture));
}
