//! Incident form tests: read each PDF back as text, and look at rendered pages the way a
//! photocopier would (black or white, nothing in between).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::*;
use crate::forms::pdf_check::{folded, pages_of, pdf_text, render_pages};
use crate::records::incidents::{
    Action, Agency, Category, EntryBody, ImageViewing, Incident, IncidentDetail, IncidentEntry, IncidentKind,
    IncidentSource, InvolvedPerson, Judgement, JudgementDecision, Outcome, ParentsInformed, Referral, Report, Role,
    Route, RouteStep, RouteStepKind, SignOff, Status, StatusChange,
};

const ORG: &str = "Riverside Youth Project";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real calendar dates")
}

// ---- blank form ---------------------------------------------------------------------------------

fn blank_pdf(org: Option<&str>) -> Vec<u8> {
    blank_incident_pdf(&BlankIncidentForm { org_name: org.map(str::to_owned), demo: false })
        .expect("the blank incident form renders")
}

#[test]
fn blank_form_fits_on_two_pages_and_offers_every_category_kind_and_agency() {
    let text = pdf_text(&blank_pdf(Some(ORG)));
    assert_eq!(pages_of(&text).len(), 2, "the blank form is two A4 pages");
    let all = folded(&text);
    for category in Category::ALL_FOUR {
        assert!(all.contains(category.label()), "category {category:?} missing");
    }
    for kind in IncidentKind::ALL {
        assert!(all.contains(kind.label()), "kind {kind:?} missing");
    }
    for agency in Agency::ALL {
        assert!(all.contains(&folded(agency.label())), "agency {agency:?} missing");
    }
    for field in [
        "Date it happened",
        "Time, if known",
        "Reported by",
        "Reported to",
        "App, platform or website",
        "Device",
        "own words",
        "professional opinion",
        "Their role in this incident only",
        "Evidence held",
        "Decisions and the reasons",
        "Parents or carers told on",
        "Or why they were not told",
        "Lessons learnt and policy changes",
        "Reviewing DSL",
        "call 999",
        "LADO",
    ] {
        assert!(all.contains(field), "field {field:?} missing from the blank form");
    }
}

#[test]
fn blank_form_has_signature_and_date_lines_for_reporter_and_reviewing_dsl() {
    let all = folded(&pdf_text(&blank_pdf(Some(ORG))));
    let reporter = all.find("Your signature Date").expect("the person reporting signs and dates");
    let dsl = all.find("Review and sign-off by the DSL").expect("a sign-off block for the DSL");
    assert!(reporter < dsl, "the reporter signs before the DSL reviews");
    // pdftotext may read the two halves of a signature line in either order.
    assert!(all[dsl..].contains("Signature") && all[dsl..].contains("Date"), "the DSL signs and dates");
    assert!(all[dsl..].contains("Reviewing DSL\u{2019}s name"));
}

#[test]
fn blank_form_without_an_organisation_leaves_a_line_to_write_it() {
    let all = folded(&pdf_text(&blank_pdf(None)));
    assert!(all.contains("Organisation"));
    assert!(!all.contains(ORG));
}

/// Rows of the page where dark pixels run across most of the text column: ruled lines.
fn ruled_rows(page: &image::GrayImage) -> usize {
    let (w, h) = page.dimensions();
    let mut count = 0;
    let mut previous_dark = false;
    for y in 0..h {
        let dark = (0..w).filter(|&x| page.get_pixel(x, y).0[0] < 128).count();
        let is_rule = dark as f32 > 0.6 * w as f32;
        if is_rule && !previous_dark {
            count += 1;
        }
        previous_dark = is_rule;
    }
    count
}

