//! One person's signed AUP record: who signed which exact version, when and how, whether an admin
//! has confirmed who it was, the signature itself, any countersignature, then the full text they
//! agreed to.

use chrono::NaiveDate;

use super::{policy_text, short_hash};
use crate::dates::uk_date_time_text;
use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::{uk_date, FormError};
use crate::records::aup::{Audience, AupContent};
use crate::records::signatures::{Signature, SignatureSource, SigningMethod};

/// Everything the record prints, gathered by the caller.
pub struct SignedAup {
    /// The organisation's name, printed under the title.
    pub org_name: String,
    /// The person the signature belongs to, or the name typed at the signing station if nobody
    /// has been matched yet.
    pub person_name: String,
    /// Who the AUP was for.
    pub audience: Audience,
    /// The text of the version signed (the one `signature.content_hash` names).
    pub content: AupContent,
    /// The signature record: version, time, method, source and who confirmed it.
    pub signature: Signature,
    /// The drawn signature, when it was drawn on screen.
    pub mark_png: Option<Vec<u8>>,
    /// The parent or carer's drawn countersignature, when there is one.
    pub countersignature_png: Option<Vec<u8>>,
    /// The name of the admin who confirmed a signing-station signature, if still known.
    pub confirmed_by_name: Option<String>,
    /// The UK day the record was printed.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

const TITLE: &str = "Signed acceptable use policy";
/// A drawn signature prints about the size a pen signature would be.
const MARK_WIDTH_MM: f32 = 80.0;
const MARK_HEIGHT_MM: f32 = 28.0;

/// One person's signed AUP as a PDF: the signature's details and marks, then the full text signed.
pub fn signed_aup_pdf(record: &SignedAup) -> Result<Vec<u8>, FormError> {
    let s = &record.signature;
    let mut doc = FormDocument::new(TITLE, Orientation::Portrait)?;
    doc.set_demo(record.demo);
    doc.set_footer_text(&format!(
        "Signed AUP \u{b7} {} \u{b7} version {} \u{b7} fingerprint {}",
        record.person_name,
        s.version_number,
        short_hash(&s.content_hash)
    ));

    doc.title(TITLE).paragraph(&format!(
        "{}\nPrinted {}. Keep this record as confidentially as the person\u{2019}s other records.",
        record.org_name,
        uk_date(record.printed)
    ));

    doc.heading("The signature record");
    doc.table(&[], &summary_rows(record));

    doc.heading("Signature");
    match s.method {
        SigningMethod::Paper => {
            doc.paragraph("Signed by hand on the paper copy. See above for where it is filed.");
        }
        SigningMethod::OnScreen => match (&s.typed_mark, &record.mark_png) {
            (Some(typed), _) => {
                doc.paragraph(&format!("Typed name: {typed}"));
            }
            (None, Some(png)) => {
                doc.paragraph("Drawn on screen:");
                doc.framed_png(png, MARK_WIDTH_MM, MARK_HEIGHT_MM)?;
            }
            (None, None) => {
                doc.paragraph("No signature image is stored with this record.");
            }
        },
    }

    if let Some(counter) = &s.countersigned_by {
        doc.heading("Countersignature").paragraph(&format!("Countersigned by {counter}, parent or carer."));
        match (&s.countersignature_typed, &record.countersignature_png) {
            (Some(typed), _) => {
                doc.paragraph(&format!("Typed name: {typed}"));
            }
            (None, Some(png)) => {
                doc.paragraph("Drawn on screen:");
                doc.framed_png(png, MARK_WIDTH_MM, MARK_HEIGHT_MM)?;
            }
            (None, None) if s.method == SigningMethod::Paper => {
                doc.paragraph("Signed by hand on the paper copy.");
            }
            (None, None) => {}
        }
    }

    doc.heading("The policy as signed").strong(&record.content.title);
    policy_text(&mut doc, &record.content);

    doc.finish()
}

/// Label and value pairs for the record's summary table, in the order a reader checks them.
fn summary_rows(record: &SignedAup) -> Vec<Vec<String>> {
    let s = &record.signature;
    let mut rows: Vec<(&str, String)> = vec![
        ("Name", record.person_name.clone()),
        ("Policy", record.content.title.clone()),
        ("For", record.audience.label().to_owned()),
        ("Version", format!("Version {}", s.version_number)),
        ("Content hash (SHA-256)", s.content_hash.clone()),
    ];
    match (s.method, s.paper_signed_on) {
        (SigningMethod::Paper, Some(day)) => {
            rows.push(("Date signed", format!("{} (as written on the paper copy)", uk_date(day))));
        }
        _ => rows.push(("Date and time signed", uk_time_or_raw(&s.signed_at))),
    }
    rows.push(("How it was signed", how_signed(s).to_owned()));
    if let Some(filed) = &s.paper_filed_at {
        rows.push(("Paper copy filed at", filed.clone()));
    }
    if s.scan_media_type.is_some() {
        rows.push(("Scan", "A scan of the signed paper copy is stored in Safekeeper.".to_owned()));
    }
    rows.push(("Who signed", identity(record)));
    if let Some(declared) = &s.declared_name {
        rows.push(("Name typed when signing", declared.clone()));
    }
    if let Some(receipt) = &s.receipt {
        rows.push(("Receipt number", receipt.clone()));
    }
    rows.push(("Recorded in Safekeeper", uk_time_or_raw(&s.recorded_at)));
    rows.into_iter().map(|(label, value)| vec![label.to_owned(), value]).collect()
}

fn uk_time_or_raw(rfc3339: &str) -> String {
    // A stored instant always parses; printing the raw text is better than refusing to print.
    uk_date_time_text(rfc3339).map_or_else(|| rfc3339.to_owned(), |t| format!("{t} (UK time)"))
}

fn how_signed(s: &Signature) -> &'static str {
    match (s.method, s.source) {
        (SigningMethod::Paper, _) => "On paper",
        (SigningMethod::OnScreen, SignatureSource::SigningStation) => "On screen at the signing station",
        (SigningMethod::OnScreen, SignatureSource::Admin) => "On screen, with an admin",
    }
}

fn identity(record: &SignedAup) -> String {
    let s = &record.signature;
    if s.self_declared {
        return "Self-declared: the signer typed their own name at the signing station. \
                An admin has not yet confirmed who signed."
            .to_owned();
    }
    match &s.confirmed_at {
        Some(at) => {
            let by = record.confirmed_by_name.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
            let when = uk_date_time_text(at).unwrap_or_else(|| at.clone());
            format!("Confirmed by an admin{by} on {when}.")
        }
        None => "Recorded by an admin, who knew who was signing.".to_owned(),
    }
}
