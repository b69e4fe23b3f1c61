//! The sections of the subject access PDF for the person's own records: their details, the
//! agreements they signed, their photo and video consents, and their training.

use super::picture_or_note;
use crate::dates::uk_date_time_text;
use crate::forms::consent::{consent_facts, consent_heading};
use crate::forms::layout::FormDocument;
use crate::forms::uk_date;
use crate::records::signatures::{SignatureSource, SigningMethod};
use crate::records::subject_access::{SubjectAccess, SubjectPublication};

fn or_none(value: Option<String>) -> String {
    value.filter(|v| !v.trim().is_empty()).unwrap_or_else(|| "Not recorded".to_owned())
}

fn when(rfc3339: &str) -> String {
    uk_date_time_text(rfc3339).unwrap_or_else(|| rfc3339.to_owned())
}

fn list_or_none(items: Vec<String>) -> String {
    if items.is_empty() {
        "None".to_owned()
    } else {
        items.join("\n")
    }
}

pub(super) fn about_you(doc: &mut FormDocument, access: &SubjectAccess) {
    let d = &access.details;
    let p = &d.person;
    doc.heading("About you");
    let rows = vec![
        vec!["Full name".to_owned(), p.full_name.clone()],
        vec!["Name you like to be called".to_owned(), or_none(p.preferred_name.clone())],
        vec!["Group".to_owned(), p.group.label().to_owned()],
        vec!["Date of birth".to_owned(), or_none(p.date_of_birth.map(uk_date))],
        vec!["Started with us".to_owned(), or_none(p.start_date.map(uk_date))],
        vec!["Left".to_owned(), or_none(p.leave_date.map(uk_date))],
        vec!["Email".to_owned(), or_none(p.email.clone())],
        vec!["Phone".to_owned(), or_none(p.phone.clone())],
        vec!["Name shown on the signing screen".to_owned(), if p.kiosk_listed { "Yes" } else { "No" }.to_owned()],
        vec![
            "Status".to_owned(),
            match &p.archived_at {
                Some(at) => format!("No longer active (since {})", when(at)),
                None => "Active".to_owned(),
            },
        ],
        vec!["Added to our records".to_owned(), when(&p.created_at)],
        vec!["Roles".to_owned(), list_or_none(d.roles.iter().map(|r| r.label().to_owned()).collect())],
        vec!["Groups you are in".to_owned(), list_or_none(d.groups.clone())],
        vec![
            "Parents or carers linked to you".to_owned(),
            list_or_none(d.parents_carers.iter().map(|l| l.full_name.clone()).collect()),
        ],
        vec![
            "Young people linked to you".to_owned(),
            list_or_none(d.young_people.iter().map(|l| l.full_name.clone()).collect()),
        ],
    ];
    doc.table(&[], &rows);
}

pub(super) fn signatures(doc: &mut FormDocument, access: &SubjectAccess) {
    doc.keep_together(70.0);
    doc.heading("Agreements you signed");
    if access.signatures.is_empty() {
        doc.paragraph("We hold no signed acceptable use agreement for you.");
        return;
    }
    doc.note("An acceptable use agreement sets out the rules for using computers, phones and the internet with us.");
    for s in &access.signatures {
        let sig = &s.signature;
        doc.keep_together(60.0);
        doc.strong(&format!("{} (version {}, for {})", s.aup_title, sig.version_number, s.audience.label()));
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut row = |label: &str, value: String| rows.push(vec![label.to_owned(), value]);
        match sig.method {
            SigningMethod::OnScreen => {
                row("Signed", when(&sig.signed_at));
                row("How", "On screen".to_owned());
            }
            SigningMethod::Paper => {
                row("Signed", or_none(sig.paper_signed_on.map(uk_date)));
                row("How", format!("On paper, filed at: {}", or_none(sig.paper_filed_at.clone())));
            }
        }
        let mark = match (&sig.typed_mark, sig.drawn) {
            (Some(typed), _) => format!("Typed name: {typed}"),
            (None, true) => "Drawn (shown below)".to_owned(),
            (None, false) => "On the paper copy".to_owned(),
        };
        row("Signature", mark);
        if let Some(counter) = &sig.countersigned_by {
            let how = match (&sig.countersignature_typed, sig.countersignature_drawn) {
                (Some(typed), _) => format!(" (typed name: {typed})"),
                (None, true) => " (drawn, shown below)".to_owned(),
                _ => String::new(),
            };
            row("Countersigned by", format!("{counter}{how}"));
        }
        row(
            "Where it was given",
            match sig.source {
                SignatureSource::Admin => "With a member of staff".to_owned(),
                SignatureSource::SigningStation => "At the signing screen".to_owned(),
            },
        );
        row(
            "Checked by staff",
            match (&sig.confirmed_at, sig.self_declared) {
                (_, true) => "Not yet: waiting for staff to confirm who signed".to_owned(),
                (Some(at), false) => format!("Yes, {}", when(at)),
                (None, false) => "Yes".to_owned(),
            },
        );
        if let Some(media) = &sig.scan_media_type {
            row("Scan of the paper copy", format!("Stored ({media}); it is in the computer file"));
        }
        row("Fingerprint of the exact wording signed", sig.content_hash.chars().take(16).collect());
        doc.table(&[], &rows);
        if let Some(mark) = &s.mark {
            picture_or_note(doc, &mark.bytes, "drawn signature");
        }
        if let Some(mark) = &s.countersignature_mark {
            picture_or_note(doc, &mark.bytes, "drawn countersignature");
        }
    }
}