#[test]
fn blank_form_writing_lines_survive_a_black_and_white_copy() {
    // At 150 dpi and a 50% threshold, as a cheap photocopier sees it, every ruled writing line
    // across the page must still be there, and nothing may be lost to grey shading.
    let pages = render_pages(&blank_pdf(Some(ORG)), 150);
    assert_eq!(pages.len(), 2);
    // Page 1 ends with the 5 lines for the facts; page 2 has 2 for the young person's own words,
    // 3 for opinion and actions (side by side), 2 for decisions and 2 for outcome and lessons.
    assert!(ruled_rows(&pages[0]) >= 5, "page 1 shows {} ruled lines", ruled_rows(&pages[0]));
    assert!(ruled_rows(&pages[1]) >= 9, "page 2 shows {} ruled lines", ruled_rows(&pages[1]));
    for page in &pages {
        let mid_grey = page.pixels().filter(|p| (90..200).contains(&p.0[0])).count();
        let share = mid_grey as f32 / (page.width() * page.height()) as f32;
        assert!(share < 0.02, "{:.1}% of the page is mid-grey, which a copier loses", share * 100.0);
    }
}

// ---- filled report ------------------------------------------------------------------------------

fn report_body() -> Report {
    Report {
        occurred_on: day(2026, 10, 3),
        occurred_at_time: Some("16:20".into()),
        reported_on: day(2026, 10, 4),
        how_reported: "In person".into(),
        reported_by: "Priya Natarajan".into(),
        reported_to: "Sam Okafor".into(),
        place: "Youth club".into(),
        platform: "Group chat".into(),
        device: "Own phone".into(),
        category: Category::Conduct,
        kind: IncidentKind::Cyberbullying,
        facts: "Messages mocking a member were shared in the group chat.".into(),
        own_words: Some("They keep posting my photo.".into()),
        opinion: Some("This looks like a pattern.".into()),
    }
}

fn entry(seq: i64, body: EntryBody, at: &str) -> IncidentEntry {
    IncidentEntry {
        id: format!("e{seq}"),
        seq,
        body,
        amends: None,
        reason: None,
        recorded_at: at.to_owned(),
        recorded_by: "admin:a1".into(),
    }
}

fn incident(status: Status) -> Incident {
    Incident {
        id: "i1".into(),
        reference: "INC-2026-0007".into(),
        source: IncidentSource::SigningStation,
        self_declared: true,
        receipt: Some("C-2026-000042".into()),
        staff_allegation: false,
        restricted: false,
        status,
        occurred_on: day(2026, 10, 3),
        category: Category::Conduct,
        kind: IncidentKind::Cyberbullying,
        created_at: "2026-10-04T09:00:00Z".into(),
        updated_at: "2026-10-10T09:00:00Z".into(),
        image_decision_needed: false,
    }
}

fn person(id: &str, name: &str, role: Role) -> EntryBody {
    EntryBody::Person(InvolvedPerson { person_id: Some(id.into()), name: name.into(), role })
}

