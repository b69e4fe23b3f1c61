use chrono::NaiveDate;

use super::*;
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::test_db;
use crate::records::test_support;
use crate::store::audit::Actor;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
}

const TODAY: (i32, u32, u32) = (2026, 11, 22);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

fn deputy() -> Actor {
    Actor::Admin("admin-deputy".into())
}

fn report() -> Report {
    Report {
        occurred_on: day(2026, 11, 20),
        occurred_at_time: Some("16:05".into()),
        reported_on: day(2026, 11, 21),
        how_reported: "In person".into(),
        reported_by: "Youth worker on shift".into(),
        reported_to: "The DSL".into(),
        place: "Youth club".into(),
        platform: "Group chat".into(),
        device: "Own phone".into(),
        category: Category::Conduct,
        kind: IncidentKind::Cyberbullying,
        facts: "Messages mocking a member were shared in the club group chat.".into(),
        own_words: Some("They keep posting about me.".into()),
        opinion: None,
    }
}

fn new_incident(conn: &mut rusqlite::Connection) -> Incident {
    let r = report();
    create(
        conn,
        &dsl(),
        &NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &r },
        today(),
    )
    .expect("create")
}

fn outcome() -> EntryBody {
    EntryBody::Outcome(Outcome {
        outcome: "Restorative meeting held; group chat rules agreed.".into(),
        sanctions: None,
        lessons_learnt: Some("Explain reporting routes at induction.".into()),
        policy_changes: None,
    })
}

fn close_with(sign_off: Option<SignOff>) -> StatusChange {
    StatusChange { to: Status::Closed, sign_off, reason: None }
}

fn judge(judgement: Judgement, reason: &str) -> EntryBody {
    EntryBody::Judgement(JudgementDecision {
        on: today(),
        by: "Morgan Ellis, DSL".into(),
        judgement,
        reason: reason.into(),
    })
}

fn step(step: RouteStepKind) -> RouteStep {
    RouteStep { step, on: today(), by: "Morgan Ellis".into(), details: None, reference: None, illegal_found: None }
}

fn with_details(step: RouteStep, details: &str) -> RouteStep {
    RouteStep { details: Some(details.into()), ..step }
}

/// Judges the incident unsuitable and records every step of that route.
fn walk_unsuitable_route(conn: &mut rusqlite::Connection, incident_id: &str) {
    add_entry(conn, &dsl(), incident_id, &judge(Judgement::Unsuitable, "Unkind messages; nothing unlawful."), today())
        .expect("judgement");
    for s in [
        step(RouteStepKind::CoordinatorTold),
        step(RouteStepKind::Reviewed),
        with_details(step(RouteStepKind::ActionAndSanctions), "Restorative meeting; two weeks off the group chat."),
        step(RouteStepKind::PoliciesAndToolsReviewed),
    ] {
        add_entry(conn, &dsl(), incident_id, &EntryBody::Step(s), today()).expect("route step");
    }
}

fn route_of(conn: &rusqlite::Connection, incident_id: &str) -> Route {
    get(conn, &dsl(), incident_id).expect("get").route
}

fn open_steps(route: &Route) -> Vec<RouteStepKind> {
    route.steps.iter().filter(|s| s.done.is_none()).map(|s| s.step).collect()
}

#[test]
fn the_judgement_is_a_decision_that_can_change_and_every_change_stays_in_the_chronology() {
    let mut conn = test_db();
    let incident = new_incident(&mut conn);
    let route = route_of(&conn, &incident.id);
    assert_eq!(route.judgement, Judgement::NotYetDecided);
    assert!(route.decided.is_none() && route.steps.is_empty());

    add_entry(&mut conn, &dsl(), &incident.id, &judge(Judgement::Unsuitable, "Name-calling only."), today())
        .expect("first judgement");
    add_entry(&mut conn, &dsl(), &incident.id, &EntryBody::Step(step(RouteStepKind::CoordinatorTold)), today())
        .expect("DSL told");
    let route = route_of(&conn, &incident.id);
    assert_eq!(route.judgement, Judgement::Unsuitable);
    assert_eq!(
        open_steps(&route),
        vec![RouteStepKind::Reviewed, RouteStepKind::ActionAndSanctions, RouteStepKind::PoliciesAndToolsReviewed]
    );

    add_entry(&mut conn, &dsl(), &incident.id, &judge(Judgement::Illegal, "An indecent image was shared."), today())
        .expect("second judgement");
    let detail = get(&conn, &dsl(), &incident.id).expect("get");
    let judgements: Vec<Judgement> = detail
        .chronology
        .iter()
        .filter_map(|e| match &e.body {
            EntryBody::Judgement(j) => Some(j.judgement),
            _ => None,
        })
        .collect();
    assert_eq!(judgements, vec![Judgement::Unsuitable, Judgement::Illegal], "both judgements stay");
    let decided = detail.route.decided.clone().expect("decided");
    assert_eq!((decided.judgement, decided.by.as_str()), (Judgement::Illegal, "Morgan Ellis, DSL"));
    assert_eq!(decided.reason, "An indecent image was shared.");
    // The step already done counts on the new route too.
    assert_eq!(
        open_steps(&detail.route),
        vec![RouteStepKind::PoliceTold, RouteStepKind::EvidenceSecured, RouteStepKind::PoliceOutcome]
    );
    assert!(!detail.route.awaiting_police, "not waiting until the police have been told");
}

