//! The filled report for one incident: a summary, the record as it now stands (each entry at its
//! latest version), then the chronology of every entry and amendment in the order they were saved,
//! so a reader sees the original words beside each correction.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::entry_text::{entry_fields, happened};
use super::{recorded_by_words, CONFIDENTIAL};
use crate::dates::uk_date_time_text;
use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::{uk_date, FormError};
use crate::records::incidents::{EntryBody, IncidentDetail, IncidentEntry, IncidentSource, Route, Status};

/// Everything one incident's report prints, gathered by the caller.
pub struct IncidentReportForm {
    /// The organisation's name, printed under the title.
    pub org_name: String,
    /// The incident with every entry and amendment, in the order saved.
    pub detail: IncidentDetail,
    /// Admin ids and names, removed admins included, to say who saved each entry.
    pub admin_names: HashMap<String, String>,
    /// The UK day the report was printed.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

const TITLE: &str = "Incident report";

/// One incident's full report as a PDF: its details, then every entry and amendment in order.
pub fn incident_report_pdf(form: &IncidentReportForm) -> Result<Vec<u8>, FormError> {
    let incident = &form.detail.incident;
    let mut doc = FormDocument::new(&format!("{TITLE} {}", incident.reference), Orientation::Portrait)?;
    doc.set_demo(form.demo);
    doc.set_footer_text(&format!("{CONFIDENTIAL} \u{b7} Incident {}", incident.reference));

    doc.title(&format!("{TITLE} {}", incident.reference));
    doc.paragraph(&format!("{}\nPrinted {}", form.org_name, uk_date(form.printed)));
    doc.strong(&format!(
        "{CONFIDENTIAL}. Share this report only with people who need it to keep a child safe, and keep it locked away."
    ));

    let entries: HashMap<&str, &IncidentEntry> = form.detail.chronology.iter().map(|e| (e.id.as_str(), e)).collect();
    let current: Vec<&IncidentEntry> =
        form.detail.current.iter().filter_map(|(_, latest)| entries.get(latest.as_str()).copied()).collect();

    doc.heading("Summary");
    doc.table(&[], &summary_rows(form, &current));

    current_record(
        &mut doc,
        &current,
        &form.detail.route,
        incident.kind.needs_image_decision(),
        incident.status == Status::Closed,
    );

    doc.heading("Chronology");
    doc.note(
        "Every entry in the order it was saved. A correction is a new entry: the entry it corrects \
         is still shown above it exactly as first written.",
    );
    let seq_of: HashMap<&str, i64> = form.detail.chronology.iter().map(|e| (e.id.as_str(), e.seq)).collect();
    for entry in &form.detail.chronology {
        let when = uk_date_time_text(&entry.recorded_at).unwrap_or_else(|| entry.recorded_at.clone());
        let who = recorded_by_words(&entry.recorded_by, &form.admin_names);
        let mut rows: Vec<Vec<String>> = Vec::new();
        if let Some(original) = &entry.amends {
            let number = seq_of.get(original.as_str()).map_or_else(|| "?".to_owned(), i64::to_string);
            rows.push(vec!["Corrects entry".into(), format!("Entry {number}")]);
            rows.push(vec!["Why corrected".into(), entry.reason.clone().unwrap_or_default()]);
        }
        rows.extend(entry_fields(&entry.body).into_iter().map(|(label, value)| vec![label.to_owned(), value]));
        let heading = match entry.amends {
            Some(_) => format!("Entry {}: correction to {}", entry.seq, entry.body.title().to_lowercase()),
            None => format!("Entry {}: {}", entry.seq, entry.body.title().to_lowercase()),
        };
        // Keep the heading with its table when the table is short.
        doc.keep_together(12.0 + if rows.len() <= 12 { rows.len() as f32 * 7.5 } else { 15.0 });
        doc.strong(&heading);
        doc.note(&format!("Saved {when} (UK time) by {who}"));
        doc.table(&[], &rows);
        doc.spacer(2.0);
    }

    doc.finish()
}

fn summary_rows(form: &IncidentReportForm, current: &[&IncidentEntry]) -> Vec<Vec<String>> {
    let incident = &form.detail.incident;
    let mut rows: Vec<(&str, String)> = vec![
        ("Reference", incident.reference.clone()),
        ("Status", incident.status.label().to_owned()),
        ("Category", format!("{} \u{2013} {}", incident.category.label(), incident.kind.label())),
    ];
    if let Some(report) = current.iter().find_map(|e| match &e.body {
        EntryBody::Report(r) => Some(r),
        _ => None,
    }) {
        rows.push(("Happened", happened(report.occurred_on, report.occurred_at_time.as_deref())));
        rows.push(("Reported", format!("{} by {}", uk_date(report.reported_on), report.reported_by)));
    }
    rows.push((
        "Came from",
        match incident.source {
            IncidentSource::Admin => "Recorded by an admin".to_owned(),
            IncidentSource::SigningStation => {
                let receipt = incident.receipt.as_deref().map(|r| format!(" (receipt {r})")).unwrap_or_default();
                format!("Reported at the signing station{receipt}; identity self-declared")
            }
        },
    ));
    if incident.staff_allegation {
        rows.push((
            "Allegation about staff",
            "Yes. The Local Authority Designated Officer (LADO) must be told within one working day.".to_owned(),
        ));
    }
    if incident.restricted {
        let names: Vec<String> = form
            .detail
            .access
            .iter()
            .map(|id| form.admin_names.get(id).cloned().unwrap_or_else(|| "an admin no longer listed".into()))
            .collect();
        rows.push(("Who may see it", format!("Restricted to: {}", names.join(", "))));
    }
    rows.push(("Entries", form.detail.chronology.len().to_string()));
    rows.into_iter().map(|(label, value)| vec![label.to_owned(), value]).collect()
}

/// Each part of the record at its latest version, grouped the way the incident page shows it.
fn current_record(
    doc: &mut FormDocument,
    current: &[&IncidentEntry],
    route: &Route,
    needs_image_decision: bool,
    closed: bool,
) {
    for entry in of_kind(current, "report") {
        doc.heading("The report");
        small_table(doc, &pairs(&entry.body));
    }

    let people: Vec<Vec<String>> = of_kind(current, "person")
        .filter_map(|e| match &e.body {
            EntryBody::Person(p) => Some(vec![
                p.name.clone(),
                p.role.label().to_owned(),
                if p.person_id.is_some() { "Yes" } else { "No" }.to_owned(),
            ]),
            _ => None,
        })
        .collect();
    doc.heading("People involved");
    if people.is_empty() {
        doc.paragraph("Nobody has been added yet.");
    } else {
        doc.table(&["Name", "Role in this incident", "In the people register"], &people);
    }

    route_section(doc, route);

    if needs_image_decision {
        doc.heading("Image viewing decision");
        doc.note(
            "Safekeeper never stores an image for this kind of incident. Nobody views one unless there \
             is no other option or a clear reason; if it is viewed, the DSL views it and writes down why.",
        );
        let mut any = false;
        for entry in of_kind(current, "imageViewing") {
            small_table(doc, &pairs(&entry.body));
            doc.spacer(1.0);
            any = true;
        }
        if !any {
            doc.paragraph("No decision recorded yet.");
        }
    }

    let sections: [(&str, &str, &str); 6] = [
        ("action", "Actions taken", "No actions recorded."),
        ("evidence", "Evidence", "No evidence recorded."),
        ("decision", "Decisions and reasons", "No decisions recorded."),
        ("referral", "Referrals", "No referrals recorded."),
        ("parentsInformed", "Parents or carers", "Not yet recorded whether parents or carers were told."),
        ("outcome", "Outcome", "No outcome recorded yet."),
    ];
    for (kind, heading, none) in sections {
        doc.heading(heading);
        let mut any = false;
        for entry in of_kind(current, kind) {
            small_table(doc, &pairs(&entry.body));
            doc.spacer(1.0);
            any = true;
        }
        if !any {
            doc.paragraph(none);
        }
    }

    // A reopened incident keeps its old sign-off in the chronology, but is no longer signed off.
    let sign_off = of_kind(current, "status")
        .filter_map(|e| match &e.body {
            EntryBody::Status(s) => s.sign_off.as_ref(),
            _ => None,
        })
        .last();
    if let (true, Some(sign_off)) = (closed, sign_off) {
        doc.heading("Sign-off");
        doc.paragraph(&format!("Reviewed and signed off by {} on {}.", sign_off.name, uk_date(sign_off.on)));
    }
}

/// The judgement and its route: who judged it, when and why, then each step done or still open.
fn route_section(doc: &mut FormDocument, route: &Route) {
    // The heading, the judgement and the first steps together.
    doc.keep_together(70.0);
    doc.heading("Judgement and route");
    let Some(decided) = &route.decided else {
        doc.paragraph("Not yet judged as unsuitable or illegal material or activity.");
        return;
    };
    let mut rows = vec![
        vec!["Judged as".to_owned(), decided.judgement.label().to_owned()],
        vec!["By".to_owned(), format!("{}, {}", decided.by, uk_date(decided.on))],
        vec!["Why".to_owned(), decided.reason.clone()],
    ];
    if route.awaiting_police {
        rows.push(vec!["Now".to_owned(), "Awaiting the police response".to_owned()]);
    }
    small_table(doc, &rows);
    if route.steps.is_empty() {
        return;
    }
    let steps: Vec<Vec<String>> = route
        .steps
        .iter()
        .map(|s| match &s.done {
            Some(done) => {
                let mut what = vec![format!("{}, {}", uk_date(done.on), done.by)];
                if let Some(reference) = &done.reference {
                    what.push(format!("police reference {reference}"));
                }
                if let Some(found) = done.illegal_found {
                    what.push(
                        if found { "illegal material or activity found" } else { "nothing illegal found" }.into(),
                    );
                }
                if let Some(details) = &done.details {
                    what.push(details.clone());
                }
                vec![s.step.label().to_owned(), "Done".to_owned(), what.join("; ")]
            }
            None => vec![s.step.label().to_owned(), "Open".to_owned(), String::new()],
        })
        .collect();
    doc.table(&["Step", "", "When, who and what"], &steps);
}

fn of_kind<'a>(current: &'a [&'a IncidentEntry], kind: &'a str) -> impl Iterator<Item = &'a IncidentEntry> + 'a {
    current.iter().filter(move |e| e.body.kind_name() == kind).copied()
}

/// A label and value table, moved to the next page whole when it is short enough to fit on one.
fn small_table(doc: &mut FormDocument, rows: &[Vec<String>]) {
    const ROUGH_ROW_MM: f32 = 7.5;
    if rows.len() <= 12 {
        doc.keep_together(rows.len() as f32 * ROUGH_ROW_MM);
    }
    doc.table(&[], rows);
}

fn pairs(body: &EntryBody) -> Vec<Vec<String>> {
    entry_fields(body).into_iter().map(|(label, value)| vec![label.to_owned(), value]).collect()
}
