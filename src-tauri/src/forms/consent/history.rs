//! One person's image consent history: where they stand today, every consent newest first with
//! its answers and any withdrawal, and each logged publication they appear in with where its
//! take-down stands.
//!
//! Other people in the same publications are never named here.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::CONFIDENTIAL;
use crate::dates::uk_date_time_text;
use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::{uk_date, FormError};
use crate::records::consent::wording::use_title;
use crate::records::consent::{Giver, ImageConsent, PersonConsent, Publication};

/// Everything one person's image consent history prints, gathered by the caller.
pub struct ConsentHistory {
    /// The organisation's name, printed under the title.
    pub org_name: String,
    /// What `records::consent::person_view` returned for the day printed.
    pub person: PersonConsent,
    /// Take-downs already ticked off, by publication id: (removed, on, by), as
    /// `records::consent::takedowns_for_person` gives them.
    pub taken_down: HashMap<String, (bool, NaiveDate, String)>,
    /// The uses the current form asks about, as `records::consent::current_uses` gives them:
    /// `person.status.uses` answers them in this order.
    pub uses: Vec<(String, String)>,
    /// Every social media account as (id, name), retired ones too, to name old answers.
    pub accounts: Vec<(String, String)>,
    /// The UK day the history was printed, which the standing shown is worked out for.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

const TITLE: &str = "Image consent history";
/// Roughly how tall one consent's block prints, to keep it on one page: the bold line above the
/// table, each row's padding, and each line of text in a table cell.
const CONSENT_HEADING_MM: f32 = 8.0;
const ROW_PADDING_MM: f32 = 2.8;
const LINE_MM: f32 = 4.6;

/// One person's image consent history as a PDF: their standing now, each consent given and
/// withdrawn, and the publications they appear in.
pub fn consent_history_pdf(sheet: &ConsentHistory) -> Result<Vec<u8>, FormError> {
    let name = &sheet.person.status.display_name;
    let mut doc = FormDocument::new(&format!("{TITLE}: {name}"), Orientation::Portrait)?;
    doc.set_demo(sheet.demo);
    doc.set_footer_text(&format!("{CONFIDENTIAL} \u{b7} {TITLE} \u{b7} {name}"));

    doc.title(TITLE);
    doc.paragraph(&format!("{name}\n{}\nPrinted {}", sheet.org_name, uk_date(sheet.printed)));
    doc.strong("Confidential. Share it only with people who need it, and keep it locked away.");

    doc.heading(&format!("Where they stand on {}", uk_date(sheet.printed)));
    let mut today: Vec<Vec<String>> = sheet
        .uses
        .iter()
        .zip(&sheet.person.status.uses)
        .map(|((key, _), answer)| vec![use_title(key, &sheet.accounts), answer.explanation.clone()])
        .collect();
    today.push(vec!["Name with image".to_owned(), sheet.person.status.name_explanation.clone()]);
    doc.table(&["Use", "Answer"], &today);

    doc.heading("Consents, newest first");
    if sheet.person.history.is_empty() {
        doc.paragraph("No image consent has been recorded for this person.");
    }
    for consent in &sheet.person.history {
        let facts = consent_facts(consent, &sheet.accounts, sheet.printed);
        // One consent's facts read as a whole, so start a fresh page rather than split them.
        let lines: usize = facts.iter().map(|row| row[1].lines().count().max(1)).sum();
        doc.keep_together(CONSENT_HEADING_MM + facts.len() as f32 * ROW_PADDING_MM + lines as f32 * LINE_MM);
        let state = sheet.person.history_states.get(&consent.id).map(String::as_str);
        doc.strong(&consent_heading(consent, state));
        doc.table(&[], &facts);
    }

    doc.heading("Where their images were published");
    if sheet.person.publications.is_empty() {
        doc.paragraph("No publication showing this person has been logged.");
        return doc.finish();
    }
    let rows: Vec<Vec<String>> = sheet
        .person
        .publications
        .iter()
        .map(|p| {
            let what = match &p.link {
                Some(link) => format!("{}\n{link}", p.description),
                None => p.description.clone(),
            };
            vec![uk_date(p.published_on), p.use_label.clone(), what, takedown_words(sheet, p)]
        })
        .collect();
    doc.table(&["Published", "Where", "What", "Take-down"], &rows);
    doc.finish()
}

/// "Given 4 May 2026 · Expired on 4 May 2027": the day it was given, and where it stands on the
/// day printed when that is known (see `rules::consent_state`).
pub(crate) fn consent_heading(c: &ImageConsent, state: Option<&str>) -> String {
    match (state, &c.withdrawal) {
        (Some(state), _) => format!("Given {} \u{b7} {state}", uk_date(c.given_on)),
        (None, Some(w)) => format!("Given {} \u{b7} withdrawn {}", uk_date(c.given_on), uk_date(w.on)),
        (None, None) => format!("Given {}", uk_date(c.given_on)),
    }
}

pub(crate) fn consent_facts(c: &ImageConsent, accounts: &[(String, String)], printed: NaiveDate) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = |label: &str, value: String| rows.push(vec![label.to_owned(), value]);
    let by = match c.giver {
        Giver::Myself => "The person themselves".to_owned(),
        Giver::ParentCarer => {
            let relationship = c.relationship.as_deref().map_or_else(String::new, |r| format!(" ({r})"));
            let responsibility = if c.parental_responsibility {
                "with parental responsibility"
            } else {
                "parental responsibility not recorded"
            };
            format!("{}{relationship}, {responsibility}", c.giver_name)
        }
    };
    row("Given by", by);
    if let Some(judgement) = &c.judgement {
        row("Why staff judged they understood", judgement.clone());
    }
    let how = match (&c.witness, &c.receipt) {
        (Some(witness), _) => format!("{} (witness: {witness})", c.method.label()),
        (None, Some(receipt)) => format!("{} (receipt {receipt})", c.method.label()),
        (None, None) => c.method.label().to_owned(),
    };
    row("How", how);
    row("Form version", c.form_version.clone());
    let expires =
        if c.expires_on <= printed { format!("{} (expired)", uk_date(c.expires_on)) } else { uk_date(c.expires_on) };
    row("Expires", expires);
    let titles = |allowed: bool| {
        let names: Vec<String> =
            c.answers.iter().filter(|a| a.allowed == allowed).map(|a| use_title(&a.use_key, accounts)).collect();
        if names.is_empty() {
            "None".to_owned()
        } else {
            names.join("\n")
        }
    };
    row("Said yes to", titles(true));
    row("Said no to", titles(false));
    row("Name with image", if c.name_with_image { "Yes" } else { "No" }.to_owned());
    if let Some(notes) = &c.notes {
        row("Notes and conditions", notes.clone());
    }
    row(
        "Confirmed",
        if c.self_declared {
            "No: given at the signing station and waiting for an admin to confirm who it is about".to_owned()
        } else {
            "Yes".to_owned()
        },
    );
    if let Some(w) = &c.withdrawal {
        let mut words = format!("{}\nHow: {}\nRecorded by: {}", uk_date(w.on), w.how, w.recorded_by);
        if let Some(note) = &w.note {
            words.push_str(&format!("\nNote: {note}"));
        }
        row("Withdrawn", words);
    }
    if let Some(entered) = uk_date_time_text(&c.created_at) {
        row("Entered in Safekeeper", entered);
    }
    rows
}

fn takedown_words(sheet: &ConsentHistory, p: &Publication) -> String {
    if let Some((removed, on, by)) = sheet.taken_down.get(&p.id) {
        return if *removed {
            format!("Taken down {} by {by}", uk_date(*on))
        } else {
            format!("Cannot be removed (noted {} by {by})", uk_date(*on))
        };
    }
    match sheet.person.takedowns.iter().find(|t| t.publication_id == p.id) {
        Some(item) => format!("To take down: {}", item.why),
        None => "None needed".to_owned(),
    }
}