#[test]
fn the_illegal_route_tracks_the_police_and_the_evidence_and_awaits_the_police_response() {
    let mut conn = test_db();
    let incident = new_incident(&mut conn);
    add_entry(&mut conn, &dsl(), &incident.id, &judge(Judgement::Illegal, "Threats of violence."), today())
        .expect("judgement");
    let told = RouteStep { reference: Some("CAD 4471 / 21NOV".into()), ..step(RouteStepKind::PoliceTold) };
    add_entry(&mut conn, &dsl(), &incident.id, &EntryBody::Step(told), today()).expect("police told");
    let secured = with_details(step(RouteStepKind::EvidenceSecured), "Phone sealed in the office safe.");
    add_entry(&mut conn, &dsl(), &incident.id, &EntryBody::Step(secured), today()).expect("evidence");
    let route = route_of(&conn, &incident.id);
    assert!(route.awaiting_police);
    let police = route.steps.iter().find(|s| s.step == RouteStepKind::PoliceTold).expect("police step");
    assert_eq!(police.done.as_ref().and_then(|d| d.reference.as_deref()), Some("CAD 4471 / 21NOV"));
    assert_eq!(open_steps(&route), vec![RouteStepKind::CoordinatorTold, RouteStepKind::PoliceOutcome]);

    let response = RouteStep {
        illegal_found: Some(true),
        ..with_details(step(RouteStepKind::PoliceOutcome), "Charged; the police keep the phone.")
    };
    add_entry(&mut conn, &dsl(), &incident.id, &EntryBody::Step(response), today()).expect("police response");
    let route = route_of(&conn, &incident.id);
    assert!(!route.awaiting_police);
    assert_eq!(open_steps(&route), vec![RouteStepKind::CoordinatorTold], "no internal step when the police act");
}

#[test]
fn a_police_response_that_finds_nothing_illegal_sends_the_matter_back_to_internal_procedures() {
    let mut conn = test_db();
    let incident = new_incident(&mut conn);
    add_entry(&mut conn, &dsl(), &incident.id, &judge(Judgement::Illegal, "Possible extortion."), today())
        .expect("judgement");
    let response = RouteStep {
        illegal_found: Some(false),
        ..with_details(step(RouteStepKind::PoliceOutcome), "No offence found; no further police action.")
    };
    add_entry(&mut conn, &dsl(), &incident.id, &EntryBody::Step(response), today()).expect("police response");
    let route = route_of(&conn, &incident.id);
    assert_eq!(route.steps.last().map(|s| s.step), Some(RouteStepKind::BackToInternal));
    assert!(open_steps(&route).contains(&RouteStepKind::BackToInternal));
}

#[test]
fn closing_names_the_judgement_and_every_route_step_still_open() {
    let mut conn = test_db();
    let incident = new_incident(&mut conn);
    add_entry(&mut conn, &dsl(), &incident.id, &outcome(), today()).expect("outcome");
    let sign_off = || Some(SignOff { name: "Morgan Ellis".into(), on: today() });
    match change_status(&mut conn, &dsl(), &incident.id, &close_with(sign_off()), today()) {
        Err(IncidentError::CannotClose(missing)) => {
            assert_eq!(missing, vec!["a judgement: unsuitable or illegal material or activity"])
        }
        other => panic!("expected CannotClose, got {other:?}"),
    }
    add_entry(&mut conn, &dsl(), &incident.id, &judge(Judgement::Unsuitable, "Unkind messages."), today())
        .expect("judgement");
    add_entry(&mut conn, &dsl(), &incident.id, &EntryBody::Step(step(RouteStepKind::Reviewed)), today())
        .expect("reviewed");
    let refused = change_status(&mut conn, &dsl(), &incident.id, &close_with(sign_off()), today()).expect_err("open");
    assert_eq!(
        refused.to_string(),
        "To close this incident, add the route step \u{201c}Reported to the e-safety co-ordinator (DSL)\u{201d}, \
         the route step \u{201c}Action and sanctions decided\u{201d}, the route step \u{201c}Policies and tools \
         reviewed\u{201d}."
    );
    for s in [
        step(RouteStepKind::CoordinatorTold),
        with_details(step(RouteStepKind::ActionAndSanctions), "Apology and a week off the chat."),
        step(RouteStepKind::PoliciesAndToolsReviewed),
    ] {
        add_entry(&mut conn, &dsl(), &incident.id, &EntryBody::Step(s), today()).expect("step");
    }
    change_status(&mut conn, &dsl(), &incident.id, &close_with(sign_off()), today()).expect("closes");
}

#[test]
fn each_route_step_asks_for_what_it_records() {
    let check = |body: EntryBody| body.validated(today()).map_err(|e| e.to_string());
    assert_eq!(
        check(EntryBody::Step(step(RouteStepKind::PoliceTold))),
        Err("Enter the police reference number.".to_owned())
    );
    assert_eq!(
        check(EntryBody::Step(step(RouteStepKind::EvidenceSecured))),
        Err("Enter where the evidence is secured.".to_owned())
    );
    assert_eq!(
        check(EntryBody::Step(with_details(step(RouteStepKind::PoliceOutcome), "No further action."))),
        Err("Enter whether the police found illegal material or activity.".to_owned())
    );
    assert_eq!(
        check(EntryBody::Step(step(RouteStepKind::ActionAndSanctions))),
        Err("Enter the action and sanctions decided.".to_owned())
    );
    assert_eq!(check(judge(Judgement::Illegal, "  ")), Err("Enter the reason for the judgement.".to_owned()));
    let tomorrow = RouteStep { on: today().succ_opt().expect("date"), ..step(RouteStepKind::Reviewed) };
    assert_eq!(check(EntryBody::Step(tomorrow)), Err("The date of the step cannot be in the future.".to_owned()));
    // Fields a step does not use are dropped, not stored.
    let stray = RouteStep { reference: Some("X1".into()), illegal_found: Some(true), ..step(RouteStepKind::Reviewed) };
    let Ok(EntryBody::Step(kept)) = EntryBody::Step(stray).validated(today()) else { panic!("valid step") };
    assert_eq!((kept.reference, kept.illegal_found), (None, None));
}

