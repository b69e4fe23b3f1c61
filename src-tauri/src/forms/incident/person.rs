//! One person's chronology across incidents: the incidents they are linked to, with their own
//! role in each, then every dated event from those incidents in date order.
//!
//! Other people's roles are never printed here: a role belongs to one person in one incident.

use chrono::NaiveDate;

use super::entry_text::entry_summary;
use super::CONFIDENTIAL;
use crate::dates::uk_day_of;
use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::{uk_date, FormError};
use crate::records::incidents::{EntryBody, IncidentDetail, IncidentEntry, Role};

/// An incident the person is linked to, as the printing admin may see it.
pub struct PersonIncident {
    /// The incident with its entries, as the printing admin may see it.
    pub detail: IncidentDetail,
}

/// Everything one person's incident chronology prints, gathered by the caller.
pub struct PersonChronology {
    /// The organisation's name, printed under the title.
    pub org_name: String,
    /// The person's id (a UUID), used to find their role in each incident.
    pub person_id: String,
    /// The person's full name, printed in the title and footer.
    pub person_name: String,
    /// Each incident the person is linked to that the printing admin may see.
    pub incidents: Vec<PersonIncident>,
    /// The UK day the chronology was printed.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

const TITLE: &str = "Incident chronology";

/// One dated line of the chronology.
struct Event {
    on: NaiveDate,
    reference: String,
    seq: i64,
    what: &'static str,
    text: String,
}

/// One person's incident chronology as a PDF: each incident with their role, then the dated
/// events across all of them.
pub fn person_chronology_pdf(form: &PersonChronology) -> Result<Vec<u8>, FormError> {
    let mut doc = FormDocument::new(&format!("{TITLE}: {}", form.person_name), Orientation::Portrait)?;
    doc.set_demo(form.demo);
    doc.set_footer_text(&format!("{CONFIDENTIAL} \u{b7} {TITLE} \u{b7} {}", form.person_name));

    doc.title(TITLE);
    doc.paragraph(&format!("{}\n{}\nPrinted {}", form.person_name, form.org_name, uk_date(form.printed)));
    doc.strong(&format!(
        "{CONFIDENTIAL}. Share only with people who need it to keep a child safe, and keep it locked away."
    ));

    doc.heading("Incidents");
    if form.incidents.is_empty() {
        doc.paragraph("This person is not linked to any incident you can see.");
        return doc.finish();
    }
    let mut sorted: Vec<&PersonIncident> = form.incidents.iter().collect();
    sorted.sort_by(|a, b| {
        (a.detail.incident.occurred_on, &a.detail.incident.reference)
            .cmp(&(b.detail.incident.occurred_on, &b.detail.incident.reference))
    });
    let rows: Vec<Vec<String>> = sorted
        .iter()
        .map(|p| {
            let i = &p.detail.incident;
            vec![
                i.reference.clone(),
                uk_date(i.occurred_on),
                format!("{} \u{2013} {}", i.category.label(), i.kind.label()),
                role_of(&p.detail, &form.person_id).map_or("Not recorded", Role::label).to_owned(),
                i.status.label().to_owned(),
            ]
        })
        .collect();
    doc.table(&["Reference", "Happened", "Category", "Their role", "Status"], &rows);

    doc.heading("Chronology");
    doc.note(
        "Dated events from these incidents, oldest first, each as its latest version. Each \
         incident\u{2019}s own report shows every correction.",
    );
    let mut events: Vec<Event> = sorted.iter().flat_map(|p| events_of(&p.detail)).collect();
    events.sort_by(|a, b| (a.on, &a.reference, a.seq).cmp(&(b.on, &b.reference, b.seq)));
    let rows: Vec<Vec<String>> =
        events.into_iter().map(|e| vec![uk_date(e.on), e.reference, e.what.to_owned(), e.text]).collect();
    doc.table(&["Date", "Incident", "Entry", "What"], &rows);

    doc.finish()
}

/// The person's role in this incident, from the latest version of their own entry.
pub(super) fn role_of(detail: &IncidentDetail, person_id: &str) -> Option<Role> {
    current_entries(detail).find_map(|e| match &e.body {
        EntryBody::Person(p) if p.person_id.as_deref() == Some(person_id) => Some(p.role),
        _ => None,
    })
}

fn current_entries(detail: &IncidentDetail) -> impl Iterator<Item = &IncidentEntry> {
    detail.current.iter().filter_map(|(_, latest)| detail.chronology.iter().find(|e| &e.id == latest))
}

fn events_of(detail: &IncidentDetail) -> Vec<Event> {
    let reference = &detail.incident.reference;
    let mut events = Vec::new();
    for entry in current_entries(detail) {
        let saved_on = uk_day_of(&entry.recorded_at).unwrap_or(detail.incident.occurred_on);
        let mut push = |on: NaiveDate, what: &'static str, text: String| {
            events.push(Event { on, reference: reference.clone(), seq: entry.seq, what, text });
        };
        match &entry.body {
            // Who else was involved, and their roles, stay in each incident's own report.
            EntryBody::Person(_) => {}
            EntryBody::Report(r) => {
                push(r.occurred_on, "Happened", entry_summary(&entry.body));
                push(
                    r.reported_on,
                    "Reported",
                    format!("Reported by {} to {} ({})", r.reported_by, r.reported_to, r.how_reported),
                );
            }
            EntryBody::Action(a) => push(a.on, "Action taken", entry_summary(&entry.body)),
            EntryBody::Decision(d) => push(d.on, "Decision", entry_summary(&entry.body)),
            EntryBody::Referral(r) => push(r.on, "Referral", entry_summary(&entry.body)),
            EntryBody::ParentsInformed(p) => {
                push(p.on.unwrap_or(saved_on), "Parents or carers", entry_summary(&entry.body));
            }
            body => push(saved_on, body.title(), entry_summary(body)),
        }
    }
    events
}