pub(super) fn consents(doc: &mut FormDocument, access: &SubjectAccess, accounts: &[(String, String)]) {
    // A heading and its note alone at the foot of a page read as if the section were empty.
    doc.keep_together(70.0);
    doc.heading("Photos and videos");
    if access.consents.is_empty() {
        doc.paragraph("We hold no answer from you, or for you, about photos and videos.");
    } else {
        doc.note("Each time you (or your parent or carer) told us what we may do with photos and videos of you, newest first.");
    }
    for c in &access.consents {
        let facts = consent_facts(&c.consent, accounts, access.produced_on);
        doc.keep_together(12.0 + facts.len() as f32 * 7.5);
        doc.strong(&consent_heading(&c.consent, None));
        doc.table(&[], &facts);
        if let Some(mark) = &c.mark {
            picture_or_note(doc, &mark.bytes, "drawn signature");
        }
    }

    doc.heading("Where pictures of you were used");
    if access.publications.is_empty() {
        doc.paragraph("We have no record of using a picture of you.");
        return;
    }
    let rows: Vec<Vec<String>> = access
        .publications
        .iter()
        .map(|p| {
            let what = match &p.link {
                Some(link) => format!("{}\n{link}", p.description),
                None => p.description.clone(),
            };
            vec![uk_date(p.published_on), p.use_label.clone(), what, others_words(p), takedown_words(access, p)]
        })
        .collect();
    doc.table(&["Used on", "Where", "What", "Others in it", "Taken down"], &rows);
}

fn others_words(p: &SubjectPublication) -> String {
    match p.others_shown {
        0 => "Only you".to_owned(),
        1 => "1 other person".to_owned(),
        n => format!("{n} other people"),
    }
}

fn takedown_words(access: &SubjectAccess, p: &SubjectPublication) -> String {
    if let Some(t) = &p.takedown {
        return if t.removed {
            format!("Yes, {} by {}", uk_date(t.done_on), t.done_by)
        } else {
            format!("Could not be removed (noted {} by {})", uk_date(t.done_on), t.done_by)
        };
    }
    match access.takedowns_due.iter().find(|t| t.publication_id == p.publication_id) {
        Some(item) => format!("Due to come down: {}", item.why),
        None => "Not needed".to_owned(),
    }
}

pub(super) fn training(doc: &mut FormDocument, access: &SubjectAccess) {
    doc.keep_together(40.0);
    doc.heading("Training");
    if access.training.is_empty() {
        doc.paragraph("We hold no training record for you.");
        return;
    }
    let rows: Vec<Vec<String>> = access
        .training
        .iter()
        .map(|t| {
            let r = &t.record;
            let mut done = format!("{}\n{}", uk_date(r.completed_on), r.provider);
            if let Some(notes) = &r.notes {
                done.push_str(&format!("\n{notes}"));
            }
            vec![
                t.course_name.clone(),
                done,
                r.next_due.map_or_else(|| "Done once, not repeated".to_owned(), uk_date),
                match &t.certificate {
                    Some(c) => format!("Stored ({}); it is in the computer file", c.media_type),
                    None => "None".to_owned(),
                },
            ]
        })
        .collect();
    doc.table(&["Course", "Completed, with", "Due again", "Certificate"], &rows);
}