#[test]
fn references_count_up_within_the_year() {
    let mut conn = test_db();
    assert_eq!(new_incident(&mut conn).reference, "INC-2026-0001");
    assert_eq!(new_incident(&mut conn).reference, "INC-2026-0002");
}

#[test]
fn an_amendment_adds_to_the_chronology_and_the_original_row_never_changes() {
    let mut conn = test_db();
    let incident = new_incident(&mut conn);
    let before = get(&conn, &dsl(), &incident.id).expect("get");
    let report_entry = before.chronology[0].clone();

    let mut corrected = report();
    corrected.category = Category::Contact;
    corrected.kind = IncidentKind::SexualAbuseOrExploitation;
    let amendment = amend(
        &mut conn,
        &dsl(),
        &incident.id,
        &report_entry.id,
        &EntryBody::Report(corrected),
        "Further messages show an adult was involved.",
        today(),
    )
    .expect("amend");

    let after = get(&conn, &dsl(), &incident.id).expect("get");
    assert_eq!(after.chronology.len(), 2);
    assert_eq!(after.chronology[0], report_entry, "the original entry is exactly as saved");
    assert_eq!(after.chronology[1].amends.as_deref(), Some(report_entry.id.as_str()));
    assert_eq!(after.current, vec![(report_entry.id.clone(), amendment.id.clone())]);
    assert_eq!(after.incident.category, Category::Contact, "lists follow the current version");

    // The database itself refuses to change or delete a saved entry.
    assert!(conn.execute("UPDATE incident_entries SET body = '{}' WHERE id = ?1", [&report_entry.id]).is_err());
    assert!(conn.execute("DELETE FROM incident_entries WHERE id = ?1", [&report_entry.id]).is_err());

    // Amending the amendment still points at the original, and needs a reason of the same kind.
    assert!(matches!(
        amend(&mut conn, &dsl(), &incident.id, &amendment.id, &EntryBody::Report(report()), "  ", today()),
        Err(IncidentError::AmendmentNeedsReason)
    ));
    assert!(matches!(
        amend(&mut conn, &dsl(), &incident.id, &amendment.id, &outcome(), "wrong kind", today()),
        Err(IncidentError::AmendmentKindMismatch)
    ));
    let second = amend(
        &mut conn,
        &dsl(),
        &incident.id,
        &amendment.id,
        &EntryBody::Report(report()),
        "Back to conduct.",
        today(),
    )
    .expect("second amendment");
    assert_eq!(second.amends.as_deref(), Some(report_entry.id.as_str()));
}

#[test]
fn closing_needs_an_outcome_and_a_sign_off_and_reopening_needs_a_reason() {
    let mut conn = test_db();
    let incident = new_incident(&mut conn);
    match change_status(&mut conn, &dsl(), &incident.id, &close_with(None), today()) {
        Err(IncidentError::CannotClose(missing)) => assert_eq!(missing.len(), 3, "{missing:?}"),
        other => panic!("expected CannotClose, got {other:?}"),
    }
    add_entry(&mut conn, &dsl(), &incident.id, &outcome(), today()).expect("outcome");
    walk_unsuitable_route(&mut conn, &incident.id);
    match change_status(&mut conn, &dsl(), &incident.id, &close_with(None), today()) {
        Err(IncidentError::CannotClose(missing)) => {
            assert_eq!(missing, vec!["the reviewing admin's sign-off (name and date)"])
        }
        other => panic!("expected CannotClose, got {other:?}"),
    }
    let sign_off = SignOff { name: "Morgan Ellis".into(), on: today() };
    change_status(&mut conn, &dsl(), &incident.id, &close_with(Some(sign_off)), today()).expect("close");
    assert_eq!(get(&conn, &dsl(), &incident.id).expect("get").incident.status, Status::Closed);

    // A closed incident takes nothing more until it is reopened, with a reason.
    let action = EntryBody::Action(Action { on: today(), by: "DSL".into(), what: "Called the parent back.".into() });
    assert!(matches!(add_entry(&mut conn, &dsl(), &incident.id, &action, today()), Err(IncidentError::Closed)));
    let reopen = StatusChange { to: Status::Open, sign_off: None, reason: None };
    let refused = change_status(&mut conn, &dsl(), &incident.id, &reopen, today()).expect_err("no reason");
    assert!(matches!(refused, IncidentError::ReopenNeedsReason));
    assert_eq!(refused.to_string(), "Say why the incident is being reopened.");
    let reopen = StatusChange { reason: Some("The family raised a new concern.".into()), ..reopen };
    change_status(&mut conn, &dsl(), &incident.id, &reopen, today()).expect("reopen");
    add_entry(&mut conn, &dsl(), &incident.id, &action, today()).expect("action after reopening");
    let statuses: Vec<Status> = get(&conn, &dsl(), &incident.id)
        .expect("get")
        .chronology
        .iter()
        .filter_map(|e| match &e.body {
            EntryBody::Status(s) => Some(s.to),
            _ => None,
        })
        .collect();
    assert_eq!(statuses, vec![Status::Closed, Status::Open]);
}