/// A closed incident: report, two people, an action later corrected, a referral, parents told,
/// an outcome and the signed-off close.
fn closed_detail() -> IncidentDetail {
    let mut corrected = entry(
        5,
        EntryBody::Action(Action {
            on: day(2026, 10, 4),
            by: "Sam Okafor".into(),
            what: "Spoke to both families.".into(),
        }),
        "2026-10-06T10:00:00Z",
    );
    corrected.amends = Some("e4".into());
    corrected.reason = Some("Only one family was reached that day.".into());
    let chronology = vec![
        entry(1, EntryBody::Report(report_body()), "2026-10-04T09:00:00Z"),
        entry(2, person("p1", "Ava Brown", Role::SubjectOrVictim), "2026-10-04T09:05:00Z"),
        entry(3, person("p2", "Leo Grant", Role::Instigator), "2026-10-04T09:06:00Z"),
        entry(
            4,
            EntryBody::Action(Action {
                on: day(2026, 10, 4),
                by: "Sam Okafor".into(),
                what: "Spoke to the families of both young people.".into(),
            }),
            "2026-10-04T12:00:00Z",
        ),
        corrected,
        entry(
            6,
            EntryBody::Referral(Referral {
                agency: Agency::ChildrensSocialCare,
                other_agency: None,
                on: day(2026, 10, 5),
                reference: Some("MASH-88123".into()),
                outcome: Some("Advice given; no further action.".into()),
            }),
            "2026-10-05T11:00:00Z",
        ),
        entry(
            7,
            EntryBody::ParentsInformed(ParentsInformed {
                informed: true,
                on: Some(day(2026, 10, 4)),
                by: Some("Sam Okafor".into()),
                why_not: None,
            }),
            "2026-10-05T11:30:00Z",
        ),
        entry(
            8,
            EntryBody::Outcome(Outcome {
                outcome: "Messages removed and apology made.".into(),
                sanctions: None,
                lessons_learnt: Some("Remind members of the group chat rules.".into()),
                policy_changes: None,
            }),
            "2026-10-09T09:00:00Z",
        ),
        entry(
            9,
            EntryBody::Status(StatusChange {
                to: Status::Closed,
                sign_off: Some(SignOff { name: "Sam Okafor".into(), on: day(2026, 10, 10) }),
                reason: None,
            }),
            "2026-10-10T09:00:00Z",
        ),
    ];
    let current: Vec<(String, String)> = chronology
        .iter()
        .filter(|e| e.amends.is_none())
        .map(|e| (e.id.clone(), if e.id == "e4" { "e5".to_owned() } else { e.id.clone() }))
        .collect();
    let route = Route::from_chronology(&chronology, &current);
    IncidentDetail {
        incident: incident(Status::Closed),
        chronology,
        current,
        access: Vec::new(),
        route,
        files: Vec::new(),
        from_filtering: None,
    }
}

fn report_form(detail: IncidentDetail) -> IncidentReportForm {
    IncidentReportForm {
        org_name: ORG.into(),
        detail,
        admin_names: HashMap::from([("a1".to_owned(), "Sam Okafor".to_owned())]),
        printed: day(2026, 11, 22),
        demo: false,
    }
}

#[test]
fn filled_report_marks_every_page_confidential_and_numbers_it() {
    let pdf = incident_report_pdf(&report_form(closed_detail())).expect("the report renders");
    let text = pdf_text(&pdf);
    let pages = pages_of(&text);
    assert!(pages.len() >= 2, "the sample report runs to more than one page");
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(CONFIDENTIAL), "page {} lacks the confidential marking", i + 1);
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())), "page {} lacks its number", i + 1);
        assert!(page.contains("INC-2026-0007"), "page {} lacks the reference", i + 1);
    }
}

#[test]
fn filled_report_keeps_facts_own_words_and_opinion_apart() {
    let all = folded(&pdf_text(&incident_report_pdf(&report_form(closed_detail())).expect("renders")));
    assert!(all.contains("What happened (facts) Messages mocking a member were shared in the group chat."));
    assert!(all.contains("The young person\u{2019}s own words They keep posting my photo."));
    assert!(all.contains("Professional opinion (opinion, not fact) This looks like a pattern."));
}

#[test]
fn filled_report_shows_the_original_beside_its_correction_with_the_reason() {
    let all = folded(&pdf_text(&incident_report_pdf(&report_form(closed_detail())).expect("renders")));
    let chronology = &all[all.find("Chronology").expect("a chronology section")..];
    let original = chronology.find("Spoke to the families of both young people.").expect("original text kept");
    let correction = chronology.find("Entry 5: correction to action taken").expect("the correction is listed");
    assert!(original < correction, "the original comes before its correction");
    assert!(chronology.contains("Corrects entry Entry 4"));
    assert!(chronology.contains("Why corrected Only one family was reached that day."));
    // The current record above the chronology shows the corrected action only.
    let current = &all[..all.find("Chronology").expect("chronology")];
    assert!(current.contains("Spoke to both families."));
    assert!(!current.contains("Spoke to the families of both young people."));
}

