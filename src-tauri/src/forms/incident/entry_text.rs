//! Each kind of incident entry as label and value pairs, in the order a reader checks them.
//! Shared by the filled report and the person chronology so an entry reads the same in both.

use crate::forms::uk_date;
use crate::records::incidents::{Agency, EntryBody, Referral, RouteStepKind};

/// Label and value pairs for one entry. Empty optional fields are left out.
pub(crate) fn entry_fields(body: &EntryBody) -> Vec<(&'static str, String)> {
    let mut rows: Vec<(&'static str, String)> = Vec::new();
    let some = |rows: &mut Vec<(&'static str, String)>, label, value: &Option<String>| {
        if let Some(v) = value {
            rows.push((label, v.clone()));
        }
    };
    match body {
        EntryBody::Report(r) => {
            rows.push(("Happened", happened(r.occurred_on, r.occurred_at_time.as_deref())));
            rows.push(("Reported", format!("{}, {}", uk_date(r.reported_on), r.how_reported)));
            rows.push(("Reported by", r.reported_by.clone()));
            rows.push(("Reported to", r.reported_to.clone()));
            rows.push(("Where", or_not_recorded(&r.place)));
            rows.push(("App, platform or website", or_not_recorded(&r.platform)));
            rows.push(("Device", or_not_recorded(&r.device)));
            rows.push(("Category", format!("{} \u{2013} {}", r.category.label(), r.kind.label())));
            rows.push(("What happened (facts)", r.facts.clone()));
            some(&mut rows, "The young person\u{2019}s own words", &r.own_words);
            some(&mut rows, "Professional opinion (opinion, not fact)", &r.opinion);
        }
        EntryBody::Person(p) => {
            rows.push(("Name", p.name.clone()));
            rows.push(("Role in this incident", p.role.label().to_owned()));
            rows.push((
                "People register",
                if p.person_id.is_some() { "Linked" } else { "Not in the register" }.to_owned(),
            ));
        }
        EntryBody::Action(a) => {
            rows.push(("Date", uk_date(a.on)));
            rows.push(("By", a.by.clone()));
            rows.push(("What was done", a.what.clone()));
        }
        EntryBody::Evidence(e) => {
            rows.push(("Evidence", e.what.clone()));
            rows.push(("Held where", e.held_where.clone()));
            rows.push(("Device secured", yes_no(e.device_secured)));
        }
        EntryBody::Decision(d) => {
            rows.push(("Date", uk_date(d.on)));
            rows.push(("By", d.by.clone()));
            rows.push(("Decision", d.decision.clone()));
            rows.push(("Reason", d.reason.clone()));
        }
        EntryBody::Referral(r) => {
            rows.push(("Referred to", agency_words(r)));
            rows.push(("Date", uk_date(r.on)));
            some(&mut rows, "Reference number", &r.reference);
            some(&mut rows, "Outcome", &r.outcome);
        }
        EntryBody::ParentsInformed(p) => {
            if p.informed {
                rows.push(("Parents or carers told", "Yes".to_owned()));
                if let Some(on) = p.on {
                    rows.push(("When", uk_date(on)));
                }
                some(&mut rows, "By", &p.by);
            } else {
                rows.push(("Parents or carers told", "No".to_owned()));
                some(&mut rows, "Why not", &p.why_not);
            }
        }
        EntryBody::Outcome(o) => {
            rows.push(("Outcome", o.outcome.clone()));
            some(&mut rows, "Sanctions", &o.sanctions);
            some(&mut rows, "Lessons learnt", &o.lessons_learnt);
            some(&mut rows, "Policy changes", &o.policy_changes);
        }
        EntryBody::Judgement(j) => {
            rows.push(("Date", uk_date(j.on)));
            rows.push(("By", j.by.clone()));
            rows.push(("Judged as", j.judgement.label().to_owned()));
            rows.push(("Reason", j.reason.clone()));
        }
        EntryBody::Step(step) => {
            rows.push(("Step", step.step.label().to_owned()));
            rows.push(("Date", uk_date(step.on)));
            rows.push(("By", step.by.clone()));
            some(&mut rows, "Police reference", &step.reference);
            if let Some(found) = step.illegal_found {
                rows.push(("Illegal material or activity found", yes_no(found)));
            }
            some(&mut rows, step_details_label(step.step), &step.details);
        }
        EntryBody::ImageViewing(v) => {
            rows.push(("Image viewed", yes_no(v.viewed)));
            rows.push(("Date", uk_date(v.on)));
            rows.push((if v.viewed { "Viewed by" } else { "Decided by" }, v.by.clone()));
            some(&mut rows, "Why not the DSL", &v.why_not_the_dsl);
            some(&mut rows, "Justification", &v.justification);
            some(&mut rows, "Others present", &v.others_present);
            some(&mut rows, "What happened to the device", &v.device);
            some(&mut rows, "Why it was not viewed", &v.reason_not_viewed);
        }
        EntryBody::Status(s) => {
            rows.push(("New status", s.to.label().to_owned()));
            if let Some(sign_off) = &s.sign_off {
                rows.push(("Signed off by", format!("{}, {}", sign_off.name, uk_date(sign_off.on))));
            }
            some(&mut rows, "Reason", &s.reason);
        }
    }
    rows
}

/// One line for a chronology table: what the entry says, briefly.
pub(super) fn entry_summary(body: &EntryBody) -> String {
    match body {
        EntryBody::Report(r) => format!("{} \u{2013} {}. {}", r.category.label(), r.kind.label(), r.facts),
        EntryBody::Person(p) => format!("{} ({})", p.name, p.role.label()),
        EntryBody::Action(a) => format!("{} ({})", a.what, a.by),
        EntryBody::Evidence(e) => format!("{}; held: {}", e.what, e.held_where),
        EntryBody::Decision(d) => format!("{} Reason: {}", d.decision, d.reason),
        EntryBody::Referral(r) => {
            let reference = r.reference.as_deref().map(|x| format!(", reference {x}")).unwrap_or_default();
            format!("Referred to {}{reference}", agency_words(r))
        }
        EntryBody::ParentsInformed(p) if p.informed => {
            format!("Parents or carers told{}", p.by.as_deref().map(|b| format!(" by {b}")).unwrap_or_default())
        }
        EntryBody::ParentsInformed(p) => {
            format!("Parents or carers not told: {}", p.why_not.as_deref().unwrap_or("no reason given"))
        }
        EntryBody::Outcome(o) => o.outcome.clone(),
        EntryBody::Status(s) => format!("Status now {}", s.to.label().to_lowercase()),
        EntryBody::Judgement(j) => format!("Judged: {}. Reason: {}", j.judgement.label(), j.reason),
        EntryBody::ImageViewing(v) if v.viewed => {
            format!("Image viewed by {}. Why: {}", v.by, v.justification.as_deref().unwrap_or("not recorded"))
        }
        EntryBody::ImageViewing(v) => {
            format!("Image not viewed ({}). Why: {}", v.by, v.reason_not_viewed.as_deref().unwrap_or("not recorded"))
        }
        EntryBody::Step(step) => match &step.details {
            Some(details) => format!("{} ({}): {details}", step.step.label(), step.by),
            None => format!("{} ({})", step.step.label(), step.by),
        },
    }
}

/// What a step's notes are called on paper: each step records something different.
pub(crate) fn step_details_label(step: RouteStepKind) -> &'static str {
    match step {
        RouteStepKind::EvidenceSecured => "Where it is secured",
        RouteStepKind::PoliceOutcome => "What the police said",
        RouteStepKind::ActionAndSanctions => "Action and sanctions",
        RouteStepKind::PoliciesAndToolsReviewed => "What changed",
        _ => "Notes",
    }
}

pub(super) fn happened(on: chrono::NaiveDate, time: Option<&str>) -> String {
    match time {
        Some(t) => format!("{} at {t}", uk_date(on)),
        None => format!("{} (time not known)", uk_date(on)),
    }
}

fn agency_words(r: &Referral) -> String {
    match (r.agency, &r.other_agency) {
        (Agency::Other, Some(name)) => name.clone(),
        (agency, _) => agency.label().to_owned(),
    }
}

fn or_not_recorded(text: &str) -> String {
    if text.trim().is_empty() {
        "Not recorded".to_owned()
    } else {
        text.to_owned()
    }
}

fn yes_no(value: bool) -> String {
    if value { "Yes" } else { "No" }.to_owned()
}