#[test]
fn a_role_belongs_to_the_person_in_this_incident_only() {
    let mut conn = test_db();
    let draft = |group, name: &str| PersonDraft {
        date_of_birth: (group == PersonGroup::YoungPerson).then(|| day(2011, 2, 3)),
        ..test_support::draft(group, name)
    };
    let jayden = people::add(&mut conn, &dsl(), &draft(PersonGroup::YoungPerson, "Jayden Clarke")).expect("add").id;
    let denise = people::add(&mut conn, &dsl(), &draft(PersonGroup::ParentCarer, "Denise Clarke")).expect("add").id;
    people::link_parent(&mut conn, &dsl(), &jayden, &denise).expect("link");
    let first = new_incident(&mut conn);
    let second = new_incident(&mut conn);
    let involved = |role| {
        EntryBody::Person(InvolvedPerson { person_id: Some(jayden.clone()), name: "Jayden Clarke".into(), role })
    };
    add_entry(&mut conn, &dsl(), &first.id, &involved(Role::Instigator), today()).expect("instigator");
    add_entry(&mut conn, &dsl(), &second.id, &involved(Role::SubjectOrVictim), today()).expect("victim");

    let roles = |person: &str| -> Vec<(String, String)> {
        conn.prepare("SELECT incident_id, role FROM incident_people WHERE person_id = ?1 ORDER BY role")
            .expect("prepare")
            .query_map([person], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    assert_eq!(
        roles(&jayden),
        vec![(first.id.clone(), "instigator".into()), (second.id.clone(), "subjectOrVictim".into())]
    );
    assert!(roles(&denise).is_empty(), "a linked parent takes no role from their child");
    let by_person = IncidentFilter { person_id: Some(denise.clone()), ..Default::default() };
    assert!(list(&conn, &dsl(), &by_person).expect("list").is_empty());
    let by_person = IncidentFilter { person_id: Some(jayden.clone()), ..Default::default() };
    assert_eq!(list(&conn, &dsl(), &by_person).expect("list").len(), 2);
}

#[test]
fn a_restricted_incident_is_invisible_to_admins_not_on_its_list() {
    let mut conn = test_db();
    let open = new_incident(&mut conn);
    let allegation = new_incident(&mut conn);
    assert!(matches!(
        set_access(&mut conn, &dsl(), &allegation.id, true, &["admin-other".into()]),
        Err(IncidentError::AccessNeedsYou)
    ));
    set_access(&mut conn, &dsl(), &allegation.id, true, &["admin-dsl".into()]).expect("restrict");

    let seen_by = |actor: &Actor| -> Vec<String> {
        list(&conn, actor, &IncidentFilter::default()).expect("list").into_iter().map(|i| i.id).collect()
    };
    assert_eq!(seen_by(&deputy()), vec![open.id.clone()]);
    assert_eq!(seen_by(&dsl()).len(), 2);
    assert_eq!(seen_by(&Actor::RecoveryKey).len(), 2);
    assert!(matches!(get(&conn, &deputy(), &allegation.id), Err(IncidentError::NotFound)));
    let note = EntryBody::Action(Action { on: today(), by: "Deputy".into(), what: "Tried to add".into() });
    assert!(matches!(add_entry(&mut conn, &deputy(), &allegation.id, &note, today()), Err(IncidentError::NotFound)));
    assert!(matches!(record_printed(&conn, &deputy(), &allegation.id, "report"), Err(IncidentError::NotFound)));

    // Every opening is in the audit trail, and the trail never holds what was written.
    get(&conn, &dsl(), &allegation.id).expect("open");
    let opened: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'incident.opened' AND subject_id = ?1",
            [&allegation.id],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(opened, 1);
    let leaked: i64 = conn
        .query_row("SELECT count(*) FROM audit WHERE detail LIKE '%group chat%' OR detail LIKE '%posting%'", [], |r| {
            r.get(0)
        })
        .expect("count");
    assert_eq!(leaked, 0);
}

#[test]
fn bad_entries_are_refused_with_what_to_fix() {
    let mut conn = test_db();
    let incident = new_incident(&mut conn);
    let mut future = report();
    future.occurred_on = day(2026, 12, 1);
    future.reported_on = day(2026, 12, 1);
    let err = create(
        &mut conn,
        &dsl(),
        &NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &future },
        today(),
    )
    .expect_err("future");
    assert!(err.to_string().contains("future"), "{err}");

    let not_told = EntryBody::ParentsInformed(ParentsInformed { informed: false, on: None, by: None, why_not: None });
    let err = add_entry(&mut conn, &dsl(), &incident.id, &not_told, today()).expect_err("needs a reason");
    assert!(err.to_string().contains("why the parents or carers were not told"), "{err}");

    let other = EntryBody::Referral(Referral {
        agency: Agency::Other,
        other_agency: None,
        on: today(),
        reference: None,
        outcome: None,
    });
    assert!(add_entry(&mut conn, &dsl(), &incident.id, &other, today()).is_err());
    let police = EntryBody::Referral(Referral {
        agency: Agency::Police,
        other_agency: Some("ignored".into()),
        on: today(),
        reference: Some(" CAD 1234 ".into()),
        outcome: None,
    });
    let saved = add_entry(&mut conn, &dsl(), &incident.id, &police, today()).expect("referral");
    match saved.body {
        EntryBody::Referral(r) => {
            assert_eq!(r.reference.as_deref(), Some("CAD 1234"));
            assert_eq!(r.other_agency, None);
        }
        other => panic!("expected a referral, got {other:?}"),
    }
    let mut bad_time = report();
    bad_time.occurred_at_time = Some("25:70".into());
    assert!(create(
        &mut conn,
        &dsl(),
        &NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &bad_time },
        today()
    )
    .is_err());
}