#[test]
fn filled_report_lists_entries_in_saved_order_with_who_saved_them() {
    let all = folded(&pdf_text(&incident_report_pdf(&report_form(closed_detail())).expect("renders")));
    let mut from = 0;
    for seq in 1..=9 {
        let at =
            all[from..].find(&format!("Entry {seq}:")).unwrap_or_else(|| panic!("entry {seq} missing or out of order"));
        from += at + 1;
    }
    assert!(all.contains("by Sam Okafor"));
    assert!(all.contains("Reported at the signing station (receipt C-2026-000042); identity self-declared"));
    assert!(all.contains("Reviewed and signed off by Sam Okafor on 10 October 2026."));
    assert!(all.contains("Children\u{2019}s social care (MASH)") && all.contains("MASH-88123"));
}

#[test]
fn a_reopened_incident_is_not_printed_as_signed_off() {
    let mut detail = closed_detail();
    detail.incident.status = Status::Open;
    let reopen = entry(
        10,
        EntryBody::Status(StatusChange {
            to: Status::Open,
            sign_off: None,
            reason: Some("New messages found.".into()),
        }),
        "2026-10-20T09:00:00Z",
    );
    detail.current.push((reopen.id.clone(), reopen.id.clone()));
    detail.chronology.push(reopen);
    let all = folded(&pdf_text(&incident_report_pdf(&report_form(detail)).expect("renders")));
    assert!(!all.contains("Reviewed and signed off by"));
    assert!(all.contains("Reason New messages found."));
}

#[test]
fn a_staff_allegation_names_the_lado_route_and_who_may_see_it() {
    let mut detail = closed_detail();
    detail.incident.staff_allegation = true;
    detail.incident.restricted = true;
    detail.access = vec!["a1".into(), "gone".into()];
    let all = folded(&pdf_text(&incident_report_pdf(&report_form(detail)).expect("renders")));
    assert!(all.contains("Allegation about staff Yes. The Local Authority Designated Officer (LADO)"));
    assert!(all.contains("Restricted to: Sam Okafor, an admin no longer listed"));
}

/// An incident with a report and `n - 1` more entries, as the benchmark prints.
/// The closed example reopened and judged illegal: the police told, the evidence not yet secured.
fn illegal_route_detail() -> IncidentDetail {
    let mut detail = closed_detail();
    detail.incident = incident(Status::Open);
    let more = [
        EntryBody::Judgement(JudgementDecision {
            on: day(2026, 10, 11),
            by: "Sam Okafor".into(),
            judgement: Judgement::Illegal,
            reason: "A threat to share an intimate picture.".into(),
        }),
        EntryBody::Step(RouteStep {
            step: RouteStepKind::PoliceTold,
            on: day(2026, 10, 11),
            by: "Sam Okafor".into(),
            details: None,
            reference: Some("CAD-77 11OCT".into()),
            illegal_found: None,
        }),
    ];
    for (n, body) in more.into_iter().enumerate() {
        let seq = 10 + n as i64;
        detail.chronology.push(entry(seq, body, "2026-10-11T09:00:00Z"));
        detail.current.push((format!("e{seq}"), format!("e{seq}")));
    }
    detail.route = Route::from_chronology(&detail.chronology, &detail.current);
    detail
}

#[test]
fn filled_report_shows_the_judgement_with_its_reason_and_each_route_step_done_or_open() {
    let all = folded(&pdf_text(&incident_report_pdf(&report_form(illegal_route_detail())).expect("renders")));
    for expected in [
        "Judgement and route",
        "Illegal material or activity",
        "A threat to share an intimate picture.",
        "Awaiting the police response",
        "police reference CAD-77 11OCT",
        "Reported to the police",
        "Evidence secured",
        "Police response",
    ] {
        assert!(all.contains(expected), "{expected:?} missing");
    }
    for open in ["(DSL) Open", "Evidence secured Open", "Police response Open"] {
        assert!(all.contains(open), "{open:?} missing");
    }
    assert!(all.contains("Reported to the police Done 11 October 2026, Sam Okafor"));
    let unjudged = folded(&pdf_text(&incident_report_pdf(&report_form(closed_detail())).expect("renders")));
    assert!(unjudged.contains("Not yet judged as unsuitable or illegal material or activity."));
}

