//! The incidents section of the subject access PDF: each incident that names the person, with
//! their own role and every entry as saved (corrections included), as the records hold it after
//! any names were hidden.

use std::collections::HashMap;

use crate::dates::uk_date_time_text;
use crate::forms::incident::{entry_fields, recorded_by_words};
use crate::forms::layout::FormDocument;
use crate::forms::uk_date;
use crate::records::incidents::EntryBody;
use crate::records::subject_access::{SubjectAccess, SubjectIncident, ANOTHER_PERSON};

/// Roughly how tall an entry's heading and first rows print, so a heading never ends a page.
const ENTRY_START_MM: f32 = 30.0;

pub(super) fn incidents(doc: &mut FormDocument, access: &SubjectAccess, admin_names: &HashMap<String, String>) {
    doc.keep_together(ENTRY_START_MM * 2.0);
    doc.heading("Incidents");
    if access.incidents.is_empty() {
        doc.paragraph("No safeguarding incident in our records names you.");
        return;
    }
    doc.note(
        "Each incident that names you, with everything written down about it in the order it was \
         written. Records are never changed: a correction is added as a new entry, and the entry it \
         corrects is still shown.",
    );
    for incident in &access.incidents {
        one_incident(doc, incident, admin_names);
    }
}

fn one_incident(doc: &mut FormDocument, s: &SubjectIncident, admin_names: &HashMap<String, String>) {
    let i = &s.incident;
    doc.keep_together(ENTRY_START_MM * 2.0);
    doc.strong(&format!("Incident {}", i.reference));
    let others = match s.other_people {
        0 => "None".to_owned(),
        1 => "1 other person".to_owned(),
        n => format!("{n} other people"),
    };
    doc.table(
        &[],
        &[
            vec!["Happened".to_owned(), uk_date(i.occurred_on)],
            vec!["What kind".to_owned(), format!("{} \u{2013} {}", i.category.label(), i.kind.label())],
            vec!["Your part in it".to_owned(), s.role.map_or("Not recorded", |r| r.label()).to_owned()],
            vec!["Where it stands".to_owned(), i.status.label().to_owned()],
            vec!["Other people named".to_owned(), others],
        ],
    );
    let seq_of: HashMap<&str, i64> = s.entries.iter().map(|e| (e.id.as_str(), e.seq)).collect();
    for entry in &s.entries {
        let saved = uk_date_time_text(&entry.recorded_at).unwrap_or_else(|| entry.recorded_at.clone());
        let by = recorded_by_words(&entry.recorded_by, admin_names);
        let mut rows: Vec<Vec<String>> = Vec::new();
        if let Some(original) = &entry.amends {
            let number = seq_of.get(original.as_str()).map_or_else(|| "?".to_owned(), i64::to_string);
            rows.push(vec!["Corrects".to_owned(), format!("Entry {number}")]);
            if let Some(reason) = &entry.reason {
                rows.push(vec!["Why it was corrected".to_owned(), reason.clone()]);
            }
        }
        let hidden_person = matches!(&entry.body, EntryBody::Person(p) if p.name == ANOTHER_PERSON);
        rows.extend(
            entry_fields(&entry.body)
                .into_iter()
                // A hidden person's link to the register was removed with their name; saying
                // "not in the register" would be untrue.
                .filter(|(label, _)| !(hidden_person && *label == "People register"))
                .map(|(label, value)| vec![label.to_owned(), value]),
        );
        doc.keep_together(ENTRY_START_MM);
        doc.paragraph(&format!("Entry {}: {} \u{b7} written {saved} by {by}", entry.seq, entry.body.title()));
        doc.table(&[], &rows);
    }
}