#[test]
fn search_finds_words_in_any_entry_and_filters_by_date_and_status() {
    let mut conn = test_db();
    let a = new_incident(&mut conn);
    let mut r = report();
    r.occurred_on = day(2026, 1, 10);
    r.reported_on = day(2026, 1, 10);
    r.facts = "A filtering breach showed a gambling advert.".into();
    r.category = Category::Commerce;
    let b = create(
        &mut conn,
        &dsl(),
        &NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &r },
        today(),
    )
    .expect("create");
    let find = |f: IncidentFilter| -> Vec<String> {
        list(&conn, &dsl(), &f).expect("list").into_iter().map(|i| i.id).collect()
    };
    assert_eq!(find(IncidentFilter { text: "gambling".into(), ..Default::default() }), vec![b.id.clone()]);
    assert_eq!(find(IncidentFilter { text: "100%".into(), ..Default::default() }), Vec::<String>::new());
    // Only what people wrote is searched, never the names of the stored fields.
    assert_eq!(find(IncidentFilter { text: "facts".into(), ..Default::default() }), Vec::<String>::new());
    assert_eq!(find(IncidentFilter { text: "occurredOn".into(), ..Default::default() }), Vec::<String>::new());
    assert_eq!(find(IncidentFilter { text: "GAMBLING".into(), ..Default::default() }), vec![b.id.clone()]);
    assert_eq!(find(IncidentFilter { category: Some(Category::Commerce), ..Default::default() }), vec![b.id.clone()]);
    assert_eq!(find(IncidentFilter { from: Some(day(2026, 6, 1)), ..Default::default() }), vec![a.id.clone()]);
    assert_eq!(find(IncidentFilter::default()), vec![a.id.clone(), b.id.clone()], "newest first");
    assert_eq!(find(IncidentFilter { status: Some(Status::Closed), ..Default::default() }), Vec::<String>::new());
}

#[test]
fn trends_count_by_month_and_category_including_empty_months() {
    let mut conn = test_db();
    for (y, m, d, category, kind) in [
        (2026, 1, 10, Category::Conduct, IncidentKind::Cyberbullying),
        (2026, 1, 31, Category::Conduct, IncidentKind::Cyberbullying),
        (2026, 3, 1, Category::Contact, IncidentKind::SexualAbuseOrExploitation),
        (2025, 12, 31, Category::Commerce, IncidentKind::Other),
    ] {
        let mut r = report();
        r.occurred_on = day(y, m, d);
        r.reported_on = day(y, m, d);
        r.category = category;
        r.kind = kind;
        create(
            &mut conn,
            &dsl(),
            &NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &r },
            today(),
        )
        .expect("create");
    }
    let t = trends(&conn, day(2026, 1, 1), day(2026, 3, 31)).expect("trends");
    assert_eq!(t.total, 3, "December's incident is outside the period");
    let months: Vec<(String, u32, u32)> = t.months.iter().map(|m| (m.month.clone(), m.conduct, m.contact)).collect();
    assert_eq!(months, vec![("2026-01".into(), 2, 0), ("2026-02".into(), 0, 0), ("2026-03".into(), 0, 1)]);
    assert_eq!(t.kinds[0], KindCount { kind: IncidentKind::Cyberbullying, count: 2 });
    assert!(trends(&conn, day(2026, 3, 1), day(2026, 1, 1)).is_err());
}

#[test]
fn each_refusal_names_its_field_and_rule_in_the_words_the_form_uses() {
    let mut r = report();
    r.facts = "   ".into();
    let err = EntryBody::Report(r).validated(today()).expect_err("no facts");
    assert!(matches!(err, IncidentError::Missing(IncidentField::Facts)));
    assert_eq!(err.to_string(), "Enter what happened.");

    let mut r = report();
    r.place = "x".repeat(SHORT_TEXT + 1);
    let err = EntryBody::Report(r).validated(today()).expect_err("long place");
    assert!(matches!(err, IncidentError::TooLong { field: IncidentField::Place, max } if max == SHORT_TEXT));
    assert_eq!(err.to_string(), format!("Shorten where it happened to {SHORT_TEXT} characters or fewer."));

    let mut r = report();
    r.occurred_on = day(2026, 12, 1);
    let err = EntryBody::Report(r).validated(today()).expect_err("future");
    assert!(matches!(err, IncidentError::DateInFuture(IncidentDate::Occurred)));
    assert_eq!(err.to_string(), "The date it happened cannot be in the future.");

    let mut r = report();
    r.reported_on = day(2026, 11, 19);
    let err = EntryBody::Report(r).validated(today()).expect_err("reported first");
    assert!(matches!(err, IncidentError::ReportedBeforeOccurred));

    let told = EntryBody::ParentsInformed(ParentsInformed { informed: true, on: None, by: None, why_not: None });
    let err = told.validated(today()).expect_err("when");
    assert!(matches!(err, IncidentError::Missing(IncidentField::ParentsToldOn)));
    assert_eq!(err.to_string(), "Enter when the parents or carers were told.");

    let other = EntryBody::Referral(Referral {
        agency: Agency::Other,
        other_agency: None,
        on: today(),
        reference: None,
        outcome: None,
    });
    let err = other.validated(today()).expect_err("which organisation");
    assert_eq!(err.to_string(), "Enter the organisation referred to.");
    assert_eq!(crate::error::CodedError::code(&err), "incident.invalid");
}