#[test]
fn filled_report_of_a_kind_where_an_image_may_be_indecent_has_the_viewing_decision_section() {
    let mut detail = closed_detail();
    detail.incident.kind = IncidentKind::NudesOrSemiNudes;
    let all = folded(&pdf_text(&incident_report_pdf(&report_form(detail.clone())).expect("renders")));
    assert!(all.contains("writes down why. No decision recorded yet."), "{all}");
    assert!(all.contains("Safekeeper never stores an image for this kind of incident."));
    let decision = EntryBody::ImageViewing(ImageViewing {
        viewed: true,
        on: day(2026, 10, 5),
        by: "Sam Okafor".into(),
        why_not_the_dsl: None,
        justification: Some("The police asked the DSL to confirm what the image shows.".into()),
        others_present: Some("The deputy DSL".into()),
        device: Some("Handed to the police, switched off.".into()),
        reason_not_viewed: None,
    });
    detail.chronology.push(entry(10, decision, "2026-10-05T15:00:00Z"));
    detail.current.push(("e10".into(), "e10".into()));
    let all = folded(&pdf_text(&incident_report_pdf(&report_form(detail)).expect("renders")));
    assert!(all.contains("The police asked the DSL to confirm what the image shows."));
    assert!(all.contains("What happened to the device Handed to the police, switched off."));
    // Other kinds have no such section.
    let other = folded(&pdf_text(&incident_report_pdf(&report_form(closed_detail())).expect("renders")));
    assert!(!other.contains("Image viewing decision"));
}

#[test]
fn blank_form_offers_the_judgement_and_every_step_of_both_routes() {
    let all = folded(&pdf_text(&blank_pdf(Some(ORG))));
    for expected in [
        "Judgement: tick one, then each step of its route as it is done",
        "Unsuitable",
        "Illegal",
        "DSL told",
        "Reviewed",
        "Police told",
        "Back to internal",
        "Decisions and the reasons for them, including the judgement, with dates",
    ] {
        assert!(all.contains(expected), "{expected:?} missing");
    }
}

pub(crate) fn long_detail(n: i64) -> IncidentDetail {
    let mut chronology = vec![entry(1, EntryBody::Report(report_body()), "2026-10-04T09:00:00Z")];
    for seq in 2..=n {
        chronology.push(entry(
            seq,
            EntryBody::Action(Action {
                on: day(2026, 10, 4),
                by: "Sam Okafor".into(),
                what: format!("Follow-up step {seq}: checked in with the young person and noted how they were."),
            }),
            "2026-10-05T09:00:00Z",
        ));
    }
    let current: Vec<(String, String)> = chronology.iter().map(|e| (e.id.clone(), e.id.clone())).collect();
    let route = Route::from_chronology(&chronology, &current);
    IncidentDetail {
        incident: incident(Status::Open),
        chronology,
        current,
        access: Vec::new(),
        route,
        files: Vec::new(),
        from_filtering: None,
    }
}

#[test]
fn a_fifty_entry_report_keeps_every_entry_and_numbers_every_page() {
    let text = pdf_text(&incident_report_pdf(&report_form(long_detail(50))).expect("renders"));
    let pages = pages_of(&text);
    assert!(pages.len() >= 4, "50 entries take several pages, got {}", pages.len());
    let all = folded(&text);
    for seq in 2..=50 {
        assert!(all.contains(&format!("Follow-up step {seq}:")), "entry {seq} missing");
    }
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())));
        assert!(page.contains(CONFIDENTIAL));
    }
}

// ---- one person's chronology --------------------------------------------------------------------