#[test]
fn trends_count_each_incident_by_its_current_judgement_as_its_route_shows_it() {
    let mut conn = test_db();
    let never = new_incident(&mut conn);
    let unsuitable = new_incident(&mut conn);
    let changed = new_incident(&mut conn);
    let amended_back = new_incident(&mut conn);
    add_entry(&mut conn, &dsl(), &unsuitable.id, &judge(Judgement::Unsuitable, "Unkind."), today()).expect("judge");
    add_entry(&mut conn, &dsl(), &changed.id, &judge(Judgement::Unsuitable, "Unkind."), today()).expect("judge");
    add_entry(&mut conn, &dsl(), &changed.id, &judge(Judgement::Illegal, "A threat."), today()).expect("judge");
    // Judged illegal, then unsuitable; then the first (illegal) judgement is amended to "not yet
    // decided": the current judgement is still the later one.
    let first = add_entry(&mut conn, &dsl(), &amended_back.id, &judge(Judgement::Illegal, "A threat."), today())
        .expect("judge");
    add_entry(&mut conn, &dsl(), &amended_back.id, &judge(Judgement::Unsuitable, "Only words."), today())
        .expect("judge");
    amend(
        &mut conn,
        &dsl(),
        &amended_back.id,
        &first.id,
        &judge(Judgement::NotYetDecided, "Too early to say."),
        "Recorded in haste.",
        today(),
    )
    .expect("amend");

    let routes: Vec<Judgement> =
        [&never, &unsuitable, &changed, &amended_back].iter().map(|i| route_of(&conn, &i.id).judgement).collect();
    assert_eq!(
        routes,
        vec![Judgement::NotYetDecided, Judgement::Unsuitable, Judgement::Illegal, Judgement::Unsuitable]
    );
    let counts = trends(&conn, day(2026, 11, 1), day(2026, 11, 30)).expect("trends").judgements;
    let counts: Vec<(Judgement, u32)> = counts.into_iter().map(|c| (c.judgement, c.count)).collect();
    assert_eq!(counts, vec![(Judgement::Illegal, 1), (Judgement::Unsuitable, 2), (Judgement::NotYetDecided, 1)]);
    // Outside the period, nothing counts.
    let before = judgement_counts(&conn, day(2026, 1, 1), day(2026, 10, 31)).expect("counts");
    assert!(before.iter().all(|(_, n)| *n == 0), "{before:?}");
}

fn viewing(viewed: bool) -> ImageViewing {
    ImageViewing {
        viewed,
        on: today(),
        by: "Morgan Ellis, DSL".into(),
        why_not_the_dsl: None,
        justification: None,
        others_present: None,
        device: None,
        reason_not_viewed: None,
    }
}

#[test]
fn kinds_where_an_image_may_be_indecent_are_flagged_until_a_viewing_decision_is_recorded() {
    let mut conn = test_db();
    let mut flagged = Vec::new();
    for kind in IncidentKind::ALL {
        let r = Report { kind, ..report() };
        let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &r };
        let incident = create(&mut conn, &dsl(), &new, today()).expect("create");
        assert_eq!(incident.image_decision_needed, kind.needs_image_decision(), "{kind:?}");
        if incident.image_decision_needed {
            flagged.push(incident);
        }
    }
    assert_eq!(flagged.len(), 3, "nudes, indecent images and sexual abuse or exploitation");
    let first = &flagged[0];
    let not_viewed =
        ImageViewing { reason_not_viewed: Some("The description was enough to refer.".into()), ..viewing(false) };
    add_entry(&mut conn, &dsl(), &first.id, &EntryBody::ImageViewing(not_viewed), today()).expect("decision");
    let listed = list(&conn, &dsl(), &IncidentFilter::default()).expect("list");
    let still: Vec<&str> = listed.iter().filter(|i| i.image_decision_needed).map(|i| i.id.as_str()).collect();
    assert_eq!(still.len(), 2);
    assert!(!still.contains(&first.id.as_str()), "the decision clears the flag");
    assert!(!get(&conn, &dsl(), &first.id).expect("get").incident.image_decision_needed);
}

#[test]
fn the_list_can_ask_for_only_image_decisions_due_only_one_source_and_only_the_newest_few() {
    let mut conn = test_db();
    let mut made = Vec::new();
    for (n, kind) in IncidentKind::ALL.into_iter().enumerate() {
        let on = day(2026, 1, 1) + chrono::Days::new(n as u64 * 3);
        let r = Report { kind, occurred_on: on, reported_on: on, ..report() };
        let source = if n % 2 == 0 { IncidentSource::Admin } else { IncidentSource::SigningStation };
        let new = NewIncident { source, receipt: None, staff_allegation: false, report: &r };
        made.push(create(&mut conn, &dsl(), &new, today()).expect("create"));
    }
    let everything = list(&conn, &dsl(), &IncidentFilter::default()).expect("list");
    assert_eq!(everything.len(), made.len());
    let ids = |found: Vec<Incident>| found.into_iter().map(|i| i.id).collect::<Vec<_>>();

    // The image filter finds exactly the flagged incidents, and follows a decision.
    let due = IncidentFilter { image_decision_due: true, ..Default::default() };
    let flagged: Vec<String> = everything.iter().filter(|i| i.image_decision_needed).map(|i| i.id.clone()).collect();
    assert_eq!(flagged.len(), 3);
    assert_eq!(ids(list(&conn, &dsl(), &due).expect("due")), flagged);
    let not_viewed =
        ImageViewing { reason_not_viewed: Some("The description was enough to refer.".into()), ..viewing(false) };
    add_entry(&mut conn, &dsl(), &flagged[0], &EntryBody::ImageViewing(not_viewed), today()).expect("decision");
    assert_eq!(ids(list(&conn, &dsl(), &due).expect("due")), flagged[1..].to_vec());

    // One source only.
    let station = IncidentFilter { source: Some(IncidentSource::SigningStation), ..Default::default() };
    let from_station = list(&conn, &dsl(), &station).expect("station");
    assert_eq!(from_station.len(), made.len() / 2);
    assert!(from_station.iter().all(|i| i.source == IncidentSource::SigningStation));

    // The newest few, in the list's order: the first page of the whole list.
    let everything = list(&conn, &dsl(), &IncidentFilter::default()).expect("list");
    for limit in [0, 1, 4, 100] {
        let page = list(&conn, &dsl(), &IncidentFilter { limit: Some(limit), ..Default::default() }).expect("page");
        let expected: Vec<String> = everything.iter().take(limit as usize).map(|i| i.id.clone()).collect();
        assert_eq!(ids(page), expected, "limit {limit}");
    }
}

#[test]
fn a_viewing_decision_says_who_why_and_what_happened_to_the_device_or_why_not() {
    let check = |v: ImageViewing| EntryBody::ImageViewing(v).validated(today()).map_err(|e| e.to_string());
    assert_eq!(check(viewing(false)), Err("Enter why it was not viewed.".to_owned()));
    assert_eq!(check(viewing(true)), Err("Enter why it had to be viewed.".to_owned()));
    let justified =
        ImageViewing { justification: Some("The police asked us to confirm what it shows.".into()), ..viewing(true) };
    assert_eq!(check(justified.clone()), Err("Enter what happened to the device.".to_owned()));
    let complete = ImageViewing {
        device: Some("Switched off and handed to the police the same day.".into()),
        reason_not_viewed: Some("stray".into()),
        ..justified
    };
    let Ok(EntryBody::ImageViewing(kept)) = EntryBody::ImageViewing(complete).validated(today()) else {
        panic!("a complete decision is valid")
    };
    assert_eq!(kept.reason_not_viewed, None, "an answer for the other case is dropped");
    let unnamed = ImageViewing { by: " ".into(), ..viewing(false) };
    assert_eq!(check(unnamed), Err("Enter who viewed the image, or decided not to.".to_owned()));
}

#[test]
fn closing_an_incident_where_an_image_may_be_indecent_needs_the_viewing_decision() {
    let mut conn = test_db();
    let r = Report { kind: IncidentKind::NudesOrSemiNudes, category: Category::Conduct, ..report() };
    let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &r };
    let incident = create(&mut conn, &dsl(), &new, today()).expect("create");
    add_entry(&mut conn, &dsl(), &incident.id, &outcome(), today()).expect("outcome");
    walk_unsuitable_route(&mut conn, &incident.id);
    let sign_off = || Some(SignOff { name: "Morgan Ellis".into(), on: today() });
    match change_status(&mut conn, &dsl(), &incident.id, &close_with(sign_off()), today()) {
        Err(IncidentError::CannotClose(missing)) => {
            assert_eq!(missing, vec!["the image-viewing decision (whether anyone viewed the image, and why)"])
        }
        other => panic!("expected CannotClose, got {other:?}"),
    }
    let decided = ImageViewing { reason_not_viewed: Some("Not needed to act.".into()), ..viewing(false) };
    add_entry(&mut conn, &dsl(), &incident.id, &EntryBody::ImageViewing(decided), today()).expect("decision");
    change_status(&mut conn, &dsl(), &incident.id, &close_with(sign_off()), today()).expect("closes");
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\nnot really a picture";

#[test]
fn an_evidence_file_is_attached_with_its_evidence_entry_and_each_opening_keeps_who_when_and_why() {
    let mut conn = test_db();
    let incident = new_incident(&mut conn);
    let file = NewFile {
        description: "Screenshot of the group chat messages.",
        file_name: "C:\\Users\\dsl\\chat.png",
        bytes: PNG,
    };
    let attached = attach_file(&mut conn, &dsl(), &incident.id, &file, today()).expect("attach");
    assert_eq!((attached.file_name.as_str(), attached.media_type.as_str()), ("chat.png", "image/png"));
    let detail = get(&conn, &dsl(), &incident.id).expect("get");
    let entry = detail.chronology.iter().find(|e| e.id == attached.entry_id).expect("its evidence entry");
    let EntryBody::Evidence(evidence) = &entry.body else { panic!("an evidence entry") };
    assert_eq!(evidence.what, "Screenshot of the group chat messages.");
    assert_eq!(evidence.held_where, "Attached in Safekeeper as \u{201c}chat.png\u{201d}");
    assert_eq!(detail.files.len(), 1);
    assert!(detail.files[0].openings.is_empty());

    // Opening asks for the reason first; without one nothing is handed over or recorded.
    let refused = open_file(&mut conn, &dsl(), &incident.id, &attached.id, "  ").expect_err("no reason");
    assert_eq!(refused.to_string(), "Enter why you are opening this file.");
    let opened =
        open_file(&mut conn, &deputy(), &incident.id, &attached.id, "For the strategy meeting.").expect("open");
    assert_eq!(opened.bytes, PNG);
    let openings = &get(&conn, &dsl(), &incident.id).expect("get").files[0].openings;
    assert_eq!(openings.len(), 1);
    assert_eq!(
        (openings[0].opened_by.as_str(), openings[0].reason.as_str()),
        ("admin:admin-deputy", "For the strategy meeting.")
    );
    let (action, detail): (String, String) = conn
        .query_row(
            "SELECT action, detail FROM audit WHERE action = 'incident.fileOpened' ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("audit");
    assert_eq!(action, "incident.fileOpened");
    assert!(detail.starts_with(&format!("file={};opening=", attached.id)), "{detail}");
    assert!(!detail.contains("strategy"), "the audit holds ids, never the reason's words");
    assert!(matches!(
        open_file(&mut conn, &dsl(), &incident.id, "no-such-file", "Looking"),
        Err(IncidentError::FileNotFound)
    ));
}

#[test]
fn no_file_is_ever_stored_for_an_incident_where_an_image_may_be_indecent() {
    let mut conn = test_db();
    for kind in IncidentKind::ALL.into_iter().filter(|k| k.needs_image_decision()) {
        let r = Report { kind, ..report() };
        let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &r };
        let incident = create(&mut conn, &dsl(), &new, today()).expect("create");
        let file = NewFile { description: "A picture", file_name: "p.png", bytes: PNG };
        let refused = attach_file(&mut conn, &dsl(), &incident.id, &file, today()).expect_err("never stored");
        assert!(matches!(refused, IncidentError::ImagesNeverStored), "{kind:?}");
        assert!(refused.to_string().contains("never stores images or files for this kind of incident"));
    }
    let stored: i64 = conn.query_row("SELECT count(*) FROM incident_files", [], |r| r.get(0)).expect("count");
    assert_eq!(stored, 0);
}