fn chronology_for(person_id: &str, name: &str, incidents: Vec<IncidentDetail>) -> String {
    let form = PersonChronology {
        org_name: ORG.into(),
        person_id: person_id.into(),
        person_name: name.into(),
        incidents: incidents.into_iter().map(|detail| PersonIncident { detail }).collect(),
        printed: day(2026, 11, 22),
        demo: false,
    };
    folded(&pdf_text(&person_chronology_pdf(&form).expect("the chronology renders")))
}

#[test]
fn a_persons_chronology_shows_their_own_role_only() {
    let all = chronology_for("p1", "Ava Brown", vec![closed_detail()]);
    assert!(all.contains("INC-2026-0007 3 October 2026 Conduct \u{2013} Cyberbullying Subject or victim Closed"));
    assert!(!all.contains("Instigator"), "another person's role must not spread to this person");
    assert!(!all.contains("Leo Grant"), "other people involved are not listed");

    let other = chronology_for("p2", "Leo Grant", vec![closed_detail()]);
    assert!(other.contains("Instigator"));
    assert!(!other.contains("Subject or victim"));
}

#[test]
fn a_persons_chronology_runs_oldest_first_across_incidents() {
    let mut later = closed_detail();
    later.incident.id = "i2".into();
    later.incident.reference = "INC-2026-0011".into();
    later.incident.occurred_on = day(2026, 11, 2);
    for e in &mut later.chronology {
        if let EntryBody::Report(r) = &mut e.body {
            r.occurred_on = day(2026, 11, 2);
            r.reported_on = day(2026, 11, 2);
            r.facts = "A second, later incident.".into();
        }
    }
    let all = chronology_for("p1", "Ava Brown", vec![later, closed_detail()]);
    let events = &all[all.rfind("Chronology").expect("chronology heading")..];
    let first = events.find("Messages mocking a member").expect("first incident's report");
    let referral = events.find("Referred to Children\u{2019}s social care (MASH)").expect("referral listed");
    let second = events.find("A second, later incident.").expect("second incident's report");
    assert!(first < referral && referral < second, "events run oldest first");
    // The corrected action is shown at its latest version only.
    assert!(events.contains("Spoke to both families."));
    assert!(!events.contains("Spoke to the families of both young people."));
}

#[test]
fn a_person_with_no_incidents_gets_a_clear_sentence() {
    let all = chronology_for("p9", "Nobody Linked", Vec::new());
    assert!(all.contains("This person is not linked to any incident you can see."));
}

#[test]
fn incident_file_names_are_safe() {
    assert_eq!(report_file_name("INC-2026-0007"), "Incident report INC-2026-0007.pdf");
    assert_eq!(person_file_name("Ava / Brown", day(2026, 11, 22)), "Incident chronology Ava Brown 2026-11-22.pdf");
}

/// Writes each form to `$SAFEKEEPER_FORM_SAMPLES` for a person to look at:
/// `SAFEKEEPER_FORM_SAMPLES=/tmp/forms cargo test --no-default-features forms::incident -- --ignored`.
#[test]
#[ignore = "writes sample PDFs for review; run by hand"]
fn write_samples_for_review() {
    let dir = std::path::PathBuf::from(std::env::var_os("SAFEKEEPER_FORM_SAMPLES").expect("set the sample folder"));
    std::fs::create_dir_all(&dir).expect("sample folder");
    let write = |name: &str, pdf: Vec<u8>| std::fs::write(dir.join(name), pdf).expect("writable");
    write("incident-blank.pdf", blank_pdf(Some(ORG)));
    write("incident-report.pdf", incident_report_pdf(&report_form(closed_detail())).expect("renders"));
    write("incident-report-illegal.pdf", incident_report_pdf(&report_form(illegal_route_detail())).expect("renders"));
    let form = PersonChronology {
        org_name: ORG.into(),
        person_id: "p1".into(),
        person_name: "Ava Brown".into(),
        incidents: vec![PersonIncident { detail: closed_detail() }],
        printed: day(2026, 11, 22),
        demo: false,
    };
    write("incident-person.pdf", person_chronology_pdf(&form).expect("renders"));
}