#[test]
fn evidence_files_are_checked_for_size_and_type_like_scans() {
    let mut conn = test_db();
    let incident = new_incident(&mut conn);
    let attach = |conn: &mut rusqlite::Connection, bytes: &[u8], name: &str| {
        let file = NewFile { description: "Evidence", file_name: name, bytes };
        attach_file(conn, &dsl(), &incident.id, &file, today())
    };
    assert!(matches!(attach(&mut conn, b"MZ\x90\x00 a program", "notes.pdf"), Err(IncidentError::FileWrongType)));
    let huge = [PNG, &vec![0u8; MAX_EVIDENCE_BYTES]].concat();
    assert!(matches!(attach(&mut conn, &huge, "big.png"), Err(IncidentError::FileTooLarge)));
    assert!(matches!(attach(&mut conn, PNG, " / "), Err(IncidentError::Missing(IncidentField::FileName))));
    let pdf = b"%PDF-1.7 letter";
    assert_eq!(attach(&mut conn, pdf, "letter.pdf").expect("a PDF").media_type, "application/pdf");
    let entries = get(&conn, &dsl(), &incident.id).expect("get").chronology.len();
    assert_eq!(entries, 2, "only the accepted file added an evidence entry");
}

#[test]
fn a_filtering_breach_becomes_an_incident_in_one_step_and_each_points_at_the_other() {
    use crate::records::policies::{self, FilteringEntry, FilteringKind};
    let mut conn = test_db();
    let breach = FilteringEntry {
        happened_on: day(2026, 11, 18),
        kind: FilteringKind::Breach,
        what: "A gambling site loaded on the club laptop.".into(),
        who: "Youth worker on shift".into(),
        why: "Closed the page and reported the site to the filtering provider.".into(),
    };
    policies::add_filtering_entry(&mut conn, &dsl(), &breach, today()).expect("breach");
    let change = FilteringEntry { kind: FilteringKind::Change, what: "New provider.".into(), ..breach.clone() };
    policies::add_filtering_entry(&mut conn, &dsl(), &change, today()).expect("change");
    let log = policies::filtering_log(&conn).expect("log");
    let breach_id = log.iter().find(|l| l.entry.kind == FilteringKind::Breach).expect("breach line").id.clone();
    let change_id = log.iter().find(|l| l.entry.kind == FilteringKind::Change).expect("change line").id.clone();

    let incident = from_filtering_breach(&mut conn, &dsl(), &breach_id, today()).expect("recorded");
    assert_eq!((incident.kind, incident.occurred_on), (IncidentKind::FilteringBreachOrExposure, day(2026, 11, 18)));
    let detail = get(&conn, &dsl(), &incident.id).expect("get");
    let EntryBody::Report(report) = &detail.chronology[0].body else { panic!("the report first") };
    assert_eq!(report.facts, "A gambling site loaded on the club laptop.");
    assert_eq!(report.reported_by, "Youth worker on shift");
    let EntryBody::Action(action) = &detail.chronology[1].body else { panic!("then what was done") };
    assert_eq!(action.what, "Closed the page and reported the site to the filtering provider.");
    let source = detail.from_filtering.expect("the incident names its log line");
    assert_eq!((source.filtering_id.as_str(), source.happened_on), (breach_id.as_str(), day(2026, 11, 18)));
    let line = policies::filtering_log(&conn).expect("log").into_iter().find(|l| l.id == breach_id).expect("line");
    assert_eq!(line.incident.map(|i| i.reference), Some(incident.reference.clone()), "the log line names the incident");

    // Once only, and never for a change.
    assert!(matches!(
        from_filtering_breach(&mut conn, &dsl(), &breach_id, today()),
        Err(IncidentError::FilteringAlreadyRecorded)
    ));
    assert!(matches!(
        from_filtering_breach(&mut conn, &dsl(), &change_id, today()),
        Err(IncidentError::FilteringNotABreach)
    ));
    assert_eq!(list(&conn, &dsl(), &IncidentFilter::default()).expect("list").len(), 1);
}
